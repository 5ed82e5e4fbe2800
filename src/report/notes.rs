//! The notes of a report checked as a whole: each note's arithmetic, every statement
//! row's note reference tied to its note, the notes an årsredovisning must have, and
//! soliditet including the pension commitments from the pension note's figures.

use crate::entity::Entity;
use crate::error::Result;
use crate::money::Amount;
use crate::note::{Note, NoteBody, NoteFindingKind, NoteKind, NoteScope, TieFindingKind, tie};
use crate::period::FinancialYear;
use crate::present::NumberFormat;
use crate::statement::{BalanceSheet, IncomeStatement, StatementLayout, StatementRow};

use super::interim::{ReportFinding, ReportFindingKind};

/// A statement of a report to tie: its name, rows and year.
pub(crate) struct Tied {
    pub(crate) name: String,
    pub(crate) rows: Vec<StatementRow>,
    pub(crate) year: FinancialYear,
}

/// The rows of the report's resultaträkningar and balansräkningar, for tying.
pub(crate) fn statements(
    entity: &Entity,
    income: [(Option<&IncomeStatement>, FinancialYear); 2],
    balance: [(Option<&BalanceSheet>, FinancialYear); 2],
) -> Result<Vec<Tied>> {
    let mut out = Vec::new();
    for (rs, year) in income {
        if let Some(rs) = rs {
            let layout = StatementLayout::new(entity.kind, year);
            out.push(Tied {
                name: format!("resultaträkningen {year}"),
                rows: rs.rows(&layout)?,
                year,
            });
        }
    }
    for (br, year) in balance {
        if let Some(br) = br {
            let layout = StatementLayout::new(entity.kind, year);
            out.push(Tied {
                name: format!("balansräkningen {year}"),
                rows: br.rows(&layout)?,
                year,
            });
        }
    }
    Ok(out)
}

/// Each note's arithmetic and structure, duplicate numbers, and the ties.
pub(crate) fn consistency(notes: &[Note], statements: &[Tied]) -> Result<Vec<ReportFinding>> {
    let mut out = Vec::new();
    for (i, n) in notes.iter().enumerate() {
        if notes.iter().take(i).any(|m| m.number == n.number) {
            out.push(ReportFinding::new(
                ReportFindingKind::Inconsistent,
                "noter",
                "LKBR 9 kap.",
                format!("not {} finns två gånger", n.number),
            ));
        }
        match n.check() {
            Ok(findings) => {
                for f in findings {
                    let kind = match f.kind {
                        NoteFindingKind::Rounding => ReportFindingKind::Rounding,
                        NoteFindingKind::Error => ReportFindingKind::Inconsistent,
                    };
                    out.push(ReportFinding::new(
                        kind,
                        "noter",
                        "LKBR 9 kap.",
                        f.message(),
                    ));
                }
            }
            Err(e) => out.push(ReportFinding::new(
                ReportFindingKind::Inconsistent,
                "noter",
                "LKBR 9 kap.",
                format!("not {} kan inte läsas: {}", n.number, e.sv()),
            )),
        }
    }
    let mut agreeing = 0_usize;
    for s in statements {
        for f in tie(notes, &s.name, &s.rows, s.year, NoteScope::Kommun)? {
            if f.kind == TieFindingKind::Agrees {
                agreeing = agreeing.saturating_add(1);
            } else {
                out.push(ReportFinding::new(
                    ReportFindingKind::Inconsistent,
                    "noter",
                    "LKBR 9 kap.",
                    f.message(),
                ));
            }
        }
    }
    if agreeing > 0 {
        out.push(ReportFinding::new(
            ReportFindingKind::Info,
            "noter",
            "LKBR 9 kap.",
            format!("{agreeing} rader i räkningarna stämmer mot sina noter"),
        ));
    }
    Ok(out)
}

/// Soliditet inklusive pensionsförpliktelser from the pension summary's
/// ansvarsförbindelse and the balansräkning, and the ansvarsförbindelse against the
/// balansräkning's memo post.
pub(crate) fn pension_figures(
    notes: &[Note],
    balance: Option<&BalanceSheet>,
    year: FinancialYear,
) -> Result<Vec<ReportFinding>> {
    let mut out = Vec::new();
    let Some(br) = balance else {
        return Ok(out);
    };
    for n in notes {
        let NoteBody::PensionSummary(v) = &n.body else {
            continue;
        };
        let Some(s) = n
            .column_index(year, NoteScope::Kommun)
            .and_then(|i| v.get(i))
        else {
            continue;
        };
        let memo = br.pension_commitments_before_1998;
        if memo != s.commitments_before_1998 {
            out.push(ReportFinding::new(
                ReportFindingKind::Inconsistent,
                "noter",
                "RKR R10",
                format!(
                    "ansvarsförbindelsen för pensioner är {} i not {} men {} i balansräkningen",
                    crate::note::NoteFigure::Amount(s.commitments_before_1998).sv(),
                    n.number,
                    crate::note::NoteFigure::Amount(memo).sv()
                ),
            ));
        }
        let assets = br.total_assets();
        if !assets.is_zero() {
            let p = s.equity_ratio_including_commitments(br.equity(), assets)?;
            out.push(ReportFinding::new(
                ReportFindingKind::Info,
                "soliditet",
                "RKR R10; Kolada N03002",
                format!(
                    "soliditet inklusive pensionsförpliktelser {year}: {} (eget kapital minus \
                     ansvarsförbindelsen i not {}, delat med summa tillgångar)",
                    NumberFormat::swedish().with_decimals(1).percent(p),
                    n.number
                ),
            ));
        }
    }
    Ok(out)
}

fn has(notes: &[Note], kinds: &[NoteKind]) -> bool {
    notes.iter().any(|n| kinds.contains(&n.kind))
}

/// The notes an årsredovisning must have, given what its statements show. One
/// [`ReportFindingKind::Missing`] per missing note, with its source.
pub(crate) fn annual_completeness(
    notes: &[Note],
    entity: &Entity,
    income: Option<&IncomeStatement>,
    balance: Option<&BalanceSheet>,
) -> Result<Vec<ReportFinding>> {
    let mut out = Vec::new();
    let mut need = |present: bool, kind: NoteKind, source: &str, why: &str| {
        if !present {
            out.push(ReportFinding::new(
                ReportFindingKind::Missing,
                "noter",
                source,
                format!("not om {} saknas ({why})", kind.title().to_lowercase()),
            ));
        }
    };
    need(
        has(notes, &[NoteKind::AccountingPrinciples]),
        NoteKind::AccountingPrinciples,
        "LKBR 9 kap.",
        "redovisningsprinciperna ska anges",
    );
    if let Some(br) = balance {
        let nz = |a: Amount| !a.is_zero();
        if nz(br.intangible_assets) {
            need(
                has(notes, &[NoteKind::IntangibleAssets]),
                NoteKind::IntangibleAssets,
                "RKR R3",
                "balansräkningen har immateriella anläggningstillgångar",
            );
        }
        if nz(br.land_and_buildings)
            || nz(br.machinery_and_equipment)
            || nz(br.other_tangible_assets)
        {
            need(
                has(notes, &[NoteKind::TangibleAssets]),
                NoteKind::TangibleAssets,
                "RKR R4",
                "balansräkningen har materiella anläggningstillgångar",
            );
        }
        if nz(br.pension_provisions) {
            need(
                has(notes, &[NoteKind::PensionProvisions]),
                NoteKind::PensionProvisions,
                "RKR R10",
                "balansräkningen har avsättningar för pensioner",
            );
        }
        if nz(br.pension_commitments_before_1998) {
            need(
                has(notes, &[NoteKind::PensionObligations]),
                NoteKind::PensionObligations,
                "RKR R10",
                "balansräkningen har en ansvarsförbindelse för pensioner",
            );
        }
        if nz(br.long_term_liabilities) {
            need(
                has(notes, &[NoteKind::LongTermLiabilities]),
                NoteKind::LongTermLiabilities,
                "LKBR 9 kap.",
                "balansräkningen har långfristiga skulder",
            );
        }
        if nz(br.guarantees) {
            need(
                has(notes, &[NoteKind::Guarantees]),
                NoteKind::Guarantees,
                "LKBR 9 kap.",
                "balansräkningen har borgensförbindelser",
            );
        }
    }
    if let Some(rs) = income.filter(|_| entity.kind.has_tax_revenue()) {
        if !rs.tax_revenue.is_zero() {
            need(
                has(notes, &[NoteKind::TaxRevenue]),
                NoteKind::TaxRevenue,
                "RKR R2",
                "resultaträkningen har skatteintäkter",
            );
        }
        if !rs.general_grants.is_zero() {
            need(
                has(notes, &[NoteKind::GeneralGrants]),
                NoteKind::GeneralGrants,
                "RKR R2",
                "resultaträkningen har generella statsbidrag och utjämning",
            );
        }
    }
    need(
        has(notes, &[NoteKind::AuditFees]),
        NoteKind::AuditFees,
        "LKBR 9 kap. (prop. 2017/18:149)",
        "kostnaden för räkenskapsrevision ska anges",
    );
    Ok(out)
}
