//! The cue engine WebVTT and SubRip share: `start --> end` timing lines, then text lines.
//! Consecutive cues of one speaker merge into one utterance, since ASR cue boundaries are
//! arbitrary; rolling captions that repeat the previous line are de-duplicated.

use super::shared::{UNLABELLED, parse_clock, push_merged, split_label, strip_markup, utterance};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};

/// Reads the cues of `lines` (already past any file header), numbering lines from `first_line`.
pub fn read(
    path: &str,
    format: Format,
    lines: &[&str],
    first_line: usize,
) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, format);
    let mut speaker: Option<String> = None;
    let mut last_text = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        let line_no = first_line + i;
        if line.is_empty() {
            i += 1;
            continue;
        }
        if format == Format::Vtt && is_skipped_block(line) {
            i = skip_block(lines, i);
            continue;
        }
        // An optional cue identifier (VTT) or index (SRT) before the timing line.
        let (timing_at, timing) = if line.contains("-->") {
            (i, line)
        } else {
            match lines.get(i + 1).map(|l| l.trim()) {
                Some(next) if next.contains("-->") => (i + 1, next),
                _ => {
                    return Err(ParseError::at(
                        line_no,
                        "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'",
                    ));
                }
            }
        };
        let (start, end) = parse_timing(timing, first_line + timing_at)?;
        let mut j = timing_at + 1;
        let mut texts = 0;
        while j < lines.len() && !lines[j].trim().is_empty() && !lines[j].contains("-->") {
            let (text, voice) = strip_markup(lines[j].trim());
            let (who, said) = match (voice, split_label(&text)) {
                (Some(v), _) => (Some(v), text.trim().to_string()),
                (None, Some((name, said))) => (Some(name.to_string()), said.to_string()),
                (None, None) => (None, text.trim().to_string()),
            };
            if who.is_some() {
                speaker = who;
            }
            if !said.is_empty() && said != last_text {
                let name = speaker.as_deref().unwrap_or(UNLABELLED);
                push_merged(&mut t, utterance(name, &said, first_line + j, start, end));
                last_text = said;
                texts += 1;
            } else if !said.is_empty() {
                texts += 1;
            }
            j += 1;
        }
        if texts == 0 && lines[j..].iter().all(|l| l.trim().is_empty()) {
            return Err(ParseError::at(
                first_line + timing_at,
                "cue has no text; is the file cut short?",
            ));
        }
        i = j;
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "no cues with text found; is this a subtitle file?",
        ));
    }
    Ok(t)
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
    fn timing_errors_name_their_line() {
        let err = read_srt("1\n00:00:03,000 --> 00:00:01,000\nhi\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("ends before it starts"));
        let err = read_srt("1\nhello\n").unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
