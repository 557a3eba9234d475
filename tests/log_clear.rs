//! `cooldown log --clear FIELD…` through the real binary: fields named as a runner types
//! them are removed for `--date`, alone or with fields set in the same call; each refusal
//! has its exit code and one line, and stores nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sandbox;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};

/// Every morning stored, as `export --format json` gives it.
fn mornings(s: &Sandbox) -> Value {
    let out = s.cmd().args(["export", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn logged() -> Sandbox {
    let s = Sandbox::new();
    s.cmd()
        .args(["log", "--rhr", "50", "--hrv", "61.5", "--hrv-source", "overnight", "--pain", "3"])
        .args(["--pain-site", "knee", "--sleep", "7.5", "--note", "cold"])
        .assert()
        .success();
    s
}

#[test]
fn clearing_removes_the_fields_and_says_which_were_not_logged() {
    let s = logged();
    s.cmd()
        .args(["log", "--clear", "rhr", "soreness", "note"])
        .assert()
        .success()
        .stdout(contains("cleared 2026-11-28: rhr · note\n"))
        .stdout(contains("soreness was not logged on 2026-11-28\n"))
        .stdout(contains("logged 2026-11-28").not())
        .stdout(contains("verdict: "));
    assert_eq!(
        mornings(&s),
        json!([{"date": "2026-11-28", "hrv": 61.5, "sleep_hours": 7.5, "pain": 3, "pain_site": "knee",
                "hrv_source": "overnight"}])
    );
}

#[test]
fn clearing_pain_clears_its_site_and_hrv_its_source() {
    let s = logged();
    s.cmd()
        .args(["log", "--clear", "pain,hrv"])
        .assert()
        .success()
        .stdout(contains("cleared 2026-11-28: hrv · pain · pain-site (with pain) · hrv-source (with hrv)\n"));
    assert_eq!(mornings(&s), json!([{"date": "2026-11-28", "rhr": 50, "sleep_hours": 7.5, "note": "cold"}]));
}

#[test]
fn clearing_and_setting_in_one_call() {
    let s = logged();
    s.cmd()
        .args(["log", "--clear", "rhr", "--soreness", "4", "--pain", "2"])
        .assert()
        .success()
        .stdout(contains("cleared 2026-11-28: rhr\nlogged 2026-11-28: soreness 4/10 · pain 2/10\n"));
    let day = &mornings(&s)[0];
    assert_eq!(
        (day["rhr"].clone(), day["soreness"].clone(), day["pain"].clone()),
        (Value::Null, json!(4), json!(2))
    );
    assert_eq!(day["pain_site"], "knee", "a pain set again keeps its site");
}

#[test]
fn a_day_left_with_nothing_is_gone() {
    let s = Sandbox::new();
    s.cmd().args(["--date", "2026-11-27", "log", "--rhr", "50"]).assert().success();
    s.cmd()
        .args(["--date", "2026-11-27", "log", "--clear", "rhr", "hrv"])
        .assert()
        .success()
        .stdout(contains("cleared 2026-11-27: rhr\nhrv was not logged on 2026-11-27\nnothing is logged on 2026-11-27 now\n"));
    assert_eq!(mornings(&s), json!([]));
    // A day never logged: nothing to clear, nothing written.
    s.cmd()
        .args(["log", "--clear", "sleep-quality"])
        .assert()
        .success()
        .stdout(contains("sleep-quality was not logged on 2026-11-28\n"));
    assert_eq!(mornings(&s), json!([]));
}

fn refused(s: &Sandbox, args: &[&str], code: i32, words: &[&str]) {
    let before = mornings(s);
    let mut assert = s.cmd().args(args).assert().code(code).stdout(predicate::str::is_empty());
    for w in words {
        assert = assert.stderr(contains(*w));
    }
    if code == 65 {
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(err.starts_with("cooldown: ") && err.lines().count() == 1, "{args:?}: {err}");
    }
    assert_eq!(mornings(s), before, "{args:?} changed the markers");
}

#[test]
fn refusals_name_the_field_and_store_nothing() {
    let s = logged();
    let names = "name any of rhr, hrv, sleep, sleep-quality, soreness, pain, pain-site, hop, balance, weight, ill, note, hrv-source";
    refused(
        &s,
        &["log", "--clear", "heartrate"],
        65,
        &["'heartrate' is not a marker field (log --clear)", names],
    );
    refused(&s, &["log", "--clear", "rhr", "sleep_hours"], 65, &["'sleep_hours' is not a marker field"]);
    refused(&s, &["log", "--clear", "RHR"], 65, &["'RHR' is not a marker field"]);
    refused(&s, &["log", "--clear", ""], 65, &["'' is not a marker field"]);
    refused(
        &s,
        &["log", "--clear", "rhr", "--rhr", "52"],
        65,
        &["rhr is both given and cleared (log --clear)", "nothing was saved"],
    );
    refused(
        &s,
        &["log", "--clear", "hrv", "--hrv-source", "morning"],
        65,
        &["hrv-source is given while hrv is cleared, which clears it too"],
    );
    refused(&s, &["log", "--clear", "rhr", "--hrv", "400"], 65, &["hrv: 400 is outside 5–300"]);
    refused(&s, &["log", "--clear", "pain", "--pain-site", "knee"], 2, &["--pain"]);
    refused(&s, &["log", "--clear"], 2, &["a value is required"]);
}

#[test]
fn a_clear_under_demo_says_it_is_not_kept() {
    let s = Sandbox::new();
    s.bare()
        .args(["--demo", "log", "--clear", "rhr"])
        .assert()
        .success()
        .stdout(contains("cleared"))
        .stderr(contains("not kept"));
}
