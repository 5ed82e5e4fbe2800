//! The koncern's tables: the consolidation table (each party's contribution, the
//! eliminations, the sum) and the statements with kommun and koncern columns side by
//! side, all as [`Table`]s so every renderer (text, Markdown, CSV, HTML) prints them.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::money::Scale;
use crate::present::table::{balance_sums, income_sums};
use crate::present::{Column, ColumnKind, Table, ValueKind};
use crate::ratio::KeyRatios;
use crate::statement::{IncomeStatement, StatementLayout, StatementRow};

use super::consolidation::Consolidation;
use super::statement::{GroupIncomeStatement, TAX_ROW_ID};

fn group_income_sums(layout: &StatementLayout) -> BTreeMap<String, Vec<String>> {
    let mut sums = income_sums(layout);
    if let Some(parts) = sums.get_mut("arets_resultat") {
        parts.push(TAX_ROW_ID.to_owned());
    }
    sums
}

/// A column of a side-by-side resultaträkning: the kommun's or the koncern's.
///
/// ```
/// use kommunal_redovisning::IncomeStatement;
/// use kommunal_redovisning::group::{GroupIncomeStatement, IncomeColumn};
///
/// let rs = IncomeStatement::default();
/// let col = IncomeColumn::Kommun(&rs);
/// assert!(matches!(col, IncomeColumn::Kommun(_)));
/// let g = GroupIncomeStatement::default();
/// assert!(matches!(IncomeColumn::Koncern(&g), IncomeColumn::Koncern(_)));
/// ```
#[doc(alias = "kolumn")]
#[derive(Clone, Copy, Debug)]
pub enum IncomeColumn<'a> {
    /// The kommun's own resultaträkning.
    Kommun(&'a IncomeStatement),
    /// The sammanställda resultaträkning.
    Koncern(&'a GroupIncomeStatement),
}

/// Resultaträkning with kommun and koncern columns side by side (the usual layout of
/// an årsredovisning: Kommunen 2025, Kommunen 2024, Koncernen 2025, Koncernen 2024).
/// The koncern's skatt row is empty in the kommun's columns; årets resultat is the sum
/// of resultat efter finansiella poster, extraordinära poster and skatt in every
/// column.
///
/// ```
/// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, Scale};
/// use kommunal_redovisning::group::{income_statement_table, GroupIncomeStatement, IncomeColumn};
/// use kommunal_redovisning::present::Column;
/// use kommunal_redovisning::statement::StatementLayout;
///
/// let k = IncomeStatement { tax_revenue: Amount::tkr(100), ..Default::default() };
/// let g = GroupIncomeStatement { statement: k.clone(), tax: Amount::tkr(-5), minority_share: Amount::ZERO };
/// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
/// let t = income_statement_table("Resultaträkning", Scale::Tkr, &layout, &[
///     (Column::outcome("Kommunen 2025"), IncomeColumn::Kommun(&k)),
///     (Column::outcome("Koncernen 2025"), IncomeColumn::Koncern(&g)),
/// ])?;
/// let result = t.row("arets_resultat").map(|r| r.cells.clone());
/// assert_eq!(result, Some(vec![Some(Amount::tkr(100)), Some(Amount::tkr(95))]));
/// let tax = t.row("skatt").map(|r| r.cells.clone());
/// assert_eq!(tax, Some(vec![None, Some(Amount::tkr(-5))])); // the kommun pays no skatt
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
///
/// # Errors
///
/// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`] for an invalid table.
#[doc(alias = "resultaträkning kommun och koncern")]
pub fn income_statement_table(
    caption: impl Into<String>,
    unit: Scale,
    layout: &StatementLayout,
    columns: &[(Column, IncomeColumn<'_>)],
) -> Result<Table> {
    let mut rows: Vec<Vec<StatementRow>> = Vec::with_capacity(columns.len());
    for (_, c) in columns {
        rows.push(match c {
            IncomeColumn::Kommun(s) => s.rows(layout)?,
            IncomeColumn::Koncern(g) => g.rows(layout)?,
        });
    }
    Table::from_statement_rows(
        caption,
        unit,
        ValueKind::Flow,
        columns.iter().map(|(c, _)| c.clone()).collect(),
        &rows,
        &group_income_sums(layout),
    )
}

impl Consolidation {
    fn columns(&self) -> Vec<Column> {
        let mut cols: Vec<Column> = self
            .contributions
            .iter()
            .map(|c| Column::new(c.name.clone(), ColumnKind::Other))
            .collect();
        cols.push(Column::new("Elimineringar", ColumnKind::Other));
        cols.push(Column::outcome("Koncernen"));
        cols
    }

    /// The consolidation table of the resultaträkning: one column per party (at its
    /// share), the eliminations, and the koncern — every row of the koncern column is
    /// the sum of the others, so an auditor can follow each figure.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`].
    pub fn income_table(&self, layout: &StatementLayout, unit: Scale) -> Result<Table> {
        let mut rows = Vec::new();
        for c in &self.contributions {
            rows.push(c.income.rows(layout)?);
        }
        rows.push(self.eliminated_income.rows(layout)?);
        rows.push(self.income.rows(layout)?);
        Table::from_statement_rows(
            format!(
                "Sammanställning av resultaträkningen ({})",
                self.year_label()
            ),
            unit,
            ValueKind::Flow,
            self.columns(),
            &rows,
            &group_income_sums(layout),
        )
    }

    /// The consolidation table of the balansräkning, as [`Consolidation::income_table`].
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`].
    pub fn balance_table(&self, layout: &StatementLayout, unit: Scale) -> Result<Table> {
        let mut rows = Vec::new();
        for c in &self.contributions {
            rows.push(c.balance.rows(layout)?);
        }
        rows.push(self.eliminated_balance.rows(layout)?);
        let mut koncern = self.balance.clone();
        koncern.details.clear();
        rows.push(koncern.rows(layout)?);
        Table::from_statement_rows(
            format!("Sammanställning av balansräkningen ({})", self.year_label()),
            unit,
            ValueKind::Stock,
            self.columns(),
            &rows,
            &balance_sums(),
        )
    }

    /// The eliminations as a table: one row per entry, the party and the line in the
    /// label, the amount in one column.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidRule`].
    pub fn elimination_table(&self, unit: Scale) -> Result<Table> {
        use crate::present::TableRow;
        use crate::statement::StatementRowKind;
        let mut t = Table::new("Elimineringar", unit, vec![Column::outcome("Belopp")]);
        for (i, e) in self.eliminations.iter().enumerate() {
            t.push_row(TableRow::new(
                format!("e{i}"),
                e.description.clone(),
                StatementRowKind::Heading,
                ValueKind::Flow,
                vec![None],
            ))?;
            for (j, entry) in e.entries.iter().enumerate() {
                t.push_row(
                    TableRow::new(
                        format!("e{i}/{j}"),
                        format!("{}: {}", entry.party, entry.target.label()),
                        StatementRowKind::Line,
                        ValueKind::Flow,
                        vec![Some(entry.amount)],
                    )
                    .with_depth(1),
                )?;
            }
        }
        Ok(t)
    }

    /// The koncern's key ratios (soliditet with and without pensionsförpliktelser,
    /// skuldsättningsgrad, kassa- and balanslikviditet; Kolada's koncern ids N03110,
    /// N03034, N03109) from the sammanställd balansräkning.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn key_ratios(&self) -> Result<KeyRatios> {
        KeyRatios::from_balance_sheet(&self.balance)
    }

    fn year_label(&self) -> String {
        self.year.map_or_else(String::new, |y| y.to_string())
    }
}
