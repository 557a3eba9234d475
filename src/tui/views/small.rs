//! Below 40×12: a notice instead of a squeezed screen (timers keep running).

use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::text;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = text::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT)
        .into_iter()
        .map(|l| Line::styled(l, app.theme.text()))
        .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let inner = Rect { y: area.y + top, height: area.height - top, ..area };
    Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }).render(inner, buf);
}
