//! `kommunal lint`: reads SIE files and prints their diagnostics, counts and sums.
//!
//! ```text
//! kommunal lint FIL... [--json]
//! ```
//!
//! Exit status: 0 when no file has an error-level diagnostic, 1 otherwise, 2 when a file
//! cannot be opened or read, is empty, or holds no SIE record at all.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use kommunal_redovisning::sie::{Reader, Record, Severity, Totals};

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
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("kommunal lint: {path}: kan inte öppnas: {e}");
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
        let mut io_error = None;
        // Records with a label the reader knows: none means the file is not SIE.
        let mut known = 0u64;
        loop {
            match reader.next_record() {
                Ok(Some(r)) => {
                    if !matches!(r, Record::Unknown { .. }) {
                        known += 1;
                    }
                    totals.add(&r);
                    reader.recycle(r);
                }
                Ok(None) => break,
                Err(e) => {
                    io_error = Some(e.to_string());
                    break;
                }
            }
        }
        if progress::shown(total) {
            eprintln!("\rläst: {} MB", total >> 20);
        }
        if io_error.is_none() && known == 0 {
            io_error = Some(if total == 0 {
                "filen är tom".to_owned()
            } else {
                "filen innehåller ingen SIE-post (#FLAGGA, #SIETYP, #VER …): är det en SIE-fil?"
                    .to_owned()
            });
        }
        let diags = reader.diagnostics();
        let has_error = diags.iter().any(|d| d.severity == Severity::Error);
        if io_error.is_some() {
            worst = 2;
        } else if has_error {
            worst = worst.max(1);
        }
        let encoding = reader.encoding().map_or("ascii", |e| e.name());
        if json {
            let doc = serde_json::json!({
                "file": path,
                "encoding": encoding,
                "sie_type": reader.sie_type(),
                "read_error": io_error,
                "diagnostics": diags,
                "records": totals.records,
                "vouchers": totals.vouchers,
                "rows": totals.rows,
                "by_account": totals.by_account.iter().map(|(a, s)| (a.clone(), serde_json::Value::String(s.to_string()))).collect::<serde_json::Map<_, _>>(),
                "by_object": totals.object_sums().map(|(dimension, object, account, sum)| serde_json::json!({
                    "dimension": dimension, "object": object, "account": account, "sum": sum.to_string()
                })).collect::<Vec<_>>(),
            });
            writeln!(out, "{doc}")?;
        } else {
            let heading = format!(
                "== {path} (teckenkodning {encoding}, SIE typ {})",
                reader.sie_type().map_or("?".into(), |t| t.to_string())
            );
            writeln!(out, "{}", style.heading(&heading))?;
            for d in diags {
                let line = d.to_string();
                let line = match d.severity {
                    Severity::Error => style.error(&line),
                    Severity::Warning => style.warning(&line),
                    Severity::Notice => line,
                };
                writeln!(out, "  {line}")?;
            }
            if let Some(e) = &io_error {
                writeln!(out, "  {}", style.error(&format!("kan inte läsas: {e}")))?;
            }
            writeln!(
                out,
                "  {} poster, {} verifikationer, {} transaktionsrader",
                totals.records, totals.vouchers, totals.rows
            )?;
            if !totals.by_account.is_empty() {
                writeln!(out, "  summa per konto:")?;
                for (a, s) in &totals.by_account {
                    writeln!(out, "    {a:>10} {s:>16}")?;
                }
            }
            if !totals.by_object.is_empty() {
                writeln!(out, "  summa per (dimension, objekt, konto):")?;
                for (dimension, object, account, sum) in totals.object_sums() {
                    writeln!(
                        out,
                        "    {dimension:>4} {object:>12} {account:>10} {sum:>16}"
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(worst)
}
