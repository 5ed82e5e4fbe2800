//! Balansräkning (LKBR 6 kap.).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{
    Detail, StatementLayout, StatementRow, StatementRowKind, check_breakdowns, detail_rows,
};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent};

/// Särskild löneskatt på pensionskostnader: 24,26 % (lag 1991:687). Pension
/// commitments are reported including it.
pub const SPECIAL_PAYROLL_TAX_RATE: Decimal = Decimal::from_parts(2426, 0, 0, false, 2);

/// A post of the balansräkning, in statutory order, including the memo block panter
/// och ansvarsförbindelser ("inom linjen").
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, FinancialYear};
/// use kommunal_redovisning::statement::BalanceLine;
///
/// // Påhittat belopp (tkr).
/// let br = BalanceSheet { cash_and_bank: Amount::tkr(120), ..Default::default() };
/// assert_eq!(br.amount(BalanceLine::CashAndBank), Amount::tkr(120));
/// assert_eq!(BalanceLine::ResultReserve.label_for_year(FinancialYear::new(2023)), "Resultatutjämningsreserv");
/// assert!(BalanceLine::Guarantees.is_memo());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "balansräkningspost")]
pub enum BalanceLine {
    /// Immateriella anläggningstillgångar.
    IntangibleAssets,
    /// Mark, byggnader och tekniska anläggningar.
    LandAndBuildings,
    /// Maskiner och inventarier.
    MachineryAndEquipment,
    /// Övriga materiella anläggningstillgångar.
    OtherTangibleAssets,
    /// Finansiella anläggningstillgångar.
    FinancialFixedAssets,
    /// Bidrag till (statlig) infrastruktur.
    InfrastructureContributions,
    /// Förråd m.m. (also förråd och exploateringstillgångar).
    Inventories,
    /// Fordringar.
    Receivables,
    /// Kortfristiga placeringar.
    ShortTermInvestments,
    /// Kassa och bank.
    CashAndBank,
    /// Årets resultat (in eget kapital).
    ResultForTheYear,
    /// Resultatutjämningsreserv (up to 2023) or resultatreserv (from 2024).
    ResultReserve,
    /// Övrigt eget kapital.
    OtherEquity,
    /// Avsättningar för pensioner och liknande förpliktelser.
    PensionProvisions,
    /// Andra avsättningar.
    OtherProvisions,
    /// Långfristiga skulder.
    LongTermLiabilities,
    /// Kortfristiga skulder.
    CurrentLiabilities,
    /// Panter och därmed jämförliga säkerheter (memo).
    PledgedAssets,
    /// Pensionsförpliktelser intjänade före 1998 inklusive särskild löneskatt, not in
    /// the balance sheet (ansvarsförbindelse, blandmodellen; memo).
    PensionCommitmentsBefore1998,
    /// Borgensförbindelser (memo).
    Guarantees,
    /// Övriga ansvarsförbindelser (memo).
    OtherContingentLiabilities,
}

impl BalanceLine {
    /// All posts in statutory order.
    pub const ALL: [BalanceLine; 21] = [
        BalanceLine::IntangibleAssets,
        BalanceLine::LandAndBuildings,
        BalanceLine::MachineryAndEquipment,
        BalanceLine::OtherTangibleAssets,
        BalanceLine::FinancialFixedAssets,
        BalanceLine::InfrastructureContributions,
        BalanceLine::Inventories,
        BalanceLine::Receivables,
        BalanceLine::ShortTermInvestments,
        BalanceLine::CashAndBank,
        BalanceLine::ResultForTheYear,
        BalanceLine::ResultReserve,
        BalanceLine::OtherEquity,
        BalanceLine::PensionProvisions,
        BalanceLine::OtherProvisions,
        BalanceLine::LongTermLiabilities,
        BalanceLine::CurrentLiabilities,
        BalanceLine::PledgedAssets,
        BalanceLine::PensionCommitmentsBefore1998,
        BalanceLine::Guarantees,
        BalanceLine::OtherContingentLiabilities,
    ];

    /// The stable id used for label overrides and row ids.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            BalanceLine::IntangibleAssets => "immateriella_anlaggningstillgangar",
            BalanceLine::LandAndBuildings => "mark_byggnader_och_tekniska_anlaggningar",
            BalanceLine::MachineryAndEquipment => "maskiner_och_inventarier",
            BalanceLine::OtherTangibleAssets => "ovriga_materiella_anlaggningstillgangar",
            BalanceLine::FinancialFixedAssets => "finansiella_anlaggningstillgangar",
            BalanceLine::InfrastructureContributions => "bidrag_till_infrastruktur",
            BalanceLine::Inventories => "forrad",
            BalanceLine::Receivables => "fordringar",
            BalanceLine::ShortTermInvestments => "kortfristiga_placeringar",
            BalanceLine::CashAndBank => "kassa_och_bank",
            BalanceLine::ResultForTheYear => "arets_resultat",
            BalanceLine::ResultReserve => "resultatreserv",
            BalanceLine::OtherEquity => "ovrigt_eget_kapital",
            BalanceLine::PensionProvisions => "avsattningar_for_pensioner",
            BalanceLine::OtherProvisions => "andra_avsattningar",
            BalanceLine::LongTermLiabilities => "langfristiga_skulder",
            BalanceLine::CurrentLiabilities => "kortfristiga_skulder",
            BalanceLine::PledgedAssets => "panter",
            BalanceLine::PensionCommitmentsBefore1998 => "pensionsforpliktelser_fore_1998",
            BalanceLine::Guarantees => "borgensforbindelser",
            BalanceLine::OtherContingentLiabilities => "ovriga_ansvarsforbindelser",
        }
    }

    /// The Swedish label. The reserve is "Resultatutjämningsreserv" up to 2023 and
    /// "Resultatreserv" from 2024 (prop. 2022/23:119); see [`BalanceLine::label_for_year`].
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            BalanceLine::IntangibleAssets => "Immateriella anläggningstillgångar",
            BalanceLine::LandAndBuildings => "Mark, byggnader och tekniska anläggningar",
            BalanceLine::MachineryAndEquipment => "Maskiner och inventarier",
            BalanceLine::OtherTangibleAssets => "Övriga materiella anläggningstillgångar",
            BalanceLine::FinancialFixedAssets => "Finansiella anläggningstillgångar",
            BalanceLine::InfrastructureContributions => "Bidrag till infrastruktur",
            BalanceLine::Inventories => "Förråd m.m.",
            BalanceLine::Receivables => "Fordringar",
            BalanceLine::ShortTermInvestments => "Kortfristiga placeringar",
            BalanceLine::CashAndBank => "Kassa och bank",
            BalanceLine::ResultForTheYear => "Årets resultat",
            BalanceLine::ResultReserve => "Resultatreserv",
            BalanceLine::OtherEquity => "Övrigt eget kapital",
            BalanceLine::PensionProvisions => {
                "Avsättningar för pensioner och liknande förpliktelser"
            }
            BalanceLine::OtherProvisions => "Andra avsättningar",
            BalanceLine::LongTermLiabilities => "Långfristiga skulder",
            BalanceLine::CurrentLiabilities => "Kortfristiga skulder",
            BalanceLine::PledgedAssets => "Panter och därmed jämförliga säkerheter",
            BalanceLine::PensionCommitmentsBefore1998 => {
                "Pensionsförpliktelser intjänade före 1998 inkl. särskild löneskatt"
            }
            BalanceLine::Guarantees => "Borgensförbindelser",
            BalanceLine::OtherContingentLiabilities => "Övriga ansvarsförbindelser",
        }
    }

    /// The label as it reads in `year`: the reserve is a resultatutjämningsreserv up to
    /// 2023.
    #[must_use]
    pub fn label_for_year(self, year: crate::FinancialYear) -> &'static str {
        match self {
            BalanceLine::ResultReserve if year.year() < 2024 => "Resultatutjämningsreserv",
            other => other.label(),
        }
    }

    /// `true` for the memo posts outside the balance sheet (panter och
    /// ansvarsförbindelser).
    #[must_use]
    pub fn is_memo(self) -> bool {
        matches!(
            self,
            BalanceLine::PledgedAssets
                | BalanceLine::PensionCommitmentsBefore1998
                | BalanceLine::Guarantees
                | BalanceLine::OtherContingentLiabilities
        )
    }
}

/// A derived sum of the balansräkning.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet};
/// use kommunal_redovisning::statement::BalanceSum;
///
/// // Påhittade belopp (tkr).
/// let br = BalanceSheet {
///     receivables: Amount::tkr(30),
///     cash_and_bank: Amount::tkr(70),
///     ..Default::default()
/// };
/// assert_eq!(br.sum(BalanceSum::CurrentAssets), Amount::tkr(100));
/// assert_eq!(BalanceSum::TotalAssets.label(), "Summa tillgångar");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "delsumma")]
pub enum BalanceSum {
    /// Summa materiella anläggningstillgångar.
    TangibleAssets,
    /// Summa anläggningstillgångar.
    FixedAssets,
    /// Summa omsättningstillgångar.
    CurrentAssets,
    /// Summa tillgångar (balansomslutning).
    TotalAssets,
    /// Summa eget kapital.
    Equity,
    /// Summa avsättningar.
    Provisions,
    /// Summa skulder.
    Liabilities,
    /// Summa eget kapital, avsättningar och skulder.
    TotalEquityAndLiabilities,
}

impl BalanceSum {
    /// The stable id used for label overrides and row ids.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            BalanceSum::TangibleAssets => "summa_materiella_anlaggningstillgangar",
            BalanceSum::FixedAssets => "summa_anlaggningstillgangar",
            BalanceSum::CurrentAssets => "summa_omsattningstillgangar",
            BalanceSum::TotalAssets => "summa_tillgangar",
            BalanceSum::Equity => "summa_eget_kapital",
            BalanceSum::Provisions => "summa_avsattningar",
            BalanceSum::Liabilities => "summa_skulder",
            BalanceSum::TotalEquityAndLiabilities => "summa_eget_kapital_avsattningar_och_skulder",
        }
    }

    /// The Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            BalanceSum::TangibleAssets => "Summa materiella anläggningstillgångar",
            BalanceSum::FixedAssets => "Summa anläggningstillgångar",
            BalanceSum::CurrentAssets => "Summa omsättningstillgångar",
            BalanceSum::TotalAssets => "Summa tillgångar",
            BalanceSum::Equity => "Summa eget kapital",
            BalanceSum::Provisions => "Summa avsättningar",
            BalanceSum::Liabilities => "Summa skulder",
            BalanceSum::TotalEquityAndLiabilities => "Summa eget kapital, avsättningar och skulder",
        }
    }
}

/// A direct part of a [`BalanceSum`] (delpost): a post or another sum.
///
/// ```
/// use kommunal_redovisning::statement::{BalanceLine, BalancePart, BalanceSum};
///
/// let parts = BalanceSum::Provisions.parts();
/// assert_eq!(parts[0], BalancePart::Line(BalanceLine::PensionProvisions));
/// assert_eq!(BalancePart::Sum(BalanceSum::Equity).id(), "summa_eget_kapital");
/// ```
#[doc(alias = "delpost")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BalancePart {
    /// A post.
    Line(BalanceLine),
    /// A sum, e.g. summa materiella anläggningstillgångar inside summa
    /// anläggningstillgångar.
    Sum(BalanceSum),
}

impl BalancePart {
    /// The row id of the part.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            BalancePart::Line(l) => l.id(),
            BalancePart::Sum(s) => s.id(),
        }
    }
}

impl BalanceSum {
    /// The direct parts of the sum as the statutory layout shows them (a sum may
    /// contain sums); [`BalanceSheet::lines_of`] is the same expanded to posts.
    #[must_use]
    pub fn parts(self) -> &'static [BalancePart] {
        use BalanceLine as L;
        use BalancePart::{Line, Sum};
        use BalanceSum as S;
        match self {
            S::TangibleAssets => &[
                Line(L::LandAndBuildings),
                Line(L::MachineryAndEquipment),
                Line(L::OtherTangibleAssets),
            ],
            S::FixedAssets => &[
                Line(L::IntangibleAssets),
                Sum(S::TangibleAssets),
                Line(L::FinancialFixedAssets),
            ],
            S::CurrentAssets => &[
                Line(L::Inventories),
                Line(L::Receivables),
                Line(L::ShortTermInvestments),
                Line(L::CashAndBank),
            ],
            S::TotalAssets => &[
                Sum(S::FixedAssets),
                Line(L::InfrastructureContributions),
                Sum(S::CurrentAssets),
            ],
            S::Equity => &[
                Line(L::ResultForTheYear),
                Line(L::ResultReserve),
                Line(L::OtherEquity),
            ],
            S::Provisions => &[Line(L::PensionProvisions), Line(L::OtherProvisions)],
            S::Liabilities => &[Line(L::LongTermLiabilities), Line(L::CurrentLiabilities)],
            S::TotalEquityAndLiabilities => {
                &[Sum(S::Equity), Sum(S::Provisions), Sum(S::Liabilities)]
            }
        }
    }

    /// Every sum, inner sums before the sums that contain them.
    pub const ALL: [BalanceSum; 8] = [
        BalanceSum::TangibleAssets,
        BalanceSum::FixedAssets,
        BalanceSum::CurrentAssets,
        BalanceSum::TotalAssets,
        BalanceSum::Equity,
        BalanceSum::Provisions,
        BalanceSum::Liabilities,
        BalanceSum::TotalEquityAndLiabilities,
    ];
}

/// Balansräkning (balance sheet) at one date, LKBR 6 kap.
///
/// All posts positive as published (a negative equity is negative). Only the posts
/// are stored; every sum is derived. [`BalanceSheet::validate`] checks that
/// tillgångar = eget kapital + avsättningar + skulder.
///
/// # Example: Grästorps kommun 2020-12-31 (tkr)
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, RoundingMode};
///
/// let br = BalanceSheet {
///     intangible_assets: Amount::tkr(2_158),
///     land_and_buildings: Amount::tkr(359_745),
///     machinery_and_equipment: Amount::tkr(12_671),
///     financial_fixed_assets: Amount::tkr(9_980),
///     infrastructure_contributions: Amount::tkr(5_040),
///     receivables: Amount::tkr(39_331),
///     cash_and_bank: Amount::tkr(48_969),
///     result_for_the_year: Amount::tkr(27_125),
///     result_reserve: Amount::tkr(13_500),
///     other_equity: Amount::tkr(171_288),
///     pension_provisions: Amount::tkr(7_094),
///     other_provisions: Amount::tkr(7_059),
///     long_term_liabilities: Amount::tkr(151_284),
///     current_liabilities: Amount::tkr(100_544),
///     ..Default::default()
/// };
/// br.validate()?;
/// assert_eq!(br.total_assets(), Amount::tkr(477_894));
/// assert_eq!(br.equity(), Amount::tkr(211_913));
/// let soliditet = br.equity_ratio()?.round(1, RoundingMode::HalfAwayFromZero);
/// assert_eq!(soliditet.to_string(), "44.3");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balansräkning")]
#[doc(alias = "BR")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BalanceSheet {
    /// Immateriella anläggningstillgångar.
    pub intangible_assets: Amount,
    /// Mark, byggnader och tekniska anläggningar.
    pub land_and_buildings: Amount,
    /// Maskiner och inventarier.
    pub machinery_and_equipment: Amount,
    /// Övriga materiella anläggningstillgångar.
    pub other_tangible_assets: Amount,
    /// Finansiella anläggningstillgångar.
    pub financial_fixed_assets: Amount,
    /// Bidrag till (statlig) infrastruktur.
    pub infrastructure_contributions: Amount,
    /// Förråd m.m.
    pub inventories: Amount,
    /// Fordringar.
    pub receivables: Amount,
    /// Kortfristiga placeringar.
    pub short_term_investments: Amount,
    /// Kassa och bank.
    pub cash_and_bank: Amount,
    /// Årets resultat.
    pub result_for_the_year: Amount,
    /// Resultatutjämningsreserv / resultatreserv.
    pub result_reserve: Amount,
    /// Övrigt eget kapital (excluding årets resultat and the reserve).
    pub other_equity: Amount,
    /// Avsättningar för pensioner och liknande förpliktelser.
    pub pension_provisions: Amount,
    /// Andra avsättningar.
    pub other_provisions: Amount,
    /// Långfristiga skulder.
    pub long_term_liabilities: Amount,
    /// Kortfristiga skulder.
    pub current_liabilities: Amount,
    /// Panter och därmed jämförliga säkerheter (memo).
    pub pledged_assets: Amount,
    /// Pensionsförpliktelser intjänade före 1998 including särskild löneskatt (memo).
    pub pension_commitments_before_1998: Amount,
    /// Borgensförbindelser (memo).
    pub guarantees: Amount,
    /// Övriga ansvarsförbindelser (memo).
    pub other_contingent_liabilities: Amount,
    /// Specification rows, e.g. aktier och andelar under finansiella
    /// anläggningstillgångar, därav särskild löneskatt under pensionsförpliktelser.
    pub details: Vec<Detail<BalanceLine>>,
    /// Note references per post.
    pub notes: BTreeMap<BalanceLine, String>,
}

impl BalanceSheet {
    /// The amount of a post.
    #[must_use]
    pub fn amount(&self, line: BalanceLine) -> Amount {
        match line {
            BalanceLine::IntangibleAssets => self.intangible_assets,
            BalanceLine::LandAndBuildings => self.land_and_buildings,
            BalanceLine::MachineryAndEquipment => self.machinery_and_equipment,
            BalanceLine::OtherTangibleAssets => self.other_tangible_assets,
            BalanceLine::FinancialFixedAssets => self.financial_fixed_assets,
            BalanceLine::InfrastructureContributions => self.infrastructure_contributions,
            BalanceLine::Inventories => self.inventories,
            BalanceLine::Receivables => self.receivables,
            BalanceLine::ShortTermInvestments => self.short_term_investments,
            BalanceLine::CashAndBank => self.cash_and_bank,
            BalanceLine::ResultForTheYear => self.result_for_the_year,
            BalanceLine::ResultReserve => self.result_reserve,
            BalanceLine::OtherEquity => self.other_equity,
            BalanceLine::PensionProvisions => self.pension_provisions,
            BalanceLine::OtherProvisions => self.other_provisions,
            BalanceLine::LongTermLiabilities => self.long_term_liabilities,
            BalanceLine::CurrentLiabilities => self.current_liabilities,
            BalanceLine::PledgedAssets => self.pledged_assets,
            BalanceLine::PensionCommitmentsBefore1998 => self.pension_commitments_before_1998,
            BalanceLine::Guarantees => self.guarantees,
            BalanceLine::OtherContingentLiabilities => self.other_contingent_liabilities,
        }
    }

    /// A mutable reference to a post.
    pub fn amount_mut(&mut self, line: BalanceLine) -> &mut Amount {
        match line {
            BalanceLine::IntangibleAssets => &mut self.intangible_assets,
            BalanceLine::LandAndBuildings => &mut self.land_and_buildings,
            BalanceLine::MachineryAndEquipment => &mut self.machinery_and_equipment,
            BalanceLine::OtherTangibleAssets => &mut self.other_tangible_assets,
            BalanceLine::FinancialFixedAssets => &mut self.financial_fixed_assets,
            BalanceLine::InfrastructureContributions => &mut self.infrastructure_contributions,
            BalanceLine::Inventories => &mut self.inventories,
            BalanceLine::Receivables => &mut self.receivables,
            BalanceLine::ShortTermInvestments => &mut self.short_term_investments,
            BalanceLine::CashAndBank => &mut self.cash_and_bank,
            BalanceLine::ResultForTheYear => &mut self.result_for_the_year,
            BalanceLine::ResultReserve => &mut self.result_reserve,
            BalanceLine::OtherEquity => &mut self.other_equity,
            BalanceLine::PensionProvisions => &mut self.pension_provisions,
            BalanceLine::OtherProvisions => &mut self.other_provisions,
            BalanceLine::LongTermLiabilities => &mut self.long_term_liabilities,
            BalanceLine::CurrentLiabilities => &mut self.current_liabilities,
            BalanceLine::PledgedAssets => &mut self.pledged_assets,
            BalanceLine::PensionCommitmentsBefore1998 => &mut self.pension_commitments_before_1998,
            BalanceLine::Guarantees => &mut self.guarantees,
            BalanceLine::OtherContingentLiabilities => &mut self.other_contingent_liabilities,
        }
    }

    /// The posts that make up a sum (direct parts; nested sums are expanded).
    #[must_use]
    pub fn lines_of(sum: BalanceSum) -> &'static [BalanceLine] {
        use BalanceLine as L;
        match sum {
            BalanceSum::TangibleAssets => &[
                L::LandAndBuildings,
                L::MachineryAndEquipment,
                L::OtherTangibleAssets,
            ],
            BalanceSum::FixedAssets => &[
                L::IntangibleAssets,
                L::LandAndBuildings,
                L::MachineryAndEquipment,
                L::OtherTangibleAssets,
                L::FinancialFixedAssets,
            ],
            BalanceSum::CurrentAssets => &[
                L::Inventories,
                L::Receivables,
                L::ShortTermInvestments,
                L::CashAndBank,
            ],
            BalanceSum::TotalAssets => &[
                L::IntangibleAssets,
                L::LandAndBuildings,
                L::MachineryAndEquipment,
                L::OtherTangibleAssets,
                L::FinancialFixedAssets,
                L::InfrastructureContributions,
                L::Inventories,
                L::Receivables,
                L::ShortTermInvestments,
                L::CashAndBank,
            ],
            BalanceSum::Equity => &[L::ResultForTheYear, L::ResultReserve, L::OtherEquity],
            BalanceSum::Provisions => &[L::PensionProvisions, L::OtherProvisions],
            BalanceSum::Liabilities => &[L::LongTermLiabilities, L::CurrentLiabilities],
            BalanceSum::TotalEquityAndLiabilities => &[
                L::ResultForTheYear,
                L::ResultReserve,
                L::OtherEquity,
                L::PensionProvisions,
                L::OtherProvisions,
                L::LongTermLiabilities,
                L::CurrentLiabilities,
            ],
        }
    }

    /// A derived sum by name.
    #[must_use]
    pub fn sum(&self, sum: BalanceSum) -> Amount {
        Self::lines_of(sum).iter().map(|l| self.amount(*l)).sum()
    }

    /// Summa anläggningstillgångar.
    #[must_use]
    pub fn fixed_assets(&self) -> Amount {
        self.sum(BalanceSum::FixedAssets)
    }

    /// Summa omsättningstillgångar.
    #[must_use]
    pub fn current_assets(&self) -> Amount {
        self.sum(BalanceSum::CurrentAssets)
    }

    /// Summa tillgångar (balansomslutning).
    #[must_use]
    pub fn total_assets(&self) -> Amount {
        self.sum(BalanceSum::TotalAssets)
    }

    /// Summa eget kapital.
    #[must_use]
    pub fn equity(&self) -> Amount {
        self.sum(BalanceSum::Equity)
    }

    /// Summa avsättningar.
    #[must_use]
    pub fn provisions(&self) -> Amount {
        self.sum(BalanceSum::Provisions)
    }

    /// Summa skulder.
    #[must_use]
    pub fn liabilities(&self) -> Amount {
        self.sum(BalanceSum::Liabilities)
    }

    /// Summa eget kapital, avsättningar och skulder.
    #[must_use]
    pub fn total_equity_and_liabilities(&self) -> Amount {
        self.sum(BalanceSum::TotalEquityAndLiabilities)
    }

    /// Likvida medel = kortfristiga placeringar + kassa och bank.
    #[must_use]
    pub fn liquid_assets(&self) -> Amount {
        self.short_term_investments + self.cash_and_bank
    }

    /// Checks that the balance sheet balances (tillgångar = eget kapital + avsättningar
    /// + skulder) and that every breakdown adds up to its post.
    ///
    /// # Errors
    ///
    /// [`Error::Unbalanced`] naming both sums and the difference; [`Error::Mismatch`]
    /// for a breakdown; [`Error::Overflow`].
    pub fn validate(&self) -> Result<()> {
        let assets = self.total_assets();
        let claims = self.total_equity_and_liabilities();
        if assets != claims {
            return Err(Error::Unbalanced {
                assets,
                equity_and_liabilities: claims,
                difference: assets - claims,
            });
        }
        check_breakdowns(&self.details, |l| self.amount(l), BalanceLine::label)
    }

    /// Soliditet = eget kapital / summa tillgångar (Kolada N03106). See
    /// [`crate::ratio::equity_ratio`].
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when summa tillgångar is zero; [`Error::Overflow`].
    pub fn equity_ratio(&self) -> Result<Percent> {
        crate::ratio::equity_ratio(self.equity(), self.total_assets())
    }

    /// The rows in statutory order: tillgångar, eget kapital, avsättningar och skulder,
    /// then panter och ansvarsförbindelser. Lines that are zero are kept (a table layer
    /// may hide them).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a sum cannot be computed.
    pub fn rows(&self, layout: &StatementLayout) -> Result<Vec<StatementRow>> {
        use BalanceLine as L;
        let mut rows = Vec::with_capacity(40 + self.details.len());
        let heading = |rows: &mut Vec<StatementRow>, id: &str, label: &str, depth: u8| {
            rows.push(StatementRow {
                id: id.to_owned(),
                label: layout.labels.get(id, label).to_owned(),
                kind: StatementRowKind::Heading,
                depth,
                amount: None,
                note: None,
            });
        };
        let line = |rows: &mut Vec<StatementRow>, l: BalanceLine, depth: u8| {
            rows.push(StatementRow {
                id: l.id().to_owned(),
                label: layout
                    .labels
                    .get(l.id(), l.label_for_year(layout.year))
                    .to_owned(),
                kind: StatementRowKind::Line,
                depth,
                amount: Some(self.amount(l)),
                note: self.notes.get(&l).cloned(),
            });
            rows.extend(detail_rows(&self.details, l, l.id(), depth));
        };
        let sum =
            |rows: &mut Vec<StatementRow>, s: BalanceSum, kind: StatementRowKind, depth: u8| {
                rows.push(StatementRow {
                    id: s.id().to_owned(),
                    label: layout.labels.get(s.id(), s.label()).to_owned(),
                    kind,
                    depth,
                    amount: Some(self.sum(s)),
                    note: None,
                });
            };

        heading(&mut rows, "tillgangar", "TILLGÅNGAR", 0);
        heading(
            &mut rows,
            "anlaggningstillgangar",
            "Anläggningstillgångar",
            0,
        );
        line(&mut rows, L::IntangibleAssets, 1);
        heading(
            &mut rows,
            "materiella_anlaggningstillgangar",
            "Materiella anläggningstillgångar",
            1,
        );
        line(&mut rows, L::LandAndBuildings, 2);
        line(&mut rows, L::MachineryAndEquipment, 2);
        line(&mut rows, L::OtherTangibleAssets, 2);
        sum(
            &mut rows,
            BalanceSum::TangibleAssets,
            StatementRowKind::Subtotal,
            1,
        );
        line(&mut rows, L::FinancialFixedAssets, 1);
        sum(
            &mut rows,
            BalanceSum::FixedAssets,
            StatementRowKind::Subtotal,
            0,
        );
        line(&mut rows, L::InfrastructureContributions, 0);
        heading(
            &mut rows,
            "omsattningstillgangar",
            "Omsättningstillgångar",
            0,
        );
        line(&mut rows, L::Inventories, 1);
        line(&mut rows, L::Receivables, 1);
        line(&mut rows, L::ShortTermInvestments, 1);
        line(&mut rows, L::CashAndBank, 1);
        sum(
            &mut rows,
            BalanceSum::CurrentAssets,
            StatementRowKind::Subtotal,
            0,
        );
        sum(
            &mut rows,
            BalanceSum::TotalAssets,
            StatementRowKind::Total,
            0,
        );

        heading(
            &mut rows,
            "eget_kapital_avsattningar_och_skulder",
            "EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER",
            0,
        );
        heading(&mut rows, "eget_kapital", "Eget kapital", 0);
        line(&mut rows, L::ResultForTheYear, 1);
        line(&mut rows, L::ResultReserve, 1);
        line(&mut rows, L::OtherEquity, 1);
        sum(&mut rows, BalanceSum::Equity, StatementRowKind::Subtotal, 0);
        heading(&mut rows, "avsattningar", "Avsättningar", 0);
        line(&mut rows, L::PensionProvisions, 1);
        line(&mut rows, L::OtherProvisions, 1);
        sum(
            &mut rows,
            BalanceSum::Provisions,
            StatementRowKind::Subtotal,
            0,
        );
        heading(&mut rows, "skulder", "Skulder", 0);
        line(&mut rows, L::LongTermLiabilities, 1);
        line(&mut rows, L::CurrentLiabilities, 1);
        sum(
            &mut rows,
            BalanceSum::Liabilities,
            StatementRowKind::Subtotal,
            0,
        );
        sum(
            &mut rows,
            BalanceSum::TotalEquityAndLiabilities,
            StatementRowKind::Total,
            0,
        );

        heading(
            &mut rows,
            "panter_och_ansvarsforbindelser",
            "PANTER OCH ANSVARSFÖRBINDELSER",
            0,
        );
        line(&mut rows, L::PledgedAssets, 1);
        line(&mut rows, L::PensionCommitmentsBefore1998, 1);
        line(&mut rows, L::Guarantees, 1);
        line(&mut rows, L::OtherContingentLiabilities, 1);
        Ok(rows)
    }
}

impl BalanceSheet {
    /// The särskild löneskatt contained in an amount that includes it:
    /// `total × 24,26 / 124,26`.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet, RoundingMode, Scale};
    ///
    /// // Grästorp 2020: pensionsförpliktelser före 1998 131 313 tkr, därav löneskatt 25 637 tkr.
    /// let tax = BalanceSheet::special_payroll_tax_in(Amount::tkr(131_313))?;
    /// assert_eq!(tax.round_to(Scale::Tkr, 0, RoundingMode::HalfAwayFromZero)?, Amount::tkr(25_637));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn special_payroll_tax_in(total_including_tax: Amount) -> Result<Amount> {
        let gross = Decimal::ONE_HUNDRED
            .checked_add(SPECIAL_PAYROLL_TAX_RATE)
            .ok_or(Error::Overflow {
                operation: "addition",
            })?;
        let share = SPECIAL_PAYROLL_TAX_RATE
            .checked_div(gross)
            .ok_or(Error::Overflow {
                operation: "division",
            })?;
        total_including_tax.checked_mul(share)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityKind, FinancialYear};

    #[test]
    fn unbalanced_names_both_sums() {
        let br = BalanceSheet {
            cash_and_bank: Amount::tkr(10),
            current_liabilities: Amount::tkr(7),
            ..Default::default()
        };
        match br.validate() {
            Err(Error::Unbalanced {
                assets,
                equity_and_liabilities,
                difference,
            }) => {
                assert_eq!(assets, Amount::tkr(10));
                assert_eq!(equity_and_liabilities, Amount::tkr(7));
                assert_eq!(difference, Amount::tkr(3));
            }
            other => panic!("expected Unbalanced, got {other:?}"),
        }
    }

    #[test]
    fn memo_lines_do_not_count() {
        let br = BalanceSheet {
            cash_and_bank: Amount::tkr(10),
            current_liabilities: Amount::tkr(10),
            guarantees: Amount::tkr(1_000),
            pension_commitments_before_1998: Amount::tkr(500),
            ..Default::default()
        };
        br.validate().unwrap();
        assert!(BalanceLine::ALL.iter().filter(|l| l.is_memo()).count() == 4);
    }

    #[test]
    fn reserve_label_follows_the_year() {
        let br = BalanceSheet::default();
        let label = |y| {
            let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(y));
            br.rows(&layout)
                .unwrap()
                .into_iter()
                .find(|r| r.id == "resultatreserv")
                .unwrap()
                .label
        };
        assert_eq!(label(2023), "Resultatutjämningsreserv");
        assert_eq!(label(2024), "Resultatreserv");
    }

    #[test]
    fn parts_expand_to_lines_of() {
        fn expand(sum: BalanceSum, out: &mut Vec<BalanceLine>) {
            for p in sum.parts() {
                match p {
                    BalancePart::Line(l) => out.push(*l),
                    BalancePart::Sum(s) => expand(*s, out),
                }
            }
        }
        for sum in BalanceSum::ALL {
            let mut lines = Vec::new();
            expand(sum, &mut lines);
            assert_eq!(lines, BalanceSheet::lines_of(sum), "{sum:?}");
        }
    }

    #[test]
    fn every_post_appears_once_in_rows() {
        let br = BalanceSheet::default();
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let rows = br.rows(&layout).unwrap();
        for l in BalanceLine::ALL {
            assert_eq!(rows.iter().filter(|r| r.id == l.id()).count(), 1, "{l:?}");
        }
    }
}
