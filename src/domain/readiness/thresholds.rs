//! Every number the rules use, with READINESS.md's defaults. `[readiness]` in the config
//! overrides them; a verdict made with any override says so in its `rules_version`.

/// The published rule set these defaults implement.
pub const RULES_VERSION: &str = "cooldown-rules/2";

#[derive(Clone, Debug, PartialEq)]
pub struct Thresholds {
    /// Half-width of the HRV normal band, in SDs (μ ± band_sd·σ). Red for the 7-day
    /// mean is twice as far below.
    pub band_sd: f64,
    /// Length of the baseline window, which ends a week before the day.
    pub baseline_days: u32,
    /// Valid values needed for a baseline to be used at all (calibrating) and trusted.
    pub calibrating_min: u32,
    pub trusted_min: u32,
    pub sleep_red_hours: f64,
    pub sleep_amber_hours: f64,
    pub sleep_mean3_amber_hours: f64,
    pub soreness_amber: u8,
    pub soreness_red: u8,
    /// Soreness this far above the runner's own reference is amber too.
    pub soreness_rise: u8,
    /// Hop / balance drop below baseline, in percent.
    pub hop_amber_drop_pct: f64,
    pub hop_red_drop_pct: f64,
    /// Resting HR above baseline, in bpm.
    pub rhr_amber_bpm: f64,
    pub rhr_red_bpm: f64,
    pub rhr_safety_bpm: f64,
    /// Acute:chronic workload ratio that counts as a spike.
    pub acwr_spike: f64,
    /// When on, an amber H-ACUTE alone gives EASY.
    pub strict_hrv: bool,
    /// H-EARLY: today's ln rMSSD this far below the provisional reference is amber / red.
    pub early_hrv_amber: f64,
    pub early_hrv_red: f64,
    /// R-EARLY: resting HR this far above the provisional reference, in bpm.
    pub early_rhr_amber_bpm: f64,
    pub early_rhr_red_bpm: f64,
    /// Earlier mornings a provisional reference needs.
    pub early_min: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            band_sd: 0.5,
            baseline_days: 60,
            calibrating_min: 14,
            trusted_min: 21,
            sleep_red_hours: 5.0,
            sleep_amber_hours: 6.0,
            sleep_mean3_amber_hours: 6.5,
            soreness_amber: 5,
            soreness_red: 7,
            soreness_rise: 3,
            hop_amber_drop_pct: 5.0,
            hop_red_drop_pct: 10.0,
            rhr_amber_bpm: 3.0,
            rhr_red_bpm: 5.0,
            rhr_safety_bpm: 10.0,
            acwr_spike: 1.5,
            strict_hrv: false,
            early_hrv_amber: 0.15,
            early_hrv_red: 0.30,
            early_rhr_amber_bpm: 5.0,
            early_rhr_red_bpm: 8.0,
            early_min: 3,
        }
    }
}

impl Thresholds {
    /// `cooldown-rules/2`, or `cooldown-rules/2+custom` when the config changed a number.
    pub fn rules_version(&self) -> String {
        if *self == Thresholds::default() {
            RULES_VERSION.to_string()
        } else {
            format!("{RULES_VERSION}+custom")
        }
    }

    /// How many days before the day the oldest value a verdict looks at lies: the
    /// 28-day chain, then the week the baseline skips, then the baseline itself.
    pub fn lookback_days(&self) -> u32 {
        super::CHAIN_DAYS + 6 + self.baseline_days
    }
}
