//! Phrase lists that rules match themselves (custom rules, a rule's own options).
//!
//! Phrases match as whole words, case-insensitively, with any run of spaces or punctuation
//! between words, and with or without apostrophes. `compile` states that as one regex (custom
//! rules, which also take regex `patterns` and quote what matched). `PhraseList` gives the same
//! answer to "does this text say one of the phrases?" by walking the text once, because the
//! regex costs about 100 million instructions to compile per list: every `\W+` between words
//! is a Unicode class that compiles to a large UTF-8 automaton.

use aho_corasick::{AhoCorasick, MatchKind};
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
    /// The phrases' first runs: finds the places worth trying in ASCII text.
    firsts: AhoCorasick,
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
        let mut firsts: Vec<&str> = words.iter().map(|p| &*p.pieces[0].0).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let firsts = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(firsts)
            .map_err(|e| format!("[rules.{key}] cannot compile its phrases: {e}"))?;
        Ok(PhraseList {
            words,
            firsts,
            others,
        })
    }

    /// Whether `text` says one of the phrases.
    pub fn is_match(&self, text: &str) -> bool {
        self.words_match(text) || self.others.as_ref().is_some_and(|re| re.is_match(text))
    }

    /// Tries the phrases at every word start (a `\b` before a word character). In ASCII text
    /// only the word starts where a phrase's first run begins are tried; elsewhere a
    /// non-ASCII character may fold to ASCII, so every word start is.
    fn words_match(&self, text: &str) -> bool {
        if text.is_ascii() {
            let bytes = text.as_bytes();
            // Runs are word characters only, so a found run never spans a word start: the
            // next word start worth trying is always found after it.
            return self.firsts.find_iter(text).any(|m| {
                let at = m.start();
                (at == 0 || !is_word(bytes[at - 1] as char)) && self.any_at(text, at)
            });
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
