//! Named styles, so views say what a thing is, not which colour it has. The 16 named
//! terminal colours only, so the user's palette applies; `NO_COLOR` removes every colour
//! and keeps bold, dim and reverse, which carry the meaning together with the text.

use crate::domain::readiness::Level;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn phase(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn text(&self) -> Style {
        Style::new()
    }

    pub fn done(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn saved(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The active tab: reversed, so it reads without colour.
    pub fn tab_active(&self) -> Style {
        self.title().add_modifier(Modifier::REVERSED)
    }

    /// The verdict word: bold and reversed; the colour only supports the word.
    pub fn verdict(&self, level: Level) -> Style {
        let color = match level {
            Level::Go => Color::Green,
            Level::GoCaution => Color::Cyan,
            Level::Easy => Color::Yellow,
            Level::Rest => Color::Red,
            Level::NoData => Color::Gray,
        };
        self.fg(color).add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// A verdict's colour alone (the strip and the calendar, where a letter says it).
    pub fn verdict_fg(&self, level: Level) -> Style {
        let color = match level {
            Level::Go => Color::Green,
            Level::GoCaution => Color::Cyan,
            Level::Easy => Color::Yellow,
            Level::Rest => Color::Red,
            Level::NoData => Color::Gray,
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }

    /// A text field being edited.
    pub fn field(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }
}
