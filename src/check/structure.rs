//! Sums read from a table's structure: subtotals and totals over the rows above them,
//! parents over their indented children, declared sums (`sum_of`) — under every
//! reading the layout allows, and either sign convention for deductions.

use rust_decimal::Decimal;

use super::core::{Ctx, is_of_which};
use super::labels::normalize;
use super::{CheckKind, DiscrepancyClass};
use crate::statement::StatementRowKind;

/// How a kind of table marks its sums and deductions in the labels.
pub(super) struct Rules {
    /// Normalized label prefixes that make a row a sum ("summa", "totalt").
    pub sum_prefixes: &'static [&'static str],
    /// Normalized label prefixes of rows that are deducted whatever their printed sign
    /// ("avgår", "reservering").
    pub deduction_prefixes: &'static [&'static str],
}

/// Prefixes of sum labels in every kind of table.
pub(super) const COMMON_SUMS: &[&str] = &[
    "summa",
    "totalt",
    "total",
    "s a",
    "sa ",
    "netto",
    "nettokostnad",
    "nettokostnader",
    "nettoinvestering",
    "nettoinvesteringar",
    "utgående",
];

#[derive(Clone, Copy)]
struct Info {
    blank: bool,
    sum: bool,
    total: bool,
    skip: bool,
    depth: u8,
    deduction: bool,
}

fn starts_with_word(norm: &str, prefix: &str) -> bool {
    norm == prefix
        || norm
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with(' ') || prefix.ends_with(' '))
}

fn infos(ctx: &Ctx<'_>, rules: &Rules) -> Vec<Info> {
    ctx.table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let norm = normalize(&r.label);
            let blank = r.values.iter().all(Option::is_none);
            let labelled = rules
                .sum_prefixes
                .iter()
                .chain(COMMON_SUMS)
                .any(|p| starts_with_word(&norm, p));
            let sum = !blank
                && (matches!(r.kind, StatementRowKind::Subtotal | StatementRowKind::Total)
                    || !r.sum_of.is_empty()
                    || (labelled && r.kind != StatementRowKind::OfWhich));
            let first = r.label.trim_start().chars().next();
            let deduction = r.deduction
                || matches!(first, Some('-' | '–' | '−' | '—'))
                || rules
                    .deduction_prefixes
                    .iter()
                    .any(|p| starts_with_word(&norm, p));
            Info {
                blank,
                sum,
                total: r.kind == StatementRowKind::Total,
                skip: r.percent || is_of_which(ctx.table, i),
                depth: r.depth,
                deduction,
            }
        })
        .collect()
}

/// The readings of the parts of row `i` (row indices), most likely first.
fn readings(ctx: &Ctx<'_>, info: &[Info], i: usize) -> Vec<Vec<usize>> {
    let Some(me) = info.get(i) else {
        return Vec::new();
    };
    let mut out: Vec<Vec<usize>> = Vec::new();
    // A parent printed above its indented children.
    let children: Vec<usize> = (i.saturating_add(1)..info.len())
        .take_while(|j| info.get(*j).is_some_and(|x| x.depth > me.depth))
        .collect();
    if !children.is_empty() {
        let min = children
            .iter()
            .filter_map(|j| info.get(*j).map(|x| x.depth))
            .min()
            .unwrap_or(0);
        let direct: Vec<usize> = children
            .into_iter()
            .filter(|j| {
                info.get(*j)
                    .is_some_and(|x| x.depth == min && !x.skip && !x.blank)
            })
            .collect();
        if !direct.is_empty() {
            out.push(direct);
        }
    }
    if !me.sum {
        return out;
    }
    let d = me.depth;
    // A: cumulative — lines back to and including the previous sum at this depth.
    // B: the section — lines back to the previous sum or heading, excluding it.
    // C: the sums above at this depth (and the lines after the last of them).
    let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
    // C': every sum above at this depth (sections without headings between them).
    let mut all_sums: Vec<usize> = Vec::new();
    let (mut a_open, mut b_open, mut c_open, mut c_sums_only) = (true, true, true, false);
    // In C, only the last sum of each section (a sum above it in the same section is
    // part of it).
    let mut section_has_sum = false;
    let mut deeper = Vec::new();
    for j in (0..i).rev() {
        let Some(x) = info.get(j) else { continue };
        if x.skip {
            continue;
        }
        if x.depth > d {
            if !x.blank {
                deeper.push(j);
            }
            continue;
        }
        if x.depth < d {
            break;
        }
        if x.blank {
            a_open = false;
            b_open = false;
            section_has_sum = false;
            if c_sums_only {
                continue;
            }
            break;
        }
        if x.sum {
            if a_open {
                a.push(j);
            }
            a_open = false;
            b_open = false;
            if x.total && !c.is_empty() {
                c_open = false;
            }
            if c_open && !section_has_sum {
                c.push(j);
                c_sums_only = true;
            }
            if c_open {
                all_sums.push(j);
            }
            section_has_sum = true;
            continue;
        }
        if a_open {
            a.push(j);
        }
        if b_open {
            b.push(j);
        }
        if c_open && !c_sums_only {
            c.push(j);
        }
        if !a_open && !b_open && !c_open {
            break;
        }
    }
    if a.is_empty() && b.is_empty() && !deeper.is_empty() {
        // Parts printed only indented, with no line of their own depth.
        let min = deeper
            .iter()
            .filter_map(|j| info.get(*j).map(|x| x.depth))
            .min()
            .unwrap_or(0);
        a = deeper
            .into_iter()
            .filter(|j| info.get(*j).is_some_and(|x| x.depth == min))
            .collect();
    }
    // C' also takes the lines after the last sum, as C does.
    let trailing: Vec<usize> = c
        .iter()
        .copied()
        .filter(|j| !info.get(*j).is_some_and(|x| x.sum))
        .collect();
    let mut c2 = all_sums;
    c2.extend(trailing);
    for r in [a, b, c, c2] {
        if !r.is_empty() && !out.contains(&r) {
            out.push(r);
        }
    }
    let _ = ctx;
    out
}

/// The terms of a reading in a column; `None` when no part is printed. `flip`
/// subtracts deductions printed without their minus sign.
fn terms(
    ctx: &Ctx<'_>,
    info: &[Info],
    parts: &[usize],
    column: usize,
    flip: bool,
) -> Option<Vec<Decimal>> {
    let t: Vec<Decimal> = parts
        .iter()
        .filter_map(|j| {
            let v = ctx.value(*j, column)?;
            let deduct = flip && info.get(*j).is_some_and(|x| x.deduction) && v > Decimal::ZERO;
            Some(if deduct { -v } else { v })
        })
        .collect();
    if t.is_empty() { None } else { Some(t) }
}

/// Checks every sum of the table under the reading that makes most of its columns add
/// up; an error only where that reading fails and no other fits the whole row.
pub(super) fn check(ctx: &mut Ctx<'_>, rules: &Rules) {
    let info = infos(ctx, rules);
    let columns = ctx.columns();
    let (mut printed_sign, mut flipped) = (0_usize, 0_usize);
    for i in 0..info.len() {
        let Some(me) = info.get(i).copied() else {
            continue;
        };
        if me.blank || me.skip {
            continue;
        }
        let declared = ctx
            .table
            .rows
            .get(i)
            .map(|r| r.sum_of.clone())
            .unwrap_or_default();
        let mut candidates: Vec<Vec<usize>> = if declared.is_empty() {
            readings(ctx, &info, i)
        } else {
            let mut parts = Vec::new();
            for name in &declared {
                let n = normalize(name);
                match ctx.table.rows.iter().position(|r| normalize(&r.label) == n) {
                    Some(j) => parts.push(j),
                    None => {
                        let mut f = ctx.base(
                            CheckKind::UnknownSumPart,
                            DiscrepancyClass::Error,
                            &ctx.label(i),
                        );
                        f.message = format!(
                            "summan anges bestå av \"{name}\", men tabellen har ingen sådan rad"
                        );
                        ctx.out.push(f);
                    }
                }
            }
            vec![parts]
        };
        candidates.retain(|c| !c.is_empty());
        if candidates.is_empty() {
            continue;
        }
        let has_deduction = candidates
            .iter()
            .flatten()
            .any(|j| info.get(*j).is_some_and(|x| x.deduction));
        // Every reading, with printed signs and with deductions flipped.
        let mut variants: Vec<(usize, bool)> = (0..candidates.len()).map(|c| (c, false)).collect();
        if has_deduction {
            variants.extend((0..candidates.len()).map(|c| (c, true)));
        }
        let score = |v: &(usize, bool)| -> usize {
            let Some(parts) = candidates.get(v.0) else {
                return 0;
            };
            (0..columns)
                .filter(|col| !super::core::is_percent_column(ctx.table, *col))
                .filter(|col| {
                    let (Some(p), Some(t)) =
                        (ctx.value(i, *col), terms(ctx, &info, parts, *col, v.1))
                    else {
                        return false;
                    };
                    ctx.fits(p, &t)
                })
                .count()
        };
        let mut best = (0_usize, false);
        let mut best_score = 0_usize;
        for v in &variants {
            let s = score(v);
            if s > best_score {
                best = *v;
                best_score = s;
            }
        }
        if has_deduction && best_score > 0 {
            if best.1 {
                flipped = flipped.saturating_add(1);
            } else {
                printed_sign = printed_sign.saturating_add(1);
            }
        }
        let Some(parts) = candidates.get(best.0).cloned() else {
            continue;
        };
        let label = ctx.label(i);
        for column in 0..columns {
            if super::core::is_percent_column(ctx.table, column) {
                // Percent changes do not add up; shares are checked by their table.
                continue;
            }
            let Some(printed) = ctx.value(i, column) else {
                continue;
            };
            let Some(t) = terms(ctx, &info, &parts, column, best.1) else {
                ctx.not_evaluated();
                continue;
            };
            let names: Vec<String> = parts.iter().map(|j| ctx.label(*j)).collect();
            let what = if names.len() <= 4 {
                format!("summan av {}", names.join(", "))
            } else {
                format!("summan av de {} raderna ovanför", names.len())
            };
            let hint = sign_hint(ctx, &parts, column, printed, &t);
            ctx.compare(CheckKind::Sum, &label, column, printed, &t, &what, hint);
        }
    }
    if flipped > 0 || printed_sign > 0 {
        ctx.notes.push(if flipped >= printed_sign {
            "avdrag tryckta utan minustecken (\"avgår 340\" dras av)".to_owned()
        } else {
            "avdrag tryckta med minustecken (\"−340\")".to_owned()
        });
    }
}

/// When one term with its sign turned makes a failing sum add up, says so.
fn sign_hint(
    ctx: &Ctx<'_>,
    parts: &[usize],
    column: usize,
    printed: Decimal,
    terms: &[Decimal],
) -> Option<String> {
    if ctx.fits(printed, terms) {
        return None;
    }
    let printed_parts: Vec<usize> = parts
        .iter()
        .copied()
        .filter(|j| ctx.value(*j, column).is_some())
        .collect();
    for (k, t) in terms.iter().enumerate() {
        let mut changed = terms.to_vec();
        if let Some(x) = changed.get_mut(k) {
            *x = -*t;
        }
        if !t.is_zero() && ctx.fits(printed, &changed) {
            let row = printed_parts
                .get(k)
                .map(|j| ctx.label(*j))
                .unwrap_or_default();
            return Some(format!("summan stämmer om tecknet på {row} vänds"));
        }
    }
    None
}
