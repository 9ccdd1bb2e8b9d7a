//! JSON Lines: one callscore JSON transcript per line, one call per line. Each call keeps
//! the file as its path; its id is the object's `id`, else `<stem>:<line>`.

use super::callscore_json;
use super::callscore_json_direct;
use super::vendor_json;
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript, default_call_id};

pub fn read(path: &str, text: &str) -> Result<Vec<Transcript>, ParseError> {
    let mut calls = Vec::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        if !line.trim().is_empty() {
            calls.push(read_line(path, line, i + 1)?);
        }
    }
    if calls.is_empty() {
        return Err(ParseError::new(
            "no transcripts found; JSON Lines has one call per line",
        ));
    }
    Ok(calls)
}

/// Reads one line of a JSON Lines stream (for streaming callers such as `score -`).
/// Errors point at the file's line; an utterance's index goes into the message.
pub fn read_line(path: &str, line: &str, line_no: usize) -> Result<Transcript, ParseError> {
    let at_line = |e: ParseError| match e.line {
        Some(index) if e.message.starts_with("utterance") => {
            ParseError::at(line_no, format!("{} (utterance {index})", e.message))
        }
        _ => ParseError::at(line_no, e.message),
    };
    if let Some(read) = callscore_json_direct::read(path, line, Format::Jsonl) {
        let (mut t, named) = read.map_err(at_line)?;
        if !named {
            t.id = format!("{}:{line_no}", default_call_id(path));
        }
        return Ok(t);
    }
    let value = vendor_json::parse(line).map_err(at_line)?;
    let mut t = callscore_json::from_value(path, &value, Format::Jsonl).map_err(at_line)?;
    if value.get("id").is_none() && value.get("call_id").is_none() {
        t.id = format!("{}:{line_no}", default_call_id(path));
    }
    Ok(t)
}

/// True when the first content line is a JSON object and so is the next one, if any.
pub fn looks_like(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    first.starts_with('{')
        && first.ends_with('}')
        && lines.next().is_none_or(|l| l.starts_with('{'))
}
