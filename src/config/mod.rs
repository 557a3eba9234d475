//! The TOML config: CLI > config file > defaults. A missing file means defaults; a bad
//! one is an error naming the file and line, never a silent default.

mod read;
mod readiness;

pub use read::{MAX_BYTES, load_routine, load_user_routine};

use crate::domain::readiness::Thresholds;
use crate::domain::tomlfile::{FileError, Located, echo};
use crate::domain::units::Units;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// The commented default config, shipped with the binary.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

/// The markers `focus` may name.
pub const FOCUS_MARKERS: [&str; 8] =
    ["hrv", "rhr", "sleep", "sleep_quality", "soreness", "hop", "balance", "weight"];

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub focus: String,
    /// kg and km, or lb and mi, for what the runner types and reads (files stay metric).
    pub units: Units,
    pub timers: Timers,
    pub readiness: Thresholds,
    /// The dashboard reports clicks and the wheel; false leaves the mouse to the terminal
    /// (its own text selection).
    pub mouse: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timers {
    pub foam_roll_seconds: u32,
    pub auto_advance: bool,
    pub cue_seconds: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            focus: "hrv".into(),
            units: Units::METRIC,
            timers: Timers { foam_roll_seconds: 90, auto_advance: true, cue_seconds: 10 },
            readiness: Thresholds::default(),
            mouse: true,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    focus: Option<Spanned<String>>,
    units: Option<Spanned<toml::Value>>,
    mouse: Option<Spanned<toml::Value>>,
    #[serde(default)]
    timers: RawTimers,
    #[serde(default)]
    readiness: readiness::RawReadiness,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTimers {
    foam_roll_seconds: Option<Spanned<toml::Value>>,
    auto_advance: Option<bool>,
    cue_seconds: Option<Spanned<toml::Value>>,
}

/// `units = "metric"` or `"imperial"`; anything else is refused naming the key and both.
fn units_of(at: &Located, value: &Spanned<toml::Value>) -> Result<Units, FileError> {
    let name = match value.get_ref() {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Units::parse(&name).ok_or_else(|| {
        at.error(
            value.span(),
            format!(
                "units '{}' is not one of {}",
                echo(&name),
                Units::NAMES.map(|n| format!("\"{n}\"")).join(", ")
            ),
        )
    })
}

/// `mouse = true` or `false`; anything else (a string, a number) is refused naming the key.
fn mouse_of(at: &Located, value: &Spanned<toml::Value>) -> Result<bool, FileError> {
    match value.get_ref() {
        toml::Value::Boolean(on) => Ok(*on),
        other => Err(at.error(
            value.span(),
            format!(
                "mouse = {} is not true or false; give mouse = false to keep the terminal's own text selection",
                echo(&other.to_string())
            ),
        )),
    }
}

impl Config {
    /// Parses a config file's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Config, FileError> {
        let at = Located::new(text, file);
        let raw: RawConfig = toml::from_str(text).map_err(|e| at.toml_error(&e))?;
        let mut config = Config::default();
        if let Some(focus) = raw.focus {
            if !FOCUS_MARKERS.contains(&focus.get_ref().as_str()) {
                return Err(at.error(
                    focus.span(),
                    format!("focus '{}' is not one of {}", echo(focus.get_ref()), FOCUS_MARKERS.join(", ")),
                ));
            }
            config.focus = focus.into_inner();
        }
        if let Some(units) = &raw.units {
            config.units = units_of(&at, units)?;
        }
        if let Some(mouse) = &raw.mouse {
            config.mouse = mouse_of(&at, mouse)?;
        }
        if let Some(s) = &raw.timers.foam_roll_seconds {
            config.timers.foam_roll_seconds = at.int_in(s, "foam_roll_seconds", 1, 600)?;
        }
        if let Some(s) = &raw.timers.cue_seconds {
            config.timers.cue_seconds = at.int_in(s, "cue_seconds", 0, 600)?;
        }
        if let Some(a) = raw.timers.auto_advance {
            config.timers.auto_advance = a;
        }
        config.readiness = raw.readiness.apply(&at)?;
        Ok(config)
    }

    /// Reads the config at `path`; a file that does not exist means defaults. Only a
    /// regular file under 1 MiB is read.
    pub fn load(path: &Path) -> Result<Config, FileError> {
        match read::read_small(path)? {
            Some(text) => Config::parse(&text, &path.display().to_string()),
            None => Ok(Config::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_is_the_default() {
        assert_eq!(Config::parse(DEFAULT_CONFIG, "config.toml").unwrap(), Config::default());
    }

    #[test]
    fn an_empty_file_means_defaults() {
        assert_eq!(Config::parse("", "config.toml").unwrap(), Config::default());
    }

    #[test]
    fn the_provisional_thresholds_are_read() {
        let text = "[readiness]\nearly_hrv_amber = 0.1\nearly_hrv_red = 0.2\nearly_rhr_amber_bpm = 4\nearly_rhr_red_bpm = 6\nearly_min = 5\n";
        let t = Config::parse(text, "c").unwrap().readiness;
        assert_eq!(
            (t.early_hrv_amber, t.early_hrv_red, t.early_rhr_amber_bpm, t.early_rhr_red_bpm, t.early_min),
            (0.1, 0.2, 4.0, 6.0, 5)
        );
        assert_eq!(t.rules_version(), "cooldown-rules/2+custom");
    }

    #[test]
    fn values_are_read() {
        let c = Config::parse(
            "focus = \"rhr\"\n[timers]\nfoam_roll_seconds = 120\ncue_seconds = 0\nauto_advance = false\n",
            "c",
        )
        .unwrap();
        assert_eq!(c.focus, "rhr");
        assert_eq!(c.units, Units::METRIC);
        assert_eq!(Config::parse("units = \"imperial\"\n", "c").unwrap().units, Units::IMPERIAL);
        assert_eq!(Config::parse("units = \"metric\"\n", "c").unwrap().units, Units::METRIC);
        assert_eq!(c.timers, Timers { foam_roll_seconds: 120, auto_advance: false, cue_seconds: 0 });
        assert!(c.mouse);
        assert!(!Config::parse("mouse = false\n", "c").unwrap().mouse);
    }

    #[test]
    fn bad_values_name_the_line() {
        for (text, line, needle) in [
            ("focus = \"mood\"\n", 1, "focus 'mood' is not one of"),
            ("\nunits = \"stone\"\n", 2, "units 'stone' is not one of \"metric\", \"imperial\""),
            ("units = \"Imperial\"\n", 1, "units 'Imperial' is not one of"),
            ("units = \"\"\n", 1, "units '' is not one of"),
            ("units = 1\n", 1, "units '1' is not one of \"metric\", \"imperial\""),
            ("units = [\"imperial\"]\n", 1, "units '[\"imperial\"]' is not one of"),
            ("\n[timers]\nfoam_roll_seconds = 0\n", 3, "foam_roll_seconds = 0 is outside 1–600"),
            ("[timers]\nfoam_roll_seconds = 601\n", 2, "outside 1–600"),
            ("[timers]\ncue_seconds = -1\n", 2, "cue_seconds = -1 is outside 0–600"),
            (
                "[timers]\nfoam_roll_seconds = \"abc\"\n",
                2,
                "foam_roll_seconds = \"abc\" is not a whole number; give 1–600",
            ),
            (
                "[timers]\nfoam_roll_seconds = 90.5\n",
                2,
                "foam_roll_seconds = 90.5 is not a whole number; give 1–600",
            ),
            ("[readiness]\nband_sd = nan\n", 2, "band_sd = NaN is outside 0.1–2"),
            ("[readiness]\nacwr_spike = \"high\"\n", 2, "acwr_spike = \"high\" is not a number; give 1–3"),
            ("[timers]\nauto_advance = \"yes\"\n", 2, "invalid type"),
            ("colour = \"red\"\n", 1, "unknown field"),
            ("mouse = \"off\"\n", 1, "mouse = \"off\" is not true or false; give mouse = false"),
            ("\nmouse = 0\n", 2, "mouse = 0 is not true or false"),
            ("[timers]\nmouse = false\n", 2, "unknown field"),
            ("focus = \n", 1, ""),
            ("[readiness]\nband_sd = 3.0\n", 2, "band_sd = 3 is outside 0.1–2"),
            ("[readiness]\nsoreness_amber = 8\n", 2, "soreness_red must be at least soreness_amber"),
            ("[readiness]\ntrusted_min = 10\n", 2, "trusted_min must be at least calibrating_min"),
            ("[readiness]\nacwr = 1.3\n", 2, "unknown field"),
            ("[readiness]\nearly_min = 0\n", 2, "early_min = 0 is outside 1–27"),
            ("[readiness]\nearly_hrv_amber = 0.4\n", 2, "early_hrv_red must be at least early_hrv_amber"),
            (
                "[readiness]\nearly_rhr_red_bpm = 4\n",
                2,
                "early_rhr_red_bpm must be at least early_rhr_amber_bpm",
            ),
        ] {
            let err = Config::parse(text, "config.toml").unwrap_err();
            assert_eq!(err.line, Some(line), "{text:?}: {err}");
            assert!(err.message.contains(needle), "{needle:?} not in {err}");
        }
    }
}
