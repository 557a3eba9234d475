//! The History screen's week summary from 140 columns (UX.md v2): the selected day's week
//! and the weeks before it, a row each — runs, distance, the days of each verdict, and the
//! share of the checklist's immediate phase ticked, as a number and a bar.

use super::pane::{self, Lines};
use crate::domain::weeks::{self, Week};
use crate::tui::app::{App, History};
use chrono::Days;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Cells of the adherence bar.
const BAR: usize = 20;

/// Rows the summary wants to show `weeks` weeks: borders, heading, a row a week.
pub fn height(weeks: usize) -> u16 {
    (weeks + 3) as u16
}

/// The weeks to show, newest first: the selected day's, then back to the first one read
/// that holds a day.
pub fn shown(app: &App, h: &History, most: usize) -> Vec<Week> {
    let first = h.days.keys().next().copied().unwrap_or(app.history_day);
    weeks::weeks_to(app.history_day, most, &h.days, &h.runs)
        .into_iter()
        .take_while(|w| w.monday.checked_add_days(Days::new(6)).is_some_and(|sunday| sunday >= first))
        .collect()
}

pub fn render(app: &App, h: &History, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = pane::section(app, area, buf, "Weeks");
    let mut out = Lines::new(inner);
    if app.welcome {
        out.push(buf, Line::styled("nothing logged yet: each week gets a row here as you log", t.dim()));
        return;
    }
    let rows = shown(app, h, usize::from(inner.height.saturating_sub(1)));
    let head = format!(" {:<12}{:>5}{:>11}   G  C  E  R   ticked", "week of", "runs", "distance");
    out.push(buf, Line::styled(head, t.dim()));
    for (n, w) in rows.iter().enumerate() {
        let this = n == 0;
        let lead = if this { "›" } else { " " };
        let style = if this { t.title() } else { t.text() };
        let distance = if w.runs > 0 { app.units.distance(w.km) } else { "—".into() };
        let [g, c, e, r] = w.verdicts;
        let mut spans = vec![
            Span::styled(format!("{lead}{:<12}", w.monday.format("%a %-d %b")), style),
            Span::styled(format!("{:>5}{distance:>11}", w.runs), t.text()),
            Span::styled(format!("  {g:>2} {c:>2} {e:>2} {r:>2}"), t.text()),
        ];
        spans.extend(adherence(app, w.adherence));
        out.push(buf, Line::from(spans));
    }
}

/// "  71 % ██████████████░░░░░░" or "   —".
fn adherence<'a>(app: &App, share: Option<f64>) -> Vec<Span<'a>> {
    let t = &app.theme;
    let Some(share) = share else { return vec![Span::styled("      —", t.dim())] };
    let filled = ((share.clamp(0.0, 1.0) * BAR as f64).round() as usize).min(BAR);
    let bar_style: Style = if share >= crate::domain::history::STREAK_SHARE { t.done() } else { t.title() };
    vec![
        Span::styled(format!("  {:>4} % ", (share * 100.0).round()), t.text()),
        Span::styled("█".repeat(filled), bar_style),
        Span::styled("░".repeat(BAR - filled), t.dim()),
    ]
}
