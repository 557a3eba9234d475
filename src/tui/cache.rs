//! What the dashboard keeps between loads so a screen switch does not read years again:
//! History's streaks (every ticked day since the first) and the Trends already shown
//! (each marker and window). Kept while the database stands as
//! it did — `PRAGMA data_version` (another connection's commit, the writer thread's
//! included) and this connection's own change count — and for the same day; the routine
//! and config are fixed for the dashboard's one `Context`.

use super::app::Trends;
use crate::context::Context;
use crate::domain::history;
use crate::domain::session::Session;
use crate::domain::trends::{Marker, Window};
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;

/// The database as one connection sees it: equal generations, equal contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Generation {
    data_version: i64,
    own_changes: u64,
}

impl Generation {
    fn of(store: &Store) -> Result<Generation> {
        Ok(Generation { data_version: store.data_version()?, own_changes: store.own_changes() })
    }
}

/// History's streaks, counted once per generation and day.
#[derive(Debug, Default)]
pub struct StreakCache {
    kept: Option<Kept>,
    counted: u32,
}

#[derive(Clone, Copy, Debug)]
struct Kept {
    generation: Generation,
    today: NaiveDate,
    first: Option<NaiveDate>,
    streaks: (u32, u32),
}

impl StreakCache {
    /// The first day stored and the (current, best) streaks up to `today`.
    pub fn get(
        &mut self,
        ctx: &Context,
        store: &Store,
        today: NaiveDate,
    ) -> Result<(Option<NaiveDate>, u32, u32)> {
        let generation = Generation { data_version: store.data_version()?, own_changes: store.own_changes() };
        if let Some(k) = self.kept.filter(|k| k.generation == generation && k.today == today) {
            return Ok((k.first, k.streaks.0, k.streaks.1));
        }
        let first = store.first_day()?;
        let streaks = count(ctx, store, first.unwrap_or(today), today)?;
        self.counted += 1;
        self.kept = Some(Kept { generation, today, first, streaks });
        Ok((first, streaks.0, streaks.1))
    }

    /// How many times the streaks were counted (not taken from the cache), for tests.
    pub fn counted(&self) -> u32 {
        self.counted
    }
}

/// (current, best) over every ticked day from `first` to `today`, one day at a time.
fn count(ctx: &Context, store: &Store, first: NaiveDate, today: NaiveDate) -> Result<(u32, u32)> {
    let sessions = store.sessions_between(first, today)?;
    let mut streaks = history::StreakCounter::new(today);
    let mut items = history::PhaseCache::new(ctx.routine()?);
    store.for_each_ticked_day(first, today, |day, ticks| {
        let session = sessions.get(&day).copied().unwrap_or(Session::Rest);
        streaks.add(day, items.get(session).share(ticks));
    })?;
    Ok(streaks.finish())
}

/// The Trends screens loaded for one generation and day, by marker and window.
#[derive(Debug, Default)]
pub struct TrendsCache {
    seen: Option<(Generation, NaiveDate)>,
    kept: Vec<(Marker, Window, Trends)>,
    loaded: u32,
}

impl TrendsCache {
    /// The Trends of `marker` over `window` up to `today`: kept, or loaded by `load`.
    pub fn get(
        &mut self,
        store: &Store,
        marker: Marker,
        window: Window,
        today: NaiveDate,
        load: impl FnOnce() -> Result<Trends>,
    ) -> Result<Trends> {
        let seen = Some((Generation::of(store)?, today));
        if self.seen != seen {
            (self.seen, self.kept) = (seen, Vec::new());
        }
        if let Some((_, _, t)) = self.kept.iter().find(|(m, w, _)| *m == marker && *w == window) {
            return Ok(t.clone());
        }
        let trends = load()?;
        self.loaded += 1;
        self.kept.push((marker, window, trends.clone()));
        Ok(trends)
    }

    /// How many times Trends were loaded (not taken from the cache), for tests.
    pub fn loaded(&self) -> u32 {
        self.loaded
    }
}
