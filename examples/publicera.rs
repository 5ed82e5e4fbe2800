//! A report a kommun can publish, from its ledger: reads an SIE 4 file, builds the
//! årsredovisning's resultaträkning, balansräkning and driftredovisning, rounds all
//! tables together (årets resultat prints the same everywhere, every table foots) and
//! writes the publish form as Markdown, HTML, PDF (with headless Chromium) and, with
//! `--features xlsx`, an Excel workbook.
//!
//! ```text
//! cargo run --example publicera -- [FILE.se] [--mapping MAP.json] [--dimension N]
//!     [--mode publicering|granskning] [--out DIR]
//! cargo run --example publicera --features xlsx -- --out /tmp/rapport
//! ```
//!
//! Without a file it reads the made-up `examples/data/exempelkommun.se` with its chart
//! overrides. Without `--out` nothing is written: the report is built and its tables
//! are printed as text. PDF needs Chromium: `apt-get install chromium` (Debian,
//! Ubuntu), or `CHROMIUM=/path/to/chrome`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[allow(dead_code)]
#[path = "common/chromium.rs"]
mod chromium;

use std::path::PathBuf;
use std::process::ExitCode;

use kommunal_redovisning::ledger::{Chart, LedgerOperating, LedgerStatements, SieLedger};
use kommunal_redovisning::report::{AnnualReport, Block, DocumentMode};
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::{Entity, EntityKind, FinancialYear, NumberFormat};

const USAGE: &str = "användning: publicera [FIL.se] [--mapping KARTA.json] [--dimension N] \
    [--mode publicering|granskning] [--out KATALOG]";

struct Args {
    file: PathBuf,
    mapping: Option<PathBuf>,
    dimension: u32,
    mode: DocumentMode,
    out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut file = None;
    let mut mapping = None;
    let mut dimension = 1;
    let mut mode = DocumentMode::Publish;
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} behöver ett värde"));
        match a.as_str() {
            "--mapping" => mapping = Some(PathBuf::from(value("--mapping")?)),
            "--dimension" => {
                dimension = value("--dimension")?
                    .parse()
                    .map_err(|_| "--dimension tar ett dimensionsnummer, t.ex. 1".to_owned())?;
            }
            "--mode" => {
                mode = match value("--mode")?.as_str() {
                    "publicering" | "publish" => DocumentMode::Publish,
                    "granskning" | "review" => DocumentMode::Review,
                    other => return Err(format!("okänt läge: {other}")),
                }
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if other.starts_with("--") => return Err(format!("okänt argument: {other}")),
            other => file = Some(PathBuf::from(other)),
        }
    }
    if file.is_none() && mapping.is_none() {
        mapping = Some(data.join("exempelkommun-karta.json"));
    }
    Ok(Args {
        file: file.unwrap_or_else(|| data.join("exempelkommun.se")),
        mapping,
        dimension,
        mode,
        out,
    })
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
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", args.file.display(), swedish(e.as_ref()));
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let chart: Chart = match &args.mapping {
        Some(path) => serde_json::from_slice(&std::fs::read(path)?)
            .map_err(|e| format!("kontoplanen {}: {e}", path.display()))?,
        None => Chart::kommun_bas(),
    };
    let bytes = std::fs::read(&args.file)?;
    let ledger = SieLedger::read(&bytes[..], ReadOptions::default())?;
    let statements = LedgerStatements::build(&ledger.trial_balance, &chart, 0)?;
    if !statements.unmapped.is_empty() {
        return Err(format!(
            "{} konton med saldo täcks inte av kontoplanen; rapporten vore inte fullständig \
             (sie_rapport listar dem)",
            statements.unmapped.len()
        )
        .into());
    }
    statements.balance.validate()?;
    let drift = LedgerOperating::build(
        &ledger.trial_balance,
        &chart,
        args.dimension,
        &ledger.object_names,
    )?;
    let year = ledger
        .financial_years
        .get(&0)
        .map(|(start, _)| FinancialYear::of(*start))
        .ok_or("filen anger inget räkenskapsår (#RAR 0)")?;
    let name = ledger
        .company_name
        .clone()
        .unwrap_or_else(|| args.file.display().to_string());
    let mut report = AnnualReport::new(Entity::new(name, EntityKind::Kommun), year);
    report.income_statement = Some(statements.income.clone());
    report.balance_sheet = Some(statements.balance.clone());
    report.operating_statement = Some(drift.statement.clone());

    let doc = report.document_in(args.mode)?;
    let sv = NumberFormat::swedish();
    println!("{} ({})", doc.title, args.mode.label());
    for block in doc.sections.iter().flat_map(|s| &s.blocks) {
        if let Block::Table(t) = block {
            println!();
            print!("{}", t.to_text(&sv));
        }
    }
    let Some(dir) = &args.out else {
        println!();
        println!(
            "Inga filer skrivna; med --out KATALOG skrivs rapporten som Markdown, HTML, PDF \
             (med Chromium) och Excel (med --features xlsx)."
        );
        return Ok(());
    };
    std::fs::create_dir_all(dir)?;
    let stem = format!("arsredovisning-{}-{}", year, args.mode.label());
    let md = dir.join(format!("{stem}.md"));
    let html = dir.join(format!("{stem}.html"));
    std::fs::write(&md, doc.to_markdown(&sv))?;
    std::fs::write(&html, doc.to_html(&sv))?;
    println!();
    println!("Skrev {} och {}.", md.display(), html.display());
    #[cfg(feature = "xlsx")]
    {
        let xlsx = dir.join(format!("{stem}.xlsx"));
        std::fs::write(&xlsx, doc.to_xlsx()?)?;
        println!("Skrev {}.", xlsx.display());
    }
    match chromium::find() {
        Some(browser) => {
            let pdf = dir.join(format!("{stem}.pdf"));
            chromium::print_pdf(&browser, &html, &pdf)?;
            println!("Skrev {} (med {}).", pdf.display(), browser.display());
        }
        None => println!(
            "Ingen PDF: Chromium finns inte (apt-get install chromium, eller sätt CHROMIUM till \
             webbläsarens sökväg)."
        ),
    }
    Ok(())
}
