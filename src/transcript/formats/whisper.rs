//! OpenAI Whisper JSON (`{"text", "segments": [{"start", "end", "text"}]}`, also
//! whisper-timestamped and WhisperX). Whisper does not diarize: segments without a
//! `speaker` field (WhisperX adds one) belong to the single speaker "Speaker".

use super::shared::{UNLABELLED, utterance};
use super::vendor_json::{self, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use serde_json::Value;

pub fn from_value(path: &str, v: &Value) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Whisper);
    for seg in vendor_json::array(v, "segments", "the Whisper output")? {
        let said = seg.get("text").and_then(Value::as_str).unwrap_or("").trim();
        if said.is_empty() {
            continue;
        }
        let speaker = text(seg, "speaker").unwrap_or_else(|| UNLABELLED.to_string());
        let line = t.utterances.len() + 1;
        t.utterances.push(utterance(
            &speaker,
            said,
            line,
            number(seg, "start"),
            number(seg, "end"),
        ));
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the Whisper output has no segments with text",
        ));
    }
    Ok(t)
}
