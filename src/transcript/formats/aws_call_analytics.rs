//! AWS Transcribe Call Analytics: `Transcript[]` segments with `ParticipantRole` AGENT or
//! CUSTOMER and times in milliseconds. The roles come from the file: AGENT is the rep.

use super::shared::utterance;
use super::vendor_json::{self, ms, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Role, Transcript};
use serde_json::Value;

pub fn from_value(path: &str, v: &Value) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::AwsCallAnalytics);
    if let Some(job) = text(v, "JobName") {
        t.id = job;
    }
    for seg in vendor_json::array(v, "Transcript", "the Call Analytics output")? {
        let said = seg.get("Content").and_then(Value::as_str).unwrap_or("");
        if said.trim().is_empty() {
            continue;
        }
        let participant = text(seg, "ParticipantRole").unwrap_or_default();
        let (speaker, role) = match participant.to_ascii_uppercase().as_str() {
            "AGENT" => ("Agent".to_string(), Role::Rep),
            "CUSTOMER" => ("Customer".to_string(), Role::Prospect),
            "" => ("Speaker".to_string(), Role::Unknown),
            other => (other.to_string(), Role::Unknown),
        };
        t.state_role(&speaker, role);
        let line = t.utterances.len() + 1;
        let start = ms(number(seg, "BeginOffsetMillis"));
        let end = ms(number(seg, "EndOffsetMillis"));
        t.utterances
            .push(utterance(&speaker, said, line, start, end));
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the Call Analytics 'Transcript' list is empty",
        ));
    }
    Ok(t)
}
