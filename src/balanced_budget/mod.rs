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
//!   [`StatementRow`](crate::statement::StatementRow)s ([`BalancedBudgetStatement::rows`]).
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
//! [`Error::WrongSign`](crate::Error::WrongSign), naming the row and its convention.
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
//!   [`Error::Refused`](crate::Error::Refused) saying why.
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

mod adjustment;
mod deficit;
mod record;
mod reserve;
mod rows;
mod statement;

pub use adjustment::{Adjustment, ResultBasis, SignRule};
pub use deficit::{ActionPlan, Deficit, DeficitStatus, Restoration, Waiver};
pub use record::{DeficitFinding, DeficitRecord, SurplusApplication};
pub use reserve::{
    ReserveBase, ReserveContext, ReserveKind, ReserveLimit, ReserveRules,
    equity_including_pensions_is_negative,
};
pub use statement::{BalancedBudgetStatement, ExceptionalReason};

use crate::period::FinancialYear;

/// The first financial year with a resultatutjämningsreserv (SFS 2012:800).
pub const FIRST_EQUALISATION_RESERVE_YEAR: FinancialYear = FinancialYear::new(2013);

/// The first financial year with a resultatreserv instead of a resultatutjämningsreserv
/// (prop. 2022/23:119, in force 1 January 2024).
pub const FIRST_RESULT_RESERVE_YEAR: FinancialYear = FinancialYear::new(2024);

/// The number of years after the year of origin within which a negative
/// balanskravsresultat must be restored (KL 11 kap. 12 §).
pub const RESTORATION_YEARS: i32 = 3;

/// Helpers shared by the unit tests of the submodules.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod test_support {
    use super::{ReserveBase, ReserveContext, ReserveRules};
    use crate::money::Amount;
    use crate::period::FinancialYear;
    use proptest::prelude::*;

    pub(super) fn y(year: i32) -> FinancialYear {
        FinancialYear::new(year)
    }

    pub(super) fn kommun_context(year: i32, base_mnkr: i64) -> ReserveContext {
        ReserveContext::new(
            ReserveRules::for_year(y(year)).unwrap(),
            ReserveBase::TaxRevenueAndGrants(Amount::mnkr(base_mnkr)),
        )
    }

    pub(super) fn amount() -> impl Strategy<Value = Amount> {
        (-1_000_000_000_000i64..1_000_000_000_000).prop_map(Amount::kr)
    }
    pub(super) fn non_neg() -> impl Strategy<Value = Amount> {
        (0i64..1_000_000_000_000).prop_map(Amount::kr)
    }
}
