//! The mouse's part of `update`: a click or the wheel at a cell, turned into what the keys
//! would do there through the last frame's hit map (`hits.rs`).
//!
//! - A tab switches screens (`1`–`4`); a Trends marker tab or the window selects it (`h`/`l`,
//!   `w`). A checklist item is selected and ticked or unticked (Space). A calendar day or a
//!   Log row is selected; a click on the one already selected opens it (Enter).
//! - The wheel moves through the list under the pointer like `j`/`k`; in an overlay it
//!   scrolls the overlay; in a form it moves between fields.
//! - A click outside the help or why overlay closes it; outside the delete question it
//!   answers no (nothing is deleted). In an open form a click on a field focuses it and a
//!   click elsewhere changes nothing (the status line says how to leave the form).
//! - A finished timer's overtime is acknowledged by a click, as by a key; the wheel does
//!   not acknowledge it.

use super::{Effect, key, screens, timer, toggle};
use crate::text;
use crate::tui::app::{App, StatusKind};
use crate::tui::hits::{Pane, Target};
use crate::tui::keymap::{Command, Mode, Screen};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// A mouse event the dashboard acts on, at a cell of the terminal (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mouse {
    pub press: Press,
    pub column: u16,
    pub row: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// The left button went down.
    Click,
    WheelUp,
    WheelDown,
}

impl Mouse {
    /// The events that act: a left-button press and the wheel. Releases, drags, moves and
    /// the other buttons are `None`: the loop drops them without a redraw.
    pub fn from_event(event: &MouseEvent) -> Option<Mouse> {
        let press = match event.kind {
            MouseEventKind::Down(MouseButton::Left) => Press::Click,
            MouseEventKind::ScrollUp => Press::WheelUp,
            MouseEventKind::ScrollDown => Press::WheelDown,
            _ => return None,
        };
        Some(Mouse { press, column: event.column, row: event.row })
    }
}

pub fn mouse(app: &mut App, m: Mouse) -> Vec<Effect> {
    match m.press {
        Press::Click => {
            let target = app.hits.at(m.column, m.row);
            click(app, target)
        }
        Press::WheelUp | Press::WheelDown => {
            let pane = app.hits.pane_at(m.column, m.row);
            wheel(app, pane, m.press == Press::WheelDown)
        }
    }
}

fn click(app: &mut App, target: Option<Target>) -> Vec<Effect> {
    if app.awaiting_ack() {
        return timer::acknowledge(app);
    }
    match app.mode() {
        Mode::Confirm if target == Some(Target::Pane(Pane::Confirm)) => vec![],
        Mode::Confirm => key(app, Command::No),
        Mode::Overlay if target == Some(Target::Pane(Pane::Overlay)) => vec![],
        Mode::Overlay => key(app, Command::CloseOverlay),
        Mode::Form => {
            match target {
                Some(Target::Field(index)) => app.form.iter_mut().for_each(|f| f.focus_on(index)),
                Some(Target::Pane(Pane::Form)) => {}
                Some(_) => app.set_status(StatusKind::Info, text::form_is_open()),
                None => {}
            }
            vec![]
        }
        Mode::Screen(screen) => on_screen(app, screen, target),
    }
}

/// A click on a screen. A target counts only on the screen that drew it: a second click
/// read before the next frame may point at what the screen showed before the first.
fn on_screen(app: &mut App, screen: Screen, target: Option<Target>) -> Vec<Effect> {
    match (screen, target) {
        (_, Some(Target::Tab(tab))) => key(app, show(tab)),
        (Screen::Trends, Some(Target::Marker(marker))) if marker != app.marker => {
            app.status = None;
            app.marker = marker;
            vec![Effect::LoadTrends(app.marker, app.window)]
        }
        (Screen::Trends, Some(Target::Window)) => key(app, Command::CycleWindow),
        (Screen::Today, Some(Target::Item(index))) if index < app.checklist().len() => {
            app.status = None;
            app.selected = index;
            toggle(app)
        }
        (Screen::Log, Some(Target::LogRow(index))) if index == app.log_selected => key(app, Command::Edit),
        (Screen::Log, Some(Target::LogRow(index))) => {
            let rows = app.log.as_ref().map_or(0, |l| l.rows().len());
            if index < rows {
                app.status = None;
                app.log_selected = index;
            }
            vec![]
        }
        (Screen::History, Some(Target::Day(day))) if day <= app.today => {
            if day == app.history_day {
                key(app, Command::OpenDay)
            } else {
                app.status = None;
                screens::select(app, Some(day))
            }
        }
        _ => vec![],
    }
}

fn show(screen: Screen) -> Command {
    match screen {
        Screen::Today => Command::ShowToday,
        Screen::Log => Command::ShowLog,
        Screen::Trends => Command::ShowTrends,
        Screen::History => Command::ShowHistory,
    }
}

/// The wheel: the pane under the pointer moves as with `j`/`k` (an overlay scrolls
/// wherever the pointer is; a form's fields stop at the first and the last).
fn wheel(app: &mut App, pane: Option<Pane>, down: bool) -> Vec<Effect> {
    let (next, prev) = match (app.mode(), pane) {
        (Mode::Overlay, _) => (Command::ScrollDown, Command::ScrollUp),
        (Mode::Form, Some(Pane::Form)) => {
            let Some(form) = app.form.as_ref() else { return vec![] };
            if (down && form.on_last()) || (!down && form.focus == 0) {
                return vec![];
            }
            (Command::NextField, Command::PrevField)
        }
        (Mode::Screen(Screen::Today), Some(Pane::Checklist))
        | (Mode::Screen(Screen::Log), Some(Pane::Log)) => (Command::Down, Command::Up),
        (Mode::Screen(Screen::History), Some(Pane::Calendar)) => (Command::WeekDown, Command::WeekUp),
        _ => return vec![],
    };
    key(app, if down { next } else { prev })
}
