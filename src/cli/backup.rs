//! `cooldown backup FILE`: a consistent copy through SQLite's backup API, written
//! atomically, then opened and checked. Never over the database in use or one of its
//! files, a folder or a device; `-` writes the copy to standard output.

use super::Context;
use super::output::say;
use crate::error::{Error, Result};
use crate::paths::{self, Target};
use crate::store::Store;
use crate::text;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub fn run(ctx: &Context, target: &std::path::Path) -> Result<ExitCode> {
    let target = paths::out_target(target, &ctx.db.path, "backup")?;
    if target == Target::Stdout && std::io::stdout().is_terminal() {
        return Err(Error::bad_input(
            "standard output is a terminal, and a backup is a binary file",
            "backup -",
            "redirect it (`cooldown backup - > FILE`) or give a file name",
        ));
    }
    let store = ctx.open_store()?;
    match target {
        Target::File(path) => {
            let bytes = store.backup(&path)?;
            say(&format!(
                "backed up {} to {} ({} KiB, integrity ok)",
                text::path(store.path()),
                text::path(&path),
                bytes / 1024
            ))?;
        }
        Target::Stdout => {
            let bytes = to_stdout(&store)?;
            eprintln!(
                "backed up {} to standard output ({} KiB, integrity ok)",
                text::path(store.path()),
                bytes / 1024
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The checked copy is made in a private temporary folder (removed afterwards), then
/// copied to standard output; a closed pipe is an error here, since the copy is cut short.
fn to_stdout(store: &Store) -> Result<u64> {
    let io = |e: std::io::Error| {
        Error::io(format!("cannot write the backup to standard output: {e}"), "backup -", "give a file name")
    };
    let dir = tempfile::Builder::new().prefix("cooldown-backup-").tempdir().map_err(|e| {
        Error::io(format!("cannot create a temporary folder: {e}"), "backup -", "check $TMPDIR")
    })?;
    let copy = dir.path().join("backup.db");
    store.backup(&copy)?;
    let mut file = std::fs::File::open(&copy).map_err(io)?;
    let mut stdout = std::io::stdout().lock();
    let bytes = std::io::copy(&mut file, &mut stdout).and_then(|n| stdout.flush().map(|()| n)).map_err(io)?;
    Ok(bytes)
}
