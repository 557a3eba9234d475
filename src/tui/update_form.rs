//! The forms' part of `update`: opening one, moving between its fields, typing and pasting
//! into them (each holds up to `MAX_FIELD_CHARS`; what goes past is left out, and said so),
//! choosing in a picker, cancelling, and saving: every bad field is marked at once and
//! nothing is saved; a valid form becomes one write, and closes only when that write is
//! saved.

use super::{Change, Effect};
use crate::text;
use crate::tui::app::{App, StatusKind};
use crate::tui::form::{Form, Submission, Typed};
use crate::tui::keymap::Screen;
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::InputRequest;

/// Opens `form` on the Log screen; it goes back to the screen it came from when it closes.
/// Opened from another screen, the Log list is read afresh for under the form.
pub fn open(app: &mut App, form: Form) -> Vec<Effect> {
    let from_elsewhere = app.screen != Screen::Log;
    if app.form.is_none() {
        app.form_return = app.screen;
    }
    app.form = Some(form);
    app.screen = Screen::Log;
    app.status = None;
    if from_elsewhere { vec![Effect::LoadLog(app.log_span)] } else { vec![] }
}

/// Esc: the form closes and nothing is saved.
pub fn cancel(app: &mut App) {
    app.form = None;
    app.screen = app.form_return;
    app.set_status(StatusKind::Info, text::form_cancelled());
}

pub fn next(app: &mut App) {
    app.form.iter_mut().for_each(Form::next);
}

pub fn prev(app: &mut App) {
    app.form.iter_mut().for_each(Form::prev);
}

/// Enter: the next field; on the last one, save.
pub fn next_or_save(app: &mut App) -> Vec<Effect> {
    match app.form.as_ref() {
        Some(form) if form.on_last() => save(app),
        _ => {
            next(app);
            vec![]
        }
    }
}

/// ←/→ (`step` −1 or 1): a picker's previous or next choice; in a text field, the cursor.
pub fn cycle(app: &mut App, step: isize) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else { return vec![] };
    if form.cycle(step) {
        edited(app, Typed::Done);
    } else {
        let request = if step < 0 { InputRequest::GoToPrevChar } else { InputRequest::GoToNextChar };
        form.edit(request);
    }
    vec![]
}

/// A key with no binding: typed into the focused field.
pub fn typed_key(app: &mut App, event: KeyEvent) -> Vec<Effect> {
    if let (Some(form), Some(request)) =
        (app.form.as_mut(), tui_input::backend::crossterm::to_input_request(&Event::Key(event)))
    {
        let moved = matches!(
            request,
            InputRequest::GoToPrevChar
                | InputRequest::GoToNextChar
                | InputRequest::GoToPrevWord
                | InputRequest::GoToNextWord
                | InputRequest::GoToStart
                | InputRequest::GoToEnd
                | InputRequest::SetCursor(_)
        );
        let typed = form.edit(request);
        if !moved {
            edited(app, typed);
        }
    }
    vec![]
}

/// Text pasted in one piece: into the focused field, on one line.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    match app.form.as_mut() {
        Some(form) => {
            let typed = form.paste(text);
            edited(app, typed);
        }
        None => app.set_status(StatusKind::Info, "nothing to paste into: open a form (m, r) first"),
    }
    vec![]
}

/// After a key or a paste changed the focused field: its error is cleared; a full field
/// or a picker that has no such choice says so.
fn edited(app: &mut App, typed: Typed) {
    let Some(form) = app.form.as_mut() else { return };
    let Some(field) = form.fields.get_mut(form.focus) else { return };
    match typed {
        Typed::Done => field.error = None,
        Typed::Full => {
            field.error = None;
            app.set_status(StatusKind::Info, text::field_full());
        }
        Typed::NoChoice => {
            let message = text::no_such_choice(field.label, field.choices().unwrap_or_default());
            app.set_status(StatusKind::Info, message);
        }
    }
}

/// Ctrl-S (or Enter on the last field): checks every field; a bad one is marked with its
/// reason, the cursor goes to the first, and nothing is saved.
pub fn save(app: &mut App) -> Vec<Effect> {
    let (today, now) = (app.today, app.now.time());
    let Some(form) = app.form.as_mut() else { return vec![] };
    let submission = match form.submit(today, now) {
        Ok(submission) => submission,
        Err(errors) => {
            form.mark(&errors);
            app.set_status(StatusKind::Error, text::fields_to_fix(errors.len()));
            return vec![];
        }
    };
    let change = match submission {
        Submission::Markers(date, markers, fields) => Change::Markers { date, markers, fields },
        Submission::Run(run) => Change::Run(run),
        Submission::EditRun(id, run) => Change::EditRun { id, run },
        Submission::Unchanged => {
            app.form = None;
            app.screen = app.form_return;
            app.set_status(StatusKind::Info, text::run_unchanged());
            return vec![];
        }
    };
    form.saving = true;
    vec![Effect::Persist(change)]
}
