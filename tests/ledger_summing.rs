//! The ledger's summing mode (plain rows summed inside the reader, vouchers whose rows
//! are all summed never built) gives exactly the ledger that the ordinary reading and
//! [`SieLedger::add`] of every record give: the same trial balance, the same diagnostics
//! in the same order, the same counts — on every corpus file, on the generated municipal
//! ledger and on generated files with malformed lines.

use kommunal_redovisning::ledger::SieLedger;
use kommunal_redovisning::sie::{ReadOptions, Reader};
use proptest::prelude::*;

use super::sie_parallel::{each_corpus_file, line, lines_file, sie_gen};
use super::windows::pushed;

/// The reference: the ordinary typed reader, every record added one by one.
fn reference(data: &[u8]) -> Result<SieLedger, String> {
    let mut reader = Reader::with_options(data, ReadOptions::default());
    let mut ledger = SieLedger::default();
    while let Some(record) = reader.next_record().map_err(|e| e.to_string())? {
        ledger.add(&record).map_err(|e| e.to_string())?;
    }
    ledger.sie_type = reader.sie_type().or(ledger.sie_type);
    ledger.diagnostics = reader.take_diagnostics();
    Ok(ledger)
}

/// The parallel reading, whole and in windows, gives exactly the ledger (or the error)
/// of [`SieLedger::read`].
fn check_parallel(name: &str, data: &[u8], windows: &[usize]) {
    let one = SieLedger::read(data, ReadOptions::default()).map_err(|e| e.to_string());
    for threads in [1, 2, 3, 4] {
        let whole = SieLedger::read_parallel(data, ReadOptions::default(), threads)
            .map_err(|e| e.to_string());
        assert_eq!(whole, one, "{name}: {threads} threads");
        for &window in windows {
            assert_eq!(
                pushed(data, window, threads, ReadOptions::default()),
                one,
                "{name}: {threads} threads, windows of {window} bytes"
            );
        }
    }
}

fn check(name: &str, data: &[u8]) {
    check_parallel(name, data, &[data.len() / 3 + 1, 200]);
    let fast = SieLedger::read(data, ReadOptions::default()).map_err(|e| e.to_string());
    let slow = reference(data);
    match (&fast, &slow) {
        (Ok(f), Ok(s)) => {
            assert_eq!(f.trial_balance, s.trial_balance, "{name}: trial balance");
            assert_eq!(f.diagnostics, s.diagnostics, "{name}: diagnostics");
            assert_eq!(f, s, "{name}: ledger");
        }
        (Err(_), Err(_)) => {}
        _ => panic!("{name}: summing {fast:?} but ordinary {slow:?}"),
    }
}

#[test]
fn summing_mode_equals_the_ordinary_reading_on_the_corpus() {
    each_corpus_file(check);
}

#[test]
fn summing_mode_equals_the_ordinary_reading_on_the_generated_ledger() {
    let data = sie_gen::generate(2_000);
    check("generated", &data);
    let ledger = SieLedger::read(&data[..], ReadOptions::default()).unwrap();
    assert_eq!(ledger.vouchers, 2_000);
}

/// More object sums than the summing reader hands over at once (it gives its vector of
/// sums back in steps of at least 65 536 as the trial balance fills): 70 000 objects on
/// two accounts each, every object in one voucher, give the trial balance of the
/// ordinary reading, on one thread and on two.
#[test]
fn many_object_sums_are_handed_over_whole() {
    let mut file = String::from("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n");
    for i in 0..70_000u32 {
        let kr = i % 997 + 1;
        file.push_str(&format!(
            "#VER A {i} 20250115\n{{\n#TRANS 5010 {{1 \"{i:06}\"}} {kr}.25\n\
             #TRANS 4010 {{1 \"{i:06}\"}} -{kr}.25\n}}\n"
        ));
    }
    let data = file.as_bytes();
    let fast = SieLedger::read(data, ReadOptions::default()).unwrap();
    let slow = reference(data).unwrap();
    assert_eq!(fast.trial_balance, slow.trial_balance);
    assert_eq!(fast, slow);
    let two = SieLedger::read_parallel(data, ReadOptions::default(), 2).unwrap();
    assert_eq!(two, fast);
    let balances: Vec<_> = fast.trial_balance.object_accounts(0, 1).collect();
    assert_eq!(balances.len(), 140_000);
    let (object, account, year) = balances[0];
    assert_eq!((object, account, year.rows), ("000000", "4010", 1));
    assert_eq!(year.movement.to_string(), "-1.25");
}

/// Vouchers mixing rows that are summed and rows that are built (a text account, a
/// quoted object with spaces, three decimals, an #RTRANS pair), unbalanced ones, one
/// outside the financial year and one past the 10¹⁹ kr bound.
#[test]
fn mixed_and_faulty_vouchers_are_read_alike() {
    let file = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n\
        #VER A 1 20250110 \"blandad\"\n{\n#TRANS 1930 {} 100.50\n#TRANS \"3010\" {1 \" 7 \"} -0.505\n\
        #TRANS 3010 {1 \"7\"} -99.995\n}\n\
        #VER A 2 20250111\n{\n#TRANS 1930 {} 5\n#TRANS 2440 {} -4\n}\n\
        #VER A 3 20260101\n{\n#TRANS 1930 {} 5\n#TRANS 2440 {} -5\n}\n\
        #VER A 4 20250112\n{\n#TRANS 1930 {} 5\n#RTRANS 2440 {} -5\n#TRANS 2440 {} -5\n}\n\
        #VER A 5 20250113\n{\n#TRANS 01930 {2 0200} 7.1\n#TRANS 1930 {2 200} -7.10\n}\n\
        #VER A 6 20250114\n{\n#TRANS 12345678901 {} 1\n#TRANS 1930 {} -1\n}\n";
    check("mixed", file.as_bytes());
    let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default()).unwrap();
    assert_eq!(ledger.vouchers, 6);
    let big =
        "#VER A 1 20250101\n{\n#TRANS 1930 {} 90000000000000\n#TRANS 2440 {} -90000000000000\n}\n"
            .repeat(120_000);
    check("past the bound", big.as_bytes());
    assert!(SieLedger::read(big.as_bytes(), ReadOptions::default()).is_err());
}

/// Row texts with control characters and backslashes, which the summing lanes take
/// (nothing reads them in summing mode), and with escaped quotes or a backslash before
/// the closing quote, which they leave to the ordinary reading: the same ledger as the
/// ordinary reading, which reads control characters as spaces without a diagnostic.
#[test]
fn row_texts_with_control_bytes_and_backslashes_are_read_alike() {
    let file = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n\
        #VER A 1 20250110 \"tab\"\n{\n#TRANS 1930 {} 10 20250110 \"Hyra\tlokal\"\n\
        #TRANS 3010 {1 \"7\"} -10 \"\" \"C:\\mapp\\fil\"\n}\n\
        #VER A 2 20250111\n{\n#TRANS 1930 {} 5 20250111 \"citat \\\"x\\\"\"\n\
        #TRANS 3010 {1 \"7\"} -5 20250111 \"slut\\\\\"\n}\n\
        #VER A 3 20250112\n{\n#TRANS 1930 {} 1 20250112 \"a\\\"\n#TRANS 3010 {} -1\n}\n\
        #VER A 4 20250113\n{\n#TRANS 1930 {} 2 20250113 \"nul\u{1}\u{7f}\"\n#TRANS 3010 {} -2\n}\n";
    check("texts", file.as_bytes());
    let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default()).unwrap();
    assert_eq!(ledger.vouchers, 4);
}

/// The first non-ASCII text of a file sets its encoding (with a notice on its line),
/// also when it is a voucher's or a row's text that summing mode does not decode.
/// Sums of plain rows that pass 10¹⁹ kr only after thousands of vouchers (each row is
/// just under 10¹⁴ kr, within the summing lanes' amounts, so every voucher is read whole
/// by them) are an error naming the account and the `#VER` line of the voucher that
/// passed the bound: the summing mode checks its sums once the rows' absolute amounts
/// could reach it. On one thread and several, whole and in windows.
#[test]
fn sums_passing_the_bound_name_the_account_and_the_voucher() {
    use kommunal_redovisning::ledger::LedgerReadError;
    const ROW: &str = "99999999999999.99";
    let voucher = |n: usize| {
        let mut v = format!("#VER A {n} 20250110\n{{\n");
        for _ in 0..10 {
            v.push_str(&format!("#TRANS 1930 {{}} {ROW}\n"));
        }
        for _ in 0..10 {
            v.push_str(&format!("#TRANS 3010 {{}} -{ROW}\n"));
        }
        v + "}\n"
    };
    let head = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n";
    // Each voucher adds 10 · (10¹⁴ kr − 1 öre) to 1930: the 10 001st passes 10¹⁹ kr.
    let upto = |last: usize| head.to_owned() + &(1..=last).map(voucher).collect::<String>();
    let file = upto(10_010);
    match SieLedger::read(file.as_bytes(), ReadOptions::default()) {
        Err(LedgerReadError::Overflow { account, line }) => {
            assert_eq!((account.as_str(), line), ("1930", 4 + 23 * 10_000));
        }
        other => panic!("{other:?}"),
    }
    // Up to the voucher before it there is no error.
    assert!(SieLedger::read(upto(10_000).as_bytes(), ReadOptions::default()).is_ok());
    check_parallel("over the bound", file.as_bytes(), &[1 << 20]);
}

#[test]
fn texts_not_decoded_still_set_the_encoding() {
    let head = b"#FLAGGA 0\n#SIETYP 4\n#KONTO 1930 \"Bank\"\n".to_vec();
    let latin1 = |text: &[u8], row: &[u8]| {
        let mut f = head.clone();
        f.extend_from_slice(b"#VER A 1 20250110 \"");
        f.extend_from_slice(text);
        f.extend_from_slice(b"\"\n{\n#TRANS 1930 {} 5 20250110 \"");
        f.extend_from_slice(row);
        f.extend_from_slice(b"\"\n#TRANS 2440 {} -5\n}\n#KONTO 2440 \"Leverant\xf6rer\"\n");
        f
    };
    for (name, file) in [
        ("voucher text", latin1(b"Hyra f\xf6r lokal", b"a")),
        ("row text", latin1(b"Hyra", b"L\xf6n")),
        (
            "utf-8 voucher text",
            latin1("Hyra för lokal".as_bytes(), b"a"),
        ),
    ] {
        check(name, &file);
        let ledger = SieLedger::read(&file[..], ReadOptions::default()).unwrap();
        assert_eq!(ledger.account_names["2440"], "Leverantörer", "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn summing_mode_equals_the_ordinary_reading(
        lines in prop::collection::vec(line(), 0..120),
        rar in any::<bool>(),
        crlf in any::<bool>(),
        final_newline in any::<bool>(),
    ) {
        let text = lines_file(&lines, rar, crlf, final_newline);
        check("generated lines", text.as_bytes());
    }

    /// Rows in the summing lane's shape and just outside it: every tail a row may have.
    #[test]
    fn the_summing_lane_reads_rows_as_the_ordinary_reading_does(
        rows in prop::collection::vec((
            prop_oneof![Just("1930"), Just("0930"), Just("12345678901"), Just("5010")],
            prop_oneof![
                Just("{}"), Just("{1 \"110\"}"), Just("{1 110 20 \"0007\"}"),
                Just("{1 \"\"}"), Just("{01 \"7\"}"), Just("{1 1234567890123456}"),
            ],
            prop_oneof![
                (-100_000i64..100_000).prop_map(|c| format!("{}.{:02}", c / 100, (c % 100).abs())),
                (-1000i64..1000).prop_map(|v| v.to_string()),
                Just("1.5".to_owned()), Just("-0.00".to_owned()), Just("5.".to_owned()),
                Just("123456789012345".to_owned()), Just("0.125".to_owned()),
            ],
            prop_oneof![
                Just(""), Just(" 20250101"), Just(" 20251399"), Just(" 00000000"),
                Just(" \"\""), Just(" \"\" \"Omf\u{f6}ring\""), Just(" 20250101 \"a\""),
                Just(" 20250101 \"a\" 2"), Just(" 20250101  \"a\""), Just(" "),
                Just("\t20250101"), Just(" 2025010"), Just(" 20250101 \"a\\\"b\""),
                Just(" 20250101 \"x\u{7f}\""), Just(" 20250101 \"open"), Just(" 18000101"),
            ],
        ), 1..40),
        balanced in any::<bool>(),
    ) {
        let mut file = String::from("#FLAGGA 0\n#RAR 0 20250101 20251231\n");
        for (n, chunk) in rows.chunks(3).enumerate() {
            file.push_str(&format!("#VER A {n} 20250105\n{{\n"));
            for (account, objects, amount, tail) in chunk {
                file.push_str(&format!("#TRANS {account} {objects} {amount}{tail}\n"));
                if balanced {
                    file.push_str(&format!("#TRANS 2440 {{}} -{amount}\n"));
                }
            }
            file.push_str("}\n");
        }
        check("lane rows", file.as_bytes());
    }
}
