//! Måluppfyllelse: målområden, mål and målvärden, assessment scales, and the evaluation
//! of goals for god ekonomisk hushållning.
//!
//! Fullmäktige sets finansiella mål and mål och riktlinjer för verksamheten of importance
//! for god ekonomisk hushållning (KL 11 kap. 6 §); the förvaltningsberättelse of every
//! delårsrapport and årsredovisning must evaluate whether they were met (LKBR 11 kap.,
//! 13 kap.; Skyrev R5, granskning av delårsrapport och årsredovisning). This module makes that evaluation a set of rules
//! that can be checked, explained and reused.
//!
//! # Model
//!
//! - [`GoalArea`] (målområde) → [`Goal`] (mål) → [`TargetValue`] (målvärde). A report
//!   that lists målvärden for a målområde without saying which mål each measures keeps
//!   them on the målområde ([`GoalArea::target_values`]).
//! - A målvärde has a [`TargetKind`] (at least / more than / at most / less than a value,
//!   one quantity above another, a count, a yes/no fact, a peer-group comparison, an
//!   average over several years), dated [`Observation`]s (an [`Outcome`]: measured, not
//!   yet measurable — with when —, or not reported), a forecast, and the report's
//!   stated assessment with its reasoning ([`StatedAssessment`]).
//! - The degree of achievement ([`Achievement`]) follows the formula of each kind
//!   ([`TargetKind::formula`]); over-achievement is capped or not ([`OverAchievement`]).
//! - An [`AssessmentScale`] maps the degree to a [`Level`]; building it checks the bands
//!   ([`Band`], real [`Interval`]s) for gaps and overlaps ([`Coverage`]); uncovered values
//!   follow a named [`GapPolicy`].
//! - An [`AggregationRule`] (all met, share met through a scale, weakest, manual) gives
//!   the level of a mål and a målområde from its målvärden.
//! - [`evaluate`] does it all for a date, keeping the computed and the stated
//!   assessment side by side; every disagreement, every value that fell in a gap, and
//!   every figure the report does not give comes back as a [`GoalFinding`].
//!
//! # Example
//!
//! ```
//! use kommunal_redovisning::NaiveDate;
//! use kommunal_redovisning::goal::{
//!     evaluate, AggregationRule, AssessmentScale, AssessmentSettings, GoalArea,
//!     Measurement, Observation, Outcome, StatedAssessment, TargetKind, TargetValue,
//! };
//!
//! let date = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?;
//! let sick_leave = TargetValue::new("3.1", "Total sjukfrånvaro", "% av arbetad tid",
//!         TargetKind::less_than(4.into()))
//!     .with_outcome(Observation::new(date, Outcome::Measured(Measurement::Value("5.0".parse()?))));
//! let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::Weakest)
//!     .with_target_value(sick_leave)
//!     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
//!
//! // The default scale (Vansbro 2019): delvis uppfyllt from 80 %.
//! let eval = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), date)?;
//! let a = &eval.areas[0];
//! let t = &a.target_values[0];
//! assert_eq!(t.outcome.achievement.as_ref().map(|x| x.degree), Some("80".parse()?)); // 4 / 5
//! assert_eq!(a.outcome.computed.level.as_deref(), Some("delvis"));
//! assert_eq!(a.outcome.agrees, Some(true));
//! assert!(eval.findings.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod aggregate;
mod finding;
mod scale;
mod target;

use std::fmt;

use chrono::NaiveDate;

pub use aggregate::{Aggregate, AggregationRule};
pub use finding::GoalFinding;
pub use scale::{
    AssessmentScale, Band, Classification, Coverage, Gap, GapPolicy, Interval, Level, LevelSet,
    Overlap,
};
pub use target::{Achievement, Comparison, Measurement, OverAchievement, TargetKind, YearValue};

use crate::error::Result;
use crate::money::Percent;

/// Angiven bedömning: the assessment a report states, with its words.
///
/// ```
/// use kommunal_redovisning::goal::StatedAssessment;
/// let stated = StatedAssessment::new("delvis", "Målet bedöms som delvis uppfyllt");
/// assert_eq!(stated.level, "delvis");
/// ```
#[doc(alias = "bedömning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StatedAssessment {
    /// The level id in the scale's [`LevelSet`] (may be the "ej mätbart" level).
    pub level: String,
    /// The report's words or reasoning, quoted.
    pub text: String,
}

impl StatedAssessment {
    /// A stated assessment.
    ///
    /// ```
    /// use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// use kommunal_redovisning::goal::{evaluate, AssessmentSettings, Measurement, Observation, Outcome, StatedAssessment};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3: "Målvärden är delvis uppfyllda."
    /// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// let sick = TargetValue::new("3.1", "Totala sjukfrånvaron <4 %", "%", TargetKind::less_than(Decimal::from(4)))
    ///     .with_outcome(Observation::new(jun30, Outcome::Measured(Measurement::Value(Decimal::new(50, 1)))));
    /// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::Weakest).with_target_value(sick)
    ///     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
    /// let ev = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30)?;
    /// // 4 / 5,0 = 80 %: delvis on the default scale, as stated.
    /// assert_eq!(ev.areas[0].outcome.agrees, Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(level: impl Into<String>, text: impl Into<String>) -> StatedAssessment {
        StatedAssessment {
            level: level.into(),
            text: text.into(),
        }
    }
}

/// Utfall: what is known about a målvärde at a date.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::goal::{Measurement, Outcome};
/// let measured = Outcome::Measured(Measurement::Value(Decimal::from(5)));
/// let later = Outcome::NotYetMeasurable { when: "redovisas endast per 31 december".into() };
/// assert_ne!(measured, later);
/// ```
#[doc(alias = "utfall")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Outcome {
    /// Measured.
    Measured(Measurement),
    /// Not yet measurable at this date ("redovisas endast per 31 december", "kundenkäten
    /// genomförs i september/oktober").
    NotYetMeasurable {
        /// When it will be, in the report's words.
        when: String,
    },
    /// Measurable, but the report does not give the figure.
    NotReported {
        /// What the report says instead.
        note: String,
    },
}

/// Observation: an outcome (or forecast) at a date, with the report's stated assessment.
///
/// ```
/// use kommunal_redovisning::{Decimal, NaiveDate};
/// use kommunal_redovisning::goal::{Measurement, Observation, Outcome, StatedAssessment};
/// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// let o = Observation::new(jun30, Outcome::Measured(Measurement::Value(Decimal::from(5))))
///     .with_stated(StatedAssessment::new("inte", "Sjukfrånvaron är 5,0 %"));
/// assert_eq!(o.stated.map(|s| s.level).as_deref(), Some("inte"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "mätning")]
#[doc(alias = "utfall per")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Observation {
    /// Per date, e.g. 2025-06-30 (utfall) or 2025-12-31 (prognos).
    pub date: NaiveDate,
    /// What is known.
    pub outcome: Outcome,
    /// What the report says about it.
    pub stated: Option<StatedAssessment>,
}

impl Observation {
    /// An observation without a stated assessment.
    ///
    /// ```
    /// use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// use kommunal_redovisning::goal::{evaluate, AssessmentBasis, AssessmentSettings, Observation, Outcome};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målvärde 1.1: "Målvärden redovisas endast per 31 december."
    /// let (jun30, dec31) = (NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?, NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?);
    /// let later = Outcome::NotYetMeasurable { when: "redovisas endast per 31 december".into() };
    /// let calls = TargetValue::new("1.1", "90 % av samtalen besvaras inom 30 sekunder", "%", TargetKind::at_least(Decimal::from(90)))
    ///     .measured_on(dec31).with_outcome(Observation::new(jun30, later));
    /// let area = GoalArea::new("1", "Uppdrag", AggregationRule::AllMet).with_target_value(calls);
    /// let ev = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30)?;
    /// assert_eq!(ev.areas[0].target_values[0].outcome.basis, AssessmentBasis::NotMeasurable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(date: NaiveDate, outcome: Outcome) -> Observation {
        Observation {
            date,
            outcome,
            stated: None,
        }
    }

    /// The same observation with a stated assessment.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målvärde 5.1: no figure, but a stated assessment.
    /// let surplus = TargetValue::new("5.1", "Lystkoms årliga överskott ska minst motsvara 2 % av omsättningen.",
    ///     "% av omsättningen", TargetKind::at_least(Decimal::from(2)))
    ///     .with_outcome(Observation::new(jun30, Outcome::NotReported { note: "andelen anges inte".into() })
    ///         .with_stated(StatedAssessment::new("uppfyllt", "Målvärde om överskott är uppfyllt.")));
    /// let ev = eval(GoalArea::new("5", "Finansiellt", AggregationRule::AllMet).with_target_value(surplus))?;
    /// let judged = &ev.areas[0].target_values[0].outcome;
    /// assert_eq!((judged.basis, judged.level.as_deref()), (AssessmentBasis::Stated, Some("uppfyllt")));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_stated(mut self, stated: StatedAssessment) -> Observation {
        self.stated = Some(stated);
        self
    }
}

/// Målvärde: an indicator with a target, as fullmäktige or the direktion sets it.
///
/// ```
/// use kommunal_redovisning::{Decimal, NaiveDate};
/// use kommunal_redovisning::goal::{Measurement, Observation, Outcome, TargetKind, TargetValue};
/// // Lystkom 2025, målvärde 3.1: sjukfrånvaro < 4 %, utfall 5,0 % per 30 juni.
/// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// let sick = TargetValue::new("3.1", "Sjukfrånvaron ska vara lägre än 4 %", "%", TargetKind::less_than(Decimal::from(4)))
///     .with_outcome(Observation::new(jun30, Outcome::Measured(Measurement::Value(Decimal::from(5)))));
/// assert!(sick.outcome_at(jun30).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "målvärde")]
#[doc(alias = "indikator")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TargetValue {
    /// Short reference, e.g. "3.1".
    pub id: String,
    /// The målvärde in the report's words.
    pub description: String,
    /// Unit of the measured value, e.g. "% av arbetad tid", "antal".
    pub unit: String,
    /// The kind of target.
    pub kind: TargetKind,
    /// When it can be measured (e.g. only 31 December); empty when any date will do.
    pub measurement_dates: Vec<NaiveDate>,
    /// Outcomes per date.
    pub outcomes: Vec<Observation>,
    /// Forecast for the end of the year.
    pub forecast: Option<Observation>,
}

impl TargetValue {
    /// A målvärde without outcomes.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, NaiveDate, TargetKind, TargetValue};
    /// use kommunal_redovisning::goal::{Measurement, Observation, Outcome};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målvärde 3.1: "Total sjukfrånvaro är 5,0 %".
    /// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// let sick = TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %", "% av arbetad tid",
    ///     TargetKind::less_than(Decimal::from(4)))
    ///     .with_outcome(Observation::new(jun30, Outcome::Measured(Measurement::Value(Decimal::new(50, 1)))));
    /// let outcome = sick.outcome_at(jun30).ok_or("utfall")?;
    /// assert_eq!(outcome.outcome, Outcome::Measured(Measurement::Value(Decimal::new(50, 1))));
    /// assert_eq!(sick.kind.describe(), "< 4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        description: impl Into<String>,
        unit: impl Into<String>,
        kind: TargetKind,
    ) -> TargetValue {
        TargetValue {
            id: id.into(),
            description: description.into(),
            unit: unit.into(),
            kind,
            measurement_dates: Vec::new(),
            outcomes: Vec::new(),
            forecast: None,
        }
    }

    /// Adds an outcome.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målvärde 3.1: sjukfrånvaro 5,0 % against < 4 %.
    /// let sick = TargetValue::new("3.1", "Totala sjukfrånvaron <4 %", "% av arbetad tid", TargetKind::less_than(Decimal::from(4)))
    ///     .with_outcome(measured(Measurement::Value(Decimal::new(50, 1))));
    /// let ev = eval(GoalArea::new("3", "Personal och kompetens", AggregationRule::AllMet).with_target_value(sick))?;
    /// // 4 / 5,0 = 80 %: delvis uppfyllt on the default scale.
    /// assert_eq!(ev.areas[0].target_values[0].outcome.level.as_deref(), Some("delvis"));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_outcome(mut self, outcome: Observation) -> TargetValue {
        self.outcomes.push(outcome);
        self
    }

    /// Sets the forecast.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.4: "Prognosen innebär också att Lystkom uppfyller
    /// // det fastställda målvärdet om ett årligt överskott på minst 2 % av omsättningen."
    /// let stated = StatedAssessment::new("uppfyllt", "Prognosen innebär att Lystkom uppfyller målvärdet.");
    /// let surplus = TargetValue::new("5.1", "Årligt överskott minst 2 % av omsättningen", "%", TargetKind::at_least(Decimal::from(2)))
    ///     .with_forecast(Observation::new(dec31, Outcome::NotReported { note: "omsättningen anges inte".into() }).with_stated(stated));
    /// let ev = eval(GoalArea::new("5", "Finansiellt", AggregationRule::AllMet).with_target_value(surplus))?;
    /// assert_eq!(ev.areas[0].target_values[0].forecast.level.as_deref(), Some("uppfyllt"));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_forecast(mut self, forecast: Observation) -> TargetValue {
        self.forecast = Some(forecast);
        self
    }

    /// Adds a date when the målvärde can be measured.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målvärde 1.1: "Målvärden redovisas endast per 31 december."
    /// let calls = TargetValue::new("1.1", "90 % av samtalen besvaras inom 30 sekunder", "%", TargetKind::at_least(Decimal::from(90)))
    ///     .measured_on(dec31);
    /// assert_eq!(calls.measurement_dates, [dec31]);
    /// assert!(calls.outcome_at(jun30).is_none());
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn measured_on(mut self, date: NaiveDate) -> TargetValue {
        self.measurement_dates.push(date);
        self
    }

    /// The outcome at `date`, if there is one.
    #[must_use]
    pub fn outcome_at(&self, date: NaiveDate) -> Option<&Observation> {
        self.outcomes.iter().find(|o| o.date == date)
    }
}

/// Mål: a goal, measured by its målvärden and assessed by a rule.
///
/// ```
/// use kommunal_redovisning::goal::{AggregationRule, Goal, StatedAssessment, TargetKind, TargetValue};
/// let goal = Goal::new("Varje medarbetare har en utvecklingsplan", AggregationRule::AllMet)
///     .with_target_value(TargetValue::new("3.2", "Utvecklingsplan för alla", "ja/nej", TargetKind::Fact));
/// assert_eq!(goal.target_values.len(), 1);
/// assert_eq!(goal.stated, None::<StatedAssessment>);
/// ```
#[doc(alias = "mål")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Goal {
    /// The goal in the report's words.
    pub statement: String,
    /// Its målvärden.
    pub target_values: Vec<TargetValue>,
    /// How its målvärden give its level.
    pub rule: AggregationRule,
    /// The report's assessment of the outcome.
    pub stated: Option<StatedAssessment>,
    /// The report's assessment of the forecast.
    pub stated_forecast: Option<StatedAssessment>,
}

impl Goal {
    /// A goal without målvärden.
    ///
    /// ```
    /// use kommunal_redovisning::{AggregationRule, AssessmentScale, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// use kommunal_redovisning::goal::{evaluate, AssessmentSettings, Measurement, Observation, Outcome};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3: a mål and the målvärde whose
    /// // words match it (the report itself ties no målvärde to a mål).
    /// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// let plan = TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej", TargetKind::Fact)
    ///     .with_outcome(Observation::new(jun30, Outcome::Measured(Measurement::Fact(true))));
    /// let goal = Goal::new("Varje medarbetare ska ha en utvecklingsplan för kompetensutveckling.", AggregationRule::AllMet)
    ///     .with_target_value(plan);
    /// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::AllMet).with_goal(goal);
    /// let ev = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30)?;
    /// assert_eq!(ev.areas[0].goals[0].outcome.computed.level.as_deref(), Some("uppfyllt"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(statement: impl Into<String>, rule: AggregationRule) -> Goal {
        Goal {
            statement: statement.into(),
            target_values: Vec::new(),
            rule,
            stated: None,
            stated_forecast: None,
        }
    }

    /// Adds a målvärde.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, målområde 3: 3.1 (5,0 % against < 4 %) and 3.4 (met)
    /// // under one mål (the report ties no målvärde to a mål; the grouping is this example's).
    /// let sick = TargetValue::new("3.1", "Sjukfrånvaro <4 %", "%", TargetKind::less_than(Decimal::from(4)))
    ///     .with_outcome(measured(Measurement::Value(Decimal::new(50, 1))));
    /// let plan = TargetValue::new("3.4", "Individuell utvecklingsplan", "ja/nej", TargetKind::Fact)
    ///     .with_outcome(measured(Measurement::Fact(true)));
    /// let goal = Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default())
    ///     .with_target_value(sick).with_target_value(plan);
    /// let ev = eval(GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default()).with_goal(goal))?;
    /// assert_eq!(ev.areas[0].goals[0].outcome.computed.level.as_deref(), Some("delvis")); // 1 of 2 met
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_target_value(mut self, t: TargetValue) -> Goal {
        self.target_values.push(t);
        self
    }
}

/// Målområde: a group of goals (e.g. "Personal och kompetens").
///
/// ```
/// use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GoalArea, NaiveDate, TargetKind, TargetValue};
/// use kommunal_redovisning::goal::{evaluate, AssessmentSettings, Measurement, Observation, Outcome, StatedAssessment};
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 (two of its målvärden).
/// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// let measured = |m| Observation::new(jun30, Outcome::Measured(m));
/// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
///     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron <4 %", "% av arbetad tid",
///         TargetKind::less_than(Decimal::from(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
///     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.",
///         "ja/nej", TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
///     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// let ev = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30)?;
/// // One of two målvärden met: "delvis", as the report says.
/// assert_eq!(ev.areas[0].outcome.computed.level.as_deref(), Some("delvis"));
/// assert_eq!(ev.areas[0].outcome.agrees, Some(true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "målområde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GoalArea {
    /// Short reference, e.g. "3".
    pub id: String,
    /// Name, e.g. "Personal och kompetens".
    pub name: String,
    /// The goals.
    pub goals: Vec<Goal>,
    /// Målvärden given for the målområde as a whole, not tied to one mål.
    pub target_values: Vec<TargetValue>,
    /// How all målvärden of the målområde (its own and its goals') give its level.
    pub rule: AggregationRule,
    /// The report's assessment of the outcome.
    pub stated: Option<StatedAssessment>,
    /// The report's assessment of the forecast.
    pub stated_forecast: Option<StatedAssessment>,
}

impl GoalArea {
    /// An empty målområde.
    ///
    /// ```
    /// use kommunal_redovisning::{AggregationRule, AssessmentScale, GoalArea, NaiveDate};
    /// use kommunal_redovisning::goal::{evaluate, AssessmentSettings, GoalFinding, StatedAssessment};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 4 as the prognos column states it.
    /// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// let area = GoalArea::new("4", "Hållbarhet", AggregationRule::share_met_default())
    ///     .with_stated_forecast(StatedAssessment::new("uppfyllt", "Målen bedöms kunna uppfyllas."));
    /// assert_eq!((area.id.as_str(), area.name.as_str()), ("4", "Hållbarhet"));
    /// // Without its målvärde the area has nothing to be judged by, and the evaluation says so.
    /// let ev = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30)?;
    /// assert!(ev.findings.iter().any(|f| matches!(f, GoalFinding::NoTargetValues { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>, rule: AggregationRule) -> GoalArea {
        GoalArea {
            id: id.into(),
            name: name.into(),
            goals: Vec::new(),
            target_values: Vec::new(),
            rule,
            stated: None,
            stated_forecast: None,
        }
    }

    /// Adds a goal.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 2's two mål.
    /// let area = GoalArea::new("2", "Samverkan", AggregationRule::share_met_default())
    ///     .with_goal(Goal::new("Fler medlemskommuner i Lystkom.", AggregationRule::share_met_default()))
    ///     .with_goal(Goal::new("Fler befintliga medlemskommuner som ingår i samverkan inom IT och kundtjänst.",
    ///         AggregationRule::share_met_default()));
    /// let ev = eval(area)?;
    /// let goals: Vec<_> = ev.areas[0].goals.iter().map(|g| g.statement.as_str()).collect();
    /// assert_eq!(goals[0], "Fler medlemskommuner i Lystkom.");
    /// assert_eq!(goals.len(), 2);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_goal(mut self, goal: Goal) -> GoalArea {
        self.goals.push(goal);
        self
    }

    /// Adds a målvärde for the målområde as a whole.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3: målvärden 3.1 and 3.4 on the area.
    /// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
    ///     .with_target_value(TargetValue::new("3.1", "Sjukfrånvaro <4 %", "%", TargetKind::less_than(Decimal::from(4)))
    ///         .with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
    ///     .with_target_value(TargetValue::new("3.4", "Individuell utvecklingsplan", "ja/nej", TargetKind::Fact)
    ///         .with_outcome(measured(Measurement::Fact(true))));
    /// let ev = eval(area)?;
    /// assert_eq!(ev.areas[0].outcome.computed.met, 1);
    /// assert_eq!(ev.areas[0].outcome.computed.level.as_deref(), Some("delvis"));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_target_value(mut self, t: TargetValue) -> GoalArea {
        self.target_values.push(t);
        self
    }

    /// Sets the stated assessment of the outcome.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, målområde 3 judged on målvärde 3.1 alone: 5,0 %
    /// // against < 4 % is 80 %, delvis. A stated "uppfyllt" (made up) is caught.
    /// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::Weakest)
    ///     .with_target_value(TargetValue::new("3.1", "Sjukfrånvaro <4 %", "%", TargetKind::less_than(Decimal::from(4)))
    ///         .with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
    ///     .with_stated(StatedAssessment::new("uppfyllt", "Påhittad bedömning för exemplet."));
    /// let ev = eval(area)?;
    /// assert_eq!(ev.areas[0].outcome.agrees, Some(false));
    /// assert!(ev.findings.iter().any(|f| matches!(f, GoalFinding::Disagreement { .. })));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_stated(mut self, stated: StatedAssessment) -> GoalArea {
        self.stated = Some(stated);
        self
    }

    /// Sets the stated assessment of the forecast.
    ///
    /// ```
    /// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, Goal, GoalArea, NaiveDate, TargetKind, TargetValue};
    /// # use kommunal_redovisning::goal::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("datum")?;
    /// # let eval = |area: GoalArea| evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30);
    /// # let measured = |m| Observation::new(jun30, Outcome::Measured(m));
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 4: "Målen bedöms kunna uppfyllas."
    /// let area = GoalArea::new("4", "Hållbarhet", AggregationRule::share_met_default())
    ///     .with_stated_forecast(StatedAssessment::new("uppfyllt", "Målen bedöms kunna uppfyllas."));
    /// let ev = eval(area)?;
    /// let forecast = &ev.areas[0].forecast;
    /// assert_eq!(forecast.stated.as_ref().map(|s| s.level.as_str()), Some("uppfyllt"));
    /// // No målvärde has a forecast: the stated level cannot be checked.
    /// assert_eq!(forecast.agrees, None);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_stated_forecast(mut self, stated: StatedAssessment) -> GoalArea {
        self.stated_forecast = Some(stated);
        self
    }
}

/// Inställningar för bedömningen.
///
/// ```
/// use kommunal_redovisning::goal::{AssessmentSettings, OverAchievement};
/// let settings = AssessmentSettings { over_achievement: OverAchievement::Uncapped, ..Default::default() };
/// assert_eq!(AssessmentSettings::default().over_achievement, OverAchievement::Cap);
/// assert_ne!(settings, AssessmentSettings::default());
/// ```
#[doc(alias = "inställningar")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AssessmentSettings {
    /// How over-achievement counts (default: capped at 100 %).
    pub over_achievement: OverAchievement,
    /// Classify the degree after rounding it to this many decimals, so the level matches
    /// the printed figure; `None` (default) classifies the exact value.
    pub classification_decimals: Option<u32>,
}

/// Utfall or prognos: which observation an assessment is about.
///
/// ```
/// use kommunal_redovisning::goal::Aspect;
/// assert_ne!(Aspect::Outcome.label(), Aspect::Forecast.label());
/// ```
#[doc(alias = "utfall")]
#[doc(alias = "prognos")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Aspect {
    /// Utfall at the evaluation date.
    Outcome,
    /// Prognos for the end of the year.
    Forecast,
}

impl Aspect {
    /// "utfall" or "prognos".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Aspect::Outcome => "utfall",
            Aspect::Forecast => "prognos",
        }
    }
}

/// Underlag för bedömningen: what an assessment rests on.
///
/// ```
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GapPolicy, GoalArea, LevelSet, NaiveDate};
/// # use kommunal_redovisning::{TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let pct = Decimal::from;
/// # // Lystkom's criteria (1.2): 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte uppfyllt.
/// # let bands = vec![
/// #     Band::new(Interval::closed(pct(99), pct(100)), "uppfyllt"),
/// #     Band::new(Interval::closed(pct(81), pct(89)), "delvis"),
/// #     Band::new(Interval::closed(pct(0), pct(80)), "inte"),
/// # ];
/// # let scale = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// # let measured = |v: Measurement| Observation::new(jun30, Outcome::Measured(v));
/// # let not_reported = Observation::new(jun30, Outcome::NotReported { note: "anges inte per verksamhet".into() });
/// # let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
/// #     .with_goal(Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default()))
/// #     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %",
/// #         "% av arbetad tid", TargetKind::less_than(pct(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
/// #     .with_target_value(TargetValue::new("3.2", "Sjukfrånvaron i Kundtjänst <7 %", "% av arbetad tid",
/// #         TargetKind::less_than(pct(7))).with_outcome(not_reported))
/// #     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej",
/// #         TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
/// #     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 on the report's own criteria:
/// // 3.1 total sjukfrånvaro 5,0 % against < 4 %, 3.2 not reported, 3.4 met; stated "delvis".
/// let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30)?;
/// let basis: Vec<_> = ev.areas[0].target_values.iter().map(|t| t.outcome.basis).collect();
/// assert_eq!(basis, [AssessmentBasis::Computed, AssessmentBasis::NotReported, AssessmentBasis::Computed]);
/// # Ok(()) }
/// ```
#[doc(alias = "underlag")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AssessmentBasis {
    /// Computed from a measurement through the scale.
    Computed,
    /// Only the report's stated assessment (no figure to compute from).
    Stated,
    /// Not yet measurable, nothing stated.
    NotMeasurable,
    /// Not reported, nothing stated.
    NotReported,
    /// The degree fell in a gap and the scale's policy refused it.
    Refused,
    /// No observation for the date.
    Missing,
}

/// Bedömning av ett målvärde at one observation: the computed and the stated level.
///
/// ```
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GapPolicy, GoalArea, LevelSet, NaiveDate};
/// # use kommunal_redovisning::{TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let pct = Decimal::from;
/// # // Lystkom's criteria (1.2): 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte uppfyllt.
/// # let bands = vec![
/// #     Band::new(Interval::closed(pct(99), pct(100)), "uppfyllt"),
/// #     Band::new(Interval::closed(pct(81), pct(89)), "delvis"),
/// #     Band::new(Interval::closed(pct(0), pct(80)), "inte"),
/// # ];
/// # let scale = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// # let measured = |v: Measurement| Observation::new(jun30, Outcome::Measured(v));
/// # let not_reported = Observation::new(jun30, Outcome::NotReported { note: "anges inte per verksamhet".into() });
/// # let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
/// #     .with_goal(Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default()))
/// #     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %",
/// #         "% av arbetad tid", TargetKind::less_than(pct(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
/// #     .with_target_value(TargetValue::new("3.2", "Sjukfrånvaron i Kundtjänst <7 %", "% av arbetad tid",
/// #         TargetKind::less_than(pct(7))).with_outcome(not_reported))
/// #     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej",
/// #         TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
/// #     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 on the report's own criteria:
/// // 3.1 total sjukfrånvaro 5,0 % against < 4 %, 3.2 not reported, 3.4 met; stated "delvis".
/// let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30)?;
/// // 3.1: 4 / 5,0 = 80 % achieved, which the criteria call "inte uppfyllt".
/// let judged = &ev.areas[0].target_values[0].outcome;
/// assert_eq!(judged.achievement.as_ref().map(|a| a.degree), Some("80".parse()?));
/// assert_eq!(judged.computed_level(), Some("inte"));
/// assert_eq!(judged.level.as_deref(), Some("inte"));
/// assert!(judged.stated().is_none());
/// # Ok(()) }
/// ```
#[doc(alias = "bedömning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Judgement {
    /// The observation judged, `None` when there was none.
    pub observation: Option<Observation>,
    /// The degree of achievement, when measured.
    pub achievement: Option<Achievement>,
    /// Where the degree fell on the scale.
    pub computed: Option<Classification>,
    /// The level used in aggregation: computed when possible, otherwise stated.
    pub level: Option<String>,
    /// What `level` rests on.
    pub basis: AssessmentBasis,
}

impl Judgement {
    /// The stated assessment, if any.
    #[must_use]
    pub fn stated(&self) -> Option<&StatedAssessment> {
        self.observation.as_ref().and_then(|o| o.stated.as_ref())
    }

    /// The computed level id, if any.
    #[must_use]
    pub fn computed_level(&self) -> Option<&str> {
        self.computed.as_ref().and_then(|c| c.level.as_deref())
    }
}

/// Bedömning av ett målvärde.
///
/// ```
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GapPolicy, GoalArea, LevelSet, NaiveDate};
/// # use kommunal_redovisning::{TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let pct = Decimal::from;
/// # // Lystkom's criteria (1.2): 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte uppfyllt.
/// # let bands = vec![
/// #     Band::new(Interval::closed(pct(99), pct(100)), "uppfyllt"),
/// #     Band::new(Interval::closed(pct(81), pct(89)), "delvis"),
/// #     Band::new(Interval::closed(pct(0), pct(80)), "inte"),
/// # ];
/// # let scale = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// # let measured = |v: Measurement| Observation::new(jun30, Outcome::Measured(v));
/// # let not_reported = Observation::new(jun30, Outcome::NotReported { note: "anges inte per verksamhet".into() });
/// # let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
/// #     .with_goal(Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default()))
/// #     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %",
/// #         "% av arbetad tid", TargetKind::less_than(pct(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
/// #     .with_target_value(TargetValue::new("3.2", "Sjukfrånvaron i Kundtjänst <7 %", "% av arbetad tid",
/// #         TargetKind::less_than(pct(7))).with_outcome(not_reported))
/// #     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej",
/// #         TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
/// #     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 on the report's own criteria:
/// // 3.1 total sjukfrånvaro 5,0 % against < 4 %, 3.2 not reported, 3.4 met; stated "delvis".
/// let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30)?;
/// let t = &ev.areas[0].target_values[0];
/// assert_eq!((t.id.as_str(), t.unit.as_str()), ("3.1", "% av arbetad tid"));
/// assert_eq!((t.target.as_str(), t.formula.as_str()), ("< 4", "målvärde / utfall"));
/// assert_eq!(t.outcome.basis, AssessmentBasis::Computed);
/// # Ok(()) }
/// ```
#[doc(alias = "bedömning av målvärde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TargetValueEvaluation {
    /// The målvärde's reference.
    pub id: String,
    /// The målvärde's words.
    pub description: String,
    /// Unit of the measured value.
    pub unit: String,
    /// When it can be measured.
    pub measurement_dates: Vec<NaiveDate>,
    /// The target in short form ([`TargetKind::describe`]).
    pub target: String,
    /// The formula for the degree ([`TargetKind::formula`]).
    pub formula: String,
    /// The outcome at the evaluation date.
    pub outcome: Judgement,
    /// The forecast.
    pub forecast: Judgement,
}

/// Sammanvägd bedömning: the computed and the stated level of a mål or målområde.
///
/// ```
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GapPolicy, GoalArea, LevelSet, NaiveDate};
/// # use kommunal_redovisning::{TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let pct = Decimal::from;
/// # // Lystkom's criteria (1.2): 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte uppfyllt.
/// # let bands = vec![
/// #     Band::new(Interval::closed(pct(99), pct(100)), "uppfyllt"),
/// #     Band::new(Interval::closed(pct(81), pct(89)), "delvis"),
/// #     Band::new(Interval::closed(pct(0), pct(80)), "inte"),
/// # ];
/// # let scale = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// # let measured = |v: Measurement| Observation::new(jun30, Outcome::Measured(v));
/// # let not_reported = Observation::new(jun30, Outcome::NotReported { note: "anges inte per verksamhet".into() });
/// # let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
/// #     .with_goal(Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default()))
/// #     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %",
/// #         "% av arbetad tid", TargetKind::less_than(pct(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
/// #     .with_target_value(TargetValue::new("3.2", "Sjukfrånvaron i Kundtjänst <7 %", "% av arbetad tid",
/// #         TargetKind::less_than(pct(7))).with_outcome(not_reported))
/// #     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej",
/// #         TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
/// #     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 on the report's own criteria:
/// // 3.1 total sjukfrånvaro 5,0 % against < 4 %, 3.2 not reported, 3.4 met; stated "delvis".
/// let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30)?;
/// let outcome = &ev.areas[0].outcome;
/// assert_eq!(outcome.rule, AggregationRule::share_met_default().name());
/// // 3.4 met, 3.1 not, 3.2 not reported: "delvis", which agrees with the stated level.
/// assert_eq!((outcome.computed.assessed, outcome.computed.met), (2, 1));
/// assert_eq!(outcome.computed.level.as_deref(), Some("delvis"));
/// assert_eq!(outcome.agrees, Some(true));
/// # Ok(()) }
/// ```
#[doc(alias = "sammanvägd bedömning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AggregateEvaluation {
    /// The rule's name ([`AggregationRule::name`]).
    pub rule: String,
    /// The computed result.
    pub computed: Aggregate,
    /// The report's assessment.
    pub stated: Option<StatedAssessment>,
    /// Whether they agree; `None` when nothing is stated, or when no målvärde could be
    /// assessed so the stated level cannot be checked.
    pub agrees: Option<bool>,
}

/// Bedömning av ett mål.
///
/// ```
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GapPolicy, GoalArea, LevelSet, NaiveDate};
/// # use kommunal_redovisning::{TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let pct = Decimal::from;
/// # // Lystkom's criteria (1.2): 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte uppfyllt.
/// # let bands = vec![
/// #     Band::new(Interval::closed(pct(99), pct(100)), "uppfyllt"),
/// #     Band::new(Interval::closed(pct(81), pct(89)), "delvis"),
/// #     Band::new(Interval::closed(pct(0), pct(80)), "inte"),
/// # ];
/// # let scale = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// # let measured = |v: Measurement| Observation::new(jun30, Outcome::Measured(v));
/// # let not_reported = Observation::new(jun30, Outcome::NotReported { note: "anges inte per verksamhet".into() });
/// # let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
/// #     .with_goal(Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default()))
/// #     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %",
/// #         "% av arbetad tid", TargetKind::less_than(pct(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
/// #     .with_target_value(TargetValue::new("3.2", "Sjukfrånvaron i Kundtjänst <7 %", "% av arbetad tid",
/// #         TargetKind::less_than(pct(7))).with_outcome(not_reported))
/// #     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej",
/// #         TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
/// #     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 on the report's own criteria:
/// // 3.1 total sjukfrånvaro 5,0 % against < 4 %, 3.2 not reported, 3.4 met; stated "delvis".
/// let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30)?;
/// // Lystkom ties no målvärde to a mål: the mål has nothing to be judged by.
/// let goal = &ev.areas[0].goals[0];
/// assert_eq!(goal.statement, "Lystkom ska vara en attraktiv arbetsgivare.");
/// assert!(goal.target_values.is_empty());
/// assert_eq!(goal.outcome.computed.level, None);
/// # Ok(()) }
/// ```
#[doc(alias = "bedömning av mål")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GoalEvaluation {
    /// The goal's words.
    pub statement: String,
    /// Its målvärden.
    pub target_values: Vec<TargetValueEvaluation>,
    /// Outcome.
    pub outcome: AggregateEvaluation,
    /// Forecast.
    pub forecast: AggregateEvaluation,
}

/// Bedömning av ett målområde.
///
/// ```
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, Decimal, GapPolicy, GoalArea, LevelSet, NaiveDate};
/// # use kommunal_redovisning::{TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let pct = Decimal::from;
/// # // Lystkom's criteria (1.2): 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte uppfyllt.
/// # let bands = vec![
/// #     Band::new(Interval::closed(pct(99), pct(100)), "uppfyllt"),
/// #     Band::new(Interval::closed(pct(81), pct(89)), "delvis"),
/// #     Band::new(Interval::closed(pct(0), pct(80)), "inte"),
/// # ];
/// # let scale = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
/// # let measured = |v: Measurement| Observation::new(jun30, Outcome::Measured(v));
/// # let not_reported = Observation::new(jun30, Outcome::NotReported { note: "anges inte per verksamhet".into() });
/// # let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::share_met_default())
/// #     .with_goal(Goal::new("Lystkom ska vara en attraktiv arbetsgivare.", AggregationRule::share_met_default()))
/// #     .with_target_value(TargetValue::new("3.1", "Totala sjukfrånvaron i procent av arbetad tid <4 %",
/// #         "% av arbetad tid", TargetKind::less_than(pct(4))).with_outcome(measured(Measurement::Value(Decimal::new(50, 1)))))
/// #     .with_target_value(TargetValue::new("3.2", "Sjukfrånvaron i Kundtjänst <7 %", "% av arbetad tid",
/// #         TargetKind::less_than(pct(7))).with_outcome(not_reported))
/// #     .with_target_value(TargetValue::new("3.4", "Varje medarbetare har en individuell utvecklingsplan.", "ja/nej",
/// #         TargetKind::Fact).with_outcome(measured(Measurement::Fact(true))))
/// #     .with_stated(StatedAssessment::new("delvis", "Målvärden är delvis uppfyllda."));
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3 on the report's own criteria:
/// // 3.1 total sjukfrånvaro 5,0 % against < 4 %, 3.2 not reported, 3.4 met; stated "delvis".
/// let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30)?;
/// let area = &ev.areas[0];
/// assert_eq!((area.id.as_str(), area.name.as_str()), ("3", "Personal och kompetens"));
/// let ids: Vec<_> = area.all_target_values().map(|t| t.id.as_str()).collect();
/// assert_eq!(ids, ["3.1", "3.2", "3.4"]);
/// assert_eq!(area.outcome.computed.level.as_deref(), Some("delvis"));
/// # Ok(()) }
/// ```
#[doc(alias = "bedömning av målområde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AreaEvaluation {
    /// The målområde's reference.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Målvärden of the målområde as a whole.
    pub target_values: Vec<TargetValueEvaluation>,
    /// Its goals.
    pub goals: Vec<GoalEvaluation>,
    /// Outcome, over all målvärden of the målområde.
    pub outcome: AggregateEvaluation,
    /// Forecast, over all målvärden of the målområde.
    pub forecast: AggregateEvaluation,
}

impl AreaEvaluation {
    /// Every målvärde of the målområde: its own, then its goals'.
    pub fn all_target_values(&self) -> impl Iterator<Item = &TargetValueEvaluation> {
        self.target_values
            .iter()
            .chain(self.goals.iter().flat_map(|g| g.target_values.iter()))
    }
}

/// Utvärdering av måluppfyllelse at one date.
///
/// ```
/// use kommunal_redovisning::{Decimal, NaiveDate};
/// use kommunal_redovisning::goal::*;
/// // Lystkom 2025, målområde 3, one målvärde: sjukfrånvaro 5,0 % against < 4 %.
/// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// let sick = TargetValue::new("3.1", "Sjukfrånvaro under 4 %", "%", TargetKind::less_than(Decimal::from(4)))
///     .with_outcome(Observation::new(jun30, Outcome::Measured(Measurement::Value(Decimal::from(5))))
///         .with_stated(StatedAssessment::new("uppfyllt", "Uppfyllt (påhittad bedömning)")));
/// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::AllMet).with_target_value(sick);
/// let ev = evaluate(&[area], &AssessmentScale::three_level(), AssessmentSettings::default(), jun30)?;
/// let judged = &ev.areas[0].target_values[0].outcome; // a TargetValueEvaluation's Judgement
/// assert_eq!(judged.level.as_deref(), Some("delvis")); // 4 / 5 = 80 %: delvis on this scale
/// assert_eq!(judged.basis, AssessmentBasis::Computed);
/// // A stated "uppfyllt" disagrees, and the evaluation says so.
/// assert!(ev.findings.iter().any(|f| matches!(f, GoalFinding::Disagreement { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "utvärdering")]
#[doc(alias = "måluppfyllelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Evaluation {
    /// The evaluation date (utfall per).
    pub date: NaiveDate,
    /// The scale's name.
    pub scale: String,
    /// The scale's gap policy, named in output.
    pub gap_policy: GapPolicy,
    /// The settings used.
    pub settings: AssessmentSettings,
    /// Per målområde.
    pub areas: Vec<AreaEvaluation>,
    /// Everything a reader should know: disagreements, values in gaps, missing figures.
    pub findings: Vec<GoalFinding>,
}

/// Utvärderar måluppfyllelsen: every målvärde's outcome at `date` and its forecast
/// through `scale`, then every mål and målområde by its rule, comparing computed and
/// stated assessments.
///
/// # Errors
///
/// [`crate::Error::InvalidRule`] when a measurement does not fit its target kind, a
/// stated or manual level is not in the scale, or a share scale refuses a value;
/// [`crate::Error::Overflow`] when arithmetic leaves the decimal range. Disagreements,
/// values in gaps and missing figures are not errors but [`GoalFinding`]s.
#[doc(alias = "utvärdera")]
#[doc(alias = "måluppfyllelse")]
pub fn evaluate(
    areas: &[GoalArea],
    scale: &AssessmentScale,
    settings: AssessmentSettings,
    date: NaiveDate,
) -> Result<Evaluation> {
    let mut ev = Evaluator {
        scale,
        settings,
        date,
        findings: Vec::new(),
    };
    let mut out = Vec::new();
    for area in areas {
        out.push(ev.area(area)?);
    }
    Ok(Evaluation {
        date,
        scale: scale.name().to_owned(),
        gap_policy: scale.gap_policy(),
        settings,
        areas: out,
        findings: ev.findings,
    })
}

struct Evaluator<'a> {
    scale: &'a AssessmentScale,
    settings: AssessmentSettings,
    date: NaiveDate,
    findings: Vec<GoalFinding>,
}

impl Evaluator<'_> {
    fn area(&mut self, area: &GoalArea) -> Result<AreaEvaluation> {
        let place = format!("Målområde {}", area.id);
        let mut target_values = Vec::new();
        for t in &area.target_values {
            target_values.push(self.target_value(&place, t)?);
        }
        let mut goals = Vec::new();
        for (n, g) in area.goals.iter().enumerate() {
            let goal_place = format!("{place} / mål {}", n + 1);
            if g.target_values.is_empty() && area.target_values.is_empty() {
                self.findings.push(GoalFinding::NoTargetValues {
                    place: goal_place.clone(),
                });
            }
            let mut tvs = Vec::new();
            for t in &g.target_values {
                tvs.push(self.target_value(&goal_place, t)?);
            }
            let outcome = self.aggregate(
                &goal_place,
                Aspect::Outcome,
                &g.rule,
                &tvs,
                g.stated.as_ref(),
            )?;
            let forecast = self.aggregate(
                &goal_place,
                Aspect::Forecast,
                &g.rule,
                &tvs,
                g.stated_forecast.as_ref(),
            )?;
            goals.push(GoalEvaluation {
                statement: g.statement.clone(),
                target_values: tvs,
                outcome,
                forecast,
            });
        }
        let all: Vec<TargetValueEvaluation> = target_values
            .iter()
            .chain(goals.iter().flat_map(|g| g.target_values.iter()))
            .cloned()
            .collect();
        if all.is_empty() && area.goals.is_empty() {
            self.findings.push(GoalFinding::NoTargetValues {
                place: place.clone(),
            });
        }
        let outcome = self.aggregate(
            &place,
            Aspect::Outcome,
            &area.rule,
            &all,
            area.stated.as_ref(),
        )?;
        let forecast = self.aggregate(
            &place,
            Aspect::Forecast,
            &area.rule,
            &all,
            area.stated_forecast.as_ref(),
        )?;
        Ok(AreaEvaluation {
            id: area.id.clone(),
            name: area.name.clone(),
            target_values,
            goals,
            outcome,
            forecast,
        })
    }

    fn target_value(&mut self, place: &str, t: &TargetValue) -> Result<TargetValueEvaluation> {
        let place = format!("{place} / {}", t.id);
        let outcome_obs = t.outcome_at(self.date);
        if outcome_obs.is_none() {
            self.findings.push(GoalFinding::MissingOutcome {
                place: place.clone(),
                date: self.date,
            });
        }
        let outcome = self.judge(&place, Aspect::Outcome, &t.kind, outcome_obs)?;
        let forecast = self.judge(&place, Aspect::Forecast, &t.kind, t.forecast.as_ref())?;
        Ok(TargetValueEvaluation {
            id: t.id.clone(),
            description: t.description.clone(),
            unit: t.unit.clone(),
            measurement_dates: t.measurement_dates.clone(),
            target: t.kind.describe(),
            formula: t.kind.formula().to_owned(),
            outcome,
            forecast,
        })
    }

    fn judge(
        &mut self,
        place: &str,
        aspect: Aspect,
        kind: &TargetKind,
        obs: Option<&Observation>,
    ) -> Result<Judgement> {
        let levels = self.scale.levels();
        let Some(obs) = obs else {
            return Ok(Judgement {
                observation: None,
                achievement: None,
                computed: None,
                level: None,
                basis: AssessmentBasis::Missing,
            });
        };
        if let Some(s) = &obs.stated {
            levels.require(&s.level)?;
        }
        let stated_level = obs
            .stated
            .as_ref()
            .filter(|s| levels.rank(&s.level).is_some())
            .map(|s| s.level.clone());
        let (achievement, computed, fallback) = match &obs.outcome {
            Outcome::Measured(m) => {
                let a = kind.achievement(m, self.settings.over_achievement)?;
                let degree = match self.settings.classification_decimals {
                    Some(d) => a
                        .degree
                        .round(d, crate::money::RoundingMode::HalfAwayFromZero),
                    None => a.degree,
                };
                let c = self.scale.place(degree);
                if let Some(gap) = &c.gap {
                    self.findings.push(GoalFinding::InGap {
                        place: place.to_owned(),
                        aspect,
                        degree: c.degree,
                        gap: gap.interval.clone(),
                        policy: self.scale.gap_policy(),
                        level: c.level.clone(),
                    });
                }
                if let Some(level) = &c.level {
                    let best = levels.rank(level) == Some(0);
                    if best != a.met {
                        self.findings.push(GoalFinding::MetDisagreesWithLevel {
                            place: place.to_owned(),
                            aspect,
                            target: kind.describe(),
                            met: a.met,
                            degree: c.degree,
                            level: level.clone(),
                        });
                    }
                }
                (Some(a), Some(c), AssessmentBasis::Refused)
            }
            Outcome::NotYetMeasurable { .. } => (None, None, AssessmentBasis::NotMeasurable),
            Outcome::NotReported { note } => {
                self.findings.push(GoalFinding::NotReported {
                    place: place.to_owned(),
                    aspect,
                    note: note.clone(),
                });
                (None, None, AssessmentBasis::NotReported)
            }
        };
        let computed_level = computed.as_ref().and_then(|c| c.level.clone());
        if let (Some(c), Some(s)) = (&computed_level, &obs.stated) {
            if *c != s.level {
                self.findings.push(GoalFinding::Disagreement {
                    place: place.to_owned(),
                    aspect,
                    computed: Some(c.clone()),
                    stated: s.level.clone(),
                    rule: None,
                });
            }
        }
        let (level, basis) = match (computed_level, stated_level) {
            (Some(c), _) => (Some(c), AssessmentBasis::Computed),
            (None, Some(s)) => (Some(s), AssessmentBasis::Stated),
            (None, None) => (None, fallback),
        };
        Ok(Judgement {
            observation: Some(obs.clone()),
            achievement,
            computed,
            level,
            basis,
        })
    }

    fn aggregate(
        &mut self,
        place: &str,
        aspect: Aspect,
        rule: &AggregationRule,
        tvs: &[TargetValueEvaluation],
        stated: Option<&StatedAssessment>,
    ) -> Result<AggregateEvaluation> {
        let levels = self.scale.levels();
        let children: Vec<Option<&str>> = tvs
            .iter()
            .map(|t| match aspect {
                Aspect::Outcome => t.outcome.level.as_deref(),
                Aspect::Forecast => t.forecast.level.as_deref(),
            })
            .collect();
        let computed = rule.apply(&children, levels)?;
        let checkable = computed.assessed > 0 || matches!(rule, AggregationRule::Manual { .. });
        let agrees = match stated {
            None => None,
            Some(s) if !checkable => {
                levels.require(&s.level)?;
                None
            }
            Some(s) => {
                levels.require(&s.level)?;
                let c = computed
                    .level
                    .as_deref()
                    .unwrap_or(levels.not_measurable().id.as_str());
                Some(c == s.level)
            }
        };
        if let (Some(false), Some(s)) = (agrees, stated) {
            self.findings.push(GoalFinding::Disagreement {
                place: place.to_owned(),
                aspect,
                computed: computed.level.clone(),
                stated: s.level.clone(),
                rule: Some(rule.name()),
            });
        }
        Ok(AggregateEvaluation {
            rule: rule.name(),
            computed,
            stated: stated.cloned(),
            agrees,
        })
    }
}

impl fmt::Display for Aspect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
