//! WebVTT (`.vtt`), as Zoom, Teams and YouTube export it: the `WEBVTT` header, optional cue
//! identifiers, speakers from `<v Name>` voice spans or a `Name:` prefix, styling tags
//! stripped, NOTE/STYLE/REGION blocks skipped, Teams' unpadded `0:0:0.0` times accepted.

use super::cues;
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    if !looks_like(text) {
        return Err(ParseError::at(
            1,
            "a WebVTT file starts with 'WEBVTT'; is this really a .vtt file?",
        ));
    }
    // The header block runs to the first blank line.
    let body = lines
        .iter()
        .position(|l| l.trim().is_empty())
        .unwrap_or(lines.len());
    cues::read(path, Format::Vtt, &lines[body..], body + 1)
}

pub fn looks_like(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    text.strip_prefix("WEBVTT")
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\n', '\r']))
}
