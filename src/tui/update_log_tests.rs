use crate::domain::checklist::Checklist;
use crate::domain::readiness::{self, Inputs, Level, Thresholds};
use crate::domain::records::{Markers, Run};
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::tui::app::{App, Confirm, Day, StatusKind};
use crate::tui::form::FormKind;
use crate::tui::keymap::{Command, Mode, Screen};
use crate::tui::loglist::{LogDay, LogList};
use crate::tui::theme::Theme;
use crate::tui::update::{Action, Change, Effect, update};
use chrono::{NaiveDate, NaiveTime};

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn app() -> App {
    let day = Day {
        checklist: Checklist::build(d(28), &Routine::builtin().unwrap(), Session::Easy, &[], 90),
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

fn run(day: u32, id: i64, kind: Session, minutes: u32) -> Run {
    Run { id: Some(id), ..Run::new(d(day), NaiveTime::from_hms_opt(9, 0, 0).unwrap(), kind, minutes) }
}

/// Three days: today with markers, yesterday with a long and an easy run, the day before.
fn list(span: u32) -> LogList {
    let day = |n: u32, rhr: Option<u16>, runs: Vec<Run>| LogDay {
        date: d(n),
        markers: rhr.map(|r| Markers { rhr: Some(r), ..Markers::default() }),
        runs,
        verdict: Some(Level::Go),
    };
    LogList {
        days: vec![
            day(28, Some(52), vec![]),
            day(27, Some(55), vec![run(27, 4, Session::Long, 300), run(27, 5, Session::Easy, 30)]),
            day(26, None, vec![]),
        ],
        span,
    }
}

fn press(a: &mut App, c: Command) -> Vec<Effect> {
    update(a, Action::Key(c))
}

fn on_log() -> App {
    let mut a = app();
    assert_eq!(press(&mut a, Command::ShowLog), [Effect::LoadLog(28)]);
    update(&mut a, Action::LogLoaded(Box::new(list(28))));
    a
}

#[test]
fn two_then_three_lands_on_trends_with_no_form_open() {
    let mut a = app();
    press(&mut a, Command::ShowLog);
    assert_eq!((a.screen, a.mode()), (Screen::Log, Mode::Screen(Screen::Log)));
    press(&mut a, Command::ShowTrends);
    assert_eq!((a.screen, a.form.is_none()), (Screen::Trends, true));
}

#[test]
fn enter_on_a_day_edits_its_markers_with_the_day_before_as_reference() {
    let mut a = on_log();
    press(&mut a, Command::Down);
    assert_eq!(press(&mut a, Command::Edit), []);
    let form = a.form.as_ref().unwrap();
    assert_eq!((form.kind, form.date), (FormKind::Markers, d(27)));
    assert_eq!(form.fields[0].input.value(), "55");
    assert_eq!(a.mode(), Mode::Form);
    // Esc goes back to the list, not to Today.
    press(&mut a, Command::Cancel);
    assert_eq!((a.screen, a.form.is_none()), (Screen::Log, true));
}

#[test]
fn enter_on_a_run_opens_that_run_to_edit() {
    let mut a = on_log();
    press(&mut a, Command::Down);
    press(&mut a, Command::Down);
    press(&mut a, Command::Edit);
    let form = a.form.as_ref().unwrap();
    assert_eq!(form.date, d(27));
    assert!(form.fields.iter().any(|f| f.input.value() == "300"), "the run's minutes are in the form");
}

#[test]
fn r_adds_a_run_on_the_selected_day_and_saving_comes_back_to_the_list() {
    let mut a = on_log();
    press(&mut a, Command::Last);
    press(&mut a, Command::LogRun);
    let form = a.form.as_ref().unwrap();
    assert_eq!((form.kind, form.date), (FormKind::Run, d(26)));
    a.form.as_mut().unwrap().saving = true;
    let effects = update(&mut a, Action::Saved { text: "saved".into(), form: true });
    assert_eq!(a.screen, Screen::Log);
    assert!(effects.contains(&Effect::LoadLog(28)), "{effects:?}");
}

#[test]
fn d_asks_first_and_only_yes_deletes() {
    let mut a = on_log();
    press(&mut a, Command::Delete);
    assert_eq!(a.confirm, None, "a day row has no run to delete");
    assert_eq!(a.status.as_ref().map(|s| s.kind.clone()), Some(StatusKind::Info));
    press(&mut a, Command::Down);
    press(&mut a, Command::Down);
    assert_eq!(press(&mut a, Command::Delete), []);
    assert!(matches!(&a.confirm, Some(Confirm::DeleteRun(r)) if r.id == Some(4)));
    assert_eq!(a.mode(), Mode::Confirm);
    assert_eq!(press(&mut a, Command::No), []);
    assert_eq!(a.confirm, None);
    press(&mut a, Command::Delete);
    assert_eq!(press(&mut a, Command::Yes), [Effect::Persist(Change::DeleteRun { id: 4 })]);
    assert_eq!(a.confirm, None);
}

#[test]
fn moving_past_the_oldest_day_reads_older_days() {
    let mut a = app();
    press(&mut a, Command::ShowLog);
    update(&mut a, Action::LogLoaded(Box::new(list(3))));
    press(&mut a, Command::Last);
    assert_eq!(a.log_selected, 4);
    assert_eq!(press(&mut a, Command::Down), [Effect::LoadLog(31)]);
    // A list shorter than asked for is all there is: nothing more to read.
    update(&mut a, Action::LogLoaded(Box::new(list(31))));
    assert_eq!(press(&mut a, Command::Down), []);
}

#[test]
fn a_status_message_clears_on_the_next_key() {
    let mut a = on_log();
    press(&mut a, Command::Delete);
    assert!(a.status.is_some());
    press(&mut a, Command::Down);
    assert_eq!(a.status, None);
}

#[test]
fn a_form_opened_from_another_screen_reads_the_log_list_for_under_it() {
    let mut a = app();
    assert_eq!(press(&mut a, Command::LogMarkers), [Effect::LoadLog(28)]);
    assert_eq!(a.screen, Screen::Log);
    press(&mut a, Command::Cancel);
    assert_eq!(a.screen, Screen::Today);
    assert_eq!(press(&mut a, Command::LogRun), [Effect::LoadLog(28)]);
}

#[test]
fn a_form_opened_on_the_log_screen_uses_the_list_it_has() {
    let mut a = on_log();
    assert_eq!(press(&mut a, Command::LogMarkers), []);
    press(&mut a, Command::Cancel);
    assert_eq!(press(&mut a, Command::LogRun), []);
    press(&mut a, Command::Cancel);
    press(&mut a, Command::Down);
    press(&mut a, Command::Down);
    assert_eq!(press(&mut a, Command::Edit), []);
    assert!(matches!(a.form.as_ref().map(|f| f.kind), Some(FormKind::EditRun(4))));
}
