//! The top line: the screens as tabs, the day, and the day's session at a glance.

use super::rows::{after, spread};
use crate::text;
use crate::tui::app::App;
use crate::tui::hits::Target;
use crate::tui::keymap::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let t = &app.theme;
    let c = app.checklist();
    let wide = area.width >= 100;
    let mut left = vec![Span::raw(" ")];
    if wide {
        left.push(Span::styled("cooldown  ", t.title()));
    }
    for (n, screen) in Screen::ALL.iter().enumerate() {
        let label =
            if compact { screen.title().to_string() } else { format!("{} {}", n + 1, screen.title()) };
        let style = if *screen == app.screen { t.tab_active() } else { t.dim() };
        let tab = Span::styled(format!(" {label} "), style);
        app.hits.add(after(&left, area, tab.width()), Target::Tab(*screen));
        left.push(tab);
    }
    let short = compact || !app.is_today();
    let day = if short { app.date.format("%a %-d %b") } else { app.date.format("%a %-d %b %Y") };
    let when = if app.is_today() {
        format!("  {day}")
    } else {
        format!("  {day} · {}", text::days_ago(app.today, app.date))
    };
    left.push(Span::styled(when, t.text()));
    let right = if compact {
        format!("{}/{} ", c.done(), c.len())
    } else if wide {
        format!("{} · {}/{} done ", c.session.label(), c.done(), c.len())
    } else {
        format!("{}/{} done ", c.done(), c.len())
    };
    spread(left, vec![Span::styled(right, t.dim())], area.width as usize, t.text()).render(area, buf);
}
