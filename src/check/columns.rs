//! Columns computed from other columns: avvikelse (utfall − budget, either order),
//! netto (intäkter and kostnader, costs with or without their minus sign), förändring
//! (i år − i fjol) and förändring i procent.

use rust_decimal::Decimal;

use super::core::{Ctx, around, half, ratio_interval};
use super::{CheckKind, PrintedColumnKind as K};

/// A relation: the column computed, its operands and the sign of the second.
#[derive(Clone, Debug)]
struct Relation {
    target: usize,
    /// `target = a + sign × b`; for a percent change `target = (a − b) / |b|`.
    a: usize,
    b: usize,
    minus: bool,
    percent: bool,
    /// For a percent change: divide by the prior value with its sign (else by its
    /// absolute value).
    signed: bool,
    /// For a percent change: `b` is the change column and the prior value is `a − b`.
    from_change: bool,
    what: String,
}

fn find_label(ctx: &Ctx<'_>, label: &str) -> Option<usize> {
    let n = label.trim().to_lowercase();
    ctx.table
        .columns
        .iter()
        .position(|c| c.label.trim().to_lowercase() == n)
}

fn same_group(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let g = |i: usize| ctx.table.columns.get(i).and_then(|c| c.group.clone());
    let p = |i: usize| ctx.table.columns.get(i).and_then(|c| c.part.clone());
    g(a) == g(b) && p(a) == p(b)
}

/// The nearest column of one of `kinds` to `target`, preferring the left and the same
/// group.
fn nearest(ctx: &Ctx<'_>, target: usize, kinds: &[K]) -> Option<usize> {
    let of_kind = |i: &usize| {
        ctx.table
            .columns
            .get(*i)
            .is_some_and(|c| kinds.contains(&c.kind))
            && same_group(ctx, *i, target)
    };
    (0..target)
        .rev()
        .find(of_kind)
        .or_else(|| (target.saturating_add(1)..ctx.columns()).find(of_kind))
}

/// Candidate relations for one computed column, most likely first.
fn candidates(ctx: &Ctx<'_>, target: usize) -> Vec<Relation> {
    let Some(col) = ctx.table.columns.get(target) else {
        return Vec::new();
    };
    let label = |i: usize| ctx.column_label(i).unwrap_or_default();
    let rel = |a: usize, b: usize, minus: bool, percent: bool| Relation {
        target,
        a,
        b,
        minus,
        percent,
        signed: false,
        from_change: false,
        what: if percent {
            format!("({} − {}) / {} × 100 =", label(a), label(b), label(b))
        } else {
            format!(
                "{} {} {} =",
                label(a),
                if minus { "−" } else { "+" },
                label(b)
            )
        },
    };
    let declared: Vec<usize> = col.of.iter().filter_map(|l| find_label(ctx, l)).collect();
    let mut out = Vec::new();
    match col.kind {
        K::Deviation | K::Change | K::ChangePercent => {
            let percent = col.kind == K::ChangePercent;
            if let [a, b] = declared.as_slice() {
                out.push(rel(*a, *b, true, percent));
                out.push(rel(*b, *a, true, percent));
                return out;
            }
            let (firsts, seconds): (&[K], &[K]) = if col.kind == K::Deviation {
                (&[K::Forecast, K::Outcome, K::Net], &[K::Budget])
            } else {
                (&[K::Outcome, K::Net], &[K::PriorPeriod])
            };
            let mut pairs = Vec::new();
            for f in firsts {
                if let (Some(a), Some(b)) =
                    (nearest(ctx, target, &[*f]), nearest(ctx, target, seconds))
                {
                    pairs.push((a, b));
                }
            }
            if col.kind != K::Deviation && pairs.is_empty() {
                // Two outcome columns: the first is the current year.
                let outcomes: Vec<usize> = (0..ctx.columns())
                    .filter(|i| {
                        *i != target
                            && ctx
                                .table
                                .columns
                                .get(*i)
                                .is_some_and(|c| c.kind == K::Outcome)
                            && same_group(ctx, *i, target)
                    })
                    .collect();
                if let [a, b, ..] = outcomes.as_slice() {
                    pairs.push((*a, *b));
                }
            }
            for (a, b) in pairs {
                out.push(rel(a, b, true, percent));
                if percent {
                    out.push(Relation {
                        signed: true,
                        ..rel(a, b, true, true)
                    });
                } else {
                    out.push(rel(b, a, true, false));
                }
            }
            if percent && out.is_empty() {
                // A change printed beside this year's figure: the prior year is their
                // difference.
                if let (Some(a), Some(c)) = (
                    nearest(ctx, target, &[K::Outcome, K::Net]),
                    nearest(ctx, target, &[K::Change]),
                ) {
                    for signed in [false, true] {
                        out.push(Relation {
                            signed,
                            from_change: true,
                            what: format!("{} / ({} − {}) × 100 =", label(c), label(a), label(c)),
                            ..rel(a, c, true, true)
                        });
                    }
                }
            }
        }
        K::Net => {
            let (r, c) = match declared.as_slice() {
                [r, c] => (Some(*r), Some(*c)),
                _ => (
                    nearest(ctx, target, &[K::Revenue]),
                    nearest(ctx, target, &[K::Cost]),
                ),
            };
            if let (Some(r), Some(c)) = (r, c) {
                out.push(rel(r, c, false, false));
                out.push(rel(r, c, true, false));
                out.push(rel(c, r, true, false));
            }
        }
        _ => {}
    }
    out
}

/// Checks every computed column of the table, row by row, under the relation that
/// fits most rows (and says which when several were possible).
pub(super) fn check(ctx: &mut Ctx<'_>) {
    for target in 0..ctx.columns() {
        let cands = candidates(ctx, target);
        if cands.is_empty() {
            let computed = ctx.table.columns.get(target).is_some_and(|c| {
                matches!(c.kind, K::Deviation | K::Change | K::ChangePercent | K::Net)
            });
            if computed {
                for row in 0..ctx.table.rows.len() {
                    if ctx.value(row, target).is_some() {
                        ctx.not_evaluated();
                    }
                }
            }
            continue;
        }
        let mut best: Option<(usize, &Relation)> = None;
        for r in &cands {
            let s = (0..ctx.table.rows.len())
                .filter(|row| fits(ctx, r, *row) == Some(true))
                .count();
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, r));
            }
        }
        let Some((_, relation)) = best else { continue };
        let relation = relation.clone();
        if cands.len() > 1 && !relation.percent {
            let name = ctx.column_label(target).unwrap_or_default();
            ctx.notes.push(format!(
                "kolumnen {name} läses som {}",
                relation.what.trim_end_matches(" =")
            ));
        }
        for row in 0..ctx.table.rows.len() {
            evaluate(ctx, &relation, row);
        }
    }
}

fn operands(ctx: &Ctx<'_>, r: &Relation, row: usize) -> Option<(Decimal, Decimal, Decimal)> {
    let t = ctx.value(row, r.target)?;
    let a = ctx.value(row, r.a).unwrap_or(Decimal::ZERO);
    let b = ctx.value(row, r.b).unwrap_or(Decimal::ZERO);
    if ctx.value(row, r.a).is_none() && ctx.value(row, r.b).is_none() {
        return None;
    }
    Some((t, a, b))
}

/// A percent row of an amount table: its computed columns are not amounts. (A
/// table of percentages, sjukfrånvaro, has its own step and is checked.)
fn is_percent_row(ctx: &Ctx<'_>, row: usize) -> bool {
    ctx.table.kind != super::TableKind::SickLeave
        && ctx.table.rows.get(row).is_some_and(|r| r.percent)
}

/// Whether the relation holds for a row within rounding; `None` when not evaluable.
fn fits(ctx: &Ctx<'_>, r: &Relation, row: usize) -> Option<bool> {
    if is_percent_row(ctx, row) {
        return None;
    }
    let (t, a, b) = operands(ctx, r, row)?;
    if r.percent {
        let (exact, (lo, hi)) = percent_of(ctx, r, a, b)?;
        let ph = half(column_step(ctx, r.target).max(step_of_value(t)));
        let _ = exact;
        return Some(t.checked_add(ph)? >= lo && t.checked_sub(ph)? <= hi);
    }
    let b = if r.minus { -b } else { b };
    Some(ctx.fits(t, &[a, b]))
}

/// The percent change a relation implies from printed `a` and `b`, exact and with the
/// interval their rounding allows.
fn percent_of(
    ctx: &Ctx<'_>,
    r: &Relation,
    a: Decimal,
    b: Decimal,
) -> Option<(Decimal, (Decimal, Decimal))> {
    let h = half(ctx.step);
    let h2 = h.checked_mul(Decimal::TWO)?;
    let (num, den) = if r.from_change {
        (around(b, h)?, around(a.checked_sub(b)?, h2)?)
    } else {
        (around(a.checked_sub(b)?, h2)?, around(b, h)?)
    };
    let den = if r.signed || den.0.is_sign_positive() {
        den
    } else {
        (den.0.abs(), den.2.abs(), den.1.abs())
    };
    ratio_interval(num, den)
}

/// One unit of the last decimal printed in a column.
fn column_step(ctx: &Ctx<'_>, column: usize) -> Decimal {
    let decimals = ctx
        .table
        .rows
        .iter()
        .filter_map(|r| r.values.get(column).copied().flatten())
        .map(|v| v.scale())
        .max()
        .unwrap_or(0);
    Decimal::new(1, decimals.min(28))
}

fn step_of_value(v: Decimal) -> Decimal {
    Decimal::new(1, v.normalize().scale().min(28))
}

fn evaluate(ctx: &mut Ctx<'_>, r: &Relation, row: usize) {
    if is_percent_row(ctx, row) {
        return;
    }
    let Some((t, a, b)) = operands(ctx, r, row) else {
        if ctx.value(row, r.target).is_some() {
            ctx.not_evaluated();
        }
        return;
    };
    let label = ctx.label(row);
    if r.percent {
        let Some((exact, bounds)) = percent_of(ctx, r, a, b) else {
            ctx.not_evaluated();
            return;
        };
        let step = step_of_value(t).max(column_step(ctx, r.target));
        ctx.compare_interval(
            CheckKind::ChangePercent,
            &label,
            r.target,
            t,
            step,
            exact,
            bounds,
            &format!("beräknat {}", r.what),
            " %",
        );
        return;
    }
    let b = if r.minus { -b } else { b };
    ctx.compare(
        CheckKind::ColumnRelation,
        &label,
        r.target,
        t,
        &[a, b],
        &format!("beräknat {}", r.what.trim_end_matches(" =")),
        None,
    );
}
