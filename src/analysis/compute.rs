//! Beräkning av nyckeltal: one ratio for one year from that year's figures and, where
//! the ratio needs them, the year before, the budget or the forecast of the same year.

use rust_decimal::Decimal;

use super::catalogue::{RatioId, RatioUnit};
use super::year::{PopulationDate, YearFigures, YearKind, YearRef};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent};
use crate::statement::BalanceSheet;

/// Which definition of nettokostnadsandel to use (definitions differ between
/// municipalities).
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{compute_ratio, NetCostShareDefinition, RatioContext, RatioId, RatioOptions, YearFigures, YearKind};
///
/// // Grästorps kommun, resultaträkning 2019 (tkr), finansiellinfo.se/Grastorp_2019.
/// let rs = IncomeStatement {
///     operating_revenue: Amount::tkr(101_282), operating_expenses: Amount::tkr(-417_698),
///     depreciation: Amount::tkr(-14_879), tax_revenue: Amount::tkr(257_770),
///     general_grants: Amount::tkr(86_552), financial_income: Amount::tkr(794),
///     financial_expenses: Amount::tkr(-1_778), ..Default::default()
/// };
/// let y = YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs);
/// let share = |net_cost_share| -> Result<Decimal, kommunal_redovisning::Error> {
///     let options = RatioOptions { net_cost_share, ..Default::default() };
///     let v = compute_ratio(RatioId::NetCostShare, &RatioContext::of(&y), &options)?;
///     Ok(v.value.as_decimal().round_dp(1))
/// };
/// // (331 295 + 984) / 344 322 with the finansnetto, 331 295 / 344 322 without.
/// assert_eq!(share(NetCostShareDefinition::IncludingFinancialItems)?, Decimal::new(965, 1));
/// assert_eq!(share(NetCostShareDefinition::ExcludingFinancialItems)?, Decimal::new(962, 1));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "nettokostnadsandel")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NetCostShareDefinition {
    /// Default: verksamhetens nettokostnader and the finansnetto, so that 100 % −
    /// nettokostnadsandel = resultat före extraordinära poster i procent.
    #[default]
    IncludingFinancialItems,
    /// Verksamhetens nettokostnader only.
    ExcludingFinancialItems,
}

/// Which numerator självfinansieringsgrad uses.
///
/// ```
/// use kommunal_redovisning::{Amount, CashFlowStatement, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, SelfFinancingDefinition, YearFigures, YearKind};
/// use kommunal_redovisning::statement::CashFlowSection;
///
/// // Made-up figures (tkr): result 30 + avskrivningar 20; cash flow from operations 60.
/// let rs = IncomeStatement { tax_revenue: Amount::tkr(100), depreciation: Amount::tkr(-20), operating_expenses: Amount::tkr(-50), ..Default::default() };
/// let mut kfa = CashFlowStatement::new(Amount::tkr(30), Amount::ZERO, Amount::tkr(60));
/// kfa.push(CashFlowSection::Adjustments, "Justering för av- och nedskrivningar", Amount::tkr(20))
///     .push(CashFlowSection::WorkingCapital, "Ökning av kortfristiga skulder", Amount::tkr(10));
/// let y = YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, rs)
///     .with_cash_flow(kfa)
///     .with_net_investments(Amount::tkr(40));
/// let grade = |self_financing| {
///     let options = RatioOptions { self_financing, ..Default::default() };
///     compute_ratio(RatioId::SelfFinancingNet, &RatioContext::of(&y), &options).map(|v| v.value)
/// };
/// assert_eq!(grade(SelfFinancingDefinition::ResultPlusDepreciation)?, RatioFigure::Percent(Percent::new(125.into())));
/// assert_eq!(grade(SelfFinancingDefinition::OperatingCashFlow)?, RatioFigure::Percent(Percent::new(150.into())));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "självfinansieringsgrad")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SelfFinancingDefinition {
    /// Default: årets resultat + avskrivningar (the "skattefinansierade" means).
    #[default]
    ResultPlusDepreciation,
    /// Kassaflöde från den löpande verksamheten (needs a kassaflödesanalys).
    OperatingCashFlow,
}

/// The definitions to compute with (beräkningsdefinitioner). The default is the
/// catalogue's; a value computed with another says so ([`RatioValue::default_definition`]).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{compute_ratio, NetCostShareDefinition, RatioContext, RatioId, RatioOptions, YearFigures, YearKind};
///
/// // Grästorps kommun 2019 (tkr): verksamhetens nettokostnader −331 295, finansnetto −984,
/// // skatteintäkter och generella statsbidrag 344 322 (finansiellinfo.se/Grastorp_2019).
/// let rs = IncomeStatement { operating_expenses: Amount::tkr(-331_295), financial_expenses: Amount::tkr(-984),
///     tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552), ..Default::default() };
/// let y = YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs);
/// let options = RatioOptions { net_cost_share: NetCostShareDefinition::ExcludingFinancialItems, ..Default::default() };
/// let own = compute_ratio(RatioId::NetCostShare, &RatioContext::of(&y), &options)?;
/// let default = compute_ratio(RatioId::NetCostShare, &RatioContext::of(&y), &RatioOptions::default())?;
/// assert!(default.default_definition && !own.default_definition);
/// assert!(own.value.as_decimal() < default.value.as_decimal()); // 96,2 % against 96,5 %
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "definitioner")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct RatioOptions {
    /// Nettokostnadsandel with or without the finansnetto.
    pub net_cost_share: NetCostShareDefinition,
    /// Självfinansieringsgrad from result + depreciation or from the cash flow.
    pub self_financing: SelfFinancingDefinition,
}

/// The value of a ratio (nyckeltalsvärde) in its unit.
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, RatioUnit, YearFigures, YearKind};
///
/// // Grästorps kommun, resultaträkning 2019 (tkr), finansiellinfo.se/Grastorp_2019.
/// let rs = IncomeStatement {
///     operating_revenue: Amount::tkr(101_282), operating_expenses: Amount::tkr(-417_698),
///     depreciation: Amount::tkr(-14_879), tax_revenue: Amount::tkr(257_770),
///     general_grants: Amount::tkr(86_552), financial_income: Amount::tkr(794),
///     financial_expenses: Amount::tkr(-1_778), ..Default::default()
/// };
/// let y = YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs);
/// let v = compute_ratio(RatioId::ResultShare, &RatioContext::of(&y), &RatioOptions::default())?;
/// let RatioFigure::Percent(share) = v.value else { return Err("not a percentage".into()) };
/// // Årets resultat 12 043 of 344 322 tkr skatteintäkter och statsbidrag: 3,5 %.
/// assert_eq!(share.as_decimal().round_dp(1), Decimal::new(35, 1));
/// assert_eq!(v.value.unit(), RatioUnit::Percent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "värde")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RatioFigure {
    /// Procent.
    Percent(Percent),
    /// Procentenheter.
    PercentagePoints(#[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))] Decimal),
    /// Belopp.
    Amount(Amount),
    /// Kronor per invånare.
    KronorPerInhabitant(
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))] Decimal,
    ),
}

impl RatioFigure {
    /// The number: the percentage, the procentenheter, the kronor.
    #[must_use]
    pub fn as_decimal(self) -> Decimal {
        match self {
            RatioFigure::Percent(p) => p.as_decimal(),
            RatioFigure::PercentagePoints(d) | RatioFigure::KronorPerInhabitant(d) => d,
            RatioFigure::Amount(a) => a.as_decimal(),
        }
    }

    /// The unit of the figure.
    #[must_use]
    pub fn unit(self) -> RatioUnit {
        match self {
            RatioFigure::Percent(_) => RatioUnit::Percent,
            RatioFigure::PercentagePoints(_) => RatioUnit::PercentagePoints,
            RatioFigure::Amount(_) => RatioUnit::Amount,
            RatioFigure::KronorPerInhabitant(_) => RatioUnit::KronorPerInhabitant,
        }
    }
}

/// A computed ratio (beräknat nyckeltal): the value, the year, and the definition used.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{compute_ratio, NetCostShareDefinition, RatioContext, RatioId, RatioOptions, YearFigures, YearKind, YearRef};
///
/// // Grästorps kommun 2019 (tkr): verksamhetens nettokostnader −331 295, skatteintäkter
/// // och generella statsbidrag 344 322 (finansiellinfo.se/Grastorp_2019).
/// let rs = IncomeStatement { operating_expenses: Amount::tkr(-331_295), tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552), ..Default::default() };
/// let y = YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs);
/// let options = RatioOptions { net_cost_share: NetCostShareDefinition::ExcludingFinancialItems, ..Default::default() };
/// let v = compute_ratio(RatioId::NetCostShare, &RatioContext::of(&y), &options)?;
/// assert_eq!(v.year, YearRef { year: FinancialYear::new(2019), kind: YearKind::Outcome });
/// assert!(!v.default_definition); // computed without the finansnetto, and says so
/// assert!(v.formula.contains("−verksamhetens nettokostnader"));
/// assert_eq!((v.compared_with, v.population_date), (None, None));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "beräknat nyckeltal")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatioValue {
    /// The ratio.
    pub ratio: RatioId,
    /// The year (and kind) it is for.
    pub year: YearRef,
    /// The exact value; round only for presentation.
    pub value: RatioFigure,
    /// The formula actually used, in words.
    pub formula: String,
    /// `false` when computed with a definition other than the catalogue's default
    /// (see [`RatioValue::formula`]).
    pub default_definition: bool,
    /// For a development rate or a deviation: the year it was compared with.
    pub compared_with: Option<YearRef>,
    /// For a per-invånare ratio: the population date used.
    pub population_date: Option<PopulationDate>,
}

/// What a ratio is computed from (beräkningsunderlag): the year, and where needed the
/// year before, the budget and the forecast of the same year.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, FinancialYear, IncomeStatement, RoundingMode};
/// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind};
///
/// // Grästorps kommun 2020-12-31 (tkr): eget kapital 211 913 of 477 894.
/// let br = BalanceSheet {
///     other_equity: Amount::tkr(211_913),
///     current_liabilities: Amount::tkr(477_894 - 211_913),
///     cash_and_bank: Amount::tkr(477_894),
///     ..Default::default()
/// };
/// let y = YearFigures::new(FinancialYear::new(2020), YearKind::Outcome, IncomeStatement::default())
///     .with_balance(br);
/// let v = compute_ratio(RatioId::EquityRatio, &RatioContext::of(&y), &RatioOptions::default())?;
/// let RatioFigure::Percent(p) = v.value else { return Err("not a percentage".into()) };
/// assert_eq!(p.round(1, RoundingMode::HalfAwayFromZero).to_string(), "44.3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "beräkningsunderlag")]
#[derive(Clone, Copy, Debug)]
pub struct RatioContext<'a> {
    /// The year the ratio is for.
    pub current: &'a YearFigures,
    /// The year before (for development rates).
    pub previous: Option<&'a YearFigures>,
    /// The budget of the same year (for budget deviations).
    pub budget: Option<&'a YearFigures>,
    /// The forecast of the same year (for prognossäkerhet).
    pub forecast: Option<&'a YearFigures>,
}

impl<'a> RatioContext<'a> {
    /// Just the year itself.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Decimal, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Grästorps kommun 2020-12-31 (tkr): fordringar 39 331, kassa och bank 48 969,
    /// // kortfristiga skulder 100 544 (finansiellinfo.se/Grastorp_2020).
    /// let br = BalanceSheet {
    ///     receivables: Amount::tkr(39_331), cash_and_bank: Amount::tkr(48_969),
    ///     current_liabilities: Amount::tkr(100_544), ..Default::default()
    /// };
    /// let y = YearFigures::new(FinancialYear::new(2020), YearKind::Outcome, IncomeStatement::default()).with_balance(br);
    /// let v = compute_ratio(RatioId::QuickRatio, &RatioContext::of(&y), &RatioOptions::default())?;
    /// assert_eq!(v.value.as_decimal().round_dp(1), Decimal::new(878, 1)); // 88 300 / 100 544
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn of(current: &'a YearFigures) -> RatioContext<'a> {
        RatioContext {
            current,
            previous: None,
            budget: None,
            forecast: None,
        }
    }

    /// With the year before.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Decimal, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioId, RatioOptions, YearFigures, YearKind, YearRef};
    ///
    /// // Grästorps kommun, skatteintäkter and generella statsbidrag 2018 and 2019 (tkr),
    /// // finansiellinfo.se/Grastorp_2019.
    /// let year = |y, tax, grants| YearFigures::new(FinancialYear::new(y), YearKind::Outcome,
    ///     IncomeStatement { tax_revenue: Amount::tkr(tax), general_grants: Amount::tkr(grants), ..Default::default() });
    /// let (y2018, y2019) = (year(2018, 251_162, 81_948), year(2019, 257_770, 86_552));
    /// let context = RatioContext::of(&y2019).with_previous(&y2018);
    /// let v = compute_ratio(RatioId::TaxRevenueGrowth, &context, &RatioOptions::default())?;
    /// assert_eq!(v.value.as_decimal().round_dp(1), Decimal::new(34, 1)); // 344 322 / 333 110 − 1
    /// assert_eq!(v.compared_with, Some(YearRef { year: FinancialYear::new(2018), kind: YearKind::Outcome }));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_previous(mut self, previous: &'a YearFigures) -> RatioContext<'a> {
        self.previous = Some(previous);
        self
    }

    /// With the budget of the same year.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Grästorps kommun 2019 (tkr), budget and utfall: intäkter, kostnader, avskrivningar,
    /// // skatteintäkter, statsbidrag, finansiella intäkter och kostnader (finansiellinfo.se/Grastorp_2019).
    /// let rs = |rev, exp, dep, tax, grants, fi, fc| IncomeStatement {
    ///     operating_revenue: Amount::tkr(rev), operating_expenses: Amount::tkr(exp),
    ///     depreciation: Amount::tkr(dep), tax_revenue: Amount::tkr(tax),
    ///     general_grants: Amount::tkr(grants), financial_income: Amount::tkr(fi),
    ///     financial_expenses: Amount::tkr(fc), ..Default::default()
    /// };
    /// let year = |kind, rs| YearFigures::new(FinancialYear::new(2019), kind, rs);
    /// let budget = year(YearKind::Budget, rs(102_946, -423_231, -14_991, 257_951, 84_473, 812, -1_111));
    /// let outcome = year(YearKind::Outcome, rs(101_282, -417_698, -14_879, 257_770, 86_552, 794, -1_778));
    /// let context = RatioContext::of(&outcome).with_budget(&budget);
    /// let v = compute_ratio(RatioId::BudgetDeviationResult, &context, &RatioOptions::default())?;
    /// assert_eq!(v.value, RatioFigure::Amount(Amount::tkr(5_194))); // 12 043 − 6 849
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_budget(mut self, budget: &'a YearFigures) -> RatioContext<'a> {
        self.budget = Some(budget);
        self
    }

    /// With the forecast of the same year.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Made-up figures (tkr): a forecast result of 1 374, an outcome of 1 500.
    /// let year = |kind, result: i64| YearFigures::new(FinancialYear::new(2025), kind,
    ///     IncomeStatement { operating_revenue: Amount::tkr(10_000 + result), operating_expenses: Amount::tkr(-10_000), ..Default::default() });
    /// let (forecast, outcome) = (year(YearKind::Forecast, 1_374), year(YearKind::Outcome, 1_500));
    /// let context = RatioContext::of(&outcome).with_forecast(&forecast);
    /// let v = compute_ratio(RatioId::ForecastDeviationResult, &context, &RatioOptions::default())?;
    /// assert_eq!(v.value, RatioFigure::Amount(Amount::tkr(126))); // utfall − prognos
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_forecast(mut self, forecast: &'a YearFigures) -> RatioContext<'a> {
        self.forecast = Some(forecast);
        self
    }
}

/// Whether a ratio means anything for a year of this kind: budget deviations only for
/// an outcome or a forecast, forecast deviations only for an outcome; every other ratio
/// for every kind.
#[must_use]
pub fn applies_to(ratio: RatioId, kind: YearKind) -> bool {
    match ratio {
        RatioId::BudgetDeviationResult
        | RatioId::BudgetDeviationNetCosts
        | RatioId::BudgetAdherence => matches!(kind, YearKind::Outcome | YearKind::Forecast),
        RatioId::ForecastDeviationResult | RatioId::ForecastAccuracyNetCosts => {
            kind == YearKind::Outcome
        }
        _ => true,
    }
}

/// Computes one ratio (beräkna nyckeltal) — the entry point for checking a printed
/// key-ratio table: "ratio X for year Y from these statements".
///
/// # Errors
///
/// [`Error::RatioUnavailable`] naming the ratio and the year when a denominator is
/// zero, a figure the ratio needs is missing (no balansräkning, no population, no year
/// before, no budget), or the population is zero; [`Error::Overflow`].
///
/// ```
/// use kommunal_redovisning::{Amount, Error, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioId, RatioOptions, YearFigures, YearKind};
///
/// let y = YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, IncomeStatement::default());
/// let share = compute_ratio(RatioId::ResultShare, &RatioContext::of(&y), &RatioOptions::default());
/// // No skatteintäkter: a zero denominator is an error naming the year, never 0 %.
/// assert!(matches!(share, Err(Error::RatioUnavailable { year, .. }) if year == "2025"));
/// ```
pub fn compute_ratio(
    ratio: RatioId,
    context: &RatioContext<'_>,
    options: &RatioOptions,
) -> Result<RatioValue> {
    Calc {
        ratio,
        context,
        options,
    }
    .run()
}

struct Calc<'c, 'a> {
    ratio: RatioId,
    context: &'c RatioContext<'a>,
    options: &'c RatioOptions,
}

impl Calc<'_, '_> {
    fn fail(&self, reason: impl Into<String>) -> Error {
        Error::RatioUnavailable {
            ratio: self.ratio.name(),
            year: self.context.current.describe(),
            reason: reason.into(),
        }
    }

    fn year_ref(y: &YearFigures) -> YearRef {
        YearRef {
            year: y.year,
            kind: y.kind,
        }
    }

    fn value(&self, value: RatioFigure) -> RatioValue {
        RatioValue {
            ratio: self.ratio,
            year: Self::year_ref(self.context.current),
            value,
            formula: self.ratio.definition().formula.to_owned(),
            default_definition: true,
            compared_with: None,
            population_date: None,
        }
    }

    fn percent(&self, part: Amount, whole: Amount, what: &str) -> Result<Percent> {
        if whole.is_zero() {
            return Err(self.fail(format!("{what} är noll")));
        }
        Percent::of(part, whole, "denominator")
    }

    fn tax_base(y: &YearFigures) -> Result<Amount> {
        y.income.tax_revenue.checked_add(y.income.general_grants)
    }

    fn share_of_tax(&self, part: Amount) -> Result<RatioValue> {
        let base = Self::tax_base(self.context.current)?;
        let p = self.percent(
            part,
            base,
            "skatteintäkter och generella statsbidrag och utjämning",
        )?;
        Ok(self.value(RatioFigure::Percent(p)))
    }

    fn balance(&self) -> Result<&BalanceSheet> {
        self.context
            .current
            .balance
            .as_ref()
            .ok_or_else(|| self.fail("året har ingen balansräkning"))
    }

    fn share_of_assets(
        &self,
        part: impl FnOnce(&BalanceSheet) -> Result<Amount>,
    ) -> Result<RatioValue> {
        let br = self.balance()?;
        let p = self.percent(part(br)?, br.total_assets(), "summa tillgångar")?;
        Ok(self.value(RatioFigure::Percent(p)))
    }

    fn previous(&self) -> Result<&YearFigures> {
        self.context.previous.ok_or_else(|| {
            self.fail(format!(
                "inga siffror för {} att jämföra med",
                self.context.current.year.year() - 1
            ))
        })
    }

    fn growth(
        &self,
        figure: impl Fn(&YearFigures) -> Result<Amount>,
        what: &str,
    ) -> Result<RatioValue> {
        let prev = self.previous()?;
        let before = figure(prev)?;
        let now = figure(self.context.current)?;
        if before.is_zero() {
            return Err(self.fail(format!("{what} {} är noll", prev.describe())));
        }
        // now / before − 1: a nettokostnad going from −853 to −872 grows by 2,2 %.
        let change = now.checked_sub(before)?;
        let p = Percent::of(change, before, "denominator")?;
        let mut v = self.value(RatioFigure::Percent(p));
        v.compared_with = Some(Self::year_ref(prev));
        Ok(v)
    }

    fn net_costs(y: &YearFigures) -> Result<Amount> {
        Ok(y.income.net_operating_costs())
    }

    fn tax_growth(&self) -> Result<RatioValue> {
        self.growth(Self::tax_base, "skatteintäkter och generella statsbidrag")
    }

    fn cost_growth(&self) -> Result<RatioValue> {
        self.growth(Self::net_costs, "verksamhetens nettokostnader")
    }

    fn per_inhabitant(&self, amount: Amount) -> Result<RatioValue> {
        let population = self
            .context
            .current
            .population
            .ok_or_else(|| self.fail("året har ingen folkmängd"))?;
        if population.inhabitants == 0 {
            return Err(self.fail("folkmängden är noll"));
        }
        let kr = amount
            .as_decimal()
            .checked_div(Decimal::from(population.inhabitants))
            .ok_or(Error::Overflow {
                operation: "division",
            })?;
        let mut v = self.value(RatioFigure::KronorPerInhabitant(kr));
        v.population_date = Some(population.date);
        Ok(v)
    }

    fn net_investments(&self) -> Result<Amount> {
        self.context
            .current
            .net_investments
            .ok_or_else(|| self.fail("året har inga nettoinvesteringar"))
    }

    fn gross_investments(&self) -> Result<Amount> {
        self.context
            .current
            .gross_investments
            .ok_or_else(|| self.fail("året har inga investeringsutgifter (bruttoinvesteringar)"))
    }

    fn pension_total(&self) -> Result<Amount> {
        let br = self.balance()?;
        br.pension_provisions
            .checked_add(br.pension_commitments_before_1998)
    }

    fn self_financing(&self, investments: Amount, what: &str) -> Result<RatioValue> {
        let y = self.context.current;
        let (means, formula, default) = match self.options.self_financing {
            SelfFinancingDefinition::ResultPlusDepreciation => (
                y.result_for_the_year().checked_sub(y.income.depreciation)?,
                format!("(årets resultat + avskrivningar) / {what}"),
                true,
            ),
            SelfFinancingDefinition::OperatingCashFlow => {
                let cf = y
                    .cash_flow
                    .as_ref()
                    .ok_or_else(|| self.fail("året har ingen kassaflödesanalys"))?;
                (
                    cf.operating(),
                    format!("kassaflöde från den löpande verksamheten / {what}"),
                    false,
                )
            }
        };
        let p = self.percent(means, investments, what)?;
        let mut v = self.value(RatioFigure::Percent(p));
        v.formula = formula;
        v.default_definition = default;
        Ok(v)
    }

    fn other(&self, other: Option<&YearFigures>, what: &str) -> Result<YearFigures> {
        other
            .cloned()
            .ok_or_else(|| self.fail(format!("ingen {what} för året att jämföra med")))
    }

    fn deviation(
        &self,
        other: &YearFigures,
        figure: Amount,
        against: Amount,
    ) -> Result<RatioValue> {
        let mut v = self.value(RatioFigure::Amount(figure.checked_sub(against)?));
        v.compared_with = Some(Self::year_ref(other));
        Ok(v)
    }

    #[allow(clippy::too_many_lines)]
    fn run(&self) -> Result<RatioValue> {
        let y = self.context.current;
        let rs = &y.income;
        match self.ratio {
            RatioId::ResultBeforeExtraordinaryShare => {
                self.share_of_tax(rs.result_after_financial_items())
            }
            RatioId::ResultShare => self.share_of_tax(y.result_for_the_year()),
            RatioId::NetCostShare => {
                let (costs, formula, default) = match self.options.net_cost_share {
                    NetCostShareDefinition::IncludingFinancialItems => (
                        rs.net_operating_costs()
                            .checked_add(rs.net_financial_items())?,
                        self.ratio.definition().formula,
                        true,
                    ),
                    NetCostShareDefinition::ExcludingFinancialItems => (
                        rs.net_operating_costs(),
                        "−verksamhetens nettokostnader / (skatteintäkter + generella \
                         statsbidrag och utjämning)",
                        false,
                    ),
                };
                let mut v = self.share_of_tax(negate(costs)?)?;
                v.formula = formula.to_owned();
                v.default_definition = default;
                Ok(v)
            }
            RatioId::NetCostShareOperations => self.share_of_tax(negate(
                rs.operating_revenue.checked_add(rs.operating_expenses)?,
            )?),
            RatioId::NetCostShareDepreciation => self.share_of_tax(negate(rs.depreciation)?),
            RatioId::NetCostShareFinancialItems => {
                self.share_of_tax(negate(rs.net_financial_items())?)
            }
            RatioId::TaxRevenueGrowth => self.tax_growth(),
            RatioId::NetCostGrowth => self.cost_growth(),
            RatioId::GrowthGap => {
                let tax = self.tax_growth()?;
                let cost = self.cost_growth()?;
                let gap = tax
                    .value
                    .as_decimal()
                    .checked_sub(cost.value.as_decimal())
                    .ok_or(Error::Overflow {
                        operation: "subtraction",
                    })?;
                let mut v = self.value(RatioFigure::PercentagePoints(gap));
                v.compared_with = tax.compared_with;
                Ok(v)
            }
            RatioId::FinancialItemsShare => self.share_of_tax(rs.net_financial_items()),
            RatioId::EquityRatio => self.share_of_assets(|br| Ok(br.equity())),
            RatioId::EquityRatioIncludingPensions => self
                .share_of_assets(|br| br.equity().checked_sub(br.pension_commitments_before_1998)),
            RatioId::DebtRatio => {
                self.share_of_assets(|br| br.provisions().checked_add(br.liabilities()))
            }
            RatioId::DebtRatioProvisions => self.share_of_assets(|br| Ok(br.provisions())),
            RatioId::DebtRatioLongTerm => self.share_of_assets(|br| Ok(br.long_term_liabilities)),
            RatioId::DebtRatioCurrent => self.share_of_assets(|br| Ok(br.current_liabilities)),
            RatioId::SelfFinancingGross => {
                self.self_financing(self.gross_investments()?, "investeringsutgifter")
            }
            RatioId::SelfFinancingNet => {
                self.self_financing(self.net_investments()?, "nettoinvesteringar")
            }
            RatioId::NetInvestmentShare => self.share_of_tax(self.net_investments()?),
            RatioId::NetInvestmentToDepreciation => {
                let p = self.percent(
                    self.net_investments()?,
                    negate(rs.depreciation)?,
                    "avskrivningar",
                )?;
                Ok(self.value(RatioFigure::Percent(p)))
            }
            RatioId::TaxRate => y
                .tax_rate
                .map(|t| self.value(RatioFigure::Percent(t)))
                .ok_or_else(|| self.fail("skattesatsen är inte angiven")),
            RatioId::QuickRatio => {
                let br = self.balance()?;
                let quick = br.current_assets().checked_sub(br.inventories)?;
                let p = self.percent(quick, br.current_liabilities, "kortfristiga skulder")?;
                Ok(self.value(RatioFigure::Percent(p)))
            }
            RatioId::NetFinancialAssets => {
                let br = self.balance()?;
                let assets = br.financial_fixed_assets.checked_add(br.current_assets())?;
                let claims = br.provisions().checked_add(br.liabilities())?;
                Ok(self.value(RatioFigure::Amount(assets.checked_sub(claims)?)))
            }
            RatioId::PensionCommitments => {
                Ok(self.value(RatioFigure::Amount(self.pension_total()?)))
            }
            RatioId::GuaranteesPerInhabitant => self.per_inhabitant(self.balance()?.guarantees),
            RatioId::NetCostsPerInhabitant => {
                self.per_inhabitant(negate(rs.net_operating_costs())?)
            }
            RatioId::TaxRevenuePerInhabitant => self.per_inhabitant(Self::tax_base(y)?),
            RatioId::ResultPerInhabitant => self.per_inhabitant(y.result_for_the_year()),
            RatioId::NetInvestmentsPerInhabitant => self.per_inhabitant(self.net_investments()?),
            RatioId::EquityPerInhabitant => self.per_inhabitant(self.balance()?.equity()),
            RatioId::LoanDebtPerInhabitant => {
                let (debt, formula) = match y.loan_debt {
                    Some(d) => (d, "låneskuld enligt uppgift / invånare"),
                    None => (
                        self.balance()?.long_term_liabilities,
                        "långfristiga skulder (ingen låneskuld angiven) / invånare",
                    ),
                };
                let mut v = self.per_inhabitant(debt)?;
                v.formula = formula.to_owned();
                Ok(v)
            }
            RatioId::PensionCommitmentsPerInhabitant => self.per_inhabitant(self.pension_total()?),
            RatioId::BudgetDeviationResult => {
                let b = self.other(self.context.budget, "budget")?;
                self.deviation(&b, y.result_for_the_year(), b.result_for_the_year())
            }
            RatioId::BudgetDeviationNetCosts => {
                let b = self.other(self.context.budget, "budget")?;
                self.deviation(&b, rs.net_operating_costs(), b.income.net_operating_costs())
            }
            RatioId::BudgetAdherence => {
                let b = self.other(self.context.budget, "budget")?;
                let budget = b.income.net_operating_costs();
                let dev = rs.net_operating_costs().checked_sub(budget)?;
                let p = self.percent(dev, budget.abs(), "budgeterade nettokostnader")?;
                let mut v = self.value(RatioFigure::Percent(p));
                v.compared_with = Some(Self::year_ref(&b));
                Ok(v)
            }
            RatioId::ForecastDeviationResult => {
                let f = self.other(self.context.forecast, "prognos")?;
                self.deviation(&f, y.result_for_the_year(), f.result_for_the_year())
            }
            RatioId::ForecastAccuracyNetCosts => {
                let f = self.other(self.context.forecast, "prognos")?;
                let outcome = rs.net_operating_costs();
                let dev = outcome.checked_sub(f.income.net_operating_costs())?;
                let p = self.percent(dev, outcome.abs(), "verksamhetens nettokostnader")?;
                let mut v = self.value(RatioFigure::Percent(p));
                v.compared_with = Some(Self::year_ref(&f));
                Ok(v)
            }
        }
    }
}

fn negate(a: Amount) -> Result<Amount> {
    Amount::ZERO.checked_sub(a)
}
