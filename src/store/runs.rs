//! Runs: upserted by day and end time, so recording the same run twice replaces it.

use super::{Store, Written, day_key, exists, parse_day, stamp};
use crate::domain::records::Run;
use crate::domain::session::Session;
use crate::error::Result;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use rusqlite::{Row, params};

/// Whether a run was new or replaced one recorded earlier with the same day and end time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    New,
    Replaced,
}

const COLUMNS: &str = "day, at, type, minutes, km, rpe, weight_before_kg, weight_after_kg, fluid_l, note";

fn run_from_row(r: &Row) -> rusqlite::Result<Run> {
    let day: String = r.get(0)?;
    let at: String = r.get(1)?;
    let kind: String = r.get(2)?;
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, what.to_string().into())
    };
    Ok(Run {
        day: parse_day(&day)?,
        at: NaiveTime::parse_from_str(&at, "%H:%M").map_err(|_| bad("run time"))?,
        kind: Session::parse_run(&kind).ok_or_else(|| bad("run type"))?,
        minutes: r.get(3)?,
        km: r.get(4)?,
        rpe: r.get(5)?,
        weight_before_kg: r.get(6)?,
        weight_after_kg: r.get(7)?,
        fluid_l: r.get(8)?,
        note: r.get(9)?,
    })
}

pub(super) fn insert_run(tx: &rusqlite::Connection, run: &Run, updated: &str) -> rusqlite::Result<Written> {
    let day = day_key(run.day);
    let at = run.at.format("%H:%M").to_string();
    let existed = exists(tx, "SELECT EXISTS (SELECT 1 FROM runs WHERE day = ?1 AND at = ?2)", &[&day, &at])?;
    let changed = tx.execute(
        &format!(
            "INSERT INTO runs ({COLUMNS}, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (day, at) DO UPDATE SET type = excluded.type, minutes = excluded.minutes,
               km = excluded.km, rpe = excluded.rpe, weight_before_kg = excluded.weight_before_kg,
               weight_after_kg = excluded.weight_after_kg, fluid_l = excluded.fluid_l,
               note = excluded.note, updated_at = excluded.updated_at
             WHERE type IS NOT excluded.type OR minutes IS NOT excluded.minutes OR km IS NOT excluded.km
               OR rpe IS NOT excluded.rpe OR weight_before_kg IS NOT excluded.weight_before_kg
               OR weight_after_kg IS NOT excluded.weight_after_kg OR fluid_l IS NOT excluded.fluid_l
               OR note IS NOT excluded.note"
        ),
        params![
            day,
            at,
            run.kind.name(),
            run.minutes,
            run.km,
            run.rpe,
            run.weight_before_kg,
            run.weight_after_kg,
            run.fluid_l,
            run.note,
            updated
        ],
    )?;
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
                "SELECT {COLUMNS} FROM runs WHERE day < ?1 ORDER BY day DESC, at DESC LIMIT 1"
            ))?;
            let mut rows = stmt.query_map([day_key(day)], run_from_row)?;
            rows.next().transpose()
        })
    }

    /// Every run from `from` to `to`, by day and end time.
    pub fn runs_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Run>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM runs WHERE day BETWEEN ?1 AND ?2 ORDER BY day, at"
            ))?;
            let rows = stmt.query_map([day_key(from), day_key(to)], run_from_row)?;
            rows.collect()
        })
    }

    /// The day's runs, in the order they ended.
    pub fn runs_on(&self, day: NaiveDate) -> Result<Vec<Run>> {
        self.read(|c| {
            let mut stmt =
                c.prepare_cached(&format!("SELECT {COLUMNS} FROM runs WHERE day = ?1 ORDER BY at"))?;
            let rows = stmt.query_map([day_key(day)], run_from_row)?;
            rows.collect()
        })
    }
}
