//! Måluppfyllelse: Lystkom's criteria and målområden (the example's own encoding, so the
//! example and these tests cannot drift apart), evaluation, and property tests of
//! scale coverage.

#[allow(dead_code, clippy::print_stdout)]
#[path = "../examples/lystkom_halvar/goals.rs"]
mod lystkom_goals;

use chrono::NaiveDate;
use kommunal_redovisning::goal::{
    AggregationRule, AssessmentBasis, AssessmentScale, AssessmentSettings, Band, Comparison,
    Coverage, GapPolicy, GoalArea, GoalFinding, Interval, Level, LevelSet, Measurement,
    Observation, Outcome, OverAchievement, StatedAssessment, TargetKind, TargetValue, YearValue,
    evaluate,
};
use kommunal_redovisning::{Error, Percent};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn jun30() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
}

#[test]
fn lystkom_criteria_gaps_are_exactly_those_a_reader_sees() {
    let c = Coverage::of(&lystkom_goals::criteria_bands());
    assert!(c.overlaps.is_empty());
    let gaps: Vec<(String, Option<&str>, Option<&str>)> = c
        .gaps
        .iter()
        .map(|g| {
            (
                g.interval.to_string(),
                g.below.as_deref(),
                g.above.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        [
            ("(80, 81)".to_owned(), Some("inte"), Some("delvis")),
            ("(89, 99)".to_owned(), Some("delvis"), Some("uppfyllt")),
            ("(100, ∞)".to_owned(), Some("uppfyllt"), None),
        ]
    );
    // A strict scale refuses the criteria; each policy accepts them.
    assert!(matches!(
        lystkom_goals::criteria(GapPolicy::RejectScale),
        Err(e) if e.to_string().contains("(80, 81)")
    ));
    let below = lystkom_goals::criteria(GapPolicy::LevelBelow).unwrap();
    assert_eq!(below.gaps().len(), 3);
    let refuse = lystkom_goals::criteria(GapPolicy::Refuse).unwrap();
    assert!(matches!(
        refuse.classify(Percent::new(d("95"))),
        Err(Error::InvalidRule(m)) if m.contains("(89, 99)") && m.contains("bedöms inte")
    ));
}

#[test]
fn lystkom_sick_leave_is_80_percent_and_not_met() {
    let ev = lystkom_goals::evaluation(GapPolicy::LevelBelow, None).unwrap();
    let a3 = &ev.areas[2];
    assert_eq!(a3.name, "Personal och kompetens");
    let sick = a3.all_target_values().find(|t| t.id == "3.1").unwrap();
    let a = sick.outcome.achievement.as_ref().unwrap();
    assert!(!a.met);
    assert_eq!(a.degree, Percent::new(d("80")));
    assert_eq!(sick.outcome.level.as_deref(), Some("inte"));
    assert_eq!(sick.formula, "målvärde / utfall");
    // Målområde 3: sick leave not met, the development plan and the talks met → delvis,
    // as the report states.
    assert_eq!(a3.outcome.computed.level.as_deref(), Some("delvis"));
    assert_eq!(
        (a3.outcome.computed.assessed, a3.outcome.computed.met),
        (3, 2)
    );
    assert_eq!(a3.outcome.agrees, Some(true));
}

#[test]
fn lystkom_all_areas() {
    let ev = lystkom_goals::evaluation(GapPolicy::LevelBelow, None).unwrap();
    let names: Vec<&str> = ev.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Uppdrag",
            "Samverkan",
            "Personal och kompetens",
            "Hållbarhet",
            "Finansiellt"
        ]
    );
    let counts: Vec<usize> = ev
        .areas
        .iter()
        .map(|a| a.all_target_values().count())
        .collect();
    assert_eq!(counts, [4, 2, 7, 1, 7]);
    // Målområde 1 and 4: nothing measurable before 31 December / the autumn survey.
    for i in [0, 3] {
        let a = &ev.areas[i];
        assert!(
            a.all_target_values()
                .all(|t| t.outcome.basis == AssessmentBasis::NotMeasurable)
        );
        assert_eq!(a.outcome.computed.level, None);
        // A stated forecast with nothing to compute from cannot be checked.
        assert!(a.forecast.stated.is_some());
        assert_eq!(a.forecast.agrees, None);
    }
    // Målområde 2: Dorotea joined → computed and stated "uppfyllt".
    let a2 = &ev.areas[1];
    assert_eq!(a2.outcome.computed.level.as_deref(), Some("uppfyllt"));
    assert_eq!(a2.outcome.agrees, Some(true));
    // Målområde 5: the surplus is stated met; its share cannot be computed.
    let a5 = &ev.areas[4];
    let surplus = a5.all_target_values().next().unwrap();
    assert_eq!(surplus.outcome.basis, AssessmentBasis::Stated);
    assert_eq!(a5.forecast.agrees, Some(true));
    // No disagreement, no value in a gap; six figures missing from the text.
    assert!(!ev.findings.iter().any(|f| matches!(
        f,
        GoalFinding::Disagreement { .. } | GoalFinding::InGap { .. }
    )));
    let missing = ev
        .findings
        .iter()
        .filter(|f| matches!(f, GoalFinding::NotReported { .. }))
        .count();
    assert_eq!(missing, 6);
}

#[test]
fn lystkom_weakest_rule_disagrees_with_the_report() {
    let ev =
        lystkom_goals::evaluation(GapPolicy::LevelBelow, Some(AggregationRule::Weakest)).unwrap();
    let a3 = &ev.areas[2];
    assert_eq!(a3.outcome.computed.level.as_deref(), Some("inte"));
    assert_eq!(a3.outcome.agrees, Some(false));
    let levels = LevelSet::three_level();
    let texts: Vec<String> = ev
        .findings
        .iter()
        .filter(|f| matches!(f, GoalFinding::Disagreement { .. }))
        .map(|f| f.describe(&levels))
        .collect();
    assert_eq!(
        texts,
        [
            "Målområde 3, utfall: beräknad bedömning \"Inte uppfyllt\" (regel: svagaste målvärdet) \
          skiljer sig från angiven \"Delvis uppfyllt\""
        ]
    );
}

fn one_area(t: TargetValue, rule: AggregationRule) -> Vec<GoalArea> {
    vec![GoalArea::new("X", "Test", rule).with_target_value(t)]
}

#[test]
fn value_in_a_gap_is_a_finding_named_with_its_policy() {
    // NKI 6,5 against "lägst 7,0" → 92,857… % lies in Lystkom's gap (89, 99).
    let t = TargetValue::new("1.4", "NKI", "NKI", TargetKind::at_least(d("7.0"))).with_outcome(
        Observation::new(jun30(), Outcome::Measured(Measurement::Value(d("6.5")))),
    );
    let areas = one_area(t, AggregationRule::Weakest);
    for (policy, level) in [
        (GapPolicy::LevelBelow, Some("delvis")),
        (GapPolicy::Refuse, None),
    ] {
        let scale = lystkom_goals::criteria(policy).unwrap();
        let ev = evaluate(&areas, &scale, AssessmentSettings::default(), jun30()).unwrap();
        let tv = &ev.areas[0].target_values[0];
        assert_eq!(tv.outcome.level.as_deref(), level);
        let gap_finding = ev
            .findings
            .iter()
            .find_map(|f| match f {
                GoalFinding::InGap {
                    gap,
                    policy: p,
                    level,
                    ..
                } => Some((gap.clone(), *p, level.clone())),
                _ => None,
            })
            .unwrap();
        assert_eq!(gap_finding.0, Interval::open(d("89"), d("99")));
        assert_eq!(gap_finding.1, policy);
        assert_eq!(gap_finding.2.as_deref(), level);
        let text = ev.findings[0].describe(scale.levels());
        assert!(text.contains(policy.label()), "{text}");
        assert!(text.contains("måluppfyllelsen ≈ 92,86\u{a0}%"), "{text}");
    }
    // Refused: the target value is not assessed, so the area is "ej mätbart".
    let scale = lystkom_goals::criteria(GapPolicy::Refuse).unwrap();
    let ev = evaluate(&areas, &scale, AssessmentSettings::default(), jun30()).unwrap();
    assert_eq!(
        ev.areas[0].target_values[0].outcome.basis,
        AssessmentBasis::Refused
    );
    assert_eq!(ev.areas[0].outcome.computed.level, None);
}

#[test]
fn over_achievement_setting_decides_whether_the_open_top_is_reached() {
    // Utfall 8,4 against "lägst 7,0" = 120 %.
    let t = TargetValue::new("n", "NKI", "NKI", TargetKind::at_least(d("7.0"))).with_outcome(
        Observation::new(jun30(), Outcome::Measured(Measurement::Value(d("8.4")))),
    );
    let areas = one_area(t, AggregationRule::Weakest);
    let scale = lystkom_goals::criteria(GapPolicy::Refuse).unwrap();
    let capped = evaluate(&areas, &scale, AssessmentSettings::default(), jun30()).unwrap();
    assert_eq!(
        capped.areas[0].target_values[0].outcome.level.as_deref(),
        Some("uppfyllt")
    );
    assert!(capped.findings.is_empty());
    let settings = AssessmentSettings {
        over_achievement: OverAchievement::Uncapped,
        ..AssessmentSettings::default()
    };
    let uncapped = evaluate(&areas, &scale, settings, jun30()).unwrap();
    let j = &uncapped.areas[0].target_values[0].outcome;
    assert_eq!(
        j.achievement.as_ref().unwrap().degree,
        Percent::new(d("120"))
    );
    assert_eq!(j.level, None);
    assert!(matches!(
        &uncapped.findings[0],
        GoalFinding::InGap { gap, .. } if *gap == Interval::above(d("100"))
    ));
}

#[test]
fn every_target_kind_through_evaluate() {
    let scale = AssessmentScale::three_level();
    let obs = |m| Observation::new(jun30(), Outcome::Measured(m));
    let cases: Vec<(TargetKind, Measurement, &str, &str)> = vec![
        (
            TargetKind::at_least(d("90")),
            Measurement::Value(d("72")),
            "80",
            "delvis",
        ),
        (
            TargetKind::more_than(d("10")),
            Measurement::Value(d("11")),
            "100",
            "uppfyllt",
        ),
        (
            TargetKind::at_most(d("2")),
            Measurement::Value(d("4")),
            "50",
            "inte",
        ),
        (
            TargetKind::less_than(d("4")),
            Measurement::Value(d("5.0")),
            "80",
            "delvis",
        ),
        (
            TargetKind::ExceedsOther {
                other: "inkomna samtal".into(),
            },
            Measurement::Pair {
                measured: d("1200"),
                other: d("1000"),
            },
            "100",
            "uppfyllt",
        ),
        (
            TargetKind::Count { at_least: 1 },
            Measurement::Count(0),
            "0",
            "inte",
        ),
        (TargetKind::Fact, Measurement::Fact(true), "100", "uppfyllt"),
        (
            TargetKind::PeerGroup {
                comparison: Comparison::LessThan,
                peers: "jämförbara".into(),
            },
            Measurement::Peer {
                own: d("10"),
                peers: d("9"),
            },
            "90",
            "delvis",
        ),
        (
            TargetKind::MultiYearAverage {
                years: 3,
                comparison: Comparison::AtLeast,
                value: d("2"),
            },
            Measurement::Yearly(vec![
                YearValue {
                    year: 2023,
                    value: d("1.5"),
                },
                YearValue {
                    year: 2024,
                    value: d("2.0"),
                },
                YearValue {
                    year: 2025,
                    value: d("2.5"),
                },
            ]),
            "100",
            "uppfyllt",
        ),
    ];
    for (kind, m, degree, level) in cases {
        let what = kind.describe();
        let t = TargetValue::new("t", "t", "u", kind).with_outcome(obs(m));
        let ev = evaluate(
            &one_area(t, AggregationRule::AllMet),
            &scale,
            AssessmentSettings::default(),
            jun30(),
        )
        .unwrap();
        let j = &ev.areas[0].target_values[0].outcome;
        assert_eq!(
            j.achievement.as_ref().unwrap().degree,
            Percent::new(d(degree)),
            "{what}"
        );
        assert_eq!(j.level.as_deref(), Some(level), "{what}");
    }
}

#[test]
fn stated_target_value_disagreement_and_unknown_levels() {
    let t = TargetValue::new("3.1", "Sjukfrånvaro", "%", TargetKind::less_than(d("4")))
        .with_outcome(
            Observation::new(jun30(), Outcome::Measured(Measurement::Value(d("5.0"))))
                .with_stated(StatedAssessment::new("uppfyllt", "bra")),
        );
    let scale = lystkom_goals::criteria(GapPolicy::LevelBelow).unwrap();
    let ev = evaluate(
        &one_area(t.clone(), AggregationRule::Weakest),
        &scale,
        AssessmentSettings::default(),
        jun30(),
    )
    .unwrap();
    assert!(ev.findings.iter().any(|f| matches!(
        f,
        GoalFinding::Disagreement { place, computed, stated, rule: None, .. }
            if place == "Målområde X / 3.1" && computed.as_deref() == Some("inte") && stated == "uppfyllt"
    )));
    // A stated level the scale does not know is an error, not a silent mismatch.
    let mut bad = t;
    bad.outcomes[0].stated = Some(StatedAssessment::new("grön", ""));
    assert!(matches!(
        evaluate(
            &one_area(bad, AggregationRule::Weakest),
            &scale,
            AssessmentSettings::default(),
            jun30()
        ),
        Err(Error::InvalidRule(m)) if m.contains("\"grön\"")
    ));
}

#[test]
fn missing_outcome_and_empty_area_are_findings() {
    let t = TargetValue::new("a", "a", "u", TargetKind::Fact);
    let mut areas = one_area(t, AggregationRule::AllMet);
    areas.push(GoalArea::new("Y", "Tom", AggregationRule::AllMet));
    let ev = evaluate(
        &areas,
        &AssessmentScale::three_level(),
        AssessmentSettings::default(),
        jun30(),
    )
    .unwrap();
    assert!(
        matches!(&ev.findings[0], GoalFinding::MissingOutcome { place, .. } if place == "Målområde X / a")
    );
    assert!(
        matches!(&ev.findings[1], GoalFinding::NoTargetValues { place } if place == "Målområde Y")
    );
}

#[cfg(feature = "serde")]
#[test]
fn lystkom_areas_and_evaluation_round_trip_through_json() {
    let areas = lystkom_goals::areas().unwrap();
    let json = serde_json::to_string(&areas).unwrap();
    let back: Vec<GoalArea> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, areas);
    assert!(json.contains("\"5.0\""), "decimals travel as strings");
    let ev = lystkom_goals::evaluation(GapPolicy::LevelBelow, None).unwrap();
    let json = serde_json::to_string(&ev).unwrap();
    let back: kommunal_redovisning::goal::Evaluation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ev);
}

// ---------------------------------------------------------------------------
// Property tests.

fn levels(n: usize) -> LevelSet {
    LevelSet::new(
        (0..n)
            .map(|i| Level::new(format!("l{i}"), format!("Nivå {i}")))
            .collect(),
        Level::new("ej", "Ej mätbart"),
    )
    .unwrap()
}

/// A complete scale: sorted distinct cut points, each boundary point given to the band
/// below or above it at random.
fn complete_scale() -> impl Strategy<Value = (Vec<Decimal>, Vec<Band>)> {
    (
        proptest::collection::btree_set(1u32..20_000, 0..6),
        proptest::collection::vec(any::<bool>(), 6),
    )
        .prop_map(|(cuts, closed_below)| {
            let cuts: Vec<Decimal> = cuts
                .into_iter()
                .map(|c| Decimal::new(i64::from(c), 2))
                .collect();
            let n = cuts.len();
            let mut bands = Vec::new();
            let mut lower = Decimal::ZERO;
            let mut lower_inclusive = true;
            for (i, c) in cuts.iter().enumerate() {
                let upper_inclusive = closed_below[i];
                bands.push(Band::new(
                    Interval {
                        lower,
                        lower_inclusive,
                        upper: Some(*c),
                        upper_inclusive,
                    },
                    format!("l{}", n - i),
                ));
                lower = *c;
                lower_inclusive = !upper_inclusive;
            }
            bands.push(Band::new(
                Interval {
                    lower,
                    lower_inclusive,
                    upper: None,
                    upper_inclusive: false,
                },
                "l0",
            ));
            (cuts, bands)
        })
}

fn arbitrary_band() -> impl Strategy<Value = Band> {
    (
        0u32..300,
        any::<bool>(),
        proptest::option::of(0u32..300),
        any::<bool>(),
        0usize..3,
    )
        .prop_map(|(lo, li, up, ui, level)| {
            Band::new(
                Interval {
                    lower: Decimal::from(lo),
                    lower_inclusive: li,
                    upper: up.map(Decimal::from),
                    upper_inclusive: ui,
                },
                format!("l{level}"),
            )
        })
}

proptest! {
    #[test]
    fn a_valid_scale_assigns_exactly_one_level_to_every_value(
        (cuts, bands) in complete_scale(),
        probe in 0u32..25_000,
        policy in prop_oneof![Just(GapPolicy::RejectScale), Just(GapPolicy::Refuse), Just(GapPolicy::LevelBelow)],
    ) {
        let scale = AssessmentScale::new("p", levels(bands.len()), bands.clone(), policy).unwrap();
        prop_assert!(scale.gaps().is_empty());
        // Probe an arbitrary value and every cut point itself.
        let mut values: Vec<Decimal> = cuts.clone();
        values.push(Decimal::new(i64::from(probe), 2));
        values.push(Decimal::ZERO);
        for v in values {
            let p = Percent::new(v);
            let containing: Vec<&Band> = bands.iter().filter(|b| b.interval.contains(p)).collect();
            prop_assert_eq!(containing.len(), 1, "value {} in {} bands", v, containing.len());
            let c = scale.classify(p).unwrap();
            prop_assert_eq!(c.level.as_deref(), Some(containing[0].level.as_str()));
            prop_assert!(c.gap.is_none());
        }
    }

    #[test]
    fn coverage_reports_every_uncovered_and_every_doubly_covered_value(
        bands in proptest::collection::vec(arbitrary_band(), 1..5),
        probe in 0u32..1_300,
    ) {
        // Probe quarter values, and every band bound and its neighbours, so open and
        // closed bounds are both exercised.
        let quarter = Decimal::new(25, 2);
        let mut values = vec![Decimal::new(i64::from(probe), 0) / Decimal::from(4)];
        for b in &bands {
            for e in std::iter::once(b.interval.lower).chain(b.interval.upper) {
                values.extend([e, e + quarter, e - quarter]);
            }
        }
        let c = Coverage::of(&bands);
        for v in values.into_iter().filter(|v| !v.is_sign_negative()) {
            let p = Percent::new(v);
            let covering = bands.iter().filter(|b| b.interval.contains(p)).count();
            let in_gap = c.gaps.iter().filter(|g| g.interval.contains(p)).count();
            // Exactly one of: in a band, in a gap.
            prop_assert_eq!(covering == 0, in_gap == 1, "value {}: {} bands, {} gaps", v, covering, in_gap);
            prop_assert!(in_gap <= 1);
            let in_overlap = c.overlaps.iter().any(|o| o.interval.contains(p));
            prop_assert_eq!(covering >= 2, in_overlap, "value {} in {} bands", v, covering);
        }
        // A scale is built exactly when the bands are complete.
        let built = AssessmentScale::new("p", levels(3), bands.clone(), GapPolicy::RejectScale);
        prop_assert_eq!(built.is_ok(), c.is_complete());
    }
}

#[test]
fn strict_target_reached_exactly_is_flagged() {
    // Sjukfrånvaro 4,0 % against "< 4 %": degree 4 / 4 = 100 %, but the target is not met.
    let t =
        TargetValue::new("3.1", "Sjukfrånvaro", "%", TargetKind::less_than(d("4"))).with_outcome(
            Observation::new(jun30(), Outcome::Measured(Measurement::Value(d("4.0")))),
        );
    let scale = lystkom_goals::criteria(GapPolicy::LevelBelow).unwrap();
    let ev = evaluate(
        &one_area(t, AggregationRule::Weakest),
        &scale,
        AssessmentSettings::default(),
        jun30(),
    )
    .unwrap();
    let j = &ev.areas[0].target_values[0].outcome;
    assert!(!j.achievement.as_ref().unwrap().met);
    assert_eq!(j.level.as_deref(), Some("uppfyllt"));
    assert_eq!(ev.findings.len(), 1);
    assert_eq!(
        ev.findings[0].describe(scale.levels()),
        "Målområde X / 3.1, utfall: målvärdet (< 4) är inte uppfyllt, men måluppfyllelsen 100\u{a0}% \
         ger nivån \"Uppfyllt\""
    );
}

#[test]
fn five_level_forecast_scale_as_data() {
    // A municipality's own bands over the forecast degree, with Jönköping's five levels.
    let bands = vec![
        Band::new(Interval::at_least(d("100")), "kan_uppnas"),
        Band::new(Interval::half_open(d("90"), d("100")), "osakert"),
        Band::new(Interval::half_open(d("0"), d("90")), "kan_inte_uppnas"),
    ];
    let scale = AssessmentScale::new(
        "prognos, fem nivåer",
        LevelSet::five_level_forecast(),
        bands,
        GapPolicy::RejectScale,
    )
    .unwrap();
    let dec = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let t = TargetValue::new(
        "r",
        "Resultat",
        "% av skatteintäkter",
        TargetKind::at_least(d("2")),
    )
    .with_outcome(Observation::new(
        jun30(),
        Outcome::NotYetMeasurable {
            when: "per 31 december".into(),
        },
    ))
    .with_forecast(Observation::new(
        dec,
        Outcome::Measured(Measurement::Value(d("1.9"))),
    ));
    let mut area = one_area(t, AggregationRule::Weakest).remove(0);
    area.stated_forecast = Some(StatedAssessment::new(
        "kan_uppnas",
        "Målet bedöms kunna uppnås.",
    ));
    let ev = evaluate(&[area], &scale, AssessmentSettings::default(), jun30()).unwrap();
    let a = &ev.areas[0];
    assert_eq!(a.outcome.computed.level, None);
    assert_eq!(a.forecast.computed.level.as_deref(), Some("osakert")); // 95 %
    assert_eq!(a.forecast.agrees, Some(false));
    let text = ev
        .findings
        .iter()
        .map(|f| f.describe(scale.levels()))
        .collect::<Vec<_>>();
    assert!(
        text.iter()
            .any(|t| t.contains("beräknad bedömning \"Osäkert\"")
                && t.contains("\"Bedöms kunna uppnås\"")),
        "{text:?}"
    );
}
