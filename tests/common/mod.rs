//! Shared by the integration tests: a private temporary home for each test, the real
//! binary with its environment pinned, and file hashes.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod tmux;

use assert_cmd::Command;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A temporary folder standing in for the user's home: config, data and databases.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("cooldown.db")
    }

    pub fn config(&self) -> PathBuf {
        self.path("config/config.toml")
    }

    /// Writes a file under the sandbox, creating its folders.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// The real binary, with HOME, XDG folders and COOLDOWN_* pointing into the sandbox,
    /// and `--db` set to the sandbox database.
    pub fn cmd(&self) -> Command {
        let mut c = self.bare();
        c.arg("--db").arg(self.db());
        c
    }

    /// The real binary without `--db` (for default-location and `--demo` tests).
    pub fn bare(&self) -> Command {
        Command::from_std(self.bare_process())
    }

    /// `cmd()` as a plain process, for tests that spawn it and signal it.
    pub fn process(&self) -> std::process::Command {
        let mut c = self.bare_process();
        c.arg("--db").arg(self.db());
        c
    }

    /// `process()` on another database file.
    pub fn bare_process_at(&self, db: &Path) -> std::process::Command {
        let mut c = self.bare_process();
        c.arg("--db").arg(db);
        c
    }

    fn bare_process(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin!("cooldown"));
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("home/.local/share"))
            .env("XDG_CONFIG_HOME", self.path("home/.config"))
            .env("TMPDIR", self.dir.path())
            .env("COOLDOWN_CONFIG", self.config())
            .env("COOLDOWN_NOW", PINNED)
            .env("TZ", "UTC");
        c
    }
}

pub fn sha256(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Where every process of `Sandbox` starts its clock (`COOLDOWN_NOW`, local time in
/// TZ=UTC): a Saturday at noon. A test that needs another moment sets `COOLDOWN_NOW` itself.
pub const PINNED: &str = "2026-11-28T12:00:00";

/// The pinned moment, as the binary sees it at its start.
pub fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(&format!("{PINNED}Z")).unwrap()
}

/// Today's local date as the binary sees it.
pub fn today() -> chrono::NaiveDate {
    now().date_naive()
}
