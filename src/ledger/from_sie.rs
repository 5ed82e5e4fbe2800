//! SIE 4 → [`TrialBalance`]: the bridge from the reader to the ledger.

use std::collections::BTreeMap;
use std::io::BufRead;

use chrono::NaiveDate;

use super::trial_balance::{BalanceKind, TrialBalance};
use crate::money::Amount;
use crate::sie::{Diagnostic, ReadError, ReadOptions, Reader, Record, Severity};

/// What stops building a ledger from an SIE file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerReadError {
    /// The file could not be read (I/O, or a diagnostic at the `fail_on` level).
    #[error("reading the SIE file: {0}")]
    Read(#[from] ReadError),
    /// The figures could not be summed (overflow).
    #[error("summing the SIE file: {0}")]
    Ledger(#[from] crate::Error),
}

/// A ledger read from an SIE file: the [`TrialBalance`] and what the file says about
/// itself, with every diagnostic of the reader.
#[doc(alias = "huvudbok")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SieLedger {
    /// The balances per account, object and month.
    pub trial_balance: TrialBalance,
    /// `#FNAMN`.
    pub company_name: Option<String>,
    /// `#ORGNR` as written.
    pub organisation_number: Option<String>,
    /// `#SIETYP`.
    pub sie_type: Option<u8>,
    /// `#RAR`: year index → (first day, last day).
    pub financial_years: BTreeMap<i32, (NaiveDate, NaiveDate)>,
    /// `#KONTO`: account → name.
    pub account_names: BTreeMap<String, String>,
    /// `#DIM`: dimension → name.
    pub dimension_names: BTreeMap<u32, String>,
    /// `#OBJEKT`: (dimension, object) → name.
    pub object_names: BTreeMap<(u32, String), String>,
    /// Every problem the reader found, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Vouchers read.
    pub vouchers: u64,
}

impl SieLedger {
    /// Reads an SIE file (any type) into a ledger. Memory grows with accounts ×
    /// objects, not with the number of vouchers.
    ///
    /// # Errors
    ///
    /// [`LedgerReadError::Read`] for an I/O error (or a diagnostic at
    /// `options.fail_on`); [`LedgerReadError::Ledger`] on overflow.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::ledger::SieLedger;
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// let file = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Exempel\"\n#RAR 0 20250101 20251231\n\
    ///             #IB 0 1930 1000\n#VER A 1 20250115 \"Avgift\"\n{\n\
    ///             #TRANS 1930 {} 250\n#TRANS 3110 {1 \"200\"} -250\n}\n";
    /// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
    /// let tb = &ledger.trial_balance;
    /// assert_eq!(tb.account(0, "1930").unwrap().end_balance()?, Amount::kr(1_250));
    /// assert_eq!(ledger.company_name.as_deref(), Some("Exempel"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read<R: BufRead>(source: R, options: ReadOptions) -> Result<Self, LedgerReadError> {
        let mut reader = Reader::with_options(source, options);
        let mut out = SieLedger::default();
        while let Some(record) = reader.next_record()? {
            out.add(&record)?;
        }
        out.sie_type = reader.sie_type().or(out.sie_type);
        out.diagnostics = reader.take_diagnostics();
        Ok(out)
    }

    /// `true` when a diagnostic is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Adds one record.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn add(&mut self, record: &Record) -> crate::Result<()> {
        let tb = &mut self.trial_balance;
        match record {
            Record::CompanyName(n) => self.company_name = Some(n.clone()),
            Record::OrganisationNumber { number, .. } => {
                self.organisation_number = Some(number.clone());
            }
            Record::SieType(t) => self.sie_type = Some(*t),
            Record::FinancialYear { year, start, end } => {
                self.financial_years.insert(*year, (*start, *end));
            }
            Record::Account { number, name } => {
                self.account_names.insert(number.clone(), name.clone());
            }
            Record::Dimension { number, name } => {
                self.dimension_names.insert(*number, name.clone());
            }
            Record::Object {
                dimension,
                id,
                name,
            } => {
                self.object_names
                    .insert((*dimension, id.clone()), name.clone());
            }
            Record::OpeningBalance(b) | Record::ClosingBalance(b) | Record::YearResult(b) => {
                let kind = match record {
                    Record::OpeningBalance(_) => BalanceKind::Opening,
                    Record::ClosingBalance(_) => BalanceKind::Closing,
                    _ => BalanceKind::Result,
                };
                tb.add_balance(b.year, &b.account, None, kind, Amount::new(b.amount))?;
            }
            Record::ObjectOpeningBalance(b) | Record::ObjectClosingBalance(b) => {
                let kind = if matches!(record, Record::ObjectOpeningBalance(_)) {
                    BalanceKind::Opening
                } else {
                    BalanceKind::Closing
                };
                for o in &b.objects {
                    tb.add_balance(b.year, &b.account, Some(o), kind, Amount::new(b.amount))?;
                }
            }
            Record::PeriodBalance(p) if p.year == 0 && p.objects.is_empty() => {
                tb.add_period_balance(yyyymm(p), &p.account, Amount::new(p.amount))?;
            }
            Record::PeriodBudget(p) if p.year == 0 => {
                if p.objects.is_empty() {
                    tb.add_period_budget(yyyymm(p), &p.account, None, Amount::new(p.amount))?;
                }
                for o in &p.objects {
                    tb.add_period_budget(yyyymm(p), &p.account, Some(o), Amount::new(p.amount))?;
                }
            }
            Record::Voucher(v) => {
                self.vouchers += 1;
                for row in v.rows.iter().filter(|r| r.kind.counts()) {
                    tb.add_transaction(&row.account, &row.objects, Amount::new(row.amount))?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn yyyymm(p: &crate::sie::PeriodAmount) -> u32 {
    u32::from(p.period.year) * 100 + u32::from(p.period.month)
}
