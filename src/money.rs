//! Exact money and percentages: [`Amount`] (belopp i kronor), [`Percent`] (procent),
//! [`Scale`] (kr, tkr, mnkr, mdkr) and [`RoundingMode`] (avrundning).
//!
//! An [`Amount`] is always kronor, held as a `rust_decimal::Decimal`; "tkr" and "mnkr"
//! are a presentation scale, converted on the way in ([`Amount::tkr`]) and on the way
//! out ([`Amount::to_scale`]).
//!
//! ## Why `+` cannot overflow
//!
//! Every amount that *enters* the crate is bounded: [`Amount::new`],
//! [`Amount::from_scaled`], parsing ([`str::parse`], [`Amount::parse_sv`]), serde and
//! the `checked_*` methods refuse a value beyond ±[`Amount::MAX`] (10¹⁹ kr, more than a
//! million times Sweden’s GDP) with [`Error::AmountTooLarge`] (or [`Error::Overflow`] for
//! a checked operation); every reader in the crate (JSON,
//! SIE, printed reports) enters amounts through them, and [`Amount::kr`] cannot exceed
//! the bound (an `i64` is at most 9,2 × 10¹⁸). A `rust_decimal::Decimal` holds up to
//! about 7,9 × 10²⁸, so a sum or difference of such amounts overflows only after more
//! than 7,9 × 10⁹ terms at the limit — more amounts than fit in the memory of any
//! machine this crate runs on (16 bytes each: 126 GB). So the operators `+`, `-`,
//! unary `-`, `+=`, `-=` and [`Sum`](std::iter::Sum) are infallible, and the derived
//! subtotals of the statements (verksamhetens nettokostnader, årets resultat, summa
//! tillgångar …) return a plain [`Amount`].
//!
//! [`Amount::tkr`] and [`Amount::mnkr`] take an `i64` for convenience and are meant for
//! figures the program knows; an `i64` of tkr or mnkr can pass the bound, so give
//! numbers from untrusted sources to [`Amount::from_scaled`] instead.
//!
//! The `checked_*` methods remain for input paths: they keep a running figure inside
//! ±[`Amount::MAX`] and say so when it leaves it, e.g. a ledger that sums the rows of
//! an untrusted file. Multiplication ([`Amount::checked_mul`]) is always checked.
//!
//! ```
//! use kommunal_redovisning::Amount;
//!
//! let mut nettokostnad = Amount::tkr(1_200) - Amount::tkr(9_800);
//! nettokostnad += Amount::kr(-500);
//! let total: Amount = [Amount::tkr(760), Amount::tkr(82), Amount::tkr(-195)].into_iter().sum();
//! assert_eq!(nettokostnad, Amount::kr(-8_600_500));
//! assert_eq!(-total, Amount::tkr(-647));
//! assert!(Amount::MAX.checked_add(Amount::kr(1)).is_err());
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{Error, Result};

/// A sum of money in Swedish kronor (belopp), exact to any number of decimals.
///
/// Sign convention: as published. In a resultaträkning revenues are positive and
/// costs negative; in a balansräkning assets, equity and liabilities are all positive.
///
/// Construct from whole kronor, tkr or mnkr, from a [`Decimal`], or parse the
/// canonical text form (`"-1234567.50"`). With the `serde` feature an amount travels
/// as that canonical string; JSON floats are refused because they pass through binary
/// floating point and can lose öre.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, Scale};
///
/// let eget_kapital = Amount::tkr(8_521);
/// assert_eq!(eget_kapital, Amount::kr(8_521_000));
/// let summa = eget_kapital + Amount::tkr(-2_148);
/// assert_eq!(summa, Amount::tkr(6_373));
/// assert_eq!(summa.to_string(), "6373000.00");
/// assert_eq!(summa.sv().to_string(), "6\u{a0}373\u{a0}000\u{a0}kr");
/// assert_eq!(Amount::parse_sv("1 234,5", Scale::Tkr)?, Amount::kr(1_234_500));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "belopp")]
#[doc(alias = "kronor")]
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Amount {
    /// Noll kronor.
    pub const ZERO: Amount = Amount(Decimal::ZERO);
    /// The largest amount that may enter the crate: 10¹⁹ kr (see the
    /// [module docs](crate::money) for why this bound makes `+` infallible).
    pub const MAX: Amount = Amount(Decimal::from_parts(0x89E8_0000, 0x8AC7_2304, 0, false, 0));
    /// The smallest (most negative) amount that may enter the crate: −10¹⁹ kr.
    pub const MIN: Amount = Amount(Decimal::from_parts(0x89E8_0000, 0x8AC7_2304, 0, true, 0));

    /// An amount of whole kronor.
    ///
    /// ```
    /// # use kommunal_redovisning::Amount;
    /// assert_eq!(Amount::kr(-1_036).to_string(), "-1036.00");
    /// ```
    #[must_use]
    pub fn kr(kronor: i64) -> Amount {
        Amount(Decimal::from(kronor))
    }

    /// An amount given in tusen kronor (tkr), the unit of most municipal statements.
    ///
    /// For figures the program knows. Unlike the checked entry points it does not refuse
    /// values beyond ±[`Amount::MAX`] (10¹⁶ tkr, far past any real figure); for numbers
    /// from untrusted input, and for decimals, use [`Amount::from_scaled`] or
    /// [`Amount::parse_sv`].
    ///
    /// ```
    /// # use kommunal_redovisning::Amount;
    /// assert_eq!(Amount::tkr(36_631), Amount::kr(36_631_000));
    /// ```
    #[must_use]
    pub fn tkr(tusen_kronor: i64) -> Amount {
        // Every i64 times 1 000 fits in a Decimal (about 9,2 × 10²¹ < 7,9 × 10²⁸).
        Amount(Decimal::from(i128::from(tusen_kronor) * 1_000))
    }

    /// An amount given in miljoner kronor (mnkr).
    ///
    /// For figures the program knows, like [`Amount::tkr`]: values beyond
    /// ±[`Amount::MAX`] (10¹³ mnkr) are not refused. For untrusted input and decimals
    /// (`1 036,6 mnkr`) use [`Amount::from_scaled`] or [`Amount::parse_sv`].
    ///
    /// ```
    /// # use kommunal_redovisning::Amount;
    /// assert_eq!(Amount::mnkr(15), Amount::tkr(15_000));
    /// ```
    #[must_use]
    pub fn mnkr(miljoner_kronor: i64) -> Amount {
        // Every i64 times 10⁶ fits in a Decimal (about 9,2 × 10²⁴ < 7,9 × 10²⁸).
        Amount(Decimal::from(i128::from(miljoner_kronor) * 1_000_000))
    }

    /// An amount from an exact decimal number of kronor.
    ///
    /// # Errors
    ///
    /// [`Error::AmountTooLarge`] when the value is beyond ±[`Amount::MAX`] (10¹⁹ kr).
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Decimal};
    /// let a = Amount::new(Decimal::new(-123_456_750, 2))?;
    /// assert_eq!(a.to_string(), "-1234567.50");
    /// assert!(Amount::new(Decimal::MAX).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(kronor: Decimal) -> Result<Amount> {
        if !within_limit(kronor) {
            return Err(Error::AmountTooLarge { value: kronor });
        }
        Ok(Amount(normalize_zero(kronor)))
    }

    /// Parses an amount as Swedish reports print it, in `scale`: `"1 234,5"` tkr,
    /// `"−48 859"`, `"-0,3"`. Accepts spaces, non-breaking or thin spaces as thousands
    /// separators, a decimal comma (or point), and a leading hyphen, U+2212 minus or en
    /// dash. A trailing unit (`kr`, `tkr`, `mkr`, `Mkr`, `mnkr`, `mdkr`) overrides `scale`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidNumber`] naming the text and what is wrong (a double sign, a
    /// percent sign, letters, misplaced separators), [`Error::Overflow`] beyond
    /// ±[`Amount::MAX`].
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Scale};
    /// assert_eq!(Amount::parse_sv("1 234,5", Scale::Tkr)?, Amount::kr(1_234_500));
    /// assert_eq!(Amount::parse_sv("\u{2212}48\u{a0}859 tkr", Scale::Kr)?, Amount::tkr(-48_859));
    /// assert_eq!(Amount::parse_sv("2,5 mnkr", Scale::Tkr)?, Amount::tkr(2_500));
    /// assert!(Amount::parse_sv("--5", Scale::Tkr).is_err());
    /// assert!(Amount::parse_sv("12 %", Scale::Tkr).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "tolka belopp")]
    pub fn parse_sv(text: &str, scale: Scale) -> Result<Amount> {
        let (number, unit) = split_unit(text.trim());
        let scale = unit.unwrap_or(scale);
        let value = parse_swedish_number(number)?;
        Amount::from_scaled(value, scale)
    }

    /// A Swedish rendering for messages a person reads: `−48 859 000 kr`, öre shown only
    /// when there are any; [`SwedishAmount::in_scale`] writes tkr or mnkr. For tables
    /// use [`crate::NumberFormat`], which rounds.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Scale};
    /// assert_eq!(Amount::tkr(-48_859).sv().to_string(), "\u{2212}48\u{a0}859\u{a0}000\u{a0}kr");
    /// assert_eq!(Amount::tkr(-48_859).sv().in_scale(Scale::Tkr).to_string(), "\u{2212}48\u{a0}859\u{a0}tkr");
    /// assert_eq!(Amount::kr(1_500).sv().in_scale(Scale::Tkr).to_string(), "1,5\u{a0}tkr");
    /// ```
    #[must_use]
    pub fn sv(self) -> SwedishAmount {
        SwedishAmount {
            amount: self,
            scale: Scale::Kr,
        }
    }

    /// An amount from a decimal number in the given scale, e.g. `1 036,6` mnkr.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the value in kronor is beyond ±[`Amount::MAX`].
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::Decimal;
    /// let a = Amount::from_scaled(Decimal::new(10_366, 1), Scale::Mnkr)?;
    /// assert_eq!(a, Amount::tkr(1_036_600));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn from_scaled(value: Decimal, scale: Scale) -> Result<Amount> {
        value
            .checked_mul(scale.factor())
            .ok_or(Error::AmountTooLarge { value })
            .and_then(Amount::new)
    }

    /// The exact value in kronor.
    #[must_use]
    pub const fn as_decimal(self) -> Decimal {
        self.0
    }

    /// The exact value expressed in `scale` (no rounding), e.g. tkr for tables.
    ///
    /// Dividing by a power of ten is always exact for values this type can hold.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::Decimal;
    /// assert_eq!(Amount::kr(1_500).to_scale(Scale::Tkr), Decimal::new(15, 1));
    /// ```
    #[must_use]
    pub fn to_scale(self, scale: Scale) -> Decimal {
        // Division by 10^k of a Decimal only moves the scale; it cannot overflow. If the
        // scale would exceed 28 digits rust_decimal rounds the last digit, which for money
        // (at most öre in practice) never happens.
        self.0.checked_div(scale.factor()).unwrap_or(self.0)
    }

    /// `true` when the amount is zero.
    #[must_use]
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// `true` when the amount is below zero.
    #[must_use]
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// The absolute value.
    #[must_use]
    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    /// `self + other`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the sum is beyond ±[`Amount::MAX`].
    pub fn checked_add(self, other: Amount) -> Result<Amount> {
        checked(self.0.checked_add(other.0), "addition")
    }

    /// `self − other`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the difference is beyond ±[`Amount::MAX`].
    pub fn checked_sub(self, other: Amount) -> Result<Amount> {
        checked(self.0.checked_sub(other.0), "subtraction")
    }

    /// `self × factor`, e.g. an amount times a percentage as a fraction.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the product is beyond ±[`Amount::MAX`].
    pub fn checked_mul(self, factor: Decimal) -> Result<Amount> {
        checked(self.0.checked_mul(factor), "multiplication")
    }

    /// `self / other` as an exact decimal (a plain ratio, not a percentage).
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when `other` is zero (named `what`),
    /// [`Error::Overflow`] when the quotient is out of range.
    pub fn checked_ratio(self, other: Amount, what: &'static str) -> Result<Decimal> {
        if other.is_zero() {
            return Err(Error::DivisionByZero { what });
        }
        self.0.checked_div(other.0).ok_or(Error::Overflow {
            operation: "division",
        })
    }

    /// The sum of any number of amounts.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a partial sum is beyond ±[`Amount::MAX`]. For a fixed
    /// number of figures, `+` or [`Sum`](std::iter::Sum) is simpler and cannot fail.
    ///
    /// ```
    /// # use kommunal_redovisning::Amount;
    /// let total = Amount::checked_sum([Amount::tkr(760), Amount::tkr(82), Amount::tkr(-195), Amount::tkr(212)])?;
    /// assert_eq!(total, Amount::tkr(859));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn checked_sum<I>(amounts: I) -> Result<Amount>
    where
        I: IntoIterator<Item = Amount>,
    {
        amounts
            .into_iter()
            .try_fold(Amount::ZERO, |acc, a| acc.checked_add(a))
    }

    /// The amount rounded to `decimals` decimals of `scale` with `mode`, still in kronor.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, RoundingMode, Scale};
    /// let a = Amount::kr(2_500);
    /// assert_eq!(a.round_to(Scale::Tkr, 0, RoundingMode::HalfAwayFromZero)?, Amount::tkr(3));
    /// assert_eq!(a.round_to(Scale::Tkr, 0, RoundingMode::HalfEven)?, Amount::tkr(2));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the rounded value is out of range.
    pub fn round_to(self, scale: Scale, decimals: u32, mode: RoundingMode) -> Result<Amount> {
        let rounded = mode.round(self.to_scale(scale), decimals);
        Amount::from_scaled(rounded, scale)
    }
}

fn checked(value: Option<Decimal>, operation: &'static str) -> Result<Amount> {
    value
        .ok_or(Error::Overflow { operation })
        .and_then(|v| bounded(v, operation))
}

/// 10¹⁹, the mantissa of [`Amount::MAX`].
const MAX_MANTISSA: u128 = 10_000_000_000_000_000_000;

/// Whether `value` is within ±10¹⁹ kr ([`Amount::MIN`]..=[`Amount::MAX`]).
#[inline]
fn within_limit(value: Decimal) -> bool {
    // A mantissa of at most 10¹⁹ is within the limit at any scale, with no comparison
    // of decimals (the amounts of a ledger are almost all such).
    value.mantissa().unsigned_abs() <= MAX_MANTISSA
        || (value <= Amount::MAX.0 && value >= Amount::MIN.0)
}

fn bounded(value: Decimal, operation: &'static str) -> Result<Amount> {
    if !within_limit(value) {
        Err(Error::Overflow { operation })
    } else {
        Ok(Amount(normalize_zero(value)))
    }
}

impl std::ops::Neg for Amount {
    type Output = Amount;

    /// Negation flips the sign bit and can never overflow.
    fn neg(self) -> Amount {
        Amount(normalize_zero(-self.0))
    }
}

// The operators rely on the bound described in the module docs: every amount that
// enters is within ±Amount::MAX, so no realistic number of terms reaches Decimal::MAX.
impl std::ops::Add for Amount {
    type Output = Amount;

    fn add(self, other: Amount) -> Amount {
        Amount(normalize_zero(self.0 + other.0))
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;

    fn sub(self, other: Amount) -> Amount {
        Amount(normalize_zero(self.0 - other.0))
    }
}

impl std::ops::AddAssign for Amount {
    fn add_assign(&mut self, other: Amount) {
        *self = *self + other;
    }
}

impl std::ops::SubAssign for Amount {
    fn sub_assign(&mut self, other: Amount) {
        *self = *self - other;
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |acc, a| acc + a)
    }
}

impl<'a> std::iter::Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |acc, a| acc + *a)
    }
}

impl TryFrom<Decimal> for Amount {
    type Error = Error;

    /// The same as [`Amount::new`].
    fn try_from(kronor: Decimal) -> Result<Amount> {
        Amount::new(kronor)
    }
}

/// An [`Amount`] (or a value in a [`Scale`]) written the Swedish way for a person:
/// non-breaking spaces between thousands, a decimal comma, a true minus sign (U+2212) and
/// the unit. Exact: decimals are shown as far as the value has them. Made by
/// [`Amount::sv`].
///
/// ```
/// # use kommunal_redovisning::{Amount, Scale};
/// let s = Amount::kr(-1_234_567).sv().in_scale(Scale::Mnkr).to_string();
/// assert_eq!(s, "\u{2212}1,234567\u{a0}mnkr");
/// ```
#[doc(alias = "svenskt belopp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwedishAmount {
    amount: Amount,
    scale: Scale,
}

impl SwedishAmount {
    /// The same amount written in `scale` (tkr, mnkr …), still exact.
    #[must_use]
    pub fn in_scale(self, scale: Scale) -> SwedishAmount {
        SwedishAmount { scale, ..self }
    }
}

impl fmt::Display for SwedishAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.amount.to_scale(self.scale).normalize();
        let format = crate::NumberFormat::swedish().with_decimals(value.scale());
        write!(f, "{}\u{a0}{}", format.decimal(value), self.scale.label())
    }
}

/// Splits a trailing unit (`tkr`, `mnkr` …) off a printed amount.
fn split_unit(text: &str) -> (&str, Option<Scale>) {
    let units: [(&str, Scale); 6] = [
        ("mnkr", Scale::Mnkr),
        ("mdkr", Scale::Mdkr),
        ("tkr", Scale::Tkr),
        ("mkr", Scale::Mnkr),
        ("Mkr", Scale::Mnkr),
        ("kr", Scale::Kr),
    ];
    for (suffix, scale) in units {
        if let Some(number) = text.strip_suffix(suffix) {
            return (number.trim_end(), Some(scale));
        }
    }
    (text, None)
}

/// Parses a number as Swedish reports print it: `1 234,5`, `−48 859`, `-0,3`, with
/// spaces, non-breaking or thin spaces as thousands separators, a decimal comma (or a
/// point), and one leading minus (hyphen, U+2212 or en dash) or plus.
///
/// # Errors
///
/// [`Error::InvalidNumber`] naming the text and what is wrong.
///
/// ```
/// use kommunal_redovisning::{Decimal, money::parse_swedish_number};
/// assert_eq!(parse_swedish_number("\u{2212}1\u{a0}036,6")?, Decimal::new(-10_366, 1));
/// assert!(parse_swedish_number("– -5").is_err());
/// assert!(parse_swedish_number("1,2,3").is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "tolka tal")]
pub fn parse_swedish_number(text: &str) -> Result<Decimal> {
    let invalid = |reason: &str| Error::InvalidNumber {
        input: text.to_owned(),
        reason: reason.to_owned(),
    };
    let trimmed = text.trim();
    if trimmed.contains('%') {
        return Err(invalid("ett procenttal där ett belopp väntas"));
    }
    let mut chars = trimmed.chars().peekable();
    let mut canonical = String::with_capacity(trimmed.len());
    if let Some(&c) = chars.peek() {
        if matches!(c, '-' | '\u{2212}' | '\u{2013}') {
            canonical.push('-');
            chars.next();
        } else if c == '+' {
            chars.next();
        }
    }
    let mut seen_separator = false;
    let mut last_was_group = false;
    for c in chars {
        match c {
            '0'..='9' => {
                canonical.push(c);
                last_was_group = false;
            }
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {
                if canonical.is_empty() || canonical == "-" || seen_separator || last_was_group {
                    return Err(invalid("ett mellanslag där en siffra väntas"));
                }
                last_was_group = true;
            }
            ',' | '.' => {
                if seen_separator {
                    return Err(invalid("mer än ett decimaltecken"));
                }
                seen_separator = true;
                canonical.push('.');
                last_was_group = false;
            }
            '-' | '\u{2212}' | '\u{2013}' | '+' => {
                return Err(invalid(
                    "ett andra tecken; skriv ett minustecken före siffrorna",
                ));
            }
            _ => {
                return Err(invalid(
                    "väntade siffror, mellanslag mellan tusental och decimalkomma",
                ));
            }
        }
    }
    if last_was_group {
        return Err(invalid("ett mellanslag på slutet"));
    }
    parse_canonical_decimal(&canonical).map_err(|_| invalid("väntade siffror, t.ex. \"−1 234,5\""))
}

impl From<Amount> for Decimal {
    fn from(amount: Amount) -> Decimal {
        amount.0
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({} kr)", canonical(self.0))
    }
}

/// The canonical machine form: ASCII digits, `.` decimals, leading `-`, at least two
/// decimals (`"-1234567.50"`). For Swedish presentation use [`crate::NumberFormat`].
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&canonical(self.0))
    }
}

impl FromStr for Amount {
    type Err = Error;

    /// Parses the canonical form: optional `-` or `+`, digits, optional `.` and decimals.
    /// No grouping, no comma, no exponent.
    ///
    /// ```
    /// # use kommunal_redovisning::Amount;
    /// let a: Amount = "-1234567.50".parse()?;
    /// assert_eq!(a, Amount::kr(-1_234_567) - "0.50".parse()?);
    /// assert!("1 234".parse::<Amount>().is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Amount> {
        parse_canonical_decimal(s).and_then(Amount::new)
    }
}

/// Parses `[+-]digits[.digits]` exactly; anything else is an [`Error::InvalidNumber`].
pub(crate) fn parse_canonical_decimal(s: &str) -> Result<Decimal> {
    let invalid = |reason: &str| Error::InvalidNumber {
        input: s.to_owned(),
        reason: reason.to_owned(),
    };
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            "väntade siffror med ett eventuellt tecken först, t.ex. \"-1234567.50\"",
        ));
    }
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(invalid("väntade siffror efter decimalpunkten"));
    }
    Decimal::from_str_exact(s)
        .map(normalize_zero)
        .map_err(|e| invalid(&decimal_error_sv(&e)))
}

/// Why rust_decimal refused a well-formed number, in Swedish. Too many digits is
/// "för stort" (callers look for those words); other refusals keep rust_decimal's text.
fn decimal_error_sv(e: &rust_decimal::Error) -> String {
    match e {
        rust_decimal::Error::ExceedsMaximumPossibleValue
        | rust_decimal::Error::LessThanMinimumPossibleValue => {
            "för stort för ett exakt decimaltal".to_owned()
        }
        rust_decimal::Error::ErrorString(s) if s.contains("overflow") => {
            "för stort för ett exakt decimaltal".to_owned()
        }
        rust_decimal::Error::Underflow | rust_decimal::Error::ScaleExceedsMaximumPrecision(_) => {
            "för många decimaler för ett exakt decimaltal".to_owned()
        }
        other => format!(
            "kan inte läsas som ett exakt decimaltal ({})",
            other.to_string().to_lowercase()
        ),
    }
}

fn normalize_zero(d: Decimal) -> Decimal {
    if d.is_zero() {
        // `-0.00` and `0.00` are the same amount; keep the scale, drop the sign.
        Decimal::new(0, d.scale())
    } else {
        d
    }
}

fn canonical(d: Decimal) -> String {
    let mut d = normalize_zero(d);
    if d.scale() < 2 {
        d.rescale(2);
    }
    d.to_string()
}

/// A percentage (procent), exact: `Percent` holds the number before the `%` sign, so
/// soliditet 23,3 % is `Percent` 23.3.
///
/// Displayed canonically as `23.3`; Swedish presentation (`23,3 %`) goes through
/// [`crate::NumberFormat::percent`].
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, Percent, RoundingMode};
///
/// let soliditet = Percent::of(Amount::tkr(8_521), Amount::tkr(36_631), "tillgångar totalt")?;
/// assert_eq!(soliditet.round(1, RoundingMode::HalfAwayFromZero), Percent::new("23.3".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "procent")]
#[doc(alias = "andel")]
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    /// Noll procent.
    pub const ZERO: Percent = Percent(Decimal::ZERO);
    /// Hundra procent.
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    /// A percentage from the number before the `%` sign.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, NumberFormat, Percent};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: soliditet 23,3 % as printed.
    /// let printed = Percent::new(Decimal::new(233, 1));
    /// assert_eq!(printed.to_fraction(), Decimal::new(233, 3));
    /// assert_eq!(NumberFormat::swedish().with_decimals(1).percent(printed), "23,3\u{a0}%");
    /// ```
    #[must_use]
    pub fn new(percent: Decimal) -> Percent {
        Percent(normalize_zero(percent))
    }

    /// A percentage from a fraction: `0.233` → 23,3 %.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the value is out of range.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Percent};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: soliditet 2024-12-31, 0,215 as a fraction.
    /// assert_eq!(Percent::from_fraction(Decimal::new(215, 3))?, Percent::new(Decimal::new(215, 1)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn from_fraction(fraction: Decimal) -> Result<Percent> {
        fraction
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(Percent::new)
            .ok_or(Error::Overflow {
                operation: "percentage",
            })
    }

    /// `part / whole` as a percentage, exact to 28 significant digits.
    ///
    /// `what` names the denominator for the error message.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when `whole` is zero, [`Error::Overflow`] when the
    /// quotient is out of range.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Decimal, Error, Percent, RoundingMode};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: 6 373 / 29 663 tkr, printed 21,5 %.
    /// let soliditet = Percent::of(Amount::tkr(6_373), Amount::tkr(29_663), "tillgångar totalt")?;
    /// assert_eq!(soliditet.round(1, RoundingMode::HalfAwayFromZero), Percent::new(Decimal::new(215, 1)));
    /// // A zero denominator is an error naming it, not a silent 0 %.
    /// let none = Percent::of(Amount::tkr(6_373), Amount::ZERO, "tillgångar totalt");
    /// assert!(matches!(none, Err(Error::DivisionByZero { .. })));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn of(part: Amount, whole: Amount, what: &'static str) -> Result<Percent> {
        Percent::from_fraction(part.checked_ratio(whole, what)?)
    }

    /// The number before the `%` sign.
    #[must_use]
    pub const fn as_decimal(self) -> Decimal {
        self.0
    }

    /// The value as a fraction (23,3 % → 0.233).
    #[must_use]
    pub fn to_fraction(self) -> Decimal {
        // Division by 100 only moves the decimal point.
        self.0.checked_div(Decimal::ONE_HUNDRED).unwrap_or(self.0)
    }

    /// Rounded to `decimals` decimals with `mode`.
    #[must_use]
    pub fn round(self, decimals: u32, mode: RoundingMode) -> Percent {
        Percent::new(mode.round(self.0, decimals))
    }

    /// A Swedish rendering for messages a person reads, exact (decimals as far as the
    /// value has them): `23,3 %`, `−0,5 %`, with a non-breaking space before the sign.
    /// For tables use [`crate::NumberFormat::percent`], which rounds.
    ///
    /// ```
    /// # use kommunal_redovisning::Percent;
    /// use kommunal_redovisning::Decimal;
    /// assert_eq!(Percent::new(Decimal::new(233, 1)).sv(), "23,3\u{a0}%");
    /// assert_eq!(Percent::new(Decimal::new(-5, 1)).sv(), "\u{2212}0,5\u{a0}%");
    /// ```
    #[must_use]
    #[doc(alias = "procent på svenska")]
    pub fn sv(self) -> String {
        let value = self.0.normalize();
        crate::NumberFormat::swedish()
            .with_decimals(value.scale())
            .percent(Percent(value))
    }
}

impl fmt::Debug for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Percent({} %)", self.0)
    }
}

/// The canonical machine form without the `%` sign and without trailing zeros,
/// e.g. `23.3`, `40`.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

impl FromStr for Percent {
    type Err = Error;

    /// Parses the canonical form `23.3` (no `%`, no comma).
    fn from_str(s: &str) -> Result<Percent> {
        parse_canonical_decimal(s).map(Percent::new)
    }
}

/// The unit a figure is presented in (belopp i kr, tkr, mnkr, mdkr).
///
/// A scale is a property of a *presentation*, never of an [`Amount`].
///
/// ```
/// # use kommunal_redovisning::Scale;
/// assert_eq!(Scale::Tkr.label(), "tkr");
/// assert_eq!(Scale::Mnkr.factor(), kommunal_redovisning::Decimal::new(1_000_000, 0));
/// ```
#[doc(alias = "tkr")]
#[doc(alias = "mnkr")]
#[doc(alias = "enhet")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Scale {
    /// Kronor.
    #[default]
    Kr,
    /// Tusen kronor.
    Tkr,
    /// Miljoner kronor.
    Mnkr,
    /// Miljarder kronor.
    Mdkr,
}

impl Scale {
    /// How many kronor one unit is.
    #[must_use]
    pub fn factor(self) -> Decimal {
        match self {
            Scale::Kr => Decimal::ONE,
            Scale::Tkr => Decimal::ONE_THOUSAND,
            Scale::Mnkr => Decimal::from(1_000_000_u32),
            Scale::Mdkr => Decimal::from(1_000_000_000_u32),
        }
    }

    /// The Swedish abbreviation (Isof's recommendation): `kr`, `tkr`, `mnkr`, `mdkr`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Scale::Kr => "kr",
            Scale::Tkr => "tkr",
            Scale::Mnkr => "mnkr",
            Scale::Mdkr => "mdkr",
        }
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How to round (avrundning). The default is half away from zero ("5 avrundas uppåt"),
/// the rule Swedish reports follow; banker's rounding only on request.
///
/// ```
/// # use kommunal_redovisning::RoundingMode;
/// use kommunal_redovisning::Decimal;
/// let x = Decimal::new(1225, 2); // 12,25
/// assert_eq!(RoundingMode::HalfAwayFromZero.round(x, 1), Decimal::new(123, 1));
/// assert_eq!(RoundingMode::HalfEven.round(x, 1), Decimal::new(122, 1));
/// ```
#[doc(alias = "avrundning")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RoundingMode {
    /// 2,5 → 3 and −2,5 → −3.
    #[default]
    HalfAwayFromZero,
    /// Banker's rounding: 2,5 → 2, 3,5 → 4.
    HalfEven,
    /// 2,5 → 2 and −2,5 → −2.
    HalfTowardZero,
    /// Truncation: 2,9 → 2 and −2,9 → −2.
    TowardZero,
    /// 2,1 → 3 and −2,1 → −3.
    AwayFromZero,
    /// Towards −∞.
    Floor,
    /// Towards +∞.
    Ceiling,
}

impl RoundingMode {
    /// `value` rounded to `decimals` decimals.
    #[must_use]
    pub fn round(self, value: Decimal, decimals: u32) -> Decimal {
        let strategy = match self {
            RoundingMode::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::HalfTowardZero => RoundingStrategy::MidpointTowardZero,
            RoundingMode::TowardZero => RoundingStrategy::ToZero,
            RoundingMode::AwayFromZero => RoundingStrategy::AwayFromZero,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
        };
        normalize_zero(value.round_dp_with_strategy(decimals, strategy))
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use super::*;
    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    impl Serialize for Amount {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.serialize_str(&canonical(self.0))
        }
    }

    impl<'de> Deserialize<'de> for Amount {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Amount, D::Error> {
            decimal::deserialize(d)
                .and_then(|v| Amount::new(v).map_err(|e| de::Error::custom(e.sv())))
        }
    }

    impl Serialize for Percent {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.serialize_str(&self.to_string())
        }
    }

    impl<'de> Deserialize<'de> for Percent {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Percent, D::Error> {
            decimal::deserialize(d).map(Percent::new)
        }
    }

    /// Serde for a plain [`Decimal`] field as a canonical string, independent of which
    /// serde features of rust_decimal other crates switch on. Use with
    /// `#[serde(with = "kommunal_redovisning::money::decimal")]`.
    ///
    /// Deserializing accepts a string (`"12.50"`) or a JSON integer (`12`); a JSON float
    /// (`12.5`) is refused with a message that says why.
    pub mod decimal {
        use super::*;

        /// Writes `value` as a canonical string, e.g. `"-12.50"`.
        ///
        /// # Errors
        ///
        /// Only the serializer's own errors.
        pub fn serialize<S: Serializer>(
            value: &Decimal,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            s.serialize_str(&normalize_zero(*value).to_string())
        }

        /// Reads a canonical string or a JSON integer; refuses JSON floats.
        ///
        /// # Errors
        ///
        /// A deserialization error naming the problem.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Decimal, D::Error> {
            d.deserialize_any(DecimalVisitor)
        }

        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("ett exakt decimaltal som sträng, t.ex. \"-1234567.50\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Decimal, E> {
                parse_canonical_decimal(v).map_err(|e| E::custom(e.sv()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Decimal, E> {
                Ok(Decimal::from(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Decimal, E> {
                Ok(Decimal::from(v))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Decimal, E> {
                Err(E::custom(format_args!(
                    "JSON-talet {v} avvisas: tal med decimaler går via binära flyttal och kan \
                     tappa ören; skriv beloppet som en sträng, t.ex. \"{v}\""
                )))
            }
        }
    }

    /// Like [`decimal`], for an `Option<Decimal>` field (`null` is `None`).
    pub mod decimal_option {
        use super::*;

        /// Writes `Some(value)` as a canonical string and `None` as `null`.
        ///
        /// # Errors
        ///
        /// Only the serializer's own errors.
        pub fn serialize<S: Serializer>(
            value: &Option<Decimal>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match value {
                Some(v) => decimal::serialize(v, s),
                None => s.serialize_none(),
            }
        }

        /// Reads `null`, a canonical string or a JSON integer; refuses JSON floats.
        ///
        /// # Errors
        ///
        /// A deserialization error naming the problem.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "decimal")] Decimal);
            Option::<Wrap>::deserialize(d).map(|o| o.map(|w| w.0))
        }
    }
}

#[cfg(feature = "serde")]
pub use serde_impls::{decimal, decimal_option};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_agree() {
        assert_eq!(Amount::tkr(1), Amount::kr(1_000));
        assert_eq!(Amount::mnkr(1), Amount::tkr(1_000));
        assert_eq!(
            Amount::tkr(i64::MIN).to_scale(Scale::Tkr),
            Decimal::from(i64::MIN)
        );
        assert_eq!(
            Amount::mnkr(i64::MAX).to_scale(Scale::Mnkr),
            Decimal::from(i64::MAX)
        );
    }

    #[test]
    fn canonical_text() {
        assert_eq!(Amount::kr(0).to_string(), "0.00");
        assert_eq!(
            Amount::new(Decimal::new(-0, 2)).unwrap().to_string(),
            "0.00"
        );
        assert_eq!("-0.00".parse::<Amount>().unwrap().to_string(), "0.00");
        assert_eq!("12.345".parse::<Amount>().unwrap().to_string(), "12.345");
        assert_eq!("+5".parse::<Amount>().unwrap(), Amount::kr(5));
    }

    #[test]
    fn parse_rejects_non_canonical() {
        for bad in [
            "", "-", "1,5", "1 000", "1e3", ".5", "5.", "12a", "−5", "0x10",
        ] {
            assert!(bad.parse::<Amount>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(
            Amount::MAX.checked_add(Amount::kr(1)),
            Err(Error::Overflow {
                operation: "addition"
            })
        );
        assert!(Amount::MIN.checked_sub(Amount::kr(1)).is_err());
        assert!(Amount::MAX.checked_mul(Decimal::TWO).is_err());
        assert!(Amount::from_scaled(Decimal::MAX, Scale::Tkr).is_err());
        assert!(Amount::checked_sum([Amount::MAX, Amount::MAX]).is_err());
    }

    #[test]
    fn ratio_by_zero_is_named() {
        let err = Amount::kr(1).checked_ratio(Amount::ZERO, "summa tillgångar");
        assert_eq!(
            err.unwrap_err().to_string(),
            "division by zero: summa tillgångar is zero"
        );
    }

    #[test]
    fn percent_of_and_round() {
        let p = Percent::of(Amount::tkr(6_373), Amount::tkr(29_663), "x").unwrap();
        assert_eq!(
            p.round(1, RoundingMode::HalfAwayFromZero),
            Percent::new(Decimal::new(215, 1))
        );
        assert_eq!(
            Percent::new(Decimal::new(233, 1)).to_fraction(),
            Decimal::new(233, 3)
        );
    }

    #[test]
    fn rounding_modes_on_negative_midpoints() {
        let x = Decimal::new(-25, 1);
        assert_eq!(
            RoundingMode::HalfAwayFromZero.round(x, 0),
            Decimal::from(-3)
        );
        assert_eq!(RoundingMode::HalfEven.round(x, 0), Decimal::from(-2));
        assert_eq!(RoundingMode::HalfTowardZero.round(x, 0), Decimal::from(-2));
        assert_eq!(RoundingMode::Floor.round(x, 0), Decimal::from(-3));
        assert_eq!(RoundingMode::Ceiling.round(x, 0), Decimal::from(-2));
        assert_eq!(
            RoundingMode::TowardZero.round(Decimal::new(-29, 1), 0),
            Decimal::from(-2)
        );
        assert_eq!(
            RoundingMode::AwayFromZero.round(Decimal::new(21, 1), 0),
            Decimal::from(3)
        );
        // Rounding a small negative to zero gives zero, not "-0".
        assert_eq!(
            RoundingMode::HalfAwayFromZero
                .round(Decimal::new(-4, 1), 0)
                .to_string(),
            "0"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_strings_and_refusals() {
        let a: Amount = "-1234567.50".parse().unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"-1234567.50\"");
        assert_eq!(
            serde_json::from_str::<Amount>("\"-1234567.50\"").unwrap(),
            a
        );
        assert_eq!(
            serde_json::from_str::<Amount>("12").unwrap(),
            Amount::kr(12)
        );
        let err = serde_json::from_str::<Amount>("12.5")
            .unwrap_err()
            .to_string();
        assert!(err.contains("binära flyttal"), "{err}");
        assert!(serde_json::from_str::<Amount>("\"1,5\"").is_err());
        let p: Percent = serde_json::from_str("\"23.3\"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"23.3\"");
    }
}
