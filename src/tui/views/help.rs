//! The `?` overlay: every binding of the current screen, generated from the keymap.

use crate::tui::app::App;
use crate::tui::keymap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // The bindings of the screen under the overlay; the overlay's own (scroll, close)
    // are in its footer and the status bar.
    let bindings: Vec<&keymap::Binding> = keymap::active(false).collect();
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
    let want_w = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3;
    let width = want_w.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let visible = usize::from(height.saturating_sub(2));
    let scroll = app.help_scroll.min(lines.len().saturating_sub(visible));
    let footer = if scroll + visible < lines.len() { " j/k scroll · Esc closes " } else { " Esc closes " };
    let popup =
        Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(t.border())
                .title(Span::styled(" Keys · Today ", t.title()))
                .title_bottom(Line::styled(footer, t.dim()).right_aligned()),
        )
        .render(popup, buf);
}
