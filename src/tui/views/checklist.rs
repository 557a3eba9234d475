//! The checklist grouped by phase, with the selected row and scrolling.

use super::rows::{Spread, spread};
use crate::domain::checklist::{Entry, Group};
use crate::text;
use crate::tui::app::App;
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
            .title(Span::styled(" Recovery checklist ", app.theme.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    };
    render_checklist(app, inner, buf, compact);
}

enum Row<'a> {
    Gap,
    Phase(&'a Group),
    Item(usize, &'a Entry),
}

/// Phase headings and items; in the full layout a blank line between phases.
fn rows(app: &App, compact: bool) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    let mut index = 0;
    for group in &app.checklist().groups {
        if !compact && !out.is_empty() {
            out.push(Row::Gap);
        }
        out.push(Row::Phase(group));
        for entry in &group.entries {
            out.push(Row::Item(index, entry));
            index += 1;
        }
    }
    out
}

fn render_checklist(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = &app.theme;
    let all = rows(app, compact);
    if all.is_empty() {
        Line::styled(text::EMPTY_CHECKLIST, t.dim()).render(area, buf);
        return;
    }
    let height = area.height as usize;
    let selected_row =
        all.iter().position(|r| matches!(r, Row::Item(i, _) if *i == app.selected)).unwrap_or(0);
    let offset = (selected_row + 1).saturating_sub(height);
    let width = area.width as usize;
    for (n, row) in all.iter().skip(offset).take(height).enumerate() {
        let line_area = Rect { y: area.y + n as u16, height: 1, ..area };
        match row {
            Row::Gap => {}
            Row::Phase(g) => spread(
                vec![Span::styled(g.phase.title.as_str(), t.phase())],
                vec![Span::styled(g.phase.window.as_str(), t.dim())],
                width,
                t.text(),
            )
            .render(line_area, buf),
            Row::Item(i, e) => item_line(app, e, *i == app.selected, width).render(line_area, buf),
        }
    }
    if offset + height < all.len() {
        let more = format!(" ↓ {} more ", all.len() - offset - height);
        let x = area.x + area.width.saturating_sub(more.chars().count() as u16);
        buf.set_string(x, area.y + area.height - 1, more, t.dim());
    }
}

fn item_line<'a>(app: &App, e: &'a Entry, selected: bool, width: usize) -> Spread<'a> {
    let t = &app.theme;
    let mark = text::mark(e);
    let mark_style = if e.ticked() { t.done() } else { t.text() };
    let mut left = vec![
        Span::raw(if selected { "›" } else { " " }),
        Span::styled(format!("{mark:<3} "), mark_style),
        Span::styled(e.item.title.as_str(), if e.ticked() { t.dim() } else { t.text() }),
    ];
    if let Some(note) = &e.item.note {
        left.push(Span::styled(format!("  {note}"), t.dim()));
    }
    let mut right = Vec::new();
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
    let style = if selected { t.selected() } else { t.text() };
    spread(left, right, width, style)
}
