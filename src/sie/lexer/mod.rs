//! The byte-level tokenizer: splits a stream into lines and fields without allocating
//! per field and without decoding any text.

use std::io::{self, Read};

use rust_decimal::Decimal;

mod search;
#[cfg(test)]
use search::find_newline;
use search::quote_or_newline;
pub(crate) use search::{NewlineFinder, find_byte, first_flagged_wide, quotes_or_newlines};

/// Kind of a token on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// An unquoted field.
    Bare,
    /// A quoted field (the span excludes the quotes) without `\"` inside.
    Quoted,
    /// A quoted field containing at least one `\"`.
    Escaped,
    /// `{`: opens an object list or a voucher's row block.
    Open,
    /// `}`: closes an object list or a voucher's row block.
    Close,
}

/// One token: a span of the current line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    start: u32,
    end: u32,
    pub(crate) kind: TokKind,
}

impl Tok {
    /// An empty token.
    pub(crate) const EMPTY: Tok = Tok {
        start: 0,
        end: 0,
        kind: TokKind::Bare,
    };

    /// A token; lines are shorter than 2³¹ bytes (`Lines` caps them).
    #[inline(always)]
    pub(crate) const fn new(start: usize, end: usize, kind: TokKind) -> Tok {
        Tok {
            start: start as u32,
            end: end as u32,
            kind,
        }
    }

    #[inline]
    pub(crate) fn bytes<'a>(&self, line: &'a [u8]) -> &'a [u8] {
        line.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }

    /// Whether the token spans no bytes (as `""` does).
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Where the token starts on its line.
    #[inline]
    pub(crate) fn start(&self) -> u64 {
        u64::from(self.start)
    }

    #[inline]
    pub(crate) fn is_scalar(&self) -> bool {
        matches!(
            self.kind,
            TokKind::Bare | TokKind::Quoted | TokKind::Escaped
        )
    }
}

/// Byte classes for the tokenizer.
const SEP: u8 = 1;
const QUOTE: u8 = 2;
const OPEN: u8 = 4;
const CLOSE: u8 = 8;

// `t` has 256 entries and every index is a byte: no index can be out of bounds.
#[allow(clippy::indexing_slicing)]
const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i <= 32 {
        t[i] = SEP;
        i += 1;
    }
    t[0x7f] = SEP;
    t[b'"' as usize] = QUOTE;
    t[b'{' as usize] = OPEN;
    t[b'}' as usize] = CLOSE;
    t
}

static CLASS: [u8; 256] = classes();

#[inline(always)]
fn class(b: u8) -> u8 {
    CLASS.get(usize::from(b)).copied().unwrap_or(0)
}

/// Separator bytes: space, tab and the other control characters.
#[inline(always)]
fn is_sep(b: u8) -> bool {
    class(b) == SEP
}

/// Tokenizes one line (without its line end) into `toks`. Returns whether a quoted field
/// was left unterminated.
pub(crate) fn tokenize(line: &[u8], toks: &mut Vec<Tok>) -> bool {
    tokenize_limited(line, toks, usize::MAX)
}

/// Tokenizes at most `max_scalars` fields outside object lists (the label counts), so a
/// caller that needs only the first fields does not scan the texts after them.
pub(crate) fn tokenize_limited(line: &[u8], toks: &mut Vec<Tok>, max_scalars: usize) -> bool {
    toks.clear();
    let mut scalars = 0usize;
    let n = line.len();
    let mut i = 0;
    let mut in_list = false;
    let mut unterminated = false;
    while i < n {
        let Some(&b) = line.get(i) else { break };
        if is_sep(b) {
            i += 1;
            continue;
        }
        match b {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut escaped = false;
                let mut closed = false;
                // Find the closing quote: a `"` not preceded by a backslash.
                while let Some(q) = line.get(j..).and_then(find_byte::<b'"'>) {
                    let at = j + q;
                    if at > start && line.get(at - 1) == Some(&b'\\') {
                        escaped = true;
                        j = at + 1;
                        continue;
                    }
                    j = at;
                    closed = true;
                    break;
                }
                if !closed {
                    unterminated = true;
                    j = n;
                }
                toks.push(Tok::new(
                    start,
                    j.min(n),
                    if escaped {
                        TokKind::Escaped
                    } else {
                        TokKind::Quoted
                    },
                ));
                i = j + 1;
                if !in_list {
                    scalars += 1;
                    if scalars >= max_scalars {
                        break;
                    }
                }
            }
            b'{' if !in_list => {
                toks.push(Tok::new(i, i + 1, TokKind::Open));
                in_list = true;
                i += 1;
            }
            b'}' => {
                toks.push(Tok::new(i, i + 1, TokKind::Close));
                in_list = false;
                i += 1;
            }
            _ => {
                let rest = line.get(i..).unwrap_or_default();
                let len = if in_list {
                    rest.iter()
                        .position(|&c| class(c) & (SEP | CLOSE) != 0)
                        .unwrap_or(rest.len())
                } else {
                    rest.iter().position(|&c| is_sep(c)).unwrap_or(rest.len())
                };
                toks.push(Tok::new(i, i + len, TokKind::Bare));
                i += len;
                if !in_list {
                    scalars += 1;
                    if scalars >= max_scalars {
                        break;
                    }
                }
            }
        }
    }
    unterminated
}

/// Most (dimension, object) pairs of a [`PlainRow`].
pub(crate) const PLAIN_PAIRS: usize = 8;

/// The fields of a plain `#TRANS` row, as [`tokenize`] would split them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainRow {
    /// The account (a bare field).
    pub(crate) account: Tok,
    /// (dimension, object) pairs of the object list, `..pairs_len` of them.
    pub(crate) pairs: [(u32, Tok); PLAIN_PAIRS],
    pub(crate) pairs_len: usize,
    /// The amount (a bare field).
    pub(crate) amount: Tok,
    /// The transaction date (a bare field); `None` when absent or `""`.
    pub(crate) date: Option<Tok>,
    /// The text (a quoted field without `\"`), if any.
    pub(crate) text: Option<Tok>,
    /// The amount, read as `parse_plain_amount` reads it ([`scan_plain_row`] only).
    pub(crate) value: Decimal,
    /// Every object is a digit string (bare, or quoted without spaces), which decodes
    /// to itself in every encoding ([`scan_plain_row`] only).
    pub(crate) digit_objects: bool,
}

#[inline(always)]
fn skip_seps(line: &[u8], mut i: usize) -> usize {
    // Mostly none or one space.
    match line.get(i..i + 2) {
        Some(&[a, _]) if !is_sep(a) => return i,
        Some(&[b' ', b]) if !is_sep(b) => return i + 1,
        _ => {}
    }
    while line.get(i).is_some_and(|&b| is_sep(b)) {
        i += 1;
    }
    i
}

/// End of the bare field starting at `i`: the first byte of class `stop`.
#[inline(always)]
fn bare_end(line: &[u8], i: usize, stop: u8) -> usize {
    let rest = line.get(i..).unwrap_or_default();
    i + rest
        .iter()
        .position(|&c| class(c) & stop != 0)
        .unwrap_or(rest.len())
}

/// The quoted field whose `"` is at `i`, when it is closed and has no `\"`: its
/// contents and the position after the closing quote.
#[inline(always)]
fn plain_quoted(line: &[u8], i: usize) -> Option<(Tok, usize)> {
    let start = i + 1;
    let at = start + line.get(start..).and_then(find_byte::<b'"'>)?;
    if at > start && line.get(at - 1) == Some(&b'\\') {
        return None;
    }
    Some((Tok::new(start, at, TokKind::Quoted), at + 1))
}

/// Splits the commonest row in one pass, without a token list: `#TRANS account
/// {dim obj …} amount [date|""] ["text"]`, with an account of 1 to 10 digits, bare
/// digit dimensions, at most [`PLAIN_PAIRS`] pairs, an amount `-?digits[.d[d]]` of at
/// most 17 characters after the sign (read on the way into [`PlainRow::value`]), every
/// quoted field closed and free of `\"`. Anything else (quantities, signatures, a
/// missing object list, stray fields, another account or amount …) is false, and the
/// caller tokenizes the line as usual. The fields are exactly those [`tokenize`] gives.
///
/// The fields go into `row` (reused, so that no row is copied around); false when the
/// line is not such a row (`row` then holds nothing of use).
pub(crate) fn scan_plain_row(line: &[u8], row: &mut PlainRow) -> bool {
    scan_typed_row(line, row).is_some()
}

/// [`scan_plain_row`] up to the amount: whatever follows it is not looked at (the
/// date and text are `None`).
pub(crate) fn scan_plain_row_head(line: &[u8], row: &mut PlainRow) -> bool {
    scan_plain_row_to(line, true, row).is_some()
}

impl PlainRow {
    /// A row with empty fields, to scan into.
    pub(crate) const EMPTY: PlainRow = PlainRow {
        account: Tok::EMPTY,
        pairs: [(0, Tok::EMPTY); PLAIN_PAIRS],
        pairs_len: 0,
        amount: Tok::EMPTY,
        date: None,
        text: None,
        value: Decimal::ZERO,
        digit_objects: true,
    };
}

#[inline(always)]
fn scan_plain_row_to(line: &[u8], head_only: bool, row: &mut PlainRow) -> Option<()> {
    let after = line.strip_prefix(b"#TRANS")?;
    if !after.first().is_some_and(|&b| is_sep(b)) {
        return None;
    }
    let mut i = skip_seps(line, 6);
    // The account: a bare field (not a quote or a brace).
    if class(*line.get(i)?) != 0 {
        return None;
    }
    let e = bare_end(line, i, SEP);
    row.account = Tok::new(i, e, TokKind::Bare);
    i = skip_seps(line, e);
    if line.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut pairs_len = 0usize;
    loop {
        i = skip_seps(line, i);
        let b = *line.get(i)?;
        if b == b'}' {
            i += 1;
            break;
        }
        // The dimension: one to nine digits, then a separator.
        let e = bare_end(line, i, SEP | CLOSE);
        let digits = line.get(i..e)?;
        if digits.is_empty()
            || digits.len() > 9
            || !digits.iter().all(u8::is_ascii_digit)
            || !line.get(e).is_some_and(|&c| is_sep(c))
        {
            return None;
        }
        let dim = digits
            .iter()
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'));
        i = skip_seps(line, e);
        // The object: quoted, or bare (not starting with a brace).
        let b = *line.get(i)?;
        let object = if b == b'"' {
            let (t, next) = plain_quoted(line, i)?;
            if line
                .get(next)
                .is_none_or(|&c| class(c) & (SEP | CLOSE) == 0)
            {
                return None;
            }
            i = next;
            t
        } else if class(b) == 0 {
            let e = bare_end(line, i, SEP | CLOSE);
            let t = Tok::new(i, e, TokKind::Bare);
            i = e;
            t
        } else {
            return None;
        };
        *row.pairs.get_mut(pairs_len)? = (dim, object);
        pairs_len += 1;
    }
    row.pairs_len = pairs_len;
    // The amount: a bare field.
    i = skip_seps(line, i);
    if class(*line.get(i)?) != 0 {
        return None;
    }
    let e = bare_end(line, i, SEP);
    row.amount = Tok::new(i, e, TokKind::Bare);
    if head_only {
        row.date = None;
        row.text = None;
        return Some(());
    }
    plain_row_tail(line, e, row)
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `line` from `i` (little-endian), when there are eight.
#[inline(always)]
fn word_at(line: &[u8], i: usize) -> Option<u64> {
    let w: [u8; 8] = line.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(w))
}

/// Whether the eight bytes of `line` from `i` are ASCII digits (a date as written),
/// tested in one word.
#[inline(always)]
pub(crate) fn eight_digits_at(line: &[u8], i: usize) -> bool {
    word_at(line, i).is_some_and(|w| non_digits(w) == 0)
}

/// The high bit of each byte of `w` that is not an ASCII digit.
#[inline(always)]
fn non_digits(w: u64) -> u64 {
    // Per byte, without carries between bytes: digits become 0–9; `+ 0x76` sets the
    // high bit of the low seven bits from 10 up; bytes from 0x80 have it already.
    let x = w ^ (LO * u64::from(b'0'));
    (x | ((x & !HI) + LO * 0x76)) & HI
}

/// The high bit of each byte of `w` that is a separator (up to 0x20, and 0x7F).
#[inline(always)]
fn separators(w: u64) -> u64 {
    // Per byte: `+ 0x5f` sets the high bit of the low seven bits from 0x21 up, `+ 1`
    // only at 0x7F; bytes from 0x80 are not separators.
    let y = w & !HI;
    !w & (!(y + LO * 0x5f) | (y + LO)) & HI
}

/// Length of the run of ASCII digits at `i`, eight bytes at a time.
#[inline(always)]
fn digits_at(line: &[u8], i: usize) -> usize {
    let mut n = 0usize;
    while let Some(w) = word_at(line, i + n) {
        let bad = non_digits(w);
        if bad != 0 {
            return n + (bad.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let rest = line.get(i + n..).unwrap_or_default();
    n + rest
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len())
}

/// The run of ASCII digits at `i`, read as a number on the way: its end and its value
/// (wrapped around for runs too long to matter, which the callers refuse by length).
#[inline(always)]
fn number_at(line: &[u8], mut i: usize) -> (usize, u64) {
    let mut value = 0u64;
    // Two digits at a time, then the last one.
    while let Some(&[a, b]) = line.get(i..i + 2) {
        let (a, b) = (a.wrapping_sub(b'0'), b.wrapping_sub(b'0'));
        if a >= 10 {
            return (i, value);
        }
        if b >= 10 {
            return (i + 1, value.wrapping_mul(10).wrapping_add(u64::from(a)));
        }
        value = value
            .wrapping_mul(100)
            .wrapping_add(u64::from(a) * 10 + u64::from(b));
        i += 2;
    }
    while let Some(&b) = line.get(i) {
        let d = b.wrapping_sub(b'0');
        if d >= 10 {
            break;
        }
        value = value.wrapping_mul(10).wrapping_add(u64::from(d));
        i += 1;
    }
    (i, value)
}

/// What may follow a plain row's amount, which ends at `e`: nothing, or a date (bare, or
/// `""` for none), then nothing or a quoted text without `\"`, and nothing after it.
/// The date and text go into `row`; `None` for anything else.
#[inline(always)]
fn plain_row_tail(line: &[u8], e: usize, row: &mut PlainRow) -> Option<()> {
    row.date = None;
    row.text = None;
    // The date: bare or `""`.
    let mut i = skip_seps(line, e);
    match line.get(i) {
        None => return Some(()),
        Some(&b'"') => {
            if line.get(i + 1) != Some(&b'"') {
                return None;
            }
            i += 2;
        }
        Some(&b) if class(b) == 0 => {
            let e = date_end(line, i);
            row.date = Some(Tok::new(i, e, TokKind::Bare));
            i = e;
        }
        Some(_) => return None,
    }
    // The text: quoted.
    i = skip_seps(line, i);
    match line.get(i) {
        None => return Some(()),
        Some(&b'"') => {
            let (t, next) = plain_quoted(line, i)?;
            row.text = Some(t);
            i = next;
        }
        Some(_) => return None,
    }
    (i == line.len() || skip_seps(line, i) == line.len()).then_some(())
}

/// [`sep_end`] for a field that is mostly a date: eight digits and then a separator or
/// the end of the line are checked in one go.
#[inline(always)]
fn date_end(line: &[u8], i: usize) -> usize {
    match word_at(line, i) {
        Some(w) if non_digits(w) == 0 && line.get(i + 8).is_none_or(|&c| is_sep(c)) => i + 8,
        _ => sep_end(line, i),
    }
}

/// [`bare_end`] with `stop` = [`SEP`], eight bytes at a time.
#[inline(always)]
fn sep_end(line: &[u8], mut i: usize) -> usize {
    while let Some(w) = word_at(line, i) {
        let sep = separators(w);
        if sep != 0 {
            return i + (sep.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bare_end(line, i, SEP)
}

/// [`scan_plain_row`]: the commonest spacing first ([`scan_spaced_row`]), else one walk
/// along the line ([`scan_walked_row`]).
#[inline(always)]
fn scan_typed_row(line: &[u8], row: &mut PlainRow) -> Option<()> {
    scan_spaced_row(line, row).or_else(|| scan_walked_row(line, row))
}

/// [`scan_walked_row`] for rows spaced the commonest way: one space between the fields,
/// `{` and `}` next to the first and last item of the object list and one space between
/// its items, every object a digit string (quoted or bare), the amount next: `#TRANS
/// 3010 {1 "1176" 20 "388"} 11791.77 …` (the date and text after it as usual). Each
/// space is a byte compared, not a run skipped. `None` for a row spaced or built
/// otherwise, which the walk then reads; where it is `Some`, `row` holds exactly what
/// the walk gives.
#[inline(always)]
fn scan_spaced_row(line: &[u8], row: &mut PlainRow) -> Option<()> {
    let e = spaced_row_head(line, row)?;
    spaced_tail::<false>(line, e, row)
        .map(|_| ())
        .or_else(|| plain_row_tail(line, e, row))
}

/// [`scan_spaced_row`] on the bytes from a line's start on, the line ending at its
/// first `\n`: the line's length (without the `\n`), with `row` holding exactly what
/// [`scan_plain_row`] gives for the line. No search for the line end is needed: each
/// field is followed to its end, and no byte the head of the row is made of is a line
/// end. `None` also for a row whose tail the spaced scan does not read or that ends
/// otherwise (CR LF): the caller then splits the line first.
#[inline(always)]
pub(crate) fn scan_spaced_row_at(rest: &[u8], row: &mut PlainRow) -> Option<usize> {
    let e = spaced_row_head(rest, row)?;
    spaced_tail::<true>(rest, e, row)
}

/// The head of [`scan_spaced_row`], up to and with the amount: where the amount ends.
#[inline(always)]
fn spaced_row_head(line: &[u8], row: &mut PlainRow) -> Option<usize> {
    if !line.starts_with(b"#TRANS ") {
        return None;
    }
    // The account: 1 to 10 digits, then ` {`.
    let a = digits_at(line, 7);
    let mut i = 7 + a;
    if a == 0 || a > 10 || line.get(i) != Some(&b' ') || line.get(i + 1) != Some(&b'{') {
        return None;
    }
    row.account = Tok::new(7, i, TokKind::Bare);
    i += 2;
    let mut pairs_len = 0usize;
    if line.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            // The dimension: one to nine digits and a space; the object: digits, quoted
            // or bare; then a space and the next pair, or `}`.
            let (e, dim) = number_at(line, i);
            if e == i || e - i > 9 || line.get(e) != Some(&b' ') {
                return None;
            }
            let start = e + 1;
            let (object, end) = if line.get(start) == Some(&b'"') {
                let d = start + 1 + digits_at(line, start + 1);
                if d == start + 1 || line.get(d) != Some(&b'"') {
                    return None;
                }
                (Tok::new(start + 1, d, TokKind::Quoted), d + 1)
            } else {
                let d = start + digits_at(line, start);
                if d == start {
                    return None;
                }
                (Tok::new(start, d, TokKind::Bare), d)
            };
            *row.pairs.get_mut(pairs_len)? = (dim as u32, object);
            pairs_len += 1;
            match line.get(end) {
                Some(&b' ') => i = end + 1,
                Some(&b'}') => {
                    i = end + 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    row.pairs_len = pairs_len;
    row.digit_objects = true;
    if line.get(i) != Some(&b' ') {
        return None;
    }
    plain_amount(line, i + 1, row)
}

/// [`plain_row_tail`] for the commonest spacing: nothing, or one space and a date of
/// eight digits or `""`, then nothing or one space and a quoted text without `\"` that
/// ends the line: where the line ends. The line is the whole of `line`, or (`AT_NL`)
/// `line` up to its first `\n`. `None` for any other tail, which [`plain_row_tail`]
/// then reads; where it is `Some`, `row` holds exactly what [`plain_row_tail`] gives.
#[inline(always)]
fn spaced_tail<const AT_NL: bool>(line: &[u8], e: usize, row: &mut PlainRow) -> Option<usize> {
    let ends = |i: usize| line_ends::<AT_NL>(line, i);
    row.date = None;
    row.text = None;
    if ends(e) {
        return Some(e);
    }
    if line.get(e) != Some(&b' ') {
        return None;
    }
    let mut i = e + 1;
    if line.get(i..i + 2) == Some(&b"\"\""[..]) {
        i += 2;
    } else {
        let w = word_at(line, i)?;
        if non_digits(w) != 0 || !(line.get(i + 8) == Some(&b' ') || ends(i + 8)) {
            return None;
        }
        row.date = Some(Tok::new(i, i + 8, TokKind::Bare));
        i += 8;
    }
    if ends(i) {
        return Some(i);
    }
    if line.get(i) != Some(&b' ') || line.get(i + 1) != Some(&b'"') {
        return None;
    }
    let (t, next) = closed_quote::<AT_NL>(line, i + 1)?;
    if !ends(next) {
        return None;
    }
    row.text = Some(t);
    Some(next)
}

/// [`scan_plain_row`]: one walk along the line, each field checked as it is passed.
#[inline(always)]
fn scan_walked_row(line: &[u8], row: &mut PlainRow) -> Option<()> {
    if !line.starts_with(b"#TRANS") || !is_sep(*line.get(6)?) {
        return None;
    }
    // The account: 1 to 10 digits, then a separator.
    let i = skip_seps(line, 7);
    let e = i + digits_at(line, i);
    if e == i || e - i > 10 || !is_sep(*line.get(e)?) {
        return None;
    }
    row.account = Tok::new(i, e, TokKind::Bare);
    let mut i = skip_seps(line, e + 1);
    if line.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut pairs_len = 0usize;
    let mut digit_objects = true;
    loop {
        i = skip_seps(line, i);
        let b = *line.get(i)?;
        if b == b'}' {
            i += 1;
            break;
        }
        // The dimension: one to nine digits, then a separator.
        let (e, dim) = number_at(line, i);
        if e == i || e - i > 9 || !is_sep(*line.get(e)?) {
            return None;
        }
        let dim = dim as u32;
        i = skip_seps(line, e + 1);
        // The object: quoted, or bare (not starting with a brace).
        let b = *line.get(i)?;
        let object = if b == b'"' {
            let start = i + 1;
            let d = start + digits_at(line, start);
            let t = if d > start && line.get(d) == Some(&b'"') {
                // Digits and the closing quote (not escaped: a digit precedes it).
                i = d + 1;
                Tok::new(start, d, TokKind::Quoted)
            } else {
                let (t, next) = plain_quoted(line, i)?;
                digit_objects = false;
                i = next;
                t
            };
            if class(*line.get(i)?) & (SEP | CLOSE) == 0 {
                return None;
            }
            t
        } else if class(b) == 0 {
            let d = i + digits_at(line, i);
            let e = bare_end(line, d, SEP | CLOSE);
            digit_objects &= e == d;
            let t = Tok::new(i, e, TokKind::Bare);
            i = e;
            t
        } else {
            return None;
        };
        *row.pairs.get_mut(pairs_len)? = (dim, object);
        pairs_len += 1;
    }
    row.pairs_len = pairs_len;
    row.digit_objects = digit_objects;
    plain_amount(line, skip_seps(line, i), row).and_then(|e| plain_row_tail(line, e, row))
}

/// The amount of a plain row at `i`: `-?digits[.d[d]]`, at most 17 characters after the
/// sign, then a separator or the end of the line; read on the way into
/// [`PlainRow::value`] as `parse_plain_amount` reads such a field, and its span into
/// [`PlainRow::amount`]. Its end; `None` for any other amount (read as usual).
#[inline(always)]
fn plain_amount(line: &[u8], i: usize, row: &mut PlainRow) -> Option<usize> {
    let negative = line.get(i) == Some(&b'-');
    let int_start = i + usize::from(negative);
    let (int_end, int) = number_at(line, int_start);
    // The commonest: two decimals (a third digit is refused below). Matched, not
    // tested in a `let` chain, which the MSRV (1.85) does not have.
    let two = match line.get(int_end..int_end + 3) {
        Some(&[b'.', a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(u64::from(a - b'0') * 10 + u64::from(b - b'0'))
        }
        _ => None,
    };
    let (e, decimals, magnitude) = if let Some(frac) = two {
        (int_end + 3, 2, int.wrapping_mul(100).wrapping_add(frac))
    } else if line.get(int_end) == Some(&b'.') {
        let (e, frac) = number_at(line, int_end + 1);
        let decimals = e - (int_end + 1);
        let scale = if decimals == 1 { 10 } else { 100 };
        (e, decimals, int.wrapping_mul(scale).wrapping_add(frac))
    } else {
        (int_end, 0, int)
    };
    if int_end == int_start
        || (e > int_end && !(1..=2).contains(&decimals))
        || e - int_start > 17
        || line.get(e).is_some_and(|&c| !is_sep(c))
    {
        return None;
    }
    // From its parts, as `parse_plain_amount`: at most 17 digits fit in the low two
    // words; a zero is never negative.
    row.value = Decimal::from_parts(
        (magnitude & 0xffff_ffff) as u32,
        (magnitude >> 32) as u32,
        0,
        negative && magnitude != 0,
        decimals as u32,
    );
    row.amount = Tok::new(i, e, TokKind::Bare);
    Some(e)
}

/// The fields of a plain `#VER` line, as [`tokenize`] would split them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainVer {
    pub(crate) series: Tok,
    pub(crate) number: Tok,
    /// The voucher date (a bare field).
    pub(crate) date: Tok,
    pub(crate) text: Option<Tok>,
    /// The registration date (a bare field); `None` when absent or `""`.
    pub(crate) registered: Option<Tok>,
    pub(crate) signature: Option<Tok>,
}

impl PlainVer {
    /// A voucher line with empty fields, to scan into.
    pub(crate) const EMPTY: PlainVer = PlainVer {
        series: Tok::EMPTY,
        number: Tok::EMPTY,
        date: Tok::EMPTY,
        text: None,
        registered: None,
        signature: None,
    };
}

/// A bare field, or a closed quoted field without `\"` followed by a separator or the
/// end of the line, at `i`: the field and the position after it.
#[inline(always)]
fn plain_scalar(line: &[u8], i: usize) -> Option<(Tok, usize)> {
    let b = *line.get(i)?;
    if b == b'"' {
        let (t, next) = plain_quoted(line, i)?;
        if line.get(next).is_some_and(|&c| !is_sep(c)) {
            return None;
        }
        Some((t, next))
    } else if class(b) == 0 {
        let e = sep_end(line, i);
        Some((Tok::new(i, e, TokKind::Bare), e))
    } else {
        None
    }
}

/// [`plain_scalar`] for a text, whose quotes may also hold `\"`: the field ends at the
/// first `"` without a backslash before it, as [`tokenize`] ends it, and is
/// [`TokKind::Escaped`] when it held one.
#[inline(always)]
fn text_scalar(line: &[u8], i: usize) -> Option<(Tok, usize)> {
    if line.get(i) != Some(&b'"') {
        return plain_scalar(line, i);
    }
    let start = i + 1;
    let mut j = start;
    let mut kind = TokKind::Quoted;
    let at = loop {
        let at = j + line.get(j..).and_then(find_byte::<b'"'>)?;
        if at > start && line.get(at - 1) == Some(&b'\\') {
            kind = TokKind::Escaped;
            j = at + 1;
            continue;
        }
        break at;
    };
    if line.get(at + 1).is_some_and(|&c| !is_sep(c)) {
        return None;
    }
    Some((Tok::new(start, at, kind), at + 1))
}

/// Splits the commonest voucher line in one pass, without a token list: `#VER series
/// number date ["text" [regdate|"" ["signature"]]]` with bare dates and every quoted
/// field closed and followed by a separator; the text and the signature may hold `\"`
/// (their tokens are then [`TokKind::Escaped`]), the series and the number may not. False for anything else
/// (`v` then holds nothing of use); the caller then tokenizes the line as usual.
pub(crate) fn scan_plain_ver(line: &[u8], v: &mut PlainVer) -> bool {
    scan_spaced_ver(line, v)
        .or_else(|| scan_plain_ver_into(line, v))
        .is_some()
}

/// [`scan_spaced_ver`] on the bytes from a line's start on, the line ending at its
/// first `\n`: the line's length (without the `\n`), with `v` holding exactly what
/// [`scan_plain_ver`] gives for the line. No search for the line end is needed: each
/// field is followed to its end. `None` also for a line the scan could read but that
/// ends otherwise (CR LF): the caller then splits the line first.
#[inline(always)]
pub(crate) fn scan_spaced_ver_at(rest: &[u8], v: &mut PlainVer) -> Option<usize> {
    spaced_ver::<true>(rest, v)
}

/// [`scan_plain_ver_into`] for the commonest spacing: one space between the fields, the
/// dates of eight digits (the registration date or `""`), nothing after the last field.
/// Each space is a byte compared, not a run skipped. `None` for a line spaced or built
/// otherwise, which [`scan_plain_ver_into`] then reads; where it is `Some`, `v` holds
/// exactly what that gives.
#[inline(always)]
fn scan_spaced_ver(line: &[u8], v: &mut PlainVer) -> Option<()> {
    spaced_ver::<false>(line, v).map(|_| ())
}

/// Whether the line of [`spaced_ver`] ends at `i`.
#[inline(always)]
fn line_ends<const AT_NL: bool>(line: &[u8], i: usize) -> bool {
    if AT_NL {
        line.get(i) == Some(&b'\n')
    } else {
        i == line.len()
    }
}

/// [`plain_quoted`] on the line of `line` (the whole of it, or with `AT_NL` up to its
/// first `\n`): the quoted field whose `"` is at `i`, when it is closed on the line and
/// has no `\"`, and the position after its closing quote.
#[inline(always)]
fn closed_quote<const AT_NL: bool>(line: &[u8], i: usize) -> Option<(Tok, usize)> {
    if !AT_NL {
        return plain_quoted(line, i);
    }
    // The closing quote is the first, where it comes before the line's end and has no
    // backslash before it (as `plain_quoted` reads the line).
    let start = i + 1;
    let at = start + quote_or_newline(line.get(start..)?)?;
    if line.get(at) != Some(&b'"') || (at > start && line.get(at - 1) == Some(&b'\\')) {
        return None;
    }
    Some((Tok::new(start, at, TokKind::Quoted), at + 1))
}

/// A field of [`spaced_ver`]: a bare field, or a closed quoted field without `\"`, at
/// `i`, followed by a space or the line's end; the field and the position after it.
#[inline(always)]
fn spaced_field<const AT_NL: bool>(line: &[u8], i: usize) -> Option<(Tok, usize)> {
    let b = *line.get(i)?;
    let (t, e) = if b == b'"' {
        let (t, e) = closed_quote::<AT_NL>(line, i)?;
        if !AT_NL && line.get(e).is_some_and(|&c| !is_sep(c)) {
            return None;
        }
        (t, e)
    } else if class(b) == 0 {
        // Mostly a field of one byte (a series).
        let e = if line.get(i + 1).is_none_or(|&c| is_sep(c)) {
            i + 1
        } else {
            sep_end(line, i + 1)
        };
        (Tok::new(i, e, TokKind::Bare), e)
    } else {
        return None;
    };
    (line.get(e) == Some(&b' ') || line_ends::<AT_NL>(line, e)).then_some((t, e))
}

/// The spaced voucher scan; the line is the whole of `line`, or (`AT_NL`) `line` up to
/// its first `\n`, whose position is returned.
#[inline(always)]
fn spaced_ver<const AT_NL: bool>(line: &[u8], v: &mut PlainVer) -> Option<usize> {
    let ends = |i: usize| line_ends::<AT_NL>(line, i);
    if !line.starts_with(b"#VER ") {
        return None;
    }
    let (series, e) = spaced_field::<AT_NL>(line, 5)?;
    let (number, e) = spaced_field::<AT_NL>(line, e + 1)?;
    let date = e + 1;
    let w = word_at(line, date)?;
    if non_digits(w) != 0 || !(line.get(date + 8) == Some(&b' ') || ends(date + 8)) {
        return None;
    }
    v.series = series;
    v.number = number;
    v.date = Tok::new(date, date + 8, TokKind::Bare);
    v.text = None;
    v.registered = None;
    v.signature = None;
    let i = date + 8;
    if ends(i) {
        return Some(i);
    }
    let (text, e) = spaced_field::<AT_NL>(line, i + 1)?;
    v.text = Some(text);
    if ends(e) {
        return Some(e);
    }
    // The registration date: `""` (none) or eight digits, then a space or the end.
    let mut i = e + 1;
    if line.get(i..i + 2) == Some(&b"\"\""[..]) {
        i += 2;
    } else {
        let w = word_at(line, i)?;
        if non_digits(w) != 0 {
            return None;
        }
        v.registered = Some(Tok::new(i, i + 8, TokKind::Bare));
        i += 8;
    }
    if ends(i) {
        return Some(i);
    }
    if line.get(i) != Some(&b' ') {
        return None;
    }
    let (signature, e) = spaced_field::<AT_NL>(line, i + 1)?;
    v.signature = Some(signature);
    ends(e).then_some(e)
}

#[inline(always)]
fn scan_plain_ver_into(line: &[u8], v: &mut PlainVer) -> Option<()> {
    let after = line.strip_prefix(b"#VER")?;
    if !after.first().is_some_and(|&b| is_sep(b)) {
        return None;
    }
    let n = line.len();
    let (series, e) = plain_scalar(line, skip_seps(line, 4))?;
    let (number, e) = plain_scalar(line, skip_seps(line, e))?;
    let i = skip_seps(line, e);
    if class(*line.get(i)?) != 0 {
        return None;
    }
    let e = date_end(line, i);
    v.series = series;
    v.number = number;
    v.date = Tok::new(i, e, TokKind::Bare);
    v.text = None;
    v.registered = None;
    v.signature = None;
    let mut i = skip_seps(line, e);
    if i < n {
        let (t, e) = text_scalar(line, i)?;
        v.text = Some(t);
        i = skip_seps(line, e);
    }
    if i < n {
        let b = *line.get(i)?;
        if b == b'"' {
            // `""`: no registration date.
            if line.get(i + 1) != Some(&b'"') || line.get(i + 2).is_some_and(|&c| !is_sep(c)) {
                return None;
            }
            i = skip_seps(line, i + 2);
        } else if class(b) == 0 {
            let e = date_end(line, i);
            v.registered = Some(Tok::new(i, e, TokKind::Bare));
            i = skip_seps(line, e);
        } else {
            return None;
        }
    }
    if i < n {
        let (t, e) = text_scalar(line, i)?;
        v.signature = Some(t);
        i = skip_seps(line, e);
    }
    (i == n).then_some(())
}

/// Unescapes `\"` into `"`.
pub(crate) fn unescape(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut it = bytes.iter().peekable();
    while let Some(&b) = it.next() {
        if b == b'\\' && it.peek() == Some(&&b'"') {
            continue;
        }
        out.push(b);
    }
    out
}

/// What the line source produced.
pub(crate) enum LineEvent {
    /// A line (without CR/LF) and its tokens.
    Line,
    /// A line longer than the limit was skipped.
    Overlong,
    /// End of input.
    Eof,
}

/// Buffered line source over any reader. The buffer grows only for lines longer than it,
/// up to `max_line` bytes.
pub(crate) struct Lines<R> {
    src: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    scanned: usize,
    eof: bool,
    max_line: usize,
    /// Line number (1-based) of the current line.
    pub(crate) line_no: u64,
    /// The current line: `buf[line_start..line_end]`.
    line_start: usize,
    line_end: usize,
    /// Tokens of the current line.
    pub(crate) toks: Vec<Tok>,
    pub(crate) unterminated: bool,
    pub(crate) bytes_read: u64,
    /// Tokenize each line (off for callers that tokenize themselves).
    pub(crate) tokenize: bool,
    /// The input began with a UTF-8 byte order mark (skipped).
    pub(crate) bom: bool,
    /// The current line is the last one and has no line end (`\n`): the input may have
    /// been cut.
    pub(crate) no_line_end: bool,
    /// Lines start only in the first `limit` bytes of the source; what follows is read
    /// only as the sample of [`Lines::lookahead`] (for a stretch of a file).
    pub(crate) limit: u64,
    newline: NewlineFinder,
}

const INITIAL_BUFFER: usize = 64 * 1024;

/// The sample the encoding is detected from: the line that first needs it and what
/// follows, this many bytes in all (or to the end of the file), however the source
/// delivers its bytes.
pub(crate) const DETECT_SAMPLE: usize = 64 * 1024;

impl<R: Read> Lines<R> {
    pub(crate) fn new(src: R, max_line: usize) -> Self {
        Self::with_buffer(src, max_line, Vec::new())
    }

    /// Lines of `src` read into `buf` (a buffer an earlier `Lines` gave back with
    /// [`Lines::into_buffer`]; grown to the initial size when smaller). What it holds is
    /// not read.
    pub(crate) fn with_buffer(src: R, max_line: usize, mut buf: Vec<u8>) -> Self {
        if buf.len() < INITIAL_BUFFER {
            buf.resize(INITIAL_BUFFER, 0);
        }
        Lines {
            src,
            buf,
            pos: 0,
            end: 0,
            scanned: 0,
            eof: false,
            max_line: max_line.clamp(1024, 1 << 30),
            line_no: 0,
            line_start: 0,
            line_end: 0,
            toks: Vec::with_capacity(32),
            unterminated: false,
            bytes_read: 0,
            tokenize: true,
            bom: false,
            no_line_end: false,
            limit: u64::MAX,
            newline: NewlineFinder::new(),
        }
    }

    /// The line buffer, for another `Lines` to reuse ([`Lines::with_buffer`]).
    pub(crate) fn into_buffer(self) -> Vec<u8> {
        self.buf
    }

    /// The current line's bytes.
    #[inline]
    pub(crate) fn line(&self) -> &[u8] {
        self.buf
            .get(self.line_start..self.line_end)
            .unwrap_or_default()
    }

    /// The input from the current line onward, at most [`DETECT_SAMPLE`] bytes, for
    /// encoding detection: the whole sample once [`Lines::lookahead`] has read it.
    pub(crate) fn window(&self) -> &[u8] {
        let end = self.end.min(self.line_start.saturating_add(DETECT_SAMPLE));
        self.buf.get(self.line_start..end).unwrap_or_default()
    }

    /// Reads on until the buffer holds `n` bytes from the current line's start (or the
    /// source ends), keeping the current line.
    pub(crate) fn lookahead(&mut self, n: usize) -> io::Result<()> {
        while !self.eof && self.end - self.line_start < n {
            if self.end == self.buf.len() {
                // Room: drop what is before the current line, then grow.
                let s = self.line_start;
                if s > 0 {
                    self.buf.copy_within(s..self.end, 0);
                    self.end -= s;
                    self.pos -= s;
                    self.scanned -= s;
                    self.line_start = 0;
                    self.line_end -= s;
                }
                if self.end == self.buf.len() {
                    let len = self.buf.len().max(n).saturating_mul(2);
                    self.buf.resize(len, 0);
                }
            }
            let Some(space) = self.buf.get_mut(self.end..) else {
                return Ok(());
            };
            match self.src.read(space) {
                Ok(0) => self.eof = true,
                Ok(k) => {
                    self.end += k;
                    self.bytes_read += k as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn fill(&mut self) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.scanned -= self.pos;
            self.pos = 0;
        }
        if self.end == self.buf.len() {
            let new_len = (self.buf.len() * 2)
                .min(self.max_line.saturating_add(1))
                .max(self.buf.len() + 1);
            self.buf.resize(new_len, 0);
        }
        loop {
            let Some(space) = self.buf.get_mut(self.end..) else {
                return Ok(());
            };
            match self.src.read(space) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(k) => {
                    self.end += k;
                    self.bytes_read += k as u64;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Advances to the next line and tokenizes it.
    ///
    /// # Errors
    ///
    /// I/O errors of the underlying reader.
    #[inline(always)]
    pub(crate) fn advance(&mut self) -> io::Result<LineEvent> {
        // The commonest case first, without a call: the next line end is in the buffer,
        // the line is neither the first (a byte order mark) nor too long, and no limit
        // is set. It is exactly what `advance_slow` does in that case.
        if self.limit == u64::MAX && self.line_no > 0 && !self.tokenize {
            let pending = self.buf.get(self.scanned..self.end).unwrap_or_default();
            if let Some(i) = self.newline.find(pending) {
                let nl = self.scanned + i;
                if nl - self.pos <= self.max_line {
                    self.line_no += 1;
                    let start = self.pos;
                    let mut end = nl;
                    while end > start && self.buf.get(end - 1) == Some(&b'\r') {
                        end -= 1;
                    }
                    self.line_start = start;
                    self.line_end = end;
                    self.pos = nl + 1;
                    self.scanned = self.pos;
                    return Ok(LineEvent::Line);
                }
            }
        }
        self.advance_slow()
    }

    /// The bytes from the next line's start to the end of the buffer, where the next
    /// line may be taken without [`Lines::advance`]'s search for its end
    /// ([`Lines::take_line`]): no limit is set, the next line is not the first (which
    /// may begin with a byte order mark) and lines are not tokenized.
    #[inline(always)]
    pub(crate) fn ahead(&self) -> Option<&[u8]> {
        if self.limit == u64::MAX && self.line_no > 0 && !self.tokenize {
            self.buf.get(self.pos..self.end)
        } else {
            None
        }
    }

    /// Makes the first `len` bytes of [`Lines::ahead`] the current line, exactly as
    /// [`Lines::advance`] would, where a `\n` follows them, no CR comes before it and
    /// the line is not too long. False, with nothing changed, otherwise.
    #[inline(always)]
    pub(crate) fn take_line(&mut self, len: usize) -> bool {
        let nl = self.pos + len;
        if self.ahead().is_none()
            || len > self.max_line
            || nl >= self.end
            || self.buf.get(nl) != Some(&b'\n')
            || (len > 0 && self.buf.get(nl - 1) == Some(&b'\r'))
        {
            return false;
        }
        self.line_no += 1;
        self.line_start = self.pos;
        self.line_end = nl;
        self.pos = nl + 1;
        self.scanned = self.pos;
        true
    }

    /// [`Lines::advance`] in every case.
    #[inline(never)]
    fn advance_slow(&mut self) -> io::Result<LineEvent> {
        // The offset in the source of the next line's start.
        let next = self.bytes_read - (self.end - self.pos) as u64;
        if next >= self.limit {
            self.line_start = self.pos;
            self.line_end = self.pos;
            self.toks.clear();
            return Ok(LineEvent::Eof);
        }
        let mut skipping = false;
        loop {
            let pending = self.buf.get(self.scanned..self.end).unwrap_or_default();
            if let Some(i) = self.newline.find(pending) {
                let nl = self.scanned + i;
                self.line_no += 1;
                if skipping || nl - self.pos > self.max_line {
                    self.pos = nl + 1;
                    self.scanned = self.pos;
                    self.line_start = self.pos;
                    self.line_end = self.pos;
                    self.toks.clear();
                    return Ok(LineEvent::Overlong);
                }
                self.set_line(self.pos, nl);
                self.pos = nl + 1;
                self.scanned = self.pos;
                return Ok(LineEvent::Line);
            }
            self.scanned = self.end;
            if self.eof {
                if self.pos < self.end {
                    self.line_no += 1;
                    self.no_line_end = true;
                    if skipping {
                        self.pos = self.end;
                        self.toks.clear();
                        return Ok(LineEvent::Overlong);
                    }
                    self.set_line(self.pos, self.end);
                    self.pos = self.end;
                    return Ok(LineEvent::Line);
                }
                self.line_start = self.end;
                self.line_end = self.end;
                self.toks.clear();
                return Ok(LineEvent::Eof);
            }
            if self.end - self.pos >= self.max_line {
                // Drop what we have of the overlong line and keep skipping to its end.
                skipping = true;
                self.pos = self.end;
                self.scanned = self.end;
            }
            self.fill()?;
        }
    }

    /// Tokenizes the current line (for a source made with `tokenize` off).
    pub(crate) fn tokenize_line(&mut self) {
        let line = self
            .buf
            .get(self.line_start..self.line_end)
            .unwrap_or_default();
        self.unterminated = tokenize(line, &mut self.toks);
    }

    fn set_line(&mut self, mut start: usize, mut end: usize) {
        if self.line_no == 1
            && self
                .buf
                .get(start..end)
                .is_some_and(|l| l.starts_with(b"\xef\xbb\xbf"))
        {
            start += 3;
            self.bom = true;
        }
        while end > start && self.buf.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        self.line_start = start;
        self.line_end = end;
        if self.tokenize {
            let line = self.buf.get(start..end).unwrap_or_default();
            self.unterminated = tokenize(line, &mut self.toks);
        }
    }
}

#[cfg(test)]
mod tests;
