//! Checking printed statements (granskning av tryckta rapporter).
//!
//! Municipal statements are published rounded to tkr or mnkr, with their subtotals and
//! totals printed beside the lines. [`check_statement`] and [`check_report`] take a
//! statement *as printed* ([`PrintedStatement`], usually read from JSON), map its rows
//! onto the statutory structure by label — tolerant of the wording that real reports
//! use (Grästorp, Hallsberg, Vansbro, Göteborg and Luleå as published on finansiellinfo.se and the kommuners own sites) — recompute every subtotal, total, balance
//! identity, equity movement, särskild löneskatt and key ratio printed (soliditet,
//! soliditet inklusive pensionsförpliktelser, skuldsättningsgrad, kassalikviditet,
//! balanslikviditet), and return a
//! [`Finding`] for each difference:
//!
//! - [`FindingClass::Rounding`] when the difference can come from rounding: at most
//!   half a unit of the last printed decimal per rounded figure taking part (a sum of
//!   three printed lines compared with a printed subtotal has four rounded figures, so
//!   up to 2 tkr), or, for a ratio, when the printed value lies within what the
//!   rounded inputs allow;
//! - [`FindingClass::Error`] when it cannot;
//! - [`FindingClass::Unplaced`] for a row whose label matches nothing in the statutory
//!   structure (or a post printed twice): it is reported, not dropped, and left out of
//!   the checks. A "varav …" specification the checker does not know (varav
//!   jämförelsestörande poster) is taken as information about the row above it and
//!   not reported; rows without figures are headings.
//!
//! A post that is not printed counts as zero (statements leave out empty lines), so
//! an abbreviated statement — a sum printed without all of its lines — shows up as
//! errors in that sum. A sum that is not printed is replaced by its parts where a
//! larger sum needs it.
//!
//! Findings are data, never `Err`: the input is someone else's publication.
//!
//! # The JSON form
//!
//! ```json
//! {
//!   "entity": "Grästorps kommun",
//!   "statement": "income_statement",
//!   "unit": "tkr",
//!   "columns": [{ "label": "2019", "kind": "outcome" }, { "label": "2018", "kind": "prior_period" }],
//!   "rows": [
//!     { "label": "Verksamhetens intäkter", "note": "1", "values": ["101 282", "106 965"] },
//!     { "label": "VERKSAMHETENS NETTOKOSTNADER", "kind": "subtotal", "values": ["– 331 295", "– 326 492"] }
//!   ]
//! }
//! ```
//!
//! - `statement`: `income_statement` (resultaträkning) or `balance_sheet`
//!   (balansräkning); the Swedish words are accepted too.
//! - `unit`: `kr`, `tkr`, `mnkr` or `mdkr`; `decimals` (optional) the decimals printed,
//!   otherwise the most found among the values.
//! - `columns`: label and kind (`outcome`, `budget`, `forecast`, `deviation`,
//!   `prior_period`, `other`; default `outcome`). A column's year is read from its
//!   label ("2019", "2020-12-31") to compare columns and statements.
//! - `rows`: `label` as printed, `values` one per column, `kind` (`heading`, `line`,
//!   `subtotal`, `total`, `of_which`; default `line`), optional `note`, and
//!   `"percent": true` for a key-ratio row (soliditet, soliditet inklusive
//!   pensionsförpliktelser, skuldsättningsgrad, kassalikviditet, balanslikviditet;
//!   values in percent).
//! - A value is a string as printed — `"– 423 231"`, `"−1 036,6"`, `"(512)"`,
//!   `"44,3 %"`, or canonical `"-423231"` — or a JSON integer; an empty string, `"–"`
//!   or `null` is an empty cell. JSON numbers with decimals are refused (they pass
//!   through binary floating point).
//!
//! A [`PrintedReport`] holds several statements of one entity (`"statements": [...]`);
//! [`check_report`] also compares them: årets resultat in the resultaträkning against
//! årets resultat in the balansräkning, column by column (matched by year).

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::money::{Scale, parse_canonical_decimal};
use crate::present::{Column, ColumnKind, NumberFormat};
use crate::statement::{SPECIAL_PAYROLL_TAX_RATE, StatementRowKind};

/// Which statement a printed table is.
#[doc(alias = "rapporttyp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StatementKind {
    /// Resultaträkning (LKBR 5 kap.).
    #[cfg_attr(
        feature = "serde",
        serde(alias = "resultatrakning", alias = "resultaträkning")
    )]
    IncomeStatement,
    /// Balansräkning (LKBR 6 kap.).
    #[cfg_attr(
        feature = "serde",
        serde(alias = "balansrakning", alias = "balansräkning")
    )]
    BalanceSheet,
}

impl StatementKind {
    /// The Swedish name, lowercase.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            StatementKind::IncomeStatement => "resultaträkning",
            StatementKind::BalanceSheet => "balansräkning",
        }
    }
}

impl fmt::Display for StatementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One row of a statement as printed (tryckt rad).
#[doc(alias = "tryckt rad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedRow {
    /// The label as printed, e.g. "VERKSAMHETENS NETTOKOSTNADER".
    pub label: String,
    /// What the row is as printed (default: line). The checker places rows by label;
    /// the kind only says that a row without figures is a heading.
    #[cfg_attr(feature = "serde", serde(default = "line_kind"))]
    pub kind: StatementRowKind,
    /// A note reference, e.g. `"3"`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// `true` for a ratio row (soliditet): values in percent.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub percent: bool,
    /// One printed value per column, in the statement's unit (or percent); `None` for
    /// an empty cell.
    #[cfg_attr(feature = "serde", serde(with = "printed_values"))]
    pub values: Vec<Option<Decimal>>,
}

#[cfg(feature = "serde")]
fn line_kind() -> StatementRowKind {
    StatementRowKind::Line
}

#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A statement as printed (tryckt rapport): unit, columns and rows with their printed
/// values, including the printed subtotals and totals.
#[doc(alias = "tryckt rapport")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedStatement {
    /// Resultaträkning or balansräkning.
    pub statement: StatementKind,
    /// Who published it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub entity: Option<String>,
    /// Where it was published (a URL, a page).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub source: Option<String>,
    /// The unit of the printed figures ("belopp i tkr").
    pub unit: Scale,
    /// Decimals printed; when absent, the most found among the values.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub decimals: Option<u32>,
    /// The columns (years, budget …).
    pub columns: Vec<Column>,
    /// The rows in printed order.
    pub rows: Vec<PrintedRow>,
}

impl PrintedStatement {
    /// A table as it would be printed: labels, kinds and notes of its rows and its
    /// figures in the table's unit, rounded to its decimals (half away from zero);
    /// key-ratio rows become percent rows. Round the table first
    /// ([`Table::rounded`](crate::Table::rounded)) to print what a renderer prints.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, EntityKind, FinancialYear, IncomeStatement, Scale, Table};
    /// use kommunal_redovisning::check::{check_statement, PrintedStatement, StatementKind};
    /// use kommunal_redovisning::present::{Column, Rounding};
    /// use kommunal_redovisning::statement::StatementLayout;
    ///
    /// let rs = IncomeStatement { operating_revenue: Amount::kr(1_400), operating_expenses: Amount::kr(-600), ..Default::default() };
    /// let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(2025));
    /// let table = Table::income_statement("RS", Scale::Kr, &layout, &[(Column::outcome("2025"), &rs)])?;
    /// // 1,4 − 0,6 = 0,8 tkr. Footed, the printed table adds up (1 + 0 = 1); rounded
    /// // line by line it does not (1 − 1 ≠ 1).
    /// let footed = table.rounded(&Rounding::new(Scale::Tkr))?.table;
    /// assert!(check_statement(&PrintedStatement::from_table(StatementKind::IncomeStatement, &footed)).is_empty());
    /// let plain = table.rounded(&Rounding::new(Scale::Tkr).without_footing())?.table;
    /// assert!(!check_statement(&PrintedStatement::from_table(StatementKind::IncomeStatement, &plain)).is_empty());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn from_table(statement: StatementKind, table: &crate::Table) -> PrintedStatement {
        let mode = crate::RoundingMode::HalfAwayFromZero;
        let mut rows: Vec<PrintedRow> = table
            .rows
            .iter()
            .map(|r| PrintedRow {
                label: r.label.clone(),
                kind: r.kind,
                note: r.note.clone(),
                percent: false,
                values: r
                    .cells
                    .iter()
                    .map(|c| c.map(|a| mode.round(a.to_scale(table.unit), table.decimals)))
                    .collect(),
            })
            .collect();
        rows.extend(table.ratios.iter().map(|r| {
            PrintedRow {
                label: r.label.clone(),
                kind: StatementRowKind::Line,
                note: None,
                percent: true,
                values: r
                    .values
                    .iter()
                    .map(|v| v.map(|p| mode.round(p.as_decimal(), r.decimals)))
                    .collect(),
            }
        }));
        PrintedStatement {
            statement,
            entity: None,
            source: None,
            unit: table.unit,
            decimals: Some(table.decimals),
            columns: table.columns.clone(),
            rows,
        }
    }
}

/// Several printed statements of one entity, checked together.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "tryckta rapporter")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PrintedReport {
    /// Who published them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub entity: Option<String>,
    /// The statements.
    pub statements: Vec<PrintedStatement>,
}

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
    fn ratio_id(self) -> &'static str {
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
pub enum FindingClass {
    /// Avrundningsdifferens: within half a unit per rounded figure taking part.
    Rounding,
    /// Fel: larger than rounding can explain, or malformed input.
    Error,
    /// A row that could not be placed in the statutory structure; not checked.
    Unplaced,
}

impl FindingClass {
    /// The Swedish name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            FindingClass::Rounding => "avrundning",
            FindingClass::Error => "fel",
            FindingClass::Unplaced => "kunde inte placeras",
        }
    }
}

/// A difference found in a printed statement (avvikelse).
///
/// Figures are in [`Finding::unit`], except for soliditet, whose figures are percent.
/// `difference` is printed − expected.
#[doc(alias = "avvikelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Finding {
    /// The statement, `None` for a comparison between statements.
    pub statement: Option<StatementKind>,
    /// What was checked.
    pub check: CheckKind,
    /// Rounding, error or unplaced.
    pub class: FindingClass,
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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.class {
                FindingClass::Rounding => s.rounding += 1,
                FindingClass::Error => s.errors += 1,
                FindingClass::Unplaced => s.unplaced += 1,
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

// ---------------------------------------------------------------------------------
// Placement: labels onto the statutory structure.

/// Statutory posts and sums the checker knows, by id, with a readable name.
const NAMES: &[(&str, &str)] = &[
    ("verksamhetens_intakter", "Verksamhetens intäkter"),
    ("verksamhetens_kostnader", "Verksamhetens kostnader"),
    ("avskrivningar", "Avskrivningar"),
    (
        "verksamhetens_nettokostnader",
        "Verksamhetens nettokostnader",
    ),
    ("skatteintakter", "Skatteintäkter"),
    (
        "generella_statsbidrag_och_utjamning",
        "Generella statsbidrag och utjämning",
    ),
    ("verksamhetens_resultat", "Verksamhetens resultat"),
    ("finansiella_intakter", "Finansiella intäkter"),
    ("finansiella_kostnader", "Finansiella kostnader"),
    (
        "resultat_efter_finansiella_poster",
        "Resultat efter finansiella poster",
    ),
    ("extraordinara_poster", "Extraordinära poster"),
    ("extraordinara_intakter", "Extraordinära intäkter"),
    ("extraordinara_kostnader", "Extraordinära kostnader"),
    ("arets_resultat", "Årets resultat"),
    (
        "immateriella_anlaggningstillgangar",
        "Immateriella anläggningstillgångar",
    ),
    (
        "mark_byggnader_och_tekniska_anlaggningar",
        "Mark, byggnader och tekniska anläggningar",
    ),
    ("maskiner_och_inventarier", "Maskiner och inventarier"),
    (
        "ovriga_materiella_anlaggningstillgangar",
        "Övriga materiella anläggningstillgångar",
    ),
    (
        "summa_materiella_anlaggningstillgangar",
        "Summa materiella anläggningstillgångar",
    ),
    (
        "finansiella_anlaggningstillgangar",
        "Finansiella anläggningstillgångar",
    ),
    ("aktier_och_andelar", "Aktier och andelar"),
    ("langfristiga_fordringar", "Långfristiga fordringar"),
    ("summa_anlaggningstillgangar", "Summa anläggningstillgångar"),
    ("bidrag_till_infrastruktur", "Bidrag till infrastruktur"),
    ("forrad", "Förråd m.m."),
    ("fordringar", "Fordringar"),
    ("kortfristiga_placeringar", "Kortfristiga placeringar"),
    ("kassa_och_bank", "Kassa och bank"),
    ("summa_omsattningstillgangar", "Summa omsättningstillgångar"),
    ("summa_tillgangar", "Summa tillgångar"),
    ("ingaende_eget_kapital", "Eget kapital vid årets början"),
    (
        "resultatreserv",
        "Resultatutjämningsreserv / resultatreserv",
    ),
    ("ovrigt_eget_kapital", "Övrigt eget kapital"),
    ("summa_eget_kapital", "Summa eget kapital"),
    (
        "avsattningar_for_pensioner",
        "Avsättningar för pensioner och liknande förpliktelser",
    ),
    ("andra_avsattningar", "Andra avsättningar"),
    ("summa_avsattningar", "Summa avsättningar"),
    ("langfristiga_skulder", "Långfristiga skulder"),
    ("kortfristiga_skulder", "Kortfristiga skulder"),
    ("summa_skulder", "Summa skulder"),
    (
        "summa_eget_kapital_avsattningar_och_skulder",
        "Summa eget kapital, avsättningar och skulder",
    ),
    ("panter", "Panter och därmed jämförliga säkerheter"),
    (
        "pensionsforpliktelser_fore_1998",
        "Pensionsförpliktelser intjänade före 1998",
    ),
    ("sarskild_loneskatt", "därav särskild löneskatt"),
    ("borgensforbindelser", "Borgensförbindelser"),
    ("ovriga_ansvarsforbindelser", "Övriga ansvarsförbindelser"),
    ("soliditet", "Soliditet"),
];

/// Labels of the resultaträkning, normalized (see [`normalize`]), and their post.
const INCOME_LABELS: &[(&str, &str)] = &[
    ("verksamhetens intäkter", "verksamhetens_intakter"),
    ("verksamhetens kostnader", "verksamhetens_kostnader"),
    ("avskrivningar", "avskrivningar"),
    ("av och nedskrivningar", "avskrivningar"),
    ("avskrivningar och nedskrivningar", "avskrivningar"),
    ("nedskrivningar och avskrivningar", "avskrivningar"),
    (
        "verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    ("verksamhetens nettokostnad", "verksamhetens_nettokostnader"),
    (
        "summa verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    ("skatteintäkter", "skatteintakter"),
    (
        "generella statsbidrag och utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag och utjämningsbidrag",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "kommunalekonomisk utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "statsbidrag och utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    ("verksamhetens resultat", "verksamhetens_resultat"),
    ("finansiella intäkter", "finansiella_intakter"),
    ("finansiella kostnader", "finansiella_kostnader"),
    (
        "resultat efter finansiella poster",
        "resultat_efter_finansiella_poster",
    ),
    (
        "resultat före extraordinära poster",
        "resultat_efter_finansiella_poster",
    ),
    ("extraordinära poster", "extraordinara_poster"),
    ("extraordinära intäkter", "extraordinara_intakter"),
    ("extraordinära kostnader", "extraordinara_kostnader"),
    ("årets resultat", "arets_resultat"),
    ("periodens resultat", "arets_resultat"),
];

/// Labels of the balansräkning, normalized, and their post or sum. Sum labels without
/// "summa" ("ANLÄGGNINGSTILLGÅNGAR" with figures) are sums; without figures they are
/// headings.
const BALANCE_LABELS: &[(&str, &str)] = &[
    (
        "immateriella anläggningstillgångar",
        "immateriella_anlaggningstillgangar",
    ),
    (
        "mark byggnader och tekniska anläggningar",
        "mark_byggnader_och_tekniska_anlaggningar",
    ),
    ("maskiner och inventarier", "maskiner_och_inventarier"),
    (
        "övriga materiella anläggningstillgångar",
        "ovriga_materiella_anlaggningstillgangar",
    ),
    (
        "materiella anläggningstillgångar",
        "summa_materiella_anlaggningstillgangar",
    ),
    (
        "summa materiella anläggningstillgångar",
        "summa_materiella_anlaggningstillgangar",
    ),
    (
        "finansiella anläggningstillgångar",
        "finansiella_anlaggningstillgangar",
    ),
    ("aktier och andelar", "aktier_och_andelar"),
    ("aktier andelar och bostadsrätter", "aktier_och_andelar"),
    ("långfristiga fordringar", "langfristiga_fordringar"),
    ("anläggningstillgångar", "summa_anlaggningstillgangar"),
    ("summa anläggningstillgångar", "summa_anlaggningstillgangar"),
    ("bidrag till infrastruktur", "bidrag_till_infrastruktur"),
    (
        "bidrag till statlig infrastruktur",
        "bidrag_till_infrastruktur",
    ),
    (
        "bidrag till statliga infrastruktur",
        "bidrag_till_infrastruktur",
    ),
    ("förråd m m", "forrad"),
    ("förråd mm", "forrad"),
    ("förråd", "forrad"),
    ("förråd och exploateringstillgångar", "forrad"),
    ("förråd och exploatering", "forrad"),
    ("förråd och exploateringsfastigheter", "forrad"),
    ("fordringar", "fordringar"),
    ("kortfristiga fordringar", "fordringar"),
    ("kortfristiga placeringar", "kortfristiga_placeringar"),
    ("kassa och bank", "kassa_och_bank"),
    ("omsättningstillgångar", "summa_omsattningstillgangar"),
    ("summa omsättningstillgångar", "summa_omsattningstillgangar"),
    ("tillgångar", "summa_tillgangar"),
    ("summa tillgångar", "summa_tillgangar"),
    ("tillgångar totalt", "summa_tillgangar"),
    ("balansomslutning", "summa_tillgangar"),
    ("eget kapital vid årets början", "ingaende_eget_kapital"),
    ("eget kapital vid periodens början", "ingaende_eget_kapital"),
    ("ingående eget kapital", "ingaende_eget_kapital"),
    ("årets resultat", "arets_resultat"),
    ("årets resultat inklusive justering", "arets_resultat"),
    ("årets resultat inkl justering", "arets_resultat"),
    ("periodens resultat", "arets_resultat"),
    ("resultatutjämningsreserv", "resultatreserv"),
    ("resultatutjämningreserv", "resultatreserv"),
    ("resultatreserv", "resultatreserv"),
    ("övrigt eget kapital", "ovrigt_eget_kapital"),
    ("eget kapital", "summa_eget_kapital"),
    ("summa eget kapital", "summa_eget_kapital"),
    ("eget kapital vid årets slut", "summa_eget_kapital"),
    ("eget kapital vid periodens slut", "summa_eget_kapital"),
    ("utgående eget kapital", "summa_eget_kapital"),
    (
        "avsättningar för pensioner och liknande förpliktelser",
        "avsattningar_for_pensioner",
    ),
    (
        "pensioner och liknande förpliktelser",
        "avsattningar_for_pensioner",
    ),
    ("avsättningar för pensioner", "avsattningar_for_pensioner"),
    ("andra avsättningar", "andra_avsattningar"),
    ("övriga avsättningar", "andra_avsattningar"),
    ("avsättningar", "summa_avsattningar"),
    ("summa avsättningar", "summa_avsattningar"),
    ("långfristiga skulder", "langfristiga_skulder"),
    ("kortfristiga skulder", "kortfristiga_skulder"),
    ("skulder", "summa_skulder"),
    ("summa skulder", "summa_skulder"),
    (
        "eget kapital avsättningar och skulder",
        "summa_eget_kapital_avsattningar_och_skulder",
    ),
    (
        "summa eget kapital avsättningar och skulder",
        "summa_eget_kapital_avsattningar_och_skulder",
    ),
    ("panter och därmed jämförliga säkerheter", "panter"),
    ("ställda panter", "panter"),
    (
        "pensionsförpliktelser intjänade före 1998",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser intjänade före 1998 inkl särskild löneskatt",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser intjänade före 1998 inklusive särskild löneskatt",
        "pensionsforpliktelser_fore_1998",
    ),
    ("särskild löneskatt", "sarskild_loneskatt"),
    ("borgensförbindelser", "borgensforbindelser"),
    ("borgensåtaganden", "borgensforbindelser"),
    ("övriga ansvarsförbindelser", "ovriga_ansvarsforbindelser"),
    ("soliditet", "soliditet"),
];

/// Headings that carry no figures in either statement.
const HEADINGS: &[&str] = &[
    "eget kapital avsättningar och skulder",
    "panter och ansvarsförbindelser",
    "ansvarsförbindelser",
    "tillgångar",
];

/// A key ratio printed as a percent row: its labels (normalized), the terms of its
/// numerator and denominator (`true` subtracts) and the check it is.
struct RatioSpec {
    labels: &'static [&'static str],
    check: CheckKind,
    numerator: &'static [(&'static str, bool)],
    denominator: &'static [&'static str],
    /// How the formula reads in a finding.
    formula: &'static str,
}

/// The ratios recomputed when printed (percent rows, `"percent": true`).
const RATIOS: &[RatioSpec] = &[
    RatioSpec {
        labels: &["soliditet", "soliditet %"],
        check: CheckKind::EquityRatio,
        numerator: &[("summa_eget_kapital", false)],
        denominator: &["summa_tillgangar"],
        formula: "eget kapital / summa tillgångar",
    },
    RatioSpec {
        labels: &[
            "soliditet inklusive pensionsförpliktelser",
            "soliditet inkl pensionsförpliktelser",
            "soliditet inklusive samtliga pensionsförpliktelser",
            "soliditet inkl samtliga pensionsförpliktelser",
            "soliditet inklusive pensionsförpliktelser %",
            "soliditet inkl pensionsförpliktelser %",
        ],
        check: CheckKind::EquityRatioIncludingPensions,
        numerator: &[
            ("summa_eget_kapital", false),
            ("pensionsforpliktelser_fore_1998", true),
        ],
        denominator: &["summa_tillgangar"],
        formula: "(eget kapital − pensionsförpliktelser före 1998) / summa tillgångar",
    },
    RatioSpec {
        labels: &["skuldsättningsgrad", "skuldsättningsgrad %"],
        check: CheckKind::DebtRatio,
        numerator: &[("summa_avsattningar", false), ("summa_skulder", false)],
        denominator: &["summa_tillgangar"],
        formula: "(avsättningar + skulder) / summa tillgångar",
    },
    RatioSpec {
        labels: &["kassalikviditet", "kassalikviditet %"],
        check: CheckKind::QuickRatio,
        numerator: &[("summa_omsattningstillgangar", false), ("forrad", true)],
        denominator: &["kortfristiga_skulder"],
        formula: "(omsättningstillgångar − förråd) / kortfristiga skulder",
    },
    RatioSpec {
        labels: &["balanslikviditet", "balanslikviditet %"],
        check: CheckKind::CurrentRatio,
        numerator: &[("summa_omsattningstillgangar", false)],
        denominator: &["kortfristiga_skulder"],
        formula: "omsättningstillgångar / kortfristiga skulder",
    },
];

fn ratio_spec(norm: &str) -> Option<&'static RatioSpec> {
    RATIOS.iter().find(|r| r.labels.contains(&norm))
}

/// Sums of the resultaträkning: (sum, parts). Cumulative, as printed.
const INCOME_SUMS: &[(&str, &[&str])] = &[
    (
        "verksamhetens_nettokostnader",
        &[
            "verksamhetens_intakter",
            "verksamhetens_kostnader",
            "avskrivningar",
        ],
    ),
    (
        "verksamhetens_resultat",
        &[
            "verksamhetens_nettokostnader",
            "skatteintakter",
            "generella_statsbidrag_och_utjamning",
        ],
    ),
    (
        "resultat_efter_finansiella_poster",
        &[
            "verksamhetens_resultat",
            "finansiella_intakter",
            "finansiella_kostnader",
        ],
    ),
    (
        "arets_resultat",
        &[
            "resultat_efter_finansiella_poster",
            "extraordinara_poster",
            "extraordinara_intakter",
            "extraordinara_kostnader",
        ],
    ),
];

/// Sums of the balansräkning: (sum, parts). Summa eget kapital is handled apart (its
/// presentation varies).
const BALANCE_SUMS: &[(&str, &[&str])] = &[
    (
        "summa_materiella_anlaggningstillgangar",
        &[
            "mark_byggnader_och_tekniska_anlaggningar",
            "maskiner_och_inventarier",
            "ovriga_materiella_anlaggningstillgangar",
        ],
    ),
    (
        "summa_anlaggningstillgangar",
        &[
            "immateriella_anlaggningstillgangar",
            "summa_materiella_anlaggningstillgangar",
            "finansiella_anlaggningstillgangar",
        ],
    ),
    (
        "summa_omsattningstillgangar",
        &[
            "forrad",
            "fordringar",
            "kortfristiga_placeringar",
            "kassa_och_bank",
        ],
    ),
    (
        "summa_tillgangar",
        &[
            "summa_anlaggningstillgangar",
            "bidrag_till_infrastruktur",
            "summa_omsattningstillgangar",
        ],
    ),
    (
        "summa_avsattningar",
        &["avsattningar_for_pensioner", "andra_avsattningar"],
    ),
    (
        "summa_skulder",
        &["langfristiga_skulder", "kortfristiga_skulder"],
    ),
    (
        "summa_eget_kapital_avsattningar_och_skulder",
        &["summa_eget_kapital", "summa_avsattningar", "summa_skulder"],
    ),
];

fn name_of(id: &str) -> &str {
    NAMES
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, name)| name)
}

/// A label in a comparable form: lowercase, leading dashes and bullets removed,
/// punctuation and hyphens as spaces, "(netto)" dropped, white space collapsed.
///
/// ```
/// use kommunal_redovisning::check::normalize;
/// assert_eq!(normalize("– resultatutjämningreserv"), "resultatutjämningreserv");
/// assert_eq!(normalize("Av- och nedskrivningar"), "av och nedskrivningar");
/// assert_eq!(normalize("EGET KAPITAL, vid årets början"), "eget kapital vid årets början");
/// assert_eq!(normalize("Extraordinära poster (netto)"), "extraordinära poster");
/// ```
#[must_use]
#[doc(alias = "rubrik")]
pub fn normalize(label: &str) -> String {
    let lower = label.to_lowercase().replace("(netto)", " ");
    let cleaned: String = lower
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '%' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    words.join(" ")
}

/// A statement with its rows placed on posts.
struct Placed<'a> {
    statement: &'a PrintedStatement,
    /// Post id → (row index, printed values normalised to one per column).
    posts: BTreeMap<&'static str, (usize, Vec<Option<Decimal>>)>,
    /// Posts printed as "varav …" (not part of their parent's sum).
    of_which: Vec<&'static str>,
    /// One unit of the last printed decimal, e.g. 1 (tkr) or 0.1 (mnkr, one decimal).
    step: Decimal,
    findings: Vec<Finding>,
}

fn lookup(kind: StatementKind, norm: &str) -> Option<&'static str> {
    let table = match kind {
        StatementKind::IncomeStatement => INCOME_LABELS,
        StatementKind::BalanceSheet => BALANCE_LABELS,
    };
    table.iter().find(|(l, _)| *l == norm).map(|(_, id)| *id)
}

impl<'a> Placed<'a> {
    fn new(statement: &'a PrintedStatement) -> Self {
        let decimals = statement.decimals.unwrap_or_else(|| {
            statement
                .rows
                .iter()
                .filter(|r| !r.percent)
                .flat_map(|r| r.values.iter().flatten())
                .map(|v| v.normalize().scale())
                .max()
                .unwrap_or(0)
        });
        let mut p = Placed {
            statement,
            posts: BTreeMap::new(),
            of_which: Vec::new(),
            step: Decimal::new(1, decimals.min(28)),
            findings: Vec::new(),
        };
        p.place();
        p
    }

    fn finding(&self, check: CheckKind, class: FindingClass, row: &str) -> Finding {
        Finding {
            statement: Some(self.statement.statement),
            check,
            class,
            row: row.to_owned(),
            column: None,
            unit: self.statement.unit,
            printed: None,
            expected: None,
            difference: None,
            tolerance: None,
            message: String::new(),
        }
    }

    fn place(&mut self) {
        let kind = self.statement.statement;
        let n = self.statement.columns.len();
        for (index, row) in self.statement.rows.iter().enumerate() {
            let mut values = row.values.clone();
            if values.len() != n {
                let mut f = self.finding(CheckKind::ValueCount, FindingClass::Error, &row.label);
                f.message = format!(
                    "raden har {} värden men tabellen har {n} kolumner; värden utöver kolumnerna räknas inte och saknade räknas som tomma",
                    values.len()
                );
                self.findings.push(f);
                values.resize(n, None);
            }
            let blank = values.iter().all(Option::is_none);
            let mut norm = normalize(&row.label);
            // "varav …"/"därav …" in the label: a part that is not added to its parent.
            let mut varav = false;
            for prefix in ["varav ", "därav ", "varav", "därav"] {
                if let Some(rest) = norm.strip_prefix(prefix) {
                    norm = rest.trim().to_owned();
                    varav = true;
                    break;
                }
            }
            let of_which = varav || row.kind == StatementRowKind::OfWhich;
            if blank {
                // A row without figures is a heading; there is nothing to check.
                continue;
            }
            let id = if row.percent {
                ratio_spec(&norm).map(|r| r.check.ratio_id())
            } else {
                lookup(kind, &norm).filter(|id| *id != "soliditet")
            };
            let Some(id) = id else {
                if of_which {
                    // A "varav" specification of something: printed for information.
                    continue;
                }
                let mut f =
                    self.finding(CheckKind::UnplacedRow, FindingClass::Unplaced, &row.label);
                f.message = if HEADINGS.contains(&norm.as_str()) {
                    "en rubrik med belopp: raden ingår inte i kontrollerna".to_owned()
                } else {
                    format!(
                        "raden motsvarar ingen post i uppställningen för {}; den ingår inte i kontrollerna",
                        kind.label()
                    )
                };
                self.findings.push(f);
                continue;
            };
            if self.posts.contains_key(id) {
                let mut f =
                    self.finding(CheckKind::DuplicateRow, FindingClass::Unplaced, &row.label);
                f.message = format!(
                    "posten {} är tryckt två gånger; den första raden används i kontrollerna",
                    name_of(id)
                );
                self.findings.push(f);
                continue;
            }
            if varav {
                self.of_which.push(id);
            }
            self.posts.insert(id, (index, values));
        }
    }

    fn value(&self, id: &str, column: usize) -> Option<Decimal> {
        self.posts
            .get(id)
            .and_then(|(_, v)| v.get(column).copied().flatten())
    }

    fn label(&self, id: &str) -> String {
        self.posts
            .get(id)
            .and_then(|(i, _)| self.statement.rows.get(*i))
            .map_or_else(|| name_of(id).to_owned(), |r| r.label.clone())
    }

    fn column_label(&self, column: usize) -> Option<String> {
        self.statement.columns.get(column).map(|c| c.label.clone())
    }

    fn sums(&self) -> &'static [(&'static str, &'static [&'static str])] {
        match self.statement.statement {
            StatementKind::IncomeStatement => INCOME_SUMS,
            StatementKind::BalanceSheet => BALANCE_SUMS,
        }
    }

    /// The parts of a sum, with "summa eget kapital" following the presentation.
    fn parts(&self, id: &str) -> Vec<&'static str> {
        if id == "summa_eget_kapital" {
            if self.posts.contains_key("ingaende_eget_kapital") {
                return vec!["ingaende_eget_kapital", "arets_resultat"];
            }
            let mut parts = vec!["arets_resultat"];
            if !self.of_which.contains(&"resultatreserv") {
                parts.push("resultatreserv");
            }
            parts.push("ovrigt_eget_kapital");
            return parts;
        }
        self.sums()
            .iter()
            .find(|(s, _)| *s == id)
            .map_or_else(Vec::new, |(_, p)| p.to_vec())
    }

    /// Adds the printed terms that make up `id` in `column`: the printed value when
    /// there is one, else its parts (recursively). Returns `false` on overflow.
    fn collect(
        &self,
        id: &'static str,
        column: usize,
        depth: u8,
        terms: &mut Vec<(Decimal, &'static str)>,
    ) -> bool {
        if let Some(v) = self.value(id, column) {
            terms.push((v, id));
            return true;
        }
        if depth > 8 {
            return true;
        }
        for part in self.parts(id) {
            if !self.collect(part, column, depth.saturating_add(1), terms) {
                return false;
            }
        }
        true
    }

    /// Compares a printed figure with the sum of printed terms and records a finding.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        check: CheckKind,
        row: String,
        column: usize,
        printed: Decimal,
        terms: &[Decimal],
        what: &str,
    ) {
        let Some(expected) = terms
            .iter()
            .try_fold(Decimal::ZERO, |a, t| a.checked_add(*t))
        else {
            let mut f = self.finding(check, FindingClass::Error, &row);
            f.column = self.column_label(column);
            f.message = format!("{what}: beloppen är för stora för att summeras");
            self.findings.push(f);
            return;
        };
        let Some(difference) = printed.checked_sub(expected) else {
            return;
        };
        if difference.is_zero() {
            return;
        }
        let count = u32::try_from(terms.len().saturating_add(1)).unwrap_or(u32::MAX);
        let tolerance = half(self.step)
            .checked_mul(Decimal::from(count))
            .unwrap_or(Decimal::MAX);
        let class = if difference.abs() <= tolerance {
            FindingClass::Rounding
        } else {
            FindingClass::Error
        };
        let fmt = self.format();
        let mut f = self.finding(check, class, &row);
        f.column = self.column_label(column);
        f.printed = Some(printed);
        f.expected = Some(expected);
        f.difference = Some(difference);
        f.tolerance = Some(tolerance);
        f.message = format!(
            "tryckt {}, {what} {}, differens {} {unit} ({}: {count} avrundade tal ger högst ±{} {unit})",
            fmt.decimal(printed),
            fmt.decimal(expected),
            fmt.decimal(difference),
            if class == FindingClass::Rounding {
                "avrundning"
            } else {
                "för stor för avrundning"
            },
            fmt.with_decimals(self.format_decimals().saturating_add(1))
                .decimal(tolerance),
            unit = self.statement.unit,
        );
        self.findings.push(f);
    }

    /// When the finding just added (if any) is an error that disappears once some
    /// terms change sign, says so: costs printed without their minus sign are a
    /// common presentation, not an arithmetic error.
    fn add_sign_hint(&mut self, before: usize, terms: &[(Decimal, &'static str)]) {
        const COSTS: [&str; 4] = [
            "verksamhetens_kostnader",
            "avskrivningar",
            "finansiella_kostnader",
            "extraordinara_kostnader",
        ];
        if self.findings.len() != before.saturating_add(1) {
            return;
        }
        let labels: Vec<String> = terms.iter().map(|(_, id)| self.label(id)).collect();
        let Some(f) = self.findings.last_mut() else {
            return;
        };
        let (FindingClass::Error, Some(d), Some(tol)) = (f.class, f.difference, f.tolerance) else {
            return;
        };
        let fits = |flip: &[usize]| -> bool {
            let mut d2 = d;
            for i in flip {
                let Some((t, _)) = terms.get(*i) else {
                    return false;
                };
                match t.checked_mul(Decimal::TWO).and_then(|x| d2.checked_add(x)) {
                    Some(v) => d2 = v,
                    None => return false,
                }
            }
            d2.abs() <= tol
        };
        let costs: Vec<usize> = terms
            .iter()
            .enumerate()
            .filter(|(_, (v, id))| COSTS.contains(id) && v.is_sign_positive() && !v.is_zero())
            .map(|(i, _)| i)
            .collect();
        let names = |idx: &[usize]| -> String {
            idx.iter()
                .filter_map(|i| labels.get(*i).cloned())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !costs.is_empty() && fits(&costs) {
            f.message.push_str(&format!(
                "; summan stämmer om {} räknas som negativa (kostnader tryckta utan minustecken?)",
                names(&costs)
            ));
        } else if let Some(i) = (0..terms.len()).find(|i| fits(&[*i])) {
            f.message.push_str(&format!(
                "; summan stämmer om tecknet på {} vänds",
                names(&[i])
            ));
        }
    }

    fn format_decimals(&self) -> u32 {
        self.step.scale()
    }

    fn format(&self) -> NumberFormat {
        NumberFormat::swedish()
            .with_group_separator(Some(' '))
            .with_decimals(self.format_decimals())
    }

    fn check_sums(&mut self) {
        let columns = self.statement.columns.len();
        let mut ids: Vec<&'static str> = self.sums().iter().map(|(s, _)| *s).collect();
        if self.statement.statement == StatementKind::BalanceSheet {
            ids.insert(4, "summa_eget_kapital");
        }
        for id in ids {
            let movement =
                id == "summa_eget_kapital" && self.posts.contains_key("ingaende_eget_kapital");
            for column in 0..columns {
                let Some(printed) = self.value(id, column) else {
                    continue;
                };
                let mut terms = Vec::new();
                let mut ok = true;
                for part in self.parts(id) {
                    ok &= self.collect(part, column, 0, &mut terms);
                }
                if !ok || terms.is_empty() {
                    continue;
                }
                let (check, what) = if movement {
                    (
                        CheckKind::EquityMovement,
                        "eget kapital vid årets början + årets resultat",
                    )
                } else {
                    (CheckKind::Sum, "summan av raderna")
                };
                let values: Vec<Decimal> = terms.iter().map(|(v, _)| *v).collect();
                let before = self.findings.len();
                self.compare(check, self.label(id), column, printed, &values, what);
                self.add_sign_hint(before, &terms);
            }
        }
        // Grästorp's form: eget kapital vid årets slut, split into the reserve and
        // övrigt eget kapital (which then includes årets resultat).
        if self.statement.statement == StatementKind::BalanceSheet
            && self.posts.contains_key("ingaende_eget_kapital")
        {
            for column in 0..columns {
                let (Some(printed), Some(reserve), Some(other)) = (
                    self.value("summa_eget_kapital", column),
                    self.value("resultatreserv", column),
                    self.value("ovrigt_eget_kapital", column),
                ) else {
                    continue;
                };
                self.compare(
                    CheckKind::Breakdown,
                    self.label("summa_eget_kapital"),
                    column,
                    printed,
                    &[reserve, other],
                    "resultatutjämningsreserv + övrigt eget kapital",
                );
            }
        }
        // Breakdown of finansiella anläggningstillgångar.
        if self.statement.statement == StatementKind::BalanceSheet {
            for column in 0..columns {
                let Some(printed) = self.value("finansiella_anlaggningstillgangar", column) else {
                    continue;
                };
                let terms: Vec<Decimal> = ["aktier_och_andelar", "langfristiga_fordringar"]
                    .iter()
                    .filter_map(|id| self.value(id, column))
                    .collect();
                if terms.is_empty() {
                    continue;
                }
                self.compare(
                    CheckKind::Breakdown,
                    self.label("finansiella_anlaggningstillgangar"),
                    column,
                    printed,
                    &terms,
                    "summan av specifikationen",
                );
            }
        }
    }

    fn check_balance(&mut self) {
        if self.statement.statement != StatementKind::BalanceSheet {
            return;
        }
        for column in 0..self.statement.columns.len() {
            let (Some(assets), Some(claims)) = (
                self.value("summa_tillgangar", column),
                self.value("summa_eget_kapital_avsattningar_och_skulder", column),
            ) else {
                continue;
            };
            self.compare(
                CheckKind::Balance,
                self.label("summa_tillgangar"),
                column,
                assets,
                &[claims],
                "summa eget kapital, avsättningar och skulder",
            );
        }
    }

    /// Eget kapital vid årets början against the previous column's closing equity.
    fn check_opening_equity(&mut self) {
        if !self.posts.contains_key("ingaende_eget_kapital") {
            return;
        }
        let years: Vec<Option<i32>> = self.statement.columns.iter().map(column_year).collect();
        for (column, year) in years.iter().enumerate() {
            let Some(year) = year else { continue };
            let Some(previous) = years
                .iter()
                .position(|y| *y == Some(year.saturating_sub(1)))
            else {
                continue;
            };
            let (Some(opening), Some(closing)) = (
                self.value("ingaende_eget_kapital", column),
                self.value("summa_eget_kapital", previous),
            ) else {
                continue;
            };
            let what = format!(
                "eget kapital vid årets slut i kolumnen {}",
                self.column_label(previous).unwrap_or_default()
            );
            self.compare(
                CheckKind::OpeningEquity,
                self.label("ingaende_eget_kapital"),
                column,
                opening,
                &[closing],
                &what,
            );
        }
    }

    /// Printed `value` against `base × factor`, each printed figure rounded to `step`
    /// (the value to `value_step`).
    #[allow(clippy::too_many_arguments)]
    fn compare_ratio(
        &mut self,
        check: CheckKind,
        row: String,
        column: usize,
        printed: Decimal,
        value_step: Decimal,
        corners: [Option<Decimal>; 4],
        exact: Option<Decimal>,
        what: &str,
    ) {
        let Some(expected) = exact else { return };
        let decimals = value_step.scale();
        let mode = crate::RoundingMode::HalfAwayFromZero;
        if mode.round(expected, decimals) == printed {
            return;
        }
        let lo = corners.iter().flatten().min().copied();
        let hi = corners.iter().flatten().max().copied();
        let half_step = half(value_step);
        let class = match (lo, hi) {
            (Some(lo), Some(hi))
                if printed.checked_add(half_step).is_some_and(|p| p >= lo)
                    && printed.checked_sub(half_step).is_some_and(|p| p <= hi) =>
            {
                FindingClass::Rounding
            }
            _ => FindingClass::Error,
        };
        let shown = decimals.saturating_add(2);
        let fmt = NumberFormat::swedish()
            .with_group_separator(Some(' '))
            .with_decimals(shown);
        let difference = printed.checked_sub(expected);
        let mut f = self.finding(check, class, &row);
        f.column = self.column_label(column);
        f.printed = Some(printed);
        f.expected = Some(expected.round_dp(shown));
        f.difference = difference.map(|d| d.round_dp(shown));
        f.message = format!(
            "tryckt {}, {what} {} ({})",
            NumberFormat::swedish()
                .with_group_separator(Some(' '))
                .with_decimals(decimals)
                .decimal(printed),
            fmt.decimal(expected),
            if class == FindingClass::Rounding {
                "ryms inom avrundningen av de tryckta beloppen"
            } else {
                "kan inte förklaras av avrundning"
            }
        );
        self.findings.push(f);
    }

    fn check_special_payroll_tax(&mut self) {
        let Some(rate) = Decimal::ONE_HUNDRED
            .checked_add(SPECIAL_PAYROLL_TAX_RATE)
            .and_then(|g| SPECIAL_PAYROLL_TAX_RATE.checked_div(g))
        else {
            return;
        };
        let h = half(self.step);
        for column in 0..self.statement.columns.len() {
            let (Some(tax), Some(total)) = (
                self.value("sarskild_loneskatt", column),
                self.value("pensionsforpliktelser_fore_1998", column),
            ) else {
                continue;
            };
            let corners = [
                total.checked_sub(h).and_then(|t| t.checked_mul(rate)),
                total.checked_add(h).and_then(|t| t.checked_mul(rate)),
                None,
                None,
            ];
            let what = format!("beräknat 24,26/124,26 × {} =", self.format().decimal(total));
            self.compare_ratio(
                CheckKind::SpecialPayrollTax,
                self.label("sarskild_loneskatt"),
                column,
                tax,
                self.step,
                corners,
                total.checked_mul(rate),
                &what,
            );
        }
    }

    /// The interval of `Σ ± terms` when every printed term may be off by half a step;
    /// `None` when a term that must be there is missing.
    fn interval(
        &self,
        terms: &[(&str, bool)],
        column: usize,
    ) -> Option<(Decimal, Decimal, Decimal)> {
        let h = half(self.step);
        let (mut exact, mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (i, (id, subtract)) in terms.iter().enumerate() {
            let Some(v) = self.value(id, column) else {
                if i == 0 {
                    return None;
                }
                continue; // a post not printed is zero
            };
            let (v_lo, v_hi) = (v.checked_sub(h)?, v.checked_add(h)?);
            if *subtract {
                exact = exact.checked_sub(v)?;
                lo = lo.checked_sub(v_hi)?;
                hi = hi.checked_sub(v_lo)?;
            } else {
                exact = exact.checked_add(v)?;
                lo = lo.checked_add(v_lo)?;
                hi = hi.checked_add(v_hi)?;
            }
        }
        Some((exact, lo, hi))
    }

    fn check_ratios(&mut self) {
        for spec in RATIOS {
            let Some((index, values)) = self.posts.get(spec.check.ratio_id()).cloned() else {
                continue;
            };
            let denominator: Vec<(&str, bool)> =
                spec.denominator.iter().map(|d| (*d, false)).collect();
            for (column, printed) in values.iter().enumerate() {
                let Some(printed) = *printed else { continue };
                let (Some(num), Some(den)) = (
                    self.interval(spec.numerator, column),
                    self.interval(&denominator, column),
                ) else {
                    continue;
                };
                let percent = |n: Decimal, d: Decimal| -> Option<Decimal> {
                    if d <= Decimal::ZERO {
                        return None;
                    }
                    n.checked_div(d)?.checked_mul(Decimal::ONE_HUNDRED)
                };
                let corners = if den.1 <= Decimal::ZERO {
                    // The rounded denominator could be zero: anything is possible.
                    [Some(Decimal::MIN), Some(Decimal::MAX), None, None]
                } else {
                    [
                        percent(num.1, den.1),
                        percent(num.1, den.2),
                        percent(num.2, den.1),
                        percent(num.2, den.2),
                    ]
                };
                let step = Decimal::new(1, printed.scale().min(28));
                let what = format!(
                    "beräknat {} = {} / {} =",
                    spec.formula,
                    self.format().decimal(num.0),
                    self.format().decimal(den.0)
                );
                let label = self
                    .statement
                    .rows
                    .get(index)
                    .map_or_else(|| spec.check.label().to_owned(), |r| r.label.clone());
                self.compare_ratio(
                    spec.check,
                    label,
                    column,
                    printed,
                    step,
                    corners,
                    percent(num.0, den.0),
                    &what,
                );
            }
        }
    }
}

fn half(step: Decimal) -> Decimal {
    step.checked_div(Decimal::TWO).unwrap_or(step)
}

/// The year of a column of outcomes, read from its label ("2019", "2020-12-31",
/// "Utfall 2019"); `None` for budget, forecast and deviation columns.
fn column_year(column: &Column) -> Option<i32> {
    if matches!(
        column.kind,
        ColumnKind::Budget | ColumnKind::Forecast | ColumnKind::Deviation
    ) {
        return None;
    }
    let lower = column.label.to_lowercase();
    if ["budget", "prognos", "avvikelse", "plan"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let digits: Vec<char> = lower.chars().collect();
    digits.windows(4).find_map(|w| {
        if w.iter().all(char::is_ascii_digit) {
            w.iter().collect::<String>().parse().ok()
        } else {
            None
        }
    })
}

/// Checks one printed statement: every subtotal and total against its printed parts,
/// the balance, the movement and split of eget kapital, breakdowns, särskild
/// löneskatt and soliditet; rows that cannot be placed are reported.
///
/// # Example
///
/// ```
/// use kommunal_redovisning::check::{check_statement, CheckKind, FindingClass, PrintedRow, PrintedStatement, StatementKind};
/// use kommunal_redovisning::present::Column;
/// use kommunal_redovisning::statement::StatementRowKind;
/// use kommunal_redovisning::Scale;
/// use kommunal_redovisning::Decimal;
///
/// let row = |label: &str, kind, v: i64| PrintedRow {
///     label: label.into(), kind, note: None, percent: false, values: vec![Some(Decimal::from(v))],
/// };
/// let rs = PrintedStatement {
///     statement: StatementKind::IncomeStatement,
///     entity: None, source: None, unit: Scale::Tkr, decimals: None,
///     columns: vec![Column::outcome("2019")],
///     rows: vec![
///         row("Verksamhetens intäkter", StatementRowKind::Line, 101_282),
///         row("Verksamhetens kostnader", StatementRowKind::Line, -417_698),
///         row("Av- och nedskrivningar", StatementRowKind::Line, -14_879),
///         row("VERKSAMHETENS NETTOKOSTNADER", StatementRowKind::Subtotal, -331_296),
///     ],
/// };
/// let findings = check_statement(&rs);
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].check, CheckKind::Sum);
/// assert_eq!(findings[0].class, FindingClass::Rounding); // 1 tkr off, 4 rounded figures
/// assert_eq!(findings[0].difference, Some(Decimal::from(-1)));
/// ```
#[must_use]
#[doc(alias = "granska")]
pub fn check_statement(statement: &PrintedStatement) -> Vec<Finding> {
    let mut placed = Placed::new(statement);
    placed.check_sums();
    placed.check_balance();
    placed.check_opening_equity();
    placed.check_special_payroll_tax();
    placed.check_ratios();
    placed.findings
}

/// Checks every statement of a report ([`check_statement`]) and then compares them:
/// årets resultat in each resultaträkning against årets resultat in each
/// balansräkning, for every year both print (columns matched by the year in their
/// label; budget columns are left out). Two printed figures of the same amount may
/// differ by rounding by at most one unit.
#[must_use]
#[doc(alias = "granska rapport")]
pub fn check_report(report: &PrintedReport) -> Vec<Finding> {
    let mut findings = Vec::new();
    for s in &report.statements {
        findings.extend(check_statement(s));
    }
    let placed: Vec<Placed<'_>> = report.statements.iter().map(Placed::new).collect();
    for rs in placed
        .iter()
        .filter(|p| p.statement.statement == StatementKind::IncomeStatement)
    {
        for br in placed
            .iter()
            .filter(|p| p.statement.statement == StatementKind::BalanceSheet)
        {
            findings.extend(compare_results(rs, br));
        }
    }
    findings
}

/// Årets resultat in a resultaträkning against a balansräkning, year by year.
fn compare_results(rs: &Placed<'_>, br: &Placed<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let (rs_unit, br_unit) = (rs.statement.unit.factor(), br.statement.unit.factor());
    for (rc, rcol) in rs.statement.columns.iter().enumerate() {
        let Some(year) = column_year(rcol) else {
            continue;
        };
        let Some(bc) = br
            .statement
            .columns
            .iter()
            .position(|c| column_year(c) == Some(year))
        else {
            continue;
        };
        let (Some(a), Some(b)) = (
            rs.value("arets_resultat", rc),
            br.value("arets_resultat", bc),
        ) else {
            continue;
        };
        // Both in the resultaträkning's unit.
        let Some(b) = b
            .checked_mul(br_unit)
            .and_then(|kr| kr.checked_div(rs_unit))
        else {
            continue;
        };
        let Some(difference) = a.checked_sub(b) else {
            continue;
        };
        if difference.is_zero() {
            continue;
        }
        let step_br = br
            .step
            .checked_mul(br_unit)
            .and_then(|kr| kr.checked_div(rs_unit))
            .unwrap_or(br.step);
        // One and the same exact figure, printed twice at the same precision, rounds to
        // the same printed value: any difference is an error. Only when the two tables
        // print at different precisions (tkr and mnkr, say) can rounding explain it.
        let tolerance = if rs.step == step_br {
            Decimal::ZERO
        } else {
            half(rs.step)
                .checked_add(half(step_br))
                .unwrap_or(Decimal::MAX)
        };
        let class = if difference.abs() <= tolerance {
            FindingClass::Rounding
        } else {
            FindingClass::Error
        };
        let fmt = rs.format();
        out.push(Finding {
            statement: None,
            check: CheckKind::ResultAgreement,
            class,
            row: rs.label("arets_resultat"),
            column: Some(year.to_string()),
            unit: rs.statement.unit,
            printed: Some(a),
            expected: Some(b),
            difference: Some(difference),
            tolerance: Some(tolerance),
            message: format!(
                "årets resultat {year} är {} {} i resultaträkningen men {} i balansräkningen ({}), \
                 differens {} ({})",
                fmt.decimal(a),
                rs.statement.unit,
                fmt.decimal(b),
                br.label("arets_resultat"),
                fmt.decimal(difference),
                if class == FindingClass::Rounding {
                    "tabellerna har olika precision; skillnaden ryms inom avrundningen"
                } else if tolerance.is_zero() {
                    "samma belopp med samma precision ska tryckas lika; avrundning förklarar inte skillnaden"
                } else {
                    "för stor för avrundning"
                }
            ),
        });
    }
    out
}

/// Reads a printed value: `"– 423 231"`, `"−1 036,6"`, `"(512)"`, `"44,3 %"`,
/// `"-423231"`; an empty string or a lone dash is an empty cell.
///
/// # Errors
///
/// [`crate::Error::InvalidNumber`] for anything else.
///
/// ```
/// use kommunal_redovisning::check::parse_printed;
/// use kommunal_redovisning::Decimal;
/// assert_eq!(parse_printed("– 423 231")?, Some(Decimal::from(-423_231)));
/// assert_eq!(parse_printed("\u{2212}1\u{a0}036,6")?, Some(Decimal::new(-10_366, 1)));
/// assert_eq!(parse_printed("(512)")?, Some(Decimal::from(-512)));
/// assert_eq!(parse_printed("44,3 %")?, Some(Decimal::new(443, 1)));
/// assert_eq!(parse_printed("–")?, None);
/// assert!(parse_printed("12 tkr").is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "tryckt belopp")]
pub fn parse_printed(text: &str) -> crate::Result<Option<Decimal>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || ["-", "–", "—", "−"].contains(&trimmed) {
        return Ok(None);
    }
    let mut body: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    if let Some(b) = body.strip_suffix('%') {
        body = b.to_owned();
    }
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        body = inner.to_owned();
        negative = true;
    }
    for minus in ['-', '–', '—', '−'] {
        if let Some(rest) = body.strip_prefix(minus) {
            body = rest.to_owned();
            negative = !negative;
            break;
        }
    }
    if let Some(rest) = body.strip_prefix('+') {
        body = rest.to_owned();
    }
    if body.contains(',') && body.contains('.') {
        return Err(crate::Error::InvalidNumber {
            input: text.to_owned(),
            reason: "both a decimal comma and a point".to_owned(),
        });
    }
    let canonical = body.replace(',', ".");
    let value = parse_canonical_decimal(&canonical).map_err(|_| crate::Error::InvalidNumber {
        input: text.to_owned(),
        reason: "expected a printed number such as \"– 423 231\" or \"1 036,6\"".to_owned(),
    })?;
    Ok(Some(if negative { -value } else { value }))
}

#[cfg(feature = "serde")]
mod printed_values {
    //! Serde for `Vec<Option<Decimal>>` as printed values: strings (tolerant),
    //! integers, `null`; floats refused.

    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, Deserializer, SeqAccess, Visitor};
    use serde::ser::{SerializeSeq, Serializer};

    pub fn serialize<S: Serializer>(values: &[Option<Decimal>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(values.len()))?;
        for v in values {
            seq.serialize_element(&v.map(|d| d.to_string()))?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        d.deserialize_seq(Values)
    }

    struct Values;

    impl<'de> Visitor<'de> for Values {
        type Value = Vec<Option<Decimal>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of printed values")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(Cell(v)) = seq.next_element()? {
                out.push(v);
            }
            Ok(out)
        }
    }

    struct Cell(Option<Decimal>);

    impl<'de> serde::Deserialize<'de> for Cell {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(CellVisitor).map(Cell)
        }
    }

    struct CellVisitor;

    impl<'de> Visitor<'de> for CellVisitor {
        type Value = Option<Decimal>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a printed value as a string (\"– 423 231\"), an integer or null")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            super::parse_printed(v).map_err(E::custom)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Err(E::custom(format_args!(
                "refusing the JSON number {v}: numbers with decimals pass through binary \
                 floating point; write the value as printed, e.g. \"{v}\""
            )))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_variants() {
        for (printed, id) in [
            ("Av- och nedskrivningar", "avskrivningar"),
            (
                "Generella statsbidrag och utjämningsbidrag",
                "generella_statsbidrag_och_utjamning",
            ),
            (
                "Resultat före extraordinära poster",
                "resultat_efter_finansiella_poster",
            ),
            ("Extraordinära poster (netto)", "extraordinara_poster"),
            ("ÅRETS RESULTAT", "arets_resultat"),
        ] {
            assert_eq!(
                lookup(StatementKind::IncomeStatement, &normalize(printed)),
                Some(id)
            );
        }
        for (printed, id) in [
            (
                "Bidrag till statlig infrastruktur",
                "bidrag_till_infrastruktur",
            ),
            ("Förråd och exploateringstillgångar", "forrad"),
            ("Förråd m.m.", "forrad"),
            ("– resultatutjämningreserv", "resultatreserv"),
            ("– övrigt eget kapital", "ovrigt_eget_kapital"),
            ("EGET KAPITAL, vid årets början", "ingaende_eget_kapital"),
            ("Årets resultat, inklusive justering", "arets_resultat"),
            (
                "Pensioner och liknande förpliktelser",
                "avsattningar_for_pensioner",
            ),
            (
                "SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER",
                "summa_eget_kapital_avsattningar_och_skulder",
            ),
        ] {
            assert_eq!(
                lookup(StatementKind::BalanceSheet, &normalize(printed)),
                Some(id),
                "{printed}"
            );
        }
    }

    #[test]
    fn column_years() {
        assert_eq!(column_year(&Column::outcome("2020-12-31")), Some(2020));
        assert_eq!(column_year(&Column::outcome("Utfall 2019")), Some(2019));
        assert_eq!(column_year(&Column::outcome("Budget 2019")), None);
        assert_eq!(column_year(&Column::budget("2019")), None);
        assert_eq!(column_year(&Column::outcome("Utfall")), None);
    }

    #[test]
    fn printed_numbers() {
        assert_eq!(
            parse_printed("1 234,50").unwrap(),
            Some(Decimal::new(123_450, 2))
        );
        assert_eq!(parse_printed("(5)").unwrap(), Some(Decimal::from(-5)));
        assert!(parse_printed("1,234.5").is_err());
        assert!(parse_printed("abc").is_err());
        assert_eq!(parse_printed("  ").unwrap(), None);
    }
}
