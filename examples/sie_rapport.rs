//! From a ledger export to statements: reads an SIE 4 file, maps its accounts with the
//! Kommun-Bas chart (or your own), and prints the diagnostics, the resultaträkning, the
//! balansräkning with their note references, the notes built from the ledger
//! (anläggningstillgångar, pensionsavsättning, långfristiga skulder, skatteintäkter,
//! utjämning), key ratios and the driftredovisning per object of a dimension.
//!
//! ```text
//! cargo run --example sie_rapport -- FILE.se [--dimension N] [--mapping MAP.json]
//!     [--notes NOTES.json] [--format text|markdown|csv|html|json] [--scale kr|tkr|mnkr]
//! ```
//!
//! Without a file it reads `examples/data/exempelkommun.se` with its chart overrides
//! `examples/data/exempelkommun-karta.json` and note overrides
//! `examples/data/exempelkommun-notkarta.json`. Every account with a non-zero balance is
//! either in the statements, excluded on purpose, or listed as unmapped with its amount;
//! every account in a note's range is in the note or listed under Noter as unplaced
//! (and in the JSON output's `unplaced` and `problems`).
//! On a terminal, large files show their progress on standard error.
//!
//! Exit status ([`LedgerVerdict`]): 0 only when the file read without an error-level
//! diagnostic, its stated balances agree with its vouchers, every account with a
//! balance is in the statements (and every account in a note range in its note), the
//! balansräkning balances and the driftredovisning reconciles — the one case the closing line says "stämmer"; 1 otherwise; 2 for
//! unreadable input (an amount out of any real range is named with its account and
//! line).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::io::{BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;

use kommunal_redovisning::ledger::{
    Chart, LedgerOperating, LedgerStatements, LedgerVerdict, SieLedger,
};
use kommunal_redovisning::note::{LedgerNotes, NoteChart};
use kommunal_redovisning::present::{Column, ReportRounding, Table, html_escape};
use kommunal_redovisning::ratio::{KeyRatio, KeyRatios};
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::statement::StatementLayout;
use kommunal_redovisning::{EntityKind, FinancialYear, NumberFormat, Scale};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Markdown,
    Csv,
    Html,
    Json,
}

struct Args {
    file: String,
    dimension: u32,
    mapping: Option<String>,
    notes: Option<String>,
    format: Format,
    scale: Scale,
}

fn parse_args() -> Result<Args, String> {
    let mut file = None;
    let mut dimension = 1;
    let mut mapping = None;
    let mut notes = None;
    let mut format = Format::Text;
    let mut scale = Scale::Tkr;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--dimension" => {
                dimension = value("--dimension")?
                    .parse()
                    .map_err(|_| "--dimension takes a dimension number, e.g. 1".to_owned())?;
            }
            "--mapping" => mapping = Some(value("--mapping")?),
            "--notes" => notes = Some(value("--notes")?),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "csv" => Format::Csv,
                    "html" => Format::Html,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format {other:?}")),
                }
            }
            "--scale" => {
                scale = match value("--scale")?.as_str() {
                    "kr" => Scale::Kr,
                    "tkr" => Scale::Tkr,
                    "mnkr" => Scale::Mnkr,
                    other => return Err(format!("unknown scale {other:?}")),
                }
            }
            "-h" | "--help" => {
                return Err(
                    "usage: sie_rapport FILE.se [--dimension N] [--mapping MAP.json] \
                            [--notes NOTES.json] [--format text|markdown|csv|html|json] \
                            [--scale kr|tkr|mnkr]"
                        .to_owned(),
                );
            }
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => file = Some(other.to_owned()),
        }
    }
    let default = |name: &str| format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"));
    if file.is_none() && mapping.is_none() {
        mapping = Some(default("exempelkommun-karta.json"));
    }
    if file.is_none() && notes.is_none() {
        notes = Some(default("exempelkommun-notkarta.json"));
    }
    Ok(Args {
        file: file.unwrap_or_else(|| default("exempelkommun.se")),
        dimension,
        mapping,
        notes,
        format,
        scale,
    })
}

/// Counts bytes and reports progress on standard error, every 5 %.
struct Progress<R> {
    inner: R,
    read: u64,
    total: u64,
    next_report: u64,
    enabled: bool,
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.enabled && self.read >= self.next_report && self.total > 0 {
            eprint!("\rläser … {:>3} %", self.read * 100 / self.total);
            let _ = std::io::stderr().flush();
            self.next_report += (self.total / 20).max(1);
        }
        Ok(n)
    }
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
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {}", args.file, swedish(e.as_ref()));
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let chart: Chart = match &args.mapping {
        Some(path) => serde_json::from_slice(&std::fs::read(path)?)
            .map_err(|e| format!("mapping {path}: {e}"))?,
        None => Chart::kommun_bas(),
    };
    let note_chart: NoteChart = match &args.notes {
        Some(path) => serde_json::from_slice(&std::fs::read(path)?)
            .map_err(|e| format!("note mapping {path}: {e}"))?,
        None => NoteChart::kommun_bas(),
    };
    let file = std::fs::File::open(&args.file)?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = Progress {
        inner: file,
        read: 0,
        total,
        next_report: 0,
        enabled: std::io::stderr().is_terminal() && total > 50 << 20,
    };
    let ledger = SieLedger::read(
        BufReader::with_capacity(1 << 20, progress),
        ReadOptions::default(),
    )?;
    if std::io::stderr().is_terminal() && total > 50 << 20 {
        eprintln!(
            "\rläst: {} MB, {} verifikationer",
            total >> 20,
            ledger.vouchers
        );
    }
    if !ledger.trial_balance.years().contains(&0) {
        // Nothing to build statements from: say so, with the reader's diagnostics.
        for d in &ledger.diagnostics {
            println!("{d}");
        }
        let disagreements = ledger.trial_balance.reconcile()?;
        let verdict = LedgerVerdict::new(&ledger, None, &disagreements, None);
        println!("{}", verdict.closing_line());
        return Ok(ExitCode::from(verdict.exit_code()));
    }
    let mut statements = LedgerStatements::build(&ledger.trial_balance, &chart, 0)?;
    let drift = LedgerOperating::build(
        &ledger.trial_balance,
        &chart,
        args.dimension,
        &ledger.object_names,
    )?;
    let ratios = KeyRatios::from_balance_sheet(&statements.balance)?;
    let year = ledger
        .financial_years
        .get(&0)
        .map_or(FinancialYear::new(0), |(start, _)| {
            FinancialYear::of(*start)
        });
    let notes = LedgerNotes::build(&ledger.trial_balance, &note_chart, 0, year, 1)?;
    notes.refer(&mut statements.income, &mut statements.balance);
    let mut problems = statements.problems()?;
    problems.extend(notes.problems());
    let reconciliation = drift
        .statement
        .reconcile(&statements.income, &drift.reconciliation);
    let disagreements = ledger.trial_balance.reconcile()?;
    let verdict = LedgerVerdict::new(
        &ledger,
        Some(&statements),
        &disagreements,
        Some(reconciliation.is_ok()),
    );

    if args.format == Format::Json {
        let doc = serde_json::json!({
            "file": args.file,
            "company_name": ledger.company_name,
            "financial_year": year.year(),
            "diagnostics": ledger.diagnostics,
            "income_statement": statements.income,
            "balance_sheet": statements.balance,
            "notes": notes.notes,
            "unplaced": notes.unplaced,
            "internal_items": statements.internal,
            "unmapped": statements.unmapped,
            "excluded": statements.excluded,
            "key_ratios": ratios,
            "operating_statement": drift.statement,
            "reconciliation": reconciliation.as_ref().map_err(ToString::to_string),
            "disagreements": disagreements,
            "problems": problems,
            "verdict": verdict,
            "verdict_problems": verdict.problems(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(ExitCode::from(verdict.exit_code()));
    }

    let out = &mut String::new();
    let name = ledger
        .company_name
        .clone()
        .unwrap_or_else(|| args.file.clone());
    heading(out, args.format, &format!("{name} — räkenskapsår {year}"));
    para(
        out,
        args.format,
        &format!(
            "Fil: {} (SIE typ {}), {} verifikationer.",
            args.file,
            ledger.sie_type.map_or("okänd".into(), |t| t.to_string()),
            ledger.vouchers
        ),
    );
    if !ledger.diagnostics.is_empty() {
        heading(out, args.format, "Diagnostik");
        for d in &ledger.diagnostics {
            para(out, args.format, &d.to_string());
        }
    }

    let layout = StatementLayout::new(EntityKind::Kommun, year);
    let column = Column::outcome(year.to_string());
    let rs = Table::income_statement(
        "Resultaträkning",
        args.scale,
        &layout,
        &[(column.clone(), &statements.income)],
    )?;
    let br = Table::balance_sheet(
        "Balansräkning",
        args.scale,
        &layout,
        &[(column.clone(), &statements.balance)],
    )?;
    let dr = drift.statement.to_table(
        format!("Driftredovisning per objekt i dimension {}", args.dimension),
        args.scale,
    )?;
    // All tables rounded together: a figure printed in two of them (årets resultat in
    // RS and BR, a note's total and its line) prints the same in both, and every table
    // foots.
    let mut tables = vec![rs, br];
    let mut note_table = Vec::with_capacity(notes.notes.len());
    for n in &notes.notes {
        match n.to_table(Scale::Kr)? {
            Some(mut t) => {
                t.unit = args.scale;
                note_table.push(Some(tables.len()));
                tables.push(t);
            }
            None => note_table.push(None),
        }
    }
    let dr_at = tables.len();
    tables.push(dr);
    let rounded = ReportRounding::default().round(&tables)?;
    for t in rounded.tables.iter().take(2) {
        render(out, args.format, &t.table);
    }
    heading(out, args.format, "Noter");
    for (n, at) in notes.notes.iter().zip(&note_table) {
        if let Some(t) = at.and_then(|i| rounded.tables.get(i)) {
            render(out, args.format, &t.table);
        }
        if !n.text.is_empty() {
            para(out, args.format, &n.text);
        }
    }
    for p in notes.problems() {
        para(out, args.format, &p);
    }
    if let Some(t) = rounded.tables.get(dr_at) {
        render(out, args.format, &t.table);
    }
    let unit = NumberFormat::swedish();
    for a in &rounded.adjustments {
        para(
            out,
            args.format,
            &format!(
                "Avrundning: {} i {} visas som {} {} (exakt {} kr) så att tabellen summerar.",
                a.label,
                a.caption.to_lowercase(),
                unit.amount(a.printed, args.scale),
                args.scale.label(),
                NumberFormat::swedish()
                    .with_decimals(2)
                    .amount(a.exact, Scale::Kr)
            ),
        );
    }

    heading(out, args.format, "Nyckeltal");
    let sv1 = NumberFormat::swedish().with_decimals(1);
    for r in [
        KeyRatio::EquityRatio,
        KeyRatio::EquityRatioIncludingPensionCommitments,
        KeyRatio::DebtRatio,
        KeyRatio::QuickRatio,
        KeyRatio::CurrentRatio,
    ] {
        let value = ratios.get(r).map_or("–".to_owned(), |p| sv1.percent(p));
        para(
            out,
            args.format,
            &format!("{}: {value} ({})", r.label(), r.formula()),
        );
    }

    heading(out, args.format, "Avstämningar");
    let kr = NumberFormat::swedish().with_decimals(2);
    match &reconciliation {
        Ok(done) => para(
            out,
            args.format,
            &format!(
                "Driftredovisningen ({} kr) + avstämningsposter = {} ({} kr): stämmer",
                kr.amount(done.operating, Scale::Kr),
                done.target_label,
                kr.amount(done.target, Scale::Kr)
            ),
        ),
        Err(e) => para(out, args.format, &format!("Driftredovisningen: {}", e.sv())),
    }
    para(
        out,
        args.format,
        &if !ledger.trial_balance.has_vouchers() {
            "Filen har inga verifikationer: saldona kan inte stämmas av mot dem".to_owned()
        } else if disagreements.is_empty() {
            "Ingående balans + verifikationer = utgående balans för varje konto: stämmer".to_owned()
        } else {
            format!(
                "{} konton där filens saldon och verifikationer skiljer sig",
                disagreements.len()
            )
        },
    );
    for d in disagreements.iter().take(20) {
        para(
            out,
            args.format,
            &format!(
                "  konto {}: angivet {} kr, enligt verifikationer {} kr (differens {} kr)",
                d.account,
                kr.amount(d.stated, Scale::Kr),
                kr.amount(d.from_vouchers, Scale::Kr),
                kr.amount(d.difference, Scale::Kr)
            ),
        );
    }
    if statements.result_already_in_equity {
        para(
            out,
            args.format,
            "Årets resultat var redan bokat mot eget kapital; det har flyttats ur övrigt eget kapital.",
        );
    }
    let by_reason: BTreeMap<&str, usize> =
        statements
            .excluded
            .iter()
            .fold(BTreeMap::new(), |mut m, e| {
                *m.entry(e.reason.as_str()).or_default() += 1;
                m
            });
    for (reason, n) in by_reason {
        para(
            out,
            args.format,
            &format!("Utelämnat med avsikt ({n} konton): {reason}"),
        );
    }
    if !statements.unmapped.is_empty() {
        heading(out, args.format, "Konton som kontoplanen inte täcker");
        for u in &statements.unmapped {
            let name = ledger
                .account_names
                .get(&u.account)
                .map_or("", String::as_str);
            para(
                out,
                args.format,
                &format!(
                    "{} {name}: {} kr — inte med i rapporterna",
                    u.account,
                    kr.amount(u.amount, Scale::Kr)
                ),
            );
        }
    }
    if let Err(e) = statements.balance.validate() {
        para(out, args.format, &e.sv().to_string());
    }
    // The closing line says "stämmer" only when nothing at all is wrong.
    para(out, args.format, &verdict.closing_line());
    print!("{out}");
    Ok(ExitCode::from(verdict.exit_code()))
}

fn heading(out: &mut String, format: Format, text: &str) {
    match format {
        Format::Markdown => out.push_str(&format!("\n## {text}\n\n")),
        Format::Html => out.push_str(&format!("<h2>{}</h2>\n", html_escape(text))),
        Format::Csv => out.push_str(&format!("\n# {text}\n")),
        Format::Text | Format::Json => out.push_str(&format!("\n{text}\n")),
    }
}

fn para(out: &mut String, format: Format, text: &str) {
    match format {
        Format::Html => out.push_str(&format!("<p>{}</p>\n", html_escape(text))),
        Format::Csv => out.push_str(&format!("# {text}\n")),
        _ => {
            out.push_str(text);
            out.push('\n');
        }
    }
}

fn render(out: &mut String, format: Format, table: &Table) {
    let sv = NumberFormat::swedish();
    out.push('\n');
    match format {
        Format::Text | Format::Json => out.push_str(&table.to_text(&sv)),
        Format::Markdown => out.push_str(&table.to_markdown(&sv)),
        Format::Csv => out.push_str(&table.to_csv(',')),
        Format::Html => out.push_str(&table.to_html(&sv)),
    }
}
