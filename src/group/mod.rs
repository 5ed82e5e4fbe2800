//! Sammanställda räkenskaper: the kommunkoncern (LKBR 12 kap.).
//!
//! A kommun or region with a significant influence over companies, stiftelser,
//! handelsbolag or kommunalförbund presents a resultaträkning, balansräkning and
//! kassaflödesanalys for the kommunala koncernen beside its own. This module holds
//! the group ([`Group`]: the kommun's accounts, its [`GroupPart`]s with their
//! [`Holding`]s, the [`InternalTransaction`]s between them and the
//! [`AcquisitionAnalysis`]es), maps each company's ÅRL accounts
//! ([`CompanyIncomeStatement`], [`CompanyBalanceSheet`]) onto the LKBR lines
//! ([`CompanyMapping`], with obeskattade reserver split at the year's bolagsskatt,
//! [`CorporateTaxRates`]), consolidates ([`Group::consolidate`] →
//! [`Consolidation`]) and builds the tables ([`Consolidation::income_table`],
//! [`income_statement_table`]).
//!
//! ```text
//! Group ──validate──► effective shares (direct and indirect holdings)
//!   │  each included part: CompanyMapping (ÅRL → LKBR) × share  ─► Contribution
//!   │  internal items (both sides, MismatchRule) + förvärvsanalyser ─► Elimination
//!   ▼
//! Consolidation: GroupIncomeStatement · BalanceSheet · CashFlowStatement
//!   + findings (GroupFinding) + tables (present::Table) + key ratios (ratio)
//! ```
//!
//! # Example
//!
//! ```
//! use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
//! use kommunal_redovisning::group::*;
//!
//! let kommun_rs = IncomeStatement { tax_revenue: Amount::tkr(1_000), operating_expenses: Amount::tkr(-900), ..Default::default() };
//! let kommun_br = BalanceSheet { financial_fixed_assets: Amount::tkr(100), cash_and_bank: Amount::tkr(900),
//!     result_for_the_year: Amount::tkr(100), other_equity: Amount::tkr(900), ..Default::default() };
//! let bolag_rs = CompanyIncomeStatement { net_sales: Amount::tkr(500), other_external_costs: Amount::tkr(-450), ..Default::default() };
//! let bolag_br = CompanyBalanceSheet { cash_and_bank: Amount::tkr(300), share_capital: Amount::tkr(100),
//!     retained_earnings: Amount::tkr(150), result_for_the_year: Amount::tkr(50), ..Default::default() };
//! let mut g = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), kommun_rs, kommun_br);
//! g.parts.push(GroupPart::new("bolag", "Exempelbolaget AB", PartKind::Aktiebolag,
//!     vec![Holding::new(Owner::Kommun, Percent::HUNDRED)],
//!     PartAccounts::Company { income: bolag_rs, balance: bolag_br }));
//! g.acquisitions.push(AcquisitionAnalysis::new("bolag", Owner::Kommun, Amount::tkr(100), Amount::tkr(100)));
//! let c = g.consolidate()?;
//! assert_eq!(c.income.result_for_the_year(), Amount::tkr(150));
//! c.balance.validate()?;
//! assert_eq!(c.balance.total_assets(), Amount::tkr(1_200));
//! # Ok::<(), kommunal_redovisning::Error>(())
//! ```
//!
//! # Sources
//!
//! - LKBR 12 kap. 6 § (SFS 2018:1980): 5 kap. and 6 kap. apply to the sammanställda
//!   RS and BR, except 5 kap. 4 § and 6 kap. 4 § for the kommunala koncernföretag;
//!   4 kap. 6 § (specifications) applies [CONFIRMED,
//!   <https://open.karnovgroup.se/kommunalratt/SFS2018-1980>]. See [`pension`].
//! - LKBR chapter list with 12 kap. Sammanställda räkenskaper [CONFIRMED,
//!   <https://www4.skatteverket.se/rattsligvagledning/372664.html?date=2020-01-23&published=true>].
//! - RKR 8.2 Sammanställd redovisning (juni 2009): kommunalt koncernföretag,
//!   bestämmande inflytande at more than 50 % of the votes (dotterföretag), betydande
//!   inflytande at more than 20 % up to 50 % (intresseföretag) [CONFIRMED for RKR 8.2,
//!   <http://docplayer.se/7398966-Rekommendation-8-2-sammanstalld-redovisning-juni-2009.html>];
//!   its purpose "helhetssyn … organisationsneutral redovisning" as quoted in Balans
//!   fördjupning 2014 nr 4 [CONFIRMED,
//!   <https://faronline.se/dokument/balans-fordjupning/2010-tal/2014/nr-4/balans_fordjupning_2014_n04_a0003>].
//! - Klyvningsmetoden (a share of the assets, liabilities, revenue and costs by the
//!   ownership share) as ÅRL 7 kap. 30 § describes it [CONFIRMED, FAR Redovisa Rätt,
//!   <https://www.faronline.se/dokument/rattserien/redovisa-ratt/k/rr_klyvningsmetoden/>].
//! - Bolagsskatt 22 % / 21,4 % / 20,6 % (from 2021): see [`CorporateTaxRates`].
//! - Obeskattade reserver split into uppskjuten skatteskuld and eget kapital in a
//!   koncern [CONFIRMED as practice, AddLife ÅR 2020 not 24,
//!   <https://reports.add.life/arsredovisning-2020/finansiell-information/noter/?search-node=18627>].
//! - Kolada koncern key ratios N03110 (soliditet), N03034 (inkl. pensionsåtaganden),
//!   N03109 (kassalikviditet), and the rest of the catalogue through
//!   [`Consolidation::year_figures`] and [`crate::analysis`].
//!
//! # Open questions (settings with documented defaults)
//!
//! - **\[UNCONFIRMED\]** Whether the current RKR recommendation (R16 Sammanställda
//!   räkenskaper) keeps proportional consolidation as the method for kommuner, or
//!   allows or requires full consolidation: [`ConsolidationSettings::method`], default
//!   proportional (RKR 8.2's method).
//! - **\[UNCONFIRMED\]** R16's materiality thresholds for leaving a part out: not a
//!   computed rule here; a part is left out by [`Inclusion::LeftOut`] with the reason
//!   written, and the reason is printed.
//! - **\[UNCONFIRMED\]** The influence thresholds under the current rules:
//!   [`ConsolidationSettings::influence_threshold`] (20 %) and
//!   [`ConsolidationSettings::control_threshold`] (50 %).
//! - **\[UNCONFIRMED\]** Which side's amount is eliminated when the parties report an
//!   internal item differently: [`ConsolidationSettings::mismatch_rule`], default the
//!   first party (creditor, seller, receiver); the difference is always a finding.
//! - **\[UNCONFIRMED\]** The share at which an internal item between two partly owned
//!   parts is eliminated under proportional consolidation: the lower of the two
//!   parties' shares (fixed; the kommun's share is 100 %).
//! - **\[UNCONFIRMED\]** The wording of LKBR 12 kap. 1–5 §§ (when sammanställda
//!   räkenskaper are prepared, which koncernföretag they cover, what may be left
//!   out); only 12 kap. 6 § was read in the law text.
//! - **\[UNCONFIRMED\]** What 5 kap. 4 § and 6 kap. 4 § say (read as the blandmodell
//!   pension rules): [`pension`].
//! - Not modelled: depreciation of övervärden after acquisition (give the remaining
//!   övervärden at the balance date), elimination of the kommun's borgen for its own
//!   companies (memo lines are summed at the parties' shares), internal cash flows in
//!   the kassaflödesanalys (the lines are the parties' at their shares; årets resultat
//!   differs from their sum by one adjustment line), currencies other than SEK
//!   (refused).

mod accounts;
mod acquisition;
mod analysis;
mod company;
mod consolidation;
mod elimination;
mod finding;
mod mapping;
mod part;
pub mod pension;
mod statement;
mod table;

pub use accounts::GroupAccounts;
pub use acquisition::{AcquisitionAnalysis, SurplusValue};
pub use analysis::TAX_IN_EXTRAORDINARY;
pub use company::{CompanyBalanceSheet, CompanyIncomeStatement};
pub use consolidation::{
    Consolidation, ConsolidationMethod, ConsolidationSettings, Contribution, Group,
};
pub use elimination::{
    Elimination, EliminationEntry, InternalKind, InternalTransaction, MismatchRule, Target,
};
pub use finding::GroupFinding;
pub use mapping::{CompanyMapping, CorporateTaxRates};
pub use part::{GroupPart, Holding, Inclusion, Owner, PartAccounts, PartKind};
pub use statement::{GroupIncomeStatement, MINORITY_ROW_ID, TAX_ROW_ID};
pub use table::{IncomeColumn, income_statement_table};
