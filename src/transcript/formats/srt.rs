//! SubRip (`.srt`): numbered cues, `00:00:01,000 --> 00:00:04,000`, then the text.
//! The speaker comes from a `Name:` prefix; a cue without one continues the previous
//! speaker (subtitles name the speaker when it changes), and a file with no prefixes at
//! all has the single speaker "Speaker".

use super::cues;
use super::shared::lines;
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    cues::read(path, Format::Srt, lines(text), 1)
}

/// True when the first block is an index line followed by a timing line.
pub fn looks_like(text: &str) -> bool {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip_while(|l| l.trim().is_empty());
    let first = lines.next().unwrap_or("").trim();
    let second = lines.next().unwrap_or("");
    !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && second.contains("-->")
}
