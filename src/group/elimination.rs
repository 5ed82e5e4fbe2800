//! Elimineringar: internal balances and transactions between the parts of the
//! kommunkoncern, each listed with both sides.

use rust_decimal::Decimal;

use crate::money::Amount;
use crate::statement::{BalanceLine, IncomeLine};

use super::part::Owner;

/// What kind of internal item (internt mellanhavande eller intern transaktion).
///
/// For each kind, `first` and `second` of an [`InternalTransaction`] are:
///
/// | kind | first | second | eliminated |
/// |---|---|---|---|
/// | receivable/payable | creditor (fordringar) | debtor (kortfristiga skulder) | both posts |
/// | long-term loan | lender (finansiella anläggningstillgångar) | borrower (långfristiga skulder) | both posts |
/// | revenue/cost | seller (verksamhetens intäkter) | buyer (verksamhetens kostnader) | both lines |
/// | interest | lender (finansiella intäkter) | borrower (finansiella kostnader) | both lines |
/// | dividend | receiver (finansiella intäkter) | payer (its eget kapital) | receiver's result; payer's equity restored |
/// | group contribution | receiver (finansiella intäkter) | giver (finansiella kostnader) | both lines |
/// | internal gain | seller (the gain in verksamhetens intäkter) | buyer (the asset) | the gain and the asset's overvalue |
///
/// The lines are those of the default [`crate::group::CompanyMapping`] (and of the
/// LKBR layout); a group that maps a company's posts elsewhere eliminates on these
/// lines all the same, so keep internal items on the lines the mapping fills.
///
/// Under proportional consolidation an item is eliminated at the lower of the two
/// parties' shares, except a dividend, which is eliminated at the receiver's share
/// (the receiver reports only its own part of the distribution).
///
/// ```
/// use kommunal_redovisning::group::InternalKind;
///
/// assert_eq!(InternalKind::Dividend.label(), "intern utdelning");
/// ```
#[doc(alias = "internt mellanhavande")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum InternalKind {
    /// Kortfristig fordran och skuld.
    ReceivablePayable,
    /// Långfristigt lån (internbank, vidareutlåning).
    LongTermLoan,
    /// Interna intäkter och kostnader (köp och försäljning).
    RevenueCost,
    /// Interna räntor.
    Interest,
    /// Intern utdelning.
    Dividend,
    /// Koncernbidrag.
    GroupContribution,
    /// Internvinst on the sale of an asset, which the buyer holds in `asset`.
    InternalGain {
        /// The post the buyer holds the asset in.
        asset: BalanceLine,
    },
}

impl InternalKind {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            InternalKind::ReceivablePayable => "interna fordringar och skulder",
            InternalKind::LongTermLoan => "interna lån",
            InternalKind::RevenueCost => "interna intäkter och kostnader",
            InternalKind::Interest => "interna räntor",
            InternalKind::Dividend => "intern utdelning",
            InternalKind::GroupContribution => "koncernbidrag",
            InternalKind::InternalGain { .. } => "internvinst",
        }
    }

    /// The Swedish names of the two sides, e.g. ("fordran", "skuld").
    #[must_use]
    pub fn sides(self) -> (&'static str, &'static str) {
        match self {
            InternalKind::ReceivablePayable => ("fordran", "skuld"),
            InternalKind::LongTermLoan => ("utlåning", "upplåning"),
            InternalKind::RevenueCost => ("intäkt", "kostnad"),
            InternalKind::Interest => ("ränteintäkt", "räntekostnad"),
            InternalKind::Dividend => ("mottagen utdelning", "lämnad utdelning"),
            InternalKind::GroupContribution => ("mottaget koncernbidrag", "lämnat koncernbidrag"),
            InternalKind::InternalGain { .. } => ("realisationsvinst", "tillgångens övervärde"),
        }
    }

    /// The entries an elimination of `amount` makes: `(first side?, target, amount)`.
    pub(crate) fn entries(self, amount: Amount) -> Vec<(bool, Target, Amount)> {
        use BalanceLine as B;
        use IncomeLine as I;
        let neg = -amount;
        match self {
            InternalKind::ReceivablePayable => vec![
                (true, Target::Balance(B::Receivables), neg),
                (false, Target::Balance(B::CurrentLiabilities), neg),
            ],
            InternalKind::LongTermLoan => vec![
                (true, Target::Balance(B::FinancialFixedAssets), neg),
                (false, Target::Balance(B::LongTermLiabilities), neg),
            ],
            InternalKind::RevenueCost => vec![
                (true, Target::Income(I::OperatingRevenue), neg),
                (false, Target::Income(I::OperatingExpenses), amount),
            ],
            InternalKind::Interest => vec![
                (true, Target::Income(I::FinancialIncome), neg),
                (false, Target::Income(I::FinancialExpenses), amount),
            ],
            InternalKind::Dividend => vec![
                (true, Target::Income(I::FinancialIncome), neg),
                (true, Target::Balance(B::ResultForTheYear), neg),
                (false, Target::Balance(B::OtherEquity), amount),
            ],
            InternalKind::GroupContribution => vec![
                (true, Target::Income(I::FinancialIncome), neg),
                (false, Target::Income(I::FinancialExpenses), amount),
            ],
            InternalKind::InternalGain { asset } => vec![
                (true, Target::Income(I::OperatingRevenue), neg),
                (true, Target::Balance(B::ResultForTheYear), neg),
                (false, Target::Balance(asset), neg),
            ],
        }
    }
}

/// Which reported amount is eliminated when the two sides report an internal item
/// differently. The difference stays in the koncern's figures and is reported as a
/// [`crate::group::GroupFinding::BalanceMismatch`] naming both parties and amounts.
///
/// The default, [`MismatchRule::FirstParty`] (the creditor's, seller's or receiver's
/// books), is a setting: RKR's recommendation on the choice is **\[UNCONFIRMED\]**.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::group::MismatchRule;
///
/// let (a, b) = (Amount::tkr(100), Amount::tkr(90));
/// assert_eq!(MismatchRule::FirstParty.pick(a, b), a);
/// assert_eq!(MismatchRule::Lower.pick(a, b), b);
/// ```
#[doc(alias = "differens i interna mellanhavanden")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MismatchRule {
    /// The first party's figure (creditor, lender, seller, receiver).
    #[default]
    FirstParty,
    /// The second party's figure (debtor, borrower, buyer, payer, giver).
    SecondParty,
    /// The lower of the two.
    Lower,
    /// The higher of the two.
    Higher,
}

impl MismatchRule {
    /// The amount the rule uses.
    #[must_use]
    pub fn pick(self, first: Amount, second: Amount) -> Amount {
        match self {
            MismatchRule::FirstParty => first,
            MismatchRule::SecondParty => second,
            MismatchRule::Lower => first.min(second),
            MismatchRule::Higher => first.max(second),
        }
    }

    /// The rule in Swedish, for findings.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            MismatchRule::FirstParty => "första partens belopp används",
            MismatchRule::SecondParty => "andra partens belopp används",
            MismatchRule::Lower => "det lägre beloppet används",
            MismatchRule::Higher => "det högre beloppet används",
        }
    }
}

/// An internal item as both parties report it (positive amounts).
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::group::{InternalKind, InternalTransaction, Owner};
///
/// let t = InternalTransaction::agreed(InternalKind::RevenueCost, Owner::Part("energi".into()),
///     Owner::Kommun, Amount::tkr(1_200), "fjärrvärme till kommunens lokaler");
/// assert_eq!(t.first_amount, t.second_amount);
/// ```
#[doc(alias = "intern transaktion")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InternalTransaction {
    /// What it is; decides the lines of each side.
    pub kind: InternalKind,
    /// The first party (see [`InternalKind`]).
    pub first: Owner,
    /// The second party.
    pub second: Owner,
    /// The amount in the first party's books (positive).
    pub first_amount: Amount,
    /// The amount in the second party's books (positive).
    pub second_amount: Amount,
    /// What it is, e.g. "hyra för skollokaler".
    #[cfg_attr(feature = "serde", serde(default))]
    pub description: String,
}

impl InternalTransaction {
    /// An item both parties report with the same amount.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
    /// use kommunal_redovisning::group::{Group, GroupPart, Holding, InternalKind, InternalTransaction, Owner, PartAccounts, PartKind};
    ///
    /// // Made-up figures (tkr): a wholly owned förbund sells IT services for 1 200 to the kommun.
    /// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
    /// let rs = |revenue: i64, costs: i64| IncomeStatement { operating_revenue: Amount::tkr(revenue), operating_expenses: Amount::tkr(costs), ..Default::default() };
    /// let it = GroupPart::new("it", "Exempel IT-förbund", PartKind::Kommunalforbund,
    ///     vec![Holding::new(Owner::Kommun, Percent::HUNDRED)], PartAccounts::Lkbr { income: rs(5_000, -4_800), balance: br(200) });
    /// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs(2_100, -2_000), br(100));
    /// group.parts.push(it);
    /// group.internal.push(InternalTransaction::agreed(InternalKind::RevenueCost,
    ///     Owner::Part("it".into()), Owner::Kommun, Amount::tkr(1_200), "IT-tjänster"));
    /// let koncern = group.consolidate()?.income;
    /// assert_eq!(koncern.statement.operating_revenue, Amount::tkr(5_900)); // 2 100 + 5 000 − 1 200
    /// assert_eq!(koncern.result_for_the_year(), Amount::tkr(300)); // the result is unchanged
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn agreed(
        kind: InternalKind,
        first: Owner,
        second: Owner,
        amount: Amount,
        description: impl Into<String>,
    ) -> Self {
        InternalTransaction {
            kind,
            first,
            second,
            first_amount: amount,
            second_amount: amount,
            description: description.into(),
        }
    }
}

/// Where an elimination entry goes: a line of the resultaträkning, skatt, or a post
/// of the balansräkning.
///
/// ```
/// use kommunal_redovisning::group::Target;
/// use kommunal_redovisning::statement::IncomeLine;
///
/// assert_eq!(Target::Income(IncomeLine::OperatingRevenue).label(), "Verksamhetens intäkter");
/// ```
#[doc(alias = "post")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Target {
    /// A line of the resultaträkning.
    Income(IncomeLine),
    /// Skatt.
    Tax,
    /// A post of the balansräkning.
    Balance(BalanceLine),
}

impl Target {
    /// The Swedish label of the line.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Target::Income(l) => l.label(),
            Target::Tax => "Skatt",
            Target::Balance(l) => l.label(),
        }
    }
}

/// One side of an elimination (elimineringspost): which party, which line, how much.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::group::{EliminationEntry, Group, GroupPart, Holding, InternalKind, InternalTransaction, Owner, PartAccounts, PartKind, Target};
/// use kommunal_redovisning::statement::IncomeLine;
///
/// // Made-up figures (tkr): a förbund owned to 40 % sells IT services for 1 200 to the kommun.
/// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
/// let rs = |revenue: i64, costs: i64| IncomeStatement { operating_revenue: Amount::tkr(revenue), operating_expenses: Amount::tkr(costs), ..Default::default() };
/// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs(2_100, -2_000), br(100));
/// group.parts.push(GroupPart::new("it", "Exempel IT-förbund", PartKind::Kommunalforbund,
///     vec![Holding::new(Owner::Kommun, Percent::new(40.into()))], PartAccounts::Lkbr { income: rs(5_000, -4_800), balance: br(200) }));
/// group.internal.push(InternalTransaction::agreed(InternalKind::RevenueCost, Owner::Part("it".into()), Owner::Kommun, Amount::tkr(1_200), "IT-tjänster"));
/// let koncern = group.consolidate()?;
/// // 40 % of 1 200 leaves the förbund's intäkter and the kommun's kostnader.
/// assert_eq!(koncern.eliminations[0].entries, [
///     EliminationEntry { party: "Exempel IT-förbund".into(), target: Target::Income(IncomeLine::OperatingRevenue), amount: Amount::tkr(-480) },
///     EliminationEntry { party: "Exempelkommun".into(), target: Target::Income(IncomeLine::OperatingExpenses), amount: Amount::tkr(480) },
/// ]);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "elimineringspost")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EliminationEntry {
    /// The party's name.
    pub party: String,
    /// The line.
    pub target: Target,
    /// The adjustment, signed as the line is (a reduced revenue is −, a reduced cost +).
    pub amount: Amount,
}

/// Eliminering: one internal item taken out of the koncern's figures, with both sides.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, Decimal, Entity, EntityKind, FinancialYear, IncomeStatement, Percent};
/// use kommunal_redovisning::group::{Group, GroupPart, Holding, InternalKind, InternalTransaction, Owner, PartAccounts, PartKind};
///
/// // Made-up figures (tkr): a förbund owned to 40 % sells IT services for 1 200 to the kommun.
/// let br = |result: i64| BalanceSheet { cash_and_bank: Amount::tkr(result), result_for_the_year: Amount::tkr(result), ..Default::default() };
/// let rs = |revenue: i64, costs: i64| IncomeStatement { operating_revenue: Amount::tkr(revenue), operating_expenses: Amount::tkr(costs), ..Default::default() };
/// let mut group = Group::new(Entity::new("Exempelkommun", EntityKind::Kommun), FinancialYear::new(2025), rs(2_100, -2_000), br(100));
/// group.parts.push(GroupPart::new("it", "Exempel IT-förbund", PartKind::Kommunalforbund,
///     vec![Holding::new(Owner::Kommun, Percent::new(40.into()))], PartAccounts::Lkbr { income: rs(5_000, -4_800), balance: br(200) }));
/// group.internal.push(InternalTransaction::agreed(InternalKind::RevenueCost, Owner::Part("it".into()), Owner::Kommun, Amount::tkr(1_200), "IT-tjänster"));
/// let e = &group.consolidate()?.eliminations[0];
/// assert_eq!(e.description, "interna intäkter och kostnader: IT-tjänster");
/// assert_eq!((e.factor, e.used), (Decimal::new(4, 1), Amount::tkr(480))); // the lower share, 40 %
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "eliminering")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Elimination {
    /// What was eliminated, in Swedish (kind and description).
    pub description: String,
    /// The first party's name.
    pub first: String,
    /// The second party's name.
    pub second: String,
    /// The amount the first party reports.
    pub first_amount: Amount,
    /// The amount the second party reports.
    pub second_amount: Amount,
    /// The share of the item that is eliminated, as a fraction (proportional
    /// consolidation: the lower of the two parties' shares).
    pub factor: Decimal,
    /// The amount eliminated: the chosen reported amount × `factor`.
    pub used: Amount,
    /// The entries, both sides.
    pub entries: Vec<EliminationEntry>,
}
