//! Morning markers: one row per day; saving names only the fields given and keeps the
//! others (CLI.md `cooldown log`: upsert).

use super::{Store, day_key, stamp};
use crate::domain::records::Markers;
use crate::error::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, params};

const FIELDS: [&str; 12] = [
    "rhr",
    "hrv",
    "sleep_hours",
    "sleep_quality",
    "soreness",
    "pain",
    "pain_site",
    "hop_cm",
    "balance_s",
    "weight_kg",
    "ill",
    "note",
];

pub(super) fn upsert_markers(
    tx: &rusqlite::Connection,
    day: NaiveDate,
    m: &Markers,
    updated: &str,
) -> rusqlite::Result<()> {
    let keep: Vec<String> = FIELDS
        .iter()
        .map(|f| format!("{f} = coalesce(excluded.{f}, {f})"))
        .collect();
    let sql = format!(
        "INSERT INTO markers (day, {}, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (day) DO UPDATE SET {}, updated_at = excluded.updated_at",
        FIELDS.join(", "),
        keep.join(", ")
    );
    tx.prepare_cached(&sql)?.execute(params![
        day_key(day),
        m.rhr,
        m.hrv,
        m.sleep_hours,
        m.sleep_quality,
        m.soreness,
        m.pain,
        m.pain_site,
        m.hop_cm,
        m.balance_s,
        m.weight_kg,
        m.ill,
        m.note,
        updated
    ])?;
    Ok(())
}

impl Store {
    /// Saves the fields of `m` that are set, keeping the day's other fields.
    pub fn save_markers(
        &mut self,
        day: NaiveDate,
        m: &Markers,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        let updated = stamp(now);
        self.write(|tx| upsert_markers(tx, day, m, &updated))
    }

    /// The day's markers, if any were logged.
    pub fn markers_on(&self, day: NaiveDate) -> Result<Option<Markers>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {} FROM markers WHERE day = ?1", FIELDS.join(", ")),
                [day_key(day)],
                |r| {
                    Ok(Markers {
                        rhr: r.get(0)?,
                        hrv: r.get(1)?,
                        sleep_hours: r.get(2)?,
                        sleep_quality: r.get(3)?,
                        soreness: r.get(4)?,
                        pain: r.get(5)?,
                        pain_site: r.get(6)?,
                        hop_cm: r.get(7)?,
                        balance_s: r.get(8)?,
                        weight_kg: r.get(9)?,
                        ill: r.get(10)?,
                        note: r.get(11)?,
                    })
                },
            )
            .optional()
        })
    }
}
