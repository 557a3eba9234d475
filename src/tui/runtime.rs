//! The run loop: wait for a key, a resize or the next wake-up; turn it into actions;
//! carry out the effects; redraw only when something changed.

use super::app::{App, StatusKind};
use super::keymap::{self, Mode};
use super::load;
use super::signals;
use super::terminal::{self, Term};
use super::theme::Theme;
use super::update::{Action, Change, Effect, update};
use super::views::Dashboard;
use crate::cli::Context;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::text;
use chrono::Local;
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often the loop wakes with nothing to do: to notice midnight and writes from other
/// processes (`PRAGMA data_version`). Nothing is redrawn unless one of them happened.
const WAKE: Duration = Duration::from_secs(1);

/// A terminal that vanished can make `poll` return at once, forever. After this many
/// early returns in a row with no event, the loop takes the terminal as gone.
const MAX_EARLY_WAKES: u32 = 50;

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
    let mut app = App::new(Local::now().naive_local(), day, store.is_empty()?, Theme::from_env());
    if ctx.is_demo() {
        app.set_status(StatusKind::Info, "demo data: nothing you do here is kept");
    }
    let screen = Arc::new(Mutex::new(()));
    signals::install(screen.clone(), ctx.demo_dir().map(|p| p.to_path_buf()))
        .map_err(|e| Error::io(format!("cannot watch for signals: {e}"), "dashboard", "try again"))?;
    let mut term = terminal::enter().map_err(terminal_gone)?;
    let mut looper = Loop { ctx, store: &mut store, app: &mut app, screen };
    let result = looper.run(&mut term);
    terminal::leave();
    result.map(|()| ExitCode::SUCCESS)
}

struct Loop<'a> {
    ctx: &'a Context,
    store: &'a mut Store,
    app: &'a mut App,
    screen: Arc<Mutex<()>>,
}

impl Loop<'_> {
    fn run(&mut self, term: &mut Term) -> Result<()> {
        let mut dirty = true;
        let mut seen_version = self.store.data_version()?;
        let mut early = 0;
        while self.app.running {
            if dirty {
                let _held = self.screen.lock().unwrap_or_else(|p| p.into_inner());
                term.draw(|f| f.render_widget(Dashboard(self.app), f.area())).map_err(terminal_gone)?;
                dirty = false;
            }
            let started = Instant::now();
            if event::poll(WAKE).map_err(terminal_gone)? {
                early = 0;
                match event::read().map_err(terminal_gone)? {
                    Event::Key(key) => {
                        let mode = self.app.mode();
                        match keymap::command_for(&key, mode) {
                            Some(command) => self.dispatch(Action::Key(command), term),
                            None if mode == Mode::Form => self.dispatch(Action::Type(key), term),
                            None => continue,
                        }
                        dirty = true;
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            } else if started.elapsed() < WAKE / 2 {
                early += 1;
                if early > MAX_EARLY_WAKES {
                    return Err(terminal_gone(std::io::Error::other("input closed")));
                }
            }
            let now = Local::now().naive_local();
            let new_day = now.date() != self.app.today;
            self.dispatch(Action::Clock(now), term);
            dirty |= new_day;
            let version = self.store.data_version()?;
            if version != seen_version {
                seen_version = version;
                self.dispatch(Action::Reload, term);
                dirty = true;
            }
        }
        Ok(())
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
            Effect::Suspend => {
                drop(held);
                terminal::suspend(term).err().map(|e| Action::Failed(format!("could not resume: {e}")))
            }
        }
    }

    fn persist(&mut self, change: &Change) -> Result<String> {
        let now = crate::cli::now();
        match change {
            Change::TickNext { date, item, sets_total } => {
                let done = self.store.tick_next(*date, item, *sets_total, now)?;
                Ok(text::saved_tick(item, done, *sets_total))
            }
            Change::Clear { date, item } => {
                self.store.clear_item(*date, item)?;
                Ok(text::saved_tick(item, 0, 1))
            }
            Change::Markers { date, markers } => {
                self.store.replace_markers(*date, markers, now)?;
                Ok(text::saved_markers(*date))
            }
            Change::Run(run) => {
                let saved = self.store.save_run(run, now)?;
                Ok(text::saved_run(run, saved == crate::store::Saved::Replaced))
            }
        }
    }
}
