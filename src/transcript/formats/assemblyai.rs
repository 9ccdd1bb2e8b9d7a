//! AssemblyAI transcript JSON: `utterances[]` with `speaker` ("A", "B"), times in
//! milliseconds; files without utterances are read from `words[]`, grouped by speaker.

use super::shared::{UNLABELLED, utterance};
use super::vendor_json::{self, join_tokens, ms, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use serde_json::Value;

pub fn from_value(path: &str, v: &Value) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Assemblyai);
    if let Some(id) = text(v, "id") {
        t.id = id;
    }
    match v.get("utterances").and_then(Value::as_array) {
        Some(list) if !list.is_empty() => {
            for u in list {
                let said = u.get("text").and_then(Value::as_str).unwrap_or("");
                if said.trim().is_empty() {
                    continue;
                }
                let line = t.utterances.len() + 1;
                let start = ms(number(u, "start"));
                t.utterances.push(utterance(
                    &speaker(u),
                    said,
                    line,
                    start,
                    ms(number(u, "end")),
                ));
            }
        }
        _ => read_words(
            &mut t,
            vendor_json::array(v, "words", "the AssemblyAI output")?,
        ),
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new("the AssemblyAI output has no words"));
    }
    Ok(t)
}

/// Groups runs of one speaker's words into utterances.
fn read_words(t: &mut Transcript, words: &[Value]) {
    let mut i = 0;
    while i < words.len() {
        let who = speaker(&words[i]);
        let run = words[i..].iter().take_while(|w| speaker(w) == who).count();
        let group = &words[i..i + run];
        let said = join_tokens(
            group
                .iter()
                .filter_map(|w| w.get("text").and_then(Value::as_str)),
        );
        if !said.is_empty() {
            let line = t.utterances.len() + 1;
            let start = ms(number(&group[0], "start"));
            let end = ms(number(&group[run - 1], "end"));
            t.utterances.push(utterance(&who, &said, line, start, end));
        }
        i += run;
    }
}

/// "A" -> "Speaker A"; a missing label -> "Speaker".
fn speaker(v: &Value) -> String {
    match text(v, "speaker") {
        Some(s) if !s.trim().is_empty() => format!("Speaker {}", s.trim()),
        _ => UNLABELLED.to_string(),
    }
}
