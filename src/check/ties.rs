//! Ties between the tables of one report: the same figure printed in two places
//! (årets resultat in RS, BR, balanskravsutredning and kassaflödesanalys; the
//! driftredovisning's total against verksamhetens nettokostnader; a note's total
//! against its statement line; likvida medel against kassa och bank).

use rust_decimal::Decimal;

use super::core::{format_for, half, outcome_year, part_of, step_of};
use super::labels::normalize;
use super::{CheckKind, Coverage, Discrepancy, DiscrepancyClass, PrintedTable, TableKind};
use crate::money::Scale;

/// A figure printed in a table: which post, which part and year, its value in kronor
/// and its rounding step in kronor.
#[derive(Clone, Debug)]
pub(super) struct Fact {
    pub table: usize,
    pub kind: TableKind,
    pub id: String,
    pub part: String,
    pub year: i32,
    pub kr: Decimal,
    pub step_kr: Decimal,
    pub label: String,
}

/// Facts of a table from `(id, label, values)` triples of its rows.
pub(super) fn facts_of(
    table: &PrintedTable,
    index: usize,
    rows: &[(String, String, Vec<Option<Decimal>>)],
) -> Vec<Fact> {
    let factor = table.unit.factor();
    let step_kr = step_of(table).checked_mul(factor).unwrap_or(Decimal::MAX);
    let mut out = Vec::new();
    for (id, label, values) in rows {
        for (column, v) in values.iter().enumerate() {
            let (Some(v), Some(year)) = (v, outcome_year(table, column)) else {
                continue;
            };
            let Some(kr) = v.checked_mul(factor) else {
                continue;
            };
            out.push(Fact {
                table: index,
                kind: table.kind,
                id: id.clone(),
                part: part_of(table, column),
                year,
                kr,
                step_kr,
                label: label.clone(),
            });
        }
    }
    out
}

/// Rows of a table whose label is one of `labels` (normalized), as facts under `id`.
pub(super) fn labelled(
    table: &PrintedTable,
    labels: &[(&str, &str)],
) -> Vec<(String, String, Vec<Option<Decimal>>)> {
    let mut out: Vec<(String, String, Vec<Option<Decimal>>)> = Vec::new();
    for r in &table.rows {
        if r.percent {
            continue;
        }
        let n = normalize(&r.label);
        if let Some((_, id)) = labels.iter().find(|(l, _)| *l == n) {
            if out.iter().any(|(i, _, _)| i == id) {
                continue;
            }
            out.push(((*id).to_owned(), r.label.clone(), r.values.clone()));
        }
    }
    out
}

/// Compares two printed figures that should be the same amount. `sign_free` accepts
/// the other sign (net costs printed positive in a driftredovisning).
#[allow(clippy::too_many_arguments)]
pub(super) fn tie(
    check: CheckKind,
    a: &Fact,
    b: &Fact,
    unit: Scale,
    sign_free: bool,
    what: &str,
    coverage: &mut Coverage,
    out: &mut Vec<Discrepancy>,
) {
    coverage.evaluated = coverage.evaluated.saturating_add(1);
    let bkr = if sign_free && (a.kr.is_sign_negative() != b.kr.is_sign_negative()) {
        -b.kr
    } else {
        b.kr
    };
    let Some(diff_kr) = a.kr.checked_sub(bkr) else {
        return;
    };
    if diff_kr.is_zero() {
        return;
    }
    // One exact figure printed twice at the same precision prints the same: any
    // difference is an error. Only different precisions leave room for rounding.
    let tolerance_kr = if a.step_kr == b.step_kr {
        Decimal::ZERO
    } else {
        half(a.step_kr)
            .checked_add(half(b.step_kr))
            .unwrap_or(Decimal::MAX)
    };
    let class = if diff_kr.abs() <= tolerance_kr {
        DiscrepancyClass::Rounding
    } else {
        DiscrepancyClass::Error
    };
    let factor = unit.factor();
    let to_unit = |kr: Decimal| kr.checked_div(factor).unwrap_or(kr);
    let step = a.step_kr.checked_div(factor).unwrap_or(Decimal::ONE);
    let fmt = format_for(step.min(b.step_kr.checked_div(factor).unwrap_or(step)));
    out.push(Discrepancy {
        table: None,
        table_index: None,
        check,
        class,
        row: a.label.clone(),
        column: Some(if a.part == "kommun" {
            a.year.to_string()
        } else {
            format!("{} {}", a.part, a.year)
        }),
        unit,
        printed: Some(to_unit(a.kr)),
        expected: Some(to_unit(bkr)),
        difference: Some(to_unit(diff_kr)),
        tolerance: Some(to_unit(tolerance_kr)),
        message: format!(
            "{what} {}: {} {unit} i {} ({}) men {} {unit} i {} ({}), differens {} {unit} ({})",
            a.year,
            fmt.decimal(to_unit(a.kr)),
            a.kind.label(),
            a.label,
            fmt.decimal(to_unit(bkr)),
            b.kind.label(),
            b.label,
            fmt.decimal(to_unit(diff_kr)),
            if class == DiscrepancyClass::Rounding {
                "tabellerna har olika precision; skillnaden ryms inom avrundningen"
            } else if tolerance_kr.is_zero() {
                "samma belopp med samma precision ska tryckas lika"
            } else {
                "för stor för avrundning"
            }
        ),
    });
}

/// Ties every fact of `id` in tables of kind `from` to the fact `other_id` of tables
/// of kind `to`, for the same part and year.
#[allow(clippy::too_many_arguments)]
pub(super) fn tie_all(
    facts: &[Fact],
    tables: &[PrintedTable],
    check: CheckKind,
    (from, id): (TableKind, &str),
    (to, other_id): (TableKind, &str),
    sign_free: bool,
    what: &str,
    coverage: &mut Coverage,
    out: &mut Vec<Discrepancy>,
) {
    for a in facts.iter().filter(|f| f.kind == from && f.id == id) {
        let unit = tables.get(a.table).map_or(Scale::Tkr, |t| t.unit);
        let mut found = false;
        for b in facts.iter().filter(|f| {
            f.kind == to
                && f.id == other_id
                && f.part == a.part
                && f.year == a.year
                && f.table != a.table
        }) {
            found = true;
            tie(check, a, b, unit, sign_free, what, coverage, out);
        }
        let other_present = facts.iter().any(|f| f.kind == to);
        if !found && other_present {
            coverage.not_evaluated = coverage.not_evaluated.saturating_add(1);
        }
    }
}
