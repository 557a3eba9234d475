//! Writing many days at once — the generated demo history, an imported file — in one
//! transaction: all of it, or nothing.

use super::errors::Result;
use super::runs::{DEMO, insert_run};
use super::runs_import::{IdClash, check_ids, import_runs};
use super::ticks_import::import_ticks;
use super::{Store, Written, day_key, markers::upsert_markers, stamp};
use crate::domain::activity::Activity;
use crate::domain::demo::History;
use crate::domain::records::{Markers, RunRow, Tick};
use chrono::NaiveDate;
use chrono::{DateTime, FixedOffset};
use rusqlite::params;
use std::collections::HashMap;

impl Store {
    /// Writes `history` all or nothing.
    pub fn write_history(&mut self, history: &History, now: DateTime<FixedOffset>) -> Result<()> {
        let updated = stamp(now);
        self.write(|tx| {
            for (day, m) in &history.markers {
                upsert_markers(tx, *day, m, &updated)?;
            }
            for run in &history.runs {
                insert_run(tx, run, DEMO, &updated)?;
            }
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO ticks (day, item_id, set_no, ticked_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (day, tick) in &history.ticks {
                stmt.execute(params![day_key(*day), tick.item_id, tick.set, updated])?;
            }
            Ok(())
        })
    }
}

/// How many rows an import added, changed, or found already the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub changed: usize,
    pub same: usize,
}

impl Tally {
    /// Every row it counts.
    pub fn total(&self) -> usize {
        self.new + self.changed + self.same
    }

    fn add_all(&mut self, other: Tally) {
        self.new += other.new;
        self.changed += other.changed;
        self.same += other.same;
    }

    pub(super) fn add(&mut self, w: Written) {
        match w {
            Written::New => self.new += 1,
            Written::Changed => self.changed += 1,
            Written::Same => self.same += 1,
        }
    }
}

/// The longest file name kept in a run's `source` (the column allows 300 characters).
const SOURCE_CHARS: usize = 200;

/// `import:` and the file's name (its last part; control characters replaced, shortened).
fn source_of(file: &str) -> String {
    let name = std::path::Path::new(file).file_name().map_or(file.into(), |n| n.to_string_lossy());
    let clean: String =
        name.chars().map(|c| if c.is_control() { '?' } else { c }).take(SOURCE_CHARS).collect();
    format!("{}{}", super::runs::IMPORT, if clean.is_empty() { "?".into() } else { clean })
}

/// One imported file's markers and runs, with the name its runs' source keeps.
#[derive(Clone, Copy, Debug)]
pub struct Batch<'a> {
    pub file: &'a str,
    pub markers: &'a [(NaiveDate, Markers)],
    pub runs: &'a [RunRow],
}

/// What an import did, per kind of record. A day several files touch counts once, as the
/// most it saw done to it (new, else changed, else the same).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub markers: Tally,
    pub runs: Tally,
    pub activities: Tally,
    pub ticks: Tally,
}

fn rank(w: Written) -> u8 {
    match w {
        Written::Same => 0,
        Written::Changed => 1,
        Written::New => 2,
    }
}

impl Store {
    /// Stores imported rows, all or nothing: markers upsert per day (fields a row leaves
    /// empty are kept); runs as `runs_import` matches them, each new one with `file` as
    /// its source. Returns the tallies for markers and runs, or — with nothing written — the
    /// first row whose id names a run of another day.
    pub fn import_rows(
        &mut self,
        markers: &[(NaiveDate, Markers)],
        runs: &[RunRow],
        file: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<std::result::Result<(Tally, Tally), IdClash>> {
        let batch = Batch { file, markers, runs };
        let done = self.import_all(&[batch], &[], &[], now, true)?;
        Ok(done.map(|s| (s.markers, s.runs)).map_err(|(_, clash)| clash))
    }

    /// Stores every file of an import in ONE transaction: each batch's markers and runs (as
    /// `import_rows`), then `ticks` (each added once) and `activities`
    /// (`activities::merge`). With `commit` false it is all rolled back after: the summary
    /// of a dry run is exactly the real one's. A row whose id names a run of another day
    /// stops it with nothing written: its file and the clash.
    pub fn import_all(
        &mut self,
        batches: &[Batch<'_>],
        ticks: &[(NaiveDate, Tick)],
        activities: &[Activity],
        now: DateTime<FixedOffset>,
        commit: bool,
    ) -> Result<std::result::Result<Summary, (String, IdClash)>> {
        let updated = stamp(now);
        self.write_or_try(commit, |tx| {
            let mut checked = Vec::with_capacity(batches.len());
            for b in batches {
                match check_ids(tx, b.runs)? {
                    Ok(stored) => checked.push(stored),
                    Err(clash) => return Ok(Err((b.file.to_string(), clash))),
                }
            }
            let mut summary = Summary::default();
            let mut days: HashMap<NaiveDate, Written> = HashMap::new();
            for (b, stored) in batches.iter().zip(&checked) {
                for (day, m) in b.markers {
                    let w = upsert_markers(tx, *day, m, &updated)?;
                    let seen = days.entry(*day).or_insert(w);
                    if rank(w) > rank(*seen) {
                        *seen = w;
                    }
                }
                let runs = import_runs(tx, b.runs, stored, &source_of(b.file), &updated)?;
                summary.runs.add_all(runs);
            }
            days.into_values().for_each(|w| summary.markers.add(w));
            summary.ticks = import_ticks(tx, ticks, &updated)?;
            summary.activities = super::activities::merge(tx, activities, &updated)?;
            Ok(Ok(summary))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{SOURCE_CHARS, source_of};

    #[test]
    fn a_source_is_the_files_own_name_cleaned() {
        assert_eq!(source_of("/home/r/Downloads/runs.csv"), "import:runs.csv");
        assert_eq!(source_of("stdin"), "import:stdin");
        assert_eq!(source_of("a\u{1b}[31m.csv"), "import:a?[31m.csv");
        assert_eq!(source_of(""), "import:?");
        assert_eq!(source_of(&"x".repeat(400)).chars().count(), 7 + SOURCE_CHARS);
    }
}
