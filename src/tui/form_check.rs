//! Checking a form before it is saved. Every field is read by its own parser (the one the
//! command line and CSV use), so every bad field is found at once; then the record's own
//! rules (`entry::markers`, `entry::run`: a run cannot end later than now, weights and fluid
//! that cannot go together; and here, a pain site needs a pain), each reported next to the
//! field it names. Every message names its field by the form's label.

use super::{Form, FormKind, Submission};
use crate::domain::entry;
use crate::domain::values::FieldError;
use chrono::{NaiveDate, NaiveTime};

/// A field's refusal by its label: "Resting HR: 300 is outside 25–220 bpm, a whole
/// number", "Minutes is missing; give …", "Pain site needs a pain level …".
pub fn by_label(label: &str, reason: &str) -> String {
    if ["is ", "needs "].iter().any(|verb| reason.starts_with(verb)) {
        format!("{label} {reason}")
    } else {
        format!("{label}: {reason}")
    }
}

impl Form {
    /// What the form saves, or every field it refuses (index and message, in form order).
    pub fn submit(&self, today: NaiveDate, now: NaiveTime) -> Result<Submission, Vec<(usize, String)>> {
        let mut errors = self.field_errors();
        // The record's rules run on the fields that are good: a bad one counts as empty.
        let mut texts = self.texts();
        for (i, _) in &errors {
            if let Some(field) = self.fields.get(*i) {
                texts.insert(field.column, String::new());
            }
        }
        let record = match self.kind {
            FormKind::Markers => entry::markers(&texts, self.units).and_then(|m| {
                self.site_needs_pain()?;
                Ok(Submission::Markers(self.date, m, self.changed_markers()))
            }),
            FormKind::Run => entry::run(self.date, today, now, &texts, self.units).map(Submission::Run),
            FormKind::EditRun(id) => entry::run(self.date, today, now, &texts, self.units).map(|mut run| {
                run.id = Some(id);
                if self.fields.iter().any(|f| f.changed()) {
                    Submission::EditRun(id, run)
                } else {
                    Submission::Unchanged
                }
            }),
        };
        match record {
            Ok(submission) if errors.is_empty() => return Ok(submission),
            Ok(_) => {}
            Err(e) => {
                let index = self.fields.iter().position(|f| f.key == e.field).unwrap_or(self.focus);
                // A field already refused on its own says enough (a bad required field is
                // also "missing" to the record).
                if !errors.iter().any(|(i, _)| *i == index) {
                    let label = self.fields.get(index).map_or(e.field.as_str(), |f| f.label);
                    errors.push((index, by_label(label, &e.reason)));
                }
            }
        }
        errors.sort_by_key(|(i, _)| *i);
        Err(errors)
    }

    /// Each field on its own: a required one that is empty, or text its parser refuses.
    fn field_errors(&self) -> Vec<(usize, String)> {
        let mut errors = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            let text = field.input.value().trim();
            let refused = if text.is_empty() {
                field.required.then(|| format!("is missing; give {}", field.kind.accepts(self.units)))
            } else {
                field.kind.parse(field.key, text, self.units).err().map(|e| e.reason)
            };
            if let Some(reason) = refused {
                errors.push((i, by_label(field.label, &reason)));
            }
        }
        errors
    }

    /// A pain site says where the pain is: without a pain level it says nothing (the
    /// command line refuses `--pain-site` without `--pain` alike).
    fn site_needs_pain(&self) -> Result<(), FieldError> {
        let given = |column: &str| {
            self.fields.iter().any(|f| f.column == column && !f.input.value().trim().is_empty())
        };
        if given("pain_site") && !given("pain") {
            let pain = self.fields.iter().find(|f| f.column == "pain").map_or("pain", |f| f.label);
            return Err(FieldError::new(
                "pain-site",
                format!("needs a pain level: give {pain} 0–10 too, or leave the site empty"),
            ));
        }
        Ok(())
    }
}
