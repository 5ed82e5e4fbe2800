//! The computation of the disclosure (sjukfrånvaroredovisning): from the hours to the
//! seven ratios, each given or withheld, with findings about the input.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::period::Period;

use super::{
    AverageEmployees, MAX_EXEMPT_AVERAGE_EMPLOYEES, SickLeaveFigure, SickLeaveHours,
    SickLeaveMeasure, SickLeaveRecord, SickLeaveRules, WithheldReason,
};

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

#[cfg(test)]
mod tests {
    use super::super::test_support::{arb_record, data, disclosed, h, pct, r1, staff};
    use super::*;
    use crate::money::Percent;
    use crate::sick_leave::{AgeBand, Gender, SickLeavePartition};
    use proptest::prelude::*;

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
    }
}
