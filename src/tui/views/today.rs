//! The Today screen: the verdict banner, the welcome on a first run, the checklist; from
//! 140 columns a side pane beside the checklist (the morning against the usual, the last
//! run, what is due next).

use super::{banner, checklist, pane, side, timer, welcome};
use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

pub fn render(app: &App, area: Rect, buf: &mut Buffer, compact: bool) {
    let banner_height =
        banner::height(&app.day.verdict, compact, area.width).min(area.height.saturating_sub(2));
    let [top, mut rest] =
        Layout::vertical([Constraint::Length(banner_height), Constraint::Fill(1)]).areas(area);
    banner::render(app, top, buf, compact);
    if !compact && area.width >= pane::WIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(side::width(area.width))])
                .areas(rest);
        side::render(app, right, buf);
        rest = left;
    }
    let room = timer::height(app, rest.width, timer::room(rest.height));
    if room > 0 && room <= rest.height {
        let [panel, below] = Layout::vertical([Constraint::Length(room), Constraint::Fill(1)]).areas(rest);
        timer::render(app, panel, buf);
        rest = below;
    }
    if app.welcome {
        let height = welcome::height(compact, rest.width).min(rest.height.saturating_sub(3));
        let [hello, below] = Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(rest);
        welcome::render(app, hello, buf, compact);
        rest = below;
    }
    checklist::render(app, rest, buf, compact);
}
