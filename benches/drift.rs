//! The driftredovisning of a ledger with many objects: trial balance → operating
//! statement → table → rounded table → text. Linear in the number of objects
//! (`Table::push_row` was quadratic: 40 000 objects took 4,9 s, issue 19).
//!
//! ```text
//! cargo bench -p kommunal-benches --bench drift                        # 1 000 000 objects
//! DRIFT_BENCH_OBJECTS=40000 cargo bench --bench drift
//! ```
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kommunal_redovisning::ledger::{Chart, LedgerOperating, ObjectRef, TrialBalance};
use kommunal_redovisning::present::Rounding;
use kommunal_redovisning::{Amount, NumberFormat, Scale};

fn objects() -> usize {
    std::env::var("DRIFT_BENCH_OBJECTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000)
}

fn bench(c: &mut Criterion) {
    let n = objects();
    let mut tb = TrialBalance::new();
    for i in 0..n {
        let o = [ObjectRef {
            dimension: 1,
            object: format!("{i:07}"),
        }];
        let cost = Amount::kr(1_000 + (i % 997) as i64);
        tb.add_transaction("4010", &o, cost).unwrap();
        tb.add_transaction("3110", &o, Amount::kr(-500)).unwrap();
    }
    let chart = Chart::kommun_bas();
    let names = BTreeMap::new();
    let mut group = c.benchmark_group("drift");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(10);
    group.bench_function(format!("{n}_objects"), |b| {
        b.iter(|| {
            let drift = LedgerOperating::build(&tb, &chart, 1, &names).unwrap();
            let table = drift
                .statement
                .to_table("Driftredovisning", Scale::Kr)
                .unwrap();
            let rounded = table.rounded(&Rounding::new(Scale::Tkr)).unwrap();
            let text = rounded.table.to_text(&NumberFormat::swedish());
            assert_eq!(rounded.table.rows.len(), n + 1);
            text.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
