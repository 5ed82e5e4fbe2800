//! A balanskravsunderskott with its history (KL 11 kap. 12 §): restorations, decisions
//! not to restore, the åtgärdsplan, and where it stands at the end of a year.

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::period::FinancialYear;

use super::{RESTORATION_YEARS, SignRule};

/// A restoration (återställande) of a deficit in a year: a positive amount.
#[doc(alias = "återställande")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Restoration {
    /// The year whose positive balanskravsresultat restored it.
    pub year: FinancialYear,
    /// The amount restored (+).
    pub amount: Amount,
}

/// A decision by fullmäktige not to restore (part of) a deficit because of synnerliga
/// skäl (KL 11 kap.; prop. 2003/04:105).
#[doc(alias = "beslut att inte återställa")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Waiver {
    /// The year of the decision.
    pub year: FinancialYear,
    /// The amount not to restore (+).
    pub amount: Amount,
    /// The synnerliga skäl.
    pub reason: String,
}

/// An åtgärdsplan for restoring a deficit (KL 11 kap. 12 §): the decision on the
/// regulation must be taken at the latest in the budget for the third year after the
/// year of origin.
#[doc(alias = "åtgärdsplan")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ActionPlan {
    /// The budget year in which fullmäktige decided the regulation.
    pub decided_in_budget_for: FinancialYear,
    /// What the plan says.
    pub description: String,
}

/// A negative balanskravsresultat to restore (balanskravsunderskott), with its history.
///
/// Invariant: `amount = restored + waived + remaining`, with `remaining ≥ 0`;
/// restorations and waivers that would make the remainder negative are refused.
#[doc(alias = "balanskravsunderskott")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Deficit {
    pub(super) origin: FinancialYear,
    pub(super) amount: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) restorations: Vec<Restoration>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) waivers: Vec<Waiver>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) action_plan: Option<ActionPlan>,
}

impl Deficit {
    /// The year the deficit arose (year of origin).
    #[must_use]
    pub fn origin(&self) -> FinancialYear {
        self.origin
    }

    /// The deficit as a positive amount ("balanskravsresultat att återställa").
    #[must_use]
    pub fn amount(&self) -> Amount {
        self.amount
    }

    /// Restorations, in the order recorded.
    #[must_use]
    pub fn restorations(&self) -> &[Restoration] {
        &self.restorations
    }

    /// Decisions not to restore.
    #[must_use]
    pub fn waivers(&self) -> &[Waiver] {
        &self.waivers
    }

    /// The åtgärdsplan, if decided.
    #[must_use]
    pub fn action_plan(&self) -> Option<&ActionPlan> {
        self.action_plan.as_ref()
    }

    /// The last year in which it must be restored: the third year after the year of
    /// origin (KL 11 kap. 12 §).
    #[must_use]
    pub fn deadline(&self) -> FinancialYear {
        FinancialYear::new(self.origin.year().saturating_add(RESTORATION_YEARS))
    }

    /// The amount restored in `year`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn restored_in(&self, year: FinancialYear) -> Result<Amount> {
        Amount::checked_sum(
            self.restorations
                .iter()
                .filter(|r| r.year == year)
                .map(|r| r.amount),
        )
    }

    /// What remains at the end of `year` after the restorations and waivers of that
    /// year and earlier; zero for a year before the year of origin (the deficit had not
    /// arisen).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn remaining_at_end_of(&self, year: FinancialYear) -> Result<Amount> {
        if year < self.origin {
            return Ok(Amount::ZERO);
        }
        let settled = Amount::checked_sum(
            self.restorations
                .iter()
                .filter(|r| r.year <= year)
                .map(|r| r.amount)
                .chain(
                    self.waivers
                        .iter()
                        .filter(|w| w.year <= year)
                        .map(|w| w.amount),
                ),
        )?;
        self.amount.checked_sub(settled)
    }

    /// What remains after every restoration and waiver recorded. Never negative.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn remaining(&self) -> Result<Amount> {
        let settled = Amount::checked_sum(
            self.restorations
                .iter()
                .map(|r| r.amount)
                .chain(self.waivers.iter().map(|w| w.amount)),
        )?;
        self.amount.checked_sub(settled)
    }

    /// The state at the end of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn status(&self, year: FinancialYear) -> Result<DeficitStatus> {
        if year < self.origin {
            return Ok(DeficitStatus::NotArisen);
        }
        let remaining = self.remaining_at_end_of(year)?;
        let deadline = self.deadline();
        Ok(if remaining.is_zero() {
            DeficitStatus::Settled
        } else if year >= deadline {
            DeficitStatus::Overdue {
                deadline,
                remaining,
            }
        } else {
            DeficitStatus::Open {
                deadline,
                remaining,
            }
        })
    }

    pub(super) fn validate(&self) -> Result<()> {
        let what = || format!("balanskravsunderskott från {}", self.origin);
        if self.amount.is_negative() || self.amount.is_zero() {
            return Err(Error::WrongSign {
                row: what(),
                expected: "the amount to restore, entered as positive (+)",
                amount: self.amount,
            });
        }
        for r in &self.restorations {
            SignRule::NonNegative
                .check(&format!("återställande {} av {}", r.year, what()), r.amount)?;
            if r.year <= self.origin {
                return Err(Error::Refused {
                    what: format!("återställande {} av {}", r.year, what()),
                    reason: "a deficit is restored in the years after the one it arose in".into(),
                });
            }
        }
        for w in &self.waivers {
            SignRule::NonNegative.check(
                &format!("beslut {} att inte återställa {}", w.year, what()),
                w.amount,
            )?;
            if w.reason.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("beslut {} att inte återställa {}", w.year, what()),
                    reason: "a decision not to restore requires its synnerliga skäl".into(),
                });
            }
            if w.year < self.origin {
                return Err(Error::Refused {
                    what: format!("beslut {} att inte återställa {}", w.year, what()),
                    reason: "the decision cannot precede the year the deficit arose".into(),
                });
            }
        }
        if let Some(p) = &self.action_plan {
            if p.description.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("åtgärdsplan för {}", what()),
                    reason: "an åtgärdsplan must say what it is".into(),
                });
            }
        }
        let remaining = self.remaining()?;
        if remaining.is_negative() {
            let settled = self.amount.checked_sub(remaining)?;
            return Err(Error::LimitExceeded {
                what: format!("återställande och avskrivning av {}", what()),
                requested: settled,
                limit: self.amount,
                excess: settled.checked_sub(self.amount)?,
                basis: "restorations and decisions not to restore cannot exceed the deficit".into(),
            });
        }
        Ok(())
    }
}

/// Where a deficit stands at the end of a year.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::balanced_budget::{DeficitRecord, DeficitStatus};
/// let mut record = DeficitRecord::new();
/// record.record_deficit(FinancialYear::new(2023), Amount::mnkr(12))?; // to restore, positive
/// assert!(matches!(record.deficits()[0].status(FinancialYear::new(2024))?, DeficitStatus::Open { .. }));
/// assert!(matches!(record.deficits()[0].status(FinancialYear::new(2026))?, DeficitStatus::Overdue { .. }));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "underskott att återställa")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum DeficitStatus {
    /// The year is before the deficit arose.
    NotArisen,
    /// Restored or waived in full.
    Settled,
    /// Still within its three years.
    Open {
        /// The last year to restore it.
        deadline: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
    /// The three years have passed (or end with this year) and something remains.
    Overdue {
        /// The last year to restore it.
        deadline: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Deficit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            origin: FinancialYear,
            amount: Amount,
            #[serde(default)]
            restorations: Vec<Restoration>,
            #[serde(default)]
            waivers: Vec<Waiver>,
            #[serde(default)]
            action_plan: Option<ActionPlan>,
        }
        let raw = Raw::deserialize(d)?;
        let deficit = Deficit {
            origin: raw.origin,
            amount: raw.amount,
            restorations: raw.restorations,
            waivers: raw.waivers,
            action_plan: raw.action_plan,
        };
        deficit.validate().map_err(serde::de::Error::custom)?;
        Ok(deficit)
    }
}
