//! `granska`: checks a whole printed report (every table) given as JSON and prints
//! what it finds, grouped by table.
//!
//! ```text
//! cargo run --example granska -- examples/data/grastorp_2019_2020.json
//! cargo run --example granska -- --json examples/data/provoke_findings.json
//! ```
//!
//! The file is a `PrintedReport` (`{"entity": …, "tables": [...]}`) or a single
//! `PrintedTable`; the format is documented in `kommunal_redovisning::check`. Without
//! a file it checks `examples/data/grastorp_rs_2019.json`.
//!
//! Exit status: 0 when there is nothing but rounding differences, 1 when there are
//! errors or rows that could not be placed, 2 when the input cannot be read.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use kommunal_redovisning::check::{PrintedReport, PrintedTable, check_report_in_full};

const DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/grastorp_rs_2019.json"
);

fn read(path: &str) -> Result<PrintedReport, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("kan inte läsa {path}: {e}"))?;
    // A report has "tables" (or the older "statements"); anything else is one table.
    let probe: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path} är inte JSON: {e}"))?;
    let is_report = probe.get("tables").is_some() || probe.get("statements").is_some();
    // Parse the text itself (not the probe): duplicate keys are refused only there.
    if is_report {
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
    } else {
        let table: PrintedTable =
            serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
        Ok(PrintedReport {
            entity: table.entity.clone(),
            source: table.source.clone(),
            tables: vec![table],
        })
    }
}

fn main() -> ExitCode {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("användning: granska [--json] [FIL.json]");
                return ExitCode::SUCCESS;
            }
            other => path = Some(other.to_owned()),
        }
    }
    let path = path.unwrap_or_else(|| DEFAULT.to_owned());
    let report = match read(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("granska: {e}");
            return ExitCode::from(2);
        }
    };
    let checked = check_report_in_full(&report);
    if json {
        let out = serde_json::json!({
            "summary": checked.summary(),
            "coverage": checked.coverage,
            "conventions": checked.conventions,
            "findings": checked.discrepancies,
        });
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("granska: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print!("{}", checked.to_text(&report));
    }
    ExitCode::from(checked.exit_code())
}
