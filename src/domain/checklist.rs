//! A day's checklist: the routine scaled to the day's session and this morning's verdict,
//! with its computed targets and its ticks.

use super::readiness::Level;
use super::records::{Run, Tick};
use super::routine::{Computed, Item, ItemKind, Phase, Routine};
use super::session::Session;
use super::targets::{self, Amount, Facts, Weight};
use super::timeline::{self, Due};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// "Keep it short: 20 minutes daily is more sustainable than a long, infrequent ritual."
pub const KEEP_SHORT_MINUTES: u32 = 20;

#[derive(Clone, Debug, PartialEq)]
pub struct Checklist {
    pub date: NaiveDate,
    pub session: Session,
    /// The phases that have items today, in timeline order.
    pub groups: Vec<Group>,
    /// When the day's most demanding run ended: the timeline's anchor.
    pub run_end: Option<NaiveDateTime>,
    /// This morning's verdict, when it shaped the list.
    pub verdict: Option<Level>,
}

/// What shapes a day's checklist beyond its session.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The session, the day's most demanding run, the body weight.
    pub facts: Facts,
    /// This morning's verdict and its hint.
    pub verdict: Option<(Level, String)>,
}

impl Shape {
    /// Only the session: no run details, no weight, no verdict.
    pub fn plain(session: Session) -> Shape {
        Shape { facts: Facts { session, run: None, weight: None, hard_within_24h: false }, verdict: None }
    }

    /// The day's shape from its runs, the day before's runs, the latest morning weight and
    /// this morning's verdict. The most demanding run leads (of equals, the one that ended
    /// last); its pre-run weight beats the morning weight.
    pub fn for_day(
        runs: &[Run],
        day_before: &[Run],
        morning_weight: Option<f64>,
        verdict: Option<(Level, String)>,
    ) -> Shape {
        let session = Session::of_day(runs.iter().map(|r| (r.kind, r.minutes)));
        let run = runs.iter().max_by_key(|r| Session::of_run(r.kind, r.minutes).demand()).cloned();
        let weight = match run.as_ref().and_then(|r| r.weight_before_kg) {
            Some(kg) => Some(Weight::BeforeRun(kg)),
            None => morning_weight.map(Weight::Morning),
        };
        let hard_within_24h = run.as_ref().is_some_and(|r| {
            let end = r.day.and_time(r.at);
            day_before.iter().chain(runs).any(|o| {
                let other = o.day.and_time(o.at);
                o != r
                    && Session::of_run(o.kind, o.minutes).is_hard()
                    && other < end
                    && end - other <= TimeDelta::hours(24)
            })
        });
        Shape { facts: Facts { session, run, weight, hard_within_24h }, verdict }
    }
}

/// What the next session should be, from this morning's verdict.
fn next_session(level: Level, hint: &str) -> Option<String> {
    Some(match level {
        Level::Go => "the planned quality session, or cross-training".into(),
        Level::GoCaution => "as planned, adding nothing; recheck tomorrow morning".into(),
        Level::Easy => {
            format!("instead of the planned session: easy aerobic effort, RPE ≤ 4, no intervals — {hint}")
        }
        Level::Rest => {
            "instead of the planned session: rest — off, or at most a 30-minute walk plus mobility".into()
        }
        Level::NoData => return None,
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub phase: Phase,
    pub entries: Vec<Entry>,
}

/// One item on the day's checklist and how far it is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub item: Item,
    /// The countdown of a timed item, config default applied.
    pub seconds: Option<u32>,
    pub sets_total: u8,
    pub sets_done: u8,
    /// A target's amount and formula.
    pub amount: Option<Amount>,
}

impl Entry {
    pub fn ticked(&self) -> bool {
        self.sets_done >= self.sets_total
    }

    pub fn id(&self) -> &str {
        &self.item.id
    }

    /// The time this item takes, in seconds, for the planned minutes.
    fn planned_seconds(&self) -> f64 {
        match self.seconds {
            Some(s) => f64::from(s),
            None => self.item.minutes * 60.0,
        }
    }
}

impl Checklist {
    /// Scales `routine` to `session` and applies the day's ticks. Ticks of items that are
    /// not on today's list (the routine changed, or a run was logged later) are kept in
    /// the store and simply not shown.
    pub fn build(
        date: NaiveDate,
        routine: &Routine,
        session: Session,
        ticks: &[Tick],
        foam_roll_seconds: u32,
    ) -> Checklist {
        Checklist::shaped(date, routine, ticks, foam_roll_seconds, &Shape::plain(session))
    }

    /// The day's checklist: the routine for the session and the morning's verdict,
    /// targets computed (those that do not apply today left out), the next session named.
    pub fn shaped(
        date: NaiveDate,
        routine: &Routine,
        ticks: &[Tick],
        foam_roll_seconds: u32,
        shape: &Shape,
    ) -> Checklist {
        let session = shape.facts.session;
        let level = shape.verdict.as_ref().map(|(l, _)| *l);
        let mut groups: Vec<Group> = Vec::new();
        for phase in &routine.phases {
            let entries: Vec<Entry> = routine
                .items_on(session, level)
                .filter(|item| item.phase == phase.id)
                .filter_map(|item| Entry::shaped(item, ticks, foam_roll_seconds, shape))
                .collect();
            if !entries.is_empty() {
                groups.push(Group { phase: phase.clone(), entries });
            }
        }
        let run_end = shape.facts.run.as_ref().map(|r| r.day.and_time(r.at));
        Checklist { date, session, groups, run_end, verdict: level }
    }

    /// Every entry, in display order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.groups.iter().flat_map(|g| g.entries.iter())
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries().find(|e| e.id() == id)
    }

    pub fn len(&self) -> usize {
        self.entries().count()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn done(&self) -> usize {
        self.entries().filter(|e| e.ticked()).count()
    }

    /// Where `group` stands on the run's timeline at `now`; `None` without a run or for a
    /// phase without a window.
    pub fn due(&self, group: &Group, now: NaiveDateTime) -> Option<Due> {
        let done = group.entries.iter().filter(|e| !e.item.optional).all(Entry::ticked);
        timeline::due(&group.phase, self.run_end?, now, done)
    }

    /// The phase due at `now`, if any.
    pub fn due_now(&self, now: NaiveDateTime) -> Option<&Group> {
        self.groups.iter().find(|g| matches!(self.due(g, now), Some(Due::Now(_))))
    }

    /// The phase that starts when the run ends (the earliest on the timeline).
    pub fn first_phase(&self) -> Option<&Group> {
        self.groups.iter().filter(|g| g.phase.from_min.is_some()).min_by_key(|g| g.phase.from_min)
    }

    /// Minutes the first phase takes, optional items included, rounded up.
    pub fn planned_minutes(&self) -> u32 {
        let seconds: f64 =
            self.first_phase().map(|g| g.entries.iter().map(Entry::planned_seconds).sum()).unwrap_or(0.0);
        (seconds / 60.0).ceil() as u32
    }

    /// Over 20 minutes: the optional items to drop (longest first) to keep it short, and
    /// the minutes left after dropping them.
    pub fn to_drop(&self) -> (Vec<&Entry>, u32) {
        let mut minutes = f64::from(self.planned_minutes());
        let mut optional: Vec<&Entry> = self
            .first_phase()
            .map(|g| g.entries.iter().filter(|e| e.item.optional).collect())
            .unwrap_or_default();
        optional.sort_by(|a, b| b.planned_seconds().total_cmp(&a.planned_seconds()));
        let mut drop = Vec::new();
        for e in optional {
            if minutes <= f64::from(KEEP_SHORT_MINUTES) {
                break;
            }
            minutes -= e.planned_seconds() / 60.0;
            drop.push(e);
        }
        let seconds: f64 = self
            .first_phase()
            .map(|g| {
                g.entries
                    .iter()
                    .filter(|e| !drop.iter().any(|d| d.id() == e.id()))
                    .map(Entry::planned_seconds)
                    .sum()
            })
            .unwrap_or(0.0);
        (drop, (seconds / 60.0).ceil() as u32)
    }
}

impl Entry {
    fn new(item: &Item, ticks: &[Tick], foam_roll_seconds: u32) -> Entry {
        let sets_total = match item.kind {
            ItemKind::Sets { total } => total,
            _ => 1,
        };
        let seconds = match item.kind {
            ItemKind::Timed { seconds } => Some(seconds.unwrap_or(foam_roll_seconds)),
            _ => None,
        };
        let done = ticks.iter().filter(|t| t.item_id == item.id && (1..=sets_total).contains(&t.set)).count();
        Entry {
            item: item.clone(),
            seconds,
            sets_total,
            sets_done: u8::try_from(done).unwrap_or(sets_total).min(sets_total),
            amount: None,
        }
    }

    /// The entry as the day shapes it; `None` for a target that does not apply today.
    fn shaped(item: &Item, ticks: &[Tick], foam_roll_seconds: u32, shape: &Shape) -> Option<Entry> {
        let mut entry = Entry::new(item, ticks, foam_roll_seconds);
        match item.computed {
            Some(Computed::Target(formula)) => entry.amount = Some(targets::compute(formula, &shape.facts)?),
            Some(Computed::NextSession) => {
                if let Some(text) =
                    shape.verdict.as_ref().and_then(|(level, hint)| next_session(*level, hint))
                {
                    entry.item.note = Some(text);
                }
            }
            None => {}
        }
        Some(entry)
    }
}

#[cfg(test)]
#[path = "checklist_tests.rs"]
mod tests;
