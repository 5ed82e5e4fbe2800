//! A report's document as an Excel workbook (feature `xlsx`).

use crate::error::Result;
use crate::present::{Table, tables_to_xlsx};

use super::render::{Block, Document};

impl Document {
    /// The document's tables as an Excel workbook (arbetsbok), one sheet per table in
    /// the document's order, as [`tables_to_xlsx`] writes them: Swedish number formats,
    /// bold subtotals that are live `SUM` formulas over their lines. The documents of
    /// [`InterimReport::document_in`](crate::report::InterimReport::document_in) and
    /// [`AnnualReport::document_in`](crate::report::AnnualReport::document_in) are
    /// rounded already, so the workbook holds what the report prints.
    ///
    /// # Errors
    ///
    /// As [`tables_to_xlsx`] (a table that was not rounded so that it foots is refused).
    ///
    /// ```
    /// # #[cfg(feature = "xlsx")] {
    /// use kommunal_redovisning::report::{DocSection, Document};
    /// let doc = Document { title: "T".into(), subtitle: String::new(), sections: vec![DocSection::new("1", "A", 1)] };
    /// assert!(doc.to_xlsx()?.starts_with(b"PK"));
    /// # }
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "excel")]
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        let tables: Vec<&Table> = self
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        tables_to_xlsx(&tables)
    }
}
