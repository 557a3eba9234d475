//! The run loop: wait for a key, a resize or the next wake-up; turn it into actions;
//! carry out the effects; redraw only when something changed.

use super::app::{App, StatusKind};
use super::keymap::{self, Mode};
use super::load;
use super::signals;
use super::terminal::{self, Term};
use super::theme::Theme;
use super::timer::ActiveTimer;
use super::update::{Action, Change, Effect, update};
use super::views::Dashboard;
use super::wait::Waiter;
use crate::context::Context;
use crate::domain::timer::{Countdown, StoredTimer};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::text;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
    let restored = restore_timer(ctx, &store)?;
    if ctx.is_demo() {
        app.set_status(StatusKind::Info, "demo data: nothing you do here is kept");
    }
    let screen = Arc::new(Mutex::new(()));
    signals::install(screen.clone(), ctx.demo_dir().map(|p| p.to_path_buf()))
        .map_err(|e| Error::io(format!("cannot watch for signals: {e}"), "dashboard", "try again"))?;
    let mut term = terminal::enter().map_err(terminal_gone)?;
    let mut looper = Loop { ctx, store: &mut store, app: &mut app, screen };
    if let Some(timer) = restored {
        looper.dispatch(Action::TimerRestored(Box::new(timer)), &mut term);
    }
    let result = looper.run(&mut term);
    terminal::leave();
    result.map(|()| ExitCode::SUCCESS)
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
}

impl Loop<'_> {
    fn run(&mut self, term: &mut Term) -> Result<()> {
        let mut waiter = Waiter::new(self.store.path()).map_err(terminal_gone)?;
        // crossterm starts watching for resizes with its first poll: start it now.
        event::poll(Duration::ZERO).map_err(terminal_gone)?;
        let mut dirty = true;
        let mut seen_version = self.store.data_version()?;
        let mut drawn_minute = None;
        let mut recheck_until: Option<Instant> = None;
        while self.app.running {
            if dirty {
                let _held = self.screen.lock().unwrap_or_else(|p| p.into_inner());
                term.draw(|f| f.render_widget(Dashboard(self.app), f.area())).map_err(terminal_gone)?;
                drawn_minute = Some(self.app.now.format("%H:%M").to_string());
                dirty = false;
            }
            let mut timeout = self.timeout(waiter.sees_writes());
            if recheck_until.is_some() {
                timeout = timeout.min(RECHECK_EVERY);
            }
            let woke = waiter.wait(timeout).map_err(terminal_gone)?;
            if woke.hangup {
                return Err(terminal_gone(std::io::Error::other("hang-up")));
            }
            // The clock first, so a key acts on the present moment (a timer started now
            // runs its full length) and a finished timer is noticed before the key.
            // "Today" from the wall clock on every wake-up (DST and zone changes included).
            let wall = self.ctx.clock.local();
            let minute = wall.format("%H:%M").to_string();
            dirty |= drawn_minute.as_ref() != Some(&minute) || self.app.timer.is_some();
            self.dispatch(Action::Clock { wall, mono: self.ctx.clock.mono() }, term);
            if woke.resized {
                let (width, height) = ratatui::crossterm::terminal::size().map_err(terminal_gone)?;
                dirty |= resize_to(term, width, height)?;
            }
            // Every event crossterm has read, keys and resizes, before sleeping again.
            while event::poll(Duration::ZERO).map_err(terminal_gone)? {
                match event::read().map_err(terminal_gone)? {
                    Event::Key(key) => dirty |= self.key(key, term),
                    Event::Resize(width, height) => dirty |= resize_to(term, width, height)?,
                    _ => {}
                }
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

    fn execute(&mut self, effect: Effect, term: &mut Term) -> Option<Action> {
        let screen = self.screen.clone();
        let held = screen.lock().unwrap_or_else(|p| p.into_inner());
        let failed = |e: Error| Action::Failed(format!("{}: {}", e.what, e.todo));
        match effect {
            Effect::Persist(change) => Some(match self.persist(&change) {
                Ok(message) => Action::Saved(message),
                Err(e) => failed(e),
            }),
            Effect::Load(date) => {
                let loaded = load::day(self.ctx, self.store, date).and_then(|day| {
                    Ok(Action::Loaded { day: Box::new(day), welcome: self.store.is_empty()? })
                });
                Some(loaded.unwrap_or_else(failed))
            }
            Effect::LoadTrends(marker, window) => {
                let today = self.app.today;
                Some(match load::trends(self.ctx, self.store, marker, window, today) {
                    Ok(t) => Action::TrendsLoaded(Box::new(t)),
                    Err(e) => failed(e),
                })
            }
            Effect::LoadHistory(month) => {
                let today = self.app.today;
                Some(match load::history(self.ctx, self.store, month, today) {
                    Ok(h) => Action::HistoryLoaded(Box::new(h)),
                    Err(e) => failed(e),
                })
            }
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                None
            }
            Effect::SaveTimer(timer) => {
                let saved = match timer {
                    Some(t) => match t.countdown.to_stored(self.ctx.clock.mono(), self.ctx.clock.unix_ms()) {
                        Some(state) => {
                            let stored = StoredTimer {
                                day: t.day,
                                item_id: t.target.id.clone(),
                                total: t.countdown.total(),
                                state,
                            };
                            self.store.set_timer(&stored, self.ctx.clock.now())
                        }
                        None => self.store.clear_timer(),
                    },
                    None => self.store.clear_timer(),
                };
                saved.err().map(|e| failed(e.into()))
            }
            Effect::Suspend => {
                drop(held);
                terminal::suspend(term).err().map(|e| Action::Failed(format!("could not resume: {e}")))
            }
        }
    }

    fn persist(&mut self, change: &Change) -> Result<String> {
        let now = self.ctx.clock.now();
        match change {
            Change::TickNext { date, item, sets_total } => {
                let done = self.store.tick_next(*date, item, *sets_total, now)?;
                Ok(text::saved_tick(item, done, *sets_total))
            }
            Change::TimerTick { date, item } => {
                self.store.tick_next(*date, item, 1, now)?;
                Ok(String::new())
            }
            Change::Clear { date, item } => {
                self.store.clear_item(*date, item)?;
                Ok(text::saved_tick(item, 0, 1))
            }
            Change::Markers { date, markers, fields } => {
                self.store.edit_markers(*date, markers, fields, now)?;
                Ok(text::saved_markers(*date))
            }
            Change::Run(run) => {
                let id = self.store.save_run(run, now)?;
                Ok(text::saved_run(run, id))
            }
        }
    }
}
