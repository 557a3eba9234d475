//! `cooldown export`: markers, runs, ticks or verdicts as CSV (the columns import reads)
//! or JSON. Numbers are written so they read back to the same value: export → import into
//! an empty database → export gives the same bytes.

use super::columns::{RUN_ID, TICK_COLUMNS, header, neutralise};
use crate::domain::fields::{Spec, Value as Field, by_column};
use crate::domain::readiness::{Domain, Verdict};
use crate::domain::records::{MARKER_FIELDS, Markers, RUN_FIELDS, Run};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// A field as a CSV cell: numbers that read back to the same value, yes/no as 1/0, text
/// with the spreadsheet guard.
fn cell(v: Option<Field>) -> String {
    match v {
        None => String::new(),
        Some(Field::Int(v)) => v.to_string(),
        Some(Field::Real(v)) => format!("{v}"),
        Some(Field::Flag(v)) => if v { "1" } else { "0" }.to_string(),
        Some(Field::Text(v)) => neutralise(&v),
        Some(other) => other.typed(),
    }
}

/// A field as JSON: integers stay integers (`52`, not `52.0`), text as logged.
fn json_value(v: Field) -> Value {
    match v {
        Field::Int(v) => json!(v),
        Field::Real(v) if v.fract() == 0.0 && v.abs() < 1e15 => json!(v as i64),
        Field::Real(v) => json!(v),
        Field::Flag(v) => json!(v),
        Field::Text(v) => json!(v),
        other => json!(other.typed()),
    }
}

/// A record's row: its day, then every field of its table.
fn cells<R>(day: NaiveDate, table: &'static [Spec<R>], record: &R) -> Vec<String> {
    std::iter::once(day.to_string()).chain(table.iter().map(|s| cell((s.get)(record)))).collect()
}

/// A record as an object with its day and the fields that have a value.
fn record_json<R>(day: NaiveDate, table: &'static [Spec<R>], record: &R) -> Value {
    let mut map = Map::new();
    map.insert("date".into(), json!(day.to_string()));
    for spec in table {
        if let Some(v) = (spec.get)(record) {
            map.insert(spec.column.into(), json_value(v));
        }
    }
    Value::Object(map)
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

pub fn markers_csv(rows: &[(NaiveDate, Markers)]) -> Result<String> {
    csv_of(&header(&MARKER_FIELDS), rows.iter().map(|(d, m)| cells(*d, &MARKER_FIELDS, m)).collect())
}

/// The runs file: `date`, the fields of `RUN_FIELDS`, then each run's `id` (last, so the
/// columns before it keep their places), which an import of the file matches runs by.
pub fn runs_csv(runs: &[Run]) -> Result<String> {
    let mut columns = header(&RUN_FIELDS);
    columns.push(RUN_ID);
    let rows = runs
        .iter()
        .map(|r| {
            let mut row = cells(r.day, &RUN_FIELDS, r);
            row.push(r.id.map(|id| id.to_string()).unwrap_or_default());
            row
        })
        .collect();
    csv_of(&columns, rows)
}

/// `cooldown runs --json`: each run with its id, day, where it came from (`source`) and
/// every field of `RUN_FIELDS` by its column, `null` when not logged; the columns
/// `cooldown runs` shows first.
pub fn listed_json<'a>(runs: impl IntoIterator<Item = (&'a Run, &'a str)>) -> Result<String> {
    const FIRST: [&str; 5] = ["at", "type", "minutes", "km", "rpe"];
    let field = |run: &Run, spec: &Spec<Run>| {
        (spec.column.to_string(), (spec.get)(run).map_or(Value::Null, json_value))
    };
    let objects = runs.into_iter().map(|(run, source)| {
        let first = FIRST.iter().filter_map(|c| by_column(&RUN_FIELDS, c));
        let rest = RUN_FIELDS.iter().filter(|s| !FIRST.contains(&s.column));
        let mut object = Map::new();
        object.insert(RUN_ID.into(), run.id.map_or(Value::Null, |id| json!(id)));
        object.insert("date".into(), json!(run.day.to_string()));
        object.extend(first.map(|s| field(run, s)));
        object.insert("source".into(), json!(source));
        object.extend(rest.map(|s| field(run, s)));
        Value::Object(object)
    });
    pretty(&Value::Array(objects.collect()))
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

/// A tick row as an object; `set` is a number.
fn tick_json(day: NaiveDate, id: &str, set: u8, at: &str) -> Value {
    let mut map = Map::new();
    for (column, value) in TICK_COLUMNS.iter().zip([json!(day.to_string()), json!(id), json!(set), json!(at)])
    {
        map.insert((*column).to_string(), value);
    }
    Value::Object(map)
}

fn pretty(v: &Value) -> Result<String> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "export", "report this as a bug"))
}

pub fn markers_json(rows: &[(NaiveDate, Markers)]) -> Result<String> {
    pretty(&Value::Array(rows.iter().map(|(d, m)| record_json(*d, &MARKER_FIELDS, m)).collect()))
}

/// Runs as objects: `id` first, then the day and the fields that have a value.
pub fn runs_json(runs: &[Run]) -> Result<String> {
    let objects = runs.iter().map(|r| {
        let mut object = Map::new();
        if let Some(id) = r.id {
            object.insert(RUN_ID.into(), json!(id));
        }
        if let Value::Object(fields) = record_json(r.day, &RUN_FIELDS, r) {
            object.extend(fields);
        }
        Value::Object(object)
    });
    pretty(&Value::Array(objects.collect()))
}

pub fn ticks_json(ticks: &[(NaiveDate, String, u8, String)]) -> Result<String> {
    pretty(&Value::Array(ticks.iter().map(|(d, id, set, at)| tick_json(*d, id, *set, at)).collect()))
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
    /// Added in v2: the verdict's plain meaning, and calibration as progress.
    headline: &'a str,
    calibration: &'a [String],
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
    /// Added in v2: the reference was provisional (the first weeks).
    provisional: bool,
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
                provisional: c.provisional,
            })
            .collect(),
        unavailable: &v.unavailable,
        hint: &v.hint,
        rules_version: &v.rules_version,
        headline: &v.headline,
        calibration: &v.calibration,
    }
}

pub fn verdicts_json(verdicts: &[Verdict]) -> Result<String> {
    let items: Vec<VerdictJson> = verdicts.iter().map(verdict_json).collect();
    serde_json::to_string_pretty(&items)
        .map(|s| s + "\n")
        .map_err(|e| Error::io(format!("cannot write JSON: {e}"), "export", "report this as a bug"))
}
