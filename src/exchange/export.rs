//! `cooldown export`: markers, runs, ticks or verdicts as CSV (the columns import reads)
//! or JSON. Numbers are written so they read back to the same value: export → import into
//! an empty database → export gives the same bytes.

use super::columns::{MARKER_COLUMNS, RUN_COLUMNS, TICK_COLUMNS, neutralise, restore};
use crate::domain::readiness::{Domain, Verdict};
use crate::domain::records::{Markers, Run};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value, json};

fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{v}")).unwrap_or_default()
}

fn int<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn text(v: &Option<String>) -> String {
    v.as_deref().map(neutralise).unwrap_or_default()
}

fn csv_of(header: &[&str], rows: Vec<Vec<String>>) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Error::io(format!("cannot write CSV: {e}"), "export", "report this as a bug");
    w.write_record(header).map_err(io)?;
    for row in rows {
        w.write_record(row).map_err(io)?;
    }
    let bytes =
        w.into_inner().map_err(|e| Error::io(format!("cannot write CSV: {e}"), "export", "try again"))?;
    String::from_utf8(bytes)
        .map_err(|e| Error::io(format!("cannot write CSV: {e}"), "export", "report this as a bug"))
}

fn marker_cells(m: &Markers) -> Vec<String> {
    vec![
        int(m.rhr),
        num(m.hrv),
        num(m.sleep_hours),
        int(m.sleep_quality),
        int(m.soreness),
        int(m.pain),
        text(&m.pain_site),
        num(m.hop_cm),
        num(m.balance_s),
        num(m.weight_kg),
        m.ill.map(|i| if i { "1" } else { "0" }.to_string()).unwrap_or_default(),
        text(&m.note),
    ]
}

pub fn markers_csv(rows: &[(NaiveDate, Markers)]) -> Result<String> {
    let header: Vec<&str> = std::iter::once("date").chain(MARKER_COLUMNS).collect();
    let rows =
        rows.iter().map(|(d, m)| std::iter::once(d.to_string()).chain(marker_cells(m)).collect()).collect();
    csv_of(&header, rows)
}

fn run_cells(r: &Run) -> Vec<String> {
    vec![
        r.day.to_string(),
        r.kind.name().to_string(),
        r.minutes.to_string(),
        num(r.km),
        int(r.rpe),
        num(r.weight_before_kg),
        num(r.weight_after_kg),
        num(r.fluid_l),
        text(&r.note),
        r.at.format("%H:%M").to_string(),
    ]
}

pub fn runs_csv(runs: &[Run]) -> Result<String> {
    csv_of(&RUN_COLUMNS, runs.iter().map(run_cells).collect())
}

pub fn ticks_csv(ticks: &[(NaiveDate, String, u8, String)]) -> Result<String> {
    let rows = ticks
        .iter()
        .map(|(d, id, set, at)| vec![d.to_string(), id.clone(), set.to_string(), at.clone()])
        .collect();
    csv_of(&TICK_COLUMNS, rows)
}

pub fn verdicts_csv(verdicts: &[Verdict]) -> Result<String> {
    let rows = verdicts
        .iter()
        .map(|v| {
            let reasons: Vec<String> =
                v.reasons.iter().map(|r| format!("{}: {}", r.rule, r.detail)).collect();
            vec![
                v.date.to_string(),
                v.level.name().to_string(),
                v.confidence.name().to_string(),
                neutralise(&reasons.join("; ")),
                neutralise(&v.hint),
                v.rules_version.clone(),
            ]
        })
        .collect();
    csv_of(&["date", "verdict", "confidence", "reasons", "hint", "rules_version"], rows)
}

/// A cell as a JSON number: integers stay integers (`52`, not `52.0`).
fn number(cell: &str) -> Value {
    if let Ok(i) = cell.parse::<i64>() {
        return json!(i);
    }
    cell.parse::<f64>().map_or_else(|_| Value::String(cell.to_string()), |n| json!(n))
}

/// An object with the columns that have a value (numbers as numbers).
fn object(header: &[&str], cells: Vec<String>) -> Value {
    let mut map = Map::new();
    for (h, c) in header.iter().zip(cells) {
        if c.is_empty() {
            continue;
        }
        let value = match (*h, !TEXT.contains(h)) {
            ("ill", _) => Value::Bool(c == "1"),
            (_, true) => number(&c),
            // The CSV cells carry the spreadsheet guard; JSON gets the text as logged.
            _ => Value::String(restore(&c).to_string()),
        };
        map.insert((*h).to_string(), value);
    }
    Value::Object(map)
}

/// The columns that hold text; every other one holds a number.
const TEXT: [&str; 7] = ["date", "pain_site", "note", "type", "at", "item_id", "ticked_at"];

fn pretty(v: &Value) -> Result<String> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "export", "report this as a bug"))
}

pub fn markers_json(rows: &[(NaiveDate, Markers)]) -> Result<String> {
    let header: Vec<&str> = std::iter::once("date").chain(MARKER_COLUMNS).collect();
    let items = rows
        .iter()
        .map(|(d, m)| object(&header, std::iter::once(d.to_string()).chain(marker_cells(m)).collect()))
        .collect();
    pretty(&Value::Array(items))
}

pub fn runs_json(runs: &[Run]) -> Result<String> {
    pretty(&Value::Array(runs.iter().map(|r| object(&RUN_COLUMNS, run_cells(r))).collect()))
}

pub fn ticks_json(ticks: &[(NaiveDate, String, u8, String)]) -> Result<String> {
    let items = ticks
        .iter()
        .map(|(d, id, set, at)| {
            object(&TICK_COLUMNS, vec![d.to_string(), id.clone(), set.to_string(), at.clone()])
        })
        .collect();
    pretty(&Value::Array(items))
}

/// CLI.md's `verdict --json`, exactly these fields, in this order.
#[derive(Serialize)]
pub struct VerdictJson<'a> {
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

pub fn verdict_json(v: &Verdict) -> VerdictJson<'_> {
    let state = |d| v.domain(d).map_or("unavailable", |s| s.name());
    VerdictJson {
        date: v.date.to_string(),
        verdict: v.level.name(),
        confidence: v.confidence.name(),
        domains: DomainsJson {
            autonomic: state(Domain::Autonomic),
            sleep: state(Domain::Sleep),
            musculoskeletal: state(Domain::Musculoskeletal),
        },
        reasons: v
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
            .collect(),
        unavailable: &v.unavailable,
        hint: &v.hint,
        rules_version: &v.rules_version,
    }
}

pub fn verdicts_json(verdicts: &[Verdict]) -> Result<String> {
    let items: Vec<VerdictJson> = verdicts.iter().map(verdict_json).collect();
    serde_json::to_string_pretty(&items)
        .map(|s| s + "\n")
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "export", "report this as a bug"))
}
