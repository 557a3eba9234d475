//! The run loop: wait for a key, a resize or the next wake-up; turn it into actions;
//! carry out the effects (writes go to the writer's queue, `writer.rs`); redraw only when
//! something changed. It never waits for the database's write lock.

use super::app::{App, StatusKind};
use super::keymap::{self, Mode};
use super::load;
use super::signals;
use super::terminal::{self, Term};
use super::theme::Theme;
use super::timer::ActiveTimer;
use super::update::{Action, Mouse, update};
use super::views::Dashboard;
use super::wait::{self, Waiter};
use super::writer::{Report, Writer};
use crate::context::Context;
use crate::domain::timer::Countdown;
use crate::error::{Error, Kind, Result};
use crate::store::Store;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "effects.rs"]
mod effects;

/// With nothing to do the loop wakes on the wall clock's multiples of this: exactly at
/// each new minute (the phases' "due in" texts) and at midnight, and within this long
/// after the clock is set. Writes by other processes wake it through inotify.
const CLOCK_STEP: Duration = Duration::from_secs(60);

/// Without inotify, how often the loop asks SQLite whether another process wrote.
const DATA_POLL: Duration = Duration::from_secs(1);

/// inotify reports a write to the log as it happens, before that commit is complete (the
/// commit ends in shared memory, which raises no event): after a write with no new data
/// version yet, the loop looks again this often, for up to `RECHECK_FOR`. Every clock
/// wake-up looks too, should a commit take longer than that.
const RECHECK_EVERY: Duration = Duration::from_millis(20);
const RECHECK_FOR: Duration = Duration::from_secs(1);

/// While writes are queued, the loop looks at the writer's reports at least this often
/// (portable: no descriptor to wait on), so "saved" and "waiting for the database" show
/// promptly.
const WRITES_POLL: Duration = Duration::from_millis(20);

/// After SIGTERM, SIGINT, SIGHUP or SIGQUIT, queued writes get this long to commit
/// before the process ends (see `signals`).
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

/// A new size, once: the SIGWINCH pipe and crossterm's own event both report it.
fn resize_to(term: &mut Term, width: u16, height: u16) -> Result<bool> {
    let area = term.get_frame().area();
    if (width, height) == (area.width, area.height) {
        return Ok(false);
    }
    terminal::resize(term, width, height).map_err(terminal_gone)?;
    Ok(true)
}

fn terminal_gone(e: std::io::Error) -> Error {
    Error::io(format!("the terminal went away: {e}"), "dashboard", "start cooldown again")
}

pub fn run(ctx: &Context) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::io(
            "the dashboard needs a terminal",
            "cooldown",
            "run it in a terminal, or use a subcommand such as `cooldown checklist` (see --help)",
        ));
    }
    let mut store = ctx.open_store()?;
    let day = load::day(ctx, &store, ctx.date)?;
    let mut app = App::new(ctx.clock.local(), ctx.clock.mono(), day, store.is_empty()?, Theme::from_env());
    app.timers = ctx.config.timers.clone();
    app.units = ctx.units();
    let restored = restore_timer(ctx, &store)?;
    if ctx.is_demo() {
        app.set_status(StatusKind::Info, "demo data: nothing you do here is kept");
    }
    // The writer's own connection (never a second `open`: see `Store::reopen`), made
    // before the terminal is taken, so a failure is reported like any other.
    // Its thread starts after the first frame; writes queued before then wait for it.
    let mut writer = Writer::parked(store.reopen()?);
    let screen = Arc::new(Mutex::new(()));
    signals::install(screen.clone(), ctx.demo_dir().map(|p| p.to_path_buf()), writer.pending(), SIGNAL_GRACE)
        .map_err(|e| Error::io(format!("cannot watch for signals: {e}"), "dashboard", "try again"))?;
    let mut term = terminal::enter(ctx.config.mouse).map_err(terminal_gone)?;
    let mut looper = Loop {
        ctx,
        store: &mut store,
        app: &mut app,
        screen,
        writer: &mut writer,
        streaks: Default::default(),
        kept_trends: Default::default(),
        kept_history: Default::default(),
    };
    if let Some(timer) = restored {
        looper.dispatch(Action::TimerRestored(Box::new(timer)), &mut term);
    }
    let result = looper.run(&mut term);
    terminal::leave();
    result?;
    // Quit twice while writes waited: say what was not saved (never silently).
    match writer.finish() {
        0 => Ok(ExitCode::SUCCESS),
        n => Err(Error::new(
            Kind::Busy,
            format!("{} not saved: another process held the database's write lock", crate::text::changes(n)),
            store.path().display().to_string(),
            if n == 1 {
                "enter it again once the other process is done"
            } else {
                "enter them again once the other process is done"
            },
        )),
    }
}

/// The timer kept from the last session, as it stands now; dropped when its item is no
/// longer a timed item of its day (the routine changed).
fn restore_timer(ctx: &Context, store: &Store) -> Result<Option<ActiveTimer>> {
    let Some(stored) = store.active_timer()? else { return Ok(None) };
    let now = ctx.clock.mono();
    let checklist = ctx.checklist(store, stored.day)?;
    Ok(ActiveTimer::for_item(&checklist, &stored.item_id, now).map(|mut timer| {
        timer.countdown = Countdown::from_stored(stored.state, stored.total, now, ctx.clock.unix_ms());
        timer
    }))
}

/// A little past the moment the display changes, so the wake-up lands on the new second.
const PAST_BOUNDARY: Duration = Duration::from_millis(2);

struct Loop<'a> {
    ctx: &'a Context,
    store: &'a mut Store,
    app: &'a mut App,
    screen: Arc<Mutex<()>>,
    writer: &'a mut Writer,
    /// History's streaks between loads (see `cache`).
    streaks: crate::tui::load::StreakCache,
    /// The Trends already shown, by marker and window, between loads.
    kept_trends: crate::tui::load::TrendsCache,
    /// History's months already shown, between loads.
    kept_history: crate::tui::load::HistoryCache,
}

impl Loop<'_> {
    fn run(&mut self, term: &mut Term) -> Result<()> {
        let mut waiter = Waiter::new(self.store.path()).map_err(terminal_gone)?;
        // crossterm starts watching for resizes with its first poll: start it now.
        event::poll(Duration::ZERO).map_err(terminal_gone)?;
        let mut dirty = true;
        let mut seen_version = self.store.data_version()?;
        let mut drawn_minute = None;
        // The timer as last drawn: whether there was one, and when its display next changes
        // by itself (a second boundary, the end of a flash; never while paused). Other
        // wake-ups (a write to look for, the writer's report) redraw nothing for it.
        let mut drawn_timer: (bool, Option<Instant>) = (false, None);
        let mut recheck_until: Option<Instant> = None;
        while self.app.running {
            if dirty {
                let _held = self.screen.lock().unwrap_or_else(|p| p.into_inner());
                term.draw(|f| f.render_widget(Dashboard(self.app), f.area())).map_err(terminal_gone)?;
                drawn_minute = Some(self.app.now.format("%H:%M").to_string());
                let mono = self.ctx.clock.mono();
                let next = self.app.timer.as_ref().and_then(|t| t.next_change(mono)).map(|d| mono + d);
                drawn_timer = (self.app.timer.is_some(), next);
                dirty = false;
                // After the first frame, off the start's path (once; no-ops later).
                self.writer.run().map_err(|e| {
                    Error::io(format!("cannot start the writer: {e}"), "dashboard", "try again")
                })?;
                self.ctx.sweep_db_folder();
            }
            let mut timeout = self.timeout(waiter.sees_writes());
            if recheck_until.is_some() {
                timeout = timeout.min(RECHECK_EVERY);
            }
            if self.app.writes.pending > 0 {
                timeout = timeout.min(WRITES_POLL);
            }
            let woke = waiter.wait(timeout).map_err(terminal_gone)?;
            if woke.hangup {
                return Err(terminal_gone(std::io::Error::other("hang-up")));
            }
            if woke.suspend {
                self.dispatch(Action::Key(keymap::Command::Suspend), term);
                waiter.forget_resume();
                dirty = true;
            } else if woke.resumed {
                // Continued after a stop we did not make (SIGSTOP): the terminal may have
                // been reset and drawn over meanwhile.
                if let Err(e) = terminal::resume(term) {
                    self.dispatch(Action::Failed(format!("could not take the terminal again: {e}")), term);
                }
                dirty = true;
            }
            // The clock first, so a key acts on the present moment (a timer started now
            // runs its full length) and a finished timer is noticed before the key.
            // "Today" from the wall clock on every wake-up (DST and zone changes included).
            let wall = self.ctx.clock.local();
            let minute = wall.format("%H:%M").to_string();
            let timer_moved = match drawn_timer {
                _ if self.app.timer.is_none() => false,
                (false, _) => true,
                (true, next) => next.is_some_and(|at| self.ctx.clock.mono() >= at),
            };
            dirty |= drawn_minute.as_ref() != Some(&minute) || timer_moved;
            self.dispatch(Action::Clock { wall, mono: self.ctx.clock.mono() }, term);
            if woke.resized {
                let (width, height) = ratatui::crossterm::terminal::size().map_err(terminal_gone)?;
                dirty |= resize_to(term, width, height)?;
            }
            // Every event the terminal has, keys and resizes, before sleeping again; only
            // when it has any (each look ends in `DRAIN_WAIT`, and a drain leaves nothing
            // read and unhandled behind).
            while woke.input && wait::event_ready().map_err(terminal_gone)? {
                match event::read().map_err(terminal_gone)? {
                    Event::Key(key) => dirty |= self.key(key, term),
                    Event::Paste(text) => {
                        self.dispatch(Action::Paste(text), term);
                        dirty = true;
                    }
                    Event::Resize(width, height) => dirty |= resize_to(term, width, height)?,
                    // Only clicks and the wheel act (and redraw); releases are dropped.
                    Event::Mouse(m) => {
                        if let Some(m) = Mouse::from_event(&m).filter(|_| self.ctx.config.mouse) {
                            self.dispatch(Action::Mouse(m), term);
                            dirty = true;
                        }
                    }
                    _ => {}
                }
            }
            // The writer's reports, then a read of what its commits changed; our own
            // commits then count as seen, so they are not read a second time.
            let (changed, version) = self.writes(term)?;
            dirty |= changed;
            if let Some(version) = version {
                seen_version = version;
            }
            let idle_wake = !woke.input && !woke.data;
            if woke.data || idle_wake || recheck_until.is_some() {
                let version = self.store.data_version()?;
                if version != seen_version {
                    seen_version = version;
                    recheck_until = None;
                    self.dispatch(Action::Reload, term);
                    dirty = true;
                } else if woke.data && waiter.sees_writes() {
                    recheck_until = Some(self.ctx.clock.mono() + RECHECK_FOR);
                } else if recheck_until.is_some_and(|until| self.ctx.clock.mono() >= until) {
                    recheck_until = None;
                }
            }
        }
        Ok(())
    }

    /// Until the timer's display next changes, else the next multiple of `CLOCK_STEP` on
    /// the wall clock (or `DATA_POLL` when writes do not wake the loop).
    fn timeout(&self, sees_writes: bool) -> Duration {
        let now = self.ctx.clock.mono();
        if let Some(change) = self.app.timer.as_ref().and_then(|t| t.next_change(now)) {
            return (change + PAST_BOUNDARY).min(CLOCK_STEP);
        }
        let step = CLOCK_STEP.as_millis() as u64;
        let into_step = u64::try_from(self.ctx.clock.unix_ms()).unwrap_or(0) % step;
        let clock = Duration::from_millis(step - into_step) + PAST_BOUNDARY;
        if sees_writes { clock } else { clock.min(DATA_POLL) }
    }

    /// A key press; true when the screen may have changed.
    fn key(&mut self, key: KeyEvent, term: &mut Term) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let mode = self.app.mode();
        let command = keymap::command_for(&key, mode);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.app.awaiting_ack() && !ctrl {
            self.dispatch(Action::Acknowledge, term);
            return true;
        }
        match command {
            Some(command) => self.dispatch(Action::Key(command), term),
            None if mode == Mode::Form => self.dispatch(Action::Type(key), term),
            None => return false,
        }
        true
    }

    /// The writer's news since the last look, as actions: "saved" (the screen then reads
    /// again what changed), "failed", and the queue's state. Whether anything changed,
    /// and the data version from before those reads when something was saved.
    fn writes(&mut self, term: &mut Term) -> Result<(bool, Option<i64>)> {
        let (reports, queue) = self.writer.poll();
        if reports.is_empty() && queue == self.app.writes {
            return Ok((false, None));
        }
        let saved = reports.iter().any(|r| matches!(r, Report::Saved { .. }));
        let version = if saved { Some(self.store.data_version()?) } else { None };
        for report in reports {
            match report {
                Report::Waiting => {}
                Report::Saved { text, form } => self.dispatch(Action::Saved { text, form }, term),
                Report::Failed(text) => self.dispatch(Action::Failed(text), term),
            }
        }
        self.dispatch(Action::Queue(queue), term);
        Ok((true, version))
    }

    /// Runs `action` through `update` and carries out the effects, which may report back
    /// with more actions.
    fn dispatch(&mut self, action: Action, term: &mut Term) {
        let mut queue = VecDeque::from([action]);
        while let Some(action) = queue.pop_front() {
            for effect in update(self.app, action) {
                if let Some(next) = self.execute(effect, term) {
                    queue.push_back(next);
                }
            }
        }
    }
}
