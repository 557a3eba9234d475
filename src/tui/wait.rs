//! Sleeping until something matters: a key or a resize on the terminal, a write to the
//! database by another process, or the next moment the clock changes what is shown.
//!
//! - Linux: one `poll` over standard input, a SIGWINCH pipe and an inotify watch on the
//!   database and its write-ahead log, so an idle dashboard does not wake to ask SQLite
//!   whether anything changed.
//! - Other Unix (macOS, the BSDs): the same `poll` without the inotify watch; the loop
//!   asks SQLite once a second (`sees_writes` is false). Should `poll` refuse the terminal
//!   (macOS answers `POLLNVAL` for some terminal devices), the wait moves to crossterm.
//! - Elsewhere (Windows): crossterm's own `event::poll`, which also reports resizes.

use std::time::Duration;

/// What ended a wait; several may be true at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Woke {
    /// Keys or a resize: crossterm has events to read.
    pub input: bool,
    /// SIGWINCH came: the terminal may have a new size (crossterm reports it too, but
    /// only once its own event source exists).
    pub resized: bool,
    /// The database or its log changed (or, without inotify, it may have).
    pub data: bool,
    /// The terminal hung up.
    pub hangup: bool,
}

#[cfg(unix)]
pub use unix::Waiter;

#[cfg(unix)]
mod unix {
    use super::Woke;
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::io::Errno;
    use std::fs::File;
    use std::io::Read;
    use std::os::unix::net::UnixStream;
    use std::path::Path;
    use std::time::Duration;

    pub struct Waiter {
        resized: UnixStream,
        watch: Option<File>,
        /// False once `poll` has refused the terminal: crossterm waits instead.
        polls_terminal: bool,
    }

    impl Waiter {
        /// `db` is the database file; its `-wal` is watched too.
        pub fn new(db: &Path) -> std::io::Result<Waiter> {
            let (resized, writer) = UnixStream::pair()?;
            resized.set_nonblocking(true)?;
            signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
            Ok(Waiter { resized, watch: watch(db).ok(), polls_terminal: true })
        }

        /// True when writes by other processes wake the wait; otherwise the caller must
        /// not sleep longer than a second between looks at the database.
        pub fn sees_writes(&self) -> bool {
            self.watch.is_some()
        }

        /// Blocks until input, a database write, a hangup, or `timeout`.
        pub fn wait(&mut self, timeout: Duration) -> std::io::Result<Woke> {
            if !self.polls_terminal {
                return super::in_crossterm(timeout, self.sees_writes());
            }
            let stdin = std::io::stdin();
            let input = PollFlags::IN;
            let mut fds = vec![PollFd::new(&stdin, input), PollFd::new(&self.resized, input)];
            if let Some(w) = &self.watch {
                fds.push(PollFd::new(w, input));
            }
            let limit = Timespec {
                tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
                tv_nsec: i64::from(timeout.subsec_nanos()),
            };
            match poll(&mut fds, Some(&limit)) {
                Ok(_) => {}
                // A signal (a resize, say) arrived: look at everything once more.
                Err(Errno::INTR) => {
                    return Ok(Woke { input: true, resized: true, data: !self.sees_writes(), hangup: false });
                }
                Err(e) => return Err(e.into()),
            }
            let has = |i: usize, flags: PollFlags| fds.get(i).is_some_and(|f| f.revents().intersects(flags));
            if has(0, PollFlags::NVAL) && !cfg!(target_os = "linux") {
                // Standard input is open (it is our terminal), so `poll` cannot watch it.
                self.polls_terminal = false;
                return Ok(Woke { input: true, resized: true, data: !self.sees_writes(), hangup: false });
            }
            let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
            let woke = Woke {
                input: has(0, input) || has(1, input),
                resized: has(1, input),
                data: has(2, input) || !self.sees_writes(),
                hangup: has(0, gone),
            };
            drop(fds);
            let mut sink = [0u8; 4096];
            if woke.input {
                while matches!((&self.resized).read(&mut sink), Ok(n) if n > 0) {}
            }
            if let (true, Some(w)) = (woke.data, &mut self.watch) {
                while matches!(w.read(&mut sink), Ok(n) if n > 0) {}
            }
            Ok(woke)
        }
    }

    /// An inotify descriptor watching `db` and `db-wal` for writes (every commit in WAL
    /// mode appends to the log; a checkpoint writes the file).
    #[cfg(target_os = "linux")]
    fn watch(db: &Path) -> std::io::Result<File> {
        use rustix::fs::inotify::{self, CreateFlags, WatchFlags};
        let fd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)?;
        inotify::add_watch(&fd, db, WatchFlags::MODIFY)?;
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        // The log exists while any connection reads in WAL mode; ours has read by now.
        inotify::add_watch(&fd, Path::new(&wal), WatchFlags::MODIFY)?;
        Ok(File::from(fd))
    }

    /// No inotify here: the loop asks SQLite instead.
    #[cfg(not(target_os = "linux"))]
    fn watch(_db: &Path) -> std::io::Result<File> {
        Err(std::io::ErrorKind::Unsupported.into())
    }
}

/// Without a Unix `poll`: crossterm's own wait, for keys and resizes alike.
#[cfg(not(unix))]
pub struct Waiter;

#[cfg(not(unix))]
impl Waiter {
    pub fn new(_db: &std::path::Path) -> std::io::Result<Waiter> {
        Ok(Waiter)
    }

    /// Never: the caller looks at the database at least once a second.
    pub fn sees_writes(&self) -> bool {
        false
    }

    /// Blocks until crossterm has an event, or `timeout`.
    pub fn wait(&mut self, timeout: Duration) -> std::io::Result<Woke> {
        in_crossterm(timeout, self.sees_writes())
    }
}

/// Waits in crossterm until it has an event (a key or a resize) or `timeout` passes.
/// It sees no database writes, nor a hangup.
fn in_crossterm(timeout: Duration, sees_writes: bool) -> std::io::Result<Woke> {
    let input = ratatui::crossterm::event::poll(timeout)?;
    Ok(Woke { input, resized: false, data: !sees_writes, hangup: false })
}
