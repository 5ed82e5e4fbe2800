//! SIE 4 reader: conformance over the sample corpus, the known traps, round trips.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use kommunal_redovisning::sie::{
    Encoding, ReadError, ReadOptions, Reader, Record, Severity, Totals, VoucherRowKind, Writer,
    detect_encoding, sum_transactions,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The vendored corpus (`tests/data/sie-samples/`, see its README): part of the
/// repository, so its absence is a broken checkout and fails the tests.
fn samples_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sie-samples");
    assert!(
        dir.is_dir(),
        "{} is missing: the SIE corpus is part of the repository",
        dir.display()
    );
    dir
}

fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    files
}

fn read_all(bytes: &[u8]) -> (Vec<Record>, Vec<kommunal_redovisning::sie::Diagnostic>) {
    let mut reader = Reader::new(bytes);
    let records: Vec<Record> = reader.by_ref().collect::<Result<_, _>>().unwrap();
    (records, reader.take_diagnostics())
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Content that survives writing: no unknown labels, no checksum posts.
fn content(records: &[Record]) -> Vec<Record> {
    records
        .iter()
        .filter(|r| !matches!(r, Record::Unknown { .. } | Record::Checksum(_)))
        .cloned()
        .collect()
}

#[test]
fn every_sample_file_reads_to_the_end() {
    let files = sample_files();
    assert_eq!(files.len(), 63, "the corpus has 63 files");
    let mut disagreements = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let mut reader = Reader::new(&bytes[..]);
        let mut records = Vec::new();
        while let Some(r) = reader.next_record().unwrap() {
            records.push(r);
        }
        assert!(
            reader.line() > 10,
            "{name}: read only {} lines",
            reader.line()
        );
        assert_eq!(
            reader.bytes_read(),
            bytes.len() as u64,
            "{name}: not read to the end"
        );
        let errors: Vec<_> = reader
            .diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        // The corpus's broken files, each with what is wrong in it (severity policy in
        // the sie module docs); every other file reads without an error.
        let expected = match name.as_str() {
            // Mamut writes two different #PSALDO for the same account, period and object.
            "MAMUT_SIE3_EXPORT.SE" => Some("en andra #PSALDO"),
            // Balances and rows on an account named "FEL".
            "Sie3.se" | "Sie4.se" => Some("kontonumret \"FEL\""),
            "XE_SIE_4_20151125095119.SE"
            | "testWrite.se"
            | "testWrite1.se"
            | "transaktioner_ovnbolag-bad-balance.se" => Some("balanserar inte"),
            _ => None,
        };
        match expected {
            None => assert!(errors.is_empty(), "{name}: {errors:?}"),
            Some(what) => assert!(
                errors.iter().any(|d| d.message.contains(what)),
                "{name}: expected an error about {what:?}, got {errors:?}"
            ),
        }

        // Recycling vouchers gives the same records.
        let mut recycling = Reader::new(&bytes[..]);
        let mut again = Vec::new();
        while let Some(r) = recycling.next_record().unwrap() {
            again.push(r.clone());
            recycling.recycle(r);
        }
        assert_eq!(again, records, "{name}: recycled");
        assert_eq!(recycling.diagnostics(), reader.diagnostics(), "{name}");

        // Typed sums and the fast byte path agree.
        let mut totals = Totals::default();
        for r in &records {
            totals.add(r);
        }
        let fast = sum_transactions(&bytes[..], reader.encoding()).unwrap();
        assert_eq!(fast.by_account, totals.by_account, "{name}");
        assert_eq!(fast.by_object, totals.by_object, "{name}");
        assert_eq!(
            (fast.vouchers, fast.rows),
            (totals.vouchers, totals.rows),
            "{name}"
        );

        // #IB + Σ#TRANS = #UB for year 0, where the file has both balances and vouchers.
        if totals.vouchers > 0 {
            let mut ib = BTreeMap::new();
            let mut ub = BTreeMap::new();
            for r in &records {
                match r {
                    Record::OpeningBalance(b) if b.year == 0 => {
                        ib.insert(b.account.clone(), b.amount);
                    }
                    Record::ClosingBalance(b) if b.year == 0 => {
                        ub.insert(b.account.clone(), b.amount);
                    }
                    _ => {}
                }
            }
            if !ub.is_empty() {
                for (account, closing) in &ub {
                    let opening = ib.get(account).copied().unwrap_or_default();
                    let moved = totals.by_account.get(account).copied().unwrap_or_default();
                    if opening + moved != *closing {
                        disagreements.push(format!(
                            "{name}: account {account}: #IB {opening} + #TRANS {moved} = {} but #UB {closing}",
                            opening + moved
                        ));
                    }
                }
            }
        }

        // read → write → read keeps the content.
        let encoding = reader.encoding().unwrap_or(Encoding::Cp437);
        let mut w = Writer::new(Vec::new()).with_encoding(encoding);
        for r in &records {
            w.write(r).unwrap();
        }
        let written = w.finish().unwrap();
        let again: Vec<Record> =
            Reader::with_options(&written[..], ReadOptions::default().encoding(encoding))
                .collect::<Result<_, _>>()
                .unwrap();
        assert_eq!(content(&again), content(&records), "{name}: round trip");
    }
    println!(
        "{} files read to the end; {} balance disagreements in the exporters' own figures:",
        files.len(),
        disagreements.len()
    );
    for d in &disagreements {
        println!("  {d}");
    }
}

#[test]
fn known_diagnostics_in_the_corpus() {
    let dir = samples_dir();
    let diags = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        read_all(&bytes).1
    };
    let d = diags("XE_SIE_4_20151125095119.SE");
    assert!(
        d.iter().any(|d| d.label == "#VER"
            && d.message
                == "verifikation 1 1 daterad 2015-09-12 balanserar inte: differens 2\u{a0}kr"),
        "{d:?}"
    );
    let d = diags("transaktioner_ovnbolag-bad-balance.se");
    assert!(
        d.iter()
            .any(|d| d.line == 3905 && d.message.contains("balanserar inte"))
    );
    // The good twin only has its organisation number written without the hyphen.
    let d = diags("transaktioner_ovnbolag.se");
    assert!(d.iter().all(|d| d.severity == Severity::Notice), "{d:?}");
    assert!(d.iter().any(|d| d.label == "#ORGNR"));
    let d = diags("SIE4_Exempelfil_med_underdim.SE");
    assert!(
        d.iter().any(|d| d.message.contains("men är utf-8")),
        "{d:?}"
    );
    let d = diags("Sie4.se");
    assert!(
        d.iter()
            .any(|d| d.label == "#KTYP" && d.message.contains("DIFF"))
    );
    assert!(
        d.iter()
            .any(|d| d.line == 592 && d.message.contains("är inte 1 till 10 siffror"))
    );
    assert!(
        d.iter()
            .any(|d| d.line == 1041 && d.message.contains("citerat fält avslutas inte"))
    );
    // The checksum files verify.
    for f in [
        "Norstedts_Bokslut_SIE_1.se",
        "Bokslut_Norstedts_SIE_4E.se",
        "Norstedts_Bokslut_SIE_4I.si",
        "Norstedts_Revision_SIE_1.SE",
        "Sie1.se",
    ] {
        let d = diags(f);
        assert!(!d.iter().any(|d| d.label == "#KSUMMA"), "{f}: {d:?}");
    }
}

#[test]
fn checksum_mismatch_and_truncation_are_errors() {
    let dir = samples_dir();
    let bytes = std::fs::read(dir.join("Sie1.se")).unwrap();
    // Change one digit of the first #UB amount.
    let pos = bytes.windows(3).position(|w| w == b"#UB").unwrap();
    let mut tampered = bytes.clone();
    let digit = tampered[pos..]
        .iter()
        .position(|b| b.is_ascii_digit())
        .unwrap()
        + pos
        + 6;
    tampered[digit] = if tampered[digit] == b'1' { b'2' } else { b'1' };
    let d = read_all(&tampered).1;
    assert!(
        d.iter().any(|d| d.severity == Severity::Error
            && d.message.starts_with("kontrollsumman stämmer inte")),
        "{d:?}"
    );
    let cut = bytes.len() - 30;
    let d = read_all(&bytes[..cut]).1;
    assert!(
        d.iter()
            .any(|d| d.severity == Severity::Error && d.message.contains("avkortad"))
    );
}

/// A reader that hands out the input in small pieces of varying size.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step = self.step % 7 + 1;
        let n = self.data.len().min(buf.len()).min(self.step);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn trap_records_split_across_buffer_boundaries() {
    // A file larger than the reader's buffer with an escaped quote in a long text, read
    // once whole and once in pieces of 1–7 bytes.
    let mut file = String::from("#FLAGGA 0\n#SIETYP 4\n");
    for i in 0..3000 {
        file.push_str(&format!(
            "#VER A {i} 20250101 \"Faktura \\\"{i}\\\" {}\"\n{{\n#TRANS 5010 {{1 \"1{i}\" 6 \"P\"}} {i}.25\n#TRANS 1930 {{}} -{i}.25\n}}\n",
            "x".repeat(i % 40)
        ));
    }
    let whole: Vec<Record> = Reader::new(file.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let mut recycling = Reader::new(file.as_bytes());
    let mut recycled = Vec::new();
    while let Some(r) = recycling.next_record().unwrap() {
        recycled.push(r.clone());
        recycling.recycle(r);
    }
    assert_eq!(recycled, whole);
    let trickled: Vec<Record> = Reader::new(Trickle {
        data: file.as_bytes(),
        step: 0,
    })
    .collect::<Result<_, _>>()
    .unwrap();
    assert_eq!(whole.len(), 3002);
    assert_eq!(whole, trickled);
    let Record::Voucher(v) = &whole[2 + 1234] else {
        panic!()
    };
    assert!(v.text.starts_with("Faktura \"1234\" xxx"));
    assert_eq!(v.rows[0].amount, dec("1234.25"));
    let fast = sum_transactions(
        Trickle {
            data: file.as_bytes(),
            step: 3,
        },
        None,
    )
    .unwrap();
    assert_eq!(fast.vouchers, 3000);
    assert!(fast.by_account["5010"] + fast.by_account["1930"] == Decimal::ZERO);
}

#[test]
fn trap_escaped_quote() {
    let (r, d) = read_all(b"#FNAMN \"Bolaget \\\"Kalle\\\" AB\"\n#KONTO 1910 \"Kassa \\\"\\\"\"\n");
    assert_eq!(r[0], Record::CompanyName("Bolaget \"Kalle\" AB".into()));
    assert_eq!(
        r[1],
        Record::Account {
            number: "1910".into(),
            name: "Kassa \"\"".into()
        }
    );
    assert!(d.iter().all(|d| d.severity != Severity::Error));
}

#[test]
fn trap_voucher_of_ten_thousand_rows() {
    let mut file = String::from("#VER L 1 20250630 \"Lön juni\"\n{\n");
    for i in 0..10_000 {
        file.push_str(&format!("#TRANS 7010 {{1 \"{}\"}} 100.01\n", i % 97));
    }
    file.push_str("#TRANS 1930 {} -1000100.00\n}\n");
    let (r, d) = read_all(file.as_bytes());
    let Record::Voucher(v) = &r[0] else { panic!() };
    assert_eq!(v.rows.len(), 10_001);
    assert!(v.balance().is_zero());
    assert!(
        !d.iter()
            .any(|d| d.label == "#VER" && d.message.contains("balance"))
    );
}

#[test]
fn trap_object_lists_with_several_pairs() {
    let file = b"#VER A 1 20250101\n{\n#TRANS 4010 {1 \"100\" 6 \"P7\" 20 \"V 1\"} 50\n#TRANS 4010 { \"1\" \"100\"} 25\n#TRANS 1930 {} -75\n}\n";
    let (r, _) = read_all(file);
    let Record::Voucher(v) = &r[0] else { panic!() };
    let objs: Vec<(u32, &str)> = v.rows[0]
        .objects
        .iter()
        .map(|o| (o.dimension, o.object.as_str()))
        .collect();
    assert_eq!(objs, vec![(1, "100"), (6, "P7"), (20, "V 1")]);
    let mut t = Totals::default();
    t.add(&r[0]);
    let by: Vec<(u32, String, String, Decimal)> = t
        .object_sums()
        .map(|(d, o, a, s)| (d, o.to_owned(), a.to_owned(), s))
        .collect();
    assert_eq!(
        by,
        vec![
            (1, "100".into(), "4010".into(), dec("75")),
            (6, "P7".into(), "4010".into(), dec("50")),
            (20, "V 1".into(), "4010".into(), dec("50")),
        ]
    );
    assert_eq!(
        sum_transactions(&file[..], None).unwrap().by_object,
        t.by_object
    );
}

#[test]
fn trap_rows_after_rtrans_and_btrans() {
    let file = b"#VER A 8 20091210 \"Varor\" 20091214\n{\n\
#TRANS 4010 {} 800\n\
#BTRANS 1930 {} -1000 20101007 \"\" \"\" \"Christer\"\n\
#RTRANS 1930 {} -800 20101007 \"\" \"\" \"Christer\"\n\
#TRANS 1930 {} -800 20091210\n\
#TRANS 3740 {} 0.50\n\
#TRANS 3740 {} -0.50\n\
}\n";
    let (r, d) = read_all(file);
    let Record::Voucher(v) = &r[0] else { panic!() };
    let kinds: Vec<VoucherRowKind> = v.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            VoucherRowKind::Normal,
            VoucherRowKind::Removed,
            VoucherRowKind::Added,
            VoucherRowKind::Normal,
            VoucherRowKind::Normal
        ]
    );
    assert_eq!(v.rows[1].signature, "Christer");
    assert!(v.balance().is_zero(), "{d:?}");
    assert!(
        !d.iter()
            .any(|d| d.label == "#RTRANS" || d.message.contains("balance")),
        "{d:?}"
    );
    let fast = sum_transactions(&file[..], None).unwrap();
    assert_eq!(fast.by_account["1930"], dec("-800"));
    assert_eq!(fast.rows, 5);
}

#[test]
fn trap_iso_8859_1_file_declared_pc8() {
    let file = b"#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"K\xf6pings kommun\"\n#KONTO 3010 \"F\xf6rs\xe4ljning \xe5r\"\n";
    assert_eq!(detect_encoding(file), Some(Encoding::Latin1));
    let mut reader = Reader::new(&file[..]);
    let r: Vec<Record> = reader.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(r[2], Record::CompanyName("Köpings kommun".into()));
    assert_eq!(
        r[3],
        Record::Account {
            number: "3010".into(),
            name: "Försäljning år".into()
        }
    );
    assert_eq!(reader.encoding(), Some(Encoding::Latin1));
    assert!(
        reader
            .diagnostics()
            .iter()
            .any(|d| d.severity == Severity::Notice
                && d.message == "filen anger PC8 men är iso-8859-1; avkodas som iso-8859-1")
    );
    // The same bytes with the encoding forced.
    let forced: Vec<Record> =
        Reader::with_options(&file[..], ReadOptions::default().encoding(Encoding::Cp437))
            .collect::<Result<_, _>>()
            .unwrap();
    assert_eq!(forced[2], Record::CompanyName("K÷pings kommun".into()));
}

#[test]
fn trap_unknown_labels_between_known_ones() {
    let file = b"#FLAGGA 0\n#FOO 1 {2 3} \"x\"\n#KONTO 1910 Kassa\n#NYTT\n#KONTO 1930 Bank\n";
    let (r, d) = read_all(file);
    assert_eq!(r.len(), 5);
    assert_eq!(
        r[1],
        Record::Unknown {
            label: "#FOO".into(),
            fields: vec![
                "1".into(),
                "{".into(),
                "2".into(),
                "3".into(),
                "}".into(),
                "x".into()
            ]
        }
    );
    assert_eq!(
        r[4],
        Record::Account {
            number: "1930".into(),
            name: "Bank".into()
        }
    );
    assert!(
        d.iter()
            .any(|d| d.line == 2 && d.label == "#FOO" && d.severity == Severity::Notice)
    );
    assert!(d.iter().any(|d| d.line == 4 && d.label == "#NYTT"));
}

#[test]
fn diagnostics_name_what_and_where() {
    let file = b"#FLAGGA 0\n#SIETYP 4\n#TRANS 1930 {} 100\n#VER A 1 20250101\n{\n#TRANS 1930 {} 12,5x\n#TRANS 1930 {} 1\n}\n";
    let (_, d) = read_all(file);
    assert!(d.iter().any(|d| d.line == 3
        && d.label == "#TRANS"
        && d.severity == Severity::Error
        && d.message == "transaktionsrad utanför en verifikation ignoreras"));
    assert!(d.iter().any(|d| d.line == 6
        && d.severity == Severity::Error
        && d.message == "belopp \"12,5x\" kan inte läsas; posten ignoreras"));
    // Missing mandatory records of a type 4E file (it has no #IB/#UB/#RES: treated as 4I).
    assert!(
        d.iter()
            .any(|d| d.label == "#PROGRAM" && d.message.contains("obligatorisk i filer av typ 4I"))
    );
    let (_, d) = read_all(b"#FLAGGA 0\n#SIETYP 2\n#KONTO 1910 Kassa\n#VER A 1 20250101\n{\n}\n");
    assert!(
        d.iter().any(|d| d.label == "#UB"
            && d.message == "#UB saknas; posten är obligatorisk i filer av typ 2")
    );
    assert!(
        d.iter()
            .any(|d| d.label == "#VER"
                && d.message.contains("som filer av typ 2 inte får innehålla"))
    );
}

#[test]
fn values_dates_and_placeholders() {
    let file = b"#VER \"\" \"\" 2025-03-01 \"\"\n{\n#TRANS 1930 {} -0.00 \"\" \"\" \"\"\n#TRANS 1910 {} 0 00000000\n}\n#PBUDGET 0 202501 3010 -1666.00\n#PSALDO 0 202502 3010 {1 \"10\"} 5.5 2\n";
    let (r, d) = read_all(file);
    let Record::Voucher(v) = &r[0] else { panic!() };
    assert_eq!(v.date.unwrap().to_string(), "2025-03-01");
    assert!(v.rows[0].amount.is_zero() && !v.rows[0].amount.is_sign_negative());
    assert_eq!(v.rows[0].quantity, None);
    assert_eq!(v.rows[1].date, None);
    let Record::PeriodBudget(b) = &r[1] else {
        panic!()
    };
    assert_eq!(
        (b.period.year, b.period.month, b.amount),
        (2025, 1, dec("-1666"))
    );
    assert!(b.objects.is_empty());
    let Record::PeriodBalance(p) = &r[2] else {
        panic!()
    };
    assert_eq!((p.objects.len(), p.quantity), (1, Some(dec("2"))));
    let notices: Vec<&str> = d
        .iter()
        .filter(|d| d.severity == Severity::Notice)
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        notices.contains(&"datum skrivet som ÅÅÅÅ-MM-DD i stället för ÅÅÅÅMMDD"),
        "{notices:?}"
    );
    assert!(notices.contains(&"datumet 00000000 läses som inget datum"));
    assert!(notices.contains(&"objektlista utan klammerparenteser {}"));
}

#[test]
fn unquoted_prose_is_taken_whole() {
    // Found by fuzzing: an empty quoted word must not leave a leading space.
    let (r, _) = read_all(b"#PROSA Kontoplanstyp BAS2011\n#PROSA \t\"\"U 4056\n");
    assert_eq!(r[0], Record::Prose("Kontoplanstyp BAS2011".into()));
    assert_eq!(r[1], Record::Prose("U 4056".into()));
}

#[test]
fn utf8_byte_order_mark() {
    let mut reader = Reader::new(&b"\xef\xbb\xbf#FLAGGA 0\n#FNAMN \"\xc3\x85m\xc3\xa5l\"\n"[..]);
    let r: Vec<Record> = reader.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(r, vec![Record::Flag(0), Record::CompanyName("Åmål".into())]);
    assert_eq!(reader.encoding(), Some(Encoding::Utf8));
    assert!(
        reader
            .diagnostics()
            .iter()
            .any(|d| d.line == 1 && d.message.contains("byteordningsmarkering"))
    );
}

#[test]
fn crlf_tabs_and_blank_lines() {
    let file = b"#FLAGGA\t\t0\r\n\r\n  #KONTO\t1910   \"Kassa  \"   \r\n";
    let (r, _) = read_all(file);
    assert_eq!(
        r,
        vec![
            Record::Flag(0),
            Record::Account {
                number: "1910".into(),
                name: "Kassa".into()
            }
        ]
    );
}

#[test]
fn strictness_options() {
    let file = b"#VER A 1 20250101\n{\n#TRANS 1930 {} 1\n}\n#KONTO 1 x\n";
    let mut reader = Reader::with_options(
        &file[..],
        ReadOptions::default()
            .unbalanced_voucher(Severity::Error)
            .fail_on(Severity::Error),
    );
    let err = reader.by_ref().find_map(Result::err).unwrap();
    let ReadError::Rejected(d) = err else {
        panic!()
    };
    assert_eq!(
        d.message,
        "verifikation A 1 daterad 2025-01-01 balanserar inte: differens 1\u{a0}kr"
    );
    assert_eq!(d.severity, Severity::Error);
    assert!(reader.next().is_none());
}

#[test]
fn no_panic_on_garbage() {
    let inputs: [&[u8]; 8] = [
        b"",
        b"\n\n\n",
        b"}}}{{{",
        b"#VER\n{\n#TRANS\n#TRANS {\n#TRANS 1 { 1\n",
        b"#KSUMMA 99999999999999999999\n#KSUMMA\n",
        b"\"\"\"\\\"\\",
        b"#RAR x y z\n#PSALDO 0 2025 1 {} 1\n#IB\n#OIB 0 1 {1} 5\n",
        &[
            0xff, 0xfe, 0x80, b'#', 0x00, b'\n', b'#', b'T', b'R', b'A', b'N', b'S',
        ],
    ];
    for input in inputs {
        let _ = read_all(input);
        let _ = sum_transactions(input, None).unwrap();
    }
    // A line longer than the limit is skipped with an error, the rest is read.
    let mut long = b"#PROSA \"".to_vec();
    long.extend(std::iter::repeat_n(b'a', 5000));
    long.extend_from_slice(b"\"\n#FLAGGA 0\n");
    let mut reader = Reader::with_options(&long[..], ReadOptions::default().max_line_length(2048));
    let r: Vec<Record> = reader.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(r, vec![Record::Flag(0)]);
    assert!(
        reader
            .diagnostics()
            .iter()
            .any(|d| d.line == 1 && d.severity == Severity::Error)
    );
}

#[test]
fn writer_checksum_verifies() {
    let records = vec![
        Record::Flag(0),
        Record::Program {
            name: "Test".into(),
            version: "1".into(),
        },
        Record::CompanyName("Åmåls kommun".into()),
        Record::Account {
            number: "1910".into(),
            name: "Kassa \"A\"".into(),
        },
    ];
    let mut w = Writer::new(Vec::new()).with_checksum(true);
    for r in &records {
        w.write(r).unwrap();
    }
    let bytes = w.finish().unwrap();
    assert!(bytes.starts_with(b"#FLAGGA 0\n#KSUMMA\n"));
    let (back, d) = read_all(&bytes);
    assert!(!d.iter().any(|d| d.label == "#KSUMMA"), "{d:?}");
    assert_eq!(content(&back), records);
}

mod roundtrip {
    use super::*;
    use chrono::NaiveDate;
    use kommunal_redovisning::sie::{
        AccountKind, Balance, ObjectRef, PeriodAmount, Row, Voucher, YearMonth,
    };

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9åäöÅÄÖé\"{}#.,: -]{0,12}".prop_map(|s| s.trim().to_string())
    }

    fn id() -> impl Strategy<Value = String> {
        "[0-9A-Za-z]{1,6}"
    }

    /// Account numbers are numeric in SIE 4 (the reader reports the rest).
    fn account() -> impl Strategy<Value = String> {
        "[0-9]{1,6}"
    }

    fn amount() -> impl Strategy<Value = Decimal> {
        (-10_000_000_000i64..10_000_000_000).prop_map(|c| Decimal::new(c, 2))
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (1990i32..2040, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn objects() -> impl Strategy<Value = Vec<ObjectRef>> {
        prop::collection::vec(
            (1u32..40, text()).prop_map(|(dimension, object)| ObjectRef { dimension, object }),
            0..4,
        )
    }

    fn row() -> impl Strategy<Value = Row> {
        (
            prop_oneof![
                Just(VoucherRowKind::Normal),
                Just(VoucherRowKind::Added),
                Just(VoucherRowKind::Removed)
            ],
            account(),
            objects(),
            amount(),
            prop::option::of(date()),
            text(),
            prop::option::of(amount()),
            text(),
        )
            .prop_map(
                |(kind, account, objects, amount, date, text, quantity, signature)| Row {
                    kind,
                    account,
                    objects,
                    amount,
                    date,
                    text,
                    quantity,
                    signature,
                },
            )
    }

    fn record() -> impl Strategy<Value = Record> {
        prop_oneof![
            (0u8..2).prop_map(Record::Flag),
            (text(), text()).prop_map(|(name, version)| Record::Program { name, version }),
            (prop::option::of(date()), text())
                .prop_map(|(date, signature)| Record::Generated { date, signature }),
            (1u8..5).prop_map(Record::SieType),
            text().prop_map(Record::CompanyName),
            (id(), text(), text()).prop_map(|(number, acquisition, activity)| {
                Record::OrganisationNumber {
                    number,
                    acquisition,
                    activity,
                }
            }),
            (text(), text(), text(), text()).prop_map(|(contact, street, postal, phone)| {
                Record::Address {
                    contact,
                    street,
                    postal,
                    phone,
                }
            }),
            (-3i32..1, date(), date()).prop_map(|(year, a, b)| Record::FinancialYear {
                year,
                start: a.min(b),
                end: a.max(b),
            }),
            (account(), text()).prop_map(|(number, name)| Record::Account { number, name }),
            (
                account(),
                prop_oneof![
                    Just(Some(AccountKind::Asset)),
                    Just(Some(AccountKind::Liability)),
                    Just(Some(AccountKind::Cost)),
                    Just(Some(AccountKind::Income))
                ]
            )
                .prop_map(|(account, kind)| Record::AccountType { account, kind }),
            (1u32..40, text()).prop_map(|(number, name)| Record::Dimension { number, name }),
            (1u32..40, text(), 1u32..40).prop_map(|(number, name, parent)| Record::SubDimension {
                number,
                name,
                parent
            }),
            (1u32..40, id(), text()).prop_map(|(dimension, id, name)| Record::Object {
                dimension,
                id,
                name
            }),
            (-2i32..1, account(), amount(), prop::option::of(amount())).prop_map(
                |(year, account, amount, quantity)| Record::OpeningBalance(Balance {
                    year,
                    account,
                    objects: vec![],
                    amount,
                    quantity
                })
            ),
            (-2i32..1, account(), objects(), amount()).prop_map(
                |(year, account, objects, amount)| {
                    Record::ObjectClosingBalance(Balance {
                        year,
                        account,
                        objects,
                        amount,
                        quantity: None,
                    })
                }
            ),
            (
                -1i32..1,
                2000u16..2040,
                1u8..13,
                account(),
                objects(),
                amount(),
                prop::option::of(amount())
            )
                .prop_map(|(year, y, m, account, objects, amount, quantity)| {
                    Record::PeriodBudget(PeriodAmount {
                        year,
                        period: YearMonth { year: y, month: m },
                        account,
                        objects,
                        amount,
                        quantity,
                    })
                }),
            (
                id(),
                id(),
                prop::option::of(date()),
                text(),
                prop::option::of(date()),
                text(),
                prop::collection::vec(row(), 1..6)
            )
                .prop_map(
                    |(series, number, date, text, registered, signature, rows)| Record::Voucher(
                        Voucher {
                            series,
                            number,
                            date,
                            text,
                            registered,
                            signature,
                            rows
                        }
                    )
                ),
        ]
    }

    /// The key under which the reader keeps only the first of repeated balances (a
    /// repeat is a diagnostic and is ignored), `None` for every other record.
    fn balance_key(r: &Record) -> Option<String> {
        match r {
            Record::OpeningBalance(b)
            | Record::ClosingBalance(b)
            | Record::YearResult(b)
            | Record::ObjectOpeningBalance(b)
            | Record::ObjectClosingBalance(b) => Some(format!(
                "{} {} {} {:?}",
                r.label(),
                b.year,
                b.account,
                b.objects
            )),
            Record::PeriodBalance(p) => Some(format!(
                "{} {} {:?} {} {:?}",
                r.label(),
                p.year,
                p.period,
                p.account,
                p.objects
            )),
            _ => None,
        }
    }

    /// Records with no balance stated twice for the same key.
    fn distinct_balances() -> impl Strategy<Value = Vec<Record>> {
        prop::collection::vec(record(), 1..20).prop_map(|records| {
            let mut seen = std::collections::HashSet::new();
            records
                .into_iter()
                .filter(|r| balance_key(r).is_none_or(|k| seen.insert(k)))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn written_records_read_back_the_same(records in distinct_balances(), checksum in any::<bool>()) {
            let mut w = Writer::new(Vec::new()).with_checksum(checksum);
            for r in &records {
                w.write(r).unwrap();
            }
            let bytes = w.finish().unwrap();
            // Generated vouchers do not balance: that is the one error allowed here.
            let lenient = ReadOptions::default().unbalanced_voucher(Severity::Warning);
            let mut reader = Reader::with_options(&bytes[..], lenient);
            let back: Vec<Record> = reader.by_ref().collect::<Result<_, _>>().unwrap();
            prop_assert_eq!(content(&back), records.clone());
            let mut recycling = Reader::new(&bytes[..]);
            let mut recycled = Vec::new();
            while let Some(r) = recycling.next_record().unwrap() {
                recycled.push(r.clone());
                recycling.recycle(r);
            }
            prop_assert_eq!(content(&recycled), records);
            // Generated content may break the ledger's rules (a voucher without a date or
            // outside the financial year): errors about that, never about the writing.
            let errors: Vec<_> = reader
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .filter(|d| !d.message.contains("saknar datum") && !d.message.contains("utanför räkenskapsåret"))
                .collect();
            prop_assert!(errors.is_empty(), "{:?}", errors);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_all(&bytes);
            let _ = sum_transactions(&bytes[..], None).unwrap();
        }
    }
}

/// A voucher without a valid date whose number reads as a date (the fuzzer's find:
/// `#VER "1ÿÿÿÿ4" 20080312 "text"`, the text standing where the date goes) is written so
/// that it reads back the same: the reader's guess that a series left out moved every
/// field one place (`#VER  1 20170101`) must not apply to what the writer wrote.
#[test]
fn a_voucher_without_a_date_reads_back_as_written() {
    for (series, text, signature) in [
        ("1\u{a0}\u{a0}4", "", ""),
        ("A", "", ""),
        ("A", "Hyra", ""),
        ("A", "", "Anna"),
        ("", "", ""),
        ("", "Hyra", ""),
    ] {
        let voucher = Record::Voucher(kommunal_redovisning::sie::Voucher {
            series: series.into(),
            number: "20080312".into(),
            date: None,
            text: text.into(),
            registered: None,
            signature: signature.into(),
            rows: Vec::new(),
        });
        for encoding in [Encoding::Utf8, Encoding::Cp437] {
            let mut w = Writer::new(Vec::new()).with_encoding(encoding);
            w.write(&voucher).unwrap();
            let bytes = w.finish().unwrap();
            let back: Vec<Record> =
                Reader::with_options(&bytes[..], ReadOptions::default().encoding(encoding))
                    .filter_map(Result::ok)
                    .collect();
            assert_eq!(
                back,
                vec![voucher.clone()],
                "{series:?} {text:?}: {}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}
