//! `kommunal lint`: reads SIE files and prints their diagnostics, counts and sums.
//!
//! ```text
//! kommunal lint FIL... [--json]
//! ```
//!
//! Diagnostics of one kind are listed with their lines up to ten times, then counted
//! (the reader aggregates them), so the output stays small for any file. `--json`
//! writes one JSON document per file as a stream, diagnostic by diagnostic.
//!
//! Exit status: 0 when no file has an error-level diagnostic (see the severity policy in
//! the `sie` module docs) and every sum could be formed, 1 otherwise, 2 when a file
//! cannot be opened or read, is empty, or holds no SIE record at all.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use kommunal_redovisning::sie::{Diagnostic, ReadError, Reader, Record, Severity, Totals};

use crate::progress::{self, Progress};
use crate::style::Style;

/// `kommunal lint`'s arguments.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// SIE-filerna att läsa
    #[arg(value_name = "FIL", required = true, help_heading = "Argument")]
    pub files: Vec<PathBuf>,
    /// En rad JSON per fil i stället för text
    #[arg(long)]
    pub json: bool,
}

/// Runs `kommunal lint`.
pub fn main(args: &LintArgs) -> ExitCode {
    match run(args) {
        Ok(code) => ExitCode::from(code),
        // stdout closed (e.g. piped into `head`): stop quietly.
        Err(_) => ExitCode::from(0),
    }
}

fn run(args: &LintArgs) -> std::io::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let json = args.json;
    let style = Style::for_stdout();
    let mut worst = 0u8;
    for path in &args.files {
        let path = path.display().to_string();
        let path = path.as_str();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!(
                    "kommunal lint: {path}: kan inte öppnas: {}",
                    crate::sv::io(&e)
                );
                worst = 2;
                continue;
            }
        };
        let total = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut reader = Reader::new(BufReader::with_capacity(
            1 << 16,
            Progress::new(file, total),
        ));
        let mut totals = Totals::default();
        let mut read_error = None;
        let mut overflow = None;
        // Records with a label the reader knows: none means the file is not SIE.
        let mut known = 0u64;
        loop {
            match reader.next_record() {
                Ok(Some(r)) => {
                    if !matches!(r, Record::Unknown { .. }) {
                        known += 1;
                    }
                    if let Err(e) = totals.try_add(&r) {
                        // The sums stop here; reading goes on for the diagnostics.
                        overflow.get_or_insert(Diagnostic {
                            line: reader.record_line(),
                            label: "#VER".into(),
                            severity: Severity::Error,
                            message: format!("{e}: summorna stannar vid den här verifikationen"),
                        });
                    }
                    reader.recycle(r);
                }
                Ok(None) => break,
                Err(e) => {
                    read_error = Some(match &e {
                        ReadError::Io { line, source } => {
                            format!("läsfel efter rad {line}: {}", crate::sv::io(source))
                        }
                        other => other.to_string(),
                    });
                    break;
                }
            }
        }
        if progress::shown(total) {
            eprintln!("\rläst: {} MB", total >> 20);
        }
        if read_error.is_none() && known == 0 {
            read_error = Some(if total == 0 {
                "filen är tom".to_owned()
            } else {
                "filen innehåller ingen SIE-post (#FLAGGA, #SIETYP, #VER …): är det en SIE-fil?"
                    .to_owned()
            });
        }
        let mut diags = reader.take_diagnostics();
        diags.extend(overflow);
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diags
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        if read_error.is_some() {
            worst = 2;
        } else if errors > 0 {
            worst = worst.max(1);
        }
        let encoding = reader.encoding().map_or("ascii", |e| e.name());
        if json {
            write_json(
                &mut out,
                path,
                encoding,
                &reader,
                &read_error,
                &diags,
                &totals,
            )?;
        } else {
            let heading = format!(
                "== {path} (teckenkodning {encoding}, SIE typ {})",
                reader.sie_type().map_or("?".into(), |t| t.to_string())
            );
            writeln!(out, "{}", style.heading(&heading))?;
            for d in &diags {
                let line = d.to_string();
                let line = match d.severity {
                    Severity::Error => style.error(&line),
                    Severity::Warning => style.warning(&line),
                    Severity::Notice => line,
                };
                writeln!(out, "  {line}")?;
            }
            if let Some(e) = &read_error {
                writeln!(out, "  {}", style.error(&format!("kan inte läsas: {e}")))?;
            }
            writeln!(
                out,
                "  {} poster, {} verifikationer, {} transaktionsrader",
                totals.records, totals.vouchers, totals.rows
            )?;
            if !totals.by_account.is_empty() {
                writeln!(out, "  summa per konto (kr):")?;
                for (a, s) in &totals.by_account {
                    writeln!(out, "    {a:>10} {:>16}", kronor(*s))?;
                }
            }
            if !totals.by_object.is_empty() {
                writeln!(out, "  summa per (dimension, objekt, konto) (kr):")?;
                for (dimension, object, account, sum) in totals.object_sums() {
                    writeln!(
                        out,
                        "    {dimension:>4} {object:>12} {account:>10} {:>16}",
                        kronor(sum)
                    )?;
                }
            }
            let verdict = if read_error.is_some() {
                style.error("kunde inte läsas till slutet")
            } else if errors > 0 {
                style.error(&format!(
                    "{errors} fel, {}: siffrorna kan vara fel",
                    varningar(warnings)
                ))
            } else if warnings > 0 {
                style.warning(&format!("inga fel, {}", varningar(warnings)))
            } else {
                style.ok("inga fel, inga varningar")
            };
            writeln!(out, "  {path}: {verdict}")?;
        }
    }
    out.flush()?;
    Ok(worst)
}

/// One JSON document per file, written as it goes: no document is built in memory.
fn write_json<W: Write, R: std::io::Read>(
    out: &mut W,
    path: &str,
    encoding: &str,
    reader: &Reader<R>,
    read_error: &Option<String>,
    diags: &[Diagnostic],
    totals: &Totals,
) -> std::io::Result<()> {
    write!(
        out,
        "{{\"file\":{},\"encoding\":{},\"sie_type\":{},\"read_error\":{},\"diagnostics\":[",
        s(&path),
        s(&encoding),
        s(&reader.sie_type()),
        s(read_error)
    )?;
    for (i, d) in diags.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, d)?;
    }
    write!(
        out,
        "],\"records\":{},\"vouchers\":{},\"rows\":{},\"by_account\":{{",
        totals.records, totals.vouchers, totals.rows
    )?;
    for (i, (a, sum)) in totals.by_account.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(out, "{}:{}", s(a), s(&sum.to_string()))?;
    }
    out.write_all(b"},\"by_object\":[")?;
    for (i, (dimension, object, account, sum)) in totals.object_sums().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(
            out,
            "{{\"dimension\":{dimension},\"object\":{},\"account\":{},\"sum\":{}}}",
            s(&object),
            s(&account),
            s(&sum.to_string())
        )?;
    }
    out.write_all(b"]}\n")
}

/// JSON text of a small serializable value.
fn s<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// A sum of the file in Swedish form, exact, with at least two decimals: `−1 234,50`.
fn kronor(sum: kommunal_redovisning::Decimal) -> String {
    kommunal_redovisning::NumberFormat::swedish()
        .with_decimals(sum.normalize().scale().max(2))
        .decimal(sum)
}

/// "1 varning", "3 varningar".
fn varningar(n: usize) -> String {
    if n == 1 {
        "1 varning".to_owned()
    } else {
        format!("{n} varningar")
    }
}
