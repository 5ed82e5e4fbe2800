//! The table of section 1.5 as printed, checked with `check::check_statement`: the
//! printed soliditet of each date is recomputed from the printed eget kapital and
//! tillgångar totalt, allowing for their rounding to whole tkr.

use kommunal_redovisning::Scale;
use kommunal_redovisning::check::{
    DiscrepancyClass, PrintedRow, PrintedStatement, StatementKind, check_statement, parse_printed,
};
use kommunal_redovisning::present::Column;

pub fn print() -> Result<(), Box<dyn std::error::Error>> {
    // Section 1.5, the table exactly as the report prints it:
    //   "Eget kapital 8 521    6 373"
    //   "Tillgångar totalt 36 631 29 663"
    //   "Soliditet 23,3% 21,5%"
    let row = |label: &str,
               values: [&str; 2],
               percent: bool|
     -> Result<PrintedRow, kommunal_redovisning::Error> {
        let mut row = PrintedRow::new(
            label,
            vec![parse_printed(values[0])?, parse_printed(values[1])?],
        );
        row.percent = percent;
        Ok(row)
    };
    let mut printed = PrintedStatement::new(
        StatementKind::BalanceSheet,
        Scale::Tkr,
        vec![
            Column::outcome("2025-06-30").into(),
            Column::prior_period("2024-12-31").into(),
        ],
    );
    printed.entity = Some("Kommunalförbundet Lystkom".to_owned());
    printed.source = Some("delårsrapport 2025-01-01 – 2025-06-30, avsnitt 1.5".to_owned());
    printed.rows = vec![
        row("Eget kapital", ["8 521", "6 373"], false)?,
        row("Tillgångar totalt", ["36 631", "29 663"], false)?,
        row("Soliditet", ["23,3%", "21,5%"], true)?,
    ];
    let findings = check_statement(&printed);
    println!(
        "Granskning av tabellen i 1.5 som den är tryckt (soliditet räknad om från tryckta tkr):"
    );
    if findings.is_empty() {
        println!("  inga avvikelser");
    }
    for f in &findings {
        println!(
            "  [{}] {}, {}: {}",
            f.class.label(),
            f.row,
            f.column.as_deref().unwrap_or(""),
            f.message
        );
    }
    let errors = findings
        .iter()
        .filter(|f| f.class == DiscrepancyClass::Error)
        .count();
    if errors > 0 {
        println!("  {errors} fel");
    }
    Ok(())
}
