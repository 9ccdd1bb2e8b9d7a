//! What the JSON readers share: parsing with useful errors, and telling the vendor shapes
//! apart by their fields (so a `.json` file needs no further hint).

use crate::transcript::error::ParseError;
use crate::transcript::model::Format;
use serde_json::Value;

/// Parses JSON text; a cut-off or malformed file gets its line and a hint.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        let hint = if e.is_eof() {
            "the JSON ends too early; is the file cut short?".to_string()
        } else {
            format!("malformed JSON: {e}")
        };
        ParseError::at(e.line().max(1), hint)
    })
}

/// Every top-level key `sniff` reads to name a vendor's shape: an object with none of them is
/// callscore JSON or no transcript. The last five are AssemblyAI's.
pub const VENDOR_KEYS: [&str; 9] = [
    "results",
    "Transcript",
    "monologues",
    "segments",
    "audio_url",
    "acoustic_model",
    "language_model",
    "audio_duration",
    "words",
];
const ASSEMBLYAI_KEYS: &[&str] = VENDOR_KEYS.split_at(4).1;

/// Names the vendor whose output has this shape, if any.
pub fn sniff(v: &Value) -> Option<Format> {
    let obj = v.as_object()?;
    if let Some(results) = obj.get("results").and_then(Value::as_object) {
        if results.contains_key("speaker_labels")
            || results.contains_key("items")
            || results.contains_key("channel_labels")
            || results.contains_key("transcripts")
        {
            return Some(Format::AwsTranscribe);
        }
        if results.contains_key("channels") || results.contains_key("utterances") {
            return Some(Format::Deepgram);
        }
    }
    if obj.get("Transcript").is_some_and(Value::is_array) {
        return Some(Format::AwsCallAnalytics);
    }
    if obj.get("monologues").is_some_and(Value::is_array) {
        return Some(Format::Revai);
    }
    if obj.get("segments").is_some_and(Value::is_array) {
        return Some(Format::Whisper);
    }
    if ASSEMBLYAI_KEYS.iter().any(|k| obj.contains_key(*k))
        && (obj.contains_key("utterances") || obj.contains_key("words"))
    {
        return Some(Format::Assemblyai);
    }
    if obj.get("utterances").is_some_and(Value::is_array) {
        return Some(Format::Json);
    }
    None
}

/// The error for a JSON document whose shape no reader knows.
pub fn unknown_shape(v: &Value) -> ParseError {
    let keys: Vec<&str> = match v.as_object() {
        Some(o) => o.keys().take(6).map(String::as_str).collect(),
        None => vec![],
    };
    let found = if keys.is_empty() {
        format!("a JSON {}", kind(v))
    } else {
        format!("keys: {}", keys.join(", "))
    };
    ParseError::new(format!(
        "unknown JSON transcript shape ({found}); expected callscore JSON ('utterances') or a \
         Whisper, AWS Transcribe, Deepgram, AssemblyAI or Rev.ai export"
    ))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A number field, also when written as a string ("12.5", as AWS does).
pub fn number(v: &Value, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A string field, or a number field written as text (speaker 0 -> "0").
pub fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The array at `key`, or an error saying which field is missing.
pub fn array<'a>(v: &'a Value, key: &str, what: &str) -> Result<&'a Vec<Value>, ParseError> {
    v.get(key).and_then(Value::as_array).ok_or_else(|| {
        ParseError::new(format!("{what} has no '{key}' list; is the file complete?"))
    })
}

/// Joins words into text, attaching punctuation tokens to the word before them.
pub fn join_tokens<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for tok in tokens {
        let tok = tok.trim();
        if tok.is_empty() {
            continue;
        }
        let punct =
            tok.chars().all(|c| c.is_ascii_punctuation()) && !tok.starts_with(['(', '"', '$']);
        if !out.is_empty() && !punct {
            out.push(' ');
        }
        out.push_str(tok);
    }
    out
}

/// Milliseconds to seconds.
pub fn ms(v: Option<f64>) -> Option<f64> {
    v.map(|x| x / 1000.0)
}
