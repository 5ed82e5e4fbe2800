//! Balanskravsutredning (KL 11 kap. 12 §, LKBR 11 kap. 5 §): årets resultat, the
//! balanskravsjusteringar (one by one or lumped), reservations to and uses of the
//! resultatutjämningsreserv, synnerliga skäl and deficits to restore, in one or several
//! year columns. Deductions are printed either as "340" under "avgår" or as "−340";
//! the checker detects which and says so.

use super::core::Ctx;
use super::structure::{self, Rules};

/// Sums and deductions of a balanskravsutredning, by label.
pub(super) const RULES: Rules = Rules {
    sum_prefixes: &[
        "årets resultat efter",
        "resultat efter balanskravsjusteringar",
        "årets balanskravsresultat",
        "balanskravsresultat",
        "balanskravsresultatet",
        "justerat resultat",
        "justerat balanskravsresultat",
        "resultat efter synnerliga skäl",
        "kvar att återställa",
        "underskott att återställa",
        "summa",
    ],
    deduction_prefixes: &[
        "avgår",
        "avgå",
        "avdrag",
        "minus",
        "reservering",
        "reservation",
        "avsättning till",
        "avsättning",
        "medel till",
        "disposition till",
        "samtliga realisationsvinster",
        "realisationsvinster",
        "vissa realisationsvinster",
        "orealiserade vinster",
        "återföring av orealiserade förluster",
        "återföring orealiserade förluster",
    ],
};

/// Labels of the figures tied to other tables.
pub(super) const FACTS: &[(&str, &str)] = &[
    ("årets resultat", "arets_resultat"),
    ("periodens resultat", "arets_resultat"),
    ("årets resultat enligt resultaträkningen", "arets_resultat"),
    ("årets resultat enligt resultaträkning", "arets_resultat"),
    ("årets resultat enligt rr", "arets_resultat"),
    ("resultat enligt resultaträkningen", "arets_resultat"),
    ("årets resultat enl resultaträkningen", "arets_resultat"),
    ("årets resultat enl rr", "arets_resultat"),
];

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    super::columns::check(ctx);
}
