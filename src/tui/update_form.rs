//! The forms' part of `update`: opening one, typing and pasting into its fields (each
//! holds up to `MAX_FIELD_CHARS`; what goes past is left out, and said so), and saving:
//! a valid form becomes one write, and closes only when that write is saved.

use super::{Change, Effect};
use crate::tui::app::{App, StatusKind};
use crate::tui::form::{Form, Submission};
use crate::tui::keymap::Screen;
use ratatui::crossterm::event::{Event, KeyEvent};

pub fn open(app: &mut App, form: Form) {
    app.form = Some(form);
    app.screen = Screen::Log;
    app.status = None;
}

/// A key with no binding: typed into the focused field.
pub fn typed_key(app: &mut App, event: KeyEvent) -> Vec<Effect> {
    if let (Some(form), Some(request)) =
        (app.form.as_mut(), tui_input::backend::crossterm::to_input_request(&Event::Key(event)))
    {
        let full = form.edit(request);
        typed(app, full);
    }
    vec![]
}

/// Text pasted in one piece: into the focused field, on one line.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.form.as_mut() {
        Some(form) => {
            let full = form.paste(text);
            typed(app, full);
        }
        None => app.set_status(StatusKind::Info, "nothing to paste into: open a form (m, r) first"),
    }
    vec![]
}

/// After a key or a paste reached the form: a field error there is cleared; a field
/// that is full says so.
fn typed(app: &mut App, full: bool) {
    if let Some(form) = app.form.as_mut()
        && form.error.as_ref().is_some_and(|(i, _)| *i == form.focus)
    {
        form.error = None;
    }
    if full {
        app.set_status(StatusKind::Info, crate::text::field_full());
    }
}

pub fn save(app: &mut App) -> Vec<Effect> {
    let (today, now) = (app.today, app.now.time());
    let Some(form) = app.form.as_mut() else { return vec![] };
    match form.submit(today, now) {
        Err((index, message)) => {
            form.focus = index;
            form.error = Some((index, message.clone()));
            app.set_status(StatusKind::Error, format!("{message} — nothing saved"));
            vec![]
        }
        Ok(submission) => {
            form.saving = true;
            form.error = None;
            let change = match submission {
                Submission::Markers(date, markers, fields) => Change::Markers { date, markers, fields },
                Submission::Run(run) => Change::Run(run),
            };
            vec![Effect::Persist(change)]
        }
    }
}
