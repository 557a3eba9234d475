//! SIGTERM, SIGINT, SIGHUP and SIGQUIT restore the terminal and exit with 128 + n, after
//! giving queued writes a moment to commit (and saying on stderr what was not saved). On
//! hangup (the terminal is gone) this is what ends the process promptly; when no SIGHUP
//! comes (blocked, or no controlling terminal after `setsid`), a second thread sees the
//! hangup on standard input itself. Unix only: elsewhere (Windows) Ctrl-C reaches the
//! dashboard as a key in raw mode (bound to quit), and closing the console ends the
//! process without a terminal to restore.

#[cfg(unix)]
pub use unix::install;

/// Nothing to install without Unix signals.
#[cfg(not(unix))]
pub fn install(
    _screen: std::sync::Arc<std::sync::Mutex<()>>,
    _remove_on_exit: Option<std::path::PathBuf>,
    _pending: std::sync::Arc<super::writer::Pending>,
    _grace: std::time::Duration,
) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
mod unix {
    use super::super::terminal;
    use super::super::writer::Pending;
    use rustix::event::{PollFd, PollFlags, poll};
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;
    use std::path::PathBuf;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    /// What the exit needs: the screen lock, the demo folder to remove, the write queue.
    struct Exit {
        /// Held by the run loop while it draws or reads, so a signal never cuts a frame
        /// in half.
        screen: Arc<Mutex<()>>,
        remove_on_exit: Option<PathBuf>,
        pending: Arc<Pending>,
        /// How long queued writes may take to commit before the process ends anyway.
        grace: Duration,
    }

    pub fn install(
        screen: Arc<Mutex<()>>,
        remove_on_exit: Option<PathBuf>,
        pending: Arc<Pending>,
        grace: Duration,
    ) -> std::io::Result<()> {
        let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT])?;
        let exit = Arc::new(Exit { screen, remove_on_exit, pending, grace });
        let exit2 = exit.clone();
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                leave_and_exit(&exit, 128 + signal);
            }
        })?;
        std::thread::Builder::new().name("hangup".into()).spawn(move || {
            if hung_up() {
                leave_and_exit(&exit2, 128 + SIGHUP);
            }
        })?;
        Ok(())
    }

    /// Blocks until standard input hangs up. It asks `poll` for no events, so keys never
    /// wake it (they stay for crossterm); a hangup or error is reported regardless. False
    /// when `poll` itself fails, or (outside Linux) cannot watch the terminal at all
    /// (macOS answers `POLLNVAL` for some terminal devices), which leaves the watch to
    /// the signals.
    fn hung_up() -> bool {
        let stdin = std::io::stdin();
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        loop {
            let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) if fds[0].revents().contains(PollFlags::NVAL) && !cfg!(target_os = "linux") => {
                    return false;
                }
                Ok(_) if fds[0].revents().intersects(gone) => return true,
                Ok(_) | Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return false,
            }
        }
    }

    fn leave_and_exit(exit: &Exit, code: i32) -> ! {
        let _held = exit.screen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let unsaved = exit.pending.wait_idle(exit.grace);
        terminal::leave();
        if unsaved > 0 {
            eprintln!(
                "cooldown: {} not saved: the database was busy until the end (dashboard): enter {} again",
                crate::text::changes(unsaved),
                if unsaved == 1 { "it" } else { "them" }
            );
        }
        if let Some(dir) = &exit.remove_on_exit {
            let _ = std::fs::remove_dir_all(dir);
        }
        std::process::exit(code);
    }
}
