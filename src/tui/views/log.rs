//! The Log screen: the open form (`form.rs`), or what opens one.

use super::form;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    if app.form.is_some() {
        form::render(app, area, buf, compact);
        return;
    }
    Line::styled(" m: log this morning's markers · r: log a run", app.theme.dim()).render(area, buf);
}
