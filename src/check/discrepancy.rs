//! Discrepancies (avvikelser): what a check finds, its class and counts.

use rust_decimal::Decimal;

use super::StatementKind;
use crate::money::Scale;

/// What a finding is about. New checks bring new variants (`#[non_exhaustive]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "kontroll")]
pub enum CheckKind {
    /// A subtotal or total against the sum of its parts (delsumma, summa).
    Sum,
    /// A post against the rows that break it down (aktier och andelar + långfristiga
    /// fordringar = finansiella anläggningstillgångar).
    Breakdown,
    /// Summa tillgångar against summa eget kapital, avsättningar och skulder.
    Balance,
    /// Eget kapital vid årets början + årets resultat against eget kapital vid årets
    /// slut.
    EquityMovement,
    /// Eget kapital vid årets början against eget kapital vid föregående års slut (the
    /// previous column).
    OpeningEquity,
    /// Årets resultat in the resultaträkning against årets resultat in the
    /// balansräkning.
    ResultAgreement,
    /// Soliditet = eget kapital / summa tillgångar.
    EquityRatio,
    /// Särskild löneskatt = 24,26/124,26 of pensionsförpliktelser including it.
    SpecialPayrollTax,
    /// A row whose label matches nothing in the statutory structure.
    UnplacedRow,
    /// A post printed twice.
    DuplicateRow,
    /// A row with another number of values than there are columns.
    ValueCount,
    /// Skuldsättningsgrad = (avsättningar + skulder) / summa tillgångar.
    DebtRatio,
    /// Kassalikviditet = (omsättningstillgångar − förråd) / kortfristiga skulder.
    QuickRatio,
    /// Balanslikviditet = omsättningstillgångar / kortfristiga skulder.
    CurrentRatio,
    /// Soliditet inklusive pensionsförpliktelser = (eget kapital − pensionsförpliktelser
    /// intjänade före 1998) / summa tillgångar.
    EquityRatioIncludingPensions,
}

impl CheckKind {
    /// The id under which a printed ratio row is placed.
    pub(super) fn ratio_id(self) -> &'static str {
        match self {
            CheckKind::DebtRatio => "skuldsattningsgrad",
            CheckKind::QuickRatio => "kassalikviditet",
            CheckKind::CurrentRatio => "balanslikviditet",
            CheckKind::EquityRatioIncludingPensions => "soliditet_inkl_pensionsforpliktelser",
            _ => "soliditet",
        }
    }

    /// The Swedish name of the check.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            CheckKind::Sum => "summering",
            CheckKind::Breakdown => "specifikation",
            CheckKind::Balance => "balansräkningen balanserar",
            CheckKind::EquityMovement => "förändring av eget kapital",
            CheckKind::OpeningEquity => "ingående eget kapital",
            CheckKind::ResultAgreement => "årets resultat i RR och BR",
            CheckKind::EquityRatio => "soliditet",
            CheckKind::SpecialPayrollTax => "särskild löneskatt",
            CheckKind::UnplacedRow => "okänd rad",
            CheckKind::DuplicateRow => "dubblerad rad",
            CheckKind::ValueCount => "antal värden",
            CheckKind::DebtRatio => "skuldsättningsgrad",
            CheckKind::QuickRatio => "kassalikviditet",
            CheckKind::CurrentRatio => "balanslikviditet",
            CheckKind::EquityRatioIncludingPensions => "soliditet inklusive pensionsförpliktelser",
        }
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "avvikelseklass")]
pub enum DiscrepancyClass {
    /// Avrundningsdifferens: within half a unit per rounded figure taking part.
    Rounding,
    /// Fel: larger than rounding can explain, or malformed input.
    Error,
    /// A row that could not be placed in the statutory structure; not checked.
    Unplaced,
}

impl DiscrepancyClass {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            DiscrepancyClass::Rounding => "avrundning",
            DiscrepancyClass::Error => "fel",
            DiscrepancyClass::Unplaced => "kunde inte placeras",
        }
    }
}

/// A difference found in a printed statement (avvikelse).
///
/// Figures are in [`Discrepancy::unit`], except for soliditet, whose figures are percent.
/// `difference` is printed − expected.
#[doc(alias = "avvikelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Discrepancy {
    /// The statement, `None` for a comparison between statements.
    pub statement: Option<StatementKind>,
    /// What was checked.
    pub check: CheckKind,
    /// Rounding, error or unplaced.
    pub class: DiscrepancyClass,
    /// The row's label as printed (or the post's name when it is not printed).
    pub row: String,
    /// The column's label, when the finding is about one column.
    pub column: Option<String>,
    /// The unit of the figures.
    pub unit: Scale,
    /// The printed figure.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal_option"))]
    pub printed: Option<Decimal>,
    /// The figure recomputed from other printed figures.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal_option"))]
    pub expected: Option<Decimal>,
    /// `printed − expected`.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal_option"))]
    pub difference: Option<Decimal>,
    /// The largest difference rounding can explain, when it applies.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal_option"))]
    pub tolerance: Option<Decimal>,
    /// A sentence in Swedish for a person.
    pub message: String,
}

/// Counts of findings by class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "sammanfattning")]
pub struct Summary {
    /// Rounding differences.
    pub rounding: usize,
    /// Errors.
    pub errors: usize,
    /// Rows that could not be placed.
    pub unplaced: usize,
}

impl Summary {
    /// Counts `findings` by class.
    #[must_use]
    pub fn of(findings: &[Discrepancy]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.class {
                DiscrepancyClass::Rounding => s.rounding += 1,
                DiscrepancyClass::Error => s.errors += 1,
                DiscrepancyClass::Unplaced => s.unplaced += 1,
            }
        }
        s
    }

    /// `true` when there is nothing but rounding differences.
    #[must_use]
    pub fn only_rounding(&self) -> bool {
        self.errors == 0 && self.unplaced == 0
    }
}
