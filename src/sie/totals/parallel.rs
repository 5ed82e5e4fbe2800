//! Sums on several threads from a file in memory ([`ParallelSums`]), and where a file is
//! cut into stretches at voucher lines (shared with the parallel readings).

use super::*;

/// Where the stretch of `data` that ends at or after `at` ends: just before the first
/// line after `at` that starts with `#VER` and a separator (`data.len()` if none).
pub(crate) fn voucher_boundary(data: &[u8], at: usize) -> usize {
    let mut from = at.saturating_sub(1);
    let finder = memchr::memmem::Finder::new(b"\n#VER");
    while let Some(i) = data.get(from..).and_then(|rest| finder.find(rest)) {
        let line_start = from + i + 1;
        if data
            .get(line_start + 4)
            .is_some_and(|&b| b == b' ' || b == b'\t')
        {
            return line_start;
        }
        from = line_start;
    }
    data.len()
}

/// The bytes of a stretch that [`ParallelSums`] hands to whichever thread is free.
pub(super) const CHUNK: usize = 1 << 18;

/// Where `data` is cut into stretches of about `chunk` bytes: offsets from 0 to
/// `data.len()`, each inner one at the start of a `#VER` line.
pub(super) fn chunk_cuts(data: &[u8], chunk: usize) -> Vec<usize> {
    let mut cuts = vec![0usize];
    let mut at = 0usize;
    while at < data.len() {
        at = voucher_boundary(data, at + chunk.max(1));
        cuts.push(at);
    }
    cuts
}

/// Where `data` is cut into `n` stretches for `n` threads: `n + 1` offsets from 0 to
/// `data.len()`, each inner one at the start of a `#VER` line (`data.len()` when none
/// follows), as even as voucher lines allow.
pub(crate) fn stretch_cuts(data: &[u8], n: usize) -> Vec<usize> {
    let mut cuts = Vec::with_capacity(n + 1);
    cuts.push(0usize);
    for k in 1..n {
        let prev = cuts.last().copied().unwrap_or(0);
        let at = (data.len() / n * k).max(prev + 1);
        cuts.push(if at >= data.len() {
            data.len()
        } else {
            voucher_boundary(data, at)
        });
    }
    cuts.push(data.len());
    cuts
}

/// The start of the last line of `data` that starts with `#VER` and a separator,
/// after its first byte (0 if none).
pub(crate) fn last_voucher_boundary(data: &[u8]) -> usize {
    let finder = memchr::memmem::FinderRev::new(b"\n#VER");
    let mut to = data.len();
    while let Some(i) = data.get(..to).and_then(|head| finder.rfind(head)) {
        if data.get(i + 5).is_some_and(|&b| b == b' ' || b == b'\t') {
            return i + 1;
        }
        // Search before this match.
        to = i + 4;
    }
    0
}

/// Summor på flera kärnor: [`sum_transactions`] over a file in memory, pushed in parts
/// (for example windows of a memory-mapped file) and read by several threads.
///
/// Each part is cut at voucher boundaries (a line starting with `#VER`) into one stretch
/// per thread; each thread keeps its own sums, merged once by [`finish`](Self::finish).
/// The result is identical to [`sum_transactions`] on the same bytes. Memory is the
/// sums (accounts × objects) per thread, whatever the file size; the library does no
/// I/O: the caller owns the bytes.
///
/// ```
/// use kommunal_redovisning::sie::{ParallelSums, sum_transactions};
///
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {1 \"110\"} 10\n#TRANS 1930 {} -10\n}\n\
///              #VER A 2 20250102\n{\n#TRANS 5010 {1 \"110\"} 5\n#TRANS 1930 {} -5\n}\n";
/// let mut sums = ParallelSums::new(None, 2);
/// // Parts of any size: each push takes the vouchers that are complete.
/// let used = sums.push(&file[..40], false);
/// let used = used + sums.push(&file[used..], true);
/// assert_eq!(used, file.len());
/// let totals = sums.finish()?;
/// assert_eq!(totals, sum_transactions(&file[..], None)?);
/// assert_eq!(totals.by_account["5010"].to_string(), "15.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "parallell summering")]
pub struct ParallelSums {
    states: Vec<SumState>,
    encoding: Option<Encoding>,
    /// Bytes taken so far (the file offset of the next part).
    taken: u64,
}

impl ParallelSums {
    /// Sums read on `threads` threads (0 and 1: on the calling thread); `encoding`
    /// decodes account and object numbers (detected when `None`).
    ///
    /// ```
    /// use kommunal_redovisning::Decimal;
    /// use kommunal_redovisning::sie::ParallelSums;
    ///
    /// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {} 10\n#TRANS 1930 {} -10\n}\n";
    /// // One thread, the encoding detected; the whole file is one (last) part.
    /// let mut sums = ParallelSums::new(None, 1);
    /// assert_eq!(sums.push(&file[..], true), file.len());
    /// let totals = sums.finish()?;
    /// assert_eq!(totals.by_account["1930"], Decimal::from(-10));
    /// # Ok::<(), kommunal_redovisning::sie::SumOverflow>(())
    /// ```
    #[must_use]
    pub fn new(encoding: Option<Encoding>, threads: usize) -> Self {
        ParallelSums {
            states: (0..threads.max(1)).map(|_| SumState::new()).collect(),
            encoding,
            taken: 0,
        }
    }

    /// Sums the next part of the file, which starts where the bytes taken so far end.
    /// Unless `last`, only the part up to its last voucher line is taken (the rest
    /// must come again at the start of the next part); returns the number of bytes
    /// taken, 0 when the part holds no voucher boundary (give a longer part). With
    /// `last`, the whole part is taken as the end of the file.
    pub fn push(&mut self, part: &[u8], last: bool) -> usize {
        let take = if last {
            part.len()
        } else {
            last_voucher_boundary(part)
        };
        let data = part.get(..take).unwrap_or_default();
        if data.is_empty() {
            return 0;
        }
        let n = self.states.len();
        let base = self.taken;
        let sum = |st: &mut SumState, (bytes, at): (&[u8], u64)| {
            if !bytes.is_empty() {
                st.lines(bytes, at);
                st.end_stretch();
            }
        };
        if n == 1 {
            if let Some(st) = self.states.first_mut() {
                sum(st, (data, base));
            }
        } else {
            // Stretches of about `CHUNK` bytes cut at voucher lines, taken in turn by
            // whichever thread is free: the threads end together whatever the vouchers
            // cost (with one stretch per thread, the one with the costlier vouchers
            // kept the other waiting). Sums are exact and their keys remember where
            // they first appear, so which state sums which stretch changes nothing.
            let cuts = chunk_cuts(data, CHUNK);
            let next = std::sync::atomic::AtomicUsize::new(0);
            let work = |st: &mut SumState| loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                match (cuts.get(k), cuts.get(k + 1)) {
                    (Some(&a), Some(&b)) => {
                        sum(st, (data.get(a..b).unwrap_or_default(), base + a as u64));
                    }
                    _ => break,
                }
            };
            std::thread::scope(|scope| {
                let mut states = self.states.iter_mut();
                // This thread works too, beside one new thread per other state.
                let here = states.next();
                let handles: Vec<_> = states.map(|st| scope.spawn(|| work(st))).collect();
                if let Some(st) = here {
                    work(st);
                }
                for h in handles {
                    if let Err(panic) = h.join() {
                        std::panic::resume_unwind(panic);
                    }
                }
            });
        }
        self.taken += take as u64;
        take
    }

    /// The sums of everything pushed.
    ///
    /// # Errors
    ///
    /// [`SumOverflow`] when an account's sum leaves the decimal range (never
    /// saturated), as [`sum_transactions`] reports it.
    pub fn finish(self) -> Result<Totals, SumOverflow> {
        let threads = self.states.len();
        let mut states = self.states.into_iter();
        let mut all = states.next().unwrap_or_else(SumState::new);
        for st in states {
            all.merge(st);
        }
        all.finish(self.encoding, threads)
    }
}

/// Summerar transaktioner på flera kärnor: [`sum_transactions`] over a file in memory
/// on `threads` threads, with an identical result. The library does no I/O; memory-map
/// a large file and pass the map (or push windows of it through [`ParallelSums`] to
/// keep the mapped part small).
///
/// ```
/// use kommunal_redovisning::sie::{sum_transactions, sum_transactions_parallel};
///
/// let file = b"#VER A 1 20250101\n{\n#TRANS 5010 {} 10\n#TRANS 1930 {} -10\n}\n\
///              #VER A 2 20250102\n{\n#TRANS 5010 {} 5\n#TRANS 1930 {} -5\n}\n";
/// let totals = sum_transactions_parallel(&file[..], None, 2)?;
/// assert_eq!(totals, sum_transactions(&file[..], None)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`SumOverflow`] when an account's sum leaves the decimal range.
#[doc(alias = "summera parallellt")]
pub fn sum_transactions_parallel(
    data: &[u8],
    encoding: Option<Encoding>,
    threads: usize,
) -> Result<Totals, SumOverflow> {
    let mut sums = ParallelSums::new(encoding, threads);
    sums.push(data, true);
    sums.finish()
}
