//! Fuzz target: the chart-of-accounts JSON (`sie_rapport --mapping`). Any bytes either
//! fail to parse or give a chart that maps any account — valid or not — without a
//! panic; an invalid account number is never mapped; statements build over it.
#![no_main]

use kommunal_redovisning::Amount;
use kommunal_redovisning::ledger::{Chart, LedgerStatements, TrialBalance};
use kommunal_redovisning::sie::is_account_number;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(chart) = serde_json::from_slice::<Chart>(data) else {
        return;
    };
    let mut tb = TrialBalance::new();
    for (i, account) in ["1930", "2010", "3010", "4010", "7910", "8999", "9100", "", "50AF", "1"]
        .iter()
        .enumerate()
    {
        let target = chart.target(account);
        if !is_account_number(account) {
            assert!(target.is_none(), "{account:?} mapped");
        }
        let _ = tb.add_transaction(account, &[], Amount::kr(i as i64 * 7 - 30));
    }
    if let Ok(s) = LedgerStatements::build(&tb, &chart, 0) {
        let _ = s.problems();
    }
    let _ = serde_json::to_string(&chart);
});
