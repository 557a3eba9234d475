//! Wellness exports through the real binary (issue 17 item 2): each source's fixture
//! imports the expected days, `--dry-run` writes nothing, a bad value is refused with its
//! file, line and field and nothing is stored. These need the import framework (issue 17
//! A: detection by content, folders, `--dry-run`); the reader tests are in
//! `src/exchange/wellness/tests.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wellness").join(name)
}

fn run(s: &Sandbox, args: &[&str], path: &Path) -> (i32, String, String) {
    let out = s.cmd().args(args).arg(path).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

fn export(s: &Sandbox, what: &str) -> String {
    let out = s.cmd().args(["export", "--what", what]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Each fixture and the markers rows it must leave (`cooldown export`'s lines).
const CASES: [(&str, &[&str]); 6] = [
    (
        "intervals.csv",
        &[
            "2026-11-20,52,68.5,7.5,5,4,,,,,70.4,,,morning",
            "2026-11-21,,,7,4,,,,,,,,,",
            "2026-11-22,50,70,8,5,2,,,,,70,,,morning",
        ],
    ),
    (
        "hrv4training.csv",
        &[
            "2026-11-24,51,72.4,7.5,4,,,,,,,,,morning",
            "2026-11-25,53,65.2,6.25,2,,,,,,,,,morning",
            "2026-11-26,,,8,5,,,,,,,,,",
        ],
    ),
    ("oura.csv", &["2026-11-24,47,58,7.508,,,,,,,,,,overnight", "2026-11-25,49,,,,,,,,,,,,"]),
    ("oura.json", &["2026-11-24,46,61,7.5,,,,,,,,,,overnight", "2026-11-25,48,,7,,,,,,,,,,"]),
    (
        "garmin",
        &[
            "2026-11-24,46,58,7,,,,,,,,,,overnight",
            "2026-11-25,,,5.5,,,,,,,,,,",
            "2026-11-26,48,61,,,,,,,,,,,overnight",
        ],
    ),
    ("apple-export.xml", &["2026-11-24,49,,7.25,,,,,,,69.989,,,", "2026-11-25,,,6.5,,,,,,,70.1,,,"]),
];

#[test]
fn each_wellness_export_imports_its_days_and_a_dry_run_writes_nothing() {
    for (name, rows) in CASES {
        let s = Sandbox::new();
        s.cmd().args(["log", "--date", "2026-11-01", "--rhr", "50"]).assert().success();
        let before = sha256(&s.db());
        let (code, _, err) = run(&s, &["import", "--dry-run"], &fixture(name));
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(sha256(&s.db()), before, "{name}: --dry-run wrote");
        let (code, _, err) = run(&s, &["import"], &fixture(name));
        assert_eq!(code, 0, "{name}: {err}");
        let csv = export(&s, "markers");
        for row in rows {
            assert!(csv.lines().any(|l| l == *row), "{name}: no row {row} in\n{csv}");
        }
        assert_eq!(csv.lines().count(), 2 + rows.len(), "{name}: \n{csv}");
    }
}

#[test]
fn apple_health_running_workouts_become_runs_once() {
    let s = Sandbox::new();
    for _ in 0..2 {
        let (code, _, err) = run(&s, &["import"], &fixture("apple-export.xml"));
        assert_eq!(code, 0, "{err}");
    }
    let runs = export(&s, "runs");
    assert_eq!(runs.lines().count(), 3, "two running workouts, the cycling one left out:\n{runs}");
}

#[test]
fn a_bad_value_is_refused_with_its_line_and_nothing_is_stored() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--date", "2026-11-01", "--rhr", "50"]).assert().success();
    let before = sha256(&s.db());
    let file = s.write(
        "h.csv",
        "date,timestamp_measurement,HR,rMSSD,SDNN\n2026-11-20,2026-11-20 07:00:00,50,61,70\n\
         2026-11-21,2026-11-21 07:00:00,50,900,70\n",
    );
    let (code, _, err) = run(&s, &["import"], &file);
    assert_eq!(code, 65, "{err}");
    assert!(err.starts_with("cooldown: ") && err.contains("h.csv:3: hrv: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(sha256(&s.db()), before);
}

#[test]
fn an_overnight_import_after_mornings_restarts_the_hrv_baseline_and_says_so() {
    let s = Sandbox::new();
    for d in 1..=19 {
        let date = format!("2026-11-{d:02}");
        s.cmd().args(["log", "--date", &date, "--hrv", "65", "--rhr", "50"]).assert().success();
    }
    let (code, _, err) = run(&s, &["import"], &fixture("garmin"));
    assert_eq!(code, 0, "{err}");
    let out = s.cmd().args(["verdict", "--date", "2026-11-26"]).output().unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("HRV source changed to overnight averages on Tue 24 Nov: baseline restarts"),
        "{said}"
    );
}
