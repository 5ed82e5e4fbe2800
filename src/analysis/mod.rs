//! Finansiell analys over years: the ratio catalogue as data, a multi-year series of
//! outcome, forecast, budget and plan years, the RK model's four perspectives as tables,
//! fem år i sammandrag, the budget with its flerårsplan and the balanskrav tested on it,
//! financial goals evaluated per year, and kontroll (prognossäkerhet, budgetföljsamhet).

mod catalogue;
mod compute;
mod control;
mod five_year;
mod goals;
mod plan;
mod rk;
mod series;
mod year;

pub use catalogue::{CATALOGUE, KOLADA_SOURCE, Perspective, RatioDefinition, RatioId, RatioUnit};
pub use compute::{
    NetCostShareDefinition, RatioContext, RatioFigure, RatioOptions, RatioValue,
    SelfFinancingDefinition, applies_to, compute_ratio,
};
pub use control::{BudgetAdherence, ForecastAccuracy, ForecastRound, RoundAccuracy, UnitDeviation};
pub use five_year::{
    FiveYearOverview, OVERVIEW_YEARS, OverviewCell, OverviewFinding, OverviewItem, OverviewValue,
    PrintedFigure, Source,
};
pub use goals::{FinancialGoal, GoalYear, goals_table};
pub use plan::{
    BudgetBalance, BudgetBalanceTest, FinancialPlan, PLAN_YEARS, PlanFinding, PlannedInvestment,
};
pub use rk::{FinancialAnalysis, UnavailableRatio};
pub use series::{Scope, Series};
pub use year::{Population, PopulationDate, YearFigures, YearKind, YearRef};
