//! Labels: how printed row labels are normalized and placed on statutory posts.

use super::StatementKind;

// Placement: labels onto the statutory structure.

/// Statutory posts and sums the checker knows, by id, with a readable name.
pub(super) const NAMES: &[(&str, &str)] = &[
    ("verksamhetens_intakter", "Verksamhetens intäkter"),
    ("verksamhetens_kostnader", "Verksamhetens kostnader"),
    ("avskrivningar", "Avskrivningar"),
    (
        "verksamhetens_nettokostnader",
        "Verksamhetens nettokostnader",
    ),
    ("skatteintakter", "Skatteintäkter"),
    (
        "generella_statsbidrag_och_utjamning",
        "Generella statsbidrag och utjämning",
    ),
    ("verksamhetens_resultat", "Verksamhetens resultat"),
    ("finansiella_intakter", "Finansiella intäkter"),
    ("finansiella_kostnader", "Finansiella kostnader"),
    (
        "resultat_efter_finansiella_poster",
        "Resultat efter finansiella poster",
    ),
    ("extraordinara_poster", "Extraordinära poster"),
    ("extraordinara_intakter", "Extraordinära intäkter"),
    ("extraordinara_kostnader", "Extraordinära kostnader"),
    ("arets_resultat", "Årets resultat"),
    (
        "immateriella_anlaggningstillgangar",
        "Immateriella anläggningstillgångar",
    ),
    (
        "mark_byggnader_och_tekniska_anlaggningar",
        "Mark, byggnader och tekniska anläggningar",
    ),
    ("maskiner_och_inventarier", "Maskiner och inventarier"),
    (
        "ovriga_materiella_anlaggningstillgangar",
        "Övriga materiella anläggningstillgångar",
    ),
    (
        "summa_materiella_anlaggningstillgangar",
        "Summa materiella anläggningstillgångar",
    ),
    (
        "finansiella_anlaggningstillgangar",
        "Finansiella anläggningstillgångar",
    ),
    ("aktier_och_andelar", "Aktier och andelar"),
    ("langfristiga_fordringar", "Långfristiga fordringar"),
    ("summa_anlaggningstillgangar", "Summa anläggningstillgångar"),
    ("bidrag_till_infrastruktur", "Bidrag till infrastruktur"),
    ("forrad", "Förråd m.m."),
    ("fordringar", "Fordringar"),
    ("kortfristiga_placeringar", "Kortfristiga placeringar"),
    ("kassa_och_bank", "Kassa och bank"),
    ("summa_omsattningstillgangar", "Summa omsättningstillgångar"),
    ("summa_tillgangar", "Summa tillgångar"),
    ("ingaende_eget_kapital", "Eget kapital vid årets början"),
    (
        "resultatreserv",
        "Resultatutjämningsreserv / resultatreserv",
    ),
    ("ovrigt_eget_kapital", "Övrigt eget kapital"),
    ("summa_eget_kapital", "Summa eget kapital"),
    (
        "avsattningar_for_pensioner",
        "Avsättningar för pensioner och liknande förpliktelser",
    ),
    ("andra_avsattningar", "Andra avsättningar"),
    ("summa_avsattningar", "Summa avsättningar"),
    ("langfristiga_skulder", "Långfristiga skulder"),
    ("kortfristiga_skulder", "Kortfristiga skulder"),
    ("summa_skulder", "Summa skulder"),
    (
        "summa_eget_kapital_avsattningar_och_skulder",
        "Summa eget kapital, avsättningar och skulder",
    ),
    ("panter", "Panter och därmed jämförliga säkerheter"),
    (
        "pensionsforpliktelser_fore_1998",
        "Pensionsförpliktelser intjänade före 1998",
    ),
    ("sarskild_loneskatt", "därav särskild löneskatt"),
    ("borgensforbindelser", "Borgensförbindelser"),
    ("ovriga_ansvarsforbindelser", "Övriga ansvarsförbindelser"),
    ("soliditet", "Soliditet"),
];

/// Labels of the resultaträkning, normalized (see [`normalize`]), and their post.
pub(super) const INCOME_LABELS: &[(&str, &str)] = &[
    ("verksamhetens intäkter", "verksamhetens_intakter"),
    ("verksamhetens kostnader", "verksamhetens_kostnader"),
    ("avskrivningar", "avskrivningar"),
    ("av och nedskrivningar", "avskrivningar"),
    ("avskrivningar och nedskrivningar", "avskrivningar"),
    ("nedskrivningar och avskrivningar", "avskrivningar"),
    (
        "verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    ("verksamhetens nettokostnad", "verksamhetens_nettokostnader"),
    (
        "summa verksamhetens nettokostnader",
        "verksamhetens_nettokostnader",
    ),
    ("skatteintäkter", "skatteintakter"),
    (
        "generella statsbidrag och utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag och utjämningsbidrag",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "kommunalekonomisk utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "statsbidrag och utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    ("verksamhetens resultat", "verksamhetens_resultat"),
    ("finansiella intäkter", "finansiella_intakter"),
    ("finansiella kostnader", "finansiella_kostnader"),
    (
        "resultat efter finansiella poster",
        "resultat_efter_finansiella_poster",
    ),
    (
        "resultat före extraordinära poster",
        "resultat_efter_finansiella_poster",
    ),
    ("extraordinära poster", "extraordinara_poster"),
    ("extraordinära intäkter", "extraordinara_intakter"),
    ("extraordinära kostnader", "extraordinara_kostnader"),
    ("årets resultat", "arets_resultat"),
    ("periodens resultat", "arets_resultat"),
    // Older layouts (before LKBR) and other wordings.
    (
        "resultat efter skatter och finansnetto",
        "resultat_efter_finansiella_poster",
    ),
    (
        "resultat efter skatteintäkter och finansnetto",
        "resultat_efter_finansiella_poster",
    ),
    (
        "resultat efter skatteintäkter och finansiella poster",
        "resultat_efter_finansiella_poster",
    ),
    (
        "resultat före extraordinära poster och skatt",
        "resultat_efter_finansiella_poster",
    ),
    ("resultat före finansiella poster", "verksamhetens_resultat"),
    (
        "verksamhetens resultat före finansiella poster",
        "verksamhetens_resultat",
    ),
    (
        "bidrag från utjämningssystemen och generella statliga bidrag inklusive fastighetsavgift",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "bidrag från utjämningssystemen och generella statliga bidrag",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "utjämningssystemet och generella statliga bidrag",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag och kommunalekonomisk utjämning",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "kommunalekonomisk utjämning mm",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "kommunalekonomisk utjämning m m",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag netto",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag och utjämning m m",
        "generella_statsbidrag_och_utjamning",
    ),
    (
        "generella statsbidrag och utjämningsbidrag m m",
        "generella_statsbidrag_och_utjamning",
    ),
    ("skatteintäkter m m", "skatteintakter"),
    ("skatteintäkter mm", "skatteintakter"),
    (
        "avskrivningar och nedskrivningar av anläggningstillgångar",
        "avskrivningar",
    ),
    ("planenliga avskrivningar", "avskrivningar"),
    (
        "av och nedskrivningar av anläggningstillgångar",
        "avskrivningar",
    ),
    (
        "verksamhetens intäkter och kostnader netto",
        "verksamhetens_nettokostnader",
    ),
    ("periodens resultat", "arets_resultat"),
    ("årets resultat efter skatt", "arets_resultat"),
];

/// Labels of the balansräkning, normalized, and their post or sum. Sum labels without
/// "summa" ("ANLÄGGNINGSTILLGÅNGAR" with figures) are sums; without figures they are
/// headings.
pub(super) const BALANCE_LABELS: &[(&str, &str)] = &[
    (
        "immateriella anläggningstillgångar",
        "immateriella_anlaggningstillgangar",
    ),
    (
        "mark byggnader och tekniska anläggningar",
        "mark_byggnader_och_tekniska_anlaggningar",
    ),
    ("maskiner och inventarier", "maskiner_och_inventarier"),
    (
        "övriga materiella anläggningstillgångar",
        "ovriga_materiella_anlaggningstillgangar",
    ),
    (
        "materiella anläggningstillgångar",
        "summa_materiella_anlaggningstillgangar",
    ),
    (
        "summa materiella anläggningstillgångar",
        "summa_materiella_anlaggningstillgangar",
    ),
    (
        "finansiella anläggningstillgångar",
        "finansiella_anlaggningstillgangar",
    ),
    ("aktier och andelar", "aktier_och_andelar"),
    ("aktier andelar och bostadsrätter", "aktier_och_andelar"),
    ("långfristiga fordringar", "langfristiga_fordringar"),
    ("anläggningstillgångar", "summa_anlaggningstillgangar"),
    ("summa anläggningstillgångar", "summa_anlaggningstillgangar"),
    ("bidrag till infrastruktur", "bidrag_till_infrastruktur"),
    (
        "bidrag till statlig infrastruktur",
        "bidrag_till_infrastruktur",
    ),
    (
        "bidrag till statliga infrastruktur",
        "bidrag_till_infrastruktur",
    ),
    ("förråd m m", "forrad"),
    ("förråd mm", "forrad"),
    ("förråd", "forrad"),
    ("förråd och exploateringstillgångar", "forrad"),
    ("förråd och exploatering", "forrad"),
    ("förråd och exploateringsfastigheter", "forrad"),
    ("fordringar", "fordringar"),
    ("kortfristiga fordringar", "fordringar"),
    ("kortfristiga placeringar", "kortfristiga_placeringar"),
    ("kassa och bank", "kassa_och_bank"),
    ("kassa och bankmedel", "kassa_och_bank"),
    ("likvida medel", "kassa_och_bank"),
    ("kassa bank", "kassa_och_bank"),
    ("förråd och lager m m", "forrad"),
    ("förråd och lager", "forrad"),
    ("förråd lager och exploateringsfastigheter", "forrad"),
    ("förråd exploateringsfastigheter", "forrad"),
    ("förråd exploateringsfast", "forrad"),
    ("exploateringsfastigheter", "forrad"),
    ("förråd och varulager", "forrad"),
    ("förråd m m och exploateringsfastigheter", "forrad"),
    ("förråd m m exploateringsfastigheter", "forrad"),
    (
        "avsättningar för pensioner och förpliktelser",
        "avsattningar_for_pensioner",
    ),
    (
        "avsättningar för pension och liknande förpliktelser",
        "avsattningar_for_pensioner",
    ),
    ("avsättning för pensioner", "avsattningar_for_pensioner"),
    (
        "avsättningar för pensioner och liknande förpliktelser inkl löneskatt",
        "avsattningar_for_pensioner",
    ),
    (
        "summa eget kapital avsättningar och skulder",
        "summa_eget_kapital_avsattningar_och_skulder",
    ),
    (
        "eget kapital avsättningar och skulder totalt",
        "summa_eget_kapital_avsattningar_och_skulder",
    ),
    (
        "pensionsåtaganden före 1998",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser som inte har upptagits bland skulder eller avsättningar",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser som inte upptagits bland skulder eller avsättningar",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "ansvarsförbindelse pensioner",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser intjänade före 1998 inklusive löneskatt",
        "pensionsforpliktelser_fore_1998",
    ),
    ("borgensåtaganden", "borgensforbindelser"),
    (
        "borgens och övriga ansvarsförbindelser",
        "borgensforbindelser",
    ),
    ("omsättningstillgångar", "summa_omsattningstillgangar"),
    ("summa omsättningstillgångar", "summa_omsattningstillgangar"),
    ("tillgångar", "summa_tillgangar"),
    ("summa tillgångar", "summa_tillgangar"),
    ("tillgångar totalt", "summa_tillgangar"),
    ("balansomslutning", "summa_tillgangar"),
    ("eget kapital vid årets början", "ingaende_eget_kapital"),
    ("eget kapital vid periodens början", "ingaende_eget_kapital"),
    ("ingående eget kapital", "ingaende_eget_kapital"),
    ("årets resultat", "arets_resultat"),
    ("årets resultat inklusive justering", "arets_resultat"),
    ("årets resultat inkl justering", "arets_resultat"),
    ("periodens resultat", "arets_resultat"),
    ("resultatutjämningsreserv", "resultatreserv"),
    ("resultatutjämningreserv", "resultatreserv"),
    ("resultatreserv", "resultatreserv"),
    ("övrigt eget kapital", "ovrigt_eget_kapital"),
    ("eget kapital", "summa_eget_kapital"),
    ("summa eget kapital", "summa_eget_kapital"),
    ("eget kapital vid årets slut", "summa_eget_kapital"),
    ("eget kapital vid periodens slut", "summa_eget_kapital"),
    ("utgående eget kapital", "summa_eget_kapital"),
    (
        "avsättningar för pensioner och liknande förpliktelser",
        "avsattningar_for_pensioner",
    ),
    (
        "pensioner och liknande förpliktelser",
        "avsattningar_for_pensioner",
    ),
    ("avsättningar för pensioner", "avsattningar_for_pensioner"),
    ("andra avsättningar", "andra_avsattningar"),
    ("övriga avsättningar", "andra_avsattningar"),
    ("avsättningar", "summa_avsattningar"),
    ("summa avsättningar", "summa_avsattningar"),
    ("långfristiga skulder", "langfristiga_skulder"),
    ("kortfristiga skulder", "kortfristiga_skulder"),
    ("skulder", "summa_skulder"),
    ("summa skulder", "summa_skulder"),
    (
        "eget kapital avsättningar och skulder",
        "summa_eget_kapital_avsattningar_och_skulder",
    ),
    (
        "summa eget kapital avsättningar och skulder",
        "summa_eget_kapital_avsattningar_och_skulder",
    ),
    ("panter och därmed jämförliga säkerheter", "panter"),
    ("ställda panter", "panter"),
    (
        "pensionsförpliktelser intjänade före 1998",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser intjänade före 1998 inkl särskild löneskatt",
        "pensionsforpliktelser_fore_1998",
    ),
    (
        "pensionsförpliktelser intjänade före 1998 inklusive särskild löneskatt",
        "pensionsforpliktelser_fore_1998",
    ),
    ("särskild löneskatt", "sarskild_loneskatt"),
    ("borgensförbindelser", "borgensforbindelser"),
    ("borgensåtaganden", "borgensforbindelser"),
    ("övriga ansvarsförbindelser", "ovriga_ansvarsforbindelser"),
    ("soliditet", "soliditet"),
];

/// Headings that carry no figures in either statement.
pub(super) const HEADINGS: &[&str] = &[
    "eget kapital avsättningar och skulder",
    "panter och ansvarsförbindelser",
    "ansvarsförbindelser",
    "tillgångar",
];

pub(super) fn name_of(id: &str) -> &str {
    NAMES
        .iter()
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, name)| name)
}

/// A label in a comparable form: lowercase, leading dashes and bullets removed,
/// punctuation and hyphens as spaces, "(netto)" dropped, white space collapsed.
///
/// ```
/// use kommunal_redovisning::check::normalize;
/// assert_eq!(normalize("– resultatutjämningreserv"), "resultatutjämningreserv");
/// assert_eq!(normalize("Av- och nedskrivningar"), "av och nedskrivningar");
/// assert_eq!(normalize("EGET KAPITAL, vid årets början"), "eget kapital vid årets början");
/// assert_eq!(normalize("Extraordinära poster (netto)"), "extraordinära poster");
/// ```
#[must_use]
#[doc(alias = "rubrik")]
pub fn normalize(label: &str) -> String {
    let lower = label.to_lowercase().replace("(netto)", " ");
    let cleaned: String = lower
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '%' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    words.join(" ")
}

pub(super) fn lookup(kind: StatementKind, norm: &str) -> Option<&'static str> {
    let table = match kind {
        StatementKind::IncomeStatement => INCOME_LABELS,
        StatementKind::BalanceSheet => BALANCE_LABELS,
        _ => return None,
    };
    table.iter().find(|(l, _)| *l == norm).map(|(_, id)| *id)
}
