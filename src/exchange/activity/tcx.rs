//! TCX (Garmin's Training Center files, older exports): one activity per `<Activity>`.
//! Its sport is the `Sport` attribute (`Running`, `Biking`, `Other`); it starts at its
//! first lap's `StartTime` (or first track point, if earlier) and ends at its last lap's
//! start + `TotalTimeSeconds` (or last track point, if later); its minutes are the laps'
//! `TotalTimeSeconds`, its distance their `DistanceMeters`, its heart rate their
//! `AverageHeartRateBpm` weighted by lap time (else the track points' mean). Times are UTC,
//! placed in this computer's zone.

use super::xml::{self, Node, attr};
use super::{MACHINE_ZONE_NOTE, Sport, heart_rate, iso_time, no_activity, not_a};
use crate::clock::system_offset_at;
use crate::domain::activity::Activity;
use crate::error::Result;
use crate::exchange::import::Imported;
use chrono::{DateTime, Duration, Utc};

#[derive(Default)]
struct Lap {
    start: Option<DateTime<Utc>>,
    seconds: Option<f64>,
    metres: Option<f64>,
    avg_hr: Option<f64>,
}

#[derive(Default)]
struct Act {
    sport: String,
    id: Option<String>,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    seconds: f64,
    metres: Option<f64>,
    /// Σ lap average × lap seconds, and Σ lap seconds, over laps with an average.
    hr_weighted: (f64, f64),
    /// Σ and count of the track points' heart rates.
    hr_points: (f64, u32),
}

pub(super) fn read(bytes: &[u8], file: &str) -> Result<Imported> {
    let mut done: Vec<Act> = Vec::new();
    let mut act = Act::default();
    let mut lap = Lap::default();
    xml::walk(bytes, "TrainingCenterDatabase", |path, node| {
        let name = path.last().map_or("", String::as_str);
        let up =
            |n: usize| path.len().checked_sub(n + 1).and_then(|i| path.get(i)).map_or("", String::as_str);
        match node {
            Node::Open(start) => match name {
                "Activity" => act = Act { sport: attr(start, "Sport").unwrap_or_default(), ..Act::default() },
                "Lap" => {
                    lap = Lap { start: attr(start, "StartTime").and_then(|t| iso_time(&t)), ..Lap::default() }
                }
                _ => {}
            },
            Node::Close(text) => match (name, up(1), up(2)) {
                ("Id", "Activity", _) => act.id = Some(text.chars().take(60).collect()),
                ("TotalTimeSeconds", "Lap", _) => lap.seconds = number(text),
                ("DistanceMeters", "Lap", _) => lap.metres = number(text),
                ("Value", "AverageHeartRateBpm", "Lap") => lap.avg_hr = number(text),
                ("Time", "Trackpoint", _) => act.widen(iso_time(text)),
                ("Value", "HeartRateBpm", "Trackpoint") => {
                    if let Some(hr) = number(text).filter(|h| (20.0..=250.0).contains(h)) {
                        act.hr_points = (act.hr_points.0 + hr, act.hr_points.1 + 1);
                    }
                }
                ("Lap", _, _) => act.add(std::mem::take(&mut lap)),
                ("Activity", _, _) => done.push(std::mem::take(&mut act)),
                _ => {}
            },
        }
        Ok(())
    })
    .map_err(|why| not_a("TCX", file, &why))?;
    let activities: Vec<Activity> = done.iter().filter_map(|a| a.activity(file)).collect();
    if activities.is_empty() {
        return Err(no_activity(file, "TCX", "no activity with a start and a length: a course?"));
    }
    let converted = vec![MACHINE_ZONE_NOTE.to_string()];
    Ok(Imported { activities, converted, file: file.to_string(), ..Imported::default() })
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite() && *n >= 0.0)
}

impl Act {
    fn widen(&mut self, time: Option<DateTime<Utc>>) {
        let Some(t) = time else { return };
        self.start = Some(self.start.map_or(t, |s| s.min(t)));
        self.end = Some(self.end.map_or(t, |e| e.max(t)));
    }

    fn add(&mut self, lap: Lap) {
        let seconds = lap.seconds.filter(|s| *s <= 7.0 * 86_400.0).unwrap_or(0.0);
        self.seconds += seconds;
        if let Some(m) = lap.metres {
            self.metres = Some(self.metres.unwrap_or(0.0) + m);
        }
        if let Some(hr) = lap.avg_hr.filter(|h| (20.0..=250.0).contains(h)) {
            let weight = seconds.max(1.0);
            self.hr_weighted = (self.hr_weighted.0 + hr * weight, self.hr_weighted.1 + weight);
        }
        self.widen(lap.start);
        self.widen(lap.start.map(|s| s + Duration::milliseconds((seconds * 1000.0).round() as i64)));
    }

    fn activity(&self, file: &str) -> Option<Activity> {
        let (start, end) = (self.start?, self.end?);
        if end <= start {
            return None;
        }
        let sport = Sport::of(if self.sport.is_empty() { "running" } else { &self.sport }, None)?;
        let hr = if self.hr_weighted.1 > 0.0 {
            Some(self.hr_weighted.0 / self.hr_weighted.1)
        } else {
            (self.hr_points.1 > 0).then(|| self.hr_points.0 / f64::from(self.hr_points.1))
        };
        let id = self.id.clone().filter(|i| !i.is_empty()).unwrap_or_else(|| start.timestamp().to_string());
        Some(Activity {
            source_id: format!("tcx:{id}"),
            file: file.to_string(),
            start: start.with_timezone(&system_offset_at(start)),
            end: end.with_timezone(&system_offset_at(end)),
            minutes: (self.seconds > 0.0).then(|| (self.seconds / 60.0).round() as u32),
            km: self.metres.map(|m| m / 1000.0),
            avg_hr: heart_rate(hr),
            running: sport.running,
            sport: sport.name,
            rpe: None,
        })
    }
}

#[cfg(test)]
#[path = "tcx_tests.rs"]
mod tests;
