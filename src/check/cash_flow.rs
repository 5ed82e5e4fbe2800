//! Kassaflödesanalys (LKBR 7 kap.): every section sums to its subtotal, årets
//! kassaflöde to the sections, likvida medel vid årets slut to the opening balance
//! plus the year's flow; the ties to the balansräkning are in [`super::ties`].

use super::core::Ctx;
use super::structure::{self, Rules};

/// Sums of a kassaflödesanalys, by label.
pub(super) const RULES: Rules = Rules {
    sum_prefixes: &[
        "kassaflöde från",
        "kassaflöde före",
        "medel från den löpande verksamheten",
        "medel från löpande verksamheten",
        "medel från verksamheten",
        "medel från verksamheten före",
        "netto från",
        "årets kassaflöde",
        "periodens kassaflöde",
        "förändring av likvida medel",
        "förändring likvida medel",
        "likvida medel vid årets slut",
        "likvida medel vid periodens slut",
        "likvida medel vid årets utgång",
        "likvida medel vid utgången",
        "likvida medel vid årets utgång",
        "utgående likvida medel",
        "likvida medel ub",
    ],
    deduction_prefixes: &[],
};

/// Labels of the figures tied to other tables.
pub(super) const FACTS: &[(&str, &str)] = &[
    ("årets resultat", "arets_resultat"),
    ("periodens resultat", "arets_resultat"),
    ("likvida medel vid årets slut", "likvida_medel_slut"),
    ("likvida medel vid periodens slut", "likvida_medel_slut"),
    ("likvida medel vid årets utgång", "likvida_medel_slut"),
    ("likvida medel vid utgången av året", "likvida_medel_slut"),
    ("utgående likvida medel", "likvida_medel_slut"),
    ("likvida medel ub", "likvida_medel_slut"),
    ("likvida medel vid årets början", "likvida_medel_borjan"),
    ("likvida medel vid periodens början", "likvida_medel_borjan"),
    ("ingående likvida medel", "likvida_medel_borjan"),
    ("likvida medel ib", "likvida_medel_borjan"),
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    super::columns::check(ctx);
}
