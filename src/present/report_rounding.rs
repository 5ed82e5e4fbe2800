//! Report-wide presentation rounding (avrundning av en hel rapport): one figure, one
//! printed value.
//!
//! A report prints some figures in several tables: årets resultat in the
//! resultaträkning, the balansräkning, the balanskravsutredning and the
//! kassaflödesanalys; summa tillgångar in the balansräkning and a key-figure table; a
//! note's total beside its statement line. Footing each table on its own
//! ([`Table::rounded`]) can print such a figure differently in two places — the
//! largest remainder of one table is not that of another — which a reader (and
//! [`check_report`](crate::check::check_report)) sees as an error.
//!
//! [`ReportRounding::round`] rounds all the tables of a report together:
//!
//! 1. **Shared figures.** Cells that hold one and the same figure are linked: cells of
//!    rows with the same id in two tables, in columns of the same kind and order (the
//!    first outcome column with the first outcome column, and so on), when their exact
//!    amounts are equal and the tables print at the same precision (ids declared the
//!    same with [`ReportRounding::with_alias`] count as the same id); and any cells
//!    named in a [`SharedFigure`]. A shared figure prints as its exact value rounded (with
//!    the [`RoundingMode`]), in every table.
//! 2. **Footing around them.** Each table is then footed ([`Table::rounded`]) with its
//!    shared cells pinned: every printed sum still equals the sum of its printed parts.
//!    The free parts of a sum take the difference as usual (one unit up or down, the
//!    largest remainder first); where that is not enough — a sum whose parts are
//!    pinned, e.g. summa eget kapital with årets resultat fixed — the largest free line
//!    under the sum absorbs the rest. Every figure that prints one unit or more away
//!    from its exact value this way is listed in [`RoundedReport::adjustments`], so
//!    the report can say which row absorbed the difference.
//! 3. **Where both cannot hold.** A sum none of whose parts is free (all pinned) and
//!    whose pinned parts do not add up to it cannot foot; the difference stays and is
//!    listed in that table's [`RoundedTable::differences`].
//!
//! Each table is rounded to its own [`Table::unit`] and [`Table::decimals`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Amount, RoundingMode};
use crate::present::rounding::{RoundedTable, Rounding};
use crate::present::table::{ColumnKind, Table};
use crate::statement::StatementRowKind as RowKind;

/// A cell of one of a report's tables (cellreferens): the table's position in the list
/// given to [`ReportRounding::round`], the row's id and the column's position.
///
/// ```
/// use kommunal_redovisning::present::CellRef;
/// let c = CellRef::new(1, "arets_resultat", 0);
/// assert_eq!((c.table, c.row.as_str(), c.column), (1, "arets_resultat", 0));
/// ```
#[doc(alias = "cellreferens")]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CellRef {
    /// The table's position.
    pub table: usize,
    /// The row's id ([`TableRow::id`](crate::present::TableRow::id)).
    pub row: String,
    /// The column's position.
    pub column: usize,
}

impl CellRef {
    /// A reference to the cell in `column` of row `row` of table `table`.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // 1.4's balanskravsutredning starts from that forecast result (its table is not in the
    /// // text; this one holds just that line): one figure printed in two tables.
    /// let balanskrav = table("1.4 Balanskravsresultat", &[("arets_resultat", 1_374)], None)?;
    /// let cells = [CellRef::new(0, "totalt", 0), CellRef::new(1, "arets_resultat", 0)];
    /// let rounding = ReportRounding::default().with_shared(SharedFigure::new("Prognos", cells));
    /// let report = rounding.round(&[prognos, balanskrav])?;
    /// assert_eq!(value(&report.tables[1].table, "arets_resultat"), Some(Amount::tkr(1_400)));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn new(table: usize, row: impl Into<String>, column: usize) -> Self {
        CellRef {
            table,
            row: row.into(),
            column,
        }
    }
}

/// A figure printed in several tables (gemensam siffra), named explicitly: e.g. a note's
/// total and the statement line it specifies, or a driftredovisning's total and the
/// line of the resultaträkning it reconciles to. Rows with the same id are linked
/// without this (see the module docs).
///
/// ```
/// use kommunal_redovisning::present::{CellRef, SharedFigure};
/// let f = SharedFigure::new("Materiella anläggningstillgångar", [
///     CellRef::new(0, "materiella_anlaggningstillgangar", 0),
///     CellRef::new(3, "not_7_summa", 0),
/// ]);
/// assert_eq!(f.cells.len(), 2);
/// ```
#[doc(alias = "gemensam siffra")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SharedFigure {
    /// What the figure is, for messages.
    pub label: String,
    /// The cells that print it.
    pub cells: Vec<CellRef>,
}

impl SharedFigure {
    /// A figure printed in these cells.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// let balanskrav = table("1.4 Balanskravsresultat", &[("arets_resultat", 1_374)], None)?;
    /// let figure = SharedFigure::new("Årets resultat enligt prognos",
    ///     [CellRef::new(0, "totalt", 0), CellRef::new(1, "arets_resultat", 0)]);
    /// let report = ReportRounding::default().with_shared(figure).round(&[prognos, balanskrav])?;
    /// let shared = report.shared.iter().find(|s| s.label == "Årets resultat enligt prognos");
    /// assert_eq!(shared.map(|s| s.printed), Some(Amount::tkr(1_400)));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, cells: impl IntoIterator<Item = CellRef>) -> Self {
        SharedFigure {
            label: label.into(),
            cells: cells.into_iter().collect(),
        }
    }
}

/// How to round a whole report (avrundning av rapport): the rounding mode, the figures
/// shared between tables, and whether rows with the same id are linked automatically.
///
/// # Example: årets resultat prints the same in RS and BR
///
/// One voucher: kassa 500 kr, intäkt 400 kr, eget kapital 100 kr. Rounded table by
/// table to tkr, årets resultat (0,4) prints 0 in the resultaträkning, but the
/// balansräkning's largest remainder gives it the unit that summa eget kapital needs
/// (0,5 rounds to 1): 1. Rounded together it prints 0 in both, and övrigt eget
/// kapital (0,1) takes the unit instead.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, EntityKind, FinancialYear, IncomeStatement, RoundingMode, Scale};
/// use kommunal_redovisning::present::{Column, ReportRounding, Rounding, Table};
/// use kommunal_redovisning::statement::StatementLayout;
///
/// let rs = IncomeStatement { operating_revenue: Amount::kr(400), ..Default::default() };
/// let br = BalanceSheet {
///     cash_and_bank: Amount::kr(500),
///     result_for_the_year: Amount::kr(400),
///     other_equity: Amount::kr(100),
///     ..Default::default()
/// };
/// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
/// let col = Column::outcome("2025");
/// let tables = [
///     Table::income_statement("Resultaträkning", Scale::Tkr, &layout, &[(col.clone(), &rs)])?,
///     Table::balance_sheet("Balansräkning", Scale::Tkr, &layout, &[(col, &br)])?,
/// ];
/// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
///
/// // Table by table: 0 tkr in RS, 1 tkr in BR.
/// let alone = tables[1].rounded(&Rounding::new(Scale::Tkr))?;
/// assert_eq!(value(&alone.table, "arets_resultat"), Some(Amount::tkr(1)));
///
/// // Together: 0 tkr in both; övrigt eget kapital (0,1) absorbs the unit.
/// let report = ReportRounding::new(RoundingMode::HalfAwayFromZero).round(&tables)?;
/// assert_eq!(value(&report.tables[0].table, "arets_resultat"), Some(Amount::ZERO));
/// assert_eq!(value(&report.tables[1].table, "arets_resultat"), Some(Amount::ZERO));
/// assert_eq!(value(&report.tables[1].table, "ovrigt_eget_kapital"), Some(Amount::tkr(1)));
/// assert!(report.tables.iter().all(|t| t.differences.is_empty()));
/// // 0,1 printed as 1 is still rounding (up): no figure moved further than that.
/// assert!(report.adjustments.is_empty());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "avrundning av rapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReportRounding {
    /// How a single figure is rounded (half away from zero by default).
    pub mode: RoundingMode,
    /// Figures named as shared between tables.
    #[cfg_attr(feature = "serde", serde(default))]
    pub shared: Vec<SharedFigure>,
    /// Link rows with the same id, columns of the same kind and order and equal exact
    /// amounts (default `true`).
    #[cfg_attr(feature = "serde", serde(default = "yes"))]
    pub link_same_rows: bool,
    /// Row ids that name the same figure in different tables, for the linking of
    /// rows: e.g. `("tillgangar_totalt", "summa_tillgangar")` for a key-figure table
    /// beside the balansräkning.
    #[cfg_attr(feature = "serde", serde(default))]
    pub aliases: Vec<(String, String)>,
}

#[cfg(feature = "serde")]
fn yes() -> bool {
    true
}

impl Default for ReportRounding {
    fn default() -> Self {
        ReportRounding::new(RoundingMode::HalfAwayFromZero)
    }
}

/// A shared figure as printed (gemensamt tryckt värde): the value every one of its cells
/// prints.
///
/// ```
/// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
/// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
/// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
/// # use kommunal_redovisning::statement::StatementRowKind;
/// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
/// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
/// #     t.decimals = 1;
/// #     for &(id, tkr) in rows {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
/// #     }
/// #     if let Some(tkr) = total {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
/// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
/// #     }
/// #     Ok(t)
/// # }
/// # fn main() -> kommunal_redovisning::Result<()> {
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
/// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
/// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
/// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
/// let balanskrav = table("1.4 Balanskravsresultat", &[("arets_resultat", 1_374)], None)?;
/// let rounding = ReportRounding::default().with_alias("totalt", "arets_resultat");
/// let report = rounding.round(&[prognos, balanskrav])?;
/// let shared = &report.shared[0];
/// assert_eq!((shared.exact, shared.printed), (Amount::tkr(1_374), Amount::tkr(1_400)));
/// assert_eq!(shared.cells.len(), 2);
/// # Ok(()) }
/// ```
#[doc(alias = "gemensamt värde")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SharedValue {
    /// What the figure is (the row's label in the first table, or the
    /// [`SharedFigure::label`]).
    pub label: String,
    /// The exact figure, in kronor.
    pub exact: Amount,
    /// The printed value, in kronor (a multiple of the tables' unit).
    pub printed: Amount,
    /// The cells that print it.
    pub cells: Vec<CellRef>,
}

/// A figure that absorbs a rounding difference (utjämningspost): it prints one unit or
/// more away from its exact value, so that its table foots around the shared figures.
///
/// ```
/// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
/// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
/// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
/// # use kommunal_redovisning::statement::StatementRowKind;
/// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
/// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
/// #     t.decimals = 1;
/// #     for &(id, tkr) in rows {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
/// #     }
/// #     if let Some(tkr) = total {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
/// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
/// #     }
/// #     Ok(t)
/// # }
/// # fn main() -> kommunal_redovisning::Result<()> {
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
/// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
/// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
/// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
/// // A second table also prints IT, Kundtjänst and Lystkom: their 1,0, 0,4 and 0,3 are
/// // fixed, so Revision alone takes Totalt's 1,4: −0,195 prints as −0,3.
/// let urval = table("Urval", &[("IT", 958), ("Kundtjänst", 355), ("Lystkom", 256)], None)?;
/// let report = ReportRounding::default().round(&[prognos, urval])?;
/// let adjustment = &report.adjustments[0];
/// assert_eq!((adjustment.table, adjustment.row_id.as_str()), (0, "Revision"));
/// assert_eq!((adjustment.exact, adjustment.printed), (Amount::tkr(-195), Amount::tkr(-300)));
/// # Ok(()) }
/// ```
#[doc(alias = "utjämningspost")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RoundingAdjustment {
    /// The table's position.
    pub table: usize,
    /// The table's caption.
    pub caption: String,
    /// The row's id.
    pub row_id: String,
    /// The row's label.
    pub label: String,
    /// The column's position.
    pub column: usize,
    /// The column's label.
    pub column_label: String,
    /// The exact figure, in kronor.
    pub exact: Amount,
    /// The printed figure, in kronor.
    pub printed: Amount,
}

/// A report's tables rounded together ([`ReportRounding::round`]).
///
/// ```
/// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
/// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
/// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
/// # use kommunal_redovisning::statement::StatementRowKind;
/// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
/// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
/// #     t.decimals = 1;
/// #     for &(id, tkr) in rows {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
/// #     }
/// #     if let Some(tkr) = total {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
/// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
/// #     }
/// #     Ok(t)
/// # }
/// # fn main() -> kommunal_redovisning::Result<()> {
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
/// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
/// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
/// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
/// let urval = table("Urval", &[("IT", 958), ("Kundtjänst", 355), ("Lystkom", 256)], None)?;
/// let report = ReportRounding::default().round(&[prognos, urval])?;
/// // Both tables foot, IT prints the same in both, one figure absorbed a difference.
/// assert!(report.tables.iter().all(|t| t.differences.is_empty()));
/// let it = |i: usize| value(&report.tables[i].table, "IT");
/// assert_eq!((it(0), it(1)), (Some(Amount::tkr(1_000)), Some(Amount::tkr(1_000))));
/// assert_eq!(report.adjustments.len(), 1);
/// # Ok(()) }
/// ```
#[doc(alias = "avrundad rapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RoundedReport {
    /// The tables in the order given, rounded; each with the rounding differences that
    /// remain (none unless footing and the shared figures could not both hold).
    pub tables: Vec<RoundedTable>,
    /// Every shared figure and the value it prints.
    pub shared: Vec<SharedValue>,
    /// The figures that absorbed a difference.
    pub adjustments: Vec<RoundingAdjustment>,
}

/// A cell by positions: (table, row, column).
type Pos = (usize, usize, usize);

impl ReportRounding {
    /// Rounding with `mode`, rows with the same id linked, no named shared figures.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // Rounded half away from zero to the table's own unit and decimals (0,1 mnkr).
    /// let report = ReportRounding::new(RoundingMode::HalfAwayFromZero).round(&[prognos])?;
    /// let rounded = &report.tables[0].table;
    /// assert_eq!(value(rounded, "totalt"), Some(Amount::tkr(1_400)));
    /// assert!(report.tables[0].differences.is_empty());
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn new(mode: RoundingMode) -> Self {
        ReportRounding {
            mode,
            shared: Vec::new(),
            link_same_rows: true,
            aliases: Vec::new(),
        }
    }

    /// The same rounding with row id `a` in one table taken as the same figure as row
    /// id `b` in another (when their exact amounts are equal).
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // The balanskravsutredning's "arets_resultat" is the forecast table's "totalt".
    /// let balanskrav = table("1.4 Balanskravsresultat", &[("arets_resultat", 1_374)], None)?;
    /// let rounding = ReportRounding::default().with_alias("totalt", "arets_resultat");
    /// let report = rounding.round(&[prognos, balanskrav])?;
    /// assert_eq!(report.shared.len(), 1);
    /// assert_eq!(report.shared[0].cells[1], CellRef::new(1, "arets_resultat", 0));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_alias(mut self, a: impl Into<String>, b: impl Into<String>) -> Self {
        self.aliases.push((a.into(), b.into()));
        self
    }

    /// The row ids that a row with id `id` may be linked to in another table.
    fn same_ids<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut out = vec![id];
        for (a, b) in &self.aliases {
            if a == id {
                out.push(b.as_str());
            } else if b == id {
                out.push(a.as_str());
            }
        }
        out
    }

    /// The same rounding with one more named shared figure.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::{CellRef, ReportRounding, SharedFigure};
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// let balanskrav = table("1.4 Balanskravsresultat", &[("arets_resultat", 1_374)], None)?;
    /// let figure = SharedFigure::new("Prognos", [CellRef::new(0, "totalt", 0), CellRef::new(1, "arets_resultat", 0)]);
    /// let report = ReportRounding::default().with_shared(figure).round(&[prognos, balanskrav])?;
    /// let printed: Vec<_> = report.tables.iter().map(|t| t.table.rows.last().and_then(|r| r.cell(0))).collect();
    /// assert_eq!(printed, [Some(Amount::tkr(1_400)), Some(Amount::tkr(1_400))]);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_shared(mut self, figure: SharedFigure) -> Self {
        self.shared.push(figure);
        self
    }

    /// The rounding each table gets: its own unit and decimals, this mode, footing.
    fn table_rounding(&self, t: &Table) -> Rounding {
        Rounding::new(t.unit)
            .with_decimals(t.decimals)
            .with_mode(self.mode)
    }

    /// Rounds `tables` together (see the module docs): shared figures print the same
    /// everywhere, every table foots around them, and the rows that absorb a
    /// difference are listed.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for an invalid table, more than 28 decimals, or a
    /// [`SharedFigure`] naming a table, row or column that does not exist or an empty
    /// cell; [`Error::Mismatch`] when the cells of a named shared figure hold different
    /// exact amounts (they are not one figure), or a table's exact sums do not add up;
    /// [`Error::Overflow`].
    pub fn round(&self, tables: &[Table]) -> Result<RoundedReport> {
        for t in tables {
            t.validate()?;
        }
        let mut groups = Groups::default();
        if self.link_same_rows {
            self.link_rows(tables, &mut groups);
        }
        for figure in &self.shared {
            self.link_named(tables, figure, &mut groups)?;
        }
        // One printed value per group: its exact value rounded.
        let mut pins: Vec<BTreeMap<(usize, usize), Decimal>> = vec![BTreeMap::new(); tables.len()];
        let mut shared = Vec::new();
        for (label, members) in groups.into_groups() {
            let Some(&(t0, r0, c0)) = members.first() else {
                continue;
            };
            let (Some(table), Some(exact)) = (tables.get(t0), cell(tables, (t0, r0, c0))) else {
                continue;
            };
            let rounding = self.table_rounding(table);
            let printed = self.mode.round(exact.to_scale(table.unit), table.decimals);
            for &(t, r, c) in &members {
                if let Some(p) = pins.get_mut(t) {
                    p.insert((r, c), printed);
                }
            }
            let label = label.unwrap_or_else(|| {
                table
                    .rows
                    .get(r0)
                    .map_or_else(String::new, |r| r.label.clone())
            });
            shared.push(SharedValue {
                label,
                exact,
                printed: Amount::from_scaled(printed, rounding.scale)?,
                cells: members
                    .iter()
                    .map(|&(t, r, c)| {
                        let id = tables
                            .get(t)
                            .and_then(|tb| tb.rows.get(r))
                            .map_or_else(String::new, |row| row.id.clone());
                        CellRef::new(t, id, c)
                    })
                    .collect(),
            });
        }
        let mut out = Vec::with_capacity(tables.len());
        let mut adjustments = Vec::new();
        for (ti, (table, pins)) in tables.iter().zip(&pins).enumerate() {
            let rounding = self.table_rounding(table);
            let rounded = table.rounded_pinned(&rounding, pins)?;
            let unit = Amount::from_scaled(Decimal::new(1, rounding.decimals), rounding.scale)?;
            for (ri, (exact_row, printed_row)) in
                table.rows.iter().zip(&rounded.table.rows).enumerate()
            {
                for (ci, column) in table.columns.iter().enumerate() {
                    if pins.contains_key(&(ri, ci)) {
                        continue;
                    }
                    let (Some(exact), Some(printed)) = (exact_row.cell(ci), printed_row.cell(ci))
                    else {
                        continue;
                    };
                    if printed.checked_sub(exact)?.abs() >= unit {
                        adjustments.push(RoundingAdjustment {
                            table: ti,
                            caption: table.caption.clone(),
                            row_id: exact_row.id.clone(),
                            label: exact_row.label.clone(),
                            column: ci,
                            column_label: column.label.clone(),
                            exact,
                            printed,
                        });
                    }
                }
            }
            out.push(rounded);
        }
        Ok(RoundedReport {
            tables: out,
            shared,
            adjustments,
        })
    }

    /// Links cells of rows with the same id in two tables, columns paired by kind and
    /// order, equal exact amounts, same precision.
    fn link_rows(&self, tables: &[Table], groups: &mut Groups) {
        for (a, ta) in tables.iter().enumerate() {
            for (b, tb) in tables.iter().enumerate().skip(a.saturating_add(1)) {
                if (ta.unit, ta.decimals) != (tb.unit, tb.decimals) {
                    continue;
                }
                let columns = paired_columns(ta, tb);
                for (ra, row_a) in ta.rows.iter().enumerate() {
                    if row_a.kind == RowKind::Heading {
                        continue;
                    }
                    for id in self.same_ids(&row_a.id) {
                        let Some(rb) = tb.position(id) else {
                            continue;
                        };
                        for &(ca, cb) in &columns {
                            let (Some(x), Some(y)) =
                                (cell(tables, (a, ra, ca)), cell(tables, (b, rb, cb)))
                            else {
                                continue;
                            };
                            if x == y {
                                groups.link((a, ra, ca), (b, rb, cb), None);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Links the cells of a named shared figure (cells at the same precision as the
    /// first of them; others cannot print the same value and are left alone).
    fn link_named(
        &self,
        tables: &[Table],
        figure: &SharedFigure,
        groups: &mut Groups,
    ) -> Result<()> {
        let mut resolved: Vec<(Pos, Amount)> = Vec::new();
        for c in &figure.cells {
            let table = tables.get(c.table).ok_or_else(|| {
                Error::InvalidRule(format!(
                    "den delade siffran {:?} anger tabell {}, men det finns {} tabeller",
                    figure.label,
                    c.table,
                    tables.len()
                ))
            })?;
            let row = table.position(&c.row).ok_or_else(|| {
                Error::InvalidRule(format!(
                    "den delade siffran {:?} anger raden {:?}, som inte är en rad i tabellen {:?}",
                    figure.label, c.row, table.caption
                ))
            })?;
            let amount = cell(tables, (c.table, row, c.column)).ok_or_else(|| {
                Error::InvalidRule(format!(
                    "den delade siffran {:?}: raden {:?} i tabellen {:?} har ingen siffra i kolumn {}",
                    figure.label, c.row, table.caption, c.column
                ))
            })?;
            if let Some((_, first)) = resolved.first() {
                if *first != amount {
                    return Err(Error::Mismatch {
                        what: format!(
                            "den delade siffran {:?} i tabellen {:?} (dess celler måste ha samma siffra)",
                            figure.label, table.caption
                        ),
                        left_label: "första cellen".into(),
                        left: *first,
                        right_label: format!("raden {:?}", c.row),
                        right: amount,
                        difference: first.checked_sub(amount)?,
                    });
                }
            }
            resolved.push(((c.table, row, c.column), amount));
        }
        let precision = |t: usize| tables.get(t).map(|tb| (tb.unit, tb.decimals));
        if let Some(((first, _), rest)) = resolved.split_first() {
            for (pos, _) in rest {
                if precision(pos.0) == precision(first.0) {
                    groups.link(*first, *pos, Some(&figure.label));
                }
            }
        }
        let _ = self;
        Ok(())
    }
}

/// The exact amount of a cell.
fn cell(tables: &[Table], (t, r, c): Pos) -> Option<Amount> {
    tables.get(t)?.rows.get(r)?.cell(c)
}

/// Columns of two tables paired by kind and order: the n-th column of a kind in one
/// with the n-th column of that kind in the other.
fn paired_columns(a: &Table, b: &Table) -> Vec<(usize, usize)> {
    let ordinal = |t: &Table| -> Vec<(ColumnKind, usize, usize)> {
        let mut seen: BTreeMap<u8, usize> = BTreeMap::new();
        t.columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let n = seen.entry(kind_key(c.kind)).or_default();
                let out = (c.kind, *n, i);
                *n = n.saturating_add(1);
                out
            })
            .collect()
    };
    let (oa, ob) = (ordinal(a), ordinal(b));
    let mut out = Vec::new();
    for (ka, na, ia) in &oa {
        for (kb, nb, ib) in &ob {
            if ka == kb && na == nb {
                out.push((*ia, *ib));
            }
        }
    }
    out
}

fn kind_key(k: ColumnKind) -> u8 {
    match k {
        ColumnKind::Outcome => 0,
        ColumnKind::Budget => 1,
        ColumnKind::Forecast => 2,
        ColumnKind::Deviation => 3,
        ColumnKind::PriorPeriod => 4,
        ColumnKind::Other => 5,
    }
}

/// Linked cells as a union–find.
#[derive(Default)]
struct Groups {
    index: BTreeMap<Pos, usize>,
    parent: Vec<usize>,
    cells: Vec<Pos>,
    labels: BTreeMap<usize, String>,
}

impl Groups {
    fn id(&mut self, p: Pos) -> usize {
        if let Some(i) = self.index.get(&p) {
            return *i;
        }
        let i = self.parent.len();
        self.parent.push(i);
        self.cells.push(p);
        self.index.insert(p, i);
        i
    }

    fn find(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }

    fn link(&mut self, a: Pos, b: Pos, label: Option<&str>) {
        let (ia, ib) = (self.id(a), self.id(b));
        let (ra, rb) = (self.find(ia), self.find(ib));
        let (root, other) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        if root != other {
            if let Some(slot) = self.parent.get_mut(other) {
                *slot = root;
            }
            if let Some(l) = self.labels.remove(&other) {
                self.labels.entry(root).or_insert(l);
            }
        }
        if let Some(l) = label {
            self.labels.entry(root).or_insert_with(|| l.to_owned());
        }
    }

    /// The groups, each with its label (when named) and its cells in order.
    fn into_groups(mut self) -> Vec<(Option<String>, Vec<Pos>)> {
        let mut by_root: BTreeMap<usize, Vec<Pos>> = BTreeMap::new();
        for i in 0..self.cells.len() {
            let root = self.find(i);
            if let Some(p) = self.cells.get(i) {
                by_root.entry(root).or_default().push(*p);
            }
        }
        by_root
            .into_iter()
            .map(|(root, mut cells)| {
                cells.sort_unstable();
                (self.labels.remove(&root), cells)
            })
            .collect()
    }
}
