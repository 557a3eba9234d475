//! The Log screen's forms: the morning markers and a run, as text fields (tui-input).
//! Saving checks every field with the same parser as the command line; a bad value
//! names the field and the range, moves the cursor there, and saves nothing.

use crate::domain::entry::{self, MarkerTexts, RunTexts};
use crate::domain::records::{MARKER_FIELDS as MARKER_COLUMNS, Markers, Run};
use crate::domain::values::fmt_num;
use chrono::{NaiveDate, NaiveTime};
use tui_input::{Input, InputRequest};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Markers,
    Run,
}

#[derive(Clone, Debug)]
pub struct FormField {
    /// The field's name as errors give it (`rhr`, `sleep-quality`).
    pub key: &'static str,
    pub label: &'static str,
    /// Unit and range, e.g. "bpm, 25–220".
    pub hint: &'static str,
    pub input: Input,
    /// What the field held when the form opened (or the database last changed under it):
    /// a field whose input still equals it was not edited.
    pub original: String,
    /// The value logged the day before (markers) or on the last run, shown greyed.
    pub reference: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Form {
    pub kind: FormKind,
    pub date: NaiveDate,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// The field that was refused and why.
    pub error: Option<(usize, String)>,
    /// Submitted, waiting for the store to confirm.
    pub saving: bool,
}

/// What a valid form saves: the markers with the names (`MARKER_FIELDS` of records) of
/// the fields the user changed, or a run.
#[derive(Clone, Debug, PartialEq)]
pub enum Submission {
    Markers(NaiveDate, Markers, Vec<&'static str>),
    Run(Run),
}

const MARKER_FIELDS: [(&str, &str, &str); 12] = [
    ("rhr", "Resting HR", "bpm, 25–220"),
    ("hrv", "HRV (rMSSD)", "ms, 5–300"),
    ("sleep", "Sleep", "hours, 0–24"),
    ("sleep-quality", "Sleep quality", "1–5, 5 = best"),
    ("soreness", "Soreness", "0–10, 10 = worst"),
    ("pain", "Localized pain", "0–10, 10 = worst"),
    ("pain-site", "Pain site", "where it hurts"),
    ("hop", "Single-leg hop", "cm, 1–500"),
    ("balance", "Balance, eyes closed", "s, 0–600"),
    ("weight", "Body weight", "kg, 20–300"),
    ("ill", "Ill", "yes / no"),
    ("note", "Note", "anything else"),
];

const RUN_FIELDS: [(&str, &str, &str); 9] = [
    ("type", "Type", "easy tempo intervals long race cross"),
    ("minutes", "Minutes", "1–1440"),
    ("km", "Distance", "km, 0–1000"),
    ("rpe", "Effort (RPE)", "1–10"),
    ("weight-before", "Weight before", "kg, 20–300"),
    ("weight-after", "Weight after", "kg, 20–300"),
    ("fluid-l", "Fluid drunk", "litres, 0–20"),
    ("at", "Ended at", "HH:MM"),
    ("note", "Note", "anything else"),
];

fn num(v: Option<f64>) -> Option<String> {
    v.map(fmt_num)
}

fn marker_values(m: &Markers) -> [Option<String>; 12] {
    [
        num(m.rhr.map(f64::from)),
        num(m.hrv),
        num(m.sleep_hours),
        num(m.sleep_quality.map(f64::from)),
        num(m.soreness.map(f64::from)),
        num(m.pain.map(f64::from)),
        m.pain_site.clone(),
        num(m.hop_cm),
        num(m.balance_s),
        num(m.weight_kg),
        m.ill.map(|i| if i { "yes".into() } else { "no".into() }),
        m.note.clone(),
    ]
}

fn run_values(r: &Run) -> [Option<String>; 9] {
    [
        Some(r.kind.name().into()),
        Some(r.minutes.to_string()),
        num(r.km),
        num(r.rpe.map(f64::from)),
        num(r.weight_before_kg),
        num(r.weight_after_kg),
        num(r.fluid_l),
        Some(r.at.format("%H:%M").to_string()),
        r.note.clone(),
    ]
}

fn fields<const N: usize>(
    spec: [(&'static str, &'static str, &'static str); N],
    current: [Option<String>; N],
    reference: [Option<String>; N],
) -> Vec<FormField> {
    spec.into_iter()
        .zip(current.into_iter().zip(reference))
        .map(|((key, label, hint), (value, reference))| {
            let value = value.unwrap_or_default();
            FormField { key, label, hint, input: Input::new(value.clone()), original: value, reference }
        })
        .collect()
}

impl Form {
    /// The day's markers, filled with what is already logged; the day before greyed.
    pub fn markers(date: NaiveDate, current: Option<&Markers>, yesterday: Option<&Markers>) -> Form {
        let none = || std::array::from_fn(|_| None);
        let fields = fields(
            MARKER_FIELDS,
            current.map_or_else(none, marker_values),
            yesterday.map_or_else(none, marker_values),
        );
        Form { kind: FormKind::Markers, date, fields, focus: 0, error: None, saving: false }
    }

    /// A new run ending `now`; the last run before greyed.
    pub fn run(date: NaiveDate, now: NaiveTime, last: Option<&Run>) -> Form {
        let mut current: [Option<String>; 9] = std::array::from_fn(|_| None);
        current[7] = Some(now.format("%H:%M").to_string());
        let reference = last.map_or_else(|| std::array::from_fn(|_| None), run_values);
        Form {
            kind: FormKind::Run,
            date,
            fields: fields(RUN_FIELDS, current, reference),
            focus: 0,
            error: None,
            saving: false,
        }
    }

    /// The markers' database field names of the fields whose text the user changed.
    pub fn changed_markers(&self) -> Vec<&'static str> {
        self.fields
            .iter()
            .zip(MARKER_COLUMNS)
            .filter(|(f, _)| f.input.value().trim() != f.original.trim())
            .map(|(_, column)| column)
            .collect()
    }

    /// The day's markers changed in the database while the form is open (another
    /// terminal logged): fields the user has not touched take the new values; edited
    /// ones keep what the user typed.
    pub fn refresh_markers(&mut self, current: Option<&Markers>) {
        if self.kind != FormKind::Markers {
            return;
        }
        let values = current.map_or_else(|| std::array::from_fn(|_| None), marker_values);
        for (field, value) in self.fields.iter_mut().zip(values) {
            let value = value.unwrap_or_default();
            if field.input.value() == field.original {
                field.input = Input::new(value.clone());
            }
            field.original = value;
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    pub fn edit(&mut self, request: InputRequest) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.input.handle(request);
        }
    }

    fn text(&self, key: &str) -> Option<String> {
        self.fields.iter().find(|f| f.key == key).map(|f| f.input.value().trim().to_string())
    }

    /// Checks every field; on the first bad one, its index and the message.
    pub fn submit(&self, today: NaiveDate, now: NaiveTime) -> Result<Submission, (usize, String)> {
        let t = |k| self.text(k);
        let result = match self.kind {
            FormKind::Markers => entry::markers(&MarkerTexts {
                rhr: t("rhr"),
                hrv: t("hrv"),
                sleep: t("sleep"),
                sleep_quality: t("sleep-quality"),
                soreness: t("soreness"),
                pain: t("pain"),
                pain_site: t("pain-site"),
                hop: t("hop"),
                balance: t("balance"),
                weight: t("weight"),
                ill: t("ill"),
                note: t("note"),
            })
            .map(|m| Submission::Markers(self.date, m, self.changed_markers())),
            FormKind::Run => entry::run(
                self.date,
                today,
                now,
                &RunTexts {
                    kind: t("type").unwrap_or_default(),
                    minutes: t("minutes").unwrap_or_default(),
                    km: t("km"),
                    rpe: t("rpe"),
                    weight_before: t("weight-before"),
                    weight_after: t("weight-after"),
                    fluid_l: t("fluid-l"),
                    at: t("at"),
                    note: t("note"),
                },
            )
            .map(Submission::Run),
        };
        result.map_err(|e| {
            let index = self.fields.iter().position(|f| f.key == e.field).unwrap_or(self.focus);
            (index, e.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn noon() -> NaiveTime {
        NaiveTime::from_hms_opt(12, 0, 0).unwrap()
    }

    fn type_text(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.edit(InputRequest::InsertChar(c));
        }
    }

    #[test]
    fn a_markers_form_fills_in_what_is_logged_and_shows_yesterday() {
        let today = Markers { rhr: Some(52), ..Markers::default() };
        let yesterday = Markers { hrv: Some(61.5), ill: Some(false), ..Markers::default() };
        let f = Form::markers(day(), Some(&today), Some(&yesterday));
        assert_eq!(f.fields[0].input.value(), "52");
        assert_eq!(f.fields[1].reference.as_deref(), Some("61.5"));
        assert_eq!(f.fields[10].reference.as_deref(), Some("no"));
    }

    #[test]
    fn only_the_fields_the_user_changed_are_saved() {
        let today = Markers { rhr: Some(52), hrv: Some(60.0), ..Markers::default() };
        let mut f = Form::markers(day(), Some(&today), None);
        assert!(f.changed_markers().is_empty());
        f.next();
        f.edit(InputRequest::DeleteLine);
        f.next();
        type_text(&mut f, "7.5");
        assert_eq!(f.changed_markers(), ["hrv", "sleep_hours"]);
    }

    #[test]
    fn a_write_from_elsewhere_fills_untouched_fields_and_keeps_typed_ones() {
        let mut f = Form::markers(day(), Some(&Markers { rhr: Some(52), ..Markers::default() }), None);
        f.next();
        type_text(&mut f, "61");
        let elsewhere =
            Markers { rhr: Some(55), hrv: Some(70.0), sleep_hours: Some(8.0), ..Markers::default() };
        f.refresh_markers(Some(&elsewhere));
        let values: Vec<&str> = f.fields.iter().take(3).map(|x| x.input.value()).collect();
        assert_eq!(values, ["55", "61", "8"]);
        // rhr and sleep now match the database; only the typed hrv is a change.
        assert_eq!(f.changed_markers(), ["hrv"]);
    }

    #[test]
    fn typing_goes_to_the_focused_field_q_included() {
        let mut f = Form::markers(day(), None, None);
        f.next();
        type_text(&mut f, "6q");
        assert_eq!(f.fields[1].input.value(), "6q");
        let (index, message) = f.submit(day(), noon()).unwrap_err();
        assert_eq!(index, 1);
        assert_eq!(message, "hrv: '6q' is not a number; give 5–300 ms");
    }

    #[test]
    fn a_valid_form_submits_markers() {
        let mut f = Form::markers(day(), None, None);
        type_text(&mut f, "52");
        f.focus = 2;
        type_text(&mut f, "7.5");
        let Submission::Markers(date, m, _) = f.submit(day(), noon()).unwrap() else { panic!() };
        assert_eq!((date, m.rhr, m.sleep_hours, m.hrv), (day(), Some(52), Some(7.5), None));
    }

    #[test]
    fn the_error_points_at_the_bad_field() {
        let mut f = Form::markers(day(), None, None);
        f.focus = 4;
        type_text(&mut f, "11");
        assert_eq!(
            f.submit(day(), noon()).unwrap_err(),
            (4, "soreness: 11 is outside 0–10, a whole number".into())
        );
    }

    #[test]
    fn a_run_form_defaults_to_now_and_checks_its_fields() {
        let mut f = Form::run(day(), noon(), None);
        assert_eq!(f.fields[7].input.value(), "12:00");
        assert_eq!(f.submit(day(), noon()).unwrap_err().0, 0);
        type_text(&mut f, "tempo");
        f.next();
        type_text(&mut f, "45");
        let Submission::Run(run) = f.submit(day(), noon()).unwrap() else { panic!() };
        assert_eq!((run.kind.name(), run.minutes), ("tempo", 45));
    }

    #[test]
    fn focus_wraps_both_ways() {
        let mut f = Form::run(day(), noon(), None);
        f.prev();
        assert_eq!(f.focus, 8);
        f.next();
        assert_eq!(f.focus, 0);
    }
}
