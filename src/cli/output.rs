//! Where a command's output goes: a file written atomically, or standard output. Either
//! way its control characters are replaced (line breaks and tabs stay), so text from the
//! database or the routine cannot drive the terminal (RELIABILITY.md rule 15).

use crate::error::{Error, Result};
use crate::exchange::atomic;
use crate::paths::{self, Target};
use crate::text;
use std::io::Write;
use std::path::Path;

/// Where a page goes: `--out` checked before anything is read or computed — never the
/// database at `db` or one of its files, a folder or a device (`paths::out_target`); no
/// `--out`, or `-`, is standard output.
pub fn target(out: Option<&Path>, db: &Path) -> Result<Target> {
    out.map_or(Ok(Target::Stdout), |p| paths::out_target(p, db, "--out"))
}

/// Writes a page (`export`, `print`, `plan`) to its target: a file atomically, saying so
/// on stderr, or standard output.
pub fn emit(text: &str, target: &Target, command: &str) -> Result<()> {
    match target {
        Target::File(path) => {
            let page = text::clean_lines(text);
            atomic::write(path, page.as_bytes())?;
            eprintln!("wrote {} ({} bytes)", text::path(path), page.len());
            Ok(())
        }
        Target::Stdout => stdout(text, command),
    }
}

/// Standard output; a closed pipe (`cooldown export | head`) ends it quietly, as other
/// tools do, and another write error is reported (exit 74) instead of a panic.
fn stdout(text: &str, command: &str) -> Result<()> {
    let page = text::clean_lines(text);
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(page.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io(
            format!("cannot write to standard output: {e}"),
            command.to_string(),
            "use --out FILE",
        )),
        _ => Ok(()),
    }
}

/// `println!` for command output.
pub fn say(text: &str) -> Result<()> {
    stdout(&format!("{text}\n"), "output")
}

/// `print!` likewise.
pub fn show(text: &str) -> Result<()> {
    stdout(text, "output")
}
