//! End-to-end tests: run the installed binary `kommunal` on the repository's shipped
//! data (`examples/data/`, the vendored SIE corpus `tests/data/sie-samples/`) and on
//! broken files, and check its output and exit status (0 clean, 1 findings, 2
//! unreadable input).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the library package).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn data(name: &str) -> PathBuf {
    root().join("examples/data").join(name)
}

fn sample(name: &str) -> PathBuf {
    root().join("tests/data/sie-samples").join(name)
}

/// A scratch file for this test, under cargo's per-target temporary directory.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kommunal-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn kommunal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kommunal"))
        .args(args)
        // Colours only on a terminal, and never with NO_COLOR; the tests run without a
        // terminal, so neither must matter.
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = kommunal(args);
    (
        out.status.code().expect("exit status"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

// ---- help and arguments ----

#[test]
fn help_is_swedish_and_documents_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["rapport", "--help"],
        &["lint", "--help"],
        &["granska", "--help"],
        &["lystkom", "--help"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("Användning: kommunal"), "{args:?}:\n{out}");
        assert!(out.contains("Flaggor:"), "{args:?}:\n{out}");
        assert!(out.contains("Slutstatus:"), "{args:?}:\n{out}");
        assert!(
            out.contains("2  indata kunde inte läsas"),
            "{args:?}:\n{out}"
        );
        for english in [
            "Usage:",
            "Options:",
            "Print help",
            "[default",
            "Possible values",
        ] {
            assert!(!out.contains(english), "{args:?}: {english:?} in\n{out}");
        }
    }
    let (_, out, _) = run(&["--help"]);
    for command in ["rapport", "lint", "granska", "lystkom"] {
        assert!(out.contains(command), "{out}");
    }
}

#[test]
fn wrong_arguments_exit_2_with_a_swedish_message() {
    let (code, out, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("ett kommando behövs"), "{err}");

    let (code, _, err) = run(&["bokslut"]);
    assert_eq!(code, 2);
    assert!(err.contains("okänt kommando: bokslut"), "{err}");

    let (code, _, err) = run(&["rapport", "--format", "pdf", "x.se"]);
    assert_eq!(code, 2);
    assert!(err.contains("ogiltigt värde \"pdf\" för --format"), "{err}");
    assert!(err.contains("markdown"), "{err}");

    let (code, _, err) = run(&["lint"]);
    assert_eq!(code, 2);
    assert!(err.contains("obligatoriskt argument saknas"), "{err}");

    let (code, _, err) = run(&["rapport", "--exempel", "x.se"]);
    assert_eq!(code, 2);
    assert!(err.contains("kan inte kombineras"), "{err}");
}

// ---- rapport ----

#[test]
fn rapport_on_the_example_ledger_builds_balanced_statements() {
    let (code, out, err) = run(&["rapport", "--exempel"]);
    assert_eq!(code, 0, "{err}");
    // Piped, not a terminal: no progress and no colour.
    assert!(err.is_empty(), "{err}");
    assert!(!out.contains('\u{1b}'), "colour escape in piped output");
    assert!(
        out.contains("Exempelkommunen (påhittad) — räkenskapsår 2025"),
        "{out}"
    );
    // Figures of examples/data/exempelkommun.se (tkr): the statement's own sums, in
    // Swedish format (a no-break space between thousands, a real minus sign).
    assert!(
        out.lines()
            .any(|l| l.starts_with("Verksamhetens nettokostnader")
                && l.ends_with("\u{2212}74\u{a0}100")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("Årets resultat") && l.ends_with("2\u{a0}600")),
        "{out}"
    );
    assert!(
        out.contains("Driftredovisning per objekt i dimension 1"),
        "{out}"
    );
    assert!(out.contains("balansräkningen balanserar"), "{out}");
}

#[test]
fn rapport_reads_a_file_with_the_kommun_bas_chart() {
    let file = data("exempelkommun.se");
    let (code, out, err) = run(&["rapport", p(&file), "--scale", "mnkr"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Belopp i mnkr"), "{out}");
    assert!(
        out.contains(&format!(
            "Fil: {} (SIE typ 4), 42 verifikationer.",
            p(&file)
        )),
        "{out}"
    );
}

#[test]
fn rapport_writes_every_format() {
    let (code, md, _) = run(&["rapport", "--exempel", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(md.contains("## Nyckeltal"), "{md}");
    assert!(
        md.contains("| **Årets resultat** | | **2\u{a0}600** |"), // the note column is empty
        "{md}"
    );

    let (code, csv, _) = run(&["rapport", "--exempel", "--format", "csv", "--scale", "kr"]);
    assert_eq!(code, 0);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("arets_resultat;Årets resultat;summa;")
                && l.ends_with(";2600000")),
        "{csv}"
    );

    let (code, html, _) = run(&["rapport", "--exempel", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.contains("<table"), "{html}");
    assert!(html.contains("<h2>Nyckeltal</h2>"), "{html}");

    let (code, json, _) = run(&["rapport", "--exempel", "--format", "json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["financial_year"], 2025);
    assert_eq!(doc["problems"], serde_json::json!([]));
    assert!(doc["income_statement"].is_object(), "{doc}");
    assert!(doc["balance_sheet"].is_object(), "{doc}");
}

#[test]
fn rapport_on_a_truncated_ledger_is_a_finding_not_a_clean_report() {
    let text = std::fs::read(data("exempelkommun.se")).unwrap();
    // Cut after the fifth voucher's opening brace and its first row.
    let lines: Vec<&[u8]> = text.split_inclusive(|b| *b == b'\n').collect();
    let open = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with(b"{"))
        .nth(4)
        .unwrap()
        .0;
    let file = scratch("avkortad.se", &lines[..=open + 1].concat());
    let (code, out, _) = run(&["rapport", p(&file)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("balanserar inte"), "{out}");
    // The closing line says so, and names the file's errors.
    let closing = out.lines().last().unwrap();
    assert!(
        closing.starts_with("Stämmer inte: 2 fel i filen"),
        "{closing}"
    );
    // The reader says why: the file ends inside a voucher.
    let (code, out, _) = run(&["lint", p(&file)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("filen slutar inne i verifikation"), "{out}");
}

/// Distinct invalid account numbers beyond the first 1 000 are counted, not kept
/// (issue 19): the report lists the kept ones, says how many rows and how much was left
/// out, and exits 1; the JSON document carries the same counts.
#[test]
fn rapport_counts_invalid_accounts_beyond_the_first_thousand() {
    let mut f = String::from(
        "#FLAGGA 0\n#PROGRAM \"T\" 1\n#FORMAT PC8\n#GEN 20250701\n#SIETYP 4\n#FNAMN \"H\"\n\
         #RAR 0 20250101 20251231\n#KONTO 1930 \"Bank\"\n#UB 0 1930 -3030\n",
    );
    for i in 0..1_010 {
        f.push_str(&format!(
            "#VER A {i} 20250115\n{{\n#TRANS 5{i}AF {{}} 3\n#TRANS 1930 {{}} -3\n}}\n"
        ));
    }
    let file = scratch("ogiltiga_konton.se", f.as_bytes());
    let (code, out, _) = run(&["rapport", p(&file)]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.lines().filter(|l| l.contains("AF :")).count(), 1_000);
    assert!(
        out.contains(
            "Utöver de första 1000 ogiltiga kontonumren: 10 verifikationsrader (30,00 kr)"
        ),
        "{out}"
    );
    let closing = out.lines().last().unwrap();
    assert!(closing.starts_with("Stämmer inte:"), "{closing}");
    assert!(
        closing.contains("10 poster på ytterligare ogiltiga kontonummer"),
        "{closing}"
    );
    let (code, out, _) = run(&["rapport", "--format", "json", p(&file)]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["invalid_accounts_beyond"]["rows"], 10);
    assert_eq!(doc["invalid_accounts_beyond"]["amount"], "30.00");
    assert_eq!(doc["unmapped"].as_array().unwrap().len(), 1_000);
    assert_eq!(doc["verdict"]["invalid_accounts_not_kept"], 10);
}

#[test]
fn rapport_refuses_unreadable_input() {
    let empty = scratch("tom.se", b"");
    let text = scratch("text.se", b"Detta \xe4r ingen SIE-fil\nbara text\n");
    let garbage: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let garbage = scratch("skrap.se", &garbage);
    for file in [&empty, &text, &garbage] {
        let (code, out, err) = run(&["rapport", p(file)]);
        assert_eq!(code, 2, "{}: {out}{err}", file.display());
        assert!(out.is_empty(), "{}: {out}", file.display());
        assert!(err.contains("inga saldon eller verifikationer"), "{err}");
    }
    let (code, _, err) = run(&["rapport", "finns-inte.se"]);
    assert_eq!(code, 2);
    assert!(err.contains("finns-inte.se"), "{err}");

    let mapping = scratch("karta.json", b"{\"overides\": {}}");
    let (code, _, err) = run(&[
        "rapport",
        p(&data("exempelkommun.se")),
        "--mapping",
        p(&mapping),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("kontoplanen"), "{err}");
    // serde's words and place in Swedish.
    assert!(
        err.contains("okänt fält `overides`, väntade `extends` eller `rules` (rad 1, kolumn 11)"),
        "{err}"
    );
    // A rule the chart refuses: the library's Swedish text.
    let mapping = scratch("karta-regel.json", br#"{"rules": [{"accounts": {"prefix": "3x"}, "target": {"income": "operating_revenue"}}]}"#);
    let (code, _, err) = run(&[
        "rapport",
        p(&data("exempelkommun.se")),
        "--mapping",
        p(&mapping),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("ogiltig regel: kontomönstret \"3x\" är inte bara siffror"),
        "{err}"
    );
    // A file that is not there.
    let (code, _, err) = run(&["rapport", "finns-inte.se"]);
    assert_eq!(code, 2);
    assert!(err.contains("finns-inte.se: filen finns inte"), "{err}");
}

// ---- lint ----

#[test]
fn lint_counts_and_sums_the_example_ledger() {
    let file = data("exempelkommun.se");
    let (code, out, err) = run(&["lint", p(&file)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("SIE typ 4"), "{out}");
    assert!(out.contains("42 verifikationer"), "{out}");
    assert!(out.contains("summa per konto (kr):"), "{out}");
    // Sums in Swedish form: grouped, decimal comma, true minus sign.
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("1119")
                && l.ends_with("\u{2212}2\u{a0}500\u{a0}000,00")),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn lint_json_is_one_document_per_file() {
    let files = [
        data("exempelkommun.se"),
        sample("Sie4.se"),
        sample("Sie1.se"),
    ];
    let mut args = vec!["lint", "--json"];
    args.extend(files.iter().map(|f| p(f)));
    let (_, out, _) = run(&args);
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["vouchers"], 42);
    assert_eq!(docs[0]["read_error"], serde_json::Value::Null);
    assert_eq!(docs[1]["sie_type"], 4);
    assert!(
        docs[1]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["message"]
                .as_str()
                .unwrap()
                .starts_with("kontonumret \"FEL\" är inte 1 till 10 siffror")),
        "{}",
        docs[1]
    );
    // The messages are Swedish; the severities keep their machine names.
    for d in docs[1]["diagnostics"].as_array().unwrap() {
        let severity = d["severity"].as_str().unwrap();
        assert!(
            ["notice", "warning", "error"].contains(&severity),
            "{severity}"
        );
    }
}

#[test]
fn lint_reads_the_whole_vendored_corpus() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data/sie-samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 63);
    let mut args = vec!["lint", "--json"];
    args.extend(files.iter().map(|f| p(f)));
    let (code, out, err) = run(&args);
    // Some samples have errors (an unbalanced voucher, a checksum, …), none is unreadable.
    assert!(code == 0 || code == 1, "{code}: {err}");
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 63);
    for d in &docs {
        assert_eq!(d["read_error"], serde_json::Value::Null, "{d}");
        assert!(d["records"].as_u64().unwrap() > 0, "{d}");
    }
}

#[test]
fn lint_exits_1_for_an_error_level_diagnostic() {
    // Sie1.se carries a #KSUMMA checksum; change one digit of the first #UB amount.
    let mut bytes = std::fs::read(sample("Sie1.se")).unwrap();
    let pos = bytes.windows(3).position(|w| w == b"#UB").unwrap();
    let digit = bytes[pos..]
        .iter()
        .position(|b| b.is_ascii_digit())
        .unwrap()
        + pos
        + 6;
    bytes[digit] = if bytes[digit] == b'9' { b'8' } else { b'9' };
    let file = scratch("andrad-ksumma.se", &bytes);
    let (code, out, _) = run(&["lint", p(&file)]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("#KSUMMA: fel: kontrollsumman stämmer inte"),
        "{out}"
    );
    // The untouched file is clean.
    let (code, out, _) = run(&["lint", p(&sample("Sie1.se"))]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn lint_refuses_unreadable_input() {
    let empty = scratch("lint-tom.se", b"");
    let (code, out, _) = run(&["lint", p(&empty)]);
    assert_eq!(code, 2);
    assert!(out.contains("kan inte läsas: filen är tom"), "{out}");

    let text = scratch("lint-text.se", b"hej\nhopp\n");
    let (code, out, _) = run(&["lint", p(&text)]);
    assert_eq!(code, 2);
    assert!(out.contains("ingen SIE-post"), "{out}");

    let (code, _, err) = run(&["lint", "finns-inte.se"]);
    assert_eq!(code, 2);
    assert!(err.contains("finns-inte.se: kan inte öppnas"), "{err}");

    // One unreadable file among good ones: the worst status wins.
    let (code, out, _) = run(&["lint", p(&data("exempelkommun.se")), p(&empty)]);
    assert_eq!(code, 2);
    assert!(out.contains("42 verifikationer"), "{out}");
}

// ---- granska ----

#[test]
fn granska_the_shipped_printed_statements() {
    // Grästorp's resultaträkning 2019: every sum agrees.
    let (code, out, _) = run(&["granska", p(&data("grastorp_rs_2019.json"))]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Summa: 0 fel, 0 avrundningsdifferenser"),
        "{out}"
    );
    // Its balansräkning 2020: one rounding difference only, which is clean.
    let (code, out, _) = run(&["granska", p(&data("grastorp_br_2020.json"))]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Summa: 0 fel, 1 avrundningsdifferenser"),
        "{out}"
    );
    // Both years together: one error.
    let (code, out, _) = run(&["granska", p(&data("grastorp_2019_2020.json"))]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Summa: 1 fel"), "{out}");
}

#[test]
fn granska_json_summary_of_the_provoking_file() {
    let (code, out, _) = run(&["granska", "--json", p(&data("provoke_findings.json"))]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["summary"]["errors"], 8, "{doc}");
    assert_eq!(doc["summary"]["rounding"], 4, "{doc}");
    assert_eq!(doc["summary"]["unplaced"], 3, "{doc}");
}

#[test]
fn granska_refuses_unreadable_input() {
    let empty = scratch("tom.json", b"");
    let broken = scratch("trasig.json", b"{\"statement\": \"income\", \"rows\": [");
    let other = data("exempelkommun-karta.json");
    for file in [&empty, &broken, &other] {
        let (code, out, err) = run(&["granska", p(file)]);
        assert_eq!(code, 2, "{}: {out}{err}", file.display());
        assert!(out.is_empty());
        assert!(err.starts_with("kommunal granska: "), "{err}");
    }
    let (code, _, _) = run(&["granska", "finns-inte.json"]);
    assert_eq!(code, 2);
}

// ---- lystkom ----

#[test]
fn lystkom_prints_the_worked_case_and_writes_documents() {
    let (code, out, err) = run(&["lystkom"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Kommunalförbundet Lystkom — delårsrapport"),
        "{out}"
    );
    // Section 1.3, the forecast table's total row (tkr).
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("Totalt") && l.ends_with(" 515")),
        "{out}"
    );
    assert!(out.contains("Överensstämmelse (0 stämmer inte"), "{out}");
    assert!(out.contains("Inga filer skrivna"), "{out}");

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lystkom-out");
    let _ = std::fs::remove_dir_all(&dir);
    let (code, out, err) = run(&["lystkom", "--out", p(&dir)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skrev "), "{out}");
    let md = std::fs::read_to_string(dir.join("lystkom-delarsrapport-2025-granskning.md")).unwrap();
    assert!(md.contains("Lystkom"), "{md}");
    let html =
        std::fs::read_to_string(dir.join("lystkom-delarsrapport-2025-granskning.html")).unwrap();
    assert!(html.contains("<html"), "{html}");
}
