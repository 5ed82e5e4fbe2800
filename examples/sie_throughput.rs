//! `sie_throughput`: times the SIE reader on a file, streaming it from disk, for the
//! benchmark figures and for peak-memory measurement with `/usr/bin/time -v`.
//!
//! ```text
//! cargo run --release --example sie_generate -- /tmp/kommun.SE 1000000
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE sum
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE typed
//! ```
//!
//! Without arguments it times every mode on a generated 20 000-voucher file in memory.
//! Modes: `sum` (`sum_transactions`), `typed` (every record typed, vouchers recycled),
//! `typed-owned` (every record typed and kept owned), `totals` (typed plus `Totals`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs::File;
use std::io::Read;
use std::time::Instant;

use kommunal_redovisning::sie::{Reader, Totals, sum_transactions};

#[path = "../benches/sie_gen.rs"]
mod sie_gen;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first() {
        Some(path) => {
            let mode = args.get(1).map_or("sum", String::as_str);
            let size = std::fs::metadata(path).unwrap().len();
            run(mode, size, File::open(path).unwrap());
        }
        None => {
            // No file: time every mode on a generated 20 000-voucher file in memory.
            let data = sie_gen::generate(20_000);
            for mode in ["sum", "typed", "typed-owned", "totals"] {
                run(mode, data.len() as u64, &data[..]);
            }
        }
    }
}

fn run(mode: &str, size: u64, file: impl Read) {
    let start = Instant::now();
    let (rows, accounts, diagnostics) = match mode {
        "sum" => {
            let t = sum_transactions(file, None).unwrap();
            (t.rows, t.by_account.len(), 0)
        }
        "typed" | "typed-owned" => {
            let recycle = mode == "typed";
            let mut reader = Reader::new(file);
            let mut rows = 0u64;
            while let Some(r) = reader.next_record().unwrap() {
                if let kommunal_redovisning::sie::Record::Voucher(v) = &r {
                    rows += v.rows.len() as u64;
                }
                if recycle {
                    reader.recycle(r);
                }
            }
            (rows, 0, reader.diagnostics().len())
        }
        _ => {
            let mut reader = Reader::new(file);
            let mut totals = Totals::default();
            while let Some(r) = reader.next_record().unwrap() {
                totals.add(&r);
                reader.recycle(r);
            }
            (
                totals.rows,
                totals.by_account.len(),
                reader.diagnostics().len(),
            )
        }
    };
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{mode}: {size} bytes, {rows} rows, {accounts} accounts, {diagnostics} diagnostics in {secs:.3} s: {:.0} MB/s",
        size as f64 / secs / 1e6
    );
}
