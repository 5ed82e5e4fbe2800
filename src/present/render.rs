//! Renderers (återgivning) of a [`Table`]: plain text for a terminal, Markdown, CSV and
//! HTML.
//!
//! Every renderer prints the figures in the table's unit with the table's decimals
//! ([`Table::unit`], [`Table::decimals`]). The
//! [`NumberFormat`] given decides the minus sign, the thousands separator and the
//! decimal separator; its own `decimals` is replaced by the table's.

use crate::money::Amount;
use crate::present::format::NumberFormat;
use crate::present::table::{RatioRow, Table};
use crate::statement::RowKind;

/// The heading of the label column: "Belopp i tkr".
fn unit_heading(table: &Table) -> String {
    format!("Belopp i {}", table.unit.label())
}

/// The figure of a cell as text, empty for an empty cell.
fn figure(table: &Table, format: &NumberFormat, cell: Option<Amount>) -> String {
    cell.map_or_else(String::new, |a| {
        format.with_decimals(table.decimals).amount(a, table.unit)
    })
}

/// The figure of a ratio cell as text (`23,3 %`), empty for an empty cell.
fn ratio_figure(format: &NumberFormat, ratio: &RatioRow, column: usize) -> String {
    ratio
        .values
        .get(column)
        .copied()
        .flatten()
        .map_or_else(String::new, |p| {
            format.with_decimals(ratio.decimals).percent(p)
        })
}

/// A grid of text cells: the header, then one line per row and per ratio.
struct Grid {
    header: Vec<String>,
    lines: Vec<Vec<String>>,
}

fn grid(table: &Table, format: &NumberFormat, indent: &str) -> Grid {
    let notes = table.has_notes();
    let mut header = vec![unit_heading(table)];
    if notes {
        header.push("Not".to_owned());
    }
    header.extend(table.columns.iter().map(|c| c.label.clone()));
    let mut lines = Vec::with_capacity(table.rows.len() + table.ratios.len());
    for row in &table.rows {
        let mut line = vec![format!(
            "{}{}",
            indent.repeat(usize::from(row.depth)),
            row.label
        )];
        if notes {
            line.push(row.note.clone().unwrap_or_default());
        }
        for c in 0..table.columns.len() {
            line.push(if row.kind == RowKind::Heading {
                String::new()
            } else {
                figure(table, format, row.cell(c))
            });
        }
        lines.push(line);
    }
    for ratio in &table.ratios {
        let mut line = vec![ratio.label.clone()];
        if notes {
            line.push(String::new());
        }
        for c in 0..table.columns.len() {
            line.push(ratio_figure(format, ratio, c));
        }
        lines.push(line);
    }
    Grid { header, lines }
}

impl Table {
    /// Plain text for a terminal (klartext): the caption, a header line, then one line
    /// per row; labels left-aligned and indented two spaces per depth, note references
    /// and figures right-aligned, column widths from the content (counted in
    /// characters, not bytes), two spaces between columns, no trailing spaces.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, NumberFormat, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::RowKind;
    ///
    /// let mut t = Table::new("Ekonomisk ställning", Scale::Tkr, vec![Column::outcome("2025-06-30")]);
    /// t.push_row(TableRow::new("ek", "Eget kapital", RowKind::Line, ValueKind::Stock, vec![Some(Amount::tkr(8_521))]))?;
    /// let text = t.to_text(&NumberFormat::swedish().with_group_separator(Some(' ')));
    /// assert_eq!(text, "Ekonomisk ställning\nBelopp i tkr  2025-06-30\nEget kapital       8 521\n");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "klartext")]
    #[must_use]
    pub fn to_text(&self, format: &NumberFormat) -> String {
        let g = grid(self, format, "  ");
        let columns = g.header.len();
        let mut widths = vec![0_usize; columns];
        for line in std::iter::once(&g.header).chain(&g.lines) {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        if !self.caption.is_empty() {
            out.push_str(&self.caption);
            out.push('\n');
        }
        for line in std::iter::once(&g.header).chain(&g.lines) {
            let mut text = String::new();
            for (i, (cell, w)) in line.iter().zip(&widths).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                if i == 0 {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                } else {
                    text.push_str("  ");
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Percent, Scale};
    use crate::present::table::{Column, TableRow, ValueKind};

    #[test]
    fn text_counts_characters_not_bytes() {
        let mut t = Table::new(
            "Å",
            Scale::Tkr,
            vec![Column::outcome("2025"), Column::outcome("2024")],
        );
        t.push_row(
            TableRow::new(
                "a",
                "Årets resultat",
                RowKind::Total,
                ValueKind::Flow,
                vec![Some(Amount::tkr(-1_234)), None],
            )
            .with_note("7"),
        )
        .unwrap();
        t.push_row(
            TableRow::new(
                "b",
                "Övrigt",
                RowKind::Line,
                ValueKind::Flow,
                vec![Some(Amount::tkr(5)), Some(Amount::kr(499))],
            )
            .with_depth(1),
        )
        .unwrap();
        t.push_ratio(RatioRow {
            label: "Soliditet".into(),
            values: vec![Some(Percent::new("23.26".parse().unwrap())), None],
            decimals: 1,
        })
        .unwrap();
        let text = t.to_text(&NumberFormat::swedish());
        let expected = "Å\n\
            Belopp i tkr    Not    2025  2024\n\
            Årets resultat    7  \u{2212}1\u{a0}234\n\
            \x20\x20Övrigt                  5     0\n\
            Soliditet            23,3\u{a0}%\n";
        assert_eq!(text, expected);
    }
}
