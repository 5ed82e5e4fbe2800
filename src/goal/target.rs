//! Målvärden: kinds of target, measurements, and the degree of achievement.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::Percent;
use crate::present::NumberFormat;

/// Jämförelse: how a measured value must relate to its reference.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::goal::Comparison;
/// assert!(Comparison::LessThan.holds(Decimal::new(35, 1), Decimal::from(4))); // 3,5 < 4
/// assert!(!Comparison::LessThan.more_is_better());
/// assert_eq!(Comparison::AtLeast.symbol(), "≥");
/// ```
#[doc(alias = "jämförelse")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Comparison {
    /// Minst, lägst, "lika eller högre" (≥): more is better.
    AtLeast,
    /// Mer än, över, "ska överstiga" (>): more is better.
    MoreThan,
    /// Högst, "ska inte överstiga" (≤): less is better.
    AtMost,
    /// Mindre än, under, lägre än (<): less is better.
    LessThan,
}

impl Comparison {
    /// Whether `value` satisfies the comparison with `reference`.
    #[must_use]
    pub fn holds(self, value: Decimal, reference: Decimal) -> bool {
        match self {
            Comparison::AtLeast => value >= reference,
            Comparison::MoreThan => value > reference,
            Comparison::AtMost => value <= reference,
            Comparison::LessThan => value < reference,
        }
    }

    /// Whether a higher value is better (≥, >).
    #[must_use]
    pub fn more_is_better(self) -> bool {
        matches!(self, Comparison::AtLeast | Comparison::MoreThan)
    }

    /// The mathematical sign: `≥`, `>`, `≤`, `<`.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::MoreThan => ">",
            Comparison::AtMost => "≤",
            Comparison::LessThan => "<",
        }
    }
}

/// Ett år och dess värde, for a target on an average over several years.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::goal::{Comparison, Measurement, OverAchievement, TargetKind, YearValue};
/// // "Ett resultat på 2 % över tre år" (invented outcomes).
/// let kind = TargetKind::MultiYearAverage { years: 3, comparison: Comparison::AtLeast, value: Decimal::TWO };
/// let years = [(2023, 15), (2024, 25), (2025, 23)] // tenths of a percent
///     .map(|(year, tenths)| YearValue { year, value: Decimal::new(tenths, 1) });
/// let measured = Measurement::Yearly(years.to_vec());
/// assert!(kind.achievement(&measured, OverAchievement::Cap)?.met); // (1,5 + 2,5 + 2,3) / 3 = 2,1
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "årsvärde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct YearValue {
    /// The year.
    pub year: i32,
    /// The value that year.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub value: Decimal,
}

/// Typ av målvärde: the kinds of target seen in real reports.
///
/// Each kind states its formula for the degree of achievement
/// ([`TargetKind::formula`]); see [`TargetKind::achievement`].
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::goal::{Measurement, OverAchievement, TargetKind};
/// // Lystkom 2025: sjukfrånvaro < 4 %, utfall 5,0 % → 4 / 5 = 80 %, not met.
/// let kind = TargetKind::less_than(Decimal::from(4));
/// let a = kind.achievement(&Measurement::Value(Decimal::from(5)), OverAchievement::Cap)?;
/// assert!(!a.met);
/// assert_eq!(a.degree, Percent::new(Decimal::from(80)));
/// assert_eq!(kind.formula(), "målvärde / utfall");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "måltyp")]
#[doc(alias = "målvärde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum TargetKind {
    /// A value compared with a fixed target: "sjukfrånvaro < 4 %", "NKI lägst 7,0",
    /// "90 % av samtalen besvaras inom 30 sekunder". Measured by [`Measurement::Value`].
    Threshold {
        /// How the outcome must relate to the target.
        comparison: Comparison,
        /// The target value.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        value: Decimal,
    },
    /// One measured quantity above another: "antalet registrerade ärenden ska överstiga
    /// antalet inkomna samtal". Measured by [`Measurement::Pair`].
    ExceedsOther {
        /// What the other quantity is.
        other: String,
    },
    /// A count of at least `at_least`: "minst en ytterligare medlemskommun". Measured by
    /// [`Measurement::Count`].
    Count {
        /// The smallest count that meets the target.
        at_least: u64,
    },
    /// A yes/no fact: "varje medarbetare har en utvecklingsplan". Measured by
    /// [`Measurement::Fact`].
    Fact,
    /// A comparison with a peer group: "lägre än jämförbara organisationers",
    /// "lika eller högre än övriga jämförbara organisationers". Measured by
    /// [`Measurement::Peer`]; the comparison is own value against the peers' value.
    PeerGroup {
        /// How the own value must relate to the peers'.
        comparison: Comparison,
        /// Who the peers are.
        peers: String,
    },
    /// An average over several years compared with a target: "ett resultat på 2 % över
    /// tre år" (Vårgårda, Region Skåne). Measured by [`Measurement::Yearly`] with exactly
    /// `years` values.
    MultiYearAverage {
        /// The number of years averaged.
        years: u32,
        /// How the average must relate to the target.
        comparison: Comparison,
        /// The target value.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        value: Decimal,
    },
}

/// Mätvärde: an outcome or forecast in the form its [`TargetKind`] needs.
///
/// ```
/// use kommunal_redovisning::goal::{Measurement, OverAchievement, TargetKind};
/// let a = TargetKind::Fact.achievement(&Measurement::Fact(true), OverAchievement::Cap)?;
/// assert!(a.met);
/// assert!(TargetKind::Fact.achievement(&Measurement::Count(3), OverAchievement::Cap).is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "utfall")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Measurement {
    /// One value (for [`TargetKind::Threshold`]).
    Value(#[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))] Decimal),
    /// The measured quantity and the quantity it must exceed.
    Pair {
        /// The measured quantity.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        measured: Decimal,
        /// The other quantity.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        other: Decimal,
    },
    /// A count.
    Count(u64),
    /// A yes/no fact.
    Fact(bool),
    /// The own value and the peer group's value.
    Peer {
        /// The organisation's own value.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        own: Decimal,
        /// The peer group's value (average or median, as the report says).
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        peers: Decimal,
    },
    /// One value per year, oldest first.
    Yearly(Vec<YearValue>),
}

/// Övermåluppfyllelse: how an outcome better than the target counts.
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::goal::{Measurement, OverAchievement, TargetKind};
/// // NKI lägst 7,0, utfall 7,7 (invented): 110 % uncapped, 100 % capped.
/// let kind = TargetKind::at_least(Decimal::new(70, 1));
/// let v = Measurement::Value(Decimal::new(77, 1));
/// assert_eq!(kind.achievement(&v, OverAchievement::Uncapped)?.degree, Percent::new(Decimal::from(110)));
/// assert_eq!(kind.achievement(&v, OverAchievement::Cap)?.degree, Percent::HUNDRED);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "överuppfyllelse")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OverAchievement {
    /// Default: the degree of achievement is capped at 100 % ("målet är uppnått").
    #[default]
    Cap,
    /// The degree may exceed 100 % (e.g. 120 % when the outcome is 1,2 × the target).
    Uncapped,
}

/// Måluppfyllelse: whether a target is met and the degree of achievement.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::goal::{Measurement, OverAchievement, TargetKind};
/// let a = TargetKind::Count { at_least: 1 }.achievement(&Measurement::Count(0), OverAchievement::Cap)?;
/// assert!(!a.met);
/// assert_eq!(a.degree.as_decimal(), Decimal::ZERO);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "måluppfyllelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Achievement {
    /// Whether the target's condition holds (a strict "< 4 %" is not met at 4 %, though
    /// the degree there is 100 %).
    pub met: bool,
    /// The degree of achievement after the over-achievement setting, never below 0 %.
    pub degree: Percent,
    /// The degree before capping, never below 0 %.
    pub uncapped: Percent,
}

impl TargetKind {
    /// "≥ value".
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent, TargetKind};
    /// use kommunal_redovisning::goal::{Measurement, OverAchievement};
    ///
    /// // Lystkom 2025, målvärde 1.1: "90 % av samtalen besvaras inom 30 sekunder". The report gives
    /// // no outcome before 31 December; 81 % here is made up.
    /// let kind = TargetKind::at_least(Decimal::from(90));
    /// let a = kind.achievement(&Measurement::Value(Decimal::from(81)), OverAchievement::Cap)?;
    /// assert_eq!((a.met, a.degree), (false, Percent::new(Decimal::from(90)))); // 81 / 90
    /// assert_eq!(kind.describe(), "≥ 90");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn at_least(value: Decimal) -> TargetKind {
        TargetKind::Threshold {
            comparison: Comparison::AtLeast,
            value,
        }
    }

    /// "> value".
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, TargetKind};
    /// use kommunal_redovisning::goal::{Measurement, OverAchievement};
    ///
    /// // "More than 10" is not met by exactly 10 (made-up figures).
    /// let kind = TargetKind::more_than(Decimal::from(10));
    /// assert!(!kind.achievement(&Measurement::Value(Decimal::from(10)), OverAchievement::Cap)?.met);
    /// assert!(kind.achievement(&Measurement::Value(Decimal::from(11)), OverAchievement::Cap)?.met);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn more_than(value: Decimal) -> TargetKind {
        TargetKind::Threshold {
            comparison: Comparison::MoreThan,
            value,
        }
    }

    /// "≤ value".
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent, TargetKind};
    /// use kommunal_redovisning::goal::{Measurement, OverAchievement};
    ///
    /// // Lystkom 2025, målvärde 1.2: väntetiden till IT-supporten högst 2 minuter. The report
    /// // gives no outcome before 31 December; 2,5 minutes here is made up.
    /// let kind = TargetKind::at_most(Decimal::from(2));
    /// let a = kind.achievement(&Measurement::Value(Decimal::new(25, 1)), OverAchievement::Cap)?;
    /// assert_eq!((a.met, a.degree), (false, Percent::new(Decimal::from(80)))); // 2 / 2,5
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn at_most(value: Decimal) -> TargetKind {
        TargetKind::Threshold {
            comparison: Comparison::AtMost,
            value,
        }
    }

    /// "< value".
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent, TargetKind};
    /// use kommunal_redovisning::goal::{Measurement, OverAchievement};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, målvärde 3.1: sjukfrånvaro under 4 %, utfall 5,0 %.
    /// let kind = TargetKind::less_than(Decimal::from(4));
    /// let a = kind.achievement(&Measurement::Value(Decimal::new(50, 1)), OverAchievement::Cap)?;
    /// assert_eq!((a.met, a.degree), (false, Percent::new(Decimal::from(80)))); // 4 / 5,0
    /// assert_eq!(kind.formula(), "målvärde / utfall");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn less_than(value: Decimal) -> TargetKind {
        TargetKind::Threshold {
            comparison: Comparison::LessThan,
            value,
        }
    }

    /// The formula for the degree of achievement, in Swedish:
    ///
    /// | Kind | Formula |
    /// |---|---|
    /// | threshold, average, peer group where more is better (≥, >) | utfall / målvärde (own / peers) |
    /// | threshold, average, peer group where less is better (≤, <) | målvärde / utfall (peers / own) |
    /// | one quantity above another | mätt storhet / jämförd storhet |
    /// | count | antal / lägsta antal |
    /// | yes/no | ja = 100 %, nej = 0 % |
    ///
    /// Where the quotient is undefined — a reference of 0 or less when more is better,
    /// an outcome of 0 or less when less is better (sjukfrånvaro 0,0 %) — the degree is
    /// 100 % if the target is met and 0 % if not. A negative quotient counts as 0 %.
    #[must_use]
    pub fn formula(&self) -> &'static str {
        match self {
            TargetKind::Threshold { comparison, .. }
            | TargetKind::MultiYearAverage { comparison, .. } => {
                if comparison.more_is_better() {
                    "utfall / målvärde"
                } else {
                    "målvärde / utfall"
                }
            }
            TargetKind::PeerGroup { comparison, .. } => {
                if comparison.more_is_better() {
                    "eget värde / jämförelsegruppens värde"
                } else {
                    "jämförelsegruppens värde / eget värde"
                }
            }
            TargetKind::ExceedsOther { .. } => "mätt storhet / jämförd storhet",
            TargetKind::Count { .. } => "antal / lägsta antal",
            TargetKind::Fact => "ja = 100 %, nej = 0 %",
        }
    }

    /// The kind's Swedish name, for messages: "gränsvärde", "antal" …
    ///
    /// ```
    /// use kommunal_redovisning::goal::TargetKind;
    /// assert_eq!(TargetKind::Fact.kind_name(), "faktum");
    /// ```
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        match self {
            TargetKind::Threshold { .. } => "gränsvärde",
            TargetKind::ExceedsOther { .. } => "större än annat värde",
            TargetKind::Count { .. } => "antal",
            TargetKind::Fact => "faktum",
            TargetKind::PeerGroup { .. } => "jämförelsegrupp",
            TargetKind::MultiYearAverage { .. } => "flerårssnitt",
        }
    }

    /// The target in short Swedish form, e.g. "< 4", "≥ 7,0", "> inkomna samtal".
    #[must_use]
    pub fn describe(&self) -> String {
        let num = |d: &Decimal| NumberFormat::swedish().with_decimals(d.scale()).decimal(*d);
        match self {
            TargetKind::Threshold { comparison, value } => {
                format!("{} {}", comparison.symbol(), num(value))
            }
            TargetKind::ExceedsOther { other } => format!("> {other}"),
            TargetKind::Count { at_least } => format!("≥ {at_least} st"),
            TargetKind::Fact => "ja".to_owned(),
            TargetKind::PeerGroup { comparison, peers } => {
                format!("{} {peers}", comparison.symbol())
            }
            TargetKind::MultiYearAverage {
                years,
                comparison,
                value,
            } => format!("snitt {years} år {} {}", comparison.symbol(), num(value)),
        }
    }

    /// The degree of achievement of `measurement` against this target, by
    /// [`TargetKind::formula`], exact.
    ///
    /// ```
    /// use kommunal_redovisning::goal::{Measurement, OverAchievement, TargetKind};
    /// use kommunal_redovisning::Percent;
    ///
    /// // Lystkom 2025: total sjukfrånvaro 5,0 % against "< 4 %": 4 / 5 = 80 %.
    /// let a = TargetKind::less_than(4.into())
    ///     .achievement(&Measurement::Value("5.0".parse()?), OverAchievement::Cap)?;
    /// assert!(!a.met);
    /// assert_eq!(a.degree, Percent::new(80.into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the measurement does not fit the kind, or a
    /// multi-year average gets the wrong number of years (or zero years);
    /// [`Error::Overflow`] when the arithmetic leaves the decimal range.
    pub fn achievement(
        &self,
        measurement: &Measurement,
        over: OverAchievement,
    ) -> Result<Achievement> {
        let (met, raw) = match (self, measurement) {
            (TargetKind::Threshold { comparison, value }, Measurement::Value(v)) => {
                ratio_degree(*v, *value, *comparison)?
            }
            (TargetKind::ExceedsOther { .. }, Measurement::Pair { measured, other }) => {
                ratio_degree(*measured, *other, Comparison::MoreThan)?
            }
            (TargetKind::Count { at_least }, Measurement::Count(n)) => ratio_degree(
                Decimal::from(*n),
                Decimal::from(*at_least),
                Comparison::AtLeast,
            )?,
            (TargetKind::Fact, Measurement::Fact(yes)) => (
                *yes,
                if *yes {
                    Decimal::ONE_HUNDRED
                } else {
                    Decimal::ZERO
                },
            ),
            (TargetKind::PeerGroup { comparison, .. }, Measurement::Peer { own, peers }) => {
                ratio_degree(*own, *peers, *comparison)?
            }
            (
                TargetKind::MultiYearAverage {
                    years,
                    comparison,
                    value,
                },
                Measurement::Yearly(values),
            ) => {
                if *years == 0 || values.len() != *years as usize {
                    return Err(Error::InvalidRule(format!(
                        "ett snitt över {years} år behöver {years} årsvärden, fick {}",
                        values.len()
                    )));
                }
                let mut sum = Decimal::ZERO;
                for y in values {
                    sum = sum.checked_add(y.value).ok_or(Error::Overflow {
                        operation: "sum of yearly values",
                    })?;
                }
                let average = sum
                    .checked_div(Decimal::from(*years))
                    .ok_or(Error::Overflow {
                        operation: "average of yearly values",
                    })?;
                ratio_degree(average, *value, *comparison)?
            }
            (kind, m) => {
                return Err(Error::InvalidRule(format!(
                    "mätningen {m} passar inte ett målvärde av slaget {}",
                    kind.kind_name()
                )));
            }
        };
        let uncapped = Percent::new(raw.max(Decimal::ZERO));
        let degree = match over {
            OverAchievement::Cap => uncapped.min(Percent::HUNDRED),
            OverAchievement::Uncapped => uncapped,
        };
        Ok(Achievement {
            met,
            degree,
            uncapped,
        })
    }
}

/// (met, degree in percent) by outcome/reference (more is better) or reference/outcome.
fn ratio_degree(outcome: Decimal, reference: Decimal, cmp: Comparison) -> Result<(bool, Decimal)> {
    let met = cmp.holds(outcome, reference);
    let (num, den) = if cmp.more_is_better() {
        (outcome, reference)
    } else {
        (reference, outcome)
    };
    if den <= Decimal::ZERO {
        return Ok((
            met,
            if met {
                Decimal::ONE_HUNDRED
            } else {
                Decimal::ZERO
            },
        ));
    }
    let degree = num
        .checked_div(den)
        .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
        .ok_or(Error::Overflow {
            operation: "degree of achievement",
        })?;
    Ok((met, degree))
}

/// Short Swedish form, for messages: `värde 5,0`, `antal 3`, `3 årsvärden`.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::goal::Measurement;
/// assert_eq!(Measurement::Value(Decimal::new(50, 1)).to_string(), "värde 5,0");
/// assert_eq!(Measurement::Fact(true).to_string(), "faktum ja");
/// ```
impl fmt::Display for Measurement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let num = |d: &Decimal| NumberFormat::swedish().with_decimals(d.scale()).decimal(*d);
        match self {
            Measurement::Value(v) => write!(f, "värde {}", num(v)),
            Measurement::Pair { measured, other } => {
                write!(f, "par {} mot {}", num(measured), num(other))
            }
            Measurement::Count(n) => write!(f, "antal {n}"),
            Measurement::Fact(b) => write!(f, "faktum {}", if *b { "ja" } else { "nej" }),
            Measurement::Peer { own, peers } => write!(
                f,
                "eget värde {} mot jämförelsegruppens {}",
                num(own),
                num(peers)
            ),
            Measurement::Yearly(v) => write!(f, "{} årsvärden", v.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn p(s: &str) -> Percent {
        Percent::new(d(s))
    }
    fn ach(k: &TargetKind, m: Measurement) -> Achievement {
        k.achievement(&m, OverAchievement::Cap).unwrap()
    }

    #[test]
    fn threshold_more_is_better() {
        // "90 % av samtalen besvaras inom 30 sekunder": 81 % answered → 90 % achievement.
        let k = TargetKind::at_least(d("90"));
        let a = ach(&k, Measurement::Value(d("81")));
        assert_eq!((a.met, a.degree), (false, p("90")));
        let a = ach(&k, Measurement::Value(d("90")));
        assert_eq!((a.met, a.degree), (true, p("100")));
        // NKI lägst 7,0; 7,7 is 110 % uncapped, 100 % capped.
        let k = TargetKind::at_least(d("7.0"));
        let a = k
            .achievement(&Measurement::Value(d("7.7")), OverAchievement::Uncapped)
            .unwrap();
        assert_eq!(a.degree, p("110"));
        let a = ach(&k, Measurement::Value(d("7.7")));
        assert_eq!((a.degree, a.uncapped), (p("100"), p("110")));
        let k = TargetKind::more_than(d("10"));
        let a = ach(&k, Measurement::Value(d("10")));
        assert_eq!((a.met, a.degree), (false, p("100")));
    }

    #[test]
    fn threshold_less_is_better() {
        let k = TargetKind::less_than(d("4"));
        let a = ach(&k, Measurement::Value(d("5.0")));
        assert_eq!((a.met, a.degree), (false, p("80")));
        // A strict target exactly at the limit: 100 % but not met.
        let a = ach(&k, Measurement::Value(d("4")));
        assert_eq!((a.met, a.degree), (false, p("100")));
        // Sjukfrånvaro 0,0 %: the quotient is undefined, the target is met → 100 %.
        let a = ach(&k, Measurement::Value(d("0.0")));
        assert_eq!((a.met, a.degree), (true, p("100")));
        // "väntetiden ska inte överstiga 2 minuter": 2,5 min → 80 %.
        let k = TargetKind::at_most(d("2"));
        let a = ach(&k, Measurement::Value(d("2.5")));
        assert_eq!((a.met, a.degree), (false, p("80")));
        let a = ach(&k, Measurement::Value(d("1")));
        assert_eq!((a.met, a.uncapped), (true, p("200")));
    }

    #[test]
    fn exceeds_other() {
        let k = TargetKind::ExceedsOther {
            other: "inkomna samtal".into(),
        };
        let a = ach(
            &k,
            Measurement::Pair {
                measured: d("900"),
                other: d("1000"),
            },
        );
        assert_eq!((a.met, a.degree), (false, p("90")));
        let a = ach(
            &k,
            Measurement::Pair {
                measured: d("1000"),
                other: d("1000"),
            },
        );
        assert_eq!((a.met, a.degree), (false, p("100")));
        let a = ach(
            &k,
            Measurement::Pair {
                measured: d("1"),
                other: d("0"),
            },
        );
        assert_eq!((a.met, a.degree), (true, p("100")));
    }

    #[test]
    fn count_and_fact() {
        let k = TargetKind::Count { at_least: 2 };
        assert_eq!(ach(&k, Measurement::Count(1)).degree, p("50"));
        assert!(ach(&k, Measurement::Count(2)).met);
        let k0 = TargetKind::Count { at_least: 0 };
        assert_eq!(ach(&k0, Measurement::Count(0)).degree, p("100"));
        assert_eq!(
            ach(&TargetKind::Fact, Measurement::Fact(true)).degree,
            p("100")
        );
        let no = ach(&TargetKind::Fact, Measurement::Fact(false));
        assert_eq!((no.met, no.degree), (false, p("0")));
    }

    #[test]
    fn peer_group() {
        let lower = TargetKind::PeerGroup {
            comparison: Comparison::LessThan,
            peers: "jämförbara organisationer".into(),
        };
        let a = ach(
            &lower,
            Measurement::Peer {
                own: d("12"),
                peers: d("10"),
            },
        );
        assert!(!a.met);
        assert_eq!(a.degree.as_decimal().round_dp(4), d("83.3333"));
        let higher = TargetKind::PeerGroup {
            comparison: Comparison::AtLeast,
            peers: "övriga".into(),
        };
        let a = ach(
            &higher,
            Measurement::Peer {
                own: d("10"),
                peers: d("10"),
            },
        );
        assert_eq!((a.met, a.degree), (true, p("100")));
    }

    #[test]
    fn multi_year_average() {
        // Result 2 % of skatteintäkter over three years: 1,0 + 2,5 + 1,5 → 1,666… → 83,3 %.
        let k = TargetKind::MultiYearAverage {
            years: 3,
            comparison: Comparison::AtLeast,
            value: d("2"),
        };
        let years = |v: [&str; 3]| {
            Measurement::Yearly(
                v.iter()
                    .zip(2023..)
                    .map(|(s, year)| YearValue { year, value: d(s) })
                    .collect(),
            )
        };
        let a = ach(&k, years(["1.0", "2.5", "1.5"]));
        assert!(!a.met);
        assert_eq!(a.degree.as_decimal().round_dp(2), d("83.33"));
        let a = ach(&k, years(["2.0", "2.5", "1.5"]));
        assert_eq!((a.met, a.degree), (true, p("100")));
        // A negative average counts as 0 %.
        let a = ach(&k, years(["-3.0", "-2.5", "-1.5"]));
        assert_eq!((a.met, a.degree), (false, p("0")));
        let err = k
            .achievement(
                &Measurement::Yearly(vec![YearValue {
                    year: 2025,
                    value: d("2"),
                }]),
                OverAchievement::Cap,
            )
            .unwrap_err();
        assert_eq!(
            err.sv().to_string(),
            "ogiltig regel: ett snitt över 3 år behöver 3 årsvärden, fick 1"
        );
    }

    #[test]
    fn wrong_measurement_is_an_error() {
        let err = TargetKind::Fact
            .achievement(&Measurement::Count(1), OverAchievement::Cap)
            .unwrap_err();
        assert_eq!(
            err.sv().to_string(),
            "ogiltig regel: mätningen antal 1 passar inte ett målvärde av slaget faktum"
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let k = TargetKind::at_least(d("0.0000000000000000000000000001"));
        assert!(matches!(
            k.achievement(&Measurement::Value(Decimal::MAX), OverAchievement::Cap),
            Err(Error::Overflow { .. })
        ));
    }
}
