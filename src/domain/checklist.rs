//! A day's checklist: the routine scaled to the day's session, with its ticks.

use super::records::Tick;
use super::routine::{Item, ItemKind, Phase, Routine};
use super::session::Session;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct Checklist {
    pub date: NaiveDate,
    pub session: Session,
    /// The phases that have items today, in timeline order.
    pub groups: Vec<Group>,
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
        let mut groups: Vec<Group> = Vec::new();
        for phase in &routine.phases {
            let entries: Vec<Entry> = routine
                .items_for(session)
                .filter(|item| item.phase == phase.id)
                .map(|item| Entry::new(item, ticks, foam_roll_seconds))
                .collect();
            if !entries.is_empty() {
                groups.push(Group { phase: phase.clone(), entries });
            }
        }
        Checklist { date, session, groups }
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

    /// The phase that starts when the run ends (the earliest on the timeline).
    pub fn first_phase(&self) -> Option<&Group> {
        self.groups.iter().filter(|g| g.phase.from_min.is_some()).min_by_key(|g| g.phase.from_min)
    }

    /// Minutes the first phase takes without its optional items, rounded up.
    pub fn planned_minutes(&self) -> u32 {
        let seconds: f64 = self
            .first_phase()
            .map(|g| g.entries.iter().filter(|e| !e.item.optional).map(Entry::planned_seconds).sum())
            .unwrap_or(0.0);
        (seconds / 60.0).ceil() as u32
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn tick(id: &str, set: u8) -> Tick {
        Tick { item_id: id.into(), set }
    }

    #[test]
    fn groups_follow_the_timeline_and_skip_empty_phases() {
        let r = Routine::builtin().unwrap();
        let easy = Checklist::build(day(), &r, Session::Easy, &[], 90);
        assert_eq!(easy.groups.len(), 1);
        assert_eq!(easy.groups[0].phase.id, "immediately");
        let long = Checklist::build(day(), &r, Session::Long, &[], 90);
        let phases: Vec<&str> = long.groups.iter().map(|g| g.phase.id.as_str()).collect();
        assert_eq!(phases, ["immediately", "2-6h", "6-24h", "24-48h", "tools"]);
    }

    #[test]
    fn ticks_count_per_set_and_ignore_strangers() {
        let r = Routine::builtin().unwrap();
        let ticks = [tick("mobility", 1), tick("glute-bridges", 1), tick("gone-item", 1), tick("walk", 7)];
        let c = Checklist::build(day(), &r, Session::Tempo, &ticks, 90);
        assert!(c.entry("mobility").unwrap().ticked());
        let bridges = c.entry("glute-bridges").unwrap();
        assert_eq!((bridges.sets_done, bridges.sets_total, bridges.ticked()), (1, 2, false));
        assert!(!c.entry("walk").unwrap().ticked());
        assert_eq!(c.done(), 1);
    }

    #[test]
    fn timed_items_take_the_configured_seconds_unless_they_set_their_own() {
        let r = Routine::builtin().unwrap();
        let c = Checklist::build(day(), &r, Session::Easy, &[], 120);
        assert_eq!(c.entry("foam-calves").unwrap().seconds, Some(120));
        let own = Routine::parse(
            "[[phases]]\nid = \"p\"\ntitle = \"P\"\nfrom_min = 0\nto_min = 30\n[[items]]\nid = \"t\"\n\
             phase = \"p\"\ntitle = \"T\"\nkind = \"timed\"\nseconds = 45\nsessions = [\"all\"]\n",
            "r",
        )
        .unwrap();
        let c = Checklist::build(day(), &own, Session::Rest, &[], 120);
        assert_eq!(c.entry("t").unwrap().seconds, Some(45));
        assert_eq!(c.planned_minutes(), 1);
    }

    #[test]
    fn planned_minutes_cover_the_first_phase_without_optional_items() {
        let r = Routine::builtin().unwrap();
        // mobility 5 + 3 × 1.5 foam rolling = 9.5 → 10
        assert_eq!(Checklist::build(day(), &r, Session::Easy, &[], 90).planned_minutes(), 10);
        // + bridges 2 + RDL 2 + lateral walks 1 + carbs 1 + fluid 1 = 16.5 → 17
        assert_eq!(Checklist::build(day(), &r, Session::Tempo, &[], 90).planned_minutes(), 17);
        // with 120 s per target: 5 + 3 × 2 + 2 + 2 + 1 + 1 + 1 = 18
        assert_eq!(Checklist::build(day(), &r, Session::Tempo, &[], 120).planned_minutes(), 18);
    }
}
