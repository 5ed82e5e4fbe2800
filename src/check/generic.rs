//! Any other table: its declared sums (`sum_of`), its printed subtotals and totals and
//! its computed columns.

use super::core::Ctx;
use super::structure::{self, Rules};

/// A generic table marks sums only by kind, `sum_of` and the common labels.
pub(super) const RULES: Rules = Rules {
    sum_prefixes: &[],
    deduction_prefixes: &["avgår", "avdrag", "minus"],
};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    super::columns::check(ctx);
}
