//! The forms through `update`: Enter, Ctrl-S, the arrows in pickers and text fields, every
//! bad field marked at once, and an edited run.

use crate::domain::checklist::Checklist;
use crate::domain::readiness::{self, Inputs, Thresholds};
use crate::domain::records::Run;
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::tui::app::{App, Day, StatusKind};
use crate::tui::form::Form;
use crate::tui::keymap::Command;
use crate::tui::theme::Theme;
use crate::tui::update::{Action, Change, Effect, forms, update};
use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn app() -> App {
    let d = Day {
        checklist: Checklist::build(day(28), &Routine::builtin().unwrap(), Session::Easy, &[], 90),
        verdict: readiness::verdict(&Inputs::default(), day(28), &Thresholds::default()),
        focus: None,
        markers: None,
        yesterday: None,
        last_run: None,
        side: Default::default(),
    };
    App::new(
        day(28).and_hms_opt(12, 0, 0).unwrap(),
        std::time::Instant::now(),
        d,
        false,
        Theme { color: false },
    )
}

fn press(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Key(command))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

fn key(app: &mut App, code: KeyCode) {
    update(app, Action::Type(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn focus(app: &App) -> usize {
    app.form.as_ref().unwrap().focus
}

fn value(app: &App, column: &str) -> String {
    let form = app.form.as_ref().unwrap();
    form.fields.iter().find(|f| f.column == column).unwrap().input.value().to_string()
}

#[test]
fn enter_moves_to_the_next_field_and_saves_on_the_last() {
    let mut a = app();
    press(&mut a, Command::LogMarkers);
    type_text(&mut a, "52");
    assert_eq!(press(&mut a, Command::NextOrSave), []);
    assert_eq!(focus(&a), 1);
    press(&mut a, Command::PrevField);
    assert_eq!(focus(&a), 0);
    let last = a.form.as_ref().unwrap().fields.len() - 1;
    for _ in 0..last {
        assert_eq!(press(&mut a, Command::NextOrSave), [], "Enter before the last field saves nothing");
    }
    assert_eq!(focus(&a), last);
    let effects = press(&mut a, Command::NextOrSave);
    assert!(matches!(&effects[..], [Effect::Persist(Change::Markers { fields, .. })] if fields == &["rhr"]));
}

#[test]
fn ctrl_s_saves_from_any_field() {
    let mut a = app();
    press(&mut a, Command::LogMarkers);
    press(&mut a, Command::NextField);
    type_text(&mut a, "61.5");
    assert_eq!(focus(&a), 1);
    let effects = press(&mut a, Command::Save);
    assert!(matches!(&effects[..], [Effect::Persist(Change::Markers { fields, .. })] if fields == &["hrv"]));
}

#[test]
fn three_bad_fields_are_marked_at_once_and_each_clears_when_edited() {
    let mut a = app();
    press(&mut a, Command::LogMarkers);
    type_text(&mut a, "300");
    press(&mut a, Command::NextField);
    press(&mut a, Command::NextField);
    type_text(&mut a, "30");
    press(&mut a, Command::NextField);
    press(&mut a, Command::NextField);
    type_text(&mut a, "11");
    assert_eq!(press(&mut a, Command::Save), [], "nothing is saved");
    let status = a.status.clone().unwrap();
    assert_eq!((status.text.as_str(), status.kind), ("3 fields to fix — nothing saved", StatusKind::Error));
    let form = a.form.as_ref().unwrap();
    let marked: Vec<usize> =
        form.fields.iter().enumerate().filter(|(_, f)| f.error.is_some()).map(|(i, _)| i).collect();
    assert_eq!((marked, form.focus), (vec![0, 2, 4], 0));
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("Resting HR: 300 is outside 25–220 bpm, a whole number")
    );
    // The cursor is on the first; fixing it clears its mark and no other.
    key(&mut a, KeyCode::Backspace);
    assert_eq!(a.form.as_ref().unwrap().errors(), 2);
    assert!(a.form.as_ref().unwrap().fields[0].error.is_none());
    // Moving the cursor is no edit: the mark stays.
    press(&mut a, Command::NextField);
    press(&mut a, Command::NextField);
    key(&mut a, KeyCode::Home);
    assert_eq!(a.form.as_ref().unwrap().errors(), 2);
}

#[test]
fn arrows_choose_in_a_picker_and_move_the_cursor_in_a_text_field() {
    let mut a = app();
    a.day.last_run = Some(Run::new(day(27), NaiveTime::MIN, Session::Race, 40));
    press(&mut a, Command::LogRun);
    assert_eq!(value(&a, "type"), "race", "the run form starts from the last run's type");
    press(&mut a, Command::NextChoice);
    assert_eq!(value(&a, "type"), "cross");
    press(&mut a, Command::NextChoice);
    assert_eq!(value(&a, "type"), "easy");
    press(&mut a, Command::PrevChoice);
    press(&mut a, Command::PrevChoice);
    assert_eq!(value(&a, "type"), "race");
    type_text(&mut a, "x");
    assert_eq!(value(&a, "type"), "race");
    let said = a.status.clone().unwrap().text;
    assert!(said.contains("easy, tempo, intervals, long, race, cross"), "{said}");
    type_text(&mut a, "Tempo");
    assert_eq!(value(&a, "type"), "tempo");
    press(&mut a, Command::NextField);
    type_text(&mut a, "45");
    press(&mut a, Command::PrevChoice);
    type_text(&mut a, "0");
    assert_eq!(value(&a, "minutes"), "405");
    press(&mut a, Command::NextChoice);
    type_text(&mut a, "1");
    assert_eq!(value(&a, "minutes"), "4051");
}

#[test]
fn an_edited_run_is_one_change_with_its_id_and_an_unchanged_one_closes() {
    let mut run = Run::new(day(28), NaiveTime::from_hms_opt(7, 0, 0).unwrap(), Session::Long, 300);
    run.id = Some(4);
    let mut a = app();
    forms::open(&mut a, Form::edit_run(&run, crate::domain::units::Units::METRIC).unwrap());
    assert_eq!(press(&mut a, Command::Save), []);
    assert!(a.form.is_none());
    assert_eq!(a.status.clone().unwrap().text, "nothing changed: the run is as it was");

    forms::open(&mut a, Form::edit_run(&run, crate::domain::units::Units::METRIC).unwrap());
    press(&mut a, Command::NextField);
    key(&mut a, KeyCode::Backspace);
    let effects = press(&mut a, Command::Save);
    let expected = Run { minutes: 30, ..run.clone() };
    assert_eq!(effects, [Effect::Persist(Change::EditRun { id: 4, run: expected })]);
    update(&mut a, Action::Failed("not built".into()));
    assert!(a.form.as_ref().is_some_and(|f| !f.saving), "a failed edit keeps the form open");
}
