use super::*;
use crate::domain::checklist::Checklist;
use crate::domain::readiness::{self, Inputs, Thresholds};
use crate::domain::records::Tick;
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::tui::app::{Day, Overlay};
use crate::tui::form::FormKind;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::time::Instant;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn noon(d: u32) -> NaiveDateTime {
    day(d).and_hms_opt(12, 0, 0).unwrap()
}

fn data(date: NaiveDate, ticks: &[Tick]) -> Day {
    Day {
        checklist: Checklist::build(date, &Routine::builtin().unwrap(), Session::Tempo, ticks, 90),
        verdict: readiness::verdict(&Inputs::default(), date, &Thresholds::default()),
        focus: None,
        markers: None,
        yesterday: None,
        last_run: None,
        side: Default::default(),
    }
}

fn app() -> App {
    App::new(noon(28), std::time::Instant::now(), data(day(28), &[]), false, Theme { color: false })
}

fn press(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Key(command))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

fn loaded(date: NaiveDate, ticks: &[Tick]) -> Action {
    Action::Loaded { day: Box::new(data(date, ticks)), welcome: false }
}

#[test]
fn moving_stays_inside_the_list() {
    let mut a = app();
    press(&mut a, Command::Up);
    assert_eq!(a.selected, 0);
    press(&mut a, Command::Down);
    press(&mut a, Command::Down);
    assert_eq!(a.selected, 2);
    press(&mut a, Command::Last);
    assert_eq!(a.selected, a.checklist().len() - 1);
    press(&mut a, Command::Down);
    assert_eq!(a.selected, a.checklist().len() - 1);
    press(&mut a, Command::First);
    assert_eq!(a.selected, 0);
}

#[test]
fn space_on_an_open_item_ticks_it_then_reloads_once_saved() {
    let mut a = app();
    let effects = press(&mut a, Command::Toggle);
    assert_eq!(
        effects,
        [Effect::Persist(Change::TickNext { date: day(28), item: "mobility".into(), sets_total: 1 })]
    );
    // Nothing is shown as saved until the store says so; then the day is read again.
    assert_eq!(a.status, None);
    let effects = update(&mut a, Action::Saved { text: "saved".into(), form: false });
    assert_eq!(a.status.as_ref().map(|s| s.kind.clone()), Some(StatusKind::Saved));
    assert_eq!(effects, [Effect::Load(day(28))]);
}

#[test]
fn quit_with_writes_queued_waits_for_them_and_a_second_quit_leaves_without() {
    let mut a = app();
    update(&mut a, Action::Queue(Queue { pending: 1, waiting: true }));
    press(&mut a, Command::Quit);
    assert!(a.running && a.quitting, "the dashboard stays while a write waits");
    update(&mut a, Action::Queue(Queue { pending: 0, waiting: false }));
    assert!(!a.running, "and ends once the queue is empty");

    let mut a = app();
    update(&mut a, Action::Queue(Queue { pending: 2, waiting: true }));
    press(&mut a, Command::Quit);
    press(&mut a, Command::Quit);
    assert!(!a.running, "a second quit leaves without them");

    let mut a = app();
    press(&mut a, Command::Quit);
    assert!(!a.running, "nothing queued: quit at once");
}

#[test]
fn a_tick_saved_while_a_form_saves_does_not_close_the_form() {
    let mut a = app();
    press(&mut a, Command::LogMarkers);
    type_text(&mut a, "52");
    press(&mut a, Command::Save);
    update(&mut a, Action::Saved { text: String::new(), form: false });
    assert!(a.form.is_some(), "the timer's tick is not the form's write");
    update(&mut a, Action::Saved { text: "saved: markers".into(), form: true });
    assert!(a.form.is_none());
}

#[test]
fn a_paste_goes_into_the_focused_field_up_to_its_limit() {
    let mut a = app();
    assert!(update(&mut a, Action::Paste("52".into())).is_empty());
    assert!(a.status.is_some(), "outside a form a paste is refused with a word");
    press(&mut a, Command::LogMarkers);
    a.status = None;
    update(&mut a, Action::Paste("x".repeat(100_000)));
    let form = a.form.as_ref().unwrap();
    assert_eq!(form.fields[0].input.value().chars().count(), crate::tui::form::MAX_FIELD_CHARS);
    assert!(a.status.as_ref().is_some_and(|s| s.text.contains("the rest was left out")));
}

#[test]
fn space_on_a_ticked_item_unticks_it() {
    let mut a = App::new(
        noon(28),
        std::time::Instant::now(),
        data(day(28), &[Tick { item_id: "mobility".into(), set: 1 }]),
        false,
        Theme { color: false },
    );
    // It opens on the first open item; mobility (ticked) is the first of the list.
    press(&mut a, Command::First);
    assert_eq!(
        press(&mut a, Command::Toggle)[0],
        Effect::Persist(Change::Clear { date: day(28), item: "mobility".into() })
    );
}

#[test]
fn a_sets_item_ticks_its_next_set() {
    let mut a = app();
    let bridges = a.checklist().entries().position(|e| e.id() == "glute-bridges").unwrap();
    a.selected = bridges;
    assert_eq!(
        press(&mut a, Command::Toggle)[0],
        Effect::Persist(Change::TickNext { date: day(28), item: "glute-bridges".into(), sets_total: 2 })
    );
}

#[test]
fn days_move_back_but_not_past_today() {
    let mut a = app();
    assert_eq!(press(&mut a, Command::NextDay), []);
    assert!(a.status.is_some());
    assert_eq!(press(&mut a, Command::PrevDay), [Effect::Load(day(27))]);
    update(&mut a, loaded(day(27), &[]));
    assert_eq!(a.date, day(27));
    assert!(!a.is_today());
    assert_eq!(press(&mut a, Command::NextDay), [Effect::Load(day(28))]);
    assert_eq!(press(&mut a, Command::Today), [Effect::Load(day(28))]);
}

#[test]
fn a_reload_keeps_the_selection_on_the_same_item() {
    let mut a = app();
    a.selected = 3;
    let id = a.selected_entry().unwrap().id().to_string();
    update(&mut a, loaded(day(28), &[Tick { item_id: id.clone(), set: 1 }]));
    assert_eq!(a.selected_entry().unwrap().id(), id);
    assert!(a.selected_entry().unwrap().ticked());
}

#[test]
fn a_new_day_resets_the_selection() {
    let mut a = app();
    a.selected = 3;
    update(&mut a, loaded(day(27), &[]));
    assert_eq!(a.selected, 0);
}

#[test]
fn midnight_moves_a_dashboard_that_was_on_today() {
    let mut a = app();
    assert_eq!(update(&mut a, Action::Clock { wall: noon(28), mono: Instant::now() }), []);
    assert_eq!(
        update(&mut a, Action::Clock { wall: day(29).and_hms_opt(0, 0, 1).unwrap(), mono: Instant::now() }),
        [Effect::Load(day(29))]
    );
    assert_eq!(a.today, day(29));
}

#[test]
fn midnight_leaves_a_reviewed_day_alone() {
    let mut a = app();
    update(&mut a, loaded(day(26), &[]));
    assert_eq!(update(&mut a, Action::Clock { wall: noon(29), mono: Instant::now() }), []);
    assert_eq!((a.today, a.date), (day(29), day(26)));
}

#[test]
fn overlays_open_close_and_scroll_within_bounds() {
    let mut a = app();
    press(&mut a, Command::ToggleHelp);
    assert_eq!((a.overlay, a.mode()), (Some(Overlay::Help), Mode::Overlay));
    press(&mut a, Command::ScrollUp);
    assert_eq!(a.overlay_scroll, 0);
    for _ in 0..500 {
        press(&mut a, Command::ScrollDown);
    }
    assert!(a.overlay_scroll <= 200);
    press(&mut a, Command::Why);
    assert_eq!((a.overlay, a.overlay_scroll), (Some(Overlay::Why), 0));
    press(&mut a, Command::CloseOverlay);
    assert_eq!(a.mode(), Mode::Screen(Screen::Today));
    press(&mut a, Command::Quit);
    assert!(!a.running);
}

#[test]
fn m_opens_the_markers_form_on_the_day_shown() {
    let mut a = app();
    update(&mut a, loaded(day(27), &[]));
    press(&mut a, Command::LogMarkers);
    assert_eq!((a.screen, a.mode()), (Screen::Log, Mode::Form));
    let form = a.form.as_ref().unwrap();
    assert_eq!((form.kind, form.date), (FormKind::Markers, day(27)));
}

#[test]
fn in_the_form_q_is_a_letter_and_a_bad_value_saves_nothing() {
    let mut a = app();
    press(&mut a, Command::LogMarkers);
    type_text(&mut a, "4q0");
    let effects = press(&mut a, Command::Save);
    assert_eq!(effects, []);
    assert!(a.running);
    let form = a.form.as_ref().unwrap();
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("Resting HR: '4q0' is not a number; give 25–220 bpm, a whole number")
    );
    assert_eq!(a.status.as_ref().unwrap().kind, StatusKind::Error);
}

#[test]
fn a_valid_form_persists_then_closes_only_when_saved() {
    let mut a = app();
    press(&mut a, Command::LogMarkers);
    type_text(&mut a, "52");
    press(&mut a, Command::NextField);
    type_text(&mut a, "61.5");
    let effects = press(&mut a, Command::Save);
    let markers = crate::domain::records::Markers { rhr: Some(52), hrv: Some(61.5), ..Default::default() };
    let fields = vec!["rhr", "hrv"];
    assert_eq!(effects, [Effect::Persist(Change::Markers { date: day(28), markers, fields })]);
    assert!(a.form.is_some(), "the form stays until the store confirms");
    update(&mut a, Action::Failed("disk full: nothing saved".into()));
    assert!(a.form.as_ref().is_some_and(|f| !f.saving));
    press(&mut a, Command::Save);
    update(&mut a, Action::Saved { text: "saved: markers".into(), form: true });
    assert_eq!((a.form.is_none(), a.screen), (true, Screen::Today));
}

#[test]
fn r_opens_a_run_form_ending_now_and_esc_cancels() {
    let mut a = app();
    press(&mut a, Command::LogRun);
    let form = a.form.as_ref().unwrap();
    assert_eq!(form.kind, FormKind::Run);
    let at = form.fields.iter().find(|f| f.column == "at").unwrap();
    assert_eq!(at.input.value(), "12:00");
    press(&mut a, Command::Cancel);
    assert_eq!((a.form.is_none(), a.screen), (true, Screen::Today));
    assert!(a.status.as_ref().unwrap().text.contains("nothing saved"));
}

#[test]
fn a_run_form_saves_a_run() {
    let mut a = app();
    press(&mut a, Command::LogRun);
    type_text(&mut a, "tempo");
    press(&mut a, Command::NextField);
    type_text(&mut a, "45");
    let effects = press(&mut a, Command::Save);
    let Effect::Persist(Change::Run(run)) = &effects[0] else { panic!("{effects:?}") };
    assert_eq!(
        (run.kind, run.minutes, run.at.format("%H:%M").to_string()),
        (Session::Tempo, 45, "12:00".into())
    );
}

#[test]
fn toggling_an_empty_list_does_nothing() {
    let empty = Routine::parse(
        "[[phases]]\nid = \"p\"\ntitle = \"P\"\n[[items]]\nid = \"x\"\nphase = \"p\"\ntitle = \"X\"\nkind = \"check\"\nsessions = [\"long\"]\n",
        "r",
    )
    .unwrap();
    let mut d = data(day(28), &[]);
    d.checklist = Checklist::build(day(28), &empty, Session::Rest, &[], 90);
    let mut a = App::new(noon(28), std::time::Instant::now(), d, false, Theme { color: false });
    assert_eq!(press(&mut a, Command::Toggle), []);
    press(&mut a, Command::Down);
    assert_eq!(a.selected, 0);
}
