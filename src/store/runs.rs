//! Runs: upserted by day and end time, so recording the same run twice replaces it.

use super::errors::Result;
use super::fields::{bind_all, columns, placeholders, read};
use super::{Store, Written, day_key, exists, parse_day, stamp};
use crate::domain::records::{RUN_FIELDS, Run};
use crate::domain::session::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use rusqlite::Row;
use rusqlite::types::Value as Sql;
use std::sync::LazyLock;

/// Whether a run was new or replaced one recorded earlier with the same day and end time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    New,
    Replaced,
}

/// `day` and the fields of `RUN_FIELDS`.
static COLUMNS: LazyLock<String> = LazyLock::new(|| format!("day, {}", columns(&RUN_FIELDS)));

/// The fields a run is found by besides its day; every other one is updated in place.
const KEY: &str = "at";

fn run_from_row(r: &Row) -> rusqlite::Result<Run> {
    let day: String = r.get(0)?;
    let mut run = Run::new(parse_day(&day)?, NaiveTime::MIN, Session::Easy, 1);
    read(&RUN_FIELDS, r, 1, &mut run)?;
    Ok(run)
}

static UPSERT: LazyLock<String> = LazyLock::new(|| {
    let others: Vec<&str> = RUN_FIELDS.iter().map(|s| s.column).filter(|c| *c != KEY).collect();
    let set: Vec<String> = others.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let differs: Vec<String> = others.iter().map(|c| format!("{c} IS NOT excluded.{c}")).collect();
    format!(
        "INSERT INTO runs ({}, updated_at) VALUES (?1, {}, ?{})
         ON CONFLICT (day, {KEY}) DO UPDATE SET {}, updated_at = excluded.updated_at WHERE {}",
        *COLUMNS,
        placeholders(&RUN_FIELDS, 2),
        RUN_FIELDS.len() + 2,
        set.join(", "),
        differs.join(" OR ")
    )
});

pub(super) fn insert_run(tx: &rusqlite::Connection, run: &Run, updated: &str) -> rusqlite::Result<Written> {
    let day = day_key(run.day);
    let at = run.at.format("%H:%M").to_string();
    let existed = exists(tx, "SELECT EXISTS (SELECT 1 FROM runs WHERE day = ?1 AND at = ?2)", &[&day, &at])?;
    let values = std::iter::once(Sql::Text(day))
        .chain(bind_all(&RUN_FIELDS, run))
        .chain(std::iter::once(Sql::Text(updated.to_string())));
    let changed = tx.prepare_cached(&UPSERT)?.execute(rusqlite::params_from_iter(values))?;
    Ok(Written::of(existed, changed))
}

impl Store {
    /// Records a run; a run with the same day and end time is replaced.
    pub fn save_run(&mut self, run: &Run, now: DateTime<FixedOffset>) -> Result<Saved> {
        let updated = stamp(now);
        let existed = self.write(|tx| insert_run(tx, run, &updated))?;
        Ok(if existed == Written::New { Saved::New } else { Saved::Replaced })
    }

    /// Each day's training load from `from` to `to`: Σ session RPE × minutes over the
    /// runs that have an RPE. Days without such a run are absent.
    pub fn loads_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, f64)>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT day, sum(rpe * minutes) FROM runs
                 WHERE day BETWEEN ?1 AND ?2 AND rpe IS NOT NULL GROUP BY day ORDER BY day",
            )?;
            let rows = stmt.query_map([day_key(from), day_key(to)], |r| {
                let day: String = r.get(0)?;
                Ok((parse_day(&day)?, r.get::<_, f64>(1)?))
            })?;
            rows.collect()
        })
    }

    /// The most recent run before `day`, for the run form's reference line.
    pub fn last_run_before(&self, day: NaiveDate) -> Result<Option<Run>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {} FROM runs WHERE day < ?1 ORDER BY day DESC, at DESC LIMIT 1",
                *COLUMNS
            ))?;
            let mut rows = stmt.query_map([day_key(day)], run_from_row)?;
            rows.next().transpose()
        })
    }

    /// Every run from `from` to `to`, by day and end time.
    pub fn runs_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Run>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {} FROM runs WHERE day BETWEEN ?1 AND ?2 ORDER BY day, at",
                *COLUMNS
            ))?;
            let rows = stmt.query_map([day_key(from), day_key(to)], run_from_row)?;
            rows.collect()
        })
    }

    /// The day's runs, in the order they ended.
    pub fn runs_on(&self, day: NaiveDate) -> Result<Vec<Run>> {
        self.read(|c| {
            let mut stmt =
                c.prepare_cached(&format!("SELECT {} FROM runs WHERE day = ?1 ORDER BY at", *COLUMNS))?;
            let rows = stmt.query_map([day_key(day)], run_from_row)?;
            rows.collect()
        })
    }
}
