//! A made-up kommunkoncern consolidated under LKBR 12 kap.: Exempelkommun; Exempel
//! Bostäder AB (wholly owned) with its subsidiary Exempel Fastigheter AB; Exempel
//! Energi AB (60 %); a 30 % share of Räddningstjänstförbundet Exempel; and Exempel
//! Turism AB, left out as immaterial.
//!
//! EVERY FIGURE HERE IS INVENTED for the example (tkr); none comes from a real
//! kommun, company or förbund.
//!
//! Prints the koncern's resultaträkning and balansräkning beside the kommun's, the
//! koncern's kassaflödesanalys and key ratios, the consolidation tables, the
//! eliminations and the findings.
//!
//! Run: `cargo run --example kommunkoncern`

use kommunal_redovisning::analysis::{
    RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind, compute_ratio,
};
use kommunal_redovisning::group::GroupAccounts;
use kommunal_redovisning::group::{
    AcquisitionAnalysis, CompanyBalanceSheet, CompanyIncomeStatement, Group, GroupPart, Holding,
    IncomeColumn, InternalKind, InternalTransaction, Owner, PartAccounts, PartKind, SurplusValue,
    income_statement_table,
};
use kommunal_redovisning::present::{Column, Rounding};
use kommunal_redovisning::report::{AnnualReport, Block};
use kommunal_redovisning::statement::{
    BalanceLine, CashFlowSection as S, CashFlowStatement, StatementLayout,
};
use kommunal_redovisning::{
    Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, NumberFormat,
    Percent, Scale, Table,
};

fn tkr(v: i64) -> Amount {
    Amount::tkr(v)
}

fn pct(v: i64) -> Percent {
    Percent::new(v.into())
}

fn cash_flow(
    result: i64,
    opening: i64,
    closing: i64,
    lines: &[(S, &str, i64)],
) -> CashFlowStatement {
    let mut cf = CashFlowStatement::new(tkr(result), tkr(opening), tkr(closing));
    for (section, label, amount) in lines {
        cf.push(*section, *label, tkr(*amount));
    }
    cf
}

fn kommun() -> (IncomeStatement, BalanceSheet, CashFlowStatement) {
    // Invented. Verksamhetens intäkter include a 2 000 tkr gain on land sold to
    // Exempel Bostäder AB; finansiella intäkter a 3 000 tkr dividend from Exempel
    // Energi AB and 2 000 tkr interest from Exempel Bostäder AB.
    let rs = IncomeStatement {
        operating_revenue: tkr(250_000),
        operating_expenses: tkr(-1_450_000),
        depreciation: tkr(-60_000),
        tax_revenue: tkr(1_050_000),
        general_grants: tkr(230_000),
        financial_income: tkr(9_000),
        financial_expenses: tkr(-4_000),
        ..Default::default()
    };
    // Finansiella anläggningstillgångar: shares in Bostäder 50 000, Energi 30 000,
    // Turism 100, the andel in the förbund 3 000, and 200 000 lent to Bostäder.
    let br = BalanceSheet {
        land_and_buildings: tkr(1_200_000),
        machinery_and_equipment: tkr(80_000),
        financial_fixed_assets: tkr(283_100),
        receivables: tkr(90_000),
        cash_and_bank: tkr(60_000),
        result_for_the_year: tkr(25_000),
        result_reserve: tkr(20_000),
        other_equity: tkr(700_000),
        pension_provisions: tkr(40_000),
        other_provisions: tkr(8_000),
        long_term_liabilities: tkr(500_000),
        current_liabilities: tkr(420_100),
        pension_commitments_before_1998: tkr(450_000),
        guarantees: tkr(600_000),
        ..Default::default()
    };
    let cf = cash_flow(
        25_000,
        80_000,
        60_000,
        &[
            (
                S::Adjustments,
                "Justering för av- och nedskrivningar",
                60_000,
            ),
            (S::WorkingCapital, "Förändring av rörelsekapital", -5_000),
            (
                S::Investing,
                "Investering i materiella anläggningstillgångar",
                -90_000,
            ),
            (S::Financing, "Nyupptagna lån", 10_000),
            (S::Financing, "Utlåning till koncernföretag", -20_000),
        ],
    );
    (rs, br, cf)
}

fn bostader() -> GroupPart {
    // Invented. Nettoomsättning includes 12 000 tkr rent from the kommun.
    let rs = CompanyIncomeStatement {
        net_sales: tkr(180_000),
        other_external_costs: tkr(-80_000),
        personnel_costs: tkr(-20_000),
        depreciation: tkr(-40_000),
        financial_income: tkr(1_000),
        interest_expenses: tkr(-15_000),
        appropriations: tkr(-4_000),
        group_contributions: Amount::kr(1_500_000),
        tax: tkr(-4_841),
        ..Default::default()
    };
    let br = CompanyBalanceSheet {
        buildings_and_land: tkr(1_100_000),
        machinery_and_equipment: tkr(20_000),
        financial_fixed_assets: tkr(10_000),
        receivables: tkr(15_000),
        cash_and_bank: tkr(35_000),
        share_capital: tkr(50_000),
        retained_earnings: tkr(141_341),
        result_for_the_year: tkr(18_659),
        untaxed_reserves: tkr(30_000),
        long_term_liabilities: tkr(850_000),
        current_liabilities: tkr(90_000),
        ..Default::default()
    };
    GroupPart::new(
        "bostader",
        "Exempel Bostäder AB",
        PartKind::Aktiebolag,
        vec![Holding::new(Owner::Kommun, Percent::HUNDRED)],
        PartAccounts::Company {
            income: rs,
            balance: br,
        },
    )
    .with_cash_flow(cash_flow(
        18_659,
        30_000,
        35_000,
        &[
            (
                S::Adjustments,
                "Justering för av- och nedskrivningar",
                40_000,
            ),
            (S::Adjustments, "Förändring av obeskattade reserver", 4_000),
            (S::WorkingCapital, "Förändring av rörelsekapital", 1_341),
            (
                S::Investing,
                "Investering i materiella anläggningstillgångar",
                -95_000,
            ),
            (S::Financing, "Nyupptagna lån", 36_000),
        ],
    ))
}

fn fastigheter() -> GroupPart {
    // Invented; gives a 1 500 tkr koncernbidrag to Exempel Bostäder AB.
    let rs = CompanyIncomeStatement {
        net_sales: tkr(25_000),
        other_external_costs: tkr(-10_000),
        depreciation: tkr(-6_000),
        interest_expenses: tkr(-3_000),
        group_contributions: tkr(-1_500),
        tax: tkr(-927),
        ..Default::default()
    };
    let br = CompanyBalanceSheet {
        buildings_and_land: tkr(60_000),
        receivables: tkr(2_000),
        cash_and_bank: tkr(3_000),
        share_capital: tkr(8_000),
        retained_earnings: tkr(6_427),
        result_for_the_year: tkr(3_573),
        long_term_liabilities: tkr(45_000),
        current_liabilities: tkr(2_000),
        ..Default::default()
    };
    GroupPart::new(
        "fastigheter",
        "Exempel Fastigheter AB",
        PartKind::Aktiebolag,
        vec![Holding::new(
            Owner::Part("bostader".into()),
            Percent::HUNDRED,
        )],
        PartAccounts::Company {
            income: rs,
            balance: br,
        },
    )
    .with_cash_flow(cash_flow(
        3_573,
        2_500,
        3_000,
        &[
            (
                S::Adjustments,
                "Justering för av- och nedskrivningar",
                6_000,
            ),
            (S::WorkingCapital, "Förändring av rörelsekapital", -573),
            (
                S::Investing,
                "Investering i materiella anläggningstillgångar",
                -8_000,
            ),
            (S::Financing, "Amortering av lån", -500),
        ],
    ))
}

fn energi() -> GroupPart {
    // Invented. Nettoomsättning includes 8 000 tkr fjärrvärme sold to the kommun; the
    // year's dividend was 5 000 tkr, of which 3 000 tkr to the kommun.
    let rs = CompanyIncomeStatement {
        net_sales: tkr(300_000),
        raw_materials_and_goods: tkr(-150_000),
        other_external_costs: tkr(-40_000),
        personnel_costs: tkr(-35_000),
        depreciation: tkr(-30_000),
        financial_income: tkr(500),
        interest_expenses: tkr(-8_500),
        appropriations: tkr(-10_000),
        tax: tkr(-5_562),
        ..Default::default()
    };
    let br = CompanyBalanceSheet {
        buildings_and_land: tkr(250_000),
        machinery_and_equipment: tkr(150_000),
        inventories: tkr(10_000),
        receivables: tkr(40_000),
        cash_and_bank: tkr(30_000),
        share_capital: tkr(45_000),
        retained_earnings: tkr(73_562),
        result_for_the_year: tkr(21_438),
        untaxed_reserves: tkr(60_000),
        pension_provisions: tkr(5_000),
        long_term_liabilities: tkr(230_000),
        current_liabilities: tkr(45_000),
        ..Default::default()
    };
    GroupPart::new(
        "energi",
        "Exempel Energi AB",
        PartKind::Aktiebolag,
        vec![Holding::new(Owner::Kommun, pct(60))],
        PartAccounts::Company {
            income: rs,
            balance: br,
        },
    )
    .with_cash_flow(cash_flow(
        21_438,
        28_000,
        30_000,
        &[
            (
                S::Adjustments,
                "Justering för av- och nedskrivningar",
                30_000,
            ),
            (S::Adjustments, "Förändring av obeskattade reserver", 10_000),
            (S::WorkingCapital, "Förändring av rörelsekapital", -1_438),
            (
                S::Investing,
                "Investering i materiella anläggningstillgångar",
                -50_000,
            ),
            (S::Financing, "Utbetald utdelning", -5_000),
            (S::Financing, "Amortering av lån", -3_000),
        ],
    ))
}

fn forbund() -> GroupPart {
    // Invented. Verksamhetens intäkter include the kommun's medlemsbidrag 15 000 tkr.
    let rs = IncomeStatement {
        operating_revenue: tkr(55_000),
        operating_expenses: tkr(-52_000),
        depreciation: tkr(-2_000),
        financial_expenses: tkr(-200),
        ..Default::default()
    };
    let br = BalanceSheet {
        land_and_buildings: tkr(20_000),
        machinery_and_equipment: tkr(8_000),
        receivables: tkr(4_000),
        cash_and_bank: tkr(6_000),
        result_for_the_year: tkr(800),
        other_equity: tkr(11_200),
        pension_provisions: tkr(6_000),
        long_term_liabilities: tkr(10_000),
        current_liabilities: tkr(10_000),
        pension_commitments_before_1998: tkr(3_000),
        ..Default::default()
    };
    GroupPart::new(
        "forbund",
        "Räddningstjänstförbundet Exempel",
        PartKind::Kommunalforbund,
        vec![Holding::new(Owner::Kommun, pct(30))],
        PartAccounts::Lkbr {
            income: rs,
            balance: br,
        },
    )
    .with_cash_flow(cash_flow(
        800,
        5_500,
        6_000,
        &[
            (
                S::Adjustments,
                "Justering för av- och nedskrivningar",
                2_000,
            ),
            (S::WorkingCapital, "Förändring av rörelsekapital", 200),
            (
                S::Investing,
                "Investering i materiella anläggningstillgångar",
                -4_000,
            ),
            (S::Financing, "Nyupptagna lån", 1_500),
        ],
    ))
}

fn turism() -> GroupPart {
    // Invented, and left out.
    let rs = CompanyIncomeStatement {
        net_sales: tkr(900),
        other_external_costs: tkr(-880),
        ..Default::default()
    };
    let br = CompanyBalanceSheet {
        cash_and_bank: tkr(400),
        share_capital: tkr(100),
        retained_earnings: tkr(180),
        result_for_the_year: tkr(20),
        current_liabilities: tkr(100),
        ..Default::default()
    };
    GroupPart::new(
        "turism",
        "Exempel Turism AB",
        PartKind::Aktiebolag,
        vec![Holding::new(Owner::Kommun, Percent::HUNDRED)],
        PartAccounts::Company {
            income: rs,
            balance: br,
        },
    )
    .left_out(
        "oväsentlig: omsättning 900 tkr och balansomslutning 400 tkr, under 1 % av kommunens (påhittade siffror)",
    )
}

fn group() -> Group {
    let (rs, br, cf) = kommun();
    let mut g = Group::new(
        Entity::new("Exempelkommun", EntityKind::Kommun),
        FinancialYear::new(2025),
        rs,
        br,
    );
    g.cash_flow = Some(cf);
    g.parts = vec![bostader(), fastigheter(), energi(), forbund(), turism()];
    let part = |id: &str| Owner::Part(id.into());
    g.internal = vec![
        InternalTransaction::agreed(
            InternalKind::RevenueCost,
            part("bostader"),
            Owner::Kommun,
            tkr(12_000),
            "hyra för skollokaler",
        ),
        InternalTransaction {
            kind: InternalKind::ReceivablePayable,
            first: part("bostader"),
            second: Owner::Kommun,
            first_amount: tkr(1_200),
            second_amount: tkr(1_000),
            description: "hyra för december".into(),
        },
        InternalTransaction::agreed(
            InternalKind::LongTermLoan,
            Owner::Kommun,
            part("bostader"),
            tkr(200_000),
            "vidareutlåning via internbanken",
        ),
        InternalTransaction::agreed(
            InternalKind::Interest,
            Owner::Kommun,
            part("bostader"),
            tkr(2_000),
            "ränta på vidareutlånade medel",
        ),
        InternalTransaction::agreed(
            InternalKind::RevenueCost,
            part("energi"),
            Owner::Kommun,
            tkr(8_000),
            "fjärrvärme",
        ),
        InternalTransaction::agreed(
            InternalKind::RevenueCost,
            part("forbund"),
            Owner::Kommun,
            tkr(15_000),
            "medlemsbidrag",
        ),
        InternalTransaction::agreed(
            InternalKind::Dividend,
            Owner::Kommun,
            part("energi"),
            tkr(3_000),
            "utdelning",
        ),
        InternalTransaction::agreed(
            InternalKind::GroupContribution,
            part("bostader"),
            part("fastigheter"),
            tkr(1_500),
            "",
        ),
        InternalTransaction::agreed(
            InternalKind::InternalGain {
                asset: BalanceLine::LandAndBuildings,
            },
            Owner::Kommun,
            part("bostader"),
            tkr(2_000),
            "försäljning av mark",
        ),
        InternalTransaction::agreed(
            InternalKind::RevenueCost,
            part("turism"),
            Owner::Kommun,
            tkr(500),
            "marknadsföring",
        ),
    ];
    let mut fast =
        AcquisitionAnalysis::new("fastigheter", part("bostader"), tkr(10_000), tkr(8_000));
    fast.surplus_values.push(SurplusValue {
        line: BalanceLine::LandAndBuildings,
        amount: tkr(2_000),
    });
    g.acquisitions = vec![
        AcquisitionAnalysis::new("bostader", Owner::Kommun, tkr(50_000), tkr(50_000)),
        fast,
        AcquisitionAnalysis::new("energi", Owner::Kommun, tkr(30_000), tkr(45_000)),
        AcquisitionAnalysis::new("forbund", Owner::Kommun, tkr(3_000), tkr(10_000)),
    ];
    g
}

fn print(table: &Table) -> Result<(), kommunal_redovisning::Error> {
    let footed = table.rounded(&Rounding::new(Scale::Tkr))?;
    println!("{}", footed.table.to_text(&NumberFormat::swedish()));
    Ok(())
}

fn main() -> Result<(), kommunal_redovisning::Error> {
    let g = group();
    let c = g.consolidate()?;
    let layout = StatementLayout::new(EntityKind::Kommun, g.year);
    println!(
        "Exempelkommun — sammanställda räkenskaper {} (PÅHITTADE SIFFROR)",
        g.year
    );
    println!("Metod: {}.\n", c.method.label());

    print(&income_statement_table(
        "Resultaträkning",
        Scale::Tkr,
        &layout,
        &[
            (Column::outcome("Kommunen"), IncomeColumn::Kommun(&g.income)),
            (
                Column::outcome("Koncernen"),
                IncomeColumn::Koncern(&c.income),
            ),
        ],
    )?)?;
    print(&Table::balance_sheet(
        "Balansräkning",
        Scale::Tkr,
        &layout,
        &[
            (Column::outcome("Kommunen"), &g.balance),
            (Column::outcome("Koncernen"), &c.balance),
        ],
    )?)?;
    if let Some(cf) = &c.cash_flow {
        print(&CashFlowStatement::table(
            "Koncernens kassaflödesanalys",
            Scale::Tkr,
            &[(Column::outcome("Koncernen"), cf)],
        )?)?;
    }

    // Key ratios from the ratio catalogue, for the kommun and for the koncern.
    let sv = NumberFormat::swedish().with_decimals(1);
    let mut kommun_year = YearFigures::new(g.year, YearKind::Outcome, g.income.clone());
    kommun_year.balance = Some(g.balance.clone());
    let koncern_year = c
        .year_figures()
        .ok_or(kommunal_redovisning::Error::Refused {
            what: "koncernens nyckeltal".into(),
            reason: "räkenskapsår saknas".into(),
        })?;
    println!("{:<72}{:>10}{:>11}", "Nyckeltal", "Kommunen", "Koncernen");
    for ratio in [
        RatioId::ResultShare,
        RatioId::NetCostShare,
        RatioId::EquityRatio,
        RatioId::EquityRatioIncludingPensions,
        RatioId::DebtRatio,
        RatioId::QuickRatio,
    ] {
        let value = |y: &YearFigures| {
            compute_ratio(ratio, &RatioContext::of(y), &RatioOptions::default())
                .ok()
                .and_then(|v| match v.value {
                    RatioFigure::Percent(p) => Some(sv.percent(p)),
                    _ => None,
                })
                .unwrap_or_else(|| "–".to_owned())
        };
        println!(
            "{:<72}{:>10}{:>11}",
            ratio.name(),
            value(&kommun_year),
            value(&koncern_year)
        );
    }
    println!();

    print(&c.income_table(&layout, Scale::Tkr)?)?;
    print(&c.balance_table(&layout, Scale::Tkr)?)?;
    print(&c.elimination_table(Scale::Tkr)?)?;

    println!("Iakttagelser:");
    for f in &c.findings {
        println!("- {}", f.message(Scale::Tkr));
    }

    // The same koncern as the koncern part of an årsredovisning: the statements get
    // Kommunen and Koncernen columns, and the report checks that the koncern ties to
    // the kommun's own statements.
    let mut report = AnnualReport::new(g.kommun.clone(), g.year);
    report.income_statement = Some(g.income.clone());
    report.balance_sheet = Some(g.balance.clone());
    report.cash_flow = g.cash_flow.clone();
    report.group = Some(GroupAccounts::new(c.clone()));
    let doc = report.document()?;
    if let Some(rs) = doc
        .sections
        .iter()
        .find(|s| s.number == "2.1")
        .and_then(|s| {
            s.blocks.iter().find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
        })
    {
        println!("\nÅrsredovisningen 2.1 Resultaträkning som CSV (kronor):");
        print!("{}", rs.to_csv(','));
    }
    println!("\nÅrsredovisningens kontroller av de sammanställda räkenskaperna:");
    for f in report
        .check_consistency()?
        .iter()
        .filter(|f| f.part == "sammanställda räkenskaper")
    {
        println!("- [{}] {}", f.kind.label(), f.message);
    }

    // The koncern's statements tie: they balance, and årets resultat agrees.
    c.balance.validate()?;
    assert_eq!(
        c.income.result_for_the_year(),
        c.balance.result_for_the_year
    );
    Ok(())
}
