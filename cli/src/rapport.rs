//! `kommunal rapport`: from a ledger export to statements. Reads an SIE 4 file, maps
//! its accounts with the Kommun-Bas chart (or your own), and prints the diagnostics, the
//! resultaträkning, the balansräkning, key ratios and the driftredovisning per object
//! of a dimension.
//!
//! ```text
//! kommunal rapport FIL.se [--dimension N] [--mapping KARTA.json]
//!     [--format text|markdown|csv|html|json] [--scale kr|tkr|mnkr]
//! kommunal rapport --exempel
//! ```
//!
//! `--exempel` reads the made-up municipal ledger `examples/data/exempelkommun.se` with
//! its chart overrides `examples/data/exempelkommun-karta.json` (built into the binary).
//! Every account with a non-zero balance is either in the statements, excluded on
//! purpose, or listed as unmapped with its amount. On a terminal, large files show
//! their progress on standard error.
//!
//! Exit status ([`LedgerVerdict`]): 0 only when the file read without an error-level
//! diagnostic, its stated balances agree with its vouchers, every account with a
//! balance is in the statements, the balansräkning balances and the driftredovisning
//! reconciles — the one case the closing line says "stämmer"; 1 otherwise; 2 for
//! unreadable input (no file, an empty file, no SIE content, a read error; an amount out
//! of any real range is named with its account and line).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use kommunal_redovisning::ledger::{
    Chart, LedgerOperating, LedgerStatements, LedgerVerdict, ParallelLedger, SieLedger,
};
use kommunal_redovisning::note::{LedgerNotes, NoteChart};
use kommunal_redovisning::present::{Column, ReportRounding, Table, html_escape};
use kommunal_redovisning::ratio::{KeyRatio, KeyRatios};
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::statement::StatementLayout;
use kommunal_redovisning::{EntityKind, FinancialYear, NumberFormat, Scale};

use crate::progress::{self, Progress};
use crate::style::Style;

/// The example ledger and its chart overrides, built into the binary for `--exempel`.
const EXEMPEL_SIE: &[u8] = include_bytes!("../../examples/data/exempelkommun.se");
const EXEMPEL_KARTA: &[u8] = include_bytes!("../../examples/data/exempelkommun-karta.json");
const EXEMPEL_NOTKARTA: &[u8] = include_bytes!("../../examples/data/exempelkommun-notkarta.json");

/// Utdataformat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text för terminalen
    Text,
    /// Markdown-tabeller
    #[value(alias = "md")]
    Markdown,
    /// CSV (kommaseparerat, belopp utan tusentalsavgränsare)
    Csv,
    /// HTML-fragment
    Html,
    /// JSON med alla delar (belopp som strängar)
    Json,
}

/// Enhet för beloppen i tabellerna.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Unit {
    /// kronor
    Kr,
    /// tusen kronor
    Tkr,
    /// miljoner kronor
    Mnkr,
}

impl Unit {
    fn scale(self) -> Scale {
        match self {
            Unit::Kr => Scale::Kr,
            Unit::Tkr => Scale::Tkr,
            Unit::Mnkr => Scale::Mnkr,
        }
    }
}

/// `kommunal rapport`'s arguments.
#[derive(Debug, clap::Args)]
pub struct RapportArgs {
    /// SIE-filen (typ 1–4) att göra rapporter av
    #[arg(
        value_name = "FIL",
        required_unless_present = "exempel",
        help_heading = "Argument"
    )]
    pub file: Option<PathBuf>,
    /// Läs den påhittade exempelkommunens bokföring (inbyggd) i stället för en fil
    #[arg(long, conflicts_with_all = ["file", "mapping"])]
    pub exempel: bool,
    /// Dimensionen vars objekt driftredovisningen redovisar (standard: 1, kostnadsställe)
    #[arg(long, value_name = "N", default_value_t = 1, hide_default_value = true)]
    pub dimension: u32,
    /// Egen kontoplan (JSON, se ledger::Chart) i stället för Kommun-Bas
    #[arg(long, value_name = "KARTA.json")]
    pub mapping: Option<PathBuf>,
    /// Egen notkarta (JSON, se note::NoteChart) i stället för Kommun-Bas standard
    /// (med --exempel: exempelkommunens notkarta)
    #[arg(long, value_name = "NOTER.json")]
    pub notes: Option<PathBuf>,
    /// Utdataformat: text (standard), markdown, csv, html eller json
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        default_value_t = Format::Text,
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub format: Format,
    /// Enhet för beloppen i tabellerna: kr, tkr (standard) eller mnkr
    #[arg(
        long,
        value_enum,
        value_name = "ENHET",
        default_value_t = Unit::Tkr,
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub scale: Unit,
    /// Antal trådar (kärnor) som läser filen (standard: maskinens kärnor, högst 8);
    /// resultatet är detsamma med en tråd
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

struct Args {
    file: String,
    source: Source,
    dimension: u32,
    mapping: Option<Mapping>,
    notes: Option<PathBuf>,
    format: Format,
    scale: Scale,
    threads: usize,
}

enum Source {
    File(PathBuf),
    Exempel,
}

enum Mapping {
    File(PathBuf),
    Exempel,
}

/// An error for a person: a crate error in Swedish ([`kommunal_redovisning::Error::sv`]),
/// any other as it says itself.
pub(crate) fn swedish(e: &(dyn std::error::Error + 'static)) -> String {
    if let Some(k) = e.downcast_ref::<kommunal_redovisning::Error>() {
        k.sv().to_string()
    } else if let Some(io) = e.downcast_ref::<std::io::Error>() {
        crate::sv::io(io)
    } else if let Some(json) = e.downcast_ref::<serde_json::Error>() {
        crate::sv::json(json)
    } else {
        e.to_string()
    }
}

/// Runs `kommunal rapport`.
pub fn main(cli: &RapportArgs) -> ExitCode {
    let (file, source, mapping) = match &cli.file {
        Some(path) if !cli.exempel => (
            path.display().to_string(),
            Source::File(path.clone()),
            cli.mapping.clone().map(Mapping::File),
        ),
        _ => (
            "exempelkommun.se".to_owned(),
            Source::Exempel,
            Some(Mapping::Exempel),
        ),
    };
    let args = Args {
        file,
        source,
        dimension: cli.dimension,
        mapping,
        notes: cli.notes.clone(),
        format: cli.format,
        scale: cli.scale.scale(),
        threads: cli.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
            usize::from,
        ),
    };
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kommunal rapport: {}: {}", args.file, swedish(e.as_ref()));
            ExitCode::from(2)
        }
    }
}

/// Reads an SIE file in windows of 16 MB on `threads` threads ([`ParallelLedger`]: the
/// library does no I/O), so that memory stays at the window and the sums.
fn read_ledger(
    mut source: impl Read,
    threads: usize,
) -> Result<SieLedger, Box<dyn std::error::Error>> {
    const WINDOW: usize = 16 << 20;
    let mut read = ParallelLedger::new(ReadOptions::default(), threads);
    let mut buf = vec![0u8; WINDOW];
    let (mut filled, mut eof) = (0, false);
    loop {
        while !eof && filled < buf.len() {
            match source.read(buf.get_mut(filled..).unwrap_or_default()) {
                Ok(0) => eof = true,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
        let used = read.push(buf.get(..filled).unwrap_or_default(), eof)?;
        if eof {
            break;
        }
        if used == 0 {
            // No place to cut in the whole window: a longer one.
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        buf.copy_within(used..filled, 0);
        filled -= used;
    }
    Ok(read.finish()?)
}

fn run(args: &Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let chart: Chart = match &args.mapping {
        Some(Mapping::File(path)) => serde_json::from_slice(&std::fs::read(path)?)
            .map_err(|e| format!("kontoplanen {}: {}", path.display(), crate::sv::json(&e)))?,
        Some(Mapping::Exempel) => serde_json::from_slice(EXEMPEL_KARTA)?,
        None => Chart::kommun_bas(),
    };
    let note_chart: NoteChart = match (&args.notes, &args.source) {
        (Some(path), _) => serde_json::from_slice(&std::fs::read(path)?)
            .map_err(|e| format!("notkartan {}: {}", path.display(), crate::sv::json(&e)))?,
        (None, Source::Exempel) => serde_json::from_slice(EXEMPEL_NOTKARTA)?,
        (None, Source::File(_)) => NoteChart::kommun_bas(),
    };
    let (ledger, total) = match &args.source {
        Source::File(path) => {
            let file = std::fs::File::open(path)?;
            let total = file.metadata().map(|m| m.len()).unwrap_or(0);
            let ledger = read_ledger(Progress::new(file, total), args.threads)?;
            (ledger, total)
        }
        Source::Exempel => (
            SieLedger::read(EXEMPEL_SIE, ReadOptions::default())?,
            EXEMPEL_SIE.len() as u64,
        ),
    };
    if progress::shown(total) {
        eprintln!(
            "\rläst: {} MB, {} verifikationer",
            total >> 20,
            ledger.vouchers
        );
    }
    if ledger.trial_balance.accounts(0).next().is_none() {
        return Err(format!(
            "filen innehåller inga saldon eller verifikationer för räkenskapsåret (år 0){}",
            if ledger.sie_type.is_none() {
                " och ingen #SIETYP: är det en SIE-fil?"
            } else {
                ""
            }
        )
        .into());
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
            "invalid_accounts_beyond": ledger.invalid_accounts_beyond,
            "excluded": statements.excluded,
            "key_ratios": ratios,
            "operating_statement": drift.statement,
            "reconciliation": reconciliation.as_ref().map_err(|e| e.sv().to_string()),
            "disagreements": disagreements,
            "problems": problems,
            "verdict": verdict,
            "verdict_problems": verdict.problems(),
        });
        // Written as it is serialized, not built as one string first.
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer_pretty(&mut stdout, &doc)?;
        writeln!(stdout)?;
        stdout.flush()?;
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
    if !statements.unmapped.is_empty() || ledger.invalid_accounts_beyond.is_some() {
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
        if let Some(b) = &ledger.invalid_accounts_beyond {
            para(
                out,
                args.format,
                &format!(
                    "Utöver de första {} ogiltiga kontonumren: {} verifikationsrader ({} kr) och \
                     {} saldon på ytterligare ogiltiga kontonummer (från rad {}) — inte med i \
                     rapporterna",
                    SieLedger::INVALID_ACCOUNTS_KEPT,
                    b.rows,
                    kr.amount(b.amount, Scale::Kr),
                    b.balances,
                    b.first_line
                ),
            );
        }
    }
    // Colours only in text on a terminal, never in a document format.
    let style = if args.format == Format::Text {
        Style::for_stdout()
    } else {
        Style::plain()
    };
    if let Err(e) = statements.balance.validate() {
        para(out, args.format, &style.error(&e.sv().to_string()));
    }
    // The closing line says "stämmer" only when nothing at all is wrong.
    let closing = verdict.closing_line();
    let closing = if verdict.exit_code() == 0 {
        style.ok(&closing)
    } else {
        style.error(&closing)
    };
    para(out, args.format, &closing);
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
