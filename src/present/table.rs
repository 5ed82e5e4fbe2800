//! Tables (tabeller): one generic model for every statement and follow-up table.
//!
//! A [`Table`] has columns — periods or scenarios such as utfall, budget, prognos,
//! avvikelse, föregående period, any number of them — and rows with a label, a depth,
//! a [`StatementRowKind`], an optional note reference, a flow/stock flag ([`ValueKind`]) and one
//! `Option<Amount>` cell per column. A sum row lists the ids of the rows it adds up
//! ([`TableRow::sum_of`]); presentation rounding uses that to foot the table.
//! Key ratios printed under a
//! table (soliditet …) are [`RatioRow`]s.
//!
//! Cells hold exact kronor until the table is rounded; the presentation unit
//! ([`Table::unit`]) and the decimals shown ([`Table::decimals`]) belong to the table.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Scale};
use crate::statement::{
    BalanceSheet, BalanceSum, DetailKind, IncomeLine, IncomeStatement, IncomeSum, StatementLayout,
    StatementRow, StatementRowKind,
};

/// What a column of a table holds (kolumntyp): an outcome, a budget, a forecast …
///
/// Sign convention of [`ColumnKind::Deviation`]: outcome (or forecast) − budget, so a
/// positive deviation is better for a result line.
///
/// ```
/// use kommunal_redovisning::present::{Column, ColumnKind};
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: the forecast table's column headings.
/// let columns = [Column::budget("Budget 2025"), Column::forecast("Prognos 2025"),
///     Column::deviation("Avvikelse mot budget 2025")];
/// let forecast = columns.iter().position(|c| c.kind == ColumnKind::Forecast);
/// assert_eq!(forecast, Some(1));
/// assert_eq!(ColumnKind::default(), ColumnKind::Outcome);
/// ```
#[doc(alias = "kolumntyp")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ColumnKind {
    /// Utfall: the outcome of the period presented.
    #[default]
    Outcome,
    /// Budget.
    Budget,
    /// Prognos: a forecast for the full year.
    Forecast,
    /// Avvikelse: outcome (or forecast) − budget.
    Deviation,
    /// Föregående period or föregående år: the comparison figures.
    PriorPeriod,
    /// Anything else (e.g. a plan year).
    Other,
}

/// A column of a table (kolumn): a label as printed, e.g. "Budget 2019", and its kind.
///
/// ```
/// use kommunal_redovisning::{Amount, NumberFormat, Scale};
/// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.5: eget kapital at two dates (tkr).
/// let columns = vec![Column::outcome("2025-06-30"), Column::prior_period("2024-12-31")];
/// let mut t = Table::new("Ekonomisk ställning", Scale::Tkr, columns);
/// t.push_row(TableRow::new("ek", "Eget kapital", StatementRowKind::Line, ValueKind::Stock,
///     vec![Some(Amount::tkr(8_521)), Some(Amount::tkr(6_373))]))?;
/// let text = t.to_text(&NumberFormat::swedish().with_group_separator(Some(' ')));
/// assert_eq!(text.lines().nth(1), Some("Belopp i tkr  2025-06-30  2024-12-31"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "kolumn")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Column {
    /// The heading as printed, e.g. "2019", "Budget 2019", "Avvikelse".
    pub label: String,
    /// What the column holds.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: ColumnKind,
}

impl Column {
    /// A column with a label and a kind.
    ///
    /// ```
    /// use kommunal_redovisning::present::{Column, ColumnKind};
    ///
    /// // A plan year of a flerårsplan has no kind of its own.
    /// let plan = Column::new("Plan 2027", ColumnKind::Other);
    /// assert_eq!((plan.label.as_str(), plan.kind), ("Plan 2027", ColumnKind::Other));
    /// assert_eq!(Column::new("Budget 2025", ColumnKind::Budget), Column::budget("Budget 2025"));
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, kind: ColumnKind) -> Self {
        Column {
            label: label.into(),
            kind,
        }
    }

    /// An utfall column.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: tillgångar totalt 2025-06-30 (tkr).
    /// let mut t = Table::new("Ekonomisk ställning", Scale::Tkr, vec![Column::outcome("2025-06-30")]);
    /// t.push_row(TableRow::new("tillgangar", "Tillgångar totalt", StatementRowKind::Total,
    ///     ValueKind::Stock, vec![Some(Amount::tkr(36_631))]))?;
    /// let md = t.to_markdown(&NumberFormat::swedish().with_group_separator(Some(' ')));
    /// assert!(md.contains("| **Tillgångar totalt** | **36 631** |"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn outcome(label: impl Into<String>) -> Self {
        Column::new(label, ColumnKind::Outcome)
    }

    /// A budget column.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Kundtjänst, budget 82 and prognos 355 tkr.
    /// let columns = vec![Column::budget("Budget 2025"), Column::forecast("Prognos 2025")];
    /// let mut t = Table::new("Prognos", Scale::Tkr, columns);
    /// t.push_row(TableRow::new("kundtjanst", "Kundtjänst", StatementRowKind::Line, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(82)), Some(Amount::tkr(355))]))?;
    /// t.push_deviation("Avvikelse mot budget 2025", 1, 0)?;
    /// // The report prints 273.
    /// assert_eq!(t.row("kundtjanst").and_then(|r| r.cell(2)), Some(Amount::tkr(273)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn budget(label: impl Into<String>) -> Self {
        Column::new(label, ColumnKind::Budget)
    }

    /// A prognos column.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Lystkom, budget 212 and prognos 256 tkr.
    /// let columns = vec![Column::budget("Budget 2025"), Column::forecast("Prognos 2025")];
    /// let mut t = Table::new("Prognos", Scale::Tkr, columns);
    /// t.push_row(TableRow::new("lystkom", "Lystkom", StatementRowKind::Line, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(212)), Some(Amount::tkr(256))]))?;
    /// t.push_deviation("Avvikelse mot budget 2025", 1, 0)?;
    /// // The report prints 44.
    /// assert_eq!(t.row("lystkom").and_then(|r| r.cell(2)), Some(Amount::tkr(44)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn forecast(label: impl Into<String>) -> Self {
        Column::new(label, ColumnKind::Forecast)
    }

    /// An avvikelse column (outcome or forecast − budget).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, ColumnKind, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: IT, budget 760, prognos 958 tkr.
    /// let columns = vec![Column::budget("Budget 2025"), Column::forecast("Prognos 2025")];
    /// let mut t = Table::new("Prognos", Scale::Tkr, columns);
    /// t.push_row(TableRow::new("it", "IT", StatementRowKind::Line, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(760)), Some(Amount::tkr(958))]))?;
    /// // push_deviation appends a deviation column; the report prints 198.
    /// t.push_deviation("Avvikelse mot budget 2025", 1, 0)?;
    /// assert_eq!(t.columns[2], Column::deviation("Avvikelse mot budget 2025"));
    /// assert_eq!(t.columns[2].kind, ColumnKind::Deviation);
    /// assert_eq!(t.row("it").and_then(|r| r.cell(2)), Some(Amount::tkr(198)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn deviation(label: impl Into<String>) -> Self {
        Column::new(label, ColumnKind::Deviation)
    }

    /// A column with the figures of the previous period or year.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: eget kapital 8 521 tkr, a year-end 6 373 tkr.
    /// let columns = vec![Column::outcome("2025-06-30"), Column::prior_period("2024-12-31")];
    /// let mut t = Table::new("Ekonomisk ställning", Scale::Tkr, columns);
    /// t.push_row(TableRow::new("ek", "Eget kapital", StatementRowKind::Line, ValueKind::Stock,
    ///     vec![Some(Amount::tkr(8_521)), Some(Amount::tkr(6_373))]))?;
    /// t.push_deviation("Förändring", 0, 1)?;
    /// // The change is periodens resultat, 2 148 tkr (2.3).
    /// assert_eq!(t.row("ek").and_then(|r| r.cell(2)), Some(Amount::tkr(2_148)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn prior_period(label: impl Into<String>) -> Self {
        Column::new(label, ColumnKind::PriorPeriod)
    }
}

/// Whether a row holds a flow or a stock (flöde eller ställning).
///
/// A flow (resultaträkning, driftredovisning) is a change over a period: flows of
/// consecutive periods can be added. A stock (balansräkning) is a balance at a date:
/// adding balances of two dates means nothing.
///
/// ```
/// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, Scale};
/// use kommunal_redovisning::present::{Column, Table, ValueKind};
/// use kommunal_redovisning::statement::StatementLayout;
///
/// // Grästorp 2019: verksamhetens intäkter 101 282 tkr (a resultaträkning: flows).
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(101_282), ..Default::default() };
/// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
/// let t = Table::income_statement("Resultaträkning", Scale::Tkr, &layout, &[(Column::outcome("2019"), &rs)])?;
/// assert!(t.rows.iter().all(|r| r.value_kind == ValueKind::Flow));
/// assert_eq!(ValueKind::default(), ValueKind::Flow);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "flöde")]
#[doc(alias = "ställning")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ValueKind {
    /// A change over a period (intäkter, kostnader, resultat).
    #[default]
    Flow,
    /// A balance at a date (tillgångar, eget kapital, skulder).
    Stock,
}

/// A row of a [`Table`] (tabellrad).
///
/// # Example
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::present::{TableRow, ValueKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// let row = TableRow::new("skatteintakter", "Skatteintäkter", StatementRowKind::Line, ValueKind::Flow,
///     vec![Some(Amount::tkr(257_770))]).with_note("4");
/// assert_eq!(row.note.as_deref(), Some("4"));
/// ```
#[doc(alias = "tabellrad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TableRow {
    /// A stable identifier, unique within the table (statement rows keep their
    /// [`StatementRow::id`]).
    pub id: String,
    /// The Swedish label as printed.
    pub label: String,
    /// Heading, line, subtotal, total or "varav".
    pub kind: StatementRowKind,
    /// Indentation level, 0 for top-level rows.
    #[cfg_attr(feature = "serde", serde(default))]
    pub depth: u8,
    /// A note reference (notreferens), e.g. `"3"`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// Flow (a period's change) or stock (a balance at a date).
    #[cfg_attr(feature = "serde", serde(default))]
    pub value_kind: ValueKind,
    /// One cell per column, in kronor; `None` for an empty cell.
    pub cells: Vec<Option<Amount>>,
    /// The ids of the rows this row is the sum of (its direct parts), empty for rows
    /// that are not sums. Parts may themselves be sums: verksamhetens resultat is the
    /// sum of verksamhetens nettokostnader and two lines.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sum_of: Vec<String>,
}

impl TableRow {
    /// A row at depth 0 without note and without parts.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: tillgångar totalt at two dates (a stock).
    /// let row = TableRow::new("tillgangar", "Tillgångar totalt", StatementRowKind::Line, ValueKind::Stock,
    ///     vec![Some(Amount::tkr(36_631)), Some(Amount::tkr(29_663))]);
    /// assert_eq!((row.depth, row.note.as_deref(), row.is_sum()), (0, None, false));
    /// let mut t = Table::new("1.5", Scale::Tkr, vec![Column::outcome("2025-06-30"), Column::prior_period("2024-12-31")]);
    /// t.push_row(row)?;
    /// assert_eq!(t.row("tillgangar").and_then(|r| r.cell(1)), Some(Amount::tkr(29_663)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        kind: StatementRowKind,
        value_kind: ValueKind,
        cells: Vec<Option<Amount>>,
    ) -> Self {
        TableRow {
            id: id.into(),
            label: label.into(),
            kind,
            depth: 0,
            note: None,
            value_kind,
            cells,
            sum_of: Vec::new(),
        }
    }

    /// The same row at another depth.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: IT's budget, under a heading.
    /// let mut t = Table::new("Prognos", Scale::Tkr, vec![Column::budget("Budget 2025")]);
    /// t.push_row(TableRow::new("verksamhet", "Verksamhet", StatementRowKind::Heading, ValueKind::Flow, vec![None]))?;
    /// t.push_row(TableRow::new("it", "IT", StatementRowKind::Line, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(760))]).with_depth(1))?;
    /// let text = t.to_text(&NumberFormat::swedish());
    /// assert_eq!(text.lines().last(), Some("  IT                  760"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_depth(mut self, depth: u8) -> Self {
        self.depth = depth;
        self
    }

    /// The same row with a note reference.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Grästorp 2019: skatteintäkter 257 770 tkr, specified in not 4.
    /// let mut t = Table::new("Resultaträkning", Scale::Tkr, vec![Column::outcome("2019")]);
    /// t.push_row(TableRow::new("skatteintakter", "Skatteintäkter", StatementRowKind::Line,
    ///     ValueKind::Flow, vec![Some(Amount::tkr(257_770))]).with_note("4"))?;
    /// assert!(t.has_notes());
    /// let md = t.to_markdown(&NumberFormat::swedish().with_group_separator(Some(' ')));
    /// assert!(md.contains("| Skatteintäkter | 4 | 257 770 |"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The same row declared as the sum of the rows with these ids.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: budget per verksamhet and Totalt 859 tkr.
    /// let mut t = Table::new("Prognos", Scale::Tkr, vec![Column::budget("Budget 2025")]);
    /// for (id, tkr) in [("IT", 760), ("Kundtjänst", 82), ("Revision", -195), ("Lystkom", 212)] {
    ///     t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, vec![Some(Amount::tkr(tkr))]))?;
    /// }
    /// t.push_row(TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(859))]).with_sum_of(["IT", "Kundtjänst", "Revision", "Lystkom"]))?;
    /// // The printed total is the sum of its parts.
    /// assert!(t.sum_differences()?.is_empty());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_sum_of<I, S>(mut self, parts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.sum_of = parts.into_iter().map(Into::into).collect();
        self
    }

    /// The cell in column `column`, `None` when empty or out of range.
    #[must_use]
    pub fn cell(&self, column: usize) -> Option<Amount> {
        self.cells.get(column).copied().flatten()
    }

    /// `true` when the row is the sum of other rows.
    #[must_use]
    pub fn is_sum(&self) -> bool {
        !self.sum_of.is_empty()
    }
}

/// A key ratio printed under a table (nyckeltalsrad), e.g. soliditet, one percentage
/// per column.
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, NumberFormat, Percent, Scale};
/// use kommunal_redovisning::present::{Column, RatioRow, Table, TableRow, ValueKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.5: eget kapital and soliditet at two dates.
/// let columns = vec![Column::outcome("2025-06-30"), Column::prior_period("2024-12-31")];
/// let mut t = Table::new("Ekonomisk ställning", Scale::Tkr, columns);
/// t.push_row(TableRow::new("ek", "Eget kapital", StatementRowKind::Line, ValueKind::Stock,
///     vec![Some(Amount::tkr(8_521)), Some(Amount::tkr(6_373))]))?;
/// let pct = |tenths| Some(Percent::new(Decimal::new(tenths, 1)));
/// t.push_ratio(RatioRow { label: "Soliditet".into(), values: vec![pct(233), pct(215)], decimals: 1 })?;
/// let text = t.to_text(&NumberFormat::swedish());
/// assert!(text.ends_with("Soliditet         23,3\u{a0}%      21,5\u{a0}%\n"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "nyckeltalsrad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatioRow {
    /// The label, e.g. "Soliditet".
    pub label: String,
    /// One value per column; `None` for an empty cell.
    pub values: Vec<Option<Percent>>,
    /// Decimals shown.
    #[cfg_attr(feature = "serde", serde(default))]
    pub decimals: u32,
}

/// A figure row that is neither an amount in the table's unit nor a percentage
/// (storhetsrad): a count (invånare, anställda), kronor per invånare, procentenheter.
/// Printed under the key-ratio rows, each value followed by the row's unit when it
/// has one (`12 345 kr/inv.`).
///
/// ```
/// use kommunal_redovisning::present::QuantityRow;
/// use kommunal_redovisning::Decimal;
///
/// // Sjöbo kommun 2016, fem år i sammandrag (finansiellinformation.se/Sjobo_2016/Fem.html).
/// let row = QuantityRow::new("Invånare 31 december", None, 0, vec![Some(Decimal::from(18_742))]);
/// assert_eq!(row.values.len(), 1);
/// ```
#[doc(alias = "storhetsrad")]
#[doc(alias = "antal")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct QuantityRow {
    /// The label, e.g. "Invånare 31 december".
    pub label: String,
    /// The unit printed after each value (`"kr/inv."`, `"procentenheter"`), or none
    /// when the label says it (a count).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub unit: Option<String>,
    /// Decimals shown.
    #[cfg_attr(feature = "serde", serde(default))]
    pub decimals: u32,
    /// One value per column; `None` for an empty cell.
    pub values: Vec<Option<QuantityValue>>,
}

/// Storhet: one value of a [`QuantityRow`], an exact decimal (as a canonical string in
/// serde).
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::present::{QuantityRow, QuantityValue};
///
/// // Sjöbo kommun 2016, fem år i sammandrag: invånare 18 742
/// // (http://finansiellinformation.se/Sjobo_2016/Fem.html).
/// let row = QuantityRow::new("Invånare 31 december", None, 0, vec![Some(Decimal::from(18_742)), None]);
/// assert_eq!(row.values[0], Some(QuantityValue(Decimal::from(18_742))));
/// assert_eq!(row.value(1), None);
/// ```
#[doc(alias = "storhet")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct QuantityValue(
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))] pub Decimal,
);

impl QuantityRow {
    /// A row with a label, an optional unit, the decimals shown and one value per
    /// column.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, QuantityRow, Table};
    ///
    /// // Sjöbo kommun 2016, fem år i sammandrag: invånare 18 742
    /// // (http://finansiellinformation.se/Sjobo_2016/Fem.html).
    /// let mut t = Table::new("Fem år i sammandrag", Scale::Mnkr, vec![Column::outcome("2016")]);
    /// t.push_quantity(QuantityRow::new("Invånare 31 december", None, 0, vec![Some(Decimal::from(18_742))]))?;
    /// let text = t.to_text(&NumberFormat::swedish());
    /// assert!(text.lines().any(|l| l.starts_with("Invånare 31 december") && l.ends_with("18\u{a0}742")));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        label: impl Into<String>,
        unit: Option<&str>,
        decimals: u32,
        values: Vec<Option<Decimal>>,
    ) -> Self {
        QuantityRow {
            label: label.into(),
            unit: unit.map(str::to_owned),
            decimals,
            values: values.into_iter().map(|v| v.map(QuantityValue)).collect(),
        }
    }

    /// The value in column `column`, `None` when empty or out of range.
    #[must_use]
    pub fn value(&self, column: usize) -> Option<Decimal> {
        self.values.get(column).copied().flatten().map(|v| v.0)
    }
}

/// A table of figures (tabell): the one model behind every statement and follow-up
/// table, rendered by [`Table::to_text`](crate::present::Table::to_text) and its
/// siblings.
///
/// # Example: Grästorps resultaträkning, two years
///
/// ```
/// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, NumberFormat, Scale};
/// use kommunal_redovisning::present::{Column, Table};
/// use kommunal_redovisning::statement::StatementLayout;
///
/// let y2019 = IncomeStatement {
///     operating_revenue: Amount::tkr(101_282),
///     operating_expenses: Amount::tkr(-417_698),
///     ..Default::default()
/// };
/// let y2018 = IncomeStatement { operating_revenue: Amount::tkr(106_965), ..Default::default() };
/// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
/// let table = Table::income_statement(
///     "Resultaträkning", Scale::Tkr, &layout,
///     &[(Column::outcome("2019"), &y2019), (Column::prior_period("2018"), &y2018)],
/// )?;
/// assert_eq!(table.columns.len(), 2);
/// let nk = table.row("verksamhetens_nettokostnader").map(|r| r.cells.clone());
/// assert_eq!(nk, Some(vec![Some(Amount::tkr(-316_416)), Some(Amount::tkr(106_965))]));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "tabell")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Table {
    /// The caption (rubrik), e.g. "Resultaträkning".
    pub caption: String,
    /// The unit the figures are presented in ("belopp i tkr").
    pub unit: Scale,
    /// Decimals shown in [`Table::unit`]; renderers print this many.
    #[cfg_attr(feature = "serde", serde(default))]
    pub decimals: u32,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows, in order (statutory order for statements).
    pub rows: Vec<TableRow>,
    /// Key ratios printed under the rows.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub ratios: Vec<RatioRow>,
    /// Other figures printed under the key ratios: counts, kronor per invånare,
    /// procentenheter.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub quantities: Vec<QuantityRow>,
    /// Row id → position, for [`Table::push_row`]'s duplicate check in constant time.
    #[cfg_attr(feature = "serde", serde(skip))]
    index: RowIndex,
}

/// Row ids → positions. Not part of a table's value (equal tables may differ in it);
/// rebuilt whenever it does not match [`Table::rows`], which are public and may have
/// been changed directly.
#[derive(Clone, Debug, Default)]
struct RowIndex(std::collections::HashMap<String, usize>);

impl PartialEq for RowIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for RowIndex {}

impl RowIndex {
    /// `true` when the index holds exactly `rows` (checked cheaply: the count, and the
    /// first and the last row).
    fn matches(&self, rows: &[TableRow]) -> bool {
        self.0.len() == rows.len()
            && [
                rows.first().map(|r| (0, r)),
                rows.last().map(|r| (rows.len() - 1, r)),
            ]
            .into_iter()
            .flatten()
            .all(|(i, r)| self.0.get(&r.id) == Some(&i))
    }

    fn rebuild(&mut self, rows: &[TableRow]) {
        self.0.clear();
        for (i, r) in rows.iter().enumerate() {
            self.0.entry(r.id.clone()).or_insert(i);
        }
    }
}

impl Table {
    /// An empty table with these columns, no decimals.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Revision, budget and prognos −195 tkr.
    /// let columns = vec![Column::budget("Budget 2025"), Column::forecast("Prognos 2025")];
    /// let mut t = Table::new("1.3 Prognos för resultat", Scale::Tkr, columns);
    /// t.push_row(TableRow::new("revision", "Revision", StatementRowKind::Line, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(-195)), Some(Amount::tkr(-195))]))?;
    /// t.push_deviation("Avvikelse mot budget 2025", 1, 0)?;
    /// assert_eq!(t.row("revision").and_then(|r| r.cell(2)), Some(Amount::ZERO));
    /// // A row with too few cells is refused.
    /// let short = TableRow::new("x", "X", StatementRowKind::Line, ValueKind::Flow, vec![None]);
    /// assert!(t.push_row(short).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(caption: impl Into<String>, unit: Scale, columns: Vec<Column>) -> Self {
        Table {
            caption: caption.into(),
            unit,
            decimals: 0,
            columns,
            rows: Vec::new(),
            ratios: Vec::new(),
            quantities: Vec::new(),
            index: RowIndex::default(),
        }
    }

    /// Appends a row.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the row has another number of cells than the table
    /// has columns, or its id is already used.
    pub fn push_row(&mut self, row: TableRow) -> Result<()> {
        if row.cells.len() != self.columns.len() {
            return Err(Error::InvalidRule(format!(
                "raden {:?} har {} celler men tabellen {:?} har {} kolumner",
                row.label,
                row.cells.len(),
                self.caption,
                self.columns.len()
            )));
        }
        // A hash index instead of a scan: a driftredovisning of a million objects
        // pushes a million rows (quadratic before, issue 19).
        if !self.index.matches(&self.rows) {
            self.index.rebuild(&self.rows);
        }
        let duplicate = match self.index.0.get(&row.id) {
            Some(&i) => {
                self.rows.get(i).is_some_and(|r| r.id == row.id) || {
                    // Stale: a row was renamed in place. Check the slow way.
                    self.index.rebuild(&self.rows);
                    self.row(&row.id).is_some()
                }
            }
            None => false,
        };
        if duplicate {
            return Err(Error::InvalidRule(format!(
                "rad-id {:?} används två gånger i tabellen {:?}",
                row.id, self.caption
            )));
        }
        self.index.0.insert(row.id.clone(), self.rows.len());
        self.rows.push(row);
        Ok(())
    }

    /// Appends a key-ratio row.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the row has another number of values than the table
    /// has columns.
    pub fn push_ratio(&mut self, ratio: RatioRow) -> Result<()> {
        if ratio.values.len() != self.columns.len() {
            return Err(Error::InvalidRule(format!(
                "nyckeltalsraden {:?} har {} värden men tabellen {:?} har {} kolumner",
                ratio.label,
                ratio.values.len(),
                self.caption,
                self.columns.len()
            )));
        }
        self.ratios.push(ratio);
        Ok(())
    }

    /// Appends a row of other figures (counts, kronor per invånare).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the row has another number of values than the table
    /// has columns.
    pub fn push_quantity(&mut self, quantity: QuantityRow) -> Result<()> {
        if quantity.values.len() != self.columns.len() {
            return Err(Error::InvalidRule(format!(
                "antalsraden {:?} har {} värden men tabellen {:?} har {} kolumner",
                quantity.label,
                quantity.values.len(),
                self.caption,
                self.columns.len()
            )));
        }
        self.quantities.push(quantity);
        Ok(())
    }

    /// The row with this id.
    #[must_use]
    pub fn row(&self, id: &str) -> Option<&TableRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The position of the row with this id.
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// `true` when some row has a note reference (renderers then print a "Not" column).
    #[must_use]
    pub fn has_notes(&self) -> bool {
        self.rows.iter().any(|r| r.note.is_some())
    }

    /// Checks the table's structure: every row has one cell per column, ids are
    /// unique, every part named in [`TableRow::sum_of`] exists, no row is its own part
    /// (directly or through other sums), and ratio rows have one value per column.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] naming the row and the problem.
    pub fn validate(&self) -> Result<()> {
        let mut ids = BTreeSet::new();
        for row in &self.rows {
            if row.cells.len() != self.columns.len() {
                return Err(Error::InvalidRule(format!(
                    "raden {:?} har {} celler men tabellen {:?} har {} kolumner",
                    row.label,
                    row.cells.len(),
                    self.caption,
                    self.columns.len()
                )));
            }
            if !ids.insert(row.id.as_str()) {
                return Err(Error::InvalidRule(format!(
                    "rad-id {:?} används två gånger i tabellen {:?}",
                    row.id, self.caption
                )));
            }
        }
        for row in &self.rows {
            for part in &row.sum_of {
                if !ids.contains(part.as_str()) {
                    return Err(Error::InvalidRule(format!(
                        "raden {:?} är summan av {part:?}, som inte är en rad i tabellen {:?}",
                        row.id, self.caption
                    )));
                }
            }
        }
        if let Some(row) = self.cycle() {
            return Err(Error::InvalidRule(format!(
                "raden {:?} ingår i sin egen summa i tabellen {:?}",
                row.id, self.caption
            )));
        }
        for ratio in &self.ratios {
            if ratio.values.len() != self.columns.len() {
                return Err(Error::InvalidRule(format!(
                    "nyckeltalsraden {:?} har {} värden men tabellen {:?} har {} kolumner",
                    ratio.label,
                    ratio.values.len(),
                    self.caption,
                    self.columns.len()
                )));
            }
        }
        for quantity in &self.quantities {
            if quantity.values.len() != self.columns.len() {
                return Err(Error::InvalidRule(format!(
                    "antalsraden {:?} har {} värden men tabellen {:?} har {} kolumner",
                    quantity.label,
                    quantity.values.len(),
                    self.caption,
                    self.columns.len()
                )));
            }
        }
        Ok(())
    }

    /// The positions of the direct parts of every row (unknown ids left out).
    pub(crate) fn part_indices(&self) -> Vec<Vec<usize>> {
        let index: BTreeMap<&str, usize> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        self.rows
            .iter()
            .map(|r| {
                r.sum_of
                    .iter()
                    .filter_map(|id| index.get(id.as_str()).copied())
                    .collect()
            })
            .collect()
    }

    /// A row on a cycle of `sum_of` edges, if there is one (Kahn's algorithm, no
    /// recursion).
    fn cycle(&self) -> Option<&TableRow> {
        let parts = self.part_indices();
        let mut indegree = vec![0_usize; self.rows.len()];
        for ps in &parts {
            for p in ps {
                if let Some(d) = indegree.get_mut(*p) {
                    *d = d.saturating_add(1);
                }
            }
        }
        let mut ready: Vec<usize> = (0..self.rows.len())
            .filter(|i| indegree.get(*i) == Some(&0))
            .collect();
        let mut removed = 0_usize;
        while let Some(i) = ready.pop() {
            removed = removed.saturating_add(1);
            for p in parts.get(i).into_iter().flatten() {
                if let Some(d) = indegree.get_mut(*p) {
                    *d = d.saturating_sub(1);
                    if *d == 0 {
                        ready.push(*p);
                    }
                }
            }
        }
        if removed == self.rows.len() {
            return None;
        }
        indegree
            .iter()
            .position(|d| *d > 0)
            .and_then(|i| self.rows.get(i))
    }

    /// Appends an avvikelse column: `minuend − subtrahend` for every row that has both
    /// cells (e.g. utfall − budget, so positive is better for a result line).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when a column index is out of range, [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("Driftredovisning", Scale::Tkr, vec![Column::outcome("Utfall"), Column::budget("Budget")]);
    /// t.push_row(TableRow::new("a", "Kansli", StatementRowKind::Line, ValueKind::Flow,
    ///     vec![Some(Amount::tkr(-950)), Some(Amount::tkr(-1_000))]))?;
    /// t.push_deviation("Avvikelse", 0, 1)?;
    /// assert_eq!(t.rows[0].cells[2], Some(Amount::tkr(50)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "avvikelse")]
    pub fn push_deviation(
        &mut self,
        label: impl Into<String>,
        minuend: usize,
        subtrahend: usize,
    ) -> Result<()> {
        let columns = self.columns.len();
        if minuend >= columns || subtrahend >= columns {
            return Err(Error::InvalidRule(format!(
                "avvikelse mellan kolumnerna {minuend} och {subtrahend} begärd i tabellen {:?}, som har {columns} kolumner",
                self.caption
            )));
        }
        let mut deviations = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            deviations.push(match (row.cell(minuend), row.cell(subtrahend)) {
                (Some(a), Some(b)) => Some(a.checked_sub(b)?),
                _ => None,
            });
        }
        for (row, d) in self.rows.iter_mut().zip(deviations) {
            row.cells.push(d);
        }
        for ratio in &mut self.ratios {
            ratio.values.push(None);
        }
        self.columns.push(Column::deviation(label));
        Ok(())
    }

    /// A table from statement rows, one list of rows per column, matched by
    /// [`StatementRow::id`]. Rows missing in the first column's list are inserted after
    /// the row that precedes them in their own list, so statutory order is kept.
    /// `sum_of` maps a sum row's id to its parts.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the number of row lists differs from the number of
    /// columns or the resulting table is not valid ([`Table::validate`]).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, Scale};
    /// use kommunal_redovisning::present::{Column, Table, ValueKind};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// // Grästorps kommun 2019 (tkr): skatteintäkter 257 770, generella statsbidrag 86 552.
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552), ..Default::default() };
    /// let rows = rs.rows(&StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019)))?;
    /// let t = Table::from_statement_rows("Resultaträkning", Scale::Tkr, ValueKind::Flow,
    ///     vec![Column::outcome("2019")], &[rows], &BTreeMap::new())?;
    /// assert_eq!(t.row("arets_resultat").and_then(|r| r.cell(0)), Some(Amount::tkr(344_322)));
    /// // No sums declared: rounding this table would not foot its totals.
    /// assert!(!t.rows.iter().any(|r| r.is_sum()));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "rader")]
    pub fn from_statement_rows(
        caption: impl Into<String>,
        unit: Scale,
        value_kind: ValueKind,
        columns: Vec<Column>,
        rows_per_column: &[Vec<StatementRow>],
        sum_of: &BTreeMap<String, Vec<String>>,
    ) -> Result<Table> {
        let mut table = Table::new(caption, unit, columns);
        let n = table.columns.len();
        if rows_per_column.len() != n {
            return Err(Error::InvalidRule(format!(
                "{} radlistor för {n} kolumner i tabellen {:?}",
                rows_per_column.len(),
                table.caption
            )));
        }
        for (c, rows) in rows_per_column.iter().enumerate() {
            let mut previous: Option<usize> = None;
            for r in rows {
                let at = match table.position(&r.id) {
                    Some(at) => at,
                    None => {
                        let at = previous.map_or(0, |p| p.saturating_add(1));
                        let mut row = TableRow::new(
                            r.id.clone(),
                            r.label.clone(),
                            r.kind,
                            value_kind,
                            vec![None; n],
                        )
                        .with_depth(r.depth);
                        row.note.clone_from(&r.note);
                        if let Some(parts) = sum_of.get(&r.id) {
                            row.sum_of.clone_from(parts);
                        }
                        table.rows.insert(at.min(table.rows.len()), row);
                        at.min(table.rows.len().saturating_sub(1))
                    }
                };
                if let Some(row) = table.rows.get_mut(at) {
                    if let Some(cell) = row.cells.get_mut(c) {
                        *cell = r.amount;
                    }
                    if row.note.is_none() {
                        row.note.clone_from(&r.note);
                    }
                }
                previous = Some(at);
            }
        }
        table.validate()?;
        Ok(table)
    }

    /// Resultaträkning (LKBR 5 kap.) as a table, one column per statement (e.g. 2025 and 2024,
    /// or budget and utfall), rows in statutory order ([`IncomeStatement::rows`]),
    /// flows. Sums are cumulative: verksamhetens nettokostnader is the sum of three
    /// lines, verksamhetens resultat of the nettokostnader and two lines, and so on; a
    /// post with breakdown rows is the sum of them.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a sum cannot be computed; [`Error::InvalidRule`] for an
    /// invalid table (e.g. two details with the same label under one post) or for
    /// skatteintäkter or generella statsbidrag in a kommunalförbund's statement (its
    /// layout leaves them out, so the printed sums would not add up).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// // Grästorps kommun 2019, resultaträkning (tkr).
    /// let rs = IncomeStatement { operating_revenue: Amount::tkr(101_282), operating_expenses: Amount::tkr(-417_698),
    ///     depreciation: Amount::tkr(-14_879), tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552),
    ///     financial_income: Amount::tkr(794), financial_expenses: Amount::tkr(-1_778), ..Default::default() };
    /// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
    /// let t = Table::income_statement("Resultaträkning", Scale::Tkr, &layout, &[(Column::outcome("2019"), &rs)])?;
    /// let md = t.to_markdown(&NumberFormat::swedish().with_group_separator(Some(' ')));
    /// assert!(md.contains("| **Verksamhetens nettokostnader** | **−331 295** |"));
    /// assert!(md.ends_with("| **Årets resultat** | **12 043** |\n"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "resultaträkning")]
    pub fn income_statement(
        caption: impl Into<String>,
        unit: Scale,
        layout: &StatementLayout,
        columns: &[(Column, &IncomeStatement)],
    ) -> Result<Table> {
        let mut rows = Vec::with_capacity(columns.len());
        for (column, statement) in columns {
            if !layout.shows_tax_lines() {
                for line in [IncomeLine::TaxRevenue, IncomeLine::GeneralGrants] {
                    if !statement.amount(line).is_zero() {
                        return Err(Error::InvalidRule(format!(
                            "{} {} i kolumnen {:?}: uppställningen för {} har ingen sådan rad, \
                             så resultaträkningen skulle inte summera",
                            line.label(),
                            statement.amount(line).sv(),
                            column.label,
                            layout.kind
                        )));
                    }
                }
            }
            rows.push(statement.rows(layout)?);
        }
        let mut sums = income_sums(layout);
        for (_, statement) in columns {
            for d in &statement.details {
                if d.kind == DetailKind::Breakdown {
                    push_unique(
                        sums.entry(d.line.id().to_owned()).or_default(),
                        format!("{}/{}", d.line.id(), d.label),
                    );
                }
            }
        }
        Table::from_statement_rows(
            caption,
            unit,
            ValueKind::Flow,
            columns.iter().map(|(c, _)| c.clone()).collect(),
            &rows,
            &sums,
        )
    }

    /// Balansräkning (LKBR 6 kap.) as a table, one column per balance date (e.g. 2025-06-30 and
    /// 2024-12-31), rows in statutory order ([`BalanceSheet::rows`]), stocks. Sums:
    /// summa materiella anläggningstillgångar of its three lines, summa
    /// anläggningstillgångar of immateriella, materiella (the sum) and finansiella,
    /// summa tillgångar of anläggningstillgångar, bidrag till infrastruktur and
    /// omsättningstillgångar, and so on; a post with breakdown rows is their sum.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a sum cannot be computed; [`Error::InvalidRule`] for an
    /// invalid table.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, BalanceSheet, EntityKind, FinancialYear, Scale};
    /// # use kommunal_redovisning::present::{Column, Table, ValueKind};
    /// # use kommunal_redovisning::statement::StatementLayout;
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// # let tkr = Amount::tkr;
    /// # let br = BalanceSheet {
    /// #     intangible_assets: tkr(2_158), land_and_buildings: tkr(359_745), machinery_and_equipment: tkr(12_671),
    /// #     financial_fixed_assets: tkr(9_980), infrastructure_contributions: tkr(5_040), receivables: tkr(39_331),
    /// #     cash_and_bank: tkr(48_969), result_for_the_year: tkr(27_125), result_reserve: tkr(13_500),
    /// #     other_equity: tkr(171_288), pension_provisions: tkr(7_094), other_provisions: tkr(7_059),
    /// #     long_term_liabilities: tkr(151_284), current_liabilities: tkr(100_544), ..Default::default()
    /// # };
    /// // `br`: Grästorps kommun's balansräkning 2020-12-31 (tkr), every post as printed
    /// // (https://www.finansiellinfo.se/Grastorp_2020/Balansrakning.html).
    /// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2020));
    /// let t = Table::balance_sheet("Balansräkning", Scale::Tkr, &layout, &[(Column::outcome("2020-12-31"), &br)])?;
    /// let cell = |id: &str| t.row(id).and_then(|r| r.cell(0));
    /// assert_eq!(cell("summa_tillgangar"), Some(tkr(477_894)));
    /// assert_eq!(cell("summa_tillgangar"), cell("summa_eget_kapital_avsattningar_och_skulder"));
    /// assert!(t.rows.iter().all(|r| r.value_kind == ValueKind::Stock));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "balansräkning")]
    pub fn balance_sheet(
        caption: impl Into<String>,
        unit: Scale,
        layout: &StatementLayout,
        columns: &[(Column, &BalanceSheet)],
    ) -> Result<Table> {
        let mut rows = Vec::with_capacity(columns.len());
        for (_, statement) in columns {
            rows.push(statement.rows(layout)?);
        }
        let mut sums = balance_sums();
        for (_, statement) in columns {
            for d in &statement.details {
                if d.kind == DetailKind::Breakdown {
                    push_unique(
                        sums.entry(d.line.id().to_owned()).or_default(),
                        format!("{}/{}", d.line.id(), d.label),
                    );
                }
            }
        }
        Table::from_statement_rows(
            caption,
            unit,
            ValueKind::Stock,
            columns.iter().map(|(c, _)| c.clone()).collect(),
            &rows,
            &sums,
        )
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// The parts of each sum of the resultaträkning under `layout` (cumulative).
pub(crate) fn income_sums(layout: &StatementLayout) -> BTreeMap<String, Vec<String>> {
    use IncomeLine as L;
    use IncomeSum as S;
    let ids = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut m = BTreeMap::new();
    m.insert(
        S::NetOperatingCosts.id().to_owned(),
        ids(&[
            L::OperatingRevenue.id(),
            L::OperatingExpenses.id(),
            L::Depreciation.id(),
        ]),
    );
    let before_financial = if layout.shows_tax_lines() {
        m.insert(
            S::OperatingResult.id().to_owned(),
            ids(&[
                S::NetOperatingCosts.id(),
                L::TaxRevenue.id(),
                L::GeneralGrants.id(),
            ]),
        );
        S::OperatingResult.id()
    } else {
        S::NetOperatingCosts.id()
    };
    m.insert(
        S::ResultAfterFinancialItems.id().to_owned(),
        ids(&[
            before_financial,
            L::FinancialIncome.id(),
            L::FinancialExpenses.id(),
        ]),
    );
    m.insert(
        S::ResultForTheYear.id().to_owned(),
        ids(&[
            S::ResultAfterFinancialItems.id(),
            L::ExtraordinaryItems.id(),
        ]),
    );
    m
}

/// The parts of each sum of the balansräkning (hierarchical: sums of sums).
pub(crate) fn balance_sums() -> BTreeMap<String, Vec<String>> {
    BalanceSum::ALL
        .iter()
        .map(|s| {
            let parts = s.parts().iter().map(|p| p.id().to_owned()).collect();
            (s.id().to_owned(), parts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (issue 19): the duplicate check scanned every row, so a
    /// driftredovisning of 40 000 objects took 4,9 s and 1 000 000 did not finish.
    /// 100 000 rows take a second or so in a debug build with the index (minutes without).
    #[test]
    fn push_row_is_linear_and_still_refuses_duplicates() {
        let mut t = Table::new("Drift", Scale::Kr, vec![Column::outcome("2025")]);
        for i in 0..100_000 {
            let row = TableRow::new(
                format!("o{i}"),
                format!("Objekt {i}"),
                StatementRowKind::Line,
                ValueKind::Flow,
                vec![Some(Amount::kr(i))],
            );
            t.push_row(row).unwrap();
        }
        let again = TableRow::new(
            "o12345",
            "x",
            StatementRowKind::Line,
            ValueKind::Flow,
            vec![None],
        );
        assert!(t.push_row(again).is_err());
        // Rows changed directly are seen: the index is rebuilt.
        t.rows[0].id = "renamed".into();
        let first = TableRow::new(
            "o0",
            "x",
            StatementRowKind::Line,
            ValueKind::Flow,
            vec![None],
        );
        t.push_row(first).unwrap();
        let renamed = TableRow::new(
            "renamed",
            "x",
            StatementRowKind::Line,
            ValueKind::Flow,
            vec![None],
        );
        assert!(t.push_row(renamed).is_err());
        t.rows.truncate(10);
        let back = TableRow::new(
            "o50000",
            "x",
            StatementRowKind::Line,
            ValueKind::Flow,
            vec![None],
        );
        t.push_row(back).unwrap();
        assert_eq!(t.rows.len(), 11);
    }
    use crate::statement::{BalanceLine, Detail};
    use crate::{EntityKind, FinancialYear};

    fn grastorp_2019() -> IncomeStatement {
        IncomeStatement {
            operating_revenue: Amount::tkr(101_282),
            operating_expenses: Amount::tkr(-417_698),
            depreciation: Amount::tkr(-14_879),
            tax_revenue: Amount::tkr(257_770),
            general_grants: Amount::tkr(86_552),
            financial_income: Amount::tkr(794),
            financial_expenses: Amount::tkr(-1_778),
            ..Default::default()
        }
    }

    #[test]
    fn income_statement_sums_are_cumulative_and_exact() {
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
        let rs = grastorp_2019();
        let t = Table::income_statement(
            "Resultaträkning",
            Scale::Tkr,
            &layout,
            &[(Column::outcome("2019"), &rs)],
        )
        .unwrap();
        assert_eq!(t.rows.len(), 12);
        let vr = t.row("verksamhetens_resultat").unwrap();
        assert_eq!(
            vr.sum_of,
            vec![
                "verksamhetens_nettokostnader",
                "skatteintakter",
                "generella_statsbidrag_och_utjamning"
            ]
        );
        // Every sum row equals the sum of its parts.
        for (i, row) in t.rows.iter().enumerate() {
            if row.is_sum() {
                let parts = &t.part_indices()[i];
                let sum = Amount::checked_sum(parts.iter().filter_map(|p| t.rows.get(*p)?.cell(0)))
                    .unwrap();
                assert_eq!(row.cell(0), Some(sum), "{}", row.id);
            }
        }
        assert_eq!(
            t.row("arets_resultat").unwrap().cell(0),
            Some(Amount::tkr(12_043))
        );
    }

    #[test]
    fn kommunalforbund_skips_operating_result() {
        let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
        let t = Table::income_statement(
            "Resultaträkning",
            Scale::Tkr,
            &layout,
            &[(Column::outcome("2025"), &IncomeStatement::default())],
        )
        .unwrap();
        assert!(t.row("verksamhetens_resultat").is_none());
        assert_eq!(
            t.row("resultat_efter_finansiella_poster").unwrap().sum_of[0],
            "verksamhetens_nettokostnader"
        );
        t.validate().unwrap();
    }

    #[test]
    fn columns_match_by_id_and_details_merge_in_order() {
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2020));
        let mut a = BalanceSheet {
            financial_fixed_assets: Amount::tkr(9_980),
            cash_and_bank: Amount::tkr(9_980),
            current_liabilities: Amount::tkr(9_980),
            ..Default::default()
        };
        a.details.push(Detail::breakdown(
            BalanceLine::FinancialFixedAssets,
            "Aktier och andelar",
            Amount::tkr(9_980),
        ));
        let mut b = a.clone();
        b.details.clear();
        b.financial_fixed_assets = Amount::tkr(12_280);
        b.cash_and_bank = Amount::tkr(12_280);
        b.current_liabilities = Amount::tkr(12_280);
        b.details.push(Detail::breakdown(
            BalanceLine::FinancialFixedAssets,
            "Aktier och andelar",
            Amount::tkr(11_180),
        ));
        b.details.push(Detail::breakdown(
            BalanceLine::FinancialFixedAssets,
            "Långfristiga fordringar",
            Amount::tkr(1_100),
        ));
        let t = Table::balance_sheet(
            "Balansräkning",
            Scale::Tkr,
            &layout,
            &[
                (Column::outcome("2020"), &a),
                (Column::prior_period("2018"), &b),
            ],
        )
        .unwrap();
        let fin = t.position("finansiella_anlaggningstillgangar").unwrap();
        assert_eq!(
            t.rows[fin + 1].id,
            "finansiella_anlaggningstillgangar/Aktier och andelar"
        );
        assert_eq!(
            t.rows[fin + 2].id,
            "finansiella_anlaggningstillgangar/Långfristiga fordringar"
        );
        assert_eq!(t.rows[fin + 2].cells, vec![None, Some(Amount::tkr(1_100))]);
        assert_eq!(t.rows[fin].sum_of.len(), 2);
        assert!(t.rows.iter().all(|r| r.value_kind == ValueKind::Stock));
    }

    #[test]
    fn validate_finds_cycles_and_missing_parts() {
        let mut t = Table::new("T", Scale::Kr, vec![Column::outcome("x")]);
        t.push_row(
            TableRow::new(
                "a",
                "A",
                StatementRowKind::Subtotal,
                ValueKind::Flow,
                vec![None],
            )
            .with_sum_of(["b"]),
        )
        .unwrap();
        assert!(
            t.validate()
                .unwrap_err()
                .to_string()
                .contains("inte är en rad")
        );
        t.push_row(
            TableRow::new(
                "b",
                "B",
                StatementRowKind::Subtotal,
                ValueKind::Flow,
                vec![None],
            )
            .with_sum_of(["a"]),
        )
        .unwrap();
        assert!(
            t.validate()
                .unwrap_err()
                .to_string()
                .contains("ingår i sin egen summa")
        );
        assert!(
            t.push_row(TableRow::new(
                "c",
                "C",
                StatementRowKind::Line,
                ValueKind::Flow,
                vec![]
            ))
            .is_err()
        );
        assert!(
            t.push_row(TableRow::new(
                "a",
                "A",
                StatementRowKind::Line,
                ValueKind::Flow,
                vec![None]
            ))
            .is_err()
        );
    }

    #[test]
    fn deviation_column() {
        let mut t = Table::new(
            "T",
            Scale::Tkr,
            vec![Column::outcome("Utfall"), Column::budget("Budget")],
        );
        t.push_row(TableRow::new(
            "a",
            "A",
            StatementRowKind::Line,
            ValueKind::Flow,
            vec![Some(Amount::tkr(5)), None],
        ))
        .unwrap();
        t.push_deviation("Avvikelse", 0, 1).unwrap();
        assert_eq!(t.rows[0].cells[2], None);
        assert_eq!(t.columns[2].kind, ColumnKind::Deviation);
        assert!(t.push_deviation("x", 0, 9).is_err());
    }
}
