//! What the dashboard keeps between loads so a screen switch does not read years again:
//! History's streaks (every ticked day since the first) and the Trends already shown
//! (each marker and window) and History's months. Kept while the database stands as
//! it did — `PRAGMA data_version` (another connection's commit, the writer thread's
//! included) and this connection's own change count — and for the same day; the routine
//! and config are fixed for the dashboard's one `Context`.

use super::app::{History, Trends};
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
    kept: Option<Counted>,
    counted: u32,
}

#[derive(Clone, Copy, Debug)]
struct Counted {
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
        self.kept = Some(Counted { generation, today, first, streaks });
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

/// Screens loaded for one generation and day, by what they show: the Trends by marker and
/// window, History by month.
#[derive(Debug)]
pub struct Kept<K, V> {
    seen: Option<(Generation, NaiveDate)>,
    kept: Vec<(K, V)>,
    loaded: u32,
}

pub type TrendsCache = Kept<(Marker, Window), Trends>;
pub type HistoryCache = Kept<NaiveDate, History>;

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept { seen: None, kept: Vec::new(), loaded: 0 }
    }
}

impl<K: PartialEq, V: Clone> Kept<K, V> {
    /// What `key` shows up to `today`: kept, or loaded by `load` (and kept).
    pub fn get(
        &mut self,
        store: &Store,
        key: K,
        today: NaiveDate,
        load: impl FnOnce() -> Result<V>,
    ) -> Result<V> {
        let seen = Some((Generation::of(store)?, today));
        if self.seen != seen {
            (self.seen, self.kept) = (seen, Vec::new());
        }
        if let Some((_, v)) = self.kept.iter().find(|(k, _)| *k == key) {
            return Ok(v.clone());
        }
        let value = load()?;
        self.loaded += 1;
        self.kept.push((key, value.clone()));
        Ok(value)
    }

    /// How many times a screen was loaded (not taken from the cache), for tests.
    pub fn loaded(&self) -> u32 {
        self.loaded
    }
}
