//! Property tests for the ledger layer (issue 19): every account lands exactly once,
//! balanced input balances, the driftredovisning reconciles, and `reconcile` finds
//! every disagreement.

use std::collections::{BTreeMap, BTreeSet};

use kommunal_redovisning::Amount;
use kommunal_redovisning::ledger::{
    BalanceKind, Chart, LedgerOperating, LedgerStatements, ObjectRef, Target, TrialBalance,
};
use proptest::prelude::*;

/// Accounts of every Kommun-Bas class that has a default mapping, some without one
/// (class 9, group 21), the closing-entry group 89, and invalid numbers.
fn account() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[1-8][0-9]{3}",
        1 => "9[0-9]{3}",
        1 => "21[0-9]{2}",
        1 => "89[0-9]{2}",
        1 => prop_oneof![Just("50AF".to_owned()), Just(String::new()), Just("-5010".to_owned()), Just("19301234567890123456".to_owned())],
    ]
}

fn mapped_account() -> impl Strategy<Value = String> {
    // Classes and groups the default chart maps to a statement line.
    "(1[0-9]|20|22|23|2[4-9]|3[0-9]|[4-7][0-9]|80|8[2-5]|8[78])[0-9]{2}"
}

fn kr() -> impl Strategy<Value = Amount> {
    (-1_000_000_000i64..1_000_000_000).prop_map(Amount::kr)
}

/// Balanced vouchers: each a list of (account, object, amount) summing to zero.
fn vouchers(acc: BoxedStrategy<String>) -> impl Strategy<Value = Vec<Vec<(String, u8, Amount)>>> {
    prop::collection::vec(
        prop::collection::vec((acc, 0u8..4, kr()), 1..6).prop_map(|mut rows| {
            let sum: Amount = Amount::checked_sum(rows.iter().map(|r| r.2)).unwrap();
            rows.push(("1930".to_owned(), 0, Amount::ZERO.checked_sub(sum).unwrap()));
            rows
        }),
        0..12,
    )
}

fn object(o: u8) -> Vec<ObjectRef> {
    if o == 0 {
        Vec::new()
    } else {
        vec![ObjectRef {
            dimension: 1,
            object: format!("{}00", o),
        }]
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every account with a balance is exactly once in the statements (mapped), the
    /// excluded list or the unmapped list; an invalid number is always unmapped.
    #[test]
    fn every_account_lands_exactly_once(rows in prop::collection::vec((account(), kr()), 1..40)) {
        let mut tb = TrialBalance::new();
        for (a, x) in &rows {
            tb.add_transaction(a, &[], *x).unwrap();
        }
        let chart = Chart::kommun_bas();
        let s = LedgerStatements::build(&tb, &chart, 0).unwrap();
        let unmapped: BTreeSet<&str> = s.unmapped.iter().map(|u| u.account.as_str()).collect();
        let excluded: BTreeSet<&str> = s.excluded.iter().map(|e| e.account.as_str()).collect();
        prop_assert_eq!(unmapped.len(), s.unmapped.len(), "an account twice in unmapped");
        prop_assert_eq!(excluded.len(), s.excluded.len(), "an account twice in excluded");
        for (account, y) in tb.accounts(0) {
            let nonzero = !y.movement.is_zero();
            let target = chart.target(account);
            let in_u = unmapped.contains(account);
            let in_e = excluded.contains(account);
            match target {
                None => prop_assert_eq!(in_u, nonzero, "{}", account),
                Some(Target::Excluded(_)) => prop_assert_eq!(in_e, nonzero, "{}", account),
                Some(_) => prop_assert!(!in_u && !in_e, "{}", account),
            }
            prop_assert!(!(in_u && in_e), "{}", account);
            if !kommunal_redovisning::sie::is_account_number(account) {
                prop_assert!(target.is_none(), "{} mapped", account);
            }
        }
        // Nothing lost: the unmapped and excluded amounts are the ledger's.
        let by_account: BTreeMap<&str, Amount> = tb.accounts(0).map(|(a, y)| (a, y.movement)).collect();
        for u in &s.unmapped {
            prop_assert_eq!(Some(&u.amount), by_account.get(u.account.as_str()));
        }
    }

    /// Balanced vouchers on mapped accounts, from a balanced opening, give a
    /// balansräkning that balances.
    #[test]
    fn balanced_input_balances(vs in vouchers(mapped_account().boxed()), ib in kr()) {
        let mut tb = TrialBalance::new();
        tb.add_balance(0, "1930", None, BalanceKind::Opening, ib).unwrap();
        tb.add_balance(0, "2010", None, BalanceKind::Opening, Amount::ZERO.checked_sub(ib).unwrap()).unwrap();
        for v in &vs {
            for (a, o, x) in v {
                tb.add_transaction(a, &object(*o), *x).unwrap();
            }
        }
        let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0).unwrap();
        prop_assert!(s.unmapped.is_empty(), "{:?}", s.unmapped);
        prop_assert!(s.balance.validate().is_ok(), "{:?}", s.balance.validate());
    }

    /// The driftredovisning plus its reconciliation items equals årets resultat.
    #[test]
    fn the_driftredovisning_reconciles(vs in vouchers(mapped_account().boxed())) {
        let mut tb = TrialBalance::new();
        tb.add_transaction("1930", &[], Amount::ZERO).unwrap();
        for v in &vs {
            for (a, o, x) in v {
                tb.add_transaction(a, &object(*o), *x).unwrap();
            }
        }
        let chart = Chart::kommun_bas();
        let Ok(s) = LedgerStatements::build(&tb, &chart, 0) else {
            // No voucher, no year: an error rather than all-zero statements.
            prop_assert!(tb.years().is_empty());
            return Ok(());
        };
        let drift = LedgerOperating::build(&tb, &chart, 1, &BTreeMap::new()).unwrap();
        let done = drift.statement.reconcile(&s.income, &drift.reconciliation);
        prop_assert!(done.is_ok(), "{:?}", done);
    }

    /// `reconcile` reports exactly the accounts where #IB + rows ≠ #UB.
    #[test]
    fn reconcile_reports_every_disagreement(
        accounts in prop::collection::btree_map("1[0-9]{3}", (prop::option::of(kr()), prop::collection::vec(kr(), 0..3), prop::option::of(kr())), 1..12),
    ) {
        let mut tb = TrialBalance::new();
        tb.add_transaction("1999", &[], Amount::kr(1)).unwrap();
        tb.add_balance(0, "1999", None, BalanceKind::Closing, Amount::kr(1)).unwrap();
        let mut expected = BTreeSet::new();
        for (a, (ib, rows, ub)) in &accounts {
            if a == "1999" {
                continue;
            }
            if let Some(ib) = ib {
                tb.add_balance(0, a, None, BalanceKind::Opening, *ib).unwrap();
            }
            for x in rows {
                tb.add_transaction(a, &[], *x).unwrap();
            }
            if let Some(ub) = ub {
                tb.add_balance(0, a, None, BalanceKind::Closing, *ub).unwrap();
                let from = Amount::checked_sum(ib.iter().copied().chain(rows.iter().copied())).unwrap();
                if from != *ub {
                    expected.insert(a.clone());
                }
            }
        }
        let found: BTreeSet<String> = tb.reconcile().unwrap().into_iter().map(|d| d.account).collect();
        prop_assert_eq!(found, expected);
    }
}
