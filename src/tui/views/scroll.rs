//! The one scrollbar of every list and overlay that does not fit: a thumb on a track in
//! one column, drawn only when the rows outnumber the lines shown. Its glyphs differ
//! (`█` on `│`), so it reads without colour.

use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// Whether `total` rows need a scrollbar beside `visible` lines.
pub fn needed(total: usize, visible: usize) -> bool {
    visible > 0 && total > visible
}

/// A vertical scrollbar in the column `column` (one cell wide, as tall as the lines shown)
/// for `total` rows of which `visible` are shown from `offset`. Nothing when all fit.
pub fn render(theme: &Theme, column: Rect, total: usize, visible: usize, offset: usize, buf: &mut Buffer) {
    if !needed(total, visible) || column.width == 0 || column.height == 0 {
        return;
    }
    let last = total - visible;
    let mut state = ScrollbarState::new(last + 1).position(offset.min(last)).viewport_content_length(visible);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .track_style(theme.dim())
        .thumb_symbol("█")
        .thumb_style(theme.text())
        .render(column, buf, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(total: usize, visible: usize, offset: usize) -> String {
        let area = Rect::new(0, 0, 1, visible as u16);
        let mut buf = Buffer::empty(area);
        render(&Theme { color: false }, area, total, visible, offset, &mut buf);
        (0..area.height).map(|y| buf[(0, y)].symbol().to_string()).collect()
    }

    #[test]
    fn drawn_only_when_the_rows_do_not_fit() {
        assert_eq!(column(4, 4, 0), "    ");
        assert_eq!(column(3, 4, 0), "    ");
        assert_eq!(column(8, 4, 0), "██││");
        assert_eq!(column(8, 4, 4), "││██");
    }
}
