//! `sie_lint`: reads SIE files and prints their diagnostics, counts and sums.
//!
//! ```text
//! cargo run --release --example sie_lint -- FILE... [--json]
//! ```
//!
//! Diagnostics of one kind are listed with their lines up to ten times, then counted
//! (the reader aggregates them), so the output stays small for any file. `--json`
//! writes one JSON document per file as a stream, diagnostic by diagnostic.
//!
//! Exit status: 0 when no file has an error-level diagnostic (see the severity policy in
//! the `sie` module docs) and every sum could be formed, 1 otherwise, 2 when a file
//! cannot be opened or read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs::File;
use std::io::{BufReader, Write};
use std::process::ExitCode;

use kommunal_redovisning::sie::{Diagnostic, Reader, Severity, Totals};

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        // stdout closed (e.g. piped into `head`): stop quietly.
        Err(_) => ExitCode::from(0),
    }
}

fn run() -> std::io::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() {
        eprintln!("usage: sie_lint FILE... [--json]");
        return Ok(2);
    }
    let mut worst = 0u8;
    for path in files {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{path}: cannot open: {e}");
                worst = 2;
                continue;
            }
        };
        let mut reader = Reader::new(BufReader::with_capacity(1 << 16, file));
        let mut totals = Totals::default();
        let mut read_error = None;
        let mut overflow = None;
        loop {
            match reader.next_record() {
                Ok(Some(r)) => {
                    if let Err(e) = totals.try_add(&r) {
                        // The sums stop here; reading goes on for the diagnostics.
                        overflow.get_or_insert(Diagnostic {
                            line: reader.record_line(),
                            label: "#VER".into(),
                            severity: Severity::Error,
                            message: format!("{e}: the sums stop at this voucher"),
                        });
                    }
                    reader.recycle(r);
                }
                Ok(None) => break,
                Err(e) => {
                    read_error = Some(e.to_string());
                    break;
                }
            }
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
            writeln!(
                out,
                "== {path} (encoding {encoding}, type {})",
                reader.sie_type().map_or("?".into(), |t| t.to_string())
            )?;
            for d in &diags {
                writeln!(out, "  {d}")?;
            }
            if let Some(e) = &read_error {
                writeln!(out, "  read error: {e}")?;
            }
            writeln!(
                out,
                "  {} records, {} vouchers, {} rows",
                totals.records, totals.vouchers, totals.rows
            )?;
            if !totals.by_account.is_empty() {
                writeln!(out, "  sums per account:")?;
                for (a, s) in &totals.by_account {
                    writeln!(out, "    {a:>10} {s:>16}")?;
                }
            }
            if !totals.by_object.is_empty() {
                writeln!(out, "  sums per (dimension, object, account):")?;
                for (dimension, object, account, sum) in totals.object_sums() {
                    writeln!(
                        out,
                        "    {dimension:>4} {object:>12} {account:>10} {sum:>16}"
                    )?;
                }
            }
            let verdict = if read_error.is_some() {
                "could not be read to the end".to_owned()
            } else if errors > 0 {
                format!("{errors} errors, {warnings} warnings: the figures may be wrong")
            } else if warnings > 0 {
                format!("no errors, {warnings} warnings")
            } else {
                "no errors, no warnings".to_owned()
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
