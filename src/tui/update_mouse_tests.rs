//! The mouse through the real views: each test draws the dashboard (which records what it
//! drew where), then clicks or scrolls at a cell found by its text.

use crate::domain::checklist::Checklist;
use crate::domain::readiness::{self, Inputs, Level, Thresholds};
use crate::domain::records::{Markers, Run};
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::domain::trends::{Marker, Window};
use crate::tui::app::{App, Confirm, Day, History, Overlay, StatusKind};
use crate::tui::form::FormKind;
use crate::tui::keymap::{Command, Mode, Screen};
use crate::tui::loglist::{LogDay, LogList};
use crate::tui::theme::Theme;
use crate::tui::update::{Action, Change, Effect, Mouse, Press, update};
use crate::tui::views::Dashboard;
use chrono::{NaiveDate, NaiveTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use std::collections::BTreeMap;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn app() -> App {
    let day = Day {
        checklist: Checklist::build(d(28), &Routine::builtin().unwrap(), Session::Tempo, &[], 90),
        verdict: readiness::verdict(&Inputs::default(), d(28), &Thresholds::default()),
        focus: None,
        markers: Some(Markers { rhr: Some(52), ..Markers::default() }),
        yesterday: None,
        last_run: None,
        side: Default::default(),
    };
    App::new(
        d(28).and_hms_opt(12, 0, 0).unwrap(),
        std::time::Instant::now(),
        day,
        false,
        Theme { color: false },
    )
}

/// Draws the dashboard at `width` × `height`; the hit map is the frame's.
fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(width, height)).unwrap();
    term.draw(|f| f.render_widget(Dashboard(app), f.area())).unwrap();
    term.backend().buffer().clone()
}

/// The first cell (column, row) where `needle` starts, read row by row.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(i) = row.find(needle) {
            return (row[..i].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} is not on screen");
}

fn at(app: &mut App, press: Press, (column, row): (u16, u16)) -> Vec<Effect> {
    update(app, Action::Mouse(Mouse { press, column, row }))
}

fn click(app: &mut App, cell: (u16, u16)) -> Vec<Effect> {
    at(app, Press::Click, cell)
}

fn key(app: &mut App, c: Command) -> Vec<Effect> {
    update(app, Action::Key(c))
}

#[test]
fn only_a_left_press_and_the_wheel_act() {
    let event = |kind| MouseEvent { kind, column: 7, row: 3, modifiers: KeyModifiers::NONE };
    let mouse = |kind| Mouse::from_event(&event(kind)).map(|m| (m.press, m.column, m.row));
    assert_eq!(mouse(MouseEventKind::Down(MouseButton::Left)), Some((Press::Click, 7, 3)));
    assert_eq!(mouse(MouseEventKind::ScrollDown), Some((Press::WheelDown, 7, 3)));
    assert_eq!(mouse(MouseEventKind::ScrollUp), Some((Press::WheelUp, 7, 3)));
    for kind in [
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Down(MouseButton::Middle),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
        MouseEventKind::ScrollLeft,
    ] {
        assert_eq!(mouse(kind), None, "{kind:?}");
    }
}

#[test]
fn a_click_on_a_tab_switches_screens_at_every_layout() {
    for (width, height, trends) in [(80, 24, "3 Trends"), (200, 60, "3 Trends"), (60, 20, "Trends")] {
        let mut a = app();
        let buf = draw(&a, width, height);
        let (x, y) = find(&buf, trends);
        assert_eq!(click(&mut a, (x, y)), [Effect::LoadTrends(Marker::Hrv, Window::Days(28))], "{width}");
        assert_eq!(a.screen, Screen::Trends);
        let buf = draw(&a, width, height);
        let (x, y) = find(&buf, "Today");
        // The tab's padding counts: a click one cell left of its name still lands on it.
        assert_eq!(click(&mut a, (x - 1, y)), []);
        assert_eq!(a.screen, Screen::Today, "{width}");
    }
}

#[test]
fn a_click_on_an_item_selects_and_ticks_it_and_headings_do_nothing() {
    let mut a = app();
    let buf = draw(&a, 80, 24);
    let item = a.checklist().entries().nth(2).unwrap().item.title.clone();
    let cell = find(&buf, &item);
    let effects = click(&mut a, cell);
    assert_eq!(a.selected, 2);
    assert!(
        matches!(&effects[..], [Effect::Persist(Change::TickNext { item, .. })] if *item == a.selected_entry().unwrap().id())
    );
    // Anywhere on the row: its right edge too.
    assert_eq!(click(&mut a, (77, cell.1)).len(), 1);
    let heading = a.checklist().groups[0].entries.len();
    assert!(heading > 0);
    let before = a.selected;
    let (x, y) = find(&buf, "Recovery checklist");
    assert_eq!(click(&mut a, (x, y + 1)), [], "the first phase's heading");
    assert_eq!(a.selected, before);
}

#[test]
fn the_wheel_moves_through_the_list_under_the_pointer_only() {
    let mut a = app();
    let buf = draw(&a, 80, 24);
    let first = a.selected;
    let cell = find(&buf, "Recovery checklist");
    let inside = (cell.0, cell.1 + 2);
    at(&mut a, Press::WheelDown, inside);
    at(&mut a, Press::WheelDown, inside);
    assert_eq!(a.selected, first + 2);
    at(&mut a, Press::WheelUp, inside);
    assert_eq!(a.selected, first + 1);
    at(&mut a, Press::WheelDown, (5, 0));
    assert_eq!(a.selected, first + 1, "the header does not scroll");
    assert_eq!(a.day.checklist.done(), 0, "the wheel ticks nothing");
}

#[test]
fn overlays_close_on_a_click_outside_and_scroll_with_the_wheel() {
    let mut a = app();
    key(&mut a, Command::ToggleHelp);
    // Tall enough that the header shows above the overlay.
    let buf = draw(&a, 140, 60);
    let (x, y) = find(&buf, " Keys · ");
    click(&mut a, (x + 2, y + 2));
    assert_eq!(a.overlay, Some(Overlay::Help), "a click inside keeps it open");
    at(&mut a, Press::WheelDown, (x + 2, y + 2));
    assert_eq!(a.overlay_scroll, 1);
    // A click on a tab, outside the overlay: the overlay closes, the screen stays.
    let tab = find(&buf, "3 Trends");
    assert_eq!(click(&mut a, tab), []);
    assert_eq!((a.overlay, a.screen), (None, Screen::Today));
}

#[test]
fn a_click_outside_the_delete_question_keeps_the_run() {
    let mut a = app();
    let run =
        Run { id: Some(4), ..Run::new(d(27), NaiveTime::from_hms_opt(9, 0, 0).unwrap(), Session::Easy, 30) };
    a.confirm = Some(Confirm::DeleteRun(run));
    let buf = draw(&a, 80, 24);
    let (x, y) = find(&buf, "Delete run 4?");
    assert_eq!(click(&mut a, (x, y + 2)), [], "inside: nothing");
    assert!(a.confirm.is_some());
    assert_eq!(click(&mut a, (0, 0)), [], "outside: no, and nothing is deleted");
    assert_eq!((a.confirm.is_none(), a.mode()), (true, Mode::Screen(Screen::Today)));
}

#[test]
fn in_a_form_a_click_focuses_a_field_and_elsewhere_changes_nothing() {
    let mut a = app();
    key(&mut a, Command::LogMarkers);
    assert_eq!(a.mode(), Mode::Form);
    let buf = draw(&a, 80, 24);
    let label = a.form.as_ref().unwrap().fields[3].label;
    let cell = find(&buf, label);
    assert_eq!(click(&mut a, cell), []);
    assert_eq!(a.form.as_ref().unwrap().focus, 3);
    at(&mut a, Press::WheelDown, cell);
    assert_eq!(a.form.as_ref().unwrap().focus, 4);
    at(&mut a, Press::WheelUp, cell);
    at(&mut a, Press::WheelUp, cell);
    assert_eq!(a.form.as_ref().unwrap().focus, 2);
    let tab = find(&buf, "1 Today");
    assert_eq!(click(&mut a, tab), []);
    assert_eq!(a.screen, Screen::Log);
    assert!(matches!(a.form.as_ref().map(|f| f.kind), Some(FormKind::Markers)));
    assert_eq!(a.status.as_ref().map(|s| s.kind.clone()), Some(StatusKind::Info));
    for _ in 0..40 {
        at(&mut a, Press::WheelUp, cell);
    }
    assert_eq!(a.form.as_ref().unwrap().focus, 0, "the wheel stops at the first field");
}

fn history() -> History {
    let days = BTreeMap::from([(d(12), (1.0, Some(Level::Go))), (d(27), (0.5, Some(Level::Easy)))]);
    History { month: d(1), days, current_streak: 1, best_streak: 3, ..History::default() }
}

#[test]
fn a_click_on_a_day_selects_it_and_a_second_opens_it() {
    let mut a = app();
    key(&mut a, Command::ShowHistory);
    update(&mut a, Action::HistoryLoaded(Box::new(history())));
    let buf = draw(&a, 80, 24);
    let twelve = find(&buf, " 12");
    assert_eq!(
        click(&mut a, (twelve.0 + 1, twelve.1)),
        [Effect::LoadDetail(d(12))],
        "the day in full is read"
    );
    assert_eq!(a.history_day, d(12));
    assert_eq!(click(&mut a, (twelve.0 + 4, twelve.1)), [Effect::Load(d(12))], "the cell's letter");
    assert_eq!(a.screen, Screen::Today);
    // The future is out of reach.
    key(&mut a, Command::ShowHistory);
    let buf = draw(&a, 80, 24);
    let thirty = find(&buf, " 30");
    assert_eq!(click(&mut a, (thirty.0 + 1, thirty.1)), [], "a future day is no target");
    assert_eq!(a.history_day, d(28));
    at(&mut a, Press::WheelUp, (thirty.0 + 1, thirty.1));
    assert_eq!(a.history_day, d(21), "the wheel goes a week back");
}

fn log_list() -> LogList {
    let day = |n: u32, runs: Vec<Run>| LogDay { date: d(n), markers: None, runs, verdict: Some(Level::Go) };
    let run =
        Run { id: Some(4), ..Run::new(d(27), NaiveTime::from_hms_opt(9, 0, 0).unwrap(), Session::Long, 95) };
    LogList { days: vec![day(28, vec![]), day(27, vec![run]), day(26, vec![])], span: 28 }
}

#[test]
fn a_click_on_a_log_row_selects_it_and_a_second_opens_it() {
    let mut a = app();
    key(&mut a, Command::ShowLog);
    update(&mut a, Action::LogLoaded(Box::new(log_list())));
    let buf = draw(&a, 80, 24);
    let run = find(&buf, "long 95 min");
    assert_eq!(click(&mut a, run), []);
    assert_eq!((a.log_selected, a.form.is_none()), (2, true));
    assert_eq!(click(&mut a, (1, run.1)), []);
    assert!(matches!(a.form.as_ref().map(|f| f.kind), Some(FormKind::EditRun(4))));
}

#[test]
fn a_marker_tab_and_the_window_on_trends() {
    let mut a = app();
    key(&mut a, Command::ShowTrends);
    let buf = draw(&a, 80, 24);
    let rhr = find(&buf, "Resting HR");
    assert_eq!(click(&mut a, rhr), [Effect::LoadTrends(Marker::Rhr, Window::Days(28))]);
    assert_eq!(click(&mut a, rhr), [], "the marker on show: nothing to read");
    let window = find(&buf, "28 d ");
    assert_eq!(click(&mut a, window), [Effect::LoadTrends(Marker::Rhr, Window::Days(90))]);
}

#[test]
fn a_target_counts_only_on_the_screen_that_drew_it() {
    let mut a = app();
    let buf = draw(&a, 80, 24);
    let item = find(&buf, &a.checklist().entries().nth(1).unwrap().item.title.clone());
    // Two clicks read before the next frame: the tab, then where an item was.
    click(&mut a, find(&buf, "4 History"));
    assert_eq!(click(&mut a, item), []);
    assert_eq!(a.screen, Screen::History);
}

#[test]
fn too_small_a_terminal_has_nothing_to_click() {
    let mut a = app();
    for (w, h) in [(1, 1), (39, 11), (2, 30)] {
        draw(&a, w, h);
        for y in 0..h {
            for x in 0..w {
                assert_eq!(click(&mut a, (x, y)), []);
                at(&mut a, Press::WheelDown, (x, y));
            }
        }
        assert_eq!((a.screen, a.selected), (Screen::Today, app().selected));
    }
}
