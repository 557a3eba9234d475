//! FIT activity files (Garmin, Coros, Suunto, Wahoo, Polar; Strava's bulk export) through
//! the `fitparser` crate, one activity per session message.
//!
//! Two of fitparser's habits are handled here. It places every time in the parsing
//! computer's zone, and its `local_timestamp` is off by an hour when that zone's DST state
//! differs from 1989-12-31's (upstream fitparse-rs #53): so the raw seconds are recovered
//! and the watch's own offset is `activity.local_timestamp − activity.timestamp`. And it
//! can panic on a corrupt file: the header is checked first, the parse runs inside
//! `catch_unwind`, and either way the file is refused in one line.

use super::{Sport, not_a, short};
use crate::domain::activity::Activity;
use crate::error::Result;
use crate::exchange::import::Imported;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use fitparser::de::{DecodeOption, FitObject, FitStreamProcessor};
use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};
use std::sync::Mutex;

/// The FIT epoch, 1989-12-31T00:00:00, as Unix seconds.
const FIT_EPOCH: i64 = 631_065_600;
/// The widest offset a watch may report (UTC−12 to UTC+14, with room for odd clocks).
const MAX_OFFSET_S: i64 = 15 * 3600;

/// What a FIT file says of one session.
#[derive(Debug, Default)]
struct Session {
    start: Option<DateTime<Utc>>,
    elapsed_s: Option<f64>,
    timer_s: Option<f64>,
    meters: Option<f64>,
    avg_hr: Option<f64>,
    sport: Option<String>,
    sub_sport: Option<String>,
    rpe_x10: Option<f64>,
}

/// The messages of a file that make its activities.
#[derive(Debug, Default)]
struct Parsed {
    serial: Option<String>,
    created: Option<i64>,
    /// The watch's offset from UTC, seconds, from its activity message.
    offset_s: Option<i64>,
    sessions: Vec<Session>,
}

pub(super) fn read(bytes: &[u8], file: &str) -> Result<Imported> {
    let refuse = |why: &str| not_a("FIT", file, why);
    super::fit_header::check(bytes).map_err(|why| refuse(&why))?;
    let parsed = parse_contained(bytes, true).map_err(|why| refuse(&why))?;
    let offset = parsed.offset_s.and_then(|s| FixedOffset::east_opt(i32::try_from(s).ok()?));
    let mut activities = Vec::new();
    for (index, session) in parsed.sessions.iter().enumerate() {
        if let Some(a) = activity(session, index, &parsed, offset, file) {
            activities.push(a);
        }
    }
    if activities.is_empty() {
        return Err(super::no_activity(file, "FIT", "a settings, workout or monitoring file?"));
    }
    let mut converted = Vec::new();
    if offset.is_none() {
        converted.push(super::MACHINE_ZONE_NOTE.to_string());
    }
    Ok(Imported { activities, converted, file: file.to_string(), ..Imported::default() })
}

/// Serialises the swap of the panic hook, so two parses at once restore the real one.
static QUIET: Mutex<()> = Mutex::new(());

/// Parses with any panic of fitparser's caught and kept off the terminal: a corrupt file
/// is refused, never a crash. `crc` checks the file's checksums (a test turns it off to
/// reach deeper into the parser with corrupt bytes).
fn parse_contained(bytes: &[u8], crc: bool) -> std::result::Result<Parsed, String> {
    let _one = QUIET.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| parse(bytes, crc));
    std::panic::set_hook(hook);
    match result {
        Ok(parsed) => parsed,
        Err(_) => Err("its data is damaged: the FIT reader gave up".into()),
    }
}

fn parse(mut bytes: &[u8], crc: bool) -> std::result::Result<Parsed, String> {
    let mut processor = FitStreamProcessor::new();
    if !crc {
        processor.add_option(DecodeOption::SkipDataCrcValidation);
        processor.add_option(DecodeOption::SkipHeaderCrcValidation);
    }
    let mut parsed = Parsed::default();
    while !bytes.is_empty() {
        let (rest, object) = processor.deserialize_next(bytes).map_err(|e| short(&e.to_string()))?;
        match object {
            FitObject::Crc(..) => processor.reset(),
            FitObject::DataMessage(message) => {
                let record = processor.decode_message(message).map_err(|e| short(&e.to_string()))?;
                take(&mut parsed, &record);
            }
            FitObject::Header(..) | FitObject::DefinitionMessage(..) => {}
        }
        if rest.len() >= bytes.len() {
            return Err("the FIT reader made no progress".into());
        }
        bytes = rest;
    }
    Ok(parsed)
}

fn take(parsed: &mut Parsed, record: &FitDataRecord) {
    let field = |name: &str| record.fields().iter().find(|f| f.name() == name).map(|f| f.value());
    match record.kind() {
        MesgNum::FileId if parsed.created.is_none() => {
            parsed.serial = field("serial_number").and_then(number).map(|n| format!("{n}"));
            parsed.created = field("time_created").and_then(utc).map(|t| t.timestamp() - FIT_EPOCH);
        }
        MesgNum::Activity if parsed.offset_s.is_none() => {
            let at = field("timestamp").and_then(utc);
            let local = field("local_timestamp").and_then(raw_local);
            if let (Some(at), Some(local)) = (at, local) {
                let offset = local - (at.timestamp() - FIT_EPOCH);
                parsed.offset_s = Some(offset).filter(|o| o.abs() <= MAX_OFFSET_S);
            }
        }
        MesgNum::Session => parsed.sessions.push(Session {
            start: field("start_time").and_then(utc),
            elapsed_s: field("total_elapsed_time").and_then(number),
            timer_s: field("total_timer_time").and_then(number),
            meters: field("total_distance").and_then(number),
            avg_hr: field("avg_heart_rate").and_then(number),
            sport: field("sport").and_then(text),
            sub_sport: field("sub_sport").and_then(text),
            rpe_x10: field("workout_rpe").and_then(number),
        }),
        _ => {}
    }
}

/// A FIT `date_time` as fitparser gives it (UTC seconds, shown in the local zone).
fn utc(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::Timestamp(t) => Some(t.to_utc()),
        _ => None,
    }
}

/// A FIT `local_date_time`'s raw seconds since the FIT epoch: fitparser added them to
/// 1989-12-31 00:00 read in this computer's zone, which is undone here.
fn raw_local(v: &Value) -> Option<i64> {
    let epoch = NaiveDate::from_ymd_opt(1989, 12, 31)?.and_hms_opt(0, 0, 0)?;
    let base = crate::clock::system_zone_instant(epoch)?;
    utc(v).map(|t| t.timestamp() - base.timestamp())
}

fn number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Byte(n) | Value::Enum(n) | Value::UInt8(n) | Value::UInt8z(n) => f64::from(*n),
        Value::SInt8(n) => f64::from(*n),
        Value::SInt16(n) => f64::from(*n),
        Value::UInt16(n) | Value::UInt16z(n) => f64::from(*n),
        Value::SInt32(n) => f64::from(*n),
        Value::UInt32(n) | Value::UInt32z(n) => f64::from(*n),
        Value::Float32(n) => f64::from(*n),
        Value::Float64(n) => *n,
        Value::SInt64(n) => *n as f64,
        Value::UInt64(n) | Value::UInt64z(n) => *n as f64,
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// A sport's name: the profile's, or its number when the profile does not know it.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        other => number(other).map(|n| format!("{n}")),
    }
}

fn activity(
    s: &Session,
    index: usize,
    parsed: &Parsed,
    offset: Option<FixedOffset>,
    file: &str,
) -> Option<Activity> {
    let sport = Sport::of(s.sport.as_deref().unwrap_or("running"), s.sub_sport.as_deref())?;
    let start = s.start?;
    let elapsed = s.elapsed_s.or(s.timer_s).filter(|e| (0.0..=7.0 * 86_400.0).contains(e))?;
    let end = start + chrono::Duration::milliseconds((elapsed * 1000.0).round() as i64);
    let zone = offset.unwrap_or_else(|| crate::clock::system_offset_at(end));
    let id_time = parsed.created.unwrap_or(start.timestamp() - FIT_EPOCH);
    let serial = parsed.serial.as_deref().unwrap_or("-");
    Some(Activity {
        source_id: format!("fit:{serial}:{id_time}:{index}"),
        file: file.to_string(),
        start: start.with_timezone(&zone),
        end: end.with_timezone(&zone),
        minutes: s.timer_s.filter(|t| (0.0..=7.0 * 86_400.0).contains(t)).map(|t| (t / 60.0).round() as u32),
        km: s.meters.filter(|m| *m >= 0.0).map(|m| m / 1000.0),
        avg_hr: super::heart_rate(s.avg_hr),
        running: sport.running,
        sport: sport.name,
        // The profile's workout_rpe is the CR-10 scale ×10.
        rpe: s.rpe_x10.map(|r| (r / 10.0).round()).filter(|r| (1.0..=10.0).contains(r)).map(|r| r as u8),
    })
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;
