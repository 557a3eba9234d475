//! `cooldown import FILE|-`: a markers or runs CSV, or a wellness export, all or nothing.

use super::Context;
use super::output::say;
use crate::error::{Error, Result};
use crate::exchange::import;
use crate::store::Tally;
use std::io::Read;
use std::process::ExitCode;

pub fn run(ctx: &Context, file: &str) -> Result<ExitCode> {
    let (text, name) = if file == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| {
            Error::io(format!("cannot read standard input: {e}"), "import -", "pipe a CSV file in")
        })?;
        (text, "stdin".to_string())
    } else {
        let text = std::fs::read_to_string(file).map_err(|e| {
            let kind = if e.kind() == std::io::ErrorKind::InvalidData {
                crate::error::Kind::BadInput
            } else {
                crate::error::Kind::Io
            };
            Error::new(
                kind,
                format!("cannot read the file: {e}"),
                file.to_string(),
                "check the path; it must be a UTF-8 CSV file",
            )
        })?;
        (text, file.to_string())
    };
    let got = import::parse(&text, &name, ctx.today)?;
    let mut store = ctx.open_store()?;
    let (mornings, runs) = store.import_rows(&got.markers, &got.runs, ctx.clock.now())?;
    let parts: Vec<String> = [(mornings, "morning", "mornings"), (runs, "run", "runs")]
        .iter()
        .filter_map(|(t, one, many)| tally(*t, one, many))
        .collect();
    say(&format!(
        "imported {name}: {}",
        if parts.is_empty() { "no rows".to_string() } else { parts.join("; ") }
    ))?;
    for c in &got.converted {
        say(&format!("converted {c}"))?;
    }
    if !got.ignored.is_empty() {
        say(&format!("ignored columns (no place for them in cooldown): {}", got.ignored.join(", ")))?;
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
