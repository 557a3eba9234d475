//! The dashboard's whole state. Views render `&App`; only `update` changes it.

use super::theme::Theme;
use crate::domain::checklist::{Checklist, Entry};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Saved,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Clone, Debug)]
pub struct App {
    /// The local calendar day, from the wall clock.
    pub today: NaiveDate,
    /// The day on screen (today, or an earlier day being reviewed or backfilled).
    pub date: NaiveDate,
    pub checklist: Checklist,
    /// Index of the selected entry, in display order.
    pub selected: usize,
    pub help_open: bool,
    /// First help line shown, when the overlay is taller than the terminal.
    pub help_scroll: usize,
    pub status: Option<Status>,
    /// Nothing recorded yet: show the welcome.
    pub welcome: bool,
    pub running: bool,
    pub theme: Theme,
}

impl App {
    pub fn new(today: NaiveDate, checklist: Checklist, welcome: bool, theme: Theme) -> App {
        App {
            today,
            date: checklist.date,
            checklist,
            selected: 0,
            help_open: false,
            help_scroll: 0,
            status: None,
            welcome,
            running: true,
            theme,
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.checklist.entries().nth(self.selected)
    }

    pub fn is_today(&self) -> bool {
        self.date == self.today
    }

    pub(super) fn set_status(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), kind });
    }

    /// Replaces the checklist, keeping the selection on the same item where it still is.
    pub(super) fn replace_checklist(&mut self, checklist: Checklist) {
        let keep = self.selected_entry().map(|e| e.id().to_string());
        let same_day = checklist.date == self.checklist.date;
        self.checklist = checklist;
        let found = keep.and_then(|id| self.checklist.entries().position(|e| e.id() == id));
        self.selected = match found {
            Some(i) if same_day => i,
            _ if same_day => self.selected.min(self.checklist.len().saturating_sub(1)),
            _ => 0,
        };
    }
}
