//! The cue engine WebVTT and SubRip share: `start --> end` timing lines, then text lines.
//! Consecutive cues of one speaker merge into one utterance, since ASR cue boundaries are
//! arbitrary; rolling captions that repeat the previous line are de-duplicated.

use super::shared::{UNLABELLED, parse_clock, push_merged, split_label, strip_markup, utterance};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};

/// The speaker and last line carried from cue to cue.
struct State {
    t: Transcript,
    speaker: Option<String>,
    /// The previous text line and its speaker, to drop rolling-caption repeats.
    last: (String, String),
}

/// Reads the cues of `lines` (already past any file header), numbering lines from `first_line`.
pub fn read(
    path: &str,
    format: Format,
    lines: &[&str],
    first_line: usize,
) -> Result<Transcript, ParseError> {
    let mut st = State {
        t: Transcript::new(path, format),
        speaker: None,
        last: (String::new(), String::new()),
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if format == Format::Vtt && is_skipped_block(line) {
            i = skip_block(lines, i);
            continue;
        }
        let timing_at = timing_line(lines, i, first_line)?;
        let times = parse_timing(lines[timing_at].trim(), first_line + timing_at)?;
        let (next, texts) = read_payload(&mut st, lines, timing_at + 1, first_line, times);
        if texts == 0 && lines[next..].iter().all(|l| l.trim().is_empty()) {
            return Err(ParseError::at(
                first_line + timing_at,
                "cue has no text; is the file cut short?",
            ));
        }
        i = next;
    }
    if st.t.utterances.is_empty() {
        return Err(ParseError::new(
            "no cues with text found; is this a subtitle file?",
        ));
    }
    Ok(st.t)
}

/// The index of the cue's timing line: `i` itself, or the line after an identifier/index.
fn timing_line(lines: &[&str], i: usize, first_line: usize) -> Result<usize, ParseError> {
    if lines[i].contains("-->") {
        return Ok(i);
    }
    match lines.get(i + 1) {
        Some(next) if next.contains("-->") => Ok(i + 1),
        _ => Err(ParseError::at(
            first_line + i,
            "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'",
        )),
    }
}

/// Reads a cue's text lines from `j`; returns where the cue ends and how many lines had text.
/// A `<v Name>` span or a `Name:` prefix sets the speaker; otherwise the speaker goes on.
fn read_payload(
    st: &mut State,
    lines: &[&str],
    mut j: usize,
    first_line: usize,
    (start, end): (Option<f64>, Option<f64>),
) -> (usize, usize) {
    let mut texts = 0;
    while j < lines.len() && !lines[j].trim().is_empty() && !lines[j].contains("-->") {
        let (text, voice) = strip_markup(lines[j].trim());
        let said = match (voice, split_label(&text)) {
            (Some(v), _) => {
                st.speaker = Some(v);
                text.trim().to_string()
            }
            (None, Some((name, said))) => {
                st.speaker = Some(name.to_string());
                said.to_string()
            }
            (None, None) => text.trim().to_string(),
        };
        j += 1;
        if said.is_empty() {
            continue;
        }
        texts += 1;
        let name = st.speaker.as_deref().unwrap_or(UNLABELLED);
        if st.last.0 == name && st.last.1 == said {
            continue;
        }
        push_merged(
            &mut st.t,
            utterance(name, &said, first_line + j - 1, start, end),
        );
        st.last = (name.to_string(), said);
    }
    (j, texts)
}

/// `00:00:01.000 --> 00:00:04.000 align:start` -> (1.0, 4.0).
fn parse_timing(line: &str, line_no: usize) -> Result<(Option<f64>, Option<f64>), ParseError> {
    let broken = || {
        ParseError::at(
            line_no,
            format!(
                "broken cue timing '{}'; expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm'",
                truncate(line, 60)
            ),
        )
    };
    let (left, right) = line.split_once("-->").ok_or_else(broken)?;
    let start = parse_clock(left).ok_or_else(broken)?;
    let end_token = right.split_whitespace().next().ok_or_else(broken)?;
    let end = parse_clock(end_token).ok_or_else(broken)?;
    if end < start {
        return Err(ParseError::at(
            line_no,
            "cue ends before it starts; check the timing line",
        ));
    }
    Ok((Some(start), Some(end)))
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn is_skipped_block(line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|k| {
        line.strip_prefix(k)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    })
}

/// Index of the first line after the block that starts at `i`.
fn skip_block(lines: &[&str], mut i: usize) -> usize {
    while i < lines.len() && !lines[i].trim().is_empty() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_srt(text: &str) -> Result<Transcript, ParseError> {
        let lines: Vec<&str> = text.lines().collect();
        read("a.srt", Format::Srt, &lines, 1)
    }

    #[test]
    fn rolling_captions_do_not_repeat_lines() {
        let t = read_srt("1\n00:00:01,000 --> 00:00:02,000\nhello there\n\n2\n00:00:02,000 --> 00:00:03,000\nhello there\nhow are you\n").unwrap();
        assert_eq!(t.utterances.len(), 1);
        assert_eq!(t.utterances[0].text, "hello there how are you");
    }

    #[test]
    fn two_voices_in_one_cue_are_two_utterances() {
        let lines = ["00:01.000 --> 00:02.000", "<v A>Hi.</v>", "<v B>Hello.</v>"];
        let t = read("a.vtt", Format::Vtt, &lines, 3).unwrap();
        let speakers: Vec<&str> = t.utterances.iter().map(|u| u.speaker.as_str()).collect();
        assert_eq!(speakers, ["A", "B"]);
        assert_eq!((t.utterances[0].line, t.utterances[1].line), (4, 5));
    }

    #[test]
    fn the_same_words_from_another_speaker_are_kept() {
        let t = read_srt("1\n00:00:01,000 --> 00:00:02,000\nA: Yes.\n\n2\n00:00:02,000 --> 00:00:03,000\nB: Yes.\n").unwrap();
        assert_eq!(t.utterances.len(), 2);
    }

    #[test]
    fn timing_errors_name_their_line() {
        let err = read_srt("1\n00:00:03,000 --> 00:00:01,000\nhi\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("ends before it starts"));
        let err = read_srt("1\nhello\n").unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
