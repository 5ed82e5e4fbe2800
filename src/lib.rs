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
//! - [`ratio`]: soliditet, soliditet inklusive pensionsförpliktelser,
//!   skuldsättningsgrad, kassalikviditet and balanslikviditet, with formulas and Kolada
//!   ids, on a full balance sheet or on just the figures a report gives.
//! - [`NumberFormat`]: `−1 234 567`, `23,3 %` with non-breaking spaces and a true minus
//!   sign, or a machine form for CSV.
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
//! hand / JSON ──► statements: IncomeStatement, BalanceSheet
//!                       │  (subtotals derived, validate(), cross-statement checks)
//!                       ▼
//!                 ratio::KeyRatios (soliditet, likviditet …)
//!                       │
//!                       ▼
//!        present: NumberFormat (Swedish or machine) ──► text
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
//! | förändring av eget kapital | equity movement | [`EquityReconciliation`] |
//! | notreferens | note reference | [`statement::StatementRow::note`] |
//! | varav | of which | [`statement::DetailKind::OfWhich`] |
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

mod entity;
mod error;
pub mod ledger;
pub mod money;
mod period;
pub mod present;
pub mod ratio;
pub mod report;
pub mod sie;
pub mod statement;

pub use entity::{Entity, EntityKind, OrganisationNumber};
pub use error::{Error, Result};
pub use money::{Amount, Percent, RoundingMode, Scale};
pub use period::{FinancialYear, Period};
pub use present::{MinusSign, NumberFormat};
pub use statement::{BalanceSheet, EquityReconciliation, IncomeStatement};
