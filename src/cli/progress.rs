//! A one-line progress bar for a big import, on standard error when it is a terminal:
//! files read of all, and bytes. It appears only after the import has taken a moment,
//! redraws at most ten times a second, and is erased before the summary or an error. Piped,
//! it writes nothing.

use crate::clock::Clock;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// No bar for an import that ends sooner than this.
const QUIET_START: Duration = Duration::from_millis(300);
/// The shortest time between two redraws.
const REDRAW_EVERY: Duration = Duration::from_millis(100);
const BAR_CELLS: usize = 24;

pub struct Progress<'a> {
    clock: &'a Clock,
    on: bool,
    started: Instant,
    drawn: Option<Instant>,
    files: usize,
    done: usize,
    bytes: u64,
}

impl<'a> Progress<'a> {
    pub fn new(clock: &'a Clock, files: usize) -> Progress<'a> {
        let on = std::io::stderr().is_terminal();
        Progress { clock, on, started: clock.mono(), drawn: None, files, done: 0, bytes: 0 }
    }

    pub fn read(&mut self, bytes: u64) {
        self.bytes += bytes;
    }

    pub fn file_done(&mut self) {
        self.done += 1;
        self.draw(false);
    }

    /// The files are read; the transaction runs.
    pub fn storing(&mut self) {
        self.draw(true);
    }

    fn draw(&mut self, storing: bool) {
        let now = self.clock.mono();
        let due = self.drawn.is_none_or(|t| now.duration_since(t) >= REDRAW_EVERY);
        if !self.on || now.duration_since(self.started) < QUIET_START || !(due || storing) {
            return;
        }
        self.drawn = Some(now);
        let filled = (self.done * BAR_CELLS).checked_div(self.files).unwrap_or(BAR_CELLS).min(BAR_CELLS);
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(BAR_CELLS - filled));
        let mib = self.bytes as f64 / (1024.0 * 1024.0);
        let tail = if storing { " · storing…" } else { "" };
        let mut err = std::io::stderr().lock();
        let _ =
            write!(err, "\r\x1b[Kimporting [{bar}] {}/{} files · {mib:.1} MiB{tail}", self.done, self.files);
        let _ = err.flush();
    }

    /// Erases the bar, if one was drawn.
    pub fn clear(&mut self) {
        if self.drawn.take().is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// An error ends the import: the bar goes first, so the error line stands alone.
impl Drop for Progress<'_> {
    fn drop(&mut self) {
        self.clear();
    }
}
