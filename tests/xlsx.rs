//! Excel workbooks (feature `xlsx`), read back with calamine: cells, number formats,
//! bold subtotals and live SUM formulas.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind, tables_to_xlsx};
use kommunal_redovisning::report::DocumentMode;
use kommunal_redovisning::statement::StatementRowKind as RowKind;
use kommunal_redovisning::{Amount, Scale};

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).unwrap()
}

/// A part of the .xlsx (a zip of XML files) as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The style index (`s="N"`) of cell `cell` (e.g. "B5") in a sheet's XML.
fn style_of(sheet_xml: &str, cell: &str) -> usize {
    let at = sheet_xml.find(&format!("<c r=\"{cell}\"")).unwrap();
    let rest = &sheet_xml[at..];
    let end = rest.find('>').unwrap();
    let tag = &rest[..end];
    tag.split("s=\"")
        .nth(1)
        .map_or(0, |s| s.split('"').next().unwrap().parse().unwrap())
}

/// Whether the cell format `xf` (an index into cellXfs) uses a bold font, and its
/// number format code.
fn xf(styles: &str, xf: usize) -> (bool, String) {
    let fonts: Vec<&str> = styles
        .split("<fonts")
        .nth(1)
        .unwrap()
        .split("</fonts>")
        .next()
        .unwrap()
        .split("<font>")
        .skip(1)
        .collect();
    let xfs: Vec<&str> = styles
        .split("<cellXfs")
        .nth(1)
        .unwrap()
        .split("</cellXfs>")
        .next()
        .unwrap()
        .split("<xf ")
        .skip(1)
        .collect();
    let attr = |tag: &str, name: &str| -> usize {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .map_or(0, |s| s.split('"').next().unwrap().parse().unwrap())
    };
    let x = xfs[xf];
    let font = attr(x, "fontId");
    let num = attr(x, "numFmtId");
    let bold = fonts.get(font).is_some_and(|f| f.contains("<b/>"));
    let code = styles
        .split(&format!("numFmtId=\"{num}\" formatCode=\""))
        .nth(1)
        .map_or(String::new(), |s| s.split('"').next().unwrap().to_owned());
    (bold, code.replace("&quot;", "\""))
}

fn grastorp() -> Table {
    // Grästorps kommun, resultaträkning 2019 (tkr), reference/domain.md §1.2.
    let layout = kommunal_redovisning::statement::StatementLayout::new(
        kommunal_redovisning::EntityKind::Kommun,
        kommunal_redovisning::FinancialYear::new(2019),
    );
    let rs = kommunal_redovisning::IncomeStatement {
        operating_revenue: Amount::tkr(101_282),
        operating_expenses: Amount::tkr(-417_698),
        depreciation: Amount::tkr(-14_879),
        tax_revenue: Amount::tkr(257_770),
        general_grants: Amount::tkr(86_552),
        financial_income: Amount::tkr(794),
        financial_expenses: Amount::tkr(-1_778),
        ..Default::default()
    };
    Table::income_statement(
        "Resultaträkning 2019",
        Scale::Tkr,
        &layout,
        &[(Column::outcome("2019"), &rs)],
    )
    .unwrap()
}

#[test]
fn a_table_reads_back_with_figures_formats_and_formulas() {
    let t = grastorp();
    let bytes = t.to_xlsx().unwrap();
    let mut wb = open(&bytes);
    assert_eq!(wb.sheet_names(), ["Resultaträkning 2019"]);
    let range = wb.worksheet_range("Resultaträkning 2019").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String("Resultaträkning 2019".into()));
    assert_eq!(cell(1, 0), Data::String("Belopp i tkr".into()));
    assert_eq!(cell(1, 1), Data::String("2019".into()));
    assert_eq!(cell(2, 0), Data::String("Verksamhetens intäkter".into()));
    assert_eq!(cell(2, 1), Data::Float(101_282.0));
    assert_eq!(cell(3, 1), Data::Float(-417_698.0));
    // Verksamhetens nettokostnader: a SUM over its three lines, its cached result the
    // printed figure.
    assert_eq!(
        cell(5, 0),
        Data::String("Verksamhetens nettokostnader".into())
    );
    assert_eq!(cell(5, 1), Data::Float(-331_295.0));
    let formulas = wb.worksheet_formula("Resultaträkning 2019").unwrap();
    let formula = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    assert_eq!(formula(5, 1), "SUM(B3,B4,B5)");
    // Årets resultat is the sum of the sums above it, each a formula: an edited line
    // re-foots all of them.
    let last = u32::try_from(t.rows.len()).unwrap() + 1;
    assert_eq!(cell(last, 0), Data::String("Årets resultat".into()));
    assert_eq!(cell(last, 1), Data::Float(12_043.0));
    assert!(formula(last, 1).starts_with("SUM("), "{}", formula(last, 1));
    // Formats: lines plain with the Swedish format and the true minus sign; sums bold.
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let styles = part(&bytes, "xl/styles.xml");
    let (bold, code) = xf(&styles, style_of(&sheet, "B4"));
    assert!(!bold);
    assert_eq!(code, "#,##0;\"\u{2212}\"#,##0;0");
    let (bold, code) = xf(&styles, style_of(&sheet, "B6"));
    assert!(bold);
    assert_eq!(code, "#,##0;\"\u{2212}\"#,##0;0");
    assert!(xf(&styles, style_of(&sheet, &format!("A{}", last + 1))).0);
}

#[test]
fn an_unfooted_table_is_refused_and_a_rounded_one_written() {
    let mut t = Table::new("T", Scale::Tkr, vec![Column::outcome("2025")]);
    for (id, kr) in [("a", 1_400), ("b", 1_400), ("c", -1_300)] {
        t.push_row(TableRow::new(
            id,
            id,
            RowKind::Line,
            ValueKind::Flow,
            vec![Some(Amount::kr(kr))],
        ))
        .unwrap();
    }
    t.push_row(
        TableRow::new(
            "s",
            "Summa",
            RowKind::Total,
            ValueKind::Flow,
            vec![Some(Amount::kr(1_500))],
        )
        .with_sum_of(["a", "b", "c"]),
    )
    .unwrap();
    // 1 + 1 − 1 printed under a sum printed 2: its formula would show 1.
    let err = t.to_xlsx().unwrap_err().to_string();
    assert!(err.contains("avrunda tabellen först"), "{err}");
    let footed = t
        .rounded(&kommunal_redovisning::present::Rounding::new(Scale::Tkr))
        .unwrap()
        .table;
    let bytes = tables_to_xlsx(&[&footed, &footed]).unwrap();
    let mut wb = open(&bytes);
    assert_eq!(wb.sheet_names(), ["T", "T (2)"]);
    let range = wb.worksheet_range("T").unwrap();
    assert_eq!(range.get_value((5, 1)), Some(&Data::Float(2.0)));
}

#[test]
fn a_whole_report_has_a_sheet_per_table() {
    let r = super::report::lystkom();
    let doc = r.document_in(DocumentMode::Publish).unwrap();
    let bytes = doc.to_xlsx().unwrap();
    let mut wb = open(&bytes);
    let names = wb.sheet_names();
    assert_eq!(
        names,
        ["Prognos för resultat i förhålla", "Ekonomisk ställning"]
    );
    let range = wb.worksheet_range("Ekonomisk ställning").unwrap();
    assert_eq!(
        range.get_value((2, 0)),
        Some(&Data::String("Eget kapital".into()))
    );
    assert_eq!(range.get_value((2, 1)), Some(&Data::Float(8_521.0)));
    // Soliditet as a percentage: 23,3 % stored as 0,233 with the format "0.0 %".
    assert_eq!(
        range.get_value((4, 0)),
        Some(&Data::String("Soliditet".into()))
    );
    assert_eq!(range.get_value((4, 1)), Some(&Data::Float(0.233)));
    let sheet = part(&bytes, "xl/worksheets/sheet2.xml");
    let styles = part(&bytes, "xl/styles.xml");
    assert_eq!(xf(&styles, style_of(&sheet, "B5")).1, "0.0\" \"%");
    // The forecast's total is a formula over the verksamheter.
    let formulas = wb
        .worksheet_formula("Prognos för resultat i förhålla")
        .unwrap();
    assert_eq!(
        formulas.get_value((6, 2)).cloned().unwrap_or_default(),
        "SUM(C3,C4,C5,C6)"
    );
}
