//! Kommunalförbundet Lystkom, delårsrapport 1 januari – 30 juni 2025: the report
//! assembled from the facts its text gives (`../shared/lystkom/`), recomputed, checked
//! and rendered with this crate.
//!
//! Run with `cargo run --example lystkom_halvar`; add `-- --out DIR` to also write
//! `lystkom-delarsrapport-2025.md` and `lystkom-delarsrapport-2025.html` to `DIR`
//! (without it, no files are written). The command-line tool runs the same code as
//! `kommunal lystkom` (`case.rs` and the section modules are compiled into it).
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
mod financial_position;
mod forecast;
mod goals;
mod printed_check;
mod sick_leave;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "användning: lystkom_halvar [--out KATALOG]\n  \
    --out KATALOG  skriv lystkom-delarsrapport-2025.md och .html i KATALOG";

/// The command line: `--out DIR` (or `--out=DIR`), `--help`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Args {
    out: Option<PathBuf>,
    help: bool,
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
        } else if arg == "-h" || arg == "--help" {
            parsed.help = true;
        } else {
            return Err(format!("okänt argument: {arg}"));
        }
    }
    Ok(parsed)
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
    match case::run(args.out.as_deref()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fel: {e}");
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
    }
}
