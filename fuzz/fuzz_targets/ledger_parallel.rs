//! Fuzz target: the ledger read on several threads and in windows
//! ([`ParallelLedger`], [`SieLedger::read_parallel`]) is exactly the ledger of one
//! reading ([`SieLedger::read`]) — trial balance, diagnostics in order, counts — or the
//! same error. The first byte chooses the threads (1–4) and the window size.
#![no_main]

use kommunal_redovisning::ledger::SieLedger;
use kommunal_redovisning::sie::ReadOptions;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/windows.rs"]
mod windows;

fn options() -> ReadOptions {
    ReadOptions::default()
        .max_line_length(4096)
        .max_voucher_bytes(1 << 20)
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
    assert_eq!(
        windows::pushed(data, window, threads, options()),
        one,
        "{threads} threads, windows of {window}"
    );
});
