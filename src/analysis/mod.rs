//! Finansiell analys over years (finansiell analys, flerårsöversikt, budget och plan).
//!
//! Every förvaltningsberättelse has a finansiell analys — most follow the RK model with
//! four perspectives: resultat, kapacitet, risk, kontroll — and a five-year overview
//! (fem år i sammandrag, LKBR 11 kap.); every budget covers the budget year and a plan
//! for the following years with the balanskrav and the financial goals of god
//! ekonomisk hushållning (kommunallagen 2017:725 11 kap.). This module makes that
//! analysis computable and checkable:
//!
//! - [`RatioId`] and [`CATALOGUE`]: the ratio catalogue as data — Swedish name, formula,
//!   unit, direction, RK [`Perspective`], Kolada ids ([`RatioDefinition`]).
//! - [`YearFigures`] (one year: utfall, prognos, budget or plan, with its statements,
//!   investments, [`Population`] at 31 december or 1 november, skattesats, employees,
//!   låneskuld) and [`Series`] (the years as columns; [`Scope`] says kommun or koncern —
//!   a koncern's sammanställda räkenskaper are ordinary statements).
//! - [`compute_ratio`] over a [`RatioContext`]: one ratio for one year, the entry point
//!   for checking printed key-ratio tables; [`Series::ratio`] finds the context itself
//!   (the year before, the budget and the forecast of the same year).
//! - [`Series::financial_analysis`]: the RK tables ([`FinancialAnalysis`]), each ratio
//!   that could not be computed listed with its reason ([`UnavailableRatio`]).
//! - [`FiveYearOverview`]: fem år i sammandrag, computed where it can be and given where
//!   not ([`Source`]), and [`FiveYearOverview::check_printed`] for printed overviews.
//! - [`FinancialPlan`]: budget and flerårsplan with the investment plan and the
//!   balanskrav tested on every year ([`BudgetBalanceTest`]).
//! - [`FinancialGoal`]: financial goals as targets of [`crate::goal`], evaluated per year
//!   or handed to [`crate::goal::evaluate`] as a målvärde.
//! - Kontroll: [`ForecastAccuracy`] (prognossäkerhet of each forecast round per unit and
//!   in total) and [`BudgetAdherence`] (budgetföljsamhet per unit and in total).
//!
//! # The catalogue
//!
//! Default formulas (definitions differ between municipalities: [`RatioOptions`]
//! chooses another for nettokostnadsandel and självfinansieringsgrad, and a value
//! computed so says it, [`RatioValue::default_definition`]). Direction: ↑ higher is
//! better, ↓ lower is better, – depends. Kolada ids (kommun / kommunkoncern) are given
//! only where a Kolada KPI list confirmed the id and its title ([`KOLADA_SOURCE`]);
//! Kolada's own formula texts were not available, so each definition's
//! [`RatioDefinition::kolada_note`] says what the title confirms.
//!
//! | Nyckeltal | Formula | Unit | | Kolada |
//! |---|---|---|---|---|
//! | Resultat före extraordinära poster i procent av skatteintäkter och generella statsbidrag | resultat efter finansiella poster / (skatteintäkter + generella statsbidrag och utjämning) | % | ↑ | N03001 / N03033 |
//! | Årets resultat i procent av skatteintäkter och generella statsbidrag | årets resultat / (skatteintäkter + generella statsbidrag och utjämning) | % | ↑ | N03102 / N03112 |
//! | Nettokostnadsandel | −(verksamhetens nettokostnader + finansnetto) / (skatteintäkter + generella statsbidrag och utjämning) | % | ↓ | N03100 / N03031 |
//! | Nettokostnadsandel, verksamhet | −(verksamhetens intäkter + verksamhetens kostnader) / (skatteintäkter + generella statsbidrag och utjämning) | % | ↓ | — / — |
//! | Nettokostnadsandel, avskrivningar | −avskrivningar / (skatteintäkter + generella statsbidrag och utjämning) | % | ↓ | — / — |
//! | Nettokostnadsandel, finansnetto | −finansnetto / (skatteintäkter + generella statsbidrag och utjämning) | % | ↓ | — / — |
//! | Skatteintäkternas och generella statsbidragens utveckling | (skatteintäkter + generella statsbidrag) / samma året före − 1 | % | ↑ | — / — |
//! | Nettokostnadernas utveckling | verksamhetens nettokostnader / samma året före − 1 | % | ↓ | — / — |
//! | Skillnad mellan skatteintäkternas och nettokostnadernas utveckling | skatteintäkternas utveckling − nettokostnadernas utveckling | p.e. | ↑ | — / — |
//! | Finansnettots andel av skatteintäkter och generella statsbidrag | (finansiella intäkter + finansiella kostnader) / (skatteintäkter + generella statsbidrag och utjämning) | % | ↑ | N03101 / N03032 |
//! | Soliditet | eget kapital / summa tillgångar | % | ↑ | N03106 / N03110 |
//! | Soliditet inklusive pensionsförpliktelser | (eget kapital − pensionsförpliktelser intjänade före 1998 inkl. särskild löneskatt) / summa tillgångar | % | ↑ | N03002 / N03034 |
//! | Skuldsättningsgrad | (avsättningar + skulder) / summa tillgångar | % | ↓ | — / — |
//! | Skuldsättningsgrad, avsättningar | avsättningar / summa tillgångar | % | ↓ | — / — |
//! | Skuldsättningsgrad, långfristiga skulder | långfristiga skulder / summa tillgångar | % | ↓ | — / — |
//! | Skuldsättningsgrad, kortfristiga skulder | kortfristiga skulder / summa tillgångar | % | ↓ | — / — |
//! | Självfinansieringsgrad av bruttoinvesteringar | (årets resultat + avskrivningar) / investeringsutgifter | % | ↑ | — / — |
//! | Självfinansieringsgrad av nettoinvesteringar | (årets resultat + avskrivningar) / nettoinvesteringar | % | ↑ | N03103 / — |
//! | Nettoinvesteringar i procent av skatteintäkter och generella statsbidrag | nettoinvesteringar / (skatteintäkter + generella statsbidrag och utjämning) | % | – | N03104 / — |
//! | Nettoinvesteringar i procent av avskrivningar | nettoinvesteringar / −avskrivningar | % | – | — / — |
//! | Kommunal skattesats | enligt fullmäktiges beslut (kr per 100 kr beskattningsbar förvärvsinkomst) | % | – | — / — |
//! | Kassalikviditet | (omsättningstillgångar − förråd) / kortfristiga skulder | % | ↑ | N03105 / N03109 |
//! | Finansiella nettotillgångar | finansiella anläggningstillgångar + omsättningstillgångar − avsättningar − skulder | kr | ↑ | — / — |
//! | Pensionsförpliktelser totalt inkl. löneskatt | avsättningar för pensioner + pensionsförpliktelser intjänade före 1998 (ansvarsförbindelse), båda inkl. särskild löneskatt | kr | ↓ | — / — |
//! | Borgensåtagande per invånare | borgensförbindelser / invånare | kr/inv. | ↓ | — / — |
//! | Verksamhetens nettokostnader per invånare | −verksamhetens nettokostnader / invånare | kr/inv. | ↓ | N03011 / N03058 |
//! | Skatteintäkter och generella statsbidrag per invånare | (skatteintäkter + generella statsbidrag och utjämning) / invånare | kr/inv. | ↑ | — / N03060 |
//! | Årets resultat per invånare | årets resultat / invånare | kr/inv. | ↑ | N03007 / N03035 |
//! | Nettoinvesteringar per invånare | nettoinvesteringar / invånare | kr/inv. | – | N03132 / — |
//! | Eget kapital per invånare | eget kapital / invånare | kr/inv. | ↑ | N03036 / N03038 |
//! | Låneskuld per invånare | låneskuld (enligt uppgift, annars långfristiga skulder) / invånare | kr/inv. | ↓ | N03144 / — |
//! | Pensionsförpliktelser totalt per invånare | pensionsförpliktelser totalt inkl. löneskatt / invånare | kr/inv. | ↓ | — / — |
//! | Budgetavvikelse årets resultat | årets resultat, utfall − budget | kr | ↑ | — / — |
//! | Budgetavvikelse verksamhetens nettokostnader | verksamhetens nettokostnader, utfall − budget (positivt: lägre kostnader) | kr | ↑ | — / — |
//! | Budgetföljsamhet, nettokostnader | (nettokostnader utfall − budget) / \|budget\| | % | ↑ | — / — |
//! | Prognosavvikelse årets resultat | årets resultat, utfall − prognos | kr | ↑ | — / — |
//! | Prognossäkerhet, nettokostnader | (nettokostnader utfall − prognos) / \|utfall\| | % | – | — / — |
//!
//! Signs as published: costs are negative in the resultaträkning, so the
//! nettokostnadsandel negates them; a development rate is this year / the year before
//! − 1 (a nettokostnad going from −853 to −872 grows by 2,2 %); a budget or forecast
//! deviation is utfall − budget (positive is better).
//!
//! # Bad input
//!
//! A ratio that cannot be computed — a zero denominator, a missing year, balansräkning
//! or population, a population of zero — is [`crate::Error::RatioUnavailable`] naming
//! the ratio and the year; it is never a zero.
//!
//! # Example
//!
//! ```
//! use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, NumberFormat, RoundingMode, Scale};
//! use kommunal_redovisning::analysis::{Perspective, RatioFigure, RatioId, RatioOptions, Scope, Series, YearFigures, YearKind};
//!
//! // Hallsberg 2019 (mnkr): utfall 2018 and 2019, budget 2019.
//! let rs = |rev, exp, dep, tax, grants, fi, fc| IncomeStatement {
//!     operating_revenue: Amount::mnkr(rev), operating_expenses: Amount::mnkr(exp),
//!     depreciation: Amount::mnkr(dep), tax_revenue: Amount::mnkr(tax),
//!     general_grants: Amount::mnkr(grants), financial_income: Amount::mnkr(fi),
//!     financial_expenses: Amount::mnkr(fc), ..Default::default()
//! };
//! let series = Series::new(Scope::Entity, vec![
//!     YearFigures::new(FinancialYear::new(2018), YearKind::Outcome, rs(522, -1_344, -31, 683, 203, 4, -8)),
//!     YearFigures::new(FinancialYear::new(2019), YearKind::Budget, rs(300, -1_149, -35, 705, 204, 1, -11)),
//!     YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs(269, -1_116, -25, 705, 212, 3, -6)),
//! ])?;
//! let options = RatioOptions::default();
//! let dev = series.ratio(RatioId::BudgetDeviationResult, FinancialYear::new(2019), YearKind::Outcome, &options)?;
//! assert_eq!(dev.value, RatioFigure::Amount(Amount::mnkr(27))); // as printed
//! let fa = series.financial_analysis(&options, Scale::Mnkr)?;
//! let text = fa.table(Perspective::Result).map(|t| t.to_text(&NumberFormat::swedish()));
//! assert!(text.is_some_and(|t| t.contains("Nettokostnadernas utveckling")));
//! # Ok::<(), kommunal_redovisning::Error>(())
//! ```

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
