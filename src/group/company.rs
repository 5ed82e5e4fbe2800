//! A company's own accounts in the ÅRL layout (årsredovisningslagen 1995:1554, bilaga 2
//! kostnadsslagsindelad resultaträkning and bilaga 1 balansräkning, as used under
//! BFNAR 2016:10 K2 and BFNAR 2012:1 K3), with every subtotal derived.
//!
//! Signs as published: intäkter positive, kostnader negative; bokslutsdispositioner
//! and koncernbidrag ± (an allocation to a periodiseringsfond is negative, a received
//! koncernbidrag positive); skatt negative for a tax cost. Balance posts positive.

use crate::error::{Error, Result};
use crate::money::Amount;

/// Resultaträkning of an aktiebolag (kostnadsslagsindelad, ÅRL bilaga 2).
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::group::CompanyIncomeStatement;
///
/// let rs = CompanyIncomeStatement {
///     net_sales: Amount::tkr(1_000),
///     other_external_costs: Amount::tkr(-400),
///     personnel_costs: Amount::tkr(-300),
///     depreciation: Amount::tkr(-100),
///     interest_expenses: Amount::tkr(-50),
///     appropriations: Amount::tkr(-40),
///     tax: Amount::tkr(-23),
///     ..Default::default()
/// };
/// assert_eq!(rs.operating_profit(), Amount::tkr(200));
/// assert_eq!(rs.result_after_financial_items(), Amount::tkr(150));
/// assert_eq!(rs.result_before_tax(), Amount::tkr(110));
/// assert_eq!(rs.result_for_the_year(), Amount::tkr(87));
/// ```
#[doc(alias = "resultaträkning för aktiebolag")]
#[doc(alias = "kostnadsslagsindelad resultaträkning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct CompanyIncomeStatement {
    /// Nettoomsättning (+).
    pub net_sales: Amount,
    /// Övriga rörelseintäkter (+), including realisationsvinster.
    pub other_operating_income: Amount,
    /// Råvaror och förnödenheter, handelsvaror (−).
    pub raw_materials_and_goods: Amount,
    /// Övriga externa kostnader (−).
    pub other_external_costs: Amount,
    /// Personalkostnader (−).
    pub personnel_costs: Amount,
    /// Av- och nedskrivningar av materiella och immateriella anläggningstillgångar (−).
    pub depreciation: Amount,
    /// Övriga rörelsekostnader (−).
    pub other_operating_costs: Amount,
    /// Finansiella intäkter: resultat från andelar, ränteintäkter (+).
    pub financial_income: Amount,
    /// Räntekostnader och liknande resultatposter (−).
    pub interest_expenses: Amount,
    /// Bokslutsdispositioner other than koncernbidrag: förändring av
    /// periodiseringsfonder and överavskrivningar (±).
    pub appropriations: Amount,
    /// Koncernbidrag, received (+) or given (−).
    pub group_contributions: Amount,
    /// Skatt på årets resultat (normally −).
    pub tax: Amount,
}

impl CompanyIncomeStatement {
    /// Rörelseresultat = rörelseintäkter + rörelsekostnader.
    #[must_use]
    pub fn operating_profit(&self) -> Amount {
        [
            self.net_sales,
            self.other_operating_income,
            self.raw_materials_and_goods,
            self.other_external_costs,
            self.personnel_costs,
            self.depreciation,
            self.other_operating_costs,
        ]
        .into_iter()
        .sum()
    }

    /// Resultat efter finansiella poster.
    #[must_use]
    pub fn result_after_financial_items(&self) -> Amount {
        self.operating_profit() + self.financial_income + self.interest_expenses
    }

    /// Resultat före skatt = resultat efter finansiella poster + bokslutsdispositioner
    /// + koncernbidrag.
    #[must_use]
    pub fn result_before_tax(&self) -> Amount {
        self.result_after_financial_items() + self.appropriations + self.group_contributions
    }

    /// Årets resultat = resultat före skatt + skatt.
    #[must_use]
    pub fn result_for_the_year(&self) -> Amount {
        self.result_before_tax() + self.tax
    }
}

/// Balansräkning of an aktiebolag (ÅRL bilaga 1), the posts a koncern needs.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::group::CompanyBalanceSheet;
///
/// let br = CompanyBalanceSheet {
///     buildings_and_land: Amount::tkr(900),
///     cash_and_bank: Amount::tkr(100),
///     share_capital: Amount::tkr(100),
///     retained_earnings: Amount::tkr(113),
///     result_for_the_year: Amount::tkr(87),
///     untaxed_reserves: Amount::tkr(200),
///     long_term_liabilities: Amount::tkr(500),
///     ..Default::default()
/// };
/// br.validate()?;
/// assert_eq!(br.equity(), Amount::tkr(300));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "balansräkning för aktiebolag")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct CompanyBalanceSheet {
    /// Immateriella anläggningstillgångar.
    pub intangible_assets: Amount,
    /// Byggnader och mark.
    pub buildings_and_land: Amount,
    /// Maskiner, inventarier och tekniska anläggningar.
    pub machinery_and_equipment: Amount,
    /// Pågående nyanläggningar och övriga materiella anläggningstillgångar.
    pub other_tangible_assets: Amount,
    /// Finansiella anläggningstillgångar (andelar i koncernföretag, långfristiga
    /// fordringar).
    pub financial_fixed_assets: Amount,
    /// Varulager m.m.
    pub inventories: Amount,
    /// Kortfristiga fordringar.
    pub receivables: Amount,
    /// Kortfristiga placeringar.
    pub short_term_investments: Amount,
    /// Kassa och bank.
    pub cash_and_bank: Amount,
    /// Bundet eget kapital (aktiekapital, reservfond, uppskrivningsfond).
    pub share_capital: Amount,
    /// Fritt eget kapital other than årets resultat (balanserat resultat).
    pub retained_earnings: Amount,
    /// Årets resultat.
    pub result_for_the_year: Amount,
    /// Obeskattade reserver (periodiseringsfonder, ackumulerade överavskrivningar).
    pub untaxed_reserves: Amount,
    /// Avsättningar för pensioner och liknande förpliktelser.
    pub pension_provisions: Amount,
    /// Avsättningar för skatter (uppskjuten skatteskuld).
    pub deferred_tax: Amount,
    /// Övriga avsättningar.
    pub other_provisions: Amount,
    /// Långfristiga skulder.
    pub long_term_liabilities: Amount,
    /// Kortfristiga skulder.
    pub current_liabilities: Amount,
}

impl CompanyBalanceSheet {
    /// Summa tillgångar.
    #[must_use]
    pub fn total_assets(&self) -> Amount {
        [
            self.intangible_assets,
            self.buildings_and_land,
            self.machinery_and_equipment,
            self.other_tangible_assets,
            self.financial_fixed_assets,
            self.inventories,
            self.receivables,
            self.short_term_investments,
            self.cash_and_bank,
        ]
        .into_iter()
        .sum()
    }

    /// Summa eget kapital.
    #[must_use]
    pub fn equity(&self) -> Amount {
        self.share_capital + self.retained_earnings + self.result_for_the_year
    }

    /// Summa eget kapital, obeskattade reserver, avsättningar och skulder.
    #[must_use]
    pub fn total_equity_and_liabilities(&self) -> Amount {
        [
            self.equity(),
            self.untaxed_reserves,
            self.pension_provisions,
            self.deferred_tax,
            self.other_provisions,
            self.long_term_liabilities,
            self.current_liabilities,
        ]
        .into_iter()
        .sum()
    }

    /// Checks that the balance sheet balances.
    ///
    /// # Errors
    ///
    /// [`Error::Unbalanced`] with both sums.
    pub fn validate(&self) -> Result<()> {
        let assets = self.total_assets();
        let claims = self.total_equity_and_liabilities();
        if assets == claims {
            return Ok(());
        }
        Err(Error::Unbalanced {
            assets,
            equity_and_liabilities: claims,
            difference: assets - claims,
        })
    }
}
