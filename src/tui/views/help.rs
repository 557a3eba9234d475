//! The `?` overlay: every binding of the current screen, generated from the keymap. Each
//! description wraps under itself beside its keys; where the overlay is too narrow for
//! both side by side, the keys stand on a line of their own above their description.

use super::popup;
use super::rows::wrapped;
use crate::tui::app::App;
use crate::tui::keymap::{self, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const MAX_WIDTH: u16 = 80;
/// The narrowest description column beside the keys; narrower, keys and text stack.
const MIN_TEXT: usize = 16;
/// A stacked description's indent.
const STACK_INDENT: usize = 3;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // The bindings of the screen under the overlay; the overlay's own (scroll, close)
    // are in its footer and the status bar.
    let bindings: Vec<&keymap::Binding> = keymap::active(Mode::Screen(app.screen)).collect();
    let key_width = bindings.iter().map(|b| keymap::keys_label(b).chars().count()).max().unwrap_or(0);
    let width = popup::text_width(area, MAX_WIDTH);
    let side_by_side = width >= 1 + key_width + 2 + MIN_TEXT;
    let mut lines: Vec<Line> = Vec::new();
    for b in &bindings {
        let keys = keymap::keys_label(b);
        if side_by_side {
            let head = vec![Span::styled(format!(" {keys:<key_width$}  "), t.key())];
            lines.extend(wrapped(head, b.help, width, 0, t.text()));
        } else {
            lines.push(Line::styled(format!(" {keys}"), t.key()));
            lines.extend(wrapped(vec![Span::raw(" ".repeat(STACK_INDENT))], b.help, width, 0, t.text()));
        }
    }
    popup::render(app, area, buf, &format!(" Keys · {} ", app.screen.title()), lines, MAX_WIDTH);
}
