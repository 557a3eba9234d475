//! The two Trends charts: a marker against its usual range, and the training load. Both
//! lay the window's days on the plot's columns (`Columns`) and hand that mapping back, so
//! the verdict strip sits on the same columns.

use super::plot::{self, Layer, Plot};
use crate::domain::scale::{Columns, Ticks, mean};
use crate::domain::trends::Marker;
use crate::domain::values::fmt_num;
use crate::tui::app::Trends;
use crate::tui::theme::Theme;
use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// Where a chart put the days: its plot area and the day → column mapping.
pub struct Placed {
    pub plot: Rect,
    pub cols: Columns,
}

/// The glyphs: each series its own, so nothing depends on colour.
pub const POINT: &str = "●";
pub const MEAN: &str = "━";
pub const BAND: &str = "░";
pub const BASELINE: &str = "┄";
pub const BAR: &str = "█";
pub const CHRONIC: &str = "═";

fn frame<'a>(title: String, legend: Vec<Span<'a>>, t: &Theme, compact: bool) -> Block<'a> {
    Block::new()
        .borders(if compact { Borders::NONE } else { Borders::ALL })
        .border_style(t.border())
        .title(Span::styled(title, t.title()))
        .title_bottom(Line::from(legend).right_aligned())
}

/// A legend entry: the glyph in its series' style, then its name.
fn entry<'a>(glyph: &'a str, style: Style, name: String, t: &Theme) -> [Span<'a>; 2] {
    [Span::styled(format!(" {glyph}"), style), Span::styled(format!(" {name} "), t.dim())]
}

/// Dates under the x axis: one every ~14 columns (two when compact), at evenly spread cells.
fn x_labels(cols: &Columns, from: NaiveDate, compact: bool) -> Vec<(usize, String)> {
    let cells = cols.cells();
    let n = if compact { 2 } else { (cols.width / 14).clamp(2, 12) }.min(cells);
    let last_day = |c: usize| from + Days::new(cols.days_of(c).end.saturating_sub(1) as u64);
    (0..n)
        .map(|i| if n < 2 { cells - 1 } else { i * (cells - 1) / (n - 1) })
        .map(|c| (c, last_day(c).format("%-d %b").to_string()))
        .collect()
}

fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)))
}

/// One marker: its usual range shaded (or its baseline dotted), the daily values as a fine
/// line with a point on each day, the 7-day mean as a heavier line.
pub fn marker(data: &Trends, t: &Theme, area: Rect, buf: &mut Buffer, compact: bool) -> Option<Placed> {
    let s = &data.series;
    let one_value = s.band.iter().flatten().all(|(lo, hi)| (hi - lo).abs() < f64::EPSILON);
    let band_name = match (s.marker, compact) {
        (Marker::Hrv, false) => format!("usual range (μ ± {} SD)", fmt_num(data.band_sd)),
        (Marker::Hrv, true) => "usual".into(),
        (Marker::Sleep, _) => "7 h".into(),
        _ => "baseline".into(),
    };
    let mut legend = vec![];
    legend.extend(entry(POINT, t.text(), "daily".into(), t));
    legend.extend(entry(MEAN, t.title(), if compact { "7-day" } else { "7-day mean" }.into(), t));
    if s.band.iter().any(Option::is_some) {
        legend.extend(entry(if one_value { BASELINE } else { BAND }, t.dim(), band_name, t));
    }
    let block = frame(format!(" {} ({}) ", s.marker.label(), s.marker.unit()), legend, t, compact);
    let inner = block.inner(area);
    block.render(area, buf);
    let all = s.values.iter().chain(&s.mean7).flatten().copied();
    let (lo, hi) = range(all.chain(s.band.iter().flatten().flat_map(|(l, h)| [*l, *h])));
    let ticks = Ticks::nice(lo, hi, plot::max_ticks(inner.height));
    let placed = plot::plot_area(inner, &ticks)?;
    let cols = Columns::new(s.values.len(), usize::from(placed.width));
    let values = cols.per_cell(&s.values, mean);
    let mean7 = cols.per_cell(&s.mean7, mean);
    let band = cols.per_cell(&s.band, |b| {
        let lows: Vec<Option<f64>> = b.iter().map(|b| b.map(|(l, _)| l)).collect();
        let highs: Vec<Option<f64>> = b.iter().map(|b| b.map(|(_, h)| h)).collect();
        mean(&lows).zip(mean(&highs))
    });
    let layers = vec![
        Layer::Band { cells: &band, fill: BAND, line: BASELINE, style: t.dim() },
        Layer::Steps { cells: &mean7, glyph: MEAN, style: t.title() },
        Layer::Points { cells: &values, point: POINT, style: t.text() },
    ];
    let x_labels = x_labels(&cols, s.from, compact);
    Plot { cols, ticks, layers, x_labels, axis_style: t.dim() }.render(inner, buf);
    Some(Placed { plot: placed, cols })
}

/// The training load: a bar per week (its load per day, its total written above), and
/// the acute (7-day) and chronic (28-day) load per day as lines, all in RPE·min per day.
pub fn load(data: &Trends, t: &Theme, area: Rect, buf: &mut Buffer, compact: bool) -> Option<Placed> {
    let s = &data.series;
    let today = s.from + Days::new(s.values.len().saturating_sub(1) as u64);
    // The frame's inside does not depend on the legend's text: the legend is written once
    // the cells are known.
    let inner = frame(String::new(), vec![Span::raw(" ")], t, compact).inner(area);
    // Each week's days inside the window, and its load per day so far.
    let weeks: Vec<(std::ops::Range<usize>, f64, f64)> = data
        .weekly
        .iter()
        .filter_map(|(monday, total)| {
            let first = (*monday - s.from).num_days().max(0) as usize;
            let end = ((*monday - s.from).num_days() + 7).clamp(0, s.values.len() as i64) as usize;
            let elapsed = ((today - *monday).num_days() + 1).clamp(1, 7) as f64;
            (first < end).then_some((first..end, total / elapsed, *total))
        })
        .collect();
    let all = weeks.iter().map(|w| w.1).chain(s.mean7.iter().chain(&data.chronic).flatten().copied());
    let (_, hi) = range(all.chain([0.0]));
    let ticks = Ticks::nice(0.0, hi, plot::max_ticks(inner.height));
    let placed = plot::plot_area(inner, &ticks)?;
    let cols = Columns::new(s.values.len(), usize::from(placed.width));
    // A week per bar while a week spans a cell or more; past that a bar per cell (its
    // days' load per day), as a week would be narrower than a column.
    let per_week = cols.size < 7;
    let bars: Vec<(std::ops::Range<usize>, f64, String)> = if per_week {
        weeks
            .iter()
            .map(|(days, per_day, total)| {
                let cells = cols.cell_of(days.start)..cols.cell_of(days.end - 1) + 1;
                // A week without runs is an empty bar, not a "0" over nothing.
                let label = if *total > 0.0 { format!("{total:.0}") } else { String::new() };
                (cells, *per_day, label)
            })
            .collect()
    } else {
        let load_per_day =
            |days: &[Option<f64>]| days.iter().flatten().sum::<f64>() / days.len().max(1) as f64;
        let cells = cols.per_cell(&s.values, load_per_day);
        cells.into_iter().enumerate().map(|(c, v)| (c..c + 1, v, String::new())).collect()
    };
    let last = |v: &[Option<f64>]| v.last().copied().flatten().map_or("–".into(), |v| format!("{v:.0}"));
    // Totals are written over bars wide enough for four digits.
    let labelled = 7 * cols.width >= 5 * cols.days.max(1);
    let bar_name = match (per_week, compact || !labelled) {
        (true, true) => "week".to_string(),
        (true, false) => "week (total above)".to_string(),
        (false, _) => format!("{} days", cols.size),
    };
    let mut legend = vec![];
    legend.extend(entry(BAR, t.dim(), bar_name, t));
    if compact {
        legend.extend(entry(MEAN, t.title(), "acute".into(), t));
        legend.extend(entry(CHRONIC, t.warn(), "chronic".into(), t));
    } else {
        legend.extend(entry(MEAN, t.title(), format!("acute 7-day, now {}", last(&s.mean7)), t));
        legend.extend(entry(CHRONIC, t.warn(), format!("chronic 28-day, now {}", last(&data.chronic)), t));
    }
    frame(" Training load (RPE·min per day) ".into(), legend, t, compact).render(area, buf);
    let acute = cols.per_cell(&s.mean7, mean);
    let chronic = cols.per_cell(&data.chronic, mean);
    let layers = vec![
        Layer::Bars { bars: &bars, unit: " RPE·min", style: t.dim() },
        Layer::Steps { cells: &chronic, glyph: CHRONIC, style: t.warn() },
        Layer::Steps { cells: &acute, glyph: MEAN, style: t.title() },
    ];
    let labels = if compact || !per_week || bars.len() > cols.width / 7 {
        x_labels(&cols, s.from, compact)
    } else {
        // Each week's Monday (or the window's first day) under its bar.
        let day = |i: usize| s.from + Days::new(i as u64);
        let mid = |c: &std::ops::Range<usize>| (c.start + c.end - 1) / 2;
        weeks
            .iter()
            .zip(&bars)
            .map(|(w, b)| (mid(&b.0), day(w.0.start).format("%-d %b").to_string()))
            .collect()
    };
    Plot { cols, ticks, layers, x_labels: labels, axis_style: t.dim() }.render(inner, buf);
    Some(Placed { plot: placed, cols })
}
