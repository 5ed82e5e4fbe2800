//! A kommunalförbund's fördelning av medlemsavgifter: the members' shares sum to
//! 100 %, each member's fee is its share of the total, and the printed total is the sum
//! of the fees (the last as a structural sum).

use rust_decimal::Decimal;

use super::core::{Ctx, around, half};
use super::structure::{self, Rules};
use super::{CheckKind, DiscrepancyClass, PrintedColumnKind};

const RULES: Rules = Rules {
    sum_prefixes: &["summa medlemsavgifter", "medlemsavgifter totalt"],
    deduction_prefixes: &[],
};

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

pub(super) fn check(ctx: &mut Ctx<'_>) {
    structure::check(ctx, &RULES);
    let Some(share) = ctx
        .table
        .columns
        .iter()
        .position(|c| c.kind == PrintedColumnKind::Share)
    else {
        return;
    };
    let total_row = ctx.table.rows.iter().rposition(|r| {
        matches!(
            r.kind,
            crate::statement::StatementRowKind::Total
                | crate::statement::StatementRowKind::Subtotal
        ) || {
            let n = super::labels::normalize(&r.label);
            n.starts_with("summa") || n.starts_with("totalt") || n.starts_with("total")
        }
    });
    let members: Vec<usize> = (0..ctx.table.rows.len())
        .filter(|i| Some(*i) != total_row && ctx.value(*i, share).is_some())
        .collect();
    let share_step = column_step(ctx, share);
    // Shares sum to 100 %.
    let shares: Vec<Decimal> = members
        .iter()
        .filter_map(|i| ctx.value(*i, share))
        .collect();
    if !shares.is_empty() {
        let sum = super::core::checked_sum(&shares).unwrap_or(Decimal::MAX);
        ctx.coverage.evaluated = ctx.coverage.evaluated.saturating_add(1);
        let diff = sum
            .checked_sub(Decimal::ONE_HUNDRED)
            .unwrap_or(Decimal::MAX);
        if !diff.is_zero() {
            let n = Decimal::from(u32::try_from(shares.len()).unwrap_or(u32::MAX));
            let tolerance = half(share_step).checked_mul(n).unwrap_or(Decimal::MAX);
            let class = if diff.abs() <= tolerance {
                DiscrepancyClass::Rounding
            } else {
                DiscrepancyClass::Error
            };
            let label = total_row.map_or_else(|| "Andelar".to_owned(), |t| ctx.label(t));
            let fmt = super::core::format_for(share_step);
            let mut f = ctx.base(CheckKind::MemberFee, class, &label);
            f.column = ctx.column_label(share);
            f.printed = Some(sum);
            f.expected = Some(Decimal::ONE_HUNDRED);
            f.difference = Some(diff);
            f.tolerance = Some(tolerance);
            f.message = format!(
                "medlemmarnas andelar summerar till {} %, inte 100 % ({})",
                fmt.decimal(sum),
                if class == DiscrepancyClass::Rounding {
                    "avrundning"
                } else {
                    "för stor för avrundning"
                }
            );
            ctx.out.push(f);
        }
    }
    // Each fee is its share of the total.
    let Some(total_row) = total_row else { return };
    let h = half(ctx.step);
    let hs = half(share_step);
    for column in 0..ctx.columns() {
        if column == share
            || ctx.table.columns.get(column).is_some_and(|c| {
                matches!(
                    c.kind,
                    PrintedColumnKind::Share | PrintedColumnKind::ChangePercent
                )
            })
        {
            continue;
        }
        let Some(total) = ctx.value(total_row, column) else {
            continue;
        };
        let mut checks = Vec::new();
        for i in &members {
            let (Some(fee), Some(s)) = (ctx.value(*i, column), ctx.value(*i, share)) else {
                continue;
            };
            let (Some(t), Some(sr)) = (around(total, h), around(s, hs)) else {
                continue;
            };
            let of = |a: Decimal, b: Decimal| {
                a.checked_mul(b)
                    .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
            };
            let corners = [of(t.1, sr.1), of(t.1, sr.2), of(t.2, sr.1), of(t.2, sr.2)];
            let (Some(lo), Some(hi), Some(exact)) = (
                corners.iter().flatten().min().copied(),
                corners.iter().flatten().max().copied(),
                of(total, s),
            ) else {
                continue;
            };
            checks.push((*i, fee, exact, lo, hi));
        }
        // The share column is the key of the fees only when most fees follow it; a
        // table whose shares are, say, ownership shares is not read as a fee key.
        let hh = half(ctx.step);
        let follow = checks
            .iter()
            .filter(|(_, fee, _, lo, hi)| {
                fee.checked_add(hh).is_some_and(|f| f >= *lo)
                    && fee.checked_sub(hh).is_some_and(|f| f <= *hi)
            })
            .count();
        if follow.saturating_mul(2) < checks.len() {
            let name = ctx.column_label(share).unwrap_or_default();
            ctx.notes.push(format!(
                "andelarna i kolumnen {name} är inte avgifternas fördelningsnyckel ({} av {} avgifter följer dem); avgifterna prövas inte mot andelarna",
                follow,
                checks.len()
            ));
            for _ in &checks {
                ctx.not_evaluated();
            }
            continue;
        }
        for (i, fee, exact, lo, hi) in checks {
            let step = ctx.step;
            let label = ctx.label(i);
            let unit = format!(" {}", ctx.table.unit);
            ctx.compare_interval(
                CheckKind::MemberFee,
                &label,
                column,
                fee,
                step,
                exact,
                (lo, hi),
                "andelen av totalen ger",
                &unit,
            );
        }
    }
}
