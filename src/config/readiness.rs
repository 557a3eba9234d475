//! `[readiness]`: every threshold of the rules, each key optional and range-checked.

use crate::domain::readiness::Thresholds;
use crate::domain::tomlfile::{FileError, Located};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReadiness {
    band_sd: Option<Spanned<toml::Value>>,
    baseline_days: Option<Spanned<toml::Value>>,
    calibrating_min: Option<Spanned<toml::Value>>,
    trusted_min: Option<Spanned<toml::Value>>,
    sleep_red_hours: Option<Spanned<toml::Value>>,
    sleep_amber_hours: Option<Spanned<toml::Value>>,
    sleep_mean3_amber_hours: Option<Spanned<toml::Value>>,
    soreness_amber: Option<Spanned<toml::Value>>,
    soreness_red: Option<Spanned<toml::Value>>,
    soreness_rise: Option<Spanned<toml::Value>>,
    hop_amber_drop_pct: Option<Spanned<toml::Value>>,
    hop_red_drop_pct: Option<Spanned<toml::Value>>,
    rhr_amber_bpm: Option<Spanned<toml::Value>>,
    rhr_red_bpm: Option<Spanned<toml::Value>>,
    rhr_safety_bpm: Option<Spanned<toml::Value>>,
    acwr_spike: Option<Spanned<toml::Value>>,
    strict_hrv: Option<bool>,
    early_hrv_amber: Option<Spanned<toml::Value>>,
    early_hrv_red: Option<Spanned<toml::Value>>,
    early_rhr_amber_bpm: Option<Spanned<toml::Value>>,
    early_rhr_red_bpm: Option<Spanned<toml::Value>>,
    early_min: Option<Spanned<toml::Value>>,
}

fn real(
    at: &Located,
    v: &Option<Spanned<toml::Value>>,
    key: &str,
    lo: f64,
    hi: f64,
    into: &mut f64,
) -> Result<(), FileError> {
    if let Some(v) = v {
        *into = at.real_in(v, key, lo, hi)?;
    }
    Ok(())
}

fn int(
    at: &Located,
    v: &Option<Spanned<toml::Value>>,
    key: &str,
    lo: u32,
    hi: u32,
) -> Result<Option<u32>, FileError> {
    v.as_ref().map(|v| at.int_in(v, key, lo, hi)).transpose()
}

/// Checks that a pair of thresholds is ordered (amber before red).
fn ordered(
    at: &Located,
    v: Option<std::ops::Range<usize>>,
    ok: bool,
    message: &str,
) -> Result<(), FileError> {
    match (ok, v) {
        (true, _) => Ok(()),
        (false, Some(span)) => Err(at.error(span, message)),
        (false, None) => Err(at.error(0..0, format!("[readiness]: {message}"))),
    }
}

impl RawReadiness {
    pub(super) fn apply(&self, at: &Located) -> Result<Thresholds, FileError> {
        let mut t = Thresholds::default();
        real(at, &self.band_sd, "band_sd", 0.1, 2.0, &mut t.band_sd)?;
        if let Some(days) = int(at, &self.baseline_days, "baseline_days", 14, 365)? {
            t.baseline_days = days;
        }
        if let Some(n) = int(at, &self.calibrating_min, "calibrating_min", 3, 365)? {
            t.calibrating_min = n;
        }
        if let Some(n) = int(at, &self.trusted_min, "trusted_min", 3, 365)? {
            t.trusted_min = n;
        }
        let span = |v: &Option<Spanned<toml::Value>>| v.as_ref().map(Spanned::span);
        ordered(
            at,
            span(&self.trusted_min).or(span(&self.calibrating_min)),
            t.calibrating_min <= t.trusted_min,
            "trusted_min must be at least calibrating_min",
        )?;
        ordered(
            at,
            span(&self.trusted_min).or(span(&self.baseline_days)),
            t.trusted_min <= t.baseline_days,
            "trusted_min must fit in baseline_days",
        )?;
        real(at, &self.sleep_red_hours, "sleep_red_hours", 0.0, 24.0, &mut t.sleep_red_hours)?;
        real(at, &self.sleep_amber_hours, "sleep_amber_hours", 0.0, 24.0, &mut t.sleep_amber_hours)?;
        real(
            at,
            &self.sleep_mean3_amber_hours,
            "sleep_mean3_amber_hours",
            0.0,
            24.0,
            &mut t.sleep_mean3_amber_hours,
        )?;
        let fspan = |v: &Option<Spanned<toml::Value>>| v.as_ref().map(Spanned::span);
        ordered(
            at,
            fspan(&self.sleep_amber_hours).or(fspan(&self.sleep_red_hours)),
            t.sleep_red_hours <= t.sleep_amber_hours,
            "sleep_amber_hours must be at least sleep_red_hours",
        )?;
        if let Some(n) = int(at, &self.soreness_amber, "soreness_amber", 1, 10)? {
            t.soreness_amber = n as u8;
        }
        if let Some(n) = int(at, &self.soreness_red, "soreness_red", 1, 10)? {
            t.soreness_red = n as u8;
        }
        if let Some(n) = int(at, &self.soreness_rise, "soreness_rise", 1, 10)? {
            t.soreness_rise = n as u8;
        }
        ordered(
            at,
            span(&self.soreness_red).or(span(&self.soreness_amber)),
            t.soreness_amber <= t.soreness_red,
            "soreness_red must be at least soreness_amber",
        )?;
        real(at, &self.hop_amber_drop_pct, "hop_amber_drop_pct", 1.0, 50.0, &mut t.hop_amber_drop_pct)?;
        real(at, &self.hop_red_drop_pct, "hop_red_drop_pct", 1.0, 50.0, &mut t.hop_red_drop_pct)?;
        ordered(
            at,
            fspan(&self.hop_red_drop_pct).or(fspan(&self.hop_amber_drop_pct)),
            t.hop_amber_drop_pct <= t.hop_red_drop_pct,
            "hop_red_drop_pct must be at least hop_amber_drop_pct",
        )?;
        real(at, &self.rhr_amber_bpm, "rhr_amber_bpm", 1.0, 30.0, &mut t.rhr_amber_bpm)?;
        real(at, &self.rhr_red_bpm, "rhr_red_bpm", 1.0, 30.0, &mut t.rhr_red_bpm)?;
        real(at, &self.rhr_safety_bpm, "rhr_safety_bpm", 1.0, 50.0, &mut t.rhr_safety_bpm)?;
        ordered(
            at,
            fspan(&self.rhr_red_bpm).or(fspan(&self.rhr_amber_bpm)),
            t.rhr_amber_bpm <= t.rhr_red_bpm,
            "rhr_red_bpm must be at least rhr_amber_bpm",
        )?;
        ordered(
            at,
            fspan(&self.rhr_safety_bpm).or(fspan(&self.rhr_red_bpm)),
            t.rhr_red_bpm <= t.rhr_safety_bpm,
            "rhr_safety_bpm must be at least rhr_red_bpm",
        )?;
        real(at, &self.acwr_spike, "acwr_spike", 1.0, 3.0, &mut t.acwr_spike)?;
        if let Some(strict) = self.strict_hrv {
            t.strict_hrv = strict;
        }
        real(at, &self.early_hrv_amber, "early_hrv_amber", 0.01, 1.0, &mut t.early_hrv_amber)?;
        real(at, &self.early_hrv_red, "early_hrv_red", 0.01, 1.0, &mut t.early_hrv_red)?;
        ordered(
            at,
            fspan(&self.early_hrv_red).or(fspan(&self.early_hrv_amber)),
            t.early_hrv_amber <= t.early_hrv_red,
            "early_hrv_red must be at least early_hrv_amber",
        )?;
        real(at, &self.early_rhr_amber_bpm, "early_rhr_amber_bpm", 1.0, 30.0, &mut t.early_rhr_amber_bpm)?;
        real(at, &self.early_rhr_red_bpm, "early_rhr_red_bpm", 1.0, 30.0, &mut t.early_rhr_red_bpm)?;
        ordered(
            at,
            fspan(&self.early_rhr_red_bpm).or(fspan(&self.early_rhr_amber_bpm)),
            t.early_rhr_amber_bpm <= t.early_rhr_red_bpm,
            "early_rhr_red_bpm must be at least early_rhr_amber_bpm",
        )?;
        if let Some(n) = int(at, &self.early_min, "early_min", 1, 27)? {
            t.early_min = n;
        }
        Ok(t)
    }
}
