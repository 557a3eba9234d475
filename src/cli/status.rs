//! `cooldown status [--format TEXT]`: one line for a tmux or bar status line — the day's
//! verdict and any foam-roll timer (`EASY · foam quads 0:42`), or nothing at all (exit 0)
//! when there is nothing to say. A status bar runs it every second, so it only reads: the
//! database is opened read-only (a missing one is nothing to say, and is not created), and
//! a lock is waited for at most `WAIT` (then exit 75, stdout empty).

use super::Context;
use super::output::show;
pub use super::status_format::{Field, Format, parse as parse_format};
use crate::domain::checklist::Checklist;
use crate::domain::readiness::Level;
use crate::domain::timer::{Stored, StoredTimer};
use crate::error::Result;
use crate::store::Store;
use std::process::ExitCode;
use std::time::Duration;

/// The longest a status line waits for another process's lock.
pub const WAIT: Duration = Duration::from_millis(500);

/// The longest `{next}`, in characters.
const NEXT_CHARS: usize = 40;

/// `foam quads 0:42`, `foam quads 0:42 paused`, `foam quads +0:07`: the item's id in words
/// and the time left, or past the end.
pub fn timer_text(timer: &StoredTimer, wall_ms: i64) -> String {
    let name = crate::text::quote(&timer.item_id.replace('-', " "), 30);
    let (remaining, overtime) = timer.state.seconds_at(wall_ms);
    let clock = |s: u64| format!("{}:{:02}", s / 60, s % 60);
    match (timer.state, timer.state.state_at(wall_ms)) {
        (Stored::Paused { .. }, _) => format!("{name} {} paused", clock(remaining)),
        (_, "finished") => format!("{name} +{}", clock(overtime)),
        _ => format!("{name} {}", clock(remaining)),
    }
}

/// `EASY`, `GO CAUTION`; nothing before the morning is logged.
fn verdict_text(level: Level) -> String {
    if level == Level::NoData { String::new() } else { level.name().replace('_', " ") }
}

fn next_text(c: &Checklist, ctx: &Context) -> String {
    let at = c.first_to_do(ctx.clock.local());
    c.entries()
        .nth(at)
        .filter(|e| !e.ticked())
        .map(|e| crate::text::quote(&e.item.title, NEXT_CHARS))
        .unwrap_or_default()
}

pub fn run(ctx: &Context, format: Option<&Format>) -> Result<ExitCode> {
    let default = Format::default_format();
    let format = format.unwrap_or(&default);
    let Some(store) = Store::open_to_read(&ctx.db.path, WAIT)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let line = line(ctx, &store, format)?;
    if !line.is_empty() {
        show(&format!("{line}\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The status line for `--date` (today by default); what the format does not use is not read.
fn line(ctx: &Context, store: &Store, format: &Format) -> Result<String> {
    let verdict = if format.uses(Field::Verdict) {
        verdict_text(ctx.verdict(store, ctx.date)?.level)
    } else {
        String::new()
    };
    let timer = match format.uses(Field::Timer) {
        true => store.active_timer()?.map(|t| timer_text(&t, ctx.clock.unix_ms())).unwrap_or_default(),
        false => String::new(),
    };
    let checklist = match [Field::Done, Field::Total, Field::Next].iter().any(|f| format.uses(*f)) {
        true => Some(ctx.checklist(store, ctx.date)?),
        false => None,
    };
    let count = |n: fn(&Checklist) -> usize| {
        checklist
            .as_ref()
            .filter(|c| c.entries().next().is_some())
            .map(|c| n(c).to_string())
            .unwrap_or_default()
    };
    Ok(format.render(|field| match field {
        Field::Verdict => verdict.clone(),
        Field::Timer => timer.clone(),
        Field::Done => count(Checklist::done),
        Field::Total => count(Checklist::len),
        Field::Next => checklist.as_ref().map(|c| next_text(c, ctx)).unwrap_or_default(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn timer(state: Stored) -> StoredTimer {
        StoredTimer {
            day: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
            item_id: "foam-quads".into(),
            total: Duration::from_secs(90),
            state,
        }
    }

    #[test]
    fn a_timer_reads_running_paused_or_overtime() {
        let now = 1_000_000;
        assert_eq!(timer_text(&timer(Stored::Running { deadline_ms: now + 41_200 }), now), "foam quads 0:42");
        assert_eq!(
            timer_text(&timer(Stored::Paused { remaining_ms: 42_000 }), now),
            "foam quads 0:42 paused"
        );
        assert_eq!(timer_text(&timer(Stored::Running { deadline_ms: now - 7_000 }), now), "foam quads +0:07");
        assert_eq!(timer_text(&timer(Stored::Finished { at_ms: now - 67_000 }), now), "foam quads +1:07");
    }
}
