//! `cooldown tick ITEM_ID [--undo]`: tick or untick one item of the day's checklist.

use super::Context;
use super::output::say;
use crate::error::{Error, Result};
use std::process::ExitCode;

pub fn run(ctx: &Context, item_id: &str, undo: bool) -> Result<ExitCode> {
    let mut store = ctx.open_store()?;
    let checklist = ctx.checklist(&store, ctx.date)?;
    let Some(entry) = checklist.entry(item_id) else {
        let ids: Vec<&str> = checklist.entries().map(|e| e.id()).collect();
        return Err(Error::bad_input(
            format!("'{item_id}' is not on the checklist for {} ({})", ctx.date, checklist.session.label()),
            "tick",
            format!("use one of: {}", ids.join(", ")),
        ));
    };
    let (total, day) = (entry.sets_total, entry.day);
    // An item carried from an earlier day's run is ticked on that day.
    let done = if undo {
        store.untick_last(day, item_id)?
    } else {
        store.tick_next(day, item_id, total, ctx.clock.now())?
    };
    let state = match (total, done) {
        (1, 1) => "ticked".to_string(),
        (1, _) => "not ticked".to_string(),
        (t, d) => format!("{d}/{t} sets"),
    };
    let from = if day == ctx.date { String::new() } else { format!(", from the run of {day}") };
    say(&format!("{item_id}: {state} ({}{from})", ctx.date))?;
    Ok(ExitCode::SUCCESS)
}
