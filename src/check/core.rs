//! The shared core: one table's context, tolerances, comparisons and their findings.

use rust_decimal::Decimal;

use super::labels::normalize;
use super::{CheckKind, Coverage, Discrepancy, DiscrepancyClass, PrintedColumnKind, PrintedTable};
use crate::present::NumberFormat;
use crate::statement::StatementRowKind;

/// Half of a step: the largest rounding error of one printed figure.
pub(super) fn half(step: Decimal) -> Decimal {
    step.checked_div(Decimal::TWO).unwrap_or(step)
}

/// One unit of the last decimal printed in a table's amount rows.
pub(super) fn step_of(table: &PrintedTable) -> Decimal {
    let decimals = table.decimals.unwrap_or_else(|| {
        table
            .rows
            .iter()
            .filter(|r| !r.percent)
            .flat_map(|r| {
                r.values
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| !is_percent_column(table, *c))
                    .filter_map(|(_, v)| *v)
            })
            .map(|v| v.normalize().scale())
            .max()
            .unwrap_or(0)
    });
    Decimal::new(1, decimals.min(28))
}

/// Whether a column holds percentages (a share or a change in percent).
pub(super) fn is_percent_column(table: &PrintedTable, column: usize) -> bool {
    table.columns.get(column).is_some_and(|c| {
        matches!(
            c.kind,
            PrintedColumnKind::Share | PrintedColumnKind::ChangePercent
        )
    })
}

/// One unit of the last decimal printed in a table's percent rows.
pub(super) fn percent_step(table: &PrintedTable, row: usize) -> Decimal {
    let decimals = table
        .rows
        .get(row)
        .map(|r| {
            r.values
                .iter()
                .flatten()
                .map(|v| v.normalize().scale())
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    Decimal::new(1, decimals.min(28))
}

/// The year in a column label ("2019", "Utfall 2019", "2020-12-31").
pub(super) fn year_in(label: &str) -> Option<i32> {
    let chars: Vec<char> = label.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i.saturating_add(4));
        if w.iter().all(char::is_ascii_digit)
            && !before.is_some_and(char::is_ascii_digit)
            && !after.is_some_and(char::is_ascii_digit)
        {
            w.iter().collect::<String>().parse().ok()
        } else {
            None
        }
    })
}

/// The year of an outcome column of a table; `None` for budget, forecast, deviation
/// and change columns.
pub(super) fn outcome_year(table: &PrintedTable, column: usize) -> Option<i32> {
    let c = table.columns.get(column)?;
    if !matches!(
        c.kind,
        PrintedColumnKind::Outcome | PrintedColumnKind::PriorPeriod | PrintedColumnKind::Net
    ) {
        return None;
    }
    let lower = c.label.to_lowercase();
    if [
        "budget",
        "prognos",
        "avvikelse",
        "plan",
        "förändring",
        "ram",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return None;
    }
    year_in(&c.label)
}

/// The part (kommun or koncern) of a column: the column's own, else the table's,
/// else `"kommun"`. Words in the label ("Koncernen 2019") count.
pub(super) fn part_of(table: &PrintedTable, column: usize) -> String {
    let own = table.columns.get(column).and_then(|c| c.part.clone());
    let label = table
        .columns
        .get(column)
        .map(|c| c.label.to_lowercase())
        .unwrap_or_default();
    let from_label = if label.contains("koncern") || label.contains("sammanställd") {
        Some("koncern".to_owned())
    } else {
        None
    };
    let part = own
        .or(from_label)
        .or_else(|| table.part.clone())
        .unwrap_or_else(|| "kommun".to_owned());
    let p = part.to_lowercase();
    if p.contains("koncern") || p.contains("sammanställd") {
        "koncern".to_owned()
    } else {
        p
    }
}

/// A checked table's context: where findings go, with the table's step and counts.
pub(super) struct Ctx<'a> {
    pub table: &'a PrintedTable,
    pub index: Option<usize>,
    pub step: Decimal,
    pub out: Vec<Discrepancy>,
    pub coverage: Coverage,
    /// Conventions detected in the table ("avdrag tryckta utan minustecken").
    pub notes: Vec<String>,
    /// The unit findings name, when not the table's (sjukfrånvaro: procentenheter).
    pub unit_label: Option<String>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(table: &'a PrintedTable, index: Option<usize>) -> Self {
        Ctx {
            table,
            index,
            step: step_of(table),
            out: Vec::new(),
            coverage: Coverage::default(),
            notes: Vec::new(),
            unit_label: None,
        }
    }

    pub fn value(&self, row: usize, column: usize) -> Option<Decimal> {
        self.table
            .rows
            .get(row)
            .and_then(|r| r.values.get(column).copied().flatten())
    }

    pub fn label(&self, row: usize) -> String {
        self.table
            .rows
            .get(row)
            .map(|r| r.label.clone())
            .unwrap_or_default()
    }

    pub fn column_label(&self, column: usize) -> Option<String> {
        self.table.columns.get(column).map(|c| c.label.clone())
    }

    pub fn columns(&self) -> usize {
        self.table.columns.len()
    }

    pub fn format(&self) -> NumberFormat {
        format_for(self.step)
    }

    /// A finding of this table without figures.
    pub fn base(&self, check: CheckKind, class: DiscrepancyClass, row: &str) -> Discrepancy {
        Discrepancy {
            table: Some(self.table.kind),
            table_index: self.index,
            check,
            class,
            row: row.to_owned(),
            column: None,
            unit: self.table.unit,
            printed: None,
            expected: None,
            difference: None,
            tolerance: None,
            message: String::new(),
        }
    }

    /// The tolerance for `count` rounded figures taking part.
    pub fn tolerance(&self, count: usize) -> Decimal {
        let n = u32::try_from(count).unwrap_or(u32::MAX);
        half(self.step)
            .checked_mul(Decimal::from(n))
            .unwrap_or(Decimal::MAX)
    }

    /// Whether `printed` equals `Σ terms` within the rounding of all figures.
    pub fn fits(&self, printed: Decimal, terms: &[Decimal]) -> bool {
        let Some(sum) = checked_sum(terms) else {
            return false;
        };
        printed
            .checked_sub(sum)
            .is_some_and(|d| d.abs() <= self.tolerance(terms.len().saturating_add(1)))
    }

    /// Compares a printed figure with the sum of printed terms; records a finding
    /// unless they are equal. `what` says what the terms are.
    #[allow(clippy::too_many_arguments)]
    pub fn compare(
        &mut self,
        check: CheckKind,
        row: &str,
        column: usize,
        printed: Decimal,
        terms: &[Decimal],
        what: &str,
        hint: Option<String>,
    ) -> DiscrepancyClass {
        self.coverage.evaluated = self.coverage.evaluated.saturating_add(1);
        let Some(expected) = checked_sum(terms) else {
            let mut f = self.base(check, DiscrepancyClass::Error, row);
            f.column = self.column_label(column);
            f.message = format!("{what}: beloppen är för stora för att summeras");
            self.out.push(f);
            return DiscrepancyClass::Error;
        };
        let Some(difference) = printed.checked_sub(expected) else {
            return DiscrepancyClass::Error;
        };
        if difference.is_zero() {
            return DiscrepancyClass::Rounding;
        }
        let count = terms.len().saturating_add(1);
        let tolerance = self.tolerance(count);
        let class = if difference.abs() <= tolerance {
            DiscrepancyClass::Rounding
        } else {
            DiscrepancyClass::Error
        };
        let fmt = self.format();
        let unit = self
            .unit_label
            .clone()
            .unwrap_or_else(|| self.table.unit.to_string());
        let mut f = self.base(check, class, row);
        f.column = self.column_label(column);
        f.printed = Some(printed);
        f.expected = Some(expected);
        f.difference = Some(difference);
        f.tolerance = Some(tolerance);
        f.message = format!(
            "tryckt {} {unit}, {what} {} {unit}, differens {} {unit} ({}: {count} avrundade tal ger högst ±{} {unit})",
            fmt.decimal(printed),
            fmt.decimal(expected),
            fmt.decimal(difference),
            if class == DiscrepancyClass::Rounding {
                "avrundning"
            } else {
                "för stor för avrundning"
            },
            format_for(self.step)
                .with_decimals(self.step.scale().saturating_add(1))
                .decimal(tolerance),
        );
        if class == DiscrepancyClass::Error {
            if let Some(h) = hint {
                f.message.push_str("; ");
                f.message.push_str(&h);
            }
        }
        self.out.push(f);
        class
    }

    /// A figure against an interval of what the rounded inputs allow (`lo..=hi`),
    /// with `exact` the value from the printed inputs as they stand. `step` is the
    /// printed figure's own step.
    #[allow(clippy::too_many_arguments)]
    pub fn compare_interval(
        &mut self,
        check: CheckKind,
        row: &str,
        column: usize,
        printed: Decimal,
        step: Decimal,
        exact: Decimal,
        (lo, hi): (Decimal, Decimal),
        what: &str,
        unit: &str,
    ) {
        self.coverage.evaluated = self.coverage.evaluated.saturating_add(1);
        let decimals = step.scale();
        let mode = crate::RoundingMode::HalfAwayFromZero;
        if mode.round(exact, decimals) == printed {
            return;
        }
        let h = half(step);
        let class = if printed.checked_add(h).is_some_and(|p| p >= lo)
            && printed.checked_sub(h).is_some_and(|p| p <= hi)
        {
            DiscrepancyClass::Rounding
        } else {
            DiscrepancyClass::Error
        };
        let shown = decimals.saturating_add(2);
        let mut f = self.base(check, class, row);
        f.column = self.column_label(column);
        f.printed = Some(printed);
        f.expected = Some(exact.round_dp(shown));
        f.difference = printed.checked_sub(exact).map(|d| d.round_dp(shown));
        f.message = format!(
            "tryckt {}{unit}, {what} {}{unit} ({})",
            format_for(step).decimal(printed),
            format_for(step).with_decimals(shown).decimal(exact),
            if class == DiscrepancyClass::Rounding {
                "ryms inom avrundningen av de tryckta talen"
            } else {
                "kan inte förklaras av avrundning"
            }
        );
        self.out.push(f);
    }

    pub fn not_evaluated(&mut self) {
        self.coverage.not_evaluated = self.coverage.not_evaluated.saturating_add(1);
    }
}

/// The Swedish number format at the decimals of `step`.
pub(super) fn format_for(step: Decimal) -> NumberFormat {
    NumberFormat::swedish()
        .with_group_separator(Some(' '))
        .with_decimals(step.scale())
}

pub(super) fn checked_sum(terms: &[Decimal]) -> Option<Decimal> {
    terms
        .iter()
        .try_fold(Decimal::ZERO, |a, t| a.checked_add(*t))
}

/// Whether a row is a "varav"/"därav" specification (never summed into its parent).
pub(super) fn is_of_which(table: &PrintedTable, row: usize) -> bool {
    table.rows.get(row).is_some_and(|r| {
        if r.kind == StatementRowKind::OfWhich {
            return true;
        }
        let n = normalize(&r.label);
        n.starts_with("varav") || n.starts_with("därav") || n.starts_with("varav:")
    })
}

/// `part / whole × 100` with both ends of their rounding intervals: the exact value
/// and the smallest and largest; `None` when the whole may be zero.
pub(super) fn ratio_interval(
    part: (Decimal, Decimal, Decimal),
    whole: (Decimal, Decimal, Decimal),
) -> Option<(Decimal, (Decimal, Decimal))> {
    let pct = |a: Decimal, b: Decimal| {
        a.checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(b))
    };
    if whole.1 <= Decimal::ZERO && whole.2 >= Decimal::ZERO {
        return None;
    }
    let exact = pct(part.0, whole.0)?;
    let corners = [
        pct(part.1, whole.1)?,
        pct(part.1, whole.2)?,
        pct(part.2, whole.1)?,
        pct(part.2, whole.2)?,
    ];
    let lo = corners.iter().min().copied()?;
    let hi = corners.iter().max().copied()?;
    Some((exact, (lo, hi)))
}

/// A printed value with its rounding interval: (value, value − h, value + h).
pub(super) fn around(v: Decimal, h: Decimal) -> Option<(Decimal, Decimal, Decimal)> {
    Some((v, v.checked_sub(h)?, v.checked_add(h)?))
}
