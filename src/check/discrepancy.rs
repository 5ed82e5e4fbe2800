//! Discrepancies (avvikelser): what a check finds, its class and counts.

use std::fmt;

use rust_decimal::Decimal;

use super::TableKind;
use crate::money::Scale;

/// Kontroll: what a finding is about. New checks bring new variants
/// (`#[non_exhaustive]`).
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, CheckKind, PrintedRow, PrintedTable, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Grästorps kommun, balansräkning 2020 (tkr), pensionsförpliktelser intjänade före 1998
/// // 2018: 134 056, därav särskild löneskatt 26 172 (finansiellinfo.se/Grastorp_2020).
/// let mut br = PrintedTable::new(TableKind::BalanceSheet, Scale::Tkr, vec!["2018".into()]);
/// br.rows = vec![
///     PrintedRow::new("Pensionsförpliktelser intjänade före 1998", vec![Some(Decimal::from(134_056))]),
///     PrintedRow::new("– därav särskild löneskatt", vec![Some(Decimal::from(26_172))]).with_kind(StatementRowKind::OfWhich),
/// ];
/// let findings = check_table(&br);
/// assert_eq!(findings[0].check, CheckKind::SpecialPayrollTax); // 24,26/124,26 × 134 056
/// assert_eq!(findings[0].check.label(), "särskild löneskatt");
/// ```
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
    /// A column computed from two others (avvikelse = utfall − budget, netto =
    /// intäkter + kostnader, förändring = i år − i fjol).
    ColumnRelation,
    /// Förändring i procent = (i år − i fjol) / i fjol.
    ChangePercent,
    /// Likvida medel vid årets slut in the kassaflödesanalys against kassa och bank in
    /// the balansräkning.
    CashTie,
    /// A note's total against the statement line that refers to it.
    NoteTie,
    /// The driftredovisning's total against verksamhetens nettokostnader.
    OperatingTie,
    /// A figure of the nyckeltal or femårsöversikt against the same report's
    /// statements.
    KeyFigure,
    /// A ratio of the nyckeltal recomputed from the statements.
    KeyRatio,
    /// Sjukfrånvaro: the total against the groups.
    SickLeave,
    /// Medlemsavgifter: shares sum to 100 % and each fee is its share of the total.
    MemberFee,
    /// A declared sum (`sum_of`) names a row the table does not have.
    UnknownSumPart,
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
            CheckKind::ColumnRelation => "kolumnsamband",
            CheckKind::ChangePercent => "förändring i procent",
            CheckKind::CashTie => "likvida medel mot balansräkningen",
            CheckKind::NoteTie => "not mot rapportrad",
            CheckKind::OperatingTie => "driftredovisning mot resultaträkningen",
            CheckKind::KeyFigure => "nyckeltal mot rapporterna",
            CheckKind::KeyRatio => "nyckeltal",
            CheckKind::SickLeave => "sjukfrånvaro",
            CheckKind::MemberFee => "medlemsavgifter",
            CheckKind::UnknownSumPart => "okänd del av summa",
        }
    }
}

/// Avvikelseklass: how serious a finding is.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, DiscrepancyClass, PrintedRow, PrintedTable, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Grästorps kommun, resultaträkning 2019 (tkr), finansiellinfo.se/Grastorp_2019.
/// let table = |subtotal: i64| {
///     let mut rs = PrintedTable::new(TableKind::IncomeStatement, Scale::Tkr, vec!["2019".into()]);
///     rs.rows = [("Verksamhetens intäkter", 101_282), ("Verksamhetens kostnader", -417_698), ("Avskrivningar", -14_879)]
///         .into_iter()
///         .map(|(label, v)| PrintedRow::new(label, vec![Some(Decimal::from(v))]))
///         .chain([PrintedRow::new("VERKSAMHETENS NETTOKOSTNADER", vec![Some(Decimal::from(subtotal))]).with_kind(StatementRowKind::Subtotal)])
///         .collect();
///     rs
/// };
/// assert!(check_table(&table(-331_295)).is_empty()); // as printed
/// // Misprints (made up): 1 tkr off can be rounding, 100 tkr cannot.
/// assert_eq!(check_table(&table(-331_296))[0].class, DiscrepancyClass::Rounding);
/// assert_eq!(check_table(&table(-331_395))[0].class, DiscrepancyClass::Error);
/// assert_eq!(DiscrepancyClass::Error.label(), "fel");
/// ```
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
    /// A sum that differs from its placed parts by exactly what rows that could not be
    /// placed would explain; the rows are named in the message.
    ExplainedByUnplaced,
}

impl DiscrepancyClass {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            DiscrepancyClass::Rounding => "avrundning",
            DiscrepancyClass::Error => "fel",
            DiscrepancyClass::Unplaced => "kunde inte placeras",
            DiscrepancyClass::ExplainedByUnplaced => "förklaras av en rad som inte kunde placeras",
        }
    }
}

/// A difference found in a printed statement (avvikelse).
///
/// Figures are in [`Discrepancy::unit`], except for soliditet, whose figures are percent.
/// `difference` is printed − expected.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, DiscrepancyClass, PrintedRow, PrintedTable, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Grästorps kommun, balansräkning 2020 (tkr): 2018's särskild löneskatt 26 172 on
/// // pensionsförpliktelser 134 056 (finansiellinfo.se/Grastorp_2020).
/// let mut br = PrintedTable::new(TableKind::BalanceSheet, Scale::Tkr, vec!["2018".into()]);
/// br.rows = vec![
///     PrintedRow::new("Pensionsförpliktelser intjänade före 1998", vec![Some(Decimal::from(134_056))]),
///     PrintedRow::new("– därav särskild löneskatt", vec![Some(Decimal::from(26_172))]).with_kind(StatementRowKind::OfWhich),
/// ];
/// let d = &check_table(&br)[0];
/// assert_eq!((d.table, d.class), (Some(TableKind::BalanceSheet), DiscrepancyClass::Rounding));
/// assert_eq!((d.row.as_str(), d.column.as_deref()), ("– därav särskild löneskatt", Some("2018")));
/// assert_eq!((d.printed, d.expected), (Some(Decimal::from(26_172)), Some(Decimal::new(2_617_253, 2))));
/// assert_eq!(d.difference, Some(Decimal::new(-53, 2)));
/// assert!(d.message.contains("26 172,53"), "{}", d.message);
/// // One line for a person: class, row, column, check and the message.
/// assert_eq!(d.to_string(), format!("[avrundning] – därav särskild löneskatt, 2018 (särskild löneskatt): {}", d.message));
/// ```
#[doc(alias = "avvikelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Discrepancy {
    /// The kind of table, `None` for a comparison between tables.
    pub table: Option<TableKind>,
    /// The table's position in the report (0-based), `None` between tables or when a
    /// single table was checked.
    #[cfg_attr(feature = "serde", serde(default))]
    pub table_index: Option<usize>,
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

impl fmt::Display for Discrepancy {
    /// One line in Swedish, as [`super::Checked::to_text`] lists it: `[klass] rad,
    /// kolumn (kontroll): meddelande`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.class.label(), self.row)?;
        if let Some(c) = &self.column {
            write!(f, ", {c}")?;
        }
        write!(f, " ({}): {}", self.check.label(), self.message)
    }
}

/// How much of the arithmetic a report implies was evaluated (täckning).
///
/// ```
/// use kommunal_redovisning::check::Coverage;
/// let c = Coverage { evaluated: 9, not_evaluated: 1 };
/// assert_eq!(c.share_percent(), Some(kommunal_redovisning::Decimal::from(90)));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "täckning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Coverage {
    /// Comparisons made: a printed figure against what other printed figures imply.
    pub evaluated: usize,
    /// Printed sums and relations that could not be evaluated (a part missing, a row
    /// that could not be placed, a statement the tie needs not in the report).
    pub not_evaluated: usize,
}

impl Coverage {
    /// `evaluated / (evaluated + not_evaluated)` in percent; `None` when nothing was
    /// implied.
    #[must_use]
    pub fn share_percent(&self) -> Option<Decimal> {
        let total = self.evaluated.checked_add(self.not_evaluated)?;
        if total == 0 {
            return None;
        }
        Decimal::from(self.evaluated)
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(Decimal::from(total))
    }
}

/// Sammanfattning: counts of findings by class.
///
/// ```
/// use kommunal_redovisning::{Decimal, Scale};
/// use kommunal_redovisning::check::{check_table, PrintedRow, PrintedTable, Summary, TableKind};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Grästorps kommun, balansräkning 2020 (tkr): särskild löneskatt on pensionsförpliktelser
/// // intjänade före 1998, 2020–2018 as printed (finansiellinfo.se/Grastorp_2020).
/// let row = |label: &str, v: [i64; 3]| PrintedRow::new(label, v.iter().map(|&n| Some(Decimal::from(n))).collect());
/// let mut br = PrintedTable::new(TableKind::BalanceSheet, Scale::Tkr, vec!["2020".into(), "2019".into(), "2018".into()]);
/// br.rows = vec![
///     row("Pensionsförpliktelser intjänade före 1998", [131_313, 133_462, 134_056]),
///     row("– därav särskild löneskatt", [25_637, 26_057, 26_172]).with_kind(StatementRowKind::OfWhich),
/// ];
/// let summary = Summary::of(&check_table(&br));
/// assert_eq!(summary, Summary { rounding: 1, errors: 0, unplaced: 0, explained: 0 });
/// assert!(summary.only_rounding());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "sammanfattning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Summary {
    /// Rounding differences.
    pub rounding: usize,
    /// Errors.
    pub errors: usize,
    /// Rows that could not be placed.
    pub unplaced: usize,
    /// Sums explained by rows that could not be placed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub explained: usize,
}

impl Summary {
    /// Counts `findings` by class.
    ///
    /// ```
    /// use kommunal_redovisning::Scale;
    /// use kommunal_redovisning::check::{CheckKind, Discrepancy, DiscrepancyClass, Summary};
    ///
    /// // A made-up finding: one sum 36 tkr off.
    /// let finding = Discrepancy {
    ///     table: None, table_index: None, check: CheckKind::Sum, class: DiscrepancyClass::Error,
    ///     row: "Totalt".into(), column: None, unit: Scale::Tkr, printed: None, expected: None,
    ///     difference: None, tolerance: None, message: "differens 36 tkr".into(),
    /// };
    /// let summary = Summary::of(&[finding]);
    /// assert_eq!((summary.errors, summary.rounding), (1, 0));
    /// assert!(!summary.only_rounding());
    /// ```
    #[must_use]
    pub fn of(findings: &[Discrepancy]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.class {
                DiscrepancyClass::Rounding => s.rounding += 1,
                DiscrepancyClass::Error => s.errors += 1,
                DiscrepancyClass::Unplaced => s.unplaced += 1,
                DiscrepancyClass::ExplainedByUnplaced => s.explained += 1,
            }
        }
        s
    }

    /// `true` when there is nothing but rounding differences.
    #[must_use]
    pub fn only_rounding(&self) -> bool {
        self.errors == 0 && self.unplaced == 0 && self.explained == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_without_a_column_names_row_and_check() {
        // The made-up finding of `Summary::of`'s example.
        let d = Discrepancy {
            table: None,
            table_index: None,
            check: CheckKind::Sum,
            class: DiscrepancyClass::Error,
            row: "Totalt".into(),
            column: None,
            unit: Scale::Tkr,
            printed: None,
            expected: None,
            difference: None,
            tolerance: None,
            message: "differens 36 tkr".into(),
        };
        assert_eq!(d.to_string(), "[fel] Totalt (summering): differens 36 tkr");
    }
}
