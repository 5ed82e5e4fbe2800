//! Reports as a whole: the delårsrapport ([`InterimReport`], LKBR 13 kap., RKR R17) and
//! its checks — completeness against what the law and R17 require, and consistency of
//! every figure that appears twice.
//!
//! Free text is text; every figure is data from the crate's own types, so the
//! report's numbers and its tables cannot disagree. Figures that a report states only
//! in its text are kept as [`StatedFigure`]s and checked against the statements where
//! those exist.

mod interim;

pub use interim::{
    Finding, FindingKind, InterimReport, ManagementReport, Note, NoteKind, Section, StatedFigure,
    StatedValue,
};
