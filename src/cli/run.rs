//! `cooldown run --type T --minutes N …`: record a training session — always a new run
//! with its own id, never in place of one recorded before. `--edit ID` and `--delete ID`
//! change or remove one run instead (`run_edit`).

use super::Context;
use super::fields::{FieldArgs, Flags};
use super::output::say;
use super::run_edit;
use crate::domain::entry;
use crate::domain::fields::{Spec, Texts};
use crate::domain::records::{RUN_FIELDS, Run};
use crate::domain::units::Units;
use crate::domain::values::FieldError;
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::{NaiveDate, NaiveTime, Timelike};
use clap::{ArgGroup, Command};
use std::process::ExitCode;

/// The ids of `--edit` and `--delete`, which the field flags' rules name.
const EDIT: &str = "edit";
const DELETE: &str = "delete";
/// The group of every field flag.
const FIELDS: &str = "run_fields";

/// `run`'s flags: one per field of `RUN_FIELDS`. A new run needs its type and minutes;
/// an edit needs at least one field (or `--date`, checked when it runs), a delete none.
impl Flags for Run {
    const TABLE: &'static [Spec<Run>] = &RUN_FIELDS;

    fn rules(cmd: Command) -> Command {
        let required = RUN_FIELDS.iter().filter(|s| s.required).map(|s| s.column);
        let cmd = required.fold(cmd, |cmd, column| {
            cmd.mut_arg(column, |a| a.required(false).required_unless_present_any([EDIT, DELETE]))
        });
        cmd.group(ArgGroup::new(FIELDS).multiple(true).args(RUN_FIELDS.iter().map(|s| s.column)))
    }
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub fields: FieldArgs<Run>,
    /// Change the run with this id (`cooldown runs` lists them): only the options given
    /// change; --date moves it to that day
    #[arg(long, id = EDIT, value_name = "ID", conflicts_with = DELETE, display_order = 200)]
    pub edit: Option<String>,
    /// Delete the run with this id (its ticks stay with the day)
    #[arg(long, id = DELETE, value_name = "ID", conflicts_with = FIELDS, display_order = 201)]
    pub delete: Option<String>,
}

impl RunArgs {
    /// A usage error clap cannot see: `--edit` with nothing to change — no field, and no
    /// `--date` (a global option, which may come before the subcommand) to move it to.
    pub fn usage_error(&self, date_given: bool) -> Option<&'static str> {
        (self.edit.is_some() && self.fields.texts.is_empty() && !date_given).then_some(
            "run --edit needs a run option to change (e.g. --minutes 30), or --date to move the run",
        )
    }
}

/// The clock's time now, to the minute: what a run's end time defaults to, and the latest
/// a run of today may have ended.
pub(super) fn now_minute(ctx: &Context) -> NaiveTime {
    let now = ctx.clock.local().time();
    NaiveTime::from_hms_opt(now.hour(), now.minute(), 0).unwrap_or(NaiveTime::MIN)
}

fn build(ctx: &Context, texts: &Texts, units: Units) -> std::result::Result<Run, FieldError> {
    entry::refuse_empty(&RUN_FIELDS, texts, units)?;
    entry::run(ctx.date, ctx.today, now_minute(ctx), texts, units)
}

/// "checklist for 2026-11-28 now follows: easy run (18 min planned)".
pub(super) fn say_checklist(ctx: &Context, store: &Store, day: NaiveDate) -> Result<()> {
    let checklist = ctx.checklist(store, day)?;
    say(&format!(
        "checklist for {day} now follows: {} ({} min planned)",
        checklist.session.label(),
        checklist.planned_minutes()
    ))
}

pub fn run(ctx: &Context, args: &RunArgs) -> Result<ExitCode> {
    if let Some(id) = &args.edit {
        return run_edit::edit(ctx, id, &args.fields);
    }
    if let Some(id) = &args.delete {
        return run_edit::delete(ctx, id);
    }
    let fields = &args.fields;
    let run =
        build(ctx, &fields.texts, fields.units(ctx.units())).map_err(|e| fields.named(e)).map_err(|e| {
            Error::bad_input(e.to_string(), "run", "nothing was saved; see `cooldown run --help`")
        })?;
    let mut store = ctx.open_store()?;
    let id = store.save_run(&run, ctx.clock.now())?;
    let (day, at) = (run.day, run.at.format("%H:%M"));
    let km = run.km.map(|km| format!(", {}", ctx.units().distance(km))).unwrap_or_default();
    say(&format!("recorded run {id}: {}, {} min{km}, ended {at} on {day}", run.kind.label(), run.minutes))?;
    say_checklist(ctx, &store, ctx.date)?;
    Ok(ExitCode::SUCCESS)
}
