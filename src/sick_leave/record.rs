//! The hours behind the disclosure: one record per employee or group
//! (sjukfrånvarounderlag), the average number of employees, and summed hours with the
//! ratios on them.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::Percent;

use super::{AgeBand, Gender, MAX_EXEMPT_AVERAGE_EMPLOYEES};

/// Sjukfrånvarounderlag: the hours of one employee, or of a group of employees of the
/// same gender and age band.
///
/// - `ordinary_hours`: sammanlagd ordinarie arbetstid (scheduled ordinary working time)
///   in the period;
/// - `sick_hours`: the part of it lost to sick absence;
/// - `long_term_sick_hours`: of `sick_hours`, the hours in continuous absences of
///   60 days or more.
///
/// Use one record per employee (adding up several employments of the same person), or
/// one record per group with its headcount: the headcount is what the ten-employee rule
/// counts. Hours are exact decimals, never negative.
///
/// ```
/// use kommunal_redovisning::Decimal;
/// use kommunal_redovisning::sick_leave::{AgeBand, Gender, SickLeaveRecord};
///
/// // Påhittade timmar: one woman aged 30–49, 800 ordinary hours, 40 of them sick.
/// let r = SickLeaveRecord::employee(Gender::Woman, AgeBand::From30To49, Decimal::from(800), Decimal::from(40));
/// assert_eq!(r.employees, 1);
/// assert_eq!(r.long_term_sick_hours, Decimal::ZERO);
/// ```
#[doc(alias = "sjukfrånvarounderlag")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeaveRecord {
    /// Antal anställda the record covers (1 for one employee).
    pub employees: u32,
    /// Kön.
    pub gender: Gender,
    /// Åldersgrupp at the stated date.
    pub age_band: AgeBand,
    /// Ordinarie arbetstid, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub ordinary_hours: Decimal,
    /// Sjukfrånvaro, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub sick_hours: Decimal,
    /// Varav sammanhängande sjukfrånvaro 60 dagar eller mer, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub long_term_sick_hours: Decimal,
}

impl SickLeaveRecord {
    /// One employee, without long-term absence (add it with [`Self::with_long_term`]).
    ///
    /// ```
    /// use kommunal_redovisning::sick_leave::{AgeBand, Gender, SickLeaveHours, SickLeaveRecord};
    /// use kommunal_redovisning::Decimal;
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Made up: 1 600 ordinary hours, 80 of them sick → 5 %.
    /// let r = SickLeaveRecord::employee(Gender::Woman, AgeBand::UpTo29, Decimal::from(1_600), Decimal::from(80));
    /// assert_eq!(r.employees, 1);
    /// assert_eq!(SickLeaveHours::sum([&r])?.rate("arbetstid")?.to_string(), "5");
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn employee(
        gender: Gender,
        age_band: AgeBand,
        ordinary_hours: Decimal,
        sick_hours: Decimal,
    ) -> Self {
        Self::group(1, gender, age_band, ordinary_hours, sick_hours)
    }

    /// A group of `employees` employees of the same gender and age band.
    ///
    /// ```
    /// use kommunal_redovisning::sick_leave::{AgeBand, Gender, SickLeaveRecord};
    /// use kommunal_redovisning::Decimal;
    ///
    /// // Made up: eleven men 50 or older, 11 000 ordinary hours together, 220 sick.
    /// let r = SickLeaveRecord::group(11, Gender::Man, AgeBand::From50, Decimal::from(11_000), Decimal::from(220));
    /// assert_eq!((r.employees, r.long_term_sick_hours), (11, Decimal::ZERO));
    /// ```
    #[must_use]
    pub fn group(
        employees: u32,
        gender: Gender,
        age_band: AgeBand,
        ordinary_hours: Decimal,
        sick_hours: Decimal,
    ) -> Self {
        SickLeaveRecord {
            employees,
            gender,
            age_band,
            ordinary_hours,
            sick_hours,
            long_term_sick_hours: Decimal::ZERO,
        }
    }

    /// The same record with `hours` of its sick hours in continuous absences of
    /// 60 days or more.
    ///
    /// ```
    /// use kommunal_redovisning::Decimal;
    /// use kommunal_redovisning::sick_leave::{AgeBand, Gender, SickLeaveHours, SickLeaveRecord};
    ///
    /// // Påhittade timmar: 30 of 40 sick hours in a long absence → 75 %.
    /// let r = SickLeaveRecord::employee(Gender::Man, AgeBand::From50, Decimal::from(800), Decimal::from(40))
    ///     .with_long_term(Decimal::from(30));
    /// assert_eq!(SickLeaveHours::sum([&r])?.long_term_share()?.to_string(), "75");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn with_long_term(mut self, hours: Decimal) -> Self {
        self.long_term_sick_hours = hours;
        self
    }
}

/// Antal anställda i genomsnitt: the average number of employees in each of the last two
/// years, for the exemption of small employers.
///
/// ```
/// use kommunal_redovisning::sick_leave::AverageEmployees;
/// use kommunal_redovisning::Decimal;
/// let small = AverageEmployees::new(Decimal::from(9), Decimal::from(11));
/// assert!(small.is_exempt()?); // (9 + 11) / 2 = 10: at most ten
/// assert!(!AverageEmployees::new(Decimal::from(10), Decimal::from(11)).is_exempt()?);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "medelantal anställda")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AverageEmployees {
    /// Average number of employees in the year before.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub previous_year: Decimal,
    /// Average number of employees in the year reported on.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub year: Decimal,
}

impl AverageEmployees {
    /// The averages of the year before and of the year reported on.
    ///
    /// ```
    /// use kommunal_redovisning::Decimal;
    /// use kommunal_redovisning::sick_leave::AverageEmployees;
    ///
    /// // Påhittat: 12 and 15 employees on average → 13,5 over the two years.
    /// let a = AverageEmployees::new(Decimal::from(12), Decimal::from(15));
    /// assert_eq!(a.two_year_average()?, Decimal::new(135, 1));
    /// assert!(!a.is_exempt()?);
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub fn new(previous_year: Decimal, year: Decimal) -> Self {
        AverageEmployees {
            previous_year,
            year,
        }
    }

    /// The average over the two years: the mean of the two yearly averages.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the sum is out of range.
    pub fn two_year_average(&self) -> Result<Decimal> {
        self.previous_year
            .checked_add(self.year)
            .and_then(|s| s.checked_div(Decimal::TWO))
            .ok_or(Error::Overflow {
                operation: "average number of employees",
            })
    }

    /// Whether the employer is exempt: at most ten employees on average over the two
    /// years.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the sum is out of range.
    pub fn is_exempt(&self) -> Result<bool> {
        Ok(self.two_year_average()? <= MAX_EXEMPT_AVERAGE_EMPLOYEES)
    }
}

/// Summerade timmar: headcount and hours of a set of records, with the ratios on them.
///
/// ```
/// use kommunal_redovisning::sick_leave::{AgeBand, Gender, SickLeaveHours, SickLeaveRecord};
/// use kommunal_redovisning::Decimal;
/// let staff = [
///     SickLeaveRecord::employee(Gender::Woman, AgeBand::UpTo29, Decimal::from(800), Decimal::from(40)),
///     SickLeaveRecord::employee(Gender::Man, AgeBand::UpTo29, Decimal::from(200), Decimal::from(10)),
/// ];
/// let sum = SickLeaveHours::sum(staff.iter())?;
/// assert_eq!(sum.employees, 2);
/// assert_eq!(sum.rate("arbetstid")?.to_string(), "5");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "timmar")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeaveHours {
    /// Antal anställda.
    pub employees: u32,
    /// Ordinarie arbetstid, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub ordinary_hours: Decimal,
    /// Sjukfrånvaro, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub sick_hours: Decimal,
    /// Varav 60 dagar eller mer, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub long_term_sick_hours: Decimal,
}

impl SickLeaveHours {
    /// The sum of `records`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when a sum leaves the range.
    pub fn sum<'a, I>(records: I) -> Result<SickLeaveHours>
    where
        I: IntoIterator<Item = &'a SickLeaveRecord>,
    {
        let overflow = || Error::Overflow {
            operation: "sum of sick-leave hours",
        };
        let mut sum = SickLeaveHours::default();
        for r in records {
            sum.employees = sum
                .employees
                .checked_add(r.employees)
                .ok_or_else(overflow)?;
            sum.ordinary_hours = sum
                .ordinary_hours
                .checked_add(r.ordinary_hours)
                .ok_or_else(overflow)?;
            sum.sick_hours = sum
                .sick_hours
                .checked_add(r.sick_hours)
                .ok_or_else(overflow)?;
            sum.long_term_sick_hours = sum
                .long_term_sick_hours
                .checked_add(r.long_term_sick_hours)
                .ok_or_else(overflow)?;
        }
        Ok(sum)
    }

    /// Sjukfrånvaro as a percentage of the ordinary working time; `what` names the
    /// denominator for the error message.
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`] when there is no ordinary working time;
    /// [`Error::Overflow`] when out of range.
    pub fn rate(&self, what: &'static str) -> Result<Percent> {
        percent_of(self.sick_hours, self.ordinary_hours, what)
    }

    /// The long-term share: hours in absences of 60 days or more as a percentage of the
    /// sick hours; 0 % when there are no sick hours.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when out of range.
    pub fn long_term_share(&self) -> Result<Percent> {
        if self.sick_hours.is_zero() {
            return Ok(Percent::ZERO);
        }
        percent_of(
            self.long_term_sick_hours,
            self.sick_hours,
            "total sjukfrånvarotid",
        )
    }
}

pub(super) fn percent_of(part: Decimal, whole: Decimal, what: &'static str) -> Result<Percent> {
    if whole.is_zero() {
        return Err(Error::DivisionByZero { what });
    }
    part.checked_div(whole)
        .ok_or(Error::Overflow {
            operation: "division",
        })
        .and_then(Percent::from_fraction)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{data, disclosed, h, pct, staff};
    use super::*;
    use crate::sick_leave::SickLeaveFigure;

    #[test]
    fn long_term_share_is_of_sick_time_not_of_working_time() {
        let d = disclosed(&data(staff()));
        let share = d.long_term_share().reported().unwrap();
        // Of working time it would be 320 / 28 200 = 1,1 %; of sick time 26,2 %.
        assert!(share > pct("26") && share < pct("27"));
    }

    #[test]
    fn no_sick_time_gives_zero_long_term_share() {
        let records = vec![SickLeaveRecord::group(
            20,
            Gender::Woman,
            AgeBand::From50,
            h(100),
            h(0),
        )];
        let d = disclosed(&data(records));
        assert_eq!(
            d.long_term_share(),
            SickLeaveFigure::Reported(Percent::ZERO)
        );
    }
}
