//! Delårsrapport (LKBR 13 kap., RKR R17).

pub(crate) use super::finding::{ReportFinding, ReportFindingKind};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::entity::Entity;
use crate::error::Result;
use crate::group::GroupAccounts;
use crate::money::{Amount, Percent, RoundingMode, Scale};
use crate::period::Period;
use crate::present::NumberFormat;
use crate::sick_leave::PartitionVerdict;
use crate::statement::{
    BalanceSheet, IncomeStatement, InvestmentStatement, OperatingStatement, PrintedDifferenceKind,
};

use super::parts::{AbsentPart, ForecastPart, GoalsPart, KeyFigures, ReportPart, SickLeavePart};

/// A titled piece of free text (avsnitt), e.g. "1.1 Händelser av väsentlig betydelse".
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025, 1.1: the text under the sick-leave tables.
/// let text = "Sjukfrånvaron i Lystkom för perioden 1 januari – 30 juni 2025 redovisas i tabellerna ovan.";
/// r.management_report.significant_events.push(Section { title: "Sjukfrånvaro".into(), text: text.into() });
/// let doc = r.document()?;
/// let s11 = doc.sections.iter().find(|s| s.number == "1.1").ok_or("1.1")?;
/// assert!(s11.blocks.contains(&Block::Heading("Sjukfrånvaro".into())));
/// assert!(s11.blocks.contains(&Block::Paragraph(text.into())));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "avsnitt")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Section {
    /// The heading.
    pub title: String,
    /// The text, paragraphs separated by blank lines.
    pub text: String,
}

impl Section {
    /// A section with a title and text.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
    /// # use kommunal_redovisning::report::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    /// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
    /// // Lystkom, delårsrapport jan–jun 2025, 1.4, an untitled paragraph.
    /// let text = "Balanskravsutredningen utgår från prognosen för årets resultat.";
    /// r.management_report.balanced_budget.push(Section::new("", text));
    /// assert!(r.to_markdown()?.contains(text));
    /// # Ok(()) }
    /// ```
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        Section {
            title: title.into(),
            text: text.into(),
        }
    }
}

/// Förenklad förvaltningsberättelse: the management report of a delårsrapport.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// let mut mr = ManagementReport::default();
/// assert!(mr.is_empty());
/// // Lystkom, delårsrapport jan–jun 2025, 1.3, the text under the table.
/// mr.forecast.push(Section::new("", "Helårsprognosen … pekar på ett positivt resultat för Lystkom med 1 374 tkr."));
/// assert!(!mr.is_empty());
/// r.management_report = mr;
/// let missing = r.check_completeness()?;
/// assert!(missing.iter().all(|f| f.part != "förenklad förvaltningsberättelse"));
/// # Ok(()) }
/// ```
#[doc(alias = "förenklad förvaltningsberättelse")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

pub use crate::note::{Note, NoteKind};

/// Uppgift i texten: what a figure stated in a report's text is.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025, 1.5: "Den totala låneskulden uppgår till 15 mkr".
/// let borrowing = StatedFigure::TotalBorrowing(jun30);
/// assert_eq!(borrowing.label(), "total låneskuld 2025-06-30");
/// let amount = StatedValue::Amount { amount: Amount::mnkr(15), scale: Scale::Mnkr };
/// r.stated.push(Stated::new(borrowing.clone(), amount).at("1.5, texten"));
/// assert_eq!(r.stated_value(&borrowing), Some(amount));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "uppgift i texten")]
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
    /// Total sjukfrånvaro at a date (e.g. quoted as a goal's outcome), checked against
    /// the "Totalt" of every sick-leave table with a column for that date.
    SickLeaveTotal(NaiveDate),
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
            StatedFigure::SickLeaveTotal(d) => format!("total sjukfrånvaro {d}"),
            StatedFigure::Other(s) => s.clone(),
        }
    }
}

/// Tryckt värde: a value as printed, an amount in a scale or a percentage with some
/// decimals. The
/// printed precision decides what counts as a rounding difference.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025, 1.5: eget kapital, tillgångar and soliditet 23,3 %.
/// let soliditet = |tenths| StatedValue::Percent { percent: Percent::new(Decimal::new(tenths, 1)), decimals: 1 };
/// r.stated.push(Stated::new(StatedFigure::Equity(jun30), StatedValue::tkr(8_521)));
/// r.stated.push(Stated::new(StatedFigure::TotalAssets(jun30), StatedValue::tkr(36_631)));
/// r.stated.push(Stated::new(StatedFigure::EquityRatio(jun30), soliditet(233)));
/// assert!(r.check_consistency()?.iter().all(|f| f.kind != ReportFindingKind::Inconsistent));
/// // A misprint (24,3 %, not in the report) is caught: 8 521 / 36 631 = 23,26 %.
/// r.stated.pop();
/// r.stated.push(Stated::new(StatedFigure::EquityRatio(jun30), soliditet(243)));
/// assert!(r.check_consistency()?.iter().any(|f| f.kind == ReportFindingKind::Inconsistent));
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "tryckt värde")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

impl StatedValue {
    /// An amount printed in tkr: `StatedValue::tkr(1_374)`.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
    /// # use kommunal_redovisning::report::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    /// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
    /// assert_eq!(StatedValue::tkr(8_521), StatedValue::Amount { amount: Amount::tkr(8_521), scale: Scale::Tkr });
    /// // Lystkom, delårsrapport jan–jun 2025: eget kapital 6 373 → 8 521 tkr (1.5). With a
    /// // periodens resultat of 2 000 tkr (a misprint; 2.3 says 2 148) the two do not agree.
    /// r.stated.push(Stated::new(StatedFigure::Equity(dec31), StatedValue::tkr(6_373)));
    /// r.stated.push(Stated::new(StatedFigure::Equity(jun30), StatedValue::tkr(8_521)));
    /// r.stated.push(Stated::new(StatedFigure::PeriodResult, StatedValue::tkr(2_000)));
    /// let found = r.check_consistency()?;
    /// assert!(found.iter().any(|f| f.part == "eget kapital" && f.message.contains("skillnad 148 tkr")));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn tkr(value: i64) -> Self {
        StatedValue::Amount {
            amount: Amount::tkr(value),
            scale: Scale::Tkr,
        }
    }
}

/// A figure a report states in its text (angiven uppgift): what, the value as printed,
/// and where (e.g. "1.3, texten under tabellen"). The same figure may be stated in
/// several places; each is checked.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025: 2.3 states periodens resultat, 1.5 key figures.
/// r.stated.push(Stated::new(StatedFigure::PeriodResult, StatedValue::tkr(2_148)).at("2.3, texten"));
/// let mut k = KeyFigures::new(Scale::Tkr, 1);
/// k.dates.push(BalanceKeyFigures { date: jun30, equity: Amount::tkr(8_521), total_assets: Amount::tkr(36_631), equity_ratio: None });
/// r.key_figures = Some(k);
/// // The key figures count as stated too.
/// let all = r.all_stated();
/// let places: Vec<_> = all.iter().map(|s| s.place.as_str()).collect();
/// assert_eq!(places, ["2.3, texten", "nyckeltal", "nyckeltal"]);
/// assert_eq!(all[1].figure, StatedFigure::Equity(jun30));
/// # Ok(()) }
/// ```
#[doc(alias = "angiven uppgift")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Stated {
    /// What the figure is.
    pub figure: StatedFigure,
    /// The value as printed.
    pub value: StatedValue,
    /// Where in the report it is stated (empty when not recorded).
    #[cfg_attr(feature = "serde", serde(default))]
    pub place: String,
}

impl Stated {
    /// A stated figure with no place recorded.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
    /// # use kommunal_redovisning::report::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    /// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
    /// // Lystkom, delårsrapport jan–jun 2025, 2.3: "ett positivt resultat på totalt 2 148 tkr".
    /// r.stated.push(Stated::new(StatedFigure::PeriodResult, StatedValue::tkr(2_148)));
    /// assert_eq!(r.stated_value(&StatedFigure::PeriodResult), Some(StatedValue::tkr(2_148)));
    /// assert_eq!(r.stated_value(&StatedFigure::ForecastResult), None);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn new(figure: StatedFigure, value: StatedValue) -> Self {
        Stated {
            figure,
            value,
            place: String::new(),
        }
    }

    /// The same, stated at `place`.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
    /// # use kommunal_redovisning::report::*;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    /// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
    /// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: "pekar på ett positivt resultat … med 1 374 tkr".
    /// let s = Stated::new(StatedFigure::ForecastResult, StatedValue::tkr(1_374)).at("1.3, texten under tabellen");
    /// assert_eq!(s.place, "1.3, texten under tabellen");
    /// r.stated.push(s);
    /// assert_eq!(r.stated_value(&StatedFigure::ForecastResult), Some(StatedValue::tkr(1_374)));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn at(mut self, place: impl Into<String>) -> Self {
        self.place = place.into();
        self
    }
}

/// Delårsrapport (interim report), LKBR 13 kap. and RKR R17: a förenklad
/// förvaltningsberättelse (with the goal evaluation, the helårsprognos and the
/// balanskravsresultat on it), a resultaträkning compared with the same period the year
/// before, a balansräkning compared with the last year-end, and notes.
///
/// Every figure is held in the crate's own types: the goal areas
/// ([`GoalsPart`]), the forecast per verksamhet and the balanskravsutredning
/// ([`ForecastPart`]), sick leave ([`SickLeavePart`]), key figures ([`KeyFigures`]),
/// the statements. Parts a report does not give are `None` (or empty) and show up as
/// findings of [`InterimReport::check_completeness`]; [`InterimReport::absent`] says why
/// the source lacks them, and the renderers print that instead of numbers. Figures given
/// only in the text are [`InterimReport::stated`] and are checked by
/// [`InterimReport::check_consistency`] against the parts.
///
/// ```
/// use kommunal_redovisning::{Entity, EntityKind, NaiveDate, Period};
/// use kommunal_redovisning::report::{InterimReport, ReportFindingKind, Stated, StatedFigure, StatedValue};
///
/// // Lystkom, delårsrapport jan–jun 2025: eget kapital (1.5) and periodens resultat (2.3).
/// let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// let (dec31, jun30): (NaiveDate, NaiveDate) = ("2024-12-31".parse()?, "2025-06-30".parse()?);
/// r.stated.push(Stated::new(StatedFigure::Equity(dec31), StatedValue::tkr(6_373)));
/// r.stated.push(Stated::new(StatedFigure::Equity(jun30), StatedValue::tkr(8_521)));
/// r.stated.push(Stated::new(StatedFigure::PeriodResult, StatedValue::tkr(2_148)));
/// let findings = r.check_consistency()?;
/// assert!(findings.iter().all(|f| f.kind != ReportFindingKind::Inconsistent));
/// let missing = r.check_completeness()?;
/// assert!(missing.iter().any(|f| f.part == "resultaträkning"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "delårsrapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InterimReport {
    /// Who reports.
    pub entity: Entity,
    /// The delårsperiod.
    pub period: Period,
    /// The scale tables are shown in (default tkr).
    #[cfg_attr(feature = "serde", serde(default = "tkr"))]
    pub unit: Scale,
    /// Förenklad förvaltningsberättelse: its free text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub management_report: ManagementReport,
    /// Måluppfyllelse: goal areas and the criteria (1.2).
    #[cfg_attr(feature = "serde", serde(default))]
    pub goals: Option<GoalsPart>,
    /// Prognos per verksamhet and balanskravsutredning on the forecast (1.3, 1.4).
    #[cfg_attr(feature = "serde", serde(default))]
    pub forecast: ForecastPart,
    /// Sjukfrånvaro (Lystkom: in 1.1).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sick_leave: SickLeavePart,
    /// Nyckeltal för ekonomisk ställning (1.5).
    #[cfg_attr(feature = "serde", serde(default))]
    pub key_figures: Option<KeyFigures>,
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
    /// Driftredovisning for the period (2.3).
    #[cfg_attr(feature = "serde", serde(default))]
    pub operating_statement: Option<OperatingStatement>,
    /// Text of the driftredovisning section.
    #[cfg_attr(feature = "serde", serde(default))]
    pub operating_text: Vec<Section>,
    /// Investeringsredovisning for the period (2.4).
    #[cfg_attr(feature = "serde", serde(default))]
    pub investment_statement: Option<InvestmentStatement>,
    /// Text of the investeringsredovisning section.
    #[cfg_attr(feature = "serde", serde(default))]
    pub investment_text: Vec<Section>,
    /// Parts the source does not give, and why.
    #[cfg_attr(feature = "serde", serde(default))]
    pub absent: Vec<AbsentPart>,
    /// Notes.
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes: Vec<Note>,
    /// Figures the report states in its text, as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub stated: Vec<Stated>,
    /// The day the report was handed to fullmäktige and revisorerna, when known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub delivered_on: Option<NaiveDate>,
    /// Sammanställda räkenskaper (LKBR 12 kap.): the koncern, shown in columns beside
    /// the kommun's statements and in a section of its own.
    #[cfg_attr(feature = "serde", serde(default))]
    pub group: Option<GroupAccounts>,
}

impl InterimReport {
    /// An empty report for `entity` and `period`.
    ///
    /// ```
    /// use kommunal_redovisning::{Entity, EntityKind, NaiveDate, Period, Scale};
    /// use kommunal_redovisning::report::InterimReport;
    ///
    /// let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    /// let r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
    /// assert_eq!(r.period.end(), NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?);
    /// assert_eq!(r.unit, Scale::Tkr);
    /// // Nothing filled in yet: the completeness check lists the helårsprognos among the gaps.
    /// assert!(r.check_completeness()?.iter().any(|f| f.part == "helårsprognos"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(entity: Entity, period: Period) -> Self {
        InterimReport {
            entity,
            period,
            unit: Scale::Tkr,
            management_report: ManagementReport::default(),
            goals: None,
            forecast: ForecastPart::default(),
            sick_leave: SickLeavePart::default(),
            key_figures: None,
            income_statement: None,
            income_statement_comparison: None,
            balance_sheet: None,
            balance_sheet_comparison: None,
            operating_statement: None,
            operating_text: Vec::new(),
            investment_statement: None,
            investment_text: Vec::new(),
            absent: Vec::new(),
            notes: Vec::new(),
            stated: Vec::new(),
            delivered_on: None,
            group: None,
        }
    }

    /// The first value stated for `figure`, if any; key figures count as stated.
    #[must_use]
    pub fn stated_value(&self, figure: &StatedFigure) -> Option<StatedValue> {
        self.all_stated()
            .into_iter()
            .find(|s| &s.figure == figure)
            .map(|s| s.value)
    }

    /// Why the source lacks `part`, when it says so.
    #[must_use]
    pub fn absent_reason(&self, part: ReportPart) -> Option<&str> {
        self.absent
            .iter()
            .find(|a| a.part == part)
            .map(|a| a.reason.as_str())
    }

    /// The stated figures and the key figures as stated figures (eget kapital,
    /// tillgångar totalt, soliditet per date; total låneskuld).
    #[must_use]
    pub fn all_stated(&self) -> Vec<Stated> {
        let mut out = self.stated.clone();
        if let Some(k) = &self.key_figures {
            let amount = |a: Amount| StatedValue::Amount {
                amount: a,
                scale: k.scale,
            };
            for d in &k.dates {
                out.push(
                    Stated::new(StatedFigure::Equity(d.date), amount(d.equity)).at("nyckeltal"),
                );
                out.push(
                    Stated::new(StatedFigure::TotalAssets(d.date), amount(d.total_assets))
                        .at("nyckeltal"),
                );
                if let Some(p) = d.equity_ratio {
                    out.push(
                        Stated::new(
                            StatedFigure::EquityRatio(d.date),
                            StatedValue::Percent {
                                percent: p,
                                decimals: k.decimals,
                            },
                        )
                        .at("nyckeltal"),
                    );
                }
            }
            if let Some((date, a, scale)) = k.total_borrowing {
                out.push(
                    Stated::new(
                        StatedFigure::TotalBorrowing(date),
                        StatedValue::Amount { amount: a, scale },
                    )
                    .at("nyckeltal"),
                );
            }
        }
        out
    }

    /// Checks that each part the law and R17 require is present. One
    /// [`ReportFindingKind::Missing`] finding per missing part, with its source (and why the
    /// source lacks it, when [`InterimReport::absent`] says); [`ReportFindingKind::Info`] for
    /// parts the source announces but does not give that are not required; nothing when
    /// all is there.
    ///
    /// # Errors
    ///
    /// Only date arithmetic at the edge of chrono's range.
    pub fn check_completeness(&self) -> Result<Vec<ReportFinding>> {
        use ReportFindingKind::{Info, Late, Missing};
        let mut out = Vec::new();
        if let Err(e) = self.period.check_interim() {
            out.push(ReportFinding::new(
                Missing,
                "period",
                "LKBR 13 kap. 1 §",
                e.sv().to_string(),
            ));
        }
        if self.management_report.is_empty() {
            out.push(ReportFinding::new(
                Missing,
                "förenklad förvaltningsberättelse",
                "LKBR 13 kap.; RKR R17",
                "rapporten har ingen förenklad förvaltningsberättelse",
            ));
        }
        let because = |part: ReportPart| {
            self.absent_reason(part)
                .map_or_else(String::new, |r| format!(" ({r})"))
        };
        let statements: [(bool, &str, &str, String); 4] = [
            (
                self.income_statement.is_some(),
                "resultaträkning",
                "LKBR 13 kap.",
                format!(
                    "resultaträkning för perioden saknas{}",
                    because(ReportPart::IncomeStatement)
                ),
            ),
            (
                self.income_statement_comparison.is_some(),
                "resultaträkning, jämförelseperiod",
                "RKR R17 (tillämpning i praxis)",
                format!(
                    "resultaträkning för samma period föregående år ({}) saknas",
                    self.period.income_comparison()?
                ),
            ),
            (
                self.balance_sheet.is_some(),
                "balansräkning",
                "LKBR 13 kap.",
                format!(
                    "balansräkning per periodens slut saknas{}",
                    because(ReportPart::BalanceSheet)
                ),
            ),
            (
                self.balance_sheet_comparison.is_some(),
                "balansräkning, jämförelsedatum",
                "RKR R17 (tillämpning i praxis)",
                format!(
                    "balansräkning per föregående årsskifte ({}) saknas",
                    self.period.balance_comparison_date()?
                ),
            ),
        ];
        for (present, part, source, message) in statements {
            if !present {
                out.push(ReportFinding::new(Missing, part, source, message));
            }
        }
        if self.forecast.result()?.is_none() {
            out.push(ReportFinding::new(
                Missing,
                "helårsprognos",
                "RKR R17",
                "helårsprognos för årets resultat saknas",
            ));
        }
        match &self.forecast.balanced_budget {
            None => out.push(ReportFinding::new(
                Missing,
                "balanskravsresultat",
                "RKR R17; LKBR 11 kap. 10 §",
                "balanskravsresultatet bedöms inte utifrån helårsprognosen",
            )),
            Some(bk) if bk.basis() != crate::balanced_budget::ResultBasis::Forecast => {
                out.push(ReportFinding::new(
                    Missing,
                    "balanskravsresultat",
                    "RKR R17",
                    format!(
                        "balanskravsutredningen utgår från {}, inte från helårsprognosen",
                        bk.basis().label()
                    ),
                ));
            }
            Some(_) => {}
        }
        if self.goals.as_ref().is_none_or(|g| g.areas.is_empty()) {
            out.push(ReportFinding::new(
                Missing,
                "måluppfyllelse",
                "RKR R17; KL 11 kap.",
                "målen för god ekonomisk hushållning utvärderas inte",
            ));
        }
        for kind in NoteKind::R17 {
            if !self.notes.iter().any(|n| n.kind == kind) {
                out.push(ReportFinding::new(
                    Missing,
                    "noter",
                    "RKR R17",
                    format!("not om {} saknas", kind.title().to_lowercase()),
                ));
            }
        }
        // Parts the source names but does not give, which LKBR 13 kap. does not require
        // (whether R17 requires driftredovisning or investeringsredovisning is
        // [UNCONFIRMED]; RKR R17 as restated by FAR). The balanskravsutredning table is noted; the
        // assessment itself is checked above.
        for a in &self.absent {
            let (source, message) = match a.part {
                ReportPart::IncomeStatement | ReportPart::BalanceSheet | ReportPart::CashFlow => {
                    continue;
                }
                ReportPart::OperatingStatement if self.operating_statement.is_none() => (
                    "LKBR 13 kap. kräver den inte i en delårsrapport",
                    format!(
                        "driftredovisningens tabell finns inte i källan ({})",
                        a.reason
                    ),
                ),
                ReportPart::InvestmentStatement if self.investment_statement.is_none() => (
                    "LKBR 13 kap. kräver den inte i en delårsrapport",
                    format!(
                        "investeringsredovisningens tabell finns inte i källan ({})",
                        a.reason
                    ),
                ),
                ReportPart::ForecastTable if self.forecast.by_unit.is_none() => (
                    "RKR R17",
                    format!("prognostabellen finns inte i källan ({})", a.reason),
                ),
                ReportPart::BalancedBudgetTable
                    if !self.forecast.balanced_budget_table_in_source =>
                {
                    (
                        "RKR R17",
                        format!(
                            "balanskravsutredningens tabell finns inte i källan ({}); \
                             balanskravsresultatet bedöms i texten och utredningen byggs från \
                             prognosen utan justeringar",
                            a.reason
                        ),
                    )
                }
                _ => continue,
            };
            out.push(ReportFinding::new(Info, a.part.label(), source, message));
        }
        if self.forecast.balanced_budget.is_some()
            && !self.forecast.balanced_budget_table_in_source
            && !self
                .absent
                .iter()
                .any(|a| a.part == ReportPart::BalancedBudgetTable)
        {
            out.push(ReportFinding::new(
                Info,
                ReportPart::BalancedBudgetTable.label(),
                "RKR R17",
                "balanskravsutredningens tabell finns inte i källan; utredningen byggs från prognosen",
            ));
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
                out.push(ReportFinding::new(
                    Late,
                    "överlämnande",
                    "KL 11 kap. 16 §",
                    format!(
                        "överlämnad {delivered}, senare än två månader efter periodens slut \
                         ({deadline})"
                    ),
                ));
            }
        }
        Ok(out)
    }

    /// Checks that every figure that appears twice agrees:
    /// - periodens resultat stated against the resultaträkning, and eget kapital +
    ///   periodens resultat against closing eget kapital;
    /// - soliditet = eget kapital / tillgångar (key figures, stated figures or the
    ///   balansräkningar);
    /// - the forecast table's printed totals and deviations against the derived ones
    ///   ([`crate::statement::ColumnRows::compare_printed`]);
    /// - årets resultat on the forecast: the table's total, the balanskravsutredning and
    ///   every place the text states it;
    /// - the goal evaluation ([`crate::goal::evaluate`]): disagreements between computed
    ///   and stated assessments, and the gaps of the criteria;
    /// - the sick-leave tables
    ///   ([`crate::sick_leave::PublishedSickLeaveTable::check_total_between_groups`])
    ///   and their totals
    ///   against each other.
    ///
    /// Differences within the printed rounding are [`ReportFindingKind::Rounding`]; agreements
    /// are [`ReportFindingKind::Info`] so the reader sees what was checked.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; errors of the goal evaluation
    /// ([`crate::Error::InvalidRule`] for data that does not fit its target kind).
    pub fn check_consistency(&self) -> Result<Vec<ReportFinding>> {
        let mut out = self.check_financial_figures()?;
        out.extend(self.check_forecast()?);
        if let Some(goals) = &self.goals {
            out.extend(check_goals(goals, self.period.end())?);
        }
        out.extend(check_sick_leave(&self.sick_leave, &self.stated)?);
        if let Some(g) = &self.group {
            out.extend(super::group::findings(
                g,
                self.income_statement.as_ref(),
                self.balance_sheet.as_ref(),
                self.unit,
            )?);
        }
        let year = self.period.financial_year();
        let comparison = self.period.income_comparison()?.financial_year();
        let tied = super::notes::statements(
            &self.entity,
            [
                (self.income_statement.as_ref(), year),
                (self.income_statement_comparison.as_ref(), comparison),
            ],
            [
                (self.balance_sheet.as_ref(), year),
                (self.balance_sheet_comparison.as_ref(), year.previous()),
            ],
        )?;
        out.extend(super::notes::consistency(&self.notes, &tied)?);
        Ok(out)
    }

    fn check_financial_figures(&self) -> Result<Vec<ReportFinding>> {
        let mut out = Vec::new();
        let start_date = self.period.balance_comparison_date()?;
        let end_date = self.period.end();
        let all = self.all_stated();
        let amount = |f: &StatedFigure| {
            all.iter()
                .find(|s| &s.figure == f)
                .and_then(|s| match s.value {
                    StatedValue::Amount { amount, scale } => Some((amount, scale)),
                    StatedValue::Percent { .. } => None,
                })
        };

        // Periodens resultat: stated, in the resultaträkning, and as the change in equity.
        let stated_result = amount(&StatedFigure::PeriodResult);
        if let (Some((stated, scale)), Some(rs)) = (stated_result, &self.income_statement) {
            let exact = rs.result_for_the_year();
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
                Some(b) => Ok(Some((b.equity(), Scale::Kr, 0))),
                None => Ok(None),
            }
        };
        let opening = equity_at(start_date, &self.balance_sheet_comparison)?;
        let closing = equity_at(end_date, &self.balance_sheet)?;
        let result = match (stated_result, &self.income_statement) {
            (_, Some(rs)) => Some((rs.result_for_the_year(), Scale::Kr, 0)),
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
                (None, Some(b)) => Some(b.total_assets()),
                (None, None) => None,
            };
            let (Some(equity), Some(assets)) = (equity, assets) else {
                out.push(ReportFinding::new(
                    ReportFindingKind::Info,
                    "soliditet",
                    "Kolada N03106",
                    format!(
                        "soliditet {date} kan inte räknas om: eget kapital eller tillgångar saknas"
                    ),
                ));
                continue;
            };
            let computed = crate::ratio::equity_ratio(equity, assets)?;
            let rounded = computed.round(decimals, RoundingMode::HalfAwayFromZero);
            let (kind, verdict) = if rounded == percent {
                (ReportFindingKind::Info, "stämmer")
            } else {
                (ReportFindingKind::Inconsistent, "stämmer inte")
            };
            let sv = NumberFormat::swedish();
            let p = sv.with_decimals(decimals);
            out.push(ReportFinding::new(
                kind,
                "soliditet",
                "Kolada N03106",
                format!(
                    "soliditet {date}: angiven {}, beräknad {} / {} = {} ({} avrundat) — {verdict}",
                    p.percent(percent),
                    money(equity),
                    money(assets),
                    sv.with_decimals(4).percent(computed),
                    p.percent(rounded),
                ),
            ));
        }
        // Total låneskuld: stated only; the balansräkning that would show it is absent.
        for s in all
            .iter()
            .filter(|s| matches!(s.figure, StatedFigure::TotalBorrowing(_)))
        {
            if self.balance_sheet.is_none() {
                out.push(ReportFinding::new(
                    ReportFindingKind::Info,
                    "låneskuld",
                    "LKBR 6 kap.",
                    format!(
                        "{} anges bara i texten; det finns ingen balansräkning att stämma av den mot",
                        s.figure.label()
                    ),
                ));
            }
        }
        Ok(out)
    }

    fn check_forecast(&self) -> Result<Vec<ReportFinding>> {
        let mut out = Vec::new();
        let part = "helårsprognos";
        if let Some(table) = &self.forecast.by_unit {
            let printed = &self.forecast.printed;
            if !printed.is_empty() {
                let found = table.rows()?.compare_printed(printed, Amount::ZERO)?;
                for f in &found {
                    let kind = match f.kind {
                        PrintedDifferenceKind::Rounding => ReportFindingKind::Rounding,
                        PrintedDifferenceKind::Error | PrintedDifferenceKind::NotFound => {
                            ReportFindingKind::Inconsistent
                        }
                    };
                    out.push(ReportFinding::new(
                        kind,
                        part,
                        "RKR R17",
                        format!(
                            "prognostabellen, {} / {}: tryckt {}, beräknad {}",
                            f.figure.row,
                            f.figure.column,
                            money(f.figure.amount),
                            f.derived.map_or_else(|| "saknas".to_owned(), money)
                        ),
                    ));
                }
                if found.is_empty() {
                    out.push(ReportFinding::new(
                        ReportFindingKind::Info,
                        part,
                        "RKR R17",
                        format!(
                            "prognostabellen: alla {} tryckta summor och avvikelser stämmer med de beräknade",
                            printed.len()
                        ),
                    ));
                }
            }
        }
        // Årets resultat on the forecast, wherever it appears.
        let mut places: Vec<(String, Amount, Scale, u32)> = Vec::new();
        if let Some(t) = self.forecast.table_result()? {
            places.push(("prognostabellens Totalt".into(), t, Scale::Kr, 0));
        }
        if let Some(bk) = &self.forecast.balanced_budget {
            places.push((
                "balanskravsutredningens årets resultat".into(),
                bk.result_for_the_year(),
                Scale::Kr,
                0,
            ));
        }
        for s in self
            .stated
            .iter()
            .filter(|s| s.figure == StatedFigure::ForecastResult)
        {
            if let StatedValue::Amount { amount, scale } = s.value {
                let place = if s.place.is_empty() {
                    "i texten".to_owned()
                } else {
                    format!("i texten ({})", s.place)
                };
                places.push((place, amount, scale, 1));
            }
        }
        if let Some((first, rest)) = places.split_first() {
            for other in rest {
                let scale = first.2.max(other.2);
                out.push(compare_amounts(
                    "årets resultat enligt prognosen",
                    "RKR R17",
                    (&first.0, first.1),
                    (&other.0, other.1),
                    scale,
                    first.3 + other.3,
                )?);
            }
        }
        Ok(out)
    }
}

#[cfg(feature = "serde")]
fn tkr() -> Scale {
    Scale::Tkr
}

/// The goal evaluation's findings and the criteria's gaps, as report findings.
fn check_goals(goals: &GoalsPart, date: NaiveDate) -> Result<Vec<ReportFinding>> {
    use crate::goal::GoalFinding as G;
    let mut out = Vec::new();
    let levels = goals.scale.levels();
    let part = "måluppfyllelse";
    for gap in goals.scale.gaps() {
        let label = |l: &Option<String>| l.as_deref().map(|i| levels.label(i).to_owned());
        let around = match (label(&gap.below), label(&gap.above)) {
            (Some(b), Some(a)) => format!("mellan \"{b}\" och \"{a}\""),
            (Some(b), None) => format!("ovanför \"{b}\""),
            (None, Some(a)) => format!("nedanför \"{a}\""),
            (None, None) => String::new(),
        };
        out.push(ReportFinding::new(
            ReportFindingKind::Criteria,
            part,
            "KL 11 kap. 1 §; rapportens bedömningskriterier",
            format!(
                "{}: kriterierna ger ingen nivå åt måluppfyllelse {} ({around}); regel: {}",
                goals.scale.name(),
                gap.interval.describe(),
                goals.scale.gap_policy().label()
            ),
        ));
    }
    let ev = goals.evaluate(date)?;
    for f in &ev.findings {
        let kind = match f {
            G::Disagreement { .. } => ReportFindingKind::Inconsistent,
            G::InGap { .. } | G::MetDisagreesWithLevel { .. } => ReportFindingKind::Criteria,
            G::NotReported { .. } | G::MissingOutcome { .. } | G::NoTargetValues { .. } => {
                ReportFindingKind::Info
            }
        };
        out.push(ReportFinding::new(
            kind,
            part,
            "KL 11 kap. 1 §; RKR R17",
            f.describe(levels),
        ));
    }
    Ok(out)
}

fn show(p: Option<Percent>, decimals: u32) -> String {
    p.map_or_else(
        || "–".to_owned(),
        |p| NumberFormat::swedish().with_decimals(decimals).percent(p),
    )
}

/// An amount for a message: in tkr when whole thousands, otherwise in kronor.
pub(crate) fn money(a: Amount) -> String {
    let sv = NumberFormat::swedish();
    if a.as_decimal()
        .checked_rem(Scale::Tkr.factor())
        .is_some_and(|r| r.is_zero())
    {
        format!("{} tkr", sv.amount(a, Scale::Tkr))
    } else {
        format!("{} kr", sv.with_decimals(2).amount(a, Scale::Kr))
    }
}

/// The published sick-leave tables: valid, totals between the groups, and the same
/// total in every table for each column.
fn check_sick_leave(part: &SickLeavePart, stated: &[Stated]) -> Result<Vec<ReportFinding>> {
    let mut out = Vec::new();
    let name = "sjukfrånvaro";
    let source = "LKBR 11 kap. (sjukfrånvaro)";
    for t in &part.published {
        if let Err(e) = t.validate() {
            out.push(ReportFinding::new(
                ReportFindingKind::Inconsistent,
                name,
                source,
                format!("{}: {}", t.title, e.sv()),
            ));
            continue;
        }
        for c in t.check_total_between_groups()? {
            let (kind, verdict) = match &c.verdict {
                PartitionVerdict::Consistent => (ReportFindingKind::Info, "stämmer".to_owned()),
                PartitionVerdict::WithinRounding => (
                    ReportFindingKind::Rounding,
                    "stämmer inom avrundningen".to_owned(),
                ),
                PartitionVerdict::Inconsistent => {
                    (ReportFindingKind::Inconsistent, "stämmer inte".to_owned())
                }
                PartitionVerdict::NotCheckable(why) => (
                    ReportFindingKind::Info,
                    format!("kan inte kontrolleras ({why})"),
                ),
            };
            out.push(ReportFinding::new(
                kind,
                name,
                source,
                format!(
                    "{}, {}: totalen {} ligger mellan gruppernas {} och {} — {verdict}",
                    t.title,
                    c.column,
                    show(c.total, t.decimals),
                    show(c.min, t.decimals),
                    show(c.max, t.decimals)
                ),
            ));
        }
    }
    // Total sjukfrånvaro stated elsewhere (e.g. a goal's outcome) against each table.
    for st in stated {
        let (StatedFigure::SickLeaveTotal(date), StatedValue::Percent { percent, decimals }) =
            (&st.figure, st.value)
        else {
            continue;
        };
        let place = if st.place.is_empty() {
            "i texten".to_owned()
        } else {
            st.place.clone()
        };
        let column = date.to_string();
        let mut compared = false;
        for t in &part.published {
            let Some(i) = t.columns.iter().position(|c| *c == column) else {
                continue;
            };
            let Some(total) = t.total.get(i).copied().flatten() else {
                continue;
            };
            compared = true;
            let d = decimals.min(t.decimals);
            let same = total.round(d, RoundingMode::HalfAwayFromZero)
                == percent.round(d, RoundingMode::HalfAwayFromZero);
            out.push(ReportFinding::new(
                if same {
                    ReportFindingKind::Info
                } else {
                    ReportFindingKind::Inconsistent
                },
                name,
                source,
                format!(
                    "total sjukfrånvaro {column}: {} ({place}) och {} (\"{}\") — {}",
                    show(Some(percent), decimals),
                    show(Some(total), t.decimals),
                    t.title,
                    if same { "stämmer" } else { "stämmer inte" }
                ),
            ));
        }
        if !compared {
            out.push(ReportFinding::new(
                ReportFindingKind::Info,
                name,
                source,
                format!(
                    "total sjukfrånvaro {column} ({place}) kan inte stämmas av: ingen tabell har \
                     den kolumnen"
                ),
            ));
        }
    }
    if let Some((first, rest)) = part.published.split_first() {
        for t in rest {
            for (i, column) in first.columns.iter().enumerate() {
                let Some(j) = t.columns.iter().position(|c| c == column) else {
                    continue;
                };
                let (a, b) = (
                    first.total.get(i).copied().flatten(),
                    t.total.get(j).copied().flatten(),
                );
                if let (Some(a), Some(b)) = (a, b) {
                    let kind = if a == b {
                        ReportFindingKind::Info
                    } else {
                        ReportFindingKind::Inconsistent
                    };
                    out.push(ReportFinding::new(
                        kind,
                        name,
                        source,
                        format!(
                            "totalt {column}: {} i \"{}\" och {} i \"{}\" —{}",
                            show(Some(a), first.decimals),
                            first.title,
                            show(Some(b), t.decimals),
                            t.title,
                            if a == b {
                                " stämmer"
                            } else {
                                " stämmer inte"
                            }
                        ),
                    ));
                }
            }
        }
    }
    Ok(out)
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
) -> Result<ReportFinding> {
    let diff = left.1.checked_sub(right.1)?.abs();
    let half_unit = scale
        .factor()
        .checked_div(Decimal::TWO)
        .unwrap_or(Decimal::ZERO);
    let tolerance = half_unit
        .checked_mul(Decimal::from(rounded_terms))
        .unwrap_or(Decimal::MAX);
    let kind = if diff.is_zero() {
        ReportFindingKind::Info
    } else if diff.as_decimal() <= tolerance {
        ReportFindingKind::Rounding
    } else {
        ReportFindingKind::Inconsistent
    };
    let verdict = match kind {
        ReportFindingKind::Info => "stämmer".to_owned(),
        ReportFindingKind::Rounding => format!("skiljer sig {} (inom avrundningen)", money(diff)),
        _ => format!("stämmer inte (skillnad {})", money(diff)),
    };
    Ok(ReportFinding::new(
        kind,
        what,
        source,
        format!(
            "{} {} och {} {}: {verdict}",
            left.0,
            money(left.1),
            right.0,
            money(right.1)
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
        let mut push = |f, v| r.stated.push(Stated::new(f, v));
        push(StatedFigure::Equity(d("2025-06-30")), tkr(8_521));
        push(StatedFigure::Equity(d("2024-12-31")), tkr(6_373));
        push(StatedFigure::TotalAssets(d("2025-06-30")), tkr(36_631));
        push(StatedFigure::TotalAssets(d("2024-12-31")), tkr(29_663));
        push(StatedFigure::PeriodResult, tkr(2_148));
        for (date, p) in [("2025-06-30", 233), ("2024-12-31", 215)] {
            push(
                StatedFigure::EquityRatio(d(date)),
                StatedValue::Percent {
                    percent: Percent::new(Decimal::new(p, 1)),
                    decimals: 1,
                },
            );
        }
        r
    }

    #[test]
    fn lystkom_figures_agree() {
        let f = lystkom().check_consistency().unwrap();
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(
            f.iter().all(|x| x.kind == ReportFindingKind::Info),
            "{f:#?}"
        );
    }

    #[test]
    fn a_wrong_soliditet_or_result_is_found() {
        let mut r = lystkom();
        r.stated.retain(|s| s.figure != StatedFigure::PeriodResult);
        r.stated
            .push(Stated::new(StatedFigure::PeriodResult, tkr(2_150)));
        r.stated
            .retain(|s| s.figure != StatedFigure::EquityRatio(d("2025-06-30")));
        r.stated.push(Stated::new(
            StatedFigure::EquityRatio(d("2025-06-30")),
            StatedValue::Percent {
                percent: Percent::new(Decimal::new(232, 1)),
                decimals: 1,
            },
        ));
        let f = r.check_consistency().unwrap();
        assert_eq!(
            f.iter()
                .filter(|x| x.kind == ReportFindingKind::Inconsistent)
                .count(),
            2,
            "{f:#?}"
        );
    }

    #[test]
    fn a_difference_of_one_tkr_between_rounded_figures_is_rounding() {
        let mut r = lystkom();
        r.stated.retain(|s| s.figure != StatedFigure::PeriodResult);
        r.stated
            .push(Stated::new(StatedFigure::PeriodResult, tkr(2_149)));
        let f = r.check_consistency().unwrap();
        assert!(
            f.iter().any(|x| x.kind == ReportFindingKind::Rounding),
            "{f:#?}"
        );
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
        assert!(
            f.iter().any(|x| x.kind == ReportFindingKind::Late),
            "{f:#?}"
        );
        r.delivered_on = Some(d("2025-08-31"));
        assert!(
            !r.check_completeness()
                .unwrap()
                .iter()
                .any(|x| x.kind == ReportFindingKind::Late)
        );
    }
}
