//! Sjukfrånvaro: the statutory sick-leave disclosure in the förvaltningsberättelse.
//!
//! Source: the rule was inserted in the predecessor law as KRL (1997:614) 4 kap. 1 a §
//! (SFS 2002:1065) and carried over to LKBR (2018:597) 11 kap. (the paragraph number
//! there is unconfirmed, SKR, "Fakta om den obligatoriska sjukfrånvaroredovisningen"). Under "väsentliga
//! personalförhållanden" the förvaltningsberättelse reports the employees' absence due
//! to illness as seven ratios (SKR: "sju nyckeltal"):
//!
//! | # | Ratio ([`SickLeaveMeasure`]) | Denominator | Kolada (kommun) |
//! |---|---|---|---|
//! | 1 | Total sjukfrånvaro | sammanlagd ordinarie arbetstid | N00090 |
//! | 2 | Andel långtidssjukfrånvaro (sammanhängande 60 dagar eller mer) | **total sjukfrånvarotid** | N00091 |
//! | 3 | Kvinnor | kvinnornas ordinarie arbetstid | — |
//! | 4 | Män | männens ordinarie arbetstid | — |
//! | 5 | 29 år eller yngre | gruppens ordinarie arbetstid | N00092 |
//! | 6 | 30–49 år | gruppens ordinarie arbetstid | N00093 |
//! | 7 | 50 år eller äldre | gruppens ordinarie arbetstid | N00094 |
//!
//! (Regions: N60027–N60031. Women and men are a gender dimension in Kolada, not separate
//! ids — unconfirmed.)
//!
//! Privacy (integritetsskydd): a group figure (3–7) is **not given** when the group has
//! at most ten employees or when the figure can be attributed to an individual; the
//! output then says [`SickLeaveFigure::Withheld`] with a [`WithheldReason`], never a
//! number. Whether a figure can be attributed to an individual is a judgement the
//! employer makes: flag it in [`SickLeaveData::identifiable`]. Note that withholding one
//! group of a two-group partition does not by itself protect it if the other group and
//! the working-time weights are known (secondary disclosure); flag such cases too.
//!
//! The whole disclosure does not apply to an employer whose average number of employees
//! over the last two years was at most ten ([`AverageEmployees`],
//! [`SickLeaveReport::NotApplicable`]).
//!
//! Measurement (SKR): sick-absence hours / ordinary working hours, counting only
//! employees with scheduled ordinary working time. Everything is exact
//! [`Decimal`] hours and exact [`Percent`]s; round to one decimal only for
//! presentation ([`crate::NumberFormat`]).
//!
//! Published reports give percentages, not hours: [`PublishedSickLeaveTable`] holds such
//! a table as given figures and checks what can be checked without the hours — that the
//! total lies between the smallest and the largest group figure, and which shares of the
//! working time the figures imply ([`implied_working_time_shares`]).
//!
//! # Example
//!
//! ```
//! use kommunal_redovisning::{Period};
//! use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveData, SickLeaveFigure, SickLeaveMeasure, SickLeaveRecord, WithheldReason};
//! use kommunal_redovisning::Decimal;
//!
//! let h = |n: i64| Decimal::from(n);
//! let mut records = Vec::new();
//! // Twelve women 30–49 with 1 000 ordinary hours each, 50 of them sick each.
//! records.push(SickLeaveRecord::group(12, Gender::Woman, AgeBand::From30To49, h(12_000), h(600)));
//! // Eleven men 50 or older, 1 000 hours each, 20 sick each, one long absence of 120 hours.
//! records.push(
//!     SickLeaveRecord::group(11, Gender::Man, AgeBand::From50, h(11_000), h(220))
//!         .with_long_term(h(120)),
//! );
//! let data = SickLeaveData {
//!     period: Period::year_to_month_end(2025, 12)?,
//!     average_employees: AverageEmployees::new(h(23), h(22)),
//!     records,
//!     identifiable: vec![],
//! };
//! let report = data.disclose()?;
//! let d = report.disclosure().ok_or("the rule applies to 22,5 employees on average")?;
//! // 820 / 23 000 = 3,565… %
//! assert_eq!(d.total().reported().map(|p| p.round(1, Default::default()).to_string()), Some("3.6".into()));
//! // 120 / 820 of the sick time is long-term.
//! assert_eq!(d.long_term_share().reported().map(|p| p.round(1, Default::default()).to_string()), Some("14.6".into()));
//! assert_eq!(d.figure(SickLeaveMeasure::Women).reported().map(|p| p.to_string()), Some("5".into()));
//! // Nobody is 29 or younger: a group of 0 employees is withheld, not 0 %.
//! assert!(matches!(
//!     d.figure(SickLeaveMeasure::Age29OrYounger),
//!     SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees { employees: 0, .. })
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::Percent;
use crate::period::Period;

/// The law's group size limit: a group of at most this many employees gets no figure
/// (KRL 4 kap. 1 a §, SFS 2002:1065).
pub const MAX_WITHHELD_GROUP_SIZE: u32 = 10;

/// The law's employer size limit: an employer with on average at most this many
/// employees over the last two years is exempt from the whole disclosure.
pub const MAX_EXEMPT_AVERAGE_EMPLOYEES: Decimal = Decimal::TEN;

/// Kön (gender), as the law's "kvinnor och män" divides the staff.
///
/// The statutory partition has two groups; every record belongs to one of them so that
/// the two figures together cover the total.
///
/// ```
/// use kommunal_redovisning::sick_leave::{Gender, SickLeaveMeasure};
///
/// assert_eq!(Gender::ALL, [Gender::Woman, Gender::Man]);
/// assert_eq!(Gender::Woman.measure(), SickLeaveMeasure::Women);
/// assert_eq!(Gender::Man.measure().label(), "Män");
/// ```
#[doc(alias = "kön")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Gender {
    /// Kvinna.
    Woman,
    /// Man.
    Man,
}

impl Gender {
    /// Both, in the order reports print them (kvinnor, män).
    pub const ALL: [Gender; 2] = [Gender::Woman, Gender::Man];

    /// The measure (ratio) of this group.
    #[must_use]
    pub fn measure(self) -> SickLeaveMeasure {
        match self {
            Gender::Woman => SickLeaveMeasure::Women,
            Gender::Man => SickLeaveMeasure::Men,
        }
    }
}

/// Åldersgrupp: the law's three age bands, "29 år eller yngre", "30–49 år" and
/// "50 år eller äldre" (KRL 4 kap. 1 a § 3).
///
/// The age is in whole years at a date the reporter states (commonly the last day of the
/// period); [`AgeBand::at`] computes it from a birth date.
///
/// ```
/// use kommunal_redovisning::AgeBand;
/// use kommunal_redovisning::NaiveDate;
///
/// assert_eq!(AgeBand::of_age(29), AgeBand::UpTo29);
/// assert_eq!(AgeBand::of_age(30), AgeBand::From30To49);
/// assert_eq!(AgeBand::of_age(50).label(), "50 år eller äldre");
/// let born = NaiveDate::from_ymd_opt(1975, 7, 1).unwrap();
/// let on = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
/// assert_eq!(AgeBand::at(born, on)?, AgeBand::From30To49); // 49 the day before turning 50
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "åldersgrupp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AgeBand {
    /// 29 år eller yngre.
    UpTo29,
    /// 30–49 år.
    From30To49,
    /// 50 år eller äldre.
    From50,
}

impl AgeBand {
    /// All three, youngest first.
    pub const ALL: [AgeBand; 3] = [AgeBand::UpTo29, AgeBand::From30To49, AgeBand::From50];

    /// The band of an age in whole years.
    #[must_use]
    pub fn of_age(years: u32) -> AgeBand {
        match years {
            0..=29 => AgeBand::UpTo29,
            30..=49 => AgeBand::From30To49,
            _ => AgeBand::From50,
        }
    }

    /// The band of someone born on `birth_date`, by their age on `on`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] when `birth_date` is after `on`.
    pub fn at(birth_date: NaiveDate, on: NaiveDate) -> Result<AgeBand> {
        age_in_years(birth_date, on).map(AgeBand::of_age)
    }

    /// The law's wording: "29 år eller yngre", "30–49 år", "50 år eller äldre".
    #[must_use]
    pub fn label(self) -> &'static str {
        self.measure().label()
    }

    /// The measure (ratio) of this group.
    #[must_use]
    pub fn measure(self) -> SickLeaveMeasure {
        match self {
            AgeBand::UpTo29 => SickLeaveMeasure::Age29OrYounger,
            AgeBand::From30To49 => SickLeaveMeasure::Age30To49,
            AgeBand::From50 => SickLeaveMeasure::Age50OrOlder,
        }
    }
}

/// Ålder i hela år: the age in whole years on `on` of someone born on `birth_date`.
///
/// Someone born on 29 February has their birthday on 1 March in other years.
///
/// # Errors
///
/// [`Error::InvalidDate`] when `birth_date` is after `on`.
#[doc(alias = "ålder")]
pub fn age_in_years(birth_date: NaiveDate, on: NaiveDate) -> Result<u32> {
    if birth_date > on {
        return Err(Error::InvalidDate(format!(
            "birth date {birth_date} is after the reference date {on}"
        )));
    }
    let mut years = on.year() - birth_date.year();
    if (on.month(), on.day()) < (birth_date.month(), birth_date.day()) {
        years -= 1;
    }
    u32::try_from(years)
        .map_err(|_| Error::InvalidDate(format!("no age between {birth_date} and {on}")))
}

/// Sjukfrånvaronyckeltal: one of the seven statutory ratios.
///
/// ```
/// use kommunal_redovisning::sick_leave::{SickLeaveMeasure, SickLeavePartition};
///
/// assert_eq!(SickLeaveMeasure::Total.kolada_id(), Some("N00090"));
/// assert_eq!(SickLeaveMeasure::LongTermShare.denominator(), "total sjukfrånvarotid");
/// assert_eq!(SickLeaveMeasure::Age30To49.partition(), Some(SickLeavePartition::Age));
/// assert!(!SickLeaveMeasure::Total.is_group());
/// ```
#[doc(alias = "sjukfrånvaronyckeltal")]
#[doc(alias = "nyckeltal")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SickLeaveMeasure {
    /// Total sjukfrånvaro, % of the sammanlagda ordinarie arbetstiden.
    Total,
    /// The share of the total sick time that falls in continuous absences of 60 days
    /// or more (långtidssjukfrånvaro), % of the **sick time**, not of working time.
    LongTermShare,
    /// Kvinnor, % of the women's ordinary working time.
    Women,
    /// Män, % of the men's ordinary working time.
    Men,
    /// 29 år eller yngre, % of the group's ordinary working time.
    Age29OrYounger,
    /// 30–49 år, % of the group's ordinary working time.
    Age30To49,
    /// 50 år eller äldre, % of the group's ordinary working time.
    Age50OrOlder,
}

impl SickLeaveMeasure {
    /// The seven, in the order of the law (total, ≥ 60 dagar, kvinnor, män, the ages).
    pub const ALL: [SickLeaveMeasure; 7] = [
        SickLeaveMeasure::Total,
        SickLeaveMeasure::LongTermShare,
        SickLeaveMeasure::Women,
        SickLeaveMeasure::Men,
        SickLeaveMeasure::Age29OrYounger,
        SickLeaveMeasure::Age30To49,
        SickLeaveMeasure::Age50OrOlder,
    ];

    /// The Swedish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            SickLeaveMeasure::Total => "Total sjukfrånvaro",
            SickLeaveMeasure::LongTermShare => {
                "Andel av sjukfrånvaron som avser sammanhängande frånvaro 60 dagar eller mer"
            }
            SickLeaveMeasure::Women => "Kvinnor",
            SickLeaveMeasure::Men => "Män",
            SickLeaveMeasure::Age29OrYounger => "29 år eller yngre",
            SickLeaveMeasure::Age30To49 => "30–49 år",
            SickLeaveMeasure::Age50OrOlder => "50 år eller äldre",
        }
    }

    /// What the ratio is a percentage of.
    #[must_use]
    pub fn denominator(self) -> &'static str {
        match self {
            SickLeaveMeasure::Total => "sammanlagd ordinarie arbetstid",
            SickLeaveMeasure::LongTermShare => "total sjukfrånvarotid",
            _ => "gruppens sammanlagda ordinarie arbetstid",
        }
    }

    /// The Kolada id of the kommun ratio, where there is one (women and men have none).
    #[must_use]
    pub fn kolada_id(self) -> Option<&'static str> {
        match self {
            SickLeaveMeasure::Total => Some("N00090"),
            SickLeaveMeasure::LongTermShare => Some("N00091"),
            SickLeaveMeasure::Age29OrYounger => Some("N00092"),
            SickLeaveMeasure::Age30To49 => Some("N00093"),
            SickLeaveMeasure::Age50OrOlder => Some("N00094"),
            SickLeaveMeasure::Women | SickLeaveMeasure::Men => None,
        }
    }

    /// Whether this is a group figure (3–7), subject to the ten-employee rule.
    #[must_use]
    pub fn is_group(self) -> bool {
        self.partition().is_some()
    }

    /// The partition this group belongs to (`None` for the total and the long-term share).
    #[must_use]
    pub fn partition(self) -> Option<SickLeavePartition> {
        match self {
            SickLeaveMeasure::Total | SickLeaveMeasure::LongTermShare => None,
            SickLeaveMeasure::Women | SickLeaveMeasure::Men => Some(SickLeavePartition::Gender),
            SickLeaveMeasure::Age29OrYounger
            | SickLeaveMeasure::Age30To49
            | SickLeaveMeasure::Age50OrOlder => Some(SickLeavePartition::Age),
        }
    }

    fn includes(self, record: &SickLeaveRecord) -> bool {
        match self {
            SickLeaveMeasure::Total | SickLeaveMeasure::LongTermShare => true,
            SickLeaveMeasure::Women => record.gender == Gender::Woman,
            SickLeaveMeasure::Men => record.gender == Gender::Man,
            SickLeaveMeasure::Age29OrYounger => record.age_band == AgeBand::UpTo29,
            SickLeaveMeasure::Age30To49 => record.age_band == AgeBand::From30To49,
            SickLeaveMeasure::Age50OrOlder => record.age_band == AgeBand::From50,
        }
    }
}

/// Indelning: a division of the staff into groups whose working time adds up to the
/// total — by gender (kön) or by age (åldersgrupp).
///
/// ```
/// use kommunal_redovisning::sick_leave::{SickLeaveMeasure, SickLeavePartition};
///
/// assert_eq!(SickLeavePartition::Gender.groups(), &[SickLeaveMeasure::Women, SickLeaveMeasure::Men]);
/// assert_eq!(SickLeavePartition::Age.groups().len(), 3);
/// assert_eq!(SickLeavePartition::Age.label(), "Åldersgrupp");
/// ```
#[doc(alias = "indelning")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SickLeavePartition {
    /// Kvinnor, män.
    Gender,
    /// 29 år eller yngre, 30–49 år, 50 år eller äldre.
    Age,
}

impl SickLeavePartition {
    /// The groups of the partition.
    #[must_use]
    pub fn groups(self) -> &'static [SickLeaveMeasure] {
        match self {
            SickLeavePartition::Gender => &[SickLeaveMeasure::Women, SickLeaveMeasure::Men],
            SickLeavePartition::Age => &[
                SickLeaveMeasure::Age29OrYounger,
                SickLeaveMeasure::Age30To49,
                SickLeaveMeasure::Age50OrOlder,
            ],
        }
    }

    /// The Swedish heading: "Kön" or "Åldersgrupp".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            SickLeavePartition::Gender => "Kön",
            SickLeavePartition::Age => "Åldersgrupp",
        }
    }
}

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

/// Regler för sjukfrånvaroredovisningen: the privacy rule as data.
///
/// The default is the law's: a group of at most ten employees gets no figure. An
/// employer may be stricter (withhold larger groups), never laxer: [`Self::validate`]
/// refuses a limit under ten.
///
/// ```
/// use kommunal_redovisning::sick_leave::SickLeaveRules;
///
/// assert_eq!(SickLeaveRules::default().max_withheld_group_size, 10);
/// assert!(SickLeaveRules { max_withheld_group_size: 20 }.validate().is_ok()); // stricter: allowed
/// assert!(SickLeaveRules { max_withheld_group_size: 5 }.validate().is_err()); // laxer than the law
/// ```
#[doc(alias = "sekretessregel")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeaveRules {
    /// A group with at most this many employees is withheld (default 10).
    pub max_withheld_group_size: u32,
}

impl Default for SickLeaveRules {
    fn default() -> Self {
        SickLeaveRules {
            max_withheld_group_size: MAX_WITHHELD_GROUP_SIZE,
        }
    }
}

impl SickLeaveRules {
    /// Checks that the rules are at least as strict as the law.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRule`] when `max_withheld_group_size` is under ten.
    pub fn validate(&self) -> Result<()> {
        if self.max_withheld_group_size < MAX_WITHHELD_GROUP_SIZE {
            return Err(Error::InvalidRule(format!(
                "sick-leave group limit {} is laxer than the law: a group of at most {} \
                 employees must not get a figure",
                self.max_withheld_group_size, MAX_WITHHELD_GROUP_SIZE
            )));
        }
        Ok(())
    }
}

/// Underlag för sjukfrånvaroredovisningen: everything the disclosure is computed from.
///
/// ```
/// use kommunal_redovisning::{Decimal, Period};
/// use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveData, SickLeaveRecord, SickLeaveReport};
///
/// // Påhittat: eight employees on average is a small employer, exempt from the disclosure.
/// let data = SickLeaveData {
///     period: Period::year_to_month_end(2025, 6)?,
///     average_employees: AverageEmployees::new(Decimal::from(8), Decimal::from(8)),
///     records: vec![SickLeaveRecord::group(8, Gender::Woman, AgeBand::From50, Decimal::from(8_000), Decimal::from(400))],
///     identifiable: vec![],
/// };
/// assert!(matches!(data.disclose()?, SickLeaveReport::NotApplicable { .. }));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[doc(alias = "sjukfrånvaroredovisning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeaveData {
    /// The period the hours are for.
    pub period: Period,
    /// Average number of employees in the last two years (for the exemption).
    pub average_employees: AverageEmployees,
    /// One record per employee or per group.
    pub records: Vec<SickLeaveRecord>,
    /// Figures the employer judges could be attributed to an individual: withheld
    /// whatever the group's size.
    #[cfg_attr(feature = "serde", serde(default))]
    pub identifiable: Vec<SickLeaveMeasure>,
}

impl SickLeaveData {
    /// The disclosure under the law's rules ([`SickLeaveRules::default`]).
    ///
    /// # Errors
    ///
    /// As [`Self::disclose_with`].
    pub fn disclose(&self) -> Result<SickLeaveReport> {
        self.disclose_with(&SickLeaveRules::default())
    }

    /// The disclosure under `rules`.
    ///
    /// Figures with a zero denominator: a group with more employees than the limit but
    /// no ordinary working time is an error; a long-term share of no sick time at all is
    /// 0 %.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidRule`] when `rules` are laxer than the law;
    /// - [`Error::InvalidSickLeaveRecord`] for negative hours, or long-term hours that
    ///   exceed the sick hours, naming the record;
    /// - [`Error::DivisionByZero`] when the records have no ordinary working time, or a
    ///   group large enough to report has none;
    /// - [`Error::Overflow`] when sums leave the decimal range.
    pub fn disclose_with(&self, rules: &SickLeaveRules) -> Result<SickLeaveReport> {
        rules.validate()?;
        let mut findings = Vec::new();
        for (index, r) in self.records.iter().enumerate() {
            let invalid = |reason: String| Error::InvalidSickLeaveRecord { index, reason };
            for (what, value) in [
                ("ordinary hours", r.ordinary_hours),
                ("sick hours", r.sick_hours),
                ("long-term sick hours", r.long_term_sick_hours),
            ] {
                if value.is_sign_negative() && !value.is_zero() {
                    return Err(invalid(format!("{what} {value} are negative")));
                }
            }
            if r.long_term_sick_hours > r.sick_hours {
                return Err(invalid(format!(
                    "long-term sick hours {} exceed the sick hours {} (difference {})",
                    r.long_term_sick_hours,
                    r.sick_hours,
                    // Both are non-negative here: the difference cannot overflow.
                    r.long_term_sick_hours
                        .checked_sub(r.sick_hours)
                        .unwrap_or_default()
                )));
            }
            if r.sick_hours > r.ordinary_hours {
                findings.push(SickLeaveFinding::SickHoursExceedOrdinary {
                    index,
                    sick_hours: r.sick_hours,
                    ordinary_hours: r.ordinary_hours,
                });
            }
            if r.employees == 0 && !(r.ordinary_hours.is_zero() && r.sick_hours.is_zero()) {
                findings.push(SickLeaveFinding::HoursWithoutEmployees { index });
            }
        }

        let average = self.average_employees.two_year_average()?;
        if average <= MAX_EXEMPT_AVERAGE_EMPLOYEES {
            return Ok(SickLeaveReport::NotApplicable {
                two_year_average_employees: average,
            });
        }

        let total_hours = SickLeaveHours::sum(self.records.iter())?;
        let identifiable = |m: SickLeaveMeasure| self.identifiable.contains(&m);
        let total = if identifiable(SickLeaveMeasure::Total) {
            SickLeaveFigure::Withheld(WithheldReason::Identifiable)
        } else {
            SickLeaveFigure::Reported(total_hours.rate("sammanlagd ordinarie arbetstid")?)
        };
        let long_term_share = if identifiable(SickLeaveMeasure::LongTermShare) {
            SickLeaveFigure::Withheld(WithheldReason::Identifiable)
        } else {
            SickLeaveFigure::Reported(total_hours.long_term_share()?)
        };
        let group = |measure: SickLeaveMeasure| -> Result<SickLeaveFigure> {
            let hours = SickLeaveHours::sum(self.records.iter().filter(|r| measure.includes(r)))?;
            Ok(if hours.employees <= rules.max_withheld_group_size {
                SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees {
                    employees: hours.employees,
                    limit: rules.max_withheld_group_size,
                })
            } else if identifiable(measure) {
                SickLeaveFigure::Withheld(WithheldReason::Identifiable)
            } else {
                SickLeaveFigure::Reported(hours.rate("gruppens sammanlagda ordinarie arbetstid")?)
            })
        };
        Ok(SickLeaveReport::Disclosed(Box::new(SickLeaveDisclosure {
            period: self.period,
            employees: total_hours.employees,
            ordinary_hours: total_hours.ordinary_hours,
            sick_hours: total_hours.sick_hours,
            long_term_sick_hours: total_hours.long_term_sick_hours,
            total,
            long_term_share,
            women: group(SickLeaveMeasure::Women)?,
            men: group(SickLeaveMeasure::Men)?,
            age_29_or_younger: group(SickLeaveMeasure::Age29OrYounger)?,
            age_30_to_49: group(SickLeaveMeasure::Age30To49)?,
            age_50_or_older: group(SickLeaveMeasure::Age50OrOlder)?,
            findings,
        })))
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

fn percent_of(part: Decimal, whole: Decimal, what: &'static str) -> Result<Percent> {
    if whole.is_zero() {
        return Err(Error::DivisionByZero { what });
    }
    part.checked_div(whole)
        .ok_or(Error::Overflow {
            operation: "division",
        })
        .and_then(Percent::from_fraction)
}

/// Ett sjukfrånvarotal: a figure given, or withheld with the reason — never both.
///
/// ```
/// use kommunal_redovisning::{Decimal, Percent};
/// use kommunal_redovisning::sick_leave::{SickLeaveFigure, WithheldReason};
///
/// // Lystkom 2025-06-30: total sjukfrånvaro 5,0 %.
/// assert_eq!(SickLeaveFigure::Reported(Percent::new(Decimal::new(50, 1))).reported(), Some(Percent::new(Decimal::new(5, 0))));
/// assert_eq!(SickLeaveFigure::Withheld(WithheldReason::Identifiable).reported(), None);
/// ```
#[doc(alias = "uppgift")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SickLeaveFigure {
    /// The exact percentage.
    Reported(Percent),
    /// Not given (uppgift lämnas inte), and why.
    Withheld(WithheldReason),
}

impl SickLeaveFigure {
    /// The percentage if reported.
    #[must_use]
    pub fn reported(self) -> Option<Percent> {
        match self {
            SickLeaveFigure::Reported(p) => Some(p),
            SickLeaveFigure::Withheld(_) => None,
        }
    }
}

/// Skäl att inte lämna uppgift: why a figure is withheld.
///
/// ```
/// use kommunal_redovisning::sick_leave::WithheldReason;
///
/// let r = WithheldReason::TooFewEmployees { employees: 4, limit: 10 };
/// assert_eq!(r.label(), "uppgift lämnas inte: gruppen har högst 10 anställda");
/// assert!(WithheldReason::Identifiable.label().contains("enskild individ"));
/// ```
#[doc(alias = "skäl")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum WithheldReason {
    /// The group has at most `limit` employees (the law: ten).
    TooFewEmployees {
        /// The group's headcount.
        employees: u32,
        /// The limit applied.
        limit: u32,
    },
    /// The employer has judged that the figure could be attributed to an individual.
    Identifiable,
}

impl WithheldReason {
    /// A Swedish explanation, e.g. "uppgift lämnas inte: gruppen har högst 10 anställda".
    #[must_use]
    pub fn label(self) -> String {
        match self {
            WithheldReason::TooFewEmployees { limit, .. } => {
                format!("uppgift lämnas inte: gruppen har högst {limit} anställda")
            }
            WithheldReason::Identifiable => {
                "uppgift lämnas inte: kan hänföras till en enskild individ".to_owned()
            }
        }
    }
}

/// Something in the input that did not stop the computation but deserves a look.
///
/// ```
/// use kommunal_redovisning::{Decimal, Period};
/// use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveData, SickLeaveFinding, SickLeaveRecord};
///
/// // Påhittade timmar: record 0 has more sick hours than ordinary hours.
/// let data = SickLeaveData {
///     period: Period::year_to_month_end(2025, 6)?,
///     average_employees: AverageEmployees::new(Decimal::from(20), Decimal::from(20)),
///     records: vec![SickLeaveRecord::group(20, Gender::Man, AgeBand::From30To49, Decimal::from(100), Decimal::from(120))],
///     identifiable: vec![],
/// };
/// let report = data.disclose()?;
/// let findings = report.disclosure().map(|d| d.findings.clone()).unwrap_or_default();
/// assert!(matches!(findings[..], [SickLeaveFinding::SickHoursExceedOrdinary { index: 0, .. }]));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
#[doc(alias = "sjukfrånvaro")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum SickLeaveFinding {
    /// More sick hours than ordinary working hours: sick absence is absence from
    /// scheduled ordinary time, so this is probably an input error.
    SickHoursExceedOrdinary {
        /// The record's index (0-based).
        index: usize,
        /// Its sick hours.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        sick_hours: Decimal,
        /// Its ordinary hours.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        ordinary_hours: Decimal,
    },
    /// A record of zero employees that has hours: they count in the rates but in no
    /// headcount.
    HoursWithoutEmployees {
        /// The record's index (0-based).
        index: usize,
    },
}

/// The finding in Swedish, naming the record.
///
/// ```
/// use kommunal_redovisning::sick_leave::SickLeaveFinding;
/// let f = SickLeaveFinding::HoursWithoutEmployees { index: 3 };
/// assert_eq!(f.to_string(), "post 3: timmar utan anställda (räknas i kvoterna men inte i antalet)");
/// ```
impl std::fmt::Display for SickLeaveFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sv = crate::NumberFormat::swedish().with_decimals(1);
        match self {
            SickLeaveFinding::SickHoursExceedOrdinary {
                index,
                sick_hours,
                ordinary_hours,
            } => write!(
                f,
                "post {index}: {} sjuktimmar men bara {} timmar ordinarie arbetstid (troligen fel i underlaget)",
                sv.decimal(*sick_hours),
                sv.decimal(*ordinary_hours)
            ),
            SickLeaveFinding::HoursWithoutEmployees { index } => write!(
                f,
                "post {index}: timmar utan anställda (räknas i kvoterna men inte i antalet)"
            ),
        }
    }
}

/// The outcome: the disclosure, or the statement that the rule does not apply.
///
/// ```
/// use kommunal_redovisning::{Decimal, Period};
/// use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveData, SickLeaveRecord};
///
/// // Påhittade timmar: 20 employees, 1 000 sick of 20 000 ordinary hours → 5 %.
/// let data = SickLeaveData {
///     period: Period::year_to_month_end(2025, 6)?,
///     average_employees: AverageEmployees::new(Decimal::from(20), Decimal::from(20)),
///     records: vec![SickLeaveRecord::group(20, Gender::Woman, AgeBand::From30To49, Decimal::from(20_000), Decimal::from(1_000))],
///     identifiable: vec![],
/// };
/// let report = data.disclose()?;
/// assert_eq!(report.disclosure().and_then(|d| d.total().reported()).map(|p| p.to_string()), Some("5".into()));
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[doc(alias = "sjukfrånvaroredovisning")]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum SickLeaveReport {
    /// At most ten employees on average over the last two years: no disclosure.
    NotApplicable {
        /// The two-year average.
        #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
        two_year_average_employees: Decimal,
    },
    /// The seven ratios.
    Disclosed(Box<SickLeaveDisclosure>),
}

impl SickLeaveReport {
    /// The disclosure, if the rule applies.
    #[must_use]
    pub fn disclosure(&self) -> Option<&SickLeaveDisclosure> {
        match self {
            SickLeaveReport::Disclosed(d) => Some(d),
            SickLeaveReport::NotApplicable { .. } => None,
        }
    }
}

/// Sjukfrånvaroredovisning: the seven statutory ratios for one period, each given or
/// withheld, with the totals behind them.
///
/// Group headcounts and hours are not kept: a withheld group's hours would reveal what
/// withholding hides.
///
/// ```
/// use kommunal_redovisning::{Decimal, Period};
/// use kommunal_redovisning::sick_leave::{AgeBand, AverageEmployees, Gender, SickLeaveData, SickLeaveFigure, SickLeaveMeasure, SickLeaveRecord};
///
/// // Påhittade timmar: 20 women, no men — the men's figure is withheld, not 0 %.
/// let data = SickLeaveData {
///     period: Period::year_to_month_end(2025, 6)?,
///     average_employees: AverageEmployees::new(Decimal::from(20), Decimal::from(20)),
///     records: vec![SickLeaveRecord::group(20, Gender::Woman, AgeBand::From30To49, Decimal::from(20_000), Decimal::from(1_000))],
///     identifiable: vec![],
/// };
/// let report = data.disclose()?;
/// let d = report.disclosure().ok_or("disclosed")?;
/// assert_eq!((d.employees, d.sick_hours), (20, Decimal::from(1_000)));
/// assert!(matches!(d.figure(SickLeaveMeasure::Men), SickLeaveFigure::Withheld(_)));
/// assert_eq!(d.figures().len(), 7);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[doc(alias = "sjukfrånvaro")]
#[doc(alias = "sjukfrånvaroredovisning")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SickLeaveDisclosure {
    /// The period.
    pub period: Period,
    /// Antal anställda in the records.
    pub employees: u32,
    /// Sammanlagd ordinarie arbetstid, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub ordinary_hours: Decimal,
    /// Total sjukfrånvaro, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub sick_hours: Decimal,
    /// Varav 60 dagar eller mer, hours.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal"))]
    pub long_term_sick_hours: Decimal,
    total: SickLeaveFigure,
    long_term_share: SickLeaveFigure,
    women: SickLeaveFigure,
    men: SickLeaveFigure,
    age_29_or_younger: SickLeaveFigure,
    age_30_to_49: SickLeaveFigure,
    age_50_or_older: SickLeaveFigure,
    /// Findings about the input.
    pub findings: Vec<SickLeaveFinding>,
}

impl SickLeaveDisclosure {
    /// One of the seven figures.
    #[must_use]
    pub fn figure(&self, measure: SickLeaveMeasure) -> SickLeaveFigure {
        match measure {
            SickLeaveMeasure::Total => self.total,
            SickLeaveMeasure::LongTermShare => self.long_term_share,
            SickLeaveMeasure::Women => self.women,
            SickLeaveMeasure::Men => self.men,
            SickLeaveMeasure::Age29OrYounger => self.age_29_or_younger,
            SickLeaveMeasure::Age30To49 => self.age_30_to_49,
            SickLeaveMeasure::Age50OrOlder => self.age_50_or_older,
        }
    }

    /// Total sjukfrånvaro, % of the sammanlagda ordinarie arbetstiden.
    #[must_use]
    pub fn total(&self) -> SickLeaveFigure {
        self.total
    }

    /// Andel långtidssjukfrånvaro, % of the total sick time.
    #[must_use]
    pub fn long_term_share(&self) -> SickLeaveFigure {
        self.long_term_share
    }

    /// The seven figures in the law's order.
    #[must_use]
    pub fn figures(&self) -> [(SickLeaveMeasure, SickLeaveFigure); 7] {
        SickLeaveMeasure::ALL.map(|m| (m, self.figure(m)))
    }
}

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
    /// earlier ([`Period::income_comparison`]).
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
    /// Not checkable: the reason (a group or the total not given, a group missing).
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
        let invalid = |what: String| Error::InvalidRule(format!("table {:?}: {what}", self.title));
        let n = self.columns.len();
        if self.total.len() != n {
            return Err(invalid(format!(
                "the total row has {} values for {n} columns",
                self.total.len()
            )));
        }
        let partition = self.partition();
        for (i, row) in self.rows.iter().enumerate() {
            if row.values.len() != n {
                return Err(invalid(format!(
                    "row {:?} has {} values for {n} columns",
                    row.label,
                    row.values.len()
                )));
            }
            match row.measure.partition() {
                None => {
                    return Err(invalid(format!(
                        "row {:?} is {}, not a group",
                        row.label,
                        row.measure.label()
                    )));
                }
                p if p != partition => {
                    return Err(invalid(format!(
                        "row {:?} ({}) mixes partitions",
                        row.label,
                        row.measure.label()
                    )));
                }
                _ => {}
            }
            if self.rows.iter().take(i).any(|r| r.measure == row.measure) {
                return Err(invalid(format!(
                    "group {} appears twice (row {:?})",
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
                PartitionVerdict::NotCheckable("the table has no group rows".into())
            } else if !missing.is_empty() {
                PartitionVerdict::NotCheckable(format!(
                    "groups not in the table: {}",
                    missing.join(", ")
                ))
            } else if given.len() < groups.len() {
                PartitionVerdict::NotCheckable("a group figure is not given".into())
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
                    _ => PartitionVerdict::NotCheckable("the total is not given".into()),
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
/// let shares = implied_working_time_shares(&[p(68), p(35)], p(50), Decimal::ZERO)?.unwrap();
/// assert_eq!(shares[0].min.round(1, Default::default()), p(455));
/// assert_eq!(shares[0].min, shares[0].max);
/// # Ok::<(), kommunal_redovisning::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Overflow`] when out of range.
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
    use super::*;
    use crate::money::RoundingMode;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn h(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn pct(s: &str) -> Percent {
        Percent::new(d(s))
    }

    fn period() -> Period {
        Period::year_to_month_end(2025, 12).unwrap()
    }

    fn data(records: Vec<SickLeaveRecord>) -> SickLeaveData {
        SickLeaveData {
            period: period(),
            average_employees: AverageEmployees::new(h(40), h(40)),
            records,
            identifiable: vec![],
        }
    }

    fn disclosed(data: &SickLeaveData) -> SickLeaveDisclosure {
        match data.disclose().unwrap() {
            SickLeaveReport::Disclosed(d) => *d,
            other @ SickLeaveReport::NotApplicable { .. } => {
                panic!("expected a disclosure, got {other:?}")
            }
        }
    }

    /// A made-up staff of 36, hand-computed:
    ///
    /// | group | n | ordinary | sick | ≥ 60 d |
    /// |---|---|---|---|---|
    /// | women ≤ 29 | 6 | 4 800 | 96 | 0 |
    /// | men ≤ 29 | 6 | 4 800 | 48 | 0 |
    /// | women 30–49 | 8 | 6 400 | 448 | 320 |
    /// | men 30–49 | 4 | 3 200 | 64 | 0 |
    /// | women 50– | 6 | 4 200 | 420 | 0 |
    /// | men 50– | 6 | 4 800 | 144 | 0 |
    ///
    /// total 28 200 h, sick 1 220 h → 4,326… %; ≥ 60 d 320 / 1 220 = 26,229… %;
    /// women 964 / 15 400 = 6,2597… %; men 256 / 12 800 = 2 %;
    /// ≤ 29 144 / 9 600 = 1,5 %; 30–49 (12 employees) 512 / 9 600 = 5,333… %;
    /// 50– 564 / 9 000 = 6,2666… %.
    fn staff() -> Vec<SickLeaveRecord> {
        use AgeBand::*;
        use Gender::*;
        vec![
            SickLeaveRecord::group(6, Woman, UpTo29, h(4_800), h(96)),
            SickLeaveRecord::group(6, Man, UpTo29, h(4_800), h(48)),
            // Eight women 30–49, one of whom was away 40 days (320 h) ≥ 60 days in a row.
            SickLeaveRecord::group(7, Woman, From30To49, h(5_600), h(128)),
            SickLeaveRecord::employee(Woman, From30To49, h(800), h(320)).with_long_term(h(320)),
            SickLeaveRecord::group(4, Man, From30To49, h(3_200), h(64)),
            SickLeaveRecord::group(6, Woman, From50, h(4_200), h(420)),
            SickLeaveRecord::group(6, Man, From50, h(4_800), h(144)),
        ]
    }

    fn r1(f: SickLeaveFigure) -> Percent {
        f.reported()
            .unwrap()
            .round(1, RoundingMode::HalfAwayFromZero)
    }

    #[test]
    fn computed_from_hours_with_known_answers() {
        let d = disclosed(&data(staff()));
        assert_eq!(d.employees, 36);
        assert_eq!(d.ordinary_hours, h(28_200));
        assert_eq!(d.sick_hours, h(1_220));
        assert_eq!(d.long_term_sick_hours, h(320));
        // Exact: 1 220 / 28 200 = 0,04326241…
        assert_eq!(
            d.total().reported().unwrap(),
            Percent::from_fraction(h(1_220) / h(28_200)).unwrap()
        );
        assert_eq!(r1(d.total()), pct("4.3"));
        assert_eq!(r1(d.long_term_share()), pct("26.2"));
        assert_eq!(r1(d.figure(SickLeaveMeasure::Women)), pct("6.3"));
        assert_eq!(
            d.figure(SickLeaveMeasure::Men),
            SickLeaveFigure::Reported(pct("2"))
        );
        assert_eq!(
            d.figure(SickLeaveMeasure::Age29OrYounger),
            SickLeaveFigure::Reported(pct("1.5"))
        );
        assert_eq!(r1(d.figure(SickLeaveMeasure::Age30To49)), pct("5.3"));
        assert_eq!(r1(d.figure(SickLeaveMeasure::Age50OrOlder)), pct("6.3"));
        assert!(d.findings.is_empty());
    }

    #[test]
    fn long_term_share_is_of_sick_time_not_of_working_time() {
        let d = disclosed(&data(staff()));
        let share = d.long_term_share().reported().unwrap();
        // Of working time it would be 320 / 28 200 = 1,1 %; of sick time 26,2 %.
        assert!(share > pct("26") && share < pct("27"));
    }

    #[test]
    fn ten_employee_rule_at_10_and_11() {
        use AgeBand::*;
        use Gender::*;
        // 11 women 30–49 (reported), 10 men 30–49 (withheld); age 30–49 has 21.
        let records = vec![
            SickLeaveRecord::group(11, Woman, From30To49, h(11_000), h(550)),
            SickLeaveRecord::group(10, Man, From30To49, h(10_000), h(300)),
        ];
        let d = disclosed(&data(records));
        assert_eq!(
            d.figure(SickLeaveMeasure::Women),
            SickLeaveFigure::Reported(pct("5"))
        );
        assert_eq!(
            d.figure(SickLeaveMeasure::Men),
            SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees {
                employees: 10,
                limit: 10
            })
        );
        assert_eq!(
            d.figure(SickLeaveMeasure::Age30To49),
            SickLeaveFigure::Reported(Percent::from_fraction(h(850) / h(21_000)).unwrap())
        );
        assert_eq!(
            d.figure(SickLeaveMeasure::Age50OrOlder),
            SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees {
                employees: 0,
                limit: 10
            })
        );
        // Counted per employee as well: 11 single records are enough, 10 are not.
        let singles = |n| {
            (0..n)
                .map(|_| SickLeaveRecord::employee(Man, From50, h(100), h(3)))
                .collect::<Vec<_>>()
        };
        let d = disclosed(&data(singles(11)));
        assert_eq!(
            d.figure(SickLeaveMeasure::Age50OrOlder),
            SickLeaveFigure::Reported(pct("3"))
        );
        let d = disclosed(&data(singles(10)));
        assert!(matches!(
            d.figure(SickLeaveMeasure::Men),
            SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees { employees: 10, .. })
        ));
        // The total is not a group: reported even with ten employees.
        assert_eq!(d.total(), SickLeaveFigure::Reported(pct("3")));
    }

    #[test]
    fn stricter_rules_and_laxer_rules() {
        let strict = SickLeaveRules {
            max_withheld_group_size: 15,
        };
        let report = data(staff()).disclose_with(&strict).unwrap();
        let d = report.disclosure().unwrap();
        // Men: 16 employees, still reported; 30–49: 12 employees, now withheld.
        assert!(d.figure(SickLeaveMeasure::Men).reported().is_some());
        assert_eq!(
            d.figure(SickLeaveMeasure::Age30To49),
            SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees {
                employees: 12,
                limit: 15
            })
        );
        let lax = SickLeaveRules {
            max_withheld_group_size: 9,
        };
        let err = data(staff()).disclose_with(&lax).unwrap_err();
        assert!(matches!(err, Error::InvalidRule(_)));
        assert!(err.to_string().contains("laxer than the law"));
    }

    #[test]
    fn identifiable_flag_withholds_whatever_the_size() {
        let mut input = data(staff());
        input.identifiable = vec![SickLeaveMeasure::Women, SickLeaveMeasure::LongTermShare];
        let d = disclosed(&input);
        assert_eq!(
            d.figure(SickLeaveMeasure::Women),
            SickLeaveFigure::Withheld(WithheldReason::Identifiable)
        );
        assert_eq!(
            d.long_term_share(),
            SickLeaveFigure::Withheld(WithheldReason::Identifiable)
        );
        assert!(d.figure(SickLeaveMeasure::Men).reported().is_some());
        assert_eq!(
            WithheldReason::Identifiable.label(),
            "uppgift lämnas inte: kan hänföras till en enskild individ"
        );
    }

    #[test]
    fn small_employer_is_exempt() {
        let mut input = data(staff());
        input.average_employees = AverageEmployees::new(h(10), h(10));
        assert_eq!(
            input.disclose().unwrap(),
            SickLeaveReport::NotApplicable {
                two_year_average_employees: h(10)
            }
        );
        input.average_employees = AverageEmployees::new(h(10), d("10.5"));
        assert!(input.disclose().unwrap().disclosure().is_some());
    }

    #[test]
    fn invalid_records_are_errors_and_oddities_findings() {
        use AgeBand::*;
        use Gender::*;
        let mut records = staff();
        records.push(SickLeaveRecord::employee(Man, UpTo29, h(-1), h(0)));
        let err = data(records).disclose().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid sick-leave record at index 7: ordinary hours -1 are negative"
        );
        let mut records = staff();
        records.push(SickLeaveRecord::employee(Man, UpTo29, h(10), h(5)).with_long_term(h(6)));
        let err = data(records).disclose().unwrap_err();
        assert!(
            err.to_string()
                .contains("long-term sick hours 6 exceed the sick hours 5 (difference 1)"),
            "{err}"
        );
        let mut records = staff();
        records.push(SickLeaveRecord::employee(Man, UpTo29, h(10), h(12)));
        records.push(SickLeaveRecord::group(0, Man, UpTo29, h(10), h(0)));
        let d = disclosed(&data(records));
        assert_eq!(
            d.findings,
            vec![
                SickLeaveFinding::SickHoursExceedOrdinary {
                    index: 7,
                    sick_hours: h(12),
                    ordinary_hours: h(10)
                },
                SickLeaveFinding::HoursWithoutEmployees { index: 8 }
            ]
        );
        assert!(matches!(
            data(vec![]).disclose().unwrap_err(),
            Error::DivisionByZero { .. }
        ));
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

    #[test]
    fn ages() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let on = date(2025, 6, 30);
        assert_eq!(age_in_years(date(1995, 6, 30), on).unwrap(), 30);
        assert_eq!(age_in_years(date(1995, 7, 1), on).unwrap(), 29);
        assert_eq!(AgeBand::at(date(1995, 7, 1), on).unwrap(), AgeBand::UpTo29);
        assert_eq!(AgeBand::at(date(1975, 6, 30), on).unwrap(), AgeBand::From50);
        assert_eq!(
            age_in_years(date(2000, 2, 29), date(2001, 2, 28)).unwrap(),
            0
        );
        assert_eq!(
            age_in_years(date(2000, 2, 29), date(2001, 3, 1)).unwrap(),
            1
        );
        assert!(matches!(
            age_in_years(date(2026, 1, 1), on),
            Err(Error::InvalidDate(_))
        ));
        assert_eq!(AgeBand::From30To49.label(), "30–49 år");
        assert_eq!(AgeBand::UpTo29.label(), "29 år eller yngre");
    }

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
            PartitionVerdict::NotCheckable("groups not in the table: Män".into())
        );

        let mut bad = t.clone();
        bad.rows[0].values.pop();
        assert!(bad.validate().is_err());
        let mut mixed = t;
        mixed.rows[1].measure = SickLeaveMeasure::Age50OrOlder;
        assert!(mixed.validate().unwrap_err().to_string().contains("mixes"));
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

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip_and_withheld_has_no_number() {
        let mut input = data(staff());
        input.records.push(SickLeaveRecord::group(
            0,
            Gender::Man,
            AgeBand::UpTo29,
            h(0),
            h(0),
        ));
        let json = serde_json::to_string(&input).unwrap();
        assert!(json.contains("\"ordinary_hours\":\"4800\""), "{json}");
        let back: SickLeaveData = serde_json::from_str(&json).unwrap();
        assert_eq!(back, input);
        let mut few = data(vec![SickLeaveRecord::group(
            5,
            Gender::Woman,
            AgeBand::UpTo29,
            h(100),
            h(7),
        )]);
        few.identifiable = vec![];
        let d = disclosed(&few);
        let json = serde_json::to_string(&d.figure(SickLeaveMeasure::Women)).unwrap();
        assert_eq!(
            json,
            r#"{"withheld":{"too_few_employees":{"employees":5,"limit":10}}}"#
        );
        let back: SickLeaveDisclosure =
            serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }

    fn arb_record() -> impl Strategy<Value = SickLeaveRecord> {
        (
            0u32..30,
            prop::sample::select(Gender::ALL.to_vec()),
            prop::sample::select(AgeBand::ALL.to_vec()),
            1i64..1_000_000,
            0i64..=100,
            0i64..=100,
        )
            .prop_map(|(n, g, a, ordinary_centi, sick_pct, long_pct)| {
                let ordinary = Decimal::new(ordinary_centi, 2);
                let sick = (ordinary * Decimal::from(sick_pct) / Decimal::ONE_HUNDRED).round_dp(2);
                let long = (sick * Decimal::from(long_pct) / Decimal::ONE_HUNDRED).round_dp(2);
                SickLeaveRecord::group(n, g, a, ordinary, sick).with_long_term(long)
            })
    }

    proptest! {
        /// The total is a weighted mean of each partition's group figures, so it lies
        /// between the smallest and the largest — computed without the privacy rule
        /// (every group with working time), and for the figures the disclosure gives.
        #[test]
        fn total_between_group_extremes(records in prop::collection::vec(arb_record(), 1..20)) {
            let total = SickLeaveHours::sum(records.iter()).unwrap().rate("t").unwrap();
            for partition in [SickLeavePartition::Gender, SickLeavePartition::Age] {
                let rates: Vec<Percent> = partition
                    .groups()
                    .iter()
                    .filter_map(|g| {
                        let hours = SickLeaveHours::sum(records.iter().filter(|r| g.includes(r))).unwrap();
                        (!hours.ordinary_hours.is_zero()).then(|| hours.rate("g").unwrap())
                    })
                    .collect();
                let lo = rates.iter().min().copied().unwrap();
                let hi = rates.iter().max().copied().unwrap();
                // Division rounds in the 28th digit: allow that much.
                let eps = Decimal::new(1, 20);
                prop_assert!(lo.as_decimal() - eps <= total.as_decimal(), "{lo} > {total}");
                prop_assert!(total.as_decimal() <= hi.as_decimal() + eps, "{total} > {hi}");
            }
            let d = disclosed(&data(records.clone()));
            prop_assert_eq!(d.total(), SickLeaveFigure::Reported(total));
            let share = d.long_term_share().reported().unwrap();
            prop_assert!(share >= Percent::ZERO && share <= Percent::HUNDRED);
            // A reported group always has more than ten employees.
            for measure in SickLeaveMeasure::ALL.into_iter().filter(|m| m.is_group()) {
                let n: u32 = records.iter().filter(|r| measure.includes(r)).map(|r| r.employees).sum();
                prop_assert_eq!(d.figure(measure).reported().is_some(), n > 10);
                if let Some(reported) = d.figure(measure).reported() {
                    let own = SickLeaveHours::sum(records.iter().filter(|r| measure.includes(r)))
                        .unwrap()
                        .rate("g")
                        .unwrap();
                    prop_assert_eq!(reported, own);
                }
            }
        }

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
