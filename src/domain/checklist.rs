//! A day's checklist: the routine scaled to the day's session and this morning's verdict,
//! with its computed targets and its ticks.

use super::pain::{self, Pain};
use super::readiness::Level;
use super::records::{Run, Tick};
use super::routine::{Computed, Item, ItemKind, Phase, Routine};
use super::session::Session;
use super::targets::{self, Amount, Facts, Weight};
use super::timeline::{self, Due};
use super::units::Units;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

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
    /// This morning's pain: what loads its site is marked, or (4 and more) left out.
    pub pain: Option<Pain>,
}

impl Shape {
    /// Only the session: no run details, no weight, no verdict.
    pub fn plain(session: Session) -> Shape {
        Shape {
            facts: Facts { session, run: None, weight: None, hard_within_24h: false, units: Units::METRIC },
            verdict: None,
            pain: None,
        }
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
        let facts = Facts { session, run, weight, hard_within_24h, units: Units::METRIC };
        Shape { facts, verdict, pain: None }
    }

    /// The same shape, with this morning's pain.
    pub fn with_pain(self, pain: Option<Pain>) -> Shape {
        Shape { pain, ..self }
    }

    /// The same shape, its targets' formulas showing body weights in `units`.
    pub fn in_units(mut self, units: Units) -> Shape {
        self.facts.units = units;
        self
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

/// The item loads this morning's painful site.
fn loads(pain: &Pain, routine: &Routine, item: &Item) -> bool {
    pain.site.as_deref().is_some_and(|site| routine.pain.loads(site, &item.id))
}

/// Left out at pain 4 or more: strength and activation work, and foam rolling of the site.
fn unloaded(pain: &Pain, routine: &Routine, item: &Item) -> bool {
    pain.replaces()
        && (item.strength || (loads(pain, routine, item) && matches!(item.kind, ItemKind::Timed { .. })))
}

/// The next session after a race or a long run, whatever the verdict (ROUTINE.md "After a
/// race or a long run"): a GO never turns the day after a race into a quality day.
fn after_hard(session: Session) -> Option<String> {
    match session {
        Session::Race => Some("easy or rest for at least 2 days, whatever the verdict".into()),
        Session::Long => Some("easy or rest tomorrow".into()),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub phase: Phase,
    pub entries: Vec<Entry>,
    /// The day its items belong to: their ticks are stored on it.
    pub day: NaiveDate,
    /// When the phase is due on the timeline after the run: from the run's end, moved to
    /// the morning when it would fall in the night. `None` on a rest day or for extras.
    pub window: Option<(NaiveDateTime, NaiveDateTime)>,
    /// Carried from an earlier day's run (its session), onto the day it is still due on.
    pub from: Option<Session>,
}

impl Group {
    /// The group's identity on a day's page: its day and phase.
    pub fn key(&self) -> (NaiveDate, &str) {
        (self.day, &self.phase.id)
    }
}

/// One item on the day's checklist and how far it is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub item: Item,
    /// The day it belongs to (an earlier day's for an item carried from its run).
    pub day: NaiveDate,
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

    /// Its identity on a page that holds several days' items.
    pub fn key(&self) -> (NaiveDate, &str) {
        (self.day, &self.item.id)
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
        let run_end = shape.facts.run.as_ref().map(|r| r.day.and_time(r.at));
        let mut groups: Vec<Group> = Vec::new();
        for phase in &routine.phases {
            let entries: Vec<Entry> = routine
                .items_on(session, level)
                .filter(|item| item.phase == phase.id)
                .filter(|item| !shape.pain.as_ref().is_some_and(|p| unloaded(p, routine, item)))
                .filter_map(|item| Entry::shaped(item, date, ticks, foam_roll_seconds, shape))
                .map(|entry| match &shape.pain {
                    Some(p) if loads(p, routine, &entry.item) => entry.only_if_pain_free(),
                    _ => entry,
                })
                .collect();
            if !entries.is_empty() {
                let window = run_end.and_then(|end| timeline::window(phase, end));
                groups.push(Group { phase: phase.clone(), entries, day: date, window, from: None });
            }
        }
        Checklist { date, session, groups, run_end, verdict: level }
    }

    /// Adds the phases of an earlier day's run that are still due on this day (their
    /// window reaches into it), before this day's own: the 48-hour timeline across days.
    /// Their items keep their day, so a tick is stored with the run it follows.
    pub fn carry(&mut self, earlier: Checklist) {
        let (start, end) =
            (self.date.and_time(NaiveTime::MIN), self.date.and_time(NaiveTime::MIN) + TimeDelta::days(1));
        let carried = earlier
            .groups
            .into_iter()
            .filter(|g| g.window.is_some_and(|(from, to)| from < end && to > start));
        let from = Some(earlier.session);
        let mut groups: Vec<Group> = carried.map(|g| Group { from, ..g }).collect();
        if self.session == Session::Rest {
            // A rest day's own routine repeats what the run's timeline already asks.
            let carried_ids: Vec<String> =
                groups.iter().flat_map(|g| g.entries.iter().map(|e| e.item.id.clone())).collect();
            for g in self.groups.iter_mut().filter(|g| g.from.is_none()) {
                g.entries.retain(|e| !carried_ids.contains(&e.item.id));
            }
            self.groups.retain(|g| !g.entries.is_empty());
        }
        groups.append(&mut self.groups);
        self.groups = groups;
    }

    /// Pain 4 or more this morning: one item says "no loading today" at the head of this
    /// day's own first phase (the strength work it replaces is already left out).
    pub fn no_loading(&mut self, pain: &Pain, ticks: &[Tick]) {
        let Some(group) = self.groups.iter_mut().find(|g| g.from.is_none()) else { return };
        let item = Item {
            id: pain::NO_LOADING_ID.into(),
            phase: group.phase.id.clone(),
            title: pain.no_loading(),
            kind: ItemKind::Check,
            sessions: Vec::new(),
            minutes: 0.0,
            optional: false,
            note: None,
            computed: None,
            verdicts: Vec::new(),
            strength: false,
        };
        group.entries.insert(0, Entry::new(&item, self.date, ticks, 0));
    }

    /// Every entry, in display order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.groups.iter().flat_map(|g| g.entries.iter())
    }

    /// The entry with this id: this day's own, else one carried from an earlier run (the
    /// first not yet ticked, else the first).
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        let own = self.entries().find(|e| e.id() == id && e.day == self.date);
        own.or_else(|| self.entries().find(|e| e.id() == id && !e.ticked()))
            .or_else(|| self.entries().find(|e| e.id() == id))
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

    /// Where `group` stands on its run's timeline at `now`; `None` without a run or for a
    /// phase without a window.
    pub fn due(&self, group: &Group, now: NaiveDateTime) -> Option<Due> {
        let done = group.entries.iter().filter(|e| !e.item.optional).all(Entry::ticked);
        let (start, end) = group.window?;
        Some(timeline::due(start, end, now, done))
    }

    /// Where a page opens: the first open item of a phase due now, else this day's own
    /// first open item, else the first item (an index in display order).
    pub fn first_to_do(&self, now: NaiveDateTime) -> usize {
        let at = |pick: &dyn Fn(&Group) -> bool| {
            let mut index = 0;
            for g in &self.groups {
                for e in &g.entries {
                    if pick(g) && !e.ticked() {
                        return Some(index);
                    }
                    index += 1;
                }
            }
            None
        };
        at(&|g| matches!(self.due(g, now), Some(Due::Now(_))))
            .or_else(|| at(&|g| g.from.is_none()))
            .unwrap_or(0)
    }

    /// The phase due at `now`, if any.
    pub fn due_now(&self, now: NaiveDateTime) -> Option<&Group> {
        self.groups.iter().find(|g| matches!(self.due(g, now), Some(Due::Now(_))))
    }

    /// This day's own phase that starts when its run ends (the earliest on the timeline).
    pub fn first_phase(&self) -> Option<&Group> {
        self.groups
            .iter()
            .filter(|g| g.from.is_none() && g.phase.from_min.is_some())
            .min_by_key(|g| g.phase.from_min)
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
    fn new(item: &Item, day: NaiveDate, ticks: &[Tick], foam_roll_seconds: u32) -> Entry {
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
            day,
            seconds,
            sets_total,
            sets_done: u8::try_from(done).unwrap_or(sets_total).min(sets_total),
            amount: None,
        }
    }

    /// Marked "only if pain-free during and after" (it loads a painful site).
    fn only_if_pain_free(mut self) -> Entry {
        self.item.note = Some(match self.item.note.take() {
            Some(note) => format!("{}; {note}", pain::ONLY_IF_PAIN_FREE),
            None => pain::ONLY_IF_PAIN_FREE.into(),
        });
        self
    }

    /// The entry as the day shapes it; `None` for a target that does not apply today.
    fn shaped(
        item: &Item,
        day: NaiveDate,
        ticks: &[Tick],
        foam_roll_seconds: u32,
        shape: &Shape,
    ) -> Option<Entry> {
        let mut entry = Entry::new(item, day, ticks, foam_roll_seconds);
        match item.computed {
            Some(Computed::Target(formula)) => entry.amount = Some(targets::compute(formula, &shape.facts)?),
            Some(Computed::NextSession) => {
                let after = shape.facts.run.as_ref().map(|r| Session::of_run(r.kind, r.minutes));
                let verdict = shape.verdict.as_ref().and_then(|(level, hint)| next_session(*level, hint));
                if let Some(text) = after.and_then(after_hard).or(verdict) {
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
