//! From a ledger export to statements with the library: read an SIE file, map it with
//! the Kommun-Bas chart, and print the resultaträkning and balansräkning (tkr) and the
//! soliditet, or say what is missing. The file is memory-mapped a window at a time and
//! read on every core ([`ParallelLedger`], the same ledger as `SieLedger::read`). The
//! full tool is `kommunal rapport`.
//!
//! ```text
//! cargo run --example sie_statements -- FILE.se     # default: examples/data/exempelkommun.se
//! cargo run --release --example sie_statements -- FILE.se --threads 1
//! ```

#![allow(clippy::print_stdout)]

use kommunal_redovisning::ledger::{Chart, LedgerStatements, ParallelLedger};
use kommunal_redovisning::present::{Column, Rounding, Table};
use kommunal_redovisning::ratio::{KeyRatio, KeyRatios};
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::statement::StatementLayout;
use kommunal_redovisning::{EntityKind, FinancialYear, NumberFormat, Scale};

#[path = "common/mapped.rs"]
mod mapped;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--threads N`: how many threads read the file (default: every core).
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        threads = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|&n: &usize| n > 0)
            .ok_or("--threads tar ett antal trådar (1 eller fler)")?;
        args.drain(i..=i + 1);
    }
    let path = args.first().cloned().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/exempelkommun.se"
        )
        .to_owned()
    });
    let file = std::fs::File::open(&path)?;
    let size = file.metadata()?.len();
    let mut read = ParallelLedger::new(ReadOptions::default(), threads);
    let mut failed = None;
    // The library does no I/O: it is given windows of the mapped file.
    mapped::for_each_window(&file, size, |part, last| match read.push(part, last) {
        Ok(taken) => taken,
        Err(e) => {
            failed.get_or_insert(e);
            part.len()
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    let ledger = read.finish()?;
    for d in &ledger.diagnostics {
        println!("{path}: {d}");
    }
    let statements = LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0)?;
    let (start, _) = ledger
        .financial_years
        .get(&0)
        .ok_or("filen saknar #RAR 0")?;
    let year = FinancialYear::of(*start);

    let layout = StatementLayout::new(EntityKind::Kommun, year);
    let column = Column::outcome(year.to_string());
    let sv = NumberFormat::swedish();
    let rs = Table::income_statement(
        "Resultaträkning",
        Scale::Kr,
        &layout,
        &[(column.clone(), &statements.income)],
    )?;
    let br = Table::balance_sheet(
        "Balansräkning",
        Scale::Kr,
        &layout,
        &[(column, &statements.balance)],
    )?;
    for table in [rs, br] {
        println!(
            "{}",
            table
                .rounded(&Rounding::new(Scale::Tkr))?
                .table
                .to_text(&sv)
        );
    }

    let ratios = KeyRatios::from_balance_sheet(&statements.balance)?;
    if let Some(soliditet) = ratios.get(KeyRatio::EquityRatio) {
        println!("Soliditet: {}", sv.with_decimals(1).percent(soliditet));
    }
    for problem in statements.problems()? {
        println!("Att åtgärda: {problem}");
    }
    Ok(())
}
