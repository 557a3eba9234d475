//! The ladder (first match wins), then load corroboration, extended recovery and
//! caution, chained day by day from 28 days back (READINESS.md "Ladder").

use super::assess::{Assessment, assess};
use super::rules::{check, info};
use super::words;
use super::{CHAIN_DAYS, Check, Domain, Inputs, Level, State, Thresholds, Verdict};
use chrono::{Days, NaiveDate};

/// What the next day needs to know about this one.
struct Yesterday {
    level: Level,
    worse: Vec<Domain>,
}

fn names(domains: &[Domain]) -> String {
    domains.iter().map(|d| d.name()).collect::<Vec<_>>().join(", ")
}

fn ladder(rule: &'static str, state: State, detail: String) -> Check {
    check(rule, None, state, None, None, "ladder", detail)
}

/// Runs the chain from 28 days before `from` up to `to`, one assessment a day, and hands
/// every day from `from` on to `each` with its verdict, reasons and hint.
fn chain(
    inputs: &Inputs,
    from: NaiveDate,
    to: NaiveDate,
    t: &Thresholds,
    mut each: impl FnMut(NaiveDate, Assessment, Level, Vec<Check>, String),
) {
    let mut yesterday: Option<Yesterday> = None;
    let mut d = from.checked_sub_days(Days::new(u64::from(CHAIN_DAYS))).unwrap_or(from);
    while d <= to {
        let a = assess(inputs, d, t);
        let (level, reasons, hint) = decide(inputs, &a, yesterday.as_ref(), t);
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
    day: NaiveDate,
    a: Assessment,
    level: Level,
    reasons: Vec<Check>,
    hint: String,
    t: &Thresholds,
) -> Verdict {
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
        hint,
        baseline_note: words::baseline_note(&a.baselines, t),
        baselines: a.baselines,
        rules_version: t.rules_version(),
    }
}

/// The verdict for `day`, with yesterday's verdict (and the day before…) computed by
/// the same rules from 28 days back.
pub fn verdict(inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> Verdict {
    let mut out = None;
    chain(inputs, day, day, t, |d, a, level, reasons, hint| out = Some(build(d, a, level, reasons, hint, t)));
    out.unwrap_or_else(|| {
        build(day, assess(inputs, day, t), Level::NoData, Vec::new(), words::NO_DATA_HINT.into(), t)
    })
}

/// The verdicts of every day from `from` to `to`, the chain run once (from 28 days before
/// `from`), so a long history costs one assessment a day. Agrees with [`verdict`] day by
/// day (a test checks it on the demo history).
pub fn verdicts(inputs: &Inputs, from: NaiveDate, to: NaiveDate, t: &Thresholds) -> Vec<Verdict> {
    let mut out = Vec::new();
    chain(inputs, from, to, t, |d, a, level, reasons, hint| out.push(build(d, a, level, reasons, hint, t)));
    out
}

/// Only the levels of [`verdicts`]: what the trend strip and the calendar need.
pub fn levels(inputs: &Inputs, from: NaiveDate, to: NaiveDate, t: &Thresholds) -> Vec<(NaiveDate, Level)> {
    let mut out = Vec::new();
    chain(inputs, from, to, t, |d, _, level, _, _| out.push((d, level)));
    out
}

fn decide(
    inputs: &Inputs,
    a: &Assessment,
    yesterday: Option<&Yesterday>,
    t: &Thresholds,
) -> (Level, Vec<Check>, String) {
    let mut fired: Vec<Check> = a.checks.iter().filter(|c| c.outcome.at_least_amber()).cloned().collect();
    fired.sort_by_key(|c| std::cmp::Reverse(matches!(c.outcome, super::Outcome::Rated(State::Red))));
    if let Some(flag) = &a.safety {
        let mut reasons = vec![flag.clone()];
        reasons.extend(fired);
        return (Level::Rest, reasons, words::SAFETY_HINT.into());
    }
    if a.available() == 0 {
        return (Level::NoData, Vec::new(), words::NO_DATA_HINT.into());
    }
    let worse = a.worse();
    let reds = a.reds();
    let mut lead: Vec<Check> = Vec::new();
    let mut tail: Vec<Check> = Vec::new();
    let repeat: Vec<Domain> = yesterday
        .map(|y| worse.iter().filter(|d| y.worse.contains(d)).copied().collect())
        .unwrap_or_default();
    let mut level = if reds >= 2 || (worse.len() >= 3 && reds >= 1) {
        lead.push(ladder(
            "V1",
            State::Red,
            format!("{} domains worse, {reds} red ({}): rest", worse.len(), names(&worse)),
        ));
        Level::Rest
    } else if worse.len() >= 2 || reds == 1 {
        lead.push(ladder("V2", State::Amber, format!("{} worse: delay intensity", names(&worse))));
        Level::Easy
    } else if a.h_chronic >= Some(State::Amber) || a.asat {
        Level::Easy
    } else if !repeat.is_empty() {
        lead.push(ladder(
            "V2",
            State::Amber,
            format!("{} worse yesterday and today: extend recovery", names(&repeat)),
        ));
        Level::Easy
    } else if t.strict_hrv && a.h_acute >= Some(State::Amber) {
        lead.push(ladder("V2", State::Amber, "strict HRV mode: today's HRV alone delays intensity".into()));
        Level::Easy
    } else {
        Level::Go
    };

    let mut load_spike = false;
    let spike = acwr(inputs, a.day).filter(|r| *r >= t.acwr_spike);
    if let (Level::Go, Some(ratio)) = (level, spike) {
        if worse.is_empty() {
            tail.push(info(
                "L-ACWR",
                "load",
                Some(ratio),
                format!("load spike (ACWR {ratio:.2}), no other marker worse"),
            ));
        } else {
            level = Level::Easy;
            load_spike = true;
            lead.push(check(
                "L-ACWR",
                Some("load"),
                State::Amber,
                Some(ratio),
                Some(t.acwr_spike),
                format!("ACWR ≥ {}", t.acwr_spike),
                format!("load spike corroborated: ACWR {ratio:.2} with {} worse", names(&worse)),
            ));
        }
    }
    if let (Some(y), Level::Go) = (yesterday, level) {
        if y.level == Level::Rest {
            level = Level::Easy;
            lead.push(ladder(
                "X-REST",
                State::Amber,
                "the day after a REST is at most EASY: extend recovery".into(),
            ));
        } else if y.level == Level::Easy && y.worse.len() >= 2 && !worse.is_empty() {
            level = Level::Easy;
            lead.push(ladder(
                "X-CLEAN",
                State::Amber,
                "after an EASY day with 2 domains worse, GO needs a clean day".into(),
            ));
        }
    }
    if level == Level::Go && worse.len() == 1 {
        level = Level::GoCaution;
    }
    let hint = words::hint(level, &worse, load_spike);
    // A-SAT explains itself; the HRV + RHR escalation follows the two readings it joins.
    let (escalation, notes): (Vec<Check>, Vec<Check>) =
        a.notes.iter().cloned().partition(|n| n.rule == "D-AUTONOMIC");
    lead.extend(notes);
    lead.extend(fired);
    lead.extend(escalation);
    lead.extend(tail);
    (level, lead, hint)
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
