//! Noter: a note's own rows sum to its total (and movement schedules: ingående value
//! plus the year's changes to the utgående value); the tie of the total to the
//! statement line that refers to the note is in [`super::ties`].

use super::core::Ctx;
use super::structure::{self, Rules};

/// Sums of a note, by label.
pub(super) const RULES: Rules = Rules {
    sum_prefixes: &[
        "utgående",
        "bokfört värde",
        "redovisat värde",
        "summa",
        "totalt",
        "total",
        "utgående bokfört värde",
        "utgående redovisat värde",
    ],
    deduction_prefixes: &[],
};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    super::columns::check(ctx);
}

/// The row of the note that the statement line shows: its last sum row, else its
/// last row with figures.
pub(super) fn total_row(ctx: &Ctx<'_>) -> Option<usize> {
    let rows = &ctx.table.rows;
    let with_figures = |i: &usize| {
        rows.get(*i)
            .is_some_and(|r| !r.percent && r.values.iter().any(Option::is_some))
    };
    let is_sum = |i: &usize| {
        rows.get(*i).is_some_and(|r| {
            let n = super::labels::normalize(&r.label);
            matches!(
                r.kind,
                crate::statement::StatementRowKind::Total
                    | crate::statement::StatementRowKind::Subtotal
            ) || RULES
                .sum_prefixes
                .iter()
                .chain(structure::COMMON_SUMS)
                .any(|p| n.starts_with(p))
        })
    };
    (0..rows.len())
        .rev()
        .filter(with_figures)
        .find(is_sum)
        .or_else(|| (0..rows.len()).rev().find(with_figures))
}
