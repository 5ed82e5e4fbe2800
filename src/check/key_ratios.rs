//! Nyckeltal and the femårsöversikt: every ratio that can be recomputed from the same
//! report's resultaträkning and balansräkning is recomputed (soliditet with and
//! without pensionsförpliktelser, skuldsättningsgrad, kassalikviditet,
//! balanslikviditet, årets resultat and verksamhetens nettokostnader in percent of
//! skatteintäkter och generella statsbidrag), amounts are tied to the statements, and
//! development rates are recomputed from consecutive year columns.

use rust_decimal::Decimal;

use super::CheckKind;
use super::core::{Ctx, around, half, outcome_year, part_of, percent_step, ratio_interval};
use super::labels::normalize;
use super::ties::Fact;

/// A ratio: labels (normalized), numerator terms (`true` subtracts), denominator
/// terms, the formula as read.
struct Ratio {
    labels: &'static [&'static str],
    numerator: &'static [(&'static str, bool)],
    denominator: &'static [(&'static str, bool)],
    formula: &'static str,
}

const RATIOS: &[Ratio] = &[
    Ratio {
        labels: &[
            "soliditet",
            "soliditet %",
            "soliditet exklusive pensionsförpliktelser",
            "soliditet exkl pensionsförpliktelser",
        ],
        numerator: &[("summa_eget_kapital", false)],
        denominator: &[("summa_tillgangar", false)],
        formula: "eget kapital / summa tillgångar",
    },
    Ratio {
        labels: &[
            "soliditet inklusive pensionsförpliktelser",
            "soliditet inkl pensionsförpliktelser",
            "soliditet inklusive samtliga pensionsförpliktelser",
            "soliditet inkl samtliga pensionsförpliktelser",
            "soliditet inkl ansvarsförbindelse",
            "soliditet inklusive ansvarsförbindelse",
            "soliditet inkl pensionsåtagande",
        ],
        numerator: &[
            ("summa_eget_kapital", false),
            ("pensionsforpliktelser_fore_1998", true),
        ],
        denominator: &[("summa_tillgangar", false)],
        formula: "(eget kapital − pensionsförpliktelser före 1998) / summa tillgångar",
    },
    Ratio {
        labels: &["skuldsättningsgrad", "total skuldsättningsgrad"],
        numerator: &[("summa_avsattningar", false), ("summa_skulder", false)],
        denominator: &[("summa_tillgangar", false)],
        formula: "(avsättningar + skulder) / summa tillgångar",
    },
    Ratio {
        labels: &["kassalikviditet"],
        numerator: &[("summa_omsattningstillgangar", false), ("forrad", true)],
        denominator: &[("kortfristiga_skulder", false)],
        formula: "(omsättningstillgångar − förråd) / kortfristiga skulder",
    },
    Ratio {
        labels: &["balanslikviditet"],
        numerator: &[("summa_omsattningstillgangar", false)],
        denominator: &[("kortfristiga_skulder", false)],
        formula: "omsättningstillgångar / kortfristiga skulder",
    },
    Ratio {
        labels: &[
            "årets resultat i procent av skatteintäkter och generella statsbidrag",
            "årets resultat i % av skatteintäkter och generella statsbidrag",
            "resultat i procent av skatteintäkter och generella statsbidrag",
            "resultat i % av skatteintäkter och generella statsbidrag",
            "årets resultat i procent av skatteintäkter och statsbidrag",
            "årets resultat i % av skatteintäkter och statsbidrag",
            "årets resultat i förhållande till skatteintäkter och generella statsbidrag",
            "resultat i förhållande till skatteintäkter och generella statsbidrag",
            "årets resultat skatteintäkter och generella statsbidrag",
            "resultatandel",
        ],
        numerator: &[("arets_resultat", false)],
        denominator: &[
            ("skatteintakter", false),
            ("generella_statsbidrag_och_utjamning", false),
        ],
        formula: "årets resultat / (skatteintäkter + generella statsbidrag och utjämning)",
    },
    Ratio {
        labels: &[
            "nettokostnadsandel",
            "verksamhetens nettokostnader i procent av skatteintäkter och generella statsbidrag",
            "verksamhetens nettokostnader i % av skatteintäkter och generella statsbidrag",
            "nettokostnader i procent av skatteintäkter och generella statsbidrag",
            "nettokostnadernas andel av skatteintäkter och generella statsbidrag",
        ],
        numerator: &[("verksamhetens_nettokostnader", true)],
        denominator: &[
            ("skatteintakter", false),
            ("generella_statsbidrag_och_utjamning", false),
        ],
        formula: "−verksamhetens nettokostnader / (skatteintäkter + generella statsbidrag och utjämning)",
    },
];

/// Amount rows of a key-ratio table, by label, and the statement post they show.
const AMOUNTS: &[(&str, &str)] = &[
    ("årets resultat", "arets_resultat"),
    ("verksamhetens intäkter", "verksamhetens_intakter"),
    ("verksamhetens kostnader", "verksamhetens_kostnader"),
    (
        "verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    ("skatteintäkter", "skatteintakter"),
    ("balansomslutning", "summa_tillgangar"),
    ("summa tillgångar", "summa_tillgangar"),
    ("eget kapital", "summa_eget_kapital"),
    ("långfristiga skulder", "langfristiga_skulder"),
    ("kortfristiga skulder", "kortfristiga_skulder"),
    (
        "resultat efter finansiella poster",
        "resultat_efter_finansiella_poster",
    ),
    (
        "resultat före extraordinära poster",
        "resultat_efter_finansiella_poster",
    ),
    (
        "skatteintäkter generella statsbidrag och utjämning",
        "skatter_och_bidrag",
    ),
    (
        "skatteintäkter och generella statsbidrag",
        "skatter_och_bidrag",
    ),
    (
        "skatteintäkter och generella statsbidrag och utjämning",
        "skatter_och_bidrag",
    ),
    (
        "skatteintäkter statsbidrag och utjämning",
        "skatter_och_bidrag",
    ),
    ("skatter och generella statsbidrag", "skatter_och_bidrag"),
];

/// A key-ratio label without its unit and part: "Årets resultat koncernen, mnkr" →
/// ("årets resultat", Some("koncern")).
fn clean(label: &str) -> (String, Option<&'static str>) {
    let mut n = normalize(label);
    let mut part = None;
    for (word, p) in [
        (" kommunkoncernen", "koncern"),
        (" koncernen", "koncern"),
        (" sammanställd redovisning", "koncern"),
        (" kommunen", "kommun"),
    ] {
        if n.contains(word) {
            n = n.replace(word, "");
            part = Some(p);
        }
    }
    for suffix in [
        " i miljoner kronor",
        " i tusen kronor",
        " miljoner kronor",
        " mnkr",
        " mkr",
        " tkr",
        " mdkr",
        " kr",
        " i procent",
        " procent",
        " i %",
        " %",
    ] {
        if let Some(rest) = n.strip_suffix(suffix) {
            n = rest.trim().to_owned();
        }
    }
    (n.trim().to_owned(), part)
}

fn fact<'f>(facts: &'f [Fact], id: &str, part: &str, year: i32) -> Option<&'f Fact> {
    facts.iter().find(|f| {
        f.id == id
            && f.part == part
            && f.year == year
            && matches!(
                f.kind,
                super::TableKind::IncomeStatement | super::TableKind::BalanceSheet
            )
    })
}

/// `Σ ± terms` with its interval in kronor; `None` when the first term is missing.
fn interval(
    facts: &[Fact],
    terms: &[(&str, bool)],
    part: &str,
    year: i32,
) -> Option<(Decimal, Decimal, Decimal)> {
    let (mut e, mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (k, (id, subtract)) in terms.iter().enumerate() {
        let Some(f) = fact(facts, id, part, year) else {
            if k == 0 {
                return None;
            }
            continue;
        };
        // Within one step: a footed table moves a figure by less than one unit.
        let (v, l, h) = around(f.kr, f.step_kr)?;
        if *subtract {
            e = e.checked_sub(v)?;
            lo = lo.checked_sub(h)?;
            hi = hi.checked_sub(l)?;
        } else {
            e = e.checked_add(v)?;
            lo = lo.checked_add(l)?;
            hi = hi.checked_add(h)?;
        }
    }
    Some((e, lo, hi))
}

pub(super) fn check(ctx: &mut Ctx<'_>, facts: &[Fact]) {
    let has_statements = facts.iter().any(|f| {
        matches!(
            f.kind,
            super::TableKind::IncomeStatement | super::TableKind::BalanceSheet
        )
    });
    let rows = ctx.table.rows.len();
    for row in 0..rows {
        let Some(r) = ctx.table.rows.get(row) else {
            continue;
        };
        let (norm, part) = clean(&r.label);
        let percent = r.percent;
        let label = r.label.clone();
        if percent {
            if let Some(ratio) = RATIOS.iter().find(|x| x.labels.contains(&norm.as_str())) {
                ratio_row(ctx, facts, row, ratio, &label, has_statements, part);
                continue;
            }
            if ["förändring", "utveckling", "ökning"]
                .iter()
                .any(|w| norm.contains(w))
            {
                development(ctx, row, &label);
            }
            continue;
        }
        if let Some((_, id)) = AMOUNTS.iter().find(|(l, _)| *l == norm) {
            amount_row(ctx, facts, row, id, &label, has_statements, part);
        }
    }
    super::columns::check(ctx);
}

#[allow(clippy::too_many_arguments)]
fn ratio_row(
    ctx: &mut Ctx<'_>,
    facts: &[Fact],
    row: usize,
    ratio: &Ratio,
    label: &str,
    has: bool,
    part_in_label: Option<&str>,
) {
    for column in 0..ctx.columns() {
        let Some(printed) = ctx.value(row, column) else {
            continue;
        };
        let part = part_in_label.map_or_else(|| part_of(ctx.table, column), str::to_owned);
        let Some(year) = outcome_year(ctx.table, column) else {
            continue;
        };
        if !has {
            ctx.not_evaluated();
            continue;
        }
        let (Some(num), Some(den)) = (
            interval(facts, ratio.numerator, &part, year),
            interval(facts, ratio.denominator, &part, year),
        ) else {
            ctx.not_evaluated();
            continue;
        };
        let Some((exact, bounds)) = ratio_interval(num, den) else {
            ctx.not_evaluated();
            continue;
        };
        let step = percent_step(ctx.table, row);
        // Kassalikviditet and the like are sometimes printed as a fraction (0,85).
        let what = format!("beräknat {} ur rapporterna =", ratio.formula);
        ctx.compare_interval(
            CheckKind::KeyRatio,
            label,
            column,
            printed,
            step,
            exact,
            bounds,
            &what,
            " %",
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn amount_row(
    ctx: &mut Ctx<'_>,
    facts: &[Fact],
    row: usize,
    id: &str,
    label: &str,
    has: bool,
    part_in_label: Option<&str>,
) {
    for column in 0..ctx.columns() {
        let Some(printed) = ctx.value(row, column) else {
            continue;
        };
        let part = part_in_label.map_or_else(|| part_of(ctx.table, column), str::to_owned);
        let Some(year) = outcome_year(ctx.table, column) else {
            continue;
        };
        if !has {
            continue;
        }
        let Some(f) = fact(facts, id, &part, year) else {
            ctx.not_evaluated();
            continue;
        };
        let factor = ctx.table.unit.factor();
        let Some(kr) = printed.checked_mul(factor) else {
            continue;
        };
        let mine = Fact {
            table: usize::MAX,
            kind: ctx.table.kind,
            id: id.to_owned(),
            part: part.clone(),
            year,
            kr,
            step_kr: ctx.step.checked_mul(factor).unwrap_or(Decimal::MAX),
            label: label.to_owned(),
        };
        let before = ctx.out.len();
        let mut cov = ctx.coverage;
        super::ties::tie(
            CheckKind::KeyFigure,
            &mine,
            f,
            ctx.table.unit,
            id == "verksamhetens_nettokostnader",
            "nyckeltalet",
            &mut cov,
            &mut ctx.out,
        );
        ctx.coverage = cov;
        for d in ctx.out.iter_mut().skip(before) {
            d.table = Some(ctx.table.kind);
            d.table_index = ctx.index;
            d.column = ctx.table.columns.get(column).map(|c| c.label.clone());
        }
    }
}

/// A development rate: the amount row above, this year against the year before.
fn development(ctx: &mut Ctx<'_>, row: usize, label: &str) {
    let Some(base) = (0..row)
        .rev()
        .find(|i| ctx.table.rows.get(*i).is_some_and(|r| !r.percent))
    else {
        return;
    };
    let years: Vec<Option<i32>> = (0..ctx.columns())
        .map(|c| outcome_year(ctx.table, c))
        .collect();
    let h = half(ctx.step);
    let step = percent_step(ctx.table, row);
    for column in 0..ctx.columns() {
        let (Some(printed), Some(Some(year))) = (ctx.value(row, column), years.get(column)) else {
            continue;
        };
        let Some(prev) = years
            .iter()
            .position(|y| *y == Some(year.saturating_sub(1)))
        else {
            ctx.not_evaluated();
            continue;
        };
        let (Some(now), Some(before)) = (ctx.value(base, column), ctx.value(base, prev)) else {
            ctx.not_evaluated();
            continue;
        };
        let (Some(diff), Some(h2)) = (now.checked_sub(before), h.checked_mul(Decimal::TWO)) else {
            continue;
        };
        let (Some(num), Some(den)) = (around(diff, h2), around(before.abs(), h)) else {
            continue;
        };
        let Some((exact, bounds)) = ratio_interval(num, den) else {
            ctx.not_evaluated();
            continue;
        };
        let what = format!(
            "beräknat ur {} {} och {} =",
            ctx.label(base),
            year,
            year.saturating_sub(1)
        );
        ctx.compare_interval(
            CheckKind::ChangePercent,
            label,
            column,
            printed,
            step,
            exact,
            bounds,
            &what,
            " %",
        );
    }
}
