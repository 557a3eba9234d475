use crate::domain::checklist::Checklist;
use crate::domain::readiness::{self, Inputs, Thresholds};
use crate::domain::routine::Routine;
use crate::domain::session::Session;
use crate::domain::trends::{Marker, Window};
use crate::tui::app::{App, Day, History};
use crate::tui::keymap::{Command, Screen};
use crate::tui::theme::Theme;
use crate::tui::update::{Action, Effect, update};
use chrono::NaiveDate;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn app() -> App {
    let day = Day {
        checklist: Checklist::build(d(11, 28), &Routine::builtin().unwrap(), Session::Easy, &[], 90),
        verdict: readiness::verdict(&Inputs::default(), d(11, 28), &Thresholds::default()),
        focus: None,
        markers: None,
        yesterday: None,
        last_run: None,
        side: Default::default(),
    };
    App::new(
        d(11, 28).and_hms_opt(12, 0, 0).unwrap(),
        std::time::Instant::now(),
        day,
        false,
        Theme { color: false },
    )
}

fn press(a: &mut App, c: Command) -> Vec<Effect> {
    update(a, Action::Key(c))
}

#[test]
fn tab_cycles_today_log_trends_history_and_each_screen_reads_its_data() {
    let mut a = app();
    assert_eq!(press(&mut a, Command::NextScreen), [Effect::LoadLog(28)]);
    assert_eq!((a.screen, a.form.is_none()), (Screen::Log, true));
    assert_eq!(press(&mut a, Command::NextScreen), [Effect::LoadTrends(Marker::Hrv, Window::Days(28))]);
    assert_eq!(a.screen, Screen::Trends);
    assert_eq!(
        press(&mut a, Command::NextScreen),
        [Effect::LoadHistory(d(11, 1)), Effect::LoadDetail(d(11, 28))]
    );
    assert_eq!(a.screen, Screen::History);
    assert_eq!(press(&mut a, Command::NextScreen), []);
    assert_eq!(a.screen, Screen::Today);
    press(&mut a, Command::PrevScreen);
    assert_eq!(a.screen, Screen::History);
}

#[test]
fn markers_and_windows_cycle() {
    let mut a = app();
    press(&mut a, Command::ShowTrends);
    assert_eq!(press(&mut a, Command::NextMarker), [Effect::LoadTrends(Marker::Rhr, Window::Days(28))]);
    press(&mut a, Command::PrevMarker);
    assert_eq!(press(&mut a, Command::PrevMarker), [Effect::LoadTrends(Marker::Load, Window::Days(28))]);
    assert_eq!(press(&mut a, Command::CycleWindow), [Effect::LoadTrends(Marker::Load, Window::Days(90))]);
    press(&mut a, Command::CycleWindow);
    assert_eq!(press(&mut a, Command::CycleWindow), [Effect::LoadTrends(Marker::Load, Window::All)]);
}

#[test]
fn the_calendar_moves_by_days_weeks_and_months_and_never_into_the_future() {
    let mut a = app();
    let loaded = |month| Action::HistoryLoaded(Box::new(History { month, ..History::default() }));
    press(&mut a, Command::ShowHistory);
    update(&mut a, loaded(d(11, 1)));
    assert_eq!(press(&mut a, Command::DayRight), [Effect::LoadDetail(d(11, 28))]);
    assert_eq!(a.history_day, d(11, 28));
    assert_eq!(press(&mut a, Command::WeekUp), [Effect::LoadDetail(d(11, 21))]);
    assert_eq!(a.history_day, d(11, 21));
    assert_eq!(
        press(&mut a, Command::PrevMonth),
        [Effect::LoadHistory(d(10, 1)), Effect::LoadDetail(d(10, 1))]
    );
    assert_eq!(a.history_day, d(10, 1));
    update(&mut a, loaded(d(10, 1)));
    assert_eq!(press(&mut a, Command::DayLeft), [Effect::LoadHistory(d(9, 1)), Effect::LoadDetail(d(9, 30))]);
    assert_eq!(a.history_day, d(9, 30));
    assert_eq!(
        press(&mut a, Command::ThisMonth),
        [Effect::LoadHistory(d(11, 1)), Effect::LoadDetail(d(11, 28))]
    );
    assert_eq!(a.history_day, d(11, 28));
}

#[test]
fn enter_opens_the_selected_day_on_today() {
    let mut a = app();
    press(&mut a, Command::ShowHistory);
    press(&mut a, Command::WeekUp);
    assert_eq!(press(&mut a, Command::OpenDay), [Effect::Load(d(11, 21))]);
    assert_eq!(a.screen, Screen::Today);
}

#[test]
fn a_write_elsewhere_reloads_the_screen_on_show() {
    let mut a = app();
    press(&mut a, Command::ShowTrends);
    assert_eq!(
        update(&mut a, Action::Reload),
        [Effect::Load(d(11, 28)), Effect::LoadTrends(Marker::Hrv, Window::Days(28))]
    );
}
