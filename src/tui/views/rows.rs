//! Helpers for one-line rows: left text, right text, truncation by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Cuts `text` to at most `max` columns, ending in "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > max {
            break;
        }
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// A row: `left` spans, and `right` flush right, on a background `style`. The left side
/// is cut first when both do not fit. Nothing is padded with spaces: the row's style is
/// set on the whole area and the two sides are drawn where they belong.
pub struct Spread<'a> {
    left: Line<'a>,
    right: Line<'a>,
    style: Style,
}

pub fn spread<'a>(left: Vec<Span<'a>>, right: Vec<Span<'a>>, width: usize, style: Style) -> Spread<'a> {
    let right_w: usize = right.iter().map(Span::width).sum();
    let room = width.saturating_sub(if right_w > 0 { right_w + 1 } else { 0 });
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut used = 0;
    for span in left {
        let w = span.width();
        if used + w <= room {
            used += w;
            spans.push(span);
        } else {
            spans.push(Span::styled(truncate(&span.content, room - used), span.style));
            break;
        }
    }
    let right = if right_w > 0 && right_w <= width { Line::from(right) } else { Line::default() };
    Spread { left: Line::from(spans), right, style }
}

impl Widget for Spread<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.style);
        self.left.render(area, buf);
        let right_w = self.right.width() as u16;
        if right_w > 0 && right_w <= area.width {
            self.right.render(Rect { x: area.right() - right_w, width: right_w, ..area }, buf);
        }
    }
}

/// Splits `text` into lines of at most `width` columns at spaces; a word longer than a
/// line is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let last = lines.last_mut().map_or(0, |l| l.width());
        if last > 0 && last + 1 + word.width() > width {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&truncate(word, width));
        }
    }
    lines
}

/// `text` after the spans `first`, wrapped to `width` columns; each line after the first
/// indented to line up under the text (at least `indent` columns).
pub fn wrapped<'a>(
    first: Vec<Span<'a>>,
    text: &str,
    width: usize,
    indent: usize,
    style: Style,
) -> Vec<Line<'a>> {
    let lead: usize = first.iter().map(Span::width).sum();
    let mut parts = wrap(text, width.saturating_sub(lead.max(indent))).into_iter();
    let mut head = first;
    head.push(Span::styled(parts.next().unwrap_or_default(), style));
    let mut lines = vec![Line::from(head)];
    lines.extend(parts.map(|p| Line::styled(format!("{}{p}", " ".repeat(lead.max(indent))), style)));
    lines
}

/// The cells a span `width` columns wide takes when it follows `before` on the one-line
/// `area` (cut at its right edge): where a tab is, for the mouse.
pub fn after(before: &[Span], area: Rect, width: usize) -> Rect {
    let x = before.iter().map(Span::width).sum::<usize>();
    let x = area.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    Rect { x, width, ..area }.intersection(Rect { height: 1, ..area })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate("Glute bridges 2×10", 40), "Glute bridges 2×10");
        assert_eq!(truncate("Glute bridges 2×10", 8), "Glute b…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("amber ≤ 59 ms (z ≤ −1), red ≤ 54 ms", 16),
            ["amber ≤ 59 ms (z", "≤ −1), red ≤ 54", "ms"]
        );
        assert_eq!(wrap("short", 40), ["short"]);
        assert_eq!(wrap("", 10), [""]);
    }

    fn drawn(row: Spread, width: u16) -> String {
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        row.render(area, &mut buf);
        (0..width).map(|x| buf[(x, 0)].symbol().to_string()).collect()
    }

    #[test]
    fn spreads_to_the_exact_width() {
        assert_eq!(
            drawn(spread(vec![Span::raw("left")], vec![Span::raw("1:30")], 12, Style::new()), 12),
            "left    1:30"
        );
        let long = spread(vec![Span::raw("a long title")], vec![Span::raw("1:30")], 10, Style::new());
        assert_eq!(drawn(long, 10), "a lo… 1:30");
    }
}
