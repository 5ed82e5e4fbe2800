//! Throughput of the SIE reader on a generated municipal SIE 4E file.
//!
//! ```text
//! cargo bench -p kommunal-benches --bench sie_read                              # 20 000 vouchers (≈ 6 MB)
//! SIE_BENCH_VOUCHERS=1000000 cargo bench -p kommunal-benches --bench sie_read   # ≈ 320 MB
//! ```
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod sie_gen;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kommunal_redovisning::sie::{
    Encoding, ReadOptions, Reader, Record, Totals, read_records_parallel, sum_transactions,
    sum_transactions_parallel,
};

fn vouchers() -> u64 {
    std::env::var("SIE_BENCH_VOUCHERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000)
}

fn bench(c: &mut Criterion) {
    let data = sie_gen::generate(vouchers());
    let mut group = c.benchmark_group("sie_read");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.sample_size(10);
    group.bench_function("sum_transactions", |b| {
        b.iter(|| {
            let t = sum_transactions(&data[..], Some(Encoding::Cp437)).unwrap();
            assert!(t.by_account.len() > 10);
            t.rows
        })
    });
    for threads in [1, 2] {
        group.bench_function(format!("sum_transactions_parallel/{threads}"), |b| {
            b.iter(|| {
                let t = sum_transactions_parallel(&data, Some(Encoding::Cp437), threads).unwrap();
                assert!(t.by_account.len() > 10);
                t.rows
            })
        });
    }
    group.bench_function("typed_records", |b| {
        b.iter(|| {
            let mut reader = Reader::with_options(&data[..], ReadOptions::default());
            let mut n = 0u64;
            while let Some(r) = reader.next_record().unwrap() {
                n += 1;
                std::hint::black_box(&r);
                reader.recycle(r);
            }
            assert!(
                reader.diagnostics().is_empty(),
                "{:?}",
                &reader.diagnostics()[..1]
            );
            n
        })
    });
    for threads in [1, 2] {
        group.bench_function(format!("typed_records_parallel/{threads}"), |b| {
            b.iter(|| {
                let mut n = 0u64;
                let end = read_records_parallel(
                    &data,
                    ReadOptions::default(),
                    threads,
                    |_, r: &Record| {
                        n += 1;
                        std::hint::black_box(r);
                    },
                )
                .unwrap();
                assert!(end.diagnostics().is_empty());
                n
            })
        });
    }
    group.bench_function("typed_records_owned", |b| {
        b.iter(|| {
            let mut reader = Reader::new(&data[..]);
            let mut n = 0u64;
            while let Some(r) = reader.next_record().unwrap() {
                n += 1;
                std::hint::black_box(&r);
            }
            n
        })
    });
    group.bench_function("typed_records_with_totals", |b| {
        b.iter(|| {
            let mut reader = Reader::new(&data[..]);
            let mut totals = Totals::default();
            while let Some(r) = reader.next_record().unwrap() {
                totals.add(&r);
                reader.recycle(r);
            }
            totals.rows
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
