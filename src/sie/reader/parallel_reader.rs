//! Every record of a file in memory, typed, on several threads: [`ParallelReader`].

use std::collections::VecDeque;
use std::sync::mpsc;

use super::*;
use crate::sie::{stretch_cuts, voucher_boundary};

/// The bytes of a stretch one thread reads in a round: the records of a stretch read
/// apart are held until its turn comes, so this bounds the memory they take (a few
/// times their bytes), whatever the size of the part pushed. On the generated
/// 1 000 000-voucher file, two threads took 0.43–0.50 s with stretches of 32 to 128
/// KiB and up to twice that with 256 KiB (their records no longer stay in the cache),
/// at a peak of 22, 23 and 30 MB.
const STRETCH: usize = 1 << 16;

/// Poster på flera kärnor: [`Reader::next_record`] over a file in memory, pushed in
/// parts (for example windows of a memory-mapped file) and read on several threads.
/// Every record is handed to a function in file order with its line
/// ([`Reader::record_line`]), and the records, their lines and the diagnostics are
/// exactly those of a [`Reader`] over the same bytes.
///
/// The file's head (everything before the first `#VER`) is read in order on this
/// thread. The vouchers after it are read in rounds of one stretch of about 64 KiB per
/// thread, cut at voucher lines: this thread reads the first stretch of a round and
/// hands its records on as it reads them, each other thread reads one of the rest
/// (given it a round ahead, so that it does not wait), and its records are handed on in
/// their turn, once the stretch is merged into the reading in order (its counts and
/// diagnostics, replayed so that repeated notices and counted kinds come out as in one
/// reading). A stretch merges when that gives exactly what reading it in order gives —
/// it holds vouchers only, the encoding was settled before it, no voucher is left open
/// across its edges, no diagnostic names a line in its text — and is otherwise read
/// again in order on this thread, so an unusual file costs time, never exactness.
/// Everything is read on this thread when [`ReadOptions::fail_on`] is set (the first
/// rejected diagnostic must be the file's first) or while a `#KSUMMA` checksum runs.
///
/// Where neither the head nor [`ReadOptions::encoding`] settles the encoding and the
/// vouchers are not ASCII, the encoding is detected where it is first needed from the
/// text buffered from that line on, as in every reading; a reading in stretches buffers
/// differently, so give the encoding in [`ReadOptions`] for a result that cannot depend
/// on it.
///
/// Memory is the records of one round (a few times 64 KiB per thread) and the reader's
/// bookkeeping, whatever the file size; the library does no I/O: the caller owns the
/// bytes. The records are lent to the function, their allocations reused for the next;
/// clone what is to be kept.
///
/// ```
/// use kommunal_redovisning::sie::{ParallelReader, ReadOptions, Reader, Record};
///
/// // Påhittad fil: a head and three vouchers, the last not balanced.
/// let file = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Exempelkommun\"\n#RAR 0 20250101 20251231\n\
///             #VER A 1 20250115 \"Kaffe\"\n{\n#TRANS 1930 {} -250\n#TRANS 5460 {} 250\n}\n\
///             #VER A 2 20250116 \"Hyra\"\n{\n#TRANS 1930 {} -50\n#TRANS 5010 {} 50\n}\n\
///             #VER A 3 20250117 \"Fel\"\n{\n#TRANS 1930 {} -10\n#TRANS 5010 {} 5\n}\n";
/// let mut texts = Vec::new();
/// let mut take = |line: u64, record: &Record| {
///     if let Record::Voucher(v) = record {
///         texts.push((line, v.text.clone()));
///     }
/// };
/// let mut read = ParallelReader::new(ReadOptions::default(), 2);
/// // Parts of any size: each push takes what ends at a voucher line.
/// let used = read.push(&file.as_bytes()[..150], false, &mut take)?;
/// read.push(&file.as_bytes()[used..], true, &mut take)?;
/// let end = read.finish(&mut take)?;
/// assert_eq!(texts, [(5, "Kaffe".into()), (10, "Hyra".into()), (15, "Fel".into())]);
/// // Voucher A 3 does not balance: said as in one reading, on its line.
/// let mut one = Reader::new(file.as_bytes());
/// while one.next_record()?.is_some() {}
/// assert_eq!(end.diagnostics(), one.diagnostics());
/// assert!(end.diagnostics().iter().any(|d| d.line == 15 && d.label == "#VER"));
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
#[doc(alias = "parallell inläsning")]
#[doc(alias = "poster")]
pub struct ParallelReader {
    threads: usize,
    /// The reading in order; `None` once an error ended it.
    main: Option<Paused>,
    /// The head is read: what follows starts at a voucher line.
    head_read: bool,
    /// Stretches read on other threads and then again in order (for the tests).
    reread: u64,
    /// The records other threads read last, handed on and kept for their allocations.
    spare: Vec<Vec<(u64, Record)>>,
    /// Bytes taken so far.
    taken: u64,
}

/// A stretch read on another thread: its state, its records and whether it was read
/// whole.
type Apart = (Paused, Vec<(u64, Record)>, bool);

/// A stretch for another thread: the state to read it from, a vector for its records
/// (holding records handed on, to be read into again) and its bytes.
type Job<'a> = (Paused, Vec<(u64, Record)>, &'a [u8]);

/// Another thread: where its stretches go and where they come back.
type Worker<'a> = (mpsc::Sender<Job<'a>>, mpsc::Receiver<Option<Apart>>);

impl ParallelReader {
    /// A reading on `threads` threads (0 and 1: all on the calling thread) with
    /// `options`.
    ///
    /// ```
    /// use kommunal_redovisning::sie::{ParallelReader, ReadOptions};
    ///
    /// let file = b"#SIETYP 4\n#VER A 1 20250101\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n";
    /// let mut read = ParallelReader::new(ReadOptions::default(), 1);
    /// let mut records = 0;
    /// // The whole file as one (last) part.
    /// assert_eq!(read.push(file, true, |_, _| records += 1)?, file.len());
    /// let end = read.finish(|_, _| records += 1)?;
    /// // The records #SIETYP and #VER; the reader at the end of the file.
    /// assert_eq!(records, 2);
    /// assert_eq!(end.sie_type(), Some(4));
    /// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
    /// ```
    #[must_use]
    pub fn new(options: ReadOptions, threads: usize) -> Self {
        ParallelReader {
            threads: threads.max(1),
            main: Some(Paused::records(options)),
            head_read: false,
            reread: 0,
            spare: Vec::new(),
            taken: 0,
        }
    }

    /// Reads the next part of the file, which starts where the bytes taken so far end,
    /// and hands each record read to `take` with its line, in file order. Unless
    /// `last`, only the part up to its last voucher line is taken (up to its last line
    /// end where no voucher line is left); the rest must come again at the start of
    /// the next part. While the encoding is open (neither given in [`ReadOptions`] nor
    /// detected yet), the part's last 64 KiB are left too, so that a line where it is
    /// detected has its whole sample. Returns the number of bytes taken, 0 when the
    /// part holds no place to cut (give a longer part). With `last`, the whole part is
    /// taken as the end of the file.
    ///
    /// # Errors
    ///
    /// [`ReadError::Rejected`] for the first diagnostic at or above
    /// [`ReadOptions::fail_on`], as [`Reader::next_record`]. An error ends the reading:
    /// later calls give the error [`ReadError::Ended`].
    pub fn push(
        &mut self,
        part: &[u8],
        last: bool,
        mut take: impl FnMut(u64, &Record),
    ) -> Result<usize, ReadError> {
        let settled = self.main.as_ref().is_some_and(Paused::encoding_settled);
        let taken = part_taken(part, last, settled);
        let mut data = part.get(..taken).unwrap_or_default();
        let mut from = 0;
        if !self.head_read {
            let first = head_end(data);
            self.read_in_order(part, first, &mut take)?;
            self.head_read = first < data.len();
            from = first;
        }
        data = data.get(from..).unwrap_or_default();
        if !data.is_empty() {
            self.read_vouchers(part.get(from..).unwrap_or_default(), data.len(), &mut take)?;
        }
        self.taken += taken as u64;
        Ok(taken)
    }

    /// Ends the reading: hands the records the end of the file gives (a voucher left
    /// open, closed there) to `take`, and gives back the reader at the end of the
    /// file, for its diagnostics ([`Reader::diagnostics`]), encoding, counts, lines and
    /// bytes read, as a [`Reader`] over the whole file gives them.
    ///
    /// # Errors
    ///
    /// As [`ParallelReader::push`].
    pub fn finish(
        self,
        mut take: impl FnMut(u64, &Record),
    ) -> Result<Reader<&'static [u8]>, ReadError> {
        let main = self.main.ok_or(ReadError::Ended)?;
        let mut reader = Reader::resume(&[][..], main, true);
        // As a reader over the whole file counts them.
        reader.lines.bytes_read = self.taken;
        while let Some(record) = reader.next_record()? {
            take(reader.record_line(), &record);
            reader.recycle(record);
        }
        Ok(reader)
    }

    /// Reads the first `len` bytes of `bytes` on this thread, in order (the rest is
    /// read only as a sample for encoding detection).
    fn read_in_order(
        &mut self,
        bytes: &[u8],
        len: usize,
        take: &mut impl FnMut(u64, &Record),
    ) -> Result<(), ReadError> {
        let main = self.main.take().ok_or(ReadError::Ended)?;
        let (main, _) = read_stretch(main, bytes, len, |line, record| {
            take(line, &record);
            Ok::<_, ReadError>(Step::Recycle(record))
        })?;
        self.main = Some(main);
        Ok(())
    }

    /// Reads the first `len` bytes of `part`, which start at a voucher line, in rounds
    /// of one stretch per thread (the rest of `part` is read only as a sample for
    /// encoding detection). The other threads live as long as the part, and each is
    /// given its stretch of the next round before this thread reads its own of this
    /// one, so that it goes from one stretch to the next without waiting.
    fn read_vouchers(
        &mut self,
        part: &[u8],
        len: usize,
        take: &mut impl FnMut(u64, &Record),
    ) -> Result<(), ReadError> {
        let n = match &self.main {
            Some(main) if main.parallel() => self.threads,
            _ => 1,
        };
        if n == 1 {
            return self.read_in_order(part, len, take);
        }
        // What follows the last voucher (balances after the vouchers, as some programs
        // write them) is read in order once the vouchers are merged.
        let data = part.get(..len).unwrap_or_default();
        let vouchers = tail_start(data);
        // Each round's stretches, as offsets into `part`, from 0 to `vouchers`.
        let mut rounds: Vec<Vec<usize>> = Vec::new();
        let mut at = 0;
        while at < vouchers {
            let end = voucher_boundary(data, at + n * STRETCH).min(vouchers);
            let round = data.get(at..end).unwrap_or_default();
            rounds.push(stretch_cuts(round, n).into_iter().map(|c| at + c).collect());
            at = end;
        }
        let stretch = |cuts: &[usize], k: usize| match (cuts.get(k), cuts.get(k + 1)) {
            (Some(&a), Some(&b)) => data.get(a..b).unwrap_or_default(),
            _ => &[][..],
        };
        std::thread::scope(|scope| {
            let workers: Vec<Worker<'_>> = (1..n)
                .map(|_| {
                    let (jobs, job) = mpsc::channel::<Job<'_>>();
                    let (done, results) = mpsc::channel::<Option<Apart>>();
                    scope.spawn(move || read_apart(&job, &done));
                    (jobs, results)
                })
                .collect();
            // Whether each worker was given its stretch, per round given.
            let mut given: VecDeque<Vec<bool>> = VecDeque::new();
            for r in 0..=rounds.len() {
                if let Some(cuts) = rounds.get(r) {
                    given.push_back(self.give(&workers, |k| stretch(cuts, k))?);
                }
                let Some(cuts) = r.checked_sub(1).and_then(|q| rounds.get(q)) else {
                    continue;
                };
                let sent = given.pop_front().unwrap_or_default();
                self.read_round(part, cuts, &workers, &sent, take)?;
            }
            // Dropping the senders ends the other threads.
            Ok::<_, ReadError>(())
        })?;
        if vouchers < len {
            let rest = part.get(vouchers..).unwrap_or_default();
            self.read_in_order(rest, len - vouchers, take)?;
        }
        Ok(())
    }

    /// Gives each worker its stretch of a round (`stretch(k)` for worker `k - 1`; none
    /// when the round holds fewer voucher lines than threads), to be read from a state
    /// seeded by this one: whether each was given one.
    fn give<'a>(
        &mut self,
        workers: &[Worker<'a>],
        stretch: impl Fn(usize) -> &'a [u8],
    ) -> Result<Vec<bool>, ReadError> {
        let main = self.main.as_ref().ok_or(ReadError::Ended)?;
        let mut sent = Vec::with_capacity(workers.len());
        for (i, (jobs, _)) in workers.iter().enumerate() {
            let bytes = stretch(i + 1);
            sent.push(
                !bytes.is_empty() && {
                    let kept = self.spare.pop().unwrap_or_default();
                    jobs.send((main.seed(None), kept, bytes)).is_ok()
                },
            );
        }
        Ok(sent)
    }

    /// Reads a round: this thread's stretch (from `cuts[0]` to `cuts[1]` of `part`) in
    /// order, then each worker's, merged where it was given one and reads the same, else
    /// read again in order.
    fn read_round(
        &mut self,
        part: &[u8],
        cuts: &[usize],
        workers: &[Worker<'_>],
        sent: &[bool],
        take: &mut impl FnMut(u64, &Record),
    ) -> Result<(), ReadError> {
        // A stretch read in order, with the rest of the part after it as the sample.
        let in_order = |k: usize| match (cuts.get(k), cuts.get(k + 1)) {
            (Some(&a), Some(&b)) => (part.get(a..).unwrap_or_default(), b - a),
            _ => (&[][..], 0),
        };
        let (bytes, len) = in_order(0);
        self.read_in_order(bytes, len, take)?;
        for (i, (_, results)) in workers.iter().enumerate() {
            let (bytes, len) = in_order(i + 1);
            if len == 0 {
                continue;
            }
            // A worker that could not be given its stretch or give it back (it
            // panicked; the scope then panics too) leaves it to this thread.
            let read = match sent.get(i) {
                Some(true) => results.recv().ok().flatten(),
                _ => None,
            };
            let merged = match read {
                Some((paused, records, whole)) => self.merge(paused, records, whole, take)?,
                None => false,
            };
            if !merged {
                self.reread += 1;
                self.read_in_order(bytes, len, take)?;
            }
        }
        Ok(())
    }

    /// Merges a stretch read apart into the reading in order and hands its records on,
    /// when that gives what reading it in order gives: false, with nothing handed on,
    /// otherwise.
    fn merge(
        &mut self,
        paused: Paused,
        mut records: Vec<(u64, Record)>,
        whole: bool,
        take: &mut impl FnMut(u64, &Record),
    ) -> Result<bool, ReadError> {
        let main = self.main.as_mut().ok_or(ReadError::Ended)?;
        let fits = whole && main.can_absorb(&paused);
        if fits {
            // The stretch numbered its lines from its first; the reading in order has
            // read every line before it.
            let before = main.line;
            main.absorb(paused);
            for (line, record) in &records {
                take(line + before, record);
            }
        } else {
            records.clear();
        }
        self.spare.push(records);
        Ok(fits)
    }
}

/// Läser poster parallellt: every record of an SIE file in memory, typed, on `threads`
/// threads, handed to `take` in file order with its line — [`ParallelReader`] with the
/// whole file as one part. Records, lines and diagnostics are those of a [`Reader`]
/// over the same bytes; gives back the reader at the end of the file, for its
/// diagnostics, encoding and counts. Memory-map a large file and pass the map: memory
/// stays at a round's records (a few times 64 KiB per thread) and the mapped pages
/// read, or push windows through [`ParallelReader`] to bound those too.
///
/// ```
/// use kommunal_redovisning::sie::{Record, read_records_parallel};
///
/// // Påhittad fil.
/// let file = b"#SIETYP 4\n#RAR 0 20250101 20251231\n\
///              #VER A 1 20250101\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n\
///              #VER A 2 20250102\n{\n#TRANS 1930 {} 5\n#TRANS 3010 {} -4\n}\n";
/// let mut rows = 0;
/// let end = read_records_parallel(file, Default::default(), 2, |_, record| {
///     if let Record::Voucher(v) = record {
///         rows += v.rows.len();
///     }
/// })?;
/// assert_eq!(rows, 4);
/// // Voucher A 2 does not balance: said on its line, 8.
/// assert!(end.diagnostics().iter().any(|d| d.line == 8 && d.label == "#VER"));
/// # Ok::<(), kommunal_redovisning::sie::ReadError>(())
/// ```
///
/// # Errors
///
/// [`ReadError::Rejected`] for the first diagnostic at or above
/// [`ReadOptions::fail_on`].
#[doc(alias = "läs poster parallellt")]
pub fn read_records_parallel(
    data: &[u8],
    options: ReadOptions,
    threads: usize,
    mut take: impl FnMut(u64, &Record),
) -> Result<Reader<&'static [u8]>, ReadError> {
    let mut read = ParallelReader::new(options, threads);
    read.push(data, true, &mut take)?;
    read.finish(take)
}

/// Another thread's reading: each stretch it is given, read from its seed (with what
/// the last stretch left for reuse) into its vector of records, and given back.
fn read_apart(jobs: &mpsc::Receiver<Job<'_>>, done: &mpsc::Sender<Option<Apart>>) {
    let mut spares = None;
    for (mut seed, mut kept, bytes) in jobs {
        if let Some(spares) = spares.take() {
            seed.put_spares(spares);
        }
        // The records handed on from an earlier stretch: read into again.
        for (_, record) in kept.drain(..) {
            seed.recycle(record);
        }
        let read = read_stretch(seed, bytes, bytes.len(), |line, record| {
            kept.push((line, record));
            Ok::<_, ReadError>(Step::Kept)
        });
        // A stretch read apart has no strictness level, so its reading does not fail;
        // were it to, it is read again in order.
        let apart = read.ok().map(|(mut paused, whole)| {
            spares = Some(paused.take_spares());
            (paused, kept, whole)
        });
        if done.send(apart).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records with their lines, the diagnostics, and the end reader's encoding, counts,
    /// last line and bytes read.
    type Read = (Vec<(u64, Record)>, Vec<Diagnostic>, End);
    type End = (Option<Encoding>, (u64, u64, u64), u64, u64);

    fn end<R: std::io::Read>(reader: &Reader<R>) -> End {
        (
            reader.encoding(),
            reader.counts(),
            reader.line(),
            reader.bytes_read(),
        )
    }

    /// Every record with its line and the diagnostics, read in one [`Reader`].
    fn one(data: &[u8], options: &ReadOptions) -> Read {
        let mut reader = Reader::with_options(data, options.clone());
        let mut records = Vec::new();
        while let Ok(Some(record)) = reader.next_record() {
            records.push((reader.record_line(), record));
        }
        (records, reader.diagnostics().to_vec(), end(&reader))
    }

    /// The same with a [`ParallelReader`] on `threads` threads, pushed in parts of
    /// `part` bytes (given again, longer, when nothing is taken, as `mapped.rs` does),
    /// and the stretches read again.
    fn apart(data: &[u8], options: &ReadOptions, threads: usize, part: usize) -> (Read, u64) {
        let mut read = ParallelReader::new(options.clone(), threads);
        let mut records = Vec::new();
        let mut take = |line: u64, record: &Record| records.push((line, record.clone()));
        let (mut at, mut len) = (0, part);
        while at < data.len() {
            let end = (at + len).min(data.len());
            let last = end == data.len();
            match read.push(&data[at..end], last, &mut take) {
                Ok(0) if !last => len *= 2,
                Ok(n) => (at, len) = (at + n, part),
                Err(_) => break,
            }
        }
        let reread = read.reread;
        let (diagnostics, summary) = match read.finish(&mut take) {
            Ok(reader) => (reader.diagnostics().to_vec(), end(&reader)),
            Err(_) => (Vec::new(), (None, (0, 0, 0), 0, 0)),
        };
        ((records, diagnostics, summary), reread)
    }

    #[test]
    fn the_generated_file_is_read_as_one_reader_reads_it_and_merged_whole() {
        // The benchmark's file: every stretch merges, in one part and in parts.
        let data = crate::sie_gen::generate(12_000);
        let options = ReadOptions::default();
        let expected = one(&data, &options);
        assert!(expected.0.len() > 6_000);
        for (threads, part) in [(2, data.len()), (3, data.len()), (2, 100_000), (2, 700_000)] {
            let (got, reread) = apart(&data, &options, threads, part);
            assert_eq!(got.1, expected.1, "{threads} threads, parts of {part}");
            assert_eq!(got.2, expected.2, "{threads} threads, parts of {part}");
            assert!(got.0 == expected.0, "{threads} threads, parts of {part}");
            assert_eq!(reread, 0, "{threads} threads, parts of {part}");
        }
    }

    #[test]
    fn stretches_with_other_records_are_read_again_in_order() {
        // Påhittad fil: a balance among the vouchers in a later stretch, and balances
        // after them.
        let mut f = String::from("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n");
        for i in 0..40_000 {
            f.push_str(&format!(
                "#VER A {i} 20250110 \"Text {i}\"\n{{\n#TRANS 1930 {{1 \"7\"}} {i}.50\n#TRANS 3010 {{}} -{i}.50\n}}\n"
            ));
            if i == 38_000 {
                f.push_str("#IB 0 1930 100\n");
            }
        }
        f.push_str("#UB 0 1930 100\n");
        let options = ReadOptions::default();
        let expected = one(f.as_bytes(), &options);
        let (got, reread) = apart(f.as_bytes(), &options, 2, f.len());
        assert_eq!(got.1, expected.1);
        assert_eq!(got.2, expected.2);
        assert!(got.0 == expected.0);
        assert!(reread > 0);
    }

    #[test]
    fn a_strictness_level_reads_in_order_and_fails_as_one_reader_fails() {
        // The benchmark's file with a påhittad voucher that does not balance in the
        // middle: a warning, rejected at the level of notices.
        let mut data = crate::sie_gen::generate(3_000);
        let middle = voucher_boundary(&data, data.len() / 2);
        let bad = b"#VER X 1 20250110\n{\n#TRANS 1930 {} 1\n}\n";
        data.splice(middle..middle, bad.iter().copied());
        let options = ReadOptions {
            fail_on: Some(Severity::Notice),
            ..ReadOptions::default()
        };
        let mut reader = Reader::with_options(&data[..], options.clone());
        let mut expected = Vec::new();
        let error = loop {
            match reader.next_record() {
                Ok(Some(record)) => expected.push((reader.record_line(), record)),
                Ok(None) => break None,
                Err(e) => break Some(e.to_string()),
            }
        };
        let mut read = ParallelReader::new(options, 2);
        let mut got = Vec::new();
        let result = read.push(&data, true, |line, record| got.push((line, record.clone())));
        assert!(
            error.as_deref().is_some_and(|e| e.contains("X 1")),
            "{error:?}"
        );
        assert_eq!(result.err().map(|e| e.to_string()), error);
        assert!(got == expected);
        assert!(matches!(
            read.push(&data, true, |_, _| {}),
            Err(ReadError::Ended)
        ));
    }
}
