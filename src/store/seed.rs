//! Writing many days at once — the generated demo history, an imported file — in one
//! transaction: all of it, or nothing.

use super::errors::Result;
use super::runs::{DEMO, insert_run};
use super::runs_import::{IdClash, check_ids, import_runs};
use super::{Store, Written, day_key, markers::upsert_markers, stamp};
use crate::domain::demo::History;
use crate::domain::records::{Markers, RunRow};
use chrono::NaiveDate;
use chrono::{DateTime, FixedOffset};
use rusqlite::params;

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
        let updated = stamp(now);
        let source = source_of(file);
        self.write(|tx| {
            let stored = match check_ids(tx, runs)? {
                Ok(stored) => stored,
                Err(clash) => return Ok(Err(clash)),
            };
            let mut m_tally = Tally::default();
            for (day, m) in markers {
                m_tally.add(upsert_markers(tx, *day, m, &updated)?);
            }
            let r_tally = import_runs(tx, runs, &stored, &source, &updated)?;
            Ok(Ok((m_tally, r_tally)))
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
