//! One year of a series (ett år i en flerårsöversikt): its kind (utfall, prognos,
//! budget, plan), its statements and the figures a finansiell analys needs besides.

use std::fmt;

use crate::money::{Amount, Percent};
use crate::period::FinancialYear;
use crate::statement::{BalanceSheet, CashFlowStatement, IncomeStatement, InvestmentStatement};

use crate::error::Result;

/// What a year's figures are (årets typ): an outcome, the current forecast, the budget
/// or a year of the flerårsplan.
///
/// ```
/// use kommunal_redovisning::analysis::YearKind;
/// assert_eq!(YearKind::Plan.label(), "Plan");
/// ```
#[doc(alias = "utfall")]
#[doc(alias = "prognos")]
#[doc(alias = "plan")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum YearKind {
    /// Utfall: the year's accounts (årsredovisning).
    Outcome,
    /// Prognos: the current full-year forecast (delårsrapport, månadsuppföljning).
    Forecast,
    /// Budget: the budget year decided by fullmäktige.
    Budget,
    /// Plan: a later year of the flerårsplan (plan för ekonomin).
    Plan,
}

impl YearKind {
    /// The Swedish word used in column headings.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            YearKind::Outcome => "Utfall",
            YearKind::Forecast => "Prognos",
            YearKind::Budget => "Budget",
            YearKind::Plan => "Plan",
        }
    }

    /// How good a comparison figure is for the year after: an outcome before a
    /// forecast before a budget before a plan.
    #[must_use]
    pub(crate) fn preference(self) -> u8 {
        match self {
            YearKind::Outcome => 0,
            YearKind::Forecast => 1,
            YearKind::Budget => 2,
            YearKind::Plan => 3,
        }
    }
}

/// The date a population figure refers to (folkmängd per): 31 december, as most
/// reports and Kolada's kr/inv. use, or 1 november, as the utjämningssystem and many
/// budgets use.
///
/// ```
/// use kommunal_redovisning::analysis::{Population, PopulationDate};
///
/// // Sjöbo kommun 2016: 18 742 invånare (fem år i sammandrag), taken as at 31 december;
/// // the 1 november figure is made up.
/// let p = Population::december_31(18_742);
/// assert_eq!(p.date, PopulationDate::December31);
/// assert_eq!(p.date.label(), "31 december");
/// assert_eq!(Population::november_1(18_700).date.label(), "1 november");
/// ```
#[doc(alias = "folkmängd")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PopulationDate {
    /// Folkmängd 31 december of the year.
    #[default]
    December31,
    /// Folkmängd 1 november of the year before (the utjämningssystem's base).
    November1,
}

impl PopulationDate {
    /// As a report states it: "31 december", "1 november".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            PopulationDate::December31 => "31 december",
            PopulationDate::November1 => "1 november",
        }
    }
}

/// Folkmängd: the number of inhabitants and the date it refers to.
///
/// ```
/// use kommunal_redovisning::analysis::{Population, PopulationDate};
/// let p = Population::december_31(18_742);
/// assert_eq!(p.date, PopulationDate::December31);
/// ```
#[doc(alias = "folkmängd")]
#[doc(alias = "invånare")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Population {
    /// Antal invånare.
    pub inhabitants: u64,
    /// Which date the figure refers to.
    #[cfg_attr(feature = "serde", serde(default))]
    pub date: PopulationDate,
}

impl Population {
    /// Folkmängd 31 december.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Decimal, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{Population, RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind, compute_ratio};
    ///
    /// // Sjöbo kommun 2016: verksamhetens nettokostnader 904,7 mnkr, 18 742 invånare
    /// // (finansiellinformation.se/Sjobo_2016/Fem.html), taken as at 31 december.
    /// let rs = IncomeStatement { operating_expenses: Amount::tkr(-904_700), ..Default::default() };
    /// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, rs)
    ///     .with_population(Population::december_31(18_742));
    /// let v = compute_ratio(RatioId::NetCostsPerInhabitant, &RatioContext::of(&y), &RatioOptions::default())?;
    /// let RatioFigure::KronorPerInhabitant(kr) = v.value else { return Err("kr/inv.".into()) };
    /// assert_eq!(kr.round_dp(0), Decimal::from(48_271)); // 904 700 000 / 18 742
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn december_31(inhabitants: u64) -> Population {
        Population {
            inhabitants,
            date: PopulationDate::December31,
        }
    }

    /// Folkmängd 1 november (of the year before the budget year).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{Population, PopulationDate, RatioContext, RatioId, RatioOptions, YearFigures, YearKind, compute_ratio};
    ///
    /// // A made-up budget on the utjämningssystem's population base.
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(900_000), ..Default::default() };
    /// let y = YearFigures::new(FinancialYear::new(2026), YearKind::Budget, rs)
    ///     .with_population(Population::november_1(18_000));
    /// let v = compute_ratio(RatioId::TaxRevenuePerInhabitant, &RatioContext::of(&y), &RatioOptions::default())?;
    /// assert_eq!(v.value.as_decimal(), 50_000.into()); // 900 000 000 / 18 000
    /// assert_eq!(v.population_date, Some(PopulationDate::November1)); // and says which base
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn november_1(inhabitants: u64) -> Population {
        Population {
            inhabitants,
            date: PopulationDate::November1,
        }
    }
}

/// One year of a multi-year series (årets siffror): an outcome, a forecast, a budget or
/// a plan year, with its resultaträkning, and where the year has them its
/// balansräkning, kassaflödesanalys, investments, population, skattesats, number of
/// employees and låneskuld.
///
/// A koncern's figures are an ordinary `YearFigures` built from the koncern's
/// (sammanställda) resultaträkning and balansräkning; the series says it is a koncern
/// ([`crate::analysis::Scope`]).
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{Population, YearFigures, YearKind};
///
/// let rs = IncomeStatement { tax_revenue: Amount::tkr(705_000), ..Default::default() };
/// let y = YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs)
///     .with_population(Population::december_31(15_800))
///     .with_net_investments(Amount::tkr(60_000));
/// assert_eq!(y.column_label(), "Utfall 2019");
/// ```
#[doc(alias = "årets siffror")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct YearFigures {
    /// The financial year.
    pub year: FinancialYear,
    /// Outcome, forecast, budget or plan.
    pub kind: YearKind,
    /// The resultaträkning (for a forecast: the full-year forecast; for a budget or
    /// plan year: the budgeted one).
    pub income: IncomeStatement,
    /// Skatt: for a kommunkoncern, the companies' income tax (−), which the
    /// sammanställda resultaträkning shows before årets resultat; zero for a kommun.
    #[cfg_attr(feature = "serde", serde(default))]
    pub tax: Amount,
    /// The balansräkning at the end of the year, when there is one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balance: Option<BalanceSheet>,
    /// The kassaflödesanalys, when there is one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cash_flow: Option<CashFlowStatement>,
    /// Investeringsutgifter (bruttoinvesteringar), positive.
    #[cfg_attr(feature = "serde", serde(default))]
    pub gross_investments: Option<Amount>,
    /// Nettoinvesteringar (utgifter − inkomster), positive.
    #[cfg_attr(feature = "serde", serde(default))]
    pub net_investments: Option<Amount>,
    /// Folkmängd.
    #[cfg_attr(feature = "serde", serde(default))]
    pub population: Option<Population>,
    /// Kommunal skattesats, kr per 100 kr (e.g. 21,99).
    #[cfg_attr(feature = "serde", serde(default))]
    pub tax_rate: Option<Percent>,
    /// Antal anställda as the report counts them (tillsvidareanställda, årsarbetare …).
    #[cfg_attr(feature = "serde", serde(default))]
    pub employees: Option<u64>,
    /// Låneskuld as the report states it; without it the long-term liabilities stand in.
    #[cfg_attr(feature = "serde", serde(default))]
    pub loan_debt: Option<Amount>,
    /// A column heading to print instead of "Utfall 2025".
    #[cfg_attr(feature = "serde", serde(default))]
    pub label: Option<String>,
}

impl YearFigures {
    /// A year with its resultaträkning and nothing else.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{YearFigures, YearKind};
    ///
    /// // Grästorps kommun, resultaträkning 2019 (tkr), finansiellinfo.se/Grastorp_2019.
    /// let rs = IncomeStatement {
    ///     operating_revenue: Amount::tkr(101_282), operating_expenses: Amount::tkr(-417_698),
    ///     depreciation: Amount::tkr(-14_879), tax_revenue: Amount::tkr(257_770),
    ///     general_grants: Amount::tkr(86_552), financial_income: Amount::tkr(794),
    ///     financial_expenses: Amount::tkr(-1_778), ..Default::default()
    /// };
    /// let y = YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs);
    /// assert_eq!(y.result_for_the_year(), Amount::tkr(12_043)); // as printed
    /// assert_eq!((y.column_label(), y.describe()), ("Utfall 2019".to_owned(), "2019".to_owned()));
    /// assert!(y.balance.is_none() && y.population.is_none());
    /// ```
    #[must_use]
    pub fn new(year: FinancialYear, kind: YearKind, income: IncomeStatement) -> YearFigures {
        YearFigures {
            year,
            kind,
            income,
            tax: Amount::ZERO,
            balance: None,
            cash_flow: None,
            gross_investments: None,
            net_investments: None,
            population: None,
            tax_rate: None,
            employees: None,
            loan_debt: None,
            label: None,
        }
    }

    /// A koncern year from a consolidation (sammanställda räkenskaper, LKBR 12 kap.):
    /// its resultaträkning with the skatt, its balansräkning and, when there is one,
    /// its kassaflödesanalys. Use it in a series of [`crate::analysis::Scope::Group`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{YearFigures, YearKind};
    /// use kommunal_redovisning::group::{Consolidation, GroupIncomeStatement};
    ///
    /// let c = Consolidation {
    ///     income: GroupIncomeStatement {
    ///         statement: IncomeStatement { tax_revenue: Amount::tkr(1_000), operating_expenses: Amount::tkr(-950), ..Default::default() },
    ///         tax: Amount::tkr(-10),
    ///         minority_share: Amount::ZERO,
    ///     },
    ///     ..Default::default()
    /// };
    /// let y = YearFigures::from_consolidation(FinancialYear::new(2025), YearKind::Outcome, &c);
    /// assert_eq!(y.result_for_the_year(), Amount::tkr(40));
    /// ```
    #[must_use]
    pub fn from_consolidation(
        year: FinancialYear,
        kind: YearKind,
        consolidation: &crate::group::Consolidation,
    ) -> YearFigures {
        let mut y = YearFigures::new(year, kind, consolidation.income.statement.clone());
        y.tax = consolidation.income.tax;
        y.balance = Some(consolidation.balance.clone());
        y.cash_flow = consolidation.cash_flow.clone();
        y
    }

    /// Årets resultat: the resultaträkning's, plus the skatt of a koncern.
    #[must_use]
    pub fn result_for_the_year(&self) -> Amount {
        self.income.result_for_the_year() + self.tax
    }

    /// With the balansräkning at the end of the year.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Decimal, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Grästorps kommun 2020-12-31 (tkr): eget kapital 211 913 of summa tillgångar 477 894
    /// // (finansiellinfo.se/Grastorp_2020); the other posts are reduced to one each.
    /// let br = BalanceSheet {
    ///     other_equity: Amount::tkr(211_913), current_liabilities: Amount::tkr(477_894 - 211_913),
    ///     cash_and_bank: Amount::tkr(477_894), ..Default::default()
    /// };
    /// let y = YearFigures::new(FinancialYear::new(2020), YearKind::Outcome, IncomeStatement::default()).with_balance(br);
    /// let v = compute_ratio(RatioId::EquityRatio, &RatioContext::of(&y), &RatioOptions::default())?;
    /// assert_eq!(v.value.as_decimal().round_dp(1), Decimal::new(443, 1)); // soliditet 44,3 %
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_balance(mut self, balance: BalanceSheet) -> YearFigures {
        self.balance = Some(balance);
        self
    }

    /// With the kassaflödesanalys.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, CashFlowStatement, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{YearFigures, YearKind};
    /// use kommunal_redovisning::statement::CashFlowSection as S;
    ///
    /// // Hallsbergs kommun 2020, kassaflödesanalys (mnkr; finansiellinfo.se/Hallsberg_2020):
    /// // årets resultat 59, the löpande verksamhet's adjustments and working capital.
    /// let mut kfa = CashFlowStatement::new(Amount::mnkr(59), Amount::mnkr(63), Amount::mnkr(109));
    /// kfa.push(S::Adjustments, "Justering för av- och nedskrivningar", Amount::mnkr(30))
    ///     .push(S::Adjustments, "Justering för gjorda avsättningar", Amount::mnkr(4))
    ///     .push(S::Adjustments, "Justering för övriga ej likviditetspåverkande poster", Amount::mnkr(1))
    ///     .push(S::WorkingCapital, "Ökning (−)/minskning (+) kortfristiga fordringar", Amount::mnkr(-4))
    ///     .push(S::WorkingCapital, "Ökning (+)/minskning (−) kortfristiga skulder", Amount::mnkr(35));
    /// let y = YearFigures::new(FinancialYear::new(2020), YearKind::Outcome, IncomeStatement::default())
    ///     .with_cash_flow(kfa);
    /// assert_eq!(y.cash_flow.map(|k| k.operating()), Some(Amount::mnkr(125))); // as printed
    /// ```
    #[must_use]
    pub fn with_cash_flow(mut self, cash_flow: CashFlowStatement) -> YearFigures {
        self.cash_flow = Some(cash_flow);
        self
    }

    /// With nettoinvesteringar (positive).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Decimal, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{compute_ratio, Population, RatioContext, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Sjöbo kommun 2016: nettoinvesteringar 64,5 mnkr, 18 742 invånare
    /// // (finansiellinformation.se/Sjobo_2016/Fem.html), taken as at 31 december.
    /// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, IncomeStatement::default())
    ///     .with_net_investments(Amount::tkr(64_500))
    ///     .with_population(Population::december_31(18_742));
    /// let v = compute_ratio(RatioId::NetInvestmentsPerInhabitant, &RatioContext::of(&y), &RatioOptions::default())?;
    /// assert_eq!(v.value.as_decimal().round_dp(0), Decimal::from(3_441)); // 64 500 000 / 18 742
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_net_investments(mut self, net: Amount) -> YearFigures {
        self.net_investments = Some(net);
        self
    }

    /// With investeringsutgifter (bruttoinvesteringar, positive).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, Percent};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Made-up figures (tkr): result 30 + avskrivningar 20 against investeringsutgifter 50.
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(100), depreciation: Amount::tkr(-20), operating_expenses: Amount::tkr(-50), ..Default::default() };
    /// let y = YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, rs)
    ///     .with_gross_investments(Amount::tkr(50));
    /// let v = compute_ratio(RatioId::SelfFinancingGross, &RatioContext::of(&y), &RatioOptions::default())?;
    /// assert_eq!(v.value, RatioFigure::Percent(Percent::HUNDRED));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_gross_investments(mut self, gross: Amount) -> YearFigures {
        self.gross_investments = Some(gross);
        self
    }

    /// With gross and net investments from an investeringsredovisning's totals
    /// (utgifter and utgifter − inkomster).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, FinancialYear, IncomeStatement, InvestmentFigures, InvestmentProject, InvestmentStatement};
    /// use kommunal_redovisning::analysis::{YearFigures, YearKind};
    ///
    /// // A made-up investeringsredovisning (tkr): utgift 4 200, investeringsbidrag 700.
    /// let figures = InvestmentFigures::new(Budget::new(Amount::tkr(5_000)), Amount::tkr(4_200)).with_income(Amount::tkr(700));
    /// let inv = InvestmentStatement::new(vec![InvestmentProject::leaf("Ny förskola", figures)])?;
    /// let y = YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, IncomeStatement::default())
    ///     .with_investments_from(&inv)?;
    /// assert_eq!(y.gross_investments, Some(Amount::tkr(4_200)));
    /// assert_eq!(y.net_investments, Some(Amount::tkr(3_500)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn with_investments_from(mut self, statement: &InvestmentStatement) -> Result<Self> {
        let total = statement.total()?;
        self.gross_investments = Some(total.expenditure);
        self.net_investments = Some(total.net()?);
        Ok(self)
    }

    /// With the population.
    ///
    /// ```
    /// use kommunal_redovisning::{FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, OverviewValue, Population, Scope, Series, YearFigures, YearKind};
    ///
    /// // Sjöbo kommun 2016: 18 742 invånare (finansiellinformation.se/Sjobo_2016/Fem.html),
    /// // taken as at 31 december.
    /// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, IncomeStatement::default())
    ///     .with_population(Population::december_31(18_742));
    /// let overview = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
    /// let cell = overview.cell(OverviewItem::Inhabitants, 0).map(|c| c.value);
    /// assert_eq!(cell, Some(OverviewValue::Count(18_742)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_population(mut self, population: Population) -> YearFigures {
        self.population = Some(population);
        self
    }

    /// With the kommunal skattesats (kr per 100 kr, e.g. `"21.99"`).
    ///
    /// ```
    /// use kommunal_redovisning::{FinancialYear, IncomeStatement, Percent};
    /// use kommunal_redovisning::analysis::{compute_ratio, RatioContext, RatioFigure, RatioId, RatioOptions, YearFigures, YearKind};
    ///
    /// // Sjöbo kommun 2016: kommunal skattesats 20,92 (finansiellinformation.se/Sjobo_2016/Fem.html).
    /// let rate = Percent::new("20.92".parse()?);
    /// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, IncomeStatement::default())
    ///     .with_tax_rate(rate);
    /// let v = compute_ratio(RatioId::TaxRate, &RatioContext::of(&y), &RatioOptions::default())?;
    /// assert_eq!(v.value, RatioFigure::Percent(rate));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_tax_rate(mut self, tax_rate: Percent) -> YearFigures {
        self.tax_rate = Some(tax_rate);
        self
    }

    /// With the number of employees.
    ///
    /// ```
    /// use kommunal_redovisning::{FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, OverviewValue, Scope, Series, Source, YearFigures, YearKind};
    ///
    /// // Sjöbo kommun 2016: 1 102 tillsvidareanställda (finansiellinformation.se/Sjobo_2016/Fem.html).
    /// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, IncomeStatement::default())
    ///     .with_employees(1_102);
    /// let overview = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
    /// let cell = overview.cell(OverviewItem::Employees, 0).map(|c| (c.value, c.source));
    /// assert_eq!(cell, Some((OverviewValue::Count(1_102), Source::Given)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_employees(mut self, employees: u64) -> YearFigures {
        self.employees = Some(employees);
        self
    }

    /// With the låneskuld as the report states it.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, OverviewValue, Scope, Series, Source, YearFigures, YearKind};
    ///
    /// // Kommunalförbundet Lystkom: "Den totala låneskulden uppgår till 15 mkr" (delårsrapport
    /// // 2025). Given, it is used instead of the långfristiga skulder.
    /// let y = YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, IncomeStatement::default())
    ///     .with_loan_debt(Amount::mnkr(15));
    /// let overview = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
    /// let cell = overview.cell(OverviewItem::LoanDebt, 0).map(|c| (c.value, c.source));
    /// assert_eq!(cell, Some((OverviewValue::Amount(Amount::tkr(15_000)), Source::Given)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_loan_debt(mut self, loan_debt: Amount) -> YearFigures {
        self.loan_debt = Some(loan_debt);
        self
    }

    /// With a column heading of its own.
    ///
    /// ```
    /// use kommunal_redovisning::{FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{YearFigures, YearKind};
    ///
    /// // Kommunalförbundet Lystkom's delårsrapport heads its columns by date.
    /// let y = YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, IncomeStatement::default());
    /// assert_eq!(y.column_label(), "Utfall 2025");
    /// assert_eq!(y.with_label("2025-06-30").column_label(), "2025-06-30");
    /// ```
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> YearFigures {
        self.label = Some(label.into());
        self
    }

    /// The column heading: the label given, else "Utfall 2025", "Budget 2026" …
    #[must_use]
    pub fn column_label(&self) -> String {
        self.label
            .clone()
            .unwrap_or_else(|| format!("{} {}", self.kind.label(), self.year.year()))
    }

    /// The year as errors name it: "2025" for an outcome, "budget 2026" otherwise.
    #[must_use]
    pub fn describe(&self) -> String {
        YearRef {
            year: self.year,
            kind: self.kind,
        }
        .to_string()
    }
}

/// A year of a series by year and kind, e.g. "prognos 2025".
///
/// ```
/// use kommunal_redovisning::FinancialYear;
/// use kommunal_redovisning::analysis::{YearKind, YearRef};
///
/// let outcome = YearRef { year: FinancialYear::new(2024), kind: YearKind::Outcome };
/// let forecast = YearRef { year: FinancialYear::new(2025), kind: YearKind::Forecast };
/// assert_eq!(outcome.to_string(), "2024");
/// assert_eq!(forecast.to_string(), "prognos 2025");
/// ```
#[doc(alias = "år")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct YearRef {
    /// The year.
    pub year: FinancialYear,
    /// Its kind.
    pub kind: YearKind,
}

impl fmt::Display for YearRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            YearKind::Outcome => write!(f, "{}", self.year.year()),
            kind => write!(f, "{} {}", kind.label().to_lowercase(), self.year.year()),
        }
    }
}
