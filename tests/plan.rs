//! `cooldown plan` through the real binary: the pages at the mileages issue 15 names
//! (5, 15, 20, 40, 100, 160, 250 km), and the 160 km cap in every format.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sandbox;
use serde_json::Value;

const CAP: &str = "doubles (two runs a day) are not modelled: this plan stops at 160 km a week";

fn plan(s: &Sandbox, km: &str, format: &str) -> String {
    let out = s.cmd().args(["plan", "--weekly-km", km, "--weeks", "4", "--format", format]).output().unwrap();
    assert!(out.status.success(), "{km}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{km}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text page with each day's routine line cut after its minutes: the distances and
/// notes are what these snapshots review (40 km keeps the routine, so it is reviewed once),
/// and the routine's wording has its own tests.
fn distances_only(page: &str) -> String {
    page.lines()
        .map(|line| match line.find(" min: ") {
            Some(at) => &line[..at + " min".len()],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_pages_at_the_extremes() {
    let s = Sandbox::new();
    for km in ["5", "15", "20", "100", "160", "250"] {
        insta::assert_snapshot!(format!("plan_text_{km}_km"), distances_only(&plan(&s, km, "text")));
    }
    insta::assert_snapshot!("plan_text_40_km", plan(&s, "40", "text"));
}

#[test]
fn above_160_km_every_format_says_doubles_are_not_modelled() {
    let s = Sandbox::new();
    let text = plan(&s, "250", "text");
    assert!(text.starts_with(&format!("Note: 250 km a week asked — {CAP}.\n")), "{text}");
    assert!(text.contains("Week 1 · 160 km\n") && text.contains("Week 4 · 120 km (lighter week"), "{text}");
    let md = plan(&s, "250", "md");
    assert!(
        md.starts_with(&format!("# cooldown · weekly plan for 160 km\n\n- 250 km a week asked — {CAP}.\n")),
        "{md}"
    );
    let html = plan(&s, "250", "html");
    assert!(html.contains(&format!("250 km a week asked — {CAP}.")), "{html}");
    let doc: Value = serde_json::from_str(&plan(&s, "250", "json")).unwrap();
    assert_eq!(doc["weekly_km"], 250.0);
    assert_eq!(doc["planned_weekly_km"], 160.0);
    assert_eq!(doc["cap"]["km"], 160.0);
    assert_eq!(doc["cap"]["note"], CAP);
    let weeks: Vec<f64> =
        doc["weeks"].as_array().unwrap().iter().map(|w| w["km"].as_f64().unwrap()).collect();
    assert_eq!(weeks, [160.0, 160.0, 160.0, 120.0]);
}

#[test]
fn at_or_under_160_km_there_is_no_cap() {
    let s = Sandbox::new();
    for km in ["160", "40", "5"] {
        assert!(!plan(&s, km, "text").contains("doubles"), "{km}");
        let doc: Value = serde_json::from_str(&plan(&s, km, "json")).unwrap();
        assert_eq!(doc["cap"], Value::Null, "{km}");
        assert_eq!(doc["planned_weekly_km"], doc["weekly_km"], "{km}");
    }
}

#[test]
fn the_json_weeks_add_up_and_carry_the_notes() {
    let s = Sandbox::new();
    let doc: Value = serde_json::from_str(&plan(&s, "12.5", "json")).unwrap();
    let notes: Vec<&str> = doc["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(notes.iter().any(|n| n.contains("easy runs only, no quality session")), "{notes:?}");
    assert!(doc["rules"].as_str().unwrap().starts_with("Rules: 4 runs a week up to 45 km"));
    for w in doc["weeks"].as_array().unwrap() {
        let days = w["days"].as_array().unwrap();
        let sum: f64 = days.iter().map(|d| d["km"].as_f64().unwrap()).sum();
        assert!((sum - w["km"].as_f64().unwrap()).abs() < 1e-9, "{w}");
        assert!(days.iter().all(|d| d["session"] != "tempo" && d["session"] != "intervals"), "{w}");
    }
    let weeks: Vec<f64> =
        doc["weeks"].as_array().unwrap().iter().map(|w| w["km"].as_f64().unwrap()).collect();
    assert_eq!(weeks, [12.5, 12.5, 12.5, 9.4]);
}
