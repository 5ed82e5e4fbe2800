//! Noter (LKBR 9 kap.; RKR R3, R4, R10, R17): notes as data — each a schedule with its
//! own arithmetic, one column per year (and kommun/koncern), tied to the statement
//! line that refers to it by number.
//!
//! - [`Note`]: number, kind, title, text, columns and a [`NoteBody`]; validated
//!   ([`Note::validate`]: bad input refused with a message) and checked
//!   ([`Note::check`]: every declared sum against its parts, rounding told from
//!   errors, [`NoteFinding`]).
//! - Schedules: [`FixedAssetSchedule`] (anläggningstillgångar per class, RKR R3/R4),
//!   [`PensionProvisionSchedule`] and [`PensionSummary`] (RKR R10, särskild löneskatt at
//!   the year's rate from [`PayrollTaxRates`]), [`LoanSchedule`] (långfristiga skulder),
//!   [`GuaranteeSchedule`] with [`KommuninvestShare`], [`TaxRevenueSchedule`],
//!   [`GeneralGrantsSchedule`], [`Departure`]s from RKR (LKBR 4 kap. 3 §) and the
//!   generic [`Specification`] (jämförelsestörande poster, revisionskostnad,
//!   exploatering, anything else).
//! - [`tie()`]: a statement row's note reference must name an existing note whose total
//!   equals the row ([`TieFinding`] names both).
//! - [`LedgerNotes`]: the notes built from a ledger with the chart's note rules
//!   ([`NoteChart`], Kommun-Bas default): accounts in a note's range that no rule
//!   places are reported, never dropped.
//!
//! Signs as printed: in every schedule, additions are positive and deductions
//! (avskrivningar, utbetalningar, amorteringar) negative; a roll-forward is opening +
//! the signed movements = closing.

mod check;
mod debt;
mod fixed_assets;
mod ledger;
mod pension;
mod revenue;
mod specification;
mod tie;

pub use check::{NoteFigure, NoteFinding, NoteFindingKind};
pub use debt::{GuaranteeSchedule, KommuninvestShare, LoanSchedule};
pub use fixed_assets::{AssetClass, FixedAssetSchedule, GrossValues, UsefulLife};
pub use ledger::{AssetPart, LedgerNotes, NoteChart, NoteRule, NoteScopeRule, NoteTarget, TaxPart};
pub use pension::{
    PayrollTaxRate, PayrollTaxRates, PensionKind, PensionPart, PensionProvisionSchedule,
    PensionSummary,
};
pub use revenue::{
    Departure, GeneralGrantsSchedule, GrantComponent, GrantPart, TaxRevenueSchedule,
};
pub use specification::{ItemKind, NamedAmount, NoteItem, Specification};
pub use tie::{TieFinding, TieFindingKind, tie};

use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Scale};
use crate::period::FinancialYear;
use crate::present::{Column, RatioRow, Table, TableRow, ValueKind};
use crate::statement::{BalanceLine, StatementRowKind};

/// Which note it is: the notes RKR R17 names for a delårsrapport, and the notes LKBR
/// 9 kap. and RKR ask of an årsredovisning.
///
/// ```
/// use kommunal_redovisning::note::{Note, NoteKind};
///
/// assert_eq!(NoteKind::R17.len(), 6);
/// assert_eq!(NoteKind::AuditFees.title(), "Revisionskostnad");
/// let note = Note::new(1, NoteKind::AccountingPrinciples, "Rapporten följer LKBR och RKR.");
/// assert_eq!(note.title, "Redovisningsprinciper");
/// ```
#[doc(alias = "not")]
#[doc(alias = "notslag")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoteKind {
    /// Redovisningsprinciper.
    AccountingPrinciples,
    /// Säsongsvariationer eller cykliska effekter som har påverkat verksamheten.
    SeasonalEffects,
    /// Erhållna men ännu ej intäktsredovisade generella statsbidrag.
    UnrecognisedGeneralGrants,
    /// Jämförelsestörande poster.
    ItemsAffectingComparability,
    /// Effekter av ändrade uppskattningar och bedömningar.
    ChangedEstimates,
    /// Förändringar i väsentliga ansvarsförbindelser.
    ChangesInContingentLiabilities,
    /// Skatteintäkter.
    TaxRevenue,
    /// Generella statsbidrag och utjämning.
    GeneralGrants,
    /// Immateriella anläggningstillgångar (RKR R3).
    IntangibleAssets,
    /// Materiella anläggningstillgångar (RKR R4).
    TangibleAssets,
    /// Avsättningar för pensioner (RKR R10).
    PensionProvisions,
    /// Pensionsförpliktelser: ansvarsförbindelse, förvaltade medel, återlånade medel
    /// (RKR R10).
    PensionObligations,
    /// Långfristiga skulder.
    LongTermLiabilities,
    /// Borgensförbindelser (including Kommuninvest).
    Guarantees,
    /// Revisionskostnad (räkenskapsrevision).
    AuditFees,
    /// Exploatering (exploateringsfastigheter).
    Development,
    /// Avvikelser från RKR:s rekommendationer (LKBR 4 kap. 3 §).
    DeparturesFromRecommendations,
    /// Any other note.
    Other,
}

impl NoteKind {
    /// The six notes of the R17 set, in Lystkom's order.
    pub const R17: [NoteKind; 6] = [
        NoteKind::AccountingPrinciples,
        NoteKind::SeasonalEffects,
        NoteKind::UnrecognisedGeneralGrants,
        NoteKind::ItemsAffectingComparability,
        NoteKind::ChangedEstimates,
        NoteKind::ChangesInContingentLiabilities,
    ];

    /// The Swedish title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            NoteKind::AccountingPrinciples => "Redovisningsprinciper",
            NoteKind::SeasonalEffects => {
                "Säsongsvariationer eller cykliska effekter som har påverkat verksamheten"
            }
            NoteKind::UnrecognisedGeneralGrants => {
                "Erhållna men ännu ej intäktsredovisade generella statsbidrag"
            }
            NoteKind::ItemsAffectingComparability => "Jämförelsestörande poster",
            NoteKind::ChangedEstimates => "Effekter av ändrade uppskattningar och bedömningar",
            NoteKind::ChangesInContingentLiabilities => {
                "Förändringar i väsentliga ansvarsförbindelser"
            }
            NoteKind::TaxRevenue => "Skatteintäkter",
            NoteKind::GeneralGrants => "Generella statsbidrag och utjämning",
            NoteKind::IntangibleAssets => "Immateriella anläggningstillgångar",
            NoteKind::TangibleAssets => "Materiella anläggningstillgångar",
            NoteKind::PensionProvisions => "Avsättningar för pensioner",
            NoteKind::PensionObligations => "Pensionsförpliktelser",
            NoteKind::LongTermLiabilities => "Långfristiga skulder",
            NoteKind::Guarantees => "Borgensförbindelser",
            NoteKind::AuditFees => "Revisionskostnad",
            NoteKind::Development => "Exploateringsfastigheter",
            NoteKind::DeparturesFromRecommendations => "Avvikelser från RKR:s rekommendationer",
            NoteKind::Other => "Övrig not",
        }
    }
}

/// Whose figures a note column holds.
///
/// ```
/// use kommunal_redovisning::FinancialYear;
/// use kommunal_redovisning::note::{Note, NoteColumn, NoteKind, NoteScope};
///
/// let y = FinancialYear::new(2025);
/// let mut note = Note::new(5, NoteKind::Other, "");
/// note.columns = vec![NoteColumn::kommun(y), NoteColumn::koncern(y)];
/// assert_eq!(note.column_index(y, NoteScope::Koncern), Some(1));
/// assert_eq!(NoteScope::default(), NoteScope::Kommun);
/// ```
#[doc(alias = "kommun eller koncern")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoteScope {
    /// Kommunen (or region, kommunalförbund) itself.
    #[default]
    Kommun,
    /// Den kommunala koncernen (sammanställda räkenskaper).
    Koncern,
}

/// A column of a note: its heading, the year its figures are for and whose they are.
///
/// ```
/// use kommunal_redovisning::FinancialYear;
/// use kommunal_redovisning::note::{NoteColumn, NoteScope};
///
/// let c = NoteColumn::kommun(FinancialYear::new(2025));
/// assert_eq!(c.label, "2025");
/// assert_eq!(NoteColumn::koncern(FinancialYear::new(2025)).label, "Koncernen 2025");
/// assert_eq!(c.scope, NoteScope::Kommun);
/// ```
#[doc(alias = "notkolumn")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NoteColumn {
    /// The heading as printed.
    pub label: String,
    /// The year (for a balance, the year it closes).
    pub year: FinancialYear,
    /// Kommun or koncern.
    #[cfg_attr(feature = "serde", serde(default))]
    pub scope: NoteScope,
}

impl NoteColumn {
    /// The kommun's column for `year`, headed by the year.
    ///
    /// ```
    /// use kommunal_redovisning::FinancialYear;
    /// use kommunal_redovisning::note::{NoteColumn, NoteScope};
    ///
    /// let c = NoteColumn::kommun(FinancialYear::new(2024));
    /// assert_eq!((c.label.as_str(), c.scope), ("2024", NoteScope::Kommun));
    /// ```
    #[must_use]
    pub fn kommun(year: FinancialYear) -> Self {
        NoteColumn {
            label: year.to_string(),
            year,
            scope: NoteScope::Kommun,
        }
    }

    /// The koncern's column for `year`, headed "Koncernen 2025" for 2025.
    ///
    /// ```
    /// use kommunal_redovisning::FinancialYear;
    /// use kommunal_redovisning::note::{NoteColumn, NoteScope};
    ///
    /// let c = NoteColumn::koncern(FinancialYear::new(2024));
    /// assert_eq!((c.label.as_str(), c.scope), ("Koncernen 2024", NoteScope::Koncern));
    /// ```
    #[must_use]
    pub fn koncern(year: FinancialYear) -> Self {
        NoteColumn {
            label: format!("Koncernen {year}"),
            year,
            scope: NoteScope::Koncern,
        }
    }
}

/// What a note holds: text only, or one schedule per column.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{Note, NoteBody, NoteColumn, NoteItem, NoteKind, Specification};
///
/// // Påhittade belopp (tkr).
/// let spec = Specification::new(vec![NoteItem::part("Förråd", Amount::tkr(120)), NoteItem::part("Exploatering", Amount::tkr(80))]);
/// let note = Note::schedule(9, NoteKind::Other, vec![NoteColumn::kommun(FinancialYear::new(2025))],
///     NoteBody::Specification(vec![spec]))?;
/// assert_eq!(note.total(0)?, Some(Amount::tkr(200)));
/// assert_eq!(Note::new(1, NoteKind::AccountingPrinciples, "…").total(0)?, None); // NoteBody::Text
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "notinnehåll")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoteBody {
    /// Text only (e.g. redovisningsprinciper).
    #[default]
    Text,
    /// A generic specification per column.
    Specification(Vec<Specification>),
    /// Anläggningstillgångar per column.
    FixedAssets(Vec<FixedAssetSchedule>),
    /// Avsättningar för pensioner per column.
    PensionProvisions(Vec<PensionProvisionSchedule>),
    /// The pension summary per column.
    PensionSummary(Vec<PensionSummary>),
    /// Långfristiga skulder per column.
    LongTermDebt(Vec<LoanSchedule>),
    /// Borgensförbindelser per column.
    Guarantees(Vec<GuaranteeSchedule>),
    /// Skatteintäkter per column.
    TaxRevenue(Vec<TaxRevenueSchedule>),
    /// Generella statsbidrag och utjämning per column.
    GeneralGrants(Vec<GeneralGrantsSchedule>),
    /// Departures from RKR's recommendations (not per column).
    Departures(Vec<Departure>),
}

impl NoteBody {
    /// The number of schedules (columns) the body holds; `None` for bodies without
    /// columns.
    fn schedules(&self) -> Option<usize> {
        match self {
            NoteBody::Text | NoteBody::Departures(_) => None,
            NoteBody::Specification(v) => Some(v.len()),
            NoteBody::FixedAssets(v) => Some(v.len()),
            NoteBody::PensionProvisions(v) => Some(v.len()),
            NoteBody::PensionSummary(v) => Some(v.len()),
            NoteBody::LongTermDebt(v) => Some(v.len()),
            NoteBody::Guarantees(v) => Some(v.len()),
            NoteBody::TaxRevenue(v) => Some(v.len()),
            NoteBody::GeneralGrants(v) => Some(v.len()),
        }
    }
}

/// One row of a note's table, for one column.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{Note, NoteBody, NoteColumn, NoteItem, NoteKind, Specification};
/// use kommunal_redovisning::statement::StatementRowKind;
///
/// // Påhittat belopp (tkr).
/// let spec = Specification::new(vec![NoteItem::part("Förråd", Amount::tkr(120))]);
/// let note = Note::schedule(9, NoteKind::Other, vec![NoteColumn::kommun(FinancialYear::new(2025))],
///     NoteBody::Specification(vec![spec]))?;
/// let rows = note.rows(0)?;
/// assert_eq!((rows[1].label.as_str(), rows[1].kind, rows[1].amount), ("Summa", StatementRowKind::Total, Some(Amount::tkr(120))));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "notrad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NoteRow {
    /// A stable id within the note.
    pub id: String,
    /// The label.
    pub label: String,
    /// Heading, line, subtotal, total or "varav".
    pub kind: StatementRowKind,
    /// Indentation.
    pub depth: u8,
    /// The amount; `None` for headings.
    pub amount: Option<Amount>,
}

/// A row id from a prefix and a printed label: lowercase, words joined by `_`.
pub(crate) fn named_id(prefix: &str, label: &str) -> String {
    let mut id = String::new();
    let mut gap = false;
    for ch in label.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            if gap && !id.is_empty() {
                id.push('_');
            }
            id.push(ch);
            gap = false;
        } else {
            gap = true;
        }
    }
    if prefix.is_empty() {
        id
    } else {
        format!("{prefix}/{id}")
    }
}

/// A note (not), LKBR 9 kap.: its number as printed, kind, title, text and — for the
/// notes with figures — its columns and one schedule per column.
///
/// The note's figures are checked by [`Note::check`]; its total (what a statement row
/// referring to it must equal) is [`Note::total`]; [`Note::to_table`] presents it.
///
/// # Example: a pension provision note tied to its balance-sheet line
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{Note, NoteBody, NoteColumn, NoteKind, PensionProvisionSchedule};
///
/// let mut p = PensionProvisionSchedule::new(Amount::tkr(4_000));
/// p.new_earned = Amount::tkr(300);
/// let note = Note::schedule(
///     12,
///     NoteKind::PensionProvisions,
///     vec![NoteColumn::kommun(FinancialYear::new(2025))],
///     NoteBody::PensionProvisions(vec![p.rolled_forward()?]),
/// )?;
/// assert_eq!(note.total(0)?, Some(Amount::tkr(4_300)));
/// assert!(note.check()?.is_empty());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "not")]
#[doc(alias = "noter")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Note {
    /// The note number as printed.
    pub number: u32,
    /// Which note.
    pub kind: NoteKind,
    /// The title as printed (defaults to the kind's title).
    pub title: String,
    /// The text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub text: String,
    /// The columns of the schedule (empty for a text note).
    #[cfg_attr(feature = "serde", serde(default))]
    pub columns: Vec<NoteColumn>,
    /// The schedule per column, or text only.
    #[cfg_attr(feature = "serde", serde(default))]
    pub body: NoteBody,
    /// The precision the figures are printed to (tkr, mnkr), when they are rounded:
    /// differences that rounding can explain are then rounding, not errors. `None`:
    /// exact figures.
    #[cfg_attr(feature = "serde", serde(default))]
    pub precision: Option<Scale>,
}

impl Note {
    /// A text note with the kind's standard title.
    ///
    /// ```
    /// use kommunal_redovisning::note::{Note, NoteBody, NoteKind};
    ///
    /// let note = Note::new(2, NoteKind::SeasonalEffects, "Inga väsentliga säsongsvariationer.");
    /// assert_eq!(note.body, NoteBody::Text);
    /// assert!(note.check()?.is_empty());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(number: u32, kind: NoteKind, text: impl Into<String>) -> Self {
        Note {
            number,
            kind,
            title: kind.title().to_owned(),
            text: text.into(),
            columns: Vec::new(),
            body: NoteBody::Text,
            precision: None,
        }
    }

    /// A note with a schedule per column, the kind's standard title, validated.
    ///
    /// # Errors
    ///
    /// As [`Note::validate`].
    pub fn schedule(
        number: u32,
        kind: NoteKind,
        columns: Vec<NoteColumn>,
        body: NoteBody,
    ) -> Result<Self> {
        let note = Note {
            number,
            kind,
            title: kind.title().to_owned(),
            text: String::new(),
            columns,
            body,
            precision: None,
        };
        note.validate()?;
        Ok(note)
    }

    /// The same note with another title.
    ///
    /// ```
    /// use kommunal_redovisning::note::{Note, NoteKind};
    ///
    /// let note = Note::new(3, NoteKind::Other, "").with_title("Förråd och exploatering");
    /// assert_eq!(note.title, "Förråd och exploatering");
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// The same note with a text.
    ///
    /// ```
    /// use kommunal_redovisning::note::{Note, NoteKind};
    ///
    /// let note = Note::new(1, NoteKind::AccountingPrinciples, "").with_text("Rapporten följer RKR R17.");
    /// assert_eq!(note.text, "Rapporten följer RKR R17.");
    /// ```
    #[must_use]
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = text.into();
        self
    }

    /// The same note with figures rounded to `scale` as printed.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, FinancialYear, Scale};
    /// use kommunal_redovisning::note::{Note, NoteBody, NoteColumn, NoteItem, NoteKind, NoteFindingKind, Specification};
    ///
    /// // Påhittade belopp: printed in tkr, the total is 1 tkr off its parts.
    /// let spec = Specification::new(vec![NoteItem::part("A", Amount::tkr(100)), NoteItem::part("B", Amount::tkr(200))])
    ///     .with_total(Amount::tkr(301));
    /// let mut note = Note::new(9, NoteKind::Other, "");
    /// note.columns = vec![NoteColumn::kommun(FinancialYear::new(2025))];
    /// note.body = NoteBody::Specification(vec![spec]);
    /// assert_eq!(note.check()?[0].kind, NoteFindingKind::Error);
    /// assert_eq!(note.with_precision(Scale::Tkr).check()?[0].kind, NoteFindingKind::Rounding);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_precision(mut self, scale: Scale) -> Self {
        self.precision = Some(scale);
        self
    }

    /// Refuses a note that cannot be read as given: a schedule per column that does
    /// not match the columns, wrong signs (e.g. positive avskrivningar), negative useful
    /// lives, a departure from RKR without its reason, a Kommuninvest share above its
    /// total — and any declared sum that its parts do not give (beyond rounding).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`], [`Error::WrongSign`] or [`Error::Refused`] naming the
    /// note and what is wrong; [`Error::Mismatch`] for the first sum that does not add
    /// up, with both figures.
    pub fn validate(&self) -> Result<()> {
        for f in self.check()? {
            if f.kind == NoteFindingKind::Error {
                return Err(match (f.computed, f.printed, f.difference) {
                    (NoteFigure::Amount(c), NoteFigure::Amount(p), NoteFigure::Amount(d)) => {
                        Error::Mismatch {
                            what: format!("not {}, {}: {}", f.note, f.column, f.what),
                            left_label: "angivet".into(),
                            left: p,
                            right_label: "summan av delarna".into(),
                            right: c,
                            difference: d,
                        }
                    }
                    _ => Error::Refused {
                        what: format!("not {}", f.note),
                        reason: f.message(),
                    },
                });
            }
        }
        Ok(())
    }

    fn structure(&self) -> Result<()> {
        let in_note = |e: Error| match e {
            Error::InvalidRule(m) => Error::InvalidRule(format!("not {}: {m}", self.number)),
            Error::WrongSign {
                row,
                expected,
                amount,
            } => Error::WrongSign {
                row: format!("not {}, {row}", self.number),
                expected,
                amount,
            },
            other => other,
        };
        if let Some(n) = self.body.schedules().filter(|n| *n != self.columns.len()) {
            return Err(Error::InvalidRule(format!(
                "not {} har {} kolumner men {n} uppställningar: ge en uppställning per kolumn",
                self.number,
                self.columns.len()
            )));
        }
        let r = match &self.body {
            NoteBody::Text | NoteBody::Specification(_) | NoteBody::TaxRevenue(_) => Ok(()),
            NoteBody::FixedAssets(v) => v.iter().try_for_each(FixedAssetSchedule::validate),
            NoteBody::PensionProvisions(v) => {
                v.iter().try_for_each(PensionProvisionSchedule::validate)
            }
            NoteBody::PensionSummary(v) => v.iter().try_for_each(PensionSummary::validate),
            NoteBody::LongTermDebt(v) => v.iter().try_for_each(LoanSchedule::validate),
            NoteBody::Guarantees(v) => v.iter().try_for_each(GuaranteeSchedule::validate),
            NoteBody::GeneralGrants(v) => v.iter().try_for_each(GeneralGrantsSchedule::validate),
            NoteBody::Departures(v) => v.iter().try_for_each(Departure::validate),
        };
        r.map_err(in_note)
    }

    /// Every declared sum of every column against its parts (roll-forwards, splits,
    /// subtotals, särskild löneskatt at the year's rate of [`PayrollTaxRates::sweden`],
    /// återlånade medel, konsolideringsgrad). Empty when all agree; rounding
    /// differences are [`NoteFindingKind::Rounding`].
    ///
    /// # Errors
    ///
    /// The structural errors of [`Note::validate`]; [`Error::Overflow`].
    pub fn check(&self) -> Result<Vec<NoteFinding>> {
        self.check_with(&PayrollTaxRates::sweden())
    }

    /// [`Note::check`] with another table of löneskatt rates.
    ///
    /// # Errors
    ///
    /// As [`Note::check`]; a year the table has no rate for.
    pub fn check_with(&self, rates: &PayrollTaxRates) -> Result<Vec<NoteFinding>> {
        self.structure()?;
        let mut out = Vec::new();
        for (i, col) in self.columns.iter().enumerate() {
            let mut c = check::Checker::new(self.number, &col.label, self.precision);
            match &self.body {
                NoteBody::Text | NoteBody::Departures(_) => {}
                NoteBody::Specification(v) => {
                    if let Some(s) = v.get(i) {
                        s.check(&mut c, &self.title.to_lowercase())?;
                    }
                }
                NoteBody::FixedAssets(v) => {
                    if let Some(s) = v.get(i) {
                        s.check(&mut c)?;
                    }
                }
                NoteBody::PensionProvisions(v) => {
                    if let Some(s) = v.get(i) {
                        let rate = match s.payroll_tax() {
                            Some(_) => Some(rates.rate(col.year)?),
                            None => None,
                        };
                        s.check(&mut c, rate)?;
                    }
                }
                NoteBody::PensionSummary(v) => {
                    if let Some(s) = v.get(i) {
                        let rate = match s.commitments_payroll_tax {
                            Some(_) => Some(rates.rate(col.year)?),
                            None => None,
                        };
                        s.check(&mut c, rate)?;
                    }
                }
                NoteBody::LongTermDebt(v) => {
                    if let Some(s) = v.get(i) {
                        s.check(&mut c)?;
                    }
                }
                NoteBody::Guarantees(v) => {
                    if let Some(s) = v.get(i) {
                        s.check(&mut c)?;
                    }
                }
                NoteBody::TaxRevenue(v) => {
                    if let Some(s) = v.get(i) {
                        s.check(&mut c)?;
                    }
                }
                NoteBody::GeneralGrants(v) => {
                    if let Some(s) = v.get(i) {
                        s.check(&mut c)?;
                    }
                }
            }
            out.extend(c.findings);
        }
        Ok(out)
    }

    /// The position of the column for `year` and `scope`.
    #[must_use]
    pub fn column_index(&self, year: FinancialYear, scope: NoteScope) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.year == year && c.scope == scope)
    }

    /// The note's total in column `column`: what a statement row referring to the note
    /// must equal. `None` for a text note and for departures.
    ///
    /// Anläggningstillgångar: the closing carrying value; pensions: the utgående
    /// avsättning (the summary: the avsättning); långfristiga skulder: the utgående
    /// skuld; borgen: summa borgensförbindelser; the rest: their total.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn total(&self, column: usize) -> Result<Option<Amount>> {
        Ok(match &self.body {
            NoteBody::Text | NoteBody::Departures(_) => None,
            NoteBody::Specification(v) => v.get(column).map(Specification::total).transpose()?,
            NoteBody::FixedAssets(v) => v
                .get(column)
                .map(|s| s.total.map_or_else(|| s.closing(), Ok))
                .transpose()?,
            NoteBody::PensionProvisions(v) => v.get(column).map(|s| s.closing),
            NoteBody::PensionSummary(v) => v.get(column).map(|s| s.provision),
            NoteBody::LongTermDebt(v) => v.get(column).map(|s| s.closing),
            NoteBody::Guarantees(v) => v.get(column).map(GuaranteeSchedule::total).transpose()?,
            NoteBody::TaxRevenue(v) => v
                .get(column)
                .map(|s| s.total.map_or_else(|| s.sum(), Ok))
                .transpose()?,
            NoteBody::GeneralGrants(v) => v
                .get(column)
                .map(|s| s.total.map_or_else(|| s.sum(), Ok))
                .transpose()?,
        })
    }

    /// The note's figure for the statement row `row_id` in column `column`: for an
    /// anläggningstillgångar note whose classes name their post, the closing value of
    /// the classes on that post; for the pension summary, the ansvarsförbindelse when the
    /// row is the memo post of pensionsförpliktelser före 1998; otherwise
    /// [`Note::total`].
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn total_for(&self, row_id: &str, column: usize) -> Result<Option<Amount>> {
        match &self.body {
            NoteBody::FixedAssets(v) => {
                let Some(s) = v.get(column) else {
                    return Ok(None);
                };
                match BalanceLine::ALL.into_iter().find(|l| l.id() == row_id) {
                    Some(line) if s.classes.iter().any(|c| c.line == Some(line)) => {
                        s.closing_for(line).map(Some)
                    }
                    _ => self.total(column),
                }
            }
            NoteBody::PensionSummary(v)
                if row_id == BalanceLine::PensionCommitmentsBefore1998.id() =>
            {
                Ok(v.get(column).map(|s| s.commitments_before_1998))
            }
            _ => self.total(column),
        }
    }

    /// The rows of column `column`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn rows(&self, column: usize) -> Result<Vec<NoteRow>> {
        Ok(match &self.body {
            NoteBody::Text | NoteBody::Departures(_) => Vec::new(),
            NoteBody::Specification(v) => match v.get(column) {
                Some(s) => s.rows("")?,
                None => Vec::new(),
            },
            NoteBody::FixedAssets(v) => match v.get(column) {
                Some(s) => s.rows()?,
                None => Vec::new(),
            },
            NoteBody::PensionProvisions(v) => match v.get(column) {
                Some(s) => s.rows()?,
                None => Vec::new(),
            },
            NoteBody::PensionSummary(v) => match v.get(column) {
                Some(s) => s.rows()?,
                None => Vec::new(),
            },
            NoteBody::LongTermDebt(v) => v.get(column).map(LoanSchedule::rows).unwrap_or_default(),
            NoteBody::Guarantees(v) => match v.get(column) {
                Some(s) => s.rows()?,
                None => Vec::new(),
            },
            NoteBody::TaxRevenue(v) => match v.get(column) {
                Some(s) => s.rows()?,
                None => Vec::new(),
            },
            NoteBody::GeneralGrants(v) => match v.get(column) {
                Some(s) => s.rows()?,
                None => Vec::new(),
            },
        })
    }

    /// The percentages the note prints or derives, per column: aktualiseringsgrad,
    /// konsolideringsgrad, genomsnittlig ränta, Kommuninvest shares.
    fn ratios(&self) -> Result<Vec<RatioRow>> {
        let n = self.columns.len();
        let mut rows: Vec<(String, Vec<Option<Percent>>, u32)> = Vec::new();
        let mut put = |label: &str, col: usize, value: Percent, decimals: u32| {
            let pos = match rows.iter().position(|r| r.0 == label) {
                Some(p) => p,
                None => {
                    rows.push((label.to_owned(), vec![None; n], decimals));
                    rows.len().saturating_sub(1)
                }
            };
            if let Some(slot) = rows.get_mut(pos).and_then(|r| r.1.get_mut(col)) {
                *slot = Some(value);
            }
        };
        for col in 0..n {
            match &self.body {
                NoteBody::PensionProvisions(v) => {
                    if let Some(p) = v.get(col).and_then(|s| s.actualisation) {
                        put("Aktualiseringsgrad", col, p, p.as_decimal().scale());
                    }
                }
                NoteBody::PensionSummary(v) => {
                    if let Some(s) = v.get(col) {
                        if !s.total_obligation()?.is_zero() {
                            put("Konsolideringsgrad (beräknad)", col, s.consolidation()?, 1);
                        }
                        if let Some(p) = s.printed_consolidation {
                            put("Konsolideringsgrad", col, p, p.as_decimal().scale());
                        }
                        if let Some(p) = s.actualisation {
                            put("Aktualiseringsgrad", col, p, p.as_decimal().scale());
                        }
                    }
                }
                NoteBody::LongTermDebt(v) => {
                    if let Some(p) = v.get(col).and_then(|s| s.average_interest) {
                        put("Genomsnittlig ränta", col, p, p.as_decimal().scale());
                    }
                }
                NoteBody::Guarantees(v) => {
                    if let Some(k) = v.get(col).and_then(|s| s.kommuninvest.as_ref()) {
                        put(
                            "Andel av Kommuninvests förpliktelser",
                            col,
                            k.liability_share()?,
                            2,
                        );
                        put(
                            "Andel av Kommuninvests tillgångar",
                            col,
                            k.asset_share()?,
                            2,
                        );
                    }
                }
                _ => {}
            }
        }
        Ok(rows
            .into_iter()
            .map(|(label, values, decimals)| RatioRow {
                label,
                values,
                decimals,
            })
            .collect())
    }

    /// The note as a [`Table`] in `unit`, one column per note column, for the
    /// renderers (text, Markdown, CSV, HTML); `None` for a note without figures.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; [`Error::InvalidRule`] from the table.
    pub fn to_table(&self, unit: Scale) -> Result<Option<Table>> {
        if self.body.schedules().is_none_or(|n| n == 0) {
            return Ok(None);
        }
        let columns: Vec<Column> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    Column::outcome(c.label.clone())
                } else {
                    Column::prior_period(c.label.clone())
                }
            })
            .collect();
        let mut table = Table::new(format!("Not {} {}", self.number, self.title), unit, columns);
        let n = self.columns.len();
        let mut merged: Vec<(NoteRow, Vec<Option<Amount>>)> = Vec::new();
        for col in 0..n {
            for row in self.rows(col)? {
                let pos = match merged.iter().position(|(r, _)| r.id == row.id) {
                    Some(p) => p,
                    None => {
                        merged.push((row.clone(), vec![None; n]));
                        merged.len().saturating_sub(1)
                    }
                };
                if let Some(cell) = merged.get_mut(pos).and_then(|m| m.1.get_mut(col)) {
                    *cell = row.amount;
                }
            }
        }
        let stock = matches!(
            self.body,
            NoteBody::PensionSummary(_) | NoteBody::Guarantees(_)
        );
        for (row, cells) in merged {
            table.push_row(
                TableRow::new(
                    row.id,
                    row.label,
                    row.kind,
                    if stock {
                        ValueKind::Stock
                    } else {
                        ValueKind::Flow
                    },
                    cells,
                )
                .with_depth(row.depth),
            )?;
        }
        for r in self.ratios()? {
            table.push_ratio(r)?;
        }
        Ok(Some(table))
    }

    /// Lines of text the table cannot hold: useful lives per class and departures
    /// from RKR with their reasons.
    #[must_use]
    pub fn text_lines(&self) -> Vec<String> {
        match &self.body {
            NoteBody::FixedAssets(v) => {
                let mut out: Vec<String> = Vec::new();
                for s in v {
                    for c in &s.classes {
                        if let Some(l) = c.useful_life {
                            let line = format!("Nyttjandeperiod {}: {l}", c.name);
                            if !out.contains(&line) {
                                out.push(line);
                            }
                        }
                    }
                }
                out
            }
            NoteBody::Departures(v) => v
                .iter()
                .map(|d| {
                    format!(
                        "RKR {}: {}. Skäl: {}",
                        d.recommendation, d.departure, d.reason
                    )
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_labels() {
        assert_eq!(named_id("", "Göteborgs Hamn AB"), "göteborgs_hamn_ab");
        assert_eq!(
            named_id("borgen", "Småhus – statliga lån"),
            "borgen/småhus_statliga_lån"
        );
    }

    #[test]
    fn columns_and_schedules_must_match() {
        let err = Note::schedule(
            3,
            NoteKind::TaxRevenue,
            vec![NoteColumn::kommun(FinancialYear::new(2025))],
            NoteBody::TaxRevenue(vec![]),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("not 3 har 1 kolumner men 0"),
            "{err}"
        );
    }
}
