//! The one keymap table. Key dispatch, the `?` help overlay and the status-bar hints are
//! all generated from it, so they can never disagree (UX.md "Keys").

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Quit,
    Suspend,
    ToggleHelp,
    Why,
    CloseOverlay,
    ScrollDown,
    ScrollUp,
    ShowToday,
    ShowLog,
    NextScreen,
    PrevScreen,
    LogMarkers,
    LogRun,
    Up,
    Down,
    First,
    Last,
    Toggle,
    Activate,
    StartSequence,
    PauseTimer,
    Longer,
    Shorter,
    SkipTarget,
    ResetTimer,
    PrevDay,
    NextDay,
    Today,
    NextField,
    PrevField,
    NextOrSave,
    PrevChoice,
    NextChoice,
    Save,
    Cancel,
    ShowTrends,
    ShowHistory,
    NextMarker,
    PrevMarker,
    CycleWindow,
    DayLeft,
    DayRight,
    WeekUp,
    WeekDown,
    PrevMonth,
    NextMonth,
    ThisMonth,
    OpenDay,
    /// Edit what the selected row of the Log list holds.
    Edit,
    /// Delete the selected run (after a confirm).
    Delete,
    /// Answer the confirm: yes / no.
    Yes,
    No,
}

/// The screens, in tab order. Only screens that work are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Today,
    Log,
    Trends,
    History,
}

impl Screen {
    pub const ALL: [Screen; 4] = [Screen::Today, Screen::Log, Screen::Trends, Screen::History];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Log => "Log",
            Screen::Trends => "Trends",
            Screen::History => "History",
        }
    }
}

/// What has the keyboard: a screen, a form's text fields, or an overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Screen(Screen),
    Form,
    Overlay,
    /// A question waiting for y / n.
    Confirm,
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, forms included.
    Always,
    /// On every screen and overlay, but not in a form (where keys type).
    Outside,
    /// On every screen.
    Screens,
    On(Screen),
    /// On every screen but this one (which has its own binding for the key).
    Besides(Screen),
    Form,
    Overlay,
    Confirm,
}

impl Scope {
    fn applies(self, mode: Mode) -> bool {
        match (self, mode) {
            (Scope::Always, _) => true,
            (Scope::Outside, m) => m != Mode::Form && m != Mode::Confirm,
            (Scope::Screens, Mode::Screen(_)) => true,
            (Scope::On(s), Mode::Screen(t)) => s == t,
            (Scope::Besides(s), Mode::Screen(t)) => s != t,
            (Scope::Form, Mode::Form) | (Scope::Overlay, Mode::Overlay) | (Scope::Confirm, Mode::Confirm) => {
                true
            }
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    /// The line in the help overlay.
    pub help: &'static str,
    /// The status-bar hint: the keys as shown there, and one word.
    pub hint: Option<(&'static str, &'static str)>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    command: Command,
    help: &'static str,
    hint: Option<(&'static str, &'static str)>,
) -> Binding {
    Binding { scope, keys, command, help, hint }
}

use Command as C;
use Key::{Char, Code, Ctrl};
use Scope::{Always, Besides, Confirm, Form, On, Outside, Overlay, Screens};
const TODAY: Scope = On(Screen::Today);
const TRENDS: Scope = On(Screen::Trends);
const HISTORY: Scope = On(Screen::History);
const LOG: Scope = On(Screen::Log);

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(TODAY, &[Char('j'), Code(KeyCode::Down)], C::Down, "move down", Some(("j/k", "move"))),
    bind(TODAY, &[Char('k'), Code(KeyCode::Up)], C::Up, "move up", None),
    bind(TODAY, &[Char('g'), Code(KeyCode::Home)], C::First, "go to the first item", None),
    bind(TODAY, &[Char('G'), Code(KeyCode::End)], C::Last, "go to the last item", None),
    bind(TODAY, &[Char(' ')], C::Toggle, "tick / untick the item (a sets item ticks its next set)",
         Some(("Space", "tick"))),
    bind(TODAY, &[Code(KeyCode::Enter)], C::Activate, "tick / untick; on a timed item start its timer", None),
    bind(TODAY, &[Char('s')], C::StartSequence, "start the foam-roll sequence at the first open target",
         Some(("s", "timer"))),
    bind(TODAY, &[Char('p')], C::PauseTimer, "pause / resume the timer", None),
    bind(TODAY, &[Char('+'), Char('=')], C::Longer, "add 15 s to the timer", None),
    bind(TODAY, &[Char('-')], C::Shorter, "take 15 s off the timer", None),
    bind(TODAY, &[Char('n')], C::SkipTarget, "skip to the next target (nothing is ticked)", None),
    bind(TODAY, &[Char('x')], C::ResetTimer, "stop and reset the timer", None),
    bind(TODAY, &[Char('[')], C::PrevDay, "previous day (to backfill)", Some(("[/]", "day"))),
    bind(TODAY, &[Char(']')], C::NextDay, "next day", None),
    bind(TODAY, &[Char('t')], C::Today, "back to today", None),
    bind(TODAY, &[Char('v')], C::Why, "why: every rule behind the verdict", Some(("v", "why"))),
    bind(LOG, &[Char('j'), Code(KeyCode::Down)], C::Down, "move down", Some(("j/k", "move"))),
    bind(LOG, &[Char('k'), Code(KeyCode::Up)], C::Up, "move up", None),
    bind(LOG, &[Char('g'), Code(KeyCode::Home)], C::First, "go to the newest day", None),
    bind(LOG, &[Char('G'), Code(KeyCode::End)], C::Last, "go to the oldest day read (again: older days)", None),
    bind(LOG, &[Code(KeyCode::Enter), Char('e')], C::Edit, "edit: the day's markers, or the selected run",
         Some(("Enter", "edit"))),
    bind(LOG, &[Char('d')], C::Delete, "delete the selected run (asks first)", Some(("d", "delete"))),
    bind(LOG, &[Char('m')], C::LogMarkers, "log the selected day's markers", None),
    bind(LOG, &[Char('r')], C::LogRun, "add a run on the selected day", Some(("r", "run"))),
    bind(Besides(Screen::Log), &[Char('m')], C::LogMarkers, "log this morning's markers", Some(("m", "markers"))),
    bind(Besides(Screen::Log), &[Char('r')], C::LogRun, "log a run", Some(("r", "run"))),
    bind(TRENDS, &[Char('l'), Code(KeyCode::Right)], C::NextMarker, "next marker", Some(("h/l", "marker"))),
    bind(TRENDS, &[Char('h'), Code(KeyCode::Left)], C::PrevMarker, "previous marker", None),
    bind(TRENDS, &[Char('w')], C::CycleWindow, "window: 7 / 28 / 90 / 365 days / all", Some(("w", "window"))),
    bind(HISTORY, &[Char('h'), Code(KeyCode::Left)], C::DayLeft, "previous day", Some(("hjkl", "move"))),
    bind(HISTORY, &[Char('l'), Code(KeyCode::Right)], C::DayRight, "next day", None),
    bind(HISTORY, &[Char('k'), Code(KeyCode::Up)], C::WeekUp, "a week back", None),
    bind(HISTORY, &[Char('j'), Code(KeyCode::Down)], C::WeekDown, "a week on", None),
    bind(HISTORY, &[Char('[')], C::PrevMonth, "previous month", Some(("[/]", "month"))),
    bind(HISTORY, &[Char(']')], C::NextMonth, "next month", None),
    bind(HISTORY, &[Char('t')], C::ThisMonth, "this month", None),
    bind(HISTORY, &[Code(KeyCode::Enter)], C::OpenDay, "open the day on Today (to review or backfill)",
         Some(("Enter", "open"))),
    bind(Screens, &[Char('1')], C::ShowToday, "the Today screen", None),
    bind(Screens, &[Char('2')], C::ShowLog, "the Log screen: the last days' markers and runs", None),
    bind(Screens, &[Char('3')], C::ShowTrends, "the Trends screen", None),
    bind(Screens, &[Char('4')], C::ShowHistory, "the History screen", None),
    bind(Screens, &[Code(KeyCode::Tab)], C::NextScreen, "next screen (Today, Log, Trends, History)", None),
    bind(Screens, &[Code(KeyCode::BackTab)], C::PrevScreen, "previous screen", None),
    bind(Form, &[Code(KeyCode::Tab), Code(KeyCode::Down)], C::NextField, "next field", Some(("Tab", "next"))),
    bind(Form, &[Code(KeyCode::BackTab), Code(KeyCode::Up)], C::PrevField, "previous field", None),
    bind(Form, &[Code(KeyCode::Enter)], C::NextOrSave, "next field; on the last field, save the form", None),
    bind(Form, &[Ctrl('s')], C::Save, "save the form, from any field", Some(("Ctrl-S", "save"))),
    bind(Form, &[Code(KeyCode::Left)], C::PrevChoice,
         "the previous choice (run type, pain site, …); in a text field, the cursor left", None),
    bind(Form, &[Code(KeyCode::Right)], C::NextChoice,
         "the next choice (run type, pain site, …); in a text field, the cursor right", None),
    bind(Form, &[Code(KeyCode::Esc)], C::Cancel, "cancel: nothing is saved", Some(("Esc", "cancel"))),
    bind(Confirm, &[Char('y')], C::Yes, "yes, do it", Some(("y", "yes"))),
    bind(Confirm, &[Char('n'), Code(KeyCode::Esc)], C::No, "no, keep it", Some(("n", "no"))),
    bind(Overlay, &[Char('j'), Code(KeyCode::Down)], C::ScrollDown, "scroll down", Some(("j/k", "scroll"))),
    bind(Overlay, &[Char('k'), Code(KeyCode::Up)], C::ScrollUp, "scroll up", None),
    bind(Overlay, &[Code(KeyCode::Esc)], C::CloseOverlay, "close", Some(("Esc", "close"))),
    bind(Outside, &[Char('?')], C::ToggleHelp, "show / hide the help for this screen", Some(("?", "help"))),
    #[cfg(unix)] // job control: the shell's `fg` brings it back
    bind(Always, &[Ctrl('z')], C::Suspend, "suspend to the shell (fg to return)", None),
    bind(Outside, &[Char('q')], C::Quit, "quit", Some(("q", "quit"))),
    bind(Always, &[Ctrl('c')], C::Quit, "quit (also from a form)", Some(("Ctrl-C", "quit"))),
];

/// The bindings that apply in `mode`, in table order.
pub fn active(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scope.applies(mode))
}

fn matches(key: Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    match key {
        Char(c) => event.code == KeyCode::Char(c) && !ctrl && !alt,
        Ctrl(c) => ctrl && !alt && event.code == KeyCode::Char(c),
        Code(code) => event.code == code && !ctrl && !alt,
    }
}

/// The command a key press asks for in `mode`, if any. In a form, keys without a
/// binding are typed into the field.
pub fn command_for(event: &KeyEvent, mode: Mode) -> Option<Command> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    active(mode).find(|b| b.keys.iter().any(|k| matches(*k, event))).map(|b| b.command)
}

/// "j, ↓", "Space, Enter", "Ctrl-C" as shown in the help overlay.
pub fn key_label(key: Key) -> String {
    match key {
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Code(KeyCode::Up) => "↑".into(),
        Code(KeyCode::Down) => "↓".into(),
        Code(KeyCode::Left) => "←".into(),
        Code(KeyCode::Right) => "→".into(),
        Code(KeyCode::BackTab) => "Shift-Tab".into(),
        Code(code) => code.to_string(),
    }
}

pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(|k| key_label(*k)).collect::<Vec<_>>().join(", ")
}

/// The status-bar hints for `mode`: `[("j/k", "move"), …]`.
pub fn hints(mode: Mode) -> Vec<(&'static str, &'static str)> {
    active(mode).filter_map(|b| b.hint).filter(|(keys, _)| *keys != "Ctrl-C" || mode == Mode::Form).collect()
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
