//! Kommunalförbundet Lystkom, delårsrapport 1 januari – 30 juni 2025: the report
//! assembled from the facts its text gives (`../shared/lystkom/`), recomputed, checked
//! and rendered with this crate.
//!
//! Run with `cargo run --example lystkom_halvar`; add `-- --out DIR` to also write
//! the report as Markdown and HTML to `DIR` (without it, no files are written), and
//! `--mode publicering` for the form a kommun publishes (no review appendix, no
//! sentences about absent parts, zero lines hidden) instead of the review form with
//! every finding (`--mode granskning`, the default). With `--out`, the HTML is also
//! printed to PDF when headless Chromium is installed (`apt-get install chromium`),
//! and with `--features xlsx` the tables are written to an Excel workbook.
//!
//! Every figure below is quoted from the report text (section numbers in comments);
//! nothing is invented. The report's resultaträkning, balansräkning,
//! driftredovisning, investeringsredovisning and balanskravsutredning tables were
//! pictures in the original and are not in its text, so they are not reproduced: the
//! checks list them as missing and the rendered documents say so in their place.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::indexing_slicing)]

mod assemble;
mod balanskrav;
#[allow(dead_code)]
#[path = "../common/chromium.rs"]
mod chromium;
mod financial_position;
mod forecast;
mod goals;
mod printed_check;
mod sick_leave;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use kommunal_redovisning::NumberFormat;
use kommunal_redovisning::report::{
    Block, DocumentMode, ReportFinding, ReportFindingKind, ReportPart,
};

const USAGE: &str = "användning: lystkom_halvar [--out KATALOG] [--mode publicering|granskning]\n  \
    --out KATALOG  skriv rapporten som Markdown och HTML i KATALOG\n  \
    --mode LÄGE    publicering (det en kommun trycker) eller granskning (med alla\n                 \
    iakttagelser; standard); engelska publish och review går också";

/// The command line: `--out DIR` (or `--out=DIR`), `--mode publish|review`, `--help`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    out: Option<PathBuf>,
    mode: DocumentMode,
    help: bool,
}

fn parse_mode(text: &str) -> Result<DocumentMode, String> {
    match text {
        "publicering" | "publish" => Ok(DocumentMode::Publish),
        "granskning" | "review" => Ok(DocumentMode::Review),
        other => Err(format!(
            "okänt läge: {other} (publicering eller granskning)"
        )),
    }
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
        } else if arg == "--mode" {
            let mode = it
                .next()
                .ok_or("--mode behöver publicering eller granskning")?;
            parsed.mode = parse_mode(&mode)?;
        } else if let Some(mode) = arg.strip_prefix("--mode=") {
            parsed.mode = parse_mode(mode)?;
        } else if arg == "-h" || arg == "--help" {
            parsed.help = true;
        } else {
            return Err(format!("okänt argument: {arg}"));
        }
    }
    Ok(parsed)
}

/// An error for a person: a crate error in Swedish ([`kommunal_redovisning::Error::sv`]),
/// any other as it says itself.
fn swedish(e: &(dyn std::error::Error + 'static)) -> String {
    match e.downcast_ref::<kommunal_redovisning::Error>() {
        Some(k) => k.sv().to_string(),
        None => e.to_string(),
    }
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
            eprintln!("fel: {}", swedish(e.as_ref()));
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

    // The document in the mode asked for: built (and its tables rounded together)
    // even without --out, so that a run without arguments exercises it.
    let doc = report.document_in(args.mode)?;
    let sv = NumberFormat::swedish();
    let (markdown, html) = (doc.to_markdown(&sv), doc.to_html(&sv));
    println!();
    println!(
        "Dokumentet för {}: {} avsnitt, {} tabeller.",
        args.mode.label(),
        doc.sections.len(),
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, Block::Table(_)))
            .count()
    );
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            let stem = format!("lystkom-delarsrapport-2025-{}", args.mode.label());
            let md = dir.join(format!("{stem}.md"));
            let page = dir.join(format!("{stem}.html"));
            std::fs::write(&md, markdown)?;
            std::fs::write(&page, html)?;
            println!("Skrev {} och {}.", md.display(), page.display());
            #[cfg(feature = "xlsx")]
            {
                let xlsx = dir.join(format!("{stem}.xlsx"));
                std::fs::write(&xlsx, doc.to_xlsx()?)?;
                println!("Skrev {}.", xlsx.display());
            }
            match chromium::find() {
                Some(browser) => {
                    let pdf = dir.join(format!("{stem}.pdf"));
                    chromium::print_pdf(&browser, &page, &pdf)?;
                    println!("Skrev {} (med {}).", pdf.display(), browser.display());
                }
                None => println!(
                    "Ingen PDF: Chromium finns inte (apt-get install chromium, eller sätt CHROMIUM \
                     till webbläsarens sökväg)."
                ),
            }
        }
        None => {
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
        assert_eq!(args(&[]).unwrap().mode, DocumentMode::Review);
        assert_eq!(
            args(&["--mode", "publicering"]).unwrap().mode,
            DocumentMode::Publish
        );
        assert_eq!(
            args(&["--mode=publish"]).unwrap().mode,
            DocumentMode::Publish
        );
        assert!(args(&["--mode", "x"]).is_err());
        assert!(args(&["--mode"]).is_err());
    }
}
