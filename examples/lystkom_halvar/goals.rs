//! 1.2 Förväntad utveckling avseende ekonomi och verksamhet utifrån fastställda mål:
//! Lystkom's criteria, the five målområden with their målvärden, outcomes per
//! 2025-06-30 and forecasts per 2025-12-31, assessed with `kommunal_redovisning::goal`.
//!
//! The text of section 1.2 comes from a PDF whose four columns (Mål / Målvärde 2025 /
//! Utfall per 2025-06-30 / Prognos per 2025-12-31) are interleaved in the extraction;
//! each målområde below quotes its columns separately. The report states its forecasts
//! per målområde only, and links no målvärde to a particular mål, so the målvärden are
//! kept on the målområde. Where the text gives no figure, the outcome is "not reported"
//! and the report's own statement is kept as the stated assessment; nothing is invented.

use chrono::NaiveDate;
use kommunal_redovisning::goal::{
    AggregateEvaluation, AggregationRule, AreaEvaluation, AssessmentBasis, AssessmentScale,
    AssessmentSettings, Band, Comparison, Coverage, Evaluation, GapPolicy, Goal, GoalArea,
    Interval, Judgement, LevelSet, Measurement, Observation, Outcome, StatedAssessment, TargetKind,
    TargetValue, evaluate,
};
use kommunal_redovisning::report::{GoalsPart, InterimReport};
use kommunal_redovisning::{Amount, NumberFormat, Scale};
use rust_decimal::Decimal;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn date(y: i32, m: u32, d: u32) -> Res<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("invalid date {y}-{m}-{d}").into())
}

/// Section 1.2, the three bullets, read as closed intervals over real numbers:
/// "Om målvärdet är uppnått med 99-100% innebär det att målet är uppfyllt.",
/// "… 81-89 % … delvis uppfyllt.", "… 0-80 % … inte uppfyllt."
pub fn criteria_bands() -> Vec<Band> {
    vec![
        Band::new(
            Interval::closed(Decimal::from(99), Decimal::ONE_HUNDRED),
            "uppfyllt",
        ),
        Band::new(
            Interval::closed(Decimal::from(81), Decimal::from(89)),
            "delvis",
        ),
        Band::new(Interval::closed(Decimal::ZERO, Decimal::from(80)), "inte"),
    ]
}

/// The same bullets read as whole percents ("80" = 80–80,99… %), for comparison.
pub fn criteria_bands_whole_percents() -> Vec<Band> {
    vec![
        Band::new(Interval::whole_percents(99, 100), "uppfyllt"),
        Band::new(Interval::whole_percents(81, 89), "delvis"),
        Band::new(Interval::whole_percents(0, 80), "inte"),
    ]
}

/// Lystkom's criteria as a scale. They have gaps, so a policy must be named.
pub fn criteria(policy: GapPolicy) -> Res<AssessmentScale> {
    Ok(AssessmentScale::new(
        "Lystkoms kriterier 2025 (avsnitt 1.2)",
        LevelSet::three_level(),
        criteria_bands(),
        policy,
    )?)
}

/// The rule this example uses to weigh målvärden together. The report does not state
/// one; "all met → uppfyllt, some → delvis, none → inte" is an assumption, named in the
/// output.
pub fn area_rule() -> AggregationRule {
    AggregationRule::share_met_default()
}

fn not_yet(when: &str) -> Outcome {
    Outcome::NotYetMeasurable {
        when: when.to_owned(),
    }
}

fn not_reported(note: &str) -> Outcome {
    Outcome::NotReported {
        note: note.to_owned(),
    }
}

fn goals(texts: &[&str]) -> Vec<Goal> {
    texts.iter().map(|t| Goal::new(*t, area_rule())).collect()
}

/// All five målområden of section 1.2, with the figures the notes of 5.1 quote
/// (periodens resultat 2 148 tkr, section 2.3; helårsprognos 1 374 tkr, section 1.3).
pub fn areas() -> Res<Vec<GoalArea>> {
    areas_with(Amount::tkr(2_148), Amount::tkr(1_374))
}

/// All five målområden, quoting `period_result` and `forecast` in the notes of 5.1, so
/// the assembled report takes them from its own data (section 2.3 and the forecast
/// table of 1.3) and its goal table cannot disagree with them.
pub fn areas_with(period_result: Amount, forecast: Amount) -> Res<Vec<GoalArea>> {
    let sv = NumberFormat::swedish();
    let jun = date(2025, 6, 30)?;
    let dec = date(2025, 12, 31)?;
    let per_dec = |t: TargetValue, when: &str| {
        t.measured_on(dec)
            .with_outcome(Observation::new(jun, not_yet(when)))
    };
    let d = |s: &str| s.parse::<Decimal>();

    // Målområde 1. Uppdrag.
    // Utfall: "Målvärden redovisas endast per 31 december. Kundenkäten genomförs i
    // september/oktober." Prognos: "Målen bedöms delvis kunna uppfyllas."
    const DEC_ONLY: &str = "Målvärden redovisas endast per 31 december.";
    let mut a1 = GoalArea::new("1", "Uppdrag", area_rule())
        .with_target_value(per_dec(
            TargetValue::new(
                "1.1",
                "Kundtjänst – 90 % av samtalen besvaras inom 30 sekunder.",
                "% av samtalen besvarade inom 30 s",
                TargetKind::at_least(d("90")?),
            ),
            DEC_ONLY,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "1.2",
                "IT – väntetiden vid 90 % av samtalen till IT-supporten ska inte överstiga 2 minuter.",
                "minuter",
                TargetKind::at_most(d("2")?),
            ),
            DEC_ONLY,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "1.3",
                "IT – Antalet registrerade ärenden i ITSM-systemet ska överstiga antalet inkomna \
                 telefonsamtal till IT-supporten.",
                "ärenden",
                TargetKind::ExceedsOther {
                    other: "inkomna telefonsamtal till IT-supporten".to_owned(),
                },
            ),
            DEC_ONLY,
        ))
        .with_target_value(
            TargetValue::new(
                "1.4",
                "Nöjd-kund-index för kundtjänst och IT ska vara lägst 7,0.",
                "NKI",
                TargetKind::at_least(d("7.0")?),
            )
            .with_outcome(Observation::new(
                jun,
                not_yet("Kundenkäten genomförs i september/oktober."),
            )),
        )
        .with_stated_forecast(StatedAssessment::new(
            "delvis",
            "Målen bedöms delvis kunna uppfyllas.",
        ));
    a1.goals = goals(&[
        "Medborgare, medarbetare och andra intressenter ska ges en bra service med gott bemötande.",
        "Centrala funktioner inom Lystkoms verksamhetsområden ska upprätthålla och underlätta \
         säkerhet, service, tillgänglighet och teknik.",
        "Lystkom ska ha ett systematiskt informationssäkerhetsarbete",
    ]);

    // Målområde 2. Samverkan.
    // Utfall: "Dorotea ny medlemskommun och ingår i kundtjänst. Målvärden är uppfyllda."
    // (1.1: "Dorotea kommun är ny medlemskommun i Lystkom från den 1 januari 2025".)
    // Prognos: "Målen bedöms kunna uppfyllas."
    const A2_STATED: &str =
        "Dorotea ny medlemskommun och ingår i kundtjänst. Målvärden är uppfyllda.";
    let mut a2 = GoalArea::new("2", "Samverkan", area_rule())
        .with_target_value(
            TargetValue::new(
                "2.1",
                "Minst en ytterligare medlemskommun i Lystkom.",
                "nya medlemskommuner",
                TargetKind::Count { at_least: 1 },
            )
            .with_outcome(
                Observation::new(jun, Outcome::Measured(Measurement::Count(1)))
                    .with_stated(StatedAssessment::new("uppfyllt", A2_STATED)),
            ),
        )
        .with_target_value(
            TargetValue::new(
                "2.2",
                "Minst en påbörjad förstudie om anslutning till Lystkom IT eller kundtjänst.",
                "förstudier",
                TargetKind::Count { at_least: 1 },
            )
            .with_outcome(
                Observation::new(
                    jun,
                    not_reported("antalet påbörjade förstudier anges inte; texten säger \"Målvärden är uppfyllda.\""),
                )
                .with_stated(StatedAssessment::new("uppfyllt", A2_STATED)),
            ),
        )
        .with_stated(StatedAssessment::new("uppfyllt", "Målvärden är uppfyllda."))
        .with_stated_forecast(StatedAssessment::new(
            "uppfyllt",
            "Målen bedöms kunna uppfyllas.",
        ));
    a2.goals = goals(&[
        "Fler medlemskommuner i Lystkom.",
        "Fler befintliga medlemskommuner som ingår i samverkan inom IT och kundtjänst.",
    ]);

    // Målområde 3. Personal och kompetens.
    // Utfall: "Total sjukfrånvaro är 5,0 %. RUS-samtal är genomförda och alla medarbetare
    // har en utvecklingsplan. OSA-enkäten genomförs i oktober. Lönekartläggning är
    // genomförd. Målvärden är delvis uppfyllda." Prognos: "Målen bedöms kunna uppfyllas."
    let sick_by_unit =
        "sjukfrånvaron per verksamhet anges inte (1.1 redovisar den per åldersgrupp och kön)";
    let mut a3 = GoalArea::new("3", "Personal och kompetens", area_rule())
        .with_target_value(
            TargetValue::new(
                "3.1",
                "Totala sjukfrånvaron i procent av arbetad tid <4 %",
                "% av arbetad tid",
                TargetKind::less_than(d("4")?),
            )
            .with_outcome(Observation::new(
                jun,
                Outcome::Measured(Measurement::Value(d("5.0")?)),
            )),
        )
        .with_target_value(
            TargetValue::new(
                "3.2",
                "Sjukfrånvaron i Kundtjänst <7 %",
                "% av arbetad tid",
                TargetKind::less_than(d("7")?),
            )
            .with_outcome(Observation::new(jun, not_reported(sick_by_unit))),
        )
        .with_target_value(
            TargetValue::new(
                "3.3",
                "Sjukfrånvaron i IT <2 %",
                "% av arbetad tid",
                TargetKind::less_than(d("2")?),
            )
            .with_outcome(Observation::new(jun, not_reported(sick_by_unit))),
        )
        .with_target_value(
            TargetValue::new(
                "3.4",
                "Varje medarbetare har en individuell utvecklingsplan.",
                "ja/nej",
                TargetKind::Fact,
            )
            .with_outcome(Observation::new(
                jun,
                Outcome::Measured(Measurement::Fact(true)),
            )),
        )
        .with_target_value(
            TargetValue::new(
                "3.5",
                "Årligt utvecklingssamtal genomförs med alla medarbetare.",
                "ja/nej",
                TargetKind::Fact,
            )
            .with_outcome(Observation::new(
                jun,
                Outcome::Measured(Measurement::Fact(true)),
            )),
        )
        .with_target_value(
            TargetValue::new(
                "3.6",
                "Nöjd-medarbetar-index (NMI) i form av resultatet av OSA-enkäten ska vara \
                 bra/mycket bra inom samtliga områden.",
                "ja/nej",
                TargetKind::Fact,
            )
            .with_outcome(Observation::new(
                jun,
                not_yet("OSA-enkäten genomförs i oktober."),
            )),
        )
        .with_target_value(
            TargetValue::new(
                "3.7",
                "Lystkom ska inte ha några osakliga löneskillnader som kan härledas till kön.",
                "ja/nej",
                TargetKind::Fact,
            )
            .with_outcome(Observation::new(
                jun,
                not_reported("\"Lönekartläggning är genomförd.\" — resultatet anges inte"),
            )),
        )
        .with_stated(StatedAssessment::new(
            "delvis",
            "Målvärden är delvis uppfyllda.",
        ))
        .with_stated_forecast(StatedAssessment::new(
            "uppfyllt",
            "Målen bedöms kunna uppfyllas.",
        ));
    a3.goals = goals(&[
        "Lystkom ska vara en attraktiv arbetsgivare.",
        "Varje medarbetare ska ha en utvecklingsplan för kompetensutveckling som stödjer \
         medarbetarens egen utveckling och roll i verksamheten och tillvaratar medarbetarens \
         unika kompetens och erfarenhet.",
        "Ingen medarbetare ska drabbas av arbetsrelaterad ohälsa.",
        "Arbetsplatserna ska vara jämställda och mångfald uppmuntras.",
    ]);

    // Målområde 4. Hållbarhet.
    // Utfall: "Målvärdet redovisas endast per 31 december." Prognos: "Målen bedöms
    // kunna uppfyllas."
    let mut a4 = GoalArea::new("4", "Hållbarhet", area_rule())
        .with_target_value(per_dec(
            TargetValue::new(
                "4.1",
                "100 % av all utrangerad utrustning återbrukas eller återvinns.",
                "% av utrangerad utrustning",
                TargetKind::at_least(Decimal::ONE_HUNDRED),
            ),
            "Målvärdet redovisas endast per 31 december.",
        ))
        .with_stated_forecast(StatedAssessment::new(
            "uppfyllt",
            "Målen bedöms kunna uppfyllas.",
        ));
    a4.goals = goals(&[
        "Minimerat antal fysiska möten inom Lystkoms verksamhetsområden.",
        "All utrustning som Lystkom äger och använder avvecklas och återvinns på ett hållbart sätt.",
    ]);

    // Målområde 5. Finansiellt.
    // Utfall: "Målvärde om överskott är uppfyllt. Övriga målvärden redovisas endast per
    // 31 december." Prognos: "Målen bedöms kunna uppfyllas."; 1.4: "Prognosen innebär
    // också att Lystkom uppfyller det fastställda målvärdet om ett årligt överskott på
    // minst 2 % av omsättningen."
    const OTHERS_DEC: &str = "Övriga målvärden redovisas endast per 31 december.";
    let peers_lower = || TargetKind::PeerGroup {
        comparison: Comparison::LessThan,
        peers: "jämförbara organisationers".to_owned(),
    };
    let peers_at_least = || TargetKind::PeerGroup {
        comparison: Comparison::AtLeast,
        peers: "övriga jämförbara organisationers".to_owned(),
    };
    let mut a5 = GoalArea::new("5", "Finansiellt", area_rule())
        .with_target_value(
            TargetValue::new(
                "5.1",
                "Lystkoms årliga överskott ska minst motsvara 2 % av omsättningen.",
                "% av omsättningen",
                TargetKind::at_least(d("2")?),
            )
            .with_outcome(
                Observation::new(
                    jun,
                    not_reported(&format!(
                        "omsättningen anges inte, så överskottets andel kan inte räknas \
                         (periodens resultat {} tkr)",
                        sv.amount(period_result, Scale::Tkr)
                    )),
                )
                .with_stated(StatedAssessment::new(
                    "uppfyllt",
                    "Målvärde om överskott är uppfyllt.",
                )),
            )
            .with_forecast(
                Observation::new(
                    dec,
                    not_reported(&format!(
                        "omsättningen anges inte, så prognosens andel kan inte räknas \
                         (helårsprognos {} tkr)",
                        sv.amount(forecast, Scale::Tkr)
                    )),
                )
                .with_stated(StatedAssessment::new(
                    "uppfyllt",
                    "Prognosen innebär också att Lystkom uppfyller det fastställda målvärdet \
                     om ett årligt överskott på minst 2 % av omsättningen. (1.4)",
                )),
            ),
        )
        .with_target_value(per_dec(
            TargetValue::new(
                "5.2",
                "OH-kostnadernas andel av totala kostnader i Lystkom ska vara lägre än \
                 jämförbara organisationers.",
                "% av totala kostnader",
                peers_lower(),
            ),
            OTHERS_DEC,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "5.3",
                "Kostnaderna för SITHS-kort ska vara lägre än jämförbara organisationers.",
                "kostnad",
                peers_lower(),
            ),
            OTHERS_DEC,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "5.4",
                "Kundtjänst nyckeltal: antal samtal per telefonist ska vara lika eller högre \
                 än övriga jämförbara organisationers.",
                "samtal per telefonist",
                peers_at_least(),
            ),
            OTHERS_DEC,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "5.5",
                "Kundtjänst nyckeltal: antal invånare per telefonist ska vara lika eller \
                 högre än övriga jämförbara organisationers.",
                "invånare per telefonist",
                peers_at_least(),
            ),
            OTHERS_DEC,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "5.6",
                "IT:s nyckeltal: antal klienter per anställd i Lystkom IT ska vara lika eller \
                 högre än övriga jämförbara organisationers.",
                "klienter per anställd",
                peers_at_least(),
            ),
            OTHERS_DEC,
        ))
        .with_target_value(per_dec(
            TargetValue::new(
                "5.7",
                "IT:s nyckeltal: antal användare per anställd i Lystkom IT ska vara lika eller \
                 högre än övriga jämförbara organisationers.",
                "användare per anställd",
                peers_at_least(),
            ),
            OTHERS_DEC,
        ))
        .with_stated_forecast(StatedAssessment::new(
            "uppfyllt",
            "Målen bedöms kunna uppfyllas.",
        ));
    a5.goals = goals(&[
        "Lystkom budgeterar för ett årligt överskott i verksamheten i syfte att successivt \
         minska lånebehovet och att bygga upp en reserv i händelse av ekonomiskt underskott i \
         verksamheten.",
        "Verksamheterna följer fastställd budget.",
        "Genom samverkan ska verksamheten vara kostnadseffektiv.",
    ]);

    Ok(vec![a1, a2, a3, a4, a5])
}

/// Evaluates the five målområden per 2025-06-30 under Lystkom's criteria.
#[allow(dead_code)] // used by tests/goal.rs
pub fn evaluation(policy: GapPolicy, rule: Option<AggregationRule>) -> Res<Evaluation> {
    let scale = criteria(policy)?;
    let mut areas = areas()?;
    if let Some(rule) = rule {
        for a in &mut areas {
            a.rule = rule.clone();
        }
    }
    Ok(evaluate(
        &areas,
        &scale,
        AssessmentSettings::default(),
        date(2025, 6, 30)?,
    )?)
}

/// The goal part of the report: the five målområden on Lystkom's criteria, gaps given
/// the nearest level below (the reading the report's own assessments fit).
pub fn part() -> Res<GoalsPart> {
    Ok(GoalsPart::new(criteria(GapPolicy::LevelBelow)?, areas()?))
}

/// Prints section 1.2 from the assembled report.
pub fn print(report: &InterimReport) -> Res<()> {
    let goals = report
        .goals
        .as_ref()
        .ok_or("the report has no goal areas")?;
    let levels = goals.scale.levels();
    let ev = goals.evaluate(report.period.end())?;
    let sv = NumberFormat::swedish();

    println!(
        "1.2 Måluppfyllelse per {} (prognos per 2025-12-31)",
        ev.date
    );
    println!("  Bedömningsskala: {}", ev.scale);
    println!(
        "  Regel för luckor i kriterierna: {}",
        ev.gap_policy.label()
    );
    println!("  Övermåluppfyllelse: räknas som högst 100 %");
    println!(
        "  Sammanvägning per målområde (antagen; rapporten anger ingen regel): {}",
        area_rule().name()
    );

    for area in &ev.areas {
        println!();
        println!("  Målområde {}. {}", area.id, area.name);
        for t in area.all_target_values() {
            println!("    {} {}", t.id, t.description);
            let when = if t.measurement_dates.is_empty() {
                String::new()
            } else {
                let dates: Vec<String> = t
                    .measurement_dates
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                format!(" · mäts per {}", dates.join(", "))
            };
            println!("        målvärde {} ({}){when}", t.target, t.unit);
            println!(
                "        utfall: {}{}{}",
                describe_observation(&t.outcome, &sv),
                describe_degree(&t.outcome, &t.formula, levels, &sv),
                describe_stated(&t.outcome)
            );
            if t.forecast.observation.is_some() {
                println!(
                    "        prognos: {}{}{}",
                    describe_observation(&t.forecast, &sv),
                    describe_degree(&t.forecast, &t.formula, levels, &sv),
                    describe_stated(&t.forecast)
                );
            }
        }
        print_aggregate("utfall", &area.outcome, levels);
        print_aggregate("prognos", &area.forecast, levels);
    }

    println!();
    print_table(&ev.areas, levels);

    // What the choice of rule does: "the weakest" marks Målområde 3 "inte uppfyllt".
    let mut with_weakest = goals.clone();
    for a in &mut with_weakest.areas {
        a.rule = AggregationRule::Weakest;
    }
    let weakest = with_weakest.evaluate(report.period.end())?;
    println!();
    println!(
        "  Med regeln \"{}\" i stället:",
        AggregationRule::Weakest.name()
    );
    for (a, w) in ev.areas.iter().zip(&weakest.areas) {
        if a.outcome.computed.level != w.outcome.computed.level {
            println!(
                "    Målområde {}: beräknad {} (i stället för {}) — angiven {}",
                w.id,
                level_label(w.outcome.computed.level.as_deref(), levels),
                level_label(a.outcome.computed.level.as_deref(), levels),
                w.outcome
                    .stated
                    .as_ref()
                    .map_or("–", |s| levels.label(&s.level)),
            );
        }
    }

    println!();
    print_criteria_report(&sv)?;

    println!();
    println!("  Iakttagelser från utvärderingen ({}):", ev.findings.len());
    for f in &ev.findings {
        println!("    – {}", f.describe(levels));
    }
    println!("  Anmärkningar:");
    println!(
        "    – Målområde 4: det enda målvärdet avser utrustning; för målet om minimerat \
         antal fysiska möten anges inget målvärde."
    );
    println!(
        "    – Prognoserna anges per målområde, inte per målvärde (utom överskottet, 1.4), \
         så de kan bara prövas där."
    );
    Ok(())
}

fn level_label<'a>(id: Option<&'a str>, levels: &'a LevelSet) -> &'a str {
    id.map_or(levels.not_measurable().label.as_str(), |i| levels.label(i))
}

fn describe_observation(j: &Judgement, sv: &NumberFormat) -> String {
    let Some(obs) = &j.observation else {
        return "saknas".to_owned();
    };
    match &obs.outcome {
        Outcome::Measured(m) => describe_measurement(m, sv),
        Outcome::NotYetMeasurable { when } => format!("ej mätbart ännu — \"{when}\""),
        Outcome::NotReported { note } => format!("siffra saknas — {note}"),
    }
}

fn describe_stated(j: &Judgement) -> String {
    j.stated()
        .map_or_else(String::new, |st| format!(" · rapporten: \"{}\"", st.text))
}

fn describe_measurement(m: &Measurement, sv: &NumberFormat) -> String {
    let num = |d: &Decimal| sv.with_decimals(d.scale()).decimal(*d);
    match m {
        Measurement::Value(v) => num(v),
        Measurement::Pair { measured, other } => format!("{} mot {}", num(measured), num(other)),
        Measurement::Count(n) => n.to_string(),
        Measurement::Fact(true) => "ja".to_owned(),
        Measurement::Fact(false) => "nej".to_owned(),
        Measurement::Peer { own, peers } => format!("{} mot {}", num(own), num(peers)),
        Measurement::Yearly(v) => v
            .iter()
            .map(|y| format!("{}: {}", y.year, num(&y.value)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn describe_degree(j: &Judgement, formula: &str, levels: &LevelSet, sv: &NumberFormat) -> String {
    match (&j.achievement, j.basis) {
        (Some(a), _) => {
            let gap = j
                .computed
                .as_ref()
                .and_then(|c| c.gap.as_ref())
                .map_or_else(String::new, |g| {
                    format!(" (i luckan {}, närmast lägre nivå)", g.interval)
                });
            format!(
                " · måluppfyllelse {} ({formula}) → {}{gap}",
                sv.with_decimals(1).percent(a.degree),
                level_label(j.level.as_deref(), levels)
            )
        }
        (None, AssessmentBasis::Stated) => format!(
            " → {} (enligt rapporten)",
            level_label(j.level.as_deref(), levels)
        ),
        _ => String::new(),
    }
}

fn print_aggregate(what: &str, a: &AggregateEvaluation, levels: &LevelSet) {
    let c = &a.computed;
    let computed = level_label(c.level.as_deref(), levels);
    let stated = a.stated.as_ref().map_or_else(
        || "ingen".to_owned(),
        |s| format!("{} (\"{}\")", levels.label(&s.level), s.text),
    );
    let verdict = match a.agrees {
        Some(true) => "överens",
        Some(false) => "SKILJER SIG",
        None if a.stated.is_some() => "kan inte prövas: inget målvärde är bedömt",
        None => "inget att jämföra med",
    };
    println!(
        "    Sammanvägning, {what}: beräknad {computed} ({} av {} bedömda uppfyllda, {} ej bedömda) · angiven {stated} · {verdict}",
        c.met, c.assessed, c.not_assessed
    );
}

fn print_table(areas: &[AreaEvaluation], levels: &LevelSet) {
    let stated = |a: &AggregateEvaluation| {
        a.stated
            .as_ref()
            .map_or("–", |s| levels.label(&s.level))
            .to_owned()
    };
    let verdict = |a: &AggregateEvaluation| match a.agrees {
        Some(true) => "ja",
        Some(false) => "NEJ",
        None => "–",
    };
    let mut rows: Vec<[String; 7]> = vec![[
        "Målområde".into(),
        "Utfall: beräknad".into(),
        "angiven".into(),
        "överens".into(),
        "Prognos: beräknad".into(),
        "angiven".into(),
        "överens".into(),
    ]];
    for a in areas {
        rows.push([
            format!("{}. {}", a.id, a.name),
            level_label(a.outcome.computed.level.as_deref(), levels).to_owned(),
            stated(&a.outcome),
            verdict(&a.outcome).to_owned(),
            level_label(a.forecast.computed.level.as_deref(), levels).to_owned(),
            stated(&a.forecast),
            verdict(&a.forecast).to_owned(),
        ]);
    }
    println!("  Bedömning per målområde (beräknad mot angiven i rapporten)");
    let widths: Vec<usize> = (0..7)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for r in &rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("    {}", cells.join("  ").trim_end());
    }
}

fn print_criteria_report(sv: &NumberFormat) -> Res<()> {
    let levels = LevelSet::three_level();
    println!("  Kriterierna i 1.2, lästa som slutna intervall (som läsaren ser dem):");
    for b in criteria_bands() {
        println!(
            "    {:<16} {}",
            levels.label(&b.level),
            b.interval.describe()
        );
    }
    let coverage = Coverage::of(&criteria_bands());
    println!(
        "  Överlappningar: {}",
        if coverage.overlaps.is_empty() {
            "inga"
        } else {
            "finns"
        }
    );
    println!(
        "  Luckor — måluppfyllelse som ingen nivå täcker ({}):",
        coverage.gaps.len()
    );
    for g in &coverage.gaps {
        let around = match (&g.below, &g.above) {
            (Some(b), Some(a)) => format!("mellan {} och {}", levels.label(b), levels.label(a)),
            (Some(b), None) => format!(
                "ovanför {}; kriterierna säger inget över 100 %",
                levels.label(b)
            ),
            (None, Some(a)) => format!("nedanför {}", levels.label(a)),
            (None, None) => String::new(),
        };
        println!(
            "    {:<28} {:<12} {around}",
            g.interval.describe(),
            g.interval.to_string()
        );
    }
    let strict = AssessmentScale::new(
        "Lystkoms kriterier 2025",
        levels.clone(),
        criteria_bands(),
        GapPolicy::RejectScale,
    );
    if strict.is_err() {
        println!(
            "  Utan regel för luckor underkänns skalan: GapPolicy::RejectScale avvisar kriterier \
             med luckor (de tre ovan)."
        );
    }
    println!("  Värden i luckorna, per regel:");
    let refuse = criteria(GapPolicy::Refuse)?;
    let below = criteria(GapPolicy::LevelBelow)?;
    for v in ["80.5", "95", "105"] {
        let p = kommunal_redovisning::Percent::new(v.parse()?);
        let name = |l: Option<String>| {
            l.map_or_else(|| "ej bedömd".to_owned(), |l| levels.label(&l).to_owned())
        };
        let r = name(refuse.place(p).level);
        let b = name(below.place(p).level);
        println!(
            "    {:>8}: \"{}\" → {r}; \"{}\" → {b}",
            sv.with_decimals(1).percent(p),
            GapPolicy::Refuse.label(),
            GapPolicy::LevelBelow.label()
        );
    }
    let whole = Coverage::of(&criteria_bands_whole_percents());
    let list: Vec<String> = whole.gaps.iter().map(|g| g.interval.describe()).collect();
    println!(
        "  Läst som hela procent (\"80\" = 80–80,99… %) blir luckorna i stället: {}",
        list.join("; ")
    );
    Ok(())
}
