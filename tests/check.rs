//! Checking printed statements: the Grästorp fixtures (published figures) and the
//! made-up fixture that provokes every kind of finding.

use kommunal_redovisning::Scale;
use kommunal_redovisning::check::{
    CheckKind, Discrepancy, DiscrepancyClass, PrintedReport, PrintedRow, PrintedStatement,
    StatementKind, Summary, check_report, check_statement,
};
use kommunal_redovisning::present::Column;
use kommunal_redovisning::statement::StatementRowKind;
use rust_decimal::Decimal;

fn statement(json: &str) -> PrintedStatement {
    serde_json::from_str(json).unwrap()
}

fn report(json: &str) -> PrintedReport {
    serde_json::from_str(json).unwrap()
}

/// (check, class, row, column, difference) of a finding.
type Brief = (
    CheckKind,
    DiscrepancyClass,
    String,
    Option<String>,
    Option<String>,
);

/// The brief form of each finding.
fn brief(findings: &[Discrepancy]) -> Vec<Brief> {
    findings
        .iter()
        .map(|f| {
            (
                f.check,
                f.class,
                f.row.clone(),
                f.column.clone(),
                f.difference.map(|d| d.normalize().to_string()),
            )
        })
        .collect()
}

fn s(x: &str) -> String {
    x.to_owned()
}

fn so(x: &str) -> Option<String> {
    Some(x.to_owned())
}

#[test]
fn grastorp_rs_2019_adds_up() {
    let rs = statement(include_str!("../examples/data/grastorp_rs_2019.json"));
    assert_eq!(rs.rows.len(), 12);
    assert_eq!(rs.rows[1].values[1], Some(Decimal::from(-417_698)));
    assert_eq!(rs.rows[10].values, vec![None; 4]);
    assert_eq!(check_statement(&rs), vec![]);
}

#[test]
fn grastorp_br_2020_rounds_its_payroll_tax_2018() {
    let br = statement(include_str!("../examples/data/grastorp_br_2020.json"));
    // Every sum, the balance, the equity movement and split, the opening equity of
    // 2020 and 2019 and the breakdown of finansiella anläggningstillgångar agree.
    // The särskild löneskatt of 2018: 134 056 × 24,26/124,26 = 26 172,53, printed
    // 26 172 — possible when 134 056 is itself rounded down from ≥ 134 055,5.
    let findings = check_statement(&br);
    assert_eq!(
        brief(&findings),
        vec![(
            CheckKind::SpecialPayrollTax,
            DiscrepancyClass::Rounding,
            s("– därav särskild löneskatt"),
            so("2018"),
            so("-0.53"),
        )]
    );
}

#[test]
fn grastorp_result_2018_is_printed_twice_differently() {
    // domain.md: årets resultat 2018 is 6 112 in the resultaträkning and 6 113 in the
    // balansräkning. Both tables print whole tkr, and one exact amount rounded to the
    // same precision prints the same: the difference is an error, not rounding.
    let both = report(include_str!("../examples/data/grastorp_2019_2020.json"));
    let findings = check_report(&both);
    let cross: Vec<&Discrepancy> = findings.iter().filter(|f| f.table.is_none()).collect();
    assert_eq!(cross.len(), 1);
    let f = cross[0];
    assert_eq!(f.check, CheckKind::ResultAgreement);
    assert_eq!(f.class, DiscrepancyClass::Error);
    assert_eq!(f.column.as_deref(), Some("2018"));
    assert_eq!(f.printed, Some(Decimal::from(6_112)));
    assert_eq!(f.expected, Some(Decimal::from(6_113)));
    assert_eq!(f.difference, Some(Decimal::from(-1)));
    assert!(
        f.message.contains("6 112") && f.message.contains("6 113"),
        "{}",
        f.message
    );
    // 2019 agrees (12 043 in both); the budget column is not compared. The only error
    // is the 2018 result; the rest is rounding.
    assert_eq!(Summary::of(&findings).errors, 1);
}

#[test]
fn provoked_findings_each_with_its_class() {
    let r = report(include_str!("../examples/data/provoke_findings.json"));
    let findings = check_report(&r);
    use CheckKind as K;
    use DiscrepancyClass as C;
    assert_eq!(
        brief(&findings),
        vec![
            (K::ValueCount, C::Error, s("Övriga poster"), None, None),
            (
                K::DuplicateRow,
                C::Unplaced,
                s("Skatteintäkter"),
                None,
                None
            ),
            (
                K::Sum,
                C::Rounding,
                s("VERKSAMHETENS NETTOKOSTNADER"),
                so("2025"),
                so("-1")
            ),
            (
                K::Sum,
                C::Error,
                s("VERKSAMHETENS RESULTAT"),
                so("2025"),
                so("101")
            ),
            (K::UnplacedRow, C::Unplaced, s("Övriga poster"), None, None),
            (
                K::Sum,
                C::Rounding,
                s("Materiella anläggningstillgångar"),
                so("2025-12-31"),
                so("1")
            ),
            (
                K::EquityMovement,
                C::Rounding,
                s("Eget kapital vid årets slut"),
                so("2025-12-31"),
                so("1")
            ),
            (
                K::Sum,
                C::Rounding,
                s("SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER"),
                so("2025-12-31"),
                so("-1")
            ),
            (
                K::Breakdown,
                C::Error,
                s("Finansiella anläggningstillgångar"),
                so("2025-12-31"),
                so("1000")
            ),
            (
                K::Balance,
                C::Error,
                s("SUMMA TILLGÅNGAR"),
                so("2025-12-31"),
                so("2400")
            ),
            (
                K::OpeningEquity,
                C::Error,
                s("Eget kapital vid årets början"),
                so("2025-12-31"),
                so("-100")
            ),
            (
                K::SpecialPayrollTax,
                C::Error,
                s("därav särskild löneskatt"),
                so("2025-12-31"),
                so("-523.58")
            ),
            (
                K::EquityRatio,
                C::Error,
                s("Soliditet, %"),
                so("2025-12-31"),
                so("1.529")
            ),
            (
                K::UnplacedRow,
                C::Unplaced,
                s("Pågående investeringar"),
                None,
                None
            ),
            (
                K::ResultAgreement,
                C::Error,
                s("ÅRETS RESULTAT"),
                so("2024"),
                so("-100")
            ),
        ]
    );
    let sum = Summary::of(&findings);
    assert_eq!((sum.errors, sum.rounding, sum.unplaced), (8, 4, 3));
    assert!(!sum.only_rounding());
}

fn row(label: &str, values: &[&str]) -> PrintedRow {
    PrintedRow::new(
        label,
        values
            .iter()
            .map(|v| kommunal_redovisning::check::parse_printed(v).unwrap())
            .collect(),
    )
}

fn printed(
    kind: StatementKind,
    unit: Scale,
    columns: &[&str],
    rows: Vec<PrintedRow>,
) -> PrintedStatement {
    let mut t = PrintedStatement::new(
        kind,
        unit,
        columns.iter().map(|c| Column::outcome(*c).into()).collect(),
    );
    t.rows = rows;
    t
}

#[test]
fn tolerance_follows_the_printed_decimals() {
    // mnkr with one decimal: half a unit is 0,05 mnkr per figure.
    let rs = printed(
        StatementKind::IncomeStatement,
        Scale::Mnkr,
        &["2021"],
        vec![
            row("Verksamhetens intäkter", &["101,3"]),
            row("Verksamhetens kostnader", &["–417,7"]),
            row("Avskrivningar", &["–14,9"]),
            row("Verksamhetens nettokostnader", &["–331,4"]), // sum −331,3: 0,1 off, 4 figures → ±0,2
        ],
    );
    let f = check_statement(&rs);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].class, DiscrepancyClass::Rounding);
    assert_eq!(f[0].tolerance, Some(Decimal::new(2, 1)));
    let mut off = rs.clone();
    off.rows[3].values[0] = Some(Decimal::new(-3317, 1));
    assert_eq!(check_statement(&off)[0].class, DiscrepancyClass::Error);
}

#[test]
fn kommunalforbund_without_operating_result_and_varav_reserve() {
    // No "verksamhetens resultat" and no tax lines: resultat efter finansiella poster
    // is the nettokostnader plus the financial items.
    let rs = printed(
        StatementKind::IncomeStatement,
        Scale::Tkr,
        &["2025"],
        vec![
            row("Verksamhetens intäkter", &["50 000"]),
            row("Verksamhetens kostnader", &["−47 000"]),
            row("Avskrivningar", &["−800"]),
            row("Verksamhetens nettokostnader", &["2 200"]),
            row("Finansiella intäkter", &["10"]),
            row("Finansiella kostnader", &["−62"]),
            row("Resultat efter finansiella poster", &["2 148"]),
            row("Periodens resultat", &["2 148"]),
        ],
    );
    assert_eq!(check_statement(&rs), vec![]);
    // Lerum 2023 (domain.md §1.3): the reserve printed as "varav" of eget kapital is
    // not added: 62,2 + 1 290,8 = 1 353,0 mnkr.
    let br = printed(
        StatementKind::BalanceSheet,
        Scale::Mnkr,
        &["2023"],
        vec![
            row("Årets resultat", &["62,2"]),
            row("Varav resultatutjämningsreserv", &["95,0"]),
            row("Övrigt eget kapital", &["1 290,8"]),
            row("Summa eget kapital", &["1 353,0"]),
        ],
    );
    assert_eq!(check_statement(&br), vec![]);
}

#[test]
fn soliditet_within_rounding_of_its_inputs() {
    // 1 / 8 = 12,5 % rounds to 13, but 12 is printed. With both inputs rounded
    // (0,5..1,5 over 7,5..8,5) anything from 5,9 % to 20 % is possible: rounding.
    let mut sol = row("Soliditet", &["12"]);
    sol.percent = true;
    let br = printed(
        StatementKind::BalanceSheet,
        Scale::Tkr,
        &["2025"],
        vec![
            row("Summa tillgångar", &["8"]),
            row("Summa eget kapital", &["1"]),
            sol,
        ],
    );
    let f = check_statement(&br);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].check, f[0].class),
        (CheckKind::EquityRatio, DiscrepancyClass::Rounding)
    );
    let mut wrong = br.clone();
    // A footed table may move a printed figure by up to one unit: 0..2 over 7..9 allows
    // up to 28,6 %, not 40 %.
    wrong.rows[2].values[0] = Some(Decimal::from(40));
    assert_eq!(check_statement(&wrong)[0].class, DiscrepancyClass::Error);
}

#[test]
fn units_may_differ_between_statements() {
    let rs = printed(
        StatementKind::IncomeStatement,
        Scale::Mnkr,
        &["2025"],
        vec![row("Årets resultat", &["12,0"])],
    );
    let br = printed(
        StatementKind::BalanceSheet,
        Scale::Tkr,
        &["2025-12-31"],
        vec![row("Årets resultat", &["12 043"])],
    );
    let findings = check_report(&PrintedReport {
        entity: None,
        source: None,
        tables: vec![rs, br],
    });
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].check, CheckKind::ResultAgreement);
    // 12,0 mnkr against 12,043 mnkr: 0,043 ≤ 0,05 + 0,0005.
    assert_eq!(findings[0].class, DiscrepancyClass::Rounding);
}

#[test]
fn json_refuses_floats_and_reads_printed_forms() {
    let err = serde_json::from_str::<PrintedStatement>(
        r#"{"statement":"balansräkning","unit":"tkr","columns":[{"label":"2020"}],"rows":[{"label":"Fordringar","values":[1.5]}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("binära flyttal"), "{err}");
    let ok: PrintedStatement = serde_json::from_str(
        r#"{"statement":"balance_sheet","unit":"mnkr","columns":[{"label":"2020"},{"label":"2019"}],"rows":[{"label":"Fordringar","values":["−1 036,6", 12]}]}"#,
    )
    .unwrap();
    assert_eq!(
        ok.rows[0].values,
        vec![Some(Decimal::new(-10_366, 1)), Some(Decimal::from(12))]
    );
    assert_eq!(ok.rows[0].kind, StatementRowKind::Line);
    // Round trip.
    let back: PrintedStatement =
        serde_json::from_str(&serde_json::to_string(&ok).unwrap()).unwrap();
    assert_eq!(back, ok);
}

#[test]
fn lystkom_soliditet_as_printed() {
    // Lystkom delårsrapport 2025, section 1.5 (its only printed table).
    let mut sol = row("Soliditet", &["23,3%", "21,5%"]);
    sol.percent = true;
    let br = printed(
        StatementKind::BalanceSheet,
        Scale::Tkr,
        &["2025-06-30", "2024-12-31"],
        vec![
            row("Eget kapital", &["8 521", "6 373"]),
            row("Tillgångar totalt", &["36 631", "29 663"]),
            sol,
        ],
    );
    assert_eq!(check_statement(&br), vec![]);
    // 8 521 / 36 631 = 23,26 %: 23,2 cannot come from rounding of whole tkr.
    let mut wrong = br.clone();
    wrong.rows[2].values[0] = Some(Decimal::new(232, 1));
    let f = check_statement(&wrong);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].check, f[0].class),
        (CheckKind::EquityRatio, DiscrepancyClass::Error)
    );
    assert_eq!(f[0].column.as_deref(), Some("2025-06-30"));
}

// ---------------------------------------------------------------------------------
// Property tests: the checker against tables this crate rounds, and on any input.

mod properties {
    use super::*;
    use kommunal_redovisning::present::{RatioRow, Rounding};
    use kommunal_redovisning::statement::{BalanceLine, StatementLayout};
    use kommunal_redovisning::{
        Amount, BalanceSheet, EntityKind, FinancialYear, IncomeStatement, Table, ratio,
    };
    use proptest::prelude::*;

    fn amount() -> impl Strategy<Value = Amount> {
        prop_oneof![
            (-100_000_000_000_i64..100_000_000_000)
                .prop_map(|ore| Amount::new(Decimal::new(ore, 2)).unwrap()),
            (-200_000_i64..200_000).prop_map(|h| Amount::kr(h * 500)),
        ]
    }

    fn positive() -> impl Strategy<Value = Amount> {
        (0_i64..100_000_000_000).prop_map(|ore| Amount::new(Decimal::new(ore, 2)).unwrap())
    }

    fn rounding() -> impl Strategy<Value = Rounding> {
        (prop_oneof![Just(Scale::Tkr), Just(Scale::Mnkr)], 0_u32..2)
            .prop_map(|(s, d)| Rounding::new(s).with_decimals(d))
    }

    fn income_table(a: &[Amount], b: &[Amount]) -> Table {
        let rs = |v: &[Amount]| IncomeStatement {
            operating_revenue: v[0],
            operating_expenses: v[1],
            depreciation: v[2],
            tax_revenue: v[3],
            general_grants: v[4],
            financial_income: v[5],
            financial_expenses: v[6],
            extraordinary_items: v[7],
            ..Default::default()
        };
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        Table::income_statement(
            "RS",
            Scale::Kr,
            &layout,
            &[
                (Column::outcome("2025"), &rs(a)),
                (Column::prior_period("2024"), &rs(b)),
            ],
        )
        .unwrap()
    }

    /// A balance sheet that balances (kortfristiga skulder take the difference), with
    /// soliditet printed under it.
    fn balance_table(a: &[Amount]) -> Table {
        let mut br = BalanceSheet::default();
        for (line, v) in BalanceLine::ALL.iter().zip(a) {
            *br.amount_mut(*line) = *v;
        }
        br.current_liabilities = Amount::ZERO;
        let gap = br
            .total_assets()
            .checked_sub(br.total_equity_and_liabilities())
            .unwrap();
        br.current_liabilities = gap;
        br.validate().unwrap();
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let mut t =
            Table::balance_sheet("BR", Scale::Kr, &layout, &[(Column::outcome("2025"), &br)])
                .unwrap();
        if let Ok(s) = ratio::equity_ratio(br.equity(), br.total_assets()) {
            if br.total_assets() > Amount::tkr(10) {
                t.push_ratio(RatioRow {
                    label: "Soliditet".into(),
                    values: vec![Some(s)],
                    decimals: 1,
                })
                .unwrap();
            }
        }
        t
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(192))]

        /// A resultaträkning footed by this crate passes the checker; rounded line by
        /// line, every difference the checker finds is classed as rounding.
        #[test]
        fn footed_income_statements_pass(
            a in prop::collection::vec(amount(), 8),
            b in prop::collection::vec(amount(), 8),
            r in rounding(),
        ) {
            let t = income_table(&a, &b);
            let footed = t.rounded(&r).unwrap().table;
            let f = check_statement(&PrintedStatement::from_table(StatementKind::IncomeStatement, &footed));
            prop_assert!(f.is_empty(), "{:?}", f);
            let plain = t.rounded(&r.without_footing()).unwrap().table;
            let f = check_statement(&PrintedStatement::from_table(StatementKind::IncomeStatement, &plain));
            prop_assert!(f.iter().all(|x| x.class == DiscrepancyClass::Rounding), "{:?}", f);
        }

        /// The same for a balansräkning with soliditet: footed, no sum or balance
        /// finding (soliditet computed from footed figures may differ by rounding);
        /// never an error either way.
        #[test]
        fn footed_balance_sheets_pass(a in prop::collection::vec(positive(), 21), r in rounding()) {
            let t = balance_table(&a);
            let footed = t.rounded(&r).unwrap().table;
            let f = check_statement(&PrintedStatement::from_table(StatementKind::BalanceSheet, &footed));
            prop_assert!(f.iter().all(|x| x.check == CheckKind::EquityRatio && x.class == DiscrepancyClass::Rounding), "{:?}", f);
            let plain = t.rounded(&r.without_footing()).unwrap().table;
            let f = check_statement(&PrintedStatement::from_table(StatementKind::BalanceSheet, &plain));
            prop_assert!(f.iter().all(|x| x.class == DiscrepancyClass::Rounding), "{:?}", f);
        }

        /// Any printed statement — known and unknown labels, any values, any number
        /// of values per row — is checked without panicking, and every difference
        /// finding carries both figures.
        #[test]
        fn checker_never_panics(
            income in any::<bool>(),
            columns in prop::collection::vec("[0-9]{4}|Budget [0-9]{4}|[a-z ]{0,8}", 0..4),
            rows in prop::collection::vec(
                (
                    prop_oneof![
                        Just("Summa tillgångar".to_owned()),
                        Just("EGET KAPITAL, vid årets början".to_owned()),
                        Just("Eget kapital".to_owned()),
                        Just("Årets resultat".to_owned()),
                        Just("Verksamhetens nettokostnader".to_owned()),
                        Just("Verksamhetens intäkter".to_owned()),
                        Just("därav särskild löneskatt".to_owned()),
                        Just("Pensionsförpliktelser intjänade före 1998".to_owned()),
                        Just("Soliditet".to_owned()),
                        Just("Summa eget kapital, avsättningar och skulder".to_owned()),
                        any::<String>(),
                    ],
                    any::<bool>(),
                    prop::collection::vec(
                        prop::option::of(prop_oneof![
                            (-1_000_000_i64..1_000_000).prop_map(Decimal::from),
                            any::<i64>().prop_map(|v| Decimal::new(v, 3)),
                            Just(Decimal::MAX),
                            Just(Decimal::MIN),
                        ]),
                        0..5,
                    ),
                ),
                0..14,
            ),
        ) {
            let mut statement = PrintedStatement::new(
                if income { StatementKind::IncomeStatement } else { StatementKind::BalanceSheet },
                Scale::Tkr,
                columns.iter().map(|c| Column::outcome(c.clone()).into()).collect(),
            );
            statement.rows = rows
                .into_iter()
                .map(|(label, percent, values)| {
                    let mut r = PrintedRow::new(label, values);
                    r.percent = percent;
                    r
                })
                .collect();
            let other = PrintedStatement {
                kind: if income { StatementKind::BalanceSheet } else { StatementKind::IncomeStatement },
                ..statement.clone()
            };
            let findings = check_report(&PrintedReport { entity: None, source: None, tables: vec![statement, other] });
            for f in findings {
                if matches!(f.check, CheckKind::Sum | CheckKind::Balance | CheckKind::ResultAgreement) {
                    prop_assert!(f.printed.is_some() && f.expected.is_some() || f.class == DiscrepancyClass::Error);
                }
            }
        }
    }
}

#[test]
fn other_key_ratios_are_recomputed() {
    // Grästorp 2020 (tkr) with ratios computed here from its published figures:
    // kassalikviditet (88 300 − 0) / 100 544 = 87,8 %, balanslikviditet the same,
    // skuldsättningsgrad (14 153 + 251 828) / 477 894 = 55,7 %, soliditet inklusive
    // pensionsförpliktelser (211 913 − 131 313) / 477 894 = 16,9 %.
    let ratio = |label: &str, v: &str| {
        let mut r = row(label, &[v]);
        r.percent = true;
        r
    };
    let br = printed(
        StatementKind::BalanceSheet,
        Scale::Tkr,
        &["2020"],
        vec![
            row("Anläggningstillgångar", &["384 554"]),
            row("Bidrag till statlig infrastruktur", &["5 040"]),
            row("Omsättningstillgångar", &["88 300"]),
            row("Förråd och exploateringstillgångar", &["0"]),
            row("Fordringar", &["39 331"]),
            row("Kassa och bank", &["48 969"]),
            row("Summa tillgångar", &["477 894"]),
            row("Eget kapital", &["211 913"]),
            row("Avsättningar", &["14 153"]),
            row("Skulder", &["251 828"]),
            row("Långfristiga skulder", &["151 284"]),
            row("Kortfristiga skulder", &["100 544"]),
            row("Pensionsförpliktelser intjänade före 1998", &["131 313"]),
            ratio("Kassalikviditet, %", "87,8"),
            ratio("Balanslikviditet", "88"),
            ratio("Skuldsättningsgrad", "55,7"),
            ratio("Soliditet inklusive pensionsförpliktelser", "16,9"),
        ],
    );
    assert_eq!(check_statement(&br), vec![]);
    let mut wrong = br.clone();
    wrong.rows[13].values[0] = Some(Decimal::new(878, 1) + Decimal::ONE);
    wrong.rows[15].values[0] = Some(Decimal::new(557, 1) - Decimal::ONE);
    let f = check_statement(&wrong);
    assert_eq!(
        f.iter().map(|x| (x.check, x.class)).collect::<Vec<_>>(),
        vec![
            (CheckKind::DebtRatio, DiscrepancyClass::Error),
            (CheckKind::QuickRatio, DiscrepancyClass::Error),
        ]
    );
}

#[test]
fn costs_printed_without_minus_get_a_hint() {
    // Grästorp 2019 with the costs printed as positive figures.
    let rs = printed(
        StatementKind::IncomeStatement,
        Scale::Tkr,
        &["2019"],
        vec![
            row("Verksamhetens intäkter", &["101 282"]),
            row("Verksamhetens kostnader", &["417 698"]),
            row("Avskrivningar", &["14 879"]),
            row("Verksamhetens nettokostnader", &["– 331 295"]),
        ],
    );
    let f = check_statement(&rs);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].class, DiscrepancyClass::Error);
    assert!(
        f[0].message
            .contains("Verksamhetens kostnader, Avskrivningar räknas som negativa"),
        "{}",
        f[0].message
    );
    // One wrong sign on an income line is named too.
    let mut one = rs.clone();
    one.rows[1].values[0] = Some(Decimal::from(-417_698));
    one.rows[2].values[0] = Some(Decimal::from(-14_879));
    one.rows[0].values[0] = Some(Decimal::from(-101_282));
    let f = check_statement(&one);
    assert!(
        f[0].message
            .contains("tecknet på Verksamhetens intäkter vänds"),
        "{}",
        f[0].message
    );
}
