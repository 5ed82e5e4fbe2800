//! Tables: footing (property tests), renderers (snapshots of the Grästorp statements,
//! property tests), CSV round trip.

use kommunal_redovisning::present::{Column, Rounding, Table, TableRow, ValueKind};
use kommunal_redovisning::statement::{RowKind, StatementLayout};
use kommunal_redovisning::{
    Amount, BalanceSheet, EntityKind, FinancialYear, IncomeStatement, RoundingMode, Scale,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const MODES: [RoundingMode; 7] = [
    RoundingMode::HalfAwayFromZero,
    RoundingMode::HalfEven,
    RoundingMode::HalfTowardZero,
    RoundingMode::TowardZero,
    RoundingMode::AwayFromZero,
    RoundingMode::Floor,
    RoundingMode::Ceiling,
];

fn in_unit(a: Amount, r: &Rounding) -> Decimal {
    a.to_scale(r.scale)
}

/// Checks the footing contract on a rounded copy of `exact`.
fn assert_foots(exact: &Table, r: &Rounding) -> Result<(), TestCaseError> {
    let rounded = exact
        .rounded(r)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(rounded.differences.is_empty(), "{:?}", rounded.differences);
    let t = &rounded.table;
    let is_part = |id: &str| {
        exact
            .rows
            .iter()
            .any(|row| row.sum_of.iter().any(|p| p == id))
    };
    for column in 0..t.columns.len() {
        let mut all_feasible = true;
        for (row, ex) in t.rows.iter().zip(&exact.rows) {
            let (Some(p), Some(e)) = (row.cell(column), ex.cell(column)) else {
                prop_assert_eq!(row.cell(column), ex.cell(column));
                continue;
            };
            let (p, e) = (in_unit(p, r), in_unit(e, r));
            // On the grid, and never further than one unit away (floor or ceiling).
            prop_assert_eq!(p.round_dp(r.decimals), p);
            let floor = RoundingMode::Floor.round(e, r.decimals);
            let ceil = RoundingMode::Ceiling.round(e, r.decimals);
            prop_assert!(
                p == floor || p == ceil,
                "{} printed {} exact {}",
                row.id,
                p,
                e
            );
            if row.is_sum() {
                // Foots: the printed sum is the sum of the printed parts.
                let parts: Decimal = row
                    .sum_of
                    .iter()
                    .filter_map(|id| t.row(id)?.cell(column))
                    .map(|a| in_unit(a, r))
                    .sum();
                prop_assert_eq!(p, parts, "{} does not foot", &row.id);
                // Top-level sums are their rounded exact value.
                if !is_part(&row.id) {
                    prop_assert_eq!(p, r.mode.round(e, r.decimals), "{}", &row.id);
                }
                // Could the lines directly under this sum make up the difference
                // between the rounded sum and its rounded sub-sums?
                let mut rest = r.mode.round(e, r.decimals);
                let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO);
                for id in &ex.sum_of {
                    let part = exact.row(id).unwrap();
                    let Some(v) = part.cell(column).map(|a| in_unit(a, r)) else {
                        continue;
                    };
                    if part.is_sum() {
                        rest -= r.mode.round(v, r.decimals);
                    } else {
                        lo += RoundingMode::Floor.round(v, r.decimals);
                        hi += RoundingMode::Ceiling.round(v, r.decimals);
                    }
                }
                if rest < lo || rest > hi {
                    all_feasible = false;
                }
            }
        }
        // Whenever every sum can be its rounded exact value, every sum is.
        if all_feasible {
            for (row, ex) in t.rows.iter().zip(&exact.rows) {
                if let (true, Some(p), Some(e)) = (row.is_sum(), row.cell(column), ex.cell(column))
                {
                    prop_assert_eq!(
                        in_unit(p, r),
                        r.mode.round(in_unit(e, r), r.decimals),
                        "{} is not its rounded exact value although it could be",
                        &row.id
                    );
                }
            }
        }
    }
    Ok(())
}

fn amount() -> impl Strategy<Value = Amount> {
    // Öre, ±10 000 000 000 kr, both signs, many exactly on a rounding midpoint.
    prop_oneof![
        (-1_000_000_000_000_i64..1_000_000_000_000)
            .prop_map(|ore| Amount::new(Decimal::new(ore, 2))),
        (-2_000_000_i64..2_000_000).prop_map(|h| Amount::kr(h * 500)),
        (-5_000_i64..5_000).prop_map(Amount::kr),
    ]
}

fn rounding() -> impl Strategy<Value = Rounding> {
    (
        prop_oneof![Just(Scale::Kr), Just(Scale::Tkr), Just(Scale::Mnkr)],
        0_u32..3,
        0_usize..MODES.len(),
    )
        .prop_map(|(scale, decimals, m)| {
            Rounding::new(scale)
                .with_decimals(decimals)
                .with_mode(MODES[m])
        })
}

fn flat_table(lines: &[Amount]) -> Table {
    let mut t = Table::new("T", Scale::Kr, vec![Column::outcome("x")]);
    let mut ids = Vec::new();
    for (i, a) in lines.iter().enumerate() {
        let id = format!("l{i}");
        t.push_row(TableRow::new(
            id.clone(),
            format!("Rad {i}"),
            RowKind::Line,
            ValueKind::Flow,
            vec![Some(*a)],
        ))
        .unwrap();
        ids.push(id);
    }
    let total = Amount::checked_sum(lines.iter().copied()).unwrap();
    t.push_row(
        TableRow::new(
            "s",
            "Summa",
            RowKind::Total,
            ValueKind::Flow,
            vec![Some(total)],
        )
        .with_sum_of(ids),
    )
    .unwrap();
    t
}

fn income(a: &[Amount]) -> IncomeStatement {
    IncomeStatement {
        operating_revenue: a[0],
        operating_expenses: a[1],
        depreciation: a[2],
        tax_revenue: a[3],
        general_grants: a[4],
        financial_income: a[5],
        financial_expenses: a[6],
        extraordinary_items: a[7],
        ..Default::default()
    }
}

fn balance(a: &[Amount]) -> BalanceSheet {
    let mut br = BalanceSheet::default();
    for (line, v) in kommunal_redovisning::statement::BalanceLine::ALL
        .iter()
        .zip(a)
    {
        *br.amount_mut(*line) = *v;
    }
    br
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any number of lines, any signs: the rounded lines add up to the rounded exact
    /// total, and each line is its exact value rounded down or up.
    #[test]
    fn flat_footing(lines in prop::collection::vec(amount(), 1..40), r in rounding()) {
        assert_foots(&flat_table(&lines), &r)?;
    }

    /// The cumulative sums of a resultaträkning (kommun and kommunalförbund layouts),
    /// two columns.
    #[test]
    fn income_statement_footing(
        a in prop::collection::vec(amount(), 8),
        b in prop::collection::vec(amount(), 8),
        forbund in any::<bool>(),
        r in rounding(),
    ) {
        let kind = if forbund { EntityKind::Kommunalforbund } else { EntityKind::Kommun };
        let layout = StatementLayout::new(kind, FinancialYear::new(2025));
        let (mut x, mut y) = (income(&a), income(&b));
        if forbund {
            // A kommunalförbund has no tax lines (the table refuses them).
            for s in [&mut x, &mut y] {
                s.tax_revenue = Amount::ZERO;
                s.general_grants = Amount::ZERO;
            }
        }
        let t = Table::income_statement("RS", Scale::Tkr, &layout,
            &[(Column::outcome("2025"), &x), (Column::prior_period("2024"), &y)]).unwrap();
        assert_foots(&t, &r)?;
    }

    /// The nested sums of a balansräkning (sums of sums, two top-level totals, memo
    /// lines outside any sum).
    #[test]
    fn balance_sheet_footing(a in prop::collection::vec(amount(), 21), r in rounding()) {
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let br = balance(&a);
        let t = Table::balance_sheet("BR", Scale::Tkr, &layout, &[(Column::outcome("2025"), &br)]).unwrap();
        assert_foots(&t, &r)?;
    }
}

#[test]
fn kommunalforbund_with_tax_revenue_is_refused() {
    let rs = IncomeStatement {
        tax_revenue: Amount::tkr(1),
        ..Default::default()
    };
    let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
    let err = Table::income_statement("RS", Scale::Tkr, &layout, &[(Column::outcome("2025"), &rs)])
        .unwrap_err()
        .to_string();
    assert!(err.contains("Skatteintäkter"), "{err}");
}

#[test]
fn footing_keeps_sums_at_their_rounded_value_when_lines_can_absorb() {
    // Verksamhetens nettokostnader −0,4 tkr, skatteintäkter 0,9 tkr: verksamhetens
    // resultat 0,5 rounds to 1, the nettokostnader to 0; the tax line takes the unit.
    let rs = IncomeStatement {
        operating_expenses: Amount::kr(-400),
        tax_revenue: Amount::kr(900),
        ..Default::default()
    };
    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    let t = Table::income_statement("RS", Scale::Kr, &layout, &[(Column::outcome("2025"), &rs)])
        .unwrap();
    let r = t.rounded(&Rounding::new(Scale::Tkr)).unwrap();
    let get = |id: &str| r.table.row(id).unwrap().cell(0).unwrap();
    assert_eq!(get("verksamhetens_nettokostnader"), Amount::ZERO);
    assert_eq!(get("skatteintakter"), Amount::tkr(1));
    assert_eq!(get("verksamhetens_resultat"), Amount::tkr(1));
    assert_eq!(get("arets_resultat"), Amount::tkr(1));
}
