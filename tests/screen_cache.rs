//! What the dashboard keeps between loads (issue 19): History's streaks and the Trends
//! already shown, taken from the cache while the database is unchanged, and read again
//! after a write from this connection, after a commit from another one (another
//! terminal's `cooldown tick`), and on a new day. Every load must equal one made without
//! the cache.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod screen_kit;

use screen_kit::*;

use chrono::{Days, NaiveDate};
use cooldown::context::Context;
use cooldown::domain::records::Markers;
use cooldown::domain::trends::{Marker, Window};
use cooldown::store::Store;
use cooldown::tui::load::{self, HistoryCache, StreakCache, TrendsCache};

fn month() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// Loads History through `cache` and checks it against a load without one.
fn load_and_compare(ctx: &Context, store: &Store, cache: &mut StreakCache, today: NaiveDate) -> (u32, u32) {
    let cached = load::history_with(ctx, store, month(), today, cache).unwrap();
    let fresh = load::history(ctx, store, month(), today).unwrap();
    assert_eq!(
        (cached.current_streak, cached.best_streak, &cached.days),
        (fresh.current_streak, fresh.best_streak, &fresh.days),
        "the cached History differs from a fresh one"
    );
    (cached.current_streak, cached.best_streak)
}

/// Unticks everything ticked on `day` through `store`.
fn clear_day(store: &mut Store, day: NaiveDate) {
    let ticks = store.ticks(day).unwrap();
    assert!(!ticks.is_empty(), "the demo ticked {day}");
    for tick in ticks {
        store.clear_item(day, &tick.item_id).unwrap();
    }
}

#[test]
fn revisits_reuse_the_streaks_while_nothing_changed() {
    let fixture = demo_db();
    let (ctx, store) = context_on(&fixture.db, fixture.dir.path(), end());
    let mut cache = StreakCache::default();
    let first = load_and_compare(&ctx, &store, &mut cache, end());
    let again = load_and_compare(&ctx, &store, &mut cache, end());
    assert_eq!(first, again);
    assert_eq!(cache.counted(), 1, "a second load with nothing written counted the streaks again");
}

#[test]
fn a_write_on_this_connection_is_seen() {
    let fixture = demo_db();
    let (ctx, mut store) = context_on(&fixture.db, fixture.dir.path(), end());
    let mut cache = StreakCache::default();
    let before = load_and_compare(&ctx, &store, &mut cache, end());
    let yesterday = end().checked_sub_days(Days::new(1)).unwrap();
    clear_day(&mut store, yesterday);
    clear_day(&mut store, end());
    let after = load_and_compare(&ctx, &store, &mut cache, end());
    assert_eq!(cache.counted(), 2, "our own write did not count the streaks again");
    assert_eq!(after.0, 0, "nothing ticked yesterday or today: no current streak (was {before:?})");
}

#[test]
fn another_process_commit_is_seen() {
    let fixture = demo_db();
    let (ctx, store) = context_on(&fixture.db, fixture.dir.path(), end());
    let mut cache = StreakCache::default();
    let before = load_and_compare(&ctx, &store, &mut cache, end());
    // Another connection, as another terminal's `cooldown tick` would be.
    let mut other = Store::open_path(&fixture.db).unwrap();
    clear_day(&mut other, end().checked_sub_days(Days::new(1)).unwrap());
    clear_day(&mut other, end());
    drop(other);
    let after = load_and_compare(&ctx, &store, &mut cache, end());
    assert_eq!(cache.counted(), 2, "another connection's commit did not count the streaks again");
    assert_eq!(after.0, 0, "the streak still shows what another process cleared (was {before:?})");
}

#[test]
fn a_new_day_counts_again() {
    let fixture = demo_db();
    let (ctx, store) = context_on(&fixture.db, fixture.dir.path(), end());
    let mut cache = StreakCache::default();
    load_and_compare(&ctx, &store, &mut cache, end());
    // Past midnight with nothing ticked yet on the new day, and then one more day on.
    let next = end().succ_opt().unwrap();
    load_and_compare(&ctx, &store, &mut cache, next);
    assert_eq!(cache.counted(), 2, "the new day reused yesterday's streaks");
    let after = load_and_compare(&ctx, &store, &mut cache, next.succ_opt().unwrap());
    assert_eq!(cache.counted(), 3);
    assert_eq!(after.0, 0, "two days without ticks end the current streak");
}

/// Loads Trends through `cache` and checks it against a load without one.
fn trends_compare(
    ctx: &Context,
    store: &Store,
    cache: &mut TrendsCache,
    marker: Marker,
    window: Window,
    today: NaiveDate,
) -> cooldown::tui::Trends {
    let cached = load::trends_with(ctx, store, marker, window, today, cache).unwrap();
    assert_eq!(cached, load::trends(ctx, store, marker, window, today).unwrap(), "cached Trends differ");
    cached
}

#[test]
fn trends_windows_seen_are_kept_until_a_write() {
    let fixture = demo_db();
    let (ctx, mut store) = context_on(&fixture.db, fixture.dir.path(), end());
    let mut cache = TrendsCache::default();
    let (month, all) = (Window::CYCLE[1], Window::CYCLE[4]);
    trends_compare(&ctx, &store, &mut cache, Marker::Hrv, month, end());
    trends_compare(&ctx, &store, &mut cache, Marker::Hrv, all, end());
    trends_compare(&ctx, &store, &mut cache, Marker::Hrv, month, end());
    trends_compare(&ctx, &store, &mut cache, Marker::Rhr, month, end());
    assert_eq!(cache.loaded(), 3, "a window already seen was loaded again");
    // Our own write: today's HRV changes.
    let hrv = Markers { hrv: Some(20.0), ..Markers::default() };
    store.save_markers(end(), &hrv, noon(end())).unwrap();
    let after = trends_compare(&ctx, &store, &mut cache, Marker::Hrv, month, end());
    assert_eq!(cache.loaded(), 4, "our own write did not load Trends again");
    // Another process's write.
    let mut other = Store::open_path(&fixture.db).unwrap();
    let hrv = Markers { hrv: Some(120.0), ..Markers::default() };
    other.save_markers(end(), &hrv, noon(end())).unwrap();
    drop(other);
    let again = trends_compare(&ctx, &store, &mut cache, Marker::Hrv, month, end());
    assert_eq!(cache.loaded(), 5, "another connection's commit did not load Trends again");
    assert_ne!(after, again, "today's HRV changed, the chart did not");
    // Midnight.
    trends_compare(&ctx, &store, &mut cache, Marker::Hrv, month, end().succ_opt().unwrap());
    assert_eq!(cache.loaded(), 6, "the new day reused yesterday's Trends");
}

#[test]
fn history_months_seen_are_kept_until_a_write() {
    let fixture = demo_db();
    let (ctx, store) = context_on(&fixture.db, fixture.dir.path(), end());
    let (mut months, mut streaks) = (HistoryCache::default(), StreakCache::default());
    let october = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let mut show = |m: NaiveDate, today: NaiveDate| {
        let shown = months.get(&store, m, today, || load::history_with(&ctx, &store, m, today, &mut streaks));
        assert_eq!(shown.unwrap(), load::history(&ctx, &store, m, today).unwrap(), "cached History differs");
    };
    show(month(), end());
    show(october, end());
    show(month(), end());
    // Another process clears yesterday and today: the month shown again is read again.
    let mut other = Store::open_path(&fixture.db).unwrap();
    clear_day(&mut other, end().checked_sub_days(Days::new(1)).unwrap());
    clear_day(&mut other, end());
    drop(other);
    show(month(), end());
    show(month(), end().succ_opt().unwrap());
    assert_eq!(months.loaded(), 4, "a month seen was loaded again, or a changed one was not");
    assert_eq!(streaks.counted(), 3, "the streaks: once, after the write, and on the new day");
}
