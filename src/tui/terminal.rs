//! Entering and leaving the terminal: raw mode and the alternate screen, restored on
//! quit, on panic (our hook) and on signals (see `signals`). Mouse capture stays off.

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, BufWriter, Stdout, stdout};
use std::sync::Once;

/// Frames go out in one write: `Stdout` alone flushes every 1 KiB, so a full frame would
/// reach the terminal in pieces.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Larger than any frame's changes at 300 columns.
const FRAME_BUFFER: usize = 256 * 1024;

static PANIC_HOOK: Once = Once::new();

pub fn enter() -> io::Result<Term> {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            previous(info);
        }));
    });
    enable_raw_mode()?;
    if let Err(e) = execute!(stdout(), EnterAlternateScreen) {
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

/// Cooked mode, main screen, cursor shown. Safe to call twice, and on a terminal that is
/// gone (errors are ignored: there is nobody left to tell).
pub fn leave() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

/// Ctrl-Z: give the terminal back, stop until `fg`, then take it again and redraw.
#[cfg(unix)]
pub fn suspend(term: &mut Term) -> io::Result<()> {
    leave();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    let (width, height) = ratatui::crossterm::terminal::size()?;
    resize(term, width, height)?;
    term.clear()
}

/// No job control without Unix (the key is not bound there): nothing to do.
#[cfg(not(unix))]
pub fn suspend(_term: &mut Term) -> io::Result<()> {
    Ok(())
}
