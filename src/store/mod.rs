//! The SQLite store: the only place that knows SQL (RELIABILITY.md "Storage rules").
//!
//! Every write runs in `BEGIN IMMEDIATE`, so a second writer waits for the busy timeout
//! instead of failing at once; every statement is parameterised.

pub mod activities;
mod backup;
mod errors;
mod fields;
mod history;
mod markers;
mod migrate;
mod open;
mod readiness;
mod runs;
mod runs_import;
mod seed;
mod ticks;
mod ticks_import;
mod timers;

pub use errors::{Problem, StoreError};
pub use runs::{Listed, RunEdit, RunSource};
pub use runs_import::IdClash;
pub use seed::{Batch, Summary, Tally};

pub use migrate::{APPLICATION_ID, LATEST_VERSION, MIGRATIONS};

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use errors::Result;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// How long a writer waits for another process's write lock before giving up (exit 75).
pub const BUSY_TIMEOUT_MS: u64 = 5_000;

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long this connection's writes wait for another process's write lock before
    /// they fail busy (`BUSY_TIMEOUT_MS` from `open`). The dashboard's writer waits a
    /// short while and retries on its own, so the screen can say it is waiting.
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<()> {
        self.conn.busy_timeout(timeout).map_err(|e| errors::from_sql(e, &self.path))
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction and commits; on any error nothing
    /// is written.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> rusqlite::Result<T>) -> Result<T> {
        self.write_or_try(true, f)
    }

    /// [`Store::write`], but with `commit` false the transaction is rolled back after `f`:
    /// a dry run that goes through exactly the writes a real one would, and keeps none.
    fn write_or_try<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&Transaction) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let fail = |e| errors::from_sql(e, &path);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
        let value = f(&tx).map_err(fail)?;
        if commit { tx.commit() } else { tx.rollback() }.map_err(fail)?;
        Ok(value)
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        f(&self.conn).map_err(|e| errors::from_sql(e, &self.path))
    }

    /// Changes when another connection commits (`PRAGMA data_version`), so the dashboard
    /// can refresh after a `cooldown tick` from a script.
    pub fn data_version(&self) -> Result<i64> {
        self.read(|c| c.prepare_cached("PRAGMA data_version")?.query_row([], |r| r.get(0)))
    }

    /// Rows this connection has changed since it opened (its own commits do not move
    /// [`Store::data_version`]): with it, equal pairs mean equal contents.
    pub fn own_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// True when nothing has been recorded yet: no markers, runs or ticks.
    pub fn is_empty(&self) -> Result<bool> {
        self.read(|c| {
            c.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM markers)
                    AND NOT EXISTS (SELECT 1 FROM runs)
                    AND NOT EXISTS (SELECT 1 FROM ticks)",
                [],
                |r| r.get(0),
            )
        })
    }
}

/// What an upsert did to one row: added it, changed it, or found it already the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    New,
    Changed,
    Same,
}

impl Written {
    /// From whether the row existed before and how many rows the upsert touched (an
    /// upsert whose values match the row touches none).
    fn of(existed: bool, touched: usize) -> Self {
        match (existed, touched) {
            (false, _) => Self::New,
            (true, 0) => Self::Same,
            (true, _) => Self::Changed,
        }
    }
}

fn exists(tx: &Connection, sql: &str, params: &[&dyn rusqlite::ToSql]) -> rusqlite::Result<bool> {
    tx.prepare_cached(sql)?.query_row(params, |r| r.get(0))
}

fn day_key(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn stamp(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn parse_day(text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}
