//! Consolidation (sammanställning): the parts' accounts in the LKBR layout, each at its
//! share, plus the eliminations, give the koncern's statements.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::entity::Entity;
use crate::error::{Error, Result};
use crate::money::{Amount, Percent};
use crate::period::FinancialYear;
use crate::statement::{
    BalanceLine, BalanceSheet, CashFlowLine, CashFlowStatement, Detail, IncomeStatement,
};

use super::acquisition::AcquisitionAnalysis;
use super::elimination::{
    Elimination, EliminationEntry, InternalKind, InternalTransaction, MismatchRule, Target,
};
use super::finding::GroupFinding;
use super::mapping::{CompanyMapping, CorporateTaxRates};
use super::part::{GroupPart, Inclusion, Owner, PartAccounts, PartKind};
use super::statement::{GroupIncomeStatement, add_balance, scaled_balance};

/// Konsolideringsmetod.
///
/// - [`ConsolidationMethod::Proportional`] (the default): every part at the group's
///   effective ägarandel, internal items eliminated at the lower of the two parties'
///   shares. This is the method RKR 8.2 (2009) prescribed for kommuner
///   ("proportionell konsolidering"); whether the current recommendation (RKR R16,
///   Sammanställda räkenskaper) keeps it as the only method is **\[UNCONFIRMED\]**, so
///   the method is a setting.
/// - [`ConsolidationMethod::Full`]: a part the group controls (more than the control
///   threshold of the votes) at 100 % with the minority's share of eget kapital and
///   årets resultat shown as "varav"; parts with only significant influence
///   proportionally (klyvningsmetoden, ÅRL 7 kap.).
///
/// ```
/// use kommunal_redovisning::group::ConsolidationMethod;
///
/// assert!(ConsolidationMethod::default().label().starts_with("proportionell"));
/// ```
#[doc(alias = "konsolideringsmetod")]
#[doc(alias = "proportionell konsolidering")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ConsolidationMethod {
    /// Proportionell konsolidering.
    #[default]
    Proportional,
    /// Full konsolidering med minoritetsandel.
    Full,
}

impl ConsolidationMethod {
    /// The method as printed with the statements.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ConsolidationMethod::Proportional => {
                "proportionell konsolidering enligt förvärvsmetoden: varje koncernföretag \
                 ingår med kommunens ägarandel"
            }
            ConsolidationMethod::Full => {
                "full konsolidering enligt förvärvsmetoden: dotterföretag ingår till 100 % \
                 med minoritetens andel redovisad, intresseföretag med ägarandelen"
            }
        }
    }
}

/// The settings of a consolidation, each with a documented default.
///
/// ```
/// use kommunal_redovisning::Percent;
/// use kommunal_redovisning::group::{ConsolidationMethod, ConsolidationSettings, MismatchRule};
///
/// let s = ConsolidationSettings::default();
/// assert_eq!(s.method, ConsolidationMethod::Proportional);
/// assert_eq!(s.mismatch_rule, MismatchRule::FirstParty);
/// assert_eq!(s.influence_threshold, Percent::new(20.into()));
/// ```
#[doc(alias = "inställningar")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct ConsolidationSettings {
    /// Proportional (default) or full.
    pub method: ConsolidationMethod,
    /// Which side's amount is eliminated when the two differ.
    pub mismatch_rule: MismatchRule,
    /// Bolagsskatt by year, for obeskattade reserver.
    pub tax_rates: CorporateTaxRates,
    /// Where the companies' posts go.
    pub mapping: CompanyMapping,
    /// Betydande inflytande: at least this share of the votes (20 %; RKR R15's
    /// definitions, <https://www.faronline.se/dokument/radet-for-kommunal-redovisning/rkrr0015/>,
    /// presume it at 20 % with reference to LKBR 2 kap.; RKR 8.2 had "more than 20 %").
    pub influence_threshold: Percent,
    /// Bestämmande inflytande (dotterföretag): more than this share of the votes
    /// (50 %, RKR 8.2).
    pub control_threshold: Percent,
}

impl Default for ConsolidationSettings {
    fn default() -> Self {
        ConsolidationSettings {
            method: ConsolidationMethod::Proportional,
            mismatch_rule: MismatchRule::FirstParty,
            tax_rates: CorporateTaxRates::default(),
            mapping: CompanyMapping::default(),
            influence_threshold: Percent::new(Decimal::new(20, 0)),
            control_threshold: Percent::new(Decimal::new(50, 0)),
        }
    }
}

/// Den kommunala koncernen (LKBR 2 kap.; 12 kap.): the kommun's own accounts, its
/// parts, the internal items between them and the förvärvsanalyser.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::group::Group;
///
/// let kommun = IncomeStatement { tax_revenue: Amount::tkr(100), ..Default::default() };
/// let br = BalanceSheet { cash_and_bank: Amount::tkr(100), result_for_the_year: Amount::tkr(100), ..Default::default() };
/// let g = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), kommun, br);
/// let c = g.consolidate()?;
/// assert_eq!(c.income.result_for_the_year(), Amount::tkr(100));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "kommunkoncern")]
#[doc(alias = "kommunal koncern")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Group {
    /// The kommun or region.
    pub kommun: Entity,
    /// The räkenskapsår.
    pub year: FinancialYear,
    /// The kommun's resultaträkning.
    pub income: IncomeStatement,
    /// The kommun's balansräkning.
    pub balance: BalanceSheet,
    /// The kommun's kassaflödesanalys.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cash_flow: Option<CashFlowStatement>,
    /// The koncernföretag.
    #[cfg_attr(feature = "serde", serde(default))]
    pub parts: Vec<GroupPart>,
    /// Internal items to eliminate.
    #[cfg_attr(feature = "serde", serde(default))]
    pub internal: Vec<InternalTransaction>,
    /// Förvärvsanalyser.
    #[cfg_attr(feature = "serde", serde(default))]
    pub acquisitions: Vec<AcquisitionAnalysis>,
    /// Settings.
    #[cfg_attr(feature = "serde", serde(default))]
    pub settings: ConsolidationSettings,
}

/// One party's contribution to the koncern: its accounts in the LKBR layout at the
/// share it is consolidated with.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Decimal, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::group::{Group, GroupPart, Holding, Owner, PartAccounts, PartKind};
///
/// // Made-up figures (tkr): the kommun's result 100, a förbund's 200 of which 40 % is the kommun's.
/// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
/// let rs = |revenue: i64, costs: i64| IncomeStatement { operating_revenue: Amount::tkr(revenue), operating_expenses: Amount::tkr(costs), ..Default::default() };
/// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs(2_100, -2_000), br(100));
/// group.parts.push(GroupPart::new("it", "Exempel IT-förbund", PartKind::Kommunalforbund,
///     vec![Holding::new(Owner::Kommun, Percent::new(40.into()))], PartAccounts::Lkbr { income: rs(5_000, -4_800), balance: br(200) }));
/// let koncern = group.consolidate()?;
/// let it = &koncern.contributions[1]; // the kommun is first
/// assert_eq!((it.name.as_str(), it.part.as_deref()), ("Exempel IT-förbund", Some("it")));
/// assert_eq!((it.effective_share, it.factor), (Percent::new(40.into()), Decimal::new(4, 1)));
/// assert_eq!(it.income.result_for_the_year(), Amount::tkr(80));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "andel")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Contribution {
    /// The party's name.
    pub name: String,
    /// The part's id; `None` for the kommun.
    pub part: Option<String>,
    /// Its legal form; `None` for the kommun.
    pub kind: Option<PartKind>,
    /// The group's effective ägarandel (direct and through other parts).
    pub effective_share: Percent,
    /// The share it is consolidated with, as a fraction (1 under full consolidation
    /// of a dotterföretag).
    pub factor: Decimal,
    /// Its resultaträkning at that share.
    pub income: GroupIncomeStatement,
    /// Its balansräkning at that share.
    pub balance: BalanceSheet,
    /// The minority's share of its eget kapital (full consolidation).
    pub minority_equity: Amount,
}

/// The result of [`Group::consolidate`]: the koncern's statements and how they were
/// built.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::group::{ConsolidationMethod, Group, GroupFinding, GroupPart, Holding, Owner, PartAccounts, PartKind};
///
/// // Made-up figures (tkr): the kommun's result 100, a förbund's 200 of which 40 % is the kommun's.
/// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
/// let rs = |revenue: i64, costs: i64| IncomeStatement { operating_revenue: Amount::tkr(revenue), operating_expenses: Amount::tkr(costs), ..Default::default() };
/// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs(2_100, -2_000), br(100));
/// group.parts.push(GroupPart::new("it", "Exempel IT-förbund", PartKind::Kommunalforbund,
///     vec![Holding::new(Owner::Kommun, Percent::new(40.into()))], PartAccounts::Lkbr { income: rs(5_000, -4_800), balance: br(200) }));
/// let koncern = group.consolidate()?;
/// assert_eq!(koncern.method, ConsolidationMethod::Proportional);
/// assert_eq!(koncern.income.result_for_the_year(), Amount::tkr(180)); // 100 + 40 % × 200
/// assert_eq!(koncern.balance.cash_and_bank, Amount::tkr(180));
/// // No förvärvsanalys was given for the förbund: a finding, not a silent zero.
/// assert!(koncern.findings.iter().any(|f| matches!(f, GroupFinding::NoAcquisitionAnalysis { .. })));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "sammanställda räkenskaper")]
#[doc(alias = "koncernredovisning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Consolidation {
    /// The kommun's name.
    pub kommun: String,
    /// The räkenskapsår.
    pub year: Option<FinancialYear>,
    /// The method used (named in the output).
    pub method: ConsolidationMethod,
    /// Each party's contribution: the kommun first, then the parts in input order.
    pub contributions: Vec<Contribution>,
    /// The eliminations, both sides.
    pub eliminations: Vec<Elimination>,
    /// The sum of the eliminations in the resultaträkning.
    pub eliminated_income: GroupIncomeStatement,
    /// The sum of the eliminations in the balansräkning.
    pub eliminated_balance: BalanceSheet,
    /// Sammanställd resultaträkning.
    pub income: GroupIncomeStatement,
    /// Sammanställd balansräkning.
    pub balance: BalanceSheet,
    /// Sammanställd kassaflödesanalys, when every included party gives one.
    pub cash_flow: Option<CashFlowStatement>,
    /// Parts left out, with the reason.
    pub left_out: Vec<(String, String)>,
    /// What the consolidation found.
    pub findings: Vec<GroupFinding>,
}

fn refused(what: String, reason: String) -> Error {
    Error::Refused { what, reason }
}

impl Group {
    /// A group of the kommun alone, default settings.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::group::Group;
    ///
    /// // Made-up figures (tkr): a kommun without koncernföretag is its own koncern.
    /// let rs = IncomeStatement { tax_revenue: Amount::tkr(2_100), operating_expenses: Amount::tkr(-2_000), ..Default::default() };
    /// let br = BalanceSheet { cash_and_bank: Amount::tkr(100), result_for_the_year: Amount::tkr(100), ..Default::default() };
    /// let group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs.clone(), br);
    /// let koncern = group.consolidate()?;
    /// assert_eq!(koncern.income.statement, rs);
    /// assert_eq!(koncern.contributions[0].name, "Exempelkommun");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        kommun: Entity,
        year: FinancialYear,
        income: IncomeStatement,
        balance: BalanceSheet,
    ) -> Self {
        Group {
            kommun,
            year,
            income,
            balance,
            cash_flow: None,
            parts: Vec::new(),
            internal: Vec::new(),
            acquisitions: Vec::new(),
            settings: ConsolidationSettings::default(),
        }
    }

    fn part(&self, id: &str) -> Option<&GroupPart> {
        self.parts.iter().find(|p| p.id == id)
    }

    fn name_of(&self, owner: &Owner) -> String {
        match owner {
            Owner::Kommun => self.kommun.name.clone(),
            Owner::Part(id) => self.part(id).map_or_else(|| id.clone(), |p| p.name.clone()),
        }
    }

    /// Checks the structure: unique ids, SEK, shares and votes within 0–100 % (also
    /// summed per part), no part owned by itself, every owner known, no cycle of
    /// holdings, no included part owned only through a left-out one.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] naming the part and what is wrong.
    pub fn validate(&self) -> Result<()> {
        let hundred = Percent::HUNDRED;
        for (i, p) in self.parts.iter().enumerate() {
            let what = || format!("koncernföretaget {} ({})", p.name, p.id);
            if p.id.trim().is_empty() {
                return Err(refused(what(), "id saknas".to_owned()));
            }
            if self.parts.iter().skip(i + 1).any(|q| q.id == p.id) {
                return Err(refused(what(), format!("id {:?} används två gånger", p.id)));
            }
            if p.currency != "SEK" {
                return Err(refused(
                    what(),
                    format!(
                        "räkenskaperna är i {}; de sammanställda räkenskaperna förs i SEK och omräkning stöds inte",
                        p.currency
                    ),
                ));
            }
            if p.holdings.is_empty() {
                return Err(refused(
                    what(),
                    "inget innehav: ingen äger företaget".to_owned(),
                ));
            }
            let mut share_sum = Percent::ZERO;
            let mut vote_sum = Percent::ZERO;
            for h in &p.holdings {
                let owner = self.name_of(&h.owner);
                for (label, value) in [("ägarandelen", h.share), ("röstandelen", h.votes)] {
                    if value > hundred || value < Percent::ZERO {
                        return Err(refused(
                            what(),
                            format!("{label} {} för {owner} ligger utanför 0–100 %", value.sv()),
                        ));
                    }
                }
                if h.owner.part_id() == Some(p.id.as_str()) {
                    return Err(refused(
                        what(),
                        "företaget äger andelar i sig självt".to_owned(),
                    ));
                }
                if let Some(id) = h.owner.part_id() {
                    if self.part(id).is_none() {
                        return Err(refused(
                            what(),
                            format!("ägaren {id:?} finns inte i koncernen"),
                        ));
                    }
                }
                share_sum = Percent::new(share_sum.as_decimal() + h.share.as_decimal());
                vote_sum = Percent::new(vote_sum.as_decimal() + h.votes.as_decimal());
            }
            if share_sum > hundred || vote_sum > hundred {
                return Err(refused(
                    what(),
                    format!(
                        "innehaven summerar till {} av kapitalet och {} av rösterna, mer än 100 %",
                        share_sum.sv(),
                        vote_sum.sv()
                    ),
                ));
            }
            if p.inclusion.is_included() {
                for h in &p.holdings {
                    if let Some(owner) = h.owner.part_id().and_then(|id| self.part(id)) {
                        if !owner.inclusion.is_included() {
                            return Err(refused(
                                what(),
                                format!(
                                    "företaget ingår men ägs via {}, som inte ingår",
                                    owner.name
                                ),
                            ));
                        }
                    }
                }
            }
        }
        for p in &self.parts {
            let mut path = vec![p.id.as_str()];
            self.check_cycle(p, &mut path)?;
        }
        Ok(())
    }

    fn check_cycle<'a>(&'a self, part: &'a GroupPart, path: &mut Vec<&'a str>) -> Result<()> {
        for h in &part.holdings {
            let Some(owner) = h.owner.part_id().and_then(|id| self.part(id)) else {
                continue;
            };
            if let Some(at) = path.iter().position(|id| *id == owner.id) {
                let mut cycle: Vec<String> = path
                    .iter()
                    .skip(at)
                    .filter_map(|id| self.part(id).map(|p| p.name.clone()))
                    .collect();
                cycle.push(owner.name.clone());
                return Err(refused(
                    format!("koncernföretaget {}", owner.name),
                    format!("innehaven bildar en cirkel: {}", cycle.join(" ägs av ")),
                ));
            }
            path.push(owner.id.as_str());
            self.check_cycle(owner, path)?;
            path.pop();
        }
        Ok(())
    }

    /// The group's effective ägarandel in each part as a fraction: the sum over its
    /// holdings of the owner's effective share × the holding's share (the kommun's is
    /// 1). Call after [`Group::validate`] (no cycles).
    fn effective_shares(&self) -> Result<BTreeMap<String, Decimal>> {
        let mut out: BTreeMap<String, Decimal> = BTreeMap::new();
        // Parts in dependency order: repeat until every share is known (no cycles).
        let mut remaining: Vec<&GroupPart> = self.parts.iter().collect();
        while !remaining.is_empty() {
            let before = remaining.len();
            let mut next = Vec::new();
            for p in remaining {
                let mut total = Decimal::ZERO;
                let mut known = true;
                for h in &p.holdings {
                    let owner_share = match h.owner.part_id() {
                        None => Some(Decimal::ONE),
                        Some(id) => out.get(id).copied(),
                    };
                    match owner_share {
                        Some(s) => {
                            let add =
                                s.checked_mul(h.share.to_fraction())
                                    .ok_or(Error::Overflow {
                                        operation: "multiplication",
                                    })?;
                            total = total.checked_add(add).ok_or(Error::Overflow {
                                operation: "addition",
                            })?;
                        }
                        None => known = false,
                    }
                }
                if known {
                    out.insert(p.id.clone(), total);
                } else {
                    next.push(p);
                }
            }
            if next.len() == before {
                return Err(refused(
                    "koncernens innehav".to_owned(),
                    "ägarandelarna kan inte beräknas (cirkulärt ägande)".to_owned(),
                ));
            }
            remaining = next;
        }
        Ok(out)
    }

    /// `true` when the group controls `part`: the votes held by the kommun and by
    /// controlled parts together exceed the control threshold.
    fn controlled(&self, part: &GroupPart, depth: usize) -> bool {
        if depth > self.parts.len() {
            return false;
        }
        let votes: Decimal = part
            .holdings
            .iter()
            .filter(|h| match h.owner.part_id().and_then(|id| self.part(id)) {
                None => h.owner == Owner::Kommun,
                Some(o) => self.controlled(o, depth + 1),
            })
            .map(|h| h.votes.as_decimal())
            .sum();
        votes > self.settings.control_threshold.as_decimal()
    }

    fn factor(&self, part: &GroupPart, effective: Decimal) -> Decimal {
        match self.settings.method {
            ConsolidationMethod::Proportional => effective,
            ConsolidationMethod::Full if self.controlled(part, 0) => Decimal::ONE,
            ConsolidationMethod::Full => effective,
        }
    }

    /// A part's accounts in the LKBR layout at 100 %, checked.
    fn mapped(
        &self,
        part: &GroupPart,
        findings: &mut Vec<GroupFinding>,
    ) -> Result<(GroupIncomeStatement, BalanceSheet)> {
        let what = || format!("koncernföretaget {}", part.name);
        match &part.accounts {
            PartAccounts::Company { income, balance } => {
                balance
                    .validate()
                    .map_err(|e| refused(what(), e.sv().to_string()))?;
                let rs = income.result_for_the_year();
                if rs != balance.result_for_the_year {
                    findings.push(GroupFinding::ResultDisagrees {
                        party: part.name.clone(),
                        income: rs,
                        balance: balance.result_for_the_year,
                    });
                }
                let rate = self.settings.tax_rates.rate(self.year)?;
                self.settings.mapping.map(income, balance, rate)
            }
            PartAccounts::Lkbr { income, balance } => {
                balance
                    .validate()
                    .map_err(|e| refused(what(), e.sv().to_string()))?;
                let rs = income.result_for_the_year();
                if rs != balance.result_for_the_year {
                    findings.push(GroupFinding::ResultDisagrees {
                        party: part.name.clone(),
                        income: rs,
                        balance: balance.result_for_the_year,
                    });
                }
                if part.kind.is_company() && !balance.pension_commitments_before_1998.is_zero() {
                    findings.push(GroupFinding::KommunPensionRuleInCompany {
                        part: part.name.clone(),
                        amount: balance.pension_commitments_before_1998,
                    });
                }
                Ok((
                    GroupIncomeStatement::from_lkbr(income.clone()),
                    balance.clone(),
                ))
            }
        }
    }

    /// Consolidates: validates the group, maps each included part onto the LKBR lines,
    /// takes it at its share ([`ConsolidationSettings::method`]), eliminates the
    /// internal items and the shares against eget kapital at acquisition, and checks
    /// the result (balance, årets resultat in both statements, kassaflöde).
    ///
    /// Proportional consolidation: koncernens årets resultat = Σ share × the part's
    /// årets resultat (in the LKBR layout) − eliminated internal gains and dividends.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] for an invalid group (naming the part), a part whose
    /// balansräkning does not balance, an internal item with an unknown party, with the
    /// same party on both sides or with a negative amount, a förvärvsanalys of an unknown holding; a year without a
    /// bolagsskattesats; [`Error::Overflow`].
    pub fn consolidate(&self) -> Result<Consolidation> {
        self.validate()?;
        self.balance
            .validate()
            .map_err(|e| refused(self.kommun.name.clone(), e.sv().to_string()))?;
        let shares = self.effective_shares()?;
        let mut findings = Vec::new();
        let kommun_rs = self.income.result_for_the_year();
        if kommun_rs != self.balance.result_for_the_year {
            findings.push(GroupFinding::ResultDisagrees {
                party: self.kommun.name.clone(),
                income: kommun_rs,
                balance: self.balance.result_for_the_year,
            });
        }

        let mut contributions = vec![Contribution {
            name: self.kommun.name.clone(),
            part: None,
            kind: None,
            effective_share: Percent::HUNDRED,
            factor: Decimal::ONE,
            income: GroupIncomeStatement::from_lkbr(scaled_income(&self.income)?),
            balance: scaled_balance(&self.balance, Decimal::ONE)?,
            minority_equity: Amount::ZERO,
        }];
        let mut factors: BTreeMap<String, Decimal> = BTreeMap::new();
        let mut left_out = Vec::new();
        for p in &self.parts {
            let effective = shares.get(&p.id).copied().unwrap_or(Decimal::ZERO);
            if let Inclusion::LeftOut { reason } = &p.inclusion {
                left_out.push((p.name.clone(), reason.clone()));
                findings.push(GroupFinding::LeftOut {
                    part: p.name.clone(),
                    reason: reason.clone(),
                });
                continue;
            }
            let votes = Percent::new(
                p.holdings
                    .iter()
                    .map(|h| h.votes.as_decimal())
                    .fold(Decimal::ZERO, |a, b| a + b),
            );
            if votes < self.settings.influence_threshold && !p.influence_by_agreement {
                findings.push(GroupFinding::NotAGroupCompany {
                    part: p.name.clone(),
                    votes,
                    threshold: self.settings.influence_threshold,
                });
            }
            let factor = self.factor(p, effective);
            factors.insert(p.id.clone(), factor);
            let (income, balance) = self.mapped(p, &mut findings)?;
            let mut c_income = income.scaled(factor)?;
            let c_balance = scaled_balance(&balance, factor)?;
            let mut minority_equity = Amount::ZERO;
            if factor > effective {
                let minority = factor - effective;
                c_income.minority_share = income.result_for_the_year().checked_mul(minority)?;
                minority_equity = balance.equity().checked_mul(minority)?;
            }
            contributions.push(Contribution {
                name: p.name.clone(),
                part: Some(p.id.clone()),
                kind: Some(p.kind),
                effective_share: Percent::from_fraction(effective)?,
                factor,
                income: c_income,
                balance: c_balance,
                minority_equity,
            });
        }

        let factor_of = |o: &Owner| -> Option<Decimal> {
            match o {
                Owner::Kommun => Some(Decimal::ONE),
                Owner::Part(id) => factors.get(id).copied(),
            }
        };
        let mut eliminations = Vec::new();
        for t in &self.internal {
            let (first, second) = (self.name_of(&t.first), self.name_of(&t.second));
            let what = format!(
                "internt mellanhavande {} mellan {first} och {second}",
                t.kind.label()
            );
            for o in [&t.first, &t.second] {
                if let Some(id) = o.part_id() {
                    if self.part(id).is_none() {
                        return Err(refused(
                            what.clone(),
                            format!("parten {id:?} finns inte i koncernen"),
                        ));
                    }
                }
            }
            if t.first == t.second {
                return Err(refused(
                    what,
                    "ett internt mellanhavande behöver två olika parter".to_owned(),
                ));
            }
            if t.first_amount.is_negative() || t.second_amount.is_negative() {
                return Err(refused(
                    what,
                    "beloppen anges positiva, som parterna redovisar dem".to_owned(),
                ));
            }
            let (Some(f1), Some(f2)) = (factor_of(&t.first), factor_of(&t.second)) else {
                let party = if factor_of(&t.first).is_none() {
                    first
                } else {
                    second
                };
                findings.push(GroupFinding::NotEliminated {
                    what: t.kind.label().to_owned(),
                    party,
                });
                continue;
            };
            let used = self
                .settings
                .mismatch_rule
                .pick(t.first_amount, t.second_amount);
            if t.first_amount != t.second_amount {
                findings.push(GroupFinding::BalanceMismatch {
                    what: t.kind.label().to_owned(),
                    first: first.clone(),
                    first_amount: t.first_amount,
                    second: second.clone(),
                    second_amount: t.second_amount,
                    used,
                    rule: self.settings.mismatch_rule,
                });
            }
            // A dividend is received at the receiver's share (it is the receiver's part
            // of the payer's distribution); every other item at the lower share.
            let factor = if t.kind == InternalKind::Dividend {
                f1
            } else {
                f1.min(f2)
            };
            let amount = used.checked_mul(factor)?;
            let entries = t
                .kind
                .entries(amount)
                .into_iter()
                .map(|(is_first, target, amount)| EliminationEntry {
                    party: if is_first {
                        first.clone()
                    } else {
                        second.clone()
                    },
                    target,
                    amount,
                })
                .collect();
            let description = if t.description.trim().is_empty() {
                t.kind.label().to_owned()
            } else {
                format!("{}: {}", t.kind.label(), t.description)
            };
            eliminations.push(Elimination {
                description,
                first,
                second,
                first_amount: t.first_amount,
                second_amount: t.second_amount,
                factor,
                used: amount,
                entries,
            });
        }

        for a in &self.acquisitions {
            let what = format!(
                "förvärvsanalysen av {}",
                self.name_of(&Owner::Part(a.part.clone()))
            );
            let part = self.part(&a.part).ok_or_else(|| {
                refused(
                    what.clone(),
                    format!("koncernföretaget {:?} finns inte", a.part),
                )
            })?;
            let holding = part
                .holdings
                .iter()
                .find(|h| h.owner == a.owner)
                .ok_or_else(|| {
                    refused(
                        what.clone(),
                        format!(
                            "{} äger inga andelar i {}",
                            self.name_of(&a.owner),
                            part.name
                        ),
                    )
                })?;
            let (Some(f_owner), Some(_)) = (factor_of(&a.owner), factors.get(&part.id)) else {
                continue;
            };
            let owner = self.name_of(&a.owner);
            let cost = a.cost.checked_mul(f_owner)?;
            let equity = a.acquired_equity(holding.share)?.checked_mul(f_owner)?;
            let goodwill = a.goodwill(holding.share)?.checked_mul(f_owner)?;
            let mut entries = vec![
                EliminationEntry {
                    party: owner.clone(),
                    target: Target::Balance(BalanceLine::FinancialFixedAssets),
                    amount: -cost,
                },
                EliminationEntry {
                    party: part.name.clone(),
                    target: Target::Balance(BalanceLine::OtherEquity),
                    amount: -equity,
                },
            ];
            for s in &a.surplus_values {
                entries.push(EliminationEntry {
                    party: part.name.clone(),
                    target: Target::Balance(s.line),
                    amount: s.amount.checked_mul(f_owner)?,
                });
            }
            if !goodwill.is_zero() {
                entries.push(if goodwill.is_negative() {
                    EliminationEntry {
                        party: part.name.clone(),
                        target: Target::Balance(BalanceLine::OtherProvisions),
                        amount: -goodwill,
                    }
                } else {
                    EliminationEntry {
                        party: part.name.clone(),
                        target: Target::Balance(BalanceLine::IntangibleAssets),
                        amount: goodwill,
                    }
                });
            }
            eliminations.push(Elimination {
                description: format!(
                    "förvärvsanalys: {} andelar i {} mot förvärvat eget kapital",
                    genitive(&owner),
                    part.name
                ),
                first: owner,
                second: part.name.clone(),
                first_amount: a.cost,
                second_amount: a.acquired_equity(holding.share)?,
                factor: f_owner,
                used: cost,
                entries,
            });
        }
        for p in self.parts.iter().filter(|p| factors.contains_key(&p.id)) {
            for h in &p.holdings {
                if factor_of(&h.owner).is_some()
                    && !self
                        .acquisitions
                        .iter()
                        .any(|a| a.part == p.id && a.owner == h.owner)
                {
                    findings.push(GroupFinding::NoAcquisitionAnalysis {
                        part: p.name.clone(),
                        owner: self.name_of(&h.owner),
                    });
                }
            }
        }

        let mut eliminated_income = GroupIncomeStatement::default();
        let mut eliminated_balance = BalanceSheet::default();
        for e in &eliminations {
            for entry in &e.entries {
                let a = match entry.target {
                    Target::Income(l) => eliminated_income.statement.amount_mut(l),
                    Target::Tax => &mut eliminated_income.tax,
                    Target::Balance(l) => eliminated_balance.amount_mut(l),
                };
                *a += entry.amount;
            }
        }

        let mut income = eliminated_income.clone();
        let mut balance = eliminated_balance.clone();
        let mut minority_equity = Amount::ZERO;
        for c in &contributions {
            income.add(&c.income);
            add_balance(&mut balance, &c.balance);
            minority_equity += c.minority_equity;
        }
        if !minority_equity.is_zero() {
            balance.details.push(Detail::of_which(
                BalanceLine::OtherEquity,
                "varav minoritetsintresse",
                minority_equity,
            ));
        }

        let (assets, claims) = (
            balance.total_assets(),
            balance.total_equity_and_liabilities(),
        );
        if assets != claims {
            findings.push(GroupFinding::Unbalanced {
                assets,
                equity_and_liabilities: claims,
            });
        }
        let result = income.result_for_the_year();
        if result != balance.result_for_the_year {
            findings.push(GroupFinding::ResultDisagrees {
                party: "koncernen".to_owned(),
                income: result,
                balance: balance.result_for_the_year,
            });
        }

        let cash_flow = self.cash_flow_of(&contributions, result, &balance, &mut findings)?;
        Ok(Consolidation {
            kommun: self.kommun.name.clone(),
            year: Some(self.year),
            method: self.settings.method,
            contributions,
            eliminations,
            eliminated_income,
            eliminated_balance,
            income,
            balance,
            cash_flow,
            left_out,
            findings,
        })
    }

    /// The koncern's kassaflödesanalys: each party's lines at its share, matched by
    /// block and label; årets resultat is the koncern's, and the difference to the
    /// parties' results at their shares (the eliminated internal gains and dividends,
    /// the removed bokslutsdispositioner) is one adjustment line.
    fn cash_flow_of(
        &self,
        contributions: &[Contribution],
        result: Amount,
        balance: &BalanceSheet,
        findings: &mut Vec<GroupFinding>,
    ) -> Result<Option<CashFlowStatement>> {
        let mut statements = Vec::new();
        let mut missing = Vec::new();
        for c in contributions {
            let cf = match &c.part {
                None => self.cash_flow.as_ref(),
                Some(id) => self.part(id).and_then(|p| p.cash_flow.as_ref()),
            };
            match cf {
                Some(cf) => statements.push((c.factor, cf)),
                None => missing.push(c.name.clone()),
            }
        }
        if !missing.is_empty() {
            findings.push(GroupFinding::CashFlowMissing { parties: missing });
            return Ok(None);
        }
        let mut out = CashFlowStatement::new(result, Amount::ZERO, Amount::ZERO);
        if let Some(cf) = &self.cash_flow {
            out.labels = cf.labels.clone();
        }
        let mut parts_result = Amount::ZERO;
        for (f, cf) in &statements {
            parts_result += cf.result.checked_mul(*f)?;
            out.opening_liquid_assets += cf.opening_liquid_assets.checked_mul(*f)?;
            out.closing_liquid_assets += cf.closing_liquid_assets.checked_mul(*f)?;
            for (into, from) in [
                (&mut out.adjustments, &cf.adjustments),
                (&mut out.working_capital, &cf.working_capital),
                (&mut out.investing, &cf.investing),
                (&mut out.financing, &cf.financing),
                (&mut out.infrastructure, &cf.infrastructure),
            ] {
                for line in from {
                    let amount = line.amount.checked_mul(*f)?;
                    match into.iter_mut().find(|l| l.label == line.label) {
                        Some(l) => l.amount += amount,
                        None => into.push(CashFlowLine::new(line.label.clone(), amount)),
                    }
                }
            }
        }
        let adjustment = parts_result - result;
        if !adjustment.is_zero() {
            out.adjustments.push(CashFlowLine::new(
                "Justering för koncerninterna poster och bokslutsdispositioner",
                adjustment,
            ));
        }
        let derived = out.opening_liquid_assets + out.net_cash_flow();
        let in_balance = balance.liquid_assets();
        if derived != in_balance || out.closing_liquid_assets != in_balance {
            findings.push(GroupFinding::CashFlowDisagrees {
                cash_flow: derived,
                balance: in_balance,
            });
        }
        Ok(Some(out))
    }
}

/// The Swedish genitive of a name: "Exempelkommuns", "Bostäder AB:s", "Lars".
pub(crate) fn genitive(name: &str) -> String {
    match name.chars().last() {
        Some('s' | 'x' | 'z') => name.to_owned(),
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => format!("{name}:s"),
        _ => format!("{name}s"),
    }
}

fn scaled_income(i: &IncomeStatement) -> Result<IncomeStatement> {
    Ok(GroupIncomeStatement::from_lkbr(i.clone())
        .scaled(Decimal::ONE)?
        .statement)
}
