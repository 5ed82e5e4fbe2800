//! Budget follow-up and cash flow: driftredovisning, investeringsredovisning,
//! resultaträkning with budget columns and kassaflödesanalys, against published
//! figures and as properties over any input.
// Some names are used by the serde round trips only.
#![cfg_attr(not(feature = "serde"), allow(unused_imports))]

use kommunal_redovisning::present::{Column, Rounding};
use kommunal_redovisning::statement::{
    CashFlowLine, CashFlowSection as S, ColumnRows, IncomeFigure, IncomeSum, InvestmentColumn,
    OperatingColumn, OperatingReconciliation, PrintedFigure, ReconciledFigure, StatementLayout,
    StatementRowKind, UnitContent,
};
use kommunal_redovisning::{
    Amount, BalanceSheet, Budget, CashFlowDerivation, CashFlowStatement, EntityKind, FinancialYear,
    IncomeStatement, IncomeStatementFollowUp, InvestmentFigures, InvestmentProject,
    InvestmentStatement, MultiYearProject, NumberFormat, OperatingStatement, OperatingUnit, Scale,
    UnitFigures,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Kassaflödesanalys: Hallsbergs kommun 2020 and 2019 (mnkr), reference/domain.md §1.4.
// ---------------------------------------------------------------------------

/// One year of the Hallsberg table; blank cells are zero.
fn hallsberg(year: i32) -> CashFlowStatement {
    let m = Amount::mnkr;
    let (v20, v19) = (year == 2020, year == 2019);
    let pick = |a: i64, b: i64| if v20 { m(a) } else { m(b) };
    assert!(v20 || v19);
    let mut k = CashFlowStatement::new(pick(59, 42), pick(63, 100), pick(109, 63));
    k.push(
        S::Adjustments,
        "Justering för av- och nedskrivningar",
        pick(30, 25),
    )
    .push(
        S::Adjustments,
        "Justering för gjorda avsättningar",
        pick(4, 5),
    )
    .push(
        S::Adjustments,
        "Justering för ianspråktagna avsättningar",
        pick(0, 0),
    )
    .push(
        S::Adjustments,
        "Justering för övriga ej likviditetspåverkande poster",
        pick(1, 0),
    )
    .push(
        S::WorkingCapital,
        "Ökning (−)/minskning (+) kortfristiga fordringar",
        pick(-4, 5),
    )
    .push(
        S::WorkingCapital,
        "Ökning (−)/minskning (+) förråd och varulager",
        pick(0, 0),
    )
    .push(
        S::WorkingCapital,
        "Ökning (+)/minskning (−) kortfristiga skulder",
        pick(35, -11),
    )
    .push(
        S::Investing,
        "Investering i materiella anläggningstillgångar",
        pick(-83, -108),
    )
    .push(
        S::Investing,
        "Försäljning av materiella anläggningstillgångar",
        pick(0, 2),
    )
    .push(
        S::Investing,
        "Försäljning av finansiella anläggningstillgångar",
        pick(2, 0),
    )
    .push(S::Financing, "Nyupptagna lån", pick(0, 0))
    .push(S::Financing, "Amortering av skuld", pick(-1, -1))
    .push(
        S::Financing,
        "Anslutningsavgifter vatten och avlopp",
        pick(2, 3),
    )
    .push(
        S::Financing,
        "Långfristig skuld investeringsbidrag",
        pick(0, 0),
    )
    .push(
        S::Financing,
        "Ökning av långfristiga fordringar",
        pick(0, 0),
    )
    .push(
        S::Financing,
        "Minskning av långfristiga fordringar",
        pick(1, 1),
    );
    k
}

#[test]
fn hallsberg_2020_cash_flow_reproduces_the_printed_sums() {
    let k = hallsberg(2020);
    // Check: 125 − 81 + 2 = 46; 63 + 46 = 109.
    k.validate().unwrap();
    let rows = k.rows().unwrap();
    let printed = [
        ("medel_fore_forandring_av_rorelsekapital", 94),
        ("kassaflode_lopande_verksamheten", 125),
        ("kassaflode_investeringsverksamheten", -81),
        ("kassaflode_finansieringsverksamheten", 2),
        ("arets_kassaflode", 46),
        ("likvida_medel_vid_arets_borjan", 63),
        ("likvida_medel_vid_arets_slut", 109),
    ];
    for (id, mnkr) in printed {
        let row = rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(row.amount, Some(Amount::mnkr(mnkr)), "{id}");
    }
    let labels: Vec<_> = rows
        .iter()
        .filter(|r| r.kind != StatementRowKind::Line)
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "DEN LÖPANDE VERKSAMHETEN",
            "Medel från verksamheten före förändringar av rörelsekapital",
            "Kassaflöde från den löpande verksamheten",
            "INVESTERINGSVERKSAMHETEN",
            "Kassaflöde från investeringsverksamheten",
            "FINANSIERINGSVERKSAMHETEN",
            "Kassaflöde från finansieringsverksamheten",
            "Årets kassaflöde",
            "Likvida medel vid årets slut",
        ]
    );
    assert_eq!(rows.len(), 27);
}

#[test]
fn hallsberg_2019_cash_flow_reproduces_the_printed_sums() {
    let k = hallsberg(2019);
    k.validate().unwrap();
    assert_eq!(
        k.sum(kommunal_redovisning::statement::CashFlowSum::FundsFromOperations),
        Amount::mnkr(72)
    );
    assert_eq!(k.operating(), Amount::mnkr(66));
    assert_eq!(k.investing_total(), Amount::mnkr(-106));
    assert_eq!(k.financing_total(), Amount::mnkr(3));
    assert_eq!(k.net_cash_flow(), Amount::mnkr(-37));
    // The 2019 closing balance is the 2020 opening balance.
    assert_eq!(
        k.closing_liquid_assets,
        hallsberg(2020).opening_liquid_assets
    );
}

#[test]
fn hallsberg_two_years_as_a_table() {
    let (y2020, y2019) = (hallsberg(2020), hallsberg(2019));
    let t = CashFlowStatement::table(
        "Kassaflödesanalys",
        Scale::Mnkr,
        &[
            (Column::outcome("2020"), &y2020),
            (Column::prior_period("2019"), &y2019),
        ],
    )
    .unwrap();
    t.validate().unwrap();
    assert_eq!(t.rows.len(), 27);
    assert_eq!(t.sum_differences().unwrap(), []);
    let row = |id: &str| t.row(id).unwrap().cells.clone();
    assert_eq!(
        row("arets_kassaflode"),
        [Some(Amount::mnkr(46)), Some(Amount::mnkr(-37))]
    );
    assert_eq!(
        t.row("likvida_medel_vid_arets_slut").unwrap().sum_of,
        ["likvida_medel_vid_arets_borjan", "arets_kassaflode"]
    );
    assert_eq!(
        t.row("kassaflode_lopande_verksamheten")
            .unwrap()
            .sum_of
            .len(),
        4
    );
    let text = t.to_text(&NumberFormat::swedish().with_group_separator(Some(' ')));
    assert!(text.contains("Årets kassaflöde"), "{text}");
    assert!(text.contains("\u{2212}37"), "{text}");
    // An inconsistent year is still shown, but its closing balance is no sum.
    let mut wrong = hallsberg(2020);
    wrong.closing_liquid_assets = Amount::mnkr(110);
    let t = wrong
        .to_table("Kassaflödesanalys", Scale::Mnkr, Column::outcome("2020"))
        .unwrap();
    assert!(
        t.row("likvida_medel_vid_arets_slut")
            .unwrap()
            .sum_of
            .is_empty()
    );
}

#[test]
fn hallsberg_with_a_wrong_closing_balance_is_refused() {
    let mut k = hallsberg(2020);
    k.closing_liquid_assets = Amount::mnkr(110);
    let err = k.validate().unwrap_err().to_string();
    assert!(err.contains("likvida medel"), "{err}");
    assert!(err.contains("-1000000.00"), "{err}");
}

// ---------------------------------------------------------------------------
// Driftredovisning: the Lystkom forecast table, delårsrapport 2025 avsnitt 1.3 (tkr).
// ---------------------------------------------------------------------------

fn lystkom_forecast() -> OperatingStatement {
    let unit = |name: &str, budget: i64, forecast: i64| {
        OperatingUnit::leaf(
            name,
            UnitFigures::new(Budget::new(Amount::tkr(budget))).with_forecast(Amount::tkr(forecast)),
        )
    };
    OperatingStatement::new(vec![
        unit("IT", 760, 958),
        unit("Kundtjänst", 82, 355),
        unit("Revision", -195, -195),
        unit("Lystkom", 212, 256),
    ])
    .unwrap()
}

#[test]
fn lystkom_forecast_table_matches_the_printed_figures() {
    let rows = lystkom_forecast().rows().unwrap();
    let cols: Vec<_> = rows.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(cols, ["budget", "prognos", "avvikelse_prognos"]);
    let t = |n: i64| Amount::tkr(n);
    let printed = [
        PrintedFigure::new("IT", "avvikelse_prognos", t(198)),
        PrintedFigure::new("Kundtjänst", "avvikelse_prognos", t(273)),
        PrintedFigure::new("Revision", "avvikelse_prognos", t(0)),
        PrintedFigure::new("Lystkom", "avvikelse_prognos", t(44)),
        PrintedFigure::new("totalt", "budget", t(859)),
        PrintedFigure::new("totalt", "prognos", t(1_374)),
        PrintedFigure::new("totalt", "avvikelse_prognos", t(515)),
    ];
    assert_eq!(rows.compare_printed(&printed, Amount::ZERO).unwrap(), []);
    rows.check_printed(&printed).unwrap();
    // Through the table layer: the total is the sum of the four verksamheter.
    let table = lystkom_forecast().to_table("Prognos", Scale::Tkr).unwrap();
    assert_eq!(
        table.row("totalt").unwrap().sum_of,
        ["IT", "Kundtjänst", "Revision", "Lystkom"]
    );
    assert_eq!(
        table.row("totalt").unwrap().cells,
        [Some(t(859)), Some(t(1_374)), Some(t(515))]
    );
    // A misprint would be caught.
    let wrong = [PrintedFigure::new("totalt", "prognos", t(1_347))];
    assert!(rows.check_printed(&wrong).is_err());
}

#[test]
fn driftredovisning_reconciles_to_a_resultatrakning() {
    // A kommun: two nämnder whose figures include internal items (7 000 tkr of internal
    // sales between them) and internal kapitalkostnader (12 000 tkr); finansförvaltningen
    // eliminates them and brings the total to the external resultaträkning.
    let d = OperatingStatement::new(vec![
        OperatingUnit::leaf(
            "Kommunstyrelsen",
            UnitFigures::new(Budget::new(Amount::tkr(-40_000)))
                .with_outcome(Amount::tkr(12_000), Amount::tkr(-51_000)),
        ),
        OperatingUnit::leaf(
            "Socialnämnden",
            UnitFigures::new(Budget::new(Amount::tkr(-120_000)))
                .with_outcome(Amount::tkr(30_000), Amount::tkr(-152_000)),
        ),
    ])
    .unwrap();
    let rs = IncomeStatement {
        operating_revenue: Amount::tkr(35_000),
        operating_expenses: Amount::tkr(-184_000),
        depreciation: Amount::tkr(-6_000),
        tax_revenue: Amount::tkr(130_000),
        general_grants: Amount::tkr(32_000),
        financial_income: Amount::tkr(500),
        financial_expenses: Amount::tkr(-1_500),
        ..Default::default()
    };
    // Intäkter: 42 000 − 7 000 interna = 35 000.
    let revenue = OperatingReconciliation::new(
        ReconciledFigure::Revenue,
        IncomeFigure::Line(kommunal_redovisning::statement::IncomeLine::OperatingRevenue),
    )
    .with_item("Interna poster som elimineras", Amount::tkr(-7_000));
    d.reconcile(&rs, &revenue).unwrap();
    // Kostnader: −203 000 + 7 000 interna + 12 000 kapitalkostnader = −184 000.
    let expenses = OperatingReconciliation::new(
        ReconciledFigure::Expenses,
        IncomeFigure::Line(kommunal_redovisning::statement::IncomeLine::OperatingExpenses),
    )
    .with_item("Interna poster som elimineras", Amount::tkr(7_000))
    .with_item("Interna kapitalkostnader", Amount::tkr(12_000));
    d.reconcile(&rs, &expenses).unwrap();
    // Nettokostnad −161 000 to årets resultat 6 000.
    let rec = OperatingReconciliation::new(
        ReconciledFigure::Net,
        IncomeFigure::Sum(IncomeSum::ResultForTheYear),
    )
    .with_item("Interna kapitalkostnader", Amount::tkr(12_000))
    .with_item("Avskrivningar", Amount::tkr(-6_000))
    .with_item(
        "Skatteintäkter och generella statsbidrag",
        Amount::tkr(162_000),
    )
    .with_item("Finansnetto", Amount::tkr(-1_000));
    let done = d.reconcile(&rs, &rec).unwrap();
    assert_eq!(done.operating, Amount::tkr(-161_000));
    assert_eq!(done.target, Amount::tkr(6_000));
    // Without the kapitalkostnader the difference is named.
    let mut short = rec.clone();
    short.items.remove(0);
    let err = d.reconcile(&rs, &short).unwrap_err().to_string();
    assert!(err.contains("difference -12000000.00"), "{err}");
}

// ---------------------------------------------------------------------------
// Resultaträkning with budget columns.
// ---------------------------------------------------------------------------

#[test]
fn follow_up_labels_can_be_overridden() {
    let mut layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
    layout.labels.set("avvikelse_utfall", "Avvikelse");
    let f = IncomeStatementFollowUp::new(IncomeStatement::default())
        .with_budget(IncomeStatement::default())
        .with_previous(IncomeStatement::default());
    let t = f.rows(&layout).unwrap();
    let labels: Vec<_> = t.columns.iter().map(|c| c.label.as_str()).collect();
    // Hallsberg 2019: Utfall 2019, Utfall 2018, Budget 2019, Avvikelse.
    assert_eq!(
        labels,
        ["Utfall 2019", "Utfall 2018", "Budget 2019", "Avvikelse"]
    );
}

// ---------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------

/// A tree shape with leaf payloads; names are given by position.
#[derive(Clone, Debug)]
enum Shape<T> {
    Leaf(T),
    Group(Vec<Shape<T>>),
}

fn shapes<T: Clone + std::fmt::Debug + 'static>(
    leaf: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Vec<Shape<T>>> {
    let tree = leaf
        .prop_map(Shape::Leaf)
        .prop_recursive(4, 40, 5, |inner| {
            prop::collection::vec(inner, 0..5).prop_map(Shape::Group)
        });
    prop::collection::vec(tree, 0..6)
}

fn build<T>(shapes: Vec<Shape<T>>) -> Vec<kommunal_redovisning::statement::Unit<T>> {
    shapes
        .into_iter()
        .enumerate()
        .map(|(i, s)| match s {
            Shape::Leaf(f) => kommunal_redovisning::statement::Unit::leaf(format!("Enhet {i}"), f),
            Shape::Group(parts) => {
                kommunal_redovisning::statement::Unit::group(format!("Grupp {i}"), build(parts))
            }
        })
        .collect()
}

fn tkr(range: std::ops::Range<i64>) -> impl Strategy<Value = Amount> {
    range.prop_map(Amount::tkr)
}

fn operating_figures() -> impl Strategy<Value = UnitFigures> {
    (
        tkr(-1_000_000..1_000_000),
        prop::collection::vec(tkr(-50_000..50_000), 0..3),
        prop::option::weighted(0.9, (tkr(0..1_000_000), tkr(-1_000_000..0))),
        prop::option::weighted(0.9, tkr(-1_000_000..1_000_000)),
        prop::option::weighted(0.9, tkr(-1_000_000..1_000_000)),
    )
        .prop_map(|(original, changes, outcome, period, forecast)| {
            let mut budget = Budget::new(original);
            for (i, c) in changes.into_iter().enumerate() {
                budget = budget.with_change(format!("Ändring {i}"), c);
            }
            let mut f = UnitFigures::new(budget);
            if let Some((r, e)) = outcome {
                f = f.with_outcome(r, e);
            }
            f.period_budget = period;
            f.forecast = forecast;
            f
        })
}

fn investment_figures() -> impl Strategy<Value = InvestmentFigures> {
    (
        tkr(0..500_000),
        tkr(0..500_000),
        tkr(0..100_000),
        prop::option::weighted(0.9, tkr(0..500_000)),
        prop::option::of((tkr(0..900_000), tkr(0..900_000), tkr(0..900_000))),
    )
        .prop_map(|(budget, exp, inc, forecast, project)| {
            let mut f = InvestmentFigures::new(Budget::new(budget), exp).with_income(inc);
            f.forecast = forecast;
            f.project = project.map(
                |(frame, previous_years, estimated_total)| MultiYearProject {
                    frame,
                    previous_years,
                    estimated_total,
                },
            );
            f
        })
}

/// Every subtotal row equals the sum of its direct parts and the total row the sum of
/// the top-level rows, column by column; `all_or_none` columns are present only when
/// every part has them, the others when any part has them.
fn check_sums(t: &ColumnRows, any_columns: &[&str]) -> Result<(), TestCaseError> {
    let parts_of = |prefix: Option<&str>, depth: u8| -> Vec<usize> {
        t.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind != StatementRowKind::Total)
            .filter(|(_, r)| match prefix {
                None => r.depth == 0,
                Some(p) => {
                    r.depth == depth
                        && r.id.strip_prefix(p).is_some_and(|rest| {
                            rest.strip_prefix('/').is_some_and(|n| !n.contains('/'))
                        })
                }
            })
            .map(|(i, _)| i)
            .collect()
    };
    for row in &t.rows {
        let parts = match row.kind {
            StatementRowKind::Subtotal => parts_of(Some(&row.id), row.depth + 1),
            StatementRowKind::Total => parts_of(None, 0),
            _ => continue,
        };
        for (c, col) in t.columns.iter().enumerate() {
            let values: Vec<Option<Amount>> = parts.iter().map(|i| t.rows[*i].values[c]).collect();
            let present: Vec<Amount> = values.iter().flatten().copied().collect();
            let expected = if any_columns.contains(&col.id.as_str()) {
                (!present.is_empty()).then(|| Amount::checked_sum(present.clone()).unwrap())
            } else {
                (present.len() == values.len())
                    .then(|| Amount::checked_sum(present.clone()).unwrap())
            };
            prop_assert_eq!(row.values[c], expected, "row {} column {}", row.id, col.id);
        }
    }
    Ok(())
}

fn cell(t: &ColumnRows, row: usize, col: &str) -> Option<Amount> {
    t.column_index(col).and_then(|c| t.rows[row].values[c])
}

fn diff(a: Option<Amount>, b: Option<Amount>) -> Option<Amount> {
    Some(a?.checked_sub(b?).unwrap())
}

proptest! {
    #[test]
    fn operating_totals_and_deviations_are_consistent(shape in shapes(operating_figures())) {
        let d = OperatingStatement::new(build(shape)).unwrap();
        let t = d.rows_with(&OperatingColumn::ALL).unwrap();
        check_sums(&t, &[])?;
        for (i, row) in t.rows.iter().enumerate() {
            let budget = cell(&t, i, "budget");
            let orig = cell(&t, i, "ursprunglig_budget");
            let changes = cell(&t, i, "anslagsforandringar");
            prop_assert_eq!(budget, Some(orig.unwrap().checked_add(changes.unwrap()).unwrap()));
            let net = cell(&t, i, "nettokostnad");
            prop_assert_eq!(net, cell(&t, i, "intakter").and_then(|r| cell(&t, i, "kostnader").map(|e| r.checked_add(e).unwrap())));
            prop_assert_eq!(cell(&t, i, "avvikelse_utfall"), diff(net, budget), "row {}", row.id);
            prop_assert_eq!(cell(&t, i, "avvikelse_prognos"), diff(cell(&t, i, "prognos"), budget));
        }
        // The statement's total is the total row.
        let total = d.total().unwrap();
        let last = t.rows.len() - 1;
        prop_assert_eq!(cell(&t, last, "budget"), Some(total.budget().unwrap()));
        prop_assert_eq!(t.rows[last].kind, StatementRowKind::Total);
        // Interim: the outcome is compared with the period budget.
        let interim = d.clone().with_outcome_basis(kommunal_redovisning::statement::OutcomeBasis::Interim);
        let ti = interim.rows_with(&OperatingColumn::ALL).unwrap();
        for i in 0..ti.rows.len() {
            prop_assert_eq!(cell(&ti, i, "avvikelse_utfall"), diff(cell(&ti, i, "nettokostnad"), cell(&ti, i, "budget_perioden")));
        }
    }

    #[test]
    fn operating_tables_foot(shape in shapes(operating_figures())) {
        let d = OperatingStatement::new(build(shape)).unwrap();
        let t = d.to_table("Driftredovisning", Scale::Tkr).unwrap();
        prop_assert_eq!(t.rows.len(), d.rows().unwrap().rows.len());
        prop_assert_eq!(t.sum_differences().unwrap(), []);
        let rounded = t.rounded(&Rounding::new(Scale::Mnkr)).unwrap();
        prop_assert_eq!(rounded.differences, []);
    }

    #[test]
    fn investment_tables_foot(shape in shapes(investment_figures())) {
        let inv = InvestmentStatement::new(build(shape)).unwrap();
        let t = inv.to_table("Investeringsredovisning", Scale::Tkr).unwrap();
        prop_assert_eq!(t.sum_differences().unwrap(), []);
        let rounded = t.rounded(&Rounding::new(Scale::Mnkr)).unwrap();
        prop_assert_eq!(rounded.differences, []);
    }

    #[test]
    fn investment_totals_and_deviations_are_consistent(shape in shapes(investment_figures())) {
        let inv = InvestmentStatement::new(build(shape)).unwrap();
        let t = inv.rows_with(&InvestmentColumn::ALL).unwrap();
        check_sums(&t, &["investeringsram", "ackumulerat_utfall", "beraknad_totalutgift", "avvikelse_ram"])?;
        for i in 0..t.rows.len() {
            let net = cell(&t, i, "nettoinvestering");
            prop_assert_eq!(net, diff(cell(&t, i, "utgifter"), cell(&t, i, "inkomster")));
            let budget = cell(&t, i, "budget");
            prop_assert_eq!(cell(&t, i, "avvikelse_utfall"), diff(budget, net));
            prop_assert_eq!(cell(&t, i, "avvikelse_prognos"), diff(budget, cell(&t, i, "prognos")));
            prop_assert_eq!(cell(&t, i, "avvikelse_ram"), diff(cell(&t, i, "investeringsram"), cell(&t, i, "beraknad_totalutgift")));
        }
    }

    #[test]
    fn cash_flow_closing_balance_is_opening_plus_flows(
        result in -1_000_000i64..1_000_000,
        lines in prop::collection::vec((0usize..5, -1_000_000i64..1_000_000), 0..20),
        opening in 0i64..10_000_000,
        error in -3i64..3,
    ) {
        let sections = [S::Adjustments, S::WorkingCapital, S::Investing, S::Financing, S::Infrastructure];
        let mut k = CashFlowStatement::new(Amount::tkr(result), Amount::tkr(opening), Amount::ZERO);
        for (s, a) in &lines {
            k.push(sections[*s], format!("Rad {a}"), Amount::tkr(*a));
        }
        let flows: i64 = lines.iter().map(|(_, a)| a).sum::<i64>() + result;
        prop_assert_eq!(k.net_cash_flow(), Amount::tkr(flows));
        let blocks = Amount::checked_sum([
            k.operating(), k.investing_total(), k.financing_total(),
            k.section_total(S::Infrastructure),
        ]).unwrap();
        prop_assert_eq!(blocks, Amount::tkr(flows));
        k.closing_liquid_assets = Amount::tkr(opening + flows + error);
        prop_assert_eq!(k.validate().is_ok(), error == 0);
        let rows = k.rows().unwrap();
        prop_assert_eq!(rows.last().unwrap().amount, Some(k.closing_liquid_assets));
    }

    #[test]
    fn income_follow_up_deviation_is_outcome_minus_budget_on_every_row(
        a in prop::collection::vec(-10_000_000i64..10_000_000, 8),
        b in prop::collection::vec(-10_000_000i64..10_000_000, 8),
    ) {
        let rs = |v: &[i64]| IncomeStatement {
            operating_revenue: Amount::tkr(v[0]),
            operating_expenses: Amount::tkr(v[1]),
            depreciation: Amount::tkr(v[2]),
            tax_revenue: Amount::tkr(v[3]),
            general_grants: Amount::tkr(v[4]),
            financial_income: Amount::tkr(v[5]),
            financial_expenses: Amount::tkr(v[6]),
            extraordinary_items: Amount::tkr(v[7]),
            ..Default::default()
        };
        let f = IncomeStatementFollowUp::new(rs(&a)).with_budget(rs(&b)).with_forecast(rs(&b));
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let t = f.rows(&layout).unwrap();
        prop_assert_eq!(t.rows.len(), 12);
        for i in 0..t.rows.len() {
            prop_assert_eq!(cell(&t, i, "avvikelse_utfall"), diff(cell(&t, i, "utfall"), cell(&t, i, "budget")));
            prop_assert_eq!(cell(&t, i, "avvikelse_prognos"), Some(Amount::ZERO));
        }
        // The deviation of årets resultat is the sum of the posts' deviations.
        let posts: i64 = a.iter().zip(&b).map(|(x, y)| x - y).sum();
        prop_assert_eq!(t.value("arets_resultat", "avvikelse_utfall"), Some(Amount::tkr(posts)));
    }
}

// ---------------------------------------------------------------------------
// Serde round-trips.
// ---------------------------------------------------------------------------

#[cfg(feature = "serde")]
fn round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let json = serde_json::to_string(value).unwrap();
    serde_json::from_str(&json).unwrap()
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trips() {
    let mut d = lystkom_forecast();
    d.units.push(OperatingUnit::group(
        "Nämnd",
        vec![
            OperatingUnit::leaf(
                "Enhet",
                UnitFigures::new(
                    Budget::new(Amount::tkr(-5)).with_change("Tillägg", Amount::tkr(-1)),
                )
                .with_outcome(Amount::tkr(1), Amount::tkr(-7))
                .with_period_budget(Amount::tkr(-3)),
            )
            .with_note("4"),
        ],
    ));
    d.labels.set("totalt", "Summa");
    assert_eq!(round_trip(&d), d);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["units"][0]["content"]["figures"]["budget"]["original"],
        "760000.00"
    );
    assert!(matches!(d.units[4].content, UnitContent::Parts(_)));

    let inv = InvestmentStatement::new(vec![InvestmentProject::leaf(
        "Skola",
        InvestmentFigures::new(Budget::new(Amount::tkr(10)), Amount::tkr(9))
            .with_income(Amount::tkr(1))
            .with_forecast(Amount::tkr(10))
            .with_project(MultiYearProject {
                frame: Amount::tkr(30),
                previous_years: Amount::tkr(12),
                estimated_total: Amount::tkr(31),
            }),
    )])
    .unwrap();
    assert_eq!(round_trip(&inv), inv);

    let k = hallsberg(2020);
    assert_eq!(round_trip(&k), k);
    let derivation = CashFlowDerivation {
        adjustments: vec![CashFlowLine::new("Avskrivningar", Amount::tkr(3))],
        ..Default::default()
    };
    assert_eq!(round_trip(&derivation), derivation);

    let f = IncomeStatementFollowUp::new(IncomeStatement::default()).with_budget(IncomeStatement {
        tax_revenue: Amount::tkr(7),
        ..Default::default()
    });
    assert_eq!(round_trip(&f), f);
    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    let rows = f.rows(&layout).unwrap();
    assert_eq!(round_trip(&rows), rows);
    let rec = OperatingReconciliation::new(
        ReconciledFigure::Net,
        IncomeFigure::Sum(IncomeSum::ResultForTheYear),
    )
    .with_item("Finansförvaltningen", Amount::tkr(2));
    assert_eq!(round_trip(&rec), rec);
}

#[test]
fn balance_sheets_that_do_not_explain_the_cash_are_refused() {
    let rs = IncomeStatement {
        operating_revenue: Amount::tkr(10),
        ..Default::default()
    };
    let opening = BalanceSheet {
        cash_and_bank: Amount::tkr(5),
        other_equity: Amount::tkr(5),
        ..Default::default()
    };
    let closing = BalanceSheet {
        cash_and_bank: Amount::tkr(15),
        other_equity: Amount::tkr(5),
        result_for_the_year: Amount::tkr(10),
        ..Default::default()
    };
    let k = CashFlowDerivation::default()
        .derive(&rs, &opening, &closing)
        .unwrap();
    assert_eq!(k.net_cash_flow(), Amount::tkr(10));
    let closing_more = BalanceSheet {
        cash_and_bank: Amount::tkr(18),
        long_term_liabilities: Amount::tkr(3),
        ..closing
    };
    let err = CashFlowDerivation::default()
        .derive(&rs, &opening, &closing_more)
        .unwrap_err();
    assert!(err.to_string().contains("difference -3000.00"), "{err}");
}
