//! Balanskrav: the balanskravsutredning, the reserves (resultatutjämningsreserv up to
//! 2023, resultatreserv from 2024) with their limits, and the multi-year record of
//! deficits to restore (kommunallagen 2017:725 11 kap.; LKBR 11 kap. 10 §).
//!
//! Every årsredovisning and every delårsrapport shows the balanskravsresultat; in a
//! delårsrapport it is assessed on the full-year forecast (RKR R17). The pieces:
//!
//! - [`BalancedBudgetStatement`] — the balanskravsutredning: årets resultat, the
//!   adjustments ([`Adjustment`]), the derived *årets resultat efter
//!   balanskravsjusteringar*, reservation to and use of the reserve, optional rows for
//!   synnerliga skäl ([`ExceptionalReason`]), the derived *årets balanskravsresultat*,
//!   and optionally the restoration of earlier deficits. It says whether it was built
//!   from an outcome or a forecast ([`ResultBasis`]) and renders as
//!   [`StatementRow`]s ([`BalancedBudgetStatement::rows`]).
//! - [`ReserveRules`], [`ReserveBase`], [`ReserveContext`], [`ReserveLimit`] — the
//!   reserve limits as data, chosen by financial year.
//! - [`DeficitRecord`] — deficits by year of origin, restorations per year, decisions
//!   not to restore, åtgärdsplaner, and what is overdue ([`DeficitFinding`]).
//!
//! # Sign conventions (enforced)
//!
//! Every row is entered with the sign it is printed with, as Göteborgs Stad
//! (årsredovisning 2019, balanskravsresultat, 2017–2019) and Malmö stad (årsredovisning
//! 2015, balanskrav, 2013–2015) print them. A row entered with the wrong sign is
//! [`Error::WrongSign`], naming the row and its convention.
//!
//! | Row | Sign |
//! |---|---|
//! | Årets resultat | ± as in the resultaträkning |
//! | Avgår samtliga realisationsvinster | − (deduction) |
//! | Vissa realisationsvinster enligt undantagsmöjlighet | + (added back; logic, sign unconfirmed) |
//! | Vissa realisationsförluster enligt undantagsmöjlighet | + (added back; logic, sign unconfirmed) |
//! | Orealiserade förluster i värdepapper (to 2018) | + (added back) |
//! | Orealiserade vinster och förluster i värdepapper (from 2019, LKBR) | ± (gains deducted, losses added back) |
//! | Återföring av orealiserade förluster i värdepapper | − (deduction) |
//! | = Årets resultat efter balanskravsjusteringar | sum of the rows above |
//! | Reservering till resultatutjämningsreserv / resultatreserv | − |
//! | Användning av resultatutjämningsreserv / resultatreserv | + |
//! | Synnerliga skäl (each with its motivation) | + |
//! | = Årets balanskravsresultat | sum of the subtotal and the rows above |
//! | Balanskravsunderskott från tidigare år (optional) | − |
//! | = Balanskravsresultat efter återställande | sum |
//! | Balanskravsresultat att återställa | + (memo: the part of the sum below zero) |
//!
//! So `efter balanskravsjusteringar = årets resultat + Σ justeringar` and
//! `balanskravsresultat = efter balanskravsjusteringar + reservering + användning +
//! Σ synnerliga skäl`, each row with its own sign.
//!
//! # Reserve limits (KL 11 kap. 14 §, prop. 2022/23:119)
//!
//! A reservation may be at most the **lower** of the part of årets resultat and the
//! part of årets resultat efter balanskravsjusteringar that exceeds **1 %** of
//! skatteintäkter + generella statsbidrag och utjämning, or **2 %** of that sum when eget
//! kapital including the ansvarsförbindelse for pensions is negative. From 2024 the
//! resultatreserv in total may be at most **5 %** of the same sum; a
//! resultatutjämningsreserv kept from before 2024 is outside that cap. Using a reserve
//! requires a stated reason (the conditions are the kommun's own riktlinjer).
//!
//! # Open questions
//!
//! - **Kommunalförbund** have no skatteintäkter or generella statsbidrag, so the base of
//!   the 1 %/2 %/5 % limits does not exist for them. How förbund apply the limits (with
//!   medlemsbidrag as base, or not at all) is unconfirmed: KL 11 kap. does not say, and no published förbund report we found states it.
//!   Here the base must be given explicitly ([`ReserveBase::Given`], naming its
//!   source, e.g. the förbund's riktlinjer); without it a reservation is refused with
//!   [`Error::Refused`] saying why.
//! - The signs of the two *undantagsmöjlighet* rows follow the logic of the rule
//!   (they put back what the first row took away, or neutralise a loss), not a
//!   confirmed source.
//! - Synnerliga skäl rows are placed before årets balanskravsresultat as Malmö 2013
//!   prints them ("synnerligt skäl RIPS").
//! - The paragraph numbers in KL 2017:725 for synnerliga skäl and for the resultatreserv
//!   after 2024, and the transition rule for an existing RUR, are unconfirmed.
//!
//! # Example: Göteborg 2017 (mnkr)
//!
//! ```
//! use kommunal_redovisning::balanced_budget::{
//!     Adjustment, BalancedBudgetStatement, ResultBasis, ReserveBase, ReserveContext, ReserveRules,
//! };
//! use kommunal_redovisning::{Amount, FinancialYear};
//!
//! let year = FinancialYear::new(2017);
//! let mut bk = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::mnkr(2_128));
//! bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-824))?;
//! assert_eq!(bk.adjusted_result(), Amount::mnkr(1_304));
//!
//! // Göteborg reserves the part above 1 % of skatteintäkter + utjämning; the printed
//! // 304 mnkr left after the reservation is that 1 % (so the base is 30 400 mnkr).
//! let context = ReserveContext::new(
//!     ReserveRules::for_year(year)?,
//!     ReserveBase::TaxRevenueAndGrants(Amount::mnkr(30_400)),
//! );
//! bk.reserve(Amount::mnkr(-1_000), context)?;
//! assert_eq!(bk.balanced_budget_result(), Amount::mnkr(304));
//! assert!(bk.is_met());
//!
//! // A deduction entered as positive is refused, saying so.
//! let err = bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(824)).unwrap_err();
//! assert!(err.to_string().contains("deduction"));
//! # Ok::<(), kommunal_redovisning::Error>(())
//! ```

use std::fmt;

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::money::{Amount, Percent};
use crate::period::FinancialYear;
use crate::statement::{BalanceSheet, IncomeStatement, Labels, StatementRow, StatementRowKind};
use rust_decimal::Decimal;

/// The first financial year with a resultatutjämningsreserv (SFS 2012:800).
pub const FIRST_EQUALISATION_RESERVE_YEAR: FinancialYear = FinancialYear::new(2013);

/// The first financial year with a resultatreserv instead of a resultatutjämningsreserv
/// (prop. 2022/23:119, in force 1 January 2024).
pub const FIRST_RESULT_RESERVE_YEAR: FinancialYear = FinancialYear::new(2024);

/// The number of years after the year of origin within which a negative
/// balanskravsresultat must be restored (KL 11 kap. 12 §).
pub const RESTORATION_YEARS: i32 = 3;

/// What a balanskravsutredning is built from (underlag): the outcome of the year in an
/// årsredovisning, or the full-year forecast in a delårsrapport (RKR R17).
///
/// ```
/// use kommunal_redovisning::balanced_budget::ResultBasis;
/// assert_eq!(ResultBasis::Forecast.label(), "prognos för helåret");
/// assert_eq!(ResultBasis::Forecast.report(), "delårsrapport");
/// assert_eq!(ResultBasis::Outcome.to_string(), "utfall");
/// ```
#[doc(alias = "utfall")]
#[doc(alias = "prognos")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ResultBasis {
    /// Utfall: the year's outcome (årsredovisning).
    Outcome,
    /// Prognos: the full-year forecast (delårsrapport).
    Forecast,
}

impl ResultBasis {
    /// The Swedish name: "utfall" or "prognos för helåret".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ResultBasis::Outcome => "utfall",
            ResultBasis::Forecast => "prognos för helåret",
        }
    }

    /// The report it belongs to: "årsredovisning" or "delårsrapport".
    #[must_use]
    pub fn report(self) -> &'static str {
        match self {
            ResultBasis::Outcome => "årsredovisning",
            ResultBasis::Forecast => "delårsrapport",
        }
    }
}

impl fmt::Display for ResultBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The sign convention of a row (teckenregel), enforced when an amount is entered.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::balanced_budget::SignRule;
/// assert!(SignRule::NonPositive.allows(Amount::tkr(-340)));
/// assert!(SignRule::NonPositive.check("Avgår realisationsvinster", Amount::tkr(340)).is_err());
/// ```
#[doc(alias = "teckenregel")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SignRule {
    /// Zero or positive: an addition.
    NonNegative,
    /// Zero or negative: a deduction.
    NonPositive,
    /// Either sign.
    Either,
}

impl SignRule {
    /// `true` when `amount` has an allowed sign.
    #[must_use]
    pub fn allows(self, amount: Amount) -> bool {
        match self {
            SignRule::NonNegative => !amount.is_negative(),
            SignRule::NonPositive => amount.is_negative() || amount.is_zero(),
            SignRule::Either => true,
        }
    }

    /// The convention in words, as used in error messages.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            SignRule::NonNegative => "an addition, entered as zero or positive (+)",
            SignRule::NonPositive => "a deduction, entered as zero or negative (−)",
            SignRule::Either => "entered with its own sign (±)",
        }
    }

    /// Checks `amount` against the rule for the row labelled `row`.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] naming the row, the convention and the amount.
    pub fn check(self, row: &str, amount: Amount) -> Result<()> {
        if self.allows(amount) {
            Ok(())
        } else {
            Err(Error::WrongSign {
                row: row.to_owned(),
                expected: self.describe(),
                amount,
            })
        }
    }
}

/// A balanskravsjustering: a row between årets resultat and årets resultat efter
/// balanskravsjusteringar (LKBR 11 kap. 10 §; rows as Göteborg 2019 and Malmö 2015 print them).
///
/// ```
/// use kommunal_redovisning::balanced_budget::{Adjustment, BalancedBudgetStatement, ResultBasis};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// // Göteborg 2019 (mnkr): 1 504 − 785 realisationsvinster = 719.
/// let mut bk = BalancedBudgetStatement::from_result(FinancialYear::new(2019), ResultBasis::Outcome, Amount::mnkr(1_504));
/// bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-785))?;
/// assert_eq!(bk.adjusted_result(), Amount::mnkr(719));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskravsjustering")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Adjustment {
    /// Avgår samtliga realisationsvinster (−).
    AllRealisedGains,
    /// Vissa realisationsvinster enligt undantagsmöjlighet (+).
    ExemptRealisedGains,
    /// Vissa realisationsförluster enligt undantagsmöjlighet (+).
    ExemptRealisedLosses,
    /// Orealiserade förluster i värdepapper (+; to 2018), orealiserade vinster och
    /// förluster i värdepapper (±; from 2019 under LKBR, gains deducted and losses added
    /// back).
    UnrealisedSecurities,
    /// Återföring av orealiserade förluster i värdepapper (−).
    ReversalOfUnrealisedLosses,
}

impl Adjustment {
    /// All adjustments in the order they are printed.
    pub const ALL: [Adjustment; 5] = [
        Adjustment::AllRealisedGains,
        Adjustment::ExemptRealisedGains,
        Adjustment::ExemptRealisedLosses,
        Adjustment::UnrealisedSecurities,
        Adjustment::ReversalOfUnrealisedLosses,
    ];

    /// The stable id used for row ids and label overrides.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Adjustment::AllRealisedGains => "samtliga_realisationsvinster",
            Adjustment::ExemptRealisedGains => "realisationsvinster_undantag",
            Adjustment::ExemptRealisedLosses => "realisationsforluster_undantag",
            Adjustment::UnrealisedSecurities => "orealiserade_vardepapper",
            Adjustment::ReversalOfUnrealisedLosses => "aterforing_orealiserade_forluster",
        }
    }

    /// The Swedish label as printed in `year` (the securities row reads "Orealiserade
    /// vinster och förluster i värdepapper" from 2019, when LKBR took effect).
    #[must_use]
    pub fn label(self, year: FinancialYear) -> &'static str {
        match self {
            Adjustment::AllRealisedGains => "Avgår samtliga realisationsvinster",
            Adjustment::ExemptRealisedGains => {
                "Vissa realisationsvinster enligt undantagsmöjlighet"
            }
            Adjustment::ExemptRealisedLosses => {
                "Vissa realisationsförluster enligt undantagsmöjlighet"
            }
            Adjustment::UnrealisedSecurities if year.year() >= 2019 => {
                "Orealiserade vinster och förluster i värdepapper"
            }
            Adjustment::UnrealisedSecurities => "Orealiserade förluster i värdepapper",
            Adjustment::ReversalOfUnrealisedLosses => {
                "Återföring av orealiserade förluster i värdepapper"
            }
        }
    }

    /// The sign convention in `year` (see the module docs).
    #[must_use]
    pub fn sign(self, year: FinancialYear) -> SignRule {
        match self {
            Adjustment::AllRealisedGains | Adjustment::ReversalOfUnrealisedLosses => {
                SignRule::NonPositive
            }
            Adjustment::ExemptRealisedGains | Adjustment::ExemptRealisedLosses => {
                SignRule::NonNegative
            }
            Adjustment::UnrealisedSecurities if year.year() >= 2019 => SignRule::Either,
            Adjustment::UnrealisedSecurities => SignRule::NonNegative,
        }
    }
}

/// The adjustment rows by name (so that serialized statements are self-describing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
struct Adjustments {
    all_realised_gains: Amount,
    exempt_realised_gains: Amount,
    exempt_realised_losses: Amount,
    unrealised_securities: Amount,
    reversal_of_unrealised_losses: Amount,
}

impl Adjustments {
    fn get(&self, adj: Adjustment) -> Amount {
        match adj {
            Adjustment::AllRealisedGains => self.all_realised_gains,
            Adjustment::ExemptRealisedGains => self.exempt_realised_gains,
            Adjustment::ExemptRealisedLosses => self.exempt_realised_losses,
            Adjustment::UnrealisedSecurities => self.unrealised_securities,
            Adjustment::ReversalOfUnrealisedLosses => self.reversal_of_unrealised_losses,
        }
    }

    fn get_mut(&mut self, adj: Adjustment) -> &mut Amount {
        match adj {
            Adjustment::AllRealisedGains => &mut self.all_realised_gains,
            Adjustment::ExemptRealisedGains => &mut self.exempt_realised_gains,
            Adjustment::ExemptRealisedLosses => &mut self.exempt_realised_losses,
            Adjustment::UnrealisedSecurities => &mut self.unrealised_securities,
            Adjustment::ReversalOfUnrealisedLosses => &mut self.reversal_of_unrealised_losses,
        }
    }
}

/// Which reserve the law provides in a year: resultatutjämningsreserv (RUR, 2013–2023,
/// KL 11 kap. 14 §) or resultatreserv (from 2024, prop. 2022/23:119).
///
/// ```
/// use kommunal_redovisning::FinancialYear;
/// use kommunal_redovisning::balanced_budget::ReserveKind;
/// assert_eq!(ReserveKind::for_year(FinancialYear::new(2023)), ReserveKind::EqualisationReserve);
/// assert_eq!(ReserveKind::for_year(FinancialYear::new(2024)).name(), "resultatreserv");
/// ```
#[doc(alias = "resultatutjämningsreserv")]
#[doc(alias = "resultatreserv")]
#[doc(alias = "RUR")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReserveKind {
    /// Resultatutjämningsreserv (RUR), up to 2023.
    EqualisationReserve,
    /// Resultatreserv, from 2024.
    ResultReserve,
}

impl ReserveKind {
    /// The reserve of `year`: RUR up to 2023, resultatreserv from 2024.
    #[must_use]
    pub fn for_year(year: FinancialYear) -> Self {
        if year < FIRST_RESULT_RESERVE_YEAR {
            ReserveKind::EqualisationReserve
        } else {
            ReserveKind::ResultReserve
        }
    }

    /// The Swedish name in lower case, e.g. "resultatreserv".
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ReserveKind::EqualisationReserve => "resultatutjämningsreserv",
            ReserveKind::ResultReserve => "resultatreserv",
        }
    }

    /// The label of the reservation row. The post-2024 wording is plausible but
    /// unconfirmed (prop. 2022/23:119 introduces the resultatreserv from 2024 without fixing the row label); override it with [`Labels`].
    #[must_use]
    pub fn reservation_label(self) -> &'static str {
        match self {
            ReserveKind::EqualisationReserve => "Reservering till resultatutjämningsreserv",
            ReserveKind::ResultReserve => "Reservering till resultatreserv",
        }
    }

    /// The label of the use row.
    #[must_use]
    pub fn use_label(self) -> &'static str {
        match self {
            ReserveKind::EqualisationReserve => "Användning av resultatutjämningsreserv",
            ReserveKind::ResultReserve => "Användning av resultatreserv",
        }
    }
}

/// The reserve rules of a financial year (regler för reservering), as data.
///
/// Defaults by year ([`ReserveRules::for_year`]): 1 % of skatteintäkter + generella
/// statsbidrag och utjämning, 2 % when eget kapital including the pension
/// ansvarsförbindelse is negative (KL 11 kap. 14 §); from 2024 a cap of 5 % of the same
/// base on the resultatreserv in total (prop. 2022/23:119). A kommun's own riktlinjer
/// may be stricter: [`restore_deficits_first`](Self::restore_deficits_first) deducts
/// earlier deficits from the limit, as Malmö did in 2015.
///
/// ```
/// use kommunal_redovisning::balanced_budget::{ReserveKind, ReserveRules};
/// use kommunal_redovisning::FinancialYear;
///
/// let rur = ReserveRules::for_year(FinancialYear::new(2023))?;
/// assert_eq!(rur.kind, ReserveKind::EqualisationReserve);
/// assert_eq!(rur.cap, None);
/// let rer = ReserveRules::for_year(FinancialYear::new(2024))?;
/// assert_eq!(rer.cap.map(|c| c.to_string()), Some("5".to_owned()));
/// assert!(ReserveRules::for_year(FinancialYear::new(2012)).is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "reserveringsregler")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReserveRules {
    /// Which reserve (must match the financial year).
    pub kind: ReserveKind,
    /// The share of the base that årets resultat must exceed: 1 %.
    pub threshold: Percent,
    /// The share when eget kapital including the pension ansvarsförbindelse is
    /// negative: 2 %.
    pub threshold_negative_equity: Percent,
    /// The cap on the reserve in total as a share of the base: 5 % for the
    /// resultatreserv; none for the RUR (a kommun's riktlinjer may set one).
    pub cap: Option<Percent>,
    /// A local riktlinje: deduct earlier deficits still to restore from the limit
    /// (Malmö 2015: 540 − 162 − 193 = 185 Mkr). Default `false`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub restore_deficits_first: bool,
}

impl ReserveRules {
    /// The statutory rules of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] for a year before 2013, when there was no
    /// resultatutjämningsreserv.
    pub fn for_year(year: FinancialYear) -> Result<Self> {
        if year < FIRST_EQUALISATION_RESERVE_YEAR {
            return Err(no_reserve_before_2013(year));
        }
        let kind = ReserveKind::for_year(year);
        Ok(ReserveRules {
            kind,
            threshold: Percent::new(Decimal::ONE),
            threshold_negative_equity: Percent::new(Decimal::TWO),
            cap: match kind {
                ReserveKind::EqualisationReserve => None,
                ReserveKind::ResultReserve => Some(Percent::new(Decimal::from(5))),
            },
            restore_deficits_first: false,
        })
    }

    /// The same rules with the local riktlinje that earlier deficits are restored
    /// before anything is reserved.
    #[must_use]
    pub fn with_restore_deficits_first(mut self, yes: bool) -> Self {
        self.restore_deficits_first = yes;
        self
    }

    /// Checks the rules for `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when a percentage is outside 0–100 %, the negative-equity
    /// threshold is below the ordinary one, a resultatreserv has no cap or the kind does
    /// not match the year; [`Error::Refused`] for a year before 2013.
    pub fn validate(&self, year: FinancialYear) -> Result<()> {
        if year < FIRST_EQUALISATION_RESERVE_YEAR {
            return Err(no_reserve_before_2013(year));
        }
        let expected = ReserveKind::for_year(year);
        if self.kind != expected {
            return Err(Error::InvalidRule(format!(
                "reserve rules for a {} used in {year}, when the reserve is a {}",
                self.kind.name(),
                expected.name()
            )));
        }
        let in_range = |p: Percent| p >= Percent::ZERO && p <= Percent::HUNDRED;
        for (name, p) in [
            ("threshold", self.threshold),
            ("threshold_negative_equity", self.threshold_negative_equity),
        ] {
            if !in_range(p) {
                return Err(Error::InvalidRule(format!(
                    "reserve rule {name} is {p} %, outside 0–100 %"
                )));
            }
        }
        if self.threshold_negative_equity < self.threshold {
            return Err(Error::InvalidRule(format!(
                "reserve rule threshold_negative_equity {} % is below threshold {} %; \
                 negative equity must not make reserving easier",
                self.threshold_negative_equity, self.threshold
            )));
        }
        match (self.kind, self.cap) {
            (ReserveKind::ResultReserve, None) => Err(Error::InvalidRule(
                "a resultatreserv has a cap in law (5 % from 2024); cap is missing".into(),
            )),
            (_, Some(cap)) if !in_range(cap) => Err(Error::InvalidRule(format!(
                "reserve cap is {cap} %, outside 0–100 %"
            ))),
            _ => Ok(()),
        }
    }
}

fn no_reserve_before_2013(year: FinancialYear) -> Error {
    Error::Refused {
        what: format!("reserve rules for {year}"),
        reason: "there is no resultatutjämningsreserv before 2013 (introduced by SFS 2012:800)"
            .into(),
    }
}

/// The base of the reserve limits (underlag): skatteintäkter + generella statsbidrag och
/// utjämning for a kommun or region; for a kommunalförbund, which has neither, a base
/// given explicitly or none (see the open question in the module docs).
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::balanced_budget::ReserveBase;
/// let base = ReserveBase::Given { amount: Amount::tkr(68_700), source: "medlemsbidrag (påhittat)".into() };
/// assert_eq!(base.amount(), Some(Amount::tkr(68_700)));
/// assert_eq!(ReserveBase::Missing.amount(), None);
/// ```
#[doc(alias = "skatteintäkter och generella statsbidrag")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum ReserveBase {
    /// Skatteintäkter + generella statsbidrag och utjämning (kommun, region).
    TaxRevenueAndGrants(Amount),
    /// A base given explicitly, naming its source (a kommunalförbund: the förbund's
    /// riktlinjer decide, e.g. medlemsbidrag).
    Given {
        /// The base.
        amount: Amount,
        /// Where it comes from, e.g. "medlemsbidrag enligt förbundets riktlinjer".
        source: String,
    },
    /// No base: a reservation is refused.
    Missing,
}

impl ReserveBase {
    /// The base from a resultaträkning: skatteintäkter + generella statsbidrag och
    /// utjämning for a kommun or region, [`ReserveBase::Missing`] for a kommunalförbund.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::ReserveBase;
    /// use kommunal_redovisning::{Amount, EntityKind, IncomeStatement};
    ///
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552), ..Default::default() };
    /// assert_eq!(ReserveBase::from_income_statement(EntityKind::Kommun, &rs)?.amount(), Some(Amount::tkr(344_322)));
    /// assert_eq!(ReserveBase::from_income_statement(EntityKind::Kommunalforbund, &rs)?, ReserveBase::Missing);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn from_income_statement(kind: EntityKind, income: &IncomeStatement) -> Result<Self> {
        if kind.has_tax_revenue() {
            Ok(ReserveBase::TaxRevenueAndGrants(
                income.tax_revenue.checked_add(income.general_grants)?,
            ))
        } else {
            Ok(ReserveBase::Missing)
        }
    }

    /// The base amount, `None` when missing.
    #[must_use]
    pub fn amount(&self) -> Option<Amount> {
        match self {
            ReserveBase::TaxRevenueAndGrants(a) | ReserveBase::Given { amount: a, .. } => Some(*a),
            ReserveBase::Missing => None,
        }
    }

    /// What the base is, in Swedish.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            ReserveBase::TaxRevenueAndGrants(_) => {
                "skatteintäkter och generella statsbidrag och utjämning".into()
            }
            ReserveBase::Given { source, .. } => source.clone(),
            ReserveBase::Missing => "inget underlag".into(),
        }
    }

    fn validate(&self) -> Result<()> {
        match self {
            ReserveBase::TaxRevenueAndGrants(a) | ReserveBase::Given { amount: a, .. }
                if a.is_negative() =>
            {
                Err(Error::InvalidRule(format!(
                    "the base of the reserve limits ({}) is negative: {a}",
                    self.describe()
                )))
            }
            ReserveBase::Given { source, .. } if source.trim().is_empty() => {
                Err(Error::InvalidRule(
                    "a given base of the reserve limits must name its source".into(),
                ))
            }
            _ => Ok(()),
        }
    }
}

/// `true` when eget kapital including the ansvarsförbindelse for pensions earned before
/// 1998 (with särskild löneskatt) is negative: then the reserve threshold is 2 %
/// instead of 1 % (KL 11 kap. 14 §).
///
/// # Errors
///
/// [`Error::Overflow`].
///
/// ```
/// use kommunal_redovisning::balanced_budget::equity_including_pensions_is_negative;
/// use kommunal_redovisning::Amount;
///
/// assert!(equity_including_pensions_is_negative(Amount::tkr(100), Amount::tkr(150))?);
/// assert!(!equity_including_pensions_is_negative(Amount::tkr(100), Amount::tkr(100))?);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "negativt eget kapital inklusive ansvarsförbindelse")]
pub fn equity_including_pensions_is_negative(
    equity: Amount,
    pension_commitments_including_tax: Amount,
) -> Result<bool> {
    Ok(equity
        .checked_sub(pension_commitments_including_tax)?
        .is_negative())
}

/// Everything a reservation's limit depends on, kept with the reservation so that the
/// balanskravsutredning can check itself (underlag för reservering).
#[doc(alias = "underlag för reservering")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReserveContext {
    /// The rules of the year.
    pub rules: ReserveRules,
    /// The base of the percentages.
    pub base: ReserveBase,
    /// Eget kapital including the pension ansvarsförbindelse is negative (2 % instead
    /// of 1 %); see [`equity_including_pensions_is_negative`].
    #[cfg_attr(feature = "serde", serde(default))]
    pub negative_equity_including_pensions: bool,
    /// The balance of the reserve that counts against the cap, before this year's
    /// reservation (from 2024: the resultatreserv). Zero or positive.
    #[cfg_attr(feature = "serde", serde(default))]
    pub reserve_balance: Amount,
    /// A resultatutjämningsreserv kept from before 2024: outside the 5 % cap, shown
    /// for completeness and never counted. Zero or positive.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kept_equalisation_reserve: Amount,
}

impl ReserveContext {
    /// A context with non-negative equity and empty reserves.
    #[must_use]
    pub fn new(rules: ReserveRules, base: ReserveBase) -> Self {
        ReserveContext {
            rules,
            base,
            negative_equity_including_pensions: false,
            reserve_balance: Amount::ZERO,
            kept_equalisation_reserve: Amount::ZERO,
        }
    }

    /// The same context with eget kapital including the pension ansvarsförbindelse
    /// negative (or not).
    #[must_use]
    pub fn with_negative_equity(mut self, negative: bool) -> Self {
        self.negative_equity_including_pensions = negative;
        self
    }

    /// The same context with eget kapital including the pension ansvarsförbindelse
    /// taken from a balansräkning (eget kapital − pensionsförpliktelser intjänade före
    /// 1998).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn with_equity_from(mut self, balance: &BalanceSheet) -> Result<Self> {
        self.negative_equity_including_pensions = equity_including_pensions_is_negative(
            balance.equity(),
            balance.pension_commitments_before_1998,
        )?;
        Ok(self)
    }

    /// The same context with the reserve balances before the year: the balance that
    /// counts against the cap, and an RUR kept from before 2024 that does not.
    #[must_use]
    pub fn with_balances(
        mut self,
        reserve_balance: Amount,
        kept_equalisation_reserve: Amount,
    ) -> Self {
        self.reserve_balance = reserve_balance;
        self.kept_equalisation_reserve = kept_equalisation_reserve;
        self
    }

    /// Checks the context for `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for invalid rules, a negative base or balance, a given
    /// base without source; [`Error::Refused`] for a year before 2013.
    pub fn validate(&self, year: FinancialYear) -> Result<()> {
        self.rules.validate(year)?;
        self.base.validate()?;
        for (name, a) in [
            ("reserve_balance", self.reserve_balance),
            ("kept_equalisation_reserve", self.kept_equalisation_reserve),
        ] {
            if a.is_negative() {
                return Err(Error::InvalidRule(format!(
                    "reserve balance {name} is negative: {a}"
                )));
            }
        }
        Ok(())
    }

    /// The limit of a reservation in `year`, given årets resultat, årets resultat efter
    /// balanskravsjusteringar and the earlier deficits still to restore (as printed,
    /// zero or negative; used only with [`ReserveRules::restore_deficits_first`]).
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] when the base is missing (a kommunalförbund without a base in
    /// its riktlinjer) or the year is before 2013; [`Error::InvalidRule`] for an invalid
    /// context; [`Error::Overflow`].
    pub fn limit(
        &self,
        year: FinancialYear,
        result_for_the_year: Amount,
        adjusted_result: Amount,
        earlier_deficits: Amount,
    ) -> Result<ReserveLimit> {
        self.validate(year)?;
        let Some(base) = self.base.amount() else {
            return Err(Error::Refused {
                what: format!("reservering till {} {year}", self.rules.kind.name()),
                reason: "no base for the limit: a kommunalförbund has no skatteintäkter or \
                         generella statsbidrag och utjämning, so the 1 %/2 %/5 % limits of \
                         KL 11 kap. cannot be computed; give the base the förbund's riktlinjer \
                         decide (ReserveBase::Given) — how förbund apply the limits is an open \
                         question"
                    .into(),
            });
        };
        let threshold_percent = if self.negative_equity_including_pensions {
            self.rules.threshold_negative_equity
        } else {
            self.rules.threshold
        };
        let threshold = base.checked_mul(threshold_percent.to_fraction())?;
        let above_threshold_result = at_least_zero(result_for_the_year.checked_sub(threshold)?);
        let above_threshold_adjusted = at_least_zero(adjusted_result.checked_sub(threshold)?);
        let mut limit = above_threshold_result.min(above_threshold_adjusted);
        let deficits_deducted = if self.rules.restore_deficits_first {
            earlier_deficits.abs()
        } else {
            Amount::ZERO
        };
        limit = at_least_zero(limit.checked_sub(deficits_deducted)?);
        let cap = match self.rules.cap {
            Some(p) => Some(base.checked_mul(p.to_fraction())?),
            None => None,
        };
        let cap_room = match cap {
            Some(c) => Some(at_least_zero(c.checked_sub(self.reserve_balance)?)),
            None => None,
        };
        if let Some(room) = cap_room {
            limit = limit.min(room);
        }
        Ok(ReserveLimit {
            kind: self.rules.kind,
            base,
            base_label: self.base.describe(),
            threshold_percent,
            threshold,
            above_threshold_result,
            above_threshold_adjusted,
            deficits_deducted,
            cap,
            cap_room,
            limit,
        })
    }
}

fn at_least_zero(a: Amount) -> Amount {
    a.max(Amount::ZERO)
}

/// The computed limit of a reservation, with its parts (reserveringsutrymme).
#[doc(alias = "reserveringsutrymme")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReserveLimit {
    /// Which reserve.
    pub kind: ReserveKind,
    /// The base (skatteintäkter + generella statsbidrag och utjämning, or the given base).
    pub base: Amount,
    /// What the base is, in Swedish ([`ReserveBase::describe`]).
    pub base_label: String,
    /// 1 % or 2 %.
    pub threshold_percent: Percent,
    /// `base × threshold_percent`.
    pub threshold: Amount,
    /// The part of årets resultat above the threshold (zero or more).
    pub above_threshold_result: Amount,
    /// The part of årets resultat efter balanskravsjusteringar above the threshold.
    pub above_threshold_adjusted: Amount,
    /// Earlier deficits deducted under a local riktlinje (zero or more).
    pub deficits_deducted: Amount,
    /// The cap on the reserve in total (5 % of the base from 2024), if any.
    pub cap: Option<Amount>,
    /// What the cap leaves after the reserve balance, if there is a cap.
    pub cap_room: Option<Amount>,
    /// The limit: the lower part, less deducted deficits, at most the cap room.
    pub limit: Amount,
}

impl ReserveLimit {
    /// How the limit was computed, in words (used in error messages).
    #[must_use]
    pub fn describe(&self) -> String {
        let mut s = format!(
            "the lower of the parts of årets resultat ({}) and of årets resultat efter \
             balanskravsjusteringar ({}) above {} % of {} {} = {}",
            self.above_threshold_result,
            self.above_threshold_adjusted,
            self.threshold_percent,
            self.base_label,
            self.base,
            self.threshold
        );
        if !self.deficits_deducted.is_zero() {
            s.push_str(&format!(
                ", less earlier deficits {} (local riktlinje)",
                self.deficits_deducted
            ));
        }
        if let (Some(cap), Some(room)) = (self.cap, self.cap_room) {
            s.push_str(&format!(
                ", at most the room {room} under the cap {cap} on the {} in total",
                self.kind.name()
            ));
        }
        s
    }
}

/// A synnerliga skäl row: an amount not charged to the balanskravsresultat because of
/// synnerliga skäl, with the motivation (e.g. Malmö 2013 "synnerligt skäl RIPS").
/// Entered as zero or positive.
#[doc(alias = "synnerliga skäl")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExceptionalReason {
    /// The amount (+).
    pub amount: Amount,
    /// Why: the motivation fullmäktige gave.
    pub motivation: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct StatementData {
    year: FinancialYear,
    basis: ResultBasis,
    result_for_the_year: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    adjustments: Adjustments,
    #[cfg_attr(feature = "serde", serde(default))]
    reservation: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    reserve_context: Option<ReserveContext>,
    #[cfg_attr(feature = "serde", serde(default))]
    reserve_use: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    reserve_use_reason: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    exceptional: Vec<ExceptionalReason>,
    #[cfg_attr(feature = "serde", serde(default))]
    earlier_deficits: Option<Amount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Derived {
    adjusted: Amount,
    result: Amount,
    limit: Option<Amount>,
    after_restoration: Option<Amount>,
}

impl StatementData {
    fn derive(&self) -> Result<Derived> {
        let adjusted = Amount::checked_sum(
            std::iter::once(self.result_for_the_year)
                .chain(Adjustment::ALL.map(|a| self.adjustments.get(a))),
        )?;
        let result = Amount::checked_sum(
            [adjusted, self.reservation, self.reserve_use]
                .into_iter()
                .chain(self.exceptional.iter().map(|e| e.amount)),
        )?;
        let after_restoration = match self.earlier_deficits {
            Some(d) => Some(result.checked_add(d)?),
            None => None,
        };
        Ok(Derived {
            adjusted,
            result,
            limit: None,
            after_restoration,
        })
    }

    fn validate(&self) -> Result<Derived> {
        let year = self.year;
        for adj in Adjustment::ALL {
            adj.sign(year)
                .check(adj.label(year), self.adjustment(adj))?;
        }
        let kind = ReserveKind::for_year(year);
        SignRule::NonPositive.check(kind.reservation_label(), self.reservation)?;
        SignRule::NonNegative.check(kind.use_label(), self.reserve_use)?;
        if !self.reserve_use.is_zero()
            && self
                .reserve_use_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            return Err(Error::Refused {
                what: format!("{} {}", kind.use_label().to_lowercase(), self.reserve_use),
                reason: "a use of the reserve requires a stated reason (for what and why, \
                         prop. 2022/23:119; the conditions are set in the riktlinjer för god \
                         ekonomisk hushållning)"
                    .into(),
            });
        }
        for e in &self.exceptional {
            SignRule::NonNegative.check("Synnerliga skäl", e.amount)?;
            if e.motivation.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("synnerliga skäl {}", e.amount),
                    reason: "a synnerliga skäl row requires its motivation".into(),
                });
            }
        }
        if let Some(d) = self.earlier_deficits {
            SignRule::NonPositive.check(EARLIER_DEFICITS_LABEL, d)?;
        }
        let mut derived = self.derive()?;
        if let Some(ctx) = &self.reserve_context {
            let what = format!("reservering till {} {year}", ctx.rules.kind.name());
            let limit = ctx.limit(
                year,
                self.result_for_the_year,
                derived.adjusted,
                self.earlier_deficits.unwrap_or(Amount::ZERO),
            );
            match limit {
                Ok(limit) => {
                    let requested = self.reservation.abs();
                    if requested > limit.limit {
                        return Err(Error::LimitExceeded {
                            what,
                            requested,
                            limit: limit.limit,
                            excess: requested.checked_sub(limit.limit)?,
                            basis: limit.describe(),
                        });
                    }
                    derived.limit = Some(limit.limit);
                }
                // A missing base only matters when something is reserved.
                Err(Error::Refused { .. }) if self.reservation.is_zero() => {}
                Err(e) => return Err(e),
            }
        } else if !self.reservation.is_zero() {
            return Err(Error::Refused {
                what: format!("reservering till {} {year}", kind.name()),
                reason: "a reservation needs its limit: give a ReserveContext (rules, base, \
                         equity, reserve balance)"
                    .into(),
            });
        }
        Ok(derived)
    }

    fn adjustment(&self, adj: Adjustment) -> Amount {
        self.adjustments.get(adj)
    }
}

const EARLIER_DEFICITS_LABEL: &str = "Balanskravsunderskott från tidigare år";

/// Balanskravsutredning (LKBR 11 kap. 10 §, KL 11 kap. 12–14 §§): årets resultat,
/// adjusted to årets resultat efter balanskravsjusteringar, then reserve movements and
/// synnerliga skäl to årets balanskravsresultat; optionally the restoration of earlier
/// deficits.
///
/// Only rows are stored; the subtotal and totals are derived. Every change is checked
/// (signs, reasons, the reservation limit) and refused as a whole if it breaks a rule,
/// so a statement cannot be built inconsistent; deserializing checks the same.
/// The statement says what it is built from ([`ResultBasis`]): outcome (årsredovisning) or
/// full-year forecast (delårsrapport).
///
/// # Example: Malmö 2013 (Mkr), synnerligt skäl
///
/// ```
/// use kommunal_redovisning::balanced_budget::{Adjustment, BalancedBudgetStatement, ResultBasis};
/// use kommunal_redovisning::{Amount, FinancialYear};
///
/// let mut bk = BalancedBudgetStatement::from_result(FinancialYear::new(2013), ResultBasis::Outcome, Amount::mnkr(154));
/// bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-33))?
///     .add_exceptional_reason(Amount::mnkr(106), "RIPS")?;
/// assert_eq!(bk.adjusted_result(), Amount::mnkr(121));
/// assert_eq!(bk.balanced_budget_result(), Amount::mnkr(227));
/// assert_eq!(bk.rows().last().map(|r| r.label.as_str()), Some("Årets balanskravsresultat"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskravsutredning")]
#[doc(alias = "balanskravsresultat")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalancedBudgetStatement {
    data: StatementData,
    derived: Derived,
}

impl BalancedBudgetStatement {
    /// A balanskravsutredning for `year` from a given årets resultat (or, for a
    /// delårsrapport, the forecast of it), without adjustments.
    #[must_use]
    pub fn from_result(
        year: FinancialYear,
        basis: ResultBasis,
        result_for_the_year: Amount,
    ) -> Self {
        BalancedBudgetStatement {
            data: StatementData {
                year,
                basis,
                result_for_the_year,
                adjustments: Adjustments::default(),
                reservation: Amount::ZERO,
                reserve_context: None,
                reserve_use: Amount::ZERO,
                reserve_use_reason: None,
                exceptional: Vec::new(),
                earlier_deficits: None,
            },
            derived: Derived {
                adjusted: result_for_the_year,
                result: result_for_the_year,
                limit: None,
                after_restoration: None,
            },
        }
    }

    /// A balanskravsutredning from årets resultat of a resultaträkning (for a
    /// forecast: the full-year forecast resultaträkning).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when årets resultat cannot be computed.
    pub fn from_income_statement(
        year: FinancialYear,
        basis: ResultBasis,
        income: &IncomeStatement,
    ) -> Result<Self> {
        Ok(Self::from_result(year, basis, income.result_for_the_year()))
    }

    fn update(&mut self, change: impl FnOnce(&mut StatementData)) -> Result<&mut Self> {
        let mut data = self.data.clone();
        change(&mut data);
        let derived = data.validate()?;
        self.data = data;
        self.derived = derived;
        Ok(self)
    }

    /// Sets a balanskravsjustering, entered with its printed sign.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] when the sign breaks the row's convention (e.g. a positive
    /// "avgår samtliga realisationsvinster"); [`Error::LimitExceeded`] when a
    /// reservation already made no longer fits; [`Error::Overflow`]. On error the
    /// statement is unchanged.
    pub fn set_adjustment(&mut self, adjustment: Adjustment, amount: Amount) -> Result<&mut Self> {
        self.update(|d| {
            *d.adjustments.get_mut(adjustment) = amount;
        })
    }

    /// Reserves to the resultatutjämningsreserv / resultatreserv: `amount` as printed
    /// (zero or negative), checked against the limit computed from `context`, which is
    /// kept with the statement. A zero amount only records the context (to show the
    /// limit).
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a positive amount; [`Error::LimitExceeded`] naming the
    /// limit, the excess and how the limit was computed; [`Error::Refused`] without a
    /// base (a kommunalförbund) or before 2013; [`Error::InvalidRule`] for an invalid
    /// context. On error the statement is unchanged.
    pub fn reserve(&mut self, amount: Amount, context: ReserveContext) -> Result<&mut Self> {
        self.update(|d| {
            d.reservation = amount;
            d.reserve_context = Some(context);
        })
    }

    /// Uses the reserve: `amount` as printed (zero or positive), with the stated
    /// reason (for what and why).
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a negative amount; [`Error::Refused`] when a non-zero
    /// use has no reason. On error the statement is unchanged.
    pub fn use_reserve(&mut self, amount: Amount, reason: impl Into<String>) -> Result<&mut Self> {
        let reason = reason.into();
        self.update(|d| {
            d.reserve_use = amount;
            d.reserve_use_reason = Some(reason).filter(|r| !r.trim().is_empty());
        })
    }

    /// Adds a synnerliga skäl row (zero or positive) with its motivation.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a negative amount; [`Error::Refused`] without a
    /// motivation. On error the statement is unchanged.
    pub fn add_exceptional_reason(
        &mut self,
        amount: Amount,
        motivation: impl Into<String>,
    ) -> Result<&mut Self> {
        let motivation = motivation.into();
        self.update(|d| {
            d.exceptional.push(ExceptionalReason { amount, motivation });
        })
    }

    /// Shows the restoration of earlier deficits: "Balanskravsunderskott från
    /// tidigare år" as printed (zero or negative), e.g. the negated
    /// [`DeficitRecord::outstanding_at_start_of`] the year.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a positive amount; [`Error::LimitExceeded`] when a
    /// reservation under a restore-deficits-first riktlinje no longer fits.
    pub fn set_earlier_deficits(&mut self, amount: Amount) -> Result<&mut Self> {
        self.update(|d| d.earlier_deficits = Some(amount))
    }

    /// Checks every rule again (what deserializing does).
    ///
    /// # Errors
    ///
    /// As the setters.
    pub fn validate(&self) -> Result<()> {
        self.data.validate().map(|_| ())
    }

    /// The financial year.
    #[must_use]
    pub fn year(&self) -> FinancialYear {
        self.data.year
    }

    /// Outcome or forecast.
    #[must_use]
    pub fn basis(&self) -> ResultBasis {
        self.data.basis
    }

    /// Which reserve the year has.
    #[must_use]
    pub fn reserve_kind(&self) -> ReserveKind {
        ReserveKind::for_year(self.data.year)
    }

    /// Årets resultat (±).
    #[must_use]
    pub fn result_for_the_year(&self) -> Amount {
        self.data.result_for_the_year
    }

    /// One balanskravsjustering, as entered.
    #[must_use]
    pub fn adjustment(&self, adjustment: Adjustment) -> Amount {
        self.data.adjustment(adjustment)
    }

    /// Reservering till the reserve (zero or negative).
    #[must_use]
    pub fn reservation(&self) -> Amount {
        self.data.reservation
    }

    /// The context of the reservation's limit, if given.
    #[must_use]
    pub fn reserve_context(&self) -> Option<&ReserveContext> {
        self.data.reserve_context.as_ref()
    }

    /// The limit of the reservation, when a context with a base was given.
    #[must_use]
    pub fn reserve_limit(&self) -> Option<Amount> {
        self.derived.limit
    }

    /// Användning av the reserve (zero or positive).
    #[must_use]
    pub fn reserve_use(&self) -> Amount {
        self.data.reserve_use
    }

    /// The stated reason for using the reserve.
    #[must_use]
    pub fn reserve_use_reason(&self) -> Option<&str> {
        self.data.reserve_use_reason.as_deref()
    }

    /// The synnerliga skäl rows.
    #[must_use]
    pub fn exceptional_reasons(&self) -> &[ExceptionalReason] {
        &self.data.exceptional
    }

    /// Balanskravsunderskott från tidigare år, if shown (zero or negative).
    #[must_use]
    pub fn earlier_deficits(&self) -> Option<Amount> {
        self.data.earlier_deficits
    }

    /// Årets resultat efter balanskravsjusteringar = årets resultat + Σ justeringar.
    #[doc(alias = "årets resultat efter balanskravsjusteringar")]
    #[must_use]
    pub fn adjusted_result(&self) -> Amount {
        self.derived.adjusted
    }

    /// Årets balanskravsresultat = efter balanskravsjusteringar + reservering +
    /// användning + Σ synnerliga skäl.
    #[doc(alias = "årets balanskravsresultat")]
    #[must_use]
    pub fn balanced_budget_result(&self) -> Amount {
        self.derived.result
    }

    /// `true` when the balanskrav is met: årets balanskravsresultat ≥ 0.
    #[must_use]
    pub fn is_met(&self) -> bool {
        !self.derived.result.is_negative()
    }

    /// Balanskravsresultat + earlier deficits, when they are shown.
    #[must_use]
    pub fn result_after_restoration(&self) -> Option<Amount> {
        self.derived.after_restoration
    }

    /// Balanskravsresultat att återställa: the part below zero of the result after
    /// restoration (or of the balanskravsresultat when no earlier deficits are shown),
    /// as a positive amount.
    #[must_use]
    pub fn to_restore(&self) -> Amount {
        let last = self
            .derived
            .after_restoration
            .unwrap_or(self.derived.result);
        if last.is_negative() {
            -last
        } else {
            Amount::ZERO
        }
    }

    /// A heading, e.g. "Balanskravsutredning 2025 (prognos för helåret, delårsrapport)".
    #[must_use]
    pub fn heading(&self) -> String {
        format!(
            "Balanskravsutredning {} ({}, {})",
            self.data.year,
            self.data.basis.label(),
            self.data.basis.report()
        )
    }

    /// The rows in printed order with the default Swedish labels: lines, the subtotal
    /// "Årets resultat efter balanskravsjusteringar" and the total "Årets
    /// balanskravsresultat"; with earlier deficits shown, also the restoration rows.
    /// Adjustment rows are kept when zero (the table layer may hide them).
    #[must_use]
    pub fn rows(&self) -> Vec<StatementRow> {
        self.rows_with_labels(&Labels::default())
    }

    /// The rows with label overrides by row id.
    #[must_use]
    pub fn rows_with_labels(&self, labels: &Labels) -> Vec<StatementRow> {
        let year = self.data.year;
        let kind = self.reserve_kind();
        let mut rows = Vec::with_capacity(14 + self.data.exceptional.len());
        let mut push = |id: &str, label: &str, kind: StatementRowKind, amount: Amount| {
            rows.push(StatementRow {
                id: id.to_owned(),
                label: labels.get(id, label).to_owned(),
                kind,
                depth: 0,
                amount: Some(amount),
                note: None,
            });
        };
        push(
            "arets_resultat",
            "Årets resultat",
            StatementRowKind::Line,
            self.data.result_for_the_year,
        );
        for adj in Adjustment::ALL {
            push(
                adj.id(),
                adj.label(year),
                StatementRowKind::Line,
                self.adjustment(adj),
            );
        }
        push(
            "resultat_efter_balanskravsjusteringar",
            "Årets resultat efter balanskravsjusteringar",
            StatementRowKind::Subtotal,
            self.derived.adjusted,
        );
        push(
            "reservering_till_reserv",
            kind.reservation_label(),
            StatementRowKind::Line,
            self.data.reservation,
        );
        push(
            "anvandning_av_reserv",
            kind.use_label(),
            StatementRowKind::Line,
            self.data.reserve_use,
        );
        for (i, e) in self.data.exceptional.iter().enumerate() {
            let id = format!("synnerliga_skal/{}", i.saturating_add(1));
            let label = format!("Synnerliga skäl: {}", e.motivation);
            push(&id, &label, StatementRowKind::Line, e.amount);
        }
        push(
            "balanskravsresultat",
            "Årets balanskravsresultat",
            StatementRowKind::Total,
            self.derived.result,
        );
        if let (Some(d), Some(after)) = (self.data.earlier_deficits, self.derived.after_restoration)
        {
            push(
                "underskott_tidigare_ar",
                EARLIER_DEFICITS_LABEL,
                StatementRowKind::Line,
                d,
            );
            push(
                "balanskravsresultat_efter_aterstallande",
                "Balanskravsresultat efter återställande",
                StatementRowKind::Total,
                after,
            );
            push(
                "att_aterstalla",
                "Balanskravsresultat att återställa",
                StatementRowKind::Line,
                self.to_restore(),
            );
        }
        rows
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for BalancedBudgetStatement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.data.serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for BalancedBudgetStatement {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let data = StatementData::deserialize(d)?;
        let derived = data.validate().map_err(serde::de::Error::custom)?;
        Ok(BalancedBudgetStatement { data, derived })
    }
}

/// A restoration (återställande) of a deficit in a year: a positive amount.
#[doc(alias = "återställande")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Restoration {
    /// The year whose positive balanskravsresultat restored it.
    pub year: FinancialYear,
    /// The amount restored (+).
    pub amount: Amount,
}

/// A decision by fullmäktige not to restore (part of) a deficit because of synnerliga
/// skäl (KL 11 kap.; prop. 2003/04:105).
#[doc(alias = "beslut att inte återställa")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Waiver {
    /// The year of the decision.
    pub year: FinancialYear,
    /// The amount not to restore (+).
    pub amount: Amount,
    /// The synnerliga skäl.
    pub reason: String,
}

/// An åtgärdsplan for restoring a deficit (KL 11 kap. 12 §): the decision on the
/// regulation must be taken at the latest in the budget for the third year after the
/// year of origin.
#[doc(alias = "åtgärdsplan")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ActionPlan {
    /// The budget year in which fullmäktige decided the regulation.
    pub decided_in_budget_for: FinancialYear,
    /// What the plan says.
    pub description: String,
}

/// A negative balanskravsresultat to restore (balanskravsunderskott), with its history.
///
/// Invariant: `amount = restored + waived + remaining`, with `remaining ≥ 0`;
/// restorations and waivers that would make the remainder negative are refused.
#[doc(alias = "balanskravsunderskott")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Deficit {
    origin: FinancialYear,
    amount: Amount,
    #[cfg_attr(feature = "serde", serde(default))]
    restorations: Vec<Restoration>,
    #[cfg_attr(feature = "serde", serde(default))]
    waivers: Vec<Waiver>,
    #[cfg_attr(feature = "serde", serde(default))]
    action_plan: Option<ActionPlan>,
}

impl Deficit {
    /// The year the deficit arose (year of origin).
    #[must_use]
    pub fn origin(&self) -> FinancialYear {
        self.origin
    }

    /// The deficit as a positive amount ("balanskravsresultat att återställa").
    #[must_use]
    pub fn amount(&self) -> Amount {
        self.amount
    }

    /// Restorations, in the order recorded.
    #[must_use]
    pub fn restorations(&self) -> &[Restoration] {
        &self.restorations
    }

    /// Decisions not to restore.
    #[must_use]
    pub fn waivers(&self) -> &[Waiver] {
        &self.waivers
    }

    /// The åtgärdsplan, if decided.
    #[must_use]
    pub fn action_plan(&self) -> Option<&ActionPlan> {
        self.action_plan.as_ref()
    }

    /// The last year in which it must be restored: the third year after the year of
    /// origin (KL 11 kap. 12 §).
    #[must_use]
    pub fn deadline(&self) -> FinancialYear {
        FinancialYear::new(self.origin.year().saturating_add(RESTORATION_YEARS))
    }

    /// The amount restored in `year`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn restored_in(&self, year: FinancialYear) -> Result<Amount> {
        Amount::checked_sum(
            self.restorations
                .iter()
                .filter(|r| r.year == year)
                .map(|r| r.amount),
        )
    }

    /// What remains at the end of `year` after the restorations and waivers of that
    /// year and earlier; zero for a year before the year of origin (the deficit had not
    /// arisen).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn remaining_at_end_of(&self, year: FinancialYear) -> Result<Amount> {
        if year < self.origin {
            return Ok(Amount::ZERO);
        }
        let settled = Amount::checked_sum(
            self.restorations
                .iter()
                .filter(|r| r.year <= year)
                .map(|r| r.amount)
                .chain(
                    self.waivers
                        .iter()
                        .filter(|w| w.year <= year)
                        .map(|w| w.amount),
                ),
        )?;
        self.amount.checked_sub(settled)
    }

    /// What remains after every restoration and waiver recorded. Never negative.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn remaining(&self) -> Result<Amount> {
        let settled = Amount::checked_sum(
            self.restorations
                .iter()
                .map(|r| r.amount)
                .chain(self.waivers.iter().map(|w| w.amount)),
        )?;
        self.amount.checked_sub(settled)
    }

    /// The state at the end of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn status(&self, year: FinancialYear) -> Result<DeficitStatus> {
        if year < self.origin {
            return Ok(DeficitStatus::NotArisen);
        }
        let remaining = self.remaining_at_end_of(year)?;
        let deadline = self.deadline();
        Ok(if remaining.is_zero() {
            DeficitStatus::Settled
        } else if year >= deadline {
            DeficitStatus::Overdue {
                deadline,
                remaining,
            }
        } else {
            DeficitStatus::Open {
                deadline,
                remaining,
            }
        })
    }

    fn validate(&self) -> Result<()> {
        let what = || format!("balanskravsunderskott från {}", self.origin);
        if self.amount.is_negative() || self.amount.is_zero() {
            return Err(Error::WrongSign {
                row: what(),
                expected: "the amount to restore, entered as positive (+)",
                amount: self.amount,
            });
        }
        for r in &self.restorations {
            SignRule::NonNegative
                .check(&format!("återställande {} av {}", r.year, what()), r.amount)?;
            if r.year <= self.origin {
                return Err(Error::Refused {
                    what: format!("återställande {} av {}", r.year, what()),
                    reason: "a deficit is restored in the years after the one it arose in".into(),
                });
            }
        }
        for w in &self.waivers {
            SignRule::NonNegative.check(
                &format!("beslut {} att inte återställa {}", w.year, what()),
                w.amount,
            )?;
            if w.reason.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("beslut {} att inte återställa {}", w.year, what()),
                    reason: "a decision not to restore requires its synnerliga skäl".into(),
                });
            }
            if w.year < self.origin {
                return Err(Error::Refused {
                    what: format!("beslut {} att inte återställa {}", w.year, what()),
                    reason: "the decision cannot precede the year the deficit arose".into(),
                });
            }
        }
        if let Some(p) = &self.action_plan {
            if p.description.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("åtgärdsplan för {}", what()),
                    reason: "an åtgärdsplan must say what it is".into(),
                });
            }
        }
        let remaining = self.remaining()?;
        if remaining.is_negative() {
            let settled = self.amount.checked_sub(remaining)?;
            return Err(Error::LimitExceeded {
                what: format!("återställande och avskrivning av {}", what()),
                requested: settled,
                limit: self.amount,
                excess: settled.checked_sub(self.amount)?,
                basis: "restorations and decisions not to restore cannot exceed the deficit".into(),
            });
        }
        Ok(())
    }
}

/// Where a deficit stands at the end of a year.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::balanced_budget::{DeficitRecord, DeficitStatus};
/// let mut record = DeficitRecord::new();
/// record.record_deficit(FinancialYear::new(2023), Amount::mnkr(12))?; // to restore, positive
/// assert!(matches!(record.deficits()[0].status(FinancialYear::new(2024))?, DeficitStatus::Open { .. }));
/// assert!(matches!(record.deficits()[0].status(FinancialYear::new(2026))?, DeficitStatus::Overdue { .. }));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "underskott att återställa")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum DeficitStatus {
    /// The year is before the deficit arose.
    NotArisen,
    /// Restored or waived in full.
    Settled,
    /// Still within its three years.
    Open {
        /// The last year to restore it.
        deadline: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
    /// The three years have passed (or end with this year) and something remains.
    Overdue {
        /// The last year to restore it.
        deadline: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
}

/// A finding about the deficit record at the end of a year (returned as data).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "återställande")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum DeficitFinding {
    /// Not restored within the three following years (KL 11 kap. 12 §).
    Overdue {
        /// Year of origin.
        origin: FinancialYear,
        /// The last year it should have been restored in.
        deadline: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
    /// A deficit remains but no åtgärdsplan is recorded.
    MissingActionPlan {
        /// Year of origin.
        origin: FinancialYear,
        /// What remains.
        remaining: Amount,
    },
    /// The åtgärdsplan was decided later than in the budget for the third year.
    LateActionPlan {
        /// Year of origin.
        origin: FinancialYear,
        /// The budget year it was decided in.
        decided_in_budget_for: FinancialYear,
        /// The latest budget year allowed.
        deadline: FinancialYear,
    },
}

impl fmt::Display for DeficitFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeficitFinding::Overdue {
                origin,
                deadline,
                remaining,
            } => write!(
                f,
                "balanskravsunderskottet från {origin} skulle ha återställts senast {deadline}; \
                 kvar att återställa {remaining} kr"
            ),
            DeficitFinding::MissingActionPlan { origin, remaining } => write!(
                f,
                "balanskravsunderskottet från {origin} ({remaining} kr kvar) saknar åtgärdsplan"
            ),
            DeficitFinding::LateActionPlan {
                origin,
                decided_in_budget_for,
                deadline,
            } => write!(
                f,
                "åtgärdsplanen för balanskravsunderskottet från {origin} beslutades i budgeten för \
                 {decided_in_budget_for}, senast tillåtet är budgeten för {deadline}"
            ),
        }
    }
}

/// What recording a year's outcome did to the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "återställande")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SurplusApplication {
    /// A new deficit recorded for the year (positive), if the result was negative.
    pub new_deficit: Option<Amount>,
    /// Restorations made: year of origin of the deficit and the amount.
    pub restored: Vec<(FinancialYear, Amount)>,
    /// The part of a positive result left after restoring every earlier deficit.
    pub unused: Amount,
}

/// The multi-year record of deficits to restore (balanskravsunderskott att återställa):
/// one [`Deficit`] per year of origin, oldest first.
///
/// Over-restoration: an explicit [`restore`](Self::restore) or
/// [`waive`](Self::waive) above what remains is an error ([`Error::LimitExceeded`],
/// naming the remainder and the excess); applying a year's surplus
/// ([`apply_surplus`](Self::apply_surplus)) is capped — it restores the oldest deficits
/// first and returns what is left unused. Either way no remainder is ever negative.
///
/// # Example: Malmö 2014–2015 (Mkr)
///
/// ```
/// use kommunal_redovisning::balanced_budget::{DeficitRecord, DeficitStatus};
/// use kommunal_redovisning::{Amount, FinancialYear};
///
/// let y = FinancialYear::new;
/// let mut record = DeficitRecord::new();
/// record.record_deficit(y(2014), Amount::mnkr(193))?;
/// assert_eq!(record.outstanding_at_start_of(y(2015))?, Amount::mnkr(193));
/// let applied = record.apply_surplus(y(2015), Amount::mnkr(355))?;
/// assert_eq!(applied.restored, vec![(y(2014), Amount::mnkr(193))]);
/// assert_eq!(applied.unused, Amount::mnkr(162));
/// assert_eq!(record.deficits()[0].status(y(2015))?, DeficitStatus::Settled);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskravsunderskott att återställa")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DeficitRecord {
    deficits: Vec<Deficit>,
}

impl DeficitRecord {
    /// An empty record.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The deficits, oldest first.
    #[must_use]
    pub fn deficits(&self) -> &[Deficit] {
        &self.deficits
    }

    /// The deficit of a year of origin.
    #[must_use]
    pub fn get(&self, origin: FinancialYear) -> Option<&Deficit> {
        self.deficits.iter().find(|d| d.origin == origin)
    }

    fn update(&mut self, origin: FinancialYear, change: impl FnOnce(&mut Deficit)) -> Result<()> {
        let Some(slot) = self.deficits.iter_mut().find(|d| d.origin == origin) else {
            return Err(Error::Refused {
                what: format!("balanskravsunderskott från {origin}"),
                reason: "no deficit is recorded for that year".into(),
            });
        };
        let mut candidate = slot.clone();
        change(&mut candidate);
        candidate.validate()?;
        *slot = candidate;
        Ok(())
    }

    /// Records a deficit arisen in `origin`: the amount to restore, positive (the
    /// negative balanskravsresultat negated, as printed under "balanskravsresultat att
    /// återställa").
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a zero or negative amount; [`Error::Refused`] when the
    /// year already has a deficit.
    pub fn record_deficit(&mut self, origin: FinancialYear, amount: Amount) -> Result<()> {
        if self.get(origin).is_some() {
            return Err(Error::Refused {
                what: format!("balanskravsunderskott från {origin}"),
                reason: "a deficit for that year is already recorded".into(),
            });
        }
        let deficit = Deficit {
            origin,
            amount,
            restorations: Vec::new(),
            waivers: Vec::new(),
            action_plan: None,
        };
        deficit.validate()?;
        let at = self.deficits.partition_point(|d| d.origin < origin);
        self.deficits.insert(at, deficit);
        Ok(())
    }

    /// Restores `amount` (positive) of the deficit from `origin` in `year`.
    ///
    /// # Errors
    ///
    /// [`Error::LimitExceeded`] when `amount` exceeds what remains (naming the remainder
    /// and the excess); [`Error::WrongSign`] for a negative amount; [`Error::Refused`]
    /// when there is no such deficit or `year` is not after `origin`. On error the
    /// record is unchanged.
    pub fn restore(
        &mut self,
        origin: FinancialYear,
        year: FinancialYear,
        amount: Amount,
    ) -> Result<()> {
        self.check_fits(origin, amount, "återställande")?;
        self.update(origin, |d| {
            d.restorations.push(Restoration { year, amount })
        })
    }

    /// Records fullmäktige's decision in `year` not to restore `amount` of the deficit
    /// from `origin`, with the synnerliga skäl.
    ///
    /// # Errors
    ///
    /// As [`restore`](Self::restore); [`Error::Refused`] without a reason.
    pub fn waive(
        &mut self,
        origin: FinancialYear,
        year: FinancialYear,
        amount: Amount,
        reason: impl Into<String>,
    ) -> Result<()> {
        self.check_fits(origin, amount, "beslut att inte återställa")?;
        let reason = reason.into();
        self.update(origin, |d| {
            d.waivers.push(Waiver {
                year,
                amount,
                reason,
            })
        })
    }

    fn check_fits(&self, origin: FinancialYear, amount: Amount, what: &str) -> Result<()> {
        if let Some(d) = self.get(origin) {
            let remaining = d.remaining()?;
            if amount > remaining {
                return Err(Error::LimitExceeded {
                    what: format!("{what} av balanskravsunderskott från {origin}"),
                    requested: amount,
                    limit: remaining,
                    excess: amount.checked_sub(remaining)?,
                    basis: format!(
                        "what remains of the deficit {} after earlier restorations and decisions",
                        d.amount
                    ),
                });
            }
        }
        Ok(())
    }

    /// Records the åtgärdsplan of the deficit from `origin`.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] when there is no such deficit or the description is empty.
    pub fn set_action_plan(&mut self, origin: FinancialYear, plan: ActionPlan) -> Result<()> {
        self.update(origin, |d| d.action_plan = Some(plan))
    }

    /// Uses a positive balanskravsresultat of `year` to restore earlier deficits, oldest
    /// first, each at most its remainder (capped: never over-restores).
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] for a negative surplus; [`Error::Overflow`].
    pub fn apply_surplus(
        &mut self,
        year: FinancialYear,
        surplus: Amount,
    ) -> Result<SurplusApplication> {
        SignRule::NonNegative.check(
            "årets balanskravsresultat att använda för återställande",
            surplus,
        )?;
        let mut left = surplus;
        let mut restored = Vec::new();
        let mut next = self.clone();
        for d in next.deficits.iter_mut().filter(|d| d.origin < year) {
            if left.is_zero() {
                break;
            }
            let take = d.remaining()?.min(left);
            if take.is_zero() {
                continue;
            }
            d.restorations.push(Restoration { year, amount: take });
            d.validate()?;
            left = left.checked_sub(take)?;
            restored.push((d.origin, take));
        }
        *self = next;
        Ok(SurplusApplication {
            new_deficit: None,
            restored,
            unused: left,
        })
    }

    /// Records the outcome of a balanskravsutredning: a negative balanskravsresultat
    /// becomes a deficit of its year, a positive one restores earlier deficits
    /// ([`apply_surplus`](Self::apply_surplus)).
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] for a statement built on a forecast (a forecast does not
    /// create or restore a deficit), or when the year already has a deficit.
    pub fn record_outcome(
        &mut self,
        statement: &BalancedBudgetStatement,
    ) -> Result<SurplusApplication> {
        if statement.basis() != ResultBasis::Outcome {
            return Err(Error::Refused {
                what: format!(
                    "balanskravsresultat {} ({})",
                    statement.year(),
                    statement.basis()
                ),
                reason: "only an outcome (årsredovisning) creates or restores a deficit; a \
                         forecast does not"
                    .into(),
            });
        }
        let result = statement.balanced_budget_result();
        if result.is_negative() {
            self.record_deficit(statement.year(), -result)?;
            Ok(SurplusApplication {
                new_deficit: Some(-result),
                ..SurplusApplication::default()
            })
        } else {
            self.apply_surplus(statement.year(), result)
        }
    }

    /// The sum of what remains of the deficits from years before `year`, at the end of
    /// the year before: the "balanskravsunderskott från tidigare år" to show in
    /// `year` (positive; negate it for the row).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn outstanding_at_start_of(&self, year: FinancialYear) -> Result<Amount> {
        let before = FinancialYear::new(year.year().saturating_sub(1));
        let mut total = Amount::ZERO;
        for d in self.deficits.iter().filter(|d| d.origin < year) {
            total = total.checked_add(d.remaining_at_end_of(before)?)?;
        }
        Ok(total)
    }

    /// The findings at the end of `year`: overdue deficits, deficits without an
    /// åtgärdsplan, åtgärdsplaner decided too late.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn findings(&self, year: FinancialYear) -> Result<Vec<DeficitFinding>> {
        let mut out = Vec::new();
        for d in self.deficits.iter().filter(|d| d.origin <= year) {
            let remaining = d.remaining_at_end_of(year)?;
            if let DeficitStatus::Overdue {
                deadline,
                remaining,
            } = d.status(year)?
            {
                out.push(DeficitFinding::Overdue {
                    origin: d.origin,
                    deadline,
                    remaining,
                });
            }
            match &d.action_plan {
                None if !remaining.is_zero() => out.push(DeficitFinding::MissingActionPlan {
                    origin: d.origin,
                    remaining,
                }),
                Some(p) if p.decided_in_budget_for > d.deadline() => {
                    out.push(DeficitFinding::LateActionPlan {
                        origin: d.origin,
                        decided_in_budget_for: p.decided_in_budget_for,
                        deadline: d.deadline(),
                    });
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The deficits overdue at the end of `year`, with what remains of each.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn overdue(&self, year: FinancialYear) -> Result<Vec<DeficitFinding>> {
        Ok(self
            .findings(year)?
            .into_iter()
            .filter(|f| matches!(f, DeficitFinding::Overdue { .. }))
            .collect())
    }

    /// Checks every deficit (what deserializing does).
    ///
    /// # Errors
    ///
    /// As the setters; [`Error::Refused`] for two deficits of the same year.
    pub fn validate(&self) -> Result<()> {
        for pair in self.deficits.windows(2) {
            if let [a, b] = pair {
                if a.origin >= b.origin {
                    return Err(Error::Refused {
                        what: format!("balanskravsunderskott från {}", b.origin),
                        reason: "deficits must be one per year of origin, oldest first".into(),
                    });
                }
            }
        }
        self.deficits.iter().try_for_each(Deficit::validate)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DeficitRecord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            #[serde(default)]
            deficits: Vec<Deficit>,
        }
        let raw = Raw::deserialize(d)?;
        let record = DeficitRecord {
            deficits: raw.deficits,
        };
        record.validate().map_err(serde::de::Error::custom)?;
        Ok(record)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Deficit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            origin: FinancialYear,
            amount: Amount,
            #[serde(default)]
            restorations: Vec<Restoration>,
            #[serde(default)]
            waivers: Vec<Waiver>,
            #[serde(default)]
            action_plan: Option<ActionPlan>,
        }
        let raw = Raw::deserialize(d)?;
        let deficit = Deficit {
            origin: raw.origin,
            amount: raw.amount,
            restorations: raw.restorations,
            waivers: raw.waivers,
            action_plan: raw.action_plan,
        };
        deficit.validate().map_err(serde::de::Error::custom)?;
        Ok(deficit)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn y(year: i32) -> FinancialYear {
        FinancialYear::new(year)
    }

    fn kommun_context(year: i32, base_mnkr: i64) -> ReserveContext {
        ReserveContext::new(
            ReserveRules::for_year(y(year)).unwrap(),
            ReserveBase::TaxRevenueAndGrants(Amount::mnkr(base_mnkr)),
        )
    }

    #[test]
    fn every_row_enforces_its_sign_and_says_so() {
        let year = y(2018);
        for adj in Adjustment::ALL {
            let mut bk =
                BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::tkr(10));
            let wrong = match adj.sign(year) {
                SignRule::NonPositive => Amount::tkr(5),
                SignRule::NonNegative => Amount::tkr(-5),
                SignRule::Either => unreachable!("no ± row before 2019"),
            };
            let err = bk.set_adjustment(adj, wrong).unwrap_err();
            let msg = err.to_string();
            assert!(matches!(err, Error::WrongSign { .. }), "{adj:?}: {msg}");
            assert!(msg.contains(adj.label(year)), "{msg}");
            let word = if adj.sign(year) == SignRule::NonPositive {
                "deduction"
            } else {
                "addition"
            };
            assert!(msg.contains(word), "{msg}");
            // Unchanged after the refusal.
            assert_eq!(bk.adjustment(adj), Amount::ZERO);
            assert_eq!(bk.adjusted_result(), Amount::tkr(10));
            // The right sign is accepted.
            bk.set_adjustment(adj, -wrong).unwrap();
            assert_eq!(
                bk.adjusted_result(),
                Amount::tkr(10).checked_add(-wrong).unwrap()
            );
        }
        let err = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, Amount::tkr(10))
            .set_adjustment(Adjustment::AllRealisedGains, Amount::tkr(23))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Avgår samtliga realisationsvinster: wrong sign, the row is a deduction, entered as \
             zero or negative (−); got 23000.00"
        );
    }

    #[test]
    fn securities_row_takes_either_sign_from_2019() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2019), ResultBasis::Outcome, Amount::tkr(10));
        bk.set_adjustment(Adjustment::UnrealisedSecurities, Amount::tkr(-4))
            .unwrap();
        assert_eq!(bk.adjusted_result(), Amount::tkr(6));
        assert_eq!(
            Adjustment::UnrealisedSecurities.label(y(2019)),
            "Orealiserade vinster och förluster i värdepapper"
        );
        assert!(
            BalancedBudgetStatement::from_result(y(2018), ResultBasis::Outcome, Amount::tkr(10))
                .set_adjustment(Adjustment::UnrealisedSecurities, Amount::tkr(-4))
                .is_err()
        );
    }

    #[test]
    fn reserve_rows_signs_and_reason() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2024), ResultBasis::Outcome, Amount::mnkr(-50));
        assert!(matches!(
            bk.use_reserve(Amount::mnkr(-10), "lågkonjunktur")
                .unwrap_err(),
            Error::WrongSign { .. }
        ));
        let err = bk.use_reserve(Amount::mnkr(30), "  ").unwrap_err();
        assert!(matches!(err, Error::Refused { .. }));
        assert!(
            err.to_string().contains("requires a stated reason"),
            "{err}"
        );
        bk.use_reserve(
            Amount::mnkr(30),
            "skatteunderlaget växer under sitt långsiktiga snitt",
        )
        .unwrap();
        assert_eq!(bk.balanced_budget_result(), Amount::mnkr(-20));
        assert!(!bk.is_met());
        assert_eq!(bk.to_restore(), Amount::mnkr(20));
        let err = bk
            .reserve(Amount::mnkr(10), kommun_context(2024, 1_000))
            .unwrap_err();
        assert!(matches!(err, Error::WrongSign { .. }), "{err}");
        let err = bk.add_exceptional_reason(Amount::mnkr(5), "").unwrap_err();
        assert!(matches!(err, Error::Refused { .. }), "{err}");
        assert!(bk.add_exceptional_reason(Amount::mnkr(-5), "x").is_err());
        assert!(bk.set_earlier_deficits(Amount::mnkr(5)).is_err());
        assert_eq!(bk.exceptional_reasons().len(), 0);
    }

    #[test]
    fn reservation_limit_one_and_two_percent() {
        // Base 1 000: 1 % = 10. ÅR 50, adjusted 40 → limit min(40, 30) = 30.
        let mut bk =
            BalancedBudgetStatement::from_result(y(2020), ResultBasis::Outcome, Amount::mnkr(50));
        bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-10))
            .unwrap();
        let ctx = kommun_context(2020, 1_000);
        let err = bk.reserve(Amount::mnkr(-31), ctx.clone()).unwrap_err();
        match &err {
            Error::LimitExceeded {
                limit,
                excess,
                requested,
                ..
            } => {
                assert_eq!(*limit, Amount::mnkr(30));
                assert_eq!(*excess, Amount::mnkr(1));
                assert_eq!(*requested, Amount::mnkr(31));
            }
            e => panic!("{e}"),
        }
        let msg = err.to_string();
        assert!(
            msg.contains("exceeds its limit 30000000.00 by 1000000.00"),
            "{msg}"
        );
        assert_eq!(bk.reservation(), Amount::ZERO);
        bk.reserve(Amount::mnkr(-30), ctx.clone()).unwrap();
        assert_eq!(bk.reserve_limit(), Some(Amount::mnkr(30)));
        assert_eq!(bk.balanced_budget_result(), Amount::mnkr(10));
        // Negative equity incl. pensions: 2 % = 20 → limit 20.
        let err = bk
            .reserve(Amount::mnkr(-30), ctx.clone().with_negative_equity(true))
            .unwrap_err();
        assert!(matches!(err, Error::LimitExceeded { .. }));
        bk.reserve(Amount::mnkr(-20), ctx.with_negative_equity(true))
            .unwrap();
        // Raising the deduction later would break the reservation: refused, unchanged.
        let err = bk
            .set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-25))
            .unwrap_err();
        assert!(matches!(err, Error::LimitExceeded { .. }), "{err}");
        assert_eq!(
            bk.adjustment(Adjustment::AllRealisedGains),
            Amount::mnkr(-10)
        );
    }

    #[test]
    fn result_below_threshold_leaves_no_room() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2022), ResultBasis::Outcome, Amount::mnkr(5));
        let err = bk
            .reserve(Amount::mnkr(-1), kommun_context(2022, 1_000))
            .unwrap_err();
        assert!(matches!(err, Error::LimitExceeded { limit, .. } if limit == Amount::ZERO));
        bk.reserve(Amount::ZERO, kommun_context(2022, 1_000))
            .unwrap();
        assert_eq!(bk.reserve_limit(), Some(Amount::ZERO));
    }

    #[test]
    fn result_reserve_cap_from_2024_excludes_kept_rur() {
        // Base 1 000: cap 5 % = 50; balance 45 → room 5, though the 1 % rule allows 90.
        let mut bk =
            BalancedBudgetStatement::from_result(y(2024), ResultBasis::Outcome, Amount::mnkr(100));
        let ctx = kommun_context(2024, 1_000).with_balances(Amount::mnkr(45), Amount::mnkr(500));
        let limit = ctx
            .limit(y(2024), Amount::mnkr(100), Amount::mnkr(100), Amount::ZERO)
            .unwrap();
        assert_eq!(limit.above_threshold_result, Amount::mnkr(90));
        assert_eq!(limit.cap, Some(Amount::mnkr(50)));
        assert_eq!(limit.cap_room, Some(Amount::mnkr(5)));
        assert_eq!(limit.limit, Amount::mnkr(5));
        let err = bk.reserve(Amount::mnkr(-6), ctx.clone()).unwrap_err();
        assert!(err.to_string().contains("cap"), "{err}");
        // The RUR of 500 kept from before does not count: still room 5.
        bk.reserve(Amount::mnkr(-5), ctx).unwrap();
        // Before 2024 no cap applies.
        let rur = kommun_context(2023, 1_000).with_balances(Amount::mnkr(45), Amount::ZERO);
        let limit = rur
            .limit(y(2023), Amount::mnkr(100), Amount::mnkr(100), Amount::ZERO)
            .unwrap();
        assert_eq!(limit.limit, Amount::mnkr(90));
        assert_eq!(limit.cap, None);
    }

    #[test]
    fn rules_must_match_the_year_and_be_sane() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2024), ResultBasis::Outcome, Amount::mnkr(100));
        let err = bk
            .reserve(Amount::mnkr(-1), kommun_context(2023, 1_000))
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRule(_)), "{err}");
        let mut rules = ReserveRules::for_year(y(2024)).unwrap();
        rules.cap = None;
        assert!(rules.validate(y(2024)).is_err());
        let mut rules = ReserveRules::for_year(y(2020)).unwrap();
        rules.threshold_negative_equity = Percent::new(Decimal::new(5, 1));
        assert!(rules.validate(y(2020)).is_err());
        rules.threshold_negative_equity = Percent::new(Decimal::from(101));
        assert!(rules.validate(y(2020)).is_err());
        let err = ReserveRules::for_year(y(2012)).unwrap_err();
        assert!(err.to_string().contains("before 2013"), "{err}");
        let neg = ReserveContext::new(
            ReserveRules::for_year(y(2020)).unwrap(),
            ReserveBase::TaxRevenueAndGrants(Amount::mnkr(-1)),
        );
        assert!(neg.validate(y(2020)).is_err());
        let no_source = ReserveContext::new(
            ReserveRules::for_year(y(2020)).unwrap(),
            ReserveBase::Given {
                amount: Amount::mnkr(1),
                source: " ".into(),
            },
        );
        assert!(no_source.validate(y(2020)).is_err());
        let err = bk
            .reserve(
                Amount::mnkr(-1),
                kommun_context(2024, 1_000).with_balances(Amount::mnkr(-1), Amount::ZERO),
            )
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRule(_)), "{err}");
    }

    #[test]
    fn kommunalforbund_without_base_is_refused_with_the_reason() {
        let rs = IncomeStatement {
            operating_revenue: Amount::tkr(60_000),
            operating_expenses: Amount::tkr(-58_626),
            ..Default::default()
        };
        let year = y(2025);
        let mut bk =
            BalancedBudgetStatement::from_income_statement(year, ResultBasis::Forecast, &rs)
                .unwrap();
        assert_eq!(bk.result_for_the_year(), Amount::tkr(1_374));
        let base = ReserveBase::from_income_statement(EntityKind::Kommunalforbund, &rs).unwrap();
        assert_eq!(base, ReserveBase::Missing);
        let ctx = ReserveContext::new(ReserveRules::for_year(year).unwrap(), base);
        let err = bk.reserve(Amount::tkr(-100), ctx.clone()).unwrap_err();
        assert!(matches!(err, Error::Refused { .. }));
        let msg = err.to_string();
        assert!(
            msg.contains("kommunalförbund has no skatteintäkter"),
            "{msg}"
        );
        assert!(msg.contains("open question"), "{msg}");
        // Recording the context without reserving is fine; no limit is known.
        bk.reserve(Amount::ZERO, ctx).unwrap();
        assert_eq!(bk.reserve_limit(), None);
        // With an explicit base the limit applies: 1 % of 60 000 = 600; room 774.
        let given = ReserveContext::new(
            ReserveRules::for_year(year).unwrap(),
            ReserveBase::Given {
                amount: Amount::tkr(60_000),
                source: "medlemsbidrag enligt förbundets riktlinjer".into(),
            },
        );
        // The 5 % cap (3 000) does not bind.
        bk.reserve(Amount::tkr(-774), given.clone()).unwrap();
        assert!(bk.reserve(Amount::tkr(-775), given).is_err());
        assert_eq!(bk.reservation(), Amount::tkr(-774));
    }

    #[test]
    fn reservation_without_context_is_refused() {
        let mut data =
            BalancedBudgetStatement::from_result(y(2020), ResultBasis::Outcome, Amount::mnkr(100))
                .data;
        data.reservation = Amount::mnkr(-1);
        let err = data.validate().unwrap_err();
        assert!(err.to_string().contains("needs its limit"), "{err}");
    }

    #[test]
    fn equity_from_balance_sheet() {
        let br = BalanceSheet {
            other_equity: Amount::tkr(100),
            pension_commitments_before_1998: Amount::tkr(150),
            ..Default::default()
        };
        let ctx = kommun_context(2020, 1_000).with_equity_from(&br).unwrap();
        assert!(ctx.negative_equity_including_pensions);
    }

    #[test]
    fn rows_in_order_with_kinds_and_labels() {
        let mut bk =
            BalancedBudgetStatement::from_result(y(2015), ResultBasis::Outcome, Amount::mnkr(563));
        bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-23))
            .unwrap();
        bk.set_earlier_deficits(Amount::mnkr(-193)).unwrap();
        let rows = bk.rows();
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "arets_resultat",
                "samtliga_realisationsvinster",
                "realisationsvinster_undantag",
                "realisationsforluster_undantag",
                "orealiserade_vardepapper",
                "aterforing_orealiserade_forluster",
                "resultat_efter_balanskravsjusteringar",
                "reservering_till_reserv",
                "anvandning_av_reserv",
                "balanskravsresultat",
                "underskott_tidigare_ar",
                "balanskravsresultat_efter_aterstallande",
                "att_aterstalla",
            ]
        );
        assert_eq!(rows[6].kind, StatementRowKind::Subtotal);
        assert_eq!(rows[9].kind, StatementRowKind::Total);
        assert_eq!(rows[7].label, "Reservering till resultatutjämningsreserv");
        let mut labels = Labels::default();
        labels.set("arets_resultat", "Årets resultat enligt resultaträkningen");
        assert_eq!(
            bk.rows_with_labels(&labels)[0].label,
            "Årets resultat enligt resultaträkningen"
        );
        let later =
            BalancedBudgetStatement::from_result(y(2025), ResultBasis::Forecast, Amount::tkr(1));
        assert_eq!(later.rows()[7].label, "Reservering till resultatreserv");
        assert_eq!(later.rows()[8].label, "Användning av resultatreserv");
        assert_eq!(
            later.heading(),
            "Balanskravsutredning 2025 (prognos för helåret, delårsrapport)"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip_and_tampering_is_refused() {
        let mut bk = BalancedBudgetStatement::from_result(
            y(2017),
            ResultBasis::Outcome,
            Amount::mnkr(2_128),
        );
        bk.set_adjustment(Adjustment::AllRealisedGains, Amount::mnkr(-824))
            .unwrap();
        bk.reserve(Amount::mnkr(-1_000), kommun_context(2017, 30_400))
            .unwrap();
        let json = serde_json::to_string(&bk).unwrap();
        assert!(
            json.contains(r#""all_realised_gains":"-824000000.00""#),
            "{json}"
        );
        let back: BalancedBudgetStatement = serde_json::from_str(&json).unwrap();
        assert_eq!(back, bk);
        assert_eq!(back.balanced_budget_result(), Amount::mnkr(304));
        let tampered = json.replace("-1000000000", "-1001000000");
        assert_ne!(tampered, json);
        let err = serde_json::from_str::<BalancedBudgetStatement>(&tampered).unwrap_err();
        assert!(err.to_string().contains("exceeds its limit"), "{err}");
        let wrong_sign = json.replace("-824000000", "824000000");
        assert!(serde_json::from_str::<BalancedBudgetStatement>(&wrong_sign).is_err());

        let mut record = DeficitRecord::new();
        record.record_deficit(y(2014), Amount::mnkr(193)).unwrap();
        record.restore(y(2014), y(2015), Amount::mnkr(93)).unwrap();
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            serde_json::from_str::<DeficitRecord>(&json).unwrap(),
            record
        );
        let over = json.replace("\"93000000.00\"", "\"293000000.00\"");
        assert_ne!(over, json);
        let err = serde_json::from_str::<DeficitRecord>(&over).unwrap_err();
        assert!(
            err.to_string().contains("cannot exceed the deficit"),
            "{err}"
        );
    }

    #[test]
    fn deficit_record_restores_waives_and_refuses_over_restoration() {
        let mut r = DeficitRecord::new();
        r.record_deficit(y(2020), Amount::mnkr(100)).unwrap();
        assert!(matches!(
            r.record_deficit(y(2021), Amount::mnkr(-5)).unwrap_err(),
            Error::WrongSign { .. }
        ));
        assert!(r.record_deficit(y(2020), Amount::mnkr(5)).is_err());
        assert!(
            r.restore(y(2020), y(2020), Amount::mnkr(5)).is_err(),
            "same year"
        );
        assert!(
            r.restore(y(2019), y(2021), Amount::mnkr(5)).is_err(),
            "no such deficit"
        );
        r.restore(y(2020), y(2021), Amount::mnkr(30)).unwrap();
        let err = r.restore(y(2020), y(2022), Amount::mnkr(80)).unwrap_err();
        match err {
            Error::LimitExceeded { limit, excess, .. } => {
                assert_eq!(limit, Amount::mnkr(70));
                assert_eq!(excess, Amount::mnkr(10));
            }
            e => panic!("{e}"),
        }
        assert!(r.waive(y(2020), y(2022), Amount::mnkr(20), "").is_err());
        r.waive(
            y(2020),
            y(2022),
            Amount::mnkr(20),
            "orealiserade förluster i värdepapper",
        )
        .unwrap();
        let d = r.get(y(2020)).unwrap();
        assert_eq!(d.remaining().unwrap(), Amount::mnkr(50));
        assert_eq!(d.remaining_at_end_of(y(2021)).unwrap(), Amount::mnkr(70));
        assert_eq!(d.restored_in(y(2021)).unwrap(), Amount::mnkr(30));
        assert_eq!(d.deadline(), y(2023));
        assert_eq!(d.status(y(2019)).unwrap(), DeficitStatus::NotArisen);
        assert_eq!(
            d.status(y(2022)).unwrap(),
            DeficitStatus::Open {
                deadline: y(2023),
                remaining: Amount::mnkr(50)
            }
        );
        assert_eq!(
            d.status(y(2023)).unwrap(),
            DeficitStatus::Overdue {
                deadline: y(2023),
                remaining: Amount::mnkr(50)
            }
        );
    }

    #[test]
    fn findings_report_overdue_and_action_plans() {
        let mut r = DeficitRecord::new();
        r.record_deficit(y(2019), Amount::mnkr(10)).unwrap();
        r.record_deficit(y(2021), Amount::mnkr(40)).unwrap();
        r.set_action_plan(
            y(2021),
            ActionPlan {
                decided_in_budget_for: y(2025),
                description: "besparingar".into(),
            },
        )
        .unwrap();
        assert!(
            r.set_action_plan(
                y(2019),
                ActionPlan {
                    decided_in_budget_for: y(2020),
                    description: " ".into()
                }
            )
            .is_err()
        );
        let findings = r.findings(y(2022)).unwrap();
        assert_eq!(
            findings,
            vec![
                DeficitFinding::Overdue {
                    origin: y(2019),
                    deadline: y(2022),
                    remaining: Amount::mnkr(10)
                },
                DeficitFinding::MissingActionPlan {
                    origin: y(2019),
                    remaining: Amount::mnkr(10)
                },
                DeficitFinding::LateActionPlan {
                    origin: y(2021),
                    decided_in_budget_for: y(2025),
                    deadline: y(2024)
                },
            ]
        );
        assert_eq!(r.overdue(y(2022)).unwrap().len(), 1);
        assert_eq!(r.overdue(y(2021)).unwrap().len(), 0);
        assert!(
            findings[0].to_string().contains("senast 2022"),
            "{}",
            findings[0]
        );
        // Surplus in 2023 restores the oldest first and is capped.
        let applied = r.apply_surplus(y(2023), Amount::mnkr(45)).unwrap();
        assert_eq!(
            applied.restored,
            vec![(y(2019), Amount::mnkr(10)), (y(2021), Amount::mnkr(35))]
        );
        assert_eq!(applied.unused, Amount::ZERO);
        let applied = r.apply_surplus(y(2024), Amount::mnkr(45)).unwrap();
        assert_eq!(applied.restored, vec![(y(2021), Amount::mnkr(5))]);
        assert_eq!(applied.unused, Amount::mnkr(40));
        assert!(r.overdue(y(2024)).unwrap().is_empty());
        assert!(r.apply_surplus(y(2024), Amount::mnkr(-1)).is_err());
        assert_eq!(
            r.outstanding_at_start_of(y(2022)).unwrap(),
            Amount::mnkr(50)
        );
        assert_eq!(r.outstanding_at_start_of(y(2025)).unwrap(), Amount::ZERO);
    }

    #[test]
    fn record_outcome_refuses_a_forecast() {
        let mut r = DeficitRecord::new();
        let forecast =
            BalancedBudgetStatement::from_result(y(2025), ResultBasis::Forecast, Amount::tkr(-5));
        let err = r.record_outcome(&forecast).unwrap_err();
        assert!(err.to_string().contains("forecast"), "{err}");
        let outcome =
            BalancedBudgetStatement::from_result(y(2025), ResultBasis::Outcome, Amount::tkr(-5));
        let applied = r.record_outcome(&outcome).unwrap();
        assert_eq!(applied.new_deficit, Some(Amount::tkr(5)));
        assert_eq!(r.get(y(2025)).unwrap().amount(), Amount::tkr(5));
    }

    fn amount() -> impl Strategy<Value = Amount> {
        (-1_000_000_000_000i64..1_000_000_000_000).prop_map(Amount::kr)
    }
    fn non_neg() -> impl Strategy<Value = Amount> {
        (0i64..1_000_000_000_000).prop_map(Amount::kr)
    }

    proptest! {
        /// The utredning's arithmetic holds for any inputs: the subtotal is årets resultat
        /// plus the adjustment rows, the total is the subtotal plus the rows between.
        #[test]
        fn arithmetic_holds(
            result in amount(),
            year in 2013i32..2030,
            deductions in proptest::collection::vec(non_neg(), 2),
            additions in proptest::collection::vec(non_neg(), 2),
            securities in amount(),
            use_ in non_neg(),
            exceptional in proptest::collection::vec(non_neg(), 0..3),
            earlier in proptest::option::of(non_neg()),
        ) {
            let year = y(year);
            let mut bk = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, result);
            bk.set_adjustment(Adjustment::AllRealisedGains, -deductions[0]).unwrap();
            bk.set_adjustment(Adjustment::ReversalOfUnrealisedLosses, -deductions[1]).unwrap();
            bk.set_adjustment(Adjustment::ExemptRealisedGains, additions[0]).unwrap();
            bk.set_adjustment(Adjustment::ExemptRealisedLosses, additions[1]).unwrap();
            let sec = if year.year() >= 2019 { securities } else { securities.abs() };
            bk.set_adjustment(Adjustment::UnrealisedSecurities, sec).unwrap();
            bk.use_reserve(use_, "konjunkturnedgång").unwrap();
            for (i, e) in exceptional.iter().enumerate() {
                bk.add_exceptional_reason(*e, format!("skäl {i}")).unwrap();
            }
            if let Some(e) = earlier {
                bk.set_earlier_deficits(-e).unwrap();
            }
            let rows = bk.rows();
            let amt = |id: &str| rows.iter().find(|r| r.id == id).and_then(|r| r.amount).unwrap();
            let sub_index = rows.iter().position(|r| r.kind == StatementRowKind::Subtotal).unwrap();
            let total_index = rows.iter().position(|r| r.id == "balanskravsresultat").unwrap();
            let above = Amount::checked_sum(rows[..sub_index].iter().map(|r| r.amount.unwrap())).unwrap();
            prop_assert_eq!(above, bk.adjusted_result());
            prop_assert_eq!(rows[sub_index].amount, Some(bk.adjusted_result()));
            let between = Amount::checked_sum(rows[sub_index..total_index].iter().map(|r| r.amount.unwrap())).unwrap();
            prop_assert_eq!(between, bk.balanced_budget_result());
            prop_assert_eq!(amt("balanskravsresultat"), bk.balanced_budget_result());
            prop_assert_eq!(bk.is_met(), !bk.balanced_budget_result().is_negative());
            if let Some(e) = earlier {
                let after = bk.balanced_budget_result().checked_sub(e).unwrap();
                prop_assert_eq!(amt("balanskravsresultat_efter_aterstallande"), after);
                prop_assert_eq!(amt("att_aterstalla"), if after.is_negative() { -after } else { Amount::ZERO });
            }
            prop_assert!(!bk.to_restore().is_negative());
        }

        /// No accepted reservation ever exceeds its limit, and the limit never exceeds
        /// the part of either result above the threshold nor the cap room.
        #[test]
        fn no_accepted_reservation_exceeds_its_limit(
            result in amount(),
            gains in non_neg(),
            base in non_neg(),
            year in 2013i32..2030,
            negative_equity in any::<bool>(),
            balance in non_neg(),
            kept in non_neg(),
            deficits_first in any::<bool>(),
            earlier in non_neg(),
            reservation in non_neg(),
        ) {
            let year = y(year);
            let mut bk = BalancedBudgetStatement::from_result(year, ResultBasis::Outcome, result);
            bk.set_adjustment(Adjustment::AllRealisedGains, -gains).unwrap();
            bk.set_earlier_deficits(-earlier).unwrap();
            let ctx = ReserveContext::new(
                ReserveRules::for_year(year).unwrap().with_restore_deficits_first(deficits_first),
                ReserveBase::TaxRevenueAndGrants(base),
            )
            .with_negative_equity(negative_equity)
            .with_balances(balance, kept);
            let limit = ctx.limit(year, result, bk.adjusted_result(), -earlier).unwrap();
            let pct = if negative_equity { 2 } else { 1 };
            let threshold = base.checked_mul(Decimal::new(pct, 2)).unwrap();
            prop_assert!(limit.limit <= at_least_zero(result.checked_sub(threshold).unwrap()));
            prop_assert!(limit.limit <= at_least_zero(bk.adjusted_result().checked_sub(threshold).unwrap()));
            prop_assert!(!limit.limit.is_negative());
            if year.year() >= 2024 {
                let cap = base.checked_mul(Decimal::new(5, 2)).unwrap();
                prop_assert!(limit.limit <= at_least_zero(cap.checked_sub(balance).unwrap()));
            }
            match bk.reserve(-reservation, ctx) {
                Ok(_) => {
                    prop_assert!(reservation <= limit.limit);
                    prop_assert_eq!(bk.reserve_limit(), Some(limit.limit));
                    prop_assert_eq!(bk.reservation(), -reservation);
                }
                Err(Error::LimitExceeded { limit: l, excess, .. }) => {
                    prop_assert!(reservation > limit.limit);
                    prop_assert_eq!(l, limit.limit);
                    prop_assert_eq!(excess, reservation.checked_sub(limit.limit).unwrap());
                    prop_assert_eq!(bk.reservation(), Amount::ZERO);
                }
                Err(e) => prop_assert!(false, "unexpected error {}", e),
            }
        }

        /// A deficit record never shows a negative remainder, whatever is tried.
        #[test]
        fn deficit_remainder_never_negative(
            deficits in proptest::collection::vec((2015i32..2025, 1i64..1_000), 1..4),
            ops in proptest::collection::vec((0u8..3, 2015i32..2030, 2015i32..2030, 0i64..1_500), 0..20),
        ) {
            let mut r = DeficitRecord::new();
            for (origin, amount) in &deficits {
                let _ = r.record_deficit(y(*origin), Amount::tkr(*amount));
            }
            for (op, origin, year, amount) in ops {
                let a = Amount::tkr(amount);
                let _ = match op {
                    0 => r.restore(y(origin), y(year), a),
                    1 => r.waive(y(origin), y(year), a, "synnerliga skäl"),
                    _ => r.apply_surplus(y(year), a).map(|_| ()),
                };
                for d in r.deficits() {
                    let remaining = d.remaining().unwrap();
                    prop_assert!(!remaining.is_negative());
                    let settled = Amount::checked_sum(
                        d.restorations().iter().map(|x| x.amount).chain(d.waivers().iter().map(|w| w.amount)),
                    ).unwrap();
                    prop_assert_eq!(settled.checked_add(remaining).unwrap(), d.amount());
                    for at in 2014..2031 {
                        prop_assert!(!d.remaining_at_end_of(y(at)).unwrap().is_negative());
                    }
                }
                prop_assert!(r.validate().is_ok());
            }
        }
    }
}
