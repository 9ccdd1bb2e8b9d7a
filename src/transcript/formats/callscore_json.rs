//! callscore JSON: `{"id", "metadata", "utterances": [{"speaker", "role"?, "text",
//! "start"?, "end"?}]}`. Line numbers are the utterances' 1-based indexes.

use super::shared::utterance;
use super::vendor_json::{self, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Role, Transcript};
use serde_json::Value;

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
    if let Some(id) = text(v, "id").or_else(|| text(v, "call_id")) {
        t.id = id;
    }
    if let Some(meta) = v.get("metadata").and_then(Value::as_object) {
        for (key, value) in meta {
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if let Some(role) = Role::parse_loose(key).filter(|r| *r != Role::Unknown) {
                for name in value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                {
                    t.file_roles.insert(name.to_string(), role);
                }
            }
            t.metadata.insert(key.clone(), value);
        }
    }
    let list = vendor_json::array(v, "utterances", "the transcript")?;
    for (i, u) in list.iter().enumerate() {
        let index = i + 1;
        let speaker = text(u, "speaker")
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| ParseError::at(index, "utterance has no 'speaker'"))?;
        let said = u
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| ParseError::at(index, "utterance has no 'text'"))?;
        if let Some(role_name) = u.get("role").and_then(Value::as_str) {
            let role = Role::parse_loose(role_name).ok_or_else(|| {
                ParseError::at(
                    index,
                    format!("unknown role '{role_name}'; use rep, prospect or unknown"),
                )
            })?;
            if role != Role::Unknown {
                t.file_roles.insert(speaker.trim().to_string(), role);
            }
        }
        let (start, end) = (number(u, "start"), number(u, "end"));
        t.utterances
            .push(utterance(speaker.trim(), said, index, start, end));
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the transcript's 'utterances' list is empty",
        ));
    }
    Ok(t)
}
