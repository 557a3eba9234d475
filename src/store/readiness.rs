//! What the readiness rules read: the markers and daily load they can look back on.

use super::Store;
use super::errors::Result;
use crate::domain::readiness::Inputs;
use chrono::{Days, NaiveDate};

impl Store {
    /// Markers and load from `lookback_days` before `day` up to `day`.
    pub fn readiness_inputs(&self, day: NaiveDate, lookback_days: u32) -> Result<Inputs> {
        let from = day.checked_sub_days(Days::new(u64::from(lookback_days))).unwrap_or(day);
        Ok(Inputs {
            markers: self.markers_between(from, day)?.into_iter().collect(),
            load: self.loads_between(from, day)?.into_iter().collect(),
        })
    }
}
