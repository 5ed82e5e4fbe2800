//! Pensions (RKR R10 Pensioner; blandmodellen): the roll-forward of the avsättning
//! för pensioner, its split by kind, the pension summary with the ansvarsförbindelse,
//! the managed pension funds, återlånade medel and konsolideringsgrad, and the
//! särskild löneskatt at the year's rate.

use rust_decimal::Decimal;

use super::check::{Checker, expect_sign, payroll_tax_included};
use super::specification::NamedAmount;
use super::{NoteRow, named_id};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent};
use crate::period::FinancialYear;
use crate::ratio;
use crate::statement::StatementRowKind;

/// Särskild löneskatt på pensionskostnader by year (lag 1991:687), as data: each entry
/// is the rate from that year on. Pension obligations are reported including it.
///
/// The default table has one entry: 24,26 % from 2001 — Skatteverket's handbook
/// states the rate for 2001 (<https://docplayer.se/amp/17677682-1602-sarskild-loneskatt-pa-pensionskostnader.html>)
/// and it is unchanged today (<https://timbro.se/skattekoll/sarskild-loneskatt/>).
/// Earlier years are not in the table: add them when you have a source.
///
/// ```
/// use kommunal_redovisning::FinancialYear;
/// use kommunal_redovisning::note::PayrollTaxRates;
/// use kommunal_redovisning::Decimal;
///
/// let rates = PayrollTaxRates::sweden();
/// assert_eq!(rates.rate(FinancialYear::new(2025))?, Decimal::new(2426, 4));
/// assert!(rates.rate(FinancialYear::new(1995)).is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "särskild löneskatt")]
#[doc(alias = "SLP")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct PayrollTaxRates(Vec<PayrollTaxRate>);

/// One entry of [`PayrollTaxRates`]: the rate (as a fraction, 0.2426) from a year on.
///
/// ```
/// use kommunal_redovisning::{Decimal, FinancialYear};
/// use kommunal_redovisning::note::{PayrollTaxRate, PayrollTaxRates};
///
/// // 24,26 % from 2001 (lag 1991:687).
/// let rates = PayrollTaxRates::new(vec![PayrollTaxRate { from: 2001, rate: Decimal::new(2426, 4) }])?;
/// assert_eq!(rates.rate(FinancialYear::new(2025))?, Decimal::new(2426, 4));
/// assert!(rates.rate(FinancialYear::new(1999)).is_err());
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "skattesats")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PayrollTaxRate {
    /// The first year the rate applies to.
    pub from: i32,
    /// The rate as a fraction, e.g. `0.2426`.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub rate: Decimal,
}

impl PayrollTaxRates {
    /// The Swedish rates known to the crate (see the type's docs).
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, Decimal, FinancialYear};
    /// use kommunal_redovisning::note::PayrollTaxRates;
    ///
    /// let rates = PayrollTaxRates::sweden();
    /// assert_eq!(rates.rate(FinancialYear::new(2025))?, Decimal::new(2426, 4));
    /// // 12 426 kr incl. löneskatt holds 12 426 × 0,2426 / 1,2426 = 2 426 kr.
    /// let tax = rates.included_in(Amount::kr(12_426), FinancialYear::new(2025))?;
    /// assert_eq!(tax, Amount::kr(2_426)); // exact
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn sweden() -> Self {
        PayrollTaxRates(vec![PayrollTaxRate {
            from: 2001,
            // 24,26 % = statement::SPECIAL_PAYROLL_TAX_RATE as a fraction.
            rate: Decimal::from_parts(2426, 0, 0, false, 4),
        }])
    }

    /// A table from entries; they are sorted by year.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] for two entries for one year or a rate outside 0–1.
    ///
    /// ```
    /// use kommunal_redovisning::Decimal;
    /// use kommunal_redovisning::note::{PayrollTaxRate, PayrollTaxRates};
    ///
    /// // Påhittad tabell: two rates for one year are refused, as is a rate ≥ 1.
    /// let r = |from, rate| PayrollTaxRate { from, rate };
    /// assert!(PayrollTaxRates::new(vec![r(2001, Decimal::new(2426, 4)), r(2001, Decimal::new(25, 2))]).is_err());
    /// assert!(PayrollTaxRates::new(vec![r(2001, Decimal::ONE)]).is_err());
    /// assert!(PayrollTaxRates::new(vec![r(2001, Decimal::new(2426, 4))]).is_ok());
    /// ```
    pub fn new(mut rates: Vec<PayrollTaxRate>) -> Result<Self> {
        rates.sort_by_key(|r| r.from);
        if let Some(w) = rates
            .windows(2)
            .find(|w| matches!(w, [a, b] if a.from == b.from))
        {
            let year = w.first().map_or(0, |r| r.from);
            return Err(Error::InvalidRule(format!(
                "två satser för särskild löneskatt från {year}"
            )));
        }
        if let Some(r) = rates
            .iter()
            .find(|r| r.rate < Decimal::ZERO || r.rate >= Decimal::ONE)
        {
            return Err(Error::InvalidRule(format!(
                "särskild löneskatt från {}: satsen {} är inte en andel mellan 0 och 1",
                r.from,
                crate::NumberFormat::swedish()
                    .with_decimals(r.rate.normalize().scale())
                    .decimal(r.rate)
            )));
        }
        Ok(PayrollTaxRates(rates))
    }

    /// The rate for `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when the table has no rate for the year.
    pub fn rate(&self, year: FinancialYear) -> Result<Decimal> {
        self.0
            .iter()
            .rev()
            .find(|r| r.from <= year.year())
            .map(|r| r.rate)
            .ok_or_else(|| {
                Error::InvalidRule(format!(
                    "ingen sats för särskild löneskatt är känd för {}; lägg till den i tabellen",
                    year.year()
                ))
            })
    }

    /// The särskild löneskatt contained in `including_tax` in `year`:
    /// `including_tax × rate / (1 + rate)`.
    ///
    /// # Errors
    ///
    /// As [`PayrollTaxRates::rate`]; [`Error::Overflow`].
    pub fn included_in(&self, including_tax: Amount, year: FinancialYear) -> Result<Amount> {
        payroll_tax_included(including_tax, self.rate(year)?)
    }
}

impl Default for PayrollTaxRates {
    fn default() -> Self {
        PayrollTaxRates::sweden()
    }
}

/// What kind of pension an amount of the avsättning is (RKR R10 asks for the split).
///
/// ```
/// use kommunal_redovisning::note::PensionKind;
///
/// assert_eq!(PensionKind::SpecialAgreement.label(), "Särskild avtalspension");
/// assert_eq!(PensionKind::Other("Avtalspension, visstidspension m m".into()).label(), "Avtalspension, visstidspension m m");
/// ```
#[doc(alias = "pensionsslag")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PensionKind {
    /// Förmånsbestämd (kompletterande) ålderspension.
    DefinedBenefit,
    /// Särskild avtalspension.
    SpecialAgreement,
    /// Efterlevandepension.
    Survivors,
    /// Visstidspension (förtroendevalda, PBF/OPF-KL).
    FixedTerm,
    /// Särskild löneskatt on the rest.
    PayrollTax,
    /// Any other kind, by its printed name.
    Other(String),
}

impl PensionKind {
    /// The Swedish label.
    #[must_use]
    pub fn label(&self) -> &str {
        match self {
            PensionKind::DefinedBenefit => "Förmånsbestämd ålderspension",
            PensionKind::SpecialAgreement => "Särskild avtalspension",
            PensionKind::Survivors => "Efterlevandepension",
            PensionKind::FixedTerm => "Visstidspension",
            PensionKind::PayrollTax => "Löneskatt",
            PensionKind::Other(s) => s,
        }
    }
}

/// One kind's share of the avsättning.
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::{PensionKind, PensionPart, PensionProvisionSchedule};
///
/// // Göteborgs Stad 2015, not 13 (mnkr): löneskatt 470 of the utgående avsättning.
/// let mut p = PensionProvisionSchedule::new(Amount::mnkr(2_410));
/// p.by_kind = vec![PensionPart { kind: PensionKind::PayrollTax, amount: Amount::mnkr(470) }];
/// assert_eq!(p.payroll_tax(), Some(Amount::mnkr(470)));
/// ```
#[doc(alias = "pensionsslag")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PensionPart {
    /// Which kind.
    pub kind: PensionKind,
    /// Its amount.
    pub amount: Amount,
}

/// Avsättningar för pensioner (RKR R10): ingående avsättning + nya förpliktelser
/// (nyintjänad pension, ränte- och basbeloppsuppräkning, ändring av
/// försäkringstekniska grunder, pension till efterlevande, övrigt) + årets
/// utbetalningar + förändring av särskild löneskatt = utgående avsättning; the
/// utgående avsättning split by kind, the löneskatt in it at the year's rate, and the
/// aktualiseringsgrad.
///
/// # Example: Göteborgs Stad 2015, not 13 (mnkr)
///
/// ```
/// use kommunal_redovisning::{Amount, FinancialYear};
/// use kommunal_redovisning::note::{PayrollTaxRates, PensionKind, PensionPart, PensionProvisionSchedule};
///
/// let m = Amount::mnkr;
/// let mut p = PensionProvisionSchedule::new(m(2_256));
/// p.new_earned = m(170);
/// p.interest_and_index = m(31);
/// p.changed_assumptions = m(-1);
/// p.survivors = m(5);
/// p.other = vec![kommunal_redovisning::note::NamedAmount::new("Övrigt", m(-3))];
/// p.payments = m(-78);
/// p.payroll_tax_change = m(30);
/// p.closing = m(2_410);
/// assert_eq!(p.expected_closing()?, m(2_410));
/// p.by_kind = vec![
///     PensionPart { kind: PensionKind::DefinedBenefit, amount: m(1_904) },
///     PensionPart { kind: PensionKind::Other("Avtalspension, visstidspension m m".into()), amount: m(36) },
///     PensionPart { kind: PensionKind::PayrollTax, amount: m(470) },
/// ];
/// // 2 410 × 24,26 / 124,26 = 470,5: the printed 470 is within rounding.
/// let tax = PayrollTaxRates::sweden().included_in(m(2_410), FinancialYear::new(2015))?;
/// assert_eq!(tax.round_to(kommunal_redovisning::Scale::Mnkr, 0, Default::default())?, m(471));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "avsättningar för pensioner")]
#[doc(alias = "pensionsavsättning")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PensionProvisionSchedule {
    /// Ingående avsättning (inkl. löneskatt).
    pub opening: Amount,
    /// Nyintjänad pension.
    #[cfg_attr(feature = "serde", serde(default))]
    pub new_earned: Amount,
    /// Ränte- och basbeloppsuppräkning.
    #[cfg_attr(feature = "serde", serde(default))]
    pub interest_and_index: Amount,
    /// Ändring av försäkringstekniska grunder.
    #[cfg_attr(feature = "serde", serde(default))]
    pub changed_assumptions: Amount,
    /// Pension till efterlevande.
    #[cfg_attr(feature = "serde", serde(default))]
    pub survivors: Amount,
    /// Other new obligations, each named (e.g. "Aktualisering", "Övrig post").
    #[cfg_attr(feature = "serde", serde(default))]
    pub other: Vec<NamedAmount>,
    /// "Nya förpliktelser under året" as printed, when printed: checked against its
    /// components.
    #[cfg_attr(feature = "serde", serde(default))]
    pub new_obligations: Option<Amount>,
    /// Årets utbetalningar (−).
    #[cfg_attr(feature = "serde", serde(default))]
    pub payments: Amount,
    /// Förändring av särskild löneskatt (±).
    #[cfg_attr(feature = "serde", serde(default))]
    pub payroll_tax_change: Amount,
    /// Utgående avsättning (inkl. löneskatt) as given.
    pub closing: Amount,
    /// The utgående avsättning by kind, when printed; the parts must add up to it.
    #[cfg_attr(feature = "serde", serde(default))]
    pub by_kind: Vec<PensionPart>,
    /// Aktualiseringsgrad as printed, when printed (the share of the obligation
    /// calculated on actual, not assumed, data; given by the pension administrator).
    #[cfg_attr(feature = "serde", serde(default))]
    pub actualisation: Option<Percent>,
}

impl PensionProvisionSchedule {
    /// A schedule with an opening provision and no movements (closing = opening).
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::PensionProvisionSchedule;
    ///
    /// // Göteborgs Stad 2015, not 13: ingående avsättning 2 256 mnkr.
    /// let p = PensionProvisionSchedule::new(Amount::mnkr(2_256));
    /// assert_eq!(p.closing, Amount::mnkr(2_256));
    /// assert_eq!(p.expected_closing()?, Amount::mnkr(2_256));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(opening: Amount) -> Self {
        PensionProvisionSchedule {
            opening,
            closing: opening,
            ..PensionProvisionSchedule::default()
        }
    }

    fn new_obligation_parts(&self) -> Vec<Amount> {
        let mut v = vec![
            self.new_earned,
            self.interest_and_index,
            self.changed_assumptions,
            self.survivors,
        ];
        v.extend(self.other.iter().map(|o| o.amount));
        v
    }

    /// Nya förpliktelser under året: the sum of its components.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn new_obligations_sum(&self) -> Result<Amount> {
        Amount::checked_sum(self.new_obligation_parts())
    }

    /// Ingående avsättning + nya förpliktelser + utbetalningar + förändring av
    /// löneskatt.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn expected_closing(&self) -> Result<Amount> {
        Amount::checked_sum([
            self.opening,
            self.new_obligations_sum()?,
            self.payments,
            self.payroll_tax_change,
        ])
    }

    /// The same schedule with its closing provision set to what the movements give.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::PensionProvisionSchedule;
    ///
    /// // Påhittade belopp (tkr): 4 000 + 300 nyintjänat − 150 utbetalt = 4 150.
    /// let mut p = PensionProvisionSchedule::new(Amount::tkr(4_000));
    /// p.new_earned = Amount::tkr(300);
    /// p.payments = Amount::tkr(-150);
    /// assert_eq!(p.rolled_forward()?.closing, Amount::tkr(4_150));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn rolled_forward(mut self) -> Result<Self> {
        self.closing = self.expected_closing()?;
        Ok(self)
    }

    /// The löneskatt part of the split by kind, when split.
    #[must_use]
    pub fn payroll_tax(&self) -> Option<Amount> {
        self.by_kind
            .iter()
            .find(|p| p.kind == PensionKind::PayrollTax)
            .map(|p| p.amount)
    }

    pub(crate) fn validate(&self) -> Result<()> {
        expect_sign("årets utbetalningar", self.payments, true)
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>, rate: Option<Decimal>) -> Result<()> {
        if let Some(n) = self.new_obligations {
            let mut parts = self.new_obligation_parts();
            parts.retain(|a| !a.is_zero());
            c.sum("nya förpliktelser under året", &parts, n)?;
        }
        let new = self
            .new_obligations
            .map_or_else(|| self.new_obligations_sum(), Ok)?;
        let mut parts = vec![self.opening, new, self.payments, self.payroll_tax_change];
        if self.new_obligations.is_none() {
            parts = vec![self.opening];
            parts.extend(self.new_obligation_parts());
            parts.extend([self.payments, self.payroll_tax_change]);
        }
        parts.retain(|a| !a.is_zero());
        c.sum("utgående avsättning", &parts, self.closing)?;
        if !self.by_kind.is_empty() {
            let parts: Vec<Amount> = self.by_kind.iter().map(|p| p.amount).collect();
            c.sum(
                "avsättningen fördelad på pensionsslag",
                &parts,
                self.closing,
            )?;
        }
        if let (Some(tax), Some(rate)) = (self.payroll_tax(), rate) {
            c.payroll_tax("särskild löneskatt i avsättningen", self.closing, tax, rate)?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> Result<Vec<NoteRow>> {
        let row =
            |id: &str, label: &str, kind: StatementRowKind, depth: u8, amount: Amount| NoteRow {
                id: id.to_owned(),
                label: label.to_owned(),
                kind,
                depth,
                amount: Some(amount),
            };
        let mut out = Vec::new();
        for p in &self.by_kind {
            out.push(row(
                &named_id("slag", p.kind.label()),
                p.kind.label(),
                StatementRowKind::Line,
                0,
                p.amount,
            ));
        }
        if !self.by_kind.is_empty() {
            out.push(row(
                "summa_pensionsavsattning",
                "Summa avsättning för pensioner",
                StatementRowKind::Subtotal,
                0,
                self.closing,
            ));
        }
        out.push(row(
            "ingaende_avsattning",
            "Ingående avsättning",
            StatementRowKind::Line,
            0,
            self.opening,
        ));
        let new = self
            .new_obligations
            .map_or_else(|| self.new_obligations_sum(), Ok)?;
        out.push(row(
            "nya_forpliktelser",
            "Nya förpliktelser under året",
            StatementRowKind::Line,
            0,
            new,
        ));
        for (id, label, amount) in [
            (
                "nyintjanad_pension",
                "varav nyintjänad pension",
                self.new_earned,
            ),
            (
                "ranteuppräkning",
                "varav ränte- och basbeloppsuppräkning",
                self.interest_and_index,
            ),
            (
                "forsakringstekniska_grunder",
                "varav ändring av försäkringstekniska grunder",
                self.changed_assumptions,
            ),
            (
                "efterlevande",
                "varav pension till efterlevande",
                self.survivors,
            ),
        ] {
            if !amount.is_zero() {
                out.push(row(id, label, StatementRowKind::OfWhich, 1, amount));
            }
        }
        for o in &self.other {
            out.push(row(
                &named_id("varav", &o.label),
                &format!("varav {}", o.label.to_lowercase()),
                StatementRowKind::OfWhich,
                1,
                o.amount,
            ));
        }
        out.push(row(
            "utbetalningar",
            "Årets utbetalningar",
            StatementRowKind::Line,
            0,
            self.payments,
        ));
        out.push(row(
            "loneskatt",
            "Förändring av särskild löneskatt",
            StatementRowKind::Line,
            0,
            self.payroll_tax_change,
        ));
        out.push(row(
            "utgaende_avsattning",
            "Utgående avsättning",
            StatementRowKind::Total,
            0,
            self.closing,
        ));
        Ok(out)
    }
}

/// Pensionsförpliktelser och pensionsmedel (RKR R10; the summary most reports print):
/// the avsättning and the ansvarsförbindelse (pension rights earned before 1998, not in
/// the balansräkning) both including särskild löneskatt, other obligations (e.g.
/// tryggade i pensionsstiftelse), the managed pension funds at market value, and
/// derived from them återlånade medel and konsolideringsgrad.
///
/// - Totala pensionsförpliktelser = avsättning + ansvarsförbindelse + övriga.
/// - Återlånade medel = totala förpliktelser − förvaltade pensionsmedel.
/// - Konsolideringsgrad = förvaltade pensionsmedel / totala förpliktelser (RKR R15's
///   definition: the share covered by assets in stiftelse, försäkring or own managed
///   funds).
///
/// # Example: Göteborgs Stad 2015 (mnkr; not 13 and not 18)
///
/// ```
/// use kommunal_redovisning::Amount;
/// use kommunal_redovisning::note::PensionSummary;
///
/// let mut s = PensionSummary::new(Amount::mnkr(2_410), Amount::mnkr(11_572));
/// s.commitments_payroll_tax = Some(Amount::mnkr(2_259));
/// assert_eq!(s.total_obligation()?, Amount::mnkr(13_982));
/// // Without managed funds all of it is återlånat and the konsolideringsgrad is 0 %.
/// assert_eq!(s.reloaned()?, Amount::mnkr(13_982));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "pensionsförpliktelser")]
#[doc(alias = "återlånade medel")]
#[doc(alias = "konsolideringsgrad")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PensionSummary {
    /// Avsättning för pensioner inkl. särskild löneskatt (the balansräkning post).
    pub provision: Amount,
    /// Ansvarsförbindelse: pensionsförpliktelser intjänade före 1998 inkl. särskild
    /// löneskatt (the memo post of the balansräkning).
    pub commitments_before_1998: Amount,
    /// "Därav särskild löneskatt" of the ansvarsförbindelse, when printed; checked at
    /// the year's rate.
    #[cfg_attr(feature = "serde", serde(default))]
    pub commitments_payroll_tax: Option<Amount>,
    /// Other obligations, each named (e.g. "Pensionsförpliktelser tryggade i
    /// pensionsstiftelse", "Överskottsmedel i pensionsförsäkring").
    #[cfg_attr(feature = "serde", serde(default))]
    pub other_obligations: Vec<NamedAmount>,
    /// Totala pensionsförpliktelser as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub printed_total: Option<Amount>,
    /// Förvaltade pensionsmedel at market value, each named (own funds, the
    /// stiftelse's capital, surplus in insurance).
    #[cfg_attr(feature = "serde", serde(default))]
    pub managed_assets: Vec<NamedAmount>,
    /// Återlånade medel as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub printed_reloaned: Option<Amount>,
    /// Konsolideringsgrad as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub printed_consolidation: Option<Percent>,
    /// Aktualiseringsgrad as printed, when printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub actualisation: Option<Percent>,
}

impl PensionSummary {
    /// A summary of an avsättning and an ansvarsförbindelse, both incl. löneskatt.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::note::PensionSummary;
    ///
    /// // Påhittade belopp (tkr).
    /// let s = PensionSummary::new(Amount::tkr(4_000), Amount::tkr(10_000));
    /// assert_eq!(s.total_obligation()?, Amount::tkr(14_000));
    /// assert_eq!(s.managed()?, Amount::ZERO);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(provision: Amount, commitments_before_1998: Amount) -> Self {
        PensionSummary {
            provision,
            commitments_before_1998,
            ..PensionSummary::default()
        }
    }

    /// Totala pensionsförpliktelser = avsättning + ansvarsförbindelse + övriga.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn total_obligation(&self) -> Result<Amount> {
        Amount::checked_sum(
            [self.provision, self.commitments_before_1998]
                .into_iter()
                .chain(self.other_obligations.iter().map(|o| o.amount)),
        )
    }

    /// Förvaltade pensionsmedel in all.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn managed(&self) -> Result<Amount> {
        Amount::checked_sum(self.managed_assets.iter().map(|a| a.amount))
    }

    /// Återlånade medel = totala förpliktelser − förvaltade pensionsmedel.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn reloaned(&self) -> Result<Amount> {
        self.total_obligation()?.checked_sub(self.managed()?)
    }

    /// Konsolideringsgrad = förvaltade pensionsmedel / totala förpliktelser.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when there are no obligations.
    pub fn consolidation(&self) -> Result<Percent> {
        Percent::of(
            self.managed()?,
            self.total_obligation()?,
            "totala pensionsförpliktelser",
        )
    }

    /// Soliditet inklusive pensionsförpliktelser: eget kapital less this summary's
    /// ansvarsförbindelse, over summa tillgångar ([`ratio::equity_ratio_including_pension_commitments`]).
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] for tillgångar of zero.
    pub fn equity_ratio_including_commitments(
        &self,
        equity: Amount,
        total_assets: Amount,
    ) -> Result<Percent> {
        ratio::equity_ratio_including_pension_commitments(
            equity,
            self.commitments_before_1998,
            total_assets,
        )
    }

    pub(crate) fn validate(&self) -> Result<()> {
        expect_sign("avsättning för pensioner", self.provision, false)?;
        expect_sign(
            "pensionsförpliktelser intjänade före 1998",
            self.commitments_before_1998,
            false,
        )?;
        for a in &self.managed_assets {
            expect_sign(&a.label, a.amount, false)?;
        }
        Ok(())
    }

    pub(crate) fn check(&self, c: &mut Checker<'_>, rate: Option<Decimal>) -> Result<()> {
        let mut parts = vec![self.provision, self.commitments_before_1998];
        parts.extend(self.other_obligations.iter().map(|o| o.amount));
        if let Some(t) = self.printed_total {
            c.sum("totala pensionsförpliktelser", &parts, t)?;
        }
        if let Some(r) = self.printed_reloaned {
            let total = self
                .printed_total
                .map_or_else(|| self.total_obligation(), Ok)?;
            c.compare(
                "återlånade medel",
                total.checked_sub(self.managed()?)?,
                r,
                self.managed_assets.len().saturating_add(2),
            )?;
        }
        if let Some(p) = self.printed_consolidation {
            c.percent("konsolideringsgraden", self.consolidation()?, p);
        }
        if let (Some(tax), Some(rate)) = (self.commitments_payroll_tax, rate) {
            c.payroll_tax(
                "särskild löneskatt i ansvarsförbindelsen",
                self.commitments_before_1998,
                tax,
                rate,
            )?;
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> Result<Vec<NoteRow>> {
        let row =
            |id: &str, label: &str, kind: StatementRowKind, depth: u8, amount: Amount| NoteRow {
                id: id.to_owned(),
                label: label.to_owned(),
                kind,
                depth,
                amount: Some(amount),
            };
        let mut out = vec![
            row(
                "avsattning",
                "Avsättning för pensioner inkl. särskild löneskatt",
                StatementRowKind::Line,
                0,
                self.provision,
            ),
            row(
                "ansvarsforbindelse",
                "Ansvarsförbindelse, pensioner intjänade före 1998, inkl. särskild löneskatt",
                StatementRowKind::Line,
                0,
                self.commitments_before_1998,
            ),
        ];
        if let Some(t) = self.commitments_payroll_tax {
            out.push(row(
                "ansvarsforbindelse_loneskatt",
                "därav särskild löneskatt",
                StatementRowKind::OfWhich,
                1,
                t,
            ));
        }
        for o in &self.other_obligations {
            out.push(row(
                &named_id("forpliktelse", &o.label),
                &o.label,
                StatementRowKind::Line,
                0,
                o.amount,
            ));
        }
        out.push(row(
            "totala_forpliktelser",
            "Totala pensionsförpliktelser",
            StatementRowKind::Subtotal,
            0,
            self.printed_total
                .map_or_else(|| self.total_obligation(), Ok)?,
        ));
        for a in &self.managed_assets {
            out.push(row(
                &named_id("medel", &a.label),
                &a.label,
                StatementRowKind::Line,
                0,
                a.amount,
            ));
        }
        out.push(row(
            "forvaltade_medel",
            "Summa förvaltade pensionsmedel",
            StatementRowKind::Subtotal,
            0,
            self.managed()?,
        ));
        out.push(row(
            "aterlanade_medel",
            "Återlånade medel",
            StatementRowKind::Total,
            0,
            self.printed_reloaned.map_or_else(|| self.reloaned(), Ok)?,
        ));
        Ok(out)
    }
}
