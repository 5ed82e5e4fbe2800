//! Kontoplan → statement lines: a data-driven account mapping with a Kommun-Bas default.

use crate::error::{Error, Result};
use crate::statement::{BalanceLine, IncomeLine};

/// Which accounts a rule covers.
///
/// ```
/// use kommunal_redovisning::ledger::AccountMatch;
///
/// let range = AccountMatch::Range { from: "40".into(), to: "78".into() };
/// assert!(range.matches("4010"));
/// assert!(!range.matches("7910"));
/// assert!(AccountMatch::Prefix("79".into()).matches("7910"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "kontointervall")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum AccountMatch {
    /// Every account whose number starts with these digits, e.g. `"79"`.
    Prefix(String),
    /// Every account whose first `from.len()` digits, read as a number, lie in
    /// `from..=to` (both of the same length), e.g. `40`–`78`.
    Range {
        /// First prefix (inclusive).
        from: String,
        /// Last prefix (inclusive), same number of digits as `from`.
        to: String,
    },
}

impl AccountMatch {
    pub(crate) fn check(&self) -> Result<()> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match self {
            AccountMatch::Prefix(p) if digits(p) => Ok(()),
            AccountMatch::Range { from, to }
                if digits(from) && digits(to) && from.len() == to.len() && from <= to =>
            {
                Ok(())
            }
            AccountMatch::Prefix(p) => Err(Error::InvalidRule(format!(
                "kontomönstret {p:?} är inte bara siffror"
            ))),
            AccountMatch::Range { from, to } => Err(Error::InvalidRule(format!(
                "kontointervallet {from:?}–{to:?}: från och till ska vara siffror med lika många \
                 tecken och från ≤ till"
            ))),
        }
    }

    /// `true` when `account` is covered.
    #[must_use]
    pub fn matches(&self, account: &str) -> bool {
        match self {
            AccountMatch::Prefix(p) => account.starts_with(p.as_str()),
            AccountMatch::Range { from, to } => account
                .get(..from.len())
                .is_some_and(|head| head >= from.as_str() && head <= to.as_str()),
        }
    }

    /// How specific the match is: the number of digits it fixes. The most specific
    /// rule wins.
    pub(crate) fn specificity(&self) -> usize {
        match self {
            AccountMatch::Prefix(p) => p.len(),
            AccountMatch::Range { from, .. } => from.len(),
        }
    }
}

/// Where a matched account goes.
///
/// ```
/// use kommunal_redovisning::ledger::{Chart, Target};
/// use kommunal_redovisning::statement::{BalanceLine, IncomeLine};
///
/// let chart = Chart::kommun_bas();
/// assert_eq!(chart.target("3010"), Some(&Target::Income(IncomeLine::OperatingRevenue)));
/// // Result accounts are credit-negative in the ledger: the sign flips.
/// assert_eq!(Target::Income(IncomeLine::OperatingRevenue).sign(), -1);
/// assert_eq!(Target::Balance(BalanceLine::CashAndBank).sign(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "rapportrad")]
pub enum Target {
    /// A post of the resultaträkning. Result accounts are credit-negative in the ledger,
    /// so the sign is flipped (revenues become positive, costs negative).
    Income(IncomeLine),
    /// A post of the balansräkning. Asset accounts keep their sign; equity, provision and
    /// liability accounts (credit-negative in the ledger) are flipped to positive.
    Balance(BalanceLine),
    /// Internal items (interna poster) between the entity's own units: eliminated from
    /// the resultaträkning, kept in the driftredovisning, on the given line.
    Internal(IncomeLine),
    /// Deliberately left out of the statements, with the reason (e.g. 89 Årets resultat,
    /// the closing entry).
    Excluded(String),
}

impl Target {
    /// The factor that turns a ledger balance (debit positive) into a published figure.
    #[must_use]
    pub fn sign(&self) -> i64 {
        match self {
            Target::Income(_) | Target::Internal(_) => -1,
            Target::Balance(l) if is_credit_line(*l) => -1,
            Target::Balance(_) | Target::Excluded(_) => 1,
        }
    }
}

fn is_credit_line(line: BalanceLine) -> bool {
    use BalanceLine as L;
    matches!(
        line,
        L::ResultForTheYear
            | L::ResultReserve
            | L::OtherEquity
            | L::PensionProvisions
            | L::OtherProvisions
            | L::LongTermLiabilities
            | L::CurrentLiabilities
    )
}

/// One rule of a [`Chart`].
///
/// ```
/// use kommunal_redovisning::ledger::{AccountMatch, Chart, ChartRule, Target};
/// use kommunal_redovisning::statement::IncomeLine;
///
/// let rule = ChartRule {
///     accounts: AccountMatch::Prefix("3".into()),
///     target: Target::Income(IncomeLine::OperatingRevenue),
/// };
/// let chart = Chart::new(vec![rule])?;
/// assert_eq!(chart.target("3510"), Some(&Target::Income(IncomeLine::OperatingRevenue)));
/// assert_eq!(chart.target("4010"), None);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "kopplingsregel")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ChartRule {
    /// The accounts covered.
    pub accounts: AccountMatch,
    /// Where they go.
    pub target: Target,
}

/// A kontoplan mapping (kopplingstabell): account ranges → statement lines.
///
/// Rules are data: load them from JSON, start from [`Chart::kommun_bas`] and override.
/// In JSON, `{"extends": "kommun_bas", "rules": [...]}` adds the given rules to the
/// Kommun-Bas default; without `extends` the rules stand alone.
/// When several rules cover an account the most specific wins (the one fixing most
/// digits; among equals, the one added last), so an override for `"2211"` beats the
/// default for `"22"`.
///
/// ```
/// use kommunal_redovisning::ledger::{AccountMatch, Chart, ChartRule, Target};
/// use kommunal_redovisning::statement::{BalanceLine, IncomeLine};
///
/// let mut chart = Chart::kommun_bas();
/// assert_eq!(chart.target("7910"), Some(&Target::Income(IncomeLine::Depreciation)));
/// assert_eq!(chart.target("4010"), Some(&Target::Income(IncomeLine::OperatingExpenses)));
/// // This municipality keeps its resultatutjämningsreserv on 2050.
/// chart.push(ChartRule {
///     accounts: AccountMatch::Prefix("2050".into()),
///     target: Target::Balance(BalanceLine::ResultReserve),
/// })?;
/// assert_eq!(chart.target("20501"), Some(&Target::Balance(BalanceLine::ResultReserve)));
/// assert_eq!(chart.target("2010"), Some(&Target::Balance(BalanceLine::OtherEquity)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "kontoplan")]
#[doc(alias = "kopplingstabell")]
#[doc(alias = "Kommun-Bas")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Chart {
    rules: Vec<ChartRule>,
}

impl Chart {
    /// A chart from rules, each validated.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for a malformed account match.
    ///
    /// ```
    /// use kommunal_redovisning::ledger::{AccountMatch, Chart, ChartRule, Target};
    /// use kommunal_redovisning::statement::BalanceLine;
    ///
    /// let chart = Chart::new(vec![ChartRule {
    ///     accounts: AccountMatch::Prefix("19".into()),
    ///     target: Target::Balance(BalanceLine::CashAndBank),
    /// }])?;
    /// assert_eq!(chart.rules().len(), 1);
    /// // A malformed range (from > to) is refused.
    /// let bad = ChartRule {
    ///     accounts: AccountMatch::Range { from: "78".into(), to: "40".into() },
    ///     target: Target::Excluded("test".into()),
    /// };
    /// assert!(Chart::new(vec![bad]).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(rules: Vec<ChartRule>) -> Result<Self> {
        for r in &rules {
            r.accounts.check()?;
        }
        Ok(Chart { rules })
    }

    /// Adds a rule (it wins over earlier rules of equal specificity).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for a malformed account match.
    pub fn push(&mut self, rule: ChartRule) -> Result<()> {
        rule.accounts.check()?;
        self.rules.push(rule);
        Ok(())
    }

    /// The rules in the order given.
    #[must_use]
    pub fn rules(&self) -> &[ChartRule] {
        &self.rules
    }

    /// Where `account` goes, or `None` when no rule covers it. An invalid account
    /// number (not 1 to 10 digits, [`crate::sie::is_account_number`]) is never matched
    /// by a prefix: it has no target and lands among the unmapped accounts.
    ///
    /// ```
    /// use kommunal_redovisning::ledger::Chart;
    /// let chart = Chart::kommun_bas();
    /// assert!(chart.target("1930").is_some());
    /// for bad in ["", "50AF", "-5010", "19301234567890123456"] {
    ///     assert_eq!(chart.target(bad), None, "{bad:?}");
    /// }
    /// ```
    #[must_use]
    pub fn target(&self, account: &str) -> Option<&Target> {
        if !crate::sie::is_account_number(account) {
            return None;
        }
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.accounts.matches(account))
            .max_by_key(|(i, r)| (r.accounts.specificity(), *i))
            .map(|(_, r)| &r.target)
    }

    /// The default mapping for Kommun-Bas (SKR's chart for kommuner).
    ///
    /// Result accounts (SKR's Kommun-Bas, skr.se kommunbas, derived from the group names; SKR
    /// publishes no official mapping): 3 → verksamhetens intäkter; 4–7 except 79 →
    /// verksamhetens kostnader; 79 → avskrivningar; 80 → skatteintäkter; 82–83 →
    /// generella statsbidrag och utjämning; 84 → finansiella intäkter; 85 → finansiella
    /// kostnader; 87–88 → extraordinära poster; 89 (årets resultat, the closing entry)
    /// excluded.
    ///
    /// Balance accounts — **unconfirmed group names**, override as needed: 10
    /// immateriella; 11 mark, byggnader och tekniska anläggningar; 12 maskiner och
    /// inventarier; 13 finansiella anläggningstillgångar; 14 bidrag till infrastruktur;
    /// 15 förråd m.m.; 16–17 fordringar; 18 kortfristiga placeringar; 19 kassa och bank;
    /// 20 eget kapital (övrigt; map the reserve's account to
    /// [`BalanceLine::ResultReserve`] yourself); 22 avsättningar (221 pensioner, the
    /// rest andra); 23 långfristiga skulder; 24–29 kortfristiga skulder. Classes 0 and
    /// 9 and group 21 have no default and are reported as unmapped when non-zero.
    /// Internal items (interna poster) have no default either: mark their accounts
    /// with [`Target::Internal`].
    ///
    /// ```
    /// use kommunal_redovisning::ledger::{Chart, Target};
    /// use kommunal_redovisning::statement::{BalanceLine, IncomeLine};
    ///
    /// let chart = Chart::kommun_bas();
    /// assert_eq!(chart.target("8010"), Some(&Target::Income(IncomeLine::TaxRevenue)));
    /// assert_eq!(chart.target("2210"), Some(&Target::Balance(BalanceLine::PensionProvisions)));
    /// assert!(matches!(chart.target("8910"), Some(Target::Excluded(_))));
    /// assert_eq!(chart.target("2110"), None);
    /// ```
    #[must_use]
    pub fn kommun_bas() -> Self {
        use BalanceLine as B;
        use IncomeLine as I;
        let p = |s: &str, t: Target| ChartRule {
            accounts: AccountMatch::Prefix(s.to_owned()),
            target: t,
        };
        let r = |a: &str, b: &str, t: Target| ChartRule {
            accounts: AccountMatch::Range {
                from: a.to_owned(),
                to: b.to_owned(),
            },
            target: t,
        };
        Chart {
            rules: vec![
                p("10", Target::Balance(B::IntangibleAssets)),
                p("11", Target::Balance(B::LandAndBuildings)),
                p("12", Target::Balance(B::MachineryAndEquipment)),
                p("13", Target::Balance(B::FinancialFixedAssets)),
                p("14", Target::Balance(B::InfrastructureContributions)),
                p("15", Target::Balance(B::Inventories)),
                r("16", "17", Target::Balance(B::Receivables)),
                p("18", Target::Balance(B::ShortTermInvestments)),
                p("19", Target::Balance(B::CashAndBank)),
                p("20", Target::Balance(B::OtherEquity)),
                p("22", Target::Balance(B::OtherProvisions)),
                p("221", Target::Balance(B::PensionProvisions)),
                p("23", Target::Balance(B::LongTermLiabilities)),
                r("24", "29", Target::Balance(B::CurrentLiabilities)),
                p("3", Target::Income(I::OperatingRevenue)),
                r("4", "7", Target::Income(I::OperatingExpenses)),
                p("79", Target::Income(I::Depreciation)),
                p("80", Target::Income(I::TaxRevenue)),
                r("82", "83", Target::Income(I::GeneralGrants)),
                p("84", Target::Income(I::FinancialIncome)),
                p("85", Target::Income(I::FinancialExpenses)),
                r("87", "88", Target::Income(I::ExtraordinaryItems)),
                p(
                    "89",
                    Target::Excluded(
                        "89 Årets resultat: bokslutsposten, inte en del av rapporterna".into(),
                    ),
                ),
            ],
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Chart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            #[serde(default)]
            extends: Option<String>,
            rules: Vec<ChartRule>,
        }
        let raw = Raw::deserialize(d)?;
        let mut rules = match raw.extends.as_deref() {
            None => Vec::new(),
            Some("kommun_bas") => Chart::kommun_bas().rules,
            Some(other) => {
                return Err(serde::de::Error::custom(format_args!(
                    "okänd baskontoplan {other:?}: den enda inbyggda är \"kommun_bas\""
                )));
            }
        };
        rules.extend(raw.rules);
        Chart::new(rules).map_err(|e| serde::de::Error::custom(e.sv()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommun_bas_defaults() {
        let c = Chart::kommun_bas();
        let t = |a| c.target(a).cloned();
        assert_eq!(
            t("3011"),
            Some(Target::Income(IncomeLine::OperatingRevenue))
        );
        assert_eq!(
            t("5010"),
            Some(Target::Income(IncomeLine::OperatingExpenses))
        );
        assert_eq!(
            t("7810"),
            Some(Target::Income(IncomeLine::OperatingExpenses))
        );
        assert_eq!(t("7912"), Some(Target::Income(IncomeLine::Depreciation)));
        assert_eq!(t("8011"), Some(Target::Income(IncomeLine::TaxRevenue)));
        assert_eq!(t("831"), Some(Target::Income(IncomeLine::GeneralGrants)));
        assert_eq!(t("8441"), Some(Target::Income(IncomeLine::FinancialIncome)));
        assert_eq!(
            t("8512"),
            Some(Target::Income(IncomeLine::FinancialExpenses))
        );
        assert_eq!(
            t("8810"),
            Some(Target::Income(IncomeLine::ExtraordinaryItems))
        );
        assert!(matches!(t("8999"), Some(Target::Excluded(_))));
        assert_eq!(
            t("2211"),
            Some(Target::Balance(BalanceLine::PensionProvisions))
        );
        assert_eq!(
            t("2290"),
            Some(Target::Balance(BalanceLine::OtherProvisions))
        );
        assert_eq!(
            t("2440"),
            Some(Target::Balance(BalanceLine::CurrentLiabilities))
        );
        assert_eq!(t("1710"), Some(Target::Balance(BalanceLine::Receivables)));
        assert_eq!(t("2110"), None);
        assert_eq!(t("9000"), None);
        assert_eq!(t("81"), None);
    }

    #[test]
    fn signs() {
        assert_eq!(Target::Income(IncomeLine::OperatingRevenue).sign(), -1);
        assert_eq!(Target::Balance(BalanceLine::CashAndBank).sign(), 1);
        assert_eq!(Target::Balance(BalanceLine::CurrentLiabilities).sign(), -1);
    }

    #[test]
    fn invalid_rules_are_refused() {
        let bad = |m| {
            Chart::new(vec![ChartRule {
                accounts: m,
                target: Target::Excluded("x".into()),
            }])
        };
        assert!(bad(AccountMatch::Prefix("".into())).is_err());
        assert!(bad(AccountMatch::Prefix("4a".into())).is_err());
        assert!(
            bad(AccountMatch::Range {
                from: "40".into(),
                to: "7".into()
            })
            .is_err()
        );
        assert!(
            bad(AccountMatch::Range {
                from: "78".into(),
                to: "40".into()
            })
            .is_err()
        );
        assert!(
            bad(AccountMatch::Range {
                from: "40".into(),
                to: "78".into()
            })
            .is_ok()
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn chart_as_json() {
        let json = serde_json::to_string(&Chart::kommun_bas()).unwrap();
        let back: Chart = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Chart::kommun_bas());
        let over = r#"{"extends":"kommun_bas","rules":[{"accounts":{"prefix":"2050"},"target":{"balance":"result_reserve"}}]}"#;
        let c: Chart = serde_json::from_str(over).unwrap();
        assert_eq!(
            c.target("2050"),
            Some(&Target::Balance(BalanceLine::ResultReserve))
        );
        assert_eq!(
            c.target("7910"),
            Some(&Target::Income(IncomeLine::Depreciation))
        );
        assert!(serde_json::from_str::<Chart>(r#"{"extends":"bas","rules":[]}"#).is_err());
        let bad = r#"{"rules":[{"accounts":{"prefix":"x"},"target":{"excluded":"x"}}]}"#;
        assert!(serde_json::from_str::<Chart>(bad).is_err());
    }
}
