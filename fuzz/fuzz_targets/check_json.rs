//! Fuzz target: the printed-report JSON of `check` (what `granska` reads). Any bytes
//! either fail to parse or parse into a report that every check runs over without a
//! panic, and the findings serialize.
#![no_main]

use kommunal_redovisning::check::{PrintedReport, PrintedStatement, check_report, check_statement};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = serde_json::from_slice::<PrintedReport>(data) {
        let findings = check_report(&report);
        let _ = serde_json::to_string(&findings);
    }
    if let Ok(statement) = serde_json::from_slice::<PrintedStatement>(data) {
        let findings = check_statement(&statement);
        let _ = serde_json::to_string(&findings);
    }
});
