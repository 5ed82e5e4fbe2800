//! Sammanvägning: named rules that turn the levels of målvärden into the level of a mål
//! or a målområde.

use rust_decimal::Decimal;

use super::scale::{AssessmentScale, LevelSet};
use crate::error::{Error, Result};
use crate::money::Percent;

/// Sammanvägningsregel: how the levels of several målvärden give one level.
///
/// Målvärden that are not assessed (ej mätbart, not reported, refused by a gap policy)
/// are left out; when none is assessed the result is "ej mätbart". "Met" means at the
/// best level of the scale.
///
/// ```
/// use kommunal_redovisning::goal::{AggregationRule, LevelSet};
///
/// let levels = LevelSet::three_level();
/// let children = [Some("inte"), Some("uppfyllt"), Some("uppfyllt"), None];
/// let weakest = AggregationRule::Weakest.apply(&children, &levels)?;
/// assert_eq!(weakest.level.as_deref(), Some("inte"));
/// assert_eq!((weakest.assessed, weakest.met, weakest.not_assessed), (3, 2, 1));
/// let share = AggregationRule::share_met_default().apply(&children, &levels)?;
/// assert_eq!(share.level.as_deref(), Some("delvis"));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "sammanvägning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum AggregationRule {
    /// Alla uppfyllda: the best level when every assessed målvärde is met, otherwise the
    /// worst level.
    AllMet,
    /// Andel uppfyllda: the share of assessed målvärden that are met (in percent),
    /// classified through a scale whose bands name levels of the same level set.
    ShareMet {
        /// The scale for the share.
        scale: AssessmentScale,
    },
    /// Svagaste: the worst level among the assessed målvärden.
    Weakest,
    /// Manuell bedömning: a level set by hand, with its motivation.
    Manual {
        /// The level id.
        level: String,
        /// Why.
        motivation: String,
    },
}

/// Resultat av en sammanvägning.
///
/// ```
/// use kommunal_redovisning::goal::{AggregationRule, LevelSet};
///
/// // Påhittat: three målvärden, two met, one not reported.
/// let a = AggregationRule::AllMet.apply(&[Some("uppfyllt"), Some("uppfyllt"), None], &LevelSet::three_level())?;
/// assert_eq!(a.level.as_deref(), Some("uppfyllt"));
/// assert_eq!((a.assessed, a.met, a.not_assessed), (2, 2, 1));
/// assert_eq!(a.share_met, None);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "sammanvägning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Aggregate {
    /// The level id, `None` when nothing was assessed ("ej mätbart").
    pub level: Option<String>,
    /// Målvärden with a level.
    pub assessed: usize,
    /// Of those, målvärden at the best level.
    pub met: usize,
    /// Målvärden without a level.
    pub not_assessed: usize,
    /// The share met, for [`AggregationRule::ShareMet`].
    pub share_met: Option<Percent>,
}

impl AggregationRule {
    /// The share rule with the levels of [`LevelSet::three_level`]: all met →
    /// uppfyllt, some met → delvis uppfyllt, none met → inte uppfyllt.
    ///
    /// ```
    /// use kommunal_redovisning::{AggregationRule, LevelSet};
    ///
    /// // Lystkom, delårsrapport jan–jun 2025, målområde 3: 3.1 not met, 3.4 met → "delvis".
    /// let rule = AggregationRule::share_met_default();
    /// let aggregate = rule.apply(&[Some("inte"), Some("uppfyllt")], &LevelSet::three_level())?;
    /// assert_eq!(aggregate.level.as_deref(), Some("delvis"));
    /// assert_eq!((aggregate.assessed, aggregate.met), (2, 1));
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn share_met_default() -> AggregationRule {
        use super::scale::{Band, GapPolicy, Interval};
        let bands = vec![
            Band::new(Interval::at_least(Decimal::ONE_HUNDRED), "uppfyllt"),
            Band::new(
                Interval::open(Decimal::ZERO, Decimal::ONE_HUNDRED),
                "delvis",
            ),
            Band::new(Interval::point(Decimal::ZERO), "inte"),
        ];
        match AssessmentScale::new(
            "alla → uppfyllt, några → delvis, inga → inte",
            LevelSet::three_level(),
            bands,
            GapPolicy::RejectScale,
        ) {
            Ok(scale) => AggregationRule::ShareMet { scale },
            // The bands above are complete; fall back to the weakest level regardless.
            Err(_) => AggregationRule::Weakest,
        }
    }

    /// The rule's name in Swedish, for output.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            AggregationRule::AllMet => "alla målvärden uppfyllda".to_owned(),
            AggregationRule::ShareMet { scale } => format!("andel uppfyllda ({})", scale.name()),
            AggregationRule::Weakest => "svagaste målvärdet".to_owned(),
            AggregationRule::Manual { motivation, .. } => {
                format!("manuell bedömning: {motivation}")
            }
        }
    }

    /// Applies the rule to the children's level ids (`None` = not assessed).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when a child or the manual level names a level that is
    /// not in `levels`, or the share scale refuses a share (a gap under
    /// [`super::GapPolicy::Refuse`]) or names a level outside `levels`.
    pub fn apply(&self, children: &[Option<&str>], levels: &LevelSet) -> Result<Aggregate> {
        let mut ranks = Vec::new();
        for id in children.iter().flatten() {
            ranks.push(levels.rank(id).ok_or_else(|| {
                Error::InvalidRule(format!(
                    "nivån {id:?} är inte en rangordnad nivå i skalan och kan därför inte vägas samman"
                ))
            })?);
        }
        let assessed = ranks.len();
        let met = ranks.iter().filter(|&&r| r == 0).count();
        let not_assessed = children.len() - assessed;
        let id_at = |rank: Option<usize>| {
            rank.and_then(|r| levels.levels().get(r))
                .map(|l| l.id.clone())
        };
        let mut share_met = None;
        let level = match self {
            AggregationRule::Manual { level, .. } => {
                levels.require(level)?;
                Some(level.clone())
            }
            _ if assessed == 0 => None,
            AggregationRule::AllMet => {
                if met == assessed {
                    id_at(Some(0))
                } else {
                    id_at(levels.levels().len().checked_sub(1))
                }
            }
            AggregationRule::Weakest => id_at(ranks.iter().copied().max()),
            AggregationRule::ShareMet { scale } => {
                let share = Decimal::from(met as u64)
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|x| x.checked_div(Decimal::from(assessed as u64)))
                    .ok_or(Error::Overflow {
                        operation: "share of målvärden met",
                    })?;
                let share = Percent::new(share);
                share_met = Some(share);
                let c = scale.classify(share)?;
                let id = c.level.unwrap_or_default();
                levels.rank(&id).ok_or_else(|| {
                    Error::InvalidRule(format!(
                        "andelsskalan {:?} ger nivån {id:?}, som inte är en rangordnad nivå i målskalan",
                        scale.name()
                    ))
                })?;
                Some(id)
            }
        };
        Ok(Aggregate {
            level,
            assessed,
            met,
            not_assessed,
            share_met,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const LYSTKOM_3: [Option<&str>; 6] = [
        Some("inte"),     // total sjukfrånvaro 5,0 % against < 4 %
        None,             // Kundtjänst < 7 %: not given
        None,             // IT < 2 %: not given
        Some("uppfyllt"), // utvecklingsplan
        Some("uppfyllt"), // utvecklingssamtal
        None,             // OSA survey in October
    ];

    #[test]
    fn all_met() {
        let l = LevelSet::three_level();
        let a = AggregationRule::AllMet.apply(&LYSTKOM_3, &l).unwrap();
        assert_eq!(a.level.as_deref(), Some("inte"));
        let a = AggregationRule::AllMet
            .apply(&[Some("uppfyllt"), None], &l)
            .unwrap();
        assert_eq!(a.level.as_deref(), Some("uppfyllt"));
        assert_eq!((a.assessed, a.met, a.not_assessed), (1, 1, 1));
    }

    #[test]
    fn share_met() {
        let l = LevelSet::three_level();
        let rule = AggregationRule::share_met_default();
        let a = rule.apply(&LYSTKOM_3, &l).unwrap();
        assert_eq!(a.level.as_deref(), Some("delvis"));
        assert_eq!(
            a.share_met.map(|p| p.as_decimal().round_dp(2)),
            Some("66.67".parse().unwrap())
        );
        let a = rule.apply(&[Some("delvis"), Some("inte")], &l).unwrap();
        assert_eq!(a.level.as_deref(), Some("inte"));
        assert_eq!(a.share_met, Some(Percent::ZERO));
        let a = rule.apply(&[Some("uppfyllt")], &l).unwrap();
        assert_eq!(a.level.as_deref(), Some("uppfyllt"));
    }

    #[test]
    fn weakest() {
        let l = LevelSet::three_level();
        let a = AggregationRule::Weakest
            .apply(&[Some("uppfyllt"), Some("delvis")], &l)
            .unwrap();
        assert_eq!(a.level.as_deref(), Some("delvis"));
        let a = AggregationRule::Weakest.apply(&[None, None], &l).unwrap();
        assert_eq!(a.level, None);
        assert_eq!(a.not_assessed, 2);
    }

    #[test]
    fn manual_keeps_its_level_and_checks_it() {
        let l = LevelSet::three_level();
        let rule = AggregationRule::Manual {
            level: "delvis".into(),
            motivation: "sjukfrånvaron över målvärdet, övriga uppfyllda".into(),
        };
        let a = rule.apply(&[], &l).unwrap();
        assert_eq!(a.level.as_deref(), Some("delvis"));
        assert!(rule.name().starts_with("manuell bedömning: sjukfrånvaron"));
        let bad = AggregationRule::Manual {
            level: "grön".into(),
            motivation: String::new(),
        };
        assert!(bad.apply(&[], &l).is_err());
    }

    #[test]
    fn unknown_child_level_is_an_error() {
        let l = LevelSet::three_level();
        let err = AggregationRule::Weakest
            .apply(&[Some("ej_matbart")], &l)
            .unwrap_err();
        assert!(err.to_string().contains("\"ej_matbart\""), "{err}");
    }
}
