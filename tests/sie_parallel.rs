//! The byte path on several threads and in pushed parts: identical to the one-thread
//! `sum_transactions`, on every corpus file, on the generated municipal ledger and on
//! generated files with malformed lines.

use kommunal_redovisning::sie::{
    ParallelSums, Reader, Totals, sum_transactions, sum_transactions_parallel,
};
use proptest::prelude::*;

#[path = "../benches/sie_gen.rs"]
pub(crate) mod sie_gen;

/// Pushes `data` in parts of about `window` bytes, growing a part that holds no
/// voucher boundary, as a caller with a memory-mapped window does.
fn pushed(data: &[u8], threads: usize, window: usize) -> Totals {
    let mut sums = ParallelSums::new(None, threads);
    let mut at = 0;
    let mut len = window.max(1);
    while at < data.len() {
        let end = (at + len).min(data.len());
        let last = end == data.len();
        let used = sums.push(&data[at..end], last);
        if used == 0 && !last {
            len *= 2;
            continue;
        }
        at += used;
        len = window.max(1);
    }
    sums.finish().unwrap()
}

fn check(name: &str, data: &[u8]) {
    let one = sum_transactions(data, None).unwrap();
    for threads in [1, 2, 3, 4, 7] {
        assert_eq!(
            sum_transactions_parallel(data, None, threads).unwrap(),
            one,
            "{name}: {threads} threads"
        );
    }
    for (threads, window) in [(1, 64), (2, 300), (2, 4096), (3, 1 << 16)] {
        assert_eq!(
            pushed(data, threads, window),
            one,
            "{name}: {threads} threads, parts of {window} bytes"
        );
    }
}

/// Calls `check` with the name and bytes of every file of the SIE corpus and of the
/// crate's made-up example ledger. The vendored copy of the corpus: a fresh clone has
/// it, so no test over it skips.
pub(crate) fn each_corpus_file(mut check: impl FnMut(&str, &[u8])) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sie-samples");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        check(&path.display().to_string(), &data);
        n += 1;
    }
    let exempel = std::fs::read(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/exempelkommun.se"),
    )
    .unwrap();
    check("exempelkommun.se", &exempel);
    assert!(n >= 60, "{n} corpus files");
}

/// A file of generated `lines`, after a head with `#RAR` when `rar`, with CR LF line
/// ends when `crlf`, and a line end after the last line when `final_newline`.
pub(crate) fn lines_file(lines: &[String], rar: bool, crlf: bool, final_newline: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut text = if rar {
        format!("#FLAGGA 0{end}#RAR 0 20250101 20251231{end}")
    } else {
        String::new()
    };
    text.push_str(&lines.join(end));
    if final_newline {
        text.push_str(end);
    }
    text
}

#[test]
fn parallel_sums_equal_one_thread_on_the_corpus() {
    each_corpus_file(check);
}

#[test]
fn parallel_sums_equal_one_thread_on_the_generated_ledger() {
    let data = sie_gen::generate(3_000);
    check("generated", &data);
    // And both equal the typed reader's sums.
    let mut reader = Reader::new(&data[..]);
    let mut totals = Totals::default();
    while let Some(r) = reader.next_record().unwrap() {
        totals.add(&r);
        reader.recycle(r);
    }
    let fast = sum_transactions_parallel(&data, None, 2).unwrap();
    assert_eq!(fast.by_account, totals.by_account);
    assert_eq!(fast.by_object, totals.by_object);
    assert_eq!((fast.vouchers, fast.rows), (3_000, totals.rows));
}

/// A cut through a line that only looks like a voucher (`#VERX`, `#VER` without a
/// separator) would split a voucher's state: such lines are never boundaries.
#[test]
fn only_real_voucher_lines_are_boundaries() {
    let mut file = Vec::new();
    for i in 0..200 {
        file.extend_from_slice(
            format!("#VER A {i} 20250101\n{{\n#RTRANS 1930 {{}} 5\n#VERX\n#TRANS 1930 {{}} 5\n#VER\n#TRANS 2440 {{1 \"{i}\"}} -5\n}}\n")
                .as_bytes(),
        );
    }
    check("look-alikes", &file);
}

/// One line of a generated file: plain and irregular rows, voucher heads, braces and
/// malformed lines.
pub(crate) fn line() -> impl Strategy<Value = String> {
    let account = prop_oneof![
        Just("1930".to_owned()),
        Just("3010".to_owned()),
        Just("\"4010\"".to_owned()),
        Just("K\u{e4}nd".to_owned()),
        Just("0123".to_owned()),
    ];
    let objects = prop_oneof![
        Just("{}".to_owned()),
        Just("{1 \"110\"}".to_owned()),
        Just("{1 \"110\" 20 \"7\"}".to_owned()),
        Just("{1 \"\u{c5}sa\"}".to_owned()),
        Just("{1 110 x}".to_owned()),
        Just("{ 1  \" 7 \" }".to_owned()),
        Just("".to_owned()),
    ];
    let amount = prop_oneof![
        (-100_000i64..100_000).prop_map(|c| format!("{}.{:02}", c / 100, (c % 100).abs())),
        (-1000i64..1000).prop_map(|v| v.to_string()),
        Just("5.555".to_owned()),
        Just("1,5".to_owned()),
        Just("x".to_owned()),
        Just("+7".to_owned()),
        Just("12345678901234567".to_owned()),
    ];
    let row = (
        prop_oneof![
            4 => Just("#TRANS"),
            1 => Just("#RTRANS"),
            1 => Just("#BTRANS")
        ],
        account,
        objects,
        amount,
        prop_oneof![
            Just(""),
            Just(" 20250101 \"text\""),
            Just(" \"\" \"a \\\"b\\\"\""),
            Just(" 20250101 \"open")
        ],
    )
        .prop_map(|(l, a, o, m, rest)| format!("{l} {a} {o} {m}{rest}"));
    prop_oneof![
        6 => row,
        2 => (0u32..50).prop_map(|n| format!("#VER A {n} 20250101 \"v\"")),
        1 => Just("#VER\tB 1 20250101".to_owned()),
        2 => Just("{".to_owned()),
        2 => Just("}".to_owned()),
        1 => Just("#VERX A 1".to_owned()),
        1 => Just("#VER".to_owned()),
        1 => Just("#KONTO 1930 \"Bank\"".to_owned()),
        1 => Just("#OKAND 1 2".to_owned()),
        1 => Just("  #VER A 9 20250101".to_owned()),
        1 => Just("".to_owned()),
        1 => Just("\"\"\"".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parallel_sums_equal_one_thread(
        lines in prop::collection::vec(line(), 0..120),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        final_newline in any::<bool>(),
        threads in 1usize..6,
        window in 1usize..400,
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = lines.join(end);
        if final_newline {
            text.push_str(end);
        }
        let mut data = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        data.extend_from_slice(text.as_bytes());
        let one = sum_transactions(&data[..], None).unwrap();
        prop_assert_eq!(&sum_transactions_parallel(&data, None, threads).unwrap(), &one);
        prop_assert_eq!(&pushed(&data, threads, window), &one);
    }
}
