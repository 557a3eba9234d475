//! The dashboard's whole state. Views render `&App`; only `update` changes it.

use super::form::Form;
use super::hits::Hits;
use super::keymap::{Mode, Screen};
use super::loglist::LogList;
use super::theme::Theme;
use super::timer::ActiveTimer;
use super::writer::Queue;
use crate::config::Timers;
use crate::domain::checklist::{Checklist, Entry};
use crate::domain::focus::Focus;
use crate::domain::readiness::{Level, Verdict};
use crate::domain::records::{Markers, Run};
use crate::domain::trends::{Marker, Series, Summary, Window};
use crate::domain::units::Units;
use crate::domain::usual::SleepUsual;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;
use std::time::Instant;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Saved,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The full explanation of the verdict.
    Why,
}

/// A question the dashboard asks before it does something that cannot be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    DeleteRun(Run),
}

/// Everything shown for one day, read from the store together.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub checklist: Checklist,
    pub verdict: Verdict,
    pub focus: Option<Focus>,
    /// The day's markers and the day before's, for the markers form.
    pub markers: Option<Markers>,
    pub yesterday: Option<Markers>,
    /// The last run up to the day (the day's own runs included), for the run form.
    pub last_run: Option<Run>,
    /// What the side pane shows beside the checklist on a wide terminal.
    pub side: Side,
}

/// Today's side pane's own data: the usual sleep and the recent runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Side {
    /// The medians of sleep over the four weeks before the day.
    pub usual_sleep: SleepUsual,
    /// The runs of the four weeks up to the day, newest first.
    pub runs: Vec<Run>,
}

/// The Trends screen's data: one marker over one window.
#[derive(Clone, Debug, PartialEq)]
pub struct Trends {
    pub series: Series,
    pub summary: Summary,
    /// Weekly training load (Monday start) over the window, and today's ACWR.
    pub weekly: Vec<(NaiveDate, f64)>,
    /// The chronic load of each day of the window: its 28 days' load per day.
    pub chronic: Vec<Option<f64>>,
    /// The HRV band's half-width in SDs (config `band_sd`), for the legend.
    pub band_sd: f64,
    pub acwr: Option<f64>,
}

/// The History screen's data: a month of days (and the months before it), and the streaks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub month: NaiveDate,
    /// Each day read (the month, and `MONTHS_BEFORE` months before it): the share of its
    /// immediate phase ticked and its verdict.
    pub days: BTreeMap<NaiveDate, (f64, Option<Level>)>,
    /// The runs of the days read, for the week summary.
    pub runs: BTreeMap<NaiveDate, Vec<Run>>,
    pub current_streak: u32,
    pub best_streak: u32,
}

/// The day selected on the History screen, in full, for its detail pane.
#[derive(Clone, Debug, PartialEq)]
pub struct DayDetail {
    pub date: NaiveDate,
    pub markers: Option<Markers>,
    /// The medians of sleep over the four weeks before the day.
    pub usual_sleep: SleepUsual,
    pub runs: Vec<Run>,
    pub verdict: Verdict,
    pub checklist: Checklist,
}

#[derive(Clone, Debug)]
pub struct App {
    /// The local date and time, from the wall clock on every wake-up.
    pub now: NaiveDateTime,
    /// The monotonic clock at the same wake-up: timers run on it.
    pub mono: Instant,
    pub today: NaiveDate,
    /// The day on screen (today, or an earlier day being reviewed or backfilled).
    pub date: NaiveDate,
    pub day: Day,
    pub screen: Screen,
    /// The marker and window the Trends screen shows, and its data once read.
    pub marker: Marker,
    pub window: Window,
    pub trends: Option<Trends>,
    /// The day selected on the History screen, and the month read for it.
    pub history_day: NaiveDate,
    pub history: Option<History>,
    /// The selected day in full, once read (the wide History screen shows it).
    pub detail: Option<DayDetail>,
    /// Index of the selected checklist entry, in display order.
    pub selected: usize,
    pub form: Option<Form>,
    /// The screen a form was opened from, and goes back to when it closes.
    pub form_return: Screen,
    /// The Log screen's days once read, the selected row, and how many days to read.
    pub log: Option<LogList>,
    pub log_selected: usize,
    pub log_span: u32,
    /// A question waiting for y / n.
    pub confirm: Option<Confirm>,
    /// The foam-roll timer; it runs whatever screen or day is shown.
    pub timer: Option<ActiveTimer>,
    /// `[timers]` from the config.
    pub timers: Timers,
    /// `units` from the config: what the forms read and show weights and distances in.
    pub units: Units,
    pub overlay: Option<Overlay>,
    /// First overlay line shown, when the overlay is taller than the terminal.
    pub overlay_scroll: usize,
    pub status: Option<Status>,
    /// The write queue: writes not yet saved, and whether the database is busy.
    pub writes: Queue,
    /// Quit was asked for with writes queued: the dashboard ends once they are saved.
    pub quitting: bool,
    /// Nothing recorded yet: show the welcome.
    pub welcome: bool,
    pub running: bool,
    pub theme: Theme,
    /// What the last frame drew where, for the mouse (written while drawing).
    pub hits: Hits,
}

impl App {
    pub fn new(now: NaiveDateTime, mono: Instant, day: Day, welcome: bool, theme: Theme) -> App {
        App {
            now,
            mono,
            today: now.date(),
            date: day.checklist.date,
            screen: Screen::Today,
            marker: Marker::Hrv,
            window: Window::Days(28),
            trends: None,
            history_day: now.date(),
            history: None,
            detail: None,
            selected: day.checklist.first_to_do(now),
            form: None,
            form_return: Screen::Today,
            log: None,
            log_selected: 0,
            log_span: super::loglist::PAGE_DAYS,
            confirm: None,
            timer: None,
            timers: crate::config::Config::default().timers,
            units: Units::METRIC,
            overlay: None,
            overlay_scroll: 0,
            status: None,
            writes: Queue::default(),
            quitting: false,
            welcome,
            running: true,
            theme,
            hits: Hits::default(),
            day,
        }
    }

    pub fn checklist(&self) -> &Checklist {
        &self.day.checklist
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.day.checklist.entries().nth(self.selected)
    }

    pub fn is_today(&self) -> bool {
        self.date == self.today
    }

    /// A finished timer is showing its overtime: the next key acknowledges it (not in a
    /// form, where keys type).
    pub fn awaiting_ack(&self) -> bool {
        self.form.is_none() && self.timer.as_ref().is_some_and(ActiveTimer::awaiting_ack)
    }

    /// What has the keyboard.
    pub fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            Mode::Confirm
        } else if self.overlay.is_some() {
            Mode::Overlay
        } else if self.form.is_some() {
            Mode::Form
        } else {
            Mode::Screen(self.screen)
        }
    }

    pub(super) fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), kind });
    }

    /// Replaces the day's data, keeping the selection on the same item where it still is.
    pub(super) fn replace_day(&mut self, day: Day) {
        let keep = self.selected_entry().map(|e| (e.day, e.id().to_string()));
        let same_day = day.checklist.date == self.day.checklist.date;
        self.day = day;
        self.date = self.day.checklist.date;
        let found =
            keep.and_then(|(d, id)| self.day.checklist.entries().position(|e| e.day == d && e.id() == id));
        self.selected = match found {
            Some(i) if same_day => i,
            _ if same_day => self.selected.min(self.day.checklist.len().saturating_sub(1)),
            _ => self.day.checklist.first_to_do(self.now),
        };
    }
}
