//! The command line (CLI.md): global options, one small file per subcommand.

mod backup;
mod checklist;
mod export;
mod fields;
mod import;
mod log;
mod log_clear;
mod output;
mod plan;
mod print;
mod progress;
mod run;
mod run_edit;
mod runs;
mod seed_demo;
mod status;
mod status_format;
mod tick;
mod trends;
mod verdict;

use crate::clock::Clock;
use crate::context::{Context, Options};

use crate::error::Error;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Exit codes: 0 ok · 2 usage · 65 bad input · 69 database not usable · 74 I/O error · 75 busy.
Data: $COOLDOWN_DB or ~/.local/share/cooldown/cooldown.db; config: $COOLDOWN_CONFIG or
~/.config/cooldown/config.toml (a routine.toml beside it replaces the built-in routine).";

/// cooldown — the recovery routine that finishes every run.
///
/// With no command it opens the dashboard.
#[derive(Debug, Parser)]
#[command(name = "cooldown", version)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, clap::Args)]
pub struct Globals {
    /// The SQLite file [default: $COOLDOWN_DB, else <data dir>/cooldown.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<OsString>,
    /// The TOML config [default: $COOLDOWN_CONFIG, else <config dir>/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<OsString>,
    /// The day to act on or open the dashboard at [default: today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Use a temporary database filled with ~120 days of generated history (not with --db)
    #[arg(long, global = true, conflicts_with = "db")]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record the morning markers for the day (at least one; a second call keeps the others)
    Log(log::LogArgs),
    /// The readiness verdict for the day: train as planned, delay intensity, or rest — and why
    Verdict {
        /// Machine-readable output (fields as in CLI.md)
        #[arg(long)]
        json: bool,
        /// Also list every rule that ran, with today's value, baseline and threshold
        #[arg(long, conflicts_with = "json")]
        explain: bool,
    },
    /// A compact summary per marker: latest value, 7-day mean, usual range, direction
    Trends {
        /// One marker: hrv, rhr, sleep, soreness, hop, balance or load
        #[arg(long, value_name = "M")]
        marker: Option<String>,
        /// How many days up to --date to look at, 7–3650 [default: 28]
        #[arg(long, value_name = "N")]
        days: Option<String>,
    },
    /// Print the recovery checklist for the day, ticked state included
    Checklist {
        /// Machine-readable output (fields as in CLI.md)
        #[arg(long)]
        json: bool,
    },
    /// Tick (or untick) one checklist item; a sets item ticks its next set
    Tick {
        /// The item's id, as `cooldown checklist` shows it
        item_id: String,
        /// Untick instead (the last set of a sets item)
        #[arg(long)]
        undo: bool,
    },
    /// Record a training session (--type, --minutes), or change (--edit ID) or delete (--delete ID) one
    Run(run::RunArgs),
    /// The runs of the last N days up to --date, with the ids `run --edit` and `run --delete` take
    Runs {
        /// How many days up to --date, 1–3650 [default: 14]
        #[arg(long, value_name = "N")]
        days: Option<String>,
        /// Machine-readable output: an array of runs, every field by its column
        #[arg(long)]
        json: bool,
    },
    /// Import files or folders (`-` reads standard input), the format found from the content; all or nothing
    Import {
        /// Files or folders: our CSVs (markers, runs, ticks), FIT/GPX/TCX, wellness exports, .gz and .zip of them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        /// Print what would change, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Export markers, runs, ticks or verdicts as CSV or JSON
    Export {
        #[arg(long, value_enum, default_value = "markers")]
        what: export::What,
        #[arg(long, value_enum, default_value = "csv")]
        format: export::Format,
        /// Write here (atomically, 0600) instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// A consistent copy of the database (SQLite's backup API), checked after writing
    Backup {
        /// Where the copy goes (replaced atomically)
        file: PathBuf,
    },
    /// The day's checklist for paper, as Markdown or a self-contained HTML page
    Print {
        #[arg(long, value_enum, default_value = "md")]
        format: print::PageFormat,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// A week-by-week template for a weekly mileage, each day with its recovery routine
    #[command(group = clap::ArgGroup::new("weekly").required(true).args(["weekly_km", "weekly_mi"]))]
    Plan {
        /// Kilometres a week, 5–250
        #[arg(long, value_name = "N")]
        weekly_km: Option<String>,
        /// Miles a week, 4–155 (the same range)
        #[arg(long, value_name = "N")]
        weekly_mi: Option<String>,
        /// How many weeks, 1–52 [default: 4]
        #[arg(long, value_name = "K")]
        weeks: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: plan::PlanFormat,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// One line for a tmux or bar status line: the day's verdict and any foam-roll timer
    /// ("EASY · foam quads 0:42"); nothing, exit 0, when there is nothing to say. Only
    /// reads (a missing database is not created); waits at most 0.5 s for a lock (exit 75).
    Status {
        /// The line: {verdict}, {timer}, {done}, {total}, {next}; {{ and }} for a brace.
        /// Text between placeholders shows only when both have something to say.
        #[arg(long, value_name = "TEXT", value_parser = status::parse_format)]
        format: Option<status::Format>,
    },
    /// Write the generated demo history, ending on --date, into --db (which must hold no data)
    SeedDemo {
        /// How many days, 1–3650 [default: 120]
        #[arg(long, value_name = "N")]
        days: Option<String>,
    },
}

/// Parses the command line, runs it on `clock`, and turns the outcome into an exit code.
pub fn main(clock: Result<Clock, String>) -> ExitCode {
    let cli = parse();
    let clock =
        clock.map_err(|e| Error::bad_input(e, crate::clock::PIN_VAR, "unset it to use the system clock"));
    match clock.and_then(|clock| dispatch(cli, clock)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("cooldown: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}

/// The command line, `--help` ending with the value ranges of the field tables.
fn parse() -> Cli {
    let help = format!("{}\n\n{AFTER_HELP}", fields::ranges());
    let mut command = Cli::command().after_help(help);
    let matches = command.get_matches_mut();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some(Command::Run(args)) = &cli.command
        && let Some(message) = args.usage_error(cli.globals.date.is_some())
    {
        command.error(clap::error::ErrorKind::MissingRequiredArgument, message).exit();
    }
    cli
}

impl Globals {
    fn options(&self) -> Options {
        Options { db: self.db.clone(), config: self.config.clone(), date: self.date.clone(), demo: self.demo }
    }
}

fn dispatch(cli: Cli, clock: Clock) -> Result<ExitCode, Error> {
    let ctx = Context::new(&cli.globals.options(), clock)?;
    let writes = matches!(
        cli.command,
        Some(
            Command::Log(_) | Command::Run(_) | Command::Tick { .. } | Command::Import { dry_run: false, .. }
        )
    );
    let result = run_command(&ctx, cli.command);
    // After the command's own work (and output), whatever its outcome (rule 17).
    ctx.sweep_db_folder();
    let code = result?;
    if writes && ctx.is_demo() {
        eprintln!("cooldown: demo: this change is not kept (--demo works on a temporary database)");
    }
    Ok(code)
}

fn run_command(ctx: &Context, command: Option<Command>) -> Result<ExitCode, Error> {
    match command {
        None => crate::tui::run(ctx),
        Some(Command::Log(args)) => log::run(ctx, &args),
        Some(Command::Verdict { json, explain }) => verdict::run(ctx, json, explain),
        Some(Command::Trends { marker, days }) => trends::run(ctx, marker.as_deref(), days.as_deref()),
        Some(Command::Checklist { json }) => checklist::run(ctx, json),
        Some(Command::Tick { item_id, undo }) => tick::run(ctx, &item_id, undo),
        Some(Command::Run(args)) => run::run(ctx, &args),
        Some(Command::Runs { days, json }) => runs::run(ctx, days.as_deref(), json),
        Some(Command::Status { format }) => status::run(ctx, format.as_ref()),
        Some(Command::SeedDemo { days }) => seed_demo::run(ctx, days.as_deref()),
        Some(Command::Import { paths, dry_run }) => import::run(ctx, &paths, dry_run),
        Some(Command::Export { what, format, out }) => export::run(ctx, what, format, out.as_deref()),
        Some(Command::Backup { file }) => backup::run(ctx, &file),
        Some(Command::Print { format, out }) => print::run(ctx, format, out.as_deref()),
        Some(Command::Plan { weekly_km, weekly_mi, weeks, format, out }) => {
            let weekly = match (weekly_km, weekly_mi) {
                (Some(km), _) => plan::Weekly::Km(km),
                (None, mi) => plan::Weekly::Mi(mi.unwrap_or_default()),
            };
            plan::run(ctx, &weekly, weeks.as_deref(), format, out.as_deref())
        }
    }
}
