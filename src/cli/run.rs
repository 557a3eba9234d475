//! `cooldown run --type T --minutes N …`: record a training session.

use super::Context;
use super::output::say;
use crate::domain::entry::{self, RunTexts};
use crate::domain::records::Run;
use crate::domain::values::FieldError;
use crate::error::{Error, Result};
use crate::store::Saved;
use chrono::{NaiveTime, Timelike};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(allow_negative_numbers = true)]
pub struct RunArgs {
    /// easy, tempo, intervals, long, race or cross
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: String,
    /// Duration, 1–1440
    #[arg(long, value_name = "N")]
    pub minutes: String,
    /// Distance, 0–1000
    #[arg(long, value_name = "X")]
    pub km: Option<String>,
    /// Session effort, 1–10 (CR-10)
    #[arg(long, value_name = "1-10")]
    pub rpe: Option<String>,
    /// Body weight before the run, 20–300 kg
    #[arg(long, value_name = "KG")]
    pub weight_before: Option<String>,
    /// Body weight after the run, 20–300 kg
    #[arg(long, value_name = "KG")]
    pub weight_after: Option<String>,
    /// Litres drunk during the run, 0–20
    #[arg(long, value_name = "L")]
    pub fluid_l: Option<String>,
    /// When the run ended [default: now]; the same day and time replaces that run
    #[arg(long, value_name = "HH:MM")]
    pub at: Option<String>,
    /// A note on the run, up to 500 characters on one line
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
}

fn build(ctx: &Context, a: &RunArgs) -> std::result::Result<Run, FieldError> {
    let texts = RunTexts {
        kind: a.kind.clone(),
        minutes: a.minutes.clone(),
        km: a.km.clone(),
        rpe: a.rpe.clone(),
        weight_before: a.weight_before.clone(),
        weight_after: a.weight_after.clone(),
        fluid_l: a.fluid_l.clone(),
        at: a.at.clone(),
        note: a.note.clone(),
    };
    let given = [
        ("type", &Some(texts.kind.clone())),
        ("minutes", &Some(texts.minutes.clone())),
        ("km", &texts.km),
        ("rpe", &texts.rpe),
        ("weight-before", &texts.weight_before),
        ("weight-after", &texts.weight_after),
        ("fluid-l", &texts.fluid_l),
        ("at", &texts.at),
        ("note", &texts.note),
    ];
    entry::refuse_empty(&given)?;
    let now = ctx.clock.local().time();
    let now = NaiveTime::from_hms_opt(now.hour(), now.minute(), 0).unwrap_or(NaiveTime::MIN);
    entry::run(ctx.date, ctx.today, now, &texts)
}

pub fn run(ctx: &Context, args: &RunArgs) -> Result<ExitCode> {
    let run = build(ctx, args).map_err(|e| {
        Error::bad_input(e.to_string(), "run", "nothing was saved; see `cooldown run --help`")
    })?;
    let mut store = ctx.open_store()?;
    let saved = store.save_run(&run, ctx.clock.now())?;
    let what = format!("{}, {} min", run.kind.label(), run.minutes);
    let (day, at) = (run.day, run.at.format("%H:%M"));
    match saved {
        Saved::New => say(&format!("recorded: {what}, ended {at} on {day}"))?,
        Saved::Replaced => say(&format!("replaced the run that ended {at} on {day}: {what}"))?,
    }
    let checklist = ctx.checklist(&store, ctx.date)?;
    say(&format!(
        "checklist for {day} now follows: {} ({} min planned)",
        checklist.session.label(),
        checklist.planned_minutes()
    ))?;
    Ok(ExitCode::SUCCESS)
}
