//! Årsredovisning (LKBR 4 kap. 1 §): the same machinery as the delårsrapport, with all
//! the statements (including kassaflödesanalys, driftredovisning and
//! investeringsredovisning), the full förvaltningsberättelse (LKBR 11 kap.) and the
//! seven sick-leave ratios.

use crate::balanced_budget::{BalancedBudgetStatement, ResultBasis};
use crate::entity::Entity;
use crate::error::Result;
use crate::group::GroupAccounts;
use crate::money::{Amount, Scale};
use crate::period::FinancialYear;
use crate::present::{Column, NumberFormat};
use crate::sick_leave::SickLeaveMeasure;
use crate::statement::{
    BalanceSheet, CashFlowStatement, EquityReconciliation, IncomeStatement, InvestmentStatement,
    OperatingStatement, StatementLayout,
};

use super::document::{
    absent_sentence, balance_blocks, balanced_budget_table, finish, goals_blocks, income_blocks,
    investment_blocks, key_figure_blocks, note_blocks, operating_blocks, sick_leave_blocks,
    text_blocks,
};
use super::group;
use super::interim::{Note, ReportFinding, ReportFindingKind, Section, money};
use super::mode::DocumentMode;
use super::parts::{AbsentPart, GoalsPart, KeyFigures, ReportPart, SickLeavePart};
use super::render::{Block, DocSection, Document};

/// Förvaltningsberättelse (LKBR 11 kap.): the parts of the full management report,
/// each as free text.
///
/// ```
/// use kommunal_redovisning::{Entity, EntityKind, FinancialYear};
/// use kommunal_redovisning::report::{AnnualReport, Section};
///
/// let mut r = AnnualReport::new(Entity::new("Grästorps kommun", EntityKind::Kommun), FinancialYear::new(2019));
/// let (title, _) = r.management_report.parts()[6];
/// assert_eq!(title, "Balanskravsresultat");
/// let missing = |r: &AnnualReport| r.check_completeness().iter().any(|f| f.message.contains("balanskravsresultat saknas"));
/// assert!(missing(&r));
/// // The section's text (a placeholder here; a real report has its own words).
/// r.management_report.balanced_budget.push(Section::new("", "Balanskravsresultatet redovisas i tabellen nedan."));
/// assert!(!missing(&r));
/// ```
#[doc(alias = "förvaltningsberättelse")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AnnualManagementReport {
    /// Översikt över verksamhetens utveckling.
    pub overview: Vec<Section>,
    /// Den kommunala koncernen.
    pub group: Vec<Section>,
    /// Viktiga förhållanden för resultat och ekonomisk ställning.
    pub important_conditions: Vec<Section>,
    /// Händelser av väsentlig betydelse.
    pub significant_events: Vec<Section>,
    /// Styrning och uppföljning av den kommunala verksamheten.
    pub governance: Vec<Section>,
    /// God ekonomisk hushållning och ekonomisk ställning.
    pub sound_finances: Vec<Section>,
    /// Balanskravsresultat.
    pub balanced_budget: Vec<Section>,
    /// Väsentliga personalförhållanden.
    pub personnel: Vec<Section>,
    /// Förväntad utveckling.
    pub expected_development: Vec<Section>,
}

impl AnnualManagementReport {
    /// The parts with their Swedish titles, in the usual order.
    #[must_use]
    pub fn parts(&self) -> [(&'static str, &[Section]); 9] {
        [
            ("Översikt över verksamhetens utveckling", &self.overview),
            ("Den kommunala koncernen", &self.group),
            (
                "Viktiga förhållanden för resultat och ekonomisk ställning",
                &self.important_conditions,
            ),
            ("Händelser av väsentlig betydelse", &self.significant_events),
            (
                "Styrning och uppföljning av den kommunala verksamheten",
                &self.governance,
            ),
            (
                "God ekonomisk hushållning och ekonomisk ställning",
                &self.sound_finances,
            ),
            ("Balanskravsresultat", &self.balanced_budget),
            ("Väsentliga personalförhållanden", &self.personnel),
            ("Förväntad utveckling", &self.expected_development),
        ]
    }
}

/// Årsredovisning (annual report), LKBR 4 kap. 1 §: förvaltningsberättelse,
/// resultaträkning, balansräkning, kassaflödesanalys, driftredovisning,
/// investeringsredovisning and noter, each for the year and the year before; the
/// balanskravsutredning on the outcome, the goal evaluation and the sick-leave
/// disclosure (seven ratios) in the förvaltningsberättelse.
///
/// ```
/// use kommunal_redovisning::{Entity, EntityKind, FinancialYear};
/// use kommunal_redovisning::report::{AnnualReport, ReportFindingKind};
///
/// let r = AnnualReport::new(
///     Entity::new("Exempelkommun", EntityKind::Kommun),
///     FinancialYear::new(2024),
/// );
/// let missing = r.check_completeness();
/// assert!(missing.iter().any(|f| f.part == "kassaflödesanalys"));
/// assert!(missing.iter().all(|f| f.kind == ReportFindingKind::Missing));
/// ```
#[doc(alias = "årsredovisning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AnnualReport {
    /// Who reports.
    pub entity: Entity,
    /// The räkenskapsår.
    pub year: FinancialYear,
    /// The scale tables are shown in.
    pub unit: Scale,
    /// Förvaltningsberättelse (free text).
    #[cfg_attr(feature = "serde", serde(default))]
    pub management_report: AnnualManagementReport,
    /// Måluppfyllelse.
    #[cfg_attr(feature = "serde", serde(default))]
    pub goals: Option<GoalsPart>,
    /// Balanskravsutredning on the outcome.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balanced_budget: Option<BalancedBudgetStatement>,
    /// The balanskravsutredningar of earlier years, newest first, printed as further
    /// columns beside [`AnnualReport::balanced_budget`] (reports usually show three
    /// to five years, so that restored deficits can be followed).
    #[cfg_attr(feature = "serde", serde(default))]
    pub balanced_budget_earlier: Vec<BalancedBudgetStatement>,
    /// Sjukfrånvaro (the seven ratios).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sick_leave: SickLeavePart,
    /// Nyckeltal.
    #[cfg_attr(feature = "serde", serde(default))]
    pub key_figures: Option<KeyFigures>,
    /// Resultaträkning for the year.
    #[cfg_attr(feature = "serde", serde(default))]
    pub income_statement: Option<IncomeStatement>,
    /// Resultaträkning for the year before.
    #[cfg_attr(feature = "serde", serde(default))]
    pub income_statement_previous: Option<IncomeStatement>,
    /// Balansräkning at the year-end.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balance_sheet: Option<BalanceSheet>,
    /// Balansräkning at the previous year-end.
    #[cfg_attr(feature = "serde", serde(default))]
    pub balance_sheet_previous: Option<BalanceSheet>,
    /// Kassaflödesanalys for the year.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cash_flow: Option<CashFlowStatement>,
    /// Kassaflödesanalys for the year before.
    #[cfg_attr(feature = "serde", serde(default))]
    pub cash_flow_previous: Option<CashFlowStatement>,
    /// Driftredovisning.
    #[cfg_attr(feature = "serde", serde(default))]
    pub operating_statement: Option<OperatingStatement>,
    /// Investeringsredovisning.
    #[cfg_attr(feature = "serde", serde(default))]
    pub investment_statement: Option<InvestmentStatement>,
    /// Parts the source does not give, and why.
    #[cfg_attr(feature = "serde", serde(default))]
    pub absent: Vec<AbsentPart>,
    /// Notes.
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes: Vec<Note>,
    /// Sammanställda räkenskaper (LKBR 12 kap.): the koncern, shown in columns beside
    /// the kommun's statements and in a section of its own.
    #[cfg_attr(feature = "serde", serde(default))]
    pub group: Option<GroupAccounts>,
}

impl AnnualReport {
    /// An empty årsredovisning for `entity` and `year`, tables in tkr.
    ///
    /// ```
    /// use kommunal_redovisning::{Entity, EntityKind, FinancialYear, Scale};
    /// use kommunal_redovisning::report::AnnualReport;
    ///
    /// let r = AnnualReport::new(Entity::new("Grästorps kommun", EntityKind::Kommun), FinancialYear::new(2019));
    /// assert_eq!((r.year, r.unit), (FinancialYear::new(2019), Scale::Tkr));
    /// // Empty: every statement is missing, with the year before for comparison.
    /// let missing = r.check_completeness();
    /// assert!(missing.iter().any(|f| f.message == "jämförelsetal för 2018 saknas"));
    /// ```
    #[must_use]
    pub fn new(entity: Entity, year: FinancialYear) -> Self {
        AnnualReport {
            entity,
            year,
            unit: Scale::Tkr,
            management_report: AnnualManagementReport::default(),
            goals: None,
            balanced_budget: None,
            balanced_budget_earlier: Vec::new(),
            sick_leave: SickLeavePart::default(),
            key_figures: None,
            income_statement: None,
            income_statement_previous: None,
            balance_sheet: None,
            balance_sheet_previous: None,
            cash_flow: None,
            cash_flow_previous: None,
            operating_statement: None,
            investment_statement: None,
            absent: Vec::new(),
            notes: Vec::new(),
            group: None,
        }
    }

    fn absent_reason(&self, part: ReportPart) -> Option<&str> {
        self.absent
            .iter()
            .find(|a| a.part == part)
            .map(|a| a.reason.as_str())
    }

    /// Checks that each part LKBR requires of an årsredovisning is present: the
    /// statements of 4 kap. 1 § (with the previous year), every part of the
    /// förvaltningsberättelse (11 kap.), the balanskravsresultat on the outcome, the
    /// goal evaluation, the seven sick-leave ratios, and the notes LKBR 9 kap. and RKR
    /// ask for given what the statements show (redovisningsprinciper, revisionskostnad;
    /// anläggningstillgångar R3/R4, pensionsavsättning and ansvarsförbindelse R10,
    /// långfristiga skulder, borgensförbindelser, skatteintäkter and utjämning R2 when
    /// the statements have them). One [`ReportFindingKind::Missing`] per missing part.
    #[must_use]
    pub fn check_completeness(&self) -> Vec<ReportFinding> {
        let mut out = Vec::new();
        let mut missing = |part: &str, source: &str, message: String| {
            out.push(ReportFinding::new(
                ReportFindingKind::Missing,
                part,
                source,
                message,
            ));
        };
        let reason = |p: ReportPart| {
            self.absent_reason(p)
                .map_or_else(String::new, |r| format!(" ({r})"))
        };
        let statements: [(bool, &str, &str, ReportPart); 5] = [
            (
                self.income_statement.is_some(),
                "resultaträkning",
                "LKBR 4 kap. 1 §; 5 kap.",
                ReportPart::IncomeStatement,
            ),
            (
                self.balance_sheet.is_some(),
                "balansräkning",
                "LKBR 4 kap. 1 §; 6 kap.",
                ReportPart::BalanceSheet,
            ),
            (
                self.cash_flow.is_some(),
                "kassaflödesanalys",
                "LKBR 4 kap. 1 §; 7 kap.",
                ReportPart::CashFlow,
            ),
            (
                self.operating_statement.is_some(),
                "driftredovisning",
                "LKBR 4 kap. 1 §; 10 kap.",
                ReportPart::OperatingStatement,
            ),
            (
                self.investment_statement.is_some(),
                "investeringsredovisning",
                "LKBR 4 kap. 1 §; 10 kap.",
                ReportPart::InvestmentStatement,
            ),
        ];
        for (present, part, source, p) in statements {
            if !present {
                missing(
                    part,
                    source,
                    format!("{part} för {} saknas{}", self.year, reason(p)),
                );
            }
        }
        let previous = self.year.previous();
        for (present, part) in [
            (
                self.income_statement_previous.is_some(),
                "resultaträkning, föregående år",
            ),
            (
                self.balance_sheet_previous.is_some(),
                "balansräkning, föregående år",
            ),
            (
                self.cash_flow_previous.is_some(),
                "kassaflödesanalys, föregående år",
            ),
        ] {
            if !present {
                missing(
                    part,
                    "LKBR 4 kap. (jämförelsetal)",
                    format!("jämförelsetal för {previous} saknas"),
                );
            }
        }
        for (title, text) in self.management_report.parts() {
            if text.iter().all(|s| s.text.trim().is_empty()) {
                missing(
                    "förvaltningsberättelse",
                    "LKBR 11 kap.",
                    format!("avsnittet om {} saknas", title.to_lowercase()),
                );
            }
        }
        match &self.balanced_budget {
            None => missing(
                "balanskravsresultat",
                "LKBR 11 kap.; KL 11 kap. 12 §",
                "balanskravsutredning saknas".to_owned(),
            ),
            Some(bk) if bk.basis() != ResultBasis::Outcome => missing(
                "balanskravsresultat",
                "LKBR 11 kap.",
                format!(
                    "balanskravsutredningen utgår från {}, inte från utfallet",
                    bk.basis().label()
                ),
            ),
            Some(_) => {}
        }
        if self.goals.as_ref().is_none_or(|g| g.areas.is_empty()) {
            missing(
                "måluppfyllelse",
                "LKBR 11 kap.; KL 11 kap. 1 §",
                "målen för god ekonomisk hushållning utvärderas inte".to_owned(),
            );
        }
        if self.sick_leave.disclosure.is_none() {
            let published: Vec<SickLeaveMeasure> = self
                .sick_leave
                .published
                .iter()
                .flat_map(|t| {
                    t.rows
                        .iter()
                        .map(|r| r.measure)
                        .chain(std::iter::once(SickLeaveMeasure::Total))
                })
                .collect();
            for m in SickLeaveMeasure::ALL {
                if !published.contains(&m) {
                    missing(
                        "sjukfrånvaro",
                        "LKBR 11 kap. (KRL 4 kap. 1 a §)",
                        format!("nyckeltalet {} saknas", m.label().to_lowercase()),
                    );
                }
            }
        }
        if self.notes.is_empty() {
            missing(
                "noter",
                "LKBR 4 kap. 1 §",
                "rapporten har inga noter".to_owned(),
            );
        }
        // With notes, each note LKBR 9 kap. and RKR ask for, given what the statements
        // show; without any, the one finding above says it all.
        if !self.notes.is_empty() {
            match super::notes::annual_completeness(
                &self.notes,
                &self.entity,
                self.income_statement.as_ref(),
                self.balance_sheet.as_ref(),
            ) {
                Ok(f) => out.extend(f),
                Err(e) => out.push(ReportFinding::new(
                    ReportFindingKind::Inconsistent,
                    "noter",
                    "LKBR 9 kap.",
                    e.sv().to_string(),
                )),
            }
        }
        out
    }

    /// Checks figures that appear twice: årets resultat in the resultaträkning against
    /// the change in eget kapital (balansräkningar, [`EquityReconciliation::check`]) and
    /// against the balanskravsutredning; each kassaflödesanalys
    /// ([`CashFlowStatement::validate`]); each note's arithmetic and every note
    /// reference of the resultaträkningar and balansräkningar against its note; the
    /// pension note's ansvarsförbindelse against the balansräkning, and soliditet
    /// including it.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Overflow`].
    pub fn check_consistency(&self) -> Result<Vec<ReportFinding>> {
        let mut out = Vec::new();
        let verdict = |r: std::result::Result<(), crate::Error>,
                       part: &str,
                       source: &str,
                       ok: &str| {
            match r {
                Ok(()) => ReportFinding::new(ReportFindingKind::Info, part, source, ok.to_owned()),
                Err(e) => ReportFinding::new(
                    ReportFindingKind::Inconsistent,
                    part,
                    source,
                    e.sv().to_string(),
                ),
            }
        };
        if let (Some(rs), Some(o), Some(c)) = (
            &self.income_statement,
            &self.balance_sheet_previous,
            &self.balance_sheet,
        ) {
            let rec = EquityReconciliation::new(o.equity(), rs.result_for_the_year(), c.equity());
            out.push(verdict(
                rec.check(),
                "eget kapital",
                "LKBR 6 kap.",
                "ingående eget kapital + årets resultat = utgående eget kapital: stämmer",
            ));
        }
        if let (Some(rs), Some(bk)) = (&self.income_statement, &self.balanced_budget) {
            let a: Amount = rs.result_for_the_year();
            let b = bk.result_for_the_year();
            let (kind, word) = if a == b {
                (ReportFindingKind::Info, "stämmer")
            } else {
                (ReportFindingKind::Inconsistent, "stämmer inte")
            };
            out.push(ReportFinding::new(
                kind,
                "balanskravsresultat",
                "LKBR 11 kap.",
                format!(
                    "årets resultat {} i resultaträkningen och {} i balanskravsutredningen: {word}",
                    money(a),
                    money(b)
                ),
            ));
        }
        let previous = self.year.previous();
        let tied = super::notes::statements(
            &self.entity,
            [
                (self.income_statement.as_ref(), self.year),
                (self.income_statement_previous.as_ref(), previous),
            ],
            [
                (self.balance_sheet.as_ref(), self.year),
                (self.balance_sheet_previous.as_ref(), previous),
            ],
        )?;
        out.extend(super::notes::consistency(&self.notes, &tied)?);
        out.extend(super::notes::pension_figures(
            &self.notes,
            self.balance_sheet.as_ref(),
            self.year,
        )?);
        for (cf, label) in [
            (&self.cash_flow, "kassaflödesanalys"),
            (&self.cash_flow_previous, "kassaflödesanalys, föregående år"),
        ] {
            if let Some(cf) = cf {
                out.push(verdict(
                    cf.validate(),
                    label,
                    "LKBR 7 kap.",
                    "likvida medel vid årets slut = vid årets början + årets kassaflöde: stämmer",
                ));
            }
        }
        if let Some(g) = &self.group {
            out.extend(group::findings(
                g,
                self.income_statement.as_ref(),
                self.balance_sheet.as_ref(),
                self.unit,
            )?);
        }
        Ok(out)
    }

    /// The årsredovisning as a [`Document`] for review ([`DocumentMode::Review`]): 1
    /// Förvaltningsberättelse (1.1 … 1.9, with
    /// goals, balanskrav, sick leave and key figures in their parts), 2 Finansiella
    /// rapporter (2.1 Resultaträkning, 2.2 Balansräkning, 2.3 Kassaflödesanalys, 2.4
    /// Driftredovisning, 2.5 Investeringsredovisning, 2.6 Noter) and the checks.
    ///
    /// # Errors
    ///
    /// Errors of the tables and of the goal evaluation.
    pub fn document(&self) -> Result<Document> {
        self.document_in(DocumentMode::Review)
    }

    /// The årsredovisning as a [`Document`] in `mode`: to publish (no review
    /// appendix, no sentences about absent parts, zero lines hidden, empty sections
    /// dropped and the rest renumbered, goal levels with their symbols) or to review
    /// ([`AnnualReport::document`]). The tables are rounded together in both
    /// ([`Document::round_tables`]).
    ///
    /// # Errors
    ///
    /// As [`AnnualReport::document`], and those of [`Document::round_tables`].
    pub fn document_in(&self, mode: DocumentMode) -> Result<Document> {
        let unit = self.unit;
        let end = self.year.end()?;
        let prev_end = self.year.previous().end()?;
        let mut sections = vec![DocSection::new("1", "Förvaltningsberättelse", 1)];
        for (i, (title, text)) in self.management_report.parts().into_iter().enumerate() {
            let mut s = DocSection::new(format!("1.{}", i + 1), title, 2);
            s.blocks = text_blocks(text);
            match i {
                5 => {
                    if let Some(g) = &self.goals {
                        s.blocks.extend(goals_blocks(g, end, mode)?);
                    }
                    if let Some(k) = &self.key_figures {
                        s.blocks.extend(key_figure_blocks(k, "Nyckeltal", mode)?);
                    }
                }
                6 => match &self.balanced_budget {
                    Some(bk) => s.blocks.push(Block::Table(balanced_budget_table(
                        bk,
                        &self.balanced_budget_earlier,
                        unit,
                    )?)),
                    None => s.blocks.push(Block::Absent(absent_sentence(
                        "Balanskravsutredningen",
                        self.absent_reason(ReportPart::BalancedBudgetTable),
                    ))),
                },
                7 => s.blocks.extend(sick_leave_blocks(&self.sick_leave)),
                _ => {}
            }
            sections.push(s);
        }
        sections.push(DocSection::new("2", "Finansiella rapporter", 1));
        let layout = StatementLayout::new(self.entity.kind, self.year);
        let (y, p) = (self.year.to_string(), self.year.previous().to_string());
        let mut s = DocSection::new("2.1", "Resultaträkning", 2);
        let years = group::Periods {
            current: &y,
            previous: &p,
        };
        s.blocks = match &self.group {
            Some(g) => group::income_blocks(
                &self.entity,
                &layout,
                (
                    self.income_statement.as_ref(),
                    self.income_statement_previous.as_ref(),
                ),
                g,
                &years,
                unit,
                self.absent_reason(ReportPart::IncomeStatement),
            )?,
            None => income_blocks(
                &self.entity,
                &layout,
                (&y, self.income_statement.as_ref()),
                (&p, self.income_statement_previous.as_ref()),
                unit,
                self.absent_reason(ReportPart::IncomeStatement),
            )?,
        };
        sections.push(s);
        let (e, pe) = (end.to_string(), prev_end.to_string());
        let mut s = DocSection::new("2.2", "Balansräkning", 2);
        s.blocks = match &self.group {
            Some(g) => group::balance_blocks(
                &self.entity,
                &layout,
                (
                    self.balance_sheet.as_ref(),
                    self.balance_sheet_previous.as_ref(),
                ),
                g,
                &group::Periods {
                    current: &e,
                    previous: &pe,
                },
                unit,
                self.absent_reason(ReportPart::BalanceSheet),
            )?,
            None => balance_blocks(
                &self.entity,
                &layout,
                (&e, self.balance_sheet.as_ref()),
                (&pe, self.balance_sheet_previous.as_ref()),
                unit,
                self.absent_reason(ReportPart::BalanceSheet),
            )?,
        };
        sections.push(s);
        let mut s = DocSection::new("2.3", "Kassaflödesanalys", 2);
        s.blocks = match &self.cash_flow {
            Some(cf) => {
                let koncern = self.group.as_ref();
                let name = |who: &str, year: &str| match koncern {
                    Some(_) => format!("{who} {year}"),
                    None => year.to_owned(),
                };
                let mut cols = vec![(Column::outcome(name("Kommunen", &y)), cf)];
                if let Some(prev) = &self.cash_flow_previous {
                    cols.push((Column::prior_period(name("Kommunen", &p)), prev));
                }
                if let Some(g) = koncern {
                    if let Some(k) = &g.consolidation.cash_flow {
                        cols.push((Column::outcome(name("Koncernen", &y)), k));
                    }
                    if let Some(k) = &g.cash_flow_comparison {
                        cols.push((Column::prior_period(name("Koncernen", &p)), k));
                    }
                }
                vec![Block::Table(CashFlowStatement::table(
                    "Kassaflödesanalys",
                    unit,
                    &cols,
                )?)]
            }
            None => vec![Block::Absent(absent_sentence(
                "Kassaflödesanalysen",
                self.absent_reason(ReportPart::CashFlow),
            ))],
        };
        sections.push(s);
        let mut s = DocSection::new("2.4", "Driftredovisning", 2);
        s.blocks = operating_blocks(
            self.operating_statement.as_ref(),
            &[],
            unit,
            self.absent_reason(ReportPart::OperatingStatement),
        )?;
        sections.push(s);
        let mut s = DocSection::new("2.5", "Investeringsredovisning", 2);
        s.blocks = investment_blocks(
            self.investment_statement.as_ref(),
            &[],
            unit,
            self.absent_reason(ReportPart::InvestmentStatement),
        )?;
        sections.push(s);
        let mut s = DocSection::new("2.6", "Noter", 2);
        s.blocks = note_blocks(&self.notes, unit)?;
        sections.push(s);
        if let Some(g) = &self.group {
            let mut s = DocSection::new("2.7", "Sammanställda räkenskaper", 2);
            s.blocks = group::section_blocks(g, &layout, &years, unit, false)?;
            sections.push(s);
        }
        let doc = Document {
            title: format!("{} — Årsredovisning {}", self.entity.name, self.year),
            subtitle: format!("Belopp i {} om inte annat anges.", unit.label()),
            sections,
        };
        finish(doc, mode, || {
            Ok((self.check_completeness(), self.check_consistency()?))
        })
    }

    /// The årsredovisning as Markdown.
    ///
    /// # Errors
    ///
    /// As [`AnnualReport::document`].
    pub fn to_markdown(&self) -> Result<String> {
        Ok(self.document()?.to_markdown(&NumberFormat::swedish()))
    }

    /// The årsredovisning as a standalone HTML document.
    ///
    /// # Errors
    ///
    /// As [`AnnualReport::document`].
    pub fn to_html(&self) -> Result<String> {
        Ok(self.document()?.to_html(&NumberFormat::swedish()))
    }
}
