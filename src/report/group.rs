//! The koncern part of a report: the statements with kommun and koncern columns side
//! by side, the section "Sammanställda räkenskaper" (method, left-out parts,
//! consolidation tables, eliminations, kassaflödesanalys, key ratios, findings) and
//! the checks that tie the koncern to the kommun's own statements.

use crate::entity::Entity;
use crate::error::Result;
use crate::group::{GroupAccounts, IncomeColumn, income_statement_table};
use crate::money::{Percent, Scale};
use crate::present::{Column, RatioRow, Table};
use crate::ratio::{KeyRatio, KeyRatios};
use crate::statement::{BalanceSheet, CashFlowStatement, IncomeStatement, StatementLayout};

use super::document::absent_sentence;
use super::interim::{ReportFinding, ReportFindingKind};
use super::render::Block;

/// Labels of the periods: (current, comparison).
pub(crate) struct Periods<'a> {
    pub current: &'a str,
    pub previous: &'a str,
}

/// Resultaträkning with Kommunen and Koncernen columns, each for the period and the
/// comparison period (the kommun's comparison only when given).
pub(crate) fn income_blocks(
    entity: &Entity,
    layout: &StatementLayout,
    kommun: (Option<&IncomeStatement>, Option<&IncomeStatement>),
    group: &GroupAccounts,
    periods: &Periods<'_>,
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    let Some(rs) = kommun.0 else {
        return Ok(vec![Block::Absent(absent_sentence(
            "Resultaträkningen",
            absent,
        ))]);
    };
    let mut columns = vec![(
        Column::outcome(format!("Kommunen {}", periods.current)),
        IncomeColumn::Kommun(rs),
    )];
    if let Some(p) = kommun.1 {
        columns.push((
            Column::prior_period(format!("Kommunen {}", periods.previous)),
            IncomeColumn::Kommun(p),
        ));
    }
    columns.push((
        Column::outcome(format!("Koncernen {}", periods.current)),
        IncomeColumn::Koncern(&group.consolidation.income),
    ));
    if let Some(p) = &group.income_comparison {
        columns.push((
            Column::prior_period(format!("Koncernen {}", periods.previous)),
            IncomeColumn::Koncern(p),
        ));
    }
    let caption = format!("Resultaträkning, {} och koncernen", entity.name);
    Ok(vec![Block::Table(income_statement_table(
        caption, unit, layout, &columns,
    )?)])
}

/// Balansräkning with Kommunen and Koncernen columns, as [`income_blocks`].
pub(crate) fn balance_blocks(
    entity: &Entity,
    layout: &StatementLayout,
    kommun: (Option<&BalanceSheet>, Option<&BalanceSheet>),
    group: &GroupAccounts,
    periods: &Periods<'_>,
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    let Some(br) = kommun.0 else {
        return Ok(vec![Block::Absent(absent_sentence(
            "Balansräkningen",
            absent,
        ))]);
    };
    let mut columns = vec![(Column::outcome(format!("Kommunen {}", periods.current)), br)];
    if let Some(p) = kommun.1 {
        columns.push((
            Column::prior_period(format!("Kommunen {}", periods.previous)),
            p,
        ));
    }
    columns.push((
        Column::outcome(format!("Koncernen {}", periods.current)),
        &group.consolidation.balance,
    ));
    if let Some(p) = &group.balance_comparison {
        columns.push((
            Column::prior_period(format!("Koncernen {}", periods.previous)),
            p,
        ));
    }
    let caption = format!("Balansräkning, {} och koncernen", entity.name);
    let mut table = Table::balance_sheet(caption, unit, layout, &columns)?;
    let ratios: Vec<Option<KeyRatios>> = columns
        .iter()
        .map(|(_, b)| KeyRatios::from_balance_sheet(b).ok())
        .collect();
    for ratio in [
        KeyRatio::EquityRatio,
        KeyRatio::EquityRatioIncludingPensionCommitments,
    ] {
        let values: Vec<Option<Percent>> = ratios
            .iter()
            .map(|r| r.as_ref().and_then(|r| r.get(ratio)))
            .collect();
        table.push_ratio(RatioRow {
            label: ratio.label().to_owned(),
            values,
            decimals: 1,
        })?;
    }
    Ok(vec![Block::Table(table)])
}

/// The section "Sammanställda räkenskaper": method, left-out parts, the koncern's
/// kassaflödesanalys, the consolidation tables and the eliminations.
pub(crate) fn section_blocks(
    group: &GroupAccounts,
    layout: &StatementLayout,
    periods: &Periods<'_>,
    unit: Scale,
    with_cash_flow: bool,
) -> Result<Vec<Block>> {
    let c = &group.consolidation;
    let mut out = vec![Block::Paragraph(format!(
        "De sammanställda räkenskaperna (LKBR 12 kap.) omfattar {} och {}. Metod: {}.",
        c.kommun,
        parts_sentence(group),
        c.method.label()
    ))];
    if !c.left_out.is_empty() {
        out.push(Block::Heading("Koncernföretag som inte ingår".to_owned()));
        out.push(Block::List(
            c.left_out
                .iter()
                .map(|(name, reason)| format!("{name}: {reason}"))
                .collect(),
        ));
    }
    match &c.cash_flow {
        _ if !with_cash_flow => {}
        Some(cf) => {
            let mut cols = vec![(
                Column::outcome(format!("Koncernen {}", periods.current)),
                cf,
            )];
            if let Some(p) = &group.cash_flow_comparison {
                cols.push((
                    Column::prior_period(format!("Koncernen {}", periods.previous)),
                    p,
                ));
            }
            out.push(Block::Table(CashFlowStatement::table(
                "Kassaflödesanalys, koncernen",
                unit,
                &cols,
            )?));
        }
        None => out.push(Block::Absent(
            "Koncernens kassaflödesanalys kan inte ställas samman; se granskningen.".to_owned(),
        )),
    }
    out.push(Block::Table(c.income_table(layout, unit)?));
    out.push(Block::Table(c.balance_table(layout, unit)?));
    out.push(Block::Table(c.elimination_table(unit)?));
    Ok(out)
}

fn parts_sentence(group: &GroupAccounts) -> String {
    let parts: Vec<String> = group
        .consolidation
        .contributions
        .iter()
        .skip(1)
        .map(|p| {
            format!(
                "{} ({})",
                p.name,
                crate::present::NumberFormat::swedish()
                    .with_decimals(p.effective_share.as_decimal().scale().min(1))
                    .percent(p.effective_share)
            )
        })
        .collect();
    match parts.split_last() {
        None => "inga koncernföretag".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} och {last}", rest.join(", ")),
    }
}

/// The koncern's checks for the report: the kommun's own figures in the
/// consolidation agree with the report's resultaträkning and balansräkning, and each
/// finding of the consolidation.
pub(crate) fn findings(
    group: &GroupAccounts,
    income: Option<&IncomeStatement>,
    balance: Option<&BalanceSheet>,
    unit: Scale,
) -> Result<Vec<ReportFinding>> {
    let c = &group.consolidation;
    let mut out = Vec::new();
    const PART: &str = "sammanställda räkenskaper";
    const SOURCE: &str = "LKBR 12 kap.";
    if let (Some(kommun), Some(rs)) = (c.contributions.first(), income) {
        let (a, b) = (
            rs.result_for_the_year(),
            kommun.income.result_for_the_year(),
        );
        out.push(tie("årets resultat", "resultaträkning", a, b, unit));
    }
    if let (Some(kommun), Some(br)) = (c.contributions.first(), balance) {
        let (a, b) = (br.total_assets(), kommun.balance.total_assets());
        out.push(tie("summa tillgångar", "balansräkning", a, b, unit));
    }
    for f in &c.findings {
        let kind = match f {
            _ if f.is_info() => ReportFindingKind::Info,
            crate::group::GroupFinding::CashFlowMissing { .. } => ReportFindingKind::Missing,
            _ => ReportFindingKind::Inconsistent,
        };
        out.push(ReportFinding::new(kind, PART, SOURCE, f.message(unit)));
    }
    Ok(out)
}

fn tie(
    what: &str,
    statement: &str,
    report: crate::Amount,
    consolidated: crate::Amount,
    unit: Scale,
) -> ReportFinding {
    let sv = crate::present::NumberFormat::swedish();
    let a = |x: crate::Amount| format!("{} {}", sv.amount(x, unit), unit.label());
    if report == consolidated {
        ReportFinding::new(
            ReportFindingKind::Info,
            "sammanställda räkenskaper",
            "LKBR 12 kap.",
            format!(
                "kommunens {what}: {} i kommunens {statement} och i de sammanställda räkenskaperna: stämmer",
                a(consolidated)
            ),
        )
    } else {
        ReportFinding::new(
            ReportFindingKind::Inconsistent,
            "sammanställda räkenskaper",
            "LKBR 12 kap.",
            format!(
                "kommunens {what}: {} i kommunens {statement}, {} i de sammanställda räkenskaperna: stämmer inte",
                a(report),
                a(consolidated)
            ),
        )
    }
}
