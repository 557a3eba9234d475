//! The finish of the screens (issue 18, part 3): overlays clear what is under them, long
//! lists show a scrollbar, the welcome and help fit small terminals, status messages go
//! with the next action. Snapshots with a pinned clock on the demo history; accept
//! intended changes with `INSTA_UPDATE=always cargo test --test screens_finish` and read
//! every diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod screen_kit;

use screen_kit::*;

use chrono::{Days, NaiveDate};
use cooldown::domain::readiness::Level;
use cooldown::tui::keymap::{Command, Screen};
use cooldown::tui::load;
use cooldown::tui::theme::Theme;
use cooldown::tui::views::Dashboard;
use cooldown::tui::{Action, App, update};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The dashboard at noon on the demo's last day, showing `date`.
fn app_in(date: NaiveDate, color: bool) -> App {
    let (ctx, store) = demo_context(end());
    let day = load::day(&ctx, &store, end()).unwrap();
    let mut app = App::new(ctx.clock.local(), ctx.clock.mono(), day, false, Theme { color });
    if date != end() {
        let day = load::day(&ctx, &store, date).unwrap();
        update(&mut app, Action::Loaded { day: Box::new(day), welcome: false });
    }
    app
}

/// Today as the dashboard opens on it.
fn opening_app() -> App {
    app_in(end(), true)
}

fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height).map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect::<String>()).collect()
}

/// The overlay's box: from its top-left corner (a `┌` followed by one of the overlays'
/// titles) to the `┐` on its row and the `└` under it.
fn overlay_box(buf: &Buffer) -> Rect {
    let area = buf.area;
    let rows = rows(buf);
    for (y, row) in rows.iter().enumerate() {
        let y = y as u16;
        let chars: Vec<char> = row.chars().collect();
        for x in 0..area.width {
            let after: String = chars[usize::from(x)..].iter().take(9).collect();
            if !["┌ Keys · ", "┌ Why ", "┌ Delete "].iter().any(|t| after.starts_with(t)) {
                continue;
            }
            let Some(right) = (x + 1..area.width).find(|&r| buf[(r, y)].symbol() == "┐") else { continue };
            let Some(bottom) = (y + 1..area.height).find(|&b| buf[(x, b)].symbol() == "└") else {
                continue;
            };
            return Rect::new(x, y, right - x + 1, bottom - y + 1);
        }
    }
    panic!("no box on screen:\n{}", text(buf));
}

// ---- Overlays clear what is under them -------------------------------------------------

/// Screen text that runs to the edge of every row, with wide characters at every offset,
/// so an overlay placed anywhere meets both.
struct Busy;

impl Widget for Busy {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for y in area.top()..area.bottom() {
            let line = if y % 2 == 0 {
                "漢字Xx".repeat(usize::from(area.width))
            } else {
                "x漢字X".repeat(usize::from(area.width))
            };
            buf.set_stringn(
                area.x,
                y,
                line,
                usize::from(area.width),
                ratatui::style::Style::new().reversed(),
            );
        }
    }
}

/// Renders the dashboard of `app` at `width`×`height` twice: over a busy screen (every
/// cell the screen leaves alone holds `Busy`'s text), and on a blank one. Inside the box
/// the two are the same cell for cell; its one-cell margin is blank and unstyled; and no
/// wide character reaches into the margin from the left.
fn assert_overlay_clears(app: &App, width: u16, height: u16) {
    let area = Rect::new(0, 0, width, height);
    let mut busy = Buffer::empty(area);
    Busy.render(area, &mut busy);
    Dashboard(app).render(area, &mut busy);
    let popup = overlay_box(&busy);
    let margin = Rect {
        x: popup.x.saturating_sub(1),
        y: popup.y.saturating_sub(1),
        width: (popup.right() + 1).min(width) - popup.x.saturating_sub(1),
        height: (popup.bottom() + 1).min(height) - popup.y.saturating_sub(1),
    };
    let mut blank = Buffer::empty(area);
    Dashboard(app).render(area, &mut blank);
    for y in margin.top()..margin.bottom() {
        for x in margin.left()..margin.right() {
            let (on_busy, on_blank) = (&busy[(x, y)], &blank[(x, y)]);
            let inside = popup.contains((x, y).into());
            if inside {
                assert_eq!(on_busy.symbol(), on_blank.symbol(), "({x},{y}) in the box:\n{}", text(&busy));
            } else {
                assert_eq!(on_busy.symbol(), " ", "({x},{y}) in the margin:\n{}", text(&busy));
                assert_eq!(
                    on_busy.style(),
                    ratatui::buffer::Cell::default().style(),
                    "({x},{y}) styled margin"
                );
            }
        }
        if margin.x > 0 {
            let left = busy[(margin.x - 1, y)].symbol();
            assert!(
                unicode_width::UnicodeWidthStr::width(left) <= 1,
                "a wide {left} spills into the margin at row {y}"
            );
        }
    }
}

#[test]
fn every_overlay_clears_its_box_and_a_margin_over_a_busy_screen() {
    let mut help = opening_app();
    press(&mut help, Command::ToggleHelp);
    let mut why = app_in(end() - Days::new(3), true);
    press(&mut why, Command::Why);
    let confirm = confirm_app();
    for (width, height) in [(80, 24), (40, 12), (140, 40), (200, 60), (81, 25), (41, 13)] {
        for app in [&help, &why, &confirm] {
            assert_overlay_clears(app, width, height);
        }
    }
}

/// Wide characters of the screen beside the box: the border still shows whole. (A wide
/// character whose right half reaches the box hides the cell a terminal would draw next.)
#[test]
fn a_wide_character_beside_an_overlay_does_not_hide_its_border() {
    let mut app = opening_app();
    press(&mut app, Command::ToggleHelp);
    for (width, height) in [(80, 24), (100, 30)] {
        let area = Rect::new(0, 0, width, height);
        let mut plain = Buffer::empty(area);
        Dashboard(&app).render(area, &mut plain);
        let popup = overlay_box(&plain);
        for offset in 0..2u16 {
            let mut buf = Buffer::empty(area);
            for y in 0..height {
                // A wide character ending exactly at the margin's left edge, or on it.
                let x = popup.x.saturating_sub(2 + offset);
                buf.set_string(x, y, "漢", ratatui::style::Style::new());
            }
            Dashboard(&app).render(area, &mut buf);
            for y in popup.top()..popup.bottom() {
                let x = popup.x.saturating_sub(2);
                assert!(
                    unicode_width::UnicodeWidthStr::width(buf[(x, y)].symbol()) <= 1,
                    "row {y}: a wide character covers the margin:\n{}",
                    text(&buf)
                );
            }
        }
    }
}

fn confirm_app() -> App {
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
    assert!(app.confirm.is_some());
    app
}

#[test]
fn help_overlay_80x24() {
    let mut app = opening_app();
    press(&mut app, Command::ToggleHelp);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn help_overlay_40x12() {
    let mut app = opening_app();
    press(&mut app, Command::ToggleHelp);
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

#[test]
fn why_overlay_80x24() {
    let mut app = app_in(end() - Days::new(3), true);
    assert_eq!(app.day.verdict.level, Level::Easy);
    press(&mut app, Command::Why);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn why_overlay_40x12() {
    let mut app = app_in(end() - Days::new(3), true);
    press(&mut app, Command::Why);
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

#[test]
fn confirm_80x24() {
    insta::assert_snapshot!(draw(&confirm_app(), 80, 24).backend());
}

#[test]
fn confirm_40x12() {
    insta::assert_snapshot!(draw(&confirm_app(), 40, 12).backend());
}

// ---- Help readable at 40 columns -------------------------------------------------------

/// Every description of the help overlay, read back from the screen as the user scrolls
/// it at 40 columns, is whole: each word of each binding's text appears, none cut.
#[test]
fn help_at_40_columns_wraps_every_description_whole() {
    for screen in [Command::ShowToday, Command::ShowLog, Command::ShowTrends, Command::ShowHistory] {
        let mut app = opening_app();
        press(&mut app, screen);
        press(&mut app, Command::ToggleHelp);
        let mut seen = String::new();
        for _ in 0..60 {
            let buf = buffer(&app, 40, 12);
            let popup = overlay_box(&buf);
            for y in popup.y + 1..popup.bottom() - 1 {
                let row: String = (popup.x + 1..popup.right() - 1).map(|x| buf[(x, y)].symbol()).collect();
                seen.push_str(row.trim());
                seen.push(' ');
            }
            press(&mut app, Command::ScrollDown);
        }
        assert!(!seen.contains('…'), "{seen}");
        let words: Vec<&str> = seen.split_whitespace().collect();
        for b in cooldown::tui::keymap::active(cooldown::tui::keymap::Mode::Screen(app.screen)) {
            for word in b.help.split_whitespace() {
                assert!(
                    words.contains(&word),
                    "{:?}: {word:?} of {:?} is not on screen: {seen}",
                    app.screen,
                    b.help
                );
            }
        }
    }
}

// ---- Scrollbars ------------------------------------------------------------------------

/// The cells of column `x` from row `top` to `bottom` (exclusive).
fn column(buf: &Buffer, x: u16, top: u16, bottom: u16) -> String {
    (top..bottom).map(|y| buf[(x, y)].symbol()).collect()
}

#[test]
fn the_checklist_shows_a_scrollbar_only_when_it_does_not_fit() {
    let app = opening_app();
    // 80×24: the checklist box runs from row 7 to the status bar; its right border holds
    // a thumb.
    let buf = buffer(&app, 80, 24);
    let screen = text(&buf);
    let right = column(&buf, 79, 0, 23);
    assert!(right.contains('█'), "no thumb on the right border:\n{screen}");
    assert!(!screen.contains("more"), "{screen}");
    // Tall enough for every row: a plain border.
    let buf = buffer(&app, 80, 60);
    assert!(!column(&buf, 79, 0, 59).contains('█'), "{}", text(&buf));
    // Compact: the last column.
    let buf = buffer(&app, 60, 16);
    assert!(column(&buf, 59, 1, 15).contains('█'), "{}", text(&buf));
}

#[test]
fn the_log_list_shows_a_scrollbar_only_when_it_does_not_fit() {
    let app = log_app();
    let buf = buffer(&app, 80, 24);
    assert!(column(&buf, 79, 2, 23).contains('█'), "{}", text(&buf));
    let buf = buffer(&app, 80, 120);
    assert!(!column(&buf, 79, 0, 120).contains('█'), "{}", text(&buf));
}

#[test]
fn overlays_show_a_scrollbar_only_when_they_do_not_fit() {
    let mut app = opening_app();
    press(&mut app, Command::ToggleHelp);
    let buf = buffer(&app, 80, 24);
    let popup = overlay_box(&buf);
    assert!(column(&buf, popup.right() - 1, popup.y + 1, popup.bottom() - 1).contains('█'), "{}", text(&buf));
    let buf = buffer(&app, 80, 60);
    let popup = overlay_box(&buf);
    assert!(!column(&buf, popup.right() - 1, popup.y, popup.bottom()).contains('█'), "{}", text(&buf));
}

#[test]
fn log_list_80x24_with_its_scrollbar() {
    insta::assert_snapshot!(draw(&log_app(), 80, 24).backend());
}

#[test]
fn today_compact_60x16_with_its_scrollbar() {
    insta::assert_snapshot!(draw(&opening_app(), 60, 16).backend());
}

// ---- The welcome -----------------------------------------------------------------------

#[test]
fn welcome_on_an_empty_database_80x24() {
    let (_dir, app) = first_run_app();
    let buf = buffer(&app, 80, 24);
    let screen = text(&buf);
    for line in cooldown::text::WELCOME {
        assert!(screen.contains(line), "{line:?} is cut:\n{screen}");
    }
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn welcome_on_an_empty_database_40x12() {
    let (_dir, app) = first_run_app();
    let screen = text(&buffer(&app, 40, 12));
    for line in cooldown::text::WELCOME_COMPACT {
        assert!(screen.contains(line), "{line:?} is cut:\n{screen}");
    }
    insta::assert_snapshot!(draw(&app, 40, 12).backend());
}

/// Every compact size, and the full one a column or a row wider: every word of the
/// welcome is on screen.
#[test]
fn the_welcome_is_whole_at_every_small_size() {
    let (_dir, app) = first_run_app();
    for (width, height) in [(40, 12), (50, 14), (79, 23), (80, 23), (79, 24), (81, 25), (100, 30)] {
        let compact = width < 80 || height < 24;
        let screen = text(&buffer(&app, width, height));
        let words: Vec<&str> =
            screen.split(|c: char| c.is_whitespace() || c == '│').filter(|w| !w.is_empty()).collect();
        let source: &[&str] =
            if compact { &cooldown::text::WELCOME_COMPACT } else { &cooldown::text::WELCOME };
        for word in source.iter().flat_map(|l| l.split_whitespace()) {
            assert!(words.contains(&word), "{width}×{height}: {word:?} missing:\n{screen}");
        }
    }
}

// ---- Status messages -------------------------------------------------------------------

fn status_line(app: &App) -> String {
    rows(&buffer(app, 80, 24)).pop().unwrap()
}

#[test]
fn a_status_message_clears_on_the_next_key_and_on_a_screen_change() {
    let mut app = opening_app();
    update(&mut app, Action::Saved { text: "saved: foam-quads ticked".into(), form: false });
    assert!(status_line(&app).contains("saved: foam-quads ticked"));
    press(&mut app, Command::Down);
    assert!(!status_line(&app).contains("saved"), "{}", status_line(&app));
    update(&mut app, Action::Saved { text: "saved: foam-quads ticked".into(), form: false });
    press(&mut app, Command::ShowTrends);
    assert_eq!(app.screen, Screen::Trends);
    assert!(!status_line(&app).contains("saved"), "{}", status_line(&app));
}

// ---- No panic at any size --------------------------------------------------------------

#[test]
fn overlays_draw_at_every_size_without_a_panic() {
    let mut help = opening_app();
    press(&mut help, Command::ToggleHelp);
    let mut why = app_in(end() - Days::new(3), false);
    press(&mut why, Command::Why);
    let confirm = confirm_app();
    let (_dir, first) = first_run_app();
    let log = log_app();
    for width in [1, 2, 5, 20, 39, 40, 41, 79, 80, 81, 139, 140, 200] {
        for height in [1, 2, 5, 11, 12, 13, 23, 24, 25, 40, 60] {
            for app in [&help, &why, &confirm, &first, &log] {
                draw(app, width, height);
            }
        }
    }
}

// ---- Hints -----------------------------------------------------------------------------

/// On every screen at 80×24 and at 40×12, with and without a status message, the status
/// bar's hints are whole (dropped from the front when short of room, never cut) and
/// `? help` stays.
#[test]
fn the_status_bar_keeps_whole_hints_and_help_at_80x24_and_40x12() {
    for screen in
        [Command::ShowToday, Command::ShowLog, Command::ShowTrends, Command::ShowHistory, Command::LogMarkers]
    {
        for status in [None, Some("saved: foam-quads ticked")] {
            let mut app = log_app();
            press(&mut app, screen);
            if let Some(text) = status {
                update(&mut app, Action::Saved { text: text.into(), form: false });
            }
            for (width, height) in [(80, 24), (40, 12)] {
                let last = rows(&buffer(&app, width, height)).pop().unwrap();
                assert!(
                    last.contains("? help") || last.contains("Esc"),
                    "{screen:?} {width}×{height}: {last:?}"
                );
                assert!(!last.contains('…'), "{screen:?} {width}×{height}: {last:?}");
                if let Some(text) = status {
                    assert!(last.contains(text) || width < 80, "{screen:?} {width}×{height}: {last:?}");
                }
            }
        }
    }
}
