//! From ledger to statements: the made-up municipal SIE file in examples/data and the
//! SIE sample corpus.
// Some names are used only by the tests that read the chart overrides (serde).
#![cfg_attr(not(feature = "serde"), allow(unused_imports))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use kommunal_redovisning::ledger::{Chart, LedgerOperating, LedgerStatements, SieLedger};
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::statement::IncomeLine;
use kommunal_redovisning::{Amount, BalanceSheet, IncomeStatement};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name)
}

fn exempel_ledger() -> SieLedger {
    let bytes = std::fs::read(data("exempelkommun.se")).unwrap();
    SieLedger::read(&bytes[..], ReadOptions::default()).unwrap()
}

/// The ledger with its chart overrides, which are read from JSON (the `serde` feature).
#[cfg(feature = "serde")]
fn exempel() -> (SieLedger, Chart) {
    let ledger = exempel_ledger();
    let chart: Chart =
        serde_json::from_slice(&std::fs::read(data("exempelkommun-karta.json")).unwrap()).unwrap();
    (ledger, chart)
}

fn mkr(tenths_of_a_million: i64) -> Amount {
    Amount::tkr(tenths_of_a_million * 100)
}

#[test]
fn exempelkommun_reads_cleanly_and_reconciles() {
    let ledger = exempel_ledger();
    assert!(ledger.diagnostics.is_empty(), "{:#?}", ledger.diagnostics);
    assert_eq!(
        ledger.company_name.as_deref(),
        Some("Exempelkommunen (påhittad)")
    );
    assert_eq!(ledger.vouchers, 42);
    assert_eq!(ledger.sie_type, Some(4));
    assert_eq!(
        ledger.account_names.get("8010").map(String::as_str),
        Some("Skatteintäkter")
    );
    // #IB + Σ #TRANS = #UB and Σ #TRANS = #RES for every account and object.
    assert!(ledger.trial_balance.reconcile().unwrap().is_empty());
}

#[cfg(feature = "serde")]
#[test]
fn exempelkommun_statements() {
    let (ledger, chart) = exempel();
    let s = LedgerStatements::build(&ledger.trial_balance, &chart, 0).unwrap();
    assert!(s.unmapped.is_empty(), "{:?}", s.unmapped);
    assert!(s.problems().unwrap().is_empty(), "{:?}", s.problems());
    let expected_rs = IncomeStatement {
        operating_revenue: mkr(82),
        operating_expenses: mkr(-791),
        depreciation: mkr(-32),
        tax_revenue: mkr(660),
        general_grants: mkr(110),
        financial_income: mkr(1),
        financial_expenses: mkr(-4),
        ..Default::default()
    };
    assert_eq!(s.income, expected_rs);
    assert_eq!(s.income.net_operating_costs(), mkr(-741));
    assert_eq!(s.income.operating_result(), mkr(29));
    assert_eq!(s.income.result_for_the_year(), mkr(26));
    assert_eq!(
        s.internal.get(&IncomeLine::OperatingRevenue),
        Some(&mkr(20))
    );
    assert_eq!(
        s.internal.get(&IncomeLine::OperatingExpenses),
        Some(&mkr(-20))
    );
    let expected_br = BalanceSheet {
        land_and_buildings: mkr(475),
        machinery_and_equipment: mkr(58),
        financial_fixed_assets: mkr(20),
        infrastructure_contributions: mkr(10),
        inventories: mkr(2),
        receivables: mkr(35),
        cash_and_bank: mkr(124),
        result_for_the_year: mkr(26),
        result_reserve: mkr(20),
        other_equity: mkr(300),
        pension_provisions: mkr(43),
        other_provisions: mkr(10),
        long_term_liabilities: mkr(240),
        current_liabilities: mkr(85),
        ..Default::default()
    };
    assert_eq!(s.balance, expected_br);
    assert!(!s.result_already_in_equity);
    assert_eq!(s.balance.total_assets(), mkr(724));
}

#[cfg(feature = "serde")]
#[test]
fn exempelkommun_driftredovisning_per_ansvar() {
    let (ledger, chart) = exempel();
    let drift =
        LedgerOperating::build(&ledger.trial_balance, &chart, 1, &ledger.object_names).unwrap();
    let unit = |id: &str| drift.statement.unit_totals(id).unwrap().unwrap();
    // (unit, intäkter, kostnader, budget) in tenths of a million kronor; budgets are
    // the #PBUDGET rows of the file summed over the year.
    for (id, revenue, expenses, budget) in [
        ("100 Kommunstyrelsen", 20, -164, Amount::tkr(-14_160)),
        (
            "200 Barn- och utbildningsnämnden",
            35,
            -357,
            Amount::tkr(-31_800),
        ),
        ("300 Socialnämnden", 47, -322, Amount::tkr(-26_640)),
        // Kostnadsutjämningsavgift (8310) is on the generella statsbidrag line, a revenue
        // line, so it reduces intäkter: 66 + 12 − 1 + 0,1.
        ("900 Finansförvaltningen", 771, -4, Amount::tkr(76_680)),
    ] {
        let t = unit(id);
        let outcome = t.outcome.unwrap();
        assert_eq!(outcome.revenue, mkr(revenue), "{id}");
        assert_eq!(outcome.expenses, mkr(expenses), "{id}");
        assert_eq!(t.budget().unwrap(), budget, "{id}");
    }
    assert_eq!(drift.unallocated, Amount::ZERO);
    assert_eq!(drift.internal, Amount::ZERO);
    let s = LedgerStatements::build(&ledger.trial_balance, &chart, 0).unwrap();
    let rec = drift
        .statement
        .reconcile(&s.income, &drift.reconciliation)
        .unwrap();
    assert_eq!(rec.target, mkr(26));
    // Utfall − budget, positive = better: 2,6 − 2,08 mnkr.
    let total = drift.statement.total().unwrap();
    assert_eq!(total.budget().unwrap(), Amount::tkr(4_080));
}

#[test]
fn without_the_overrides_the_reserve_is_övrigt_eget_kapital_and_internal_items_stay() {
    let ledger = exempel_ledger();
    let s = LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0).unwrap();
    assert_eq!(s.balance.result_reserve, Amount::ZERO);
    assert_eq!(s.balance.other_equity, mkr(320));
    assert_eq!(s.income.operating_revenue, mkr(102));
    s.balance.validate().unwrap();
}

/// Every SIE 4E/3/2/1 sample becomes statements or a report of exactly what is
/// unmapped. The samples are company ledgers (BAS, not Kommun-Bas), so unmapped
/// accounts are expected; what must hold is that nothing is dropped silently: every
/// non-zero account is mapped, excluded or listed, and the balance sheet balances once
/// the unmapped amounts are accounted for.
#[test]
fn sample_corpus_into_statements_or_unmapped_report() {
    // The vendored corpus (tests/data/sie-samples/): missing means a broken checkout.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sie-samples");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the SIE corpus is part of the repository)",
            dir.display()
        )
    });
    let chart = Chart::kommun_bas();
    let mut files = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        if ext != "se" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let ledger = SieLedger::read(&bytes[..], ReadOptions::default()).unwrap();
        let s = LedgerStatements::build(&ledger.trial_balance, &chart, 0).unwrap();
        // Nothing silently dropped: mapped + excluded + unmapped = every non-zero account.
        let listed: BTreeMap<&str, ()> = s
            .unmapped
            .iter()
            .map(|u| (u.account.as_str(), ()))
            .chain(s.excluded.iter().map(|e| (e.account.as_str(), ())))
            .collect();
        for (account, y) in ledger.trial_balance.accounts(0) {
            let mapped = chart.target(account).is_some();
            let amount = if account.starts_with(['1', '2']) {
                y.end_balance().unwrap()
            } else {
                y.change().unwrap()
            };
            assert!(
                mapped || amount.is_zero() || listed.contains_key(account),
                "{}: account {account} ({amount}) neither mapped nor reported",
                path.display()
            );
        }
        files += 1;
    }
    assert!(files >= 40, "only {files} .se files found");
}
