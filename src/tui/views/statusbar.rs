//! The bottom line: "waiting for the database" while a write waits for another process's
//! lock, the last status ("saved" only after the commit returned) on the left, key hints
//! from the keymap table on the right.

use super::rows::spread;
use crate::tui::app::{App, StatusKind};
use crate::tui::keymap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let width = area.width as usize;
    // The timer keeps running when Today is hidden: it shows here.
    let hidden = app.screen != crate::tui::keymap::Screen::Today || app.overlay.is_some();
    let mut left = match super::timer::status(app).filter(|_| hidden) {
        Some(timer) => vec![Span::raw(" "), Span::styled(timer, t.title())],
        None => vec![],
    };
    // The queue's state stays in view whatever the status line says (a timer's
    // messages included): a write is waiting for another process's lock.
    if let Some(queue) = crate::text::write_queue(app.writes.pending, app.writes.waiting, app.quitting) {
        left.push(Span::raw(" "));
        left.push(Span::styled(queue, t.error()));
        left.push(Span::raw(" "));
    }
    left.extend(match &app.status {
        Some(s) => {
            let style = match s.kind {
                StatusKind::Saved => t.saved(),
                StatusKind::Error => t.error(),
                StatusKind::Info => t.text(),
            };
            vec![Span::raw(" "), Span::styled(s.text.clone(), style)]
        }
        None => vec![],
    });
    let left_w: usize = left.iter().map(Span::width).sum();
    let mut hints = hints(app);
    if compact {
        hints.retain(|(keys, _)| ["?", "q", "Esc", "Enter", "Ctrl-S"].contains(keys));
    }
    // Drop hints from the front (the most obvious keys) until they fit beside the status;
    // `?` goes last, since the help lists every other key.
    let mut right = Vec::new();
    while !hints.is_empty() {
        right = hint_spans(app, &hints);
        let w: usize = right.iter().map(Span::width).sum();
        if left_w + w + 2 <= width {
            break;
        }
        let drop = hints.iter().position(|(keys, _)| *keys != "?").unwrap_or(0);
        hints.remove(drop);
        right.clear();
    }
    spread(left, right, width, t.text()).render(area, buf);
}

/// The mode's hints from the keymap, as the day stands: no timer hint on a day without
/// foam rolling, "p resume" while the timer is paused.
fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    let mode = app.mode();
    let mut hints = keymap::hints(mode);
    if mode == keymap::Mode::Screen(keymap::Screen::Today)
        && crate::tui::timer::sequence(app.checklist()).is_empty()
    {
        hints.retain(|h| *h != ("s", "timer"));
    }
    let paused = app
        .timer
        .as_ref()
        .is_some_and(|t| matches!(t.countdown, crate::domain::timer::Countdown::Paused { .. }));
    if paused && matches!(mode, keymap::Mode::Screen(keymap::Screen::Today)) {
        let at = hints.iter().position(|h| h.0 == "?").unwrap_or(hints.len());
        hints.insert(at, ("p", "resume"));
    }
    hints
}

fn hint_spans(app: &App, hints: &[(&'static str, &'static str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (n, (keys, word)) in hints.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(*keys, app.theme.key()));
        spans.push(Span::raw(format!(" {word}")));
    }
    spans.push(Span::raw(" "));
    spans
}
