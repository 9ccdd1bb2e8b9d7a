//! Helpers shared by the readers: speaker labels, markup, lines, cue merging; clock times
//! are in `clock` and re-exported here.

use crate::transcript::model::{Role, Transcript, Utterance};
use smol_str::SmolStr;
use std::borrow::Cow;

pub use super::clock::{cue_clock, is_clock, parse_clock};

/// The speaker name used when a format carries no speaker labels at all.
pub const UNLABELLED: &str = "Speaker";

/// `str::lines` (a line ends at `\n` or `\r\n`; the last one may not), finding each `\n` with
/// memchr's vector search: the standard library's byte search was 1.2% of a run. A clone
/// looks ahead without moving.
#[derive(Clone)]
pub struct Lines<'a> {
    rest: &'a str,
}

pub fn lines(text: &str) -> Lines<'_> {
    Lines { rest: text }
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(end) if end > 0 && rest.as_bytes()[end - 1] == b'\r' => {
                (&rest[..end - 1], &rest[end + 1..])
            }
            Some(end) => (&rest[..end], &rest[end + 1..]),
            None => (rest, ""),
        };
        self.rest = next;
        Some(line)
    }
}

/// Whether `name` can be a speaker label: short, no sentence punctuation, not a number,
/// and a several-word label starts like a name ("Dana Smith", "Speaker 1"), not a sentence.
#[inline]
pub fn plausible_name(name: &str) -> bool {
    // The usual label, one ASCII word ("Dana"), passes every test of the general check: skip
    // them, and the call to it.
    (name.len() <= 40 && !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()))
        || plausible_name_in_general(name)
}

fn plausible_name_in_general(name: &str) -> bool {
    if name.is_empty() || name.len() > 40 || name.contains(['?', '!', ',', '"', ':', '<', '>']) {
        return false;
    }
    if name.contains('.') && !name.split_whitespace().all(abbreviation_or_word) {
        return false;
    }
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let word_count = 1 + words.count();
    if word_count > 4 || !name.chars().any(char::is_alphabetic) {
        return false;
    }
    let starts_upper = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(' || c == '[');
    word_count == 1 || starts_upper
}

/// A word of a name: no full stop, or an initial ("J.") or short title ("Dr.", "Mrs.").
fn abbreviation_or_word(word: &str) -> bool {
    match word.strip_suffix('.') {
        None => !word.contains('.'),
        Some(stem) => {
            let upper = stem.chars().next().is_some_and(char::is_uppercase);
            upper && stem.len() <= 3 && stem.chars().all(char::is_alphabetic)
        }
    }
}

/// Splits a `Name: text` (or `Name> text`) line into its label and its text.
/// Times (`at 3:30`) and URLs (`https://...`) are not labels.
pub fn split_label(line: &str) -> Option<(&str, &str)> {
    split_label_at(line, label_end(line.as_bytes())?)
}

/// `split_label` for a caller that found the label's end, `pos`: the first `:` or `>`.
// Inlined: the text reader calls it for nearly every line, and out of line its call, the
// registers it saved and the pair it returned through memory cost a quarter of its work.
#[inline(always)]
pub fn split_label_at(line: &str, pos: usize) -> Option<(&str, &str)> {
    let rest = &line[pos + 1..];
    let sep = line.as_bytes()[pos];
    if sep == b':'
        && rest
            .as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii_digit() || b == b'/')
    {
        return None;
    }
    if sep == b'>' && line[..pos].ends_with(char::is_whitespace) {
        return None;
    }
    let name = trimmed(&line[..pos]);
    plausible_name(name).then_some((name, trimmed(rest)))
}

/// The first `:` or `>`: where a label ends.
fn label_end(line: &[u8]) -> Option<usize> {
    find_near_either(line, b':', b'>')
}

/// `memchr` for a byte that is usually among the first few (the end of a label or a time).
pub fn find_near(bytes: &[u8], byte: u8) -> Option<usize> {
    find_near_either(bytes, byte, byte)
}

/// `memchr2` for bytes usually among the first few: a plain loop over the first 16 finds them
/// before a vector search has set up.
fn find_near_either(bytes: &[u8], a: u8, b: u8) -> Option<usize> {
    let head = &bytes[..bytes.len().min(16)];
    match head.iter().position(|&c| c == a || c == b) {
        Some(pos) => Some(pos),
        None => memchr::memchr2(a, b, &bytes[head.len()..]).map(|pos| head.len() + pos),
    }
}

/// Removes markup: `<v Name>`, `<c.color>`, `<b>`, `<00:01:02.000>`, `{\an8}`, and decodes
/// the common HTML entities. Returns the text and the voice name if a `<v>` span named one.
/// Most cue lines have no markup, or one voice span around plain text (as Teams writes every
/// line): those come back borrowed.
pub fn strip_markup(s: &str) -> (Cow<'_, str>, Option<&str>) {
    if memchr::memchr3(b'<', b'{', b'&', s.as_bytes()).is_none() {
        return (Cow::Borrowed(s), None);
    }
    if let Some((voice, text)) = one_voice_span(s) {
        return (Cow::Borrowed(text), voice_name(voice));
    }
    let mut out = String::with_capacity(s.len());
    let mut voice = None;
    let mut rest = s;
    while let Some(open) = memchr::memchr2(b'<', b'{', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let close = if rest.as_bytes()[open] == b'<' {
            b'>'
        } else {
            b'}'
        };
        let Some(len) = memchr::memchr(close, &rest.as_bytes()[open..]) else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + len];
        if close == b'>' && voice.is_none() {
            voice = voice_name(tag);
        }
        if close == b'}' && !tag.starts_with('\\') {
            out.push_str(&rest[open..open + len + 1]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    (Cow::Owned(decode_entities(out)), voice)
}

/// `<tag>text</v>` with no markup or entity in the text: the tag and the text.
fn one_voice_span(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('<')?.strip_suffix("</v>")?;
    let close = memchr::memchr(b'>', inner.as_bytes())?;
    let text = &inner[close + 1..];
    let plain = memchr::memchr3(b'<', b'{', b'&', text.as_bytes()).is_none();
    plain.then(|| (&inner[..close], text))
}

/// `v Dana` or `v.loud Dana Smith` -> "Dana Smith".
fn voice_name(tag: &str) -> Option<&str> {
    let body = tag.strip_prefix('v')?;
    if !body.starts_with([' ', '.', '\t']) {
        return None;
    }
    let name = body.split_once(char::is_whitespace)?.1.trim();
    (!name.is_empty()).then_some(name)
}

fn decode_entities(s: String) -> String {
    if !s.contains('&') {
        return s;
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Where the first `-->` of a cue timing line starts. Found by its `>`, which text lines
/// rarely have, with memchr: `str::contains` set up a substring searcher for every line.
pub fn arrow(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'>', &bytes[from..]) {
        let at = from + i;
        if at >= 2 && bytes[at - 2..at] == *b"--" {
            return Some(at - 2);
        }
        from = at + 1;
    }
    None
}

/// `str::trim`, returning at once when both ends are visible ASCII, as on nearly every line,
/// or when one space before visible ASCII opens it, as the text after a label's `:` does, and
/// else stepping over ASCII whitespace byte by byte: trimming was 1.4% of a run.
#[inline]
pub fn trimmed(s: &str) -> &str {
    let bytes = s.as_bytes();
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if !visible(bytes.last()) {
        // One space after visible ASCII, as a name before its `(01:23)` has.
        let n = bytes.len();
        if n >= 2 && bytes[n - 1] == b' ' && visible(bytes.get(n - 2)) && visible(bytes.first()) {
            return &s[..n - 1];
        }
        trimmed_bytewise(s)
    } else if visible(bytes.first()) {
        s
    } else if bytes[0] == b' ' && visible(bytes.get(1)) {
        &s[1..]
    } else {
        trimmed_bytewise(s)
    }
}

fn trimmed_bytewise(s: &str) -> &str {
    // `char::is_whitespace` on ASCII.
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |i| i + 1);
    let s = &s[start..end];
    // An end that is not ASCII may be other whitespace.
    let ascii = |b: Option<&u8>| b.is_none_or(u8::is_ascii);
    if ascii(s.as_bytes().first()) && ascii(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Appends `text` to `buf` with one space between pieces.
pub fn push_words(buf: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !buf.is_empty() && !buf.ends_with(' ') {
        buf.push(' ');
    }
    buf.push_str(text);
}

/// Adds an utterance, merging it into the previous one when the same speaker goes on
/// (subtitle cue boundaries are arbitrary): the line and start stay, the end moves.
pub fn push_merged(t: &mut Transcript, u: Utterance) {
    if let Some(last) = t.utterances.last_mut()
        && last.speaker == u.speaker
    {
        push_words(&mut last.text, &u.text);
        last.end = u.end.or(last.end);
        return;
    }
    t.utterances.push(u);
}

/// Builds an utterance without a role: roles are decided after reading.
pub fn utterance(
    speaker: &str,
    text: &str,
    line: usize,
    start: Option<f64>,
    end: Option<f64>,
) -> Utterance {
    Utterance {
        speaker: SmolStr::new(speaker),
        role: Role::Unknown,
        text: trimmed(text).to_string(),
        line,
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `strip_markup` without its borrowed fast paths.
    fn strip_markup_by_loop(s: &str) -> (String, Option<&str>) {
        let mut out = String::new();
        let mut voice = None;
        let mut rest = s;
        while let Some(open) = rest.find(['<', '{']) {
            out.push_str(&rest[..open]);
            let close = if rest.as_bytes()[open] == b'<' {
                '>'
            } else {
                '}'
            };
            let Some(len) = rest[open..].find(close) else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let tag = &rest[open + 1..open + len];
            if close == '>' && voice.is_none() {
                voice = voice_name(tag);
            }
            if close == '}' && !tag.starts_with('\\') {
                out.push_str(&rest[open..open + len + 1]);
            }
            rest = &rest[open + len + 1..];
        }
        out.push_str(rest);
        (decode_entities(out), voice)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn arrow_is_the_first_arrow(s in "[-> a]{0,12}") {
            prop_assert_eq!(arrow(&s), s.find("-->"));
        }

        #[test]
        fn voice_spans_strip_as_the_general_loop_does(
            s in "(<v[ .]?[a ]{0,3}>)?[a <>{}&;/v]{0,8}(</v>)?"
        ) {
            let (text, voice) = strip_markup(&s);
            let (looped, looped_voice) = strip_markup_by_loop(&s);
            prop_assert_eq!((text.as_ref(), voice), (looped.as_str(), looped_voice));
        }

        #[test]
        fn unmarked_lines_come_back_as_they_are(s in "[a <>{}&;é]{0,12}") {
            let (text, voice) = strip_markup(&s);
            if matches!(text, Cow::Borrowed(_)) {
                prop_assert_eq!(text.as_ref(), s.as_str());
                prop_assert!(voice.is_none());
                let marked = s.contains(['<', '{', '&']);
                prop_assert!(!marked);
            }
        }

        #[test]
        fn trimmed_is_str_trim(s in "[ \t\r\n\u{b}\u{c}\u{a0}\u{2003}\u{1c}\u{85}ab:é.]{0,8}") {
            prop_assert_eq!(trimmed(&s), s.trim());
        }

        #[test]
        fn find_near_is_memchr(s in "[a :é]{0,40}") {
            prop_assert_eq!(find_near(s.as_bytes(), b':'), memchr::memchr(b':', s.as_bytes()));
        }

        #[test]
        fn label_end_is_the_first_colon_or_angle(s in "[a :>é]{0,40}") {
            prop_assert_eq!(label_end(s.as_bytes()), memchr::memchr2(b':', b'>', s.as_bytes()));
        }
    }

    #[test]
    fn labels_are_not_times_or_urls_or_sentences() {
        assert_eq!(split_label("Dana: hi there"), Some(("Dana", "hi there")));
        assert_eq!(split_label("Dana> hi"), Some(("Dana", "hi")));
        assert_eq!(split_label("Speaker 1: ok"), Some(("Speaker 1", "ok")));
        assert_eq!(split_label("see https://acme.com"), None);
        assert_eq!(split_label("the meeting is at 10:30"), None);
        assert_eq!(split_label("so the thing is: we wait"), None);
        assert_eq!(split_label("Well, here: look"), None);
        assert_eq!(split_label("Dr. Patel: hi"), Some(("Dr. Patel", "hi")));
        assert_eq!(split_label("Dana S.: hi"), Some(("Dana S.", "hi")));
        assert_eq!(split_label("I think so. anyway: no"), None);
        assert_eq!(split_label("see acme.com: now"), None);
    }

    #[test]
    fn markup_is_stripped_and_voice_kept() {
        let (text, voice) = strip_markup("<v.loud Dana Smith>Hi <b>there</b> &amp; you</v>");
        assert_eq!(text, "Hi there & you");
        assert_eq!(voice, Some("Dana Smith"));
        let (text, _) = strip_markup("this<00:05:04.199><c> will</c>");
        assert_eq!(text, "this will");
    }
}
