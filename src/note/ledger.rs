//! Notes from a ledger: a [`NoteChart`] says which accounts each note covers (its
//! scope) and where in the note each account goes (its rules); [`LedgerNotes::build`]
//! builds the notes of one year from a [`TrialBalance`] and reports every account in a
//! note's scope that no rule places, with its amount.

use std::collections::BTreeMap;

use super::fixed_assets::{AssetClass, FixedAssetSchedule, GrossValues};
use super::pension::PensionProvisionSchedule;
use super::revenue::{GeneralGrantsSchedule, GrantComponent, GrantPart, TaxRevenueSchedule};
use super::specification::NamedAmount;
use super::{LoanSchedule, Note, NoteBody, NoteColumn, NoteKind};
use crate::error::Result;
use crate::ledger::{AccountMatch, SieLedger, TrialBalance, UnmappedAccount};
use crate::money::Amount;
use crate::period::FinancialYear;
use crate::statement::{BalanceLine, BalanceSheet, IncomeLine, IncomeStatement};

/// Which gross value of an anläggningstillgång an account holds.
///
/// ```
/// use kommunal_redovisning::note::{AssetPart, NoteChart, NoteTarget};
/// use kommunal_redovisning::statement::BalanceLine;
///
/// // Kommun-Bas: account 1119 is a building, its gross value read from the last digit.
/// let chart = NoteChart::kommun_bas();
/// assert_eq!(chart.target("1119"), Some(&NoteTarget::FixedAsset { line: BalanceLine::LandAndBuildings, part: AssetPart::BySuffix }));
/// ```
#[doc(alias = "värdeslag")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AssetPart {
    /// Anskaffningsvärde.
    Cost,
    /// Ackumulerade avskrivningar.
    AccumulatedDepreciation,
    /// Ackumulerade nedskrivningar.
    AccumulatedImpairment,
    /// By the account's last digit, the BAS convention Kommun-Bas follows
    /// **[UNCONFIRMED for Kommun-Bas]**: 9 ackumulerade avskrivningar, 8 ackumulerade
    /// nedskrivningar, any other anskaffningsvärde. Override where the chart differs.
    BySuffix,
}

/// Which part of the skatteintäkter note an account holds.
///
/// ```
/// use kommunal_redovisning::ledger::AccountMatch;
/// use kommunal_redovisning::note::{NoteChart, NoteRule, NoteTarget, TaxPart};
///
/// // This kommun books its slutavräkningsprognos on 8020 (påhittat konto).
/// let mut chart = NoteChart::kommun_bas();
/// chart.push(NoteRule { accounts: AccountMatch::Prefix("8020".into()), target: NoteTarget::TaxRevenue(TaxPart::FinalSettlementForecast) })?;
/// assert_eq!(chart.target("8020"), Some(&NoteTarget::TaxRevenue(TaxPart::FinalSettlementForecast)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "skattedel")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TaxPart {
    /// Preliminär kommunalskatt.
    Preliminary,
    /// Prognos för årets slutavräkning.
    FinalSettlementForecast,
    /// Korrigering av föregående års slutavräkning.
    PriorYearCorrection,
}

/// Where in a note an account goes.
///
/// ```
/// use kommunal_redovisning::note::{NoteChart, NoteKind, NoteTarget};
///
/// let chart = NoteChart::kommun_bas();
/// assert_eq!(chart.target("2310"), Some(&NoteTarget::LongTermLoan));
/// assert_eq!(chart.scope("2310"), Some(NoteKind::LongTermLiabilities));
/// ```
#[doc(alias = "notrad")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum NoteTarget {
    /// An anläggningstillgång of the class on `line`.
    FixedAsset {
        /// The balansräkning post (the class).
        line: BalanceLine,
        /// Which gross value.
        part: AssetPart,
    },
    /// Avsättning för pensioner.
    PensionProvision,
    /// Långfristig skuld.
    LongTermLoan,
    /// A part of skatteintäkter.
    TaxRevenue(TaxPart),
    /// A component of generella statsbidrag och utjämning.
    GeneralGrant(GrantComponent),
}

/// A rule of a [`NoteChart`]: these accounts go to this place in a note.
///
/// ```
/// use kommunal_redovisning::ledger::AccountMatch;
/// use kommunal_redovisning::note::{NoteChart, NoteRule, NoteTarget};
///
/// let rule = NoteRule { accounts: AccountMatch::Prefix("221".into()), target: NoteTarget::PensionProvision };
/// let chart = NoteChart::new(vec![], vec![rule])?;
/// assert_eq!(chart.target("2211"), Some(&NoteTarget::PensionProvision));
/// assert_eq!(chart.target("2310"), None);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "notregel")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NoteRule {
    /// The accounts covered.
    pub accounts: AccountMatch,
    /// Where they go.
    pub target: NoteTarget,
}

/// The range of accounts a note covers: every non-zero account in it must be placed by
/// a [`NoteRule`], else it is reported.
///
/// ```
/// use kommunal_redovisning::ledger::AccountMatch;
/// use kommunal_redovisning::note::{NoteChart, NoteKind, NoteScopeRule};
///
/// let scope = NoteScopeRule { accounts: AccountMatch::Prefix("23".into()), kind: NoteKind::LongTermLiabilities };
/// let chart = NoteChart::new(vec![scope], vec![])?;
/// assert_eq!(chart.scope("2350"), Some(NoteKind::LongTermLiabilities));
/// assert_eq!(chart.target("2350"), None); // in scope, but placed by no rule
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "notomfång")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NoteScopeRule {
    /// The accounts covered.
    pub accounts: AccountMatch,
    /// The note they belong to.
    pub kind: NoteKind,
}

/// Kontoplan → noter: which accounts each note covers and where each goes, as data.
///
/// In JSON, `{"extends": "kommun_bas", "scopes": [...], "rules": [...]}` adds to the
/// Kommun-Bas default (the most specific rule wins; among equals the one added last);
/// without `extends` the rules stand alone.
///
/// ```
/// use kommunal_redovisning::ledger::AccountMatch;
/// use kommunal_redovisning::note::{NoteChart, NoteRule, NoteTarget, TaxPart};
///
/// let mut chart = NoteChart::kommun_bas();
/// assert_eq!(chart.target("2211"), Some(&NoteTarget::PensionProvision));
/// // Skatteintäkter have no default parts: say where this kommun books them.
/// assert_eq!(chart.target("8010"), None);
/// chart.push(NoteRule {
///     accounts: AccountMatch::Prefix("8010".into()),
///     target: NoteTarget::TaxRevenue(TaxPart::Preliminary),
/// })?;
/// assert_eq!(chart.target("8010"), Some(&NoteTarget::TaxRevenue(TaxPart::Preliminary)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "notkarta")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NoteChart {
    scopes: Vec<NoteScopeRule>,
    rules: Vec<NoteRule>,
}

impl NoteChart {
    /// A chart from scopes and rules, each validated.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidRule`] for a malformed account match.
    ///
    /// ```
    /// use kommunal_redovisning::ledger::AccountMatch;
    /// use kommunal_redovisning::note::{NoteChart, NoteKind, NoteScopeRule};
    ///
    /// let empty = NoteChart::new(vec![], vec![])?;
    /// assert_eq!(empty.scope("2211"), None);
    /// // A malformed account match is refused.
    /// let bad = NoteScopeRule { accounts: AccountMatch::Prefix("2x".into()), kind: NoteKind::Other };
    /// assert!(NoteChart::new(vec![bad], vec![]).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(scopes: Vec<NoteScopeRule>, rules: Vec<NoteRule>) -> Result<Self> {
        for s in &scopes {
            s.accounts.check()?;
        }
        for r in &rules {
            r.accounts.check()?;
        }
        Ok(NoteChart { scopes, rules })
    }

    /// Adds a rule (it wins over earlier rules of equal specificity).
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidRule`] for a malformed account match.
    pub fn push(&mut self, rule: NoteRule) -> Result<()> {
        rule.accounts.check()?;
        self.rules.push(rule);
        Ok(())
    }

    /// Adds a scope.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidRule`] for a malformed account match.
    pub fn push_scope(&mut self, scope: NoteScopeRule) -> Result<()> {
        scope.accounts.check()?;
        self.scopes.push(scope);
        Ok(())
    }

    /// Where `account` goes, or `None` when no rule covers it.
    #[must_use]
    pub fn target(&self, account: &str) -> Option<&NoteTarget> {
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.accounts.matches(account))
            .max_by_key(|(i, r)| (r.accounts.specificity(), *i))
            .map(|(_, r)| &r.target)
    }

    /// The note whose scope covers `account`, when one does.
    #[must_use]
    pub fn scope(&self, account: &str) -> Option<NoteKind> {
        self.scopes
            .iter()
            .enumerate()
            .filter(|(_, s)| s.accounts.matches(account))
            .max_by_key(|(i, s)| (s.accounts.specificity(), *i))
            .map(|(_, s)| s.kind)
    }

    /// The Kommun-Bas default (group names as in `reference/domain.md` §6; the
    /// account-level conventions are **unconfirmed**, override as needed).
    ///
    /// Scopes: 10 immateriella anläggningstillgångar; 11–12 materiella; 221 avsättningar
    /// för pensioner; 23 långfristiga skulder; 80 skatteintäkter; 82–83 generella
    /// statsbidrag och utjämning.
    ///
    /// Rules: 10, 11, 12 → their balansräkning post, gross value by the account's last
    /// digit ([`AssetPart::BySuffix`]); 221 → avsättning för pensioner; 23 → långfristig
    /// skuld. Skatteintäkter and utjämning have no default parts (SKR's account-level
    /// split was not confirmed): until rules place them, their accounts are reported as
    /// unplaced.
    ///
    /// ```
    /// use kommunal_redovisning::note::{NoteChart, NoteKind};
    ///
    /// let chart = NoteChart::kommun_bas();
    /// assert_eq!(chart.scope("8010"), Some(NoteKind::TaxRevenue));
    /// assert_eq!(chart.scope("2211"), Some(NoteKind::PensionProvisions));
    /// assert_eq!(chart.target("8010"), None); // skatteintäkter have no default parts
    /// ```
    #[must_use]
    pub fn kommun_bas() -> Self {
        let p = |s: &str| AccountMatch::Prefix(s.to_owned());
        let r = |a: &str, b: &str| AccountMatch::Range {
            from: a.to_owned(),
            to: b.to_owned(),
        };
        let scope = |accounts, kind| NoteScopeRule { accounts, kind };
        let rule = |accounts, target| NoteRule { accounts, target };
        let asset = |line| NoteTarget::FixedAsset {
            line,
            part: AssetPart::BySuffix,
        };
        NoteChart {
            scopes: vec![
                scope(p("10"), NoteKind::IntangibleAssets),
                scope(r("11", "12"), NoteKind::TangibleAssets),
                scope(p("221"), NoteKind::PensionProvisions),
                scope(p("23"), NoteKind::LongTermLiabilities),
                scope(p("80"), NoteKind::TaxRevenue),
                scope(r("82", "83"), NoteKind::GeneralGrants),
            ],
            rules: vec![
                rule(p("10"), asset(BalanceLine::IntangibleAssets)),
                rule(p("11"), asset(BalanceLine::LandAndBuildings)),
                rule(p("12"), asset(BalanceLine::MachineryAndEquipment)),
                rule(p("221"), NoteTarget::PensionProvision),
                rule(p("23"), NoteTarget::LongTermLoan),
            ],
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for NoteChart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            #[serde(default)]
            extends: Option<String>,
            #[serde(default)]
            scopes: Vec<NoteScopeRule>,
            #[serde(default)]
            rules: Vec<NoteRule>,
        }
        let raw = Raw::deserialize(d)?;
        let mut chart = match raw.extends.as_deref() {
            None => NoteChart::default(),
            Some("kommun_bas") => NoteChart::kommun_bas(),
            Some(other) => {
                return Err(serde::de::Error::custom(format_args!(
                    "okänd basnotkarta {other:?}: den enda inbyggda är \"kommun_bas\""
                )));
            }
        };
        chart.scopes.extend(raw.scopes);
        chart.rules.extend(raw.rules);
        NoteChart::new(chart.scopes, chart.rules).map_err(|e| serde::de::Error::custom(e.sv()))
    }
}

/// The row of an anläggningstillgångar note built from a ledger for a decrease of the
/// accumulated depreciation that cannot be netted into försäljningar och utrangeringar
/// (the cost did not decrease as much).
const DEPRECIATION_REVERSED: &str =
    "Försäljningar och utrangeringar, återförda ackumulerade avskrivningar";

/// The notes of one year built from a ledger, the statement lines that refer to them,
/// and the accounts in a note's scope that no rule placed.
///
/// The ledger gives balances and net changes per account, so: a cost account's net
/// increase is shown as investeringar and a net decrease as försäljningar och
/// utrangeringar; a decrease of accumulated depreciation (depreciation reversed on
/// disposals) is netted into försäljningar, or, where the cost did not decrease as much,
/// shown as a row of its own ("Försäljningar och utrangeringar, återförda ackumulerade
/// avskrivningar"); the avsättning för pensioner shows its
/// change in one row (the split into nyintjänad pension, uppräkning, utbetalningar
/// comes from the pension administrator's calculation, not the ledger).
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::ledger::{BalanceKind, TrialBalance};
/// use kommunal_redovisning::note::{LedgerNotes, NoteChart, NoteKind};
///
/// let mut tb = TrialBalance::new();
/// tb.add_balance(0, "1110", None, BalanceKind::Opening, Amount::kr(50_000))?;
/// tb.add_balance(0, "2310", None, BalanceKind::Opening, Amount::kr(-50_000))?;
/// tb.add_transaction("1119", &[], Amount::kr(-2_500))?;
/// tb.add_transaction("7910", &[], Amount::kr(2_500))?;
/// let notes = LedgerNotes::build(&tb, &NoteChart::kommun_bas(), 0, FinancialYear::new(2025), 1)?;
/// let anl = notes.notes.iter().find(|n| n.kind == NoteKind::TangibleAssets).unwrap();
/// assert_eq!(anl.total(0)?, Some(Amount::kr(47_500)));
/// assert!(anl.check()?.is_empty());
/// assert!(notes.unplaced.is_empty());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "noter från huvudboken")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LedgerNotes {
    /// The notes, numbered from the first number given, in statement order.
    pub notes: Vec<Note>,
    /// Resultaträkning posts and their note numbers.
    pub income_references: BTreeMap<IncomeLine, String>,
    /// Balansräkning posts and their note numbers.
    pub balance_references: BTreeMap<BalanceLine, String>,
    /// Accounts in a note's scope that no rule places, with their amounts (closing
    /// balance for balance accounts, change otherwise; debit positive).
    pub unplaced: Vec<UnmappedAccount>,
}

#[derive(Default)]
struct ClassSums {
    opening: GrossValues,
    closing: GrossValues,
}

fn add(slot: &mut Amount, a: Amount) -> Result<()> {
    *slot = slot.checked_add(a)?;
    Ok(())
}

impl LedgerNotes {
    /// Builds the notes of year index `year` (0 = the file's current year) for
    /// `financial_year`, numbering them from `first_number`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::YearIndexNotInLedger`] when the trial balance has no balances
    /// for that year (never empty notes); [`crate::Error::Overflow`]; the validation of
    /// the built notes.
    pub fn build(
        tb: &TrialBalance,
        chart: &NoteChart,
        year: i32,
        financial_year: FinancialYear,
        first_number: u32,
    ) -> Result<Self> {
        let available = tb.years();
        if !available.contains(&year) {
            return Err(crate::Error::YearIndexNotInLedger {
                index: year,
                available,
            });
        }
        let mut classes: BTreeMap<BalanceLine, ClassSums> = BTreeMap::new();
        let mut pension = (Amount::ZERO, Amount::ZERO, false);
        let mut loans = (Amount::ZERO, Amount::ZERO, false);
        let mut tax: BTreeMap<u8, Amount> = BTreeMap::new();
        let mut grants: Vec<GrantPart> = Vec::new();
        let mut out = LedgerNotes::default();
        for (account, y) in tb.accounts(year) {
            let opening = y.opening.unwrap_or_default();
            let closing = y.end_balance()?;
            let target = chart.target(account);
            let Some(target) = target else {
                if chart.scope(account).is_some() {
                    let amount = if account.starts_with(['1', '2']) {
                        closing
                    } else {
                        y.change()?
                    };
                    if !amount.is_zero() {
                        out.unplaced.push(UnmappedAccount {
                            account: account.to_owned(),
                            amount,
                        });
                    }
                }
                continue;
            };
            match target {
                NoteTarget::FixedAsset { line, part } => {
                    let part = match part {
                        AssetPart::BySuffix => match account.chars().last() {
                            Some('9') => AssetPart::AccumulatedDepreciation,
                            Some('8') => AssetPart::AccumulatedImpairment,
                            _ => AssetPart::Cost,
                        },
                        p => *p,
                    };
                    let c = classes.entry(*line).or_default();
                    let (o, cl) = match part {
                        AssetPart::AccumulatedDepreciation => (
                            &mut c.opening.accumulated_depreciation,
                            &mut c.closing.accumulated_depreciation,
                        ),
                        AssetPart::AccumulatedImpairment => (
                            &mut c.opening.accumulated_impairment,
                            &mut c.closing.accumulated_impairment,
                        ),
                        AssetPart::Cost | AssetPart::BySuffix => {
                            (&mut c.opening.cost, &mut c.closing.cost)
                        }
                    };
                    add(o, opening)?;
                    add(cl, closing)?;
                }
                // Credit balances in the ledger: flipped to positive as published.
                NoteTarget::PensionProvision => {
                    add(&mut pension.0, -opening)?;
                    add(&mut pension.1, -closing)?;
                    pension.2 = true;
                }
                NoteTarget::LongTermLoan => {
                    add(&mut loans.0, -opening)?;
                    add(&mut loans.1, -closing)?;
                    loans.2 = true;
                }
                NoteTarget::TaxRevenue(part) => {
                    let key = match part {
                        TaxPart::Preliminary => 0,
                        TaxPart::FinalSettlementForecast => 1,
                        TaxPart::PriorYearCorrection => 2,
                    };
                    add(tax.entry(key).or_default(), -y.change()?)?;
                }
                NoteTarget::GeneralGrant(component) => {
                    let amount = -y.change()?;
                    match grants.iter_mut().find(|g| &g.component == component) {
                        Some(g) => add(&mut g.amount, amount)?,
                        None => grants.push(GrantPart {
                            component: component.clone(),
                            amount,
                        }),
                    }
                }
            }
        }
        let column = || vec![NoteColumn::kommun(financial_year)];
        let mut number = first_number;
        let mut next = || {
            let n = number;
            number = number.saturating_add(1);
            n
        };
        let push = |out: &mut LedgerNotes, note: Note| -> Result<u32> {
            note.validate()?;
            let n = note.number;
            out.notes.push(note);
            Ok(n)
        };
        // Resultaträkning order first, then balansräkning order.
        let tax_parts = [0_u8, 1, 2].map(|k| tax.get(&k).copied().unwrap_or_default());
        if !tax.is_empty() {
            let [
                preliminary,
                final_settlement_forecast,
                prior_year_correction,
            ] = tax_parts;
            let s = TaxRevenueSchedule {
                preliminary,
                final_settlement_forecast,
                prior_year_correction,
                other: Vec::new(),
                total: None,
            };
            let n = push(
                &mut out,
                Note::schedule(
                    next(),
                    NoteKind::TaxRevenue,
                    column(),
                    NoteBody::TaxRevenue(vec![s]),
                )?,
            )?;
            out.income_references
                .insert(IncomeLine::TaxRevenue, n.to_string());
        }
        if !grants.is_empty() {
            let s = GeneralGrantsSchedule {
                parts: grants,
                total: None,
            };
            let n = push(
                &mut out,
                Note::schedule(
                    next(),
                    NoteKind::GeneralGrants,
                    column(),
                    NoteBody::GeneralGrants(vec![s]),
                )?,
            )?;
            out.income_references
                .insert(IncomeLine::GeneralGrants, n.to_string());
        }
        let class = |line: BalanceLine, sums: &ClassSums| -> Result<AssetClass> {
            let mut c = AssetClass::new(line.label(), sums.opening.carrying_value()?);
            c.line = Some(line);
            c.opening_gross = Some(sums.opening);
            c.closing_gross = Some(sums.closing);
            let d_cost = sums.closing.cost.checked_sub(sums.opening.cost)?;
            let d_dep = sums
                .closing
                .accumulated_depreciation
                .checked_sub(sums.opening.accumulated_depreciation)?;
            let d_imp = sums
                .closing
                .accumulated_impairment
                .checked_sub(sums.opening.accumulated_impairment)?;
            if d_cost.is_negative() {
                c.disposals = d_cost;
            } else {
                c.investments = d_cost;
            }
            if d_dep.is_negative() {
                c.depreciation = d_dep;
            } else {
                let netted = c.disposals.checked_add(d_dep)?;
                if netted.is_negative() || netted.is_zero() {
                    c.disposals = netted;
                } else if !d_dep.is_zero() {
                    // The net change of the cost hides what the assets sold or scrapped
                    // cost (or less cost left than depreciation): the depreciation taken
                    // off is shown as it is, as a row of its own.
                    c.other.push(NamedAmount {
                        label: DEPRECIATION_REVERSED.to_owned(),
                        amount: d_dep,
                    });
                }
            }
            if d_imp.is_negative() {
                c.impairments = d_imp;
            } else {
                c.reversed_impairments = d_imp;
            }
            c.rolled_forward()
        };
        let is_zero = |s: &ClassSums| {
            [s.opening, s.closing].iter().all(|g| {
                g.cost.is_zero()
                    && g.accumulated_depreciation.is_zero()
                    && g.accumulated_impairment.is_zero()
            })
        };
        let ledger_text = "Uppställd från huvudboken: årets investeringar och försäljningar är \
                           nettoförändringen av anskaffningsvärdet per tillgångsslag, \
                           avskrivningarna förändringen av de ackumulerade avskrivningarna.";
        for kind in [NoteKind::IntangibleAssets, NoteKind::TangibleAssets] {
            let lines: Vec<(BalanceLine, &ClassSums)> = classes
                .iter()
                .filter(|(l, s)| {
                    ((**l == BalanceLine::IntangibleAssets) == (kind == NoteKind::IntangibleAssets))
                        && !is_zero(s)
                })
                .map(|(l, s)| (*l, s))
                .collect();
            if lines.is_empty() {
                continue;
            }
            let mut list = Vec::new();
            for (l, s) in &lines {
                list.push(class(*l, s)?);
            }
            let n = push(
                &mut out,
                Note::schedule(
                    next(),
                    kind,
                    column(),
                    NoteBody::FixedAssets(vec![FixedAssetSchedule::new(list)]),
                )?
                .with_text(ledger_text),
            )?;
            for (l, _) in lines {
                out.balance_references.insert(l, n.to_string());
            }
        }
        if pension.2 {
            let mut s = PensionProvisionSchedule::new(pension.0);
            let change = pension.1.checked_sub(pension.0)?;
            if !change.is_zero() {
                s.other = vec![NamedAmount::new(
                    "Årets förändring enligt huvudboken",
                    change,
                )];
            }
            s.closing = pension.1;
            let n = push(
                &mut out,
                Note::schedule(
                    next(),
                    NoteKind::PensionProvisions,
                    column(),
                    NoteBody::PensionProvisions(vec![s]),
                )?
                .with_text(
                    "Uppställd från huvudboken. Förändringens fördelning på nyintjänad \
                     pension, ränte- och basbeloppsuppräkning, utbetalningar och löneskatt \
                     framgår av pensionsberäkningen, inte av huvudboken.",
                ),
            )?;
            out.balance_references
                .insert(BalanceLine::PensionProvisions, n.to_string());
        }
        if loans.2 {
            let mut s = LoanSchedule::new(loans.0);
            let change = loans.1.checked_sub(loans.0)?;
            if change.is_negative() {
                s.repayments = change;
            } else {
                s.new_loans = change;
            }
            s.closing = loans.1;
            let n = push(
                &mut out,
                Note::schedule(
                    next(),
                    NoteKind::LongTermLiabilities,
                    column(),
                    NoteBody::LongTermDebt(vec![s]),
                )?
                .with_text("Uppställd från huvudboken: nyupplåning och amortering netto."),
            )?;
            out.balance_references
                .insert(BalanceLine::LongTermLiabilities, n.to_string());
        }
        Ok(out)
    }

    /// The notes of the financial year `year` of a ledger read from SIE (the year
    /// index from its `#RAR` records), numbered from `first_number`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::FinancialYearNotInLedger`] when no `#RAR` covers `year`; as
    /// [`LedgerNotes::build`].
    pub fn for_year(
        ledger: &SieLedger,
        chart: &NoteChart,
        year: FinancialYear,
        first_number: u32,
    ) -> Result<Self> {
        LedgerNotes::build(
            &ledger.trial_balance,
            chart,
            ledger.year_index(year)?,
            year,
            first_number,
        )
    }

    /// Sets the note references of `income` and `balance` to these notes.
    pub fn refer(&self, income: &mut IncomeStatement, balance: &mut BalanceSheet) {
        for (l, n) in &self.income_references {
            income.notes.insert(*l, n.clone());
        }
        for (l, n) in &self.balance_references {
            balance.notes.insert(*l, n.clone());
        }
    }

    /// One message per account in a note's scope that no rule placed; empty when all
    /// were placed.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        self.unplaced
            .iter()
            .map(|u| {
                format!(
                    "konto {} ({}) ligger inom en nots kontointervall men ingen notrad tar det",
                    u.account,
                    super::check::sv_amount_in(u.amount, None)
                )
            })
            .collect()
    }
}
