//! Kommunkoncern (LKBR 12 kap.): property tests of the consolidation's invariants,
//! bad input refused with messages that name the part, serde, findings, tables.
//! All figures are invented.

#![allow(clippy::inconsistent_digit_grouping)] // amounts in öre, grouped kronor_öre

use kommunal_redovisning::group::{
    AcquisitionAnalysis, CompanyBalanceSheet, CompanyIncomeStatement, Consolidation,
    ConsolidationMethod, Group, GroupFinding, GroupPart, Holding, InternalKind,
    InternalTransaction, Owner, PartAccounts, PartKind, Target,
};
use kommunal_redovisning::statement::{BalanceLine, BalanceSheet, BalanceSum, StatementLayout};
use kommunal_redovisning::{
    Amount, Entity, EntityKind, Error, FinancialYear, IncomeStatement, Percent, Scale,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn tkr(v: i64) -> Amount {
    Amount::tkr(v)
}

fn kr(ore: i64) -> Amount {
    Amount::new(Decimal::new(ore, 2)).unwrap()
}

fn pct(v: i64) -> Percent {
    Percent::new(v.into())
}

/// A balanced LKBR balance sheet whose årets resultat is `result`.
fn lkbr_balance(assets: [i64; 4], claims: [i64; 3], result: Amount) -> BalanceSheet {
    let mut b = BalanceSheet {
        land_and_buildings: kr(assets[0]),
        financial_fixed_assets: kr(assets[1]),
        receivables: kr(assets[2]),
        cash_and_bank: kr(assets[3]),
        result_for_the_year: result,
        other_provisions: kr(claims[0]),
        long_term_liabilities: kr(claims[1]),
        current_liabilities: kr(claims[2]),
        ..Default::default()
    };
    let assets = b.total_assets();
    let rest = b.total_equity_and_liabilities();
    b.other_equity = assets.checked_sub(rest).unwrap();
    b
}

fn lkbr_income(v: [i64; 5]) -> IncomeStatement {
    IncomeStatement {
        operating_revenue: kr(v[0].abs()),
        operating_expenses: kr(-v[1].abs()),
        depreciation: kr(-v[2].abs()),
        financial_income: kr(v[3].abs()),
        financial_expenses: kr(-v[4].abs()),
        ..Default::default()
    }
}

fn company(
    v: [i64; 5],
    appropriations: i64,
    assets: [i64; 4],
    claims: [i64; 3],
    untaxed: i64,
) -> PartAccounts {
    let income = CompanyIncomeStatement {
        net_sales: kr(v[0].abs()),
        other_external_costs: kr(-v[1].abs()),
        depreciation: kr(-v[2].abs()),
        financial_income: kr(v[3].abs()),
        interest_expenses: kr(-v[4].abs()),
        appropriations: kr(appropriations),
        tax: kr(-v[0].abs() / 50),
        ..Default::default()
    };
    let mut balance = CompanyBalanceSheet {
        buildings_and_land: kr(assets[0]),
        financial_fixed_assets: kr(assets[1]),
        receivables: kr(assets[2]),
        cash_and_bank: kr(assets[3]),
        result_for_the_year: income.result_for_the_year(),
        untaxed_reserves: kr(untaxed),
        other_provisions: kr(claims[0]),
        long_term_liabilities: kr(claims[1]),
        current_liabilities: kr(claims[2]),
        share_capital: kr(10_000_00),
        ..Default::default()
    };
    let gap = balance
        .total_assets()
        .checked_sub(balance.total_equity_and_liabilities())
        .unwrap();
    balance.retained_earnings = gap;
    balance.validate().unwrap();
    PartAccounts::Company { income, balance }
}

fn lkbr(v: [i64; 5], assets: [i64; 4], claims: [i64; 3]) -> PartAccounts {
    let income = lkbr_income(v);
    let result = income.result_for_the_year();
    PartAccounts::Lkbr {
        income,
        balance: lkbr_balance(assets, claims, result),
    }
}

fn kommun_group(parts: Vec<GroupPart>) -> Group {
    let income = lkbr_income([500_000_00, 400_000_00, 50_000_00, 1_000_00, 2_000_00]);
    let result = income.result_for_the_year();
    let balance = lkbr_balance(
        [900_000_00, 120_000_00, 40_000_00, 30_000_00],
        [10_000_00, 300_000_00, 90_000_00],
        result,
    );
    let mut g = Group::new(
        Entity::new("Provkommun", EntityKind::Kommun),
        FinancialYear::new(2025),
        income,
        balance,
    );
    g.parts = parts;
    g
}

const AMOUNT: std::ops::Range<i64> = 0..5_000_000_00;

fn amounts<const N: usize>() -> impl Strategy<Value = [i64; N]> {
    proptest::array::uniform(AMOUNT)
}

fn kinds() -> impl Strategy<Value = InternalKind> {
    prop_oneof![
        Just(InternalKind::ReceivablePayable),
        Just(InternalKind::LongTermLoan),
        Just(InternalKind::RevenueCost),
        Just(InternalKind::Interest),
        Just(InternalKind::Dividend),
        Just(InternalKind::GroupContribution),
        Just(InternalKind::InternalGain {
            asset: BalanceLine::LandAndBuildings
        }),
    ]
}

#[derive(Debug, Clone)]
struct Spec {
    group: Group,
}

prop_compose! {
    fn part_spec(index: usize)(
        is_company in any::<bool>(),
        v in amounts::<5>(),
        assets in amounts::<4>(),
        claims in amounts::<3>(),
        appropriations in -1_000_000_00_i64..1_000_000_00,
        untaxed in 0_i64..3_000_000_00,
        share in 1_i64..=100,
        owner_pick in 0_usize..8,
    ) -> GroupPart {
        let owner = if index == 0 || owner_pick % 2 == 0 {
            Owner::Kommun
        } else {
            Owner::Part(format!("p{}", owner_pick % index))
        };
        let accounts = if is_company {
            company(v, appropriations, assets, claims, untaxed)
        } else {
            lkbr(v, assets, claims)
        };
        let kind = if is_company { PartKind::Aktiebolag } else { PartKind::Kommunalforbund };
        GroupPart::new(format!("p{index}"), format!("Del {index}"), kind,
            vec![Holding::new(owner, pct(share))], accounts)
    }
}

fn parts() -> impl Strategy<Value = Vec<GroupPart>> {
    (0_usize..5).prop_flat_map(|n| (0..n).map(part_spec).collect::<Vec<_>>())
}

prop_compose! {
    fn spec()(ps in parts())(
        internal in proptest::collection::vec((kinds(), 0_usize..6, 0_usize..6, 0_i64..200_000_00, 0_i64..200_000_00), 0..8),
        acquisitions in proptest::collection::vec((0_i64..100_000_00, 0_i64..100_000_00), ps.len()),
        ps in Just(ps),
    ) -> Spec {
        let n = ps.len();
        let party = |i: usize| if n == 0 || i % (n + 1) == n { Owner::Kommun } else { Owner::Part(format!("p{}", i % (n + 1))) };
        let mut group = kommun_group(ps.clone());
        group.internal = internal
            .into_iter()
            .filter_map(|(kind, a, b, x, y)| {
                let (first, second) = (party(a), party(b));
                (first != second).then(|| InternalTransaction {
                    kind, first, second, first_amount: kr(x), second_amount: kr(y), description: String::new(),
                })
            })
            .collect();
        group.acquisitions = ps
            .iter()
            .zip(acquisitions)
            .map(|(p, (cost, equity))| AcquisitionAnalysis::new(p.id.clone(), p.holdings[0].owner.clone(), kr(cost), kr(equity)))
            .collect();
        Spec { group }
    }
}

fn is_asset(l: BalanceLine) -> bool {
    BalanceSheet::lines_of(BalanceSum::TotalAssets).contains(&l)
}

fn is_claim(l: BalanceLine) -> bool {
    BalanceSheet::lines_of(BalanceSum::TotalEquityAndLiabilities).contains(&l)
}

fn sum(v: impl IntoIterator<Item = Amount>) -> Amount {
    Amount::checked_sum(v).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Each elimination nets to zero: the balance-sheet entries change assets and
    /// claims by the same amount, and the income entries change årets resultat by what
    /// the balance entries change the årets resultat post.
    #[test]
    fn eliminations_net_to_zero_on_both_sides(s in spec(), full in any::<bool>()) {
        let mut g = s.group;
        if full { g.settings.method = ConsolidationMethod::Full; }
        let c = g.consolidate().unwrap();
        for e in &c.eliminations {
            let balance = |f: fn(BalanceLine) -> bool| sum(e.entries.iter().filter_map(|x| match x.target {
                Target::Balance(l) if f(l) => Some(x.amount), _ => None }));
            prop_assert_eq!(balance(is_asset), balance(is_claim), "{}", e.description);
            let income = sum(e.entries.iter().filter_map(|x| match x.target {
                Target::Income(_) | Target::Tax => Some(x.amount), _ => None }));
            let result_post = sum(e.entries.iter().filter_map(|x| match x.target {
                Target::Balance(BalanceLine::ResultForTheYear) => Some(x.amount), _ => None }));
            prop_assert_eq!(income, result_post, "{}", e.description);
        }
    }

    /// Balanced parts give a balanced koncern whose årets resultat agrees in both
    /// statements, under either method.
    #[test]
    fn koncern_balance_sheet_balances(s in spec(), full in any::<bool>()) {
        let mut g = s.group;
        if full { g.settings.method = ConsolidationMethod::Full; }
        let c = g.consolidate().unwrap();
        c.balance.validate().unwrap();
        prop_assert_eq!(c.income.result_for_the_year(), c.balance.result_for_the_year);
        let bad = c.findings.iter().any(|f| {
            matches!(f, GroupFinding::Unbalanced { .. } | GroupFinding::ResultDisagrees { .. })
        });
        prop_assert!(!bad, "{:?}", c.findings);
    }

    /// Proportional: koncernens årets resultat = Σ share × each party's result (in the
    /// LKBR layout, i.e. after the bokslutsdispositioner mapping) − internal gains −
    /// internal dividends eliminated.
    #[test]
    fn koncern_result_is_shares_of_results_minus_internal_gains(s in spec()) {
        let c = s.group.consolidate().unwrap();
        let shares = sum(c.contributions.iter().map(|x| x.income.result_for_the_year()));
        let removed = sum(c.eliminations.iter().filter(|e| {
            e.description.starts_with("internvinst") || e.description.starts_with("intern utdelning")
        }).map(|e| e.used));
        prop_assert_eq!(c.income.result_for_the_year(), shares.checked_sub(removed).unwrap());
        // … and each contribution is the part's mapped result × its share.
        for (x, p) in c.contributions.iter().skip(1).zip(&s.group.parts) {
            let mapped = match &p.accounts {
                PartAccounts::Lkbr { income, .. } => income.result_for_the_year(),
                PartAccounts::Company { income, .. } => {
                    let rate = Decimal::new(206, 3);
                    income.result_for_the_year()
                        .checked_sub(income.appropriations.checked_mul(Decimal::ONE - rate).unwrap()).unwrap()
                }
            };
            prop_assert_eq!(x.income.result_for_the_year(), mapped.checked_mul(x.factor).unwrap());
        }
    }

    /// The order of the parts (and of the internal items) does not change the koncern.
    #[test]
    fn order_of_parts_does_not_matter(s in spec(), seed in any::<u64>()) {
        let c = s.group.consolidate().unwrap();
        let mut g = s.group.clone();
        let n = g.parts.len();
        if n > 1 {
            let k = usize::try_from(seed % n as u64).unwrap();
            g.parts.rotate_left(k);
            g.parts.reverse();
        }
        g.internal.reverse();
        g.acquisitions.reverse();
        let d = g.consolidate().unwrap();
        prop_assert_eq!(&c.income, &d.income);
        prop_assert_eq!(&c.balance, &d.balance);
    }

    /// Every row of the consolidation table: koncern = Σ the parties' columns +
    /// eliminations (exact, before presentation rounding).
    #[test]
    fn consolidation_table_adds_across(s in spec()) {
        let c = s.group.consolidate().unwrap();
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        for t in [c.income_table(&layout, Scale::Tkr).unwrap(), c.balance_table(&layout, Scale::Tkr).unwrap()] {
            for row in &t.rows {
                let (last, rest) = row.cells.split_last().unwrap();
                if let Some(total) = last {
                    prop_assert_eq!(*total, sum(rest.iter().map(|x| x.unwrap_or(Amount::ZERO))), "{}", row.id);
                }
            }
        }
    }
}

fn small_part(id: &str, owner: Owner, share: i64) -> GroupPart {
    GroupPart::new(
        id,
        format!("Bolaget {id}"),
        PartKind::Aktiebolag,
        vec![Holding::new(owner, pct(share))],
        lkbr([100_00, 50_00, 0, 0, 0], [100_00, 0, 0, 0], [0, 0, 0]),
    )
}

fn refusal(g: &Group) -> String {
    match g.consolidate() {
        Err(e @ Error::Refused { .. }) => e.sv().to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn share_above_100_is_refused_naming_the_part() {
    let g = kommun_group(vec![small_part("a", Owner::Kommun, 120)]);
    let m = refusal(&g);
    assert!(
        m.contains("Bolaget a") && m.contains("ägarandelen 120\u{a0}% för"),
        "{m}"
    );
    assert!(m.ends_with("ligger utanför 0–100 %"), "{m}");
}

#[test]
fn self_ownership_is_refused() {
    let g = kommun_group(vec![small_part("a", Owner::Part("a".into()), 50)]);
    let m = refusal(&g);
    assert!(m.contains("Bolaget a") && m.contains("sig självt"), "{m}");
}

#[test]
fn cycle_of_holdings_is_refused_naming_the_chain() {
    let g = kommun_group(vec![
        small_part("a", Owner::Part("b".into()), 50),
        small_part("b", Owner::Part("a".into()), 50),
    ]);
    let m = refusal(&g);
    assert!(
        m.contains("cirkel") && m.contains("Bolaget a") && m.contains("Bolaget b"),
        "{m}"
    );
}

#[test]
fn currency_other_than_sek_is_refused() {
    let mut p = small_part("a", Owner::Kommun, 100);
    p.currency = "EUR".into();
    let m = refusal(&kommun_group(vec![p]));
    assert!(m.contains("Bolaget a") && m.contains("EUR"), "{m}");
}

#[test]
fn holdings_summing_above_100_are_refused() {
    let mut p = small_part("a", Owner::Kommun, 60);
    p.holdings
        .push(Holding::new(Owner::Part("b".into()), pct(50)));
    let g = kommun_group(vec![p, small_part("b", Owner::Kommun, 100)]);
    let m = refusal(&g);
    assert!(
        m.contains("Bolaget a") && m.contains("summerar till 110\u{a0}% av kapitalet"),
        "{m}"
    );
}

#[test]
fn included_part_under_a_left_out_owner_is_refused() {
    let owner = small_part("a", Owner::Kommun, 100).left_out("oväsentlig");
    let g = kommun_group(vec![owner, small_part("b", Owner::Part("a".into()), 100)]);
    let m = refusal(&g);
    assert!(m.contains("Bolaget b") && m.contains("Bolaget a"), "{m}");
}

#[test]
fn unbalanced_part_is_refused() {
    let mut p = small_part("a", Owner::Kommun, 100);
    if let PartAccounts::Lkbr { balance, .. } = &mut p.accounts {
        balance.cash_and_bank = tkr(1);
    }
    let m = refusal(&kommun_group(vec![p]));
    assert!(
        m.contains("Bolaget a") && m.contains("balanserar inte"),
        "{m}"
    );
}

#[test]
fn unknown_party_of_an_internal_item_is_refused() {
    let mut g = kommun_group(vec![small_part("a", Owner::Kommun, 100)]);
    g.internal.push(InternalTransaction::agreed(
        InternalKind::RevenueCost,
        Owner::Part("x".into()),
        Owner::Kommun,
        tkr(1),
        "",
    ));
    assert!(refusal(&g).contains("\"x\""));
}

#[test]
fn mismatch_is_a_finding_with_both_parties_and_amounts() {
    let mut g = kommun_group(vec![small_part("a", Owner::Kommun, 100)]);
    g.internal.push(InternalTransaction {
        kind: InternalKind::ReceivablePayable,
        first: Owner::Part("a".into()),
        second: Owner::Kommun,
        first_amount: tkr(1_200),
        second_amount: tkr(1_000),
        description: "hyra".into(),
    });
    g.settings.mismatch_rule = kommunal_redovisning::group::MismatchRule::SecondParty;
    let c = g.consolidate().unwrap();
    let f = c
        .findings
        .iter()
        .find(|f| matches!(f, GroupFinding::BalanceMismatch { .. }))
        .unwrap();
    let m = f.message(Scale::Tkr);
    assert!(m.contains("Bolaget a") && m.contains("Provkommun"), "{m}");
    assert!(
        m.contains("1\u{a0}200 tkr") && m.contains("1\u{a0}000 tkr") && m.contains("200 tkr"),
        "{m}"
    );
    assert_eq!(c.eliminations[0].used, tkr(1_000));
}

/// Regression: a dividend from a 60 % company is eliminated in full (the receiver's
/// share), not at 60 % of what the kommun received.
#[test]
fn dividend_is_eliminated_at_the_receivers_share() {
    let mut g = kommun_group(vec![small_part("e", Owner::Kommun, 60)]);
    g.internal.push(InternalTransaction::agreed(
        InternalKind::Dividend,
        Owner::Kommun,
        Owner::Part("e".into()),
        tkr(3_000),
        "",
    ));
    let c = g.consolidate().unwrap();
    assert_eq!(c.eliminations[0].used, tkr(3_000));
}

#[test]
fn revenue_with_a_partly_owned_part_is_eliminated_at_its_share() {
    let mut g = kommun_group(vec![small_part("f", Owner::Kommun, 30)]);
    g.internal.push(InternalTransaction::agreed(
        InternalKind::RevenueCost,
        Owner::Part("f".into()),
        Owner::Kommun,
        tkr(15_000),
        "medlemsbidrag",
    ));
    let c = g.consolidate().unwrap();
    assert_eq!(c.eliminations[0].used, tkr(4_500));
}

#[test]
fn full_consolidation_shows_the_minority() {
    let mut g = kommun_group(vec![small_part("e", Owner::Kommun, 60)]);
    g.settings.method = ConsolidationMethod::Full;
    let c = g.consolidate().unwrap();
    let e = &c.contributions[1];
    assert_eq!(e.factor, Decimal::ONE);
    // The part's result 50 tkr at 100 %, of which 40 % to the minority.
    assert_eq!(c.income.minority_share, kr(20_00));
    assert!(
        c.balance
            .details
            .iter()
            .any(|d| d.label.contains("minoritet"))
    );
    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    assert!(
        c.income
            .rows(&layout)
            .unwrap()
            .iter()
            .any(|r| r.label.contains("minoritetens"))
    );
}

#[test]
fn indirect_holdings_multiply() {
    let g = kommun_group(vec![
        small_part("a", Owner::Kommun, 60),
        small_part("b", Owner::Part("a".into()), 50),
    ]);
    let c = g.consolidate().unwrap();
    assert_eq!(c.contributions[2].effective_share, pct(30));
    assert_eq!(c.contributions[2].factor, Decimal::new(3, 1));
}

#[test]
fn missing_acquisition_analysis_and_weak_influence_are_findings() {
    let g = kommun_group(vec![small_part("a", Owner::Kommun, 10)]);
    let c = g.consolidate().unwrap();
    assert!(
        c.findings
            .iter()
            .any(|f| matches!(f, GroupFinding::NoAcquisitionAnalysis { .. }))
    );
    let weak = c
        .findings
        .iter()
        .find(|f| matches!(f, GroupFinding::NotAGroupCompany { .. }))
        .unwrap();
    assert!(weak.message(Scale::Tkr).contains("10\u{a0}%"));
}

#[test]
fn kommun_pension_rule_in_a_company_is_a_finding() {
    let mut p = small_part("a", Owner::Kommun, 100);
    if let PartAccounts::Lkbr { balance, .. } = &mut p.accounts {
        balance.pension_commitments_before_1998 = tkr(7);
    }
    let c = kommun_group(vec![p]).consolidate().unwrap();
    let f = c
        .findings
        .iter()
        .find(|f| matches!(f, GroupFinding::KommunPensionRuleInCompany { .. }))
        .unwrap();
    assert!(f.message(Scale::Tkr).contains("12 kap. 6 §"));
}

#[test]
fn cash_flow_missing_is_a_finding_not_a_silent_gap() {
    let c = kommun_group(vec![small_part("a", Owner::Kommun, 100)])
        .consolidate()
        .unwrap();
    assert!(c.cash_flow.is_none());
    assert!(
        c.findings
            .iter()
            .any(|f| matches!(f, GroupFinding::CashFlowMissing { .. }))
    );
}

#[cfg(feature = "serde")]
#[test]
fn group_and_consolidation_round_trip_through_json() {
    let mut g = kommun_group(vec![
        small_part("a", Owner::Kommun, 100),
        GroupPart::new(
            "c",
            "Bolaget c",
            PartKind::Aktiebolag,
            vec![Holding::new(Owner::Part("a".into()), pct(100))],
            company(
                [100_00, 50_00, 0, 0, 0],
                -10_00,
                [500_00, 0, 0, 0],
                [0, 0, 0],
                40_00,
            ),
        ),
    ]);
    g.internal.push(InternalTransaction::agreed(
        InternalKind::InternalGain {
            asset: BalanceLine::LandAndBuildings,
        },
        Owner::Kommun,
        Owner::Part("a".into()),
        tkr(1),
        "mark",
    ));
    let json = serde_json::to_string(&g).unwrap();
    assert!(json.contains("\"first_amount\":\"1000.00\""), "{json}");
    let back: Group = serde_json::from_str(&json).unwrap();
    assert_eq!(back, g);
    let c = g.consolidate().unwrap();
    let cj = serde_json::to_string(&c).unwrap();
    let c2: Consolidation = serde_json::from_str(&cj).unwrap();
    assert_eq!(c2, c);
    // Unknown fields in input are refused.
    let bad = json.replacen("\"parts\"", "\"delar\":[],\"parts\"", 1);
    assert!(serde_json::from_str::<Group>(&bad).is_err());
}

mod reports {
    use super::*;
    use kommunal_redovisning::group::GroupAccounts;
    use kommunal_redovisning::report::{
        AnnualReport, Block, Document, InterimReport, ReportFindingKind,
    };
    use kommunal_redovisning::statement::CashFlowSection;
    use kommunal_redovisning::{CashFlowStatement, NumberFormat, Period, Table};

    fn group_with_cash_flows() -> Group {
        let mut g = kommun_group(vec![small_part("a", Owner::Kommun, 100)]);
        let mut kf = CashFlowStatement::new(kr(49_000_00), kr(20_000_00), kr(30_000_00));
        kf.push(
            CashFlowSection::Adjustments,
            "Justering för av- och nedskrivningar",
            kr(50_000_00),
        )
        .push(
            CashFlowSection::Investing,
            "Investering i materiella anläggningstillgångar",
            kr(-89_000_00),
        );
        kf.validate().unwrap();
        g.cash_flow = Some(kf);
        let mut pk = CashFlowStatement::new(kr(50_00), Amount::ZERO, Amount::ZERO);
        pk.push(
            CashFlowSection::WorkingCapital,
            "Förändring av rörelsekapital",
            kr(-50_00),
        );
        g.parts[0].cash_flow = Some(pk);
        g.acquisitions.push(AcquisitionAnalysis::new(
            "a",
            Owner::Kommun,
            Amount::ZERO,
            Amount::ZERO,
        ));
        g
    }

    fn table_in<'a>(doc: &'a Document, number: &str) -> &'a Table {
        doc.sections
            .iter()
            .find(|s| s.number == number)
            .and_then(|s| {
                s.blocks.iter().find_map(|b| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                })
            })
            .unwrap()
    }

    #[test]
    fn interim_report_has_kommun_and_koncern_columns_side_by_side() {
        let g = group_with_cash_flows();
        let c = g.consolidate().unwrap();
        let mut r = InterimReport::new(
            g.kommun.clone(),
            Period::year_to_month_end(2025, 8).unwrap(),
        );
        r.income_statement = Some(g.income.clone());
        r.income_statement_comparison = Some(g.income.clone());
        r.balance_sheet = Some(g.balance.clone());
        let mut ga = GroupAccounts::new(c.clone());
        ga.income_comparison = Some(c.income.clone());
        r.group = Some(ga);
        let doc = r.document().unwrap();
        let rs = table_in(&doc, "2.1");
        let headers: Vec<&str> = rs.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(headers.len(), 4, "{headers:?}");
        assert!(
            headers[0].starts_with("Kommunen") && headers[2].starts_with("Koncernen"),
            "{headers:?}"
        );
        let br = table_in(&doc, "2.2");
        assert_eq!(br.columns.len(), 2);
        assert!(br.ratios.iter().any(|r| r.label == "Soliditet"));
        assert!(
            doc.sections
                .iter()
                .any(|s| s.title == "Sammanställda räkenskaper")
        );
        // Every renderer prints the koncern columns.
        let sv = NumberFormat::swedish();
        assert!(rs.to_text(&sv).contains("Koncernen"));
        assert!(rs.to_csv(',').lines().next().unwrap().contains("Koncernen"));
        assert!(r.to_markdown().unwrap().contains("Koncernen"));
        assert!(r.to_html().unwrap().contains("Koncernen"));
        // The koncern ties to the kommun's own statements.
        let f = r.check_consistency().unwrap();
        let ties: Vec<_> = f
            .iter()
            .filter(|f| f.part == "sammanställda räkenskaper")
            .collect();
        assert!(
            ties.iter()
                .any(|f| f.kind == ReportFindingKind::Info && f.message.contains("stämmer")),
            "{ties:?}"
        );
        assert!(
            !ties
                .iter()
                .any(|f| f.kind == ReportFindingKind::Inconsistent),
            "{ties:?}"
        );
    }

    #[test]
    fn a_koncern_that_does_not_tie_to_the_kommun_is_inconsistent() {
        let g = group_with_cash_flows();
        let c = g.consolidate().unwrap();
        let mut r = InterimReport::new(
            g.kommun.clone(),
            Period::year_to_month_end(2025, 8).unwrap(),
        );
        let mut other = g.income.clone();
        other.operating_revenue = other.operating_revenue.checked_add(tkr(1)).unwrap();
        r.income_statement = Some(other);
        r.group = Some(GroupAccounts::new(c));
        let f = r.check_consistency().unwrap();
        assert!(
            f.iter().any(|f| f.kind == ReportFindingKind::Inconsistent
                && f.message.contains("årets resultat"))
        );
    }

    #[test]
    fn annual_report_carries_the_koncern_cash_flow_and_section() {
        let g = group_with_cash_flows();
        let c = g.consolidate().unwrap();
        assert!(c.cash_flow.is_some(), "{:?}", c.findings);
        let mut r = AnnualReport::new(g.kommun.clone(), g.year);
        r.income_statement = Some(g.income.clone());
        r.balance_sheet = Some(g.balance.clone());
        r.cash_flow = g.cash_flow.clone();
        r.group = Some(GroupAccounts::new(c));
        let doc = r.document().unwrap();
        let kf = table_in(&doc, "2.3");
        assert!(kf.columns.iter().any(|c| c.label.starts_with("Koncernen")));
        assert!(doc.sections.iter().any(|s| s.number == "2.7"));
        assert!(
            r.to_markdown()
                .unwrap()
                .contains("Sammanställning av balansräkningen")
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn reports_without_a_koncern_still_read() {
        let r = InterimReport::new(
            Entity::new("Provkommun", EntityKind::Kommun),
            Period::year_to_month_end(2025, 8).unwrap(),
        );
        let mut v: serde_json::Value = serde_json::to_value(&r).unwrap();
        v.as_object_mut().unwrap().remove("group");
        let back: InterimReport = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
        let a = AnnualReport::new(
            Entity::new("Provkommun", EntityKind::Kommun),
            FinancialYear::new(2025),
        );
        let mut v: serde_json::Value = serde_json::to_value(&a).unwrap();
        v.as_object_mut().unwrap().remove("group");
        let back: AnnualReport = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }
}

/// Full consolidation: control through the kommun and a controlled part together
/// (30 % + 30 % of the votes) makes a dotterföretag, consolidated at 100 %.
#[test]
fn control_adds_up_over_controlled_owners() {
    let mut b = small_part("b", Owner::Kommun, 30);
    b.holdings
        .push(Holding::new(Owner::Part("a".into()), pct(30)));
    let mut g = kommun_group(vec![small_part("a", Owner::Kommun, 100), b]);
    g.settings.method = ConsolidationMethod::Full;
    let c = g.consolidate().unwrap();
    assert_eq!(c.contributions[2].factor, Decimal::ONE);
    assert_eq!(c.contributions[2].effective_share, pct(60));
    g.settings.method = ConsolidationMethod::Proportional;
    let c = g.consolidate().unwrap();
    assert_eq!(c.contributions[2].factor, Decimal::new(6, 1));
}

/// Real figures: LKAB's notes split periodiseringsfonder at the year's bolagsskatt —
/// 2016: 153,2 mnkr × 22 % = 33,7 mnkr uppskjuten skatt
/// (<https://lkf.inpublix.com/2016/not-21/>); 2017: 141 mnkr × 22 % = 31 mnkr
/// (<https://lkf.inpublix.com/2017/not-26/>). The rate comes from the table by year.
#[test]
fn untaxed_reserves_split_at_the_years_rate_lkab() {
    use kommunal_redovisning::group::{CompanyMapping, CorporateTaxRates};
    use kommunal_redovisning::{RoundingMode, Scale};
    let rates = CorporateTaxRates::default();
    for (year, reserves_hundred_kr, expected_tenth_mnkr) in [(2016, 1_532, 337), (2017, 1_410, 310)]
    {
        let rate = rates.rate(FinancialYear::new(year)).unwrap();
        assert_eq!(rate, pct(22));
        let reserves =
            Amount::from_scaled(Decimal::new(reserves_hundred_kr, 1), Scale::Mnkr).unwrap();
        let balance = CompanyBalanceSheet {
            cash_and_bank: reserves,
            untaxed_reserves: reserves,
            ..Default::default()
        };
        let (_, br) = CompanyMapping::default()
            .map(&CompanyIncomeStatement::default(), &balance, rate)
            .unwrap();
        let deferred = br
            .other_provisions
            .round_to(Scale::Mnkr, 1, RoundingMode::HalfAwayFromZero)
            .unwrap();
        assert_eq!(
            deferred,
            Amount::from_scaled(Decimal::new(expected_tenth_mnkr, 1), Scale::Mnkr).unwrap()
        );
        assert_eq!(br.other_equity + br.other_provisions, reserves);
        br.validate().unwrap();
    }
    // 2021 onwards: 20,6 %.
    assert_eq!(
        rates.rate(FinancialYear::new(2021)).unwrap(),
        Percent::new(Decimal::new(206, 1))
    );
}

#[test]
fn internal_item_with_one_party_on_both_sides_is_refused() {
    let mut g = kommun_group(vec![small_part("a", Owner::Kommun, 100)]);
    g.internal.push(InternalTransaction::agreed(
        InternalKind::RevenueCost,
        Owner::Part("a".into()),
        Owner::Part("a".into()),
        tkr(1),
        "",
    ));
    let m = refusal(&g);
    assert!(
        m.contains("Bolaget a") && m.contains("två olika parter"),
        "{m}"
    );
}

#[test]
fn negative_internal_amount_is_refused() {
    let mut g = kommun_group(vec![small_part("a", Owner::Kommun, 100)]);
    g.internal.push(InternalTransaction::agreed(
        InternalKind::RevenueCost,
        Owner::Part("a".into()),
        Owner::Kommun,
        tkr(-1),
        "",
    ));
    assert!(refusal(&g).contains("positiva"));
}

/// The koncern in the ratio catalogue: soliditet by the catalogue equals the ratio
/// module's, and årets resultat carries the skatt.
#[test]
fn koncern_year_for_the_catalogue() {
    use kommunal_redovisning::analysis::{
        RatioContext, RatioFigure, RatioId, RatioOptions, compute_ratio,
    };
    let mut p = small_part("a", Owner::Kommun, 100);
    p.accounts = company([100_00, 50_00, 0, 0, 0], 0, [500_00, 0, 0, 0], [0, 0, 0], 0);
    let c = kommun_group(vec![p]).consolidate().unwrap();
    assert!(!c.income.tax.is_zero());
    let y = c.year_figures().unwrap();
    assert_eq!(
        y.income.result_for_the_year(),
        c.income.result_for_the_year()
    );
    let v = compute_ratio(
        RatioId::EquityRatio,
        &RatioContext::of(&y),
        &RatioOptions::default(),
    )
    .unwrap();
    let RatioFigure::Percent(p) = v.value else {
        panic!("{v:?}")
    };
    assert_eq!(Some(p), c.key_ratios().unwrap().equity_ratio);
}
