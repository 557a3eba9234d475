//! Where a command's page goes: a file written atomically, or standard output.

use crate::error::{Error, Result};
use crate::exchange::atomic;
use std::io::Write;
use std::path::Path;

/// Writes `text` to `out` atomically (saying so on stderr), or to standard output.
/// A closed pipe (`cooldown export | head`) ends the output quietly, as other tools do.
pub fn emit(text: &str, out: Option<&Path>, command: &str) -> Result<()> {
    match out {
        Some(path) => {
            atomic::write(path, text.as_bytes())?;
            eprintln!("wrote {} ({} bytes)", path.display(), text.len());
            Ok(())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io(
                    format!("cannot write to standard output: {e}"),
                    command.to_string(),
                    "use --out FILE",
                )),
                _ => Ok(()),
            }
        }
    }
}

/// `println!` for command output: a closed pipe ends it quietly, another write error is
/// reported (exit 74) instead of a panic.
pub fn say(text: &str) -> Result<()> {
    emit(&format!("{text}\n"), None, "output")
}

/// `print!` likewise.
pub fn show(text: &str) -> Result<()> {
    emit(text, None, "output")
}
