//! The first-run welcome on an empty database.

use crate::text;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Widget};

pub fn height(compact: bool) -> u16 {
    if compact { text::WELCOME_COMPACT.len() as u16 } else { text::WELCOME.len() as u16 + 2 }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    if compact {
        let lines: Vec<Line> = text::WELCOME_COMPACT.iter().map(|l| Line::styled(*l, t.dim())).collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let lines: Vec<Line> = text::WELCOME.iter().map(|l| Line::raw(*l)).collect();
    Paragraph::new(lines)
        .block(
            Block::new()
                .borders(Borders::ALL)
                .padding(Padding::horizontal(1))
                .border_style(t.border())
                .title(Span::styled(text::WELCOME_TITLE, t.title())),
        )
        .render(area, buf);
}
