//! The rows of a balanskravsutredning and their signs: what it is built from
//! ([`ResultBasis`]), the sign convention of a row ([`SignRule`]) and the
//! balanskravsjusteringar ([`Adjustment`]).

use std::fmt;

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::period::FinancialYear;

/// What a balanskravsutredning is built from (underlag): the outcome of the year in an
/// årsredovisning, or the full-year forecast in a delårsrapport (RKR R17).
///
/// ```
/// use kommunal_redovisning::balanced_budget::ResultBasis;
/// assert_eq!(ResultBasis::Forecast.label(), "prognos för helåret");
/// assert_eq!(ResultBasis::Forecast.report(), "delårsrapport");
/// assert_eq!(ResultBasis::Outcome.to_string(), "utfall");
/// ```
#[doc(alias = "utfall")]
#[doc(alias = "prognos")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ResultBasis {
    /// Utfall: the year's outcome (årsredovisning).
    Outcome,
    /// Prognos: the full-year forecast (delårsrapport).
    Forecast,
}

impl ResultBasis {
    /// The Swedish name: "utfall" or "prognos för helåret".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ResultBasis::Outcome => "utfall",
            ResultBasis::Forecast => "prognos för helåret",
        }
    }

    /// The report it belongs to: "årsredovisning" or "delårsrapport".
    #[must_use]
    pub fn report(self) -> &'static str {
        match self {
            ResultBasis::Outcome => "årsredovisning",
            ResultBasis::Forecast => "delårsrapport",
        }
    }
}

impl fmt::Display for ResultBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The sign convention of a row (teckenregel), enforced when an amount is entered.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::balanced_budget::SignRule;
/// assert!(SignRule::NonPositive.allows(Amount::tkr(-340)));
/// assert!(SignRule::NonPositive.check("Avgår realisationsvinster", Amount::tkr(340)).is_err());
/// ```
#[doc(alias = "teckenregel")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SignRule {
    /// Zero or positive: an addition.
    NonNegative,
    /// Zero or negative: a deduction.
    NonPositive,
    /// Either sign.
    Either,
}

impl SignRule {
    /// `true` when `amount` has an allowed sign.
    #[must_use]
    pub fn allows(self, amount: Amount) -> bool {
        match self {
            SignRule::NonNegative => !amount.is_negative(),
            SignRule::NonPositive => amount.is_negative() || amount.is_zero(),
            SignRule::Either => true,
        }
    }

    /// The convention in words, as used in error messages.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            SignRule::NonNegative => "an addition, entered as zero or positive (+)",
            SignRule::NonPositive => "a deduction, entered as zero or negative (−)",
            SignRule::Either => "entered with its own sign (±)",
        }
    }

    /// Checks `amount` against the rule for the row labelled `row`.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] naming the row, the convention and the amount.
    pub fn check(self, row: &str, amount: Amount) -> Result<()> {
        if self.allows(amount) {
            Ok(())
        } else {
            Err(Error::WrongSign {
                row: row.to_owned(),
                expected: self.describe(),
                amount,
            })
        }
    }
}

/// A balanskravsjustering: a row between årets resultat and årets resultat efter
/// balanskravsjusteringar (LKBR 11 kap. 10 §; rows as Göteborg 2019 and Malmö 2015 print them).
///
/// ```
/// use kommunal_redovisning::balanced_budget::{Adjustment, BalancedBudgetStatement, ResultBasis};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// // Göteborg 2019 (mnkr): 1 504 − 785 realisationsvinster = 719.
/// let mut bk = BalancedBudgetStatement::from_result(FinancialYear::new(2019), ResultBasis::Outcome, Amount::mnkr(1_504));
/// bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-785))?;
/// assert_eq!(bk.adjusted_result(), Amount::mnkr(719));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskravsjustering")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Adjustment {
    /// Avgår samtliga realisationsvinster (−).
    AllRealisedGains,
    /// Vissa realisationsvinster enligt undantagsmöjlighet (+).
    ExemptRealisedGains,
    /// Vissa realisationsförluster enligt undantagsmöjlighet (+).
    ExemptRealisedLosses,
    /// Orealiserade förluster i värdepapper (+; to 2018), orealiserade vinster och
    /// förluster i värdepapper (±; from 2019 under LKBR, gains deducted and losses added
    /// back).
    UnrealisedSecurities,
    /// Återföring av orealiserade förluster i värdepapper (−).
    ReversalOfUnrealisedLosses,
}

impl Adjustment {
    /// All adjustments in the order they are printed.
    pub const ALL: [Adjustment; 5] = [
        Adjustment::AllRealisedGains,
        Adjustment::ExemptRealisedGains,
        Adjustment::ExemptRealisedLosses,
        Adjustment::UnrealisedSecurities,
        Adjustment::ReversalOfUnrealisedLosses,
    ];

    /// The stable id used for row ids and label overrides.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Adjustment::AllRealisedGains => "samtliga_realisationsvinster",
            Adjustment::ExemptRealisedGains => "realisationsvinster_undantag",
            Adjustment::ExemptRealisedLosses => "realisationsforluster_undantag",
            Adjustment::UnrealisedSecurities => "orealiserade_vardepapper",
            Adjustment::ReversalOfUnrealisedLosses => "aterforing_orealiserade_forluster",
        }
    }

    /// The Swedish label as printed in `year` (the securities row reads "Orealiserade
    /// vinster och förluster i värdepapper" from 2019, when LKBR took effect).
    #[must_use]
    pub fn label(self, year: FinancialYear) -> &'static str {
        match self {
            Adjustment::AllRealisedGains => "Avgår samtliga realisationsvinster",
            Adjustment::ExemptRealisedGains => {
                "Vissa realisationsvinster enligt undantagsmöjlighet"
            }
            Adjustment::ExemptRealisedLosses => {
                "Vissa realisationsförluster enligt undantagsmöjlighet"
            }
            Adjustment::UnrealisedSecurities if year.year() >= 2019 => {
                "Orealiserade vinster och förluster i värdepapper"
            }
            Adjustment::UnrealisedSecurities => "Orealiserade förluster i värdepapper",
            Adjustment::ReversalOfUnrealisedLosses => {
                "Återföring av orealiserade förluster i värdepapper"
            }
        }
    }

    /// The sign convention in `year` (see the module docs).
    #[must_use]
    pub fn sign(self, year: FinancialYear) -> SignRule {
        match self {
            Adjustment::AllRealisedGains | Adjustment::ReversalOfUnrealisedLosses => {
                SignRule::NonPositive
            }
            Adjustment::ExemptRealisedGains | Adjustment::ExemptRealisedLosses => {
                SignRule::NonNegative
            }
            Adjustment::UnrealisedSecurities if year.year() >= 2019 => SignRule::Either,
            Adjustment::UnrealisedSecurities => SignRule::NonNegative,
        }
    }
}

/// The adjustment rows by name (so that serialized statements are self-describing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub(super) struct Adjustments {
    all_realised_gains: Amount,
    exempt_realised_gains: Amount,
    exempt_realised_losses: Amount,
    unrealised_securities: Amount,
    reversal_of_unrealised_losses: Amount,
}

impl Adjustments {
    pub(super) fn get(&self, adj: Adjustment) -> Amount {
        match adj {
            Adjustment::AllRealisedGains => self.all_realised_gains,
            Adjustment::ExemptRealisedGains => self.exempt_realised_gains,
            Adjustment::ExemptRealisedLosses => self.exempt_realised_losses,
            Adjustment::UnrealisedSecurities => self.unrealised_securities,
            Adjustment::ReversalOfUnrealisedLosses => self.reversal_of_unrealised_losses,
        }
    }

    pub(super) fn get_mut(&mut self, adj: Adjustment) -> &mut Amount {
        match adj {
            Adjustment::AllRealisedGains => &mut self.all_realised_gains,
            Adjustment::ExemptRealisedGains => &mut self.exempt_realised_gains,
            Adjustment::ExemptRealisedLosses => &mut self.exempt_realised_losses,
            Adjustment::UnrealisedSecurities => &mut self.unrealised_securities,
            Adjustment::ReversalOfUnrealisedLosses => &mut self.reversal_of_unrealised_losses,
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::super::test_support::y;
    use super::*;
    use crate::balanced_budget::BalancedBudgetStatement;

    #[test]
    fn every_row_enforces_its_sign_and_says_so() {
        let year = y(2018);
        for adj in Adjustment::ALL {
            let mut bk =
                BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::tkr(10));
            let wrong = match adj.sign(year) {
                SignRule::NonPositive => Amount::tkr(5),
                SignRule::NonNegative => Amount::tkr(-5),
                SignRule::Either => unreachable!("no ± row before 2019"),
            };
            let err = bk.set_adjustment(adj, wrong).unwrap_err();
            let msg = err.to_string();
            assert!(matches!(err, Error::WrongSign { .. }), "{adj:?}: {msg}");
            assert!(msg.contains(adj.label(year)), "{msg}");
            let word = if adj.sign(year) == SignRule::NonPositive {
                "deduction"
            } else {
                "addition"
            };
            assert!(msg.contains(word), "{msg}");
            // Unchanged after the refusal.
            assert_eq!(bk.adjustment(adj), Amount::ZERO);
            assert_eq!(bk.adjusted_result(), Amount::tkr(10));
            // The right sign is accepted.
            bk.set_adjustment(adj, -wrong).unwrap();
            assert_eq!(
                bk.adjusted_result(),
                Amount::tkr(10).checked_add(-wrong).unwrap()
            );
        }
        let err = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::tkr(10))
            .set_adjustment(Adjustment::AllRealisedGains, Amount::tkr(23))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Avgår samtliga realisationsvinster: wrong sign, the row is a deduction, entered as \
             zero or negative (−); got 23000.00"
        );
    }

    #[test]
    fn securities_row_takes_either_sign_from_2019() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2019), ResultBasis::Outcome, Amount::tkr(10));
        bk.set_adjustment(Adjustment::UnrealisedSecurities, Amount::tkr(-4))
            .unwrap();
        assert_eq!(bk.adjusted_result(), Amount::tkr(6));
        assert_eq!(
            Adjustment::UnrealisedSecurities.label(y(2019)),
            "Orealiserade vinster och förluster i värdepapper"
        );
        assert!(
            BalancedBudgetStatement::from_result(y(2018), ResultBasis::Outcome, Amount::tkr(10))
                .set_adjustment(Adjustment::UnrealisedSecurities, Amount::tkr(-4))
                .is_err()
        );
    }
}
