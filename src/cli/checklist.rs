//! `cooldown checklist [--json]`: the day's checklist, ticked state included.

use super::Context;
use super::output::{say, show};
use crate::domain::checklist::{Checklist, Entry, Group};
use crate::domain::routine::ItemKind;
use crate::domain::timeline;
use crate::domain::timer::StoredTimer;
use crate::domain::units::Units;
use crate::error::{Error, Result};
use crate::text;
use chrono::NaiveDateTime;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct ChecklistJson<'a> {
    date: String,
    session: &'a str,
    planned_minutes: u32,
    /// Over 20 minutes: the optional items to drop to keep it short.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    drop_to_keep_short: Vec<&'a str>,
    /// When the day's most demanding run ended (the timeline's anchor), `HH:MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    run_end: Option<String>,
    /// The phase due now (today only).
    #[serde(skip_serializing_if = "Option::is_none")]
    due_now: Option<&'a str>,
    /// This morning's verdict, which shaped the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    items: Vec<ItemJson<'a>>,
}

/// The amount of a target item: a number (or a range), its unit and formula; without a
/// weight `amount` is null and `formula` says how to get one.
#[derive(Serialize)]
struct TargetJson<'a> {
    amount: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_max: Option<f64>,
    unit: &'static str,
    formula: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    advice: Option<&'a str>,
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
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    target: Option<TargetJson<'a>>,
    /// Present while a timer exists for the item (running, paused, or finished and not
    /// yet acknowledged).
    #[serde(skip_serializing_if = "Option::is_none")]
    timer: Option<TimerJson>,
    /// Added in v2: the day the item belongs to (an earlier day's for an item carried from
    /// that day's run; a tick is stored there).
    run_day: String,
    /// Its phase's window in clock times ("11:00–15:00"), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    /// "later", "due", "missed" or "done"; absent without a window.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

#[derive(Serialize)]
struct TimerJson {
    state: &'static str,
    remaining_s: u64,
    overtime_s: u64,
}

fn item_json<'a>(
    c: &Checklist,
    g: &Group,
    e: &'a Entry,
    timer: Option<&StoredTimer>,
    wall_ms: i64,
    now: NaiveDateTime,
) -> ItemJson<'a> {
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
        target: e.amount.as_ref().map(|a| TargetJson {
            amount: a.amount,
            amount_max: a.amount_max,
            unit: a.unit,
            formula: &a.formula,
            advice: a.note.as_deref(),
        }),
        timer: timer.filter(|t| t.item_id == e.id() && t.day == e.day).map(|t| {
            let (remaining_s, overtime_s) = t.state.seconds_at(wall_ms);
            TimerJson { state: t.state.state_at(wall_ms), remaining_s, overtime_s }
        }),
        run_day: e.day.to_string(),
        due: g.window.map(|(start, end)| timeline::clock(start, end, c.date)),
        status: c.due(g, now).map(timeline::status),
    }
}

/// The checklist as CLI.md's JSON; `timer` is the stored timer, read at `wall_ms`; `now`
/// places the timeline (`due_now` only on the day itself).
pub fn to_json(
    c: &Checklist,
    timer: Option<&StoredTimer>,
    wall_ms: i64,
    now: NaiveDateTime,
) -> Result<String> {
    let today = now.date() == c.date;
    let doc = ChecklistJson {
        date: c.date.to_string(),
        session: c.session.name(),
        planned_minutes: c.planned_minutes(),
        drop_to_keep_short: c.to_drop().0.iter().map(|e| e.id()).collect(),
        run_end: c.run_end.map(|t| t.format("%H:%M").to_string()),
        due_now: today.then(|| c.due_now(now)).flatten().map(|g| g.phase.id.as_str()),
        verdict: c.verdict.map(|v| v.name()),
        items: c
            .groups
            .iter()
            .flat_map(|g| g.entries.iter().map(move |e| (g, e)))
            .map(|(g, e)| item_json(c, g, e, timer, wall_ms, now))
            .collect(),
    };
    serde_json::to_string_pretty(&doc)
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "checklist", "report this as a bug"))
}

/// The checklist for a terminal or a script that reads text; `now` places the timeline.
pub fn to_text(c: &Checklist, now: NaiveDateTime) -> String {
    let mut out = format!(
        "{} · {} · {} min planned · {}/{} done\n",
        c.date.format("%a %-d %b %Y"),
        c.session.label(),
        c.planned_minutes(),
        c.done(),
        c.len()
    );
    if let Some(advice) = text::keep_short(c) {
        out.push_str(&advice);
        out.push('\n');
    }
    let width = c.entries().map(|e| e.id().len()).max().unwrap_or(0);
    for group in &c.groups {
        let due = c.due(group, now).map(|d| format!(" · {}", timeline::words(d))).unwrap_or_default();
        let window = text::group_window(c, group);
        let window = if window.is_empty() { window } else { format!(" ({window})") };
        out.push_str(&format!("\n{}{window}{due}\n", text::group_title(c, group)));
        for e in &group.entries {
            let mut line = format!("  {:<5} {:<width$}  {}", text::mark(e), e.id(), e.item.title);
            if let Some(s) = e.seconds {
                line.push_str(&format!(" · {}", text::duration(s)));
            }
            if let Some(a) = &e.amount {
                line.push_str(&format!(" · {}", text::amount(a)));
            }
            if e.item.optional {
                line.push_str(" (optional)");
            }
            if let Some(note) = e.item.note.as_deref().filter(|_| e.amount.is_none()) {
                line.push_str(&format!(" — {note}"));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

pub fn run(ctx: &Context, json: bool) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    // JSON is metric whatever the runner reads (CLI.md); the text follows `units`.
    let units = if json { Units::METRIC } else { ctx.units() };
    let checklist = ctx.checklist_in(&store, ctx.date, units)?;
    if json {
        let wall_ms = ctx.clock.unix_ms();
        say(&to_json(&checklist, store.active_timer()?.as_ref(), wall_ms, ctx.clock.local())?)?;
    } else {
        show(&to_text(&checklist, ctx.clock.local()))?;
    }
    Ok(ExitCode::SUCCESS)
}
