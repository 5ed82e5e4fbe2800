//! Checking printed statements (granskning av tryckta rapporter).
//!
//! Municipal statements are published rounded to tkr or mnkr, with their subtotals and
//! totals printed beside the lines. [`check_statement`] and [`check_report`] take a
//! statement *as printed* ([`PrintedStatement`], usually read from JSON), map its rows
//! onto the statutory structure by label — tolerant of the wording that real reports
//! use (`reference/domain.md` §1.2–1.3) — recompute every subtotal, total, balance
//! identity, equity movement, särskild löneskatt and key ratio printed (soliditet,
//! soliditet inklusive pensionsförpliktelser, skuldsättningsgrad, kassalikviditet,
//! balanslikviditet), and return a
//! [`Discrepancy`] for each difference:
//!
//! - [`DiscrepancyClass::Rounding`] when the difference can come from rounding: at most
//!   half a unit of the last printed decimal per rounded figure taking part (a sum of
//!   three printed lines compared with a printed subtotal has four rounded figures, so
//!   up to 2 tkr), or, for a ratio, when the printed value lies within what the
//!   rounded inputs allow;
//! - [`DiscrepancyClass::Error`] when it cannot;
//! - [`DiscrepancyClass::Unplaced`] for a row whose label matches nothing in the statutory
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

mod discrepancy;
mod labels;
mod printed;
mod statement;

pub use discrepancy::{CheckKind, Discrepancy, DiscrepancyClass, Summary};
pub use labels::normalize;
pub use printed::{PrintedReport, PrintedRow, PrintedStatement, StatementKind, parse_printed};
pub use statement::{check_report, check_statement};
