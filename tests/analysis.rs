//! Finansiell analys over years: published figures reproduced, printed errors found,
//! invariants of every formula, and bad input named.

use chrono::NaiveDate;
use kommunal_redovisning::analysis::{
    BudgetAdherence, BudgetBalance, FinancialGoal, FinancialPlan, FiveYearOverview,
    ForecastAccuracy, ForecastRound, NetCostShareDefinition, OverviewItem, Perspective,
    PlanFinding, PlannedInvestment, Population, PrintedFigure, RatioContext, RatioFigure, RatioId,
    RatioOptions, RatioUnit, Scope, SelfFinancingDefinition, Series, Source, YearFigures, YearKind,
    compute_ratio, goals_table,
};
use kommunal_redovisning::goal::{AssessmentScale, AssessmentSettings, evaluate};
use kommunal_redovisning::{
    Amount, BalanceSheet, Budget, Error, FinancialYear, IncomeStatement, NumberFormat,
    OperatingStatement, OperatingUnit, Percent, RoundingMode, Scale, UnitFigures,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn pct(v: &kommunal_redovisning::analysis::RatioValue) -> Percent {
    match v.value {
        RatioFigure::Percent(p) => p,
        other => panic!("not a percentage: {other:?}"),
    }
}

fn r1(p: Percent) -> String {
    p.round(1, RoundingMode::HalfAwayFromZero).to_string()
}

fn fy(y: i32) -> FinancialYear {
    FinancialYear::new(y)
}

const OPTS: RatioOptions = RatioOptions {
    net_cost_share: NetCostShareDefinition::IncludingFinancialItems,
    self_financing: SelfFinancingDefinition::ResultPlusDepreciation,
};

// ---------------------------------------------------------------------------------
// Grästorps kommun: resultaträkning 2019 (income.rs, reference/domain.md §1.2) and
// balansräkning 2019 and 2020 as printed in the årsredovisning 2020 (tkr),
// https://www.finansiellinfo.se/Grastorp_2020/Balansrakning.html
// ---------------------------------------------------------------------------------

fn grastorp_rs_2019() -> IncomeStatement {
    IncomeStatement {
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

fn grastorp_br_2019() -> BalanceSheet {
    BalanceSheet {
        intangible_assets: Amount::tkr(446),
        land_and_buildings: Amount::tkr(294_144),
        machinery_and_equipment: Amount::tkr(10_728),
        financial_fixed_assets: Amount::tkr(9_980),
        infrastructure_contributions: Amount::tkr(5_320),
        receivables: Amount::tkr(34_153),
        cash_and_bank: Amount::tkr(51_592),
        result_for_the_year: Amount::tkr(12_043),
        result_reserve: Amount::tkr(13_500),
        // Printed "övrigt eget kapital 171 288" includes årets resultat.
        other_equity: Amount::tkr(171_288 - 12_043),
        pension_provisions: Amount::tkr(7_015),
        other_provisions: Amount::tkr(9_154),
        long_term_liabilities: Amount::tkr(122_876),
        current_liabilities: Amount::tkr(82_530),
        pension_commitments_before_1998: Amount::tkr(133_462),
        guarantees: Amount::tkr(227_225),
        ..Default::default()
    }
}

fn grastorp_br_2020() -> BalanceSheet {
    BalanceSheet {
        intangible_assets: Amount::tkr(2_158),
        land_and_buildings: Amount::tkr(359_745),
        machinery_and_equipment: Amount::tkr(12_671),
        financial_fixed_assets: Amount::tkr(9_980),
        infrastructure_contributions: Amount::tkr(5_040),
        receivables: Amount::tkr(39_331),
        cash_and_bank: Amount::tkr(48_969),
        result_for_the_year: Amount::tkr(27_125),
        result_reserve: Amount::tkr(13_500),
        other_equity: Amount::tkr(171_288),
        pension_provisions: Amount::tkr(7_094),
        other_provisions: Amount::tkr(7_059),
        long_term_liabilities: Amount::tkr(151_284),
        current_liabilities: Amount::tkr(100_544),
        pension_commitments_before_1998: Amount::tkr(131_313),
        guarantees: Amount::tkr(247_462),
        ..Default::default()
    }
}

#[test]
fn grastorp_2019_ratios() {
    let br = grastorp_br_2019();
    br.validate().unwrap();
    let y = YearFigures::new(fy(2019), YearKind::Outcome, grastorp_rs_2019()).with_balance(br);
    let c = RatioContext::of(&y);
    let get = |r| compute_ratio(r, &c, &OPTS).unwrap();
    // 12 043 / (257 770 + 86 552) = 3,5 %.
    assert_eq!(r1(pct(&get(RatioId::ResultShare))), "3.5");
    // 184 788 / 406 363 = 45,5 %; (184 788 − 133 462) / 406 363 = 12,6 %.
    assert_eq!(r1(pct(&get(RatioId::EquityRatio))), "45.5");
    assert_eq!(r1(pct(&get(RatioId::EquityRatioIncludingPensions))), "12.6");
    // Kassalikviditet (34 153 + 51 592) / 82 530 = 103,9 %.
    assert_eq!(r1(pct(&get(RatioId::QuickRatio))), "103.9");
    // Pensionsförpliktelser totalt 7 015 + 133 462.
    assert_eq!(
        get(RatioId::PensionCommitments).value,
        RatioFigure::Amount(Amount::tkr(140_477))
    );
    // Finansiella nettotillgångar: 9 980 + 85 745 − 16 169 − 205 406.
    assert_eq!(
        get(RatioId::NetFinancialAssets).value,
        RatioFigure::Amount(Amount::tkr(-125_850))
    );
}

#[test]
fn grastorp_2020_balance_ratios() {
    // 211 913 / 477 894 = 44,3 %; (211 913 − 131 313) / 477 894 = 16,9 %.
    let br = grastorp_br_2020();
    br.validate().unwrap();
    let y =
        YearFigures::new(fy(2020), YearKind::Outcome, IncomeStatement::default()).with_balance(br);
    let c = RatioContext::of(&y);
    let get = |r| pct(&compute_ratio(r, &c, &OPTS).unwrap());
    assert_eq!(r1(get(RatioId::EquityRatio)), "44.3");
    assert_eq!(r1(get(RatioId::EquityRatioIncludingPensions)), "16.9");
    // Kassalikviditet 88 300 / 100 544 = 87,8 % (as ratio.rs).
    assert_eq!(r1(get(RatioId::QuickRatio)), "87.8");
}

#[test]
fn grastorp_split_ratios_add_up() {
    let y = YearFigures::new(fy(2019), YearKind::Outcome, grastorp_rs_2019())
        .with_balance(grastorp_br_2019());
    let c = RatioContext::of(&y);
    let get = |r| pct(&compute_ratio(r, &c, &OPTS).unwrap()).as_decimal();
    let parts = get(RatioId::NetCostShareOperations)
        + get(RatioId::NetCostShareDepreciation)
        + get(RatioId::NetCostShareFinancialItems);
    assert_eq!(parts.round_dp(20), get(RatioId::NetCostShare).round_dp(20));
    // Without extraordinary items: 100 − nettokostnadsandel = resultatandel.
    assert_eq!(
        (Decimal::ONE_HUNDRED - get(RatioId::NetCostShare)).round_dp(20),
        get(RatioId::ResultBeforeExtraordinaryShare).round_dp(20)
    );
    let debt = get(RatioId::DebtRatioProvisions)
        + get(RatioId::DebtRatioLongTerm)
        + get(RatioId::DebtRatioCurrent);
    assert_eq!(debt.round_dp(20), get(RatioId::DebtRatio).round_dp(20));
    assert_eq!(
        (debt + get(RatioId::EquityRatio)).round_dp(20),
        Decimal::ONE_HUNDRED
    );
}

#[test]
fn another_definition_says_so() {
    let y = YearFigures::new(fy(2019), YearKind::Outcome, grastorp_rs_2019());
    let c = RatioContext::of(&y);
    let default = compute_ratio(RatioId::NetCostShare, &c, &OPTS).unwrap();
    let other = compute_ratio(
        RatioId::NetCostShare,
        &c,
        &RatioOptions {
            net_cost_share: NetCostShareDefinition::ExcludingFinancialItems,
            ..OPTS
        },
    )
    .unwrap();
    assert!(default.default_definition);
    assert!(!other.default_definition);
    assert!(other.formula.contains("−verksamhetens nettokostnader"));
    // 331 295 / 344 322 = 96,2 % without, (331 295 + 984) / 344 322 = 96,5 % with.
    assert_eq!(r1(pct(&other)), "96.2");
    assert_eq!(r1(pct(&default)), "96.5");
}

// ---------------------------------------------------------------------------------
// Hallsberg kommun 2019 (mnkr): resultaträkning with utfall 2019, utfall 2018 and
// budget 2019 as printed, https://www.finansiellinfo.se/Hallsberg_2019/Resultatrakning.html
// The printed avvikelse column: verksamhetens nettokostnader 12, årets resultat 27.
// ---------------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
fn rs_mnkr(
    rev: i64,
    exp: i64,
    dep: i64,
    tax: i64,
    grants: i64,
    fi: i64,
    fc: i64,
) -> IncomeStatement {
    IncomeStatement {
        operating_revenue: Amount::mnkr(rev),
        operating_expenses: Amount::mnkr(exp),
        depreciation: Amount::mnkr(dep),
        tax_revenue: Amount::mnkr(tax),
        general_grants: Amount::mnkr(grants),
        financial_income: Amount::mnkr(fi),
        financial_expenses: Amount::mnkr(fc),
        ..Default::default()
    }
}

fn hallsberg() -> Series {
    Series::new(
        Scope::Entity,
        vec![
            YearFigures::new(
                fy(2018),
                YearKind::Outcome,
                rs_mnkr(522, -1_344, -31, 683, 203, 4, -8),
            ),
            YearFigures::new(
                fy(2019),
                YearKind::Budget,
                rs_mnkr(300, -1_149, -35, 705, 204, 1, -11),
            ),
            YearFigures::new(
                fy(2019),
                YearKind::Outcome,
                rs_mnkr(269, -1_116, -25, 705, 212, 3, -6),
            ),
        ],
    )
    .unwrap()
}

#[test]
fn hallsberg_2019_budget_deviations_reproduce_the_printed_column() {
    let s = hallsberg();
    let get = |r| s.ratio(r, fy(2019), YearKind::Outcome, &OPTS).unwrap();
    assert_eq!(
        get(RatioId::BudgetDeviationResult).value,
        RatioFigure::Amount(Amount::mnkr(27))
    );
    assert_eq!(
        get(RatioId::BudgetDeviationNetCosts).value,
        RatioFigure::Amount(Amount::mnkr(12))
    );
    // Budgetföljsamhet 12 / 884 = 1,4 %.
    assert_eq!(r1(pct(&get(RatioId::BudgetAdherence))), "1.4");
    // Resultat 42 / (705 + 212) = 4,6 %.
    assert_eq!(r1(pct(&get(RatioId::ResultShare))), "4.6");
}

#[test]
fn hallsberg_development_rates_compare_with_the_outcome_before() {
    let s = hallsberg();
    let get = |r| s.ratio(r, fy(2019), YearKind::Outcome, &OPTS).unwrap();
    // Skatter och bidrag 917 against 886: +3,5 %; nettokostnader 872 against 853: +2,2 %.
    let tax = get(RatioId::TaxRevenueGrowth);
    assert_eq!(r1(pct(&tax)), "3.5");
    assert_eq!(tax.compared_with.map(|c| c.kind), Some(YearKind::Outcome));
    assert_eq!(r1(pct(&get(RatioId::NetCostGrowth))), "2.2");
    let RatioFigure::PercentagePoints(gap) = get(RatioId::GrowthGap).value else {
        panic!()
    };
    assert_eq!(gap.round_dp(1), d("1.3"));
    // The budget year is compared with the best figures of 2018 too.
    let b = s
        .ratio(RatioId::NetCostGrowth, fy(2019), YearKind::Budget, &OPTS)
        .unwrap();
    assert_eq!(r1(pct(&b)), "3.6"); // 884 / 853
}

#[test]
fn rk_tables_have_every_perspective_and_render() {
    let fa = hallsberg().financial_analysis(&OPTS, Scale::Mnkr).unwrap();
    assert_eq!(fa.tables.len(), 4);
    let result = fa.table(Perspective::Result).unwrap();
    assert_eq!(result.columns.len(), 3);
    assert!(
        result
            .ratios
            .iter()
            .any(|r| r.label == "Nettokostnadsandel")
    );
    let control = fa.table(Perspective::Control).unwrap();
    let dev = control.row("budgetavvikelse_resultat").unwrap();
    // Only the outcome 2019 column has a budget to compare with.
    assert_eq!(dev.cells, vec![None, None, Some(Amount::mnkr(27))]);
    // No balansräkning: soliditet is not computable and says why, per column.
    assert!(
        fa.unavailable
            .iter()
            .any(|u| u.ratio == RatioId::EquityRatio
                && u.column == "Utfall 2019"
                && u.reason.contains("balansräkning"))
    );
    let sv = NumberFormat::swedish();
    for (_, t) in &fa.tables {
        t.validate().unwrap();
        let _ = (
            t.to_text(&sv),
            t.to_markdown(&sv),
            t.to_csv(','),
            t.to_html(&sv),
        );
    }
    assert!(result.to_text(&sv).contains("4,6\u{a0}%"));
    // Utveckling mellan åren: nettokostnader 853 → 872 (+2,2 %), skatter 886 → 917.
    let dev = &fa.development;
    let nk = dev
        .ratios
        .iter()
        .find(|r| r.label == "Verksamhetens nettokostnader, förändring")
        .unwrap();
    assert_eq!(nk.values[0], None);
    assert_eq!(nk.values[2].map(r1), Some("2.2".to_owned()));
    assert_eq!(nk.values[1].map(r1), Some("3.6".to_owned())); // budget 884 against 853
    assert!(
        dev.row("eget_kapital").is_none(),
        "no balansräkning, no row"
    );
    assert!(result.to_csv(',').contains("nyckeltal"));
}

// ---------------------------------------------------------------------------------
// Nynäshamns kommunkoncern 2017–2021 (tkr): "Kommunkoncernen – fem år i sammandrag",
// https://www.finansiellinfo.se/Nynashamn-2021/Oversikt-over-verksamhetens-utveckling.html
// (resultaträkning lines; finansiella intäkter och kostnader printed net). The text of
// the same report states koncern årets resultat 120,9 mnkr 2021 (112,7 mnkr 2020) and
// that skatteintäkter och generella bidrag "ökade med 112,2 miljoner kronor".
// ---------------------------------------------------------------------------------

fn nynashamn_koncern() -> Series {
    let rows: [(i32, i64, i64, i64, i64, i64, i64); 5] = [
        (
            2017, 1_183_252, 241_492, 526_226, -1_822_142, -87_353, -11_346,
        ),
        (
            2018, 1_223_706, 250_036, 671_822, -2_003_659, -97_392, -9_801,
        ),
        (
            2019, 1_255_926, 268_110, 566_257, -1_959_780, -102_022, -7_394,
        ),
        (
            2020, 1_263_926, 343_654, 619_255, -1_980_371, -114_701, -19_028,
        ),
        (
            2021, 1_336_927, 382_928, 587_780, -2_051_062, -126_273, -9_372,
        ),
    ];
    let years = rows
        .iter()
        .map(|&(y, tax, grants, rev, exp, dep, fin)| {
            YearFigures::new(
                fy(y),
                YearKind::Outcome,
                IncomeStatement {
                    tax_revenue: Amount::tkr(tax),
                    general_grants: Amount::tkr(grants),
                    operating_revenue: Amount::tkr(rev),
                    operating_expenses: Amount::tkr(exp),
                    depreciation: Amount::tkr(dep),
                    financial_expenses: Amount::tkr(fin),
                    ..Default::default()
                },
            )
        })
        .collect();
    Series::new(Scope::Group, years).unwrap()
}

#[test]
fn nynashamn_koncern_five_year_overview_reproduces_the_stated_results() {
    let s = nynashamn_koncern();
    let o = FiveYearOverview::from_series(&s).unwrap();
    assert_eq!(o.years.len(), 5);
    assert!(o.caption.contains("kommunkoncernen"));
    let printed = [
        PrintedFigure::new(
            OverviewItem::ResultForTheYear,
            2020,
            d("112.7"),
            Scale::Mnkr,
        ),
        PrintedFigure::new(
            OverviewItem::ResultForTheYear,
            2021,
            d("120.9"),
            Scale::Mnkr,
        ),
        PrintedFigure::new(
            OverviewItem::TaxRevenueAndGrants,
            2021,
            d("1719855"),
            Scale::Tkr,
        ),
    ];
    assert_eq!(o.check_printed(&printed).unwrap(), vec![]);
    assert_eq!(
        o.cell(OverviewItem::ResultForTheYear, 4).map(|c| c.source),
        Some(Source::Computed)
    );
    // Koncern ratio, with the koncern's Kolada id.
    let v = s
        .ratio(RatioId::ResultShare, fy(2021), YearKind::Outcome, &OPTS)
        .unwrap();
    assert_eq!(r1(pct(&v)), "7"); // 120 928 / 1 719 855
    assert_eq!(
        RatioId::ResultShare.definition().kolada_koncern,
        Some("N03112")
    );
}

#[test]
fn nynashamn_stated_increase_is_not_the_figures_rounded() {
    // 1 719 855 − 1 607 580 = 112 275 tkr, which rounds to 112,3 mnkr; the report
    // says 112,2 (truncated). The overview's printed-figure check finds such a figure.
    let s = nynashamn_koncern();
    let a = s.get(fy(2021), YearKind::Outcome).unwrap();
    let b = s.get(fy(2020), YearKind::Outcome).unwrap();
    let base = |y: &YearFigures| {
        y.income
            .tax_revenue
            .checked_add(y.income.general_grants)
            .unwrap()
    };
    let increase = base(a).checked_sub(base(b)).unwrap();
    assert_eq!(increase, Amount::tkr(112_275));
    let shown = increase
        .round_to(Scale::Mnkr, 1, RoundingMode::HalfAwayFromZero)
        .unwrap();
    assert_eq!(shown.to_scale(Scale::Mnkr), d("112.3"));
    let growth = s
        .ratio(
            RatioId::TaxRevenueGrowth,
            fy(2021),
            YearKind::Outcome,
            &OPTS,
        )
        .unwrap();
    assert_eq!(r1(pct(&growth)), "7"); // 112 275 / 1 607 580 = 6,98 %
    // A printed overview with a wrong figure gives a finding naming both.
    let o = FiveYearOverview::from_series(&s).unwrap();
    let wrong = PrintedFigure::new(
        OverviewItem::ResultForTheYear,
        2021,
        d("129.0"),
        Scale::Mnkr,
    );
    let f = o.check_printed(&[wrong]).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].to_string(),
        "Årets resultat 2021: tryckt 129,0\u{a0}mnkr, beräknat 120,9\u{a0}mnkr (skillnad 8,1\u{a0}mnkr)"
    );
}

#[test]
fn nynashamn_2018_printed_nyckeltal_are_reproduced() {
    // Nynäshamns kommun 2018, "Finansiella nyckeltal"
    // (https://www.finansiellinfo.se/Nynashamn_2018/Ekonomisk.html): förändring av
    // skatter och generella statsbidrag 3 %; resultat, andel av skatter och generella
    // statsbidrag 1,6 % with årets resultat 23,4 mnkr
    // (https://www.finansiellinfo.se/Nynashamn_2018/Finansiell.html). Skatteintäkter and
    // generella statsbidrag are the kommun's own, so the koncern table above gives them.
    let k = nynashamn_koncern();
    let kommun = |y: i32, result: Amount| {
        let base = k.get(fy(y), YearKind::Outcome).unwrap();
        let mut rs = IncomeStatement {
            tax_revenue: base.income.tax_revenue,
            general_grants: base.income.general_grants,
            ..Default::default()
        };
        rs.operating_expenses = result
            .checked_sub(rs.tax_revenue)
            .unwrap()
            .checked_sub(rs.general_grants)
            .unwrap();
        YearFigures::new(fy(y), YearKind::Outcome, rs)
    };
    let s = Series::new(
        Scope::Entity,
        vec![
            kommun(2017, Amount::mnkr(13)),
            kommun(2018, Amount::from_scaled(d("23.4"), Scale::Mnkr).unwrap()),
        ],
    )
    .unwrap();
    let growth = s
        .ratio(
            RatioId::TaxRevenueGrowth,
            fy(2018),
            YearKind::Outcome,
            &OPTS,
        )
        .unwrap();
    assert_eq!(
        pct(&growth)
            .round(0, RoundingMode::HalfAwayFromZero)
            .to_string(),
        "3"
    );
    let share = s
        .ratio(RatioId::ResultShare, fy(2018), YearKind::Outcome, &OPTS)
        .unwrap();
    assert_eq!(r1(pct(&share)), "1.6");
    let share_2017 = s
        .ratio(RatioId::ResultShare, fy(2017), YearKind::Outcome, &OPTS)
        .unwrap();
    assert_eq!(r1(pct(&share_2017)), "0.9");
}

// ---------------------------------------------------------------------------------
// Bad input: an error naming the ratio and the year.
// ---------------------------------------------------------------------------------

fn unavailable(e: Error) -> (String, String, String) {
    match e {
        Error::RatioUnavailable {
            ratio,
            year,
            reason,
        } => (ratio.to_owned(), year, reason),
        other => panic!("{other:?}"),
    }
}

#[test]
fn zero_denominator_names_ratio_and_year() {
    let y = YearFigures::new(fy(2025), YearKind::Budget, IncomeStatement::default())
        .with_balance(BalanceSheet::default());
    let c = RatioContext::of(&y);
    let (ratio, year, reason) =
        unavailable(compute_ratio(RatioId::ResultShare, &c, &OPTS).unwrap_err());
    assert_eq!(
        ratio,
        "Årets resultat i procent av skatteintäkter och generella statsbidrag"
    );
    assert_eq!(year, "budget 2025");
    assert!(reason.contains("är noll"), "{reason}");
    let (ratio, _, reason) =
        unavailable(compute_ratio(RatioId::EquityRatio, &c, &OPTS).unwrap_err());
    assert_eq!(ratio, "Soliditet");
    assert!(reason.contains("summa tillgångar"));
    let e = compute_ratio(RatioId::QuickRatio, &c, &OPTS).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Kassalikviditet budget 2025: kortfristiga skulder är noll"
    );
}

#[test]
fn missing_year_names_ratio_and_year() {
    let s = hallsberg();
    let e = s
        .ratio(
            RatioId::TaxRevenueGrowth,
            fy(2018),
            YearKind::Outcome,
            &OPTS,
        )
        .unwrap_err();
    let (ratio, year, reason) = unavailable(e);
    assert_eq!(
        ratio,
        "Skatteintäkternas och generella statsbidragens utveckling"
    );
    assert_eq!(year, "2018");
    assert!(reason.contains("2017"), "{reason}");
    let e = s
        .ratio(RatioId::ResultShare, fy(2030), YearKind::Plan, &OPTS)
        .unwrap_err();
    assert_eq!(unavailable(e).1, "plan 2030");
}

#[test]
fn population_zero_or_missing_names_ratio_and_year() {
    let y = YearFigures::new(fy(2024), YearKind::Outcome, grastorp_rs_2019());
    let e =
        compute_ratio(RatioId::NetCostsPerInhabitant, &RatioContext::of(&y), &OPTS).unwrap_err();
    assert!(unavailable(e).2.contains("ingen folkmängd"));
    let y = y.with_population(Population::december_31(0));
    let e =
        compute_ratio(RatioId::NetCostsPerInhabitant, &RatioContext::of(&y), &OPTS).unwrap_err();
    let (ratio, year, reason) = unavailable(e);
    assert_eq!(ratio, "Verksamhetens nettokostnader per invånare");
    assert_eq!(year, "2024");
    assert!(reason.contains("folkmängden är noll"), "{reason}");
}

#[test]
fn duplicate_year_in_a_series_is_refused() {
    let y = YearFigures::new(fy(2024), YearKind::Outcome, IncomeStatement::default());
    let e = Series::new(Scope::Entity, vec![y.clone(), y]).unwrap_err();
    assert!(e.to_string().contains("Utfall 2024 två gånger"), "{e}");
}

// ---------------------------------------------------------------------------------
// Budget and flerårsplan (invented figures) with balanskrav, goals and investments.
// ---------------------------------------------------------------------------------

fn plan_year(y: i32, kind: YearKind, result: i64, depreciation: i64) -> YearFigures {
    YearFigures::new(
        fy(y),
        kind,
        IncomeStatement {
            tax_revenue: Amount::tkr(800_000),
            general_grants: Amount::tkr(200_000),
            operating_revenue: Amount::tkr(150_000),
            depreciation: Amount::tkr(-depreciation),
            operating_expenses: Amount::tkr(result - 1_150_000 + depreciation),
            ..Default::default()
        },
    )
}

fn invented_plan() -> FinancialPlan {
    FinancialPlan::new(vec![
        plan_year(2026, YearKind::Budget, 25_000, 40_000),
        plan_year(2027, YearKind::Plan, 12_000, 42_000),
        plan_year(2028, YearKind::Plan, -3_000, 45_000),
    ])
    .unwrap()
    .with_investment(
        PlannedInvestment::new("Ny skola")
            .with_year(2026, Amount::tkr(50_000))
            .with_year(2027, Amount::tkr(30_000)),
    )
    .with_investment(PlannedInvestment::new("VA-ledningar").with_year(2028, Amount::tkr(40_000)))
    .with_realised_gains(2027, Amount::tkr(12_000))
}

#[test]
fn plan_balance_tests_follow_the_law() {
    let plan = invented_plan();
    let t = plan.balance_tests().unwrap();
    assert_eq!(t[0].balance, BudgetBalance::Balanced);
    // 12 000 − 12 000 planned realisationsvinster = 0: intäkterna överstiger inte kostnaderna.
    assert_eq!(t[1].adjusted_result, Amount::ZERO);
    assert_eq!(t[1].balance, BudgetBalance::NotBalanced);
    assert_eq!(t[2].balance, BudgetBalance::NotBalanced);
    let f = plan.findings().unwrap();
    assert_eq!(f.len(), 2);
    assert!(matches!(f[1], PlanFinding::NotBalanced { year, .. } if year == fy(2028)));
    let plan = plan
        .with_exceptional_reason(2027, "Engångsvis omstrukturering")
        .with_exceptional_reason(2028, "Pensionsskuldens inlösen (KF § 42)");
    let t = plan.balance_tests().unwrap();
    assert!(matches!(&t[2].balance, BudgetBalance::ExceptionalReasons(m) if m.contains("KF § 42")));
    assert!(plan.findings().unwrap().is_empty());
    assert!(t[2].to_string().contains("synnerliga skäl"));
}

#[test]
fn plan_needs_three_consecutive_years_budget_first() {
    let e = FinancialPlan::new(vec![plan_year(2026, YearKind::Budget, 1, 1)]).unwrap_err();
    assert!(e.to_string().contains("minst 3 år"), "{e}");
    let e = FinancialPlan::new(vec![
        plan_year(2026, YearKind::Plan, 1, 1),
        plan_year(2027, YearKind::Plan, 1, 1),
        plan_year(2028, YearKind::Plan, 1, 1),
    ])
    .unwrap_err();
    assert!(e.to_string().contains("måste vara budget"), "{e}");
    let e = FinancialPlan::new(vec![
        plan_year(2026, YearKind::Budget, 1, 1),
        plan_year(2028, YearKind::Plan, 1, 1),
        plan_year(2029, YearKind::Plan, 1, 1),
    ])
    .unwrap_err();
    assert!(e.to_string().contains("2027 väntades"), "{e}");
}

#[test]
fn plan_investments_feed_self_financing_and_goals() {
    let plan = invented_plan();
    let s = plan.to_series(Scope::Entity).unwrap();
    // 2026: (25 000 + 40 000) / 50 000 = 130 %.
    let v = s
        .ratio(RatioId::SelfFinancingNet, fy(2026), YearKind::Budget, &OPTS)
        .unwrap();
    assert_eq!(r1(pct(&v)), "130");
    let goals = [
        FinancialGoal::result_share_at_least(d("2")),
        FinancialGoal::self_financing_at_least(d("100")),
    ];
    let result = goals[0].evaluate(&s, &OPTS).unwrap();
    let met: Vec<_> = result
        .iter()
        .map(|g| g.achievement.as_ref().map(|a| a.met))
        .collect();
    // 2,5 %, 1,2 %, −0,3 %.
    assert_eq!(met, vec![Some(true), Some(false), Some(false)]);
    let table = goals_table(&goals, &s, &OPTS).unwrap();
    assert_eq!(table.ratios.len(), 4);
    let inv = plan.investment_table(Scale::Tkr).unwrap();
    assert_eq!(
        inv.row("summa").unwrap().cells,
        vec![
            Some(Amount::tkr(50_000)),
            Some(Amount::tkr(30_000)),
            Some(Amount::tkr(40_000))
        ]
    );
    assert!(inv.sum_differences().unwrap().is_empty());
    plan.balance_test_table(Scale::Tkr)
        .unwrap()
        .validate()
        .unwrap();
    // Nettoinvesteringar given with a year must agree with the investment plan.
    let mut years = plan.years().to_vec();
    years[0].net_investments = Some(Amount::tkr(55_000));
    let other = FinancialPlan::new(years)
        .unwrap()
        .with_investment(PlannedInvestment::new("Ny skola").with_year(2026, Amount::tkr(50_000)));
    assert!(other
        .findings()
        .unwrap()
        .iter()
        .any(|f| matches!(f, PlanFinding::InvestmentPlanDiffers { plan_total, .. } if *plan_total == Amount::tkr(50_000))));
}

#[test]
fn goal_as_target_value_evaluates_with_the_goal_module() {
    let s = Series::new(
        Scope::Entity,
        vec![
            plan_year(2024, YearKind::Outcome, 30_000, 40_000),
            plan_year(2025, YearKind::Outcome, 10_000, 40_000),
            plan_year(2026, YearKind::Forecast, 22_000, 40_000),
        ],
    )
    .unwrap();
    let goal = FinancialGoal::result_share_at_least(d("2"));
    let area = kommunal_redovisning::GoalArea::new(
        "E",
        "God ekonomisk hushållning",
        kommunal_redovisning::AggregationRule::Weakest,
    )
    .with_target_value(goal.to_target_value(&s, &OPTS).unwrap());
    let scale = AssessmentScale::three_level();
    let day = |y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    let e2024 = evaluate(
        std::slice::from_ref(&area),
        &scale,
        AssessmentSettings::default(),
        day(2024),
    )
    .unwrap();
    let e2025 = evaluate(&[area], &scale, AssessmentSettings::default(), day(2025)).unwrap();
    let met = |e: &kommunal_redovisning::goal::Evaluation| {
        e.areas[0].target_values[0]
            .outcome
            .achievement
            .as_ref()
            .map(|a| a.met)
    };
    assert_eq!(met(&e2024), Some(true)); // 3 %
    assert_eq!(met(&e2025), Some(false)); // 1 %
    assert!(
        e2025.areas[0].target_values[0]
            .forecast
            .achievement
            .is_some()
    );
}

#[test]
fn multi_year_average_goal_uses_the_years_before() {
    let s = Series::new(
        Scope::Entity,
        vec![
            plan_year(2024, YearKind::Outcome, 30_000, 40_000),
            plan_year(2025, YearKind::Outcome, 10_000, 40_000),
            plan_year(2026, YearKind::Budget, 20_000, 40_000),
        ],
    )
    .unwrap();
    let goal = FinancialGoal::new(
        "F2",
        "Resultatet ska i genomsnitt över tre år uppgå till minst 2 %",
        RatioId::ResultShare,
        kommunal_redovisning::goal::TargetKind::MultiYearAverage {
            years: 3,
            comparison: kommunal_redovisning::goal::Comparison::AtLeast,
            value: d("2"),
        },
    );
    let y = goal.evaluate(&s, &OPTS).unwrap();
    assert!(y[0].achievement.is_none() && y[0].unavailable.as_deref().unwrap().contains("2023"));
    // (3 + 1 + 2) / 3 = 2 %: met.
    assert_eq!(y[2].achievement.as_ref().map(|a| a.met), Some(true));
}

// ---------------------------------------------------------------------------------
// Kontroll: prognossäkerhet and budgetföljsamhet per unit.
// ---------------------------------------------------------------------------------

fn drift() -> OperatingStatement {
    let unit = |name: &str, budget: i64, revenue: i64, expenses: i64| {
        OperatingUnit::leaf(
            name,
            UnitFigures::new(Budget::new(Amount::tkr(budget)))
                .with_outcome(Amount::tkr(revenue), Amount::tkr(expenses)),
        )
    };
    OperatingStatement::new(vec![
        unit("Barn och utbildning", -400_000, 40_000, -452_000),
        unit("Vård och omsorg", -350_000, 60_000, -405_000),
        unit("Samhällsbyggnad", -80_000, 30_000, -108_000),
    ])
    .unwrap()
}

#[test]
fn forecast_accuracy_per_unit_and_total() {
    let april = ForecastRound::new(
        "Prognos april",
        NaiveDate::from_ymd_opt(2025, 4, 30).unwrap(),
    )
    .with_unit("Barn och utbildning", Amount::tkr(-400_000))
    .with_unit("Vård och omsorg", Amount::tkr(-350_000))
    .with_unit("Samhällsbyggnad", Amount::tkr(-80_000));
    let aug = ForecastRound::new(
        "Delår augusti",
        NaiveDate::from_ymd_opt(2025, 8, 31).unwrap(),
    )
    .with_unit("Barn och utbildning", Amount::tkr(-410_000))
    .with_unit("Vård och omsorg", Amount::tkr(-346_000))
    .with_unit("Samhällsbyggnad", Amount::tkr(-77_000));
    let acc = ForecastAccuracy::measure(&drift(), &[april, aug]).unwrap();
    let r = &acc.rounds[1];
    assert_eq!(r.units[0].deviation, Amount::tkr(-2_000)); // −412 000 against −410 000
    assert_eq!(r.units[1].deviation, Amount::tkr(1_000));
    assert_eq!(r.total.deviation, Amount::tkr(-2_000));
    // −2 000 + 1 000 − 1 000 = −2 000; −2 000 / 835 000 = −0,24 %.
    assert_eq!(r.total.percent.map(r1), Some("-0.2".to_owned()));
    assert_eq!(acc.rounds[0].total.deviation, Amount::tkr(-5_000));
    let (amounts, percent) = acc.to_tables(Scale::Tkr).unwrap();
    assert_eq!(amounts.columns.len(), 5);
    assert!(amounts.sum_differences().unwrap().is_empty());
    assert_eq!(percent.ratios.len(), 4);
    // A unit the outcome does not have is named.
    let bad = ForecastRound::new("X", NaiveDate::from_ymd_opt(2025, 4, 30).unwrap())
        .with_unit("Kultur", Amount::ZERO);
    let e = ForecastAccuracy::measure(&drift(), &[bad]).unwrap_err();
    assert!(e.to_string().contains("Kultur"));
}

#[test]
fn budget_adherence_per_unit_and_total() {
    let b = BudgetAdherence::of(&drift()).unwrap();
    assert_eq!(b.units[2].deviation, Amount::tkr(2_000));
    assert_eq!(b.total.compared, Amount::tkr(-830_000));
    assert_eq!(b.total.deviation, Amount::tkr(-5_000));
    let t = b.to_table(Scale::Tkr).unwrap();
    assert!(t.sum_differences().unwrap().is_empty());
    let text = t.to_text(&NumberFormat::swedish());
    assert!(
        text.contains("Totalt: avvikelse i procent av budget"),
        "{text}"
    );
    assert!(text.contains("\u{2212}0,6\u{a0}%"), "{text}");
}

// ---------------------------------------------------------------------------------
// Five-year overview: computed and given marked; the layout renders.
// ---------------------------------------------------------------------------------

#[test]
fn five_year_overview_marks_computed_and_given() {
    // Sjöbo kommun 2016, "Fem år i sammandrag" (mnkr),
    // http://finansiellinformation.se/Sjobo_2016/Fem.html: nettokostnader 904,7,
    // skatteintäkter, generella statsbidrag och utjämning 918,0, årets resultat 23,0,
    // nettoinvesteringar 64,5, soliditet 65 %, invånare 18 742, skattesats 20,92,
    // tillsvidareanställda 1 102. The report does not split the 918,0 or give the
    // finansnetto; the resultaträkning below holds the printed sums (the finansnetto is
    // the printed result less the other two).
    let mnkr = |s: &str| Amount::from_scaled(d(s), Scale::Mnkr).unwrap();
    let rs = IncomeStatement {
        operating_expenses: mnkr("-904.7"),
        tax_revenue: mnkr("918.0"),
        financial_income: mnkr("9.7"),
        ..Default::default()
    };
    let y = YearFigures::new(fy(2016), YearKind::Outcome, rs)
        .with_population(Population::december_31(18_742))
        .with_tax_rate(Percent::new(d("20.92")))
        .with_employees(1_102)
        .with_net_investments(mnkr("64.5"))
        .with_loan_debt(Amount::ZERO);
    let s = Series::new(Scope::Entity, vec![y]).unwrap();
    let o = FiveYearOverview::from_series(&s).unwrap();
    let printed = [
        PrintedFigure::new(
            OverviewItem::NetOperatingCosts,
            2016,
            d("904.7"),
            Scale::Mnkr,
        ),
        PrintedFigure::new(OverviewItem::ResultForTheYear, 2016, d("23.0"), Scale::Mnkr),
        PrintedFigure::new(OverviewItem::Inhabitants, 2016, d("18742"), Scale::Kr),
        PrintedFigure::new(OverviewItem::TaxRate, 2016, d("20.92"), Scale::Kr),
    ];
    assert!(o.check_printed(&printed).unwrap().is_empty());
    assert_eq!(
        o.cell(OverviewItem::Inhabitants, 0).unwrap().source,
        Source::Given
    );
    assert_eq!(
        o.cell(OverviewItem::NetOperatingCosts, 0).unwrap().source,
        Source::Computed
    );
    // No balansräkning: soliditet cannot be checked and says so.
    let e = o
        .check_printed(&[PrintedFigure::new(
            OverviewItem::EquityRatio,
            2016,
            d("65"),
            Scale::Kr,
        )])
        .unwrap_err();
    assert!(e.to_string().starts_with("Soliditet 2016"));
    let note = o.source_note();
    assert!(
        note.starts_with("Beräknat ur räkenskaperna: verksamhetens nettokostnader"),
        "{note}"
    );
    assert!(
        note.contains("Angivet: antal invånare, kommunal skattesats"),
        "{note}"
    );
    let t = o.to_table(Scale::Mnkr).unwrap();
    t.validate().unwrap();
    let text = t.to_text(&NumberFormat::swedish().with_group_separator(Some(' ')));
    assert!(
        text.contains("Antal invånare") && text.contains("18 742"),
        "{text}"
    );
    assert!(text.contains("20,92\u{a0}%"), "{text}");
    let csv = t.to_csv(',');
    assert!(
        csv.contains(";Antal invånare;storhet;0;;18742\r\n"),
        "{csv}"
    );
    let html = t.to_html(&NumberFormat::swedish());
    assert!(html.contains("<tr class=\"quantity\">"));
}

#[test]
fn per_inhabitant_rows_render_with_their_unit() {
    let y = YearFigures::new(fy(2019), YearKind::Outcome, grastorp_rs_2019())
        .with_balance(grastorp_br_2019())
        .with_population(Population::november_1(5_700));
    let s = Series::new(Scope::Entity, vec![y]).unwrap();
    let v = s
        .ratio(
            RatioId::GuaranteesPerInhabitant,
            fy(2019),
            YearKind::Outcome,
            &OPTS,
        )
        .unwrap();
    assert_eq!(
        v.population_date,
        Some(kommunal_redovisning::analysis::PopulationDate::November1)
    );
    let fa = s.financial_analysis(&OPTS, Scale::Tkr).unwrap();
    let risk = fa.table(Perspective::Risk).unwrap();
    let text = risk.to_text(&NumberFormat::swedish().with_group_separator(Some(' ')));
    // 227 225 000 / 5 700 = 39 864 kr/inv.
    assert!(text.contains("39 864\u{a0}kr/inv."), "{text}");
}

#[cfg(feature = "serde")]
#[test]
fn series_and_plan_travel_as_json_and_are_validated() {
    let s = hallsberg();
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        json.contains("\"-1116000000.00\"") || json.contains("-1116000000"),
        "{json}"
    );
    let back: Series = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let plan = invented_plan();
    let back: FinancialPlan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
    assert_eq!(back, plan);
    // A plan of one year is refused on the way in.
    let one = r#"{"years":[{"year":2026,"kind":"budget","income":{}}]}"#;
    let e = serde_json::from_str::<FinancialPlan>(one)
        .unwrap_err()
        .to_string();
    assert!(e.contains("minst 3 år"), "{e}");
}

// ---------------------------------------------------------------------------------
// Invariants of the formulas.
// ---------------------------------------------------------------------------------

fn arb_rs() -> impl Strategy<Value = IncomeStatement> {
    (
        0_i64..2_000_000,
        -5_000_000_i64..-2_300_000,
        -200_000_i64..0,
        1_i64..4_000_000,
        0_i64..1_000_000,
        0_i64..50_000,
        -50_000_i64..0,
    )
        .prop_map(|(rev, exp, dep, tax, grants, fi, fc)| IncomeStatement {
            operating_revenue: Amount::tkr(rev),
            operating_expenses: Amount::tkr(exp),
            depreciation: Amount::tkr(dep),
            tax_revenue: Amount::tkr(tax),
            general_grants: Amount::tkr(grants),
            financial_income: Amount::tkr(fi),
            financial_expenses: Amount::tkr(fc),
            ..Default::default()
        })
}

fn scale_rs(rs: &IncomeStatement, k: Decimal) -> IncomeStatement {
    let m = |a: Amount| a.checked_mul(k).unwrap();
    IncomeStatement {
        operating_revenue: m(rs.operating_revenue),
        operating_expenses: m(rs.operating_expenses),
        depreciation: m(rs.depreciation),
        tax_revenue: m(rs.tax_revenue),
        general_grants: m(rs.general_grants),
        financial_income: m(rs.financial_income),
        financial_expenses: m(rs.financial_expenses),
        extraordinary_items: m(rs.extraordinary_items),
        ..Default::default()
    }
}

const INCOME_PERCENT_RATIOS: [RatioId; 8] = [
    RatioId::ResultBeforeExtraordinaryShare,
    RatioId::ResultShare,
    RatioId::NetCostShare,
    RatioId::NetCostShareOperations,
    RatioId::NetCostShareDepreciation,
    RatioId::NetCostShareFinancialItems,
    RatioId::FinancialItemsShare,
    RatioId::NetInvestmentShare,
];

proptest! {
    #[test]
    fn percentage_ratios_do_not_change_with_scale(rs in arb_rs(), k in 1_i64..1_000, inv in 1_i64..500_000) {
        let k = Decimal::from(k);
        let a = YearFigures::new(fy(2025), YearKind::Outcome, rs.clone()).with_net_investments(Amount::tkr(inv));
        let b = YearFigures::new(fy(2025), YearKind::Outcome, scale_rs(&rs, k))
            .with_net_investments(Amount::tkr(inv).checked_mul(k).unwrap());
        for r in INCOME_PERCENT_RATIOS {
            let x = pct(&compute_ratio(r, &RatioContext::of(&a), &OPTS).unwrap()).as_decimal();
            let y = pct(&compute_ratio(r, &RatioContext::of(&b), &OPTS).unwrap()).as_decimal();
            prop_assert_eq!(x.round_dp(18), y.round_dp(18), "{:?}", r);
        }
    }

    #[test]
    fn growth_is_zero_for_an_unchanged_year_and_scales_out(rs in arb_rs(), k in 2_i64..50) {
        let before = YearFigures::new(fy(2024), YearKind::Outcome, rs.clone());
        let same = YearFigures::new(fy(2025), YearKind::Outcome, rs.clone());
        let c = RatioContext::of(&same).with_previous(&before);
        prop_assert_eq!(pct(&compute_ratio(RatioId::TaxRevenueGrowth, &c, &OPTS).unwrap()), Percent::ZERO);
        // k times the figures: growth (k − 1) × 100 %.
        let grown = YearFigures::new(fy(2025), YearKind::Outcome, scale_rs(&rs, Decimal::from(k)));
        let c = RatioContext::of(&grown).with_previous(&before);
        let g = pct(&compute_ratio(RatioId::TaxRevenueGrowth, &c, &OPTS).unwrap()).as_decimal();
        prop_assert_eq!(g.round_dp(18), Decimal::from((k - 1) * 100));
        let gap = compute_ratio(RatioId::GrowthGap, &c, &OPTS).unwrap().value.as_decimal();
        prop_assert_eq!(gap.round_dp(18), Decimal::ZERO);
    }

    #[test]
    fn result_share_sign_follows_the_result(rs in arb_rs()) {
        let y = YearFigures::new(fy(2025), YearKind::Outcome, rs.clone());
        let p = pct(&compute_ratio(RatioId::ResultShare, &RatioContext::of(&y), &OPTS).unwrap());
        let result = rs.result_for_the_year();
        prop_assert_eq!(p.as_decimal().is_sign_negative() && !p.as_decimal().is_zero(), result.is_negative());
        prop_assert_eq!(p.as_decimal().is_zero(), result.is_zero());
        // Nettokostnadsandel and resultatandel add up to 100 % (no extraordinary items).
        let n = pct(&compute_ratio(RatioId::NetCostShare, &RatioContext::of(&y), &OPTS).unwrap());
        let b = pct(&compute_ratio(RatioId::ResultBeforeExtraordinaryShare, &RatioContext::of(&y), &OPTS).unwrap());
        prop_assert_eq!((n.as_decimal() + b.as_decimal()).round_dp(18), Decimal::ONE_HUNDRED);
    }

    #[test]
    fn per_inhabitant_times_population_is_the_amount(rs in arb_rs(), people in 1_u64..2_000_000) {
        let y = YearFigures::new(fy(2025), YearKind::Outcome, rs.clone())
            .with_population(Population::december_31(people));
        let v = compute_ratio(RatioId::NetCostsPerInhabitant, &RatioContext::of(&y), &OPTS).unwrap();
        prop_assert_eq!(v.value.unit(), RatioUnit::KronorPerInhabitant);
        let back = v.value.as_decimal() * Decimal::from(people);
        let exact = -rs.net_operating_costs().as_decimal();
        prop_assert!((back - exact).abs() < Decimal::new(1, 10), "{} vs {}", back, exact);
        // Twice the population, half per inhabitant.
        let y2 = y.clone().with_population(Population::december_31(people * 2));
        let half = compute_ratio(RatioId::NetCostsPerInhabitant, &RatioContext::of(&y2), &OPTS).unwrap();
        prop_assert!((half.value.as_decimal() * Decimal::TWO - v.value.as_decimal()).abs() < Decimal::new(1, 15));
    }

    #[test]
    fn balance_ratios_add_up(eq in 0_i64..1_000_000, prov in 0_i64..500_000, lt in 0_i64..800_000, cl in 1_i64..400_000, pen in 0_i64..500_000, k in 1_i64..100) {
        let total = eq + prov + lt + cl;
        let br = |k: i64| BalanceSheet {
            cash_and_bank: Amount::tkr(total * k),
            other_equity: Amount::tkr(eq * k),
            pension_provisions: Amount::tkr(prov * k),
            long_term_liabilities: Amount::tkr(lt * k),
            current_liabilities: Amount::tkr(cl * k),
            pension_commitments_before_1998: Amount::tkr(pen * k),
            ..Default::default()
        };
        let get = |b: BalanceSheet, r| {
            let y = YearFigures::new(fy(2025), YearKind::Outcome, IncomeStatement::default()).with_balance(b);
            pct(&compute_ratio(r, &RatioContext::of(&y), &OPTS).unwrap()).as_decimal()
        };
        let s = get(br(1), RatioId::EquityRatio);
        let dr = get(br(1), RatioId::DebtRatio);
        prop_assert_eq!((s + dr).round_dp(18), Decimal::ONE_HUNDRED);
        let parts = get(br(1), RatioId::DebtRatioProvisions) + get(br(1), RatioId::DebtRatioLongTerm) + get(br(1), RatioId::DebtRatioCurrent);
        prop_assert_eq!(parts.round_dp(18), dr.round_dp(18));
        prop_assert!(get(br(1), RatioId::EquityRatioIncludingPensions) <= s);
        for r in [RatioId::EquityRatio, RatioId::EquityRatioIncludingPensions, RatioId::QuickRatio, RatioId::DebtRatio] {
            prop_assert_eq!(get(br(1), r).round_dp(18), get(br(k), r).round_dp(18), "{:?}", r);
        }
    }
}
