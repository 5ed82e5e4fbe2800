//! Lystkom's delårsrapport 1 januari – 30 juni 2025 assembled as an `InterimReport`:
//! each section's data from its module, the text from `text`, the notes, the figures the
//! text states, and what the source does not give (the tables that were pictures).

use kommunal_redovisning::goal::{Measurement, Outcome};
use kommunal_redovisning::report::{
    AbsentPart, ForecastPart, InterimReport, ManagementReport, Note, NoteKind, ReportPart, Section,
    Stated, StatedFigure, StatedValue,
};
use kommunal_redovisning::{Amount, Entity, EntityKind, Percent, Period};

use super::{balanskrav, financial_position, forecast, goals, sick_leave, text};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Why the statement tables are absent.
pub const PICTURE: &str =
    "tabellen var en bild i den publicerade rapporten och finns inte i dess text";

/// The whole report.
pub fn report() -> Res<InterimReport> {
    let period = Period::year_to_month_end(2025, 6)?;
    let mut r = InterimReport::new(
        Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund),
        period,
    );

    // Figures the text states. 2.3: "ett positivt resultat på totalt 2 148 tkr för
    // perioden"; 1.3: "pekar på ett positivt resultat för Lystkom med 1 374 tkr".
    let period_result = Amount::tkr(2_148);
    r.stated
        .push(Stated::new(StatedFigure::PeriodResult, StatedValue::tkr(2_148)).at("2.3, texten"));
    r.stated.push(
        Stated::new(StatedFigure::ForecastResult, StatedValue::tkr(1_374))
            .at("1.3, texten under tabellen"),
    );

    // 1.3 and 1.4: the forecast table, its printed totals and deviations, and the
    // balanskravsutredning on the table's total.
    let by_unit = forecast::statement()?;
    let total = by_unit
        .total()?
        .forecast
        .ok_or("the forecast table has no prognos")?;
    r.forecast = ForecastPart {
        by_unit: Some(by_unit),
        total_is_result: true,
        printed: forecast::printed(),
        balanced_budget: Some(balanskrav::statement(period.financial_year(), total)),
        balanced_budget_table_in_source: false,
    };

    // 1.2: goals, quoting the period's result and the forecast from the data above.
    let mut goal_part = goals::part()?;
    goal_part.areas = goals::areas_with(period_result, total)?;

    // 1.2, målområde 3, 3.1: "Total sjukfrånvaro är 5,0 %" — the same figure as the
    // "Totalt" of both tables in 1.1; stated from the goal's own data so it is checked.
    if let Some(Outcome::Measured(Measurement::Value(v))) = goal_part
        .areas
        .iter()
        .flat_map(|a| &a.target_values)
        .find(|t| t.id == "3.1")
        .and_then(|t| t.outcomes.first())
        .map(|o| &o.outcome)
    {
        r.stated.push(
            Stated::new(
                StatedFigure::SickLeaveTotal(period.end()),
                StatedValue::Percent {
                    percent: Percent::new(*v),
                    decimals: v.scale(),
                },
            )
            .at("1.2 målområde 3, utfall 3.1"),
        );
    }

    r.goals = Some(goal_part);

    // 1.1: the sick-leave tables; 1.5: key figures.
    r.sick_leave.published = sick_leave::tables(&period)?;
    r.key_figures = Some(financial_position::key_figures()?);

    let s = |text: &str| vec![Section::new("", text)];
    r.management_report = ManagementReport {
        significant_events: s(text::S1_1),
        expected_development: vec![
            Section::new("", text::S1_2_INTRO),
            Section::new("", text::S1_2_OUTLOOK),
        ],
        forecast: s(text::S1_3),
        balanced_budget: s(text::S1_4),
        financial_position: s(text::S1_5),
        personnel: Vec::new(),
    };
    r.operating_text = s(text::S2_3);
    r.investment_text = s(text::S2_4);

    // 2.5 Noter 1–6: the R17 set.
    for (number, (kind, body)) in (1..).zip(NoteKind::R17.into_iter().zip([
        text::NOT_1,
        text::NOT_2,
        text::NOT_3,
        text::NOT_4,
        text::NOT_5,
        text::NOT_6,
    ])) {
        r.notes.push(Note::new(number, kind, body));
    }

    // What the text does not give: sections 2.1–2.4 and the table of 1.4 were pictures.
    for part in [
        ReportPart::IncomeStatement,
        ReportPart::BalanceSheet,
        ReportPart::OperatingStatement,
        ReportPart::InvestmentStatement,
        ReportPart::BalancedBudgetTable,
    ] {
        r.absent.push(AbsentPart {
            part,
            reason: PICTURE.to_owned(),
        });
    }
    Ok(r)
}
