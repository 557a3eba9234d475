//! `cargo bench --bench screens`: what the dashboard does per key and per wake-up, in
//! process, on the demo history (`COOLDOWN_BENCH_DAYS`, default 3650 — ten years; the
//! data of `seed-demo --days N`): loading the Today model from SQLite, and for every
//! screen the render into a buffer, and the whole `Terminal::draw` into a `TestBackend`
//! (render, diff, write of a full frame), at 120×40 and 200×60: Today (with a running foam-roll timer too), Log, Trends at every window, and
//! History. Prints medians and p99; asserts nothing about time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use cooldown::clock::Clock;
use cooldown::context::{Context, Options};
use cooldown::domain::demo;
use cooldown::domain::routine::Routine;
use cooldown::domain::trends::Window;
use cooldown::store::Store;
use cooldown::tui::keymap::Command;
use cooldown::tui::load;
use cooldown::tui::theme::Theme;
use cooldown::tui::views::Dashboard;
use cooldown::tui::{Action, App, update};
use ratatui::backend::TestBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and p99 of `runs` timings of `f`, in ms.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    (ms(v[v.len() / 2]), ms(v[(v.len() - 1) * 99 / 100]))
}

/// Rendering alone: the widgets into a fresh buffer.
fn render(app: &App, width: u16, height: u16) -> (f64, f64) {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    time(200, || {
        let mut buf = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(Dashboard(app), area, &mut buf);
        black_box(buf);
    })
}

/// `Terminal::draw` of the whole dashboard, alternating with a blank frame so every draw
/// diffs and writes a full screen — the worst case, as after a screen switch.
fn draw(app: &App, width: u16, height: u16) -> (f64, f64) {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let options = || TerminalOptions { viewport: Viewport::Fixed(area) };
    let mut term = Terminal::with_options(TestBackend::new(width, height), options()).unwrap();
    time(200, || {
        term.draw(|f| f.render_widget(Dashboard(app), f.area())).unwrap();
        term.draw(|_| {}).unwrap();
        black_box(term.backend());
    })
}

fn main() {
    let days: u32 = std::env::var("COOLDOWN_BENCH_DAYS").ok().and_then(|d| d.parse().ok()).unwrap_or(3650);
    let end = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let now = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let mut store = Store::open_path(&db).unwrap();
    store.write_history(&demo::generate(end, days, &Routine::builtin().unwrap(), 90), now).unwrap();
    let options = Options {
        db: Some(db.clone().into_os_string()),
        config: Some(dir.path().join("none.toml").into_os_string()),
        date: Some(end.to_string()),
        demo: false,
    };
    let clock = Clock::frozen(now);
    let ctx = Context::new(&options, clock).unwrap();
    println!("{days} days of history\n");

    let (load_ms, load_p99) = time(100, || {
        black_box(load::day(&ctx, &store, end).unwrap());
    });
    println!(
        "{:<44} {:>8.3} ms median {:>8.3} ms p99",
        "load the Today model (checklist, verdict)", load_ms, load_p99
    );

    for (name, window) in
        [("load Trends, HRV 28 d", Window::CYCLE[1]), ("load Trends, HRV all", Window::CYCLE[4])]
    {
        let (m, p) = time(20, || {
            black_box(
                load::trends(&ctx, &store, cooldown::domain::trends::Marker::Hrv, window, end).unwrap(),
            );
        });
        println!("{name:<44} {m:>8.3} ms median {p:>8.3} ms p99");
    }
    let month = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let (m, p) = time(20, || {
        black_box(load::history(&ctx, &store, month, end).unwrap());
    });
    println!("{:<44} {m:>8.3} ms median {p:>8.3} ms p99", "load History (6 months, streaks over all days)");
    let mut streaks = load::StreakCache::default();
    let (m, p) = time(20, || {
        black_box(load::history_with(&ctx, &store, month, end, &mut streaks).unwrap());
    });
    println!("{:<44} {m:>8.3} ms median {p:>8.3} ms p99", "load History again (streaks kept, no write)");
    let (m, p) = time(100, || {
        black_box(load::detail(&ctx, &store, end).unwrap());
    });
    println!("{:<44} {m:>8.3} ms median {p:>8.3} ms p99", "load History's day detail (a key on History)");
    let span = cooldown::tui::loglist::PAGE_DAYS;
    let (m, p) = time(100, || {
        black_box(load::log(&ctx, &store, end, span).unwrap());
    });
    println!("{:<44} {m:>8.3} ms median {p:>8.3} ms p99", "load the Log list (a form from elsewhere)");

    let noon = end.and_hms_opt(12, 0, 0).unwrap();
    let new_app =
        || App::new(noon, clock.mono(), load::day(&ctx, &store, end).unwrap(), false, Theme { color: true });
    let mut views: Vec<(String, App)> = Vec::new();
    views.push(("Today".into(), new_app()));
    let mut timing = new_app();
    update(&mut timing, Action::Key(Command::StartSequence));
    views.push(("Today, a foam-roll timer running".into(), timing));
    let mut log = new_app();
    update(&mut log, Action::Key(Command::LogMarkers));
    let list = load::log(&ctx, &store, end, span).unwrap();
    update(&mut log, Action::LogLoaded(Box::new(list)));
    views.push(("Log, markers form and list".into(), log));
    for window in Window::CYCLE {
        let mut app = new_app();
        update(&mut app, Action::Key(Command::ShowTrends));
        app.window = window;
        app.trends = Some(load::trends(&ctx, &store, app.marker, window, end).unwrap());
        views.push((format!("Trends, {} {}", app.marker.name(), window.label()), app));
    }
    let mut history = new_app();
    for effect in update(&mut history, Action::Key(Command::ShowHistory)) {
        match effect {
            cooldown::tui::Effect::LoadHistory(month) => {
                history.history = Some(load::history(&ctx, &store, month, end).unwrap());
            }
            cooldown::tui::Effect::LoadDetail(day) => {
                history.detail = Some(load::detail(&ctx, &store, day).unwrap());
            }
            _ => {}
        }
    }
    views.push(("History".into(), history));

    println!(
        "\n{:<36} {:>13} {:>13} {:>22} {:>22}",
        "screen", "render 120×40", "render 200×60", "draw 120×40 med / p99", "draw 200×60 med / p99"
    );
    let (mut worst_render, mut worst_draw) = (0.0f64, 0.0f64);
    for (name, app) in &views {
        let ((r1, _), (r2, _)) = (render(app, 120, 40), render(app, 200, 60));
        let ((a, a99), (b, b99)) = (draw(app, 120, 40), draw(app, 200, 60));
        worst_render = worst_render.max(r2);
        worst_draw = worst_draw.max(b);
        println!("{name:<36} {r1:>10.3} ms {r2:>10.3} ms {a:>11.3} / {a99:.3} ms {b:>11.3} / {b99:.3} ms");
    }
    println!(
        "\nslowest screen at 200×60 (median): render {worst_render:.3} ms, draw {worst_draw:.3} ms (target ≤ 0.5 ms)"
    );
}
