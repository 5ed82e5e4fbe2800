//! Skatteintäkter (preliminära inbetalningar, prognos för slutavräkningen of the year,
//! correction of the prior year's slutavräkning) and generella statsbidrag och
//! utjämning by component; and the note on departures from RKR's recommendations
//! (LKBR 4 kap. 3 §).

use super::check::{Checker, expect_sign};
use super::specification::NamedAmount;
use super::{NoteRow, named_id};
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::statement::StatementRowKind;

/// Skatteintäkter: preliminär kommunalskatt + prognos för årets slutavräkning +
/// korrigering av föregående års slutavräkning + other named parts (e.g. kommunal
/// fastighetsavgift where it is booked here) = skatteintäkter.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::TaxRevenueSchedule;
///
/// let t = TaxRevenueSchedule {
///     preliminary: Amount::tkr(66_500),
///     final_settlement_forecast: Amount::tkr(-700),
///     prior_year_correction: Amount::tkr(200),
///     other: Vec::new(),
///     total: Some(Amount::tkr(66_000)),
/// };
/// assert_eq!(t.sum()?, Amount::tkr(66_000));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "skatteintäkter")]
#[doc(alias = "slutavräkning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TaxRevenueSchedule {
    /// Preliminär kommunalskatt (the year's preliminary payments).
    #[cfg_attr(feature = "serde", serde(default))]
    pub preliminary: Amount,
    /// Prognos för slutavräkningen of the year (±).
    #[cfg_attr(feature = "serde", serde(default))]
    pub final_settlement_forecast: Amount,
    /// Korrigering (slutavräkningsdifferens) for the prior year (±).
    #[cfg_attr(feature = "serde", serde(default))]
    pub prior_year_correction: Amount,
    /// Other parts, each named.
    #[cfg_attr(feature = "serde", serde(default))]
    pub other: Vec<NamedAmount>,
    /// Summa skatteintäkter as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub total: Option<Amount>,
}

impl TaxRevenueSchedule {
    /// The sum of the parts.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn sum(&self) -> Result<Amount> {
        Amount::checked_sum(self.parts())
    }

    fn parts(&self) -> Vec<Amount> {
        let mut v = vec![
            self.preliminary,
            self.final_settlement_forecast,
            self.prior_year_correction,
        ];
        v.extend(self.other.iter().map(|o| o.amount));
        v
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>) -> Result<()> {
        if let Some(t) = self.total {
            let mut parts = self.parts();
            parts.retain(|a| !a.is_zero());
            c.sum("summa skatteintäkter", &parts, t)?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> Result<Vec<NoteRow>> {
        let row = |id: String, label: &str, kind: StatementRowKind, amount: Amount| NoteRow {
            id,
            label: label.to_owned(),
            kind,
            depth: 0,
            amount: Some(amount),
        };
        let mut out = vec![
            row(
                "preliminar".into(),
                "Preliminär kommunalskatt",
                StatementRowKind::Line,
                self.preliminary,
            ),
            row(
                "slutavrakning_aret".into(),
                "Prognos för slutavräkningen, innevarande år",
                StatementRowKind::Line,
                self.final_settlement_forecast,
            ),
            row(
                "slutavrakning_foregaende".into(),
                "Korrigering av slutavräkningen, föregående år",
                StatementRowKind::Line,
                self.prior_year_correction,
            ),
        ];
        for o in &self.other {
            out.push(row(
                named_id("", &o.label),
                &o.label,
                StatementRowKind::Line,
                o.amount,
            ));
        }
        out.push(row(
            "summa".into(),
            "Summa skatteintäkter",
            StatementRowKind::Total,
            self.total.map_or_else(|| self.sum(), Ok)?,
        ));
        Ok(out)
    }
}

/// A component of generella statsbidrag och utjämning (the kommunalekonomiska
/// utjämningssystemet and the general state grants). Grants are positive and fees
/// (avgifter) negative, as printed; a wrong sign is refused.
///
/// ```
/// use kommunal_redovisning::note::GrantComponent;
///
/// assert_eq!(GrantComponent::RegulationFee.label(), "Regleringsavgift");
/// assert_eq!(GrantComponent::RegulationFee.is_fee(), Some(true));
/// assert_eq!(GrantComponent::StructuralGrant.is_fee(), Some(false));
/// assert_eq!(GrantComponent::Other("Välfärdsmiljarder".into()).is_fee(), None);
/// ```
#[doc(alias = "utjämning")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum GrantComponent {
    /// Inkomstutjämningsbidrag (+).
    IncomeEqualisationGrant,
    /// Inkomstutjämningsavgift (−).
    IncomeEqualisationFee,
    /// Kostnadsutjämningsbidrag (+).
    CostEqualisationGrant,
    /// Kostnadsutjämningsavgift (−).
    CostEqualisationFee,
    /// Regleringsbidrag (+).
    RegulationGrant,
    /// Regleringsavgift (−).
    RegulationFee,
    /// Strukturbidrag (+).
    StructuralGrant,
    /// Bidrag för LSS-utjämning (+).
    LssEqualisationGrant,
    /// Avgift för LSS-utjämning (−).
    LssEqualisationFee,
    /// Kommunal fastighetsavgift (+).
    PropertyFee,
    /// Generella bidrag från staten (+).
    GeneralStateGrants,
    /// Any other component, by its printed name (sign not assumed).
    Other(String),
}

impl GrantComponent {
    /// The Swedish label.
    #[must_use]
    pub fn label(&self) -> &str {
        match self {
            GrantComponent::IncomeEqualisationGrant => "Inkomstutjämningsbidrag",
            GrantComponent::IncomeEqualisationFee => "Inkomstutjämningsavgift",
            GrantComponent::CostEqualisationGrant => "Kostnadsutjämningsbidrag",
            GrantComponent::CostEqualisationFee => "Kostnadsutjämningsavgift",
            GrantComponent::RegulationGrant => "Regleringsbidrag",
            GrantComponent::RegulationFee => "Regleringsavgift",
            GrantComponent::StructuralGrant => "Strukturbidrag",
            GrantComponent::LssEqualisationGrant => "Bidrag för LSS-utjämning",
            GrantComponent::LssEqualisationFee => "Avgift för LSS-utjämning",
            GrantComponent::PropertyFee => "Kommunal fastighetsavgift",
            GrantComponent::GeneralStateGrants => "Generella bidrag från staten",
            GrantComponent::Other(s) => s,
        }
    }

    /// `Some(true)` for a fee (negative), `Some(false)` for a grant (positive), `None`
    /// when the sign is not known.
    #[must_use]
    pub fn is_fee(&self) -> Option<bool> {
        match self {
            GrantComponent::IncomeEqualisationFee
            | GrantComponent::CostEqualisationFee
            | GrantComponent::RegulationFee
            | GrantComponent::LssEqualisationFee => Some(true),
            GrantComponent::Other(_) => None,
            _ => Some(false),
        }
    }
}

/// One component with its amount.
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{GeneralGrantsSchedule, GrantComponent, GrantPart, Note, NoteBody, NoteColumn, NoteKind};
///
/// // Påhittat belopp: an avgift printed positive is refused.
/// let part = GrantPart { component: GrantComponent::CostEqualisationFee, amount: Amount::tkr(1_000) };
/// let g = GeneralGrantsSchedule { parts: vec![part], total: None };
/// let note = Note::schedule(4, NoteKind::GeneralGrants, vec![NoteColumn::kommun(FinancialYear::new(2025))],
///     NoteBody::GeneralGrants(vec![g]));
/// assert!(note.is_err());
/// ```
#[doc(alias = "utjämningspost")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GrantPart {
    /// Which component.
    pub component: GrantComponent,
    /// Its amount, signed as printed.
    pub amount: Amount,
}

/// Generella statsbidrag och utjämning by component, and the total as printed.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{GeneralGrantsSchedule, GrantComponent, GrantPart};
///
/// let g = GeneralGrantsSchedule {
///     parts: vec![
///         GrantPart { component: GrantComponent::IncomeEqualisationGrant, amount: Amount::tkr(12_000) },
///         GrantPart { component: GrantComponent::CostEqualisationFee, amount: Amount::tkr(-1_000) },
///     ],
///     total: Some(Amount::tkr(11_000)),
/// };
/// assert_eq!(g.sum()?, Amount::tkr(11_000));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "generella statsbidrag och utjämning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GeneralGrantsSchedule {
    /// The components in printed order.
    pub parts: Vec<GrantPart>,
    /// Summa as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub total: Option<Amount>,
}

impl GeneralGrantsSchedule {
    /// The sum of the components.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn sum(&self) -> Result<Amount> {
        Amount::checked_sum(self.parts.iter().map(|p| p.amount))
    }

    pub(crate) fn validate(&self) -> Result<()> {
        for p in &self.parts {
            if let Some(fee) = p.component.is_fee() {
                expect_sign(p.component.label(), p.amount, fee)?;
            }
        }
        Ok(())
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>) -> Result<()> {
        if let Some(t) = self.total {
            let parts: Vec<Amount> = self.parts.iter().map(|p| p.amount).collect();
            c.sum("summa generella statsbidrag och utjämning", &parts, t)?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> Result<Vec<NoteRow>> {
        let mut out: Vec<NoteRow> = self
            .parts
            .iter()
            .map(|p| NoteRow {
                id: named_id("", p.component.label()),
                label: p.component.label().to_owned(),
                kind: StatementRowKind::Line,
                depth: 0,
                amount: Some(p.amount),
            })
            .collect();
        out.push(NoteRow {
            id: "summa".to_owned(),
            label: "Summa generella statsbidrag och utjämning".to_owned(),
            kind: StatementRowKind::Total,
            depth: 0,
            amount: Some(self.total.map_or_else(|| self.sum(), Ok)?),
        });
        Ok(out)
    }
}

/// A departure from an RKR recommendation (avvikelse från rekommendation), which LKBR
/// 4 kap. 3 § requires a note to disclose with its reasons.
///
/// ```
/// use kommunal_redovisning::note::Departure;
///
/// let d = Departure::new("R10", "Pensionsförpliktelser redovisas enligt fullfonderingsmodellen",
///     "Fullmäktige har beslutat att hela pensionsskulden ska synas i balansräkningen")?;
/// assert_eq!(d.recommendation, "R10");
/// assert!(Departure::new("R4", "Komponentavskrivning tillämpas inte", " ").is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "avvikelse från rekommendation")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Departure {
    /// The recommendation, e.g. "R10".
    pub recommendation: String,
    /// What is done differently.
    pub departure: String,
    /// Why (skälen), required.
    pub reason: String,
}

impl Departure {
    /// A departure with its reason.
    ///
    /// # Errors
    ///
    /// As [`Departure::validate`].
    pub fn new(
        recommendation: impl Into<String>,
        departure: impl Into<String>,
        reason: impl Into<String>,
    ) -> Result<Self> {
        let d = Departure {
            recommendation: recommendation.into(),
            departure: departure.into(),
            reason: reason.into(),
        };
        d.validate()?;
        Ok(d)
    }

    /// Refuses a departure without its recommendation, what departs, or a reason.
    ///
    /// # Errors
    ///
    /// [`Error::Refused`] naming what is missing (LKBR 4 kap. 3 §).
    pub fn validate(&self) -> Result<()> {
        for (field, text) in [
            ("rekommendation", &self.recommendation),
            ("avvikelse", &self.departure),
            ("skäl", &self.reason),
        ] {
            if text.trim().is_empty() {
                return Err(Error::Refused {
                    what: format!("avvikelse från RKR {}", self.recommendation.trim()),
                    reason: format!(
                        "uppgift om {field} saknas; LKBR 4 kap. 3 § kräver avvikelsen och skälen"
                    ),
                });
            }
        }
        Ok(())
    }
}
