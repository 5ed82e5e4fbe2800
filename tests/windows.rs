//! An SIE file pushed through [`ParallelLedger`] in windows, as a caller memory-mapping
//! a file would: shared by `tests/ledger_summing.rs` and the `ledger_parallel` fuzz
//! target (`fuzz/fuzz_targets/ledger_parallel.rs` includes this file).

use kommunal_redovisning::ledger::{ParallelLedger, SieLedger};
use kommunal_redovisning::sie::ReadOptions;

/// `data` pushed through [`ParallelLedger`] in windows of `window` bytes (doubled when a
/// window holds no place to cut), on `threads` threads; errors as their text.
pub fn pushed(
    data: &[u8],
    window: usize,
    threads: usize,
    options: ReadOptions,
) -> Result<SieLedger, String> {
    let mut read = ParallelLedger::new(options, threads);
    let (mut at, mut len) = (0, window.max(1));
    while at < data.len() {
        let end = (at + len).min(data.len());
        let last = end == data.len();
        let used = read.push(&data[at..end], last).map_err(|e| e.to_string())?;
        if used == 0 && !last {
            len *= 2;
            continue;
        }
        at += used;
        len = window.max(1);
    }
    read.finish().map_err(|e| e.to_string())
}
