//! Otter-style text: a header line `Name  0:03` (two or more spaces or a tab, then a time),
//! then the lines of what that speaker said, until the next header.

use super::shared::{is_clock, parse_clock, plausible_name, push_words, utterance};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};

/// Otter's export footer, not speech.
const FOOTER: &str = "Transcribed by ";

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Otter);
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_start_matches('\u{feff}').trim_end();
        if line.trim().is_empty() || line.starts_with(FOOTER) {
            continue;
        }
        if let Some((name, time)) = header(line) {
            // The text starts on the next line; the line number points at the header.
            t.utterances
                .push(utterance(name, "", line_no, parse_clock(time), None));
            continue;
        }
        match t.utterances.last_mut() {
            Some(last) => push_words(&mut last.text, line),
            None => {
                return Err(ParseError::at(
                    line_no,
                    "text before the first 'Name  0:00' header; is this an Otter export?",
                ));
            }
        }
    }
    t.utterances.retain(|u| !u.text.is_empty());
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "no utterances found; Otter blocks start with 'Name  0:03' followed by the text",
        ));
    }
    Ok(t)
}

/// `Dana Smith  0:03` / `Dana\t1:02:03` -> ("Dana Smith", "0:03").
pub fn header(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let split = line.rfind([' ', '\t'])?;
    let (name_part, time) = (&line[..split], line[split + 1..].trim());
    if !is_clock(time) {
        return None;
    }
    // A real header separates name and time by a tab or at least two spaces.
    let separated = name_part.ends_with([' ', '\t']) || line[split..].starts_with('\t');
    let name = name_part.trim_end();
    (separated && plausible_name(name)).then_some((name, time))
}

/// True when the text reads as Otter: its first content line is a `Name  0:03` header.
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}'))
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| header(l.trim_end()).is_some())
}
