//! Långfristiga skulder (loans, repayments, average interest, räntebindning) and
//! borgensförbindelser, including the solidarisk borgen for Kommuninvest i Sverige AB
//! and the kommun's share of Kommuninvest's liabilities and assets.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::check::{Checker, expect_sign};
use super::specification::{NamedAmount, Specification};
use super::{NoteRow, named_id};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent};
use crate::statement::StatementRowKind;

/// Långfristiga skulder: ingående skuld + nyupplåning + amorteringar + other named
/// movements (e.g. omklassificering till kortfristig del) = utgående skuld; the
/// utgående skuld by långivare, by räntebindning and by kapitalbindning (each must add
/// up to it when given); the average interest rate and the average räntebindningstid.
///
/// ```
/// use kommunal_redovisning::{Amount, Percent};
/// use kommunal_redovisning::note::{LoanSchedule, NamedAmount};
///
/// let mut l = LoanSchedule::new(Amount::tkr(25_000));
/// l.repayments = Amount::tkr(-1_000);
/// l.closing = Amount::tkr(24_000);
/// l.fixed_interest = vec![
///     NamedAmount::new("Inom 1 år", Amount::tkr(9_000)),
///     NamedAmount::new("1–3 år", Amount::tkr(15_000)),
/// ];
/// l.average_interest = Some("2.85".parse::<Percent>()?);
/// assert_eq!(l.expected_closing()?, Amount::tkr(24_000));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "långfristiga skulder")]
#[doc(alias = "låneskuld")]
#[doc(alias = "räntebindning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LoanSchedule {
    /// Ingående låneskuld.
    pub opening: Amount,
    /// Nyupplåning (+).
    #[cfg_attr(feature = "serde", serde(default))]
    pub new_loans: Amount,
    /// Amorteringar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub repayments: Amount,
    /// Other movements, each named.
    #[cfg_attr(feature = "serde", serde(default))]
    pub other: Vec<NamedAmount>,
    /// Utgående låneskuld as given.
    pub closing: Amount,
    /// The utgående skuld by långivare, when given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub lenders: Vec<NamedAmount>,
    /// The utgående skuld by räntebindning (förfall av räntevillkor), when given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub fixed_interest: Vec<NamedAmount>,
    /// The utgående skuld by kapitalbindning (förfall av lånen), when given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub maturity: Vec<NamedAmount>,
    /// Genomsnittlig ränta, when given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub average_interest: Option<Percent>,
    /// Genomsnittlig räntebindningstid in years, when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "crate::money::decimal_option")
    )]
    pub average_fixed_interest_years: Option<Decimal>,
}

impl LoanSchedule {
    /// A schedule with an opening debt and no movements (closing = opening).
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::LoanSchedule;
    ///
    /// // Påhittat belopp (tkr): no movements, so closing = opening.
    /// let l = LoanSchedule::new(Amount::tkr(25_000));
    /// assert_eq!(l.closing, Amount::tkr(25_000));
    /// assert_eq!(l.expected_closing()?, Amount::tkr(25_000));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(opening: Amount) -> Self {
        LoanSchedule {
            opening,
            closing: opening,
            ..LoanSchedule::default()
        }
    }

    /// Ingående skuld + nyupplåning + amorteringar + other movements.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn expected_closing(&self) -> Result<Amount> {
        Amount::checked_sum(
            [self.opening, self.new_loans, self.repayments]
                .into_iter()
                .chain(self.other.iter().map(|o| o.amount)),
        )
    }

    pub(crate) fn validate(&self) -> Result<()> {
        expect_sign("nyupplåning", self.new_loans, false)?;
        expect_sign("amorteringar", self.repayments, true)?;
        if let Some(y) = self
            .average_fixed_interest_years
            .filter(|y| y.is_sign_negative() && !y.is_zero())
        {
            return Err(Error::InvalidRule(format!(
                "genomsnittlig räntebindningstid {y} år är negativ"
            )));
        }
        Ok(())
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>) -> Result<()> {
        let mut parts = vec![self.opening, self.new_loans, self.repayments];
        parts.extend(self.other.iter().map(|o| o.amount));
        parts.retain(|a| !a.is_zero());
        c.sum("utgående låneskuld", &parts, self.closing)?;
        for (what, list) in [
            ("låneskulden per långivare", &self.lenders),
            ("låneskulden per räntebindning", &self.fixed_interest),
            ("låneskulden per kapitalbindning", &self.maturity),
        ] {
            if !list.is_empty() {
                let parts: Vec<Amount> = list.iter().map(|a| a.amount).collect();
                c.sum(what, &parts, self.closing)?;
            }
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> Vec<NoteRow> {
        let row =
            |id: String, label: &str, kind: StatementRowKind, depth: u8, amount: Amount| NoteRow {
                id,
                label: label.to_owned(),
                kind,
                depth,
                amount: Some(amount),
            };
        let mut out = vec![row(
            "ingaende_skuld".into(),
            "Ingående låneskuld",
            StatementRowKind::Line,
            0,
            self.opening,
        )];
        out.push(row(
            "nyupplaning".into(),
            "Nyupplåning",
            StatementRowKind::Line,
            0,
            self.new_loans,
        ));
        out.push(row(
            "amorteringar".into(),
            "Amorteringar",
            StatementRowKind::Line,
            0,
            self.repayments,
        ));
        for o in &self.other {
            out.push(row(
                named_id("", &o.label),
                &o.label,
                StatementRowKind::Line,
                0,
                o.amount,
            ));
        }
        out.push(row(
            "utgaende_skuld".into(),
            "Utgående låneskuld",
            StatementRowKind::Total,
            0,
            self.closing,
        ));
        for (prefix, heading, list) in [
            ("langivare", "Låneskuld per långivare", &self.lenders),
            ("rantebindning", "Räntebindning", &self.fixed_interest),
            ("kapitalbindning", "Kapitalbindning", &self.maturity),
        ] {
            if list.is_empty() {
                continue;
            }
            out.push(NoteRow {
                id: prefix.to_owned(),
                label: heading.to_owned(),
                kind: StatementRowKind::Heading,
                depth: 0,
                amount: None,
            });
            for a in list {
                out.push(row(
                    named_id(prefix, &a.label),
                    &a.label,
                    StatementRowKind::Line,
                    1,
                    a.amount,
                ));
            }
        }
        out
    }
}

/// Kommuninvest i Sverige AB: the solidarisk borgen såsom för egen skuld that every
/// member of Kommuninvest ekonomisk förening has signed for all of Kommuninvest's
/// obligations, and the estimate of its financial effect the member discloses:
/// Kommuninvest's total liabilities and assets at a date and the member's share of
/// each (by the regressavtal).
///
/// # Example: Värmdö kommun 2017, not 24 (kronor)
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::KommuninvestShare;
///
/// let k = KommuninvestShare {
///     date: "2017-12-31".parse().unwrap(),
///     total_liabilities: Amount::kr(342_483_929_484),
///     total_assets: Amount::kr(349_243_746_321),
///     share_of_liabilities: Amount::kr(1_334_069_617),
///     share_of_assets: Amount::kr(1_335_966_847),
///     members: None,
/// };
/// k.validate()?;
/// assert_eq!(k.liability_share()?.round(2, Default::default()).to_string(), "0.39");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "Kommuninvest")]
#[doc(alias = "solidarisk borgen")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct KommuninvestShare {
    /// The date of Kommuninvest's figures.
    pub date: NaiveDate,
    /// Kommuninvest i Sverige AB:s totala förpliktelser.
    pub total_liabilities: Amount,
    /// Kommuninvest i Sverige AB:s totala tillgångar.
    pub total_assets: Amount,
    /// The member's andel av de totala förpliktelserna.
    pub share_of_liabilities: Amount,
    /// The member's andel av de totala tillgångarna.
    pub share_of_assets: Amount,
    /// The number of members that have signed the same guarantee, when given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub members: Option<u32>,
}

impl KommuninvestShare {
    /// The member's share of the liabilities as a percentage.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when the total is zero.
    pub fn liability_share(&self) -> Result<Percent> {
        Percent::of(
            self.share_of_liabilities,
            self.total_liabilities,
            "Kommuninvests totala förpliktelser",
        )
    }

    /// The member's share of the assets as a percentage.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when the total is zero.
    pub fn asset_share(&self) -> Result<Percent> {
        Percent::of(
            self.share_of_assets,
            self.total_assets,
            "Kommuninvests totala tillgångar",
        )
    }

    /// Refuses negative figures and a share larger than its total.
    ///
    /// # Errors
    ///
    /// [`Error::WrongSign`]; [`Error::Refused`] naming both figures.
    pub fn validate(&self) -> Result<()> {
        for (row, a) in [
            ("Kommuninvests totala förpliktelser", self.total_liabilities),
            ("Kommuninvests totala tillgångar", self.total_assets),
            ("andel av förpliktelserna", self.share_of_liabilities),
            ("andel av tillgångarna", self.share_of_assets),
        ] {
            expect_sign(row, a, false)?;
        }
        for (what, share, total) in [
            (
                "andelen av Kommuninvests förpliktelser",
                self.share_of_liabilities,
                self.total_liabilities,
            ),
            (
                "andelen av Kommuninvests tillgångar",
                self.share_of_assets,
                self.total_assets,
            ),
        ] {
            if share > total {
                return Err(Error::Refused {
                    what: what.to_owned(),
                    reason: format!(
                        "andelen {} är större än totalen {}",
                        super::check::sv_amount_in(share, None),
                        super::check::sv_amount_in(total, None)
                    ),
                });
            }
        }
        Ok(())
    }
}

/// Borgensförbindelser: the guarantees per borgenstagare (a [`Specification`]: egna
/// bolag, föreningar, egnahem …, with declared subtotals and total) and the Kommuninvest
/// guarantee with the member's share.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{GuaranteeSchedule, NoteItem, Specification};
///
/// let g = GuaranteeSchedule::new(Specification::new(vec![
///     NoteItem::part("Borgen till kommunala företag", Amount::tkr(117_000)),
///     NoteItem::part("Övriga borgensåtaganden", Amount::tkr(30_608)),
/// ]).with_total(Amount::tkr(147_608)));
/// assert_eq!(g.total()?, Amount::tkr(147_608));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "borgensförbindelser")]
#[doc(alias = "borgensåtaganden")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GuaranteeSchedule {
    /// The guarantees per borgenstagare.
    pub guarantees: Specification,
    /// The Kommuninvest guarantee, when the entity is a member.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kommuninvest: Option<KommuninvestShare>,
}

impl GuaranteeSchedule {
    /// Guarantees without a Kommuninvest membership.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::{GuaranteeSchedule, NoteItem, Specification};
    ///
    /// // Påhittat belopp (tkr).
    /// let g = GuaranteeSchedule::new(Specification::new(vec![NoteItem::part("Bostadsbolaget AB", Amount::tkr(50_000))]));
    /// assert!(g.kommuninvest.is_none());
    /// assert_eq!(g.total()?, Amount::tkr(50_000));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(guarantees: Specification) -> Self {
        GuaranteeSchedule {
            guarantees,
            kommuninvest: None,
        }
    }

    /// Summa borgensförbindelser (the balansräkning memo post; the Kommuninvest
    /// guarantee is disclosed, not added).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn total(&self) -> Result<Amount> {
        self.guarantees.total()
    }

    pub(crate) fn validate(&self) -> Result<()> {
        for i in &self.guarantees.items {
            expect_sign(&i.label, i.amount, false)?;
        }
        if let Some(k) = &self.kommuninvest {
            k.validate()?;
        }
        Ok(())
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>) -> Result<()> {
        self.guarantees.check(c, "borgensförbindelser")
    }

    pub(crate) fn rows(&self) -> Result<Vec<NoteRow>> {
        let mut out = self.guarantees.rows("borgen")?;
        if let Some(total) = out.last_mut() {
            "Summa borgensförbindelser".clone_into(&mut total.label);
        }
        if let Some(k) = &self.kommuninvest {
            out.push(NoteRow {
                id: "kommuninvest".to_owned(),
                label: format!("Kommuninvest i Sverige AB per {}", k.date),
                kind: StatementRowKind::Heading,
                depth: 0,
                amount: None,
            });
            for (id, label, amount) in [
                (
                    "totala_forpliktelser",
                    "Totala förpliktelser",
                    k.total_liabilities,
                ),
                ("totala_tillgangar", "Totala tillgångar", k.total_assets),
                (
                    "andel_forpliktelser",
                    "Kommunens andel av förpliktelserna",
                    k.share_of_liabilities,
                ),
                (
                    "andel_tillgangar",
                    "Kommunens andel av tillgångarna",
                    k.share_of_assets,
                ),
            ] {
                out.push(NoteRow {
                    id: format!("kommuninvest/{id}"),
                    label: label.to_owned(),
                    kind: StatementRowKind::OfWhich,
                    depth: 1,
                    amount: Some(amount),
                });
            }
        }
        Ok(out)
    }
}
