//! Phrase lists that rules match themselves (custom rules, a rule's own options).
//!
//! Phrases match as whole words, case-insensitively, with any run of spaces or punctuation
//! between words, and with or without apostrophes. `compile` states that as one regex (custom
//! rules, which also take regex `patterns` and quote what matched). `PhraseList` gives the same
//! answer to "does this text say one of the phrases?" by walking the text once, because the
//! regex costs about 100 million instructions to compile per list: every `\W+` between words
//! is a Unicode class that compiles to a large UTF-8 automaton.

use regex::Regex;

/// One case-insensitive regex for all phrases and patterns.
pub fn compile(key: &str, phrases: &[String], patterns: &[String]) -> Result<Regex, String> {
    for p in patterns {
        Regex::new(p).map_err(|e| {
            // The regex error draws a caret under the pattern; keep its last line, the reason.
            let text = e.to_string();
            let reason = text
                .lines()
                .last()
                .unwrap_or_default()
                .trim_start_matches("error: ");
            format!("[rules.{key}] pattern '{p}' is not a valid regular expression: {reason}")
        })?;
    }
    let mut alternatives: Vec<String> = phrases
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| phrase_regex(p))
        .collect();
    alternatives.extend(patterns.iter().map(|p| format!("(?:{p})")));
    if alternatives.is_empty() {
        // An empty list matches nothing.
        alternatives.push(r"[^\s\S]".to_string());
    }
    Regex::new(&format!("(?i){}", alternatives.join("|")))
        .map_err(|e| format!("[rules.{key}] cannot compile its phrases: {e}"))
}

/// `\bw1\W+w2\b`, each apostrophe optional and either ' or ’.
fn phrase_regex(phrase: &str) -> String {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| regex::escape(w).replace('\'', "['’]?"))
        .collect();
    format!(r"\b{}\b", words.join(r"\W+"))
}

/// A phrase list matched without a regex: the same matches as `compile(key, phrases, &[])`.
/// Phrases made of ASCII letters, digits and `_` with apostrophes inside words (every built-in
/// list) are walked by hand; any other phrase goes to a regex of its own.
#[derive(Debug)]
pub struct PhraseList {
    words: Vec<Phrase>,
    /// By a word's first byte in ASCII text: the phrases that may start there.
    starts: [Starts; 256],
    /// The phrases the walk does not cover, if any.
    others: Option<Regex>,
}

impl PhraseList {
    pub fn new(key: &str, phrases: &[String]) -> Result<PhraseList, String> {
        let mut words = Vec::new();
        let mut others = Vec::new();
        for p in phrases.iter().filter(|p| !p.trim().is_empty()) {
            match Phrase::parse(p) {
                Some(phrase) => words.push(phrase),
                None => others.push(p.clone()),
            }
        }
        words.sort_by_key(|p: &Phrase| p.first);
        let others = match others.is_empty() {
            true => None,
            false => Some(compile(key, &others, &[])?),
        };
        let mut starts = [Starts::default(); 256];
        for (i, p) in words.iter().enumerate() {
            let first = p.first as u8;
            for byte in [first, first.to_ascii_uppercase()] {
                let s = &mut starts[usize::from(byte)];
                if s.lengths == 0 {
                    s.from = i;
                }
                s.lengths |= p.word_lengths();
                s.seconds |= p.second_bytes();
                s.to = i + 1;
            }
        }
        Ok(PhraseList {
            words,
            starts,
            others,
        })
    }

    /// Whether `text` says one of the phrases.
    pub fn is_match(&self, text: &str) -> bool {
        self.words_match(text) || self.others.as_ref().is_some_and(|re| re.is_match(text))
    }

    /// Tries the phrases at every word start (a `\b` before a word character). In ASCII text
    /// only the words whose first byte and length may start a phrase are tried; elsewhere a
    /// non-ASCII character may fold to ASCII, so every word start is.
    fn words_match(&self, text: &str) -> bool {
        if text.is_ascii() {
            return self.ascii_words_match(text);
        }
        let mut at = 0;
        while at < text.len() {
            let c = char_at(text, at);
            if !is_word(c) {
                at += c.len_utf8();
                continue;
            }
            if self.any_at(text, at) {
                return true;
            }
            at = word_end(text, at);
        }
        false
    }

    /// `words_match` for ASCII text, one word at a time: a table look-up per word rather than
    /// a search for the phrases' first runs, which in ordinary text are everywhere ("do" in
    /// "don't", "we" in "were", "is" in "this") and cost a try each.
    fn ascii_words_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if !WORD_BYTE[usize::from(bytes[at])] {
                at += 1;
                continue;
            }
            let end = bytes[at + 1..]
                .iter()
                .position(|&b| !WORD_BYTE[usize::from(b)])
                .map_or(bytes.len(), |n| at + 1 + n);
            let starts = &self.starts[usize::from(bytes[at])];
            if starts.lengths >> (end - at).min(31) & 1 == 1
                && (end - at == 1 || starts.seconds >> second_key(bytes[at + 1]) & 1 == 1)
                && self.words[starts.from..starts.to]
                    .iter()
                    .any(|p| p.ascii_at(&bytes[at..]))
            {
                return true;
            }
            at = end;
        }
        false
    }

    /// Whether a phrase matches at `at`, a word start.
    fn any_at(&self, text: &str, at: usize) -> bool {
        let word = &text.as_bytes()[at..word_end(text, at)];
        self.starting_with(fold(char_at(text, at)))
            .any(|p| p.may_start(word) && p.at(&text[at..]))
    }

    /// The phrases whose first character is `c` (they are sorted by it).
    fn starting_with(&self, c: char) -> impl Iterator<Item = &Phrase> {
        let from = self.words.partition_point(|p| p.first < c);
        self.words[from..].iter().take_while(move |p| p.first == c)
    }
}

/// The phrases that may start at a word in ASCII text, by the word's first byte.
#[derive(Debug, Clone, Copy, Default)]
struct Starts {
    /// The word lengths (bit `len.min(31)`) that may start one of them; 0 for none.
    lengths: u32,
    /// The second bytes (bit `second_key(byte)`) a word of two or more bytes may have to start
    /// one of them: "that" cannot start "take".
    seconds: u64,
    /// Where they are in `PhraseList::words` (sorted by first character).
    from: usize,
    to: usize,
}

/// A phrase as runs of lower-case ASCII word characters, each followed by what joins it to the
/// next: an optional apostrophe inside a word, a gap between words, or the end.
#[derive(Debug)]
struct Phrase {
    first: char,
    pieces: Vec<(Box<str>, Join)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// `['’]?`
    Apostrophe,
    /// `\W+`
    Gap,
    /// `\b`
    End,
}

impl Phrase {
    /// None when a word has anything but ASCII word characters and inner apostrophes.
    fn parse(phrase: &str) -> Option<Phrase> {
        let mut pieces = Vec::new();
        for word in phrase.split_whitespace() {
            for run in word.split('\'') {
                let plain = run.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if run.is_empty() || !plain {
                    return None;
                }
                pieces.push((run.to_ascii_lowercase().into_boxed_str(), Join::Apostrophe));
            }
            pieces.last_mut()?.1 = Join::Gap;
        }
        pieces.last_mut()?.1 = Join::End;
        let first = pieces[0].0.chars().next()?;
        Some(Phrase { first, pieces })
    }

    /// The lengths (bit `len.min(31)`) an ASCII word may have to start the phrase: the first
    /// run's own length when a gap or the end follows it, and any longer length when an
    /// optional apostrophe does ("im" for "i'm").
    fn word_lengths(&self) -> u32 {
        let (run, join) = &self.pieces[0];
        let bit = 1u32 << run.len().min(31);
        match join {
            Join::Apostrophe => !(bit - 1),
            Join::Gap | Join::End => bit,
        }
    }

    /// The second bytes (bits by `second_key`) an ASCII word may have to start the phrase: the
    /// first run's second byte, or any when the run is one byte long (a longer word then goes
    /// on with the next run: "im" for "i'm").
    fn second_bytes(&self) -> u64 {
        match self.pieces[0].0.as_bytes() {
            [_, second, ..] => 1 << second_key(*second),
            _ => !0,
        }
    }

    /// False when `word` can't start the phrase: its ASCII head differs from the first run, or
    /// it is shorter. (A non-ASCII character may fold to ASCII: the walk decides.)
    fn may_start(&self, word: &[u8]) -> bool {
        for (i, want) in self.pieces[0].0.bytes().enumerate() {
            match word.get(i) {
                Some(b) if !b.is_ascii() => return true,
                Some(b) if b.to_ascii_lowercase() == want => {}
                _ => return false,
            }
        }
        true
    }

    /// `at` for ASCII text, byte by byte: an ASCII character folds to its lower case, and the
    /// only apostrophe there is '.
    fn ascii_at(&self, rest: &[u8]) -> bool {
        let mut at = 0;
        for (run, join) in &self.pieces {
            let run = run.as_bytes();
            match rest.get(at..at + run.len()) {
                Some(said) if said.eq_ignore_ascii_case(run) => at += run.len(),
                _ => return false,
            }
            let non_word = |b: &u8| !WORD_BYTE[usize::from(*b)];
            match join {
                Join::Apostrophe => at += usize::from(rest.get(at) == Some(&b'\'')),
                Join::Gap => match rest[at..].iter().take_while(|b| non_word(b)).count() {
                    0 => return false,
                    gap => at += gap,
                },
                Join::End => return rest.get(at).is_none_or(non_word),
            }
        }
        unreachable!("the last piece ends the phrase")
    }

    /// Whether the phrase matches at the start of `rest`, which starts a word. Every run starts
    /// with a word character, so each step has one way to go: an apostrophe join takes a
    /// ' or ’ if one is there, a gap takes every non-word character there is.
    fn at(&self, rest: &str) -> bool {
        let mut chars = rest.chars().peekable();
        for (run, join) in &self.pieces {
            for want in run.chars() {
                if chars.next().map(fold) != Some(want) {
                    return false;
                }
            }
            match join {
                Join::Apostrophe => {
                    chars.next_if(|&c| c == '\'' || c == '\u{2019}');
                }
                Join::Gap => {
                    if chars.next_if(|&c| !is_word(c)).is_none() {
                        return false;
                    }
                    while chars.next_if(|&c| !is_word(c)).is_some() {}
                }
                Join::End => return chars.peek().is_none_or(|&c| !is_word(c)),
            }
        }
        unreachable!("the last piece ends the phrase")
    }
}

fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        b if b.is_ascii() => b as char,
        _ => text[at..].chars().next().unwrap_or_default(),
    }
}

/// Where the word starting at `at` ends.
fn word_end(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let c = char_at(text, at);
        if !is_word(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// A word byte's bit in `Starts::seconds`: the same for both cases of a letter (other bytes
/// may share a bit, which only lets a few more words through to the byte-by-byte match).
fn second_key(byte: u8) -> u8 {
    (byte | 0x20) & 0x3f
}

/// `is_word` of each ASCII byte (false for the bytes of other characters).
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// The regex crate's `\w` (Unicode), with the ASCII answer first.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// A character as `(?i)` compares it with an ASCII word character: ASCII lower-cased, and the
/// two non-ASCII letters whose simple case folding is ASCII (KELVIN SIGN, LONG S).
fn fold(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        c => c.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests;
