//! The History screen's day-detail pane from 140 columns (UX.md v2): the selected day's
//! verdict and why, its markers against the usual, its runs, and its checklist's ticks.

use super::pane::{self, Lines};
use super::rows::{truncate, wrap};
use crate::domain::checklist::Entry;
use crate::domain::readiness::Level;
use crate::domain::usual;
use crate::text;
use crate::tui::app::{App, DayDetail};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Rows the pane takes `width` columns wide to show everything (borders included).
pub fn height(app: &App, width: u16) -> u16 {
    let Some(d) = app.detail.as_ref().filter(|d| d.date == app.history_day) else { return 3 };
    let inner = width.saturating_sub(4);
    let v = &d.verdict;
    let head = verdict_lines(d, usize::from(inner)).len() + v.reasons.len().min(3);
    let runs = d.runs.len().max(1);
    let items = d.checklist.len().div_ceil(columns(usize::from(inner)));
    let lines = head + 1 + usize::from(pane::compared_height(inner)) + 1 + runs + 1 + 1 + items;
    u16::try_from(lines + 2).unwrap_or(u16::MAX)
}

/// The verdict's headline, wrapped beside the verdict word.
fn verdict_lines(d: &DayDetail, width: usize) -> Vec<String> {
    let v = &d.verdict;
    let said = if v.level == Level::NoData { "nothing rated".to_string() } else { v.headline.clone() };
    wrap(&said, width.saturating_sub(v.level.name().len() + 3))
}

/// The checklist's items go in two columns from 80 columns.
fn columns(width: usize) -> usize {
    if width >= 80 { 2 } else { 1 }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let title = app.history_day.format("%A %-d %B %Y").to_string();
    let inner = pane::section(app, area, buf, &title);
    let mut out = Lines::new(inner);
    match app.detail.as_ref().filter(|d| d.date == app.history_day) {
        Some(d) => detail(app, d, &mut out, buf),
        None => {
            out.push(buf, Line::styled("reading…", app.theme.dim()));
        }
    }
}

fn detail(app: &App, d: &DayDetail, out: &mut Lines, buf: &mut Buffer) {
    let t = &app.theme;
    let width = out.width();
    let v = &d.verdict;
    let word = Span::styled(format!(" {} ", v.level.name()), t.verdict(v.level));
    let lead = v.level.name().len() + 3;
    let mut lines = verdict_lines(d, width).into_iter();
    out.push(
        buf,
        Line::from(vec![word, Span::styled(format!(" {}", lines.next().unwrap_or_default()), t.text())]),
    );
    for more in lines {
        out.push(buf, Line::styled(format!("{}{more}", " ".repeat(lead)), t.text()));
    }
    for r in v.reasons.iter().take(3) {
        out.push(buf, Line::styled(truncate(&format!("· {}", r.detail), width), t.text()));
    }
    out.gap();
    let rows = usual::compare(d.markers.as_ref(), &v.baselines, d.usual_sleep);
    pane::compared(app, out, buf, &rows, "that day");
    out.gap();
    if d.runs.is_empty() {
        out.push(buf, Line::styled("no run", t.dim()));
    }
    for run in &d.runs {
        out.push(
            buf,
            Line::from(vec![
                Span::styled(format!("run {} ", run.at.format("%H:%M")), t.dim()),
                Span::styled(pane::run_text(run, app.units), t.title()),
            ]),
        );
    }
    out.gap();
    ticks(app, d, out, buf);
}

/// "Checklist 5 of 9 ticked", then the items in the routine's order, in two columns when wide.
fn ticks(app: &App, d: &DayDetail, out: &mut Lines, buf: &mut Buffer) {
    let t = &app.theme;
    let c = &d.checklist;
    let done = c.entries().filter(|e| e.ticked()).count();
    if c.is_empty() {
        out.push(buf, Line::styled(text::EMPTY_CHECKLIST, t.dim()));
        return;
    }
    out.push(
        buf,
        Line::from(vec![
            Span::styled("Checklist ", t.phase()),
            Span::styled(format!("{done} of {} ticked", c.len()), t.text()),
        ]),
    );
    let entries: Vec<&Entry> = c.entries().collect();
    let columns = columns(out.width());
    let cell = out.width() / columns;
    let room = usize::from(out.left());
    let needed = entries.len().div_ceil(columns);
    let rows = if needed > room { room.saturating_sub(1) } else { needed };
    let shown = (rows * columns).min(entries.len());
    for row in 0..rows {
        let mut spans = Vec::new();
        for e in
            (0..columns).map(|col| col * rows + row).filter(|i| *i < shown).filter_map(|i| entries.get(i))
        {
            let style = if e.ticked() { t.done() } else { t.text() };
            let item = truncate(&format!("{:<4}{}", text::mark(e), e.item.title), cell.saturating_sub(1));
            spans.push(Span::styled(format!("{item:<cell$}"), style));
        }
        out.push(buf, Line::from(spans));
    }
    if shown < entries.len() {
        out.push(buf, Line::styled(format!("… and {} more", entries.len() - shown), t.dim()));
    }
}
