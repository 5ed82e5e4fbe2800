//! What the consolidation found (iakttagelser): figures kept as fields, a Swedish
//! message for a person.

use std::fmt;

use crate::money::{Amount, Percent, Scale};
use crate::present::NumberFormat;

use super::consolidation::genitive;
use super::elimination::MismatchRule;

/// A finding of the consolidation. Each keeps its figures; [`GroupFinding::message`]
/// words it in Swedish with amounts in Swedish format and their unit.
///
/// ```
/// use kommunal_redovisning::{Amount, Scale};
/// use kommunal_redovisning::group::{GroupFinding, MismatchRule};
///
/// let f = GroupFinding::BalanceMismatch {
///     what: "interna fordringar och skulder".into(),
///     first: "Exempelkommun".into(), first_amount: Amount::tkr(5_000),
///     second: "Bostäder AB".into(), second_amount: Amount::tkr(4_800),
///     used: Amount::tkr(5_000), rule: MismatchRule::FirstParty,
/// };
/// assert!(f.message(Scale::Tkr).contains("4\u{a0}800 tkr"));
/// // Display: the same words, amounts exact in tkr.
/// assert_eq!(
///     f.to_string(),
///     "interna fordringar och skulder: Exempelkommun redovisar 5\u{a0}000\u{a0}tkr, Bostäder AB redovisar \
///      4\u{a0}800\u{a0}tkr (differens 200\u{a0}tkr); första partens belopp används, 5\u{a0}000\u{a0}tkr elimineras"
/// );
/// ```
#[doc(alias = "iakttagelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum GroupFinding {
    /// The two sides report an internal item differently.
    BalanceMismatch {
        /// The kind of item.
        what: String,
        /// The first party.
        first: String,
        /// Its amount.
        first_amount: Amount,
        /// The second party.
        second: String,
        /// Its amount.
        second_amount: Amount,
        /// The amount eliminated (before the share factor).
        used: Amount,
        /// The rule that chose it.
        rule: MismatchRule,
    },
    /// An internal item with a part that is left out: not eliminated.
    NotEliminated {
        /// The item.
        what: String,
        /// The left-out party.
        party: String,
    },
    /// An included part held by an included owner without a förvärvsanalys: the
    /// owner's shares are not eliminated against the part's eget kapital.
    NoAcquisitionAnalysis {
        /// The part.
        part: String,
        /// The owner.
        owner: String,
    },
    /// An included part over which the group has neither ≥ the threshold of the
    /// votes nor influence by agreement.
    NotAGroupCompany {
        /// The part.
        part: String,
        /// The group's vote share.
        votes: Percent,
        /// The threshold.
        threshold: Percent,
    },
    /// A part left out as immaterial, with the reason.
    LeftOut {
        /// The part.
        part: String,
        /// Why.
        reason: String,
    },
    /// A party's årets resultat differs between its resultaträkning and balansräkning.
    ResultDisagrees {
        /// The party (or "koncernen").
        party: String,
        /// In the resultaträkning.
        income: Amount,
        /// In the balansräkning.
        balance: Amount,
    },
    /// The koncern's kassaflödesanalys could not be put together.
    CashFlowMissing {
        /// The parties without a kassaflödesanalys.
        parties: Vec<String>,
    },
    /// The koncern's kassaflödesanalys does not agree with its balansräkning.
    CashFlowDisagrees {
        /// Likvida medel vid årets slut by the kassaflödesanalys.
        cash_flow: Amount,
        /// Likvida medel in the balansräkning.
        balance: Amount,
    },
    /// A company reports pensionsförpliktelser före 1998 as an ansvarsförbindelse, a
    /// kommun rule that LKBR 12 kap. 6 § does not apply to it.
    KommunPensionRuleInCompany {
        /// The part.
        part: String,
        /// The amount.
        amount: Amount,
    },
    /// The koncern's balansräkning does not balance.
    Unbalanced {
        /// Summa tillgångar.
        assets: Amount,
        /// Summa eget kapital, avsättningar och skulder.
        equity_and_liabilities: Amount,
    },
}

impl GroupFinding {
    /// `true` for a finding that is information, not a problem: a part left out with
    /// its reason, and an internal item with it (external from the koncern's view).
    #[must_use]
    pub fn is_info(&self) -> bool {
        matches!(
            self,
            GroupFinding::LeftOut { .. } | GroupFinding::NotEliminated { .. }
        )
    }

    /// The finding in Swedish, amounts in `unit` (rounded to whole units, as the
    /// koncern's tables print them). [`fmt::Display`] gives the same words with exact
    /// amounts in tkr.
    #[must_use]
    pub fn message(&self, unit: Scale) -> String {
        let sv = NumberFormat::swedish();
        self.words(
            &|x: Amount| format!("{} {}", sv.amount(x, unit), unit.label()),
            &|p: Percent| sv.percent(p),
        )
    }

    /// The wording of both [`GroupFinding::message`] and [`fmt::Display`], amounts
    /// written by `a`, percentages by `pct`.
    fn words(&self, a: &dyn Fn(Amount) -> String, pct: &dyn Fn(Percent) -> String) -> String {
        match self {
            GroupFinding::BalanceMismatch {
                what,
                first,
                first_amount,
                second,
                second_amount,
                used,
                rule,
            } => format!(
                "{what}: {first} redovisar {}, {second} redovisar {} (differens {}); {}, {} elimineras",
                a(*first_amount),
                a(*second_amount),
                a(*first_amount - *second_amount),
                rule.label(),
                a(*used)
            ),
            GroupFinding::NotEliminated { what, party } => format!(
                "{what} med {party} elimineras inte: {party} ingår inte i de sammanställda räkenskaperna"
            ),
            GroupFinding::NoAcquisitionAnalysis { part, owner } => format!(
                "förvärvsanalys saknas för {} andelar i {part}: andelarna är inte eliminerade mot {} eget kapital",
                genitive(owner),
                genitive(part)
            ),
            GroupFinding::NotAGroupCompany {
                part,
                votes,
                threshold,
            } => format!(
                "{part} ingår men koncernens röstandel {} är under {} och inget avtal ger betydande inflytande",
                pct(*votes),
                pct(*threshold)
            ),
            GroupFinding::LeftOut { part, reason } => {
                format!("{part} ingår inte i de sammanställda räkenskaperna: {reason}")
            }
            GroupFinding::ResultDisagrees {
                party,
                income,
                balance,
            } => format!(
                "årets resultat för {party}: {} i resultaträkningen, {} i balansräkningen",
                a(*income),
                a(*balance)
            ),
            GroupFinding::CashFlowMissing { parties } => format!(
                "koncernens kassaflödesanalys kan inte ställas samman: kassaflödesanalys saknas för {}",
                parties.join(", ")
            ),
            GroupFinding::CashFlowDisagrees { cash_flow, balance } => format!(
                "koncernens likvida medel vid periodens slut: {} enligt kassaflödesanalysen, {} enligt balansräkningen",
                a(*cash_flow),
                a(*balance)
            ),
            GroupFinding::KommunPensionRuleInCompany { part, amount } => format!(
                "{part} redovisar pensionsförpliktelser intjänade före 1998 som ansvarsförbindelse ({}); \
                 LKBR 5 kap. 4 § och 6 kap. 4 § gäller inte kommunala koncernföretag (12 kap. 6 §)",
                a(*amount)
            ),
            GroupFinding::Unbalanced {
                assets,
                equity_and_liabilities,
            } => format!(
                "koncernens balansräkning balanserar inte: summa tillgångar {}, summa eget kapital, avsättningar och skulder {}",
                a(*assets),
                a(*equity_and_liabilities)
            ),
        }
    }
}

impl fmt::Display for GroupFinding {
    /// The finding in Swedish, amounts exact in tkr (`−1,5 tkr` where there are
    /// kronor), percentages as [`Percent::sv`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(
            &|x: Amount| x.sv().in_scale(Scale::Tkr).to_string(),
            &|p: Percent| p.sv(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn display_keeps_kronor_that_message_rounds() {
        let f = GroupFinding::ResultDisagrees {
            party: "Bostäder AB".into(),
            income: Amount::kr(1_234_500),
            balance: Amount::kr(1_234_000),
        };
        assert_eq!(
            f.to_string(),
            "årets resultat för Bostäder AB: 1\u{a0}234,5\u{a0}tkr i resultaträkningen, \
             1\u{a0}234\u{a0}tkr i balansräkningen"
        );
        // message rounds to whole tkr; both say the same words.
        assert!(
            f.message(Scale::Tkr)
                .starts_with("årets resultat för Bostäder AB: ")
        );
    }

    #[test]
    fn display_writes_percentages_through_percent_sv() {
        let f = GroupFinding::NotAGroupCompany {
            part: "Vatten AB".into(),
            votes: Percent::new(Decimal::new(455, 1)),
            threshold: Percent::new(Decimal::from(50)),
        };
        assert_eq!(
            f.to_string(),
            "Vatten AB ingår men koncernens röstandel 45,5\u{a0}% är under 50\u{a0}% och inget avtal ger betydande inflytande"
        );
    }

    #[test]
    fn display_and_message_agree_in_whole_tkr() {
        let f = GroupFinding::Unbalanced {
            assets: Amount::tkr(10_000),
            equity_and_liabilities: Amount::tkr(9_990),
        };
        // message puts an ordinary space before the unit, Display a non-breaking one.
        assert_eq!(
            f.to_string(),
            f.message(Scale::Tkr).replace(" tkr", "\u{a0}tkr")
        );
    }
}
