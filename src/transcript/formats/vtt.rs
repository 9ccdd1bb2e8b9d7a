//! WebVTT (`.vtt`), as Zoom, Teams and YouTube export it: the `WEBVTT` header, optional cue
//! identifiers, speakers from `<v Name>` voice spans or a `Name:` prefix, styling tags
//! stripped, NOTE/STYLE/REGION blocks skipped, Teams' unpadded `0:0:0.0` times accepted.

use super::cues;
use super::shared::{lines, trimmed};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    if !looks_like(text) {
        return Err(ParseError::at(
            1,
            "a WebVTT file starts with 'WEBVTT'; is this really a .vtt file?",
        ));
    }
    // The header block runs to the first blank line, where the cues start.
    let mut body = lines(text);
    let mut line_no = 1;
    while body.clone().next().is_some_and(|l| !trimmed(l).is_empty()) {
        body.next();
        line_no += 1;
    }
    cues::read(path, Format::Vtt, body, line_no)
}

pub fn looks_like(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    text.strip_prefix("WEBVTT")
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\n', '\r']))
}
