//! The Log screen's forms: the morning markers and a run, as text fields (tui-input).
//! Saving checks every field with the same parser as the command line; a bad value
//! names the field and the range, moves the cursor there, and saves nothing.

use crate::domain::entry;
use crate::domain::fields::{Spec, Texts, Value};
use crate::domain::records::{MARKER_FIELDS, Markers, RUN_FIELDS, Run};
use crate::domain::units::Units;
use chrono::{NaiveDate, NaiveTime};
use std::borrow::Cow;
use tui_input::{Input, InputRequest};

/// The most characters a form field holds: the longest text a field accepts (a note), so
/// a long paste or a held key fills it and stops there.
pub const MAX_FIELD_CHARS: usize = crate::domain::values::MAX_TEXT_CHARS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Markers,
    Run,
}

#[derive(Clone, Debug)]
pub struct FormField {
    /// The field's name as errors give it (`rhr`, `sleep-quality`).
    pub key: &'static str,
    /// Its column in the record's table (`sleep_quality`).
    pub column: &'static str,
    pub label: &'static str,
    /// Unit and range in the runner's units, e.g. "bpm, 25–220", "lb, 45–661".
    pub hint: Cow<'static, str>,
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
    /// The units weights and distances are typed and shown in.
    pub units: Units,
}

/// What a valid form saves: the markers with the columns (of `MARKER_FIELDS`) of the
/// fields the user changed, or a run.
#[derive(Clone, Debug, PartialEq)]
pub enum Submission {
    Markers(NaiveDate, Markers, Vec<&'static str>),
    Run(Run),
}

/// A form field per field of `table`, holding `current`'s values, with `reference`'s greyed,
/// in `units`.
fn fields<R>(
    table: &'static [Spec<R>],
    current: Option<&R>,
    reference: Option<&R>,
    units: Units,
) -> Vec<FormField> {
    table
        .iter()
        .map(|spec| {
            let value = current.and_then(|r| spec.typed_in(r, units)).unwrap_or_default();
            FormField {
                key: spec.name,
                column: spec.column,
                label: spec.label,
                hint: spec.hint_in(units),
                input: Input::new(value.clone()),
                original: value,
                reference: reference.and_then(|r| spec.typed_in(r, units)),
            }
        })
        .collect()
}

impl Form {
    /// The day's markers, filled with what is already logged; the day before greyed.
    pub fn markers(
        date: NaiveDate,
        current: Option<&Markers>,
        yesterday: Option<&Markers>,
        units: Units,
    ) -> Form {
        let fields = fields(&MARKER_FIELDS, current, yesterday, units);
        Form { kind: FormKind::Markers, date, fields, focus: 0, error: None, saving: false, units }
    }

    /// A new run ending `now`; the last run before greyed.
    pub fn run(date: NaiveDate, now: NaiveTime, last: Option<&Run>, units: Units) -> Form {
        let mut fields = fields(&RUN_FIELDS, None, last, units);
        for field in fields.iter_mut().filter(|f| f.column == "at") {
            field.input = Input::new(Value::Time(now).typed());
        }
        Form { kind: FormKind::Run, date, fields, focus: 0, error: None, saving: false, units }
    }

    /// The columns of the fields whose text the user changed.
    pub fn changed_markers(&self) -> Vec<&'static str> {
        self.fields.iter().filter(|f| f.input.value().trim() != f.original.trim()).map(|f| f.column).collect()
    }

    /// The day's markers changed in the database while the form is open (another
    /// terminal logged): fields the user has not touched take the new values; edited
    /// ones keep what the user typed.
    pub fn refresh_markers(&mut self, current: Option<&Markers>) {
        if self.kind != FormKind::Markers {
            return;
        }
        for (field, spec) in self.fields.iter_mut().zip(&MARKER_FIELDS) {
            let value = current.and_then(|m| spec.typed_in(m, self.units)).unwrap_or_default();
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

    /// A key in the focused field. True when it would have typed past the field's end
    /// (`MAX_FIELD_CHARS`): the character is left out.
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else { return false };
        if matches!(request, InputRequest::InsertChar(_))
            && field.input.value().chars().count() >= MAX_FIELD_CHARS
        {
            return true;
        }
        field.input.handle(request);
        false
    }

    /// Pasted text into the focused field at the cursor, on one line (control characters,
    /// line breaks included, become spaces), as far as the field holds. True when some
    /// of it was left out.
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(field) = self.fields.get(self.focus) else { return false };
        let room = MAX_FIELD_CHARS.saturating_sub(field.input.value().chars().count());
        let mut chars = text.chars().map(|c| if c.is_control() { ' ' } else { c });
        for c in chars.by_ref().take(room) {
            self.edit(InputRequest::InsertChar(c));
        }
        chars.next().is_some()
    }

    /// What the fields hold, by column.
    fn texts(&self) -> Texts {
        self.fields.iter().map(|f| (f.column, f.input.value().trim().to_string())).collect()
    }

    /// Checks every field; on the first bad one, its index and the message.
    pub fn submit(&self, today: NaiveDate, now: NaiveTime) -> Result<Submission, (usize, String)> {
        let texts = self.texts();
        let result = match self.kind {
            FormKind::Markers => entry::markers(&texts, self.units)
                .map(|m| Submission::Markers(self.date, m, self.changed_markers())),
            FormKind::Run => entry::run(self.date, today, now, &texts, self.units).map(Submission::Run),
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
        let f = Form::markers(day(), Some(&today), Some(&yesterday), Units::METRIC);
        assert_eq!(f.fields[0].input.value(), "52");
        assert_eq!(f.fields[1].reference.as_deref(), Some("61.5"));
        assert_eq!(f.fields[10].reference.as_deref(), Some("no"));
    }

    #[test]
    fn only_the_fields_the_user_changed_are_saved() {
        let today = Markers { rhr: Some(52), hrv: Some(60.0), ..Markers::default() };
        let mut f = Form::markers(day(), Some(&today), None, Units::METRIC);
        assert!(f.changed_markers().is_empty());
        f.next();
        f.edit(InputRequest::DeleteLine);
        f.next();
        type_text(&mut f, "7.5");
        assert_eq!(f.changed_markers(), ["hrv", "sleep_hours"]);
    }

    #[test]
    fn a_write_from_elsewhere_fills_untouched_fields_and_keeps_typed_ones() {
        let mut f =
            Form::markers(day(), Some(&Markers { rhr: Some(52), ..Markers::default() }), None, Units::METRIC);
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
        let mut f = Form::markers(day(), None, None, Units::METRIC);
        f.next();
        type_text(&mut f, "6q");
        assert_eq!(f.fields[1].input.value(), "6q");
        let (index, message) = f.submit(day(), noon()).unwrap_err();
        assert_eq!(index, 1);
        assert_eq!(message, "hrv: '6q' is not a number; give 5–300 ms");
    }

    #[test]
    fn a_valid_form_submits_markers() {
        let mut f = Form::markers(day(), None, None, Units::METRIC);
        type_text(&mut f, "52");
        f.focus = 2;
        type_text(&mut f, "7.5");
        let Submission::Markers(date, m, _) = f.submit(day(), noon()).unwrap() else { panic!() };
        assert_eq!((date, m.rhr, m.sleep_hours, m.hrv), (day(), Some(52), Some(7.5), None));
    }

    #[test]
    fn the_error_points_at_the_bad_field() {
        let mut f = Form::markers(day(), None, None, Units::METRIC);
        f.focus = 4;
        type_text(&mut f, "11");
        assert_eq!(
            f.submit(day(), noon()).unwrap_err(),
            (4, "soreness: 11 is outside 0–10, a whole number".into())
        );
    }

    #[test]
    fn a_run_form_defaults_to_now_and_checks_its_fields() {
        let mut f = Form::run(day(), noon(), None, Units::METRIC);
        let at = f.fields.iter().find(|f| f.column == "at").unwrap();
        assert_eq!(at.input.value(), "12:00");
        assert_eq!(f.submit(day(), noon()).unwrap_err().0, 0);
        type_text(&mut f, "tempo");
        f.next();
        type_text(&mut f, "45");
        let Submission::Run(run) = f.submit(day(), noon()).unwrap() else { panic!() };
        assert_eq!((run.kind.name(), run.minutes), ("tempo", 45));
    }

    #[test]
    fn a_field_holds_up_to_its_limit_and_says_when_more_came() {
        let mut f = Form::markers(day(), None, None, Units::METRIC);
        f.focus = 11;
        assert!(!f.paste("line one\nline\ttwo"));
        assert_eq!(f.fields[11].input.value(), "line one line two");
        let long = "x".repeat(100_000);
        assert!(f.paste(&long), "a paste past the end says so");
        assert_eq!(f.fields[11].input.value().chars().count(), MAX_FIELD_CHARS);
        assert!(f.edit(InputRequest::InsertChar('y')), "a key past the end says so");
        assert!(!f.edit(InputRequest::DeletePrevChar), "deleting still works");
        assert!(!f.edit(InputRequest::InsertChar('z')));
        assert!(f.fields[11].input.value().ends_with("xz"));
    }

    #[test]
    fn focus_wraps_both_ways() {
        let mut f = Form::run(day(), noon(), None, Units::METRIC);
        f.prev();
        assert_eq!(f.focus, 8);
        f.next();
        assert_eq!(f.focus, 0);
    }

    #[test]
    fn imperial_forms_read_and_show_lb_and_mi() {
        let today = Markers { weight_kg: Some(68.0), ..Markers::default() };
        let mut f = Form::markers(day(), Some(&today), None, Units::IMPERIAL);
        let weight = f.fields.iter().position(|x| x.column == "weight_kg").unwrap();
        assert_eq!((f.fields[weight].input.value(), &*f.fields[weight].hint), ("149.9", "lb, 45–661"));
        // Shown and left alone, it is not a change; saved, it is still 68 kg.
        assert!(f.changed_markers().is_empty());
        let Submission::Markers(_, m, _) = f.submit(day(), noon()).unwrap() else { panic!() };
        assert_eq!(m.weight_kg, Some(68.0));
        f.focus = weight;
        f.edit(InputRequest::DeleteLine);
        type_text(&mut f, "700");
        assert_eq!(
            f.submit(day(), noon()).unwrap_err(),
            (weight, "weight: 700 lb is outside 45–661 lb".into())
        );
        let mut r = Form::run(day(), noon(), None, Units::IMPERIAL);
        let km = r.fields.iter().position(|x| x.column == "km").unwrap();
        assert_eq!(&*r.fields[km].hint, "mi, 0–621");
        type_text(&mut r, "easy");
        r.next();
        type_text(&mut r, "1:20:00");
        r.focus = km;
        type_text(&mut r, "6.21");
        let Submission::Run(run) = r.submit(day(), noon()).unwrap() else { panic!() };
        assert_eq!((run.minutes, run.km), (80, Some(10.0)));
    }
}
