//! Reading a file in stretches: the reader's state between two stretches, and merging
//! a stretch read on another thread into it.
//!
//! [`crate::ledger::ParallelLedger`] reads a file in memory in stretches cut at voucher
//! lines (a line starting with `#VER`). One state, the main one, reads the file in
//! order: its head (everything before the first `#VER`) and then one stretch after the
//! other. Stretches given to other threads are read from a seed — the main state's
//! context at the end of the head, with nothing counted and lines numbered from the
//! stretch's own first line, so no thread counts the lines before its stretch — and
//! merged into the main
//! state when their turn comes, but only when the merge gives exactly what reading the
//! stretch in order would have given ([`Paused::can_absorb`]); otherwise the main
//! state reads the stretch again itself. Diagnostics are moved on by the lines the main
//! state has read before the stretch and replayed through the main
//! state's bookkeeping, so that repeats, counted kinds and their summaries come out as
//! in one reading.

use super::*;
use crate::sie::{DETECT_SAMPLE, last_voucher_boundary, voucher_boundary};

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

/// What a state keeps only to spare allocations and work (recycled vouchers, rows and
/// object references, the date cache), passed from one stretch a thread reads to the
/// next: nothing in it changes what is read.
pub(crate) struct Spares {
    dates: dates::DateCache,
    last_date: Option<([u8; 8], NaiveDate)>,
    voucher: Option<Voucher>,
    vouchers: Vec<Voucher>,
    rows: Vec<Row>,
    objects: Vec<ObjectRef>,
    voucher_box: Option<Box<OpenVoucher>>,
}

/// Where a seeded state started: the context it was seeded with. Its line numbers
/// count from its stretch's first line (line 1); [`Paused::absorb`] adds the lines
/// before it.
pub(crate) struct Seed {
    context: Context,
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

    /// The state before the first line of a file, handing out every record typed (as
    /// [`Reader::next_record`] does).
    pub(crate) fn records(options: ReadOptions) -> Self {
        Paused {
            st: State::new(options),
            line: 0,
            seeded: None,
            buf: Vec::new(),
            toks: Vec::new(),
        }
    }

    /// Takes what this state keeps only for reuse ([`Spares`]).
    pub(crate) fn take_spares(&mut self) -> Spares {
        let st = &mut self.st;
        Spares {
            dates: std::mem::take(&mut st.dates),
            last_date: st.last_date.take(),
            voucher: st.spare.take(),
            vouchers: std::mem::take(&mut st.pool),
            rows: std::mem::take(&mut st.spare_rows),
            objects: std::mem::take(&mut st.spare_objects),
            voucher_box: st.voucher_box.take(),
        }
    }

    /// Gives this state (seeded, nothing read yet) what another kept for reuse.
    pub(crate) fn put_spares(&mut self, spares: Spares) {
        let st = &mut self.st;
        st.dates = spares.dates;
        st.last_date = spares.last_date;
        st.spare = spares.voucher;
        st.pool = spares.vouchers;
        st.spare_rows = spares.rows;
        st.spare_objects = spares.objects;
        st.voucher_box = spares.voucher_box;
    }

    /// Whether the encoding is settled (given, or detected).
    pub(crate) fn encoding_settled(&self) -> bool {
        self.st.encoding.is_some()
    }

    /// Whether stretches may be read on other threads: not with a strictness level
    /// (the first diagnostic rejected must be the file's first) or inside a checksummed
    /// stretch (the checksum runs over every line in order).
    pub(crate) fn parallel(&self) -> bool {
        self.st.opts.fail_on.is_none() && !matches!(self.st.checksum, Checksum::Running(_))
    }

    /// A state for reading a stretch on another thread: this state's context, nothing
    /// counted, lines numbered from the stretch's first line (no thread need count
    /// the lines before it; [`Paused::absorb`] adds them). In summing mode
    /// it sums into `sums` when given (sums [`PlainSums::empty`]ed, as
    /// [`Paused::absorb`] and [`Paused::into_sums`] give them back).
    pub(crate) fn seed(&self, sums: Option<Box<PlainSums>>) -> Paused {
        let mut st = State::new(self.st.opts.clone());
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
            seeded: Some(Box::new(Seed { context: c })),
            buf: Vec::new(),
            toks: Vec::new(),
        }
    }

    /// The sum of the absolute amounts summed so far, in öre (a bound on any partial sum).
    pub(crate) fn abs_ore(&self) -> u128 {
        self.st.sums.as_ref().map_or(0, |s| s.abs_ore)
    }

    /// Whether `worker`, a stretch read from a [`Paused::seed`] of this state and
    /// starting where this one ends, merges into it exactly as reading it here would
    /// have read it: the context it was read in is this state's and it did not change
    /// it; no voucher is open between the two, nor at its end; it holds only vouchers
    /// (every record is a `#VER`, `#TRANS`, `#RTRANS` or `#BTRANS`) and no record is
    /// waiting; its diagnostics all have a kind and none names a line in its text (the
    /// worker's line numbers count from its stretch, and only the diagnostics' own
    /// lines are moved on in [`Paused::absorb`]); none of its sums passed the bound. The
    /// caller bounds the sums across the merge.
    pub(crate) fn can_absorb(&self, worker: &Paused) -> bool {
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
            && w.voucher.is_none()
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
            && !w.lines_in_messages
    }

    /// The sums of a stretch read apart, emptied for the next ([`Paused::seed`]).
    pub(crate) fn into_sums(self) -> Option<Box<PlainSums>> {
        emptied(self.st.sums)
    }

    /// Merges `worker` (for which [`Paused::can_absorb`] holds) into this state, and
    /// gives back its sums emptied for the next stretch ([`Paused::seed`]).
    pub(crate) fn absorb(&mut self, worker: Paused) -> Option<Box<PlainSums>> {
        let Paused { st: w, line, .. } = worker;
        // The worker numbered its lines from its stretch's first; this state has read
        // every line before it. Line 0 is no line.
        let before = self.line;
        let at = |l: u64| if l == 0 { 0 } else { l + before };
        let st = &mut self.st;
        // Repeated notices: the file's first occurrence is reported, the rest counted.
        let mut skip = Vec::new();
        for (mine, theirs) in st.repeats.iter_mut().zip(w.repeats.iter()) {
            if theirs.0 == 0 {
                continue;
            }
            if mine.0 == 0 {
                *mine = (theirs.0, at(theirs.1), theirs.2, theirs.3);
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
                st.diag(at(d.line), &d.label, d.severity, d.message);
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
                        mine.first_dropped = at(k.first_dropped);
                    }
                    mine.count += dropped;
                    mine.last_line = at(k.last_line);
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
                *first = at(*their_first);
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
        self.line = before + line;
        emptied(w.sums)
    }
}

/// What the taker of a stretch's records did with one ([`read_stretch`]).
pub(crate) enum Step {
    /// Done with it: the next voucher is read into its allocations.
    Recycle(Record),
    /// Kept it.
    Kept,
    /// Done with the stretch: the reading stops here.
    Stop,
}

/// Reads the first `len` bytes of `bytes` (what follows is only the sample for encoding
/// detection) on from `paused`, handing each record with its line to `take`: the lines
/// the state reads straight from the bytes ([`Paused::scan`]), and every other line
/// through a [`Reader`] resumed there, up to the next `#VER` line. The reading is
/// exactly the one a [`Reader`] over the stretch gives. Gives back the state and
/// whether the stretch was read whole (`take` did not stop it).
///
/// # Errors
///
/// `take`'s error, or the reader's ([`ReadError::Rejected`] at a strictness level).
pub(crate) fn read_stretch<E: From<ReadError>>(
    mut paused: Paused,
    bytes: &[u8],
    len: usize,
    mut take: impl FnMut(u64, Record) -> Result<Step, E>,
) -> Result<(Paused, bool), E> {
    let len = len.min(bytes.len());
    let stretch = bytes.get(..len).unwrap_or_default();
    let mut pos = 0usize;
    loop {
        let read = paused.scan(bytes.get(pos..).unwrap_or_default(), len - pos);
        pos += read;
        let mut taken = false;
        while let Some((line, record)) = paused.next_waiting() {
            taken = true;
            match take(line, record)? {
                Step::Recycle(record) => paused.recycle(record),
                Step::Kept => {}
                Step::Stop => return Ok((paused, false)),
            }
        }
        if pos >= len {
            return Ok((paused, true));
        }
        if read > 0 || taken {
            continue;
        }
        // A line the scan leaves (one where the encoding may be detected, an overlong
        // one, the last one without a line end): a reader takes the lines from there to
        // the next voucher.
        let next = voucher_boundary(stretch, pos + 1);
        // Once the encoding is settled, nothing after `next` is needed as a sample;
        // before, the reader fetches the sample only when a line needs it.
        let source = if paused.encoding_settled() {
            Chunked(bytes.get(pos..next).unwrap_or_default())
        } else {
            Chunked(bytes.get(pos..).unwrap_or_default())
        };
        let mut reader = Reader::resume(source, paused, false);
        reader.limit_to(next - pos);
        let mut whole = true;
        while let Some(record) = reader.next_record()? {
            match take(reader.record_line(), record)? {
                Step::Recycle(record) => reader.recycle(record),
                Step::Kept => {}
                Step::Stop => {
                    whole = false;
                    break;
                }
            }
        }
        paused = reader.pause();
        pos = next;
        if !whole || pos >= len {
            return Ok((paused, whole));
        }
    }
}

/// Bytes in memory as a source that gives at most 16 KiB a read, so that a reader
/// resumed for a few lines copies about as much as it reads (a line buffer is filled as
/// far as a read gives).
struct Chunked<'a>(&'a [u8]);

impl std::io::Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.0.len()).min(16 * 1024);
        let (head, rest) = self.0.split_at(n);
        if let Some(to) = buf.get_mut(..n) {
            to.copy_from_slice(head);
        }
        self.0 = rest;
        Ok(n)
    }
}

/// How much of `part` a reading in parts takes ([`ParallelReader::push`]): all of it
/// when it is the `last`; else up to its last voucher line, or its last line end where
/// no voucher line is left. While the encoding is not `settled`, the part's last
/// [`DETECT_SAMPLE`] bytes are left too, so that a line where it is detected has its
/// whole sample.
pub(crate) fn part_taken(part: &[u8], last: bool, settled: bool) -> usize {
    if last {
        return part.len();
    }
    let cut = if settled {
        part
    } else {
        part.get(..part.len().saturating_sub(DETECT_SAMPLE))
            .unwrap_or_default()
    };
    // Where no voucher starts (in the head, in balances after the vouchers, in one long
    // voucher) any line end will do: the reading in order takes it.
    match last_voucher_boundary(cut) {
        0 => memchr::memrchr(b'\n', cut).map_or(0, |i| i + 1),
        at => at,
    }
}

/// Where the head of a file (everything before its first voucher line) ends in `data`,
/// the file's first bytes.
pub(crate) fn head_end(data: &[u8]) -> usize {
    if data.starts_with(b"#VER ") || data.starts_with(b"#VER\t") {
        0
    } else {
        voucher_boundary(data, 0)
    }
}

/// Where what follows the last voucher of `data` starts: after the first line `}`
/// after the last `#VER` line (`data.len()` when there is none).
pub(crate) fn tail_start(data: &[u8]) -> usize {
    let last = last_voucher_boundary(data);
    let finder = memchr::memmem::Finder::new(b"\n}");
    let mut from = last;
    while let Some(i) = data.get(from..).and_then(|rest| finder.find(rest)) {
        let after = from + i + 2;
        match data.get(after..) {
            Some([b'\n', ..]) => return after + 1,
            Some([b'\r', b'\n', ..]) => return after + 2,
            _ => from = after,
        }
    }
    data.len()
}

/// `sums` emptied for the next stretch a thread reads ([`PlainSums::empty`]).
fn emptied(sums: Option<Box<PlainSums>>) -> Option<Box<PlainSums>> {
    let mut sums = sums?;
    sums.empty();
    Some(sums)
}
