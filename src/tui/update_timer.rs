//! The timer's part of `update`: starting, pausing, adjusting, skipping; the cue and the
//! end (bell, flash, the item ticked through the same path as a manual tick); advancing
//! through the sequence; acknowledging the overtime.

use super::{Change, Effect};
use crate::domain::timer::Signal;
use crate::tui::app::{App, StatusKind};
use crate::tui::keymap::Command;
use crate::tui::timer::ActiveTimer;
use std::time::Duration;

/// How long the reverse-video flash at the end of a target lasts.
const FLASH: Duration = Duration::from_millis(1200);

fn save(app: &App) -> Effect {
    Effect::SaveTimer(app.timer.clone().map(Box::new))
}

pub fn key(app: &mut App, command: Command) -> Vec<Effect> {
    let now = app.mono;
    match command {
        Command::Activate => {
            let Some(entry) = app.selected_entry() else { return vec![] };
            if entry.seconds.is_none() {
                return super::toggle(app);
            }
            let id = entry.id().to_string();
            if app.timer.as_ref().is_some_and(|t| t.target.id == id && t.day == app.date && !t.awaiting_ack())
            {
                return key(app, Command::PauseTimer);
            }
            start(app, ActiveTimer::for_item(app.checklist(), &id, now))
        }
        Command::StartSequence => match ActiveTimer::first_open(app.checklist(), now) {
            Some(timer) => start(app, Some(timer)),
            None if super::super::timer::sequence(app.checklist()).is_empty() => {
                app.set_status(StatusKind::Info, crate::text::no_foam_rolling(app.checklist().session));
                vec![]
            }
            None => {
                app.set_status(StatusKind::Info, "every foam-roll target is ticked for this day");
                vec![]
            }
        },
        Command::PauseTimer => change(app, |t, now| t.countdown = t.countdown.toggle(now)),
        Command::Longer => change(app, |t, now| t.countdown = t.countdown.adjust(true, now)),
        Command::Shorter => {
            let mut effects = change(app, |t, now| t.countdown = t.countdown.adjust(false, now));
            if app.timer.as_ref().is_some_and(ActiveTimer::awaiting_ack) {
                effects = finish(app);
            }
            effects
        }
        Command::SkipTarget => match app.timer.as_ref().map(|t| t.advance(now)) {
            Some(Some(next)) => {
                app.set_status(StatusKind::Info, format!("skipped · {}", next.label()));
                app.timer = Some(next);
                vec![save(app)]
            }
            Some(None) => stop(app, "no more targets: timer stopped"),
            None => vec![],
        },
        Command::ResetTimer if app.timer.is_some() => stop(app, "timer reset"),
        _ => vec![],
    }
}

fn start(app: &mut App, timer: Option<ActiveTimer>) -> Vec<Effect> {
    let Some(mut timer) = timer else { return vec![] };
    timer.countdown = timer.countdown.start(app.mono);
    app.set_status(StatusKind::Info, format!("foam roll: {}", timer.label()));
    app.timer = Some(timer);
    vec![save(app)]
}

fn change(app: &mut App, f: impl FnOnce(&mut ActiveTimer, std::time::Instant)) -> Vec<Effect> {
    let now = app.mono;
    match app.timer.as_mut() {
        Some(t) if !t.awaiting_ack() => {
            f(t, now);
            vec![save(app)]
        }
        _ => vec![],
    }
}

fn stop(app: &mut App, message: &str) -> Vec<Effect> {
    app.timer = None;
    app.set_status(StatusKind::Info, message.to_string());
    vec![save(app)]
}

/// On every wake-up: has the cue been crossed, has the time run out?
pub fn poll(app: &mut App) -> Vec<Effect> {
    let (now, cue) = (app.mono, Duration::from_secs(u64::from(app.timers.cue_seconds)));
    let Some(t) = app.timer.as_mut() else { return vec![] };
    let (countdown, signal) = t.countdown.poll(t.last_poll, now, cue);
    t.countdown = countdown;
    t.last_poll = now;
    match signal {
        Some(Signal::Cue) => {
            let text = format!("{} s left: {}", cue.as_secs(), t.target.name);
            app.set_status(StatusKind::Info, text);
            vec![Effect::Bell]
        }
        Some(Signal::Finished) => finish(app),
        None => vec![],
    }
}

/// The end of a target: bell, flash, the item ticked; then the next target, or the
/// overtime until a key acknowledges it.
fn finish(app: &mut App) -> Vec<Effect> {
    let (now, auto) = (app.mono, app.timers.auto_advance);
    let Some(t) = app.timer.as_mut() else { return vec![] };
    t.flash_until = Some(now + FLASH);
    let tick = Change::TimerTick { date: t.day, item: t.target.id.clone() };
    let done = t.target.name.clone();
    match t.advance(now).filter(|_| auto) {
        Some(next) => {
            app.set_status(StatusKind::Info, format!("{done} done · {}", next.label()));
            app.timer = Some(next);
        }
        None => app.set_status(StatusKind::Info, format!("{done} done · any key to stop the overtime")),
    }
    vec![Effect::Bell, Effect::Persist(tick), save(app)]
}

/// Any key after the end: the overtime stops and the timer goes.
pub fn acknowledge(app: &mut App) -> Vec<Effect> {
    if app.timer.as_ref().is_some_and(ActiveTimer::awaiting_ack) {
        app.timer = None;
        app.status = None;
        return vec![save(app)];
    }
    vec![]
}

/// The timer from the last session. One that ran out meanwhile has its item ticked, and
/// shows its overtime.
pub fn restored(app: &mut App, timer: ActiveTimer) -> Vec<Effect> {
    let finished = timer.awaiting_ack();
    let tick = Change::TimerTick { date: timer.day, item: timer.target.id.clone() };
    if finished {
        app.set_status(StatusKind::Info, format!("{} finished while cooldown was closed", timer.target.name));
    }
    app.timer = Some(timer);
    if finished { vec![Effect::Persist(tick)] } else { vec![] }
}
