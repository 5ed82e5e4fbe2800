//! `sie_throughput`: times the SIE reader on a file, for the benchmark figures and for
//! peak-memory measurement with `/usr/bin/time -v`.
//!
//! ```text
//! cargo run --release --example sie_generate -- /tmp/kommun.SE 1000000
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE sum
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE sum --threads 2
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE typed
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE typed --threads 2
//! /usr/bin/time -v target/release/examples/sie_throughput /tmp/kommun.SE ledger --threads 2
//! ```
//!
//! Without arguments it times every mode on a generated 20 000-voucher file in memory.
//! Modes: `sum` (`sum_transactions` streaming the file; with `--threads N`,
//! `ParallelSums` on N threads over memory-mapped windows of the file), `ledger` (the
//! trial balance that `kommunal rapport` builds: `SieLedger::read` streaming the file;
//! with `--threads N`, `ParallelLedger` on N threads over mapped windows), `typed` (every
//! record typed, vouchers recycled; with `--threads N`, `ParallelReader` on N threads
//! over mapped windows, each record lent to a function in file order), `typed-owned` (every record typed and kept owned),
//! `totals` (typed plus `Totals`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs::File;
use std::io::Read;
use std::time::Instant;

use kommunal_redovisning::ledger::{ParallelLedger, SieLedger};
use kommunal_redovisning::sie::{
    ParallelReader, ParallelSums, ReadOptions, Reader, Record, Totals, sum_transactions,
};

#[path = "../benches/sie_gen.rs"]
mod sie_gen;

#[path = "common/mapped.rs"]
mod mapped;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = None;
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        let n: usize = args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| {
                eprintln!("--threads takes a number of threads (1 or more)");
                std::process::exit(2)
            });
        threads = Some(n);
        args.drain(i..=i + 1);
    }
    match args.first() {
        Some(path) => {
            let mode = args.get(1).map_or("sum", String::as_str);
            let size = std::fs::metadata(path).unwrap().len();
            let start = Instant::now();
            let counts = match (mode, threads) {
                ("sum", Some(n)) => {
                    let file = File::open(path).unwrap();
                    let mut sums = ParallelSums::new(None, n);
                    mapped::for_each_window(&file, size, |part, last| sums.push(part, last))
                        .unwrap();
                    let t = sums.finish().unwrap();
                    (t.rows, t.by_account.len(), 0)
                }
                ("ledger", Some(n)) => {
                    let file = File::open(path).unwrap();
                    let mut read = ParallelLedger::new(ReadOptions::default(), n);
                    mapped::for_each_window(&file, size, |part, last| {
                        read.push(part, last).unwrap()
                    })
                    .unwrap();
                    ledger_counts(&read.finish().unwrap())
                }
                ("typed", Some(n)) => {
                    let file = File::open(path).unwrap();
                    let mut read = ParallelReader::new(ReadOptions::default(), n);
                    let mut rows = 0u64;
                    let mut take = |_line: u64, record: &Record| {
                        if let Record::Voucher(v) = record {
                            rows += v.rows.len() as u64;
                        }
                    };
                    mapped::for_each_window(&file, size, |part, last| {
                        read.push(part, last, &mut take).unwrap()
                    })
                    .unwrap();
                    let end = read.finish(&mut take).unwrap();
                    (rows, 0, end.diagnostics().len())
                }
                (_, Some(_)) => {
                    eprintln!("--threads is for the sum, ledger and typed modes");
                    std::process::exit(2)
                }
                _ => run(mode, File::open(path).unwrap()),
            };
            report(mode, threads.unwrap_or(1), size, counts, start);
        }
        None => {
            // No file: time every mode on a generated 20 000-voucher file in memory.
            let data = sie_gen::generate(20_000);
            for mode in ["sum", "ledger", "typed", "typed-owned", "totals"] {
                let start = Instant::now();
                let counts = run(mode, &data[..]);
                report(mode, 1, data.len() as u64, counts, start);
            }
            let start = Instant::now();
            let t = kommunal_redovisning::sie::sum_transactions_parallel(&data, None, 2).unwrap();
            report(
                "sum",
                2,
                data.len() as u64,
                (t.rows, t.by_account.len(), 0),
                start,
            );
        }
    }
}

fn report(
    mode: &str,
    threads: usize,
    size: u64,
    (rows, accounts, diagnostics): (u64, usize, usize),
    start: Instant,
) {
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{mode} ({threads} thread{}): {size} bytes, {rows} rows, {accounts} accounts, {diagnostics} diagnostics in {secs:.3} s: {:.0} MB/s",
        if threads == 1 { "" } else { "s" },
        size as f64 / secs / 1e6
    );
}

/// A ledger's counts: voucher rows, accounts of year 0, diagnostics.
fn ledger_counts(ledger: &SieLedger) -> (u64, usize, usize) {
    let accounts: Vec<_> = ledger.trial_balance.accounts(0).collect();
    let rows = accounts.iter().map(|(_, a)| a.rows).sum();
    (rows, accounts.len(), ledger.diagnostics.len())
}

fn run(mode: &str, file: impl Read) -> (u64, usize, usize) {
    match mode {
        "sum" => {
            let t = sum_transactions(file, None).unwrap();
            (t.rows, t.by_account.len(), 0)
        }
        "ledger" => {
            let ledger =
                SieLedger::read(std::io::BufReader::new(file), ReadOptions::default()).unwrap();
            ledger_counts(&ledger)
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
    }
}
