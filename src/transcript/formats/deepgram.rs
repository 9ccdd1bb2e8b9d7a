//! Deepgram JSON: `results.utterances[]` (with `speaker` when diarized, `channel` when
//! multichannel), else the words of `results.channels[].alternatives[0]` grouped by
//! speaker. Speakers are "Speaker N"; channels without diarization are "Channel N";
//! undiarized single-channel audio is the one speaker "Speaker".

use super::shared::{UNLABELLED, utterance};
use super::vendor_json::{join_tokens, number};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use serde_json::Value;

pub fn from_value(path: &str, v: &Value) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Deepgram);
    if let Some(id) = v.pointer("/metadata/request_id").and_then(Value::as_str) {
        t.id = id.to_string();
    }
    let channels = v
        .pointer("/results/channels")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let multichannel = channels > 1;
    match v.pointer("/results/utterances").and_then(Value::as_array) {
        Some(list) if !list.is_empty() => {
            for u in list {
                let said = u.get("transcript").and_then(Value::as_str).unwrap_or("");
                if said.trim().is_empty() {
                    continue;
                }
                let line = t.utterances.len() + 1;
                let who = speaker(u, multichannel);
                t.utterances.push(utterance(
                    &who,
                    said,
                    line,
                    number(u, "start"),
                    number(u, "end"),
                ));
            }
        }
        _ => read_words(&mut t, v, multichannel),
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "the Deepgram output has no utterances or words; was the audio silent?",
        ));
    }
    Ok(t)
}

/// Words of every channel, in time order, grouped into runs of one speaker.
fn read_words(t: &mut Transcript, v: &Value, multichannel: bool) {
    let mut words: Vec<(String, &Value)> = Vec::new();
    let channels = v.pointer("/results/channels").and_then(Value::as_array);
    for (c, ch) in channels.into_iter().flatten().enumerate() {
        let list = ch
            .pointer("/alternatives/0/words")
            .and_then(Value::as_array);
        for w in list.into_iter().flatten() {
            let channel_label = multichannel.then_some(c);
            words.push((word_speaker(w, channel_label), w));
        }
    }
    if multichannel {
        words.sort_by(|a, b| {
            let key = |w: &Value| number(w, "start").unwrap_or(f64::MAX);
            key(a.1).total_cmp(&key(b.1))
        });
    }
    let mut i = 0;
    while i < words.len() {
        let who = words[i].0.clone();
        let run = words[i..].iter().take_while(|(s, _)| *s == who).count();
        let group = &words[i..i + run];
        let said = join_tokens(group.iter().filter_map(|(_, w)| {
            w.get("punctuated_word")
                .or_else(|| w.get("word"))
                .and_then(Value::as_str)
        }));
        if !said.is_empty() {
            let line = t.utterances.len() + 1;
            let start = number(group[0].1, "start");
            let end = number(group[run - 1].1, "end");
            t.utterances.push(utterance(&who, &said, line, start, end));
        }
        i += run;
    }
}

fn speaker(u: &Value, multichannel: bool) -> String {
    let channel = multichannel
        .then(|| number(u, "channel"))
        .flatten()
        .map(|c| c as usize);
    label(number(u, "speaker"), channel)
}

fn word_speaker(w: &Value, channel: Option<usize>) -> String {
    label(number(w, "speaker"), channel)
}

fn label(speaker: Option<f64>, channel: Option<usize>) -> String {
    match (channel, speaker) {
        (Some(c), Some(s)) => format!("Channel {c} Speaker {s}"),
        (Some(c), None) => format!("Channel {c}"),
        (None, Some(s)) => format!("Speaker {s}"),
        (None, None) => UNLABELLED.to_string(),
    }
}
