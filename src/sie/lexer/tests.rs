//! Unit tests of the lexer: every fast split against the general one.

use super::*;
use proptest::prelude::*;

fn toks(line: &str) -> Vec<(TokKind, String)> {
    let mut t = Vec::new();
    tokenize(line.as_bytes(), &mut t);
    t.iter()
        .map(|t| {
            (
                t.kind,
                String::from_utf8_lossy(t.bytes(line.as_bytes())).into_owned(),
            )
        })
        .collect()
}

#[test]
fn newline_search() {
    for n in 0..40 {
        let mut v = vec![b'a'; 40];
        assert_eq!(find_newline(&v), None);
        v[n] = b'\n';
        v[39] = b'\n';
        assert_eq!(find_newline(&v), Some(n));
        v[n] = 0x8a;
        assert_eq!(find_newline(&v[..39]), None);
    }
}

#[test]
fn plain_rows_split_as_tokenize_splits_them() {
    let lines: &[&str] = &[
        "#TRANS 3010 {1 \"1176\" 20 \"388\"} 11791.77 20251022 \"Städning skolor\"",
        "#TRANS 1930 {} -17236.82 \"\" \"Äldreomsorg\"",
        "#TRANS 1930 {} -0.00",
        "#TRANS\t1930\t{ 1  \" 7 \" }\t5.5  20250101 \"  x  \"  ",
        "#TRANS 1930 {1 7 20 abc} 5 x",
        "#TRANS 1930 {1 7} 5 \"\" \"\"",
    ];
    for line in lines {
        let b = line.as_bytes();
        let mut p = PlainRow::EMPTY;
        assert!(scan_plain_row(b, &mut p), "{line}");
        let mut want = Vec::new();
        tokenize(b, &mut want);
        let mut got = vec![Tok::new(0, 6, TokKind::Bare), p.account, want[2]];
        for (dim, obj) in &p.pairs[..p.pairs_len] {
            got.push(want[got.len()]);
            assert_eq!(want[got.len() - 1].bytes(b), dim.to_string().as_bytes());
            got.push(*obj);
        }
        got.push(want[got.len()]);
        got.push(p.amount);
        if let Some(d) = p.date {
            got.push(d);
        } else if want
            .get(got.len())
            .is_some_and(|t| t.kind == TokKind::Quoted && t.bytes(b).is_empty())
        {
            // A `""` date: no date.
            want.remove(got.len());
        }
        got.extend(p.text);
        let want: Vec<_> = want.iter().map(|t| (t.kind, t.bytes(b).to_vec())).collect();
        let got: Vec<_> = got.iter().map(|t| (t.kind, t.bytes(b).to_vec())).collect();
        assert_eq!(got, want, "{line}");
    }
    for line in [
        "#TRANS 1930 {1} 5",
        "#TRANS 1930 5",
        "#TRANS 1930 {} 5 20250101 \"t\" 2",
        "#TRANS 1930 {} 5 \"a \\\"b\\\"\"",
        "#TRANS 1930 {1 \"7\"20 \"8\"} 5",
        "#TRANSX 1930 {} 5",
    ] {
        assert!(
            !scan_plain_row(line.as_bytes(), &mut PlainRow::EMPTY.clone()),
            "{line}"
        );
    }
}

/// What [`scan_plain_row`] gives, the slow way: the tokens of the general one-pass
/// split ([`scan_plain_row_to`] in full), kept only when the account is 1 to 10
/// digits and the amount one that `parse_plain_amount` reads; whether every object
/// is a digit string; the amount's value.
fn reference_scan(line: &[u8]) -> Option<(PlainRow, Decimal, bool)> {
    let mut r = PlainRow::EMPTY;
    scan_plain_row_to(line, false, &mut r)?;
    let account = r.account.bytes(line);
    if !(1..=10).contains(&account.len()) || !account.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = crate::sie::value::parse_plain_amount(r.amount.bytes(line))?;
    let digits = r.pairs[..r.pairs_len].iter().all(|(_, t)| {
        let b = t.bytes(line);
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    });
    Some((r, value, digits))
}

fn spans(r: &PlainRow, line: &[u8]) -> Vec<(TokKind, Vec<u8>)> {
    let mut t = vec![r.account];
    t.extend(r.pairs[..r.pairs_len].iter().map(|p| p.1));
    t.push(r.amount);
    t.extend(r.date);
    t.extend(r.text);
    let mut out: Vec<_> = t.iter().map(|t| (t.kind, t.bytes(line).to_vec())).collect();
    out.extend(
        r.pairs[..r.pairs_len]
            .iter()
            .map(|p| (TokKind::Open, p.0.to_string().into_bytes())),
    );
    out
}

/// The scan with its checks on the way is the general split followed by the checks
/// the reader made after it: the same rows taken, the same fields, the amount
/// `parse_plain_amount` reads.
fn assert_scan_as_reference(line: &[u8]) -> bool {
    let mut got = PlainRow::EMPTY;
    let ok = scan_plain_row(line, &mut got);
    let want = reference_scan(line);
    assert_eq!(ok, want.is_some(), "{}", String::from_utf8_lossy(line));
    if let Some((r, value, digits)) = want {
        assert_eq!(
            spans(&got, line),
            spans(&r, line),
            "{}",
            String::from_utf8_lossy(line)
        );
        assert_eq!(got.value, value, "{}", String::from_utf8_lossy(line));
        assert_eq!(got.value.scale(), value.scale());
        assert_eq!(got.value.is_sign_negative(), value.is_sign_negative());
        assert_eq!(
            got.digit_objects,
            digits,
            "{}",
            String::from_utf8_lossy(line)
        );
    }
    ok
}

/// Where the spaced scan takes a row, the walk takes it too and reads the same
/// fields, amount and digit flag. True when the spaced scan took it.
fn assert_spaced_as_walked(line: &[u8]) -> bool {
    let mut fast = PlainRow::EMPTY;
    if scan_spaced_row(line, &mut fast).is_none() {
        return false;
    }
    let shown = String::from_utf8_lossy(line);
    let mut walked = PlainRow::EMPTY;
    assert!(scan_walked_row(line, &mut walked).is_some(), "{shown}");
    assert_eq!(spans(&fast, line), spans(&walked, line), "{shown}");
    assert_eq!(fast.value, walked.value, "{shown}");
    assert_eq!(fast.value.scale(), walked.value.scale(), "{shown}");
    assert_eq!(
        fast.value.is_sign_negative(),
        walked.value.is_sign_negative(),
        "{shown}"
    );
    assert_eq!(fast.digit_objects, walked.digit_objects, "{shown}");
    true
}

/// Where the row scan at a line's start takes the bytes of `data`, the line ends at the
/// first `\n`, and the spaced scan (so also [`scan_plain_row`]) reads it the same way.
/// True when it took them.
fn assert_row_at_as_spaced_line(data: &[u8]) -> bool {
    let mut fast = PlainRow::EMPTY;
    let Some(n) = scan_spaced_row_at(data, &mut fast) else {
        return false;
    };
    let shown = String::from_utf8_lossy(data);
    assert_eq!(data.iter().position(|&b| b == b'\n'), Some(n), "{shown}");
    let line = &data[..n];
    let mut spaced = PlainRow::EMPTY;
    assert!(scan_spaced_row(line, &mut spaced).is_some(), "{shown}");
    let mut plain = PlainRow::EMPTY;
    assert!(scan_plain_row(line, &mut plain), "{shown}");
    for r in [&spaced, &plain] {
        assert_eq!(spans(&fast, line), spans(r, line), "{shown}");
        assert_eq!(fast.value, r.value, "{shown}");
        assert_eq!(fast.value.scale(), r.value.scale(), "{shown}");
        assert_eq!(
            fast.value.is_sign_negative(),
            r.value.is_sign_negative(),
            "{shown}"
        );
        assert_eq!(fast.digit_objects, r.digit_objects, "{shown}");
    }
    true
}

/// The row followed by a line end and by bytes that a scan running past it would
/// misread (a quote, digits, a text's end), and then followed by other line ends: read
/// at the line's start. True when it was taken. Where the spaced scan reads the row
/// with its tail (`spaced`), the scan at its start takes it before a `\n`, and never
/// before a CR LF or at the end of the bytes.
fn assert_row_at_as_spaced(line: &[u8], spaced: bool) -> bool {
    let mut data = line.to_vec();
    data.extend_from_slice(b"\n\" 20251028 \"x\"\n");
    let at = assert_row_at_as_spaced_line(&data);
    if spaced && !line.contains(&b'\n') {
        assert!(at, "{}", String::from_utf8_lossy(line));
    }
    let crlf = [line, b"\r\n#TRANS 1930 {} 5\n"].concat();
    assert!(!assert_row_at_as_spaced_line(&crlf) || line.contains(&b'\n'));
    assert!(!assert_row_at_as_spaced_line(line) || line.contains(&b'\n'));
    at
}

/// Whether the spaced scan reads the whole of `line` with its own tail (not the walked
/// one): the rows that the scan at a line's start must take.
fn spaced_with_tail(line: &[u8]) -> bool {
    let mut r = PlainRow::EMPTY;
    spaced_row_head(line, &mut r).is_some_and(|e| spaced_tail::<false>(line, e, &mut r).is_some())
}

/// The fields of a voucher line, as spans.
fn ver_spans(v: &PlainVer, line: &[u8]) -> Vec<Option<(TokKind, Vec<u8>)>> {
    [
        Some(v.series),
        Some(v.number),
        Some(v.date),
        v.text,
        v.registered,
        v.signature,
    ]
    .iter()
    .map(|t| t.map(|t| (t.kind, t.bytes(line).to_vec())))
    .collect()
}

/// Where the spaced voucher scan takes a line, the general one takes it too and
/// reads the same fields. True when the spaced scan took it.
fn assert_spaced_ver_as_general(line: &[u8]) -> bool {
    let mut fast = PlainVer::EMPTY;
    if scan_spaced_ver(line, &mut fast).is_none() {
        return false;
    }
    let shown = String::from_utf8_lossy(line);
    let mut general = PlainVer::EMPTY;
    assert!(scan_plain_ver_into(line, &mut general).is_some(), "{shown}");
    assert_eq!(ver_spans(&fast, line), ver_spans(&general, line), "{shown}");
    true
}

/// Where the voucher scan at a line's start takes the bytes of `data`, the line ends at
/// the first `\n` and the general scan reads it the same way. True when it took them.
fn assert_ver_at_as_general(data: &[u8]) -> bool {
    let mut fast = PlainVer::EMPTY;
    let Some(n) = scan_spaced_ver_at(data, &mut fast) else {
        return false;
    };
    let shown = String::from_utf8_lossy(data);
    assert_eq!(data.iter().position(|&b| b == b'\n'), Some(n), "{shown}");
    let line = &data[..n];
    let mut general = PlainVer::EMPTY;
    assert!(scan_plain_ver_into(line, &mut general).is_some(), "{shown}");
    assert_eq!(ver_spans(&fast, line), ver_spans(&general, line), "{shown}");
    true
}

/// The line followed by a line end and by bytes that a scan running past it would
/// misread (a quote, digits): read at the line's start, where the spaced scan of the
/// line took it. True when it was taken.
fn assert_ver_at_as_spaced(line: &[u8], spaced: bool) -> bool {
    let mut data = line.to_vec();
    data.extend_from_slice(b"\n\" 20251028 \"x\"\n");
    let at = assert_ver_at_as_general(&data);
    // Where the spaced scan takes the line, so does the scan at its start.
    if spaced && !line.contains(&b'\n') {
        assert!(at, "{}", String::from_utf8_lossy(line));
    }
    at
}

/// Voucher lines of every shape the two scans tell apart, one space between the
/// fields and then other separators: the spaced scan takes the plain ones and reads
/// them as the general scan does.
#[test]
fn spaced_voucher_scan_is_the_general_one() {
    let series = ["A", "\"A\"", "\"\"", "\"A B\"", "B1", "{"];
    let numbers = ["1", "27930", "\"12\""];
    let dates = [
        "20251028",
        "2025102",
        "202510281",
        "2025102812",
        "2025-10-28",
        "\"\"",
    ];
    let texts = [
        "",
        " \"Öppen förskola 1\"",
        " \"\"",
        " x",
        " \"a \\\"b\\\"\"",
    ];
    let registered = ["", " \"\"", " 20251028", " x", " \"\"x"];
    let signatures = ["", " \"Anna Åberg\"", " \"\"", " y", " \"z"];
    let (mut spaced, mut general, mut at) = (0, 0, 0);
    for s in series {
        for n in numbers {
            for d in dates {
                for t in texts {
                    for r in registered {
                        for g in signatures {
                            for end in ["", " "] {
                                for sep in [" ", "  ", "\t"] {
                                    let line = format!("#VER{sep}{s} {n} {d}{t}{r}{g}{end}");
                                    let b = line.as_bytes();
                                    let taken = assert_spaced_ver_as_general(b);
                                    spaced += usize::from(taken);
                                    at += usize::from(assert_ver_at_as_spaced(b, taken));
                                    general += usize::from(
                                        scan_plain_ver_into(b, &mut PlainVer::EMPTY.clone())
                                            .is_some(),
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(spaced > 100 && spaced < general, "{spaced} {general}");
    // Read at the line's start: the same lines.
    assert_eq!(at, spaced);
}

#[test]
fn checked_scan_is_the_general_split_and_its_checks() {
    let accounts = [
        "1930",
        "0",
        "1234567890",
        "12345678901",
        "19a0",
        "\"1930\"",
        "",
        "-1",
    ];
    let lists = [
        "{}",
        "{1 \"1176\" 20 \"388\"}",
        "{1 1176 20 388}",
        "{ 1  \" 7 \" }",
        "{1 \"\"}",
        "{1 \"7a\"}",
        "{1 7a}",
        "{1 a7}",
        "{1 \"7\"20 \"8\"}",
        "{1 \"7\\\"\"}",
        "{1 {7}",
        "{1}",
        "{123456789 7}",
        "{1234567890 7}",
        "{1 \"12\"}",
        "{1 \"12\" }",
        "{1 12}",
    ];
    let amounts = [
        "11791.77",
        "-17236.82",
        "-0.00",
        "0",
        "-0",
        "5.5",
        "5.",
        ".5",
        "-.5",
        "-",
        "+5",
        "5,5",
        "5.555",
        "1.2.3",
        "12x",
        "x",
        "99999999999999999",
        "999999999999999999",
        "-9999999999999999",
        "999999999999999.9",
        "9999999999999999.9",
        "007.10",
        "\"5\"",
    ];
    let tails = [
        "",
        " 20250101",
        " \"\"",
        " 20250101 \"Städning\"",
        " \"\" \"t\"",
        " x",
        " 20250101 \"t\" 2",
        "  ",
    ];
    let (mut taken, mut digit_lists, mut spaced) = (0, 0, 0);
    let (mut at, mut tailed) = (0, 0);
    for a in accounts {
        for l in lists {
            for m in amounts {
                for t in tails {
                    for sep in [" ", "\t", "  "] {
                        let line = format!("#TRANS{sep}{a}{sep}{l}{sep}{m}{t}");
                        let b = line.as_bytes();
                        let with_tail = spaced_with_tail(b);
                        at += usize::from(assert_row_at_as_spaced(b, with_tail));
                        tailed += usize::from(with_tail);
                        spaced += usize::from(assert_spaced_as_walked(line.as_bytes()));
                        if assert_scan_as_reference(line.as_bytes()) {
                            taken += 1;
                            let mut r = PlainRow::EMPTY;
                            scan_plain_row(line.as_bytes(), &mut r);
                            digit_lists += usize::from(r.digit_objects && r.pairs_len > 0);
                        }
                    }
                }
            }
        }
    }
    // Both ways of taking a row are met, with digit and other objects.
    assert!(
        taken > 3_000 && digit_lists > 1_000 && digit_lists < taken,
        "{taken} {digit_lists}"
    );
    // The spaced scan takes some of them (single spaces, digit objects), not all.
    assert!(spaced > 200 && spaced < taken, "{spaced} {taken}");
    // Read at the line's start: the rows the spaced scan reads with its own tail.
    assert!(tailed > 100 && tailed < spaced, "{tailed} {spaced}");
    assert_eq!(at, tailed);
    for line in [
        &b"#TRANS"[..],
        b"#TRANS ",
        b"#TRANSX 1930 {} 5",
        b"#TRANS 1930",
        b"#TRANS 1930 {",
        b"#TRANS 1930 {1 7} 5\x84",
    ] {
        assert_scan_as_reference(line);
    }
}

#[test]
fn date_field_ends_are_the_general_ones() {
    for line in [
        &b"20250101"[..],
        b"20250101 x",
        b"#TRANS 1930 {} 5 20250101\t\"t\"",
        b"2025010",
        b"202501011",
        b"20250101\"",
        b"20250101\x7f",
        b"20250101\x84",
        b"2025-01-01 x",
    ] {
        for i in 0..=line.len() {
            assert_eq!(date_end(line, i), bare_end(line, i, SEP), "{line:?} at {i}");
        }
    }
}

proptest! {
    /// The fast field ends are the byte-by-byte ones: [`date_end`] and [`sep_end`]
    /// against [`bare_end`] with [`SEP`], from every place of the line.
    #[test]
    fn fast_field_ends_are_the_general_ones(
        line in proptest::collection::vec(prop_oneof![
            Just(b'2'), Just(b'0'), Just(b' '), Just(b'\t'), Just(b'"'), Just(0x7f),
            Just(0x84), Just(b'a'), any::<u8>(),
        ], 0..40),
    ) {
        for i in 0..=line.len() {
            prop_assert_eq!(date_end(&line, i), bare_end(&line, i, SEP), "{:?} at {}", line, i);
            prop_assert_eq!(sep_end(&line, i), bare_end(&line, i, SEP), "{:?} at {}", line, i);
        }
    }

    /// [`find_byte`] finds the first quote as a byte-by-byte search does, from every
    /// place (and so at every length of the padded last word), also with bytes one bit
    /// away from a quote and high bytes that could borrow.
    #[test]
    fn byte_search_is_the_byte_by_byte_one(
        line in proptest::collection::vec(prop_oneof![
            Just(b'"'), Just(b'"' ^ 0x80), Just(b'#'), Just(0u8), Just(1u8), Just(0xff),
            any::<u8>(),
        ], 0..40),
    ) {
        for i in 0..=line.len() {
            let hay = &line[i..];
            prop_assert_eq!(
                find_byte::<b'"'>(hay),
                hay.iter().position(|&b| b == b'"'),
                "{:?} from {}", line, i
            );
        }
    }

    /// The same on lines made of row pieces and arbitrary bytes.
    #[test]
    fn checked_scan_is_the_general_split_on_any_line(
        pieces in proptest::collection::vec(prop_oneof![
            proptest::sample::select(vec![
                &b"#TRANS"[..], b" ", b"\t", b"{", b"}", b"\"", b"\\\"", b"-", b".", b"1930",
                b"7", b"20", b"1176", b"20250101", b"\"\"", b"\"t x\"", b"\x84", b"12.50", b"0",
                b"a",
            ]).prop_map(|s| s.to_vec()),
            proptest::collection::vec(any::<u8>(), 1..3),
            proptest::collection::vec(b'0'..=b'9', 1..20),
        ], 0..24),
    ) {
        let mut line = b"#TRANS ".to_vec();
        for p in &pieces {
            line.extend_from_slice(p);
        }
        assert_scan_as_reference(&line);
        assert_scan_as_reference(&pieces.concat());
        assert_spaced_as_walked(&line);
        assert_row_at_as_spaced(&line, spaced_with_tail(&line));
        // And as the bytes from a line's start, line ends anywhere.
        assert_row_at_as_spaced_line(&line);
    }

    /// Voucher lines made of voucher pieces and arbitrary bytes: where the spaced
    /// scan takes one, the general scan reads it the same way.
    #[test]
    fn spaced_voucher_scan_is_the_general_one_on_any_line(
        pieces in proptest::collection::vec(prop_oneof![
            proptest::sample::select(vec![
                &b" "[..], b"  ", b"\t", b"A", b"\"A\"", b"\"\"", b"27930", b"20251028",
                b"\"L\x94n 1\"", b"\"a \\\"b\"", b"\x84", b"{", b"x",
            ]).prop_map(|s| s.to_vec()),
            proptest::collection::vec(any::<u8>(), 1..3),
        ], 0..16),
    ) {
        let mut line = b"#VER ".to_vec();
        for p in &pieces {
            line.extend_from_slice(p);
        }
        let taken = assert_spaced_ver_as_general(&line);
        assert_ver_at_as_spaced(&line, taken);
        // And as the bytes from a line's start, line end or not.
        assert_ver_at_as_general(&line);
    }

    /// Rows spaced the commonest way, with digit objects quoted or bare, amounts and
    /// tails of every kind, and then one byte of them replaced or removed: where the
    /// spaced scan takes a line, the walk reads it the same way, and the scan as a
    /// whole is the general split.
    #[test]
    fn spaced_scan_is_the_walk(
        account in "[0-9]{1,11}",
        pairs in proptest::collection::vec(("[0-9]{1,10}", "[0-9]{0,5}", any::<bool>()), 0..10),
        amount in prop_oneof![
            Just("11791.77".to_owned()), Just("-0.00".to_owned()), Just("5.5".to_owned()),
            Just("5.".to_owned()), Just("5.555".to_owned()), Just("-".to_owned()),
            "-?[0-9]{1,18}(\\.[0-9]{0,3})?",
        ],
        tail in prop_oneof![
            Just(""), Just(" 20250101"), Just(" \"\""), Just(" 20250101 \"Städning\""),
            Just(" \"\" \"t\""), Just(" x"), Just(" 20250101 \"t\" 2"), Just(" "),
        ],
        edit in proptest::option::of((any::<proptest::sample::Index>(), any::<u8>(), any::<bool>())),
    ) {
        let list: Vec<String> = pairs
            .iter()
            .map(|(d, o, q)| if *q { format!("{d} \"{o}\"") } else { format!("{d} {o}") })
            .collect();
        let mut line = format!("#TRANS {account} {{{}}} {amount}{tail}", list.join(" ")).into_bytes();
        if let Some((at, b, remove)) = edit {
            let at = at.index(line.len());
            if remove {
                line.remove(at);
            } else {
                line[at] = b;
            }
        }
        assert_spaced_as_walked(&line);
        assert_scan_as_reference(&line);
        assert_row_at_as_spaced(&line, spaced_with_tail(&line));
    }
}

#[test]
fn fields() {
    use TokKind::*;
    assert_eq!(
        toks("#TRANS 7010 {\"1\" \"456\" 7 47} 13200.00 \"\" \"a \\\"b\\\"\""),
        vec![
            (Bare, "#TRANS".into()),
            (Bare, "7010".into()),
            (Open, "{".into()),
            (Quoted, "1".into()),
            (Quoted, "456".into()),
            (Bare, "7".into()),
            (Bare, "47".into()),
            (Close, "}".into()),
            (Bare, "13200.00".into()),
            (Quoted, "".into()),
            (Escaped, "a \\\"b\\\"".into()),
        ]
    );
    assert_eq!(toks("\t#FLAGGA\t\t0  ").len(), 2);
    assert_eq!(toks("{}").len(), 2);
    assert_eq!(toks("{1 1}").len(), 4);
}

#[test]
fn lines_across_small_reads() {
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(3);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut l = Lines::new(Trickle(b"#A 1\r\n\n#B \"x y\"\n#C"), 1024);
    let mut out = Vec::new();
    while let LineEvent::Line = l.advance().unwrap() {
        out.push(String::from_utf8_lossy(l.line()).into_owned());
    }
    assert_eq!(out, vec!["#A 1", "", "#B \"x y\"", "#C"]);
}
