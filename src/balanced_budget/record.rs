//! The multi-year record of deficits to restore (balanskravsunderskott att
//! återställa) and its findings: overdue deficits and missing or late åtgärdsplaner.

use std::fmt;

use crate::error::{Error, Result, sv_amount};
use crate::money::Amount;
use crate::period::FinancialYear;

use super::{
    ActionPlan, BalancedBudgetStatement, Deficit, DeficitStatus, Restoration, ResultBasis,
    SignRule, Waiver,
};

/// Iakttagelse om balanskravsunderskott: a finding about the deficit record at the end
/// of a year (KL 11 kap. 12 §), returned as data; its `Display` is the Swedish text.
///
/// ```
/// use kommunal_redovisning::balanced_budget::{DeficitFinding, DeficitRecord};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Made up: 10 mnkr from 2019, not restored by the end of 2022 and without a plan.
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2019), Amount::mnkr(10))?;
/// let findings = record.findings(y(2022))?;
/// let overdue = DeficitFinding::Overdue { origin: y(2019), deadline: y(2022), remaining: Amount::mnkr(10) };
/// assert_eq!(findings.first(), Some(&overdue));
/// assert_eq!(
///     findings.last().map(|f| f.to_string()).as_deref(),
///     Some("balanskravsunderskottet från 2019 (10\u{a0}000\u{a0}tkr kvar) saknar åtgärdsplan")
/// );
/// # Ok(()) }
/// ```
#[doc(alias = "iakttagelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "återställande")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum DeficitFinding {
    /// Not restored within the three following years (KL 11 kap. 12 §).
    Overdue {
        /// Year of origin.
        origin: FinancialYear,
        /// The last year it should have been restored in.
        deadline: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
    /// A deficit remains but no åtgärdsplan is recorded.
    MissingActionPlan {
        /// Year of origin.
        origin: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
    /// The åtgärdsplan was decided later than in the budget for the third year.
    LateActionPlan {
        /// Year of origin.
        origin: FinancialYear,
        /// The budget year it was decided in.
        decided_in_budget_for: FinancialYear,
        /// The latest budget year allowed.
        deadline: FinancialYear,
    },
}

impl fmt::Display for DeficitFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeficitFinding::Overdue {
                origin,
                deadline,
                remaining,
            } => write!(
                f,
                "balanskravsunderskottet från {origin} skulle ha återställts senast {deadline}; \
                 kvar att återställa {}",
                sv_amount(*remaining)
            ),
            DeficitFinding::MissingActionPlan { origin, remaining } => write!(
                f,
                "balanskravsunderskottet från {origin} ({} kvar) saknar åtgärdsplan",
                sv_amount(*remaining)
            ),
            DeficitFinding::LateActionPlan {
                origin,
                decided_in_budget_for,
                deadline,
            } => write!(
                f,
                "åtgärdsplanen för balanskravsunderskottet från {origin} beslutades i budgeten för \
                 {decided_in_budget_for}, senast tillåtet är budgeten för {deadline}"
            ),
        }
    }
}

/// Återställande med årets resultat: what recording a year's outcome did to the
/// record ([`DeficitRecord::record_outcome`], [`DeficitRecord::apply_surplus`]).
///
/// ```
/// use kommunal_redovisning::balanced_budget::{Adjustment, BalancedBudgetStatement, DeficitRecord, ResultBasis};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Malmö 2014 (Mkr): årets resultat −149, realisationsvinster −56, RUR used 12 → −193.
/// let year = FinancialYear::new(2014);
/// let mut bk = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::mnkr(-149));
/// bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-56))?
///     .use_reserve(Amount::mnkr(12), "enligt riktlinjerna")?;
/// let applied = DeficitRecord::new().record_outcome(&bk)?;
/// assert_eq!(applied.new_deficit, Some(Amount::mnkr(193)));
/// assert!(applied.restored.is_empty() && applied.unused.is_zero());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "återställande")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SurplusApplication {
    /// A new deficit recorded for the year (positive), if the result was negative.
    pub new_deficit: Option<Amount>,
    /// Restorations made: year of origin of the deficit and the amount.
    pub restored: Vec<(FinancialYear, Amount)>,
    /// The part of a positive result left after restoring every earlier deficit.
    pub unused: Amount,
}

/// The multi-year record of deficits to restore (balanskravsunderskott att återställa):
/// one [`Deficit`] per year of origin, oldest first.
///
/// Over-restoration: an explicit [`restore`](Self::restore) or
/// [`waive`](Self::waive) above what remains is an error ([`Error::LimitExceeded`],
/// naming the remainder and the excess); applying a year's surplus
/// ([`apply_surplus`](Self::apply_surplus)) is capped — it restores the oldest deficits
/// first and returns what is left unused. Either way no remainder is ever negative.
///
/// # Example: Malmö 2014–2015 (Mkr)
///
/// ```
/// use kommunal_redovisning::balanced_budget::{DeficitRecord, DeficitStatus};
/// use kommunal_redovisning::{Amount, FinancialYear};
///
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2014), Amount::mnkr(193))?;
/// assert_eq!(record.outstanding_at_start_of(y(2015))?, Amount::mnkr(193));
/// let applied = record.apply_surplus(y(2015), Amount::mnkr(355))?;
/// assert_eq!(applied.restored, vec![(y(2014), Amount::mnkr(193))]);
/// assert_eq!(applied.unused, Amount::mnkr(162));
/// assert_eq!(record.deficits()[0].status(y(2015))?, DeficitStatus::Settled);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskravsunderskott att återställa")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DeficitRecord {
    deficits: Vec<Deficit>,
}

impl DeficitRecord {
    /// An empty record.
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::DeficitRecord;
    /// use kommunal_redovisning::{Amount, FinancialYear};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let record = DeficitRecord::new();
    /// assert!(record.deficits().is_empty());
    /// assert_eq!(record.outstanding_at_start_of(FinancialYear::new(2025))?, Amount::ZERO);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The deficits, oldest first.
    #[must_use]
    pub fn deficits(&self) -> &[Deficit] {
        &self.deficits
    }

    /// The deficit of a year of origin.
    #[must_use]
    pub fn get(&self, origin: FinancialYear) -> Option<&Deficit> {
        self.deficits.iter().find(|d| d.origin == origin)
    }

    fn update(&mut self, origin: FinancialYear, change: impl FnOnce(&mut Deficit)) -> Result<()> {
        let Some(slot) = self.deficits.iter_mut().find(|d| d.origin == origin) else {
            return Err(Error::Refused {
                what: format!("balanskravsunderskott från {origin}"),
                reason: "inget underskott är registrerat för det året".into(),
            });
        };
        let mut candidate = slot.clone();
        change(&mut candidate);
        candidate.validate()?;
        *slot = candidate;
        Ok(())
    }

    /// Records a deficit arisen in `origin`: the amount to restore, positive (the
    /// negative balanskravsresultat negated, as printed under "balanskravsresultat att
    /// återställa").
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a zero or negative amount; [`Error::Refused`] when the
    /// year already has a deficit.
    pub fn record_deficit(&mut self, origin: FinancialYear, amount: Amount) -> Result<()> {
        if self.get(origin).is_some() {
            return Err(Error::Refused {
                what: format!("balanskravsunderskott från {origin}"),
                reason: "ett underskott för det året är redan registrerat".into(),
            });
        }
        let deficit = Deficit {
            origin,
            amount,
            restorations: Vec::new(),
            waivers: Vec::new(),
            action_plan: None,
        };
        deficit.validate()?;
        let at = self.deficits.partition_point(|d| d.origin < origin);
        self.deficits.insert(at, deficit);
        Ok(())
    }

    /// Restores `amount` (positive) of the deficit from `origin` in `year`.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] when `amount` exceeds what remains (naming the remainder
    /// and the excess); [`Error::WrongSign`] for a negative amount; [`Error::Refused`]
    /// when there is no such deficit or `year` is not after `origin`. On error the
    /// record is unchanged.
    pub fn restore(
        &mut self,
        origin: FinancialYear,
        year: FinancialYear,
        amount: Amount,
    ) -> Result<()> {
        self.check_fits(origin, amount, "återställande")?;
        self.update(origin, |d| {
            d.restorations.push(Restoration { year, amount })
        })
    }

    /// Records fullmäktige's decision in `year` not to restore `amount` of the deficit
    /// from `origin`, with the synnerliga skäl.
    ///
    /// # Errors
    ///
    /// As [`restore`](Self::restore); [`Error::Refused`] without a reason.
    pub fn waive(
        &mut self,
        origin: FinancialYear,
        year: FinancialYear,
        amount: Amount,
        reason: impl Into<String>,
    ) -> Result<()> {
        self.check_fits(origin, amount, "beslut att inte återställa")?;
        let reason = reason.into();
        self.update(origin, |d| {
            d.waivers.push(Waiver {
                year,
                amount,
                reason,
            })
        })
    }

    fn check_fits(&self, origin: FinancialYear, amount: Amount, what: &str) -> Result<()> {
        if let Some(d) = self.get(origin) {
            let remaining = d.remaining()?;
            if amount > remaining {
                return Err(Error::LimitExceeded {
                    what: format!("{what} av balanskravsunderskott från {origin}"),
                    requested: amount,
                    limit: remaining,
                    excess: amount.checked_sub(remaining)?,
                    basis: format!(
                        "det som återstår av underskottet {} efter tidigare återställanden och \
                         beslut",
                        sv_amount(d.amount)
                    ),
                });
            }
        }
        Ok(())
    }

    /// Records the åtgärdsplan of the deficit from `origin`.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] when there is no such deficit or the description is empty.
    pub fn set_action_plan(&mut self, origin: FinancialYear, plan: ActionPlan) -> Result<()> {
        self.update(origin, |d| d.action_plan = Some(plan))
    }

    /// Uses a positive balanskravsresultat of `year` to restore earlier deficits, oldest
    /// first, each at most its remainder (capped: never over-restores).
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a negative surplus; [`Error::Overflow`].
    pub fn apply_surplus(
        &mut self,
        year: FinancialYear,
        surplus: Amount,
    ) -> Result<SurplusApplication> {
        SignRule::NonNegative.check(
            "årets balanskravsresultat att använda för återställande",
            surplus,
        )?;
        let mut left = surplus;
        let mut restored = Vec::new();
        let mut next = self.clone();
        for d in next.deficits.iter_mut().filter(|d| d.origin < year) {
            if left.is_zero() {
                break;
            }
            let take = d.remaining()?.min(left);
            if take.is_zero() {
                continue;
            }
            d.restorations.push(Restoration { year, amount: take });
            d.validate()?;
            left = left.checked_sub(take)?;
            restored.push((d.origin, take));
        }
        *self = next;
        Ok(SurplusApplication {
            new_deficit: None,
            restored,
            unused: left,
        })
    }

    /// Records the outcome of a balanskravsutredning: a negative balanskravsresultat
    /// becomes a deficit of its year, a positive one restores earlier deficits
    /// ([`apply_surplus`](Self::apply_surplus)).
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] for a statement built on a forecast (a forecast does not
    /// create or restore a deficit), or when the year already has a deficit.
    pub fn record_outcome(
        &mut self,
        statement: &BalancedBudgetStatement,
    ) -> Result<SurplusApplication> {
        if statement.basis() != ResultBasis::Outcome {
            return Err(Error::Refused {
                what: format!(
                    "balanskravsresultat {} ({})",
                    statement.year(),
                    statement.basis()
                ),
                reason: "bara ett utfall (årsredovisning) skapar eller återställer ett \
                         underskott, inte en prognos"
                    .into(),
            });
        }
        let result = statement.balanced_budget_result();
        if result.is_negative() {
            self.record_deficit(statement.year(), -result)?;
            Ok(SurplusApplication {
                new_deficit: Some(-result),
                ..SurplusApplication::default()
            })
        } else {
            self.apply_surplus(statement.year(), result)
        }
    }

    /// The sum of what remains of the deficits from years before `year`, at the end of
    /// the year before: the "balanskravsunderskott från tidigare år" to show in
    /// `year` (positive; negate it for the row).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn outstanding_at_start_of(&self, year: FinancialYear) -> Result<Amount> {
        let before = FinancialYear::new(year.year().saturating_sub(1));
        let mut total = Amount::ZERO;
        for d in self.deficits.iter().filter(|d| d.origin < year) {
            total = total.checked_add(d.remaining_at_end_of(before)?)?;
        }
        Ok(total)
    }

    /// The findings at the end of `year`: overdue deficits, deficits without an
    /// åtgärdsplan, åtgärdsplaner decided too late.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn findings(&self, year: FinancialYear) -> Result<Vec<DeficitFinding>> {
        let mut out = Vec::new();
        for d in self.deficits.iter().filter(|d| d.origin <= year) {
            let remaining = d.remaining_at_end_of(year)?;
            if let DeficitStatus::Overdue {
                deadline,
                remaining,
            } = d.status(year)?
            {
                out.push(DeficitFinding::Overdue {
                    origin: d.origin,
                    deadline,
                    remaining,
                });
            }
            match &d.action_plan {
                None if !remaining.is_zero() => out.push(DeficitFinding::MissingActionPlan {
                    origin: d.origin,
                    remaining,
                }),
                Some(p) if p.decided_in_budget_for > d.deadline() => {
                    out.push(DeficitFinding::LateActionPlan {
                        origin: d.origin,
                        decided_in_budget_for: p.decided_in_budget_for,
                        deadline: d.deadline(),
                    });
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The deficits overdue at the end of `year`, with what remains of each.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn overdue(&self, year: FinancialYear) -> Result<Vec<DeficitFinding>> {
        Ok(self
            .findings(year)?
            .into_iter()
            .filter(|f| matches!(f, DeficitFinding::Overdue { .. }))
            .collect())
    }

    /// Checks every deficit (what deserializing does).
    ///
    /// # Errors
    ///
    /// As the setters; [`Error::Refused`] for two deficits of the same year.
    pub fn validate(&self) -> Result<()> {
        for pair in self.deficits.windows(2) {
            if let [a, b] = pair {
                if a.origin >= b.origin {
                    return Err(Error::Refused {
                        what: format!("balanskravsunderskott från {}", b.origin),
                        reason: "underskotten ska vara ett per ursprungsår, äldst först".into(),
                    });
                }
            }
        }
        self.deficits.iter().try_for_each(Deficit::validate)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DeficitRecord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            #[serde(default)]
            deficits: Vec<Deficit>,
        }
        let raw = Raw::deserialize(d)?;
        let record = DeficitRecord {
            deficits: raw.deficits,
        };
        record
            .validate()
            .map_err(|e| serde::de::Error::custom(crate::error::InSwedish(e)))?;
        Ok(record)
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
    use crate::error::Error;
    use proptest::prelude::*;

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip_and_over_restoration_is_refused() {
        let mut record = DeficitRecord::new();
        record.record_deficit(y(2014), Amount::mnkr(193)).unwrap();
        record.restore(y(2014), y(2015), Amount::mnkr(93)).unwrap();
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            serde_json::from_str::<DeficitRecord>(&json).unwrap(),
            record
        );
        let over = json.replace("\"93000000.00\"", "\"293000000.00\"");
        assert_ne!(over, json);
        let err = serde_json::from_str::<DeficitRecord>(&over).unwrap_err();
        assert!(
            err.to_string().contains("kan inte överstiga underskottet"),
            "{err}"
        );
    }

    #[test]
    fn deficit_record_restores_waives_and_refuses_over_restoration() {
        let mut r = DeficitRecord::new();
        r.record_deficit(y(2020), Amount::mnkr(100)).unwrap();
        assert!(matches!(
            r.record_deficit(y(2021), Amount::mnkr(-5)).unwrap_err(),
            Error::WrongSign { .. }
        ));
        assert!(r.record_deficit(y(2020), Amount::mnkr(5)).is_err());
        assert!(
            r.restore(y(2020), y(2020), Amount::mnkr(5)).is_err(),
            "same year"
        );
        assert!(
            r.restore(y(2019), y(2021), Amount::mnkr(5)).is_err(),
            "no such deficit"
        );
        r.restore(y(2020), y(2021), Amount::mnkr(30)).unwrap();
        let err = r.restore(y(2020), y(2022), Amount::mnkr(80)).unwrap_err();
        match err {
            Error::LimitExceeded { limit, excess, .. } => {
                assert_eq!(limit, Amount::mnkr(70));
                assert_eq!(excess, Amount::mnkr(10));
            }
            e => panic!("{e}"),
        }
        assert!(r.waive(y(2020), y(2022), Amount::mnkr(20), "").is_err());
        r.waive(
            y(2020),
            y(2022),
            Amount::mnkr(20),
            "orealiserade förluster i värdepapper",
        )
        .unwrap();
        let d = r.get(y(2020)).unwrap();
        assert_eq!(d.remaining().unwrap(), Amount::mnkr(50));
        assert_eq!(d.remaining_at_end_of(y(2021)).unwrap(), Amount::mnkr(70));
        assert_eq!(d.restored_in(y(2021)).unwrap(), Amount::mnkr(30));
        assert_eq!(d.deadline(), y(2023));
        assert_eq!(d.status(y(2019)).unwrap(), DeficitStatus::NotArisen);
        assert_eq!(
            d.status(y(2022)).unwrap(),
            DeficitStatus::Open {
                deadline: y(2023),
                remaining: Amount::mnkr(50)
            }
        );
        assert_eq!(
            d.status(y(2023)).unwrap(),
            DeficitStatus::Overdue {
                deadline: y(2023),
                remaining: Amount::mnkr(50)
            }
        );
    }

    #[test]
    fn findings_report_overdue_and_action_plans() {
        let mut r = DeficitRecord::new();
        r.record_deficit(y(2019), Amount::mnkr(10)).unwrap();
        r.record_deficit(y(2021), Amount::mnkr(40)).unwrap();
        r.set_action_plan(
            y(2021),
            ActionPlan {
                decided_in_budget_for: y(2025),
                description: "besparingar".into(),
            },
        )
        .unwrap();
        assert!(
            r.set_action_plan(
                y(2019),
                ActionPlan {
                    decided_in_budget_for: y(2020),
                    description: " ".into()
                }
            )
            .is_err()
        );
        let findings = r.findings(y(2022)).unwrap();
        assert_eq!(
            findings,
            vec![
                DeficitFinding::Overdue {
                    origin: y(2019),
                    deadline: y(2022),
                    remaining: Amount::mnkr(10)
                },
                DeficitFinding::MissingActionPlan {
                    origin: y(2019),
                    remaining: Amount::mnkr(10)
                },
                DeficitFinding::LateActionPlan {
                    origin: y(2021),
                    decided_in_budget_for: y(2025),
                    deadline: y(2024)
                },
            ]
        );
        assert_eq!(r.overdue(y(2022)).unwrap().len(), 1);
        assert_eq!(r.overdue(y(2021)).unwrap().len(), 0);
        assert!(
            findings[0].to_string().contains("senast 2022"),
            "{}",
            findings[0]
        );
        assert_eq!(
            findings[0].to_string(),
            "balanskravsunderskottet från 2019 skulle ha återställts senast 2022; kvar att \
             återställa 10\u{a0}000\u{a0}tkr"
        );
        assert_eq!(
            findings[1].to_string(),
            "balanskravsunderskottet från 2019 (10\u{a0}000\u{a0}tkr kvar) saknar åtgärdsplan"
        );
        // Surplus in 2023 restores the oldest first and is capped.
        let applied = r.apply_surplus(y(2023), Amount::mnkr(45)).unwrap();
        assert_eq!(
            applied.restored,
            vec![(y(2019), Amount::mnkr(10)), (y(2021), Amount::mnkr(35))]
        );
        assert_eq!(applied.unused, Amount::ZERO);
        let applied = r.apply_surplus(y(2024), Amount::mnkr(45)).unwrap();
        assert_eq!(applied.restored, vec![(y(2021), Amount::mnkr(5))]);
        assert_eq!(applied.unused, Amount::mnkr(40));
        assert!(r.overdue(y(2024)).unwrap().is_empty());
        assert!(r.apply_surplus(y(2024), Amount::mnkr(-1)).is_err());
        assert_eq!(
            r.outstanding_at_start_of(y(2022)).unwrap(),
            Amount::mnkr(50)
        );
        assert_eq!(r.outstanding_at_start_of(y(2025)).unwrap(), Amount::ZERO);
    }

    #[test]
    fn record_outcome_refuses_a_forecast() {
        let mut r = DeficitRecord::new();
        let forecast =
            BalancedBudgetStatement::from_result(y(2025), ResultBasis::Forecast, Amount::tkr(-5));
        let err = r.record_outcome(&forecast).unwrap_err();
        assert!(err.to_string().contains("inte en prognos"), "{err}");
        let outcome =
            BalancedBudgetStatement::from_result(y(2025), ResultBasis::Outcome, Amount::tkr(-5));
        let applied = r.record_outcome(&outcome).unwrap();
        assert_eq!(applied.new_deficit, Some(Amount::tkr(5)));
        assert_eq!(r.get(y(2025)).unwrap().amount(), Amount::tkr(5));
    }

    proptest! {
        /// A deficit record never shows a negative remainder, whatever is tried.
        #[test]
        fn deficit_remainder_never_negative(
            deficits in proptest::collection::vec((2015i32..2025, 1i64..1_000), 1..4),
            ops in proptest::collection::vec((0u8..3, 2015i32..2030, 2015i32..2030, 0i64..1_500), 0..20),
        ) {
            let mut r = DeficitRecord::new();
            for (origin, amount) in &deficits {
                let _ = r.record_deficit(y(*origin), Amount::tkr(*amount));
            }
            for (op, origin, year, amount) in ops {
                let a = Amount::tkr(amount);
                let _ = match op {
                    0 => r.restore(y(origin), y(year), a),
                    1 => r.waive(y(origin), y(year), a, "synnerliga skäl"),
                    _ => r.apply_surplus(y(year), a).map(|_| ()),
                };
                for d in r.deficits() {
                    let remaining = d.remaining().unwrap();
                    prop_assert!(!remaining.is_negative());
                    let settled = Amount::checked_sum(
                        d.restorations().iter().map(|x| x.amount).chain(d.waivers().iter().map(|w| w.amount)),
                    ).unwrap();
                    prop_assert_eq!(settled.checked_add(remaining).unwrap(), d.amount());
                    for at in 2014..2031 {
                        prop_assert!(!d.remaining_at_end_of(y(at)).unwrap().is_negative());
                    }
                }
                prop_assert!(r.validate().is_ok());
            }
        }
    }
}
