//! Publish and review (publicering och granskning): the two forms of a report's
//! [`Document`].
//!
//! - [`DocumentMode::Publish`] is what a kommun prints: no review appendix, no sentence
//!   about what the source lacks, no "beräknad"/"angiven" comparisons; lines that are
//!   zero in every column are left out where the layout allows (a sum, a total and a
//!   heading with figures under it stay); sections left empty are dropped and the rest
//!   renumbered; goal levels carry their symbols.
//! - [`DocumentMode::Review`] is the working paper: every part, every absent part said
//!   as such, and an appendix with every finding, including the rows that absorbed a
//!   rounding difference.
//!
//! In both, the tables of the document are rounded together
//! ([`ReportRounding`]): årets resultat prints the same in the resultaträkning, the
//! balansräkning and the balanskravsutredning, and every table foots.

use crate::error::Result;
use crate::present::{ReportRounding, RoundedReport, Table};
use crate::statement::StatementRowKind as RowKind;

use super::render::{Block, Document};

/// Which form of a report to build (dokumentläge): to publish or to review.
///
/// ```
/// use kommunal_redovisning::report::DocumentMode;
/// assert_eq!(DocumentMode::default(), DocumentMode::Review);
/// assert_eq!(DocumentMode::Publish.label(), "publicering");
/// ```
#[doc(alias = "dokumentläge")]
#[doc(alias = "publicering")]
#[doc(alias = "granskning")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DocumentMode {
    /// Publicering: what a kommun prints.
    Publish,
    /// Granskning: today's working paper with every finding (the default).
    #[default]
    Review,
}

impl DocumentMode {
    /// The Swedish name: "publicering" or "granskning".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            DocumentMode::Publish => "publicering",
            DocumentMode::Review => "granskning",
        }
    }

    /// `true` for [`DocumentMode::Publish`].
    #[must_use]
    pub fn is_publish(self) -> bool {
        self == DocumentMode::Publish
    }
}

impl Table {
    /// The same table without the lines that are zero or empty in every column
    /// (nollrader), for publication: plain lines and "varav" rows go, sums and totals
    /// stay, and a heading goes when the next row left is neither under it (deeper)
    /// nor another heading. The sums lose the hidden rows from their parts, so the
    /// table still foots.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind as RowKind;
    ///
    /// let mut t = Table::new("T", Scale::Tkr, vec![Column::outcome("2025")]);
    /// t.push_row(TableRow::new("h", "Avsättningar", RowKind::Heading, ValueKind::Stock, vec![None]))?;
    /// t.push_row(TableRow::new("p", "Pensioner", RowKind::Line, ValueKind::Stock, vec![Some(Amount::ZERO)]).with_depth(1))?;
    /// t.push_row(TableRow::new("a", "Kassa", RowKind::Line, ValueKind::Stock, vec![Some(Amount::tkr(5))]))?;
    /// t.push_row(TableRow::new("s", "Summa", RowKind::Total, ValueKind::Stock, vec![Some(Amount::tkr(5))]).with_sum_of(["p", "a"]))?;
    /// let shown = t.without_zero_rows();
    /// let ids: Vec<&str> = shown.rows.iter().map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["a", "s"]);
    /// assert_eq!(shown.row("s").map(|r| r.sum_of.clone()), Some(vec!["a".to_owned()]));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    #[doc(alias = "nollrader")]
    pub fn without_zero_rows(&self) -> Table {
        let zero =
            |r: &crate::present::TableRow| r.cells.iter().all(|c| c.is_none_or(|a| a.is_zero()));
        let mut keep: Vec<bool> = self
            .rows
            .iter()
            .map(|r| {
                !(matches!(r.kind, RowKind::Line | RowKind::OfWhich) && !r.is_sum() && zero(r))
            })
            .collect();
        // A heading goes when the next row left is not under it (deeper) and is not
        // another heading (a heading followed by a heading opens a group of groups:
        // TILLGÅNGAR, Anläggningstillgångar). Bottom up, so later headings are decided.
        for i in (0..self.rows.len()).rev() {
            let Some(row) = self.rows.get(i) else {
                continue;
            };
            if row.kind != RowKind::Heading {
                continue;
            }
            let next = self
                .rows
                .iter()
                .zip(&keep)
                .skip(i.saturating_add(1))
                .find(|(_, k)| **k)
                .map(|(r, _)| r);
            let shown = next.is_some_and(|n| n.depth > row.depth || n.kind == RowKind::Heading);
            if let Some(k) = keep.get_mut(i) {
                *k = shown;
            }
        }
        let hidden: Vec<&str> = self
            .rows
            .iter()
            .zip(&keep)
            .filter(|(_, k)| !**k)
            .map(|(r, _)| r.id.as_str())
            .collect();
        let mut out = self.clone();
        out.rows = self
            .rows
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(r, _)| {
                let mut r = r.clone();
                r.sum_of.retain(|p| !hidden.contains(&p.as_str()));
                r
            })
            .collect();
        out
    }
}

impl Document {
    /// Every table of the document, in order.
    pub fn tables_mut(&mut self) -> impl Iterator<Item = &mut Table> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.blocks.iter_mut())
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
    }

    /// Rounds every table of the document together ([`ReportRounding::round`]), in
    /// place, each to its own unit and decimals; returns what the rounding did (the
    /// shared figures, the rows that absorbed a difference).
    ///
    /// # Errors
    ///
    /// As [`ReportRounding::round`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, ReportRounding, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::report::{Block, DocSection, Document};
    /// use kommunal_redovisning::statement::StatementRowKind as RowKind;
    ///
    /// let mut t = Table::new("T", Scale::Tkr, vec![Column::outcome("2025")]);
    /// t.push_row(TableRow::new("r", "Årets resultat", RowKind::Total, ValueKind::Flow, vec![Some(Amount::kr(1_499))]))?;
    /// let mut s = DocSection::new("1", "Resultat", 1);
    /// s.blocks.push(Block::Table(t));
    /// let mut doc = Document { title: "D".into(), subtitle: String::new(), sections: vec![s] };
    /// doc.round_tables(&ReportRounding::default())?;
    /// let first = doc.tables_mut().next().and_then(|t| t.rows[0].cells[0]);
    /// assert_eq!(first, Some(Amount::tkr(1)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "avrunda")]
    pub fn round_tables(&mut self, rounding: &ReportRounding) -> Result<RoundedReport> {
        let tables: Vec<Table> = self.tables_mut().map(|t| t.clone()).collect();
        let rounded = rounding.round(&tables)?;
        for (slot, r) in self.tables_mut().zip(&rounded.tables) {
            *slot = r.table.clone();
        }
        Ok(rounded)
    }

    /// Prepares the document for publication: tables without zero lines
    /// ([`Table::without_zero_rows`]), no [`Block::Absent`] sentences, sections left
    /// without content dropped (a main section stays while a subsection follows it)
    /// and the numbered ones renumbered in order ("1", "1.1", …).
    pub fn prepare_for_publication(&mut self) {
        for s in &mut self.sections {
            s.blocks.retain(|b| !matches!(b, Block::Absent(_)));
            for b in &mut s.blocks {
                if let Block::Table(t) = b {
                    *t = t.without_zero_rows();
                }
            }
        }
        let n = self.sections.len();
        let keep: Vec<bool> = (0..n)
            .map(|i| {
                let Some(s) = self.sections.get(i) else {
                    return false;
                };
                if !s.blocks.is_empty() {
                    return true;
                }
                // An empty section stays only as the heading of subsections with content.
                let mut j = i.saturating_add(1);
                while let Some(next) = self.sections.get(j) {
                    if next.level <= s.level {
                        break;
                    }
                    if !next.blocks.is_empty() {
                        return true;
                    }
                    j = j.saturating_add(1);
                }
                false
            })
            .collect();
        let mut i = 0;
        self.sections.retain(|_| {
            let k = keep.get(i).copied().unwrap_or(true);
            i = i.saturating_add(1);
            k
        });
        let mut counters: Vec<usize> = Vec::new();
        for s in &mut self.sections {
            if s.number.is_empty() {
                continue;
            }
            let level = usize::from(s.level.max(1));
            counters.truncate(level);
            while counters.len() < level {
                counters.push(0);
            }
            if let Some(last) = counters.last_mut() {
                *last = last.saturating_add(1);
            }
            s.number = counters
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::DocSection;

    #[test]
    fn publication_drops_empty_sections_and_renumbers() {
        let with = |n: &str, t: &str, l: u8, absent: bool, text: bool| {
            let mut s = DocSection::new(n, t, l);
            if absent {
                s.blocks.push(Block::Absent("saknas".into()));
            }
            if text {
                s.blocks.push(Block::Paragraph("text".into()));
            }
            s
        };
        let mut doc = Document {
            title: "T".into(),
            subtitle: String::new(),
            sections: vec![
                with("1", "A", 1, false, false),
                with("1.1", "B", 2, true, false),
                with("1.2", "C", 2, true, true),
                with("2", "D", 1, false, false),
                with("2.1", "E", 2, true, false),
                with("3", "F", 1, false, true),
                with("", "Bilaga", 1, false, true),
            ],
        };
        doc.prepare_for_publication();
        let headings: Vec<String> = doc.sections.iter().map(|s| s.heading()).collect();
        assert_eq!(headings, ["1 A", "1.1 C", "2 F", "Bilaga"]);
        assert!(
            doc.sections
                .iter()
                .flat_map(|s| &s.blocks)
                .all(|b| !matches!(b, Block::Absent(_)))
        );
    }
}
