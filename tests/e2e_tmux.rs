//! End to end: the real binary in a real terminal (tmux), driven by keys.
//! Needs `tmux` on the PATH (`.ci/run` installs it), so Unix only.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sandbox;
use common::tmux::Tmux;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn dashboard_command(s: &Sandbox, db: &Path) -> String {
    dashboard_command_at(s, db, common::PINNED)
}

/// The dashboard with its clock starting at `pin` (`COOLDOWN_NOW`).
fn dashboard_command_at(s: &Sandbox, db: &Path, pin: &str) -> String {
    format!(
        "COOLDOWN_CONFIG='{}' COOLDOWN_NOW='{}' TZ=UTC '{}' --db '{}'; echo \"EXIT=$?\"",
        s.config().display(),
        pin,
        env!("CARGO_BIN_EXE_cooldown"),
        db.display()
    )
}

/// The pids of cooldown processes working on `db`, read from /proc.
fn cooldown_pids(db: &Path) -> Vec<String> {
    let bin = env!("CARGO_BIN_EXE_cooldown");
    let db = db.display().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let pid = e.file_name().to_string_lossy().into_owned();
            let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
            let args: Vec<String> =
                cmdline.split(|b| *b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
            (args.first().is_some_and(|a| a == bin) && args.contains(&db)).then_some(pid)
        })
        .collect()
}

#[test]
fn tick_with_space_quit_with_q_and_the_tick_is_saved() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    t.wait_for("Welcome to cooldown");
    assert!(t.alternate_screen());
    t.send(&["j"]);
    t.send(&["Space"]);
    t.wait_for("saved: walk ticked");
    t.send(&["q"]);
    let screen = t.wait_for("EXIT=0");
    assert!(!t.alternate_screen(), "still on the alternate screen:\n{screen}");
    assert!(!screen.contains("Recovery checklist"), "{screen}");

    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let walk = doc["items"].as_array().unwrap().iter().find(|i| i["id"] == "walk").unwrap();
    assert_eq!(walk["ticked"], true);
}

#[test]
fn a_tick_from_another_process_shows_up_and_days_can_be_backfilled() {
    let s = Sandbox::new();
    s.cmd().arg("checklist").assert().success();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("0/5 done");
    s.cmd().args(["tick", "sleep-hygiene"]).assert().success();
    t.wait_for("1/5 done");
    t.send(&["["]);
    t.wait_for("yesterday");
    t.send(&["Space"]);
    t.wait_for("saved: mobility ticked");
    t.send(&["t"]);
    t.wait_for(&common::today().format("%a %-d %b %Y").to_string());
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let yesterday = (common::today() - chrono::Days::new(1)).to_string();
    let out = s.cmd().args(["--date", &yesterday, "checklist"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("[x]   mobility"));
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    let pids = cooldown_pids(&s.db());
    assert_eq!(pids.len(), 1, "{pids:?}");
    assert!(Command::new("kill").args(["-TERM", &pids[0]]).status().unwrap().success());
    t.wait_for("EXIT=143");
    assert!(!t.alternate_screen());
}

#[test]
fn the_process_ends_promptly_when_its_terminal_disappears() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    assert_eq!(cooldown_pids(&s.db()).len(), 1);
    t.tmux(&["kill-session", "-t", "e2e"]);
    let deadline = Instant::now() + Duration::from_secs(3);
    while !cooldown_pids(&s.db()).is_empty() {
        assert!(Instant::now() < deadline, "cooldown still running 3 s after its terminal went away");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn shrinking_below_40x12_shows_a_notice_and_growing_restores_the_layout() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    for (w, h) in [(20, 5), (1, 1), (39, 11), (200, 60), (45, 13), (30, 10)] {
        t.tmux(&["resize-window", "-t", "e2e", "-x", &w.to_string(), "-y", &h.to_string()]);
    }
    t.wait_for("too small");
    t.tmux(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    t.wait_for("Recovery checklist");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn markers_logged_in_the_form_reach_the_verdict() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("NO_DATA");
    t.send(&["m"]);
    t.wait_for("Morning markers");
    t.send(&["-l", "52"]);
    t.send(&["Tab"]);
    t.send(&["-l", "61q"]);
    // Ctrl-S saves from any field (Enter would only move on to the next).
    t.send(&["C-s"]);
    t.wait_for("HRV (rMSSD): '61q' is not a number");
    t.wait_for("1 field to fix — nothing saved");
    t.send(&["BSpace"]);
    t.send(&["Enter"]);
    t.send(&["-l", "7.5"]);
    t.send(&["Tab", "Down"]);
    t.send(&["-l", "2"]);
    t.send(&["C-s"]);
    t.wait_for("saved: markers");
    t.wait_for("Readiness");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let out = s.cmd().args(["verdict", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(v["verdict"], "NO_DATA");
    let missing: Vec<&str> = v["unavailable"].as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
    for logged in ["rhr", "hrv", "sleep", "soreness"] {
        assert!(!missing.contains(&logged), "{logged} not saved: {missing:?}");
    }
}

#[test]
fn a_log_from_another_terminal_fills_the_open_form_and_is_never_overwritten() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 30);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("NO_DATA");
    t.send(&["m"]);
    t.wait_for("Morning markers");
    t.send(&["-l", "52"]);
    s.cmd().args(["log", "--hrv", "71.5", "--sleep", "8.25"]).assert().success();
    t.wait_for("71.5");
    t.wait_for("8.25");
    t.send(&["C-s"]);
    t.wait_for("saved: markers");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let out = s.cmd().args(["export", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((&v[0]["rhr"], &v[0]["hrv"], &v[0]["sleep_hours"]), (&52.into(), &71.5.into(), &8.25.into()));
}

#[test]
fn a_run_form_picks_its_type_by_letter_and_enter_walks_to_the_last_field_and_saves() {
    let s = Sandbox::new();
    s.cmd().args(["run", "--type", "long", "--minutes", "100", "--date", "2026-11-27"]).assert().success();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    t.send(&["r"]);
    // The type starts from the last run's, its choices listed under it.
    t.wait_for("‹ long");
    t.wait_for("easy  tempo  intervals  long  race  cross");
    t.send(&["Right"]);
    t.wait_for("‹ race");
    t.send(&["-l", "Te"]);
    t.wait_for("‹ tempo");
    t.send(&["Enter"]);
    t.send(&["-l", "45"]);
    // Enter moves field by field; on the last (Ended at) it saves.
    for _ in 0..7 {
        t.send(&["Enter"]);
    }
    let screen = t.wait_for("›Ended at");
    assert!(!screen.contains("saved: run"), "Enter saved before the last field:\n{screen}");
    t.send(&["Enter"]);
    t.wait_for("saved: run 2");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let out = s.cmd().args(["export", "--what", "runs", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((&v[1]["type"], &v[1]["minutes"]), (&"tempo".into(), &45.into()), "{v}");
}

#[test]
fn three_bad_fields_are_marked_at_once_and_esc_leaves_nothing_saved() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("NO_DATA");
    t.send(&["m"]);
    t.wait_for("Morning markers");
    t.send(&["-l", "300"]);
    t.send(&["Tab", "Tab"]);
    t.send(&["-l", "7h"]);
    t.send(&["Tab", "Tab"]);
    t.send(&["-l", "11"]);
    t.send(&["C-s"]);
    t.wait_for("3 fields to fix — nothing saved");
    let screen = t.wait_for("✗ Resting HR: 300 is outside 25–220 bpm");
    assert!(screen.contains("✗ Sleep: '7h' is not a number"), "{screen}");
    assert!(screen.contains("✗ Soreness: 11 is outside 0–10"), "{screen}");
    t.send(&["Escape"]);
    t.wait_for("cancelled: nothing saved");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let out = s.cmd().args(["export", "--format", "json"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

/// Waits up to 15 s for `done`; fails with `why()` then.
fn eventually(done: impl Fn() -> bool, why: impl Fn() -> String) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done() {
        assert!(Instant::now() < deadline, "{}", why());
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn foam(s: &Sandbox) -> Vec<(String, bool)> {
    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "timed" && i["optional"] == false)
        .map(|i| (i["id"].as_str().unwrap().to_string(), i["ticked"] == true))
        .collect()
}

#[test]
fn the_foam_roll_sequence_runs_hands_free_and_ticks_each_target() {
    let s = Sandbox::new();
    s.write("config/config.toml", "[timers]\nfoam_roll_seconds = 2\ncue_seconds = 1\n");
    s.cmd().args(["run", "--type", "easy", "--minutes", "30", "--at", "00:00"]).assert().success();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    t.send(&["s"]);
    t.wait_for("Foam roll: calves (1/3)");
    t.wait_for("Foam roll: quads (2/3)");
    t.wait_for("Foam roll: glutes (3/3)");
    t.wait_for("time is up");
    // Ticks are committed by the dashboard's write queue, a moment after the screen shows them.
    eventually(|| foam(&s).iter().filter(|(_, ticked)| *ticked).count() == 3, || format!("{:?}", foam(&s)));
    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"state\": \"finished\""));
    // Any key acknowledges the overtime; the timer is gone.
    t.send(&["j"]);
    t.wait_for("s timer");
    // The dashboard's writes go through its queue: the stored timer goes a moment later.
    let stored = || {
        String::from_utf8_lossy(&s.cmd().args(["checklist", "--json"]).output().unwrap().stdout).into_owned()
    };
    eventually(|| !stored().contains("\"timer\""), || "the finished timer was never cleared".into());
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_timer_survives_quitting_and_shows_its_overtime_on_return() {
    let s = Sandbox::new();
    s.write("config/config.toml", "[timers]\nfoam_roll_seconds = 3\n");
    s.cmd().args(["run", "--type", "easy", "--minutes", "30", "--at", "00:00"]).assert().success();
    let t = Tmux::start(&s, 80, 24);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    // From the top (the page opens on what is due now).
    t.send(&["g"]);
    t.send(&["j"]);
    t.send(&["Enter"]);
    t.wait_for("Foam roll: calves (1/3)");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    // Back a minute later: the 3-second timer ended while the dashboard was closed.
    t.type_line("clear");
    t.type_line(&dashboard_command_at(&s, &s.db(), "2026-11-28T12:01:00"));
    let screen = t.wait_for("finished while cooldown was closed");
    assert!(screen.contains("time is up"), "{screen}");
    eventually(|| foam(&s)[0] == ("foam-calves".to_string(), true), || format!("{:?}", foam(&s)));
    t.send(&["x"]);
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn trends_and_history_on_the_demo() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 100, 30);
    t.type_line(&format!(
        "COOLDOWN_CONFIG='{}' COOLDOWN_NOW='{}' TZ=UTC '{}' --demo; echo \"EXIT=$?\"",
        s.config().display(),
        common::PINNED,
        env!("CARGO_BIN_EXE_cooldown")
    ));
    t.wait_for("Recovery checklist");
    t.send(&["3"]);
    t.wait_for("verdicts");
    t.wait_for("HRV (ms)");
    t.send(&["l"]);
    t.wait_for("Resting HR (bpm)");
    t.send(&["w"]);
    t.wait_for("90 d");
    t.send(&["4"]);
    t.wait_for("best");
    t.send(&["k"]);
    t.send(&["Enter"]);
    t.wait_for("Recovery checklist");
    t.wait_for("7 days ago");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

fn runs_json(s: &Sandbox) -> Vec<serde_json::Value> {
    let out = s.cmd().args(["runs", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

fn session(s: &Sandbox) -> String {
    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["session"].as_str().unwrap().to_string()
}

#[test]
fn a_mistyped_run_is_corrected_and_deleted_in_the_log_screen() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 100, 30);
    t.type_line(&dashboard_command(&s, &s.db()));
    t.wait_for("Recovery checklist");
    // 300 minutes by mistake (meant 30).
    t.send(&["r"]);
    t.wait_for("Run ·");
    t.send(&["-l", "e"]);
    t.send(&["Tab"]);
    t.send(&["-l", "300"]);
    t.send(&["C-s"]);
    t.wait_for("saved: run");
    eventually(|| runs_json(&s).len() == 1, || format!("{:?}", runs_json(&s)));
    assert_eq!(session(&s), "long");
    // The Log screen: the run under today's row; Enter opens it.
    t.send(&["2"]);
    t.wait_for("↳");
    t.send(&["j"]);
    t.send(&["Enter"]);
    t.wait_for("Edit run");
    t.send(&["Tab"]);
    t.send(&["BSpace", "BSpace", "BSpace"]);
    t.send(&["-l", "30"]);
    t.send(&["C-s"]);
    t.wait_for("saved: run");
    eventually(|| runs_json(&s)[0]["minutes"] == 30, || format!("{:?}", runs_json(&s)));
    let runs = runs_json(&s);
    assert_eq!(runs.len(), 1, "edited in place, no second run: {runs:?}");
    assert_ne!(session(&s), "long");
    // Back on the list; delete it after the confirm.
    t.wait_for("30 min");
    t.send(&["d"]);
    t.wait_for("Delete run");
    t.send(&["y"]);
    t.wait_for("deleted run");
    eventually(|| runs_json(&s).is_empty(), || format!("{:?}", runs_json(&s)));
    // `2` then `3`: Trends, with nothing typed anywhere.
    t.send(&["2"]);
    t.send(&["3"]);
    t.wait_for("Training load");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let out = s.cmd().args(["export", "--format", "json"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]", "no markers were typed");
}
