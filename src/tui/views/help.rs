//! The `?` overlay: every binding of the current screen, generated from the keymap.

use super::popup;
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // The bindings of the screen under the overlay; the overlay's own (scroll, close)
    // are in its footer and the status bar.
    let bindings: Vec<&keymap::Binding> = keymap::active(Mode::Screen(app.screen)).collect();
    let key_width = bindings.iter().map(|b| keymap::keys_label(b).chars().count()).max().unwrap_or(0);
    let lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:<key_width$}  ", keymap::keys_label(b)), t.key()),
                Span::raw(b.help),
            ])
        })
        .collect();
    popup::render(app, area, buf, &format!(" Keys · {} ", app.screen.title()), lines, 80);
}
