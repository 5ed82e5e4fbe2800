//! Investeringsredovisning (LKBR 10 kap. 1–2 §§, RKR R14): the year's budget,
//! outcome and forecast per project or investment area, and for multi-year projects
//! the investment frame, the accumulated outcome and the beräknad totalutgift.
//!
//! # Sign convention
//!
//! As investeringsredovisningar print them: utgifter (expenditure) and inkomster
//! (investment income such as investeringsbidrag) are both positive amounts, and
//! nettoinvestering = utgifter − inkomster. Budget and prognos are given for the
//! nettoinvestering, positive.
//!
//! Avvikelse = budget − utfall (or budget − prognos), and avvikelse mot
//! investeringsram = ram − beräknad totalutgift. This is the crate's rule
//! "utfall − budget, positive is better" with the investment counted as an outflow
//! (negative): a positive deviation means less was spent than budgeted.

use super::budget::{Budget, OutcomeBasis};
use super::columns::{
    ColumnRow, ColumnRows, StatementColumn, add_both, add_present, sub_both, tree_table,
};
use super::tree::{self, Leaf, Totals, Unit};
use super::{Labels, StatementRowKind};
use crate::error::Result;
use crate::money::{Amount, Scale};
use crate::present::{ColumnKind, Table};

/// A multi-year project's frame and forecast cost to complete (RKR R14).
///
/// The frame and the totals are gross expenditure (utgift), as R14's *totalutgift*.
///
/// ```
/// use kommunal_redovisning::{Amount, MultiYearProject};
/// // Invented: ram 50 mnkr, 30 mnkr spent before this year, estimated total 52 mnkr.
/// let p = MultiYearProject { frame: Amount::mnkr(50), previous_years: Amount::mnkr(30), estimated_total: Amount::mnkr(52) };
/// assert!(p.estimated_total > p.frame);
/// ```
#[doc(alias = "flerårigt projekt")]
#[doc(alias = "investeringsram")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MultiYearProject {
    /// Investeringsram: the total expenditure fullmäktige decided (a pre-calculation,
    /// not an anslag).
    pub frame: Amount,
    /// Utfall tidigare år: expenditure in earlier years.
    pub previous_years: Amount,
    /// Beräknad totalutgift: the forecast total cost to complete, at the reporting date.
    pub estimated_total: Amount,
}

/// The figures of one project (or investment area without parts).
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, MultiYearProject};
///
/// let skola = InvestmentFigures::new(Budget::new(Amount::tkr(20_000)), Amount::tkr(18_000))
///     .with_income(Amount::tkr(2_000))
///     .with_forecast(Amount::tkr(17_500))
///     .with_project(MultiYearProject {
///         frame: Amount::tkr(60_000),
///         previous_years: Amount::tkr(35_000),
///         estimated_total: Amount::tkr(62_000),
///     });
/// assert_eq!(skola.net()?, Amount::tkr(16_000));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "investeringsredovisning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InvestmentFigures {
    /// Årets budget for the nettoinvestering, with anslagsförändringar (e.g.
    /// ombudgetering from the previous year).
    #[cfg_attr(feature = "serde", serde(default))]
    pub budget: Budget,
    /// Utgifter (utfall), positive.
    #[cfg_attr(feature = "serde", serde(default))]
    pub expenditure: Amount,
    /// Inkomster (investeringsbidrag, gatukostnadsersättningar …), positive.
    #[cfg_attr(feature = "serde", serde(default))]
    pub income: Amount,
    /// Helårsprognos for the nettoinvestering.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub forecast: Option<Amount>,
    /// Frame and beräknad totalutgift, for a multi-year project.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub project: Option<MultiYearProject>,
}

impl InvestmentFigures {
    /// A project with a budget and its expenditure for the year.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, InvestmentFigures};
    /// let f = InvestmentFigures::new(Budget::new(Amount::tkr(5_000)), Amount::tkr(4_200));
    /// assert_eq!(f.net()?, Amount::tkr(4_200));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(budget: Budget, expenditure: Amount) -> Self {
        InvestmentFigures {
            budget,
            expenditure,
            ..Default::default()
        }
    }

    /// With investment income (bidrag).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, InvestmentFigures};
    /// // Utgift 4 200, investeringsbidrag 700: nettoinvestering 3 500 tkr (both positive).
    /// let f = InvestmentFigures::new(Budget::new(Amount::tkr(5_000)), Amount::tkr(4_200)).with_income(Amount::tkr(700));
    /// assert_eq!(f.net()?, Amount::tkr(3_500));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_income(mut self, income: Amount) -> Self {
        self.income = income;
        self
    }

    /// With a helårsprognos.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, InvestmentFigures};
    /// let f = InvestmentFigures::new(Budget::new(Amount::tkr(5_000)), Amount::tkr(1_000)).with_forecast(Amount::tkr(4_800));
    /// assert_eq!(f.forecast, Some(Amount::tkr(4_800)));
    /// ```
    #[must_use]
    pub fn with_forecast(mut self, forecast: Amount) -> Self {
        self.forecast = Some(forecast);
        self
    }

    /// With the figures of a multi-year project.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, MultiYearProject};
    /// let p = MultiYearProject { frame: Amount::mnkr(50), previous_years: Amount::mnkr(30), estimated_total: Amount::mnkr(52) };
    /// let f = InvestmentFigures::new(Budget::new(Amount::mnkr(20)), Amount::mnkr(15)).with_project(p);
    /// assert!(f.project.is_some());
    /// ```
    #[must_use]
    pub fn with_project(mut self, project: MultiYearProject) -> Self {
        self.project = Some(project);
        self
    }

    /// Nettoinvestering = utgifter − inkomster.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn net(&self) -> Result<Amount> {
        self.expenditure.checked_sub(self.income)
    }
}

/// Summor i investeringsredovisningen: the derived figures of a project, an area or the
/// whole investeringsredovisning.
///
/// Prognos is present only when every project below has one. The multi-year columns
/// are summed over the multi-year projects below (projects without a frame do not
/// count) and are absent when there is none.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, InvestmentProject, InvestmentStatement, MultiYearProject};
///
/// // Påhittade belopp (tkr): a school built over several years.
/// let skola = InvestmentFigures::new(Budget::new(Amount::tkr(20_000)), Amount::tkr(18_000))
///     .with_income(Amount::tkr(2_000))
///     .with_project(MultiYearProject { frame: Amount::tkr(60_000), previous_years: Amount::tkr(35_000),
///         estimated_total: Amount::tkr(62_000) });
/// let inv = InvestmentStatement::new(vec![InvestmentProject::leaf("Ny skola", skola)])?;
/// let t = inv.total()?;
/// assert_eq!(t.net()?, Amount::tkr(16_000)); // utgifter − inkomster
/// assert_eq!(t.accumulated, Some(Amount::tkr(53_000))); // 35 000 earlier years + 18 000
/// assert_eq!(t.frame_deviation()?, Some(Amount::tkr(-2_000))); // over the frame
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "summa")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InvestmentTotals {
    /// Utgifter.
    pub expenditure: Amount,
    /// Inkomster.
    pub income: Amount,
    /// Ursprunglig budget.
    pub original_budget: Amount,
    /// Anslagsförändringar.
    pub budget_changes: Amount,
    /// Helårsprognos.
    pub forecast: Option<Amount>,
    /// Investeringsram (multi-year projects).
    pub frame: Option<Amount>,
    /// Ackumulerat utfall = utfall tidigare år + årets utgifter (multi-year projects).
    pub accumulated: Option<Amount>,
    /// Beräknad totalutgift (multi-year projects).
    pub estimated_total: Option<Amount>,
}

impl InvestmentTotals {
    /// Nettoinvestering = utgifter − inkomster.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn net(&self) -> Result<Amount> {
        self.expenditure.checked_sub(self.income)
    }

    /// Budget = ursprunglig budget + anslagsförändringar.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn budget(&self) -> Result<Amount> {
        self.original_budget.checked_add(self.budget_changes)
    }

    /// Avvikelse = budget − nettoinvestering (positive: less spent). Only for a full
    /// year: a delårsperiod's outcome is not compared with the annual budget.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn outcome_deviation(&self, basis: OutcomeBasis) -> Result<Option<Amount>> {
        match basis {
            OutcomeBasis::FullYear => self.budget()?.checked_sub(self.net()?).map(Some),
            OutcomeBasis::Interim => Ok(None),
        }
    }

    /// Avvikelse prognos = budget − prognos (positive: less spent).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn forecast_deviation(&self) -> Result<Option<Amount>> {
        sub_both(Some(self.budget()?), self.forecast)
    }

    /// Avvikelse mot investeringsram = ram − beräknad totalutgift (positive: within
    /// the frame).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn frame_deviation(&self) -> Result<Option<Amount>> {
        sub_both(self.frame, self.estimated_total)
    }

    fn cell(&self, column: InvestmentColumn, basis: OutcomeBasis) -> Result<Option<Amount>> {
        Ok(match column {
            InvestmentColumn::Expenditure => Some(self.expenditure),
            InvestmentColumn::Income => Some(self.income),
            InvestmentColumn::Net => Some(self.net()?),
            InvestmentColumn::OriginalBudget => Some(self.original_budget),
            InvestmentColumn::BudgetChanges => Some(self.budget_changes),
            InvestmentColumn::Budget => Some(self.budget()?),
            InvestmentColumn::OutcomeDeviation => self.outcome_deviation(basis)?,
            InvestmentColumn::Forecast => self.forecast,
            InvestmentColumn::ForecastDeviation => self.forecast_deviation()?,
            InvestmentColumn::Frame => self.frame,
            InvestmentColumn::Accumulated => self.accumulated,
            InvestmentColumn::EstimatedTotal => self.estimated_total,
            InvestmentColumn::FrameDeviation => self.frame_deviation()?,
        })
    }
}

impl Totals for InvestmentTotals {
    type Column = InvestmentColumn;

    fn zero() -> Self {
        InvestmentTotals {
            forecast: Some(Amount::ZERO),
            ..Default::default()
        }
    }

    fn checked_add(&self, other: &Self) -> Result<Self> {
        Ok(InvestmentTotals {
            expenditure: self.expenditure.checked_add(other.expenditure)?,
            income: self.income.checked_add(other.income)?,
            original_budget: self.original_budget.checked_add(other.original_budget)?,
            budget_changes: self.budget_changes.checked_add(other.budget_changes)?,
            forecast: add_both(self.forecast, other.forecast)?,
            frame: add_present(self.frame, other.frame)?,
            accumulated: add_present(self.accumulated, other.accumulated)?,
            estimated_total: add_present(self.estimated_total, other.estimated_total)?,
        })
    }

    fn cells(
        &self,
        columns: &[InvestmentColumn],
        basis: OutcomeBasis,
    ) -> Result<Vec<Option<Amount>>> {
        columns.iter().map(|c| self.cell(*c, basis)).collect()
    }
}

impl Leaf for InvestmentFigures {
    type Totals = InvestmentTotals;

    fn totals(&self) -> Result<InvestmentTotals> {
        let accumulated = self
            .project
            .map(|p| p.previous_years.checked_add(self.expenditure))
            .transpose()?;
        Ok(InvestmentTotals {
            expenditure: self.expenditure,
            income: self.income,
            original_budget: self.budget.original,
            budget_changes: self.budget.changes_total()?,
            forecast: self.forecast,
            frame: self.project.map(|p| p.frame),
            accumulated,
            estimated_total: self.project.map(|p| p.estimated_total),
        })
    }
}

/// Investeringsprojekt eller investeringsområde: a project or investment area (a group
/// of projects) of an investeringsredovisning.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, InvestmentProject, InvestmentStatement};
/// use kommunal_redovisning::statement::OutcomeBasis;
///
/// // Påhittade belopp (tkr): an investment area with two projects.
/// let project = |name: &str, budget, spent| InvestmentProject::leaf(name,
///     InvestmentFigures::new(Budget::new(Amount::tkr(budget)), Amount::tkr(spent)));
/// let area = InvestmentProject::group("Fastigheter", vec![project("Ny skola", 20_000, 18_000),
///     project("Förskola", 5_000, 5_400)]);
/// let inv = InvestmentStatement::new(vec![area])?;
/// let totals = inv.project_totals("Fastigheter")?.ok_or("Fastigheter")?;
/// assert_eq!(totals.net()?, Amount::tkr(23_400));
/// // Årsredovisning: utfall against the year's budget, 25 000 − 23 400.
/// assert_eq!(totals.outcome_deviation(OutcomeBasis::FullYear)?, Some(Amount::tkr(1_600)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "investeringsprojekt")]
pub type InvestmentProject = Unit<InvestmentFigures>;

/// Kolumn i investeringsredovisningen: a column of the investeringsredovisning.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, InvestmentProject, InvestmentStatement, MultiYearProject};
/// use kommunal_redovisning::statement::InvestmentColumn;
///
/// // Påhittade belopp (tkr): a multi-year project brings the frame columns.
/// let skola = InvestmentFigures::new(Budget::new(Amount::tkr(20_000)), Amount::tkr(18_000))
///     .with_project(MultiYearProject { frame: Amount::tkr(60_000), previous_years: Amount::tkr(35_000),
///         estimated_total: Amount::tkr(62_000) });
/// let inv = InvestmentStatement::new(vec![InvestmentProject::leaf("Ny skola", skola)])?;
/// let columns = inv.columns()?;
/// assert!(columns.contains(&InvestmentColumn::Frame) && columns.contains(&InvestmentColumn::EstimatedTotal));
/// assert_eq!(InvestmentColumn::FrameDeviation.label(), "Avvikelse mot investeringsram");
/// assert_eq!(InvestmentColumn::from_id("beraknad_totalutgift"), Some(InvestmentColumn::EstimatedTotal));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "kolumn")]
pub enum InvestmentColumn {
    /// Utgifter.
    Expenditure,
    /// Inkomster.
    Income,
    /// Nettoinvestering (utfall).
    Net,
    /// Ursprunglig budget.
    OriginalBudget,
    /// Anslagsförändringar (ombudgeteringar, tilläggsanslag).
    BudgetChanges,
    /// Budget.
    Budget,
    /// Avvikelse utfall mot budget.
    OutcomeDeviation,
    /// Helårsprognos.
    Forecast,
    /// Avvikelse prognos mot budget.
    ForecastDeviation,
    /// Investeringsram.
    Frame,
    /// Ackumulerat utfall.
    Accumulated,
    /// Beräknad totalutgift.
    EstimatedTotal,
    /// Avvikelse mot investeringsram.
    FrameDeviation,
}

impl InvestmentColumn {
    /// All columns in the order they are shown.
    pub const ALL: [InvestmentColumn; 13] = [
        InvestmentColumn::Expenditure,
        InvestmentColumn::Income,
        InvestmentColumn::Net,
        InvestmentColumn::OriginalBudget,
        InvestmentColumn::BudgetChanges,
        InvestmentColumn::Budget,
        InvestmentColumn::OutcomeDeviation,
        InvestmentColumn::Forecast,
        InvestmentColumn::ForecastDeviation,
        InvestmentColumn::Frame,
        InvestmentColumn::Accumulated,
        InvestmentColumn::EstimatedTotal,
        InvestmentColumn::FrameDeviation,
    ];

    /// The stable id.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            InvestmentColumn::Expenditure => "utgifter",
            InvestmentColumn::Income => "inkomster",
            InvestmentColumn::Net => "nettoinvestering",
            InvestmentColumn::OriginalBudget => "ursprunglig_budget",
            InvestmentColumn::BudgetChanges => "anslagsforandringar",
            InvestmentColumn::Budget => "budget",
            InvestmentColumn::OutcomeDeviation => "avvikelse_utfall",
            InvestmentColumn::Forecast => "prognos",
            InvestmentColumn::ForecastDeviation => "avvikelse_prognos",
            InvestmentColumn::Frame => "investeringsram",
            InvestmentColumn::Accumulated => "ackumulerat_utfall",
            InvestmentColumn::EstimatedTotal => "beraknad_totalutgift",
            InvestmentColumn::FrameDeviation => "avvikelse_ram",
        }
    }

    /// The default Swedish heading.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            InvestmentColumn::Expenditure => "Utgifter",
            InvestmentColumn::Income => "Inkomster",
            InvestmentColumn::Net => "Nettoinvestering",
            InvestmentColumn::OriginalBudget => "Ursprunglig budget",
            InvestmentColumn::BudgetChanges => "Anslagsförändringar",
            InvestmentColumn::Budget => "Budget",
            InvestmentColumn::OutcomeDeviation => "Avvikelse utfall mot budget",
            InvestmentColumn::Forecast => "Helårsprognos",
            InvestmentColumn::ForecastDeviation => "Avvikelse prognos mot budget",
            InvestmentColumn::Frame => "Investeringsram",
            InvestmentColumn::Accumulated => "Ackumulerat utfall",
            InvestmentColumn::EstimatedTotal => "Beräknad totalutgift",
            InvestmentColumn::FrameDeviation => "Avvikelse mot investeringsram",
        }
    }

    /// The column with `id`.
    ///
    /// ```
    /// use kommunal_redovisning::statement::InvestmentColumn;
    ///
    /// // Column ids as in the JSON of a printed table and in label overrides.
    /// assert_eq!(InvestmentColumn::from_id("investeringsram"), Some(InvestmentColumn::Frame));
    /// assert_eq!(InvestmentColumn::from_id("ram"), None);
    /// assert!(InvestmentColumn::ALL.iter().all(|c| InvestmentColumn::from_id(c.id()) == Some(*c)));
    /// ```
    #[must_use]
    pub fn from_id(id: &str) -> Option<InvestmentColumn> {
        InvestmentColumn::ALL.into_iter().find(|c| c.id() == id)
    }

    /// What the column holds, for a [`Table`]. Note that the deviations here are
    /// budget − utfall (see the module docs).
    #[must_use]
    pub fn kind(self) -> ColumnKind {
        use InvestmentColumn as C;
        match self {
            C::Expenditure | C::Income | C::Net | C::Accumulated => ColumnKind::Outcome,
            C::OriginalBudget | C::BudgetChanges | C::Budget | C::Frame => ColumnKind::Budget,
            C::Forecast | C::EstimatedTotal => ColumnKind::Forecast,
            C::OutcomeDeviation | C::ForecastDeviation | C::FrameDeviation => ColumnKind::Deviation,
        }
    }
}

/// Investeringsredovisning (investment statement), LKBR 10 kap., RKR R14: per project
/// or investment area årets budget, utfall (utgifter, inkomster, nettoinvestering),
/// prognos and avvikelse; for multi-year projects investeringsram, ackumulerat utfall,
/// beräknad totalutgift and the deviation against the frame.
///
/// Areas nest to any depth (up to [`tree::MAX_DEPTH`]); only projects carry figures.
/// See the module docs for the sign convention (expenditure positive, avvikelse =
/// budget − utfall, positive = less spent).
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, InvestmentProject, InvestmentStatement, MultiYearProject};
///
/// let inv = InvestmentStatement::new(vec![InvestmentProject::group("Fastigheter", vec![
///     InvestmentProject::leaf("Ny skola", InvestmentFigures::new(Budget::new(Amount::tkr(20_000)), Amount::tkr(18_000))
///         .with_income(Amount::tkr(2_000))
///         .with_project(MultiYearProject { frame: Amount::tkr(60_000), previous_years: Amount::tkr(35_000), estimated_total: Amount::tkr(62_000) })),
///     InvestmentProject::leaf("Reinvesteringar", InvestmentFigures::new(Budget::new(Amount::tkr(5_000)), Amount::tkr(5_500))),
/// ])])?;
/// let t = inv.rows()?;
/// assert_eq!(t.value("Fastigheter", "nettoinvestering"), Some(Amount::tkr(21_500)));
/// assert_eq!(t.value("Fastigheter", "avvikelse_utfall"), Some(Amount::tkr(3_500)));
/// assert_eq!(t.value("Fastigheter/Ny skola", "ackumulerat_utfall"), Some(Amount::tkr(53_000)));
/// assert_eq!(t.value("totalt", "avvikelse_ram"), Some(Amount::tkr(-2_000)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "investeringsredovisning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InvestmentStatement {
    /// The top-level projects and areas.
    pub projects: Vec<InvestmentProject>,
    /// Whether the outcome covers the year or a delårsperiod.
    #[cfg_attr(feature = "serde", serde(default))]
    pub outcome_basis: OutcomeBasis,
    /// Overrides of column headings (by [`InvestmentColumn::id`]) and of the total
    /// row's label (id `"totalt"`, default "Totalt").
    #[cfg_attr(feature = "serde", serde(default))]
    pub labels: Labels,
}

impl InvestmentStatement {
    /// The id of the total row.
    pub const TOTAL_ID: &'static str = "totalt";

    /// An investeringsredovisning of the given projects, validated.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidRule`] for an empty name, two siblings with the same
    /// name, a top-level project named `"totalt"` or nesting deeper than
    /// [`tree::MAX_DEPTH`]; [`crate::Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, InvestmentFigures, InvestmentProject, InvestmentStatement};
    /// let p = InvestmentProject::leaf("Ny förskola", InvestmentFigures::new(Budget::new(Amount::tkr(5_000)), Amount::tkr(4_200)));
    /// let s = InvestmentStatement::new(vec![p])?;
    /// assert_eq!(s.projects.len(), 1);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(projects: Vec<InvestmentProject>) -> Result<Self> {
        let s = InvestmentStatement {
            projects,
            ..Default::default()
        };
        s.validate()?;
        Ok(s)
    }

    /// The same statement with another outcome basis.
    ///
    /// ```
    /// use kommunal_redovisning::InvestmentStatement;
    /// use kommunal_redovisning::statement::OutcomeBasis;
    /// let s = InvestmentStatement::new(Vec::new())?.with_outcome_basis(OutcomeBasis::Interim);
    /// assert_eq!(s.outcome_basis, OutcomeBasis::Interim);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_outcome_basis(mut self, basis: OutcomeBasis) -> Self {
        self.outcome_basis = basis;
        self
    }

    /// Checks names, nesting and that every sum is computable.
    ///
    /// # Errors
    ///
    /// As [`InvestmentStatement::new`].
    pub fn validate(&self) -> Result<()> {
        tree::validate(&self.projects)?;
        tree::check_not_total(&self.projects, Self::TOTAL_ID)?;
        self.total().map(|_| ())
    }

    /// The total of the whole investeringsredovisning.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`] for nesting too deep.
    pub fn total(&self) -> Result<InvestmentTotals> {
        tree::sum_units(&self.projects, 0)
    }

    /// The totals of the project or area with the id path `id`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn project_totals(&self, id: &str) -> Result<Option<InvestmentTotals>> {
        tree::find(&self.projects, id)
            .map(|u| tree::totals_at(u, 0))
            .transpose()
    }

    /// The columns that can be filled: utgifter, inkomster, nettoinvestering, budget
    /// always; avvikelse utfall for a full year; ursprunglig budget and
    /// anslagsförändringar when there is a change; prognos when every project has one;
    /// the multi-year columns when some project has a frame.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn columns(&self) -> Result<Vec<InvestmentColumn>> {
        use InvestmentColumn as C;
        let total = self.total()?;
        let any = !self.projects.is_empty();
        let mut has_changes = false;
        let mut stack: Vec<&InvestmentProject> = self.projects.iter().collect();
        while let Some(p) = stack.pop() {
            stack.extend(p.parts());
            has_changes |= p.figures().is_some_and(|f| !f.budget.changes.is_empty());
        }
        Ok(C::ALL
            .into_iter()
            .filter(|c| match c {
                C::Expenditure | C::Income | C::Net | C::Budget => true,
                C::OriginalBudget | C::BudgetChanges => has_changes,
                C::OutcomeDeviation => self.outcome_basis == OutcomeBasis::FullYear,
                C::Forecast | C::ForecastDeviation => any && total.forecast.is_some(),
                C::Frame | C::Accumulated | C::EstimatedTotal | C::FrameDeviation => {
                    total.frame.is_some()
                }
            })
            .collect())
    }

    /// The rows: each project, an area's row (the sum of its parts) before its parts,
    /// then the total.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`] for nesting too deep.
    pub fn rows(&self) -> Result<ColumnRows> {
        self.rows_with(&self.columns()?)
    }

    /// The investeringsredovisning as a [`Table`]: each area's row is declared the sum
    /// of its direct parts and the total the sum of the top-level rows, so that
    /// [`Table::rounded`] foots.
    ///
    /// # Errors
    ///
    /// As [`InvestmentStatement::rows`]; [`crate::Error::InvalidRule`] from the table.
    pub fn to_table(&self, caption: impl Into<String>, unit: Scale) -> Result<Table> {
        tree_table(&self.rows()?, caption.into(), unit, |id| {
            InvestmentColumn::from_id(id).map_or(ColumnKind::Other, InvestmentColumn::kind)
        })
    }

    /// The rows with the given columns.
    ///
    /// # Errors
    ///
    /// As [`InvestmentStatement::rows`].
    pub fn rows_with(&self, columns: &[InvestmentColumn]) -> Result<ColumnRows> {
        tree::validate(&self.projects)?;
        let mut rows = Vec::new();
        let basis = self.outcome_basis;
        let total = tree::unit_rows(&self.projects, columns, basis, "", 0, &mut rows)?;
        rows.push(ColumnRow {
            id: Self::TOTAL_ID.to_owned(),
            label: self.labels.get(Self::TOTAL_ID, "Totalt").to_owned(),
            kind: StatementRowKind::Total,
            depth: 0,
            values: total.cells(columns, basis)?,
            note: None,
        });
        let columns = columns
            .iter()
            .map(|c| StatementColumn {
                id: c.id().to_owned(),
                label: self.labels.get(c.id(), c.label()).to_owned(),
            })
            .collect();
        Ok(ColumnRows { columns, rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(budget: i64, expenditure: i64, income: i64, forecast: i64) -> InvestmentFigures {
        InvestmentFigures::new(Budget::new(Amount::tkr(budget)), Amount::tkr(expenditure))
            .with_income(Amount::tkr(income))
            .with_forecast(Amount::tkr(forecast))
    }

    #[test]
    fn net_investment_and_deviations() {
        let f = project(10_000, 9_000, 1_500, 9_800);
        let t = f.totals().unwrap();
        assert_eq!(t.net().unwrap(), Amount::tkr(7_500));
        assert_eq!(
            t.outcome_deviation(OutcomeBasis::FullYear).unwrap(),
            Some(Amount::tkr(2_500))
        );
        assert_eq!(t.outcome_deviation(OutcomeBasis::Interim).unwrap(), None);
        assert_eq!(t.forecast_deviation().unwrap(), Some(Amount::tkr(200)));
        assert_eq!(t.frame_deviation().unwrap(), None);
    }

    #[test]
    fn multi_year_columns_sum_over_multi_year_projects_only() {
        let inv = InvestmentStatement::new(vec![
            InvestmentProject::leaf(
                "Vattenverk",
                project(30_000, 25_000, 0, 28_000).with_project(MultiYearProject {
                    frame: Amount::tkr(100_000),
                    previous_years: Amount::tkr(50_000),
                    estimated_total: Amount::tkr(97_000),
                }),
            ),
            InvestmentProject::leaf("Inventarier", project(2_000, 1_000, 0, 2_000)),
        ])
        .unwrap();
        let t = inv.rows().unwrap();
        assert_eq!(
            t.value("totalt", "investeringsram"),
            Some(Amount::tkr(100_000))
        );
        assert_eq!(
            t.value("totalt", "ackumulerat_utfall"),
            Some(Amount::tkr(75_000))
        );
        assert_eq!(t.value("totalt", "avvikelse_ram"), Some(Amount::tkr(3_000)));
        assert_eq!(t.value("Inventarier", "investeringsram"), None);
        assert_eq!(
            t.value("totalt", "avvikelse_prognos"),
            Some(Amount::tkr(2_000))
        );
        assert_eq!(t.value("totalt", "utgifter"), Some(Amount::tkr(26_000)));
        // Without any multi-year project there are no frame columns.
        let plain = InvestmentStatement::new(vec![InvestmentProject::leaf(
            "Inventarier",
            project(2_000, 1_000, 0, 2_000),
        )])
        .unwrap();
        assert!(!plain.columns().unwrap().contains(&InvestmentColumn::Frame));
    }

    #[test]
    fn ombudgetering_is_an_anslagsforandring() {
        let f = InvestmentFigures::new(
            Budget::new(Amount::tkr(5_000))
                .with_change("Ombudgetering från 2024", Amount::tkr(1_200)),
            Amount::tkr(6_000),
        );
        let inv = InvestmentStatement::new(vec![InvestmentProject::leaf("Gator", f)])
            .unwrap()
            .with_outcome_basis(OutcomeBasis::Interim);
        let t = inv.rows().unwrap();
        let cols: Vec<_> = t.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            cols,
            [
                "utgifter",
                "inkomster",
                "nettoinvestering",
                "ursprunglig_budget",
                "anslagsforandringar",
                "budget"
            ]
        );
        assert_eq!(t.value("Gator", "budget"), Some(Amount::tkr(6_200)));
    }
}
