//! From bytes to statements on a generated municipal ledger, against the reader alone.
//!
//! ```text
//! cargo bench -p kommunal-benches --bench ledger                              # 20 000 vouchers (≈ 7 MB)
//! SIE_BENCH_VOUCHERS=1000000 cargo bench -p kommunal-benches --bench ledger   # ≈ 350 MB
//! ```
//!
//! `reader_only` reads every record fully typed and drops it; `to_statements` reads the
//! same bytes into a trial balance and builds the resultaträkning, balansräkning and
//! driftredovisning per ansvar; `to_statements_parallel/N` does the same with
//! `SieLedger::read_parallel` on N threads. Set against `sie_read`'s
//! `sum_transactions` on the same file for the ratio issue 20 names (≤ 1,3×).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod sie_gen;

use std::collections::BTreeMap;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kommunal_redovisning::ledger::{Chart, LedgerOperating, LedgerStatements, SieLedger};
use kommunal_redovisning::sie::{ReadOptions, Reader};

fn vouchers() -> u64 {
    std::env::var("SIE_BENCH_VOUCHERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000)
}

fn bench(c: &mut Criterion) {
    let data = sie_gen::generate(vouchers());
    let chart = Chart::kommun_bas();
    let mut group = c.benchmark_group("ledger");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.sample_size(10);
    group.bench_function("reader_only", |b| {
        b.iter(|| {
            let mut reader = Reader::with_options(&data[..], ReadOptions::default());
            let mut n = 0u64;
            while let Some(r) = reader.next_record().unwrap() {
                n += 1;
                std::hint::black_box(&r);
                reader.recycle(r);
            }
            n
        })
    });
    group.bench_function("to_statements", |b| {
        b.iter(|| {
            let ledger = SieLedger::read(&data[..], ReadOptions::default()).unwrap();
            let s = LedgerStatements::build(&ledger.trial_balance, &chart, 0).unwrap();
            let names: &BTreeMap<(u32, String), String> = &ledger.object_names;
            let drift = LedgerOperating::build(&ledger.trial_balance, &chart, 1, names).unwrap();
            std::hint::black_box((&s, &drift));
            s.income.result_for_the_year()
        })
    });
    for threads in [1, 2] {
        group.bench_function(format!("to_statements_parallel/{threads}"), |b| {
            b.iter(|| {
                let ledger =
                    SieLedger::read_parallel(&data, ReadOptions::default(), threads).unwrap();
                let s = LedgerStatements::build(&ledger.trial_balance, &chart, 0).unwrap();
                let names: &BTreeMap<(u32, String), String> = &ledger.object_names;
                let drift =
                    LedgerOperating::build(&ledger.trial_balance, &chart, 1, names).unwrap();
                std::hint::black_box((&s, &drift));
                s.income.result_for_the_year()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
