//! `cooldown import FILE|-`: a markers or runs CSV, or a wellness export, all or nothing.

use super::Context;
use super::output::say;
use crate::error::{Error, Result};
use crate::exchange::import;
use crate::platform::{self, Opened};
use crate::store::Tally;
use crate::text;
use std::io::Read;
use std::process::ExitCode;

/// The most an import reads: ten years of a watch's daily data is a few MiB, so 64 MiB
/// is generous, and a runaway input (`/dev/zero`, a wrong file) stops there.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads at most [`MAX_IMPORT_BYTES`] from `input`; more is refused, never read on.
fn read_bounded(input: impl Read, name: &str) -> Result<String> {
    let mut bytes = Vec::new();
    input.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| {
        Error::io(format!("cannot read it: {e}"), name.to_string(), "check the file; nothing was imported")
    })?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_big(name));
    }
    String::from_utf8(bytes).map_err(|_| {
        Error::bad_input(
            "not UTF-8 text",
            name.to_string(),
            "save it as a UTF-8 CSV file; nothing was imported",
        )
    })
}

fn too_big(name: &str) -> Error {
    Error::bad_input(
        "larger than 64 MiB, the most an import reads",
        name.to_string(),
        "split it into smaller files (a year at a time); nothing was imported",
    )
}

/// The text to import and the name to call it by: standard input for `-`, else a
/// regular file (a FIFO or a device is refused at once, never waited on or read without
/// end).
fn read_input(file: &str) -> Result<(String, String)> {
    if file == "-" {
        return Ok((read_bounded(std::io::stdin().lock(), "stdin")?, "stdin".to_string()));
    }
    let name = text::clean(file).into_owned();
    let (input, meta) = match platform::open_regular(std::path::Path::new(file)) {
        Ok(Opened::File(input, meta)) => (input, meta),
        Ok(Opened::NotRegular(kind)) => {
            return Err(Error::bad_input(
                format!("this is {kind}, not a regular file"),
                name,
                "give a CSV file, or pipe the data in with `cooldown import -`",
            ));
        }
        Err(e) => {
            return Err(Error::io(
                format!("cannot read the file: {e}"),
                name,
                "check the path; it must be a UTF-8 CSV file",
            ));
        }
    };
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(too_big(&name));
    }
    Ok((read_bounded(input, &name)?, name))
}

pub fn run(ctx: &Context, file: &str) -> Result<ExitCode> {
    let (text, name) = read_input(file)?;
    let got = import::parse(&text, &name, ctx.today)?;
    let mut store = ctx.open_store()?;
    let (mornings, runs) = import::store(&mut store, &got, ctx.clock.now())?;
    let parts: Vec<String> = [(mornings, "morning", "mornings"), (runs, "run", "runs")]
        .iter()
        .filter_map(|(t, one, many)| tally(*t, one, many))
        .collect();
    say(&format!(
        "imported {}: {}",
        got.file,
        if parts.is_empty() { "no rows".to_string() } else { parts.join("; ") }
    ))?;
    for c in &got.converted {
        say(&format!("converted {c}"))?;
    }
    if !got.ignored.is_empty() {
        let ignored = text::names(&got.ignored, 40, 30);
        say(&format!("ignored columns (no place for them in cooldown): {ignored}"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "3 mornings (2 new, 1 changed, 0 already the same)".
fn tally(t: Tally, one: &str, many: &str) -> Option<String> {
    let total = t.new + t.changed + t.same;
    let noun = if total == 1 { one } else { many };
    (total > 0).then(|| {
        format!("{total} {noun} ({} new, {} changed, {} already the same)", t.new, t.changed, t.same)
    })
}
