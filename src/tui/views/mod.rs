//! Views render `&App` and do no I/O. `Dashboard` picks the layout for the size: the
//! full one from 80×24, a compact one below, a notice below 40×12.

mod banner;
mod charts;
mod checklist;
mod confirm;
mod daydetail;
mod form;
mod header;
mod help;
mod history;
mod log;
mod loglist;
mod pane;
mod plot;
mod popup;
mod rows;
mod scroll;
mod side;
mod small;
mod statusbar;
mod timer;
mod today;
mod trends;
mod weeks;
mod welcome;
mod why;

pub use banner::sparkline;

use super::app::{App, Overlay};
use super::keymap::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

/// The smallest terminal the dashboard draws in; below it, a notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Below this, the compact layout.
pub const FULL_WIDTH: u16 = 80;
pub const FULL_HEIGHT: u16 = 24;

/// The whole screen.
pub struct Dashboard<'a>(pub &'a App);

impl Widget for Dashboard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        app.hits.clear();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            small::render(app, area, buf);
            return;
        }
        let compact = area.width < FULL_WIDTH || area.height < FULL_HEIGHT;
        let [header, body, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        header::render(app, header, buf, compact);
        match app.screen {
            Screen::Today => today::render(app, body, buf, compact),
            Screen::Log => log::render(app, body, buf, compact),
            Screen::Trends => trends::render(app, body, buf, compact),
            Screen::History => history::render(app, body, buf, compact),
        }
        statusbar::render(app, status, buf, compact);
        match app.overlay {
            Some(Overlay::Help) => help::render(app, area, buf),
            Some(Overlay::Why) => why::render(app, area, buf),
            None => {}
        }
        if let Some(question) = &app.confirm {
            confirm::render(app, question, area, buf);
        }
    }
}
