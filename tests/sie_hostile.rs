//! Regression tests for issue 19 on the SIE reader: truncation, severity, account
//! numbers, the missing-series #VER, dates, duplicate balances, aggregation, caps, and
//! the fast sums agreeing with the typed reader on malformed files.

use kommunal_redovisning::sie::{
    Diagnostic, Encoding, ReadOptions, Reader, Record, Severity, Totals, sum_transactions,
};
use proptest::prelude::*;

const HEAD: &str = "#FLAGGA 0\n#PROGRAM \"T\" 1\n#FORMAT PC8\n#GEN 20250701\n#SIETYP 4\n\
                    #FNAMN \"Lystkom\"\n#RAR 0 20250101 20251231\n#KONTO 1930 \"Bank\"\n";

fn read_with(file: &[u8], opts: ReadOptions) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut reader = Reader::with_options(file, opts);
    let records = reader.by_ref().collect::<Result<Vec<_>, _>>().unwrap();
    (records, reader.take_diagnostics())
}

fn read(file: &[u8]) -> (Vec<Record>, Vec<Diagnostic>) {
    read_with(file, ReadOptions::default())
}

fn errors(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter().filter(|d| d.severity == Severity::Error).collect()
}

fn has_error(d: &[Diagnostic], what: &str) -> bool {
    d.iter()
        .any(|d| d.severity == Severity::Error && d.message.contains(what))
}

#[test]
fn a_cut_number_on_the_last_line_is_an_error() {
    // `#UB 0 1930 12400000.00` cut after "124": read as 124 kr before.
    let file = format!("{HEAD}#UB 0 1930 124");
    let (records, d) = read(file.as_bytes());
    assert!(has_error(&d, "filen ser avkortad ut"), "{d:?}");
    let e = errors(&d);
    assert_eq!(e[0].line, 9);
    // The record is still there to look at; the error says it may be cut.
    assert!(
        records
            .iter()
            .any(|r| matches!(r, Record::ClosingBalance(_)))
    );
    // With its line end the same file is clean.
    let (_, d) = read(format!("{HEAD}#UB 0 1930 124\n").as_bytes());
    assert!(errors(&d).is_empty(), "{d:?}");
}

#[test]
fn a_last_closing_brace_without_a_line_end_is_only_a_notice() {
    let file = format!(
        "{HEAD}#UB 0 1930 0\n#VER A 1 20250101\n{{\n#TRANS 1930 {{}} 1\n#TRANS 2440 {{}} -1\n}}"
    );
    let (_, d) = read(file.as_bytes());
    assert!(errors(&d).is_empty(), "{d:?}");
    assert!(d.iter().any(|d| d.message == "sista raden saknar radslut"));
}

#[test]
fn a_file_cut_inside_a_voucher_is_an_error() {
    let file = format!(
        "{HEAD}#UB 0 1930 0\n#VER A 1 20250101\n{{\n#TRANS 1930 {{}} 1\n#TRANS 2440 {{}} -1\n"
    );
    let (_, d) = read(file.as_bytes());
    assert!(
        has_error(
            &d,
            "filen slutar inne i verifikation A 1 (ingen avslutande }): filen ser avkortad ut"
        ),
        "{d:?}"
    );
}

#[test]
fn an_unclosed_object_list_is_an_error() {
    let file = format!(
        "{HEAD}#UB 0 1930 0\n#VER A 1 20250101\n{{\n#TRANS 1930 {{1 \"7\" 1\n#TRANS 2440 {{}} -1\n}}\n"
    );
    let (_, d) = read(file.as_bytes());
    assert!(has_error(&d, "objektlistan avslutas inte"), "{d:?}");
}

#[test]
fn empty_nul_and_garbage_files_are_errors() {
    for file in [
        &b""[..],
        &[0u8; 4096][..],
        b"hello world\nthis is not sie\n",
        b"\xff\xfe\x00garbage",
    ] {
        let (_, d) = read(file);
        assert!(
            !errors(&d).is_empty(),
            "{:?}: {d:?}",
            &file[..file.len().min(16)]
        );
    }
}

#[test]
fn invalid_account_numbers_are_errors_in_rows_and_balances() {
    for account in ["\"\"", "50AF", "-5010", "12345678901234567890"] {
        let file = format!(
            "{HEAD}#UB 0 {account} 5\n#VER A 1 20250101\n{{\n#TRANS {account} {{}} 1\n#TRANS 2440 {{}} -1\n}}\n"
        );
        let (_, d) = read(file.as_bytes());
        let bad: Vec<_> = d
            .iter()
            .filter(|d| {
                d.severity == Severity::Error && d.message.contains("är inte 1 till 10 siffror")
            })
            .collect();
        assert_eq!(bad.len(), 2, "{account}: {d:?}");
        assert!(bad.iter().any(|d| d.label == "#UB" && d.line == 9));
        assert!(bad.iter().any(|d| d.label == "#TRANS" && d.line == 12));
    }
}

#[test]
fn a_voucher_without_its_series_field_is_detected_and_read_shifted() {
    let file = format!(
        "{HEAD}#UB 0 1930 0\n#VER  1 20250101 \" \"\n{{\n#TRANS 1930 {{}} 1\n#TRANS 2440 {{}} -1\n}}\n"
    );
    let (records, d) = read(file.as_bytes());
    let shape = d
        .iter()
        .find(|d| d.message.contains("fältet för serie saknas"))
        .unwrap_or_else(|| panic!("{d:?}"));
    assert_eq!(shape.line, 10);
    assert!(
        !d.iter().any(|d| d.message.contains("saknar datum")),
        "{d:?}"
    );
    let v = records
        .iter()
        .find_map(|r| match r {
            Record::Voucher(v) => Some(v),
            _ => None,
        })
        .unwrap();
    assert_eq!(v.series, "");
    assert_eq!(v.number, "1");
    assert_eq!(v.date.unwrap().to_string(), "2025-01-01");
}

#[test]
fn vouchers_outside_the_financial_year_and_impossible_years_are_errors() {
    let voucher = |date: &str| {
        format!(
            "{HEAD}#UB 0 1930 0\n#VER A 1 {date}\n{{\n#TRANS 1930 {{}} 1\n#TRANS 2440 {{}} -1\n}}\n"
        )
    };
    let (_, d) = read(voucher("20260105").as_bytes());
    assert!(
        has_error(
            &d,
            "daterad 2026-01-05 ligger utanför räkenskapsåret 2025-01-01 – 2025-12-31"
        ),
        "{d:?}"
    );
    for date in ["00010101", "99991231"] {
        let (_, d) = read(voucher(date).as_bytes());
        assert!(has_error(&d, "omöjligt år"), "{date}: {d:?}");
        assert!(has_error(&d, "saknar datum"), "{date}: {d:?}");
    }
    let (_, d) = read(voucher("20250615").as_bytes());
    assert!(errors(&d).is_empty(), "{d:?}");
}

#[test]
fn a_second_stated_balance_is_reported_and_the_first_is_used() {
    for (label, key) in [
        ("#IB", "0 1930"),
        ("#UB", "0 1930"),
        ("#RES", "0 3010"),
        ("#OIB", "0 1930 {1 \"7\"}"),
        ("#OUB", "0 1930 {1 \"7\"}"),
        ("#PSALDO", "0 202501 1930 {}"),
    ] {
        let file = format!("{HEAD}{label} {key} 500\n{label} {key} 400\n{label} {key} 500\n");
        let (records, d) = read(file.as_bytes());
        let e = errors(&d);
        assert_eq!(e.len(), 1, "{label}: {d:?}");
        assert_eq!(e[0].line, 10);
        assert!(
            e[0].message
                .contains("(400\u{a0}kr) motsäger rad 9 (500\u{a0}kr): den första används"),
            "{label}: {}",
            e[0].message
        );
        // The identical repeat is a notice; only the first record is read.
        assert!(
            d.iter()
                .any(|d| d.line == 11 && d.severity == Severity::Notice)
        );
        let amounts: Vec<String> = records
            .iter()
            .filter_map(|r| match r {
                Record::OpeningBalance(b)
                | Record::ClosingBalance(b)
                | Record::YearResult(b)
                | Record::ObjectOpeningBalance(b)
                | Record::ObjectClosingBalance(b) => Some(b.amount.to_string()),
                Record::PeriodBalance(p) => Some(p.amount.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(amounts, ["500"], "{label}");
    }
}

#[test]
fn severity_policy_unbalanced_dropped_and_dateless_are_errors_with_options_kept() {
    let file = format!(
        "{HEAD}#UB 0 1930 0\n#VER A 1 20250101\n{{\n#TRANS 1930 {{}} 1\n#TRANS 2440 {{}} -2\n}}\n\
         #VER A 2\n{{\n#TRANS 1930 {{}} 1\n#TRANS 2440 {{}} -1\n}}\n#TRANS 1930 {{}} 1\n"
    );
    let (_, d) = read(file.as_bytes());
    assert!(has_error(&d, "balanserar inte"));
    assert!(has_error(&d, "verifikation A 2 saknar datum"));
    assert!(has_error(
        &d,
        "transaktionsrad utanför en verifikation ignoreras"
    ));
    let lenient = ReadOptions::default().unbalanced_voucher(Severity::Warning);
    let (_, d) = read_with(file.as_bytes(), lenient);
    assert!(!has_error(&d, "balanserar inte"));
    assert!(
        d.iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("balanserar inte"))
    );
}

#[test]
fn millions_of_diagnostics_are_aggregated() {
    let mut file = String::from(HEAD);
    file.push_str("#VER A 1 20250101\n{\n");
    for i in 0..5_000 {
        file.push_str(&format!("#TRANS 1930 {{}} x{i}\n"));
    }
    file.push_str("}\n");
    let (_, d) = read_with(file.as_bytes(), ReadOptions::default().max_repeats(3));
    let malformed: Vec<_> = d
        .iter()
        .filter(|d| d.message.contains("kan inte läsas; posten ignoreras"))
        .collect();
    assert_eq!(malformed.len(), 4, "{malformed:?}");
    assert_eq!(malformed[0].line, 11);
    assert_eq!(malformed[2].line, 13);
    let summary = malformed[3];
    assert_eq!(summary.severity, Severity::Error);
    assert!(
        summary.message.starts_with(
            "4997 till av samma slag på raderna 14–5010 listas inte: belopp \"x0\" kan inte läsas"
        ),
        "{}",
        summary.message
    );
    // fail_on still stops at the first error.
    let mut reader = Reader::with_options(
        file.as_bytes(),
        ReadOptions::default().fail_on(Severity::Error),
    );
    assert!(reader.by_ref().any(|r| r.is_err()));
}

#[test]
fn a_voucher_over_the_size_cap_is_an_error_and_its_rows_are_skipped() {
    // An unclosed `{`: every later row lands in the voucher.
    let mut file = format!("{HEAD}#UB 0 1930 0\n#VER A 1 20250101\n{{\n");
    for _ in 0..5_000 {
        file.push_str("#TRANS 1930 {1 \"7\"} 1.00 20250101 \"hyra\"\n");
    }
    let opts = ReadOptions::default().max_voucher_bytes(64 << 10);
    let (records, d) = read_with(file.as_bytes(), opts);
    assert!(
        has_error(&d, "har transaktionsrader på mer än 65536 byte"),
        "{d:?}"
    );
    assert!(
        has_error(&d, "transaktionsrader över storleksgränsen hoppades över"),
        "{d:?}"
    );
    let rows = records
        .iter()
        .find_map(|r| match r {
            Record::Voucher(v) => Some(v.rows.len()),
            _ => None,
        })
        .unwrap();
    assert!(rows > 100 && rows < 5_000, "{rows}");
}

// --- The fast sums and the typed reader agree on malformed files.

fn typed_totals(file: &[u8]) -> Totals {
    let mut reader = Reader::new(file);
    let mut totals = Totals::default();
    while let Some(r) = reader.next_record().unwrap() {
        totals.add(&r);
    }
    totals
}

#[test]
fn numbers_that_decode_alike_are_summed_as_one_as_the_reader_sums_them() {
    // A made-up UTF-8 file (byte order mark) whose account and object numbers hold
    // invalid bytes: `\xff1` and `\xfe1` both decode to "\u{fffd}1". The typed reader
    // gives both rows the same account and object; the fast sums must add them, not
    // keep one of the two.
    let mut file = b"\xef\xbb\xbf#FLAGGA 0\n#VER A 1 20250101\n{\n".to_vec();
    file.extend_from_slice(b"#TRANS \xff1 {1 \"\xff7\"} 10\n#TRANS \xfe1 {1 \"\xfe7\"} 5\n");
    file.extend_from_slice(b"#TRANS 1930 {} -15\n}\n");
    let typed = typed_totals(&file);
    assert_eq!(typed.by_account["\u{fffd}1"].to_string(), "15");
    let fast = sum_transactions(&file[..], Some(Encoding::Utf8)).unwrap();
    assert_eq!(fast.by_account, typed.by_account);
    assert_eq!(fast.by_object, typed.by_object);
    assert_eq!(
        fast.by_object[&1]["\u{fffd}7"]
            .get("\u{fffd}1")
            .map(|sum| sum.normalize().to_string()),
        Some("15".to_owned())
    );
}

fn agree(file: &[u8]) {
    let typed = typed_totals(file);
    let fast = sum_transactions(file, None).unwrap();
    assert_eq!(
        fast.by_account,
        typed.by_account,
        "{}",
        String::from_utf8_lossy(file)
    );
    assert_eq!(
        fast.by_object,
        typed.by_object,
        "{}",
        String::from_utf8_lossy(file)
    );
    assert_eq!(fast.rows, typed.rows, "{}", String::from_utf8_lossy(file));
    assert_eq!(
        fast.vouchers,
        typed.vouchers,
        "{}",
        String::from_utf8_lossy(file)
    );
}

#[test]
fn fast_sums_regressions() {
    // `.` read as 0 and counted; a skipped row counted; an unknown label ending the
    // voucher; a lowercase row label; a quoted label.
    for row in [
        "#TRANS 1930 {} .",
        "#TRANS 1930 {} x",
        "#NYTT 1 2",
        "#trans 1930 {} 5",
        "\"#TRANS\" 1930 {} 5",
        "garbage",
    ] {
        let file =
            format!("#VER A 1 20250101\n{{\n#TRANS 2440 {{}} 1\n{row}\n#TRANS 1930 {{}} 7\n}}\n");
        agree(file.as_bytes());
    }
    // An #RTRANS and its duplicate written with another scale.
    agree(b"#VER A 1 20250101\n{\n#RTRANS 1930 {} 5\n#TRANS 1930 {} 5.00\n#TRANS 2440 {} -5\n}\n");
}

fn line() -> impl Strategy<Value = String> {
    let account = prop_oneof![
        "[0-9]{4}",
        Just("\"\"".to_owned()),
        "[0-9A-Z]{1,3}",
        Just("\"1930\"".to_owned())
    ];
    let amount = prop_oneof![
        "-?[0-9]{1,6}(\\.[0-9]{1,3})?",
        Just(".".to_owned()),
        Just("-".to_owned()),
        Just("1,5".to_owned()),
        Just("+7".to_owned()),
        "[0-9]{18,22}",
        Just("x".to_owned()),
    ];
    let objects = prop_oneof![
        Just("{}".to_owned()),
        Just("{1 \"7\"}".to_owned()),
        Just("{1 7 20 \"8\"}".to_owned()),
        Just("{x 7}".to_owned()),
        Just("{1}".to_owned()),
        Just("".to_owned()),
        Just("{1 \"7\"".to_owned()),
    ];
    let label = prop_oneof![
        6 => Just("#TRANS"),
        1 => Just("#RTRANS"),
        1 => Just("#BTRANS"),
        1 => Just("#trans"),
    ];
    prop_oneof![
        8 => (label, account, objects, amount).prop_map(|(l, a, o, m)| format!("{l} {a} {o} {m}")),
        1 => Just("#VER A 1 20250101".to_owned()),
        1 => Just("{".to_owned()),
        1 => Just("}".to_owned()),
        1 => Just("#NYTT 1 2".to_owned()),
        1 => Just("#UB 0 1930 5".to_owned()),
        1 => Just("junk line".to_owned()),
        1 => Just("".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// `sum_transactions` and the typed reader give the same sums, row and voucher
    /// counts on generated files full of malformed rows.
    #[test]
    fn fast_sums_agree_with_the_typed_reader(lines in prop::collection::vec(line(), 0..40)) {
        let mut file = String::from("#FLAGGA 0\n");
        for l in &lines {
            file.push_str(l);
            file.push('\n');
        }
        let typed = typed_totals(file.as_bytes());
        let fast = sum_transactions(file.as_bytes(), None).unwrap();
        prop_assert_eq!(&fast.by_account, &typed.by_account, "{}", file);
        prop_assert_eq!(&fast.by_object, &typed.by_object, "{}", file);
        prop_assert_eq!(fast.rows, typed.rows, "{}", file);
        prop_assert_eq!(fast.vouchers, typed.vouchers, "{}", file);
    }
}

// --- The overall verdict of a ledger read (what sie_rapport prints and exits with).

mod verdict {
    use kommunal_redovisning::ledger::{
        Chart, LedgerOperating, LedgerReadError, LedgerStatements, LedgerVerdict, SieLedger,
    };
    use kommunal_redovisning::sie::{ReadOptions, Writer, sum_transactions};

    const GOOD: &str = "#FLAGGA 0\n#PROGRAM \"T\" 1\n#FORMAT PC8\n#GEN 20250701\n#SIETYP 4\n\
        #FNAMN \"Lystkom\"\n#RAR 0 20250101 20251231\n#KONTO 1930 \"Bank\"\n\
        #KONTO 3110 \"Avgifter\"\n#IB 0 1930 1000\n#IB 0 2010 -1000\n#UB 0 1930 1250\n\
        #UB 0 2010 -1000\n#RES 0 3110 -250\n\
        #VER A 1 20250115 \"Avgift\"\n{\n#TRANS 1930 {} 250\n#TRANS 3110 {1 \"200\"} -250\n}\n";

    fn verdict(file: &[u8]) -> LedgerVerdict {
        let ledger = SieLedger::read(file, ReadOptions::default()).unwrap();
        let chart = Chart::kommun_bas();
        if !ledger.trial_balance.years().contains(&0) {
            let disagreements = ledger.trial_balance.reconcile().unwrap();
            return LedgerVerdict::new(&ledger, None, &disagreements, None);
        }
        let statements = LedgerStatements::build(&ledger.trial_balance, &chart, 0).unwrap();
        let drift =
            LedgerOperating::build(&ledger.trial_balance, &chart, 1, &ledger.object_names).unwrap();
        let reconciled = drift
            .statement
            .reconcile(&statements.income, &drift.reconciliation)
            .is_ok();
        let disagreements = ledger.trial_balance.reconcile().unwrap();
        LedgerVerdict::new(&ledger, Some(&statements), &disagreements, Some(reconciled))
    }

    #[test]
    fn a_good_file_stammer() {
        let v = verdict(GOOD.as_bytes());
        assert!(v.passed(), "{:?}", v.problems());
        assert_eq!(v.exit_code(), 0);
        assert!(v.closing_line().ends_with(": stämmer."));
    }

    /// Regression (issue 19): each of these was told "stämmer" with exit status 0.
    #[test]
    fn hostile_files_do_not_stamma() {
        let with_checksum = {
            let mut w = Writer::new(Vec::new()).with_checksum(true);
            let mut reader = kommunal_redovisning::sie::Reader::new(GOOD.as_bytes());
            while let Some(r) = reader.next_record().unwrap() {
                w.write(&r).unwrap();
            }
            String::from_utf8(w.finish().unwrap()).unwrap()
        };
        assert!(verdict(with_checksum.as_bytes()).passed());
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("nul bytes", vec![0; 4096]),
            (
                "garbage",
                b"\x89PNG\r\n\x1a\n not an sie file at all \xff\xfe".to_vec(),
            ),
            (
                "wrong #KSUMMA",
                with_checksum.replace("#KSUMMA ", "#KSUMMA 1").into_bytes(),
            ),
            (
                "dropped row",
                GOOD.replace("#TRANS 1930 {} 250", "#TRANS 1930 {} 25O")
                    .into_bytes(),
            ),
            (
                "contradicting #UB",
                GOOD.replace("#UB 0 1930 1250", "#UB 0 1930 1300")
                    .into_bytes(),
            ),
            (
                "contradicting #RES without rows",
                GOOD.replace("#RES 0 3110 -250", "#RES 0 3110 -250\n#RES 0 3120 -5")
                    .into_bytes(),
            ),
            (
                "cut number",
                GOOD.replace("\n#VER", "\n#UB 0 1510 124")
                    .split("\n#VER")
                    .next()
                    .unwrap()
                    .as_bytes()
                    .to_vec(),
            ),
            (
                "cut voucher",
                GOOD.trim_end_matches("}\n").as_bytes().to_vec(),
            ),
        ];
        for (name, file) in cases {
            let v = verdict(&file);
            assert_eq!(v.exit_code(), 1, "{name}: {v:?}");
            assert!(
                !v.closing_line().contains("stämmer."),
                "{name}: {}",
                v.closing_line()
            );
            assert!(v.closing_line().starts_with("Stämmer inte: "), "{name}");
        }
    }

    /// Regression (issue 19): overflow stopped sie_rapport with "arithmetic overflow in
    /// subtraction" and no line; sie_lint's sums saturated silently.
    #[test]
    fn overflow_names_the_account_and_the_line() {
        let big = "79228162514264337593543950335";
        let file = format!(
            "{GOOD}#VER A 2 20250116\n{{\n#TRANS 1930 {{}} {big}\n#TRANS 1930 {{}} 1\n}}\n"
        );
        match SieLedger::read(file.as_bytes(), ReadOptions::default()) {
            Err(LedgerReadError::Overflow { account, line }) => {
                assert_eq!(account, "1930");
                assert_eq!(line, 20);
            }
            other => panic!("{other:?}"),
        }
        // Beyond 10¹⁹ kr is already out of range, in a row or a balance.
        let file = GOOD.replace("#UB 0 1930 1250", "#UB 0 1930 100000000000000000000");
        let err = SieLedger::read(file.as_bytes(), ReadOptions::default()).unwrap_err();
        assert!(
            err.to_string().contains("rad 12: konto 1930: ett belopp"),
            "{err}"
        );
        let file = format!(
            "{GOOD}#VER A 2 20250116\n{{\n#TRANS 1930 {{}} {big}\n#TRANS 1930 {{}} {big}\n}}\n"
        );
        let err = sum_transactions(file.as_bytes(), None).unwrap_err();
        assert!(
            err.to_string()
                .contains("summan för konto 1930 blir för stor"),
            "{err}"
        );
    }

    /// Regression (issue 19): an invalid account was booked into a statement line by
    /// the chart's prefix match; it goes to the unmapped list.
    #[test]
    fn invalid_accounts_are_unmapped() {
        let file = GOOD.replace(
            "#TRANS 3110 {1 \"200\"} -250",
            "#TRANS 3110 {1 \"200\"} -200\n#TRANS 31101234567890123456 {} -50",
        );
        let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default()).unwrap();
        let s = LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0).unwrap();
        assert_eq!(s.unmapped.len(), 1);
        assert_eq!(s.unmapped[0].account, "31101234567890123456");
        assert!(ledger.has_errors());
    }
}

mod writer_round_trip {
    use kommunal_redovisning::sie::{
        Reader, Record, Row, Severity, Voucher, VoucherRowKind, Writer,
    };
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn texts() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ a-zA-ZåäöÅÄÖé\"\\\\{}#\t\n]{0,16}",
            Just("Lystkom\tkommunalförbund".to_owned()),
            Just(" kant ".to_owned()),
            Just("snedstreck\\".to_owned()),
            Just("citat \"x\" och \\\" y".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text survives writing and reading unchanged exactly when the writer
        /// reports no change; every change is a warning on the line it wrote.
        #[test]
        fn texts_read_back_unchanged_unless_the_writer_says_so(name in texts(), row_text in texts()) {
            let voucher = Record::Voucher(Voucher {
                series: "A".into(),
                number: "1".into(),
                date: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
                text: String::new(),
                registered: None,
                signature: String::new(),
                rows: vec![Row {
                    kind: VoucherRowKind::Normal,
                    account: "1930".into(),
                    objects: vec![],
                    amount: Decimal::ZERO,
                    date: None,
                    text: row_text.clone(),
                    quantity: None,
                    signature: String::new(),
                }],
            });
            let mut w = Writer::new(Vec::new());
            w.write(&Record::Flag(0)).unwrap();
            w.write(&Record::CompanyName(name.clone())).unwrap();
            w.write(&voucher).unwrap();
            let diags = w.take_diagnostics();
            let bytes = w.finish().unwrap();
            // Read as written: CP437, the writer's encoding (detection could guess
            // another one for a few high bytes, which is not the writer's change).
            let cp437 = kommunal_redovisning::sie::ReadOptions::default().encoding(kommunal_redovisning::sie::Encoding::Cp437);
            let back: Vec<Record> = Reader::with_options(&bytes[..], cp437).collect::<Result<_, _>>().unwrap();
            let back_name = back.iter().find_map(|r| match r { Record::CompanyName(n) => Some(n.clone()), _ => None }).unwrap();
            let back_text = back.iter().find_map(|r| match r { Record::Voucher(v) => Some(v.rows[0].text.clone()), _ => None }).unwrap();
            prop_assert!(diags.iter().all(|d| d.severity == Severity::Warning));
            let on = |line: u64| diags.iter().any(|d| d.line == line);
            prop_assert_eq!(back_name == name, !on(2), "{:?} → {:?}: {:?}", name, back_name, diags);
            prop_assert_eq!(back_text == row_text, !on(5), "{:?} → {:?}: {:?}", row_text, back_text, diags);
            // Strict: the same texts are refused exactly when they would change.
            let mut strict = Writer::new(Vec::new()).with_strict_text(true);
            prop_assert_eq!(strict.write(&Record::CompanyName(name.clone())).is_err(), on(2));
        }
    }
}

/// The small hostile files in `tests/data/sie/`, one per defect of issue 19, each with
/// the error it must draw.
#[test]
fn hostile_files_in_the_repository_draw_their_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sie");
    let cases = [
        ("cut_number.se", Severity::Error, "filen ser avkortad ut"),
        (
            "open_voucher.se",
            Severity::Error,
            "filen slutar inne i verifikation A 1",
        ),
        (
            "missing_series.se",
            Severity::Warning,
            "fältet för serie saknas",
        ),
        (
            "duplicate_ub.se",
            Severity::Error,
            "en andra #UB för årsindex 0, konto 1930 (400\u{a0}kr) motsäger rad 9 (500\u{a0}kr)",
        ),
        ("bad_accounts.se", Severity::Error, "kontonumret \"50AF\""),
        (
            "outside_year.se",
            Severity::Error,
            "ligger utanför räkenskapsåret",
        ),
        ("outside_year.se", Severity::Error, "omöjligt år"),
        (
            "dot_amount.se",
            Severity::Error,
            "belopp \".\" kan inte läsas",
        ),
    ];
    for (file, severity, what) in cases {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let (_, d) = read(&bytes);
        assert!(
            d.iter()
                .any(|d| d.severity == severity && d.message.contains(what)),
            "{file}: expected {severity} {what:?} in {d:?}"
        );
        agree(&bytes);
    }
}
