//! Key ratios (nyckeltal) of the balance sheet, with their formulas and Kolada ids.
//!
//! Each ratio is a plain function over the two or three figures it needs — so it works
//! on the few figures a report prints (as Lystkom's does) — and a method on
//! [`KeyRatios::from_balance_sheet`] for a full [`BalanceSheet`]. Results are exact
//! [`Percent`]s; round only for presentation.
//!
//! | Ratio | Formula | Kolada |
//! |---|---|---|
//! | Soliditet | eget kapital / summa tillgångar | N03106 (kommun), N03110 (koncern) |
//! | Soliditet inkl. pensionsförpliktelser | (eget kapital − pensionsförpliktelser intjänade före 1998 inkl. löneskatt) / summa tillgångar | N03002, N03034 |
//! | Skuldsättningsgrad | (avsättningar + skulder) / summa tillgångar | — |
//! | Kassalikviditet | (omsättningstillgångar − förråd) / kortfristiga skulder | N03105, N03109 |
//! | Balanslikviditet | omsättningstillgångar / kortfristiga skulder | — |
//!
//! Definitions differ between municipalities (e.g. Nynäshamn's begreppsförklaringar, finansiellinfo.se/Nynashamn_2018/begreppsforklaringar.html, against ekonomifakta.se/Ordlista/Soliditet); the formula of
//! soliditet inkl. pensionsförpliktelser is the common one but its Kolada wording is
//! unconfirmed.

use crate::error::Result;
use crate::money::{Amount, Percent};
use crate::statement::BalanceSheet;

/// A key ratio, for naming it in tables with its formula and Kolada id.
///
/// ```
/// use kommunal_redovisning::ratio::KeyRatio;
///
/// assert_eq!(KeyRatio::EquityRatio.label(), "Soliditet");
/// assert_eq!(KeyRatio::EquityRatio.kolada_id(), Some("N03106"));
/// assert_eq!(KeyRatio::QuickRatio.formula(), "(omsättningstillgångar − förråd) / kortfristiga skulder");
/// ```
#[doc(alias = "nyckeltal")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum KeyRatio {
    /// Soliditet.
    EquityRatio,
    /// Soliditet inklusive pensionsförpliktelser intjänade före 1998.
    EquityRatioIncludingPensionCommitments,
    /// Skuldsättningsgrad.
    DebtRatio,
    /// Kassalikviditet.
    QuickRatio,
    /// Balanslikviditet.
    CurrentRatio,
}

impl KeyRatio {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            KeyRatio::EquityRatio => "Soliditet",
            KeyRatio::EquityRatioIncludingPensionCommitments => {
                "Soliditet inklusive pensionsförpliktelser"
            }
            KeyRatio::DebtRatio => "Skuldsättningsgrad",
            KeyRatio::QuickRatio => "Kassalikviditet",
            KeyRatio::CurrentRatio => "Balanslikviditet",
        }
    }

    /// The formula in words.
    #[must_use]
    pub fn formula(self) -> &'static str {
        match self {
            KeyRatio::EquityRatio => "eget kapital / summa tillgångar",
            KeyRatio::EquityRatioIncludingPensionCommitments => {
                "(eget kapital − pensionsförpliktelser intjänade före 1998 inkl. särskild \
                 löneskatt) / summa tillgångar"
            }
            KeyRatio::DebtRatio => "(avsättningar + skulder) / summa tillgångar",
            KeyRatio::QuickRatio => "(omsättningstillgångar − förråd) / kortfristiga skulder",
            KeyRatio::CurrentRatio => "omsättningstillgångar / kortfristiga skulder",
        }
    }

    /// The Kolada KPI id for a kommun, where there is one.
    #[must_use]
    pub fn kolada_id(self) -> Option<&'static str> {
        match self {
            KeyRatio::EquityRatio => Some("N03106"),
            KeyRatio::EquityRatioIncludingPensionCommitments => Some("N03002"),
            KeyRatio::QuickRatio => Some("N03105"),
            KeyRatio::DebtRatio | KeyRatio::CurrentRatio => None,
        }
    }

    /// The Kolada KPI id for the kommunkoncern (the sammanställda räkenskaper), where
    /// there is one (the koncern ids in the table of the module docs).
    ///
    /// ```
    /// use kommunal_redovisning::ratio::KeyRatio;
    ///
    /// assert_eq!(KeyRatio::EquityRatio.kolada_group_id(), Some("N03110"));
    /// assert_eq!(KeyRatio::DebtRatio.kolada_group_id(), None);
    /// ```
    #[must_use]
    pub fn kolada_group_id(self) -> Option<&'static str> {
        match self {
            KeyRatio::EquityRatio => Some("N03110"),
            KeyRatio::EquityRatioIncludingPensionCommitments => Some("N03034"),
            KeyRatio::QuickRatio => Some("N03109"),
            KeyRatio::DebtRatio | KeyRatio::CurrentRatio => None,
        }
    }
}

/// Soliditet (equity ratio) = eget kapital / summa tillgångar. Kolada N03106.
///
/// ```
/// use kommunal_redovisning::{Amount, RoundingMode};
/// use kommunal_redovisning::ratio::equity_ratio;
///
/// // Lystkom 2025-06-30: 8 521 / 36 631 → 23,3 %.
/// let s = equity_ratio(Amount::tkr(8_521), Amount::tkr(36_631))?;
/// assert_eq!(s.round(1, RoundingMode::HalfAwayFromZero).to_string(), "23.3");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
///
/// # Errors
///
/// [`crate::Error::DivisionByZero`] when summa tillgångar is zero.
#[doc(alias = "soliditet")]
pub fn equity_ratio(equity: Amount, total_assets: Amount) -> Result<Percent> {
    Percent::of(equity, total_assets, "summa tillgångar")
}

/// Soliditet inklusive pensionsförpliktelser = (eget kapital − pensionsförpliktelser
/// intjänade före 1998 inkl. särskild löneskatt) / summa tillgångar. Kolada N03002.
///
/// # Errors
///
/// [`crate::Error::DivisionByZero`] when summa tillgångar is zero; overflow.
#[doc(alias = "soliditet inklusive pensionsförpliktelser")]
pub fn equity_ratio_including_pension_commitments(
    equity: Amount,
    pension_commitments_including_tax: Amount,
    total_assets: Amount,
) -> Result<Percent> {
    Percent::of(
        equity.checked_sub(pension_commitments_including_tax)?,
        total_assets,
        "summa tillgångar",
    )
}

/// Skuldsättningsgrad (debt ratio) = (avsättningar + skulder) / summa tillgångar: the
/// share not financed by eget kapital (100 % − soliditet in a balanced sheet).
///
/// # Errors
///
/// [`crate::Error::DivisionByZero`] when summa tillgångar is zero.
#[doc(alias = "skuldsättningsgrad")]
pub fn debt_ratio(provisions_and_liabilities: Amount, total_assets: Amount) -> Result<Percent> {
    Percent::of(provisions_and_liabilities, total_assets, "summa tillgångar")
}

/// Kassalikviditet (quick ratio) = (omsättningstillgångar − förråd) / kortfristiga
/// skulder. Kolada N03105.
///
/// # Errors
///
/// [`crate::Error::DivisionByZero`] when kortfristiga skulder is zero.
#[doc(alias = "kassalikviditet")]
pub fn quick_ratio(
    current_assets_excluding_inventories: Amount,
    current_liabilities: Amount,
) -> Result<Percent> {
    Percent::of(
        current_assets_excluding_inventories,
        current_liabilities,
        "kortfristiga skulder",
    )
}

/// Balanslikviditet (current ratio) = omsättningstillgångar / kortfristiga skulder.
///
/// # Errors
///
/// [`crate::Error::DivisionByZero`] when kortfristiga skulder is zero.
#[doc(alias = "balanslikviditet")]
pub fn current_ratio(current_assets: Amount, current_liabilities: Amount) -> Result<Percent> {
    Percent::of(current_assets, current_liabilities, "kortfristiga skulder")
}

/// All balance-sheet ratios of one [`BalanceSheet`]. A ratio whose denominator is zero
/// is `None`.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet};
/// use kommunal_redovisning::ratio::KeyRatios;
///
/// let br = BalanceSheet {
///     receivables: Amount::tkr(30),
///     cash_and_bank: Amount::tkr(70),
///     other_equity: Amount::tkr(40),
///     current_liabilities: Amount::tkr(60),
///     ..Default::default()
/// };
/// let r = KeyRatios::from_balance_sheet(&br)?;
/// assert_eq!(r.equity_ratio.map(|p| p.to_string()).as_deref(), Some("40"));
/// assert_eq!(r.debt_ratio.map(|p| p.to_string()).as_deref(), Some("60"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "nyckeltal")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct KeyRatios {
    /// Soliditet.
    pub equity_ratio: Option<Percent>,
    /// Soliditet inklusive pensionsförpliktelser.
    pub equity_ratio_including_pension_commitments: Option<Percent>,
    /// Skuldsättningsgrad.
    pub debt_ratio: Option<Percent>,
    /// Kassalikviditet.
    pub quick_ratio: Option<Percent>,
    /// Balanslikviditet.
    pub current_ratio: Option<Percent>,
}

impl KeyRatios {
    /// Computes every ratio of `balance`.
    ///
    /// # Errors
    ///
    /// Overflow only; a zero denominator gives `None` for that ratio.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet};
    /// use kommunal_redovisning::ratio::{KeyRatio, KeyRatios};
    ///
    /// // Påhittade belopp (tkr): 50 eget kapital av 200 tillgångar.
    /// let br = BalanceSheet {
    ///     cash_and_bank: Amount::tkr(200),
    ///     other_equity: Amount::tkr(50),
    ///     current_liabilities: Amount::tkr(150),
    ///     ..Default::default()
    /// };
    /// let r = KeyRatios::from_balance_sheet(&br)?;
    /// assert_eq!(r.get(KeyRatio::EquityRatio).map(|p| p.to_string()), Some("25".to_string()));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn from_balance_sheet(balance: &BalanceSheet) -> Result<Self> {
        let assets = balance.total_assets();
        let equity = balance.equity();
        let claims = balance.provisions().checked_add(balance.liabilities())?;
        let current = balance.current_assets();
        let quick = current.checked_sub(balance.inventories)?;
        let cl = balance.current_liabilities;
        Ok(KeyRatios {
            equity_ratio: nonzero(assets, || equity_ratio(equity, assets))?,
            equity_ratio_including_pension_commitments: nonzero(assets, || {
                equity_ratio_including_pension_commitments(
                    equity,
                    balance.pension_commitments_before_1998,
                    assets,
                )
            })?,
            debt_ratio: nonzero(assets, || debt_ratio(claims, assets))?,
            quick_ratio: nonzero(cl, || quick_ratio(quick, cl))?,
            current_ratio: nonzero(cl, || current_ratio(current, cl))?,
        })
    }

    /// The value of one ratio.
    #[must_use]
    pub fn get(&self, ratio: KeyRatio) -> Option<Percent> {
        match ratio {
            KeyRatio::EquityRatio => self.equity_ratio,
            KeyRatio::EquityRatioIncludingPensionCommitments => {
                self.equity_ratio_including_pension_commitments
            }
            KeyRatio::DebtRatio => self.debt_ratio,
            KeyRatio::QuickRatio => self.quick_ratio,
            KeyRatio::CurrentRatio => self.current_ratio,
        }
    }
}

fn nonzero(denominator: Amount, f: impl FnOnce() -> Result<Percent>) -> Result<Option<Percent>> {
    if denominator.is_zero() {
        Ok(None)
    } else {
        f().map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RoundingMode;

    fn r1(p: Percent) -> String {
        p.round(1, RoundingMode::HalfAwayFromZero).to_string()
    }

    #[test]
    fn lystkom_soliditet() {
        assert_eq!(
            r1(equity_ratio(Amount::tkr(8_521), Amount::tkr(36_631)).unwrap()),
            "23.3"
        );
        assert_eq!(
            r1(equity_ratio(Amount::tkr(6_373), Amount::tkr(29_663)).unwrap()),
            "21.5"
        );
    }

    #[test]
    fn zero_denominators() {
        assert!(equity_ratio(Amount::kr(1), Amount::ZERO).is_err());
        let r = KeyRatios::from_balance_sheet(&BalanceSheet::default()).unwrap();
        assert_eq!(r.equity_ratio, None);
        assert_eq!(r.quick_ratio, None);
    }

    #[test]
    fn grastorp_2020_ratios() {
        // Grästorp 2020 (tkr): EK 211 913, tillgångar 477 894, pensionsförpliktelser 131 313.
        let eq = Amount::tkr(211_913);
        let assets = Amount::tkr(477_894);
        assert_eq!(r1(equity_ratio(eq, assets).unwrap()), "44.3");
        assert_eq!(
            r1(
                equity_ratio_including_pension_commitments(eq, Amount::tkr(131_313), assets)
                    .unwrap()
            ),
            "16.9"
        );
        // Skuldsättningsgrad = 100 − soliditet in a balanced sheet.
        let d = debt_ratio(Amount::tkr(14_153 + 251_828), assets).unwrap();
        let s = equity_ratio(eq, assets).unwrap();
        assert_eq!(
            d.as_decimal()
                .checked_add(s.as_decimal())
                .unwrap()
                .round_dp(20),
            rust_decimal::Decimal::ONE_HUNDRED
        );
        // Kassalikviditet: (0 + 39 331 + 48 969) / 100 544.
        assert_eq!(
            r1(quick_ratio(Amount::tkr(88_300), Amount::tkr(100_544)).unwrap()),
            "87.8"
        );
    }
}
