//! Whole-screen snapshots of the dashboard (TestBackend + insta) on the fixed demo
//! history, and the styles that carry meaning. Accept intended changes with
//! `INSTA_UPDATE=always cargo test --test screens`, then read the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod screen_kit;

use screen_kit::*;

use chrono::{Days, FixedOffset, NaiveDate, TimeZone};
use cooldown::clock::Clock;
use cooldown::context::{Context, Options};
use cooldown::domain::readiness::Level;
use cooldown::domain::records::{MARKER_FIELDS, Markers, Run};
use cooldown::domain::session::Session;
use cooldown::domain::trends::{Marker, Window};
use cooldown::store::Store;
use cooldown::tui::form::Form;
use cooldown::tui::keymap::{Command, Screen};
use cooldown::tui::load;
use cooldown::tui::theme::Theme;
use cooldown::tui::{Action, App, update};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

/// The latest demo day with this verdict.
fn day_with(level: Level) -> NaiveDate {
    let (ctx, store) = demo_context(end());
    let verdicts = ctx.verdicts(&store, end() - Days::new(100), end()).unwrap();
    verdicts
        .iter()
        .rev()
        .find(|v| v.level == level)
        .map(|v| v.date)
        .unwrap_or_else(|| panic!("no {level} day"))
}

fn top(app: &App, rows: usize) -> String {
    text(&buffer(app, 80, 24)).lines().take(rows).collect::<Vec<_>>().join("\n")
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
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("no-data.db");
    std::fs::copy(&DEMO.db, &db).unwrap();
    let (ctx, mut store) = context_on(&db, dir.path(), end());
    let every: Vec<&str> = MARKER_FIELDS.iter().map(|s| s.column).collect();
    store.edit_markers(end(), &Markers::default(), &every, ctx.clock.now()).unwrap();
    let day = load::day(&ctx, &store, end()).unwrap();
    let app = App::new(ctx.clock.local(), ctx.clock.mono(), day, false, Theme { color: true });
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
    for _ in 0..60 {
        press(&mut app, Command::ScrollDown);
    }
    let screen = text(&buffer(&app, 40, 12));
    assert!(screen.contains("q, Ctrl-C") || screen.contains("Ctrl-C"), "{screen}");
    assert!(!screen.contains("j, ↓"), "{screen}");
}

/// Empties the focused field (Ctrl-U) and types `text`.
fn replace(app: &mut App, text: &str) {
    update(app, Action::Type(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)));
    type_text(app, text);
}

/// The markers form with three bad fields: resting HR, sleep and soreness.
fn three_bad_fields(theme: Theme) -> App {
    let mut app = today_app();
    app.theme = theme;
    press(&mut app, Command::LogMarkers);
    replace(&mut app, "300");
    press(&mut app, Command::NextField);
    press(&mut app, Command::NextField);
    replace(&mut app, "7h");
    press(&mut app, Command::NextField);
    press(&mut app, Command::NextField);
    replace(&mut app, "11");
    press(&mut app, Command::Save);
    app
}

#[test]
fn markers_form_with_three_bad_fields() {
    let app = three_bad_fields(Theme { color: true });
    assert_eq!(app.form.as_ref().unwrap().errors(), 3);
    insta::assert_snapshot!("markers_form_with_three_bad_fields_80x24", draw(&app, 80, 24).backend());
    insta::assert_snapshot!("markers_form_with_three_bad_fields_100x30", draw(&app, 100, 30).backend());
}

/// The row of `buf` that holds `needle`, and the column it starts at.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    let screen = text(buf);
    let (y, line) = screen.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
    let x = line[..line.find(needle).unwrap()].chars().count();
    (x as u16, y as u16)
}

#[test]
fn without_colour_the_boxes_the_cursor_and_the_bad_fields_still_show() {
    let app = three_bad_fields(Theme { color: false });
    let buf = buffer(&app, 80, 24);
    // Each input box is underlined inside its brackets, empty or not.
    let (x, y) = find(&buf, "[67.3");
    for dx in 1..15 {
        assert!(buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED), "cell {dx} of the HRV box");
    }
    assert_eq!(buf[(x + 15, y)].symbol(), "]");
    let (x, y) = find(&buf, "Localized pain");
    assert_eq!(buf[(x + 21, y)].symbol(), "[");
    assert!(buf[(x + 22, y)].modifier.contains(Modifier::UNDERLINED));
    // The cursor is a reversed cell in the focused (first bad) field.
    let (x, y) = find(&buf, "[300");
    assert!(buf[(x + 4, y)].modifier.contains(Modifier::REVERSED), "the cursor after 300");
    assert_eq!(buf[(x - 22, y)].symbol(), "›");
    // A bad field that is not focused is marked `!`, and each reason is written under it.
    let (x, y) = find(&buf, "Sleep  ");
    assert_eq!(buf[(x - 1, y)].symbol(), "!");
    let screen = text(&buf);
    for reason in [
        "✗ Resting HR: 300 is outside 25–220 bpm, a whole number",
        "✗ Sleep: '7h' is not a number; write 7.5 or 7:30 (H:MM), 0–24 h",
        "✗ Soreness: 11 is outside 0–10, a whole number",
    ] {
        assert!(screen.contains(reason), "{reason}\n{screen}");
    }
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
    let last = app.day.last_run.clone().expect("the demo has runs");
    press(&mut app, Command::LogRun);
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.fields[0].input.value(), last.kind.name(), "the type starts from the last run's");
    insta::assert_snapshot!("run_form_80x24", draw(&app, 80, 24).backend());
    insta::assert_snapshot!("run_form_100x30", draw(&app, 100, 30).backend());
}

#[test]
fn run_form_with_a_type_typed() {
    let mut app = today_app();
    press(&mut app, Command::LogRun);
    type_text(&mut app, "Lo");
    assert_eq!(app.form.as_ref().unwrap().fields[0].input.value(), "long");
    let screen = text(&buffer(&app, 80, 24));
    assert!(screen.contains("‹ long"), "{screen}");
    assert!(screen.contains("easy  tempo  intervals  long  race  cross"), "{screen}");
}

#[test]
fn markers_form_pain_site_picker() {
    let mut app = today_app();
    press(&mut app, Command::LogMarkers);
    for _ in 0..6 {
        press(&mut app, Command::NextField);
    }
    type_text(&mut app, "h");
    type_text(&mut app, "i");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn edit_run_form() {
    let mut app = today_app();
    // The 300-minute typo of issue 16, corrected to 30.
    let run = Run { minutes: 300, ..app.day.last_run.clone().expect("the demo has runs") };
    app.form = Form::edit_run(&run, cooldown::domain::units::Units::METRIC);
    app.screen = Screen::Log;
    app.status = None;
    press(&mut app, Command::NextField);
    replace(&mut app, "30");
    insta::assert_snapshot!("edit_run_form_80x24", draw(&app, 80, 24).backend());
    insta::assert_snapshot!("edit_run_form_100x30", draw(&app, 100, 30).backend());
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
    apps.push(three_bad_fields(Theme { color: true }));
    let mut run = today_app();
    press(&mut run, Command::LogRun);
    apps.push(run);
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
    let (_, store) = demo_context(end());
    let runs = store.runs_between(end() - Days::new(119), end()).unwrap();
    runs.iter().rev().find(|r| Session::of_run(r.kind, r.minutes) == kind && also(r)).map(|r| r.day).unwrap()
}

/// That day seen at noon, as if it were today.
fn as_today(date: NaiveDate) -> App {
    let mut app = app_at(date, date);
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

/// The plot's first column and width, from the x axis drawn under it (`└───…`).
fn plot_columns(screen: &str) -> (usize, usize) {
    let axis = screen.lines().find(|l| l.contains('└') && l.contains("──")).unwrap();
    let chars: Vec<char> = axis.chars().collect();
    let corner = chars.iter().position(|c| *c == '└').unwrap();
    let last = chars.iter().rposition(|c| matches!(c, '─' | '┬')).unwrap();
    (corner + 1, last - corner)
}

#[test]
fn trends_show_gaps_not_lines_through_them() {
    // Five days without soreness (a chart with no band) in the middle of the 28 days.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gap.db");
    std::fs::copy(&DEMO.db, &db).unwrap();
    let (ctx, mut store) = context_on(&db, dir.path(), end());
    let gap = 11..=15u64;
    for back in gap.clone() {
        store
            .edit_markers(end() - Days::new(back), &Markers::default(), &["soreness"], ctx.clock.now())
            .unwrap();
    }
    let mut app = app_on(end());
    update(&mut app, Action::Key(Command::ShowTrends));
    app.marker = Marker::Soreness;
    app.trends = Some(load::trends(&ctx, &store, Marker::Soreness, Window::Days(28), end()).unwrap());
    let buf = buffer(&app, 100, 30);
    let screen = text(&buf);
    let (x0, width) = plot_columns(&screen);
    // Day i of 28 sits in the middle of its 28th of the width; the daily values (a braille
    // line and a ● on each day) are drawn in the text style (no colour), the 7-day mean in
    // the title colour.
    let column = |i: u64| x0 + ((2 * i as usize + 1) * width) / 56;
    let daily_marks_in = |cols: std::ops::Range<usize>| {
        (0..buf.area.height)
            .flat_map(|y| cols.clone().map(move |x| (x as u16, y)))
            .filter(|&(x, y)| {
                let cell = &buf[(x, y)];
                let c = cell.symbol().chars().next().unwrap();
                (('\u{2801}'..='\u{28FF}').contains(&c) || c == '●') && cell.fg == Color::Reset
            })
            .count()
    };
    let (first, last) = (27 - gap.end(), 27 - gap.start());
    let inside = column(first) + 2..column(last) - 1;
    assert!(!inside.is_empty(), "the gap spans no whole column: {inside:?}");
    assert_eq!(daily_marks_in(inside.clone()), 0, "a line is drawn through the gap {inside:?}:\n{screen}");
    assert!(daily_marks_in(x0..column(first)) > 0, "no daily values drawn before the gap:\n{screen}");
    assert!(daily_marks_in(column(last) + 1..x0 + width) > 0, "none after the gap:\n{screen}");
}

#[test]
fn the_overreaching_episode_shows_in_the_strip() {
    let app = trends_app(Marker::Hrv, Window::Days(90));
    let screen = text(&buffer(&app, 100, 30));
    let lines: Vec<&str> = screen.lines().collect();
    let strip = lines[lines.iter().position(|l| l.contains("↑ verdicts, one per day")).unwrap() - 1];
    let cells: Vec<char> = strip.chars().filter(|c| "GCER·".contains(*c)).collect();
    assert_eq!(cells.len(), 90, "{screen}");
    // The episode is days 45–61 of the 90.
    let episode: Vec<char> = cells
        .iter()
        .enumerate()
        .filter(|(i, _)| (45..62).contains(&(i * 90 / cells.len())))
        .map(|(_, c)| *c)
        .collect();
    let eased = episode.iter().filter(|c| matches!(c, 'E' | 'R')).count();
    assert!(eased * 10 >= episode.len() * 6, "{episode:?} in {strip}");
    let before: Vec<char> =
        cells.iter().enumerate().filter(|(i, _)| i * 90 / cells.len() < 40).map(|(_, c)| *c).collect();
    assert!(before.iter().filter(|c| **c == 'R').count() * 10 < before.len(), "{strip}");
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

// ── The 48-hour timeline and pain on Today (ROUTINE.md v2) ─────────────────────────────

/// Today on a database of its own: `setup` writes it, the clock stands at `h:m` on `today`
/// and the page shows `shown`.
fn timeline_app(today: NaiveDate, h: u32, m: u32, shown: NaiveDate, setup: impl FnOnce(&mut Store)) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("timeline.db");
    setup(&mut Store::open_path(&db).unwrap());
    let at =
        FixedOffset::east_opt(0).unwrap().from_local_datetime(&today.and_hms_opt(h, m, 0).unwrap()).unwrap();
    let options = Options {
        db: Some(db.as_os_str().to_owned()),
        config: Some(dir.path().join("no-config.toml").into_os_string()),
        date: Some(shown.to_string()),
        demo: false,
    };
    let ctx = Context::new(&options, Clock::frozen(at)).unwrap();
    let store = ctx.open_store().unwrap();
    let day = load::day(&ctx, &store, shown).unwrap();
    App::new(ctx.clock.local(), ctx.clock.mono(), day, false, Theme { color: true })
}

fn run_at(day: NaiveDate, h: u32, m: u32, kind: Session, minutes: u32) -> Run {
    Run::new(day, chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap(), kind, minutes)
}

fn morning(store: &mut Store, day: NaiveDate, change: impl FnOnce(&mut Markers)) {
    let mut m = Markers { sleep_hours: Some(7.5), soreness: Some(2), ..Markers::default() };
    change(&mut m);
    store.save_markers(day, &m, noon(day)).unwrap();
}

#[test]
fn today_the_morning_after_a_long_run() {
    let yesterday = end() - Days::new(1);
    let app = timeline_app(end(), 8, 0, end(), |s| {
        s.save_run(&run_at(yesterday, 9, 0, Session::Long, 120), noon(yesterday)).unwrap();
        morning(s, end(), |_| {});
    });
    let screen = text(&buffer(&app, 80, 30));
    for needle in ["From yesterday's long run · 6–24 h", "Light activation session", "easy or rest tomorrow"]
    {
        assert!(screen.contains(needle), "{needle} missing:\n{screen}");
    }
    // The page opens on what is due now: yesterday's 6–24 h phase, until 09:00.
    assert_eq!(app.selected_entry().unwrap().day, yesterday);
    insta::assert_snapshot!(draw(&app, 80, 30).backend());
}

#[test]
fn today_after_an_evening_run() {
    let app = timeline_app(end(), 22, 30, end(), |s| {
        s.save_run(&run_at(end(), 21, 50, Session::Tempo, 50), noon(end())).unwrap();
        morning(s, end(), |_| {});
    });
    let screen = text(&buffer(&app, 100, 40));
    assert!(screen.contains("Sun 07:00–Sun 11:00"), "the 2–6 h walk waits for the morning:\n{screen}");
    assert!(!screen.contains("23:50"), "{screen}");
    insta::assert_snapshot!(draw(&app, 100, 40).backend());
}

#[test]
fn today_on_a_pain_day() {
    let app = timeline_app(end(), 8, 0, end(), |s| {
        s.save_run(&run_at(end(), 7, 40, Session::Tempo, 45), noon(end())).unwrap();
        morning(s, end(), |m| {
            m.pain = Some(4);
            m.pain_site = Some("achilles-calf".into());
        });
    });
    let screen = text(&buffer(&app, 100, 40));
    assert!(screen.contains("No loading today — pain 4/10 (achilles/calf)"), "{screen}");
    for gone in ["Foam roll: calves", "Single-leg step-downs", "Glute bridges"] {
        assert!(!screen.contains(gone), "{gone} still offered:\n{screen}");
    }
    insta::assert_snapshot!(draw(&app, 100, 40).backend());
}

#[test]
fn today_reviewing_a_past_day() {
    let past = end() - Days::new(52);
    let app = timeline_app(end(), 12, 0, past, |s| {
        s.save_run(&run_at(past, 7, 0, Session::Tempo, 45), noon(past)).unwrap();
        s.tick_next(past, "mobility", 1, noon(past)).unwrap();
    });
    let screen = text(&buffer(&app, 100, 40));
    assert!(!screen.contains("later today") && !screen.contains("tonight, tomorrow"), "{screen}");
    assert!(screen.contains("09:00–13:00 · missed"), "{screen}");
    insta::assert_snapshot!(draw(&app, 100, 40).backend());
}

#[test]
fn the_log_list_reads_the_last_days_newest_first_with_their_runs_and_verdicts() {
    let app = log_app();
    let list = app.log.as_ref().unwrap();
    assert_eq!(list.days.len(), 28);
    assert_eq!(list.days[0].date, end());
    assert!(list.days.windows(2).all(|w| w[0].date == w[1].date + Days::new(1)));
    let (_, store) = demo_context(end());
    let runs = store.runs_between(end() - Days::new(27), end()).unwrap();
    let listed: usize = list.days.iter().map(|d| d.runs.len()).sum();
    assert_eq!(listed, runs.len());
    assert!(list.days.iter().all(|d| d.runs.iter().all(|r| r.day == d.date && r.id.is_some())));
    assert!(list.days.iter().any(|d| d.verdict.is_some_and(|l| l != Level::NoData)));
}

#[test]
fn log_list_80x24() {
    let app = log_app();
    let screen = text(&buffer(&app, 80, 24));
    assert!(screen.contains("today") && screen.contains("↳") && screen.contains("RHR"), "{screen}");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn log_list_asks_before_deleting_a_run() {
    let mut app = log_app();
    while app
        .log
        .as_ref()
        .unwrap()
        .row(app.log_selected)
        .is_some_and(|r| matches!(r, cooldown::tui::loglist::Row::Day(_)))
    {
        press(&mut app, Command::Down);
    }
    press(&mut app, Command::Delete);
    let screen = text(&buffer(&app, 80, 24));
    assert!(screen.contains("Delete run") && screen.contains("y delete"), "{screen}");
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn the_selected_item_shows_its_whole_text_when_its_row_cuts_it() {
    let mut app = as_today(day_with_run(Session::Long, |r| r.weight_before_kg.is_some() && r.minutes > 90));
    let whole = |e: &cooldown::domain::checklist::Entry| match e
        .amount
        .as_ref()
        .map(|a| a.formula.clone())
        .or(e.item.note.clone())
    {
        Some(aside) => format!("{} — {aside}", e.item.title),
        None => e.item.title.clone(),
    };
    let longest = app
        .checklist()
        .entries()
        .enumerate()
        .max_by_key(|(_, e)| whole(e).chars().count())
        .map(|(i, _)| i)
        .unwrap();
    // The words on screen, without the compact checklist's scrollbar (its last column).
    let text_of = |app: &App| {
        text(&buffer(app, 60, 24)).replace(['│', '█'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let wanted = whole(app.checklist().entries().nth(longest).unwrap())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    press(&mut app, Command::First);
    assert!(!text_of(&app).contains(&wanted), "cut while not selected: {wanted}");
    while app.selected < longest {
        press(&mut app, Command::Down);
    }
    assert!(text_of(&app).contains(&wanted), "{wanted} not in:\n{}", text(&buffer(&app, 60, 24)));
}
