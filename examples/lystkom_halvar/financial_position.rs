//! 1.5 Utvärdering av ekonomisk ställning: eget kapital, tillgångar, soliditet, and the
//! check of periodens resultat against the change in eget kapital.

use chrono::NaiveDate;
use kommunal_redovisning::report::{
    BalanceKeyFigures, InterimReport, KeyFigures, StatedFigure, StatedValue,
};
use kommunal_redovisning::{
    Amount, EquityReconciliation, NumberFormat, Percent, RoundingMode, Scale, ratio,
};
use rust_decimal::Decimal;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn date(s: &str) -> Res<NaiveDate> {
    Ok(s.parse()?)
}

/// Section 1.5, "Eget kapital / Tillgångar totalt / Soliditet" per 2025-06-30 and
/// 2024-12-31 (tkr, soliditet to one decimal), and the text's "Den totala låneskulden
/// uppgår till 15 mkr" (at the period's end).
pub fn key_figures() -> Res<KeyFigures> {
    let mut k = KeyFigures::new(Scale::Tkr, 1);
    k.dates = vec![
        BalanceKeyFigures {
            date: date("2025-06-30")?,
            equity: Amount::tkr(8_521),
            total_assets: Amount::tkr(36_631),
            equity_ratio: Some(Percent::new(Decimal::new(233, 1))),
        },
        BalanceKeyFigures {
            date: date("2024-12-31")?,
            equity: Amount::tkr(6_373),
            total_assets: Amount::tkr(29_663),
            equity_ratio: Some(Percent::new(Decimal::new(215, 1))),
        },
    ];
    k.total_borrowing = Some((date("2025-06-30")?, Amount::mnkr(15), Scale::Mnkr));
    Ok(k)
}

/// Prints section 1.5 from the assembled report.
pub fn print(report: &InterimReport) -> Res<()> {
    let period = &report.period;
    let k = report
        .key_figures
        .as_ref()
        .ok_or("the report has no key figures")?;
    let [now, before] = k.dates.as_slice() else {
        return Err("1.5 gives two balance dates".into());
    };
    let sv = NumberFormat::swedish();
    let sv1 = sv.with_decimals(1);

    // The table is built from the printed figures (balances at a date: stocks) and
    // rendered by the crate.
    let table = k.to_table("1.5 Utvärdering av ekonomisk ställning")?;
    for (i, line) in table.to_text(&sv).lines().enumerate() {
        if i == 0 {
            println!("{line}");
        } else {
            println!("  {line}");
        }
    }

    for p in [now, before] {
        let s = ratio::equity_ratio(p.equity, p.total_assets)?;
        let printed = p
            .equity_ratio
            .ok_or("1.5 prints soliditet for both dates")?;
        let rounded = s.round(1, RoundingMode::HalfAwayFromZero);
        let verdict = if rounded == printed {
            "stämmer"
        } else {
            "STÄMMER INTE"
        };
        println!(
            "  Soliditet {}: {} / {} = {} → {} ({verdict} med rapportens {})",
            p.date,
            sv.amount(p.equity, Scale::Tkr),
            sv.amount(p.total_assets, Scale::Tkr),
            sv.with_decimals(4).percent(s),
            sv1.percent(rounded),
            sv1.percent(printed),
        );
    }

    // Section 2.3: "ett positivt resultat på totalt 2 148 tkr för perioden".
    let result = match report.stated_value(&StatedFigure::PeriodResult) {
        Some(StatedValue::Amount { amount, .. }) => amount,
        _ => return Err("the report states no period result".into()),
    };
    let movement = EquityReconciliation::new(before.equity, result, now.equity);
    match movement.check() {
        Ok(()) => println!(
            "  Eget kapital {} + periodens resultat {} = {} tkr per {}: stämmer",
            sv.amount(movement.opening, Scale::Tkr),
            sv.amount(result, Scale::Tkr),
            sv.amount(movement.closing, Scale::Tkr),
            period.end()
        ),
        Err(e) => println!("  Eget kapital: {}", e.sv()),
    }
    // Section 1.5: "Den totala låneskulden uppgår till 15 mkr" — a given figure; the
    // balansräkning that would show it is not in the text.
    if let Some((_, borrowing, scale)) = k.total_borrowing {
        println!(
            "  Total låneskuld enligt texten: {} {} (kan inte stämmas av mot balansräkningen, som saknas)",
            sv.amount(borrowing, scale),
            scale.label()
        );
    }
    Ok(())
}
