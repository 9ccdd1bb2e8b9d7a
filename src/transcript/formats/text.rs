//! Plain text: `Name: text` (or `Name> text`), one utterance a line, with optional times
//! (`[00:01:23] Name: text`, `Name (01:23): text`), continuation lines, `#` comments,
//! metadata headers and suppression comments.

use super::clock::two_digit_clock;
use super::shared::{
    find_near, lines, parse_clock, plausible_name, split_label, split_label_at, trimmed,
};
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Role, Transcript, Utterance, speaker_indexes};
use smol_str::SmolStr;

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Text);
    // About one utterance per 64 bytes (calls run 60-120): growing the vector by doubling
    // copied every utterance about twice.
    t.utterances.reserve(text.len() / 64);
    let mut pending_ignores: Vec<String> = Vec::new();
    // Lines of utterances set off by a blank line or a comment: never folded as one-offs.
    let mut set_off: Vec<usize> = Vec::new();
    let mut after_break = true;
    for (i, raw) in lines(text).enumerate() {
        let line_no = i + 1;
        let line = trimmed(without_bom(raw));
        if line.is_empty() {
            after_break = true;
            continue;
        }
        if line.as_bytes()[0] == b'#' {
            read_comment(&mut t, trimmed(&line[1..]), &mut pending_ignores);
            after_break = true;
            continue;
        }
        let broke = std::mem::replace(&mut after_break, false);
        let (start, rest) = leading_time(line);
        match label(rest) {
            Some((speaker, time, body)) => {
                if broke {
                    set_off.push(line_no);
                }
                // Built here rather than by `shared::utterance`: the label readers trimmed
                // the text already.
                t.utterances.push(Utterance {
                    speaker: speaker_name(speaker),
                    role: Role::Unknown,
                    text: body.to_string(),
                    line: line_no,
                    start: start.or(time),
                    end: None,
                });
                if !pending_ignores.is_empty() {
                    let ids = std::mem::take(&mut pending_ignores);
                    t.suppressions.lines.push((line_no, ids));
                }
            }
            None => match t.utterances.last_mut() {
                Some(last) => super::shared::push_words(&mut last.text, line),
                None => {
                    return Err(ParseError::at(
                        line_no,
                        "text before the first speaker label; start lines with 'Name: '",
                    ));
                }
            },
        }
    }
    // A label with nothing after it and no continuation said nothing.
    t.utterances.retain(|u| !u.text.is_empty());
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "no utterances found; lines should look like 'Name: text'",
        ));
    }
    fold_one_off_labels(&mut t, &set_off);
    Ok(t)
}

/// `SmolStr::new` inlined for the usual short name: `new` copies even those behind two calls.
fn speaker_name(name: &str) -> SmolStr {
    const IN_PLACE: usize = 23;
    if name.len() <= IN_PLACE {
        SmolStr::new_inline(name)
    } else {
        SmolStr::new(name)
    }
}

/// `line` less any byte-order marks it starts with (a line rarely has one: test a byte first).
fn without_bom(line: &str) -> &str {
    if line.as_bytes().first() == Some(&0xEF) {
        line.trim_start_matches('\u{feff}')
    } else {
        line
    }
}

/// `[00:01:23] rest` or `(01:23) rest` -> (Some(83.0), "rest"). `line` is trimmed.
fn leading_time(line: &str) -> (Option<f64>, &str) {
    let close = match line.as_bytes().first() {
        Some(b'[') => b']',
        Some(b'(') => b')',
        _ => return (None, line),
    };
    // The usual stamp, `[HH:MM:SS]` or `[MM:SS]`, read at fixed places: only digits and colons
    // come before its close, which so is the first, and `parse_clock` reads it as this does.
    let bytes = line.as_bytes();
    for end in [9, 6] {
        if bytes.get(end) == Some(&close)
            && let Some(seconds) = two_digit_clock(&bytes[1..end])
        {
            return (Some(f64::from(seconds)), trimmed(&line[end + 1..]));
        }
    }
    match find_near(bytes, close) {
        // The line's end is trimmed already: trimming both ends trims the start.
        Some(end) => match parse_clock(&line[1..end]) {
            Some(t) => (Some(t), trimmed(&line[end + 1..])),
            None => (None, line),
        },
        None => (None, line),
    }
}

/// A line's speaker label, its time if it has one, and its text: `Name (01:23): text`,
/// `Name: text` or `Name> text`. One scan finds the first bracket or label end: when the
/// label ends first there is no time in it (a name has no bracket, and a `>` before the
/// bracket would be in the name), and the scan has found where it ends.
fn label(line: &str) -> Option<(&str, Option<f64>, &str)> {
    let head = &line.as_bytes()[..line.len().min(64)];
    let untimed = |(name, text)| (name, None, text);
    match first_label_byte(head) {
        Some(end) if matches!(head[end], b':' | b'>') => split_label_at(line, end).map(untimed),
        Some(bracket) => timed_label_at(line, bracket).or_else(|| split_label(line).map(untimed)),
        None => split_label(line).map(untimed),
    }
}

fn is_label_byte(b: &u8) -> bool {
    matches!(b, b'(' | b'[' | b':' | b'>')
}

/// Offset of the first `(`, `[`, `:` or `>` in `head`, eight bytes at a time: a name is a few
/// letters, so nearly every label ends in the first eight, where a byte loop took ~50
/// instructions a line.
fn first_label_byte(head: &[u8]) -> Option<usize> {
    let mut chunks = head.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let found = label_bytes_in(word);
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(is_label_byte)
        .map(|i| at + i)
}

/// The high bit of each byte of `word` that is `(`, `[`, `:` or `>`, and maybe of bytes after
/// one (a subtraction's borrow runs on), so the lowest set bit is exact.
fn label_bytes_in(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & (ONES << 7);
    let equal = |b: u8| zero_bytes(word ^ (ONES * u64::from(b)));
    equal(b'(') | equal(b'[') | equal(b':') | equal(b'>')
}

/// `Name (01:23): text` or `Name [01:23]: text` -> ("Name", Some(83.0), "text").
#[cfg(test)]
fn timed_label(line: &str) -> Option<(&str, Option<f64>, &str)> {
    // A label is short: look only at the start of the line, and only when it has a bracket.
    let head = &line.as_bytes()[..line.len().min(64)];
    // A name has no ':', so a ':' before any bracket means there is no time in the label.
    let bracket = head.iter().position(|&b| matches!(b, b'(' | b'[' | b':'))?;
    if head[bracket] == b':' {
        return None;
    }
    timed_label_at(line, bracket)
}

/// `timed_label` for a caller that found `bracket`, the first `(` or `[`, with no `:` before it.
fn timed_label_at(line: &str, bracket: usize) -> Option<(&str, Option<f64>, &str)> {
    let head = &line.as_bytes()[..line.len().min(64)];
    let close = bracket + find_close(&head[bracket..])?;
    let open = line[..close].rfind(['(', '['])?;
    let time = parse_clock(&line[open + 1..close])?;
    let name = trimmed(&line[..open]);
    plausible_name(name).then(|| (name, Some(time), trimmed(&line[close + 2..])))
}

/// Offset of the first `):` or `]:` in `bytes`.
fn find_close(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(2)
        .position(|w| matches!(w, [b')' | b']', b':']))
}

/// A label seen once in a call where the real speakers each speak several times, on a line
/// that runs on from the one before (no blank line or comment between) in the middle of its
/// sentence, is more likely text ("Note: the meeting is at 3"): fold it back into the
/// utterance before it. After a finished sentence, or in a call without punctuation (where
/// nothing tells), it is a real speaker who spoke once, as a second prospect often does.
/// `set_off` (sorted) holds the lines of utterances that stand apart.
fn fold_one_off_labels(t: &mut Transcript, set_off: &[usize]) {
    // Tested first: it usually settles at the first utterance, and a call without punctuation
    // (as speech-to-text writes) then needs no count of its speakers.
    if !t.utterances.iter().any(|u| ends_sentence(&u.text)) {
        return;
    }
    let (speakers, said_by) = speaker_indexes(&t.utterances);
    let mut counts = vec![0usize; speakers.len()];
    for &i in &said_by {
        counts[i] += 1;
    }
    let recurring = counts.iter().filter(|&&n| n >= 2).count();
    let one_off: Vec<String> = speakers
        .iter()
        .zip(&counts)
        .filter(|(s, n)| **n == 1 && !t.file_roles.contains_key(s.as_str()))
        .map(|(s, _)| s.to_string())
        .collect();
    if recurring < 2 || one_off.is_empty() {
        return;
    }
    let mut kept: Vec<Utterance> = Vec::with_capacity(t.utterances.len());
    for u in std::mem::take(&mut t.utterances) {
        match kept.last_mut() {
            Some(prev)
                if one_off.iter().any(|s| s.as_str() == u.speaker.as_str())
                    && set_off.binary_search(&u.line).is_err()
                    && !ends_sentence(&prev.text) =>
            {
                let label = format!("{}: {}", u.speaker, u.text);
                super::shared::push_words(&mut prev.text, &label);
            }
            _ => kept.push(u),
        }
    }
    t.utterances = kept;
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201d}'])
        .ends_with(['.', '?', '!', '\u{2026}'])
}

fn read_comment(t: &mut Transcript, comment: &str, pending: &mut Vec<String>) {
    if let Some(rest) = comment.strip_prefix("callscore:") {
        let rest = rest.trim();
        if let Some(ids) = rest.strip_prefix("ignore-file") {
            t.suppressions.file.extend(rule_ids(ids));
        } else if let Some(ids) = rest.strip_prefix("ignore") {
            pending.extend(rule_ids(ids));
        }
        return;
    }
    if !t.utterances.is_empty() {
        return;
    }
    if let Some((key, value)) = comment.split_once(':') {
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        match key.as_str() {
            "rep" | "prospect" => {
                let role = if key == "rep" {
                    Role::Rep
                } else {
                    Role::Prospect
                };
                t.state_roles(value, role);
            }
            "call-id" | "call_id" | "id" => t.id = value.to_string(),
            _ => {
                t.metadata.insert(key, value.to_string());
            }
        }
    }
}

/// `[a, b]` -> ["a", "b"]; a bare `ignore` means every rule.
fn rule_ids(s: &str) -> Vec<String> {
    let s = s.trim();
    match s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        Some(inner) => inner
            .split(',')
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect(),
        None => vec!["*".to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_str_lines_does() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb",
            "a\rb\n",
            "a\n\nb\r\n\r\n",
            "x\r",
            "\r\n",
            "é\n\u{2028}b",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    /// `timed_label` and `leading_time` before their plain loops.
    fn timed_label_by_memchr(line: &str) -> Option<(&str, Option<f64>, &str)> {
        let head = &line.as_bytes()[..line.len().min(64)];
        let bracket = memchr::memchr2(b'(', b'[', head)?;
        let close = bracket + find_close(&head[bracket..])?;
        let open = line[..close].rfind(['(', '['])?;
        let time = parse_clock(&line[open + 1..close])?;
        let name = line[..open].trim();
        plausible_name(name).then(|| (name, Some(time), line[close + 2..].trim()))
    }

    fn leading_time_by_memchr(line: &str) -> (Option<f64>, &str) {
        let close = match line.as_bytes().first() {
            Some(b'[') => b']',
            Some(b'(') => b')',
            _ => return (None, line),
        };
        match memchr::memchr(close, line.as_bytes()) {
            Some(end) => match parse_clock(&line[1..end]) {
                Some(t) => (Some(t), line[end + 1..].trim_start()),
                None => (None, line),
            },
            None => (None, line),
        }
    }

    /// Lines shaped like timed labels, with each part sometimes missing or wrong.
    fn label_line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pick = |v: Vec<&'static str>| prop::sample::select(v);
        (
            pick(vec!["", "so ", "Dana: ", "x:", "[", "Dana> ", "a>"]),
            pick(vec!["Dana", "Dr. Lee", "", "a:b", "é", "Speaker 1"]),
            pick(vec!["", " ", "\u{a0}"]),
            pick(vec!["(", "[", ""]),
            pick(vec!["01:23", "1:02", "x", "12:30:01", "", "00:00:02"]),
            pick(vec![")", "]", ""]),
            pick(vec![":", "", " :"]),
            pick(vec![
                " hi",
                "",
                " (1:00): z",
                " ok ",
                "\u{a0}é",
                "> b",
                " x: y",
            ]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h)| {
                [a, b, c, d, e, f, g, h].concat().trim().to_string()
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]

        #[test]
        fn label_bytes_are_found_as_by_a_loop(s in "[a:>(\\[ é]{0,40}") {
            let bytes = s.as_bytes();
            proptest::prop_assert_eq!(first_label_byte(bytes), bytes.iter().position(is_label_byte));
        }

        #[test]
        fn one_scan_labels_as_the_two_readers_do(line in label_line()) {
            let two = timed_label(&line).or_else(|| split_label(&line).map(|(n, b)| (n, None, b)));
            proptest::prop_assert_eq!(label(&line), two);
        }

        #[test]
        fn labels_and_times_read_as_with_memchr(line in label_line()) {
            proptest::prop_assert_eq!(timed_label(&line), timed_label_by_memchr(&line));
            proptest::prop_assert_eq!(leading_time(&line), leading_time_by_memchr(&line));
        }

        #[test]
        fn lines_split_any_text_as_str_lines_does(text in "[a\r\n\u{feff}é]{0,12}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }
    }

    #[test]
    fn byte_order_marks_are_dropped_only_at_the_start() {
        assert_eq!(without_bom("\u{feff}\u{feff}Dana: hi"), "Dana: hi");
        assert_eq!(without_bom("Dana: \u{feff}hi"), "Dana: \u{feff}hi");
        assert_eq!(without_bom("\u{fefe}x"), "\u{fefe}x");
    }

    #[test]
    fn times_before_and_after_the_name() {
        assert_eq!(
            leading_time("[00:01:23] Dana: hi"),
            (Some(83.0), "Dana: hi")
        );
        assert_eq!(leading_time("(1:02) Dana: hi"), (Some(62.0), "Dana: hi"));
        assert_eq!(
            leading_time("[laughs] Dana: hi"),
            (None, "[laughs] Dana: hi")
        );
        assert_eq!(
            timed_label("Dana (01:23): hi"),
            Some(("Dana", Some(83.0), "hi"))
        );
        assert_eq!(
            timed_label("Dana [0:05]: hi"),
            Some(("Dana", Some(5.0), "hi"))
        );
        assert_eq!(timed_label("so at (10:30): we"), None);
    }

    #[test]
    fn a_one_off_label_among_regular_speakers_is_text() {
        let text = "Dana: a.\nMarcus: the plan is\nNote: at 3 we meet\nDana: c.\nMarcus: d.\n";
        let t = read("a.txt", text).unwrap();
        assert_eq!(t.speakers(), vec!["Dana", "Marcus"]);
        assert_eq!(t.utterances[1].text, "the plan is Note: at 3 we meet");
    }

    #[test]
    fn a_one_off_speaker_after_a_finished_sentence_is_kept() {
        let text = "Dana: a.\nMarcus: b.\nPriya: does it work offline?\nDana: c.\nMarcus: d.\n";
        let t = read("a.txt", text).unwrap();
        assert_eq!(t.speakers(), vec!["Dana", "Marcus", "Priya"]);
        let unpunctuated = "Dana: a\nMarcus: b\nPriya: does it work offline\nDana: c\nMarcus: d\n";
        let t = read("a.txt", unpunctuated).unwrap();
        assert_eq!(t.speakers(), vec!["Dana", "Marcus", "Priya"]);
    }

    #[test]
    fn a_one_off_label_after_a_blank_line_is_a_speaker() {
        let text = "Dana: a\n\nMarcus: b\n\nPriya: c\n\nDana: d\n\nMarcus: e\n";
        let t = read("a.txt", text).unwrap();
        assert_eq!(t.speakers(), vec!["Dana", "Marcus", "Priya"]);
    }

    #[test]
    fn a_third_speaker_declared_in_the_header_is_kept() {
        let text = "# prospect: Priya\nDana: a\nMarcus: b\nPriya: c\nDana: d\nMarcus: e\n";
        let t = read("a.txt", text).unwrap();
        assert_eq!(t.speakers(), vec!["Dana", "Marcus", "Priya"]);
    }

    #[test]
    fn text_before_any_label_is_an_error_with_its_line() {
        let err = read("a.txt", "\n\nhello\nDana: hi\n").unwrap_err();
        assert_eq!(err.line, Some(3));
    }
}
