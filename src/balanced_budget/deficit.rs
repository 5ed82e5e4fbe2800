//! A balanskravsunderskott with its history (KL 11 kap. 12 §): restorations, decisions
//! not to restore, the åtgärdsplan, and where it stands at the end of a year.

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::period::FinancialYear;

use super::{RESTORATION_YEARS, SignRule};

/// Återställande: the restoration of a deficit in a year (KL 11 kap. 12 §), a positive
/// amount.
///
/// ```
/// use kommunal_redovisning::balanced_budget::{DeficitRecord, Restoration};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Malmö: the 193 Mkr deficit of 2014 is restored in 2015.
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2014), Amount::mnkr(193))?;
/// record.restore(y(2014), y(2015), Amount::mnkr(193))?;
/// let deficit = record.get(y(2014)).ok_or("recorded")?;
/// assert_eq!(deficit.restorations(), [Restoration { year: y(2015), amount: Amount::mnkr(193) }]);
/// # Ok(()) }
/// ```
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

/// Beslut att inte återställa: fullmäktige's decision not to restore (part of) a
/// deficit because of synnerliga skäl (KL 11 kap.; prop. 2003/04:105).
///
/// ```
/// use kommunal_redovisning::balanced_budget::DeficitRecord;
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Made up: in 2022 fullmäktige decides not to restore 20 of a 100 mnkr deficit from 2021.
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2021), Amount::mnkr(100))?;
/// record.waive(y(2021), y(2022), Amount::mnkr(20), "orealiserade förluster i värdepapper")?;
/// let deficit = record.get(y(2021)).ok_or("recorded")?;
/// assert_eq!(deficit.waivers().iter().map(|w| w.amount).sum::<Amount>(), Amount::mnkr(20));
/// assert_eq!(deficit.remaining()?, Amount::mnkr(80));
/// # Ok(()) }
/// ```
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

/// Åtgärdsplan: the plan for restoring a deficit (KL 11 kap. 12 §); the decision on the
/// regulation must be taken at the latest in the budget for the third year after the
/// year of origin.
///
/// ```
/// use kommunal_redovisning::balanced_budget::{ActionPlan, DeficitRecord};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Made up: a 40 mnkr deficit from 2021, its plan decided in the budget for 2024.
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2021), Amount::mnkr(40))?;
/// let plan = ActionPlan { decided_in_budget_for: y(2024), description: "besparingar".into() };
/// record.set_action_plan(y(2021), plan)?;
/// assert!(record.findings(y(2022))?.is_empty()); // in time, and not yet overdue
/// # Ok(()) }
/// ```
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

/// Balanskravsunderskott: a negative balanskravsresultat to restore (KL 11 kap. 12 §),
/// with its history.
///
/// Invariant: `amount = restored + waived + remaining`, with `remaining ≥ 0`;
/// restorations and waivers that would make the remainder negative are refused.
///
/// ```
/// use kommunal_redovisning::balanced_budget::DeficitRecord;
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Malmö 2014 (Mkr): a deficit of 193, to restore by 2017.
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2014), Amount::mnkr(193))?;
/// let deficit = record.get(y(2014)).ok_or("recorded")?;
/// assert_eq!((deficit.origin(), deficit.deadline()), (y(2014), y(2017)));
/// assert_eq!(deficit.remaining()?, Amount::mnkr(193));
/// # Ok(()) }
/// ```
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
                expected: "beloppet att återställa, anges som positivt (+)",
                amount: self.amount,
            });
        }
        for r in &self.restorations {
            SignRule::NonNegative
                .check(&format!("återställande {} av {}", r.year, what()), r.amount)?;
            if r.year <= self.origin {
                return Err(Error::Refused {
                    what: format!("återställande {} av {}", r.year, what()),
                    reason: "ett underskott återställs under åren efter det år det uppstod".into(),
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
                    reason: "ett beslut att inte återställa kräver sina synnerliga skäl".into(),
                });
            }
            if w.year < self.origin {
                return Err(Error::Refused {
                    what: format!("beslut {} att inte återställa {}", w.year, what()),
                    reason: "beslutet kan inte fattas före det år underskottet uppstod".into(),
                });
            }
        }
        if let Some(p) = &self.action_plan {
            if p.description.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("åtgärdsplan för {}", what()),
                    reason: "en åtgärdsplan måste beskriva vad den innebär".into(),
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
                basis: "återställanden och beslut att inte återställa kan inte överstiga \
                        underskottet"
                    .into(),
            });
        }
        Ok(())
    }
}

/// Underskott att återställa: where a deficit stands at the end of a year (KL 11 kap.
/// 12 §).
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
        deficit
            .validate()
            .map_err(|e| serde::de::Error::custom(crate::error::InSwedish(e)))?;
        Ok(deficit)
    }
}
