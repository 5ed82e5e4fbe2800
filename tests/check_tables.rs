//! Checking whole reports: every table kind provoked, bad input refused by place, and
//! the properties: exact figures rounded by `present` raise no error; one printed
//! figure moved by more than rounding raises an error that names it.

use kommunal_redovisning::check::{
    CheckKind as K, DiscrepancyClass as C, PrintedReport, PrintedTable, TableKind,
    check_report_in_full, check_table,
};

fn so(x: &str) -> Option<String> {
    Some(x.to_owned())
}

fn s(x: &str) -> String {
    x.to_owned()
}

#[test]
fn provoked_findings_in_every_table_kind() {
    let report: PrintedReport =
        serde_json::from_str(include_str!("../examples/data/provoke_tables.json")).unwrap();
    let checked = check_report_in_full(&report);
    let serious: Vec<(K, C, String, Option<String>)> = checked
        .discrepancies
        .iter()
        .filter(|d| d.class != C::Rounding)
        .map(|d| (d.check, d.class, d.row.clone(), d.column.clone()))
        .collect();
    assert_eq!(
        serious,
        vec![
            (
                K::Sum,
                C::ExplainedByUnplaced,
                s("Summa anläggningstillgångar"),
                so("2025-12-31")
            ),
            (
                K::Sum,
                C::ExplainedByUnplaced,
                s("Summa anläggningstillgångar"),
                so("2024-12-31")
            ),
            (
                K::Sum,
                C::Error,
                s("Kassaflöde från den löpande verksamheten"),
                so("2025")
            ),
            (
                K::Sum,
                C::Error,
                s("Kassaflöde från investeringsverksamheten"),
                so("2025")
            ),
            (
                K::Sum,
                C::Error,
                s("Likvida medel vid årets slut"),
                so("2024")
            ),
            (
                K::ColumnRelation,
                C::Error,
                s("Barn- och utbildningsnämnden"),
                so("Netto 2025")
            ),
            (
                K::ColumnRelation,
                C::Error,
                s("Summa nämnder"),
                so("Netto 2025")
            ),
            (
                K::ColumnRelation,
                C::Error,
                s("Finansförvaltning"),
                so("Netto 2025")
            ),
            (
                K::ColumnRelation,
                C::Error,
                s("Socialnämnden"),
                so("Avvikelse 2025")
            ),
            (
                K::ColumnRelation,
                C::Error,
                s("Summa nämnder"),
                so("Avvikelse 2025")
            ),
            (
                K::ColumnRelation,
                C::Error,
                s("Verksamhetens nettokostnader"),
                so("Avvikelse 2025")
            ),
            (K::Sum, C::Error, s("Summa investeringar"), so("Utfall")),
            (
                K::ColumnRelation,
                C::Error,
                s("Gator och vägar"),
                so("Kvar av ram")
            ),
            (K::Sum, C::Error, s("Summa fordringar"), so("2024")),
            (K::SickLeave, C::Error, s("Total sjukfrånvaro"), so("2025")),
            (K::Sum, C::Error, s("Totalt"), so("Medlemsavgift 2025")),
            (
                K::MemberFee,
                C::Error,
                s("Kommun C"),
                so("Medlemsavgift 2025")
            ),
            (K::Sum, C::Error, s("Totalt"), so("Medlemsavgift 2024")),
            (K::MemberFee, C::Error, s("Totalt"), so("Andel")),
            (K::Sum, C::Error, s("Summa kostnader"), so("2025")),
            (K::UnknownSumPart, C::Error, s("Externa kostnader"), None),
            (
                K::ChangePercent,
                C::Error,
                s("Skatteintäkter, förändring %"),
                so("2025")
            ),
            (K::KeyRatio, C::Error, s("Soliditet, %"), so("2025")),
            (
                K::ResultAgreement,
                C::Error,
                s("Årets resultat"),
                so("2024")
            ),
            (
                K::OperatingTie,
                C::Error,
                s("Verksamhetens nettokostnader"),
                so("2025")
            ),
            (
                K::CashTie,
                C::Error,
                s("Likvida medel vid årets slut"),
                so("2024")
            ),
            (K::NoteTie, C::Error, s("Fordringar"), so("2025")),
            (K::NoteTie, C::Error, s("Fordringar"), so("2024")),
        ]
    );
    // The balanskravsutredning prints "avgår 340": detected and said.
    assert!(
        checked
            .conventions
            .iter()
            .any(|(t, n)| *t == 5 && n.contains("utan minustecken"))
    );
    assert_eq!(checked.exit_code(), 1);
    let text = checked.to_text(&report);
    assert!(text.contains("Mellan tabellerna: 5 avvikelser"), "{text}");
}

fn refused(json: &str) -> String {
    serde_json::from_str::<PrintedReport>(json)
        .unwrap_err()
        .to_string()
}

fn one_row(values: &str) -> String {
    format!(
        r#"{{"entity": "E", "tables": [{{"kind": "driftredovisning", "unit": "tkr",
        "columns": [{{"label": "2025"}}, {{"label": "2024", "kind": "prior_period"}}],
        "rows": [{{"label": "Kommunstyrelsen", "values": {values}}}]}}]}}"#
    )
}

#[test]
fn bad_input_is_refused_naming_the_place() {
    // Double signs, each refused with the row and the value's position.
    for v in [r#"["--5", "1"]"#, r#"["– -5", "1"]"#, r#"["(-5)", "1"]"#] {
        let e = refused(&one_row(v));
        assert!(e.contains("raden \"Kommunstyrelsen\", värde 1"), "{e}");
        assert!(e.contains("mer än ett tecken"), "{e}");
        assert!(e.contains("line"), "{e}");
    }
    // A percentage in a row of amounts.
    let e = refused(&one_row(r#"["1", "44 %"]"#));
    assert!(
        e.contains("värde 2") && e.contains("procenttal på en rad med belopp"),
        "{e}"
    );
    // Integers past the decimal range: "too large", as a string and as a JSON number.
    let e = refused(&one_row(r#"["123456789012345678901234567890", "1"]"#));
    assert!(e.contains("för stort"), "{e}");
    let e = refused(&one_row(r#"[123456789012345678901234567890, "1"]"#));
    assert!(e.contains("för stort") && !e.contains("decimaler"), "{e}");
    // Floats are refused; integers are read.
    assert!(refused(&one_row(r#"[1.5, "1"]"#)).contains("binära flyttal"));
    assert!(serde_json::from_str::<PrintedReport>(&one_row(r#"[15, "1"]"#)).is_ok());
    // Duplicate keys, unknown fields, unknown units.
    let e = refused(
        r#"{"entity": "E", "tables": [{"kind": "not", "unit": "tkr", "unit": "mnkr", "columns": [], "rows": []}]}"#,
    );
    assert!(e.contains("duplicate field `unit`"), "{e}");
    let e = refused(
        r#"{"entity": "E", "tables": [{"kind": "not", "unit": "tkr", "columns": [], "rows": [{"label": "A", "valeus": []}]}]}"#,
    );
    assert!(e.contains("unknown field `valeus`"), "{e}");
    let e = refused(
        r#"{"entity": "E", "tables": [{"kind": "not", "unit": "kkr", "columns": [], "rows": []}]}"#,
    );
    assert!(e.contains("okänd enhet \"kkr\""), "{e}");
    // Every unit a report prints.
    for unit in ["kr", "tkr", "mkr", "Mkr", "mnkr", "mdkr", "TKR"] {
        let json = format!(r#"{{"kind": "generic", "unit": "{unit}", "columns": [], "rows": []}}"#);
        assert!(
            serde_json::from_str::<PrintedTable>(&json).is_ok(),
            "{unit}"
        );
    }
}

#[test]
fn varav_rows_are_never_summed_into_their_parent() {
    // "varav årets resultat" under eget kapital is information: no sum is formed from
    // it, and the equity total is not an error.
    let json = r#"{"kind": "balansräkning", "unit": "tkr", "columns": [{"label": "2025"}],
        "rows": [
          {"label": "Eget kapital", "values": ["160 000"]},
          {"label": "varav årets resultat", "values": ["14 000"]},
          {"label": "Avsättningar", "values": ["40 000"]},
          {"label": "Skulder", "values": ["200 000"]},
          {"label": "Summa eget kapital, avsättningar och skulder", "values": ["400 000"]}
        ]}"#;
    let table: PrintedTable = serde_json::from_str(json).unwrap();
    assert_eq!(check_table(&table), vec![]);
    // A varav in a driftredovisning neither.
    let json = r#"{"kind": "driftredovisning", "unit": "tkr", "columns": [{"label": "2025"}],
        "rows": [
          {"label": "Kommunstyrelsen", "values": ["-50"]},
          {"label": "varav kansli", "values": ["-20"]},
          {"label": "Socialnämnden", "values": ["-30"]},
          {"label": "Summa", "kind": "total", "values": ["-80"]}
        ]}"#;
    let table: PrintedTable = serde_json::from_str(json).unwrap();
    assert_eq!(check_table(&table), vec![]);
    assert_eq!(table.kind, TableKind::Operating);
}

mod properties {
    use kommunal_redovisning::check::{DiscrepancyClass, PrintedTable, TableKind, check_table};
    use kommunal_redovisning::present::{Column, Rounding, TableRow, ValueKind};
    use kommunal_redovisning::statement::StatementRowKind;
    use kommunal_redovisning::{Amount, Decimal, Scale, Table};
    use proptest::prelude::*;

    /// Groups of lines with a subtotal each and a total over the subtotals, one
    /// value per column, in kronor with öre.
    fn table(groups: &[Vec<Vec<i64>>], columns: usize) -> Table {
        let cols = (0..columns)
            .map(|c| Column::outcome(format!("{}", 2025 - c as i32)))
            .collect();
        let mut t = Table::new("Tabell", Scale::Kr, cols);
        let mut subtotals = Vec::new();
        for (g, lines) in groups.iter().enumerate() {
            let mut ids = Vec::new();
            let mut sums = vec![Amount::ZERO; columns];
            for (i, values) in lines.iter().enumerate() {
                let id = format!("r{g}_{i}");
                let cells: Vec<Option<Amount>> = values
                    .iter()
                    .map(|ore| Some(Amount::new(Decimal::new(*ore, 2)).unwrap()))
                    .collect();
                for (s, c) in sums.iter_mut().zip(&cells) {
                    *s = s.checked_add(c.unwrap()).unwrap();
                }
                t.push_row(TableRow::new(
                    &id,
                    format!("Rad {g}.{i}"),
                    StatementRowKind::Line,
                    ValueKind::Flow,
                    cells,
                ))
                .unwrap();
                ids.push(id);
            }
            let id = format!("s{g}");
            t.push_row(
                TableRow::new(
                    &id,
                    format!("Summa {g}"),
                    StatementRowKind::Subtotal,
                    ValueKind::Flow,
                    sums.iter().map(|s| Some(*s)).collect(),
                )
                .with_sum_of(ids),
            )
            .unwrap();
            subtotals.push((id, sums));
        }
        let mut total = vec![Amount::ZERO; columns];
        for (_, sums) in &subtotals {
            for (t, s) in total.iter_mut().zip(sums) {
                *t = t.checked_add(*s).unwrap();
            }
        }
        t.push_row(
            TableRow::new(
                "total",
                "Totalt",
                StatementRowKind::Total,
                ValueKind::Flow,
                total.into_iter().map(Some).collect(),
            )
            .with_sum_of(subtotals.into_iter().map(|(id, _)| id)),
        )
        .unwrap();
        t
    }

    fn groups() -> impl Strategy<Value = (Vec<Vec<Vec<i64>>>, usize)> {
        (1_usize..4).prop_flat_map(|columns| {
            (
                prop::collection::vec(
                    prop::collection::vec(
                        prop::collection::vec(-10_000_000_000_i64..10_000_000_000, columns),
                        1..6,
                    ),
                    1..4,
                ),
                Just(columns),
            )
        })
    }

    fn rounding() -> impl Strategy<Value = Rounding> {
        (prop_oneof![Just(Scale::Tkr), Just(Scale::Mnkr)], 0_u32..2)
            .prop_map(|(s, d)| Rounding::new(s).with_decimals(d))
    }

    proptest! {
        #[test]
        fn footed_tables_raise_no_error((g, columns) in groups(), r in rounding()) {
            let rounded = table(&g, columns).rounded(&r).unwrap().table;
            for kind in [TableKind::Generic, TableKind::Operating, TableKind::Investment, TableKind::Note] {
                let printed = PrintedTable::from_table(kind, &rounded);
                let findings = check_table(&printed);
                prop_assert!(
                    findings.iter().all(|f| f.class == DiscrepancyClass::Rounding),
                    "{kind:?}: {findings:?}"
                );
            }
        }

        #[test]
        fn one_figure_moved_beyond_rounding_is_named(
            (g, columns) in groups(),
            r in rounding(),
            pick in any::<prop::sample::Index>(),
            column in any::<prop::sample::Index>(),
            up in any::<bool>(),
        ) {
            let rounded = table(&g, columns).rounded(&r).unwrap().table;
            let mut printed = PrintedTable::from_table(TableKind::Generic, &rounded);
            let row = pick.index(printed.rows.len());
            let col = column.index(columns);
            // More than any sum it takes part in can explain: (parts + 1) / 2 units.
            let widest = g.iter().map(Vec::len).chain([g.len()]).max().unwrap_or(1);
            let step = Decimal::new(1, r.decimals);
            let shift = step * Decimal::from(widest as i64 + 2);
            let v = printed.rows[row].values[col].unwrap();
            printed.rows[row].values[col] = Some(if up { v + shift } else { v - shift });
            let label = printed.rows[row].label.clone();
            let findings = check_table(&printed);
            let errors: Vec<_> = findings.iter().filter(|f| f.class == DiscrepancyClass::Error).collect();
            // The moved row is the sum that fails, or a part of the sum that fails.
            let sums_with_it: Vec<String> = printed
                .rows
                .iter()
                .filter(|r| r.label == label || r.sum_of.contains(&label))
                .map(|r| r.label.clone())
                .collect();
            let column_label = printed.columns[col].label.clone();
            prop_assert!(
                errors.iter().any(|f| sums_with_it.contains(&f.row) && f.column.as_deref() == Some(column_label.as_str())),
                "moved {label} in {column_label}: {findings:?}"
            );
        }
    }
}
