//! Fuzz target: typed records read on several threads and in windows
//! ([`ParallelReader`]) are exactly those of one [`Reader`] — every record with its
//! line, the diagnostics in order — or the same error. The first byte chooses the
//! threads (1–4), the window size and whether a strictness level is set.
#![no_main]

use kommunal_redovisning::sie::{
    Diagnostic, ParallelReader, ReadOptions, Reader, Record, Severity,
};
use libfuzzer_sys::fuzz_target;

type Read = (Vec<(u64, Record)>, Vec<Diagnostic>, Option<String>);

fn one(data: &[u8], options: &ReadOptions) -> Read {
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

fn apart(data: &[u8], options: &ReadOptions, threads: usize, window: usize) -> Read {
    let mut read = ParallelReader::new(options.clone(), threads);
    let mut records = Vec::new();
    let mut take = |line: u64, record: &Record| records.push((line, record.clone()));
    let (mut at, mut len) = (0, window);
    while at < data.len() {
        let end = (at + len).min(data.len());
        let last = end == data.len();
        match read.push(&data[at..end], last, &mut take) {
            Ok(0) if !last => len *= 2,
            Ok(n) => (at, len) = (at + n, window),
            Err(e) => return (records, Vec::new(), Some(e.to_string())),
        }
    }
    match read.finish(&mut take) {
        Ok(end) => (records, end.diagnostics().to_vec(), None),
        Err(e) => (records, Vec::new(), Some(e.to_string())),
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&choice, data)) = input.split_first() else {
        return;
    };
    let threads = usize::from(choice % 4) + 1;
    let window = 16 + usize::from(choice / 8 % 16) * 8;
    let mut options = ReadOptions::default()
        .max_line_length(4096)
        .max_voucher_bytes(1 << 20);
    if choice & 0x80 != 0 {
        options = options.fail_on(Severity::Error);
    }
    let expected = one(data, &options);
    for window in [data.len().max(1), window] {
        let got = apart(data, &options, threads, window);
        assert_eq!(got.2, expected.2, "{threads} threads, windows of {window}");
        assert_eq!(got.1, expected.1, "{threads} threads, windows of {window}");
        assert!(got.0 == expected.0, "{threads} threads, windows of {window}");
    }
});
