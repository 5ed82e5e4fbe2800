//! Materiella och immateriella anläggningstillgångar (RKR R3 Immateriella
//! anläggningstillgångar, RKR R4 Materiella anläggningstillgångar): per class the
//! opening carrying value (anskaffningsvärde less accumulated depreciation and
//! impairment), the year's movements and the closing carrying value, with the useful
//! lives the class is depreciated over.

use super::check::{Checker, expect_sign};
use super::specification::NamedAmount;
use super::{NoteRow, named_id};
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::statement::{BalanceLine, StatementRowKind};

/// Anskaffningsvärde, ackumulerade avskrivningar and ackumulerade nedskrivningar at a
/// date: the gross values behind a carrying value. Accumulated depreciation and
/// impairment are entered negative, as printed.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::GrossValues;
///
/// // Göteborgs Stad 2015, verksamhetsfastigheter at 1 January (mnkr).
/// let g = GrossValues {
///     cost: Amount::mnkr(15_420),
///     accumulated_depreciation: Amount::mnkr(-6_123),
///     accumulated_impairment: Amount::mnkr(-26),
/// };
/// assert_eq!(g.carrying_value()?, Amount::mnkr(9_271));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "anskaffningsvärde")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GrossValues {
    /// Anskaffningsvärde (+).
    pub cost: Amount,
    /// Ackumulerade avskrivningar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub accumulated_depreciation: Amount,
    /// Ackumulerade nedskrivningar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub accumulated_impairment: Amount,
}

impl GrossValues {
    /// Bokfört värde = anskaffningsvärde + ackumulerade av- och nedskrivningar.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn carrying_value(&self) -> Result<Amount> {
        Amount::checked_sum([
            self.cost,
            self.accumulated_depreciation,
            self.accumulated_impairment,
        ])
    }

    fn validate(&self, class: &str) -> Result<()> {
        expect_sign(&format!("anskaffningsvärde, {class}"), self.cost, false)?;
        expect_sign(
            &format!("ackumulerade avskrivningar, {class}"),
            self.accumulated_depreciation,
            true,
        )?;
        expect_sign(
            &format!("ackumulerade nedskrivningar, {class}"),
            self.accumulated_impairment,
            true,
        )
    }
}

/// Nyttjandeperiod (RKR R4): the useful lives, in years, a class is depreciated over,
/// e.g. 10–80 år for verksamhetsfastigheter. Refused when negative or when the shortest
/// exceeds the longest.
///
/// ```
/// use kommunal_redovisning::note::UsefulLife;
///
/// assert_eq!(UsefulLife::new(10, 80)?.to_string(), "10–80 år");
/// assert_eq!(UsefulLife::new(5, 5)?.to_string(), "5 år");
/// assert!(UsefulLife::new(-5, 10).is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "nyttjandeperiod")]
#[doc(alias = "avskrivningstid")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct UsefulLife {
    /// The shortest useful life, in years.
    pub min_years: i32,
    /// The longest useful life, in years.
    pub max_years: i32,
}

impl UsefulLife {
    /// Useful lives from `min_years` to `max_years`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for a negative life or `min_years > max_years`.
    ///
    /// ```
    /// use kommunal_redovisning::note::UsefulLife;
    ///
    /// let life = UsefulLife::new(3, 10)?;
    /// assert_eq!((life.min_years, life.max_years), (3, 10));
    /// assert!(UsefulLife::new(10, 3).is_err()); // shortest longer than longest
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(min_years: i32, max_years: i32) -> Result<Self> {
        let life = UsefulLife {
            min_years,
            max_years,
        };
        life.validate("")?;
        Ok(life)
    }

    fn validate(&self, class: &str) -> Result<()> {
        let of = if class.is_empty() {
            String::new()
        } else {
            format!(" för {class}")
        };
        if self.min_years < 0 || self.max_years < 0 {
            return Err(Error::InvalidRule(format!(
                "nyttjandeperioden {self}{of} är negativ: en nyttjandeperiod är ett antal år, \
                 noll eller fler"
            )));
        }
        if self.min_years > self.max_years {
            return Err(Error::InvalidRule(format!(
                "nyttjandeperioden{of}: kortaste {} år är längre än längsta {} år",
                self.min_years, self.max_years
            )));
        }
        Ok(())
    }
}

impl std::fmt::Display for UsefulLife {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sv = |y: i32| {
            if y < 0 {
                format!("\u{2212}{}", y.unsigned_abs())
            } else {
                y.to_string()
            }
        };
        if self.min_years == self.max_years {
            write!(f, "{} år", sv(self.min_years))
        } else {
            write!(f, "{}–{} år", sv(self.min_years), sv(self.max_years))
        }
    }
}

/// One class of anläggningstillgångar (e.g. verksamhetsfastigheter, maskiner och
/// inventarier): ingående bokfört värde + investeringar + försäljningar och
/// utrangeringar + avskrivningar + nedskrivningar + återförda nedskrivningar +
/// omklassificeringar + other named movements = utgående bokfört värde.
///
/// Signs as printed: investments and reversed impairments positive; disposals,
/// depreciation and impairment negative (refused otherwise); reclassifications ±.
///
/// # Example: Göteborgs Stad 2015, publika fastigheter (mnkr)
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::AssetClass;
///
/// let m = Amount::mnkr;
/// let mut c = AssetClass::new("Publika fastigheter", m(2_901));
/// c.investments = m(147);
/// c.depreciation = m(-180);
/// c.impairments = m(-2);
/// c.reclassifications = m(-6);
/// c.closing = m(2_860);
/// assert_eq!(c.expected_closing()?, m(2_860));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "tillgångsslag")]
#[doc(alias = "anläggningstillgångar")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AssetClass {
    /// The class as printed.
    pub name: String,
    /// The balansräkning post the class belongs to, when the note ties per post.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub line: Option<BalanceLine>,
    /// Gross values at the start, when printed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub opening_gross: Option<GrossValues>,
    /// Ingående bokfört värde.
    pub opening: Amount,
    /// Årets investeringar (+).
    #[cfg_attr(feature = "serde", serde(default))]
    pub investments: Amount,
    /// Försäljningar och utrangeringar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub disposals: Amount,
    /// Årets avskrivningar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub depreciation: Amount,
    /// Årets nedskrivningar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub impairments: Amount,
    /// Återförda nedskrivningar (+).
    #[cfg_attr(feature = "serde", serde(default))]
    pub reversed_impairments: Amount,
    /// Omklassificeringar och överföringar (±).
    #[cfg_attr(feature = "serde", serde(default))]
    pub reclassifications: Amount,
    /// Other movements, each named (e.g. "Rättning av fel").
    #[cfg_attr(feature = "serde", serde(default))]
    pub other: Vec<NamedAmount>,
    /// Utgående bokfört värde as given.
    pub closing: Amount,
    /// Gross values at the end, when printed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub closing_gross: Option<GrossValues>,
    /// Nyttjandeperiod, when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub useful_life: Option<UsefulLife>,
}

impl AssetClass {
    /// A class with an opening carrying value and no movements (closing = opening).
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::AssetClass;
    ///
    /// // Påhittat belopp (tkr).
    /// let c = AssetClass::new("Maskiner och inventarier", Amount::tkr(8_000));
    /// assert_eq!(c.closing, Amount::tkr(8_000));
    /// assert_eq!(c.expected_closing()?, Amount::tkr(8_000));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>, opening: Amount) -> Self {
        AssetClass {
            name: name.into(),
            line: None,
            opening_gross: None,
            opening,
            investments: Amount::ZERO,
            disposals: Amount::ZERO,
            depreciation: Amount::ZERO,
            impairments: Amount::ZERO,
            reversed_impairments: Amount::ZERO,
            reclassifications: Amount::ZERO,
            other: Vec::new(),
            closing: opening,
            closing_gross: None,
            useful_life: None,
        }
    }

    /// The movements in printed order, with their labels.
    fn movements(&self) -> Vec<(&'static str, &'static str, Amount)> {
        vec![
            ("investeringar", "Årets investeringar", self.investments),
            (
                "forsaljningar",
                "Försäljningar och utrangeringar",
                self.disposals,
            ),
            ("avskrivningar", "Årets avskrivningar", self.depreciation),
            ("nedskrivningar", "Årets nedskrivningar", self.impairments),
            (
                "aterforda_nedskrivningar",
                "Återförda nedskrivningar",
                self.reversed_impairments,
            ),
            (
                "omklassificeringar",
                "Omklassificeringar och överföringar",
                self.reclassifications,
            ),
        ]
    }

    /// Ingående bokfört värde + every movement.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn expected_closing(&self) -> Result<Amount> {
        Amount::checked_sum(
            std::iter::once(self.opening)
                .chain(self.movements().into_iter().map(|(_, _, a)| a))
                .chain(self.other.iter().map(|o| o.amount)),
        )
    }

    /// The same class with its closing value set to what the movements give.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::AssetClass;
    ///
    /// // Påhittade belopp (tkr): 8 000 + 1 200 − 900 = 8 300.
    /// let mut c = AssetClass::new("Maskiner och inventarier", Amount::tkr(8_000));
    /// c.investments = Amount::tkr(1_200);
    /// c.depreciation = Amount::tkr(-900);
    /// assert_eq!(c.rolled_forward()?.closing, Amount::tkr(8_300));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn rolled_forward(mut self) -> Result<Self> {
        self.closing = self.expected_closing()?;
        Ok(self)
    }

    /// Refuses wrong signs and impossible useful lives.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`] or [`Error::InvalidRule`] naming the class.
    pub fn validate(&self) -> Result<()> {
        let n = &self.name;
        expect_sign(
            &format!("försäljningar och utrangeringar, {n}"),
            self.disposals,
            true,
        )?;
        expect_sign(
            &format!("årets avskrivningar, {n}"),
            self.depreciation,
            true,
        )?;
        expect_sign(
            &format!("årets nedskrivningar, {n}"),
            self.impairments,
            true,
        )?;
        expect_sign(
            &format!("återförda nedskrivningar, {n}"),
            self.reversed_impairments,
            false,
        )?;
        for g in [self.opening_gross, self.closing_gross]
            .into_iter()
            .flatten()
        {
            g.validate(n)?;
        }
        if let Some(l) = self.useful_life {
            l.validate(n)?;
        }
        Ok(())
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>) -> Result<()> {
        let n = &self.name;
        if let Some(g) = self.opening_gross {
            c.sum(
                format!("ingående bokfört värde, {n}"),
                &[g.cost, g.accumulated_depreciation, g.accumulated_impairment],
                self.opening,
            )?;
        }
        let mut parts = vec![self.opening];
        parts.extend(self.movements().into_iter().map(|(_, _, a)| a));
        parts.extend(self.other.iter().map(|o| o.amount));
        parts.retain(|a| !a.is_zero());
        c.sum(format!("utgående bokfört värde, {n}"), &parts, self.closing)?;
        if let Some(g) = self.closing_gross {
            c.sum(
                format!("utgående bokfört värde enligt anskaffningsvärde och ackumulerade av- och nedskrivningar, {n}"),
                &[g.cost, g.accumulated_depreciation, g.accumulated_impairment],
                self.closing,
            )?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self, prefix: &str, depth: u8) -> Vec<NoteRow> {
        let id = |s: &str| named_id(prefix, s);
        let row = |key: &str, label: &str, kind: StatementRowKind, amount: Amount| NoteRow {
            id: id(key),
            label: label.to_owned(),
            kind,
            depth,
            amount: Some(amount),
        };
        let mut out = Vec::new();
        let gross = |out: &mut Vec<NoteRow>, when: &str, g: &GrossValues| {
            let w = when.to_lowercase();
            out.push(row(
                &format!("{w}_anskaffningsvarde"),
                &format!("{when} anskaffningsvärde"),
                StatementRowKind::Line,
                g.cost,
            ));
            out.push(row(
                &format!("{w}_ackumulerade_avskrivningar"),
                &format!("{when} ackumulerade avskrivningar"),
                StatementRowKind::Line,
                g.accumulated_depreciation,
            ));
            if !g.accumulated_impairment.is_zero() {
                out.push(row(
                    &format!("{w}_ackumulerade_nedskrivningar"),
                    &format!("{when} ackumulerade nedskrivningar"),
                    StatementRowKind::Line,
                    g.accumulated_impairment,
                ));
            }
        };
        if let Some(g) = &self.opening_gross {
            gross(&mut out, "Ingående", g);
        }
        out.push(row(
            "ingaende_bokfort_varde",
            "Ingående bokfört värde",
            StatementRowKind::Subtotal,
            self.opening,
        ));
        for (key, label, amount) in self.movements() {
            if !amount.is_zero() || key == "investeringar" || key == "avskrivningar" {
                out.push(row(key, label, StatementRowKind::Line, amount));
            }
        }
        for o in &self.other {
            out.push(row(&o.label, &o.label, StatementRowKind::Line, o.amount));
        }
        out.push(row(
            "utgaende_bokfort_varde",
            "Utgående bokfört värde",
            StatementRowKind::Total,
            self.closing,
        ));
        if let Some(g) = &self.closing_gross {
            gross(&mut out, "Utgående", g);
        }
        out
    }
}

/// The anläggningstillgångar note of one column: its classes and, when printed, the
/// total carrying value.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{AssetClass, FixedAssetSchedule};
///
/// let mut byggnader = AssetClass::new("Byggnader", Amount::tkr(50_000));
/// byggnader.depreciation = Amount::tkr(-2_500);
/// let s = FixedAssetSchedule::new(vec![byggnader.rolled_forward()?]);
/// assert_eq!(s.closing()?, Amount::tkr(47_500));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "anläggningstillgångar")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FixedAssetSchedule {
    /// The classes in printed order.
    pub classes: Vec<AssetClass>,
    /// Summa utgående bokfört värde as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub total: Option<Amount>,
}

impl FixedAssetSchedule {
    /// A schedule of these classes without a printed total.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{AssetClass, FixedAssetSchedule};
    ///
    /// // Påhittade belopp (tkr).
    /// let s = FixedAssetSchedule::new(vec![
    ///     AssetClass::new("Mark", Amount::tkr(4_000)),
    ///     AssetClass::new("Byggnader", Amount::tkr(50_000)),
    /// ]);
    /// assert_eq!((s.total, s.closing()?), (None, Amount::tkr(54_000)));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(classes: Vec<AssetClass>) -> Self {
        FixedAssetSchedule {
            classes,
            total: None,
        }
    }

    /// The sum of the classes' closing carrying values.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn closing(&self) -> Result<Amount> {
        Amount::checked_sum(self.classes.iter().map(|c| c.closing))
    }

    /// The closing carrying value of the classes on `line`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn closing_for(&self, line: BalanceLine) -> Result<Amount> {
        Amount::checked_sum(
            self.classes
                .iter()
                .filter(|c| c.line == Some(line))
                .map(|c| c.closing),
        )
    }

    /// Årets avskrivningar and nedskrivningar less återförda, over all classes (as
    /// printed, negative): what the resultaträkning's avskrivningar should show.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn depreciation_and_impairment(&self) -> Result<Amount> {
        Amount::checked_sum(
            self.classes
                .iter()
                .flat_map(|c| [c.depreciation, c.impairments, c.reversed_impairments]),
        )
    }

    pub(crate) fn validate(&self) -> Result<()> {
        self.classes.iter().try_for_each(AssetClass::validate)
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>) -> Result<()> {
        for class in &self.classes {
            class.check(c)?;
        }
        if let Some(t) = self.total {
            let parts: Vec<Amount> = self.classes.iter().map(|c| c.closing).collect();
            c.sum("summa utgående bokfört värde", &parts, t)?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> Result<Vec<NoteRow>> {
        let mut out = Vec::new();
        let many = self.classes.len() > 1;
        for class in &self.classes {
            if many {
                out.push(NoteRow {
                    id: named_id("", &class.name),
                    label: class.name.clone(),
                    kind: StatementRowKind::Heading,
                    depth: 0,
                    amount: None,
                });
            }
            out.extend(class.rows(&named_id("", &class.name), u8::from(many)));
        }
        if many {
            out.push(NoteRow {
                id: "summa_bokfort_varde".to_owned(),
                label: "Summa utgående bokfört värde".to_owned(),
                kind: StatementRowKind::Total,
                depth: 0,
                amount: Some(match self.total {
                    Some(t) => t,
                    None => self.closing()?,
                }),
            });
        }
        Ok(out)
    }
}
