//! Foundation: money, periods, statements and ratios against published figures.

use kommunal_redovisning::{Amount, BalanceSheet, IncomeStatement};

#[test]
fn grastorp_2019_result() {
    let rs = IncomeStatement {
        operating_revenue: Amount::tkr(101_282),
        operating_expenses: Amount::tkr(-417_698),
        depreciation: Amount::tkr(-14_879),
        tax_revenue: Amount::tkr(257_770),
        general_grants: Amount::tkr(86_552),
        financial_income: Amount::tkr(794),
        financial_expenses: Amount::tkr(-1_778),
        ..Default::default()
    };
    assert_eq!(rs.result_for_the_year().unwrap(), Amount::tkr(12_043));
    let br = BalanceSheet {
        cash_and_bank: Amount::tkr(1),
        current_liabilities: Amount::tkr(1),
        ..Default::default()
    };
    br.validate().unwrap();
}
