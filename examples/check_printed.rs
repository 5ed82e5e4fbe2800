//! Checking a printed statement with the library: read a printed resultaträkning or
//! balansräkning from JSON (the format of `kommunal_redovisning::check`), recompute its
//! sums and print what does not agree. The full tool is `kommunal granska`.
//!
//! ```text
//! cargo run --example check_printed -- FILE.json   # default: Grästorp's BR 2020
//! ```

#![allow(clippy::print_stdout)]

use kommunal_redovisning::check::{PrintedStatement, Summary, check_statement};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/grastorp_br_2020.json"
        )
        .to_owned()
    });
    let printed: PrintedStatement = serde_json::from_slice(&std::fs::read(&path)?)?;
    let findings = check_statement(&printed);
    for f in &findings {
        println!("[{}] {}: {}", f.class.label(), f.row, f.message);
    }
    let summary = Summary::of(&findings);
    println!(
        "{}: {} fel, {} avrundningsdifferenser, {} rader som inte kunde placeras",
        printed.kind.label(),
        summary.errors,
        summary.rounding,
        summary.unplaced
    );
    Ok(())
}
