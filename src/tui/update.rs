//! `update(&mut App, Action) -> Vec<Effect>`: every change of state, no I/O. The run loop
//! carries out the effects and reports back with more actions.

use super::app::{App, StatusKind};
use super::keymap::Command;
use crate::domain::checklist::Checklist;
use chrono::{Days, NaiveDate};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Key(Command),
    /// The wall clock's local day, read on every wake-up.
    Clock(NaiveDate),
    /// Another process wrote to the store: read the day again.
    Reload,
    /// A checklist read from the store.
    Loaded {
        checklist: Checklist,
        welcome: bool,
    },
    /// A write committed.
    Saved(String),
    /// A write or read failed; nothing was saved.
    Failed(String),
}

/// A change the run loop must make to the store; it reports `Saved` or `Failed`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Tick the next set of an item.
    TickNext { date: NaiveDate, item: String, sets_total: u8 },
    /// Untick every set of an item.
    Clear { date: NaiveDate, item: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Persist(Change),
    /// Read the checklist of this day.
    Load(NaiveDate),
    Suspend,
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(command) => key(app, command),
        Action::Clock(today) => clock(app, today),
        Action::Reload => vec![Effect::Load(app.date)],
        Action::Loaded { checklist, welcome } => {
            app.replace_checklist(checklist);
            app.date = app.checklist.date;
            app.welcome = welcome;
            vec![]
        }
        Action::Saved(text) => {
            app.set_status(StatusKind::Saved, text);
            vec![]
        }
        Action::Failed(text) => {
            app.set_status(StatusKind::Error, text);
            vec![]
        }
    }
}

fn key(app: &mut App, command: Command) -> Vec<Effect> {
    let last = app.checklist.len().saturating_sub(1);
    match command {
        Command::Quit => app.running = false,
        Command::ToggleHelp => {
            app.help_open = !app.help_open;
            app.help_scroll = 0;
        }
        Command::CloseHelp => app.help_open = false,
        Command::ScrollDown => {
            app.help_scroll = (app.help_scroll + 1).min(super::keymap::BINDINGS.len().saturating_sub(1));
        }
        Command::ScrollUp => app.help_scroll = app.help_scroll.saturating_sub(1),
        Command::Suspend => return vec![Effect::Suspend],
        Command::Down => app.selected = (app.selected + 1).min(last),
        Command::Up => app.selected = app.selected.saturating_sub(1),
        Command::First => app.selected = 0,
        Command::Last => app.selected = last,
        Command::Toggle => return toggle(app),
        Command::PrevDay => return go_to(app, app.date.checked_sub_days(Days::new(1))),
        Command::NextDay => {
            if app.date >= app.today {
                app.set_status(StatusKind::Info, "this is today; there is no checklist for tomorrow yet");
                return vec![];
            }
            return go_to(app, app.date.checked_add_days(Days::new(1)));
        }
        Command::Today => return go_to(app, Some(app.today)),
    }
    vec![]
}

fn go_to(app: &mut App, date: Option<NaiveDate>) -> Vec<Effect> {
    match date {
        Some(d) if d >= crate::domain::values::EARLIEST_DATE && d != app.date => {
            app.status = None;
            vec![Effect::Load(d)]
        }
        _ => vec![],
    }
}

fn toggle(app: &mut App) -> Vec<Effect> {
    let Some(entry) = app.selected_entry() else {
        return vec![];
    };
    let (date, item) = (app.date, entry.id().to_string());
    let change = if entry.ticked() {
        Change::Clear { date, item }
    } else {
        Change::TickNext { date, item, sets_total: entry.sets_total }
    };
    vec![Effect::Persist(change), Effect::Load(date)]
}

/// At local midnight "today" moves on; a dashboard that was on today follows it.
fn clock(app: &mut App, today: NaiveDate) -> Vec<Effect> {
    if today == app.today {
        return vec![];
    }
    let was_on_today = app.is_today();
    app.today = today;
    if was_on_today {
        app.set_status(StatusKind::Info, format!("a new day: {}", today.format("%a %-d %b")));
        return vec![Effect::Load(today)];
    }
    vec![]
}

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;
