//! A printed sick-leave table (tryckt sjukfrånvarotabell) and what can be checked in
//! it without the hours: the total between the group figures, and the working-time
//! shares the printed figures imply.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::Percent;

use super::{SickLeaveMeasure, SickLeavePartition};

/// Tryckt sjukfrånvarotabell: a sick-leave table as a report publishes it — percentages
/// per group and a total, in one or more columns (dates), rounded to `decimals`
/// decimals. The hours behind it are not known.
///
/// What can be checked without the hours:
/// - [`Self::check_total_between_groups`]: the total is a weighted mean of the group
///   figures (weights: the groups' shares of the working time), so it must lie between
///   the smallest and the largest group figure — up to rounding;
/// - [`Self::implied_shares`]: which shares of the working time the printed figures
///   allow each group.
///
/// Neither recomputes the total: with percentages alone that is impossible.
///
/// ```
/// use kommunal_redovisning::{Percent};
/// use kommunal_redovisning::sick_leave::{PartitionVerdict, PublishedSickLeaveRow, PublishedSickLeaveTable, SickLeaveMeasure};
/// use kommunal_redovisning::Decimal;
/// let p = |x: i64| Some(Percent::new(Decimal::new(x, 1)));
/// let table = PublishedSickLeaveTable {
///     title: "Sjukfrånvaro i procent (%) av arbetad tid per kön".into(),
///     columns: vec!["2025-06-30".into()],
///     decimals: 1,
///     rows: vec![
///         PublishedSickLeaveRow { label: "Kvinna".into(), measure: SickLeaveMeasure::Women, values: vec![p(68)] },
///         PublishedSickLeaveRow { label: "Man".into(), measure: SickLeaveMeasure::Men, values: vec![p(35)] },
///     ],
///     total: vec![p(50)],
/// };
/// let checks = table.check_total_between_groups()?;
/// assert_eq!(checks[0].verdict, PartitionVerdict::Consistent);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "sjukfrånvarotabell")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PublishedSickLeaveTable {
    /// The table's heading as printed.
    pub title: String,
    /// Column headings as printed (e.g. "2025-06-30", "2024-06-30").
    pub columns: Vec<String>,
    /// Decimals printed (Lystkom: 1).
    pub decimals: u32,
    /// The group rows, one value per column (`None`: not given).
    pub rows: Vec<PublishedSickLeaveRow>,
    /// The "Totalt" row, one value per column.
    pub total: Vec<Option<Percent>>,
}

/// One group row of a [`PublishedSickLeaveTable`].
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::sick_leave::{PublishedSickLeaveRow, SickLeaveMeasure, SickLeavePartition};
///
/// // Lystkom, delårsrapport 2025: "0-29" was 0,0 % at 2025-06-30 and 3,1 % a year earlier.
/// let row = PublishedSickLeaveRow {
///     label: "0-29".into(),
///     measure: SickLeaveMeasure::Age29OrYounger,
///     values: vec![Some(Percent::new(Decimal::new(0, 1))), Some(Percent::new(Decimal::new(31, 1)))],
/// };
/// assert_eq!(row.measure.partition(), Some(SickLeavePartition::Age));
/// assert_eq!(row.values.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "sjukfrånvarotabell")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PublishedSickLeaveRow {
    /// The label as printed (e.g. "0-29", "Kvinna").
    pub label: String,
    /// Which statutory group it is.
    pub measure: SickLeaveMeasure,
    /// One value per column; `None` when not given.
    pub values: Vec<Option<Percent>>,
}

/// Result of [`PublishedSickLeaveTable::check_total_between_groups`] for one column.
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::sick_leave::{PartitionVerdict, PublishedSickLeaveRow, PublishedSickLeaveTable, SickLeaveMeasure};
///
/// // Lystkom, delårsrapport 2025, per åldersgrupp 2025-06-30: 0,0 / 5,7 / 4,0, totalt 5,0.
/// let p = |x: i64| Some(Percent::new(Decimal::new(x, 1)));
/// let row = |label: &str, measure, v| PublishedSickLeaveRow { label: label.into(), measure, values: vec![v] };
/// let table = PublishedSickLeaveTable {
///     title: "Sjukfrånvaro i procent (%) per åldersgrupp".into(), columns: vec!["2025-06-30".into()], decimals: 1,
///     rows: vec![row("0-29", SickLeaveMeasure::Age29OrYounger, p(0)), row("30-49", SickLeaveMeasure::Age30To49, p(57)),
///         row("50-", SickLeaveMeasure::Age50OrOlder, p(40))],
///     total: vec![p(50)],
/// };
/// let c = &table.check_total_between_groups()?[0];
/// assert_eq!((c.min, c.max, c.verdict.clone()), (p(0), p(57), PartitionVerdict::Consistent));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "rimlighetskontroll")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PartitionCheck {
    /// The column heading.
    pub column: String,
    /// The printed total, if given.
    pub total: Option<Percent>,
    /// The smallest printed group figure.
    pub min: Option<Percent>,
    /// The largest printed group figure.
    pub max: Option<Percent>,
    /// The verdict.
    pub verdict: PartitionVerdict,
}

/// Whether a printed total can be a weighted mean of the printed group figures.
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::sick_leave::{PartitionVerdict, PublishedSickLeaveRow, PublishedSickLeaveTable, SickLeaveMeasure};
///
/// // Påhittad tabell: a total of 7,0 % above both groups (6,8 and 3,5) contradicts itself.
/// let p = |x: i64| Some(Percent::new(Decimal::new(x, 1)));
/// let table = PublishedSickLeaveTable {
///     title: "Sjukfrånvaro per kön".into(), columns: vec!["2025-06-30".into()], decimals: 1,
///     rows: vec![
///         PublishedSickLeaveRow { label: "Kvinna".into(), measure: SickLeaveMeasure::Women, values: vec![p(68)] },
///         PublishedSickLeaveRow { label: "Man".into(), measure: SickLeaveMeasure::Men, values: vec![p(35)] },
///     ],
///     total: vec![p(70)],
/// };
/// assert_eq!(table.check_total_between_groups()?[0].verdict, PartitionVerdict::Inconsistent);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "bedömning")]
pub enum PartitionVerdict {
    /// min ≤ total ≤ max as printed.
    Consistent,
    /// Outside min..max as printed, but by no more than the rounding allows (one unit in
    /// the last printed decimal: half from the total, half from the group figure).
    WithinRounding,
    /// Outside min..max by more than rounding: the table contradicts itself.
    Inconsistent,
    /// Not checkable: the reason in Swedish (a group or the total not given, a group
    /// missing), e.g. "grupper som saknas i tabellen: Män".
    NotCheckable(String),
}

/// The range of working-time shares (andel av arbetstiden) a group can have, given
/// printed percentages.
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::sick_leave::implied_working_time_shares;
///
/// // Lystkom 2024-06-30 per kön: kvinnor 4,6 %, män 2,8 %, totalt 3,6 % → women 0,8/1,8 of the time.
/// let p = |x: i64| Percent::new(Decimal::new(x, 1));
/// let shares = implied_working_time_shares(&[p(46), p(28)], p(36), Decimal::ZERO)?.ok_or("fits")?;
/// assert_eq!(shares[0].min, shares[0].max);
/// assert_eq!(shares[0].min.round(1, Default::default()), p(444));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "andel av arbetstiden")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ShareRange {
    /// Smallest possible share.
    pub min: Percent,
    /// Largest possible share.
    pub max: Percent,
}

/// Underförstådda andelar: for one column of a published table, the working-time share
/// each group can have — taking the printed figures as exact, and allowing for their
/// rounding. `None` where no shares fit.
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::sick_leave::{PublishedSickLeaveRow, PublishedSickLeaveTable, SickLeaveMeasure};
///
/// // Lystkom, delårsrapport 2025, per kön 2025-06-30: kvinnor 6,8, män 3,5, totalt 5,0.
/// let p = |x: i64| Some(Percent::new(Decimal::new(x, 1)));
/// let table = PublishedSickLeaveTable {
///     title: "Sjukfrånvaro i procent (%) av arbetad tid per kön".into(), columns: vec!["2025-06-30".into()], decimals: 1,
///     rows: vec![
///         PublishedSickLeaveRow { label: "Kvinna".into(), measure: SickLeaveMeasure::Women, values: vec![p(68)] },
///         PublishedSickLeaveRow { label: "Man".into(), measure: SickLeaveMeasure::Men, values: vec![p(35)] },
///     ],
///     total: vec![p(50)],
/// };
/// let s = table.implied_shares(0)?.ok_or("all figures given")?;
/// let (exact, wide) = (s.exact.ok_or("fits")?, s.allowing_rounding.ok_or("fits")?);
/// assert!(wide[0].min < exact[0].min && exact[0].max < wide[0].max);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[doc(alias = "andel av arbetstiden")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ImpliedShares {
    /// The column heading.
    pub column: String,
    /// Per row of the table (same order), with the printed figures taken as exact.
    pub exact: Option<Vec<ShareRange>>,
    /// Per row, allowing each printed figure to be anything that rounds to it.
    pub allowing_rounding: Option<Vec<ShareRange>>,
}

impl PublishedSickLeaveTable {
    /// Checks the shape: every row and the total have one value per column, all rows
    /// belong to one partition, and no group appears twice.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] naming the table and the row.
    pub fn validate(&self) -> Result<()> {
        let invalid =
            |what: String| Error::InvalidRule(format!("tabellen {:?}: {what}", self.title));
        let n = self.columns.len();
        if self.total.len() != n {
            return Err(invalid(format!(
                "totalraden har {} värden för {n} kolumner",
                self.total.len()
            )));
        }
        let partition = self.partition();
        for (i, row) in self.rows.iter().enumerate() {
            if row.values.len() != n {
                return Err(invalid(format!(
                    "raden {:?} har {} värden för {n} kolumner",
                    row.label,
                    row.values.len()
                )));
            }
            match row.measure.partition() {
                None => {
                    return Err(invalid(format!(
                        "raden {:?} är {}, inte en grupp",
                        row.label,
                        row.measure.label()
                    )));
                }
                p if p != partition => {
                    return Err(invalid(format!(
                        "raden {:?} ({}) hör till en annan indelning än de andra raderna",
                        row.label,
                        row.measure.label()
                    )));
                }
                _ => {}
            }
            if self.rows.iter().take(i).any(|r| r.measure == row.measure) {
                return Err(invalid(format!(
                    "gruppen {} förekommer två gånger (raden {:?})",
                    row.measure.label(),
                    row.label
                )));
            }
        }
        Ok(())
    }

    /// The partition of the rows (that of the first row).
    #[must_use]
    pub fn partition(&self) -> Option<SickLeavePartition> {
        self.rows.first().and_then(|r| r.measure.partition())
    }

    /// Half a unit in the last printed decimal: how far a printed figure can be from
    /// the value it rounds.
    #[must_use]
    pub fn rounding_half_unit(&self) -> Decimal {
        let mut unit = Decimal::new(5, 1);
        // 0,5 × 10^−decimals; beyond 27 decimals the unit no longer changes anything.
        unit.set_scale(self.decimals.min(27).saturating_add(1))
            .map_or(Decimal::ZERO, |()| unit)
    }

    fn column_values(&self, column: usize) -> (Option<Percent>, Vec<Option<Percent>>) {
        let total = self.total.get(column).copied().flatten();
        let groups = self
            .rows
            .iter()
            .map(|r| r.values.get(column).copied().flatten())
            .collect();
        (total, groups)
    }

    fn missing_groups(&self) -> Vec<&'static str> {
        self.partition().map_or_else(Vec::new, |p| {
            p.groups()
                .iter()
                .filter(|g| !self.rows.iter().any(|r| r.measure == **g))
                .map(|g| g.label())
                .collect()
        })
    }

    /// For each column: does the total lie between the smallest and the largest group
    /// figure? It must, since it is the groups' figures weighted by their shares of the
    /// working time.
    ///
    /// # Errors
    ///
    /// As [`Self::validate`]; [`Error::Overflow`] out of range.
    pub fn check_total_between_groups(&self) -> Result<Vec<PartitionCheck>> {
        self.validate()?;
        let tolerance =
            self.rounding_half_unit()
                .checked_mul(Decimal::TWO)
                .ok_or(Error::Overflow {
                    operation: "rounding tolerance",
                })?;
        let missing = self.missing_groups();
        let mut checks = Vec::with_capacity(self.columns.len());
        for (c, column) in self.columns.iter().enumerate() {
            let (total, groups) = self.column_values(c);
            let given: Vec<Percent> = groups.iter().flatten().copied().collect();
            let min = given.iter().min().copied();
            let max = given.iter().max().copied();
            let verdict = if self.rows.is_empty() {
                PartitionVerdict::NotCheckable("tabellen har inga grupprader".into())
            } else if !missing.is_empty() {
                PartitionVerdict::NotCheckable(format!(
                    "grupper som saknas i tabellen: {}",
                    missing.join(", ")
                ))
            } else if given.len() < groups.len() {
                PartitionVerdict::NotCheckable("en grupps värde anges inte".into())
            } else {
                match (total, min, max) {
                    (Some(t), Some(lo), Some(hi)) => {
                        let t = t.as_decimal();
                        let (lo, hi) = (lo.as_decimal(), hi.as_decimal());
                        if lo <= t && t <= hi {
                            PartitionVerdict::Consistent
                        } else {
                            let off = if t < lo {
                                lo.checked_sub(t)
                            } else {
                                t.checked_sub(hi)
                            };
                            if off.is_some_and(|off| off <= tolerance) {
                                PartitionVerdict::WithinRounding
                            } else {
                                PartitionVerdict::Inconsistent
                            }
                        }
                    }
                    _ => PartitionVerdict::NotCheckable("totalen anges inte".into()),
                }
            };
            checks.push(PartitionCheck {
                column: column.clone(),
                total,
                min,
                max,
                verdict,
            });
        }
        Ok(checks)
    }

    /// For column `column`: the share of the working time each group can have, given
    /// the printed figures. `None` when a figure or a group is missing, or the column
    /// does not exist.
    ///
    /// # Errors
    ///
    /// As [`Self::validate`]; [`Error::Overflow`] out of range.
    pub fn implied_shares(&self, column: usize) -> Result<Option<ImpliedShares>> {
        self.validate()?;
        let Some(heading) = self.columns.get(column) else {
            return Ok(None);
        };
        let (total, groups) = self.column_values(column);
        let Some(total) = total else {
            return Ok(None);
        };
        let Some(groups) = groups.into_iter().collect::<Option<Vec<_>>>() else {
            return Ok(None);
        };
        if !self.missing_groups().is_empty() || groups.is_empty() {
            return Ok(None);
        }
        let band = self
            .rounding_half_unit()
            .checked_mul(Decimal::TWO)
            .ok_or(Error::Overflow {
                operation: "rounding tolerance",
            })?;
        Ok(Some(ImpliedShares {
            column: heading.clone(),
            exact: implied_working_time_shares(&groups, total, Decimal::ZERO)?,
            allowing_rounding: implied_working_time_shares(&groups, total, band)?,
        }))
    }
}

/// Underförstådda arbetstidsandelar: the share of the working time each group can have
/// when the total rate is `total` and the groups' rates are `groups`.
///
/// The total is the mean of the group rates weighted by the groups' shares of the
/// working time: shares `w ≥ 0`, `Σ w = 1`, `Σ w·p = total`. With two groups that fixes
/// the shares; with three it leaves a range. `tolerance` widens the equation to
/// `|Σ w·p − total| ≤ tolerance` — for figures rounded to one decimal, 0,1 (0,05 from
/// the total plus 0,05 from the group figures). Returns, per group, the smallest and
/// largest share, or `None` when no shares fit (the total is outside the groups'
/// range).
///
/// The range is exact: the feasible shares form a polytope whose corners are a single
/// group at a rate within tolerance, or two groups mixed to hit `total ± tolerance`.
/// (With a tolerance for rounding, a printed 0,0 is allowed to stand for a value
/// slightly under zero, so that range is a little wider than strictly possible.)
///
/// ```
/// use kommunal_redovisning::{Percent, sick_leave::implied_working_time_shares};
/// use kommunal_redovisning::Decimal;
/// let p = |x: i64| Percent::new(Decimal::new(x, 1));
/// // Women 6,8 %, men 3,5 %, total 5,0 %: 6,8w + 3,5(1 − w) = 5,0 → w = 1,5/3,3.
/// let shares = implied_working_time_shares(&[p(68), p(35)], p(50), Decimal::ZERO)?.ok_or("fits")?;
/// assert_eq!(shares[0].min.round(1, Default::default()), p(455));
/// assert_eq!(shares[0].min, shares[0].max);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::Overflow`] when out of range.
#[doc(alias = "underförstådda arbetstidsandelar")]
pub fn implied_working_time_shares(
    groups: &[Percent],
    total: Percent,
    tolerance: Decimal,
) -> Result<Option<Vec<ShareRange>>> {
    let overflow = |operation: &'static str| Error::Overflow { operation };
    let t = total.as_decimal();
    let tolerance = tolerance.abs();
    let targets = if tolerance.is_zero() {
        vec![t]
    } else {
        vec![
            t.checked_sub(tolerance).ok_or(overflow("subtraction"))?,
            t.checked_add(tolerance).ok_or(overflow("addition"))?,
        ]
    };
    let (low, high) = (
        targets.first().copied().unwrap_or(t),
        targets.last().copied().unwrap_or(t),
    );
    let n = groups.len();
    // Corners of the feasible polytope, as (index, weight) pairs with at most two entries.
    let mut vertices: Vec<Vec<(usize, Decimal)>> = Vec::new();
    for (i, p) in groups.iter().enumerate() {
        let p = p.as_decimal();
        if low <= p && p <= high {
            vertices.push(vec![(i, Decimal::ONE)]);
        }
    }
    for (i, pi) in groups.iter().enumerate() {
        for (j, pj) in groups.iter().enumerate().skip(i + 1) {
            let (pi, pj) = (pi.as_decimal(), pj.as_decimal());
            if pi == pj {
                continue;
            }
            for &tau in &targets {
                let between = (pi.min(pj)..=pi.max(pj)).contains(&tau);
                if !between {
                    continue;
                }
                let wi = tau
                    .checked_sub(pj)
                    .and_then(|num| pi.checked_sub(pj).and_then(|den| num.checked_div(den)))
                    .ok_or(overflow("division"))?;
                let wj = Decimal::ONE
                    .checked_sub(wi)
                    .ok_or(overflow("subtraction"))?;
                vertices.push(vec![(i, wi), (j, wj)]);
            }
        }
    }
    if vertices.is_empty() {
        return Ok(None);
    }
    let mut ranges = Vec::with_capacity(n);
    for k in 0..n {
        let weights = vertices.iter().map(|v| {
            v.iter()
                .find(|(i, _)| *i == k)
                .map_or(Decimal::ZERO, |(_, w)| *w)
        });
        let mut min = Decimal::ONE;
        let mut max = Decimal::ZERO;
        for w in weights {
            min = min.min(w);
            max = max.max(w);
        }
        ranges.push(ShareRange {
            min: Percent::from_fraction(min)?,
            max: Percent::from_fraction(max)?,
        });
    }
    Ok(Some(ranges))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{arb_record, d, pct};
    use super::*;
    use crate::money::RoundingMode;
    use crate::sick_leave::SickLeaveHours;
    use proptest::prelude::*;

    fn lystkom_gender() -> PublishedSickLeaveTable {
        let p = |s: &str| Some(pct(s));
        PublishedSickLeaveTable {
            title: "Sjukfrånvaro i procent (%) av arbetad tid per kön".into(),
            columns: vec!["2025-06-30".into(), "2024-06-30".into()],
            decimals: 1,
            rows: vec![
                PublishedSickLeaveRow {
                    label: "Kvinna".into(),
                    measure: SickLeaveMeasure::Women,
                    values: vec![p("6.8"), p("4.6")],
                },
                PublishedSickLeaveRow {
                    label: "Man".into(),
                    measure: SickLeaveMeasure::Men,
                    values: vec![p("3.5"), p("2.8")],
                },
            ],
            total: vec![p("5.0"), p("3.6")],
        }
    }

    #[test]
    fn published_table_checks() {
        let t = lystkom_gender();
        assert_eq!(t.rounding_half_unit(), d("0.05"));
        let checks = t.check_total_between_groups().unwrap();
        assert!(
            checks
                .iter()
                .all(|c| c.verdict == PartitionVerdict::Consistent)
        );
        assert_eq!(checks[0].min, Some(pct("3.5")));
        assert_eq!(checks[0].max, Some(pct("6.8")));

        let mut off = t.clone();
        off.total[0] = Some(pct("6.9"));
        off.total[1] = Some(pct("7.0"));
        let checks = off.check_total_between_groups().unwrap();
        assert_eq!(checks[0].verdict, PartitionVerdict::WithinRounding);
        assert_eq!(checks[1].verdict, PartitionVerdict::Inconsistent);

        let mut missing = t.clone();
        missing.rows[1].values[0] = None;
        let checks = missing.check_total_between_groups().unwrap();
        assert!(matches!(
            checks[0].verdict,
            PartitionVerdict::NotCheckable(_)
        ));
        assert_eq!(checks[1].verdict, PartitionVerdict::Consistent);

        let mut only_women = t.clone();
        only_women.rows.truncate(1);
        let checks = only_women.check_total_between_groups().unwrap();
        assert_eq!(
            checks[0].verdict,
            PartitionVerdict::NotCheckable("grupper som saknas i tabellen: Män".into())
        );

        let mut bad = t.clone();
        bad.rows[0].values.pop();
        assert!(bad.validate().is_err());
        let mut mixed = t;
        mixed.rows[1].measure = SickLeaveMeasure::Age50OrOlder;
        assert_eq!(
            mixed.validate().unwrap_err().sv().to_string(),
            "ogiltig regel: tabellen \"Sjukfrånvaro i procent (%) av arbetad tid per kön\": \
             raden \"Man\" (50 år eller äldre) hör till en annan indelning än de andra raderna"
        );
    }

    #[test]
    fn implied_shares_two_groups() {
        let t = lystkom_gender();
        let s = t.implied_shares(0).unwrap().unwrap();
        let exact = s.exact.unwrap();
        // w = 1,5 / 3,3 = 45,45… %
        assert_eq!(exact[0].min, exact[0].max);
        assert_eq!(
            exact[0].min.round(2, RoundingMode::HalfAwayFromZero),
            pct("45.45")
        );
        assert_eq!(
            exact[1].min.round(2, RoundingMode::HalfAwayFromZero),
            pct("54.55")
        );
        let rounding = s.allowing_rounding.unwrap();
        // (4,9 − 3,5)/3,3 = 42,42… %, (5,1 − 3,5)/3,3 = 48,48… %
        assert_eq!(
            rounding[0].min.round(2, RoundingMode::HalfAwayFromZero),
            pct("42.42")
        );
        assert_eq!(
            rounding[0].max.round(2, RoundingMode::HalfAwayFromZero),
            pct("48.48")
        );
        assert_eq!(t.implied_shares(2).unwrap(), None);
    }

    #[test]
    fn implied_shares_three_groups() {
        // Lystkom age 2025: 0,0 / 5,7 / 4,0, total 5,0.
        let groups = [pct("0"), pct("5.7"), pct("4")];
        let r = implied_working_time_shares(&groups, pct("5"), Decimal::ZERO)
            .unwrap()
            .unwrap();
        let r2 = |p: Percent| p.round(1, RoundingMode::HalfAwayFromZero);
        // 0–29: 0 .. 0,7/5,7 = 12,3 %; 30–49: 1/1,7 = 58,8 % .. 5/5,7 = 87,7 %;
        // 50–: 0 .. 0,7/1,7 = 41,2 %.
        assert_eq!((r2(r[0].min), r2(r[0].max)), (pct("0"), pct("12.3")));
        assert_eq!((r2(r[1].min), r2(r[1].max)), (pct("58.8"), pct("87.7")));
        assert_eq!((r2(r[2].min), r2(r[2].max)), (pct("0"), pct("41.2")));
        // A total outside the groups' range has no shares.
        assert_eq!(
            implied_working_time_shares(&groups, pct("6"), Decimal::ZERO).unwrap(),
            None
        );
        // A total equal to one group allows that group alone.
        let r = implied_working_time_shares(&groups, pct("4"), Decimal::ZERO)
            .unwrap()
            .unwrap();
        assert_eq!(r[2].max, Percent::HUNDRED);
    }

    proptest! {
        /// The implied shares bracket the true shares of any staff.
        #[test]
        fn implied_shares_contain_the_truth(records in prop::collection::vec(arb_record(), 1..12)) {
            let all = SickLeaveHours::sum(records.iter()).unwrap();
            let sums: Vec<SickLeaveHours> = SickLeavePartition::Age
                .groups()
                .iter()
                .map(|g| SickLeaveHours::sum(records.iter().filter(|r| g.includes(r))).unwrap())
                .collect();
            prop_assume!(sums.iter().all(|s| !s.ordinary_hours.is_zero()));
            let rates: Vec<Percent> = sums.iter().map(|s| s.rate("g").unwrap()).collect();
            let total = all.rate("t").unwrap();
            let ranges = implied_working_time_shares(&rates, total, Decimal::new(1, 18)).unwrap().unwrap();
            for (s, r) in sums.iter().zip(&ranges) {
                let share = Percent::from_fraction(s.ordinary_hours / all.ordinary_hours).unwrap();
                let eps = Decimal::new(1, 10);
                prop_assert!(r.min.as_decimal() - eps <= share.as_decimal() && share.as_decimal() <= r.max.as_decimal() + eps,
                    "{share} not in {}..{}", r.min, r.max);
            }
        }
    }
}
