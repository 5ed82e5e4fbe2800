//! Reading a file in stretches: the reader's state between two stretches, and merging
//! a stretch read on another thread into it.
//!
//! [`crate::ledger::ParallelLedger`] reads a file in memory in stretches cut at voucher
//! lines (a line starting with `#VER`). One state, the main one, reads the file in
//! order: its head (everything before the first `#VER`) and then one stretch after the
//! other. Stretches given to other threads are read from a seed — the main state's
//! context at the end of the head, with nothing counted — and merged into the main
//! state when their turn comes, but only when the merge gives exactly what reading the
//! stretch in order would have given ([`Paused::can_absorb`]); otherwise the main
//! state reads the stretch again itself. Diagnostics are replayed through the main
//! state's bookkeeping, so that repeats, counted kinds and their summaries come out as
//! in one reading.

use super::*;

/// What reading a stretch depends on besides its own lines, set by the file's head.
#[derive(Clone, PartialEq)]
pub(crate) struct Context {
    encoding: Option<Encoding>,
    encoding_noted: bool,
    format: Option<String>,
    sie_type: Option<u8>,
    checksum: Checksum,
    rar_years: Vec<i32>,
    rar0: Option<(NaiveDate, NaiveDate)>,
}

impl State {
    fn context(&self) -> Context {
        Context {
            encoding: self.encoding,
            encoding_noted: self.encoding_noted,
            format: self.format.clone(),
            sie_type: self.sie_type,
            checksum: self.checksum,
            rar_years: self.rar_years.clone(),
            rar0: self.rar0,
        }
    }

    fn set_context(&mut self, c: Context) {
        self.encoding = c.encoding;
        self.encoding_noted = c.encoding_noted;
        self.format = c.format;
        self.sie_type = c.sie_type;
        self.checksum = c.checksum;
        self.rar_years = c.rar_years;
        self.rar0 = c.rar0;
    }
}

/// The reader's state between two stretches of one file: what was read so far and the
/// number of lines it had.
pub(crate) struct Paused {
    pub(super) st: State,
    /// Lines before the next stretch.
    pub(super) line: u64,
    /// For a state seeded for another thread: where it started.
    seeded: Option<Box<Seed>>,
    /// The last reader's line buffer, for the next one to reuse.
    buf: Vec<u8>,
    /// The fields of a line [`Paused::scan`] tokenizes.
    pub(super) toks: Vec<Tok>,
}

/// Where a seeded state started: the context, and the lines before its stretch.
pub(crate) struct Seed {
    context: Context,
    line: u64,
}

impl<R: Read> Reader<R> {
    /// A reader of the next stretch of a file, going on from `paused`: line numbers go
    /// on from it and, unless `last`, the end of the source ends the stretch, not the
    /// file (nothing is concluded there).
    pub(crate) fn resume(source: R, paused: Paused, last: bool) -> Self {
        let mut lines = Lines::with_buffer(source, paused.st.opts.max_line_length, paused.buf);
        lines.tokenize = false;
        lines.line_no = paused.line;
        Reader {
            lines,
            st: paused.st,
            stretch: !last,
            seeded: paused.seeded,
        }
    }

    /// Lines start only in the first `limit` bytes of the source: the stretch ends
    /// there, and what follows is read only as a sample for encoding detection.
    pub(crate) fn limit_to(&mut self, limit: usize) {
        self.lines.limit = limit as u64;
    }

    /// The state once the stretch is read (to the end of its source).
    pub(crate) fn pause(self) -> Paused {
        Paused {
            line: self.lines.line_no,
            st: self.st,
            seeded: self.seeded,
            buf: self.lines.into_buffer(),
            toks: Vec::new(),
        }
    }
}

impl Paused {
    /// The state before the first line of a file, in summing mode.
    pub(crate) fn new(options: ReadOptions) -> Self {
        let mut reader = Reader::with_options(&[][..], options);
        reader.sum_plain_rows();
        Paused {
            st: reader.st,
            line: 0,
            seeded: None,
            buf: Vec::new(),
            toks: Vec::new(),
        }
    }

    /// Whether the encoding is settled (given, or detected).
    pub(crate) fn encoding_settled(&self) -> bool {
        self.st.encoding.is_some()
    }

    /// Lines read so far.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Whether stretches may be read on other threads: not with a strictness level
    /// (the first diagnostic rejected must be the file's first) or inside a checksummed
    /// stretch (the checksum runs over every line in order).
    pub(crate) fn parallel(&self) -> bool {
        self.st.opts.fail_on.is_none() && !matches!(self.st.checksum, Checksum::Running(_))
    }

    /// A state for reading a stretch on another thread: this state's context, nothing
    /// counted; [`Paused::starting_at`] says where the stretch starts. In summing mode
    /// it sums into `sums` when given (sums [`PlainSums::empty`]ed, as
    /// [`Paused::absorb`] and [`Paused::into_sums`] give them back).
    pub(crate) fn seed(&self, sums: Option<Box<PlainSums>>) -> Paused {
        let mut st = Reader::with_options(&[][..], self.st.opts.clone()).st;
        let c = self.st.context();
        st.set_context(c.clone());
        st.max_group = self.st.max_group;
        st.plain_rows = self.st.plain_rows;
        if self.st.sums.is_some() {
            st.sums = Some(sums.unwrap_or_default());
        }
        // A stand-in for the records before the stretch (there is at least the `#VER`
        // that starts the stretch before it), so that no line is taken for the
        // file's first record; taken off again in `absorb`.
        st.records = 1;
        Paused {
            st,
            line: 0,
            seeded: Some(Box::new(Seed {
                context: c,
                line: 0,
            })),
            buf: Vec::new(),
            toks: Vec::new(),
        }
    }

    /// A seeded state for a stretch whose first line is line `line + 1` of the file.
    pub(crate) fn starting_at(mut self, line: u64) -> Paused {
        self.line = line;
        if let Some(seed) = self.seeded.as_deref_mut() {
            seed.line = line;
        }
        self
    }

    /// The sum of the absolute amounts summed so far, in öre (a bound on any partial sum).
    pub(crate) fn abs_ore(&self) -> u128 {
        self.st.sums.as_ref().map_or(0, |s| s.abs_ore)
    }

    /// Whether `worker`, a stretch read from a [`Paused::seed`] of this state and
    /// starting where this one ends, merges into it exactly as reading it here would
    /// have read it: the context it was read in is this state's and it did not change
    /// it; no voucher is open between the two (unless `worker` is the file's last
    /// stretch); it holds only vouchers (every record is a `#VER`, `#TRANS`, `#RTRANS`
    /// or `#BTRANS`) and no record is waiting; its diagnostics all have a kind; none of
    /// its sums passed the bound. The caller bounds the sums across the merge.
    pub(crate) fn can_absorb(&self, worker: &Paused, last: bool) -> bool {
        let w = &worker.st;
        let Some(seed) = worker.seeded.as_deref() else {
            return false;
        };
        let start = &seed.context;
        let voucher_labels =
            |l: &Label| matches!(l, Label::Ver | Label::Trans | Label::Rtrans | Label::Btrans);
        *start == self.st.context()
            && w.context() == *start
            && self.st.voucher.is_none()
            && self.st.records > 0
            && (last || w.voucher.is_none())
            && w.out.is_empty()
            && !w.finished
            && w.unkinded.0 == 0
            && w.pending_reject.is_none()
            && w.stated.is_empty()
            && Label::ALL
                .iter()
                .all(|l| voucher_labels(l) || w.counts.get(*l as usize) == Some(&0))
            && w.sums.as_ref().is_none_or(|s| s.overflow.is_none())
            && self.st.sums.is_some() == w.sums.is_some()
            && self.line == seed.line
    }

    /// The sums of a stretch read apart, emptied for the next ([`Paused::seed`]).
    pub(crate) fn into_sums(self) -> Option<Box<PlainSums>> {
        let mut sums = self.st.sums?;
        sums.empty();
        Some(sums)
    }

    /// Merges `worker` (for which [`Paused::can_absorb`] holds) into this state, and
    /// gives back its sums emptied for the next stretch ([`Paused::seed`]).
    pub(crate) fn absorb(&mut self, worker: Paused) -> Option<Box<PlainSums>> {
        let Paused { st: w, line, .. } = worker;
        let st = &mut self.st;
        // Repeated notices: the file's first occurrence is reported, the rest counted.
        let mut skip = Vec::new();
        for (mine, theirs) in st.repeats.iter_mut().zip(w.repeats.iter()) {
            if theirs.0 == 0 {
                continue;
            }
            if mine.0 == 0 {
                *mine = *theirs;
            } else {
                mine.0 += theirs.0;
                skip.push((theirs.1, theirs.2, theirs.3));
            }
        }
        // Diagnostics, through this state's bookkeeping of kinds.
        for d in w.diags {
            let repeated = skip
                .iter()
                .any(|&(l, label, msg)| l == d.line && label == d.label && msg == d.message);
            if !repeated {
                st.diag(d.line, &d.label, d.severity, d.message);
            }
        }
        // The occurrences the worker only counted come after the ones it kept.
        let max = st.opts.max_repeats.max(1) as u64;
        for k in w.kinds.iter().filter(|k| k.count > max) {
            let dropped = k.count - max;
            let key = kind_of(k.severity, &k.label, &k.example);
            match st.kind_index.get(&key).and_then(|&i| st.kinds.get_mut(i)) {
                Some(mine) => {
                    if mine.count == max {
                        mine.first_dropped = k.first_dropped;
                    }
                    mine.count += dropped;
                    mine.last_line = k.last_line;
                }
                None => {
                    st.unkinded.0 += dropped;
                    st.unkinded.1 = st.unkinded.1.max(k.severity);
                }
            }
        }
        for ((count, first), (theirs, their_first)) in st
            .counts
            .iter_mut()
            .zip(st.first_line.iter_mut())
            .zip(w.counts.iter().zip(w.first_line.iter()))
        {
            if *count == 0 && *theirs > 0 {
                *first = *their_first;
            }
            *count += theirs;
        }
        st.max_group = st.max_group.max(w.max_group);
        st.records += w.records.saturating_sub(1);
        st.vouchers += w.vouchers;
        st.rows += w.rows;
        if let (Some(mine), Some(theirs)) = (st.sums.as_deref_mut(), w.sums.as_deref()) {
            mine.merge(theirs);
        }
        if w.voucher.is_some() {
            st.voucher = w.voucher;
        }
        self.line = line;
        let mut sums = w.sums?;
        sums.empty();
        Some(sums)
    }
}

/// The number of line ends (`\n`) in `bytes`.
pub(crate) fn count_lines(bytes: &[u8]) -> u64 {
    // 64 byte counters at a time, summed before they can overflow (255 steps): a loop
    // over fixed-size arrays, which the compiler turns into vector compares.
    const W: usize = 64;
    let mut total = 0u64;
    let mut blocks = bytes.chunks_exact(W * 255);
    for block in &mut blocks {
        let mut lanes = [0u8; W];
        for part in block.chunks_exact(W) {
            if let Ok(part) = <&[u8; W]>::try_from(part) {
                for (lane, &b) in lanes.iter_mut().zip(part) {
                    *lane += u8::from(b == b'\n');
                }
            }
        }
        total += lanes.iter().map(|&n| u64::from(n)).sum::<u64>();
    }
    let rest = blocks.remainder();
    total + rest.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_line_end() {
        let mut data = Vec::new();
        let mut expected = 0;
        for i in 0..40_000u32 {
            data.extend_from_slice(format!("#TRANS {i} {{}} 1").as_bytes());
            if i % 7 != 0 {
                data.push(b'\n');
                expected += 1;
            }
        }
        for len in [0, 1, 63, 64, 65, 64 * 255, 64 * 255 + 1, data.len()] {
            let part = &data[..len.min(data.len())];
            let naive = part.iter().filter(|&&b| b == b'\n').count() as u64;
            assert_eq!(count_lines(part), naive, "{len}");
        }
        assert_eq!(count_lines(&data), expected);
        // 255 line ends in a row fill a counter exactly.
        assert_eq!(count_lines(&[b'\n'; 64 * 255 * 2]), 64 * 255 * 2);
    }
}
