//! The open form: a row per field — its label, its input box (`[ … ]` for text, `‹ … ›`
//! for a picker, the inside underlined so it reads without colour), its hint, and the
//! reference greyed at the right ("yesterday 52", "last run easy", "was 300"). A refused
//! field gets its reason, by label, on the lines under it; the focused picker lists its
//! choices under it, the current one reversed.

use super::rows::{truncate, wrap};
use crate::tui::app::App;
use crate::tui::form::{Form, FormField};
use crate::tui::hits::{Pane, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Widget};
use unicode_width::UnicodeWidthStr;

/// Column widths: the label (with its mark), the input box (with its brackets), the hint
/// (with the gap after it). At 80 columns the reference gets the 16 left: "yesterday 61.7".
struct Columns {
    label: u16,
    input: u16,
    hint: u16,
}

fn columns(width: u16, compact: bool) -> Columns {
    if compact {
        Columns { label: 13, input: width.saturating_sub(13 + 1 + 8).clamp(6, 16), hint: 0 }
    } else {
        Columns { label: 22, input: 16, hint: 20 }
    }
}

/// A refused field's reason takes at most this many lines.
const ERROR_LINES: usize = 2;

/// One line of the form.
enum Row {
    Field,
    Error(String),
    Choices(Vec<Span<'static>>),
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let Some(form) = &app.form else { return };
    let t = &app.theme;
    let inner = if compact {
        Line::styled(form.title(), t.title()).render(Rect { height: 1, ..area }, buf);
        let word = (0..form.fields.len()).find_map(|i| form.reference(i)).map(|(word, _)| word);
        if let Some(word) = word.filter(|w| area.width as usize > form.title().width() + w.width() + 1) {
            Line::styled(word, t.dim()).right_aligned().render(Rect { height: 1, ..area }, buf);
        }
        Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area }
    } else {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(t.border())
            .padding(Padding::horizontal(1))
            .title(Span::styled(format!(" {} ", form.title()), t.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    };
    let cols = columns(inner.width, compact);
    let rows = rows(app, form, &cols, inner.width, compact);
    // Scrolled so the focused field's lines are in view, its own row first.
    let mine = |r: &(usize, Row)| r.0 == form.focus;
    let start = rows.iter().position(mine).unwrap_or(0);
    let end = rows.iter().rposition(mine).map_or(0, |i| i + 1);
    let offset = end.saturating_sub(inner.height as usize).min(start);
    app.hits.add(area, Target::Pane(Pane::Form));
    for (n, (index, row)) in rows.iter().skip(offset).take(inner.height as usize).enumerate() {
        let line = Rect { y: inner.y + n as u16, height: 1, ..inner };
        app.hits.add(line, Target::Field(*index));
        match row {
            Row::Field => render_field(app, form, *index, &cols, compact, line, buf),
            Row::Error(text) => Line::styled(text.clone(), t.error()).render(line, buf),
            Row::Choices(spans) => Line::from(spans.clone()).render(line, buf),
        }
    }
}

/// Every line of the form, each with the index of the field it belongs to.
fn rows(app: &App, form: &Form, cols: &Columns, width: u16, compact: bool) -> Vec<(usize, Row)> {
    let mut rows = Vec::new();
    for (index, field) in form.fields.iter().enumerate() {
        rows.push((index, Row::Field));
        if let Some(error) = &field.error {
            // After the 3 columns of " ✗ ", and one spare.
            let room = (width as usize).saturating_sub(4);
            let lines = wrap(error, room);
            let shown = lines.len().min(ERROR_LINES);
            for (n, line) in lines.iter().take(shown).enumerate() {
                let cut = n + 1 == shown && lines.len() > shown;
                let text = if cut { truncate(&format!("{line} …"), room) } else { line.clone() };
                let lead = if n == 0 { " ✗ " } else { "   " };
                rows.push((index, Row::Error(format!("{lead}{text}"))));
            }
        }
        if index == form.focus {
            let indent = if compact { 2 } else { cols.label };
            for spans in choice_lines(app, field, indent, width) {
                rows.push((index, Row::Choices(spans)));
            }
        }
    }
    rows
}

/// A focused picker's choices, wrapped to `width` after `indent` columns, the current one
/// reversed.
fn choice_lines(app: &App, field: &FormField, indent: u16, width: u16) -> Vec<Vec<Span<'static>>> {
    let Some(choices) = field.choices() else { return vec![] };
    let room = width.saturating_sub(indent) as usize;
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let mut used = room + 1;
    for choice in choices {
        let style = if choice.eq_ignore_ascii_case(field.input.value()) {
            app.theme.selected().add_modifier(Modifier::BOLD)
        } else {
            app.theme.dim()
        };
        let w = choice.width();
        if used + 2 + w > room {
            lines.push(vec![Span::raw(" ".repeat(indent as usize))]);
            used = 0;
        } else {
            lines.last_mut().into_iter().for_each(|l| l.push(Span::raw("  ")));
            used += 2;
        }
        lines.last_mut().into_iter().for_each(|l| l.push(Span::styled(truncate(choice, room), style)));
        used += w;
    }
    lines
}

fn render_field(
    app: &App,
    form: &Form,
    index: usize,
    cols: &Columns,
    compact: bool,
    row: Rect,
    buf: &mut Buffer,
) {
    let Some(field) = form.fields.get(index) else { return };
    let t = &app.theme;
    let focused = index == form.focus;
    let refused = field.error.is_some();
    let label_style = match (refused, focused) {
        (true, _) => t.error(),
        (false, true) => t.title(),
        (false, false) => t.text(),
    };
    let mark = if focused {
        "›"
    } else if refused {
        "!"
    } else {
        " "
    };
    let right = row.right();
    let label = truncate(field.label, cols.label.saturating_sub(2) as usize);
    buf.set_stringn(row.x, row.y, mark, 1, label_style);
    buf.set_stringn(row.x + 1, row.y, label, cols.label.saturating_sub(1) as usize, label_style);
    let x = row.x + cols.label;
    let width = cols.input.min(right.saturating_sub(x));
    if width < 3 {
        return;
    }
    input_box(app, field, focused, refused, Rect { x, width, ..row }, buf);
    let mut x = x + width + 2;
    if cols.hint > 0 && x < right {
        let room = cols.hint.min(right - x) as usize;
        let hint = match field.choices() {
            Some(_) if focused => "←/→ or type",
            // A picker's choices are listed when it has the focus; until then, its hint
            // when that fits whole.
            Some(_) if field.hint.width() >= room => "←/→ to choose",
            _ => &field.hint,
        };
        buf.set_stringn(x, row.y, truncate(hint, room.saturating_sub(1)), room, t.dim());
        x += cols.hint;
    } else {
        x = x.saturating_sub(1);
    }
    if let Some((word, value)) = form.reference(index) {
        let room = right.saturating_sub(x) as usize;
        if compact && room > 2 {
            let text = truncate(&value, room);
            buf.set_string(right - text.width() as u16, row.y, text, t.dim());
        } else if room > 2 {
            buf.set_string(x, row.y, truncate(&format!("{word} {value}"), room), t.dim());
        }
    }
}

/// The box: `[text]` for a text field (the cursor's cell reversed when focused), `‹ choice ›`
/// for a picker; the inside underlined, the brackets coloured by state.
fn input_box(app: &App, field: &FormField, focused: bool, refused: bool, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let edge = if refused {
        t.error()
    } else if focused {
        t.key()
    } else {
        t.dim()
    };
    let inside = if focused { t.field().add_modifier(Modifier::BOLD) } else { t.field() };
    let (open, close) = if field.choices().is_some() { ("‹", "›") } else { ("[", "]") };
    let width = area.width.saturating_sub(2) as usize;
    buf.set_string(area.x, area.y, open, edge);
    buf.set_string(area.x + area.width - 1, area.y, close, edge);
    let x = area.x + 1;
    if field.choices().is_some() {
        let shown = format!(" {}", field.input.value());
        buf.set_stringn(x, area.y, format!("{:<width$}", truncate(&shown, width)), width, inside);
        return;
    }
    // Scrolled so the cursor stays in view.
    let scroll = field.input.visual_scroll(width.saturating_sub(1));
    let shown: String = field.input.value().chars().skip(scroll).collect();
    buf.set_stringn(x, area.y, format!("{:<width$}", fit(&shown, width)), width, inside);
    if focused {
        let cursor = field.input.visual_cursor().saturating_sub(scroll).min(width.saturating_sub(1));
        let cell = &mut buf[(x + cursor as u16, area.y)];
        cell.set_style(Style::new().add_modifier(Modifier::REVERSED));
    }
}

/// The first characters of `text` that fit in `width` columns (no ellipsis: the box
/// scrolls).
fn fit(text: &str, width: usize) -> String {
    text.chars()
        .scan(0, |w, c| {
            *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            (*w <= width).then_some(c)
        })
        .collect()
}
