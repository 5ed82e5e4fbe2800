//! Presentation rounding (avrundning för presentation) with footing by the largest
//! remainder method.
//!
//! Rounding every figure of a table on its own makes printed lines disagree with
//! printed totals. [`Table::rounded`] rounds a *copy* of a table to a unit and a number
//! of decimals and, with footing on (the default), apportions the rounding so that
//!
//! - every printed sum equals the sum of its printed parts ([`TableRow::sum_of`](crate::present::TableRow::sum_of)),
//! - every top-level sum (a sum that is no other row's part, e.g. årets resultat,
//!   summa tillgångar) equals its exact value rounded, and
//! - every printed figure is its exact value rounded down or up to the unit (never
//!   further away than one unit).
//!
//! # Method
//!
//! Hierarchical largest remainder, top down. A top-level sum is rounded with the
//! [`RoundingMode`]. Its printed value is then apportioned among its direct parts: each
//! part starts at its own rounded value; if they do not add up to the printed sum, the
//! missing units go to the parts whose exact value is nearest the next unit in that
//! direction (the largest remainder, measured from the floor, so negative figures are
//! handled like positive ones), plain lines before sums. A part that is itself a sum
//! then apportions its printed value among its own parts, and so on down.
//!
//! Because lines absorb the difference before sums do, every intermediate sum also
//! equals its rounded exact value whenever that is possible at all — that is, when the
//! lines directly under each sum can make up the difference between the rounded sum
//! and its rounded sub-sums. When it is not possible (summa eget kapital, avsättningar
//! och skulder has no lines of its own, and 0,4 + 0,4 + 0,4 = 1,2 rounds to 1 while
//! the rounded parts add to 0), the sum nearest the next unit is moved by one unit,
//! and the table still foots.
//!
//! With footing off, every figure is rounded on its own and the rounding differences
//! (avrundningsdifferenser) of the sums are reported instead.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Amount, RoundingMode, Scale};
use crate::present::table::Table;

/// How to round a table for presentation (avrundning): the unit, the decimals, the
/// rounding mode and whether to foot.
///
/// ```
/// use kommunal_redovisning::{RoundingMode, Scale};
/// use kommunal_redovisning::present::Rounding;
///
/// let r = Rounding::new(Scale::Mnkr).with_decimals(1);
/// assert_eq!(r.mode, RoundingMode::HalfAwayFromZero);
/// assert!(r.footing);
/// ```
#[doc(alias = "avrundning")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Rounding {
    /// The unit figures are shown in.
    pub scale: Scale,
    /// Decimals shown in that unit (at most 28).
    pub decimals: u32,
    /// How a single figure is rounded (half away from zero by default).
    pub mode: RoundingMode,
    /// Foot the table by the largest remainder method (default `true`); `false` rounds
    /// every figure on its own and reports the rounding differences.
    pub footing: bool,
}

impl Default for Rounding {
    /// Tkr, no decimals, half away from zero, footing on.
    fn default() -> Self {
        Rounding::new(Scale::Tkr)
    }
}

impl Rounding {
    /// Whole units of `scale`, half away from zero, footing on.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::Rounding;
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // Whole mnkr: 1 + 0 + 0 + 0 = 1, and Totalt 1,374 rounds to 1 as well.
    /// let r = prognos.rounded(&Rounding::new(Scale::Mnkr))?;
    /// assert_eq!(r.table.unit, Scale::Mnkr);
    /// assert_eq!(value(&r.table, "totalt"), Some(Amount::mnkr(1)));
    /// assert!(r.differences.is_empty());
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub const fn new(scale: Scale) -> Self {
        Rounding {
            scale,
            decimals: 0,
            mode: RoundingMode::HalfAwayFromZero,
            footing: true,
        }
    }

    /// The same rounding with `decimals` decimals.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::Rounding;
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // To 0,1 mnkr the lines round to 1,0 + 0,4 − 0,2 + 0,3 = 1,5, but Totalt to 1,4:
    /// // footing takes the unit from the line nearest rounding down (Kundtjänst, 0,355).
    /// let r = prognos.rounded(&Rounding::new(Scale::Mnkr).with_decimals(1))?;
    /// assert_eq!(value(&r.table, "totalt"), Some(Amount::tkr(1_400)));
    /// assert_eq!(value(&r.table, "Kundtjänst"), Some(Amount::tkr(300)));
    /// assert!(r.differences.is_empty());
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub const fn with_decimals(mut self, decimals: u32) -> Self {
        self.decimals = decimals;
        self
    }

    /// The same rounding with another mode.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::Rounding;
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // IT's 958 tkr is 1,0 mnkr rounded half away from zero, 0,9 toward zero.
    /// let it = table("IT", &[("IT", 958)], None)?;
    /// let toward_zero = Rounding::new(Scale::Mnkr).with_decimals(1).with_mode(RoundingMode::TowardZero);
    /// assert_eq!(value(&it.rounded(&toward_zero)?.table, "IT"), Some(Amount::tkr(900)));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub const fn with_mode(mut self, mode: RoundingMode) -> Self {
        self.mode = mode;
        self
    }

    /// The same rounding without footing: figures rounded one by one, differences
    /// reported.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
    /// # use kommunal_redovisning::present::Rounding;
    /// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
    /// # use kommunal_redovisning::statement::StatementRowKind;
    /// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
    /// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
    /// #     t.decimals = 1;
    /// #     for &(id, tkr) in rows {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
    /// #     }
    /// #     if let Some(tkr) = total {
    /// #         let cells = vec![Some(Amount::tkr(tkr))];
    /// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
    /// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
    /// #     }
    /// #     Ok(t)
    /// # }
    /// # fn main() -> kommunal_redovisning::Result<()> {
    /// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
    /// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
    /// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
    /// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
    /// // Rounded one by one to 0,1 mnkr the lines add up to 1,5 but Totalt prints 1,4.
    /// let r = prognos.rounded(&Rounding::new(Scale::Mnkr).with_decimals(1).without_footing())?;
    /// assert_eq!(value(&r.table, "Kundtjänst"), Some(Amount::tkr(400)));
    /// assert_eq!(r.differences.len(), 1);
    /// assert_eq!(r.differences[0].difference, Amount::tkr(-100));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub const fn without_footing(mut self) -> Self {
        self.footing = false;
        self
    }
}

/// A rounding difference (avrundningsdifferens): a printed sum that is not the sum of
/// its printed parts.
///
/// ```
/// # use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
/// # use kommunal_redovisning::present::Rounding;
/// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
/// # use kommunal_redovisning::statement::StatementRowKind;
/// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
/// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
/// #     t.decimals = 1;
/// #     for &(id, tkr) in rows {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
/// #     }
/// #     if let Some(tkr) = total {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
/// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
/// #     }
/// #     Ok(t)
/// # }
/// # fn main() -> kommunal_redovisning::Result<()> {
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
/// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
/// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
/// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
/// let r = prognos.rounded(&Rounding::new(Scale::Mnkr).with_decimals(1).without_footing())?;
/// let d = &r.differences[0];
/// assert_eq!((d.row_id.as_str(), d.column_label.as_str()), ("totalt", "Prognos 2025"));
/// assert_eq!((d.printed, d.sum_of_parts), (Amount::tkr(1_400), Amount::tkr(1_500)));
/// # Ok(()) }
/// ```
#[doc(alias = "avrundningsdifferens")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RoundingDifference {
    /// The id of the sum row.
    pub row_id: String,
    /// Its label.
    pub label: String,
    /// The column's position.
    pub column: usize,
    /// The column's label.
    pub column_label: String,
    /// The printed (rounded) sum, in kronor.
    pub printed: Amount,
    /// The sum of the printed parts, in kronor.
    pub sum_of_parts: Amount,
    /// `printed − sum_of_parts`, in kronor.
    pub difference: Amount,
}

/// Avrundad tabell: a table rounded for presentation, with the rounding differences
/// that remain (none
/// when it was footed).
///
/// ```
/// # use kommunal_redovisning::{Amount, NumberFormat, RoundingMode, Scale};
/// # use kommunal_redovisning::present::Rounding;
/// # use kommunal_redovisning::present::{Column, Table, TableRow, ValueKind};
/// # use kommunal_redovisning::statement::StatementRowKind;
/// # fn table(caption: &str, rows: &[(&str, i64)], total: Option<i64>) -> kommunal_redovisning::Result<Table> {
/// #     let mut t = Table::new(caption, Scale::Mnkr, vec![Column::forecast("Prognos 2025")]);
/// #     t.decimals = 1;
/// #     for &(id, tkr) in rows {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, cells))?;
/// #     }
/// #     if let Some(tkr) = total {
/// #         let cells = vec![Some(Amount::tkr(tkr))];
/// #         let row = TableRow::new("totalt", "Totalt", StatementRowKind::Total, ValueKind::Flow, cells);
/// #         t.push_row(row.with_sum_of(rows.iter().map(|r| r.0)))?;
/// #     }
/// #     Ok(t)
/// # }
/// # fn main() -> kommunal_redovisning::Result<()> {
/// // Lystkom, delårsrapport jan–jun 2025, 1.3: Prognos 2025 per verksamhet and Totalt (tkr).
/// let lines = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)];
/// let prognos = table("1.3 Prognos", &lines, Some(1_374))?;
/// let value = |t: &Table, id: &str| t.row(id).and_then(|r| r.cell(0));
/// let r = prognos.rounded(&Rounding::new(Scale::Mnkr).with_decimals(1))?;
/// assert!(r.differences.is_empty());
/// assert_eq!((r.table.unit, r.table.decimals), (Scale::Mnkr, 1));
/// let text = r.table.to_text(&NumberFormat::swedish());
/// let last = text.lines().last().unwrap_or_default();
/// assert!(last.starts_with("Totalt") && last.ends_with(" 1,4"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "avrundad tabell")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RoundedTable {
    /// The rounded copy: cells are multiples of the unit, [`Table::unit`] and
    /// [`Table::decimals`] set from the [`Rounding`].
    pub table: Table,
    /// Printed sums that differ from the sum of their printed parts.
    pub differences: Vec<RoundingDifference>,
}

impl Table {
    /// A copy of the table rounded for presentation (avrundning); footed unless
    /// [`Rounding::footing`] is off.
    ///
    /// With footing, every printed sum equals the sum of its printed parts
    /// ([`TableRow::sum_of`](crate::present::TableRow::sum_of)), every top-level sum (årets resultat, summa tillgångar)
    /// equals its exact value rounded, and every figure is its exact value rounded down
    /// or up to the unit.
    ///
    /// Method: hierarchical largest remainder, top down. A top-level sum is rounded
    /// with the mode; its printed value is apportioned among its direct parts: each
    /// part starts at its own rounded value and any missing units go to the parts
    /// whose exact value is nearest the next unit in that direction (the largest
    /// remainder measured from the floor, so negative figures are handled like
    /// positive ones), plain lines before sums; a part that is a sum then apportions
    /// its own printed value, and so on down. Because lines absorb differences first,
    /// an intermediate sum also equals its rounded exact value whenever the lines
    /// directly under each sum can make that possible. When nothing can (summa eget
    /// kapital, avsättningar och skulder has no lines of its own: 0,4 + 0,4 + 0,4 =
    /// 1,2 rounds to 1 while the rounded parts add to 0), the sub-sum nearest the next
    /// unit moves by one unit, and the table still foots.
    ///
    /// Without footing every figure is rounded on its own and the rounding
    /// differences (avrundningsdifferenser) of the sums are returned in
    /// [`RoundedTable::differences`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for an invalid table ([`Table::validate`]) or more than
    /// 28 decimals; [`Error::Mismatch`] when an exact sum is not the sum of its exact
    /// parts (such a table cannot be footed); [`Error::Overflow`].
    ///
    /// # Example
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Scale};
    /// use kommunal_redovisning::present::{Column, Rounding, Table, TableRow, ValueKind};
    /// use kommunal_redovisning::statement::StatementRowKind;
    ///
    /// let mut t = Table::new("Exempel", Scale::Kr, vec![Column::outcome("2025")]);
    /// for (id, kr) in [("a", 1_400), ("b", 1_400), ("c", -1_300)] {
    ///     t.push_row(TableRow::new(id, id, StatementRowKind::Line, ValueKind::Flow, vec![Some(Amount::kr(kr))]))?;
    /// }
    /// t.push_row(TableRow::new("s", "Summa", StatementRowKind::Total, ValueKind::Flow, vec![Some(Amount::kr(1_500))])
    ///     .with_sum_of(["a", "b", "c"]))?;
    ///
    /// // Rounded one by one: 1 + 1 − 1 = 1, but the sum 1,5 rounds to 2.
    /// let plain = t.rounded(&Rounding::new(Scale::Tkr).without_footing())?;
    /// assert_eq!(plain.differences.len(), 1);
    /// assert_eq!(plain.differences[0].difference, Amount::tkr(1));
    ///
    /// // Footed: the line nearest the next unit takes it; the lines add up to 2.
    /// let footed = t.rounded(&Rounding::new(Scale::Tkr))?;
    /// assert!(footed.differences.is_empty());
    /// let cells: Vec<_> = footed.table.rows.iter().map(|r| r.cells[0]).collect();
    /// assert_eq!(cells, [Some(Amount::tkr(2)), Some(Amount::tkr(1)), Some(Amount::tkr(-1)), Some(Amount::tkr(2))]);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[doc(alias = "fotning")]
    pub fn rounded(&self, rounding: &Rounding) -> Result<RoundedTable> {
        self.rounded_pinned(rounding, &BTreeMap::new())
    }

    /// [`Table::rounded`] with some cells fixed in advance (`(row, column)` → printed
    /// value in the rounding's unit): a pinned cell prints its pinned value, and the
    /// footing works around it. Where the unpinned parts of a sum cannot make up the
    /// difference by rounding one unit up or down, the largest free line under that
    /// sum absorbs the rest (it then prints further than one unit from its exact
    /// value); where a sum has no free part at all, the table does not foot there and
    /// the difference is returned in [`RoundedTable::differences`].
    pub(crate) fn rounded_pinned(
        &self,
        rounding: &Rounding,
        pins: &BTreeMap<(usize, usize), Decimal>,
    ) -> Result<RoundedTable> {
        self.validate()?;
        if rounding.decimals > 28 {
            return Err(Error::InvalidRule(format!(
                "{} decimaler begärda; högst 28 är möjligt",
                rounding.decimals
            )));
        }
        let unit = Decimal::new(1, rounding.decimals);
        let is_part = self.part_flags();
        let parts = self.part_indices();
        let mut out = self.clone();
        out.unit = rounding.scale;
        out.decimals = rounding.decimals;
        for column in 0..self.columns.len() {
            let exact: Vec<Option<Decimal>> = self
                .rows
                .iter()
                .map(|r| r.cell(column).map(|a| a.to_scale(rounding.scale)))
                .collect();
            let pinned: Vec<Option<Decimal>> = (0..self.rows.len())
                .map(|row| pins.get(&(row, column)).copied())
                .collect();
            let printed = if rounding.footing {
                self.check_exact_sums(column)?;
                let mut f = Footing {
                    table: self,
                    parts: &parts,
                    exact: &exact,
                    pinned: &pinned,
                    printed: vec![None; exact.len()],
                    pinned_below: Vec::new(),
                    unit,
                    rounding,
                };
                f.run(&is_part)?;
                f.printed
            } else {
                exact
                    .iter()
                    .zip(&pinned)
                    .map(|(e, p)| {
                        p.or_else(|| e.map(|v| rounding.mode.round(v, rounding.decimals)))
                    })
                    .collect()
            };
            for (row, p) in out.rows.iter_mut().zip(printed) {
                if let Some(cell) = row.cells.get_mut(column) {
                    *cell = match p {
                        Some(v) => Some(Amount::from_scaled(v, rounding.scale)?),
                        None => None,
                    };
                }
            }
        }
        let differences = out.sum_differences()?;
        Ok(RoundedTable {
            table: out,
            differences,
        })
    }

    /// The sums whose cell differs from the sum of their parts' cells, column by column
    /// (a part's empty cell counts as zero; a sum none of whose parts has a figure in
    /// that column is not checked).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    #[doc(alias = "avrundningsdifferenser")]
    pub fn sum_differences(&self) -> Result<Vec<RoundingDifference>> {
        let mut out = Vec::new();
        let all_parts = self.part_indices();
        for (row, parts) in self.rows.iter().zip(&all_parts) {
            if parts.is_empty() {
                continue;
            }
            for (column, c) in self.columns.iter().enumerate() {
                let Some(printed) = row.cell(column) else {
                    continue;
                };
                let cells: Vec<Amount> = parts
                    .iter()
                    .filter_map(|p| self.rows.get(*p).and_then(|r| r.cell(column)))
                    .collect();
                if cells.is_empty() {
                    continue;
                }
                let sum = Amount::checked_sum(cells)?;
                if sum != printed {
                    out.push(RoundingDifference {
                        row_id: row.id.clone(),
                        label: row.label.clone(),
                        column,
                        column_label: c.label.clone(),
                        printed,
                        sum_of_parts: sum,
                        difference: printed.checked_sub(sum)?,
                    });
                }
            }
        }
        Ok(out)
    }

    /// For each row, whether it is a part of some sum.
    fn part_flags(&self) -> Vec<bool> {
        let mut flags = vec![false; self.rows.len()];
        for parts in self.part_indices() {
            for p in parts {
                if let Some(f) = flags.get_mut(p) {
                    *f = true;
                }
            }
        }
        flags
    }

    /// Every exact sum must equal the sum of its exact parts, or footing is impossible.
    fn check_exact_sums(&self, column: usize) -> Result<()> {
        let Some(col) = self.columns.get(column) else {
            return Ok(());
        };
        for d in self.sum_differences()? {
            if d.column == column {
                return Err(Error::Mismatch {
                    what: format!(
                        "{} i kolumnen {:?} i tabellen {:?} (en tabell vars summor inte \
                         stämmer kan inte avrundas så att den summerar)",
                        d.label, col.label, self.caption
                    ),
                    left_label: "summan".into(),
                    left: d.printed,
                    right_label: "summan av delarna".into(),
                    right: d.sum_of_parts,
                    difference: d.difference,
                });
            }
        }
        Ok(())
    }
}

/// The state of footing one column.
struct Footing<'a> {
    table: &'a Table,
    /// The positions of each row's parts.
    parts: &'a [Vec<usize>],
    /// Exact values in the unit.
    exact: &'a [Option<Decimal>],
    /// Values fixed in advance (shared with other tables), in the unit.
    pinned: &'a [Option<Decimal>],
    /// Printed values in the unit, filled in as the method goes.
    printed: Vec<Option<Decimal>>,
    /// Per row: whether a pinned figure lies under it (such a sum takes a unit from
    /// its parent only after sums that can pass it on freely).
    pinned_below: Vec<bool>,
    /// One unit of the last decimal shown, e.g. 0.1 for one decimal.
    unit: Decimal,
    rounding: &'a Rounding,
}

impl Footing<'_> {
    fn round(&self, v: Decimal) -> Decimal {
        self.rounding.mode.round(v, self.rounding.decimals)
    }

    fn exact(&self, i: usize) -> Option<Decimal> {
        self.exact.get(i).copied().flatten()
    }

    fn printed(&self, i: usize) -> Option<Decimal> {
        self.printed.get(i).copied().flatten()
    }

    fn set(&mut self, i: usize, v: Decimal) {
        if let Some(p) = self.printed.get_mut(i) {
            *p = Some(v);
        }
    }

    fn is_sum(&self, i: usize) -> bool {
        self.parts.get(i).is_some_and(|p| !p.is_empty())
    }

    fn run(&mut self, is_part: &[bool]) -> Result<()> {
        // Pinned figures first, and the pinned sums apportioned among their parts;
        // then top-level sums, in row order; then any sum left (its parent had no
        // figure in this column); then every other figure on its own.
        self.pinned_below = self.mark_pinned_below();
        for i in 0..self.table.rows.len() {
            if let Some(p) = self.pinned.get(i).copied().flatten() {
                self.set(i, p);
            }
        }
        for i in 0..self.table.rows.len() {
            if self.is_sum(i) && self.pinned.get(i).copied().flatten().is_some() {
                self.apportion(i)?;
            }
        }
        for pass in 0..2 {
            for i in 0..self.table.rows.len() {
                let top = !is_part.get(i).copied().unwrap_or(false);
                if self.is_sum(i) && (top || pass == 1) && self.printed(i).is_none() {
                    if let Some(e) = self.exact(i) {
                        let r = self.round(e);
                        self.set(i, r);
                        self.apportion(i)?;
                    }
                }
            }
        }
        for i in 0..self.table.rows.len() {
            if self.printed(i).is_none() {
                if let Some(e) = self.exact(i) {
                    let r = self.round(e);
                    self.set(i, r);
                }
            }
        }
        Ok(())
    }

    /// For each row, whether some row under it (a part, a part's part …) is pinned.
    fn mark_pinned_below(&self) -> Vec<bool> {
        let n = self.table.rows.len();
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, parts) in self.parts.iter().enumerate() {
            for &p in parts {
                if let Some(list) = parents.get_mut(p) {
                    list.push(i);
                }
            }
        }
        let mut below = vec![false; n];
        let mut work: Vec<usize> = (0..n)
            .filter(|i| self.pinned.get(*i).copied().flatten().is_some())
            .collect();
        while let Some(i) = work.pop() {
            for &parent in parents.get(i).map_or(&[][..], Vec::as_slice) {
                if let Some(flag) = below.get_mut(parent) {
                    if !*flag {
                        *flag = true;
                        work.push(parent);
                    }
                }
            }
        }
        below
    }

    /// Apportions the printed value of sum `root` among its parts, then each part
    /// that is a sum among its own parts, and so on down (a work list, not recursion,
    /// so deep tables cannot exhaust the stack).
    fn apportion(&mut self, root: usize) -> Result<()> {
        let mut work = vec![root];
        while let Some(i) = work.pop() {
            let more = self.apportion_one(i)?;
            work.extend(more);
        }
        Ok(())
    }

    /// Apportions the printed value of sum `i` among its direct parts; returns the
    /// parts that are sums themselves.
    fn apportion_one(&mut self, i: usize) -> Result<Vec<usize>> {
        let Some(target) = self.printed(i) else {
            return Ok(Vec::new());
        };
        let parts = self.parts.get(i).cloned().unwrap_or_default();
        if parts.iter().all(|p| self.exact(*p).is_none()) {
            return Ok(Vec::new());
        }
        let overflow = || Error::Overflow {
            operation: "footing",
        };
        // Parts already printed (shared with another sum) are fixed.
        let mut rest = target;
        let mut free: Vec<(usize, Decimal, Decimal)> = Vec::new(); // (row, exact, start)
        for &p in &parts {
            if let Some(fixed) = self.printed(p) {
                rest = rest.checked_sub(fixed).ok_or_else(overflow)?;
            } else if let Some(e) = self.exact(p) {
                let start = self.round(e);
                rest = rest.checked_sub(start).ok_or_else(overflow)?;
                free.push((p, e, start));
            }
        }
        // `rest` is now printed sum − Σ starting values: a whole number of units.
        let steps = rest.checked_div(self.unit).ok_or_else(overflow)?;
        let up = steps.is_sign_positive();
        let mut candidates: Vec<(usize, Decimal, Decimal, Decimal)> = free
            .iter()
            .filter(|(_, e, s)| if up { s < e } else { s > e })
            .map(|&(p, e, s)| {
                // Distance still to go to the other neighbour: smaller is nearer.
                let gap = if up {
                    s.checked_add(self.unit).and_then(|n| n.checked_sub(e))
                } else {
                    s.checked_sub(self.unit).and_then(|n| e.checked_sub(n))
                };
                let gap = gap.unwrap_or(Decimal::MAX);
                (p, e, s, gap)
            })
            .collect();
        let below = |i: usize| self.pinned_below.get(i).copied().unwrap_or(false);
        candidates.sort_by(|a, b| {
            self.is_sum(a.0)
                .cmp(&self.is_sum(b.0))
                .then(below(a.0).cmp(&below(b.0)))
                .then(a.3.cmp(&b.3))
                .then(a.0.cmp(&b.0))
        });
        let mut moves = steps.abs();
        let delta = if up { self.unit } else { -self.unit };
        // A set: a sum of a million parts may move half of them (a scan per part was
        // quadratic, issue 19).
        let mut moved: std::collections::HashSet<usize> = std::collections::HashSet::new();
        for (p, _, _, _) in &candidates {
            if moves <= Decimal::ZERO {
                break;
            }
            moved.insert(*p);
            moves -= Decimal::ONE;
        }
        // Pinned parts can leave more to apportion than rounding one unit up or down
        // explains: the largest free line (a sum when there is no line) absorbs it.
        let absorber = if moves > Decimal::ZERO {
            free.iter()
                .min_by(|a, b| {
                    self.is_sum(a.0)
                        .cmp(&self.is_sum(b.0))
                        .then(b.1.abs().cmp(&a.1.abs()))
                        .then(a.0.cmp(&b.0))
                })
                .map(|f| f.0)
        } else {
            None
        };
        let extra = moves.checked_mul(delta).ok_or_else(overflow)?;
        for (p, _, start) in free.iter().copied() {
            let mut v = if moved.contains(&p) {
                start.checked_add(delta).ok_or_else(overflow)?
            } else {
                start
            };
            if absorber == Some(p) {
                v = v.checked_add(extra).ok_or_else(overflow)?;
            }
            self.set(p, v);
        }
        Ok(free
            .into_iter()
            .map(|(p, _, _)| p)
            .filter(|p| self.is_sum(*p))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::table::{Column, TableRow, ValueKind};
    use crate::statement::StatementRowKind;

    fn table(lines: &[i64], sum_kind: StatementRowKind) -> Table {
        let mut t = Table::new("T", Scale::Kr, vec![Column::outcome("x")]);
        let mut ids = Vec::new();
        for (i, kr) in lines.iter().enumerate() {
            let id = format!("l{i}");
            t.push_row(TableRow::new(
                id.clone(),
                id.clone(),
                StatementRowKind::Line,
                ValueKind::Flow,
                vec![Some(Amount::kr(*kr))],
            ))
            .unwrap();
            ids.push(id);
        }
        let total: i64 = lines.iter().sum();
        t.push_row(
            TableRow::new(
                "s",
                "Summa",
                sum_kind,
                ValueKind::Flow,
                vec![Some(Amount::kr(total))],
            )
            .with_sum_of(ids),
        )
        .unwrap();
        t
    }

    fn cells(t: &Table) -> Vec<i64> {
        t.rows
            .iter()
            .map(|r| i64::try_from(r.cell(0).unwrap().to_scale(t.unit).trunc().mantissa()).unwrap())
            .collect()
    }

    #[test]
    fn mixed_signs_use_floor_remainders() {
        // −1,6 (floor −2, remainder 0,4) and 2,3 and 0,6: exact sum 1,3 → 1.
        // Rounded one by one: −2 + 2 + 1 = 1: already foots, nothing moves.
        let t = table(&[-1_600, 2_300, 600], StatementRowKind::Total);
        let r = t.rounded(&Rounding::new(Scale::Tkr)).unwrap();
        assert_eq!(cells(&r.table), [-2, 2, 1, 1]);
        // −1,4 − 1,4 − 1,45 = −4,25 → −4; one by one −1 −1 −1 = −3: one line goes down.
        let t = table(&[-1_400, -1_400, -1_450], StatementRowKind::Total);
        let r = t.rounded(&Rounding::new(Scale::Tkr)).unwrap();
        // −1,45 has the smallest remainder above its floor −2 (0,55 vs 0,6), so it is
        // nearest the unit below.
        assert_eq!(cells(&r.table), [-1, -1, -2, -4]);
        assert!(r.differences.is_empty());
    }

    #[test]
    fn sums_of_sums_without_lines_still_foot() {
        // 0,4 + 0,4 + 0,4: the total 1,2 rounds to 1, the rounded parts add to 0.
        let mut t = Table::new("T", Scale::Kr, vec![Column::outcome("x")]);
        for (i, kr) in [400, 400, 400].iter().enumerate() {
            t.push_row(TableRow::new(
                format!("l{i}"),
                "l",
                StatementRowKind::Line,
                ValueKind::Stock,
                vec![Some(Amount::kr(*kr))],
            ))
            .unwrap();
            t.push_row(
                TableRow::new(
                    format!("s{i}"),
                    "s",
                    StatementRowKind::Subtotal,
                    ValueKind::Stock,
                    vec![Some(Amount::kr(*kr))],
                )
                .with_sum_of([format!("l{i}")]),
            )
            .unwrap();
        }
        t.push_row(
            TableRow::new(
                "t",
                "Summa",
                StatementRowKind::Total,
                ValueKind::Stock,
                vec![Some(Amount::kr(1_200))],
            )
            .with_sum_of(["s0", "s1", "s2"]),
        )
        .unwrap();
        let r = t.rounded(&Rounding::new(Scale::Tkr)).unwrap();
        assert!(r.differences.is_empty(), "{:?}", r.differences);
        assert_eq!(cells(&r.table), [1, 1, 0, 0, 0, 0, 1]);
        let plain = t
            .rounded(&Rounding::new(Scale::Tkr).without_footing())
            .unwrap();
        assert_eq!(plain.differences.len(), 1);
        assert_eq!(plain.differences[0].row_id, "t");
        assert_eq!(plain.differences[0].difference, Amount::tkr(1));
    }

    #[test]
    fn decimals_and_modes() {
        let t = table(&[1_250, 1_250, 1_250], StatementRowKind::Total);
        let r = t
            .rounded(&Rounding::new(Scale::Tkr).with_decimals(1))
            .unwrap();
        // 1,25 → 1,3 each (half away from zero) = 3,9 but 3,75 → 3,8: one goes down.
        assert_eq!(
            r.table
                .rows
                .iter()
                .map(|r| r.cell(0).unwrap())
                .collect::<Vec<_>>(),
            [
                Amount::kr(1_200),
                Amount::kr(1_300),
                Amount::kr(1_300),
                Amount::kr(3_800)
            ]
        );
        assert_eq!(r.table.decimals, 1);
        let even = t
            .rounded(
                &Rounding::new(Scale::Tkr)
                    .with_decimals(1)
                    .with_mode(RoundingMode::HalfEven),
            )
            .unwrap();
        assert_eq!(even.table.rows[3].cell(0), Some(Amount::kr(3_800)));
        assert!(
            t.rounded(&Rounding::new(Scale::Tkr).with_decimals(29))
                .is_err()
        );
    }

    #[test]
    fn inconsistent_exact_sums_are_refused() {
        let mut t = table(&[1, 2], StatementRowKind::Total);
        t.rows[2].cells[0] = Some(Amount::kr(4));
        let err = t.rounded(&Rounding::default()).unwrap_err().to_string();
        assert!(
            err.contains("kan inte avrundas så att den summerar"),
            "{err}"
        );
        // Without footing the difference is simply reported.
        let r = t
            .rounded(&Rounding::new(Scale::Kr).without_footing())
            .unwrap();
        assert_eq!(r.differences[0].difference, Amount::kr(1));
    }

    #[test]
    fn deep_chains_of_sums_do_not_exhaust_the_stack() {
        let n = 20_000;
        let mut t = Table::new("T", Scale::Kr, vec![Column::outcome("x")]);
        for i in 0..n {
            let mut row = TableRow::new(
                format!("s{i}"),
                "s",
                StatementRowKind::Subtotal,
                ValueKind::Flow,
                vec![Some(Amount::kr(1_600))],
            );
            if i + 1 < n {
                row = row.with_sum_of([format!("s{}", i + 1)]);
            }
            t.rows.push(row); // push_row's duplicate check is quadratic here
        }
        let r = t.rounded(&Rounding::new(Scale::Tkr)).unwrap();
        assert!(r.differences.is_empty());
        assert!(
            r.table
                .rows
                .iter()
                .all(|row| row.cell(0) == Some(Amount::tkr(2)))
        );
        // A cycle through the whole chain is found without recursion too.
        t.rows[n - 1].sum_of = vec!["s0".into()];
        assert!(t.validate().is_err());
    }
}
