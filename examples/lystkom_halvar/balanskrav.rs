//! 1.4 Balanskravsresultat: the balanskravsutredning on the full-year forecast, and
//! målområde 5's surplus goal (at least 2 % of omsättningen).
//!
//! The report's balanskravsutredning table was a picture and is not in the text; only
//! the forecast of årets resultat (1 374 tkr, section 1.3) and the verdict (section 1.4:
//! "balanskravsresultatet uppnås") are. No balanskravsjusteringar are named, so their
//! rows are zero. The omsättning is not given either, so the surplus goal is shown as
//! the largest omsättning it allows, not as a percentage of an invented figure.

use kommunal_redovisning::balanced_budget::{
    BalancedBudgetStatement, ReserveBase, ReserveContext, ReserveRules, ResultBasis,
};
use kommunal_redovisning::report::InterimReport;
use kommunal_redovisning::statement::StatementRowKind;
use kommunal_redovisning::{Amount, FinancialYear, NumberFormat, Percent, Scale};
use rust_decimal::Decimal;

/// Section 1.4: "Balanskravsutredningen utgår från prognosen för årets resultat". The
/// forecast is the total of the table in 1.3 (Totalt, Prognos 2025: 1 374 tkr); the text
/// names no balanskravsjusteringar, so there are none.
pub fn statement(year: FinancialYear, forecast: Amount) -> BalancedBudgetStatement {
    BalancedBudgetStatement::from_result(year, ResultBasis::Forecast, forecast)
}

/// Prints section 1.4 from the assembled report.
pub fn print(report: &InterimReport) -> Result<(), Box<dyn std::error::Error>> {
    let year = report.period.financial_year();
    let sv = NumberFormat::swedish();
    let bk = report
        .forecast
        .balanced_budget
        .as_ref()
        .ok_or("the report has no balanskravsutredning")?;
    // Section 1.3: "Helårsprognosen ... pekar på ett positivt resultat för Lystkom med
    // 1 374 tkr" (Totalt, Prognos 2025) — the figure the balanskravsutredning starts from.
    let forecast = bk.result_for_the_year();

    println!("1.4 {} (tkr)", bk.heading());
    let rows: Vec<(String, String)> = bk
        .rows()
        .into_iter()
        .map(|r| {
            let label = match r.kind {
                StatementRowKind::Subtotal | StatementRowKind::Total => format!("= {}", r.label),
                _ => format!("  {}", r.label),
            };
            let amount = r
                .amount
                .map_or_else(String::new, |a| sv.amount(a, Scale::Tkr));
            (label, amount)
        })
        .collect();
    let w0 = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (label, amount) in &rows {
        println!("  {label:<w0$}  {amount:>w1$}");
    }
    println!(
        "  Tabellen finns inte i rapportens text (den var en bild). Raderna är byggda från \
         prognosen {} tkr (avsnitt 1.3);",
        sv.amount(forecast, Scale::Tkr)
    );
    println!(
        "  texten nämner inga balanskravsjusteringar, reserveringar eller synnerliga skäl, \
         så de raderna är noll."
    );
    let verdict = if bk.is_met() {
        "uppfyllt"
    } else {
        "INTE uppfyllt"
    };
    println!(
        "  Balanskravet på prognosen: {verdict} (balanskravsresultat {} tkr ≥ 0), som \
         avsnitt 1.4 säger (\"balanskravsresultatet uppnås\").",
        sv.amount(bk.balanced_budget_result(), Scale::Tkr)
    );

    // A kommunalförbund has no skatteintäkter or generella statsbidrag: the base of the
    // reserve limits is missing unless the förbund's riktlinjer give one (not in the text).
    let mut attempt = bk.clone();
    let context = ReserveContext::new(ReserveRules::for_year(year)?, ReserveBase::Missing);
    match attempt.reserve(Amount::tkr(-1), context) {
        Ok(_) => println!("  Reservering till resultatreserv prövades mot en gräns."),
        Err(e) => {
            let what = match &e {
                kommunal_redovisning::Error::Refused { what, .. } => format!(" ({what} avvisas)"),
                _ => String::new(),
            };
            println!(
                "  Reservering till resultatreserv kan inte prövas{what}: förbundet saknar \
                 skatteintäkter och generella statsbidrag, och inget annat underlag anges i \
                 texten (ReserveBase::Given tar det underlag förbundets riktlinjer anger)."
            );
        }
    }

    // Målområde 5: "Lystkoms årliga överskott ska minst motsvara 2 % av omsättningen";
    // section 1.4: "Prognosen innebär också att Lystkom uppfyller det fastställda
    // målvärdet". The omsättning is not in the text.
    let goal = Percent::new(Decimal::TWO);
    let per_krona = Decimal::ONE
        .checked_div(goal.to_fraction())
        .ok_or("överskottsmålet är 0 %")?;
    let max_turnover = forecast.checked_mul(per_krona)?;
    let check = Percent::of(forecast, max_turnover, "omsättning")?;
    println!(
        "  Överskottsmålet (målområde 5): överskott minst {} av omsättningen. Omsättningen \
         anges inte i texten.",
        sv.percent(goal)
    );
    println!(
        "  Med prognosen {} tkr är målet uppfyllt om omsättningen är högst {} / {} = {} tkr \
         ({} tkr är {} av {} tkr).",
        sv.amount(forecast, Scale::Tkr),
        sv.amount(forecast, Scale::Tkr),
        sv.with_decimals(2).decimal(goal.to_fraction()),
        sv.amount(max_turnover, Scale::Tkr),
        sv.amount(forecast, Scale::Tkr),
        sv.percent(check),
        sv.amount(max_turnover, Scale::Tkr),
    );
    Ok(())
}
