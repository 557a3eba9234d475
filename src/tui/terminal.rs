//! Entering and leaving the terminal: raw mode, the alternate screen, bracketed paste and
//! (unless the config says `mouse = false`) mouse reporting, restored on quit, on panic
//! (our hook) and on signals (see `signals`); given back on Ctrl-Z or SIGTSTP and taken
//! again on SIGCONT.
//!
//! Mouse reporting is presses, releases and the wheel only (modes 1000 and 1006, SGR
//! coordinates): crossterm's `EnableMouseCapture` also asks for every pointer move (mode
//! 1003), which would wake the dashboard each time the pointer crosses a cell.

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{Command, execute};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, BufWriter, Stdout, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Frames go out in one write: `Stdout` alone flushes every 1 KiB, so a full frame would
/// reach the terminal in pieces.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Larger than any frame's changes at 300 columns.
const FRAME_BUFFER: usize = 256 * 1024;

static PANIC_HOOK: Once = Once::new();

/// Whether the dashboard reports the mouse: set by `enter`, read again on a resume.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Mouse reporting without pointer moves: button presses and releases, the wheel (1000),
/// in SGR coordinates (1006), which also reach past column 223.
struct MouseClicks;

impl Command for MouseClicks {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }

    /// The Windows console reports the mouse through its own API (no escape sequences).
    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        ratatui::crossterm::event::EnableMouseCapture.execute_winapi()
    }

    #[cfg(windows)]
    fn is_ansi_code_supported(&self) -> bool {
        false
    }
}

/// Turns mouse reporting on when the dashboard asked for it.
fn mouse_on() -> io::Result<()> {
    if MOUSE.load(Ordering::SeqCst) { execute!(stdout(), MouseClicks) } else { Ok(()) }
}

/// `mouse`: report clicks and the wheel (`mouse = true` in the config, the default).
pub fn enter(mouse: bool) -> io::Result<Term> {
    MOUSE.store(mouse, Ordering::SeqCst);
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            previous(info);
        }));
    });
    enable_raw_mode()?;
    // Bracketed paste: a paste arrives as one piece of text, never as keys (a line break
    // in it would press Enter, a `q` quit).
    if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste).and_then(|()| mouse_on()) {
        leave();
        return Err(e);
    }
    // A fixed viewport, resized on the terminal's resize events: ratatui would otherwise
    // ask the terminal for its size (open /dev/tty, ioctl) before every frame.
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Terminal::with_options(
        CrosstermBackend::new(BufWriter::with_capacity(FRAME_BUFFER, stdout())),
        TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, width, height)) },
    )
}

/// The terminal is now `width` × `height`.
pub fn resize(term: &mut Term, width: u16, height: u16) -> io::Result<()> {
    term.resize(Rect::new(0, 0, width, height))
}

/// Cooked mode, main screen, cursor shown, no mouse reporting. Safe to call twice, and on
/// a terminal that is gone (errors are ignored: there is nobody left to tell).
pub fn leave() {
    let _ = disable_raw_mode();
    mouse_off();
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
}

/// Mouse reporting off, in every mode crossterm knows. On a terminal, whether or not it
/// was on (a shell left with it on prints escape sequences at every click); on the
/// Windows console only when it was, as there it puts back a mode saved when it went on.
fn mouse_off() {
    if cfg!(unix) || MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
}

/// Takes the terminal again after a stop, whatever was done to it meanwhile (a shell
/// puts its own modes back and draws its prompt): raw mode, the alternate screen,
/// bracketed paste, mouse reporting (when on), and the next frame drawn whole.
#[cfg(unix)]
fn retake(term: &mut Term) -> io::Result<()> {
    // crossterm skips `enable_raw_mode` while it believes raw mode is on (after SIGSTOP
    // nothing told it otherwise): put the modes from before the dashboard back first,
    // so they are what it keeps for the end.
    let _ = disable_raw_mode();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    mouse_on()?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    resize(term, width, height)?;
    term.clear()
}

/// What a stop request came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Stopped, continued, and the terminal taken again.
    #[cfg_attr(not(unix), allow(dead_code))]
    Resumed,
    /// Not stopped: nothing could continue the process (see `jobs::resumable`).
    Refused,
}

/// Ctrl-Z or SIGTSTP: give the terminal back, stop until continued (`fg`), then take it
/// again. A process that nothing could continue is not stopped, as the kernel would not
/// stop it on SIGTSTP either.
#[cfg(unix)]
pub fn suspend(term: &mut Term) -> io::Result<Stop> {
    if !jobs::resumable() {
        return Ok(Stop::Refused);
    }
    leave();
    jobs::stop();
    resume(term)?;
    Ok(Stop::Resumed)
}

/// SIGCONT (after a stop of any kind): take the terminal again — once it is ours. In the
/// background (continued by `kill -CONT` while the shell keeps the terminal) the
/// dashboard stops again rather than draw over the shell; `fg` continues it.
#[cfg(unix)]
pub fn resume(term: &mut Term) -> io::Result<()> {
    while !jobs::foreground() {
        if !jobs::resumable() {
            return Ok(());
        }
        jobs::stop();
    }
    retake(term)
}

/// No job control without Unix (the key is not bound there): nothing to do.
#[cfg(not(unix))]
pub fn suspend(_term: &mut Term) -> io::Result<Stop> {
    Ok(Stop::Refused)
}

#[cfg(not(unix))]
pub fn resume(_term: &mut Term) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
mod jobs {
    use rustix::process::{Pid, getpgid, getpgrp, getppid, getsid};

    /// The process group is not orphaned: its parent (a shell with job control, a
    /// supervisor) is in the same session and another group, so it can continue a stop.
    /// A dashboard started straight in a terminal window or a tmux pane has none.
    pub fn resumable() -> bool {
        let Some(parent) = getppid() else { return false };
        let ours = getpgrp();
        match (getpgid(Some(parent)), getsid(Some(parent)), getsid(None::<Pid>)) {
            (Ok(group), Ok(session), Ok(own)) => group != ours && session == own,
            _ => false,
        }
    }

    /// Our group owns the terminal (the shell has given it to us).
    pub fn foreground() -> bool {
        rustix::termios::tcgetpgrp(std::io::stdin()).is_ok_and(|group| group == getpgrp())
    }

    /// Stops the process until a SIGCONT. SIGTSTP has our handler, so its default stop is
    /// made here (signal-hook's emulation raises SIGSTOP).
    pub fn stop() {
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    }
}
