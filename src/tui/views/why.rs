//! The `v` overlay: every rule that ran for the day's verdict, with today's value, the
//! baseline and the threshold.

use super::popup;
use super::rows::wrapped;
use crate::domain::readiness::{Check, meaning, reference_label, value_label};
use crate::domain::values::fmt_num;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const MAX_WIDTH: u16 = 100;
/// Continuation lines start under the text, past the rule id and state.
const INDENT: usize = 20;

fn value(v: Option<f64>) -> String {
    v.map_or("–".into(), |x| fmt_num((x * 100.0).round() / 100.0))
}

fn check_lines<'a>(app: &App, c: &Check, width: usize) -> Vec<Line<'a>> {
    let t = &app.theme;
    let state = c.outcome.name();
    let style = match state {
        "red" => t.error(),
        "amber" => t.warn(),
        _ => t.dim(),
    };
    let head =
        vec![Span::styled(format!(" {:<12} ", c.rule), t.key()), Span::styled(format!("{state:<6}"), style)];
    let mut lines = wrapped(head, &c.detail, width, INDENT, t.text());
    let reference = match c.baseline {
        Some(b) => format!(" · {} {}", reference_label(c), value(Some(b))),
        None => String::new(),
    };
    let numbers = format!(
        "{} {}{reference}{}",
        value_label(c),
        value(c.today),
        if c.threshold.is_empty() { String::new() } else { format!(" · {}", c.threshold) }
    );
    lines.extend(wrapped(vec![Span::raw(" ".repeat(INDENT))], &numbers, width, INDENT, t.dim()));
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let v = &app.day.verdict;
    let width = usize::from(MAX_WIDTH.min(area.width).saturating_sub(3));
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {} ", v.level.name()), t.verdict(v.level)),
        Span::raw(format!("  confidence {}", v.confidence.name())),
    ])];
    // The meaning says what the headline says, at more length; then the hint by cause.
    lines.extend(wrapped(vec![Span::raw(" ")], meaning(v.level), width, 1, t.text()));
    if v.hint != v.headline {
        lines.extend(wrapped(vec![Span::raw(" ")], &v.hint, width, 1, t.text()));
    }
    if !v.reasons.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(" What decided it", t.title()));
        for r in &v.reasons {
            lines.extend(wrapped(vec![Span::raw(" ▸ ")], &r.detail, width, 3, t.text()));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Every rule that ran", t.title()));
    if v.checks.is_empty() {
        lines.push(Line::styled(" none: nothing that rates readiness was logged", t.dim()));
    }
    for c in &v.checks {
        lines.extend(check_lines(app, c, width));
    }
    lines.push(Line::raw(""));
    if !v.unavailable.is_empty() {
        let text = format!("not logged: {}", v.unavailable.join(", "));
        lines.extend(wrapped(vec![Span::raw(" ")], &text, width, 1, t.dim()));
    }
    for note in &v.calibration {
        lines.extend(wrapped(vec![Span::raw(" ")], note, width, 1, t.dim()));
    }
    lines.push(Line::styled(format!(" {} · READINESS.md", v.rules_version), t.dim()));
    let title = format!(" Why {} · {} ", v.level.name(), v.date.format("%a %-d %b"));
    popup::render(app, area, buf, &title, lines, MAX_WIDTH);
}
