//! A CSV file's header row, read before any row: which column goes where, with which
//! conversion. RELIABILITY rule 20: one file's columns keep one meaning. Our own column
//! names always use our scales; a file that mixes them with a wellness export's names, or
//! repeats a column (or two names of one field), is refused before anything is read.

use super::columns::{self, Convert, RUN_ID, Role, WELLNESS_DATE};
use crate::domain::records::{MARKER_FIELDS, RUN_FIELDS};
use crate::error::{Error, Result};
use crate::text::{self, quote};
use std::collections::HashMap;

/// How long a header name may be in a message.
const NAME_CHARS: usize = 40;
/// How many names a message lists.
const MOST_NAMES: usize = 8;

/// `file:1: what` (exit 65); `file` is already fit to print.
pub fn error(file: &str, what: String, todo: String) -> Error {
    Error::bad_input(format!("{file}:1: {}", quote(&what, 600)), "import", todo)
}

fn quoted(name: &str) -> String {
    format!("'{}'", quote(name, NAME_CHARS))
}

/// A header named twice is refused: which value would count?
pub fn refuse_repeats(headers: &[String], file: &str) -> Result<()> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(j) = first.insert(h.as_str(), i) {
            return Err(error(
                file,
                format!("column {} appears twice (columns {} and {})", quoted(h), j + 1, i + 1),
                "nothing was imported; keep one column of each name".into(),
            ));
        }
    }
    Ok(())
}

/// Where a markers file's columns go.
#[derive(Debug)]
pub struct MarkerPlan {
    pub date: usize,
    /// Per column: our column and the conversion; `None` for the date and ignored columns.
    pub targets: Vec<Option<(&'static str, Convert)>>,
    /// A wellness export's columns that have no place here (fit to print).
    pub ignored: Vec<String>,
    /// "sleepSecs → sleep_hours: seconds → hours" (fit to print).
    pub converted: Vec<String>,
}

/// The plan of a markers file or a wellness export.
pub fn markers(headers: &[String], file: &str) -> Result<MarkerPlan> {
    let roles: Vec<Role> = headers.iter().map(|h| columns::role(h)).collect();
    let named = |keep: fn(&Role) -> bool| -> Vec<&str> {
        headers.iter().zip(&roles).filter(|(_, r)| keep(r)).map(|(h, _)| h.as_str()).collect()
    };
    if let Some((h, Role::Ambiguous { ours, theirs })) =
        headers.iter().zip(&roles).find(|(_, r)| matches!(r, Role::Ambiguous { .. }))
    {
        return Err(error(
            file,
            format!(
                "column {} could be cooldown's {ours} or a wellness export's {theirs}, whose scales differ",
                quoted(h)
            ),
            format!(
                "nothing was imported; name it {ours} (cooldown's scale) or {theirs} (as the export wrote it)"
            ),
        ));
    }
    let ours = named(|r| matches!(r, Role::Ours(_)));
    let theirs = named(|r| matches!(r, Role::Wellness(..) | Role::WellnessDate));
    if !ours.is_empty() && !theirs.is_empty() {
        return Err(mixed(headers, &roles, &ours, &theirs, file));
    }
    let wellness = !theirs.is_empty();
    let dates = named(|r| matches!(r, Role::Date | Role::WellnessDate));
    let date = match dates.as_slice() {
        [] => {
            return Err(error(
                file,
                "no date column".into(),
                "the first line must name the columns, with `date` among them".into(),
            ));
        }
        [_] => roles.iter().position(|r| matches!(r, Role::Date | Role::WellnessDate)).unwrap_or(0),
        [a, b, ..] => {
            return Err(error(
                file,
                format!("two date columns, {} and {}", quoted(a), quoted(b)),
                "nothing was imported; keep one date column".into(),
            ));
        }
    };
    let mut plan = MarkerPlan { date, targets: Vec::new(), ignored: Vec::new(), converted: Vec::new() };
    let mut holds: HashMap<&str, &str> = HashMap::new();
    for (h, role) in headers.iter().zip(&roles) {
        let target = match *role {
            Role::Ours(c) => Some((c, Convert::Same)),
            Role::Shared(c, convert) => Some((c, if wellness { convert } else { Convert::Same })),
            Role::Wellness(c, convert) => Some((c, convert)),
            Role::Unknown if wellness => {
                plan.ignored.push(quote(h, NAME_CHARS));
                None
            }
            Role::Unknown => {
                return Err(error(
                    file,
                    format!("unknown column {}", quoted(h)),
                    format!("use date plus any of {}", columns::header(&MARKER_FIELDS)[1..].join(", ")),
                ));
            }
            Role::Date | Role::WellnessDate | Role::Ambiguous { .. } => None,
        };
        if let Some((column, convert)) = target {
            if let Some(first) = holds.insert(column, h) {
                return Err(error(
                    file,
                    format!("columns {} and {} both hold {column}", quoted(first), quoted(h)),
                    "nothing was imported; keep one of them".into(),
                ));
            }
            if convert != Convert::Same {
                plan.converted.push(format!("{} → {column}: {}", quote(h, NAME_CHARS), convert.describe()));
            }
        }
        plan.targets.push(target);
    }
    Ok(plan)
}

/// Our names beside a wellness export's: which are which, and how to make it one kind.
fn mixed(headers: &[String], roles: &[Role], ours: &[&str], theirs: &[&str], file: &str) -> Error {
    let renames: Vec<String> = headers
        .iter()
        .zip(roles)
        .filter_map(|(h, r)| match r {
            Role::Wellness(c, Convert::Same) => Some(format!("{} → {c}", quote(h, NAME_CHARS))),
            Role::Wellness(c, convert) => {
                Some(format!("{} → {c} ({})", quote(h, NAME_CHARS), convert.describe()))
            }
            Role::WellnessDate => Some(format!("{WELLNESS_DATE} → date")),
            _ => None,
        })
        .collect();
    error(
        file,
        format!(
            "the columns mix cooldown's own names ({}) with a wellness export's ({}), so their scales cannot be told apart",
            text::names(ours, NAME_CHARS, MOST_NAMES),
            text::names(theirs, NAME_CHARS, MOST_NAMES)
        ),
        format!(
            "nothing was imported; use cooldown's names and scales throughout ({}), or only the export's names as it wrote them",
            text::names(&renames, 2 * NAME_CHARS, MOST_NAMES)
        ),
    )
}

/// Where a runs file's columns are.
#[derive(Debug)]
pub struct RunPlan {
    pub date: usize,
    /// The run's id, as our export writes it.
    pub id: Option<usize>,
    /// Per field of `RUN_FIELDS` the file has: its column and where it is.
    pub fields: Vec<(&'static str, usize)>,
}

/// The plan of a runs file: `date`, `id` and the columns of `RUN_FIELDS`, nothing else.
pub fn runs(headers: &[String], file: &str) -> Result<RunPlan> {
    let mut known = columns::header(&RUN_FIELDS);
    known.push(RUN_ID);
    if let Some(h) = headers.iter().find(|h| !known.contains(&h.as_str())) {
        return Err(error(
            file,
            format!("unknown column {}", quoted(h)),
            format!("use {}", known.join(", ")),
        ));
    }
    let at = |name: &str| headers.iter().position(|h| h == name);
    Ok(RunPlan {
        date: at("date").ok_or_else(|| {
            error(
                file,
                "no date column".into(),
                "the first line must name the columns, with `date` among them".into(),
            )
        })?,
        id: at(RUN_ID),
        fields: RUN_FIELDS.iter().filter_map(|s| Some((s.column, at(s.column)?))).collect(),
    })
}
