//! A one-line progress bar for a big import, on standard error when it is a terminal:
//! files read of all, and bytes — within a file too, as a big one (a streamed Apple Health
//! export) is read ([`Tracked`]). It appears only after the import has taken a moment,
//! redraws at most ten times a second, and is erased before the summary or an error. Piped,
//! it writes nothing.

use crate::clock::Clock;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
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
    /// Bytes of the files done.
    bytes: u64,
    /// How far into the file being read, of how long it is.
    at: u64,
    len: u64,
}

impl<'a> Progress<'a> {
    pub fn new(clock: &'a Clock, files: usize) -> Progress<'a> {
        let on = std::io::stderr().is_terminal();
        Progress { clock, on, started: clock.mono(), drawn: None, files, done: 0, bytes: 0, at: 0, len: 0 }
    }

    /// A file of `len` bytes is being read.
    pub fn file_start(&mut self, len: u64) {
        (self.at, self.len) = (0, len);
    }

    /// The file being read is read up to `at`.
    fn file_at(&mut self, at: u64) {
        self.at = at.min(self.len);
        self.draw(false);
    }

    pub fn file_done(&mut self) {
        self.done += 1;
        self.bytes += self.len;
        (self.at, self.len) = (0, 0);
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
        let part = if self.len == 0 { 0.0 } else { self.at as f64 / self.len as f64 };
        let share = if self.files == 0 { 1.0 } else { (self.done as f64 + part) / self.files as f64 };
        let filled = ((share * BAR_CELLS as f64) as usize).min(BAR_CELLS);
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(BAR_CELLS - filled));
        let mib = (self.bytes + self.at) as f64 / (1024.0 * 1024.0);
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

/// A file being read, its position shown on the bar as it goes (a zip's reader seeks: the
/// position, not the sum of reads, is how far it is).
pub struct Tracked<'p, 'c, R> {
    inner: R,
    at: u64,
    progress: &'p mut Progress<'c>,
}

impl<'p, 'c, R> Tracked<'p, 'c, R> {
    pub fn new(inner: R, progress: &'p mut Progress<'c>) -> Self {
        Tracked { inner, at: 0, progress }
    }
}

impl<R: Read> Read for Tracked<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at += n as u64;
        self.progress.file_at(self.at);
        Ok(n)
    }
}

impl<R: Seek> Seek for Tracked<'_, '_, R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.at = self.inner.seek(to)?;
        Ok(self.at)
    }
}

/// An error ends the import: the bar goes first, so the error line stands alone.
impl Drop for Progress<'_> {
    fn drop(&mut self) {
        self.clear();
    }
}
