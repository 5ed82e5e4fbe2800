//! Bounded work on hostile shapes (issue 19): what grows with distinct invalid account
//! numbers is capped, and the report still says how much was left out; the
//! driftredovisning of many objects stays linear.

use std::collections::BTreeMap;

use kommunal_redovisning::ledger::{
    Chart, LedgerOperating, LedgerStatements, LedgerVerdict, ObjectRef, SieLedger, TrialBalance,
};
use kommunal_redovisning::present::Rounding;
use kommunal_redovisning::sie::{ReadOptions, Severity};
use kommunal_redovisning::{Amount, NumberFormat, Scale};

/// A file with `n` distinct invalid account numbers, each in a voucher of its own with
/// 3 kr against the bank (so the bank's #UB agrees with the vouchers), and a #UB on
/// each of the last `ub` of them.
fn invalid_accounts(n: usize, ub: usize) -> String {
    let mut f = String::from(
        "#FLAGGA 0\n#PROGRAM \"T\" 1\n#FORMAT PC8\n#GEN 20250701\n#SIETYP 4\n#FNAMN \"H\"\n\
         #RAR 0 20250101 20251231\n#KONTO 1930 \"Bank\"\n",
    );
    f.push_str(&format!("#IB 0 1930 0\n#UB 0 1930 {}\n", -3 * n as i64));
    for i in 0..n {
        f.push_str(&format!(
            "#VER A {i} 20250115\n{{\n#TRANS 5{i}AF {{}} 3\n#TRANS 1930 {{}} -3\n}}\n"
        ));
    }
    for i in n - ub..n {
        f.push_str(&format!("#UB 0 5{i}AF 3\n"));
    }
    f
}

#[test]
fn invalid_account_numbers_beyond_the_first_are_counted_not_kept() {
    let kept = SieLedger::INVALID_ACCOUNTS_KEPT;
    let n = kept + 250;
    let file = invalid_accounts(n, 40);
    let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default()).unwrap();
    let beyond = ledger.invalid_accounts_beyond.clone().unwrap();
    assert_eq!(beyond.rows, 250);
    assert_eq!(beyond.amount, Amount::kr(750));
    assert_eq!(beyond.balances, 40);
    assert_eq!(beyond.records(), 290);
    // The first line left out is the #VER of voucher number `kept`: 10 header lines,
    // then 5 lines per voucher.
    assert_eq!(beyond.first_line, 10 + 5 * kept as u64 + 1);
    // The first ones are kept with their amounts; the rest are not in the ledger.
    let tb = &ledger.trial_balance;
    assert_eq!(tb.account(0, "50AF").unwrap().movement, Amount::kr(3));
    assert!(tb.account(0, &format!("5{}AF", kept - 1)).is_some());
    assert!(tb.account(0, &format!("5{kept}AF")).is_none());
    // The bank holds every row, kept or not.
    assert_eq!(
        tb.account(0, "1930").unwrap().movement,
        Amount::kr(-3 * n as i64)
    );
    // An error-level diagnostic names the remainder at its first line.
    let note: Vec<_> = ledger
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("ogiltiga kontonummer hålls inte"))
        .collect();
    assert_eq!(note.len(), 1, "{:?}", ledger.diagnostics);
    assert_eq!(note[0].severity, Severity::Error);
    assert_eq!(note[0].line, beyond.first_line);
    assert!(
        note[0].message.contains("250 verifikationsrader"),
        "{}",
        note[0]
    );
    assert!(note[0].message.contains("40 saldon"), "{}", note[0]);

    // The statements list the kept ones as unmapped; the verdict counts the rest.
    let statements = LedgerStatements::build(tb, &Chart::kommun_bas(), 0).unwrap();
    assert_eq!(statements.unmapped.len(), kept);
    let unmapped = Amount::checked_sum(statements.unmapped.iter().map(|u| u.amount)).unwrap();
    assert_eq!(unmapped, Amount::kr(3 * kept as i64));
    let problems = statements.problems().unwrap();
    // The balansräkning does not balance (the bank's counterparts are unmapped), then
    // the first unmapped accounts one by one, then one line for the rest.
    assert_eq!(
        problems.len(),
        1 + LedgerStatements::PROBLEMS_LISTED + 1,
        "{problems:?}"
    );
    assert!(problems[1].contains("50AF"), "{}", problems[1]);
    // (Checked by figures only: the messages' language may change.)
    let rest = kept - LedgerStatements::PROBLEMS_LISTED;
    let last = problems.last().unwrap();
    assert!(last.starts_with(&format!("{rest} ")), "{last}");
    assert!(!last.contains(&format!("5{}AF", kept - 1)), "{last}");
    let disagreements = tb.reconcile().unwrap();
    assert!(disagreements.is_empty(), "{disagreements:?}");
    let verdict = LedgerVerdict::new(&ledger, Some(&statements), &disagreements, Some(true));
    assert_eq!(verdict.invalid_accounts_not_kept, 290);
    assert_eq!(verdict.unmapped, kept);
    assert_eq!(verdict.exit_code(), 1);
    let closing = verdict.closing_line();
    assert!(!closing.contains("stämmer."), "{closing}");
    assert!(
        closing.contains("290 poster på ytterligare ogiltiga kontonummer"),
        "{closing}"
    );
}

#[test]
fn a_file_within_the_limit_keeps_every_invalid_account() {
    let file = invalid_accounts(SieLedger::INVALID_ACCOUNTS_KEPT, 3);
    let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default()).unwrap();
    assert!(ledger.invalid_accounts_beyond.is_none());
    let statements =
        LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0).unwrap();
    assert_eq!(statements.unmapped.len(), SieLedger::INVALID_ACCOUNTS_KEPT);
    assert!(ledger.has_errors(), "invalid account numbers are errors");
}

/// 200 000 objects through build → table → rounded → text: a quadratic step (a scan
/// per row, as `Table::push_row` had) would not finish in a test run.
#[test]
fn driftredovisning_of_200_000_objects() {
    let n = 200_000;
    let mut tb = TrialBalance::new();
    for i in 0..n {
        let o = [ObjectRef {
            dimension: 1,
            object: format!("{i:07}"),
        }];
        tb.add_transaction("4010", &o, Amount::kr(1_000 + (i % 997) as i64))
            .unwrap();
        tb.add_transaction("3110", &o, Amount::kr(-500)).unwrap();
    }
    let drift = LedgerOperating::build(&tb, &Chart::kommun_bas(), 1, &BTreeMap::new()).unwrap();
    let table = drift
        .statement
        .to_table("Driftredovisning", Scale::Kr)
        .unwrap();
    assert_eq!(table.rows.len(), n + 1);
    let rounded = table.rounded(&Rounding::new(Scale::Tkr)).unwrap();
    assert!(rounded.differences.is_empty());
    let text = rounded.table.to_text(&NumberFormat::swedish());
    assert_eq!(text.lines().count(), n + 3, "caption, header, rows, total");
    // Footed: the printed objects add up to the printed total.
    let total = rounded.table.rows.last().unwrap().cells[0].unwrap();
    let parts = Amount::checked_sum(
        rounded.table.rows[..n]
            .iter()
            .map(|r| r.cells[0].unwrap_or_default()),
    )
    .unwrap();
    assert_eq!(parts, total);
}
