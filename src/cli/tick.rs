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
    let total = entry.sets_total;
    let done = if undo {
        store.untick_last(ctx.date, item_id)?
    } else {
        store.tick_next(ctx.date, item_id, total, ctx.clock.now())?
    };
    let state = match (total, done) {
        (1, 1) => "ticked".to_string(),
        (1, _) => "not ticked".to_string(),
        (t, d) => format!("{d}/{t} sets"),
    };
    say(&format!("{item_id}: {state} ({})", ctx.date))?;
    Ok(ExitCode::SUCCESS)
}
