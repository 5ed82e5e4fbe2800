//! The mapping of a company's ÅRL accounts onto the LKBR lines (uppställningsform),
//! and the bolagsskatt rates by year that split obeskattade reserver into eget kapital
//! and uppskjuten skatteskuld.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::{Amount, Percent};
use crate::period::FinancialYear;
use crate::statement::{BalanceLine, BalanceSheet, BalanceSum, IncomeLine, IncomeStatement};

use super::company::{CompanyBalanceSheet, CompanyIncomeStatement};
use super::statement::GroupIncomeStatement;

/// Bolagsskatt (the corporate income tax rate, inkomstskattelagen 65 kap. 10 §) by
/// year: each entry applies from its year until the next entry.
///
/// The default table: 22 % for 2016–2018 [CONFIRMED for 2016 and 2017 by LKAB's notes,
/// <https://lkf.inpublix.com/2016/not-21/>, <https://lkf.inpublix.com/2017/not-26/>;
/// 2018 UNCONFIRMED], 21,4 % for 2019–2020 and 20,6 % from 2021 [CONFIRMED,
/// <https://movebynumbers.se/tank-pa-att-bolagsskatten-sanktes-ifjol/> and
/// <https://lkf.inpublix.com/2021/not-15/>]. Years before 2016 are not in the table:
/// give the rate with [`CorporateTaxRates::set`].
///
/// ```
/// use kommunal_redovisning::{FinancialYear, Percent};
/// use kommunal_redovisning::group::CorporateTaxRates;
///
/// let rates = CorporateTaxRates::default();
/// assert_eq!(rates.rate(FinancialYear::new(2025))?, Percent::new("20.6".parse()?));
/// assert_eq!(rates.rate(FinancialYear::new(2020))?, Percent::new("21.4".parse()?));
/// assert!(rates.rate(FinancialYear::new(2010)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "bolagsskatt")]
#[doc(alias = "skattesats")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct CorporateTaxRates(Vec<(FinancialYear, Percent)>);

impl Default for CorporateTaxRates {
    fn default() -> Self {
        CorporateTaxRates(vec![
            (FinancialYear::new(2016), Percent::new(Decimal::new(22, 0))),
            (FinancialYear::new(2019), Percent::new(Decimal::new(214, 1))),
            (FinancialYear::new(2021), Percent::new(Decimal::new(206, 1))),
        ])
    }
}

impl CorporateTaxRates {
    /// Sets the rate that applies from `from` (replacing an entry for that year).
    pub fn set(&mut self, from: FinancialYear, rate: Percent) -> &mut Self {
        self.0.retain(|(y, _)| *y != from);
        self.0.push((from, rate));
        self.0.sort_by_key(|(y, _)| *y);
        self
    }

    /// The rate for `year`.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] when the table has no rate for the year, or the rate is
    /// outside 0–100 %.
    pub fn rate(&self, year: FinancialYear) -> Result<Percent> {
        let rate = self
            .0
            .iter()
            .filter(|(y, _)| *y <= year)
            .max_by_key(|(y, _)| *y)
            .map(|(_, r)| *r)
            .ok_or_else(|| Error::Refused {
                what: format!("bolagsskattesats för {year}"),
                reason: "tabellen över skattesatser har ingen sats för året".to_owned(),
            })?;
        if rate < Percent::ZERO || rate > Percent::HUNDRED {
            return Err(Error::Refused {
                what: format!("bolagsskattesats för {year}"),
                reason: format!("{} ligger utanför 0–100 %", rate.sv()),
            });
        }
        Ok(rate)
    }
}

/// Where each post of a company's accounts goes in the LKBR layout of the
/// sammanställda räkenskaper. [`CompanyMapping::default`] is the usual mapping:
///
/// | ÅRL post | LKBR line |
/// |---|---|
/// | nettoomsättning, övriga rörelseintäkter | verksamhetens intäkter |
/// | råvaror, övriga externa kostnader, personalkostnader, övriga rörelsekostnader | verksamhetens kostnader |
/// | av- och nedskrivningar | avskrivningar |
/// | finansiella intäkter; koncernbidrag mottagna | finansiella intäkter |
/// | räntekostnader; koncernbidrag lämnade | finansiella kostnader |
/// | bokslutsdispositioner | removed; their uppskjuten skatt goes to skatt |
/// | skatt | skatt |
/// | bundet eget kapital, balanserat resultat | övrigt eget kapital |
/// | obeskattade reserver | (1 − skattesats) to eget kapital, skattesats × reserv to andra avsättningar (uppskjuten skatteskuld) |
/// | avsättningar för skatter, övriga avsättningar | andra avsättningar |
///
/// Other balance posts go to the line of the same name. Every mapping is a setting:
/// change a field to override it ([`CompanyMapping::validate`] refuses an asset mapped
/// to the claims side and vice versa, which would unbalance the koncern).
///
/// ```
/// use kommunal_redovisning::group::CompanyMapping;
/// use kommunal_redovisning::statement::BalanceLine;
///
/// let mut m = CompanyMapping::default();
/// m.deferred_tax = BalanceLine::LongTermLiabilities; // a kommun that shows it as a skuld
/// m.validate()?;
/// m.receivables = BalanceLine::CurrentLiabilities;
/// assert!(m.validate().is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "uppställningsform")]
#[doc(alias = "mappning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct CompanyMapping {
    /// Nettoomsättning.
    pub net_sales: IncomeLine,
    /// Övriga rörelseintäkter.
    pub other_operating_income: IncomeLine,
    /// Råvaror och förnödenheter.
    pub raw_materials_and_goods: IncomeLine,
    /// Övriga externa kostnader.
    pub other_external_costs: IncomeLine,
    /// Personalkostnader.
    pub personnel_costs: IncomeLine,
    /// Av- och nedskrivningar.
    pub depreciation: IncomeLine,
    /// Övriga rörelsekostnader.
    pub other_operating_costs: IncomeLine,
    /// Finansiella intäkter.
    pub financial_income: IncomeLine,
    /// Räntekostnader.
    pub interest_expenses: IncomeLine,
    /// Koncernbidrag received (+).
    pub group_contributions_received: IncomeLine,
    /// Koncernbidrag given (−).
    pub group_contributions_given: IncomeLine,
    /// Immateriella anläggningstillgångar.
    pub intangible_assets: BalanceLine,
    /// Byggnader och mark.
    pub buildings_and_land: BalanceLine,
    /// Maskiner och inventarier.
    pub machinery_and_equipment: BalanceLine,
    /// Övriga materiella anläggningstillgångar.
    pub other_tangible_assets: BalanceLine,
    /// Finansiella anläggningstillgångar.
    pub financial_fixed_assets: BalanceLine,
    /// Varulager.
    pub inventories: BalanceLine,
    /// Kortfristiga fordringar.
    pub receivables: BalanceLine,
    /// Kortfristiga placeringar.
    pub short_term_investments: BalanceLine,
    /// Kassa och bank.
    pub cash_and_bank: BalanceLine,
    /// Bundet eget kapital.
    pub share_capital: BalanceLine,
    /// Balanserat resultat, and the eget-kapital part of obeskattade reserver at the
    /// start of the year.
    pub retained_earnings: BalanceLine,
    /// Årets resultat (and the eget-kapital part of the year's bokslutsdispositioner).
    pub result_for_the_year: BalanceLine,
    /// Avsättningar för pensioner.
    pub pension_provisions: BalanceLine,
    /// Uppskjuten skatteskuld: avsättningar för skatter and the tax part of obeskattade
    /// reserver.
    pub deferred_tax: BalanceLine,
    /// Övriga avsättningar.
    pub other_provisions: BalanceLine,
    /// Långfristiga skulder.
    pub long_term_liabilities: BalanceLine,
    /// Kortfristiga skulder.
    pub current_liabilities: BalanceLine,
}

impl Default for CompanyMapping {
    fn default() -> Self {
        use BalanceLine as B;
        use IncomeLine as I;
        CompanyMapping {
            net_sales: I::OperatingRevenue,
            other_operating_income: I::OperatingRevenue,
            raw_materials_and_goods: I::OperatingExpenses,
            other_external_costs: I::OperatingExpenses,
            personnel_costs: I::OperatingExpenses,
            depreciation: I::Depreciation,
            other_operating_costs: I::OperatingExpenses,
            financial_income: I::FinancialIncome,
            interest_expenses: I::FinancialExpenses,
            group_contributions_received: I::FinancialIncome,
            group_contributions_given: I::FinancialExpenses,
            intangible_assets: B::IntangibleAssets,
            buildings_and_land: B::LandAndBuildings,
            machinery_and_equipment: B::MachineryAndEquipment,
            other_tangible_assets: B::OtherTangibleAssets,
            financial_fixed_assets: B::FinancialFixedAssets,
            inventories: B::Inventories,
            receivables: B::Receivables,
            short_term_investments: B::ShortTermInvestments,
            cash_and_bank: B::CashAndBank,
            share_capital: B::OtherEquity,
            retained_earnings: B::OtherEquity,
            result_for_the_year: B::ResultForTheYear,
            pension_provisions: B::PensionProvisions,
            deferred_tax: B::OtherProvisions,
            other_provisions: B::OtherProvisions,
            long_term_liabilities: B::LongTermLiabilities,
            current_liabilities: B::CurrentLiabilities,
        }
    }
}

fn is_asset(line: BalanceLine) -> bool {
    BalanceSheet::lines_of(BalanceSum::TotalAssets).contains(&line)
}

fn is_claim(line: BalanceLine) -> bool {
    BalanceSheet::lines_of(BalanceSum::TotalEquityAndLiabilities).contains(&line)
}

impl CompanyMapping {
    /// Checks that every asset post goes to an asset line and every claim post (eget
    /// kapital, avsättningar, skulder) to a line on that side, so a balanced company
    /// gives a balanced koncern.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] naming the post and the line.
    pub fn validate(&self) -> Result<()> {
        let assets = [
            ("immateriella anläggningstillgångar", self.intangible_assets),
            ("byggnader och mark", self.buildings_and_land),
            ("maskiner och inventarier", self.machinery_and_equipment),
            (
                "övriga materiella anläggningstillgångar",
                self.other_tangible_assets,
            ),
            (
                "finansiella anläggningstillgångar",
                self.financial_fixed_assets,
            ),
            ("varulager", self.inventories),
            ("kortfristiga fordringar", self.receivables),
            ("kortfristiga placeringar", self.short_term_investments),
            ("kassa och bank", self.cash_and_bank),
        ];
        let claims = [
            ("bundet eget kapital", self.share_capital),
            ("balanserat resultat", self.retained_earnings),
            ("årets resultat", self.result_for_the_year),
            ("avsättningar för pensioner", self.pension_provisions),
            ("uppskjuten skatteskuld", self.deferred_tax),
            ("övriga avsättningar", self.other_provisions),
            ("långfristiga skulder", self.long_term_liabilities),
            ("kortfristiga skulder", self.current_liabilities),
        ];
        for (post, line) in assets {
            if !is_asset(line) {
                return Err(Error::InvalidRule(format!(
                    "bolagets post {post} är en tillgång men mappas till {:?}, som inte är en tillgångspost",
                    line.label()
                )));
            }
        }
        for (post, line) in claims {
            if !is_claim(line) {
                return Err(Error::InvalidRule(format!(
                    "bolagets post {post} hör till eget kapital, avsättningar och skulder men mappas till {:?}",
                    line.label()
                )));
            }
        }
        Ok(())
    }

    /// A company's accounts in the LKBR layout, at 100 %.
    ///
    /// Bokslutsdispositioner are removed from the result; the uppskjuten skatt on them
    /// (`bokslutsdispositioner × skattesats`) is added to skatt. Obeskattade reserver
    /// are split: `reserv × skattesats` to [`Self::deferred_tax`], the rest to eget
    /// kapital — the year's part (`−bokslutsdispositioner × (1 − skattesats)`) to
    /// årets resultat, the remainder to [`Self::retained_earnings`]. A balanced company
    /// balance sheet gives a balanced result, and årets resultat in the mapped
    /// balansräkning equals the mapped resultaträkning's when the company's two agree.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Percent};
    /// use kommunal_redovisning::group::{CompanyBalanceSheet, CompanyIncomeStatement, CompanyMapping};
    ///
    /// let rs = CompanyIncomeStatement { net_sales: Amount::tkr(1_000), other_external_costs: Amount::tkr(-800),
    ///     appropriations: Amount::tkr(-100), tax: Amount::tkr(-20), ..Default::default() };
    /// let br = CompanyBalanceSheet { cash_and_bank: Amount::tkr(1_000), share_capital: Amount::tkr(100),
    ///     retained_earnings: Amount::tkr(320), result_for_the_year: Amount::tkr(80),
    ///     untaxed_reserves: Amount::tkr(500), ..Default::default() };
    /// let rate = Percent::new("20".parse()?);
    /// let (income, balance) = CompanyMapping::default().map(&rs, &br, rate)?;
    /// // 80 + 100 (disposition removed) − 20 (uppskjuten skatt on it)
    /// assert_eq!(income.result_for_the_year(), Amount::tkr(160));
    /// assert_eq!(balance.result_for_the_year, Amount::tkr(160));
    /// assert_eq!(balance.other_provisions, Amount::tkr(100)); // 500 × 20 %
    /// balance.validate()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for an invalid mapping; [`Error::Overflow`].
    pub fn map(
        &self,
        income: &CompanyIncomeStatement,
        balance: &CompanyBalanceSheet,
        tax_rate: Percent,
    ) -> Result<(GroupIncomeStatement, BalanceSheet)> {
        self.validate()?;
        let rate = tax_rate.to_fraction();
        let mut rs = IncomeStatement::default();
        let (received, given) = if income.group_contributions.is_negative() {
            (Amount::ZERO, income.group_contributions)
        } else {
            (income.group_contributions, Amount::ZERO)
        };
        for (line, amount) in [
            (self.net_sales, income.net_sales),
            (self.other_operating_income, income.other_operating_income),
            (self.raw_materials_and_goods, income.raw_materials_and_goods),
            (self.other_external_costs, income.other_external_costs),
            (self.personnel_costs, income.personnel_costs),
            (self.depreciation, income.depreciation),
            (self.other_operating_costs, income.other_operating_costs),
            (self.financial_income, income.financial_income),
            (self.interest_expenses, income.interest_expenses),
            (self.group_contributions_received, received),
            (self.group_contributions_given, given),
        ] {
            *rs.amount_mut(line) += amount;
        }
        let deferred_on_appropriations = income.appropriations.checked_mul(rate)?;
        let tax = income.tax + deferred_on_appropriations;
        let group_rs = GroupIncomeStatement {
            statement: rs,
            tax,
            minority_share: Amount::ZERO,
        };

        let mut br = BalanceSheet::default();
        let reserve_tax = balance.untaxed_reserves.checked_mul(rate)?;
        let reserve_equity = balance.untaxed_reserves - reserve_tax;
        // The year's bokslutsdispositioner, net of their tax, belong to årets resultat.
        let year_part = -(income.appropriations - deferred_on_appropriations);
        let earlier_part = reserve_equity - year_part;
        for (line, amount) in [
            (self.intangible_assets, balance.intangible_assets),
            (self.buildings_and_land, balance.buildings_and_land),
            (
                self.machinery_and_equipment,
                balance.machinery_and_equipment,
            ),
            (self.other_tangible_assets, balance.other_tangible_assets),
            (self.financial_fixed_assets, balance.financial_fixed_assets),
            (self.inventories, balance.inventories),
            (self.receivables, balance.receivables),
            (self.short_term_investments, balance.short_term_investments),
            (self.cash_and_bank, balance.cash_and_bank),
            (self.share_capital, balance.share_capital),
            (self.retained_earnings, balance.retained_earnings),
            (self.retained_earnings, earlier_part),
            (self.result_for_the_year, balance.result_for_the_year),
            (self.result_for_the_year, year_part),
            (self.pension_provisions, balance.pension_provisions),
            (self.deferred_tax, balance.deferred_tax),
            (self.deferred_tax, reserve_tax),
            (self.other_provisions, balance.other_provisions),
            (self.long_term_liabilities, balance.long_term_liabilities),
            (self.current_liabilities, balance.current_liabilities),
        ] {
            *br.amount_mut(line) += amount;
        }
        Ok((group_rs, br))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_table_is_data() {
        let mut r = CorporateTaxRates::default();
        r.set(FinancialYear::new(2030), Percent::new(Decimal::new(18, 0)));
        assert_eq!(
            r.rate(FinancialYear::new(2031)).unwrap(),
            Percent::new(Decimal::new(18, 0))
        );
        assert_eq!(
            r.rate(FinancialYear::new(2029)).unwrap(),
            Percent::new(Decimal::new(206, 1))
        );
        r.set(FinancialYear::new(2032), Percent::new(Decimal::new(120, 0)));
        assert!(r.rate(FinancialYear::new(2032)).is_err());
    }

    #[test]
    fn group_contribution_given_goes_to_financial_expenses() {
        let rs = CompanyIncomeStatement {
            group_contributions: Amount::tkr(-50),
            ..Default::default()
        };
        let (m, _) = CompanyMapping::default()
            .map(&rs, &CompanyBalanceSheet::default(), Percent::ZERO)
            .unwrap();
        assert_eq!(m.statement.financial_expenses, Amount::tkr(-50));
        assert_eq!(m.statement.financial_income, Amount::ZERO);
    }
}
