//! The first-run welcome on an empty database: the three things to do and the tour. Its
//! lines wrap to the width they get, and its height counts the wrapped lines, so nothing
//! of it is cut (a boxed one in the full layout, plain lines in the compact one).

use super::rows::wrap;
use crate::text;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Widget};

/// The box's borders and padding, across.
const FRAME_W: u16 = 4;

/// The welcome's lines wrapped to `width` columns.
fn lines(compact: bool, width: u16) -> Vec<String> {
    let (source, text_w): (&[&str], u16) = if compact {
        (&text::WELCOME_COMPACT, width)
    } else {
        (&text::WELCOME, width.saturating_sub(FRAME_W))
    };
    source.iter().flat_map(|l| wrap(l, usize::from(text_w))).collect()
}

/// The rows the welcome takes at `width` columns.
pub fn height(compact: bool, width: u16) -> u16 {
    let rows = lines(compact, width).len() as u16;
    if compact { rows } else { rows + 2 }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let wrapped = lines(compact, area.width);
    if compact {
        let lines: Vec<Line> = wrapped.into_iter().map(|l| Line::styled(l, t.dim())).collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let lines: Vec<Line> = wrapped.into_iter().map(Line::raw).collect();
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
