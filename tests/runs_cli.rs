//! `cooldown runs`, `run --edit ID` and `run --delete ID` through the real binary: each
//! success says what it did, and each refusal has its exit code, its one line, and leaves
//! every run as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};

/// Every run stored, as `runs --json` gives it.
fn all_runs(s: &Sandbox) -> Value {
    let out = s.cmd().args(["runs", "--days", "3650", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn session(s: &Sandbox, date: &str) -> String {
    let out = s.cmd().args(["--date", date, "checklist", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["session"].as_str().unwrap().to_string()
}

/// The runner's typo: 300 minutes meant as 30, run 1 on Saturday 28 November.
fn with_the_typo() -> Sandbox {
    let s = Sandbox::new();
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "300", "--at", "09:00", "--km", "5"])
        .assert()
        .success()
        .stdout(contains("recorded run 1:"));
    s
}

#[test]
fn runs_lists_the_days_runs_with_ids_and_sources() {
    let s = with_the_typo();
    s.cmd()
        .args(["--date", "2026-11-15", "run", "--type", "tempo", "--minutes", "45", "--rpe", "7"])
        .assert()
        .success();
    s.cmd().args(["--date", "2026-11-14", "run", "--type", "long", "--minutes", "100"]).assert().success();
    let csv = s.write("Downloads/week.csv", "date,type,minutes,km\n2026-11-27,cross,40,\n");
    s.cmd().arg("import").arg(&csv).assert().success();
    let out = s.cmd().arg("runs").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // 14 days up to today: from the 15th; the run of the 14th is outside.
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], "id  date        ended  type   minutes  km  RPE  source");
    assert_eq!(lines[1], " 2  2026-11-15  12:00  tempo       45   –    7  manual");
    assert!(lines[2].starts_with(" 4  2026-11-27  12:00  cross       40   –    –  week.csv"), "{text}");
    assert_eq!(lines[3], " 1  2026-11-28  09:00  easy       300   5    –  manual");
    s.cmd()
        .args(["runs", "--days", "1"])
        .assert()
        .success()
        .stdout(contains("2026-11-28"))
        .stdout(contains("2026-11-27").not());
    s.cmd().args(["--date", "2026-11-14", "runs", "--days", "1"]).assert().success().stdout(contains("long"));
}

#[test]
fn runs_json_has_every_field_with_null_when_not_logged() {
    let s = with_the_typo();
    let runs = all_runs(&s);
    assert_eq!(
        runs,
        json!([{
            "id": 1, "date": "2026-11-28", "at": "09:00", "type": "easy", "minutes": 300, "km": 5,
            "rpe": null, "source": "manual", "weight_before_kg": null, "weight_after_kg": null,
            "fluid_l": null, "note": null
        }])
    );
    let keys: Vec<&String> = runs[0].as_object().unwrap().keys().collect();
    assert_eq!(keys[..8], ["id", "date", "at", "type", "minutes", "km", "rpe", "source"]);
}

#[test]
fn no_runs_is_one_line_and_exit_0() {
    let s = Sandbox::new();
    s.cmd().arg("runs").assert().success().stdout("no runs from 2026-11-15 to 2026-11-28\n");
    s.cmd()
        .args(["--date", "2026-11-01", "runs", "--days", "1"])
        .assert()
        .success()
        .stdout("no runs from 2026-11-01 to 2026-11-01\n");
    s.cmd().args(["runs", "--json"]).assert().success().stdout("[]\n");
}

#[test]
fn runs_days_outside_1_to_3650_is_refused_naming_the_range() {
    let s = with_the_typo();
    for days in ["0", "3651", "-1", "abc", "1.5", "1e3"] {
        s.cmd()
            .args(["runs", &format!("--days={days}")])
            .assert()
            .code(65)
            .stdout(predicate::str::is_empty())
            .stderr(contains("(runs --days)"))
            .stderr(contains("1–3650"));
    }
    s.cmd().args(["runs", "--days", "3650"]).assert().success();
}

#[test]
fn editing_the_300_minute_typo_to_30_ends_the_long_run_day() {
    let s = with_the_typo();
    assert_eq!(session(&s, "2026-11-28"), "long", "300 minutes of easy running count as a long run");
    s.cmd()
        .args(["run", "--edit", "1", "--minutes", "30"])
        .assert()
        .success()
        .stdout(contains("run 1 (Sat 28 Nov, easy): minutes 300 → 30\n"))
        .stdout(contains("checklist for 2026-11-28 now follows: easy run"));
    assert_eq!(session(&s, "2026-11-28"), "easy");
    let runs = all_runs(&s);
    assert_eq!((runs[0]["id"].clone(), runs[0]["minutes"].clone()), (json!(1), json!(30)));
    assert_eq!(runs.as_array().unwrap().len(), 1, "edited in place, not added");
}

#[test]
fn an_edit_changes_only_the_options_given() {
    let s = with_the_typo();
    s.cmd()
        .args(["run", "--edit", "1", "--rpe", "4", "--note", "easy shakeout", "--type", "tempo", "--at", "08:30"])
        .assert()
        .success()
        .stdout(contains("run 1 (Sat 28 Nov, easy): type easy → tempo · rpe – → 4 · note – → easy shakeout · at 09:00 → 08:30\n"));
    let run = &all_runs(&s)[0];
    assert_eq!(
        (run["minutes"].clone(), run["km"].clone(), run["type"].clone()),
        (json!(300), json!(5), json!("tempo"))
    );
    s.cmd()
        .args(["run", "--edit", "1", "--rpe", "4"])
        .assert()
        .success()
        .stdout(contains("run 1 (Sat 28 Nov, tempo): nothing changed\n"))
        .stdout(contains("checklist for 2026-11-28 now follows:"));
}

#[test]
fn an_edit_with_a_date_moves_the_run_to_that_day() {
    let s = with_the_typo();
    s.cmd()
        .args(["--date", "2026-11-27", "run", "--edit", "1"])
        .assert()
        .success()
        .stdout(contains("run 1 (Sat 28 Nov, easy): date 2026-11-28 → 2026-11-27\n"))
        .stdout(contains("checklist for 2026-11-27 now follows: long run"));
    assert_eq!(all_runs(&s)[0]["date"], "2026-11-27");
    assert_eq!(session(&s, "2026-11-28"), "rest", "nothing of its own left on the 28th");
    s.cmd()
        .args(["run", "--edit", "1", "--minutes", "30", "--date", "2026-11-28"])
        .assert()
        .success()
        .stdout(contains("run 1 (Fri 27 Nov, easy): date 2026-11-27 → 2026-11-28 · minutes 300 → 30\n"));
}

#[test]
fn a_delete_says_what_it_deleted_and_the_days_ticks_stay() {
    let s = with_the_typo();
    s.cmd().args(["run", "--type", "tempo", "--minutes", "40", "--at", "11:00"]).assert().success();
    s.cmd().args(["tick", "mobility"]).assert().success();
    s.cmd()
        .args(["run", "--delete", "1"])
        .assert()
        .success()
        .stdout(contains(
            "deleted run 1: easy, 300 min, ended 09:00 on 2026-11-28 (its ticks stay with the day)\n",
        ))
        .stdout(contains("checklist for 2026-11-28 now follows: tempo run"));
    let runs = all_runs(&s);
    assert_eq!(runs.as_array().unwrap().iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), [json!(2)]);
    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mobility = doc["items"].as_array().unwrap().iter().find(|i| i["id"] == "mobility").unwrap();
    assert_eq!(mobility["ticked"], true);
    // The deleted run's id is never handed out again.
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "20"])
        .assert()
        .success()
        .stdout(contains("recorded run 3:"));
    s.cmd().args(["run", "--delete", "3"]).assert().success();
    s.cmd()
        .args(["run", "--type", "easy", "--minutes", "20"])
        .assert()
        .success()
        .stdout(contains("recorded run 4:"));
}

/// A refusal: its exit code and words, and every run and marker as before (the file's
/// bytes too, for a refusal found before anything is opened for writing).
fn refused(s: &Sandbox, args: &[&str], code: i32, words: &[&str]) {
    let (runs, markers) =
        (all_runs(s), s.cmd().args(["export", "--format", "json"]).output().unwrap().stdout);
    let hash = sha256(&s.db());
    let mut assert = s.cmd().args(args).assert().code(code).stdout(predicate::str::is_empty());
    for w in words {
        assert = assert.stderr(contains(*w));
    }
    if code == 65 {
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(err.starts_with("cooldown: ") && err.lines().count() == 1, "{args:?}: {err}");
    }
    assert_eq!(all_runs(s), runs, "{args:?} changed the runs");
    assert_eq!(s.cmd().args(["export", "--format", "json"]).output().unwrap().stdout, markers);
    assert_eq!(sha256(&s.db()), hash, "{args:?} changed the file");
}

#[test]
fn unknown_and_malformed_ids_are_refused_and_change_nothing() {
    let s = with_the_typo();
    let see = "see `cooldown runs` for the ids";
    refused(
        &s,
        &["run", "--edit", "99", "--minutes", "30"],
        65,
        &["cooldown: no run 99 (run --edit): ", see],
    );
    refused(&s, &["run", "--delete", "99"], 65, &["cooldown: no run 99 (run --delete): ", see]);
    for bad in ["abc", "0", "1.0", "+1", " 1", "99999999999999999999", "1; DROP TABLE runs"] {
        refused(
            &s,
            &["run", "--edit", bad, "--minutes", "30"],
            65,
            &["is not a run id (run --edit)", "a whole number from 1"],
        );
        refused(&s, &["run", "--delete", bad], 65, &["is not a run id (run --delete)"]);
    }
    refused(&s, &["run", "--delete=-1"], 65, &["'-1' is not a run id"]);
    refused(
        &s,
        &["--date", "2026-11-27", "run", "--delete", "1"],
        65,
        &["run 1 is on 2026-11-28, not on 2026-11-27", "nothing was deleted"],
    );
}

#[test]
fn an_edit_is_checked_as_a_whole_like_a_new_run() {
    let s = with_the_typo();
    let place = "(run --edit 1): nothing was changed";
    refused(
        &s,
        &["run", "--edit", "1", "--minutes", "3000"],
        65,
        &["minutes: 3000 is outside 1–1440", place],
    );
    refused(&s, &["run", "--edit", "1", "--type", "rest"], 65, &["type: 'rest' is not one of easy", place]);
    refused(&s, &["run", "--edit", "1", "--km", ""], 65, &["km: is empty", place]);
    refused(&s, &["run", "--edit", "1", "--at", "13:00"], 65, &["at: 13:00 is later than now", place]);
    // Yesterday's run at 13:00 cannot move to today, where 13:00 has not come yet.
    s.cmd()
        .args(["--date", "2026-11-27", "run", "--type", "easy", "--minutes", "30", "--at", "13:00"])
        .assert()
        .success();
    refused(
        &s,
        &["--date", "2026-11-28", "run", "--edit", "2"],
        65,
        &["at: 13:00 is later than now", "(run --edit 2)"],
    );
    // Weights that are fine over an hour are not in 5 minutes: the stored fields count.
    s.cmd()
        .args([
            "--date",
            "2026-11-27",
            "run",
            "--type",
            "easy",
            "--minutes",
            "60",
            "--weight-before",
            "70",
            "--weight-after",
            "69",
        ])
        .assert()
        .success();
    refused(
        &s,
        &["run", "--edit", "3", "--minutes", "5"],
        65,
        &["fluid-l:", "more than 5 L an hour", "(run --edit 3)"],
    );
    refused(
        &s,
        &["run", "--edit", "3", "--weight-after", "60"],
        65,
        &["weight-after:", "more than 10 % below"],
    );
}

#[test]
fn run_options_that_do_not_go_together_are_usage_errors() {
    let s = with_the_typo();
    refused(&s, &["run", "--edit", "1"], 2, &["--edit needs a run option to change"]);
    refused(&s, &["run", "--delete", "1", "--minutes", "30"], 2, &["'--delete <ID>' cannot be used with"]);
    refused(&s, &["run", "--delete", "1", "--edit", "1"], 2, &["cannot be used with"]);
    refused(&s, &["run", "--delete", "1", "--note", "x"], 2, &["cannot be used with"]);
    refused(&s, &["run", "--km", "5"], 2, &["--type <TYPE>", "--minutes <N"]);
    refused(&s, &["run", "--edit"], 2, &["a value is required"]);
}

#[test]
fn edits_and_deletes_under_demo_say_they_are_not_kept() {
    let s = Sandbox::new();
    for args in
        [["--demo", "run", "--edit", "1", "--minutes", "30"].as_slice(), &["--demo", "run", "--delete", "1"]]
    {
        s.bare().args(args).assert().success().stdout(contains("run 1")).stderr(contains("not kept"));
    }
    s.bare()
        .args(["--demo", "runs"])
        .assert()
        .success()
        .stdout(contains("demo"))
        .stderr(predicate::str::is_empty());
    assert!(!s.db().exists());
}
