//! The Log screen: the open form (`form.rs`), or the list of the last days (`loglist.rs`).

use super::{form, loglist};
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    if app.form.is_some() {
        form::render(app, area, buf, compact);
    } else {
        loglist::render(app, area, buf, compact);
    }
}
