//! `cooldown run --edit ID [options]` and `cooldown run --delete ID`: change or remove one
//! stored run by the id `cooldown runs` shows. An edit is checked as a whole with the rules
//! of a new run; a refusal changes nothing.

use super::Context;
use super::fields::FieldArgs;
use super::output::say;
use super::run::{now_minute, say_checklist};
use crate::domain::entry;
use crate::domain::records::{RUN_FIELDS, Run};
use crate::domain::units::Units;
use crate::error::{Error, Result};
use crate::store::RunEdit;
use std::process::ExitCode;

const EDIT: &str = "run --edit";
const DELETE: &str = "run --delete";

/// A run id as typed: a whole number from 1, digits only.
fn parse_id(text: &str, place: &str) -> Result<i64> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<i64>() {
        Ok(id) if digits && id > 0 => Ok(id),
        _ => {
            let shown: String = text.chars().take(24).collect();
            Err(Error::bad_input(
                format!("'{shown}' is not a run id"),
                place,
                "give a whole number from 1, as `cooldown runs` shows it",
            ))
        }
    }
}

fn no_run(id: i64, place: &str) -> Error {
    Error::bad_input(format!("no run {id}"), place, "see `cooldown runs` for the ids")
}

/// "run 12 (Sat 28 Nov, easy): minutes 300 → 30 · km 50 → 5", or "…: nothing changed".
fn changes(id: i64, edit: &RunEdit, units: Units) -> String {
    let (before, after) = (&edit.before, &edit.after);
    let mut parts = Vec::new();
    if before.day != after.day {
        parts.push(format!("date {} → {}", before.day, after.day));
    }
    for spec in &RUN_FIELDS {
        if (spec.get)(before) != (spec.get)(after) {
            // A field's value as the runner reads it, in their units; "–" when not logged.
            let shown = |run: &Run| spec.typed_in(run, units).unwrap_or_else(|| "–".to_string());
            parts.push(format!("{} {} → {}", spec.name, shown(before), shown(after)));
        }
    }
    let what = if parts.is_empty() { "nothing changed".to_string() } else { parts.join(" · ") };
    format!("run {id} ({}, {}): {what}", before.day.format("%a %-d %b"), before.kind.name())
}

pub fn edit(ctx: &Context, id: &str, fields: &FieldArgs<Run>) -> Result<ExitCode> {
    let id = parse_id(id, EDIT)?;
    let place = format!("{EDIT} {id}");
    let todo = "nothing was changed; see `cooldown run --help`";
    let (texts, units) = (&fields.texts, fields.units(ctx.units()));
    let refused = |e| Error::bad_input(fields.named(e).to_string(), &place, todo);
    entry::refuse_empty(&RUN_FIELDS, texts, units).map_err(refused)?;
    let mut store = ctx.open_store()?;
    let stored = store.run(id)?.ok_or_else(|| no_run(id, EDIT))?;
    let day = if ctx.date_given { ctx.date } else { stored.day };
    let wanted =
        entry::edited_run(&stored, day, ctx.today, now_minute(ctx), texts, units).map_err(refused)?;
    // Deleted from another terminal in between: still no such run, and nothing written.
    let edit = store.edit_run(id, &wanted, ctx.clock.now())?.ok_or_else(|| no_run(id, EDIT))?;
    say(&changes(id, &edit, ctx.units()))?;
    say_checklist(ctx, &store, edit.after.day)?;
    if edit.before.day != edit.after.day {
        say_checklist(ctx, &store, edit.before.day)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "deleted run 12: easy, 300 min, ended 09:00 on 2026-11-28 (its ticks stay with the day)".
fn deleted(id: i64, run: &Run) -> String {
    format!(
        "deleted run {id}: {}, {} min, ended {} on {} (its ticks stay with the day)",
        run.kind.name(),
        run.minutes,
        run.at.format("%H:%M"),
        run.day
    )
}

pub fn delete(ctx: &Context, id: &str) -> Result<ExitCode> {
    let id = parse_id(id, DELETE)?;
    let mut store = ctx.open_store()?;
    if ctx.date_given {
        // `--date` names the day the runner believes the run is on: a guard, not a move.
        match store.run(id)? {
            Some(run) if run.day != ctx.date => {
                return Err(Error::bad_input(
                    format!("run {id} is on {}, not on {}", run.day, ctx.date),
                    DELETE,
                    "check the id with `cooldown runs`; nothing was deleted",
                ));
            }
            _ => {}
        }
    }
    let run = store.delete_run(id)?.ok_or_else(|| no_run(id, DELETE))?;
    say(&deleted(id, &run))?;
    say_checklist(ctx, &store, run.day)?;
    Ok(ExitCode::SUCCESS)
}
