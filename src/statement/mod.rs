//! The financial statements (finansiella rapporter).
//!
//! Each statement stores only its *posts*; every subtotal and total is a method
//! (design decision 4), so a statement cannot be built inconsistent. A statement turns
//! into [`StatementRow`]s in statutory order through [`StatementLayout`], which carries
//! the entity kind (a kommunalförbund has no tax lines), the financial year (the
//! reserve is a resultatreserv from 2024) and label overrides ([`Labels`]).
//!
//! - [`IncomeStatement`] — resultaträkning (LKBR 5 kap.)
//! - [`BalanceSheet`] — balansräkning (LKBR 6 kap.)
//! - [`check_result_agrees`] and [`EquityReconciliation`] — checks across statements.
//! - [`OperatingStatement`] — driftredovisning (LKBR 10 kap., RKR R14), per
//!   organisational unit ([`Unit`], a tree), reconciled to the resultaträkning
//! - [`InvestmentStatement`] — investeringsredovisning (LKBR 10 kap., RKR R14)
//! - [`IncomeStatementFollowUp`] — resultaträkning with budget, prognos and avvikelse
//! - [`CashFlowStatement`] — kassaflödesanalys (LKBR 8 kap.)
//! - [`ColumnRows`] — the multi-column rows these produce, and the check of printed
//!   figures against them ([`ColumnRows::compare_printed`]).

mod balance;
mod budget;
mod cash_flow;
mod columns;
mod income;
mod investment;
mod operating;
pub mod tree;

use std::collections::BTreeMap;

pub use balance::{BalanceLine, BalancePart, BalanceSheet, BalanceSum, SPECIAL_PAYROLL_TAX_RATE};
pub use budget::{Budget, BudgetChange, IncomeStatementFollowUp, OutcomeBasis};
pub use cash_flow::{
    CashFlowDerivation, CashFlowLine, CashFlowSection, CashFlowStatement, CashFlowSum,
};
pub use columns::{
    ColumnRow, ColumnRows, PrintedDifference, PrintedDifferenceKind, PrintedFigure, StatementColumn,
};
pub use income::{IncomeLine, IncomeStatement, IncomeSum};
pub use investment::{
    InvestmentColumn, InvestmentFigures, InvestmentProject, InvestmentStatement, InvestmentTotals,
    MultiYearProject,
};
pub use operating::{
    IncomeFigure, OperatingColumn, OperatingReconciliation, OperatingStatement, OperatingUnit,
    ReconciledFigure, ReconciliationResult, ReconcilingItem, UnitFigures, UnitOutcome, UnitTotals,
};
pub use tree::{Unit, UnitContent};

use crate::entity::EntityKind;
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::period::FinancialYear;

/// Radtyp: what a row of a statement is (rubrik, post, delsumma, summa, varav).
///
/// ```
/// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::statement::{StatementLayout, StatementRowKind};
///
/// // Grästorps kommun 2019 (tkr), resultaträkning: posts are lines, the rest is derived.
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(101_282), operating_expenses: Amount::tkr(-417_698),
///     depreciation: Amount::tkr(-14_879), tax_revenue: Amount::tkr(257_770), general_grants: Amount::tkr(86_552),
///     financial_income: Amount::tkr(794), financial_expenses: Amount::tkr(-1_778), ..Default::default() };
/// let rows = rs.rows(&StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019)))?;
/// let subtotals: Vec<_> = rows.iter().filter(|r| r.kind == StatementRowKind::Subtotal).map(|r| r.id.as_str()).collect();
/// assert_eq!(subtotals, ["verksamhetens_nettokostnader", "verksamhetens_resultat", "resultat_efter_finansiella_poster"]);
/// let last = rows.last().ok_or("rader")?;
/// assert_eq!((last.kind, last.amount), (StatementRowKind::Total, Some(Amount::tkr(12_043))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "radtyp")]
pub enum StatementRowKind {
    /// A heading without an amount (rubrik).
    Heading,
    /// A post (post): a stored figure.
    Line,
    /// A derived intermediate sum (delsumma), e.g. verksamhetens nettokostnader.
    Subtotal,
    /// A derived final sum (summa), e.g. årets resultat, summa tillgångar.
    Total,
    /// A specification under a post ("varav …", or a breakdown into parts).
    OfWhich,
}

/// Rad i en uppställning: one row of a statement in statutory order, ready for a table.
///
/// ```
/// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement};
/// use kommunal_redovisning::statement::{IncomeLine, StatementLayout};
///
/// // Grästorps kommun 2019 (tkr): skatteintäkter 257 770, specified in not 4.
/// let mut rs = IncomeStatement { tax_revenue: Amount::tkr(257_770), ..Default::default() };
/// rs.notes.insert(IncomeLine::TaxRevenue, "4".into());
/// let rows = rs.rows(&StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2019)))?;
/// let tax = rows.iter().find(|r| r.id == "skatteintakter").ok_or("skatteintäkter")?;
/// assert_eq!((tax.label.as_str(), tax.note.as_deref()), ("Skatteintäkter", Some("4")));
/// assert_eq!((tax.depth, tax.amount), (0, Some(Amount::tkr(257_770))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "rad")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StatementRow {
    /// A stable identifier, e.g. `"verksamhetens_intakter"`; details are
    /// `"<parent id>/<label>"`.
    pub id: String,
    /// The Swedish label as printed.
    pub label: String,
    /// Heading, line, subtotal, total or specification.
    pub kind: StatementRowKind,
    /// Indentation level, 0 for top-level rows.
    pub depth: u8,
    /// The amount; `None` for headings.
    pub amount: Option<Amount>,
    /// A note reference (notreferens), e.g. `"3"`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

/// How a [`Detail`] relates to its post.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::statement::{Detail, DetailKind, IncomeLine};
/// let varav = Detail::of_which(IncomeLine::OperatingExpenses, "varav jämförelsestörande poster", Amount::tkr(-2_000));
/// assert_eq!(varav.kind, DetailKind::OfWhich); // never summed into its post
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "varav")]
pub enum DetailKind {
    /// "Varav …": a part of the post; the parts need not add up to it
    /// (e.g. varav jämförelsestörande poster, därav särskild löneskatt).
    #[default]
    OfWhich,
    /// A breakdown: all the breakdown rows of a post must add up to it
    /// (e.g. aktier och andelar + långfristiga fordringar = finansiella anläggningstillgångar).
    Breakdown,
}

/// Specifikation (varav-rad): a specification row under a post of a statement.
///
/// ```
/// use kommunal_redovisning::{Amount, Decimal, EntityKind, FinancialYear, IncomeStatement, Scale};
/// use kommunal_redovisning::statement::{Detail, IncomeLine, StatementLayout, StatementRowKind};
///
/// // Sjöbo kommun 2016 (mnkr): verksamhetens intäkter 274,7, varav jämförelsestörande
/// // poster 1,1 (http://finansiellinformation.se/Sjobo_2016/resultatrakning.html).
/// let mnkr = |tenths| Amount::from_scaled(Decimal::new(tenths, 1), Scale::Mnkr);
/// let mut rs = IncomeStatement { operating_revenue: mnkr(2_747)?, ..Default::default() };
/// rs.details.push(Detail::of_which(IncomeLine::OperatingRevenue, "varav jämförelsestörande poster", mnkr(11)?));
/// let rows = rs.rows(&StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2016)))?;
/// let varav = rows.iter().find(|r| r.kind == StatementRowKind::OfWhich).ok_or("varav")?;
/// assert_eq!(varav.id, "verksamhetens_intakter/varav jämförelsestörande poster");
/// assert_eq!(varav.amount, Some(mnkr(11)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "specifikation")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Detail<L> {
    /// The post it belongs to.
    pub line: L,
    /// Its label, e.g. "varav jämförelsestörande poster".
    pub label: String,
    /// Its amount, with the same sign convention as the post.
    pub amount: Amount,
    /// Part ("varav") or breakdown.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: DetailKind,
}

impl<L> Detail<L> {
    /// A "varav" row.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, IncomeStatement};
    /// use kommunal_redovisning::statement::{Detail, IncomeLine};
    /// let mut rs = IncomeStatement { operating_expenses: Amount::tkr(-9_000), ..Default::default() };
    /// rs.details.push(Detail::of_which(IncomeLine::OperatingExpenses, "varav jämförelsestörande poster", Amount::tkr(-2_000)));
    /// assert!(rs.validate().is_ok()); // a "varav" need not add up to its post
    /// ```
    pub fn of_which(line: L, label: impl Into<String>, amount: Amount) -> Self {
        Detail {
            line,
            label: label.into(),
            amount,
            kind: DetailKind::OfWhich,
        }
    }

    /// A breakdown row; the breakdown rows of a post must add up to it.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, BalanceSheet};
    /// use kommunal_redovisning::statement::{BalanceLine, Detail};
    /// // Grästorp 2019 (tkr): finansiella anläggningstillgångar 9 980 = aktier 9 480 + fordringar 500 (invented split).
    /// let mut br = BalanceSheet { financial_fixed_assets: Amount::tkr(9_980), cash_and_bank: Amount::tkr(-9_980), ..Default::default() };
    /// br.details.push(Detail::breakdown(BalanceLine::FinancialFixedAssets, "Aktier och andelar", Amount::tkr(9_480)));
    /// br.details.push(Detail::breakdown(BalanceLine::FinancialFixedAssets, "Långfristiga fordringar", Amount::tkr(400)));
    /// assert!(br.validate().is_err()); // 9 480 + 400 ≠ 9 980: a breakdown must add up
    /// ```
    pub fn breakdown(line: L, label: impl Into<String>, amount: Amount) -> Self {
        Detail {
            line,
            label: label.into(),
            amount,
            kind: DetailKind::Breakdown,
        }
    }
}

/// Label overrides by row id (municipalities word their statements differently).
///
/// ```
/// use kommunal_redovisning::statement::Labels;
///
/// let mut labels = Labels::default();
/// labels.set("avskrivningar", "Av- och nedskrivningar");
/// assert_eq!(labels.get("avskrivningar", "Avskrivningar"), "Av- och nedskrivningar");
/// assert_eq!(labels.get("skatteintakter", "Skatteintäkter"), "Skatteintäkter");
/// ```
#[doc(alias = "rubriker")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Labels(BTreeMap<String, String>);

impl Labels {
    /// Use `label` for the row with `id`.
    pub fn set(&mut self, id: impl Into<String>, label: impl Into<String>) -> &mut Self {
        self.0.insert(id.into(), label.into());
        self
    }

    /// The label for `id`: the override when there is one, else `default`.
    #[must_use]
    pub fn get<'a>(&'a self, id: &str, default: &'a str) -> &'a str {
        self.0.get(id).map_or(default, String::as_str)
    }
}

/// What decides how a statement is laid out: the entity kind, the financial year and
/// label overrides.
///
/// ```
/// use kommunal_redovisning::{EntityKind, FinancialYear};
/// use kommunal_redovisning::statement::StatementLayout;
///
/// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
/// assert!(layout.shows_tax_lines());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "uppställningsform")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StatementLayout {
    /// Kommun, region or kommunalförbund.
    pub kind: EntityKind,
    /// The financial year presented.
    pub year: FinancialYear,
    /// Label overrides.
    #[cfg_attr(feature = "serde", serde(default))]
    pub labels: Labels,
}

impl StatementLayout {
    /// The statutory layout for `kind` in `year`, with the default labels.
    ///
    /// ```
    /// use kommunal_redovisning::{EntityKind, FinancialYear};
    /// use kommunal_redovisning::statement::StatementLayout;
    /// let layout = StatementLayout::new(EntityKind::Kommunalforbund, FinancialYear::new(2025));
    /// assert!(!layout.shows_tax_lines()); // a förbund's RS has no skatteintäkter
    /// ```
    #[must_use]
    pub fn new(kind: EntityKind, year: FinancialYear) -> Self {
        StatementLayout {
            kind,
            year,
            labels: Labels::default(),
        }
    }

    /// `false` for a kommunalförbund: skatteintäkter and generella statsbidrag och
    /// utjämning are left out of its resultaträkning.
    #[must_use]
    pub fn shows_tax_lines(&self) -> bool {
        self.kind.has_tax_revenue()
    }
}

/// Checks that every post whose details are breakdowns equals the sum of them.
pub(crate) fn check_breakdowns<L: Copy + PartialEq>(
    details: &[Detail<L>],
    value_of: impl Fn(L) -> Amount,
    name_of: impl Fn(L) -> &'static str,
) -> Result<()> {
    let mut seen: Vec<L> = Vec::new();
    for d in details.iter().filter(|d| d.kind == DetailKind::Breakdown) {
        if seen.contains(&d.line) {
            continue;
        }
        seen.push(d.line);
        let sum = Amount::checked_sum(
            details
                .iter()
                .filter(|x| x.kind == DetailKind::Breakdown && x.line == d.line)
                .map(|x| x.amount),
        )?;
        let value = value_of(d.line);
        if sum != value {
            return Err(Error::Mismatch {
                what: format!("specifikationen av {}", name_of(d.line)),
                left_label: "summa specifikation".into(),
                left: sum,
                right_label: "posten".into(),
                right: value,
                difference: sum.checked_sub(value)?,
            });
        }
    }
    Ok(())
}

/// Rows for the details of one post, right after it.
pub(crate) fn detail_rows<'a, L: Copy + PartialEq + 'a>(
    details: &'a [Detail<L>],
    line: L,
    parent_id: &str,
    depth: u8,
) -> impl Iterator<Item = StatementRow> + 'a {
    let parent_id = parent_id.to_owned();
    details
        .iter()
        .filter(move |d| d.line == line)
        .map(move |d| StatementRow {
            id: format!("{parent_id}/{}", d.label),
            label: d.label.clone(),
            kind: StatementRowKind::OfWhich,
            depth: depth.saturating_add(1),
            amount: Some(d.amount),
            note: None,
        })
}

/// Checks that årets resultat in the resultaträkning equals årets resultat in the
/// balansräkning (eget kapital).
///
/// # Errors
///
/// [`Error::Mismatch`] naming both figures and the difference, or [`Error::Overflow`].
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, IncomeStatement};
/// use kommunal_redovisning::statement::check_result_agrees;
///
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(100), ..Default::default() };
/// let mut br = BalanceSheet { result_for_the_year: Amount::tkr(100), cash_and_bank: Amount::tkr(100), ..Default::default() };
/// check_result_agrees(&rs, &br)?;
/// br.result_for_the_year = Amount::tkr(101);
/// assert!(check_result_agrees(&rs, &br).is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
pub fn check_result_agrees(income: &IncomeStatement, balance: &BalanceSheet) -> Result<()> {
    let rs = income.result_for_the_year();
    let br = balance.result_for_the_year;
    if rs == br {
        return Ok(());
    }
    Err(Error::Mismatch {
        what: "årets resultat".into(),
        left_label: "resultaträkningen".into(),
        left: rs,
        right_label: "balansräkningen".into(),
        right: br,
        difference: rs.checked_sub(br)?,
    })
}

/// The movement of eget kapital over a period (förändring av eget kapital): opening
/// equity + årets (periodens) resultat + named other changes must equal closing equity.
///
/// Works on a full balansräkning or on the two or three figures a report gives.
///
/// ```
/// use kommunal_redovisning::{Amount, EquityReconciliation};
///
/// // Lystkom: eget kapital 6 373 tkr at 2024-12-31, 8 521 tkr at 2025-06-30, periodens resultat 2 148 tkr.
/// let r = EquityReconciliation::new(Amount::tkr(6_373), Amount::tkr(2_148), Amount::tkr(8_521));
/// r.check()?;
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "förändring av eget kapital")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EquityReconciliation {
    /// Eget kapital at the start.
    pub opening: Amount,
    /// Årets (periodens) resultat.
    pub result: Amount,
    /// Other changes, each named (e.g. "rättelse av fel", "byte av redovisningsprincip").
    #[cfg_attr(feature = "serde", serde(default))]
    pub other_changes: Vec<(String, Amount)>,
    /// Eget kapital at the end.
    pub closing: Amount,
}

impl EquityReconciliation {
    /// A reconciliation without other changes.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EquityReconciliation};
    /// // Lystkom: 6 373 + 2 148 = 8 521 tkr.
    /// assert!(EquityReconciliation::new(Amount::tkr(6_373), Amount::tkr(2_148), Amount::tkr(8_521)).check().is_ok());
    /// assert!(EquityReconciliation::new(Amount::tkr(6_373), Amount::tkr(2_148), Amount::tkr(8_520)).check().is_err());
    /// ```
    #[must_use]
    pub fn new(opening: Amount, result: Amount, closing: Amount) -> Self {
        EquityReconciliation {
            opening,
            result,
            other_changes: Vec::new(),
            closing,
        }
    }

    /// Opening equity + result + other changes.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn expected_closing(&self) -> Result<Amount> {
        Amount::checked_sum(
            [self.opening, self.result]
                .into_iter()
                .chain(self.other_changes.iter().map(|(_, a)| *a)),
        )
    }

    /// Checks that the movement adds up.
    ///
    /// # Errors
    ///
    /// [`Error::Mismatch`] naming both figures and the difference.
    pub fn check(&self) -> Result<()> {
        let expected = self.expected_closing()?;
        if expected == self.closing {
            return Ok(());
        }
        Err(Error::Mismatch {
            what: "eget kapital".into(),
            left_label: "ingående eget kapital + resultat + övriga förändringar".into(),
            left: expected,
            right_label: "utgående eget kapital".into(),
            right: self.closing,
            difference: expected.checked_sub(self.closing)?,
        })
    }
}
