//! `sie_generate`: writes the benchmark's generated municipal SIE 4E file.
//!
//! ```text
//! cargo run --release --example sie_generate -- OUT.SE [VOUCHERS]
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
        eprintln!("usage: sie_generate OUT.SE [VOUCHERS]");
        std::process::exit(2);
    };
    let n = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let data = sie_gen::generate(n);
    std::fs::write(out, &data).unwrap();
    println!("{out}: {n} vouchers, {} bytes", data.len());
}
