//! AWS Transcribe JSON: `results.items[]` (words and punctuation, times as strings) with
//! speakers from each item's `speaker_label`, from `results.speaker_labels.segments`, or
//! from `results.channel_labels` (channel identification). Runs of one speaker's words
//! become utterances; without diarization everything is "Speaker".

use super::shared::{UNLABELLED, utterance};
use super::vendor_json::{join_tokens, number, text};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use serde_json::Value;
use std::collections::HashMap;

/// One word or punctuation mark, with its speaker.
struct Token<'a> {
    speaker: String,
    content: &'a str,
    start: Option<f64>,
    end: Option<f64>,
}

pub fn from_value(path: &str, v: &Value) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::AwsTranscribe);
    if let Some(job) = text(v, "jobName") {
        t.id = job;
    }
    let results = v
        .get("results")
        .ok_or_else(|| ParseError::new("the AWS Transcribe output has no 'results'"))?;
    let tokens = tokens(results);
    let mut i = 0;
    while i < tokens.len() {
        let who = &tokens[i].speaker;
        let run = tokens[i..].iter().take_while(|x| &x.speaker == who).count();
        let group = &tokens[i..i + run];
        let said = join_tokens(group.iter().map(|x| x.content));
        if !said.is_empty() {
            let line = t.utterances.len() + 1;
            let start = group.iter().find_map(|x| x.start);
            let end = group.iter().rev().find_map(|x| x.end);
            t.utterances.push(utterance(who, &said, line, start, end));
        }
        i += run;
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the AWS Transcribe output has no words in 'results.items'",
        ));
    }
    Ok(t)
}

/// The items in time order, each with its speaker; punctuation takes the speaker before it.
fn tokens(results: &Value) -> Vec<Token<'_>> {
    let by_start = segment_speakers(results);
    let mut items: Vec<(&Value, Option<String>)> = Vec::new();
    if let Some(list) = results.get("items").and_then(Value::as_array) {
        items.extend(list.iter().map(|it| (it, None)));
    } else if let Some(channels) = results
        .pointer("/channel_labels/channels")
        .and_then(Value::as_array)
    {
        for ch in channels {
            let label = text(ch, "channel_label");
            let list = ch.get("items").and_then(Value::as_array);
            items.extend(list.into_iter().flatten().map(|it| (it, label.clone())));
        }
        items.sort_by(|a, b| {
            let key = |x: &Value| number(x, "start_time").unwrap_or(f64::MAX);
            key(a.0).total_cmp(&key(b.0))
        });
    }
    let mut out: Vec<Token> = Vec::with_capacity(items.len());
    for (item, channel) in items {
        let content = item
            .pointer("/alternatives/0/content")
            .and_then(Value::as_str)
            .unwrap_or("");
        let start = number(item, "start_time");
        let speaker = text(item, "speaker_label")
            .or(channel)
            .or_else(|| start.and_then(|s| by_start.get(&s.to_bits()).cloned()))
            .or_else(|| out.last().map(|p| p.speaker.clone()))
            .unwrap_or_else(|| UNLABELLED.to_string());
        out.push(Token {
            speaker,
            content,
            start,
            end: number(item, "end_time"),
        });
    }
    out
}

/// Word start time -> speaker, from `speaker_labels.segments[].items[]`.
fn segment_speakers(results: &Value) -> HashMap<u64, String> {
    let mut map = HashMap::new();
    let segments = results
        .pointer("/speaker_labels/segments")
        .and_then(Value::as_array);
    for seg in segments.into_iter().flatten() {
        let seg_speaker = text(seg, "speaker_label");
        for item in seg
            .get("items")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let (Some(start), Some(who)) = (
                number(item, "start_time"),
                text(item, "speaker_label").or_else(|| seg_speaker.clone()),
            ) {
                map.insert(start.to_bits(), who);
            }
        }
    }
    map
}
