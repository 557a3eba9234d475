//! Today's side pane from 140 columns (UX.md v2): this morning's markers against the
//! runner's usual, the last run, and what is due next on the checklist.

use super::pane::{self, Lines, section};
use super::rows::{spread, truncate};
use crate::domain::checklist::{Entry, Group};
use crate::domain::timeline::{self, Due};
use crate::domain::usual;
use crate::text;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

/// Columns the pane takes at `width`: about a third, within 46–64.
pub fn width(total: u16) -> u16 {
    (total / 3).clamp(46, 64)
}

const LAST_RUN: u16 = 2 + 2;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let table_rows = pane::compared_height(area.width.saturating_sub(4));
    let [table, run, next] = Layout::vertical([
        Constraint::Length(table_rows + 2),
        Constraint::Length(LAST_RUN),
        Constraint::Fill(1),
    ])
    .areas(area);
    let title = if app.is_today() {
        "This morning vs your usual".to_string()
    } else {
        format!("{} vs your usual", app.date.format("%a %-d %b"))
    };
    let inner = section(app, table, buf, &title);
    let rows = usual::compare(app.day.markers.as_ref(), &app.day.verdict.baselines, app.day.usual_sleep);
    let day = if app.is_today() { "today" } else { "that day" };
    pane::compared(app, &mut Lines::new(inner), buf, &rows, day);
    last_run(app, section(app, run, buf, "Last run"), buf);
    due_next(app, section(app, next, buf, "Next"), buf);
}

fn last_run(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut out = Lines::new(area);
    match &app.day.last_run {
        Some(run) => {
            let days = (app.date - run.day).num_days();
            let ago = match days {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                n => format!("{n} days before"),
            };
            out.push(
                buf,
                Line::from(vec![
                    Span::styled(
                        format!("{} {} ", run.day.format("%a %-d %b"), run.at.format("%H:%M")),
                        t.text(),
                    ),
                    Span::styled(format!("({ago})"), t.dim()),
                ]),
            );
            out.push(buf, Line::styled(pane::run_text(run, app.units), t.title()));
        }
        None => out.push(buf, Line::styled("no run logged yet — r logs one", t.dim())),
    }
}

/// The phases with items open, in the order to do them: due now, missed (still worth
/// doing), to come, then the ones without a window (a day without a run).
fn open_groups(app: &App) -> Vec<(&Group, Option<Due>)> {
    let c = app.checklist();
    let rank = |due: Option<Due>| match due {
        Some(Due::Now(_)) => 0,
        Some(Due::Overdue) => 1,
        Some(Due::Later(_)) => 2,
        Some(Due::Done) => 4,
        None => 3,
    };
    let mut open: Vec<(&Group, Option<Due>)> = c
        .groups
        .iter()
        .filter(|g| g.entries.iter().any(|e| !e.ticked()))
        .map(|g| (g, c.due(g, app.now)))
        .filter(|(_, due)| rank(*due) < 4)
        .collect();
    open.sort_by_key(|(_, due)| rank(*due));
    open
}

fn due_next(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut out = Lines::new(area);
    let width = out.width();
    let c = app.checklist();
    let groups = open_groups(app);
    if groups.is_empty() {
        let text = if c.is_empty() { text::EMPTY_CHECKLIST } else { "every item is ticked" };
        out.push(buf, Line::styled(truncate(text, width), t.dim()));
        return;
    }
    for (n, (group, due)) in groups.iter().enumerate() {
        if n > 0 {
            if out.left() < 3 {
                break;
            }
            out.gap();
        }
        let (words, style) = match *due {
            Some(d @ Due::Now(_)) => (timeline::words(d), t.title()),
            Some(d @ Due::Overdue) => (timeline::words(d), t.warn()),
            Some(d) => (timeline::words(d), t.dim()),
            None => (text::group_window(c, group), t.dim()),
        };
        out.push(
            buf,
            spread(
                vec![Span::styled(text::group_title(c, group), t.phase())],
                vec![Span::styled(words, style)],
                width,
                t.text(),
            ),
        );
        let open: Vec<&Entry> = group.entries.iter().filter(|e| !e.ticked()).collect();
        let room = usize::from(out.left());
        let shown = if open.len() > room { room.saturating_sub(1) } else { open.len() };
        for e in open.iter().take(shown) {
            out.push(buf, item(app, e, width));
        }
        if open.len() > shown {
            out.push(buf, Line::styled(format!("… and {} more", open.len() - shown), t.dim()));
        }
    }
}

fn item<'a>(app: &App, e: &'a Entry, width: usize) -> super::rows::Spread<'a> {
    let t = &app.theme;
    let mut right = Vec::new();
    if let Some(s) = e.seconds {
        right.push(Span::styled(text::duration(s), t.text()));
    } else if e.item.optional {
        right.push(Span::styled("optional", t.dim()));
    }
    let left = vec![
        Span::styled(format!("{:<4}", text::mark(e)), t.text()),
        Span::styled(e.item.title.as_str(), t.text()),
    ];
    spread(left, right, width, t.text())
}
