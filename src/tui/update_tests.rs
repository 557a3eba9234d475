use super::*;
use crate::domain::records::Tick;
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::tui::theme::Theme;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn checklist(date: NaiveDate, ticks: &[Tick]) -> Checklist {
    Checklist::build(date, &Routine::builtin().unwrap(), Session::Tempo, ticks, 90)
}

fn app() -> App {
    App::new(day(28), checklist(day(28), &[]), false, Theme { color: false })
}

fn press(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Key(command))
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
    assert_eq!(a.selected, a.checklist.len() - 1);
    press(&mut a, Command::Down);
    assert_eq!(a.selected, a.checklist.len() - 1);
    press(&mut a, Command::First);
    assert_eq!(a.selected, 0);
}

#[test]
fn space_on_an_open_item_ticks_it_then_reloads() {
    let mut a = app();
    let effects = press(&mut a, Command::Toggle);
    assert_eq!(
        effects,
        [
            Effect::Persist(Change::TickNext { date: day(28), item: "mobility".into(), sets_total: 1 }),
            Effect::Load(day(28))
        ]
    );
    // Nothing is shown as saved until the store says so.
    assert_eq!(a.status, None);
    update(&mut a, Action::Saved("saved".into()));
    assert_eq!(a.status.as_ref().map(|s| s.kind.clone()), Some(StatusKind::Saved));
}

#[test]
fn space_on_a_ticked_item_unticks_it() {
    let mut a = App::new(
        day(28),
        checklist(day(28), &[Tick { item_id: "mobility".into(), set: 1 }]),
        false,
        Theme { color: false },
    );
    assert_eq!(
        press(&mut a, Command::Toggle)[0],
        Effect::Persist(Change::Clear { date: day(28), item: "mobility".into() })
    );
}

#[test]
fn a_sets_item_ticks_its_next_set() {
    let mut a = app();
    let bridges = a.checklist.entries().position(|e| e.id() == "glute-bridges").unwrap();
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
    update(&mut a, Action::Loaded { checklist: checklist(day(27), &[]), welcome: false });
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
    update(
        &mut a,
        Action::Loaded {
            checklist: checklist(day(28), &[Tick { item_id: id.clone(), set: 1 }]),
            welcome: false,
        },
    );
    assert_eq!(a.selected_entry().unwrap().id(), id);
    assert!(a.selected_entry().unwrap().ticked());
}

#[test]
fn a_new_day_resets_the_selection() {
    let mut a = app();
    a.selected = 3;
    update(&mut a, Action::Loaded { checklist: checklist(day(27), &[]), welcome: false });
    assert_eq!(a.selected, 0);
}

#[test]
fn midnight_moves_a_dashboard_that_was_on_today() {
    let mut a = app();
    assert_eq!(update(&mut a, Action::Clock(day(28))), []);
    assert_eq!(update(&mut a, Action::Clock(day(29))), [Effect::Load(day(29))]);
    assert_eq!(a.today, day(29));
}

#[test]
fn midnight_leaves_a_reviewed_day_alone() {
    let mut a = app();
    update(&mut a, Action::Loaded { checklist: checklist(day(26), &[]), welcome: false });
    assert_eq!(update(&mut a, Action::Clock(day(29))), []);
    assert_eq!((a.today, a.date), (day(29), day(26)));
}

#[test]
fn help_opens_and_closes_and_quit_stops() {
    let mut a = app();
    press(&mut a, Command::ToggleHelp);
    assert!(a.help_open);
    press(&mut a, Command::CloseHelp);
    assert!(!a.help_open);
    press(&mut a, Command::Quit);
    assert!(!a.running);
}

#[test]
fn a_failed_write_is_shown_as_an_error() {
    let mut a = app();
    update(&mut a, Action::Failed("disk full: nothing saved".into()));
    let status = a.status.unwrap();
    assert_eq!((status.kind, status.text.as_str()), (StatusKind::Error, "disk full: nothing saved"));
}

#[test]
fn toggling_an_empty_list_does_nothing() {
    let empty = Routine::parse(
        "[[phases]]\nid = \"p\"\ntitle = \"P\"\n[[items]]\nid = \"x\"\nphase = \"p\"\ntitle = \"X\"\nkind = \"check\"\nsessions = [\"long\"]\n",
        "r",
    )
    .unwrap();
    let mut a = App::new(
        day(28),
        Checklist::build(day(28), &empty, Session::Rest, &[], 90),
        false,
        Theme { color: false },
    );
    assert_eq!(press(&mut a, Command::Toggle), []);
    press(&mut a, Command::Down);
    assert_eq!(a.selected, 0);
}

#[test]
fn the_help_scrolls_within_bounds_and_reopens_at_the_top() {
    let mut a = app();
    press(&mut a, Command::ToggleHelp);
    press(&mut a, Command::ScrollUp);
    assert_eq!(a.help_scroll, 0);
    for _ in 0..100 {
        press(&mut a, Command::ScrollDown);
    }
    assert!(a.help_scroll < crate::tui::keymap::BINDINGS.len());
    press(&mut a, Command::ToggleHelp);
    press(&mut a, Command::ToggleHelp);
    assert_eq!(a.help_scroll, 0);
}
