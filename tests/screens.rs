//! Whole-screen snapshots of the dashboard (TestBackend + insta) on the fixed demo
//! history, and the styles that carry meaning. Accept intended changes with
//! `INSTA_UPDATE=always cargo test --test screens`, then read the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};
use cooldown::domain::checklist::{Checklist, Shape};
use cooldown::domain::demo::{self, History};
use cooldown::domain::focus;
use cooldown::domain::readiness::{self, Inputs, Level, Thresholds};
use cooldown::domain::records::{Run, Tick};
use cooldown::domain::routine::Routine;
use cooldown::domain::session::Session;
use cooldown::domain::trends::{self, Marker, Window};
use cooldown::tui::keymap::Command;
use cooldown::tui::theme::Theme;
use cooldown::tui::views::Dashboard;
use cooldown::tui::{Action, App, Day, Trends, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn history() -> History {
    demo::generate(end(), 120, &Routine::builtin().unwrap(), 90)
}

fn inputs(h: &History) -> Inputs {
    let mut inputs = Inputs::default();
    inputs.markers.extend(h.markers.iter().cloned());
    for r in &h.runs {
        *inputs.load.entry(r.day).or_default() += f64::from(r.rpe.unwrap_or(0)) * f64::from(r.minutes);
    }
    inputs
}

/// The dashboard's day as the store would give it, from the demo history.
fn day_of(h: &History, inputs: &Inputs, date: NaiveDate) -> Day {
    let runs: Vec<Run> = h.runs.iter().filter(|r| r.day == date).cloned().collect();
    let before: Vec<Run> = h.runs.iter().filter(|r| Some(r.day) == date.pred_opt()).cloned().collect();
    let ticks: Vec<Tick> = h.ticks.iter().filter(|(d, _)| *d == date).map(|(_, t)| t.clone()).collect();
    let week: Vec<_> =
        h.markers.iter().filter(|(d, _)| *d <= date && *d + Days::new(6) >= date).cloned().collect();
    let weight = h.markers.iter().rev().filter(|(d, _)| *d <= date).find_map(|(_, m)| m.weight_kg);
    let verdict = readiness::verdict(inputs, date, &Thresholds::default());
    let shape = Shape::for_day(&runs, &before, weight, Some((verdict.level, verdict.hint.clone())));
    Day {
        checklist: Checklist::shaped(date, &Routine::builtin().unwrap(), &ticks, 90, &shape),
        verdict,
        focus: focus::week("hrv", &week, date),
        markers: inputs.markers.get(&date).cloned(),
        yesterday: date.pred_opt().and_then(|y| inputs.markers.get(&y).cloned()),
        last_run: h.runs.iter().rfind(|r| r.day < date).cloned(),
    }
}

fn app_on(date: NaiveDate) -> App {
    let h = history();
    let inputs = inputs(&h);
    let mut app = App::new(
        end().and_hms_opt(12, 0, 0).unwrap(),
        day_of(&h, &inputs, end()),
        false,
        Theme { color: true },
    );
    if date != end() {
        update(&mut app, Action::Loaded { day: Box::new(day_of(&h, &inputs, date)), welcome: false });
    }
    app
}

/// The latest demo day with this verdict.
fn day_with(level: Level) -> NaiveDate {
    let h = history();
    let inputs = inputs(&h);
    (0..100u64)
        .map(|n| end() - Days::new(n))
        .find(|d| readiness::verdict(&inputs, *d, &Thresholds::default()).level == level)
        .unwrap_or_else(|| panic!("no {level} day in the demo"))
}

/// Today part-way through, "saved" in the status line.
fn today_app() -> App {
    let mut app = app_on(end());
    update(&mut app, Action::Key(Command::Down));
    update(&mut app, Action::Key(Command::Down));
    update(&mut app, Action::Saved("saved: foam-quads ticked".into()));
    app
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(Dashboard(app), f.area())).unwrap();
    terminal
}

fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    draw(app, width, height).backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn top(app: &App, rows: usize) -> String {
    text(&buffer(app, 80, 24)).lines().take(rows).collect::<Vec<_>>().join("\n")
}

fn press(app: &mut App, command: Command) {
    update(app, Action::Key(command));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

#[test]
fn today_80x24() {
    insta::assert_snapshot!(draw(&today_app(), 80, 24).backend());
}

#[test]
fn today_40x12_compact() {
    insta::assert_snapshot!(draw(&today_app(), 40, 12).backend());
}

#[test]
fn banner_for_each_verdict() {
    for level in [Level::Go, Level::GoCaution, Level::Easy, Level::Rest] {
        let app = app_on(day_with(level));
        assert!(top(&app, 3).contains(level.name()), "{}", top(&app, 7));
        insta::assert_snapshot!(format!("banner_{}", level.name().to_lowercase()), top(&app, 7));
    }
}

#[test]
fn banner_with_no_data() {
    let h = history();
    let mut inputs = inputs(&h);
    inputs.markers.remove(&end());
    let mut app = app_on(end());
    app.day.verdict = readiness::verdict(&inputs, end(), &Thresholds::default());
    assert_eq!(app.day.verdict.level, Level::NoData);
    insta::assert_snapshot!(top(&app, 7));
}

#[test]
fn why_overlay() {
    let mut app = app_on(day_with(Level::Easy));
    press(&mut app, Command::Why);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut app = today_app();
    press(&mut app, Command::ToggleHelp);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn help_overlay_40x12_scrolls_to_the_end() {
    let mut app = today_app();
    press(&mut app, Command::ToggleHelp);
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
    for _ in 0..30 {
        press(&mut app, Command::ScrollDown);
    }
    let screen = text(&buffer(&app, 40, 12));
    assert!(screen.contains("q, Ctrl-C") || screen.contains("Ctrl-C"), "{screen}");
    assert!(!screen.contains("j, ↓"), "{screen}");
}

#[test]
fn markers_form_with_an_error() {
    let mut app = today_app();
    press(&mut app, Command::LogMarkers);
    press(&mut app, Command::NextField);
    type_text(&mut app, "q");
    press(&mut app, Command::Save);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn markers_form_compact() {
    let mut app = today_app();
    press(&mut app, Command::LogMarkers);
    for _ in 0..4 {
        press(&mut app, Command::NextField);
    }
    type_text(&mut app, "1");
    press(&mut app, Command::Save);
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

#[test]
fn run_form() {
    let mut app = today_app();
    press(&mut app, Command::LogRun);
    type_text(&mut app, "tempo");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn welcome_on_an_empty_database() {
    let mut app = app_on(end());
    app.welcome = true;
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn reviewing_an_earlier_day_scrolled_to_the_end() {
    let mut app = app_on(end() - Days::new(1));
    press(&mut app, Command::Last);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn too_small() {
    insta::assert_snapshot!(draw(&today_app(), 39, 11).backend());
}

#[test]
fn no_size_panics_and_small_sizes_say_so() {
    let mut apps = vec![today_app()];
    let mut form = today_app();
    press(&mut form, Command::LogMarkers);
    apps.push(form);
    let mut why = today_app();
    press(&mut why, Command::Why);
    apps.push(why);
    for app in &apps {
        for width in (1..=120).step_by(7).chain([1, 2, 39, 40, 79, 80]) {
            for height in (1..=40).step_by(3).chain([1, 11, 12, 23, 24]) {
                let screen = text(&buffer(app, width, height));
                let small = width < 40 || height < 12;
                if small && width >= 18 {
                    assert!(screen.contains("Terminal too small"), "{width}×{height}:\n{screen}");
                }
            }
        }
    }
}

#[test]
fn the_selected_row_is_reversed_not_only_coloured() {
    let buf = buffer(&today_app(), 80, 24);
    let screen = text(&buf);
    let row = |needle: &str| screen.lines().position(|l| l.contains(needle)).unwrap() as u16;
    assert!(buf[(5, row("Foam roll: quads"))].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(5, row("Foam roll: glutes"))].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_verdict_is_a_word_in_reverse_and_colour_only_supports_it() {
    let app = app_on(day_with(Level::Easy));
    let buf = buffer(&app, 80, 24);
    let screen = text(&buf);
    let y = screen.lines().position(|l| l.contains(" EASY ")).unwrap() as u16;
    let x = screen.lines().nth(y as usize).unwrap().chars().position(|c| c == 'E').unwrap() as u16;
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let mut plain = app.clone();
    plain.theme = Theme { color: false };
    let buf = buffer(&plain, 80, 24);
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    for yy in 0..24 {
        for xx in 0..80 {
            assert_eq!(buf[(xx, yy)].fg, Color::Reset, "colour at {xx},{yy} with NO_COLOR");
        }
    }
}

#[test]
fn ticks_are_green_with_colour_and_marked_either_way() {
    let app = today_app();
    let buf = buffer(&app, 80, 24);
    let screen = text(&buf);
    let y = screen.lines().position(|l| l.contains("[x] Light mobility")).unwrap() as u16;
    let x = screen.lines().nth(y as usize).unwrap().chars().position(|c| c == '[').unwrap() as u16;
    assert_eq!(buf[(x + 1, y)].symbol(), "x");
    assert_eq!(buf[(x + 1, y)].fg, Color::Green);
}

/// Today with the foam-roll sequence started at `app.mono` and the clock moved on by
/// `ms`; `auto` is `[timers] auto_advance`.
fn timer_at(ms: u64, auto: bool, paused_at: Option<u64>) -> App {
    let mut app = today_app();
    app.timers.auto_advance = auto;
    app.status = None;
    let start = app.mono;
    press(&mut app, Command::StartSequence);
    let wake = |app: &mut App, ms: u64| {
        let mono = start + std::time::Duration::from_millis(ms);
        update(app, Action::Clock { wall: app.now, mono });
    };
    if let Some(p) = paused_at {
        wake(&mut app, p);
        press(&mut app, Command::PauseTimer);
    }
    wake(&mut app, ms);
    app
}

#[test]
fn timer_running() {
    let app = timer_at(5_300, true, None);
    let screen = text(&buffer(&app, 80, 24));
    assert!(screen.contains("▶ 1:25"), "{screen}");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn timer_paused() {
    insta::assert_snapshot!(draw(&timer_at(300_000, true, Some(20_000)), 80, 24).backend());
}

#[test]
fn timer_cue() {
    let app = timer_at(82_000, true, None);
    let buf = buffer(&app, 80, 24);
    let screen = text(&buf);
    let y = screen.lines().position(|l| l.contains("Foam roll: quads")).unwrap() as u16;
    assert_eq!(buf[(3, y)].fg, Color::Yellow, "the last seconds are in the warning style");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn timer_finished_flashes() {
    let app = timer_at(90_000, false, None);
    let buf = buffer(&app, 80, 24);
    let screen = text(&buf);
    let y = screen.lines().position(|l| l.contains("time is up")).unwrap() as u16;
    assert!(buf[(40, y)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn timer_overtime() {
    let app = timer_at(97_000, false, None);
    assert!(text(&buffer(&app, 80, 24)).contains("done"));
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn timer_small_terminal() {
    let app = timer_at(5_300, true, None);
    let screen = text(&buffer(&app, 40, 12));
    assert!(screen.contains("1:25"), "{screen}");
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

#[test]
fn the_timer_shows_in_the_status_bar_when_today_is_hidden() {
    let mut app = timer_at(5_300, true, None);
    press(&mut app, Command::LogMarkers);
    let screen = text(&buffer(&app, 80, 24));
    assert!(screen.lines().last().unwrap().contains("⏱ quads 1:25"), "{screen}");
}

/// The latest demo day whose most demanding run is of `kind` and that satisfies `also`.
fn day_with_run(kind: Session, also: impl Fn(&Run) -> bool) -> NaiveDate {
    let h = history();
    h.runs
        .iter()
        .rev()
        .find(|r| Session::of_run(r.kind, r.minutes) == kind && also(r))
        .map(|r| r.day)
        .unwrap()
}

/// That day seen at noon, as if it were today.
fn as_today(date: NaiveDate) -> App {
    let h = history();
    let inputs = inputs(&h);
    let mut app = App::new(
        date.and_hms_opt(12, 0, 0).unwrap(),
        day_of(&h, &inputs, date),
        false,
        Theme { color: true },
    );
    app.status = None;
    app
}

#[test]
fn today_after_an_easy_run() {
    let app = as_today(day_with_run(Session::Easy, |_| true));
    let screen = text(&buffer(&app, 80, 30));
    assert!(screen.contains("Normal meal within 2 h") && !screen.contains("Protein"), "{screen}");
    insta::assert_snapshot!(draw(&app, 80, 30).backend());
}

#[test]
fn today_after_a_long_run_with_weights() {
    let app = as_today(day_with_run(Session::Long, |r| r.weight_before_kg.is_some() && r.minutes > 90));
    let screen = text(&buffer(&app, 100, 40));
    for needle in ["Protein", "0.3 g/kg ×", "L per kg ×", "g/h", "due now"] {
        assert!(screen.contains(needle), "{needle} missing:\n{screen}");
    }
    insta::assert_snapshot!(draw(&app, 100, 40).backend());
}

#[test]
fn today_on_a_rest_morning() {
    let app = as_today(day_with(Level::Rest));
    let screen = text(&buffer(&app, 100, 40));
    assert!(
        screen.contains("Ease off today") && screen.contains("instead of the planned session"),
        "{screen}"
    );
    insta::assert_snapshot!(draw(&app, 100, 40).backend());
}

/// The Trends screen on the demo history, as `load::trends` would fill it.
fn trends_app(marker: Marker, window: Window) -> App {
    let h = history();
    let inputs = inputs(&h);
    let t = Thresholds::default();
    let mut app = app_on(end());
    update(&mut app, Action::Key(Command::ShowTrends));
    app.marker = marker;
    app.window = window;
    let from = window.start(end(), h.markers.first().map(|(d, _)| *d));
    let verdicts = readiness::levels(&inputs, from, end(), &t);
    let series = trends::series(marker, &inputs, from, end(), &t, &verdicts);
    app.trends = Some(Trends {
        summary: trends::summary(&series),
        weekly: trends::weekly_load(&inputs, from, end()),
        acwr: readiness::acwr(&inputs, end()),
        series,
    });
    app
}

/// The History screen on the demo history, as `load::history` would fill it.
fn history_app(month: NaiveDate, selected: NaiveDate) -> App {
    let h = history();
    let inputs = inputs(&h);
    let routine = Routine::builtin().unwrap();
    let first = h.markers.first().unwrap().0;
    let sessions = h
        .runs
        .iter()
        .fold(std::collections::BTreeMap::<NaiveDate, Vec<(Session, u32)>>::new(), |mut m, r| {
            m.entry(r.day).or_default().push((r.kind, r.minutes));
            m
        })
        .into_iter()
        .map(|(d, r)| (d, Session::of_day(r)))
        .collect();
    let ticks =
        h.ticks.iter().fold(std::collections::BTreeMap::<NaiveDate, Vec<Tick>>::new(), |mut m, (d, t)| {
            m.entry(*d).or_default().push(t.clone());
            m
        });
    let shares = cooldown::domain::history::shares(&routine, first, end(), &sessions, &ticks);
    let (current_streak, best_streak) = cooldown::domain::history::streaks(&shares, end());
    let last = cooldown::domain::history::month_end(month).min(end());
    let verdicts: std::collections::HashMap<_, _> =
        readiness::levels(&inputs, month, last, &Thresholds::default()).into_iter().collect();
    let days = month
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| (d, (shares[&d], verdicts.get(&d).copied())))
        .collect();
    let mut app = app_on(end());
    update(&mut app, Action::Key(Command::ShowHistory));
    app.history_day = selected;
    app.history = Some(cooldown::tui::History { month, days, current_streak, best_streak });
    app
}

#[test]
fn trends_each_marker_over_28_days() {
    for marker in Marker::ALL {
        let app = trends_app(marker, Window::Days(28));
        let screen = text(&buffer(&app, 100, 30));
        assert!(screen.contains("verdicts"), "{screen}");
        insta::assert_snapshot!(format!("trends_{}_28d", marker.name()), draw(&app, 100, 30).backend());
    }
}

#[test]
fn trends_hrv_over_each_window() {
    for window in Window::CYCLE {
        let app = trends_app(Marker::Hrv, window);
        let name = window.label().replace(' ', "");
        insta::assert_snapshot!(format!("trends_hrv_{name}"), draw(&app, 100, 30).backend());
    }
}

#[test]
fn trends_show_gaps_not_lines_through_them() {
    // The demo logs balance on about a third of the days: its chart has many runs.
    let app = trends_app(Marker::Balance, Window::Days(28));
    let series = &app.trends.as_ref().unwrap().series;
    assert!(series.values.iter().any(Option::is_none) && series.values.iter().any(Option::is_some));
    assert!(series.values.len() == 28);
}

#[test]
fn the_overreaching_episode_shows_in_the_charts_and_the_strip() {
    let app = trends_app(Marker::Hrv, Window::Days(90));
    let s = &app.trends.as_ref().unwrap().series;
    let episode = s.verdicts[45..62].iter().filter(|v| matches!(v, Some(Level::Easy | Level::Rest))).count();
    assert!(episode >= 10, "{:?}", &s.verdicts[45..62]);
    let strip = text(&buffer(&app, 100, 30));
    assert!(strip.contains("RR") || strip.contains("R"), "{strip}");
}

#[test]
fn history_calendar() {
    let app = history_app(
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
    );
    let screen = text(&buffer(&app, 80, 24));
    assert!(screen.contains("October 2026") && screen.contains("best"), "{screen}");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn trends_and_history_at_40x12() {
    insta::assert_snapshot!(
        "trends_40x12",
        draw(&trends_app(Marker::Hrv, Window::Days(28)), 40, 12).backend()
    );
    let app = history_app(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), end());
    insta::assert_snapshot!("history_40x12", draw(&app, 40, 12).backend());
}
