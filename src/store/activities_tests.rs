use super::*;
use crate::domain::session::Session;
use crate::exchange::activity::{read_fit, read_gpx, read_tcx};
use crate::store::RunSource;
use crate::store::Store;
use crate::store::errors::Result;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

/// Stores `acts` as runs in a transaction of their own (the import itself stores them with
/// everything else in one: `Store::import_all` calls `merge`).
impl Store {
    fn import_activities(&mut self, acts: &[Activity], now: DateTime<FixedOffset>) -> Result<Tally> {
        let updated = crate::store::stamp(now);
        self.write(|tx| merge(tx, acts, &updated))
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T12:00:00+01:00").unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_path(&dir.path().join("cooldown.db")).unwrap();
    (dir, store)
}

fn all_runs(store: &Store) -> Vec<crate::store::Listed> {
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    store.runs_listed(from, NaiveDate::from_ymd_opt(2100, 1, 1).unwrap()).unwrap()
}

fn tally(new: usize, changed: usize, same: usize) -> Tally {
    Tally { new, changed, same }
}

/// The running session of the multisport FIT fixture (UTC+2 on the watch).
fn fit_run() -> Activity {
    let got = read_fit(&fixture("fit/sample_mulitple_header.fit"), "tri.fit").unwrap();
    got.activities.into_iter().find(|a| a.running).unwrap()
}

#[test]
fn the_same_fit_file_twice_is_one_run_unchanged_the_second_time() {
    let (_dir, mut store) = store();
    let acts = read_fit(&fixture("fit/sample_mulitple_header.fit"), "tri.fit").unwrap().activities;
    assert_eq!(store.import_activities(&acts, now()).unwrap(), tally(3, 0, 0));
    assert_eq!(store.import_activities(&acts, now()).unwrap(), tally(0, 0, 3));
    let runs = all_runs(&store);
    assert_eq!(runs.len(), 3);
    let run = runs.iter().find(|l| l.run.kind == Session::Easy).unwrap();
    assert_eq!(run.run.day, NaiveDate::from_ymd_opt(2018, 5, 27).unwrap());
    assert_eq!(run.run.at, NaiveTime::from_hms_opt(12, 11, 0).unwrap(), "the end on the watch's clock");
    assert_eq!((run.run.minutes, run.run.km), (48, Some(9.81)));
    assert_eq!(run.source, RunSource::File("tri.fit".into()));
    let kinds: Vec<Session> = runs.iter().map(|l| l.run.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == Session::Cross).count(), 2, "the swim and the ride");
}

#[test]
fn the_gpx_of_a_run_whose_fit_came_first_is_that_run() {
    let (_dir, mut store) = store();
    let fit = fit_run();
    assert_eq!(store.import_activities(std::slice::from_ref(&fit), now()).unwrap(), tally(1, 0, 0));
    // The GPX keeps UTC only; on a computer in the watch's zone it reads the same wall clock.
    let mut gpx = read_gpx(&fixture("gpx/run.gpx"), "run.gpx").unwrap().activities.remove(0);
    gpx.start = gpx.start.with_timezone(fit.start.offset());
    gpx.end = gpx.end.with_timezone(fit.end.offset());
    assert_eq!(store.import_activities(std::slice::from_ref(&gpx), now()).unwrap(), tally(0, 0, 1));
    assert_eq!(store.import_activities(&[fit, gpx], now()).unwrap(), tally(0, 0, 2));
    let runs = all_runs(&store);
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].run.km, Some(9.81), "the first file's distance stays");
}

#[test]
fn the_fit_and_gpx_of_one_run_in_one_import_are_one_run() {
    let (_dir, mut store) = store();
    let fit = fit_run();
    let mut gpx = read_gpx(&fixture("gpx/run.gpx"), "run.gpx").unwrap().activities.remove(0);
    gpx.start = gpx.start.with_timezone(fit.start.offset());
    gpx.end = gpx.end.with_timezone(fit.end.offset());
    assert_eq!(store.import_activities(&[fit, gpx], now()).unwrap(), tally(1, 0, 1));
    assert_eq!(all_runs(&store).len(), 1);
}

#[test]
fn a_typed_run_at_the_same_time_keeps_what_the_runner_typed_and_gains_the_distance() {
    let (_dir, mut store) = store();
    let day = NaiveDate::from_ymd_opt(2018, 5, 27).unwrap();
    // Typed from memory: ended 12:15, 50 minutes, tempo, RPE 7, a note and weights.
    let mut typed = Run::new(day, NaiveTime::from_hms_opt(12, 15, 0).unwrap(), Session::Tempo, 50);
    typed.rpe = Some(7);
    typed.note = Some("legs heavy".into());
    typed.weight_before_kg = Some(70.2);
    let id = store.save_run(&typed, now()).unwrap();
    let fit = fit_run();
    assert_eq!(store.import_activities(std::slice::from_ref(&fit), now()).unwrap(), tally(0, 1, 0));
    let runs = all_runs(&store);
    assert_eq!(runs.len(), 1);
    let want = Run { id: Some(id), km: Some(9.81), ..typed };
    assert_eq!(runs[0].run, want);
    assert_eq!(runs[0].source, RunSource::Manual);
    // Its source id is set now: the same file again matches it directly.
    assert_eq!(store.import_activities(&[fit], now()).unwrap(), tally(0, 0, 1));
    assert_eq!(all_runs(&store)[0].run, want);
}

#[test]
fn a_run_that_overlaps_less_than_half_is_another_run() {
    let (_dir, mut store) = store();
    let day = NaiveDate::from_ymd_opt(2018, 5, 27).unwrap();
    // 10:00–11:40 against the file's 11:23–12:11: 17 of the shorter 47.5 minutes.
    store
        .save_run(&Run::new(day, NaiveTime::from_hms_opt(11, 40, 0).unwrap(), Session::Long, 100), now())
        .unwrap();
    assert_eq!(store.import_activities(&[fit_run()], now()).unwrap(), tally(1, 0, 0));
    assert_eq!(all_runs(&store).len(), 2);
}

#[test]
fn a_cycling_file_is_cross_training_with_its_sport_as_note() {
    let (_dir, mut store) = store();
    let acts = read_fit(&fixture("fit/garmin-fenix-5-bike.fit"), "bike.fit").unwrap().activities;
    assert_eq!(store.import_activities(&acts, now()).unwrap(), tally(1, 0, 0));
    let run = &all_runs(&store)[0].run;
    assert_eq!((run.kind, run.minutes, run.note.as_deref()), (Session::Cross, 1, Some("cycling")));
    assert_eq!(
        (run.day, run.at),
        (NaiveDate::from_ymd_opt(2017, 6, 12).unwrap(), NaiveTime::from_hms_opt(9, 10, 0).unwrap())
    );
}

#[test]
fn a_long_tcx_run_is_long() {
    let (_dir, mut store) = store();
    let acts = read_tcx(&fixture("tcx/run.tcx"), "run.tcx").unwrap().activities;
    assert_eq!(store.import_activities(&acts, now()).unwrap(), tally(1, 0, 0));
    let run = &all_runs(&store)[0].run;
    assert_eq!((run.kind, run.minutes, run.km), (Session::Long, 90, Some(18.0)));
}

#[test]
fn a_failed_import_stores_nothing() {
    let (_dir, mut store) = store();
    let mut bad = fit_run();
    bad.source_id = "x".repeat(300);
    bad.start += chrono::Duration::days(1);
    bad.end += chrono::Duration::days(1);
    assert!(store.import_activities(&[fit_run(), bad], now()).is_err());
    assert!(all_runs(&store).is_empty(), "all or nothing");
}
