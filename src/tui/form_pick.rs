//! Pickers: a field with a fixed set of choices (run type, pain site, HRV source, ill).
//! ←/→ cycle through the choices (and empty, for a field that may be empty); typing picks
//! the first choice that starts with what was typed since the field took the focus (or
//! was last emptied or cycled), in any case: `T`, `Te`, `Tempo` are all tempo. A letter
//! that makes it start no choice changes nothing (and is not kept: `Rest` is race, and
//! says the rest was not a choice); Backspace or Delete empties the field to start again.

use super::{Form, FormField, Typed};
use crate::domain::fields::Kind;
use crate::domain::session::Session;
use tui_input::InputRequest;

impl FormField {
    /// The choices of a picker; `None` for a text field.
    pub fn choices(&self) -> Option<&'static [&'static str]> {
        match self.kind {
            Kind::Choice(words) => Some(words),
            Kind::RunType => Some(&Session::RUN_NAMES),
            Kind::YesNo => Some(&["yes", "no"]),
            _ => None,
        }
    }

    /// What ←/→ cycle through: the choices, after an empty one when the field may be empty.
    fn options(&self) -> Vec<&'static str> {
        let choices = self.choices().unwrap_or_default();
        let empty = (!self.required).then_some("");
        empty.into_iter().chain(choices.iter().copied()).collect()
    }
}

impl Form {
    /// ←/→ on a picker: the previous or next choice (`step` −1 or 1), wrapping; an
    /// optional field passes through empty. False when the focused field is a text field.
    pub fn cycle(&mut self, step: isize) -> bool {
        let Some(field) = self.fields.get_mut(self.focus).filter(|f| f.choices().is_some()) else {
            return false;
        };
        let options = field.options();
        let now = field.input.value();
        let at = options.iter().position(|o| o.eq_ignore_ascii_case(now));
        let n = options.len() as isize;
        let next = match at {
            Some(i) => (i as isize + step).rem_euclid(n),
            None if step > 0 => 0,
            None => n - 1,
        };
        let pick = options.get(next as usize).copied().unwrap_or_default();
        field.set(pick);
        field.typed.clear();
        true
    }
}

/// A key in a picker.
pub fn edit(field: &mut FormField, choices: &[&'static str], request: InputRequest) -> Typed {
    use InputRequest as R;
    match request {
        R::InsertChar(c) => {
            let typed = format!("{}{}", field.typed, c.to_ascii_lowercase());
            match choices.iter().find(|w| w.starts_with(&typed)) {
                Some(choice) => {
                    field.set(choice);
                    field.typed = typed;
                    Typed::Done
                }
                None => Typed::NoChoice,
            }
        }
        R::DeletePrevChar
        | R::DeleteNextChar
        | R::DeleteLine
        | R::DeleteTillEnd
        | R::DeleteFromStart
        | R::DeletePrevWord
        | R::DeleteNextWord => {
            field.set("");
            field.typed.clear();
            Typed::Done
        }
        _ => Typed::Done,
    }
}

/// A paste into a picker: the choice the text (trimmed) starts, in any case.
pub fn paste(field: &mut FormField, choices: &[&'static str], text: &str) -> Typed {
    let wanted = text.trim().to_ascii_lowercase();
    match choices.iter().find(|c| !wanted.is_empty() && c.starts_with(&wanted)) {
        Some(choice) => {
            field.set(choice);
            field.typed = wanted;
            Typed::Done
        }
        None => Typed::NoChoice,
    }
}
