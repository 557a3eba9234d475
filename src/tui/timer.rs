//! The running foam-roll timer and its sequence: the day's timed targets, one countdown
//! at a time, each finished target ticking its item.

use crate::domain::checklist::Checklist;
use crate::domain::timer::Countdown;
use chrono::NaiveDate;
use std::time::{Duration, Instant};

/// One foam-roll target: a timed checklist item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    /// "calves", from "Foam roll: calves".
    pub name: String,
    pub seconds: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActiveTimer {
    /// The checklist day the target belongs to (the timer keeps running on other days).
    pub day: NaiveDate,
    pub target: Target,
    pub countdown: Countdown<Instant>,
    /// The targets still to come, in order.
    pub queue: Vec<Target>,
    /// The ids of the day's whole sequence, for "2/3".
    pub sequence: Vec<String>,
    /// The last time the countdown was looked at, to notice the cue being crossed.
    pub last_poll: Instant,
    /// Reverse video until then: the end of a target.
    pub flash_until: Option<Instant>,
}

/// "calves" from "Foam roll: calves"; the whole title otherwise.
fn short_name(title: &str) -> String {
    title.rsplit_once(": ").map_or(title, |(_, name)| name).to_string()
}

/// The day's sequence: its timed items that are not optional, in checklist order.
pub fn sequence(checklist: &Checklist) -> Vec<Target> {
    checklist
        .entries()
        .filter(|e| !e.item.optional)
        .filter_map(|e| {
            e.seconds.map(|seconds| Target {
                id: e.id().to_string(),
                name: short_name(&e.item.title),
                seconds,
            })
        })
        .collect()
}

fn target_of(checklist: &Checklist, id: &str) -> Option<Target> {
    let e = checklist.entry(id)?;
    Some(Target { id: id.to_string(), name: short_name(&e.item.title), seconds: e.seconds? })
}

impl ActiveTimer {
    /// A timer for `id` on `checklist`'s day, idle: its queue is the unticked sequence
    /// targets after it. `None` when `id` is not a timed item there.
    pub fn for_item(checklist: &Checklist, id: &str, now: Instant) -> Option<ActiveTimer> {
        let target = target_of(checklist, id)?;
        let seq = sequence(checklist);
        let after = checklist.entries().position(|e| e.id() == id).unwrap_or(0);
        let queue = seq
            .iter()
            .filter(|t| {
                let index = checklist.entries().position(|e| e.id() == t.id).unwrap_or(0);
                index > after && checklist.entry(&t.id).is_some_and(|e| !e.ticked())
            })
            .cloned()
            .collect();
        Some(ActiveTimer {
            // The day the item belongs to: an earlier one's when carried from its run.
            day: checklist.entry(id).map_or(checklist.date, |e| e.day),
            countdown: Countdown::new(Duration::from_secs(u64::from(target.seconds))),
            target,
            queue,
            sequence: seq.into_iter().map(|t| t.id).collect(),
            last_poll: now,
            flash_until: None,
        })
    }

    /// The first unticked target of the sequence, idle.
    pub fn first_open(checklist: &Checklist, now: Instant) -> Option<ActiveTimer> {
        let first =
            sequence(checklist).into_iter().find(|t| checklist.entry(&t.id).is_some_and(|e| !e.ticked()))?;
        ActiveTimer::for_item(checklist, &first.id, now)
    }

    /// The next target of the queue, started now; `None` when the queue is empty.
    pub fn advance(&self, now: Instant) -> Option<ActiveTimer> {
        let (next, rest) = self.queue.split_first()?;
        Some(ActiveTimer {
            day: self.day,
            target: next.clone(),
            countdown: Countdown::new(Duration::from_secs(u64::from(next.seconds))).start(now),
            queue: rest.to_vec(),
            sequence: self.sequence.clone(),
            last_poll: now,
            flash_until: self.flash_until,
        })
    }

    /// "Next: quads (2/3)".
    pub fn next_text(&self) -> Option<String> {
        let next = self.queue.first()?;
        Some(format!("Next: {}{}", next.name, self.place(&next.id)))
    }

    /// " (2/3)" for a target of the sequence; nothing for one outside it.
    pub fn place(&self, id: &str) -> String {
        match self.sequence.iter().position(|s| s == id) {
            Some(i) => format!(" ({}/{})", i + 1, self.sequence.len()),
            None => String::new(),
        }
    }

    /// "calves (1/3)".
    pub fn label(&self) -> String {
        format!("{}{}", self.target.name, self.place(&self.target.id))
    }

    /// Finished and not yet acknowledged: overtime is counting.
    pub fn awaiting_ack(&self) -> bool {
        self.countdown.is_finished()
    }

    pub fn flashing(&self, now: Instant) -> bool {
        self.flash_until.is_some_and(|until| now < until)
    }

    /// When the display next changes by itself: a second boundary, or the end of a flash.
    pub fn next_change(&self, now: Instant) -> Option<Duration> {
        let flash = self.flash_until.filter(|u| *u > now).map(|u| u - now);
        match (self.countdown.next_change(now), flash) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
