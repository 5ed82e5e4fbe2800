//! Sjukfrånvaro: the statutory disclosure from hours, and Lystkom's published tables.

use kommunal_redovisning::sick_leave::{
    AverageEmployees, PartitionVerdict, PublishedSickLeaveRow, SickLeaveComparison,
    SickLeaveMeasure, achievement_lower_is_better, implied_working_time_shares,
};
use kommunal_redovisning::{
    AgeBand, Error, Gender, NumberFormat, Percent, Period, PublishedSickLeaveTable, RoundingMode,
    SickLeaveData, SickLeaveRecord, SickLeaveReport,
};
use rust_decimal::Decimal;

fn pct(tenths: i64) -> Percent {
    Percent::new(Decimal::new(tenths, 1))
}

fn h(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Lystkom, delårsrapport 2025, section 1.1, "Sjukfrånvaro i procent (%) per åldersgrupp".
fn lystkom_by_age() -> PublishedSickLeaveTable {
    let row = |label: &str, measure, now, before| PublishedSickLeaveRow {
        label: label.into(),
        measure,
        values: vec![Some(pct(now)), Some(pct(before))],
    };
    PublishedSickLeaveTable {
        title: "Sjukfrånvaro i procent (%) per åldersgrupp".into(),
        columns: vec!["2025-06-30".into(), "2024-06-30".into()],
        decimals: 1,
        rows: vec![
            row("0-29", SickLeaveMeasure::Age29OrYounger, 0, 31),
            row("30-49", SickLeaveMeasure::Age30To49, 57, 28),
            row("50-", SickLeaveMeasure::Age50OrOlder, 40, 48),
        ],
        total: vec![Some(pct(50)), Some(pct(36))],
    }
}

#[test]
fn lystkom_age_table_is_consistent_and_constrains_working_time() {
    let t = lystkom_by_age();
    let checks = t.check_total_between_groups().unwrap();
    assert_eq!(checks.len(), 2);
    for c in &checks {
        assert_eq!(c.verdict, PartitionVerdict::Consistent, "{c:?}");
    }
    assert_eq!(
        (checks[0].min, checks[0].max),
        (Some(pct(0)), Some(pct(57)))
    );
    // 2025: 5,7b + 4,0c = 5,0 with a + b + c = 1 → 30–49 år is 58,8–87,7 % of the time.
    let shares = t.implied_shares(0).unwrap().unwrap();
    let exact = shares.exact.unwrap();
    let r = |p: Percent| p.round(1, RoundingMode::HalfAwayFromZero);
    assert_eq!((r(exact[1].min), r(exact[1].max)), (pct(588), pct(877)));
    // A total of 5,8 would be above every group: no weights fit.
    let mut wrong = t.clone();
    wrong.total[0] = Some(pct(60));
    assert_eq!(wrong.implied_shares(0).unwrap().unwrap().exact, None);
    assert_eq!(
        wrong.check_total_between_groups().unwrap()[0].verdict,
        PartitionVerdict::Inconsistent
    );
}

#[test]
fn lystkom_gender_total_implies_womens_share() {
    // Kvinna 6,8, Man 3,5, Totalt 5,0: w = (5,0 − 3,5) / (6,8 − 3,5) = 45,45… %.
    let shares = implied_working_time_shares(&[pct(68), pct(35)], pct(50), Decimal::ZERO)
        .unwrap()
        .unwrap();
    assert_eq!(
        NumberFormat::swedish()
            .with_decimals(1)
            .percent(shares[0].min),
        "45,5\u{a0}%"
    );
    // The goal "< 4 %": 5,0 misses it; degree of achievement 4 / 5 = 80 %.
    assert_eq!(
        achievement_lower_is_better(pct(40), pct(50)).unwrap(),
        Percent::new(Decimal::from(80))
    );
}

#[cfg(feature = "serde")]
#[test]
fn disclosure_from_json_input() {
    use kommunal_redovisning::sick_leave::{SickLeaveFigure, WithheldReason};
    // Fourteen women and twelve men, 30–49 and 50–; one man absent ≥ 60 days.
    let json = r#"{
        "period": {"start": "2025-01-01", "end": "2025-06-30"},
        "average_employees": {"previous_year": "25", "year": "26.5"},
        "records": [
            {"employees": 14, "gender": "woman", "age_band": "from30_to49",
             "ordinary_hours": "13300", "sick_hours": "665", "long_term_sick_hours": "0"},
            {"employees": 12, "gender": "man", "age_band": "from50",
             "ordinary_hours": "11400", "sick_hours": "570", "long_term_sick_hours": "494"}
        ]
    }"#;
    let data: SickLeaveData = serde_json::from_str(json).unwrap();
    let SickLeaveReport::Disclosed(d) = data.disclose().unwrap() else {
        panic!("26 employees on average: the rule applies")
    };
    assert_eq!(d.total(), SickLeaveFigure::Reported(Percent::new(h(5))));
    assert_eq!(d.long_term_share(), SickLeaveFigure::Reported(pct(400)));
    assert_eq!(
        d.figure(SickLeaveMeasure::Women),
        SickLeaveFigure::Reported(Percent::new(h(5)))
    );
    assert_eq!(
        d.figure(SickLeaveMeasure::Age29OrYounger),
        SickLeaveFigure::Withheld(WithheldReason::TooFewEmployees {
            employees: 0,
            limit: 10
        })
    );
    // Withheld figures travel as a reason, never as a number.
    let out = serde_json::to_value(&*d).unwrap();
    assert_eq!(
        out["age_29_or_younger"],
        serde_json::json!({"withheld": {"too_few_employees": {"employees": 0, "limit": 10}}})
    );
    assert_eq!(out["total"], serde_json::json!({"reported": "5"}));
}

#[test]
fn exemption_at_ten_on_average() {
    let records = vec![SickLeaveRecord::group(
        12,
        Gender::Woman,
        AgeBand::From50,
        h(1_000),
        h(10),
    )];
    let data = |prev: i64, year: i64| SickLeaveData {
        period: Period::year_to_month_end(2025, 12).unwrap(),
        average_employees: AverageEmployees::new(h(prev), h(year)),
        records: records.clone(),
        identifiable: vec![],
    };
    assert!(matches!(
        data(8, 12).disclose().unwrap(),
        SickLeaveReport::NotApplicable { .. }
    ));
    assert!(data(8, 13).disclose().unwrap().disclosure().is_some());
}

#[test]
fn comparison_needs_the_same_period_a_year_earlier() {
    let data = |period: Period, sick: i64| SickLeaveData {
        period,
        average_employees: AverageEmployees::new(h(30), h(30)),
        records: vec![SickLeaveRecord::group(
            30,
            Gender::Man,
            AgeBand::UpTo29,
            h(30_000),
            h(sick),
        )],
        identifiable: vec![],
    };
    let now = data(Period::year_to_month_end(2025, 6).unwrap(), 1_500);
    let before = data(Period::year_to_month_end(2024, 6).unwrap(), 1_080);
    let now = now.disclose().unwrap().disclosure().cloned().unwrap();
    let before_d = before.disclose().unwrap().disclosure().cloned().unwrap();
    let cmp = SickLeaveComparison::new(now.clone(), before_d).unwrap();
    assert_eq!(
        cmp.change(SickLeaveMeasure::Total).unwrap(),
        Some(Decimal::new(14, 1))
    );
    let full_year = data(Period::year_to_month_end(2024, 12).unwrap(), 1_080)
        .disclose()
        .unwrap()
        .disclosure()
        .cloned()
        .unwrap();
    assert!(matches!(
        SickLeaveComparison::new(now, full_year),
        Err(Error::InvalidPeriod { .. })
    ));
}
