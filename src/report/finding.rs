//! Iakttagelser om en rapport: what checking a report's completeness and consistency finds.

/// Slag av iakttagelse: what kind of problem a [`ReportFinding`] is.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom 1.5 and 2.3 with periodens resultat misprinted as 2 000 tkr (it is 2 148).
/// r.stated.push(Stated::new(StatedFigure::Equity(dec31), StatedValue::tkr(6_373)));
/// r.stated.push(Stated::new(StatedFigure::Equity(jun30), StatedValue::tkr(8_521)));
/// r.stated.push(Stated::new(StatedFigure::PeriodResult, StatedValue::tkr(2_000)));
/// let kinds: Vec<_> = r.check_consistency()?.iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [ReportFindingKind::Inconsistent]);
/// assert_eq!(ReportFindingKind::Inconsistent.label(), "stämmer inte");
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "iakttagelse")]
pub enum ReportFindingKind {
    /// A part the law or R17 requires is missing.
    Missing,
    /// Two figures that must agree do not, beyond rounding.
    Inconsistent,
    /// Two figures differ by no more than their printed rounding.
    Rounding,
    /// The report was delivered later than the law allows.
    Late,
    /// A check that passed, or could not be made, stated for the reader.
    Info,
    /// The report's own assessment criteria leave something undecided: values no level
    /// covers (luckor), or a level that contradicts whether the target is met.
    Criteria,
}

impl ReportFindingKind {
    /// The Swedish word used in output.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ReportFindingKind::Missing => "saknas",
            ReportFindingKind::Inconsistent => "stämmer inte",
            ReportFindingKind::Rounding => "avrundning",
            ReportFindingKind::Late => "för sent",
            ReportFindingKind::Info => "info",
            ReportFindingKind::Criteria => "kriterier",
        }
    }
}

/// Iakttagelse vid granskning: one result of checking a report — what, where it is
/// required, and a message.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // An empty delårsrapport for Lystkom's first half of 2025 lacks its balansräkning.
/// let missing = r.check_completeness()?;
/// let br = missing.iter().find(|f| f.part == "balansräkning").ok_or("balansräkning")?;
/// assert_eq!(br.kind, ReportFindingKind::Missing);
/// assert_eq!((br.source.as_str(), br.message.as_str()), ("LKBR 13 kap.", "balansräkning per periodens slut saknas"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "iakttagelse")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReportFinding {
    /// What kind of finding.
    pub kind: ReportFindingKind,
    /// The part of the report concerned, e.g. "resultaträkning".
    pub part: String,
    /// The rule's source, e.g. "LKBR 13 kap. 1 §".
    pub source: String,
    /// A plain message.
    pub message: String,
}

/// `[kind] part: message (source)`, the form the examples print.
///
/// ```
/// use kommunal_redovisning::report::{ReportFinding, ReportFindingKind};
/// let f = ReportFinding {
///     kind: ReportFindingKind::Missing,
///     part: "balansräkning".into(),
///     source: "LKBR 13 kap.".into(),
///     message: "balansräkning per periodens slut saknas".into(),
/// };
/// assert_eq!(
///     f.to_string(),
///     "[saknas] balansräkning: balansräkning per periodens slut saknas (LKBR 13 kap.)"
/// );
/// ```
impl std::fmt::Display for ReportFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "[{}] {}: {} ({})",
            self.kind.label(),
            self.part,
            self.message,
            self.source
        )
    }
}

impl ReportFinding {
    pub(crate) fn new(
        kind: ReportFindingKind,
        part: &str,
        source: &str,
        message: impl Into<String>,
    ) -> Self {
        ReportFinding {
            kind,
            part: part.to_owned(),
            source: source.to_owned(),
            message: message.into(),
        }
    }
}
