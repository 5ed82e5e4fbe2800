//! Presentation (presentation): Swedish number format, tables, rounding that foots, and
//! renderers (text, Markdown, CSV, HTML).
//!
//! Presentation is a separate, explicit step (design decision 7): nothing here changes
//! an [`Amount`](crate::Amount); figures are rounded on a copy for display.
//!
//! ```text
//! IncomeStatement / BalanceSheet / hand-built rows
//!        │  Table::income_statement, Table::balance_sheet, Table::push_row
//!        ▼
//!      Table (exact kronor)
//!        │  Table::rounded(&Rounding): a rounded copy that foots (largest remainder)
//!        ▼
//!      RoundedTable { table, differences } ──► Table::to_text, to_markdown, to_csv, to_html
//! ```
//!
//! A report prints some figures in several tables (årets resultat in RS, BR and the
//! balanskravsutredning): [`ReportRounding::round`] rounds all of a report's tables
//! together so that each such figure prints the same everywhere and every table still
//! foots, and says which rows absorbed a difference.

mod format;
mod render;
mod report_rounding;
mod rounding;
mod style;
pub(crate) mod table;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use format::{MinusSign, NumberFormat};
pub use render::html_escape;
pub use report_rounding::{
    CellRef, ReportRounding, RoundedReport, RoundingAdjustment, SharedFigure, SharedValue,
};
pub use rounding::{RoundedTable, Rounding, RoundingDifference};
pub use style::REPORT_CSS;
pub(crate) use style::page_head;
pub use table::{
    Column, ColumnKind, QuantityRow, QuantityValue, RatioRow, Table, TableRow, ValueKind,
};
#[cfg(feature = "xlsx")]
pub use xlsx::{tables_to_xlsx, xlsx_number_format};
