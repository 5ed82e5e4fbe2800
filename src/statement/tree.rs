//! Organisational units as a tree (organisationsträd): nämnder, förvaltningar,
//! verksamheter, projects — named by the user, nested to any depth up to
//! [`MAX_DEPTH`]. Only leaves carry figures; every group's figures are derived sums of
//! its parts, so a tree cannot be built inconsistent.

use std::collections::BTreeSet;

use super::StatementRowKind;
use super::budget::OutcomeBasis;
use super::columns::ColumnRow;
use crate::error::{Error, Result};
use crate::money::Amount;

/// The deepest nesting accepted (levels below the top): deeper trees are refused with
/// [`Error::InvalidRule`] so that no input can exhaust the stack.
pub const MAX_DEPTH: usize = 32;

/// Separator of names in a unit's id path (`"Kommunstyrelsen/IT"`).
pub const PATH_SEPARATOR: char = '/';

/// An organisational unit (organisatorisk enhet): a leaf with its own figures or a
/// group of parts whose figures are the sums of the parts.
///
/// `T` is the statement's figures per unit, e.g. [`crate::UnitFigures`].
///
/// ```
/// # use kommunal_redovisning::{Amount, Budget, OperatingStatement, OperatingUnit, UnitFigures};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Gnesta kommun 2013, driftredovisning, budget 2013 (tkr): Kommungemensamma poster and
/// // its verksamheter (gnesta.se, årsredovisning 2013, driftredovisning).
/// let leaf = |name: &str, tkr| OperatingUnit::leaf(name, UnitFigures::new(Budget::new(Amount::tkr(tkr))));
/// let gemensamt = OperatingUnit::group("Kommungemensamma poster", vec![
///     leaf("Revision", -620), leaf("Överförmyndare", -847), leaf("Övriga förtroendevalda", -4_937),
///     leaf("Pensioner", -11_593), leaf("Skatter/statsbidrag", 522_597),
///     leaf("Räntenetto/borgensavgift", 4_901), leaf("Övrigt kommungemensamt", -4_301),
/// ]);
/// let drift = OperatingStatement::new(vec![gemensamt])?;
/// // The group's budget is derived from its parts; the report prints 505 200.
/// let totals = drift.unit_totals("Kommungemensamma poster")?.ok_or("enhet")?;
/// assert_eq!(totals.original_budget, Amount::tkr(505_200));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "enhet")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Unit<T> {
    /// The name as printed, e.g. "Kundtjänst"; unique among its siblings.
    pub name: String,
    /// A note reference (notreferens).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
    /// Own figures, or parts.
    pub content: UnitContent<T>,
}

/// What a [`Unit`] holds.
///
/// ```
/// use kommunal_redovisning::{Amount, Budget, OperatingUnit, UnitFigures};
/// use kommunal_redovisning::statement::UnitContent;
///
/// // Gnesta kommun 2013, driftredovisning: Revision, budget −620 tkr, under Kommungemensamma poster.
/// let revision = OperatingUnit::leaf("Revision", UnitFigures::new(Budget::new(Amount::tkr(-620))));
/// let gemensamt = OperatingUnit::group("Kommungemensamma poster", vec![revision]);
/// let UnitContent::Parts(parts) = &gemensamt.content else { return Err("a group".into()) };
/// let budget = match &parts[0].content {
///     UnitContent::Figures(f) => Some(f.budget.original),
///     UnitContent::Parts(_) => None,
/// };
/// assert_eq!(budget, Some(Amount::tkr(-620)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "enhet")]
pub enum UnitContent<T> {
    /// A leaf with its own figures.
    Figures(T),
    /// A group: its figures are the sums of its parts.
    Parts(Vec<Unit<T>>),
}

impl<T> Unit<T> {
    /// A leaf unit with its own figures.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, OperatingUnit, UnitFigures};
    /// let it = OperatingUnit::leaf("IT", UnitFigures::new(Budget::new(Amount::tkr(760))));
    /// assert!(it.parts().is_empty());
    /// ```
    #[must_use]
    pub fn leaf(name: impl Into<String>, figures: T) -> Self {
        Unit {
            name: name.into(),
            note: None,
            content: UnitContent::Figures(figures),
        }
    }

    /// A group of units; its figures are derived from the parts.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, OperatingUnit, UnitFigures};
    /// let leaf = |name: &str, tkr| OperatingUnit::leaf(name, UnitFigures::new(Budget::new(Amount::tkr(tkr))));
    /// let nämnd = OperatingUnit::group("Barn- och utbildningsnämnden", vec![leaf("Förskola", -40_000), leaf("Grundskola", -90_000)]);
    /// assert_eq!(nämnd.parts().len(), 2);
    /// ```
    #[must_use]
    pub fn group(name: impl Into<String>, parts: Vec<Unit<T>>) -> Self {
        Unit {
            name: name.into(),
            note: None,
            content: UnitContent::Parts(parts),
        }
    }

    /// The same unit with a note reference.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Budget, OperatingUnit, UnitFigures};
    /// let unit = OperatingUnit::leaf("Revision", UnitFigures::new(Budget::new(Amount::tkr(-195)))).with_note("3");
    /// assert_eq!(unit.note.as_deref(), Some("3"));
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The parts of a group; empty for a leaf.
    #[must_use]
    pub fn parts(&self) -> &[Unit<T>] {
        match &self.content {
            UnitContent::Figures(_) => &[],
            UnitContent::Parts(p) => p,
        }
    }

    /// The figures of a leaf; `None` for a group.
    #[must_use]
    pub fn figures(&self) -> Option<&T> {
        match &self.content {
            UnitContent::Figures(f) => Some(f),
            UnitContent::Parts(_) => None,
        }
    }
}

/// The summable figures of a unit (leaf figures turned into columns that add up).
pub(crate) trait Totals: Sized {
    /// The totals of no units at all.
    fn zero() -> Self;
    /// Column-wise sum.
    fn checked_add(&self, other: &Self) -> Result<Self>;
    /// The statement's column type.
    type Column: Copy;
    /// The derived cells for `columns`, in order.
    fn cells(&self, columns: &[Self::Column], basis: OutcomeBasis) -> Result<Vec<Option<Amount>>>;
}

/// Leaf figures that can be turned into [`Totals`].
pub(crate) trait Leaf {
    /// The totals type.
    type Totals: Totals;
    /// This leaf's totals.
    fn totals(&self) -> Result<Self::Totals>;
}

/// Validates names and depth, and checks that ids are unique.
pub(crate) fn validate<T>(units: &[Unit<T>]) -> Result<()> {
    let mut ids = BTreeSet::new();
    let mut stack: Vec<(String, usize, &Unit<T>)> =
        units.iter().rev().map(|u| (String::new(), 0, u)).collect();
    while let Some((prefix, depth, unit)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(Error::InvalidRule(format!(
                "enheten {prefix:?} ligger djupare än {MAX_DEPTH} nivåer"
            )));
        }
        if unit.name.trim().is_empty() {
            return Err(Error::InvalidRule(format!(
                "en enhet under {prefix:?} har ett tomt namn"
            )));
        }
        let id = join(&prefix, &unit.name);
        if !ids.insert(id.clone()) {
            return Err(Error::InvalidRule(format!(
                "två enheter har id {id:?}; namnen måste vara unika på samma nivå"
            )));
        }
        for part in unit.parts().iter().rev() {
            stack.push((id.clone(), depth.saturating_add(1), part));
        }
    }
    Ok(())
}

/// Refuses a top-level unit whose id is the total row's id.
pub(crate) fn check_not_total<T>(units: &[Unit<T>], total_id: &str) -> Result<()> {
    match units.iter().find(|u| u.name == total_id) {
        Some(u) => Err(Error::InvalidRule(format!(
            "en enhet på översta nivån får inte heta {:?}: det är id för totalraden",
            u.name
        ))),
        None => Ok(()),
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}{PATH_SEPARATOR}{name}")
    }
}

/// A unit's totals: its own for a leaf, the sum of its parts for a group.
pub(crate) fn totals_at<T: Leaf>(unit: &Unit<T>, depth: usize) -> Result<T::Totals> {
    if depth > MAX_DEPTH {
        return Err(Error::InvalidRule(format!(
            "enheten {:?} ligger djupare än {MAX_DEPTH} nivåer",
            unit.name
        )));
    }
    match &unit.content {
        UnitContent::Figures(f) => f.totals(),
        UnitContent::Parts(parts) => sum_units(parts, depth.saturating_add(1)),
    }
}

/// The sum of the totals of `units` at `depth`.
pub(crate) fn sum_units<T: Leaf>(units: &[Unit<T>], depth: usize) -> Result<T::Totals> {
    units.iter().try_fold(T::Totals::zero(), |acc, u| {
        acc.checked_add(&totals_at(u, depth)?)
    })
}

/// The unit with the given id path.
pub(crate) fn find<'a, T>(units: &'a [Unit<T>], id: &str) -> Option<&'a Unit<T>> {
    let mut level = units;
    let mut found = None;
    for name in id.split(PATH_SEPARATOR) {
        let unit = level.iter().find(|u| u.name == name)?;
        level = unit.parts();
        found = Some(unit);
    }
    found
}

/// Rows for `units` in pre-order: each group's (subtotal) row before its parts. Returns
/// the rows and the units' total.
pub(crate) fn unit_rows<T: Leaf>(
    units: &[Unit<T>],
    columns: &[<T::Totals as Totals>::Column],
    basis: OutcomeBasis,
    prefix: &str,
    depth: usize,
    rows: &mut Vec<ColumnRow>,
) -> Result<T::Totals> {
    let mut total = T::Totals::zero();
    for unit in units {
        if depth > MAX_DEPTH {
            return Err(Error::InvalidRule(format!(
                "enheten {:?} ligger djupare än {MAX_DEPTH} nivåer",
                unit.name
            )));
        }
        let id = join(prefix, &unit.name);
        let at = rows.len();
        let (totals, kind) = match &unit.content {
            UnitContent::Figures(f) => (f.totals()?, StatementRowKind::Line),
            UnitContent::Parts(parts) => (
                unit_rows(parts, columns, basis, &id, depth.saturating_add(1), rows)?,
                StatementRowKind::Subtotal,
            ),
        };
        let row = ColumnRow {
            id,
            label: unit.name.clone(),
            kind,
            depth: u8::try_from(depth).unwrap_or(u8::MAX),
            values: totals.cells(columns, basis)?,
            note: unit.note.clone(),
        };
        rows.insert(at, row);
        total = total.checked_add(&totals)?;
    }
    Ok(total)
}
