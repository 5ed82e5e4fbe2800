//! Iakttagelser: what the evaluation of goals finds worth saying.

use std::fmt;

use super::*;

/// Iakttagelse: something an evaluation found that a reader should know.
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
/// // The report gives no figure for 3.2: a finding, not a silent zero.
/// let not_reported = ev.findings.iter().find(|f| matches!(f, GoalFinding::NotReported { .. }));
/// assert_eq!(
///     not_reported.map(|f| f.describe(scale.levels())),
///     Some("Målområde 3 / 3.2, utfall: siffra saknas i rapporten — anges inte per verksamhet".to_owned())
/// );
/// # Ok(()) }
/// ```
#[doc(alias = "iakttagelse")]
#[doc(alias = "avvikelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum GoalFinding {
    /// The computed and the stated assessment differ.
    Disagreement {
        /// Where ("Målområde 3", "Målområde 3 / 3.1").
        place: String,
        /// Utfall or prognos.
        aspect: Aspect,
        /// The computed level id (`None`: ej mätbart).
        computed: Option<String>,
        /// The stated level id.
        stated: String,
        /// The rule used, for a mål or målområde.
        rule: Option<String>,
    },
    /// A degree of achievement fell in a gap of the scale.
    InGap {
        /// Where.
        place: String,
        /// Utfall or prognos.
        aspect: Aspect,
        /// The degree.
        degree: Percent,
        /// The gap.
        gap: Interval,
        /// The scale's policy.
        policy: GapPolicy,
        /// The level the policy gave (`None`: refused).
        level: Option<String>,
    },
    /// The report does not give a figure for a measurable målvärde.
    NotReported {
        /// Where.
        place: String,
        /// Utfall or prognos.
        aspect: Aspect,
        /// What the report says instead.
        note: String,
    },
    /// A målvärde has no outcome for the evaluation date.
    MissingOutcome {
        /// Where.
        place: String,
        /// The evaluation date.
        date: NaiveDate,
    },
    /// Whether the target is met and whether the scale gives its best level disagree:
    /// a strict target reached exactly ("< 4 %" at 4,0 %: 100 % but not met), or a
    /// scale whose best level starts above 100 %.
    MetDisagreesWithLevel {
        /// Where.
        place: String,
        /// Utfall or prognos.
        aspect: Aspect,
        /// The target ([`TargetKind::describe`]).
        target: String,
        /// Whether the target's condition holds.
        met: bool,
        /// The degree classified.
        degree: Percent,
        /// The level the scale gave.
        level: String,
    },
    /// A mål or målområde with no målvärde at all.
    NoTargetValues {
        /// Where.
        place: String,
    },
}

impl GoalFinding {
    /// The finding in Swedish, with level labels from `levels` (the [`fmt::Display`]
    /// form names levels by id).
    #[must_use]
    pub fn describe(&self, levels: &LevelSet) -> String {
        self.describe_with(
            &|id| levels.label(id).to_owned(),
            &levels.not_measurable().label,
        )
    }

    fn describe_with(&self, lab: &dyn Fn(&str) -> String, not_measurable: &str) -> String {
        let label = |id: &Option<String>| id.as_deref().map_or(not_measurable.to_owned(), lab);
        match self {
            GoalFinding::Disagreement {
                place,
                aspect,
                computed,
                stated,
                rule,
            } => {
                let rule = rule
                    .as_ref()
                    .map_or_else(String::new, |r| format!(" (regel: {r})"));
                format!(
                    "{place}, {}: beräknad bedömning \"{}\"{rule} skiljer sig från angiven \"{}\"",
                    aspect.label(),
                    label(computed),
                    lab(stated)
                )
            }
            GoalFinding::InGap {
                place,
                aspect,
                degree,
                gap,
                policy,
                level,
            } => format!(
                "{place}, {}: måluppfyllelsen {}\u{a0}% ligger i en lucka i kriterierna ({}); {} → \"{}\"",
                aspect.label(),
                shown(*degree),
                gap.describe(),
                policy.label(),
                level.as_deref().map_or("ej bedömd".to_owned(), lab)
            ),
            GoalFinding::NotReported {
                place,
                aspect,
                note,
            } => format!(
                "{place}, {}: siffra saknas i rapporten — {note}",
                aspect.label()
            ),
            GoalFinding::MetDisagreesWithLevel {
                place,
                aspect,
                target,
                met,
                degree,
                level,
            } => {
                let degree = shown(*degree);
                if *met {
                    format!(
                        "{place}, {}: målvärdet ({target}) är uppfyllt, men måluppfyllelsen {degree}\u{a0}% ger bara nivån \"{}\"",
                        aspect.label(),
                        lab(level)
                    )
                } else {
                    format!(
                        "{place}, {}: målvärdet ({target}) är inte uppfyllt, men måluppfyllelsen {degree}\u{a0}% ger nivån \"{}\"",
                        aspect.label(),
                        lab(level)
                    )
                }
            }
            GoalFinding::MissingOutcome { place, date } => {
                format!("{place}: inget utfall per {date}")
            }
            GoalFinding::NoTargetValues { place } => format!("{place}: inget målvärde"),
        }
    }
}

/// The Swedish sentence, with levels named by id (use [`GoalFinding::describe`] for
/// the scale's labels).
///
/// ```
/// use kommunal_redovisning::goal::GoalFinding;
/// let f = GoalFinding::NoTargetValues { place: "Målområde 3".into() };
/// assert_eq!(f.to_string(), "Målområde 3: inget målvärde");
/// ```
impl fmt::Display for GoalFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe_with(&|id| id.to_owned(), "ej mätbart"))
    }
}

/// A degree for a sentence: exact when it has at most two decimals ("80,5"), otherwise
/// "≈" and two decimals ("≈ 92,86"), so a value just inside a gap is never printed as
/// the bound it lies beside.
fn shown(degree: Percent) -> String {
    let d = degree.as_decimal().normalize();
    if d.scale() <= 2 {
        crate::NumberFormat::swedish()
            .with_decimals(d.scale())
            .decimal(d)
    } else {
        let rounded = crate::NumberFormat::swedish().with_decimals(2).decimal(d);
        format!("≈ {rounded}")
    }
}
