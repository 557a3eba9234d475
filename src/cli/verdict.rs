//! `cooldown verdict [--json] [--explain]`: the readiness verdict with its reasons.

use super::Context;
use super::output::{say, show};
use crate::domain::readiness::{Check, Verdict, meaning};
use crate::error::{Error, Result};
use crate::exchange::export::verdict_json;
use std::process::ExitCode;

pub fn to_json(v: &Verdict) -> Result<String> {
    serde_json::to_string_pretty(&verdict_json(v))
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "verdict", "report this as a bug"))
}

/// "verdict: EASY (confidence MEDIUM) — cut intensity, keep some volume".
pub fn summary(v: &Verdict) -> String {
    format!("verdict: {} (confidence {}) — {}", v.level, v.confidence.name(), v.hint)
}

fn line(c: &Check) -> String {
    format!("  {:<12} {}", c.rule, c.detail)
}

pub fn to_text(v: &Verdict, explain: bool) -> String {
    let mut out = format!("{}  {}  confidence {}\n{}\n", v.date, v.level, v.confidence.name(), v.hint);
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
    if let Some(note) = &v.baseline_note {
        out.push_str(note);
        out.push('\n');
    }
    if explain {
        out.push_str(&format!("\n{}\nevery rule that ran:\n", meaning(v.level)));
        for c in &v.checks {
            let value = |x: Option<f64>| {
                x.map_or("–".to_string(), |x| crate::domain::values::fmt_num((x * 10.0).round() / 10.0))
            };
            out.push_str(&format!(
                "  {:<12} {:<13} {:<6} today {:<6} baseline {:<6} {}\n      {}\n",
                c.rule,
                c.marker.unwrap_or("–"),
                c.outcome.name(),
                value(c.today),
                value(c.baseline),
                c.threshold,
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
