//! Reads over a span of days, for the trend charts and the calendar.

use super::errors::Result;
use super::{Store, day_key, parse_day};
use crate::domain::records::Tick;
use crate::domain::session::Session;
use chrono::NaiveDate;
use std::collections::BTreeMap;

impl Store {
    /// Each day's session from `from` to `to` (days without a run are absent).
    pub fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> Result<BTreeMap<NaiveDate, Session>> {
        self.read(|c| {
            let mut stmt =
                c.prepare_cached("SELECT day, type, minutes FROM runs WHERE day BETWEEN ?1 AND ?2")?;
            let mut runs: BTreeMap<NaiveDate, Vec<(Session, u32)>> = BTreeMap::new();
            let rows = stmt.query_map([day_key(from), day_key(to)], |r| {
                let day: String = r.get(0)?;
                let kind: String = r.get(1)?;
                Ok((parse_day(&day)?, Session::parse_run(&kind), r.get::<_, u32>(2)?))
            })?;
            for row in rows {
                let (day, kind, minutes) = row?;
                if let Some(kind) = kind {
                    runs.entry(day).or_default().push((kind, minutes));
                }
            }
            Ok(runs.into_iter().map(|(d, r)| (d, Session::of_day(r))).collect())
        })
    }

    /// Every tick from `from` to `to`, by day.
    pub fn ticks_between(&self, from: NaiveDate, to: NaiveDate) -> Result<BTreeMap<NaiveDate, Vec<Tick>>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT day, item_id, set_no FROM ticks WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
            )?;
            let mut out: BTreeMap<NaiveDate, Vec<Tick>> = BTreeMap::new();
            let rows = stmt.query_map([day_key(from), day_key(to)], |r| {
                let day: String = r.get(0)?;
                Ok((parse_day(&day)?, Tick { item_id: r.get(1)?, set: r.get(2)? }))
            })?;
            for row in rows {
                let (day, tick) = row?;
                out.entry(day).or_default().push(tick);
            }
            Ok(out)
        })
    }

    /// Calls `f` once per day that has ticks, from `from` to `to` in order, with that day's
    /// ticks — without holding more than one day in memory (the streaks read every day
    /// ever logged).
    pub fn for_each_ticked_day(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut f: impl FnMut(NaiveDate, &[Tick]),
    ) -> Result<()> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT day, item_id, set_no FROM ticks WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
            )?;
            let mut rows = stmt.query([day_key(from), day_key(to)])?;
            let mut current: Option<NaiveDate> = None;
            // The day's text as stored: a date is parsed once per day, not once per tick.
            let mut current_key = String::new();
            let mut ticks: Vec<Tick> = Vec::new();
            while let Some(r) = rows.next()? {
                let key = r.get_ref(0)?.as_str().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
                })?;
                if current.is_none() || key != current_key {
                    let day = parse_day(key)?;
                    if let Some(c) = current.filter(|c| *c != day) {
                        f(c, &ticks);
                        ticks.clear();
                    }
                    current = Some(day);
                    key.clone_into(&mut current_key);
                }
                ticks.push(Tick { item_id: r.get(1)?, set: r.get(2)? });
            }
            if let Some(day) = current {
                f(day, &ticks);
            }
            Ok(())
        })
    }

    /// Every tick with the time it was made: `(day, item, set, ticked_at)`, in order.
    pub fn tick_rows(&self) -> Result<Vec<(NaiveDate, String, u8, String)>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT day, item_id, set_no, ticked_at FROM ticks ORDER BY day, item_id, set_no",
            )?;
            let rows = stmt.query_map([], |r| {
                let day: String = r.get(0)?;
                Ok((parse_day(&day)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
            rows.collect()
        })
    }

    /// The last day anything was recorded: after a change of time zone (logged in
    /// Kiritimati, read in Pago Pago) it can be after today.
    pub fn last_day(&self) -> Result<Option<NaiveDate>> {
        self.read(|c| {
            let day: Option<String> = c.query_row(
                "SELECT max(day) FROM (SELECT max(day) AS day FROM markers UNION ALL SELECT max(day) FROM runs
                 UNION ALL SELECT max(day) FROM ticks)",
                [],
                |r| r.get(0),
            )?;
            day.map(|d| parse_day(&d)).transpose()
        })
    }

    /// The first day anything was recorded.
    pub fn first_day(&self) -> Result<Option<NaiveDate>> {
        self.read(|c| {
            let day: Option<String> = c.query_row(
                "SELECT min(day) FROM (SELECT min(day) AS day FROM markers UNION ALL SELECT min(day) FROM runs
                 UNION ALL SELECT min(day) FROM ticks)",
                [],
                |r| r.get(0),
            )?;
            day.map(|d| parse_day(&d)).transpose()
        })
    }
}
