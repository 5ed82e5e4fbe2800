//! Reading lines straight from bytes in memory: the reader's plain lanes without its line
//! buffer.
//!
//! [`Reader`] copies its source into a line buffer and looks at every line in turn. When
//! the whole stretch is in memory (as [`crate::ledger::ParallelLedger`] has it),
//! [`Paused::scan`] hands the commonest lines — a voucher's braces, a plain `#VER` and a
//! plain `#TRANS` — from the bytes themselves to the same lanes
//! ([`State::plain_row`], [`State::plain_ver`], [`State::line`]) that
//! [`Reader::next_record`] hands them to, and stops at the first line that needs more
//! (one to tokenize, a record to hand out, a line where the encoding may be detected):
//! a [`Reader`] resumed from the paused state reads on from there, so the reading is
//! exactly the one [`Reader`] gives, line by line.

use super::super::lexer::{NewlineFinder, tokenize};
use super::block::StretchLines;
use super::*;

/// A voucher's brace line as the one token [`Reader::next_record`] gives the state.
const OPEN: [Tok; 1] = [Tok::new(0, 1, TokKind::Open)];
const CLOSE: [Tok; 1] = [Tok::new(0, 1, TokKind::Close)];

impl Paused {
    /// Reads the lines at the start of `data` that begin in its first `limit` bytes
    /// straight into the state, each as [`Reader::next_record`] reads it (the plain
    /// lanes first, else tokenized); returns how many bytes were read (whole lines). It
    /// stops after a line that leaves a record to hand out, and before a line without a
    /// line end or longer than
    /// [`ReadOptions::max_line_length`], and, while the encoding is open, before a line
    /// that is not ASCII (the encoding may be detected there). It reads nothing with a
    /// strictness level ([`ReadOptions::fail_on`]), inside a checksummed stretch, at the
    /// file's first line, or when a record is waiting.
    pub(crate) fn scan(&mut self, data: &[u8], limit: usize) -> usize {
        let Paused {
            st,
            line: lines_read,
            toks,
            ..
        } = self;
        if st.opts.fail_on.is_some()
            || st.pending_reject.is_some()
            || matches!(st.checksum, Checksum::Running(_))
            || st.finished
            || !st.out.is_empty()
            || *lines_read == 0
        {
            return 0;
        }
        // As `Lines` reads them: a line of `max_line` bytes or more may be skipped there.
        let max_line = st.opts.max_line_length.clamp(1024, 1 << 30);
        let end = limit.min(data.len());
        let newline = NewlineFinder::new();
        let mut lines = StretchLines::new(data, end, max_line, &newline);
        loop {
            if lines.rest().starts_with(b"#VER") {
                // Vouchers that leave nothing but sums are read whole.
                let n = st.summed_vouchers(*lines_read + 1, &mut lines);
                if n > 0 {
                    *lines_read += n;
                    continue;
                }
            }
            // While the encoding is open a line that is not ASCII is not read here: the
            // encoding may be detected there, from a sample of what follows.
            lines.ascii = st.encoding.is_none();
            let ln = *lines_read + 1;
            if st.spaced_line(ln, &mut lines, toks) {
                *lines_read = ln;
                if !st.out.is_empty() {
                    break;
                }
                continue;
            }
            let Some((line, len)) = lines.peek_line() else {
                break;
            };
            // No sample for encoding detection is needed: it is settled, or the line is
            // ASCII.
            match line {
                b"{" => st.line(ln, line, &OPEN, line),
                b"}" => st.line(ln, line, &CLOSE, line),
                _ => {
                    if !st.plain_row(ln, line, line) && !st.plain_ver(ln, line, line) {
                        let unterminated = tokenize(line, toks);
                        st.tokenized_line(ln, line, toks, unterminated, line);
                    }
                }
            }
            *lines_read = ln;
            lines.advance(len);
            if !st.out.is_empty() {
                break;
            }
        }
        lines.read()
    }

    /// Whether a record read is waiting to be handed out.
    #[cfg(test)]
    pub(crate) fn has_waiting(&self) -> bool {
        !self.st.out.is_empty()
    }

    /// The next record waiting to be handed out, with the line it was read on, as
    /// [`Reader::next_record`] and [`Reader::record_line`] give it.
    pub(crate) fn next_waiting(&mut self) -> Option<(u64, Record)> {
        let (line, record) = self.st.out.pop_front()?;
        self.st.record_line = line;
        Some((line, record))
    }

    /// A record handed out is given back, as with [`Reader::recycle`].
    pub(crate) fn recycle(&mut self, record: Record) {
        self.st.give_back(record);
    }
}

impl State {
    /// In the typed reading, the next line of `lines` (line `ln`) when it is a voucher's
    /// brace, a voucher line or a row of an open voucher in the commonest spacing: split
    /// as it is scanned, without a search for its end, and read as
    /// [`Reader::next_record`] reads it (true). Nothing is read otherwise.
    #[inline(always)]
    fn spaced_line(&mut self, ln: u64, lines: &mut StretchLines<'_>, toks: &mut Vec<Tok>) -> bool {
        if !self.plain_rows || self.sums.is_some() {
            return false;
        }
        if let Some(brace) = lines.brace_alone() {
            let (line, toks) = if brace == b'{' {
                (&b"{"[..], &OPEN)
            } else {
                (&b"}"[..], &CLOSE)
            };
            self.line(ln, line, toks, line);
            return true;
        }
        if !lines.at(b'#') {
            return false;
        }
        let (line, plain) = if self.encoding.is_some() && self.ver_ahead() {
            match lines.spaced_ver(&mut self.plain_ver) {
                Some(line) => (line, self.scanned_ver(ln, line, line)),
                None => return false,
            }
        } else if self.row_ahead() {
            match lines.spaced_row(&mut self.plain) {
                Some(line) => (line, self.scanned_row(ln, line, line)),
                None => return false,
            }
        } else {
            return false;
        };
        if !plain {
            let unterminated = tokenize(line, toks);
            self.tokenized_line(ln, line, toks, unterminated, line);
        }
        true
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The state after reading `head` in order, in summing mode, with `options`.
    pub(in crate::sie::reader) fn after_with(head: &[u8], options: ReadOptions) -> Paused {
        let mut reader = Reader::resume(head, Paused::new(options), false);
        while let Ok(Some(_)) = reader.next_record() {}
        reader.pause()
    }

    /// The state after reading `head` in order, in summing mode.
    pub(in crate::sie::reader) fn after(head: &[u8]) -> Paused {
        after_with(head, ReadOptions::default())
    }

    const HEAD: &[u8] = b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#RAR 0 20250101 20251231\n";

    #[test]
    fn reads_vouchers_and_stops_after_a_record_to_hand_out() {
        let mut p = after(HEAD);
        let plain = b"#VER A 1 20250110 \"Hyra\"\n{\n#TRANS 1930 {} 10.50\n#TRANS 3010 {1 \"7\"} -10.50\n}\r\n";
        assert_eq!(p.scan(plain, plain.len()), plain.len());
        assert_eq!(p.line, 4 + 5);
        assert!(!p.has_waiting());
        // A row with a quantity is tokenized and built: its voucher is handed out, and
        // the scan stops after it.
        let odd = b"#VER A 2 20250111\n{\n#TRANS 1930 {} 5 20250111 \"x\" 3\n#TRANS 3010 {} -5\n}\n#KONTO 1930 \"Bank\"\n";
        assert_eq!(p.scan(odd, odd.len()), odd.len() - 19);
        assert_eq!(p.line, 14);
        let Some((line, Record::Voucher(v))) = p.next_waiting() else {
            panic!("a voucher waits");
        };
        assert_eq!((line, v.rows.len()), (10, 1));
        assert!(p.next_waiting().is_none());
        // A record of the head is handed out as well.
        let rest = &odd[odd.len() - 19..];
        assert_eq!(p.scan(rest, rest.len()), rest.len());
        assert!(matches!(
            p.next_waiting(),
            Some((15, Record::Account { .. }))
        ));
        // Only lines that start in the first `limit` bytes; none without a line end.
        let mut q = after(HEAD);
        assert_eq!(q.scan(plain, 1), 25);
        assert_eq!(q.scan(b"#VER A 3 20250112", 99), 0);
    }

    #[test]
    fn reads_only_ascii_lines_while_the_encoding_is_open_and_stops_for_a_record() {
        let plain = b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n";
        // Only ASCII so far: the encoding is open; ASCII lines are read, and the scan
        // stops before a line from which the encoding may be detected.
        let mut open = after(b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n");
        assert!(!open.encoding_settled());
        assert_eq!(open.scan(plain, plain.len()), plain.len());
        let high = "#VER A 2 20250110 \"Lön\"\n".as_bytes();
        assert_eq!(open.scan(high, high.len()), 0);
        assert!(!open.encoding_settled());
        // A voucher with a row that is not summed (an object that is not a digit
        // string) is handed out as a record: the scan stops after it.
        let mut p = after(HEAD);
        let kept = b"#VER A 1 20250110\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {1 \"Ab\"} -10\n}\n#VER A 2 20250110\n";
        assert_eq!(p.scan(kept, kept.len()), kept.len() - 18);
        assert!(p.has_waiting());
        assert_eq!(p.scan(kept, kept.len()), 0);
    }
}
