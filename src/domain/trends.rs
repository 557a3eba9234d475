//! The markers over time against the runner's own baseline (UX.md screen 3). The bands and
//! 7-day means come from the readiness rules' own statistics: one implementation.

use super::readiness::{self, Baselines, Inputs, Level, Thresholds};
use super::records::Markers;
use super::values::fmt_num;
use chrono::{Datelike, Days, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Marker {
    Hrv,
    Rhr,
    Sleep,
    Soreness,
    Hop,
    Balance,
    Load,
}

impl Marker {
    pub const ALL: [Marker; 7] = [
        Marker::Hrv,
        Marker::Rhr,
        Marker::Sleep,
        Marker::Soreness,
        Marker::Hop,
        Marker::Balance,
        Marker::Load,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Marker::Hrv => "hrv",
            Marker::Rhr => "rhr",
            Marker::Sleep => "sleep",
            Marker::Soreness => "soreness",
            Marker::Hop => "hop",
            Marker::Balance => "balance",
            Marker::Load => "load",
        }
    }

    pub fn parse(name: &str) -> Option<Marker> {
        Marker::ALL.into_iter().find(|m| m.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            Marker::Hrv => "HRV",
            Marker::Rhr => "Resting HR",
            Marker::Sleep => "Sleep",
            Marker::Soreness => "Soreness",
            Marker::Hop => "Hop",
            Marker::Balance => "Balance",
            Marker::Load => "Training load",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Marker::Hrv => "ms",
            Marker::Rhr => "bpm",
            Marker::Sleep => "h",
            Marker::Soreness => "/10",
            Marker::Hop => "cm",
            Marker::Balance => "s",
            Marker::Load => "RPE·min",
        }
    }

    fn value(self, m: &Markers) -> Option<f64> {
        match self {
            Marker::Hrv => readiness::valid_hrv(m),
            Marker::Rhr => readiness::valid_rhr(m),
            Marker::Sleep => m.sleep_hours,
            Marker::Soreness => m.soreness.map(f64::from),
            Marker::Hop => m.hop_cm,
            Marker::Balance => m.balance_s,
            Marker::Load => None,
        }
    }
}

/// The span of days a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Days(u32),
    All,
}

impl Window {
    pub const CYCLE: [Window; 5] =
        [Window::Days(7), Window::Days(28), Window::Days(90), Window::Days(365), Window::All];

    pub fn next(self) -> Window {
        let i = Window::CYCLE.iter().position(|w| *w == self).unwrap_or(0);
        Window::CYCLE[(i + 1) % Window::CYCLE.len()]
    }

    pub fn label(self) -> String {
        match self {
            Window::Days(n) => format!("{n} d"),
            Window::All => "all".into(),
        }
    }

    /// The first day shown, for a window ending on `to` (`first` is the first day with data).
    pub fn start(self, to: NaiveDate, first: Option<NaiveDate>) -> NaiveDate {
        match self {
            Window::Days(n) => to.checked_sub_days(Days::new(u64::from(n.saturating_sub(1)))).unwrap_or(to),
            Window::All => first.unwrap_or(to).min(to),
        }
    }
}

/// One marker, day by day, with what it is compared against. Every vector has a value per
/// day from `from` to `to`; `None` is a day without data (drawn as a gap).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub marker: Marker,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub values: Vec<Option<f64>>,
    /// The 7-day mean (HRV: of ln rMSSD, shown in ms), when the week has 3 values.
    pub mean7: Vec<Option<f64>>,
    /// The usual range: HRV μ ± band (ms); resting HR, hop and balance their baseline (a
    /// line); sleep the 7 h mark.
    pub band: Vec<Option<(f64, f64)>>,
    /// The verdict of each day.
    pub verdicts: Vec<Option<Level>>,
}

fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

fn rolling_mean(values: &[Option<f64>], i: usize) -> Option<f64> {
    let week: Vec<f64> = values[i.saturating_sub(6)..=i].iter().flatten().copied().collect();
    (week.len() >= 3).then(|| week.iter().sum::<f64>() / week.len() as f64)
}

/// Each day's value of `marker` (a day's load: its RPE·min), `None` for a day without one.
fn values_of(marker: Marker, inputs: &Inputs, dates: &[NaiveDate]) -> Vec<Option<f64>> {
    match marker {
        Marker::Load => dates.iter().map(|d| inputs.load.get(d).copied()).collect(),
        m => dates.iter().map(|d| inputs.markers.get(d).and_then(|x| m.value(x))).collect(),
    }
}

/// The readiness baselines of `day`, for the markers compared against one.
fn baselines_for(marker: Marker, inputs: &Inputs, day: NaiveDate, t: &Thresholds) -> Option<Baselines> {
    matches!(marker, Marker::Hrv | Marker::Rhr | Marker::Hop | Marker::Balance)
        .then(|| readiness::baselines(inputs, day, t))
}

/// A day's usual range (see `Series::band`) from its baselines.
fn band_of(marker: Marker, b: Option<&Baselines>, t: &Thresholds) -> Option<(f64, f64)> {
    match (b, marker) {
        (Some(b), Marker::Hrv) => match (b.hrv_mu, b.hrv_sigma) {
            (Some(mu), Some(s)) => Some(((mu - t.band_sd * s).exp(), (mu + t.band_sd * s).exp())),
            _ => None,
        },
        (Some(b), Marker::Rhr) => b.rhr_mean.map(|m| (m, m)),
        (Some(b), Marker::Hop) => b.hop.map(|(m, _)| (m, m)),
        (Some(b), Marker::Balance) => b.balance.map(|(m, _)| (m, m)),
        (_, Marker::Sleep) => Some((7.0, 7.0)),
        _ => None,
    }
}

/// The series of `marker` from `from` to `to`. `inputs` must reach back the readiness
/// look-back before `from`; `verdicts` are the days' verdicts (see `readiness::levels`).
pub fn series(
    marker: Marker,
    inputs: &Inputs,
    from: NaiveDate,
    to: NaiveDate,
    t: &Thresholds,
    verdicts: &[(NaiveDate, Level)],
) -> Series {
    let dates: Vec<NaiveDate> = days(from, to).collect();
    let values = values_of(marker, inputs, &dates);
    let mut mean7 = Vec::with_capacity(dates.len());
    let mut band = Vec::with_capacity(dates.len());
    for (i, d) in dates.iter().enumerate() {
        let b = baselines_for(marker, inputs, *d, t);
        mean7.push(match (&b, marker) {
            (Some(b), Marker::Hrv) => b.hrv_m7.map(f64::exp),
            (Some(b), Marker::Rhr) => b.rhr7,
            (_, Marker::Load) => Some(load_per_day(inputs, *d, 7)),
            _ => rolling_mean(&values, i),
        });
        band.push(band_of(marker, b.as_ref(), t));
    }
    let by_day: std::collections::HashMap<NaiveDate, Level> = verdicts.iter().copied().collect();
    let verdicts = dates.iter().map(|d| by_day.get(d).copied()).collect();
    Series { marker, from, to, values, mean7, band, verdicts }
}

/// The hardest verdict of a cell's days (REST over EASY over CAUTION over GO); `None` when
/// none of them has one.
pub fn worst(verdicts: &[Option<Level>]) -> Option<Level> {
    let rank = |l: &Level| match l {
        Level::Rest => 4,
        Level::Easy => 3,
        Level::GoCaution => 2,
        Level::Go => 1,
        Level::NoData => 0,
    };
    verdicts.iter().flatten().copied().max_by_key(rank)
}

/// The training load per day over the `n` days ending on `day` (days without runs count
/// as 0): the acute load with `n` = 7, the chronic with 28, in RPE·min per day.
pub fn load_per_day(inputs: &Inputs, day: NaiveDate, n: u64) -> f64 {
    let first = day.checked_sub_days(Days::new(n.saturating_sub(1))).unwrap_or(day);
    inputs.load.range(first..=day).map(|(_, l)| *l).sum::<f64>() / n.max(1) as f64
}

/// [`load_per_day`] for every day from `from` to `to`.
pub fn load_line(inputs: &Inputs, from: NaiveDate, to: NaiveDate, n: u64) -> Vec<Option<f64>> {
    days(from, to).map(|d| Some(load_per_day(inputs, d, n))).collect()
}

/// The weekly training load (Monday to Sunday, up to `to`) of every week the window
/// touches, oldest first: a week the window starts in counts its days before `from` too.
pub fn weekly_load(inputs: &Inputs, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, f64)> {
    let monday_of = |d: NaiveDate| d - Days::new(u64::from(d.weekday().num_days_from_monday()));
    let mut weeks: Vec<(NaiveDate, f64)> = Vec::new();
    for d in days(monday_of(from), to) {
        let load = inputs.load.get(&d).copied().unwrap_or(0.0);
        match weeks.last_mut() {
            Some((w, sum)) if *w == monday_of(d) => *sum += load,
            _ => weeks.push((monday_of(d), load)),
        }
    }
    weeks
}

/// Which way a marker moves: the last 7 days against the 7 before.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Direction {
    Up(f64),
    Down(f64),
    Steady,
    Unknown,
}

/// The compact summary `cooldown trends` prints and the Trends screen shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub latest: Option<(NaiveDate, f64)>,
    pub mean7: Option<f64>,
    pub band: Option<(f64, f64)>,
    pub direction: Direction,
}

pub fn summary(s: &Series) -> Summary {
    summarise(s.marker, s.from, &s.values, s.band.iter().rev().find_map(|b| *b))
}

/// What `summary(&series(…))` gives, without the series: the values of the window and the
/// baselines of its last days only, back to the latest day with a usual range (the command
/// line's `trends` draws no chart, so it rates no day).
pub fn summary_over(
    marker: Marker,
    inputs: &Inputs,
    from: NaiveDate,
    to: NaiveDate,
    t: &Thresholds,
) -> Summary {
    let dates: Vec<NaiveDate> = days(from, to).collect();
    let band =
        dates.iter().rev().find_map(|d| band_of(marker, baselines_for(marker, inputs, *d, t).as_ref(), t));
    summarise(marker, from, &values_of(marker, inputs, &dates), band)
}

fn summarise(marker: Marker, from: NaiveDate, values: &[Option<f64>], band: Option<(f64, f64)>) -> Summary {
    let n = values.len();
    let latest =
        values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (from + Days::new(i as u64), v)));
    let mean = |range: std::ops::Range<usize>| {
        let days = range.len();
        let v: Vec<f64> = values[range].iter().flatten().copied().collect();
        match marker {
            // Load per day: a day without a run is a day of no load.
            Marker::Load => (days == 7).then(|| v.iter().sum::<f64>() / 7.0),
            _ => (v.len() >= 3).then(|| v.iter().sum::<f64>() / v.len() as f64),
        }
    };
    let this = mean(n.saturating_sub(7)..n);
    let before = mean(n.saturating_sub(14)..n.saturating_sub(7));
    let direction = match (this, before) {
        (Some(a), Some(b)) => {
            let change = a - b;
            // Less than 2 % of the level (or a tenth of a point) is steady.
            if change.abs() < (0.02 * b.abs()).max(0.1) {
                Direction::Steady
            } else if change > 0.0 {
                Direction::Up(change)
            } else {
                Direction::Down(change)
            }
        }
        _ => Direction::Unknown,
    };
    Summary { latest, mean7: this, band, direction }
}

/// "62.3", "7.5": a marker's value as the summary shows it.
pub fn show(v: f64) -> String {
    fmt_num((v * 10.0).round() / 10.0)
}

#[cfg(test)]
#[path = "trends_tests.rs"]
mod tests;
