//! The dashboard's forms: a day's morning markers, a new run, and an edit of a stored run.
//! One row per field of the record's table (`records::MARKER_FIELDS`, `RUN_FIELDS`): a text
//! box (tui-input), or a picker for a field with a fixed set of choices (run type, pain site,
//! HRV source, ill), cycled with ←/→ or picked by typing the start of a choice in any case.
//! Saving checks every field at once (`form_check.rs`) and saves nothing while one is bad.

use crate::domain::fields::{Kind, Spec, Texts, Value};
use crate::domain::records::{MARKER_FIELDS, Markers, RUN_FIELDS, Run};
use crate::domain::units::Units;
use chrono::{NaiveDate, NaiveTime};
use std::borrow::Cow;
use tui_input::{Input, InputRequest};

#[path = "form_check.rs"]
mod check;

#[path = "form_pick.rs"]
mod pick;

/// The most characters a form field holds: the longest text a field accepts (a note), so
/// a long paste or a held key fills it and stops there.
pub const MAX_FIELD_CHARS: usize = crate::domain::values::MAX_TEXT_CHARS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Markers,
    /// A new run.
    Run,
    /// The stored run with this id.
    EditRun(i64),
}

#[derive(Clone, Debug)]
pub struct FormField {
    /// The field's name as the command line gives it (`rhr`, `sleep-quality`).
    pub key: &'static str,
    /// Its column in the record's table (`sleep_quality`).
    pub column: &'static str,
    pub label: &'static str,
    /// Unit and range in the runner's units, e.g. "bpm, 25–220", "lb, 45–661".
    pub hint: Cow<'static, str>,
    pub kind: Kind,
    pub required: bool,
    pub input: Input,
    /// What the field held when the form opened (or the database last changed under it):
    /// a field whose input still equals it was not edited.
    pub original: String,
    /// The value logged the day before (markers) or on the last run, shown greyed.
    pub reference: Option<String>,
    /// Why the last save refused this field, by its label; cleared when it is edited.
    pub error: Option<String>,
    /// A picker: what was typed since it took the focus, to pick by prefix.
    typed: String,
}

impl FormField {
    fn set(&mut self, text: &str) {
        self.input = Input::new(text.to_string());
    }

    /// The text was edited since the form opened.
    pub fn changed(&self) -> bool {
        self.input.value().trim() != self.original.trim()
    }
}

/// What a key or a paste did to the focused field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    Done,
    /// It would have gone past the field's end (`MAX_FIELD_CHARS`): the rest was left out.
    Full,
    /// A picker: no choice starts with what was typed; the field is unchanged.
    NoChoice,
}

#[derive(Clone, Debug)]
pub struct Form {
    pub kind: FormKind,
    /// The day the markers or the run are on.
    pub date: NaiveDate,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// Submitted, waiting for the store to confirm.
    pub saving: bool,
    /// The units weights and distances are typed and shown in.
    pub units: Units,
}

/// What a valid form saves: the markers with the columns (of `MARKER_FIELDS`) of the
/// fields the user changed (an emptied field is among them, and is cleared), a new run, or
/// a changed run with its id.
#[derive(Clone, Debug, PartialEq)]
pub enum Submission {
    Markers(NaiveDate, Markers, Vec<&'static str>),
    Run(Run),
    EditRun(i64, Run),
    /// An edit that changed nothing: nothing to save.
    Unchanged,
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
                kind: spec.kind,
                required: spec.required,
                input: Input::new(value.clone()),
                original: value,
                reference: reference.and_then(|r| spec.typed_in(r, units)),
                error: None,
                typed: String::new(),
            }
        })
        .collect()
}

impl Form {
    fn new(kind: FormKind, date: NaiveDate, fields: Vec<FormField>, units: Units) -> Form {
        Form { kind, date, fields, focus: 0, saving: false, units }
    }

    /// The day's markers, filled with what is already logged; the day before greyed.
    pub fn markers(
        date: NaiveDate,
        current: Option<&Markers>,
        yesterday: Option<&Markers>,
        units: Units,
    ) -> Form {
        Form::new(FormKind::Markers, date, fields(&MARKER_FIELDS, current, yesterday, units), units)
    }

    /// A new run ending `now`, of the last run's type (still changeable); the last run
    /// greyed beside each field.
    pub fn run(date: NaiveDate, now: NaiveTime, last: Option<&Run>, units: Units) -> Form {
        let mut form = Form::new(FormKind::Run, date, fields(&RUN_FIELDS, None, last, units), units);
        for field in &mut form.fields {
            match field.column {
                "at" => field.set(&Value::Time(now).typed()),
                "type" => field.set(last.map_or("", |r| r.kind.name())),
                _ => {}
            }
        }
        form
    }

    /// A stored run, filled with its values, to change; `None` for a run that has no id
    /// (one not read from the store).
    pub fn edit_run(run: &Run, units: Units) -> Option<Form> {
        let id = run.id?;
        Some(Form::new(FormKind::EditRun(id), run.day, fields(&RUN_FIELDS, Some(run), None, units), units))
    }

    /// "Morning markers · Sat 28 Nov", "Run · …", "Edit run · …".
    pub fn title(&self) -> String {
        let what = match self.kind {
            FormKind::Markers => "Morning markers",
            FormKind::Run => "Run",
            FormKind::EditRun(_) => "Edit run",
        };
        format!("{what} · {}", self.date.format("%a %-d %b"))
    }

    /// What is shown greyed beside field `index`, and the word for it: ("yesterday", "52"),
    /// ("last run", "easy"), or on an edit what a changed field held before, ("was", "300").
    pub fn reference(&self, index: usize) -> Option<(&'static str, String)> {
        let field = self.fields.get(index)?;
        match self.kind {
            FormKind::Markers => field.reference.clone().map(|r| ("yesterday", r)),
            FormKind::Run => field.reference.clone().map(|r| ("last run", r)),
            FormKind::EditRun(_) if field.changed() => {
                let was = if field.original.is_empty() { "empty".into() } else { field.original.clone() };
                Some(("was", was))
            }
            FormKind::EditRun(_) => None,
        }
    }

    /// The columns of the fields whose text the user changed.
    pub fn changed_markers(&self) -> Vec<&'static str> {
        self.fields.iter().filter(|f| f.changed()).map(|f| f.column).collect()
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
                field.set(&value);
            }
            field.original = value;
        }
    }

    /// The fields a save refused, still unedited.
    pub fn errors(&self) -> usize {
        self.fields.iter().filter(|f| f.error.is_some()).count()
    }

    pub fn focused(&self) -> Option<&FormField> {
        self.fields.get(self.focus)
    }

    pub fn on_last(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    /// Marks the fields a save refused (and only those), the focus on the first.
    pub fn mark(&mut self, errors: &[(usize, String)]) {
        for (i, field) in self.fields.iter_mut().enumerate() {
            field.error = errors.iter().find(|(e, _)| *e == i).map(|(_, message)| message.clone());
        }
        if let Some((first, _)) = errors.first() {
            self.focus_on(*first);
        }
    }

    pub fn focus_on(&mut self, index: usize) {
        self.focus = index;
        if let Some(field) = self.fields.get_mut(index) {
            field.typed.clear();
        }
    }

    /// The next field; from the last, the first.
    pub fn next(&mut self) {
        self.focus_on((self.focus + 1) % self.fields.len().max(1));
    }

    /// The previous field; from the first, the last.
    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus_on((self.focus + n - 1) % n);
    }

    /// A key in the focused field. A text field edits its text (up to `MAX_FIELD_CHARS`);
    /// a picker takes the choice that starts with what was typed since it took the focus,
    /// and Backspace or Delete empties it (`form_pick.rs`).
    pub fn edit(&mut self, request: InputRequest) -> Typed {
        let Some(field) = self.fields.get_mut(self.focus) else { return Typed::Done };
        if let Some(choices) = field.choices() {
            return pick::edit(field, choices, request);
        }
        if matches!(request, InputRequest::InsertChar(_))
            && field.input.value().chars().count() >= MAX_FIELD_CHARS
        {
            return Typed::Full;
        }
        field.input.handle(request);
        Typed::Done
    }

    /// Pasted text into the focused field. A text field takes it at the cursor, on one
    /// line (control characters, line breaks included, become spaces), as far as it holds;
    /// a picker takes the choice the text (trimmed) starts, in any case.
    pub fn paste(&mut self, text: &str) -> Typed {
        let Some(field) = self.fields.get_mut(self.focus) else { return Typed::Done };
        if let Some(choices) = field.choices() {
            return pick::paste(field, choices, text);
        }
        let room = MAX_FIELD_CHARS.saturating_sub(field.input.value().chars().count());
        let mut chars = text.chars().map(|c| if c.is_control() { ' ' } else { c });
        for c in chars.by_ref().take(room) {
            field.input.handle(InputRequest::InsertChar(c));
        }
        if chars.next().is_some() { Typed::Full } else { Typed::Done }
    }

    /// What the fields hold, by column.
    fn texts(&self) -> Texts {
        self.fields.iter().map(|f| (f.column, f.input.value().trim().to_string())).collect()
    }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
