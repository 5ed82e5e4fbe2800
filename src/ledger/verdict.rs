//! Samlad bedömning: the overall verdict of a ledger read — whether the statements
//! built from an SIE file can be trusted, and the exit status a program should give.

use super::{Disagreement, LedgerStatements, SieLedger};
use crate::sie::Severity;

/// Samlad bedömning (overall verdict) of a ledger read from an SIE file and the
/// statements built from it, after the checks that LKBR 4 kap. (bokföringen ska vara
/// fullständig och avstämd) and RKR R15 (årsredovisningens delar ska hänga ihop) ask
/// for: the file read without an error, its stated balances agree with its vouchers,
/// every account with a balance is in the statements or excluded on purpose, the
/// balansräkning balances, and the driftredovisning reconciles with the
/// resultaträkning.
///
/// Only a verdict with no problem at all may be told as "stämmer"; anything else
/// names each problem. [`LedgerVerdict::exit_code`] is 0 then, 1 otherwise.
///
/// ```
/// use kommunal_redovisning::ledger::{Chart, LedgerStatements, LedgerVerdict, SieLedger};
/// use kommunal_redovisning::sie::ReadOptions;
///
/// let ok = "#FLAGGA 0\n#PROGRAM \"T\" 1\n#FORMAT PC8\n#GEN 20250701\n#SIETYP 4\n\
///           #FNAMN \"Lystkom\"\n#RAR 0 20250101 20251231\n#KONTO 1930 \"Bank\"\n\
///           #KONTO 3110 \"Avgifter\"\n#IB 0 1930 0\n#UB 0 1930 250\n#RES 0 3110 -250\n\
///           #VER A 1 20250115\n{\n#TRANS 1930 {} 250\n#TRANS 3110 {} -250\n}\n";
/// let verdict = |file: &str| -> Result<LedgerVerdict, Box<dyn std::error::Error>> {
///     let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
///     let disagreements = ledger.trial_balance.reconcile()?;
///     if !ledger.trial_balance.years().contains(&0) {
///         // No financial year 0 in the file: no statements to build.
///         return Ok(LedgerVerdict::new(&ledger, None, &disagreements, None));
///     }
///     let statements = LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0)?;
///     Ok(LedgerVerdict::new(&ledger, Some(&statements), &disagreements, Some(true)))
/// };
/// let v = verdict(ok)?;
/// assert!(v.passed(), "{:?}", v.problems());
/// assert_eq!(v.exit_code(), 0);
/// assert!(v.closing_line().ends_with("stämmer."));
///
/// // The same file with a #UB the vouchers contradict.
/// let bad = verdict(&ok.replace("#UB 0 1930 250", "#UB 0 1930 300"))?;
/// assert_eq!(bad.exit_code(), 1);
/// assert_eq!(bad.disagreements, 1);
/// assert!(!bad.closing_line().contains("stämmer"));
///
/// // An empty file has no year to build statements for: never "stämmer".
/// let empty = verdict("")?;
/// assert!(!empty.passed());
/// assert_eq!(empty.exit_code(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "samlad bedömning")]
#[doc(alias = "avstämning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LedgerVerdict {
    /// Error-level diagnostics of the reader.
    pub errors: usize,
    /// Warning-level diagnostics of the reader.
    pub warnings: usize,
    /// `true` when the file held no balance and no voucher row at all.
    pub empty: bool,
    /// `true` when the file held voucher rows, so stated balances could be reconciled.
    pub has_vouchers: bool,
    /// `true` when the statements of the current year could be built.
    pub statements_built: bool,
    /// Accounts (and objects) whose stated #UB or #RES disagree with the vouchers.
    pub disagreements: usize,
    /// Accounts with a balance that no chart rule covers.
    pub unmapped: usize,
    /// Rows and balances on invalid account numbers the ledger did not keep per account
    /// ([`super::SieLedger::invalid_accounts_beyond`]): not in the statements.
    #[cfg_attr(feature = "serde", serde(default))]
    pub invalid_accounts_not_kept: u64,
    /// `true` when the balansräkning balances.
    pub balance_sheet_balances: bool,
    /// Whether the driftredovisning reconciled with the resultaträkning; `None` when
    /// it was not built.
    pub operating_reconciled: Option<bool>,
}

impl LedgerVerdict {
    /// The verdict on `ledger` and the `statements` built from it (`None` when they
    /// could not be built, e.g. the file has no year 0), with the `disagreements` of
    /// [`super::TrialBalance::reconcile`] and whether the driftredovisning reconciled
    /// (`None` when not built).
    ///
    /// ```
    /// use kommunal_redovisning::ledger::{Chart, LedgerStatements, LedgerVerdict, SieLedger};
    /// use kommunal_redovisning::sie::ReadOptions;
    ///
    /// // Påhittad fil, complete and agreeing with itself.
    /// let file = "#FLAGGA 0\n#PROGRAM \"T\" 1\n#FORMAT PC8\n#GEN 20250701\n#SIETYP 4\n#RAR 0 20250101 20251231\n\
    ///     #IB 0 1930 0\n#UB 0 1930 250\n#RES 0 3110 -250\n#VER A 1 20250115\n{\n#TRANS 1930 {} 250\n#TRANS 3110 {} -250\n}\n";
    /// let ledger = SieLedger::read(file.as_bytes(), ReadOptions::default())?;
    /// let disagreements = ledger.trial_balance.reconcile()?;
    /// let statements = LedgerStatements::build(&ledger.trial_balance, &Chart::kommun_bas(), 0)?;
    /// assert_eq!(LedgerVerdict::new(&ledger, Some(&statements), &disagreements, None).exit_code(), 0);
    /// // A driftredovisning that did not reconcile makes the verdict fail.
    /// let v = LedgerVerdict::new(&ledger, Some(&statements), &disagreements, Some(false));
    /// assert_eq!((v.passed(), v.exit_code()), (false, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        ledger: &SieLedger,
        statements: Option<&LedgerStatements>,
        disagreements: &[Disagreement],
        operating_reconciled: Option<bool>,
    ) -> Self {
        let count = |s: Severity| {
            ledger
                .diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
        };
        let tb = &ledger.trial_balance;
        LedgerVerdict {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            empty: tb.years().is_empty(),
            has_vouchers: tb.has_vouchers(),
            statements_built: statements.is_some(),
            disagreements: disagreements.len(),
            unmapped: statements.map_or(0, |s| s.unmapped.len()),
            invalid_accounts_not_kept: ledger
                .invalid_accounts_beyond
                .as_ref()
                .map_or(0, super::InvalidAccountsBeyond::records),
            balance_sheet_balances: statements.is_some_and(|s| s.balance.validate().is_ok()),
            operating_reconciled,
        }
    }

    /// `true` when nothing is wrong: the only verdict that may be told as "stämmer".
    #[must_use]
    pub fn passed(&self) -> bool {
        self.problems().is_empty()
    }

    /// The exit status for a program: 0 when [`LedgerVerdict::passed`], else 1.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        u8::from(!self.passed())
    }

    /// Every problem, in Swedish, one sentence each; empty when all is well.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.empty {
            out.push("filen innehåller inga saldon och inga verifikationer".to_owned());
        }
        if !self.statements_built && !self.empty {
            out.push(
                "rapporterna kunde inte byggas: filen har inget innevarande räkenskapsår"
                    .to_owned(),
            );
        }
        if self.errors > 0 {
            out.push(format!(
                "{} fel i filen (se diagnostiken): siffrorna kan vara ofullständiga",
                self.errors
            ));
        }
        if self.disagreements > 0 {
            out.push(format!(
                "{} konton där filens angivna saldon och verifikationerna skiljer sig",
                self.disagreements
            ));
        }
        if self.unmapped > 0 {
            out.push(format!(
                "{} konton med saldo som kontoplanen inte täcker och som inte är med i rapporterna",
                self.unmapped
            ));
        }
        if self.invalid_accounts_not_kept > 0 {
            out.push(format!(
                "{} poster på ytterligare ogiltiga kontonummer hålls inte per konto och är inte \
                 med i rapporterna",
                self.invalid_accounts_not_kept
            ));
        }
        if self.statements_built && !self.balance_sheet_balances {
            out.push("balansräkningen balanserar inte".to_owned());
        }
        if self.operating_reconciled == Some(false) {
            out.push("driftredovisningen stämmer inte mot resultaträkningen".to_owned());
        }
        out
    }

    /// The closing line a report ends with, in Swedish: "… stämmer." only when
    /// [`LedgerVerdict::passed`], otherwise the problems.
    #[must_use]
    pub fn closing_line(&self) -> String {
        let problems = self.problems();
        if problems.is_empty() {
            let reconciled = if self.has_vouchers {
                "filens saldon stämmer med verifikationerna, "
            } else {
                "filen har inga verifikationer att stämma av saldona mot, "
            };
            format!(
                "Filen lästes utan fel, {reconciled}alla konton med saldo är med i rapporterna \
                 och balansräkningen balanserar: stämmer."
            )
        } else {
            format!("Stämmer inte: {}.", problems.join("; "))
        }
    }
}
