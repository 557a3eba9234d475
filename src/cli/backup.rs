//! `cooldown backup FILE`: a consistent copy through SQLite's backup API, written
//! atomically, then opened and checked.

use super::Context;
use super::output::say;
use crate::error::Result;
use std::process::ExitCode;

pub fn run(ctx: &Context, target: &std::path::Path) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let target = crate::paths::absolute(target, "backup")?;
    let bytes = store.backup(&target)?;
    say(&format!(
        "backed up {} to {} ({} KiB, integrity ok)",
        store.path().display(),
        target.display(),
        bytes / 1024
    ))?;
    Ok(ExitCode::SUCCESS)
}
