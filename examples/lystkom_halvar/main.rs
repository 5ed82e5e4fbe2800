//! Kommunalförbundet Lystkom, delårsrapport 1 januari – 30 juni 2025: the figures the
//! report's text gives (`../shared/lystkom/`), recomputed and checked with this crate.
//!
//! Run with `cargo run --example lystkom_halvar`.
//!
//! Every figure below is quoted from the report text (section numbers in comments);
//! nothing is invented. The report's resultaträkning, balansräkning,
//! driftredovisning, investeringsredovisning and balanskravsutredning tables were
//! pictures in the original and are not in its text, so they are not reproduced.

#![allow(clippy::print_stdout, clippy::indexing_slicing)]

mod balanskrav;
mod financial_position;
mod forecast;
mod goals;
mod sick_leave;

use kommunal_redovisning::{Entity, EntityKind, Period};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lystkom = Entity::new("Kommunalförbundet Lystkom", EntityKind::Kommunalforbund);
    let period = Period::year_to_month_end(2025, 6)?;
    // LKBR 13 kap. 1 §: from 1 January, at least half and at most two thirds of the year.
    period.check_interim()?;

    println!("{} — delårsrapport {}", lystkom.name, period);
    println!(
        "Jämförelseperiod för resultaträkningen: {}; balansräkningen jämförs med {}.",
        period.income_comparison()?,
        period.balance_comparison_date()?
    );
    println!();

    financial_position::print(&period)?;

    println!();
    sick_leave::print(&period)?;
    println!();
    forecast::print()?;
    println!();
    balanskrav::print(&period)?;
    goals::print()?;

    println!();
    println!("Saknas i rapportens text (tabellerna var bilder i originalet):");
    for missing in [
        "2.1 Resultaträkning",
        "2.2 Balansräkning",
        "2.3 Driftredovisning (tabellen)",
        "2.4 Investeringsredovisning",
        "1.4 Balanskravsutredning (tabellen)",
    ] {
        println!("  – {missing}");
    }
    println!("Inga siffror har hittats på för dessa; de kan inte kontrolleras härifrån.");
    Ok(())
}
