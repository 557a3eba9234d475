//! What the last frame drew where, for the mouse: views record each clickable thing as
//! they draw it (one `app.hits.add(area, target)` per thing), `Dashboard` clears the map
//! before each frame, and `update` reads it to turn a click at (column, row) into a
//! target. Views still take `&App` and do no I/O: the map sits behind a `RefCell`, and
//! only the drawing writes it.

use super::keymap::Screen;
use crate::domain::trends::Marker;
use chrono::NaiveDate;
use ratatui::layout::{Position, Rect};
use std::cell::RefCell;

/// Something on screen a click or the wheel can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A screen's tab in the header.
    Tab(Screen),
    /// A marker's tab on Trends.
    Marker(Marker),
    /// The window on Trends (7 / 28 / 90 / 365 days / all).
    Window,
    /// A checklist entry, by its index in display order.
    Item(usize),
    /// A row of the Log list, by its index.
    LogRow(usize),
    /// A day of the History calendar.
    Day(NaiveDate),
    /// A field of the open form (its row and the lines under it), by its index.
    Field(usize),
    /// A list or a box as a whole, blank parts included: what the wheel scrolls.
    Pane(Pane),
}

/// The lists and boxes the wheel scrolls (or, for a box, that a click lands inside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Checklist,
    Log,
    Calendar,
    Form,
    /// The help or why overlay.
    Overlay,
    /// The question asked before a delete.
    Confirm,
}

impl Target {
    /// The pane a target belongs to: the wheel over it scrolls that pane.
    pub fn pane(self) -> Option<Pane> {
        match self {
            Target::Item(_) => Some(Pane::Checklist),
            Target::LogRow(_) => Some(Pane::Log),
            Target::Day(_) => Some(Pane::Calendar),
            Target::Field(_) => Some(Pane::Form),
            Target::Pane(pane) => Some(pane),
            Target::Tab(_) | Target::Marker(_) | Target::Window => None,
        }
    }
}

/// The targets of the last frame, in drawing order: what was drawn later is on top.
#[derive(Clone, Debug, Default)]
pub struct Hits(RefCell<Vec<(Rect, Target)>>);

impl Hits {
    /// Forgets the last frame (the next one records its own).
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }

    /// `target` was drawn on `area`. An empty area is not recorded.
    pub fn add(&self, area: Rect, target: Target) {
        if !area.is_empty() {
            self.0.borrow_mut().push((area, target));
        }
    }

    /// Every target under the cell (column, row), the topmost first.
    fn under(&self, column: u16, row: u16) -> Vec<Target> {
        let at = Position::new(column, row);
        self.0.borrow().iter().rev().filter(|(area, _)| area.contains(at)).map(|(_, t)| *t).collect()
    }

    /// The topmost target under the cell (column, row).
    pub fn at(&self, column: u16, row: u16) -> Option<Target> {
        self.under(column, row).into_iter().next()
    }

    /// The topmost pane under the cell (column, row): the one the wheel scrolls there.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        self.under(column, row).into_iter().find_map(Target::pane)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_topmost_target_wins_and_edges_are_exact() {
        let hits = Hits::default();
        hits.add(Rect::new(0, 5, 40, 10), Target::Pane(Pane::Checklist));
        hits.add(Rect::new(0, 7, 40, 1), Target::Item(2));
        hits.add(Rect::new(10, 6, 20, 5), Target::Pane(Pane::Overlay));
        assert_eq!(hits.at(0, 7), Some(Target::Item(2)));
        assert_eq!(hits.at(39, 7), Some(Target::Item(2)));
        assert_eq!(hits.at(40, 7), None, "one past the right edge");
        assert_eq!(hits.at(0, 4), None, "one above the top");
        assert_eq!(hits.at(0, 14), Some(Target::Pane(Pane::Checklist)), "the last row");
        assert_eq!(hits.at(0, 15), None, "one below the bottom");
        assert_eq!(hits.at(15, 7), Some(Target::Pane(Pane::Overlay)), "the overlay was drawn last");
        assert_eq!(hits.pane_at(0, 7), Some(Pane::Checklist), "an item scrolls its list");
        hits.clear();
        assert_eq!(hits.at(0, 7), None);
    }

    #[test]
    fn tabs_belong_to_no_pane_and_empty_areas_are_not_recorded() {
        let hits = Hits::default();
        hits.add(Rect::new(0, 0, 0, 1), Target::Item(0));
        hits.add(Rect::new(0, 0, 8, 1), Target::Tab(Screen::Log));
        assert_eq!(hits.at(0, 0), Some(Target::Tab(Screen::Log)));
        assert_eq!(hits.pane_at(0, 0), None);
        assert_eq!(Target::LogRow(3).pane(), Some(Pane::Log));
        assert_eq!(Target::Field(1).pane(), Some(Pane::Form));
    }
}
