//! Kassaflödesanalys (LKBR 8 kap.; layout as in practice, indirect method).
//!
//! The law's line layout could not be confirmed (RKR's old R16.2 on kassaflödesanalys, faronline.se rkr162; open
//! question 2); the blocks follow the former RKR 16.2 and the reports that use it
//! (Hallsberg 2020, Göteborg 2019, Luleå 2018): den löpande verksamheten (årets
//! resultat, justeringar för ej likviditetspåverkande poster, förändring av
//! rörelsekapital), investeringsverksamheten, finansieringsverksamheten and, where
//! relevant, utbetalning av bidrag till statlig infrastruktur; then årets kassaflöde
//! and likvida medel at the start and the end of the year.
//!
//! # Sign convention
//!
//! As published: inflows positive, outflows negative (an investment is −83, an
//! increase of kortfristiga fordringar is −4, an increase of kortfristiga skulder +35).

use std::collections::BTreeMap;

use super::{BalanceSheet, IncomeStatement, Labels, StatementRow, StatementRowKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Scale};
use crate::present::{Column, Table, ValueKind};

/// A block of the kassaflödesanalys that holds given lines.
///
/// ```
/// use kommunal_redovisning::{Amount, CashFlowStatement};
/// use kommunal_redovisning::statement::CashFlowSection;
///
/// // Hallsbergs kommun 2020 (mnkr): investering i materiella anläggningstillgångar.
/// let mut kfa = CashFlowStatement::new(Amount::mnkr(59), Amount::mnkr(63), Amount::mnkr(109));
/// kfa.push(CashFlowSection::Investing, "Investering i materiella anläggningstillgångar", Amount::mnkr(-83));
/// assert_eq!(kfa.section_total(CashFlowSection::Investing), Amount::mnkr(-83));
/// assert_eq!(CashFlowSection::Investing.id(), "investeringsverksamheten");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "kassaflöde")]
pub enum CashFlowSection {
    /// Justeringar för ej likviditetspåverkande poster (av- och nedskrivningar, gjorda
    /// och ianspråktagna avsättningar, …), in den löpande verksamheten.
    Adjustments,
    /// Förändring av rörelsekapital (kortfristiga fordringar, förråd, kortfristiga
    /// skulder), in den löpande verksamheten.
    WorkingCapital,
    /// Investeringsverksamheten.
    Investing,
    /// Finansieringsverksamheten.
    Financing,
    /// Utbetalning av bidrag till statlig infrastruktur (shown only when it has lines).
    Infrastructure,
}

impl CashFlowSection {
    /// The stable id, used as the prefix of line ids.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            CashFlowSection::Adjustments => "justeringar",
            CashFlowSection::WorkingCapital => "rorelsekapital",
            CashFlowSection::Investing => "investeringsverksamheten",
            CashFlowSection::Financing => "finansieringsverksamheten",
            CashFlowSection::Infrastructure => "bidrag_till_infrastruktur",
        }
    }
}

/// A derived sum of the kassaflödesanalys.
///
/// ```
/// use kommunal_redovisning::{Amount, CashFlowStatement};
/// use kommunal_redovisning::statement::{CashFlowSection, CashFlowSum};
///
/// // Påhittade belopp (mnkr).
/// let mut kfa = CashFlowStatement::new(Amount::mnkr(10), Amount::mnkr(5), Amount::mnkr(18));
/// kfa.push(CashFlowSection::Adjustments, "Justering för av- och nedskrivningar", Amount::mnkr(3));
/// assert_eq!(kfa.sum(CashFlowSum::FundsFromOperations), Amount::mnkr(13));
/// assert_eq!(kfa.sum(CashFlowSum::ClosingLiquidAssets), Amount::mnkr(18));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "kassaflöde")]
pub enum CashFlowSum {
    /// Medel från verksamheten före förändringar av rörelsekapital = årets resultat +
    /// justeringar.
    FundsFromOperations,
    /// Kassaflöde från den löpande verksamheten = medel från verksamheten + förändring
    /// av rörelsekapital.
    Operating,
    /// Kassaflöde från investeringsverksamheten.
    Investing,
    /// Kassaflöde från finansieringsverksamheten.
    Financing,
    /// Kassaflöde från utbetalning av bidrag till statlig infrastruktur.
    Infrastructure,
    /// Årets kassaflöde = the sum of the blocks.
    NetCashFlow,
    /// Likvida medel vid årets slut = likvida medel vid årets början + årets
    /// kassaflöde (derived; compare [`CashFlowStatement::closing_liquid_assets`]).
    ClosingLiquidAssets,
}

impl CashFlowSum {
    /// The stable id.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            CashFlowSum::FundsFromOperations => "medel_fore_forandring_av_rorelsekapital",
            CashFlowSum::Operating => "kassaflode_lopande_verksamheten",
            CashFlowSum::Investing => "kassaflode_investeringsverksamheten",
            CashFlowSum::Financing => "kassaflode_finansieringsverksamheten",
            CashFlowSum::Infrastructure => "kassaflode_bidrag_till_infrastruktur",
            CashFlowSum::NetCashFlow => "arets_kassaflode",
            CashFlowSum::ClosingLiquidAssets => "likvida_medel_vid_arets_slut",
        }
    }

    /// The Swedish label (Hallsberg 2020).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            CashFlowSum::FundsFromOperations => {
                "Medel från verksamheten före förändringar av rörelsekapital"
            }
            CashFlowSum::Operating => "Kassaflöde från den löpande verksamheten",
            CashFlowSum::Investing => "Kassaflöde från investeringsverksamheten",
            CashFlowSum::Financing => "Kassaflöde från finansieringsverksamheten",
            CashFlowSum::Infrastructure => {
                "Kassaflöde från utbetalning av bidrag till statlig infrastruktur"
            }
            CashFlowSum::NetCashFlow => "Årets kassaflöde",
            CashFlowSum::ClosingLiquidAssets => "Likvida medel vid årets slut",
        }
    }
}

/// A given line of the kassaflödesanalys.
///
/// ```
/// use kommunal_redovisning::{Amount, CashFlowStatement};
/// use kommunal_redovisning::statement::CashFlowSection;
///
/// // Hallsbergs kommun 2020 (mnkr).
/// let mut kfa = CashFlowStatement::new(Amount::mnkr(59), Amount::mnkr(63), Amount::mnkr(109));
/// kfa.push(CashFlowSection::Financing, "Amortering av skuld", Amount::mnkr(-1));
/// let line = &kfa.lines(CashFlowSection::Financing)[0];
/// assert_eq!((line.label.as_str(), line.amount), ("Amortering av skuld", Amount::mnkr(-1)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "kassaflödespost")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashFlowLine {
    /// The label as printed, e.g. "Justering för av- och nedskrivningar".
    pub label: String,
    /// The amount: inflow +, outflow −.
    pub amount: Amount,
    /// A note reference.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl CashFlowLine {
    /// A line.
    ///
    /// ```
    /// use kommunal_redovisning::Amount;
    /// use kommunal_redovisning::statement::CashFlowLine;
    /// let line = CashFlowLine::new("Justering för av- och nedskrivningar", Amount::mnkr(60));
    /// assert_eq!(line.note, None);
    /// ```
    #[must_use]
    pub fn new(label: impl Into<String>, amount: Amount) -> Self {
        CashFlowLine {
            label: label.into(),
            amount,
            note: None,
        }
    }
}

/// Kassaflödesanalys (cash-flow statement), LKBR 8 kap., indirect method.
///
/// Only the given lines are stored; every block sum and årets kassaflöde are derived.
/// Likvida medel at the end is given, and [`CashFlowStatement::validate`] checks that
/// likvida medel vid årets början + årets kassaflöde = likvida medel vid årets slut.
/// [`CashFlowDerivation`] builds one from a resultaträkning and two balansräkningar.
///
/// # Example: Hallsbergs kommun 2020 (mnkr; finansiellinfo.se/Hallsberg_2020/Kassaflodesanalys.html)
///
/// ```
/// use kommunal_redovisning::{Amount, CashFlowStatement};
/// use kommunal_redovisning::statement::CashFlowSection as S;
///
/// let mut kfa = CashFlowStatement::new(Amount::mnkr(59), Amount::mnkr(63), Amount::mnkr(109));
/// kfa.push(S::Adjustments, "Justering för av- och nedskrivningar", Amount::mnkr(30))
///    .push(S::Adjustments, "Justering för gjorda avsättningar", Amount::mnkr(4))
///    .push(S::Adjustments, "Justering för övriga ej likviditetspåverkande poster", Amount::mnkr(1))
///    .push(S::WorkingCapital, "Ökning (−)/minskning (+) kortfristiga fordringar", Amount::mnkr(-4))
///    .push(S::WorkingCapital, "Ökning (+)/minskning (−) kortfristiga skulder", Amount::mnkr(35))
///    .push(S::Investing, "Investering i materiella anläggningstillgångar", Amount::mnkr(-83))
///    .push(S::Investing, "Försäljning av finansiella anläggningstillgångar", Amount::mnkr(2))
///    .push(S::Financing, "Amortering av skuld", Amount::mnkr(-1))
///    .push(S::Financing, "Anslutningsavgifter vatten och avlopp", Amount::mnkr(2))
///    .push(S::Financing, "Minskning av långfristiga fordringar", Amount::mnkr(1));
/// kfa.validate()?; // 63 + (125 − 81 + 2) = 109
/// assert_eq!(kfa.operating(), Amount::mnkr(125));
/// assert_eq!(kfa.net_cash_flow(), Amount::mnkr(46));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "kassaflödesanalys")]
#[doc(alias = "finansieringsanalys")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashFlowStatement {
    /// Årets (periodens) resultat, from the resultaträkning.
    pub result: Amount,
    /// Justeringar för ej likviditetspåverkande poster.
    pub adjustments: Vec<CashFlowLine>,
    /// Förändring av rörelsekapital.
    pub working_capital: Vec<CashFlowLine>,
    /// Investeringsverksamheten.
    pub investing: Vec<CashFlowLine>,
    /// Finansieringsverksamheten.
    pub financing: Vec<CashFlowLine>,
    /// Utbetalning av bidrag till statlig infrastruktur.
    pub infrastructure: Vec<CashFlowLine>,
    /// Likvida medel vid årets början.
    pub opening_liquid_assets: Amount,
    /// Likvida medel vid årets slut, as given (checked by `validate`).
    pub closing_liquid_assets: Amount,
    /// Label overrides by row id (e.g. `"arets_resultat"` → "Periodens resultat" in a
    /// delårsrapport).
    pub labels: Labels,
}

impl CashFlowStatement {
    /// A statement with the result and the likvida medel at start and end, and no
    /// lines yet.
    ///
    /// ```
    /// use kommunal_redovisning::{Amount, CashFlowStatement};
    /// use kommunal_redovisning::statement::CashFlowSection::{Adjustments, Financing, Investing, WorkingCapital};
    ///
    /// // Hallsbergs kommun 2020, kassaflödesanalys (mnkr): årets resultat 59, likvida medel 63 → 109
    /// // (https://www.finansiellinfo.se/Hallsberg_2020/Kassaflodesanalys.html).
    /// let mut kfa = CashFlowStatement::new(Amount::mnkr(59), Amount::mnkr(63), Amount::mnkr(109));
    /// kfa.push(Adjustments, "Justering för av- och nedskrivningar", Amount::mnkr(30))
    ///     .push(Adjustments, "Justering för gjorda avsättningar", Amount::mnkr(4))
    ///     .push(Adjustments, "Justering för övriga ej likviditetspåverkande poster", Amount::mnkr(1))
    ///     .push(WorkingCapital, "Ökning (−)/minskning (+) kortfristiga fordringar", Amount::mnkr(-4))
    ///     .push(WorkingCapital, "Ökning (+)/minskning (−) kortfristiga skulder", Amount::mnkr(35))
    ///     .push(Investing, "Investering i materiella anläggningstillgångar", Amount::mnkr(-83))
    ///     .push(Investing, "Försäljning av finansiella anläggningstillgångar", Amount::mnkr(2))
    ///     .push(Financing, "Finansieringsverksamheten, netto (sex rader)", Amount::mnkr(2));
    /// assert_eq!(kfa.operating(), Amount::mnkr(125)); // printed: 125
    /// assert_eq!(kfa.net_cash_flow(), Amount::mnkr(46)); // printed: 46
    /// kfa.validate()?; // 63 + 46 = 109
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        result: Amount,
        opening_liquid_assets: Amount,
        closing_liquid_assets: Amount,
    ) -> Self {
        CashFlowStatement {
            result,
            opening_liquid_assets,
            closing_liquid_assets,
            ..Default::default()
        }
    }

    /// The lines of a block.
    #[must_use]
    pub fn lines(&self, section: CashFlowSection) -> &[CashFlowLine] {
        match section {
            CashFlowSection::Adjustments => &self.adjustments,
            CashFlowSection::WorkingCapital => &self.working_capital,
            CashFlowSection::Investing => &self.investing,
            CashFlowSection::Financing => &self.financing,
            CashFlowSection::Infrastructure => &self.infrastructure,
        }
    }

    fn lines_mut(&mut self, section: CashFlowSection) -> &mut Vec<CashFlowLine> {
        match section {
            CashFlowSection::Adjustments => &mut self.adjustments,
            CashFlowSection::WorkingCapital => &mut self.working_capital,
            CashFlowSection::Investing => &mut self.investing,
            CashFlowSection::Financing => &mut self.financing,
            CashFlowSection::Infrastructure => &mut self.infrastructure,
        }
    }

    /// Adds a line to a block.
    pub fn push(
        &mut self,
        section: CashFlowSection,
        label: impl Into<String>,
        amount: Amount,
    ) -> &mut Self {
        self.lines_mut(section)
            .push(CashFlowLine::new(label, amount));
        self
    }

    /// The sum of a block's lines.
    #[must_use]
    pub fn section_total(&self, section: CashFlowSection) -> Amount {
        self.lines(section).iter().map(|l| l.amount).sum()
    }

    /// A derived sum by name.
    #[must_use]
    pub fn sum(&self, sum: CashFlowSum) -> Amount {
        use CashFlowSection as S;
        match sum {
            CashFlowSum::FundsFromOperations => self.result + self.section_total(S::Adjustments),
            CashFlowSum::Operating => {
                self.sum(CashFlowSum::FundsFromOperations) + self.section_total(S::WorkingCapital)
            }
            CashFlowSum::Investing => self.section_total(S::Investing),
            CashFlowSum::Financing => self.section_total(S::Financing),
            CashFlowSum::Infrastructure => self.section_total(S::Infrastructure),
            CashFlowSum::NetCashFlow => {
                self.sum(CashFlowSum::Operating)
                    + self.section_total(S::Investing)
                    + self.section_total(S::Financing)
                    + self.section_total(S::Infrastructure)
            }
            CashFlowSum::ClosingLiquidAssets => {
                self.opening_liquid_assets + self.sum(CashFlowSum::NetCashFlow)
            }
        }
    }

    /// Kassaflöde från den löpande verksamheten.
    #[must_use]
    pub fn operating(&self) -> Amount {
        self.sum(CashFlowSum::Operating)
    }

    /// Kassaflöde från investeringsverksamheten.
    #[must_use]
    pub fn investing_total(&self) -> Amount {
        self.sum(CashFlowSum::Investing)
    }

    /// Kassaflöde från finansieringsverksamheten.
    #[must_use]
    pub fn financing_total(&self) -> Amount {
        self.sum(CashFlowSum::Financing)
    }

    /// Årets kassaflöde.
    #[must_use]
    pub fn net_cash_flow(&self) -> Amount {
        self.sum(CashFlowSum::NetCashFlow)
    }

    /// Checks that likvida medel vid årets början + årets kassaflöde = likvida medel
    /// vid årets slut.
    ///
    /// # Errors
    ///
    /// [`Error::Mismatch`] naming both figures and the difference; [`Error::Overflow`].
    pub fn validate(&self) -> Result<()> {
        let derived = self.sum(CashFlowSum::ClosingLiquidAssets);
        if derived == self.closing_liquid_assets {
            return Ok(());
        }
        Err(Error::Mismatch {
            what: "likvida medel vid årets slut".into(),
            left_label: "likvida medel vid årets början + årets kassaflöde".into(),
            left: derived,
            right_label: "likvida medel enligt balansräkningen".into(),
            right: self.closing_liquid_assets,
            difference: derived.checked_sub(self.closing_liquid_assets)?,
        })
    }

    /// The rows in the Hallsberg layout: each block under its heading with its lines
    /// and its sum, then årets kassaflöde, likvida medel vid årets början and (as
    /// given) vid årets slut. The infrastructure block is shown only when it has lines.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`].
    pub fn rows(&self) -> Result<Vec<StatementRow>> {
        use CashFlowSection as S;
        let mut rows = Vec::new();
        let heading = |rows: &mut Vec<StatementRow>, id: &str, label: &str| {
            rows.push(StatementRow {
                id: id.to_owned(),
                label: self.labels.get(id, label).to_owned(),
                kind: StatementRowKind::Heading,
                depth: 0,
                amount: None,
                note: None,
            });
        };
        let single = |rows: &mut Vec<StatementRow>, id: &str, label: &str, kind, amount| {
            rows.push(StatementRow {
                id: id.to_owned(),
                label: self.labels.get(id, label).to_owned(),
                kind,
                depth: 0,
                amount: Some(amount),
                note: None,
            });
        };
        let lines = |rows: &mut Vec<StatementRow>, section: CashFlowSection| {
            for l in self.lines(section) {
                rows.push(StatementRow {
                    id: format!("{}/{}", section.id(), l.label),
                    label: l.label.clone(),
                    kind: StatementRowKind::Line,
                    depth: 0,
                    amount: Some(l.amount),
                    note: l.note.clone(),
                });
            }
        };
        let sum = |rows: &mut Vec<StatementRow>, s: CashFlowSum, kind| -> Result<()> {
            single(rows, s.id(), s.label(), kind, self.sum(s));
            Ok(())
        };

        heading(
            &mut rows,
            "den_lopande_verksamheten",
            "DEN LÖPANDE VERKSAMHETEN",
        );
        single(
            &mut rows,
            "arets_resultat",
            "Årets resultat",
            StatementRowKind::Line,
            self.result,
        );
        lines(&mut rows, S::Adjustments);
        sum(
            &mut rows,
            CashFlowSum::FundsFromOperations,
            StatementRowKind::Subtotal,
        )?;
        lines(&mut rows, S::WorkingCapital);
        sum(
            &mut rows,
            CashFlowSum::Operating,
            StatementRowKind::Subtotal,
        )?;
        heading(
            &mut rows,
            "investeringsverksamheten",
            "INVESTERINGSVERKSAMHETEN",
        );
        lines(&mut rows, S::Investing);
        sum(
            &mut rows,
            CashFlowSum::Investing,
            StatementRowKind::Subtotal,
        )?;
        heading(
            &mut rows,
            "finansieringsverksamheten",
            "FINANSIERINGSVERKSAMHETEN",
        );
        lines(&mut rows, S::Financing);
        sum(
            &mut rows,
            CashFlowSum::Financing,
            StatementRowKind::Subtotal,
        )?;
        if !self.infrastructure.is_empty() {
            heading(
                &mut rows,
                "bidrag_till_infrastruktur",
                "UTBETALNING AV BIDRAG TILL STATLIG INFRASTRUKTUR",
            );
            lines(&mut rows, S::Infrastructure);
            sum(
                &mut rows,
                CashFlowSum::Infrastructure,
                StatementRowKind::Subtotal,
            )?;
        }
        sum(&mut rows, CashFlowSum::NetCashFlow, StatementRowKind::Total)?;
        single(
            &mut rows,
            "likvida_medel_vid_arets_borjan",
            "Likvida medel vid årets början",
            StatementRowKind::Line,
            self.opening_liquid_assets,
        );
        single(
            &mut rows,
            CashFlowSum::ClosingLiquidAssets.id(),
            CashFlowSum::ClosingLiquidAssets.label(),
            StatementRowKind::Total,
            self.closing_liquid_assets,
        );
        Ok(rows)
    }
}

impl CashFlowStatement {
    /// The kassaflödesanalys as a one-column [`Table`]; see
    /// [`CashFlowStatement::table`].
    ///
    /// # Errors
    ///
    /// As [`CashFlowStatement::table`].
    pub fn to_table(
        &self,
        caption: impl Into<String>,
        unit: Scale,
        column: Column,
    ) -> Result<Table> {
        Self::table(caption, unit, &[(column, self)])
    }

    /// Kassaflödesanalyser side by side (e.g. 2020 and 2019, as Hallsberg prints them)
    /// as a [`Table`], rows matched by id (lines by block and label). Every block sum
    /// is declared the sum of its lines, årets kassaflöde the sum of the blocks, and —
    /// when every column passes [`CashFlowStatement::validate`] — likvida medel vid
    /// årets slut the sum of likvida medel vid årets början and årets kassaflöde, so
    /// that [`Table::rounded`] foots. Flows, except the two likvida medel rows, which
    /// are balances but are footed with the flows.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`]; [`Error::InvalidRule`] for an invalid table (e.g. two lines
    /// with the same label in one block).
    pub fn table(
        caption: impl Into<String>,
        unit: Scale,
        columns: &[(Column, &CashFlowStatement)],
    ) -> Result<Table> {
        use CashFlowSection as S;
        let mut rows = Vec::with_capacity(columns.len());
        let mut sums: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut consistent = true;
        for (_, k) in columns {
            rows.push(k.rows()?);
            consistent &= k.validate().is_ok();
            let mut add = |sum: CashFlowSum, parts: Vec<String>| {
                let entry = sums.entry(sum.id().to_owned()).or_default();
                for p in parts {
                    if !entry.contains(&p) {
                        entry.push(p);
                    }
                }
            };
            let ids = |section: S| -> Vec<String> {
                k.lines(section)
                    .iter()
                    .map(|l| format!("{}/{}", section.id(), l.label))
                    .collect()
            };
            let mut funds = vec!["arets_resultat".to_owned()];
            funds.extend(ids(S::Adjustments));
            add(CashFlowSum::FundsFromOperations, funds);
            let mut operating = vec![CashFlowSum::FundsFromOperations.id().to_owned()];
            operating.extend(ids(S::WorkingCapital));
            add(CashFlowSum::Operating, operating);
            add(CashFlowSum::Investing, ids(S::Investing));
            add(CashFlowSum::Financing, ids(S::Financing));
            let mut net: Vec<String> = [
                CashFlowSum::Operating,
                CashFlowSum::Investing,
                CashFlowSum::Financing,
            ]
            .iter()
            .map(|s| s.id().to_owned())
            .collect();
            if !k.infrastructure.is_empty() {
                add(CashFlowSum::Infrastructure, ids(S::Infrastructure));
                net.push(CashFlowSum::Infrastructure.id().to_owned());
            }
            add(CashFlowSum::NetCashFlow, net);
        }
        if consistent {
            sums.insert(
                CashFlowSum::ClosingLiquidAssets.id().to_owned(),
                vec![
                    "likvida_medel_vid_arets_borjan".to_owned(),
                    CashFlowSum::NetCashFlow.id().to_owned(),
                ],
            );
        }
        Table::from_statement_rows(
            caption,
            unit,
            ValueKind::Flow,
            columns.iter().map(|(c, _)| c.clone()).collect(),
            &rows,
            &sums,
        )
    }
}

/// What a kassaflödesanalys needs beyond a resultaträkning and the opening and closing
/// balansräkning: the adjustments for non-cash items and the gross investing and
/// financing flows (which the balance sheets show only net).
///
/// [`CashFlowDerivation::derive`] takes årets resultat from the resultaträkning,
/// derives the förändring av rörelsekapital and likvida medel (kortfristiga placeringar
/// plus kassa och bank) from the balansräkningar, and checks that the flows explain
/// the change in likvida medel.
///
/// The working-capital lines are the changes of kortfristiga fordringar, förråd and
/// kortfristiga skulder as the balance sheets show them; when kortfristiga skulder hold
/// items that belong to financing (e.g. the short-term part of loans), give a
/// correcting line in `financing` or `adjustments`.
///
/// ```
/// use kommunal_redovisning::{Amount, BalanceSheet, CashFlowDerivation, IncomeStatement};
/// use kommunal_redovisning::statement::CashFlowLine;
///
/// let rs = IncomeStatement { operating_revenue: Amount::tkr(50), depreciation: Amount::tkr(-30), ..Default::default() };
/// let opening = BalanceSheet { land_and_buildings: Amount::tkr(500), cash_and_bank: Amount::tkr(100),
///     other_equity: Amount::tkr(600), ..Default::default() };
/// let closing = BalanceSheet { land_and_buildings: Amount::tkr(510), cash_and_bank: Amount::tkr(110),
///     other_equity: Amount::tkr(600), result_for_the_year: Amount::tkr(20), ..Default::default() };
/// let d = CashFlowDerivation {
///     adjustments: vec![CashFlowLine::new("Justering för av- och nedskrivningar", Amount::tkr(30))],
///     investing: vec![CashFlowLine::new("Investering i materiella anläggningstillgångar", Amount::tkr(-40))],
///     ..Default::default()
/// };
/// let kfa = d.derive(&rs, &opening, &closing)?;
/// assert_eq!(kfa.net_cash_flow(), Amount::tkr(10));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[doc(alias = "kassaflödesanalys")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashFlowDerivation {
    /// Justeringar för ej likviditetspåverkande poster.
    pub adjustments: Vec<CashFlowLine>,
    /// Investeringsverksamheten (gross).
    pub investing: Vec<CashFlowLine>,
    /// Finansieringsverksamheten (gross).
    pub financing: Vec<CashFlowLine>,
    /// Utbetalning av bidrag till statlig infrastruktur.
    pub infrastructure: Vec<CashFlowLine>,
}

impl CashFlowDerivation {
    /// The label of the derived change in kortfristiga fordringar.
    pub const RECEIVABLES: &'static str = "Ökning (−)/minskning (+) kortfristiga fordringar";
    /// The label of the derived change in förråd.
    pub const INVENTORIES: &'static str = "Ökning (−)/minskning (+) förråd och varulager";
    /// The label of the derived change in kortfristiga skulder.
    pub const CURRENT_LIABILITIES: &'static str = "Ökning (+)/minskning (−) kortfristiga skulder";

    /// Builds the kassaflödesanalys and checks it.
    ///
    /// # Errors
    ///
    /// [`Error::Mismatch`] when the result, the given lines and the change in
    /// rörelsekapital do not explain the change in likvida medel (the difference is
    /// what is missing); [`Error::Overflow`].
    pub fn derive(
        &self,
        income: &IncomeStatement,
        opening: &BalanceSheet,
        closing: &BalanceSheet,
    ) -> Result<CashFlowStatement> {
        let working_capital = vec![
            CashFlowLine::new(
                Self::RECEIVABLES,
                opening.receivables.checked_sub(closing.receivables)?,
            ),
            CashFlowLine::new(
                Self::INVENTORIES,
                opening.inventories.checked_sub(closing.inventories)?,
            ),
            CashFlowLine::new(
                Self::CURRENT_LIABILITIES,
                closing
                    .current_liabilities
                    .checked_sub(opening.current_liabilities)?,
            ),
        ];
        let statement = CashFlowStatement {
            result: income.result_for_the_year(),
            adjustments: self.adjustments.clone(),
            working_capital,
            investing: self.investing.clone(),
            financing: self.financing.clone(),
            infrastructure: self.infrastructure.clone(),
            opening_liquid_assets: opening.liquid_assets(),
            closing_liquid_assets: closing.liquid_assets(),
            labels: Labels::default(),
        };
        statement.validate()?;
        Ok(statement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infrastructure_block_counts_and_shows_only_when_given() {
        let mut k = CashFlowStatement::new(Amount::tkr(10), Amount::tkr(5), Amount::tkr(12));
        k.validate().unwrap_err();
        assert!(
            !k.rows()
                .unwrap()
                .iter()
                .any(|r| r.id.contains("infrastruktur"))
        );
        k.push(
            CashFlowSection::Infrastructure,
            "Bidrag till Trafikverket",
            Amount::tkr(-3),
        );
        k.validate().unwrap();
        let rows = k.rows().unwrap();
        assert!(
            rows.iter()
                .any(|r| r.id == "kassaflode_bidrag_till_infrastruktur")
        );
        assert_eq!(rows.last().unwrap().amount, Some(Amount::tkr(12)));
    }

    #[test]
    fn mismatch_names_the_difference() {
        let k = CashFlowStatement::new(Amount::tkr(10), Amount::tkr(5), Amount::tkr(20));
        match k.validate() {
            Err(Error::Mismatch {
                left,
                right,
                difference,
                ..
            }) => {
                assert_eq!(left, Amount::tkr(15));
                assert_eq!(right, Amount::tkr(20));
                assert_eq!(difference, Amount::tkr(-5));
            }
            other => panic!("expected a mismatch, got {other:?}"),
        }
    }

    #[test]
    fn derived_from_statements() {
        let rs = IncomeStatement {
            operating_revenue: Amount::tkr(50),
            depreciation: Amount::tkr(-30),
            ..Default::default()
        };
        let opening = BalanceSheet {
            land_and_buildings: Amount::tkr(500),
            receivables: Amount::tkr(50),
            cash_and_bank: Amount::tkr(100),
            other_equity: Amount::tkr(390),
            long_term_liabilities: Amount::tkr(200),
            current_liabilities: Amount::tkr(60),
            ..Default::default()
        };
        opening.validate().unwrap();
        let closing = BalanceSheet {
            land_and_buildings: Amount::tkr(510),
            receivables: Amount::tkr(45),
            short_term_investments: Amount::tkr(20),
            cash_and_bank: Amount::tkr(100),
            result_for_the_year: Amount::tkr(20),
            other_equity: Amount::tkr(390),
            long_term_liabilities: Amount::tkr(195),
            current_liabilities: Amount::tkr(70),
            ..Default::default()
        };
        closing.validate().unwrap();
        let mut d = CashFlowDerivation {
            adjustments: vec![CashFlowLine::new(
                "Justering för av- och nedskrivningar",
                Amount::tkr(30),
            )],
            investing: vec![CashFlowLine::new(
                "Investering i materiella anläggningstillgångar",
                Amount::tkr(-40),
            )],
            financing: vec![CashFlowLine::new("Amortering av skuld", Amount::tkr(-5))],
            ..Default::default()
        };
        let k = d.derive(&rs, &opening, &closing).unwrap();
        assert_eq!(k.result, Amount::tkr(20));
        assert_eq!(k.working_capital[0].amount, Amount::tkr(5));
        assert_eq!(k.working_capital[2].amount, Amount::tkr(10));
        assert_eq!(k.operating(), Amount::tkr(65));
        assert_eq!(k.net_cash_flow(), Amount::tkr(20));
        assert_eq!(k.closing_liquid_assets, Amount::tkr(120));
        // Forget the amortisation: the derivation says what is missing.
        d.financing.clear();
        let err = d.derive(&rs, &opening, &closing).unwrap_err();
        assert!(err.to_string().contains("difference 5000.00"), "{err}");
    }
}
