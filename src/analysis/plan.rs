//! Budget och flerårsplan: the budgeted resultaträkning, balansräkning and
//! kassaflödesanalys for the budget year and the plan years, the investment plan, and
//! the balanskrav tested on every year.
//!
//! # The law
//!
//! The budget must be set so that intäkterna överstiger kostnaderna; an exception is
//! allowed when there are synnerliga skäl. It contains a plan for the economy for a
//! period of three years, the budget year always the first (kommunallagen 2017:725
//! 11 kap.; the same rules were 8 kap. 4–5 §§ of the 1991 law, SFS 2004:775,
//! <https://www.lagboken.se/Lagboken/start/forvaltningsratt/kommunallag-2017725/d_45883-sfs-2004_775-lag-om-andring-i-kommunallagen-1991_900>;
//! `reference/domain.md` §2.1). The paragraph numbers in the 2017 law (11 kap. 5 § for
//! the balance, 11 kap. 8 § for the three-year plan) are unconfirmed here.
//!
//! "Överstiger" is strict: a budgeted result of exactly zero does not balance. Planned
//! realisationsvinster are deducted first, as the balanskravsutredning deducts them
//! from an outcome (a budget that balances only through sales of assets does not meet
//! the balanskrav).

use std::fmt;

use super::rk::year_column;
use super::series::{Scope, Series};
use super::year::{YearFigures, YearKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Scale};
use crate::period::FinancialYear;
use crate::present::{Column, Table, TableRow, ValueKind};
use crate::statement::{StatementLayout, StatementRowKind};

/// The number of years a flerårsplan covers at least, the budget year included.
pub const PLAN_YEARS: usize = 3;

/// A project of the investment plan (investeringsplan) with its planned
/// nettoinvestering per year.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::analysis::PlannedInvestment;
/// let p = PlannedInvestment::new("Ny förskola").with_year(2026, Amount::tkr(12_000));
/// assert_eq!(p.amount(2026), Amount::tkr(12_000));
/// assert_eq!(p.amount(2027), Amount::ZERO);
/// ```
#[doc(alias = "investeringsplan")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PlannedInvestment {
    /// The project as named in the plan.
    pub name: String,
    /// (year, planned nettoinvestering, positive), one entry per year at most.
    pub years: Vec<(i32, Amount)>,
}

impl PlannedInvestment {
    /// A project without amounts.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::analysis::PlannedInvestment;
    ///
    /// let project = PlannedInvestment::new("Ny förskola");
    /// assert!(project.years.is_empty());
    /// assert_eq!(project.amount(2026), Amount::ZERO);
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>) -> PlannedInvestment {
        PlannedInvestment {
            name: name.into(),
            years: Vec::new(),
        }
    }

    /// With the planned amount of one year (replacing an earlier one for that year).
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::analysis::PlannedInvestment;
    ///
    /// // Made-up: a project planned over two years, its 2026 amount later revised.
    /// let project = PlannedInvestment::new("Ny förskola")
    ///     .with_year(2026, Amount::tkr(12_000))
    ///     .with_year(2027, Amount::tkr(8_000))
    ///     .with_year(2026, Amount::tkr(15_000));
    /// assert_eq!((project.amount(2026), project.amount(2027)), (Amount::tkr(15_000), Amount::tkr(8_000)));
    /// assert_eq!(project.years.len(), 2);
    /// ```
    #[must_use]
    pub fn with_year(mut self, year: i32, amount: Amount) -> PlannedInvestment {
        self.years.retain(|(y, _)| *y != year);
        self.years.push((year, amount));
        self
    }

    /// The planned amount of a year (zero when none).
    #[must_use]
    pub fn amount(&self, year: i32) -> Amount {
        self.years
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(Amount::ZERO, |(_, a)| *a)
    }
}

/// How a budget or plan year stands against the balanskrav (utfall av balansprövning).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{BudgetBalance, FinancialPlan, YearFigures, YearKind};
///
/// // A made-up plan (tkr): a budgeted result of 12 000, of which 12 000 realisationsvinster.
/// let year = |y, kind| YearFigures::new(FinancialYear::new(y), kind,
///     IncomeStatement { tax_revenue: Amount::tkr(500_000), operating_expenses: Amount::tkr(-488_000), ..Default::default() });
/// let plan = FinancialPlan::new(vec![year(2026, YearKind::Budget), year(2027, YearKind::Plan), year(2028, YearKind::Plan)])?
///     .with_realised_gains(2027, Amount::tkr(12_000));
/// let verdicts: Vec<BudgetBalance> = plan.balance_tests()?.into_iter().map(|t| t.balance).collect();
/// // 2027 balances only through the sale of assets: not in balance.
/// assert_eq!(verdicts, [BudgetBalance::Balanced, BudgetBalance::NotBalanced, BudgetBalance::Balanced]);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balanskrav i budget")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BudgetBalance {
    /// Intäkterna överstiger kostnaderna.
    Balanced,
    /// Not balanced, with synnerliga skäl stated (the motivation).
    ExceptionalReasons(String),
    /// Not balanced and no synnerliga skäl stated: the budget breaks the balanskrav.
    NotBalanced,
}

/// The balanskrav tested on one budget or plan year (balansprövning).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{FinancialPlan, YearFigures, YearKind};
///
/// // A made-up plan (tkr): budgeted results of 12 000, 4 000 and −2 000.
/// let year = |y, kind, result: i64| YearFigures::new(FinancialYear::new(y), kind,
///     IncomeStatement { tax_revenue: Amount::tkr(500_000), operating_expenses: Amount::tkr(result - 500_000), ..Default::default() });
/// let plan = FinancialPlan::new(vec![
///     year(2026, YearKind::Budget, 12_000), year(2027, YearKind::Plan, 4_000), year(2028, YearKind::Plan, -2_000),
/// ])?
/// .with_realised_gains(2027, Amount::tkr(1_500));
/// let tests = plan.balance_tests()?;
/// assert_eq!(tests[1].adjusted_result, Amount::tkr(2_500)); // 4 000 − 1 500 realisationsvinster
/// assert_eq!(
///     tests[2].to_string(),
///     "Plan 2028: resultat efter balanskravsjusteringar −2\u{a0}000 tkr, inte i balans och inga synnerliga skäl angivna (KL 11 kap.)"
/// );
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balansprövning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BudgetBalanceTest {
    /// The year.
    pub year: FinancialYear,
    /// Budget or plan.
    pub kind: YearKind,
    /// Budgeterat årets resultat.
    pub result: Amount,
    /// Planned realisationsvinster deducted (zero or positive).
    pub realised_gains: Amount,
    /// Resultat efter balanskravsjusteringar = result − realised gains.
    pub adjusted_result: Amount,
    /// The verdict.
    pub balance: BudgetBalance,
}

impl fmt::Display for BudgetBalanceTest {
    /// Swedish, with amounts in tkr, e.g. "Budget 2026: resultat efter
    /// balanskravsjusteringar 12 000 tkr, budgeten är i balans".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sv = crate::present::NumberFormat::swedish();
        let verdict = match &self.balance {
            BudgetBalance::Balanced => "intäkterna överstiger kostnaderna".to_owned(),
            BudgetBalance::ExceptionalReasons(m) => {
                format!("inte i balans, synnerliga skäl: {m}")
            }
            BudgetBalance::NotBalanced => {
                "inte i balans och inga synnerliga skäl angivna (KL 11 kap.)".to_owned()
            }
        };
        write!(
            f,
            "{} {}: resultat efter balanskravsjusteringar {} tkr, {verdict}",
            self.kind.label(),
            self.year.year(),
            sv.amount(self.adjusted_result, Scale::Tkr)
        )
    }
}

/// Something the plan's check found (iakttagelse i budget och plan).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{FinancialPlan, PlanFinding, PlannedInvestment, YearFigures, YearKind};
///
/// // A made-up plan (tkr): every year balances; 2026 states 30 000 of nettoinvesteringar,
/// // the investment plan holds 42 000.
/// let year = |y, kind| YearFigures::new(FinancialYear::new(y), kind,
///     IncomeStatement { tax_revenue: Amount::tkr(500_000), operating_expenses: Amount::tkr(-490_000), ..Default::default() });
/// let plan = FinancialPlan::new(vec![
///     year(2026, YearKind::Budget).with_net_investments(Amount::tkr(30_000)),
///     year(2027, YearKind::Plan),
///     year(2028, YearKind::Plan),
/// ])?
/// .with_investment(PlannedInvestment::new("Ny förskola").with_year(2026, Amount::tkr(42_000)));
/// let findings = plan.findings()?;
/// assert_eq!(findings, [PlanFinding::InvestmentPlanDiffers {
///     year: FinancialYear::new(2026),
///     plan_total: Amount::tkr(42_000),
///     figures: Amount::tkr(30_000),
/// }]);
/// assert_eq!(
///     findings[0].to_string(),
///     "år 2026: nettoinvesteringarna är 30\u{a0}000\u{a0}tkr men investeringsplanen summerar till 42\u{a0}000\u{a0}tkr"
/// );
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "iakttagelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum PlanFinding {
    /// A year does not balance and no synnerliga skäl are stated.
    NotBalanced {
        /// The year.
        year: FinancialYear,
        /// Its resultat efter balanskravsjusteringar.
        adjusted_result: Amount,
    },
    /// The nettoinvesteringar of a year differ from the investment plan's total.
    InvestmentPlanDiffers {
        /// The year.
        year: FinancialYear,
        /// The sum of the investment plan.
        plan_total: Amount,
        /// The nettoinvesteringar given with the year's figures.
        figures: Amount,
    },
    /// A year's budgeted balansräkning does not balance.
    UnbalancedBalanceSheet {
        /// The year.
        year: FinancialYear,
        /// The error, as text.
        error: String,
    },
}

impl fmt::Display for PlanFinding {
    /// Swedish, amounts exact in tkr as [`BudgetBalanceTest`]'s, e.g. "år 2028: resultat
    /// efter balanskravsjusteringar −2 000 tkr, inte i balans och inga synnerliga skäl
    /// angivna (KL 11 kap.)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tkr = |a: Amount| a.sv().in_scale(Scale::Tkr);
        match self {
            PlanFinding::NotBalanced {
                year,
                adjusted_result,
            } => write!(
                f,
                "år {year}: resultat efter balanskravsjusteringar {}, inte i balans och inga synnerliga skäl angivna (KL 11 kap.)",
                tkr(*adjusted_result)
            ),
            PlanFinding::InvestmentPlanDiffers {
                year,
                plan_total,
                figures,
            } => write!(
                f,
                "år {year}: nettoinvesteringarna är {} men investeringsplanen summerar till {}",
                tkr(*figures),
                tkr(*plan_total)
            ),
            PlanFinding::UnbalancedBalanceSheet { year, error } => write!(
                f,
                "år {year}: den budgeterade balansräkningen balanserar inte: {error}"
            ),
        }
    }
}

/// Budget och flerårsplan (budget and multi-year plan): the budget year and the plan
/// years, each a [`YearFigures`] with its budgeted resultaträkning (and balansräkning,
/// kassaflödesanalys where the plan has them), the investment plan, planned
/// realisationsvinster and synnerliga skäl per year.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{BudgetBalance, FinancialPlan, YearFigures, YearKind};
///
/// let year = |y: i32, kind, result: i64| YearFigures::new(FinancialYear::new(y), kind,
///     IncomeStatement { tax_revenue: Amount::tkr(1_000), operating_expenses: Amount::tkr(result - 1_000), ..Default::default() });
/// let plan = FinancialPlan::new(vec![
///     year(2026, YearKind::Budget, 20),
///     year(2027, YearKind::Plan, 0),
///     year(2028, YearKind::Plan, -5),
/// ])?
/// .with_exceptional_reason(2028, "Omställning av äldreomsorgen (synnerliga skäl, KF § 112)");
/// let tests = plan.balance_tests()?;
/// assert_eq!(tests[0].balance, BudgetBalance::Balanced);
/// assert_eq!(tests[1].balance, BudgetBalance::NotBalanced); // zero does not exceed
/// assert!(matches!(tests[2].balance, BudgetBalance::ExceptionalReasons(_)));
/// assert_eq!(plan.findings()?.len(), 1);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "budget")]
#[doc(alias = "flerårsplan")]
#[doc(alias = "ekonomisk plan")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PlanData", into = "PlanData"))]
pub struct FinancialPlan {
    years: Vec<YearFigures>,
    /// The investment plan.
    pub investments: Vec<PlannedInvestment>,
    /// Planned realisationsvinster per year (positive), deducted in the balance test.
    pub realised_gains: Vec<(i32, Amount)>,
    /// Synnerliga skäl per year, with the motivation fullmäktige gave.
    pub exceptional_reasons: Vec<(i32, String)>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PlanData {
    years: Vec<YearFigures>,
    #[cfg_attr(feature = "serde", serde(default))]
    investments: Vec<PlannedInvestment>,
    #[cfg_attr(feature = "serde", serde(default))]
    realised_gains: Vec<(i32, Amount)>,
    #[cfg_attr(feature = "serde", serde(default))]
    exceptional_reasons: Vec<(i32, String)>,
}

impl TryFrom<PlanData> for FinancialPlan {
    type Error = crate::error::InSwedish;
    fn try_from(d: PlanData) -> std::result::Result<FinancialPlan, Self::Error> {
        let mut plan = FinancialPlan::new(d.years).map_err(crate::error::InSwedish)?;
        plan.investments = d.investments;
        plan.realised_gains = d.realised_gains;
        plan.exceptional_reasons = d.exceptional_reasons;
        Ok(plan)
    }
}

impl From<FinancialPlan> for PlanData {
    fn from(p: FinancialPlan) -> PlanData {
        PlanData {
            years: p.years,
            investments: p.investments,
            realised_gains: p.realised_gains,
            exceptional_reasons: p.exceptional_reasons,
        }
    }
}

impl FinancialPlan {
    /// A plan of these years: the budget year first (kind [`YearKind::Budget`]), then
    /// consecutive plan years ([`YearKind::Plan`]), at least [`PLAN_YEARS`] in all.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] saying which rule the years break.
    ///
    /// ```
    /// use kommunal_redovisning::{Error, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FinancialPlan, YearFigures, YearKind};
    ///
    /// let year = |y, kind| YearFigures::new(FinancialYear::new(y), kind, IncomeStatement::default());
    /// let plan = FinancialPlan::new(vec![year(2026, YearKind::Budget), year(2027, YearKind::Plan), year(2028, YearKind::Plan)])?;
    /// assert_eq!(plan.budget_year(), FinancialYear::new(2026));
    /// // A plan must cover three years (KL 11 kap.), the budget year first.
    /// let short = FinancialPlan::new(vec![year(2026, YearKind::Budget), year(2027, YearKind::Plan)]);
    /// assert!(matches!(short, Err(Error::InvalidRule(_))));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(years: Vec<YearFigures>) -> Result<FinancialPlan> {
        if years.len() < PLAN_YEARS {
            return Err(Error::InvalidRule(format!(
                "en budget behöver en plan för minst {PLAN_YEARS} år med budgetåret först \
                 (KL 11 kap.); {} angivna",
                years.len()
            )));
        }
        let mut expected: Option<i32> = None;
        for (i, y) in years.iter().enumerate() {
            let kind = if i == 0 {
                YearKind::Budget
            } else {
                YearKind::Plan
            };
            if y.kind != kind {
                return Err(Error::InvalidRule(format!(
                    "{} är år {} i planen och måste vara {}",
                    y.column_label(),
                    i + 1,
                    kind.label().to_lowercase()
                )));
            }
            if let Some(e) = expected {
                if y.year.year() != e {
                    return Err(Error::InvalidRule(format!(
                        "planens år måste följa på varandra: {e} väntades, {} angavs",
                        y.year.year()
                    )));
                }
            }
            expected = Some(y.year.year() + 1);
        }
        Ok(FinancialPlan {
            years,
            investments: Vec::new(),
            realised_gains: Vec::new(),
            exceptional_reasons: Vec::new(),
        })
    }

    /// The years, budget year first.
    #[must_use]
    pub fn years(&self) -> &[YearFigures] {
        &self.years
    }

    /// The budget year.
    #[must_use]
    pub fn budget_year(&self) -> FinancialYear {
        self.years.first().map_or(FinancialYear::new(0), |y| y.year)
    }

    /// With a project of the investment plan.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FinancialPlan, PlannedInvestment, YearFigures, YearKind};
    ///
    /// // A made-up investment plan (tkr) of two projects.
    /// let year = |y, kind| YearFigures::new(FinancialYear::new(y), kind, IncomeStatement::default());
    /// let plan = FinancialPlan::new(vec![year(2026, YearKind::Budget), year(2027, YearKind::Plan), year(2028, YearKind::Plan)])?
    ///     .with_investment(PlannedInvestment::new("Ny förskola").with_year(2026, Amount::tkr(12_000)))
    ///     .with_investment(PlannedInvestment::new("Gator och vägar").with_year(2026, Amount::tkr(3_000)));
    /// assert_eq!(plan.investment_total(2026)?, Amount::tkr(15_000));
    /// assert_eq!(plan.investment_total(2027)?, Amount::ZERO);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_investment(mut self, project: PlannedInvestment) -> FinancialPlan {
        self.investments.push(project);
        self
    }

    /// With planned realisationsvinster of a year (positive).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FinancialPlan, YearFigures, YearKind};
    ///
    /// // A made-up plan (tkr): a budgeted result of 5 000 a year, 3 000 of it from a land sale in 2027.
    /// let year = |y, kind| YearFigures::new(FinancialYear::new(y), kind,
    ///     IncomeStatement { tax_revenue: Amount::tkr(100_000), operating_expenses: Amount::tkr(-95_000), ..Default::default() });
    /// let plan = FinancialPlan::new(vec![year(2026, YearKind::Budget), year(2027, YearKind::Plan), year(2028, YearKind::Plan)])?
    ///     .with_realised_gains(2027, Amount::tkr(3_000));
    /// let adjusted: Vec<Amount> = plan.balance_tests()?.iter().map(|t| t.adjusted_result).collect();
    /// assert_eq!(adjusted, [Amount::tkr(5_000), Amount::tkr(2_000), Amount::tkr(5_000)]);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_realised_gains(mut self, year: i32, gains: Amount) -> FinancialPlan {
        self.realised_gains.retain(|(y, _)| *y != year);
        self.realised_gains.push((year, gains));
        self
    }

    /// With synnerliga skäl for a year that does not balance, and their motivation.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{BudgetBalance, FinancialPlan, YearFigures, YearKind};
    ///
    /// // A made-up plan (tkr) with a deficit of 4 000 in 2028, motivated by synnerliga skäl.
    /// let year = |y, kind, result: i64| YearFigures::new(FinancialYear::new(y), kind,
    ///     IncomeStatement { tax_revenue: Amount::tkr(100_000), operating_expenses: Amount::tkr(result - 100_000), ..Default::default() });
    /// let reason = "Engångskostnad för omställning (synnerliga skäl, made up)";
    /// let plan = FinancialPlan::new(vec![year(2026, YearKind::Budget, 2_000), year(2027, YearKind::Plan, 1_000), year(2028, YearKind::Plan, -4_000)])?
    ///     .with_exceptional_reason(2028, reason);
    /// let tests = plan.balance_tests()?;
    /// assert_eq!(tests[2].balance, BudgetBalance::ExceptionalReasons(reason.to_owned()));
    /// assert!(plan.findings()?.is_empty()); // a stated reason is no finding
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_exceptional_reason(
        mut self,
        year: i32,
        motivation: impl Into<String>,
    ) -> FinancialPlan {
        self.exceptional_reasons.push((year, motivation.into()));
        self
    }

    /// The investment plan's total for a year.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn investment_total(&self, year: i32) -> Result<Amount> {
        Amount::checked_sum(self.investments.iter().map(|p| p.amount(year)))
    }

    /// The balanskrav tested on every year.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; [`Error::WrongSign`] for negative planned realisationsvinster.
    pub fn balance_tests(&self) -> Result<Vec<BudgetBalanceTest>> {
        let mut out = Vec::with_capacity(self.years.len());
        for y in &self.years {
            let result = y.result_for_the_year();
            let gains = self
                .realised_gains
                .iter()
                .find(|(yr, _)| *yr == y.year.year())
                .map_or(Amount::ZERO, |(_, g)| *g);
            if gains.is_negative() {
                return Err(Error::WrongSign {
                    row: format!("planerade realisationsvinster {}", y.year.year()),
                    expected: "noll eller positiv (dras av i testet)",
                    amount: gains,
                });
            }
            let adjusted = result.checked_sub(gains)?;
            let reasons: Vec<&str> = self
                .exceptional_reasons
                .iter()
                .filter(|(yr, m)| *yr == y.year.year() && !m.trim().is_empty())
                .map(|(_, m)| m.as_str())
                .collect();
            let balance = if adjusted > Amount::ZERO {
                BudgetBalance::Balanced
            } else if reasons.is_empty() {
                BudgetBalance::NotBalanced
            } else {
                BudgetBalance::ExceptionalReasons(reasons.join("; "))
            };
            out.push(BudgetBalanceTest {
                year: y.year,
                kind: y.kind,
                result,
                realised_gains: gains,
                adjusted_result: adjusted,
                balance,
            });
        }
        Ok(out)
    }

    /// Everything wrong with the plan: years that do not balance without synnerliga
    /// skäl, nettoinvesteringar that differ from the investment plan, budgeted
    /// balansräkningar that do not balance.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`], [`Error::WrongSign`] as [`FinancialPlan::balance_tests`].
    pub fn findings(&self) -> Result<Vec<PlanFinding>> {
        let mut out = Vec::new();
        for t in self.balance_tests()? {
            if t.balance == BudgetBalance::NotBalanced {
                out.push(PlanFinding::NotBalanced {
                    year: t.year,
                    adjusted_result: t.adjusted_result,
                });
            }
        }
        for y in &self.years {
            if let (Some(figures), false) = (y.net_investments, self.investments.is_empty()) {
                let plan_total = self.investment_total(y.year.year())?;
                if plan_total != figures {
                    out.push(PlanFinding::InvestmentPlanDiffers {
                        year: y.year,
                        plan_total,
                        figures,
                    });
                }
            }
            if let Some(br) = &y.balance {
                if let Err(e) = br.validate() {
                    out.push(PlanFinding::UnbalancedBalanceSheet {
                        year: y.year,
                        error: e.sv().to_string(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// The plan's years as a series, with nettoinvesteringar taken from the
    /// investment plan where a year has none of its own — to compute ratios and
    /// evaluate financial goals on them, or to append to the outcome years.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn to_series(&self, scope: Scope) -> Result<Series> {
        let mut years = self.years.clone();
        if !self.investments.is_empty() {
            for y in &mut years {
                if y.net_investments.is_none() {
                    y.net_investments = Some(self.investment_total(y.year.year())?);
                }
            }
        }
        Series::new(scope, years)
    }

    fn columns(&self) -> Vec<Column> {
        self.years
            .iter()
            .map(|y| year_column(y.kind, y.column_label()))
            .collect()
    }

    /// The budgeted resultaträkning, one column per year.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn income_table(&self, layout: &StatementLayout, scale: Scale) -> Result<Table> {
        let columns: Vec<(Column, &crate::IncomeStatement)> = self
            .columns()
            .into_iter()
            .zip(self.years.iter().map(|y| &y.income))
            .collect();
        Table::income_statement("Budgeterad resultaträkning", scale, layout, &columns)
    }

    /// The budgeted balansräkning, one column per year; `None` when a year has none.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn balance_table(&self, layout: &StatementLayout, scale: Scale) -> Result<Option<Table>> {
        let mut columns = Vec::with_capacity(self.years.len());
        for (c, y) in self.columns().into_iter().zip(&self.years) {
            match &y.balance {
                Some(br) => columns.push((c, br)),
                None => return Ok(None),
            }
        }
        Table::balance_sheet("Budgeterad balansräkning", scale, layout, &columns).map(Some)
    }

    /// The investment plan: one row per project, a total, one column per year.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; [`Error::InvalidRule`] for two projects with the same name.
    pub fn investment_table(&self, scale: Scale) -> Result<Table> {
        let mut table = Table::new(
            "Investeringsplan (nettoinvesteringar)",
            scale,
            self.columns(),
        );
        let mut ids = Vec::with_capacity(self.investments.len());
        for (i, p) in self.investments.iter().enumerate() {
            let id = format!("projekt_{}", i + 1);
            table.push_row(TableRow::new(
                id.clone(),
                p.name.clone(),
                StatementRowKind::Line,
                ValueKind::Flow,
                self.years
                    .iter()
                    .map(|y| Some(p.amount(y.year.year())))
                    .collect(),
            ))?;
            ids.push(id);
        }
        let totals = self
            .years
            .iter()
            .map(|y| self.investment_total(y.year.year()).map(Some))
            .collect::<Result<Vec<_>>>()?;
        table.push_row(
            TableRow::new(
                "summa",
                "Summa nettoinvesteringar",
                StatementRowKind::Total,
                ValueKind::Flow,
                totals,
            )
            .with_sum_of(ids),
        )?;
        Ok(table)
    }

    /// The balance test as a table: årets resultat, avgår realisationsvinster,
    /// resultat efter balanskravsjusteringar.
    ///
    /// # Errors
    ///
    /// As [`FinancialPlan::balance_tests`].
    pub fn balance_test_table(&self, scale: Scale) -> Result<Table> {
        let tests = self.balance_tests()?;
        let mut table = Table::new("Balanskrav i budget och plan", scale, self.columns());
        let row =
            |id: &str, label: &str, kind, f: &dyn Fn(&BudgetBalanceTest) -> Result<Amount>| {
                tests
                    .iter()
                    .map(|t| f(t).map(Some))
                    .collect::<Result<Vec<_>>>()
                    .map(|cells| TableRow::new(id, label, kind, ValueKind::Flow, cells))
            };
        table.push_row(row(
            "resultat",
            "Budgeterat årets resultat",
            StatementRowKind::Line,
            &|t| Ok(t.result),
        )?)?;
        table.push_row(row(
            "realisationsvinster",
            "Avgår planerade realisationsvinster",
            StatementRowKind::Line,
            &|t| Amount::ZERO.checked_sub(t.realised_gains),
        )?)?;
        table.push_row(
            row(
                "justerat",
                "Resultat efter balanskravsjusteringar",
                StatementRowKind::Total,
                &|t| Ok(t.adjusted_result),
            )?
            .with_sum_of(["resultat", "realisationsvinster"]),
        )?;
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::{BalanceSheet, IncomeStatement};

    // The made-up plan of `BudgetBalanceTest`'s example (tkr): 2028 budgets −2 000.
    fn year(y: i32, kind: YearKind, result: i64) -> YearFigures {
        YearFigures::new(
            FinancialYear::new(y),
            kind,
            IncomeStatement {
                tax_revenue: Amount::tkr(500_000),
                operating_expenses: Amount::tkr(result - 500_000),
                ..Default::default()
            },
        )
    }

    #[test]
    fn not_balanced_is_worded_with_its_result_in_tkr() {
        let plan = FinancialPlan::new(vec![
            year(2026, YearKind::Budget, 12_000),
            year(2027, YearKind::Plan, 4_000),
            year(2028, YearKind::Plan, -2_000),
        ])
        .unwrap();
        let findings = plan.findings().unwrap();
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].to_string(),
            "år 2028: resultat efter balanskravsjusteringar \u{2212}2\u{a0}000\u{a0}tkr, inte i balans \
             och inga synnerliga skäl angivna (KL 11 kap.)"
        );
    }

    #[test]
    fn kronor_are_not_rounded_away() {
        let f = PlanFinding::NotBalanced {
            year: FinancialYear::new(2027),
            adjusted_result: Amount::kr(-1_500),
        };
        assert!(f.to_string().contains("\u{2212}1,5\u{a0}tkr"), "{f}");
    }

    #[test]
    fn unbalanced_balance_sheet_names_the_year_and_the_error() {
        // A budgeted balansräkning with 1 000 tkr of assets and nothing against them.
        let br = BalanceSheet {
            cash_and_bank: Amount::tkr(1_000),
            ..Default::default()
        };
        let plan = FinancialPlan::new(vec![
            year(2026, YearKind::Budget, 12_000).with_balance(br),
            year(2027, YearKind::Plan, 4_000),
            year(2028, YearKind::Plan, 1_000),
        ])
        .unwrap();
        let findings = plan.findings().unwrap();
        assert_eq!(findings.len(), 1);
        let PlanFinding::UnbalancedBalanceSheet { error, .. } = &findings[0] else {
            panic!("{findings:?}");
        };
        assert_eq!(
            findings[0].to_string(),
            format!("år 2026: den budgeterade balansräkningen balanserar inte: {error}")
        );
        assert!(error.contains("1\u{a0}000"), "{error}");
    }
}
