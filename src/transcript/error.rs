//! Errors from reading a transcript: each names the file, the line where it helps, and what to do.

use std::fmt;

/// A problem found while parsing the text of one file, before the path is known to the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub message: String,
}

impl ParseError {
    pub fn new(message: impl Into<String>) -> ParseError {
        ParseError {
            line: None,
            message: message.into(),
        }
    }

    pub fn at(line: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line: Some(line),
            message: message.into(),
        }
    }
}

/// An input that could not be read: the one-line message users see.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ReadError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl ReadError {
    pub fn new(path: &str, err: ParseError) -> ReadError {
        ReadError {
            path: path.to_string(),
            line: err.line,
            message: err.message,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}
