//! [`ParallelReader`] hands on exactly the records, lines and diagnostics (or the
//! error) of one [`Reader`] over the same bytes — on every corpus file, on the
//! generated municipal ledger and on generated files with malformed lines, on one to
//! four threads, whole and in windows.

use kommunal_redovisning::sie::{ReadOptions, Record, Severity};
use proptest::prelude::*;

use super::sie_parallel::{each_corpus_file, line, lines_file, sie_gen};
use super::windows::{records as one, records_pushed as apart};

fn check_with(name: &str, data: &[u8], options: &ReadOptions) {
    let expected = one(data, options);
    for threads in [1, 2, 3, 4] {
        for window in [data.len(), data.len() / 3 + 1, 200] {
            let got = apart(data, options, threads, window);
            assert_eq!(
                got.2, expected.2,
                "{name}: {threads} threads, windows of {window}"
            );
            assert_eq!(
                got.1, expected.1,
                "{name}: {threads} threads, windows of {window}"
            );
            assert!(
                got.0 == expected.0,
                "{name}: {threads} threads, windows of {window}: records differ"
            );
        }
    }
}

fn check(name: &str, data: &[u8]) {
    check_with(name, data, &ReadOptions::default());
}

#[test]
fn parallel_records_equal_one_reader_on_the_corpus() {
    each_corpus_file(check);
}

#[test]
fn parallel_records_equal_one_reader_on_the_generated_ledger() {
    let data = sie_gen::generate(3_000);
    check("generated", &data);
    let (records, diagnostics, error, _) = one(&data, &ReadOptions::default());
    assert!(error.is_none() && diagnostics.is_empty());
    let vouchers = records
        .iter()
        .filter(|(_, r)| matches!(r, Record::Voucher(_)))
        .count();
    assert_eq!(vouchers, 3_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn parallel_records_equal_one_reader(
        lines in prop::collection::vec(line(), 0..120),
        rar in any::<bool>(),
        crlf in any::<bool>(),
        final_newline in any::<bool>(),
        strict in any::<bool>(),
    ) {
        let text = lines_file(&lines, rar, crlf, final_newline);
        let options = if strict {
            ReadOptions::default().fail_on(Severity::Error)
        } else {
            ReadOptions::default()
        };
        check_with("generated lines", text.as_bytes(), &options);
    }
}
