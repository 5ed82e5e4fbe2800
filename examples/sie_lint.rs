//! `sie_lint`: reads SIE files and prints their diagnostics, counts and sums.
//!
//! ```text
//! cargo run --release --example sie_lint -- FILE... [--json]
//! ```
//!
//! Exit status: 0 when no file has an error-level diagnostic, 1 otherwise, 2 when a file
//! cannot be opened or read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs::File;
use std::io::{BufReader, Write};
use std::process::ExitCode;

use kommunal_redovisning::sie::{Reader, Severity, Totals};

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
        let mut io_error = None;
        loop {
            match reader.next_record() {
                Ok(Some(r)) => {
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
            writeln!(
                out,
                "== {path} (encoding {encoding}, type {})",
                reader.sie_type().map_or("?".into(), |t| t.to_string())
            )?;
            for d in diags {
                writeln!(out, "  {d}")?;
            }
            if let Some(e) = &io_error {
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
        }
    }
    out.flush()?;
    Ok(worst)
}
