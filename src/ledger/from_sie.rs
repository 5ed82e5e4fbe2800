//! SIE 4 → [`TrialBalance`]: the bridge from the reader to the ledger.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{BufRead, Read};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::not_kept::{InvalidAccounts, InvalidAccountsBeyond};
use super::trial_balance::{BalanceKind, TrialBalance};
use crate::money::Amount;
use crate::period::FinancialYear;
use crate::sie::object_groups;
use crate::sie::reader::{KeyText, PlainSums, SumCell, key_text};
use crate::sie::{Diagnostic, ReadError, ReadOptions, Reader, Record, Severity};

/// Läsfel: what stops building a ledger from an SIE file.
///
/// ```
/// use kommunal_redovisning::ledger::{LedgerReadError, SieLedger};
/// use kommunal_redovisning::sie::ReadOptions;
///
/// // Påhittad fil: an opening balance of 10²⁰ kr is beyond any real ledger.
/// let file = "#SIETYP 4\n#RAR 0 20250101 20251231\n#IB 0 1930 100000000000000000000\n";
/// let err = SieLedger::read(file.as_bytes(), ReadOptions::default());
/// assert!(matches!(err, Err(LedgerReadError::Overflow { ref account, line: 3 }) if account == "1930"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[doc(alias = "läsfel")]
pub enum LedgerReadError {
    /// The file could not be read (I/O, or a diagnostic at the `fail_on` level).
    #[error("SIE-filen kunde inte läsas: {0}")]
    Read(#[from] ReadError),
    /// The figures could not be summed (overflow).
    #[error("SIE-filen kunde inte summeras: {}", .0.sv())]
    Ledger(#[from] crate::Error),
    /// An amount, or the sum of an account's amounts, lies beyond ±[`Amount::MAX`]
    /// (10¹⁹ kr): the file holds amounts no ledger can have.
    #[error(
        "rad {line}: konto {account}: ett belopp eller summan av kontots belopp ligger utanför \
         ±10^19 kr, långt utanför varje verkligt belopp"
    )]
    Overflow {
        /// The account whose sum overflows.
        account: String,
        /// The line of the record (for a voucher, its `#VER` line) that made it overflow.
        line: u64,
    },
    /// A [`super::ParallelLedger`] was given more after an error had ended its reading.
    #[error("läsningen av SIE-filen avbröts redan av ett tidigare fel")]
    Ended,
}

/// Huvudbok från en SIE-fil: a ledger read from an SIE file, the [`TrialBalance`] and
/// what the file says about
/// itself, with every diagnostic of the reader.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::ledger::SieLedger;
/// use kommunal_redovisning::sie::ReadOptions;
///
/// // Påhittad fil: one voucher posted to ansvar 100 (dimension 1).
/// let file = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Exempelkommun\"\n#RAR 0 20250101 20251231\n\
///             #DIM 1 \"Ansvar\"\n#OBJEKT 1 \"100\" \"Kansli\"\n\
///             #VER A 1 20250115 \"Avgift\"\n{\n#TRANS 1930 {} 250\n#TRANS 3110 {1 \"100\"} -250\n}\n";
/// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
/// assert_eq!(ledger.company_name.as_deref(), Some("Exempelkommun"));
/// assert_eq!(ledger.object_names.get(&(1, "100".to_owned())).map(String::as_str), Some("Kansli"));
/// assert_eq!(ledger.vouchers, 1);
/// // The file lacks #PROGRAM and #GEN, which type 4 requires: said, not ignored.
/// assert!(ledger.diagnostics.iter().any(|d| d.label == "#PROGRAM"));
/// let bank = ledger.trial_balance.account(0, "1930").ok_or("1930")?;
/// assert_eq!(bank.end_balance()?, Amount::kr(250));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "huvudbok")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
    /// Rows and balances on invalid account numbers beyond the first
    /// [`SieLedger::INVALID_ACCOUNTS_KEPT`] distinct ones, counted and summed instead of
    /// kept per account (`None` when there were none); an error-level diagnostic says so.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub invalid_accounts_beyond: Option<InvalidAccountsBeyond>,
}

impl SieLedger {
    /// How many distinct invalid account numbers [`SieLedger::read`] keeps account by
    /// account (with their amounts, listed as unmapped); records on further ones are
    /// counted in [`SieLedger::invalid_accounts_beyond`] ([`InvalidAccountsBeyond`]).
    pub const INVALID_ACCOUNTS_KEPT: usize = 1_000;

    /// The SIE year index (`#RAR`) of the financial year `year`: the `#RAR` whose first
    /// day falls in `year`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::FinancialYearNotInLedger`] naming the years the file has.
    ///
    /// ```
    /// use kommunal_redovisning::FinancialYear;
    /// use kommunal_redovisning::ledger::SieLedger;
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// let file = "#SIETYP 4\n#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n";
    /// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
    /// assert_eq!(ledger.year_index(FinancialYear::new(2024))?, -1);
    /// assert!(ledger.year_index(FinancialYear::new(2019)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_index(&self, year: FinancialYear) -> crate::Result<i32> {
        self.financial_years
            .iter()
            .find(|(_, (start, _))| FinancialYear::of(*start) == year)
            .map(|(index, _)| *index)
            .ok_or_else(|| crate::Error::FinancialYearNotInLedger {
                year: year.year(),
                available: self
                    .financial_years
                    .values()
                    .map(|(start, _)| FinancialYear::of(*start).year())
                    .collect(),
            })
    }

    /// Reads an SIE file (any type) into a ledger. Memory grows with accounts ×
    /// objects, not with the number of vouchers; of invalid account numbers only the
    /// first [`SieLedger::INVALID_ACCOUNTS_KEPT`] are kept per account, records on
    /// further ones are counted in [`SieLedger::invalid_accounts_beyond`] (with an
    /// error-level diagnostic).
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
    /// assert_eq!(tb.account(0, "1930").ok_or("1930")?.end_balance()?, Amount::kr(1_250));
    /// assert_eq!(ledger.company_name.as_deref(), Some("Exempel"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read<R: BufRead>(source: R, options: ReadOptions) -> Result<Self, LedgerReadError> {
        let mut reader = Reader::with_options(source, options);
        // Plain rows are summed inside the reader, without building rows.
        reader.sum_plain_rows();
        let mut build = Build::default();
        build.take(&mut reader)?;
        build.finish(reader)
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
                tb.add_balance(b.year, &b.account, None, kind, bounded(b.amount)?)?;
            }
            Record::ObjectOpeningBalance(b) | Record::ObjectClosingBalance(b) => {
                let kind = if matches!(record, Record::ObjectOpeningBalance(_)) {
                    BalanceKind::Opening
                } else {
                    BalanceKind::Closing
                };
                for o in &b.objects {
                    tb.add_balance(b.year, &b.account, Some(o), kind, bounded(b.amount)?)?;
                }
            }
            Record::PeriodBalance(p) if p.year == 0 && p.objects.is_empty() => {
                tb.add_period_balance(yyyymm(p), &p.account, bounded(p.amount)?)?;
            }
            Record::PeriodBudget(p) if p.year == 0 => {
                if p.objects.is_empty() {
                    tb.add_period_budget(yyyymm(p), &p.account, None, bounded(p.amount)?)?;
                }
                for o in &p.objects {
                    tb.add_period_budget(yyyymm(p), &p.account, Some(o), bounded(p.amount)?)?;
                }
            }
            Record::Voucher(v) => {
                self.vouchers += 1;
                for row in v.rows.iter().filter(|r| r.kind.counts()) {
                    tb.add_transaction(&row.account, &row.objects, bounded(row.amount)?)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// A ledger being read: what the records are summed into, for [`SieLedger::read`] and
/// for the stretches of [`super::ParallelLedger`].
pub(super) struct Build {
    out: SieLedger,
    /// Voucher rows, by far the most records, are summed in a hash-keyed accumulator
    /// and moved into the trial balance once at the end.
    sums: RowSums,
    invalid: InvalidAccounts,
}

impl Default for Build {
    fn default() -> Self {
        Build {
            out: SieLedger::default(),
            sums: RowSums::default(),
            invalid: InvalidAccounts::new(SieLedger::INVALID_ACCOUNTS_KEPT),
        }
    }
}

impl Build {
    /// Takes every record of `reader`, to the end of its source.
    pub(super) fn take<R: Read>(&mut self, reader: &mut Reader<R>) -> Result<(), LedgerReadError> {
        while let Some(record) = reader.next_record()? {
            self.add(&record, reader.record_line())?;
            // The next voucher is parsed into this one's allocations.
            reader.recycle(record);
        }
        Ok(())
    }

    /// Takes one record, read on line `line`.
    pub(super) fn add(&mut self, record: &Record, line: u64) -> Result<(), LedgerReadError> {
        let overflow = |account: &str| LedgerReadError::Overflow {
            account: account.to_owned(),
            line,
        };
        match record {
            Record::Voucher(v) => self
                .sums
                .add(v, line, &mut self.invalid)
                .map_err(overflow)?,
            other if balance_account(other).is_some_and(|a| !self.invalid.keep(a)) => {
                self.invalid.add_balance(line);
            }
            other => match self.out.add(other) {
                Ok(()) => {}
                Err(crate::Error::Overflow { .. } | crate::Error::AmountTooLarge { .. }) => {
                    return Err(overflow(balance_account(other).unwrap_or_default()));
                }
                Err(e) => return Err(e.into()),
            },
        }
        Ok(())
    }

    /// Takes one record of a stretch read on another thread: false when it is not a
    /// voucher, has a row on an invalid account number or an amount beyond the bound.
    pub(super) fn add_voucher(&mut self, record: &Record, line: u64) -> bool {
        let Record::Voucher(v) = record else {
            return false;
        };
        self.sums.add(v, line, &mut self.invalid).is_ok() && self.invalid.is_empty()
    }

    /// The sum of the absolute amounts of the rows summed here.
    pub(super) fn abs(&self) -> Decimal {
        self.sums.abs
    }

    /// Adds the voucher rows of `other` (a stretch whose every record
    /// [`Build::add_voucher`] took) to these.
    pub(super) fn merge(&mut self, other: Build) -> Result<(), LedgerReadError> {
        self.sums
            .merge(other.sums)
            .map_err(|account| LedgerReadError::Overflow { account, line: 0 })
    }

    /// The ledger, once `reader` has read the whole file.
    pub(super) fn finish<R: Read>(
        self,
        mut reader: Reader<R>,
    ) -> Result<SieLedger, LedgerReadError> {
        let Build {
            mut out,
            sums,
            invalid,
        } = self;
        // Summing mode's sums: rows on valid account numbers only, so none is an
        // invalid number to limit.
        let plain = reader.take_plain_sums();
        if let Some((account, line)) = plain.as_ref().and_then(|p| p.overflow) {
            return Err(LedgerReadError::Overflow {
                account: key_text(account),
                line,
            });
        }
        out.vouchers = reader.counts().1;
        out.sie_type = reader.sie_type().or(out.sie_type);
        out.diagnostics = reader.take_diagnostics();
        // The reader's buffers (a recycled voucher may hold tens of MB) go before the
        // sums are moved into the trial balance, which holds both for a while.
        drop(reader);
        if let Some(plain) = plain {
            add_plain_sums(*plain, &mut out.trial_balance)?;
        }
        sums.move_into(&mut out.trial_balance)?;
        if let Some(beyond) = invalid.beyond {
            let note = Diagnostic {
                line: beyond.first_line,
                label: String::new(),
                severity: Severity::Error,
                message: format!(
                    "fler än {} olika ogiltiga kontonummer: {} verifikationsrader (summa {}) \
                     och {} saldon på ytterligare ogiltiga kontonummer hålls inte per konto \
                     och är inte med i rapporterna",
                    SieLedger::INVALID_ACCOUNTS_KEPT,
                    beyond.rows,
                    beyond.amount.sv(),
                    beyond.balances
                ),
            };
            // At the end, like the reader's counts of repeated diagnostics.
            out.diagnostics.push(note);
            out.invalid_accounts_beyond = Some(beyond);
        }
        Ok(out)
    }
}

/// Moves the sums of the reader's summing mode into the trial balance.
fn add_plain_sums(plain: PlainSums, tb: &mut TrialBalance) -> crate::Result<()> {
    let amount = |cell: SumCell| -> crate::Result<Amount> {
        let sum = cell.amount().ok_or(crate::Error::Overflow {
            operation: "addition",
        })?;
        Amount::new(sum)
    };
    for (account, &cell) in plain.accounts.iter() {
        tb.add_movement(
            KeyText::new(account).as_str(),
            None,
            amount(cell)?,
            cell.rows(),
        )?;
    }
    // The map is taken apart first: with a million objects it and the trial balance
    // would otherwise be held at once.
    object_groups(plain.objects.into_iter().collect(), |group| {
        let Some((first, _)) = group.first() else {
            return Ok(());
        };
        let o = crate::sie::ObjectRef {
            dimension: first.dimension,
            object: key_text(first.object),
        };
        let movements = group
            .iter()
            .map(|(k, cell)| Ok((KeyText::new(k.account), amount(*cell)?, cell.rows())));
        tb.add_object_movements(&o, movements)
    })?;
    Ok(())
}

/// The account of a stated balance (#IB, #UB, #RES, #OIB, #OUB, #PSALDO, #PBUDGET).
fn balance_account(record: &Record) -> Option<&str> {
    match record {
        Record::OpeningBalance(b)
        | Record::ClosingBalance(b)
        | Record::YearResult(b)
        | Record::ObjectOpeningBalance(b)
        | Record::ObjectClosingBalance(b) => Some(b.account.as_str()),
        Record::PeriodBalance(p) | Record::PeriodBudget(p) => Some(p.account.as_str()),
        _ => None,
    }
}

/// The largest amount, and sum of amounts, a ledger read from a file may hold: 10¹⁹ kr
/// ([`Amount::MAX`]), far beyond any real figure, so that everything computed from it
/// stays exact.
const LIMIT: Decimal = Amount::MAX.as_decimal();

/// A stated amount within [`LIMIT`], else [`crate::Error::AmountTooLarge`].
fn bounded(amount: Decimal) -> crate::Result<Amount> {
    Amount::new(amount)
}

fn yyyymm(p: &crate::sie::PeriodAmount) -> u32 {
    u32::from(p.period.year) * 100 + u32::from(p.period.month)
}

/// A small, fast, non-cryptographic hasher for the accumulator's short keys (the
/// default SipHash costs more than the rest of the row).
#[derive(Default, Clone, Copy)]
struct MixHasher(u64);

impl Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type MixMap<K, V> = HashMap<K, V, BuildHasherDefault<MixHasher>>;

/// Strings → dense ids, looked up without allocating.
#[derive(Default)]
struct Interner {
    ids: MixMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    fn name(&self, id: u32) -> &str {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", |n| n)
    }
}

/// Sums of counted voucher rows per account and per (dimension, object, account).
#[derive(Default)]
struct RowSums {
    accounts: Interner,
    objects: Interner,
    by_account: MixMap<u32, (Decimal, u64)>,
    by_object: MixMap<(u32, u32, u32), (Decimal, u64)>,
    /// The sum of the rows' absolute amounts (saturating): a bound on every partial sum.
    abs: Decimal,
}

impl RowSums {
    /// Adds a voucher's counted rows; on overflow, the account whose sum overflows.
    /// Rows on invalid accounts that `invalid` does not keep are counted there.
    fn add<'v>(
        &mut self,
        voucher: &'v crate::sie::Voucher,
        line: u64,
        invalid: &mut InvalidAccounts,
    ) -> Result<(), &'v str> {
        for row in voucher.rows.iter().filter(|r| r.kind.counts()) {
            let overflow = || row.account.as_str();
            if row.amount.abs() > LIMIT {
                return Err(overflow());
            }
            self.abs = self.abs.saturating_add(row.amount.abs());
            if !invalid.keep(&row.account) {
                let amount = Amount::new(row.amount).map_err(|_| overflow())?;
                invalid.add_row(line, amount).ok_or_else(overflow)?;
                continue;
            }
            let account = self.accounts.id(&row.account);
            let e = self.by_account.entry(account).or_default();
            e.0 =
                e.0.checked_add(row.amount)
                    .filter(|s| s.abs() <= LIMIT)
                    .ok_or_else(overflow)?;
            e.1 += 1;
            for o in &row.objects {
                let object = self.objects.id(&o.object);
                let e = self
                    .by_object
                    .entry((o.dimension, object, account))
                    .or_default();
                e.0 = e.0.checked_add(row.amount).ok_or_else(overflow)?;
                e.1 += 1;
            }
        }
        Ok(())
    }

    /// Adds `other`'s sums to these; on overflow, the account whose sum overflows.
    fn merge(&mut self, other: RowSums) -> Result<(), String> {
        let overflow = |account: &str| account.to_owned();
        for (account, (sum, rows)) in other.by_account {
            let name = other.accounts.name(account);
            let id = self.accounts.id(name);
            let e = self.by_account.entry(id).or_default();
            e.0 =
                e.0.checked_add(sum)
                    .filter(|s| s.abs() <= LIMIT)
                    .ok_or_else(|| overflow(name))?;
            e.1 += rows;
        }
        for ((dimension, object, account), (sum, rows)) in other.by_object {
            let name = other.accounts.name(account);
            let key = (
                dimension,
                self.objects.id(other.objects.name(object)),
                self.accounts.id(name),
            );
            let e = self.by_object.entry(key).or_default();
            e.0 = e.0.checked_add(sum).ok_or_else(|| overflow(name))?;
            e.1 += rows;
        }
        self.abs = self.abs.saturating_add(other.abs);
        Ok(())
    }

    fn move_into(self, tb: &mut TrialBalance) -> crate::Result<()> {
        for (account, (sum, rows)) in &self.by_account {
            let name = self.accounts.name(*account);
            tb.add_movement(name, None, Amount::new(*sum)?, *rows)?;
        }
        for ((dimension, object, account), (sum, rows)) in &self.by_object {
            let o = crate::sie::ObjectRef {
                dimension: *dimension,
                object: self.objects.name(*object).to_owned(),
            };
            let name = self.accounts.name(*account);
            tb.add_movement(name, Some(&o), Amount::new(*sum)?, *rows)?;
        }
        Ok(())
    }
}
