//! Following the figures up: the comparison with the same period the year before, and
//! the degree of achievement of a "lower is better" target.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::Percent;

use super::record::percent_of;
use super::{SickLeaveDisclosure, SickLeaveMeasure};

/// Jämförelse med samma period föregående år.
///
/// ```
/// use kommunal_redovisning::{Period};
/// use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveComparison, SickLeaveData, SickLeaveMeasure, SickLeaveRecord};
/// use kommunal_redovisning::Decimal;
/// let h = Decimal::from;
/// let data = |year, sick| SickLeaveData {
///     period: Period::year_to_month_end(year, 6).unwrap(),
///     average_employees: AverageEmployees::new(h(40), h(40)),
///     records: vec![SickLeaveRecord::group(40, Gender::Woman, AgeBand::From30To49, h(40_000), h(sick))],
///     identifiable: vec![],
/// };
/// let now = data(2025, 2_000).disclose()?.disclosure().cloned().unwrap();
/// let before = data(2024, 1_440).disclose()?.disclosure().cloned().unwrap();
/// let cmp = SickLeaveComparison::new(now, before)?;
/// assert_eq!(cmp.change(SickLeaveMeasure::Total)?, Some(Decimal::new(14, 1))); // 5,0 − 3,6
/// assert_eq!(cmp.change(SickLeaveMeasure::Men)?, None); // withheld both years
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "jämförelse")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeaveComparison {
    /// The period reported on.
    pub current: SickLeaveDisclosure,
    /// The same period the year before.
    pub previous: SickLeaveDisclosure,
}

impl SickLeaveComparison {
    /// Pairs a disclosure with the one for the same period a year earlier.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] when `previous` is not for the same period one year
    /// earlier ([`Period::income_comparison`](crate::Period::income_comparison)).
    ///
    /// ```
    /// use kommunal_redovisning::{Decimal, Period};
    /// use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveComparison, SickLeaveData, SickLeaveRecord};
    ///
    /// // Påhittade timmar: a comparison needs the same period one year earlier.
    /// let data = |year, month| SickLeaveData {
    ///     period: Period::year_to_month_end(year, month)?,
    ///     average_employees: AverageEmployees::new(Decimal::from(20), Decimal::from(20)),
    ///     records: vec![SickLeaveRecord::group(20, Gender::Woman, AgeBand::From50, Decimal::from(20_000), Decimal::from(900))],
    ///     identifiable: vec![],
    /// }.disclose()?.disclosure().cloned().ok_or(kommunal_redovisning::Error::Refused { what: "test".into(), reason: "ej redovisad".into() });
    /// assert!(SickLeaveComparison::new(data(2025, 6)?, data(2024, 6)?).is_ok());
    /// assert!(SickLeaveComparison::new(data(2025, 6)?, data(2024, 12)?).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn new(current: SickLeaveDisclosure, previous: SickLeaveDisclosure) -> Result<Self> {
        let expected = current.period.income_comparison()?;
        if previous.period != expected {
            return Err(Error::InvalidPeriod {
                start: previous.period.start(),
                end: previous.period.end(),
                reason: format!(
                    "a sick-leave comparison needs the same period the year before, {expected}"
                ),
            });
        }
        Ok(SickLeaveComparison { current, previous })
    }

    /// Förändring in percentage points (procentenheter), current − previous; `None`
    /// when either figure is withheld.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when out of range.
    pub fn change(&self, measure: SickLeaveMeasure) -> Result<Option<Decimal>> {
        match (
            self.current.figure(measure).reported(),
            self.previous.figure(measure).reported(),
        ) {
            (Some(now), Some(before)) => now
                .as_decimal()
                .checked_sub(before.as_decimal())
                .map(Some)
                .ok_or(Error::Overflow {
                    operation: "subtraction",
                }),
            _ => Ok(None),
        }
    }
}

/// Degree of achievement of a "lower is better" target (such as "total sjukfrånvaro
/// < 4 %"): target / outcome, capped at 100 %; 100 % when the outcome is zero.
///
/// Lystkom: 4 / 5,0 = 80 %.
///
/// ```
/// use kommunal_redovisning::{Percent, sick_leave::achievement_lower_is_better};
/// use kommunal_redovisning::Decimal;
/// let a = achievement_lower_is_better(Percent::new(Decimal::from(4)), Percent::new(Decimal::from(5)))?;
/// assert_eq!(a, Percent::new(Decimal::from(80)));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Overflow`] when out of range.
pub fn achievement_lower_is_better(target: Percent, outcome: Percent) -> Result<Percent> {
    let (target, outcome) = (target.as_decimal(), outcome.as_decimal());
    if outcome <= target || outcome <= Decimal::ZERO {
        return Ok(Percent::HUNDRED);
    }
    percent_of(target.max(Decimal::ZERO), outcome, "utfall")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, data, disclosed, h, pct, staff};
    use super::*;
    use crate::money::RoundingMode;
    use crate::period::Period;

    #[test]
    fn comparison_with_the_year_before() {
        let now = disclosed(&data(staff()));
        let mut before_input = data(staff());
        before_input.period = Period::year_to_month_end(2024, 12).unwrap();
        before_input.records[5].sick_hours = h(210); // women 50–: 420 → 210
        let before = disclosed(&before_input);
        let cmp = SickLeaveComparison::new(now.clone(), before).unwrap();
        // 50–: 564/9000 − 354/9000 = 210/9000 = 2,333… procentenheter
        let change = cmp.change(SickLeaveMeasure::Age50OrOlder).unwrap().unwrap();
        assert_eq!(change.round_dp(4), d("2.3333"));
        assert_eq!(
            cmp.change(SickLeaveMeasure::Men).unwrap(),
            Some(Decimal::ZERO)
        );
        // Not the same period a year before.
        let err = SickLeaveComparison::new(now.clone(), now).unwrap_err();
        assert!(matches!(err, Error::InvalidPeriod { .. }));
    }

    #[test]
    fn achievement() {
        assert_eq!(
            achievement_lower_is_better(pct("4"), pct("5.0")).unwrap(),
            pct("80")
        );
        assert_eq!(
            achievement_lower_is_better(pct("4"), pct("3.6")).unwrap(),
            Percent::HUNDRED
        );
        assert_eq!(
            achievement_lower_is_better(pct("2"), pct("3"))
                .unwrap()
                .round(1, RoundingMode::HalfAwayFromZero),
            pct("66.7")
        );
    }
}
