//! `kommunal granska`: checks a printed resultaträkning or balansräkning (or a report
//! with both) given as JSON, and prints what it finds.
//!
//! ```text
//! kommunal granska examples/data/grastorp_2019_2020.json
//! kommunal granska --json examples/data/provoke_findings.json
//! ```
//!
//! The file is a `PrintedStatement` or a `PrintedReport` (`{"statements": [...]}`);
//! the format is documented in `kommunal_redovisning::check`.
//!
//! Exit status: 0 when there is nothing but rounding differences, 1 when there are
//! errors or rows that could not be placed, 2 when the input cannot be read.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use kommunal_redovisning::check::{
    Finding, FindingClass, PrintedReport, PrintedStatement, Summary, check_report,
};

use crate::style::Style;

/// `kommunal granska`'s arguments.
#[derive(Debug, Args)]
pub struct GranskaArgs {
    /// Den tryckta rapporten som JSON: en PrintedStatement eller en PrintedReport
    /// ({"statements": [...]}), se kommunal_redovisning::check
    #[arg(value_name = "FIL.json", help_heading = "Argument")]
    pub file: PathBuf,
    /// Skriv sammanfattning och fynd som JSON
    #[arg(long)]
    pub json: bool,
}

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

fn print_human(path: &str, report: &PrintedReport, findings: &[Finding], style: Style) {
    println!(
        "Granskning av {path}{}",
        report
            .entity
            .as_deref()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default()
    );
    for s in &report.statements {
        let own: Vec<&Finding> = findings
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
            print_finding(f, style);
        }
    }
    let cross: Vec<&Finding> = findings.iter().filter(|f| f.statement.is_none()).collect();
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
            print_finding(f, style);
        }
    }
    let sum = Summary::of(findings);
    println!(
        "Summa: {} fel, {} avrundningsdifferenser, {} rader som inte kunde placeras.",
        sum.errors, sum.rounding, sum.unplaced
    );
}

fn print_finding(f: &Finding, style: Style) {
    let column = f
        .column
        .as_deref()
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    let label = f.class.label();
    let label = match f.class {
        FindingClass::Error => style.error(label),
        FindingClass::Rounding | FindingClass::Unplaced => style.warning(label),
    };
    println!(
        "  [{label}] {}{column} ({}): {}",
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

/// Runs `kommunal granska`.
pub fn main(args: &GranskaArgs) -> ExitCode {
    let json = args.json;
    let path = args.file.display().to_string();
    let report = match read(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kommunal granska: {e}");
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
                eprintln!("kommunal granska: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print_human(&path, &report, &findings, Style::for_stdout());
    }
    if summary.only_rounding() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
