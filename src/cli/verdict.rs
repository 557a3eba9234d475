//! `cooldown verdict [--json] [--explain]`: the readiness verdict with its reasons.

use super::Context;
use super::output::{say, show};
use crate::domain::readiness::{Check, Verdict, meaning, reference_label, value_label};
use crate::error::{Error, Result};
use crate::exchange::export::verdict_json;
use std::process::ExitCode;

pub fn to_json(v: &Verdict) -> Result<String> {
    serde_json::to_string_pretty(&verdict_json(v))
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "verdict", "report this as a bug"))
}

/// The headline, then the hint when it adds something.
fn advice(v: &Verdict) -> String {
    if v.hint == v.headline { v.headline.clone() } else { format!("{} — {}", v.headline, v.hint) }
}

/// "verdict: EASY (confidence MEDIUM) — easy aerobic only: … — cut intensity, keep some volume".
pub fn summary(v: &Verdict) -> String {
    format!("verdict: {} (confidence {}) — {}", v.level, v.confidence.name(), advice(v))
}

fn line(c: &Check) -> String {
    format!("  · {}", c.detail)
}

pub fn to_text(v: &Verdict, explain: bool) -> String {
    let mut out = format!("{}  {}  confidence {}\n{}\n", v.date, v.level, v.confidence.name(), advice(v));
    if !v.reasons.is_empty() {
        out.push_str("why:\n");
        for c in &v.reasons {
            out.push_str(&line(c));
            out.push('\n');
        }
    }
    if !v.unavailable.is_empty() {
        out.push_str(&format!("not logged: {}\n", v.unavailable.join(", ")));
    }
    for line in &v.calibration {
        out.push_str(line);
        out.push('\n');
    }
    if explain {
        out.push_str(&format!("\n{}\nevery rule that ran:\n", meaning(v.level)));
        for c in &v.checks {
            let value = |x: Option<f64>| {
                x.map_or("–".to_string(), |x| crate::domain::values::fmt_num((x * 100.0).round() / 100.0))
            };
            let reference = match c.baseline {
                Some(b) => format!(" · {} {}", reference_label(c), value(Some(b))),
                None => String::new(),
            };
            out.push_str(&format!(
                "  {:<12} {:<13} {:<6} {} {}{reference}{}\n      {}\n",
                c.rule,
                c.marker.unwrap_or("–"),
                c.outcome.name(),
                value_label(c),
                value(c.today),
                if c.threshold.is_empty() { String::new() } else { format!(" · {}", c.threshold) },
                c.detail
            ));
        }
    }
    out.push_str(&v.rules_version);
    out.push('\n');
    out
}

pub fn run(ctx: &Context, json: bool, explain: bool) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let v = ctx.verdict(&store, ctx.date)?;
    if json {
        say(&to_json(&v)?)?;
    } else {
        show(&to_text(&v, explain))?;
    }
    Ok(ExitCode::SUCCESS)
}
