//! SIE 4 → [`SieLedger`] on several threads: [`ParallelLedger`].

use rust_decimal::Decimal;

use super::from_sie::{Build, LedgerReadError, SieLedger};
use crate::money::Amount;
use crate::sie::ReadOptions;
use crate::sie::reader::{Paused, PlainSums, Reader, Step, head_end, part_taken, tail_start};
use crate::sie::stretch_cuts;

/// Huvudbok på flera kärnor: [`SieLedger::read`] over a file in memory, pushed in parts
/// (for example windows of a memory-mapped file) and read on several threads, with a
/// result identical to [`SieLedger::read`] on the same bytes.
///
/// The file's head (everything before the first `#VER`) is read first, in order. Each
/// part after it is cut at voucher lines into one stretch per thread: this thread reads
/// the first, each other thread one of the rest, from the state the head left. A
/// stretch read apart is then merged into the reading in order — its sums, counts and
/// diagnostics, replayed so that repeated notices, counted kinds and their summaries
/// come out as in one reading — when that gives exactly what reading it in order gives:
/// it holds vouchers only (no `#IB`, `#RAR`, `#KONTO`, … after the first voucher), on
/// valid account numbers, the encoding was settled before it, no voucher is left open
/// across its edges, no diagnostic names a line in its text (a thread numbers the lines
/// of its stretch from the stretch's first; the merge moves the diagnostics' lines on)
/// and the sums cannot have passed 10¹⁹ kr on the way. Otherwise this
/// thread reads it again in order, so an unusual file costs time, never exactness.
/// Everything is read on this thread when [`ReadOptions::fail_on`] is set (the first
/// rejected diagnostic must be the file's first) or while a `#KSUMMA` checksum runs.
///
/// Where neither the head nor [`ReadOptions::encoding`] settles the encoding and the
/// vouchers are not ASCII, the encoding is detected where it is first needed from the
/// text buffered from that line on, as in every reading; a reading in stretches buffers
/// differently, so give the encoding in [`ReadOptions`] for a result that cannot depend
/// on it.
///
/// Memory is the ledger's sums (accounts × objects × months) per thread, whatever the
/// file size; the library does no I/O: the caller owns the bytes.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{ParallelLedger, SieLedger};
/// use kommunal_redovisning::sie::ReadOptions;
///
/// // Påhittad fil: a head and three vouchers.
/// let file = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Exempelkommun\"\n#RAR 0 20250101 20251231\n\
///             #IB 0 1930 1000\n\
///             #VER A 1 20250115\n{\n#TRANS 1930 {} 250\n#TRANS 3110 {} -250\n}\n\
///             #VER A 2 20250116\n{\n#TRANS 1930 {} 50\n#TRANS 3110 {} -50\n}\n\
///             #VER A 3 20250117\n{\n#TRANS 1930 {} 10\n#TRANS 3110 {} -5\n}\n";
/// let mut read = ParallelLedger::new(ReadOptions::default(), 2);
/// // Parts of any size: each push takes what ends at a voucher line.
/// let used = read.push(&file.as_bytes()[..150], false)?;
/// read.push(&file.as_bytes()[used..], true)?;
/// let ledger = read.finish()?;
/// assert_eq!(ledger, SieLedger::read(file.as_bytes(), ReadOptions::default())?);
/// let bank = ledger.trial_balance.account(0, "1930").ok_or("1930")?;
/// assert_eq!(bank.end_balance()?, Amount::kr(1_310));
/// // Voucher A 3 does not balance: said as in one reading, on its line.
/// assert!(ledger.diagnostics.iter().any(|d| d.line == 16 && d.label == "#VER"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "parallell inläsning")]
#[doc(alias = "huvudbok")]
pub struct ParallelLedger {
    threads: usize,
    /// The reading in order; `None` once an error ended it.
    main: Option<Paused>,
    build: Build,
    /// The head is read: what follows starts at a voucher line.
    head_read: bool,
    /// Stretches read on other threads and then again in order (for the tests).
    reread: u64,
    /// The sums the other threads filled last, emptied for the next part's stretches.
    /// Boxed as a reading state holds them, so they pass between the two unmoved.
    #[allow(clippy::vec_box)]
    spare: Vec<Box<PlainSums>>,
}

impl ParallelLedger {
    /// A ledger read on `threads` threads (0 and 1: all on the calling thread) with
    /// `options`.
    ///
    /// ```
    /// use kommunal_redovisning::ledger::ParallelLedger;
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// let file = b"#SIETYP 4\n#RAR 0 20250101 20251231\n#VER A 1 20250101\n{\n\
    ///              #TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n";
    /// let mut read = ParallelLedger::new(ReadOptions::default(), 1);
    /// // The whole file as one (last) part.
    /// assert_eq!(read.push(file, true)?, file.len());
    /// assert_eq!(read.finish()?.vouchers, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(options: ReadOptions, threads: usize) -> Self {
        ParallelLedger {
            threads: threads.max(1),
            main: Some(Paused::new(options)),
            build: Build::default(),
            head_read: false,
            reread: 0,
            spare: Vec::new(),
        }
    }

    /// Reads the next part of the file, which starts where the bytes taken so far end.
    /// Unless `last`, only the part up to its last voucher line is taken (up to its last
    /// line end where no voucher line is left); the rest must come again at the start of
    /// the next part. While the encoding is open (neither given in [`ReadOptions`] nor
    /// detected yet), the part's last 64 KiB are left too, so that a line where it is
    /// detected has its whole sample. Returns the number of bytes taken, 0 when the part
    /// holds no place to cut (give a longer part). With `last`, the whole part is taken
    /// as the end of the file.
    ///
    /// # Errors
    ///
    /// As [`SieLedger::read`]: [`LedgerReadError::Read`] for a diagnostic at
    /// [`ReadOptions::fail_on`], [`LedgerReadError::Overflow`] for an amount beyond
    /// 10¹⁹ kr. An error ends the reading: later calls give
    /// [`LedgerReadError::Ended`].
    pub fn push(&mut self, part: &[u8], last: bool) -> Result<usize, LedgerReadError> {
        let settled = self.main.as_ref().is_some_and(Paused::encoding_settled);
        let take = part_taken(part, last, settled);
        let mut data = part.get(..take).unwrap_or_default();
        let mut from = 0;
        if !self.head_read {
            let first = head_end(data);
            self.read_in_order(part, first)?;
            self.head_read = first < data.len();
            from = first;
        }
        data = data.get(from..).unwrap_or_default();
        if !data.is_empty() {
            self.read_vouchers(part.get(from..).unwrap_or_default(), data.len())?;
        }
        Ok(take)
    }

    /// The ledger of everything pushed.
    ///
    /// # Errors
    ///
    /// As [`SieLedger::read`], and the error that ended a [`ParallelLedger::push`].
    pub fn finish(self) -> Result<SieLedger, LedgerReadError> {
        let main = self.main.ok_or_else(ended)?;
        let mut reader = Reader::resume(&[][..], main, true);
        let mut build = self.build;
        build.take(&mut reader)?;
        build.finish(reader)
    }

    /// Reads the first `len` bytes of `bytes` on this thread, in order (the rest is
    /// read only as a sample for encoding detection).
    fn read_in_order(&mut self, bytes: &[u8], len: usize) -> Result<(), LedgerReadError> {
        let main = self.main.take().ok_or_else(ended)?;
        let (main, _) = read_stretch(main, bytes, len, &mut self.build, Take::All)?;
        self.main = Some(main);
        Ok(())
    }

    /// Reads the first `len` bytes of `part`, which start at a voucher line, in one
    /// stretch per thread (the rest of `part` is read only as a sample for encoding
    /// detection).
    fn read_vouchers(&mut self, part: &[u8], len: usize) -> Result<(), LedgerReadError> {
        let n = match &self.main {
            Some(main) if main.parallel() => self.threads,
            _ => 1,
        };
        if n == 1 {
            return self.read_in_order(part, len);
        }
        // What follows the last voucher (balances after the vouchers, as some programs
        // write them) is read in order once the vouchers are merged.
        let vouchers = tail_start(part.get(..len).unwrap_or_default());
        self.read_stretches(part, vouchers, n)?;
        if vouchers < len {
            let rest = part.get(vouchers..).unwrap_or_default();
            self.read_in_order(rest, len - vouchers)?;
        }
        Ok(())
    }

    /// Reads the first `len` bytes of `part`, which start at a voucher line, in `n`
    /// stretches, one per thread.
    fn read_stretches(&mut self, part: &[u8], len: usize, n: usize) -> Result<(), LedgerReadError> {
        let data = part.get(..len).unwrap_or_default();
        let cuts = stretch_cuts(data, n);
        let stretch = |k: usize| match (cuts.get(k), cuts.get(k + 1)) {
            (Some(&a), Some(&b)) => data.get(a..b).unwrap_or_default(),
            _ => &[][..],
        };
        // A stretch read in order, with the rest of the part after it as the sample.
        let in_order = |k: usize| match (cuts.get(k), cuts.get(k + 1)) {
            (Some(&a), Some(&b)) => (part.get(a..).unwrap_or_default(), b - a),
            _ => (&[][..], 0),
        };
        let seeds: Vec<Paused> = match &self.main {
            Some(main) => (1..n).map(|_| main.seed(self.spare.pop())).collect(),
            None => return Err(ended()),
        };
        let mut first = Ok(());
        let apart: Vec<Option<(Paused, Build, bool)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = seeds
                .into_iter()
                .enumerate()
                .map(|(i, seed)| {
                    let bytes = stretch(i + 1);
                    scope.spawn(move || {
                        let mut build = Build::default();
                        let len = bytes.len();
                        match read_stretch(seed, bytes, len, &mut build, Take::Vouchers) {
                            Ok((paused, whole)) => Some((paused, build, whole)),
                            // Taking vouchers only does not fail (it stops instead).
                            Err(_) => None,
                        }
                    })
                })
                .collect();
            let (bytes, len) = in_order(0);
            first = self.read_in_order(bytes, len);
            handles
                .into_iter()
                .map(|h| match h.join() {
                    Ok(r) => r,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        first?;
        for (i, read) in apart.into_iter().enumerate() {
            let Some((paused, build, whole)) = read else {
                self.reread += 1;
                let (bytes, len) = in_order(i + 1);
                self.read_in_order(bytes, len)?;
                continue;
            };
            let fits = whole
                && self.bounded(&paused, &build)
                && self
                    .main
                    .as_ref()
                    .is_some_and(|main| main.can_absorb(&paused));
            if fits {
                let sums = self.main.as_mut().ok_or_else(ended)?.absorb(paused);
                self.spare.extend(sums);
                self.build.merge(build)?;
            } else {
                self.spare.extend(paused.into_sums());
                self.reread += 1;
                let (bytes, len) = in_order(i + 1);
                self.read_in_order(bytes, len)?;
            }
        }
        Ok(())
    }

    /// Whether every sum, running through the reading in order and then through a
    /// stretch read apart, stays within 10¹⁹ kr: the absolute amounts of both together
    /// do, so no sum can have passed the bound on the way (which a reading in order
    /// reports).
    fn bounded(&self, paused: &Paused, build: &Build) -> bool {
        let Some(main) = &self.main else {
            return false;
        };
        let ore = main.abs_ore().saturating_add(paused.abs_ore());
        i128::try_from(ore)
            .ok()
            .and_then(|o| Decimal::try_from_i128_with_scale(o, 2).ok())
            .and_then(|kr| kr.checked_add(self.build.abs()))
            .and_then(|kr| kr.checked_add(build.abs()))
            .is_some_and(|kr| kr <= Amount::MAX.as_decimal())
    }
}

/// How [`read_stretch`] takes the records it reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Take {
    /// Every record ([`Build::add`]).
    All,
    /// Vouchers only ([`Build::add_voucher`]): it stops at the first other record.
    Vouchers,
}

/// Reads the first `len` bytes of `bytes` (what follows is only the sample for encoding
/// detection) on from `paused` into `build` ([`crate::sie::reader::read_stretch`]). With
/// [`Take::Vouchers`], also whether every record was a voucher that
/// [`Build::add_voucher`] took (it stops at the first that is not).
fn read_stretch(
    paused: Paused,
    bytes: &[u8],
    len: usize,
    build: &mut Build,
    take: Take,
) -> Result<(Paused, bool), LedgerReadError> {
    crate::sie::reader::read_stretch(paused, bytes, len, |line, record| match take {
        Take::All => {
            build.add(&record, line)?;
            Ok(Step::Recycle(record))
        }
        Take::Vouchers if build.add_voucher(&record, line) => Ok(Step::Recycle(record)),
        Take::Vouchers => Ok(Step::Stop),
    })
}

impl SieLedger {
    /// Reads an SIE file in memory on `threads` threads, with a result identical to
    /// [`SieLedger::read`] on the same bytes: [`ParallelLedger`] with the whole file
    /// as one part. Memory-map a large file and pass the map (or push windows of it
    /// through [`ParallelLedger`] to keep the mapped part small).
    ///
    /// # Errors
    ///
    /// As [`SieLedger::read`].
    ///
    /// ```
    /// use kommunal_redovisning::ledger::SieLedger;
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// // Påhittad fil.
    /// let file = b"#SIETYP 4\n#RAR 0 20250101 20251231\n\
    ///              #VER A 1 20250101\n{\n#TRANS 1930 {} 10\n#TRANS 3010 {} -10\n}\n\
    ///              #VER A 2 20250102\n{\n#TRANS 1930 {} 5\n#TRANS 3010 {} -5\n}\n";
    /// let ledger = SieLedger::read_parallel(file, ReadOptions::default(), 2)?;
    /// assert_eq!(ledger, SieLedger::read(&file[..], ReadOptions::default())?);
    /// assert_eq!(ledger.vouchers, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "läs parallellt")]
    pub fn read_parallel(
        data: &[u8],
        options: ReadOptions,
        threads: usize,
    ) -> Result<SieLedger, LedgerReadError> {
        let mut read = ParallelLedger::new(options, threads);
        read.push(data, true)?;
        read.finish()
    }
}

/// The error of a reading that an earlier error ended.
fn ended() -> LedgerReadError {
    LedgerReadError::Ended
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Påhittad fil: a head settling the encoding, then `n` balanced vouchers, with
    /// `after` after the voucher three quarters in (in the second of two stretches).
    fn file(n: usize, after: &str) -> String {
        let mut f = String::from(
            "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Påhittad kommun\"\n#RAR 0 20250101 20251231\n",
        );
        for i in 0..n {
            f.push_str(&format!(
                "#VER A {i} 20250110\n{{\n#TRANS 1930 {{1 \"7\"}} {i}.50\n#TRANS 3010 {{}} -{i}.50\n}}\n"
            ));
            if i == n * 3 / 4 {
                f.push_str(after);
            }
        }
        f
    }

    fn read(data: &[u8], threads: usize) -> (Result<SieLedger, String>, u64) {
        let mut read = ParallelLedger::new(ReadOptions::default(), threads);
        if let Err(e) = read.push(data, true) {
            return (Err(e.to_string()), read.reread);
        }
        let reread = read.reread;
        (read.finish().map_err(|e| e.to_string()), reread)
    }

    #[test]
    fn sums_kept_for_the_next_part_add_nothing_of_their_own() {
        // Påhittad fil, given in parts: the threads' sums pass from part to part,
        // emptied. The objects change along the file, so a part finds keys of earlier
        // parts that it does not use (kept as empty sums, or the table made anew).
        let mut f = String::from("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n");
        for i in 0..3000 {
            let object = i / 150 * 7 + i % 3;
            f.push_str(&format!(
                "#VER A {i} 20250110\n{{\n#TRANS 1930 {{1 \"{object}\"}} {i}.50\n#TRANS 3010 {{1 \"{object}\"}} -{i}.50\n}}\n"
            ));
        }
        let data = f.as_bytes();
        let one = SieLedger::read(data, ReadOptions::default()).map_err(|e| e.to_string());
        for (threads, part) in [(2, 4096), (3, 10_000), (2, 30_000)] {
            let mut read = ParallelLedger::new(ReadOptions::default(), threads);
            let (mut at, mut len) = (0, part);
            while at < data.len() {
                let end = (at + len).min(data.len());
                let last = end == data.len();
                let taken = read.push(&data[at..end], last).map_err(|e| e.to_string());
                // Nothing taken: the part is given again, longer (as `mapped.rs` does).
                match taken.unwrap() {
                    0 if !last => len *= 2,
                    n => (at, len) = (at + n, part),
                }
            }
            assert_eq!(read.reread, 0, "{threads} threads, parts of {part}");
            assert!(!read.spare.is_empty());
            assert_eq!(
                read.finish().map_err(|e| e.to_string()),
                one,
                "{threads} threads, parts of {part}"
            );
        }
    }

    #[test]
    fn stretches_of_vouchers_are_merged_not_read_again() {
        // Also with balances after the vouchers, as some programs write them.
        for tail in ["", "#UB 0 1930 100\n#UB 0 3010 -5\n", "#UB 0 1930 100"] {
            let data = file(400, "") + tail;
            let one =
                SieLedger::read(data.as_bytes(), ReadOptions::default()).map_err(|e| e.to_string());
            for threads in [2, 3, 4] {
                let (ledger, reread) = read(data.as_bytes(), threads);
                assert_eq!(ledger, one, "{tail:?}");
                assert_eq!(reread, 0, "{threads} threads, {tail:?}");
            }
        }
        let voucher = b"#VER A 1 20250101\n{\n#TRANS 1930 {} 1\n}\n#UB 0 1930 1\n";
        assert_eq!(tail_start(voucher), 39);
    }

    #[test]
    fn the_generated_ledger_is_merged_whole_not_read_again() {
        // The benchmark's ledger in one part, as `read_parallel` is given it: every
        // stretch merges.
        let data = crate::sie_gen::generate(20_000);
        let one = SieLedger::read(&data[..], ReadOptions::default()).map_err(|e| e.to_string());
        for threads in [2, 3] {
            let (ledger, reread) = read(&data, threads);
            assert_eq!(ledger, one);
            assert_eq!(reread, 0, "{threads} threads");
        }
    }

    #[test]
    fn diagnostics_of_a_stretch_read_apart_keep_their_lines_in_the_file() {
        // Påhittade fel late in the file, so in the second stretch: a voucher that does
        // not balance; forty of them (past the kept repeats of a kind, so counted with
        // their first dropped and last line); vouchers without a block (a notice
        // reported once, with its line, and then counted). The stretch is merged, not
        // read again, and every line is the one a reading in order gives.
        let unbalanced = |n: usize| {
            (0..n)
                .map(|i| {
                    format!(
                        "#VER B {i} 20250110\n{{\n#TRANS 1930 {{}} 1\n#TRANS 3010 {{}} -2\n}}\n"
                    )
                })
                .collect::<String>()
        };
        let no_block = "#VER C 1 20250110\n#VER C 2 20250110\n".to_owned();
        for after in [
            unbalanced(1),
            unbalanced(40),
            no_block.clone(),
            no_block + &unbalanced(3),
        ] {
            let data = file(400, &after);
            let one =
                SieLedger::read(data.as_bytes(), ReadOptions::default()).map_err(|e| e.to_string());
            let Ok(ledger) = &one else {
                panic!("{one:?}");
            };
            assert!(
                ledger.diagnostics.iter().any(|d| d.line > 1000),
                "{after:?}"
            );
            for threads in [2, 3] {
                let (got, reread) = read(data.as_bytes(), threads);
                assert_eq!(got, one, "{after:?}, {threads} threads");
                assert_eq!(reread, 0, "{after:?}, {threads} threads");
            }
        }
    }

    #[test]
    fn a_stretch_that_cannot_be_merged_is_read_again_in_order() {
        // A #KONTO among the vouchers: that stretch is read again. So is one with an
        // unclosed voucher: its warning names the line it ends before in its text, and
        // a stretch read apart numbers its lines from its own first. With a strict
        // level everything is read in order. Each gives the result of one reading.
        for (after, strict, again) in [
            ("#KONTO 1930 \"Bank\"\n", false, 1),
            ("#VER A x 20250110\n{\n#TRANS 1930 {} 1\n", false, 1),
            ("", true, 0),
        ] {
            let data = file(400, after);
            let options = if strict {
                ReadOptions::default().fail_on(crate::sie::Severity::Error)
            } else {
                ReadOptions::default()
            };
            let one = SieLedger::read(data.as_bytes(), options.clone()).map_err(|e| e.to_string());
            let mut read = ParallelLedger::new(options, 2);
            let got = read.push(data.as_bytes(), true).map_err(|e| e.to_string());
            let reread = read.reread;
            let got = got.and_then(|_| read.finish().map_err(|e| e.to_string()));
            assert_eq!(got, one, "{after:?}");
            assert_eq!(reread, again, "{after:?}");
        }
    }
}
