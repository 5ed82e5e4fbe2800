//! # kommunal-redovisning
//!
//! Swedish municipal accounting as a Rust library: the statements a kommun, region or
//! kommunalförbund must publish under lag (2018:597) om kommunal bokföring och
//! redovisning (LKBR), kommunallagen (2017:725) 11 kap. and the recommendations of
//! Rådet för kommunal redovisning (RKR) — built from exact decimal money, checked the
//! way a revisor would check them, and presented in Swedish format.
//!
//! ## Overview
//!
//! - [`Amount`]: exact kronor on `rust_decimal`; constructors from kr, tkr and mnkr;
//!   checked arithmetic that returns [`Error::Overflow`] instead of panicking; serde as
//!   a canonical string (`"-1234567.50"`), never a float.
//! - [`Percent`], [`Scale`], [`RoundingMode`]: exact percentages, the tkr/mnkr
//!   presentation scale, and explicit rounding (half away from zero by default).
//! - [`FinancialYear`] and [`Period`]: the räkenskapsår is the calendar year; a
//!   delårsrapport period runs from 1 January over half to two thirds of the year.
//! - [`Entity`]: name, [`OrganisationNumber`] (validated), [`EntityKind`].
//! - [`IncomeStatement`] (resultaträkning) and [`BalanceSheet`] (balansräkning): only
//!   posts are stored, every subtotal is derived; the balance sheet validates that it
//!   balances; [`statement::check_result_agrees`] and [`EquityReconciliation`] check
//!   across statements.
//! - [`analysis`]: the finansiell analys over years — the ratio catalogue as data
//!   (formulas, Kolada ids), a [`analysis::Series`] of outcome, forecast, budget and plan
//!   years, the RK model's tables, fem år i sammandrag, the budget with its flerårsplan
//!   and balanskrav, financial goals per year, prognossäkerhet and budgetföljsamhet.
//! - [`ratio`]: soliditet, soliditet inklusive pensionsförpliktelser,
//!   skuldsättningsgrad, kassalikviditet and balanslikviditet, with formulas and Kolada
//!   ids, on a full balance sheet or on just the figures a report gives.
//! - [`balanced_budget`]: the balanskravsutredning ([`BalancedBudgetStatement`], on an
//!   outcome or a forecast), the reserve limits by year ([`ReserveRules`]: 1 %/2 %, the
//!   5 % cap on the resultatreserv from 2024) and the multi-year record of deficits to
//!   restore within three years ([`DeficitRecord`]).
//! - [`statement`] also holds the budget follow-up: [`OperatingStatement`]
//!   (driftredovisning, any depth of units, budget with anslagsförändringar, forecast,
//!   deviations, reconciliation to the resultaträkning), [`InvestmentStatement`]
//!   (investeringsredovisning with investeringsram and beräknad totalutgift),
//!   [`CashFlowStatement`] (kassaflödesanalys) and budget/forecast columns on a
//!   resultaträkning.
//! - [`goal`]: måluppfyllelse — målområden, mål and målvärden with eight kinds of
//!   target, validated assessment scales (gaps and overlaps reported precisely) and
//!   named aggregation rules.
//! - [`sick_leave`]: the statutory sjukfrånvaro disclosure (seven ratios, the
//!   ten-person rule, comparison with the year before, checks of published tables).
//! - [`sie`]: a tolerant, diagnostic, fast SIE 4 reader and writer (depends on nothing
//!   else in the crate); [`ledger`]: trial balance, the Kommun-Bas chart as data, and
//!   statements and driftredovisning straight from a ledger.
//! - [`group`]: sammanställda räkenskaper for the kommunkoncern (LKBR 12 kap.):
//!   parts and holdings, companies' ÅRL accounts mapped onto the LKBR lines,
//!   proportional or full consolidation with eliminations listed with both sides,
//!   the koncern's statements, consolidation tables and findings.
//! - [`note`]: noter as data (LKBR 9 kap.) — anläggningstillgångar (RKR R3/R4),
//!   pensions with the ansvarsförbindelse and särskild löneskatt by year (RKR R10),
//!   långfristiga skulder, borgen with Kommuninvest, skatteintäkter, utjämning,
//!   departures from RKR and generic specifications — each checked, tied to the
//!   statement row that refers to it, and buildable from a ledger.
//! - [`report`]: the delårsrapport and årsredovisning as a whole, with completeness and
//!   consistency checks and rendering to Markdown, HTML and JSON; [`check`]: checks of
//!   statements as printed by others (rounding told apart from errors).
//! - [`present`]: [`NumberFormat`] (`−1 234 567`, `23,3 %` with non-breaking spaces
//!   and a true minus sign, or a machine form for CSV), [`Table`] with presentation
//!   rounding that foots, and text, Markdown, CSV and HTML renderers.
//!
//! ## Quick start
//!
//! ```
//! use kommunal_redovisning::{Amount, EquityReconciliation, NumberFormat, ratio};
//!
//! // Kommunalförbundet Lystkom, delårsrapport januari–juni 2025 (tkr).
//! let eget_kapital = Amount::tkr(8_521);
//! let tillgangar = Amount::tkr(36_631);
//! let soliditet = ratio::equity_ratio(eget_kapital, tillgangar)?;
//! assert_eq!(NumberFormat::swedish().with_decimals(1).percent(soliditet), "23,3\u{a0}%");
//!
//! // Periodens resultat 2 148 tkr explains the change in eget kapital since 2024-12-31.
//! EquityReconciliation::new(Amount::tkr(6_373), Amount::tkr(2_148), eget_kapital).check()?;
//! # Ok::<(), kommunal_redovisning::Error>(())
//! ```
//!
//! ## Data flow
//!
//! ```text
//! SIE 4 bytes ──► sie::Reader ──► records + diagnostics
//!    │                  │  (for SieLedger in summing mode: plain voucher rows are summed
//!    │                  │   inside the reader, every diagnostic kept; ledger::ParallelLedger
//!    │                  │   reads stretches of the bytes on several threads, merged exactly;
//!    │                  │   sie::ParallelReader hands on typed records so, in file order)
//!    └─► sie::sum_transactions(_parallel) ──► sie::Totals (sums only, no diagnostics)
//!                       ▼
//!        ledger::SieLedger / TrialBalance (per account, object, month; outcome, budget)
//!                       │  ledger::Chart (account → line; Kommun-Bas default, JSON)
//!                       ▼  LedgerStatements::build, LedgerOperating::build,
//!                          note::LedgerNotes::build (note::NoteChart)
//! hand / JSON ────► statements: IncomeStatement, BalanceSheet, CashFlowStatement,
//!                       OperatingStatement (drift, prognos), InvestmentStatement
//!                       + note::Note (schedules tied to their lines, note::tie)
//!                       │  (subtotals derived, validate(), cross-statement checks)
//!                       │
//!                       │  group::Group (kommun + koncernföretag, ÅRL accounts mapped
//!                       │  onto LKBR lines) ──consolidate()──► group::Consolidation
//!                       │  (eliminations, koncern RS/BR/KF) ──► report GroupAccounts
//!                       ▼
//!        ratio::KeyRatios · BalancedBudgetStatement · goal::evaluate · sick_leave
//!        analysis::Series (years) ─► RK tables · fem år i sammandrag · FinancialPlan
//!                       │
//!                       ▼  assembled into the typed parts of a report
//!        report::InterimReport (delårsrapport) / report::AnnualReport (årsredovisning)
//!          GoalsPart · ForecastPart · SickLeavePart · KeyFigures · statements · Notes
//!          · text Sections · Stated figures (given only in the text) · AbsentPart
//!                       │
//!          ├─► check_completeness() ─► Vec<report::ReportFinding>  (missing parts + sources)
//!          ├─► check_consistency()  ─► Vec<report::ReportFinding>  (figures that appear twice,
//!          │                            goal criteria gaps; reuses the parts' checks)
//!          └─► document() ─► report::Document ─► to_markdown() / to_html(); serde ─► JSON
//!                       │
//!                       ▼
//!        present: Table (to_text / to_markdown / to_csv / to_html), NumberFormat
//! ```
//!
//! Each arrow is a plain function or constructor over owned data; there is no global
//! state and no I/O in the library.
//!
//! ## Sign conventions
//!
//! Signs as published: in a resultaträkning revenues are positive and costs negative;
//! in a balansräkning assets, equity, provisions and liabilities are positive. A budget
//! deviation is outcome (or forecast) − budget, so positive is better for a result line.
//!
//! ## Glossary (svenska ↔ English ↔ this crate)
//!
//! | Svenska | English | Here |
//! |---|---|---|
//! | belopp, kronor, tkr, mnkr | amount, thousands/millions of kronor | [`Amount`], [`Scale`] |
//! | räkenskapsår | financial year (= calendar year) | [`FinancialYear`] |
//! | delårsrapport, delårsperiod | interim report, interim period | [`Period::check_interim`] |
//! | delårsrapport (hela rapporten) | interim report as a whole | [`report::InterimReport`] |
//! | årsredovisning | annual report | [`report::AnnualReport`] |
//! | not, noter | note, notes to the statements | [`note::Note`], [`note::tie`] |
//! | anläggningstillgångar, nyttjandeperiod | fixed assets, useful life | [`note::FixedAssetSchedule`], [`note::UsefulLife`] |
//! | pensionsavsättning, ansvarsförbindelse, återlånade medel | pension provision, contingent pension liability, reloaned funds | [`note::PensionProvisionSchedule`], [`note::PensionSummary`] |
//! | särskild löneskatt | special payroll tax on pensions | [`note::PayrollTaxRates`] |
//! | borgensförbindelser, Kommuninvest | guarantees | [`note::GuaranteeSchedule`], [`note::KommuninvestShare`] |
//! | granskning: fullständighet, överensstämmelse | completeness and consistency checks | [`report::InterimReport::check_completeness`], [`report::InterimReport::check_consistency`] |
//! | kommun, region, kommunalförbund | municipality, region, federation of municipalities | [`EntityKind`] |
//! | organisationsnummer | organisation number | [`OrganisationNumber`] |
//! | resultaträkning | income statement | [`IncomeStatement`] |
//! | verksamhetens nettokostnader | net operating costs | [`IncomeStatement::net_operating_costs`] |
//! | årets resultat | result for the year | [`IncomeStatement::result_for_the_year`] |
//! | balansräkning | balance sheet | [`BalanceSheet`] |
//! | anläggningstillgångar, omsättningstillgångar | fixed assets, current assets | [`BalanceSheet::fixed_assets`], [`BalanceSheet::current_assets`] |
//! | eget kapital, avsättningar, skulder | equity, provisions, liabilities | [`BalanceSheet::equity`] … |
//! | resultatutjämningsreserv / resultatreserv | result equalisation reserve | [`BalanceSheet::result_reserve`] |
//! | ansvarsförbindelse, pensionsförpliktelser före 1998 | contingent liability, pension commitments earned before 1998 | [`BalanceSheet::pension_commitments_before_1998`] |
//! | särskild löneskatt | special payroll tax on pensions (24,26 %) | [`statement::SPECIAL_PAYROLL_TAX_RATE`] |
//! | soliditet | equity ratio | [`ratio::equity_ratio`] |
//! | skuldsättningsgrad | debt ratio | [`ratio::debt_ratio`] |
//! | kassalikviditet, balanslikviditet | quick ratio, current ratio | [`ratio::quick_ratio`], [`ratio::current_ratio`] |
//! | finansiell analys, RK-modellen (resultat, kapacitet, risk, kontroll) | financial analysis, its four perspectives | [`analysis::Series::financial_analysis`], [`analysis::Perspective`] |
//! | nyckeltal, nettokostnadsandel, självfinansieringsgrad | key ratio, net cost share, self-financing ratio | [`analysis::RatioId`], [`analysis::compute_ratio`] |
//! | fem år i sammandrag | five-year overview | [`analysis::FiveYearOverview`] |
//! | budget, flerårsplan, investeringsplan | budget, multi-year plan, investment plan | [`analysis::FinancialPlan`] |
//! | finansiella mål | financial goals | [`analysis::FinancialGoal`] |
//! | prognossäkerhet, budgetföljsamhet | forecast accuracy, budget adherence | [`analysis::ForecastAccuracy`], [`analysis::BudgetAdherence`] |
//! | folkmängd 31 december / 1 november | population at a date | [`analysis::Population`] |
//! | förändring av eget kapital | equity movement | [`EquityReconciliation`] |
//! | notreferens | note reference | [`statement::StatementRow::note`] |
//! | varav | of which | [`statement::DetailKind::OfWhich`] |
//! | sjukfrånvaro, sjukfrånvaroredovisning | sick leave, the statutory sick-leave disclosure | [`SickLeaveData::disclose`], [`SickLeaveDisclosure`] |
//! | sammanlagd ordinarie arbetstid | combined ordinary working time | [`SickLeaveRecord::ordinary_hours`] |
//! | långtidssjukfrånvaro (60 dagar eller mer) | long-term sick leave, share of sick time | [`sick_leave::SickLeaveMeasure::LongTermShare`] |
//! | kvinnor, män; 29 år eller yngre, 30–49 år, 50 år eller äldre | gender; age bands | [`Gender`], [`AgeBand`] |
//! | uppgift lämnas inte (högst tio anställda) | withheld (ten or fewer employees) | [`sick_leave::SickLeaveFigure::Withheld`], [`sick_leave::WithheldReason`] |
//! | tryckt tabell | published table of percentages | [`PublishedSickLeaveTable`] |
//! | balanskravsutredning, balanskravsresultat | balanced-budget statement and result | [`BalancedBudgetStatement`] |
//! | årets resultat efter balanskravsjusteringar | result after balanced-budget adjustments | [`BalancedBudgetStatement::adjusted_result`] |
//! | balanskravsjustering, realisationsvinster | balanced-budget adjustment, realised gains | [`balanced_budget::Adjustment`] |
//! | utfall, prognos | outcome, forecast | [`ResultBasis`] |
//! | synnerliga skäl | exceptional reasons | [`balanced_budget::ExceptionalReason`] |
//! | reservering till / användning av resultatreserv, resultatutjämningsreserv | reservation to / use of the reserve | [`ReserveRules`], [`ReserveContext`], [`balanced_budget::ReserveLimit`] |
//! | balanskravsunderskott, återställande, åtgärdsplan | deficit, restoration, action plan | [`DeficitRecord`], [`balanced_budget::Deficit`], [`balanced_budget::ActionPlan`] |
//! | målområde, mål, målvärde | goal area, goal, target value | [`GoalArea`], [`Goal`], [`TargetValue`] |
//! | måluppfyllelse | degree of achievement | [`goal::Achievement`], [`TargetKind::achievement`] |
//! | bedömningsskala, bedömningskriterier | assessment scale | [`AssessmentScale`], [`LevelSet`] |
//! | uppfyllt / delvis uppfyllt / inte uppfyllt / ej mätbart | met / partly met / not met / not measurable | [`LevelSet::three_level`] |
//! | lucka, överlappning (i kriterierna) | gap, overlap (in the criteria) | [`goal::Coverage`], [`GapPolicy`] |
//! | sammanvägning | aggregation rule | [`AggregationRule`] |
//! | angiven bedömning | stated assessment | [`goal::StatedAssessment`], [`goal::evaluate`] |
//! | tabell, kolumn, rad | table, column, row | [`Table`], [`present::Column`], [`present::TableRow`] |
//! | utfall, budget, prognos, avvikelse | outcome, budget, forecast, deviation | [`present::ColumnKind`] |
//! | flöde, ställning | flow, stock | [`present::ValueKind`] |
//! | driftredovisning | operating statement (by organisational unit) | [`OperatingStatement`] |
//! | nämnd, verksamhet, enhet | committee, activity, organisational unit | [`OperatingUnit`], [`statement::Unit`] |
//! | budget, anslag | budget, appropriation | [`Budget`] |
//! | anslagsförändring, tilläggsanslag, ombudgetering | budget change during the year | [`statement::BudgetChange`] |
//! | utfall, helårsprognos, avvikelse | outcome, full-year forecast, deviation | [`statement::UnitTotals`] |
//! | periodiserad budget | budget for the period | [`UnitFigures::period_budget`] |
//! | avstämning mot resultaträkningen, interna poster | reconciliation, internal items | [`statement::OperatingReconciliation`] |
//! | investeringsredovisning | investment statement | [`InvestmentStatement`] |
//! | nettoinvestering, investeringsinkomster (bidrag) | net investment, investment income | [`InvestmentFigures::net`] |
//! | investeringsram, beräknad totalutgift | investment frame, forecast cost to complete | [`MultiYearProject`] |
//! | resultaträkning med budget och prognos | income statement with budget and forecast | [`IncomeStatementFollowUp`] |
//! | kassaflödesanalys | cash-flow statement | [`CashFlowStatement`] |
//! | likvida medel | cash and cash equivalents | [`CashFlowStatement::opening_liquid_assets`] |
//! | rörelsekapital | working capital | [`CashFlowDerivation`] |
//! | sammanställda räkenskaper, kommunkoncern | consolidated accounts, municipal group | [`group::Group`], [`group::Consolidation`] |
//! | koncernföretag, ägarandel, röstandel | group company, ownership share, vote share | [`group::GroupPart`], [`group::Holding`] |
//! | eliminering, förvärvsanalys | elimination, acquisition analysis | [`group::Elimination`], [`group::AcquisitionAnalysis`] |
//! | obeskattade reserver, uppskjuten skatt | untaxed reserves, deferred tax | [`group::CompanyMapping::map`], [`group::CorporateTaxRates`] |
//! | avrundning, summering som stämmer | presentation rounding, footing (largest remainder) | [`present::Rounding`], [`Table::rounded`] |
//! | avrundningsdifferens | rounding difference | [`present::RoundingDifference`], [`check::DiscrepancyClass::Rounding`] |
//! | granskning av tryckt rapport | checking a published statement | [`check::check_report`], [`check::PrintedStatement`] |
//! | SIE-fil, post, verifikation, transaktion | SIE file, record, voucher, voucher row | [`sie::Reader`], [`sie::Record`], [`sie::Voucher`], [`sie::Row`] |
//! | ingående/utgående balans, periodsaldo, periodbudget | opening/closing balance, period balance, period budget | [`sie::Balance`], [`sie::PeriodAmount`] |
//! | objekt, dimension (ansvar, verksamhet, projekt) | object, dimension | [`sie::ObjectRef`] |
//!
//! ## Errors
//!
//! One umbrella [`Error`] for API misuse and rule violations that make a result
//! impossible; problems found in input that do not stop the work are returned as data.
//! Nothing in this crate panics on input.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every data type; amounts and
//!   percentages as canonical strings.

#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

pub mod analysis;
pub mod balanced_budget;
pub mod check;
mod entity;
mod error;
pub mod goal;
pub mod group;
pub mod ledger;
pub mod money;
pub mod note;
mod period;
pub mod present;
pub mod ratio;
pub mod report;
pub mod sick_leave;
pub mod sie;
pub mod statement;

/// The benchmark's generated municipal ledger, for the unit tests.
#[cfg(test)]
#[path = "../benches/sie_gen.rs"]
mod sie_gen;

pub use balanced_budget::{
    BalancedBudgetStatement, DeficitRecord, ReserveBase, ReserveContext, ReserveRules, ResultBasis,
};
pub use entity::{Entity, EntityKind, OrganisationNumber};
pub use error::{Error, Result, SwedishError};
pub use goal::{
    AggregationRule, AssessmentScale, GapPolicy, Goal, GoalArea, LevelSet, TargetKind, TargetValue,
};
pub use money::{Amount, Percent, RoundingMode, Scale, SwedishAmount};

/// The exact decimal type behind [`Amount`] and [`Percent`], re-exported so that a user
/// needs no direct dependency on `rust_decimal` (`kommunal_redovisning::Decimal`).
pub use rust_decimal::Decimal;

/// The calendar date type used for periods and balance dates, re-exported so that a
/// user needs no direct dependency on `chrono` (`kommunal_redovisning::NaiveDate`).
pub use chrono::NaiveDate;
pub use period::{FinancialYear, Period};
pub use present::{MinusSign, NumberFormat, Table};
pub use sick_leave::{
    AgeBand, Gender, PublishedSickLeaveTable, SickLeaveData, SickLeaveDisclosure, SickLeaveRecord,
    SickLeaveReport,
};
pub use statement::{BalanceSheet, EquityReconciliation, IncomeStatement};
pub use statement::{
    Budget, CashFlowDerivation, CashFlowStatement, IncomeStatementFollowUp, InvestmentFigures,
    InvestmentProject, InvestmentStatement, MultiYearProject, OperatingStatement, OperatingUnit,
    UnitFigures,
};

/// The README's code examples, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
