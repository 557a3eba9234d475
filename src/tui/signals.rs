//! SIGTERM, SIGINT, SIGHUP and SIGQUIT restore the terminal and exit with 128 + n. On
//! hangup (the terminal is gone) this is what ends the process promptly.

use super::terminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// `screen` is held by the run loop while it draws or writes to the store, so a signal
/// never cuts a commit or a frame in half.
pub fn install(screen: Arc<Mutex<()>>, remove_on_exit: Option<PathBuf>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _held = screen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            terminal::leave();
            if let Some(dir) = remove_on_exit {
                let _ = std::fs::remove_dir_all(dir);
            }
            std::process::exit(128 + signal);
        }
    })?;
    Ok(())
}
