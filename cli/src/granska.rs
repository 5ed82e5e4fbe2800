//! `kommunal granska`: checks a whole printed report (every table) given as JSON and
//! prints what it finds, grouped by table.
//!
//! ```text
//! kommunal granska examples/data/grastorp_2019_2020.json
//! kommunal granska --json examples/data/provoke_findings.json
//! ```
//!
//! The file is a `PrintedReport` (`{"entity": …, "tables": [...]}`) or a single
//! `PrintedTable`; the format is documented in `kommunal_redovisning::check`.
//!
//! Exit status: 0 when there is nothing but rounding differences, 1 when there are
//! errors or rows that could not be placed, 2 when the input cannot be read.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use kommunal_redovisning::check::{PrintedReport, PrintedTable, check_report_in_full};

/// `kommunal granska`'s arguments.
#[derive(Debug, Args)]
pub struct GranskaArgs {
    /// Den tryckta rapporten som JSON: en hel rapport ({"tables": [...]}) eller en
    /// tabell, se kommunal_redovisning::check
    #[arg(value_name = "FIL.json", help_heading = "Argument")]
    pub file: PathBuf,
    /// Skriv sammanfattning, täckning, tolkningar och fynd som JSON
    #[arg(long)]
    pub json: bool,
}

fn read(path: &str) -> Result<PrintedReport, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("kan inte läsa {path}: {}", crate::sv::io(&e)))?;
    // A report has "tables" (or the older "statements"); anything else is one table.
    let probe: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{path} är inte JSON: {}", crate::sv::json(&e)))?;
    let is_report = probe.get("tables").is_some() || probe.get("statements").is_some();
    // Parse the text itself (not the probe): duplicate keys are refused only there.
    if is_report {
        serde_json::from_str(&text).map_err(|e| format!("{path}: {}", crate::sv::json(&e)))
    } else {
        let table: PrintedTable =
            serde_json::from_str(&text).map_err(|e| format!("{path}: {}", crate::sv::json(&e)))?;
        Ok(PrintedReport {
            entity: table.entity.clone(),
            source: table.source.clone(),
            tables: vec![table],
        })
    }
}

/// Runs `kommunal granska`.
pub fn main(args: &GranskaArgs) -> ExitCode {
    let path = args.file.display().to_string();
    let report = match read(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kommunal granska: {e}");
            return ExitCode::from(2);
        }
    };
    let checked = check_report_in_full(&report);
    if args.json {
        let out = serde_json::json!({
            "summary": checked.summary(),
            "coverage": checked.coverage,
            "conventions": checked.conventions,
            "findings": checked.discrepancies,
        });
        match serde_json::to_string_pretty(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("kommunal granska: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        print!("{}", checked.to_text(&report));
    }
    ExitCode::from(checked.exit_code())
}
