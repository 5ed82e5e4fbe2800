//! Finansiell analys and fem år i sammandrag of the exempelkommun ledger, with a
//! made-up budget and three-year plan: the RK model's four tables, the five-year
//! overview (computed and given figures marked), the balanskrav tested on every budget
//! and plan year, the financial goals per year, and budgetföljsamhet per ansvar.
//!
//! ```text
//! cargo run --example finansiell_analys [-- --format text|markdown|csv|html]
//! ```
//!
//! The ledger (`examples/data/exempelkommun.se`, read with
//! `examples/data/exempelkommun-karta.json`) gives the resultaträkning and
//! balansräkning of 2025 (of 2024 it has only the closing balances, so 2024 is left out
//! rather than shown with an empty resultaträkning), and the budget per ansvar.
//! Everything else — population, skattesats, employees, investments, the forecast made
//! in August 2025, the budget 2026 and the plan 2027–2028 — is INVENTED for the example
//! and labelled so in the output.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::BufReader;
use std::process::ExitCode;

use kommunal_redovisning::analysis::{
    BudgetAdherence, FinancialGoal, FinancialPlan, FiveYearOverview, PlannedInvestment, Population,
    RatioOptions, Scope, Series, YearFigures, YearKind, goals_table,
};
use kommunal_redovisning::ledger::{Chart, LedgerOperating, LedgerStatements, SieLedger};
use kommunal_redovisning::present::Table;
use kommunal_redovisning::sie::ReadOptions;
use kommunal_redovisning::statement::StatementLayout;
use kommunal_redovisning::{
    Amount, Decimal, EntityKind, FinancialYear, IncomeStatement, NumberFormat, Percent, Scale,
};

#[derive(Clone, Copy)]
enum Format {
    Text,
    Markdown,
    Csv,
    Html,
}

fn render(table: &Table, format: Format) -> String {
    let sv = NumberFormat::swedish();
    match format {
        Format::Text => table.to_text(&sv),
        Format::Markdown => table.to_markdown(&sv),
        Format::Csv => table.to_csv(','),
        Format::Html => table.to_html(&sv),
    }
}

fn main() -> ExitCode {
    let mut format = Format::Text;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next().as_deref()) {
            ("--format", Some("text")) => format = Format::Text,
            ("--format", Some("markdown")) => format = Format::Markdown,
            ("--format", Some("csv")) => format = Format::Csv,
            ("--format", Some("html")) => format = Format::Html,
            _ => {
                eprintln!("usage: finansiell_analys [--format text|markdown|csv|html]");
                return ExitCode::from(2);
            }
        }
    }
    match run(format) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("finansiell_analys: {e}");
            ExitCode::from(2)
        }
    }
}

/// `amount` × `factor` (an invented growth), rounded to whole tkr.
fn grow(amount: Amount, factor: &str) -> Result<Amount, Box<dyn std::error::Error>> {
    let f: Decimal = factor.parse()?;
    Ok(amount.checked_mul(f)?.round_to(
        Scale::Tkr,
        0,
        kommunal_redovisning::RoundingMode::HalfAwayFromZero,
    )?)
}

/// An invented plan year: revenue lines × `income`, cost lines × `costs`.
fn plan_year(
    base: &IncomeStatement,
    year: i32,
    kind: YearKind,
    income: &str,
    costs: &str,
) -> Result<YearFigures, Box<dyn std::error::Error>> {
    let rs = IncomeStatement {
        operating_revenue: grow(base.operating_revenue, income)?,
        operating_expenses: grow(base.operating_expenses, costs)?,
        depreciation: grow(base.depreciation, costs)?,
        tax_revenue: grow(base.tax_revenue, income)?,
        general_grants: grow(base.general_grants, income)?,
        financial_income: base.financial_income,
        financial_expenses: grow(base.financial_expenses, costs)?,
        ..Default::default()
    };
    Ok(YearFigures::new(FinancialYear::new(year), kind, rs)
        .with_label(format!("{} {year} (påhittad)", kind.label())))
}

fn run(format: Format) -> Result<(), Box<dyn std::error::Error>> {
    let data = |name: &str| format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let chart: Chart = serde_json::from_slice(&std::fs::read(data("exempelkommun-karta.json"))?)?;
    let file = std::fs::File::open(data("exempelkommun.se"))?;
    let ledger = SieLedger::read(BufReader::new(file), ReadOptions::default())?;
    let current = LedgerStatements::build(&ledger.trial_balance, &chart, 0)?;
    let year = ledger
        .financial_years
        .get(&0)
        .map_or(FinancialYear::new(2025), |(start, _)| {
            FinancialYear::of(*start)
        });
    let y = year.year();
    if !current.unmapped.is_empty() {
        return Err(format!("{} unmapped accounts", current.unmapped.len()).into());
    }
    current.balance.validate()?;

    println!(
        "Exempelkommunen (påhittad): finansiell analys {y}–{}",
        y + 3
    );
    println!(
        "Räkenskaperna {y} ur exempelkommun.se (för {} finns bara utgående balanser,",
        y - 1
    );
    println!("så det året visas inte). Invånare, skattesats, anställda, investeringar, prognosen");
    println!(
        "i augusti {y}, budget {} och plan {}–{} är PÅHITTADE för exemplet.\n",
        y + 1,
        y + 2,
        y + 3
    );

    // The outcome year: the ledger's statements plus invented figures the ledger lacks.
    let outcome = YearFigures::new(year, YearKind::Outcome, current.income.clone())
        .with_balance(current.balance.clone())
        .with_population(Population::december_31(1_250))
        .with_tax_rate(Percent::new(Decimal::new(2_199, 2)))
        .with_employees(110)
        .with_net_investments(Amount::tkr(4_500))
        .with_gross_investments(Amount::tkr(5_000));
    // An invented forecast made in August: costs 1 % lower than they turned out.
    let base = &current.income;
    let forecast = plan_year(base, y, YearKind::Forecast, "1", "0.99")?
        .with_label(format!("Prognos aug {y} (påhittad)"));

    // The invented budget and plan: revenue +3,5 % a year, costs faster in the last year.
    let plan = FinancialPlan::new(vec![
        plan_year(base, y + 1, YearKind::Budget, "1.035", "1.030")?
            .with_population(Population::november_1(1_255)),
        plan_year(base, y + 2, YearKind::Plan, "1.071", "1.072")?,
        plan_year(base, y + 3, YearKind::Plan, "1.108", "1.145")?,
    ])?
    .with_investment(
        PlannedInvestment::new("Ny förskola (påhittad)")
            .with_year(y + 1, Amount::tkr(2_500))
            .with_year(y + 2, Amount::tkr(2_000)),
    )
    .with_investment(
        PlannedInvestment::new("VA-sanering (påhittad)")
            .with_year(y + 1, Amount::tkr(1_500))
            .with_year(y + 2, Amount::tkr(1_500))
            .with_year(y + 3, Amount::tkr(2_000)),
    )
    .with_exceptional_reason(
        y + 3,
        "påhittat exempel: engångskostnad för omställning av äldreomsorgen",
    );

    let mut years = vec![forecast, outcome];
    years.extend(plan.to_series(Scope::Entity)?.years().iter().cloned());
    let series = Series::new(Scope::Entity, years)?;
    let options = RatioOptions::default();

    let analysis = series.financial_analysis(&options, Scale::Tkr)?;
    for (_, table) in &analysis.tables {
        println!("{}", render(table, format));
    }
    println!("{}", render(&analysis.development, format));
    if !analysis.unavailable.is_empty() {
        // One line per ratio and reason, with the columns it concerns.
        let mut lines: Vec<(String, String, Vec<String>)> = Vec::new();
        for u in &analysis.unavailable {
            match lines
                .iter_mut()
                .find(|(r, why, _)| r == u.ratio.name() && *why == u.reason)
            {
                Some((_, _, cols)) => cols.push(u.column.clone()),
                None => lines.push((
                    u.ratio.name().to_owned(),
                    u.reason.clone(),
                    vec![u.column.clone()],
                )),
            }
        }
        println!(
            "Ej beräkningsbara nyckeltal ({} värden):",
            analysis.unavailable.len()
        );
        for (ratio, why, cols) in lines {
            println!("  {ratio} ({}): {why}", cols.join(", "));
        }
        println!();
    }

    let overview = FiveYearOverview::from_series(&series)?;
    println!("{}", render(&overview.to_table(Scale::Tkr)?, format));
    println!("{}\n", overview.source_note());

    let goals = [
        FinancialGoal::result_share_at_least(Decimal::TWO),
        FinancialGoal::self_financing_at_least(Decimal::ONE_HUNDRED),
    ];
    println!(
        "{}",
        render(&goals_table(&goals, &series, &options)?, format)
    );

    let layout = StatementLayout::new(EntityKind::Kommun, FinancialYear::new(y + 1));
    println!(
        "{}",
        render(&plan.income_table(&layout, Scale::Tkr)?, format)
    );
    println!("{}", render(&plan.investment_table(Scale::Tkr)?, format));
    println!("{}", render(&plan.balance_test_table(Scale::Tkr)?, format));
    for test in plan.balance_tests()? {
        println!("  {test}");
    }
    let findings = plan.findings()?;
    if findings.is_empty() {
        println!("  Budget och plan uppfyller balanskravet (eller anger synnerliga skäl).\n");
    } else {
        for f in &findings {
            println!("  Iakttagelse: {f:?}");
        }
        println!();
    }

    let drift = LedgerOperating::build(&ledger.trial_balance, &chart, 1, &ledger.object_names)?;
    match BudgetAdherence::of(&drift.statement) {
        Ok(adherence) => println!("{}", render(&adherence.to_table(Scale::Tkr)?, format)),
        Err(e) => println!("Budgetföljsamhet kan inte beräknas: {e}\n"),
    }
    Ok(())
}
