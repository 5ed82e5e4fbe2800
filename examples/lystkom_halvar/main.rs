//! Kommunalförbundet Lystkom, delårsrapport 1 januari – 30 juni 2025: the report
//! assembled from the facts its text gives (`../shared/lystkom/`), recomputed, checked
//! and rendered with this crate.
//!
//! Run with `cargo run --example lystkom_halvar`; add `-- --out DIR` to also write
//! the report as Markdown and HTML to `DIR` (without it, no files are written), and
//! `--mode publicering` for the form a kommun publishes (no review appendix, no
//! sentences about absent parts, zero lines hidden) instead of the review form with
//! every finding (`--mode granskning`, the default). With `--out`, the HTML is also
//! printed to PDF when headless Chromium is installed (`apt-get install chromium`),
//! and with `--features xlsx` the tables are written to an Excel workbook.
//! The command-line tool runs the same code as `kommunal lystkom` (`case.rs` and the
//! section modules are compiled into it).
//!
//! Every figure below is quoted from the report text (section numbers in comments);
//! nothing is invented. The report's resultaträkning, balansräkning,
//! driftredovisning, investeringsredovisning and balanskravsutredning tables were
//! pictures in the original and are not in its text, so they are not reproduced: the
//! checks list them as missing and the rendered documents say so in their place.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::indexing_slicing)]

mod assemble;
mod balanskrav;
mod case;
#[allow(dead_code)]
#[path = "../common/chromium.rs"]
mod chromium;
mod financial_position;
mod forecast;
mod goals;
mod printed_check;
mod sick_leave;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use kommunal_redovisning::report::DocumentMode;

const USAGE: &str = "användning: lystkom_halvar [--out KATALOG] [--mode publicering|granskning]\n  \
    --out KATALOG  skriv rapporten som Markdown och HTML i KATALOG\n  \
    --mode LÄGE    publicering (det en kommun trycker) eller granskning (med alla\n                 \
    iakttagelser; standard); engelska publish och review går också";

/// The command line: `--out DIR` (or `--out=DIR`), `--mode publish|review`, `--help`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    out: Option<PathBuf>,
    mode: DocumentMode,
    help: bool,
}

fn parse_mode(text: &str) -> Result<DocumentMode, String> {
    match text {
        "publicering" | "publish" => Ok(DocumentMode::Publish),
        "granskning" | "review" => Ok(DocumentMode::Review),
        other => Err(format!(
            "okänt läge: {other} (publicering eller granskning)"
        )),
    }
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        if arg == "--out" {
            let dir = it.next().ok_or("--out behöver en katalog")?;
            parsed.out = Some(PathBuf::from(dir));
        } else if let Some(dir) = arg.strip_prefix("--out=") {
            if dir.is_empty() {
                return Err("--out behöver en katalog".to_owned());
            }
            parsed.out = Some(PathBuf::from(dir));
        } else if arg == "--mode" {
            let mode = it
                .next()
                .ok_or("--mode behöver publicering eller granskning")?;
            parsed.mode = parse_mode(&mode)?;
        } else if let Some(mode) = arg.strip_prefix("--mode=") {
            parsed.mode = parse_mode(mode)?;
        } else if arg == "-h" || arg == "--help" {
            parsed.help = true;
        } else {
            return Err(format!("okänt argument: {arg}"));
        }
    }
    Ok(parsed)
}

/// An error for a person: a crate error in Swedish ([`kommunal_redovisning::Error::sv`]),
/// any other as it says itself.
fn swedish(e: &(dyn std::error::Error + 'static)) -> String {
    match e.downcast_ref::<kommunal_redovisning::Error>() {
        Some(k) => k.sv().to_string(),
        None => e.to_string(),
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.help {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match case::run(args.out.as_deref(), args.mode) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fel: {}", swedish(e.as_ref()));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Result<Args, String> {
        parse_args(v.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn arguments() {
        assert_eq!(args(&[]).unwrap(), Args::default());
        assert_eq!(args(&["--out", "x"]).unwrap().out, Some(PathBuf::from("x")));
        assert_eq!(args(&["--out=y"]).unwrap().out, Some(PathBuf::from("y")));
        assert!(args(&["--out"]).is_err());
        assert!(args(&["--out="]).is_err());
        assert!(args(&["--bogus"]).is_err());
        assert!(args(&["--help"]).unwrap().help);
        assert_eq!(args(&[]).unwrap().mode, DocumentMode::Review);
        assert_eq!(
            args(&["--mode", "publicering"]).unwrap().mode,
            DocumentMode::Publish
        );
        assert_eq!(
            args(&["--mode=publish"]).unwrap().mode,
            DocumentMode::Publish
        );
        assert!(args(&["--mode", "x"]).is_err());
        assert!(args(&["--mode"]).is_err());
    }
}
