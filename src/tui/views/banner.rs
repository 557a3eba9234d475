//! The verdict banner on Today: the verdict as a word, confidence, hint, the top
//! reasons, what was not logged, and the focus metric's week as a sparkline.

use super::rows::{spread, truncate, wrap};
use crate::domain::focus::Focus;
use crate::domain::readiness::{Level, Verdict};
use crate::domain::values::fmt_num;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Widget};

/// From this width the banner has room for a third reason.
const WIDE: u16 = 100;

/// How many reasons the banner lists: at least 3 at 100 columns and more.
fn reason_rows(width: u16) -> u16 {
    if width >= WIDE { 3 } else { 2 }
}

/// Columns the verdict word takes on the first row, before the headline.
fn word_width(v: &Verdict) -> usize {
    v.level.name().len() + 3
}

/// The headline (and hint) wrapped beside the verdict word: one or two rows.
fn advice_lines(v: &Verdict, inner_width: usize) -> Vec<String> {
    let mut lines = wrap(&advice(v), inner_width.saturating_sub(word_width(v)).max(10));
    if lines.len() > 2 {
        lines.truncate(2);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), inner_width.saturating_sub(word_width(v)));
        }
    }
    lines
}

/// Rows the banner takes, borders included: the verdict and its headline (one or two
/// rows), the reasons, the footer.
pub fn height(v: &Verdict, compact: bool, width: u16) -> u16 {
    if compact {
        return 2;
    }
    let head = advice_lines(v, usize::from(width.saturating_sub(4))).len() as u16;
    2 + head + reason_rows(width) + 1
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// `▃▅·▇▆▅▃`: one cell a day, scaled to the week's own range, `·` for a gap.
pub fn sparkline(days: &[Option<f64>]) -> String {
    let known: Vec<f64> = days.iter().flatten().copied().collect();
    let (lo, hi) = known.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    days.iter()
        .map(|d| match d {
            None => '·',
            Some(_) if hi <= lo => BARS[3],
            Some(v) => BARS[(((v - lo) / (hi - lo)) * 7.0).round().clamp(0.0, 7.0) as usize],
        })
        .collect()
}

fn focus_spans<'a>(focus: &Focus, t: &Theme) -> Vec<Span<'a>> {
    let latest = focus
        .latest()
        .map_or("–".to_string(), |v| format!("{} {}", fmt_num((v * 10.0).round() / 10.0), focus.unit));
    vec![
        Span::styled(format!(" {} 7 d ", focus.label), t.dim()),
        Span::styled(sparkline(&focus.days), t.title()),
        Span::styled(format!(" {latest} "), t.text()),
    ]
}

fn word<'a>(v: &Verdict, t: &Theme) -> Span<'a> {
    Span::styled(format!(" {} ", v.level.name()), t.verdict(v.level))
}

/// The reasons a runner reads first, in their order (safety, pain, red, amber); on a day
/// with nothing to rate, what was logged and why it could not be rated.
fn reason_lines(v: &Verdict, n: usize) -> Vec<String> {
    let mut lines: Vec<String> = v.reasons.iter().take(n).map(|r| r.detail.clone()).collect();
    if v.level == Level::NoData && lines.len() < n {
        lines.push("press m to log this morning's markers".into());
    }
    lines
}

/// The headline, then the hint when it adds something.
fn advice(v: &Verdict) -> String {
    if v.hint == v.headline { v.headline.clone() } else { format!("{} — {}", v.headline, v.hint) }
}

fn footer(v: &Verdict) -> String {
    let mut parts = Vec::new();
    if !v.unavailable.is_empty() && v.level != Level::NoData {
        parts.push(format!("not logged: {}", v.unavailable.join(", ")));
    }
    parts.extend(v.calibration.iter().cloned());
    parts.join(" · ")
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let v = &app.day.verdict;
    let width = area.width as usize;
    if compact {
        let head =
            vec![word(v, t), Span::styled(format!(" {} · {}", v.confidence.name(), advice(v)), t.text())];
        let second = reason_lines(v, 1).into_iter().next().unwrap_or_default();
        let row = |n: u16| Rect { y: area.y + n, height: 1, ..area };
        if area.height >= 1 {
            spread(head, vec![], width, t.text()).render(row(0), buf);
        }
        if area.height >= 2 {
            Line::styled(format!(" {second}"), t.dim()).render(row(1), buf);
        }
        return;
    }
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border())
        .padding(Padding::horizontal(1))
        .title(Span::styled(" Readiness ", t.title()));
    if let Some(focus) = &app.day.focus {
        block = block.title_top(Line::from(focus_spans(focus, t)).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let row = |n: u16| Rect { y: inner.y + n, height: 1, ..inner };
    if inner.height < 3 {
        return;
    }
    let head = advice_lines(v, width);
    for (n, text) in head.iter().enumerate() {
        let lead = if n == 0 { word(v, t) } else { Span::raw(" ".repeat(v.level.name().len() + 2)) };
        Line::from(vec![lead, Span::styled(format!(" {text}"), t.text())]).render(row(n as u16), buf);
    }
    let first_reason = head.len() as u16;
    let footer_row = inner.height - 1;
    let room = usize::from(footer_row.saturating_sub(first_reason));
    for (n, r) in reason_lines(v, room).into_iter().enumerate() {
        Line::styled(format!("· {r}"), t.text()).render(row(first_reason + n as u16), buf);
    }
    let mut right = vec![Span::styled(format!("confidence {}", v.confidence.name()), t.dim())];
    if !v.checks.is_empty() {
        right.extend([Span::raw("  "), Span::styled("v", t.key()), Span::styled(" why", t.dim())]);
    }
    spread(vec![Span::styled(footer(v), t.dim())], right, width, t.text()).render(row(footer_row), buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_to_the_week_and_keep_gaps() {
        assert_eq!(sparkline(&[Some(60.0), None, Some(67.0), Some(63.5)]), "▁·█▅");
        assert_eq!(sparkline(&[Some(5.0), Some(5.0)]), "▄▄");
        assert_eq!(sparkline(&[None, None]), "··");
    }
}
