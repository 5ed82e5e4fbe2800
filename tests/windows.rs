//! An SIE file pushed through [`ParallelLedger`] and [`ParallelReader`] in windows, as a
//! caller memory-mapping a file would, and the same read in one: shared by
//! `tests/ledger_summing.rs`, `tests/sie_parallel_records.rs` and the `ledger_parallel`
//! and `records_parallel` fuzz targets (`fuzz/fuzz_targets/*_parallel.rs` include this
//! file).
#![allow(dead_code)]

use kommunal_redovisning::ledger::{ParallelLedger, SieLedger};
use kommunal_redovisning::sie::{Diagnostic, ParallelReader, ReadOptions, Reader, Record};

/// Records with their lines, the diagnostics, and the error that ended the reading (as
/// its text).
pub type Records = (Vec<(u64, Record)>, Vec<Diagnostic>, Option<String>);

/// Every record of `data` with its line, read by one [`Reader`].
pub fn records(data: &[u8], options: &ReadOptions) -> Records {
    let mut reader = Reader::with_options(data, options.clone());
    let mut records = Vec::new();
    loop {
        match reader.next_record() {
            Ok(Some(record)) => records.push((reader.record_line(), record)),
            Ok(None) => return (records, reader.diagnostics().to_vec(), None),
            Err(e) => return (records, Vec::new(), Some(e.to_string())),
        }
    }
}

/// `data` pushed through [`ParallelReader`] in windows of `window` bytes (doubled when a
/// window holds no place to cut), on `threads` threads.
pub fn records_pushed(
    data: &[u8],
    options: &ReadOptions,
    threads: usize,
    window: usize,
) -> Records {
    let mut read = ParallelReader::new(options.clone(), threads);
    let mut records = Vec::new();
    let mut take = |line: u64, record: &Record| records.push((line, record.clone()));
    let (mut at, mut len) = (0, window.max(1));
    while at < data.len() {
        let end = (at + len).min(data.len());
        let last = end == data.len();
        match read.push(&data[at..end], last, &mut take) {
            Ok(0) if !last => len *= 2,
            Ok(n) => (at, len) = (at + n, window.max(1)),
            Err(e) => return (records, Vec::new(), Some(e.to_string())),
        }
    }
    match read.finish(&mut take) {
        Ok(end) => (records, end.diagnostics().to_vec(), None),
        Err(e) => (records, Vec::new(), Some(e.to_string())),
    }
}

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
