//! A new user's whole job, written from the docs alone, the function under 60 lines: a
//! kommun's resultaträkning and balansräkning, checked, with key ratios and Markdown.
//! Figures: Grästorps kommun, årsredovisning 2019 (tkr), as in `foundation.rs`.

use kommunal_redovisning::present::{Column, Rounding};
use kommunal_redovisning::statement::StatementLayout;
use kommunal_redovisning::{
    Amount, BalanceSheet, EntityKind, Error, FinancialYear, IncomeStatement, NumberFormat, Scale,
    Table, ratio::KeyRatios,
};

#[test]
fn statements_ratios_and_markdown_in_a_few_lines() -> Result<(), Error> {
    let t = Amount::tkr;
    let rs = IncomeStatement {
        operating_revenue: t(101_282),
        operating_expenses: t(-417_698),
        depreciation: t(-14_879),
        tax_revenue: t(257_770),
        general_grants: t(86_552),
        financial_income: t(794),
        financial_expenses: t(-1_778),
        ..Default::default()
    };
    let br = BalanceSheet {
        intangible_assets: t(446),
        land_and_buildings: t(294_144),
        machinery_and_equipment: t(10_728),
        financial_fixed_assets: t(9_980),
        infrastructure_contributions: t(5_320),
        receivables: t(34_153),
        cash_and_bank: t(51_592),
        result_for_the_year: rs.result_for_the_year(),
        result_reserve: t(13_500),
        other_equity: t(184_788) - rs.result_for_the_year() - t(13_500),
        pension_provisions: t(7_015),
        other_provisions: t(9_154),
        long_term_liabilities: t(122_876),
        current_liabilities: t(82_530),
        ..Default::default()
    };
    br.validate()?;
    let ratios = KeyRatios::from_balance_sheet(&br)?;
    let sv = NumberFormat::swedish();
    let soliditet = ratios.equity_ratio.map(|p| sv.with_decimals(1).percent(p));
    assert_eq!(soliditet.as_deref(), Some("45,5\u{a0}%"));

    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
    let md = |t: Table| Ok::<_, Error>(t.rounded(&Rounding::default())?.table.to_markdown(&sv));
    let (y, d) = (Column::outcome("2019"), Column::outcome("2019-12-31"));
    let rr = md(Table::income_statement(
        "RR",
        Scale::Tkr,
        &layout,
        &[(y, &rs)],
    )?)?;
    let br = md(Table::balance_sheet(
        "BR",
        Scale::Tkr,
        &layout,
        &[(d, &br)],
    )?)?;
    let (result, assets) = (
        "**Årets resultat** | **12\u{a0}043**",
        "tillgångar** | **406\u{a0}363**",
    );
    assert!(rr.contains(result) && br.contains(assets), "{rr}{br}");
    Ok(())
}
