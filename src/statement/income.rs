//! Resultaträkning (LKBR 5 kap.).

use std::collections::BTreeMap;

use super::{
    Detail, StatementLayout, StatementRow, StatementRowKind, check_breakdowns, detail_rows,
};
use crate::error::Result;
use crate::money::Amount;

/// A post of the resultaträkning, in statutory order.
///
/// ```
/// use kommunal_redovisning::{Amount, IncomeStatement};
/// use kommunal_redovisning::statement::IncomeLine;
///
/// // Grästorps kommun 2019: skatteintäkter 257 770 tkr.
/// let rs = IncomeStatement { tax_revenue: Amount::tkr(257_770), ..Default::default() };
/// assert_eq!(rs.amount(IncomeLine::TaxRevenue), Amount::tkr(257_770));
/// assert_eq!(IncomeLine::TaxRevenue.label(), "Skatteintäkter");
/// assert!(IncomeLine::TaxRevenue.is_tax_line());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "resultaträkningspost")]
pub enum IncomeLine {
    /// Verksamhetens intäkter (+).
    OperatingRevenue,
    /// Verksamhetens kostnader (−).
    OperatingExpenses,
    /// Avskrivningar (−).
    Depreciation,
    /// Skatteintäkter (+); not for a kommunalförbund.
    TaxRevenue,
    /// Generella statsbidrag och utjämning (+, may be net of utjämningsavgifter); not
    /// for a kommunalförbund.
    GeneralGrants,
    /// Finansiella intäkter (+).
    FinancialIncome,
    /// Finansiella kostnader (normally −; the sign is not assumed).
    FinancialExpenses,
    /// Extraordinära poster (±).
    ExtraordinaryItems,
}

impl IncomeLine {
    /// All posts in statutory order.
    pub const ALL: [IncomeLine; 8] = [
        IncomeLine::OperatingRevenue,
        IncomeLine::OperatingExpenses,
        IncomeLine::Depreciation,
        IncomeLine::TaxRevenue,
        IncomeLine::GeneralGrants,
        IncomeLine::FinancialIncome,
        IncomeLine::FinancialExpenses,
        IncomeLine::ExtraordinaryItems,
    ];

    /// The stable id used for label overrides and row ids.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            IncomeLine::OperatingRevenue => "verksamhetens_intakter",
            IncomeLine::OperatingExpenses => "verksamhetens_kostnader",
            IncomeLine::Depreciation => "avskrivningar",
            IncomeLine::TaxRevenue => "skatteintakter",
            IncomeLine::GeneralGrants => "generella_statsbidrag_och_utjamning",
            IncomeLine::FinancialIncome => "finansiella_intakter",
            IncomeLine::FinancialExpenses => "finansiella_kostnader",
            IncomeLine::ExtraordinaryItems => "extraordinara_poster",
        }
    }

    /// The statutory Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            IncomeLine::OperatingRevenue => "Verksamhetens intäkter",
            IncomeLine::OperatingExpenses => "Verksamhetens kostnader",
            IncomeLine::Depreciation => "Avskrivningar",
            IncomeLine::TaxRevenue => "Skatteintäkter",
            IncomeLine::GeneralGrants => "Generella statsbidrag och utjämning",
            IncomeLine::FinancialIncome => "Finansiella intäkter",
            IncomeLine::FinancialExpenses => "Finansiella kostnader",
            IncomeLine::ExtraordinaryItems => "Extraordinära poster",
        }
    }

    /// `true` for the two lines a kommunalförbund leaves out.
    #[must_use]
    pub fn is_tax_line(self) -> bool {
        matches!(self, IncomeLine::TaxRevenue | IncomeLine::GeneralGrants)
    }
}

/// A derived sum of the resultaträkning.
///
/// ```
/// use kommunal_redovisning::{Amount, IncomeStatement};
/// use kommunal_redovisning::statement::IncomeSum;
///
/// // Påhittade belopp (tkr).
/// let rs = IncomeStatement {
///     operating_revenue: Amount::tkr(1_200),
///     operating_expenses: Amount::tkr(-9_800),
///     ..Default::default()
/// };
/// assert_eq!(rs.sum(IncomeSum::NetOperatingCosts), Amount::tkr(-8_600));
/// assert_eq!(IncomeSum::ResultForTheYear.label(), "Årets resultat");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "delsumma")]
pub enum IncomeSum {
    /// Verksamhetens nettokostnader = intäkter + kostnader + avskrivningar.
    NetOperatingCosts,
    /// Verksamhetens resultat = nettokostnader + skatteintäkter + generella statsbidrag.
    OperatingResult,
    /// Resultat efter finansiella poster = verksamhetens resultat + finansiella poster.
    ResultAfterFinancialItems,
    /// Årets resultat = resultat efter finansiella poster + extraordinära poster.
    ResultForTheYear,
}

impl IncomeSum {
    /// The stable id used for label overrides and row ids.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            IncomeSum::NetOperatingCosts => "verksamhetens_nettokostnader",
            IncomeSum::OperatingResult => "verksamhetens_resultat",
            IncomeSum::ResultAfterFinancialItems => "resultat_efter_finansiella_poster",
            IncomeSum::ResultForTheYear => "arets_resultat",
        }
    }

    /// The Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            IncomeSum::NetOperatingCosts => "Verksamhetens nettokostnader",
            IncomeSum::OperatingResult => "Verksamhetens resultat",
            IncomeSum::ResultAfterFinancialItems => "Resultat efter finansiella poster",
            IncomeSum::ResultForTheYear => "Årets resultat",
        }
    }
}

/// Resultaträkning (income statement), LKBR 5 kap.
///
/// Signs as published: revenues positive, costs negative. Only the posts are stored;
/// verksamhetens nettokostnader, verksamhetens resultat, resultat efter finansiella
/// poster and årets resultat are derived.
///
/// # Example: Grästorps kommun 2019 (tkr)
///
/// ```
/// use kommunal_redovisning::{Amount, IncomeStatement};
///
/// let rs = IncomeStatement {
///     operating_revenue: Amount::tkr(101_282),
///     operating_expenses: Amount::tkr(-417_698),
///     depreciation: Amount::tkr(-14_879),
///     tax_revenue: Amount::tkr(257_770),
///     general_grants: Amount::tkr(86_552),
///     financial_income: Amount::tkr(794),
///     financial_expenses: Amount::tkr(-1_778),
///     ..Default::default()
/// };
/// assert_eq!(rs.net_operating_costs(), Amount::tkr(-331_295));
/// assert_eq!(rs.operating_result(), Amount::tkr(13_027));
/// assert_eq!(rs.result_for_the_year(), Amount::tkr(12_043));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "resultaträkning")]
#[doc(alias = "RR")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct IncomeStatement {
    /// Verksamhetens intäkter (+).
    pub operating_revenue: Amount,
    /// Verksamhetens kostnader (−).
    pub operating_expenses: Amount,
    /// Avskrivningar (−).
    pub depreciation: Amount,
    /// Skatteintäkter (+); zero for a kommunalförbund.
    pub tax_revenue: Amount,
    /// Generella statsbidrag och utjämning (+); zero for a kommunalförbund.
    pub general_grants: Amount,
    /// Finansiella intäkter (+).
    pub financial_income: Amount,
    /// Finansiella kostnader (normally −).
    pub financial_expenses: Amount,
    /// Extraordinära poster (±).
    pub extraordinary_items: Amount,
    /// "Varav" and breakdown rows under posts, e.g. varav jämförelsestörande poster.
    pub details: Vec<Detail<IncomeLine>>,
    /// Note references per post (notreferenser).
    pub notes: BTreeMap<IncomeLine, String>,
}

impl IncomeStatement {
    /// The amount of a post.
    #[must_use]
    pub fn amount(&self, line: IncomeLine) -> Amount {
        match line {
            IncomeLine::OperatingRevenue => self.operating_revenue,
            IncomeLine::OperatingExpenses => self.operating_expenses,
            IncomeLine::Depreciation => self.depreciation,
            IncomeLine::TaxRevenue => self.tax_revenue,
            IncomeLine::GeneralGrants => self.general_grants,
            IncomeLine::FinancialIncome => self.financial_income,
            IncomeLine::FinancialExpenses => self.financial_expenses,
            IncomeLine::ExtraordinaryItems => self.extraordinary_items,
        }
    }

    /// A mutable reference to a post, for building a statement line by line (e.g.
    /// from a ledger).
    pub fn amount_mut(&mut self, line: IncomeLine) -> &mut Amount {
        match line {
            IncomeLine::OperatingRevenue => &mut self.operating_revenue,
            IncomeLine::OperatingExpenses => &mut self.operating_expenses,
            IncomeLine::Depreciation => &mut self.depreciation,
            IncomeLine::TaxRevenue => &mut self.tax_revenue,
            IncomeLine::GeneralGrants => &mut self.general_grants,
            IncomeLine::FinancialIncome => &mut self.financial_income,
            IncomeLine::FinancialExpenses => &mut self.financial_expenses,
            IncomeLine::ExtraordinaryItems => &mut self.extraordinary_items,
        }
    }

    /// Verksamhetens nettokostnader = intäkter + kostnader + avskrivningar.
    ///
    /// ```
    /// # use kommunal_redovisning::{Amount, IncomeStatement};
    /// let mut rs = IncomeStatement::default();
    /// rs.operating_revenue = Amount::tkr(1_200);
    /// rs.operating_expenses = Amount::tkr(-9_800);
    /// rs.depreciation = Amount::tkr(-400);
    /// assert_eq!(rs.net_operating_costs(), Amount::tkr(-9_000));
    /// ```
    #[must_use]
    pub fn net_operating_costs(&self) -> Amount {
        self.operating_revenue + self.operating_expenses + self.depreciation
    }

    /// Verksamhetens resultat = nettokostnader + skatteintäkter + generella statsbidrag
    /// och utjämning. For a kommunalförbund it equals the nettokostnader.
    #[must_use]
    pub fn operating_result(&self) -> Amount {
        self.net_operating_costs() + self.tax_revenue + self.general_grants
    }

    /// Finansnetto = finansiella intäkter + finansiella kostnader.
    #[must_use]
    pub fn net_financial_items(&self) -> Amount {
        self.financial_income + self.financial_expenses
    }

    /// Resultat efter finansiella poster = verksamhetens resultat + finansnetto.
    #[must_use]
    pub fn result_after_financial_items(&self) -> Amount {
        self.operating_result() + self.net_financial_items()
    }

    /// Årets resultat = resultat efter finansiella poster + extraordinära poster.
    #[must_use]
    pub fn result_for_the_year(&self) -> Amount {
        self.result_after_financial_items() + self.extraordinary_items
    }

    /// A derived sum by name.
    #[must_use]
    pub fn sum(&self, sum: IncomeSum) -> Amount {
        match sum {
            IncomeSum::NetOperatingCosts => self.net_operating_costs(),
            IncomeSum::OperatingResult => self.operating_result(),
            IncomeSum::ResultAfterFinancialItems => self.result_after_financial_items(),
            IncomeSum::ResultForTheYear => self.result_for_the_year(),
        }
    }

    /// Checks what can be checked within the statement: every breakdown adds up to its
    /// post.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Mismatch`] for a breakdown that does not add up.
    pub fn validate(&self) -> Result<()> {
        check_breakdowns(&self.details, |l| self.amount(l), IncomeLine::label)?;
        Ok(())
    }

    /// The rows in statutory order. For a kommunalförbund the tax lines and the
    /// "verksamhetens resultat" subtotal (which then equals the nettokostnader) are left
    /// out.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`] when a sum cannot be computed.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// let rs = IncomeStatement { operating_revenue: Amount::tkr(50), ..Default::default() };
    /// let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
    /// let labels: Vec<_> = rs.rows(&layout)?.into_iter().map(|r| r.label).collect();
    /// assert!(!labels.iter().any(|l| l == "Skatteintäkter"));
    /// assert_eq!(labels.last().map(String::as_str), Some("Årets resultat"));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn rows(&self, layout: &StatementLayout) -> Result<Vec<StatementRow>> {
        let mut rows = Vec::with_capacity(12 + self.details.len());
        let line = |rows: &mut Vec<StatementRow>, l: IncomeLine| {
            rows.push(StatementRow {
                id: l.id().to_owned(),
                label: layout.labels.get(l.id(), l.label()).to_owned(),
                kind: StatementRowKind::Line,
                depth: 0,
                amount: Some(self.amount(l)),
                note: self.notes.get(&l).cloned(),
            });
            rows.extend(detail_rows(&self.details, l, l.id(), 0));
        };
        let sum =
            |rows: &mut Vec<StatementRow>, s: IncomeSum, kind: StatementRowKind| -> Result<()> {
                rows.push(StatementRow {
                    id: s.id().to_owned(),
                    label: layout.labels.get(s.id(), s.label()).to_owned(),
                    kind,
                    depth: 0,
                    amount: Some(self.sum(s)),
                    note: None,
                });
                Ok(())
            };
        line(&mut rows, IncomeLine::OperatingRevenue);
        line(&mut rows, IncomeLine::OperatingExpenses);
        line(&mut rows, IncomeLine::Depreciation);
        sum(
            &mut rows,
            IncomeSum::NetOperatingCosts,
            StatementRowKind::Subtotal,
        )?;
        if layout.shows_tax_lines() {
            line(&mut rows, IncomeLine::TaxRevenue);
            line(&mut rows, IncomeLine::GeneralGrants);
            sum(
                &mut rows,
                IncomeSum::OperatingResult,
                StatementRowKind::Subtotal,
            )?;
        }
        line(&mut rows, IncomeLine::FinancialIncome);
        line(&mut rows, IncomeLine::FinancialExpenses);
        sum(
            &mut rows,
            IncomeSum::ResultAfterFinancialItems,
            StatementRowKind::Subtotal,
        )?;
        line(&mut rows, IncomeLine::ExtraordinaryItems);
        sum(
            &mut rows,
            IncomeSum::ResultForTheYear,
            StatementRowKind::Total,
        )?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityKind, FinancialYear};

    #[test]
    fn vansbro_extraordinary() {
        // Vansbro 2019: resultat efter finansiella poster −19 443, extraordinära −16 064.
        let rs = IncomeStatement {
            operating_expenses: Amount::tkr(-19_443),
            extraordinary_items: Amount::tkr(-16_064),
            ..Default::default()
        };
        assert_eq!(rs.result_after_financial_items(), Amount::tkr(-19_443));
        assert_eq!(rs.result_for_the_year(), Amount::tkr(-35_507));
    }

    #[test]
    fn rows_for_kommun_have_every_line() {
        let rs = IncomeStatement::default();
        let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
        let rows = rs.rows(&layout).unwrap();
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[3].label, "Verksamhetens nettokostnader");
        assert_eq!(rows[6].kind, StatementRowKind::Subtotal);
        assert_eq!(rows[11].kind, StatementRowKind::Total);
    }

    #[test]
    fn breakdown_must_add_up() {
        let mut rs = IncomeStatement {
            operating_revenue: Amount::tkr(100),
            ..Default::default()
        };
        rs.details.push(Detail::breakdown(
            IncomeLine::OperatingRevenue,
            "Avgifter",
            Amount::tkr(60),
        ));
        rs.details.push(Detail::breakdown(
            IncomeLine::OperatingRevenue,
            "Bidrag",
            Amount::tkr(30),
        ));
        let err = rs.validate().unwrap_err().to_string();
        assert!(err.contains("Verksamhetens intäkter"), "{err}");
        assert!(err.contains("-10000.00"), "{err}");
        rs.details.push(Detail::of_which(
            IncomeLine::OperatingRevenue,
            "varav jämförelsestörande",
            Amount::tkr(5),
        ));
        rs.details.push(Detail::breakdown(
            IncomeLine::OperatingRevenue,
            "Övrigt",
            Amount::tkr(10),
        ));
        rs.validate().unwrap();
    }
}
