//! What a runner types, turned into records: one place for the command line, the
//! dashboard's forms and (later) CSV rows, so all refuse the same values with the same
//! words. An empty or absent text is "not logged".

use super::records::{Markers, Run};
use super::session::Session;
use super::values::{self, Field, FieldError};
use chrono::{NaiveDate, NaiveTime};

/// The morning markers as typed. `ill` is `yes`/`no` (or `true`/`false`, `y`/`n`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkerTexts {
    pub rhr: Option<String>,
    pub hrv: Option<String>,
    pub sleep: Option<String>,
    pub sleep_quality: Option<String>,
    pub soreness: Option<String>,
    pub pain: Option<String>,
    pub pain_site: Option<String>,
    pub hop: Option<String>,
    pub balance: Option<String>,
    pub weight: Option<String>,
    pub ill: Option<String>,
    pub note: Option<String>,
}

/// A run as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunTexts {
    pub kind: String,
    pub minutes: String,
    pub km: Option<String>,
    pub rpe: Option<String>,
    pub weight_before: Option<String>,
    pub weight_after: Option<String>,
    pub fluid_l: Option<String>,
    pub at: Option<String>,
    pub note: Option<String>,
}

/// On the command line an option given an empty value (`--rhr ""`) is a mistake, not
/// "not logged" as an empty form field or CSV cell is: the first such field.
pub fn refuse_empty(fields: &[(&str, &Option<String>)]) -> Result<(), FieldError> {
    match fields.iter().find(|(_, t)| t.as_deref().is_some_and(|t| t.trim().is_empty())) {
        Some((name, _)) => Err(FieldError::new(*name, format!("is empty; give {}", values::accepts(name)))),
        None => Ok(()),
    }
}

fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|t| !t.is_empty())
}

fn real(field: Field, text: &Option<String>) -> Result<Option<f64>, FieldError> {
    given(text).map(|t| field.parse(t)).transpose()
}

fn whole(field: Field, text: &Option<String>) -> Result<Option<i64>, FieldError> {
    given(text).map(|t| field.parse_int(t)).transpose()
}

fn text(field: &str, value: &Option<String>) -> Result<Option<String>, FieldError> {
    given(value).map(|t| values::parse_text(field, t)).transpose()
}

pub fn parse_yes_no(field: &str, text: &str) -> Result<bool, FieldError> {
    match text.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" | "1" => Ok(true),
        "n" | "no" | "false" | "0" => Ok(false),
        _ => Err(FieldError::new(field, format!("'{text}' is not yes or no"))),
    }
}

/// `HH:MM`, 00:00–23:59.
pub fn parse_time(field: &str, text: &str) -> Result<NaiveTime, FieldError> {
    let shaped = text.len() == 5 && text.as_bytes().get(2) == Some(&b':');
    match NaiveTime::parse_from_str(text, "%H:%M") {
        Ok(t) if shaped => Ok(t),
        _ => Err(FieldError::new(field, format!("'{text}' is not a time; write HH:MM, 00:00–23:59"))),
    }
}

/// Every marker checked against the value-range table; the first bad one is the error.
pub fn markers(t: &MarkerTexts) -> Result<Markers, FieldError> {
    let pain = whole(values::PAIN, &t.pain)?.map(|v| v as u8);
    let pain_site = text("pain-site", &t.pain_site)?;
    Ok(Markers {
        rhr: whole(values::RHR, &t.rhr)?.map(|v| v as u16),
        hrv: real(values::HRV, &t.hrv)?,
        sleep_hours: real(values::SLEEP, &t.sleep)?,
        sleep_quality: whole(values::SLEEP_QUALITY, &t.sleep_quality)?.map(|v| v as u8),
        soreness: whole(values::SORENESS, &t.soreness)?.map(|v| v as u8),
        pain,
        pain_site,
        hop_cm: real(values::HOP, &t.hop)?,
        balance_s: real(values::BALANCE, &t.balance)?,
        weight_kg: real(values::WEIGHT, &t.weight)?,
        ill: given(&t.ill).map(|v| parse_yes_no("ill", v)).transpose()?,
        note: text("note", &t.note)?,
    })
}

/// A run on `day`; `now` is the time it defaults to, and the latest it may have ended
/// when `day` is today.
pub fn run(day: NaiveDate, today: NaiveDate, now: NaiveTime, t: &RunTexts) -> Result<Run, FieldError> {
    let kind = Session::parse_run(&t.kind).ok_or_else(|| {
        let shown: String = t.kind.chars().take(24).collect();
        FieldError::new("type", format!("'{shown}' is not one of easy, tempo, intervals, long, race, cross"))
    })?;
    let minutes = values::MINUTES.parse_int(&t.minutes)? as u32;
    let at = match given(&t.at) {
        Some(text) => parse_time("at", text)?,
        None => now,
    };
    if day == today && at > now {
        return Err(FieldError::new(
            "at",
            format!("{} is later than now; give the time the run ended", at.format("%H:%M")),
        ));
    }
    let mut run = Run::new(day, at, kind, minutes);
    run.km = real(values::KM, &t.km)?;
    run.rpe = whole(values::RPE, &t.rpe)?.map(|v| v as u8);
    run.weight_before_kg = real(values::WEIGHT_BEFORE, &t.weight_before)?;
    run.weight_after_kg = real(values::WEIGHT_AFTER, &t.weight_after)?;
    run.fluid_l = real(values::FLUID, &t.fluid_l)?;
    run.note = text("note", &t.note)?;
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn empty_means_not_logged() {
        let t = MarkerTexts { rhr: Some(String::new()), hrv: Some("61.5".into()), ..MarkerTexts::default() };
        let m = markers(&t).unwrap();
        assert_eq!((m.rhr, m.hrv), (None, Some(61.5)));
    }

    #[test]
    fn the_first_bad_field_is_named() {
        let t = MarkerTexts { rhr: Some("400".into()), hrv: Some("NaN".into()), ..MarkerTexts::default() };
        assert_eq!(markers(&t).unwrap_err().field, "rhr");
        let t = MarkerTexts { ill: Some("maybe".into()), ..MarkerTexts::default() };
        assert_eq!(markers(&t).unwrap_err().to_string(), "ill: 'maybe' is not yes or no");
    }

    #[test]
    fn runs_default_to_now_and_cannot_end_in_the_future() {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        let t = RunTexts { kind: "tempo".into(), minutes: "45".into(), ..RunTexts::default() };
        assert_eq!(run(day(), day(), noon, &t).unwrap().at, noon);
        let later = RunTexts { at: Some("13:00".into()), ..t.clone() };
        assert_eq!(run(day(), day(), noon, &later).unwrap_err().field, "at");
        let yesterday = day().pred_opt().unwrap();
        assert!(run(yesterday, day(), noon, &later).is_ok());
        let bad = RunTexts { kind: "jog".into(), ..t };
        assert_eq!(run(day(), day(), noon, &bad).unwrap_err().field, "type");
    }

    #[test]
    fn times_are_hh_mm() {
        assert!(parse_time("at", "07:30").is_ok());
        for bad in ["7:30", "24:00", "07:60", "0730", "07:30:00", ""] {
            assert!(parse_time("at", bad).is_err(), "{bad}");
        }
    }
}
