//! The crate's error type.
//!
//! One umbrella [`Error`] enum for misuse of the API and for rule violations that make a
//! result impossible (an overflow, a balance sheet that does not balance, an invalid
//! organisation number). Problems found *in input data* that do not stop the work
//! (rounding differences in a printed statement, a suspicious SIE record) are returned
//! as data by the modules that find them, never as `Err`.
//!
//! Messages are lowercase, without a trailing period, and name what and where. The
//! `Display` is the developer's English; [`Error::sv`] is the Swedish text a person
//! reads, with amounts in Swedish form. The texts an error carries (a reason, a label,
//! the message of [`Error::InvalidRule`]) are written in Swedish, so that `Error::sv`
//! is Swedish throughout.

use crate::money::Amount;

/// Everything that can go wrong in this crate.
///
/// The enum is `#[non_exhaustive]`: new rules bring new variants without a breaking
/// change. Match on the variants you handle and keep a catch-all arm.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, Error};
///
/// let huge = Amount::MAX;
/// let err = huge.checked_add(Amount::kr(1)).unwrap_err();
/// assert!(matches!(err, Error::Overflow { .. }));
/// assert_eq!(err.to_string(), "arithmetic overflow in addition");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[doc(alias = "fel")]
pub enum Error {
    /// An arithmetic operation left the range of exact decimals (about ±7,9 × 10²⁸).
    #[error("arithmetic overflow in {operation}")]
    Overflow {
        /// The operation that overflowed, e.g. "addition".
        operation: &'static str,
    },

    /// An amount entering the crate lies beyond ±[`Amount::MAX`] (10¹⁹ kr), the bound that
    /// keeps every sum exact (see [`crate::money`]).
    #[error("amount {value} kr is too large: amounts are bounded to ±10^19 kr")]
    AmountTooLarge {
        /// The value refused, in kronor.
        value: rust_decimal::Decimal,
    },

    /// A ratio was asked for with a zero denominator.
    #[error("division by zero: {what} is zero")]
    DivisionByZero {
        /// What the denominator was, e.g. "summa tillgångar".
        what: &'static str,
    },

    /// A decimal number could not be parsed.
    #[error("invalid number {input:?}: {reason}")]
    InvalidNumber {
        /// The offending text.
        input: String,
        /// Why it was refused.
        reason: String,
    },

    /// An organisation number (organisationsnummer) failed validation.
    #[error("invalid organisation number {input:?}: {reason}")]
    InvalidOrganisationNumber {
        /// The offending text.
        input: String,
        /// Why it was refused.
        reason: &'static str,
    },

    /// A reporting period is not valid for the use asked of it.
    #[error("invalid period {start} – {end}: {reason}")]
    InvalidPeriod {
        /// First day of the period.
        start: chrono::NaiveDate,
        /// Last day of the period.
        end: chrono::NaiveDate,
        /// Which rule it breaks, with its legal source.
        reason: String,
    },

    /// A date does not exist (e.g. 2025-02-30) or is out of chrono's range.
    #[error("invalid date: {0}")]
    InvalidDate(String),

    /// The balance sheet does not balance: tillgångar ≠ eget kapital + avsättningar + skulder.
    #[error(
        "balansräkningen balanserar inte: summa tillgångar {assets} ≠ summa eget kapital, \
         avsättningar och skulder {equity_and_liabilities} (difference {difference})"
    )]
    Unbalanced {
        /// Summa tillgångar.
        assets: Amount,
        /// Summa eget kapital, avsättningar och skulder.
        equity_and_liabilities: Amount,
        /// `assets − equity_and_liabilities`.
        difference: Amount,
    },

    /// Two figures that must be equal are not.
    #[error("{what}: {left_label} {left} ≠ {right_label} {right} (difference {difference})")]
    Mismatch {
        /// What was checked, e.g. "årets resultat".
        what: String,
        /// Where the first figure comes from.
        left_label: String,
        /// The first figure.
        left: Amount,
        /// Where the second figure comes from.
        right_label: String,
        /// The second figure.
        right: Amount,
        /// `left − right`.
        difference: Amount,
    },

    /// A ledger has no balances for the SIE year index asked for (0 = the current year,
    /// −1 the year before).
    #[error("the ledger has no balances for year index {index} (it has {available:?})")]
    YearIndexNotInLedger {
        /// The year index asked for.
        index: i32,
        /// The year indices the ledger has balances for.
        available: Vec<i32>,
    },

    /// A ledger's `#RAR` records do not cover the financial year asked for.
    #[error("the ledger has no financial year {year} (its #RAR years are {available:?})")]
    FinancialYearNotInLedger {
        /// The financial year asked for.
        year: i32,
        /// The calendar years of the ledger's `#RAR` records.
        available: Vec<i32>,
    },

    /// A rule given as data (a scale, a mapping, labels) is invalid.
    #[error("invalid rule: {0}")]
    InvalidRule(String),

    /// A sick-leave record (sjukfrånvarounderlag) is impossible: negative hours, or more
    /// long-term hours than sick hours.
    #[error("invalid sick-leave record at index {index}: {reason}")]
    InvalidSickLeaveRecord {
        /// The record's index in the input (0-based).
        index: usize,
        /// What is wrong, with the figures.
        reason: String,
    },

    /// An amount entered with the wrong sign for its row, e.g. a deduction
    /// (avgår samtliga realisationsvinster) entered as a positive amount.
    #[error("{row}: wrong sign, the row is {expected}; got {amount}")]
    WrongSign {
        /// The row, by its Swedish label.
        row: String,
        /// The sign convention of the row, in Swedish, e.g. "ett avdrag, anges som noll eller
        /// negativt (−)".
        expected: &'static str,
        /// The amount as entered.
        amount: Amount,
    },

    /// An amount above the limit a rule allows, e.g. a reservation to the
    /// resultatreserv above its limit under KL 11 kap.
    #[error("{what} {requested} exceeds its limit {limit} by {excess} ({basis})")]
    LimitExceeded {
        /// What was asked for, e.g. "reservering till resultatreserv 2024".
        what: String,
        /// The amount asked for (as a positive amount).
        requested: Amount,
        /// The largest amount allowed.
        limit: Amount,
        /// `requested − limit`.
        excess: Amount,
        /// How the limit was computed.
        basis: String,
    },

    /// An action a rule does not allow as asked, with the reason (e.g. a reservation
    /// by a kommunalförbund without a base for the limit, a use of a reserve without a
    /// stated reason).
    #[error("{what} refused: {reason}")]
    Refused {
        /// What was refused.
        what: String,
        /// Why.
        reason: String,
    },

    /// A key ratio (nyckeltal) cannot be computed for a year: a zero denominator, a
    /// figure the year does not have (a balansräkning, the population, the year
    /// before), or a population of zero.
    #[error("{ratio} {year}: {reason}")]
    RatioUnavailable {
        /// The ratio's Swedish name, e.g. "Soliditet".
        ratio: &'static str,
        /// The year (and, for a budget or plan year, which) it was asked for,
        /// e.g. "2025", "budget 2026".
        year: String,
        /// Why, naming the missing or zero figure.
        reason: String,
    },

    /// An output format could not be written (e.g. an Excel workbook), with the
    /// writer's reason.
    #[error("could not write {format}: {reason}")]
    Output {
        /// The format, e.g. "xlsx".
        format: &'static str,
        /// The writer's message.
        reason: String,
    },
}

/// `Result` with this crate's [`Error`].
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, Error, Percent, Result, RoundingMode, ratio};
///
/// // A helper of one's own that passes the crate's errors on.
/// fn soliditet(equity: Amount, assets: Amount) -> Result<Percent> {
///     Ok(ratio::equity_ratio(equity, assets)?.round(1, RoundingMode::HalfAwayFromZero))
/// }
/// // Lystkom, delårsrapport jan–jun 2025, 1.5: 8 521 / 36 631 tkr, printed 23,3 %.
/// assert_eq!(soliditet(Amount::tkr(8_521), Amount::tkr(36_631))?, Percent::new(Decimal::new(233, 1)));
/// assert!(matches!(soliditet(Amount::tkr(8_521), Amount::ZERO), Err(Error::DivisionByZero { .. })));
/// # Ok::<(), Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An [`Error`] as Swedish text for a person (felmeddelande på svenska), from
/// [`Error::sv`]: the same facts as the English `Display`, amounts in Swedish form
/// (`−48 859 tkr`). Texts the error carries (a reason, a label) are shown as given.
///
/// ```
/// use kommunal_redovisning::{Amount, EquityReconciliation};
///
/// // Lystkom, delårsrapport jan–jun 2025: eget kapital 6 373 → 8 521 tkr. With periodens
/// // resultat misread as 2 000 tkr (the report says 2 148), the movement does not agree.
/// let movement = EquityReconciliation::new(Amount::tkr(6_373), Amount::tkr(2_000), Amount::tkr(8_521));
/// let err = movement.check().err().ok_or("stämmer")?;
/// assert_eq!(err.sv().to_string(), "eget kapital: ingående eget kapital + resultat + övriga förändringar \
///     8\u{a0}373\u{a0}tkr ≠ utgående eget kapital 8\u{a0}521\u{a0}tkr (skillnad \u{2212}148\u{a0}tkr)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "felmeddelande")]
#[derive(Clone, Copy, Debug)]
pub struct SwedishError<'a>(&'a Error);

/// An [`Error`] whose `Display` is its Swedish text, for the errors serde passes on to
/// a person reading a refused JSON file (serde shows an error by its `Display`).
#[derive(Debug)]
pub(crate) struct InSwedish(pub(crate) Error);

impl std::fmt::Display for InSwedish {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.sv().fmt(f)
    }
}

/// An amount for a message: tkr when whole thousands, otherwise kronor.
pub(crate) fn sv_amount(a: Amount) -> String {
    let whole_thousands = a
        .as_decimal()
        .checked_rem(crate::money::Scale::Tkr.factor())
        .is_some_and(|r| r.is_zero());
    if whole_thousands && !a.is_zero() {
        a.sv().in_scale(crate::money::Scale::Tkr).to_string()
    } else {
        a.sv().to_string()
    }
}

/// The Swedish name of an arithmetic operation named in [`Error::Overflow`]; a name
/// not in the list is shown as given.
fn sv_operation(operation: &str) -> &str {
    match operation {
        "addition" => "addition",
        "subtraction" => "subtraktion",
        "multiplication" => "multiplikation",
        "division" => "division",
        "percentage" => "procentberäkning",
        "footing" => "avrundning så att delarna summerar",
        "rounding tolerance" => "avrundningstolerans",
        "average number of employees" => "medelantal anställda",
        "average of yearly values" => "medelvärde av årsvärden",
        "sum of yearly values" => "summa av årsvärden",
        "degree of achievement" => "måluppfyllelse",
        "share of målvärden met" => "andel uppfyllda målvärden",
        "sum of sick-leave hours" => "summa sjukfrånvarotimmar",
        other => other,
    }
}

/// Years or year indices as a Swedish list, with a true minus sign: `0, −1`;
/// `inga` when empty.
fn sv_list(values: &[i32]) -> String {
    if values.is_empty() {
        return "inga".to_owned();
    }
    values
        .iter()
        .map(|v| {
            if *v < 0 {
                format!("\u{2212}{}", v.unsigned_abs())
            } else {
                v.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Error {
    /// The error in Swedish, for messages a person reads; the values stay available as
    /// the variant's fields.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Error};
    /// let e = Error::Mismatch {
    ///     what: "årets resultat".into(),
    ///     left_label: "resultaträkningen".into(),
    ///     left: Amount::tkr(-48_859),
    ///     right_label: "balansräkningen".into(),
    ///     right: Amount::tkr(-48_858),
    ///     difference: Amount::tkr(-1),
    /// };
    /// assert_eq!(
    ///     e.sv().to_string(),
    ///     "årets resultat: resultaträkningen \u{2212}48\u{a0}859\u{a0}tkr ≠ balansräkningen \
    ///      \u{2212}48\u{a0}858\u{a0}tkr (skillnad \u{2212}1\u{a0}tkr)"
    /// );
    /// ```
    #[must_use]
    #[doc(alias = "svenska")]
    pub fn sv(&self) -> SwedishError<'_> {
        SwedishError(self)
    }
}

impl std::fmt::Display for SwedishError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Error::Overflow { operation } => {
                write!(f, "talet blev för stort ({})", sv_operation(operation))
            }
            Error::DivisionByZero { what } => write!(f, "division med noll: {what} är noll"),
            Error::InvalidNumber { input, reason } => {
                write!(f, "ogiltigt tal {input:?}: {reason}")
            }
            Error::InvalidOrganisationNumber { input, reason } => {
                write!(f, "ogiltigt organisationsnummer {input:?}: {reason}")
            }
            Error::InvalidPeriod { start, end, reason } => {
                write!(f, "ogiltig period {start} – {end}: {reason}")
            }
            Error::InvalidDate(d) => write!(f, "ogiltigt datum: {d}"),
            Error::Unbalanced {
                assets,
                equity_and_liabilities,
                difference,
            } => write!(
                f,
                "balansräkningen balanserar inte: summa tillgångar {} ≠ summa eget kapital, \
                 avsättningar och skulder {} (skillnad {})",
                sv_amount(*assets),
                sv_amount(*equity_and_liabilities),
                sv_amount(*difference)
            ),
            Error::Mismatch {
                what,
                left_label,
                left,
                right_label,
                right,
                difference,
            } => write!(
                f,
                "{what}: {left_label} {} ≠ {right_label} {} (skillnad {})",
                sv_amount(*left),
                sv_amount(*right),
                sv_amount(*difference)
            ),
            Error::InvalidRule(r) => write!(f, "ogiltig regel: {r}"),
            Error::InvalidSickLeaveRecord { index, reason } => write!(
                f,
                "ogiltigt sjukfrånvarounderlag på plats {}: {reason}",
                index.saturating_add(1)
            ),
            Error::WrongSign {
                row,
                expected,
                amount,
            } => write!(
                f,
                "{row}: fel tecken, raden är {expected}; angivet {}",
                sv_amount(*amount)
            ),
            Error::LimitExceeded {
                what,
                requested,
                limit,
                excess,
                basis,
            } => write!(
                f,
                "{what} {} överskrider gränsen {} med {} ({basis})",
                sv_amount(*requested),
                sv_amount(*limit),
                sv_amount(*excess)
            ),
            Error::Refused { what, reason } => write!(f, "{what} avvisas: {reason}"),
            Error::AmountTooLarge { value } => write!(
                f,
                "beloppet {} kr är för stort: belopp får vara högst ±10^19 kr",
                crate::present::NumberFormat::swedish()
                    .with_decimals(value.scale())
                    .decimal(*value)
            ),
            Error::YearIndexNotInLedger { index, available } => write!(
                f,
                "bokföringen har inga saldon för årsindex {} (den har årsindex {})",
                sv_list(&[*index]),
                sv_list(available)
            ),
            Error::FinancialYearNotInLedger { year, available } => write!(
                f,
                "bokföringen har inget räkenskapsår {year} (dess #RAR-år: {})",
                sv_list(available)
            ),
            Error::RatioUnavailable {
                ratio,
                year,
                reason,
            } => write!(f, "{ratio} {year}: {reason}"),
            Error::Output { format, reason } => {
                write!(f, "kunde inte skriva {format}: {reason}")
            }
            // A variant added without a Swedish text yet: its own message.
            #[allow(unreachable_patterns)]
            other => write!(f, "{other}"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn swedish_texts_name_the_same_figures_in_swedish_form() {
        let sv = |e: Error| e.sv().to_string();
        assert_eq!(
            sv(Error::Overflow {
                operation: "subtraction"
            }),
            "talet blev för stort (subtraktion)"
        );
        assert_eq!(
            sv(Error::Overflow {
                operation: "a new operation"
            }),
            "talet blev för stort (a new operation)"
        );
        assert_eq!(
            sv(Error::YearIndexNotInLedger {
                index: -2,
                available: vec![0, -1],
            }),
            "bokföringen har inga saldon för årsindex \u{2212}2 (den har årsindex 0, \u{2212}1)"
        );
        assert_eq!(
            sv(Error::FinancialYearNotInLedger {
                year: 2019,
                available: vec![],
            }),
            "bokföringen har inget räkenskapsår 2019 (dess #RAR-år: inga)"
        );
        assert_eq!(
            sv(Error::Unbalanced {
                assets: Amount::tkr(1_200),
                equity_and_liabilities: Amount::kr(1_199_500),
                difference: Amount::kr(500),
            }),
            "balansräkningen balanserar inte: summa tillgångar 1\u{a0}200\u{a0}tkr ≠ summa eget \
             kapital, avsättningar och skulder 1\u{a0}199\u{a0}500\u{a0}kr (skillnad 500\u{a0}kr)"
        );
        assert_eq!(
            sv(Error::WrongSign {
                row: "avgår realisationsvinster".into(),
                expected: "ett avdrag, anges som noll eller negativt (−)",
                amount: Amount::tkr(5),
            }),
            "avgår realisationsvinster: fel tecken, raden är ett avdrag, anges som noll eller \
             negativt (−); angivet 5\u{a0}tkr"
        );
        assert_eq!(
            sv(Error::AmountTooLarge {
                value: "-12345678901234567890.5".parse().unwrap(),
            }),
            "beloppet \u{2212}12\u{a0}345\u{a0}678\u{a0}901\u{a0}234\u{a0}567\u{a0}890,5 kr är \
             för stort: belopp får vara högst ±10^19 kr"
        );
        // The English Display stays the developer's form.
        assert_eq!(
            Error::Overflow {
                operation: "subtraction"
            }
            .to_string(),
            "arithmetic overflow in subtraction"
        );
    }

    #[test]
    fn reasons_carried_into_swedish_texts_are_swedish() {
        let e = crate::money::parse_swedish_number("1,2,3").unwrap_err();
        assert_eq!(
            e.sv().to_string(),
            "ogiltigt tal \"1,2,3\": mer än ett decimaltecken"
        );
        let e = "212000-0141"
            .parse::<crate::OrganisationNumber>()
            .unwrap_err();
        assert_eq!(
            e.sv().to_string(),
            "ogiltigt organisationsnummer \"212000-0141\": kontrollsiffran (Luhn, modulus 10) \
             stämmer inte"
        );
        let e = "1e5".parse::<Amount>().unwrap_err();
        assert_eq!(
            e.sv().to_string(),
            "ogiltigt tal \"1e5\": väntade siffror med ett eventuellt tecken först, t.ex. \
             \"-1234567.50\""
        );
    }
}
