//! Fuzz target: the whole ledger pipeline, as `sie_rapport` runs it — SIE bytes →
//! ledger → resultaträkning and balansräkning (Kommun-Bas) → driftredovisning →
//! nyckeltal → reconciliation and verdict → every renderer. No panic anywhere; a
//! verdict that passes implies a reader without an error-level diagnostic.
#![no_main]

use std::collections::BTreeMap;

use kommunal_redovisning::ledger::{
    Chart, LedgerOperating, LedgerStatements, LedgerVerdict, SieLedger,
};
use kommunal_redovisning::present::{Rounding, Table};
use kommunal_redovisning::ratio::KeyRatios;
use kommunal_redovisning::sie::{ReadOptions, Severity};
use kommunal_redovisning::statement::StatementLayout;
use kommunal_redovisning::{EntityKind, FinancialYear, NumberFormat, Scale};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions::default()
        .max_line_length(4096)
        .max_voucher_bytes(1 << 20);
    let Ok(ledger) = SieLedger::read(data, opts) else {
        return;
    };
    let chart = Chart::kommun_bas();
    let Ok(statements) = LedgerStatements::build(&ledger.trial_balance, &chart, 0) else {
        return;
    };
    let names: &BTreeMap<(u32, String), String> = &ledger.object_names;
    let drift = LedgerOperating::build(&ledger.trial_balance, &chart, 1, names);
    let _ = KeyRatios::from_balance_sheet(&statements.balance);
    let Ok(disagreements) = ledger.trial_balance.reconcile() else {
        return;
    };
    let reconciled = drift
        .as_ref()
        .ok()
        .map(|d| d.statement.reconcile(&statements.income, &d.reconciliation).is_ok());
    let verdict = LedgerVerdict::new(&ledger, Some(&statements), &disagreements, reconciled);
    if verdict.passed() {
        assert!(!ledger.diagnostics.iter().any(|d| d.severity == Severity::Error));
        assert!(verdict.closing_line().ends_with("stämmer."));
    } else {
        assert!(verdict.closing_line().starts_with("Stämmer inte"));
    }
    let year = FinancialYear::new(2025);
    let layout = StatementLayout::new(EntityKind::Kommun, year);
    let column = kommunal_redovisning::present::Column::outcome("2025");
    let mut tables: Vec<Table> = Vec::new();
    if let Ok(t) = Table::income_statement("RR", Scale::Kr, &layout, &[(column.clone(), &statements.income)]) {
        tables.push(t);
    }
    if let Ok(t) = Table::balance_sheet("BR", Scale::Kr, &layout, &[(column, &statements.balance)]) {
        tables.push(t);
    }
    if let Ok(d) = &drift {
        if let Ok(t) = d.statement.to_table("Drift", Scale::Kr) {
            tables.push(t);
        }
    }
    let sv = NumberFormat::swedish();
    for t in tables {
        for scale in [Scale::Kr, Scale::Tkr, Scale::Mnkr] {
            if let Ok(r) = t.rounded(&Rounding::new(scale)) {
                let _ = r.table.to_text(&sv);
                let _ = r.table.to_markdown(&sv);
                let _ = r.table.to_csv(',');
                let _ = r.table.to_html(&sv);
            }
        }
    }
});
