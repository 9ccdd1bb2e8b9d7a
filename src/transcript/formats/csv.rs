//! CSV: a header naming a speaker column and a text column (common aliases accepted),
//! with optional `start`, `end` (seconds or hh:mm:ss) and `role` columns. The line of an
//! utterance is the line where its record starts, quoted multi-line fields included.

use super::csv_records::Records;
use super::shared::{parse_clock, utterance};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Role, Transcript};
use std::borrow::Cow;

const SPEAKER: [&str; 6] = [
    "speaker",
    "speaker_label",
    "speaker_name",
    "name",
    "participant",
    "channel",
];
const TEXT: [&str; 6] = [
    "text",
    "utterance",
    "transcript",
    "content",
    "message",
    "sentence",
];
const START: [&str; 5] = ["start", "start_time", "start_s", "begin", "from"];
const END: [&str; 4] = ["end", "end_time", "end_s", "to"];
const ROLE: [&str; 3] = ["role", "speaker_role", "participant_role"];

/// Where each known column sits in the header.
struct Columns {
    speaker: usize,
    text: usize,
    start: Option<usize>,
    end: Option<usize>,
    role: Option<usize>,
}

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Csv);
    let text = text.trim_start_matches('\u{feff}');
    let mut records = Records::new(text, delimiter(text));
    let mut fields = Vec::new();
    // A text with no record has an empty header, which names no columns.
    records.next_into(&mut fields);
    let cols = columns(&fields)?;
    while let Some(line) = records.next_into(&mut fields) {
        let field = |i: usize| fields.get(i).map_or("", |f| f.as_ref());
        let speaker = field(cols.speaker);
        let said = field(cols.text);
        if speaker.is_empty() && said.is_empty() {
            continue;
        }
        if speaker.is_empty() {
            return Err(ParseError::at(line, "row has text but no speaker"));
        }
        let time = |col: Option<usize>, what: &str| -> Result<Option<f64>, ParseError> {
            match col.map(field).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => parse_clock(v).map(Some).ok_or_else(|| {
                    ParseError::at(
                        line,
                        format!("{what} time '{v}' is not seconds or hh:mm:ss"),
                    )
                }),
            }
        };
        let (start, end) = (time(cols.start, "start")?, time(cols.end, "end")?);
        if let Some(role) = cols.role.map(field).and_then(Role::parse_loose) {
            t.state_role(speaker, role);
        }
        t.utterances
            .push(utterance(speaker, said, line, start, end));
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new("the CSV has a header but no rows"));
    }
    Ok(t)
}

/// Commas, or the semicolons and tabs that spreadsheet exports in some locales use
/// (the most frequent in the header; commas win ties).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .filter(|d| header.as_bytes().contains(d))
        .unwrap_or(b',')
}

fn columns(header: &[Cow<'_, str>]) -> Result<Columns, ParseError> {
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let (Some(speaker), Some(text)) = (find(&SPEAKER), find(&TEXT)) else {
        let seen: Vec<&str> = header.iter().take(8).map(|h| h.as_ref()).collect();
        return Err(ParseError::at(
            1,
            format!(
                "the CSV header needs a 'speaker' and a 'text' column (found: {})",
                seen.join(", ")
            ),
        ));
    };
    Ok(Columns {
        speaker,
        text,
        start: find(&START),
        end: find(&END),
        role: find(&ROLE),
    })
}

/// True when the first line is a header with a speaker and a text column.
pub fn looks_like(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let cells: Vec<String> = first
        .split([',', ';', '\t'])
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |names: &[&str]| cells.iter().any(|c| names.contains(&c.as_str()));
    has(&SPEAKER) && has(&TEXT)
}
