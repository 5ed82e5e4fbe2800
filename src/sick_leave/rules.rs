//! The statutory rules of the disclosure as data: the size limits of the law and the
//! withholding of small groups (integritetsskydd), and a figure given or withheld.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::money::Percent;

/// The law's group size limit: a group of at most this many employees gets no figure
/// (KRL 4 kap. 1 a §, SFS 2002:1065).
pub const MAX_WITHHELD_GROUP_SIZE: u32 = 10;

/// The law's employer size limit: an employer with on average at most this many
/// employees over the last two years is exempt from the whole disclosure.
pub const MAX_EXEMPT_AVERAGE_EMPLOYEES: Decimal = Decimal::TEN;

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

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, data, disclosed, h, pct, staff};
    use super::*;
    use crate::sick_leave::{
        AgeBand, AverageEmployees, Gender, SickLeaveMeasure, SickLeaveRecord, SickLeaveReport,
    };

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
}
