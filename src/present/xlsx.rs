//! Excel workbooks (arbetsbok, .xlsx) of tables and whole reports, with the cargo
//! feature `xlsx` ([rust_xlsxwriter](https://crates.io/crates/rust_xlsxwriter)).
//!
//! One sheet per table. Row 1 holds the caption, row 2 the headings ("Belopp i tkr",
//! "Not" when a row has a note, the columns), then one row per table row and one per
//! key ratio. Figures are numbers in the table's unit — tkr in a table in tkr —
//! with a Swedish number format: thousands grouped, the decimals the table prints, and
//! negative numbers with the true minus sign the report prints (`−48 859`). Key
//! ratios are percentages (`23,3 %`). Subtotals and totals are bold and are live
//! `SUM` formulas over their parts, so that a line edited in Excel re-foots the sums
//! above it; each formula carries the printed value as its cached result, so a
//! program that reads the file without recalculating sees the printed figures.
//!
//! The workbook holds what the table prints: round the table first
//! ([`Table::rounded`], [`ReportRounding`](crate::present::ReportRounding)); a table
//! whose printed sums would not equal the sum of their printed parts is refused,
//! because its formulas would show other figures than the report.
//!
//! Excel stores numbers as binary floating point; the conversion from the exact
//! decimals happens here, at the last step, on figures already rounded to the unit.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::money::RoundingMode;
use crate::present::table::Table;
use crate::statement::StatementRowKind as RowKind;

fn output(e: XlsxError) -> Error {
    Error::Output {
        format: "xlsx",
        reason: e.to_string(),
    }
}

/// The number format of figures with `decimals` decimals: grouped thousands, the true
/// minus sign before negative numbers, and zero as `0`.
///
/// ```
/// # #[cfg(feature = "xlsx")] {
/// use kommunal_redovisning::present::xlsx_number_format;
/// assert_eq!(xlsx_number_format(0), "#,##0;\"\u{2212}\"#,##0;0");
/// assert_eq!(xlsx_number_format(1), "#,##0.0;\"\u{2212}\"#,##0.0;0.0");
/// # }
/// ```
#[must_use]
#[doc(alias = "talformat i excel")]
pub fn xlsx_number_format(decimals: u32) -> String {
    let body = if decimals == 0 {
        "#,##0".to_owned()
    } else {
        let zeros = "0".repeat(usize::try_from(decimals).unwrap_or(0).min(28));
        format!("#,##0.{zeros}")
    };
    let zero = body.trim_start_matches("#,##");
    format!("{body};\"\u{2212}\"{body};{zero}")
}

/// The number format of key ratios: `23,3 %` (the value is stored as a fraction).
fn percent_format(decimals: u32) -> String {
    if decimals == 0 {
        "0\" \"%".to_owned()
    } else {
        let zeros = "0".repeat(usize::try_from(decimals).unwrap_or(0).min(28));
        format!("0.{zeros}\" \"%")
    }
}

/// The A1 name of a column (0 → A, 26 → AA).
fn column_name(mut col: u16) -> String {
    let mut out = Vec::new();
    loop {
        let rem = u8::try_from(col % 26).unwrap_or(0);
        out.push(char::from(b'A'.saturating_add(rem)));
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.iter().rev().collect()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty,
/// unique among `used`.
fn sheet_name(caption: &str, used: &mut Vec<String>) -> String {
    let clean: String = caption
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base: String = if clean.is_empty() {
        "Tabell".to_owned()
    } else {
        clean.chars().take(31).collect()
    };
    let mut name = base.clone();
    let mut n = 2_usize;
    while used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" ({n})");
        let keep = 31_usize.saturating_sub(suffix.chars().count());
        name = format!(
            "{}{suffix}",
            base.chars().take(keep).collect::<String>().trim_end()
        );
        n = n.saturating_add(1);
    }
    used.push(name.clone());
    name
}

/// The printed value of every cell: in the unit, rounded to the table's decimals.
fn printed(table: &Table) -> Vec<Vec<Option<Decimal>>> {
    table
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| {
                    c.map(|a| {
                        RoundingMode::HalfAwayFromZero.round(a.to_scale(table.unit), table.decimals)
                    })
                })
                .collect()
        })
        .collect()
}

/// Refuses a table whose printed sums are not the sums of their printed parts.
fn check_foots(table: &Table, values: &[Vec<Option<Decimal>>]) -> Result<()> {
    let parts = table.part_indices();
    for ((row, parts), cells) in table.rows.iter().zip(&parts).zip(values) {
        if parts.is_empty() {
            continue;
        }
        for (c, cell) in cells.iter().enumerate() {
            let Some(sum) = cell else {
                continue;
            };
            let mut total = Decimal::ZERO;
            let mut any = false;
            for p in parts {
                if let Some(v) = values.get(*p).and_then(|r| r.get(c)).copied().flatten() {
                    total = total.checked_add(v).ok_or(Error::Overflow {
                        operation: "addition",
                    })?;
                    any = true;
                }
            }
            if any && total != *sum {
                let column = table.columns.get(c).map_or("", |col| col.label.as_str());
                let sv = |d: Decimal| {
                    let d = d.normalize();
                    format!(
                        "{}\u{a0}{}",
                        crate::NumberFormat::swedish()
                            .with_decimals(d.scale())
                            .decimal(d),
                        table.unit.label()
                    )
                };
                return Err(Error::InvalidRule(format!(
                    "{} i kolumnen {column:?} i tabellen {:?} visar {} men delarna summerar till \
                     {}: avrunda tabellen först (Table::rounded eller ReportRounding), annars \
                     visar dess SUMMA-formler andra siffror än rapporten",
                    row.label,
                    table.caption,
                    sv(*sum),
                    sv(total)
                )));
            }
        }
    }
    Ok(())
}

/// Writes `table` to `sheet`.
fn write_sheet(table: &Table, sheet: &mut Worksheet) -> Result<()> {
    table.validate()?;
    let values = printed(table);
    check_foots(table, &values)?;
    let notes = table.has_notes();
    let first: u16 = if notes { 2 } else { 1 };
    let number = xlsx_number_format(table.decimals);
    let plain = Format::new().set_num_format(&number);
    let bold = Format::new().set_bold().set_num_format(&number);
    let total = bold.clone().set_border_top(FormatBorder::Thin);
    let head = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Medium);
    let head_num = head.clone().set_align(rust_xlsxwriter::FormatAlign::Right);
    let caption = Format::new().set_bold().set_font_size(13);
    let label_format = |depth: u8, strong: bool, top: bool| {
        let mut f = Format::new().set_indent(depth.min(15));
        if strong {
            f = f.set_bold();
        }
        if top {
            f = f.set_border_top(FormatBorder::Thin);
        }
        f
    };
    let e = output;
    sheet
        .write_string_with_format(0, 0, &table.caption, &caption)
        .map_err(e)?;
    sheet
        .write_string_with_format(1, 0, format!("Belopp i {}", table.unit.label()), &head)
        .map_err(e)?;
    if notes {
        sheet
            .write_string_with_format(1, 1, "Not", &head)
            .map_err(e)?;
    }
    let mut col_no = first;
    for column in &table.columns {
        sheet
            .write_string_with_format(1, col_no, &column.label, &head_num)
            .map_err(e)?;
        col_no = col_no.saturating_add(1);
    }
    let parts = table.part_indices();
    for (i, (row, cells)) in table.rows.iter().zip(&values).enumerate() {
        let r = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(2);
        let strong = matches!(
            row.kind,
            RowKind::Subtotal | RowKind::Total | RowKind::Heading
        );
        let is_total = row.kind == RowKind::Total;
        sheet
            .write_string_with_format(r, 0, &row.label, &label_format(row.depth, strong, is_total))
            .map_err(e)?;
        if let Some(n) = &row.note {
            sheet.write_string(r, 1, n).map_err(e)?;
        }
        if row.kind == RowKind::Heading {
            continue;
        }
        let format = if is_total {
            &total
        } else if strong {
            &bold
        } else {
            &plain
        };
        let row_parts = parts.get(i).map_or(&[][..], Vec::as_slice);
        for (c, cell) in cells.iter().enumerate() {
            let Some(v) = cell else { continue };
            let col = first.saturating_add(u16::try_from(c).unwrap_or(u16::MAX));
            let part_cells: Vec<String> = row_parts
                .iter()
                .filter(|p| {
                    values
                        .get(**p)
                        .and_then(|row| row.get(c))
                        .copied()
                        .flatten()
                        .is_some()
                })
                .map(|p| {
                    format!(
                        "{}{}",
                        column_name(col),
                        u32::try_from(*p).unwrap_or(u32::MAX).saturating_add(3)
                    )
                })
                .collect();
            if part_cells.is_empty() {
                sheet.write_with_format(r, col, *v, format).map_err(e)?;
            } else {
                let formula = Formula::new(format!("=SUM({})", part_cells.join(",")))
                    .set_result(v.to_string());
                sheet
                    .write_formula_with_format(r, col, formula, format)
                    .map_err(e)?;
            }
        }
    }
    let base = u32::try_from(table.rows.len())
        .unwrap_or(u32::MAX)
        .saturating_add(2);
    for (k, ratio) in table.ratios.iter().enumerate() {
        let r = base.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
        sheet.write_string(r, 0, &ratio.label).map_err(e)?;
        let format = Format::new().set_num_format(percent_format(ratio.decimals));
        for (c, v) in ratio.values.iter().enumerate() {
            let Some(p) = v else { continue };
            let col = first.saturating_add(u16::try_from(c).unwrap_or(u16::MAX));
            let rounded = RoundingMode::HalfAwayFromZero.round(p.as_decimal(), ratio.decimals);
            let fraction = rounded
                .checked_div(Decimal::ONE_HUNDRED)
                .ok_or(Error::Overflow {
                    operation: "division",
                })?;
            sheet
                .write_with_format(r, col, fraction, &format)
                .map_err(e)?;
        }
    }
    let widest = table
        .rows
        .iter()
        .map(|r| {
            r.label
                .chars()
                .count()
                .saturating_add(usize::from(r.depth) * 2)
        })
        .max()
        .unwrap_or(20)
        .clamp(16, 70);
    sheet
        .set_column_width(0, u16::try_from(widest).unwrap_or(70))
        .map_err(e)?;
    if notes {
        sheet.set_column_width(1, 5).map_err(e)?;
    }
    for c in 0..table.columns.len() {
        let col = first.saturating_add(u16::try_from(c).unwrap_or(u16::MAX));
        sheet.set_column_width(col, 14).map_err(e)?;
    }
    sheet.set_freeze_panes(2, 1).map_err(e)?;
    Ok(())
}

/// A workbook with one sheet per table, in order; sheet names from the captions
/// (shortened to Excel's 31 characters and made unique).
///
/// # Errors
///
/// [`Error::InvalidRule`] for an invalid table or one whose printed sums do not add
/// up (round it first); [`Error::Output`] when the workbook cannot be written.
///
/// ```
/// # #[cfg(feature = "xlsx")] {
/// use kommunal_redovisning::{Amount, Scale};
/// use kommunal_redovisning::present::{tables_to_xlsx, Column, Table, TableRow, ValueKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// let mut t = Table::new("Exempel", Scale::Tkr, vec![Column::outcome("2025")]);
/// t.push_row(TableRow::new("a", "Intäkter", StatementRowKind::Line, ValueKind::Flow, vec![Some(Amount::tkr(5))]))?;
/// t.push_row(TableRow::new("s", "Summa", StatementRowKind::Total, ValueKind::Flow, vec![Some(Amount::tkr(5))]).with_sum_of(["a"]))?;
/// let bytes = tables_to_xlsx(&[&t])?;
/// assert!(bytes.starts_with(b"PK"));
/// # }
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "arbetsbok")]
pub fn tables_to_xlsx(tables: &[&Table]) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let mut used = Vec::new();
    for table in tables {
        let name = sheet_name(&table.caption, &mut used);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(output)?;
        write_sheet(table, sheet)?;
    }
    if tables.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(output)
}

impl Table {
    /// The table as an Excel workbook of one sheet (see [`tables_to_xlsx`]).
    ///
    /// # Errors
    ///
    /// As [`tables_to_xlsx`].
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        tables_to_xlsx(&[self])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_and_sheet_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        let mut used = Vec::new();
        assert_eq!(
            sheet_name("Resultaträkning, Lystkom", &mut used),
            "Resultaträkning, Lystkom"
        );
        assert_eq!(sheet_name("a/b", &mut used), "a b");
        assert_eq!(sheet_name("A/B", &mut used), "A B (2)");
        let long = "Prognos för resultat i förhållande till budget";
        assert_eq!(sheet_name(long, &mut used).chars().count(), 31);
        assert_eq!(sheet_name("", &mut used), "Tabell");
    }
}
