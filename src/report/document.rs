//! Building a [`Document`] from a report: the blocks for each typed part, shared by the
//! delårsrapport and the årsredovisning.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::balanced_budget::BalancedBudgetStatement;
use crate::entity::Entity;
use crate::error::Result;
use crate::goal::{AggregateEvaluation, Judgement, LevelSet, Measurement, Outcome};
use crate::money::{Percent, Scale};
use crate::present::{Column, NumberFormat, ReportRounding, RoundedReport, Table, ValueKind};
use crate::sick_leave::{PublishedSickLeaveTable, SickLeaveDisclosure, SickLeaveFigure};
use crate::statement::{
    BalanceSheet, IncomeStatement, InvestmentStatement, OperatingStatement, StatementLayout,
    StatementRow,
};

use super::group;
use super::interim::{InterimReport, Note, ReportFinding, ReportFindingKind, Section};
use super::mode::DocumentMode;
use super::parts::{ForecastPart, GoalsPart, KeyFigures, ReportPart, SickLeavePart};
use super::render::{Block, DocSection, Document, Grid};

/// The default sentence for a part the source does not give.
pub(crate) fn absent_sentence(what: &str, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("{what} finns inte i källan ({r}). Inga siffror visas."),
        None => format!("{what} finns inte i källan. Inga siffror visas."),
    }
}

/// The text sections as blocks: a titled section gets a sub-heading.
pub(crate) fn text_blocks(sections: &[Section]) -> Vec<Block> {
    let mut out = Vec::new();
    for s in sections {
        if !s.title.trim().is_empty() {
            out.push(Block::Heading(s.title.clone()));
        }
        if !s.text.trim().is_empty() {
            out.push(Block::Paragraph(s.text.clone()));
        }
    }
    out
}

fn pct(p: Option<Percent>, decimals: u32) -> String {
    p.map_or_else(
        || "uppgift saknas".to_owned(),
        |p| NumberFormat::swedish().with_decimals(decimals).percent(p),
    )
}

/// Sick leave: the published tables as grids, the computed disclosure as a grid of the
/// seven ratios.
pub(crate) fn sick_leave_blocks(part: &SickLeavePart) -> Vec<Block> {
    let mut out = Vec::new();
    for t in &part.published {
        out.push(Block::Grid(published_grid(t)));
    }
    if let Some(d) = &part.disclosure {
        out.push(Block::Grid(disclosure_grid(d)));
    }
    out
}

fn published_grid(t: &PublishedSickLeaveTable) -> Grid {
    let mut header = vec!["Grupp".to_owned()];
    header.extend(t.columns.iter().cloned());
    let mut rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.label.clone()];
            cells.extend(
                (0..t.columns.len()).map(|i| pct(r.values.get(i).copied().flatten(), t.decimals)),
            );
            cells
        })
        .collect();
    let mut total = vec!["Totalt".to_owned()];
    total.extend((0..t.columns.len()).map(|i| pct(t.total.get(i).copied().flatten(), t.decimals)));
    rows.push(total);
    let mut numeric = vec![false];
    numeric.extend(t.columns.iter().map(|_| true));
    Grid {
        caption: t.title.clone(),
        header,
        rows,
        numeric,
    }
}

fn disclosure_grid(d: &SickLeaveDisclosure) -> Grid {
    let rows = d
        .figures()
        .into_iter()
        .map(|(m, f)| {
            let value = match f {
                SickLeaveFigure::Reported(p) => pct(Some(p), 1),
                SickLeaveFigure::Withheld(r) => r.label(),
            };
            vec![m.label().to_owned(), m.denominator().to_owned(), value]
        })
        .collect();
    Grid {
        caption: format!("Sjukfrånvaro {}", d.period),
        header: vec![
            "Nyckeltal".to_owned(),
            "Andel av".to_owned(),
            "Procent".to_owned(),
        ],
        rows,
        numeric: vec![false, false, true],
    }
}

fn measurement(m: &Measurement) -> String {
    let sv = NumberFormat::swedish();
    let num = |d: &Decimal| sv.with_decimals(d.scale()).decimal(*d);
    match m {
        Measurement::Value(v) => num(v),
        Measurement::Pair { measured, other } => format!("{} mot {}", num(measured), num(other)),
        Measurement::Count(n) => n.to_string(),
        Measurement::Fact(true) => "ja".to_owned(),
        Measurement::Fact(false) => "nej".to_owned(),
        Measurement::Peer { own, peers } => format!("{} mot {}", num(own), num(peers)),
        Measurement::Yearly(v) => v
            .iter()
            .map(|y| format!("{}: {}", y.year, num(&y.value)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn judgement(j: &Judgement, levels: &LevelSet) -> String {
    let Some(obs) = &j.observation else {
        return "–".to_owned();
    };
    let mut text = match &obs.outcome {
        Outcome::Measured(m) => measurement(m),
        Outcome::NotYetMeasurable { when } => format!("ej mätbart ännu ({when})"),
        Outcome::NotReported { note } => format!("siffra saknas ({note})"),
    };
    if let Some(level) = j.computed_level() {
        text.push_str(&format!(" → {}", levels.label(level)));
    }
    if let Some(st) = j.stated() {
        text.push_str(&format!(" · rapporten: \"{}\"", st.text));
    }
    text
}

fn aggregate(a: &AggregateEvaluation, levels: &LevelSet) -> [String; 2] {
    let computed = a
        .computed
        .level
        .as_deref()
        .map_or(levels.not_measurable().label.as_str(), |l| levels.label(l))
        .to_owned();
    let stated = a
        .stated
        .as_ref()
        .map_or("–".to_owned(), |s| levels.label(&s.level).to_owned());
    [computed, stated]
}

/// A level as published: its symbol (or a coloured circle for its colour) and label.
fn level_marked(levels: &LevelSet, id: &str) -> String {
    let Some(level) = levels.get(id) else {
        return id.to_owned();
    };
    let marker = level.symbol.clone().or_else(|| {
        level.colour.as_deref().and_then(|c| {
            let circle = match c.to_lowercase().as_str() {
                "grön" | "gron" | "green" => "🟢",
                "gul" | "yellow" => "🟡",
                "orange" => "🟠",
                "röd" | "rod" | "red" => "🔴",
                "blå" | "bla" | "blue" => "🔵",
                "grå" | "gra" | "grey" | "gray" => "⚪",
                _ => return None,
            };
            Some(circle.to_owned())
        })
    });
    match marker {
        Some(m) => format!("{m} {}", level.label),
        None => level.label.clone(),
    }
}

/// A target value's outcome or forecast as published: the measurement and the level,
/// computed from the criteria (or, when it cannot be, the level the report states).
/// A målområde's heading, its goals and a grid of its målvärden with the utfall per
/// `date` and the prognos, judged by `judge` (the review or the published wording).
fn area_blocks(
    out: &mut Vec<Block>,
    area: &crate::goal::AreaEvaluation,
    date: NaiveDate,
    levels: &LevelSet,
    judge: fn(&Judgement, &LevelSet) -> String,
) {
    out.push(Block::Heading(format!(
        "Målområde {}. {}",
        area.id, area.name
    )));
    let goal_list: Vec<String> = area.goals.iter().map(|g| g.statement.clone()).collect();
    if !goal_list.is_empty() {
        out.push(Block::List(goal_list));
    }
    let rows: Vec<Vec<String>> = area
        .all_target_values()
        .map(|t| {
            vec![
                format!("{} {}", t.id, t.description),
                judge(&t.outcome, levels),
                judge(&t.forecast, levels),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push(Block::Grid(Grid {
            caption: String::new(),
            header: vec![
                "Målvärde".to_owned(),
                format!("Utfall per {}", date),
                "Prognos".to_owned(),
            ],
            rows,
            numeric: vec![false, false, false],
        }));
    }
}

fn judgement_published(j: &Judgement, levels: &LevelSet) -> String {
    let Some(obs) = &j.observation else {
        return j
            .stated()
            .map_or_else(|| "–".to_owned(), |st| level_marked(levels, &st.level));
    };
    let measured = match &obs.outcome {
        Outcome::Measured(m) => Some(measurement(m)),
        Outcome::NotYetMeasurable { when } => Some(when.clone()),
        Outcome::NotReported { .. } => None,
    };
    let level = j
        .computed_level()
        .map(|l| level_marked(levels, l))
        .or_else(|| j.stated().map(|st| level_marked(levels, &st.level)));
    match (measured, level) {
        (Some(m), Some(l)) => format!("{m} — {l}"),
        (Some(m), None) => m,
        (None, Some(l)) => l,
        (None, None) => "–".to_owned(),
    }
}

/// An area's assessment as published: computed, or stated when it cannot be computed.
fn aggregate_published(a: &AggregateEvaluation, levels: &LevelSet) -> String {
    match (&a.computed.level, &a.stated) {
        (Some(l), _) => level_marked(levels, l),
        (None, Some(st)) => level_marked(levels, &st.level),
        (None, None) => level_marked(levels, &levels.not_measurable().id),
    }
}

/// Goals as a kommun publishes them: the criteria with their symbols, per målområde
/// the goals and the målvärden with outcome and forecast and their levels, then the
/// assessment per målområde.
fn goals_blocks_published(goals: &GoalsPart, date: NaiveDate) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    let levels = goals.scale.levels();
    let ev = goals.evaluate(date)?;
    out.push(Block::Grid(Grid {
        caption: format!("Bedömningskriterier: {}", goals.scale.name()),
        header: vec!["Nivå".to_owned(), "Måluppfyllelse".to_owned()],
        rows: goals
            .scale
            .bands()
            .iter()
            .map(|b| vec![level_marked(levels, &b.level), b.interval.describe()])
            .collect(),
        numeric: vec![false, false],
    }));
    for area in &ev.areas {
        area_blocks(&mut out, area, ev.date, levels, judgement_published);
    }
    let rows = ev
        .areas
        .iter()
        .map(|a| {
            vec![
                format!("{}. {}", a.id, a.name),
                aggregate_published(&a.outcome, levels),
                aggregate_published(&a.forecast, levels),
            ]
        })
        .collect();
    out.push(Block::Grid(Grid {
        caption: "Bedömning per målområde".to_owned(),
        header: vec![
            "Målområde".to_owned(),
            format!("Utfall per {}", ev.date),
            "Prognos".to_owned(),
        ],
        rows,
        numeric: vec![false; 3],
    }));
    Ok(out)
}

/// Goals: the criteria, their gaps, and per målområde the goals and a grid of
/// målvärden with outcome and forecast; then the assessments per målområde. In
/// [`DocumentMode::Review`] computed and stated levels side by side; published, the
/// levels with their symbols.
pub(crate) fn goals_blocks(
    goals: &GoalsPart,
    date: NaiveDate,
    mode: DocumentMode,
) -> Result<Vec<Block>> {
    if mode.is_publish() {
        return goals_blocks_published(goals, date);
    }
    let mut out = Vec::new();
    let levels = goals.scale.levels();
    let ev = goals.evaluate(date)?;
    out.push(Block::Grid(Grid {
        caption: format!("Bedömningskriterier: {}", goals.scale.name()),
        header: vec!["Nivå".to_owned(), "Måluppfyllelse".to_owned()],
        rows: goals
            .scale
            .bands()
            .iter()
            .map(|b| vec![levels.label(&b.level).to_owned(), b.interval.describe()])
            .collect(),
        numeric: vec![false, false],
    }));
    if !goals.scale.gaps().is_empty() {
        let gaps: Vec<String> = goals
            .scale
            .gaps()
            .iter()
            .map(|g| g.interval.describe())
            .collect();
        out.push(Block::Paragraph(format!(
            "Kriterierna ger ingen nivå åt måluppfyllelse {}. Regel för luckorna: {}.",
            gaps.join("; "),
            goals.scale.gap_policy().label()
        )));
    }
    for area in &ev.areas {
        area_blocks(&mut out, area, ev.date, levels, judgement);
        let mut stated = Vec::new();
        for (what, agg) in [
            (format!("Utfall per {}", ev.date), &area.outcome),
            ("Prognos".to_owned(), &area.forecast),
        ] {
            if let Some(st) = &agg.stated {
                stated.push(format!(
                    "{what} enligt rapporten: \"{}\" ({})",
                    st.text,
                    levels.label(&st.level)
                ));
            }
        }
        if !stated.is_empty() {
            out.push(Block::List(stated));
        }
    }
    let rows = ev
        .areas
        .iter()
        .map(|a| {
            let [oc, os] = aggregate(&a.outcome, levels);
            let [fc, fs] = aggregate(&a.forecast, levels);
            vec![format!("{}. {}", a.id, a.name), oc, os, fc, fs]
        })
        .collect();
    out.push(Block::Grid(Grid {
        caption: "Bedömning per målområde (beräknad mot angiven i rapporten)".to_owned(),
        header: vec![
            "Målområde".to_owned(),
            "Utfall, beräknad".to_owned(),
            "Utfall, angiven".to_owned(),
            "Prognos, beräknad".to_owned(),
            "Prognos, angiven".to_owned(),
        ],
        rows,
        numeric: vec![false; 5],
    }));
    Ok(out)
}

/// The forecast table, or why it is absent.
pub(crate) fn forecast_blocks(
    forecast: &ForecastPart,
    caption: &str,
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    Ok(match &forecast.by_unit {
        Some(t) => vec![Block::Table(t.to_table(caption, unit)?)],
        None => vec![Block::Absent(absent_sentence("Prognostabellen", absent))],
    })
}

/// The balanskravsutredning as a table: one column for `bk` and one for each earlier
/// year in `earlier` (newest first), its sums declared so that the table foots.
pub(crate) fn balanced_budget_table(
    bk: &BalancedBudgetStatement,
    earlier: &[BalancedBudgetStatement],
    unit: Scale,
) -> Result<Table> {
    let mut columns = vec![if earlier.is_empty() {
        Column::outcome(bk.basis().label())
    } else {
        Column::outcome(bk.year().to_string())
    }];
    columns.extend(
        earlier
            .iter()
            .map(|e| Column::prior_period(e.year().to_string())),
    );
    let rows: Vec<Vec<StatementRow>> = std::iter::once(bk)
        .chain(earlier)
        .map(BalancedBudgetStatement::rows)
        .collect();
    let mut sums: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for list in &rows {
        let mut parts: Vec<String> = Vec::new();
        for r in list {
            match r.id.as_str() {
                "resultat_efter_balanskravsjusteringar" | "balanskravsresultat" => {
                    let entry = sums.entry(r.id.clone()).or_default();
                    for p in parts.drain(..) {
                        if !entry.contains(&p) {
                            entry.push(p);
                        }
                    }
                    parts.push(r.id.clone());
                }
                "balanskravsresultat_efter_aterstallande" => {
                    let entry = sums.entry(r.id.clone()).or_default();
                    for p in ["balanskravsresultat", "underskott_tidigare_ar"] {
                        if !entry.iter().any(|e| e == p) {
                            entry.push(p.to_owned());
                        }
                    }
                }
                "underskott_tidigare_ar" | "att_aterstalla" => {}
                _ => parts.push(r.id.clone()),
            }
        }
    }
    let caption = if earlier.is_empty() {
        bk.heading()
    } else {
        format!("Balanskravsutredning {}", bk.basis().label())
    };
    Table::from_statement_rows(caption, unit, ValueKind::Flow, columns, &rows, &sums)
}

/// The balanskrav part: the table when the source gives it; otherwise a statement that
/// it is absent and the result it rests on.
pub(crate) fn balanced_budget_blocks(
    forecast: &ForecastPart,
    unit: Scale,
    absent: Option<&str>,
    mode: DocumentMode,
) -> Result<Vec<Block>> {
    let sv = NumberFormat::swedish();
    let Some(bk) = &forecast.balanced_budget else {
        return Ok(vec![Block::Absent(absent_sentence(
            "Balanskravsutredningen",
            absent,
        ))]);
    };
    if forecast.balanced_budget_table_in_source {
        return Ok(vec![Block::Table(balanced_budget_table(bk, &[], unit)?)]);
    }
    let verdict = if bk.is_met() {
        "uppfyllt"
    } else {
        "inte uppfyllt"
    };
    if mode.is_publish() {
        return Ok(vec![Block::Paragraph(format!(
            "Årets resultat enligt {} är {} {}. Utan balanskravsjusteringar blir \
             balanskravsresultatet {} {} och balanskravet är {verdict}.",
            bk.basis().label(),
            sv.amount(bk.result_for_the_year(), unit),
            unit.label(),
            sv.amount(bk.balanced_budget_result(), unit),
            unit.label()
        ))]);
    }
    Ok(vec![
        Block::Absent(absent_sentence("Balanskravsutredningens tabell", absent)),
        Block::Paragraph(format!(
            "Årets resultat enligt {}: {} {}. Källan nämner inga balanskravsjusteringar; \
             med dem noll blir balanskravsresultatet {} {} och balanskravet är {verdict}.",
            bk.basis().label(),
            sv.amount(bk.result_for_the_year(), unit),
            unit.label(),
            sv.amount(bk.balanced_budget_result(), unit),
            unit.label()
        )),
    ])
}

/// Key figures as a table (published: one soliditet row, [`KeyFigures::to_published_table`]).
pub(crate) fn key_figure_blocks(
    k: &KeyFigures,
    caption: &str,
    mode: DocumentMode,
) -> Result<Vec<Block>> {
    let table = if mode.is_publish() {
        k.to_published_table(caption)?
    } else {
        k.to_table(caption)?
    };
    let mut out = vec![Block::Table(table)];
    if let Some((date, amount, scale)) = k.total_borrowing {
        out.push(Block::Paragraph(format!(
            "Total låneskuld {date}: {} {}.",
            NumberFormat::swedish().amount(amount, scale),
            scale.label()
        )));
    }
    Ok(out)
}

/// Resultaträkning with its comparison column, or why it is absent.
pub(crate) fn income_blocks(
    entity: &Entity,
    layout: &StatementLayout,
    current: (&str, Option<&IncomeStatement>),
    previous: (&str, Option<&IncomeStatement>),
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    let Some(rs) = current.1 else {
        return Ok(vec![Block::Absent(absent_sentence(
            "Resultaträkningen",
            absent,
        ))]);
    };
    let mut columns = vec![(Column::outcome(current.0), rs)];
    if let Some(p) = previous.1 {
        columns.push((Column::prior_period(previous.0), p));
    }
    let caption = format!("Resultaträkning, {}", entity.name);
    let mut out = vec![Block::Table(Table::income_statement(
        caption, unit, layout, &columns,
    )?)];
    if previous.1.is_none() {
        out.push(Block::Absent(format!(
            "Jämförelsekolumnen {} finns inte i källan.",
            previous.0
        )));
    }
    Ok(out)
}

/// Balansräkning with its comparison column, or why it is absent.
pub(crate) fn balance_blocks(
    entity: &Entity,
    layout: &StatementLayout,
    current: (&str, Option<&BalanceSheet>),
    previous: (&str, Option<&BalanceSheet>),
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    let Some(br) = current.1 else {
        return Ok(vec![Block::Absent(absent_sentence(
            "Balansräkningen",
            absent,
        ))]);
    };
    let mut columns = vec![(Column::outcome(current.0), br)];
    if let Some(p) = previous.1 {
        columns.push((Column::prior_period(previous.0), p));
    }
    let caption = format!("Balansräkning, {}", entity.name);
    let mut out = vec![Block::Table(Table::balance_sheet(
        caption, unit, layout, &columns,
    )?)];
    if previous.1.is_none() {
        out.push(Block::Absent(format!(
            "Jämförelsekolumnen {} finns inte i källan.",
            previous.0
        )));
    }
    Ok(out)
}

/// Driftredovisning and its text.
pub(crate) fn operating_blocks(
    statement: Option<&OperatingStatement>,
    text: &[Section],
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    let mut out = match statement {
        Some(s) => vec![Block::Table(s.to_table("Driftredovisning", unit)?)],
        None => vec![Block::Absent(absent_sentence(
            "Driftredovisningens tabell",
            absent,
        ))],
    };
    out.extend(text_blocks(text));
    Ok(out)
}

/// Investeringsredovisning and its text.
pub(crate) fn investment_blocks(
    statement: Option<&InvestmentStatement>,
    text: &[Section],
    unit: Scale,
    absent: Option<&str>,
) -> Result<Vec<Block>> {
    let mut out = match statement {
        Some(s) => vec![Block::Table(s.to_table("Investeringsredovisning", unit)?)],
        None => vec![Block::Absent(absent_sentence(
            "Investeringsredovisningens tabell",
            absent,
        ))],
    };
    out.extend(text_blocks(text));
    Ok(out)
}

/// Notes, each under "Not N. Title".
pub(crate) fn note_blocks(notes: &[Note], unit: Scale) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    for n in notes {
        out.push(Block::Heading(format!("Not {}. {}", n.number, n.title)));
        if !n.text.trim().is_empty() {
            out.push(Block::Paragraph(n.text.clone()));
        }
        if let Some(t) = n.to_table(unit)? {
            out.push(Block::Table(t));
        }
        let lines = n.text_lines();
        if !lines.is_empty() {
            out.push(Block::List(lines));
        }
    }
    if out.is_empty() {
        out.push(Block::Absent("Rapporten har inga noter.".to_owned()));
    }
    Ok(out)
}

/// The checks as an unnumbered appendix, with the rows that absorbed a rounding
/// difference.
pub(crate) fn findings_section(
    completeness: &[ReportFinding],
    consistency: &[ReportFinding],
    rounding: &RoundedReport,
) -> DocSection {
    let line = |f: &ReportFinding| {
        format!(
            "[{}] {}: {} ({})",
            f.kind.label(),
            f.part,
            f.message,
            f.source
        )
    };
    let mut s = DocSection::new("", "Bilaga: Granskning", 1);
    s.blocks.push(Block::Paragraph(
        "Kontroller gjorda med kommunal-redovisning: vilka delar som lagen och RKR R17 kräver \
         som saknas, och om de siffror som förekommer mer än en gång stämmer."
            .to_owned(),
    ));
    s.blocks.push(Block::Heading("Fullständighet".to_owned()));
    let missing: Vec<String> = completeness.iter().map(line).collect();
    if missing.is_empty() {
        s.blocks
            .push(Block::Paragraph("Alla delar finns.".to_owned()));
    } else {
        s.blocks.push(Block::List(missing));
    }
    s.blocks.push(Block::Heading("Överensstämmelse".to_owned()));
    let mut ordered: Vec<&ReportFinding> = consistency
        .iter()
        .filter(|f| f.kind != ReportFindingKind::Info)
        .collect();
    ordered.extend(
        consistency
            .iter()
            .filter(|f| f.kind == ReportFindingKind::Info),
    );
    let lines: Vec<String> = ordered.into_iter().map(line).collect();
    if lines.is_empty() {
        s.blocks.push(Block::Paragraph(
            "Inga siffror förekommer mer än en gång.".to_owned(),
        ));
    } else {
        s.blocks.push(Block::List(lines));
    }
    s.blocks.push(Block::Heading("Avrundning".to_owned()));
    let sv = NumberFormat::swedish();
    let mut lines: Vec<String> = rounding
        .adjustments
        .iter()
        .map(|a| {
            let unit = rounding
                .tables
                .get(a.table)
                .map_or(Scale::Tkr, |t| t.table.unit);
            let decimals = rounding.tables.get(a.table).map_or(0, |t| t.table.decimals);
            format!(
                "{}, {} ({}): visas som {} {} (exakt {} kr) och tar upp avrundningen så att tabellen summerar",
                a.caption,
                a.label,
                a.column_label,
                sv.with_decimals(decimals).amount(a.printed, unit),
                unit.label(),
                sv.with_decimals(2).amount(a.exact, Scale::Kr)
            )
        })
        .collect();
    for t in &rounding.tables {
        for d in &t.differences {
            lines.push(format!(
                "{}, {} ({}): summerar inte efter avrundning — tryckt {} {}, delarna {} {}",
                t.table.caption,
                d.label,
                d.column_label,
                sv.with_decimals(t.table.decimals)
                    .amount(d.printed, t.table.unit),
                t.table.unit.label(),
                sv.with_decimals(t.table.decimals)
                    .amount(d.sum_of_parts, t.table.unit),
                t.table.unit.label()
            ));
        }
    }
    if lines.is_empty() {
        s.blocks.push(Block::Paragraph(format!(
            "Tabellerna är avrundade tillsammans: {} siffror som förekommer i flera tabeller \
             visas lika överallt, och varje tabell summerar utan att någon rad flyttas mer \
             än avrundningen.",
            rounding.shared.len()
        )));
    } else {
        s.blocks.push(Block::List(lines));
    }
    s
}

/// The rounding every report document gets: rows with the same id linked, and the key
/// figures' eget kapital and tillgångar totalt linked to the balansräkning's sums.
pub(crate) fn report_rounding() -> ReportRounding {
    ReportRounding::default()
        .with_alias("tillgangar_totalt", "summa_tillgangar")
        .with_alias("eget_kapital", "summa_eget_kapital")
}

/// Finishes a report's document: publication clean-up in [`DocumentMode::Publish`],
/// the tables rounded together, and in [`DocumentMode::Review`] the appendix with the
/// checks (built by `findings`) and the rounding.
pub(crate) fn finish(
    mut doc: Document,
    mode: DocumentMode,
    findings: impl FnOnce() -> Result<(Vec<ReportFinding>, Vec<ReportFinding>)>,
) -> Result<Document> {
    if mode.is_publish() {
        doc.prepare_for_publication();
        doc.round_tables(&report_rounding())?;
    } else {
        let rounding = doc.round_tables(&report_rounding())?;
        let (completeness, consistency) = findings()?;
        doc.sections
            .push(findings_section(&completeness, &consistency, &rounding));
    }
    Ok(doc)
}

fn section(number: &str, title: &str, level: u8, blocks: Vec<Block>) -> DocSection {
    let mut s = DocSection::new(number, title, level);
    s.blocks = blocks;
    s
}

impl InterimReport {
    /// The report as a [`Document`] for review ([`DocumentMode::Review`]), headings
    /// numbered as in Lystkom's delårsrapport:
    /// 1 Förenklad förvaltningsberättelse (1.1 Händelser av väsentlig betydelse — with
    /// the sick-leave tables —, 1.2 Förväntad utveckling … utifrån fastställda mål, 1.3
    /// Prognos …, 1.4 Balanskravsresultat, 1.5 Utvärdering av ekonomisk ställning), 2
    /// Finansiella rapporter (2.1 Resultaträkning, 2.2 Balansräkning, 2.3
    /// Driftredovisning, 2.4 Investeringsredovisning, 2.5 Noter), and an appendix with
    /// the checks. A part the source does not give is a sentence saying so.
    ///
    /// # Errors
    ///
    /// Errors of the tables (e.g. [`crate::Error::Overflow`]) and of the goal
    /// evaluation.
    pub fn document(&self) -> Result<Document> {
        self.document_in(DocumentMode::Review)
    }

    /// The report as a [`Document`] in `mode`: to publish (no review appendix, no
    /// sentences about absent parts, zero lines hidden, empty sections dropped and the
    /// rest renumbered, goal levels with their symbols) or to review
    /// ([`InterimReport::document`]). The tables are rounded together in both
    /// ([`Document::round_tables`]).
    ///
    /// # Errors
    ///
    /// As [`InterimReport::document`], and those of [`Document::round_tables`].
    pub fn document_in(&self, mode: DocumentMode) -> Result<Document> {
        let unit = self.unit;
        let mr = &self.management_report;
        let end = self.period.end();
        let comparison = self.period.income_comparison()?;
        let bdate = self.period.balance_comparison_date()?;

        let mut s11 = sick_leave_blocks(&self.sick_leave);
        s11.extend(text_blocks(&mr.significant_events));
        s11.extend(text_blocks(&mr.personnel));

        // The first text section introduces the goals (Lystkom: the criteria); the goal
        // areas follow it, then the rest of the text (the outlook).
        let (intro, rest) = mr
            .expected_development
            .split_at(mr.expected_development.len().min(1));
        let mut s12 = text_blocks(intro);
        match &self.goals {
            Some(g) => s12.extend(goals_blocks(g, end, mode)?),
            None => s12.push(Block::Absent(
                "Rapporten utvärderar inte målen för god ekonomisk hushållning.".to_owned(),
            )),
        }
        s12.extend(text_blocks(rest));

        let mut s13 = forecast_blocks(
            &self.forecast,
            "Prognos för resultat i förhållande till budget",
            unit,
            self.absent_reason(ReportPart::ForecastTable),
        )?;
        s13.extend(text_blocks(&mr.forecast));

        let mut s14 = balanced_budget_blocks(
            &self.forecast,
            unit,
            self.absent_reason(ReportPart::BalancedBudgetTable),
            mode,
        )?;
        s14.extend(text_blocks(&mr.balanced_budget));

        let mut s15 = text_blocks(&mr.financial_position);
        if let Some(k) = &self.key_figures {
            s15.extend(key_figure_blocks(k, "Ekonomisk ställning", mode)?);
        }

        let layout = StatementLayout::new(self.entity.kind, self.period.financial_year());
        let (cur, prev) = (self.period.to_string(), comparison.to_string());
        let (bcur, bprev) = (end.to_string(), bdate.to_string());
        let (s21, s22) = match &self.group {
            Some(g) => (
                group::income_blocks(
                    &self.entity,
                    &layout,
                    (
                        self.income_statement.as_ref(),
                        self.income_statement_comparison.as_ref(),
                    ),
                    g,
                    &group::Periods {
                        current: &cur,
                        previous: &prev,
                    },
                    unit,
                    self.absent_reason(ReportPart::IncomeStatement),
                )?,
                group::balance_blocks(
                    &self.entity,
                    &layout,
                    (
                        self.balance_sheet.as_ref(),
                        self.balance_sheet_comparison.as_ref(),
                    ),
                    g,
                    &group::Periods {
                        current: &bcur,
                        previous: &bprev,
                    },
                    unit,
                    self.absent_reason(ReportPart::BalanceSheet),
                )?,
            ),
            None => (
                income_blocks(
                    &self.entity,
                    &layout,
                    (&cur, self.income_statement.as_ref()),
                    (&prev, self.income_statement_comparison.as_ref()),
                    unit,
                    self.absent_reason(ReportPart::IncomeStatement),
                )?,
                balance_blocks(
                    &self.entity,
                    &layout,
                    (&bcur, self.balance_sheet.as_ref()),
                    (&bprev, self.balance_sheet_comparison.as_ref()),
                    unit,
                    self.absent_reason(ReportPart::BalanceSheet),
                )?,
            ),
        };
        let s23 = operating_blocks(
            self.operating_statement.as_ref(),
            &self.operating_text,
            unit,
            self.absent_reason(ReportPart::OperatingStatement),
        )?;
        let s24 = investment_blocks(
            self.investment_statement.as_ref(),
            &self.investment_text,
            unit,
            self.absent_reason(ReportPart::InvestmentStatement),
        )?;

        let s26 = match &self.group {
            Some(g) => Some(group::section_blocks(
                g,
                &layout,
                &group::Periods {
                    current: &cur,
                    previous: &prev,
                },
                unit,
                true,
            )?),
            None => None,
        };
        let mut sections = vec![
            section("1", "Förenklad förvaltningsberättelse", 1, Vec::new()),
            section("1.1", "Händelser av väsentlig betydelse", 2, s11),
            section(
                "1.2",
                "Förväntad utveckling avseende ekonomi och verksamhet utifrån fastställda mål",
                2,
                s12,
            ),
            section(
                "1.3",
                "Prognos för resultat i förhållande till budget för den löpande verksamheten",
                2,
                s13,
            ),
            section("1.4", "Balanskravsresultat", 2, s14),
            section("1.5", "Utvärdering av ekonomisk ställning", 2, s15),
            section("2", "Finansiella rapporter", 1, Vec::new()),
            section("2.1", "Resultaträkning", 2, s21),
            section("2.2", "Balansräkning", 2, s22),
            section("2.3", "Driftredovisning", 2, s23),
            section("2.4", "Investeringsredovisning", 2, s24),
            section("2.5", "Noter", 2, note_blocks(&self.notes, unit)?),
        ];
        if let Some(blocks) = s26 {
            sections.push(section("2.6", "Sammanställda räkenskaper", 2, blocks));
        }
        let doc = Document {
            title: format!("{} — Delårsrapport {}", self.entity.name, self.period),
            subtitle: format!(
                "Delårsperiod {}. Resultaträkningen jämförs med {}, balansräkningen med {}. \
                 Belopp i {} om inte annat anges.",
                self.period,
                comparison,
                bdate,
                unit.label()
            ),
            sections,
        };
        finish(doc, mode, || {
            Ok((self.check_completeness()?, self.check_consistency()?))
        })
    }

    /// The whole report as Markdown ([`Document::to_markdown`]), for review.
    ///
    /// # Errors
    ///
    /// As [`InterimReport::document`].
    pub fn to_markdown(&self) -> Result<String> {
        Ok(self.document()?.to_markdown(&NumberFormat::swedish()))
    }

    /// The whole report as a standalone HTML document ([`Document::to_html`]), for
    /// review.
    ///
    /// # Errors
    ///
    /// As [`InterimReport::document`].
    pub fn to_html(&self) -> Result<String> {
        Ok(self.document()?.to_html(&NumberFormat::swedish()))
    }
}
