//! Bedömningsskalor: levels, bands of måluppfyllelse, and the validation of a scale for
//! gaps and overlaps.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Percent, RoundingMode};
use crate::present::NumberFormat;

/// Intervall av måluppfyllelse: a band of achievement values in percent, over the
/// **real numbers**, with each bound explicitly inclusive or exclusive.
///
/// # Interval semantics
///
/// A band that a report writes as "81–89 %" is read as the closed interval
/// [81 %, 89 %]: 81 and 89 belong to it, 89,5 % does not. That is what a reader of the
/// report sees, and it is what makes the gaps in a criterion like Lystkom's visible:
/// "0–80 %", "81–89 %" and "99–100 %" leave (80 %, 81 %), (89 %, 99 %) and everything
/// above 100 % uncovered. The other possible reading — whole percents, where "80" means
/// every value from 80 up to but not including 81 — is available as
/// [`Interval::whole_percents`]; under it the same criteria leave [90 %, 99 %) and
/// [101 %, ∞) uncovered. A scale never guesses which reading was meant: the bands say it.
///
/// Displayed in mathematical notation with a decimal comma: `[81, 89]`, `(80, 81)`,
/// `[100, ∞)`; [`Interval::describe`] gives the Swedish words.
///
/// ```
/// use kommunal_redovisning::goal::Interval;
/// use kommunal_redovisning::Percent;
///
/// let delvis = Interval::closed(81.into(), 89.into());
/// assert!(delvis.contains(Percent::new(89.into())));
/// assert!(!delvis.contains(Percent::new("89.5".parse()?)));
/// assert_eq!(delvis.to_string(), "[81, 89]");
/// assert_eq!(Interval::whole_percents(81, 89).to_string(), "[81, 90)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "intervall")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Interval {
    /// Lower bound in percent.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub lower: Decimal,
    /// Whether the lower bound itself belongs to the interval.
    pub lower_inclusive: bool,
    /// Upper bound in percent; `None` is unbounded (∞).
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal_option"))]
    pub upper: Option<Decimal>,
    /// Whether the upper bound itself belongs to the interval (ignored when unbounded).
    pub upper_inclusive: bool,
}

impl Interval {
    /// [lower, upper]: both bounds included ("81–89 %").
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent};
    /// use kommunal_redovisning::goal::Interval;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2: "81-89 %" is delvis uppfyllt, read as reals.
    /// let delvis = Interval::closed(Decimal::from(81), Decimal::from(89));
    /// assert!(delvis.contains(Percent::new(Decimal::from(89))));
    /// assert!(!delvis.contains(Percent::new(Decimal::new(895, 1)))); // 89,5 % lies in the gap
    /// assert_eq!(delvis.to_string(), "[81, 89]");
    /// ```
    #[must_use]
    pub fn closed(lower: Decimal, upper: Decimal) -> Interval {
        Interval {
            lower,
            lower_inclusive: true,
            upper: Some(upper),
            upper_inclusive: true,
        }
    }

    /// [lower, upper): from and including `lower`, below `upper` ("minst 80 % men under 100 %").
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent};
    /// use kommunal_redovisning::goal::{AssessmentScale, Interval};
    ///
    /// // The default scale's delvis uppfyllt (Vansbro 2019): from 80 % up to, not including, 100 %.
    /// let delvis = Interval::half_open(Decimal::from(80), Decimal::ONE_HUNDRED);
    /// assert!(delvis.contains(Percent::new(Decimal::from(80))) && !delvis.contains(Percent::HUNDRED));
    /// assert!(AssessmentScale::three_level().bands().iter().any(|b| b.interval == delvis));
    /// ```
    #[must_use]
    pub fn half_open(lower: Decimal, upper: Decimal) -> Interval {
        Interval {
            lower,
            lower_inclusive: true,
            upper: Some(upper),
            upper_inclusive: false,
        }
    }

    /// (lower, upper): both bounds excluded.
    ///
    /// ```
    /// # use kommunal_redovisning::{AssessmentScale, Decimal, GapPolicy, LevelSet};
    /// # use kommunal_redovisning::goal::{Band, Interval};
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// # let band = |from: i64, to: i64, level| Band::new(Interval::closed(Decimal::from(from), Decimal::from(to)), level);
    /// // Lystkom's criteria (1.2) leave 89–99 % to no level: the gap is open at both ends.
    /// let bands = vec![band(99, 100, "uppfyllt"), band(81, 89, "delvis"), band(0, 80, "inte")];
    /// let lystkom = AssessmentScale::new("Lystkom 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
    /// let gap = Interval::open(Decimal::from(89), Decimal::from(99));
    /// assert!(lystkom.gaps().iter().any(|g| g.interval == gap));
    /// assert_eq!(gap.to_string(), "(89, 99)");
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn open(lower: Decimal, upper: Decimal) -> Interval {
        Interval {
            lower,
            lower_inclusive: false,
            upper: Some(upper),
            upper_inclusive: false,
        }
    }

    /// [lower, ∞): `lower` or more ("minst 100 %").
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent};
    /// use kommunal_redovisning::goal::{AssessmentScale, Interval};
    ///
    /// // The default scale's uppfyllt: 100 % or more (over-achievement included when uncapped).
    /// let uppfyllt = Interval::at_least(Decimal::ONE_HUNDRED);
    /// assert!(uppfyllt.contains(Percent::new(Decimal::from(120))));
    /// assert!(AssessmentScale::three_level().bands().iter().any(|b| b.interval == uppfyllt));
    /// ```
    #[must_use]
    pub fn at_least(lower: Decimal) -> Interval {
        Interval {
            lower,
            lower_inclusive: true,
            upper: None,
            upper_inclusive: false,
        }
    }

    /// (lower, ∞): more than `lower` ("över 100 %").
    ///
    /// ```
    /// # use kommunal_redovisning::{AssessmentScale, Decimal, GapPolicy, LevelSet};
    /// # use kommunal_redovisning::goal::{Band, Interval};
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// # let band = |from: i64, to: i64, level| Band::new(Interval::closed(Decimal::from(from), Decimal::from(to)), level);
    /// // Lystkom's criteria (1.2) end at "99-100 %": anything over 100 % is covered by no level.
    /// let bands = vec![band(99, 100, "uppfyllt"), band(81, 89, "delvis"), band(0, 80, "inte")];
    /// let lystkom = AssessmentScale::new("Lystkom 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
    /// let over = Interval::above(Decimal::ONE_HUNDRED);
    /// assert_eq!(lystkom.gaps().last().map(|g| &g.interval), Some(&over));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn above(lower: Decimal) -> Interval {
        Interval {
            lower,
            lower_inclusive: false,
            upper: None,
            upper_inclusive: false,
        }
    }

    /// [value, value]: exactly one value ("0 %").
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent};
    /// use kommunal_redovisning::goal::Interval;
    ///
    /// // A band for exactly 0 % (a yes/no målvärde answered "nej").
    /// let none = Interval::point(Decimal::ZERO);
    /// assert!(none.contains(Percent::ZERO));
    /// assert!(!none.contains(Percent::new(Decimal::new(1, 1))));
    /// ```
    #[must_use]
    pub fn point(value: Decimal) -> Interval {
        Interval::closed(value, value)
    }

    /// The whole-percent reading of "from–to %": [from, to + 1), so that "0–80 %" covers
    /// every value below 81 %.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent};
    /// use kommunal_redovisning::goal::Interval;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2: "0-80 %" read as whole percents covers 80,5 %,
    /// // which the real reading [0, 80] leaves in a gap.
    /// let inte = Interval::whole_percents(0, 80);
    /// assert_eq!(inte, Interval::half_open(Decimal::ZERO, Decimal::from(81)));
    /// assert!(inte.contains(Percent::new(Decimal::new(805, 1))));
    /// assert!(!Interval::closed(Decimal::ZERO, Decimal::from(80)).contains(Percent::new(Decimal::new(805, 1))));
    /// ```
    #[must_use]
    pub fn whole_percents(from: u32, to: u32) -> Interval {
        Interval::half_open(Decimal::from(from), Decimal::from(u64::from(to) + 1))
    }

    /// Whether `value` lies in the interval.
    #[must_use]
    pub fn contains(&self, value: Percent) -> bool {
        let v = value.as_decimal();
        let above_lower = v > self.lower || (self.lower_inclusive && v == self.lower);
        let below_upper = match self.upper {
            None => true,
            Some(u) => v < u || (self.upper_inclusive && v == u),
        };
        above_lower && below_upper
    }

    /// Whether no value lies in the interval (lower above upper, or an open single point).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self.upper {
            None => false,
            Some(u) => {
                self.lower > u
                    || (self.lower == u && !(self.lower_inclusive && self.upper_inclusive))
            }
        }
    }

    /// The values both intervals contain, or `None` when they share none.
    #[must_use]
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        let lower = Cut::lower_of(self).max(Cut::lower_of(other));
        let upper = match (self.upper_cut(), other.upper_cut()) {
            (None, None) => None,
            (Some(a), None) | (None, Some(a)) => Some(a),
            (Some(a), Some(b)) => Some(a.min(b)),
        };
        let candidate = Interval {
            lower: lower.value,
            lower_inclusive: lower.before,
            upper: upper.map(|c| c.value),
            upper_inclusive: upper.is_some_and(|c| !c.before),
        };
        (!candidate.is_empty()).then_some(candidate)
    }

    fn upper_cut(&self) -> Option<Cut> {
        // The cut just after the last value of the interval.
        self.upper.map(|u| Cut {
            value: u,
            before: !self.upper_inclusive,
        })
    }

    /// The interval in Swedish words, e.g. "över 80 % och under 81 %",
    /// "från och med 99 % till och med 100 %", "över 100 %".
    ///
    /// ```
    /// use kommunal_redovisning::goal::Interval;
    /// assert_eq!(Interval::open(80.into(), 81.into()).describe(), "över 80\u{a0}% och under 81\u{a0}%");
    /// assert_eq!(Interval::above(100.into()).describe(), "över 100\u{a0}%");
    /// ```
    #[must_use]
    pub fn describe(&self) -> String {
        let lo = number(self.lower);
        if let Some(u) = self.upper {
            if self.lower == u && self.lower_inclusive && self.upper_inclusive {
                return format!("exakt {lo}\u{a0}%");
            }
        }
        let lower = if self.lower_inclusive {
            format!("från och med {lo}\u{a0}%")
        } else {
            format!("över {lo}\u{a0}%")
        };
        match self.upper {
            None => lower,
            Some(u) if self.upper_inclusive => {
                format!("{lower} till och med {}\u{a0}%", number(u))
            }
            Some(u) => format!("{lower} och under {}\u{a0}%", number(u)),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.lower_inclusive { '[' } else { '(' };
        write!(f, "{open}{}, ", number(self.lower))?;
        match self.upper {
            None => f.write_str("∞)"),
            Some(u) => {
                let close = if self.upper_inclusive { ']' } else { ')' };
                write!(f, "{}{close}", number(u))
            }
        }
    }
}

/// A number as a reader sees it: decimal comma, no trailing zeros.
fn number(d: Decimal) -> String {
    let n = d.normalize();
    NumberFormat::swedish().with_decimals(n.scale()).decimal(n)
}

/// A cut in the real line: the place just before `value` (`before`) or just after it.
/// Ordering cuts orders interval bounds with their inclusivity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cut {
    value: Decimal,
    before: bool,
}

impl Cut {
    fn lower_of(i: &Interval) -> Cut {
        Cut {
            value: i.lower,
            before: i.lower_inclusive,
        }
    }
}

impl Ord for Cut {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // "before v" < "after v".
        self.value
            .cmp(&other.value)
            .then_with(|| other.before.cmp(&self.before))
    }
}

impl PartialOrd for Cut {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Bedömningsnivå: one level of a scale (e.g. "uppfyllt"), with its label and optional
/// colour and symbol as the report shows them.
///
/// ```
/// use kommunal_redovisning::goal::Level;
///
/// let level = Level::new("uppfyllt", "Målet är uppfyllt").with_colour("grön").with_symbol("●");
/// assert_eq!(level.id, "uppfyllt");
/// assert_eq!(level.colour.as_deref(), Some("grön"));
/// assert_eq!(level.symbol.as_deref(), Some("●"));
/// ```
#[doc(alias = "nivå")]
#[doc(alias = "bedömning")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Level {
    /// Stable identifier used by bands, stated assessments and rules, e.g. `"uppfyllt"`.
    pub id: String,
    /// The label printed in the report, e.g. "Målet är uppfyllt".
    pub label: String,
    /// Colour marker, e.g. "grön" (traffic lights: Helsingborg, Vansbro).
    pub colour: Option<String>,
    /// Symbol, e.g. "●" or a smiley (Vårgårda).
    pub symbol: Option<String>,
}

impl Level {
    /// A level with an id and a label, without colour or symbol.
    ///
    /// ```
    /// use kommunal_redovisning::LevelSet;
    /// use kommunal_redovisning::goal::Level;
    ///
    /// // Lystkom's words (1.2): "uppfyllt", "delvis uppfyllt", "inte uppfyllt".
    /// let levels = LevelSet::new(vec![
    ///     Level::new("uppfyllt", "Målet är uppfyllt"),
    ///     Level::new("delvis", "Målet är delvis uppfyllt"),
    ///     Level::new("inte", "Målet är inte uppfyllt"),
    /// ], Level::new("ej_matbart", "Ej mätbart"))?;
    /// assert_eq!(levels.label("delvis"), "Målet är delvis uppfyllt");
    /// assert_eq!(levels.rank("inte"), Some(2));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Level {
        Level {
            id: id.into(),
            label: label.into(),
            colour: None,
            symbol: None,
        }
    }

    /// The same level with a colour marker.
    ///
    /// ```
    /// use kommunal_redovisning::LevelSet;
    /// use kommunal_redovisning::goal::Level;
    ///
    /// // Traffic-light colours (Vansbro 2019, Helsingborg 2012), as in the default level set.
    /// let delvis = Level::new("delvis", "Delvis uppfyllt").with_colour("gul");
    /// assert_eq!(LevelSet::three_level().get("delvis").and_then(|l| l.colour.clone()), delvis.colour);
    /// ```
    #[must_use]
    pub fn with_colour(mut self, colour: impl Into<String>) -> Level {
        self.colour = Some(colour.into());
        self
    }

    /// The same level with a symbol.
    ///
    /// ```
    /// use kommunal_redovisning::LevelSet;
    /// use kommunal_redovisning::goal::Level;
    ///
    /// // A report that marks its levels with symbols.
    /// let levels = LevelSet::new(vec![Level::new("uppfyllt", "Uppfyllt").with_symbol("●"),
    ///     Level::new("inte", "Inte uppfyllt").with_symbol("○")], Level::new("ej_matbart", "Ej mätbart"))?;
    /// assert_eq!(levels.get("inte").and_then(|l| l.symbol.as_deref()), Some("○"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_symbol(mut self, symbol: impl Into<String>) -> Level {
        self.symbol = Some(symbol.into());
        self
    }
}

/// Nivåer: the ordered levels of an assessment, **best first**, plus the level for
/// "ej mätbart" (not measurable), which stands outside the order.
///
/// Municipalities choose their own words; [`LevelSet::three_level`] is the default and
/// [`LevelSet::five_level_forecast`] the five-level forecast vocabulary (Jönköping's
/// Hållbarometern; Skyrev R5 on granskning av delårsrapport och årsredovisning). Validated when built: at least one level,
/// no empty or repeated ids.
///
/// ```
/// use kommunal_redovisning::goal::LevelSet;
/// let five = LevelSet::five_level_forecast();
/// assert_eq!(five.levels().len(), 5);
/// assert_eq!(five.best().map(|l| l.label.as_str()), Some("Uppnått"));
/// assert_eq!(five.rank("osakert"), Some(2));
/// ```
#[doc(alias = "bedömningsnivåer")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "LevelSetSpec", into = "LevelSetSpec")
)]
pub struct LevelSet {
    levels: Vec<Level>,
    not_measurable: Level,
}

#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct LevelSetSpec {
    levels: Vec<Level>,
    not_measurable: Level,
}

impl TryFrom<LevelSetSpec> for LevelSet {
    type Error = crate::error::InSwedish;
    fn try_from(s: LevelSetSpec) -> std::result::Result<LevelSet, Self::Error> {
        LevelSet::new(s.levels, s.not_measurable).map_err(crate::error::InSwedish)
    }
}

impl From<LevelSet> for LevelSetSpec {
    fn from(s: LevelSet) -> LevelSetSpec {
        LevelSetSpec {
            levels: s.levels,
            not_measurable: s.not_measurable,
        }
    }
}

impl LevelSet {
    /// Levels ordered best first, and the level for "ej mätbart".
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when there is no level, an id is empty, or an id repeats.
    ///
    /// ```
    /// use kommunal_redovisning::LevelSet;
    /// use kommunal_redovisning::goal::Level;
    ///
    /// let uppfyllt = || Level::new("uppfyllt", "Uppfyllt");
    /// let set = LevelSet::new(vec![uppfyllt(), Level::new("inte", "Inte uppfyllt")], Level::new("ej_matbart", "Ej mätbart"))?;
    /// assert_eq!(set.best().map(|l| l.id.as_str()), Some("uppfyllt"));
    /// assert_eq!(set.worst().map(|l| l.id.as_str()), Some("inte"));
    /// // An id used twice is refused.
    /// assert!(LevelSet::new(vec![uppfyllt(), uppfyllt()], Level::new("ej_matbart", "Ej mätbart")).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(levels: Vec<Level>, not_measurable: Level) -> Result<LevelSet> {
        if levels.is_empty() {
            return Err(Error::InvalidRule(
                "en nivåuppsättning behöver minst en nivå".to_owned(),
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for l in levels.iter().chain(std::iter::once(&not_measurable)) {
            if l.id.trim().is_empty() {
                return Err(Error::InvalidRule(format!(
                    "nivån {:?} har ett tomt id",
                    l.label
                )));
            }
            if seen.contains(&l.id.as_str()) {
                return Err(Error::InvalidRule(format!(
                    "nivå-id {:?} förekommer två gånger i nivåuppsättningen",
                    l.id
                )));
            }
            seen.push(&l.id);
        }
        Ok(LevelSet {
            levels,
            not_measurable,
        })
    }

    /// The three-level default: uppfyllt (grön) / delvis uppfyllt (gul) / inte uppfyllt
    /// (röd), and "ej mätbart" — the words of Vårgårda 2023 and Lystkom 2025, the colours
    /// of Vansbro 2019 (finansiellinfo.se/Vansbro_2019/Maluppfyllelse.html) and Helsingborg 2012.
    ///
    /// ```
    /// use kommunal_redovisning::LevelSet;
    ///
    /// let levels = LevelSet::three_level();
    /// let ids: Vec<_> = levels.levels().iter().map(|l| l.id.as_str()).collect();
    /// assert_eq!(ids, ["uppfyllt", "delvis", "inte"]);
    /// assert_eq!(levels.get("delvis").and_then(|l| l.colour.as_deref()), Some("gul"));
    /// assert_eq!(levels.not_measurable().label, "Ej mätbart");
    /// ```
    #[must_use]
    pub fn three_level() -> LevelSet {
        LevelSet {
            levels: vec![
                Level::new("uppfyllt", "Uppfyllt")
                    .with_colour("grön")
                    .with_symbol("●"),
                Level::new("delvis", "Delvis uppfyllt")
                    .with_colour("gul")
                    .with_symbol("◐"),
                Level::new("inte", "Inte uppfyllt")
                    .with_colour("röd")
                    .with_symbol("○"),
            ],
            not_measurable: Level::new("ej_matbart", "Ej mätbart").with_symbol("–"),
        }
    }

    /// The five-level forecast scale of Jönköping's Hållbarometern: uppnått / bedöms
    /// kunna uppnås / osäkert / bedöms inte kunna uppnås / inte uppnått, and
    /// "ej mätbart" (as in Vårgårda's måluppföljning 2023, vargarda.se årsredovisning 2023). Ids: `uppnatt`, `kan_uppnas`, `osakert`,
    /// `kan_inte_uppnas`, `inte_uppnatt`, `ej_matbart`.
    ///
    /// ```
    /// use kommunal_redovisning::LevelSet;
    ///
    /// let levels = LevelSet::five_level_forecast();
    /// assert_eq!(levels.levels().len(), 5);
    /// assert_eq!(levels.label("osakert"), "Osäkert");
    /// assert_eq!(levels.worst().map(|l| l.id.as_str()), Some("inte_uppnatt"));
    /// ```
    #[must_use]
    pub fn five_level_forecast() -> LevelSet {
        LevelSet {
            levels: vec![
                Level::new("uppnatt", "Uppnått").with_colour("mörkgrön"),
                Level::new("kan_uppnas", "Bedöms kunna uppnås").with_colour("grön"),
                Level::new("osakert", "Osäkert").with_colour("gul"),
                Level::new("kan_inte_uppnas", "Bedöms inte kunna uppnås").with_colour("orange"),
                Level::new("inte_uppnatt", "Inte uppnått").with_colour("röd"),
            ],
            not_measurable: Level::new("ej_matbart", "Ej mätbart"),
        }
    }

    /// The ordered levels, best first.
    #[must_use]
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// The level for "ej mätbart".
    #[must_use]
    pub fn not_measurable(&self) -> &Level {
        &self.not_measurable
    }

    /// The best level.
    #[must_use]
    pub fn best(&self) -> Option<&Level> {
        self.levels.first()
    }

    /// The worst level.
    #[must_use]
    pub fn worst(&self) -> Option<&Level> {
        self.levels.last()
    }

    /// The level with `id`, including the "ej mätbart" level.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Level> {
        self.levels
            .iter()
            .chain(std::iter::once(&self.not_measurable))
            .find(|l| l.id == id)
    }

    /// The position of an ordered level (0 = best); `None` for "ej mätbart" and unknown ids.
    #[must_use]
    pub fn rank(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }

    /// The label of `id`, or the id itself when it is unknown.
    #[must_use]
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |l| l.label.as_str())
    }

    /// The level with `id`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] naming the id and the known ids when it is unknown.
    pub fn require(&self, id: &str) -> Result<&Level> {
        self.get(id).ok_or_else(|| {
            let known: Vec<&str> = self
                .levels
                .iter()
                .chain(std::iter::once(&self.not_measurable))
                .map(|l| l.id.as_str())
                .collect();
            Error::InvalidRule(format!(
                "okänd nivå {id:?}; nivåuppsättningen har {}",
                known.join(", ")
            ))
        })
    }
}

/// Band: an interval of måluppfyllelse and the level it gives.
///
/// ```
/// use kommunal_redovisning::goal::{Band, Interval};
/// use kommunal_redovisning::Percent;
///
/// // Lystkom 2025, section 1.2: 81–89 % is delvis uppfyllt.
/// let band = Band::new(Interval::closed(81.into(), 89.into()), "delvis");
/// assert!(band.interval.contains(Percent::new(85.into())));
/// assert!(!band.interval.contains(Percent::new(90.into())));
/// assert_eq!(band.level, "delvis");
/// ```
#[doc(alias = "intervall")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Band {
    /// The achievement values of the band.
    pub interval: Interval,
    /// The id of the level (in the scale's [`LevelSet`]).
    pub level: String,
}

impl Band {
    /// A band.
    ///
    /// ```
    /// use kommunal_redovisning::{AssessmentScale, Decimal, GapPolicy, LevelSet, Percent};
    /// use kommunal_redovisning::goal::{Band, Interval};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2: "99-100 %" uppfyllt, "81-89 %" delvis, "0-80 %" inte.
    /// let band = |from: i64, to: i64, level| Band::new(Interval::closed(Decimal::from(from), Decimal::from(to)), level);
    /// let bands = vec![band(99, 100, "uppfyllt"), band(81, 89, "delvis"), band(0, 80, "inte")];
    /// let scale = AssessmentScale::new("Lystkom 2025", LevelSet::three_level(), bands, GapPolicy::Refuse)?;
    /// assert_eq!(scale.classify(Percent::new(Decimal::from(85)))?.level.as_deref(), Some("delvis"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(interval: Interval, level: impl Into<String>) -> Band {
        Band {
            interval,
            level: level.into(),
        }
    }
}

/// Regel för luckor: what a scale does with an achievement value that no band covers.
///
/// Always named in output ([`GapPolicy::label`]) so that a reader knows how a value in a
/// gap was judged.
///
/// ```
/// use kommunal_redovisning::goal::{AssessmentScale, Band, GapPolicy, Interval, LevelSet};
/// use kommunal_redovisning::Percent;
///
/// // Lystkom 2025, section 1.2: 95 % lies in the gap (89, 99).
/// let bands = vec![
///     Band::new(Interval::closed(99.into(), 100.into()), "uppfyllt"),
///     Band::new(Interval::closed(81.into(), 89.into()), "delvis"),
///     Band::new(Interval::closed(0.into(), 80.into()), "inte"),
/// ];
/// let scale = AssessmentScale::new("Lystkom", LevelSet::three_level(), bands, GapPolicy::Refuse)?;
/// assert!(scale.classify(Percent::new(95.into())).is_err());
/// assert_eq!(GapPolicy::Refuse.label(), "värden i en lucka bedöms inte");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "lucka")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum GapPolicy {
    /// Default: a scale with a gap is invalid and cannot be built.
    #[default]
    RejectScale,
    /// The scale is built; a value in a gap is not judged (an error from
    /// [`AssessmentScale::classify`], a finding in an evaluation).
    Refuse,
    /// The scale is built; a value in a gap takes the level of the band just below the
    /// gap. A gap starting at the bottom of the scale has no level below and makes the
    /// scale invalid.
    LevelBelow,
}

impl GapPolicy {
    /// The policy in Swedish, for output.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            GapPolicy::RejectScale => "skalor med luckor underkänns",
            GapPolicy::Refuse => "värden i en lucka bedöms inte",
            GapPolicy::LevelBelow => "värden i en lucka får närmast lägre nivå",
        }
    }
}

/// Lucka: achievement values (from 0 % upward) that no band covers.
///
/// ```
/// use kommunal_redovisning::goal::{Band, Coverage, Interval};
///
/// // Påhittad skala: nothing covers (50, 60).
/// let c = Coverage::of(&[
///     Band::new(Interval::at_least(60.into()), "uppfyllt"),
///     Band::new(Interval::closed(0.into(), 50.into()), "inte"),
/// ]);
/// let gap = &c.gaps[0];
/// assert_eq!(gap.interval.to_string(), "(50, 60)");
/// assert_eq!((gap.below.as_deref(), gap.above.as_deref()), (Some("inte"), Some("uppfyllt")));
/// ```
#[doc(alias = "lucka")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Gap {
    /// The uncovered values.
    pub interval: Interval,
    /// The level of the band that ends where the gap starts (`None` for a gap at 0 %).
    pub below: Option<String>,
    /// The level of the band that starts where the gap ends (`None` for an open top).
    pub above: Option<String>,
}

/// Överlappning: two bands that share values.
///
/// ```
/// use kommunal_redovisning::goal::{Band, Coverage, Interval};
///
/// // Påhittad skala: both bands hold 80 %.
/// let c = Coverage::of(&[
///     Band::new(Interval::at_least(80.into()), "uppfyllt"),
///     Band::new(Interval::closed(0.into(), 80.into()), "inte"),
/// ]);
/// let o = &c.overlaps[0];
/// assert_eq!((o.first, o.second, o.first_level.as_str()), (0, 1, "uppfyllt"));
/// assert_eq!(o.interval.to_string(), "[80, 80]");
/// ```
#[doc(alias = "överlappning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Overlap {
    /// Index of the first band (in the order given).
    pub first: usize,
    /// Index of the second band.
    pub second: usize,
    /// The first band's level id.
    pub first_level: String,
    /// The second band's level id.
    pub second_level: String,
    /// The values both cover.
    pub interval: Interval,
}

/// Täckning: the result of checking bands against the range from 0 % upward.
///
/// ```
/// use kommunal_redovisning::goal::{Band, Coverage, Interval};
///
/// // Påhittad skala: complete from 0 % upward, once.
/// let c = Coverage::of(&[
///     Band::new(Interval::at_least(80.into()), "uppfyllt"),
///     Band::new(Interval::half_open(0.into(), 80.into()), "inte"),
/// ]);
/// assert!(c.is_complete());
/// assert!(c.empty_bands.is_empty());
/// ```
#[doc(alias = "täckning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Coverage {
    /// Values from 0 % upward that no band covers, in ascending order.
    pub gaps: Vec<Gap>,
    /// Pairs of bands that share values.
    pub overlaps: Vec<Overlap>,
    /// Indexes of bands that contain no value at all (e.g. [90, 80]).
    pub empty_bands: Vec<usize>,
}

impl Coverage {
    /// Checks `bands` for gaps, overlaps and empty bands over [0 %, ∞).
    ///
    /// ```
    /// use kommunal_redovisning::goal::{Band, Coverage, Interval};
    ///
    /// // Lystkom 2025, section 1.2: 99–100 %, 81–89 %, 0–80 %.
    /// let c = Coverage::of(&[
    ///     Band::new(Interval::closed(99.into(), 100.into()), "uppfyllt"),
    ///     Band::new(Interval::closed(81.into(), 89.into()), "delvis"),
    ///     Band::new(Interval::closed(0.into(), 80.into()), "inte"),
    /// ]);
    /// let gaps: Vec<String> = c.gaps.iter().map(|g| g.interval.to_string()).collect();
    /// assert_eq!(gaps, ["(80, 81)", "(89, 99)", "(100, ∞)"]);
    /// assert!(c.overlaps.is_empty());
    /// ```
    #[must_use]
    pub fn of(bands: &[Band]) -> Coverage {
        let mut coverage = Coverage::default();
        let mut live: Vec<(usize, &Band)> = Vec::new();
        for (i, b) in bands.iter().enumerate() {
            if b.interval.is_empty() {
                coverage.empty_bands.push(i);
            } else {
                live.push((i, b));
            }
        }
        for (n, (i, a)) in live.iter().enumerate() {
            for (j, b) in live.iter().skip(n + 1) {
                if let Some(shared) = a.interval.intersection(&b.interval) {
                    coverage.overlaps.push(Overlap {
                        first: *i,
                        second: *j,
                        first_level: a.level.clone(),
                        second_level: b.level.clone(),
                        interval: shared,
                    });
                }
            }
        }
        live.sort_by(|(_, a), (_, b)| Cut::lower_of(&a.interval).cmp(&Cut::lower_of(&b.interval)));
        // Everything before `frontier` is covered; `None` once the top is unbounded.
        let mut frontier = Some(Cut {
            value: Decimal::ZERO,
            before: true,
        });
        let mut below: Option<String> = None;
        for (_, band) in &live {
            let Some(front) = frontier else { break };
            let start = Cut::lower_of(&band.interval);
            if start > front {
                coverage.gaps.push(Gap {
                    interval: Interval {
                        lower: front.value,
                        lower_inclusive: front.before,
                        upper: Some(start.value),
                        upper_inclusive: !start.before,
                    },
                    below: below.clone(),
                    above: Some(band.level.clone()),
                });
            }
            match band.interval.upper_cut() {
                None => frontier = None,
                Some(end) if end > front => {
                    frontier = Some(end);
                    below = Some(band.level.clone());
                }
                Some(_) => {}
            }
        }
        if let Some(front) = frontier {
            coverage.gaps.push(Gap {
                interval: Interval {
                    lower: front.value,
                    lower_inclusive: front.before,
                    upper: None,
                    upper_inclusive: false,
                },
                below,
                above: None,
            });
        }
        coverage
    }

    /// Whether the bands cover [0 %, ∞) exactly once.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty() && self.overlaps.is_empty() && self.empty_bands.is_empty()
    }
}

/// Where an achievement value falls on a scale.
///
/// ```
/// use kommunal_redovisning::goal::AssessmentScale;
/// use kommunal_redovisning::Percent;
///
/// let c = AssessmentScale::three_level().classify(Percent::new(85.into()))?;
/// assert_eq!(c.level.as_deref(), Some("delvis"));
/// assert_eq!(c.degree, Percent::new(85.into()));
/// assert!(c.gap.is_none());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "klassning")]
#[doc(alias = "nivå")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Classification {
    /// The degree of achievement that was classified (after any rounding).
    pub degree: Percent,
    /// The level id, or `None` when the value lies in a gap and the policy is
    /// [`GapPolicy::Refuse`].
    pub level: Option<String>,
    /// The gap the value lies in, when it lies in one; the level then came from the
    /// scale's [`GapPolicy`].
    pub gap: Option<Gap>,
}

/// Bedömningsskala: maps måluppfyllelse (degree of achievement, percent) to a level.
///
/// A municipality's own rule, so it is data: levels ([`LevelSet`]), bands of achievement
/// ([`Band`], real intervals — see [`Interval`] for the reading of "81–89 %"), and a
/// [`GapPolicy`]. Building validates it: bands must not overlap, must not be empty, must
/// name known levels, and must cover every value from 0 % upward — unless the policy
/// says what to do with uncovered values, in which case the gaps are kept and reported
/// ([`AssessmentScale::gaps`]).
///
/// ```
/// use kommunal_redovisning::goal::{AssessmentScale, Band, GapPolicy, Interval, LevelSet};
/// use kommunal_redovisning::Percent;
///
/// // Lystkom's criteria have gaps: refused unless a policy is named.
/// let bands = vec![
///     Band::new(Interval::closed(99.into(), 100.into()), "uppfyllt"),
///     Band::new(Interval::closed(81.into(), 89.into()), "delvis"),
///     Band::new(Interval::closed(0.into(), 80.into()), "inte"),
/// ];
/// let err = AssessmentScale::new("Lystkom", LevelSet::three_level(), bands.clone(), GapPolicy::RejectScale)
///     .unwrap_err();
/// assert!(err.to_string().contains("(89, 99)"));
///
/// let scale = AssessmentScale::new("Lystkom", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// let c = scale.classify(Percent::new(95.into()))?;
/// assert_eq!(c.level.as_deref(), Some("delvis"));
/// assert_eq!(c.gap.map(|g| g.interval.to_string()).as_deref(), Some("(89, 99)"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "bedömningsskala")]
#[doc(alias = "bedömningskriterier")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ScaleSpec", into = "ScaleSpec"))]
pub struct AssessmentScale {
    name: String,
    levels: LevelSet,
    bands: Vec<Band>,
    gap_policy: GapPolicy,
    gaps: Vec<Gap>,
}

#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct ScaleSpec {
    name: String,
    levels: LevelSet,
    bands: Vec<Band>,
    gap_policy: GapPolicy,
}

impl TryFrom<ScaleSpec> for AssessmentScale {
    type Error = crate::error::InSwedish;
    fn try_from(s: ScaleSpec) -> std::result::Result<AssessmentScale, Self::Error> {
        AssessmentScale::new(s.name, s.levels, s.bands, s.gap_policy)
            .map_err(crate::error::InSwedish)
    }
}

impl From<AssessmentScale> for ScaleSpec {
    fn from(s: AssessmentScale) -> ScaleSpec {
        ScaleSpec {
            name: s.name,
            levels: s.levels,
            bands: s.bands,
            gap_policy: s.gap_policy,
        }
    }
}

impl AssessmentScale {
    /// A validated scale.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when there are no bands, a band names an unknown level or
    /// the "ej mätbart" level, a band is empty, two bands overlap (both bands and the
    /// shared interval named), a gap exists under [`GapPolicy::RejectScale`] (every gap
    /// named with the levels on either side), or a gap starting at the bottom has no
    /// level below under [`GapPolicy::LevelBelow`].
    ///
    /// ```
    /// use kommunal_redovisning::{AssessmentScale, Decimal, GapPolicy, LevelSet, Percent};
    /// use kommunal_redovisning::goal::{Band, Interval};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2: the criteria leave 80–81 % and 89–99 % uncovered.
    /// let band = |from: i64, to: i64, level| Band::new(Interval::closed(Decimal::from(from), Decimal::from(to)), level);
    /// let bands = || vec![band(99, 100, "uppfyllt"), band(81, 89, "delvis"), band(0, 80, "inte")];
    /// // Without a rule for gaps the scale is refused, naming them.
    /// let refused = AssessmentScale::new("Lystkom 2025", LevelSet::three_level(), bands(), GapPolicy::RejectScale);
    /// assert!(refused.is_err_and(|e| e.to_string().contains("(89, 99)")));
    /// // With "level below", 95 % (in the gap) gets delvis, the band below it.
    /// let scale = AssessmentScale::new("Lystkom 2025", LevelSet::three_level(), bands(), GapPolicy::LevelBelow)?;
    /// assert_eq!(scale.classify(Percent::new(Decimal::from(95)))?.level.as_deref(), Some("delvis"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(
        name: impl Into<String>,
        levels: LevelSet,
        bands: Vec<Band>,
        gap_policy: GapPolicy,
    ) -> Result<AssessmentScale> {
        let name = name.into();
        if bands.is_empty() {
            return Err(Error::InvalidRule(format!(
                "skalan {name:?} har inga intervall"
            )));
        }
        for (i, b) in bands.iter().enumerate() {
            if levels.rank(&b.level).is_none() {
                return Err(Error::InvalidRule(format!(
                    "skalan {name:?}: intervall {} {} anger nivån {:?}, som inte är en rangordnad nivå i skalan",
                    i + 1,
                    b.interval,
                    b.level
                )));
            }
        }
        let coverage = Coverage::of(&bands);
        if let Some(&i) = coverage.empty_bands.first() {
            let interval = bands.get(i).map(|b| b.interval.to_string());
            return Err(Error::InvalidRule(format!(
                "skalan {name:?}: intervall {} {} innehåller inget värde",
                i + 1,
                interval.unwrap_or_default()
            )));
        }
        if !coverage.overlaps.is_empty() {
            let list: Vec<String> = coverage
                .overlaps
                .iter()
                .map(|o| {
                    format!(
                        "intervall {} ({:?}) och intervall {} ({:?}) delar {}",
                        o.first + 1,
                        o.first_level,
                        o.second + 1,
                        o.second_level,
                        o.interval
                    )
                })
                .collect();
            return Err(Error::InvalidRule(format!(
                "skalan {name:?} har överlappande intervall: {}",
                list.join("; ")
            )));
        }
        match gap_policy {
            GapPolicy::RejectScale if !coverage.gaps.is_empty() => {
                return Err(Error::InvalidRule(format!(
                    "skalan {name:?} lämnar måluppfyllelse utan nivå: {}",
                    describe_gaps(&coverage.gaps)
                )));
            }
            GapPolicy::LevelBelow => {
                if let Some(g) = coverage.gaps.iter().find(|g| g.below.is_none()) {
                    return Err(Error::InvalidRule(format!(
                        "skalan {name:?}: luckan {} har ingen nivå under sig, så regeln \"närmast lägre nivå\" kan inte tillämpas",
                        g.interval
                    )));
                }
            }
            _ => {}
        }
        Ok(AssessmentScale {
            name,
            levels,
            bands,
            gap_policy,
            gaps: coverage.gaps,
        })
    }

    /// The default three-level scale ([`LevelSet::three_level`]) with Vansbro 2019's
    /// threshold: uppfyllt from 100 %, delvis uppfyllt from 80 % (below 100 %), inte
    /// uppfyllt below 80 % (Kommunalförbundet Lystkom, delårsrapport 2025, avsnitt 1.2). Complete: no gaps.
    ///
    /// ```
    /// use kommunal_redovisning::goal::AssessmentScale;
    /// use kommunal_redovisning::Percent;
    /// let s = AssessmentScale::three_level();
    /// assert!(s.gaps().is_empty());
    /// assert_eq!(s.classify(Percent::new(80.into()))?.level.as_deref(), Some("delvis"));
    /// assert_eq!(s.classify(Percent::new("79.9".parse()?))?.level.as_deref(), Some("inte"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn three_level() -> AssessmentScale {
        let bands = vec![
            Band::new(Interval::at_least(Decimal::ONE_HUNDRED), "uppfyllt"),
            Band::new(
                Interval::half_open(Decimal::from(80), Decimal::ONE_HUNDRED),
                "delvis",
            ),
            Band::new(
                Interval::half_open(Decimal::ZERO, Decimal::from(80)),
                "inte",
            ),
        ];
        AssessmentScale {
            name: "Tre nivåer (80 % för delvis uppfyllt)".to_owned(),
            levels: LevelSet::three_level(),
            bands,
            gap_policy: GapPolicy::RejectScale,
            gaps: Vec::new(),
        }
    }

    /// The scale's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The levels.
    #[must_use]
    pub fn levels(&self) -> &LevelSet {
        &self.levels
    }

    /// The bands, in the order given.
    #[must_use]
    pub fn bands(&self) -> &[Band] {
        &self.bands
    }

    /// The policy for uncovered values.
    #[must_use]
    pub fn gap_policy(&self) -> GapPolicy {
        self.gap_policy
    }

    /// The uncovered intervals from 0 % upward (empty for a complete scale).
    #[must_use]
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// Places `degree` on the scale without failing on a gap: a value in a gap under
    /// [`GapPolicy::Refuse`] gets `level: None`. Values below 0 % are treated as 0 %.
    #[must_use]
    pub fn place(&self, degree: Percent) -> Classification {
        let degree = degree.max(Percent::ZERO);
        if let Some(b) = self.bands.iter().find(|b| b.interval.contains(degree)) {
            return Classification {
                degree,
                level: Some(b.level.clone()),
                gap: None,
            };
        }
        let gap = self
            .gaps
            .iter()
            .find(|g| g.interval.contains(degree))
            .cloned();
        let level = match self.gap_policy {
            GapPolicy::LevelBelow => gap.as_ref().and_then(|g| g.below.clone()),
            GapPolicy::Refuse | GapPolicy::RejectScale => None,
        };
        Classification { degree, level, gap }
    }

    /// Classifies `degree` (values below 0 % count as 0 %).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the value lies in a gap and the policy is
    /// [`GapPolicy::Refuse`]; the message names the value, the gap and the policy.
    pub fn classify(&self, degree: Percent) -> Result<Classification> {
        let c = self.place(degree);
        if c.level.is_none() {
            let gap = c
                .gap
                .as_ref()
                .map_or_else(String::new, |g| format!(" {}", g.interval));
            return Err(Error::InvalidRule(format!(
                "måluppfyllelse {} ligger i luckan{gap} i skalan {:?}; regel: {}",
                c.degree.sv(),
                self.name,
                self.gap_policy.label()
            )));
        }
        Ok(c)
    }

    /// Classifies `degree` after rounding it to `decimals` decimals (half away from
    /// zero), so that the level matches the figure a reader sees printed.
    ///
    /// # Errors
    ///
    /// As [`AssessmentScale::classify`].
    pub fn classify_rounded(&self, degree: Percent, decimals: u32) -> Result<Classification> {
        self.classify(degree.round(decimals, RoundingMode::HalfAwayFromZero))
    }
}

/// "(80, 81) between "inte" and "delvis"; (100, ∞) above "uppfyllt"".
pub(crate) fn describe_gaps(gaps: &[Gap]) -> String {
    let list: Vec<String> = gaps
        .iter()
        .map(|g| match (&g.below, &g.above) {
            (Some(b), Some(a)) => format!("{} mellan {b:?} och {a:?}", g.interval),
            (Some(b), None) => format!("{} över {b:?}", g.interval),
            (None, Some(a)) => format!("{} under {a:?}", g.interval),
            (None, None) => g.interval.to_string(),
        })
        .collect();
    list.join("; ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn p(s: &str) -> Percent {
        Percent::new(d(s))
    }

    fn lystkom_bands() -> Vec<Band> {
        vec![
            Band::new(Interval::closed(d("99"), d("100")), "uppfyllt"),
            Band::new(Interval::closed(d("81"), d("89")), "delvis"),
            Band::new(Interval::closed(d("0"), d("80")), "inte"),
        ]
    }

    #[test]
    fn lystkom_gaps_exactly() {
        let c = Coverage::of(&lystkom_bands());
        assert!(c.overlaps.is_empty());
        assert_eq!(c.gaps.len(), 3);
        assert_eq!(c.gaps[0].interval, Interval::open(d("80"), d("81")));
        assert_eq!(c.gaps[0].below.as_deref(), Some("inte"));
        assert_eq!(c.gaps[0].above.as_deref(), Some("delvis"));
        assert_eq!(c.gaps[1].interval, Interval::open(d("89"), d("99")));
        assert_eq!(c.gaps[2].interval, Interval::above(d("100")));
        assert_eq!(c.gaps[2].above, None);
        assert_eq!(
            c.gaps[1].interval.describe(),
            "över 89\u{a0}% och under 99\u{a0}%"
        );
    }

    #[test]
    fn whole_percent_reading_moves_the_gaps() {
        let bands = vec![
            Band::new(Interval::whole_percents(99, 100), "uppfyllt"),
            Band::new(Interval::whole_percents(81, 89), "delvis"),
            Band::new(Interval::whole_percents(0, 80), "inte"),
        ];
        let c = Coverage::of(&bands);
        let gaps: Vec<String> = c.gaps.iter().map(|g| g.interval.to_string()).collect();
        assert_eq!(gaps, ["[90, 99)", "[101, ∞)"]);
    }

    #[test]
    fn reject_names_every_gap() {
        let err = AssessmentScale::new(
            "Lystkom",
            LevelSet::three_level(),
            lystkom_bands(),
            GapPolicy::RejectScale,
        )
        .unwrap_err();
        assert_eq!(
            err.sv().to_string(),
            "ogiltig regel: skalan \"Lystkom\" lämnar måluppfyllelse utan nivå: (80, 81) mellan \
             \"inte\" och \"delvis\"; (89, 99) mellan \"delvis\" och \"uppfyllt\"; (100, ∞) över \"uppfyllt\""
        );
    }

    #[test]
    fn refuse_and_level_below() {
        let refuse = AssessmentScale::new(
            "L",
            LevelSet::three_level(),
            lystkom_bands(),
            GapPolicy::Refuse,
        )
        .unwrap();
        assert_eq!(
            refuse.classify(p("80")).unwrap().level.as_deref(),
            Some("inte")
        );
        assert_eq!(
            refuse.classify(p("81")).unwrap().level.as_deref(),
            Some("delvis")
        );
        let err = refuse.classify(p("80.5")).unwrap_err();
        assert!(err.to_string().contains("(80, 81)"), "{err}");
        assert!(err.to_string().contains("bedöms inte"), "{err}");
        assert!(refuse.place(p("80.5")).level.is_none());

        let below = AssessmentScale::new(
            "L",
            LevelSet::three_level(),
            lystkom_bands(),
            GapPolicy::LevelBelow,
        )
        .unwrap();
        assert_eq!(
            below.classify(p("80.5")).unwrap().level.as_deref(),
            Some("inte")
        );
        assert_eq!(
            below.classify(p("98.99")).unwrap().level.as_deref(),
            Some("delvis")
        );
        let over = below.classify(p("120")).unwrap();
        assert_eq!(over.level.as_deref(), Some("uppfyllt"));
        assert_eq!(over.gap.unwrap().interval, Interval::above(d("100")));
        // Inside a band: no gap recorded.
        assert!(below.classify(p("99")).unwrap().gap.is_none());
    }

    #[test]
    fn level_below_needs_a_band_below() {
        let bands = vec![Band::new(Interval::at_least(d("10")), "uppfyllt")];
        let err = AssessmentScale::new("x", LevelSet::three_level(), bands, GapPolicy::LevelBelow)
            .unwrap_err();
        assert!(err.to_string().contains("[0, 10)"), "{err}");
    }

    #[test]
    fn overlap_reported_with_both_bands_and_the_shared_interval() {
        let bands = vec![
            Band::new(Interval::at_least(d("90")), "uppfyllt"),
            Band::new(Interval::closed(d("80"), d("90")), "delvis"),
            Band::new(Interval::half_open(d("0"), d("80")), "inte"),
        ];
        let c = Coverage::of(&bands);
        assert_eq!(c.overlaps.len(), 1);
        assert_eq!(c.overlaps[0].interval, Interval::point(d("90")));
        assert_eq!((c.overlaps[0].first, c.overlaps[0].second), (0, 1));
        assert!(c.gaps.is_empty());
        let err = AssessmentScale::new("x", LevelSet::three_level(), bands, GapPolicy::Refuse)
            .unwrap_err();
        assert_eq!(
            err.sv().to_string(),
            "ogiltig regel: skalan \"x\" har överlappande intervall: intervall 1 (\"uppfyllt\") och intervall 2 (\"delvis\") delar [90, 90]"
        );
    }

    #[test]
    fn single_point_gap_between_open_ends() {
        let bands = vec![
            Band::new(Interval::above(d("80")), "uppfyllt"),
            Band::new(Interval::half_open(d("0"), d("80")), "inte"),
        ];
        let c = Coverage::of(&bands);
        assert_eq!(c.gaps.len(), 1);
        assert_eq!(c.gaps[0].interval, Interval::point(d("80")));
        assert_eq!(c.gaps[0].interval.describe(), "exakt 80\u{a0}%");
    }

    #[test]
    fn open_top_and_missing_bottom() {
        let bands = vec![Band::new(Interval::closed(d("5"), d("50")), "inte")];
        let c = Coverage::of(&bands);
        let gaps: Vec<String> = c.gaps.iter().map(|g| g.interval.to_string()).collect();
        assert_eq!(gaps, ["[0, 5)", "(50, ∞)"]);
        assert_eq!(c.gaps[0].below, None);
    }

    #[test]
    fn empty_band_and_unknown_level_refused() {
        let bands = vec![
            Band::new(Interval::at_least(d("0")), "uppfyllt"),
            Band::new(Interval::closed(d("90"), d("80")), "delvis"),
        ];
        assert_eq!(Coverage::of(&bands).empty_bands, [1]);
        let err = AssessmentScale::new("x", LevelSet::three_level(), bands, GapPolicy::RejectScale)
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("intervall 2 [90, 80] innehåller inget värde"),
            "{err}"
        );
        let bands = vec![Band::new(Interval::at_least(d("0")), "ej_matbart")];
        assert!(
            AssessmentScale::new("x", LevelSet::three_level(), bands, GapPolicy::RejectScale)
                .is_err()
        );
    }

    #[test]
    fn three_level_default_is_complete() {
        let s = AssessmentScale::three_level();
        assert!(Coverage::of(s.bands()).is_complete());
        assert_eq!(
            s.classify(p("100")).unwrap().level.as_deref(),
            Some("uppfyllt")
        );
        assert_eq!(
            s.classify(p("250")).unwrap().level.as_deref(),
            Some("uppfyllt")
        );
        assert_eq!(s.classify(p("0")).unwrap().level.as_deref(), Some("inte"));
        assert_eq!(s.classify(p("-5")).unwrap().level.as_deref(), Some("inte"));
    }

    #[test]
    fn level_set_validation() {
        assert!(LevelSet::new(vec![], Level::new("e", "E")).is_err());
        assert!(LevelSet::new(vec![Level::new("a", "A")], Level::new("a", "E")).is_err());
        assert!(LevelSet::new(vec![Level::new(" ", "A")], Level::new("e", "E")).is_err());
        let s = LevelSet::three_level();
        assert_eq!(s.rank("inte"), Some(2));
        assert_eq!(s.rank("ej_matbart"), None);
        assert!(
            s.require("nope")
                .unwrap_err()
                .to_string()
                .contains("uppfyllt, delvis")
        );
    }

    #[test]
    fn rounded_classification_matches_the_printed_figure() {
        let s = AssessmentScale::new(
            "L",
            LevelSet::three_level(),
            lystkom_bands(),
            GapPolicy::Refuse,
        )
        .unwrap();
        // 98,96 % prints as "99,0 %" with one decimal: uppfyllt when rounded, refused exact.
        assert!(s.classify(p("98.96")).is_err());
        assert_eq!(
            s.classify_rounded(p("98.96"), 1).unwrap().level.as_deref(),
            Some("uppfyllt")
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates_on_the_way_in() {
        let s = AssessmentScale::three_level();
        let json = serde_json::to_string(&s).unwrap();
        let back: AssessmentScale = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        let broken = json.replacen("\"80\"", "\"85\"", 1);
        assert_ne!(broken, json);
        let err = serde_json::from_str::<AssessmentScale>(&broken).unwrap_err();
        assert!(err.to_string().contains("utan nivå"), "{err}");
    }
}
