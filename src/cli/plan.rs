//! `cooldown plan --weekly-km N | --weekly-mi N [--weeks K] [--format md|html|text|json]
//! [--out FILE]`. The pages show distances in the config's units (JSON in kilometres).

use super::Context;
use super::output::{emit, target};
use crate::domain::plan;
use crate::domain::units::{Quantity, Units};
use crate::domain::values::{self, Field};
use crate::error::{Error, Result};
use crate::exchange::plan as pages;
use std::process::ExitCode;

const WEEKLY_KM: Field = values::real("weekly-km", "km", 5.0, 250.0).of(Quantity::Distance);
/// The same range, typed in miles (4–155 mi).
const WEEKLY_MI: Field = values::real("weekly-mi", "km", 5.0, 250.0).of(Quantity::Distance);
const WEEKS: Field = values::int("weeks", "weeks", 1.0, 52.0);

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    Text,
    Md,
    Html,
    Json,
}

/// The weekly volume as given: `--weekly-km` or `--weekly-mi`.
#[derive(Clone, Debug)]
pub enum Weekly {
    Km(String),
    Mi(String),
}

pub fn run(
    ctx: &Context,
    weekly: &Weekly,
    weeks: Option<&str>,
    format: PlanFormat,
    out: Option<&std::path::Path>,
) -> Result<ExitCode> {
    let target = target(out, &ctx.db.path)?;
    let bad = |e: crate::domain::values::FieldError| {
        Error::bad_input(e.to_string(), "plan", "see `cooldown plan --help`")
    };
    let km = match weekly {
        Weekly::Km(text) => WEEKLY_KM.parse_in(text, Units::METRIC),
        Weekly::Mi(text) => WEEKLY_MI.parse_in(text, Units::IMPERIAL),
    }
    .map_err(bad)?;
    let weeks = weeks.map(|w| WEEKS.parse_int(w)).transpose().map_err(bad)?.unwrap_or(4) as u32;
    // JSON stays in kilometres (CLI.md); the pages follow the runner's units.
    let units = if format == PlanFormat::Json { Units::METRIC } else { ctx.units() };
    let plan = plan::plan(km, weeks, ctx.routine()?, ctx.config.timers.foam_roll_seconds, units);
    let text = match format {
        PlanFormat::Text => pages::text(&plan),
        PlanFormat::Md => pages::markdown(&plan),
        PlanFormat::Html => pages::html(&plan),
        PlanFormat::Json => pages::json(&plan)?,
    };
    emit(&text, &target, "plan")?;
    Ok(ExitCode::SUCCESS)
}
