//! Driftredovisning from the ledger: result accounts grouped by the objects of one
//! dimension (e.g. dimension 1, ansvar).

use std::collections::BTreeMap;

use super::chart::{Chart, Target};
use super::trial_balance::TrialBalance;
use crate::error::Result;
use crate::money::Amount;
use crate::sie::FastHashMap;
use crate::statement::{
    Budget, IncomeFigure, IncomeLine, IncomeSum, OperatingReconciliation, OperatingStatement,
    OperatingUnit, ReconciledFigure, UnitFigures,
};

/// A driftredovisning built from a ledger, and how it reconciles to the
/// resultaträkning built from the same ledger.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{Chart, LedgerOperating, LedgerStatements, SieLedger};
/// use kommunal_redovisning::sie::ReadOptions;
///
/// // Påhittad fil: an avgift to ansvar 100 Kansli, a salary to 200 Skola.
/// let file = "#SIETYP 4\n#RAR 0 20250101 20251231\n#OBJEKT 1 \"100\" \"Kansli\"\n#OBJEKT 1 \"200\" \"Skola\"\n\
///     #VER A 1 20250115 \"Avgift\"\n{\n#TRANS 1930 {} 250\n#TRANS 3110 {1 \"100\"} -250\n}\n\
///     #VER A 2 20250125 \"Lön\"\n{\n#TRANS 1930 {} -900\n#TRANS 5010 {1 \"200\"} 900\n}\n";
/// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
/// let (tb, chart) = (&ledger.trial_balance, Chart::kommun_bas());
/// let drift = LedgerOperating::build(tb, &chart, 1, &ledger.object_names)?;
/// let kansli = drift.statement.unit_totals("100 Kansli")?.ok_or("100 Kansli")?;
/// assert_eq!(kansli.net()?, Some(Amount::kr(250)));
/// // Every kronor is in a unit (none unallocated): it reconciles to the resultaträkning.
/// let rs = LedgerStatements::build(tb, &chart, 0)?.income;
/// assert_eq!(drift.statement.reconcile(&rs, &drift.reconciliation)?.target, Amount::kr(-650));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "driftredovisning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LedgerOperating {
    /// One unit per object of the dimension, with outcome and (from #PBUDGET) budget.
    pub statement: OperatingStatement,
    /// Net of the result accounts not posted to any object of the dimension, signed as
    /// published.
    pub unallocated: Amount,
    /// Net of the internal items (interna poster) inside the units, signed as
    /// published; eliminated against the resultaträkning.
    pub internal: Amount,
    /// Driftredovisningen's net + items = årets resultat.
    pub reconciliation: OperatingReconciliation,
}

fn is_revenue(line: IncomeLine) -> bool {
    matches!(
        line,
        IncomeLine::OperatingRevenue
            | IncomeLine::TaxRevenue
            | IncomeLine::GeneralGrants
            | IncomeLine::FinancialIncome
    )
}

/// A line of the resultaträkning, and whether the account is an internal item on it.
type ResultLine = (IncomeLine, bool);

/// The line of the resultaträkning that `account` is published on by `chart`, and
/// whether it is an internal item; `None` for an account that is not a result account.
fn result_line(chart: &Chart, account: &str) -> Option<ResultLine> {
    match chart.target(account)? {
        Target::Income(l) => Some((*l, false)),
        Target::Internal(l) => Some((*l, true)),
        _ => None,
    }
}

#[derive(Default)]
struct Acc {
    revenue: Amount,
    expenses: Amount,
    budget: Amount,
}

impl LedgerOperating {
    /// Groups the result accounts of the current year by the objects of `dimension`.
    ///
    /// Each object becomes a unit named "id name" (`names` from #OBJEKT). Revenue lines
    /// (verksamhetens intäkter, skatteintäkter, generella statsbidrag, finansiella
    /// intäkter) count as intäkter, the rest as kostnader, internal items included —
    /// they are kept in the driftredovisning and eliminated against the
    /// resultaträkning. The budget of a unit is its #PBUDGET for the year, signed as
    /// published. Accounts excluded by the chart or unmapped are left out here; they
    /// are reported by [`super::LedgerStatements`].
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`]; [`crate::Error::InvalidRule`] for duplicate unit names.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::ledger::{Chart, LedgerOperating, SieLedger};
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// // Påhittad fil: 250 kr to ansvar 100 Kansli, 100 kr posted to no ansvar.
    /// let file = "#SIETYP 4\n#RAR 0 20250101 20251231\n#OBJEKT 1 \"100\" \"Kansli\"\n\
    ///     #VER A 1 20250115 \"Avgifter\"\n{\n#TRANS 1930 {} 350\n#TRANS 3110 {1 \"100\"} -250\n#TRANS 3110 {} -100\n}\n";
    /// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
    /// let drift = LedgerOperating::build(&ledger.trial_balance, &Chart::kommun_bas(), 1, &ledger.object_names)?;
    /// let kansli = drift.statement.unit_totals("100 Kansli")?.ok_or("100 Kansli")?;
    /// assert_eq!(kansli.net()?, Some(Amount::kr(250)));
    /// // What no unit holds is kept, not dropped: the reconciliation names it.
    /// assert_eq!(drift.unallocated, Amount::kr(100));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(
        tb: &TrialBalance,
        chart: &Chart,
        dimension: u32,
        names: &BTreeMap<(u32, String), String>,
    ) -> Result<Self> {
        let published = |account: &str, amount: Amount| -> Option<(IncomeLine, bool, Amount)> {
            let (line, internal) = result_line(chart, account)?;
            Some((line, internal, -amount))
        };
        let mut units: BTreeMap<&str, Acc> = BTreeMap::new();
        let mut internal = Amount::ZERO;
        // Per account: its line in the resultaträkning (whether internal), looked up in
        // the chart once, and what the objects of the dimension hold of it (as booked).
        let mut allocated: FastHashMap<&str, (Option<ResultLine>, Amount)> = FastHashMap::default();
        // The rows of one object come together: summed apart, and kept in `units` when
        // the next object's rows begin (an object without a result account has no unit).
        let mut unit: Option<(&str, Acc)> = None;
        for (object, account, y) in tb.object_accounts(0, dimension) {
            let change = y.change()?;
            let (kind, on_objects) = allocated
                .entry(account)
                .or_insert_with(|| (result_line(chart, account), Amount::ZERO));
            let Some((line, is_internal)) = *kind else {
                continue;
            };
            *on_objects = on_objects.checked_add(change)?;
            let value = -change;
            if let Some((o, acc)) = unit.take_if(|(o, _)| *o != object) {
                units.insert(o, acc);
            }
            let (_, acc) = unit.get_or_insert_with(|| (object, Acc::default()));
            if is_revenue(line) {
                acc.revenue = acc.revenue.checked_add(value)?;
            } else {
                acc.expenses = acc.expenses.checked_add(value)?;
            }
            if is_internal {
                internal = internal.checked_add(value)?;
            }
        }
        if let Some((o, acc)) = unit {
            units.insert(o, acc);
        }
        for (object, account, budget) in tb.object_budgets(dimension) {
            if let Some((_, _, value)) = published(account, budget) {
                let acc = units.entry(object).or_default();
                acc.budget = acc.budget.checked_add(value)?;
            }
        }
        // Result accounts (by the chart) not allocated to an object of the dimension.
        let mut unallocated = Amount::ZERO;
        for (account, y) in tb.accounts(0) {
            let Some((_, is_internal, total)) = published(account, y.change()?) else {
                continue;
            };
            let on_objects = -allocated.get(account).map_or(Amount::ZERO, |(_, a)| *a);
            let rest = total.checked_sub(on_objects)?;
            unallocated = unallocated.checked_add(rest)?;
            if is_internal {
                internal = internal.checked_add(rest)?;
            }
        }
        let leaves = units
            .into_iter()
            .map(|(object, acc)| {
                let name = match names.get(&(dimension, object.to_owned())) {
                    Some(n) => format!("{object} {n}"),
                    None => object.to_owned(),
                };
                let figures = UnitFigures::new(Budget::new(acc.budget))
                    .with_outcome(acc.revenue, acc.expenses);
                OperatingUnit::leaf(name, figures)
            })
            .collect();
        let statement = OperatingStatement::new(leaves)?;
        let mut reconciliation = OperatingReconciliation::new(
            ReconciledFigure::Net,
            IncomeFigure::Sum(IncomeSum::ResultForTheYear),
        );
        if !unallocated.is_zero() {
            reconciliation =
                reconciliation.with_item("Ej fördelat på objekt i dimensionen", unallocated);
        }
        if !internal.is_zero() {
            reconciliation = reconciliation.with_item("Interna poster som elimineras", -internal);
        }
        Ok(LedgerOperating {
            statement,
            unallocated,
            internal,
            reconciliation,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{LedgerStatements, ObjectRef};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        /// Påhittade rader: each object's unit holds the intäkter and kostnader of its
        /// rows on result accounts, summed row by row here; an object with rows on
        /// balance accounts only has no unit; what no object holds is unallocated.
        #[test]
        fn units_hold_the_result_rows_of_their_objects(
            rows in proptest::collection::vec((0usize..5, 0usize..7, -100_000i64..100_000), 0..60),
        ) {
            const ACCOUNTS: [&str; 7] = ["3010", "3110", "4010", "5010", "7010", "8010", "1930"];
            let chart = Chart::kommun_bas();
            let mut tb = TrialBalance::new();
            let mut expected: BTreeMap<String, (Amount, Amount)> = BTreeMap::new();
            let mut unallocated = Amount::ZERO;
            for &(object, account, ore) in &rows {
                let account = ACCOUNTS[account];
                let amount = Amount::new(Decimal::new(ore, 2)).unwrap();
                let objects: Vec<ObjectRef> = (object < 4)
                    .then(|| ObjectRef { dimension: 1, object: format!("{}", 100 + object) })
                    .into_iter()
                    .collect();
                tb.add_transaction(account, &objects, amount).unwrap();
                let Some((line, _)) = result_line(&chart, account) else {
                    continue;
                };
                let Some(o) = objects.first() else {
                    unallocated = unallocated.checked_add(-amount).unwrap();
                    continue;
                };
                let unit = expected.entry(o.object.to_string()).or_default();
                if is_revenue(line) {
                    unit.0 = unit.0.checked_add(-amount).unwrap();
                } else {
                    unit.1 = unit.1.checked_add(-amount).unwrap();
                }
            }
            let drift = LedgerOperating::build(&tb, &chart, 1, &BTreeMap::new()).unwrap();
            prop_assert_eq!(drift.statement.units.len(), expected.len());
            for (object, (revenue, expenses)) in &expected {
                let totals = drift.statement.unit_totals(object).unwrap().unwrap();
                let outcome = totals.outcome.unwrap();
                prop_assert_eq!((outcome.revenue, outcome.expenses), (*revenue, *expenses));
            }
            prop_assert_eq!(drift.unallocated, unallocated);
        }
    }

    #[test]
    fn units_budget_and_reconciliation() {
        let mut tb = TrialBalance::new();
        let o = |id: &str| ObjectRef {
            dimension: 1,
            object: id.into(),
        };
        tb.add_transaction("5010", &[o("200")], Amount::kr(800))
            .unwrap();
        tb.add_transaction("3110", &[o("200")], Amount::kr(-100))
            .unwrap();
        tb.add_transaction("8010", &[o("900")], Amount::kr(-1_000))
            .unwrap();
        tb.add_transaction("8510", &[], Amount::kr(50)).unwrap();
        tb.add_transaction("1930", &[], Amount::kr(250)).unwrap();
        tb.add_period_budget(202501, "5010", Some(&o("200")), Amount::kr(750))
            .unwrap();
        let chart = Chart::kommun_bas();
        let names = BTreeMap::from([((1, "200".to_owned()), "BUN".to_owned())]);
        let drift = LedgerOperating::build(&tb, &chart, 1, &names).unwrap();
        let total = drift.statement.total().unwrap();
        assert_eq!(total.outcome.unwrap().revenue, Amount::kr(1_100));
        assert_eq!(total.outcome.unwrap().expenses, Amount::kr(-800));
        assert_eq!(drift.unallocated, Amount::kr(-50));
        let bun = drift.statement.unit_totals("200 BUN").unwrap().unwrap();
        assert_eq!(bun.budget().unwrap(), Amount::kr(-750));
        let rs = LedgerStatements::build(&tb, &chart, 0).unwrap();
        let done = drift
            .statement
            .reconcile(&rs.income, &drift.reconciliation)
            .unwrap();
        assert_eq!(done.target, Amount::kr(250));
    }
}
