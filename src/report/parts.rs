//! The typed parts of a report: goals, forecast with balanskrav, sick leave and key
//! figures. Each holds the crate's own types, so a figure printed in a table and the
//! same figure in the checks come from one place.

use chrono::NaiveDate;

use crate::balanced_budget::BalancedBudgetStatement;
use crate::error::Result;
use crate::goal::{AssessmentScale, AssessmentSettings, Evaluation, GoalArea, evaluate};
use crate::money::{Amount, Percent, Scale};
use crate::present::{Column, RatioRow, Table, TableRow, ValueKind};
use crate::ratio;
use crate::sick_leave::{PublishedSickLeaveTable, SickLeaveDisclosure};
use crate::statement::{OperatingStatement, PrintedFigure, StatementRowKind};

/// Måluppfyllelse: the målområden with their goals and målvärden, and the scale the
/// report assesses them on (its bedömningskriterier). The evaluation is derived
/// ([`GoalsPart::evaluate`]), never stored, so it cannot disagree with the data.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// # use kommunal_redovisning::{AggregationRule, AssessmentScale, GoalArea, TargetKind, TargetValue};
/// # use kommunal_redovisning::goal::{Measurement, Observation, Outcome};
/// // Lystkom, delårsrapport jan–jun 2025, 1.2, målområde 3, målvärde 3.1: 5,0 % against < 4 %.
/// let sick = TargetValue::new("3.1", "Totala sjukfrånvaron <4 %", "% av arbetad tid", TargetKind::less_than(4.into()))
///     .with_outcome(Observation::new(jun30, Outcome::Measured(Measurement::Value(Decimal::new(50, 1)))));
/// let area = GoalArea::new("3", "Personal och kompetens", AggregationRule::AllMet).with_target_value(sick);
/// r.goals = Some(GoalsPart::new(AssessmentScale::three_level(), vec![area]));
/// // The evaluation is derived from the data, and the report no longer lacks it.
/// let ev = r.goals.as_ref().ok_or("mål")?.evaluate(jun30)?;
/// assert_eq!(ev.areas[0].target_values[0].outcome.level.as_deref(), Some("delvis"));
/// assert!(r.check_completeness()?.iter().all(|f| f.part != "måluppfyllelse"));
/// # Ok(()) }
/// ```
#[doc(alias = "måluppfyllelse")]
#[doc(alias = "målområden")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GoalsPart {
    /// The report's assessment criteria as a scale.
    pub scale: AssessmentScale,
    /// How over-achievement counts and how degrees are rounded before classification.
    #[cfg_attr(feature = "serde", serde(default))]
    pub settings: AssessmentSettings,
    /// The målområden, in the report's order.
    pub areas: Vec<GoalArea>,
}

impl GoalsPart {
    /// Goal areas assessed on `scale` with default settings.
    ///
    /// ```
    /// use kommunal_redovisning::{AssessmentScale, Decimal, GapPolicy, LevelSet, NaiveDate};
    /// use kommunal_redovisning::goal::{AssessmentSettings, Band, Interval};
    /// use kommunal_redovisning::report::GoalsPart;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.2: 99–100 % uppfyllt, 81–89 % delvis, 0–80 % inte.
    /// let band = |from: i64, to: i64, level| Band::new(Interval::closed(Decimal::from(from), Decimal::from(to)), level);
    /// let bands = vec![band(99, 100, "uppfyllt"), band(81, 89, "delvis"), band(0, 80, "inte")];
    /// let criteria = AssessmentScale::new("Lystkoms kriterier 2025", LevelSet::three_level(), bands, GapPolicy::LevelBelow)?;
    /// let part = GoalsPart::new(criteria, Vec::new());
    /// assert_eq!(part.settings, AssessmentSettings::default());
    /// // 80–81 % and 89–99 % are covered by no level (nor is anything above 100 %).
    /// let gaps: Vec<_> = part.scale.gaps().iter().map(|g| g.interval.to_string()).collect();
    /// assert_eq!(gaps[..2], ["(80, 81)", "(89, 99)"]);
    /// let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
    /// assert!(part.evaluate(jun30)?.areas.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(scale: AssessmentScale, areas: Vec<GoalArea>) -> Self {
        GoalsPart {
            scale,
            settings: AssessmentSettings::default(),
            areas,
        }
    }

    /// Utvärdering at `date` (utfall per `date`, and the forecasts).
    ///
    /// # Errors
    ///
    /// As [`crate::goal::evaluate`].
    pub fn evaluate(&self, date: NaiveDate) -> Result<Evaluation> {
        evaluate(&self.areas, &self.scale, self.settings, date)
    }
}

/// Prognos för resultat i förhållande till budget (RKR R17): the forecast per
/// verksamhet (a driftredovisning with budget and prognos columns), the figures the
/// report prints for its totals and deviations, and the balanskravsutredning on the
/// forecast.
///
/// Sign convention: the rows are results per verksamhet (surplus positive) or
/// nettokostnader (costs negative), as the report prints them; deviation = prognos −
/// budget, positive is better.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// # use kommunal_redovisning::{Budget, OperatingStatement, OperatingUnit, UnitFigures};
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: budget and prognos 2025 per verksamhet (tkr).
/// let unit = |name: &str, budget: i64, forecast: i64| OperatingUnit::leaf(name,
///     UnitFigures::new(Budget::new(Amount::tkr(budget))).with_forecast(Amount::tkr(forecast)));
/// let by_unit = OperatingStatement::new(vec![unit("IT", 760, 958), unit("Kundtjänst", 82, 355),
///     unit("Revision", -195, -195), unit("Lystkom", 212, 256)])?;
/// let part = ForecastPart { by_unit: Some(by_unit), total_is_result: true, ..Default::default() };
/// // The table's prognos total is the helårsprognos for årets resultat: 1 374 tkr.
/// assert_eq!(part.result()?, Some(Amount::tkr(1_374)));
/// # Ok(()) }
/// ```
#[doc(alias = "helårsprognos")]
#[doc(alias = "prognos")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ForecastPart {
    /// The forecast per verksamhet (e.g. Lystkom's table in 1.3).
    pub by_unit: Option<OperatingStatement>,
    /// `true` when the total of `by_unit`'s prognos column is the forecast of årets
    /// resultat (the rows are results per verksamhet, as in a kommunalförbund's table);
    /// `false` when the rows are nettokostnader and årets resultat is given elsewhere.
    pub total_is_result: bool,
    /// Figures the report prints for derived cells of `by_unit` (totals, deviations),
    /// checked against the derived ones.
    pub printed: Vec<PrintedFigure>,
    /// Balanskravsutredning on the forecast (RKR R17; LKBR 11 kap. 10 §).
    pub balanced_budget: Option<BalancedBudgetStatement>,
    /// `false` when the report assesses the balanskravsresultat but its
    /// balanskravsutredning table is not in the source (the statement is then built
    /// from the forecast and the adjustments the text names).
    pub balanced_budget_table_in_source: bool,
}

impl ForecastPart {
    /// Helårsprognos för årets resultat: from the balanskravsutredning when there is
    /// one, otherwise the total of the forecast table when that total is the result.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`] when the table's total cannot be summed.
    pub fn result(&self) -> Result<Option<Amount>> {
        if let Some(bk) = &self.balanced_budget {
            return Ok(Some(bk.result_for_the_year()));
        }
        self.table_result()
    }

    /// The prognos total of the forecast table when it is the result.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn table_result(&self) -> Result<Option<Amount>> {
        match (&self.by_unit, self.total_is_result) {
            (Some(t), true) => Ok(t.total()?.forecast),
            _ => Ok(None),
        }
    }
}

/// Sjukfrånvaro as a report gives it: the tables as printed (percentages only) and/or
/// a disclosure computed from hours ([`crate::sick_leave::SickLeaveData::disclose`]).
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// # use kommunal_redovisning::sick_leave::{PublishedSickLeaveRow, PublishedSickLeaveTable, SickLeaveMeasure};
/// // Lystkom, delårsrapport jan–jun 2025, 1.1: sjukfrånvaro per kön, 2025-06-30.
/// let p = |tenths| Some(Percent::new(Decimal::new(tenths, 1)));
/// let row = |label: &str, measure, v| PublishedSickLeaveRow { label: label.into(), measure, values: vec![p(v)] };
/// r.sick_leave.published.push(PublishedSickLeaveTable {
///     title: "Sjukfrånvaro i procent (%) av arbetad tid per kön".into(), columns: vec!["2025-06-30".into()],
///     decimals: 1, rows: vec![row("Kvinna", SickLeaveMeasure::Women, 68), row("Man", SickLeaveMeasure::Men, 35)],
///     total: vec![p(50)],
/// });
/// assert!(!r.sick_leave.is_empty());
/// // Målvärde 3.1 quotes "Total sjukfrånvaro är 5,0 %": checked against the table's Totalt.
/// let total = StatedValue::Percent { percent: Percent::new(Decimal::new(50, 1)), decimals: 1 };
/// r.stated.push(Stated::new(StatedFigure::SickLeaveTotal(jun30), total));
/// assert!(r.check_consistency()?.iter().all(|f| f.kind != ReportFindingKind::Inconsistent));
/// # Ok(()) }
/// ```
#[doc(alias = "sjukfrånvaro")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeavePart {
    /// The tables as printed.
    pub published: Vec<PublishedSickLeaveTable>,
    /// The seven ratios computed from hours, when the report has them.
    pub disclosure: Option<SickLeaveDisclosure>,
}

impl SickLeavePart {
    /// `true` when nothing is given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.published.is_empty() && self.disclosure.is_none()
    }
}

/// One balance date of the key figures: eget kapital, tillgångar totalt and the
/// soliditet as printed. Soliditet is recomputed from the other two in the checks.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025, 1.5, the first column.
/// let june = BalanceKeyFigures { date: jun30, equity: Amount::tkr(8_521), total_assets: Amount::tkr(36_631),
///     equity_ratio: Some(Percent::new(Decimal::new(233, 1))) };
/// let mut k = KeyFigures::new(Scale::Tkr, 1);
/// k.dates.push(june);
/// assert_eq!(k.at(jun30).map(|d| d.equity), Some(Amount::tkr(8_521)));
/// r.key_figures = Some(k);
/// // The printed 23,3 % is 8 521 / 36 631 rounded: no inconsistency.
/// assert!(r.check_consistency()?.iter().all(|f| f.kind != ReportFindingKind::Inconsistent));
/// # Ok(()) }
/// ```
#[doc(alias = "nyckeltal")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BalanceKeyFigures {
    /// The balance date.
    pub date: NaiveDate,
    /// Eget kapital.
    pub equity: Amount,
    /// Tillgångar totalt (summa tillgångar).
    pub total_assets: Amount,
    /// Soliditet as printed, when printed.
    pub equity_ratio: Option<Percent>,
}

/// Nyckeltal för ekonomisk ställning (e.g. Lystkom's table in 1.5): per balance date,
/// the figures as printed in `scale`, soliditet with `decimals` decimals, and the total
/// borrowing the text states.
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// # use kommunal_redovisning::NumberFormat;
/// // Lystkom, delårsrapport jan–jun 2025, 1.5: eget kapital and tillgångar totalt (tkr).
/// let mut k = KeyFigures::new(Scale::Tkr, 1);
/// for (date, equity, assets, printed) in [(jun30, 8_521, 36_631, 233), (dec31, 6_373, 29_663, 215)] {
///     k.dates.push(BalanceKeyFigures { date, equity: Amount::tkr(equity), total_assets: Amount::tkr(assets),
///         equity_ratio: Some(Percent::new(Decimal::new(printed, 1))) });
/// }
/// let text = k.to_table("1.5 Utvärdering av ekonomisk ställning")?.to_text(&NumberFormat::swedish());
/// assert!(text.contains("Soliditet (beräknad)      23,3\u{a0}%      21,5\u{a0}%"));
/// # Ok(()) }
/// ```
#[doc(alias = "nyckeltal")]
#[doc(alias = "ekonomisk ställning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct KeyFigures {
    /// One entry per balance date, newest first.
    pub dates: Vec<BalanceKeyFigures>,
    /// The scale the amounts are printed in.
    pub scale: Scale,
    /// Decimals of the printed soliditet.
    pub decimals: u32,
    /// Total låneskuld at a date, as stated, and its printed scale.
    #[cfg_attr(feature = "serde", serde(default))]
    pub total_borrowing: Option<(NaiveDate, Amount, Scale)>,
}

impl KeyFigures {
    /// Key figures printed in `scale` with soliditet to `decimals` decimals.
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
    /// let mut k = KeyFigures::new(Scale::Tkr, 1);
    /// k.total_borrowing = Some((jun30, Amount::mnkr(15), Scale::Mnkr));
    /// r.key_figures = Some(k);
    /// let stated = r.stated_value(&StatedFigure::TotalBorrowing(jun30));
    /// assert_eq!(stated, Some(StatedValue::Amount { amount: Amount::mnkr(15), scale: Scale::Mnkr }));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn new(scale: Scale, decimals: u32) -> Self {
        KeyFigures {
            dates: Vec::new(),
            scale,
            decimals,
            total_borrowing: None,
        }
    }

    /// The entry for `date`.
    #[must_use]
    pub fn at(&self, date: NaiveDate) -> Option<&BalanceKeyFigures> {
        self.dates.iter().find(|d| d.date == date)
    }

    /// The table: eget kapital and tillgångar totalt per date (stocks), soliditet
    /// computed from them and, when printed, soliditet as printed.
    ///
    /// # Errors
    ///
    /// [`crate::Error::DivisionByZero`] for tillgångar of zero; errors of
    /// [`Table::push_row`].
    pub fn to_table(&self, caption: impl Into<String>) -> Result<Table> {
        let mut table = Table::new(
            caption,
            self.scale,
            self.dates
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    if i == 0 {
                        Column::outcome(d.date.to_string())
                    } else {
                        Column::prior_period(d.date.to_string())
                    }
                })
                .collect(),
        );
        table.push_row(TableRow::new(
            "eget_kapital",
            "Eget kapital",
            StatementRowKind::Line,
            ValueKind::Stock,
            self.dates.iter().map(|d| Some(d.equity)).collect(),
        ))?;
        table.push_row(TableRow::new(
            "tillgangar_totalt",
            "Tillgångar totalt",
            StatementRowKind::Line,
            ValueKind::Stock,
            self.dates.iter().map(|d| Some(d.total_assets)).collect(),
        ))?;
        let mut computed = Vec::new();
        for d in &self.dates {
            computed.push(Some(ratio::equity_ratio(d.equity, d.total_assets)?));
        }
        table.push_ratio(RatioRow {
            label: "Soliditet (beräknad)".into(),
            values: computed,
            decimals: self.decimals,
        })?;
        if self.dates.iter().any(|d| d.equity_ratio.is_some()) {
            table.push_ratio(RatioRow {
                label: "Soliditet (tryckt)".into(),
                values: self.dates.iter().map(|d| d.equity_ratio).collect(),
                decimals: self.decimals,
            })?;
        }
        Ok(table)
    }

    /// The table as a kommun publishes it: eget kapital and tillgångar totalt per date
    /// and one soliditet row, computed from them (the check against a printed soliditet
    /// belongs to the review, [`KeyFigures::to_table`]).
    ///
    /// # Errors
    ///
    /// As [`KeyFigures::to_table`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NaiveDate, Scale};
    /// use kommunal_redovisning::report::{BalanceKeyFigures, KeyFigures};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5.
    /// let mut k = KeyFigures::new(Scale::Tkr, 1);
    /// k.dates.push(BalanceKeyFigures {
    ///     date: NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?,
    ///     equity: Amount::tkr(8_521),
    ///     total_assets: Amount::tkr(36_631),
    ///     equity_ratio: None,
    /// });
    /// let t = k.to_published_table("Ekonomisk ställning")?;
    /// assert_eq!(t.ratios.len(), 1);
    /// assert_eq!(t.ratios[0].label, "Soliditet");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_published_table(&self, caption: impl Into<String>) -> Result<Table> {
        let mut table = self.to_table(caption)?;
        table.ratios.truncate(1);
        if let Some(r) = table.ratios.first_mut() {
            r.label = "Soliditet".into();
        }
        Ok(table)
    }
}

/// A part of a report, named so that a report can say which of its parts the source
/// does not give (e.g. a table that was a picture).
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025: the balanskravsutredning (1.4) was a picture.
/// r.absent.push(AbsentPart { part: ReportPart::BalancedBudgetTable, reason: "tabellen var en bild".into() });
/// assert_eq!(r.absent_reason(ReportPart::BalancedBudgetTable), Some("tabellen var en bild"));
/// assert_eq!(r.absent_reason(ReportPart::IncomeStatement), None);
/// assert_eq!(ReportPart::BalancedBudgetTable.label(), "balanskravsutredning (tabellen)");
/// # Ok(()) }
/// ```
#[doc(alias = "rapportdel")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReportPart {
    /// Resultaträkning.
    IncomeStatement,
    /// Balansräkning.
    BalanceSheet,
    /// Kassaflödesanalys.
    CashFlow,
    /// Driftredovisning.
    OperatingStatement,
    /// Investeringsredovisning.
    InvestmentStatement,
    /// The balanskravsutredning table.
    BalancedBudgetTable,
    /// The forecast table.
    ForecastTable,
}

impl ReportPart {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ReportPart::IncomeStatement => "resultaträkning",
            ReportPart::BalanceSheet => "balansräkning",
            ReportPart::CashFlow => "kassaflödesanalys",
            ReportPart::OperatingStatement => "driftredovisning",
            ReportPart::InvestmentStatement => "investeringsredovisning",
            ReportPart::BalancedBudgetTable => "balanskravsutredning (tabellen)",
            ReportPart::ForecastTable => "prognostabell",
        }
    }
}

/// A part the source does not give, and why (e.g. "the table was a picture in the
/// published document").
///
/// ```
/// # use kommunal_redovisning::{Amount, Decimal, Entity, EntityKind, NaiveDate, Percent, Period, Scale};
/// # use kommunal_redovisning::report::*;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
/// # let mut r = InterimReport::new(lystkom, Period::year_to_month_end(2025, 6)?);
/// # let jun30 = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("datum")?;
/// # let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("datum")?;
/// // Lystkom, delårsrapport jan–jun 2025: 2.1 Resultaträkning was a picture in the PDF.
/// let reason = "tabellen var en bild i den publicerade rapporten";
/// r.absent.push(AbsentPart { part: ReportPart::IncomeStatement, reason: reason.into() });
/// // The completeness check still reports it missing, and says why.
/// let missing = r.check_completeness()?;
/// let rs = missing.iter().find(|f| f.part == "resultaträkning").ok_or("resultaträkning")?;
/// assert!(rs.message.ends_with("saknas (tabellen var en bild i den publicerade rapporten)"));
/// # Ok(()) }
/// ```
#[doc(alias = "saknas i källan")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AbsentPart {
    /// Which part.
    pub part: ReportPart,
    /// Why it is absent, in Swedish.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balanced_budget::ResultBasis;
    use crate::period::FinancialYear;
    use crate::statement::{Budget, OperatingUnit, UnitFigures};

    fn lystkom_table() -> OperatingStatement {
        let unit = |name: &str, budget: i64, forecast: i64| {
            OperatingUnit::leaf(
                name,
                UnitFigures::new(Budget::new(Amount::tkr(budget)))
                    .with_forecast(Amount::tkr(forecast)),
            )
        };
        OperatingStatement::new(vec![
            unit("IT", 760, 958),
            unit("Kundtjänst", 82, 355),
            unit("Revision", -195, -195),
            unit("Lystkom", 212, 256),
        ])
        .unwrap()
    }

    #[test]
    fn the_forecast_result_comes_from_the_balanskrav_or_the_tables_total() {
        let mut f = ForecastPart {
            by_unit: Some(lystkom_table()),
            ..ForecastPart::default()
        };
        // Nettokostnader per verksamhet: the total is not årets resultat.
        assert_eq!(f.result().unwrap(), None);
        f.total_is_result = true;
        assert_eq!(f.result().unwrap(), Some(Amount::tkr(1_374)));
        f.balanced_budget = Some(BalancedBudgetStatement::from_result(
            FinancialYear::new(2025),
            ResultBasis::Forecast,
            Amount::tkr(1_000),
        ));
        assert_eq!(f.result().unwrap(), Some(Amount::tkr(1_000)));
        assert_eq!(f.table_result().unwrap(), Some(Amount::tkr(1_374)));
    }

    #[test]
    fn key_figures_table_recomputes_soliditet() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut k = KeyFigures::new(Scale::Tkr, 1);
        k.dates.push(BalanceKeyFigures {
            date: d("2025-06-30"),
            equity: Amount::tkr(8_521),
            total_assets: Amount::tkr(36_631),
            equity_ratio: None,
        });
        let t = k.to_table("1.5").unwrap();
        assert_eq!(t.ratios.len(), 1, "no printed row when nothing is printed");
        assert_eq!(
            t.ratios[0].values[0].map(|p| p.round(1, crate::RoundingMode::HalfAwayFromZero)),
            Some(Percent::new(rust_decimal::Decimal::new(233, 1)))
        );
        assert!(k.at(d("2025-06-30")).is_some());
        assert!(k.at(d("2024-12-31")).is_none());
        k.dates[0].total_assets = Amount::ZERO;
        assert!(k.to_table("1.5").is_err());
    }
}
