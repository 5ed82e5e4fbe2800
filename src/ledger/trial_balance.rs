//! Saldobalans: balances per account, per object and per month.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::sie::AccountMap;

pub use crate::sie::ObjectRef;

/// The balances of one account (or one account under one object) in one year.
///
/// Signs as in the ledger: debit positive, credit negative.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::AccountYear;
///
/// // Påhittade belopp: no stated #UB, so the end is #IB + movement.
/// let y = AccountYear { opening: Some(Amount::kr(1_000)), movement: Amount::kr(250), rows: 2, ..Default::default() };
/// assert_eq!(y.end_balance()?, Amount::kr(1_250));
/// assert_eq!(y.change()?, Amount::kr(250));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "kontosaldo")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AccountYear {
    /// Ingående balans (#IB / #OIB), as the file states it.
    pub opening: Option<Amount>,
    /// Utgående balans (#UB / #OUB), as the file states it.
    pub closing: Option<Amount>,
    /// Saldo för resultatkonto (#RES), as the file states it.
    pub result: Option<Amount>,
    /// Sum of the verifikationer's rows (#TRANS) posted to the account.
    pub movement: Amount,
    /// Number of rows summed into `movement`.
    pub rows: u64,
}

impl AccountYear {
    /// The balance at the end of the year: the stated #UB (or #RES for a result
    /// account) when there is one, else opening + movement.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn end_balance(&self) -> Result<Amount> {
        if let Some(c) = self.closing.or(self.result) {
            return Ok(c);
        }
        self.opening.unwrap_or_default().checked_add(self.movement)
    }

    /// The change over the year: movement from vouchers when there are any, else
    /// stated closing − stated opening (or #RES).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn change(&self) -> Result<Amount> {
        if self.rows > 0 {
            return Ok(self.movement);
        }
        match (self.result, self.closing) {
            (Some(r), _) => Ok(r),
            (None, Some(c)) => c.checked_sub(self.opening.unwrap_or_default()),
            (None, None) => Ok(Amount::ZERO),
        }
    }
}

/// What kind of stated balance a figure is.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{BalanceKind, TrialBalance};
///
/// // Påhittat belopp: #RES for a result account.
/// let mut tb = TrialBalance::new();
/// tb.add_balance(0, "3110", None, BalanceKind::Result, Amount::kr(-300))?;
/// assert_eq!(tb.account(0, "3110").map(|y| y.result), Some(Some(Amount::kr(-300))));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "ingående balans")]
pub enum BalanceKind {
    /// Ingående balans (#IB, #OIB).
    Opening,
    /// Utgående balans (#UB, #OUB).
    Closing,
    /// Resultat (#RES).
    Result,
}

/// A disagreement between the balances a file states and the vouchers it contains.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{BalanceKind, TrialBalance};
///
/// // Påhittade belopp: #UB 1 500 but #IB 1 000 + vouchers 400 = 1 400.
/// let mut tb = TrialBalance::new();
/// tb.add_balance(0, "1930", None, BalanceKind::Opening, Amount::kr(1_000))?;
/// tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::kr(1_500))?;
/// tb.add_transaction("1930", &[], Amount::kr(400))?;
/// let d = tb.reconcile()?;
/// assert_eq!((d[0].stated, d[0].from_vouchers, d[0].difference), (Amount::kr(1_500), Amount::kr(1_400), Amount::kr(100)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "avstämningsdifferens")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Disagreement {
    /// The account.
    pub account: String,
    /// The object, for object balances.
    pub object: Option<ObjectRef>,
    /// What the file states (#UB, or #RES for a result account).
    pub stated: Amount,
    /// Opening + Σ #TRANS (or Σ #TRANS for a result account).
    pub from_vouchers: Amount,
    /// `stated − from_vouchers`.
    pub difference: Amount,
}

/// Object → account → balances, within one dimension and year.
type ObjectAccounts = BTreeMap<String, AccountMap<AccountYear>>;

/// Saldobalans (trial balance): per account and year index (0 = this year, −1 = the
/// year before, as in SIE #RAR), per object of each dimension, and per month where the
/// ledger has period balances and budgets.
///
/// Memory grows with accounts × objects, never with the number of vouchers: rows are
/// summed as they arrive.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{BalanceKind, ObjectRef, TrialBalance};
///
/// let mut tb = TrialBalance::new();
/// tb.add_balance(0, "1930", None, BalanceKind::Opening, Amount::kr(1_000))?;
/// tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::kr(1_500))?;
/// let ansvar = [ObjectRef { dimension: 1, object: "110".into() }];
/// tb.add_transaction("1930", &[], Amount::kr(500))?;
/// tb.add_transaction("4010", &ansvar, Amount::kr(-500))?;
/// assert!(tb.reconcile()?.is_empty());
/// assert_eq!(tb.account(0, "1930").ok_or("1930")?.end_balance()?, Amount::kr(1_500));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "saldobalans")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TrialBalance {
    /// Year index → account → balances.
    accounts: BTreeMap<i32, BTreeMap<String, AccountYear>>,
    /// Year index → dimension → object → account → balances.
    objects: BTreeMap<i32, BTreeMap<u32, ObjectAccounts>>,
    /// Month (YYYYMM) → account → saldo for the month (#PSALDO without objects), year 0 and earlier.
    periods: BTreeMap<u32, BTreeMap<String, Amount>>,
    /// Month (YYYYMM) → account → budget for the month (#PBUDGET without objects).
    period_budgets: BTreeMap<u32, BTreeMap<String, Amount>>,
    /// Dimension → object → account → budget for the year (sum of #PBUDGET with that object).
    object_budgets: BTreeMap<u32, BTreeMap<String, BTreeMap<String, Amount>>>,
}

/// The value under `key`, inserted as default when missing. Allocates the key only
/// when it is new (`entry` would allocate on every call, and this runs per voucher row).
fn slot<'a, V: Default>(map: &'a mut BTreeMap<String, V>, key: &str) -> Result<&'a mut V> {
    if !map.contains_key(key) {
        map.insert(key.to_owned(), V::default());
    }
    map.get_mut(key).ok_or_else(|| lost(key))
}

/// [`slot`] in one object's accounts.
fn account_slot<'a>(
    accounts: &'a mut AccountMap<AccountYear>,
    key: &str,
) -> Result<&'a mut AccountYear> {
    accounts.slot(key).ok_or_else(|| lost(key))
}

/// A key just inserted that a lookup does not find: cannot happen.
fn lost(key: &str) -> Error {
    Error::InvalidRule(format!("internt fel: nyckeln {key:?} försvann"))
}

impl TrialBalance {
    /// An empty trial balance.
    ///
    /// ```
    /// use kommunal_redovisning::ledger::TrialBalance;
    ///
    /// let tb = TrialBalance::new();
    /// assert!(tb.years().is_empty());
    /// assert!(!tb.has_vouchers());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        TrialBalance::default()
    }

    fn account_year(&mut self, year: i32, account: &str) -> Result<&mut AccountYear> {
        slot(self.accounts.entry(year).or_default(), account)
    }

    fn object_year(
        &mut self,
        year: i32,
        object: &ObjectRef,
        account: &str,
    ) -> Result<&mut AccountYear> {
        let objects = self
            .objects
            .entry(year)
            .or_default()
            .entry(object.dimension)
            .or_default();
        account_slot(slot(objects, &object.object)?, account)
    }

    /// Adds a stated balance (#IB, #UB, #RES; with `object`: #OIB, #OUB) for year
    /// index `year`. A second statement of the same balance is added to the first
    /// ([`crate::sie::Reader`] never yields one: it reports the repeat and keeps the
    /// first).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn add_balance(
        &mut self,
        year: i32,
        account: &str,
        object: Option<&ObjectRef>,
        kind: BalanceKind,
        amount: Amount,
    ) -> Result<()> {
        let entry = match object {
            Some(o) => self.object_year(year, o, account)?,
            None => self.account_year(year, account)?,
        };
        let field = match kind {
            BalanceKind::Opening => &mut entry.opening,
            BalanceKind::Closing => &mut entry.closing,
            BalanceKind::Result => &mut entry.result,
        };
        *field = Some(field.unwrap_or_default().checked_add(amount)?);
        Ok(())
    }

    /// Adds one voucher row (#TRANS) of the current year (year index 0) to the account
    /// and to each of its objects.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn add_transaction(
        &mut self,
        account: &str,
        objects: &[ObjectRef],
        amount: Amount,
    ) -> Result<()> {
        let a = self.account_year(0, account)?;
        a.movement = a.movement.checked_add(amount)?;
        a.rows += 1;
        for o in objects {
            let e = self.object_year(0, o, account)?;
            e.movement = e.movement.checked_add(amount)?;
            e.rows += 1;
        }
        Ok(())
    }

    /// Adds a movement already summed elsewhere: `amount` over `rows` voucher rows of
    /// the current year (year index 0), to the account or, with `object`, to the
    /// account under that object. [`TrialBalance::add_transaction`] is this for one row.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn add_movement(
        &mut self,
        account: &str,
        object: Option<&ObjectRef>,
        amount: Amount,
        rows: u64,
    ) -> Result<()> {
        let e = match object {
            Some(o) => self.object_year(0, o, account)?,
            None => self.account_year(0, account)?,
        };
        e.movement = e.movement.checked_add(amount)?;
        e.rows = e.rows.saturating_add(rows);
        Ok(())
    }

    /// Adds movements already summed elsewhere to the accounts under one object of the
    /// current year: `(account, amount, rows)` each, the object looked up once (the
    /// many objects of a large ledger make a lookup per account the costly part).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`], or the first error of `movements`.
    pub(crate) fn add_object_movements(
        &mut self,
        object: &ObjectRef,
        movements: impl IntoIterator<Item = Result<(impl AsRef<str>, Amount, u64)>>,
    ) -> Result<()> {
        let objects = self
            .objects
            .entry(0)
            .or_default()
            .entry(object.dimension)
            .or_default();
        let accounts = slot(objects, &object.object)?;
        let movements = movements.into_iter();
        accounts.reserve(movements.size_hint().0);
        for m in movements {
            let (account, amount, rows) = m?;
            let e = account_slot(accounts, account.as_ref())?;
            e.movement = e.movement.checked_add(amount)?;
            e.rows = e.rows.saturating_add(rows);
        }
        Ok(())
    }

    /// Adds a period balance (#PSALDO) for month `yyyymm`. Without objects it counts
    /// towards the account's monthly series; with objects it is kept per object as a
    /// movement only when the file has no vouchers (callers decide).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn add_period_balance(&mut self, yyyymm: u32, account: &str, amount: Amount) -> Result<()> {
        let m = slot(self.periods.entry(yyyymm).or_default(), account)?;
        *m = m.checked_add(amount)?;
        Ok(())
    }

    /// Adds a period budget (#PBUDGET) for month `yyyymm`; with an object it also counts
    /// towards that object's budget for the year.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn add_period_budget(
        &mut self,
        yyyymm: u32,
        account: &str,
        object: Option<&ObjectRef>,
        amount: Amount,
    ) -> Result<()> {
        match object {
            None => {
                let m = slot(self.period_budgets.entry(yyyymm).or_default(), account)?;
                *m = m.checked_add(amount)?;
            }
            Some(o) => {
                let objects = self.object_budgets.entry(o.dimension).or_default();
                let b = slot(slot(objects, &o.object)?, account)?;
                *b = b.checked_add(amount)?;
            }
        }
        Ok(())
    }

    /// The balances of `account` in year index `year`.
    #[must_use]
    pub fn account(&self, year: i32, account: &str) -> Option<&AccountYear> {
        self.accounts.get(&year)?.get(account)
    }

    /// Every account of year index `year`, in account order.
    pub fn accounts(&self, year: i32) -> impl Iterator<Item = (&str, &AccountYear)> {
        self.accounts
            .get(&year)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (k.as_str(), v)))
    }

    /// The year indexes present, newest first.
    #[must_use]
    pub fn years(&self) -> Vec<i32> {
        self.accounts.keys().rev().copied().collect()
    }

    /// Every (object, account) balance of `dimension` in year index `year`.
    pub fn object_accounts(
        &self,
        year: i32,
        dimension: u32,
    ) -> impl Iterator<Item = (&str, &str, &AccountYear)> {
        self.objects
            .get(&year)
            .and_then(|d| d.get(&dimension))
            .into_iter()
            .flat_map(|objs| {
                objs.iter()
                    .flat_map(|(o, accs)| accs.iter().map(move |(a, y)| (o.as_str(), a, y)))
            })
    }

    /// The dimensions that have object balances in year index `year`.
    #[must_use]
    pub fn dimensions(&self, year: i32) -> Vec<u32> {
        self.objects
            .get(&year)
            .map(|d| d.keys().copied().collect())
            .unwrap_or_default()
    }

    /// The budget for the year per (object, account) of `dimension` (#PBUDGET summed).
    pub fn object_budgets(&self, dimension: u32) -> impl Iterator<Item = (&str, &str, Amount)> {
        self.object_budgets
            .get(&dimension)
            .into_iter()
            .flat_map(|objs| {
                objs.iter().flat_map(|(o, accs)| {
                    accs.iter().map(move |(a, b)| (o.as_str(), a.as_str(), *b))
                })
            })
    }

    /// The budget for the year per account (#PBUDGET without objects, summed).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn account_budgets(&self) -> Result<BTreeMap<String, Amount>> {
        let mut out: BTreeMap<String, Amount> = BTreeMap::new();
        for months in self.period_budgets.values() {
            for (a, b) in months {
                let e = slot(&mut out, a)?;
                *e = e.checked_add(*b)?;
            }
        }
        Ok(out)
    }

    /// The monthly saldo series of `account` (#PSALDO), month by month.
    pub fn monthly(&self, account: &str) -> impl Iterator<Item = (u32, Amount)> + '_ {
        let account = account.to_owned();
        self.periods
            .iter()
            .filter_map(move |(m, accs)| accs.get(&account).map(|a| (*m, *a)))
    }

    /// `true` when any voucher row was added: only then can stated balances be
    /// reconciled against vouchers.
    #[must_use]
    pub fn has_vouchers(&self) -> bool {
        self.accounts
            .get(&0)
            .is_some_and(|m| m.values().any(|y| y.rows > 0))
    }

    /// Avstämning: compares stated balances with the vouchers, for every account (and
    /// object) of the current year that states a closing balance or a result:
    /// #IB + Σ #TRANS must equal #UB (a missing #IB or missing rows count as zero), and
    /// Σ #TRANS must equal #RES. Every disagreement is returned, also for accounts
    /// without a single voucher row. A ledger without any voucher rows (SIE types 1–3)
    /// has nothing to reconcile against: the result is empty, and
    /// [`TrialBalance::has_vouchers`] tells the two cases apart.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn reconcile(&self) -> Result<Vec<Disagreement>> {
        let mut out = Vec::new();
        if !self.has_vouchers() {
            return Ok(out);
        }
        let mut check = |account: &str, object: Option<ObjectRef>, y: &AccountYear| -> Result<()> {
            let (stated, from_vouchers) = match (y.closing, y.result) {
                (Some(ub), _) => (ub, y.opening.unwrap_or_default().checked_add(y.movement)?),
                (None, Some(res)) => (res, y.movement),
                (None, None) => return Ok(()),
            };
            if stated != from_vouchers {
                out.push(Disagreement {
                    account: account.to_owned(),
                    object,
                    stated,
                    from_vouchers,
                    difference: stated.checked_sub(from_vouchers)?,
                });
            }
            Ok(())
        };
        for (account, y) in self.accounts(0) {
            check(account, None, y)?;
        }
        if let Some(dims) = self.objects.get(&0) {
            for (dim, objs) in dims {
                for (o, accs) in objs {
                    for (a, y) in accs.iter() {
                        let object = ObjectRef {
                            dimension: *dim,
                            object: o.clone(),
                        };
                        check(a, Some(object), y)?;
                    }
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_balances_and_vouchers_disagree() {
        let mut tb = TrialBalance::new();
        tb.add_balance(0, "1930", None, BalanceKind::Opening, Amount::kr(100))
            .unwrap();
        tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::kr(180))
            .unwrap();
        tb.add_balance(0, "3010", None, BalanceKind::Result, Amount::kr(-90))
            .unwrap();
        tb.add_transaction("1930", &[], Amount::kr(90)).unwrap();
        tb.add_transaction("3010", &[], Amount::kr(-90)).unwrap();
        let d = tb.reconcile().unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].account, "1930");
        assert_eq!(d[0].difference, Amount::kr(-10));
    }

    /// Regression (issue 19): accounts without voucher rows were skipped, so a file
    /// whose #UB and #RES disagree with #IB + vouchers on many accounts got few findings.
    #[test]
    fn accounts_without_rows_are_reconciled_too() {
        let mut tb = TrialBalance::new();
        tb.add_transaction("1930", &[], Amount::kr(10)).unwrap();
        tb.add_transaction("3010", &[], Amount::kr(-10)).unwrap();
        tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::kr(10))
            .unwrap();
        tb.add_balance(0, "3010", None, BalanceKind::Result, Amount::kr(-10))
            .unwrap();
        // No rows, but stated: #IB 100 → #UB 150, #RES −40.
        tb.add_balance(0, "1510", None, BalanceKind::Opening, Amount::kr(100))
            .unwrap();
        tb.add_balance(0, "1510", None, BalanceKind::Closing, Amount::kr(150))
            .unwrap();
        tb.add_balance(0, "3020", None, BalanceKind::Result, Amount::kr(-40))
            .unwrap();
        tb.add_balance(0, "2440", None, BalanceKind::Closing, Amount::kr(-7))
            .unwrap();
        // An opening balance alone states nothing to compare.
        tb.add_balance(0, "1910", None, BalanceKind::Opening, Amount::kr(5))
            .unwrap();
        let d = tb.reconcile().unwrap();
        let accounts: Vec<&str> = d.iter().map(|d| d.account.as_str()).collect();
        assert_eq!(accounts, ["1510", "2440", "3020"]);
        assert_eq!(d[0].difference, Amount::kr(50));
        assert_eq!(d[1].from_vouchers, Amount::ZERO);
        assert_eq!(d[2].stated, Amount::kr(-40));
    }

    #[test]
    fn balances_without_vouchers_are_not_reconciled() {
        let mut tb = TrialBalance::new();
        tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::kr(180))
            .unwrap();
        assert!(tb.reconcile().unwrap().is_empty());
        assert!(!tb.has_vouchers());
        let y = tb.account(0, "1930").unwrap();
        assert_eq!(y.end_balance().unwrap(), Amount::kr(180));
        assert_eq!(y.change().unwrap(), Amount::kr(180));
    }

    #[test]
    fn objects_and_budgets() {
        let mut tb = TrialBalance::new();
        let ansvar = ObjectRef {
            dimension: 1,
            object: "110".into(),
        };
        tb.add_transaction("4010", std::slice::from_ref(&ansvar), Amount::kr(50))
            .unwrap();
        tb.add_transaction("4010", std::slice::from_ref(&ansvar), Amount::kr(25))
            .unwrap();
        tb.add_period_budget(202501, "4010", Some(&ansvar), Amount::kr(40))
            .unwrap();
        tb.add_period_budget(202502, "4010", Some(&ansvar), Amount::kr(40))
            .unwrap();
        tb.add_period_budget(202501, "3010", None, Amount::kr(-10))
            .unwrap();
        let objs: Vec<_> = tb.object_accounts(0, 1).collect();
        assert_eq!(objs.len(), 1);
        assert_eq!(objs[0].2.movement, Amount::kr(75));
        assert_eq!(objs[0].2.rows, 2);
        let budgets: Vec<_> = tb.object_budgets(1).collect();
        assert_eq!(budgets, vec![("110", "4010", Amount::kr(80))]);
        assert_eq!(
            tb.account_budgets().unwrap().get("3010"),
            Some(&Amount::kr(-10))
        );
        assert_eq!(tb.dimensions(0), vec![1]);
    }

    /// An object with a few accounts and one with more than a vector holds: listed in
    /// account order, and (with serde) written as nested maps and read back equal.
    #[test]
    fn objects_with_few_and_many_accounts() {
        let mut tb = TrialBalance::new();
        let few = ObjectRef {
            dimension: 1,
            object: "110".into(),
        };
        let many = ObjectRef {
            dimension: 1,
            object: "120".into(),
        };
        for a in (0..40).rev() {
            let account = format!("{}", 4000 + a);
            tb.add_transaction(&account, std::slice::from_ref(&many), Amount::kr(a))
                .unwrap();
        }
        tb.add_transaction("5010", std::slice::from_ref(&few), Amount::kr(7))
            .unwrap();
        tb.add_transaction("3010", std::slice::from_ref(&few), Amount::kr(-7))
            .unwrap();
        // An account number too long to be kept in place (and one not ASCII).
        let long = "3010-underkonto-för-lokaler";
        tb.add_transaction(long, std::slice::from_ref(&few), Amount::kr(2))
            .unwrap();
        let objs: Vec<_> = tb
            .object_accounts(0, 1)
            .map(|(o, a, y)| (o.to_owned(), a.to_owned(), y.movement))
            .collect();
        assert_eq!(objs.len(), 43);
        assert_eq!(objs[0], ("110".into(), "3010".into(), Amount::kr(-7)));
        assert_eq!(objs[1], ("110".into(), long.into(), Amount::kr(2)));
        assert_eq!(objs[2], ("110".into(), "5010".into(), Amount::kr(7)));
        assert_eq!(objs[3], ("120".into(), "4000".into(), Amount::kr(0)));
        assert_eq!(objs[42], ("120".into(), "4039".into(), Amount::kr(39)));
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_value(&tb).unwrap();
            assert_eq!(
                json["objects"]["0"]["1"]["110"]["5010"]["rows"],
                serde_json::json!(1)
            );
            assert_eq!(
                json["objects"]["0"]["1"]["110"][long]["movement"],
                serde_json::json!("2.00")
            );
            let back: TrialBalance = serde_json::from_value(json).unwrap();
            assert_eq!(back, tb);
        }
    }
}
