//! Driftredovisning (LKBR 10 kap. 1–2 §§, RKR R14): outcome, budget and forecast of
//! the running operations per organisational unit, reconciled to the resultaträkning.
//!
//! # Sign convention
//!
//! Signs as published in the resultaträkning: intäkter positive, kostnader negative,
//! so a unit's nettokostnad (intäkter + kostnader) is negative when it costs more than
//! it earns, and a verksamhet that runs a surplus (as the verksamheter of a
//! kommunalförbund, financed by medlemsavgifter) has a positive result. Budget and
//! helårsprognos are given for that same net figure, with the same sign.
//!
//! Avvikelse = utfall − budget and prognos − budget. For a cost row (negative) this is
//! positive when the unit spends *less* than its budget; for a surplus row it is
//! positive when the surplus is larger. Positive is better on every row. A report that
//! prints nettokostnader as positive numbers must negate them on the way in.

use super::budget::{Budget, OutcomeBasis};
use super::columns::{ColumnRow, ColumnRows, StatementColumn, add_both, sub_both, tree_table};
use super::tree::{self, Leaf, Totals, Unit};
use super::{IncomeLine, IncomeStatement, IncomeSum, Labels, StatementRowKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Scale};
use crate::present::{ColumnKind, Table};

/// Utfall of a unit for the period: verksamhetens intäkter and kostnader.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::statement::UnitOutcome;
/// let outcome = UnitOutcome { revenue: Amount::tkr(1_200), expenses: Amount::tkr(-10_000) };
/// assert_eq!(outcome.net()?, Amount::tkr(-8_800));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "utfall")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UnitOutcome {
    /// Intäkter (+), including internal revenue.
    pub revenue: Amount,
    /// Kostnader (−), including internal costs and kapitalkostnader.
    pub expenses: Amount,
}

impl UnitOutcome {
    /// Nettokostnad (or result) = intäkter + kostnader.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn net(&self) -> Result<Amount> {
        self.revenue.checked_add(self.expenses)
    }
}

/// The figures of one leaf unit of a driftredovisning.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, UnitFigures};
///
/// let f = UnitFigures::new(Budget::new(Amount::tkr(-9_000)))
///     .with_outcome(Amount::tkr(1_200), Amount::tkr(-10_000))
///     .with_forecast(Amount::tkr(-8_900));
/// assert_eq!(f.outcome.map(|o| o.net()).transpose()?, Some(Amount::tkr(-8_800)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "driftredovisning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UnitFigures {
    /// Utfall for the period; `None` when the report gives none (e.g. a forecast
    /// table).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub outcome: Option<UnitOutcome>,
    /// The annual budget (anslag) of the net figure, with anslagsförändringar.
    #[cfg_attr(feature = "serde", serde(default))]
    pub budget: Budget,
    /// The budget for the period (periodiserad budget), for a delårsrapport.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub period_budget: Option<Amount>,
    /// Helårsprognos of the net figure.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub forecast: Option<Amount>,
}

impl UnitFigures {
    /// Figures with only a budget.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, UnitFigures};
    /// let f = UnitFigures::new(Budget::new(Amount::tkr(212)));
    /// assert_eq!(f.outcome, None);
    /// ```
    #[must_use]
    pub fn new(budget: Budget) -> Self {
        UnitFigures {
            budget,
            ..Default::default()
        }
    }

    /// With an outcome: intäkter (+) and kostnader (−).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, UnitFigures};
    /// let f = UnitFigures::new(Budget::default()).with_outcome(Amount::tkr(1_200), Amount::tkr(-10_000));
    /// assert_eq!(f.outcome.map(|o| o.revenue), Some(Amount::tkr(1_200)));
    /// ```
    #[must_use]
    pub fn with_outcome(mut self, revenue: Amount, expenses: Amount) -> Self {
        self.outcome = Some(UnitOutcome { revenue, expenses });
        self
    }

    /// With a helårsprognos.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, UnitFigures};
    /// // Lystkom 2025, IT: budget 760 tkr, prognos 958 tkr.
    /// let it = UnitFigures::new(Budget::new(Amount::tkr(760))).with_forecast(Amount::tkr(958));
    /// assert_eq!(it.forecast, Some(Amount::tkr(958)));
    /// ```
    #[must_use]
    pub fn with_forecast(mut self, forecast: Amount) -> Self {
        self.forecast = Some(forecast);
        self
    }

    /// With a budget for the period.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, UnitFigures};
    /// let f = UnitFigures::new(Budget::new(Amount::tkr(-12_000))).with_period_budget(Amount::tkr(-6_000));
    /// assert_eq!(f.period_budget, Some(Amount::tkr(-6_000)));
    /// ```
    #[must_use]
    pub fn with_period_budget(mut self, period_budget: Amount) -> Self {
        self.period_budget = Some(period_budget);
        self
    }
}

/// The derived figures of a unit, a group or the whole driftredovisning: sums of the
/// leaves below. A column is present (`Some`) only when every leaf below has it.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, UnitFigures};
/// let s = OperatingStatement::new(vec![
///     OperatingUnit::leaf("IT", UnitFigures::new(Budget::new(Amount::tkr(760))).with_forecast(Amount::tkr(958))),
///     OperatingUnit::leaf("Kundtjänst", UnitFigures::new(Budget::new(Amount::tkr(82)))),
/// ])?;
/// let totals = s.total()?;
/// assert_eq!(totals.original_budget, Amount::tkr(842));
/// assert_eq!(totals.forecast, None); // Kundtjänst has no forecast, so the total has none
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "summa")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UnitTotals {
    /// Intäkter and kostnader.
    pub outcome: Option<UnitOutcome>,
    /// Ursprunglig budget.
    pub original_budget: Amount,
    /// Anslagsförändringar.
    pub budget_changes: Amount,
    /// Budget for the period.
    pub period_budget: Option<Amount>,
    /// Helårsprognos.
    pub forecast: Option<Amount>,
}

impl UnitTotals {
    /// Nettokostnad (or result) = intäkter + kostnader.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn net(&self) -> Result<Option<Amount>> {
        self.outcome.map(|o| o.net()).transpose()
    }

    /// Budget = ursprunglig budget + anslagsförändringar.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn budget(&self) -> Result<Amount> {
        self.original_budget.checked_add(self.budget_changes)
    }

    /// Avvikelse utfall mot budget (positive = better): utfall − budget for a full
    /// year, utfall − budget för perioden for a delårsperiod.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn outcome_deviation(&self, basis: OutcomeBasis) -> Result<Option<Amount>> {
        let against = match basis {
            OutcomeBasis::FullYear => Some(self.budget()?),
            OutcomeBasis::Interim => self.period_budget,
        };
        sub_both(self.net()?, against)
    }

    /// Avvikelse prognos mot budget = helårsprognos − budget (positive = better).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn forecast_deviation(&self) -> Result<Option<Amount>> {
        sub_both(self.forecast, Some(self.budget()?))
    }

    fn cell(&self, column: OperatingColumn, basis: OutcomeBasis) -> Result<Option<Amount>> {
        Ok(match column {
            OperatingColumn::Revenue => self.outcome.map(|o| o.revenue),
            OperatingColumn::Expenses => self.outcome.map(|o| o.expenses),
            OperatingColumn::Net => self.net()?,
            OperatingColumn::OriginalBudget => Some(self.original_budget),
            OperatingColumn::BudgetChanges => Some(self.budget_changes),
            OperatingColumn::Budget => Some(self.budget()?),
            OperatingColumn::PeriodBudget => self.period_budget,
            OperatingColumn::OutcomeDeviation => self.outcome_deviation(basis)?,
            OperatingColumn::Forecast => self.forecast,
            OperatingColumn::ForecastDeviation => self.forecast_deviation()?,
        })
    }
}

impl Totals for UnitTotals {
    fn zero() -> Self {
        UnitTotals {
            outcome: Some(UnitOutcome::default()),
            original_budget: Amount::ZERO,
            budget_changes: Amount::ZERO,
            period_budget: Some(Amount::ZERO),
            forecast: Some(Amount::ZERO),
        }
    }

    fn checked_add(&self, other: &Self) -> Result<Self> {
        let outcome = match (self.outcome, other.outcome) {
            (Some(a), Some(b)) => Some(UnitOutcome {
                revenue: a.revenue.checked_add(b.revenue)?,
                expenses: a.expenses.checked_add(b.expenses)?,
            }),
            _ => None,
        };
        Ok(UnitTotals {
            outcome,
            original_budget: self.original_budget.checked_add(other.original_budget)?,
            budget_changes: self.budget_changes.checked_add(other.budget_changes)?,
            period_budget: add_both(self.period_budget, other.period_budget)?,
            forecast: add_both(self.forecast, other.forecast)?,
        })
    }

    type Column = OperatingColumn;

    fn cells(
        &self,
        columns: &[OperatingColumn],
        basis: OutcomeBasis,
    ) -> Result<Vec<Option<Amount>>> {
        columns.iter().map(|c| self.cell(*c, basis)).collect()
    }
}

impl Leaf for UnitFigures {
    type Totals = UnitTotals;

    fn totals(&self) -> Result<UnitTotals> {
        Ok(UnitTotals {
            outcome: self.outcome,
            original_budget: self.budget.original,
            budget_changes: self.budget.changes_total()?,
            period_budget: self.period_budget,
            forecast: self.forecast,
        })
    }
}

/// Enhet i driftredovisningen: a unit of a driftredovisning — nämnd, förvaltning,
/// verksamhet or a kommunalförbund's verksamhetsområde; a leaf with [`UnitFigures`] or a
/// group of units.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, UnitFigures};
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Kundtjänst, budget 82 and prognos 355 tkr.
/// let kundtjanst = OperatingUnit::leaf("Kundtjänst",
///     UnitFigures::new(Budget::new(Amount::tkr(82))).with_forecast(Amount::tkr(355)));
/// let drift = OperatingStatement::new(vec![kundtjanst])?;
/// assert_eq!(drift.total()?.forecast_deviation()?, Some(Amount::tkr(273))); // printed: 273
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "nämnd")]
#[doc(alias = "verksamhet")]
pub type OperatingUnit = Unit<UnitFigures>;

/// Kolumn i driftredovisningen: a column of the driftredovisning.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, UnitFigures};
/// use kommunal_redovisning::statement::OperatingColumn;
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: budget and prognos per verksamhet (tkr).
/// let unit = |name: &str, budget, forecast| OperatingUnit::leaf(name,
///     UnitFigures::new(Budget::new(Amount::tkr(budget))).with_forecast(Amount::tkr(forecast)));
/// let drift = OperatingStatement::new(vec![unit("IT", 760, 958), unit("Kundtjänst", 82, 355),
///     unit("Revision", -195, -195), unit("Lystkom", 212, 256)])?;
/// // The columns shown are those the figures fill.
/// use OperatingColumn::{Budget as B, Forecast, ForecastDeviation};
/// assert_eq!(drift.columns()?, [B, Forecast, ForecastDeviation]);
/// assert_eq!((ForecastDeviation.id(), ForecastDeviation.label()), ("avvikelse_prognos", "Avvikelse prognos mot budget"));
/// assert_eq!(drift.total()?.forecast_deviation()?, Some(Amount::tkr(515))); // printed: 515
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "kolumn")]
pub enum OperatingColumn {
    /// Intäkter.
    Revenue,
    /// Kostnader.
    Expenses,
    /// Nettokostnad (utfall) = intäkter + kostnader.
    Net,
    /// Ursprunglig budget.
    OriginalBudget,
    /// Anslagsförändringar.
    BudgetChanges,
    /// Budget = ursprunglig budget + anslagsförändringar.
    Budget,
    /// Budget för perioden.
    PeriodBudget,
    /// Avvikelse utfall mot budget.
    OutcomeDeviation,
    /// Helårsprognos.
    Forecast,
    /// Avvikelse prognos mot budget.
    ForecastDeviation,
}

impl OperatingColumn {
    /// All columns in the order they are shown.
    pub const ALL: [OperatingColumn; 10] = [
        OperatingColumn::Revenue,
        OperatingColumn::Expenses,
        OperatingColumn::Net,
        OperatingColumn::OriginalBudget,
        OperatingColumn::BudgetChanges,
        OperatingColumn::Budget,
        OperatingColumn::PeriodBudget,
        OperatingColumn::OutcomeDeviation,
        OperatingColumn::Forecast,
        OperatingColumn::ForecastDeviation,
    ];

    /// The stable id (for label overrides and [`ColumnRows`] lookups).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            OperatingColumn::Revenue => "intakter",
            OperatingColumn::Expenses => "kostnader",
            OperatingColumn::Net => "nettokostnad",
            OperatingColumn::OriginalBudget => "ursprunglig_budget",
            OperatingColumn::BudgetChanges => "anslagsforandringar",
            OperatingColumn::Budget => "budget",
            OperatingColumn::PeriodBudget => "budget_perioden",
            OperatingColumn::OutcomeDeviation => "avvikelse_utfall",
            OperatingColumn::Forecast => "prognos",
            OperatingColumn::ForecastDeviation => "avvikelse_prognos",
        }
    }

    /// The default Swedish heading.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            OperatingColumn::Revenue => "Intäkter",
            OperatingColumn::Expenses => "Kostnader",
            OperatingColumn::Net => "Nettokostnad",
            OperatingColumn::OriginalBudget => "Ursprunglig budget",
            OperatingColumn::BudgetChanges => "Anslagsförändringar",
            OperatingColumn::Budget => "Budget",
            OperatingColumn::PeriodBudget => "Budget för perioden",
            OperatingColumn::OutcomeDeviation => "Avvikelse utfall mot budget",
            OperatingColumn::Forecast => "Helårsprognos",
            OperatingColumn::ForecastDeviation => "Avvikelse prognos mot budget",
        }
    }

    /// The column with `id`.
    ///
    /// ```
    /// use kommunal_redovisning::statement::OperatingColumn;
    ///
    /// // Lystkom's forecast table (1.3) renames the column with this id "Avvikelse mot budget 2025".
    /// assert_eq!(OperatingColumn::from_id("avvikelse_prognos"), Some(OperatingColumn::ForecastDeviation));
    /// assert_eq!(OperatingColumn::from_id("avvikelse"), None);
    /// assert!(OperatingColumn::ALL.iter().all(|c| OperatingColumn::from_id(c.id()) == Some(*c)));
    /// ```
    #[must_use]
    pub fn from_id(id: &str) -> Option<OperatingColumn> {
        OperatingColumn::ALL.into_iter().find(|c| c.id() == id)
    }

    /// What the column holds, for a [`Table`].
    #[must_use]
    pub fn kind(self) -> ColumnKind {
        match self {
            OperatingColumn::Revenue | OperatingColumn::Expenses | OperatingColumn::Net => {
                ColumnKind::Outcome
            }
            OperatingColumn::OriginalBudget
            | OperatingColumn::BudgetChanges
            | OperatingColumn::Budget
            | OperatingColumn::PeriodBudget => ColumnKind::Budget,
            OperatingColumn::Forecast => ColumnKind::Forecast,
            OperatingColumn::OutcomeDeviation | OperatingColumn::ForecastDeviation => {
                ColumnKind::Deviation
            }
        }
    }
}

/// Driftredovisning (operating statement), LKBR 10 kap., RKR R14: per organisational
/// unit intäkter, kostnader, nettokostnad, budget (ursprunglig budget +
/// anslagsförändringar), utfall, helårsprognos and avvikelser.
///
/// Units are named by the user and nest to any depth (up to [`tree::MAX_DEPTH`]);
/// only leaves carry figures, every group and the total are derived sums. See the
/// module docs for the sign convention: nettokostnader negative, surpluses positive,
/// avvikelse positive = better.
///
/// # Example: Lystkom, prognos per verksamhet (delårsrapport 2025, avsnitt 1.3, tkr)
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, UnitFigures, OperatingStatement, OperatingUnit};
///
/// let unit = |name: &str, budget: i64, prognos: i64| {
///     OperatingUnit::leaf(name, UnitFigures::new(Budget::new(Amount::tkr(budget)))
///         .with_forecast(Amount::tkr(prognos)))
/// };
/// let drift = OperatingStatement::new(vec![
///     unit("IT", 760, 958),
///     unit("Kundtjänst", 82, 355),
///     unit("Revision", -195, -195),
///     unit("Lystkom", 212, 256),
/// ])?;
/// let total = drift.total()?;
/// assert_eq!(total.budget()?, Amount::tkr(859));
/// assert_eq!(total.forecast, Some(Amount::tkr(1_374)));
/// assert_eq!(total.forecast_deviation()?, Some(Amount::tkr(515)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "driftredovisning")]
#[doc(alias = "driftsredovisning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OperatingStatement {
    /// The top-level units.
    pub units: Vec<OperatingUnit>,
    /// Whether the outcome covers the year or a delårsperiod.
    #[cfg_attr(feature = "serde", serde(default))]
    pub outcome_basis: OutcomeBasis,
    /// Overrides of column headings (by [`OperatingColumn::id`]) and of the total
    /// row's label (id `"totalt"`, default "Totalt").
    #[cfg_attr(feature = "serde", serde(default))]
    pub labels: Labels,
}

impl OperatingStatement {
    /// The id of the total row.
    pub const TOTAL_ID: &'static str = "totalt";

    /// A driftredovisning of the given units, validated.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for an empty name, two siblings with the same name, a
    /// top-level unit named like the total row (`"totalt"`), or nesting deeper than
    /// [`tree::MAX_DEPTH`]; [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, UnitFigures};
    /// let unit = |name: &str| OperatingUnit::leaf(name, UnitFigures::new(Budget::new(Amount::tkr(1))));
    /// assert!(OperatingStatement::new(vec![unit("IT"), unit("Kundtjänst")]).is_ok());
    /// assert!(OperatingStatement::new(vec![unit("IT"), unit("IT")]).is_err()); // two siblings, one name
    /// ```
    pub fn new(units: Vec<OperatingUnit>) -> Result<Self> {
        let s = OperatingStatement {
            units,
            outcome_basis: OutcomeBasis::FullYear,
            labels: Labels::default(),
        };
        s.validate()?;
        Ok(s)
    }

    /// The same statement with another outcome basis.
    ///
    /// ```
    /// use kommunal_redovisning::OperatingStatement;
    /// use kommunal_redovisning::statement::OutcomeBasis;
    /// let s = OperatingStatement::new(Vec::new())?.with_outcome_basis(OutcomeBasis::Interim);
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
    /// As [`OperatingStatement::new`].
    pub fn validate(&self) -> Result<()> {
        tree::validate(&self.units)?;
        tree::check_not_total(&self.units, Self::TOTAL_ID)?;
        self.total().map(|_| ())
    }

    /// The total of the whole driftredovisning.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; [`Error::InvalidRule`] for nesting too deep.
    pub fn total(&self) -> Result<UnitTotals> {
        tree::sum_units(&self.units, 0)
    }

    /// The totals of the unit with the id path `id` (names joined by `/`, e.g.
    /// `"Kommunstyrelsen/IT"`); `None` when there is no such unit.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn unit_totals(&self, id: &str) -> Result<Option<UnitTotals>> {
        tree::find(&self.units, id)
            .map(|u| tree::totals_at(u, 0))
            .transpose()
    }

    /// The columns that can be filled: intäkter, kostnader, nettokostnad and avvikelse
    /// utfall when every leaf has an outcome (and, for a delårsperiod, a budget for the
    /// period); ursprunglig budget and anslagsförändringar when there is any change;
    /// budget always; helårsprognos and its avvikelse when every leaf has one.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn columns(&self) -> Result<Vec<OperatingColumn>> {
        let total = self.total()?;
        let has_changes = leaves(&self.units).any(|f| !f.budget.changes.is_empty());
        let has_outcome = total.outcome.is_some() && !self.units.is_empty();
        let has_period_budget = total.period_budget.is_some() && !self.units.is_empty();
        let has_forecast = total.forecast.is_some() && !self.units.is_empty();
        Ok(OperatingColumn::ALL
            .into_iter()
            .filter(|c| match c {
                OperatingColumn::Revenue | OperatingColumn::Expenses | OperatingColumn::Net => {
                    has_outcome
                }
                OperatingColumn::OriginalBudget | OperatingColumn::BudgetChanges => has_changes,
                OperatingColumn::Budget => true,
                OperatingColumn::PeriodBudget => {
                    has_period_budget && self.outcome_basis == OutcomeBasis::Interim
                }
                OperatingColumn::OutcomeDeviation => {
                    has_outcome
                        && (self.outcome_basis == OutcomeBasis::FullYear || has_period_budget)
                }
                OperatingColumn::Forecast | OperatingColumn::ForecastDeviation => has_forecast,
            })
            .collect())
    }

    /// The rows: each unit in order, a group's row (kind [`StatementRowKind::Subtotal`], the sum
    /// of its parts) before its parts, then the total (kind [`StatementRowKind::Total`]). Row ids
    /// are the units' id paths and `"totalt"`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; [`Error::InvalidRule`] for nesting too deep.
    pub fn rows(&self) -> Result<ColumnRows> {
        self.rows_with(&self.columns()?)
    }

    /// The rows with the given columns.
    ///
    /// # Errors
    ///
    /// As [`OperatingStatement::rows`]; [`Error::InvalidRule`] for names that make
    /// row ids ambiguous (a statement deserialized without [`OperatingStatement::new`]).
    pub fn rows_with(&self, columns: &[OperatingColumn]) -> Result<ColumnRows> {
        tree::validate(&self.units)?;
        let mut rows = Vec::new();
        let basis = self.outcome_basis;
        let total = tree::unit_rows(&self.units, columns, basis, "", 0, &mut rows)?;
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

    /// The driftredovisning as a [`Table`] with the columns of
    /// [`OperatingStatement::columns`]: each group's row is declared the sum of its
    /// direct parts and the total the sum of the top-level units, so that
    /// [`Table::rounded`] foots.
    ///
    /// # Errors
    ///
    /// As [`OperatingStatement::rows`]; [`Error::InvalidRule`] from the table.
    pub fn to_table(&self, caption: impl Into<String>, unit: Scale) -> Result<Table> {
        tree_table(&self.rows()?, caption.into(), unit, |id| {
            OperatingColumn::from_id(id).map_or(ColumnKind::Other, OperatingColumn::kind)
        })
    }

    /// Every named anslagsförändring with the id path of its unit, in row order (a
    /// specification beside the table).
    #[must_use]
    pub fn budget_changes(&self) -> Vec<(String, &super::budget::BudgetChange)> {
        let mut out = Vec::new();
        let mut stack: Vec<(String, &OperatingUnit)> = self
            .units
            .iter()
            .rev()
            .map(|u| (u.name.clone(), u))
            .collect();
        while let Some((id, unit)) = stack.pop() {
            if let Some(f) = unit.figures() {
                out.extend(f.budget.changes.iter().map(|c| (id.clone(), c)));
            }
            for part in unit.parts().iter().rev() {
                stack.push((format!("{id}{}{}", tree::PATH_SEPARATOR, part.name), part));
            }
        }
        out
    }

    /// The outcome total for a figure: intäkter, kostnader or nettokostnad.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when some unit has no outcome; [`Error::Overflow`].
    pub fn outcome_total(&self, figure: ReconciledFigure) -> Result<Amount> {
        let total = self.total()?;
        let outcome = total.outcome.ok_or_else(|| {
            Error::InvalidRule("driftredovisningen saknar utfall för någon enhet".into())
        })?;
        match figure {
            ReconciledFigure::Revenue => Ok(outcome.revenue),
            ReconciledFigure::Expenses => Ok(outcome.expenses),
            ReconciledFigure::Net => outcome.net(),
        }
    }

    /// Avstämning mot resultaträkningen: the driftredovisning's outcome total for
    /// `reconciliation.figure` plus the named reconciling items must equal the
    /// resultaträkning's `reconciliation.target`.
    ///
    /// # Errors
    ///
    /// [`Error::Mismatch`] naming both figures and the difference;
    /// [`Error::InvalidRule`] when a unit has no outcome; [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, IncomeStatement, UnitFigures, OperatingStatement, OperatingUnit};
    /// use kommunal_redovisning::statement::{IncomeFigure, ReconciledFigure, OperatingReconciliation, IncomeSum};
    ///
    /// let drift = OperatingStatement::new(vec![
    ///     OperatingUnit::leaf("Kommunstyrelsen", UnitFigures::new(Budget::new(Amount::tkr(-50)))
    ///         .with_outcome(Amount::tkr(30), Amount::tkr(-80))),
    /// ])?;
    /// let rs = IncomeStatement {
    ///     operating_revenue: Amount::tkr(20), operating_expenses: Amount::tkr(-60),
    ///     depreciation: Amount::tkr(-5), ..Default::default()
    /// };
    /// let rec = OperatingReconciliation::new(ReconciledFigure::Net, IncomeFigure::Sum(IncomeSum::NetOperatingCosts))
    ///     .with_item("Finansförvaltningen", Amount::tkr(5));
    /// let done = drift.reconcile(&rs, &rec)?;
    /// assert_eq!(done.target, Amount::tkr(-45));
    /// let wrong = OperatingReconciliation::new(ReconciledFigure::Net, IncomeFigure::Sum(IncomeSum::NetOperatingCosts));
    /// let err = drift.reconcile(&rs, &wrong).unwrap_err().to_string();
    /// assert!(err.contains("difference -5000.00"), "{err}");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn reconcile(
        &self,
        income: &IncomeStatement,
        reconciliation: &OperatingReconciliation,
    ) -> Result<ReconciliationResult> {
        let target = reconciliation.target.amount(income);
        self.reconcile_to(reconciliation, reconciliation.target.label(), target)
    }

    /// Like [`OperatingStatement::reconcile`], against a figure given by itself (e.g.
    /// årets resultat quoted in a text) instead of a whole resultaträkning.
    ///
    /// # Errors
    ///
    /// As [`OperatingStatement::reconcile`].
    pub fn reconcile_to(
        &self,
        reconciliation: &OperatingReconciliation,
        target_label: &str,
        target: Amount,
    ) -> Result<ReconciliationResult> {
        let operating = self.outcome_total(reconciliation.figure)?;
        let items = Amount::checked_sum(reconciliation.items.iter().map(|i| i.amount))?;
        let reconciled = operating.checked_add(items)?;
        let result = ReconciliationResult {
            operating_label: format!(
                "Driftredovisningen, {}",
                reconciliation.figure.label().to_lowercase()
            ),
            operating,
            items: reconciliation.items.clone(),
            reconciled,
            target_label: format!("Resultaträkningen, {}", target_label.to_lowercase()),
            target,
        };
        if reconciled == target {
            return Ok(result);
        }
        Err(Error::Mismatch {
            what: "avstämning driftredovisning mot resultaträkning".into(),
            left_label: "driftredovisningen med avstämningsposter".into(),
            left: reconciled,
            right_label: result.target_label.to_lowercase(),
            right: target,
            difference: reconciled.checked_sub(target)?,
        })
    }
}

fn leaves(units: &[OperatingUnit]) -> impl Iterator<Item = &UnitFigures> {
    let mut stack: Vec<&OperatingUnit> = units.iter().rev().collect();
    std::iter::from_fn(move || {
        while let Some(u) = stack.pop() {
            stack.extend(u.parts().iter().rev());
            if let Some(f) = u.figures() {
                return Some(f);
            }
        }
        None
    })
}

/// Which outcome figure of the driftredovisning is reconciled.
///
/// ```
/// use kommunal_redovisning::statement::ReconciledFigure;
/// assert_eq!(ReconciledFigure::Net.label(), "Nettokostnad");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "avstämning")]
pub enum ReconciledFigure {
    /// Summa intäkter (reconciled to verksamhetens intäkter after eliminating internal
    /// revenue).
    Revenue,
    /// Summa kostnader.
    Expenses,
    /// Summa nettokostnad (or result).
    Net,
}

impl ReconciledFigure {
    /// The Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ReconciledFigure::Revenue => "Intäkter",
            ReconciledFigure::Expenses => "Kostnader",
            ReconciledFigure::Net => "Nettokostnad",
        }
    }
}

/// A figure of the resultaträkning: a post or a derived sum.
///
/// ```
/// use kommunal_redovisning::{Amount, IncomeStatement};
/// use kommunal_redovisning::statement::{IncomeFigure, IncomeLine, IncomeSum};
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(5), operating_expenses: Amount::tkr(-8), ..Default::default() };
/// assert_eq!(IncomeFigure::Line(IncomeLine::OperatingRevenue).amount(&rs), Amount::tkr(5));
/// assert_eq!(IncomeFigure::Sum(IncomeSum::ResultForTheYear).amount(&rs), Amount::tkr(-3));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "resultaträkningspost")]
pub enum IncomeFigure {
    /// A post, e.g. verksamhetens intäkter.
    Line(IncomeLine),
    /// A derived sum, e.g. verksamhetens nettokostnader or årets resultat.
    Sum(IncomeSum),
}

impl IncomeFigure {
    /// The figure in `income`.
    #[must_use]
    pub fn amount(self, income: &IncomeStatement) -> Amount {
        match self {
            IncomeFigure::Line(l) => income.amount(l),
            IncomeFigure::Sum(s) => income.sum(s),
        }
    }

    /// The Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            IncomeFigure::Line(l) => l.label(),
            IncomeFigure::Sum(s) => s.label(),
        }
    }
}

/// A named reconciling item (avstämningspost), e.g. "Finansförvaltningen",
/// "Interna poster som elimineras", "Kapitalkostnader", with the sign that takes the
/// driftredovisning's figure towards the resultaträkning's.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::statement::ReconcilingItem;
/// let item = ReconcilingItem { label: "Interna poster som elimineras".into(), amount: Amount::tkr(-1_500) };
/// assert!(item.amount.is_negative());
/// ```
#[doc(alias = "avstämningspost")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReconcilingItem {
    /// The label.
    pub label: String,
    /// The amount.
    pub amount: Amount,
}

/// How a driftredovisning is reconciled to the resultaträkning (avstämning):
/// driftredovisningen's `figure` + `items` = the resultaträkning's `target`.
///
/// Driftredovisningen includes internal items (interna poster) that the
/// resultaträkning does not; they are eliminated (in finansförvaltningen) so that the
/// total equals the external resultaträkning (practice, Grästorp 2019; RKR R14).
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, IncomeStatement, OperatingStatement, OperatingUnit, UnitFigures};
/// use kommunal_redovisning::statement::{IncomeFigure, IncomeSum, OperatingReconciliation, ReconciledFigure};
/// // Invented: two nämnder net −9 000 tkr; finansförvaltningen brings +9 300 tkr.
/// let unit = |name: &str, revenue, expenses| {
///     OperatingUnit::leaf(name, UnitFigures::new(Budget::default()).with_outcome(Amount::tkr(revenue), Amount::tkr(expenses)))
/// };
/// let drift = OperatingStatement::new(vec![unit("Skola", 1_000, -6_000), unit("Omsorg", 500, -4_500)])?;
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(1_500), operating_expenses: Amount::tkr(-10_500), tax_revenue: Amount::tkr(9_300), ..Default::default() };
/// let how = OperatingReconciliation::new(ReconciledFigure::Net, IncomeFigure::Sum(IncomeSum::ResultForTheYear))
///     .with_item("Finansförvaltningen: skatteintäkter", Amount::tkr(9_300));
/// let done = drift.reconcile(&rs, &how)?; // a ReconciliationResult
/// assert_eq!(done.reconciled, Amount::tkr(300));
/// assert_eq!(done.target, rs.result_for_the_year());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "avstämning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OperatingReconciliation {
    /// The driftredovisning's figure.
    pub figure: ReconciledFigure,
    /// The resultaträkning's figure it must reach.
    pub target: IncomeFigure,
    /// The named reconciling items.
    #[cfg_attr(feature = "serde", serde(default))]
    pub items: Vec<ReconcilingItem>,
}

impl OperatingReconciliation {
    /// A reconciliation without items.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, Error, IncomeStatement, OperatingStatement, OperatingUnit, UnitFigures};
    /// use kommunal_redovisning::statement::{IncomeFigure, IncomeSum, OperatingReconciliation, ReconciledFigure};
    ///
    /// // Påhittade belopp (tkr): two units whose net is the whole resultaträkning.
    /// let unit = |name: &str, revenue, expenses| OperatingUnit::leaf(name,
    ///     UnitFigures::new(Budget::default()).with_outcome(Amount::tkr(revenue), Amount::tkr(expenses)));
    /// let drift = OperatingStatement::new(vec![unit("Kansli", 250, 0), unit("Skola", 0, -900)])?;
    /// let how = OperatingReconciliation::new(ReconciledFigure::Net, IncomeFigure::Sum(IncomeSum::ResultForTheYear));
    /// let rs = IncomeStatement { operating_revenue: Amount::tkr(250), operating_expenses: Amount::tkr(-900), ..Default::default() };
    /// assert_eq!(drift.reconcile(&rs, &how)?.reconciled, Amount::tkr(-650));
    /// // With skatteintäkter that no unit holds and no item names, it does not reconcile.
    /// let with_tax = IncomeStatement { tax_revenue: Amount::tkr(900), ..rs };
    /// assert!(matches!(drift.reconcile(&with_tax, &how), Err(Error::Mismatch { .. })));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(figure: ReconciledFigure, target: IncomeFigure) -> Self {
        OperatingReconciliation {
            figure,
            target,
            items: Vec::new(),
        }
    }

    /// With one more named item.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, IncomeStatement, OperatingStatement, OperatingUnit, UnitFigures};
    /// use kommunal_redovisning::statement::{IncomeFigure, IncomeSum, OperatingReconciliation, ReconciledFigure};
    ///
    /// // Påhittade belopp (tkr): finansförvaltningen's skatteintäkter close the gap.
    /// let unit = |name: &str, revenue, expenses| OperatingUnit::leaf(name,
    ///     UnitFigures::new(Budget::default()).with_outcome(Amount::tkr(revenue), Amount::tkr(expenses)));
    /// let drift = OperatingStatement::new(vec![unit("Kansli", 250, 0), unit("Skola", 0, -900)])?;
    /// let rs = IncomeStatement { operating_revenue: Amount::tkr(250), operating_expenses: Amount::tkr(-900),
    ///     tax_revenue: Amount::tkr(900), ..Default::default() };
    /// let how = OperatingReconciliation::new(ReconciledFigure::Net, IncomeFigure::Sum(IncomeSum::ResultForTheYear))
    ///     .with_item("Finansförvaltningen: skatteintäkter", Amount::tkr(900));
    /// let done = drift.reconcile(&rs, &how)?;
    /// assert_eq!((done.operating, done.reconciled), (Amount::tkr(-650), Amount::tkr(250)));
    /// assert_eq!(done.items[0].label, "Finansförvaltningen: skatteintäkter");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_item(mut self, label: impl Into<String>, amount: Amount) -> Self {
        self.items.push(ReconcilingItem {
            label: label.into(),
            amount,
        });
        self
    }
}

/// A reconciliation that agrees, ready to be printed.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, IncomeStatement, NumberFormat, OperatingStatement, OperatingUnit, Scale, UnitFigures};
/// use kommunal_redovisning::statement::{IncomeFigure, IncomeSum, OperatingReconciliation, ReconciledFigure};
///
/// // Påhittade belopp (tkr).
/// let unit = |name: &str, revenue, expenses| OperatingUnit::leaf(name,
///     UnitFigures::new(Budget::default()).with_outcome(Amount::tkr(revenue), Amount::tkr(expenses)));
/// let drift = OperatingStatement::new(vec![unit("Kansli", 250, 0), unit("Skola", 0, -900)])?;
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(250), operating_expenses: Amount::tkr(-900), ..Default::default() };
/// let how = OperatingReconciliation::new(ReconciledFigure::Net, IncomeFigure::Sum(IncomeSum::ResultForTheYear));
/// let done = drift.reconcile(&rs, &how)?;
/// assert_eq!(done.target_label, "Resultaträkningen, årets resultat");
/// let text = done.to_table("Avstämning", Scale::Tkr)?.to_text(&NumberFormat::swedish());
/// assert!(text.ends_with("Resultaträkningen, årets resultat    \u{2212}650\n"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "avstämning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReconciliationResult {
    /// E.g. "Driftredovisningen, nettokostnad".
    pub operating_label: String,
    /// The driftredovisning's total.
    pub operating: Amount,
    /// The reconciling items.
    pub items: Vec<ReconcilingItem>,
    /// Driftredovisningen + items.
    pub reconciled: Amount,
    /// E.g. "Resultaträkningen, årets resultat".
    pub target_label: String,
    /// The resultaträkning's figure (equal to `reconciled`).
    pub target: Amount,
}

impl ReconciliationResult {
    /// The reconciliation as a one-column [`Table`] (avstämning): the
    /// resultaträkning's figure is declared the sum of the driftredovisning's total and
    /// the items, so that rounding foots.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when two items have the same label.
    pub fn to_table(&self, caption: impl Into<String>, unit: Scale) -> Result<Table> {
        let rows = self.rows();
        let mut table = Table::new(
            caption,
            unit,
            vec![crate::present::Column::outcome("Belopp")],
        );
        let parts: Vec<String> = rows
            .rows
            .iter()
            .filter(|r| r.kind != StatementRowKind::Total)
            .map(|r| r.id.clone())
            .collect();
        for r in rows.rows {
            let sum_of = if r.kind == StatementRowKind::Total {
                parts.clone()
            } else {
                Vec::new()
            };
            table.push_row(
                crate::present::TableRow::new(
                    r.id,
                    r.label,
                    r.kind,
                    crate::present::ValueKind::Flow,
                    r.values,
                )
                .with_sum_of(sum_of),
            )?;
        }
        Ok(table)
    }

    /// The rows: the driftredovisning's total, each item, and the resultaträkning's
    /// figure as the total; one column "Belopp".
    #[must_use]
    pub fn rows(&self) -> ColumnRows {
        let line = |id: String, label: &str, kind, amount| ColumnRow {
            id,
            label: label.to_owned(),
            kind,
            depth: 0,
            values: vec![Some(amount)],
            note: None,
        };
        let mut rows = vec![line(
            "driftredovisning".into(),
            &self.operating_label,
            StatementRowKind::Line,
            self.operating,
        )];
        for item in &self.items {
            rows.push(line(
                format!("avstamning/{}", item.label),
                &item.label,
                StatementRowKind::Line,
                item.amount,
            ));
        }
        rows.push(line(
            "resultatrakning".into(),
            &self.target_label,
            StatementRowKind::Total,
            self.target,
        ));
        ColumnRows {
            columns: vec![StatementColumn {
                id: "belopp".into(),
                label: "Belopp".into(),
            }],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::tree::MAX_DEPTH;

    fn leaf(name: &str, budget: i64, revenue: i64, expenses: i64, forecast: i64) -> OperatingUnit {
        OperatingUnit::leaf(
            name,
            UnitFigures::new(Budget::new(Amount::tkr(budget)))
                .with_outcome(Amount::tkr(revenue), Amount::tkr(expenses))
                .with_forecast(Amount::tkr(forecast)),
        )
    }

    fn kommun() -> OperatingStatement {
        OperatingStatement::new(vec![
            OperatingUnit::group(
                "Kommunstyrelsen",
                vec![
                    leaf("Kansli", -10_000, 1_000, -10_500, -9_800),
                    leaf("IT", -5_000, 4_000, -9_500, -5_600),
                ],
            ),
            OperatingUnit::leaf(
                "Barn- och utbildningsnämnden",
                UnitFigures::new(
                    Budget::new(Amount::tkr(-200_000))
                        .with_change("Tilläggsanslag lärarlöner", Amount::tkr(-3_000)),
                )
                .with_outcome(Amount::tkr(20_000), Amount::tkr(-221_000))
                .with_forecast(Amount::tkr(-201_000)),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn groups_and_total_are_sums_of_leaves() {
        let d = kommun();
        let ks = d.unit_totals("Kommunstyrelsen").unwrap().unwrap();
        assert_eq!(ks.budget().unwrap(), Amount::tkr(-15_000));
        assert_eq!(ks.net().unwrap(), Some(Amount::tkr(-15_000)));
        assert_eq!(
            ks.outcome_deviation(OutcomeBasis::FullYear).unwrap(),
            Some(Amount::ZERO)
        );
        assert_eq!(ks.forecast_deviation().unwrap(), Some(Amount::tkr(-400)));
        let it = d.unit_totals("Kommunstyrelsen/IT").unwrap().unwrap();
        assert_eq!(it.net().unwrap(), Some(Amount::tkr(-5_500)));
        assert!(d.unit_totals("Kommunstyrelsen/Ekonomi").unwrap().is_none());
        let total = d.total().unwrap();
        assert_eq!(total.budget().unwrap(), Amount::tkr(-218_000));
        assert_eq!(total.budget_changes, Amount::tkr(-3_000));
        assert_eq!(total.net().unwrap(), Some(Amount::tkr(-216_000)));
        // Spending less than budget: positive.
        assert_eq!(
            total.outcome_deviation(OutcomeBasis::FullYear).unwrap(),
            Some(Amount::tkr(2_000))
        );
    }

    #[test]
    fn rows_put_groups_before_their_parts() {
        let d = kommun();
        let t = d.rows().unwrap();
        let ids: Vec<_> = t.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "Kommunstyrelsen",
                "Kommunstyrelsen/Kansli",
                "Kommunstyrelsen/IT",
                "Barn- och utbildningsnämnden",
                "totalt"
            ]
        );
        assert_eq!(t.rows[0].kind, StatementRowKind::Subtotal);
        assert_eq!(t.rows[1].depth, 1);
        assert_eq!(t.rows[4].kind, StatementRowKind::Total);
        let cols: Vec<_> = t.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            cols,
            [
                "intakter",
                "kostnader",
                "nettokostnad",
                "ursprunglig_budget",
                "anslagsforandringar",
                "budget",
                "avvikelse_utfall",
                "prognos",
                "avvikelse_prognos"
            ]
        );
        assert_eq!(t.value("totalt", "intakter"), Some(Amount::tkr(25_000)));
        assert_eq!(
            t.value("Barn- och utbildningsnämnden", "avvikelse_utfall"),
            Some(Amount::tkr(2_000))
        );
        let table = d.to_table("Driftredovisning", Scale::Tkr).unwrap();
        assert_eq!(
            table.rows[0].sum_of,
            ["Kommunstyrelsen/Kansli", "Kommunstyrelsen/IT"]
        );
        assert_eq!(
            table.rows[4].sum_of,
            ["Kommunstyrelsen", "Barn- och utbildningsnämnden"]
        );
        assert!(table.rows[1].sum_of.is_empty());
        assert_eq!(table.columns[8].kind, ColumnKind::Deviation);
        let changes = d.budget_changes();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].0, "Barn- och utbildningsnämnden");
    }

    #[test]
    fn interim_outcome_against_period_budget() {
        let d = OperatingStatement::new(vec![OperatingUnit::leaf(
            "Kundtjänst",
            UnitFigures::new(Budget::new(Amount::tkr(82)))
                .with_outcome(Amount::tkr(3_000), Amount::tkr(-2_900))
                .with_period_budget(Amount::tkr(41)),
        )])
        .unwrap()
        .with_outcome_basis(OutcomeBasis::Interim);
        let t = d.rows().unwrap();
        let cols: Vec<_> = t.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            cols,
            [
                "intakter",
                "kostnader",
                "nettokostnad",
                "budget",
                "budget_perioden",
                "avvikelse_utfall"
            ]
        );
        assert_eq!(t.value("totalt", "avvikelse_utfall"), Some(Amount::tkr(59)));
        // Without a period budget an interim outcome is not compared at all.
        let mut d2 = d.clone();
        if let crate::statement::UnitContent::Figures(f) = &mut d2.units[0].content {
            f.period_budget = None;
        }
        let cols = d2.columns().unwrap();
        assert!(!cols.contains(&OperatingColumn::OutcomeDeviation));
    }

    #[test]
    fn invalid_trees_are_refused() {
        let dup = OperatingStatement::new(vec![leaf("IT", 0, 0, 0, 0), leaf("IT", 0, 0, 0, 0)]);
        assert!(dup.unwrap_err().to_string().contains("\"IT\""));
        let empty = OperatingStatement::new(vec![leaf(" ", 0, 0, 0, 0)]);
        assert!(matches!(empty, Err(Error::InvalidRule(_))));
        let mut deep = leaf("x", 0, 0, 0, 0);
        for _ in 0..=MAX_DEPTH {
            deep = OperatingUnit::group("g", vec![deep]);
        }
        let err = OperatingStatement::new(vec![deep.clone()]).unwrap_err();
        assert!(err.to_string().contains("djupare"), "{err}");
        // Built around the constructor, the sums refuse too.
        let s = OperatingStatement {
            units: vec![deep],
            ..Default::default()
        };
        assert!(s.total().is_err());
        assert!(s.rows().is_err());
        // Same names in different branches are fine.
        OperatingStatement::new(vec![
            OperatingUnit::group("A", vec![leaf("IT", 0, 0, 0, 0)]),
            OperatingUnit::group("B", vec![leaf("IT", 0, 0, 0, 0)]),
        ])
        .unwrap();
    }

    #[test]
    fn reconciliation_to_the_income_statement() {
        let d = kommun();
        // Internal revenue and costs of 4 000 are eliminated; kapitalkostnader
        // (internal, 6 000 in the units' costs) are replaced by avskrivningar 5 000.
        let rs = IncomeStatement {
            operating_revenue: Amount::tkr(21_000),
            operating_expenses: Amount::tkr(-231_000),
            depreciation: Amount::tkr(-5_000),
            tax_revenue: Amount::tkr(180_000),
            general_grants: Amount::tkr(50_000),
            ..Default::default()
        };
        let revenue = OperatingReconciliation::new(
            ReconciledFigure::Revenue,
            IncomeFigure::Line(IncomeLine::OperatingRevenue),
        )
        .with_item("Interna poster som elimineras", Amount::tkr(-4_000));
        d.reconcile(&rs, &revenue).unwrap();
        let net = OperatingReconciliation::new(
            ReconciledFigure::Net,
            IncomeFigure::Sum(IncomeSum::OperatingResult),
        )
        .with_item("Kapitalkostnader", Amount::tkr(6_000))
        .with_item("Avskrivningar", Amount::tkr(-5_000))
        .with_item(
            "Skatteintäkter och generella statsbidrag",
            Amount::tkr(230_000),
        );
        let done = d.reconcile(&rs, &net).unwrap();
        assert_eq!(done.target, Amount::tkr(15_000));
        let rows = done.rows();
        assert_eq!(rows.rows.len(), 5);
        assert_eq!(rows.rows[4].values, [Some(Amount::tkr(15_000))]);
        let table = done.to_table("Avstämning", Scale::Tkr).unwrap();
        assert_eq!(table.rows[4].sum_of.len(), 4);
        assert_eq!(table.sum_differences().unwrap(), []);
        // Leave out an item: the error names the difference.
        let mut short = net.clone();
        short.items.pop();
        match d.reconcile(&rs, &short) {
            Err(Error::Mismatch {
                left,
                right,
                difference,
                ..
            }) => {
                assert_eq!(left, Amount::tkr(-215_000));
                assert_eq!(right, Amount::tkr(15_000));
                assert_eq!(difference, Amount::tkr(-230_000));
            }
            other => panic!("expected a mismatch, got {other:?}"),
        }
    }

    #[test]
    fn reconciliation_needs_an_outcome() {
        let d = OperatingStatement::new(vec![OperatingUnit::leaf(
            "IT",
            UnitFigures::new(Budget::new(Amount::tkr(760))),
        )])
        .unwrap();
        let rec = OperatingReconciliation::new(
            ReconciledFigure::Net,
            IncomeFigure::Sum(IncomeSum::ResultForTheYear),
        );
        let err = d
            .reconcile_to(&rec, "Periodens resultat", Amount::tkr(2_148))
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRule(_)));
    }
}
