//! Runs: each has its own id. Recording a run always adds one — a second run ending in
//! the same minute is a second run — and an import changes a stored run only when a row
//! names its id (`runs_import`).

use super::errors::Result;
use super::fields::{bind_all, columns, placeholders, read};
use super::{Store, day_key, parse_day, stamp};
use crate::domain::records::{RUN_FIELDS, Run};
use crate::domain::session::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use rusqlite::Row;
use rusqlite::types::Value as Sql;
use std::sync::LazyLock;

/// Where a run came from (the `source` column): typed by the runner.
pub(super) const MANUAL: &str = "manual";
/// The generated demo history.
pub(super) const DEMO: &str = "demo";
/// An imported run: `import:` and its file's name.
pub(super) const IMPORT: &str = "import:";

/// Where a stored run came from (its `source` column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunSource {
    /// Typed by the runner, on the command line or in the dashboard.
    Manual,
    /// The generated demo history.
    Demo,
    /// Imported from the file of this name (its last part, control characters replaced).
    File(String),
}

impl RunSource {
    fn of(column: &str) -> RunSource {
        match column {
            MANUAL => RunSource::Manual,
            DEMO => RunSource::Demo,
            other => RunSource::File(other.strip_prefix(IMPORT).unwrap_or(other).to_string()),
        }
    }

    /// As a list shows it: `manual`, `demo`, or the file's name.
    pub fn label(&self) -> &str {
        match self {
            RunSource::Manual => MANUAL,
            RunSource::Demo => DEMO,
            RunSource::File(name) => name,
        }
    }
}

/// A stored run and where it came from (`Store::runs_listed`).
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// Its `id` is always set.
    pub run: Run,
    pub source: RunSource,
}

/// A run as it was before an edit and as it is after (`Store::edit_run`); equal when the
/// edit changed nothing. Both have the run's id.
#[derive(Clone, Debug, PartialEq)]
pub struct RunEdit {
    pub before: Run,
    pub after: Run,
}

/// `id, day` and the fields of `RUN_FIELDS`: what `run_from_row` reads.
pub(super) static SELECT: LazyLock<String> = LazyLock::new(|| format!("id, day, {}", columns(&RUN_FIELDS)));

pub(super) fn run_from_row(r: &Row) -> rusqlite::Result<Run> {
    let day: String = r.get(1)?;
    let mut run = Run::new(parse_day(&day)?, NaiveTime::MIN, Session::Easy, 1);
    run.id = Some(r.get(0)?);
    read(&RUN_FIELDS, r, 2, &mut run)?;
    Ok(run)
}

static INSERT: LazyLock<String> = LazyLock::new(|| {
    let n = RUN_FIELDS.len();
    format!(
        "INSERT INTO runs (id, day, {}, source, updated_at) VALUES (?1, ?2, {}, ?{}, ?{})",
        columns(&RUN_FIELDS),
        placeholders(&RUN_FIELDS, 3),
        n + 3,
        n + 4
    )
});

static UPDATE: LazyLock<String> = LazyLock::new(|| {
    let set: Vec<String> =
        RUN_FIELDS.iter().enumerate().map(|(i, s)| format!("{} = ?{}", s.column, i + 2)).collect();
    format!("UPDATE runs SET {}, updated_at = ?{} WHERE id = ?1", set.join(", "), RUN_FIELDS.len() + 2)
});

/// Adds `run` as a run of its own and returns its id: `run.id` when it has one (an import
/// of a run this database does not hold yet keeps the id its file gives), else a new id.
pub(super) fn insert_run(
    tx: &rusqlite::Connection,
    run: &Run,
    source: &str,
    updated: &str,
) -> rusqlite::Result<i64> {
    let id = run.id.map_or(Sql::Null, Sql::Integer);
    let values = [id, Sql::Text(day_key(run.day))]
        .into_iter()
        .chain(bind_all(&RUN_FIELDS, run))
        .chain([Sql::Text(source.to_string()), Sql::Text(updated.to_string())]);
    tx.prepare_cached(&INSERT)?.execute(rusqlite::params_from_iter(values))?;
    Ok(tx.last_insert_rowid())
}

/// Sets every field of the run `id` (not its day or source) to those of `run`.
pub(super) fn update_run(
    tx: &rusqlite::Connection,
    id: i64,
    run: &Run,
    updated: &str,
) -> rusqlite::Result<()> {
    let values = std::iter::once(Sql::Integer(id))
        .chain(bind_all(&RUN_FIELDS, run))
        .chain(std::iter::once(Sql::Text(updated.to_string())));
    tx.prepare_cached(&UPDATE)?.execute(rusqlite::params_from_iter(values)).map(drop)
}

/// The run with this id, if there is one.
pub(super) fn run_by_id(c: &rusqlite::Connection, id: i64) -> rusqlite::Result<Option<Run>> {
    let mut stmt = c.prepare_cached(&format!("SELECT {} FROM runs WHERE id = ?1", *SELECT))?;
    let mut rows = stmt.query_map([id], run_from_row)?;
    rows.next().transpose()
}

impl Store {
    /// Records `run` as a new run (any id it carries is ignored) and returns its id. Runs
    /// already stored are never touched, whatever their day and end time.
    pub fn save_run(&mut self, run: &Run, now: DateTime<FixedOffset>) -> Result<i64> {
        let updated = stamp(now);
        let new = Run { id: None, ..run.clone() };
        self.write(|tx| insert_run(tx, &new, MANUAL, &updated))
    }

    /// The run with this id.
    pub fn run(&self, id: i64) -> Result<Option<Run>> {
        self.read(|c| run_by_id(c, id))
    }

    /// Every run from `from` to `to` with where it came from, by day, end time and id
    /// (`cooldown runs`, the dashboard's Log screen).
    pub fn runs_listed(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Listed>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {}, source FROM runs WHERE day BETWEEN ?1 AND ?2 ORDER BY day, at, id",
                *SELECT
            ))?;
            let rows = stmt.query_map([day_key(from), day_key(to)], |r| {
                let source: String = r.get(RUN_FIELDS.len() + 2)?;
                Ok(Listed { run: run_from_row(r)?, source: RunSource::of(&source) })
            })?;
            rows.collect()
        })
    }

    /// Sets every field of the run `id` — and its day — to those of `run` (its `id` is
    /// ignored), in one transaction, keeping its source. Returns the run as it was just
    /// before and as it is now; `None`, with nothing written, when there is no run `id`.
    /// Equal before and after, nothing is written. `run` is the whole run as it should be,
    /// checked by the caller as a new run is (`domain::entry::edited_run`).
    pub fn edit_run(&mut self, id: i64, run: &Run, now: DateTime<FixedOffset>) -> Result<Option<RunEdit>> {
        let updated = stamp(now);
        let wanted = Run { id: Some(id), ..run.clone() };
        self.write(|tx| {
            let Some(before) = run_by_id(tx, id)? else { return Ok(None) };
            if before != wanted {
                update_run(tx, id, &wanted, &updated)?;
                tx.prepare_cached("UPDATE runs SET day = ?2 WHERE id = ?1")?
                    .execute((id, day_key(wanted.day)))?;
            }
            let after = run_by_id(tx, id)?.unwrap_or(wanted);
            Ok(Some(RunEdit { before, after }))
        })
    }

    /// Deletes the run `id` and returns it; `None`, with nothing written, when there is no
    /// such run. The ticks of its day stay: they belong to the day, not to the run.
    pub fn delete_run(&mut self, id: i64) -> Result<Option<Run>> {
        self.write(|tx| {
            let Some(run) = run_by_id(tx, id)? else { return Ok(None) };
            tx.prepare_cached("DELETE FROM runs WHERE id = ?1")?.execute([id])?;
            Ok(Some(run))
        })
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
                "SELECT {} FROM runs WHERE day < ?1 ORDER BY day DESC, at DESC, id DESC LIMIT 1",
                *SELECT
            ))?;
            let mut rows = stmt.query_map([day_key(day)], run_from_row)?;
            rows.next().transpose()
        })
    }

    /// Every run from `from` to `to`, by day, end time and id.
    pub fn runs_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Run>> {
        self.read(|c| runs_between(c, from, to))
    }

    /// The day's runs, in the order they ended (and were recorded).
    pub fn runs_on(&self, day: NaiveDate) -> Result<Vec<Run>> {
        self.runs_between(day, day)
    }
}

pub(super) fn runs_between(
    c: &rusqlite::Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> rusqlite::Result<Vec<Run>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT {} FROM runs WHERE day BETWEEN ?1 AND ?2 ORDER BY day, at, id",
        *SELECT
    ))?;
    let rows = stmt.query_map([day_key(from), day_key(to)], run_from_row)?;
    rows.collect()
}
