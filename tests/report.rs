//! The delårsrapport as a whole: Lystkom's report assembled by the example's own code
//! (so the example and these tests cannot drift apart), its completeness and
//! consistency findings, rendering to Markdown and HTML, JSON round-trips, and property
//! tests of the renderers.

#[allow(dead_code, clippy::print_stdout)]
#[path = "../examples/lystkom_halvar/assemble.rs"]
mod assemble;
#[allow(dead_code, clippy::print_stdout)]
#[path = "../examples/lystkom_halvar/balanskrav.rs"]
mod balanskrav;
#[allow(dead_code, clippy::print_stdout)]
#[path = "../examples/lystkom_halvar/financial_position.rs"]
mod financial_position;
#[allow(dead_code, clippy::print_stdout)]
#[path = "../examples/lystkom_halvar/forecast.rs"]
mod forecast;
// tests/goal.rs loads the same file for its own tests.
#[allow(dead_code, clippy::print_stdout, clippy::duplicate_mod)]
#[path = "../examples/lystkom_halvar/goals.rs"]
mod goals;
#[allow(dead_code, clippy::print_stdout)]
#[path = "../examples/lystkom_halvar/sick_leave.rs"]
mod sick_leave;
#[allow(dead_code)]
#[path = "../examples/lystkom_halvar/text.rs"]
mod text;

use kommunal_redovisning::balanced_budget::{BalancedBudgetStatement, ResultBasis};
use kommunal_redovisning::report::{
    AnnualReport, InterimReport, Note, NoteKind, ReportFinding, ReportFindingKind, Section, Stated,
    StatedFigure, StatedValue,
};
use kommunal_redovisning::statement::PrintedFigure;
use kommunal_redovisning::{Amount, Entity, EntityKind, FinancialYear, Period};
use proptest::prelude::*;

pub(crate) fn lystkom() -> InterimReport {
    assemble::report().unwrap()
}

fn of_kind(findings: &[ReportFinding], kind: ReportFindingKind) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.part.as_str())
        .collect()
}

#[test]
fn lystkom_completeness_lists_exactly_the_real_gaps() {
    let f = lystkom().check_completeness().unwrap();
    // What the law and R17 require and the text lacks: the two statements and their
    // comparison columns (they were pictures).
    assert_eq!(
        of_kind(&f, ReportFindingKind::Missing),
        [
            "resultaträkning",
            "resultaträkning, jämförelseperiod",
            "balansräkning",
            "balansräkning, jämförelsedatum",
        ],
        "{f:#?}"
    );
    // Absent but not required (or assessed in the text): noted, not missing.
    assert_eq!(
        of_kind(&f, ReportFindingKind::Info),
        [
            "driftredovisning",
            "investeringsredovisning",
            "balanskravsutredning (tabellen)"
        ],
        "{f:#?}"
    );
    assert_eq!(f.len(), 7, "{f:#?}");
    // Everything else is there: förvaltningsberättelse, forecast, balanskrav on the
    // forecast, goals, the six R17 notes, a valid period.
    for part in [
        "förenklad förvaltningsberättelse",
        "helårsprognos",
        "balanskravsresultat",
        "måluppfyllelse",
        "noter",
        "period",
    ] {
        assert!(!f.iter().any(|x| x.part == part), "{part}: {f:#?}");
    }
}

#[test]
fn lystkom_consistency_agrees_and_reports_the_criteria_gaps() {
    let f = lystkom().check_consistency().unwrap();
    assert!(
        of_kind(&f, ReportFindingKind::Inconsistent).is_empty(),
        "{f:#?}"
    );
    assert!(
        of_kind(&f, ReportFindingKind::Rounding).is_empty(),
        "{f:#?}"
    );
    // The three gaps of Lystkom's criteria: 80–81 %, 89–99 %, above 100 %.
    let criteria: Vec<&ReportFinding> = f
        .iter()
        .filter(|x| x.kind == ReportFindingKind::Criteria)
        .collect();
    assert_eq!(criteria.len(), 3, "{f:#?}");
    for (c, gap) in criteria.iter().zip([
        "över 80\u{a0}% och under 81\u{a0}%",
        "över 89\u{a0}% och under 99\u{a0}%",
        "över 100\u{a0}%",
    ]) {
        assert!(
            c.message
                .replace('\u{a0}', " ")
                .contains(&gap.replace('\u{a0}', " ")),
            "{gap}: {}",
            c.message
        );
    }
    // 1 374 tkr: the table's total, the balanskravsutredning and the text of 1.3.
    let forecast: Vec<&ReportFinding> = f
        .iter()
        .filter(|x| x.part == "årets resultat enligt prognosen")
        .collect();
    assert_eq!(forecast.len(), 2, "{f:#?}");
    assert!(forecast.iter().all(|x| x.kind == ReportFindingKind::Info));
    assert!(
        forecast
            .iter()
            .any(|x| x.message.contains("1.3, texten under tabellen"))
    );
    // Soliditet for both dates, eget kapital + periodens resultat, the printed totals.
    assert_eq!(f.iter().filter(|x| x.part == "soliditet").count(), 2);
    assert_eq!(f.iter().filter(|x| x.part == "eget kapital").count(), 1);
    assert!(
        f.iter()
            .any(|x| x.part == "helårsprognos" && x.message.contains("alla 7"))
    );
    // The two sick-leave tables: four between-group checks, two equal totals, and
    // målområde 3's "Total sjukfrånvaro är 5,0 %" against both tables' Totalt.
    assert_eq!(f.iter().filter(|x| x.part == "sjukfrånvaro").count(), 8);
    assert_eq!(
        f.iter()
            .filter(|x| x.message.contains("(1.2 målområde 3, utfall 3.1)"))
            .count(),
        2
    );
}

#[test]
fn a_wrong_forecast_anywhere_is_found() {
    // The text states another forecast than the table's total.
    let mut r = lystkom();
    r.stated
        .push(Stated::new(StatedFigure::ForecastResult, StatedValue::tkr(1_380)).at("målområde 5"));
    let f = r.check_consistency().unwrap();
    let bad: Vec<&ReportFinding> = f
        .iter()
        .filter(|x| x.kind == ReportFindingKind::Inconsistent)
        .collect();
    assert_eq!(bad.len(), 1, "{f:#?}");
    assert!(bad[0].message.contains("målområde 5"), "{}", bad[0].message);

    // The balanskravsutredning starts from another result than the table's total.
    let mut r = lystkom();
    r.forecast.balanced_budget = Some(BalancedBudgetStatement::from_result(
        FinancialYear::new(2025),
        ResultBasis::Forecast,
        Amount::tkr(1_000),
    ));
    let f = r.check_consistency().unwrap();
    let bad: Vec<&ReportFinding> = f
        .iter()
        .filter(|x| x.kind == ReportFindingKind::Inconsistent)
        .collect();
    assert_eq!(bad.len(), 1, "{f:#?}");
    assert!(
        bad[0]
            .message
            .contains("balanskravsutredningens årets resultat 1\u{a0}000 tkr")
    );

    // A printed total that does not add up.
    let mut r = lystkom();
    r.forecast
        .printed
        .push(PrintedFigure::new("totalt", "budget", Amount::tkr(860)));
    let f = r.check_consistency().unwrap();
    assert_eq!(
        of_kind(&f, ReportFindingKind::Inconsistent),
        ["helårsprognos"],
        "{f:#?}"
    );
}

#[test]
fn a_balanskrav_on_the_outcome_or_no_goals_are_missing_parts() {
    let mut r = lystkom();
    r.forecast.balanced_budget = Some(BalancedBudgetStatement::from_result(
        FinancialYear::new(2025),
        ResultBasis::Outcome,
        Amount::tkr(1_374),
    ));
    r.goals = None;
    r.notes.retain(|n| n.kind != NoteKind::SeasonalEffects);
    let f = r.check_completeness().unwrap();
    let missing = of_kind(&f, ReportFindingKind::Missing);
    assert!(missing.contains(&"balanskravsresultat"), "{f:#?}");
    assert!(missing.contains(&"måluppfyllelse"), "{f:#?}");
    assert!(missing.contains(&"noter"), "{f:#?}");
    assert_eq!(missing.len(), 7, "{f:#?}");
}

#[test]
fn a_sick_leave_total_stated_elsewhere_is_checked_against_the_tables() {
    let mut r = lystkom();
    r.stated.push(
        Stated::new(
            StatedFigure::SickLeaveTotal("2025-06-30".parse().unwrap()),
            StatedValue::Percent {
                percent: kommunal_redovisning::Percent::new(rust_decimal::Decimal::new(51, 1)),
                decimals: 1,
            },
        )
        .at("annan plats"),
    );
    let f = r.check_consistency().unwrap();
    let bad: Vec<&ReportFinding> = f
        .iter()
        .filter(|x| x.kind == ReportFindingKind::Inconsistent)
        .collect();
    assert_eq!(bad.len(), 2, "{f:#?}");
    assert!(bad.iter().all(|x| x.message.contains("annan plats")));
}

#[test]
fn a_sick_leave_total_that_differs_between_tables_is_found() {
    let mut r = lystkom();
    r.sick_leave.published[1].total[0] = Some(kommunal_redovisning::Percent::new(
        rust_decimal::Decimal::new(51, 1),
    ));
    let f = r.check_consistency().unwrap();
    assert!(
        f.iter().any(|x| x.kind == ReportFindingKind::Inconsistent
            && x.part == "sjukfrånvaro"
            && x.message.starts_with("totalt 2025-06-30")),
        "{f:#?}"
    );
}

const HEADINGS: [&str; 13] = [
    "1 Förenklad förvaltningsberättelse",
    "1.1 Händelser av väsentlig betydelse",
    "1.2 Förväntad utveckling avseende ekonomi och verksamhet utifrån fastställda mål",
    "1.3 Prognos för resultat i förhållande till budget för den löpande verksamheten",
    "1.4 Balanskravsresultat",
    "1.5 Utvärdering av ekonomisk ställning",
    "2 Finansiella rapporter",
    "2.1 Resultaträkning",
    "2.2 Balansräkning",
    "2.3 Driftredovisning",
    "2.4 Investeringsredovisning",
    "2.5 Noter",
    "Bilaga: Granskning",
];

#[test]
fn markdown_has_numbered_headings_a_toc_and_no_numbers_for_missing_tables() {
    let md = lystkom().to_markdown().unwrap();
    assert!(
        md.starts_with("# Kommunalförbundet Lystkom — Delårsrapport 2025-01-01 – 2025-06-30\n")
    );
    let toc = md.find("## Innehåll").unwrap();
    let mut at = toc;
    for h in HEADINGS {
        let entry = md[toc..].find(&format!("- {h}\n")).map(|i| i + toc);
        assert!(entry.is_some(), "TOC: {h}");
        let hashes = if h.contains('.') { "###" } else { "##" };
        let pos = md
            .find(&format!("\n{hashes} {h}\n"))
            .unwrap_or_else(|| panic!("{h}"));
        assert!(pos > at, "{h} out of order");
        at = pos;
    }
    // The forecast table comes from the presentation layer with the printed totals.
    assert!(md.contains("| **Totalt** | **859** | **1\u{a0}374** | **515** |"));
    // 2.1 and 2.2 say the tables are absent and print no figures.
    let section = |from: &str, to: &str| {
        let a = md.find(from).unwrap();
        let b = md[a..].find(to).unwrap() + a;
        md[a + from.len()..b].to_owned()
    };
    for (from, to) in [
        ("### 2.1 Resultaträkning", "### 2.2"),
        ("### 2.2 Balansräkning", "### 2.3"),
    ] {
        let body = section(from, to);
        assert!(body.contains("finns inte i källan"), "{body}");
        assert!(!body.contains('|'), "a table in {from}: {body}");
        assert!(!body.chars().any(|c| c.is_ascii_digit()), "{from}: {body}");
    }
    let drift = section("### 2.3 Driftredovisning", "### 2.4");
    assert!(drift.contains("Driftredovisningens tabell finns inte i källan"));
    assert!(!drift.contains('|'));
    // The six notes.
    for n in 1..=6 {
        assert!(md.contains(&format!("**Not {n}. ")), "not {n}");
    }
}

/// Checks that every opened element is closed in order (void elements excepted) and
/// returns the element names in document order.
fn balanced(html: &str) -> Result<Vec<String>, String> {
    const VOID: [&str; 4] = ["meta", "br", "hr", "img"];
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or(format!("</{name}> without opening"))?;
            if open != name {
                return Err(format!("<{open}> closed by </{name}>"));
            }
        } else {
            let name = tag
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_owned();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("bad tag <{tag}>"));
            }
            seen.push(name.clone());
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
    }
    if stack.is_empty() {
        Ok(seen)
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

#[test]
fn html_is_a_standalone_well_formed_document() {
    let html = lystkom().to_html().unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    let tags = balanced(&html).unwrap();
    assert!(
        !tags
            .iter()
            .any(|t| t == "script" || t == "link" || t == "img")
    );
    assert!(html.contains("<style>") && html.contains("@media print"));
    // The table of contents links to each numbered heading.
    for (id, h) in [
        ("avsnitt-1", "1 Förenklad förvaltningsberättelse"),
        ("avsnitt-1-3", "1.3 Prognos för resultat"),
        ("avsnitt-2-5", "2.5 Noter"),
    ] {
        assert!(html.contains(&format!("<a href=\"#{id}\">{h}")), "{id}");
        assert!(html.contains(&format!(" id=\"{id}\">{h}")), "{id}");
    }
    // Tables of amounts come from Table::to_html.
    assert!(html.contains("<caption>Prognos för resultat i förhållande till budget</caption>"));
    assert!(html.contains("<td class=\"num\" style=\"text-align:right\">1\u{a0}374</td>"));
    // Absent statements, and the criteria's "<4 %" escaped.
    assert!(html.contains("<p class=\"absent\">Resultaträkningen finns inte i källan"));
    assert!(html.contains("&lt;4 %"));
    let a = html.find("id=\"avsnitt-2-1\"").unwrap();
    let b = html.find("id=\"avsnitt-2-3\"").unwrap();
    assert!(!html[a..b].contains("<table>"));
}

#[test]
fn hostile_text_is_escaped_in_html_and_markdown() {
    let mut r = lystkom();
    r.entity.name = "<script>alert('x')</script> & Co".into();
    r.management_report.significant_events.push(Section::new(
        "<b>Rubrik</b>",
        "Text med <img src=x> och *stjärnor*",
    ));
    r.notes
        .push(Note::new(7, NoteKind::Other, "</section></main>"));
    let html = r.to_html().unwrap();
    balanced(&html).unwrap();
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
    assert!(html.contains("&lt;/section&gt;&lt;/main&gt;"));
    let md = r.to_markdown().unwrap();
    assert!(!md.contains("<script"));
    assert!(md.contains("\\*stjärnor\\*"));
}

#[cfg(feature = "serde")]
#[test]
fn the_report_round_trips_through_json() {
    let r = lystkom();
    let json = serde_json::to_string(&r).unwrap();
    let back: InterimReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    // The derived parts are not stored: the evaluation and the totals are recomputed.
    assert!(!json.contains("\"findings\""));
    assert_eq!(back.to_markdown().unwrap(), r.to_markdown().unwrap());
    let doc = r.document().unwrap();
    let doc_json = serde_json::to_string(&doc).unwrap();
    let doc_back: kommunal_redovisning::report::Document = serde_json::from_str(&doc_json).unwrap();
    assert_eq!(doc_back, doc);
}

fn annual() -> AnnualReport {
    AnnualReport::new(
        Entity::new("Exempelkommun", EntityKind::Kommun),
        FinancialYear::new(2024),
    )
}

#[test]
fn an_empty_annual_report_misses_every_required_part() {
    let f = annual().check_completeness();
    assert!(f.iter().all(|x| x.kind == ReportFindingKind::Missing));
    let count = |part: &str| f.iter().filter(|x| x.part == part).count();
    for part in [
        "resultaträkning",
        "balansräkning",
        "kassaflödesanalys",
        "driftredovisning",
        "investeringsredovisning",
        "resultaträkning, föregående år",
        "balansräkning, föregående år",
        "kassaflödesanalys, föregående år",
        "balanskravsresultat",
        "måluppfyllelse",
        "noter",
    ] {
        assert_eq!(count(part), 1, "{part}: {f:#?}");
    }
    assert_eq!(count("förvaltningsberättelse"), 9);
    assert_eq!(count("sjukfrånvaro"), 7);
    assert_eq!(f.len(), 27);
}

#[test]
fn an_annual_report_with_lystkoms_tables_misses_only_the_long_term_ratio() {
    let mut r = annual();
    r.sick_leave.published =
        sick_leave::tables(&Period::year_to_month_end(2025, 6).unwrap()).unwrap();
    let f = r.check_completeness();
    let sick: Vec<&ReportFinding> = f.iter().filter(|x| x.part == "sjukfrånvaro").collect();
    assert_eq!(sick.len(), 1, "{f:#?}");
    assert!(sick[0].message.contains("60 dagar"), "{}", sick[0].message);
    // A balanskravsutredning on the forecast is not the årsredovisning's.
    r.balanced_budget = Some(BalancedBudgetStatement::from_result(
        FinancialYear::new(2024),
        ResultBasis::Forecast,
        Amount::tkr(1),
    ));
    let f = r.check_completeness();
    assert!(
        f.iter()
            .any(|x| x.part == "balanskravsresultat" && x.message.contains("inte från utfallet"))
    );
}

#[test]
fn an_annual_report_renders_with_its_sections() {
    let md = annual().to_markdown().unwrap();
    for h in [
        "## 1 Förvaltningsberättelse",
        "### 1.9 Förväntad utveckling",
        "### 2.3 Kassaflödesanalys",
        "### 2.6 Noter",
    ] {
        assert!(md.contains(h), "{h}");
    }
    assert!(md.contains("Kassaflödesanalysen finns inte i källan"));
    balanced(&annual().to_html().unwrap()).unwrap();
}

#[cfg(feature = "serde")]
#[test]
fn an_annual_report_round_trips_through_json() {
    let mut r = annual();
    r.notes
        .push(Note::new(1, NoteKind::AccountingPrinciples, "text"));
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<AnnualReport>(&json).unwrap(), r);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the text, rendering does not fail, the HTML stays well-formed and no
    /// text becomes markup.
    #[test]
    fn rendering_never_breaks_on_arbitrary_text(
        name in "\\PC{0,40}",
        title in "\\PC{0,30}",
        body in "[\\PC\n]{0,200}",
        note in "\\PC{0,80}",
    ) {
        let mut r = InterimReport::new(
            Entity::new(name, EntityKind::Kommunalforbund),
            Period::year_to_month_end(2025, 6).unwrap(),
        );
        r.management_report.significant_events.push(Section::new(title, body));
        r.notes.push(Note::new(1, NoteKind::Other, note));
        let html = r.to_html().unwrap();
        let tags = balanced(&html);
        prop_assert!(tags.is_ok(), "{:?}", tags);
        let tags = tags.unwrap();
        prop_assert!(!tags.iter().any(|t| t == "script" || t == "img"));
        let md = r.to_markdown().unwrap();
        prop_assert!(md.contains("### 2.5 Noter"));
    }

    /// Any forecast in the text other than the table's total is found, and the table's
    /// own total always agrees.
    #[test]
    fn a_stated_forecast_is_checked_against_the_table(tkr in -5_000i64..5_000) {
        let mut r = lystkom();
        r.stated.retain(|s| s.figure != StatedFigure::ForecastResult);
        r.stated.push(Stated::new(StatedFigure::ForecastResult, StatedValue::tkr(tkr)));
        let f = r.check_consistency().unwrap();
        let bad = f.iter().filter(|x| x.kind == ReportFindingKind::Inconsistent).count();
        prop_assert_eq!(bad, usize::from(tkr != 1_374));
    }
}

/// Grästorps kommun, resultaträkning 2019 (tkr, reference/domain.md §1.3): årets
/// resultat 12 043.
fn grastorp_rs_2019() -> kommunal_redovisning::IncomeStatement {
    kommunal_redovisning::IncomeStatement {
        operating_revenue: Amount::tkr(101_282),
        operating_expenses: Amount::tkr(-417_698),
        depreciation: Amount::tkr(-14_879),
        tax_revenue: Amount::tkr(257_770),
        general_grants: Amount::tkr(86_552),
        financial_income: Amount::tkr(794),
        financial_expenses: Amount::tkr(-1_778),
        ..Default::default()
    }
}

/// A balansräkning with only eget kapital (Grästorp: 172 745 tkr at 2018-12-31,
/// 184 788 tkr at 2019-12-31) balanced by kassa och bank.
fn equity_only(equity: i64, result: i64) -> kommunal_redovisning::BalanceSheet {
    kommunal_redovisning::BalanceSheet {
        cash_and_bank: Amount::tkr(equity),
        result_for_the_year: Amount::tkr(result),
        other_equity: Amount::tkr(equity - result),
        ..Default::default()
    }
}

#[test]
fn an_annual_reports_result_agrees_with_equity_and_balanskrav() {
    let mut r = AnnualReport::new(
        Entity::new("Grästorps kommun", EntityKind::Kommun),
        FinancialYear::new(2019),
    );
    r.income_statement = Some(grastorp_rs_2019());
    r.balance_sheet_previous = Some(equity_only(172_745, 6_113));
    r.balance_sheet = Some(equity_only(184_788, 12_043));
    r.balanced_budget = Some(BalancedBudgetStatement::from_result(
        FinancialYear::new(2019),
        ResultBasis::Outcome,
        Amount::tkr(12_043),
    ));
    let f = r.check_consistency().unwrap();
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(
        f.iter().all(|x| x.kind == ReportFindingKind::Info),
        "{f:#?}"
    );
    // The statements render in 2.1 and 2.2 with their figures.
    let md = r.to_markdown().unwrap();
    assert!(md.contains("**Årets resultat** | **12\u{a0}043**"), "{md}");
    // A balansräkning that does not follow from the result is found.
    r.balance_sheet = Some(equity_only(184_790, 12_043));
    let f = r.check_consistency().unwrap();
    assert_eq!(
        of_kind(&f, ReportFindingKind::Inconsistent),
        ["eget kapital"],
        "{f:#?}"
    );
}

#[test]
fn an_interim_report_with_statements_renders_them_and_checks_the_stated_result() {
    let mut r = InterimReport::new(
        Entity::new("Exempelkommun", EntityKind::Kommun),
        Period::year_to_month_end(2019, 8).unwrap(),
    );
    r.income_statement = Some(grastorp_rs_2019());
    r.stated.push(Stated::new(
        StatedFigure::PeriodResult,
        StatedValue::tkr(12_043),
    ));
    let f = r.check_consistency().unwrap();
    assert!(
        f.iter()
            .any(|x| x.part == "periodens resultat" && x.kind == ReportFindingKind::Info),
        "{f:#?}"
    );
    let md = r.to_markdown().unwrap();
    let a = md.find("### 2.1 Resultaträkning").unwrap();
    let b = md.find("### 2.2 Balansräkning").unwrap();
    let rs = &md[a..b];
    assert!(
        rs.contains("| Belopp i tkr | 2019-01-01 – 2019-08-31 |"),
        "{rs}"
    );
    assert!(rs.contains("Jämförelsekolumnen 2018-01-01 – 2018-08-31 finns inte i källan"));
    let f = r.check_completeness().unwrap();
    assert!(!f.iter().any(|x| x.part == "resultaträkning"));
    assert!(
        f.iter()
            .any(|x| x.part == "resultaträkning, jämförelseperiod")
    );
}
