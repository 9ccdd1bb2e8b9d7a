//! JSON Lines: one callscore JSON transcript per line, one call per line. Each call keeps
//! the file as its path; its id is the object's `id`, else `<stem>:<line>`.

use super::callscore_json;
use super::vendor_json;
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript, default_call_id};

pub fn read(path: &str, text: &str) -> Result<Vec<Transcript>, ParseError> {
    let stem = default_call_id(path);
    let mut calls = Vec::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        // Errors point at the file's line; an utterance's index goes into the message.
        let at_line = |e: ParseError| match e.line {
            Some(index) if e.message.starts_with("utterance") => {
                ParseError::at(line_no, format!("{} (utterance {index})", e.message))
            }
            _ => ParseError::at(line_no, e.message),
        };
        let value = vendor_json::parse(line).map_err(at_line)?;
        let mut t = callscore_json::from_value(path, &value, Format::Jsonl).map_err(at_line)?;
        if value.get("id").is_none() && value.get("call_id").is_none() {
            t.id = format!("{stem}:{line_no}");
        }
        calls.push(t);
    }
    if calls.is_empty() {
        return Err(ParseError::new(
            "no transcripts found; JSON Lines has one call per line",
        ));
    }
    Ok(calls)
}

/// True when the first content line is a JSON object and so is the next one, if any.
pub fn looks_like(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    first.starts_with('{')
        && first.ends_with('}')
        && lines.next().is_none_or(|l| l.starts_with('{'))
}
