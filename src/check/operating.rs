//! Driftredovisning (LKBR 11 kap. 3 §): nämnder and verksamheter at any depth, their
//! sums, and the columns intäkter, kostnader, netto, budget, avvikelse and the change
//! against the prior year; the tie to verksamhetens nettokostnader is in
//! [`super::ties`].

use super::core::Ctx;
use super::structure::{self, Rules};

/// Sums of a driftredovisning, by label.
pub(super) const RULES: Rules = Rules {
    sum_prefixes: &[
        "nämnderna totalt",
        "summa nämnder",
        "summa nämnderna",
        "summa verksamheter",
        "summa verksamhet",
        "nämndernas nettokostnad",
        "nämndernas nettokostnader",
        "verksamhetens nettokostnader",
        "verksamhetens nettokostnad",
        "kommunen totalt",
        "förbundet totalt",
        "regionen totalt",
        "styrelser och nämnder",
    ],
    deduction_prefixes: &[],
};

/// Labels of the figures tied to other tables.
pub(super) const FACTS: &[(&str, &str)] = &[
    (
        "verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    ("verksamhetens nettokostnad", "verksamhetens_nettokostnader"),
    (
        "summa verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    (
        "verksamhetens nettokostnader enligt resultaträkningen",
        "verksamhetens_nettokostnader",
    ),
    (
        "verksamhetens nettokostnad enligt resultaträkningen",
        "verksamhetens_nettokostnader",
    ),
    (
        "nettokostnad enligt resultaträkningen",
        "verksamhetens_nettokostnader",
    ),
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    super::columns::check(ctx);
}
