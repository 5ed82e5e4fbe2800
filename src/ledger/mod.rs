//! From ledger to statements (huvudbok → finansiella rapporter).
//!
//! - [`SieLedger::read`]: an SIE 4 file (any type) through [`crate::sie::Reader`]
//!   into a [`TrialBalance`], with the reader's diagnostics; [`ParallelLedger`] and
//!   [`SieLedger::read_parallel`] the same from bytes in memory on several threads.
//! - [`TrialBalance`] (saldobalans): per account, per object and per month, from
//!   stated balances and from vouchers, reconciled against each other.
//! - [`Chart`] (kontoplan → rader): a data-driven mapping with a Kommun-Bas default.
//! - [`LedgerStatements::build`]: the resultaträkning and balansräkning of one year,
//!   with every account either mapped, deliberately excluded, or reported as unmapped
//!   with its amount — nothing is silently dropped.
//! - [`LedgerOperating::build`]: the driftredovisning per object of a dimension (e.g.
//!   ansvar), with budgets from #PBUDGET and the reconciliation to the resultaträkning.
//! - [`LedgerVerdict`]: the overall verdict and exit status of all of the above — only
//!   a read without an error-level diagnostic, reconciliation difference, unmapped
//!   account or imbalance is told as "stämmer".
//!
//! Signs: the ledger is debit-positive; mapping flips result accounts and the credit
//! side of the balance sheet so that statements read as published.

mod chart;
mod from_sie;
mod not_kept;
mod operating;
mod parallel;
mod trial_balance;
mod verdict;

use std::collections::BTreeMap;

pub use chart::{AccountMatch, Chart, ChartRule, Target};
pub use from_sie::{LedgerReadError, SieLedger};
pub use not_kept::InvalidAccountsBeyond;
pub use operating::LedgerOperating;
pub use parallel::ParallelLedger;
pub use trial_balance::{AccountYear, BalanceKind, Disagreement, ObjectRef, TrialBalance};
pub use verdict::LedgerVerdict;

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::period::FinancialYear;
use crate::statement::{BalanceSheet, IncomeLine, IncomeStatement};

/// An account with a non-zero balance that no rule of the [`Chart`] covers.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{BalanceKind, Chart, LedgerStatements, TrialBalance};
///
/// // Påhittade belopp: group 21 has no Kommun-Bas default.
/// let mut tb = TrialBalance::new();
/// tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::kr(500))?;
/// tb.add_balance(0, "2110", None, BalanceKind::Closing, Amount::kr(-500))?;
/// let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0)?;
/// assert_eq!(s.unmapped[0].account, "2110");
/// assert_eq!(s.unmapped[0].amount, Amount::kr(-500));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "okopplat konto")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UnmappedAccount {
    /// The account number.
    pub account: String,
    /// Its balance as in the ledger (debit positive): the closing balance for classes
    /// 1–2, the change over the year otherwise.
    pub amount: Amount,
}

/// An account left out on purpose by a [`Target::Excluded`] rule.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{Chart, LedgerStatements, TrialBalance};
///
/// // Påhittade belopp: 8999 (89 Årets resultat) is excluded by Kommun-Bas.
/// let mut tb = TrialBalance::new();
/// tb.add_transaction("3110", &[], Amount::kr(-300))?;
/// tb.add_transaction("8999", &[], Amount::kr(300))?;
/// let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0)?;
/// assert_eq!(s.excluded[0].account, "8999");
/// assert_eq!(s.excluded[0].amount, Amount::kr(300));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "utelämnat konto")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExcludedAccount {
    /// The account number.
    pub account: String,
    /// Its balance as in the ledger (debit positive).
    pub amount: Amount,
    /// Why it is excluded.
    pub reason: String,
}

/// The statements of one year built from a ledger, with an account of what did not
/// go into them.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::{BalanceKind, Chart, LedgerStatements, TrialBalance};
///
/// let mut tb = TrialBalance::new();
/// tb.add_balance(0, "1930", None, BalanceKind::Opening, Amount::kr(1_000))?;
/// tb.add_balance(0, "2010", None, BalanceKind::Opening, Amount::kr(-1_000))?;
/// tb.add_transaction("1930", &[], Amount::kr(300))?;  // bank +300
/// tb.add_transaction("3110", &[], Amount::kr(-300))?; // avgifter (credit)
/// let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0)?;
/// assert_eq!(s.income.operating_revenue, Amount::kr(300));
/// assert_eq!(s.balance.cash_and_bank, Amount::kr(1_300));
/// assert_eq!(s.balance.result_for_the_year, Amount::kr(300));
/// s.balance.validate()?;
/// assert!(s.unmapped.is_empty());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "bokslut")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LedgerStatements {
    /// Resultaträkning (internal items eliminated).
    pub income: IncomeStatement,
    /// Balansräkning at year end; årets resultat taken from the resultaträkning.
    pub balance: BalanceSheet,
    /// Internal items (interna poster) eliminated from the resultaträkning, per line,
    /// signed as published.
    pub internal: BTreeMap<IncomeLine, Amount>,
    /// Accounts no rule covers, with their amounts.
    pub unmapped: Vec<UnmappedAccount>,
    /// Accounts excluded on purpose, with their amounts and reasons.
    pub excluded: Vec<ExcludedAccount>,
    /// `true` when the ledger's eget kapital already contained årets resultat (the
    /// closing entry was booked against an excluded account, 89 Årets resultat, for
    /// exactly the result) and it was moved out of övrigt eget kapital.
    pub result_already_in_equity: bool,
}

impl LedgerStatements {
    /// Builds the statements of year index `year` (0 = the file's current year, −1 the
    /// year before).
    ///
    /// # Errors
    ///
    /// [`Error::YearIndexNotInLedger`] when the trial balance has no balances for that
    /// year (never all-zero statements); [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Error};
    /// use kommunal_redovisning::ledger::{Chart, LedgerStatements, TrialBalance};
    ///
    /// // Påhittat belopp: a year the ledger does not hold is an error, not zeros.
    /// let mut tb = TrialBalance::new();
    /// tb.add_transaction("3110", &[], Amount::kr(-300))?;
    /// let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0)?;
    /// assert_eq!(s.income.result_for_the_year(), Amount::kr(300));
    /// let err = LedgerStatements::build(&tb, &Chart::kommun_bas(), -1);
    /// assert!(matches!(err, Err(Error::YearIndexNotInLedger { index: -1, .. })));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn build(tb: &TrialBalance, chart: &Chart, year: i32) -> Result<Self> {
        let available = tb.years();
        if !available.contains(&year) {
            return Err(Error::YearIndexNotInLedger {
                index: year,
                available,
            });
        }
        let mut out = LedgerStatements::default();
        for (account, y) in tb.accounts(year) {
            let is_balance_account = account.starts_with(['1', '2']);
            let amount = if is_balance_account {
                y.end_balance()?
            } else {
                y.change()?
            };
            match chart.target(account) {
                None => {
                    if !amount.is_zero() {
                        out.unmapped.push(UnmappedAccount {
                            account: account.to_owned(),
                            amount,
                        });
                    }
                }
                Some(Target::Excluded(reason)) => {
                    if !amount.is_zero() {
                        out.excluded.push(ExcludedAccount {
                            account: account.to_owned(),
                            amount,
                            reason: reason.clone(),
                        });
                    }
                }
                Some(target) => {
                    // The statement side of an account is decided by its target, so a
                    // result account uses its change and a balance account its closing
                    // balance even outside classes 1–8.
                    let value = match target {
                        Target::Balance(_) => y.end_balance()?,
                        _ => y.change()?,
                    };
                    let published = if target.sign() < 0 { -value } else { value };
                    let slot = match target {
                        Target::Income(line) => out.income.amount_mut(*line),
                        Target::Balance(line) => out.balance.amount_mut(*line),
                        Target::Internal(line) => out.internal.entry(*line).or_default(),
                        Target::Excluded(_) => continue,
                    };
                    *slot = slot.checked_add(published)?;
                }
            }
        }
        let result = out.income.result_for_the_year();
        out.balance.result_for_the_year = result;
        // When the ledger's equity already holds the result — the closing entry was
        // booked against an excluded account (89 Årets resultat) for exactly the
        // result — the sheet is off by exactly the result: move it out of övrigt eget
        // kapital. Without that booking, an imbalance is reported, never papered over.
        let assets = out.balance.total_assets();
        let claims = out.balance.total_equity_and_liabilities();
        let closing_entry = Amount::checked_sum(out.excluded.iter().map(|e| e.amount))?;
        if !result.is_zero() && closing_entry == result && claims.checked_sub(assets)? == result {
            out.balance.other_equity = out.balance.other_equity.checked_sub(result)?;
            out.result_already_in_equity = true;
        }
        Ok(out)
    }

    /// Builds the statements of the financial year `year` of a ledger read from SIE: the
    /// year index comes from the file's `#RAR` records ([`SieLedger::year_index`]).
    ///
    /// # Errors
    ///
    /// [`Error::FinancialYearNotInLedger`] when no `#RAR` covers `year`,
    /// [`Error::YearIndexNotInLedger`] when it has no balances, [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Error, FinancialYear};
    /// use kommunal_redovisning::ledger::{Chart, LedgerStatements, SieLedger};
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// let file = "#SIETYP 4\n#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n\
    ///             #VER A 1 20250115 \"\"\n{\n#TRANS 1930 {} 500\n#TRANS 3110 {} -500\n}\n";
    /// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
    /// let chart = Chart::kommun_bas();
    /// let s = LedgerStatements::for_year(&ledger, &chart, FinancialYear::new(2025))?;
    /// assert_eq!(s.income.result_for_the_year(), Amount::kr(500));
    /// // 2024 is in #RAR but has no balances; 2023 is not in the file at all.
    /// let none = LedgerStatements::for_year(&ledger, &chart, FinancialYear::new(2024));
    /// assert!(matches!(none, Err(Error::YearIndexNotInLedger { index: -1, .. })));
    /// let none = LedgerStatements::for_year(&ledger, &chart, FinancialYear::new(2023));
    /// assert!(matches!(none, Err(Error::FinancialYearNotInLedger { year: 2023, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_year(ledger: &SieLedger, chart: &Chart, year: FinancialYear) -> Result<Self> {
        LedgerStatements::build(&ledger.trial_balance, chart, ledger.year_index(year)?)
    }

    /// How many unmapped accounts [`LedgerStatements::problems`] names one by one; one
    /// more message counts and sums the rest.
    pub const PROBLEMS_LISTED: usize = 100;

    /// Runs the foundation checks on the built statements: the balansräkning balances
    /// and every account was mapped. Returns one message per problem (the first
    /// [`LedgerStatements::PROBLEMS_LISTED`] unmapped accounts one by one, then one
    /// message for the rest); empty when all is well.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn problems(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        match self.balance.validate() {
            Ok(()) => {}
            Err(e @ (Error::Unbalanced { .. } | Error::Mismatch { .. })) => {
                out.push(e.sv().to_string());
            }
            Err(e) => return Err(e),
        }
        for u in self.unmapped.iter().take(Self::PROBLEMS_LISTED) {
            out.push(format!(
                "konto {} ({}) täcks inte av kontoplanen och är inte med i rapporterna",
                u.account,
                u.amount.sv()
            ));
        }
        // One line for the rest: a file of a million unmapped accounts must not make a
        // million messages (issue 19).
        if let Some(rest) = self.unmapped.get(Self::PROBLEMS_LISTED..) {
            if !rest.is_empty() {
                let sum = Amount::checked_sum(rest.iter().map(|u| u.amount))?;
                out.push(format!(
                    "{} more accounts ({sum} kr together) are not covered by the chart and \
                     are not in the statements",
                    rest.len()
                ));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmapped_and_excluded_are_reported() {
        let mut tb = TrialBalance::new();
        tb.add_transaction("1930", &[], Amount::kr(100)).unwrap();
        tb.add_transaction("9100", &[], Amount::kr(-60)).unwrap();
        tb.add_transaction("3010", &[], Amount::kr(-40)).unwrap();
        tb.add_transaction("8999", &[], Amount::kr(40)).unwrap();
        tb.add_transaction("2099", &[], Amount::kr(-40)).unwrap();
        let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0).unwrap();
        assert_eq!(
            s.unmapped,
            vec![UnmappedAccount {
                account: "9100".into(),
                amount: Amount::kr(-60)
            }]
        );
        assert_eq!(s.excluded.len(), 1);
        assert_eq!(s.income.result_for_the_year(), Amount::kr(40));
        let problems = s.problems().unwrap();
        assert!(problems.iter().any(|p| p.contains("9100")), "{problems:?}");
        assert!(
            problems.iter().any(|p| p.contains("balanserar inte")),
            "{problems:?}"
        );
    }

    #[test]
    fn closing_entries_booked_into_equity_are_detected() {
        let mut tb = TrialBalance::new();
        tb.add_transaction("1930", &[], Amount::kr(100)).unwrap();
        tb.add_transaction("3010", &[], Amount::kr(-100)).unwrap();
        tb.add_transaction("8999", &[], Amount::kr(100)).unwrap();
        tb.add_transaction("2099", &[], Amount::kr(-100)).unwrap();
        let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0).unwrap();
        assert!(s.result_already_in_equity);
        s.balance.validate().unwrap();
        assert_eq!(s.balance.equity(), Amount::kr(100));
    }

    #[test]
    fn an_imbalance_without_a_closing_entry_is_not_papered_over() {
        // Stated closing balances of zero, while the vouchers make a result: the sheet
        // is off by the result, but nothing was booked to 89, so it stays unbalanced.
        let mut tb = TrialBalance::new();
        tb.add_balance(0, "1930", None, BalanceKind::Closing, Amount::ZERO)
            .unwrap();
        tb.add_transaction("1930", &[], Amount::kr(100)).unwrap();
        tb.add_transaction("3010", &[], Amount::kr(-100)).unwrap();
        let s = LedgerStatements::build(&tb, &Chart::kommun_bas(), 0).unwrap();
        assert!(!s.result_already_in_equity);
        assert!(s.balance.validate().is_err());
    }

    #[test]
    fn internal_items_are_eliminated() {
        let mut chart = Chart::kommun_bas();
        chart
            .push(ChartRule {
                accounts: AccountMatch::Prefix("3701".into()),
                target: Target::Internal(IncomeLine::OperatingRevenue),
            })
            .unwrap();
        chart
            .push(ChartRule {
                accounts: AccountMatch::Prefix("4701".into()),
                target: Target::Internal(IncomeLine::OperatingExpenses),
            })
            .unwrap();
        let mut tb = TrialBalance::new();
        tb.add_transaction("3701", &[], Amount::kr(-50)).unwrap();
        tb.add_transaction("4701", &[], Amount::kr(50)).unwrap();
        tb.add_transaction("3010", &[], Amount::kr(-10)).unwrap();
        tb.add_transaction("1930", &[], Amount::kr(10)).unwrap();
        let s = LedgerStatements::build(&tb, &chart, 0).unwrap();
        assert_eq!(s.income.operating_revenue, Amount::kr(10));
        assert_eq!(s.income.operating_expenses, Amount::ZERO);
        assert_eq!(
            s.internal.get(&IncomeLine::OperatingRevenue),
            Some(&Amount::kr(50))
        );
        assert_eq!(
            s.internal.get(&IncomeLine::OperatingExpenses),
            Some(&Amount::kr(-50))
        );
        assert!(s.problems().unwrap().is_empty());
    }
}
