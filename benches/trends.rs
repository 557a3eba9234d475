//! `cargo bench --bench trends`: the Trends screen on a 10-year history (the data of
//! `seed-demo --days 3650`): reading each marker and window, and rendering it at 200×60.
//! Prints numbers; asserts nothing about time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

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
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(v[v.len() / 2]), ms(v[(v.len() - 1) * 99 / 100]))
}

fn main() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let now = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ten-years.db");
    let mut store = Store::open_path(&db).unwrap();
    store.write_history(&demo::generate(end, demo::MAX_DAYS, &Routine::builtin().unwrap(), 90), now).unwrap();
    let options = Options {
        db: Some(db.clone().into_os_string()),
        config: Some(dir.path().join("none.toml").into_os_string()),
        date: Some(end.to_string()),
        demo: false,
    };
    let ctx = Context::new(&options, Clock::frozen(now)).unwrap();
    let day = load::day(&ctx, &store, end).unwrap();
    let mut app =
        App::new(end.and_hms_opt(12, 0, 0).unwrap(), ctx.clock.mono(), day, false, Theme { color: true });
    update(&mut app, Action::Key(Command::ShowTrends));
    let area = Rect::new(0, 0, 200, 60);
    println!(
        "{:<40} {:>22} {:>26}",
        "Trends view (10-year history)", "read + compute (median)", "render 200×60 (median/p99)"
    );
    let mut worst = 0.0f64;
    for window in Window::CYCLE {
        for marker in Marker::ALL {
            let reads: Vec<Duration> = (0..5)
                .map(|_| {
                    let t = Instant::now();
                    black_box(load::trends(&ctx, &store, marker, window, end).unwrap());
                    t.elapsed()
                })
                .collect();
            app.marker = marker;
            app.window = window;
            app.trends = Some(load::trends(&ctx, &store, marker, window, end).unwrap());
            let renders: Vec<Duration> = (0..200)
                .map(|_| {
                    let mut buf = Buffer::empty(area);
                    let t = Instant::now();
                    Dashboard(&app).render(area, &mut buf);
                    let e = t.elapsed();
                    black_box(buf);
                    e
                })
                .collect();
            let (read, _) = median(reads);
            let (render, p99) = median(renders);
            worst = worst.max(render);
            println!(
                "{:<40} {:>19.1} ms {:>15.3} / {:.3} ms",
                format!("{} · {}", marker.name(), window.label()),
                read,
                render,
                p99
            );
        }
    }
    println!("slowest render (median): {worst:.3} ms (target ≤ 2 ms)");
}
