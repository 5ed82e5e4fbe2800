//! Notes tied to statements: every statement row with a note reference must refer to
//! an existing note, and the note's total must equal the row.

use std::fmt;

use super::check::sv_amount_in;
use super::{Note, NoteScope};
use crate::error::Result;
use crate::money::{Amount, Scale};
use crate::period::FinancialYear;
use crate::statement::StatementRow;

/// What the tie of one statement row to its note found.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{tie, Note, NoteBody, NoteColumn, NoteItem, NoteKind, NoteScope, Specification, TieFindingKind};
/// use kommunal_redovisning::statement::{StatementRow, StatementRowKind};
///
/// // Påhittat belopp (tkr): note 9 has a column for 2025 only.
/// let spec = Specification::new(vec![NoteItem::part("Förråd", Amount::tkr(120))]);
/// let notes = [Note::schedule(9, NoteKind::Other, vec![NoteColumn::kommun(FinancialYear::new(2025))],
///     NoteBody::Specification(vec![spec]))?];
/// let rows = [StatementRow { id: "forrad".into(), label: "Förråd".into(), kind: StatementRowKind::Line,
///     depth: 1, amount: Some(Amount::tkr(120)), note: Some("9".into()) }];
/// assert_eq!(tie(&notes, "BR", &rows, FinancialYear::new(2025), NoteScope::Kommun)?[0].kind, TieFindingKind::Agrees);
/// assert_eq!(tie(&notes, "BR", &rows, FinancialYear::new(2024), NoteScope::Kommun)?[0].kind, TieFindingKind::NoColumn);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "notavstämning")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TieFindingKind {
    /// The note's figure equals the row.
    Agrees,
    /// The note's figure differs from the row.
    Differs,
    /// The row refers to a note number no note has.
    UnknownNote,
    /// The note has no column for the statement's year (and scope).
    NoColumn,
}

/// The tie of one statement row to the note it refers to, with both figures.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{TieFinding, TieFindingKind};
///
/// let f = TieFinding {
///     statement: "balansräkningen 2025".into(),
///     row_id: "langfristiga_skulder".into(),
///     row: "Långfristiga skulder".into(),
///     note: "14".into(),
///     kind: TieFindingKind::Differs,
///     row_amount: Some(Amount::tkr(24_000)),
///     note_amount: Some(Amount::tkr(25_000)),
///     difference: Some(Amount::tkr(-1_000)),
///     unit: None,
/// };
/// assert!(f.message().contains("not 14"));
/// assert_eq!(
///     f.to_string(),
///     "balansräkningen 2025: raden Långfristiga skulder är 24\u{a0}000 tkr men not 14 summerar till \
///      25\u{a0}000 tkr (skillnad \u{2212}1\u{a0}000 tkr)"
/// );
/// ```
#[doc(alias = "notavstämning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TieFinding {
    /// Which statement, e.g. "balansräkningen 2025".
    pub statement: String,
    /// The row's id.
    pub row_id: String,
    /// The row's label.
    pub row: String,
    /// The note reference as printed.
    pub note: String,
    /// What was found.
    pub kind: TieFindingKind,
    /// The row's amount.
    pub row_amount: Option<Amount>,
    /// The note's figure for the row.
    pub note_amount: Option<Amount>,
    /// `row − note`.
    pub difference: Option<Amount>,
    /// The note's printed unit (its precision), for messages.
    #[cfg_attr(feature = "serde", serde(default))]
    pub unit: Option<Scale>,
}

impl TieFinding {
    /// The finding in Swedish, both figures in Swedish format: the [`fmt::Display`]
    /// text.
    #[must_use]
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for TieFinding {
    /// `balansräkningen 2025: raden Långfristiga skulder är 24 000 tkr men not 14
    /// summerar till 25 000 tkr (skillnad −1 000 tkr)`, amounts in the note's unit where
    /// they are whole units of it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show =
            |a: Option<Amount>| a.map_or_else(|| "–".to_owned(), |a| sv_amount_in(a, self.unit));
        match self.kind {
            TieFindingKind::Agrees => write!(
                f,
                "{}: raden {} ({}) och not {} ({}) stämmer",
                self.statement,
                self.row,
                show(self.row_amount),
                self.note,
                show(self.note_amount)
            ),
            TieFindingKind::Differs => write!(
                f,
                "{}: raden {} är {} men not {} summerar till {} (skillnad {})",
                self.statement,
                self.row,
                show(self.row_amount),
                self.note,
                show(self.note_amount),
                show(self.difference)
            ),
            TieFindingKind::UnknownNote => write!(
                f,
                "{}: raden {} hänvisar till not {}, som inte finns",
                self.statement, self.row, self.note
            ),
            TieFindingKind::NoColumn => write!(
                f,
                "{}: raden {} hänvisar till not {}, som saknar kolumn för året",
                self.statement, self.row, self.note
            ),
        }
    }
}

/// Ties the rows of one statement to `notes`: for every row with a note reference
/// (`StatementRow::note`, a number as printed) and an amount, the note must exist, have
/// a column for `year` and `scope`, and its figure for the row
/// ([`Note::total_for`]) must equal the row. Text notes (without figures) are not
/// compared. One [`TieFinding`] per referring row.
///
/// # Errors
///
/// [`crate::Error::Overflow`].
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{tie, LoanSchedule, Note, NoteBody, NoteColumn, NoteKind, NoteScope, TieFindingKind};
/// use kommunal_redovisning::statement::{StatementRowKind, StatementRow};
///
/// let y = FinancialYear::new(2025);
/// let mut loans = LoanSchedule::new(Amount::tkr(25_000));
/// loans.repayments = Amount::tkr(-1_000);
/// loans.closing = Amount::tkr(24_000);
/// let notes = vec![Note::schedule(14, NoteKind::LongTermLiabilities,
///     vec![NoteColumn::kommun(y)], NoteBody::LongTermDebt(vec![loans]))?];
/// let row = |note: &str| StatementRow {
///     id: "langfristiga_skulder".into(), label: "Långfristiga skulder".into(),
///     kind: StatementRowKind::Line, depth: 1, amount: Some(Amount::tkr(24_000)), note: Some(note.into()),
/// };
/// let ok = tie(&notes, "balansräkningen", &[row("14")], y, NoteScope::Kommun)?;
/// assert_eq!(ok[0].kind, TieFindingKind::Agrees);
/// let bad = tie(&notes, "balansräkningen", &[row("15")], y, NoteScope::Kommun)?;
/// assert_eq!(bad[0].kind, TieFindingKind::UnknownNote);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
pub fn tie(
    notes: &[Note],
    statement: &str,
    rows: &[StatementRow],
    year: FinancialYear,
    scope: NoteScope,
) -> Result<Vec<TieFinding>> {
    let mut out = Vec::new();
    for row in rows {
        let (Some(reference), Some(amount)) = (&row.note, row.amount) else {
            continue;
        };
        let mut finding = TieFinding {
            statement: statement.to_owned(),
            row_id: row.id.clone(),
            row: row.label.clone(),
            note: reference.clone(),
            kind: TieFindingKind::UnknownNote,
            row_amount: Some(amount),
            note_amount: None,
            difference: None,
            unit: None,
        };
        let note = reference
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|n| notes.iter().find(|x| x.number == n));
        let Some(note) = note else {
            out.push(finding);
            continue;
        };
        if note.body.schedules().is_none() {
            continue;
        }
        finding.unit = note.precision;
        let Some(col) = note.column_index(year, scope) else {
            finding.kind = TieFindingKind::NoColumn;
            out.push(finding);
            continue;
        };
        let figure = note.total_for(&row.id, col)?;
        finding.note_amount = figure;
        match figure {
            Some(f) if f == amount => finding.kind = TieFindingKind::Agrees,
            Some(f) => {
                finding.kind = TieFindingKind::Differs;
                finding.difference = Some(amount.checked_sub(f)?);
            }
            None => finding.kind = TieFindingKind::NoColumn,
        }
        out.push(finding);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::{LoanSchedule, NoteBody, NoteColumn, NoteKind};
    use crate::statement::StatementRowKind;

    // The example of `tie`: note 14, långfristiga skulder 24 000 tkr in 2025.
    fn findings(reference: &str, year: i32) -> Vec<TieFinding> {
        let y = FinancialYear::new(2025);
        let mut loans = LoanSchedule::new(Amount::tkr(25_000));
        loans.repayments = Amount::tkr(-1_000);
        loans.closing = Amount::tkr(24_000);
        let notes = vec![
            Note::schedule(
                14,
                NoteKind::LongTermLiabilities,
                vec![NoteColumn::kommun(y)],
                NoteBody::LongTermDebt(vec![loans]),
            )
            .unwrap(),
        ];
        let row = StatementRow {
            id: "langfristiga_skulder".into(),
            label: "Långfristiga skulder".into(),
            kind: StatementRowKind::Line,
            depth: 1,
            amount: Some(Amount::tkr(24_000)),
            note: Some(reference.into()),
        };
        tie(
            &notes,
            "balansräkningen",
            &[row],
            FinancialYear::new(year),
            NoteScope::Kommun,
        )
        .unwrap()
    }

    #[test]
    fn each_kind_has_its_sentence() {
        assert_eq!(
            findings("14", 2025)[0].to_string(),
            "balansräkningen: raden Långfristiga skulder (24\u{a0}000 tkr) och not 14 (24\u{a0}000 tkr) stämmer"
        );
        assert_eq!(
            findings("15", 2025)[0].to_string(),
            "balansräkningen: raden Långfristiga skulder hänvisar till not 15, som inte finns"
        );
        assert_eq!(
            findings("14", 2024)[0].to_string(),
            "balansräkningen: raden Långfristiga skulder hänvisar till not 14, som saknar kolumn för året"
        );
        let f = &findings("14", 2025)[0];
        assert_eq!(f.message(), f.to_string());
    }
}
