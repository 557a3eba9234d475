//! The Log screen: the open form, one text field a row, the day before greyed beside
//! each field, and the refused field named with its range.

use super::rows::truncate;
use crate::tui::app::App;
use crate::tui::form::{Form, FormField, FormKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Widget};
use unicode_width::UnicodeWidthStr;

struct Columns {
    label: usize,
    input: usize,
    hint: usize,
}

fn columns(width: usize, compact: bool) -> Columns {
    if compact {
        Columns { label: 13, input: width.saturating_sub(13 + 2 + 8).clamp(4, 14), hint: 0 }
    } else {
        Columns { label: 22, input: 16, hint: 20 }
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let Some(form) = &app.form else {
        Line::styled(" m: log this morning's markers · r: log a run", t.dim()).render(area, buf);
        return;
    };
    let (title, reference) = match form.kind {
        FormKind::Markers => {
            (format!(" Morning markers · {} ", form.date.format("%a %-d %b")), " yesterday ")
        }
        FormKind::Run => (format!(" Run · {} ", form.date.format("%a %-d %b")), " last run "),
    };
    let inner = if compact {
        Line::styled(title.trim().to_string(), t.title()).render(Rect { height: 1, ..area }, buf);
        Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area }
    } else {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(t.border())
            .padding(Padding::horizontal(1))
            .title(Span::styled(title, t.title()))
            .title_top(Line::styled(reference, t.dim()).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    };
    let error_rows = u16::from(form.error.is_some());
    let rows = usize::from(inner.height.saturating_sub(error_rows));
    let offset = (form.focus + 1).saturating_sub(rows);
    let cols = columns(inner.width as usize, compact);
    for (n, (index, field)) in form.fields.iter().enumerate().skip(offset).take(rows).enumerate() {
        let row = Rect { y: inner.y + n as u16, height: 1, ..inner };
        render_field(app, form, index, field, &cols, row, buf);
    }
    if let Some((_, message)) = &form.error {
        let y = inner.y + inner.height.saturating_sub(1);
        let text = truncate(&format!("✗ {message}"), inner.width as usize);
        Line::styled(text, t.error()).render(Rect { y, height: 1, ..inner }, buf);
    }
}

fn render_field(
    app: &App,
    form: &Form,
    index: usize,
    field: &FormField,
    cols: &Columns,
    row: Rect,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let focused = index == form.focus;
    let refused = form.error.as_ref().is_some_and(|(i, _)| *i == index);
    let label_style = if refused {
        t.error()
    } else if focused {
        t.title()
    } else {
        t.text()
    };
    let mark = if refused {
        "!"
    } else if focused {
        "›"
    } else {
        " "
    };
    let label = truncate(field.label, cols.label.saturating_sub(1));
    let mut x = row.x;
    let right = row.x + row.width;
    buf.set_stringn(x, row.y, format!("{mark}{label:<w$}", w = cols.label - 1), cols.label, label_style);
    x += cols.label as u16;
    // The field: its text, scrolled so the cursor stays in view; the cursor cell reversed.
    let width = cols.input.min(right.saturating_sub(x) as usize);
    let scroll = field.input.visual_scroll(width.saturating_sub(1));
    let shown: String = field.input.value().chars().skip(scroll).collect();
    let style = if focused { t.field().add_modifier(Modifier::BOLD) } else { t.field() };
    buf.set_stringn(x, row.y, format!("{:<width$}", truncate_cols(&shown, width)), width, style);
    if focused {
        let cx = x + (field.input.visual_cursor().saturating_sub(scroll)).min(width.saturating_sub(1)) as u16;
        if cx < right {
            buf[(cx, row.y)].modifier.insert(Modifier::REVERSED);
        }
    }
    x += width as u16 + 2;
    if cols.hint > 0 && x < right {
        buf.set_stringn(x, row.y, &field.hint, cols.hint.min(right.saturating_sub(x) as usize), t.dim());
        x += cols.hint as u16 + 1;
    }
    if let Some(reference) = &field.reference {
        let room = right.saturating_sub(x) as usize;
        if room > 2 {
            let text = truncate(reference, room);
            let rx = right - text.width() as u16;
            buf.set_string(rx, row.y, text, t.dim());
        }
    }
}

fn truncate_cols(text: &str, width: usize) -> String {
    text.chars()
        .scan(0, |w, c| {
            *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            (*w <= width).then_some(c)
        })
        .collect()
}
