//! Resultaträkning and balansräkning as printed: placed by label, every sum, the
//! balance, eget kapital, särskild löneskatt and the balance-sheet ratios.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::core::{outcome_year, part_of};
use super::labels::{HEADINGS, lookup, name_of, normalize};
use super::{CheckKind, Coverage, Discrepancy, DiscrepancyClass, PrintedTable, TableKind};
use crate::present::NumberFormat;
use crate::statement::{SPECIAL_PAYROLL_TAX_RATE, StatementRowKind};

/// A key ratio printed as a percent row: its labels (normalized), the terms of its
/// numerator and denominator (`true` subtracts) and the check it is.
struct RatioSpec {
    labels: &'static [&'static str],
    check: CheckKind,
    numerator: &'static [(&'static str, bool)],
    denominator: &'static [&'static str],
    /// How the formula reads in a finding.
    formula: &'static str,
}

/// The ratios recomputed when printed (percent rows, `"percent": true`).
const RATIOS: &[RatioSpec] = &[
    RatioSpec {
        labels: &["soliditet", "soliditet %"],
        check: CheckKind::EquityRatio,
        numerator: &[("summa_eget_kapital", false)],
        denominator: &["summa_tillgangar"],
        formula: "eget kapital / summa tillgångar",
    },
    RatioSpec {
        labels: &[
            "soliditet inklusive pensionsförpliktelser",
            "soliditet inkl pensionsförpliktelser",
            "soliditet inklusive samtliga pensionsförpliktelser",
            "soliditet inkl samtliga pensionsförpliktelser",
            "soliditet inklusive pensionsförpliktelser %",
            "soliditet inkl pensionsförpliktelser %",
        ],
        check: CheckKind::EquityRatioIncludingPensions,
        numerator: &[
            ("summa_eget_kapital", false),
            ("pensionsforpliktelser_fore_1998", true),
        ],
        denominator: &["summa_tillgangar"],
        formula: "(eget kapital − pensionsförpliktelser före 1998) / summa tillgångar",
    },
    RatioSpec {
        labels: &["skuldsättningsgrad", "skuldsättningsgrad %"],
        check: CheckKind::DebtRatio,
        numerator: &[("summa_avsattningar", false), ("summa_skulder", false)],
        denominator: &["summa_tillgangar"],
        formula: "(avsättningar + skulder) / summa tillgångar",
    },
    RatioSpec {
        labels: &["kassalikviditet", "kassalikviditet %"],
        check: CheckKind::QuickRatio,
        numerator: &[("summa_omsattningstillgangar", false), ("forrad", true)],
        denominator: &["kortfristiga_skulder"],
        formula: "(omsättningstillgångar − förråd) / kortfristiga skulder",
    },
    RatioSpec {
        labels: &["balanslikviditet", "balanslikviditet %"],
        check: CheckKind::CurrentRatio,
        numerator: &[("summa_omsattningstillgangar", false)],
        denominator: &["kortfristiga_skulder"],
        formula: "omsättningstillgångar / kortfristiga skulder",
    },
];

fn ratio_spec(norm: &str) -> Option<&'static RatioSpec> {
    RATIOS.iter().find(|r| r.labels.contains(&norm))
}

/// Sums of the resultaträkning: (sum, parts). Cumulative, as printed.
const INCOME_SUMS: &[(&str, &[&str])] = &[
    (
        "verksamhetens_nettokostnader",
        &[
            "verksamhetens_intakter",
            "verksamhetens_kostnader",
            "avskrivningar",
        ],
    ),
    (
        "verksamhetens_resultat",
        &[
            "verksamhetens_nettokostnader",
            "skatteintakter",
            "generella_statsbidrag_och_utjamning",
        ],
    ),
    (
        "resultat_efter_finansiella_poster",
        &[
            "verksamhetens_resultat",
            "finansiella_intakter",
            "finansiella_kostnader",
        ],
    ),
    (
        "arets_resultat",
        &[
            "resultat_efter_finansiella_poster",
            "extraordinara_poster",
            "extraordinara_intakter",
            "extraordinara_kostnader",
        ],
    ),
];

/// Sums of the balansräkning: (sum, parts). Summa eget kapital is handled apart (its
/// presentation varies).
const BALANCE_SUMS: &[(&str, &[&str])] = &[
    (
        "summa_materiella_anlaggningstillgangar",
        &[
            "mark_byggnader_och_tekniska_anlaggningar",
            "maskiner_och_inventarier",
            "ovriga_materiella_anlaggningstillgangar",
        ],
    ),
    (
        "summa_anlaggningstillgangar",
        &[
            "immateriella_anlaggningstillgangar",
            "summa_materiella_anlaggningstillgangar",
            "finansiella_anlaggningstillgangar",
        ],
    ),
    (
        "summa_omsattningstillgangar",
        &[
            "forrad",
            "fordringar",
            "kortfristiga_placeringar",
            "kassa_och_bank",
        ],
    ),
    (
        "summa_tillgangar",
        &[
            "summa_anlaggningstillgangar",
            "bidrag_till_infrastruktur",
            "summa_omsattningstillgangar",
        ],
    ),
    (
        "summa_avsattningar",
        &["avsattningar_for_pensioner", "andra_avsattningar"],
    ),
    (
        "summa_skulder",
        &["langfristiga_skulder", "kortfristiga_skulder"],
    ),
    (
        "summa_eget_kapital_avsattningar_och_skulder",
        &["summa_eget_kapital", "summa_avsattningar", "summa_skulder"],
    ),
];

/// A statement with its rows placed on posts.
pub(super) struct Placed<'a> {
    pub(super) statement: &'a PrintedTable,
    index: Option<usize>,
    /// Rows that match no post, by row index: placed by position (the resultaträkning)
    /// or used to explain a sum that does not add up without them.
    loose: Vec<usize>,
    /// Loose rows that took part in a sum or explained one.
    used: Vec<usize>,
    pub(super) coverage: Coverage,
    /// Post id → (row index, printed values normalised to one per column).
    posts: BTreeMap<&'static str, (usize, Vec<Option<Decimal>>)>,
    /// Posts printed as "varav …" (not part of their parent's sum).
    of_which: Vec<&'static str>,
    /// One unit of the last printed decimal, e.g. 1 (tkr) or 0.1 (mnkr, one decimal).
    pub(super) step: Decimal,
    pub(super) findings: Vec<Discrepancy>,
}

impl<'a> Placed<'a> {
    pub(super) fn new(statement: &'a PrintedTable, index: Option<usize>) -> Self {
        let decimals = statement.decimals.unwrap_or_else(|| {
            statement
                .rows
                .iter()
                .filter(|r| !r.percent)
                .flat_map(|r| r.values.iter().flatten())
                .map(|v| v.normalize().scale())
                .max()
                .unwrap_or(0)
        });
        let mut p = Placed {
            statement,
            index,
            loose: Vec::new(),
            used: Vec::new(),
            coverage: Coverage::default(),
            posts: BTreeMap::new(),
            of_which: Vec::new(),
            step: Decimal::new(1, decimals.min(28)),
            findings: Vec::new(),
        };
        p.place();
        p
    }

    fn discrepancy(&self, check: CheckKind, class: DiscrepancyClass, row: &str) -> Discrepancy {
        Discrepancy {
            table: Some(self.statement.kind),
            table_index: self.index,
            check,
            class,
            row: row.to_owned(),
            column: None,
            unit: self.statement.unit,
            printed: None,
            expected: None,
            difference: None,
            tolerance: None,
            message: String::new(),
        }
    }

    fn place(&mut self) {
        let kind = self.statement.kind;
        let n = self.statement.columns.len();
        for (index, row) in self.statement.rows.iter().enumerate() {
            let mut values = row.values.clone();
            if values.len() != n {
                let mut f =
                    self.discrepancy(CheckKind::ValueCount, DiscrepancyClass::Error, &row.label);
                f.message = format!(
                    "raden har {} värden men tabellen har {n} kolumner; värden utöver kolumnerna räknas inte och saknade räknas som tomma",
                    values.len()
                );
                self.findings.push(f);
                values.resize(n, None);
            }
            let blank = values.iter().all(Option::is_none);
            let mut norm = normalize(&row.label);
            // "varav …"/"därav …" in the label: a part that is not added to its parent.
            let mut varav = false;
            for prefix in ["varav ", "därav ", "varav", "därav"] {
                if let Some(rest) = norm.strip_prefix(prefix) {
                    norm = rest.trim().to_owned();
                    varav = true;
                    break;
                }
            }
            let of_which = varav || row.kind == StatementRowKind::OfWhich;
            if blank {
                // A row without figures is a heading; there is nothing to check.
                continue;
            }
            let id = if row.percent {
                ratio_spec(&norm).map(|r| r.check.ratio_id())
            } else {
                lookup(kind, &norm).filter(|id| *id != "soliditet")
            };
            let Some(id) = id else {
                if of_which {
                    // A "varav" specification of something: printed for information.
                    continue;
                }
                if HEADINGS.contains(&norm.as_str()) {
                    let mut f = self.discrepancy(
                        CheckKind::UnplacedRow,
                        DiscrepancyClass::Unplaced,
                        &row.label,
                    );
                    f.message = "en rubrik med belopp: raden ingår inte i kontrollerna".to_owned();
                    self.findings.push(f);
                } else {
                    self.loose.push(index);
                }
                continue;
            };
            if self.posts.contains_key(id) {
                let mut f = self.discrepancy(
                    CheckKind::DuplicateRow,
                    DiscrepancyClass::Unplaced,
                    &row.label,
                );
                f.message = format!(
                    "posten {} är tryckt två gånger; den första raden används i kontrollerna",
                    name_of(id)
                );
                self.findings.push(f);
                continue;
            }
            if varav {
                self.of_which.push(id);
            }
            self.posts.insert(id, (index, values));
        }
    }

    /// The loose rows printed between the previous sum row and the row of `id`.
    fn loose_in_span(&self, id: &str) -> Vec<usize> {
        let Some((at, _)) = self.posts.get(id) else {
            return Vec::new();
        };
        let sums: Vec<usize> = self
            .sums()
            .iter()
            .map(|(s, _)| *s)
            .chain(["summa_eget_kapital"])
            .filter_map(|s| self.posts.get(s).map(|(i, _)| *i))
            .filter(|i| i < at)
            .collect();
        let from = sums.into_iter().max().map_or(0, |i| i.saturating_add(1));
        self.loose
            .iter()
            .copied()
            .filter(|i| *i >= from && i < at)
            .collect()
    }

    fn row_value(&self, row: usize, column: usize) -> Option<Decimal> {
        self.statement
            .rows
            .get(row)
            .and_then(|r| r.values.get(column).copied().flatten())
    }

    fn fits(&self, printed: Decimal, terms: &[Decimal]) -> bool {
        let Some(sum) = terms
            .iter()
            .try_fold(Decimal::ZERO, |a, t| a.checked_add(*t))
        else {
            return false;
        };
        let n = u32::try_from(terms.len().saturating_add(1)).unwrap_or(u32::MAX);
        let tol = half(self.step)
            .checked_mul(Decimal::from(n))
            .unwrap_or(Decimal::MAX);
        printed.checked_sub(sum).is_some_and(|d| d.abs() <= tol)
    }

    /// A sum with rows that could not be placed printed inside it. In the
    /// resultaträkning such a row is a line of the next sum (placed by position);
    /// in the balansräkning it only explains a sum that does not add up without it.
    /// Returns `true` when the sum has been dealt with.
    fn loose_sum(&mut self, id: &str, column: usize, printed: Decimal, placed: &[Decimal]) -> bool {
        let span: Vec<(usize, Decimal)> = self
            .loose_in_span(id)
            .into_iter()
            .filter_map(|i| self.row_value(i, column).map(|v| (i, v)))
            .collect();
        if span.is_empty() {
            return false;
        }
        let label = self.label(id);
        if self.statement.kind == TableKind::IncomeStatement {
            return self.loose_income_sum(id, column, printed, placed, &span);
        }
        if self.fits(printed, placed) {
            return false;
        }
        let mut subsets: Vec<Vec<(usize, Decimal)>> = vec![span.clone()];
        subsets.extend(span.iter().map(|x| vec![*x]));
        for subset in subsets {
            let terms: Vec<Decimal> = placed
                .iter()
                .copied()
                .chain(subset.iter().map(|(_, v)| *v))
                .collect();
            if !self.fits(printed, &terms) {
                continue;
            }
            self.coverage.evaluated = self.coverage.evaluated.saturating_add(1);
            self.used.extend(subset.iter().map(|(i, _)| *i));
            let names: Vec<String> = subset
                .iter()
                .filter_map(|(i, _)| {
                    self.statement
                        .rows
                        .get(*i)
                        .map(|r| format!("\"{}\"", r.label))
                })
                .collect();
            let expected = placed
                .iter()
                .try_fold(Decimal::ZERO, |a, t| a.checked_add(*t));
            let fmt = self.format();
            let mut f = self.discrepancy(
                CheckKind::Sum,
                DiscrepancyClass::ExplainedByUnplaced,
                &label,
            );
            f.column = self.column_label(column);
            f.printed = Some(printed);
            f.expected = expected;
            f.difference = expected.and_then(|e| printed.checked_sub(e));
            f.message = format!(
                "tryckt {} {unit}, summan av de placerade raderna {} {unit}; skillnaden förklaras av {} som inte kunde placeras",
                fmt.decimal(printed),
                expected.map(|e| fmt.decimal(e)).unwrap_or_default(),
                names.join(", "),
                unit = self.statement.unit,
            );
            self.findings.push(f);
            return true;
        }
        false
    }

    /// A resultaträkning's sum with loose rows in its span: the loose rows are lines
    /// of the sum (placed by position) — all of them, or the largest set that makes
    /// the sum add up; a loose row left out that is itself the sum of the rows above
    /// it ("Skattenetto", "Finansnetto") is a subtotal and checked as one.
    fn loose_income_sum(
        &mut self,
        id: &str,
        column: usize,
        printed: Decimal,
        placed: &[Decimal],
        span: &[(usize, Decimal)],
    ) -> bool {
        let label = self.label(id);
        let n = span.len();
        let mut chosen: Option<Vec<(usize, Decimal)>> = None;
        if n <= 8 {
            let mut masks: Vec<u32> = (0..(1_u32 << n)).collect();
            masks.sort_by_key(|m| std::cmp::Reverse(m.count_ones()));
            for m in masks {
                let subset: Vec<(usize, Decimal)> = span
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| m & (1_u32 << k) != 0)
                    .map(|(_, x)| *x)
                    .collect();
                let terms: Vec<Decimal> = placed
                    .iter()
                    .copied()
                    .chain(subset.iter().map(|(_, v)| *v))
                    .collect();
                if self.fits(printed, &terms) {
                    chosen = Some(subset);
                    break;
                }
            }
        }
        let subset = chosen.unwrap_or_else(|| span.to_vec());
        let terms: Vec<Decimal> = placed
            .iter()
            .copied()
            .chain(subset.iter().map(|(_, v)| *v))
            .collect();
        self.used.extend(subset.iter().map(|(i, _)| *i));
        let what = if subset.is_empty() {
            "summan av raderna".to_owned()
        } else {
            format!(
                "summan av raderna (med {})",
                subset
                    .iter()
                    .filter_map(|(i, _)| self.statement.rows.get(*i).map(|r| r.label.clone()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        self.compare(CheckKind::Sum, label, column, printed, &terms, &what);
        // Loose rows left out: subtotals of the rows above them?
        for (i, v) in span.iter().filter(|x| !subset.contains(x)) {
            let from = self.span_start(*i);
            let above: Vec<Decimal> = (from..*i)
                .filter(|j| self.is_line(*j))
                .filter_map(|j| self.row_value(j, column))
                .collect();
            if !above.is_empty() && self.fits(*v, &above) {
                self.used.push(*i);
                let row = self
                    .statement
                    .rows
                    .get(*i)
                    .map(|r| r.label.clone())
                    .unwrap_or_default();
                self.compare(
                    CheckKind::Sum,
                    row,
                    column,
                    *v,
                    &above,
                    "summan av raderna ovanför",
                );
            }
        }
        true
    }

    /// The first row after the last placed sum row before row `at`.
    fn span_start(&self, at: usize) -> usize {
        self.sums()
            .iter()
            .map(|(s, _)| *s)
            .filter_map(|s| self.posts.get(s).map(|(i, _)| *i))
            .filter(|i| *i < at)
            .max()
            .map_or(0, |i| i.saturating_add(1))
    }

    /// A row that is a line of a sum: figures, not a "varav", not a percent row.
    fn is_line(&self, row: usize) -> bool {
        self.statement.rows.get(row).is_some_and(|r| {
            let n = normalize(&r.label);
            !r.percent
                && r.kind != StatementRowKind::OfWhich
                && !n.starts_with("varav")
                && !n.starts_with("därav")
        })
    }

    /// Loose rows that took part in no sum: reported as rows that could not be placed.
    fn report_loose(&mut self) {
        let kind = self.statement.kind;
        for i in self.loose.clone() {
            if self.used.contains(&i) {
                continue;
            }
            let Some(row) = self.statement.rows.get(i) else {
                continue;
            };
            let mut f = self.discrepancy(
                CheckKind::UnplacedRow,
                DiscrepancyClass::Unplaced,
                &row.label,
            );
            f.message = format!(
                "raden motsvarar ingen post i uppställningen för {}; den ingår inte i kontrollerna",
                kind.label()
            );
            self.coverage.not_evaluated = self.coverage.not_evaluated.saturating_add(1);
            self.findings.push(f);
        }
    }

    fn value(&self, id: &str, column: usize) -> Option<Decimal> {
        self.posts
            .get(id)
            .and_then(|(_, v)| v.get(column).copied().flatten())
    }

    fn label(&self, id: &str) -> String {
        self.posts
            .get(id)
            .and_then(|(i, _)| self.statement.rows.get(*i))
            .map_or_else(|| name_of(id).to_owned(), |r| r.label.clone())
    }

    fn column_label(&self, column: usize) -> Option<String> {
        self.statement.columns.get(column).map(|c| c.label.clone())
    }

    fn sums(&self) -> &'static [(&'static str, &'static [&'static str])] {
        match self.statement.kind {
            TableKind::IncomeStatement => INCOME_SUMS,
            _ => BALANCE_SUMS,
        }
    }

    /// The parts of a sum, with "summa eget kapital" following the presentation.
    fn parts(&self, id: &str) -> Vec<&'static str> {
        if id == "summa_eget_kapital" {
            if self.posts.contains_key("ingaende_eget_kapital") {
                return vec!["ingaende_eget_kapital", "arets_resultat"];
            }
            let mut parts = vec!["arets_resultat"];
            if !self.of_which.contains(&"resultatreserv") {
                parts.push("resultatreserv");
            }
            parts.push("ovrigt_eget_kapital");
            return parts;
        }
        self.sums()
            .iter()
            .find(|(s, _)| *s == id)
            .map_or_else(Vec::new, |(_, p)| p.to_vec())
    }

    /// Adds the printed terms that make up `id` in `column`: the printed value when
    /// there is one, else its parts (recursively). Returns `false` on overflow.
    fn collect(
        &self,
        id: &'static str,
        column: usize,
        depth: u8,
        terms: &mut Vec<(Decimal, &'static str)>,
    ) -> bool {
        if self.of_which.contains(&id) {
            // A "varav …" row is information about its parent, never one of its parts.
            return true;
        }
        if let Some(v) = self.value(id, column) {
            terms.push((v, id));
            return true;
        }
        if depth > 8 {
            return true;
        }
        for part in self.parts(id) {
            if !self.collect(part, column, depth.saturating_add(1), terms) {
                return false;
            }
        }
        true
    }

    /// Compares a printed figure with the sum of printed terms and records a finding.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        check: CheckKind,
        row: String,
        column: usize,
        printed: Decimal,
        terms: &[Decimal],
        what: &str,
    ) {
        self.coverage.evaluated = self.coverage.evaluated.saturating_add(1);
        let Some(expected) = terms
            .iter()
            .try_fold(Decimal::ZERO, |a, t| a.checked_add(*t))
        else {
            let mut f = self.discrepancy(check, DiscrepancyClass::Error, &row);
            f.column = self.column_label(column);
            f.message = format!("{what}: beloppen är för stora för att summeras");
            self.findings.push(f);
            return;
        };
        let Some(difference) = printed.checked_sub(expected) else {
            return;
        };
        if difference.is_zero() {
            return;
        }
        let count = u32::try_from(terms.len().saturating_add(1)).unwrap_or(u32::MAX);
        let tolerance = half(self.step)
            .checked_mul(Decimal::from(count))
            .unwrap_or(Decimal::MAX);
        let class = if difference.abs() <= tolerance {
            DiscrepancyClass::Rounding
        } else {
            DiscrepancyClass::Error
        };
        let fmt = self.format();
        let mut f = self.discrepancy(check, class, &row);
        f.column = self.column_label(column);
        f.printed = Some(printed);
        f.expected = Some(expected);
        f.difference = Some(difference);
        f.tolerance = Some(tolerance);
        f.message = format!(
            "tryckt {}, {what} {}, differens {} {unit} ({}: {count} avrundade tal ger högst ±{} {unit})",
            fmt.decimal(printed),
            fmt.decimal(expected),
            fmt.decimal(difference),
            if class == DiscrepancyClass::Rounding {
                "avrundning"
            } else {
                "för stor för avrundning"
            },
            fmt.with_decimals(self.format_decimals().saturating_add(1))
                .decimal(tolerance),
            unit = self.statement.unit,
        );
        self.findings.push(f);
    }

    /// When the finding just added (if any) is an error that disappears once some
    /// terms change sign, says so: costs printed without their minus sign are a
    /// common presentation, not an arithmetic error.
    fn add_sign_hint(&mut self, before: usize, terms: &[(Decimal, &'static str)]) {
        const COSTS: [&str; 4] = [
            "verksamhetens_kostnader",
            "avskrivningar",
            "finansiella_kostnader",
            "extraordinara_kostnader",
        ];
        if self.findings.len() != before.saturating_add(1) {
            return;
        }
        let labels: Vec<String> = terms.iter().map(|(_, id)| self.label(id)).collect();
        let Some(f) = self.findings.last_mut() else {
            return;
        };
        let (DiscrepancyClass::Error, Some(d), Some(tol)) = (f.class, f.difference, f.tolerance)
        else {
            return;
        };
        let fits = |flip: &[usize]| -> bool {
            let mut d2 = d;
            for i in flip {
                let Some((t, _)) = terms.get(*i) else {
                    return false;
                };
                match t.checked_mul(Decimal::TWO).and_then(|x| d2.checked_add(x)) {
                    Some(v) => d2 = v,
                    None => return false,
                }
            }
            d2.abs() <= tol
        };
        let costs: Vec<usize> = terms
            .iter()
            .enumerate()
            .filter(|(_, (v, id))| COSTS.contains(id) && v.is_sign_positive() && !v.is_zero())
            .map(|(i, _)| i)
            .collect();
        let names = |idx: &[usize]| -> String {
            idx.iter()
                .filter_map(|i| labels.get(*i).cloned())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !costs.is_empty() && fits(&costs) {
            f.message.push_str(&format!(
                "; summan stämmer om {} räknas som negativa (kostnader tryckta utan minustecken?)",
                names(&costs)
            ));
        } else if let Some(i) = (0..terms.len()).find(|i| fits(&[*i])) {
            f.message.push_str(&format!(
                "; summan stämmer om tecknet på {} vänds",
                names(&[i])
            ));
        }
    }

    fn format_decimals(&self) -> u32 {
        self.step.scale()
    }

    fn format(&self) -> NumberFormat {
        NumberFormat::swedish()
            .with_group_separator(Some(' '))
            .with_decimals(self.format_decimals())
    }

    fn check_sums(&mut self) {
        let columns = self.statement.columns.len();
        let mut ids: Vec<&'static str> = self.sums().iter().map(|(s, _)| *s).collect();
        if self.statement.kind == TableKind::BalanceSheet {
            ids.insert(4, "summa_eget_kapital");
        }
        for id in ids {
            let movement =
                id == "summa_eget_kapital" && self.posts.contains_key("ingaende_eget_kapital");
            for column in 0..columns {
                let Some(printed) = self.value(id, column) else {
                    continue;
                };
                let mut terms = Vec::new();
                let mut ok = true;
                for part in self.parts(id) {
                    ok &= self.collect(part, column, 0, &mut terms);
                }
                if !ok || terms.is_empty() {
                    continue;
                }
                let (check, what) = if movement {
                    (
                        CheckKind::EquityMovement,
                        "eget kapital vid årets början + årets resultat",
                    )
                } else {
                    (CheckKind::Sum, "summan av raderna")
                };
                let values: Vec<Decimal> = terms.iter().map(|(v, _)| *v).collect();
                if self.loose_sum(id, column, printed, &values) {
                    continue;
                }
                let before = self.findings.len();
                self.compare(check, self.label(id), column, printed, &values, what);
                self.add_sign_hint(before, &terms);
            }
        }
        // Grästorp's form: eget kapital vid årets slut, split into the reserve and
        // övrigt eget kapital (which then includes årets resultat).
        if self.statement.kind == TableKind::BalanceSheet
            && self.posts.contains_key("ingaende_eget_kapital")
        {
            for column in 0..columns {
                let (Some(printed), Some(reserve), Some(other)) = (
                    self.value("summa_eget_kapital", column),
                    self.value("resultatreserv", column),
                    self.value("ovrigt_eget_kapital", column),
                ) else {
                    continue;
                };
                self.compare(
                    CheckKind::Breakdown,
                    self.label("summa_eget_kapital"),
                    column,
                    printed,
                    &[reserve, other],
                    "resultatutjämningsreserv + övrigt eget kapital",
                );
            }
        }
        // Breakdown of finansiella anläggningstillgångar.
        if self.statement.kind == TableKind::BalanceSheet {
            for column in 0..columns {
                let Some(printed) = self.value("finansiella_anlaggningstillgangar", column) else {
                    continue;
                };
                let terms: Vec<Decimal> = ["aktier_och_andelar", "langfristiga_fordringar"]
                    .iter()
                    .filter_map(|id| self.value(id, column))
                    .collect();
                if terms.is_empty() {
                    continue;
                }
                self.compare(
                    CheckKind::Breakdown,
                    self.label("finansiella_anlaggningstillgangar"),
                    column,
                    printed,
                    &terms,
                    "summan av specifikationen",
                );
            }
        }
    }

    fn check_balance(&mut self) {
        if self.statement.kind != TableKind::BalanceSheet {
            return;
        }
        for column in 0..self.statement.columns.len() {
            let (Some(assets), Some(claims)) = (
                self.value("summa_tillgangar", column),
                self.value("summa_eget_kapital_avsattningar_och_skulder", column),
            ) else {
                continue;
            };
            self.compare(
                CheckKind::Balance,
                self.label("summa_tillgangar"),
                column,
                assets,
                &[claims],
                "summa eget kapital, avsättningar och skulder",
            );
        }
    }

    /// Eget kapital vid årets början against the previous column's closing equity.
    fn check_opening_equity(&mut self) {
        if !self.posts.contains_key("ingaende_eget_kapital") {
            return;
        }
        let years: Vec<Option<i32>> = (0..self.statement.columns.len())
            .map(|c| outcome_year(self.statement, c))
            .collect();
        for (column, year) in years.iter().enumerate() {
            let Some(year) = year else { continue };
            let part = part_of(self.statement, column);
            let Some(previous) = years.iter().enumerate().position(|(c, y)| {
                *y == Some(year.saturating_sub(1)) && part_of(self.statement, c) == part
            }) else {
                continue;
            };
            let (Some(opening), Some(closing)) = (
                self.value("ingaende_eget_kapital", column),
                self.value("summa_eget_kapital", previous),
            ) else {
                continue;
            };
            let what = format!(
                "eget kapital vid årets slut i kolumnen {}",
                self.column_label(previous).unwrap_or_default()
            );
            self.compare(
                CheckKind::OpeningEquity,
                self.label("ingaende_eget_kapital"),
                column,
                opening,
                &[closing],
                &what,
            );
        }
    }

    /// Printed `value` against `base × factor`, each printed figure rounded to `step`
    /// (the value to `value_step`).
    #[allow(clippy::too_many_arguments)]
    fn compare_ratio(
        &mut self,
        check: CheckKind,
        row: String,
        column: usize,
        printed: Decimal,
        value_step: Decimal,
        corners: [Option<Decimal>; 4],
        exact: Option<Decimal>,
        what: &str,
    ) {
        let Some(expected) = exact else {
            self.coverage.not_evaluated = self.coverage.not_evaluated.saturating_add(1);
            return;
        };
        self.coverage.evaluated = self.coverage.evaluated.saturating_add(1);
        let decimals = value_step.scale();
        let mode = crate::RoundingMode::HalfAwayFromZero;
        if mode.round(expected, decimals) == printed {
            return;
        }
        let lo = corners.iter().flatten().min().copied();
        let hi = corners.iter().flatten().max().copied();
        let half_step = half(value_step);
        let class = match (lo, hi) {
            (Some(lo), Some(hi))
                if printed.checked_add(half_step).is_some_and(|p| p >= lo)
                    && printed.checked_sub(half_step).is_some_and(|p| p <= hi) =>
            {
                DiscrepancyClass::Rounding
            }
            _ => DiscrepancyClass::Error,
        };
        let shown = decimals.saturating_add(2);
        let fmt = NumberFormat::swedish()
            .with_group_separator(Some(' '))
            .with_decimals(shown);
        let difference = printed.checked_sub(expected);
        let mut f = self.discrepancy(check, class, &row);
        f.column = self.column_label(column);
        f.printed = Some(printed);
        f.expected = Some(expected.round_dp(shown));
        f.difference = difference.map(|d| d.round_dp(shown));
        f.message = format!(
            "tryckt {}, {what} {} ({})",
            NumberFormat::swedish()
                .with_group_separator(Some(' '))
                .with_decimals(decimals)
                .decimal(printed),
            fmt.decimal(expected),
            if class == DiscrepancyClass::Rounding {
                "ryms inom avrundningen av de tryckta beloppen"
            } else {
                "kan inte förklaras av avrundning"
            }
        );
        self.findings.push(f);
    }

    fn check_special_payroll_tax(&mut self) {
        let Some(rate) = Decimal::ONE_HUNDRED
            .checked_add(SPECIAL_PAYROLL_TAX_RATE)
            .and_then(|g| SPECIAL_PAYROLL_TAX_RATE.checked_div(g))
        else {
            return;
        };
        // A printed figure lies within half a step of its exact value — or, when the
        // table is footed (largest remainder), within one step: ratios allow that.
        let h = self.step;
        for column in 0..self.statement.columns.len() {
            let (Some(tax), Some(total)) = (
                self.value("sarskild_loneskatt", column),
                self.value("pensionsforpliktelser_fore_1998", column),
            ) else {
                continue;
            };
            let corners = [
                total.checked_sub(h).and_then(|t| t.checked_mul(rate)),
                total.checked_add(h).and_then(|t| t.checked_mul(rate)),
                None,
                None,
            ];
            let what = format!("beräknat 24,26/124,26 × {} =", self.format().decimal(total));
            self.compare_ratio(
                CheckKind::SpecialPayrollTax,
                self.label("sarskild_loneskatt"),
                column,
                tax,
                self.step,
                corners,
                total.checked_mul(rate),
                &what,
            );
        }
    }

    /// The interval of `Σ ± terms` when every printed term may be off by half a step;
    /// `None` when a term that must be there is missing.
    fn interval(
        &self,
        terms: &[(&str, bool)],
        column: usize,
    ) -> Option<(Decimal, Decimal, Decimal)> {
        // A printed figure lies within half a step of its exact value — or, when the
        // table is footed (largest remainder), within one step: ratios allow that.
        let h = self.step;
        let (mut exact, mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (i, (id, subtract)) in terms.iter().enumerate() {
            let Some(v) = self.value(id, column) else {
                if i == 0 {
                    return None;
                }
                continue; // a post not printed is zero
            };
            let (v_lo, v_hi) = (v.checked_sub(h)?, v.checked_add(h)?);
            if *subtract {
                exact = exact.checked_sub(v)?;
                lo = lo.checked_sub(v_hi)?;
                hi = hi.checked_sub(v_lo)?;
            } else {
                exact = exact.checked_add(v)?;
                lo = lo.checked_add(v_lo)?;
                hi = hi.checked_add(v_hi)?;
            }
        }
        Some((exact, lo, hi))
    }

    fn check_ratios(&mut self) {
        for spec in RATIOS {
            let Some((index, values)) = self.posts.get(spec.check.ratio_id()).cloned() else {
                continue;
            };
            let denominator: Vec<(&str, bool)> =
                spec.denominator.iter().map(|d| (*d, false)).collect();
            for (column, printed) in values.iter().enumerate() {
                let Some(printed) = *printed else { continue };
                let (Some(num), Some(den)) = (
                    self.interval(spec.numerator, column),
                    self.interval(&denominator, column),
                ) else {
                    continue;
                };
                let percent = |n: Decimal, d: Decimal| -> Option<Decimal> {
                    if d <= Decimal::ZERO {
                        return None;
                    }
                    n.checked_div(d)?.checked_mul(Decimal::ONE_HUNDRED)
                };
                let corners = if den.1 <= Decimal::ZERO {
                    // The rounded denominator could be zero: anything is possible.
                    [Some(Decimal::MIN), Some(Decimal::MAX), None, None]
                } else {
                    [
                        percent(num.1, den.1),
                        percent(num.1, den.2),
                        percent(num.2, den.1),
                        percent(num.2, den.2),
                    ]
                };
                let step = Decimal::new(1, printed.scale().min(28));
                let what = format!(
                    "beräknat {} = {} / {} =",
                    spec.formula,
                    self.format().decimal(num.0),
                    self.format().decimal(den.0)
                );
                let label = self
                    .statement
                    .rows
                    .get(index)
                    .map_or_else(|| spec.check.label().to_owned(), |r| r.label.clone());
                self.compare_ratio(
                    spec.check,
                    label,
                    column,
                    printed,
                    step,
                    corners,
                    percent(num.0, den.0),
                    &what,
                );
            }
        }
    }
}

fn half(step: Decimal) -> Decimal {
    step.checked_div(Decimal::TWO).unwrap_or(step)
}

/// Places a resultaträkning or balansräkning and runs every check on it.
pub(super) fn check_placed(table: &PrintedTable, index: Option<usize>) -> Placed<'_> {
    let mut placed = Placed::new(table, index);
    placed.check_sums();
    placed.check_balance();
    placed.check_opening_equity();
    placed.check_special_payroll_tax();
    placed.check_ratios();
    placed.report_loose();
    placed
}

impl Placed<'_> {
    /// Every placed post with its printed values (post id, row label, values).
    pub(super) fn posts(&self) -> Vec<(&'static str, String, Vec<Option<Decimal>>)> {
        self.posts
            .iter()
            .map(|(id, (i, v))| {
                let label = self
                    .statement
                    .rows
                    .get(*i)
                    .map_or_else(|| name_of(id).to_owned(), |r| r.label.clone());
                (*id, label, v.clone())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::parse_printed;

    #[test]
    fn normalize_variants() {
        for (printed, id) in [
            ("Av- och nedskrivningar", "avskrivningar"),
            (
                "Generella statsbidrag och utjämningsbidrag",
                "generella_statsbidrag_och_utjamning",
            ),
            (
                "Resultat före extraordinära poster",
                "resultat_efter_finansiella_poster",
            ),
            ("Extraordinära poster (netto)", "extraordinara_poster"),
            ("ÅRETS RESULTAT", "arets_resultat"),
        ] {
            assert_eq!(
                lookup(TableKind::IncomeStatement, &normalize(printed)),
                Some(id)
            );
        }
        for (printed, id) in [
            (
                "Bidrag till statlig infrastruktur",
                "bidrag_till_infrastruktur",
            ),
            ("Förråd och exploateringstillgångar", "forrad"),
            ("Förråd m.m.", "forrad"),
            ("– resultatutjämningreserv", "resultatreserv"),
            ("– övrigt eget kapital", "ovrigt_eget_kapital"),
            ("EGET KAPITAL, vid årets början", "ingaende_eget_kapital"),
            ("Årets resultat, inklusive justering", "arets_resultat"),
            (
                "Pensioner och liknande förpliktelser",
                "avsattningar_for_pensioner",
            ),
            (
                "SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER",
                "summa_eget_kapital_avsattningar_och_skulder",
            ),
        ] {
            assert_eq!(
                lookup(TableKind::BalanceSheet, &normalize(printed)),
                Some(id),
                "{printed}"
            );
        }
    }

    #[test]
    fn column_years() {
        use crate::check::{PrintedColumn, PrintedColumnKind as K};
        let t = |label: &str, kind| {
            PrintedTable::new(
                TableKind::BalanceSheet,
                crate::Scale::Tkr,
                vec![PrintedColumn::new(label, kind)],
            )
        };
        assert_eq!(outcome_year(&t("2020-12-31", K::Outcome), 0), Some(2020));
        assert_eq!(outcome_year(&t("Utfall 2019", K::Outcome), 0), Some(2019));
        assert_eq!(outcome_year(&t("Budget 2019", K::Outcome), 0), None);
        assert_eq!(outcome_year(&t("2019", K::Budget), 0), None);
        assert_eq!(outcome_year(&t("Utfall", K::Outcome), 0), None);
    }

    #[test]
    fn printed_numbers() {
        assert_eq!(
            parse_printed("1 234,50").unwrap(),
            Some(Decimal::new(123_450, 2))
        );
        assert_eq!(parse_printed("(5)").unwrap(), Some(Decimal::from(-5)));
        assert!(parse_printed("1,234.5").is_err());
        assert!(parse_printed("abc").is_err());
        assert_eq!(parse_printed("  ").unwrap(), None);
    }
}
