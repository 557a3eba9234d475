//! Reading one day for the dashboard: checklist, verdict, focus week and the values the
//! forms start from. The only place the dashboard reads the store.

use super::app::{Day, DayDetail, History, Side, Trends};
use super::loglist::{LogDay, LogList};
use crate::context::Context;
use crate::domain::focus;
use crate::domain::history;
use crate::domain::readiness::{self, Level};
use crate::domain::trends::{self, Marker, Window};
use crate::domain::{usual, weeks};
use crate::error::Result;
use crate::store::Store;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

pub use super::cache::{HistoryCache, StreakCache, TrendsCache};

/// Months the History screen reads before the selected one (a tall terminal shows them).
pub const MONTHS_BEFORE: i32 = 5;

/// Mornings the usual sleep looks back over (the day's own left out).
const USUAL_DAYS: u64 = 28;

pub fn day(ctx: &Context, store: &Store, date: NaiveDate) -> Result<Day> {
    let month_start = date.checked_sub_days(Days::new(USUAL_DAYS)).unwrap_or(date);
    let week = store.markers_between(month_start, date)?;
    let earlier: Vec<_> = week.iter().filter(|(d, _)| *d < date).map(|(_, m)| m).collect();
    let on =
        |d: Option<NaiveDate>| d.and_then(|d| week.iter().find(|(md, _)| *md == d).map(|(_, m)| m.clone()));
    // The verdict once: the checklist is shaped by it.
    let verdict = ctx.verdict(store, date)?;
    Ok(Day {
        checklist: ctx.checklist_for(store, date, &verdict, ctx.units())?,
        verdict,
        focus: focus::week(&ctx.config.focus, &week, date, ctx.units()),
        markers: on(Some(date)),
        yesterday: on(date.checked_sub_days(Days::new(1))),
        // The last run up to the day's end: a second run of the day starts from the first.
        last_run: store.last_run_before(date.succ_opt().unwrap_or(date))?,
        side: Side {
            usual_sleep: usual::sleep_usual(&earlier),
            runs: store.runs_between(month_start, date)?.into_iter().rev().collect(),
        },
    })
}

/// One day in full, for the History screen's detail pane.
pub fn detail(ctx: &Context, store: &Store, date: NaiveDate) -> Result<DayDetail> {
    let from = date.checked_sub_days(Days::new(USUAL_DAYS)).unwrap_or(date);
    let month = store.markers_between(from, date)?;
    let markers = month.iter().find(|(d, _)| *d == date).map(|(_, m)| m.clone());
    let earlier: Vec<_> = month.iter().filter(|(d, _)| *d < date).map(|(_, m)| m).collect();
    let verdict = ctx.verdict(store, date)?;
    Ok(DayDetail {
        date,
        usual_sleep: usual::sleep_usual(&earlier),
        markers,
        runs: store.runs_on(date)?,
        checklist: ctx.checklist_for(store, date, &verdict, ctx.units())?,
        verdict,
    })
}

/// One marker over one window ending today, with the days' verdicts and the weekly load.
/// [`trends`], taken from `cache` when this marker and window were loaded since the last
/// write and on the same day.
pub fn trends_with(
    ctx: &Context,
    store: &Store,
    marker: Marker,
    window: Window,
    today: NaiveDate,
    cache: &mut TrendsCache,
) -> Result<Trends> {
    cache.get(store, (marker, window), today, || trends(ctx, store, marker, window, today))
}

pub fn trends(
    ctx: &Context,
    store: &Store,
    marker: Marker,
    window: Window,
    today: NaiveDate,
) -> Result<Trends> {
    let from = window.start(today, store.first_day()?);
    let inputs = ctx.readiness_inputs(store, from, today)?;
    let verdicts = ctx.levels(&inputs, from, today);
    let series = trends::series(marker, &inputs, from, today, &ctx.config.readiness, &verdicts);
    Ok(Trends {
        summary: trends::summary(&series),
        weekly: trends::weekly_load(&inputs, from, today),
        chronic: trends::load_line(&inputs, from, today, 28),
        band_sd: ctx.config.readiness.band_sd,
        acwr: readiness::acwr(&inputs, today),
        series,
    })
}

/// The month that starts on `month` and the `MONTHS_BEFORE` months before it (from their
/// first week's Monday): each day's share of the immediate phase, verdict and runs; and the
/// streaks over the whole history.
pub fn history(ctx: &Context, store: &Store, month: NaiveDate, today: NaiveDate) -> Result<History> {
    history_with(ctx, store, month, today, &mut StreakCache::default())
}

/// [`history`], the streaks taken from `cache` while nothing was written since they were
/// counted (and counted again, and kept, when something was): the months shown are bounded,
/// the streaks read every ticked day since the first.
pub fn history_with(
    ctx: &Context,
    store: &Store,
    month: NaiveDate,
    today: NaiveDate,
    cache: &mut StreakCache,
) -> Result<History> {
    let last = history::month_end(month).min(today);
    let from = weeks::monday(history::add_months(month, -MONTHS_BEFORE));
    let (first_stored, current_streak, best_streak) = cache.get(ctx, store, today)?;
    let first = first_stored.unwrap_or(today).min(month);
    // The days before the first one stored are not shown as days with nothing ticked.
    let from = from.max(first);
    let sessions = store.sessions_between(from, last)?;
    let shares = history::shares(ctx.routine()?, from, last, &sessions, &store.ticks_between(from, last)?);
    let inputs = ctx.readiness_inputs(store, from, last)?;
    let verdicts: std::collections::HashMap<NaiveDate, Level> =
        ctx.levels(&inputs, from, last).into_iter().collect();
    let days = from
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| (d, (shares.get(&d).copied().unwrap_or(0.0), verdicts.get(&d).copied())))
        .collect();
    let mut runs: BTreeMap<NaiveDate, Vec<_>> = BTreeMap::new();
    for run in store.runs_between(from, last)? {
        runs.entry(run.day).or_default().push(run);
    }
    Ok(History { month, days, runs, current_streak, best_streak })
}

/// The Log screen's days: `span` days up to `today`, newest first, each with its markers,
/// runs and verdict (the rules' chain run once over the whole span).
pub fn log(ctx: &Context, store: &Store, today: NaiveDate, span: u32) -> Result<LogList> {
    let earliest = crate::domain::values::EARLIEST_DATE;
    let from =
        today.checked_sub_days(Days::new(u64::from(span.max(1) - 1))).unwrap_or(earliest).max(earliest);
    let mut markers: std::collections::HashMap<NaiveDate, _> =
        store.markers_between(from, today)?.into_iter().collect();
    let mut runs: std::collections::HashMap<NaiveDate, Vec<_>> = std::collections::HashMap::new();
    for run in store.runs_between(from, today)? {
        runs.entry(run.day).or_default().push(run);
    }
    let inputs = ctx.readiness_inputs(store, from, today)?;
    let verdicts: std::collections::HashMap<NaiveDate, Level> =
        ctx.levels(&inputs, from, today).into_iter().collect();
    let days = today
        .iter_days()
        .rev()
        .take_while(|d| *d >= from)
        .map(|date| LogDay {
            date,
            markers: markers.remove(&date),
            runs: runs.remove(&date).unwrap_or_default(),
            verdict: verdicts.get(&date).copied(),
        })
        .collect();
    Ok(LogList { days, span })
}
