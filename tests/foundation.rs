//! Foundation: money, periods, statements and ratios against published figures, and
//! property tests for the invariants.

use kommunal_redovisning::statement::{
    BalanceLine, Detail, IncomeLine, StatementLayout, StatementRowKind, check_result_agrees,
};
use kommunal_redovisning::{
    Amount, BalanceSheet, EntityKind, EquityReconciliation, Error, FinancialYear, IncomeStatement,
    NumberFormat, Percent, RoundingMode, Scale, ratio,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Grästorps kommun, resultaträkning (tkr), reference/domain.md §1.2.
fn grastorp_rs(year: i32) -> IncomeStatement {
    let (vi, vk, av, sk, gs, fi, fk) = match year {
        2019 => (101_282, -417_698, -14_879, 257_770, 86_552, 794, -1_778),
        2018 => (106_965, -419_995, -13_462, 251_162, 81_948, 1_035, -1_541),
        2017 => (123_412, -419_914, -14_037, 243_385, 81_204, 701, -1_632),
        _ => unreachable!(),
    };
    IncomeStatement {
        operating_revenue: Amount::tkr(vi),
        operating_expenses: Amount::tkr(vk),
        depreciation: Amount::tkr(av),
        tax_revenue: Amount::tkr(sk),
        general_grants: Amount::tkr(gs),
        financial_income: Amount::tkr(fi),
        financial_expenses: Amount::tkr(fk),
        ..Default::default()
    }
}

/// Grästorps kommun, balansräkning 31 december (tkr), reference/domain.md §1.3.
/// Eget kapital is split as the model wants it: årets resultat, RUR, and övrigt eget
/// kapital excluding both (EK at year end − result − RUR).
fn grastorp_br(year: i32) -> BalanceSheet {
    let col = match year {
        2020 => [
            2_158, 359_745, 12_671, 9_980, 5_040, 39_331, 48_969, 27_125, 13_500, 211_913, 7_094,
            7_059, 151_284, 100_544, 247_462, 131_313,
        ],
        2019 => [
            446, 294_144, 10_728, 9_980, 5_320, 34_153, 51_592, 12_043, 13_500, 184_788, 7_015,
            9_154, 122_876, 82_530, 227_225, 133_462,
        ],
        2018 => [
            461, 272_681, 10_548, 12_280, 5_600, 32_399, 64_369, 6_113, 12_500, 172_745, 6_258,
            8_658, 126_098, 84_579, 212_232, 134_056,
        ],
        _ => unreachable!(),
    };
    let t = |i: usize| Amount::tkr(col[i]);
    BalanceSheet {
        intangible_assets: t(0),
        land_and_buildings: t(1),
        machinery_and_equipment: t(2),
        financial_fixed_assets: t(3),
        infrastructure_contributions: t(4),
        receivables: t(5),
        cash_and_bank: t(6),
        result_for_the_year: t(7),
        result_reserve: t(8),
        other_equity: t(9).checked_sub(t(7)).unwrap().checked_sub(t(8)).unwrap(),
        pension_provisions: t(10),
        other_provisions: t(11),
        long_term_liabilities: t(12),
        current_liabilities: t(13),
        guarantees: t(14),
        pension_commitments_before_1998: t(15),
        ..Default::default()
    }
}

#[test]
fn grastorp_income_statements_reproduce_published_subtotals() {
    // (year, nettokostnader, verksamhetens resultat, resultat efter finansiella poster)
    for (year, vnk, vr, refp) in [
        (2019, -331_295, 13_027, 12_043),
        (2018, -326_492, 6_618, 6_112),
        (2017, -310_539, 14_050, 13_119),
    ] {
        let rs = grastorp_rs(year);
        assert_eq!(rs.net_operating_costs(), Amount::tkr(vnk), "{year}");
        assert_eq!(rs.operating_result(), Amount::tkr(vr), "{year}");
        assert_eq!(
            rs.result_after_financial_items(),
            Amount::tkr(refp),
            "{year}"
        );
        assert_eq!(rs.result_for_the_year(), Amount::tkr(refp), "{year}");
    }
}

#[test]
fn grastorp_balance_sheets_balance_and_reproduce_totals() {
    for (year, fixed, current, total, provisions, liabilities) in [
        (2020, 384_554, 88_300, 477_894, 14_153, 251_828),
        (2019, 315_298, 85_745, 406_363, 16_169, 205_406),
        (2018, 295_970, 96_768, 398_338, 14_916, 210_677),
    ] {
        let br = grastorp_br(year);
        br.validate().unwrap();
        assert_eq!(br.fixed_assets(), Amount::tkr(fixed), "{year}");
        assert_eq!(br.current_assets(), Amount::tkr(current), "{year}");
        assert_eq!(br.total_assets(), Amount::tkr(total), "{year}");
        assert_eq!(br.provisions(), Amount::tkr(provisions), "{year}");
        assert_eq!(br.liabilities(), Amount::tkr(liabilities), "{year}");
    }
}

#[test]
fn grastorp_published_inconsistency_2018_is_found() {
    // The resultaträkning prints årets resultat 2018 as 6 112, the balansräkning as 6 113.
    check_result_agrees(&grastorp_rs(2019), &grastorp_br(2019)).unwrap();
    match check_result_agrees(&grastorp_rs(2018), &grastorp_br(2018)) {
        Err(Error::Mismatch {
            left,
            right,
            difference,
            ..
        }) => {
            assert_eq!(left, Amount::tkr(6_112));
            assert_eq!(right, Amount::tkr(6_113));
            assert_eq!(difference, Amount::tkr(-1));
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
}

#[test]
fn grastorp_equity_movement() {
    // EK vid årets början 184 788 + årets resultat 27 125 = 211 913 (2020).
    EquityReconciliation::new(
        Amount::tkr(184_788),
        Amount::tkr(27_125),
        Amount::tkr(211_913),
    )
    .check()
    .unwrap();
    // 2019: 172 745 + 12 043 = 184 788.
    let opening = grastorp_br(2018).equity();
    let closing = grastorp_br(2019).equity();
    EquityReconciliation::new(opening, grastorp_rs(2019).result_for_the_year(), closing)
        .check()
        .unwrap();
    let wrong = EquityReconciliation::new(opening, Amount::tkr(12_000), closing);
    let msg = wrong.check().unwrap_err().to_string();
    assert!(
        msg.contains("eget kapital") && msg.contains("-43000.00"),
        "{msg}"
    );
}

#[test]
fn grastorp_breakdown_of_financial_fixed_assets() {
    let mut br = grastorp_br(2019);
    br.details.push(Detail::breakdown(
        BalanceLine::FinancialFixedAssets,
        "Aktier och andelar",
        Amount::tkr(8_880),
    ));
    br.details.push(Detail::breakdown(
        BalanceLine::FinancialFixedAssets,
        "Långfristiga fordringar",
        Amount::tkr(1_100),
    ));
    br.validate().unwrap();
    br.details[1].amount = Amount::tkr(1_000);
    assert!(matches!(br.validate(), Err(Error::Mismatch { .. })));
}

#[test]
fn kommunalforbund_rows_leave_out_tax_lines() {
    let rs = IncomeStatement {
        operating_revenue: Amount::tkr(40_000),
        operating_expenses: Amount::tkr(-36_000),
        depreciation: Amount::tkr(-1_500),
        financial_expenses: Amount::tkr(-352),
        ..Default::default()
    };
    let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
    let rows = rs.rows(&layout).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert!(!ids.contains(&IncomeLine::TaxRevenue.id()));
    assert!(!ids.contains(&"verksamhetens_resultat"));
    assert_eq!(rows.last().unwrap().amount, Some(Amount::tkr(2_148)));
    assert_eq!(rows.last().unwrap().kind, StatementRowKind::Total);
}

#[test]
fn label_overrides_and_notes_reach_the_rows() {
    let mut rs = grastorp_rs(2019);
    rs.notes.insert(IncomeLine::Depreciation, "3".into());
    rs.details.push(Detail::of_which(
        IncomeLine::OperatingExpenses,
        "varav jämförelsestörande poster",
        Amount::tkr(-2_000),
    ));
    let mut layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
    layout.labels.set("avskrivningar", "Av- och nedskrivningar");
    let rows = rs.rows(&layout).unwrap();
    let av = rows.iter().find(|r| r.id == "avskrivningar").unwrap();
    assert_eq!(av.label, "Av- och nedskrivningar");
    assert_eq!(av.note.as_deref(), Some("3"));
    let varav = rows
        .iter()
        .position(|r| r.kind == StatementRowKind::OfWhich)
        .unwrap();
    assert_eq!(rows[varav - 1].id, "verksamhetens_kostnader");
    assert_eq!(rows[varav].depth, 1);
}

#[test]
fn lystkom_soliditet_and_equity() {
    let sv1 = NumberFormat::swedish().with_decimals(1);
    let s25 = ratio::equity_ratio(Amount::tkr(8_521), Amount::tkr(36_631)).unwrap();
    let s24 = ratio::equity_ratio(Amount::tkr(6_373), Amount::tkr(29_663)).unwrap();
    assert_eq!(sv1.percent(s25), "23,3\u{a0}%");
    assert_eq!(sv1.percent(s24), "21,5\u{a0}%");
    EquityReconciliation::new(Amount::tkr(6_373), Amount::tkr(2_148), Amount::tkr(8_521))
        .check()
        .unwrap();
}

#[test]
fn lystkom_balance_sheet_rows_for_a_kommunalforbund() {
    let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
    let rows = BalanceSheet::default().rows(&layout).unwrap();
    assert!(rows.iter().any(|r| r.label == "Resultatreserv"));
    assert_eq!(
        rows.iter()
            .filter(|r| r.kind == StatementRowKind::Total)
            .count(),
        2
    );
}

#[cfg(feature = "serde")]
#[test]
fn statements_round_trip_through_json() {
    let mut rs = grastorp_rs(2019);
    rs.notes.insert(IncomeLine::OperatingRevenue, "1".into());
    let json = serde_json::to_string(&rs).unwrap();
    assert!(
        json.contains("\"operating_revenue\":\"101282000.00\""),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<IncomeStatement>(&json).unwrap(), rs);
    let br = grastorp_br(2020);
    let json = serde_json::to_string(&br).unwrap();
    assert_eq!(serde_json::from_str::<BalanceSheet>(&json).unwrap(), br);
    // A hand-written statement may leave posts out; a float is refused.
    let partial: IncomeStatement = serde_json::from_str(r#"{"operating_revenue":"5.00"}"#).unwrap();
    assert_eq!(partial.result_for_the_year(), Amount::kr(5));
    assert!(serde_json::from_str::<IncomeStatement>(r#"{"operating_revenue":5.5}"#).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn json_with_a_misspelled_field_is_refused_naming_the_field() {
    // A typo must never read as a silent zero.
    let err = serde_json::from_str::<IncomeStatement>(r#"{"operating_revnue":"1"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("operating_revnue"), "{err}");
    let err = serde_json::from_str::<BalanceSheet>(r#"{"cash_and_bank":"1","kassa":"2"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("kassa"), "{err}");
    // Amounts past the bound are refused on the way in.
    let err =
        serde_json::from_str::<IncomeStatement>(r#"{"operating_revenue":"100000000000000000000"}"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("är för stort"), "{err}");
}

// ---------------------------------------------------------------- property tests

fn amount() -> impl Strategy<Value = Amount> {
    // Öre precision, up to ±10^13 kr: far beyond any municipal figure.
    (-1_000_000_000_000_000i64..1_000_000_000_000_000i64)
        .prop_map(|ore| Amount::new(Decimal::new(ore, 2)).unwrap())
}

fn income_statement() -> impl Strategy<Value = IncomeStatement> {
    proptest::array::uniform8(amount()).prop_map(|a| IncomeStatement {
        operating_revenue: a[0],
        operating_expenses: a[1],
        depreciation: a[2],
        tax_revenue: a[3],
        general_grants: a[4],
        financial_income: a[5],
        financial_expenses: a[6],
        extraordinary_items: a[7],
        ..Default::default()
    })
}

fn balanced_sheet() -> impl Strategy<Value = BalanceSheet> {
    (proptest::collection::vec(amount(), 21)).prop_map(|v| {
        let mut br = BalanceSheet::default();
        for (line, a) in BalanceLine::ALL.iter().zip(v) {
            *br.amount_mut(*line) = a;
        }
        // Make it balance through övrigt eget kapital.
        let diff = br
            .total_assets()
            .checked_sub(br.total_equity_and_liabilities())
            .unwrap();
        br.other_equity = br.other_equity.checked_add(diff).unwrap();
        br
    })
}

fn sum(xs: &[Amount]) -> Amount {
    Amount::checked_sum(xs.iter().copied()).unwrap()
}

proptest! {
    #[test]
    fn income_subtotals_are_sums_of_their_lines(rs in income_statement()) {
        let lines: Vec<Amount> = IncomeLine::ALL.iter().map(|l| rs.amount(*l)).collect();
        prop_assert_eq!(rs.net_operating_costs(), sum(&lines[0..3]));
        prop_assert_eq!(rs.operating_result(), sum(&lines[0..5]));
        prop_assert_eq!(rs.result_after_financial_items(), sum(&lines[0..7]));
        prop_assert_eq!(rs.result_for_the_year(), sum(&lines));
        // The rows carry the same figures.
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let rows = rs.rows(&layout).unwrap();
        prop_assert_eq!(rows.last().unwrap().amount, Some(sum(&lines)));
    }

    #[test]
    fn balance_sums_are_sums_of_their_lines(br in balanced_sheet()) {
        let a = |ls: &[BalanceLine]| sum(&ls.iter().map(|l| br.amount(*l)).collect::<Vec<_>>());
        use BalanceLine as L;
        prop_assert_eq!(br.current_assets(), a(&[L::Inventories, L::Receivables, L::ShortTermInvestments, L::CashAndBank]));
        prop_assert_eq!(br.equity(), a(&[L::ResultForTheYear, L::ResultReserve, L::OtherEquity]));
        let memo_free: Vec<BalanceLine> = BalanceLine::ALL.iter().copied().filter(|l| !l.is_memo()).collect();
        let assets = a(&memo_free[..10]);
        prop_assert_eq!(br.total_assets(), assets);
        prop_assert_eq!(br.total_equity_and_liabilities(), a(&memo_free[10..]));
    }

    #[test]
    fn a_balanced_sheet_validates_and_any_single_change_fails_with_that_difference(
        br in balanced_sheet(),
        index in 0usize..17,
        delta in amount().prop_filter("non-zero", |a| !a.is_zero()),
    ) {
        br.validate().unwrap();
        let line = BalanceLine::ALL.iter().copied().filter(|l| !l.is_memo()).nth(index).unwrap();
        let mut changed = br.clone();
        let slot = changed.amount_mut(line);
        *slot = slot.checked_add(delta).unwrap();
        let is_asset = index < 10;
        match changed.validate() {
            Err(Error::Unbalanced { difference, .. }) => {
                prop_assert_eq!(difference, if is_asset { delta } else { -delta });
            }
            other => prop_assert!(false, "expected Unbalanced, got {:?}", other),
        }
    }

    #[test]
    fn memo_lines_never_affect_the_balance(br in balanced_sheet(), delta in amount()) {
        let mut changed = br.clone();
        changed.guarantees = delta;
        changed.pension_commitments_before_1998 = delta;
        changed.validate().unwrap();
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trips_are_lossless(rs in income_statement(), br in balanced_sheet()) {
        let back: IncomeStatement = serde_json::from_str(&serde_json::to_string(&rs).unwrap()).unwrap();
        prop_assert_eq!(back, rs);
        let back: BalanceSheet = serde_json::from_str(&serde_json::to_string(&br).unwrap()).unwrap();
        prop_assert_eq!(back, br);
    }

    #[test]
    fn amount_text_round_trips(ore in any::<i64>(), scale in 0u32..6) {
        let a = Amount::new(Decimal::new(ore, scale)).unwrap();
        prop_assert_eq!(a.to_string().parse::<Amount>().unwrap(), a);
    }

    #[test]
    fn overflow_is_an_error_never_a_panic(a in any::<i64>(), b in any::<i64>(), s in 0u32..28) {
        // i64 × 10^12 still fits the 96-bit mantissa (< 2^103 is not guaranteed, so cap).
        let big = Decimal::try_from_i128_with_scale(i128::from(a) * 1_000_000_000, s.min(10))
            .unwrap_or(Decimal::MAX);
        // Amounts enter only within ±Amount::MAX.
        let in_range = big.abs() <= Amount::MAX.as_decimal();
        prop_assert_eq!(Amount::new(big).is_ok(), in_range);
        let big = Amount::new(big).unwrap_or(Amount::MAX);
        let other = Amount::new(Decimal::from_i128_with_scale(i128::from(b), s)).unwrap();
        let _ = big.checked_add(other);
        let _ = big.checked_mul(other.as_decimal());
        let _ = big.checked_ratio(other, "x");
        let _ = Amount::checked_sum([Amount::MAX, big, other]);
        let _ = Percent::of(big, other, "x");
        let _ = big.round_to(Scale::Mnkr, s, RoundingMode::HalfEven);
        prop_assert!(Amount::MAX.checked_add(Amount::kr(1)).is_err());
    }

    #[test]
    fn swedish_format_round_trips_to_the_rounded_value(ore in any::<i64>(), decimals in 0u32..4) {
        let value = Decimal::new(ore, 2);
        let text = NumberFormat::swedish().with_decimals(decimals).decimal(value);
        let machine: String = text
            .chars()
            .filter(|c| *c != '\u{a0}')
            .map(|c| match c { '\u{2212}' => '-', ',' => '.', c => c })
            .collect();
        let parsed: Decimal = machine.parse().unwrap();
        prop_assert_eq!(parsed, RoundingMode::HalfAwayFromZero.round(value, decimals));
    }
}

#[test]
fn statement_sums_at_the_bound_are_exact() {
    // Every post at the bound: the derived sums are exact (no overflow, no panic),
    // because amounts enter only within ±Amount::MAX.
    let rs = IncomeStatement {
        operating_revenue: Amount::MAX,
        tax_revenue: Amount::MAX,
        general_grants: Amount::MAX,
        ..Default::default()
    };
    assert_eq!(rs.net_operating_costs(), Amount::MAX);
    let three = Amount::MAX + Amount::MAX + Amount::MAX;
    assert_eq!(rs.result_for_the_year(), three);
    assert_eq!(
        three.checked_sub(Amount::MAX),
        Err(Error::Overflow {
            operation: "subtraction"
        })
    );
    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    assert!(rs.rows(&layout).is_ok());
    let br = BalanceSheet {
        cash_and_bank: Amount::MAX,
        receivables: Amount::MAX,
        ..Default::default()
    };
    assert!(matches!(br.validate(), Err(Error::Unbalanced { .. })));
    assert_eq!(br.total_assets(), Amount::MAX + Amount::MAX);
}
