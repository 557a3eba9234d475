//! `cooldown run --type T --minutes N …`: record a training session — always a new run
//! with its own id, never in place of one recorded before.

use super::Context;
use super::fields::{FieldArgs, Flags};
use super::output::say;
use crate::domain::entry;
use crate::domain::fields::{Spec, Texts};
use crate::domain::records::{RUN_FIELDS, Run};
use crate::domain::values::FieldError;
use crate::error::{Error, Result};
use chrono::{NaiveTime, Timelike};
use std::process::ExitCode;

/// `run`'s flags: one per field of `RUN_FIELDS`.
impl Flags for Run {
    const TABLE: &'static [Spec<Run>] = &RUN_FIELDS;
}

pub type RunArgs = FieldArgs<Run>;

fn build(ctx: &Context, texts: &Texts) -> std::result::Result<Run, FieldError> {
    entry::refuse_empty(&RUN_FIELDS, texts)?;
    let now = ctx.clock.local().time();
    let now = NaiveTime::from_hms_opt(now.hour(), now.minute(), 0).unwrap_or(NaiveTime::MIN);
    entry::run(ctx.date, ctx.today, now, texts)
}

pub fn run(ctx: &Context, args: &RunArgs) -> Result<ExitCode> {
    let run = build(ctx, &args.texts).map_err(|e| {
        Error::bad_input(e.to_string(), "run", "nothing was saved; see `cooldown run --help`")
    })?;
    let mut store = ctx.open_store()?;
    let id = store.save_run(&run, ctx.clock.now())?;
    let (day, at) = (run.day, run.at.format("%H:%M"));
    say(&format!("recorded run {id}: {}, {} min, ended {at} on {day}", run.kind.label(), run.minutes))?;
    let checklist = ctx.checklist(&store, ctx.date)?;
    say(&format!(
        "checklist for {day} now follows: {} ({} min planned)",
        checklist.session.label(),
        checklist.planned_minutes()
    ))?;
    Ok(ExitCode::SUCCESS)
}
