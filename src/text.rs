//! User-facing words shared by the dashboard and the command line, in one place.

use crate::domain::checklist::{Checklist, Entry, Group, KEEP_SHORT_MINUTES};
use crate::domain::routine::ItemKind;
use crate::domain::targets::{self, Amount};
use crate::domain::timeline;
use crate::domain::trends::{self, Direction, Marker, Summary};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::path::Path;

/// What a control character becomes in text that reaches a terminal or a file.
pub const REPLACEMENT: char = '\u{FFFD}';

/// One line of text safe for a terminal: every control character (ESC, BEL, CR, LF, TAB,
/// DEL, the C1 range) replaced by U+FFFD, so user text (a path, a routine field, a CSV
/// header or cell) can neither move the cursor, retitle the window nor split the line.
/// Borrows when there is nothing to replace.
pub fn clean(text: &str) -> Cow<'_, str> {
    replace_controls(text, |_| false)
}

/// A page or a multi-line output safe for a terminal: like [`clean`], but line breaks
/// (`\n`, and `\r` right before `\n`) and tabs stay.
pub fn clean_lines(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    replace_controls(text, |at| match bytes[at] {
        b'\n' | b'\t' => true,
        b'\r' => bytes.get(at + 1) == Some(&b'\n'),
        _ => false,
    })
}

/// A path for a message, cleaned like any user text.
pub fn path(path: &Path) -> String {
    clean(&path.display().to_string()).into_owned()
}

/// User text echoed in a message: cleaned, and cut to `max` characters with "…".
pub fn quote(text: &str, max: usize) -> String {
    let cleaned = clean(text);
    if cleaned.chars().count() > max {
        format!("{}…", cleaned.chars().take(max).collect::<String>())
    } else {
        cleaned.into_owned()
    }
}

/// Names as a list, each quoted to `each` characters, at most `most` of them, then how many
/// more: "restingHR, sleepSecs and 3 more".
pub fn names<S: AsRef<str>>(names: &[S], each: usize, most: usize) -> String {
    let shown: Vec<String> = names.iter().take(most).map(|n| quote(n.as_ref(), each)).collect();
    match names.len().saturating_sub(most) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Replaces the control characters of `text` except those at byte offsets `keep` accepts.
fn replace_controls(text: &str, keep: impl Fn(usize) -> bool) -> Cow<'_, str> {
    let bad = |(at, c): &(usize, char)| c.is_control() && !keep(*at);
    if !text.char_indices().any(|ic| bad(&ic)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.char_indices().map(|ic| if bad(&ic) { REPLACEMENT } else { ic.1 }).collect())
}

/// A phase's heading on a day's page: "From yesterday's long run · 6–24 h" for a phase
/// carried from an earlier day's run, its title otherwise.
pub fn group_title(c: &Checklist, g: &Group) -> String {
    match g.from {
        Some(session) => {
            let when = match (c.date - g.day).num_days() {
                1 => "yesterday's".to_string(),
                _ => format!("{}'s", g.day.format("%A")),
            };
            format!("From {when} {} · {}", session.label(), g.phase.title)
        }
        None => g.phase.title.clone(),
    }
}

/// A phase's window on a day's page: clock times when it follows a run ("11:00–15:00",
/// "Sun 07:00–Sun 11:00"); the routine's words for a phase outside the timeline ("this
/// morning's verdict"); nothing for a timeline phase on a day without a run (its words —
/// "later today" — would be about a run there is not).
pub fn group_window(c: &Checklist, g: &Group) -> String {
    match g.window {
        Some((start, end)) => timeline::clock(start, end, c.date),
        None if g.phase.from_min.is_some() => String::new(),
        None => g.phase.window.clone(),
    }
}

pub const EMPTY_CHECKLIST: &str = "Nothing on the checklist for this day.";

pub const WELCOME_TITLE: &str = " Welcome to cooldown ";

/// The welcome on an empty database: what to do first. Each line fits the box at 80
/// columns (76); narrower, the box wraps them.
pub const WELCOME: [&str; 4] = [
    "1. Each morning, press m to log markers: sleep, soreness, HRV, resting HR.",
    "2. After a run, press r and log it: the checklist below scales to it.",
    "3. Work through the checklist: j/k to move, Space to tick; [ ] other days.",
    "Take the tour first:  cooldown --demo",
];

/// The welcome, shorter, for small terminals: the same three things and the tour.
pub const WELCOME_COMPACT: [&str; 2] = ["m log markers · r log a run · Space tick", "Tour: cooldown --demo"];

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> [String; 2] {
    ["Terminal too small".into(), format!("need {min_width}×{min_height}, have {width}×{height}")]
}

/// `1:30` for 90 seconds.
pub fn duration(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `[x]`, `[ ]`, or `1/2` for a sets item on its way.
pub fn mark(e: &Entry) -> String {
    match e.item.kind {
        ItemKind::Sets { .. } if !e.ticked() => format!("{}/{}", e.sets_done, e.sets_total),
        _ if e.ticked() => "[x]".into(),
        _ => "[ ]".into(),
    }
}

/// "yesterday", "3 days ago".
pub fn days_ago(today: NaiveDate, date: NaiveDate) -> String {
    match (today - date).num_days() {
        1 => "yesterday".into(),
        n if n > 1 => format!("{n} days ago"),
        _ => "ahead of today".into(),
    }
}

/// The status line after a tick was committed.
pub fn saved_tick(item: &str, sets_done: u8, sets_total: u8) -> String {
    match (sets_total, sets_done) {
        (1, 1) => format!("saved: {item} ticked"),
        (1, _) | (_, 0) => format!("saved: {item} unticked"),
        (t, d) => format!("saved: {item} {d}/{t}"),
    }
}

/// The status line after the markers form was committed.
pub fn saved_markers(date: NaiveDate) -> String {
    format!("saved: markers for {}", date.format("%a %-d %b"))
}

/// The status line after the run form was committed: a new run, `id`.
pub fn saved_run(run: &crate::domain::records::Run, id: i64) -> String {
    format!("saved: run {id} ending {}: {}, {} min", run.at.format("%H:%M"), run.kind.label(), run.minutes)
}

/// The status line after the edit-run form was committed.
pub fn edited_run(run: &crate::domain::records::Run, id: i64) -> String {
    format!(
        "saved: run {id} is now {}, {} min, ended {} on {}",
        run.kind.label(),
        run.minutes,
        run.at.format("%H:%M"),
        run.day.format("%a %-d %b")
    )
}

/// The status line after a run was deleted.
pub fn deleted_run(run: &crate::domain::records::Run, id: i64) -> String {
    format!(
        "deleted run {id}: {}, {} min, ended {} on {} (its ticks stay with the day)",
        run.kind.label(),
        run.minutes,
        run.at.format("%H:%M"),
        run.day.format("%a %-d %b")
    )
}

/// A run edited or deleted from the screen was gone already (deleted in another terminal).
pub fn no_run(id: i64) -> String {
    format!("run {id} is no longer there (changed in another terminal?): nothing changed")
}

/// `s` on a day whose checklist has no foam-roll targets.
pub fn no_foam_rolling(session: crate::domain::session::Session) -> String {
    if session == crate::domain::session::Session::Rest {
        "a rest day: there is no foam rolling today (log a run with r and its targets appear)".into()
    } else {
        "there is no foam rolling on this day's checklist".into()
    }
}

/// "1 change", "3 changes".
pub fn changes(n: usize) -> String {
    if n == 1 { "1 change".into() } else { format!("{n} changes") }
}

/// The status bar's word on the dashboard's write queue, when there is one to say: a
/// write waits for another process's write lock, or quit waits for the queue to empty.
pub fn write_queue(pending: usize, waiting: bool, quitting: bool) -> Option<String> {
    let n = changes(pending);
    match (waiting, quitting) {
        (true, false) => Some(format!("waiting for the database · {n} to save")),
        (true, true) => {
            Some(format!("waiting for the database · saving {n} before quitting · q: quit without"))
        }
        (false, true) => Some(format!("saving {n} before quitting")),
        (false, false) => None,
    }
}

/// Ctrl-Z (or SIGTSTP) where nothing could continue a stopped dashboard (it was started
/// straight in a window or a tmux pane, with no shell's job control above it).
pub fn cannot_suspend() -> &'static str {
    "not suspended: no shell here could bring cooldown back (fg); q quits"
}

/// The status line when a click outside an open form is ignored.
pub fn form_is_open() -> &'static str {
    "a form is open: Ctrl-S saves it, Esc cancels it"
}

/// The status line when a form is closed with Esc.
pub fn form_cancelled() -> &'static str {
    "cancelled: nothing saved"
}

/// The status line when a save found bad fields (each is marked next to itself).
pub fn fields_to_fix(n: usize) -> String {
    let fields = if n == 1 { "1 field".to_string() } else { format!("{n} fields") };
    format!("{fields} to fix — nothing saved")
}

/// The status line when a picker has no choice that starts with what was typed.
pub fn no_such_choice(label: &str, choices: &[&str]) -> String {
    format!(
        "{label} is one of {}: ←/→ to choose, or Backspace and type its first letters",
        choices.join(", ")
    )
}

/// The status line when an edited run is saved with nothing changed.
pub fn run_unchanged() -> &'static str {
    "nothing changed: the run is as it was"
}

/// The status line when a form field is full and typing or a paste went past its end.
pub fn field_full() -> String {
    format!("a field holds up to {} characters: the rest was left out", crate::domain::values::MAX_TEXT_CHARS)
}

/// "20 g (0.3 g/kg × 68 kg)", "2.1–2.6 L (…) — with sodium…", or the prompt to get a
/// number.
pub fn amount(a: &Amount) -> String {
    let shown = targets::show(a);
    let mut out = if shown.is_empty() { a.formula.clone() } else { format!("{shown} ({})", a.formula) };
    if let Some(note) = &a.note {
        out.push_str(&format!(" — {note}"));
    }
    out
}

/// Over 20 minutes: "22 min planned, over 20: drop foam-hamstrings to keep it to 20 min".
pub fn keep_short(c: &Checklist) -> Option<String> {
    let planned = c.planned_minutes();
    if planned <= KEEP_SHORT_MINUTES {
        return None;
    }
    let (drop, left) = c.to_drop();
    Some(if drop.is_empty() {
        format!("{planned} min planned, over {KEEP_SHORT_MINUTES} even without the optional items")
    } else {
        let titles: Vec<&str> = drop.iter().map(|e| e.item.title.as_str()).collect();
        format!(
            "{planned} min planned, over {KEEP_SHORT_MINUTES}: drop {} to keep it to {left} min",
            titles.join(", ")
        )
    })
}

/// "latest 62.3 ms (28 Nov) · 7-day mean 61.5 ms · usual 59–64 ms · steady"; `acwr` for the
/// training load (`Some(None)`: not enough weeks for it).
pub fn trend_summary(marker: Marker, s: &Summary, acwr: Option<Option<f64>>) -> String {
    let unit = marker.unit();
    let with_unit = |v: f64| {
        if unit.starts_with('/') {
            format!("{}{unit}", trends::show(v))
        } else {
            format!("{} {unit}", trends::show(v))
        }
    };
    let mut parts = Vec::new();
    match s.latest {
        Some((day, v)) => parts.push(format!("latest {} ({})", with_unit(v), day.format("%-d %b"))),
        None => parts.push("nothing logged".into()),
    }
    // Load is a mean per day over the week (rest days count as none).
    let per = if marker == Marker::Load { "/day" } else { "" };
    if let Some(m) = s.mean7 {
        parts.push(format!("7-day mean {}{per}", with_unit(m)));
    }
    match s.band {
        Some((lo, hi)) if (hi - lo).abs() > f64::EPSILON => {
            parts.push(format!("usual {}–{} {unit}", trends::show(lo), trends::show(hi)));
        }
        Some((lo, _)) if marker == Marker::Sleep => parts.push(format!("the {} line", with_unit(lo))),
        Some((lo, _)) => parts.push(format!("baseline {}", with_unit(lo))),
        None => {}
    }
    parts.push(match s.direction {
        Direction::Up(c) => format!("↑ {}{per} on the week before", with_unit(c)),
        Direction::Down(c) => format!("↓ {}{per} on the week before", with_unit(-c)),
        Direction::Steady => "steady".into(),
        Direction::Unknown => "direction: too few days".into(),
    });
    if let Some(acwr) = acwr {
        parts.push(acwr.map_or("ACWR – (needs 4 weeks of runs with RPE)".into(), |a| format!("ACWR {a:.2}")));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(clean("plain – text"), Cow::Borrowed("plain – text"));
        assert_eq!(
            clean("a\u{1b}[2Jb\u{7}c\nd\te\u{7f}\u{9b}f"),
            "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}f"
        );
        assert_eq!(
            clean_lines("a,b\r\nc\td\n\u{1b}]0;x\u{7}\re"),
            "a,b\r\nc\td\n\u{FFFD}]0;x\u{FFFD}\u{FFFD}e"
        );
        assert_eq!(clean_lines("line\n"), Cow::Borrowed("line\n"));
        assert_eq!(path(Path::new("/tmp/a\u{1b}b")), "/tmp/a\u{FFFD}b");
        assert_eq!(quote("ab\u{1b}cdef", 4), "ab\u{FFFD}c…");
        assert_eq!(quote("abc", 4), "abc");
    }

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration(90), "1:30");
        assert_eq!(duration(5), "0:05");
        assert_eq!(duration(600), "10:00");
    }

    #[test]
    fn days_ago_reads_naturally() {
        let d = |n| NaiveDate::from_ymd_opt(2026, 11, n).unwrap();
        assert_eq!(days_ago(d(28), d(27)), "yesterday");
        assert_eq!(days_ago(d(28), d(20)), "8 days ago");
    }

    #[test]
    fn saved_messages_name_the_item_and_sets() {
        assert_eq!(saved_tick("mobility", 1, 1), "saved: mobility ticked");
        assert_eq!(saved_tick("mobility", 0, 1), "saved: mobility unticked");
        assert_eq!(saved_tick("glute-bridges", 1, 2), "saved: glute-bridges 1/2");
        assert_eq!(saved_tick("glute-bridges", 0, 2), "saved: glute-bridges unticked");
    }
}
