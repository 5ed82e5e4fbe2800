//! Granskning av tryckta rapporter: checking every table a published report prints.
//!
//! A published report (årsredovisning, delårsrapport) prints its tables rounded to
//! kr, tkr, mnkr or mdkr, with their sums beside the lines. [`check_report`] takes the
//! whole report *as printed* ([`PrintedReport`]: one entity, a list of
//! [`PrintedTable`]s, each naming its [`TableKind`]) and returns a [`Discrepancy`]
//! for every figure that does not follow from the others; [`check_report_in_full`]
//! also says how much of the implied arithmetic it could evaluate ([`Coverage`]) and
//! which conventions it read (deductions printed without a minus sign, a deviation
//! column read as budget − utfall).
//!
//! # What is checked
//!
//! - **Resultaträkning, balansräkning** (LKBR 5–6 kap.): rows are placed on the
//!   statutory posts by label, tolerant of the wording real reports use (older
//!   layouts, koncern wording, abbreviations, upper case); every subtotal and total,
//!   the balance, the movement and split of eget kapital, särskild löneskatt and the
//!   balance-sheet ratios. A resultaträkning line that matches no post is a line of
//!   the next sum (placed by position); one that is itself the sum of the lines above
//!   it ("Skattenetto", "Finansnetto") is checked as a subtotal.
//! - **Every other table** (kassaflödesanalys, driftredovisning at any depth,
//!   investeringsredovisning, balanskravsutredning, noter, generic tables): sums are
//!   read from the layout — a subtotal over the lines above it, cumulatively or per
//!   section; a total over the section sums; a row over its indented children (`depth`);
//!   a declared `sum_of` — under the reading that makes most columns add up.
//!   Deductions are taken either way ("avgår 340" or "−340"; the table's convention is
//!   detected and said).
//! - **Computed columns** of every table: avvikelse (utfall or prognos against budget,
//!   either order), netto (intäkter and kostnader, costs with or without their minus
//!   sign), förändring in the unit and in percent (over the prior value with or without
//!   its sign; from a printed change where the prior year is not printed).
//! - **Nyckeltal and femårsöversikt**: soliditet (with and without
//!   pensionsförpliktelser), skuldsättningsgrad, kassalikviditet, balanslikviditet,
//!   årets resultat and verksamhetens nettokostnader in percent of skatteintäkter och
//!   generella statsbidrag are recomputed from the same report's statements; amounts
//!   are tied to the statements; development rates from consecutive years.
//! - **Sjukfrånvaro** (LKBR 11 kap. 8 §): the total lies between kvinnor and män and
//!   between the age bands (when the whole partition is printed); changes in
//!   procentenheter.
//! - **Medlemsavgifter** of a kommunalförbund: shares sum to 100 %, each fee is its
//!   share of the total (when the share column is the fee key at all), the total is the
//!   sum.
//! - **Ties between tables**: årets resultat in the resultaträkning, balansräkning,
//!   balanskravsutredning and kassaflödesanalys; likvida medel against kassa och bank
//!   (with or without kortfristiga placeringar); the driftredovisning's verksamhetens
//!   nettokostnader against the resultaträkning (either sign); each note's total
//!   against the statement line that refers to it by number. Columns are matched by
//!   year and part (kommun, koncern).
//!
//! # Classes
//!
//! - [`DiscrepancyClass::Rounding`]: the difference can come from rounding — at most
//!   half a unit of the last printed decimal per rounded figure taking part, or, for a
//!   ratio, a printed value within what the rounded inputs allow;
//! - [`DiscrepancyClass::Error`]: no reading of the table makes it add up;
//! - [`DiscrepancyClass::ExplainedByUnplaced`]: a sum differs from its placed parts by
//!   exactly what rows that could not be placed would explain; the rows are named;
//! - [`DiscrepancyClass::Unplaced`]: a row that could not be placed and explains
//!   nothing (or a post printed twice).
//!
//! "varav …"/"därav …" rows are never summed into their parent. A sum that is not
//! printed is replaced by its parts where a larger sum needs it. Findings are data,
//! never `Err`: the input is someone else's publication. Only unreadable input is an
//! error — refused by serde with a message naming the row and value: a second sign
//! (`"--5"`, `"– -5"`, `"(-5)"`), a percentage in a row of amounts, a number too large
//! for an exact decimal, a JSON number with decimals, a duplicate key, an unknown
//! field or unit.
//!
//! # The JSON form
//!
//! ```json
//! {
//!   "entity": "Grästorps kommun",
//!   "source": "https://…",
//!   "tables": [{
//!     "kind": "resultaträkning",
//!     "unit": "tkr",
//!     "columns": [{ "label": "2019" }, { "label": "Budget 2019", "kind": "budget" },
//!                 { "label": "Koncernen 2019", "part": "koncern" }],
//!     "rows": [
//!       { "label": "Verksamhetens intäkter", "note": "1", "values": ["101 282", "102 946", "…"] },
//!       { "label": "VERKSAMHETENS NETTOKOSTNADER", "kind": "subtotal", "values": ["– 331 295", "…", "…"] }
//!     ]
//!   }]
//! }
//! ```
//!
//! - `kind` of a table: `income_statement` (resultaträkning), `balance_sheet`,
//!   `cash_flow` (kassaflödesanalys), `operating` (driftredovisning), `investment`,
//!   `balanced_budget` (balanskravsutredning), `note` (with `"note": "12"`, its number),
//!   `key_ratios` (nyckeltal, femårsöversikt), `sick_leave`, `member_fees`, `generic`;
//!   the Swedish words are accepted. The older `"statement"` key and a report's
//!   `"statements"` are read too.
//! - `unit`: `kr`, `tkr`, `mkr`/`Mkr`/`mnkr`, `mdkr`; `decimals` (optional) the
//!   decimals printed, otherwise the most found among the amounts; `part` (kommun,
//!   koncern) for the whole table; `title`, `entity`, `source` as printed.
//! - `columns`: `label`, `kind` (`outcome`, `budget`, `forecast`, `deviation`,
//!   `prior_period`, `revenue`, `cost`, `net`, `change`, `change_percent`, `share`,
//!   `other`; default `outcome`), optional `part`, `group` (columns of one year) and
//!   `of` (the labels a computed column is computed from). A column's year is read from
//!   its label.
//! - `rows`: `label`, `values` (one per column), `kind` (`heading`, `line`,
//!   `subtotal`, `total`, `of_which`; default `line`), optional `note`, `depth`,
//!   `sum_of` (labels), `deduction`, and `"percent": true` for a row of percentages.
//! - A value is a string as printed — `"– 423 231"`, `"−1 036,6"`, `"(512)"`,
//!   `"44,3 %"` (in a percent row or column), or canonical `"-423231"` — or a JSON
//!   integer; an empty string, a lone dash or `null` is an empty cell.

mod balanced_budget;
mod cash_flow;
mod columns;
mod core;
mod discrepancy;
mod generic;
mod investment;
mod key_ratios;
mod labels;
mod member_fees;
mod note;
mod operating;
mod printed;
mod render;
mod sick_leave;
mod statement;
mod structure;
mod ties;

use rust_decimal::Decimal;

pub use discrepancy::{CheckKind, Coverage, Discrepancy, DiscrepancyClass, Summary};
pub use labels::normalize;
pub use printed::{
    PrintedColumn, PrintedColumnKind, PrintedReport, PrintedRow, PrintedStatement, PrintedTable,
    StatementKind, TableKind, parse_printed,
};

use self::core::Ctx;
use ties::{Fact, facts_of, labelled, tie_all};

/// The outcome of checking a whole report (granskning): the discrepancies, how much
/// of the implied arithmetic was evaluated, and the conventions detected per table.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_report_in_full, PrintedColumn, PrintedColumnKind as K, PrintedReport, PrintedRow, PrintedTable, TableKind};
///
/// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3 (tkr), with one misprint (made up):
/// // Kundtjänst's avvikelse 237 for 273.
/// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec![
///     PrintedColumn::new("Budget 2025", K::Budget), PrintedColumn::new("Prognos 2025", K::Forecast),
///     PrintedColumn::new("Avvikelse mot budget 2025", K::Deviation),
/// ]);
/// let row = |label: &str, v: [i64; 3]| PrintedRow::new(label, v.iter().map(|&n| Some(Decimal::from(n))).collect());
/// t.rows = vec![row("IT", [760, 958, 198]), row("Kundtjänst", [82, 355, 237]), row("Revision", [-195, -195, 0])];
/// let report = PrintedReport { entity: Some("Kommunalförbundet Lystkom".into()), source: None, tables: vec![t] };
/// let checked = check_report_in_full(&report);
/// assert_eq!(checked.summary().errors, 1);
/// assert_eq!(checked.exit_code(), 1);
/// assert_eq!(checked.coverage.not_evaluated, 0); // every avvikelse could be recomputed
/// assert!(checked.to_text(&report).contains("Kundtjänst"));
/// ```
#[doc(alias = "granskning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Checked {
    /// Every discrepancy, table by table, then the ties between tables.
    pub discrepancies: Vec<Discrepancy>,
    /// How much of the arithmetic was evaluated.
    pub coverage: Coverage,
    /// Conventions detected: (table index, description in Swedish), e.g. deductions
    /// printed without their minus sign.
    pub conventions: Vec<(usize, String)>,
}

/// Checks one printed table on its own: every sum and computed column it prints,
/// under the reading of its layout that makes it add up; for a resultaträkning and a
/// balansräkning also the statutory structure by label, the balance, eget kapital,
/// särskild löneskatt and the balance-sheet ratios.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::check::{check_statement, CheckKind, DiscrepancyClass, PrintedRow, PrintedTable, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
/// use kommunal_redovisning::Scale;
/// use kommunal_redovisning::Decimal;
///
/// let row = |label: &str, kind, v: i64| PrintedRow::new(label, vec![Some(Decimal::from(v))]).with_kind(kind);
/// let mut rs = PrintedTable::new(TableKind::IncomeStatement, Scale::Tkr, vec!["2019".into()]);
/// rs.rows = vec![
///     row("Verksamhetens intäkter", StatementRowKind::Line, 101_282),
///     row("Verksamhetens kostnader", StatementRowKind::Line, -417_698),
///     row("Av- och nedskrivningar", StatementRowKind::Line, -14_879),
///     row("VERKSAMHETENS NETTOKOSTNADER", StatementRowKind::Subtotal, -331_296),
/// ];
/// let findings = check_statement(&rs);
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].check, CheckKind::Sum);
/// assert_eq!(findings[0].class, DiscrepancyClass::Rounding); // 1 tkr off, 4 rounded figures
/// assert_eq!(findings[0].difference, Some(Decimal::from(-1)));
/// ```
#[must_use]
#[doc(alias = "granska")]
pub fn check_statement(table: &PrintedTable) -> Vec<Discrepancy> {
    let mut checked = Checked::default();
    check_one(table, None, &[], &mut checked);
    checked.discrepancies
}

/// [`check_statement`] under its newer name.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, CheckKind, PrintedRow, PrintedTable, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Kommunalförbundet Lystkom, delårsrapport 2025, 1.3: Prognos 2025 per verksamhet (tkr).
/// let mut t = PrintedTable::new(TableKind::Operating, Scale::Tkr, vec!["Prognos 2025".into()]);
/// t.rows = [("IT", 958), ("Kundtjänst", 355), ("Revision", -195), ("Lystkom", 256)]
///     .into_iter()
///     .map(|(label, v)| PrintedRow::new(label, vec![Some(Decimal::from(v))]))
///     .collect();
/// t.rows.push(PrintedRow::new("Totalt", vec![Some(Decimal::from(1_374))]).with_kind(StatementRowKind::Total));
/// assert!(check_table(&t).is_empty()); // 958 + 355 − 195 + 256 = 1 374
/// t.rows[4].values[0] = Some(Decimal::from(1_347)); // a misprint (made up)
/// let findings = check_table(&t);
/// assert_eq!((findings[0].check, findings[0].unit), (CheckKind::Sum, Scale::Tkr));
/// ```
#[must_use]
#[doc(alias = "granska tabell")]
pub fn check_table(table: &PrintedTable) -> Vec<Discrepancy> {
    check_statement(table)
}

/// Checks every table of a report ([`check_table`]) and the ties between them:
/// årets resultat in the resultaträkning against the balansräkning, the
/// balanskravsutredning and the kassaflödesanalys; likvida medel against kassa och
/// bank; the driftredovisning's verksamhetens nettokostnader against the
/// resultaträkning; each note's total against the statement line that refers to it;
/// the nyckeltal against the statements. Columns are matched by year and part
/// (kommun, koncern); budget columns are left out. One exact figure printed twice at
/// the same precision must print the same.
#[must_use]
#[doc(alias = "granska rapport")]
pub fn check_report(report: &PrintedReport) -> Vec<Discrepancy> {
    check_report_in_full(report).discrepancies
}

/// [`check_report`] with the coverage and the conventions detected.
#[must_use]
#[doc(alias = "granskning")]
pub fn check_report_in_full(report: &PrintedReport) -> Checked {
    let mut checked = Checked::default();
    let mut facts: Vec<Fact> = Vec::new();
    for (i, t) in report.tables.iter().enumerate() {
        if t.kind != TableKind::KeyRatios {
            facts.extend(check_one(t, Some(i), &[], &mut checked));
        }
    }
    for (i, t) in report.tables.iter().enumerate() {
        if t.kind == TableKind::KeyRatios {
            check_one(t, Some(i), &facts, &mut checked);
        }
    }
    report_ties(&report.tables, &facts, &mut checked);
    checked
}

fn add(coverage: &mut Coverage, other: Coverage) {
    coverage.evaluated = coverage.evaluated.saturating_add(other.evaluated);
    coverage.not_evaluated = coverage.not_evaluated.saturating_add(other.not_evaluated);
}

/// Rows with another number of values than the table has columns.
fn value_counts(ctx: &mut Ctx<'_>) {
    let n = ctx.columns();
    for r in &ctx.table.rows {
        if r.values.len() != n {
            let mut f = ctx.base(CheckKind::ValueCount, DiscrepancyClass::Error, &r.label);
            f.message = format!(
                "raden har {} värden men tabellen har {n} kolumner; värdena kan inte knytas till kolumnerna",
                r.values.len()
            );
            ctx.out.push(f);
        }
    }
}

/// Checks one table and returns the figures it offers to the ties.
fn check_one(
    table: &PrintedTable,
    index: Option<usize>,
    facts: &[Fact],
    checked: &mut Checked,
) -> Vec<Fact> {
    let at = index.unwrap_or(usize::MAX);
    let mut out_facts = Vec::new();
    let mut ctx = Ctx::new(table, index);
    match table.kind {
        TableKind::IncomeStatement | TableKind::BalanceSheet => {
            let placed = statement::check_placed(table, index);
            checked
                .discrepancies
                .extend(placed.findings.iter().cloned());
            add(&mut checked.coverage, placed.coverage);
            let mut rows: Vec<(String, String, Vec<Option<Decimal>>)> = placed
                .posts()
                .into_iter()
                .map(|(id, l, v)| (id.to_owned(), l, v))
                .collect();
            if table.kind == TableKind::BalanceSheet {
                rows.extend(liquid_funds(&rows));
            } else {
                rows.extend(taxes_and_grants(&rows));
            }
            rows.extend(note_lines(table));
            out_facts = facts_of(table, at, &rows);
            columns::check(&mut ctx);
        }
        TableKind::CashFlow => {
            value_counts(&mut ctx);
            cash_flow::check(&mut ctx);
            let mut rows = labelled(table, cash_flow::FACTS);
            rows.extend(note_lines(table));
            out_facts = facts_of(table, at, &rows);
        }
        TableKind::Operating => {
            value_counts(&mut ctx);
            operating::check(&mut ctx);
            out_facts = facts_of(table, at, &labelled(table, operating::FACTS));
        }
        TableKind::Investment => {
            value_counts(&mut ctx);
            investment::check(&mut ctx);
        }
        TableKind::BalancedBudget => {
            value_counts(&mut ctx);
            balanced_budget::check(&mut ctx);
            out_facts = facts_of(table, at, &labelled(table, balanced_budget::FACTS));
        }
        TableKind::Note => {
            value_counts(&mut ctx);
            note::check(&mut ctx);
            if let (Some(n), Some(row)) = (table.note.as_deref(), note::total_row(&ctx)) {
                if let Some(r) = table.rows.get(row) {
                    out_facts = facts_of(
                        table,
                        at,
                        &[(
                            format!("not {}", n.trim()),
                            r.label.clone(),
                            r.values.clone(),
                        )],
                    );
                }
            }
        }
        TableKind::KeyRatios => {
            value_counts(&mut ctx);
            key_ratios::check(&mut ctx, facts);
        }
        TableKind::SickLeave => {
            value_counts(&mut ctx);
            sick_leave::check(&mut ctx);
        }
        TableKind::MemberFees => {
            value_counts(&mut ctx);
            member_fees::check(&mut ctx);
        }
        TableKind::Generic => {
            value_counts(&mut ctx);
            generic::check(&mut ctx);
        }
    }
    checked.discrepancies.append(&mut ctx.out);
    add(&mut checked.coverage, ctx.coverage);
    checked
        .conventions
        .extend(ctx.notes.into_iter().map(|n| (at, n)));
    out_facts
}

/// Kassa och bank plus kortfristiga placeringar: likvida medel as some kassaflödesanalyser
/// define them.
fn liquid_funds(
    rows: &[(String, String, Vec<Option<Decimal>>)],
) -> Vec<(String, String, Vec<Option<Decimal>>)> {
    let get = |id: &str| rows.iter().find(|(i, _, _)| i == id);
    let (Some(cash), Some(short)) = (get("kassa_och_bank"), get("kortfristiga_placeringar")) else {
        return Vec::new();
    };
    let values = cash
        .2
        .iter()
        .zip(&short.2)
        .map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => a.checked_add(*b),
            (Some(a), None) => Some(*a),
            _ => None,
        })
        .collect();
    vec![(
        "likvida_medel".to_owned(),
        format!("{} + {}", cash.1, short.1),
        values,
    )]
}

/// Skatteintäkter plus generella statsbidrag och utjämning, as key-ratio tables print
/// them together.
fn taxes_and_grants(
    rows: &[(String, String, Vec<Option<Decimal>>)],
) -> Vec<(String, String, Vec<Option<Decimal>>)> {
    let get = |id: &str| rows.iter().find(|(i, _, _)| i == id);
    let (Some(tax), Some(grants)) = (
        get("skatteintakter"),
        get("generella_statsbidrag_och_utjamning"),
    ) else {
        return Vec::new();
    };
    let values = tax
        .2
        .iter()
        .zip(&grants.2)
        .map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => a.checked_add(*b),
            _ => None,
        })
        .collect();
    vec![(
        "skatter_och_bidrag".to_owned(),
        format!("{} + {}", tax.1, grants.1),
        values,
    )]
}

/// Statement lines that refer to exactly one note, as facts "not N".
fn note_lines(table: &PrintedTable) -> Vec<(String, String, Vec<Option<Decimal>>)> {
    table
        .rows
        .iter()
        .filter(|r| !r.percent)
        .filter_map(|r| {
            let n = r.note.as_deref()?.trim();
            let n = n.trim_start_matches("Not").trim_start_matches("not").trim();
            if n.is_empty() || n.contains([',', ' ', '-', '–', '&']) {
                return None;
            }
            Some((format!("not {n}"), r.label.clone(), r.values.clone()))
        })
        .collect()
}

fn report_ties(tables: &[PrintedTable], facts: &[Fact], checked: &mut Checked) {
    use TableKind as T;
    let out = &mut checked.discrepancies;
    let cov = &mut checked.coverage;
    let has = |k: T| facts.iter().any(|f| f.kind == k);
    let result = "årets resultat";
    tie_all(
        facts,
        tables,
        CheckKind::ResultAgreement,
        (T::IncomeStatement, "arets_resultat"),
        (T::BalanceSheet, "arets_resultat"),
        false,
        result,
        cov,
        out,
    );
    let source = if has(T::IncomeStatement) {
        T::IncomeStatement
    } else {
        T::BalanceSheet
    };
    for other in [T::BalancedBudget, T::CashFlow] {
        tie_all(
            facts,
            tables,
            CheckKind::ResultAgreement,
            (source, "arets_resultat"),
            (other, "arets_resultat"),
            false,
            result,
            cov,
            out,
        );
    }
    tie_all(
        facts,
        tables,
        CheckKind::OperatingTie,
        (T::Operating, "verksamhetens_nettokostnader"),
        (T::IncomeStatement, "verksamhetens_nettokostnader"),
        true,
        "verksamhetens nettokostnader",
        cov,
        out,
    );
    // Likvida medel: kassa och bank, or kassa och bank plus kortfristiga placeringar.
    for a in facts.iter().filter(|f| {
        f.kind == T::CashFlow && (f.id == "likvida_medel_slut" || f.id == "likvida_medel_borjan")
    }) {
        let year = if a.id == "likvida_medel_slut" {
            a.year
        } else {
            a.year.saturating_sub(1)
        };
        let candidates: Vec<&Fact> = facts
            .iter()
            .filter(|f| {
                f.kind == T::BalanceSheet
                    && f.part == a.part
                    && f.year == year
                    && (f.id == "kassa_och_bank" || f.id == "likvida_medel")
            })
            .collect();
        if candidates.is_empty() {
            if has(T::BalanceSheet) {
                cov.not_evaluated = cov.not_evaluated.saturating_add(1);
            }
            continue;
        }
        let unit = tables.get(a.table).map_or(crate::Scale::Tkr, |t| t.unit);
        let mut tries = Vec::new();
        let mut scratch = Coverage::default();
        for b in &candidates {
            let mut one = Vec::new();
            let mut shifted = (*b).clone();
            shifted.year = a.year;
            ties::tie(
                CheckKind::CashTie,
                a,
                &shifted,
                unit,
                false,
                "likvida medel",
                &mut scratch,
                &mut one,
            );
            tries.push(one);
        }
        cov.evaluated = cov.evaluated.saturating_add(1);
        if tries
            .iter()
            .any(|t| t.iter().all(|d| d.class == DiscrepancyClass::Rounding))
        {
            if let Some(best) = tries
                .into_iter()
                .find(|t| t.iter().all(|d| d.class == DiscrepancyClass::Rounding))
            {
                out.extend(best);
            }
        } else if let Some(first) = tries.into_iter().next() {
            out.extend(first);
        }
    }
    // Notes against the statement lines that refer to them.
    for a in facts.iter().filter(|f| f.kind == T::Note) {
        let mut found = false;
        for b in facts
            .iter()
            .filter(|f| f.kind != T::Note && f.id == a.id && f.part == a.part && f.year == a.year)
        {
            found = true;
            let unit = tables.get(b.table).map_or(crate::Scale::Tkr, |t| t.unit);
            ties::tie(
                CheckKind::NoteTie,
                b,
                a,
                unit,
                true,
                &format!("{} ({})", b.label, a.id),
                cov,
                out,
            );
        }
        if !found {
            cov.not_evaluated = cov.not_evaluated.saturating_add(1);
        }
    }
}
