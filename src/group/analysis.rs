//! The koncern in the finansiell analys: a [`Consolidation`] as a year of
//! [`crate::analysis`] (scope [`crate::analysis::Scope::Group`]), so the whole ratio
//! catalogue is computed for the kommunkoncern as for the kommun.

use crate::analysis::{YearFigures, YearKind};
use crate::statement::{Detail, IncomeLine};

use super::consolidation::Consolidation;

/// The label of the "varav" row that carries the koncern's skatt inside
/// extraordinära poster in [`Consolidation::year_figures`].
pub const TAX_IN_EXTRAORDINARY: &str = "varav skatt i koncernföretagen";

impl Consolidation {
    /// The koncern's year for [`crate::analysis`]: its resultaträkning, balansräkning
    /// and kassaflödesanalys; `None` without a year.
    ///
    /// The analysis works on the LKBR resultaträkning, which has no skatt line; the
    /// koncern's skatt is therefore carried in extraordinära poster, shown as a "varav"
    /// row ([`TAX_IN_EXTRAORDINARY`]), so that årets resultat is the koncern's. Ratios
    /// on resultat efter finansiella poster are then before skatt — whether Kolada's
    /// koncern ratios (N03033) count skatt there is **\[UNCONFIRMED\]**.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioId, RatioOptions};
    /// use kommunal_redovisning::group::Group;
    ///
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(1_000), operating_expenses: Amount::tkr(-980), ..Default::default() };
    /// let br = BalanceSheet { cash_and_bank: Amount::tkr(100), result_for_the_year: Amount::tkr(20),
    ///     other_equity: Amount::tkr(30), current_liabilities: Amount::tkr(50), ..Default::default() };
    /// let c = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs, br).consolidate()?;
    /// let year = c.year_figures().ok_or("the consolidation has no year")?;
    /// let share = compute_ratio(RatioId::ResultShare, &RatioContext::of(&year), &RatioOptions::default())?;
    /// assert_eq!(share.value.as_decimal(), "2".parse()?); // 20 / 1 000 = 2 %
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn year_figures(&self) -> Option<YearFigures> {
        let year = self.year?;
        let mut income = self.income.statement.clone();
        if !self.income.tax.is_zero() {
            income.extraordinary_items += self.income.tax;
            income.details.push(Detail::of_which(
                IncomeLine::ExtraordinaryItems,
                TAX_IN_EXTRAORDINARY,
                self.income.tax,
            ));
        }
        let mut figures = YearFigures::new(year, YearKind::Outcome, income);
        figures.balance = Some(self.balance.clone());
        figures.cash_flow.clone_from(&self.cash_flow);
        Some(figures)
    }
}
