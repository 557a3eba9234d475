//! A centred overlay box that scrolls (`j`/`k`) when it is taller than the terminal.

use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer, title: &str, lines: Vec<Line>, max_width: u16) {
    let t = &app.theme;
    let want_w = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3;
    let width = want_w.max(title.chars().count() as u16 + 4).min(max_width).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let visible = usize::from(height.saturating_sub(2));
    let scroll = app.overlay_scroll.min(lines.len().saturating_sub(visible));
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
                .title(Span::styled(title.to_string(), t.title()))
                .title_bottom(Line::styled(footer, t.dim()).right_aligned()),
        )
        .render(popup, buf);
}
