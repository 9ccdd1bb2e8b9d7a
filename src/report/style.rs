//! ANSI colours for the text reports, or plain text when colour is off.

use crate::rules::Severity;
use std::fmt::Display;

/// Paints text when colour is on; otherwise returns it unchanged.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: impl Display) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: impl Display) -> String {
        self.paint("1", text)
    }

    pub fn dim(self, text: impl Display) -> String {
        self.paint("2", text)
    }

    pub fn green(self, text: impl Display) -> String {
        self.paint("32", text)
    }

    pub fn red(self, text: impl Display) -> String {
        self.paint("31", text)
    }

    /// A severity word in its colour: errors red, warnings yellow, infos blue.
    pub fn severity(self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;34",
        };
        self.paint(code, s.as_str())
    }

    /// A score coloured by how good it is.
    pub fn score(self, score: u32, width: usize) -> String {
        let code = match score {
            80.. => "32",
            60..80 => "33",
            _ => "31",
        };
        self.paint(code, format!("{score:>width$}"))
    }
}
