//! callscore JSON: `{"id", "metadata", "utterances": [{"speaker", "role"?, "text",
//! "start"?, "end"?}]}`. Line numbers are the utterances' 1-based indexes.

use super::shared::utterance;
use super::vendor_json::{self, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Role, Transcript};
use serde_json::Value;
use std::borrow::Cow;

pub fn read(path: &str, src: &str) -> Result<Transcript, ParseError> {
    from_value(path, &vendor_json::parse(src)?, Format::Json)
}

pub fn from_value(path: &str, v: &Value, format: Format) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, format);
    if !v.is_object() {
        return Err(ParseError::new(
            "a callscore transcript is a JSON object with an 'utterances' list",
        ));
    }
    read_header(&mut t, v);
    let list = vendor_json::array(v, "utterances", "the transcript")?;
    for (i, u) in list.iter().enumerate() {
        push_utterance(&mut t, i + 1, Said::of_value(u))?;
    }
    finish(t)
}

/// What the reader takes from one utterance, from a parsed value or read directly.
#[derive(Default)]
pub struct Said<'a> {
    pub speaker: Option<Cow<'a, str>>,
    pub text: Option<Cow<'a, str>>,
    pub role: Option<Cow<'a, str>>,
    pub start: Option<f64>,
    pub end: Option<f64>,
}

impl<'a> Said<'a> {
    fn of_value(u: &'a Value) -> Self {
        let str_field = |key: &str| u.get(key).and_then(Value::as_str).map(Cow::Borrowed);
        Said {
            speaker: text(u, "speaker").map(Cow::Owned),
            text: str_field("text"),
            role: str_field("role"),
            start: number(u, "start"),
            end: number(u, "end"),
        }
    }
}

/// The call's id and metadata, with roles named in the metadata (`"rep": "Dana"`).
pub fn read_header(t: &mut Transcript, v: &Value) {
    if let Some(id) = text(v, "id").or_else(|| text(v, "call_id")) {
        t.id = id;
    }
    if let Some(meta) = v.get("metadata").and_then(Value::as_object) {
        for (key, value) in meta {
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if let Some(role) = Role::parse_loose(key) {
                t.state_roles(&value, role);
            }
            t.metadata.insert(key.clone(), value);
        }
    }
}

/// Adds the utterance at `index` (1-based), or says which field it lacks.
pub fn push_utterance(t: &mut Transcript, index: usize, said: Said<'_>) -> Result<(), ParseError> {
    let speaker = said
        .speaker
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ParseError::at(index, "utterance has no 'speaker'"))?;
    let text = said
        .text
        .ok_or_else(|| ParseError::at(index, "utterance has no 'text'"))?;
    if let Some(role_name) = said.role {
        let role = Role::parse_loose(&role_name).ok_or_else(|| {
            ParseError::at(
                index,
                format!("unknown role '{role_name}'; use rep, prospect or unknown"),
            )
        })?;
        t.state_role(speaker.trim(), role);
    }
    t.utterances.push(utterance(
        speaker.trim(),
        &text,
        index,
        said.start,
        said.end,
    ));
    Ok(())
}

pub fn finish(t: Transcript) -> Result<Transcript, ParseError> {
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the transcript's 'utterances' list is empty",
        ));
    }
    Ok(t)
}
