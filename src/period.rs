//! Financial years and reporting periods (räkenskapsår, delårsperiod).
//!
//! - The räkenskapsår is the calendar year (LKBR 1 kap. 5 §): [`FinancialYear`].
//! - A delårsrapport covers a part of the year from 1 January of at least half and at
//!   most two thirds of the year (LKBR 13 kap. 1 §): [`Period::check_interim`].
//! - Its resultaträkning is compared with the same period the year before, its
//!   balansräkning with the previous year-end ([`Period::income_comparison`],
//!   [`Period::balance_comparison_date`]; RKR R17 as applied in practice, see
//!   RKR R17 Delårsrapport as restated by FAR — the exact R17 wording is unconfirmed).

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use crate::error::{Error, Result};

/// A räkenskapsår: always the calendar year (LKBR 1 kap. 5 §).
///
/// ```
/// use kommunal_redovisning::FinancialYear;
///
/// let y = FinancialYear::new(2025);
/// assert_eq!(y.start()?.to_string(), "2025-01-01");
/// assert_eq!(y.end()?.to_string(), "2025-12-31");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "räkenskapsår")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct FinancialYear(i32);

impl FinancialYear {
    /// The financial year `year`.
    ///
    /// ```
    /// use kommunal_redovisning::FinancialYear;
    /// let year = FinancialYear::new(2025);
    /// assert_eq!(year.year(), 2025);
    /// assert_eq!(year.end()?.to_string(), "2025-12-31");
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    #[must_use]
    pub const fn new(year: i32) -> Self {
        FinancialYear(year)
    }

    /// The calendar year number.
    #[must_use]
    pub const fn year(self) -> i32 {
        self.0
    }

    /// The financial year a date falls in.
    ///
    /// ```
    /// use kommunal_redovisning::{FinancialYear, NaiveDate};
    /// let day = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("no such date")?;
    /// assert_eq!(FinancialYear::of(day), FinancialYear::new(2025));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of(date: NaiveDate) -> Self {
        FinancialYear(date.year())
    }

    /// 1 January.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] for a year outside chrono's range.
    pub fn start(self) -> Result<NaiveDate> {
        date(self.0, 1, 1)
    }

    /// 31 December (bokslutsdag).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] for a year outside chrono's range.
    pub fn end(self) -> Result<NaiveDate> {
        date(self.0, 12, 31)
    }

    /// The whole year as a [`Period`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] for a year outside chrono's range.
    pub fn period(self) -> Result<Period> {
        Period::new(self.start()?, self.end()?)
    }

    /// The year before.
    ///
    /// ```
    /// use kommunal_redovisning::FinancialYear;
    /// assert_eq!(FinancialYear::new(2025).previous(), FinancialYear::new(2024));
    /// ```
    #[must_use]
    pub const fn previous(self) -> Self {
        FinancialYear(self.0.saturating_sub(1))
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A reporting period (redovisningsperiod): first and last day, both inclusive, within
/// one financial year.
///
/// ```
/// use kommunal_redovisning::Period;
///
/// let halvår = Period::year_to_month_end(2025, 6)?;
/// assert_eq!(halvår.to_string(), "2025-01-01 – 2025-06-30");
/// assert_eq!(halvår.whole_months(), Some(6));
/// halvår.check_interim()?; // LKBR 13 kap. 1 §: at least half, at most two thirds
/// assert_eq!(halvår.income_comparison()?.to_string(), "2024-01-01 – 2024-06-30");
/// assert_eq!(halvår.balance_comparison_date()?.to_string(), "2024-12-31");
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "period")]
#[doc(alias = "delårsperiod")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
}

impl Period {
    /// A period from `start` to `end`, both inclusive.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] when `end` is before `start` or the two fall in different
    /// financial years (LKBR 1 kap. 5 §: the räkenskapsår is the calendar year).
    ///
    /// ```
    /// use kommunal_redovisning::{NaiveDate, Period};
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).ok_or("no such date");
    /// let period = Period::new(d(1, 1)?, d(8, 31)?)?;
    /// assert_eq!(period.whole_months(), Some(8));
    /// assert!(Period::new(d(6, 30)?, d(1, 1)?).is_err()); // ends before it starts
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self> {
        let invalid = |reason: &str| Error::InvalidPeriod {
            start,
            end,
            reason: reason.to_owned(),
        };
        if end < start {
            return Err(invalid("perioden slutar innan den börjar"));
        }
        if start.year() != end.year() {
            return Err(invalid(
                "en redovisningsperiod ligger inom ett räkenskapsår, kalenderåret \
                 (LKBR 1 kap. 5 §)",
            ));
        }
        Ok(Period { start, end })
    }

    /// From 1 January to the last day of `month` of `year` (e.g. 2025, 6 → januari–juni).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] when `month` is not 1–12 or the year is out of range.
    ///
    /// ```
    /// use kommunal_redovisning::Period;
    /// let delår = Period::year_to_month_end(2025, 8)?;
    /// assert_eq!(delår.to_string(), "2025-01-01 – 2025-08-31");
    /// assert!(Period::year_to_month_end(2025, 13).is_err());
    /// # Ok::<(), kommunal_redovisning::Error>(())
    /// ```
    pub fn year_to_month_end(year: i32, month: u32) -> Result<Self> {
        let first = date(year, month, 1)?;
        let end = last_day_of_month(first)?;
        Period::new(date(year, 1, 1)?, end)
    }

    /// First day.
    #[must_use]
    pub const fn start(&self) -> NaiveDate {
        self.start
    }

    /// Last day (inclusive).
    #[must_use]
    pub const fn end(&self) -> NaiveDate {
        self.end
    }

    /// The financial year the period lies in.
    #[must_use]
    pub fn financial_year(&self) -> FinancialYear {
        FinancialYear::of(self.start)
    }

    /// `true` when the period is a whole financial year.
    #[must_use]
    pub fn is_full_year(&self) -> bool {
        self.start.month() == 1
            && self.start.day() == 1
            && self.end.month() == 12
            && self.end.day() == 31
    }

    /// Number of days, both ends included.
    #[must_use]
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// The number of calendar months when the period starts on the first of a month
    /// and ends on the last day of a month; `None` otherwise.
    #[must_use]
    pub fn whole_months(&self) -> Option<u32> {
        let ends_month_end = last_day_of_month(self.end).ok() == Some(self.end);
        (self.start.day() == 1 && ends_month_end).then(|| self.end.month() + 1 - self.start.month())
    }

    /// `true` when `day` lies in the period.
    #[must_use]
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Checks the rule for the mandatory delårsrapport (LKBR 13 kap. 1 §): the period
    /// starts on 1 January and covers at least half and at most two thirds of the year.
    ///
    /// Read here as: it ends no earlier than 30 June and no later than 31 August, so
    /// januari–juni, januari–juli and januari–augusti all qualify. (Counting days would
    /// make januari–juni, 181 of 365 days, fall short of half, which is not how the rule
    /// is applied.)
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] naming the rule that is broken.
    pub fn check_interim(&self) -> Result<()> {
        let invalid = |reason: &str| Error::InvalidPeriod {
            start: self.start,
            end: self.end,
            reason: reason.to_owned(),
        };
        let year = self.start.year();
        if self.start != date(year, 1, 1)? {
            return Err(invalid(
                "en delårsrapport omfattar året från den 1 januari (LKBR 13 kap. 1 §)",
            ));
        }
        if self.end < date(year, 6, 30)? {
            return Err(invalid(
                "en delårsrapport omfattar minst hälften av räkenskapsåret, dvs. slutar \
                 tidigast den 30 juni (LKBR 13 kap. 1 §)",
            ));
        }
        if self.end > date(year, 8, 31)? {
            return Err(invalid(
                "en delårsrapport omfattar högst två tredjedelar av räkenskapsåret, dvs. \
                 slutar senast den 31 augusti (LKBR 13 kap. 1 §)",
            ));
        }
        Ok(())
    }

    /// The same period one year earlier: what a resultaträkning in a delårsrapport is
    /// compared with. A period ending 29 February maps to 28 February.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] at the edge of chrono's range.
    pub fn income_comparison(&self) -> Result<Period> {
        let back = |d: NaiveDate| {
            let shifted = d
                .checked_sub_months(Months::new(12))
                .ok_or_else(|| Error::InvalidDate(format!("inget datum ett år före {d}")))?;
            // A period that ends on the last day of a month keeps doing so.
            if last_day_of_month(d).ok() == Some(d) {
                last_day_of_month(shifted)
            } else {
                Ok(shifted)
            }
        };
        Period::new(back(self.start)?, back(self.end)?)
    }

    /// The previous year-end (31 December of the year before): what a balansräkning in a
    /// delårsrapport is compared with.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] at the edge of chrono's range.
    pub fn balance_comparison_date(&self) -> Result<NaiveDate> {
        self.financial_year().previous().end()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.start, self.end)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            start: NaiveDate,
            end: NaiveDate,
        }
        let raw = Raw::deserialize(d)?;
        Period::new(raw.start, raw.end).map_err(|e| serde::de::Error::custom(e.sv()))
    }
}

pub(crate) fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| Error::InvalidDate(format!("{year:04}-{month:02}-{day:02} finns inte")))
}

pub(crate) fn last_day_of_month(d: NaiveDate) -> Result<NaiveDate> {
    let first = date(d.year(), d.month(), 1)?;
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .ok_or_else(|| Error::InvalidDate(format!("inget månadsslut efter {d}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn interim_rule_bounds() {
        assert!(
            Period::year_to_month_end(2025, 5)
                .unwrap()
                .check_interim()
                .is_err()
        );
        for m in 6..=8 {
            Period::year_to_month_end(2025, m)
                .unwrap()
                .check_interim()
                .unwrap();
        }
        assert!(
            Period::year_to_month_end(2025, 9)
                .unwrap()
                .check_interim()
                .is_err()
        );
        let late_start = Period::new(ymd(2025, 2, 1), ymd(2025, 7, 31)).unwrap();
        let err = late_start.check_interim().unwrap_err().to_string();
        assert!(err.contains("från den 1 januari"), "{err}");
        assert!(
            Period::new(ymd(2025, 1, 1), ymd(2025, 6, 29))
                .unwrap()
                .check_interim()
                .is_err()
        );
    }

    #[test]
    fn period_validation() {
        assert!(Period::new(ymd(2025, 7, 1), ymd(2025, 6, 30)).is_err());
        assert!(Period::new(ymd(2024, 12, 1), ymd(2025, 1, 31)).is_err());
        assert!(Period::year_to_month_end(2025, 13).is_err());
        assert!(FinancialYear::new(2024).period().unwrap().is_full_year());
    }

    #[test]
    fn comparisons_handle_leap_years() {
        let feb = Period::new(ymd(2024, 1, 1), ymd(2024, 2, 29)).unwrap();
        assert_eq!(feb.income_comparison().unwrap().end(), ymd(2023, 2, 28));
        let feb23 = Period::new(ymd(2025, 1, 1), ymd(2025, 2, 28)).unwrap();
        assert_eq!(feb23.income_comparison().unwrap().end(), ymd(2024, 2, 29));
        let mid = Period::new(ymd(2025, 1, 1), ymd(2025, 6, 15)).unwrap();
        assert_eq!(mid.income_comparison().unwrap().end(), ymd(2024, 6, 15));
        assert_eq!(mid.whole_months(), None);
        assert_eq!(mid.days(), 166);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_validates() {
        let p = Period::year_to_month_end(2025, 6).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"start":"2025-01-01","end":"2025-06-30"}"#);
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
        assert!(
            serde_json::from_str::<Period>(r#"{"start":"2025-07-01","end":"2025-06-30"}"#).is_err()
        );
    }
}
