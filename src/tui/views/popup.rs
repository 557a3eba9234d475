//! Overlay boxes (help, why, the confirm question): where one goes and what it clears.
//! One place for both, so no overlay leaves fragments of the screen at its edges: the box
//! and a one-cell margin round it are cleared (screen text no longer runs into the
//! border), and a wide character just left of that margin, whose right half would spill
//! into it, is blanked too (a terminal draws both halves, and ratatui's diff skips the
//! cell the first half covers, so the border or margin there would never be drawn).

use super::scroll;
use crate::tui::app::App;
use crate::tui::hits::{Pane, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The blank cells kept round an overlay, on each side.
pub const MARGIN: u16 = 1;

/// The rectangle of a `width`×`height` box centred in `area` (each side clamped to it).
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The box and its margin, within `area`.
pub fn cleared(area: Rect, popup: Rect) -> Rect {
    let x = popup.x.saturating_sub(MARGIN).max(area.x);
    let y = popup.y.saturating_sub(MARGIN).max(area.y);
    let right = popup.right().saturating_add(MARGIN).min(area.right());
    let bottom = popup.bottom().saturating_add(MARGIN).min(area.bottom());
    Rect { x, y, width: right.saturating_sub(x), height: bottom.saturating_sub(y) }
}

/// Places a `width`×`height` box centred in `area` and clears what is under it and its
/// margin; returns the box.
pub fn place(area: Rect, width: u16, height: u16, buf: &mut Buffer) -> Rect {
    let popup = centred(area, width, height);
    let clear = cleared(area, popup);
    if clear.x > buf.area.x {
        for y in clear.top()..clear.bottom() {
            if let Some(cell) = buf.cell_mut((clear.x - 1, y))
                && cell.symbol().width() > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(clear, buf);
    popup
}

/// The widest text line an overlay of at most `max_width` columns holds in `area` (its
/// lines start with their own space; the borders and a space on the right take 3).
pub fn text_width(area: Rect, max_width: u16) -> usize {
    usize::from(max_width.min(area.width).saturating_sub(3)).max(1)
}

/// A titled overlay of `lines` that scrolls (`j`/`k`, with a scrollbar on its right
/// border) when it is taller than the terminal.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, title: &str, lines: Vec<Line>, max_width: u16) {
    let t = &app.theme;
    let want_w = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3;
    let width = want_w.max(title.width() as u16 + 4).min(max_width);
    let height = lines.len() as u16 + 2;
    let popup = place(area, width, height, buf);
    let visible = usize::from(popup.height.saturating_sub(2));
    let total = lines.len();
    let scroll = app.overlay_scroll.min(total.saturating_sub(visible));
    let footer = if scroll + visible < total { " j/k scroll · Esc closes " } else { " Esc closes " };
    app.hits.add(popup, Target::Pane(Pane::Overlay));
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
    let bar = Rect {
        x: popup.right().saturating_sub(1),
        y: popup.y + 1,
        width: 1.min(popup.width),
        height: popup.height.saturating_sub(2),
    };
    scroll::render(t, bar, total, visible, scroll, buf);
}
