//! Session types and the day's session: what the checklist scales to.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a day's training was. `Rest` is a day without a logged run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Session {
    Rest,
    Easy,
    Tempo,
    Intervals,
    Long,
    Race,
    Cross,
}

/// Runs longer than this count as long runs whatever their type (ROUTINE.md).
pub const LONG_RUN_MINUTES: u32 = 90;

impl Session {
    /// Every session a run can have, in CLI.md's order.
    pub const RUNS: [Session; 6] =
        [Session::Easy, Session::Tempo, Session::Intervals, Session::Long, Session::Race, Session::Cross];

    /// The names of `RUNS`, as messages list them.
    pub const RUN_TYPES: &str = "easy, tempo, intervals, long, race, cross";

    /// The names of `RUNS`, in the same order, as a picker lists them.
    pub const RUN_NAMES: [&str; 6] = ["easy", "tempo", "intervals", "long", "race", "cross"];

    pub fn name(self) -> &'static str {
        match self {
            Session::Rest => "rest",
            Session::Easy => "easy",
            Session::Tempo => "tempo",
            Session::Intervals => "intervals",
            Session::Long => "long",
            Session::Race => "race",
            Session::Cross => "cross",
        }
    }

    /// Parses any session name, `rest` included.
    pub fn parse(text: &str) -> Option<Session> {
        std::iter::once(Session::Rest).chain(Session::RUNS).find(|s| s.name() == text)
    }

    /// Parses the type of a run, in any case (`Tempo`, `TEMPO`): `rest` is not one.
    pub fn parse_run(text: &str) -> Option<Session> {
        Session::RUNS.into_iter().find(|s| s.name().eq_ignore_ascii_case(text))
    }

    /// How demanding the session is: long > race > intervals > tempo > easy > cross > rest.
    pub fn demand(self) -> u8 {
        match self {
            Session::Rest => 0,
            Session::Cross => 1,
            Session::Easy => 2,
            Session::Tempo => 3,
            Session::Intervals => 4,
            Session::Race => 5,
            Session::Long => 6,
        }
    }

    /// The session a run counts as: any run over 90 minutes is a long run.
    pub fn of_run(kind: Session, minutes: u32) -> Session {
        if minutes > LONG_RUN_MINUTES && kind != Session::Cross { Session::Long } else { kind }
    }

    /// The day follows its most demanding run; a day without one is a rest day.
    pub fn of_day(runs: impl IntoIterator<Item = (Session, u32)>) -> Session {
        runs.into_iter()
            .map(|(kind, minutes)| Session::of_run(kind, minutes))
            .max_by_key(|s| s.demand())
            .unwrap_or(Session::Rest)
    }

    /// Tempo, intervals, race and long runs: the sessions that need refuelling.
    pub fn is_hard(self) -> bool {
        matches!(self, Session::Tempo | Session::Intervals | Session::Race | Session::Long)
    }

    /// "tempo run", "rest day", "cross-training".
    pub fn label(self) -> &'static str {
        match self {
            Session::Rest => "rest day",
            Session::Easy => "easy run",
            Session::Tempo => "tempo run",
            Session::Intervals => "intervals",
            Session::Long => "long run",
            Session::Race => "race",
            Session::Cross => "cross-training",
        }
    }
}

impl fmt::Display for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in std::iter::once(Session::Rest).chain(Session::RUNS) {
            assert_eq!(Session::parse(s.name()), Some(s));
        }
        assert_eq!(Session::parse_run("rest"), None);
        assert_eq!(Session::parse("jog"), None);
        let names: Vec<&str> = Session::RUNS.iter().map(|s| s.name()).collect();
        assert_eq!(names, Session::RUN_NAMES);
        assert_eq!(names.join(", "), Session::RUN_TYPES);
    }

    #[test]
    fn a_run_type_is_read_in_any_case() {
        assert_eq!(Session::parse_run("Tempo"), Some(Session::Tempo));
        assert_eq!(Session::parse_run("LONG"), Some(Session::Long));
        assert_eq!(Session::parse_run("cRoSs"), Some(Session::Cross));
        assert_eq!(Session::parse_run("Rest"), None);
        assert_eq!(Session::parse_run("temp"), None);
    }

    #[test]
    fn the_day_follows_its_most_demanding_run() {
        use Session::*;
        assert_eq!(Session::of_day([]), Rest);
        assert_eq!(Session::of_day([(Cross, 40), (Easy, 30)]), Easy);
        assert_eq!(Session::of_day([(Easy, 30), (Tempo, 45), (Intervals, 50)]), Intervals);
        assert_eq!(Session::of_day([(Race, 40), (Intervals, 50)]), Race);
        assert_eq!(Session::of_day([(Race, 40), (Long, 100)]), Long);
    }

    #[test]
    fn a_run_over_ninety_minutes_is_long() {
        assert_eq!(Session::of_run(Session::Easy, 90), Session::Easy);
        assert_eq!(Session::of_run(Session::Easy, 91), Session::Long);
        assert_eq!(Session::of_run(Session::Tempo, 120), Session::Long);
        // A long bike ride is still cross-training, not a long run.
        assert_eq!(Session::of_run(Session::Cross, 180), Session::Cross);
    }
}
