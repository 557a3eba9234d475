//! The History screen: a month of days, each marked by how much of its immediate phase
//! was ticked and by its verdict (symbols and letters, so it reads without colour), the
//! streaks, and the selected day. ratatui's `Calendar` can only style a day's number, so
//! the grid is drawn here, a cell per day.

use crate::domain::history::{Done, STREAK_SHARE, done};
use crate::domain::readiness::Level;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Columns a day takes: " 28●E".
const CELL: u16 = 5;

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
    let mut y = area.y;
    let bottom = area.y + area.height;
    let mut line = |buf: &mut Buffer, l: Line| {
        if y < bottom {
            l.render(Rect { y, height: 1, ..area }, buf);
            y += 1;
        }
    };
    line(
        buf,
        Line::from(vec![
            Span::styled(format!(" {} ", h.month.format("%B %Y")), t.title()),
            Span::styled(
                format!(
                    "  streak {} · best {} (days with ≥ 80 % of the immediate phase)",
                    h.current_streak, h.best_streak
                ),
                t.text(),
            ),
        ]),
    );
    if !compact {
        line(buf, Line::raw(""));
    }
    let names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    let header: String = names.iter().map(|n| format!(" {n:<4}")).collect();
    line(buf, Line::styled(header, t.dim()));
    let offset = h.month.weekday().num_days_from_monday() as usize;
    let days: Vec<NaiveDate> = h.month.iter_days().take_while(|d| d.month() == h.month.month()).collect();
    for week in 0..(offset + days.len()).div_ceil(7) {
        let mut spans = Vec::new();
        for col in 0..7 {
            let Some(day) = (week * 7 + col).checked_sub(offset).and_then(|i| days.get(i)) else {
                spans.push(Span::raw(" ".repeat(CELL as usize)));
                continue;
            };
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
        line(buf, Line::from(spans));
    }
    if !compact {
        line(buf, Line::raw(""));
        line(
            buf,
            Line::styled(
                " ● done  ◐ partly  ○ nothing ticked · G go  C caution  E easy  R rest  · no data",
                t.dim(),
            ),
        );
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
    line(buf, Line::styled(detail, t.text()));
}
