//! Budget (budget, anslag), anslagsförändringar, and the resultaträkning with budget,
//! prognos and avvikelse columns (RKR R14; LKBR 3 kap. 2 §, 10 kap.; KL 11 kap. 5–7 §§).
//!
//! # Sign convention
//!
//! Budget, outcome and forecast carry the statement's own signs (revenues +, costs −
//! in a resultaträkning and a driftredovisning). A deviation (avvikelse) is
//! `utfall − budget` or `prognos − budget`; because costs are negative, a positive
//! deviation is *better* than budget on every row: more revenue, or less cost.

use std::collections::BTreeSet;

use super::columns::{ColumnRow, ColumnRows, StatementColumn, sub_both};
use super::{IncomeStatement, StatementLayout, StatementRow};
use crate::error::Result;
use crate::money::{Amount, Scale};
use crate::present::{Column, Table};

/// An anslagsförändring: a decision by fullmäktige during the year that changes an
/// anslag (budget item), e.g. a tilläggsanslag or an ombudgetering (RKR R14).
///
/// ```
/// use kommunal_redovisning::{Amount, Budget};
/// let b = Budget::new(Amount::tkr(-12_000)).with_change("Tilläggsanslag löneökningar", Amount::tkr(-400));
/// assert_eq!(b.changes[0].label, "Tilläggsanslag löneökningar");
/// assert_eq!(b.changes[0].decision, None);
/// ```
#[doc(alias = "anslagsförändring")]
#[doc(alias = "tilläggsanslag")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BudgetChange {
    /// What the change is, e.g. "Tilläggsanslag löneökningar".
    pub label: String,
    /// The change, with the sign convention of the budget it changes.
    pub amount: Amount,
    /// The decision, e.g. "KF 2025-04-28 § 37".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub decision: Option<String>,
}

/// A budget (budget, anslag) for one unit, project or line: fullmäktige's original
/// budget plus the named anslagsförändringar during the year (RKR R14). The budget in
/// force is derived: [`Budget::total`].
///
/// ```
/// use kommunal_redovisning::{Amount, Budget};
///
/// let b = Budget::new(Amount::tkr(-12_000))
///     .with_change("Tilläggsanslag löneökningar", Amount::tkr(-400))
///     .with_change("Ombudgetering från 2024", Amount::tkr(-100));
/// assert_eq!(b.changes_total()?, Amount::tkr(-500));
/// assert_eq!(b.total()?, Amount::tkr(-12_500));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "budget")]
#[doc(alias = "anslag")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Budget {
    /// The original budget (ursprunglig budget) as fullmäktige adopted it.
    pub original: Amount,
    /// Anslagsförändringar during the year, each named.
    #[cfg_attr(feature = "serde", serde(default))]
    pub changes: Vec<BudgetChange>,
}

impl Budget {
    /// A budget without changes.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget};
    /// assert_eq!(Budget::new(Amount::tkr(-12_000)).original, Amount::tkr(-12_000));
    /// ```
    #[must_use]
    pub fn new(original: Amount) -> Self {
        Budget {
            original,
            changes: Vec::new(),
        }
    }

    /// The same budget with one more named anslagsförändring.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget};
    /// let b = Budget::new(Amount::tkr(-12_000)).with_change("Ombudgetering från 2024", Amount::tkr(-100));
    /// assert_eq!(b.total()?, Amount::tkr(-12_100));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_change(mut self, label: impl Into<String>, amount: Amount) -> Self {
        self.changes.push(BudgetChange {
            label: label.into(),
            amount,
            decision: None,
        });
        self
    }

    /// The sum of the anslagsförändringar.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn changes_total(&self) -> Result<Amount> {
        Amount::checked_sum(self.changes.iter().map(|c| c.amount))
    }

    /// The budget in force: original budget + anslagsförändringar.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn total(&self) -> Result<Amount> {
        self.original.checked_add(self.changes_total()?)
    }
}

/// What the outcome (utfall) of a follow-up statement covers, which decides what the
/// outcome is compared with.
///
/// ```
/// use kommunal_redovisning::statement::OutcomeBasis;
/// assert_eq!(OutcomeBasis::default(), OutcomeBasis::FullYear);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "utfall")]
pub enum OutcomeBasis {
    /// The whole räkenskapsår (årsredovisning): the outcome is compared with the
    /// annual budget.
    #[default]
    FullYear,
    /// A delårsperiod (delårsrapport): the outcome is compared with the budget for the
    /// period (periodiserad budget) when one is given, and otherwise not at all; the
    /// helårsprognos is compared with the annual budget.
    Interim,
}

/// A resultaträkning with budget and forecast columns (resultaträkning med budget,
/// prognos och avvikelse), as in Hallsberg 2019 (Utfall, Utfall föregående år, Budget,
/// Avvikelse) or Grästorp 2019 (Budget 2019 beside 2019).
///
/// Each column is a full [`IncomeStatement`]; rows are matched by the ids of
/// [`IncomeStatement::rows`]. Deviations are derived per row: `utfall − budget` and
/// `prognos − budget` — positive is better on every row, since costs are negative.
///
/// ```
/// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, IncomeStatementFollowUp};
/// use kommunal_redovisning::statement::StatementLayout;
///
/// let outcome = IncomeStatement { operating_revenue: Amount::tkr(110), operating_expenses: Amount::tkr(-95), ..Default::default() };
/// let budget = IncomeStatement { operating_revenue: Amount::tkr(100), operating_expenses: Amount::tkr(-100), ..Default::default() };
/// let f = IncomeStatementFollowUp::new(outcome).with_budget(budget);
/// let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
/// let t = f.rows(&layout)?;
/// assert_eq!(t.value("verksamhetens_kostnader", "avvikelse_utfall"), Some(Amount::tkr(5)));
/// assert_eq!(t.value("arets_resultat", "avvikelse_utfall"), Some(Amount::tkr(15)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "resultaträkning med budget")]
#[doc(alias = "budgetavvikelse")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct IncomeStatementFollowUp {
    /// Utfall for the year (or the period).
    pub outcome: IncomeStatement,
    /// Utfall föregående år (or the same period last year), for comparison.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub previous: Option<IncomeStatement>,
    /// Budget (the annual budget in force, after anslagsförändringar).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub budget: Option<IncomeStatement>,
    /// Helårsprognos.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub forecast: Option<IncomeStatement>,
    /// Whether the outcome covers the year or a delårsperiod: in a delårsrapport the
    /// outcome is not compared with the annual budget.
    #[cfg_attr(feature = "serde", serde(default))]
    pub outcome_basis: OutcomeBasis,
}

impl IncomeStatementFollowUp {
    /// StatementColumn ids, in the order they are shown.
    pub const COLUMN_IDS: [&'static str; 6] = [
        "utfall",
        "utfall_foregaende_ar",
        "budget",
        "avvikelse_utfall",
        "prognos",
        "avvikelse_prognos",
    ];

    /// Only the outcome column.
    ///
    /// ```
    /// use kommunal_redovisning::{IncomeStatement, IncomeStatementFollowUp};
    /// let f = IncomeStatementFollowUp::new(IncomeStatement::default());
    /// assert!(f.budget.is_none() && f.forecast.is_none());
    /// ```
    #[must_use]
    pub fn new(outcome: IncomeStatement) -> Self {
        IncomeStatementFollowUp {
            outcome,
            ..Default::default()
        }
    }

    /// With a budget column.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, IncomeStatement, IncomeStatementFollowUp};
    /// let budget = IncomeStatement { tax_revenue: Amount::tkr(257_000), ..Default::default() };
    /// let f = IncomeStatementFollowUp::new(IncomeStatement::default()).with_budget(budget.clone());
    /// assert_eq!(f.budget, Some(budget));
    /// ```
    #[must_use]
    pub fn with_budget(mut self, budget: IncomeStatement) -> Self {
        self.budget = Some(budget);
        self
    }

    /// With a helårsprognos column.
    ///
    /// ```
    /// use kommunal_redovisning::{IncomeStatement, IncomeStatementFollowUp};
    /// let f = IncomeStatementFollowUp::new(IncomeStatement::default()).with_forecast(IncomeStatement::default());
    /// assert!(f.forecast.is_some());
    /// ```
    #[must_use]
    pub fn with_forecast(mut self, forecast: IncomeStatement) -> Self {
        self.forecast = Some(forecast);
        self
    }

    /// With the previous year's outcome.
    ///
    /// ```
    /// use kommunal_redovisning::{IncomeStatement, IncomeStatementFollowUp};
    /// let f = IncomeStatementFollowUp::new(IncomeStatement::default()).with_previous(IncomeStatement::default());
    /// assert!(f.previous.is_some());
    /// ```
    #[must_use]
    pub fn with_previous(mut self, previous: IncomeStatement) -> Self {
        self.previous = Some(previous);
        self
    }

    /// The default heading of a column, with the year where the practice prints one.
    fn column_label(id: &str, year: i32) -> String {
        match id {
            "utfall" => format!("Utfall {year}"),
            "utfall_foregaende_ar" => format!("Utfall {}", year.saturating_sub(1)),
            "budget" => format!("Budget {year}"),
            "avvikelse_utfall" => "Avvikelse utfall mot budget".into(),
            "prognos" => format!("Prognos {year}"),
            "avvikelse_prognos" => "Avvikelse prognos mot budget".into(),
            other => other.to_owned(),
        }
    }

    /// The rows with one column each for utfall, utfall föregående år, budget,
    /// avvikelse utfall mot budget, helårsprognos and avvikelse prognos mot budget —
    /// only those that can be filled. StatementColumn headings can be overridden through
    /// `layout.labels` by column id (see [`IncomeStatementFollowUp::COLUMN_IDS`]).
    ///
    /// Rows present in only some columns (e.g. a "varav" row of the outcome) are kept,
    /// with empty cells elsewhere.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn rows(&self, layout: &StatementLayout) -> Result<ColumnRows> {
        let outcome = self.outcome.rows(layout)?;
        let previous = self.previous.as_ref().map(|s| s.rows(layout)).transpose()?;
        let budget = self.budget.as_ref().map(|s| s.rows(layout)).transpose()?;
        let forecast = self.forecast.as_ref().map(|s| s.rows(layout)).transpose()?;

        let mut skeleton = outcome.clone();
        for other in [&previous, &budget, &forecast].into_iter().flatten() {
            merge_rows(&mut skeleton, other);
        }

        let show_outcome_deviation =
            budget.is_some() && self.outcome_basis == OutcomeBasis::FullYear;
        let shown: Vec<&'static str> = Self::COLUMN_IDS
            .into_iter()
            .filter(|id| match *id {
                "utfall" => true,
                "utfall_foregaende_ar" => previous.is_some(),
                "budget" => budget.is_some(),
                "avvikelse_utfall" => show_outcome_deviation,
                "prognos" => forecast.is_some(),
                "avvikelse_prognos" => forecast.is_some() && budget.is_some(),
                _ => false,
            })
            .collect();
        let year = layout.year.year();
        let columns = shown
            .iter()
            .map(|id| StatementColumn {
                id: (*id).to_owned(),
                label: layout
                    .labels
                    .get(id, &Self::column_label(id, year))
                    .to_owned(),
            })
            .collect();

        let lookup = |rows: &Option<Vec<StatementRow>>, id: &str| -> Option<Amount> {
            rows.as_ref()?.iter().find(|r| r.id == id)?.amount
        };
        let mut out = Vec::with_capacity(skeleton.len());
        for row in skeleton {
            let u = outcome
                .iter()
                .find(|r| r.id == row.id)
                .and_then(|r| r.amount);
            let p = lookup(&previous, &row.id);
            let b = lookup(&budget, &row.id);
            let f = lookup(&forecast, &row.id);
            let mut values = Vec::with_capacity(shown.len());
            for id in &shown {
                values.push(match *id {
                    "utfall" => u,
                    "utfall_foregaende_ar" => p,
                    "budget" => b,
                    "avvikelse_utfall" => sub_both(u, b)?,
                    "prognos" => f,
                    "avvikelse_prognos" => sub_both(f, b)?,
                    _ => None,
                });
            }
            out.push(ColumnRow {
                id: row.id,
                label: row.label,
                kind: row.kind,
                depth: row.depth,
                values,
                note: row.note,
            });
        }
        Ok(ColumnRows { columns, rows: out })
    }
}

impl IncomeStatementFollowUp {
    /// The resultaträkning with its budget and forecast columns as a [`Table`] (built
    /// with [`Table::income_statement`], so its sums foot when rounded): utfall,
    /// utfall föregående år, budget and prognos as given, then avvikelse utfall mot
    /// budget (full year only) and avvikelse prognos mot budget appended with
    /// [`Table::push_deviation`]. Headings as in [`IncomeStatementFollowUp::rows`].
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`] from the table (e.g.
    /// tax lines in a kommunalförbund's statement).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, IncomeStatementFollowUp, Scale};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// let f = IncomeStatementFollowUp::new(IncomeStatement { operating_revenue: Amount::tkr(110), ..Default::default() })
    ///     .with_budget(IncomeStatement { operating_revenue: Amount::tkr(100), ..Default::default() });
    /// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    /// let t = f.to_table("Resultaträkning", Scale::Tkr, &layout)?;
    /// assert_eq!(t.columns[2].label, "Avvikelse utfall mot budget");
    /// assert_eq!(t.row("arets_resultat").and_then(|r| r.cell(2)), Some(Amount::tkr(10)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn to_table(
        &self,
        caption: impl Into<String>,
        unit: Scale,
        layout: &StatementLayout,
    ) -> Result<Table> {
        let year = layout.year.year();
        let label = |id: &str| {
            layout
                .labels
                .get(id, &Self::column_label(id, year))
                .to_owned()
        };
        let mut columns = vec![(Column::outcome(label("utfall")), &self.outcome)];
        if let Some(p) = &self.previous {
            columns.push((Column::prior_period(label("utfall_foregaende_ar")), p));
        }
        let budget_at = self.budget.as_ref().map(|b| {
            columns.push((Column::budget(label("budget")), b));
            columns.len().saturating_sub(1)
        });
        let forecast_at = self.forecast.as_ref().map(|f| {
            columns.push((Column::forecast(label("prognos")), f));
            columns.len().saturating_sub(1)
        });
        let mut table = Table::income_statement(caption, unit, layout, &columns)?;
        if let Some(b) = budget_at {
            if self.outcome_basis == OutcomeBasis::FullYear {
                table.push_deviation(label("avvikelse_utfall"), 0, b)?;
            }
            if let Some(f) = forecast_at {
                table.push_deviation(label("avvikelse_prognos"), f, b)?;
            }
        }
        Ok(table)
    }
}

/// Adds the rows of `other` that `into` lacks, each right after the row that precedes
/// it in `other` (or first).
fn merge_rows(into: &mut Vec<StatementRow>, other: &[StatementRow]) {
    let mut known: BTreeSet<String> = into.iter().map(|r| r.id.clone()).collect();
    let mut previous_id: Option<String> = None;
    for row in other {
        if !known.contains(&row.id) {
            let at = previous_id
                .as_ref()
                .and_then(|p| into.iter().position(|r| &r.id == p))
                .map_or(0, |i| i.saturating_add(1));
            into.insert(at.min(into.len()), row.clone());
            known.insert(row.id.clone());
        }
        previous_id = Some(row.id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::{Detail, IncomeLine};
    use crate::{EntityKind, FinancialYear};

    /// Grästorps kommun 2019 (tkr), utfall and budget (finansiellinfo.se/Grastorp_2019/Resultatrakning.html).
    fn grastorp_2019() -> (IncomeStatement, IncomeStatement) {
        let outcome = IncomeStatement {
            operating_revenue: Amount::tkr(101_282),
            operating_expenses: Amount::tkr(-417_698),
            depreciation: Amount::tkr(-14_879),
            tax_revenue: Amount::tkr(257_770),
            general_grants: Amount::tkr(86_552),
            financial_income: Amount::tkr(794),
            financial_expenses: Amount::tkr(-1_778),
            ..Default::default()
        };
        let budget = IncomeStatement {
            operating_revenue: Amount::tkr(102_946),
            operating_expenses: Amount::tkr(-423_231),
            depreciation: Amount::tkr(-14_991),
            tax_revenue: Amount::tkr(257_951),
            general_grants: Amount::tkr(84_473),
            financial_income: Amount::tkr(812),
            financial_expenses: Amount::tkr(-1_111),
            ..Default::default()
        };
        (outcome, budget)
    }

    #[test]
    fn budget_total_is_original_plus_changes() {
        let b = Budget::new(Amount::tkr(100)).with_change("Tillägg", Amount::tkr(-30));
        assert_eq!(b.total().unwrap(), Amount::tkr(70));
        assert_eq!(Budget::default().total().unwrap(), Amount::ZERO);
        let huge = Budget::new(Amount::MAX).with_change("x", Amount::tkr(1));
        assert!(huge.total().is_err());
    }

    #[test]
    fn grastorp_2019_budget_deviation() {
        let (outcome, budget) = grastorp_2019();
        let f = IncomeStatementFollowUp::new(outcome).with_budget(budget);
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
        let t = f.rows(&layout).unwrap();
        let ids: Vec<_> = t.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["utfall", "budget", "avvikelse_utfall"]);
        assert_eq!(t.columns[1].label, "Budget 2019");
        // Printed budget subtotals: VNK −335 276, VR 7 148, ÅR 6 849.
        assert_eq!(
            t.value("verksamhetens_nettokostnader", "budget"),
            Some(Amount::tkr(-335_276))
        );
        assert_eq!(
            t.value("verksamhetens_resultat", "budget"),
            Some(Amount::tkr(7_148))
        );
        assert_eq!(
            t.value("arets_resultat", "budget"),
            Some(Amount::tkr(6_849))
        );
        // Deviations: −331 295 − (−335 276) = 3 981 (lower net cost: better);
        // costs −417 698 − (−423 231) = 5 533; result 12 043 − 6 849 = 5 194.
        assert_eq!(
            t.value("verksamhetens_nettokostnader", "avvikelse_utfall"),
            Some(Amount::tkr(3_981))
        );
        assert_eq!(
            t.value("verksamhetens_kostnader", "avvikelse_utfall"),
            Some(Amount::tkr(5_533))
        );
        assert_eq!(
            t.value("finansiella_kostnader", "avvikelse_utfall"),
            Some(Amount::tkr(-667))
        );
        assert_eq!(
            t.value("arets_resultat", "avvikelse_utfall"),
            Some(Amount::tkr(5_194))
        );
    }

    #[test]
    fn interim_outcome_is_not_compared_with_the_annual_budget() {
        let (outcome, budget) = grastorp_2019();
        let mut f = IncomeStatementFollowUp::new(outcome.clone())
            .with_budget(budget)
            .with_forecast(outcome)
            .with_previous(IncomeStatement::default());
        f.outcome_basis = OutcomeBasis::Interim;
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019));
        let t = f.rows(&layout).unwrap();
        let ids: Vec<_> = t.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "utfall",
                "utfall_foregaende_ar",
                "budget",
                "prognos",
                "avvikelse_prognos"
            ]
        );
        assert_eq!(t.columns[1].label, "Utfall 2018");
        assert_eq!(
            t.value("arets_resultat", "avvikelse_prognos"),
            Some(Amount::tkr(5_194))
        );
    }

    #[test]
    fn detail_rows_of_one_column_are_kept_in_place() {
        let mut outcome = IncomeStatement::default();
        outcome.details.push(Detail::of_which(
            IncomeLine::OperatingExpenses,
            "varav jämförelsestörande poster",
            Amount::tkr(-5),
        ));
        let mut budget = IncomeStatement::default();
        budget.details.push(Detail::of_which(
            IncomeLine::OperatingRevenue,
            "varav statsbidrag",
            Amount::tkr(7),
        ));
        let f = IncomeStatementFollowUp::new(outcome).with_budget(budget);
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let t = f.rows(&layout).unwrap();
        assert_eq!(t.rows[1].id, "verksamhetens_intakter/varav statsbidrag");
        assert_eq!(t.rows[1].values, [None, Some(Amount::tkr(7)), None]);
        assert_eq!(
            t.rows[3].id,
            "verksamhetens_kostnader/varav jämförelsestörande poster"
        );
        assert_eq!(t.rows[3].values, [Some(Amount::tkr(-5)), None, None]);
    }
}
