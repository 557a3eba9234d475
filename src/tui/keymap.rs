//! The one keymap table. Key dispatch, the `?` help overlay and the status-bar hints are
//! all generated from it, so they can never disagree (UX.md "Keys").

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Quit,
    ToggleHelp,
    CloseHelp,
    Up,
    Down,
    First,
    Last,
    Toggle,
    PrevDay,
    NextDay,
    Today,
    Suspend,
    ScrollDown,
    ScrollUp,
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, the help overlay included.
    Global,
    /// The Today screen.
    Today,
    /// The help overlay.
    Help,
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
use Scope::{Global, Help, Today};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Today, &[Char('j'), Code(KeyCode::Down)], C::Down, "move down", Some(("j/k", "move"))),
    bind(Today, &[Char('k'), Code(KeyCode::Up)], C::Up, "move up", None),
    bind(Today, &[Char('g'), Code(KeyCode::Home)], C::First, "go to the first item", None),
    bind(Today, &[Char('G'), Code(KeyCode::End)], C::Last, "go to the last item", None),
    bind(Today, &[Char(' '), Code(KeyCode::Enter)], C::Toggle,
         "tick / untick the item (a sets item ticks its next set)", Some(("Space", "tick"))),
    bind(Today, &[Char('[')], C::PrevDay, "previous day (to backfill)", Some(("[/]", "day"))),
    bind(Today, &[Char(']')], C::NextDay, "next day", None),
    bind(Today, &[Char('t')], C::Today, "back to today", None),
    bind(Help, &[Char('j'), Code(KeyCode::Down)], C::ScrollDown, "scroll down", Some(("j/k", "scroll"))),
    bind(Help, &[Char('k'), Code(KeyCode::Up)], C::ScrollUp, "scroll up", None),
    bind(Help, &[Code(KeyCode::Esc)], C::CloseHelp, "close this help", Some(("Esc", "close"))),
    bind(Global, &[Char('?')], C::ToggleHelp, "show / hide the help for this screen", Some(("?", "help"))),
    bind(Global, &[Ctrl('z')], C::Suspend, "suspend to the shell (fg to return)", None),
    bind(Global, &[Char('q'), Ctrl('c')], C::Quit, "quit", Some(("q", "quit"))),
];

/// The bindings that apply to what is on screen, in table order.
pub fn active(help_open: bool) -> impl Iterator<Item = &'static Binding> {
    let scope = if help_open { Help } else { Today };
    BINDINGS.iter().filter(move |b| b.scope == scope || b.scope == Global)
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

/// The command a key press asks for on the current screen, if any.
pub fn command_for(event: &KeyEvent, help_open: bool) -> Option<Command> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    active(help_open).find(|b| b.keys.iter().any(|k| matches(*k, event))).map(|b| b.command)
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

/// The status-bar hints for what is on screen: `[("j/k", "move"), …]`.
pub fn hints(help_open: bool) -> Vec<(&'static str, &'static str)> {
    active(help_open).filter_map(|b| b.hint).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_binding_is_reachable_and_no_key_is_bound_twice_in_a_scope() {
        for help_open in [false, true] {
            let mut seen: Vec<Key> = Vec::new();
            for b in active(help_open) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn keys_map_to_commands() {
        let none = KeyModifiers::NONE;
        assert_eq!(command_for(&press(KeyCode::Char('j'), none), false), Some(C::Down));
        assert_eq!(command_for(&press(KeyCode::Down, none), false), Some(C::Down));
        assert_eq!(command_for(&press(KeyCode::Char(' '), none), false), Some(C::Toggle));
        assert_eq!(command_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), false), Some(C::Quit));
        assert_eq!(command_for(&press(KeyCode::Char('?'), KeyModifiers::SHIFT), false), Some(C::ToggleHelp));
        assert_eq!(command_for(&press(KeyCode::Char('G'), KeyModifiers::SHIFT), false), Some(C::Last));
        assert_eq!(command_for(&press(KeyCode::Char('c'), none), false), None);
        assert_eq!(command_for(&press(KeyCode::Esc, none), false), None);
    }

    #[test]
    fn the_help_overlay_takes_only_its_own_and_global_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(command_for(&press(KeyCode::Esc, none), true), Some(C::CloseHelp));
        assert_eq!(command_for(&press(KeyCode::Char('q'), none), true), Some(C::Quit));
        assert_eq!(command_for(&press(KeyCode::Char(' '), none), true), None);
        assert_eq!(command_for(&press(KeyCode::Char('j'), none), true), Some(C::ScrollDown));
        assert_eq!(command_for(&press(KeyCode::Up, none), true), Some(C::ScrollUp));
    }

    #[test]
    fn releases_are_ignored() {
        let mut e = press(KeyCode::Char('q'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(command_for(&e, false), None);
    }

    #[test]
    fn labels_read_like_keys() {
        assert_eq!(key_label(Char(' ')), "Space");
        assert_eq!(key_label(Ctrl('c')), "Ctrl-C");
        assert_eq!(key_label(Code(KeyCode::Down)), "↓");
        assert_eq!(key_label(Code(KeyCode::Enter)), "Enter");
        assert_eq!(
            hints(false),
            [("j/k", "move"), ("Space", "tick"), ("[/]", "day"), ("?", "help"), ("q", "quit")]
        );
    }
}
