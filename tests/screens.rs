//! Whole-screen snapshots of the dashboard (TestBackend + insta) with a fixed date, and
//! the styles that carry meaning. Accept intended changes with
//! `INSTA_UPDATE=always cargo test --test screens`, then read the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use cooldown::domain::checklist::Checklist;
use cooldown::domain::records::Tick;
use cooldown::domain::routine::Routine;
use cooldown::domain::session::Session;
use cooldown::tui::keymap::Command;
use cooldown::tui::theme::Theme;
use cooldown::tui::views::Dashboard;
use cooldown::tui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn tick(id: &str, set: u8) -> Tick {
    Tick { item_id: id.into(), set }
}

fn app_with(date: NaiveDate, session: Session, ticks: &[Tick], welcome: bool) -> App {
    let checklist = Checklist::build(date, &Routine::builtin().unwrap(), session, ticks, 90);
    App::new(day(28), checklist, welcome, Theme { color: true })
}

/// A tempo day part-way through, "saved" in the status line.
fn tempo_app() -> App {
    let ticks = [tick("mobility", 1), tick("foam-calves", 1), tick("glute-bridges", 1)];
    let mut app = app_with(day(28), Session::Tempo, &ticks, false);
    for _ in 0..3 {
        update(&mut app, Action::Key(Command::Down));
    }
    update(&mut app, Action::Saved("saved: foam-glutes ticked".into()));
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

#[test]
fn today_80x24() {
    insta::assert_snapshot!(draw(&tempo_app(), 80, 24).backend());
}

#[test]
fn today_40x12_compact() {
    insta::assert_snapshot!(draw(&tempo_app(), 40, 12).backend());
}

#[test]
fn today_long_run_scrolled_to_the_end() {
    let mut app = app_with(day(28), Session::Long, &[], false);
    update(&mut app, Action::Key(Command::Last));
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut app = tempo_app();
    update(&mut app, Action::Key(Command::ToggleHelp));
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn help_overlay_40x12() {
    let mut app = tempo_app();
    update(&mut app, Action::Key(Command::ToggleHelp));
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

#[test]
fn welcome_on_an_empty_database() {
    let app = app_with(day(28), Session::Rest, &[], true);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn welcome_compact() {
    let app = app_with(day(28), Session::Rest, &[], true);
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

#[test]
fn reviewing_yesterday() {
    let mut app = app_with(day(28), Session::Easy, &[], false);
    update(
        &mut app,
        Action::Loaded {
            checklist: Checklist::build(
                day(27),
                &Routine::builtin().unwrap(),
                Session::Easy,
                &[tick("mobility", 1)],
                90,
            ),
            welcome: false,
        },
    );
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn too_small() {
    insta::assert_snapshot!(draw(&tempo_app(), 39, 11).backend());
}

#[test]
fn no_size_panics_and_small_sizes_say_so() {
    let app = tempo_app();
    for width in (1..=120).step_by(7).chain([1, 2, 39, 40, 79, 80]) {
        for height in (1..=40).step_by(3).chain([1, 11, 12, 23, 24]) {
            let screen = text(&buffer(&app, width, height));
            let small = width < 40 || height < 12;
            if small && width >= 18 && height >= 1 {
                assert!(screen.contains("Terminal too small"), "{width}×{height}:\n{screen}");
            }
            if !small {
                assert!(screen.contains("cooldown") || screen.contains("Today"), "{width}×{height}");
            }
        }
    }
}

#[test]
fn the_selected_row_is_reversed_not_only_coloured() {
    let buf = buffer(&tempo_app(), 80, 24);
    let row =
        (0..24).find(|y| text(&buf).lines().nth(*y as usize).unwrap().contains("Foam roll: glutes")).unwrap();
    assert!(buf[(5, row)].modifier.contains(Modifier::REVERSED));
    let other =
        (0..24).find(|y| text(&buf).lines().nth(*y as usize).unwrap().contains("Foam roll: quads")).unwrap();
    assert!(!buf[(5, other)].modifier.contains(Modifier::REVERSED));
}

fn mark_cell(buf: &Buffer, title: &str) -> (u16, u16) {
    let screen = text(buf);
    let y = screen.lines().position(|l| l.contains(title)).unwrap() as u16;
    let x = screen.lines().nth(y as usize).unwrap().chars().position(|c| c == '[').unwrap() as u16;
    (x, y)
}

#[test]
fn ticks_are_green_with_colour_and_still_marked_without() {
    let app = tempo_app();
    let buf = buffer(&app, 80, 24);
    let (x, y) = mark_cell(&buf, "Light mobility");
    assert_eq!(buf[(x + 1, y)].symbol(), "x");
    assert_eq!(buf[(x + 1, y)].fg, Color::Green);
    let mut plain = app.clone();
    plain.theme = Theme { color: false };
    let buf = buffer(&plain, 80, 24);
    assert_eq!(buf[(x + 1, y)].symbol(), "x");
    for yy in 0..24 {
        for xx in 0..80 {
            assert_eq!(buf[(xx, yy)].fg, Color::Reset, "colour at {xx},{yy} with NO_COLOR");
        }
    }
}

#[test]
fn help_overlay_40x12_scrolled_to_the_end() {
    let mut app = tempo_app();
    update(&mut app, Action::Key(Command::ToggleHelp));
    for _ in 0..20 {
        update(&mut app, Action::Key(Command::ScrollDown));
    }
    let screen = text(&buffer(&app, 40, 12));
    assert!(screen.contains("q, Ctrl-C"), "{screen}");
    assert!(!screen.contains("j, ↓"), "{screen}");
}
