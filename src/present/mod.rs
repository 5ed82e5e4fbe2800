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

mod format;
mod render;
mod rounding;
pub(crate) mod table;

pub use format::{MinusSign, NumberFormat};
pub use render::html_escape;
pub use rounding::{RoundedTable, Rounding, RoundingDifference};
pub use table::{
    Column, ColumnKind, QuantityRow, QuantityValue, RatioRow, Table, TableRow, ValueKind,
};
