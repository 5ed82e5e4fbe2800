//! The worked case as one call: assembles the report, prints every section with its
//! checks and the checks of the report as a whole, and writes the documents when given
//! a directory. Shared by this example and the `kommunal lystkom` command (which
//! includes these files with `#[path]`).

use std::path::Path;

use kommunal_redovisning::NumberFormat;
use kommunal_redovisning::report::{
    Block, DocumentMode, ReportFinding, ReportFindingKind, ReportPart,
};

use super::{
    assemble, balanskrav, chromium, financial_position, forecast, goals, printed_check, sick_leave,
};

/// What the checks of the report as a whole found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Figures that do not agree with what they are checked against.
    pub inconsistent: usize,
    /// Parts the report lacks (the tables that were pictures in the source).
    pub missing: usize,
}

/// Prints the case on standard output and builds its document in `mode`; with `out`,
/// writes `lystkom-delarsrapport-2025-<mode>.md` and `.html` there (and `.pdf` when
/// headless Chromium is installed, `.xlsx` with the `xlsx` feature).
pub fn run(out: Option<&Path>, mode: DocumentMode) -> Result<Outcome, Box<dyn std::error::Error>> {
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
    let doc = report.document_in(mode)?;
    let sv = NumberFormat::swedish();
    let (markdown, html) = (doc.to_markdown(&sv), doc.to_html(&sv));
    println!();
    println!(
        "Dokumentet för {}: {} avsnitt, {} tabeller.",
        mode.label(),
        doc.sections.len(),
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, Block::Table(_)))
            .count()
    );
    match out {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            let stem = format!("lystkom-delarsrapport-2025-{}", mode.label());
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
    Ok(Outcome {
        inconsistent: count(ReportFindingKind::Inconsistent),
        missing,
    })
}

fn print_findings(findings: &[ReportFinding]) {
    for f in findings {
        println!("    {f}");
    }
}
