//! The balanskravsutredning itself (LKBR 11 kap. 10 §, KL 11 kap. 12–14 §§): the rows
//! as entered, every rule checked on each change, and the derived subtotal and totals.

use crate::error::{Error, Result, sv_amount};
use crate::money::Amount;
use crate::period::FinancialYear;
use crate::statement::IncomeStatement;

use super::adjustment::Adjustments;
use super::{Adjustment, ReserveContext, ReserveKind, ResultBasis, SignRule};

/// Synnerliga skäl: a row for an amount not charged to the balanskravsresultat because
/// of synnerliga skäl (KL 11 kap.), with the motivation (e.g. Malmö 2013 "synnerligt
/// skäl RIPS"). Entered as zero or positive.
///
/// ```
/// use kommunal_redovisning::balanced_budget::{BalancedBudgetStatement, ResultBasis};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Malmö 2013 (Mkr): 106 not charged because of RIPS.
/// let year = FinancialYear::new(2013);
/// let mut bk = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::mnkr(154));
/// bk.add_exceptional_reason(Amount::mnkr(106), "RIPS")?;
/// let row = bk.exceptional_reasons().first().ok_or("one row")?;
/// assert_eq!((row.amount, row.motivation.as_str()), (Amount::mnkr(106), "RIPS"));
/// assert_eq!(bk.balanced_budget_result(), Amount::mnkr(260));
/// # Ok(()) }
/// ```
#[doc(alias = "synnerliga skäl")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExceptionalReason {
    /// The amount (+).
    pub amount: Amount,
    /// Why: the motivation fullmäktige gave.
    pub motivation: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub(super) struct StatementData {
    pub(super) year: FinancialYear,
    pub(super) basis: ResultBasis,
    pub(super) result_for_the_year: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) adjustments: Adjustments,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) reservation: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) reserve_context: Option<ReserveContext>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) reserve_use: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) reserve_use_reason: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) exceptional: Vec<ExceptionalReason>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) earlier_deficits: Option<Amount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Derived {
    pub(super) adjusted: Amount,
    pub(super) result: Amount,
    pub(super) limit: Option<Amount>,
    pub(super) after_restoration: Option<Amount>,
}

impl StatementData {
    fn derive(&self) -> Result<Derived> {
        let adjusted = Amount::checked_sum(
            std::iter::once(self.result_for_the_year)
                .chain(Adjustment::ALL.map(|a| self.adjustments.get(a))),
        )?;
        let result = Amount::checked_sum(
            [adjusted, self.reservation, self.reserve_use]
                .into_iter()
                .chain(self.exceptional.iter().map(|e| e.amount)),
        )?;
        let after_restoration = match self.earlier_deficits {
            Some(d) => Some(result.checked_add(d)?),
            None => None,
        };
        Ok(Derived {
            adjusted,
            result,
            limit: None,
            after_restoration,
        })
    }

    pub(super) fn validate(&self) -> Result<Derived> {
        let year = self.year;
        for adj in Adjustment::ALL {
            adj.sign(year)
                .check(adj.label(year), self.adjustment(adj))?;
        }
        let kind = ReserveKind::for_year(year);
        SignRule::NonPositive.check(kind.reservation_label(), self.reservation)?;
        SignRule::NonNegative.check(kind.use_label(), self.reserve_use)?;
        if !self.reserve_use.is_zero()
            && self
                .reserve_use_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            return Err(Error::Refused {
                what: format!(
                    "{} {}",
                    kind.use_label().to_lowercase(),
                    sv_amount(self.reserve_use)
                ),
                reason: "användning av reserven kräver ett angivet skäl (för vad och varför, \
                         prop. 2022/23:119; villkoren anges i riktlinjerna för god ekonomisk \
                         hushållning)"
                    .into(),
            });
        }
        for e in &self.exceptional {
            SignRule::NonNegative.check("Synnerliga skäl", e.amount)?;
            if e.motivation.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("synnerliga skäl {}", sv_amount(e.amount)),
                    reason: "en rad för synnerliga skäl kräver sin motivering".into(),
                });
            }
        }
        if let Some(d) = self.earlier_deficits {
            SignRule::NonPositive.check(EARLIER_DEFICITS_LABEL, d)?;
        }
        let mut derived = self.derive()?;
        if let Some(ctx) = &self.reserve_context {
            let what = format!("reservering till {} {year}", ctx.rules.kind.name());
            let limit = ctx.limit(
                year,
                self.result_for_the_year,
                derived.adjusted,
                self.earlier_deficits.unwrap_or(Amount::ZERO),
            );
            match limit {
                Ok(limit) => {
                    let requested = self.reservation.abs();
                    if requested > limit.limit {
                        return Err(Error::LimitExceeded {
                            what,
                            requested,
                            limit: limit.limit,
                            excess: requested.checked_sub(limit.limit)?,
                            basis: limit.describe(),
                        });
                    }
                    derived.limit = Some(limit.limit);
                }
                // A missing base only matters when something is reserved.
                Err(Error::Refused { .. }) if self.reservation.is_zero() => {}
                Err(e) => return Err(e),
            }
        } else if !self.reservation.is_zero() {
            return Err(Error::Refused {
                what: format!("reservering till {} {year}", kind.name()),
                reason: "en reservering behöver sin gräns: ange en ReserveContext (regler, \
                         underlag, eget kapital, reservens saldo)"
                    .into(),
            });
        }
        Ok(derived)
    }

    pub(super) fn adjustment(&self, adj: Adjustment) -> Amount {
        self.adjustments.get(adj)
    }
}

pub(super) const EARLIER_DEFICITS_LABEL: &str = "Balanskravsunderskott från tidigare år";

/// Balanskravsutredning (LKBR 11 kap. 10 §, KL 11 kap. 12–14 §§): årets resultat,
/// adjusted to årets resultat efter balanskravsjusteringar, then reserve movements and
/// synnerliga skäl to årets balanskravsresultat; optionally the restoration of earlier
/// deficits.
///
/// Only rows are stored; the subtotal and totals are derived. Every change is checked
/// (signs, reasons, the reservation limit) and refused as a whole if it breaks a rule,
/// so a statement cannot be built inconsistent; deserializing checks the same.
/// The statement says what it is built from ([`ResultBasis`]): outcome (årsredovisning) or
/// full-year forecast (delårsrapport).
///
/// # Example: Malmö 2013 (Mkr), synnerligt skäl
///
/// ```
/// use kommunal_redovisning::balanced_budget::{Adjustment, BalancedBudgetStatement, ResultBasis};
/// use kommunal_redovisning::{Amount, FinancialYear};
///
/// let mut bk = BalancedBudgetStatement::from_result(FinancialYear::new(2013), ResultBasis::Outcome, Amount::mnkr(154));
/// bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-33))?
///     .add_exceptional_reason(Amount::mnkr(106), "RIPS")?;
/// assert_eq!(bk.adjusted_result(), Amount::mnkr(121));
/// assert_eq!(bk.balanced_budget_result(), Amount::mnkr(227));
/// assert_eq!(bk.rows().last().map(|r| r.label.as_str()), Some("Årets balanskravsresultat"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskravsutredning")]
#[doc(alias = "balanskravsresultat")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalancedBudgetStatement {
    pub(super) data: StatementData,
    pub(super) derived: Derived,
}

impl BalancedBudgetStatement {
    /// A balanskravsutredning for `year` from a given årets resultat (or, for a
    /// delårsrapport, the forecast of it), without adjustments.
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::{BalancedBudgetStatement, ResultBasis};
    /// use kommunal_redovisning::{Amount, FinancialYear};
    ///
    /// // Lystkom, delårsrapport 2025: the forecast of årets resultat is 1 374 tkr.
    /// let year = FinancialYear::new(2025);
    /// let bk = BalancedBudgetStatement::from_result(year, ResultBasis::Forecast, Amount::tkr(1_374));
    /// assert_eq!(bk.balanced_budget_result(), Amount::tkr(1_374));
    /// assert!(bk.is_met());
    /// ```
    #[must_use]
    pub fn from_result(
        year: FinancialYear,
        basis: ResultBasis,
        result_for_the_year: Amount,
    ) -> Self {
        BalancedBudgetStatement {
            data: StatementData {
                year,
                basis,
                result_for_the_year,
                adjustments: Adjustments::default(),
                reservation: Amount::ZERO,
                reserve_context: None,
                reserve_use: Amount::ZERO,
                reserve_use_reason: None,
                exceptional: Vec::new(),
                earlier_deficits: None,
            },
            derived: Derived {
                adjusted: result_for_the_year,
                result: result_for_the_year,
                limit: None,
                after_restoration: None,
            },
        }
    }

    /// A balanskravsutredning from årets resultat of a resultaträkning (for a
    /// forecast: the full-year forecast resultaträkning).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when årets resultat cannot be computed.
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::{BalancedBudgetStatement, ResultBasis};
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Lystkom's forecast result is 1 374 tkr; this split into revenue and costs is made up.
    /// let rs = IncomeStatement {
    ///     operating_revenue: Amount::tkr(60_000),
    ///     operating_expenses: Amount::tkr(-58_626),
    ///     ..Default::default()
    /// };
    /// let year = FinancialYear::new(2025);
    /// let bk = BalancedBudgetStatement::from_income_statement(year, ResultBasis::Forecast, &rs)?;
    /// assert_eq!(bk.result_for_the_year(), Amount::tkr(1_374));
    /// # Ok(()) }
    /// ```
    pub fn from_income_statement(
        year: FinancialYear,
        basis: ResultBasis,
        income: &IncomeStatement,
    ) -> Result<Self> {
        Ok(Self::from_result(year, basis, income.result_for_the_year()))
    }

    fn update(&mut self, change: impl FnOnce(&mut StatementData)) -> Result<&mut Self> {
        let mut data = self.data.clone();
        change(&mut data);
        let derived = data.validate()?;
        self.data = data;
        self.derived = derived;
        Ok(self)
    }

    /// Sets a balanskravsjustering, entered with its printed sign.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] when the sign breaks the row's convention (e.g. a positive
    /// "avgår samtliga realisationsvinster"); [`Error::LimitExceeded`] when a
    /// reservation already made no longer fits; [`Error::Overflow`]. On error the
    /// statement is unchanged.
    pub fn set_adjustment(&mut self, adjustment: Adjustment, amount: Amount) -> Result<&mut Self> {
        self.update(|d| {
            *d.adjustments.get_mut(adjustment) = amount;
        })
    }

    /// Reserves to the resultatutjämningsreserv / resultatreserv: `amount` as printed
    /// (zero or negative), checked against the limit computed from `context`, which is
    /// kept with the statement. A zero amount only records the context (to show the
    /// limit).
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a positive amount; [`Error::LimitExceeded`] naming the
    /// limit, the excess and how the limit was computed; [`Error::Refused`] without a
    /// base (a kommunalförbund) or before 2013; [`Error::InvalidRule`] for an invalid
    /// context. On error the statement is unchanged.
    pub fn reserve(&mut self, amount: Amount, context: ReserveContext) -> Result<&mut Self> {
        self.update(|d| {
            d.reservation = amount;
            d.reserve_context = Some(context);
        })
    }

    /// Uses the reserve: `amount` as printed (zero or positive), with the stated
    /// reason (for what and why).
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a negative amount; [`Error::Refused`] when a non-zero
    /// use has no reason. On error the statement is unchanged.
    pub fn use_reserve(&mut self, amount: Amount, reason: impl Into<String>) -> Result<&mut Self> {
        let reason = reason.into();
        self.update(|d| {
            d.reserve_use = amount;
            d.reserve_use_reason = Some(reason).filter(|r| !r.trim().is_empty());
        })
    }

    /// Adds a synnerliga skäl row (zero or positive) with its motivation.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a negative amount; [`Error::Refused`] without a
    /// motivation. On error the statement is unchanged.
    pub fn add_exceptional_reason(
        &mut self,
        amount: Amount,
        motivation: impl Into<String>,
    ) -> Result<&mut Self> {
        let motivation = motivation.into();
        self.update(|d| {
            d.exceptional.push(ExceptionalReason { amount, motivation });
        })
    }

    /// Shows the restoration of earlier deficits: "Balanskravsunderskott från
    /// tidigare år" as printed (zero or negative), e.g. the negated
    /// [`DeficitRecord::outstanding_at_start_of`](super::DeficitRecord::outstanding_at_start_of) the year.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a positive amount; [`Error::LimitExceeded`] when a
    /// reservation under a restore-deficits-first riktlinje no longer fits.
    pub fn set_earlier_deficits(&mut self, amount: Amount) -> Result<&mut Self> {
        self.update(|d| d.earlier_deficits = Some(amount))
    }

    /// Checks every rule again (what deserializing does).
    ///
    /// # Errors
    ///
    /// As the setters.
    pub fn validate(&self) -> Result<()> {
        self.data.validate().map(|_| ())
    }

    /// The financial year.
    #[must_use]
    pub fn year(&self) -> FinancialYear {
        self.data.year
    }

    /// Outcome or forecast.
    #[must_use]
    pub fn basis(&self) -> ResultBasis {
        self.data.basis
    }

    /// Which reserve the year has.
    #[must_use]
    pub fn reserve_kind(&self) -> ReserveKind {
        ReserveKind::for_year(self.data.year)
    }

    /// Årets resultat (±).
    #[must_use]
    pub fn result_for_the_year(&self) -> Amount {
        self.data.result_for_the_year
    }

    /// One balanskravsjustering, as entered.
    #[must_use]
    pub fn adjustment(&self, adjustment: Adjustment) -> Amount {
        self.data.adjustment(adjustment)
    }

    /// Reservering till the reserve (zero or negative).
    #[must_use]
    pub fn reservation(&self) -> Amount {
        self.data.reservation
    }

    /// The context of the reservation's limit, if given.
    #[must_use]
    pub fn reserve_context(&self) -> Option<&ReserveContext> {
        self.data.reserve_context.as_ref()
    }

    /// The limit of the reservation, when a context with a base was given.
    #[must_use]
    pub fn reserve_limit(&self) -> Option<Amount> {
        self.derived.limit
    }

    /// Användning av the reserve (zero or positive).
    #[must_use]
    pub fn reserve_use(&self) -> Amount {
        self.data.reserve_use
    }

    /// The stated reason for using the reserve.
    #[must_use]
    pub fn reserve_use_reason(&self) -> Option<&str> {
        self.data.reserve_use_reason.as_deref()
    }

    /// The synnerliga skäl rows.
    #[must_use]
    pub fn exceptional_reasons(&self) -> &[ExceptionalReason] {
        &self.data.exceptional
    }

    /// Balanskravsunderskott från tidigare år, if shown (zero or negative).
    #[must_use]
    pub fn earlier_deficits(&self) -> Option<Amount> {
        self.data.earlier_deficits
    }

    /// Årets resultat efter balanskravsjusteringar = årets resultat + Σ justeringar.
    #[doc(alias = "årets resultat efter balanskravsjusteringar")]
    #[must_use]
    pub fn adjusted_result(&self) -> Amount {
        self.derived.adjusted
    }

    /// Årets balanskravsresultat = efter balanskravsjusteringar + reservering +
    /// användning + Σ synnerliga skäl.
    #[doc(alias = "årets balanskravsresultat")]
    #[must_use]
    pub fn balanced_budget_result(&self) -> Amount {
        self.derived.result
    }

    /// `true` when the balanskrav is met: årets balanskravsresultat ≥ 0.
    #[must_use]
    pub fn is_met(&self) -> bool {
        !self.derived.result.is_negative()
    }

    /// Balanskravsresultat + earlier deficits, when they are shown.
    #[must_use]
    pub fn result_after_restoration(&self) -> Option<Amount> {
        self.derived.after_restoration
    }

    /// Balanskravsresultat att återställa: the part below zero of the result after
    /// restoration (or of the balanskravsresultat when no earlier deficits are shown),
    /// as a positive amount.
    #[must_use]
    pub fn to_restore(&self) -> Amount {
        let last = self
            .derived
            .after_restoration
            .unwrap_or(self.derived.result);
        if last.is_negative() {
            -last
        } else {
            Amount::ZERO
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for BalancedBudgetStatement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.data.serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for BalancedBudgetStatement {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let data = StatementData::deserialize(d)?;
        let derived = data
            .validate()
            .map_err(|e| serde::de::Error::custom(crate::error::InSwedish(e)))?;
        Ok(BalancedBudgetStatement { data, derived })
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
    use super::super::test_support::{kommun_context, y};
    use super::*;

    #[test]
    fn reserve_rows_signs_and_reason() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2024), ResultBasis::Outcome, Amount::mnkr(-50));
        assert!(matches!(
            bk.use_reserve(Amount::mnkr(-10), "lågkonjunktur")
                .unwrap_err(),
            Error::WrongSign { .. }
        ));
        let err = bk.use_reserve(Amount::mnkr(30), "  ").unwrap_err();
        assert!(matches!(err, Error::Refused { .. }));
        assert!(err.to_string().contains("kräver ett angivet skäl"), "{err}");
        bk.use_reserve(
            Amount::mnkr(30),
            "skatteunderlaget växer under sitt långsiktiga snitt",
        )
        .unwrap();
        assert_eq!(bk.balanced_budget_result(), Amount::mnkr(-20));
        assert!(!bk.is_met());
        assert_eq!(bk.to_restore(), Amount::mnkr(20));
        let err = bk
            .reserve(Amount::mnkr(10), kommun_context(2024, 1_000))
            .unwrap_err();
        assert!(matches!(err, Error::WrongSign { .. }), "{err}");
        let err = bk.add_exceptional_reason(Amount::mnkr(5), "").unwrap_err();
        assert!(matches!(err, Error::Refused { .. }), "{err}");
        assert!(bk.add_exceptional_reason(Amount::mnkr(-5), "x").is_err());
        assert!(bk.set_earlier_deficits(Amount::mnkr(5)).is_err());
        assert_eq!(bk.exceptional_reasons().len(), 0);
    }

    #[test]
    fn reservation_without_context_is_refused() {
        let mut data =
            BalancedBudgetStatement::from_result(y(2020), ResultBasis::Outcome, Amount::mnkr(100))
                .data;
        data.reservation = Amount::mnkr(-1);
        let err = data.validate().unwrap_err();
        assert!(err.to_string().contains("behöver sin gräns"), "{err}");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip_and_tampering_is_refused() {
        let mut bk = BalancedBudgetStatement::from_result(
            y(2017),
            ResultBasis::Outcome,
            Amount::mnkr(2_128),
        );
        bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-824))
            .unwrap();
        bk.reserve(Amount::mnkr(-1_000), kommun_context(2017, 30_400))
            .unwrap();
        let json = serde_json::to_string(&bk).unwrap();
        assert!(
            json.contains(r#""all_realised_gains":"-824000000.00""#),
            "{json}"
        );
        let back: BalancedBudgetStatement = serde_json::from_str(&json).unwrap();
        assert_eq!(back, bk);
        assert_eq!(back.balanced_budget_result(), Amount::mnkr(304));
        let tampered = json.replace("-1000000000", "-1001000000");
        assert_ne!(tampered, json);
        let err = serde_json::from_str::<BalancedBudgetStatement>(&tampered).unwrap_err();
        assert!(err.to_string().contains("överskrider gränsen"), "{err}");
        let wrong_sign = json.replace("-824000000", "824000000");
        assert!(serde_json::from_str::<BalancedBudgetStatement>(&wrong_sign).is_err());
    }
}
