//! 1.3 Prognos för resultat i förhållande till budget för den löpande verksamheten:
//! the forecast table, built from budget and prognos per verksamhet, with the total and
//! the deviations derived and checked against the printed ones; and what section 2.3
//! (driftredovisning) gives and lacks.

use kommunal_redovisning::report::{InterimReport, StatedFigure, StatedValue};
use kommunal_redovisning::statement::{PrintedDifferenceKind, PrintedFigure};
use kommunal_redovisning::{
    Amount, Budget, NumberFormat, OperatingStatement, OperatingUnit, Scale, UnitFigures,
};

/// The caption of the forecast table.
pub const CAPTION: &str =
    "1.3 Prognos för resultat i förhållande till budget för den löpande verksamheten";

/// Section 1.3's forecast table: budget and prognos per verksamhet (tkr). Totals and
/// deviations are derived, never stored.
pub fn statement() -> Result<OperatingStatement, Box<dyn std::error::Error>> {
    let tkr = Amount::tkr;

    // Section 1.3, the inputs per row (tkr): Budget 2025 and Prognos 2025. The figures
    // are results per verksamhet: positive is a surplus.
    //   IT          760    958
    //   Kundtjänst   82    355
    //   Revision   − 195  − 195
    //   Lystkom     212    256
    let unit = |name: &str, budget: i64, forecast: i64| {
        OperatingUnit::leaf(
            name,
            UnitFigures::new(Budget::new(tkr(budget))).with_forecast(tkr(forecast)),
        )
    };
    let mut drift = OperatingStatement::new(vec![
        unit("IT", 760, 958),
        unit("Kundtjänst", 82, 355),
        unit("Revision", -195, -195),
        unit("Lystkom", 212, 256),
    ])?;
    // The report's column headings.
    drift.labels.set("budget", "Budget 2025");
    drift.labels.set("prognos", "Prognos 2025");
    drift
        .labels
        .set("avvikelse_prognos", "Avvikelse mot budget 2025");
    Ok(drift)
}

/// Section 1.3, the printed derived figures (given data): the column "Avvikelse mot
/// budget 2025" per row and the row "Totalt 859 1 374 515".
pub fn printed() -> Vec<PrintedFigure> {
    let tkr = Amount::tkr;
    vec![
        PrintedFigure::new("IT", "avvikelse_prognos", tkr(198)),
        PrintedFigure::new("Kundtjänst", "avvikelse_prognos", tkr(273)),
        PrintedFigure::new("Revision", "avvikelse_prognos", tkr(0)),
        PrintedFigure::new("Lystkom", "avvikelse_prognos", tkr(44)),
        PrintedFigure::new("totalt", "budget", tkr(859)),
        PrintedFigure::new("totalt", "prognos", tkr(1_374)),
        PrintedFigure::new("totalt", "avvikelse_prognos", tkr(515)),
    ]
}

/// The amount of the first stated `figure`, if any.
fn stated(report: &InterimReport, figure: &StatedFigure) -> Option<Amount> {
    report
        .stated
        .iter()
        .find(|s| &s.figure == figure)
        .and_then(|s| match s.value {
            StatedValue::Amount { amount, .. } => Some(amount),
            StatedValue::Percent { .. } => None,
        })
}

/// Prints section 1.3 (and what 2.3 gives) from the assembled report.
pub fn print(report: &InterimReport) -> Result<(), Box<dyn std::error::Error>> {
    let sv = NumberFormat::swedish();
    let drift = report
        .forecast
        .by_unit
        .as_ref()
        .ok_or("the report has no forecast table")?;
    let table = drift.to_table(CAPTION, Scale::Tkr)?;
    for (i, line) in table.to_text(&sv).lines().enumerate() {
        if i == 0 {
            println!("{line}");
        } else {
            println!("  {line}");
        }
    }
    println!(
        "  Avvikelse = prognos − budget; positivt är bättre än budget (resultat per verksamhet, överskott positivt)."
    );

    let printed = &report.forecast.printed;
    let rows = drift.rows()?;
    let found = rows.compare_printed(printed, Amount::ZERO)?;
    if found.is_empty() {
        println!(
            "  Tryckta summor och avvikelser ({} st.) stämmer med de beräknade.",
            printed.len()
        );
    }
    for f in &found {
        let what = match f.kind {
            PrintedDifferenceKind::Rounding => "avrundningsdifferens",
            PrintedDifferenceKind::Error => "STÄMMER INTE",
            PrintedDifferenceKind::NotFound => "saknas i tabellen",
        };
        println!(
            "  {} / {}: tryckt {}, beräknad {} ({what})",
            f.figure.row,
            f.figure.column,
            sv.amount(f.figure.amount, Scale::Tkr),
            f.derived
                .map_or_else(|| "–".to_owned(), |d| sv.amount(d, Scale::Tkr)),
        );
    }

    // Section 1.3, the text under the table: "pekar på ett positivt resultat för
    // Lystkom med 1 374 tkr" (a stated figure of the report).
    let forecast_total = drift.total()?.forecast;
    let text = stated(report, &StatedFigure::ForecastResult)
        .ok_or("the report states no forecast result")?;
    let verdict = if forecast_total == Some(text) {
        "stämmer med tabellens Totalt"
    } else {
        "STÄMMER INTE med tabellens Totalt"
    };
    println!(
        "  Helårsprognos enligt texten: {} tkr ({verdict}).",
        sv.amount(text, Scale::Tkr)
    );

    // Section 2.3: "ett positivt resultat på totalt 2 148 tkr för perioden
    // 2025-01-01 – 2025-06-30". The driftredovisning table itself is missing from the
    // text, so utfall per verksamhet, the period's budget and the avstämning mot
    // resultaträkningen (also missing) cannot be shown or checked.
    println!();
    println!("2.3 Driftredovisning");
    let result =
        stated(report, &StatedFigure::PeriodResult).ok_or("the report states no period result")?;
    println!(
        "  Periodens resultat enligt texten: {} tkr ({}).",
        sv.amount(result, Scale::Tkr),
        report.period
    );
    println!(
        "  Tabellen saknas i rapportens text: utfall per verksamhet och avstämning mot resultaträkningen kan inte visas."
    );
    Ok(())
}
