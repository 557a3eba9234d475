//! The Log screen's list: a row per day (its markers and verdict), a row per run under
//! it, the marked row reversed (the selection, or under a form the row the form is about),
//! scrolled to keep it in view, with a scrollbar when the rows do not fit.

use super::rows::spread;
use super::scroll;
use crate::domain::readiness::Level;
use crate::domain::records::{Markers, Run};
use crate::domain::units::Units;
use crate::domain::values::fmt_num;
use crate::tui::app::App;
use crate::tui::hits::{Pane, Target};
use crate::tui::loglist::{LogDay, Row};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool, marked: Option<usize>) {
    let t = &app.theme;
    let Some(list) = &app.log else {
        Line::styled(" reading…", t.dim()).render(area, buf);
        return;
    };
    let rows = list.rows();
    let height = usize::from(area.height.saturating_sub(1));
    // A scrollbar in the last column when the rows do not fit; the rows give it room.
    let bar = scroll::needed(rows.len(), height) && area.width > 1;
    let area = if bar { Rect { width: area.width.saturating_sub(1), ..area } } else { area };
    let heading =
        format!(" The last {} days: the morning's markers, each run under its day", list.days.len());
    spread(
        vec![Span::styled(heading, t.dim())],
        vec![Span::styled("verdict ", t.dim())],
        area.width as usize,
        t.text(),
    )
    .render(Rect { height: 1, ..area }, buf);
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    // Keep a row of context under the selection while the list goes on.
    let offset = (marked.unwrap_or(0) + 2).saturating_sub(height).min(rows.len().saturating_sub(height));
    app.hits.add(body, Target::Pane(Pane::Log));
    for (n, row) in rows.iter().enumerate().skip(offset).take(height) {
        let line = Rect { y: body.y + (n - offset) as u16, height: 1, ..body };
        app.hits.add(line, Target::LogRow(n));
        let selected = Some(n) == marked;
        let (left, right) = match *row {
            Row::Day(d) => day_row(app, &list.days[d], compact),
            Row::Run(d, r) => run_row(app, &list.days[d].runs[r], compact),
        };
        let style = if selected { t.selected() } else { Style::default() };
        let left = if selected { left.into_iter().map(|s| s.patch_style(style)).collect() } else { left };
        spread(left, right, line.width as usize, style).render(line, buf);
    }
    if bar {
        let column = Rect { x: body.right(), width: 1, ..body };
        scroll::render(t, column, rows.len(), height, offset, buf);
    }
}

fn day_row(app: &App, day: &LogDay, compact: bool) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let t = &app.theme;
    let name = if day.date == app.today {
        "today".to_string()
    } else if compact {
        day.date.format("%d %b").to_string()
    } else {
        day.date.format("%a %-d %b").to_string()
    };
    let mut left = vec![Span::styled(format!(" {name:<11}"), t.title())];
    match &day.markers {
        Some(m) => left.push(Span::styled(markers(m, compact, app.units), t.text())),
        None => left.push(Span::styled("no markers", t.dim())),
    }
    let right = match day.verdict {
        Some(level) if level != Level::NoData => {
            vec![Span::styled(level.name().replace('_', " "), t.verdict_fg(level)), Span::raw(" ")]
        }
        _ => vec![Span::styled("–", t.dim()), Span::raw(" ")],
    };
    (left, right)
}

/// "RHR 52 · HRV 61.5 · sleep 7.5 h 4/5 · sore 3 · pain 4 knee · ill".
fn markers(m: &Markers, compact: bool, units: Units) -> String {
    let mut parts = Vec::new();
    let mut push = |label: &str, value: Option<String>| {
        if let Some(v) = value {
            parts.push(if label.is_empty() { v } else { format!("{label} {v}") });
        }
    };
    push("RHR", m.rhr.map(|v| v.to_string()));
    push("HRV", m.hrv.map(fmt_num));
    let quality = m.sleep_quality.map(|q| format!(" {q}/5")).unwrap_or_default();
    push("sleep", m.sleep_hours.map(|h| format!("{} h{quality}", fmt_num(h))));
    push("sore", m.soreness.map(|v| v.to_string()));
    let site = m.pain_site.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
    push("pain", m.pain.map(|v| format!("{v}{site}")));
    if !compact {
        push("hop", m.hop_cm.map(|v| format!("{} cm", fmt_num(v))));
        push("balance", m.balance_s.map(|v| format!("{} s", fmt_num(v))));
        push("", m.weight_kg.map(|v| units.mass(v)));
    }
    if m.ill == Some(true) {
        parts.push("ill".into());
    }
    if parts.is_empty() { "a note only".into() } else { parts.join(" · ") }
}

fn run_row(app: &App, run: &Run, compact: bool) -> (Vec<Span<'static>>, Vec<Span<'static>>) {
    let t = &app.theme;
    let mut text = format!("{} {} min", run.kind.name(), run.minutes);
    if let Some(km) = run.km {
        text.push_str(&format!(" · {}", app.units.distance(km)));
    }
    if let Some(rpe) = run.rpe {
        text.push_str(&format!(" · RPE {rpe}"));
    }
    let indent = if compact { "   " } else { "     " };
    let left = vec![
        Span::styled(format!("{indent}↳ {} ", run.at.format("%H:%M")), t.dim()),
        Span::styled(text, t.text()),
    ];
    let id = run.id.map(|id| format!("run {id} ")).unwrap_or_default();
    (left, vec![Span::styled(id, t.dim())])
}
