//! The Log screen: the open form (`form.rs`), or the list of the last days (`loglist.rs`).
//! A form that leaves room under it on a tall terminal has the list below it, the row it
//! is about marked, so the days around the one being typed stay in view.

use super::{form, loglist};
use crate::tui::app::App;
use crate::tui::form::{Form, FormKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Rows a form keeps beyond one per field and its border: room for refusals and a
/// picker's choices, so the list under it does not move while one types.
const FORM_SPARE_ROWS: u16 = 3;
/// The list goes under a form only when it gets at least this many rows.
const LIST_MIN_ROWS: u16 = 12;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let Some(open) = &app.form else {
        loglist::render(app, area, buf, compact, Some(app.log_selected));
        return;
    };
    let height = form_height(open);
    let room = !compact && area.height >= height + LIST_MIN_ROWS;
    let Some(list) = app.log.as_ref().filter(|_| room) else {
        form::render(app, area, buf, compact);
        return;
    };
    form::render(app, Rect { height, ..area }, buf, compact);
    let below = Rect { y: area.y + height + 1, height: area.height - height - 1, ..area };
    let marked = match open.kind {
        FormKind::EditRun(id) => list.row_of_run(id),
        FormKind::Markers | FormKind::Run => list.row_of_day(open.date),
    };
    loglist::render(app, below, buf, compact, marked);
}

/// The rows a form takes when the list is under it: its fields, the spare and its border.
fn form_height(form: &Form) -> u16 {
    u16::try_from(form.fields.len()).unwrap_or(u16::MAX).saturating_add(FORM_SPARE_ROWS + 2)
}
