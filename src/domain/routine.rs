//! The recovery routine as data: phases on the timeline after a run, items in them.
//!
//! The default ships as `assets/routine.toml`; a user's `routine.toml` replaces it. A bad
//! file is refused with the file and line named (ROUTINE.md, UX.md).

use super::pain::{self, PainMap};
use super::readiness::Level;
use super::session::Session;
use super::targets::Formula;
use super::tomlfile::{FileError, Located, echo};
use serde::Deserialize;
use toml::Spanned;

/// The routine compiled into the binary.
pub const DEFAULT_ROUTINE: &str = include_str!("../../assets/routine.toml");

/// Bounds of a routine file: a checklist is a short list, a phase's window a few words.
pub const MAX_PHASES: usize = 20;
pub const MAX_ITEMS: usize = 200;
pub const MAX_WINDOW_CHARS: usize = 60;

#[derive(Clone, Debug, PartialEq)]
pub struct Routine {
    pub phases: Vec<Phase>,
    pub items: Vec<Item>,
    /// Which items load which pain site (`[[pain]]`).
    pub pain: PainMap,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub id: String,
    pub title: String,
    pub window: String,
    /// Minutes after the run's end when the phase starts and ends; `None` for extras.
    pub from_min: Option<u32>,
    pub to_min: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub phase: String,
    pub title: String,
    pub kind: ItemKind,
    pub sessions: Vec<Session>,
    pub minutes: f64,
    pub optional: bool,
    pub note: Option<String>,
    /// What cooldown fills in: a target's amount, or the advice for the next session.
    pub computed: Option<Computed>,
    /// The mornings it appears on (empty: every morning).
    pub verdicts: Vec<Level>,
    /// Strength or activation work: replaced on a morning with pain 4 or more.
    pub strength: bool,
}

/// `computed = "…"`: content cooldown works out for the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Computed {
    Target(Formula),
    /// What to do in the next session, from the morning's verdict.
    NextSession,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Check,
    /// A countdown; `None` takes `[timers] foam_roll_seconds`.
    Timed {
        seconds: Option<u32>,
    },
    Sets {
        total: u8,
    },
    Target,
}

impl ItemKind {
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Check => "check",
            ItemKind::Timed { .. } => "timed",
            ItemKind::Sets { .. } => "sets",
            ItemKind::Target => "target",
        }
    }
}

impl Routine {
    /// The built-in routine. It is tested to parse, so this cannot fail in a release.
    pub fn builtin() -> Result<Routine, FileError> {
        Routine::parse(DEFAULT_ROUTINE, "built-in routine")
    }

    /// The items that appear on a day with this session, in file order (items that
    /// depend on the morning's verdict are left out).
    pub fn items_for(&self, session: Session) -> impl Iterator<Item = &Item> {
        self.items_on(session, None)
    }

    /// The items of a day with this session and this morning's verdict.
    pub fn items_on(&self, session: Session, verdict: Option<Level>) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |item| {
            item.sessions.contains(&session)
                && (item.verdicts.is_empty() || verdict.is_some_and(|v| item.verdicts.contains(&v)))
        })
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    /// Parses a routine file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Routine, FileError> {
        let at = Located::new(text, file);
        let raw: RawRoutine = toml::from_str(text).map_err(|e| at.toml_error(&e))?;
        if let Some(extra) = raw.phases.get(MAX_PHASES) {
            return Err(at.error(extra.id.span(), format!("more than {MAX_PHASES} [[phases]]")));
        }
        if let Some(extra) = raw.items.get(MAX_ITEMS) {
            return Err(at.error(extra.id.span(), format!("more than {MAX_ITEMS} [[items]]")));
        }
        let mut phases: Vec<Phase> = Vec::new();
        for p in raw.phases {
            let id = at.id(&p.id, "phase id")?;
            if phases.iter().any(|q| q.id == id) {
                return Err(at.error(p.id.span(), format!("phase id '{id}' is used twice")));
            }
            let (from_min, to_min) = match (p.from_min, p.to_min) {
                (None, None) => (None, None),
                (Some(from), Some(to)) => {
                    let from_v = at.int_in(&from, "from_min", 0, 10_080)?;
                    let to_v = at.int_in(&to, "to_min", 1, 10_080)?;
                    if to_v <= from_v {
                        return Err(at.error(to.span(), "to_min must be after from_min"));
                    }
                    (Some(from_v), Some(to_v))
                }
                (Some(one), None) | (None, Some(one)) => {
                    return Err(at.error(one.span(), "give both from_min and to_min, or neither"));
                }
            };
            phases.push(Phase {
                id,
                title: at.title(&p.title, "title")?,
                window: match &p.window {
                    Some(w) => at.text(w, "window", MAX_WINDOW_CHARS)?,
                    None => String::new(),
                },
                from_min,
                to_min,
            });
        }
        let mut items: Vec<Item> = Vec::new();
        for raw_item in raw.items {
            let item = raw_item.build(&at, &phases)?;
            if items.iter().any(|i| i.id == item.id) {
                return Err(at.error(raw_item.id.span(), format!("item id '{}' is used twice", item.id)));
            }
            items.push(item);
        }
        if items.is_empty() {
            return Err(at.error(0..0, "the routine has no [[items]]"));
        }
        let pain = pain_map(&at, &raw.pain, &items)?;
        Ok(Routine { phases, items, pain })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutine {
    #[serde(default)]
    phases: Vec<RawPhase>,
    #[serde(default)]
    items: Vec<RawItem>,
    #[serde(default)]
    pain: Vec<RawPain>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPain {
    site: Spanned<String>,
    items: Spanned<Vec<String>>,
}

/// `[[pain]]`: each site once, one of the fixed list, its items defined above.
fn pain_map(at: &Located, raw: &[RawPain], items: &[Item]) -> Result<PainMap, FileError> {
    let mut map = PainMap::default();
    for p in raw {
        let site = p.site.get_ref();
        if !pain::SITES.contains(&site.as_str()) {
            let message = format!("pain site '{}' is not one of {}", echo(site), pain::SITES.join(", "));
            return Err(at.error(p.site.span(), message));
        }
        if map.sites.iter().any(|(s, _)| s == site) {
            return Err(at.error(p.site.span(), format!("pain site '{site}' is listed twice")));
        }
        if let Some(unknown) = p.items.get_ref().iter().find(|id| !items.iter().any(|i| i.id == **id)) {
            return Err(at.error(p.items.span(), format!("item '{}' is not defined", echo(unknown))));
        }
        map.sites.push((site.clone(), p.items.get_ref().clone()));
    }
    Ok(map)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    id: Spanned<String>,
    title: Spanned<String>,
    window: Option<Spanned<String>>,
    from_min: Option<Spanned<toml::Value>>,
    to_min: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    phase: Spanned<String>,
    title: Spanned<String>,
    kind: Spanned<String>,
    sessions: Spanned<Vec<String>>,
    minutes: Option<Spanned<toml::Value>>,
    seconds: Option<Spanned<toml::Value>>,
    sets: Option<Spanned<toml::Value>>,
    #[serde(default)]
    optional: bool,
    note: Option<Spanned<String>>,
    computed: Option<Spanned<String>>,
    verdicts: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    strength: bool,
}

impl RawItem {
    fn build(&self, at: &Located, phases: &[Phase]) -> Result<Item, FileError> {
        let id = at.id(&self.id, "item id")?;
        if !phases.iter().any(|p| p.id == *self.phase.get_ref()) {
            let known: Vec<&str> = phases.iter().map(|p| p.id.as_str()).collect();
            return Err(at.error(
                self.phase.span(),
                format!("phase '{}' is not defined; known: {}", echo(self.phase.get_ref()), known.join(", ")),
            ));
        }
        let kind = self.kind(at)?;
        let minutes = match &self.minutes {
            Some(m) => at.real_in(m, "minutes", 0.0, 240.0)?,
            None => 0.0,
        };
        let note = match &self.note {
            Some(n) => Some(at.title(n, "note")?),
            None => None,
        };
        Ok(Item {
            id,
            phase: self.phase.get_ref().clone(),
            title: at.title(&self.title, "title")?,
            kind,
            sessions: self.sessions(at)?,
            minutes,
            optional: self.optional,
            note,
            computed: self.computed(at, kind)?,
            verdicts: self.verdicts(at)?,
            strength: self.strength,
        })
    }

    fn computed(&self, at: &Located, kind: ItemKind) -> Result<Option<Computed>, FileError> {
        let Some(name) = &self.computed else { return Ok(None) };
        let value = match (name.get_ref().as_str(), kind) {
            ("next-session", ItemKind::Check) => Computed::NextSession,
            (other, ItemKind::Target) => match Formula::parse(other) {
                Some(f) => Computed::Target(f),
                None => {
                    return Err(at.error(
                        name.span(),
                        format!(
                            "computed '{}' is not one of carbs, carbs-hourly, protein, fluid",
                            echo(other)
                        ),
                    ));
                }
            },
            (other, _) => {
                return Err(at.error(
                    name.span(),
                    format!("computed '{}': a target item takes carbs, carbs-hourly, protein or fluid; a check item takes next-session", echo(other)),
                ));
            }
        };
        Ok(Some(value))
    }

    fn verdicts(&self, at: &Located) -> Result<Vec<Level>, FileError> {
        let Some(list) = &self.verdicts else { return Ok(Vec::new()) };
        let all = [Level::Go, Level::GoCaution, Level::Easy, Level::Rest, Level::NoData];
        list.get_ref()
            .iter()
            .map(|name| {
                all.into_iter().find(|l| l.name().eq_ignore_ascii_case(name)).ok_or_else(|| {
                    at.error(
                        list.span(),
                        format!("verdict '{}' is not one of go, go_caution, easy, rest, no_data", echo(name)),
                    )
                })
            })
            .collect()
    }

    fn kind(&self, at: &Located) -> Result<ItemKind, FileError> {
        let name = self.kind.get_ref().as_str();
        let only_for = |field: &Option<Spanned<toml::Value>>, key: &str, kind: &str| match field {
            Some(v) if name != kind => {
                Err(at.error(v.span(), format!("'{key}' is only for kind = \"{kind}\"")))
            }
            _ => Ok(()),
        };
        only_for(&self.seconds, "seconds", "timed")?;
        only_for(&self.sets, "sets", "sets")?;
        match name {
            "check" => Ok(ItemKind::Check),
            "target" => Ok(ItemKind::Target),
            "timed" => {
                let seconds = match &self.seconds {
                    Some(s) => Some(at.int_in(s, "seconds", 1, 600)?),
                    None => None,
                };
                Ok(ItemKind::Timed { seconds })
            }
            "sets" => match &self.sets {
                Some(s) => Ok(ItemKind::Sets { total: at.int_in(s, "sets", 1, 20)? as u8 }),
                None => Err(at.error(self.kind.span(), "a sets item needs 'sets = N' (1–20)")),
            },
            other => Err(at.error(
                self.kind.span(),
                format!("kind '{}' is not one of check, timed, sets, target", echo(other)),
            )),
        }
    }

    fn sessions(&self, at: &Located) -> Result<Vec<Session>, FileError> {
        let mut out: Vec<Session> = Vec::new();
        for name in self.sessions.get_ref() {
            let add: Vec<Session> = match name.as_str() {
                "all" => std::iter::once(Session::Rest).chain(Session::RUNS).collect(),
                "runs" => Session::RUNS.to_vec(),
                other => match Session::parse(other) {
                    Some(s) => vec![s],
                    None => {
                        return Err(at.error(
                            self.sessions.span(),
                            format!(
                                "session '{}' is not one of all, runs, rest, easy, tempo, \
                                 intervals, long, race, cross",
                                echo(other)
                            ),
                        ));
                    }
                },
            };
            for s in add {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        if out.is_empty() {
            return Err(at.error(self.sessions.span(), "sessions is empty; the item would never show"));
        }
        Ok(out)
    }
}

#[cfg(test)]
#[path = "routine_tests.rs"]
mod tests;
