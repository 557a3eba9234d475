use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const TODAY_MODE: Mode = Mode::Screen(Screen::Today);

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    let modes = Screen::ALL.into_iter().map(Mode::Screen).chain([Mode::Form, Mode::Overlay, Mode::Confirm]);
    for mode in modes {
        let mut seen: Vec<Key> = Vec::new();
        for b in active(mode) {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice in {mode:?}");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn keys_map_to_commands_on_today() {
    assert_eq!(command_for(&press(KeyCode::Char('j'), NONE), TODAY_MODE), Some(C::Down));
    assert_eq!(command_for(&press(KeyCode::Down, NONE), TODAY_MODE), Some(C::Down));
    assert_eq!(command_for(&press(KeyCode::Char(' '), NONE), TODAY_MODE), Some(C::Toggle));
    assert_eq!(command_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), TODAY_MODE), Some(C::Quit));
    assert_eq!(command_for(&press(KeyCode::Char('?'), KeyModifiers::SHIFT), TODAY_MODE), Some(C::ToggleHelp));
    assert_eq!(command_for(&press(KeyCode::Char('G'), KeyModifiers::SHIFT), TODAY_MODE), Some(C::Last));
    assert_eq!(command_for(&press(KeyCode::Char('m'), NONE), TODAY_MODE), Some(C::LogMarkers));
    assert_eq!(command_for(&press(KeyCode::Char('v'), NONE), TODAY_MODE), Some(C::Why));
    assert_eq!(command_for(&press(KeyCode::Tab, NONE), TODAY_MODE), Some(C::NextScreen));
    assert_eq!(command_for(&press(KeyCode::Enter, NONE), TODAY_MODE), Some(C::Activate));
    assert_eq!(command_for(&press(KeyCode::Char('+'), KeyModifiers::SHIFT), TODAY_MODE), Some(C::Longer));
    assert_eq!(command_for(&press(KeyCode::Char('='), NONE), TODAY_MODE), Some(C::Longer));
    assert_eq!(command_for(&press(KeyCode::Char('s'), NONE), TODAY_MODE), Some(C::StartSequence));
    assert_eq!(command_for(&press(KeyCode::Char('c'), NONE), TODAY_MODE), None);
    assert_eq!(command_for(&press(KeyCode::Esc, NONE), TODAY_MODE), None);
}

#[test]
fn in_a_form_letters_type_and_only_form_keys_and_ctrl_c_act() {
    for c in ['q', 'm', 'r', '?', 'j', '1', ' '] {
        assert_eq!(command_for(&press(KeyCode::Char(c), NONE), Mode::Form), None, "{c}");
    }
    assert_eq!(command_for(&press(KeyCode::Tab, NONE), Mode::Form), Some(C::NextField));
    assert_eq!(command_for(&press(KeyCode::BackTab, KeyModifiers::SHIFT), Mode::Form), Some(C::PrevField));
    assert_eq!(command_for(&press(KeyCode::Down, NONE), Mode::Form), Some(C::NextField));
    assert_eq!(command_for(&press(KeyCode::Up, NONE), Mode::Form), Some(C::PrevField));
    assert_eq!(command_for(&press(KeyCode::Enter, NONE), Mode::Form), Some(C::NextOrSave));
    assert_eq!(command_for(&press(KeyCode::Char('s'), KeyModifiers::CONTROL), Mode::Form), Some(C::Save));
    assert_eq!(command_for(&press(KeyCode::Left, NONE), Mode::Form), Some(C::PrevChoice));
    assert_eq!(command_for(&press(KeyCode::Right, NONE), Mode::Form), Some(C::NextChoice));
    // Shifted letters type (a picker reads `T` as the start of tempo).
    assert_eq!(command_for(&press(KeyCode::Char('T'), KeyModifiers::SHIFT), Mode::Form), None);
    assert_eq!(command_for(&press(KeyCode::Esc, NONE), Mode::Form), Some(C::Cancel));
    assert_eq!(command_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), Mode::Form), Some(C::Quit));
}

#[test]
fn overlays_take_only_their_own_and_outside_keys() {
    assert_eq!(command_for(&press(KeyCode::Esc, NONE), Mode::Overlay), Some(C::CloseOverlay));
    assert_eq!(command_for(&press(KeyCode::Char('q'), NONE), Mode::Overlay), Some(C::Quit));
    assert_eq!(command_for(&press(KeyCode::Char('j'), NONE), Mode::Overlay), Some(C::ScrollDown));
    assert_eq!(command_for(&press(KeyCode::Char(' '), NONE), Mode::Overlay), None);
    assert_eq!(command_for(&press(KeyCode::Char('m'), NONE), Mode::Overlay), None);
}

#[test]
fn releases_are_ignored() {
    let mut e = press(KeyCode::Char('q'), NONE);
    e.kind = KeyEventKind::Release;
    assert_eq!(command_for(&e, TODAY_MODE), None);
}

#[test]
fn labels_and_hints_come_from_the_table() {
    assert_eq!(key_label(Char(' ')), "Space");
    assert_eq!(key_label(Ctrl('c')), "Ctrl-C");
    assert_eq!(key_label(Code(KeyCode::Down)), "↓");
    assert_eq!(key_label(Code(KeyCode::Enter)), "Enter");
    assert_eq!(
        hints(TODAY_MODE),
        [
            ("j/k", "move"),
            ("Space", "tick"),
            ("s", "timer"),
            ("[/]", "day"),
            ("v", "why"),
            ("m", "markers"),
            ("r", "run"),
            ("?", "help"),
            ("q", "quit")
        ]
    );
    assert_eq!(
        hints(Mode::Form),
        [("Tab", "next"), ("Ctrl-S", "save"), ("Esc", "cancel"), ("Ctrl-C", "quit")]
    );
}

const LOG_MODE: Mode = Mode::Screen(Screen::Log);

#[test]
fn the_log_list_takes_screen_keys_and_its_own() {
    // Outside a form, the Log screen is a screen like any other: `3` goes to Trends.
    for (c, command) in
        [('1', C::ShowToday), ('3', C::ShowTrends), ('4', C::ShowHistory), ('?', C::ToggleHelp)]
    {
        assert_eq!(command_for(&press(KeyCode::Char(c), NONE), LOG_MODE), Some(command), "{c}");
    }
    assert_eq!(command_for(&press(KeyCode::Char('q'), NONE), LOG_MODE), Some(C::Quit));
    assert_eq!(command_for(&press(KeyCode::Char('j'), NONE), LOG_MODE), Some(C::Down));
    assert_eq!(command_for(&press(KeyCode::Enter, NONE), LOG_MODE), Some(C::Edit));
    assert_eq!(command_for(&press(KeyCode::Char('e'), NONE), LOG_MODE), Some(C::Edit));
    assert_eq!(command_for(&press(KeyCode::Char('d'), NONE), LOG_MODE), Some(C::Delete));
    assert_eq!(command_for(&press(KeyCode::Char('r'), NONE), LOG_MODE), Some(C::LogRun));
    assert_eq!(command_for(&press(KeyCode::Char('m'), NONE), LOG_MODE), Some(C::LogMarkers));
    // Each key is listed once in its help: the Log screen's own `m` and `r` replace the others.
    assert_eq!(active(LOG_MODE).filter(|b| b.command == C::LogRun).count(), 1);
}

#[test]
fn a_confirm_takes_only_yes_no_and_ctrl_c() {
    assert_eq!(command_for(&press(KeyCode::Char('y'), NONE), Mode::Confirm), Some(C::Yes));
    assert_eq!(command_for(&press(KeyCode::Char('n'), NONE), Mode::Confirm), Some(C::No));
    assert_eq!(command_for(&press(KeyCode::Esc, NONE), Mode::Confirm), Some(C::No));
    for c in ['q', 'd', '3', '?', 'j'] {
        assert_eq!(command_for(&press(KeyCode::Char(c), NONE), Mode::Confirm), None, "{c}");
    }
    assert_eq!(command_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), Mode::Confirm), Some(C::Quit));
}
