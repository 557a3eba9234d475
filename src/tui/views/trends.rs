//! The Trends screen: one marker over 7 / 28 / 90 / 365 days or all, against the runner's
//! own band, the verdict strip under it on the chart's own columns, and the summary. Long
//! windows group their days into equal cells (a column each); days without data stay gaps.

use super::charts::{self, Placed};
use super::rows::{after, spread};
use crate::domain::readiness::Level;
use crate::domain::trends::{Marker, Series, worst};
use crate::text;
use crate::tui::app::{App, Trends};
use crate::tui::hits::Target;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let [tabs, body, strip, summary] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if compact { 1 } else { 2 }),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(app, tabs, buf, compact);
    let Some(data) = app.trends.as_ref().filter(|d| d.series.marker == app.marker) else {
        Line::styled(" reading…", t.dim()).render(body, buf);
        return;
    };
    let placed = if data.series.values.iter().all(Option::is_none) {
        let text = format!(" no {} logged in this window", data.series.marker.label().to_lowercase());
        Line::styled(text, t.dim()).render(body, buf);
        None
    } else if app.marker == Marker::Load {
        charts::load(data, t, body, buf, compact)
    } else {
        charts::marker(data, t, body, buf, compact)
    };
    if let Some(placed) = placed {
        render_strip(&data.series, &placed, t, strip, buf, compact);
    }
    spread(vec![Span::styled(summary_text(data), t.text())], vec![], summary.width as usize, t.text())
        .render(summary, buf);
}

fn render_tabs(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let mut left = vec![Span::raw(" ")];
    for m in Marker::ALL {
        let name = if compact { m.name().to_string() } else { m.label().to_string() };
        let style = if m == app.marker { t.tab_active() } else { t.dim() };
        let tab = Span::styled(format!(" {name} "), style);
        app.hits.add(after(&left, area, tab.width()), Target::Marker(m));
        left.push(tab);
    }
    let right = vec![Span::styled(format!(" {} ", app.window.label()), t.title())];
    let window = right.iter().map(Span::width).sum::<usize>() as u16;
    app.hits.add(
        Rect { x: area.right().saturating_sub(window), width: window.min(area.width), ..area },
        Target::Window,
    );
    spread(left, right, area.width as usize, t.text()).render(area, buf);
}

/// A verdict as a letter, so the strip reads without colour.
pub fn verdict_cell(level: Option<Level>, t: &Theme) -> Span<'static> {
    match level {
        Some(l @ Level::Go) => Span::styled("G", t.verdict_fg(l)),
        Some(l @ Level::GoCaution) => Span::styled("C", t.verdict_fg(l)),
        Some(l @ Level::Easy) => Span::styled("E", t.verdict_fg(l)),
        Some(l @ Level::Rest) => Span::styled("R", t.verdict_fg(l)),
        _ => Span::styled("·", t.dim()),
    }
}

/// The days' verdicts, one cell on each of the chart's columns (the worst of the cell's
/// days when a cell holds several), and under it what the letters mean.
fn render_strip(s: &Series, placed: &Placed, t: &Theme, area: Rect, buf: &mut Buffer, compact: bool) {
    let Placed { plot, cols } = placed;
    if area.height == 0 || plot.x < area.x || plot.right() > area.right() {
        return;
    }
    for (c, level) in cols.per_cell(&s.verdicts, worst).into_iter().enumerate() {
        buf.set_span(plot.x + cols.column(c) as u16, area.y, &verdict_cell(level, t), 1);
    }
    let per_cell = if cols.size == 1 {
        "one per day".to_string()
    } else {
        format!("worst of {} days per cell", cols.size)
    };
    let legend = format!("↑ verdicts, {per_cell}:  G go  C caution  E easy  R rest  · none");
    if !compact && area.height > 1 {
        let row = Rect { x: area.x + 1, y: area.y + 1, width: area.width.saturating_sub(1), height: 1 };
        Line::styled(legend, t.dim()).render(row, buf);
    }
}

fn summary_text(d: &Trends) -> String {
    let acwr = (d.series.marker == Marker::Load).then_some(d.acwr);
    format!(" {}", text::trend_summary(d.series.marker, &d.summary, acwr))
}
