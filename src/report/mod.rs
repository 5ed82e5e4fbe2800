//! Reports as a whole: the delårsrapport ([`InterimReport`], LKBR 13 kap., RKR R17) and
//! the årsredovisning ([`AnnualReport`], LKBR 4 kap. 1 §), their checks — completeness
//! against what the law and R17 require, and consistency of every figure that appears
//! twice — and their rendering to Markdown, HTML and (with serde) JSON.
//!
//! Notes are [`crate::note::Note`]s: each note's arithmetic is checked and every note
//! reference in the resultaträkningar and balansräkningar is tied to its note
//! ([`crate::note::tie`]) in `check_consistency`; the notes render as tables after the
//! statements.
//!
//! Free text is text; every figure is data from the crate's own types, so the
//! report's numbers and its tables cannot disagree. Figures that a report states only
//! in its text are kept as [`Stated`] figures and checked against the parts.
//!
//! ```text
//! GoalsPart · ForecastPart (OperatingStatement + BalancedBudgetStatement) · SickLeavePart
//! KeyFigures · IncomeStatement · BalanceSheet · OperatingStatement · InvestmentStatement
//! Notes · Sections (text) · Stated figures · AbsentPart (what the source lacks)
//!        │  assembled into
//!        ▼
//! InterimReport / AnnualReport
//!        ├─► check_completeness() ─► Vec<ReportFinding>   (missing parts, with their sources)
//!        ├─► check_consistency()  ─► Vec<ReportFinding>   (figures that appear twice)
//!        └─► document() ─► Document ─► to_markdown() / to_html() ; serde ─► JSON
//! ```

mod annual;
mod document;
mod finding;
mod group;
mod interim;
mod mode;
mod notes;
mod parts;
mod render;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use crate::present::html_escape;
pub use annual::{AnnualManagementReport, AnnualReport};
pub use finding::{ReportFinding, ReportFindingKind};
pub use interim::{
    InterimReport, ManagementReport, Note, NoteKind, Section, Stated, StatedFigure, StatedValue,
};
pub use mode::DocumentMode;
pub use parts::{
    AbsentPart, BalanceKeyFigures, ForecastPart, GoalsPart, KeyFigures, ReportPart, SickLeavePart,
};
pub use render::{Block, DocSection, Document, Grid};
