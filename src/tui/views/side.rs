//! Today's side pane from 140 columns (UX.md v2): this morning's markers against the
//! runner's usual, the last run, and what is due next on the checklist.

use super::pane::{self, Lines, section};
use super::rows::{spread, truncate};
use crate::domain::checklist::{Entry, Group};
use crate::domain::records::Run;
use crate::domain::timeline::{self, Due};
use crate::domain::{usual, weeks};
use crate::text;
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

/// Columns the pane takes at `width`: about a third, within 46–64.
pub fn width(total: u16) -> u16 {
    (total / 3).clamp(46, 64)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    let table_rows = pane::compared_height(area.width.saturating_sub(4)) + 2;
    let rest = area.height.saturating_sub(table_rows);
    let (runs_rows, next_rows) = (runs_height(app), next_height(app));
    // Both get what they need when there is room; else what is due gets it (leaving the
    // runs four rows) and the runs the rest.
    let (runs_c, next_c) = if runs_rows + next_rows <= rest {
        (Constraint::Length(runs_rows), Constraint::Fill(1))
    } else {
        (Constraint::Fill(1), Constraint::Length(next_rows.min(rest.saturating_sub(4)).max(3)))
    };
    let [table, run, next] = Layout::vertical([Constraint::Length(table_rows), runs_c, next_c]).areas(area);
    let title = if app.is_today() {
        "This morning vs your usual".to_string()
    } else {
        format!("{} vs your usual", app.date.format("%a %-d %b"))
    };
    let inner = section(app, table, buf, &title);
    let rows = usual::compare(app.day.markers.as_ref(), &app.day.verdict.baselines, app.day.side.usual_sleep);
    let day = if app.is_today() { "today" } else { "that day" };
    pane::compared(app, &mut Lines::new(inner), buf, &rows, day);
    runs(app, section(app, run, buf, "Recent runs"), buf);
    due_next(app, section(app, next, buf, "Next"), buf);
}

/// Below this many columns a run's line leaves out the month, the time and "(today)".
const ROOMY: usize = 56;

/// "Sat 28 Nov 07:27  easy 44 min · 7.3 km · RPE 3 (today)", or "Sat 28  easy 44 min …".
fn run_line<'a>(app: &App, run: &Run, last: bool, width: usize) -> Line<'a> {
    let t = &app.theme;
    let roomy = width >= ROOMY;
    let when = if roomy {
        format!("{} {}  ", run.day.format("%a %-d %b"), run.at.format("%H:%M"))
    } else {
        format!("{}  ", run.day.format("%a %-d"))
    };
    let text = truncate(&pane::run_text(run, app.units), width.saturating_sub(when.chars().count()));
    let mut spans =
        vec![Span::styled(when, t.dim()), Span::styled(text, if last { t.title() } else { t.text() })];
    if last && roomy {
        let ago = match (app.date - run.day).num_days() {
            0 => "today".to_string(),
            1 => "yesterday".to_string(),
            n => format!("{n} days before"),
        };
        spans.push(Span::styled(format!(" ({ago})"), t.dim()));
    }
    Line::from(spans)
}

/// This week's and last week's runs and distance, then the runs of the last four weeks,
/// newest first (or the last run, longer ago).
fn runs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut out = Lines::new(area);
    let width = out.width();
    let recent = &app.day.side.runs;
    if recent.is_empty() {
        let line = match &app.day.last_run {
            Some(run) => run_line(app, run, true, width),
            None => Line::styled("no run logged yet — r logs one", t.dim()),
        };
        out.push(buf, line);
        return;
    }
    let this = weeks::monday(app.date);
    let before = this.checked_sub_days(chrono::Days::new(7)).unwrap_or(this);
    for (name, monday) in [("this week", this), ("last week", before)] {
        let (n, km) = weeks::runs_in(recent, monday);
        let runs = if n == 1 { "run" } else { "runs" };
        let text = format!("{name}  {n} {runs} · {}", app.units.distance(km));
        out.push(buf, Line::styled(truncate(&text, width), t.dim()));
    }
    for (n, run) in recent.iter().enumerate() {
        out.push(buf, run_line(app, run, n == 0, width));
    }
}

/// Rows the runs box needs: the two weeks' totals and every recent run, or one line.
fn runs_height(app: &App) -> u16 {
    let runs = &app.day.side.runs;
    let lines = if runs.is_empty() { 1 } else { 2 + runs.len() };
    u16::try_from(lines + 2).unwrap_or(u16::MAX)
}

/// Rows the "Next" box needs: each open phase's heading and items, a gap between phases.
fn next_height(app: &App) -> u16 {
    let groups = open_groups(app);
    let lines: usize = groups.iter().map(|(g, _)| 1 + g.entries.iter().filter(|e| !e.ticked()).count()).sum();
    (2 + lines + groups.len().saturating_sub(1)).max(3) as u16
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
