//! The History screen: a month of days, each marked by how much of its immediate phase
//! was ticked and by its verdict (symbols and letters, so it reads without colour), the
//! streaks, and the selected day; from 140 columns the months before it too, the selected
//! day in full and a summary of the weeks. ratatui's `Calendar` can only style a day's number, so
//! the grid is drawn here, a cell per day.

use super::pane::{self, Lines};
use super::{daydetail, weeks};
use crate::domain::history::{self, Done, STREAK_SHARE, done};
use crate::domain::readiness::Level;
use crate::tui::app::{App, History};
use crate::tui::hits::{Pane, Target};
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Columns a day takes: " 28●E".
const CELL: u16 = 5;

/// A day's cell on the line `row`, `x` columns in, cut at the line's end.
fn cell_area(row: Rect, x: u16) -> Rect {
    Rect { x: row.x.saturating_add(x), width: CELL, ..row }.intersection(row)
}

fn mark(share: f64) -> &'static str {
    match done(share) {
        Done::All => "●",
        Done::Partial => "◐",
        Done::None => "○",
    }
}

fn letter(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Go) => "G",
        Some(Level::GoCaution) => "C",
        Some(Level::Easy) => "E",
        Some(Level::Rest) => "R",
        _ => "·",
    }
}

fn verdict_style(level: Option<Level>, t: &Theme) -> Style {
    match level {
        Some(l) if l != Level::NoData => t.verdict_fg(l),
        _ => t.dim(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let Some(h) = &app.history else {
        Line::styled(" reading…", t.dim()).render(area, buf);
        return;
    };
    app.hits.add(area, Target::Pane(Pane::Calendar));
    if !compact && area.width >= pane::WIDE {
        wide(app, h, area, buf);
        return;
    }
    let mut out = Lines::new(area);
    out.push(buf, streaks(app, h, &h.month.format("%B %Y").to_string()));
    if !compact {
        out.gap();
    }
    month(app, h, h.month, &mut out, buf);
    if !compact {
        out.gap();
        let [marks, letters, none] = LEGEND;
        out.push(buf, Line::styled(format!(" {marks} · {letters}  {none}"), t.dim()));
    }
    let detail = match h.days.get(&app.history_day) {
        Some((share, level)) => format!(
            " {}: {:.0} % of the immediate phase · {} — Enter opens it",
            app.history_day.format("%a %-d %b"),
            share * 100.0,
            level.map_or("no verdict", |l| l.name())
        ),
        None => format!(" {}: nothing yet", app.history_day.format("%a %-d %b")),
    };
    out.push(buf, Line::styled(detail, t.text()));
}

/// What the marks and letters mean, in parts that go on lines of their own when narrow.
const LEGEND: [&str; 3] =
    ["● done  ◐ partly  ○ nothing ticked", "G go  C caution  E easy  R rest", "· no data"];

/// " November 2026   streak 3 · best 9 (…)".
fn streaks<'a>(app: &App, h: &History, title: &str) -> Line<'a> {
    let t = &app.theme;
    Line::from(vec![
        Span::styled(format!(" {title} "), t.title()),
        Span::styled(
            format!(
                "  streak {} · best {} (days with ≥ 80 % of the immediate phase)",
                h.current_streak, h.best_streak
            ),
            t.text(),
        ),
    ])
}

/// A month's grid: the weekday names, then a row a week.
fn month(app: &App, h: &History, first: NaiveDate, out: &mut Lines, buf: &mut Buffer) {
    let t = &app.theme;
    let names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    let header: String = names.iter().map(|n| format!(" {n:<4}")).collect();
    out.push(buf, Line::styled(header, t.dim()));
    let offset = first.weekday().num_days_from_monday() as usize;
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| d.month() == first.month()).collect();
    for week in 0..(offset + days.len()).div_ceil(7) {
        let mut spans = Vec::new();
        let mut cells = Vec::new();
        for col in 0..7 {
            let Some(day) = (week * 7 + col).checked_sub(offset).and_then(|i| days.get(i)) else {
                spans.push(Span::raw(" ".repeat(CELL as usize)));
                continue;
            };
            cells.push((col as u16 * CELL, *day));
            let cell = h.days.get(day).copied();
            let selected = *day == app.history_day;
            let base = if selected { t.selected() } else { Style::new() };
            spans.push(Span::styled(
                format!(" {:>2}", day.day()),
                base.patch(if cell.is_none() { t.dim() } else { t.text() }),
            ));
            match cell {
                Some((share, level)) => {
                    spans.push(Span::styled(
                        mark(share),
                        base.patch(if share >= STREAK_SHARE { t.done() } else { t.text() }),
                    ));
                    spans.push(Span::styled(letter(level), base.patch(verdict_style(level, t))));
                }
                None => spans.push(Span::styled("  ", base)),
            }
        }
        if let Some(row) = out.push(buf, Line::from(spans)) {
            cells.into_iter().for_each(|(x, day)| app.hits.add(cell_area(row, x), Target::Day(day)));
        }
    }
}

/// The most weeks the summary lists.
const WEEKS_MOST: usize = 60;

/// Rows a month's grid takes: its name, the weekday names, its weeks.
fn month_rows(first: NaiveDate) -> u16 {
    let offset = first.weekday().num_days_from_monday();
    let days = history::month_end(first).day();
    2 + (offset + days).div_ceil(7) as u16
}

/// From 140 columns: the months (the selected one first, then the ones before it that
/// hold days, as many as fit) on the left; the selected day in full and the weeks on the
/// right.
fn wide(app: &App, h: &History, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    streaks(app, h, "History").render(Rect { height: 1, ..top }, buf);
    let [left, _, right] =
        Layout::horizontal([Constraint::Length(CELL * 7 + 1), Constraint::Length(1), Constraint::Fill(1)])
            .areas(body);
    let mut out = Lines::new(left);
    let legend = LEGEND.len() as u16;
    let mut first = h.month;
    let mut n = 0;
    while n == 0
        || (h.days.range(first..=history::month_end(first)).next().is_some()
            && out.left() >= month_rows(first) + 2 + legend)
    {
        if n > 0 {
            out.gap();
        }
        out.push(buf, Line::styled(format!(" {}", first.format("%B %Y")), t.title()));
        month(app, h, first, &mut out, buf);
        first = history::add_months(first, -1);
        n += 1;
    }
    out.gap();
    for part in LEGEND {
        out.push(buf, Line::styled(format!(" {part}"), t.dim()));
    }
    // The day in full first; the weeks take the rest (at least a third), up to all of them.
    let all = weeks::shown(app, h, WEEKS_MOST).len();
    let rest = right.height.saturating_sub(daydetail::height(app, right.width));
    let summary = weeks::height(all).min(rest.max(right.height / 3));
    let [detail, week_rows] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(summary)]).areas(right);
    daydetail::render(app, detail, buf);
    weeks::render(app, h, week_rows, buf);
}
