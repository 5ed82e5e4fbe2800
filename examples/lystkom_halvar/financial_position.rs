//! 1.5 Utvärdering av ekonomisk ställning: eget kapital, tillgångar, soliditet, and the
//! check of periodens resultat against the change in eget kapital.

use kommunal_redovisning::{
    Amount, EquityReconciliation, NumberFormat, Percent, Period, RoundingMode, Scale, ratio,
};
use rust_decimal::Decimal;

/// One balance date as the report prints it (tkr, soliditet to one decimal).
struct Printed {
    date: &'static str,
    equity: Amount,
    total_assets: Amount,
    equity_ratio: Percent,
}

pub fn print(period: &Period) -> Result<(), Box<dyn std::error::Error>> {
    // Section 1.5, "Eget kapital / Tillgångar totalt / Soliditet".
    let printed = [
        Printed {
            date: "2025-06-30",
            equity: Amount::tkr(8_521),
            total_assets: Amount::tkr(36_631),
            equity_ratio: Percent::new(Decimal::new(233, 1)),
        },
        Printed {
            date: "2024-12-31",
            equity: Amount::tkr(6_373),
            total_assets: Amount::tkr(29_663),
            equity_ratio: Percent::new(Decimal::new(215, 1)),
        },
    ];
    let sv = NumberFormat::swedish();
    let sv1 = sv.with_decimals(1);

    println!("1.5 Utvärdering av ekonomisk ställning (tkr)");
    let header = ["", printed[0].date, printed[1].date];
    let mut rows: Vec<[String; 3]> = vec![header.map(str::to_owned)];
    rows.push([
        "Eget kapital".into(),
        sv.amount(printed[0].equity, Scale::Tkr),
        sv.amount(printed[1].equity, Scale::Tkr),
    ]);
    rows.push([
        "Tillgångar totalt".into(),
        sv.amount(printed[0].total_assets, Scale::Tkr),
        sv.amount(printed[1].total_assets, Scale::Tkr),
    ]);
    let mut computed = Vec::new();
    for p in &printed {
        let s = ratio::equity_ratio(p.equity, p.total_assets)?;
        computed.push(s);
    }
    rows.push([
        "Soliditet (beräknad)".into(),
        sv1.percent(computed[0]),
        sv1.percent(computed[1]),
    ]);
    rows.push([
        "Soliditet (tryckt)".into(),
        sv1.percent(printed[0].equity_ratio),
        sv1.percent(printed[1].equity_ratio),
    ]);
    print_aligned(&rows);

    for (p, s) in printed.iter().zip(&computed) {
        let rounded = s.round(1, RoundingMode::HalfAwayFromZero);
        let verdict = if rounded == p.equity_ratio {
            "stämmer"
        } else {
            "STÄMMER INTE"
        };
        println!(
            "  Soliditet {}: {} / {} = {} → {} ({verdict} med rapportens {})",
            p.date,
            sv.amount(p.equity, Scale::Tkr),
            sv.amount(p.total_assets, Scale::Tkr),
            sv.with_decimals(4).percent(*s),
            sv1.percent(rounded),
            sv1.percent(p.equity_ratio),
        );
    }

    // Section 2.3: "ett positivt resultat på totalt 2 148 tkr för perioden".
    let result = Amount::tkr(2_148);
    let movement = EquityReconciliation::new(printed[1].equity, result, printed[0].equity);
    match movement.check() {
        Ok(()) => println!(
            "  Eget kapital {} + periodens resultat {} = {} tkr per {}: stämmer",
            sv.amount(movement.opening, Scale::Tkr),
            sv.amount(result, Scale::Tkr),
            sv.amount(movement.closing, Scale::Tkr),
            period.end()
        ),
        Err(e) => println!("  Eget kapital: {e}"),
    }
    // Section 1.5: "Den totala låneskulden uppgår till 15 mkr" — a given figure; the
    // balansräkning that would show it is not in the text.
    println!(
        "  Total låneskuld enligt texten: {} mnkr (kan inte stämmas av mot balansräkningen, som saknas)",
        sv.amount(Amount::mnkr(15), Scale::Mnkr)
    );
    Ok(())
}

/// Left-aligned first column, right-aligned figures; widths from the content.
fn print_aligned(rows: &[[String; 3]]) {
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    for r in rows {
        println!("  {:<w0$}  {:>w1$}  {:>w2$}", r[0], r[1], r[2]);
    }
}
