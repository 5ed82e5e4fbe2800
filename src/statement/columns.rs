//! Rows with several amount columns (kolumner): the shape of the follow-up statements
//! (driftredovisning, investeringsredovisning, resultaträkning med budget och prognos),
//! and the check of printed figures against the derived ones.

use super::StatementRowKind;
use crate::error::{Error, Result};
use crate::money::{Amount, Scale};
use crate::present::{Column, ColumnKind, Table, TableRow, ValueKind};

/// A column of a [`ColumnRows`] (kolumn): a stable id and the Swedish heading.
///
/// ```
/// use kommunal_redovisning::statement::{ColumnRows, StatementColumn};
///
/// let rows = ColumnRows {
///     columns: vec![StatementColumn { id: "budget".into(), label: "Budget".into() }],
///     rows: vec![],
/// };
/// assert_eq!(rows.column_index("budget"), Some(0));
/// assert_eq!(rows.column_index("prognos"), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "kolumn")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StatementColumn {
    /// A stable identifier, e.g. `"budget"`, `"avvikelse_prognos"`.
    pub id: String,
    /// The heading as printed, e.g. "Avvikelse prognos mot budget".
    pub label: String,
}

/// One row of a [`ColumnRows`]: like [`super::StatementRow`], with one value per column.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::statement::{ColumnRow, ColumnRows, StatementColumn, StatementRowKind};
///
/// // Påhittat belopp (tkr).
/// let row = ColumnRow {
///     id: "Kommunstyrelsen/IT".into(), label: "IT".into(), kind: StatementRowKind::Line,
///     depth: 1, values: vec![Some(Amount::tkr(-1_200))], note: None,
/// };
/// let rows = ColumnRows { columns: vec![StatementColumn { id: "utfall".into(), label: "Utfall".into() }], rows: vec![row] };
/// assert_eq!(rows.value("Kommunstyrelsen/IT", "utfall"), Some(Amount::tkr(-1_200)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "rad")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ColumnRow {
    /// A stable identifier; for organisational units the path of names joined by `/`
    /// (e.g. `"Kommunstyrelsen/IT"`).
    pub id: String,
    /// The Swedish label as printed.
    pub label: String,
    /// Heading, line, subtotal (a group of units), total or specification.
    pub kind: StatementRowKind,
    /// Indentation level, 0 for top-level rows.
    pub depth: u8,
    /// One value per column of the table, in column order; `None` for an empty cell.
    pub values: Vec<Option<Amount>>,
    /// A note reference (notreferens).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

/// Rows with named amount columns (flerkolumnstabell), the output of
/// [`OperatingStatement::rows`](crate::OperatingStatement::rows),
/// [`InvestmentStatement::rows`](crate::InvestmentStatement::rows) and
/// [`IncomeStatementFollowUp::rows`](crate::IncomeStatementFollowUp::rows).
///
/// Every derived cell (sums, deviations) is computed from the statement; nothing is
/// stored twice. [`ColumnRows::compare_printed`] checks a printed report's figures
/// against them.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::statement::{ColumnRow, ColumnRows, StatementColumn, StatementRowKind};
///
/// // Påhittat belopp (tkr); an empty cell is `None`.
/// let rows = ColumnRows {
///     columns: vec![
///         StatementColumn { id: "budget".into(), label: "Budget".into() },
///         StatementColumn { id: "utfall".into(), label: "Utfall".into() },
///     ],
///     rows: vec![ColumnRow {
///         id: "totalt".into(), label: "Totalt".into(), kind: StatementRowKind::Total, depth: 0,
///         values: vec![Some(Amount::tkr(859)), None], note: None,
///     }],
/// };
/// assert_eq!(rows.value("totalt", "budget"), Some(Amount::tkr(859)));
/// assert_eq!(rows.value("totalt", "utfall"), None);
/// ```
#[doc(alias = "kolumner")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ColumnRows {
    /// The columns, in order.
    pub columns: Vec<StatementColumn>,
    /// The rows, in order.
    pub rows: Vec<ColumnRow>,
}

impl ColumnRows {
    /// The position of the column with `id`.
    #[must_use]
    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// The row with `id`.
    #[must_use]
    pub fn row(&self, id: &str) -> Option<&ColumnRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The cell at row `row_id`, column `column_id`; `None` when either is absent or
    /// the cell is empty.
    #[must_use]
    pub fn value(&self, row_id: &str, column_id: &str) -> Option<Amount> {
        let i = self.column_index(column_id)?;
        self.row(row_id)?.values.get(i).copied().flatten()
    }

    /// Compares figures printed in a report with the derived cells.
    ///
    /// A printed figure that equals the derived one is not reported. A difference of at
    /// most `tolerance` (e.g. 1 tkr for a table printed in whole tkr, where the printed
    /// parts were rounded separately) is a [`PrintedDifferenceKind::Rounding`]; a larger
    /// one is a [`PrintedDifferenceKind::Error`]; a printed figure for a row or column
    /// that the statement lacks (or an empty cell) is
    /// [`PrintedDifferenceKind::NotFound`]. Findings are data, not errors.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a difference cannot be computed.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::statement::{
    ///     StatementColumn, ColumnRow, ColumnRows, PrintedDifferenceKind, PrintedFigure, StatementRowKind,
    /// };
    ///
    /// let rows = ColumnRows {
    ///     columns: vec![StatementColumn { id: "budget".into(), label: "Budget".into() }],
    ///     rows: vec![ColumnRow {
    ///         id: "totalt".into(), label: "Totalt".into(), kind: StatementRowKind::Total, depth: 0,
    ///         values: vec![Some(Amount::tkr(859))], note: None,
    ///     }],
    /// };
    /// let printed = [
    ///     PrintedFigure::new("totalt", "budget", Amount::tkr(859)),
    ///     PrintedFigure::new("totalt", "prognos", Amount::tkr(1_374)),
    /// ];
    /// let found = rows.compare_printed(&printed, Amount::tkr(1))?;
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].kind, PrintedDifferenceKind::NotFound);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn compare_printed(
        &self,
        printed: &[PrintedFigure],
        tolerance: Amount,
    ) -> Result<Vec<PrintedDifference>> {
        let tolerance = tolerance.abs();
        let mut found = Vec::new();
        for p in printed {
            let Some(derived) = self.value(&p.row, &p.column) else {
                found.push(PrintedDifference {
                    figure: p.clone(),
                    derived: None,
                    difference: None,
                    kind: PrintedDifferenceKind::NotFound,
                });
                continue;
            };
            if derived == p.amount {
                continue;
            }
            let difference = p.amount.checked_sub(derived)?;
            let kind = if difference.abs() <= tolerance {
                PrintedDifferenceKind::Rounding
            } else {
                PrintedDifferenceKind::Error
            };
            found.push(PrintedDifference {
                figure: p.clone(),
                derived: Some(derived),
                difference: Some(difference),
                kind,
            });
        }
        Ok(found)
    }

    /// Like [`ColumnRows::compare_printed`], but any finding is an error: the first one
    /// is returned as [`Error::Mismatch`] (or [`Error::InvalidRule`] for a figure whose
    /// cell does not exist).
    ///
    /// # Errors
    ///
    /// As described; [`Error::Overflow`].
    pub fn check_printed(&self, printed: &[PrintedFigure]) -> Result<()> {
        match self
            .compare_printed(printed, Amount::ZERO)?
            .into_iter()
            .next()
        {
            None => Ok(()),
            Some(d) => Err(d.into_error()),
        }
    }
}

/// A figure as printed in a report, addressed by row id and column id.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::statement::PrintedFigure;
///
/// let p = PrintedFigure::new("totalt", "budget", Amount::tkr(859));
/// assert_eq!((p.row.as_str(), p.column.as_str(), p.amount), ("totalt", "budget", Amount::tkr(859)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "tryckt belopp")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedFigure {
    /// The row id (see [`ColumnRow::id`]).
    pub row: String,
    /// The column id (see [`StatementColumn::id`]).
    pub column: String,
    /// The printed amount.
    pub amount: Amount,
}

impl PrintedFigure {
    /// A printed figure.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::statement::PrintedFigure;
    ///
    /// let p = PrintedFigure::new("totalt", "prognos", Amount::tkr(1_374));
    /// assert_eq!(p.amount, Amount::tkr(1_374));
    /// ```
    #[must_use]
    pub fn new(row: impl Into<String>, column: impl Into<String>, amount: Amount) -> Self {
        PrintedFigure {
            row: row.into(),
            column: column.into(),
            amount,
        }
    }
}

/// What kind of difference a printed figure shows.
///
/// ```
/// # use kommunal_redovisning::Amount;
/// # use kommunal_redovisning::statement::{ColumnRow, ColumnRows, StatementColumn, StatementRowKind};
/// use kommunal_redovisning::statement::{PrintedDifferenceKind, PrintedFigure};
///
/// // Påhittat belopp: derived 859 tkr, printed 860 tkr → within 1 tkr it is rounding.
/// let rows = ColumnRows {
///     columns: vec![StatementColumn { id: "budget".into(), label: "Budget".into() }],
///     rows: vec![ColumnRow { id: "totalt".into(), label: "Totalt".into(), kind: StatementRowKind::Total,
///         depth: 0, values: vec![Some(Amount::tkr(859))], note: None }],
/// };
/// let printed = [PrintedFigure::new("totalt", "budget", Amount::tkr(860))];
/// assert_eq!(rows.compare_printed(&printed, Amount::tkr(1))?[0].kind, PrintedDifferenceKind::Rounding);
/// assert_eq!(rows.compare_printed(&printed, Amount::ZERO)?[0].kind, PrintedDifferenceKind::Error);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "avrundningsdifferens")]
pub enum PrintedDifferenceKind {
    /// Within the rounding tolerance (avrundningsdifferens).
    Rounding,
    /// Larger than the tolerance: a real error in the printed table or in the input.
    Error,
    /// The statement has no such row or column, or the cell is empty.
    NotFound,
}

/// A printed figure that does not equal the derived one (a finding, not an error).
///
/// ```
/// # use kommunal_redovisning::Amount;
/// # use kommunal_redovisning::statement::{ColumnRow, ColumnRows, StatementColumn, StatementRowKind};
/// use kommunal_redovisning::statement::PrintedFigure;
///
/// // Påhittat belopp: derived 859 tkr, printed 869 tkr.
/// let rows = ColumnRows {
///     columns: vec![StatementColumn { id: "budget".into(), label: "Budget".into() }],
///     rows: vec![ColumnRow { id: "totalt".into(), label: "Totalt".into(), kind: StatementRowKind::Total,
///         depth: 0, values: vec![Some(Amount::tkr(859))], note: None }],
/// };
/// let d = &rows.compare_printed(&[PrintedFigure::new("totalt", "budget", Amount::tkr(869))], Amount::tkr(1))?[0];
/// assert_eq!((d.derived, d.difference), (Some(Amount::tkr(859)), Some(Amount::tkr(10))));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "differens")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedDifference {
    /// The printed figure.
    pub figure: PrintedFigure,
    /// The derived figure, when the cell exists.
    pub derived: Option<Amount>,
    /// `printed − derived`, when the cell exists.
    pub difference: Option<Amount>,
    /// Rounding, error or not found.
    pub kind: PrintedDifferenceKind,
}

impl PrintedDifference {
    /// The finding as an [`Error`].
    #[must_use]
    pub fn into_error(self) -> Error {
        match (self.derived, self.difference) {
            (Some(derived), Some(difference)) => Error::Mismatch {
                what: format!("{} / {}", self.figure.row, self.figure.column),
                left_label: "tryckt".into(),
                left: self.figure.amount,
                right_label: "beräknad".into(),
                right: derived,
                difference,
            },
            _ => Error::InvalidRule(format!(
                "den tryckta siffran för raden {:?}, kolumnen {:?} har ingen cell i uppställningen",
                self.figure.row, self.figure.column
            )),
        }
    }
}

/// A [`Table`] from rows of a tree of units (each group's row before its parts, the
/// total last): a group's row is the sum of its direct parts, the total the sum of the
/// top-level rows, so that presentation rounding foots. `kind_of` gives each column's
/// kind from its id.
pub(crate) fn tree_table(
    rows: &ColumnRows,
    caption: String,
    unit: Scale,
    kind_of: impl Fn(&str) -> ColumnKind,
) -> Result<Table> {
    let columns = rows
        .columns
        .iter()
        .map(|c| Column::new(c.label.clone(), kind_of(&c.id)))
        .collect();
    let mut table = Table::new(caption, unit, columns);
    for (i, r) in rows.rows.iter().enumerate() {
        let sum_of: Vec<String> = match r.kind {
            StatementRowKind::Subtotal => rows
                .rows
                .iter()
                .skip(i.saturating_add(1))
                .take_while(|x| x.depth > r.depth && x.kind != StatementRowKind::Total)
                .filter(|x| x.depth == r.depth.saturating_add(1))
                .map(|x| x.id.clone())
                .collect(),
            StatementRowKind::Total => rows
                .rows
                .iter()
                .filter(|x| x.depth == 0 && x.kind != StatementRowKind::Total)
                .map(|x| x.id.clone())
                .collect(),
            _ => Vec::new(),
        };
        let mut row = TableRow::new(
            r.id.clone(),
            r.label.clone(),
            r.kind,
            ValueKind::Flow,
            r.values.clone(),
        )
        .with_depth(r.depth)
        .with_sum_of(sum_of);
        row.note.clone_from(&r.note);
        table.push_row(row)?;
    }
    table.validate()?;
    Ok(table)
}

/// `a + b` when both are present; `None` when either is absent.
pub(crate) fn add_both(a: Option<Amount>, b: Option<Amount>) -> Result<Option<Amount>> {
    match (a, b) {
        (Some(a), Some(b)) => a.checked_add(b).map(Some),
        _ => Ok(None),
    }
}

/// `a − b` when both are present; `None` when either is absent.
pub(crate) fn sub_both(a: Option<Amount>, b: Option<Amount>) -> Result<Option<Amount>> {
    match (a, b) {
        (Some(a), Some(b)) => a.checked_sub(b).map(Some),
        _ => Ok(None),
    }
}

/// `a + b` over the present values; `None` only when both are absent.
pub(crate) fn add_present(a: Option<Amount>, b: Option<Amount>) -> Result<Option<Amount>> {
    match (a, b) {
        (Some(a), Some(b)) => a.checked_add(b).map(Some),
        (Some(x), None) | (None, Some(x)) => Ok(Some(x)),
        (None, None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ColumnRows {
        ColumnRows {
            columns: vec![
                StatementColumn {
                    id: "budget".into(),
                    label: "Budget".into(),
                },
                StatementColumn {
                    id: "prognos".into(),
                    label: "Prognos".into(),
                },
            ],
            rows: vec![ColumnRow {
                id: "IT".into(),
                label: "IT".into(),
                kind: StatementRowKind::Line,
                depth: 0,
                values: vec![Some(Amount::tkr(760)), None],
                note: None,
            }],
        }
    }

    #[test]
    fn printed_rounding_error_and_missing_cells() {
        let t = table();
        let printed = [
            PrintedFigure::new("IT", "budget", Amount::tkr(760)),
            PrintedFigure::new("IT", "budget", Amount::tkr(761)),
            PrintedFigure::new("IT", "budget", Amount::tkr(758)),
            PrintedFigure::new("IT", "prognos", Amount::tkr(958)),
            PrintedFigure::new("Kundtjänst", "budget", Amount::tkr(82)),
        ];
        let found = t.compare_printed(&printed, Amount::tkr(1)).unwrap();
        let kinds: Vec<_> = found.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                PrintedDifferenceKind::Rounding,
                PrintedDifferenceKind::Error,
                PrintedDifferenceKind::NotFound,
                PrintedDifferenceKind::NotFound
            ]
        );
        assert_eq!(found[1].difference, Some(Amount::tkr(-2)));
        let err = t.check_printed(&printed[1..2]).unwrap_err().to_string();
        assert!(err.contains("IT / budget"), "{err}");
        assert!(err.contains("1000.00"), "{err}");
        t.check_printed(&printed[..1]).unwrap();
    }

    #[test]
    fn option_arithmetic() {
        let a = Some(Amount::tkr(2));
        assert_eq!(add_both(a, None).unwrap(), None);
        assert_eq!(
            sub_both(a, Some(Amount::tkr(3))).unwrap(),
            Some(Amount::tkr(-1))
        );
        assert_eq!(add_present(a, None).unwrap(), a);
        assert_eq!(add_present(None, None).unwrap(), None);
        assert!(add_both(Some(Amount::MAX), a).is_err());
    }
}
