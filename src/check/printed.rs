//! The printed form of a report: tables, rows and values as published, read from JSON.

use std::fmt;

use rust_decimal::Decimal;

use crate::money::{Scale, parse_canonical_decimal};
use crate::present::Column;
use crate::statement::StatementRowKind;

/// Which statement a printed table is.
#[doc(alias = "rapporttyp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StatementKind {
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
}

impl StatementKind {
    /// The Swedish name, lowercase.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            StatementKind::IncomeStatement => "resultaträkning",
            StatementKind::BalanceSheet => "balansräkning",
        }
    }
}

impl fmt::Display for StatementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One row of a statement as printed (tryckt rad).
#[doc(alias = "tryckt rad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrintedRow {
    /// The label as printed, e.g. "VERKSAMHETENS NETTOKOSTNADER".
    pub label: String,
    /// What the row is as printed (default: line). The checker places rows by label;
    /// the kind only says that a row without figures is a heading.
    #[cfg_attr(feature = "serde", serde(default = "line_kind"))]
    pub kind: StatementRowKind,
    /// A note reference, e.g. `"3"`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// `true` for a ratio row (soliditet): values in percent.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub percent: bool,
    /// One printed value per column, in the statement's unit (or percent); `None` for
    /// an empty cell.
    #[cfg_attr(feature = "serde", serde(with = "printed_values"))]
    pub values: Vec<Option<Decimal>>,
}

#[cfg(feature = "serde")]
fn line_kind() -> StatementRowKind {
    StatementRowKind::Line
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A statement as printed (tryckt rapport): unit, columns and rows with their printed
/// values, including the printed subtotals and totals.
#[doc(alias = "tryckt rapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrintedStatement {
    /// Resultaträkning or balansräkning.
    pub statement: StatementKind,
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
    /// The unit of the printed figures ("belopp i tkr").
    pub unit: Scale,
    /// Decimals printed; when absent, the most found among the values.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub decimals: Option<u32>,
    /// The columns (years, budget …).
    pub columns: Vec<Column>,
    /// The rows in printed order.
    pub rows: Vec<PrintedRow>,
}

impl PrintedStatement {
    /// A table as it would be printed: labels, kinds and notes of its rows and its
    /// figures in the table's unit, rounded to its decimals (half away from zero);
    /// key-ratio rows become percent rows. Round the table first
    /// ([`Table::rounded`](crate::Table::rounded)) to print what a renderer prints.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, Scale, Table};
    /// use kommunal_redovisning::check::{check_statement, PrintedStatement, StatementKind};
    /// use kommunal_redovisning::present::{Column, Rounding};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// let rs = IncomeStatement { operating_revenue: Amount::kr(1_400), operating_expenses: Amount::kr(-600), ..Default::default() };
    /// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    /// let table = Table::income_statement("RS", Scale::Kr, &layout, &[(Column::outcome("2025"), &rs)])?;
    /// // 1,4 − 0,6 = 0,8 tkr. Footed, the printed table adds up (1 + 0 = 1); rounded
    /// // line by line it does not (1 − 1 ≠ 1).
    /// let footed = table.rounded(&Rounding::new(Scale::Tkr))?.table;
    /// assert!(check_statement(&PrintedStatement::from_table(StatementKind::IncomeStatement, &footed)).is_empty());
    /// let plain = table.rounded(&Rounding::new(Scale::Tkr).without_footing())?.table;
    /// assert!(!check_statement(&PrintedStatement::from_table(StatementKind::IncomeStatement, &plain)).is_empty());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn from_table(statement: StatementKind, table: &crate::Table) -> PrintedStatement {
        let mode = crate::RoundingMode::HalfAwayFromZero;
        let mut rows: Vec<PrintedRow> = table
            .rows
            .iter()
            .map(|r| PrintedRow {
                label: r.label.clone(),
                kind: r.kind,
                note: r.note.clone(),
                percent: false,
                values: r
                    .cells
                    .iter()
                    .map(|c| c.map(|a| mode.round(a.to_scale(table.unit), table.decimals)))
                    .collect(),
            })
            .collect();
        rows.extend(table.ratios.iter().map(|r| {
            PrintedRow {
                label: r.label.clone(),
                kind: StatementRowKind::Line,
                note: None,
                percent: true,
                values: r
                    .values
                    .iter()
                    .map(|v| v.map(|p| mode.round(p.as_decimal(), r.decimals)))
                    .collect(),
            }
        }));
        PrintedStatement {
            statement,
            entity: None,
            source: None,
            unit: table.unit,
            decimals: Some(table.decimals),
            columns: table.columns.clone(),
            rows,
        }
    }
}

/// Several printed statements of one entity, checked together.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "tryckta rapporter")]
pub struct PrintedReport {
    /// Who published them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub entity: Option<String>,
    /// The statements.
    pub statements: Vec<PrintedStatement>,
}

/// Reads a printed value: `"– 423 231"`, `"−1 036,6"`, `"(512)"`, `"44,3 %"`,
/// `"-423231"`; an empty string or a lone dash is an empty cell.
///
/// # Errors
///
/// [`crate::Error::InvalidNumber`] for anything else.
///
/// ```
/// use kommunal_redovisning::check::parse_printed;
/// use rust_decimal::Decimal;
/// assert_eq!(parse_printed("– 423 231")?, Some(Decimal::from(-423_231)));
/// assert_eq!(parse_printed("\u{2212}1\u{a0}036,6")?, Some(Decimal::new(-10_366, 1)));
/// assert_eq!(parse_printed("(512)")?, Some(Decimal::from(-512)));
/// assert_eq!(parse_printed("44,3 %")?, Some(Decimal::new(443, 1)));
/// assert_eq!(parse_printed("–")?, None);
/// assert!(parse_printed("12 tkr").is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "tryckt belopp")]
pub fn parse_printed(text: &str) -> crate::Result<Option<Decimal>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || ["-", "–", "—", "−"].contains(&trimmed) {
        return Ok(None);
    }
    let mut body: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    if let Some(b) = body.strip_suffix('%') {
        body = b.to_owned();
    }
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        body = inner.to_owned();
        negative = true;
    }
    for minus in ['-', '–', '—', '−'] {
        if let Some(rest) = body.strip_prefix(minus) {
            body = rest.to_owned();
            negative = !negative;
            break;
        }
    }
    if let Some(rest) = body.strip_prefix('+') {
        body = rest.to_owned();
    }
    if body.contains(',') && body.contains('.') {
        return Err(crate::Error::InvalidNumber {
            input: text.to_owned(),
            reason: "both a decimal comma and a point".to_owned(),
        });
    }
    let canonical = body.replace(',', ".");
    let value = parse_canonical_decimal(&canonical).map_err(|_| crate::Error::InvalidNumber {
        input: text.to_owned(),
        reason: "expected a printed number such as \"– 423 231\" or \"1 036,6\"".to_owned(),
    })?;
    Ok(Some(if negative { -value } else { value }))
}

#[cfg(feature = "serde")]
mod printed_values {
    //! Serde for `Vec<Option<Decimal>>` as printed values: strings (tolerant),
    //! integers, `null`; floats refused.

    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, Deserializer, SeqAccess, Visitor};
    use serde::ser::{SerializeSeq, Serializer};

    pub fn serialize<S: Serializer>(values: &[Option<Decimal>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(values.len()))?;
        for v in values {
            seq.serialize_element(&v.map(|d| d.to_string()))?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        d.deserialize_seq(Values)
    }

    struct Values;

    impl<'de> Visitor<'de> for Values {
        type Value = Vec<Option<Decimal>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of printed values")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(Cell(v)) = seq.next_element()? {
                out.push(v);
            }
            Ok(out)
        }
    }

    struct Cell(Option<Decimal>);

    impl<'de> serde::Deserialize<'de> for Cell {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(CellVisitor).map(Cell)
        }
    }

    struct CellVisitor;

    impl<'de> Visitor<'de> for CellVisitor {
        type Value = Option<Decimal>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a printed value as a string (\"– 423 231\"), an integer or null")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            super::parse_printed(v).map_err(E::custom)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Err(E::custom(format_args!(
                "refusing the JSON number {v}: numbers with decimals pass through binary \
                 floating point; write the value as printed, e.g. \"{v}\""
            )))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
}
