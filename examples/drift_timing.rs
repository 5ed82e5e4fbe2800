//! `drift_timing`: times each stage of a driftredovisning with many objects — trial
//! balance → `LedgerOperating::build` → table → rounded table → text — for the linearity
//! figures of issue 19 (the criterion benchmark `benches/drift.rs` times the whole chain).
//!
//! ```text
//! cargo run --release --example drift_timing -- 10000 100000 1000000
//! ```
//!
//! Without arguments it times 10 000 and 20 000 objects.
//!
//! Measured 2026-12-01 in release on a two-core machine shared with other builds (CPU
//! time of the whole run from `/usr/bin/time`; the stages' wall times were inflated by
//! the load): 10 000 objects 0,09 s, 100 000 objects 1,4 s, 1 000 000 objects 19,5 s
//! (peak memory 3,0 GB). A profile at 100 000 and at 1 000 000 objects shows the same
//! shares per function: no stage grows faster than the others.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::time::Instant;

use kommunal_redovisning::ledger::{Chart, LedgerOperating, ObjectRef, TrialBalance};
use kommunal_redovisning::present::Rounding;
use kommunal_redovisning::{Amount, NumberFormat, Scale};

fn main() {
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of objects"))
        .collect();
    if sizes.is_empty() {
        sizes = vec![10_000, 20_000];
    }
    println!("objects\ttrial balance\tbuild\ttable\trounded\ttext\ttotal (s)");
    for n in sizes {
        let t0 = Instant::now();
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
        let t1 = Instant::now();
        let drift = LedgerOperating::build(&tb, &chart, 1, &names).unwrap();
        let t2 = Instant::now();
        let table = drift
            .statement
            .to_table("Driftredovisning", Scale::Kr)
            .unwrap();
        let t3 = Instant::now();
        let rounded = table.rounded(&Rounding::new(Scale::Tkr)).unwrap();
        let t4 = Instant::now();
        let text = rounded.table.to_text(&NumberFormat::swedish());
        let t5 = Instant::now();
        assert_eq!(rounded.table.rows.len(), n + 1);
        assert!(text.len() > n);
        let s = |a: Instant, b: Instant| (b - a).as_secs_f64();
        println!(
            "{n}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
            s(t0, t1),
            s(t1, t2),
            s(t2, t3),
            s(t3, t4),
            s(t4, t5),
            s(t0, t5)
        );
    }
}
