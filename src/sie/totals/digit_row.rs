//! The commonest voucher row read straight from its bytes: `#TRANS`, a digit account,
//! digit objects and an amount in öre, without a token list.

use super::super::lexer::PLAIN_PAIRS;

impl DigitRow {
    /// A row with empty fields, to read into.
    pub(crate) const EMPTY: DigitRow = DigitRow {
        account: 0,
        account_len: 0,
        pairs: [(0, 0); PLAIN_PAIRS],
        pairs_len: 0,
        cents: 0,
        decimals: Decimals::NONE,
        end: 0,
    };
}

/// The decimals an amount is written with, 0 to 2, as the two bits 00, 01 or 11 at the
/// top of a word: or-ing two gives the larger, and the summing mode's sums keep them so
/// beside their count of rows. The row readers set one of the three constants, so that
/// nothing is computed from a number of decimals for each sum a row adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimals(u64);

impl Decimals {
    /// No decimals.
    pub(crate) const NONE: Decimals = Decimals(0);
    /// One decimal.
    pub(crate) const ONE: Decimals = Decimals(1 << 62);
    /// Two decimals.
    pub(crate) const TWO: Decimals = Decimals(3 << 62);

    /// `scale` decimals, for 0 to 2; `None` for more.
    #[cfg(test)]
    pub(crate) fn of(scale: u32) -> Option<Decimals> {
        match scale {
            0 => Some(Decimals::NONE),
            1 => Some(Decimals::ONE),
            2 => Some(Decimals::TWO),
            _ => None,
        }
    }

    /// The bits, at the top of a word.
    #[inline(always)]
    pub(crate) fn bits(self) -> u64 {
        self.0
    }

    /// The number of decimals of bits at the top of `word` (as [`Decimals::bits`] puts
    /// them; the rest of the word is not looked at).
    #[inline(always)]
    pub(crate) fn scale_of(word: u64) -> u32 {
        (word >> 62).count_ones()
    }
}

/// The head of a `#TRANS` row of digits only, as [`digit_row_head`] reads it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DigitRow {
    /// The account's key (as [`Keys::key`](super::Keys::key) gives it).
    pub(crate) account: u64,
    /// The account number's length.
    pub(crate) account_len: usize,
    /// (dimension, object key) pairs, `..pairs_len` of them.
    pub(crate) pairs: [(u32, u64); PLAIN_PAIRS],
    pub(crate) pairs_len: usize,
    /// The amount in öre.
    pub(crate) cents: i64,
    /// The amount's decimals as written (0 to 2).
    pub(crate) decimals: Decimals,
    /// The position after the amount.
    pub(crate) end: usize,
}

/// A run of 1 to `max` ASCII digits at `i`: its value, as a [`Keys`](super::Keys) key
/// when `max` is at most 15 (length in the top byte), and the position after it.
#[inline(always)]
fn digits_at(line: &[u8], mut i: usize, max: usize) -> Option<(u64, usize, usize)> {
    let start = i;
    let mut v = 0u64;
    while let Some(&b) = line.get(i) {
        let d = b.wrapping_sub(b'0');
        if d >= 10 {
            break;
        }
        v = v * 10 + u64::from(d);
        i += 1;
        if i - start > max {
            return None;
        }
    }
    let len = i - start;
    if len == 0 {
        return None;
    }
    Some((v, len, i))
}

#[inline(always)]
fn spaces(line: &[u8], mut i: usize) -> usize {
    while line.get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

/// `#TRANS account {dim obj …} amount` up to the amount's end, where the account
/// (1 to `account_max` digits, at most 15), dimensions (1 to 9) and objects (1 to 15, bare
/// or quoted) are digit strings, the fields are separated by spaces and the amount is
/// `-?digits[.d[d]]` with at most 14 integer digits. What follows is not read: the
/// callers decide what may end the amount.
#[inline(always)]
pub(crate) fn digit_row_head(line: &[u8], account_max: usize) -> Option<DigitRow> {
    let mut row = DigitRow::EMPTY;
    digit_row_head_into(line, account_max, &mut row)?;
    Some(row)
}

/// [`digit_row_head`] into `row` (whose old fields are overwritten; on `None` it holds
/// nothing of use), so that a caller keeping rows need not copy them.
#[inline(always)]
pub(crate) fn digit_row_head_into(
    line: &[u8],
    account_max: usize,
    row: &mut DigitRow,
) -> Option<()> {
    let rest = line.strip_prefix(b"#TRANS ")?;
    let mut i = 7 + (spaces(rest, 0));
    let (v, account_len, e) = digits_at(line, i, account_max.min(15))?;
    let account = ((account_len as u64) << 56) | v;
    if line.get(e) != Some(&b' ') {
        return None;
    }
    i = spaces(line, e);
    if line.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let pairs = &mut row.pairs;
    let mut pairs_len = 0usize;
    loop {
        i = spaces(line, i);
        if line.get(i) == Some(&b'}') {
            i += 1;
            break;
        }
        let (dim, _, e) = digits_at(line, i, 9)?;
        if line.get(e) != Some(&b' ') {
            return None;
        }
        i = spaces(line, e);
        let quoted = line.get(i) == Some(&b'"');
        let (v, len, e) = digits_at(line, i + usize::from(quoted), 15)?;
        i = e;
        if quoted {
            if line.get(i) != Some(&b'"') {
                return None;
            }
            i += 1;
        }
        if !matches!(line.get(i), Some(&b' ' | &b'}')) {
            return None;
        }
        *pairs.get_mut(pairs_len)? = (u32::try_from(dim).ok()?, ((len as u64) << 56) | v);
        pairs_len += 1;
    }
    if line.get(i) != Some(&b' ') {
        return None;
    }
    i = spaces(line, i);
    let negative = line.get(i) == Some(&b'-');
    i += usize::from(negative);
    // At most 14 integer digits: with a point and two decimals, the 17 characters
    // `parse_cents` takes.
    let (int, _, e) = digits_at(line, i, 14)?;
    i = e;
    let mut cents = i64::try_from(int).ok()? * 100;
    let mut decimals = Decimals::NONE;
    if line.get(i) == Some(&b'.') {
        let d1 = line.get(i + 1)?.wrapping_sub(b'0');
        if d1 >= 10 {
            return None;
        }
        cents += i64::from(d1) * 10;
        decimals = Decimals::ONE;
        i += 2;
        if let Some(d2) = line
            .get(i)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|&d| d < 10)
        {
            cents += i64::from(d2);
            decimals = Decimals::TWO;
            i += 1;
        }
    }
    row.account = account;
    row.account_len = account_len;
    row.pairs_len = pairs_len;
    row.cents = if negative { -cents } else { cents };
    row.decimals = decimals;
    row.end = i;
    Some(())
}

/// The fastest lane of the sums: [`digit_row_head`] with an account of up to 15 digits,
/// the amount ending at a separator (a space or control byte) or the line end. Anything
/// else is `None` and takes the general route, so a row read here gives exactly the keys
/// and amount [`scan_plain_row_head`](crate::sie::lexer::scan_plain_row_head),
/// [`Keys::key`](super::Keys::key) and [`parse_cents`](crate::sie::value::parse_cents)
/// would give (the equivalence tests hold both routes equal). What follows the amount
/// is not read.
#[inline(always)]
pub(super) fn digit_row(line: &[u8], row: &mut DigitRow) -> Option<()> {
    digit_row_head_into(line, 15, row)?;
    if line.get(row.end).is_some_and(|&b| b > b' ' && b != 0x7f) {
        return None;
    }
    Some(())
}
