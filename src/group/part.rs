//! Koncernföretag (LKBR 2 kap.; RKR R15 definitions): the parts of a kommunkoncern,
//! their holdings and whether they are included.

use crate::money::Percent;
use crate::statement::{BalanceSheet, CashFlowStatement, IncomeStatement};

use super::company::{CompanyBalanceSheet, CompanyIncomeStatement};

/// The legal form of a part (associationsform).
///
/// ```
/// use kommunal_redovisning::group::PartKind;
///
/// assert_eq!(PartKind::Aktiebolag.label(), "aktiebolag");
/// assert!(PartKind::Aktiebolag.is_company());
/// assert!(!PartKind::Kommunalforbund.is_company());
/// ```
#[doc(alias = "associationsform")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PartKind {
    /// Aktiebolag (ÅRL, K2/K3).
    Aktiebolag,
    /// Stiftelse.
    Stiftelse,
    /// Handelsbolag.
    Handelsbolag,
    /// Kommunalförbund (KL 9 kap.), which itself reports under LKBR.
    Kommunalforbund,
}

impl PartKind {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            PartKind::Aktiebolag => "aktiebolag",
            PartKind::Stiftelse => "stiftelse",
            PartKind::Handelsbolag => "handelsbolag",
            PartKind::Kommunalforbund => "kommunalförbund",
        }
    }

    /// `true` for the forms that report under the company rules (ÅRL) rather than
    /// LKBR, i.e. the kommunala koncernföretag to which LKBR 12 kap. 6 § does not apply
    /// 5 kap. 4 § and 6 kap. 4 § ([`crate::group::pension`]).
    #[must_use]
    pub fn is_company(self) -> bool {
        !matches!(self, PartKind::Kommunalforbund)
    }
}

/// Who holds a share: the kommun (or region) itself, or another part of the group.
///
/// ```
/// use kommunal_redovisning::group::Owner;
///
/// let o = Owner::Part("bostad".into());
/// assert_eq!(o.part_id(), Some("bostad"));
/// assert_eq!(Owner::Kommun.part_id(), None);
/// ```
#[doc(alias = "ägare")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Owner {
    /// The kommun (or region) that prepares the sammanställda räkenskaper.
    Kommun,
    /// Another part, by its id (an indirect holding: a subsidiary's subsidiary).
    Part(String),
}

impl Owner {
    /// The owning part's id, `None` for the kommun.
    #[must_use]
    pub fn part_id(&self) -> Option<&str> {
        match self {
            Owner::Kommun => None,
            Owner::Part(id) => Some(id),
        }
    }
}

/// One holding in a part (innehav): who owns how much of the capital and of the votes.
///
/// ```
/// use kommunal_redovisning::Percent;
/// use kommunal_redovisning::group::{Holding, Owner};
///
/// let h = Holding::new(Owner::Kommun, Percent::new(60.into()));
/// assert_eq!(h.votes, h.share);
/// ```
#[doc(alias = "innehav")]
#[doc(alias = "ägarandel")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Holding {
    /// The owner.
    pub owner: Owner,
    /// Ägarandel: the share of the capital, in per cent.
    pub share: Percent,
    /// Röstandel: the share of the votes, in per cent.
    pub votes: Percent,
}

impl Holding {
    /// A holding whose vote share equals its capital share.
    ///
    /// ```
    /// use kommunal_redovisning::Percent;
    /// use kommunal_redovisning::group::{Holding, Owner};
    ///
    /// // Made-up: the kommun holds 60 % of an energy company, the housing company 100 % of a
    /// // property company (an indirect holding).
    /// let energi = Holding::new(Owner::Kommun, Percent::new(60.into()));
    /// assert_eq!((energi.share, energi.votes), (Percent::new(60.into()), Percent::new(60.into())));
    /// let fastigheter = Holding::new(Owner::Part("bostader".into()), Percent::HUNDRED);
    /// assert_eq!(fastigheter.owner.part_id(), Some("bostader"));
    /// ```
    #[must_use]
    pub fn new(owner: Owner, share: Percent) -> Self {
        Holding {
            owner,
            share,
            votes: share,
        }
    }
}

/// Whether a part is in the sammanställda räkenskaper (väsentlighet).
///
/// ```
/// use kommunal_redovisning::group::Inclusion;
///
/// let out = Inclusion::LeftOut { reason: "omsättning under 1 % av koncernens".into() };
/// assert!(!out.is_included());
/// ```
#[doc(alias = "väsentlighet")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Inclusion {
    /// Consolidated.
    #[default]
    Included,
    /// Left out as immaterial; the reason is printed with the statements.
    LeftOut {
        /// Why, e.g. "omsättning och balansomslutning under 2 % av kommunens".
        reason: String,
    },
}

impl Inclusion {
    /// `true` when the part is consolidated.
    #[must_use]
    pub fn is_included(&self) -> bool {
        matches!(self, Inclusion::Included)
    }
}

/// A part's own accounts, in its own layout.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::group::{CompanyBalanceSheet, CompanyIncomeStatement, Group, GroupPart, Holding, Owner, PartAccounts, PartKind};
///
/// // Made-up figures (tkr): a wholly owned company in the ÅRL layout, nettoomsättning 1 000,
/// // övriga externa kostnader −900, skatt −20.
/// let accounts = PartAccounts::Company {
///     income: CompanyIncomeStatement { net_sales: Amount::tkr(1_000), other_external_costs: Amount::tkr(-900), tax: Amount::tkr(-20), ..Default::default() },
///     balance: CompanyBalanceSheet { cash_and_bank: Amount::tkr(80), result_for_the_year: Amount::tkr(80), ..Default::default() },
/// };
/// let kommun_rs = IncomeStatement { tax_revenue: Amount::tkr(2_100), operating_expenses: Amount::tkr(-2_000), ..Default::default() };
/// let kommun_br = BalanceSheet { cash_and_bank: Amount::tkr(100), result_for_the_year: Amount::tkr(100), ..Default::default() };
/// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), kommun_rs, kommun_br);
/// group.parts.push(GroupPart::new("energi", "Exempel Energi AB", PartKind::Aktiebolag, vec![Holding::new(Owner::Kommun, Percent::HUNDRED)], accounts));
/// let koncern = group.consolidate()?.income;
/// // Mapped onto the LKBR lines: nettoomsättning is verksamhetens intäkter; skatt stays skatt.
/// assert_eq!((koncern.statement.operating_revenue, koncern.tax), (Amount::tkr(1_000), Amount::tkr(-20)));
/// assert_eq!(koncern.result_for_the_year(), Amount::tkr(180));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "räkenskaper")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(clippy::large_enum_variant)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum PartAccounts {
    /// A company in the ÅRL layout (K2/K3), mapped onto the LKBR lines by
    /// [`crate::group::CompanyMapping`].
    Company {
        /// Resultaträkning (kostnadsslagsindelad).
        income: CompanyIncomeStatement,
        /// Balansräkning.
        balance: CompanyBalanceSheet,
    },
    /// A kommunalförbund (or another body) in the LKBR layout.
    Lkbr {
        /// Resultaträkning.
        income: IncomeStatement,
        /// Balansräkning.
        balance: BalanceSheet,
    },
}

/// Kommunalt koncernföretag (LKBR 2 kap.): a company, stiftelse, handelsbolag or
/// kommunalförbund over which the kommun has a significant (≥ 20 % of the votes, or by
/// agreement) or controlling influence, directly or through other parts.
///
/// ```
/// use kommunal_redovisning::Percent;
/// use kommunal_redovisning::group::{GroupPart, Holding, Owner, PartAccounts, PartKind};
///
/// let p = GroupPart::new("forbund", "Räddningstjänstförbundet", PartKind::Kommunalforbund,
///     vec![Holding::new(Owner::Kommun, Percent::new(30.into()))],
///     PartAccounts::Lkbr { income: Default::default(), balance: Default::default() });
/// assert_eq!(p.currency, "SEK");
/// assert!(p.inclusion.is_included());
/// ```
#[doc(alias = "koncernföretag")]
#[doc(alias = "kommunalt koncernföretag")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GroupPart {
    /// A short stable id, used by holdings and internal transactions.
    pub id: String,
    /// The name as printed, e.g. "Exempelbostäder AB".
    pub name: String,
    /// Legal form.
    pub kind: PartKind,
    /// Who owns it, directly (the kommun) or indirectly (another part).
    pub holdings: Vec<Holding>,
    /// Significant influence by agreement (e.g. a förbundsordning or a shareholder
    /// agreement), whatever the vote share.
    #[cfg_attr(feature = "serde", serde(default))]
    pub influence_by_agreement: bool,
    /// Included, or left out with the reason.
    #[cfg_attr(feature = "serde", serde(default))]
    pub inclusion: Inclusion,
    /// The reporting currency; only `"SEK"` is accepted.
    #[cfg_attr(feature = "serde", serde(default = "sek"))]
    pub currency: String,
    /// Its own accounts.
    pub accounts: PartAccounts,
    /// Its kassaflödesanalys in the LKBR blocks (indirect method), when given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cash_flow: Option<CashFlowStatement>,
}

#[cfg(feature = "serde")]
fn sek() -> String {
    "SEK".to_owned()
}

impl GroupPart {
    /// An included part in SEK without a kassaflödesanalys.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
    /// use kommunal_redovisning::group::{Group, GroupPart, Holding, Owner, PartAccounts, PartKind};
    ///
    /// // Made-up figures (tkr): the kommun's result 100; a förbund's result 40, 30 % the kommun's.
    /// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
    /// let forbund_rs = IncomeStatement { operating_revenue: Amount::tkr(540), operating_expenses: Amount::tkr(-500), ..Default::default() };
    /// let forbund = GroupPart::new("rtj", "Räddningstjänstförbundet", PartKind::Kommunalforbund,
    ///     vec![Holding::new(Owner::Kommun, Percent::new(30.into()))],
    ///     PartAccounts::Lkbr { income: forbund_rs, balance: br(40) });
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(1_100), operating_expenses: Amount::tkr(-1_000), ..Default::default() };
    /// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs, br(100));
    /// group.parts.push(forbund);
    /// // Proportional consolidation: 100 + 30 % × 40.
    /// assert_eq!(group.consolidate()?.income.result_for_the_year(), Amount::tkr(112));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: PartKind,
        holdings: Vec<Holding>,
        accounts: PartAccounts,
    ) -> Self {
        GroupPart {
            id: id.into(),
            name: name.into(),
            kind,
            holdings,
            influence_by_agreement: false,
            inclusion: Inclusion::Included,
            currency: "SEK".to_owned(),
            accounts,
            cash_flow: None,
        }
    }

    /// The same part, left out as immaterial for `reason`.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
    /// use kommunal_redovisning::group::{Group, GroupPart, Holding, Owner, PartAccounts, PartKind};
    ///
    /// // Made-up figures (tkr): a small company left out as immaterial.
    /// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
    /// let lkbr = |result: i64| IncomeStatement { operating_revenue: Amount::tkr(1_000 + result), operating_expenses: Amount::tkr(-1_000), ..Default::default() };
    /// let turism = GroupPart::new("turism", "Exempel Turism AB", PartKind::Aktiebolag,
    ///     vec![Holding::new(Owner::Kommun, Percent::new(100.into()))],
    ///     PartAccounts::Lkbr { income: lkbr(5), balance: br(5) })
    ///     .left_out("omsättning och balansomslutning under 1 % av kommunens");
    /// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), lkbr(100), br(100));
    /// group.parts.push(turism);
    /// let koncern = group.consolidate()?;
    /// assert_eq!(koncern.income.result_for_the_year(), Amount::tkr(100)); // the kommun's alone
    /// assert_eq!(koncern.left_out[0].0, "Exempel Turism AB");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn left_out(mut self, reason: impl Into<String>) -> Self {
        self.inclusion = Inclusion::LeftOut {
            reason: reason.into(),
        };
        self
    }

    /// The same part with its kassaflödesanalys.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, CashFlowStatement, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
    /// use kommunal_redovisning::group::{Group, GroupPart, Holding, Owner, PartAccounts, PartKind};
    ///
    /// // Made-up figures (tkr): results kept as cash; the förbund 30 % the kommun's.
    /// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
    /// let lkbr = |result: i64| IncomeStatement { operating_revenue: Amount::tkr(1_000 + result), operating_expenses: Amount::tkr(-1_000), ..Default::default() };
    /// let kfa = |result: i64| CashFlowStatement::new(Amount::tkr(result), Amount::ZERO, Amount::tkr(result));
    /// let forbund = GroupPart::new("rtj", "Räddningstjänstförbundet", PartKind::Kommunalforbund,
    ///     vec![Holding::new(Owner::Kommun, Percent::new(30.into()))],
    ///     PartAccounts::Lkbr { income: lkbr(40), balance: br(40) })
    ///     .with_cash_flow(kfa(40));
    /// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), lkbr(100), br(100));
    /// group.cash_flow = Some(kfa(100));
    /// group.parts.push(forbund);
    /// // Every included party gives one, so the koncern has a kassaflödesanalys: 100 + 30 % × 40.
    /// let koncern = group.consolidate()?.cash_flow.map(|c| c.closing_liquid_assets);
    /// assert_eq!(koncern, Some(Amount::tkr(112)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_cash_flow(mut self, cash_flow: CashFlowStatement) -> Self {
        self.cash_flow = Some(cash_flow);
        self
    }
}
