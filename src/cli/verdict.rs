//! `cooldown verdict [--json] [--explain]`: the readiness verdict with its reasons.

use super::Context;
use crate::domain::readiness::{Check, Domain, Verdict, meaning};
use crate::error::{Error, Result};
use serde::Serialize;
use std::process::ExitCode;

/// CLI.md's `verdict --json`, exactly these fields.
#[derive(Serialize)]
struct VerdictJson<'a> {
    date: String,
    verdict: &'static str,
    confidence: &'static str,
    domains: DomainsJson,
    reasons: Vec<ReasonJson<'a>>,
    unavailable: &'a [&'static str],
    hint: &'a str,
    rules_version: &'a str,
}

#[derive(Serialize)]
struct DomainsJson {
    autonomic: &'static str,
    sleep: &'static str,
    musculoskeletal: &'static str,
}

#[derive(Serialize)]
struct ReasonJson<'a> {
    rule: &'static str,
    marker: Option<&'static str>,
    state: &'static str,
    today: Option<f64>,
    baseline: Option<f64>,
    detail: &'a str,
}

fn round(v: Option<f64>) -> Option<f64> {
    v.map(|x| (x * 10.0).round() / 10.0)
}

pub fn to_json(v: &Verdict) -> Result<String> {
    let state = |d| v.domain(d).map_or("unavailable", |s| s.name());
    let domains = DomainsJson {
        autonomic: state(Domain::Autonomic),
        sleep: state(Domain::Sleep),
        musculoskeletal: state(Domain::Musculoskeletal),
    };
    let reasons = v
        .reasons
        .iter()
        .map(|c| ReasonJson {
            rule: c.rule,
            marker: c.marker,
            state: c.outcome.name(),
            today: round(c.today),
            baseline: round(c.baseline),
            detail: &c.detail,
        })
        .collect();
    let doc = VerdictJson {
        date: v.date.to_string(),
        verdict: v.level.name(),
        confidence: v.confidence.name(),
        domains,
        reasons,
        unavailable: &v.unavailable,
        hint: &v.hint,
        rules_version: &v.rules_version,
    };
    serde_json::to_string_pretty(&doc)
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
        println!("{}", to_json(&v)?);
    } else {
        print!("{}", to_text(&v, explain));
    }
    Ok(ExitCode::SUCCESS)
}
