//! Investeringsredovisning (LKBR 11 kap. 4 §): projects, their sums, avvikelse (and
//! "kvar av ram") and multi-year ram, utfall and prognos columns.

use super::core::Ctx;
use super::structure::{self, Rules};

/// Sums of an investeringsredovisning, by label.
pub(super) const RULES: Rules = Rules {
    sum_prefixes: &[
        "summa investeringar",
        "nettoinvesteringar",
        "nettoinvestering",
        "totala investeringar",
        "investeringar totalt",
    ],
    deduction_prefixes: &[],
};

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    super::columns::check(ctx);
}
