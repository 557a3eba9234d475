//! Text read from a file — header names, cells, file names — made safe to print on a
//! terminal or in a message (RELIABILITY rule 15): control characters replaced, long texts
//! cut, so a file cannot move the cursor, recolour the terminal or flood it.

/// `text` with every control character (escape, newline, tab, …) replaced by `?`.
pub fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { '?' } else { c }).collect()
}

/// `clean(text)`, cut to `max` characters with `…` at the end.
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        clean(text)
    } else {
        clean(&text.chars().take(max.saturating_sub(1)).collect::<String>()) + "…"
    }
}

/// Names as a list, each cut to `each` characters, at most `most` of them, then how many
/// more: "restingHR, sleepSecs and 3 more".
pub fn names<S: AsRef<str>>(names: &[S], each: usize, most: usize) -> String {
    let shown: Vec<String> = names.iter().take(most).map(|n| short(n.as_ref(), each)).collect();
    match names.len().saturating_sub(most) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(clean("a\u{1b}[31mred\r\n\tb\u{7f}"), "a?[31mred???b?");
        assert_eq!(clean("Schlaf ÄÖÜ"), "Schlaf ÄÖÜ");
        assert_eq!(short("abcdef", 4), "abc…");
        assert_eq!(short("a\u{7}c", 4), "a?c");
        assert_eq!(names(&["a", "b", "c"], 10, 2), "a, b and 1 more");
        assert_eq!(names(&["x\u{1b}"], 10, 2), "x?");
    }
}
