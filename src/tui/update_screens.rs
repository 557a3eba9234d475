//! The Trends and History screens' part of `update`: switching screens, markers and
//! windows, moving through the calendar.

use super::Effect;
use crate::domain::history::{add_months, month_start};
use crate::domain::trends::Marker;
use crate::tui::app::App;
use crate::tui::keymap::{Command, Screen};
use chrono::NaiveDate;

/// Tab cycles through the screens: Today, Log, Trends, History.
const CYCLE: [Screen; 4] = Screen::ALL;

fn show(app: &mut App, screen: Screen) -> Vec<Effect> {
    app.screen = screen;
    match screen {
        Screen::Trends => vec![Effect::LoadTrends(app.marker, app.window)],
        Screen::History => {
            app.history_day = app.date;
            vec![Effect::LoadHistory(month_start(app.date)), Effect::LoadDetail(app.date)]
        }
        Screen::Log => vec![Effect::LoadLog(app.log_span)],
        Screen::Today => vec![],
    }
}

/// Moves the calendar's selection, reading the day in full, and another month when it
/// leaves this one. The future is out of reach.
pub fn select(app: &mut App, day: Option<NaiveDate>) -> Vec<Effect> {
    let Some(day) = day.map(|d| d.min(app.today)) else { return vec![] };
    if day == app.history_day && app.detail.as_ref().is_some_and(|d| d.date == day) {
        return vec![];
    }
    let month = month_start(day);
    app.history_day = day;
    let mut effects = vec![Effect::LoadDetail(day)];
    if app.history.as_ref().is_none_or(|h| h.month != month) {
        effects.insert(0, Effect::LoadHistory(month));
    }
    effects
}

pub fn key(app: &mut App, command: Command) -> Vec<Effect> {
    let step = |n: i64| app.history_day.checked_add_signed(chrono::TimeDelta::days(n));
    match command {
        Command::ShowTrends => show(app, Screen::Trends),
        Command::ShowHistory => show(app, Screen::History),
        Command::NextScreen | Command::PrevScreen => {
            let i = CYCLE.iter().position(|s| *s == app.screen).unwrap_or(0);
            let n = CYCLE.len();
            let next = if command == Command::NextScreen { (i + 1) % n } else { (i + n - 1) % n };
            show(app, CYCLE[next])
        }
        Command::NextMarker | Command::PrevMarker => {
            let i = Marker::ALL.iter().position(|m| *m == app.marker).unwrap_or(0);
            let n = Marker::ALL.len();
            app.marker =
                Marker::ALL[if command == Command::NextMarker { (i + 1) % n } else { (i + n - 1) % n }];
            vec![Effect::LoadTrends(app.marker, app.window)]
        }
        Command::CycleWindow => {
            app.window = app.window.next();
            vec![Effect::LoadTrends(app.marker, app.window)]
        }
        Command::DayLeft => select(app, step(-1)),
        Command::DayRight => select(app, step(1)),
        Command::WeekUp => select(app, step(-7)),
        Command::WeekDown => select(app, step(7)),
        Command::PrevMonth | Command::NextMonth => {
            let delta = if command == Command::NextMonth { 1 } else { -1 };
            let month = add_months(month_start(app.history_day), delta);
            select(app, Some(month))
        }
        Command::ThisMonth => select(app, Some(app.today)),
        Command::OpenDay => {
            app.screen = Screen::Today;
            if app.history_day == app.date { vec![] } else { vec![Effect::Load(app.history_day)] }
        }
        _ => vec![],
    }
}

/// After another process wrote: the screen on show reads its data again.
pub fn reload(app: &App) -> Vec<Effect> {
    match app.screen {
        Screen::Trends => vec![Effect::LoadTrends(app.marker, app.window)],
        Screen::History => {
            vec![Effect::LoadHistory(month_start(app.history_day)), Effect::LoadDetail(app.history_day)]
        }
        Screen::Log => vec![Effect::LoadLog(app.log_span)],
        Screen::Today => vec![],
    }
}
