//! Morning markers: one row per day; saving names only the fields given and keeps the
//! others (CLI.md `cooldown log`: upsert).

use super::errors::Result;
use super::fields::{bind_all, columns, placeholders, read};
use super::{Store, Written, day_key, exists, parse_day, stamp};
use crate::domain::records::{MARKER_FIELDS, Markers};
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::types::Value as Sql;

pub(super) fn upsert_markers(
    tx: &rusqlite::Connection,
    day: NaiveDate,
    m: &Markers,
    updated: &str,
) -> rusqlite::Result<Written> {
    let fields = MARKER_FIELDS.iter().map(|s| s.column);
    let keep: Vec<String> = fields.clone().map(|f| format!("{f} = coalesce(excluded.{f}, {f})")).collect();
    let differs: Vec<String> = fields.map(|f| format!("coalesce(excluded.{f}, {f}) IS NOT {f}")).collect();
    let sql = format!(
        "INSERT INTO markers (day, {}, updated_at) VALUES (?1, {}, ?{})
         ON CONFLICT (day) DO UPDATE SET {}, updated_at = excluded.updated_at WHERE {}",
        columns(&MARKER_FIELDS),
        placeholders(&MARKER_FIELDS, 2),
        MARKER_FIELDS.len() + 2,
        keep.join(", "),
        differs.join(" OR ")
    );
    let existed = exists(tx, "SELECT EXISTS (SELECT 1 FROM markers WHERE day = ?1)", &[&day_key(day)])?;
    let values = std::iter::once(Sql::Text(day_key(day)))
        .chain(bind_all(&MARKER_FIELDS, m))
        .chain(std::iter::once(Sql::Text(updated.to_string())));
    let changed = tx.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
    Ok(Written::of(existed, changed))
}

impl Store {
    /// Saves the fields of `m` that are set, keeping the day's other fields.
    pub fn save_markers(&mut self, day: NaiveDate, m: &Markers, now: DateTime<FixedOffset>) -> Result<()> {
        let updated = stamp(now);
        self.write(|tx| upsert_markers(tx, day, m, &updated)).map(drop)
    }

    /// Sets exactly `fields` (columns of `MARKER_FIELDS`) of the day to their values in `m`
    /// — `None` clears one — and keeps every other field as it is in the database, in one
    /// transaction. The dashboard's form saves what the user changed this way, so a value
    /// logged meanwhile from another terminal is never overwritten with the form's stale
    /// copy. A day left with nothing logged is deleted; a day left as it was is not
    /// written. Returns the day's markers as they were just before (empty when none were
    /// logged).
    pub fn edit_markers(
        &mut self,
        day: NaiveDate,
        m: &Markers,
        fields: &[&str],
        now: DateTime<FixedOffset>,
    ) -> Result<Markers> {
        if fields.is_empty() {
            return Ok(self.markers_on(day)?.unwrap_or_default());
        }
        let updated = stamp(now);
        self.write(|tx| {
            let before = read_day(tx, day)?.unwrap_or_default();
            let mut merged = before.clone();
            for field in fields {
                merged.take(m, field);
            }
            if merged == before {
                return Ok(before);
            }
            tx.execute("DELETE FROM markers WHERE day = ?1", [day_key(day)])?;
            if !merged.is_empty() {
                upsert_markers(tx, day, &merged, &updated)?;
            }
            Ok(before)
        })
    }

    /// Clears `fields` (columns of `MARKER_FIELDS`) of the day in one transaction, keeping
    /// the others; a day left with nothing logged is deleted. Returns the fields that held
    /// a value, in table order (the others were not logged anyway).
    pub fn clear_markers(
        &mut self,
        day: NaiveDate,
        fields: &[&str],
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<&'static str>> {
        let before = self.edit_markers(day, &Markers::default(), fields, now)?;
        Ok(before.held(fields))
    }

    /// The day's markers, if any were logged.
    pub fn markers_on(&self, day: NaiveDate) -> Result<Option<Markers>> {
        Ok(self.markers_between(day, day)?.into_iter().next().map(|(_, m)| m))
    }

    /// The latest morning weight from `from` to `to`.
    pub fn latest_weight(&self, from: NaiveDate, to: NaiveDate) -> Result<Option<f64>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT weight_kg FROM markers WHERE day BETWEEN ?1 AND ?2 AND weight_kg IS NOT NULL
                 ORDER BY day DESC LIMIT 1",
            )?;
            let mut rows = stmt.query_map([day_key(from), day_key(to)], |r| r.get(0))?;
            rows.next().transpose()
        })
    }

    /// Every logged morning from `from` to `to`, oldest first.
    pub fn markers_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Markers)>> {
        self.read(|c| read_between(c, from, to))
    }
}

fn read_between(
    c: &rusqlite::Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> rusqlite::Result<Vec<(NaiveDate, Markers)>> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT day, {} FROM markers WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
        columns(&MARKER_FIELDS)
    ))?;
    let rows = stmt.query_map([day_key(from), day_key(to)], |r| {
        let day: String = r.get(0)?;
        let mut m = Markers::default();
        read(&MARKER_FIELDS, r, 1, &mut m)?;
        Ok((parse_day(&day)?, m))
    })?;
    rows.collect()
}

fn read_day(c: &rusqlite::Connection, day: NaiveDate) -> rusqlite::Result<Option<Markers>> {
    Ok(read_between(c, day, day)?.into_iter().next().map(|(_, m)| m))
}
