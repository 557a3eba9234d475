//! `cooldown status --format TEXT`: the template of the status line. Placeholders in
//! braces (`{verdict}`, `{timer}`, `{done}`, `{total}`, `{next}`), `{{` and `}}` for a
//! brace; any other text is kept, its control characters replaced. Text between two
//! placeholders shows only when both have something to say, text before the first or
//! after the last only when that one has: `{verdict} · {timer}` is `EASY`, `foam quads
//! 0:42` or `EASY · foam quads 0:42`, and nothing at all when both are empty.

use std::fmt;

/// What a status line can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Today's verdict (`GO`, `GO CAUTION`, `EASY`, `REST`), once the morning is logged.
    Verdict,
    /// The foam-roll timer: `foam quads 0:42`, `foam quads 0:42 paused`, `foam quads +0:07`.
    Timer,
    /// Checklist items ticked, and their number.
    Done,
    Total,
    /// The next item to do.
    Next,
}

pub const FIELDS: [(&str, Field); 5] = [
    ("verdict", Field::Verdict),
    ("timer", Field::Timer),
    ("done", Field::Done),
    ("total", Field::Total),
    ("next", Field::Next),
];

/// The default: the verdict and any timer.
#[cfg(test)]
const DEFAULT: &str = "{verdict} · {timer}";

/// The longest `--format` accepted, in characters.
pub const MAX_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(Field),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Format(Vec<Piece>);

/// Why a `--format` is refused (a usage error: clap prints it and exits 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(String);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormatError {}

fn allowed() -> String {
    FIELDS.iter().map(|(name, _)| format!("{{{name}}}")).collect::<Vec<_>>().join(", ")
}

fn refuse(what: String) -> FormatError {
    FormatError(format!("{what}; use {}, and {{{{ }}}} for a brace", allowed()))
}

/// Parses `--format` (clap's value parser).
pub fn parse(text: &str) -> Result<Format, FormatError> {
    if text.chars().count() > MAX_CHARS {
        return Err(refuse(format!("longer than {MAX_CHARS} characters")));
    }
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                literal.push('}');
            }
            '}' => return Err(refuse("a '}' with no '{' before it".into())),
            '{' => {
                let mut name = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    name.push(c);
                }
                let shown = crate::text::quote(&name, 30);
                if !closed {
                    return Err(refuse(format!("'{{{shown}' is not closed")));
                }
                let Some(field) = FIELDS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f) else {
                    return Err(refuse(format!("unknown placeholder {{{shown}}}")));
                };
                if !literal.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Field(field));
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    if !pieces.iter().any(|p| matches!(p, Piece::Field(_))) {
        return Err(refuse("no placeholder".into()));
    }
    Ok(Format(pieces))
}

impl Format {
    /// `{verdict} · {timer}`.
    pub fn default_format() -> Format {
        Format(vec![Piece::Field(Field::Verdict), Piece::Text(" · ".into()), Piece::Field(Field::Timer)])
    }

    /// Whether the line uses `field` (what is not used is not read).
    pub fn uses(&self, field: Field) -> bool {
        self.0.contains(&Piece::Field(field))
    }

    /// The line, with `value` giving each placeholder's text ("" when it has nothing to
    /// say); empty when no placeholder has anything. Control characters are replaced.
    pub fn render(&self, value: impl Fn(Field) -> String) -> String {
        let values: Vec<Option<String>> = self
            .0
            .iter()
            .map(|p| match p {
                Piece::Field(f) => Some(value(*f)),
                Piece::Text(_) => None,
            })
            .collect();
        let said = |i: usize| values.get(i).and_then(|v| v.as_ref()).is_none_or(|v| !v.is_empty());
        if values.iter().flatten().all(String::is_empty) {
            return String::new();
        }
        let mut out = String::new();
        for (i, piece) in self.0.iter().enumerate() {
            match piece {
                Piece::Field(_) => out.push_str(values[i].as_deref().unwrap_or_default()),
                // Text beside a placeholder shows when that placeholder has something.
                Piece::Text(t) if (i == 0 || said(i - 1)) && said(i + 1) => out.push_str(t),
                Piece::Text(_) => {}
            }
        }
        crate::text::clean(&out).trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(format: &str, verdict: &str, timer: &str) -> String {
        parse(format).unwrap().render(|f| match f {
            Field::Verdict => verdict.into(),
            Field::Timer => timer.into(),
            Field::Done => "3".into(),
            Field::Total => "11".into(),
            Field::Next => String::new(),
        })
    }

    #[test]
    fn text_shows_beside_placeholders_that_say_something() {
        assert_eq!(parse(DEFAULT).unwrap(), Format::default_format());
        assert_eq!(line(DEFAULT, "EASY", "foam quads 0:42"), "EASY · foam quads 0:42");
        assert_eq!(line(DEFAULT, "EASY", ""), "EASY");
        assert_eq!(line(DEFAULT, "", "foam quads 0:42"), "foam quads 0:42");
        assert_eq!(line(DEFAULT, "", ""), "");
        assert_eq!(line("run: {verdict} ({done}/{total})", "GO", ""), "run: GO (3/11)");
        assert_eq!(line("[{timer}]", "GO", ""), "");
        assert_eq!(line("{{{verdict}}}", "GO", ""), "{GO}");
    }

    #[test]
    fn a_bad_format_names_what_is_wrong_and_the_placeholders() {
        let err = parse("{verdict} {mood}").unwrap_err().to_string();
        assert!(
            err.starts_with("unknown placeholder {mood}; use {verdict}, {timer}, {done}, {total}, {next}"),
            "{err}"
        );
        assert!(parse("{verdict").unwrap_err().to_string().contains("'{verdict' is not closed"));
        assert!(parse("{verdict}{timer").unwrap_err().to_string().contains("'{timer' is not closed"));
        assert!(parse("verdict}").unwrap_err().to_string().contains("'}' with no '{'"));
        assert!(parse("plain text").unwrap_err().to_string().starts_with("no placeholder"));
        assert!(parse(&"x{verdict}".repeat(40)).unwrap_err().to_string().starts_with("longer than 200"));
        let hostile = parse("{\u{1b}]0;pwned\u{7}}").unwrap_err().to_string();
        assert!(!hostile.contains('\u{1b}') && !hostile.contains('\u{7}'), "{hostile:?}");
    }

    #[test]
    fn control_characters_in_the_text_are_replaced() {
        let shown = line("\u{1b}[31m{verdict}\r\n", "GO", "");
        assert_eq!(shown, "\u{FFFD}[31mGO\u{FFFD}\u{FFFD}");
    }
}
