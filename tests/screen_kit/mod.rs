//! The screen tests' kit: the demo history in a real database written once, the dashboard
//! built on it by its own loaders with the clock pinned, and the buffer as text.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use cooldown::clock::Clock;
use cooldown::context::{Context, Options};
use cooldown::domain::demo;
use cooldown::domain::routine::Routine;
use cooldown::domain::trends::{Marker, Window};
use cooldown::store::Store;
use cooldown::tui::keymap::Command;
use cooldown::tui::load;
use cooldown::tui::theme::Theme;
use cooldown::tui::views::Dashboard;
use cooldown::tui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;
use std::sync::LazyLock;
use tempfile::TempDir;

pub fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A real database holding the demo's 120 days up to `end()`, written once and only read.
pub struct Fixture {
    pub dir: TempDir,
    pub db: PathBuf,
}

pub static DEMO: LazyLock<Fixture> = LazyLock::new(demo_db);

pub fn noon(date: NaiveDate) -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(0).unwrap().from_local_datetime(&date.and_hms_opt(12, 0, 0).unwrap()).unwrap()
}

pub fn demo_db() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let history = demo::generate(end(), 120, &Routine::builtin().unwrap(), 90);
    Store::open_path(&db).unwrap().write_history(&history, noon(end())).unwrap();
    Fixture { dir, db }
}

/// The dashboard's context on `db` with the clock at noon on `date`, and the store open.
pub fn context_on(db: &std::path::Path, config_dir: &std::path::Path, date: NaiveDate) -> (Context, Store) {
    let options = Options {
        db: Some(db.as_os_str().to_owned()),
        config: Some(config_dir.join("no-config.toml").into_os_string()),
        date: Some(date.to_string()),
        demo: false,
    };
    let ctx = Context::new(&options, Clock::frozen(noon(date))).unwrap();
    let store = ctx.open_store().unwrap();
    (ctx, store)
}

pub fn demo_context(today: NaiveDate) -> (Context, Store) {
    context_on(&DEMO.db, DEMO.dir.path(), today)
}

/// The dashboard as it opens with the clock at noon on `today`, showing `date`, read from
/// the demo database by the dashboard's own loader.
pub fn app_at(today: NaiveDate, date: NaiveDate) -> App {
    let (ctx, store) = demo_context(today);
    let day = load::day(&ctx, &store, today).unwrap();
    let mut app = App::new(ctx.clock.local(), ctx.clock.mono(), day, false, Theme { color: true });
    if date != today {
        let day = load::day(&ctx, &store, date).unwrap();
        update(&mut app, Action::Loaded { day: Box::new(day), welcome: false });
    }
    app
}

pub fn app_on(date: NaiveDate) -> App {
    app_at(end(), date)
}

pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(Dashboard(app), f.area())).unwrap();
    terminal
}

pub fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    draw(app, width, height).backend().buffer().clone()
}

pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn press(app: &mut App, command: Command) {
    update(app, Action::Key(command));
}

/// The Trends screen on the demo history, read by the dashboard's loader.
pub fn trends_app(marker: Marker, window: Window) -> App {
    let (ctx, store) = demo_context(end());
    let mut app = app_on(end());
    update(&mut app, Action::Key(Command::ShowTrends));
    app.marker = marker;
    app.window = window;
    app.trends = Some(load::trends(&ctx, &store, marker, window, end()).unwrap());
    app
}

/// The History screen on the demo history and its day detail, read by the dashboard's loaders.
pub fn history_app(month: NaiveDate, selected: NaiveDate) -> App {
    let (ctx, store) = demo_context(end());
    let mut app = app_on(end());
    update(&mut app, Action::Key(Command::ShowHistory));
    app.history_day = selected;
    app.history = Some(load::history(&ctx, &store, month, end()).unwrap());
    app.detail = Some(load::detail(&ctx, &store, selected).unwrap());
    app
}

/// The Log screen on the demo, read by the dashboard's own loader.
pub fn log_app() -> App {
    let (ctx, store) = demo_context(end());
    let mut app = app_on(end());
    press(&mut app, Command::ShowLog);
    let list = load::log(&ctx, &store, end(), cooldown::tui::loglist::PAGE_DAYS).unwrap();
    update(&mut app, Action::LogLoaded(Box::new(list)));
    app
}

/// Today part-way through, "saved" in the status line.
pub fn today_app() -> App {
    let mut app = app_on(end());
    // Down to today's own foam-quads (the page leads with what is due from earlier runs).
    while app.selected_entry().is_some_and(|e| (e.day, e.id()) != (end(), "foam-quads")) {
        let before = app.selected;
        update(&mut app, Action::Key(Command::Down));
        assert_ne!(app.selected, before, "no foam-quads of today on the page");
    }
    update(&mut app, Action::Saved { text: "saved: foam-quads ticked".into(), form: false });
    app
}

/// The dashboard on a database with nothing recorded, as a first run opens it.
pub fn first_run_app() -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let (ctx, store) = context_on(&db, dir.path(), end());
    let day = load::day(&ctx, &store, end()).unwrap();
    let welcome = store.is_empty().unwrap();
    assert!(welcome);
    (dir, App::new(ctx.clock.local(), ctx.clock.mono(), day, welcome, Theme { color: true }))
}
