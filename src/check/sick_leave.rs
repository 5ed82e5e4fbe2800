//! Sjukfrånvaro (LKBR 11 kap. 8 §) as printed: the total is a weighted mean of the
//! groups of one partition (kvinnor and män; the three age bands), so it lies between
//! the smallest and the largest of them — up to rounding; tables that give only some
//! of the groups are checked only where a whole partition is printed. Changes against
//! the prior year are checked as computed columns.

use rust_decimal::Decimal;

use super::core::{Ctx, percent_step};
use super::labels::normalize;
use super::{CheckKind, DiscrepancyClass, PrintedColumnKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Total,
    Gender,
    Age,
}

fn group(label: &str) -> Option<Group> {
    let n = normalize(label);
    let n = n.trim_start_matches("sjukfrånvaro ").trim();
    match n {
        "total"
        | "totalt"
        | "total sjukfrånvaro"
        | "sjukfrånvaro totalt"
        | "samtliga"
        | "alla anställda"
        | "samtliga anställda"
        | "sjukfrånvaro"
        | "totalt alla" => Some(Group::Total),
        "kvinnor" | "kvinna" | "män" | "man" => Some(Group::Gender),
        _ => {
            let age = n.contains("år") || n.chars().next().is_some_and(|c| c.is_ascii_digit());
            let ages = ["29", "30", "49", "50", "yngre", "äldre", "under", "över"];
            (age && ages.iter().any(|a| n.contains(a))).then_some(Group::Age)
        }
    }
}

fn all_values_step(ctx: &Ctx<'_>) -> Decimal {
    let decimals = ctx
        .table
        .rows
        .iter()
        .flat_map(|r| r.values.iter().flatten())
        .map(|v| v.scale())
        .max()
        .unwrap_or(0);
    Decimal::new(1, decimals.min(28))
}

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let rows: Vec<(usize, Option<Group>)> = ctx
        .table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (i, group(&r.label)))
        .collect();
    // Every figure is a percentage: the step is the table's own, the unit
    // procentenheter.
    ctx.step = all_values_step(ctx);
    ctx.unit_label = Some("procentenheter".to_owned());
    let Some(total) = rows
        .iter()
        .find(|(_, g)| *g == Some(Group::Total))
        .map(|(i, _)| *i)
    else {
        super::columns::check(ctx);
        return;
    };
    let step = percent_step(ctx.table, total).max(ctx.step);
    let levels: Vec<bool> = ctx
        .table
        .columns
        .iter()
        .map(|c| {
            matches!(
                c.kind,
                PrintedColumnKind::Outcome
                    | PrintedColumnKind::PriorPeriod
                    | PrintedColumnKind::Other
            )
        })
        .collect();
    for partition in [Group::Gender, Group::Age] {
        let members: Vec<usize> = rows
            .iter()
            .filter(|(_, g)| *g == Some(partition))
            .map(|(i, _)| *i)
            .collect();
        let needed = if partition == Group::Gender { 2 } else { 3 };
        for column in 0..ctx.columns() {
            if !levels.get(column).copied().unwrap_or(false) {
                // A change against the prior year is not a weighted mean.
                continue;
            }
            let Some(t) = ctx.value(total, column) else {
                continue;
            };
            let values: Vec<Decimal> = members
                .iter()
                .filter_map(|i| ctx.value(*i, column))
                .collect();
            if values.is_empty() {
                continue;
            }
            if values.len() < needed {
                // Only some of the groups: the total need not lie between them.
                ctx.not_evaluated();
                continue;
            }
            ctx.coverage.evaluated = ctx.coverage.evaluated.saturating_add(1);
            let (Some(lo), Some(hi)) = (values.iter().min().copied(), values.iter().max().copied())
            else {
                continue;
            };
            if t >= lo && t <= hi {
                continue;
            }
            let bound = if t < lo { lo } else { hi };
            let Some(difference) = t.checked_sub(bound) else {
                continue;
            };
            let outside = difference.abs();
            // Half a unit from the total and half from the group figure.
            let tolerance = step;
            let class = if outside <= tolerance {
                DiscrepancyClass::Rounding
            } else {
                DiscrepancyClass::Error
            };
            let fmt = super::core::format_for(step);
            let mut f = ctx.base(CheckKind::SickLeave, class, &ctx.label(total));
            f.column = ctx.column_label(column);
            f.printed = Some(t);
            f.expected = Some(bound);
            f.difference = Some(difference);
            f.tolerance = Some(tolerance);
            f.message = format!(
                "totalen {} % ligger utanför {} – {} % ({}): ett vägt medel av grupperna kan inte göra det{}",
                fmt.decimal(t),
                fmt.decimal(lo),
                fmt.decimal(hi),
                if partition == Group::Gender {
                    "kvinnor och män"
                } else {
                    "åldersgrupperna"
                },
                if class == DiscrepancyClass::Rounding {
                    ", utom genom avrundning"
                } else {
                    ""
                }
            );
            ctx.out.push(f);
        }
    }
    super::columns::check(ctx);
}
