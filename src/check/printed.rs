//! The printed form of a report: tables, rows and values as published, read from JSON.

use std::fmt;

use rust_decimal::Decimal;

use crate::money::{Scale, parse_canonical_decimal};
use crate::present::{Column, ColumnKind};
use crate::statement::StatementRowKind;

/// What a printed table is (tabelltyp): a statement, a schedule or any other table of
/// a published report.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, PrintedRow, PrintedTable, TableKind};
///
/// // A note's sum, printed as its last row (made-up figures): the kind says how to read it.
/// let mut note = PrintedTable::new(TableKind::Note, Scale::Tkr, vec!["2025".into()]);
/// note.rows = [("Kommunalskatt", 700), ("Slutavräkning", -5), ("Summa skatteintäkter", 696)]
///     .into_iter()
///     .map(|(label, v)| PrintedRow::new(label, vec![Some(Decimal::from(v))]))
///     .collect();
/// let findings = check_table(&note);
/// assert_eq!(findings[0].table, Some(TableKind::Note)); // 700 − 5 is 695
/// assert_eq!(TableKind::Note.to_string(), "not");
/// ```
#[doc(alias = "tabelltyp")]
#[doc(alias = "rapporttyp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TableKind {
    /// Resultaträkning (LKBR 5 kap.).
    #[cfg_attr(
        feature = "serde",
        serde(alias = "resultatrakning", alias = "resultaträkning")
    )]
    IncomeStatement,
    /// Balansräkning (LKBR 6 kap.).
    #[cfg_attr(
        feature = "serde",
        serde(alias = "balansrakning", alias = "balansräkning")
    )]
    BalanceSheet,
    /// Kassaflödesanalys (LKBR 7 kap.).
    #[cfg_attr(
        feature = "serde",
        serde(alias = "kassaflodesanalys", alias = "kassaflödesanalys")
    )]
    CashFlow,
    /// Driftredovisning (LKBR 11 kap. 3 §): nämnder and verksamheter.
    #[cfg_attr(feature = "serde", serde(alias = "driftredovisning"))]
    Operating,
    /// Investeringsredovisning (LKBR 11 kap. 4 §).
    #[cfg_attr(feature = "serde", serde(alias = "investeringsredovisning"))]
    Investment,
    /// Balanskravsutredning (KL 11 kap. 12 §, LKBR 11 kap. 5 §).
    #[cfg_attr(feature = "serde", serde(alias = "balanskravsutredning"))]
    BalancedBudget,
    /// A note (not) to a statement line.
    #[cfg_attr(feature = "serde", serde(alias = "not"))]
    Note,
    /// Nyckeltal or femårsöversikt (fem år i sammandrag).
    #[cfg_attr(
        feature = "serde",
        serde(
            alias = "nyckeltal",
            alias = "five_year_overview",
            alias = "femarsoversikt",
            alias = "femårsöversikt"
        )
    )]
    KeyRatios,
    /// Sjukfrånvaro (LKBR 11 kap. 8 §).
    #[cfg_attr(
        feature = "serde",
        serde(alias = "sjukfranvaro", alias = "sjukfrånvaro")
    )]
    SickLeave,
    /// A kommunalförbund's fördelning av medlemsavgifter.
    #[cfg_attr(
        feature = "serde",
        serde(alias = "medlemsavgifter", alias = "member_fee_distribution")
    )]
    MemberFees,
    /// Any other table; its sums are declared (`sum_of`) or printed as subtotals.
    #[cfg_attr(feature = "serde", serde(alias = "tabell", alias = "other"))]
    Generic,
}

/// The former name of [`TableKind`], when only statements were checked.
pub type StatementKind = TableKind;

impl TableKind {
    /// The Swedish name, lowercase.
    ///
    /// ```
    /// use kommunal_redovisning::check::TableKind;
    /// assert_eq!(TableKind::BalancedBudget.label(), "balanskravsutredning");
    /// ```
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TableKind::IncomeStatement => "resultaträkning",
            TableKind::BalanceSheet => "balansräkning",
            TableKind::CashFlow => "kassaflödesanalys",
            TableKind::Operating => "driftredovisning",
            TableKind::Investment => "investeringsredovisning",
            TableKind::BalancedBudget => "balanskravsutredning",
            TableKind::Note => "not",
            TableKind::KeyRatios => "nyckeltal",
            TableKind::SickLeave => "sjukfrånvaro",
            TableKind::MemberFees => "medlemsavgifter",
            TableKind::Generic => "tabell",
        }
    }
}

impl fmt::Display for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What a printed column holds (kolumntyp). Beyond [`ColumnKind`]'s outcome, budget,
/// forecast, deviation and prior period, published tables print intäkter, kostnader
/// and netto side by side, changes against the prior year in kronor and in percent,
/// and shares in percent.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, PrintedColumn, PrintedColumnKind as K, PrintedRow, PrintedTable, TableKind};
///
/// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3 (tkr): budget, prognos, avvikelse.
/// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec![
///     PrintedColumn::new("Budget 2025", K::Budget),
///     PrintedColumn::new("Prognos 2025", K::Forecast),
///     PrintedColumn::new("Avvikelse mot budget 2025", K::Deviation),
/// ]);
/// let row = |label: &str, v: [i64; 3]| PrintedRow::new(label, v.iter().map(|&n| Some(Decimal::from(n))).collect());
/// t.rows = vec![row("IT", [760, 958, 198]), row("Kundtjänst", [82, 355, 273]), row("Revision", [-195, -195, 0])];
/// // The deviation column is read as prognos − budget, and holds on every row.
/// assert!(check_table(&t).is_empty());
/// t.rows[1] = row("Kundtjänst", [82, 355, 237]); // a misprint (made up)
/// assert_eq!(check_table(&t)[0].expected, Some(Decimal::from(273)));
/// ```
#[doc(alias = "kolumntyp")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PrintedColumnKind {
    /// Utfall.
    #[default]
    Outcome,
    /// Budget (also ram, plan).
    #[cfg_attr(feature = "serde", serde(alias = "ram", alias = "plan"))]
    Budget,
    /// Prognos.
    Forecast,
    /// Avvikelse (also "kvar av ram"): the difference of two other columns; which two
    /// and in which order is read from `of` or detected.
    #[cfg_attr(feature = "serde", serde(alias = "remaining"))]
    Deviation,
    /// Föregående år or period.
    PriorPeriod,
    /// Intäkter.
    Revenue,
    /// Kostnader (printed with or without minus sign; detected).
    Cost,
    /// Netto (nettokostnad): intäkter and kostnader of the same group.
    Net,
    /// Förändring in the table's unit: current − prior.
    Change,
    /// Förändring in percent: (current − prior) / |prior| × 100.
    ChangePercent,
    /// A share in percent (andel %).
    Share,
    /// Anything else.
    Other,
}

/// A column of a printed table (tryckt kolumn).
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, PrintedColumn, PrintedColumnKind, PrintedRow, PrintedTable, TableKind};
///
/// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3 (tkr): the avvikelse column names
/// // the columns it is computed from (minuend first) instead of leaving them to detection.
/// let mut deviation = PrintedColumn::new("Avvikelse mot budget 2025", PrintedColumnKind::Deviation);
/// deviation.of = vec!["Prognos 2025".into(), "Budget 2025".into()];
/// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec![
///     PrintedColumn::new("Budget 2025", PrintedColumnKind::Budget),
///     PrintedColumn::new("Prognos 2025", PrintedColumnKind::Forecast),
///     deviation,
/// ]);
/// t.rows = vec![PrintedRow::new("Lystkom", vec![Some(Decimal::from(212)), Some(Decimal::from(256)), Some(Decimal::from(44))])];
/// assert!(check_table(&t).is_empty()); // 256 − 212 = 44
/// ```
#[doc(alias = "tryckt kolumn")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedColumn {
    /// The heading as printed, e.g. "Budget 2019".
    pub label: String,
    /// What the column holds (default outcome).
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: PrintedColumnKind,
    /// Kommun or koncern (sammanställd redovisning) when both stand side by side.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub part: Option<String>,
    /// A group of columns that belong together (intäkter, kostnader and netto of one
    /// year, say).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub group: Option<String>,
    /// For a deviation, change or net column: the labels of the columns it is computed
    /// from (a deviation or change: minuend first).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub of: Vec<String>,
}

impl PrintedColumn {
    /// A column with a label and a kind.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Scale};
    /// use kommunal_redovisning::check::{check_table, PrintedColumn, PrintedColumnKind, PrintedRow, PrintedTable, TableKind};
    ///
    /// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3 (tkr): IT 760, 958, 198.
    /// let columns = vec![
    ///     PrintedColumn::new("Budget 2025", PrintedColumnKind::Budget),
    ///     PrintedColumn::new("Prognos 2025", PrintedColumnKind::Forecast),
    ///     PrintedColumn::new("Avvikelse mot budget 2025", PrintedColumnKind::Deviation),
    /// ];
    /// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, columns);
    /// t.rows = vec![PrintedRow::new("IT", vec![Some(760.into()), Some(958.into()), Some(198.into())])];
    /// assert!(check_table(&t).is_empty()); // 958 − 760 = 198
    /// assert_eq!(t.columns[2].kind, PrintedColumnKind::Deviation);
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, kind: PrintedColumnKind) -> Self {
        PrintedColumn {
            label: label.into(),
            kind,
            part: None,
            group: None,
            of: Vec::new(),
        }
    }

    /// The same column for another part (kommun, koncern).
    ///
    /// ```
    /// use kommunal_redovisning::check::{PrintedColumn, PrintedColumnKind};
    /// let c = PrintedColumn::new("2019", PrintedColumnKind::Outcome).with_part("koncern");
    /// assert_eq!(c.part.as_deref(), Some("koncern"));
    /// ```
    #[must_use]
    pub fn with_part(mut self, part: impl Into<String>) -> Self {
        self.part = Some(part.into());
        self
    }
}

impl From<Column> for PrintedColumn {
    fn from(c: Column) -> Self {
        let kind = match c.kind {
            ColumnKind::Outcome => PrintedColumnKind::Outcome,
            ColumnKind::Budget => PrintedColumnKind::Budget,
            ColumnKind::Forecast => PrintedColumnKind::Forecast,
            ColumnKind::Deviation => PrintedColumnKind::Deviation,
            ColumnKind::PriorPeriod => PrintedColumnKind::PriorPeriod,
            ColumnKind::Other => PrintedColumnKind::Other,
        };
        PrintedColumn::new(c.label, kind)
    }
}

impl From<&str> for PrintedColumn {
    fn from(label: &str) -> Self {
        PrintedColumn::new(label, PrintedColumnKind::Outcome)
    }
}

/// One row of a table as printed (tryckt rad).
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, CheckKind, PrintedRow, PrintedTable, TableKind};
///
/// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.5 (tkr): eget kapital 8 521 and 6 373,
/// // tillgångar totalt 36 631 and 29 663, soliditet 23,3 % and 21,5 %.
/// let row = |label: &str, a: &str, b: &str| -> Result<PrintedRow, Box<dyn std::error::Error>> {
///     Ok(PrintedRow::new(label, vec![Some(a.parse()?), Some(b.parse()?)]))
/// };
/// let mut soliditet = row("Soliditet", "23.3", "21.5")?;
/// soliditet.percent = true; // a row of percentages, not of tkr
/// let mut br = PrintedTable::new(TableKind::BalanceSheet, Scale::Tkr, vec!["2025-06-30".into(), "2024-12-31".into()]);
/// br.rows = vec![row("Eget kapital", "8521", "6373")?, row("Tillgångar totalt", "36631", "29663")?, soliditet];
/// assert!(check_table(&br).is_empty()); // 8 521 / 36 631 = 23,26 %
/// br.rows[2].values[0] = Some(Decimal::new(239, 1)); // a misprint (made up)
/// assert_eq!(check_table(&br)[0].check, CheckKind::EquityRatio);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "tryckt rad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "raw::RawRow"))]
pub struct PrintedRow {
    /// The label as printed, e.g. "VERKSAMHETENS NETTOKOSTNADER".
    pub label: String,
    /// What the row is as printed (default: line). Statements place rows by label;
    /// other tables take subtotals and totals from the kind (or a label such as
    /// "Summa …").
    pub kind: StatementRowKind,
    /// Indentation level (nivå), 0 for top-level rows: a row followed by deeper rows
    /// is their sum.
    pub depth: u8,
    /// A note reference, e.g. `"3"`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
    /// `true` for a row of percentages (soliditet, sjukfrånvaro).
    pub percent: bool,
    /// The labels of the rows this row is declared to be the sum of.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub sum_of: Vec<String>,
    /// `true` when the row is printed as a deduction whatever its sign ("avgår …").
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_false"))]
    pub deduction: bool,
    /// One printed value per column, in the table's unit (or percent); `None` for an
    /// empty cell.
    #[cfg_attr(feature = "serde", serde(serialize_with = "raw::serialize_values"))]
    pub values: Vec<Option<Decimal>>,
}

impl PrintedRow {
    /// A line with a label and values.
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Scale};
    /// use kommunal_redovisning::check::{check_table, PrintedRow, PrintedTable, TableKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3: Budget 2025 per verksamhet (tkr).
    /// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec!["Budget 2025".into()]);
    /// t.rows = [("IT", 760), ("Kundtjänst", 82), ("Revision", -195), ("Lystkom", 212)]
    ///     .into_iter()
    ///     .map(|(label, v)| PrintedRow::new(label, vec![Some(Decimal::from(v))]))
    ///     .collect();
    /// t.rows.push(PrintedRow::new("Totalt", vec![Some(Decimal::from(859))]).with_kind(StatementRowKind::Total));
    /// assert!(check_table(&t).is_empty());
    /// t.rows[4].values[0] = Some(Decimal::from(895)); // a misprint (made up)
    /// assert_eq!(check_table(&t)[0].expected, Some(Decimal::from(859)));
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, values: Vec<Option<Decimal>>) -> Self {
        PrintedRow {
            label: label.into(),
            kind: StatementRowKind::Line,
            depth: 0,
            note: None,
            percent: false,
            sum_of: Vec::new(),
            deduction: false,
            values,
        }
    }

    /// The same row with another kind.
    ///
    /// ```
    /// use kommunal_redovisning::check::PrintedRow;
    /// use kommunal_redovisning::statement::StatementRowKind;
    /// let r = PrintedRow::new("Summa", vec![]).with_kind(StatementRowKind::Total);
    /// assert_eq!(r.kind, StatementRowKind::Total);
    /// ```
    #[must_use]
    pub fn with_kind(mut self, kind: StatementRowKind) -> Self {
        self.kind = kind;
        self
    }
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A table as printed (tryckt tabell): kind, unit, columns and rows with their printed
/// values, including the printed subtotals and totals.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_report_in_full, PrintedColumn, PrintedColumnKind as K, PrintedReport, PrintedRow, PrintedTable, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Kommunalförbundet Lystkom, delårsrapport 2025, "1.3 Prognos för resultat i förhållande
/// // till budget för den löpande verksamheten" (tkr), as printed.
/// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec![
///     PrintedColumn::new("Budget 2025", K::Budget),
///     PrintedColumn::new("Prognos 2025", K::Forecast),
///     PrintedColumn::new("Avvikelse mot budget 2025", K::Deviation),
/// ]);
/// let row = |label: &str, v: [i64; 3]| PrintedRow::new(label, v.iter().map(|&n| Some(Decimal::from(n))).collect());
/// t.rows = vec![row("IT", [760, 958, 198]), row("Kundtjänst", [82, 355, 273]), row("Revision", [-195, -195, 0]),
///     row("Lystkom", [212, 256, 44]), row("Totalt", [859, 1_374, 515]).with_kind(StatementRowKind::Total)];
/// let checked = check_report_in_full(&PrintedReport { entity: Some("Lystkom".into()), source: None, tables: vec![t] });
/// assert!(checked.discrepancies.is_empty()); // every sum and every avvikelse holds
/// assert!(checked.conventions[0].1.contains("Prognos 2025 − Budget 2025"));
/// ```
#[doc(alias = "tryckt tabell")]
#[doc(alias = "tryckt rapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "raw::RawTable"))]
pub struct PrintedTable {
    /// What the table is.
    #[cfg_attr(feature = "serde", serde(alias = "statement"))]
    pub kind: TableKind,
    /// The caption as printed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title: Option<String>,
    /// Who published it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub entity: Option<String>,
    /// Where it was published (a URL, a page).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub source: Option<String>,
    /// Kommun or koncern (sammanställd redovisning), when the whole table is one part.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub part: Option<String>,
    /// For a note: its number, tying its total to the statement line that refers to it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// The unit of the printed figures ("belopp i tkr"): kr, tkr, mkr/Mkr/mnkr, mdkr.
    pub unit: Scale,
    /// Decimals printed; when absent, the most found among the values.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub decimals: Option<u32>,
    /// The columns (years, budget …).
    pub columns: Vec<PrintedColumn>,
    /// The rows in printed order.
    pub rows: Vec<PrintedRow>,
}

/// The former name of [`PrintedTable`].
pub type PrintedStatement = PrintedTable;

impl PrintedTable {
    /// An empty table of a kind, in a unit, with columns.
    ///
    /// ```
    /// use kommunal_redovisning::check::{PrintedTable, TableKind};
    /// use kommunal_redovisning::Scale;
    /// let t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec!["2024".into()]);
    /// assert!(t.rows.is_empty());
    /// ```
    #[must_use]
    pub fn new(kind: TableKind, unit: Scale, columns: Vec<PrintedColumn>) -> Self {
        PrintedTable {
            kind,
            title: None,
            entity: None,
            source: None,
            part: None,
            note: None,
            unit,
            decimals: None,
            columns,
            rows: Vec::new(),
        }
    }

    /// A table as it would be printed: labels, kinds and notes of its rows and its
    /// figures in the table's unit, rounded to its decimals (half away from zero);
    /// key-ratio rows become percent rows. Round the table first
    /// ([`Table::rounded`](crate::Table::rounded)) to print what a renderer prints.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, Scale, Table};
    /// use kommunal_redovisning::check::{check_statement, PrintedTable, TableKind};
    /// use kommunal_redovisning::present::{Column, Rounding};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// let rs = IncomeStatement { operating_revenue: Amount::kr(1_400), operating_expenses: Amount::kr(-600), ..Default::default() };
    /// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    /// let table = Table::income_statement("RS", Scale::Kr, &layout, &[(Column::outcome("2025"), &rs)])?;
    /// // 1,4 − 0,6 = 0,8 tkr. Footed, the printed table adds up (1 + 0 = 1); rounded
    /// // line by line it does not (1 − 1 ≠ 1).
    /// let footed = table.rounded(&Rounding::new(Scale::Tkr))?.table;
    /// assert!(check_statement(&PrintedTable::from_table(TableKind::IncomeStatement, &footed)).is_empty());
    /// let plain = table.rounded(&Rounding::new(Scale::Tkr).without_footing())?.table;
    /// assert!(!check_statement(&PrintedTable::from_table(TableKind::IncomeStatement, &plain)).is_empty());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn from_table(kind: TableKind, table: &crate::Table) -> PrintedTable {
        let mode = crate::RoundingMode::HalfAwayFromZero;
        let mut rows: Vec<PrintedRow> = table
            .rows
            .iter()
            .map(|r| PrintedRow {
                label: r.label.clone(),
                kind: r.kind,
                depth: r.depth,
                note: r.note.clone(),
                percent: false,
                sum_of: r
                    .sum_of
                    .iter()
                    .filter_map(|id| table.row(id).map(|p| p.label.clone()))
                    .collect(),
                deduction: false,
                values: r
                    .cells
                    .iter()
                    .map(|c| c.map(|a| mode.round(a.to_scale(table.unit), table.decimals)))
                    .collect(),
            })
            .collect();
        rows.extend(table.ratios.iter().map(|r| {
            let mut row = PrintedRow::new(
                r.label.clone(),
                r.values
                    .iter()
                    .map(|v| v.map(|p| mode.round(p.as_decimal(), r.decimals)))
                    .collect(),
            );
            row.percent = true;
            row
        }));
        let mut out = PrintedTable::new(
            kind,
            table.unit,
            table
                .columns
                .iter()
                .cloned()
                .map(PrintedColumn::from)
                .collect(),
        );
        out.decimals = Some(table.decimals);
        out.rows = rows;
        out
    }
}

/// A printed report (tryckt rapport): the tables of one entity, checked together.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_report, CheckKind, DiscrepancyClass, PrintedReport, PrintedRow, PrintedTable, TableKind};
///
/// // Grästorps kommun prints årets resultat 2018 as 6 112 tkr in its resultaträkning 2019 and
/// // as 6 113 tkr in its balansräkning 2020 (finansiellinfo.se/Grastorp_2019, /Grastorp_2020).
/// let table = |kind, result: i64| {
///     let mut t = PrintedTable::new(kind, Scale::Tkr, vec!["2018".into()]);
///     t.rows = vec![PrintedRow::new("Årets resultat", vec![Some(Decimal::from(result))])];
///     t
/// };
/// let report = PrintedReport {
///     entity: Some("Grästorps kommun".into()),
///     source: None,
///     tables: vec![table(TableKind::IncomeStatement, 6_112), table(TableKind::BalanceSheet, 6_113)],
/// };
/// let findings = check_report(&report);
/// // The same amount at the same precision must print the same: an error, not rounding.
/// assert_eq!((findings[0].check, findings[0].class), (CheckKind::ResultAgreement, DiscrepancyClass::Error));
/// assert_eq!(findings[0].table, None); // between tables
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[doc(alias = "tryckt rapport")]
#[doc(alias = "årsredovisning")]
pub struct PrintedReport {
    /// Who published it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub entity: Option<String>,
    /// Where it was published.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub source: Option<String>,
    /// The tables, in printed order.
    #[cfg_attr(feature = "serde", serde(alias = "statements"))]
    pub tables: Vec<PrintedTable>,
}

/// Reads a printed value: `"– 423 231"`, `"−1 036,6"`, `"(512)"`, `"44,3 %"`,
/// `"-423231"`; an empty string or a lone dash is an empty cell.
///
/// # Errors
///
/// [`crate::Error::InvalidNumber`] for anything else: a second sign (`"--5"`,
/// `"– -5"`, `"(-5)"`), both a decimal comma and a point, letters, or a number too
/// large for an exact decimal (more than 28 digits: "för stort").
///
/// ```
/// use kommunal_redovisning::check::parse_printed;
/// use kommunal_redovisning::Decimal;
/// assert_eq!(parse_printed("– 423 231")?, Some(Decimal::from(-423_231)));
/// assert_eq!(parse_printed("\u{2212}1\u{a0}036,6")?, Some(Decimal::new(-10_366, 1)));
/// assert_eq!(parse_printed("(512)")?, Some(Decimal::from(-512)));
/// assert_eq!(parse_printed("44,3 %")?, Some(Decimal::new(443, 1)));
/// assert_eq!(parse_printed("–")?, None);
/// assert!(parse_printed("12 tkr").is_err());
/// assert!(parse_printed("(-5)").is_err());
/// let too_large = parse_printed("1234567890123456789012345678901");
/// assert!(too_large.is_err_and(|e| e.sv().to_string().contains("för stort")));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "tryckt belopp")]
pub fn parse_printed(text: &str) -> crate::Result<Option<Decimal>> {
    parse_cell(text).map(|c| c.map(|(v, _)| v))
}

/// [`parse_printed`], also saying whether the value carried a percent sign.
pub(super) fn parse_cell(text: &str) -> crate::Result<Option<(Decimal, bool)>> {
    let invalid = |reason: &str| crate::Error::InvalidNumber {
        input: text.to_owned(),
        reason: reason.to_owned(),
    };
    let trimmed = text.trim();
    if trimmed.is_empty() || ["-", "–", "—", "−", "\u{2011}", "\u{2012}"].contains(&trimmed) {
        return Ok(None);
    }
    let mut body: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    let mut percent = false;
    if let Some(b) = body.strip_suffix('%') {
        body = b.to_owned();
        percent = true;
    }
    let mut signs = 0_u8;
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        body = inner.to_owned();
        negative = true;
        signs = 1;
    }
    loop {
        let mut stripped = false;
        for (sign, minus) in [
            ('-', true),
            ('–', true),
            ('—', true),
            ('−', true),
            ('\u{2010}', true),
            ('\u{2011}', true),
            ('\u{2012}', true),
            ('+', false),
        ] {
            if let Some(rest) = body.strip_prefix(sign) {
                body = rest.to_owned();
                negative |= minus;
                signs = signs.saturating_add(1);
                stripped = true;
                break;
            }
        }
        if !stripped {
            break;
        }
    }
    if signs > 1 {
        return Err(invalid(
            "mer än ett tecken (\"--5\", \"– -5\", \"(-5)\"): skriv värdet med ett tecken",
        ));
    }
    if body.contains(',') && body.contains('.') {
        return Err(invalid("både decimalkomma och decimalpunkt"));
    }
    let canonical = body.replace(',', ".");
    let int_digits = canonical.split('.').next().unwrap_or("");
    if !canonical.is_empty()
        && canonical.chars().all(|c| c.is_ascii_digit() || c == '.')
        && int_digits.trim_start_matches('0').len() > 28
    {
        return Err(invalid(
            "för stort: fler än 28 siffror ryms inte i ett exakt decimaltal",
        ));
    }
    let value = parse_canonical_decimal(&canonical).map_err(|e| match e {
        crate::Error::InvalidNumber { reason, .. } if reason.contains("för stort") => {
            invalid("för stort för ett exakt decimaltal")
        }
        _ => invalid("väntade ett tryckt tal som \"– 423 231\" eller \"1 036,6\""),
    })?;
    Ok(Some((if negative { -value } else { value }, percent)))
}

#[cfg(feature = "serde")]
mod raw {
    //! Serde for printed rows: values as strings (tolerant), integers or `null`; floats
    //! refused; every refusal names the row and the column.

    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::{SerializeSeq, Serializer};

    use super::{PrintedColumn, PrintedColumnKind, PrintedRow, PrintedTable, TableKind};
    use crate::money::Scale;
    use crate::statement::StatementRowKind;

    /// A printed row as read, before its values are validated.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct RawRow {
        label: String,
        #[serde(default = "line_kind")]
        kind: StatementRowKind,
        #[serde(default, alias = "level")]
        depth: u8,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        percent: bool,
        #[serde(default)]
        sum_of: Vec<String>,
        #[serde(default)]
        deduction: bool,
        values: Vec<Cell>,
    }

    fn line_kind() -> StatementRowKind {
        StatementRowKind::Line
    }

    impl TryFrom<RawRow> for PrintedRow {
        type Error = String;

        fn try_from(raw: RawRow) -> Result<Self, String> {
            convert(raw, &|_| false, false)
        }
    }

    /// A printed table as read, before its rows are validated against its columns.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct RawTable {
        #[serde(alias = "statement")]
        kind: TableKind,
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        entity: Option<String>,
        #[serde(default)]
        source: Option<String>,
        #[serde(default)]
        part: Option<String>,
        #[serde(default)]
        note: Option<String>,
        #[serde(deserialize_with = "deserialize_unit")]
        unit: Scale,
        #[serde(default)]
        decimals: Option<u32>,
        columns: Vec<PrintedColumn>,
        rows: Vec<RawRow>,
    }

    impl TryFrom<RawTable> for PrintedTable {
        type Error = String;

        fn try_from(raw: RawTable) -> Result<Self, String> {
            let percent_columns: Vec<bool> = raw
                .columns
                .iter()
                .map(|c| {
                    matches!(
                        c.kind,
                        PrintedColumnKind::Share | PrintedColumnKind::ChangePercent
                    )
                })
                .collect();
            let percent_table = matches!(raw.kind, TableKind::KeyRatios | TableKind::SickLeave);
            let title = raw
                .title
                .clone()
                .unwrap_or_else(|| raw.kind.label().to_owned());
            let mut rows = Vec::with_capacity(raw.rows.len());
            for r in raw.rows {
                let ok = |c: usize| percent_columns.get(c).copied().unwrap_or(false);
                rows.push(
                    convert(r, &ok, percent_table)
                        .map_err(|e| format!("tabellen \"{title}\": {e}"))?,
                );
            }
            Ok(PrintedTable {
                kind: raw.kind,
                title: raw.title,
                entity: raw.entity,
                source: raw.source,
                part: raw.part,
                note: raw.note,
                unit: raw.unit,
                decimals: raw.decimals,
                columns: raw.columns,
                rows,
            })
        }
    }

    /// Validates a row's values: `percent_ok(column)` allows a percent sign in that
    /// column; in a table of percentages (`percent_table`) a percent sign makes the
    /// row a percent row.
    fn convert(
        raw: RawRow,
        percent_ok: &dyn Fn(usize) -> bool,
        percent_table: bool,
    ) -> Result<PrintedRow, String> {
        let mut values = Vec::with_capacity(raw.values.len());
        let mut row_percent = raw.percent;
        for (i, cell) in raw.values.into_iter().enumerate() {
            let column = i.saturating_add(1);
            let place = || format!("raden \"{}\", värde {column}", raw.label);
            match cell {
                Cell::Empty => values.push(None),
                Cell::Int(v) => values.push(Some(v)),
                Cell::Refused(reason) => return Err(format!("{}: {reason}", place())),
                Cell::Text(text) => match super::parse_cell(&text) {
                    Ok(None) => values.push(None),
                    Ok(Some((v, percent))) => {
                        if percent && !raw.percent && !percent_ok(i) {
                            if percent_table {
                                row_percent = true;
                            } else {
                                return Err(format!(
                                    "{}: \"{text}\" är ett procenttal på en rad med belopp (markera raden med \"percent\": true om den har procenttal)",
                                    place()
                                ));
                            }
                        }
                        values.push(Some(v));
                    }
                    Err(e) => return Err(format!("{}: {}", place(), e.sv())),
                },
            }
        }
        Ok(PrintedRow {
            label: raw.label,
            kind: raw.kind,
            depth: raw.depth,
            note: raw.note,
            percent: row_percent,
            sum_of: raw.sum_of,
            deduction: raw.deduction,
            values,
        })
    }

    #[allow(clippy::ref_option)]
    pub(super) fn serialize_values<S: Serializer>(
        values: &[Option<Decimal>],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(values.len()))?;
        for v in values {
            seq.serialize_element(&v.map(|d| d.to_string()))?;
        }
        seq.end()
    }

    /// The unit of a table: kr, tkr, mkr, Mkr, mnkr, mdkr (any case); anything else is
    /// refused by name.
    pub(super) fn deserialize_unit<'de, D: Deserializer<'de>>(d: D) -> Result<Scale, D::Error> {
        let text = String::deserialize(d)?;
        match text.trim().to_lowercase().trim_end_matches('.') {
            "kr" | "kronor" | "sek" => Ok(Scale::Kr),
            "tkr" | "tusen kronor" | "tsek" | "ksek" => Ok(Scale::Tkr),
            "mkr" | "mnkr" | "mn kr" | "miljoner kronor" | "msek" => Ok(Scale::Mnkr),
            "mdkr" | "mdr kr" | "miljarder kronor" => Ok(Scale::Mdkr),
            _ => Err(de::Error::custom(format!(
                "okänd enhet \"{text}\" (väntade kr, tkr, mkr, Mkr, mnkr eller mdkr)"
            ))),
        }
    }

    use serde::Deserialize;

    /// One printed cell as read.
    pub(super) enum Cell {
        Empty,
        Int(Decimal),
        Text(String),
        /// A JSON number that cannot be read exactly; the reason.
        Refused(String),
    }

    impl<'de> serde::Deserialize<'de> for Cell {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(CellVisitor)
        }
    }

    struct CellVisitor;

    impl Visitor<'_> for CellVisitor {
        type Value = Cell;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("ett tryckt värde som sträng (\"– 423 231\"), ett heltal eller null")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
            Ok(Cell::Text(v.to_owned()))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
            Ok(Cell::Int(Decimal::from(v)))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
            Ok(Cell::Int(Decimal::from(v)))
        }

        fn visit_i128<E: de::Error>(self, v: i128) -> Result<Cell, E> {
            Decimal::try_from_i128_with_scale(v, 0)
                .map(Cell::Int)
                .or_else(|_| {
                    Ok(Cell::Refused(format!(
                        "heltalet {v} är för stort för ett exakt decimaltal"
                    )))
                })
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
            #[allow(clippy::float_cmp, clippy::cast_precision_loss)]
            let integral = v.fract() == 0.0 && v.abs() >= 9_007_199_254_740_992.0;
            Ok(Cell::Refused(if integral {
                format!(
                    "JSON-heltalet {v:e} är för stort för att läsas exakt (utanför heltalsområdet för ett JSON-tal); skriv det som en sträng, som det är tryckt"
                )
            } else {
                format!(
                    "JSON-talet {v} avvisas: tal med decimaler går via binära flyttal; skriv värdet som det är tryckt, t.ex. \"{v}\""
                )
            }))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
            Ok(Cell::Empty)
        }

        fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
            Ok(Cell::Empty)
        }
    }
}
