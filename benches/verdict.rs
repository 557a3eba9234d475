//! `cargo bench --bench verdict`: the readiness verdict for one day, with its 28-day
//! chain, on a 10-year history (the same data as `seed-demo --days 3650`).
//! Prints numbers; asserts nothing about time (a busy machine is slower, not wrong).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use cooldown::domain::demo;
use cooldown::domain::readiness::{self, Thresholds};
use cooldown::domain::routine::Routine;
use cooldown::store::Store;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    println!(
        "{what:<66} median {:>7.3} ms   p90 {:>7.3} ms   p99 {:>7.3} ms   ({} runs)",
        at(0.5),
        at(0.9),
        at(0.99),
        samples.len()
    );
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    for _ in 0..runs / 10 {
        black_box(f());
    }
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect()
}

fn main() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let now = FixedOffset::east_opt(0).unwrap().with_ymd_and_hms(2026, 11, 28, 8, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten-years.db");
    let mut store = Store::open_path(&path).unwrap();
    let history = demo::generate(end, demo::MAX_DAYS, &Routine::builtin().unwrap(), 90);
    store.write_history(&history, now).unwrap();
    println!(
        "10-year history: {} mornings, {} runs, {} ticks, {} KiB",
        history.markers.len(),
        history.runs.len(),
        history.ticks.len(),
        ["", "-wal"]
            .iter()
            .filter_map(|x| std::fs::metadata(format!("{}{x}", path.display())).ok())
            .map(|m| m.len())
            .sum::<u64>()
            / 1024
    );
    let t = Thresholds::default();
    let inputs = store.readiness_inputs(end, t.lookback_days()).unwrap();
    report("verdict, rules only (29 days of the chain)", time(5000, || readiness::verdict(&inputs, end, &t)));
    report(
        "verdict, read from SQLite + rules (what `cooldown verdict` does)",
        time(2000, || {
            let inputs = store.readiness_inputs(end, t.lookback_days()).unwrap();
            readiness::verdict(&inputs, end, &t)
        }),
    );
    let mid = NaiveDate::from_ymd_opt(2021, 6, 15).unwrap();
    report(
        "verdict for a day in the middle of the 10 years",
        time(2000, || {
            let inputs = store.readiness_inputs(mid, t.lookback_days()).unwrap();
            readiness::verdict(&inputs, mid, &t)
        }),
    );
}
