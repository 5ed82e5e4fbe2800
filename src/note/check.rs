//! The arithmetic checks every note schedule shares: a declared sum against its
//! parts, told apart into rounding differences and real errors.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Amount, Percent, RoundingMode, Scale};
use crate::present::NumberFormat;

/// Whether a difference in a note is rounding or an error.
///
/// ```
/// use kommunal_redovisning::note::NoteFindingKind;
///
/// assert_eq!(NoteFindingKind::Rounding.label(), "avrundning");
/// assert_eq!(NoteFindingKind::Error.label(), "fel");
/// ```
#[doc(alias = "avvikelsetyp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoteFindingKind {
    /// Avrundningsdifferens: within what rounding each printed figure to the note's
    /// precision can explain (half a unit per figure summed).
    Rounding,
    /// Fel: more than rounding can explain, or any difference in exact figures.
    Error,
}

impl NoteFindingKind {
    /// The Swedish word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            NoteFindingKind::Rounding => "avrundning",
            NoteFindingKind::Error => "fel",
        }
    }
}

/// A figure of a note that does not agree with what its parts give (notavvikelse):
/// which note, which column, what, both figures and the difference.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{NoteFigure, NoteFinding, NoteFindingKind};
///
/// let f = NoteFinding {
///     note: 13,
///     column: "2014".into(),
///     what: "utgående avsättning".into(),
///     computed: NoteFigure::Amount(Amount::mnkr(2_255)),
///     printed: NoteFigure::Amount(Amount::mnkr(2_256)),
///     unit: Some(kommunal_redovisning::Scale::Mnkr),
///     difference: NoteFigure::Amount(Amount::mnkr(1)),
///     kind: NoteFindingKind::Rounding,
/// };
/// assert!(f.message().contains("2\u{a0}256 mnkr"));
/// assert_eq!(
///     f.to_string(),
///     "not 13, 2014: utgående avsättning är 2\u{a0}256 mnkr men delarna ger 2\u{a0}255 mnkr (skillnad 1 mnkr, avrundning)"
/// );
/// ```
#[doc(alias = "notavvikelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NoteFinding {
    /// The note number.
    pub note: u32,
    /// The column's label, e.g. "2015" or "Koncernen 2015".
    pub column: String,
    /// What was checked, in Swedish, e.g. "utgående bokfört värde, Byggnader".
    pub what: String,
    /// The figure the parts give.
    pub computed: NoteFigure,
    /// The figure as given in the note.
    pub printed: NoteFigure,
    /// The unit the note prints its figures in (its precision), for messages.
    #[cfg_attr(feature = "serde", serde(default))]
    pub unit: Option<Scale>,
    /// `printed − computed`.
    pub difference: NoteFigure,
    /// Rounding or error.
    pub kind: NoteFindingKind,
}

impl NoteFinding {
    /// The finding in Swedish, amounts in Swedish format with their unit: the
    /// [`fmt::Display`] text.
    #[must_use]
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for NoteFinding {
    /// `not 13, 2014: utgående avsättning är 2 256 mnkr men delarna ger 2 255 mnkr
    /// (skillnad 1 mnkr, avrundning)`, amounts in the note's unit where they are whole
    /// units of it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not {}, {}: {} är {} men delarna ger {} (skillnad {}, {})",
            self.note,
            self.column,
            self.what,
            self.printed.sv_in(self.unit),
            self.computed.sv_in(self.unit),
            self.difference.sv_in(self.unit),
            self.kind.label()
        )
    }
}

/// A figure in a [`NoteFinding`]: an amount or a percentage.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::NoteFigure;
///
/// assert_eq!(NoteFigure::Amount(Amount::tkr(470)).sv(), "470 tkr");
/// assert!(NoteFigure::Amount(Amount::tkr(24_000)).sv().ends_with(" tkr"));
/// ```
#[doc(alias = "belopp eller procent")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoteFigure {
    /// An amount in kronor.
    Amount(Amount),
    /// A percentage.
    Percent(Percent),
}

impl NoteFigure {
    /// Swedish format with the unit: `24 000 tkr`, `2,2 %`.
    #[must_use]
    pub fn sv(self) -> String {
        self.sv_in(None)
    }

    /// Swedish format, amounts in `unit` where they are whole units of it.
    #[must_use]
    pub fn sv_in(self, unit: Option<Scale>) -> String {
        match self {
            NoteFigure::Amount(a) => sv_amount_in(a, unit),
            NoteFigure::Percent(p) => NumberFormat::swedish()
                .with_decimals(p.as_decimal().scale())
                .percent(p),
        }
    }
}

/// An amount in Swedish format in `unit` when it shows it exactly, else in tkr when
/// that does, else in kronor: `2 256 mnkr`, `470 tkr`, `1 334 069 617 kr`, `12,50 kr`.
pub(crate) fn sv_amount_in(a: Amount, unit: Option<Scale>) -> String {
    let sv = NumberFormat::swedish();
    let exact_in = |s: Scale| {
        a.as_decimal()
            .checked_rem(s.factor())
            .is_some_and(|r| r.is_zero())
    };
    for s in unit.into_iter().chain([Scale::Tkr]) {
        if exact_in(s) && s != Scale::Kr {
            return format!("{} {}", sv.amount(a, s), s.label());
        }
    }
    if exact_in(Scale::Kr) {
        format!("{} kr", sv.amount(a, Scale::Kr))
    } else {
        format!("{} kr", sv.with_decimals(2).amount(a, Scale::Kr))
    }
}

/// Collects the findings of one column of one note.
pub(crate) struct Checker<'a> {
    pub(crate) note: u32,
    pub(crate) column: &'a str,
    pub(crate) precision: Option<Scale>,
    pub(crate) findings: Vec<NoteFinding>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(note: u32, column: &'a str, precision: Option<Scale>) -> Self {
        Checker {
            note,
            column,
            precision,
            findings: Vec::new(),
        }
    }

    /// What rounding each of `figures` printed figures to the precision can explain.
    fn tolerance(&self, figures: usize) -> Result<Amount> {
        match self.precision {
            None => Ok(Amount::ZERO),
            Some(s) => {
                let half = s.factor() / Decimal::TWO;
                Amount::new(half)?.checked_mul(Decimal::from(figures))
            }
        }
    }

    /// Records a finding when `printed` differs from `computed`; `figures` is how many
    /// rounded figures the comparison involves.
    pub(crate) fn compare(
        &mut self,
        what: impl Into<String>,
        computed: Amount,
        printed: Amount,
        figures: usize,
    ) -> Result<()> {
        if computed == printed {
            return Ok(());
        }
        // A figure that is the computed one rounded to the printed precision is right.
        if let Some(s) = self.precision {
            if computed.round_to(s, 0, RoundingMode::HalfAwayFromZero)? == printed {
                return Ok(());
            }
        }
        let difference = printed.checked_sub(computed)?;
        let kind = if difference.abs() <= self.tolerance(figures)? {
            NoteFindingKind::Rounding
        } else {
            NoteFindingKind::Error
        };
        self.findings.push(NoteFinding {
            note: self.note,
            column: self.column.to_owned(),
            what: what.into(),
            computed: NoteFigure::Amount(computed),
            printed: NoteFigure::Amount(printed),
            unit: self.precision,
            difference: NoteFigure::Amount(difference),
            kind,
        });
        Ok(())
    }

    /// Checks that `parts` add up to `printed`.
    pub(crate) fn sum(
        &mut self,
        what: impl Into<String>,
        parts: &[Amount],
        printed: Amount,
    ) -> Result<()> {
        let computed = Amount::checked_sum(parts.iter().copied())?;
        self.compare(what, computed, printed, parts.len().saturating_add(1))
    }

    /// Checks a percentage as printed against the one computed, at the printed
    /// number of decimals: when the computed one, rounded to as many decimals as the
    /// printed one has, differs, it is an error (a percentage is one rounded figure).
    pub(crate) fn percent(&mut self, what: impl Into<String>, computed: Percent, printed: Percent) {
        let decimals = printed.as_decimal().scale();
        let rounded = computed.round(decimals, RoundingMode::HalfAwayFromZero);
        if rounded == printed {
            return;
        }
        let difference = Percent::new(
            printed
                .as_decimal()
                .checked_sub(rounded.as_decimal())
                .unwrap_or_default(),
        );
        self.findings.push(NoteFinding {
            note: self.note,
            column: self.column.to_owned(),
            what: what.into(),
            computed: NoteFigure::Percent(rounded),
            printed: NoteFigure::Percent(printed),
            unit: self.precision,
            difference: NoteFigure::Percent(difference),
            kind: NoteFindingKind::Error,
        });
    }

    /// Särskild löneskatt included in `including_tax` at `rate` (e.g. 24,26 %):
    /// `including_tax × rate / (1 + rate)`, against the printed tax.
    pub(crate) fn payroll_tax(
        &mut self,
        what: impl Into<String>,
        including_tax: Amount,
        printed_tax: Amount,
        rate: Decimal,
    ) -> Result<()> {
        let computed = payroll_tax_included(including_tax, rate)?;
        let computed = match self.precision {
            // Exact figures are kept to the öre.
            None => computed.round_to(Scale::Kr, 2, RoundingMode::HalfAwayFromZero)?,
            Some(_) => computed,
        };
        // The total and the tax are both rounded: one unit covers both.
        self.compare(what, computed, printed_tax, 2)
    }
}

/// The särskild löneskatt contained in an amount that includes it:
/// `amount × rate / (1 + rate)`.
///
/// # Errors
///
/// [`Error::Overflow`]; [`Error::DivisionByZero`] for a rate of −1.
pub(crate) fn payroll_tax_included(amount: Amount, rate: Decimal) -> Result<Amount> {
    let denominator = Decimal::ONE.checked_add(rate).ok_or(Error::Overflow {
        operation: "addition",
    })?;
    if denominator.is_zero() {
        return Err(Error::DivisionByZero {
            what: "1 + skattesatsen",
        });
    }
    // Multiply first, then divide: 12 426 × 0,2426 / 1,2426 is exactly 2 426, while
    // dividing the rate first leaves a repeating decimal that rounds in the last digit.
    let tax = amount.checked_mul(rate)?;
    let kronor = tax
        .as_decimal()
        .checked_div(denominator)
        .ok_or(Error::Overflow {
            operation: "division",
        })?;
    Amount::new(kronor)
}

/// Refuses an amount of the wrong sign for its row.
pub(crate) fn expect_sign(row: &str, amount: Amount, non_positive: bool) -> Result<()> {
    let wrong = if non_positive {
        amount.as_decimal().is_sign_positive() && !amount.is_zero()
    } else {
        amount.is_negative()
    };
    if wrong {
        return Err(Error::WrongSign {
            row: row.to_owned(),
            expected: if non_positive {
                "ett avdrag, anges som noll eller negativt (−)"
            } else {
                "ett tillägg, anges som noll eller positivt (+)"
            },
            amount,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_told_from_errors() {
        let mut c = Checker::new(1, "2015", Some(Scale::Mnkr));
        c.sum(
            "summa",
            &[Amount::mnkr(2_114), Amount::mnkr(192), Amount::mnkr(-79)],
            Amount::mnkr(2_228),
        )
        .unwrap();
        assert_eq!(c.findings[0].kind, NoteFindingKind::Rounding);
        c.sum("summa", &[Amount::mnkr(1)], Amount::mnkr(4)).unwrap();
        assert_eq!(c.findings[1].kind, NoteFindingKind::Error);
        let mut exact = Checker::new(1, "2015", None);
        exact
            .sum(
                "summa",
                &[Amount::kr(1)],
                Amount::new(Decimal::new(101, 2)).unwrap(),
            )
            .unwrap();
        assert_eq!(exact.findings[0].kind, NoteFindingKind::Error);
    }

    #[test]
    fn amounts_read_in_their_unit() {
        let sv = sv_amount_in;
        assert_eq!(
            sv(Amount::mnkr(2_256), Some(Scale::Mnkr)),
            "2\u{a0}256 mnkr"
        );
        assert_eq!(sv(Amount::mnkr(2), None), "2\u{a0}000 tkr");
        assert_eq!(sv(Amount::tkr(-470), None), "\u{2212}470 tkr");
        assert_eq!(
            sv(Amount::kr(1_334_069_617), None),
            "1\u{a0}334\u{a0}069\u{a0}617 kr"
        );
        assert_eq!(
            sv(Amount::new(Decimal::new(1250, 2)).unwrap(), None),
            "12,50 kr"
        );
        assert_eq!(sv(Amount::ZERO, None), "0 tkr");
    }

    #[test]
    fn signs_are_enforced() {
        assert!(expect_sign("Avskrivningar", Amount::kr(-1), true).is_ok());
        assert!(expect_sign("Avskrivningar", Amount::kr(1), true).is_err());
        assert!(expect_sign("Investeringar", Amount::kr(-1), false).is_err());
    }
}
