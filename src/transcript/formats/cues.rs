//! The cue engine WebVTT and SubRip share: `start --> end` timing lines, then text lines.
//! Consecutive cues of one speaker merge into one utterance, since ASR cue boundaries are
//! arbitrary; rolling captions that repeat the previous line are de-duplicated.

use super::shared::{
    Lines, UNLABELLED, arrow, cue_clock, parse_clock, push_words, split_label, strip_markup,
    trimmed, utterance,
};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use smol_str::SmolStr;

/// The speaker and the text of the last utterance carried from cue to cue.
struct State {
    t: Transcript,
    speaker: Option<SmolStr>,
    /// The last utterance's text, built here and copied in once complete: growing it in
    /// place reallocated it at every doubling as cues merged.
    text: String,
    /// Where the last text line kept starts in `text`, to drop rolling-caption repeats.
    last_line_at: usize,
}

/// The line being read, its number, and the lines after it.
#[derive(Clone)]
struct Cursor<'a> {
    line: Option<&'a str>,
    number: usize,
    rest: Lines<'a>,
}

impl<'a> Cursor<'a> {
    fn new(mut lines: Lines<'a>, number: usize) -> Self {
        let line = lines.next();
        Cursor {
            line,
            number,
            rest: lines,
        }
    }

    fn advance(&mut self) {
        self.line = self.rest.next();
        self.number += 1;
    }

    /// Whether this line and all after it are blank.
    fn rest_is_blank(&self) -> bool {
        let blank = |l: &str| trimmed(l).is_empty();
        self.line.is_none_or(blank) && self.rest.clone().all(blank)
    }
}

/// Reads the cues of `lines` (already past any file header), numbering lines from `first_line`.
pub fn read(
    path: &str,
    format: Format,
    lines: Lines<'_>,
    first_line: usize,
) -> Result<Transcript, ParseError> {
    let mut st = State {
        t: Transcript::new(path, format),
        speaker: None,
        text: String::new(),
        last_line_at: 0,
    };
    let mut at = Cursor::new(lines, first_line);
    while let Some(raw) = at.line {
        let line = trimmed(raw);
        if line.is_empty() {
            at.advance();
            continue;
        }
        if format == Format::Vtt && is_skipped_block(line) {
            skip_block(&mut at);
            continue;
        }
        let (timing_no, timing) = timing_line(&mut at)?;
        let times = parse_timing(trimmed(timing), timing_no)?;
        at.advance();
        let texts = read_payload(&mut st, &mut at, times);
        if texts == 0 && at.rest_is_blank() {
            return Err(ParseError::at(
                timing_no,
                "cue has no text; is the file cut short?",
            ));
        }
    }
    st.finish()
}

/// Moves to the cue's timing line, this line or the one after an identifier/index, and
/// returns its number and text.
fn timing_line<'a>(at: &mut Cursor<'a>) -> Result<(usize, &'a str), ParseError> {
    let here = at.number;
    if let Some(line) = at.line.filter(|l| arrow(l).is_some()) {
        return Ok((here, line));
    }
    at.advance();
    match at.line {
        Some(next) if arrow(next).is_some() => Ok((at.number, next)),
        _ => Err(ParseError::at(
            here,
            "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'",
        )),
    }
}

/// Reads a cue's text lines; stops where the cue ends and returns how many lines had text.
/// A `<v Name>` span or a `Name:` prefix sets the speaker; otherwise the speaker goes on.
fn read_payload(st: &mut State, at: &mut Cursor<'_>, times: (Option<f64>, Option<f64>)) -> usize {
    let mut texts = 0;
    while let Some(raw) = at.line {
        let line = trimmed(raw);
        if line.is_empty() || arrow(line).is_some() {
            break;
        }
        let (text, voice) = strip_markup(line);
        let said = match voice {
            Some(name) => {
                st.set_speaker(name);
                trimmed(&text)
            }
            None => match split_label(&text) {
                Some((name, said)) => {
                    st.set_speaker(name);
                    said
                }
                None => trimmed(&text),
            },
        };
        if !said.is_empty() {
            texts += 1;
            st.add(said, at.number, times);
        }
        at.advance();
    }
    texts
}

impl State {
    fn set_speaker(&mut self, name: &str) {
        if self.speaker.as_deref() != Some(name) {
            self.speaker = Some(SmolStr::new(name));
        }
    }

    /// Adds a text line of the current speaker: merged into the last utterance when that
    /// speaker goes on, dropped when it repeats the line before (a rolling caption).
    fn add(&mut self, said: &str, line: usize, (start, end): (Option<f64>, Option<f64>)) {
        let name = self.speaker.as_deref().unwrap_or(UNLABELLED);
        match self.t.utterances.last_mut() {
            Some(last) if last.speaker == name => {
                if self.text[self.last_line_at..] == *said {
                    return;
                }
                push_words(&mut self.text, said);
                self.last_line_at = self.text.len() - said.len();
                last.end = end.or(last.end);
            }
            _ => {
                close_utterance(&mut self.t, &self.text);
                self.t
                    .utterances
                    .push(utterance(name, "", line, start, end));
                self.text.clear();
                self.text.push_str(said);
                self.last_line_at = 0;
            }
        }
    }

    fn finish(mut self) -> Result<Transcript, ParseError> {
        close_utterance(&mut self.t, &self.text);
        if self.t.utterances.is_empty() {
            return Err(ParseError::new(
                "no cues with text found; is this a subtitle file?",
            ));
        }
        Ok(self.t)
    }
}

/// Gives the last utterance its text.
fn close_utterance(t: &mut Transcript, text: &str) {
    if let Some(last) = t.utterances.last_mut() {
        last.text = text.to_owned();
    }
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
    if let Some((start, end)) = standard_timing(line)
        && end >= start
    {
        return Ok((Some(start), Some(end)));
    }
    let at = arrow(line).ok_or_else(broken)?;
    let (left, right) = (&line[..at], &line[at + 3..]);
    let start = parse_clock(left).ok_or_else(broken)?;
    let end_token = first_word(right).ok_or_else(broken)?;
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

/// `HH:MM:SS.mmm --> HH:MM:SS.mmm` or `MM:SS.mmm --> MM:SS.mmm`, one space each side of the
/// arrow and any cue settings after a space, as exporters write every timing line: the
/// clocks read at fixed places, with the values of the general path. None: use that path.
fn standard_timing(line: &str) -> Option<(f64, f64)> {
    let b = line.as_bytes();
    let width = if b.len() >= 29 && b[12..17] == *b" --> " {
        12
    } else if b.len() >= 23 && b[9..14] == *b" --> " {
        9
    } else {
        return None;
    };
    let end_at = 2 * width + 5;
    if b.len() > end_at && !matches!(b[end_at], b' ' | b'\t') {
        return None;
    }
    Some((cue_clock(&b[..width])?, cue_clock(&b[width + 5..end_at])?))
}

/// `right.split_whitespace().next()`, stepping over ASCII bytes when the text is ASCII.
fn first_word(right: &str) -> Option<&str> {
    if !right.is_ascii() {
        return right.split_whitespace().next();
    }
    // `char::is_whitespace` on ASCII.
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let bytes = right.as_bytes();
    let start = bytes.iter().position(|b| !space(b))?;
    let len = bytes[start..]
        .iter()
        .position(space)
        .unwrap_or(bytes.len() - start);
    Some(&right[start..start + len])
}

fn is_skipped_block(line: &str) -> bool {
    matches!(line.as_bytes()[0], b'N' | b'S' | b'R')
        && ["NOTE", "STYLE", "REGION"].iter().any(|k| {
            line.strip_prefix(k)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        })
}

/// Moves to the first blank line after the block that starts here.
fn skip_block(at: &mut Cursor<'_>) {
    while at.line.is_some_and(|l| !trimmed(l).is_empty()) {
        at.advance();
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::lines;
    use super::*;

    fn read_srt(text: &str) -> Result<Transcript, ParseError> {
        read("a.srt", Format::Srt, lines(text), 1)
    }

    /// `parse_timing` without its fixed-place fast path.
    fn parse_timing_in_general(line: &str) -> Option<(f64, f64)> {
        let at = arrow(line)?;
        let start = parse_clock(&line[..at])?;
        let end = parse_clock(first_word(&line[at + 3..])?)?;
        (end >= start).then_some((start, end))
    }

    proptest::proptest! {
        #[test]
        fn standard_timings_read_as_in_general(
            s in "[0-9]{2}:[0-9]{2}(:[0-9]{2})?[.,][0-9]{3}[ -]-->? [0-9]{2}:[0-9]{2}(:[0-9]{2})?[.,][0-9]{3}[ \t:a]?"
        ) {
            let fast = parse_timing(&s, 1).ok().map(|(a, b)| (a.unwrap(), b.unwrap()));
            proptest::prop_assert_eq!(fast, parse_timing_in_general(&s));
        }

        #[test]
        fn first_word_is_split_whitespace(s in "[ \t\u{b}\u{a0}\u{2003}a:.]{0,10}") {
            proptest::prop_assert_eq!(first_word(&s), s.split_whitespace().next());
        }
    }

    #[test]
    fn rolling_captions_do_not_repeat_lines() {
        let t = read_srt("1\n00:00:01,000 --> 00:00:02,000\nhello there\n\n2\n00:00:02,000 --> 00:00:03,000\nhello there\nhow are you\n").unwrap();
        assert_eq!(t.utterances.len(), 1);
        assert_eq!(t.utterances[0].text, "hello there how are you");
    }

    #[test]
    fn two_voices_in_one_cue_are_two_utterances() {
        let text = "00:01.000 --> 00:02.000\n<v A>Hi.</v>\n<v B>Hello.</v>\n";
        let t = read("a.vtt", Format::Vtt, lines(text), 3).unwrap();
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
