//! 1.1 Händelser av väsentlig betydelse: the two sick-leave tables (by age group and by
//! gender, 2025-06-30 and 2024-06-30), checked as far as percentages allow, and the
//! Totalsjukfrånvaro goal of målområde 3.
//!
//! The report gives percentages only — no hours, no headcounts — so the tables are
//! `PublishedSickLeaveTable`s (given figures), never recomputed from invented hours.

use kommunal_redovisning::Decimal;
use kommunal_redovisning::report::InterimReport;
use kommunal_redovisning::sick_leave::{
    PartitionVerdict, PublishedSickLeaveRow, SickLeaveMeasure, achievement_lower_is_better,
};
use kommunal_redovisning::{NumberFormat, Percent, Period, PublishedSickLeaveTable};

/// A printed figure with one decimal: `p(57)` is 5,7 %.
fn p(tenths: i64) -> Option<Percent> {
    Some(Percent::new(Decimal::new(tenths, 1)))
}

fn row(label: &str, measure: SickLeaveMeasure, now: i64, before: i64) -> PublishedSickLeaveRow {
    PublishedSickLeaveRow {
        label: label.to_owned(),
        measure,
        values: vec![p(now), p(before)],
    }
}

/// Section 1.1's two tables as given data: by age group and by gender, at the period's
/// end and the same day a year earlier.
pub fn tables(period: &Period) -> Result<Vec<PublishedSickLeaveTable>, Box<dyn std::error::Error>> {
    // The columns are the period's end and the same day a year earlier (the report:
    // "som en jämförelse redovisas också sjukfrånvaron för samma period föregående år").
    let columns = vec![
        period.end().to_string(),
        period.income_comparison()?.end().to_string(),
    ];

    // Section 1.1, "Sjukfrånvaro i procent (%) per åldersgrupp":
    //   0-29 0,0 3,1 / 30-49 5,7 2,8 / 50- 4,0 4,8 / Totalt 5,0 3,6
    let by_age = PublishedSickLeaveTable {
        title: "Sjukfrånvaro i procent (%) per åldersgrupp".into(),
        columns: columns.clone(),
        decimals: 1,
        rows: vec![
            row("0-29", SickLeaveMeasure::Age29OrYounger, 0, 31),
            row("30-49", SickLeaveMeasure::Age30To49, 57, 28),
            row("50-", SickLeaveMeasure::Age50OrOlder, 40, 48),
        ],
        total: vec![p(50), p(36)],
    };
    // Section 1.1, "Sjukfrånvaro i procent (%) av arbetad tid per kön":
    //   Kvinna 6,8 4,6 / Man 3,5 2,8 / Totalt 5,0 3,6
    let by_gender = PublishedSickLeaveTable {
        title: "Sjukfrånvaro i procent (%) av arbetad tid per kön".into(),
        columns,
        decimals: 1,
        rows: vec![
            row("Kvinna", SickLeaveMeasure::Women, 68, 46),
            row("Man", SickLeaveMeasure::Men, 35, 28),
        ],
        total: vec![p(50), p(36)],
    };

    Ok(vec![by_age, by_gender])
}

/// Prints section 1.1's sick leave from the assembled report.
pub fn print(report: &InterimReport) -> Result<(), Box<dyn std::error::Error>> {
    let period = &report.period;
    let sv1 = NumberFormat::swedish().with_decimals(1);
    let [by_age, by_gender] = report.sick_leave.published.as_slice() else {
        return Err("the report should have two sick-leave tables (age, gender)".into());
    };
    println!("1.1 Sjukfrånvaro (rapportens tabeller: procent, inga timmar)");
    for (table, heading) in [(by_age, "Åldersgrupp (år)"), (by_gender, "Kön")] {
        table.validate()?;
        print_table(table, heading, &sv1)?;
    }

    // Both tables print the same total for each date, as they must.
    for (c, column) in by_age.columns.iter().enumerate() {
        let (a, g) = (by_age.total[c], by_gender.total[c]);
        let verdict = if a == g { "stämmer" } else { "STÄMMER INTE" };
        println!(
            "  Totalt {column}: {} i tabellen per åldersgrupp, {} i tabellen per kön — {verdict}",
            fmt(a, &sv1),
            fmt(g, &sv1)
        );
    }

    println!();
    println!(
        "Kontroll: totalen är gruppernas vägda medelvärde och ska ligga mellan minsta och största gruppvärde"
    );
    for table in [by_age, by_gender] {
        let partition = table.partition().map_or("", |p| p.label());
        for check in table.check_total_between_groups()? {
            let verdict = match &check.verdict {
                PartitionVerdict::Consistent => "stämmer".to_owned(),
                PartitionVerdict::WithinRounding => "stämmer inom avrundningen".to_owned(),
                PartitionVerdict::Inconsistent => "STÄMMER INTE".to_owned(),
                PartitionVerdict::NotCheckable(why) => format!("kan inte kontrolleras ({why})"),
            };
            println!(
                "  {partition} {}: {} ligger mellan {} och {} — {verdict}",
                check.column,
                fmt(check.total, &sv1),
                fmt(check.min, &sv1),
                fmt(check.max, &sv1)
            );
        }
    }

    println!();
    println!(
        "Rapporten anger procent, inte timmar. Totalen kan därför inte räknas om från \
         gruppernas procenttal:"
    );
    println!(
        "den beror på hur arbetstiden fördelas mellan grupperna, och den fördelningen står inte i texten."
    );
    println!(
        "Vad siffrorna förutsätter om gruppernas andel av arbetstiden (villkor, inte uppgifter om timmar):"
    );
    let pct0 = NumberFormat::swedish().with_decimals(1);
    for (c, column) in by_gender.columns.iter().enumerate() {
        let Some(shares) = by_gender.implied_shares(c)? else {
            println!("  Kön {column}: kan inte beräknas");
            continue;
        };
        let (w, m, t) = (
            by_gender.rows[0].values[c],
            by_gender.rows[1].values[c],
            by_gender.total[c],
        );
        let exact = shares
            .exact
            .as_ref()
            .and_then(|s| s.first())
            .map_or("ingen".to_owned(), |r| pct0.percent(r.min));
        let rounding = shares
            .allowing_rounding
            .as_ref()
            .and_then(|s| s.first())
            .map_or("ingen".to_owned(), |r| {
                format!(
                    "{}–{}",
                    pct0.decimal(r.min.as_decimal()),
                    pct0.percent(r.max)
                )
            });
        println!(
            "  Kön {column}: {}·w + {}·(1 − w) = {} → kvinnornas andel av arbetstiden w = {exact} \
             ({rounding} med hänsyn till avrundningen)",
            num(w, &sv1),
            num(m, &sv1),
            num(t, &sv1),
        );
    }
    for (c, column) in by_age.columns.iter().enumerate() {
        let Some(shares) = by_age.implied_shares(c)? else {
            println!("  Åldersgrupp {column}: kan inte beräknas");
            continue;
        };
        let terms: Vec<String> = by_age
            .rows
            .iter()
            .zip(["a", "b", "c"])
            .map(|(r, v)| format!("{}·{v}", num(r.values[c], &sv1)))
            .collect();
        println!(
            "  Åldersgrupp {column}: {} = {}, a + b + c = 1 (a, b, c ≥ 0) ger:",
            terms.join(" + "),
            num(by_age.total[c], &sv1)
        );
        for (i, r) in by_age.rows.iter().enumerate() {
            let range = |ranges: &Option<Vec<kommunal_redovisning::sick_leave::ShareRange>>| {
                ranges
                    .as_ref()
                    .and_then(|s| s.get(i))
                    .map_or("ingen lösning".to_owned(), |r| {
                        format!(
                            "{}–{}",
                            pct0.decimal(r.min.as_decimal()),
                            pct0.percent(r.max)
                        )
                    })
            };
            println!(
                "    {} ({}): {} av arbetstiden ({} med hänsyn till avrundningen)",
                r.label,
                r.measure.label(),
                range(&shares.exact),
                range(&shares.allowing_rounding)
            );
        }
    }
    println!(
        "  Samma procenttal går att få med många olika timmar; utan timmarna kan totalen bara \
         prövas mot dessa gränser."
    );

    // Section 1.3, målområde 3 Personal och kompetens: målvärde "Totala sjukfrånvaron i
    // procent av arbetad tid <4 %", utfall per 2025-06-30 "Total sjukfrånvaro är 5,0 %".
    println!();
    let target = Percent::new(Decimal::from(4));
    let outcome = Percent::new(Decimal::new(50, 1));
    println!("Mål (målområde 3): totala sjukfrånvaron i procent av arbetad tid < 4 %");
    let met = outcome < target;
    println!(
        "  Utfall {}: {} — målvärdet {}",
        period.end(),
        sv1.percent(outcome),
        if met { "nås" } else { "nås inte" }
    );
    let achievement = achievement_lower_is_better(target, outcome)?;
    // Section 1.3 bedömningsgrunder: 99–100 % uppfyllt, 81–89 % delvis uppfyllt,
    // 0–80 % inte uppfyllt (80–81 % and 89–99 % are covered by no level).
    let level = if achievement <= Percent::new(Decimal::from(80)) {
        "inte uppfyllt (0–80 %)"
    } else if achievement < Percent::new(Decimal::from(81)) {
        "ingen nivå i bedömningsgrunderna täcker 80–81 %"
    } else if achievement <= Percent::new(Decimal::from(89)) {
        "delvis uppfyllt (81–89 %)"
    } else if achievement < Percent::new(Decimal::from(99)) {
        "ingen nivå i bedömningsgrunderna täcker 89–99 %"
    } else {
        "uppfyllt (99–100 %)"
    };
    println!(
        "  Måluppfyllelse (lägre är bättre): målvärde / utfall = {} / {} = {} → {level}",
        NumberFormat::swedish().decimal(target.as_decimal()),
        sv1.decimal(outcome.as_decimal()),
        NumberFormat::swedish().percent(achievement)
    );
    println!(
        "  Rapporten bedömer målområde 3 som helhet: \"Målvärden är delvis uppfyllda\" (flera målvärden)."
    );

    println!();
    println!("Saknas i rapportens text för sjukfrånvaron:");
    for missing in [
        "andelen av sjukfrånvaron som avser sammanhängande frånvaro 60 dagar eller mer (lagens andra nyckeltal)",
        "timmar (ordinarie arbetstid, sjukfrånvarotimmar): totalen kan inte räknas om",
        "antal anställda per grupp: regeln att en grupp med högst tio anställda inte redovisas kan inte prövas (t.ex. 0-29 år, 0,0 %)",
    ] {
        println!("  – {missing}");
    }
    println!(
        "  Tabellen per kön och målet avser \"arbetad tid\"; lagen mäter mot sammanlagd ordinarie arbetstid."
    );
    Ok(())
}

fn print_table(
    table: &PublishedSickLeaveTable,
    heading: &str,
    sv1: &NumberFormat,
) -> Result<(), Box<dyn std::error::Error>> {
    println!("  {}", table.title);
    let mut rows: Vec<[String; 5]> = vec![[
        heading.to_owned(),
        String::new(),
        table.columns[0].clone(),
        table.columns[1].clone(),
        "Förändring (beräknad, procentenheter)".to_owned(),
    ]];
    let mut push = |label: &str, law: &str, values: &[Option<Percent>]| -> Result<(), String> {
        let change = match (values[0], values[1]) {
            (Some(now), Some(before)) => {
                let diff = now
                    .as_decimal()
                    .checked_sub(before.as_decimal())
                    .ok_or("overflow")?;
                let sign = if diff > Decimal::ZERO { "+" } else { "" };
                format!("{sign}{}", sv1.decimal(diff))
            }
            _ => "–".to_owned(),
        };
        rows.push([
            label.to_owned(),
            law.to_owned(),
            fmt(values[0], sv1),
            fmt(values[1], sv1),
            change,
        ]);
        Ok(())
    };
    for r in &table.rows {
        push(&r.label, r.measure.label(), &r.values)?;
    }
    push("Totalt", "", &table.total)?;
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let w: Vec<usize> = (0..5).map(width).collect();
    for r in &rows {
        println!(
            "    {:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}  {:>w4$}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3],
            w4 = w[4]
        );
    }
    Ok(())
}

/// A printed percentage, or "uppgift saknas".
fn fmt(value: Option<Percent>, sv1: &NumberFormat) -> String {
    value.map_or("uppgift saknas".to_owned(), |v| sv1.percent(v))
}

/// A printed figure without the % sign, for equations.
fn num(value: Option<Percent>, sv1: &NumberFormat) -> String {
    value.map_or("?".to_owned(), |v| sv1.decimal(v.as_decimal()))
}
