use super::*;

fn ids(routine: &Routine, session: Session) -> Vec<&str> {
    routine.items_for(session).map(|i| i.id.as_str()).collect()
}

#[test]
fn the_builtin_routine_parses() {
    let r = Routine::builtin().unwrap();
    assert_eq!(
        r.phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["ease-off", "immediately", "2-6h", "6-24h", "24-48h", "tools"]
    );
    assert!(r.items.iter().all(|i| r.phase(&i.phase).is_some()));
}

#[test]
fn easy_runs_get_mobility_foam_rolling_meal_and_water() {
    let r = Routine::builtin().unwrap();
    for s in [Session::Easy, Session::Cross] {
        assert_eq!(
            ids(&r, s),
            [
                "mobility",
                "foam-calves",
                "foam-quads",
                "foam-glutes",
                "meal",
                "water",
                "sleep-hygiene",
                "plan-next"
            ]
        );
    }
}

#[test]
fn hard_sessions_get_the_full_immediate_phase_walk_and_activation() {
    let r = Routine::builtin().unwrap();
    for s in [Session::Tempo, Session::Intervals, Session::Race] {
        let got = ids(&r, s);
        for want in [
            "mobility",
            "foam-hamstrings",
            "glute-bridges",
            "single-leg-rdl",
            "lateral-walks",
            "step-downs",
            "carbs",
            "protein",
            "fluid",
            "walk",
            "activation-session",
            "plan-next",
        ] {
            assert!(got.contains(&want), "{s}: {want} missing from {got:?}");
        }
        assert!(!got.contains(&"meal"), "{s}");
        // Listed, but computed away unless the run was long or the day before was hard.
        assert!(got.contains(&"carbs-hourly"), "{s}");
    }
    assert!(ids(&r, Session::Intervals).contains(&"cold-water"));
    assert!(!ids(&r, Session::Tempo).contains(&"cold-water"));
}

#[test]
fn long_runs_get_the_full_routine_with_hourly_carbs_and_a_nap() {
    let r = Routine::builtin().unwrap();
    let got = ids(&r, Session::Long);
    for want in ["carbs-hourly", "nap", "soft-tissue", "fluid", "compression"] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
    assert!(got.len() > ids(&r, Session::Tempo).len());
}

#[test]
fn rest_days_get_mobility_soft_tissue_a_walk_and_sleep() {
    let r = Routine::builtin().unwrap();
    assert_eq!(ids(&r, Session::Rest), ["mobility", "walk", "soft-tissue", "sleep-hygiene", "plan-next"]);
}

#[test]
fn item_kinds_are_read() {
    let r = Routine::builtin().unwrap();
    let kind = |id: &str| r.items.iter().find(|i| i.id == id).unwrap().kind;
    assert_eq!(kind("mobility"), ItemKind::Check);
    assert_eq!(kind("foam-calves"), ItemKind::Timed { seconds: None });
    assert_eq!(kind("glute-bridges"), ItemKind::Sets { total: 2 });
    assert_eq!(kind("protein"), ItemKind::Target);
}

const GOOD_HEAD: &str = "[[phases]]\nid = \"now\"\ntitle = \"Now\"\n\n";

fn parse_err(body: &str) -> FileError {
    Routine::parse(&format!("{GOOD_HEAD}{body}"), "routine.toml").unwrap_err()
}

#[test]
fn a_minimal_routine_parses() {
    let r = Routine::parse(
        &format!(
            "{GOOD_HEAD}[[items]]\nid = \"x\"\nphase = \"now\"\ntitle = \"X\"\nkind = \"timed\"\n\
             seconds = 120\nsessions = [\"rest\"]\n"
        ),
        "routine.toml",
    )
    .unwrap();
    assert_eq!(r.items[0].kind, ItemKind::Timed { seconds: Some(120) });
    assert_eq!(r.items[0].sessions, [Session::Rest]);
}

#[test]
fn bad_routines_name_the_file_and_line() {
    let item = |extra: &str| {
        format!(
            "[[items]]\nid = \"x\"\nphase = \"now\"\ntitle = \"X\"\nkind = \"check\"\n\
             sessions = [\"runs\"]\n{extra}"
        )
    };
    let cases: Vec<(String, usize, &str)> = vec![
        ("[[items]\nid = 1\n".into(), 5, "unclosed array table"),
        (item("colour = \"red\"\n"), 11, "unknown field"),
        (item("").replace("\"now\"", "\"later\""), 7, "phase 'later' is not defined"),
        (item("").replace("\"check\"", "\"stretch\""), 9, "kind 'stretch'"),
        (item("").replace("\"runs\"", "\"jog\""), 10, "session 'jog'"),
        (item("").replace("\"runs\"", ""), 10, "sessions is empty"),
        (item("").replace("\"x\"", "\"Foam Calves\""), 6, "must be 1–40 characters"),
        (item("seconds = 90\n"), 11, "only for kind = \"timed\""),
        (item("minutes = -3\n"), 11, "minutes = -3 is outside 0–240"),
        (item("").replace("\"check\"", "\"sets\""), 9, "needs 'sets = N'"),
        (item("").replace("\"check\"", "\"sets\"") + "sets = 0\n", 11, "sets = 0 is outside 1–20"),
        (
            item("").replace("\"check\"", "\"timed\"") + "seconds = 601\n",
            11,
            "seconds = 601 is outside 1–600",
        ),
        (format!("{}\n{}", item(""), item("")), 13, "item id 'x' is used twice"),
        (item("").replace("\"X\"", "\"\""), 8, "title must be one line"),
    ];
    for (body, line, needle) in cases {
        let err = parse_err(&body);
        assert_eq!(err.file, "routine.toml");
        assert!(err.message.contains(needle), "{needle:?} not in {err}");
        assert_eq!(err.line, Some(line), "{err}");
    }
}

#[test]
fn a_routine_without_items_is_refused() {
    let err = Routine::parse(GOOD_HEAD, "routine.toml").unwrap_err();
    assert!(err.message.contains("no [[items]]"), "{err}");
}

#[test]
fn phase_windows_must_be_ordered_and_paired() {
    let err = Routine::parse("[[phases]]\nid = \"a\"\ntitle = \"A\"\nfrom_min = 30\nto_min = 10\n", "r")
        .unwrap_err();
    assert_eq!((err.line, err.message.as_str()), (Some(5), "to_min must be after from_min"));
    let err = Routine::parse("[[phases]]\nid = \"a\"\ntitle = \"A\"\nfrom_min = 30\n", "r").unwrap_err();
    assert!(err.message.contains("both"), "{err}");
}

#[test]
fn easy_and_rest_mornings_add_the_ease_off_items() {
    let r = Routine::builtin().unwrap();
    let on = |v| r.items_on(Session::Tempo, v).map(|i| i.id.as_str()).collect::<Vec<_>>();
    for v in [None, Some(Level::Go), Some(Level::GoCaution), Some(Level::NoData)] {
        assert!(!on(v).contains(&"extra-mobility"), "{v:?}");
    }
    for v in [Level::Easy, Level::Rest] {
        assert_eq!(on(Some(v))[..2], ["extra-mobility", "easy-walk"], "{v:?}");
    }
}

#[test]
fn computed_items_are_read_and_checked() {
    let r = Routine::builtin().unwrap();
    let computed = |id: &str| r.items.iter().find(|i| i.id == id).unwrap().computed;
    assert_eq!(computed("protein"), Some(Computed::Target(Formula::Protein)));
    assert_eq!(computed("carbs-hourly"), Some(Computed::Target(Formula::CarbsHourly)));
    assert_eq!(computed("plan-next"), Some(Computed::NextSession));
    assert_eq!(computed("mobility"), None);
    let item = |extra: &str| {
        format!(
            "[[items]]\nid = \"x\"\nphase = \"now\"\ntitle = \"X\"\nkind = \"target\"\nsessions = [\"all\"]\n{extra}"
        )
    };
    let err = parse_err(&item("computed = \"beer\"\n"));
    assert_eq!((err.line, err.message.contains("not one of carbs")), (Some(11), true), "{err}");
    let err = parse_err(&item("computed = \"next-session\"\n"));
    assert!(err.message.contains("'next-session' is not one of carbs"), "{err}");
    let err = parse_err(&item("verdicts = [\"meh\"]\n"));
    assert!(err.message.contains("verdict 'meh'"), "{err}");
}

#[test]
fn every_text_field_is_one_bounded_line_and_echoes_are_clean() {
    let phase = |window: &str| format!("[[phases]]\nid = \"a\"\ntitle = \"A\"\nwindow = \"{window}\"\n");
    let item =
        "[[items]]\nid = \"x\"\nphase = \"a\"\ntitle = \"X\"\nkind = \"check\"\nsessions = [\"all\"]\n";
    let parse = |window: &str| Routine::parse(&format!("{}\n{item}", phase(window)), "r");
    assert_eq!(parse("0–30 min").unwrap().phases[0].window, "0–30 min");
    for bad in ["\\u001b[2J", "now\\u0007", "a\\nb", "\\t", &"w".repeat(61)] {
        let err = parse(bad).unwrap_err();
        assert_eq!(err.line, Some(4), "{bad}: {err}");
        assert!(err.message.contains("window must be one line of 1–60 characters"), "{bad}: {err}");
    }
    let item = item.replace("\"a\"", "\"now\"");
    let err = parse_err(&item.replace("\"check\"", "\"\\u001b]0;pwned\\u0007\""));
    assert!(err.message.contains("kind '\u{FFFD}]0;pwned\u{FFFD}'"), "{err}");
    let err = parse_err(&item.replace("\"check\"", &format!("\"{}\"", "k".repeat(5000))));
    assert!(err.message.chars().count() < 150, "{err}");
    let many: String = (0..=MAX_ITEMS).map(|n| item.replace("\"x\"", &format!("\"x{n}\""))).collect();
    let err = parse_err(&many);
    assert!(err.message.contains("more than 200 [[items]]"), "{err}");
}
