//! End to end: the mouse, in a real terminal (tmux). tmux passes what `send-keys -l` types
//! to the dashboard unchanged, so a click is the SGR report a terminal sends for it:
//! `ESC [ < 0 ; column ; row M` (press) then `… m` (release), 1-based cells. Which mouse
//! modes the dashboard asked for is read from tmux (`#{mouse_…_flag}`).
//! Needs `tmux` on the PATH (`.ci/run` installs it), so Unix only.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sandbox;
use common::tmux::Tmux;
use std::time::{Duration, Instant};

fn start(s: &Sandbox, t: &Tmux) {
    let line = format!(
        "COOLDOWN_CONFIG='{}' COOLDOWN_NOW='{}' TZ=UTC '{}' --db '{}'; echo \"EXIT=$?\"",
        s.config().display(),
        common::PINNED,
        env!("CARGO_BIN_EXE_cooldown"),
        s.db().display()
    );
    t.literal(&line);
    t.send(&["Enter"]);
    t.wait_for("Recovery checklist");
}

fn ticked(s: &Sandbox, id: &str) -> bool {
    let out = s.cmd().args(["checklist", "--json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["items"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()["ticked"] == true
}

#[test]
fn a_click_on_a_tab_switches_screens_and_a_click_on_an_item_ticks_it() {
    let s = Sandbox::new();
    let t = Tmux::start(&s, 80, 24);
    start(&s, &t);
    // Clicks and the wheel only: never every pointer move (1003), which would wake the
    // dashboard each time the pointer crosses a cell.
    assert_eq!(t.mouse_modes(), "1000 1006");

    t.click(t.cell_of("3 Trends"));
    t.wait_for("Resting HR");
    t.click(t.cell_of("1 Today"));
    t.wait_for("Recovery checklist");

    let walk = t.cell_of("Easy walk");
    t.click(walk);
    t.wait_for("saved: walk ticked");
    // The welcome box is gone with the first tick: the row is found again.
    let walk = t.cell_of("[x] Easy walk");
    assert!(ticked(&s, "walk"), "the tick is in the database");
    // A second click unticks it, anywhere on its row.
    t.click((70, walk.1));
    t.wait_for("saved: walk unticked");
    assert!(!ticked(&s, "walk"));

    // The wheel moves the selection like j, and ticks nothing.
    let first = t.cell_of("›[ ]");
    t.wheel_down(t.cell_of("Easy walk"));
    let deadline = Instant::now() + Duration::from_secs(15);
    while t.cell_of("›[").1 <= first.1 {
        assert!(Instant::now() < deadline, "the wheel did not move the selection:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!ticked(&s, "walk"));

    t.send(&["q"]);
    t.wait_for("EXIT=0");
    assert_eq!(t.mouse_modes(), "", "mouse reporting is off again after quitting");
}

#[test]
fn with_mouse_false_the_terminal_keeps_the_mouse_and_a_click_does_nothing() {
    let s = Sandbox::new();
    s.write("config/config.toml", "mouse = false\n");
    let t = Tmux::start(&s, 80, 24);
    start(&s, &t);
    assert_eq!(t.mouse_modes(), "", "no mouse mode is asked for");
    // Even a click report that reaches it (typed into the pane) is dropped: the help
    // opened after it still names Today, and nothing was ticked.
    t.click(t.cell_of("3 Trends"));
    t.click(t.cell_of("Easy walk"));
    t.send(&["?"]);
    t.wait_for(" Keys · Today ");
    t.send(&["Escape"]);
    t.wait_gone(" Keys · Today ");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    assert!(!ticked(&s, "walk"));
}

#[test]
fn a_bad_mouse_value_in_the_config_is_refused_with_the_file_and_line() {
    let s = Sandbox::new();
    s.write("config/config.toml", "focus = \"hrv\"\nmouse = \"off\"\n");
    let out = s.cmd().arg("checklist").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(65), "{err}");
    assert!(err.contains("config.toml") && err.contains("line 2"), "{err}");
    assert!(err.contains("mouse = \"off\" is not true or false"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
