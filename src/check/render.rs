//! A checked report as text for a person: discrepancies grouped by table, in Swedish.

use std::fmt::Write as _;

use super::{Checked, Discrepancy, PrintedReport, Summary};

impl Checked {
    /// Counts by class.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Scale};
    /// use kommunal_redovisning::check::{check_report_in_full, PrintedReport, PrintedRow, PrintedTable, Summary, TableKind};
    ///
    /// // Grästorps kommun: årets resultat 2018, 6 112 tkr in the resultaträkning, 6 113 tkr in
    /// // the balansräkning (finansiellinfo.se/Grastorp_2019, /Grastorp_2020).
    /// let table = |kind, result: i64| {
    ///     let mut t = PrintedTable::new(kind, Scale::Tkr, vec!["2018".into()]);
    ///     t.rows = vec![PrintedRow::new("Årets resultat", vec![Some(Decimal::from(result))])];
    ///     t
    /// };
    /// let tables = vec![table(TableKind::IncomeStatement, 6_112), table(TableKind::BalanceSheet, 6_113)];
    /// let checked = check_report_in_full(&PrintedReport { entity: None, source: None, tables });
    /// assert_eq!(checked.summary(), Summary { rounding: 0, errors: 1, unplaced: 0, explained: 0 });
    /// ```
    #[must_use]
    pub fn summary(&self) -> Summary {
        Summary::of(&self.discrepancies)
    }

    /// The exit status a command-line tool gives: 0 when there is nothing but
    /// rounding differences, 1 when there are errors or rows that could not be placed.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Scale};
    /// use kommunal_redovisning::check::{check_report_in_full, PrintedReport, PrintedRow, PrintedTable, TableKind};
    ///
    /// // Grästorps kommun: årets resultat 2018, 6 112 tkr in the resultaträkning, 6 113 tkr in
    /// // the balansräkning (finansiellinfo.se/Grastorp_2019, /Grastorp_2020).
    /// let table = |kind, result: i64| {
    ///     let mut t = PrintedTable::new(kind, Scale::Tkr, vec!["2018".into()]);
    ///     t.rows = vec![PrintedRow::new("Årets resultat", vec![Some(Decimal::from(result))])];
    ///     t
    /// };
    /// let report = |rs, br| PrintedReport { entity: None, source: None, tables: vec![table(TableKind::IncomeStatement, rs), table(TableKind::BalanceSheet, br)] };
    /// assert_eq!(check_report_in_full(&report(6_112, 6_113)).exit_code(), 1);
    /// assert_eq!(check_report_in_full(&report(6_113, 6_113)).exit_code(), 0);
    /// ```
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        u8::from(!self.summary().only_rounding())
    }

    /// The discrepancies grouped by table, with the conventions detected and the
    /// coverage, as Swedish text.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Scale};
    /// use kommunal_redovisning::check::{check_report_in_full, PrintedReport, PrintedRow, PrintedTable, TableKind};
    ///
    /// // Grästorps kommun: årets resultat 2018, 6 112 tkr in the resultaträkning, 6 113 tkr in
    /// // the balansräkning (finansiellinfo.se/Grastorp_2019, /Grastorp_2020).
    /// let table = |kind, result: i64| {
    ///     let mut t = PrintedTable::new(kind, Scale::Tkr, vec!["2018".into()]);
    ///     t.rows = vec![PrintedRow::new("Årets resultat", vec![Some(Decimal::from(result))])];
    ///     t
    /// };
    /// let tables = vec![table(TableKind::IncomeStatement, 6_112), table(TableKind::BalanceSheet, 6_113)];
    /// let report = PrintedReport { entity: Some("Grästorps kommun".into()), source: None, tables };
    /// let text = check_report_in_full(&report).to_text(&report);
    /// assert!(text.starts_with("Granskning av Grästorps kommun"), "{text}");
    /// assert!(text.contains("6\u{a0}112") || text.contains("6 112"), "{text}");
    /// ```
    #[must_use]
    pub fn to_text(&self, report: &PrintedReport) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Granskning{}",
            report
                .entity
                .as_deref()
                .map(|e| format!(" av {e}"))
                .unwrap_or_default()
        );
        for (i, t) in report.tables.iter().enumerate() {
            let own: Vec<&Discrepancy> = self
                .discrepancies
                .iter()
                .filter(|d| d.table_index == Some(i))
                .collect();
            let title = t
                .title
                .clone()
                .unwrap_or_else(|| capitalize(t.kind.label()));
            let _ = writeln!(
                s,
                "{} (belopp i {}), {} kolumner, {} rader: {}",
                title,
                t.unit,
                t.columns.len(),
                t.rows.len(),
                if own.is_empty() {
                    "inga avvikelser".to_owned()
                } else {
                    format!("{} avvikelser", own.len())
                }
            );
            for (_, c) in self.conventions.iter().filter(|(at, _)| *at == i) {
                let _ = writeln!(s, "  (läst: {c})");
            }
            for d in own {
                line(&mut s, d);
            }
        }
        let cross: Vec<&Discrepancy> = self
            .discrepancies
            .iter()
            .filter(|d| d.table_index.is_none())
            .collect();
        if report.tables.len() > 1 || !cross.is_empty() {
            let _ = writeln!(
                s,
                "Mellan tabellerna: {}",
                if cross.is_empty() {
                    "inga avvikelser".to_owned()
                } else {
                    format!("{} avvikelser", cross.len())
                }
            );
            for d in cross {
                line(&mut s, d);
            }
        }
        let sum = self.summary();
        let _ = writeln!(
            s,
            "Summa: {} fel, {} avrundningsdifferenser, {} rader som inte kunde placeras, {} summor som förklaras av sådana rader.",
            sum.errors, sum.rounding, sum.unplaced, sum.explained
        );
        if let Some(p) = self.coverage.share_percent() {
            let _ = writeln!(
                s,
                "Prövat: {} av {} samband ({} %).",
                self.coverage.evaluated,
                self.coverage
                    .evaluated
                    .saturating_add(self.coverage.not_evaluated),
                p.round_dp(0)
            );
        }
        s
    }
}

fn line(s: &mut String, d: &Discrepancy) {
    let _ = writeln!(s, "  {d}");
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
