//! The pension paragraphs of LKBR that do not apply to the kommunala koncernföretag.
//!
//! LKBR 12 kap. 6 § (as worded by SFS 2018:1980): in preparing the sammanställda
//! resultaträkning and balansräkning, 5 kap. (resultaträkning) and 6 kap.
//! (balansräkning) apply, but 5 kap. 4 § and 6 kap. 4 § do not apply to the kommunala
//! koncernföretag; 4 kap. 6 § on specifications of balance-sheet posts applies
//! \[CONFIRMED, <https://open.karnovgroup.se/kommunalratt/SFS2018-1980>\].
//!
//! What 5 kap. 4 § and 6 kap. 4 § say is **\[UNCONFIRMED\]** here; that they are the
//! blandmodell rules (pension benefits earned before 1998 shown as an
//! ansvarsförbindelse, not as a cost and a provision) is an inference from the
//! structure of the law and from practice (kommuner report pension benefits earned
//! before 1998 inom linjen; companies account pensions in full). The consequence this crate draws from it: a company's
//! pensions stay as the company reports them (fully as avsättning or insured), and a
//! company that reports pensionsförpliktelser intjänade före 1998 as an
//! ansvarsförbindelse is a finding
//! ([`crate::group::GroupFinding::KommunPensionRuleInCompany`]).

use super::part::PartKind;

/// A paragraph of LKBR (kapitel, paragraf).
///
/// ```
/// use kommunal_redovisning::group::pension::{Provision, NOT_FOR_GROUP_COMPANIES};
///
/// assert_eq!(NOT_FOR_GROUP_COMPANIES[0].to_string(), "LKBR 5 kap. 4 §");
/// ```
#[doc(alias = "paragraf")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Provision {
    /// Kapitel.
    pub chapter: u8,
    /// Paragraf.
    pub paragraph: u8,
}

impl std::fmt::Display for Provision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LKBR {} kap. {} §", self.chapter, self.paragraph)
    }
}

/// The paragraphs that LKBR 12 kap. 6 § first paragraph excludes for the kommunala
/// koncernföretag: 5 kap. 4 § and 6 kap. 4 §.
pub const NOT_FOR_GROUP_COMPANIES: [Provision; 2] = [
    Provision {
        chapter: 5,
        paragraph: 4,
    },
    Provision {
        chapter: 6,
        paragraph: 4,
    },
];

/// The source of the exclusion.
pub const SOURCE: &str = "LKBR 12 kap. 6 § (SFS 2018:1980)";

/// `true` when `provision` applies to a part of `kind` in the sammanställda
/// räkenskaper: every paragraph of 5 and 6 kap. applies to a kommunalförbund (LKBR
/// 1 kap. 3 §), but 5 kap. 4 § and 6 kap. 4 § not to a company, stiftelse or
/// handelsbolag.
///
/// ```
/// use kommunal_redovisning::group::PartKind;
/// use kommunal_redovisning::group::pension::{applies_to, Provision};
///
/// let p = Provision { chapter: 6, paragraph: 4 };
/// assert!(!applies_to(p, PartKind::Aktiebolag));
/// assert!(applies_to(p, PartKind::Kommunalforbund));
/// assert!(applies_to(Provision { chapter: 6, paragraph: 1 }, PartKind::Aktiebolag));
/// ```
#[must_use]
pub fn applies_to(provision: Provision, kind: PartKind) -> bool {
    !(kind.is_company() && NOT_FOR_GROUP_COMPANIES.contains(&provision))
}
