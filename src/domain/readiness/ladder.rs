//! The ladder (first match wins), then load corroboration, extended recovery and
//! caution, chained day by day from 28 days back (READINESS.md "Ladder").

use super::assess::{Assessment, assess};
use super::rules::{check, info};
use super::words;
use super::{CHAIN_DAYS, Check, Domain, Inputs, Level, Outcome, Say, State, Thresholds, Verdict};
use chrono::{Days, NaiveDate};

/// What the next day needs to know about this one.
struct Yesterday {
    level: Level,
    worse: Vec<Domain>,
}

fn names(domains: &[Domain]) -> String {
    words::domains(domains)
}

/// "is" or "are" for a list of domains ("sleep is", "legs are").
fn are(domains: &[Domain]) -> &'static str {
    if domains == [Domain::Sleep] { "is" } else { "are" }
}

/// Where a reason stands: safety, then pain, then red, then amber, then the ladder's own
/// lines and notes (READINESS.md "Words on screen").
fn rank(c: &Check) -> u8 {
    match (c.rule, c.outcome) {
        ("V0", _) => 0,
        ("M-PAIN", Outcome::Rated(State::Amber | State::Red)) => 1,
        (r, _) if LADDER.contains(&r) => 4,
        (_, Outcome::Rated(State::Red)) => 2,
        (_, Outcome::Rated(State::Amber)) => 3,
        _ => 5,
    }
}

/// The ladder's own lines: they sum up, so the marker lines come first.
const LADDER: [&str; 6] = ["V1", "V2", "V3", "X-REST", "X-CLEAN", "L-ACWR"];

/// The markers rated today, in words: what a GO compared.
fn compared(a: &Assessment) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for c in a.checks.iter().filter(|c| matches!(c.outcome, Outcome::Rated(_))) {
        let name = match c.marker {
            Some("hrv") => "HRV",
            Some("rhr") => "resting HR",
            Some("sleep") | Some("sleep_quality") => "sleep",
            Some("soreness") => "soreness",
            Some("pain") => "pain",
            Some("hop") => "hop",
            Some("balance") => "balance",
            _ => continue,
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn ladder(rule: &'static str, state: State, detail: String) -> Check {
    check(rule, None, state, None, None, "ladder", detail)
}

/// Runs the chain from 28 days before `from` up to `to`, one assessment a day, and hands
/// every day from `from` on to `each` with its verdict, reasons and hint. The days before
/// `from` are rated for their levels only; the days handed on are worded as `say` asks.
fn chain(
    inputs: &Inputs,
    from: NaiveDate,
    to: NaiveDate,
    t: &Thresholds,
    say: Say,
    mut each: impl FnMut(NaiveDate, Assessment, Level, Vec<Check>, String),
) {
    let mut yesterday: Option<Yesterday> = None;
    let mut d = from.checked_sub_days(Days::new(u64::from(CHAIN_DAYS))).unwrap_or(from);
    while d <= to {
        let say = if d >= from { say } else { Say::Levels };
        let a = assess(inputs, d, t, say);
        let (level, reasons, hint) = decide(inputs, &a, yesterday.as_ref(), t, say);
        let worse = a.worse();
        if d >= from {
            each(d, a, level, reasons, hint);
        }
        yesterday = Some(Yesterday { level, worse });
        let Some(next) = d.succ_opt() else { break };
        d = next;
    }
}

fn build(
    inputs: &Inputs,
    day: NaiveDate,
    a: Assessment,
    level: Level,
    reasons: Vec<Check>,
    hint: String,
    t: &Thresholds,
) -> Verdict {
    let calibration = words::calibration(inputs, day, &a.baselines, t);
    let headline = words::headline(level, a.safety.is_some());
    let mut checks = a.checks;
    checks.extend(a.notes);
    checks.extend(a.safety);
    Verdict {
        date: day,
        level,
        confidence: a.confidence,
        domains: a.domains,
        reasons,
        checks,
        unavailable: a.unavailable,
        headline,
        hint,
        calibration,
        baselines: a.baselines,
        rules_version: t.rules_version(),
    }
}

/// The verdict for `day`, with yesterday's verdict (and the day before…) computed by
/// the same rules from 28 days back.
pub fn verdict(inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> Verdict {
    let mut out = None;
    chain(inputs, day, day, t, Say::Words, |d, a, level, reasons, hint| {
        out = Some(build(inputs, d, a, level, reasons, hint, t))
    });
    out.unwrap_or_else(|| {
        build(
            inputs,
            day,
            assess(inputs, day, t, Say::Words),
            Level::NoData,
            Vec::new(),
            words::NO_DATA_HINT.into(),
            t,
        )
    })
}

/// The verdicts of every day from `from` to `to`, the chain run once (from 28 days before
/// `from`), so a long history costs one assessment a day. Agrees with [`verdict`] day by
/// day (a test checks it on the demo history).
pub fn verdicts(inputs: &Inputs, from: NaiveDate, to: NaiveDate, t: &Thresholds) -> Vec<Verdict> {
    let mut out = Vec::new();
    chain(inputs, from, to, t, Say::Words, |d, a, level, reasons, hint| {
        out.push(build(inputs, d, a, level, reasons, hint, t))
    });
    out
}

/// Only the levels of [`verdicts`]: what the trend strip and the calendar need.
pub fn levels(inputs: &Inputs, from: NaiveDate, to: NaiveDate, t: &Thresholds) -> Vec<(NaiveDate, Level)> {
    let mut out = Vec::new();
    chain(inputs, from, to, t, Say::Levels, |d, _, level, _, _| out.push((d, level)));
    out
}

fn decide(
    inputs: &Inputs,
    a: &Assessment,
    yesterday: Option<&Yesterday>,
    t: &Thresholds,
    say: Say,
) -> (Level, Vec<Check>, String) {
    let fired: Vec<Check> = a.checks.iter().filter(|c| c.outcome.at_least_amber()).cloned().collect();
    if let Some(flag) = &a.safety {
        let mut reasons = vec![flag.clone()];
        reasons.extend(fired);
        reasons.sort_by_key(rank);
        return (Level::Rest, reasons, say.text(|| words::hint(Level::Rest, &[], false, true)));
    }
    if a.available() == 0 {
        // What was logged and why it could not be rated yet.
        let why: Vec<Check> = a.checks.iter().filter(|c| c.outcome == Outcome::Info).cloned().collect();
        return (Level::NoData, why, say.text(|| words::NO_DATA_HINT));
    }
    let worse = a.worse();
    let reds = a.reds();
    let mut reasons = fired;
    let repeat: Vec<Domain> = yesterday
        .map(|y| worse.iter().filter(|d| y.worse.contains(d)).copied().collect())
        .unwrap_or_default();
    let mut level = if reds >= 2 || (worse.len() >= 3 && reds >= 1) {
        reasons.push(ladder("V1", State::Red, say!(say, "{} {} worse: rest", names(&worse), are(&worse))));
        Level::Rest
    } else if worse.len() >= 2 || reds == 1 {
        let verb = are(&worse);
        reasons.push(ladder(
            "V2",
            State::Amber,
            say!(say, "{} {verb} worse: delay intensity", names(&worse)),
        ));
        Level::Easy
    } else if a.h_chronic >= Some(State::Amber) || a.asat {
        Level::Easy
    } else if !repeat.is_empty() {
        let detail =
            say!(say, "{} {} worse yesterday and today: extend recovery", names(&repeat), are(&repeat));
        reasons.push(ladder("V2", State::Amber, detail));
        Level::Easy
    } else if t.strict_hrv && a.h_acute >= Some(State::Amber) {
        reasons.push(ladder(
            "V2",
            State::Amber,
            say.text(|| "strict HRV mode: today's HRV alone delays intensity"),
        ));
        Level::Easy
    } else {
        Level::Go
    };

    let mut load_spike = false;
    let spike = acwr(inputs, a.day).filter(|r| *r >= t.acwr_spike);
    if let (Level::Go, Some(ratio)) = (level, spike) {
        if worse.is_empty() {
            reasons.push(info(
                "L-ACWR",
                "load",
                Some(ratio),
                say!(say, "training load this week {ratio:.1}× your usual, no other marker worse"),
            ));
        } else {
            level = Level::Easy;
            load_spike = true;
            reasons.push(check(
                "L-ACWR",
                Some("load"),
                State::Amber,
                Some(ratio),
                Some(t.acwr_spike),
                say!(say, "ACWR ≥ {}; today ACWR {ratio:.2}", t.acwr_spike),
                say!(say, "training load this week {ratio:.1}× your usual, with {} worse", names(&worse)),
            ));
        }
    }
    if let (Some(y), Level::Go) = (yesterday, level) {
        if y.level == Level::Rest {
            level = Level::Easy;
            reasons.push(ladder(
                "X-REST",
                State::Amber,
                say.text(|| "the day after a REST is at most EASY: extend recovery"),
            ));
        } else if y.level == Level::Easy && y.worse.len() >= 2 && !worse.is_empty() {
            level = Level::Easy;
            reasons.push(ladder(
                "X-CLEAN",
                State::Amber,
                say.text(
                    || "after yesterday's EASY with two things worse, GO needs a day with nothing worse",
                ),
            ));
        }
    }
    if level == Level::Go && worse.len() == 1 {
        level = Level::GoCaution;
    }
    if level == Level::Go && reasons.iter().all(|r| r.outcome == Outcome::Info) {
        // A GO always names what it compared.
        let what = compared(a);
        let verb = if what.len() == 1 { "is" } else { "are" };
        reasons.insert(0, info("V3", "all", None, say!(say, "{} {verb} as usual", list(&what))));
    }
    let hint = say.text(|| words::hint(level, &worse, load_spike, false));
    reasons.extend(a.notes.iter().cloned());
    reasons.sort_by_key(rank);
    (level, reasons, hint)
}

/// Acute:chronic workload ratio: the load of d−7 … d−1 over a third of d−28 … d−8, only
/// when each of those three earlier weeks has at least one day with load.
pub fn acwr(inputs: &Inputs, day: NaiveDate) -> Option<f64> {
    let back = |n: u64| day.checked_sub_days(Days::new(n));
    let sum = |from: u64, to: u64| -> Option<(f64, usize)> {
        let days: Vec<f64> = inputs.load.range(back(from)?..=back(to)?).map(|(_, l)| *l).collect();
        Some((days.iter().sum(), days.len()))
    };
    for (from, to) in [(28, 22), (21, 15), (14, 8)] {
        if sum(from, to)?.1 == 0 {
            return None;
        }
    }
    let chronic = sum(28, 8)?.0 / 3.0;
    let acute = sum(7, 1)?.0;
    (chronic > 0.0).then(|| acute / chronic)
}
