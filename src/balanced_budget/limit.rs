//! The limit of a reservation (reserveringsutrymme, KL 11 kap. 14 §): the context a
//! reservation is checked in — rules, base, equity, reserve balances — and the computed
//! limit with its parts.

use crate::error::{Error, Result, sv_amount};
use crate::money::{Amount, Percent};
use crate::period::FinancialYear;
use crate::statement::BalanceSheet;

use super::{ReserveBase, ReserveKind, ReserveRules, equity_including_pensions_is_negative};

/// Underlag för reservering: everything a reservation's limit depends on (KL 11 kap.
/// 14 §), kept with the reservation so that the balanskravsutredning can check itself.
///
/// ```
/// use kommunal_redovisning::balanced_budget::{ReserveBase, ReserveContext, ReserveRules};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Göteborg 2017 (mnkr): base 30 400, årets resultat 2 128, after adjustments 1 304.
/// let year = FinancialYear::new(2017);
/// let base = ReserveBase::TaxRevenueAndGrants(Amount::mnkr(30_400));
/// let context = ReserveContext::new(ReserveRules::for_year(year)?, base);
/// let limit = context.limit(year, Amount::mnkr(2_128), Amount::mnkr(1_304), Amount::ZERO)?;
/// assert_eq!(limit.limit, Amount::mnkr(1_000)); // what Göteborg reserved
/// # Ok(()) }
/// ```
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
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::{ReserveBase, ReserveContext, ReserveRules};
    /// use kommunal_redovisning::{Amount, FinancialYear};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Lystkom 2025, a kommunalförbund: no skatteintäkter, so no base for the limit.
    /// let year = FinancialYear::new(2025);
    /// let context = ReserveContext::new(ReserveRules::for_year(year)?, ReserveBase::Missing);
    /// assert!(!context.negative_equity_including_pensions);
    /// assert_eq!(context.reserve_balance, Amount::ZERO);
    /// let forecast = Amount::tkr(1_374); // Lystkom's forecast of årets resultat
    /// assert!(context.limit(year, forecast, forecast, Amount::ZERO).is_err());
    /// # Ok(()) }
    /// ```
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
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::{ReserveBase, ReserveContext, ReserveRules};
    /// use kommunal_redovisning::{Amount, FinancialYear};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Göteborg 2017's figures (mnkr) with a negative equity that is made up: 2 % = 608.
    /// let year = FinancialYear::new(2017);
    /// let base = ReserveBase::TaxRevenueAndGrants(Amount::mnkr(30_400));
    /// let context = ReserveContext::new(ReserveRules::for_year(year)?, base).with_negative_equity(true);
    /// let limit = context.limit(year, Amount::mnkr(2_128), Amount::mnkr(1_304), Amount::ZERO)?;
    /// assert_eq!((limit.threshold, limit.limit), (Amount::mnkr(608), Amount::mnkr(696)));
    /// # Ok(()) }
    /// ```
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
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::{ReserveBase, ReserveContext, ReserveRules};
    /// use kommunal_redovisning::{Amount, BalanceSheet, FinancialYear};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Made up: eget kapital 100 tkr, pensions earned before 1998 150 tkr → negative.
    /// let br = BalanceSheet {
    ///     other_equity: Amount::tkr(100),
    ///     pension_commitments_before_1998: Amount::tkr(150),
    ///     ..Default::default()
    /// };
    /// let rules = ReserveRules::for_year(FinancialYear::new(2020))?;
    /// let context = ReserveContext::new(rules, ReserveBase::TaxRevenueAndGrants(Amount::mnkr(1_000)))
    ///     .with_equity_from(&br)?;
    /// assert!(context.negative_equity_including_pensions);
    /// # Ok(()) }
    /// ```
    pub fn with_equity_from(mut self, balance: &BalanceSheet) -> Result<Self> {
        self.negative_equity_including_pensions = equity_including_pensions_is_negative(
            balance.equity(),
            balance.pension_commitments_before_1998,
        )?;
        Ok(self)
    }

    /// The same context with the reserve balances before the year: the balance that
    /// counts against the cap, and an RUR kept from before 2024 that does not.
    ///
    /// ```
    /// use kommunal_redovisning::balanced_budget::{ReserveBase, ReserveContext, ReserveRules};
    /// use kommunal_redovisning::{Amount, FinancialYear};
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Made up (mnkr): base 1 000, so the cap is 5 % = 50; 45 reserved, an old RUR of 500.
    /// let year = FinancialYear::new(2024);
    /// let base = ReserveBase::TaxRevenueAndGrants(Amount::mnkr(1_000));
    /// let context = ReserveContext::new(ReserveRules::for_year(year)?, base)
    ///     .with_balances(Amount::mnkr(45), Amount::mnkr(500));
    /// let limit = context.limit(year, Amount::mnkr(100), Amount::mnkr(100), Amount::ZERO)?;
    /// assert_eq!(limit.limit, Amount::mnkr(5)); // the kept RUR is outside the cap
    /// # Ok(()) }
    /// ```
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
                    "reservens saldo {name} är negativt: {}",
                    sv_amount(a)
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
                reason: "inget underlag för gränsen: ett kommunalförbund har inga \
                         skatteintäkter eller generella statsbidrag och utjämning, så gränserna \
                         1\u{a0}%/2\u{a0}%/5\u{a0}% i KL 11 kap. kan inte beräknas; ange det \
                         underlag som förbundets riktlinjer bestämmer (ReserveBase::Given) — hur \
                         förbund tillämpar gränserna är en öppen fråga"
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

/// Reserveringsutrymme: the computed limit of a reservation, with its parts (KL 11 kap.
/// 14 §), from [`ReserveContext::limit`].
///
/// ```
/// use kommunal_redovisning::balanced_budget::{ReserveBase, ReserveContext, ReserveRules};
/// use kommunal_redovisning::{Amount, FinancialYear};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Göteborg 2017 (mnkr): 1 % of 30 400 is 304; 1 304 after adjustments leaves 1 000.
/// let year = FinancialYear::new(2017);
/// let base = ReserveBase::TaxRevenueAndGrants(Amount::mnkr(30_400));
/// let context = ReserveContext::new(ReserveRules::for_year(year)?, base);
/// let limit = context.limit(year, Amount::mnkr(2_128), Amount::mnkr(1_304), Amount::ZERO)?;
/// assert_eq!(limit.threshold, Amount::mnkr(304));
/// assert_eq!(limit.above_threshold_adjusted, Amount::mnkr(1_000));
/// assert_eq!(limit.cap, None); // the RUR has no cap in law
/// assert!(limit.describe().starts_with("den lägre av de delar av årets resultat"));
/// # Ok(()) }
/// ```
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
    /// How the limit was computed, in Swedish words with Swedish amounts (used in error
    /// messages).
    #[must_use]
    pub fn describe(&self) -> String {
        let mut s = format!(
            "den lägre av de delar av årets resultat ({}) och av årets resultat efter \
             balanskravsjusteringar ({}) som överstiger {} av {} {} = {}",
            sv_amount(self.above_threshold_result),
            sv_amount(self.above_threshold_adjusted),
            self.threshold_percent.sv(),
            self.base_label,
            sv_amount(self.base),
            sv_amount(self.threshold)
        );
        if !self.deficits_deducted.is_zero() {
            s.push_str(&format!(
                ", minus tidigare års underskott {} (lokal riktlinje)",
                sv_amount(self.deficits_deducted)
            ));
        }
        if let (Some(cap), Some(room)) = (self.cap, self.cap_room) {
            s.push_str(&format!(
                ", högst utrymmet {} under taket {} för {} totalt",
                sv_amount(room),
                sv_amount(cap),
                self.kind.name()
            ));
        }
        s
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
    use super::super::test_support::{amount, kommun_context, non_neg, y};
    use super::*;
    use crate::balanced_budget::{Adjustment, BalancedBudgetStatement, ResultBasis};
    use crate::entity::EntityKind;
    use crate::statement::IncomeStatement;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

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
        // What a person reads: Swedish, amounts in tkr, the limit's computation in words.
        assert_eq!(
            err.sv().to_string(),
            "reservering till resultatutjämningsreserv 2020 31\u{a0}000\u{a0}tkr överskrider \
             gränsen 30\u{a0}000\u{a0}tkr med 1\u{a0}000\u{a0}tkr (den lägre av de delar av \
             årets resultat (40\u{a0}000\u{a0}tkr) och av årets resultat efter \
             balanskravsjusteringar (30\u{a0}000\u{a0}tkr) som överstiger 1\u{a0}% av \
             skatteintäkter och generella statsbidrag och utjämning \
             1\u{a0}000\u{a0}000\u{a0}tkr = 10\u{a0}000\u{a0}tkr)"
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
        assert!(err.to_string().contains("under taket"), "{err}");
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
            msg.contains("ett kommunalförbund har inga skatteintäkter"),
            "{msg}"
        );
        assert!(msg.contains("öppen fråga"), "{msg}");
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
    fn equity_from_balance_sheet() {
        let br = BalanceSheet {
            other_equity: Amount::tkr(100),
            pension_commitments_before_1998: Amount::tkr(150),
            ..Default::default()
        };
        let ctx = kommun_context(2020, 1_000).with_equity_from(&br).unwrap();
        assert!(ctx.negative_equity_including_pensions);
    }

    proptest! {
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
    }
}
