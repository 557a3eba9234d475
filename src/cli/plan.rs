//! `cooldown plan --weekly-km N [--weeks K] [--format md|html|text|json] [--out FILE]`.

use super::Context;
use super::output::{emit, target};
use crate::domain::plan;
use crate::domain::values::{self, Field};
use crate::error::{Error, Result};
use crate::exchange::plan as pages;
use std::process::ExitCode;

const WEEKLY_KM: Field = values::real("weekly-km", "km", 5.0, 250.0);
const WEEKS: Field = values::int("weeks", "weeks", 1.0, 52.0);

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    Text,
    Md,
    Html,
    Json,
}

pub fn run(
    ctx: &Context,
    weekly_km: &str,
    weeks: Option<&str>,
    format: PlanFormat,
    out: Option<&std::path::Path>,
) -> Result<ExitCode> {
    let target = target(out, &ctx.db.path)?;
    let bad = |e: crate::domain::values::FieldError| {
        Error::bad_input(e.to_string(), "plan", "see `cooldown plan --help`")
    };
    let km = WEEKLY_KM.parse(weekly_km).map_err(bad)?;
    let weeks = weeks.map(|w| WEEKS.parse_int(w)).transpose().map_err(bad)?.unwrap_or(4) as u32;
    let plan = plan::plan(km, weeks, &ctx.routine, ctx.config.timers.foam_roll_seconds);
    let text = match format {
        PlanFormat::Text => pages::text(&plan),
        PlanFormat::Md => pages::markdown(&plan),
        PlanFormat::Html => pages::html(&plan),
        PlanFormat::Json => pages::json(&plan)?,
    };
    emit(&text, &target, "plan")?;
    Ok(ExitCode::SUCCESS)
}
