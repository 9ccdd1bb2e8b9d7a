//! Rev.ai transcript JSON: `monologues[]`, each a speaker's turn of `elements` (`text`
//! words with `ts`/`end_ts`, `punct` marks and spaces) concatenated as written.

use super::shared::{push_merged, utterance};
use super::vendor_json::{self, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use serde_json::Value;

pub fn from_value(path: &str, v: &Value) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Revai);
    for mono in vendor_json::array(v, "monologues", "the Rev.ai output")? {
        let elements = mono.get("elements").and_then(Value::as_array);
        let elements: &[Value] = elements.map_or(&[], Vec::as_slice);
        let said: String = elements
            .iter()
            .filter_map(|e| e.get("value").and_then(Value::as_str))
            .collect();
        if said.trim().is_empty() {
            continue;
        }
        let timed = || elements.iter().filter(|e| e.get("ts").is_some());
        let start = timed().next().and_then(|e| number(e, "ts"));
        let end = timed().next_back().and_then(|e| number(e, "end_ts"));
        let speaker = text(mono, "speaker_name")
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| format!("Speaker {}", text(mono, "speaker").unwrap_or_default()));
        let line = t.utterances.len() + 1;
        push_merged(&mut t, utterance(speaker.trim(), &said, line, start, end));
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the Rev.ai output has no monologues with text",
        ));
    }
    Ok(t)
}
