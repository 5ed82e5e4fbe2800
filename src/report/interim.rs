//! Delårsrapport (LKBR 13 kap., RKR R17).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::entity::Entity;
use crate::error::Result;
use crate::money::{Amount, Percent, RoundingMode, Scale};
use crate::period::Period;
use crate::statement::{BalanceSheet, IncomeStatement};

/// A titled piece of free text (avsnitt), e.g. "1.1 Händelser av väsentlig betydelse".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Section {
    /// The heading.
    pub title: String,
    /// The text, paragraphs separated by blank lines.
    pub text: String,
}

impl Section {
    /// A section with a title and text.
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        Section {
            title: title.into(),
            text: text.into(),
        }
    }
}

/// Förenklad förvaltningsberättelse: the management report of a delårsrapport.
#[doc(alias = "förenklad förvaltningsberättelse")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct ManagementReport {
    /// Händelser av väsentlig betydelse.
    pub significant_events: Vec<Section>,
    /// Förväntad utveckling avseende ekonomi och verksamhet utifrån fastställda mål.
    pub expected_development: Vec<Section>,
    /// Prognos för resultat i förhållande till budget (text).
    pub forecast: Vec<Section>,
    /// Balanskravsresultat (text).
    pub balanced_budget: Vec<Section>,
    /// Utvärdering av ekonomisk ställning (text).
    pub financial_position: Vec<Section>,
    /// Personal, e.g. sjukfrånvaro (text).
    pub personnel: Vec<Section>,
}

impl ManagementReport {
    /// `true` when no part has any text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        [
            &self.significant_events,
            &self.expected_development,
            &self.forecast,
            &self.balanced_budget,
            &self.financial_position,
            &self.personnel,
        ]
        .iter()
        .all(|s| s.iter().all(|x| x.text.trim().is_empty()))
    }
}

/// The notes RKR R17 names for a delårsrapport.
#[doc(alias = "not")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoteKind {
    /// Redovisningsprinciper.
    AccountingPrinciples,
    /// Säsongsvariationer eller cykliska effekter som har påverkat verksamheten.
    SeasonalEffects,
    /// Erhållna men ännu ej intäktsredovisade generella statsbidrag.
    UnrecognisedGeneralGrants,
    /// Jämförelsestörande poster.
    ItemsAffectingComparability,
    /// Effekter av ändrade uppskattningar och bedömningar.
    ChangedEstimates,
    /// Förändringar i väsentliga ansvarsförbindelser.
    ChangesInContingentLiabilities,
    /// Any other note.
    Other,
}

impl NoteKind {
    /// The six notes of the R17 set, in Lystkom's order.
    pub const R17: [NoteKind; 6] = [
        NoteKind::AccountingPrinciples,
        NoteKind::SeasonalEffects,
        NoteKind::UnrecognisedGeneralGrants,
        NoteKind::ItemsAffectingComparability,
        NoteKind::ChangedEstimates,
        NoteKind::ChangesInContingentLiabilities,
    ];

    /// The Swedish title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            NoteKind::AccountingPrinciples => "Redovisningsprinciper",
            NoteKind::SeasonalEffects => {
                "Säsongsvariationer eller cykliska effekter som har påverkat verksamheten"
            }
            NoteKind::UnrecognisedGeneralGrants => {
                "Erhållna men ännu ej intäktsredovisade generella statsbidrag"
            }
            NoteKind::ItemsAffectingComparability => "Jämförelsestörande poster",
            NoteKind::ChangedEstimates => "Effekter av ändrade uppskattningar och bedömningar",
            NoteKind::ChangesInContingentLiabilities => {
                "Förändringar i väsentliga ansvarsförbindelser"
            }
            NoteKind::Other => "Övrig not",
        }
    }
}

/// A note (not) with its number, kind and text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Note {
    /// The note number as printed.
    pub number: u32,
    /// Which note.
    pub kind: NoteKind,
    /// The title as printed (defaults to the kind's title).
    pub title: String,
    /// The text.
    pub text: String,
}

impl Note {
    /// A note with the kind's standard title.
    pub fn new(number: u32, kind: NoteKind, text: impl Into<String>) -> Self {
        Note {
            number,
            kind,
            title: kind.title().to_owned(),
            text: text.into(),
        }
    }
}

/// What a figure stated in a report's text is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StatedFigure {
    /// Periodens resultat (the result of the interim period).
    PeriodResult,
    /// Helårsprognos för årets resultat (full-year forecast).
    ForecastResult,
    /// Budgeterat årets resultat.
    BudgetResult,
    /// Eget kapital at a date.
    Equity(NaiveDate),
    /// Summa tillgångar (tillgångar totalt) at a date.
    TotalAssets(NaiveDate),
    /// Soliditet at a date.
    EquityRatio(NaiveDate),
    /// Total låneskuld at a date.
    TotalBorrowing(NaiveDate),
    /// Anything else, named.
    Other(String),
}

impl StatedFigure {
    /// A Swedish description.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            StatedFigure::PeriodResult => "periodens resultat".into(),
            StatedFigure::ForecastResult => "helårsprognos för årets resultat".into(),
            StatedFigure::BudgetResult => "budgeterat årets resultat".into(),
            StatedFigure::Equity(d) => format!("eget kapital {d}"),
            StatedFigure::TotalAssets(d) => format!("tillgångar totalt {d}"),
            StatedFigure::EquityRatio(d) => format!("soliditet {d}"),
            StatedFigure::TotalBorrowing(d) => format!("total låneskuld {d}"),
            StatedFigure::Other(s) => s.clone(),
        }
    }
}

/// A value as printed: an amount in a scale, or a percentage with some decimals. The
/// printed precision decides what counts as a rounding difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StatedValue {
    /// An amount printed in `scale` with no decimals (e.g. 8 521 tkr).
    Amount {
        /// The value in kronor.
        amount: Amount,
        /// The scale it was printed in.
        scale: Scale,
    },
    /// A percentage printed with `decimals` decimals (e.g. 23,3 %).
    Percent {
        /// The printed value.
        percent: Percent,
        /// Decimals printed.
        decimals: u32,
    },
}

/// What kind of problem a [`Finding`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FindingKind {
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
}

/// One result of checking a report: what, where it is required, and a message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Finding {
    /// What kind of finding.
    pub kind: FindingKind,
    /// The part of the report concerned, e.g. "resultaträkning".
    pub part: String,
    /// The rule's source, e.g. "LKBR 13 kap. 1 §".
    pub source: String,
    /// A plain message.
    pub message: String,
}

impl Finding {
    fn new(kind: FindingKind, part: &str, source: &str, message: impl Into<String>) -> Self {
        Finding {
            kind,
            part: part.to_owned(),
            source: source.to_owned(),
            message: message.into(),
        }
    }
}

/// Delårsrapport (interim report), LKBR 13 kap. and RKR R17: a förenklad
/// förvaltningsberättelse, a resultaträkning compared with the same period the year
/// before, a balansräkning compared with the last year-end, and notes.
///
/// Parts a report does not give are `None` (or empty) and show up as findings of
/// [`InterimReport::check_completeness`]; figures given only in the text are
/// [`InterimReport::stated`] and are checked by [`InterimReport::check_consistency`].
///
/// ```
/// use kommunal_redovisning::{Amount, Entity, EntityKind, Period, Scale};
/// use kommunal_redovisning::report::{FindingKind, InterimReport, StatedFigure, StatedValue};
///
/// let mut r = InterimReport::new(
///     Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund),
///     Period::year_to_month_end(2025, 6)?,
/// );
/// let tkr = |v| StatedValue::Amount { amount: Amount::tkr(v), scale: Scale::Tkr };
/// let d = |s: &str| s.parse().unwrap();
/// r.stated.push((StatedFigure::Equity(d("2024-12-31")), tkr(6_373)));
/// r.stated.push((StatedFigure::Equity(d("2025-06-30")), tkr(8_521)));
/// r.stated.push((StatedFigure::PeriodResult, tkr(2_148)));
/// let findings = r.check_consistency()?;
/// assert!(findings.iter().all(|f| f.kind != FindingKind::Inconsistent));
/// let missing = r.check_completeness()?;
/// assert!(missing.iter().any(|f| f.part == "resultaträkning"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "delårsrapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct InterimReport {
    /// Who reports.
    pub entity: Entity,
    /// The delårsperiod.
    pub period: Period,
    /// Förenklad förvaltningsberättelse.
    #[cfg_attr(feature = "serde", serde(default))]
    pub management_report: ManagementReport,
    /// Resultaträkning for the period.
    #[cfg_attr(feature = "serde", serde(default))]
    pub income_statement: Option<IncomeStatement>,
    /// Resultaträkning for the same period the year before.
    #[cfg_attr(feature = "serde", serde(default))]
    pub income_statement_comparison: Option<IncomeStatement>,
    /// Balansräkning at the end of the period.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balance_sheet: Option<BalanceSheet>,
    /// Balansräkning at the last year-end.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balance_sheet_comparison: Option<BalanceSheet>,
    /// Helårsprognos: the forecast of årets resultat for the whole year.
    #[cfg_attr(feature = "serde", serde(default))]
    pub forecast_result: Option<Amount>,
    /// The balanskravsresultat assessed on the forecast (RKR R17), when assessed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balanced_budget_result: Option<Amount>,
    /// `true` when the report evaluates the goals for god ekonomisk hushållning.
    #[cfg_attr(feature = "serde", serde(default))]
    pub goals_evaluated: bool,
    /// Notes.
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes: Vec<Note>,
    /// Figures the report states in its text, as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub stated: Vec<(StatedFigure, StatedValue)>,
    /// The day the report was handed to fullmäktige and revisorerna, when known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub delivered_on: Option<NaiveDate>,
}

impl InterimReport {
    /// An empty report for `entity` and `period`.
    #[must_use]
    pub fn new(entity: Entity, period: Period) -> Self {
        InterimReport {
            entity,
            period,
            management_report: ManagementReport::default(),
            income_statement: None,
            income_statement_comparison: None,
            balance_sheet: None,
            balance_sheet_comparison: None,
            forecast_result: None,
            balanced_budget_result: None,
            goals_evaluated: false,
            notes: Vec::new(),
            stated: Vec::new(),
            delivered_on: None,
        }
    }

    /// The value stated for `figure`, if any.
    #[must_use]
    pub fn stated_value(&self, figure: &StatedFigure) -> Option<StatedValue> {
        self.stated
            .iter()
            .find(|(f, _)| f == figure)
            .map(|(_, v)| *v)
    }

    /// Checks that each part the law and R17 require is present. One finding per
    /// missing part, with its source; nothing when all is there.
    ///
    /// # Errors
    ///
    /// Only date arithmetic at the edge of chrono's range.
    pub fn check_completeness(&self) -> Result<Vec<Finding>> {
        use FindingKind::{Late, Missing};
        let mut out = Vec::new();
        if let Err(e) = self.period.check_interim() {
            out.push(Finding::new(
                Missing,
                "period",
                "LKBR 13 kap. 1 §",
                e.to_string(),
            ));
        }
        if self.management_report.is_empty() {
            out.push(Finding::new(
                Missing,
                "förenklad förvaltningsberättelse",
                "LKBR 13 kap.; RKR R17",
                "the report has no förenklad förvaltningsberättelse",
            ));
        }
        let parts: [(bool, &str, &str, &str); 5] = [
            (
                self.income_statement.is_some(),
                "resultaträkning",
                "LKBR 13 kap.",
                "no resultaträkning for the period",
            ),
            (
                self.income_statement_comparison.is_some(),
                "resultaträkning, jämförelseperiod",
                "RKR R17 (as applied in practice)",
                "no resultaträkning for the same period the year before",
            ),
            (
                self.balance_sheet.is_some(),
                "balansräkning",
                "LKBR 13 kap.",
                "no balansräkning at the end of the period",
            ),
            (
                self.balance_sheet_comparison.is_some(),
                "balansräkning, jämförelsedatum",
                "RKR R17 (as applied in practice)",
                "no balansräkning at the last year-end",
            ),
            (
                self.forecast_result.is_some(),
                "helårsprognos",
                "RKR R17",
                "no full-year forecast of årets resultat",
            ),
        ];
        for (present, part, source, message) in parts {
            if !present {
                out.push(Finding::new(Missing, part, source, message));
            }
        }
        if self.balanced_budget_result.is_none() {
            out.push(Finding::new(
                Missing,
                "balanskravsresultat",
                "RKR R17; LKBR 11 kap. 10 §",
                "the balanskravsresultat is not assessed on the full-year forecast",
            ));
        }
        if !self.goals_evaluated {
            out.push(Finding::new(
                Missing,
                "måluppfyllelse",
                "RKR R17; KL 11 kap.",
                "the goals for god ekonomisk hushållning are not evaluated",
            ));
        }
        for kind in NoteKind::R17 {
            if !self.notes.iter().any(|n| n.kind == kind) {
                out.push(Finding::new(
                    Missing,
                    "noter",
                    "RKR R17",
                    format!("no note on {}", kind.title().to_lowercase()),
                ));
            }
        }
        if let Some(delivered) = self.delivered_on {
            // Two months after the period end; a period ending on a month end has until
            // the end of the second month after it (30 June → 31 August).
            let end = self.period.end();
            let plus_two = end.checked_add_months(Months::new(2)).unwrap_or(end);
            let deadline = if crate::period::last_day_of_month(end).ok() == Some(end) {
                crate::period::last_day_of_month(plus_two)?
            } else {
                plus_two
            };
            if delivered > deadline {
                out.push(Finding::new(
                    Late,
                    "överlämnande",
                    "KL 11 kap. 16 §",
                    format!(
                        "delivered {delivered}, later than two months after the period end \
                         ({deadline})"
                    ),
                ));
            }
        }
        Ok(out)
    }

    /// Checks that every figure that appears twice agrees: stated figures against each
    /// other (eget kapital + periodens resultat, soliditet = eget kapital / tillgångar)
    /// and against the statements where those are present. Differences within the
    /// printed rounding are [`FindingKind::Rounding`]; agreements are reported as
    /// [`FindingKind::Info`] so the reader sees what was checked.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn check_consistency(&self) -> Result<Vec<Finding>> {
        let mut out = Vec::new();
        let start_date = self.period.balance_comparison_date()?;
        let end_date = self.period.end();
        let amount = |f: &StatedFigure| match self.stated_value(f) {
            Some(StatedValue::Amount { amount, scale }) => Some((amount, scale)),
            _ => None,
        };

        // Periodens resultat: stated, in the resultaträkning, and as the change in equity.
        let stated_result = amount(&StatedFigure::PeriodResult);
        if let (Some((stated, scale)), Some(rs)) = (stated_result, &self.income_statement) {
            let exact = rs.result_for_the_year()?;
            out.push(compare_amounts(
                "periodens resultat",
                "LKBR 5 kap.",
                ("i texten", stated),
                ("i resultaträkningen", exact),
                scale,
                1,
            )?);
        }
        let equity_at = |date: NaiveDate,
                         sheet: &Option<BalanceSheet>|
         -> Result<Option<(Amount, Scale, u32)>> {
            if let Some((a, s)) = amount(&StatedFigure::Equity(date)) {
                return Ok(Some((a, s, 1)));
            }
            match sheet {
                Some(b) => Ok(Some((b.equity()?, Scale::Kr, 0))),
                None => Ok(None),
            }
        };
        let opening = equity_at(start_date, &self.balance_sheet_comparison)?;
        let closing = equity_at(end_date, &self.balance_sheet)?;
        let result = match (stated_result, &self.income_statement) {
            (_, Some(rs)) => Some((rs.result_for_the_year()?, Scale::Kr, 0)),
            (Some((a, s)), None) => Some((a, s, 1)),
            (None, None) => None,
        };
        if let (Some(o), Some(c), Some(r)) = (opening, closing, result) {
            let expected = o.0.checked_add(r.0)?;
            let scale = [o.1, c.1, r.1].into_iter().max().unwrap_or(Scale::Kr);
            out.push(compare_amounts(
                "eget kapital",
                "LKBR 6 kap.",
                ("ingående eget kapital + periodens resultat", expected),
                ("utgående eget kapital", c.0),
                scale,
                o.2 + c.2 + r.2,
            )?);
        }

        // Soliditet: stated against stated (or balance-sheet) equity and assets.
        for (date, sheet) in [
            (end_date, &self.balance_sheet),
            (start_date, &self.balance_sheet_comparison),
        ] {
            let Some(StatedValue::Percent { percent, decimals }) =
                self.stated_value(&StatedFigure::EquityRatio(date))
            else {
                continue;
            };
            let equity = equity_at(date, sheet)?.map(|e| e.0);
            let assets = match (amount(&StatedFigure::TotalAssets(date)), sheet) {
                (Some((a, _)), _) => Some(a),
                (None, Some(b)) => Some(b.total_assets()?),
                (None, None) => None,
            };
            let (Some(equity), Some(assets)) = (equity, assets) else {
                out.push(Finding::new(
                    FindingKind::Info,
                    "soliditet",
                    "Kolada N03106",
                    format!("soliditet {date} cannot be recomputed: eget kapital or tillgångar is missing"),
                ));
                continue;
            };
            let computed = crate::ratio::equity_ratio(equity, assets)?;
            let rounded = computed.round(decimals, RoundingMode::HalfAwayFromZero);
            let (kind, verdict) = if rounded == percent {
                (FindingKind::Info, "agrees")
            } else {
                (FindingKind::Inconsistent, "does not agree")
            };
            out.push(Finding::new(
                kind,
                "soliditet",
                "Kolada N03106",
                format!(
                    "soliditet {date}: stated {percent} %, computed {} / {} = {} % ({rounded} % \
                     rounded) — {verdict}",
                    equity,
                    assets,
                    computed.round(4, RoundingMode::HalfAwayFromZero)
                ),
            ));
        }
        Ok(out)
    }
}

/// Compares two amounts printed in `scale`; `rounded_terms` is how many rounded
/// figures went into them (each may be off by half a unit).
fn compare_amounts(
    what: &str,
    source: &str,
    left: (&str, Amount),
    right: (&str, Amount),
    scale: Scale,
    rounded_terms: u32,
) -> Result<Finding> {
    let diff = left.1.checked_sub(right.1)?.abs();
    let half_unit = scale
        .factor()
        .checked_div(Decimal::TWO)
        .unwrap_or(Decimal::ZERO);
    let tolerance = half_unit
        .checked_mul(Decimal::from(rounded_terms))
        .unwrap_or(Decimal::MAX);
    let kind = if diff.is_zero() {
        FindingKind::Info
    } else if diff.as_decimal() <= tolerance {
        FindingKind::Rounding
    } else {
        FindingKind::Inconsistent
    };
    let verdict = match kind {
        FindingKind::Info => "agree",
        FindingKind::Rounding => "differ within rounding",
        _ => "do not agree",
    };
    Ok(Finding::new(
        kind,
        what,
        source,
        format!(
            "{what}: {} {} kr and {} {} kr {verdict}",
            left.0, left.1, right.0, right.1
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn tkr(v: i64) -> StatedValue {
        StatedValue::Amount {
            amount: Amount::tkr(v),
            scale: Scale::Tkr,
        }
    }

    fn lystkom() -> InterimReport {
        let mut r = InterimReport::new(
            Entity::new("Lystkom", EntityKind::Kommunalforbund),
            Period::year_to_month_end(2025, 6).unwrap(),
        );
        r.stated
            .push((StatedFigure::Equity(d("2025-06-30")), tkr(8_521)));
        r.stated
            .push((StatedFigure::Equity(d("2024-12-31")), tkr(6_373)));
        r.stated
            .push((StatedFigure::TotalAssets(d("2025-06-30")), tkr(36_631)));
        r.stated
            .push((StatedFigure::TotalAssets(d("2024-12-31")), tkr(29_663)));
        r.stated.push((StatedFigure::PeriodResult, tkr(2_148)));
        for (date, p) in [("2025-06-30", 233), ("2024-12-31", 215)] {
            r.stated.push((
                StatedFigure::EquityRatio(d(date)),
                StatedValue::Percent {
                    percent: Percent::new(Decimal::new(p, 1)),
                    decimals: 1,
                },
            ));
        }
        r
    }

    #[test]
    fn lystkom_figures_agree() {
        let f = lystkom().check_consistency().unwrap();
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(f.iter().all(|x| x.kind == FindingKind::Info), "{f:#?}");
    }

    #[test]
    fn a_wrong_soliditet_or_result_is_found() {
        let mut r = lystkom();
        r.stated.retain(|(f, _)| *f != StatedFigure::PeriodResult);
        r.stated.push((StatedFigure::PeriodResult, tkr(2_150)));
        r.stated
            .retain(|(f, _)| *f != StatedFigure::EquityRatio(d("2025-06-30")));
        r.stated.push((
            StatedFigure::EquityRatio(d("2025-06-30")),
            StatedValue::Percent {
                percent: Percent::new(Decimal::new(232, 1)),
                decimals: 1,
            },
        ));
        let f = r.check_consistency().unwrap();
        assert_eq!(
            f.iter()
                .filter(|x| x.kind == FindingKind::Inconsistent)
                .count(),
            2,
            "{f:#?}"
        );
    }

    #[test]
    fn a_difference_of_one_tkr_between_rounded_figures_is_rounding() {
        let mut r = lystkom();
        r.stated.retain(|(f, _)| *f != StatedFigure::PeriodResult);
        r.stated.push((StatedFigure::PeriodResult, tkr(2_149)));
        let f = r.check_consistency().unwrap();
        assert!(f.iter().any(|x| x.kind == FindingKind::Rounding), "{f:#?}");
    }

    #[test]
    fn completeness_lists_each_missing_part_once() {
        let mut r = lystkom();
        let f = r.check_completeness().unwrap();
        let parts: Vec<&str> = f.iter().map(|x| x.part.as_str()).collect();
        for p in [
            "förenklad förvaltningsberättelse",
            "resultaträkning",
            "balansräkning",
            "helårsprognos",
            "balanskravsresultat",
            "måluppfyllelse",
        ] {
            assert_eq!(
                parts.iter().filter(|x| **x == p).count(),
                1,
                "{p}: {parts:?}"
            );
        }
        assert_eq!(parts.iter().filter(|x| **x == "noter").count(), 6);
        for (i, k) in NoteKind::R17.into_iter().enumerate() {
            r.notes.push(Note::new(i as u32 + 1, k, "text"));
        }
        r.delivered_on = Some(d("2025-09-01"));
        let f = r.check_completeness().unwrap();
        assert!(!f.iter().any(|x| x.part == "noter"));
        assert!(f.iter().any(|x| x.kind == FindingKind::Late), "{f:#?}");
        r.delivered_on = Some(d("2025-08-31"));
        assert!(
            !r.check_completeness()
                .unwrap()
                .iter()
                .any(|x| x.kind == FindingKind::Late)
        );
    }
}
