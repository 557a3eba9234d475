//! Every screen at the three sizes runners use — 80×24, 140×40 and 200×60 — with colour
//! and under NO_COLOR, on the demo history; and the rule that a big terminal is used:
//! with data to show, no screen at 200×60 leaves more than a third of its rows empty.
//!
//! A colour snapshot is the text followed by the styled runs of each row, so a change of
//! colour or emphasis shows in the diff; under NO_COLOR the text alone must carry it.
//! Accept intended changes with `INSTA_UPDATE=always cargo test --test screens_matrix`,
//! then read every diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod screen_kit;

use chrono::Datelike;
use cooldown::domain::trends::{Marker, Window};
use cooldown::tui::keymap::Command;
use cooldown::tui::theme::Theme;
use cooldown::tui::{Action, App, update};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use screen_kit::*;

const SIZES: [(u16, u16); 3] = [(80, 24), (140, 40), (200, 60)];

/// Today with the foam-roll sequence running 20 s in.
fn today_with_timer() -> App {
    let mut app = today_app();
    let start = app.mono;
    press(&mut app, Command::StartSequence);
    let mono = start + std::time::Duration::from_secs(20);
    let wall = app.now;
    update(&mut app, Action::Clock { wall, mono });
    app
}

fn with(mut app: App, command: Command) -> App {
    press(&mut app, command);
    app
}

/// Each screen, named, as a runner reaches it.
fn screens() -> Vec<(&'static str, App, bool)> {
    let month = end().with_day0(0).unwrap();
    vec![
        ("today", today_with_timer(), true),
        ("log", log_app(), true),
        ("log_markers_form", with(log_app(), Command::LogMarkers), true),
        ("trends_hrv_28d", trends_app(Marker::Hrv, Window::Days(28)), true),
        ("trends_rhr_90d", trends_app(Marker::Rhr, Window::Days(90)), true),
        ("trends_load_90d", trends_app(Marker::Load, Window::Days(90)), true),
        ("history", history_app(month, end()), true),
        ("help", with(today_app(), Command::ToggleHelp), false),
        ("why", with(today_app(), Command::Why), false),
        ("welcome", first_run_app().1, false),
    ]
}

/// A colour other than the terminal's own.
fn set(c: Option<Color>) -> Option<Color> {
    c.filter(|c| *c != Color::Reset)
}

fn plain(style: Style) -> bool {
    set(style.fg).is_none() && set(style.bg).is_none() && style.add_modifier.is_empty()
}

/// `fg`, `fg on bg`, then the emphasis: "Cyan+bold+rev", "Black on Green".
fn describe(style: Style) -> String {
    let mut s = match (set(style.fg), set(style.bg)) {
        (Some(fg), Some(bg)) => format!("{fg} on {bg}"),
        (Some(fg), None) => format!("{fg}"),
        (None, Some(bg)) => format!("on {bg}"),
        (None, None) => String::new(),
    };
    for (flag, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::REVERSED, "rev"),
        (Modifier::UNDERLINED, "ul"),
        (Modifier::ITALIC, "it"),
    ] {
        if style.add_modifier.contains(flag) {
            if !s.is_empty() {
                s.push('+');
            }
            s.push_str(name);
        }
    }
    s
}

/// Each row's runs of one style other than the default, as `row: from-to style; …`.
fn styles(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        let mut runs = Vec::new();
        let mut x = 0;
        while x < area.width {
            let style = buf[(x, y)].style();
            let start = x;
            while x < area.width
                && (buf[(x, y)].style() == style || plain(style) && plain(buf[(x, y)].style()))
            {
                x += 1;
            }
            if !plain(style) {
                runs.push(format!("{start}-{} {}", x - 1, describe(style)));
            }
        }
        if !runs.is_empty() {
            out.push(format!("{y:>2}: {}", runs.join("; ")));
        }
    }
    out.join("\n")
}

#[test]
fn every_screen_at_every_size_with_and_without_colour() {
    for (name, mut app, _) in screens() {
        for (w, h) in SIZES {
            app.theme = Theme { color: true };
            let buf = buffer(&app, w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), format!("{}\n\n{}", text(&buf), styles(&buf)));
            app.theme = Theme { color: false };
            let buf = buffer(&app, w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}_no_color"), text(&buf));
        }
    }
}

/// Rows of the body (between the tab line and the status line) with nothing on them.
fn empty_rows(buf: &Buffer) -> usize {
    let area = buf.area;
    (1..area.height - 1).filter(|&y| (0..area.width).all(|x| buf[(x, y)].symbol().trim().is_empty())).count()
}

#[test]
fn at_200x60_no_screen_with_data_leaves_a_third_of_its_rows_empty() {
    let mut failures = Vec::new();
    let with_data = screens().into_iter().filter(|(_, _, full)| *full).map(|(name, app, _)| (name, app));
    for (name, app) in with_data.chain([("today, no timer", today_app())]) {
        let buf = buffer(&app, 200, 60);
        let empty = empty_rows(&buf);
        if empty * 3 > 58 {
            failures.push(format!("{name}: {empty} of 58 body rows empty\n{}", text(&buf)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
