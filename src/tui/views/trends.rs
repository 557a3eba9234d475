//! The Trends screen: one marker over 7 / 28 / 90 / 365 days or all, against the runner's
//! own band, the verdict strip under it, and the summary. Long windows are shrunk to the
//! chart's width; days without data stay gaps.

use super::plot::{self, Plot};
use super::rows::spread;
use crate::domain::readiness::Level;
use crate::domain::trends::{self, Marker, Series, downsample, downsample_verdicts};
use crate::text;
use crate::tui::app::{App, Trends};
use crate::tui::theme::Theme;
use chrono::Days;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Widget};

/// Room the y-axis labels take.
const Y_LABELS: u16 = 8;

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
    if data.series.values.iter().all(Option::is_none) {
        let text = format!(" no {} logged in this window", data.series.marker.label().to_lowercase());
        Line::styled(text, t.dim()).render(body, buf);
    } else if app.marker == Marker::Load {
        render_load(data, t, body, buf, compact);
    } else {
        render_chart(&data.series, t, body, buf, compact);
    }
    render_strip(&data.series, t, strip, buf, compact);
    spread(vec![Span::styled(summary_text(data), t.text())], vec![], summary.width as usize, t.text())
        .render(summary, buf);
}

/// More runs of days than this are drawn as dots: a marker logged now and then would be
/// a spray of short lines.
const MAX_LINES: usize = 12;

fn render_tabs(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let mut left = vec![Span::raw(" ")];
    for m in Marker::ALL {
        let name = if compact { m.name().to_string() } else { m.label().to_string() };
        let style = if m == app.marker { t.tab_active() } else { t.dim() };
        left.push(Span::styled(format!(" {name} "), style));
    }
    let right = vec![Span::styled(format!(" {} ", app.window.label()), t.title())];
    spread(left, right, area.width as usize, t.text()).render(area, buf);
}

/// Contiguous runs of days with data, as chart points (x = day index); a gap ends a run.
fn segments(values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i as f64, *v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn render_chart(s: &Series, t: &Theme, area: Rect, buf: &mut Buffer, compact: bool) {
    let width = usize::from(area.width.saturating_sub(Y_LABELS + 2)).max(1) * 2;
    let values = downsample(&s.values, width);
    let mean7 = downsample(&s.mean7, width);
    let low = downsample(&s.band.iter().map(|b| b.map(|(l, _)| l)).collect::<Vec<_>>(), width);
    let high = downsample(&s.band.iter().map(|b| b.map(|(_, h)| h)).collect::<Vec<_>>(), width);
    let all: Vec<f64> =
        [&values, &mean7, &low, &high].iter().flat_map(|v| v.iter().flatten().copied()).collect();
    let (lo, hi) = all.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let pad = ((hi - lo) * 0.1).max(0.5);
    let (lo, hi) = (lo - pad, hi + pad);
    let n = values.len().max(2) as f64 - 1.0;
    let runs = [segments(&low), segments(&high), segments(&mean7), segments(&values)];
    let styles = [t.dim(), t.dim(), t.title(), t.text()];
    let series = runs
        .iter()
        .zip(styles)
        .map(|(runs, style)| plot::Series {
            runs,
            style,
            draw: if runs.len() <= MAX_LINES { plot::Draw::Lines } else { plot::Draw::Dots },
        })
        .collect();
    let date = |i: f64| {
        let days = ((s.to - s.from).num_days() as f64 * i / n).round() as u64;
        (s.from + Days::new(days)).format("%-d %b").to_string()
    };
    let x_labels = if compact { vec![date(0.0), date(n)] } else { vec![date(0.0), date(n / 2.0), date(n)] };
    let title = format!(" {} ({}) ", s.marker.label(), s.marker.unit());
    let legend =
        if matches!(s.marker, Marker::Hrv) { " band μ ± 0.5 SD · 7-day mean " } else { " 7-day mean " };
    let block = Block::new()
        .borders(if compact { Borders::NONE } else { Borders::ALL })
        .border_style(t.border())
        .title(Span::styled(title, t.title()))
        .title_bottom(Line::styled(legend, t.dim()).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    Plot {
        series,
        x_bounds: [0.0, n.max(1.0)],
        y_bounds: [lo, hi],
        x_labels,
        y_labels: vec![trends::show(lo), trends::show((lo + hi) / 2.0), trends::show(hi)],
        axis_style: t.dim(),
    }
    .render(inner, buf);
}

fn render_load(data: &Trends, t: &Theme, area: Rect, buf: &mut Buffer, compact: bool) {
    let bar_width = 5u16;
    let fits = usize::from(area.width.saturating_sub(2) / (bar_width + 1)).max(1);
    let weeks = &data.weekly[data.weekly.len().saturating_sub(fits)..];
    let bars: Vec<Bar> = weeks
        .iter()
        .map(|(week, load)| {
            Bar::default()
                .value(load.round().max(0.0) as u64)
                .label(Line::from(week.format("%-d/%m").to_string()))
                .text_value(format!("{:.0}", load / 100.0))
                .style(t.title())
        })
        .collect();
    BarChart::default()
        .block(
            Block::new()
                .borders(if compact { Borders::NONE } else { Borders::ALL })
                .border_style(t.border())
                .title(Span::styled(" Weekly training load (RPE × min, shown in hundreds) ", t.title())),
        )
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .render(area, buf);
}

fn verdict_cell(level: Option<Level>, t: &Theme) -> Span<'static> {
    match level {
        Some(l @ Level::Go) => Span::styled("G", t.verdict_fg(l)),
        Some(l @ Level::GoCaution) => Span::styled("C", t.verdict_fg(l)),
        Some(l @ Level::Easy) => Span::styled("E", t.verdict_fg(l)),
        Some(l @ Level::Rest) => Span::styled("R", t.verdict_fg(l)),
        _ => Span::styled("·", t.dim()),
    }
}

fn render_strip(s: &Series, t: &Theme, area: Rect, buf: &mut Buffer, compact: bool) {
    let label = "verdicts ";
    let width = usize::from(area.width).saturating_sub(label.len() + 2);
    let mut spans = vec![Span::styled(format!(" {label}"), t.dim())];
    // One cell per day, stretched or shrunk to the width, under the chart's dates.
    let cells = downsample_verdicts(&s.verdicts, width);
    let n = cells.len();
    if n > 0 {
        spans.extend((0..width).map(|i| verdict_cell(cells[i * n / width], t)));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
    if !compact && area.height > 1 {
        let legend = "          G go · C caution · E easy · R rest · · no data";
        Line::styled(legend, t.dim()).render(Rect { y: area.y + 1, height: 1, ..area }, buf);
    }
}

fn summary_text(d: &Trends) -> String {
    let acwr = (d.series.marker == Marker::Load).then_some(d.acwr);
    format!(" {}", text::trend_summary(d.series.marker, &d.summary, acwr))
}
