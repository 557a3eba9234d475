//! The checklist grouped by phase, with the selected row (its whole text below it when
//! the row cuts it) and a scrollbar when it does not fit.

use super::rows::{Spread, spread};
use super::scroll;
use crate::domain::checklist::{Entry, Group};
use crate::domain::targets;
use crate::domain::timeline::{self, Due};
use crate::text;
use crate::tui::app::App;
use crate::tui::hits::{Pane, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let inner = if compact {
        area
    } else {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(app.theme.border())
            .padding(Padding::horizontal(1))
            .title(Span::styled(
                format!(" Recovery checklist · {} ", app.checklist().session.label()),
                app.theme.title(),
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    };
    // The scrollbar sits on the box's right border; without a box, in the last column.
    let bar_x = if compact { inner.right().saturating_sub(1) } else { area.right().saturating_sub(1) };
    let overflows =
        compact && scroll::needed(rows(app, compact, inner.width as usize).len(), inner.height as usize);
    let rows_area = if overflows { Rect { width: inner.width.saturating_sub(1), ..inner } } else { inner };
    if let Some((total, offset)) = render_checklist(app, rows_area, buf, compact) {
        let bar = Rect { x: bar_x, y: inner.y, width: 1, height: inner.height };
        scroll::render(&app.theme, bar, total, inner.height as usize, offset, buf);
    }
}

enum Row<'a> {
    Gap,
    Phase(&'a Group, Option<Due>),
    /// The "keep it short" advice under the first phase.
    Note(String),
    /// An entry, its index, and whether its phase is still to come (shown quietly).
    Item(usize, &'a Entry, bool),
    /// A line of the selected entry's whole text, when its row cuts it.
    Full(String),
}

/// Phase headings (with where each stands on today's timeline) and items; in the full
/// layout a blank line between phases.
fn rows(app: &App, compact: bool, width: usize) -> Vec<Row<'_>> {
    let c = app.checklist();
    let first = c.first_phase().map(Group::key);
    let mut out = Vec::new();
    let mut index = 0;
    for group in &c.groups {
        if !compact && !out.is_empty() {
            out.push(Row::Gap);
        }
        let due = c.due(group, app.now);
        out.push(Row::Phase(group, due));
        if Some(group.key()) == first {
            out.extend(text::keep_short(c).map(Row::Note));
        }
        let later = matches!(due, Some(Due::Later(_)));
        for entry in &group.entries {
            out.push(Row::Item(index, entry, later));
            if index == app.selected {
                out.extend(full_text(app, entry, later, width).into_iter().map(Row::Full));
            }
            // A target's advice (sodium, a large loss) gets its own line.
            out.extend(entry.amount.as_ref().and_then(|a| a.note.clone()).map(Row::Note));
            index += 1;
        }
    }
    out
}

fn phase_line<'a>(app: &App, g: &'a Group, due: Option<Due>, width: usize) -> Spread<'a> {
    let t = &app.theme;
    let title_style = match due {
        Some(Due::Now(_)) => t.tab_active(),
        Some(Due::Overdue) => t.warn(),
        _ => t.phase(),
    };
    let c = app.checklist();
    // The window, where it stands, the minutes: each part when there is one, " · " between.
    let mut parts: Vec<Span> = Vec::new();
    let window = text::group_window(c, g);
    if !window.is_empty() {
        parts.push(Span::styled(window, t.dim()));
    }
    if let Some(due) = due {
        let style = match due {
            Due::Now(_) => t.title(),
            Due::Overdue => t.warn(),
            _ => t.dim(),
        };
        parts.push(Span::styled(timeline::words(due), style));
    }
    if c.first_phase().is_some_and(|f| f.key() == g.key()) {
        parts.push(Span::styled(format!("{} min", c.planned_minutes()), t.dim()));
    }
    let mut right = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            right.push(Span::styled(" · ", t.dim()));
        }
        right.push(part);
    }
    let title = text::group_title(c, g);
    let title = if matches!(due, Some(Due::Now(_))) { format!(" {title} ") } else { title };
    spread(vec![Span::styled(title, title_style)], right, width, t.text())
}

/// Draws the rows that fit; returns how many rows there are and the first one shown.
fn render_checklist(app: &App, area: Rect, buf: &mut Buffer, compact: bool) -> Option<(usize, usize)> {
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let t = &app.theme;
    let all = rows(app, compact, area.width as usize);
    if all.is_empty() {
        Line::styled(text::EMPTY_CHECKLIST, t.dim()).render(area, buf);
        return None;
    }
    let height = area.height as usize;
    let selected_row =
        all.iter().position(|r| matches!(r, Row::Item(i, _, _) if *i == app.selected)).unwrap_or(0);
    // Keep the selected row's whole text in view, and a row of context under it while
    // rows follow.
    let whole = all.iter().skip(selected_row + 1).take_while(|r| matches!(r, Row::Full(_))).count();
    let below = whole + usize::from(selected_row + 1 + whole < all.len());
    let offset = (selected_row + 1 + below).saturating_sub(height).min(all.len().saturating_sub(height));
    let width = area.width as usize;
    app.hits.add(area, Target::Pane(Pane::Checklist));
    for (n, row) in all.iter().skip(offset).take(height).enumerate() {
        let line_area = Rect { y: area.y + n as u16, height: 1, ..area };
        if let Row::Item(i, _, _) = row {
            app.hits.add(line_area, Target::Item(*i));
        }
        match row {
            Row::Gap => {}
            Row::Phase(g, due) => phase_line(app, g, *due, width).render(line_area, buf),
            Row::Note(text) => Line::styled(format!("      {text}"), t.warn()).render(line_area, buf),
            Row::Full(text) => Line::styled(format!("     {text}"), t.dim()).render(line_area, buf),
            Row::Item(i, e, later) => {
                item_line(app, e, *i == app.selected, *later, width).render(line_area, buf)
            }
        }
    }
    Some((all.len(), offset))
}

/// An entry's text (its title, then its formula or note) and what is flush right.
fn item_parts<'a>(app: &App, e: &'a Entry, later: bool) -> (Vec<Span<'a>>, Vec<Span<'a>>) {
    let t = &app.theme;
    let mark = text::mark(e);
    let mark_style = if e.ticked() { t.done() } else { t.text() };
    let title_style = if e.ticked() || later { t.dim() } else { t.text() };
    let mut left = vec![
        Span::styled(format!("{mark:<3} "), mark_style),
        Span::styled(e.item.title.as_str(), title_style),
    ];
    if let Some(aside) = aside(e) {
        left.push(Span::styled(format!("  {aside}"), t.dim()));
    }
    let mut right = Vec::new();
    if let Some(shown) = e.amount.as_ref().map(targets::show).filter(|s| !s.is_empty()) {
        right.push(Span::styled(shown, if later { t.dim() } else { t.title() }));
    }
    if e.item.optional {
        right.push(Span::styled("optional", t.dim()));
    }
    if let Some(s) = e.seconds {
        if !right.is_empty() {
            right.push(Span::raw(" "));
        }
        let live = app.timer.as_ref().filter(|timer| timer.target.id == e.id() && timer.day == app.date);
        match live {
            Some(timer) => {
                right.push(Span::styled(format!("▶ {}", super::timer::shown(timer, app.mono)), t.title()))
            }
            None => right.push(Span::styled(text::duration(s), t.text())),
        }
    }
    if !right.is_empty() {
        right.push(Span::raw(" "));
    }
    (left, right)
}

/// A target shows its formula (or how to get a number); other items their note.
fn aside(e: &Entry) -> Option<String> {
    match &e.amount {
        Some(a) => Some(a.formula.clone()),
        None => e.item.note.clone(),
    }
}

/// The selected entry's whole text on lines of their own, when its row cuts it.
fn full_text(app: &App, e: &Entry, later: bool, width: usize) -> Vec<String> {
    let (left, right) = item_parts(app, e, later);
    let used: usize =
        1 + left.iter().map(Span::width).sum::<usize>() + right.iter().map(Span::width).sum::<usize>();
    if used < width {
        return vec![];
    }
    let whole = match aside(e) {
        Some(aside) => format!("{} — {aside}", e.item.title),
        None => e.item.title.clone(),
    };
    super::rows::wrap(&whole, width.saturating_sub(6))
}

fn item_line<'a>(app: &App, e: &'a Entry, selected: bool, later: bool, width: usize) -> Spread<'a> {
    let t = &app.theme;
    let (parts, right) = item_parts(app, e, later);
    let mut left = vec![Span::raw(if selected { "›" } else { " " })];
    left.extend(parts);
    let style = if selected { t.selected() } else { t.text() };
    spread(left, right, width, style)
}
