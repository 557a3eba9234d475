//! Sleeping until something matters: a key or a resize on the terminal, a write to the
//! database by another process, or the next moment the clock changes what is shown. One
//! `poll` over standard input, a SIGWINCH pipe and an inotify watch on the database and its
//! write-ahead log, so an idle dashboard does not wake to ask SQLite whether anything
//! changed. Without inotify it falls back to asking once a second.

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::inotify::{self, CreateFlags, WatchFlags};
use rustix::io::Errno;
use std::fs::File;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::path::Path;
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

pub struct Waiter {
    resized: UnixStream,
    watch: Option<File>,
}

impl Waiter {
    /// `db` is the database file; its `-wal` is watched too.
    pub fn new(db: &Path) -> std::io::Result<Waiter> {
        let (resized, writer) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
        Ok(Waiter { resized, watch: watch(db).ok() })
    }

    /// True when writes by other processes wake the wait; otherwise the caller must not
    /// sleep longer than a second between looks at the database.
    pub fn sees_writes(&self) -> bool {
        self.watch.is_some()
    }

    /// Blocks until input, a database write, a hangup, or `timeout`.
    pub fn wait(&mut self, timeout: Duration) -> std::io::Result<Woke> {
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
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        let has = |i: usize, flags: PollFlags| fds.get(i).is_some_and(|f| f.revents().intersects(flags));
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

/// An inotify descriptor watching `db` and `db-wal` for writes (every commit in WAL mode
/// appends to the log; a checkpoint writes the file).
fn watch(db: &Path) -> std::io::Result<File> {
    let fd: OwnedFd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)?;
    inotify::add_watch(&fd, db, WatchFlags::MODIFY)?;
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    // The log exists while any connection reads in WAL mode; ours has read by now.
    inotify::add_watch(&fd, Path::new(&wal), WatchFlags::MODIFY)?;
    Ok(File::from(fd))
}
