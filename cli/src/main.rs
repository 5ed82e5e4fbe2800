//! `kommunal`: the command-line tool of kommunal-redovisning.
//!
//! ```text
//! cargo install --path cli
//! kommunal rapport FIL.se --format markdown   # SIE → resultaträkning, balansräkning, drift
//! kommunal lint FIL.se...                      # SIE-diagnostik, antal och summor
//! kommunal granska TRYCKT.json                 # granska en tryckt resultat-/balansräkning
//! kommunal lystkom [--out KATALOG] [--mode publicering|granskning]             # det genomarbetade fallet Lystkom
//! ```
//!
//! Exit status (documented in `--help` and the README): 0 nothing to report, 1 findings,
//! 2 input that cannot be read (or wrong arguments).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgAction, Args, Parser, Subcommand};

mod granska;
mod lint;
mod progress;
mod rapport;
mod style;
mod sv;

/// The worked case, shared with the library's `lystkom_halvar` example: its files are
/// compiled here as they are there.
#[path = "../../examples/lystkom_halvar"]
#[allow(
    dead_code,
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::indexing_slicing
)]
mod lystkom {
    pub mod assemble;
    pub mod balanskrav;
    pub mod case;
    #[path = "../common/chromium.rs"]
    pub mod chromium;
    pub mod financial_position;
    pub mod forecast;
    pub mod goals;
    pub mod printed_check;
    pub mod sick_leave;
    pub mod text;
}

/// The help layout with Swedish headings (clap's own are English).
const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Användning: {usage}

{all-args}{after-help}";

/// The exit statuses, shown at the end of every `--help`.
pub const EXIT_CODES: &str = "\
Slutstatus:
  0  inget att anmärka
  1  fynd: diagnostik på felnivå i SIE-filen (t.ex. en avkortad fil eller en
     verifikation som inte balanserar), konton utanför kontoplanen, en balansräkning
     som inte balanserar, tryckta belopp som inte stämmer
  2  indata kunde inte läsas (filen saknas, är tom, är inte SIE eller inte giltig
     JSON) eller felaktiga argument";

/// kommunal — kommunal redovisning från kommandoraden: SIE-fil till resultaträkning,
/// balansräkning och driftredovisning, diagnostik av SIE-filer, granskning av tryckta
/// rapporter och det genomarbetade fallet Lystkom.
#[derive(Debug, Parser)]
#[command(
    name = "kommunal",
    version,
    help_template = TEMPLATE,
    after_help = EXIT_CODES,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Kommandon",
    subcommand_value_name = "KOMMANDO",
    next_help_heading = "Flaggor"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Visa hjälp
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, display_order = 100)]
    help: Option<bool>,
    /// Visa versionen
    #[arg(short = 'V', long = "version", action = ArgAction::Version, display_order = 101)]
    version: Option<bool>,
}

/// clap's own messages are English: the common argument errors in Swedish, with the
/// usage, and exit status 2.
fn argument_error(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let get = |kind| err.get(kind).map(ToString::to_string).unwrap_or_default();
    let message = match err.kind() {
        ErrorKind::MissingRequiredArgument => {
            format!(
                "obligatoriskt argument saknas: {}",
                get(ContextKind::InvalidArg)
            )
        }
        ErrorKind::UnknownArgument => format!("okänt argument: {}", get(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            format!("okänt kommando: {}", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = get(ContextKind::ValidValue);
            format!(
                "ogiltigt värde {:?} för {}{}",
                get(ContextKind::InvalidValue),
                get(ContextKind::InvalidArg),
                if valid.is_empty() {
                    String::new()
                } else {
                    format!(" (möjliga värden: {valid})")
                }
            )
        }
        ErrorKind::ArgumentConflict => format!(
            "{} kan inte kombineras med {}",
            get(ContextKind::InvalidArg),
            get(ContextKind::PriorArg)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "ett kommando behövs: rapport, lint, granska eller lystkom".to_owned()
        }
        other => format!("felaktiga argument ({other})"),
    };
    let usage = get(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if usage.is_empty() {
        format!("kommunal: {message}\n\nMer information: kommunal --help")
    } else {
        format!("kommunal: {message}\n\nAnvändning: {usage}\n\nMer information: kommunal --help")
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// SIE-fil → resultaträkning, balansräkning, nyckeltal och driftredovisning
    #[command(
        help_template = TEMPLATE,
        after_help = EXIT_CODES,
        disable_help_flag = true,
        next_help_heading = "Flaggor",
        override_usage = "kommunal rapport [FLAGGOR] <FIL>\n       kommunal rapport --exempel [FLAGGOR]"
    )]
    Rapport(rapport::RapportArgs),
    /// Läs SIE-filer och visa diagnostik, antal poster och summor per konto
    #[command(
        help_template = TEMPLATE,
        after_help = EXIT_CODES,
        disable_help_flag = true,
        next_help_heading = "Flaggor",
        override_usage = "kommunal lint [--json] <FIL>..."
    )]
    Lint(lint::LintArgs),
    /// Granska en tryckt resultaträkning eller balansräkning (JSON)
    #[command(
        help_template = TEMPLATE,
        after_help = EXIT_CODES,
        disable_help_flag = true,
        next_help_heading = "Flaggor",
        override_usage = "kommunal granska [--json] <FIL.json>"
    )]
    Granska(granska::GranskaArgs),
    /// Kommunalförbundet Lystkoms delårsrapport 2025: sammanställd, kontrollerad och
    /// återgiven
    #[command(
        help_template = TEMPLATE,
        after_help = EXIT_CODES,
        disable_help_flag = true,
        next_help_heading = "Flaggor",
        override_usage = "kommunal lystkom [--out KATALOG] [--mode publicering|granskning]"
    )]
    Lystkom(LystkomArgs),
}

/// The worked case's arguments.
#[derive(Debug, Args)]
struct LystkomArgs {
    /// Skriv lystkom-delarsrapport-2025-LÄGE.md och .html (och .pdf med Chromium) i
    /// KATALOG (utan den skrivs inga filer)
    #[arg(long, value_name = "KATALOG")]
    out: Option<PathBuf>,
    /// Dokumentets form: publicering (det en kommun trycker) eller granskning (med alla
    /// iakttagelser; standard)
    #[arg(
        long,
        value_enum,
        value_name = "LÄGE",
        default_value_t = Mode::Granskning,
        hide_default_value = true,
        hide_possible_values = true
    )]
    mode: Mode,
}

/// The document's form for `kommunal lystkom --mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Mode {
    /// Det en kommun trycker.
    Publicering,
    /// Med alla iakttagelser.
    Granskning,
}

impl Mode {
    fn document_mode(self) -> kommunal_redovisning::report::DocumentMode {
        match self {
            Mode::Publicering => kommunal_redovisning::report::DocumentMode::Publish,
            Mode::Granskning => kommunal_redovisning::report::DocumentMode::Review,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) =>
        {
            // Help and version go to standard output with status 0.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{}", argument_error(&e));
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Rapport(args) => rapport::main(&args),
        Command::Lint(args) => lint::main(&args),
        Command::Granska(args) => granska::main(&args),
        Command::Lystkom(args) => lystkom_main(&args),
    }
}

/// `kommunal lystkom`: 1 when a figure of the report does not agree with what it is
/// checked against. The parts the source lacks (its tables were pictures) are listed
/// but are known absences of the source, not findings.
fn lystkom_main(args: &LystkomArgs) -> ExitCode {
    match lystkom::case::run(args.out.as_deref(), args.mode.document_mode()) {
        Ok(outcome) if outcome.inconsistent == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("kommunal lystkom: {}", rapport::swedish(e.as_ref()));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn lystkom_out_takes_a_directory() {
        let cli = Cli::try_parse_from(["kommunal", "lystkom", "--out", "x"]).unwrap();
        let Command::Lystkom(args) = cli.command else {
            panic!("not lystkom")
        };
        assert_eq!(args.out, Some(PathBuf::from("x")));
        assert!(Cli::try_parse_from(["kommunal", "lystkom", "--out"]).is_err());
        assert!(Cli::try_parse_from(["kommunal", "lystkom", "--bogus"]).is_err());
    }
}
