//! The statutory groups of the disclosure: kön, åldersgrupp, the seven ratios
//! (sjukfrånvaronyckeltal) and the two partitions of the staff.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};

use super::SickLeaveRecord;

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

    pub(super) fn includes(self, record: &SickLeaveRecord) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
