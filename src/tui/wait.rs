//! Sleeping until something matters: a key or a resize on the terminal, a write to the
//! database by another process, or the next moment the clock changes what is shown.
//!
//! - Linux: one `poll` over standard input, a SIGWINCH pipe, a SIGTSTP/SIGCONT pipe and
//!   an inotify watch on the database and its write-ahead log, so an idle dashboard does not wake to ask SQLite
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
    /// SIGTSTP came from outside (`kill -TSTP`): give the terminal back and stop.
    pub suspend: bool,
    /// SIGCONT came: the process was stopped (perhaps by an uncatchable SIGSTOP) and the
    /// terminal may have been used meanwhile: take it again and redraw.
    pub resumed: bool,
}

/// How long crossterm may wait for the next event while the loop empties its queue. Not
/// zero: crossterm's level-triggered reader (the `use-dev-tty` source, see Cargo.toml)
/// does not look at the terminal at all within a zero timeout; and it polls in whole
/// milliseconds, so the last one is spent spinning: look only after a wake-up for input. Its edge-triggered default
/// stops reading after the first 1 KiB that holds a key, and never comes back to the
/// rest (no new edge arrives while a paste fills the terminal's buffer), which `poll`
/// below then reports ready forever: a busy loop, and a paste cut at 1024 bytes.
pub const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// True when crossterm has an event to read (within `DRAIN_WAIT`).
pub fn event_ready() -> std::io::Result<bool> {
    ratatui::crossterm::event::poll(DRAIN_WAIT)
}

#[cfg(unix)]
pub use unix::Waiter;

#[cfg(unix)]
mod unix {
    use super::Woke;
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::io::Errno;
    use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};
    use std::fs::File;
    use std::io::Read;
    use std::os::unix::net::UnixStream;
    use std::path::Path;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    pub struct Waiter {
        resized: UnixStream,
        /// SIGTSTP and SIGCONT write here (to wake the wait) and set their flag.
        jobs: UnixStream,
        stop: Arc<AtomicBool>,
        cont: Arc<AtomicBool>,
        watch: Option<File>,
        /// False once `poll` has refused the terminal: crossterm waits instead.
        polls_terminal: bool,
    }

    impl Waiter {
        /// `db` is the database file; its `-wal` is watched too.
        pub fn new(db: &Path) -> std::io::Result<Waiter> {
            let (resized, writer) = UnixStream::pair()?;
            resized.set_nonblocking(true)?;
            signal_hook::low_level::pipe::register(SIGWINCH, writer)?;
            let (jobs, writer) = UnixStream::pair()?;
            jobs.set_nonblocking(true)?;
            let (stop, cont) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
            signal_hook::flag::register(SIGTSTP, stop.clone())?;
            signal_hook::flag::register(SIGCONT, cont.clone())?;
            signal_hook::low_level::pipe::register(SIGTSTP, writer.try_clone()?)?;
            signal_hook::low_level::pipe::register(SIGCONT, writer)?;
            Ok(Waiter { resized, jobs, stop, cont, watch: watch(db).ok(), polls_terminal: true })
        }

        /// Forgets a SIGCONT already answered (the loop resumed after stopping itself).
        pub fn forget_resume(&mut self) {
            self.cont.store(false, Ordering::SeqCst);
        }

        /// The job-control signals that came since the last look.
        fn jobs(&mut self, mut woke: Woke) -> Woke {
            let mut sink = [0u8; 64];
            while matches!((&self.jobs).read(&mut sink), Ok(n) if n > 0) {}
            woke.suspend = self.stop.swap(false, Ordering::SeqCst);
            woke.resumed = self.cont.swap(false, Ordering::SeqCst);
            woke
        }

        /// True when writes by other processes wake the wait; otherwise the caller must
        /// not sleep longer than a second between looks at the database.
        pub fn sees_writes(&self) -> bool {
            self.watch.is_some()
        }

        /// Blocks until input, a database write, a hangup, or `timeout`.
        pub fn wait(&mut self, timeout: Duration) -> std::io::Result<Woke> {
            if !self.polls_terminal {
                let woke = super::in_crossterm(timeout, self.sees_writes())?;
                return Ok(self.jobs(woke));
            }
            let woke = self.poll(timeout)?;
            Ok(self.jobs(woke))
        }

        fn poll(&mut self, timeout: Duration) -> std::io::Result<Woke> {
            let stdin = std::io::stdin();
            let input = PollFlags::IN;
            let mut fds = vec![
                PollFd::new(&stdin, input),
                PollFd::new(&self.resized, input),
                PollFd::new(&self.jobs, input),
            ];
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
                    return Ok(Woke {
                        input: true,
                        resized: true,
                        data: !self.sees_writes(),
                        ..Woke::default()
                    });
                }
                Err(e) => return Err(e.into()),
            }
            let has = |i: usize, flags: PollFlags| fds.get(i).is_some_and(|f| f.revents().intersects(flags));
            if has(0, PollFlags::NVAL) && !cfg!(target_os = "linux") {
                // Standard input is open (it is our terminal), so `poll` cannot watch it.
                self.polls_terminal = false;
                return Ok(Woke { input: true, resized: true, data: !self.sees_writes(), ..Woke::default() });
            }
            let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
            let woke = Woke {
                input: has(0, input) || has(1, input),
                resized: has(1, input),
                data: has(3, input) || !self.sees_writes(),
                hangup: has(0, gone),
                ..Woke::default()
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

    /// No job-control signals here.
    pub fn forget_resume(&mut self) {}
}

/// Waits in crossterm until it has an event (a key or a resize) or `timeout` passes.
/// It sees no database writes, nor a hangup.
fn in_crossterm(timeout: Duration, sees_writes: bool) -> std::io::Result<Woke> {
    let input = ratatui::crossterm::event::poll(timeout)?;
    Ok(Woke { input, data: !sees_writes, ..Woke::default() })
}
