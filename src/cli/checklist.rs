//! `cooldown checklist [--json]`: the day's checklist, ticked state included.

use super::Context;
use crate::domain::checklist::{Checklist, Entry};
use crate::domain::routine::ItemKind;
use crate::domain::timer::StoredTimer;
use crate::error::{Error, Result};
use crate::text;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct ChecklistJson<'a> {
    date: String,
    session: &'a str,
    planned_minutes: u32,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    title: &'a str,
    phase: &'a str,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sets_total: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sets_done: Option<u8>,
    ticked: bool,
    optional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    /// Present while a timer exists for the item (running, paused, or finished and not
    /// yet acknowledged).
    #[serde(skip_serializing_if = "Option::is_none")]
    timer: Option<TimerJson>,
}

#[derive(Serialize)]
struct TimerJson {
    state: &'static str,
    remaining_s: u64,
    overtime_s: u64,
}

fn item_json<'a>(e: &'a Entry, timer: Option<&StoredTimer>, wall_ms: i64) -> ItemJson<'a> {
    let sets = matches!(e.item.kind, ItemKind::Sets { .. });
    ItemJson {
        id: e.id(),
        title: &e.item.title,
        phase: &e.item.phase,
        kind: e.item.kind.name(),
        seconds: e.seconds,
        sets_total: sets.then_some(e.sets_total),
        sets_done: sets.then_some(e.sets_done),
        ticked: e.ticked(),
        optional: e.item.optional,
        note: e.item.note.as_deref(),
        timer: timer.filter(|t| t.item_id == e.id()).map(|t| {
            let (remaining_s, overtime_s) = t.state.seconds_at(wall_ms);
            TimerJson { state: t.state.state_at(wall_ms), remaining_s, overtime_s }
        }),
    }
}

/// The checklist as CLI.md's JSON; `timer` is the stored timer, read at `wall_ms`.
pub fn to_json(c: &Checklist, timer: Option<&StoredTimer>, wall_ms: i64) -> Result<String> {
    let timer = timer.filter(|t| t.day == c.date);
    let doc = ChecklistJson {
        date: c.date.to_string(),
        session: c.session.name(),
        planned_minutes: c.planned_minutes(),
        items: c.entries().map(|e| item_json(e, timer, wall_ms)).collect(),
    };
    serde_json::to_string_pretty(&doc)
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "checklist", "report this as a bug"))
}

pub fn to_text(c: &Checklist) -> String {
    let mut out = format!(
        "{} · {} · {} min planned · {}/{} done\n",
        c.date.format("%a %-d %b %Y"),
        c.session.label(),
        c.planned_minutes(),
        c.done(),
        c.len()
    );
    let width = c.entries().map(|e| e.id().len()).max().unwrap_or(0);
    for group in &c.groups {
        out.push_str(&format!("\n{} ({})\n", group.phase.title, group.phase.window));
        for e in &group.entries {
            let mut line = format!("  {:<5} {:<width$}  {}", text::mark(e), e.id(), e.item.title);
            if let Some(s) = e.seconds {
                line.push_str(&format!(" · {}", text::duration(s)));
            }
            if e.item.optional {
                line.push_str(" (optional)");
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

pub fn run(ctx: &Context, json: bool) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let checklist = ctx.checklist(&store, ctx.date)?;
    if json {
        let wall_ms = chrono::Utc::now().timestamp_millis();
        println!("{}", to_json(&checklist, store.active_timer()?.as_ref(), wall_ms)?);
    } else {
        print!("{}", to_text(&checklist));
    }
    Ok(ExitCode::SUCCESS)
}
