//! `granska`: checks a printed resultaträkning or balansräkning (or a report with
//! both) given as JSON, and prints what it finds.
//!
//! ```text
//! cargo run --example granska -- examples/data/grastorp_2019_2020.json
//! cargo run --example granska -- --json examples/data/provoke_errors.json
//! ```
//!
//! The file is a `PrintedStatement` or a `PrintedReport` (`{"statements": [...]}`);
//! the format is documented in `kommunal_redovisning::check`. Without a file it checks
//! `examples/data/grastorp_rs_2019.json`.
//!
//! Exit status: 0 when there is nothing but rounding differences, 1 when there are
//! errors or rows that could not be placed, 2 when the input cannot be read.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use kommunal_redovisning::check::{
    Discrepancy, PrintedReport, PrintedStatement, Summary, check_report,
};

const DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/grastorp_rs_2019.json"
);

fn read(path: &str) -> Result<PrintedReport, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("kan inte läsa {path}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path} är inte JSON: {e}"))?;
    if value.get("statements").is_some() {
        serde_json::from_value(value).map_err(|e| format!("{path}: {e}"))
    } else {
        let statement: PrintedStatement =
            serde_json::from_value(value).map_err(|e| format!("{path}: {e}"))?;
        Ok(PrintedReport {
            entity: statement.entity.clone(),
            statements: vec![statement],
        })
    }
}

fn print_human(path: &str, report: &PrintedReport, findings: &[Discrepancy]) {
    println!(
        "Granskning av {path}{}",
        report
            .entity
            .as_deref()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default()
    );
    for s in &report.statements {
        let own: Vec<&Discrepancy> = findings
            .iter()
            .filter(|f| f.statement == Some(s.statement))
            .collect();
        println!(
            "{} (belopp i {}), {} kolumner, {} rader: {}",
            capitalize(s.statement.label()),
            s.unit,
            s.columns.len(),
            s.rows.len(),
            if own.is_empty() {
                "inga avvikelser".to_owned()
            } else {
                format!("{} avvikelser", own.len())
            }
        );
        for f in own {
            print_finding(f);
        }
    }
    let cross: Vec<&Discrepancy> = findings.iter().filter(|f| f.statement.is_none()).collect();
    if report.statements.len() > 1 {
        println!(
            "Mellan rapporterna: {}",
            if cross.is_empty() {
                "inga avvikelser".to_owned()
            } else {
                format!("{} avvikelser", cross.len())
            }
        );
        for f in cross {
            print_finding(f);
        }
    }
    let sum = Summary::of(findings);
    println!(
        "Summa: {} fel, {} avrundningsdifferenser, {} rader som inte kunde placeras.",
        sum.errors, sum.rounding, sum.unplaced
    );
}

fn print_finding(f: &Discrepancy) {
    let column = f
        .column
        .as_deref()
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    println!(
        "  [{}] {}{column} ({}): {}",
        f.class.label(),
        f.row,
        f.check.label(),
        f.message
    );
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("användning: granska [--json] [FIL.json]");
                return ExitCode::SUCCESS;
            }
            other => path = Some(other.to_owned()),
        }
    }
    let path = path.unwrap_or_else(|| DEFAULT.to_owned());
    let report = match read(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("granska: {e}");
            return ExitCode::from(2);
        }
    };
    let findings = check_report(&report);
    let summary = Summary::of(&findings);
    if json {
        let out = serde_json::json!({ "summary": summary, "findings": findings });
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("granska: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print_human(&path, &report, &findings);
    }
    if summary.only_rounding() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
