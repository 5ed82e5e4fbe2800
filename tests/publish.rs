//! A report a kommun can publish: report-wide rounding (one figure, one printed value),
//! checked with the crate's own checker.

use kommunal_redovisning::check::{
    DiscrepancyClass, PrintedReport, PrintedStatement, StatementKind, check_report,
};
use kommunal_redovisning::ledger::{Chart, LedgerStatements, SieLedger};
use kommunal_redovisning::present::{
    CellRef, Column, ReportRounding, Rounding, SharedFigure, Table, TableRow, ValueKind,
};
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::statement::{StatementLayout, StatementRowKind as RowKind};
use kommunal_redovisning::{
    Amount, BalanceSheet, EntityKind, FinancialYear, IncomeStatement, RoundingMode, Scale,
};
use proptest::prelude::*;
use std::io::Cursor;

/// An SIE 4 file of one financial year (2025) with these vouchers, each a list of
/// (account, amount in öre).
fn sie(vouchers: &[Vec<(&str, i64)>]) -> String {
    let mut s = String::from("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n");
    for (n, v) in vouchers.iter().enumerate() {
        s.push_str(&format!("#VER A {} 20250115 \"v\"\n{{\n", n + 1));
        for (account, ore) in v {
            let sign = if *ore < 0 { "-" } else { "" };
            let a = ore.unsigned_abs();
            s.push_str(&format!(
                "#TRANS {account} {{}} {sign}{}.{:02}\n",
                a / 100,
                a % 100
            ));
        }
        s.push_str("}\n");
    }
    s
}

/// RS and BR of a ledger as tables in tkr (one outcome column each).
fn statement_tables(text: &str) -> [Table; 2] {
    let ledger = SieLedger::read(text.as_bytes(), ReadOptions::default()).unwrap();
    let s = LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0).unwrap();
    assert!(s.unmapped.is_empty(), "{:?}", s.unmapped);
    s.balance.validate().unwrap();
    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    let col = Column::outcome("2025");
    [
        Table::income_statement(
            "Resultaträkning",
            Scale::Tkr,
            &layout,
            &[(col.clone(), &s.income)],
        )
        .unwrap(),
        Table::balance_sheet("Balansräkning", Scale::Tkr, &layout, &[(col, &s.balance)]).unwrap(),
    ]
}

/// What the crate's checker says about a resultaträkning and a balansräkning as printed.
fn errors_in(rs: &Table, br: &Table) -> Vec<String> {
    let report = PrintedReport {
        entity: None,
        source: None,
        tables: vec![
            PrintedStatement::from_table(StatementKind::IncomeStatement, rs),
            PrintedStatement::from_table(StatementKind::BalanceSheet, br),
        ],
    };
    check_report(&report)
        .into_iter()
        .filter(|f| f.class == DiscrepancyClass::Error)
        .map(|f| f.message)
        .collect()
}

fn value(t: &Table, id: &str) -> Option<Amount> {
    t.row(id).and_then(|r| r.cell(0))
}

/// Regression (issue 17): one voucher 1930 +500, 3110 −400, 2010 −100 kr printed
/// årets resultat 0 tkr in the resultaträkning and 1 tkr in the balansräkning.
#[test]
fn one_voucher_prints_one_result() {
    let [rs, br] = statement_tables(&sie(&[vec![
        ("1930", 50_000),
        ("3110", -40_000),
        ("2010", -10_000),
    ]]));
    // Table by table (as sie_rapport did): the defect.
    let r = Rounding::new(Scale::Tkr);
    let (rs1, br1) = (rs.rounded(&r).unwrap().table, br.rounded(&r).unwrap().table);
    assert_eq!(value(&rs1, "arets_resultat"), Some(Amount::ZERO));
    assert_eq!(value(&br1, "arets_resultat"), Some(Amount::tkr(1)));
    assert!(!errors_in(&rs1, &br1).is_empty());
    // Rounded together: 0 in both, the tables foot, the checker finds nothing.
    let report = ReportRounding::default().round(&[rs, br]).unwrap();
    let (rs2, br2) = (&report.tables[0].table, &report.tables[1].table);
    assert_eq!(value(rs2, "arets_resultat"), Some(Amount::ZERO));
    assert_eq!(value(br2, "arets_resultat"), Some(Amount::ZERO));
    assert_eq!(value(br2, "summa_tillgangar"), Some(Amount::tkr(1)));
    assert_eq!(value(br2, "summa_eget_kapital"), Some(Amount::tkr(1)));
    assert!(report.tables.iter().all(|t| t.differences.is_empty()));
    assert_eq!(errors_in(rs2, br2), Vec::<String>::new());
    let shared = report
        .shared
        .iter()
        .find(|s| s.cells.iter().any(|c| c.row == "arets_resultat"))
        .unwrap();
    assert_eq!(shared.printed, Amount::ZERO);
    assert_eq!(shared.exact, Amount::kr(400));
    assert_eq!(shared.cells.len(), 2);
}

/// A sum whose only free lines cannot take the unit by rounding: the largest free
/// line absorbs it and is reported as the row that absorbed the difference.
#[test]
fn absorbing_row_is_named() {
    let rs = IncomeStatement {
        operating_revenue: Amount::kr(400),
        ..Default::default()
    };
    // Summa eget kapital 0,4 (årets resultat alone) but summa skulder 0,1: the unit
    // that summa eget kapital, avsättningar och skulder (0,5 → 1) needs goes to the
    // skulder, which can take it by rounding up, not to eget kapital, whose only
    // figure is pinned.
    let br = BalanceSheet {
        cash_and_bank: Amount::kr(500),
        result_for_the_year: Amount::kr(400),
        long_term_liabilities: Amount::kr(100),
        ..Default::default()
    };
    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    let col = Column::outcome("2025");
    let tables = [
        Table::income_statement("RS", Scale::Tkr, &layout, &[(col.clone(), &rs)]).unwrap(),
        Table::balance_sheet("BR", Scale::Tkr, &layout, &[(col.clone(), &br)]).unwrap(),
    ];
    let report = ReportRounding::default().round(&tables).unwrap();
    let br1 = &report.tables[1].table;
    assert_eq!(value(br1, "summa_eget_kapital"), Some(Amount::ZERO));
    assert_eq!(value(br1, "langfristiga_skulder"), Some(Amount::tkr(1)));
    assert!(report.adjustments.is_empty(), "{:?}", report.adjustments);

    // A note pinned to a total its free lines cannot reach by rounding: three lines of
    // 0,4 under a total of 1,2 that the note shares with a statement line printed as 1
    // … and a second table that pins every line to 0: the largest line absorbs.
    let mut note = Table::new("Not 1", Scale::Tkr, vec![Column::outcome("2025")]);
    for (id, kr) in [("a", 400), ("b", 300), ("c", 0)] {
        note.push_row(TableRow::new(
            id,
            id,
            RowKind::Line,
            ValueKind::Stock,
            vec![Some(Amount::kr(kr))],
        ))
        .unwrap();
    }
    note.push_row(
        TableRow::new(
            "summa",
            "Summa",
            RowKind::Total,
            ValueKind::Stock,
            vec![Some(Amount::kr(700))],
        )
        .with_sum_of(["a", "b", "c"]),
    )
    .unwrap();
    let mut line = Table::new("Post", Scale::Tkr, vec![Column::outcome("2025")]);
    line.push_row(TableRow::new(
        "post",
        "Post",
        RowKind::Line,
        ValueKind::Stock,
        vec![Some(Amount::kr(700))],
    ))
    .unwrap();
    line.push_row(TableRow::new(
        "a",
        "a",
        RowKind::Line,
        ValueKind::Stock,
        vec![Some(Amount::kr(400))],
    ))
    .unwrap();
    line.push_row(TableRow::new(
        "b",
        "b",
        RowKind::Line,
        ValueKind::Stock,
        vec![Some(Amount::kr(300))],
    ))
    .unwrap();
    let rounding = ReportRounding::default().with_shared(SharedFigure::new(
        "Posten",
        [CellRef::new(0, "summa", 0), CellRef::new(1, "post", 0)],
    ));
    let report = rounding.round(&[note, line]).unwrap();
    let n = &report.tables[0].table;
    // 0,7 → 1 shared; a (0,4) and b (0,3) pinned to 0 by the other table: c (exact 0)
    // is the only free line and absorbs the unit.
    assert_eq!(value(n, "summa"), Some(Amount::tkr(1)));
    assert_eq!(value(n, "a"), Some(Amount::ZERO));
    assert_eq!(value(n, "c"), Some(Amount::tkr(1)));
    assert!(report.tables[0].differences.is_empty());
    assert_eq!(report.adjustments.len(), 1);
    let adj = &report.adjustments[0];
    assert_eq!((adj.table, adj.row_id.as_str()), (0, "c"));
    assert_eq!((adj.exact, adj.printed), (Amount::ZERO, Amount::tkr(1)));
}

/// Where footing and pinning cannot both hold (every part of a sum is pinned), the
/// difference stays and is reported for that table.
#[test]
fn impossible_footing_is_reported() {
    let mut t = Table::new("T", Scale::Tkr, vec![Column::outcome("2025")]);
    for (id, kr) in [("a", 400), ("b", 400)] {
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
            vec![Some(Amount::kr(800))],
        )
        .with_sum_of(["a", "b"]),
    )
    .unwrap();
    let mut other = Table::new("U", Scale::Tkr, vec![Column::outcome("2025")]);
    for (id, kr) in [("a", 400), ("b", 400)] {
        other
            .push_row(TableRow::new(
                id,
                id,
                RowKind::Line,
                ValueKind::Flow,
                vec![Some(Amount::kr(kr))],
            ))
            .unwrap();
    }
    let report = ReportRounding::default()
        .round(&[t.clone(), other])
        .unwrap();
    let d = &report.tables[0].differences;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].row_id, "s");
    assert_eq!(d[0].difference, Amount::tkr(1));
    // Named shared cells must hold one figure.
    let bad = ReportRounding::default().with_shared(SharedFigure::new(
        "x",
        [CellRef::new(0, "a", 0), CellRef::new(0, "s", 0)],
    ));
    assert!(bad.round(&[t.clone()]).is_err());
    let missing =
        ReportRounding::default().with_shared(SharedFigure::new("x", [CellRef::new(0, "zz", 0)]));
    assert!(missing.round(&[t]).is_err());
}

/// Accounts of a small kommun ledger (Kommun-Bas): balance and result accounts.
const ACCOUNTS: [&str; 12] = [
    "1110", "1510", "1930", "2010", "2350", "2440", "3110", "4010", "5010", "7010", "8010", "8410",
];

fn voucher() -> impl Strategy<Value = Vec<(usize, i64)>> {
    prop::collection::vec(
        (
            0..ACCOUNTS.len(),
            prop_oneof![-99_999_i64..99_999, -99_999_999_i64..99_999_999],
        ),
        1..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Over random balanced ledgers: RS and BR rounded together print årets resultat
    /// the same, foot, and the crate's own checker finds no error in them.
    #[test]
    fn rounded_reports_pass_the_checker(
        vouchers in prop::collection::vec(voucher(), 1..6),
        mnkr in any::<bool>(),
    ) {
        let vouchers: Vec<Vec<(&str, i64)>> = vouchers
            .iter()
            .map(|v| {
                let mut rows: Vec<(&str, i64)> = v.iter().map(|(a, o)| (ACCOUNTS[*a], *o)).collect();
                let rest: i64 = rows.iter().map(|r| r.1).sum();
                rows.push(("2440", -rest));
                rows
            })
            .collect();
        let [mut rs, mut br] = statement_tables(&sie(&vouchers));
        if mnkr {
            for t in [&mut rs, &mut br] {
                t.unit = Scale::Mnkr;
                t.decimals = 1;
            }
        }
        let report = ReportRounding::new(RoundingMode::HalfAwayFromZero).round(&[rs, br]).unwrap();
        for t in &report.tables {
            prop_assert!(t.differences.is_empty(), "{:?}", t.differences);
        }
        let (rs, br) = (&report.tables[0].table, &report.tables[1].table);
        prop_assert_eq!(value(rs, "arets_resultat"), value(br, "arets_resultat"));
        let errors = errors_in(rs, br);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    /// Hand-built statements (any figures that balance): the same.
    #[test]
    fn hand_built_reports_pass_the_checker(
        lines in prop::collection::vec(-9_999_999_i64..9_999_999, 7),
        assets in prop::collection::vec(0_i64..9_999_999, 6),
        equity in prop::collection::vec(-999_999_i64..999_999, 2),
    ) {
        let rs = IncomeStatement {
            operating_revenue: Amount::kr(lines[0]),
            operating_expenses: Amount::kr(lines[1]),
            depreciation: Amount::kr(lines[2]),
            tax_revenue: Amount::kr(lines[3]),
            general_grants: Amount::kr(lines[4]),
            financial_income: Amount::kr(lines[5]),
            financial_expenses: Amount::kr(lines[6]),
            ..Default::default()
        };
        let result = rs.result_for_the_year();
        let mut br = BalanceSheet {
            land_and_buildings: Amount::kr(assets[0]),
            machinery_and_equipment: Amount::kr(assets[1]),
            financial_fixed_assets: Amount::kr(assets[2]),
            receivables: Amount::kr(assets[3]),
            short_term_investments: Amount::kr(assets[4]),
            cash_and_bank: Amount::kr(assets[5]),
            result_for_the_year: result,
            result_reserve: Amount::kr(equity[0]),
            other_equity: Amount::kr(equity[1]),
            ..Default::default()
        };
        let gap = br.total_assets() - br.total_equity_and_liabilities();
        br.current_liabilities = gap;
        br.validate().unwrap();
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let col = Column::outcome("2025");
        let tables = [
            Table::income_statement("RS", Scale::Tkr, &layout, &[(col.clone(), &rs)]).unwrap(),
            Table::balance_sheet("BR", Scale::Tkr, &layout, &[(col, &br)]).unwrap(),
        ];
        let report = ReportRounding::default().round(&tables).unwrap();
        for t in &report.tables {
            prop_assert!(t.differences.is_empty(), "{:?}", t.differences);
        }
        let errors = errors_in(&report.tables[0].table, &report.tables[1].table);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

// ---------------------------------------------------------------------------------
// Publish and review documents.

use kommunal_redovisning::Entity;
use kommunal_redovisning::NumberFormat;
use kommunal_redovisning::balanced_budget::{BalancedBudgetStatement, ResultBasis as Basis};
use kommunal_redovisning::report::{AnnualReport, Block, Document, DocumentMode};

fn tables(doc: &Document) -> Vec<&Table> {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn table<'a>(doc: &'a Document, caption: &str) -> &'a Table {
    tables(doc)
        .into_iter()
        .find(|t| t.caption.starts_with(caption))
        .unwrap_or_else(|| panic!("no table {caption}"))
}

#[test]
fn lystkom_publishes_without_review_wording() {
    let r = super::report::lystkom();
    let doc = r.document_in(DocumentMode::Publish).unwrap();
    let sv = NumberFormat::swedish();
    for text in [doc.to_markdown(&sv), doc.to_html(&sv)] {
        for word in [
            "källan",
            "beräknad",
            "Bilaga",
            "Granskning",
            "angiven",
            "Inga siffror",
        ] {
            assert!(!text.contains(word), "{word} in the published form");
        }
        // The goal levels carry their symbols (Lystkom's three-level scale: ● ◐ ○).
        assert!(text.contains("● Uppfyllt") && text.contains("◐ Delvis uppfyllt"));
    }
    // The statements that were pictures are left out, the rest renumbered.
    let headings: Vec<String> = doc.sections.iter().map(|s| s.heading()).collect();
    assert_eq!(
        &headings[6..],
        [
            "2 Finansiella rapporter",
            "2.1 Driftredovisning",
            "2.2 Investeringsredovisning",
            "2.3 Noter"
        ]
    );
    assert!(
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .all(|b| !matches!(b, Block::Absent(_)))
    );
    // Review: today's output with every finding, and the rounding said.
    let review = r.document_in(DocumentMode::Review).unwrap();
    assert_eq!(review, r.document().unwrap());
    let md = review.to_markdown(&sv);
    assert!(md.contains("Bilaga: Granskning") && md.contains("finns inte i källan"));
    assert!(md.contains("**Avrundning**"), "{md}");
    // Key figures: one soliditet row when published, computed and printed in review.
    assert_eq!(table(&doc, "Ekonomisk ställning").ratios.len(), 1);
    assert_eq!(table(&review, "Ekonomisk ställning").ratios.len(), 2);
}

/// Grästorp 2019 (tkr, reference/domain.md §1.2) as an annual report: its published
/// resultaträkning, a balansräkning of eget kapital only (184 788 and 172 745 tkr,
/// §1.3) balanced by kassa och bank, and the balanskravsutredningar of 2019 and 2018
/// on the published results (12 043 and 6 113 tkr, as the balansräkning prints 2018)
/// without adjustments.
fn grastorp_annual() -> AnnualReport {
    let mut r = AnnualReport::new(
        Entity::new("Grästorps kommun", EntityKind::Kommun),
        FinancialYear::new(2019),
    );
    r.income_statement = Some(IncomeStatement {
        operating_revenue: Amount::tkr(101_282),
        operating_expenses: Amount::tkr(-417_698),
        depreciation: Amount::tkr(-14_879),
        tax_revenue: Amount::tkr(257_770),
        general_grants: Amount::tkr(86_552),
        financial_income: Amount::tkr(794),
        financial_expenses: Amount::tkr(-1_778),
        ..Default::default()
    });
    let equity_only = |equity: i64, result: i64| BalanceSheet {
        cash_and_bank: Amount::tkr(equity),
        result_for_the_year: Amount::tkr(result),
        other_equity: Amount::tkr(equity - result),
        ..Default::default()
    };
    r.balance_sheet = Some(equity_only(184_788, 12_043));
    r.balance_sheet_previous = Some(equity_only(172_745, 6_113));
    r.balanced_budget = Some(BalancedBudgetStatement::from_result(
        FinancialYear::new(2019),
        Basis::Outcome,
        Amount::tkr(12_043),
    ));
    r.balanced_budget_earlier = vec![BalancedBudgetStatement::from_result(
        FinancialYear::new(2018),
        Basis::Outcome,
        Amount::tkr(6_113),
    )];
    r
}

#[test]
fn an_annual_report_publishes_with_several_years_and_no_zero_lines() {
    let r = grastorp_annual();
    let doc = r.document_in(DocumentMode::Publish).unwrap();
    let br = table(&doc, "Balansräkning");
    // Zero lines are hidden; sums and the lines with figures stay.
    assert!(br.row("immateriella_anlaggningstillgangar").is_none());
    assert!(br.row("kassa_och_bank").is_some());
    assert!(br.row("summa_tillgangar").is_some());
    let rs = table(&doc, "Resultaträkning");
    assert!(rs.row("extraordinara_poster").is_none());
    assert_eq!(value(rs, "arets_resultat"), Some(Amount::tkr(12_043)));
    // The balanskravsutredning shows both years, årets resultat as in RS and BR.
    let bk = table(&doc, "Balanskravsutredning");
    assert_eq!(bk.columns.len(), 2);
    assert_eq!(bk.columns[1].label, "2018");
    assert_eq!(
        bk.row("arets_resultat").unwrap().cells[1],
        Some(Amount::tkr(6_113))
    );
    assert_eq!(value(bk, "balanskravsresultat"), Some(Amount::tkr(12_043)));
    assert!(bk.row("balanskravsresultat").unwrap().is_sum());
    let md = doc.to_markdown(&NumberFormat::swedish());
    assert!(!md.contains("källan") && !md.contains("Bilaga"));
    // Review keeps every row and the appendix.
    let review = r.document_in(DocumentMode::Review).unwrap();
    assert!(
        table(&review, "Balansräkning")
            .row("immateriella_anlaggningstillgangar")
            .is_some()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Hand-built annual reports in kronor, published: the resultaträkning and the
    /// balansräkning of the document pass the crate's own checker, and årets resultat
    /// prints the same in RS, BR and the balanskravsutredning.
    #[test]
    fn published_documents_pass_the_checker(
        lines in prop::collection::vec(-9_999_999_i64..9_999_999, 7),
        assets in prop::collection::vec(0_i64..9_999_999, 4),
        reserve in -999_999_i64..999_999,
        mode in prop_oneof![Just(DocumentMode::Publish), Just(DocumentMode::Review)],
    ) {
        let rs = IncomeStatement {
            operating_revenue: Amount::kr(lines[0]),
            operating_expenses: Amount::kr(lines[1]),
            depreciation: Amount::kr(lines[2]),
            tax_revenue: Amount::kr(lines[3]),
            general_grants: Amount::kr(lines[4]),
            financial_income: Amount::kr(lines[5]),
            financial_expenses: Amount::kr(lines[6]),
            ..Default::default()
        };
        let result = rs.result_for_the_year();
        let mut br = BalanceSheet {
            land_and_buildings: Amount::kr(assets[0]),
            financial_fixed_assets: Amount::kr(assets[1]),
            receivables: Amount::kr(assets[2]),
            cash_and_bank: Amount::kr(assets[3]),
            result_for_the_year: result,
            result_reserve: Amount::kr(reserve),
            ..Default::default()
        };
        let gap = br.total_assets() - br.total_equity_and_liabilities();
        br.long_term_liabilities = gap;
        let mut r = AnnualReport::new(Entity::new("Prov", EntityKind::Kommun), FinancialYear::new(2025));
        r.income_statement = Some(rs);
        r.balance_sheet = Some(br);
        r.balanced_budget = Some(BalancedBudgetStatement::from_result(FinancialYear::new(2025), Basis::Outcome, result));
        let doc = r.document_in(mode).unwrap();
        let (rs, br) = (table(&doc, "Resultaträkning"), table(&doc, "Balansräkning"));
        let errors = errors_in(rs, br);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let bk = table(&doc, "Balanskravsutredning");
        prop_assert_eq!(value(rs, "arets_resultat"), value(bk, "arets_resultat"));
        for t in tables(&doc) {
            prop_assert!(t.sum_differences().unwrap().is_empty(), "{}", t.caption);
        }
    }
}

// ---------------------------------------------------------------------------------
// PDF through headless Chromium (skipped with a message where it is not installed).

#[allow(dead_code)]
#[path = "../examples/common/chromium.rs"]
mod chromium;

/// The share of pixels of an RGB(A) PNG that are not (nearly) white.
fn ink(png_bytes: &[u8]) -> f64 {
    let decoder = png::Decoder::new(Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let total = pixels.len() / channels;
    let dark = pixels
        .chunks(channels)
        .filter(|p| p.iter().take(3).any(|v| *v < 200))
        .count();
    dark as f64 / total as f64
}

#[test]
fn the_published_report_prints_to_pdf_and_renders_to_a_page() {
    let Some(browser) = chromium::find() else {
        eprintln!(
            "hoppar över PDF-testet: Chromium finns inte (apt-get install chromium, eller sätt \
             CHROMIUM till webbläsarens sökväg)"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("kommunal-publish-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = super::report::lystkom()
        .document_in(DocumentMode::Publish)
        .unwrap();
    let html = dir.join("lystkom.html");
    std::fs::write(&html, doc.to_html(&NumberFormat::swedish())).unwrap();
    // A page as a person sees it: not blank.
    let png_path = dir.join("lystkom.png");
    chromium::screenshot(&browser, &html, &png_path, 900, 1200).unwrap();
    let share = ink(&std::fs::read(&png_path).unwrap());
    assert!(share > 0.01, "the page is blank ({share})");
    assert!(share < 0.6, "the page is mostly dark ({share})");
    // The PDF: several A4 pages (a page break before each main section).
    let pdf = dir.join("lystkom.pdf");
    chromium::print_pdf(&browser, &html, &pdf).unwrap();
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // The page tree's /Count (Chromium writes it as plain text).
    let text = String::from_utf8_lossy(&bytes);
    let pages: usize = text
        .split("/Type /Pages")
        .nth(1)
        .and_then(|t| t.split("/Count ").nth(1))
        .and_then(|t| t.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(pages >= 3, "pages: {pages}");
    let _ = std::fs::remove_dir_all(&dir);
}
