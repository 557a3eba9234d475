//! What a runner types, turned into records: one place for the command line, the
//! dashboard's forms and (later) CSV rows, so all refuse the same values with the same
//! words. An empty or absent text is "not logged".

use super::fields::{self, Spec, Texts};
use super::records::{MARKER_FIELDS, Markers, RUN_FIELDS, Run};
use super::session::Session;
use super::targets;
use super::values::FieldError;
use chrono::{NaiveDate, NaiveTime};

/// On the command line an option given an empty value (`--rhr ""`) is a mistake, not
/// "not logged" as an empty form field or CSV cell is: the first such field.
pub fn refuse_empty<R>(table: &'static [Spec<R>], texts: &Texts) -> Result<(), FieldError> {
    match table.iter().find(|s| texts.get(s.column).is_some_and(|t| t.trim().is_empty())) {
        Some(spec) => Err(FieldError::new(spec.name, format!("is empty; give {}", spec.kind.accepts()))),
        None => Ok(()),
    }
}

pub fn parse_yes_no(field: &str, text: &str) -> Result<bool, FieldError> {
    match text.to_ascii_lowercase().as_str() {
        "y" | "yes" | "true" | "1" => Ok(true),
        "n" | "no" | "false" | "0" => Ok(false),
        _ => Err(FieldError::new(field, format!("'{text}' is not yes or no"))),
    }
}

/// Every marker checked against the value-range table; the first bad one is the error.
pub fn markers(t: &Texts) -> Result<Markers, FieldError> {
    let mut m = Markers::default();
    fields::fill(&MARKER_FIELDS, t, &mut m)?;
    Ok(m)
}

/// A run on `day`; `now` is the time it defaults to, and the latest it may have ended
/// when `day` is today.
pub fn run(day: NaiveDate, today: NaiveDate, now: NaiveTime, t: &Texts) -> Result<Run, FieldError> {
    // Type and minutes are required: `fill` refuses the run without them.
    let mut run = Run::new(day, now, Session::Easy, 1);
    fields::fill(&RUN_FIELDS, t, &mut run)?;
    checked(run, today, now)
}

/// A stored run moved to `day` (its own day when not moved) with the fields given in `t`
/// changed — nothing is required — checked as a whole with the rules of a new run.
pub fn edited_run(
    stored: &Run,
    day: NaiveDate,
    today: NaiveDate,
    now: NaiveTime,
    t: &Texts,
) -> Result<Run, FieldError> {
    let mut run = Run { day, ..stored.clone() };
    fields::fill_given(&RUN_FIELDS, t, &mut run)?;
    checked(run, today, now)
}

/// A run that ends no later than `now` when it is today's, and whose weights, fluid and
/// minutes make sense together.
fn checked(run: Run, today: NaiveDate, now: NaiveTime) -> Result<Run, FieldError> {
    if run.day == today && run.at > now {
        return Err(FieldError::new(
            "at",
            format!("{} is later than now; give the time the run ended", run.at.format("%H:%M")),
        ));
    }
    if let Some((field, reason)) = targets::implausible(&run) {
        return Err(FieldError::new(field, reason));
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn texts(pairs: &[(&'static str, &str)]) -> Texts {
        pairs.iter().map(|(c, t)| (*c, t.to_string())).collect()
    }

    #[test]
    fn empty_means_not_logged() {
        let m = markers(&texts(&[("rhr", ""), ("hrv", "61.5")])).unwrap();
        assert_eq!((m.rhr, m.hrv), (None, Some(61.5)));
        assert_eq!(refuse_empty(&MARKER_FIELDS, &texts(&[("sleep_hours", " ")])).unwrap_err().field, "sleep");
    }

    #[test]
    fn the_first_bad_field_is_named() {
        assert_eq!(markers(&texts(&[("rhr", "400"), ("hrv", "NaN")])).unwrap_err().field, "rhr");
        assert_eq!(
            markers(&texts(&[("ill", "maybe")])).unwrap_err().to_string(),
            "ill: 'maybe' is not yes or no"
        );
    }

    #[test]
    fn runs_default_to_now_and_cannot_end_in_the_future() {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        let t = texts(&[("type", "tempo"), ("minutes", "45")]);
        assert_eq!(run(day(), day(), noon, &t).unwrap().at, noon);
        let mut later = t.clone();
        later.insert("at", "13:00".into());
        assert_eq!(run(day(), day(), noon, &later).unwrap_err().field, "at");
        let yesterday = day().pred_opt().unwrap();
        assert!(run(yesterday, day(), noon, &later).is_ok());
        let mut bad = t.clone();
        bad.insert("type", "jog".into());
        assert_eq!(run(day(), day(), noon, &bad).unwrap_err().field, "type");
        assert_eq!(run(day(), day(), noon, &texts(&[("type", "easy")])).unwrap_err().field, "minutes");
    }

    #[test]
    fn an_edit_changes_only_what_is_given_and_is_checked_as_a_whole() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        let mut stored = Run::new(day(), nine, Session::Easy, 300);
        stored.id = Some(12);
        stored.km = Some(50.0);
        let edited = edited_run(&stored, day(), day(), noon, &texts(&[("minutes", "30")])).unwrap();
        assert_eq!(edited, Run { minutes: 30, ..stored.clone() });
        let yesterday = day().pred_opt().unwrap();
        assert_eq!(edited_run(&stored, yesterday, day(), noon, &Texts::new()).unwrap().day, yesterday);
        for (column, text, field) in
            [("minutes", "3000", "minutes"), ("at", "13:00", "at"), ("type", "rest", "type")]
        {
            let err = edited_run(&stored, day(), day(), noon, &texts(&[(column, text)])).unwrap_err();
            assert_eq!(err.field, field, "{column} {text}");
        }
        // The stored weights and the new minutes together: 2 kg lost in 10 minutes.
        let heavy = Run { weight_before_kg: Some(70.0), weight_after_kg: Some(68.0), ..stored };
        assert!(edited_run(&heavy, day(), day(), noon, &Texts::new()).is_ok());
        let err = edited_run(&heavy, day(), day(), noon, &texts(&[("minutes", "10")])).unwrap_err();
        assert_eq!(err.field, "fluid-l");
    }

    #[test]
    fn times_are_hh_mm() {
        assert!(fields::parse_time("at", "07:30").is_ok());
        for bad in ["7:30", "24:00", "07:60", "0730", "07:30:00", ""] {
            assert!(fields::parse_time("at", bad).is_err(), "{bad}");
        }
    }
}
