//! Parsing of SIE values: belopp (amounts), datum (dates), perioder (periods).

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Parses an SIE amount (belopp) exactly: optional minus sign, digits, optional `.` and
/// decimals. `-0.00` becomes zero. A leading `+` or a decimal comma is accepted (the
/// caller reports it); anything else is `None`.
///
/// ```
/// use kommunal_redovisning::sie::parse_amount;
/// use kommunal_redovisning::Decimal;
/// assert_eq!(parse_amount(b"-1234.50"), Some(Decimal::new(-123450, 2)));
/// assert_eq!(parse_amount(b"-0.00"), Some(Decimal::ZERO));
/// assert_eq!(parse_amount(b"-0.00").map(|d| d.is_sign_negative()), Some(false));
/// assert_eq!(parse_amount(b"12x"), None);
/// ```
#[doc(alias = "belopp")]
#[must_use]
pub fn parse_amount(text: &[u8]) -> Option<Decimal> {
    let (neg, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        Some(_) => (false, text),
        None => return None,
    };
    if digits.is_empty() || digits.len() > 40 {
        return None;
    }
    if digits.len() <= 18 {
        // Fast path: at most 18 digits fit in an i64 without overflow checks. The
        // integer digits, then (after one `.` or `,`) the decimals.
        let mut m: i64 = 0;
        let mut it = digits.iter();
        let mut point = false;
        for &b in &mut it {
            let d = b.wrapping_sub(b'0');
            if d < 10 {
                m = m * 10 + i64::from(d);
            } else if b == b'.' || b == b',' {
                point = true;
                break;
            } else {
                return None;
            }
        }
        let mut scale = 0u32;
        if point {
            for &b in it {
                let d = b.wrapping_sub(b'0');
                if d < 10 {
                    m = m * 10 + i64::from(d);
                    scale += 1;
                } else {
                    return None;
                }
            }
        }
        if m == 0 {
            if !digits.iter().any(u8::is_ascii_digit) {
                return None;
            }
            return Some(Decimal::new(0, scale));
        }
        return Decimal::try_new(if neg { -m } else { m }, scale).ok();
    }
    let mut mantissa: i128 = 0;
    let mut scale: Option<u32> = None;
    let mut ndigits = 0u32;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i128::from(b - b'0'))?;
                ndigits += 1;
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b'.' | b',' if scale.is_none() => scale = Some(0),
            _ => return None,
        }
    }
    if ndigits == 0 {
        return None;
    }
    let scale = scale.unwrap_or(0);
    if mantissa == 0 {
        return Some(Decimal::new(0, scale.min(28)));
    }
    if neg {
        mantissa = -mantissa;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// A plain number split into its sign and digits: `-?digits[.digits]`, at most 17
/// characters after the sign (so the mantissa fits an `i64`). Each caller applies its
/// own rules to the parts.
struct PlainNumber {
    negative: bool,
    mantissa: i64,
    int_digits: u32,
    point: bool,
    decimals: u32,
}

#[inline]
fn scan_plain_number(text: &[u8]) -> Option<PlainNumber> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 17 {
        return None;
    }
    // The integer digits, then (after one `.`) the decimals.
    let mut mantissa: i64 = 0;
    let mut it = digits.iter();
    let mut int_digits = 0u32;
    let mut point = false;
    for &b in &mut it {
        let d = b.wrapping_sub(b'0');
        if d < 10 {
            mantissa = mantissa * 10 + i64::from(d);
            int_digits += 1;
        } else if b == b'.' {
            point = true;
            break;
        } else {
            return None;
        }
    }
    let mut decimals = 0u32;
    if point {
        for &b in it {
            let d = b.wrapping_sub(b'0');
            if d >= 10 {
                return None;
            }
            mantissa = mantissa * 10 + i64::from(d);
            decimals += 1;
        }
    }
    Some(PlainNumber {
        negative,
        mantissa,
        int_digits,
        point,
        decimals,
    })
}

/// The commonest amount, `-?digits[.d[d]]` (at most 17 characters after the sign), as
/// [`parse_amount`] reads it; `None` for anything else (a plus sign, a decimal comma,
/// more decimals, …), which the caller then reads with [`parse_amount`].
#[inline]
pub(crate) fn parse_plain_amount(text: &[u8]) -> Option<Decimal> {
    let n = scan_plain_number(text)?;
    if n.int_digits == 0 || (n.point && (n.decimals == 0 || n.decimals > 2)) {
        return None;
    }
    // From its parts (inlined, unlike `Decimal::new`): at most 17 digits fit in the low
    // two words; the scale is at most 2; a zero is never negative, as in `parse_amount`.
    let magnitude = n.mantissa.unsigned_abs();
    Some(Decimal::from_parts(
        (magnitude & 0xffff_ffff) as u32,
        (magnitude >> 32) as u32,
        0,
        n.negative && magnitude != 0,
        n.decimals,
    ))
}

/// Fast path for sums: an amount as hundredths (öre) when it has at most two decimals and
/// fits in an `i64`.
#[inline]
pub(crate) fn parse_cents(text: &[u8]) -> Option<i64> {
    let n = scan_plain_number(text)?;
    // `.` and `-.` hold no digit: not an amount (as in `parse_amount`).
    if n.int_digits == 0 && n.decimals == 0 {
        return None;
    }
    // Seventeen integer digits times 100 can leave the `i64`: then `None`, and the
    // caller takes the exact path.
    let v = match n.decimals {
        0 => n.mantissa.checked_mul(100)?,
        1 => n.mantissa.checked_mul(10)?,
        2 => n.mantissa,
        _ => return None,
    };
    Some(if n.negative { -v } else { v })
}

/// Result of parsing a date field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateParse {
    /// A valid `YYYYMMDD` date.
    Ok(NaiveDate),
    /// A valid ISO `YYYY-MM-DD` date.
    Iso(NaiveDate),
    /// `00000000`: no date.
    Zero,
    /// Not a date.
    Invalid,
}

pub(crate) fn parse_date(text: &[u8]) -> DateParse {
    let digits = |s: &[u8]| -> Option<u32> {
        if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        s.iter().try_fold(0u32, |acc, &b| {
            acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
    };
    let ymd = |y: Option<u32>, m: Option<u32>, d: Option<u32>| -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(i32::try_from(y?).ok()?, m?, d?)
    };
    match text.len() {
        8 => {
            if text.iter().all(|&b| b == b'0') {
                return DateParse::Zero;
            }
            match ymd(
                digits(text.get(0..4).unwrap_or_default()),
                digits(text.get(4..6).unwrap_or_default()),
                digits(text.get(6..8).unwrap_or_default()),
            ) {
                Some(d) => DateParse::Ok(d),
                None => DateParse::Invalid,
            }
        }
        10 if text.get(4) == Some(&b'-') && text.get(7) == Some(&b'-') => {
            match ymd(
                digits(text.get(0..4).unwrap_or_default()),
                digits(text.get(5..7).unwrap_or_default()),
                digits(text.get(8..10).unwrap_or_default()),
            ) {
                Some(d) => DateParse::Iso(d),
                None => DateParse::Invalid,
            }
        }
        _ => DateParse::Invalid,
    }
}

/// Formats a date as SIE `YYYYMMDD`.
pub(crate) fn format_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// Period (`ÅÅÅÅMM`): a calendar year and month, as #PSALDO and #PBUDGET use them.
///
/// ```
/// use kommunal_redovisning::sie::YearMonth;
/// let p: YearMonth = "202506".parse()?;
/// assert_eq!((p.year, p.month), (2025, 6));
/// assert_eq!(p.to_string(), "202506");
/// assert!("202513".parse::<YearMonth>().is_err());
/// # Ok::<(), String>(())
/// ```
#[doc(alias = "period")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct YearMonth {
    /// Calendar year.
    pub year: u16,
    /// Calendar month 1–12.
    pub month: u8,
}

impl YearMonth {
    pub(crate) fn parse_bytes(text: &[u8]) -> Option<YearMonth> {
        if text.len() != 6 || !text.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |s: &[u8]| {
            s.iter()
                .fold(0u16, |acc, &b| acc * 10 + u16::from(b - b'0'))
        };
        let year = num(text.get(0..4)?);
        let month = u8::try_from(num(text.get(4..6)?)).ok()?;
        if (1..=12).contains(&month) {
            Some(YearMonth { year, month })
        } else {
            None
        }
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for YearMonth {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        YearMonth::parse_bytes(s.as_bytes())
            .ok_or_else(|| format!("ogiltig period {s:?}, väntade ÅÅÅÅMM"))
    }
}

#[cfg(test)]
mod cents_tests {
    use super::*;

    #[test]
    fn seventeen_integer_digits_do_not_overflow_the_cents() {
        assert_eq!(parse_cents(b"99999999999999999"), None);
        assert_eq!(parse_cents(b"-99999999999999999"), None);
        // i64::MAX is 9 223 372 036 854 775 807 öre.
        assert_eq!(parse_cents(b"92233720368547759"), None);
        assert_eq!(
            parse_cents(b"92233720368547758"),
            Some(9_223_372_036_854_775_800)
        );
        assert_eq!(parse_cents(b"-12.5"), Some(-1_250));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount(b"100"), Some(Decimal::new(100, 0)));
        assert_eq!(parse_amount(b"1.5"), Some(Decimal::new(15, 1)));
        assert_eq!(parse_amount(b"-"), None);
        assert_eq!(parse_amount(b"."), None);
        assert_eq!(parse_amount(b"1.2.3"), None);
        assert_eq!(parse_cents(b"-12.5"), Some(-1250));
        assert_eq!(parse_cents(b"7"), Some(700));
        assert_eq!(parse_cents(b"1.234"), None);
        // Edge cases, read as parse_amount reads them.
        assert_eq!(parse_cents(b"12."), Some(1200));
        assert_eq!(parse_cents(b".5"), Some(50));
        // Regression: `.` was read as 0 by the byte-path sums, while the reader drops it.
        assert_eq!(parse_cents(b"."), None);
        assert_eq!(parse_cents(b"-."), None);
        assert_eq!(parse_cents(b"-0.07"), Some(-7));
        assert_eq!(parse_cents(b"1.2.3"), None);
        assert_eq!(parse_cents(b"1,5"), None);
        assert_eq!(parse_cents(b"-"), None);
        assert_eq!(parse_cents(b""), None);
        assert_eq!(
            parse_cents(b"99999999999999.99"),
            Some(9_999_999_999_999_999)
        );
    }

    #[test]
    fn plain_amounts_as_parse_amount_reads_them() {
        let cases = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "-0.0",
            "1",
            "-1",
            "12.5",
            "-12.50",
            "007.10",
            "99999999999999.99",
            "-9999999999999999",
            "99999999999999999",
            "1.",
            ".5",
            "-",
            "",
            "+1",
            "1,5",
            "1.234",
            "1..2",
            "1.2.",
            "--1",
            "1-",
            "12x",
            "1e5",
            "٣",
        ];
        for c in cases {
            let plain = parse_plain_amount(c.as_bytes());
            let full = parse_amount(c.as_bytes());
            if let Some(p) = plain {
                let f = full.unwrap();
                assert_eq!(p, f, "{c}");
                assert_eq!(p.scale(), f.scale(), "{c}");
                assert_eq!(p.is_sign_negative(), f.is_sign_negative(), "{c}");
                assert!(f.scale() <= 2 && !c.contains(['+', ',']), "{c}");
            }
        }
        assert_eq!(parse_plain_amount(b"-0.00"), Some(Decimal::new(0, 2)));
        assert_eq!(parse_plain_amount(b"-12.50"), Some(Decimal::new(-1250, 2)));
        assert_eq!(parse_plain_amount(b"1.234"), None);
    }

    #[test]
    fn dates() {
        assert!(matches!(parse_date(b"20250630"), DateParse::Ok(_)));
        assert!(matches!(parse_date(b"2025-06-30"), DateParse::Iso(_)));
        assert_eq!(parse_date(b"00000000"), DateParse::Zero);
        assert_eq!(parse_date(b"20250230"), DateParse::Invalid);
        assert_eq!(parse_date(b"2025063"), DateParse::Invalid);
    }
}

/// Kontonummer: `true` when `account` is a valid account number — one to ten ASCII
/// digits. SIE 4 defines account numbers as numeric; BAS and Kommun-Bas use four
/// digits, some systems five or six. Anything else (empty, letters, a sign, twenty
/// digits) cannot be placed in a chart of accounts.
///
/// ```
/// use kommunal_redovisning::sie::is_account_number;
/// assert!(is_account_number("1930"));
/// assert!(is_account_number("193012"));
/// for bad in ["", "50AF", "-5010", "12345678901234567890", " 1930"] {
///     assert!(!is_account_number(bad), "{bad:?}");
/// }
/// ```
#[doc(alias = "kontonummer")]
#[must_use]
pub fn is_account_number(account: &str) -> bool {
    (1..=10).contains(&account.len()) && account.bytes().all(|b| b.is_ascii_digit())
}
