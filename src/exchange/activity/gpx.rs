//! GPX 1.0/1.1 tracks (Strava's and most apps' non-FIT originals): one activity per `<trk>`
//! with at least two timed points. Start and end are its first and last point times (UTC,
//! placed in this computer's zone: GPX keeps no local offset); the distance is the sum of
//! great-circle steps between consecutive points of each segment; the heart rate is the
//! mean of Garmin's `TrackPointExtension` `<hr>` values where present; the sport is the
//! track's `<type>` (Strava writes `running` or `9`), else running. Streamed: a track of
//! any length is read in constant memory.

use super::xml::{self, Node, attr};
use super::{MACHINE_ZONE_NOTE, Sport, heart_rate, iso_time, metres_between, no_activity, not_a};
use crate::clock::system_offset_at;
use crate::domain::activity::Activity;
use crate::error::Result;
use crate::exchange::import::Imported;
use chrono::{DateTime, Utc};

/// A latitude and longitude, in degrees.
type Position = (f64, f64);

/// What one track adds up to, point by point.
#[derive(Default)]
struct Track {
    sport: Option<String>,
    /// The first timed point: its time and position (the track's id).
    first: Option<(DateTime<Utc>, Option<Position>)>,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    timed: usize,
    metres: f64,
    /// The previous point of the segment being read, for the next step's distance.
    previous: Option<Position>,
    hr_sum: f64,
    hr_count: u32,
}

/// The point being read.
#[derive(Default)]
struct Point {
    at: Option<Position>,
    time: Option<DateTime<Utc>>,
    hr: Option<f64>,
}

pub(super) fn read(bytes: &[u8], file: &str) -> Result<Imported> {
    let mut tracks: Vec<Track> = Vec::new();
    let mut track = Track::default();
    let mut point = Point::default();
    xml::walk(bytes, "gpx", |path, node| {
        let name = path.last().map_or("", String::as_str);
        let parent = path.len().checked_sub(2).and_then(|i| path.get(i)).map_or("", String::as_str);
        match node {
            Node::Open(start) => match name {
                "trk" => track = Track::default(),
                "trkseg" => track.previous = None,
                "trkpt" => point = Point { at: position(start), ..Point::default() },
                _ => {}
            },
            Node::Close(text) => match (name, parent) {
                ("type", "trk") => track.sport = Some(text.to_string()),
                ("time", "trkpt") => point.time = iso_time(text),
                ("hr", _) if path.iter().any(|p| p == "trkpt") => point.hr = text.parse().ok(),
                ("trkpt", _) => track.add(std::mem::take(&mut point)),
                ("trk", _) => tracks.push(std::mem::take(&mut track)),
                _ => {}
            },
        }
        Ok(())
    })
    .map_err(|why| not_a("GPX", file, &why))?;
    let activities: Vec<Activity> = tracks.iter().filter_map(|t| t.activity(file)).collect();
    if activities.is_empty() {
        return Err(no_activity(file, "GPX", "no track with two timed points: a planned route?"));
    }
    let converted = vec![MACHINE_ZONE_NOTE.to_string()];
    Ok(Imported { activities, converted, file: file.to_string(), ..Imported::default() })
}

fn position(start: &quick_xml::events::BytesStart) -> Option<Position> {
    let lat: f64 = attr(start, "lat")?.parse().ok()?;
    let lon: f64 = attr(start, "lon")?.parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

impl Track {
    fn add(&mut self, p: Point) {
        if let (Some(from), Some(to)) = (self.previous, p.at) {
            self.metres += metres_between(from, to);
        }
        if p.at.is_some() {
            self.previous = p.at;
        }
        if let Some(hr) = p.hr.filter(|h| (20.0..=250.0).contains(h)) {
            self.hr_sum += hr;
            self.hr_count += 1;
        }
        let Some(time) = p.time else { return };
        self.timed += 1;
        if self.first.is_none() {
            self.first = Some((time, p.at));
        }
        self.start = Some(self.start.map_or(time, |s| s.min(time)));
        self.end = Some(self.end.map_or(time, |e| e.max(time)));
    }

    fn activity(&self, file: &str) -> Option<Activity> {
        let (start, end, (first, at)) = (self.start?, self.end?, self.first?);
        if self.timed < 2 || end <= start {
            return None;
        }
        let sport = Sport::of(self.sport.as_deref().unwrap_or("running"), None)?;
        let place = at.map_or(String::from("-"), |(lat, lon)| format!("{lat:.5},{lon:.5}"));
        Some(Activity {
            source_id: format!("gpx:{}:{place}", first.timestamp()),
            file: file.to_string(),
            start: start.with_timezone(&system_offset_at(start)),
            end: end.with_timezone(&system_offset_at(end)),
            minutes: None,
            km: self.previous.map(|_| self.metres / 1000.0),
            avg_hr: heart_rate((self.hr_count > 0).then(|| self.hr_sum / f64::from(self.hr_count))),
            running: sport.running,
            sport: sport.name,
            rpe: None,
        })
    }
}

#[cfg(test)]
#[path = "gpx_tests.rs"]
mod tests;
