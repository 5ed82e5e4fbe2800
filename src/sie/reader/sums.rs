//! Summing mode: plain voucher rows summed as they are read, without building rows.
//!
//! [`crate::ledger::SieLedger`] needs, of a voucher's rows, only the sums per account
//! and per (dimension, object, account). In summing mode the reader checks a plain row
//! exactly as it does in its plain lane (every field read without a diagnostic) and,
//! when the account and objects are digit strings and the amount has at most two
//! decimals, adds the amount in öre to [`PlainSums`] instead of building a [`Row`]. Every
//! diagnostic of the voucher is still made (the balance check counts these rows), so the
//! diagnostics are exactly those of the ordinary reading; a voucher whose rows were all
//! summed is not handed out as a record.
//!
//! Two lanes feed the sums: [`State::sum_lane`], tried first on every row line, reads a
//! row of the commonest shape whole without tokenizing ([`summable_row`]); the plain
//! lane's rows that it leaves go through [`State::sum_plain_row`] after the plain lane
//! has checked them. Rows neither takes are built as usual.

use super::super::lexer::{PLAIN_PAIRS, eight_digits_at, first_flagged_wide, quotes_or_newlines};
use super::super::totals::{
    Acc, AccountTable, Decimals, DigitRow, FastHashMap, ObjectKey, digit_row_head,
    digit_row_head_into,
};
use super::*;

/// The sum of a key's rows in öre, how many rows, and the most decimals an amount had
/// (so that the sum is given with the scale that adding the amounts as decimals gives).
///
/// Three words, 24 bytes aligned to 8 (an `i128` field would align the cell, and each
/// map entry with it, to 16, and make it 32): more cells share a cache line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SumCell {
    /// The sum in öre.
    sum: Acc,
    /// The rows in the low 62 bits; the most decimals (0 to 2) in the top two, as
    /// [`Decimals`] puts them.
    meta: u64,
}

/// The rows' part of [`SumCell::meta`].
const ROWS: u64 = (1 << 62) - 1;

impl SumCell {
    /// The sum in öre.
    #[inline(always)]
    pub(crate) fn ore(self) -> i128 {
        self.sum.cents()
    }

    /// How many rows were added.
    pub(crate) fn rows(self) -> u64 {
        self.meta & ROWS
    }

    /// The most decimals an amount had.
    pub(crate) fn scale(self) -> u32 {
        Decimals::scale_of(self.meta)
    }

    /// Adds a row; whether the sum is still within 10¹⁹ kr, checked only when `check`
    /// (otherwise it is known to be).
    #[inline]
    fn add(&mut self, ore: i128, decimals: Decimals, check: bool) -> bool {
        self.sum.add(ore);
        // A file cannot hold 2⁶² rows: the count never reaches the decimals' bits.
        self.meta = (self.meta + 1) | decimals.bits();
        !check || self.ore().unsigned_abs() <= LIMIT_ORE
    }

    fn merge(&mut self, other: SumCell) {
        self.sum.add(other.ore());
        let rows = self.rows().saturating_add(other.rows()).min(ROWS);
        self.meta = rows | (self.meta & !ROWS) | (other.meta & !ROWS);
    }

    /// The sum as a decimal with the scale the amounts had.
    pub(crate) fn amount(self) -> Option<Decimal> {
        let d = Decimal::try_from_i128_with_scale(self.ore(), 2).ok()?;
        let mut r = d;
        r.rescale(self.scale());
        // Rescaling to fewer decimals is exact here (every term had at most `scale`).
        (r == d).then_some(r)
    }
}

/// 10¹⁹ kr in öre: the bound of [`crate::Amount`] (sums beyond it are an error).
const LIMIT_ORE: u128 = 1_000_000_000_000_000_000_000;

/// Sums of the rows read in summing mode. Keys are digit strings of at most 15 digits
/// as `(length << 56) | value`, so leading zeros stay distinct.
#[derive(Debug, Default)]
pub(crate) struct PlainSums {
    pub(crate) accounts: AccountSums,
    pub(crate) objects: FastHashMap<ObjectKey, SumCell>,
    /// The first sum to pass 10¹⁹ kr: its account key and the `#VER` line.
    pub(crate) overflow: Option<(u64, u64)>,
    /// The sum of the rows' absolute amounts in öre: a bound on every partial sum, so
    /// that sums of stretches read apart can be merged knowing that no running sum
    /// passed 10¹⁹ kr ([`super::Paused::absorb`]).
    pub(crate) abs_ore: u128,
    /// The rows of the voucher being read whole ([`State::summed_vouchers`]), kept
    /// for their allocation.
    pub(super) block: Vec<DigitRow>,
}

impl PlainSums {
    /// Adds `other`'s sums to these.
    pub(crate) fn merge(&mut self, other: &PlainSums) {
        self.accounts.merge(&other.accounts);
        for (&k, c) in &other.objects {
            // A sum [`PlainSums::empty`] kept for its key adds nothing and makes nothing.
            if c.rows() > 0 {
                self.objects.entry(k).or_default().merge(*c);
            }
        }
        self.overflow = self.overflow.or(other.overflow);
        self.abs_ore = self.abs_ore.saturating_add(other.abs_ore);
    }

    /// Empties these sums for the next stretch a thread reads. The object sums keep
    /// their keys, with no rows, when the stretch used most of them: the next stretch
    /// (of the same ledger, mostly the same objects) then finds its keys instead of
    /// making them and growing the table again; on a generated ledger a stretch's
    /// thread reads about 4 % faster. A table mostly of unused keys is made anew, so it
    /// holds at most twice the keys one stretch uses.
    pub(crate) fn empty(&mut self) {
        let mut used = 0usize;
        for cell in self.objects.values_mut() {
            used += usize::from(cell.rows() > 0);
            *cell = SumCell::default();
        }
        if used < self.objects.len() / 2 {
            self.objects = FastHashMap::with_capacity_and_hasher(used, Default::default());
        }
        self.accounts = AccountSums::default();
        self.overflow = None;
        self.abs_ore = 0;
    }
}

/// The sums per account of [`PlainSums`].
pub(crate) type AccountSums = AccountTable<SumCell>;

impl AccountSums {
    /// Adds a row to the sum of `key` (see [`SumCell::add`]).
    #[inline(always)]
    fn add(&mut self, key: u64, ore: i128, decimals: Decimals, check: bool) -> bool {
        self.update(key, |cell| cell.add(ore, decimals, check))
    }

    fn merge(&mut self, other: &AccountSums) {
        for (k, c) in other.iter() {
            self.update(k, |cell| cell.merge(*c));
        }
    }
}

/// A digit string of 1 to `max` digits as a key, or `None`.
#[inline]
pub(crate) fn digit_key(bytes: &[u8], max: usize) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > max {
        return None;
    }
    let mut v = 0u64;
    for &b in bytes {
        let d = b.wrapping_sub(b'0');
        if d >= 10 {
            return None;
        }
        v = v * 10 + u64::from(d);
    }
    Some(((bytes.len() as u64) << 56) | v)
}

/// The digit string of a key.
pub(crate) fn key_text(key: u64) -> String {
    KeyText::new(key).as_str().to_owned()
}

/// The digit string of a key, written on the stack: [`key_text`] without an allocation
/// (this runs once per sum, and a large ledger has millions).
pub(crate) struct KeyText {
    /// The digits, right-aligned at `END`.
    digits: [u8; KeyText::END],
    /// Where they start.
    start: usize,
}

impl KeyText {
    /// Room for the longest text a key gives: a length of up to 127 digits.
    const END: usize = 128;

    /// The text of `key`: its value with leading zeros to its length, as `digit_key`
    /// made it (for a key it did not make, a value longer than its length is written
    /// whole, as the formatter writes `{value:0len$}`).
    pub(crate) fn new(key: u64) -> Self {
        let len = usize::try_from((key >> 56) & 0x7f).unwrap_or(0);
        let mut value = key & ((1 << 56) - 1);
        let mut digits = [b'0'; KeyText::END];
        let mut start = KeyText::END;
        // Written from the last digit, without the formatting machinery.
        while value > 0 || KeyText::END - start < len {
            let Some(d) = start.checked_sub(1).and_then(|at| digits.get_mut(at)) else {
                break;
            };
            *d = b'0' + (value % 10) as u8;
            value /= 10;
            start -= 1;
        }
        KeyText { digits, start }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        // Always valid: ASCII digits.
        let digits = self.digits.get(self.start..).unwrap_or_default();
        std::str::from_utf8(digits).unwrap_or_default()
    }
}

impl AsRef<str> for KeyText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl State {
    /// In summing mode, adds a plain row of the open voucher `v` to the sums; false, with
    /// nothing changed, when the row does not fit (the caller then builds the row).
    pub(super) fn sum_plain_row(
        &mut self,
        v: &mut OpenVoucher,
        line: &[u8],
        amount: Decimal,
    ) -> bool {
        let p = &self.plain;
        let Some(account) = digit_key(p.account.bytes(line), 10) else {
            return false;
        };
        let mut objects = [(0u32, 0u64); PLAIN_PAIRS];
        for (slot, (dimension, t)) in objects.iter_mut().zip(p.pairs.iter().take(p.pairs_len)) {
            // A quoted object with spaces or escapes is not a plain digit string.
            if t.kind == TokKind::Escaped {
                return false;
            }
            let Some(object) = digit_key(t.bytes(line), 15) else {
                return false;
            };
            *slot = (*dimension, object);
        }
        let Some(sums) = self.sums.as_deref_mut() else {
            return false;
        };
        let (ore, decimals) = match amount.scale() {
            0 => (amount.mantissa() * 100, Decimals::NONE),
            1 => (amount.mantissa() * 10, Decimals::ONE),
            2 => (amount.mantissa(), Decimals::TWO),
            _ => return false,
        };
        let (pairs_len, account_len) = (p.pairs_len, p.account.bytes(line).len());
        let objects = objects.get(..pairs_len).unwrap_or_default();
        add_row(sums, v, account, account_len, objects, ore, decimals);
        true
    }

    /// The summing lane, tried first for every line of an open voucher in summing mode:
    /// a row that [`summable_row`] reads whole (digit account and objects, an amount of
    /// at most two decimals, then at most a date and a plain text) is summed without
    /// tokenizing. False, with nothing changed, for anything else: the plain lane and
    /// then the ordinary reading take it.
    pub(super) fn sum_lane(&mut self, ln: u64, line: &[u8], window: &[u8]) -> bool {
        if self.sums.is_none() || !self.plain_rows || matches!(self.checksum, Checksum::Running(_))
        {
            return false;
        }
        let Some(row) = summable_row(line) else {
            return false;
        };
        let max = self.opts.max_voucher_bytes;
        if !self.voucher.as_ref().is_some_and(|v| {
            v.in_block
                && v.after_rtrans.is_none()
                && v.skipped == 0
                && v.bytes.saturating_add(line.len() * 2 + 512) <= max
        }) {
            return false;
        }
        if let Some(raw) = row.date {
            if self.plain_date(raw).is_none() {
                return false;
            }
        }
        let idx = Label::Trans as usize;
        if let Some(c) = self.counts.get_mut(idx) {
            if *c == 0 {
                if let Some(f) = self.first_line.get_mut(idx) {
                    *f = ln;
                }
            }
            *c += 1;
        }
        if self.encoding.is_none() && !row.text.is_ascii() {
            // As decoding the text would.
            self.ensure_encoding(ln, window);
        }
        let (Some(v), Some(sums)) = (self.voucher.as_deref_mut(), self.sums.as_deref_mut()) else {
            return false;
        };
        let h = &row.head;
        let objects = h.pairs.get(..h.pairs_len).unwrap_or_default();
        let ore = i128::from(h.cents);
        add_row(sums, v, h.account, h.account_len, objects, ore, h.decimals);
        self.rows += 1;
        true
    }
}

/// Adds one row to the sums and to its voucher's balance and size.
fn add_row(
    sums: &mut PlainSums,
    v: &mut OpenVoucher,
    account: u64,
    account_len: usize,
    objects: &[(u32, u64)],
    ore: i128,
    decimals: Decimals,
) {
    add_to_sums(sums, account, objects, ore, decimals, v.line);
    v.summed_rows += 1;
    v.summed_ore = v.summed_ore.wrapping_add(ore);
    v.bytes += summed_row_bytes(account_len, objects.len());
}

/// Adds one row's amount to the sums of its account and of its objects; the first sum
/// to pass 10¹⁹ kr is noted with `voucher_line`, the line of the row's `#VER`.
#[inline(always)]
pub(super) fn add_to_sums(
    sums: &mut PlainSums,
    account: u64,
    objects: &[(u32, u64)],
    ore: i128,
    decimals: Decimals,
    voucher_line: u64,
) {
    let check = bound_sums(sums, ore.unsigned_abs());
    add_checked(sums, account, objects, ore, decimals, check, voucher_line);
}

/// Adds `abs` öre, the absolute amounts of rows about to be summed, to the bound on
/// every sum: whether the sums must from now on be checked against 10¹⁹ kr. While the
/// absolute amounts of every row summed stay within it, no sum can pass it, so the
/// bound is checked per sum only beyond that.
#[inline(always)]
pub(super) fn bound_sums(sums: &mut PlainSums, abs: u128) -> bool {
    sums.abs_ore = sums.abs_ore.saturating_add(abs);
    sums.abs_ore > LIMIT_ORE
}

/// [`add_to_sums`] with the rows' bound already taken ([`bound_sums`]): `check` says
/// whether each sum is checked against 10¹⁹ kr.
#[inline(always)]
pub(super) fn add_checked(
    sums: &mut PlainSums,
    account: u64,
    objects: &[(u32, u64)],
    ore: i128,
    decimals: Decimals,
    check: bool,
    voucher_line: u64,
) {
    // Almost always no sum can pass 10¹⁹ kr: nothing to check or note (about 3 % fewer
    // instructions on the ledger than checking each sum).
    if !check {
        add_unchecked(sums, account, objects, ore, decimals);
        return;
    }
    let mut ok = sums.accounts.add(account, ore, decimals, true);
    for &(dimension, object) in objects {
        let key = ObjectKey {
            dimension,
            object,
            account,
        };
        ok &= add_to(&mut sums.objects, key, ore, decimals, true);
    }
    if !ok && sums.overflow.is_none() {
        sums.overflow = Some((account, voucher_line));
    }
}

/// [`add_checked`] when no sum can pass 10¹⁹ kr ([`bound_sums`] said so): nothing is
/// checked, and no overflow can be noted.
#[inline(always)]
fn add_unchecked(
    sums: &mut PlainSums,
    account: u64,
    objects: &[(u32, u64)],
    ore: i128,
    decimals: Decimals,
) {
    sums.accounts.add(account, ore, decimals, false);
    for &(dimension, object) in objects {
        let key = ObjectKey {
            dimension,
            object,
            account,
        };
        add_to(&mut sums.objects, key, ore, decimals, false);
    }
}

/// What a summed row adds to its voucher's size: the estimate `row_bytes` gives the
/// row the ordinary reading builds (its texts aside, which summing mode does not keep).
#[inline(always)]
pub(super) const fn summed_row_bytes(account_len: usize, objects: usize) -> usize {
    std::mem::size_of::<Row>()
        + account_len
        + objects * (std::mem::size_of::<ObjectRef>() + 16 + 4)
        + 48
}

/// Adds a row to the sum of `key` (made when new): a lookup first, the common case and
/// cheaper than the entry API.
#[inline(always)]
fn add_to<K: std::hash::Hash + Eq>(
    map: &mut FastHashMap<K, SumCell>,
    key: K,
    ore: i128,
    decimals: Decimals,
    check: bool,
) -> bool {
    if let Some(cell) = map.get_mut(&key) {
        return cell.add(ore, decimals, check);
    }
    let mut cell = SumCell::default();
    let ok = cell.add(ore, decimals, check);
    map.insert(key, cell);
    ok
}

/// A row the summing lane reads whole: its head, and what follows the amount.
pub(super) struct Summable<'a> {
    pub(super) head: DigitRow,
    /// The transaction date as written (eight digits), if any.
    pub(super) date: Option<&'a [u8]>,
    /// The text, without its quotes (empty when there is none).
    pub(super) text: &'a [u8],
}

/// `#TRANS account {dim obj …} amount[ date[ "text"]]`: a [`digit_row_head`] with an
/// account of one to ten digits, then nothing, or a space and the date (eight digits or
/// `""`), then nothing or a space and a quoted text ([`plain_text`]), and nothing after
/// it. Every such row is one the reader's plain lane reads without a diagnostic (the
/// date's plausibility aside, which the caller checks); anything else is `None`.
#[inline(always)]
pub(super) fn summable_row(line: &[u8]) -> Option<Summable<'_>> {
    let head = digit_row_head(line, 10)?;
    let mut row = Summable {
        date: None,
        text: &[],
        head,
    };
    // The rest: nothing, or a date (or `""`) and perhaps a text.
    let Some(rest) = line.get(row.head.end..).filter(|r| !r.is_empty()) else {
        return Some(row);
    };
    let rest = rest.strip_prefix(b" ")?;
    let rest = if let Some(r) = rest.strip_prefix(b"\"\"") {
        r
    } else {
        if !eight_digits_at(rest, 0) {
            return None;
        }
        row.date = rest.get(..8);
        rest.get(8..)?
    };
    if rest.is_empty() {
        return Some(row);
    }
    let text = rest.strip_prefix(b" \"")?.strip_suffix(b"\"")?;
    if !plain_text(text) {
        return None;
    }
    row.text = text;
    Some(row)
}

/// What follows a row's amount, as the summing lane reads it.
#[derive(Debug, Clone, Copy)]
pub(super) struct RowTail<'a> {
    /// The transaction date as written (eight digits), if any.
    pub(super) date: Option<&'a [u8]>,
    /// The text, without its quotes (empty when there is none).
    pub(super) text: &'a [u8],
}

/// [`summable_row_at_into`] as a [`Summable`], as [`summable_row`] gives it (for the
/// tests that hold the two readings equal).
#[cfg(test)]
pub(super) fn summable_row_at(rest: &[u8]) -> Option<(Summable<'_>, usize)> {
    let mut head = DigitRow::EMPTY;
    let (tail, len) = summable_row_at_into(rest, &mut head)?;
    Some((
        Summable {
            head,
            date: tail.date,
            text: tail.text,
        },
        len,
    ))
}

/// The row at the start of `rest` (a row line and what follows it in memory) when its
/// line ends with `\n` right after what [`summable_row`] reads: the row as
/// [`summable_row`] reads the line, its head into `head` (overwritten; of no use on
/// `None`, so that a caller keeping rows need not copy them) and what follows its
/// amount returned, with the line's length with its `\n`. `None` for anything else,
/// also for a row the lane takes whose line has CRs before its end (the caller then
/// splits the line first). No search for the line end is needed: each field is
/// followed where it ends.
#[inline(always)]
pub(super) fn summable_row_at_into<'a>(
    rest: &'a [u8],
    head: &mut DigitRow,
) -> Option<(RowTail<'a>, usize)> {
    // The head stops at a `\n` exactly where it stops at the line's end.
    digit_row_head_into(rest, 10, head)?;
    let mut i = head.end;
    let mut tail = RowTail {
        date: None,
        text: &[],
    };
    match rest.get(i)? {
        b'\n' => return Some((tail, i + 1)),
        b' ' => i += 1,
        _ => return None,
    }
    if rest.get(i..i + 2) == Some(b"\"\"") {
        i += 2;
    } else {
        if !eight_digits_at(rest, i) {
            return None;
        }
        tail.date = rest.get(i..i + 8);
        i += 8;
    }
    match rest.get(i)? {
        b'\n' => return Some((tail, i + 1)),
        b' ' if rest.get(i + 1) == Some(&b'"') => i += 2,
        _ => return None,
    }
    // The text ends at its first quote (a line end first is no row of the lane), and
    // the line right after it; a backslash before that quote would escape it.
    let text = rest.get(i..)?;
    let len = first_quote_or_newline(text)?;
    if text.get(len..len + 2) != Some(b"\"\n") || (len > 0 && text.get(len - 1) == Some(&b'\\')) {
        return None;
    }
    tail.text = text.get(..len)?;
    Some((tail, i + len + 2))
}

/// The first `"` or `\n` of `text`, or `None` when there is none
/// ([`first_flagged_wide`]: the lowest flagged byte is always a true one).
#[inline(always)]
fn first_quote_or_newline(text: &[u8]) -> Option<usize> {
    first_flagged_wide(text, quotes_or_newlines, |b| b == b'"' || b == b'\n')
}

/// Whether `text`, the inside of a row's quoted text field, is one the summing lane
/// takes: no quote inside, and no backslash last (which would escape the closing
/// quote). Tokenized, such a field is one text, as written; in summing mode nothing
/// reads it, so that control characters and other backslashes in it change nothing
/// (the ordinary reading reads them as spaces and as themselves, without a diagnostic).
/// A text with an escaped quote is left to the ordinary reading.
#[inline(always)]
fn plain_text(text: &[u8]) -> bool {
    !text.contains(&b'"') && text.last() != Some(&b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emptied_sums_keep_used_keys_and_merge_as_nothing() {
        let mut sums = PlainSums::default();
        // Ten objects on account 1930, then a stretch using six of them.
        for object in 0..10 {
            add_checked(
                &mut sums,
                1930,
                &[(1, object)],
                150,
                Decimals::TWO,
                false,
                1,
            );
        }
        sums.empty();
        assert_eq!(sums.objects.len(), 10);
        assert!(sums.objects.values().all(|c| c.rows() == 0 && c.ore() == 0));
        for object in 0..6 {
            add_checked(
                &mut sums,
                1930,
                &[(1, object)],
                -25,
                Decimals::ONE,
                false,
                1,
            );
        }
        let mut main = PlainSums::default();
        add_checked(&mut main, 3010, &[(1, 99)], 7, Decimals::NONE, false, 1);
        main.merge(&sums);
        // The four unused keys make no sums; the used six hold this stretch only.
        assert_eq!(main.objects.len(), 7);
        let cell = main.objects[&ObjectKey {
            dimension: 1,
            object: 5,
            account: 1930,
        }];
        assert_eq!((cell.ore(), cell.rows(), cell.scale()), (-25, 1, 1));
        // A table mostly of unused keys is made anew.
        sums.empty();
        add_checked(&mut sums, 1930, &[(1, 0)], 1, Decimals::NONE, false, 1);
        sums.empty();
        assert!(sums.objects.is_empty());
        assert_eq!((sums.abs_ore, sums.overflow), (0, None));
    }

    /// The lane's texts, byte by byte: the first `"` or line end.
    fn naive(text: &[u8]) -> Option<usize> {
        text.iter().position(|&b| b == b'"' || b == b'\n')
    }

    #[test]
    fn every_byte_at_every_place_is_judged_as_one_at_a_time() {
        for len in 1..=40 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    assert_eq!(
                        first_quote_or_newline(&text),
                        naive(&text),
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
        }
        assert_eq!(first_quote_or_newline(b""), None);
    }

    #[test]
    fn texts_with_control_bytes_and_backslashes_are_taken_but_not_escaped_quotes() {
        assert!(plain_text(b"Hyra\tlokal \\ 7"));
        assert!(plain_text(b""));
        assert!(!plain_text(b"a\"b"));
        assert!(!plain_text(b"a\\"));
        // From the bytes on: the same.
        for (line, taken) in [
            (&b"#TRANS 1930 {} 5 20250101 \"a\tb\\c\"\n"[..], true),
            (b"#TRANS 1930 {} 5 20250101 \"a\\\"b\"\n", false),
            (b"#TRANS 1930 {} 5 20250101 \"a\\\"\n", false),
            (b"#TRANS 1930 {} 5 20250101 \"a\"b\"\n", false),
            (b"#TRANS 1930 {} 5 20250101 \"open\n\"\n", false),
        ] {
            assert_eq!(
                summable_row_at(line).is_some(),
                taken,
                "{:?}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn key_texts_are_the_digit_strings_the_keys_were_made_from() {
        for text in [
            "0",
            "00",
            "007",
            "1930",
            "999999999999999",
            "100000000000000",
            "5",
        ] {
            let key = digit_key(text.as_bytes(), 15).unwrap_or_default();
            assert_eq!(key_text(key), text);
        }
        // A key no digit string gives (value longer than its length): as formatted.
        assert_eq!(key_text((2u64 << 56) | 12345), "12345");
        assert_eq!(key_text(0), "");
        assert_eq!(key_text(127u64 << 56), "0".repeat(127));
        let max = (1u64 << 56) - 1;
        assert_eq!(key_text((127u64 << 56) | max), format!("{max:0127}"));
    }

    /// A row as read: account, pairs, öre, decimals, date and text.
    type Seen = (u64, Vec<(u32, u64)>, i64, u32, Option<Vec<u8>>, Vec<u8>);

    /// What the two readings of a row give, comparably.
    fn seen(row: Option<Summable<'_>>) -> Option<Seen> {
        row.map(|r| {
            let h = r.head;
            (
                h.account,
                h.pairs[..h.pairs_len].to_vec(),
                h.cents,
                Decimals::scale_of(h.decimals.bits()),
                r.date.map(<[u8]>::to_vec),
                r.text.to_vec(),
            )
        })
    }

    /// A row read from the bytes on is the row read from its line, and ends at its `\n`.
    fn row_at_is_row_of_line(line: &[u8], after: &[u8]) {
        let mut bytes = line.to_vec();
        bytes.push(b'\n');
        bytes.extend_from_slice(after);
        let at = summable_row_at(&bytes);
        if let Some((_, len)) = &at {
            assert_eq!(*len, line.len() + 1, "{:?}", String::from_utf8_lossy(line));
        }
        assert_eq!(
            seen(at.map(|(r, _)| r)),
            seen(summable_row(line)),
            "{:?}",
            String::from_utf8_lossy(line)
        );
    }

    #[test]
    fn rows_read_from_the_bytes_on_are_the_rows_of_their_lines() {
        for line in [
            &b"#TRANS 3010 {1 \"1176\" 20 \"388\"} 11791.77 20251022 \"St\x94dning\""[..],
            b"#TRANS 1930 {} -17236.82 \"\" \"Omf\x94ring\"",
            b"#TRANS 1930 {} -17236.82",
            b"#TRANS 1930 {} 5.",
            b"#TRANS 1930 {} 5.1 20250101",
            b"#TRANS 1930 {} 5 20250101 \"\"",
            b"#TRANS 1930 {} 5 20250101 \"a\" 3",
            b"#TRANS 1930 {} 5 20250101 \"a\\\"b\"",
            b"#TRANS 1930 {} 5 20250101 \"a\"b\"",
            b"#TRANS 1930 {} 5 2025010",
            b"#TRANS 1930 {} 5 20250101 \"open",
            b"#TRANS 1930 {} 5 \"\"",
            b"#TRANS 1930 {} 5 ",
            b"#TRANS 1930 {} 5 20250101 ",
            b"#TRANS 1930 {} 5 20250101 \"abcdefghijklmnopq\"",
            b"#TRANS 1930 {} 5 20250101 \"abcdefg\x7f\"",
            b"#TRANS 1930 {} 5\r",
            b"#TRANS 1930 {} 5 20250101 \"a\"\r",
        ] {
            for after in [&b""[..], b"}\n", b"#TRANS 1930 {} 5\n"] {
                row_at_is_row_of_line(line, after);
            }
        }
        // A row whose line has a CR before its end is left to the line's reading.
        assert!(summable_row_at(b"#TRANS 1930 {} 5\r\n").is_none());
    }

    proptest! {
        #[test]
        fn any_row_read_from_the_bytes_on_is_the_row_of_its_line(
            tail in proptest::collection::vec(
                prop_oneof![Just(b' '), Just(b'"'), Just(b'\\'), Just(b'0'), Just(b'9'), Just(b'a'),
                    Just(0x94u8), Just(0x7f), Just(b'\t'), Just(b'\r')],
                0..30,
            ),
            head in prop_oneof![
                Just("#TRANS 1930 {} 5"), Just("#TRANS 1930 {1 \"7\"} -5.25"),
                Just("#TRANS 1930 {} 5 20250101"), Just("#TRANS 1930 {} 5 20250101 \""),
                Just("#TRANS 1930 {} 5 \"\" \""),
            ],
        ) {
            let mut line = head.as_bytes().to_vec();
            line.extend_from_slice(&tail);
            row_at_is_row_of_line(&line, b"#TRANS 1 {} 1\n");
        }

        /// The table of four-digit accounts and the map beside it sum, count and merge
        /// as one map does.
        #[test]
        fn account_sums_are_those_of_one_map(
            rows in proptest::collection::vec(
                ("[0-9]{1,6}", -1_000_000i64..1_000_000, 0u32..=2, any::<bool>()),
                0..60,
            ),
        ) {
            let (mut a, mut b) = (AccountSums::default(), AccountSums::default());
            let mut reference: std::collections::HashMap<u64, SumCell> = Default::default();
            for (digits, ore, scale, second) in &rows {
                let key = digit_key(digits.as_bytes(), 15).unwrap_or_default();
                let into = if *second { &mut b } else { &mut a };
                let decimals = Decimals::of(*scale).unwrap_or(Decimals::NONE);
                prop_assert!(into.add(key, i128::from(*ore), decimals, true));
                prop_assert!(reference.entry(key).or_default().add(i128::from(*ore), decimals, true));
            }
            a.merge(&b);
            let mut merged: Vec<(u64, SumCell)> = a.iter().map(|(k, &c)| (k, c)).collect();
            merged.sort_by_key(|(k, _)| *k);
            let mut expected: Vec<(u64, SumCell)> = reference.into_iter().collect();
            expected.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(a.len(), expected.len());
            prop_assert_eq!(merged, expected);
        }

        #[test]
        fn the_first_quote_or_line_end_is_found_as_byte_by_byte(text in proptest::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(first_quote_or_newline(&text), naive(&text));
        }

        /// Texts of plain letters with one quote or line end anywhere in or beyond the
        /// three words looked at at once, any bytes after it, or none at all.
        #[test]
        fn the_first_quote_or_line_end_of_a_text_is_found(
            len in 0usize..60,
            at in 0usize..60,
            bad in proptest::sample::select(vec![b'"', b'\n']),
            after in proptest::collection::vec(any::<u8>(), 0..4),
        ) {
            let mut text = vec![b'a'; len];
            if let Some(b) = text.get_mut(at) {
                *b = bad;
            }
            for (i, &b) in after.iter().enumerate() {
                if let Some(slot) = text.get_mut(at + 1 + i) {
                    *slot = b;
                }
            }
            prop_assert_eq!(first_quote_or_newline(&text), (at < len).then_some(at));
        }

        #[test]
        fn digit_strings_come_back_from_their_keys(text in "[0-9]{1,15}") {
            let key = digit_key(text.as_bytes(), 15).unwrap_or_default();
            prop_assert_eq!(key_text(key), text);
        }

        /// Any key's text is what the formatter writes.
        #[test]
        fn a_key_text_is_the_formatted_value(key in any::<u64>()) {
            let len = usize::try_from((key >> 56) & 0x7f).unwrap_or(0);
            let value = key & ((1 << 56) - 1);
            prop_assert_eq!(key_text(key), format!("{value:0len$}"));
        }

        #[test]
        fn a_cell_sums_rows_as_i128_and_keeps_count_and_decimals(
            rows in proptest::collection::vec((any::<i64>(), 0u32..=2), 0..30),
            big in any::<i128>(),
        ) {
            let mut cell = SumCell::default();
            let (mut sum, mut scale) = (0i128, 0u32);
            for &(ore, s) in &rows {
                // Far from the bound: never out of it.
                let decimals = Decimals::of(s).unwrap_or(Decimals::NONE);
                prop_assert!(cell.add(i128::from(ore), decimals, true));
                sum += i128::from(ore);
                scale = scale.max(s);
            }
            prop_assert_eq!(cell.ore(), sum);
            prop_assert_eq!(cell.rows(), rows.len() as u64);
            prop_assert_eq!(cell.scale(), scale);
            let mut other = SumCell::default();
            other.sum.add(big);
            prop_assert_eq!(other.ore(), big);
            let mut merged = cell;
            merged.merge(other);
            prop_assert_eq!(merged.ore(), sum.wrapping_add(big));
            prop_assert_eq!(merged.rows(), rows.len() as u64);
        }

    }
}
