//! Presentation (presentation): Swedish number format now; rounding that foots, tables
//! and renderers build on it.
//!
//! Presentation is a separate, explicit step (design decision 7): nothing here changes
//! an [`Amount`](crate::Amount); figures are rounded on a copy for display.

mod format;

pub use format::{MinusSign, NumberFormat};
