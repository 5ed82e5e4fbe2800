//! Kommunalförbundet Lystkom, delårsrapport 1 januari – 30 juni 2025: the report
//! assembled from the facts its text gives (`../shared/lystkom/`), recomputed, checked
//! and rendered with this crate.
//!
//! Run with `cargo run --example lystkom_halvar`; add `-- --out DIR` to also write
//! `lystkom-delarsrapport-2025.md` and `lystkom-delarsrapport-2025.html` to `DIR`
//! (without it, no files are written).
//!
//! Every figure below is quoted from the report text (section numbers in comments);
//! nothing is invented. The report's resultaträkning, balansräkning,
//! driftredovisning, investeringsredovisning and balanskravsutredning tables were
//! pictures in the original and are not in its text, so they are not reproduced: the
//! checks list them as missing and the rendered documents say so in their place.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::indexing_slicing)]

mod assemble;
mod balanskrav;
mod financial_position;
mod forecast;
mod goals;
mod printed_check;
mod sick_leave;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use kommunal_redovisning::report::{ReportFinding, ReportFindingKind, ReportPart};

const USAGE: &str = "användning: lystkom_halvar [--out KATALOG]\n  \
    --out KATALOG  skriv lystkom-delarsrapport-2025.md och .html i KATALOG";

/// The command line: `--out DIR` (or `--out=DIR`), `--help`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    out: Option<PathBuf>,
    help: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        if arg == "--out" {
            let dir = it.next().ok_or("--out behöver en katalog")?;
            parsed.out = Some(PathBuf::from(dir));
        } else if let Some(dir) = arg.strip_prefix("--out=") {
            if dir.is_empty() {
                return Err("--out behöver en katalog".to_owned());
            }
            parsed.out = Some(PathBuf::from(dir));
        } else if arg == "-h" || arg == "--help" {
            parsed.help = true;
        } else {
            return Err(format!("okänt argument: {arg}"));
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.help {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fel: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let report = assemble::report()?;
    let period = &report.period;
    // LKBR 13 kap. 1 §: from 1 January, at least half and at most two thirds of the year.
    period.check_interim()?;

    println!("{} — delårsrapport {}", report.entity.name, period);
    println!(
        "Jämförelseperiod för resultaträkningen: {}; balansräkningen jämförs med {}.",
        period.income_comparison()?,
        period.balance_comparison_date()?
    );
    println!();

    // In the report's own order: 1.1 personnel (sjukfrånvaro), 1.2 goals, 1.3 forecast
    // (with 2.3 driftredovisning), 1.4 balanskrav, 1.5 financial position.
    sick_leave::print(&report)?;
    println!();
    goals::print(&report)?;
    println!();
    forecast::print(&report)?;
    println!();
    balanskrav::print(&report)?;
    println!();
    financial_position::print(&report)?;
    printed_check::print()?;

    println!();
    println!("Saknas i rapportens text (tabellerna var bilder i originalet):");
    for a in &report.absent {
        let section = match a.part {
            ReportPart::IncomeStatement => "2.1 Resultaträkning",
            ReportPart::BalanceSheet => "2.2 Balansräkning",
            ReportPart::OperatingStatement => "2.3 Driftredovisning (tabellen)",
            ReportPart::InvestmentStatement => "2.4 Investeringsredovisning",
            ReportPart::BalancedBudgetTable => "1.4 Balanskravsutredning (tabellen)",
            other => other.label(),
        };
        println!("  – {section}");
    }
    println!("Inga siffror har hittats på för dessa; de kan inte kontrolleras härifrån.");

    println!();
    println!("Granskning av delårsrapporten som helhet");
    let completeness = report.check_completeness()?;
    let missing = completeness
        .iter()
        .filter(|f| f.kind == ReportFindingKind::Missing)
        .count();
    println!("  Fullständighet ({missing} delar saknas):");
    print_findings(&completeness);
    let consistency = report.check_consistency()?;
    let count = |k: ReportFindingKind| consistency.iter().filter(|f| f.kind == k).count();
    println!(
        "  Överensstämmelse ({} stämmer inte, {} avrundning, {} kriterier, {} kontrollerade/info):",
        count(ReportFindingKind::Inconsistent),
        count(ReportFindingKind::Rounding),
        count(ReportFindingKind::Criteria),
        count(ReportFindingKind::Info)
    );
    let mut ordered: Vec<ReportFinding> = consistency
        .iter()
        .filter(|f| f.kind != ReportFindingKind::Info)
        .cloned()
        .collect();
    ordered.extend(
        consistency
            .iter()
            .filter(|f| f.kind == ReportFindingKind::Info)
            .cloned(),
    );
    print_findings(&ordered);

    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            let md = dir.join("lystkom-delarsrapport-2025.md");
            let html = dir.join("lystkom-delarsrapport-2025.html");
            std::fs::write(&md, report.to_markdown()?)?;
            std::fs::write(&html, report.to_html()?)?;
            println!();
            println!("Skrev {} och {}.", md.display(), html.display());
        }
        None => {
            println!();
            println!(
                "Inga filer skrivna; med --out KATALOG skrivs rapporten som Markdown och HTML."
            );
        }
    }
    Ok(())
}

fn print_findings(findings: &[ReportFinding]) {
    for f in findings {
        println!("    {f}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Result<Args, String> {
        parse_args(v.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn arguments() {
        assert_eq!(args(&[]).unwrap(), Args::default());
        assert_eq!(args(&["--out", "x"]).unwrap().out, Some(PathBuf::from("x")));
        assert_eq!(args(&["--out=y"]).unwrap().out, Some(PathBuf::from("y")));
        assert!(args(&["--out"]).is_err());
        assert!(args(&["--out="]).is_err());
        assert!(args(&["--bogus"]).is_err());
        assert!(args(&["--help"]).unwrap().help);
    }
}
