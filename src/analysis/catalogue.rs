//! Nyckeltalskatalogen: every ratio a finansiell analys publishes, as data — id,
//! Swedish name, formula, unit, whether higher is better, RK perspective and Kolada ids.

use std::fmt;

/// A perspective of the RK model (resultat, kapacitet, risk, kontroll), the grouping
/// most finansiella analyser in a förvaltningsberättelse follow.
///
/// ```
/// use kommunal_redovisning::analysis::Perspective;
/// assert_eq!(Perspective::Capacity.label(), "Kapacitet");
/// ```
#[doc(alias = "perspektiv")]
#[doc(alias = "RK-modellen")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Perspective {
    /// Resultat: the balance between revenue and costs, and its development.
    Result,
    /// Kapacitet: long-term financial strength (soliditet, skuldsättning, självfinansiering).
    Capacity,
    /// Risk: short-term exposure (likviditet, pensioner, borgen).
    Risk,
    /// Kontroll: whether budgets and forecasts hold.
    Control,
}

impl Perspective {
    /// All four, in the RK model's order.
    pub const ALL: [Perspective; 4] = [
        Perspective::Result,
        Perspective::Capacity,
        Perspective::Risk,
        Perspective::Control,
    ];

    /// The Swedish heading.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Perspective::Result => "Resultat",
            Perspective::Capacity => "Kapacitet",
            Perspective::Risk => "Risk",
            Perspective::Control => "Kontroll",
        }
    }
}

/// The unit a ratio's value is in (enhet).
///
/// ```
/// use kommunal_redovisning::analysis::{RatioId, RatioUnit};
///
/// assert_eq!(RatioId::QuickRatio.definition().unit, RatioUnit::Percent);
/// assert_eq!(RatioId::GrowthGap.definition().unit, RatioUnit::PercentagePoints);
/// let per_inhabitant = RatioId::NetCostsPerInhabitant.definition().unit;
/// assert_eq!(per_inhabitant, RatioUnit::KronorPerInhabitant);
/// assert_eq!(per_inhabitant.label(), "kr/inv.");
/// ```
#[doc(alias = "enhet")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RatioUnit {
    /// Procent (%).
    Percent,
    /// Procentenheter: the difference of two percentages.
    PercentagePoints,
    /// Belopp in kronor (shown in the table's scale, e.g. tkr).
    Amount,
    /// Kronor per invånare (kr/inv.).
    KronorPerInhabitant,
}

impl RatioUnit {
    /// The unit as printed after a value: `%`, `procentenheter`, `kr`, `kr/inv.`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            RatioUnit::Percent => "%",
            RatioUnit::PercentagePoints => "procentenheter",
            RatioUnit::Amount => "kr",
            RatioUnit::KronorPerInhabitant => "kr/inv.",
        }
    }
}

/// A key ratio of the catalogue (nyckeltal), by a stable id.
///
/// [`RatioId::definition`] gives its data: Swedish name, formula, unit, direction, RK
/// perspective and Kolada ids. Ids travel as snake_case strings ([`RatioId::id`]).
///
/// ```
/// use kommunal_redovisning::analysis::{RatioId, RatioUnit};
///
/// let d = RatioId::ResultShare.definition();
/// assert_eq!(d.name, "Årets resultat i procent av skatteintäkter och generella statsbidrag");
/// assert_eq!(d.kolada, Some("N03102"));
/// assert_eq!(d.unit, RatioUnit::Percent);
/// assert_eq!(RatioId::from_id("arets_resultat_andel"), Some(RatioId::ResultShare));
/// ```
#[doc(alias = "nyckeltal")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RatioId {
    /// Resultat före extraordinära poster i procent av skatteintäkter och generella
    /// statsbidrag.
    ResultBeforeExtraordinaryShare,
    /// Årets resultat i procent av skatteintäkter och generella statsbidrag.
    ResultShare,
    /// Nettokostnadsandel (total).
    NetCostShare,
    /// Nettokostnadsandel: verksamhetens del (intäkter och kostnader exkl. avskrivningar).
    NetCostShareOperations,
    /// Nettokostnadsandel: avskrivningarnas del.
    NetCostShareDepreciation,
    /// Nettokostnadsandel: finansnettots del.
    NetCostShareFinancialItems,
    /// Skatteintäkternas och generella statsbidragens utveckling.
    TaxRevenueGrowth,
    /// Nettokostnadernas utveckling.
    NetCostGrowth,
    /// Skillnaden mellan skatteintäkternas och nettokostnadernas utveckling.
    GrowthGap,
    /// Finansnettots andel av skatteintäkter och generella statsbidrag.
    FinancialItemsShare,
    /// Soliditet.
    EquityRatio,
    /// Soliditet inklusive pensionsförpliktelser intjänade före 1998.
    EquityRatioIncludingPensions,
    /// Skuldsättningsgrad (total).
    DebtRatio,
    /// Skuldsättningsgrad: avsättningarnas del.
    DebtRatioProvisions,
    /// Skuldsättningsgrad: de långfristiga skuldernas del.
    DebtRatioLongTerm,
    /// Skuldsättningsgrad: de kortfristiga skuldernas del.
    DebtRatioCurrent,
    /// Självfinansieringsgrad av bruttoinvesteringar (investeringsutgifter).
    SelfFinancingGross,
    /// Självfinansieringsgrad av nettoinvesteringar.
    SelfFinancingNet,
    /// Nettoinvesteringar i procent av skatteintäkter och generella statsbidrag.
    NetInvestmentShare,
    /// Nettoinvesteringar i procent av avskrivningar.
    NetInvestmentToDepreciation,
    /// Kommunal skattesats (kr per 100 kr beskattningsbar inkomst).
    TaxRate,
    /// Kassalikviditet.
    QuickRatio,
    /// Finansiella nettotillgångar.
    NetFinancialAssets,
    /// Pensionsförpliktelser totalt (avsättning och ansvarsförbindelse, inkl. löneskatt).
    PensionCommitments,
    /// Borgensåtagande per invånare.
    GuaranteesPerInhabitant,
    /// Verksamhetens nettokostnader per invånare.
    NetCostsPerInhabitant,
    /// Skatteintäkter och generella statsbidrag per invånare.
    TaxRevenuePerInhabitant,
    /// Årets resultat per invånare.
    ResultPerInhabitant,
    /// Nettoinvesteringar per invånare.
    NetInvestmentsPerInhabitant,
    /// Eget kapital per invånare.
    EquityPerInhabitant,
    /// Låneskuld per invånare.
    LoanDebtPerInhabitant,
    /// Pensionsförpliktelser totalt per invånare.
    PensionCommitmentsPerInhabitant,
    /// Budgetavvikelse årets resultat (utfall − budget).
    BudgetDeviationResult,
    /// Budgetavvikelse verksamhetens nettokostnader (utfall − budget).
    BudgetDeviationNetCosts,
    /// Budgetföljsamhet: nettokostnadernas avvikelse i procent av budget.
    BudgetAdherence,
    /// Prognosavvikelse årets resultat (utfall − prognos).
    ForecastDeviationResult,
    /// Prognossäkerhet: nettokostnadernas avvikelse från prognosen i procent av utfallet.
    ForecastAccuracyNetCosts,
}

/// The data of one ratio in the catalogue (nyckeltalsdefinition).
///
/// ```
/// use kommunal_redovisning::analysis::{CATALOGUE, Perspective, RatioId};
///
/// let soliditet = RatioId::EquityRatio.definition();
/// assert_eq!((soliditet.name, soliditet.formula), ("Soliditet", "eget kapital / summa tillgångar"));
/// assert_eq!(soliditet.perspective, Perspective::Capacity);
/// assert_eq!((soliditet.kolada, soliditet.higher_is_better), (Some("N03106"), Some(true)));
/// // The development rates need the year before.
/// let rates = CATALOGUE.iter().filter(|d| d.needs_previous_year).count();
/// assert!(rates >= 2 && rates < CATALOGUE.len());
/// ```
#[doc(alias = "nyckeltalsdefinition")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RatioDefinition {
    /// The ratio.
    pub ratio: RatioId,
    /// The Swedish name as a finansiell analys prints it.
    pub name: &'static str,
    /// The default formula in words ([`crate::analysis::RatioOptions`] chooses others).
    pub formula: &'static str,
    /// The unit of the value.
    pub unit: RatioUnit,
    /// `Some(true)` when a higher value is better, `Some(false)` when lower is,
    /// `None` when the direction depends on the situation (investeringsnivå, skattesats).
    pub higher_is_better: Option<bool>,
    /// Its RK perspective.
    pub perspective: Perspective,
    /// The Kolada KPI id for a kommun, where one exists and its title was confirmed.
    pub kolada: Option<&'static str>,
    /// The Kolada KPI id for the kommunkoncern, where confirmed.
    pub kolada_koncern: Option<&'static str>,
    /// What is known about the Kolada id: the confirmed title, or why there is none.
    pub kolada_note: &'static str,
    /// Whether the ratio needs the year before (a development rate).
    pub needs_previous_year: bool,
    /// Whether the ratio needs the population.
    pub per_inhabitant: bool,
}

impl RatioDefinition {
    /// The Kolada id for kommunen or for the kommunkoncern.
    ///
    /// ```
    /// use kommunal_redovisning::analysis::{RatioId, Scope};
    /// assert_eq!(RatioId::EquityRatio.definition().kolada_for(Scope::Group), Some("N03110"));
    /// ```
    #[must_use]
    pub fn kolada_for(&self, scope: super::Scope) -> Option<&'static str> {
        match scope {
            super::Scope::Entity => self.kolada,
            super::Scope::Group => self.kolada_koncern,
        }
    }
}

/// Where the Kolada titles were read: a Kolada KPI list (id and title) mirrored in a
/// public repository. Kolada's formula texts were not available; a title confirms what
/// is measured, not every detail of the definition.
pub const KOLADA_SOURCE: &str = "Kolada KPI list mirrored in github.com/peterk/tableau-kolada-proxy, \
     kpi_all.js (ids and titles)";

macro_rules! def {
    ($ratio:ident, $name:expr, $formula:expr, $unit:ident, $better:expr, $persp:ident,
     $kolada:expr, $koncern:expr, $note:expr, $prev:expr, $inh:expr) => {
        RatioDefinition {
            ratio: RatioId::$ratio,
            name: $name,
            formula: $formula,
            unit: RatioUnit::$unit,
            higher_is_better: $better,
            perspective: Perspective::$persp,
            kolada: $kolada,
            kolada_koncern: $koncern,
            kolada_note: $note,
            needs_previous_year: $prev,
            per_inhabitant: $inh,
        }
    };
}

/// Every definition, in catalogue order (RK perspective, then as a finansiell analys
/// usually prints them).
pub static CATALOGUE: [RatioDefinition; 37] = [
    def!(
        ResultBeforeExtraordinaryShare,
        "Resultat före extraordinära poster i procent av skatteintäkter och generella statsbidrag",
        "resultat efter finansiella poster / (skatteintäkter + generella statsbidrag och utjämning)",
        Percent,
        Some(true),
        Result,
        Some("N03001"),
        Some("N03033"),
        "N03001 \"Resultat före extraord. poster (kommunen), andel (%) av skatt & generella statsbidrag\"",
        false,
        false
    ),
    def!(
        ResultShare,
        "Årets resultat i procent av skatteintäkter och generella statsbidrag",
        "årets resultat / (skatteintäkter + generella statsbidrag och utjämning)",
        Percent,
        Some(true),
        Result,
        Some("N03102"),
        Some("N03112"),
        "N03102 \"Årets resultat som andel av skatt & generella statsbidrag kommun, (%)\"",
        false,
        false
    ),
    def!(
        NetCostShare,
        "Nettokostnadsandel",
        "−(verksamhetens nettokostnader + finansnetto) / (skatteintäkter + generella \
         statsbidrag och utjämning); de tre delarna nedan summerar till den",
        Percent,
        Some(false),
        Result,
        Some("N03100"),
        Some("N03031"),
        "N03100 \"Nettokostnad som andel av skatt och generella statsbidrag kommun, (%)\"; \
         whether Kolada counts the finansnetto is unconfirmed",
        false,
        false
    ),
    def!(
        NetCostShareOperations,
        "Nettokostnadsandel, verksamhet",
        "−(verksamhetens intäkter + verksamhetens kostnader) / (skatteintäkter + generella \
         statsbidrag och utjämning)",
        Percent,
        Some(false),
        Result,
        None,
        None,
        "no Kolada id found for the parts",
        false,
        false
    ),
    def!(
        NetCostShareDepreciation,
        "Nettokostnadsandel, avskrivningar",
        "−avskrivningar / (skatteintäkter + generella statsbidrag och utjämning)",
        Percent,
        Some(false),
        Result,
        None,
        None,
        "no Kolada id found for the parts",
        false,
        false
    ),
    def!(
        NetCostShareFinancialItems,
        "Nettokostnadsandel, finansnetto",
        "−finansnetto / (skatteintäkter + generella statsbidrag och utjämning)",
        Percent,
        Some(false),
        Result,
        None,
        None,
        "no Kolada id found for the parts",
        false,
        false
    ),
    def!(
        TaxRevenueGrowth,
        "Skatteintäkternas och generella statsbidragens utveckling",
        "(skatteintäkter + generella statsbidrag) / samma året före − 1",
        Percent,
        Some(true),
        Result,
        None,
        None,
        "no Kolada id found",
        true,
        false
    ),
    def!(
        NetCostGrowth,
        "Nettokostnadernas utveckling",
        "verksamhetens nettokostnader / samma året före − 1",
        Percent,
        Some(false),
        Result,
        None,
        None,
        "no Kolada id found",
        true,
        false
    ),
    def!(
        GrowthGap,
        "Skillnad mellan skatteintäkternas och nettokostnadernas utveckling",
        "skatteintäkternas utveckling − nettokostnadernas utveckling",
        PercentagePoints,
        Some(true),
        Result,
        None,
        None,
        "no Kolada id found",
        true,
        false
    ),
    def!(
        FinancialItemsShare,
        "Finansnettots andel av skatteintäkter och generella statsbidrag",
        "(finansiella intäkter + finansiella kostnader) / (skatteintäkter + generella \
         statsbidrag och utjämning)",
        Percent,
        Some(true),
        Result,
        Some("N03101"),
        Some("N03032"),
        "N03101 \"Finansnetto som andel av skatt och generella statsbidrag kommunen, (%)\"",
        false,
        false
    ),
    def!(
        EquityRatio,
        "Soliditet",
        "eget kapital / summa tillgångar",
        Percent,
        Some(true),
        Capacity,
        Some("N03106"),
        Some("N03110"),
        "N03106 \"Soliditet kommun, (%)\"",
        false,
        false
    ),
    def!(
        EquityRatioIncludingPensions,
        "Soliditet inklusive pensionsförpliktelser",
        "(eget kapital − pensionsförpliktelser intjänade före 1998 inkl. särskild löneskatt) \
         / summa tillgångar",
        Percent,
        Some(true),
        Capacity,
        Some("N03002"),
        Some("N03034"),
        "N03002 \"Soliditet inkl pensionsåtag. kommun, (%)\"",
        false,
        false
    ),
    def!(
        DebtRatio,
        "Skuldsättningsgrad",
        "(avsättningar + skulder) / summa tillgångar; de tre delarna nedan \
         summerar till den",
        Percent,
        Some(false),
        Capacity,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        DebtRatioProvisions,
        "Skuldsättningsgrad, avsättningar",
        "avsättningar / summa tillgångar",
        Percent,
        Some(false),
        Capacity,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        DebtRatioLongTerm,
        "Skuldsättningsgrad, långfristiga skulder",
        "långfristiga skulder / summa tillgångar",
        Percent,
        Some(false),
        Capacity,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        DebtRatioCurrent,
        "Skuldsättningsgrad, kortfristiga skulder",
        "kortfristiga skulder / summa tillgångar",
        Percent,
        Some(false),
        Capacity,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        SelfFinancingGross,
        "Självfinansieringsgrad av bruttoinvesteringar",
        "(årets resultat + avskrivningar) / investeringsutgifter",
        Percent,
        Some(true),
        Capacity,
        None,
        None,
        "no Kolada id found for the gross form",
        false,
        false
    ),
    def!(
        SelfFinancingNet,
        "Självfinansieringsgrad av nettoinvesteringar",
        "(årets resultat + avskrivningar) / nettoinvesteringar",
        Percent,
        Some(true),
        Capacity,
        Some("N03103"),
        None,
        "N03103 \"Självfinansieringsgrad för kommunens investeringar, andel (%)\"; Kolada's \
         numerator is unconfirmed",
        false,
        false
    ),
    def!(
        NetInvestmentShare,
        "Nettoinvesteringar i procent av skatteintäkter och generella statsbidrag",
        "nettoinvesteringar / (skatteintäkter + generella statsbidrag och utjämning)",
        Percent,
        None,
        Capacity,
        Some("N03104"),
        None,
        "N03104 \"Nettoinvesteringar i kommunen, andel (%) av skatt & generella statsbidrag\"",
        false,
        false
    ),
    def!(
        NetInvestmentToDepreciation,
        "Nettoinvesteringar i procent av avskrivningar",
        "nettoinvesteringar / −avskrivningar",
        Percent,
        None,
        Capacity,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        TaxRate,
        "Kommunal skattesats",
        "enligt fullmäktiges beslut (kr per 100 kr beskattningsbar förvärvsinkomst)",
        Percent,
        None,
        Capacity,
        None,
        None,
        "not confirmed: the Kolada id for the kommunal skattesats was not found in the list read",
        false,
        false
    ),
    def!(
        QuickRatio,
        "Kassalikviditet",
        "(omsättningstillgångar − förråd) / kortfristiga skulder",
        Percent,
        Some(true),
        Risk,
        Some("N03105"),
        Some("N03109"),
        "N03105 \"Kassalikviditet kommunen, (%)\"",
        false,
        false
    ),
    def!(
        NetFinancialAssets,
        "Finansiella nettotillgångar",
        "finansiella anläggningstillgångar + omsättningstillgångar − avsättningar − skulder",
        Amount,
        Some(true),
        Risk,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        PensionCommitments,
        "Pensionsförpliktelser totalt inkl. löneskatt",
        "avsättningar för pensioner + pensionsförpliktelser intjänade före 1998 \
         (ansvarsförbindelse), båda inkl. särskild löneskatt",
        Amount,
        Some(false),
        Risk,
        None,
        None,
        "no Kolada id for the total (N03048 covers only the ansvarsförbindelse, per invånare)",
        false,
        false
    ),
    def!(
        GuaranteesPerInhabitant,
        "Borgensåtagande per invånare",
        "borgensförbindelser / invånare",
        KronorPerInhabitant,
        Some(false),
        Risk,
        None,
        None,
        "no exact Kolada id: N03004 also counts övriga ansvarsförbindelser",
        false,
        true
    ),
    def!(
        NetCostsPerInhabitant,
        "Verksamhetens nettokostnader per invånare",
        "−verksamhetens nettokostnader / invånare",
        KronorPerInhabitant,
        Some(false),
        Result,
        Some("N03011"),
        Some("N03058"),
        "N03011 \"Verksamhetens nettokostnader enligt resultaträkningen kommun, kr/inv\"",
        false,
        true
    ),
    def!(
        TaxRevenuePerInhabitant,
        "Skatteintäkter och generella statsbidrag per invånare",
        "(skatteintäkter + generella statsbidrag och utjämning) / invånare",
        KronorPerInhabitant,
        Some(true),
        Result,
        None,
        Some("N03060"),
        "kommun: Kolada has the parts (N03010 skatteintäkter, N03009 generella statsbidrag \
         och utjämning), not the sum; koncern N03060 is the sum",
        false,
        true
    ),
    def!(
        ResultPerInhabitant,
        "Årets resultat per invånare",
        "årets resultat / invånare",
        KronorPerInhabitant,
        Some(true),
        Result,
        Some("N03007"),
        Some("N03035"),
        "N03007 \"Årets resultat kommun, kr/inv\"",
        false,
        true
    ),
    def!(
        NetInvestmentsPerInhabitant,
        "Nettoinvesteringar per invånare",
        "nettoinvesteringar / invånare",
        KronorPerInhabitant,
        None,
        Capacity,
        Some("N03132"),
        None,
        "N03132 \"Nettoinvesteringar, totalt kommun, kr/inv\"",
        false,
        true
    ),
    def!(
        EquityPerInhabitant,
        "Eget kapital per invånare",
        "eget kapital / invånare",
        KronorPerInhabitant,
        Some(true),
        Capacity,
        Some("N03036"),
        Some("N03038"),
        "N03036 \"Eget kapital kommunen, kr/inv\"",
        false,
        true
    ),
    def!(
        LoanDebtPerInhabitant,
        "Låneskuld per invånare",
        "låneskuld (enligt uppgift, annars långfristiga skulder) / invånare",
        KronorPerInhabitant,
        Some(false),
        Risk,
        Some("N03144"),
        None,
        "N03144 \"Summa lån kommun, kr/inv\"",
        false,
        true
    ),
    def!(
        PensionCommitmentsPerInhabitant,
        "Pensionsförpliktelser totalt per invånare",
        "pensionsförpliktelser totalt inkl. löneskatt / invånare",
        KronorPerInhabitant,
        Some(false),
        Risk,
        None,
        None,
        "no Kolada id for the total (N03048 covers only the ansvarsförbindelse)",
        false,
        true
    ),
    def!(
        BudgetDeviationResult,
        "Budgetavvikelse årets resultat",
        "årets resultat, utfall − budget",
        Amount,
        Some(true),
        Control,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        BudgetDeviationNetCosts,
        "Budgetavvikelse verksamhetens nettokostnader",
        "verksamhetens nettokostnader, utfall − budget (positivt: lägre kostnader)",
        Amount,
        Some(true),
        Control,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        BudgetAdherence,
        "Budgetföljsamhet, nettokostnader",
        "(nettokostnader utfall − budget) / |budget|",
        Percent,
        Some(true),
        Control,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        ForecastDeviationResult,
        "Prognosavvikelse årets resultat",
        "årets resultat, utfall − prognos",
        Amount,
        Some(true),
        Control,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
    def!(
        ForecastAccuracyNetCosts,
        "Prognossäkerhet, nettokostnader",
        "(nettokostnader utfall − prognos) / |utfall|",
        Percent,
        None,
        Control,
        None,
        None,
        "no Kolada id found",
        false,
        false
    ),
];

impl RatioId {
    /// Every ratio, in catalogue order.
    ///
    /// ```
    /// use kommunal_redovisning::analysis::{CATALOGUE, RatioId};
    ///
    /// assert_eq!(RatioId::all().count(), CATALOGUE.len());
    /// assert_eq!(RatioId::all().next(), Some(RatioId::ResultBeforeExtraordinaryShare));
    /// ```
    pub fn all() -> impl Iterator<Item = RatioId> {
        CATALOGUE.iter().map(|d| d.ratio)
    }

    /// The ratio's data.
    #[must_use]
    pub fn definition(self) -> &'static RatioDefinition {
        // Every id has exactly one entry; the test `catalogue_is_complete` proves it.
        CATALOGUE
            .iter()
            .find(|d| d.ratio == self)
            .unwrap_or(&CATALOGUE[0])
    }

    /// The Swedish name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.definition().name
    }

    /// The stable id, e.g. `"soliditet"`, `"arets_resultat_andel"`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            RatioId::ResultBeforeExtraordinaryShare => "resultat_fore_extraordinara_andel",
            RatioId::ResultShare => "arets_resultat_andel",
            RatioId::NetCostShare => "nettokostnadsandel",
            RatioId::NetCostShareOperations => "nettokostnadsandel_verksamhet",
            RatioId::NetCostShareDepreciation => "nettokostnadsandel_avskrivningar",
            RatioId::NetCostShareFinancialItems => "nettokostnadsandel_finansnetto",
            RatioId::TaxRevenueGrowth => "skatteintakternas_utveckling",
            RatioId::NetCostGrowth => "nettokostnadernas_utveckling",
            RatioId::GrowthGap => "utvecklingsgap",
            RatioId::FinancialItemsShare => "finansnettots_andel",
            RatioId::EquityRatio => "soliditet",
            RatioId::EquityRatioIncludingPensions => "soliditet_inkl_pensioner",
            RatioId::DebtRatio => "skuldsattningsgrad",
            RatioId::DebtRatioProvisions => "skuldsattningsgrad_avsattningar",
            RatioId::DebtRatioLongTerm => "skuldsattningsgrad_langfristiga",
            RatioId::DebtRatioCurrent => "skuldsattningsgrad_kortfristiga",
            RatioId::SelfFinancingGross => "sjalvfinansieringsgrad_brutto",
            RatioId::SelfFinancingNet => "sjalvfinansieringsgrad_netto",
            RatioId::NetInvestmentShare => "nettoinvesteringar_andel",
            RatioId::NetInvestmentToDepreciation => "nettoinvesteringar_mot_avskrivningar",
            RatioId::TaxRate => "skattesats",
            RatioId::QuickRatio => "kassalikviditet",
            RatioId::NetFinancialAssets => "finansiella_nettotillgangar",
            RatioId::PensionCommitments => "pensionsforpliktelser",
            RatioId::GuaranteesPerInhabitant => "borgen_per_invanare",
            RatioId::NetCostsPerInhabitant => "nettokostnader_per_invanare",
            RatioId::TaxRevenuePerInhabitant => "skatteintakter_per_invanare",
            RatioId::ResultPerInhabitant => "arets_resultat_per_invanare",
            RatioId::NetInvestmentsPerInhabitant => "nettoinvesteringar_per_invanare",
            RatioId::EquityPerInhabitant => "eget_kapital_per_invanare",
            RatioId::LoanDebtPerInhabitant => "laneskuld_per_invanare",
            RatioId::PensionCommitmentsPerInhabitant => "pensionsforpliktelser_per_invanare",
            RatioId::BudgetDeviationResult => "budgetavvikelse_resultat",
            RatioId::BudgetDeviationNetCosts => "budgetavvikelse_nettokostnader",
            RatioId::BudgetAdherence => "budgetfoljsamhet",
            RatioId::ForecastDeviationResult => "prognosavvikelse_resultat",
            RatioId::ForecastAccuracyNetCosts => "prognossakerhet_nettokostnader",
        }
    }

    /// The ratio with this stable id.
    ///
    /// ```
    /// use kommunal_redovisning::analysis::RatioId;
    ///
    /// assert_eq!(RatioId::from_id("soliditet"), Some(RatioId::EquityRatio));
    /// assert_eq!(RatioId::from_id(RatioId::QuickRatio.id()), Some(RatioId::QuickRatio));
    /// assert_eq!(RatioId::from_id("Soliditet"), None); // ids are exact
    /// ```
    #[must_use]
    pub fn from_id(id: &str) -> Option<RatioId> {
        RatioId::all().find(|r| r.id() == id)
    }

    /// The ratios of one RK perspective, in catalogue order.
    ///
    /// ```
    /// use kommunal_redovisning::analysis::{Perspective, RatioId};
    ///
    /// // The kontroll perspective: budget and forecast deviations.
    /// let control: Vec<RatioId> = RatioId::of_perspective(Perspective::Control).collect();
    /// assert!(control.contains(&RatioId::BudgetAdherence));
    /// assert!(control.iter().all(|r| r.definition().perspective == Perspective::Control));
    /// ```
    pub fn of_perspective(perspective: Perspective) -> impl Iterator<Item = RatioId> {
        CATALOGUE
            .iter()
            .filter(move |d| d.perspective == perspective)
            .map(|d| d.ratio)
    }
}

impl fmt::Display for RatioId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn catalogue_is_complete() {
        let mut seen = BTreeSet::new();
        for (i, d) in CATALOGUE.iter().enumerate() {
            assert!(seen.insert(d.ratio), "{:?} twice", d.ratio);
            assert_eq!(d.ratio.definition().ratio, d.ratio, "entry {i}");
            assert_eq!(RatioId::from_id(d.ratio.id()), Some(d.ratio));
        }
        let ids: BTreeSet<_> = CATALOGUE.iter().map(|d| d.ratio.id()).collect();
        assert_eq!(ids.len(), CATALOGUE.len(), "ids are unique");
    }

    #[test]
    fn every_perspective_has_ratios() {
        for p in Perspective::ALL {
            assert!(RatioId::of_perspective(p).count() >= 3, "{p:?}");
        }
    }

    #[test]
    fn module_docs_list_every_ratio() {
        let docs = include_str!("mod.rs");
        for d in &CATALOGUE {
            let row = format!("//! | {} |", d.name);
            assert!(
                docs.contains(&row),
                "{} is not in the catalogue table",
                d.name
            );
            if let Some(k) = d.kolada {
                assert!(docs.contains(k), "{k}");
            }
        }
    }

    #[test]
    fn kolada_ids_have_notes_naming_them() {
        for d in &CATALOGUE {
            if let Some(k) = d.kolada {
                assert!(d.kolada_note.contains(k), "{:?}", d.ratio);
            }
        }
    }
}
