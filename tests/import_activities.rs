//! `cooldown import` of watch and app activity files (FIT, GPX, TCX) through the real
//! binary: the rows each fixture gives, `--dry-run` writing nothing, one run per real run,
//! times independent of the computer's zone, and corrupt FIT files refused in one line.
//! They need the import framework (issue 17 A): ignored until it lands.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};
use serde_json::Value;
use std::path::PathBuf;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// Every run stored, as `runs --json` gives it: the fixtures go back to 2012, so two
/// windows of ten years (the most `runs` lists at once), each run once.
fn runs(s: &Sandbox) -> Vec<Value> {
    let mut all: Vec<Value> = Vec::new();
    for date in ["2016-12-31", "2026-11-28"] {
        let out = s.cmd().args(["--date", date, "runs", "--days", "3650", "--json"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        for run in serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap() {
            if !all.iter().any(|r| r["id"] == run["id"]) {
                all.push(run.clone());
            }
        }
    }
    all.sort_by_key(|r| r["id"].as_i64());
    all
}

fn import(s: &Sandbox, tz: &str, paths: &[&str]) -> std::process::Output {
    let mut c = s.cmd();
    c.env("TZ", tz).arg("import");
    for p in paths {
        c.arg(fixture(p));
    }
    c.output().unwrap()
}

fn brief(run: &Value) -> String {
    format!(
        "{} {} {} {} {} {}",
        run["date"], run["at"], run["type"], run["minutes"], run["km"], run["source"]
    )
}

#[test]
fn each_format_imports_its_runs_and_a_dry_run_writes_nothing() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "fit/sample_mulitple_header.fit",
            &[
                r#""2018-05-27" "10:06" "cross" 33 1.64 "sample_mulitple_header.fit""#,
                r#""2018-05-27" "11:22" "cross" 74 40.91 "sample_mulitple_header.fit""#,
                r#""2018-05-27" "12:11" "easy" 48 9.81 "sample_mulitple_header.fit""#,
            ],
        ),
        ("gpx/run.gpx", &[r#""2018-05-27" "12:11" "easy" 48 5.05 "run.gpx""#]),
        ("gpx/strava-bom-crlf.gpx", &[r#""2026-11-20" "08:05" "easy" 36 2.04 "strava-bom-crlf.gpx""#]),
        ("tcx/run.tcx", &[r#""2026-11-22" "09:32" "long" 90 18 "run.tcx""#]),
    ];
    for (file, want) in cases {
        let s = Sandbox::new();
        s.cmd().arg("runs").assert().success();
        let before = sha256(&s.db());
        let out = s
            .cmd()
            .env("TZ", "Europe/Paris")
            .args(["import", "--dry-run"])
            .arg(fixture(file))
            .output()
            .unwrap();
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(sha256(&s.db()), before, "{file}: a dry run writes nothing");
        let out = import(&s, "Europe/Paris", &[file]);
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        let got: Vec<String> = runs(&s).iter().map(brief).collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn the_same_fit_twice_and_its_gpx_after_it_leave_one_run() {
    let s = Sandbox::new();
    // The watch recorded in UTC+2; a computer in the same zone places the GPX alike.
    for paths in
        [&["fit/sample_mulitple_header.fit"][..], &["fit/sample_mulitple_header.fit"], &["gpx/run.gpx"]]
    {
        let out = import(&s, "Europe/Paris", paths);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let runs = runs(&s);
    assert_eq!(runs.len(), 3, "the swim, the ride and one run: {runs:?}");
    assert_eq!(runs.iter().filter(|r| r["type"] == "easy").count(), 1);
}

#[test]
fn fit_times_are_the_watchs_whatever_the_computers_zone() {
    let mut seen = Vec::new();
    for tz in ["America/New_York", "Pacific/Kiritimati", "UTC"] {
        let s = Sandbox::new();
        let out = import(&s, tz, &["fit/Activity.fit", "fit/garmin-fenix-5-bike.fit"]);
        assert!(out.status.success(), "{tz}: {}", String::from_utf8_lossy(&out.stderr));
        seen.push(runs(&s).iter().map(brief).collect::<Vec<_>>());
    }
    assert_eq!(seen[0][0], r#""2012-04-09" "17:22" "easy" 1 0.01 "Activity.fit""#);
    assert_eq!(seen[0][1], r#""2017-06-12" "09:10" "cross" 1 0.46 "garmin-fenix-5-bike.fit""#);
    assert!(seen.iter().all(|s| *s == seen[0]), "{seen:?}");
}

#[test]
fn a_corrupt_fit_file_is_refused_in_one_line_and_nothing_is_written() {
    let real = std::fs::read(fixture("fit/Activity.fit")).unwrap();
    for at in [0, 3, 8, 12, 14, 40, 300, 700] {
        let s = Sandbox::new();
        s.cmd().arg("runs").assert().success();
        let before = sha256(&s.db());
        let mut bytes = real.clone();
        bytes[at] ^= 0xFF;
        let path = s.write("broken.fit", &bytes);
        let out = s.cmd().arg("import").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(65), "byte {at}: {stderr}");
        let last = stderr.lines().last().unwrap_or("");
        // A flipped header byte makes it no FIT file at all (the format is found from its
        // first bytes); anywhere else the FIT reader refuses it.
        assert!(
            last.starts_with("cooldown: ")
                && (last.contains("broken.fit: not a FIT file (")
                    || last.contains("broken.fit: not a format cooldown reads")),
            "byte {at}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "byte {at}: {stderr}");
        assert_eq!(sha256(&s.db()), before, "byte {at}: nothing written");
    }
}

#[test]
fn a_watch_file_without_an_activity_is_skipped_in_a_folder_and_refused_when_named() {
    let s = Sandbox::new();
    let dir = s.path("watch");
    std::fs::create_dir(&dir).unwrap();
    for name in ["Activity.fit", "Settings.fit"] {
        std::fs::copy(fixture(&format!("fit/{name}")), dir.join(name)).unwrap();
    }
    let out = s.cmd().arg("import").arg(&dir).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("1 activity (1 new"), "{said}");
    assert!(said.contains("Settings.fit (no recorded activity in this FIT file"), "{said}");
    let out = s.cmd().arg("import").arg(dir.join("Settings.fit")).output().unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no recorded activity"));
}
