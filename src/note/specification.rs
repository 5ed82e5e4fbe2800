//! Specifikation: the generic note — labelled rows with declared sums. Used for
//! anything without its own schedule (jämförelsestörande poster, revisionskostnad,
//! exploatering, förråd, fordringar …) and as the part of other schedules that is a
//! plain list (borgensförbindelser per borgenstagare).

use super::check::Checker;
use super::{NoteRow, named_id};
use crate::error::Result;
use crate::money::Amount;
use crate::statement::StatementRowKind;

/// What a row of a [`Specification`] is.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{ItemKind, NoteItem, Specification};
///
/// // Påhittade belopp (tkr): a "varav" row stays outside the sum.
/// let s = Specification::new(vec![
///     NoteItem::part("Kundfordringar", Amount::tkr(300)),
///     NoteItem::of_which("varav statliga", Amount::tkr(100)),
/// ]);
/// assert_eq!(s.items[1].kind, ItemKind::OfWhich);
/// assert_eq!(s.parts_sum()?, Amount::tkr(300));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "radtyp")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ItemKind {
    /// A part: the parts add up to the total.
    #[default]
    Part,
    /// "Varav …": a part of the row before it, outside the sums.
    OfWhich,
    /// A declared subtotal (delsumma): the sum of the parts since the previous
    /// subtotal, checked.
    Subtotal,
    /// A declared running total ("summa" after a delsumma and more parts): the sum of
    /// all parts so far, checked.
    RunningTotal,
}

/// One row of a [`Specification`]: a label and an amount.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::NoteItem;
///
/// let row = NoteItem::part("Räkenskapsrevision", Amount::tkr(1_250));
/// assert_eq!(row.amount, Amount::tkr(1_250));
/// ```
#[doc(alias = "notrad")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NoteItem {
    /// The label as printed.
    pub label: String,
    /// The amount, signed as printed (costs negative in a resultaträkning note).
    pub amount: Amount,
    /// Part, "varav" or subtotal.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: ItemKind,
}

impl NoteItem {
    /// A part.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{ItemKind, NoteItem};
    ///
    /// let row = NoteItem::part("Räkenskapsrevision", Amount::tkr(1_250));
    /// assert_eq!(row.kind, ItemKind::Part);
    /// ```
    #[must_use]
    pub fn part(label: impl Into<String>, amount: Amount) -> Self {
        NoteItem {
            label: label.into(),
            amount,
            kind: ItemKind::Part,
        }
    }

    /// A "varav" row.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{ItemKind, NoteItem};
    ///
    /// let row = NoteItem::of_which("varav jämförelsestörande", Amount::tkr(40));
    /// assert_eq!((row.kind, row.amount), (ItemKind::OfWhich, Amount::tkr(40)));
    /// ```
    #[must_use]
    pub fn of_which(label: impl Into<String>, amount: Amount) -> Self {
        NoteItem {
            label: label.into(),
            amount,
            kind: ItemKind::OfWhich,
        }
    }

    /// A declared subtotal of the parts since the previous subtotal.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{ItemKind, NoteItem};
    ///
    /// // Göteborgs Stad 2015, not 17.
    /// let row = NoteItem::subtotal("Summa borgensförbindelser externt", Amount::mnkr(737));
    /// assert_eq!(row.kind, ItemKind::Subtotal);
    /// ```
    #[must_use]
    pub fn subtotal(label: impl Into<String>, amount: Amount) -> Self {
        NoteItem {
            label: label.into(),
            amount,
            kind: ItemKind::Subtotal,
        }
    }
}

/// A named amount in a schedule (e.g. a lender, a räntebindning bucket, an other
/// movement).
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::NamedAmount;
///
/// let a = NamedAmount::new("Kommuninvest", Amount::tkr(24_000));
/// assert_eq!(a.label, "Kommuninvest");
/// ```
#[doc(alias = "post")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NamedAmount {
    /// The label as printed.
    pub label: String,
    /// The amount.
    pub amount: Amount,
}

impl NamedAmount {
    /// A named amount.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::NamedAmount;
    ///
    /// let a = NamedAmount::new("Kommuninvest", Amount::tkr(24_000));
    /// assert_eq!(a.amount, Amount::tkr(24_000));
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, amount: Amount) -> Self {
        NamedAmount {
            label: label.into(),
            amount,
        }
    }
}

/// Specifikation (LKBR 9 kap.): rows with declared sums — parts, "varav" rows and
/// subtotals, and a total. Without a declared total, the total is the sum of the parts.
///
/// # Example: Göteborgs Stad 2015, not 17 Borgensförbindelser (mnkr)
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{NoteItem, Specification};
///
/// let m = Amount::mnkr;
/// let s = Specification::new(vec![
///     NoteItem::part("Göteborgs Hamn AB", m(527)),
///     NoteItem::part("Göteborg Energi AB", m(236)),
///     NoteItem::part("Higab AB", m(1_197)),
///     NoteItem::part("Göteborgs Stadshus AB", m(1_526)),
///     NoteItem::part("Övriga bolag", m(345)),
///     NoteItem::subtotal("Summa borgensförbindelser egna bolag", m(3_831)),
///     NoteItem::part("Småhus – statliga bostadslån", m(3)),
///     NoteItem::part("Stiftelser", m(503)),
///     NoteItem::part("Föreningar", m(178)),
///     NoteItem::part("Övrigt", m(53)),
///     NoteItem::subtotal("Summa borgensförbindelser externt", m(737)),
/// ])
/// .with_total(m(4_568));
/// assert_eq!(s.total()?, m(4_568));
/// assert_eq!(s.parts_sum()?, m(4_568));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "specifikation")]
#[doc(alias = "övrig not")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Specification {
    /// The rows in printed order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub items: Vec<NoteItem>,
    /// The total as printed ("Summa …"); `None` when the note prints none.
    #[cfg_attr(feature = "serde", serde(default))]
    pub total: Option<Amount>,
    /// The label of the total row (default "Summa").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub total_label: Option<String>,
}

impl Specification {
    /// Rows without a declared total.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{NoteItem, Specification};
    ///
    /// // Påhittade belopp (tkr): without a declared total, the total is the sum of the parts.
    /// let s = Specification::new(vec![NoteItem::part("A", Amount::tkr(5)), NoteItem::part("B", Amount::tkr(7))]);
    /// assert_eq!(s.total()?, Amount::tkr(12));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(items: Vec<NoteItem>) -> Self {
        Specification {
            items,
            total: None,
            total_label: None,
        }
    }

    /// The same with a declared total.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{NoteItem, Specification};
    ///
    /// // Påhittade belopp (tkr): the declared total is kept, even when the parts differ.
    /// let s = Specification::new(vec![NoteItem::part("A", Amount::tkr(5))]).with_total(Amount::tkr(6));
    /// assert_eq!((s.total()?, s.parts_sum()?), (Amount::tkr(6), Amount::tkr(5)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_total(mut self, total: Amount) -> Self {
        self.total = Some(total);
        self
    }

    /// The sum of the parts.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn parts_sum(&self) -> Result<Amount> {
        Amount::checked_sum(
            self.items
                .iter()
                .filter(|i| i.kind == ItemKind::Part)
                .map(|i| i.amount),
        )
    }

    /// The total: as declared, else the sum of the parts.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn total(&self) -> Result<Amount> {
        match self.total {
            Some(t) => Ok(t),
            None => self.parts_sum(),
        }
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>, what: &str) -> Result<()> {
        let mut since = Vec::new();
        let mut all = Vec::new();
        for item in &self.items {
            match item.kind {
                ItemKind::Part => {
                    since.push(item.amount);
                    all.push(item.amount);
                }
                ItemKind::OfWhich => {}
                ItemKind::Subtotal => {
                    c.sum(item.label.to_lowercase(), &since, item.amount)?;
                    since.clear();
                }
                ItemKind::RunningTotal => {
                    c.sum(item.label.to_lowercase(), &all, item.amount)?;
                    since.clear();
                }
            }
        }
        if let Some(total) = self.total {
            let parts: Vec<Amount> = self
                .items
                .iter()
                .filter(|i| i.kind == ItemKind::Part)
                .map(|i| i.amount)
                .collect();
            c.sum(format!("summa {what}"), &parts, total)?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self, prefix: &str) -> Result<Vec<NoteRow>> {
        let mut rows: Vec<NoteRow> = self
            .items
            .iter()
            .map(|i| NoteRow {
                id: named_id(prefix, &i.label),
                label: i.label.clone(),
                kind: match i.kind {
                    ItemKind::Part => StatementRowKind::Line,
                    ItemKind::OfWhich => StatementRowKind::OfWhich,
                    ItemKind::Subtotal | ItemKind::RunningTotal => StatementRowKind::Subtotal,
                },
                depth: u8::from(i.kind == ItemKind::OfWhich),
                amount: Some(i.amount),
            })
            .collect();
        rows.push(NoteRow {
            id: named_id(prefix, "summa"),
            label: self
                .total_label
                .clone()
                .unwrap_or_else(|| "Summa".to_owned()),
            kind: StatementRowKind::Total,
            depth: 0,
            amount: Some(self.total()?),
        });
        Ok(rows)
    }
}
