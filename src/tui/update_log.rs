//! The Log screen's part of `update`: moving through the list of days, opening a form for
//! the selected day or run, and deleting a run after a confirm.

use super::forms;
use super::{Change, Effect};
use crate::domain::records::Run;
use crate::tui::app::{App, Confirm, StatusKind};
use crate::tui::form::Form;
use crate::tui::keymap::{Command, Screen};
use crate::tui::loglist::{LogList, PAGE_DAYS, Row};
use chrono::{NaiveDate, NaiveTime, Timelike};

/// `2`: the list, read afresh.
pub fn show(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Log;
    vec![Effect::LoadLog(app.log_span)]
}

pub fn loaded(app: &mut App, list: LogList) {
    let last = list.rows().len().saturating_sub(1);
    app.log_selected = app.log_selected.min(last);
    app.log = Some(list);
}

fn selected(app: &App) -> Option<Row> {
    app.log.as_ref().and_then(|l| l.row(app.log_selected))
}

/// The day the Log screen's selection is on (the day on show elsewhere).
pub fn selected_day(app: &App) -> NaiveDate {
    match (app.screen, &app.log, selected(app)) {
        (Screen::Log, Some(list), Some(row)) => list.day_of(row).map_or(app.date, |d| d.date),
        _ => app.date,
    }
}

/// j/k/g/G on the list. `G` on the oldest row read reads older days.
pub fn move_selection(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(list) = &app.log else { return vec![] };
    let last = list.rows().len().saturating_sub(1);
    let at_end = app.log_selected == last;
    let (span, more) = (list.span, list.days.len() as u32 >= list.span);
    app.log_selected = match command {
        Command::Down => (app.log_selected + 1).min(last),
        Command::Up => app.log_selected.saturating_sub(1),
        Command::First => 0,
        _ => last,
    };
    if at_end && more && matches!(command, Command::Down | Command::Last) {
        app.log_span = span.saturating_add(PAGE_DAYS);
        app.set_status(StatusKind::Info, "reading older days…");
        return vec![Effect::LoadLog(app.log_span)];
    }
    vec![]
}

/// `m`: the markers form for the day on show, or the Log screen's selected day.
pub fn open_markers(app: &mut App) -> Vec<Effect> {
    let date = selected_day(app);
    let form = if date == app.date {
        Form::markers(date, app.day.markers.as_ref(), app.day.yesterday.as_ref(), app.units)
    } else {
        let list = app.log.as_ref();
        let day = list.and_then(|l| l.days.iter().find(|d| d.date == date));
        Form::markers(
            date,
            day.and_then(|d| d.markers.as_ref()),
            list.and_then(|l| l.markers_before(date)),
            app.units,
        )
    };
    forms::open(app, form)
}

/// `r`: a new run on the day on show, or the Log screen's selected day.
pub fn open_run(app: &mut App) -> Vec<Effect> {
    let date = selected_day(app);
    let now = NaiveTime::from_hms_opt(app.now.hour(), app.now.minute(), 0).unwrap_or(NaiveTime::MIN);
    let listed = app.log.as_ref().filter(|_| app.screen == Screen::Log).and_then(|l| l.last_run_before(date));
    let last = if date == app.date { app.day.last_run.as_ref() } else { listed };
    let form = Form::run(date, now, last, app.units);
    forms::open(app, form)
}

/// Enter / `e`: the selected day's markers, or the selected run.
pub fn edit(app: &mut App) -> Vec<Effect> {
    match selected(app) {
        Some(Row::Day(_)) => open_markers(app),
        Some(row @ Row::Run(..)) => {
            let run = app.log.as_ref().and_then(|l| l.run_of(row));
            run.and_then(|run| Form::edit_run(run, app.units))
                .map_or_else(Vec::new, |form| forms::open(app, form))
        }
        None => vec![],
    }
}

/// `d`: asks before deleting the selected run.
pub fn delete(app: &mut App) -> Vec<Effect> {
    match selected(app).and_then(|row| app.log.as_ref().and_then(|l| l.run_of(row)).cloned()) {
        Some(run) => app.confirm = Some(Confirm::DeleteRun(run)),
        None => app.set_status(
            StatusKind::Info,
            "select a run (j/k) to delete it; a day's markers are cleared by emptying them (Enter)",
        ),
    }
    vec![]
}

/// The answer to the confirm.
pub fn answer(app: &mut App, yes: bool) -> Vec<Effect> {
    let Some(confirm) = app.confirm.take() else { return vec![] };
    match (confirm, yes) {
        (Confirm::DeleteRun(Run { id: Some(id), .. }), true) => {
            vec![Effect::Persist(Change::DeleteRun { id })]
        }
        _ => {
            app.set_status(StatusKind::Info, "kept: nothing deleted");
            vec![]
        }
    }
}
