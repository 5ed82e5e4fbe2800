//! The finansiell analys in the RK model's layout: one table per perspective (resultat,
//! kapacitet, risk, kontroll), the years as columns.

use rust_decimal::Decimal;

use super::catalogue::{Perspective, RatioId, RatioUnit};
use super::compute::{RatioFigure, RatioOptions};
use super::series::Series;
use super::year::{YearFigures, YearKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Scale};
use crate::period::FinancialYear;
use crate::present::{Column, ColumnKind, QuantityRow, RatioRow, Table, TableRow, ValueKind};
use crate::statement::BalanceSheet;
use crate::statement::StatementRowKind;

/// The column of a table for a year of a series.
pub(crate) fn year_column(kind: YearKind, label: String) -> Column {
    let kind = match kind {
        YearKind::Outcome => ColumnKind::Outcome,
        YearKind::Forecast => ColumnKind::Forecast,
        YearKind::Budget => ColumnKind::Budget,
        YearKind::Plan => ColumnKind::Other,
    };
    Column::new(label, kind)
}

/// The finansiell analys of a series (finansiell analys enligt RK-modellen): a table per
/// perspective, and every ratio that could not be computed for a year with the reason.
///
/// A ratio none of whose years can be computed is left out of its table (and listed in
/// [`FinancialAnalysis::unavailable`]); a single year that cannot be computed is an
/// empty cell, also listed. Ratios that do not apply to a column (a budget deviation
/// of a plan year) are empty and not listed.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, NumberFormat, Scale};
/// use kommunal_redovisning::analysis::{Perspective, RatioOptions, Scope, Series, YearFigures, YearKind};
///
/// // Grästorps kommun, resultaträkning 2019 (tkr), finansiellinfo.se/Grastorp_2019.
/// let rs = IncomeStatement {
///     operating_revenue: Amount::tkr(101_282), operating_expenses: Amount::tkr(-417_698),
///     depreciation: Amount::tkr(-14_879), tax_revenue: Amount::tkr(257_770),
///     general_grants: Amount::tkr(86_552), financial_income: Amount::tkr(794),
///     financial_expenses: Amount::tkr(-1_778), ..Default::default()
/// };
/// let series = Series::new(Scope::Entity, vec![YearFigures::new(FinancialYear::new(2019), YearKind::Outcome, rs)])?;
/// let fa = series.financial_analysis(&RatioOptions::default(), Scale::Tkr)?;
/// let perspectives: Vec<Perspective> = fa.tables.iter().map(|(p, _)| *p).collect();
/// assert_eq!(perspectives, Perspective::ALL);
/// let result = fa.table(Perspective::Result).map(|t| t.to_text(&NumberFormat::swedish())).unwrap_or_default();
/// assert!(result.contains("3,5\u{a0}%")); // årets resultat 12 043 of 344 322 tkr
/// assert!(!fa.unavailable.is_empty()); // no balansräkning: soliditet and more, with reasons
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "finansiell analys")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FinancialAnalysis {
    /// One table per perspective, in the RK order.
    pub tables: Vec<(Perspective, Table)>,
    /// The development between years (utveckling mellan åren): the main amounts and
    /// their change in percent against the year before.
    pub development: Table,
    /// What could not be computed, each naming the ratio, the year and why.
    pub unavailable: Vec<UnavailableRatio>,
}

/// A ratio that could not be computed for one column (ej beräkningsbart).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, Scale};
/// use kommunal_redovisning::analysis::{RatioId, RatioOptions, Scope, Series, YearFigures, YearKind};
///
/// // Made-up figures: a year without a balansräkning has no soliditet.
/// let rs = IncomeStatement { tax_revenue: Amount::tkr(900), operating_expenses: Amount::tkr(-880), ..Default::default() };
/// let series = Series::new(Scope::Entity, vec![YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, rs)])?;
/// let fa = series.financial_analysis(&RatioOptions::default(), Scale::Tkr)?;
/// let missing = fa.unavailable.iter().find(|u| u.ratio == RatioId::EquityRatio).ok_or("listed")?;
/// assert_eq!(missing.column, "Utfall 2025");
/// assert!(missing.reason.contains("balansräkning"), "{}", missing.reason);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "ej beräkningsbart")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UnavailableRatio {
    /// The ratio.
    pub ratio: RatioId,
    /// The column's heading, e.g. "Budget 2026".
    pub column: String,
    /// The reason, as [`Error::RatioUnavailable`] gives it.
    pub reason: String,
}

impl FinancialAnalysis {
    /// The table of one perspective.
    #[must_use]
    pub fn table(&self, perspective: Perspective) -> Option<&Table> {
        self.tables
            .iter()
            .find(|(p, _)| *p == perspective)
            .map(|(_, t)| t)
    }
}

impl Series {
    /// The finansiell analys in the RK layout: amounts in `scale` (rows), percentages
    /// with one decimal (ratio rows), kronor per invånare and procentenheter (quantity
    /// rows).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; errors of a single ratio are collected in
    /// [`FinancialAnalysis::unavailable`], not returned.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, NumberFormat, Scale};
    /// use kommunal_redovisning::analysis::{Perspective, RatioOptions, Scope, Series, YearFigures, YearKind};
    ///
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(900), operating_expenses: Amount::tkr(-880), ..Default::default() };
    /// let s = Series::new(Scope::Entity, vec![YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, rs)])?;
    /// let fa = s.financial_analysis(&RatioOptions::default(), Scale::Tkr)?;
    /// let text = fa.table(Perspective::Result).map(|t| t.to_text(&NumberFormat::swedish())).unwrap_or_default();
    /// assert!(text.contains("Årets resultat i procent av skatteintäkter och generella statsbidrag"));
    /// assert!(text.contains("2,2\u{a0}%"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn financial_analysis(
        &self,
        options: &RatioOptions,
        scale: Scale,
    ) -> Result<FinancialAnalysis> {
        let columns: Vec<Column> = self
            .years()
            .iter()
            .map(|y| year_column(y.kind, y.column_label()))
            .collect();
        let mut unavailable = Vec::new();
        let mut tables = Vec::new();
        for perspective in Perspective::ALL {
            let mut table = Table::new(
                format!(
                    "Finansiell analys: {} ({})",
                    perspective.label().to_lowercase(),
                    self.scope().label().to_lowercase()
                ),
                scale,
                columns.clone(),
            );
            for ratio in RatioId::of_perspective(perspective) {
                let mut values = Vec::with_capacity(columns.len());
                for (cell, year) in self.ratio_row(ratio, options).into_iter().zip(self.years()) {
                    values.push(match cell {
                        Some(Ok(v)) => Some(v.value),
                        Some(Err(Error::RatioUnavailable { reason, .. })) => {
                            unavailable.push(UnavailableRatio {
                                ratio,
                                column: year.column_label(),
                                reason,
                            });
                            None
                        }
                        Some(Err(e)) => return Err(e),
                        None => None,
                    });
                }
                if values.iter().all(Option::is_none) {
                    continue;
                }
                push_ratio(&mut table, ratio, &values)?;
            }
            tables.push((perspective, table));
        }
        Ok(FinancialAnalysis {
            tables,
            development: self.development_table(scale)?,
            unavailable,
        })
    }

    /// The development between years (utveckling mellan åren): skatteintäkter och
    /// generella statsbidrag, verksamhetens nettokostnader, årets resultat,
    /// nettoinvesteringar and eget kapital per column, each followed under the amounts
    /// by its change in percent against the best figures of the year before: this year
    /// / the year before − 1, so nettokostnader going from −853 to −872 change by
    /// +2,2 % as the catalogue's development rates do (empty where there is no year
    /// before or it is zero; a result that changes sign gives a negative change). Rows
    /// without any figure are left out.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, Scale};
    /// use kommunal_redovisning::analysis::{Scope, Series, YearFigures, YearKind};
    ///
    /// let rs = |t: i64| IncomeStatement { tax_revenue: Amount::tkr(t), ..Default::default() };
    /// let s = Series::new(Scope::Entity, vec![
    ///     YearFigures::new(FinancialYear::new(2025), YearKind::Outcome, rs(1_000)),
    ///     YearFigures::new(FinancialYear::new(2026), YearKind::Budget, rs(1_050)),
    /// ])?;
    /// let t = s.development_table(Scale::Tkr)?;
    /// assert_eq!(t.ratios[0].values, vec![None, Some("5".parse()?)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn development_table(&self, scale: Scale) -> Result<Table> {
        type Figure = fn(&YearFigures) -> Option<Amount>;
        let figures: [(&str, &str, ValueKind, Figure); 5] = [
            (
                "skatteintakter_och_bidrag",
                "Skatteintäkter och generella statsbidrag",
                ValueKind::Flow,
                |y| Some(y.income.tax_revenue + y.income.general_grants),
            ),
            (
                "verksamhetens_nettokostnader",
                "Verksamhetens nettokostnader",
                ValueKind::Flow,
                |y| Some(y.income.net_operating_costs()),
            ),
            ("arets_resultat", "Årets resultat", ValueKind::Flow, |y| {
                Some(y.result_for_the_year())
            }),
            (
                "nettoinvesteringar",
                "Nettoinvesteringar",
                ValueKind::Flow,
                |y| y.net_investments,
            ),
            ("eget_kapital", "Eget kapital", ValueKind::Stock, |y| {
                y.balance.as_ref().map(BalanceSheet::equity)
            }),
        ];
        let columns: Vec<Column> = self
            .years()
            .iter()
            .map(|y| year_column(y.kind, y.column_label()))
            .collect();
        let mut table = Table::new(
            format!(
                "Utveckling mellan åren ({})",
                self.scope().label().to_lowercase()
            ),
            scale,
            columns,
        );
        for (id, label, kind, figure) in figures {
            let cells: Vec<Option<Amount>> = self.years().iter().map(figure).collect();
            if cells.iter().all(Option::is_none) {
                continue;
            }
            let mut changes = Vec::with_capacity(cells.len());
            for (y, now) in self.years().iter().zip(&cells) {
                let before = self
                    .best(FinancialYear::new(y.year.year() - 1))
                    .and_then(figure);
                changes.push(match (now, before) {
                    (Some(now), Some(before)) if !before.is_zero() => {
                        Some(Percent::of(*now - before, before, "året före")?)
                    }
                    _ => None,
                });
            }
            table.push_row(TableRow::new(
                id,
                label,
                StatementRowKind::Line,
                kind,
                cells,
            ))?;
            if changes.iter().any(Option::is_some) {
                table.push_ratio(RatioRow {
                    label: format!("{label}, förändring"),
                    values: changes,
                    decimals: 1,
                })?;
            }
        }
        Ok(table)
    }
}

/// Adds one ratio to a table as the row kind its unit needs.
pub(crate) fn push_ratio(
    table: &mut Table,
    ratio: RatioId,
    values: &[Option<RatioFigure>],
) -> Result<()> {
    let d = ratio.definition();
    match d.unit {
        RatioUnit::Amount => table.push_row(TableRow::new(
            ratio.id(),
            d.name,
            StatementRowKind::Line,
            if d.perspective == Perspective::Control {
                ValueKind::Flow
            } else {
                ValueKind::Stock
            },
            values
                .iter()
                .map(|v| match v {
                    Some(RatioFigure::Amount(a)) => Some(*a),
                    _ => None,
                })
                .collect(),
        )),
        RatioUnit::Percent => table.push_ratio(RatioRow {
            label: d.name.to_owned(),
            values: values
                .iter()
                .map(|v| match v {
                    Some(RatioFigure::Percent(p)) => Some(*p),
                    _ => None,
                })
                .collect::<Vec<Option<Percent>>>(),
            decimals: if ratio == RatioId::TaxRate { 2 } else { 1 },
        }),
        RatioUnit::PercentagePoints | RatioUnit::KronorPerInhabitant => {
            let decimals = if d.unit == RatioUnit::PercentagePoints {
                1
            } else {
                0
            };
            table.push_quantity(QuantityRow::new(
                d.name,
                Some(d.unit.label()),
                decimals,
                values
                    .iter()
                    .map(|v| v.map(RatioFigure::as_decimal))
                    .collect::<Vec<Option<Decimal>>>(),
            ))
        }
    }
}
