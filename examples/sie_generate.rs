//! `sie_generate`: writes the benchmark's generated municipal SIE 4E file.
//!
//! ```text
//! cargo run --release --example sie_generate -- OUT.SE [VOUCHERS]   # default 1 000 000
//! cargo run --release --example sie_generate -- OUT.SE 1000000 1000000   # and 1 000 000 ansvar objects
//! cargo run --example sie_generate > sample.SE                    # 1 000 vouchers
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../benches/sie_gen.rs"]
mod sie_gen;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        // No file: a small sample (1 000 vouchers) to stdout.
        use std::io::Write;
        // A closed stdout (piped into `head`) is not an error here.
        let _ = std::io::stdout().write_all(&sie_gen::generate(1_000));
        return;
    };
    let n = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    // Ansvar objects (dimension 1), default 300.
    let objects = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let data = sie_gen::generate_with(n, objects);
    std::fs::write(out, &data).unwrap();
    println!(
        "{out}: {n} vouchers, {objects} ansvar objects, {} bytes",
        data.len()
    );
}
