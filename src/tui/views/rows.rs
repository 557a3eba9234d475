//! Helpers for one-line rows: left text, right text, truncation by display width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
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

/// A line `width` wide: `left` spans, then `right` flush right. The left side is cut
/// first when both do not fit.
pub fn spread<'a>(left: Vec<Span<'a>>, right: Vec<Span<'a>>, width: usize, style: Style) -> Line<'a> {
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
            let cut = truncate(&span.content, room - used);
            used += cut.width();
            spans.push(Span::styled(cut, span.style));
            break;
        }
    }
    if right_w > 0 && right_w <= width {
        spans.push(Span::raw(" ".repeat(width - used - right_w)));
        spans.extend(right);
    } else {
        spans.push(Span::raw(" ".repeat(width - used)));
    }
    Line::from(spans).style(style)
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

    #[test]
    fn spreads_to_the_exact_width() {
        let line = spread(vec![Span::raw("left")], vec![Span::raw("1:30")], 12, Style::new());
        assert_eq!(line.to_string(), "left    1:30");
        let line = spread(vec![Span::raw("a long title")], vec![Span::raw("1:30")], 10, Style::new());
        assert_eq!(line.to_string(), "a lo… 1:30");
        assert_eq!(line.width(), 10);
    }
}
