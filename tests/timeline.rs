//! The 48-hour timeline across days (ROUTINE.md v2): an earlier day's run keeps its phases
//! on the days they are due, a tick there is stored with the run, windows that would start
//! in the night wait for the morning, and after a race or a long run the next session is
//! easy whatever the verdict. Through the real binary, on the pinned clock (Sat 28 Nov
//! 2026, 12:00 UTC).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, today};
use serde_json::Value;

fn checklist(s: &Sandbox, date: &str) -> Value {
    let out = s.cmd().args(["--date", date, "checklist", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn items<'a>(doc: &'a Value, run_day: &str) -> Vec<&'a Value> {
    doc["items"].as_array().unwrap().iter().filter(|i| i["run_day"] == run_day).collect()
}

fn yesterday() -> String {
    (today() - chrono::Days::new(1)).to_string()
}

#[test]
fn the_morning_after_a_long_run_lists_its_6_24_h_and_24_48_h_items_and_a_tick_there_is_stored_with_the_run() {
    let s = Sandbox::new();
    let d = yesterday();
    s.cmd()
        .args(["--date", &d, "run", "--type", "long", "--minutes", "120", "--at", "09:00"])
        .assert()
        .success();
    let today_page = checklist(&s, &today().to_string());
    assert_eq!(today_page["session"], "rest", "no run today: today's own part is the rest-day routine");
    let carried = items(&today_page, &d);
    let ids: Vec<&str> = carried.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"activation-session") && ids.contains(&"plan-next"), "{ids:?}");
    let item = |id: &str| carried.iter().find(|i| i["id"] == id).unwrap();
    // 6–24 h after 09:00 yesterday: 15:00–09:00, closed at noon with the item open.
    assert_eq!(
        (item("activation-session")["due"].as_str(), item("activation-session")["status"].as_str()),
        (Some("Fri 15:00–Sat 09:00"), Some("missed"))
    );
    // 24–48 h: due now, and easy whatever the verdict after a long run.
    assert_eq!(item("plan-next")["status"], "due");
    assert_eq!(item("plan-next")["note"], "easy or rest tomorrow");
    // Ticking it on today's page stores it on the run's day.
    s.cmd().args(["tick", "activation-session"]).assert().success();
    let run_page = checklist(&s, &d);
    let own = run_page["items"].as_array().unwrap().iter().find(|i| i["id"] == "activation-session").unwrap();
    assert_eq!((own["ticked"].as_bool(), own["run_day"].as_str()), (Some(true), Some(d.as_str())));
    let ticks =
        String::from_utf8(s.cmd().args(["export", "--what", "ticks"]).output().unwrap().stdout).unwrap();
    assert!(ticks.contains(&format!("{d},activation-session,1,")), "{ticks}");
    assert!(!ticks.contains(&format!("{},activation-session", today())), "{ticks}");
}

#[test]
fn after_a_race_the_next_session_is_easy_whatever_the_verdict() {
    let s = Sandbox::new();
    s.cmd()
        .args(["--date", &yesterday(), "run", "--type", "race", "--minutes", "45", "--at", "10:00"])
        .assert()
        .success();
    s.cmd().args(["log", "--sleep", "8", "--soreness", "1"]).assert().success();
    let page = checklist(&s, &today().to_string());
    assert_eq!(page["verdict"], "GO");
    let next = items(&page, &yesterday()).into_iter().find(|i| i["id"] == "plan-next").unwrap().clone();
    assert_eq!(next["note"], "easy or rest for at least 2 days, whatever the verdict");
}

#[test]
fn an_evening_runs_later_phases_wait_for_the_morning() {
    let s = Sandbox::new();
    let d = yesterday();
    s.cmd()
        .args(["--date", &d, "run", "--type", "tempo", "--minutes", "50", "--at", "21:50"])
        .assert()
        .success();
    let page = checklist(&s, &d);
    let walk = page["items"].as_array().unwrap().iter().find(|i| i["id"] == "walk").unwrap();
    assert_eq!(walk["due"], "Sat 07:00–Sat 11:00", "not 23:50–03:50");
    let text = String::from_utf8(s.cmd().args(["--date", &d, "print"]).output().unwrap().stdout).unwrap();
    assert!(text.contains("2–6 h — Sat 07:00–Sat 11:00"), "{text}");
}

#[test]
fn a_past_day_never_says_later_today() {
    let s = Sandbox::new();
    let past = (today() - chrono::Days::new(52)).to_string();
    s.cmd()
        .args(["--date", &past, "run", "--type", "tempo", "--minutes", "40", "--at", "07:00"])
        .assert()
        .success();
    let text =
        String::from_utf8(s.cmd().args(["--date", &past, "checklist"]).output().unwrap().stdout).unwrap();
    assert!(!text.contains("later today") && !text.contains("tonight, tomorrow"), "{text}");
    assert!(text.contains("2–6 h (09:00–13:00) · missed"), "{text}");
}
