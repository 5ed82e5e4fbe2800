//! Förvärvsanalys: the owner's shares in a part set against the part's eget kapital at
//! acquisition (förvärvsmetoden), with the difference allocated to övervärden and
//! goodwill — kept as data so an auditor can follow it.

use chrono::NaiveDate;

use crate::money::Amount;
use crate::statement::BalanceLine;

use super::part::Owner;

/// An övervärde (or undervärde, negative) found in the acquisition analysis, on a
/// post of the balansräkning, at the owner's share.
///
/// ```
/// use kommunal_redovisning::{Amount, Percent};
/// use kommunal_redovisning::group::{AcquisitionAnalysis, Owner, SurplusValue};
/// use kommunal_redovisning::statement::BalanceLine;
///
/// // Made-up (tkr): 60 % bought for 25 000 of an eget kapital of 45 000 (27 000 acquired);
/// // the machines are worth 1 000 less than booked, an undervärde.
/// let mut a = AcquisitionAnalysis::new("energi", Owner::Kommun, Amount::tkr(25_000), Amount::tkr(45_000));
/// a.surplus_values.push(SurplusValue { line: BalanceLine::MachineryAndEquipment, amount: Amount::tkr(-1_000) });
/// // 25 000 − 27 000 + 1 000: negativ goodwill.
/// assert_eq!(a.goodwill(Percent::new(60.into()))?, Amount::tkr(-1_000));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "övervärde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SurplusValue {
    /// The post the övervärde belongs to (e.g. mark och byggnader).
    pub line: BalanceLine,
    /// The amount (positive for an övervärde).
    pub amount: Amount,
}

/// Förvärvsanalys (acquisition analysis) of one holding.
///
/// The owner's book value of the shares ([`AcquisitionAnalysis::cost`]) is eliminated
/// against its share of the part's eget kapital at acquisition; the difference is the
/// övervärden ([`AcquisitionAnalysis::surplus_values`]) and, for the rest, goodwill
/// (immateriella anläggningstillgångar) or, when negative, negativ goodwill (andra
/// avsättningar). Depreciation of övervärden after acquisition is not modelled: give
/// the remaining övervärden at the balance date.
///
/// ```
/// use kommunal_redovisning::{Amount, Percent};
/// use kommunal_redovisning::group::{AcquisitionAnalysis, Owner};
///
/// let a = AcquisitionAnalysis::new("energi", Owner::Kommun, Amount::tkr(30_000), Amount::tkr(45_000));
/// // 60 % of 45 000 = 27 000; goodwill 3 000.
/// assert_eq!(a.goodwill(Percent::new(60.into()))?, Amount::tkr(3_000));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "förvärvsanalys")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AcquisitionAnalysis {
    /// The acquired part's id.
    pub part: String,
    /// The owner whose balansräkning holds the shares.
    pub owner: Owner,
    /// Förvärvsdag, when known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub acquired_on: Option<NaiveDate>,
    /// Anskaffningsvärde: the shares' book value in the owner's finansiella
    /// anläggningstillgångar.
    pub cost: Amount,
    /// The part's eget kapital at acquisition, at 100 % (including the eget-kapital
    /// part of obeskattade reserver).
    pub equity_at_acquisition: Amount,
    /// Övervärden identified, at the owner's share.
    #[cfg_attr(feature = "serde", serde(default))]
    pub surplus_values: Vec<SurplusValue>,
}

impl AcquisitionAnalysis {
    /// An analysis without övervärden or date.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Percent};
    /// use kommunal_redovisning::group::{AcquisitionAnalysis, Owner, SurplusValue};
    /// use kommunal_redovisning::statement::BalanceLine;
    ///
    /// // Made-up (tkr): shares bought for 30 000 in a company whose eget kapital was 45 000.
    /// let mut a = AcquisitionAnalysis::new("energi", Owner::Kommun, Amount::tkr(30_000), Amount::tkr(45_000));
    /// assert_eq!(a.acquired_equity(Percent::new(60.into()))?, Amount::tkr(27_000)); // 60 %
    /// // 2 000 of the difference is an övervärde in the buildings, the rest goodwill.
    /// a.surplus_values.push(SurplusValue { line: BalanceLine::LandAndBuildings, amount: Amount::tkr(2_000) });
    /// assert_eq!(a.goodwill(Percent::new(60.into()))?, Amount::tkr(1_000));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        part: impl Into<String>,
        owner: Owner,
        cost: Amount,
        equity_at_acquisition: Amount,
    ) -> Self {
        AcquisitionAnalysis {
            part: part.into(),
            owner,
            acquired_on: None,
            cost,
            equity_at_acquisition,
            surplus_values: Vec::new(),
        }
    }

    /// The acquired eget kapital: the part's eget kapital at acquisition × the owner's
    /// share.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn acquired_equity(&self, share: crate::Percent) -> crate::Result<Amount> {
        self.equity_at_acquisition.checked_mul(share.to_fraction())
    }

    /// Goodwill = cost − acquired eget kapital − övervärden (negative: negativ
    /// goodwill).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn goodwill(&self, share: crate::Percent) -> crate::Result<Amount> {
        let surplus: Amount = self.surplus_values.iter().map(|s| s.amount).sum();
        Ok(self.cost - self.acquired_equity(share)? - surplus)
    }
}
