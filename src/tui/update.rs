//! `update(&mut App, Action) -> Vec<Effect>`: every change of state, no I/O. The run loop
//! carries out the effects and reports back with more actions.

use super::app::{App, Day, DayDetail, History, Overlay, StatusKind, Trends};
use super::keymap::{Command, Screen};
use super::loglist::LogList;
use super::timer::ActiveTimer;
use super::writer::Queue;
use crate::domain::records::{Markers, Run};
use crate::domain::trends::{Marker, Window};
use chrono::{Days, NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::KeyEvent;
use std::time::Instant;

#[path = "update_timer.rs"]
mod timer;

#[path = "update_screens.rs"]
mod screens;

#[path = "update_form.rs"]
mod forms;

#[path = "update_log.rs"]
mod log;

#[path = "update_mouse.rs"]
mod mouse;

pub use mouse::{Mouse, Press};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Key(Command),
    /// A key with no binding in a form: typed into the focused field.
    Type(KeyEvent),
    /// The wall clock's local time and the monotonic clock, read on every wake-up.
    Clock {
        wall: NaiveDateTime,
        mono: Instant,
    },
    /// The key that acknowledges a finished timer's overtime.
    Acknowledge,
    /// The timer kept from the last session, as it stands now.
    TimerRestored(Box<ActiveTimer>),
    /// Another process wrote to the store: read the day again.
    Reload,
    /// A day read from the store.
    Loaded {
        day: Box<Day>,
        welcome: bool,
    },
    TrendsLoaded(Box<Trends>),
    HistoryLoaded(Box<History>),
    /// The day selected on the History screen, in full.
    DetailLoaded(Box<DayDetail>),
    /// The Log screen's days.
    LogLoaded(Box<LogList>),
    /// A write committed: the status text (empty: nothing to say), and whether it was
    /// the open form's.
    Saved {
        text: String,
        form: bool,
    },
    /// A write or read failed; nothing was saved.
    Failed(String),
    /// The write queue changed: how many writes wait, and whether the database is busy.
    Queue(Queue),
    /// Text pasted in one piece (bracketed paste): typed into the focused field.
    Paste(String),
    /// A click or the wheel, at a cell of the last frame.
    Mouse(Mouse),
}

/// A change the run loop must make to the store; it reports `Saved` or `Failed`.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Tick the next set of an item.
    TickNext { date: NaiveDate, item: String, sets_total: u8 },
    /// A finished timer ticks its item, through the same store call as a manual tick; the
    /// timer says so itself, so the status line is left to it.
    TimerTick { date: NaiveDate, item: String },
    /// Untick every set of an item.
    Clear { date: NaiveDate, item: String },
    /// The day's markers as the form shows them; only `fields` (the ones the user
    /// changed) are written.
    Markers { date: NaiveDate, markers: Markers, fields: Vec<&'static str> },
    /// A new run.
    Run(Run),
    /// Change the fields (and day) of the stored run `id` to `run`'s.
    EditRun { id: i64, run: Run },
    /// Delete the stored run `id`.
    DeleteRun { id: i64 },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Persist(Change),
    /// Read this day.
    Load(NaiveDate),
    /// Read a marker over a window for the Trends screen.
    LoadTrends(Marker, Window),
    /// Read the month that starts on this day for the History screen.
    LoadHistory(NaiveDate),
    /// Read this day in full for the History screen's detail pane.
    LoadDetail(NaiveDate),
    /// Read this many days up to today for the Log screen.
    LoadLog(u32),
    Suspend,
    /// The terminal bell: a target is done, or its cue.
    Bell,
    /// Keep the timer in the store (or none), so it survives quitting.
    SaveTimer(Option<Box<ActiveTimer>>),
}

/// The most lines an overlay can scroll.
const MAX_SCROLL: usize = 200;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(command) => key(app, command),
        Action::Type(event) => forms::typed_key(app, event),
        Action::Paste(text) => forms::paste(app, &text),
        Action::Mouse(m) => mouse::mouse(app, m),
        Action::Clock { wall, mono } => {
            let mut effects = clock(app, wall);
            app.mono = mono;
            effects.extend(timer::poll(app));
            effects
        }
        Action::Acknowledge => timer::acknowledge(app),
        Action::TimerRestored(restored) => timer::restored(app, *restored),
        Action::Reload => {
            let mut effects = vec![Effect::Load(app.date)];
            effects.extend(screens::reload(app));
            effects
        }
        Action::TrendsLoaded(trends) => {
            app.trends = Some(*trends);
            vec![]
        }
        Action::HistoryLoaded(history) => {
            app.history = Some(*history);
            vec![]
        }
        Action::DetailLoaded(detail) => {
            // A reply for a day no longer selected is dropped: another is on its way.
            if detail.date == app.history_day {
                app.detail = Some(*detail);
            }
            vec![]
        }
        Action::LogLoaded(list) => {
            log::loaded(app, *list);
            vec![]
        }
        Action::Loaded { day, welcome } => {
            if let Some(form) = app.form.as_mut().filter(|f| f.date == day.checklist.date) {
                form.refresh_markers(day.markers.as_ref());
            }
            app.replace_day(*day);
            app.welcome = welcome;
            vec![]
        }
        Action::Saved { text, form } => {
            if form && app.form.as_ref().is_some_and(|f| f.saving) {
                app.form = None;
                app.screen = app.form_return;
            }
            if !text.is_empty() {
                app.set_status(StatusKind::Saved, text);
            }
            // Read again what the write changed (the day, and the screen's data).
            let mut effects = vec![Effect::Load(app.date)];
            effects.extend(screens::reload(app));
            effects
        }
        Action::Queue(queue) => {
            app.writes = queue;
            if app.quitting && queue.pending == 0 {
                app.running = false;
            }
            vec![]
        }
        Action::Failed(text) => {
            if let Some(form) = app.form.as_mut() {
                form.saving = false;
            }
            app.set_status(StatusKind::Error, text);
            vec![]
        }
    }
}

fn key(app: &mut App, command: Command) -> Vec<Effect> {
    let last = app.checklist().len().saturating_sub(1);
    // A status message is about the last action: the next one clears it.
    app.status = None;
    let on_log = app.screen == Screen::Log && app.form.is_none();
    match command {
        Command::Quit => quit(app),
        Command::Suspend => return vec![Effect::Suspend],
        Command::ToggleHelp => open_overlay(app, Overlay::Help),
        Command::Why => open_overlay(app, Overlay::Why),
        Command::CloseOverlay => app.overlay = None,
        Command::ScrollDown => app.overlay_scroll = (app.overlay_scroll + 1).min(MAX_SCROLL),
        Command::ScrollUp => app.overlay_scroll = app.overlay_scroll.saturating_sub(1),
        Command::ShowToday => app.screen = Screen::Today,
        Command::ShowTrends
        | Command::ShowHistory
        | Command::NextScreen
        | Command::PrevScreen
        | Command::NextMarker
        | Command::PrevMarker
        | Command::CycleWindow
        | Command::DayLeft
        | Command::DayRight
        | Command::WeekUp
        | Command::WeekDown
        | Command::PrevMonth
        | Command::NextMonth
        | Command::ThisMonth
        | Command::OpenDay => return screens::key(app, command),
        Command::ShowLog => return log::show(app),
        Command::LogMarkers => return log::open_markers(app),
        Command::LogRun => return log::open_run(app),
        Command::Down | Command::Up | Command::First | Command::Last if on_log => {
            return log::move_selection(app, command);
        }
        Command::Edit => return log::edit(app),
        Command::Delete => return log::delete(app),
        Command::Yes | Command::No => return log::answer(app, command == Command::Yes),
        Command::Down => app.selected = (app.selected + 1).min(last),
        Command::Up => app.selected = app.selected.saturating_sub(1),
        Command::First => app.selected = 0,
        Command::Last => app.selected = last,
        Command::Toggle => return toggle(app),
        Command::Activate
        | Command::StartSequence
        | Command::PauseTimer
        | Command::Longer
        | Command::Shorter
        | Command::SkipTarget
        | Command::ResetTimer => return timer::key(app, command),
        Command::PrevDay => return go_to(app, app.date.checked_sub_days(Days::new(1))),
        Command::NextDay => {
            if app.date >= app.today {
                app.set_status(StatusKind::Info, "this is today; there is no checklist for tomorrow yet");
                return vec![];
            }
            return go_to(app, app.date.checked_add_days(Days::new(1)));
        }
        Command::Today => return go_to(app, Some(app.today)),
        Command::NextField => forms::next(app),
        Command::PrevField => forms::prev(app),
        Command::NextOrSave => return forms::next_or_save(app),
        Command::PrevChoice => return forms::cycle(app, -1),
        Command::NextChoice => return forms::cycle(app, 1),
        Command::Save => return forms::save(app),
        Command::Cancel => forms::cancel(app),
    }
    vec![]
}

/// Quits, once every queued write is saved: until then the status bar says so, and a
/// second quit key leaves without them (the run loop then says what was not saved).
fn quit(app: &mut App) {
    if app.writes.pending == 0 || app.quitting {
        app.running = false;
        return;
    }
    app.quitting = true;
}

fn open_overlay(app: &mut App, overlay: Overlay) {
    app.overlay = if app.overlay == Some(overlay) { None } else { Some(overlay) };
    app.overlay_scroll = 0;
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

pub(super) fn toggle(app: &mut App) -> Vec<Effect> {
    let Some(entry) = app.selected_entry() else { return vec![] };
    // An item carried from an earlier day's run is ticked on that day.
    let (date, item) = (entry.day, entry.id().to_string());
    let change = if entry.ticked() {
        Change::Clear { date, item }
    } else {
        Change::TickNext { date, item, sets_total: entry.sets_total }
    };
    vec![Effect::Persist(change)]
}

/// At local midnight "today" moves on; a dashboard that was on today follows it.
fn clock(app: &mut App, now: NaiveDateTime) -> Vec<Effect> {
    app.now = now;
    let today = now.date();
    if today == app.today {
        return vec![];
    }
    let was_on_today = app.is_today();
    app.today = today;
    if was_on_today && app.form.is_none() {
        app.set_status(StatusKind::Info, format!("a new day: {}", today.format("%a %-d %b")));
        return vec![Effect::Load(today)];
    }
    vec![]
}

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "update_timer_tests.rs"]
mod timer_tests;

#[cfg(test)]
#[path = "update_screens_tests.rs"]
mod screens_tests;

#[cfg(test)]
#[path = "update_form_tests.rs"]
mod form_tests;

#[cfg(test)]
#[path = "update_log_tests.rs"]
mod log_tests;

#[cfg(test)]
#[path = "update_mouse_tests.rs"]
mod mouse_tests;
