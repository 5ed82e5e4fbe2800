//! The koncern part of a report: the consolidation of the period and the koncern's
//! comparison figures.

use crate::statement::{BalanceSheet, CashFlowStatement};

use super::consolidation::Consolidation;
use super::statement::GroupIncomeStatement;

/// Sammanställda räkenskaper in a delårsrapport or årsredovisning (LKBR 12 kap.;
/// 13 kap. for the delårsrapport): the period's [`Consolidation`] and the koncern's
/// comparison figures (resultaträkning of the comparison period, balansräkning at the
/// comparison date, kassaflödesanalys of the year before), shown in koncern columns
/// beside the kommun's.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::group::{Group, GroupAccounts};
///
/// // Made-up figures (tkr): the koncern's balansräkning now and at the comparison date.
/// let br = |equity: i64| BalanceSheet { cash_and_bank: Amount::tkr(equity), other_equity: Amount::tkr(equity), ..Default::default() };
/// let group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), IncomeStatement::default(), br(120));
/// let koncern = GroupAccounts { balance_comparison: Some(br(100)), ..GroupAccounts::new(group.consolidate()?) };
/// let before = koncern.balance_comparison.as_ref().map_or(Amount::ZERO, BalanceSheet::equity);
/// assert_eq!(koncern.consolidation.balance.equity() - before, Amount::tkr(20));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "sammanställda räkenskaper")]
#[doc(alias = "koncernen")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct GroupAccounts {
    /// The consolidation of the period (its statements, table data and findings).
    pub consolidation: Consolidation,
    /// Koncernens resultaträkning for the comparison period.
    pub income_comparison: Option<GroupIncomeStatement>,
    /// Koncernens balansräkning at the comparison date.
    pub balance_comparison: Option<BalanceSheet>,
    /// Koncernens kassaflödesanalys for the comparison period.
    pub cash_flow_comparison: Option<CashFlowStatement>,
}

impl GroupAccounts {
    /// The consolidation without comparison figures.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::group::{Group, GroupAccounts, GroupIncomeStatement};
    ///
    /// // Made-up figures (tkr): a kommun without parts, its result 100 this year and 80 the year before.
    /// let rs = |result: i64| IncomeStatement { tax_revenue: Amount::tkr(1_000 + result), operating_expenses: Amount::tkr(-1_000), ..Default::default() };
    /// let br = BalanceSheet { cash_and_bank: Amount::tkr(100), result_for_the_year: Amount::tkr(100), ..Default::default() };
    /// let group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs(100), br);
    /// let mut koncern = GroupAccounts::new(group.consolidate()?);
    /// assert_eq!(koncern.consolidation.income.result_for_the_year(), Amount::tkr(100));
    /// koncern.income_comparison = Some(GroupIncomeStatement::from_lkbr(rs(80)));
    /// assert_eq!(koncern.income_comparison.map(|c| c.result_for_the_year()), Some(Amount::tkr(80)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(consolidation: Consolidation) -> Self {
        GroupAccounts {
            consolidation,
            income_comparison: None,
            balance_comparison: None,
            cash_flow_comparison: None,
        }
    }
}
