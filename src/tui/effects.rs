//! Carrying out `update`'s effects: writes go to the writer's queue (never waited for
//! here), reads run on the loop's own connection, the bell and Ctrl-Z touch the terminal.

use super::Loop;
use crate::domain::timer::StoredTimer;
use crate::error::Error;
use crate::tui::load;
use crate::tui::terminal::{self, Stop, Term};
use crate::tui::update::{Action, Effect};
use crate::tui::writer::Job;
use std::io::Write;

impl Loop<'_> {
    pub(super) fn execute(&mut self, effect: Effect, term: &mut Term) -> Option<Action> {
        let screen = self.screen.clone();
        let held = screen.lock().unwrap_or_else(|p| p.into_inner());
        let failed = |e: Error| Action::Failed(format!("{}: {}", e.what, e.todo));
        match effect {
            Effect::Persist(change) => {
                self.writer.send(Job::Change(change), self.ctx.clock.now());
                Some(Action::Queue(self.writer.queue()))
            }
            Effect::SaveTimer(timer) => {
                // The state is taken now (the clocks move on while the write waits).
                let (mono, unix_ms) = (self.ctx.clock.mono(), self.ctx.clock.unix_ms());
                let stored = timer.and_then(|t| {
                    let state = t.countdown.to_stored(mono, unix_ms)?;
                    Some(StoredTimer {
                        day: t.day,
                        item_id: t.target.id.clone(),
                        total: t.countdown.total(),
                        state,
                    })
                });
                self.writer.send(Job::Timer(stored), self.ctx.clock.now());
                Some(Action::Queue(self.writer.queue()))
            }
            Effect::Load(date) => {
                let loaded = load::day(self.ctx, self.store, date).and_then(|day| {
                    Ok(Action::Loaded { day: Box::new(day), welcome: self.store.is_empty()? })
                });
                Some(loaded.unwrap_or_else(failed))
            }
            Effect::LoadTrends(marker, window) => {
                let today = self.app.today;
                Some(
                    match load::trends_with(
                        self.ctx,
                        self.store,
                        marker,
                        window,
                        today,
                        &mut self.kept_trends,
                    ) {
                        Ok(t) => Action::TrendsLoaded(Box::new(t)),
                        Err(e) => failed(e),
                    },
                )
            }
            Effect::LoadHistory(month) => {
                let today = self.app.today;
                Some(
                    match self.kept_history.get(self.store, month, today, || {
                        load::history_with(self.ctx, self.store, month, today, &mut self.streaks)
                    }) {
                        Ok(h) => Action::HistoryLoaded(Box::new(h)),
                        Err(e) => failed(e),
                    },
                )
            }
            Effect::LoadDetail(date) => Some(match load::detail(self.ctx, self.store, date) {
                Ok(d) => Action::DetailLoaded(Box::new(d)),
                Err(e) => failed(e),
            }),
            Effect::LoadLog(span) => {
                let today = self.app.today;
                Some(match load::log(self.ctx, self.store, today, span) {
                    Ok(list) => Action::LogLoaded(Box::new(list)),
                    Err(e) => failed(e),
                })
            }
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                None
            }
            Effect::Suspend => {
                drop(held);
                match terminal::suspend(term) {
                    Ok(Stop::Resumed) => None,
                    Ok(Stop::Refused) => Some(Action::Failed(crate::text::cannot_suspend().into())),
                    Err(e) => Some(Action::Failed(format!("could not take the terminal again: {e}"))),
                }
            }
        }
    }
}
