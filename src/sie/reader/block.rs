//! A whole plain voucher summed straight from bytes in memory.
//!
//! In summing mode (the ledger's reading), the commonest voucher — a plain `#VER` line,
//! `{`, rows that [the summing lane](State::sum_lane) takes, `}` — leaves nothing in the
//! reader but counts and sums: no record, no diagnostic. [`State::summed_vouchers`] reads
//! such vouchers, one after another, straight from the bytes: for each it first checks
//! every line without changing anything, then adds what the line-by-line reading would
//! have added. Anything else (another line in the block, a row the lane does not take,
//! a voucher that does not balance or is dated outside the financial year, a line not
//! yet in the stretch) is left to the line-by-line reading, which then says what there
//! is to say.

use super::super::lexer::{
    NewlineFinder, PLAIN_PAIRS, PlainRow, PlainVer, scan_plain_ver, scan_spaced_row_at,
    scan_spaced_ver_at,
};
use super::super::totals::DigitRow;
use super::sums::{
    PlainSums, RowTail, add_checked, bound_sums, summable_row, summable_row_at_into,
    summed_row_bytes,
};
use super::*;

/// The lines of a stretch in memory, as [`Paused::scan`] splits them.
pub(super) struct StretchLines<'a> {
    data: &'a [u8],
    /// Lines begin before this offset.
    end: usize,
    pos: usize,
    max_line: usize,
    newline: &'a NewlineFinder,
    /// Only ASCII lines (while the encoding is open: another line may detect it).
    pub(super) ascii: bool,
}

impl<'a> StretchLines<'a> {
    pub(super) fn new(
        data: &'a [u8],
        end: usize,
        max_line: usize,
        newline: &'a NewlineFinder,
    ) -> Self {
        StretchLines {
            data,
            end,
            pos: 0,
            max_line,
            newline,
            ascii: false,
        }
    }

    /// The next line without its line end (and CRs before it), or `None` at a line that
    /// begins at or after the end, has no line end, is `max_line` bytes or longer, or is
    /// not ASCII where only ASCII lines are read.
    #[inline(always)]
    pub(super) fn next_line(&mut self) -> Option<&'a [u8]> {
        let (line, len) = self.peek_line()?;
        self.pos += len;
        Some(line)
    }

    /// [`StretchLines::next_line`] without reading it: the line and its length with its
    /// line end.
    #[inline(always)]
    pub(super) fn peek_line(&self) -> Option<(&'a [u8], usize)> {
        if self.pos >= self.end {
            return None;
        }
        let rest = self.data.get(self.pos..)?;
        let nl = self.newline.find(rest)?;
        if nl >= self.max_line {
            return None;
        }
        let mut line = rest.get(..nl)?;
        while let [head @ .., b'\r'] = line {
            line = head;
        }
        self.readable(line).then_some((line, nl + 1))
    }

    /// Whether `line` (without its line end, or the part of it that may not be ASCII) is
    /// one this stretch reads: not ASCII only where only ASCII lines are read. Its
    /// length is checked by the caller.
    #[inline(always)]
    fn readable(&self, line: &[u8]) -> bool {
        !self.ascii || line.is_ascii()
    }

    /// The next line when it is a voucher line of the commonest spacing, read without
    /// a search for its end ([`scan_spaced_ver_at`]): the line, as
    /// [`StretchLines::next_line`] gives it, with its fields in `v`. Nothing is read
    /// otherwise (and `v` holds nothing of use).
    #[inline(always)]
    pub(super) fn spaced_ver(&mut self, v: &mut PlainVer) -> Option<&'a [u8]> {
        if self.pos >= self.end {
            return None;
        }
        let rest = self.data.get(self.pos..)?;
        let len = scan_spaced_ver_at(rest, v)?;
        let line = rest.get(..len)?;
        if len >= self.max_line || !self.readable(line) {
            return None;
        }
        self.pos += len + 1;
        Some(line)
    }

    /// The next line when it is a row of the commonest spacing, read without a search
    /// for its end ([`scan_spaced_row_at`]): the line, as [`StretchLines::next_line`]
    /// gives it, with its fields in `row` as [`scan_plain_row`] gives them. Nothing is
    /// read otherwise (and `row` holds nothing of use).
    #[inline(always)]
    pub(super) fn spaced_row(&mut self, row: &mut PlainRow) -> Option<&'a [u8]> {
        if self.pos >= self.end {
            return None;
        }
        let rest = self.data.get(self.pos..)?;
        let len = scan_spaced_row_at(rest, row)?;
        let line = rest.get(..len)?;
        if len >= self.max_line || rest.get(len) != Some(&b'\n') || !self.readable(line) {
            return None;
        }
        self.pos += len + 1;
        Some(line)
    }

    /// The next line when it is a row the summing lane reads: the row's head into
    /// `head`, and what follows its amount.
    /// Nothing is read otherwise (and `head` holds nothing of use).
    #[inline(always)]
    fn next_row(&mut self, head: &mut DigitRow) -> Option<RowTail<'a>> {
        if self.pos >= self.end {
            return None;
        }
        let rest = self.data.get(self.pos..)?;
        // The commonest lines, read without searching for their end first.
        if let Some((tail, len)) = summable_row_at_into(rest, head) {
            if len > self.max_line || !self.readable(tail.text) {
                return None;
            }
            self.pos += len;
            return Some(tail);
        }
        let (line, len) = self.peek_line()?;
        let row = summable_row(line)?;
        self.pos += len;
        *head = row.head;
        Some(RowTail {
            date: row.date,
            text: row.text,
        })
    }

    /// Whether the next line begins with `byte` (nothing is read).
    #[inline(always)]
    pub(super) fn at(&self, byte: u8) -> bool {
        self.pos < self.end && self.data.get(self.pos) == Some(&byte)
    }

    /// The next line when it is `{` or `}` alone with a `\n` after it: the brace (the
    /// line read).
    #[inline(always)]
    pub(super) fn brace_alone(&mut self) -> Option<u8> {
        match self.data.get(self.pos..self.pos + 2) {
            Some(&[b @ (b'{' | b'}'), b'\n']) if self.pos < self.end => {
                self.pos += 2;
                Some(b)
            }
            _ => None,
        }
    }

    /// Whether the next line is `brace` alone (read when it is).
    #[inline(always)]
    fn brace(&mut self, brace: u8) -> bool {
        // The commonest form first, without a search for the line end.
        if self.pos < self.end && self.data.get(self.pos..self.pos + 2) == Some(&[brace, b'\n']) {
            self.pos += 2;
            return true;
        }
        match self.peek_line() {
            Some(([b], len)) if *b == brace => {
                self.pos += len;
                true
            }
            _ => false,
        }
    }

    /// The bytes read so far.
    pub(super) fn read(&self) -> usize {
        self.pos
    }

    /// The bytes not read yet.
    pub(super) fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    /// Goes back to `pos`, bytes read before ([`StretchLines::read`]).
    pub(super) fn rewind(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// Reads `len` bytes (a line [`StretchLines::peek_line`] gave).
    pub(super) fn advance(&mut self, len: usize) {
        self.pos += len;
    }
}

/// Adds the rows of a voucher read whole, whose `#VER` is on line `ln`, to the sums;
/// `abs` is the sum of their absolute amounts in öre. Not inlined: inlined into the
/// loop over vouchers it cost 1 % more instructions on the ledger.
#[inline(never)]
fn add_voucher_rows(sums: &mut PlainSums, rows: &[DigitRow], abs: u128, ln: u64) {
    let check = bound_sums(sums, abs);
    for h in rows {
        let objects = h.pairs.get(..h.pairs_len).unwrap_or_default();
        add_checked(
            sums,
            h.account,
            objects,
            i128::from(h.cents),
            h.decimals,
            check,
            ln,
        );
    }
}

/// The most a summed row adds to its voucher's size, its account's digits aside.
const MAX_ROW_BYTES: usize = summed_row_bytes(0, PLAIN_PAIRS);

/// The most rows a voucher read whole may have at the size limit `max`: beyond them it
/// cannot be within the size ([`within_size`]).
fn max_rows(max: usize) -> usize {
    max / MAX_ROW_BYTES
}

/// A voucher block as [`State::voucher_rows`] reads it.
enum Whole {
    /// Read whole: its rows, and the sum of their absolute amounts in öre.
    Rows(usize, u128),
    /// It has more rows than the slots given (and may have no more than
    /// [`max_rows`]): to be read again with more.
    MoreRows,
}

/// Whether a voucher of `rows` rows whose block holds `block` bytes (its rows' lines
/// with their line ends, and its `}`) passes every check of its size that the lane
/// makes before each row: the size so far, plus twice the row line's length and 512
/// bytes, within `max`. The size so far is at most every row's [`summed_row_bytes`],
/// each at most [`MAX_ROW_BYTES`] and its account's digits (all of them within the
/// block), and a line is shorter than the block: `rows · MAX_ROW_BYTES + 3 · block +
/// 512` within `max` is enough, checked once instead of before each row. A voucher that
/// fails it (tens of thousands of rows at the default size) is read line by line, which
/// makes the exact checks.
#[inline(always)]
fn within_size(rows: usize, block: usize, max: usize) -> bool {
    rows.saturating_mul(MAX_ROW_BYTES)
        .saturating_add(block.saturating_mul(3))
        .saturating_add(512)
        <= max
}

impl State {
    /// In summing mode, the vouchers whose lines come next in `lines`, read whole while
    /// each is the commonest kind (see the module's text): how many lines were read, 0
    /// when the first is not such a voucher. `lines` is left after the last voucher
    /// read, and nothing but the date cache is changed by the voucher that stopped the
    /// run. `ln` is the number of the first `#VER` line.
    ///
    /// A run of vouchers is read in one call, so that what is the same for all of them
    /// (the conditions of the lane, the row buffer, the counts) is looked at once per
    /// run, not once per voucher. With the rows in slots of a slice, which the row loop
    /// keeps in registers, the ledger of 100 000 generated vouchers went from 384 M to
    /// 372 M instructions.
    pub(super) fn summed_vouchers(&mut self, ln: u64, lines: &mut StretchLines<'_>) -> u64 {
        // The conditions of the plain lanes; none changes while vouchers are summed.
        if !self.plain_rows
            || matches!(self.checksum, Checksum::Running(_))
            || self.voucher.is_some()
            || self.records == 0
        {
            return 0;
        }
        let Some(sums) = self.sums.as_deref_mut() else {
            return 0;
        };
        let mut rows = std::mem::take(&mut sums.block);
        // While the encoding is open, a line that is not ASCII may detect it; summed
        // vouchers never settle it.
        lines.ascii = self.encoding.is_none();
        let (mut read, mut vouchers, mut summed) = (0u64, 0u64, 0u64);
        while lines.rest().starts_with(b"#VER") {
            let start = lines.read();
            let (n, abs) = match self.voucher_whole(lines, &mut rows) {
                Some(Whole::Rows(n, abs)) => (n, abs),
                Some(Whole::MoreRows) => {
                    // Rarely: more rows than any voucher so far. Read again with room.
                    // (More than `rows` has: `MoreRows` comes only below the most.)
                    let most = max_rows(self.opts.max_voucher_bytes);
                    let more = rows.len().saturating_mul(2).max(16).min(most);
                    rows.resize(more, DigitRow::EMPTY);
                    lines.rewind(start);
                    continue;
                }
                None => {
                    lines.rewind(start);
                    break;
                }
            };
            let voucher_rows = rows.get(..n).unwrap_or_default();
            if let Some(sums) = self.sums.as_deref_mut() {
                add_voucher_rows(sums, voucher_rows, abs, ln + read);
            }
            // `#VER`, `{`, the rows and `}`.
            read += n as u64 + 3;
            vouchers += 1;
            summed += n as u64;
        }
        if let Some(sums) = self.sums.as_deref_mut() {
            sums.block = rows;
        }
        if vouchers > 0 {
            // What reading the vouchers line by line counts; each has rows, so the
            // first row counted is the first voucher's.
            self.count(Label::Ver, ln, vouchers);
            self.max_group = self.max_group.max(Label::Ver.group());
            self.count(Label::Trans, ln + 2, summed);
            self.rows += summed;
            self.vouchers += vouchers;
            self.records += vouchers;
        }
        read
    }

    /// The voucher whose `#VER` line comes next in `lines`, when it is read whole: its
    /// rows in the first of `rows`, as [`State::voucher_rows`] gives them. `None` for
    /// any other voucher, with `lines` left anywhere.
    #[inline(always)]
    fn voucher_whole(
        &mut self,
        lines: &mut StretchLines<'_>,
        rows: &mut [DigitRow],
    ) -> Option<Whole> {
        let mut ver = PlainVer::EMPTY;
        let head = match lines.spaced_ver(&mut ver) {
            Some(head) => head,
            None => {
                let head = lines.next_line()?;
                if !scan_plain_ver(head, &mut ver) {
                    return None;
                }
                head
            }
        };
        let date = self.plain_date_inline(ver.date.bytes(head))?;
        if let Some(t) = ver.registered {
            self.plain_date_inline(t.bytes(head))?;
        }
        if self
            .rar0
            .is_some_and(|(start, end)| date < start || date > end)
        {
            return None;
        }
        if !lines.brace(b'{') {
            return None;
        }
        self.voucher_rows(lines, rows)
    }

    /// The rows of a voucher block up to its `}`, each as the summing lane reads it,
    /// into the first of `rows` (slots beyond them are kept from earlier vouchers, to be
    /// overwritten): how many, and the sum of their absolute amounts in öre, or
    /// [`Whole::MoreRows`] when the block has more rows than `rows` has slots. `None`
    /// unless every line is such a row, the rows balance, and the voucher is
    /// well within [`ReadOptions::max_voucher_bytes`] (see [`within_size`]).
    fn voucher_rows(
        &mut self,
        lines: &mut StretchLines<'_>,
        rows: &mut [DigitRow],
    ) -> Option<Whole> {
        let max = self.opts.max_voucher_bytes;
        let start = lines.read();
        let (mut balance, mut n) = (0i128, 0usize);
        // Cannot wrap: each row adds less than 2⁶³.
        let mut abs = 0u128;
        loop {
            // The block's end first: tried as a row, its line end would be searched.
            if lines.at(b'}') {
                if lines.brace(b'}') {
                    break;
                }
                return None;
            }
            let Some(h) = rows.get_mut(n) else {
                // Rows beyond this many cannot be within the size.
                return (n < max_rows(max)).then_some(Whole::MoreRows);
            };
            let tail = lines.next_row(h)?;
            balance = balance.wrapping_add(i128::from(h.cents));
            abs = abs.wrapping_add(u128::from(h.cents.unsigned_abs()));
            if let Some(raw) = tail.date {
                self.plain_date_inline(raw)?;
            }
            n += 1;
        }
        if !within_size(n, lines.read() - start, max) {
            return None;
        }
        // An empty voucher, or one that does not balance, has its diagnostic.
        (n > 0 && balance == 0).then_some(Whole::Rows(n, abs))
    }

    /// Counts `n` records of `label`, the first of them on line `first`.
    fn count(&mut self, label: Label, first: u64, n: u64) {
        let idx = label as usize;
        if let Some(c) = self.counts.get_mut(idx) {
            if *c == 0 {
                if let Some(f) = self.first_line.get_mut(idx) {
                    *f = first;
                }
            }
            *c += n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::tests::{after, after_with};
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The one check of a voucher's size never passes a voucher that one of the
        /// line-by-line checks before each row would stop: rows of any account length,
        /// objects and line length, in a block of their lines and a `}`.
        #[test]
        fn the_size_checked_once_passes_only_what_every_row_check_passes(
            rows in proptest::collection::vec((1usize..=10, 0..=PLAIN_PAIRS, 0usize..5000), 1..60),
        ) {
            // A row line holds its account's digits and at least 12 bytes more.
            let lines: Vec<(usize, usize, usize)> =
                rows.iter().map(|&(a, p, extra)| (a, p, a + 12 + extra)).collect();
            let block = lines.iter().map(|&(_, _, len)| len + 1).sum::<usize>() + 2;
            // The least size limit that passes every check before a row.
            let (mut bytes, mut least) = (0usize, 0usize);
            for &(account_len, pairs, len) in &lines {
                least = least.max(bytes + len * 2 + 512);
                bytes += summed_row_bytes(account_len, pairs);
            }
            prop_assert!(!within_size(lines.len(), block, least - 1));
            // And it is no tighter than it needs to be for an ordinary voucher.
            prop_assert!(within_size(lines.len(), block, 32 << 20));
        }
    }

    /// A head whose encoding is settled (CP437, from the account name).
    const HEAD: &[u8] =
        b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#RAR 0 20250101 20251231\n#KONTO 3010 \"F\x94rs\"\n";

    /// The lane on the voucher at the start of `data`: what it read, and the state's
    /// counts after it.
    fn lane(p: &mut Paused, data: &[u8]) -> (Option<(usize, u64)>, u64, u64, u64) {
        let newline = NewlineFinder::new();
        let mut lines = StretchLines::new(data, data.len(), 1 << 20, &newline);
        let ln = p.line + 1;
        let n = p.st.summed_vouchers(ln, &mut lines);
        let read = (n > 0).then(|| (lines.read(), n));
        (read, p.st.vouchers, p.st.rows, p.st.records)
    }

    #[test]
    fn a_plain_balanced_voucher_is_read_whole() {
        let mut p = after(HEAD);
        assert!(p.encoding_settled());
        let (_, vouchers, rows, records) = lane(&mut p, b"");
        let plain = "#VER A 1 20250110 \"Hyra för lokal\" 20250111 \"Anna\"\r\n{\n\
            #TRANS 1930 {} 10.50 20250110 \"Bank\"\n#TRANS 3010 {1 \"7\" 20 8} -10.5\n}\n#VER";
        let plain = plain.as_bytes();
        let (read, v, r, rec) = lane(&mut p, plain);
        assert_eq!(read, Some((plain.len() - 4, 5)));
        assert_eq!((v, r, rec), (vouchers + 1, rows + 2, records + 1));
        let sums =
            p.st.sums
                .as_deref()
                .map(|s| (s.accounts.len(), s.objects.len()));
        assert_eq!(sums, Some((2, 2)));
        // Texts with escaped quotes are read whole too (summing mode does not decode them).
        let escaped = b"#VER A 2 20250110 \"Hyra \\\"x\\\"\" \"\" \"A\\\"B\"\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n";
        assert_eq!(lane(&mut p, escaped).0, Some((escaped.len(), 5)));
        // A control byte inside a quote is text like any other.
        let tab = b"#VER A 3 20250110 \"Hyra\tlokal\" 20250111 \"Anna\"\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n";
        assert_eq!(lane(&mut p, tab).0, Some((tab.len(), 5)));
    }

    /// Vouchers in a row are read in one run, which stops before the first that is not
    /// read whole (with nothing of it counted) and counts the run as the line-by-line
    /// reading counts each voucher: the first `#VER` and `#TRANS` lines are the run's.
    #[test]
    fn a_run_of_vouchers_is_read_up_to_the_first_that_is_not_whole() {
        let mut p = after(HEAD);
        let first_ln = p.line + 1;
        let one = b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {1 \"7\"} -10\n}\n";
        let two = b"#VER A 2 20250111 \"Hyra\"\n{\n#TRANS 1930 {} 5.25\n#TRANS 3010 {} -5.25\n}\n";
        let odd = b"#VER A 3 20250112\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -9\n}\n";
        let data = [&one[..], two, odd, one].concat();
        let before = p.st.records;
        let (read, vouchers, rows, records) = lane(&mut p, &data);
        assert_eq!(read, Some((one.len() + two.len(), 10)));
        assert_eq!((vouchers, rows, records), (2, 4, before + 2));
        let (ver, trans) = (Label::Ver as usize, Label::Trans as usize);
        assert_eq!((p.st.counts[ver], p.st.counts[trans]), (2, 4));
        assert_eq!(
            (p.st.first_line[ver], p.st.first_line[trans]),
            (first_ln, first_ln + 2)
        );
        let sums =
            p.st.sums
                .as_deref()
                .map(|s| (s.accounts.len(), s.objects.len()));
        assert_eq!(sums, Some((2, 1)));
        // The voucher that stopped the run starts the next call, which reads nothing.
        let rest = &data[one.len() + two.len()..];
        assert_eq!(lane(&mut p, rest).0, None);
        assert_eq!(p.st.vouchers, 2);
    }

    /// A voucher of more rows than any before it is read whole all the same: the rows'
    /// room grows (from none) and the voucher is read again.
    #[test]
    fn a_voucher_of_many_rows_is_read_whole() {
        let mut p = after(HEAD);
        let mut data = b"#VER A 1 20250110\n{\n".to_vec();
        for i in 0..40 {
            data.extend_from_slice(format!("#TRANS {} {{1 \"7\"}} 2.50\n", 4000 + i).as_bytes());
        }
        data.extend_from_slice(b"#TRANS 1930 {} -100\n}\n");
        assert_eq!(lane(&mut p, &data).0, Some((data.len(), 44)));
        let sums =
            p.st.sums
                .as_deref()
                .map(|s| (s.accounts.len(), s.objects.len(), s.block.len()));
        assert_eq!(sums, Some((41, 40, 64)));
        // At a size limit too small for 41 rows it is not read whole.
        let opts = ReadOptions {
            max_voucher_bytes: 40 * MAX_ROW_BYTES,
            ..ReadOptions::default()
        };
        let mut small = after_with(HEAD, opts);
        assert_eq!(lane(&mut small, &data).0, None);
    }

    /// Each voucher is left to the line-by-line reading, with nothing counted or summed.
    #[test]
    fn any_other_voucher_is_left_to_the_reading_line_by_line() {
        let others: [&[u8]; 14] = [
            // Does not balance; outside the year; no rows.
            b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -9\n}\n",
            b"#VER A 1 20240110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n",
            b"#VER A 1 20250110\n{\n}\n",
            // A row the lane does not take: #RTRANS, a quantity, three decimals, a text
            // account, an implausible row date.
            b"#VER A 1 20250110\n{\n#RTRANS 1930 {} 10\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n",
            b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10 20250110 \"x\" 2\n#TRANS 3010 {} -10\n}\n",
            b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10.005\n#TRANS 3010 {} -10.005\n}\n",
            b"#VER A 1 20250110\n{\n#TRANS \"1930\" {} 10\n#TRANS 3010 {} -10\n}\n",
            b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10 18000101\n#TRANS 3010 {} -10\n}\n",
            // No block; a block not closed before the end; a line without a line end.
            b"#VER A 1 20250110\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n",
            b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n",
            b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}",
            // A voucher line the plain lane does not read; an implausible voucher date.
            b"#VER \"A\\\"\" 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n",
            b"#VER A 1 20251301\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n",
            // A text not closed on its line (a quote on the next line does not close it).
            b"#VER A 1 20250110 \"Hyra\n{\n#TRANS 1930 {} 10 \"\" \"x\"\n#TRANS 3010 {} -10\n}\n",
        ];
        for data in others {
            let mut p = after(HEAD);
            let before = lane(&mut p, b"");
            assert_eq!(
                lane(&mut p, data),
                before,
                "{}",
                String::from_utf8_lossy(data)
            );
            let sums =
                p.st.sums
                    .as_deref()
                    .map(|s| s.accounts.len() + s.objects.len());
            assert_eq!(sums, Some(0));
        }
        // While the encoding is open only ASCII lines are read whole.
        let mut open = after(b"#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n");
        let high = "#VER A 1 20250110 \"Lön\"\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n";
        assert_eq!(lane(&mut open, high.as_bytes()).0, None);
        let ascii = b"#VER A 1 20250110 \"Lon\"\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n";
        assert_eq!(lane(&mut open, ascii).0, Some((ascii.len(), 5)));
        // A voucher past the size limit is read line by line (which skips rows).
        let opts = ReadOptions {
            max_voucher_bytes: 600,
            ..ReadOptions::default()
        };
        let mut small = after_with(HEAD, opts);
        let big = b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n";
        assert_eq!(lane(&mut small, big).0, None);
    }
}
