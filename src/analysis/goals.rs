//! Finansiella mål för god ekonomisk hushållning (KL 11 kap. 6 §) as targets of the goal
//! module, evaluated on every year of a series: outcomes, forecast, budget and plan.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::catalogue::{RatioId, RatioUnit};
use super::compute::{RatioFigure, RatioOptions};
use super::series::Series;
use super::year::{YearKind, YearRef};
use crate::error::{Error, Result};
use crate::goal::{
    Achievement, Measurement, Observation, Outcome, OverAchievement, TargetKind, TargetValue,
    YearValue,
};
use crate::present::{Column, QuantityRow, RatioRow, Table};

/// A financial goal (finansiellt mål): a ratio of the catalogue and a target of the goal
/// module, e.g. "årets resultat ska uppgå till minst 2 % av skatteintäkter och generella
/// statsbidrag".
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{FinancialGoal, RatioOptions, Scope, Series, YearFigures, YearKind};
///
/// let year = |y, kind, result: i64| YearFigures::new(FinancialYear::new(y), kind,
///     IncomeStatement { tax_revenue: Amount::tkr(1_000), operating_expenses: Amount::tkr(result - 1_000), ..Default::default() });
/// let s = Series::new(Scope::Entity, vec![
///     year(2025, YearKind::Outcome, 25),
///     year(2026, YearKind::Budget, 15),
/// ])?;
/// let goal = FinancialGoal::result_share_at_least("2".parse()?);
/// let years = goal.evaluate(&s, &RatioOptions::default())?;
/// assert_eq!(years[0].achievement.as_ref().map(|a| a.met), Some(true));  // 2,5 %
/// assert_eq!(years[1].achievement.as_ref().map(|a| a.met), Some(false)); // 1,5 %
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "finansiellt mål")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FinancialGoal {
    /// A reference, e.g. "F1".
    pub id: String,
    /// The goal as fullmäktige worded it.
    pub description: String,
    /// The ratio measured.
    pub ratio: RatioId,
    /// The target (≥, ≤, an average over several years …).
    pub target: TargetKind,
}

/// The goal on one year (måluppfyllelse per år).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{FinancialGoal, RatioOptions, Scope, Series, YearFigures, YearKind};
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
/// let series = Series::new(Scope::Entity, vec![
///     year(YearKind::Budget, rs(102_946, -423_231, -14_991, 257_951, 84_473, 812, -1_111)),
///     year(YearKind::Outcome, rs(101_282, -417_698, -14_879, 257_770, 86_552, 794, -1_778)),
/// ])?;
/// // A goal of at least 3 % (made up): the budget's 2,0 % misses it, the outcome's 3,5 % meets it.
/// let years = FinancialGoal::result_share_at_least("3".parse()?).evaluate(&series, &RatioOptions::default())?;
/// let met: Vec<(String, Option<bool>)> = years.iter().map(|g| (g.column.clone(), g.achievement.as_ref().map(|a| a.met))).collect();
/// assert_eq!(met, [("Budget 2019".into(), Some(false)), ("Utfall 2019".into(), Some(true))]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "måluppfyllelse per år")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GoalYear {
    /// The year and its kind.
    pub year: YearRef,
    /// The column heading.
    pub column: String,
    /// The ratio's value (for an average target: the year's own value).
    pub value: Option<RatioFigure>,
    /// Whether it is met and to what degree; `None` when the value could not be computed.
    pub achievement: Option<Achievement>,
    /// Why it could not be evaluated, if it could not.
    pub unavailable: Option<String>,
}

impl FinancialGoal {
    /// A goal on any ratio.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, FinancialYear, IncomeStatement, TargetKind};
    /// use kommunal_redovisning::analysis::{FinancialGoal, RatioId, RatioOptions, Scope, Series, YearFigures, YearKind};
    ///
    /// // Grästorps kommun 2020-12-31 (tkr): eget kapital 211 913 of summa tillgångar 477 894
    /// // (finansiellinfo.se/Grastorp_2020), the other posts reduced to one; the goal of
    /// // 40 % is made up.
    /// let br = BalanceSheet {
    ///     other_equity: Amount::tkr(211_913), current_liabilities: Amount::tkr(477_894 - 211_913),
    ///     cash_and_bank: Amount::tkr(477_894), ..Default::default()
    /// };
    /// let y = YearFigures::new(FinancialYear::new(2020), YearKind::Outcome, IncomeStatement::default()).with_balance(br);
    /// let goal = FinancialGoal::new("F2", "Soliditeten ska vara minst 40 %", RatioId::EquityRatio, TargetKind::at_least("40".parse()?));
    /// let years = goal.evaluate(&Series::new(Scope::Entity, vec![y])?, &RatioOptions::default())?;
    /// assert_eq!(years[0].achievement.as_ref().map(|a| a.met), Some(true)); // 44,3 %
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        description: impl Into<String>,
        ratio: RatioId,
        target: TargetKind,
    ) -> FinancialGoal {
        FinancialGoal {
            id: id.into(),
            description: description.into(),
            ratio,
            target,
        }
    }

    /// "Årets resultat ska uppgå till minst {min} % av skatteintäkter och generella
    /// statsbidrag".
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FinancialGoal, RatioId, RatioOptions, Scope, Series, YearFigures, YearKind};
    ///
    /// let goal = FinancialGoal::result_share_at_least("2".parse()?);
    /// assert_eq!(goal.ratio, RatioId::ResultShare);
    /// assert_eq!(goal.description, "Årets resultat ska uppgå till minst 2 % av skatteintäkter och generella statsbidrag");
    /// // Grästorps kommun 2019 (tkr): årets resultat 12 043 of 344 322 tkr skatteintäkter och
    /// // generella statsbidrag (finansiellinfo.se/Grastorp_2019), here as one line of costs.
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552),
    ///     operating_expenses: Amount::tkr(12_043 - 344_322), ..Default::default() };
    /// let series = Series::new(Scope::Entity, vec![YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs)])?;
    /// let years = goal.evaluate(&series, &RatioOptions::default())?;
    /// assert_eq!(years[0].achievement.as_ref().map(|a| a.met), Some(true)); // 3,5 %
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn result_share_at_least(min: Decimal) -> FinancialGoal {
        FinancialGoal::new(
            "resultatmal",
            format!(
                "Årets resultat ska uppgå till minst {} % av skatteintäkter och generella statsbidrag",
                crate::present::NumberFormat::swedish()
                    .with_decimals(min.scale())
                    .decimal(min)
            ),
            RatioId::ResultShare,
            TargetKind::at_least(min),
        )
    }

    /// "Investeringarna ska självfinansieras till minst {min} %" (nettoinvesteringar).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FinancialGoal, RatioOptions, Scope, Series, YearFigures, YearKind};
    ///
    /// // Made-up figures (tkr): result 30 + avskrivningar 20 against nettoinvesteringar 40 and 60.
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(100), depreciation: Amount::tkr(-20), operating_expenses: Amount::tkr(-50), ..Default::default() };
    /// let year = |y, net| YearFigures::new(FinancialYear::new(y), YearKind::Outcome, rs.clone()).with_net_investments(Amount::tkr(net));
    /// let series = Series::new(Scope::Entity, vec![year(2024, 40), year(2025, 60)])?;
    /// let goal = FinancialGoal::self_financing_at_least("100".parse()?);
    /// let met: Vec<Option<bool>> = goal.evaluate(&series, &RatioOptions::default())?
    ///     .iter().map(|g| g.achievement.as_ref().map(|a| a.met)).collect();
    /// assert_eq!(met, [Some(true), Some(false)]); // 125 % and 83,3 %
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn self_financing_at_least(min: Decimal) -> FinancialGoal {
        FinancialGoal::new(
            "sjalvfinansieringsmal",
            format!(
                "Nettoinvesteringarna ska självfinansieras till minst {} %",
                crate::present::NumberFormat::swedish()
                    .with_decimals(min.scale())
                    .decimal(min)
            ),
            RatioId::SelfFinancingNet,
            TargetKind::at_least(min),
        )
    }

    /// The goal evaluated on every column of the series.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the target does not fit a ratio value (a count or a
    /// yes/no target); [`Error::Overflow`]. A ratio that cannot be computed for a year
    /// gives that year [`GoalYear::unavailable`], not an error.
    pub fn evaluate(&self, series: &Series, options: &RatioOptions) -> Result<Vec<GoalYear>> {
        let row = series.ratio_row(self.ratio, options);
        let mut out = Vec::with_capacity(row.len());
        for (i, (cell, y)) in row.into_iter().zip(series.years()).enumerate() {
            let mut g = GoalYear {
                year: YearRef {
                    year: y.year,
                    kind: y.kind,
                },
                column: y.column_label(),
                value: None,
                achievement: None,
                unavailable: None,
            };
            match cell {
                Some(Ok(v)) => {
                    g.value = Some(v.value);
                    match self.measurement(series, i, options)? {
                        Ok(m) => {
                            g.achievement =
                                Some(self.target.achievement(&m, OverAchievement::Cap)?);
                        }
                        Err(reason) => g.unavailable = Some(reason),
                    }
                }
                Some(Err(Error::RatioUnavailable { reason, .. })) => g.unavailable = Some(reason),
                Some(Err(e)) => return Err(e),
                None => g.unavailable = Some("nyckeltalet gäller inte för kolumnen".to_owned()),
            }
            out.push(g);
        }
        Ok(out)
    }

    /// The measurement of column `index` in the form the target needs: the value, or
    /// for an average the values of the years ending with this one (each year's best
    /// figures). `Ok(Err(reason))` when a year of the average cannot be computed.
    fn measurement(
        &self,
        series: &Series,
        index: usize,
        options: &RatioOptions,
    ) -> Result<std::result::Result<Measurement, String>> {
        let Some(entry) = series.years().get(index) else {
            return Ok(Err("kolumnen finns inte".to_owned()));
        };
        let value_of = |y: &super::year::YearFigures| {
            super::compute::compute_ratio(self.ratio, &series.context(y), options)
                .map(|v| v.value.as_decimal())
        };
        match &self.target {
            TargetKind::MultiYearAverage { years, .. } => {
                let mut values = Vec::new();
                for back in 0..*years {
                    let year = entry.year.year() - i32::try_from(back).unwrap_or(i32::MAX);
                    let y = if back == 0 {
                        Some(entry)
                    } else {
                        series.best(crate::FinancialYear::new(year))
                    };
                    let Some(y) = y else {
                        return Ok(Err(format!(
                            "inga siffror för {year} till snittet över {years} år"
                        )));
                    };
                    match value_of(y) {
                        Ok(v) => values.push(YearValue { year, value: v }),
                        Err(Error::RatioUnavailable { reason, .. }) => {
                            return Ok(Err(format!("{year}: {reason}")));
                        }
                        Err(e) => return Err(e),
                    }
                }
                values.reverse();
                Ok(Ok(Measurement::Yearly(values)))
            }
            _ => match value_of(entry) {
                Ok(v) => Ok(Ok(Measurement::Value(v))),
                Err(Error::RatioUnavailable { reason, .. }) => Ok(Err(reason)),
                Err(e) => Err(e),
            },
        }
    }

    /// The goal as a målvärde of the goal module, with one observation per outcome
    /// year (dated 31 December) and the latest forecast as its forecast, for
    /// [`crate::goal::evaluate`] on any of those dates.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] for a year chrono cannot represent; as
    /// [`FinancialGoal::evaluate`].
    pub fn to_target_value(&self, series: &Series, options: &RatioOptions) -> Result<TargetValue> {
        let unit = match self.ratio.definition().unit {
            RatioUnit::Percent => "%",
            RatioUnit::PercentagePoints => "procentenheter",
            RatioUnit::Amount => "kr",
            RatioUnit::KronorPerInhabitant => "kr/inv.",
        };
        let mut t = TargetValue::new(
            self.id.clone(),
            self.description.clone(),
            unit,
            self.target.clone(),
        );
        for (i, y) in series.years().iter().enumerate() {
            if !matches!(y.kind, YearKind::Outcome | YearKind::Forecast) {
                continue;
            }
            let date = NaiveDate::from_ymd_opt(y.year.year(), 12, 31)
                .ok_or_else(|| Error::InvalidDate(format!("{}-12-31", y.year.year())))?;
            let outcome = match self.measurement(series, i, options)? {
                Ok(m) => Outcome::Measured(m),
                Err(reason) => Outcome::NotReported { note: reason },
            };
            let observation = Observation::new(date, outcome);
            t = if y.kind == YearKind::Outcome {
                t.measured_on(date).with_outcome(observation)
            } else {
                t.with_forecast(observation)
            };
        }
        Ok(t)
    }
}

/// The financial goals on every column of a series as a table: per goal its value and
/// its degree of achievement (måluppfyllelse, capped at 100 %).
///
/// # Errors
///
/// As [`FinancialGoal::evaluate`].
pub fn goals_table(
    goals: &[FinancialGoal],
    series: &Series,
    options: &RatioOptions,
) -> Result<Table> {
    let columns: Vec<Column> = series
        .years()
        .iter()
        .map(|y| super::rk::year_column(y.kind, y.column_label()))
        .collect();
    let mut table = Table::new("Finansiella mål", crate::Scale::Tkr, columns);
    for goal in goals {
        let years = goal.evaluate(series, options)?;
        let label = format!("{} ({})", goal.description, goal.target.describe());
        let unit = goal.ratio.definition().unit;
        if unit == RatioUnit::Percent {
            table.push_ratio(RatioRow {
                label,
                values: years
                    .iter()
                    .map(|g| match g.value {
                        Some(RatioFigure::Percent(p)) => Some(p),
                        _ => None,
                    })
                    .collect(),
                decimals: 1,
            })?;
        } else {
            table.push_quantity(QuantityRow::new(
                label,
                Some(unit.label()),
                1,
                years
                    .iter()
                    .map(|g| g.value.map(RatioFigure::as_decimal))
                    .collect(),
            ))?;
        }
        table.push_ratio(RatioRow {
            label: "– måluppfyllelse".to_owned(),
            values: years
                .iter()
                .map(|g| g.achievement.as_ref().map(|a| a.degree))
                .collect(),
            decimals: 0,
        })?;
    }
    Ok(table)
}
