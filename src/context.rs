//! What the command line and the dashboard both stand on: the clock, the day, the
//! config, the routine and the database location, each checked before anything is
//! opened; and the reads that combine the store with the rules (a day's verdict and
//! checklist, the verdicts over a range).

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::checklist::{Checklist, Shape};
use crate::domain::demo;
use crate::domain::pain::Pain;
use crate::domain::readiness::{self, Inputs, Level, Verdict};
use crate::domain::routine::Routine;
use crate::domain::targets;
use crate::domain::tomlfile::FileError;
use crate::domain::units::Units;
use crate::domain::values;
use crate::error::{Error, Result};
use crate::paths::{self, DbLocation};
use crate::store::Store;
use chrono::{Days, NaiveDate};
use std::ffi::OsString;
use std::path::PathBuf;

/// What a morning says about the day's checklist: its verdict and its pain.
struct Morning {
    verdict: Option<(Level, String)>,
    pain: Option<Pain>,
}

/// The global options as given (CLI.md "Global options").
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub db: Option<OsString>,
    pub config: Option<OsString>,
    pub date: Option<String>,
    pub demo: bool,
}

pub struct Context {
    pub clock: Clock,
    /// The local calendar day when the command started.
    pub today: NaiveDate,
    /// `--date`, else today.
    pub date: NaiveDate,
    /// Whether `--date` was given (an export then ends there, not at the last day stored).
    pub date_given: bool,
    pub config: Config,
    pub config_path: PathBuf,
    /// The user's routine, read and checked at the start like the config; the built-in
    /// one (no `routine.toml`) is parsed on first use, so commands without a checklist
    /// (`verdict`, `status`, …) never parse it. See [`Context::routine`].
    routine: std::sync::OnceLock<Routine>,
    pub db: DbLocation,
    /// The temporary folder of `--demo`, removed when the command ends.
    demo_dir: Option<tempfile::TempDir>,
    /// Whether [`Context::open_store`] opened the database and its folder is not swept yet.
    unswept: std::sync::atomic::AtomicBool,
}

fn file_error(err: FileError) -> Error {
    let place = match err.line {
        Some(line) => format!("{} line {line}", err.file),
        None => err.file,
    };
    Error::bad_input(err.message, place, "fix the file, or move it away to use the defaults")
}

impl Context {
    pub fn new(options: &Options, clock: Clock) -> Result<Context> {
        let today = clock.today();
        let date = match &options.date {
            Some(text) => values::parse_date(text, today).map_err(|e| {
                Error::bad_input(e.to_string(), "--date", "give a day as YYYY-MM-DD, up to today")
            })?,
            None => today,
        };
        let config_path = paths::config_path(options.config.clone())?;
        let config = Config::load(&config_path).map_err(file_error)?;
        let routine_path = paths::routine_path(&config_path);
        let routine = std::sync::OnceLock::new();
        if let Some(own) = crate::config::load_user_routine(&routine_path).map_err(file_error)? {
            let _ = routine.set(own);
        }
        let (db, demo_dir) = if options.demo {
            let dir = tempfile::Builder::new().prefix("cooldown-demo-").tempdir().map_err(|e| {
                Error::io(format!("cannot create a temporary folder: {e}"), "--demo", "check $TMPDIR")
            })?;
            (DbLocation { path: dir.path().join("demo.db"), is_default: false }, Some(dir))
        } else {
            (paths::db_location(options.db.clone())?, None)
        };
        let date_given = options.date.is_some();
        let unswept = std::sync::atomic::AtomicBool::new(false);
        let ctx =
            Context { clock, today, date, date_given, config, config_path, routine, db, demo_dir, unswept };
        if ctx.demo_dir.is_some() {
            let mut store = ctx.open_store()?;
            // The demo's history ends today; `--date` only picks the day to open.
            ctx.seed(&mut store, ctx.today, demo::DEFAULT_DAYS)?;
        }
        Ok(ctx)
    }

    pub fn is_demo(&self) -> bool {
        self.demo_dir.is_some()
    }

    /// The temporary folder of `--demo`, to remove if the process is ended by a signal.
    pub fn demo_dir(&self) -> Option<&std::path::Path> {
        self.demo_dir.as_ref().map(|d| d.path())
    }

    /// The routine: the user's `routine.toml`, else the built-in one.
    pub fn routine(&self) -> Result<&Routine> {
        if let Some(routine) = self.routine.get() {
            return Ok(routine);
        }
        let builtin = Routine::builtin().map_err(file_error)?;
        Ok(self.routine.get_or_init(|| builtin))
    }

    pub fn open_store(&self) -> Result<Store> {
        let store = Store::open(&self.db)?;
        self.unswept.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(store)
    }

    /// Once the database has been opened: removes the stale temporaries of ours in its
    /// folder (RELIABILITY.md rule 17), what a killed first run or migration backup left.
    /// Not part of opening, so no command waits on a folder listing before its work: the
    /// command line sweeps after its command, the dashboard after its first frame.
    pub fn sweep_db_folder(&self) {
        let opened = self.unswept.swap(false, std::sync::atomic::Ordering::Relaxed);
        if let (true, Some(dir)) = (opened, self.db.path.parent()) {
            crate::platform::sweep_stale(dir);
        }
    }

    /// Writes `days` of demo history ending on `end`.
    pub fn seed(&self, store: &mut Store, end: NaiveDate, days: u32) -> Result<()> {
        let history = demo::generate(end, days, self.routine()?, self.config.timers.foam_roll_seconds);
        Ok(store.write_history(&history, self.clock.now())?)
    }

    /// The readiness verdict for `day`, from the markers and load it can look back on.
    pub fn verdict(&self, store: &Store, day: NaiveDate) -> Result<Verdict> {
        let inputs = self.readiness_inputs(store, day, day)?;
        Ok(readiness::verdict(&inputs, day, &self.config.readiness))
    }

    /// What the rules need to rate every day from `from` to `to`: those days and each
    /// one's look-back.
    pub fn readiness_inputs(&self, store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Inputs> {
        let span = u64::from(self.config.readiness.lookback_days()) + (to - from).num_days().max(0) as u64;
        Ok(store.readiness_inputs(to, u32::try_from(span).unwrap_or(u32::MAX))?)
    }

    /// The verdict of every day from `from` to `to`, the rules' chain run once.
    pub fn verdicts(&self, store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<Verdict>> {
        let inputs = self.readiness_inputs(store, from, to)?;
        Ok(readiness::verdicts(&inputs, from, to, &self.config.readiness))
    }

    /// Only the levels of [`Context::verdicts`], from inputs already read.
    pub fn levels(&self, inputs: &Inputs, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, Level)> {
        if from > to {
            return Vec::new();
        }
        readiness::levels(inputs, from, to, &self.config.readiness)
    }

    /// The units the runner types and reads weights and distances in (`units` in the config).
    pub fn units(&self) -> Units {
        self.config.units
    }

    /// The checklist of `day`: its own routine, scaled to the most demanding run recorded
    /// that day and shaped by the morning's verdict, after the phases of the runs of the
    /// two days before that are still due on it (the 48-hour timeline across days). Its
    /// formulas name body weights in the runner's units.
    pub fn checklist(&self, store: &Store, day: NaiveDate) -> Result<Checklist> {
        self.checklist_in(store, day, self.units())
    }

    /// [`Context::checklist`] with its formulas in `units` (metric for JSON).
    pub fn checklist_in(&self, store: &Store, day: NaiveDate, units: Units) -> Result<Checklist> {
        let verdict = self.verdict(store, day)?;
        self.checklist_for(store, day, &verdict, units)
    }

    /// [`Context::checklist_in`] shaped by `verdict`, the day's verdict already computed
    /// (a load that shows both computes it once).
    pub fn checklist_for(
        &self,
        store: &Store,
        day: NaiveDate,
        verdict: &Verdict,
        units: Units,
    ) -> Result<Checklist> {
        let morning = Morning {
            verdict: Some((verdict.level, verdict.hint.clone())),
            pain: store.markers_on(day)?.and_then(|m| Pain::of(m.pain, m.pain_site.as_deref())),
        };
        let mut list = self.day_list(store, day, &morning, units)?;
        // Each carry goes in front: the day before first, then the one before that.
        for back in [1, 2] {
            let Some(earlier) = day.checked_sub_days(Days::new(back)) else { continue };
            if !store.runs_on(earlier)?.is_empty() {
                // What is left of it happens today: this morning decides its shape.
                list.carry(self.day_list(store, earlier, &morning, units)?);
            }
        }
        if let Some(pain) = morning.pain.as_ref().filter(|p| p.replaces()) {
            list.no_loading(pain, &store.ticks(day)?);
        }
        Ok(list)
    }

    /// One day's own checklist, shaped by the morning it is seen on.
    fn day_list(&self, store: &Store, day: NaiveDate, morning: &Morning, units: Units) -> Result<Checklist> {
        let ticks = store.ticks(day)?;
        let runs = store.runs_on(day)?;
        let before = day.pred_opt().map(|d| store.runs_on(d)).transpose()?.unwrap_or_default();
        let (from, to) = targets::morning_weight_days(day);
        let weight = store.latest_weight(from, to)?;
        let shape = Shape::for_day(&runs, &before, weight, morning.verdict.clone())
            .with_pain(morning.pain.clone())
            .in_units(units);
        Ok(Checklist::shaped(day, self.routine()?, &ticks, self.config.timers.foam_roll_seconds, &shape))
    }
}
