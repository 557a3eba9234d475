//! The wide layouts (UX.md v2 "Big terminals are used", issue 18): from 140 columns Today
//! has a side pane and History a day-detail pane and a week summary; big digits grow on
//! tall terminals. Snapshots at 140×40 and 200×60, with and without colour, on the demo
//! history with a run this morning and the foam-roll timer running, and on an empty
//! database. Accept intended changes with `INSTA_UPDATE=always cargo test --test
//! screens_wide`, then read the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod screen_kit;

use screen_kit::*;

use chrono::Datelike;
use cooldown::store::Store;
use cooldown::tui::keymap::Command;
use cooldown::tui::load;
use cooldown::tui::theme::Theme;
use cooldown::tui::{Action, App, update};
use std::path::Path;
use tempfile::TempDir;

/// The dashboard opened on `db`, Today showing, read by the dashboard's own loaders; the
/// History screen's data read too (as its effects would).
fn opened_on(db: &Path, config_dir: &Path, color: bool) -> App {
    let (ctx, store) = context_on(db, config_dir, end());
    let day = load::day(&ctx, &store, end()).unwrap();
    let mut app =
        App::new(ctx.clock.local(), ctx.clock.mono(), day, store.is_empty().unwrap(), Theme { color });
    let history = load::history(&ctx, &store, end().with_day(1).unwrap(), end()).unwrap();
    update(&mut app, Action::HistoryLoaded(Box::new(history)));
    update(&mut app, Action::DetailLoaded(Box::new(load::detail(&ctx, &store, end()).unwrap())));
    app
}

/// The demo at noon, the foam-roll sequence started and 5.3 s gone.
fn demo_app(color: bool) -> App {
    let mut app = opened_on(&DEMO.db, DEMO.dir.path(), color);
    let start = app.mono;
    update(&mut app, Action::Key(Command::StartSequence));
    let mono = start + std::time::Duration::from_millis(5_300);
    let wall = app.now;
    update(&mut app, Action::Clock { wall, mono });
    app.status = None;
    app
}

fn history(mut app: App) -> App {
    app.screen = cooldown::tui::keymap::Screen::History;
    app.history_day = end();
    app
}

fn empty_app() -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    drop(Store::open_path(&db).unwrap());
    let app = opened_on(&db, dir.path(), true);
    (dir, app)
}

fn screen(app: &App, width: u16, height: u16) -> String {
    text(draw(app, width, height).backend().buffer())
}

#[test]
fn today_wide() {
    for (w, h) in [(140, 40), (200, 60)] {
        for color in [true, false] {
            let app = demo_app(color);
            let shown = screen(&app, w, h);
            for part in
                ["This morning vs your usual", "Recent runs", "Next", "Recovery checklist", "Foam roll"]
            {
                assert!(shown.contains(part), "{part} at {w}×{h}:\n{shown}");
            }
            let name = format!("today_{w}x{h}{}", if color { "" } else { "_no_color" });
            insta::assert_snapshot!(name, draw(&app, w, h).backend());
        }
    }
}

#[test]
fn history_wide() {
    for (w, h) in [(140, 40), (200, 60)] {
        for color in [true, false] {
            let app = history(demo_app(color));
            let shown = screen(&app, w, h);
            for part in ["November 2026", "October 2026", "Saturday 28 November 2026", "Weeks", "Checklist"] {
                assert!(shown.contains(part), "{part} at {w}×{h}:\n{shown}");
            }
            let name = format!("history_{w}x{h}{}", if color { "" } else { "_no_color" });
            insta::assert_snapshot!(name, draw(&app, w, h).backend());
        }
    }
}

#[test]
fn an_empty_database_at_200x60_shows_placeholders() {
    let (_dir, app) = empty_app();
    let today = screen(&app, 200, 60);
    for part in ["not logged", "no run logged yet", "This morning vs your usual"] {
        assert!(today.contains(part), "{part}:\n{today}");
    }
    insta::assert_snapshot!("today_empty_200x60", draw(&app, 200, 60).backend());
    let app = history(app);
    let shown = screen(&app, 200, 60);
    assert!(shown.contains("no run") && shown.contains("NO_DATA"), "{shown}");
    insta::assert_snapshot!("history_empty_200x60", draw(&app, 200, 60).backend());
}

/// The 80×24 layout is what it was: no side pane below 140 columns.
#[test]
fn below_140_columns_there_is_no_side_pane() {
    let app = demo_app(true);
    for (w, h) in [(80, 24), (139, 40)] {
        assert!(!screen(&app, w, h).contains("vs your usual"));
        assert!(!screen(&history(demo_app(true)), w, h).contains("Weeks"));
    }
}

#[test]
fn the_timer_digits_double_on_a_tall_terminal() {
    let app = demo_app(true);
    // The digits' rows: between the panel's title and its gauge.
    let digit_rows = |shown: &str| {
        let lines: Vec<&str> = shown.lines().collect();
        let top = lines.iter().position(|l| l.contains("Foam roll")).unwrap();
        lines[top + 1..].iter().take_while(|l| !l.contains('░')).count()
    };
    assert_eq!(digit_rows(&screen(&app, 140, 40)), 8);
    assert_eq!(digit_rows(&screen(&app, 200, 60)), 16);
}

#[test]
fn no_wide_size_panics() {
    let (_dir, empty) = empty_app();
    let apps = [demo_app(true), history(demo_app(false)), history(empty.clone()), empty];
    for app in &apps {
        for width in (1..=260).step_by(13).chain([139, 140, 141, 200]) {
            for height in (1..=80).step_by(7).chain([1, 24, 39, 40, 41, 60]) {
                draw(app, width, height);
            }
        }
    }
}

/// Under NO_COLOR the wide panes use no colour, and what colour would say still shows: the
/// verdict in the day detail is a word in reverse video, the selected day is reversed.
#[test]
fn without_colour_the_wide_panes_still_say_everything() {
    use ratatui::style::{Color, Modifier};
    let app = history(demo_app(false));
    let terminal = draw(&app, 200, 60);
    let buf = terminal.backend().buffer();
    let area = buf.area;
    for (x, y) in (0..area.height).flat_map(|y| (0..area.width).map(move |x| (x, y))) {
        let cell = &buf[(x, y)];
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "a coloured cell at ({x}, {y})");
    }
    let shown = text(buf);
    let find = |needle: &str| {
        let (y, line) = shown.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
        ((line[..line.find(needle).unwrap()].chars().count()) as u16, y as u16)
    };
    let (x, y) = find(" GO  train as planned");
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::REVERSED), "the verdict word is reversed");
    let (x, y) = find(" 28◐G");
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::REVERSED), "the selected day is reversed");
    assert!(shown.contains("›Mon 23 Nov"), "the selected day's week is marked");
}

/// The rows drawn reversed from their second column: the selected (marked) ones.
fn reversed_rows(app: &cooldown::tui::App, width: u16, height: u16) -> Vec<String> {
    use ratatui::style::Modifier;
    let terminal = draw(app, width, height);
    let buf = terminal.backend().buffer();
    let lines: Vec<String> = text(buf).lines().map(str::to_string).collect();
    (0..buf.area.height)
        .filter(|&y| buf[(1, y)].modifier.contains(Modifier::REVERSED))
        .map(|y| lines[usize::from(y)].clone())
        .collect()
}

/// A form on a tall terminal keeps its box to its fields and shows the last days under it,
/// the row it is about marked; at 80×24 the form has the screen to itself, as before.
#[test]
fn a_form_on_a_tall_terminal_has_the_last_days_under_it_with_its_row_marked() {
    let mut markers = log_app();
    press(&mut markers, Command::LogMarkers);
    for (w, h) in [(140, 40), (200, 60)] {
        let shown = screen(&markers, w, h);
        let form = shown.find("Morning markers").unwrap();
        let list = shown.find("The last 28 days").unwrap();
        assert!(form < list, "{shown}");
        let marked = reversed_rows(&markers, w, h);
        assert_eq!(marked.len(), 1, "{marked:?}");
        assert!(marked[0].trim_start().starts_with("today "), "{marked:?}");
    }
    assert!(!screen(&markers, 80, 24).contains("The last 28 days"));
    assert!(!screen(&markers, 139, 30).contains("The last 28 days"));

    let mut edit = log_app();
    press(&mut edit, Command::Down);
    press(&mut edit, Command::Edit);
    let marked = reversed_rows(&edit, 140, 40);
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert!(marked[0].contains("↳ 07:27 easy 44 min"), "{marked:?}");
}
