use crate::domain::checklist::Checklist;
use crate::domain::readiness::{self, Inputs, Thresholds};
use crate::domain::records::Tick;
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::domain::timer::Countdown;
use crate::tui::app::{App, Day};
use crate::tui::keymap::Command;
use crate::tui::theme::Theme;
use crate::tui::update::{Action, Change, Effect, update};
use chrono::NaiveDate;
use std::time::{Duration, Instant};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn app_with(ticks: &[Tick]) -> App {
    let d = Day {
        checklist: Checklist::build(day(), &Routine::builtin().unwrap(), Session::Easy, ticks, 90),
        verdict: readiness::verdict(&Inputs::default(), day(), &Thresholds::default()),
        focus: None,
        markers: None,
        yesterday: None,
        last_run: None,
        side: Default::default(),
    };
    App::new(
        day().and_hms_opt(18, 0, 0).unwrap(),
        std::time::Instant::now(),
        d,
        false,
        Theme { color: false },
    )
}

fn press(app: &mut App, c: Command) -> Vec<Effect> {
    update(app, Action::Key(c))
}

/// The clock moves on by `ms` and the loop wakes.
fn wake(app: &mut App, ms: u64) -> Vec<Effect> {
    let mono = app.mono + Duration::from_millis(ms);
    update(app, Action::Clock { wall: app.now, mono })
}

fn select(app: &mut App, id: &str) {
    let i = app.checklist().entries().position(|e| e.id() == id).unwrap();
    app.selected = i;
}

fn timer_id(app: &App) -> Option<&str> {
    app.timer.as_ref().map(|t| t.target.id.as_str())
}

#[test]
fn s_starts_the_sequence_at_the_first_open_target() {
    let mut a = app_with(&[Tick { item_id: "foam-calves".into(), set: 1 }]);
    let effects = press(&mut a, Command::StartSequence);
    assert_eq!(timer_id(&a), Some("foam-quads"));
    assert!(a.timer.as_ref().unwrap().countdown.is_running());
    assert!(matches!(effects[..], [Effect::SaveTimer(Some(_))]));
    assert_eq!(a.timer.as_ref().unwrap().label(), "quads (2/3)");
    assert_eq!(a.timer.as_ref().unwrap().next_text().as_deref(), Some("Next: glutes (3/3)"));
}

#[test]
fn enter_starts_a_timed_item_and_enter_again_pauses_it() {
    let mut a = app_with(&[]);
    select(&mut a, "foam-glutes");
    press(&mut a, Command::Activate);
    assert_eq!(timer_id(&a), Some("foam-glutes"));
    wake(&mut a, 10_000);
    press(&mut a, Command::Activate);
    let t = a.timer.as_ref().unwrap();
    assert_eq!(
        t.countdown,
        Countdown::Paused { remaining: Duration::from_secs(80), total: Duration::from_secs(90) }
    );
    // Enter on an item that is not timed still ticks it.
    select(&mut a, "mobility");
    assert!(matches!(press(&mut a, Command::Activate)[0], Effect::Persist(Change::TickNext { .. })));
}

#[test]
fn pause_adjust_skip_and_reset() {
    let mut a = app_with(&[]);
    press(&mut a, Command::StartSequence);
    wake(&mut a, 30_000);
    press(&mut a, Command::Longer);
    assert_eq!(a.timer.as_ref().unwrap().countdown.remaining(a.mono), Duration::from_secs(75));
    press(&mut a, Command::Shorter);
    press(&mut a, Command::Shorter);
    assert_eq!(a.timer.as_ref().unwrap().countdown.remaining(a.mono), Duration::from_secs(45));
    press(&mut a, Command::PauseTimer);
    wake(&mut a, 600_000);
    assert_eq!(a.timer.as_ref().unwrap().countdown.remaining(a.mono), Duration::from_secs(45));
    press(&mut a, Command::SkipTarget);
    assert_eq!(timer_id(&a), Some("foam-quads"));
    assert!(a.timer.as_ref().unwrap().countdown.is_running());
    let effects = press(&mut a, Command::ResetTimer);
    assert_eq!((a.timer.is_none(), effects), (true, vec![Effect::SaveTimer(None)]));
}

#[test]
fn the_cue_rings_once_and_the_end_rings_ticks_and_advances() {
    let mut a = app_with(&[]);
    press(&mut a, Command::StartSequence);
    assert_eq!(wake(&mut a, 79_000), []);
    assert_eq!(wake(&mut a, 1_000), [Effect::Bell]); // 10 s left
    assert_eq!(wake(&mut a, 1_000), []);
    let effects = wake(&mut a, 9_000);
    assert_eq!(effects[0], Effect::Bell);
    assert_eq!(effects[1], Effect::Persist(Change::TimerTick { date: day(), item: "foam-calves".into() }));
    assert!(matches!(effects[2], Effect::SaveTimer(Some(_))));
    assert_eq!(timer_id(&a), Some("foam-quads"));
    assert!(a.timer.as_ref().unwrap().flashing(a.mono));
    assert!(a.status.as_ref().unwrap().text.contains("calves done · quads (2/3)"));
}

#[test]
fn without_auto_advance_the_overtime_runs_until_a_key() {
    let mut a = app_with(&[]);
    a.timers.auto_advance = false;
    press(&mut a, Command::StartSequence);
    wake(&mut a, 90_000);
    wake(&mut a, 7_000);
    assert!(a.awaiting_ack());
    let t = a.timer.as_ref().unwrap();
    assert_eq!(t.countdown.overtime(a.mono), Duration::from_secs(7));
    assert_eq!(update(&mut a, Action::Acknowledge), [Effect::SaveTimer(None)]);
    assert!(a.timer.is_none());
}

#[test]
fn the_last_target_waits_for_a_key_even_with_auto_advance() {
    let mut a = app_with(&[]);
    select(&mut a, "foam-glutes");
    press(&mut a, Command::Activate);
    let effects = wake(&mut a, 90_000);
    assert_eq!(effects[1], Effect::Persist(Change::TimerTick { date: day(), item: "foam-glutes".into() }));
    assert!(a.awaiting_ack());
}

#[test]
fn taking_off_more_than_is_left_finishes_the_target() {
    let mut a = app_with(&[]);
    press(&mut a, Command::StartSequence);
    wake(&mut a, 80_000);
    let effects = press(&mut a, Command::Shorter);
    assert_eq!(effects[0], Effect::Bell);
    assert_eq!(timer_id(&a), Some("foam-quads"));
}

#[test]
fn a_timer_that_ran_out_while_closed_ticks_its_item_and_shows_overtime() {
    let mut a = app_with(&[]);
    let mut t = crate::tui::timer::ActiveTimer::for_item(a.checklist(), "foam-quads", a.mono).unwrap();
    t.countdown =
        Countdown::Finished { at: a.mono - Duration::from_secs(70), total: Duration::from_secs(90) };
    let effects = update(&mut a, Action::TimerRestored(Box::new(t)));
    assert_eq!(effects[0], Effect::Persist(Change::TimerTick { date: day(), item: "foam-quads".into() }));
    assert!(a.awaiting_ack());
    assert!(a.status.as_ref().unwrap().text.contains("finished while cooldown was closed"));
}

#[test]
fn a_running_timer_survives_moving_to_another_day_and_screen() {
    let mut a = app_with(&[]);
    press(&mut a, Command::StartSequence);
    press(&mut a, Command::LogMarkers);
    wake(&mut a, 5_000);
    assert_eq!(timer_id(&a), Some("foam-calves"));
    assert_eq!(a.timer.as_ref().unwrap().countdown.remaining(a.mono), Duration::from_secs(85));
    let _ = Instant::now();
}
