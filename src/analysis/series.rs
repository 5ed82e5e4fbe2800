//! Flerårsserien: outcome years, the current forecast, the budget and the plan years as
//! one structure, in the order they are printed.

use super::catalogue::RatioId;
use super::compute::{RatioContext, RatioOptions, RatioValue, applies_to, compute_ratio};
use super::year::{YearFigures, YearKind, YearRef};
use crate::error::{Error, Result};
use crate::period::FinancialYear;

/// Whose figures a series holds (kommunen or the kommunkoncern): it chooses the Kolada
/// id and the caption; the computation is the same.
///
/// ```
/// use kommunal_redovisning::analysis::{RatioId, Scope};
///
/// assert_eq!(Scope::Group.label(), "Kommunkoncernen");
/// // The same ratio has one Kolada id for kommunen and one for the kommunkoncern.
/// let result_share = RatioId::ResultShare.definition();
/// assert_eq!(result_share.kolada_for(Scope::Entity), Some("N03102"));
/// assert_eq!(result_share.kolada_for(Scope::Group), Some("N03112"));
/// ```
#[doc(alias = "kommunkoncern")]
#[doc(alias = "sammanställda räkenskaper")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Scope {
    /// Kommunen (or regionen, kommunalförbundet) itself.
    #[default]
    Entity,
    /// The kommunkoncern: the sammanställda räkenskaper (LKBR 12 kap.).
    Group,
}

impl Scope {
    /// "Kommunen" or "Kommunkoncernen".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Scope::Entity => "Kommunen",
            Scope::Group => "Kommunkoncernen",
        }
    }
}

/// A multi-year series (flerårsserie): each column one year of one kind, e.g. Utfall
/// 2023, Utfall 2024, Prognos 2025, Budget 2026, Plan 2027, Plan 2028. A (year, kind)
/// occurs at most once; the columns keep the order given.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, RoundingMode};
/// use kommunal_redovisning::analysis::{RatioFigure, RatioId, RatioOptions, Scope, Series, YearFigures, YearKind};
///
/// let rs = |tax: i64| IncomeStatement { tax_revenue: Amount::tkr(tax), ..Default::default() };
/// let series = Series::new(Scope::Entity, vec![
///     YearFigures::new(FinancialYear::new(2024), YearKind::Outcome, rs(1_000)),
///     YearFigures::new(FinancialYear::new(2025), YearKind::Forecast, rs(1_040)),
/// ])?;
/// let v = series.ratio(RatioId::TaxRevenueGrowth, FinancialYear::new(2025), YearKind::Forecast,
///     &RatioOptions::default())?;
/// assert_eq!(v.value, RatioFigure::Percent("4".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "flerårsserie")]
#[doc(alias = "flerårsöversikt")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SeriesData", into = "SeriesData"))]
pub struct Series {
    scope: Scope,
    years: Vec<YearFigures>,
}

#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SeriesData {
    #[cfg_attr(feature = "serde", serde(default))]
    scope: Scope,
    years: Vec<YearFigures>,
}

impl TryFrom<SeriesData> for Series {
    type Error = crate::error::InSwedish;
    fn try_from(d: SeriesData) -> std::result::Result<Series, Self::Error> {
        Series::new(d.scope, d.years).map_err(crate::error::InSwedish)
    }
}

impl From<Series> for SeriesData {
    fn from(s: Series) -> SeriesData {
        SeriesData {
            scope: s.scope,
            years: s.years,
        }
    }
}

impl Series {
    /// A series of these years, in this order.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when a (year, kind) occurs twice.
    ///
    /// ```
    /// use kommunal_redovisning::{Error, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{Scope, Series, YearFigures, YearKind};
    ///
    /// let year = |y, kind| YearFigures::new(FinancialYear::new(y), kind, IncomeStatement::default());
    /// let series = Series::new(Scope::Entity, vec![
    ///     year(2024, YearKind::Outcome), year(2025, YearKind::Forecast), year(2026, YearKind::Budget),
    /// ])?;
    /// let columns: Vec<String> = series.years().iter().map(|y| y.column_label()).collect();
    /// assert_eq!(columns, ["Utfall 2024", "Prognos 2025", "Budget 2026"]);
    /// // A (year, kind) may occur once.
    /// let twice = Series::new(Scope::Entity, vec![year(2024, YearKind::Outcome), year(2024, YearKind::Outcome)]);
    /// assert!(matches!(twice, Err(Error::InvalidRule(_))));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(scope: Scope, years: Vec<YearFigures>) -> Result<Series> {
        for (i, y) in years.iter().enumerate() {
            if years
                .iter()
                .take(i)
                .any(|o| o.year == y.year && o.kind == y.kind)
            {
                return Err(Error::InvalidRule(format!(
                    "serien har {} två gånger",
                    y.column_label()
                )));
            }
        }
        Ok(Series { scope, years })
    }

    /// Kommunen or the koncern.
    #[must_use]
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The years, in column order.
    #[must_use]
    pub fn years(&self) -> &[YearFigures] {
        &self.years
    }

    /// The figures of one year of one kind.
    #[must_use]
    pub fn get(&self, year: FinancialYear, kind: YearKind) -> Option<&YearFigures> {
        self.years.iter().find(|y| y.year == year && y.kind == kind)
    }

    /// The best figures of `year` to compare with: the outcome, else the forecast, else
    /// the budget, else the plan.
    #[must_use]
    pub fn best(&self, year: FinancialYear) -> Option<&YearFigures> {
        self.years
            .iter()
            .filter(|y| y.year == year)
            .min_by_key(|y| y.kind.preference())
    }

    /// What a ratio for `entry` is computed from: the best figures of the year before,
    /// and the budget and forecast of the same year.
    #[must_use]
    pub fn context<'a>(&'a self, entry: &'a YearFigures) -> RatioContext<'a> {
        let previous = FinancialYear::new(entry.year.year() - 1);
        RatioContext {
            current: entry,
            previous: self.best(previous),
            budget: self.get(entry.year, YearKind::Budget),
            forecast: self.get(entry.year, YearKind::Forecast),
        }
    }

    /// One ratio for one year of one kind.
    ///
    /// # Errors
    ///
    /// [`Error::RatioUnavailable`] when the series has no such year or the ratio cannot
    /// be computed for it (see [`compute_ratio`]).
    pub fn ratio(
        &self,
        ratio: RatioId,
        year: FinancialYear,
        kind: YearKind,
        options: &RatioOptions,
    ) -> Result<RatioValue> {
        let entry = self
            .get(year, kind)
            .ok_or_else(|| Error::RatioUnavailable {
                ratio: ratio.name(),
                year: YearRef { year, kind }.to_string(),
                reason: "serien har inga siffror för det året".to_owned(),
            })?;
        compute_ratio(ratio, &self.context(entry), options)
    }

    /// One ratio for every column: `None` where the ratio does not apply to the
    /// column's kind (a budget deviation of a plan year), else the value or why it
    /// cannot be computed.
    #[must_use]
    pub fn ratio_row(
        &self,
        ratio: RatioId,
        options: &RatioOptions,
    ) -> Vec<Option<Result<RatioValue>>> {
        self.years
            .iter()
            .map(|y| {
                applies_to(ratio, y.kind).then(|| compute_ratio(ratio, &self.context(y), options))
            })
            .collect()
    }
}
