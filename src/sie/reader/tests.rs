//! Unit tests of the reader's internals.

use super::*;

fn read(file: &[u8], plain_rows: bool) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut reader = Reader::new(file);
    reader.st.plain_rows = plain_rows;
    let records = reader.by_ref().collect::<Result<Vec<_>, _>>().unwrap();
    (records, reader.take_diagnostics())
}

/// Rows read straight from the line give the same records and diagnostics as rows
/// read from tokens, for plain rows and for every near miss.
#[test]
fn plain_rows_read_as_tokenized_rows() {
    let rows: &[&[u8]] = &[
        b"#TRANS 3010 {1 \"1176\" 20 \"388\"} 11791.77 20251022 \"St\x84dning skolor\"",
        b"#TRANS 1930 {} -17236.82 \"\" \"\x8eldreomsorg\"",
        b"#TRANS 1930 {} -0.00",
        b"#TRANS 1930 {} 5 20250101",
        b"#TRANS\t1930\t{ 1  \" 7 \" }\t5.5  20250101 \"  x  \"  ",
        b"#TRANS 1930 {1 7 20 abc} 5",
        b"#TRANS 1930 {1 {7} 5",
        b"#TRANS 1930 {1 \"7\"20 \"8\"} 5",
        b"#TRANS 1930 {1} 5",
        b"#TRANS 1930 {\"1\" \"7\"} 5",
        b"#TRANS 1930 {1 \"7} 5",
        b"#TRANS 1930 {1 \"7\\\"\"} 5",
        b"#TRANS 1930 {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18} 5",
        b"#TRANS 1930 {1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16} 5",
        b"#TRANS 1930 {1234567890 7} 5",
        b"#TRANS 1930 {123456789 7} 5",
        b"#TRANS 1930 {1 \"\"} 5",
        b"#TRANS 1930 {1 \" 7\"} 5",
        b"#TRANS 1930 {1 \"7a\"} 5",
        b"#TRANS 1930 {1 7a 2 \"8\"} 5",
        b"#TRANS 1930 {1 \"\x8e\"} 5",
        b"#TRANS 1930 {1 \x8e7} 5",
        b"#TRANS 1930 {1 \"7\" 2 8} 5",
        b"#TRANS 0 {} 5",
        b"#TRANS 1234567890 {} 5",
        b"#TRANS 12345678901 {} 5",
        b"#TRANS 19a0 {} 5",
        b"#TRANS 1930 {} 5.",
        b"#TRANS 1930 {} .5",
        b"#TRANS 1930 {} -.5",
        b"#TRANS 1930 {} -",
        b"#TRANS 1930 {} -0",
        b"#TRANS 1930 {} 1.2.3",
        b"#TRANS 1930 {} 99999999999999999",
        b"#TRANS 1930 {} 999999999999999999",
        b"#TRANS 1930 {} -9999999999999999.9",
        b"#TRANS 1930 {} 007.10",
        b"#TRANS 1930 {} 5x",
        b"#TRANS 1930 5",
        b"#TRANS \"1930\" {} 5",
        b"#TRANS 1930 {} +5",
        b"#TRANS 1930 {} 5,5",
        b"#TRANS 1930 {} 5.555",
        b"#TRANS 1930 {} x",
        b"#TRANS 1930 {} 5 00000000",
        b"#TRANS 1930 {} 5 2025-01-01",
        b"#TRANS 1930 {} 5 20250230",
        b"#TRANS 1930 {} 5 \"20250101\"",
        b"#TRANS 1930 {} 5 \"\"\"t\"",
        b"#TRANS 1930 {} 5 20250101 text",
        b"#TRANS 1930 {} 5 20250101 \"t\" 2",
        b"#TRANS 1930 {} 5 20250101 \"t\" 2 \"sign\"",
        b"#TRANS 1930 {} 5 20250101 \"t\"x",
        b"#TRANS 1930 {} 5 20250101 \"a \\\"b\\\"\"",
        b"#TRANS 1930 {} 5 20250101 \"a\x01b\"",
        b"#TRANS 1930 {} 5 20250101 \"open",
        b"#TRANS 1930 {}",
        b"#TRANS",
        b"#TRANSX 1930 {} 5",
        b"#trans 1930 {} 5",
        b"#RTRANS 1930 {} 5",
        b"#TRANS 1930 {} 5",
        b"#BTRANS 1930 {} 5",
    ];
    for row in rows {
        for head in [&b"#VER A 1 20250101 \"v\"\n{\n"[..], b"#VER A 1 20250101\n"] {
            let mut file = b"#FLAGGA 0\n#SIETYP 4\n".to_vec();
            file.extend_from_slice(head);
            file.extend_from_slice(row);
            file.extend_from_slice(b"\n#TRANS 2440 {} -5\n}\n");
            let fast = read(&file, true);
            let slow = read(&file, false);
            assert_eq!(fast, slow, "{}", String::from_utf8_lossy(row));
            // The byte-path sums read plain rows the same way too (other labels
            // end a voucher there: not compared).
            if !row.starts_with(b"#TRANS ") && !row.starts_with(b"#TRANS\t") {
                continue;
            }
            let mut totals = super::super::Totals::default();
            for r in &fast.0 {
                totals.add(r);
            }
            let sums = super::super::sum_transactions(&file[..], None).unwrap();
            assert_eq!(
                sums.by_account,
                totals.by_account,
                "{}",
                String::from_utf8_lossy(row)
            );
            assert_eq!(
                sums.by_object,
                totals.by_object,
                "{}",
                String::from_utf8_lossy(row)
            );
        }
    }
    let vers: &[&[u8]] = &[
        b"#VER A 1 20250101 \"v\"",
        b"#VER A 1 20250101",
        b"#VER \"A\" \"1\" 20250101 \"\x8eldre\" 20250102 \"Anna \x8fberg\"",
        b"#VER A 1 20250101 \"v\" \"\" \"sign\"",
        b"#VER A 1 20250101 \"v\" 20250102",
        b"#VER\tA\t1\t20250101\t\" t \"  ",
        b"#VER \"\" \"\" 20250101",
        b"#VER A 1",
        b"#VER A",
        b"#VER",
        b"#VER A 1 00000000 \"v\"",
        b"#VER A 1 2025-01-01 \"v\"",
        b"#VER A 1 20250230 \"v\"",
        b"#VER A 1 \"\" \"v\"",
        b"#VER A 1 \"20250101\" \"v\"",
        b"#VER A 1 20250101 \"v\" 20250230",
        b"#VER A 1 20250101 \"v\" 00000000",
        b"#VER A 1 20250101 \"v\" \"x\"",
        b"#VER A 1 20250101 \"v\" 20250101 \"s\" extra",
        b"#VER A 1 20250101 \"a \\\"b\\\"\"",
        b"#VER A 1 20250101 \"a \\\"b\\\" c\" 20250102 \"s\\\"t\"",
        b"#VER A 1 20250101 \"\\\"\"",
        b"#VER A 1 20250101 \"a\\\\\" b\"",
        b"#VER A 1 20250101 \"a\\\"b\"c",
        b"#VER A 1 20250101 \"a\\\"b",
        b"#VER A 1 20250101 \"\x8eldre \\\"x\\\"\" \"\" \"\\\"\"",
        b"#VER \"A\\\"\" 1 20250101 \"v\"",
        b"#VER A 1 20250101 \"open",
        b"#VER A 1 20250101 v w x",
        b"#VER A 1 20250101 \"v\"x",
        b"#VER A 1 20250101 \"\"\"\"",
        b"#VER A 1 20250101 \"\"\"",
        b"#VER A {1} 20250101",
        b"#VER A 1 20250101 \"a\x01b\"",
        b"#VERX A 1 20250101",
        b"#ver A 1 20250101",
    ];
    for ver in vers {
        let mut file = b"#FLAGGA 0\n#SIETYP 4\n".to_vec();
        for (n, close) in [(1, true), (2, false), (3, true)] {
            file.extend_from_slice(ver);
            file.extend_from_slice(
                format!("\n{{\n#TRANS 1930 {{}} {n}\n#TRANS 2440 {{}} -{n}\n").as_bytes(),
            );
            if close {
                file.extend_from_slice(b"}\n");
            }
        }
        let fast = read(&file, true);
        let slow = read(&file, false);
        assert_eq!(fast, slow, "{}", String::from_utf8_lossy(ver));
    }
    // A #VER as the first record is read the usual way (it draws a warning).
    assert_eq!(
        read(b"#VER A 1 20250101\n", true),
        read(b"#VER A 1 20250101\n", false)
    );
    // Both ways read the voucher: the test compares real rows.
    let (records, diags) = read(
        b"#FLAGGA 0\n#VER A 1 20250101\n{\n#TRANS 1930 {1 \"7\"} 5\n#TRANS 2440 {} -5\n}\n",
        true,
    );
    assert!(diags.iter().all(|d| d.line < 3), "{diags:?}");
    let Some(Record::Voucher(v)) = records.get(1) else {
        panic!("{records:?}")
    };
    assert_eq!(v.rows.len(), 2);
    assert_eq!(v.rows[0].objects[0].object, "7");
    assert_eq!(v.rows[0].amount, Decimal::new(5, 0));
}

#[test]
fn a_kind_leaves_out_swedish_figures_and_quoted_values() {
    let k = |m: &str| kind_of(Severity::Error, "#VER", m);
    let a = k(
        "verifikation A 1 daterad 2025-01-15 balanserar inte: differens \u{2212}1\u{a0}234,50\u{a0}kr",
    );
    let b = k("verifikation A 22 daterad 2025-12-01 balanserar inte: differens 5\u{a0}kr");
    let c = k("verifikation A 3 daterad 2025-02-01 balanserar inte: differens -0.5\u{a0}kr");
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(
        k("belopp \"x\" kan inte läsas; posten ignoreras"),
        k("belopp \"12,5,5\" kan inte läsas; posten ignoreras")
    );
    // Other words, another label or another severity: another kind.
    assert_ne!(a, k("verifikation A 1 daterad 2025-01-15 saknar rader"));
    assert_ne!(
        a,
        kind_of(
            Severity::Warning,
            "#VER",
            "verifikation A 1 daterad 2025-01-15 balanserar inte: differens 5\u{a0}kr"
        )
    );
    assert_ne!(
        a,
        kind_of(
            Severity::Error,
            "#TRANS",
            "verifikation A 1 daterad 2025-01-15 balanserar inte: differens 5\u{a0}kr"
        )
    );
    // A list of figures is still a list: "0, −1" is not one figure.
    assert_ne!(k("årsindex 0, \u{2212}1"), k("årsindex 0"));
}

/// Every record of `file` and the diagnostics, read by a reader that `set` adjusts,
/// with vouchers recycled as the typed reader is used in bulk (strings are reused).
fn read_with(file: &[u8], set: impl FnOnce(&mut State)) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut reader = Reader::new(file);
    set(&mut reader.st);
    let mut records = Vec::new();
    while let Some(r) = reader.next_record().unwrap() {
        records.push(r.clone());
        reader.recycle(r);
    }
    (records, reader.take_diagnostics())
}

/// The corpus files, in order.
fn corpus() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sie-samples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Every corpus file and the generated municipal ledger read with the fast path on
/// (`set(st, true)`) and off: the same records, the same diagnostics on the same lines.
/// The readings with it on, per corpus file.
fn fast_path_reads_as_the_general_one(
    set: impl Fn(&mut State, bool) + Copy,
) -> Vec<(Vec<Record>, Vec<Diagnostic>)> {
    let mut readings = Vec::new();
    for path in corpus() {
        let data = std::fs::read(&path).unwrap();
        let fast = read_with(&data, |st| set(st, true));
        let slow = read_with(&data, |st| set(st, false));
        assert!(fast == slow, "{}", path.display());
        readings.push(fast);
    }
    let data = sie_gen::generate(1_500);
    let fast = read_with(&data, |st| set(st, true));
    assert!(fast.0.len() > 1_500);
    assert_eq!(fast, read_with(&data, |st| set(st, false)));
    readings
}

/// Texts decoded on the fast path ([`decode_plain_into`]) read every corpus file and
/// the generated municipal ledger exactly as the general decoding does.
#[test]
fn fast_texts_read_the_corpus_as_the_general_decoding() {
    let readings = fast_path_reads_as_the_general_one(|st, on| st.fast_texts = on);
    let read_any = readings.iter().filter(|r| !r.0.is_empty()).count();
    assert!(read_any >= 60, "{read_any} corpus files read");
}

/// Rows and vouchers read straight from the line ([`State::plain_row`],
/// [`State::plain_ver`]) read every corpus file and the generated municipal ledger
/// exactly as tokenized ones.
#[test]
fn plain_rows_read_the_corpus_as_tokenized_rows() {
    let readings = fast_path_reads_as_the_general_one(|st, on| st.plain_rows = on);
    let rows: usize = readings
        .iter()
        .flat_map(|r| &r.0)
        .map(|r| match r {
            Record::Voucher(v) => v.rows.len(),
            _ => 0,
        })
        .sum();
    assert!(rows > 5_000, "{rows} rows in the corpus");
}

use crate::sie_gen;

/// A source that hands out its bytes in reads of 1, 2, … `cycle` bytes, round and round.
struct Pieces<'a> {
    data: &'a [u8],
    step: usize,
    cycle: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step = self.step % self.cycle + 1;
        let n = self.data.len().min(buf.len()).min(self.step);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Every record (vouchers recycled) and diagnostic of `source`, fast lanes on or off.
fn read_source(source: impl Read, plain_rows: bool) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut reader = Reader::new(source);
    reader.st.plain_rows = plain_rows;
    let mut records = Vec::new();
    while let Some(r) = reader.next_record().unwrap() {
        records.push(r.clone());
        reader.recycle(r);
    }
    (records, reader.take_diagnostics())
}

/// Voucher lines split from the bytes ahead ([`Reader::line_ahead`]) read a file as
/// the line by line reading does, whatever reads the source gives (so wherever the
/// buffer ends): lines that the scans take, near misses (CR LF, spaces after a brace,
/// a text not closed on its line, a row outside a voucher, `#RTRANS`), diagnostics
/// on the same lines.
#[test]
fn lines_read_ahead_are_read_as_line_by_line() {
    let mut file = b"#FLAGGA 0\n#SIETYP 4\n#KONTO 1930 \"F\x94retagskonto\"\n".to_vec();
    let vouchers: [&[u8]; 10] = [
        b"#VER A 1 20250101 \"Hyra \x8e\" 20250102 \"Anna\"\n{\n#TRANS 1930 {1 \"7\"} 5.00 20250101 \"x\"\n#TRANS 2440 {} -5.00\n}\n",
        b"#VER A 2 20250101\r\n{\r\n#TRANS 1930 {} 5.00\r\n#TRANS 2440 {} -5.00 \"\" \"t\"\r\n}\r\n",
        b"#VER A 3 20250101 \"t\"\n{ \n#TRANS 1930 {} 5\n#TRANS 2440 {} -4\n} \n",
        b"#VER A 4 20250101 \"a \\\"b\\\"\"\n{\n#TRANS 1930 {} 5 20250101 \"open\n\" 2\n#TRANS 2440 {} -5\n}\n",
        b"#TRANS 1930 {} 5\n{\n}\n",
        b"#VER A 5 20250101\n{\n#RTRANS 1930 {} 5\n#TRANS 1930 {} 5\n#TRANS 2440 {} -5\n#BTRANS 1930 {} 1\n}\n",
        b"#VER A 6 20250101\n#TRANS 1930 {} 5\n#TRANS 2440 {} -5\n}\n",
        b"#VER A 7 2025010\n{\n#TRANS 1930 {} 5 2025013\n#TRANS 2440 {} -5 20251301\n}\n",
        b"#VER A 8 20250101\n{\n#TRANS 1930\t{} 5\n#TRANS 2440 {} -5 20250101 \"x\" 3\n#TRANS 2440 {1 \"1\" 1 \"1\"} 0\n}\n",
        b"#VER A 9 20991231 \"\x8f\"\n{\n#TRANS 1930 {} 5\n#TRANS 2440 {} -5\n}\n#VER A 10 20250101\n{\n#TRANS 1930 {} 5",
    ];
    for v in vouchers {
        file.extend_from_slice(v);
    }
    let slow = read_source(&file[..], false);
    assert!(slow.0.len() > 10 && slow.1.len() > 5, "{slow:?}");
    assert_eq!(read_source(&file[..], true), slow);
    for cycle in 1..=12 {
        let fast = read_source(
            Pieces {
                data: &file,
                step: 0,
                cycle,
            },
            true,
        );
        assert_eq!(fast, slow, "reads of up to {cycle} bytes");
    }
    // The encoding detected on a row, from the row and what follows it (here CP437,
    // though the row alone would read as UTF-8).
    let file = b"#FLAGGA 0\n#VER A 1 20250101\n{\n#TRANS 1930 {} 5 20250101 \"\xc3\xa5\"\n#TRANS 2440 {} -5 20250101 \"\x94\"\n}\n";
    let slow = read_source(&file[..], false);
    let Record::Voucher(v) = &slow.0[1] else {
        panic!("{slow:?}")
    };
    assert_eq!(v.rows[1].text, "ö");
    assert_eq!(read_source(&file[..], true), slow);
    // And the generated municipal ledger: larger than the reader's buffer, every
    // kind of line the scans take.
    let data = sie_gen::generate(1_500);
    let slow = read_source(&data[..], false);
    assert!(slow.0.len() > 1_500);
    assert_eq!(read_source(&data[..], true), slow);
    let fast = read_source(
        Pieces {
            data: &data,
            step: 3,
            cycle: 97,
        },
        true,
    );
    assert_eq!(fast, slow);
}

mod texts {
    use super::*;
    use proptest::prelude::*;

    /// A text field's bytes: printable ASCII, Swedish letters in CP437, ISO-8859-1
    /// and UTF-8, other bytes from 0x80, control characters, spaces and `\"`; with
    /// `utf8`, no bytes from 0x80 but those of UTF-8 letters (so that the file is read
    /// as UTF-8).
    fn text(utf8: bool) -> impl Strategy<Value = Vec<u8>> {
        let single = if utf8 { 0 } else { 2 };
        let piece = prop_oneof![
            6 => proptest::collection::vec(0x21u8..0x7f, 1..12).prop_map(|v| v
                .into_iter()
                .map(|b| if b == b'"' || b == b'\\' { b'x' } else { b })
                .collect()),
            2 => Just(b" ".to_vec()),
            single => prop::sample::select(vec![0x86u8, 0x84, 0x94, 0x8f, 0x8e, 0x99]).prop_map(|b| vec![b]),
            single / 2 => prop::sample::select(vec![0xe5u8, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6]).prop_map(|b| vec![b]),
            2 => prop::sample::select(vec!["å", "ä", "ö", "Å", "é", "€"]).prop_map(|s| s.as_bytes().to_vec()),
            single / 2 => (0x80u8..=0xff).prop_map(|b| vec![b]),
            1 => prop::sample::select(vec![b'\t', 0x01, 0x1f, 0x7f]).prop_map(|b| vec![b]),
            1 => Just(b"\\\"".to_vec()),
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
    }

    fn quoted(t: &[u8]) -> Vec<u8> {
        [&b"\""[..], t, b"\""].concat()
    }

    proptest! {
        /// The fast path gives exactly the general decoding of every text, whatever
        /// the encoding (declared, detected on the way, or pure ASCII throughout).
        #[test]
        fn fast_texts_decode_as_the_general_way(
            texts in any::<bool>()
                .prop_flat_map(|utf8| proptest::collection::vec(text(utf8), 8..9)),
            format in prop::sample::select(vec!["", "#FORMAT PC8\n"]),
            rows in 1usize..4,
        ) {
            let mut file = b"#FLAGGA 0\n".to_vec();
            file.extend_from_slice(format.as_bytes());
            let t = |i: usize| quoted(&texts[i % texts.len()]);
            for (label, i) in [(&b"#FNAMN "[..], 0), (b"#KONTO 1930 ", 1), (b"#OBJEKT 1 ", 2)] {
                file.extend_from_slice(label);
                if i == 2 {
                    file.extend_from_slice(&t(3));
                    file.push(b' ');
                }
                file.extend_from_slice(&t(i));
                file.push(b'\n');
            }
            file.extend_from_slice(&[&b"#VER A 1 20250101 "[..], &t(4), b" 20250102 ", &t(5), b"\n{\n"].concat());
            for r in 0..rows {
                let (a, b, c) = (t(6 + r), t(3 + r), t(7 + r));
                let row: [&[u8]; 7] = [b"#TRANS 1930 {1 ", &a, b" 20 ", &b, b"} 5.00 20250101 ", &c, b"\n#TRANS 2440 {} -5.00\n"];
                file.extend_from_slice(&row.concat());
            }
            file.extend_from_slice(&[&b"}\n#VER "[..], &t(2), b" 2 20250101 ", &t(1), b"\n{\n#TRANS 1930 {} 0\n}\n"].concat());
            let fast = read_with(&file, |st| st.fast_texts = true);
            let slow = read_with(&file, |st| st.fast_texts = false);
            prop_assert_eq!(fast, slow, "{}", String::from_utf8_lossy(&file));
        }
    }
}
