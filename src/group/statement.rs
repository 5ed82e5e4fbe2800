//! Sammanställd resultaträkning (LKBR 12 kap. 6 §, applying 5 kap.): the LKBR lines of
//! the kommun's resultaträkning plus the companies' skatt, every subtotal derived.

use crate::error::Result;
use crate::money::Amount;
use crate::statement::{BalanceLine, BalanceSheet, IncomeLine, IncomeStatement, StatementRowKind};
use crate::statement::{StatementLayout, StatementRow};

/// The row id of the skatt line of a sammanställd resultaträkning.
pub const TAX_ROW_ID: &str = "skatt";
/// The row id of "varav minoritetens andel av årets resultat".
pub const MINORITY_ROW_ID: &str = "arets_resultat/minoritetens_andel";

/// Sammanställd resultaträkning (koncernens resultaträkning), LKBR 12 kap. 6 §: the
/// lines of 5 kap. in the kommun's layout, plus skatt (aktuell and uppskjuten skatt of
/// the companies), and under full consolidation the minority's share of årets
/// resultat as a "varav" row.
///
/// Årets resultat = the LKBR årets resultat + skatt; it is derived, never stored.
///
/// ```
/// use kommunal_redovisning::{Amount, IncomeStatement};
/// use kommunal_redovisning::group::GroupIncomeStatement;
///
/// let rs = GroupIncomeStatement {
///     statement: IncomeStatement { operating_revenue: Amount::tkr(100), ..Default::default() },
///     tax: Amount::tkr(-20),
///     minority_share: Amount::ZERO,
/// };
/// assert_eq!(rs.result_for_the_year(), Amount::tkr(80));
/// ```
#[doc(alias = "sammanställd resultaträkning")]
#[doc(alias = "koncernens resultaträkning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct GroupIncomeStatement {
    /// The LKBR lines (verksamhetens intäkter … extraordinära poster).
    pub statement: IncomeStatement,
    /// Skatt: the companies' tax on their results, including the uppskjuten skatt on
    /// the change of obeskattade reserver (−).
    pub tax: Amount,
    /// Varav minoritetens andel av årets resultat (full consolidation only).
    pub minority_share: Amount,
}

impl GroupIncomeStatement {
    /// A statement from LKBR lines without skatt (a kommun or a kommunalförbund).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::group::{GroupIncomeStatement, TAX_ROW_ID};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// // Made-up figures (tkr): a kommunalförbund pays no skatt.
    /// let rs = IncomeStatement { operating_revenue: Amount::tkr(540), operating_expenses: Amount::tkr(-500), ..Default::default() };
    /// let forbund = GroupIncomeStatement::from_lkbr(rs);
    /// assert_eq!((forbund.tax, forbund.result_for_the_year()), (Amount::ZERO, Amount::tkr(40)));
    /// let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
    /// let rows = forbund.rows(&layout)?;
    /// assert!(rows.iter().any(|r| r.id == TAX_ROW_ID && r.amount == Some(Amount::ZERO)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn from_lkbr(statement: IncomeStatement) -> Self {
        GroupIncomeStatement {
            statement,
            tax: Amount::ZERO,
            minority_share: Amount::ZERO,
        }
    }

    /// Årets resultat = resultat efter finansiella poster + extraordinära poster +
    /// skatt.
    #[must_use]
    pub fn result_for_the_year(&self) -> Amount {
        self.statement.result_for_the_year() + self.tax
    }

    /// The amount of a line (skatt is not an [`IncomeLine`]; see [`Self::tax`]).
    #[must_use]
    pub fn amount(&self, line: IncomeLine) -> Amount {
        self.statement.amount(line)
    }

    /// The rows in statutory order: the rows of [`IncomeStatement::rows`], with skatt
    /// before årets resultat and, when there is a minority, its share under it.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn rows(&self, layout: &StatementLayout) -> Result<Vec<StatementRow>> {
        let mut rows = self.statement.rows(layout)?;
        let result = self.result_for_the_year();
        let at = rows
            .iter()
            .position(|r| r.id == "arets_resultat")
            .unwrap_or(rows.len());
        if let Some(r) = rows.get_mut(at) {
            r.amount = Some(result);
        }
        rows.insert(
            at,
            StatementRow {
                id: TAX_ROW_ID.to_owned(),
                label: layout.labels.get(TAX_ROW_ID, "Skatt").to_owned(),
                kind: StatementRowKind::Line,
                depth: 0,
                amount: Some(self.tax),
                note: None,
            },
        );
        if !self.minority_share.is_zero() {
            rows.push(StatementRow {
                id: MINORITY_ROW_ID.to_owned(),
                label: layout
                    .labels
                    .get(MINORITY_ROW_ID, "varav minoritetens andel")
                    .to_owned(),
                kind: StatementRowKind::OfWhich,
                depth: 1,
                amount: Some(self.minority_share),
                note: None,
            });
        }
        Ok(rows)
    }

    /// The statement with every amount multiplied by `factor` (an owner share as a
    /// fraction); details and notes are left out.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Decimal, IncomeStatement};
    /// use kommunal_redovisning::group::GroupIncomeStatement;
    ///
    /// // Made-up figures (tkr): a company's result 60 after skatt −15, taken at a 30 % share.
    /// let company = GroupIncomeStatement {
    ///     statement: IncomeStatement { operating_revenue: Amount::tkr(575), operating_expenses: Amount::tkr(-500), ..Default::default() },
    ///     tax: Amount::tkr(-15),
    ///     minority_share: Amount::ZERO,
    /// };
    /// let share = company.scaled(Decimal::new(3, 1))?;
    /// assert_eq!(share.statement.operating_revenue, Amount::kr(172_500));
    /// assert_eq!(share.tax, Amount::kr(-4_500));
    /// assert_eq!(share.result_for_the_year(), Amount::tkr(18));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn scaled(&self, factor: rust_decimal::Decimal) -> Result<Self> {
        let mut statement = IncomeStatement::default();
        for line in IncomeLine::ALL {
            *statement.amount_mut(line) = self.statement.amount(line).checked_mul(factor)?;
        }
        Ok(GroupIncomeStatement {
            statement,
            tax: self.tax.checked_mul(factor)?,
            minority_share: self.minority_share.checked_mul(factor)?,
        })
    }

    /// Adds `other` line by line.
    pub fn add(&mut self, other: &GroupIncomeStatement) {
        for line in IncomeLine::ALL {
            *self.statement.amount_mut(line) += other.statement.amount(line);
        }
        self.tax += other.tax;
        self.minority_share += other.minority_share;
    }
}

/// A balansräkning with every post multiplied by `factor`; details and notes left out.
pub(crate) fn scaled_balance(
    b: &BalanceSheet,
    factor: rust_decimal::Decimal,
) -> Result<BalanceSheet> {
    let mut out = BalanceSheet::default();
    for line in BalanceLine::ALL {
        *out.amount_mut(line) = b.amount(line).checked_mul(factor)?;
    }
    Ok(out)
}

/// Adds `other` to `into` post by post.
pub(crate) fn add_balance(into: &mut BalanceSheet, other: &BalanceSheet) {
    for line in BalanceLine::ALL {
        *into.amount_mut(line) += other.amount(line);
    }
}
