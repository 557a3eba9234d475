//! The foam-roll timer on Today: big digits sized to the room there is, a gauge, the
//! "Next:" line; `M:SS` in bold when the terminal is small. Reverse video for a moment
//! when a target ends; overtime counts up as `+0:07` until a key acknowledges it.

use crate::domain::timer::clock_text;
use crate::tui::app::App;
use crate::tui::timer::ActiveTimer;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use tui_big_text::{BigText, PixelSize};

/// How big the digits are drawn: tui-big-text's sizes, that font at twice the size on a
/// tall terminal, or plain bold text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Size {
    Double,
    Big(PixelSize),
    Plain,
}

/// Rows the panel wants for digits of this size: digits, gauge, next line, borders.
fn rows(size: Size) -> u16 {
    match size {
        Size::Double => 16 + 4,
        Size::Big(PixelSize::Full) => 8 + 4,
        Size::Big(_) => 4 + 4,
        Size::Plain => 1 + 4,
    }
}

/// The biggest digits that fit `width` × `max_rows`.
fn pick(text: &str, width: u16, max_rows: u16) -> Size {
    let chars = text.chars().count() as u16;
    [
        (Size::Double, 16),
        (Size::Big(PixelSize::Full), 8),
        (Size::Big(PixelSize::HalfHeight), 8),
        (Size::Big(PixelSize::Quadrant), 4),
    ]
    .into_iter()
    .find(|(size, cols)| chars * cols + 2 <= width && rows(*size) <= max_rows)
    .map_or(Size::Plain, |(size, _)| size)
}

/// From this many rows under the banner the digits may double.
const TALL: u16 = 40;

/// The most rows the timer may take of the `under` rows below the banner: enough for the
/// digits, leaving the checklist at least 8 rows (and half of them on a tall terminal).
pub fn room(under: u16) -> u16 {
    if under >= TALL {
        under.saturating_sub(8.max(under / 2)).min(rows(Size::Double))
    } else {
        under.saturating_sub(8).min(12)
    }
}

/// What the digits say: the time left, rounded up, or the overtime.
pub fn shown(t: &ActiveTimer, now: std::time::Instant) -> String {
    let seconds = t.countdown.shown_seconds(now);
    if t.countdown.is_finished() { format!("+{}", clock_text(seconds)) } else { clock_text(seconds) }
}

/// Rows the panel takes in `area_height` rows of the Today screen, leaving the rest.
pub fn height(app: &App, width: u16, available: u16) -> u16 {
    let Some(t) = &app.timer else { return 0 };
    rows(pick(&shown(t, app.mono), width, available))
}

fn style(app: &App, t: &ActiveTimer) -> Style {
    let th = &app.theme;
    let left = t.countdown.remaining(app.mono).as_secs();
    let base = if t.countdown.is_finished() {
        th.error()
    } else if t.countdown.is_running() && left < u64::from(app.timers.cue_seconds) {
        th.warn()
    } else {
        th.title()
    };
    if t.flashing(app.mono) { base.add_modifier(Modifier::REVERSED) } else { base }
}

fn title(t: &ActiveTimer) -> String {
    let state = match t.countdown {
        crate::domain::timer::Countdown::Paused { .. } => " · paused",
        crate::domain::timer::Countdown::Finished { .. } => " · done",
        _ => "",
    };
    format!(" Foam roll: {}{state} ", t.label())
}

fn footer(t: &ActiveTimer) -> String {
    if t.awaiting_ack() {
        return "time is up — press any key".into();
    }
    let keys = "p pause · +/- 15 s · n next · x stop";
    match t.next_text() {
        Some(next) => format!("{next}   {keys}"),
        None => format!("last target   {keys}"),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(t) = &app.timer else { return };
    let th = &app.theme;
    let text = shown(t, app.mono);
    let digits = style(app, t);
    let block = Block::new().borders(Borders::ALL).border_style(if t.flashing(app.mono) {
        digits
    } else {
        th.border()
    });
    let block = block.title(Span::styled(title(t), digits));
    let inner = block.inner(area);
    block.render(area, buf);
    if t.flashing(app.mono) {
        buf.set_style(inner, Style::new().add_modifier(Modifier::REVERSED));
    }
    let size = pick(&text, area.width, area.height);
    let digit_rows = rows(size).saturating_sub(4);
    let [big, gauge, next] =
        Layout::vertical([Constraint::Length(digit_rows), Constraint::Length(1), Constraint::Length(1)])
            .areas(inner);
    match size {
        Size::Double => double(&text, digits, big, buf),
        Size::Big(size) => big_text(&text, size, digits).centered().build().render(big, buf),
        Size::Plain => {
            Line::styled(text.clone(), digits.add_modifier(Modifier::BOLD)).centered().render(big, buf)
        }
    }
    let total = t.countdown.total().as_secs_f64();
    let done = if total > 0.0 { 1.0 - t.countdown.remaining(app.mono).as_secs_f64() / total } else { 1.0 };
    // The progress bar: drawn cells for the time gone, light ones for the time left.
    let width = usize::from(gauge.width);
    let filled = ((done.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let bar = Line::from(vec![
        Span::styled("█".repeat(filled), th.title()),
        Span::styled("░".repeat(width - filled), th.dim()),
    ]);
    bar.render(gauge, buf);
    Line::styled(footer(t), th.dim()).centered().render(next, buf);
}

fn big_text(text: &str, size: PixelSize, style: Style) -> tui_big_text::BigTextBuilder<'static> {
    let mut builder = BigText::builder();
    builder.pixel_size(size).style(style).lines(vec![Line::from(text.to_string())]);
    builder
}

/// The full-size digits drawn at twice their size (each cell a 2 × 2 block), centred.
fn double(text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let chars = text.chars().count() as u16;
    let small = Rect::new(0, 0, chars * 8, 8);
    let mut drawn = Buffer::empty(small);
    big_text(text, PixelSize::Full, style).build().render(small, &mut drawn);
    let left = area.x + area.width.saturating_sub(small.width * 2) / 2;
    for (y, x) in (0..small.height).flat_map(|y| (0..small.width).map(move |x| (y, x))) {
        let cell = &drawn[(x, y)];
        if cell.symbol() == " " {
            continue;
        }
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let at = (left + 2 * x + dx, area.y + 2 * y + dy);
            if area.contains(at.into()) {
                buf[at].set_symbol(cell.symbol()).set_style(style);
            }
        }
    }
}

/// "⏱ calves 1:24" for the status bar while Today is hidden.
pub fn status(app: &App) -> Option<String> {
    let t = app.timer.as_ref()?;
    Some(format!("⏱ {} {}", t.target.name, shown(t, app.mono)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str, size: Size, width: u16) -> Buffer {
        let area = Rect::new(0, 0, width, rows(size) - 4);
        let mut buf = Buffer::empty(area);
        match size {
            Size::Double => double(text, Style::new(), area, &mut buf),
            Size::Big(px) => big_text(text, px, Style::new()).build().render(area, &mut buf),
            Size::Plain => {}
        }
        buf
    }

    #[test]
    fn doubled_digits_are_the_full_size_ones_cell_for_cell() {
        for text in ["1:25", "+0:07", "10:00", "0:59"] {
            let chars = text.chars().count() as u16;
            let full = drawn(text, Size::Big(PixelSize::Full), chars * 8);
            let twice = drawn(text, Size::Double, chars * 16);
            for (x, y) in (0..chars * 16).flat_map(|x| (0..16).map(move |y| (x, y))) {
                let want = full[(x / 2, y / 2)].symbol() != " ";
                assert_eq!(twice[(x, y)].symbol() != " ", want, "{text} at ({x}, {y})");
            }
        }
    }

    #[test]
    fn digits_double_only_with_the_room_for_them() {
        assert_eq!(pick("1:25", 66, 20), Size::Double);
        assert_eq!(pick("1:25", 65, 20), Size::Big(PixelSize::Full));
        assert_eq!(pick("1:25", 200, 19), Size::Big(PixelSize::Full));
        // Under 40 rows below the banner the timer keeps at most 12, as before.
        assert_eq!((room(31), room(39), room(40), room(51)), (12, 12, 20, 20));
        assert_eq!(room(10), 2);
    }
}
