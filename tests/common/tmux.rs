//! A private tmux server for the end-to-end tests: start a session, send keys and mouse
//! reports, read the screen.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use super::Sandbox;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server (its own socket) with one session running `sh`.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(sandbox: &Sandbox, width: u16, height: u16) -> Tmux {
        let socket = format!(
            "cooldown-e2e-{}-{}",
            std::process::id(),
            sandbox.dir.path().file_name().unwrap().to_string_lossy()
        );
        let t = Tmux { socket };
        let out = t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "sh",
        ]);
        assert!(
            out.status.success(),
            "tmux failed to start (is tmux installed?): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed for the end-to-end tests (apt-get install tmux)")
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    pub fn type_line(&self, line: &str) {
        let out = self.tmux(&["send-keys", "-t", "e2e", "-l", line]);
        assert!(out.status.success());
        self.send(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(Instant::now() < deadline, "{needle:?} never appeared; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `needle` is gone from the screen (an overlay closed, say): a key sent
    /// right after Escape would otherwise reach the program as Alt and that key.
    pub fn wait_gone(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if !screen.contains(needle) {
                return screen;
            }
            assert!(Instant::now() < deadline, "{needle:?} never went; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn alternate_screen(&self) -> bool {
        let out = self.tmux(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Types `text` as it is (escape sequences included).
    pub fn literal(&self, text: &str) {
        assert!(self.tmux(&["send-keys", "-t", "e2e", "-l", text]).status.success());
    }

    /// The 0-based cell where `needle` first shows on screen.
    pub fn cell_of(&self, needle: &str) -> (usize, usize) {
        let screen = self.wait_for(needle);
        screen
            .lines()
            .enumerate()
            .find_map(|(y, line)| line.find(needle).map(|i| (line[..i].chars().count(), y)))
            .unwrap()
    }

    /// A left click on the cell (0-based), as the terminal reports it.
    pub fn click(&self, (x, y): (usize, usize)) {
        self.literal(&format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", x + 1, y + 1, x + 1, y + 1));
    }

    /// One notch of the wheel, down, over the cell (0-based).
    pub fn wheel_down(&self, (x, y): (usize, usize)) {
        self.literal(&format!("\x1b[<65;{};{}M", x + 1, y + 1));
    }

    /// The pane's mouse modes: 1000 (clicks), 1002 (drags), 1003 (every move), 1006 (SGR).
    pub fn mouse_modes(&self) -> String {
        let flags = "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_sgr_flag}";
        let out = self.tmux(&["display-message", "-p", "-t", "e2e", flags]);
        let f: Vec<char> = String::from_utf8_lossy(&out.stdout).trim().chars().collect();
        let on =
            |i: usize, mode: &str| if f.get(i) == Some(&'1') { format!(" {mode}") } else { String::new() };
        format!("{}{}{}{}", on(0, "1000"), on(1, "1002"), on(2, "1003"), on(3, "1006")).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
