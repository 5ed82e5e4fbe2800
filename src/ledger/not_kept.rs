//! Ogiltiga kontonummer utöver de första: what [`super::SieLedger::read`] does not keep
//! account by account, so that a hostile file's millions of invalid account numbers
//! cannot grow its memory without bound (issue 19).

use std::collections::HashSet;

use crate::money::Amount;
use crate::sie::is_account_number;

/// Ogiltiga kontonummer som inte hålls per konto: voucher rows and stated balances on
/// invalid account numbers (not 1 to 10 digits) beyond the first
/// [`super::SieLedger::INVALID_ACCOUNTS_KEPT`] distinct ones, counted and summed instead
/// of kept one by one.
///
/// An invalid account number can never be mapped to a statement line (the SIE format
/// says account numbers are numeric), so each is an error-level diagnostic of the
/// reader already; a real ledger has none. The first ones are kept in
/// the trial balance and listed among the unmapped accounts with their amounts; the
/// rest would only grow memory with the number of distinct numbers (an 85 MB file of
/// distinct invalid numbers took 98 MB). The ledger then carries an error-level diagnostic that
/// names the first such line and these totals, and [`super::LedgerVerdict`] counts them:
/// a report of such a file never says "stämmer".
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::SieLedger;
/// use kommunal_redovisning::sie::ReadOptions;
///
/// let mut file = String::from("#SIETYP 4\n#RAR 0 20250101 20251231\n");
/// for i in 0..SieLedger::INVALID_ACCOUNTS_KEPT + 5 {
///     file.push_str(&format!("#VER A {i} 20250115\n{{\n#TRANS {i}X {{}} 2\n#TRANS 1930 {{}} -2\n}}\n"));
/// }
/// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
/// let beyond = ledger.invalid_accounts_beyond.as_ref().ok_or("expected a remainder")?;
/// assert_eq!(beyond.rows, 5);
/// assert_eq!(beyond.amount, Amount::kr(10));
/// assert_eq!(beyond.balances, 0);
/// // The kept ones are in the trial balance with their amounts.
/// assert_eq!(ledger.trial_balance.account(0, "0X").map(|a| a.movement), Some(Amount::kr(2)));
/// assert!(ledger.trial_balance.account(0, "1004X").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "ogiltiga kontonummer")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InvalidAccountsBeyond {
    /// Counted voucher rows on these accounts.
    pub rows: u64,
    /// The sum of those rows (debit positive), left out of the trial balance.
    pub amount: Amount,
    /// Stated balances (#IB, #UB, #RES, #OIB, #OUB, #PSALDO, #PBUDGET) on these
    /// accounts, left out.
    pub balances: u64,
    /// The line of the first record left out.
    pub first_line: u64,
}

impl InvalidAccountsBeyond {
    /// Records left out: rows and balances.
    #[must_use]
    pub fn records(&self) -> u64 {
        self.rows.saturating_add(self.balances)
    }
}

/// Which invalid account numbers are kept: the first `limit` distinct ones.
#[derive(Debug)]
pub(super) struct InvalidAccounts {
    kept: HashSet<Box<str>>,
    limit: usize,
    pub(super) beyond: Option<InvalidAccountsBeyond>,
}

impl InvalidAccounts {
    pub(super) fn new(limit: usize) -> Self {
        InvalidAccounts {
            kept: HashSet::new(),
            limit,
            beyond: None,
        }
    }

    /// `true` when a record on `account` is kept: a valid account number, an invalid
    /// one already kept, or a new invalid one while fewer than the limit are kept.
    pub(super) fn keep(&mut self, account: &str) -> bool {
        if is_account_number(account) || self.kept.contains(account) {
            return true;
        }
        if self.kept.len() < self.limit {
            self.kept.insert(account.into());
            return true;
        }
        false
    }

    /// `true` when no invalid account number was seen.
    pub(super) fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.beyond.is_none()
    }

    fn beyond(&mut self, line: u64) -> &mut InvalidAccountsBeyond {
        self.beyond.get_or_insert_with(|| InvalidAccountsBeyond {
            first_line: line,
            ..InvalidAccountsBeyond::default()
        })
    }

    /// Counts a voucher row left out; `None` on overflow.
    pub(super) fn add_row(&mut self, line: u64, amount: Amount) -> Option<()> {
        let b = self.beyond(line);
        b.amount = b.amount.checked_add(amount).ok()?;
        b.rows = b.rows.saturating_add(1);
        Some(())
    }

    /// Counts a stated balance left out.
    pub(super) fn add_balance(&mut self, line: u64) {
        let b = self.beyond(line);
        b.balances = b.balances.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_valid_numbers_and_the_first_invalid_ones() {
        let mut k = InvalidAccounts::new(2);
        assert!(k.keep("1930"));
        assert!(k.keep("12345678901"), "11 digits is invalid but the first");
        assert!(k.keep("50AF"));
        assert!(k.keep("50AF"), "already kept");
        assert!(!k.keep("-5010"), "a third invalid number");
        assert!(k.keep("3110"), "valid numbers are always kept");
        assert!(k.beyond.is_none());
        k.add_row(7, Amount::kr(3)).unwrap();
        k.add_row(9, Amount::kr(-1)).unwrap();
        k.add_balance(11);
        let b = k.beyond.unwrap();
        assert_eq!((b.rows, b.balances, b.first_line), (2, 1, 7));
        assert_eq!(b.amount, Amount::kr(2));
        assert_eq!(b.records(), 3);
    }
}
