//! `cooldown run --type T --minutes N …`: record a training session.

use super::{Context, context::now};
use crate::domain::records::Run;
use crate::domain::session::Session;
use crate::domain::values::{self, Field, FieldError};
use crate::error::{Error, Result};
use crate::store::Saved;
use chrono::{Local, NaiveTime, Timelike};
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
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

fn opt(field: Field, text: &Option<String>) -> std::result::Result<Option<f64>, FieldError> {
    text.as_deref().map(|t| field.parse(t)).transpose()
}

fn parse_at(text: &str) -> std::result::Result<NaiveTime, FieldError> {
    let shaped = text.len() == 5 && text.as_bytes()[2] == b':';
    match NaiveTime::parse_from_str(text, "%H:%M") {
        Ok(t) if shaped => Ok(t),
        _ => Err(FieldError::new("at", format!("'{text}' is not a time; write HH:MM, 00:00–23:59"))),
    }
}

fn build(ctx: &Context, a: &RunArgs) -> std::result::Result<Run, FieldError> {
    let kind = Session::parse_run(&a.kind).ok_or_else(|| {
        FieldError::new(
            "type",
            format!("'{}' is not one of easy, tempo, intervals, long, race, cross", a.kind),
        )
    })?;
    let minutes = values::MINUTES.parse_int(&a.minutes)? as u32;
    let now = Local::now().time();
    let at = match &a.at {
        Some(text) => parse_at(text)?,
        None => NaiveTime::from_hms_opt(now.hour(), now.minute(), 0).unwrap_or(NaiveTime::MIN),
    };
    if ctx.date == ctx.today && at > now {
        return Err(FieldError::new(
            "at",
            format!("{} is later than now; give the time the run ended", at.format("%H:%M")),
        ));
    }
    let mut run = Run::new(ctx.date, at, kind, minutes);
    run.km = opt(values::KM, &a.km)?;
    run.rpe = opt(values::RPE, &a.rpe)?.map(|v| v as u8);
    run.weight_before_kg = opt(values::WEIGHT_BEFORE, &a.weight_before)?;
    run.weight_after_kg = opt(values::WEIGHT_AFTER, &a.weight_after)?;
    run.fluid_l = opt(values::FLUID, &a.fluid_l)?;
    run.note = a.note.as_deref().map(|n| values::parse_text("note", n)).transpose()?;
    Ok(run)
}

pub fn run(ctx: &Context, args: &RunArgs) -> Result<ExitCode> {
    let run = build(ctx, args).map_err(|e| {
        Error::bad_input(e.to_string(), "run", "nothing was saved; see `cooldown run --help`")
    })?;
    let mut store = ctx.open_store()?;
    let saved = store.save_run(&run, now())?;
    let what = format!("{}, {} min", run.kind.label(), run.minutes);
    let (day, at) = (run.day, run.at.format("%H:%M"));
    match saved {
        Saved::New => println!("recorded: {what}, ended {at} on {day}"),
        Saved::Replaced => println!("replaced the run that ended {at} on {day}: {what}"),
    }
    let checklist = ctx.checklist(&store, ctx.date)?;
    println!(
        "checklist for {day} now follows: {} ({} min planned)",
        checklist.session.label(),
        checklist.planned_minutes()
    );
    Ok(ExitCode::SUCCESS)
}
