//! An SIE file pushed through [`ParallelLedger`] and [`ParallelReader`] in windows, as a
//! caller memory-mapping a file would, and the same read in one: shared by
//! `tests/ledger_summing.rs`, `tests/sie_parallel_records.rs` and the `ledger_parallel`
//! and `records_parallel` fuzz targets (`fuzz/fuzz_targets/*_parallel.rs` include this
//! file).
#![allow(dead_code)]

use kommunal_redovisning::ledger::{ParallelLedger, SieLedger};
use kommunal_redovisning::sie::{
    Diagnostic, Encoding, ParallelReader, ReadOptions, Reader, Record,
};

/// Records with their lines, the diagnostics, the error that ended the reading (as its
/// text) and the end reader's encoding, counts, last line and bytes read.
pub type Records = (Vec<(u64, Record)>, Vec<Diagnostic>, Option<String>, End);

/// What a reader says of the file at its end: encoding, counts, last line, bytes read.
pub type End = (Option<Encoding>, (u64, u64, u64), u64, u64);

/// [`End`] where an error ended the reading (nothing to compare).
const NO_END: End = (None, (0, 0, 0), 0, 0);

fn end<R: std::io::Read>(reader: &Reader<R>) -> End {
    (
        reader.encoding(),
        reader.counts(),
        reader.line(),
        reader.bytes_read(),
    )
}

/// Every record of `data` with its line, read by one [`Reader`].
pub fn records(data: &[u8], options: &ReadOptions) -> Records {
    let mut reader = Reader::with_options(data, options.clone());
    let mut records = Vec::new();
    loop {
        match reader.next_record() {
            Ok(Some(record)) => records.push((reader.record_line(), record)),
            Ok(None) => return (records, reader.diagnostics().to_vec(), None, end(&reader)),
            Err(e) => return (records, Vec::new(), Some(e.to_string()), NO_END),
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
            Err(e) => return (records, Vec::new(), Some(e.to_string()), NO_END),
        }
    }
    match read.finish(&mut take) {
        Ok(reader) => (records, reader.diagnostics().to_vec(), None, end(&reader)),
        Err(e) => (records, Vec::new(), Some(e.to_string()), NO_END),
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
