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
/// use kommunal_redovisning::group::{Consolidation, GroupAccounts};
///
/// let g = GroupAccounts::new(Consolidation::default());
/// assert!(g.income_comparison.is_none());
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
