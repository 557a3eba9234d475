//! The verdict banner on Today: the verdict as a word, confidence, hint, the top
//! reasons, what was not logged, and the focus metric's week as a sparkline.

use super::rows::spread;
use crate::domain::focus::Focus;
use crate::domain::readiness::{Level, Verdict};
use crate::domain::values::fmt_num;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Widget};

/// Rows the banner takes, borders included.
pub fn height(compact: bool) -> u16 {
    if compact { 2 } else { 6 }
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

/// The reasons a runner reads first; on a quiet day, what the verdict rests on.
fn reason_lines(v: &Verdict, n: usize) -> Vec<String> {
    match v.level {
        Level::NoData => vec!["press m to log this morning's markers".into()],
        _ if v.reasons.is_empty() => vec!["no marker worse than your usual".into()],
        _ => v.reasons.iter().take(n).map(|r| r.detail.clone()).collect(),
    }
}

fn footer(v: &Verdict) -> String {
    let mut parts = Vec::new();
    if !v.unavailable.is_empty() && v.level != Level::NoData {
        parts.push(format!("not logged: {}", v.unavailable.join(", ")));
    }
    parts.extend(v.baseline_note.clone());
    parts.join(" · ")
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let v = &app.day.verdict;
    let width = area.width as usize;
    if compact {
        let head = vec![word(v, t), Span::styled(format!(" {} · {}", v.confidence.name(), v.hint), t.text())];
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
    let head = vec![
        word(v, t),
        Span::styled(format!("  confidence {}", v.confidence.name()), t.dim()),
        Span::styled(format!("  {}", v.hint), t.text()),
    ];
    let row = |n: u16| Rect { y: inner.y + n, height: 1, ..inner };
    if inner.height < 4 {
        return;
    }
    spread(head, vec![], width, t.text()).render(row(0), buf);
    for (n, r) in reason_lines(v, 2).into_iter().enumerate() {
        Line::styled(format!("· {r}"), t.text()).render(row(1 + n as u16), buf);
    }
    let why = if v.checks.is_empty() {
        vec![]
    } else {
        vec![Span::styled("v", t.key()), Span::styled(" why", t.dim())]
    };
    spread(vec![Span::styled(footer(v), t.dim())], why, width, t.text()).render(row(3), buf);
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
