//! Fuzz target: typed records read on several threads and in windows
//! (`ParallelReader`) are exactly those of one `Reader` — every record with its
//! line, the diagnostics in order — or the same error. The first byte chooses the
//! threads (1–4), the window size and whether a strictness level is set.
#![no_main]

use kommunal_redovisning::sie::{ReadOptions, Severity};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/windows.rs"]
mod windows;

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
    let expected = windows::records(data, &options);
    for window in [data.len().max(1), window] {
        let got = windows::records_pushed(data, &options, threads, window);
        assert_eq!(got.2, expected.2, "{threads} threads, windows of {window}");
        assert_eq!(got.1, expected.1, "{threads} threads, windows of {window}");
        assert_eq!(got.3, expected.3, "{threads} threads, windows of {window}");
        assert!(got.0 == expected.0, "{threads} threads, windows of {window}");
    }
});
