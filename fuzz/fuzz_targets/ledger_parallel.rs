//! Fuzz target: the ledger read on several threads and in windows
//! ([`ParallelLedger`], [`SieLedger::read_parallel`]) is exactly the ledger of one
//! reading ([`SieLedger::read`]) — trial balance, diagnostics in order, counts — or the
//! same error. The first byte chooses the threads (1–4) and the window size.
#![no_main]

use kommunal_redovisning::ledger::{ParallelLedger, SieLedger};
use kommunal_redovisning::sie::ReadOptions;
use libfuzzer_sys::fuzz_target;

fn options() -> ReadOptions {
    ReadOptions::default()
        .max_line_length(4096)
        .max_voucher_bytes(1 << 20)
}

fn pushed(data: &[u8], window: usize, threads: usize) -> Result<SieLedger, String> {
    let mut read = ParallelLedger::new(options(), threads);
    let (mut at, mut len) = (0, window);
    while at < data.len() {
        let end = (at + len).min(data.len());
        let last = end == data.len();
        let used = read.push(&data[at..end], last).map_err(|e| e.to_string())?;
        if used == 0 && !last {
            len *= 2;
            continue;
        }
        at += used;
        len = window;
    }
    read.finish().map_err(|e| e.to_string())
}

fuzz_target!(|input: &[u8]| {
    let Some((&choice, data)) = input.split_first() else {
        return;
    };
    let threads = usize::from(choice % 4) + 1;
    let window = 16 + usize::from(choice / 4) * 8;
    let one = SieLedger::read(data, options()).map_err(|e| e.to_string());
    let whole = SieLedger::read_parallel(data, options(), threads).map_err(|e| e.to_string());
    assert_eq!(whole, one, "{threads} threads");
    assert_eq!(pushed(data, window, threads), one, "{threads} threads, windows of {window}");
});
