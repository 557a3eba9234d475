//! `cooldown log` and `cooldown verdict` on the real binary: the F9 bad-value list, the
//! upsert, and the verdict JSON for every verdict.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, sha256, today};
use predicates::str::contains;
use serde_json::Value;

fn verdict_json(s: &Sandbox, date: &str) -> Value {
    let out = s.cmd().args(["--date", date, "verdict", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn count_markers(s: &Sandbox) -> i64 {
    let c = rusqlite::Connection::open(s.db()).unwrap();
    c.query_row("SELECT count(*) FROM markers", [], |r| r.get(0)).unwrap()
}

#[test]
fn every_bad_value_exits_65_names_the_field_and_range_and_stores_nothing() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--rhr", "50"]).assert().success();
    let before = sha256(&s.db());
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--rhr", "0"], "rhr: 0 is outside 25–220 bpm"),
        (vec!["--rhr", "400"], "rhr: 400 is outside 25–220 bpm"),
        (vec!["--rhr", "55.5"], "rhr: '55.5' is not a whole number; give 25–220 bpm"),
        (vec!["--sleep", "30"], "sleep: 30 is outside 0–24 h"),
        (vec!["--sleep", "-1"], "sleep: -1 is outside 0–24 h"),
        (vec!["--soreness", "11"], "soreness: 11 is outside 0–10"),
        (vec!["--hrv", "abc"], "hrv: 'abc' is not a number; give 5–300 ms"),
        (vec!["--hrv", "NaN"], "hrv: 'NaN' is not a number"),
        (vec!["--hrv", "inf"], "hrv: 'inf' is not a number"),
        (vec!["--hrv", "1e999"], "hrv: '1e999' is not a number"),
        (vec!["--hrv", "0x3E"], "hrv: '0x3E' is not a number"),
        (vec!["--hrv", "62abc"], "hrv: '62abc' is not a number"),
        (vec!["--hrv", "4"], "hrv: 4 is outside 5–300 ms"),
        (vec!["--sleep-quality", "0"], "sleep-quality: 0 is outside 1–5"),
        (vec!["--pain", "-3"], "pain: -3 is outside 0–10"),
        (vec!["--hop", "501"], "hop: 501 is outside 1–500 cm"),
        (vec!["--balance", "601"], "balance: 601 is outside 0–600 s"),
        (vec!["--weight", "19.9"], "weight: 19.9 is outside 20–300 kg"),
        (vec!["--rhr", "52", "--hrv", "NaN"], "hrv: 'NaN' is not a number"),
    ];
    for (args, needle) in cases {
        s.cmd()
            .arg("log")
            .args(&args)
            .assert()
            .code(65)
            .stderr(contains(needle))
            .stderr(contains("nothing was saved"));
    }
    for (date, needle) in [
        (tomorrow.as_str(), "in the future"),
        ("2026-02-30", "not a calendar day"),
        ("0001-01-01", "before 1900-01-01"),
        ("2026-13-01", "not a calendar day"),
    ] {
        s.cmd().args(["--date", date, "log", "--rhr", "50"]).assert().code(65).stderr(contains(needle));
    }
    assert_eq!(sha256(&s.db()), before);
    assert_eq!(count_markers(&s), 1);
}

#[test]
fn unknown_fields_and_an_empty_log_are_usage_errors() {
    let s = Sandbox::new();
    s.cmd().args(["log", "--mood", "5"]).assert().code(2);
    s.cmd().arg("log").assert().code(2).stderr(contains("required"));
    s.cmd().args(["log", "--pain-site", "knee"]).assert().code(2);
    assert!(!s.db().exists());
}

#[test]
fn log_upserts_one_day_keeping_fields_not_named() {
    let s = Sandbox::new();
    s.cmd()
        .args(["log", "--rhr", "52", "--hrv", "61.5"])
        .assert()
        .success()
        .stdout(contains("rhr 52 bpm · hrv 61.5 ms"));
    s.cmd()
        .args(["log", "--sleep", "7.5", "--soreness", "2", "--pain", "1", "--pain-site", "achilles-calf"])
        .assert()
        .success()
        .stdout(contains("pain site achilles-calf"))
        .stdout(contains("verdict:"));
    // A site outside the list is refused by name, nothing stored.
    s.cmd()
        .args(["log", "--pain", "2", "--pain-site", "left achilles"])
        .assert()
        .code(65)
        .stderr(contains("pain-site: 'left achilles' is not one of foot, achilles-calf"));
    s.cmd().args(["log", "--hrv", "63"]).assert().success();
    let c = rusqlite::Connection::open(s.db()).unwrap();
    let row: (i64, f64, f64, i64, String) = c
        .query_row("SELECT rhr, hrv, sleep_hours, soreness, pain_site FROM markers", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    assert_eq!(row, (52, 63.0, 7.5, 2, "achilles-calf".into()));
    assert_eq!(count_markers(&s), 1);
}

#[test]
fn ill_can_be_set_and_taken_back() {
    let s = Sandbox::new();
    let d = today().to_string();
    s.cmd().args(["log", "--ill"]).assert().success().stdout(contains("REST"));
    assert_eq!(verdict_json(&s, &d)["verdict"], "REST");
    s.cmd().args(["log", "--ill", "false", "--sleep", "7.5"]).assert().success();
    assert_eq!(verdict_json(&s, &d)["verdict"], "GO");
}

#[test]
fn verdict_json_has_exactly_the_contract_fields() {
    let s = Sandbox::new();
    s.cmd().args(["--date", "2026-11-28", "seed-demo", "--days", "120"]).assert().success();
    let v = verdict_json(&s, "2026-10-20");
    let sorted = |o: &Value| {
        let mut keys: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        keys.sort_unstable();
        keys
    };
    // CLI.md's fields in its order, then what v2 added (the contract: add, rename nothing).
    let order = [
        "date",
        "verdict",
        "confidence",
        "domains",
        "reasons",
        "unavailable",
        "hint",
        "rules_version",
        "headline",
        "calibration",
    ];
    let mut expected: Vec<String> = order.iter().map(|k| k.to_string()).collect();
    expected.sort_unstable();
    assert_eq!(sorted(&v), expected);
    // …and in CLI.md's order in the text itself.
    let out = s.cmd().args(["--date", "2026-10-20", "verdict", "--json"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
    assert_eq!(v["date"], "2026-10-20");
    assert_eq!(sorted(&v["domains"]), ["autonomic", "musculoskeletal", "sleep"]);
    let reasons = v["reasons"].as_array().unwrap();
    assert!(!reasons.is_empty());
    for r in reasons {
        assert_eq!(sorted(r), ["baseline", "detail", "marker", "provisional", "rule", "state", "today"]);
    }
    assert_eq!(v["rules_version"], "cooldown-rules/2");
}

fn baseline_days(s: &Sandbox, days: u32) {
    // A steady month and more: rhr 50, hrv 65, good sleep, soreness 2.
    for n in 1..=days {
        let d = (today() - chrono::Days::new(u64::from(n))).to_string();
        s.cmd()
            .args([
                "--date",
                &d,
                "log",
                "--rhr",
                "50",
                "--hrv",
                "65",
                "--sleep",
                "7.5",
                "--sleep-quality",
                "4",
            ])
            .args(["--soreness", "2"])
            .assert()
            .success();
    }
}

#[test]
fn verdict_json_for_every_verdict() {
    let s = Sandbox::new();
    let d = today().to_string();
    assert_eq!(verdict_json(&s, &d)["verdict"], "NO_DATA");
    assert_eq!(verdict_json(&s, &d)["hint"], "log at least sleep and soreness");
    assert_eq!(verdict_json(&s, &d)["domains"]["sleep"], "unavailable");
    baseline_days(&s, 30);
    s.cmd()
        .args(["log", "--rhr", "50", "--hrv", "65", "--sleep", "7.5", "--soreness", "2"])
        .assert()
        .success();
    let go = verdict_json(&s, &d);
    // 24 baseline days (trusted) and three domains today: HIGH.
    assert_eq!((go["verdict"].as_str(), go["confidence"].as_str()), (Some("GO"), Some("HIGH")));
    s.cmd().args(["log", "--soreness", "5"]).assert().success();
    let caution = verdict_json(&s, &d);
    assert_eq!(caution["verdict"], "GO_CAUTION");
    assert_eq!(caution["reasons"][0]["rule"], "M-SORE");
    assert_eq!(caution["reasons"][0]["today"], 5.0);
    s.cmd().args(["log", "--sleep", "5.5"]).assert().success();
    let easy = verdict_json(&s, &d);
    assert_eq!(easy["verdict"], "EASY");
    assert_eq!(easy["hint"], "cut both intensity and volume");
    s.cmd().args(["log", "--rhr", "61"]).assert().success();
    let rest = verdict_json(&s, &d);
    assert_eq!(rest["verdict"], "REST");
    assert_eq!(rest["reasons"][0]["rule"], "V0");
    assert_eq!(rest["reasons"][0]["baseline"], 50.0);
    assert_eq!(rest["reasons"][0]["provisional"], false);
    assert_eq!(
        rest["hint"],
        "rest day: off, or at most a 30-minute walk plus mobility; see a clinician if it persists, or with fever or chest symptoms"
    );
}

#[test]
fn a_new_runner_is_rated_from_the_fourth_morning() {
    let s = Sandbox::new();
    // The first morning: one marker, nothing to compare it with.
    let first = (today() - chrono::Days::new(3)).to_string();
    s.cmd().args(["--date", &first, "log", "--rhr", "50"]).assert().success();
    let v = verdict_json(&s, &first);
    assert_eq!(v["verdict"], "NO_DATA");
    assert_eq!(
        v["reasons"][0]["detail"],
        "resting HR 50 logged: nothing to compare it with yet (1 of 3 mornings; rated from the 4th)"
    );
    for n in [2u64, 1] {
        let d = (today() - chrono::Days::new(n)).to_string();
        s.cmd().args(["--date", &d, "log", "--rhr", "50"]).assert().success();
    }
    // The fourth morning, 11 above the first three: REST, provisionally, LOW.
    s.cmd().args(["log", "--rhr", "61"]).assert().success().stdout(contains("REST"));
    let v = verdict_json(&s, &today().to_string());
    assert_eq!((v["verdict"].as_str(), v["confidence"].as_str()), (Some("REST"), Some("LOW")));
    assert_eq!(v["reasons"][0]["rule"], "V0");
    assert_eq!(v["reasons"][0]["provisional"], true);
    assert_eq!(v["reasons"][0]["detail"], "resting HR 61 bpm, 11 above your first 3 mornings' 50");
    s.cmd()
        .arg("verdict")
        .assert()
        .success()
        .stdout(contains("rest day: off, or at most a 30-minute walk plus mobility"))
        .stdout(contains("resting HR baseline 0 of 14 — full rules from"));
}

#[test]
fn verdict_text_and_explanation() {
    let s = Sandbox::new();
    baseline_days(&s, 25);
    s.cmd().args(["log", "--rhr", "55", "--sleep", "7"]).assert().success();
    s.cmd()
        .arg("verdict")
        .assert()
        .success()
        .stdout(contains("EASY"))
        .stdout(contains("· resting HR 55 bpm, 5 above your usual 50"))
        .stdout(contains("not logged: hrv"))
        .stdout(contains("HRV baseline 19 of 21 — trusted from")); // d−25 … d−7
    s.cmd()
        .args(["verdict", "--explain"])
        .assert()
        .success()
        .stdout(contains("every rule that ran"))
        .stdout(contains("EASY means easy aerobic effort"))
        .stdout(contains("red ≥ 55 bpm (+5)"));
}

#[test]
fn a_readiness_override_changes_the_rules_version() {
    let s = Sandbox::new();
    s.write("config/config.toml", "[readiness]\nsleep_amber_hours = 7.0\n");
    s.cmd().args(["log", "--sleep", "6.5"]).assert().success();
    let v = verdict_json(&s, &today().to_string());
    assert_eq!(v["verdict"], "GO_CAUTION");
    assert_eq!(v["rules_version"], "cooldown-rules/2+custom");
    s.write("config/config.toml", "[readiness]\nsleep_amber_hours = 4.0\n");
    s.cmd()
        .arg("verdict")
        .assert()
        .code(65)
        .stderr(contains("sleep_amber_hours must be at least sleep_red_hours"));
}

#[test]
fn trends_summarise_each_marker() {
    let s = Sandbox::new();
    s.cmd().args(["--date", "2026-11-28", "seed-demo"]).assert().success();
    let out = s.cmd().args(["--date", "2026-11-28", "trends"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("trends over 28 days to Sat 28 Nov 2026"), "{text}");
    for marker in ["hrv", "rhr", "sleep", "soreness", "hop", "balance", "load"] {
        assert!(text.lines().any(|l| l.starts_with(marker) && l.contains("latest")), "{marker}: {text}");
    }
    assert!(text.contains("usual") && text.contains("ms") && text.contains("ACWR"), "{text}");
    s.cmd()
        .args(["--date", "2026-11-28", "trends", "--marker", "rhr", "--days", "90"])
        .assert()
        .success()
        .stdout(contains("trends over 90 days"))
        .stdout(contains("rhr       latest"));
}

#[test]
fn trends_refuse_unknown_markers_and_bad_windows() {
    let s = Sandbox::new();
    s.cmd().args(["trends", "--marker", "mood"]).assert().code(65).stderr(contains("use one of: hrv, rhr"));
    s.cmd().args(["trends", "--days", "3"]).assert().code(65).stderr(contains("days: 3 is outside 7–3650"));
    s.cmd().args(["trends"]).assert().success().stdout(contains("nothing logged"));
}
