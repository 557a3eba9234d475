//! The question asked before something that cannot be undone, centred over the screen.

use crate::tui::app::{App, Confirm};
use crate::tui::hits::{Pane, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub fn render(app: &App, confirm: &Confirm, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (title, lines) = match confirm {
        Confirm::DeleteRun(run) => (
            format!(" Delete run {}? ", run.id.unwrap_or_default()),
            vec![
                Line::raw(format!(
                    "{}, {} min, ended {} on {}.",
                    run.kind.label(),
                    run.minutes,
                    run.at.format("%H:%M"),
                    run.day.format("%a %-d %b")
                )),
                Line::styled("Its ticks stay with the day. This cannot be undone.", t.dim()),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("y", t.key()),
                    Span::raw(" delete   "),
                    Span::styled("n", t.key()),
                    Span::raw(" / "),
                    Span::styled("Esc", t.key()),
                    Span::raw(" keep it"),
                ]),
            ],
        ),
    };
    let width = 60.min(area.width);
    let inner_w = usize::from(width.saturating_sub(4)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner_w).max(1)).sum();
    let popup = super::popup::place(area, width, rows as u16 + 2, buf);
    app.hits.add(popup, Target::Pane(Pane::Confirm));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(t.error())
                .padding(ratatui::widgets::Padding::horizontal(1))
                .title(Span::styled(title, t.title())),
        )
        .render(popup, buf);
}
