//! Generated demo history: realistic, and the same every time for the same end date.
//!
//! A week of training (intervals Tuesday, tempo Thursday, long run Sunday, easy days
//! between, a race now and then), morning markers that follow the training with a weekly
//! rhythm and noise, one overreaching episode (load up, HRV down, resting HR and soreness
//! up, hop distance down) about five weeks before the end, and ticks with human adherence.

use super::checklist::Checklist;
use super::records::{Markers, Run, Tick};
use super::routine::Routine;
use super::session::Session;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

/// Default and maximum history length, in days (CLI.md `seed-demo`).
pub const DEFAULT_DAYS: u32 = 120;
pub const MAX_DAYS: u32 = 3650;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub markers: Vec<(NaiveDate, Markers)>,
    pub runs: Vec<Run>,
    pub ticks: Vec<(NaiveDate, Tick)>,
}

/// SplitMix64: tiny, fast, and fixed forever, so demo data never shifts between builds.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Roughly normal (sum of uniforms), mean 0, SD 1.
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.unit()).sum::<f64>() * std::f64::consts::SQRT_2
            - 6.0 * std::f64::consts::FRAC_1_SQRT_2
    }
}

/// How deep into the overreaching episode a day is: 0 outside, up to 1 at its worst.
fn strain(days_before_end: u32) -> f64 {
    match days_before_end {
        36..=49 => f64::from(50 - days_before_end) / 14.0,
        29..=35 => f64::from(days_before_end - 28) / 8.0,
        _ => 0.0,
    }
}

fn planned_session(date: NaiveDate, rng: &mut Rng) -> Session {
    let week = date.iso_week().week();
    match date.weekday() {
        Weekday::Mon => Session::Rest,
        Weekday::Tue => Session::Intervals,
        Weekday::Sat if week % 7 == 3 => Session::Race,
        Weekday::Wed | Weekday::Sat => Session::Easy,
        Weekday::Thu => Session::Tempo,
        Weekday::Fri if rng.chance(0.3) => Session::Cross,
        Weekday::Fri => Session::Rest,
        Weekday::Sun => Session::Long,
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn make_run(date: NaiveDate, session: Session, load: f64, rng: &mut Rng) -> Option<Run> {
    let (base_min, rpe, pace_min_per_km) = match session {
        Session::Rest => return None,
        Session::Easy => (40.0, 3.0, 6.0),
        Session::Tempo => (50.0, 6.0, 5.0),
        Session::Intervals => (55.0, 8.0, 5.2),
        Session::Long => (100.0, 5.0, 5.8),
        Session::Race => (45.0, 9.0, 4.4),
        Session::Cross => (45.0, 4.0, 0.0),
    };
    let minutes = (base_min * load * (1.0 + 0.08 * rng.normal())).round().clamp(15.0, 240.0) as u32;
    let hour = if date.weekday() == Weekday::Sun { 9 } else { 7 };
    let at = NaiveTime::from_hms_opt(hour, (rng.next() % 50) as u32, 0)?;
    let mut run = Run::new(date, at, session, minutes);
    if pace_min_per_km > 0.0 {
        run.km = Some(round1(f64::from(minutes) / pace_min_per_km));
    }
    run.rpe = Some((rpe + load.max(1.0) - 1.0 + 0.7 * rng.normal()).round().clamp(1.0, 10.0) as u8);
    if matches!(session, Session::Long | Session::Race | Session::Tempo) && rng.chance(0.8) {
        let before = round1(68.0 + 0.4 * rng.normal());
        let fluid = if session == Session::Long { 0.5 } else { 0.0 };
        let loss = f64::from(minutes) / 60.0 * (0.9 + 0.2 * rng.unit()) - fluid;
        run.weight_before_kg = Some(before);
        run.weight_after_kg = Some(round1(before - loss.max(0.1)));
        run.fluid_l = Some(fluid);
    }
    Some(run)
}

/// A morning's markers; `full` (the demo's last morning) never forgets HRV or resting HR.
fn make_markers(yesterday: Session, s: f64, weekend: bool, full: bool, rng: &mut Rng) -> Markers {
    let hard_yesterday = matches!(yesterday, Session::Long | Session::Intervals | Session::Race);
    let mut m = Markers::default();
    if rng.chance(0.03) && !full {
        return m; // a forgotten morning
    }
    let ln_hrv = 65f64.ln() - if hard_yesterday { 0.04 } else { 0.0 } - 0.25 * s + 0.05 * rng.normal();
    if rng.chance(0.92) || full {
        m.hrv = Some(round1(ln_hrv.exp()));
    }
    if rng.chance(0.95) || full {
        let rhr = 50.0 + if hard_yesterday { 1.5 } else { 0.0 } + 7.0 * s + 1.2 * rng.normal();
        m.rhr = Some(rhr.round() as u16);
    }
    let sleep = 7.3 + if weekend { 0.5 } else { 0.0 } - 1.2 * s + 0.55 * rng.normal();
    m.sleep_hours = Some((sleep * 4.0).round() / 4.0);
    m.sleep_quality = Some((3.4 + (sleep - 7.0) * 0.8 + 0.6 * rng.normal()).round().clamp(1.0, 5.0) as u8);
    let sore = 2.0 + if hard_yesterday { 2.0 } else { 0.0 } + 4.5 * s + 0.9 * rng.normal();
    m.soreness = Some(sore.round().clamp(0.0, 10.0) as u8);
    if s > 0.5 && rng.chance(0.5) {
        m.pain = Some(2);
        m.pain_site = Some("achilles-calf".into());
    }
    if rng.chance(0.4) {
        m.hop_cm = Some(round1(152.0 * (1.0 - 0.11 * s) + 2.5 * rng.normal()));
    }
    if rng.chance(0.3) {
        m.balance_s = Some(round1(32.0 * (1.0 - 0.15 * s) + 2.0 * rng.normal()).max(0.0));
    }
    if rng.chance(0.8) {
        m.weight_kg = Some(round1(68.0 + 0.35 * rng.normal()));
    }
    m
}

/// How likely an item is ticked on a day: people skip more at weekends and when tired.
fn adherence(date: NaiveDate, s: f64) -> f64 {
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    (if weekend { 0.72 } else { 0.86 }) - 0.2 * s
}

fn make_ticks(checklist: &Checklist, p: f64, rng: &mut Rng) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let skip_day = rng.chance(0.08);
    for entry in checklist.entries() {
        if skip_day || !rng.chance(if entry.item.optional { p * 0.4 } else { p }) {
            continue;
        }
        let sets = if entry.sets_total > 1 && rng.chance(0.15) { 1 } else { entry.sets_total };
        ticks.extend((1..=sets).map(|set| Tick { item_id: entry.id().to_string(), set }));
    }
    ticks
}

/// `days` days of history ending on `end` (included). The last day is always a full one,
/// whatever its weekday: this morning's markers (HRV and resting HR included), a run today
/// with the first two checklist items ticked, and a run the day before whose timeline is
/// still due — so `--demo` never opens on NO_DATA or a bare rest day.
pub fn generate(end: NaiveDate, days: u32, routine: &Routine, foam_roll_seconds: u32) -> History {
    let mut rng = Rng(0xC001_D0E5);
    let mut history = History::default();
    let mut yesterday = Session::Rest;
    for back in (0..days).rev() {
        let Some(date) = end.checked_sub_days(Days::new(u64::from(back))) else {
            continue;
        };
        let s = if days >= 70 { strain(back) } else { 0.0 };
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut markers = make_markers(yesterday, s, weekend, back == 0, &mut rng);
        if back == 33 && days >= 70 {
            markers.ill = Some(true);
        }
        if !markers.is_empty() {
            history.markers.push((date, markers));
        }
        let mut session = planned_session(date, &mut rng);
        if s > 0.3 && session == Session::Rest && date.weekday() == Weekday::Fri {
            session = Session::Tempo; // the extra session that tipped it over
        }
        if back <= 1 && session == Session::Rest {
            session = Session::Easy; // the last two days always have a run
        }
        let runs: Vec<Run> = make_run(date, session, 1.0 + 0.35 * s, &mut rng).into_iter().collect();
        let day_session = Session::of_day(runs.iter().map(|r| (r.kind, r.minutes)));
        let ticks = Checklist::build(date, routine, day_session, &[], foam_roll_seconds);
        let ticks = if back == 0 {
            ticks.entries().take(2).map(|e| Tick { item_id: e.id().to_string(), set: 1 }).collect()
        } else {
            make_ticks(&ticks, adherence(date, s), &mut rng)
        };
        history.ticks.extend(ticks.into_iter().map(|t| (date, t)));
        history.runs.extend(runs);
        yesterday = day_session;
    }
    history
}

#[cfg(test)]
#[path = "demo_tests.rs"]
mod tests;
