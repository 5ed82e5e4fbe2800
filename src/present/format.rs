//! Swedish number formatting (talformat): `−1 234 567,5`, `23,3 %`.

use rust_decimal::Decimal;

use crate::money::{Amount, Percent, RoundingMode, Scale};

/// The sign put before negative numbers (minustecken).
///
/// Swedish typography wants a true minus sign (U+2212); machine formats such as CSV
/// want the ASCII hyphen-minus; some reports print an en dash.
///
/// ```
/// use kommunal_redovisning::{Amount, MinusSign, NumberFormat, Scale};
///
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Revision's budget, −195 tkr.
/// let revision = Amount::tkr(-195);
/// assert_eq!(NumberFormat::swedish().amount(revision, Scale::Tkr), "\u{2212}195");
/// let csv = NumberFormat::swedish().with_minus(MinusSign::Hyphen);
/// assert_eq!(csv.amount(revision, Scale::Tkr), "-195");
/// assert_eq!(MinusSign::EnDash.as_char(), '\u{2013}');
/// ```
#[doc(alias = "minustecken")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MinusSign {
    /// `−` U+2212 MINUS SIGN (the default).
    #[default]
    Unicode,
    /// `-` U+002D HYPHEN-MINUS, for CSV, spreadsheets and other programs.
    Hyphen,
    /// `–` U+2013 EN DASH, as some printed reports use.
    EnDash,
}

impl MinusSign {
    /// The character.
    #[must_use]
    pub fn as_char(self) -> char {
        match self {
            MinusSign::Unicode => '\u{2212}',
            MinusSign::Hyphen => '-',
            MinusSign::EnDash => '\u{2013}',
        }
    }
}

/// How numbers are written (talformat): Swedish by default.
///
/// The default writes `−1 234 567` — a non-breaking space (U+00A0) between thousands,
/// decimal comma, true minus sign (U+2212), no decimals, rounding half away from zero —
/// and percentages as `23,3 %` with a non-breaking space before the sign.
///
/// Formatting rounds on the way out and never changes the value it is given; rounding
/// a whole table so that it foots is a separate step.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::{Amount, NumberFormat, Percent, Scale};
/// use kommunal_redovisning::Decimal;
///
/// let sv = NumberFormat::swedish();
/// assert_eq!(sv.amount(Amount::kr(-1_234_567), Scale::Tkr), "\u{2212}1\u{a0}235");
/// assert_eq!(sv.with_decimals(1).percent(Percent::new(Decimal::new(23_26, 2))), "23,3\u{a0}%");
/// assert_eq!(NumberFormat::machine().with_decimals(2).amount(Amount::kr(-1_234_567), Scale::Kr), "-1234567.00");
/// ```
#[doc(alias = "talformat")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NumberFormat {
    /// The thousands separator (tusentalsavgränsare); `None` for no grouping.
    pub group_separator: Option<char>,
    /// Group only numbers whose integer part has at least this many digits: 4 writes
    /// `1 234` (the CLDR rule), 5 writes `1234` but `12 345` (a common house style).
    pub min_grouping_digits: u8,
    /// The decimal separator (decimaltecken).
    pub decimal_separator: char,
    /// The sign before negative numbers.
    pub minus: MinusSign,
    /// Decimals shown.
    pub decimals: u32,
    /// How values are rounded to `decimals`.
    pub rounding: RoundingMode,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat::swedish()
    }
}

impl NumberFormat {
    /// Swedish presentation: `−1 234 567`, no decimals, half away from zero.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: tillgångar totalt 36 631 tkr.
    /// let sv = NumberFormat::swedish();
    /// assert_eq!(sv.amount(Amount::tkr(36_631), Scale::Tkr), "36\u{a0}631");
    /// assert_eq!(sv.amount(Amount::tkr(36_631), Scale::Kr), "36\u{a0}631\u{a0}000");
    /// ```
    #[must_use]
    pub const fn swedish() -> Self {
        NumberFormat {
            group_separator: Some('\u{a0}'),
            min_grouping_digits: 4,
            decimal_separator: ',',
            minus: MinusSign::Unicode,
            decimals: 0,
            rounding: RoundingMode::HalfAwayFromZero,
        }
    }

    /// Machine form for CSV and other programs: `-1234567.5` (no grouping, ASCII
    /// minus, decimal point).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Revision −195 tkr, Totalt 1 374 tkr.
    /// let csv = NumberFormat::machine();
    /// assert_eq!(csv.amount(Amount::tkr(-195), Scale::Tkr), "-195");
    /// assert_eq!(csv.amount(Amount::tkr(1_374), Scale::Kr), "1374000");
    /// ```
    #[must_use]
    pub const fn machine() -> Self {
        NumberFormat {
            group_separator: None,
            min_grouping_digits: 4,
            decimal_separator: '.',
            minus: MinusSign::Hyphen,
            decimals: 0,
            rounding: RoundingMode::HalfAwayFromZero,
        }
    }

    /// The same format with `decimals` decimals.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale, ratio};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: soliditet 23,3 % and the 15 mkr loan.
    /// let soliditet = ratio::equity_ratio(Amount::tkr(8_521), Amount::tkr(36_631))?;
    /// let sv1 = NumberFormat::swedish().with_decimals(1);
    /// assert_eq!(sv1.percent(soliditet), "23,3\u{a0}%");
    /// assert_eq!(sv1.amount(Amount::mnkr(15), Scale::Mnkr), "15,0");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub const fn with_decimals(mut self, decimals: u32) -> Self {
        self.decimals = decimals;
        self
    }

    /// The same format with another minus sign.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, MinusSign, NumberFormat, Scale};
    ///
    /// // A report that prints its minus signs as en dashes (Lystkom's Revision, −195 tkr).
    /// let dash = NumberFormat::swedish().with_minus(MinusSign::EnDash);
    /// assert_eq!(dash.amount(Amount::tkr(-195), Scale::Tkr), "\u{2013}195");
    /// ```
    #[must_use]
    pub const fn with_minus(mut self, minus: MinusSign) -> Self {
        self.minus = minus;
        self
    }

    /// The same format with another thousands separator (`None`: no grouping).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: tillgångar totalt 36 631 tkr.
    /// let assets = Amount::tkr(36_631);
    /// let plain_space = NumberFormat::swedish().with_group_separator(Some(' '));
    /// assert_eq!(plain_space.amount(assets, Scale::Tkr), "36 631");
    /// let ungrouped = NumberFormat::swedish().with_group_separator(None);
    /// assert_eq!(ungrouped.amount(assets, Scale::Tkr), "36631");
    /// ```
    #[must_use]
    pub const fn with_group_separator(mut self, separator: Option<char>) -> Self {
        self.group_separator = separator;
        self
    }

    /// The same format with another decimal separator.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.5: tillgångar totalt 36 631 tkr, in mnkr.
    /// let point = NumberFormat::swedish().with_decimals(1).with_decimal_separator('.');
    /// assert_eq!(point.amount(Amount::tkr(36_631), Scale::Mnkr), "36.6");
    /// ```
    #[must_use]
    pub const fn with_decimal_separator(mut self, separator: char) -> Self {
        self.decimal_separator = separator;
        self
    }

    /// The same format with another rounding mode.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: IT's prognos 958 tkr, in mnkr.
    /// let it = Amount::tkr(958);
    /// let sv1 = NumberFormat::swedish().with_decimals(1);
    /// assert_eq!(sv1.amount(it, Scale::Mnkr), "1,0");
    /// assert_eq!(sv1.with_rounding(RoundingMode::TowardZero).amount(it, Scale::Mnkr), "0,9");
    /// ```
    #[must_use]
    pub const fn with_rounding(mut self, rounding: RoundingMode) -> Self {
        self.rounding = rounding;
        self
    }

    /// A decimal number, rounded to [`decimals`](Self::decimals).
    ///
    /// ```
    /// # use kommunal_redovisning::NumberFormat;
    /// use kommunal_redovisning::Decimal;
    /// let sv = NumberFormat::swedish().with_decimals(1);
    /// assert_eq!(sv.decimal(Decimal::new(-10_366, 1)), "\u{2212}1\u{a0}036,6");
    /// assert_eq!(sv.decimal(Decimal::new(-4, 2)), "0,0"); // no "−0,0"
    /// ```
    #[must_use]
    pub fn decimal(&self, value: Decimal) -> String {
        let mut rounded = self.rounding.round(value, self.decimals);
        rounded.rescale(self.decimals);
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let digits = rounded.abs().to_string();
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits.as_str(), ""),
        };
        let mut out = String::with_capacity(digits.len() + int.len() / 3 + 4);
        if negative {
            out.push(self.minus.as_char());
        }
        push_grouped(
            &mut out,
            int,
            self.group_separator,
            self.min_grouping_digits,
        );
        if !frac.is_empty() {
            out.push(self.decimal_separator);
            out.push_str(frac);
        }
        out
    }

    /// An amount in the given scale (`Scale::Tkr` prints 8 521 000 kr as `8 521`).
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// assert_eq!(NumberFormat::swedish().amount(Amount::tkr(36_631), Scale::Tkr), "36\u{a0}631");
    /// ```
    #[must_use]
    pub fn amount(&self, amount: Amount, scale: Scale) -> String {
        self.decimal(amount.to_scale(scale))
    }

    /// A percentage with a non-breaking space before the sign: `23,3 %`.
    ///
    /// ```
    /// # use kommunal_redovisning::{NumberFormat, Percent};
    /// use kommunal_redovisning::Decimal;
    /// assert_eq!(NumberFormat::swedish().percent(Percent::HUNDRED), "100\u{a0}%");
    /// ```
    #[must_use]
    pub fn percent(&self, percent: Percent) -> String {
        let mut s = self.decimal(percent.as_decimal());
        s.push('\u{a0}');
        s.push('%');
        s
    }
}

fn push_grouped(out: &mut String, int: &str, separator: Option<char>, min_digits: u8) {
    let len = int.len();
    match separator {
        Some(sep) if len >= usize::from(min_digits.max(1)) => {
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (len - i) % 3 == 0 {
                    out.push(sep);
                }
                out.push(c);
            }
        }
        _ => out.push_str(int),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn swedish_grouping_and_signs() {
        let sv = NumberFormat::swedish();
        assert_eq!(sv.decimal(d("0")), "0");
        assert_eq!(sv.decimal(d("999")), "999");
        assert_eq!(sv.decimal(d("1234")), "1\u{a0}234");
        assert_eq!(sv.decimal(d("-1234567")), "\u{2212}1\u{a0}234\u{a0}567");
        assert_eq!(sv.decimal(d("123456")), "123\u{a0}456");
        assert_eq!(sv.decimal(d("2.5")), "3");
        assert_eq!(sv.decimal(d("-2.5")), "\u{2212}3");
        assert_eq!(sv.decimal(d("-0.4")), "0");
    }

    #[test]
    fn options() {
        let f = NumberFormat::swedish()
            .with_minus(MinusSign::Hyphen)
            .with_group_separator(Some(' '))
            .with_decimals(2);
        assert_eq!(f.decimal(d("-1234.5")), "-1 234,50");
        let five = NumberFormat {
            min_grouping_digits: 5,
            ..NumberFormat::swedish()
        };
        assert_eq!(five.decimal(d("5587")), "5587");
        assert_eq!(five.decimal(d("55870")), "55\u{a0}870");
        assert_eq!(
            NumberFormat::swedish()
                .with_minus(MinusSign::EnDash)
                .decimal(d("-5")),
            "\u{2013}5"
        );
        assert_eq!(
            NumberFormat::swedish()
                .with_rounding(RoundingMode::HalfEven)
                .decimal(d("2.5")),
            "2"
        );
    }

    #[test]
    fn scales_and_percent() {
        let sv = NumberFormat::swedish();
        assert_eq!(sv.amount(Amount::mnkr(15), Scale::Mnkr), "15");
        assert_eq!(
            sv.amount(Amount::tkr(15_000), Scale::Kr),
            "15\u{a0}000\u{a0}000"
        );
        assert_eq!(
            sv.with_decimals(1).percent(Percent::new(d("5"))),
            "5,0\u{a0}%"
        );
        assert_eq!(
            NumberFormat::machine()
                .with_decimals(1)
                .decimal(d("-1036.55")),
            "-1036.6"
        );
    }
}
