//! Fem år i sammandrag: the five-year overview of a förvaltningsberättelse, each figure
//! computed from the statements where it can be and given where it cannot, and marked
//! which; printed overviews are checked against it.

use std::fmt;

use rust_decimal::Decimal;

use super::rk::year_column;
use super::series::Series;
use super::year::{YearFigures, YearKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Scale};
use crate::period::FinancialYear;
use crate::present::{Column, NumberFormat, QuantityRow, RatioRow, Table, TableRow, ValueKind};
use crate::statement::StatementRowKind;

/// A row of the five-year overview (rad i fem år i sammandrag), the usual set.
///
/// ```
/// use kommunal_redovisning::analysis::OverviewItem;
///
/// let labels: Vec<&str> = OverviewItem::ALL.iter().take(3).map(|i| i.label()).collect();
/// assert_eq!(labels, ["Antal invånare", "Kommunal skattesats", "Verksamhetens nettokostnader"]);
/// assert_eq!(OverviewItem::EquityRatio.id(), "soliditet");
/// ```
#[doc(alias = "fem år i sammandrag")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OverviewItem {
    /// Antal invånare (given).
    Inhabitants,
    /// Kommunal skattesats (given).
    TaxRate,
    /// Verksamhetens nettokostnader (computed from the resultaträkning).
    NetOperatingCosts,
    /// Skatteintäkter och generella statsbidrag (computed).
    TaxRevenueAndGrants,
    /// Årets resultat (computed).
    ResultForTheYear,
    /// Nettoinvesteringar (given).
    NetInvestments,
    /// Soliditet (computed from the balansräkning).
    EquityRatio,
    /// Låneskuld (given; else computed as långfristiga skulder).
    LoanDebt,
    /// Antal anställda (given).
    Employees,
}

impl OverviewItem {
    /// Every row, in the usual order.
    pub const ALL: [OverviewItem; 9] = [
        OverviewItem::Inhabitants,
        OverviewItem::TaxRate,
        OverviewItem::NetOperatingCosts,
        OverviewItem::TaxRevenueAndGrants,
        OverviewItem::ResultForTheYear,
        OverviewItem::NetInvestments,
        OverviewItem::EquityRatio,
        OverviewItem::LoanDebt,
        OverviewItem::Employees,
    ];

    /// The Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            OverviewItem::Inhabitants => "Antal invånare",
            OverviewItem::TaxRate => "Kommunal skattesats",
            OverviewItem::NetOperatingCosts => "Verksamhetens nettokostnader",
            OverviewItem::TaxRevenueAndGrants => "Skatteintäkter och generella statsbidrag",
            OverviewItem::ResultForTheYear => "Årets resultat",
            OverviewItem::NetInvestments => "Nettoinvesteringar",
            OverviewItem::EquityRatio => "Soliditet",
            OverviewItem::LoanDebt => "Låneskuld",
            OverviewItem::Employees => "Antal anställda",
        }
    }

    /// A stable id for row ids.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            OverviewItem::Inhabitants => "invanare",
            OverviewItem::TaxRate => "skattesats",
            OverviewItem::NetOperatingCosts => "verksamhetens_nettokostnader",
            OverviewItem::TaxRevenueAndGrants => "skatteintakter_och_bidrag",
            OverviewItem::ResultForTheYear => "arets_resultat",
            OverviewItem::NetInvestments => "nettoinvesteringar",
            OverviewItem::EquityRatio => "soliditet",
            OverviewItem::LoanDebt => "laneskuld",
            OverviewItem::Employees => "anstallda",
        }
    }
}

/// Whether an overview figure was computed from the statements or given as a figure
/// (källa: beräknad eller angiven).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, Population, Scope, Series, Source, YearFigures, YearKind};
///
/// // Sjöbo kommun 2016, "Fem år i sammandrag": verksamhetens nettokostnader 904,7 mnkr,
/// // 18 742 invånare, taken as at 31 december (finansiellinformation.se/Sjobo_2016/Fem.html).
/// let rs = IncomeStatement { operating_expenses: Amount::tkr(-904_700), ..Default::default() };
/// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, rs)
///     .with_population(Population::december_31(18_742));
/// let o = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
/// let source = |item| o.cell(item, 0).map(|c| c.source);
/// assert_eq!(source(OverviewItem::NetOperatingCosts), Some(Source::Computed));
/// assert_eq!(source(OverviewItem::Inhabitants), Some(Source::Given));
/// assert_eq!(source(OverviewItem::Employees), None); // neither computable nor given
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "beräknad")]
#[doc(alias = "angiven")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Source {
    /// Beräknad ur resultaträkningen eller balansräkningen.
    Computed,
    /// Angiven: a figure supplied with the year (population, skattesats …).
    Given,
}

/// Värde: a value of the five-year overview (fem år i sammandrag).
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, Scale};
/// use kommunal_redovisning::analysis::OverviewValue;
///
/// // Sjöbo kommun 2016: verksamhetens nettokostnader 904,7 mnkr, 18 742 invånare.
/// let costs = OverviewValue::Amount(Amount::tkr(-904_700));
/// assert_eq!(costs.in_scale(Scale::Mnkr), Decimal::new(-9047, 1));
/// assert_eq!(OverviewValue::Count(18_742).in_scale(Scale::Mnkr), Decimal::from(18_742));
/// ```
#[doc(alias = "värde")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OverviewValue {
    /// Antal.
    Count(u64),
    /// Belopp.
    Amount(Amount),
    /// Procent (skattesats, soliditet).
    Percent(Percent),
}

impl OverviewValue {
    /// The value as a number in `scale` (amounts) or as is (counts, percentages).
    #[must_use]
    pub fn in_scale(self, scale: Scale) -> Decimal {
        match self {
            OverviewValue::Count(n) => Decimal::from(n),
            OverviewValue::Amount(a) => a.to_scale(scale),
            OverviewValue::Percent(p) => p.as_decimal(),
        }
    }
}

/// One cell: the value and where it came from.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewCell, OverviewItem, OverviewValue, Scope, Series, Source, YearFigures, YearKind};
///
/// // Sjöbo kommun 2016: kommunal skattesats 20,92 (finansiellinformation.se/Sjobo_2016/Fem.html).
/// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, IncomeStatement::default())
///     .with_tax_rate(Percent::new("20.92".parse()?));
/// let o = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
/// let given = OverviewCell { value: OverviewValue::Percent(Percent::new("20.92".parse()?)), source: Source::Given };
/// assert_eq!(o.cell(OverviewItem::TaxRate, 0), Some(given));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "cell")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OverviewCell {
    /// The value.
    pub value: OverviewValue,
    /// Computed or given.
    pub source: Source,
}

/// Fem år i sammandrag (five-year overview): one column per outcome year (the last
/// five of the series), one row per [`OverviewItem`].
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, NumberFormat, Scale};
/// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, Population, Scope, Series, Source, YearFigures, YearKind};
///
/// let year = |y: i32, tax: i64| YearFigures::new(FinancialYear::new(y), YearKind::Outcome,
///         IncomeStatement { tax_revenue: Amount::tkr(tax), operating_expenses: Amount::tkr(-tax + 20), ..Default::default() })
///     .with_population(Population::december_31(10_000));
/// let s = Series::new(Scope::Entity, vec![year(2024, 500), year(2025, 520)])?;
/// let o = FiveYearOverview::from_series(&s)?;
/// assert_eq!(o.cell(OverviewItem::Inhabitants, 1).map(|c| c.source), Some(Source::Given));
/// assert_eq!(o.cell(OverviewItem::ResultForTheYear, 1).map(|c| c.source), Some(Source::Computed));
/// let text = o.to_table(Scale::Tkr)?.to_text(&NumberFormat::swedish());
/// assert!(text.contains("Årets resultat"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "fem år i sammandrag")]
#[doc(alias = "femårsöversikt")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FiveYearOverview {
    /// Kommunen or koncernen, for the caption.
    pub caption: String,
    /// The years, oldest first.
    pub years: Vec<FinancialYear>,
    /// The rows: an item and one cell per year (`None`: neither computable nor given).
    pub rows: Vec<(OverviewItem, Vec<Option<OverviewCell>>)>,
}

/// How many years the overview shows.
pub const OVERVIEW_YEARS: usize = 5;

impl FiveYearOverview {
    /// The overview of the last five outcome years of a series.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a sum of a statement cannot be computed.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, Scope, Series, YearFigures, YearKind};
    ///
    /// // Sjöbo kommun 2016, "Fem år i sammandrag": verksamhetens nettokostnader 904,7 mnkr
    /// // (finansiellinformation.se/Sjobo_2016/Fem.html); a budget for 2017 (made up) is no outcome.
    /// let rs = |costs| IncomeStatement { operating_expenses: Amount::tkr(costs), ..Default::default() };
    /// let series = Series::new(Scope::Entity, vec![
    ///     YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, rs(-904_700)),
    ///     YearFigures::new(FinancialYear::new(2017), YearKind::Budget, rs(-930_000)),
    /// ])?;
    /// let overview = FiveYearOverview::from_series(&series)?;
    /// assert_eq!(overview.years, [FinancialYear::new(2016)]);
    /// assert_eq!(overview.rows.len(), OverviewItem::ALL.len());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn from_series(series: &Series) -> Result<FiveYearOverview> {
        let outcomes: Vec<&YearFigures> = series
            .years()
            .iter()
            .filter(|y| y.kind == YearKind::Outcome)
            .collect();
        let start = outcomes.len().saturating_sub(OVERVIEW_YEARS);
        let chosen: Vec<&YearFigures> = outcomes.into_iter().skip(start).collect();
        let mut rows = Vec::with_capacity(OverviewItem::ALL.len());
        for item in OverviewItem::ALL {
            let cells = chosen
                .iter()
                .map(|y| cell(item, y))
                .collect::<Result<Vec<_>>>()?;
            rows.push((item, cells));
        }
        Ok(FiveYearOverview {
            caption: format!(
                "Fem år i sammandrag ({})",
                series.scope().label().to_lowercase()
            ),
            years: chosen.iter().map(|y| y.year).collect(),
            rows,
        })
    }

    /// The cell of an item in column `column`.
    #[must_use]
    pub fn cell(&self, item: OverviewItem, column: usize) -> Option<OverviewCell> {
        self.rows
            .iter()
            .find(|(i, _)| *i == item)
            .and_then(|(_, cells)| cells.get(column).copied().flatten())
    }

    /// Which items were computed and which given, as a sentence for under the table:
    /// "Beräknat ur räkenskaperna: … Angivet: …".
    #[must_use]
    pub fn source_note(&self) -> String {
        let list = |source: Source| {
            self.rows
                .iter()
                .filter(|(_, cells)| cells.iter().flatten().any(|c| c.source == source))
                .map(|(i, _)| i.label().to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let computed = list(Source::Computed);
        let given = list(Source::Given);
        let mut out = String::new();
        if !computed.is_empty() {
            out.push_str("Beräknat ur räkenskaperna: ");
            out.push_str(&computed);
            out.push('.');
        }
        if !given.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("Angivet: ");
            out.push_str(&given);
            out.push('.');
        }
        out
    }

    /// The overview as a table: amounts in `scale`, soliditet and skattesats as
    /// percentage rows, invånare and anställda as count rows.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] only if the table could not be built (it always can).
    pub fn to_table(&self, scale: Scale) -> Result<Table> {
        let columns: Vec<Column> = self
            .years
            .iter()
            .map(|y| year_column(YearKind::Outcome, y.year().to_string()))
            .collect();
        let mut table = Table::new(self.caption.clone(), scale, columns);
        for (item, cells) in &self.rows {
            if cells.iter().all(Option::is_none) {
                continue;
            }
            let value = |c: &Option<OverviewCell>| c.map(|c| c.value);
            match item {
                OverviewItem::Inhabitants | OverviewItem::Employees => {
                    table.push_quantity(QuantityRow::new(
                        item.label(),
                        None,
                        0,
                        cells
                            .iter()
                            .map(|c| value(c).map(|v| v.in_scale(Scale::Kr)))
                            .collect(),
                    ))?;
                }
                OverviewItem::TaxRate | OverviewItem::EquityRatio => {
                    table.push_ratio(RatioRow {
                        label: item.label().to_owned(),
                        values: cells
                            .iter()
                            .map(|c| match value(c) {
                                Some(OverviewValue::Percent(p)) => Some(p),
                                _ => None,
                            })
                            .collect(),
                        decimals: if *item == OverviewItem::TaxRate { 2 } else { 1 },
                    })?;
                }
                _ => {
                    let kind = if *item == OverviewItem::LoanDebt {
                        ValueKind::Stock
                    } else {
                        ValueKind::Flow
                    };
                    table.push_row(TableRow::new(
                        item.id(),
                        item.label(),
                        StatementRowKind::Line,
                        kind,
                        cells
                            .iter()
                            .map(|c| match value(c) {
                                Some(OverviewValue::Amount(a)) => Some(a),
                                _ => None,
                            })
                            .collect(),
                    ))?;
                }
            }
        }
        Ok(table)
    }

    /// Checks a printed five-year overview against this one: each printed figure must
    /// equal the figure here rounded to the printed precision (the decimals the printed
    /// value has, in its scale). Verksamhetens nettokostnader is compared without sign
    /// (reports print it either way).
    ///
    /// # Errors
    ///
    /// [`Error::RatioUnavailable`] when a printed figure is for a year or item the
    /// overview has no figure for, naming it.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, Scale};
    /// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, PrintedFigure, Scope, Series, YearFigures, YearKind};
    ///
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(918_000), ..Default::default() };
    /// let s = Series::new(Scope::Entity, vec![YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, rs)])?;
    /// let o = FiveYearOverview::from_series(&s)?;
    /// let ok = PrintedFigure::new(OverviewItem::TaxRevenueAndGrants, 2016, "918.0".parse()?, Scale::Mnkr);
    /// let wrong = PrintedFigure::new(OverviewItem::TaxRevenueAndGrants, 2016, "981.0".parse()?, Scale::Mnkr);
    /// assert!(o.check_printed(&[ok])?.is_empty());
    /// assert_eq!(o.check_printed(&[wrong])?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_printed(&self, printed: &[PrintedFigure]) -> Result<Vec<OverviewFinding>> {
        let mut findings = Vec::new();
        for p in printed {
            let column = self
                .years
                .iter()
                .position(|y| y.year() == p.year)
                .and_then(|c| self.cell(p.item, c))
                .ok_or_else(|| Error::RatioUnavailable {
                    ratio: p.item.label(),
                    year: p.year.to_string(),
                    reason: "översikten har ingen siffra att pröva den tryckta mot".to_owned(),
                })?;
            let mut ours = column.value.in_scale(p.scale);
            let mut theirs = p.value;
            if p.item == OverviewItem::NetOperatingCosts {
                ours = ours.abs();
                theirs = theirs.abs();
            }
            let tolerance = Decimal::new(5, p.value.scale() + 1);
            let difference = theirs.checked_sub(ours).ok_or(Error::Overflow {
                operation: "subtraction",
            })?;
            if difference.abs() > tolerance {
                findings.push(OverviewFinding {
                    item: p.item,
                    year: p.year,
                    printed: p.value,
                    scale: p.scale,
                    computed: ours,
                    source: column.source,
                    difference,
                });
            }
        }
        Ok(findings)
    }
}

/// A figure of a printed five-year overview (tryckt värde), as printed in its scale:
/// `904.7` mnkr, `65` (%), `18742` (invånare). Its decimals are the printed precision.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear, IncomeStatement, Scale};
/// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, PrintedFigure, Population, Scope, Series, YearFigures, YearKind};
///
/// // Sjöbo kommun 2016, "Fem år i sammandrag": 904,7 mnkr and 18 742 invånare as printed.
/// let rs = IncomeStatement { operating_expenses: Amount::tkr(-904_700), ..Default::default() };
/// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, rs)
///     .with_population(Population::december_31(18_742));
/// let o = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
/// let printed = [
///     PrintedFigure::new(OverviewItem::NetOperatingCosts, 2016, "904.7".parse()?, Scale::Mnkr),
///     PrintedFigure::new(OverviewItem::Inhabitants, 2016, "18742".parse()?, Scale::Kr),
/// ];
/// assert!(o.check_printed(&printed)?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "tryckt värde")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedFigure {
    /// The row.
    pub item: OverviewItem,
    /// The year.
    pub year: i32,
    /// The value as printed (in `scale` for amounts; percent or count otherwise).
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub value: Decimal,
    /// The scale of an amount (ignored for counts and percentages: use `Scale::Kr`).
    pub scale: Scale,
}

impl PrintedFigure {
    /// A printed figure.
    ///
    /// ```
    /// use kommunal_redovisning::{FinancialYear, IncomeStatement, Percent, Scale};
    /// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, PrintedFigure, Scope, Series, YearFigures, YearKind};
    ///
    /// // Sjöbo kommun 2016: kommunal skattesats 20,92 as given and as printed
    /// // (finansiellinformation.se/Sjobo_2016/Fem.html). A percentage takes no scale: Scale::Kr.
    /// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, IncomeStatement::default())
    ///     .with_tax_rate(Percent::new("20.92".parse()?));
    /// let overview = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
    /// let printed = PrintedFigure::new(OverviewItem::TaxRate, 2016, "20.92".parse()?, Scale::Kr);
    /// assert!(overview.check_printed(&[printed])?.is_empty());
    /// let misprint = PrintedFigure::new(OverviewItem::TaxRate, 2016, "20.29".parse()?, Scale::Kr);
    /// assert_eq!(overview.check_printed(&[misprint])?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(item: OverviewItem, year: i32, value: Decimal, scale: Scale) -> PrintedFigure {
        PrintedFigure {
            item,
            year,
            value,
            scale,
        }
    }
}

/// A printed five-year figure that is not the computed or given one rounded
/// (avvikelse i fem år i sammandrag).
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, FinancialYear, IncomeStatement, Scale};
/// use kommunal_redovisning::analysis::{FiveYearOverview, OverviewItem, PrintedFigure, Scope, Series, YearFigures, YearKind};
///
/// // Sjöbo kommun 2016: verksamhetens nettokostnader 904,7 mnkr; a misprint 940,7 is found.
/// let rs = IncomeStatement { operating_expenses: Amount::tkr(-904_700), ..Default::default() };
/// let y = YearFigures::new(FinancialYear::new(2016), YearKind::Outcome, rs);
/// let o = FiveYearOverview::from_series(&Series::new(Scope::Entity, vec![y])?)?;
/// let misprint = PrintedFigure::new(OverviewItem::NetOperatingCosts, 2016, "940.7".parse()?, Scale::Mnkr);
/// let findings = o.check_printed(&[misprint])?;
/// assert_eq!(findings[0].difference, Decimal::new(360, 1));
/// assert_eq!(
///     findings[0].to_string(),
///     "Verksamhetens nettokostnader 2016: tryckt 940,7\u{a0}mnkr, beräknat 904,7\u{a0}mnkr (skillnad 36,0\u{a0}mnkr)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "avvikelse")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OverviewFinding {
    /// The row.
    pub item: OverviewItem,
    /// The year.
    pub year: i32,
    /// As printed.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub printed: Decimal,
    /// The printed scale.
    pub scale: Scale,
    /// Ours, in the printed scale.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub computed: Decimal,
    /// Whether ours was computed or given.
    pub source: Source,
    /// printed − computed.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub difference: Decimal,
}

impl fmt::Display for OverviewFinding {
    /// Swedish, e.g. "Soliditet 2016: tryckt 65, beräknat 64,2 (skillnad 0,8)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sv = NumberFormat::swedish().with_decimals(self.printed.scale().max(1));
        let unit = match self.item {
            OverviewItem::TaxRate | OverviewItem::EquityRatio => "\u{a0}%".to_owned(),
            OverviewItem::Inhabitants | OverviewItem::Employees => String::new(),
            _ => format!("\u{a0}{}", self.scale.label()),
        };
        let word = match self.source {
            Source::Computed => "beräknat",
            Source::Given => "angivet",
        };
        write!(
            f,
            "{} {}: tryckt {}{unit}, {word} {}{unit} (skillnad {}{unit})",
            self.item.label(),
            self.year,
            sv.decimal(self.printed),
            sv.decimal(self.computed),
            sv.decimal(self.difference)
        )
    }
}

fn cell(item: OverviewItem, y: &YearFigures) -> Result<Option<OverviewCell>> {
    let computed = |value| {
        Some(OverviewCell {
            value,
            source: Source::Computed,
        })
    };
    let given = |value| {
        Some(OverviewCell {
            value,
            source: Source::Given,
        })
    };
    Ok(match item {
        OverviewItem::Inhabitants => y
            .population
            .and_then(|p| given(OverviewValue::Count(p.inhabitants))),
        OverviewItem::TaxRate => y.tax_rate.and_then(|t| given(OverviewValue::Percent(t))),
        OverviewItem::NetOperatingCosts => {
            computed(OverviewValue::Amount(y.income.net_operating_costs()))
        }
        OverviewItem::TaxRevenueAndGrants => computed(OverviewValue::Amount(
            y.income.tax_revenue.checked_add(y.income.general_grants)?,
        )),
        OverviewItem::ResultForTheYear => computed(OverviewValue::Amount(y.result_for_the_year())),
        OverviewItem::NetInvestments => y
            .net_investments
            .and_then(|a| given(OverviewValue::Amount(a))),
        OverviewItem::EquityRatio => match &y.balance {
            Some(br) => {
                let assets = br.total_assets();
                if assets.is_zero() {
                    None
                } else {
                    computed(OverviewValue::Percent(Percent::of(
                        br.equity(),
                        assets,
                        "summa tillgångar",
                    )?))
                }
            }
            None => None,
        },
        OverviewItem::LoanDebt => match (y.loan_debt, &y.balance) {
            (Some(d), _) => given(OverviewValue::Amount(d)),
            (None, Some(br)) => computed(OverviewValue::Amount(br.long_term_liabilities)),
            (None, None) => None,
        },
        OverviewItem::Employees => y.employees.and_then(|n| given(OverviewValue::Count(n))),
    })
}
