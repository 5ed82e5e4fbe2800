//! 1.5 Utvärdering av ekonomisk ställning: eget kapital, tillgångar, soliditet, and the
//! check of periodens resultat against the change in eget kapital.

use kommunal_redovisning::present::{Column, RatioRow, TableRow, ValueKind};
use kommunal_redovisning::statement::RowKind;
use kommunal_redovisning::{
    Amount, EquityReconciliation, NumberFormat, Percent, Period, RoundingMode, Scale, Table, ratio,
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

    // Section 1.5 prints both balance dates side by side; the table is built from the
    // printed figures (balances at a date: stocks) and rendered by the crate.
    let mut table = Table::new(
        "1.5 Utvärdering av ekonomisk ställning",
        Scale::Tkr,
        vec![
            Column::outcome(printed[0].date),
            Column::prior_period(printed[1].date),
        ],
    );
    table.push_row(TableRow::new(
        "eget_kapital",
        "Eget kapital",
        RowKind::Line,
        ValueKind::Stock,
        printed.iter().map(|p| Some(p.equity)).collect(),
    ))?;
    table.push_row(TableRow::new(
        "tillgangar_totalt",
        "Tillgångar totalt",
        RowKind::Line,
        ValueKind::Stock,
        printed.iter().map(|p| Some(p.total_assets)).collect(),
    ))?;
    let mut computed = Vec::new();
    for p in &printed {
        computed.push(ratio::equity_ratio(p.equity, p.total_assets)?);
    }
    table.push_ratio(RatioRow {
        label: "Soliditet (beräknad)".into(),
        values: computed.iter().copied().map(Some).collect(),
        decimals: 1,
    })?;
    table.push_ratio(RatioRow {
        label: "Soliditet (tryckt)".into(),
        values: printed.iter().map(|p| Some(p.equity_ratio)).collect(),
        decimals: 1,
    })?;
    for (i, line) in table.to_text(&sv).lines().enumerate() {
        if i == 0 {
            println!("{line}");
        } else {
            println!("  {line}");
        }
    }

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
