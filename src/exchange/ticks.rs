//! Our own ticks export read back (`export --what ticks`, CSV or JSON), so an export →
//! import keeps the streaks. Every row is checked — the date (a calendar day, not after
//! today), the item id (as a routine spells one), the set (1–20), the time it was ticked
//! (RFC 3339, or empty) — and the first bad one rejects the file. An item id the routine
//! does not hold is kept: the routine may change, and the day's history stays true.

use super::columns::TICK_COLUMNS;
use super::header;
use super::import::{Imported, row_error};
use crate::domain::records::Tick;
use crate::domain::values;
use crate::error::Result;
use crate::text::quote;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The most sets a routine item has (`sets = N`, 1–20).
const MAX_SET: u8 = 20;

/// One row's cells, checked.
fn tick(
    cells: [&str; 4],
    file: &str,
    line: u64,
    today: NaiveDate,
    seen: &mut HashMap<(NaiveDate, String, u8), u64>,
) -> Result<(NaiveDate, Tick)> {
    let [date, item, set, at] = cells;
    let day = values::parse_date(date, today).map_err(|e| row_error(file, line, "date", &e.reason))?;
    let id_ok = (1..=40).contains(&item.len())
        && item.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !item.starts_with('-');
    if !id_ok {
        let reason = format!("'{}' is not an item id (1–40 characters of a-z, 0-9 and '-')", quote(item, 40));
        return Err(row_error(file, line, "item_id", &reason));
    }
    let set = match set.trim().parse::<u8>() {
        Ok(n) if (1..=MAX_SET).contains(&n) => n,
        _ => {
            let reason = format!("'{}' is not a set number (1–{MAX_SET})", quote(set, 24));
            return Err(row_error(file, line, "set", &reason));
        }
    };
    if !at.is_empty() && chrono::DateTime::parse_from_rfc3339(at).is_err() {
        let reason = format!("'{}' is not a time like 2026-11-28T07:05:00+01:00", quote(at, 40));
        return Err(row_error(file, line, "ticked_at", &reason));
    }
    if let Some(first) = seen.insert((day, item.to_string(), set), line) {
        let reason = format!("{day} {item} set {set} is already on line {first}: one row per tick");
        return Err(row_error(file, line, "set", &reason));
    }
    Ok((day, Tick { item_id: item.to_string(), set }))
}

/// A ticks CSV: the columns `date,item_id,set,ticked_at` (in any order; `ticked_at` may
/// be left out). Any other column is refused.
pub fn parse_csv(text: &str, file: &str, today: NaiveDate) -> Result<Imported> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::None).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            header::error(file, format!("not a CSV file ({e})"), "give a CSV file with a header row".into())
        })?
        .iter()
        .map(str::to_string)
        .collect();
    header::refuse_repeats(&headers, file)?;
    if let Some(other) = headers.iter().find(|h| !TICK_COLUMNS.contains(&h.as_str())) {
        return Err(header::error(
            file,
            format!("unknown column '{}' in a ticks file", quote(other, 40)),
            format!("nothing was imported; a ticks file has the columns {}", TICK_COLUMNS.join(",")),
        ));
    }
    let at = |name: &str| headers.iter().position(|h| h == name);
    let (Some(d), Some(i), Some(s)) = (at("date"), at("item_id"), at("set")) else {
        return Err(header::error(
            file,
            "a ticks file needs the columns date, item_id and set".into(),
            "nothing was imported; export the ticks with `cooldown export --what ticks`".into(),
        ));
    };
    let t = at("ticked_at");
    let mut seen = HashMap::new();
    let mut ticks = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            row_error(file, line, "row", &format!("not valid CSV ({e})"))
        })?;
        let line = row.position().map_or(0, |p| p.line());
        let cell = |at: Option<usize>| at.and_then(|a| row.get(a)).unwrap_or("");
        ticks.push(tick(
            [cell(Some(d)), cell(Some(i)), cell(Some(s)), cell(t)],
            file,
            line,
            today,
            &mut seen,
        )?);
    }
    Ok(Imported { ticks, file: file.to_string(), ..Imported::default() })
}

/// A ticks JSON export: an array of objects `{date, item_id, set, ticked_at}` (`set` a
/// number). "Line" in its errors is the object's place in the array, from 1.
pub fn parse_json(text: &str, file: &str, today: NaiveDate) -> Result<Imported> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        header::error(
            file,
            format!("not valid JSON ({e})"),
            "nothing was imported; give the JSON `cooldown export --what ticks --format json` wrote".into(),
        )
    })?;
    let Some(rows) = value.as_array() else {
        return Err(header::error(file, "not an array of ticks".into(), "nothing was imported".into()));
    };
    let mut seen = HashMap::new();
    let mut ticks = Vec::with_capacity(rows.len());
    for (n, row) in rows.iter().enumerate() {
        let place = n as u64 + 1;
        let Some(object) = row.as_object() else {
            return Err(row_error(file, place, "row", "not an object"));
        };
        if let Some(other) = object.keys().find(|k| !TICK_COLUMNS.contains(&k.as_str())) {
            return Err(row_error(file, place, other, "unknown key in a ticks file"));
        }
        let text = |key: &str| match object.get(key) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        let cells = [text("date"), text("item_id"), text("set"), text("ticked_at")];
        let [a, b, c, d] = &cells;
        ticks.push(tick([a, b, c, d], file, place, today, &mut seen)?);
    }
    Ok(Imported { ticks, file: file.to_string(), ..Imported::default() })
}
