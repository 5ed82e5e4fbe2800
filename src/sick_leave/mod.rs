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
//! [`Decimal`](crate::Decimal) hours and exact [`Percent`](crate::Percent)s; round to one decimal only for
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

mod comparison;
mod disclosure;
mod group;
mod record;
mod rules;
mod table;

pub use comparison::{SickLeaveComparison, achievement_lower_is_better};
pub use disclosure::{SickLeaveData, SickLeaveDisclosure, SickLeaveFinding, SickLeaveReport};
pub use group::{AgeBand, Gender, SickLeaveMeasure, SickLeavePartition, age_in_years};
pub use record::{AverageEmployees, SickLeaveHours, SickLeaveRecord};
pub use rules::{
    MAX_EXEMPT_AVERAGE_EMPLOYEES, MAX_WITHHELD_GROUP_SIZE, SickLeaveFigure, SickLeaveRules,
    WithheldReason,
};
pub use table::{
    ImpliedShares, PartitionCheck, PartitionVerdict, PublishedSickLeaveRow,
    PublishedSickLeaveTable, ShareRange, implied_working_time_shares,
};

/// Helpers shared by the unit tests of the submodules.
#[cfg(test)]
mod test_support {
    use super::*;
    use crate::money::{Percent, RoundingMode};
    use crate::period::Period;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    pub(super) fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    pub(super) fn h(n: i64) -> Decimal {
        Decimal::from(n)
    }

    pub(super) fn pct(s: &str) -> Percent {
        Percent::new(d(s))
    }

    pub(super) fn period() -> Period {
        Period::year_to_month_end(2025, 12).unwrap()
    }

    pub(super) fn data(records: Vec<SickLeaveRecord>) -> SickLeaveData {
        SickLeaveData {
            period: period(),
            average_employees: AverageEmployees::new(h(40), h(40)),
            records,
            identifiable: vec![],
        }
    }

    pub(super) fn disclosed(data: &SickLeaveData) -> SickLeaveDisclosure {
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
    pub(super) fn staff() -> Vec<SickLeaveRecord> {
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

    pub(super) fn r1(f: SickLeaveFigure) -> Percent {
        f.reported()
            .unwrap()
            .round(1, RoundingMode::HalfAwayFromZero)
    }

    pub(super) fn arb_record() -> impl Strategy<Value = SickLeaveRecord> {
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
}
