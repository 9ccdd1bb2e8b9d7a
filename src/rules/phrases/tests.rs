use super::*;
use proptest::prelude::*;
use std::sync::OnceLock;

fn list(phrases: &[&str]) -> PhraseList {
    let phrases: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
    PhraseList::new("x", &phrases).unwrap()
}

#[test]
fn an_empty_list_matches_nothing() {
    let re = compile("x", &[], &[]).unwrap();
    assert!(!re.is_match("anything at all"));
    assert!(!re.is_match(""));
    let empty = list(&["", "  "]);
    assert!(!empty.is_match("anything at all"));
    assert!(!empty.is_match(""));
}

#[test]
fn phrases_match_whole_words_across_case_and_punctuation() {
    let l = list(&["do you still want to", "another time"]);
    assert!(l.is_match("Bad timing. Do you STILL want to do this today?"));
    assert!(l.is_match("do you -- still, want...to"));
    assert!(l.is_match("Another\ntime, then."));
    assert!(!l.is_match("do you still want"), "a phrase cut short");
    assert!(
        !l.is_match("do you still want tomatoes"),
        "a longer last word"
    );
    assert!(!l.is_match("undo you still want to"), "a longer first word");
    assert!(!l.is_match("do youstill want to"), "words run together");
    assert!(!l.is_match("anotherétime"), "é is a word character");
    assert!(!l.is_match("another time_"), "_ is a word character");
}

#[test]
fn apostrophes_are_optional_and_either_kind() {
    let l = list(&["you've reached", "i'm calling about"]);
    assert!(l.is_match("Hi, you've reached Acme."));
    assert!(l.is_match("Hi, you’ve reached Acme."));
    assert!(l.is_match("Hi, youve reached Acme."));
    assert!(l.is_match("I'M calling about the quote"));
    assert!(!l.is_match("you''ve reached"), "one apostrophe at most");
    assert!(!l.is_match("you've reach"));
    let plain = list(&["don t"]);
    assert!(
        plain.is_match("I don't know"),
        "an apostrophe separates words too"
    );
}

#[test]
fn words_longer_than_the_length_table_match_like_the_regex() {
    let long = "w".repeat(40);
    let phrases = [
        format!("{long} end"),
        format!("{long}'s end"),
        "x".repeat(31),
    ];
    let l = PhraseList::new("x", &phrases).unwrap();
    let re = compile("x", &phrases, &[]).unwrap();
    for text in [
        format!("a {long} end"),
        format!("a {long}s end"),
        format!("a {long}'s end"),
        format!("a {long}w end"),
        format!("{} end", "w".repeat(39)),
        "x".repeat(31),
        "x".repeat(32),
        format!("{}.", "x".repeat(31)),
    ] {
        assert_eq!(l.is_match(&text), re.is_match(&text), "{text}");
    }
}

#[test]
fn non_ascii_letters_that_fold_to_ascii_match_like_the_regex() {
    let l = list(&["thanks for calling"]);
    assert!(l.is_match("THAN\u{212A}\u{17F} for calling"));
    let re = compile("x", &["thanks for calling".to_string()], &[]).unwrap();
    assert!(re.is_match("THAN\u{212A}\u{17F} for calling"));
}

#[test]
fn other_phrases_fall_back_to_the_regex() {
    let l = list(&["e-mail me", "’cause", "naïve"]);
    assert!(l.others.is_some());
    assert!(l.words.is_empty());
    assert!(l.is_match("please e-mail me"));
    assert!(!l.is_match("please e mail me"), "the hyphen is literal");
    assert!(
        l.is_match("he’cause"),
        "as the regex: \\b’ needs a word before it"
    );
    assert!(l.is_match("so NAÏVE"));
}

/// Every character `(?i)` compares equal to an ASCII word character folds to it.
#[test]
fn fold_agrees_with_the_regex_case_folding() {
    let all: String = (0..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_ascii())
        .collect();
    let re = Regex::new("(?i)[a-z0-9_]").unwrap();
    let found: Vec<char> = re
        .find_iter(&all)
        .map(|m| m.as_str().chars().next().unwrap())
        .collect();
    assert_eq!(found, ['\u{17F}', '\u{212A}']);
    for c in found {
        let letter = Regex::new(&format!("(?i)^{}$", fold(c))).unwrap();
        assert!(letter.is_match(&c.to_string()), "{c}");
    }
    for b in 0..128u8 {
        assert_eq!(fold(b as char), (b as char).to_ascii_lowercase());
    }
}

#[test]
fn is_word_agrees_with_the_regex_word_class() {
    let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
    let re = Regex::new(r"\w").unwrap();
    let words = re.find_iter(&all).count();
    assert_eq!(words, all.chars().filter(|&c| is_word(c)).count());
    assert!(
        re.find_iter(&all)
            .all(|m| is_word(m.as_str().chars().next().unwrap()))
    );
}

const PHRASES: [&str; 6] = [
    "do you still want to",
    "you've reached",
    "i'm calling about",
    "take your time",
    "k s",
    "a_1",
];

fn both() -> &'static (PhraseList, Regex) {
    static BOTH: OnceLock<(PhraseList, Regex)> = OnceLock::new();
    BOTH.get_or_init(|| {
        let phrases: Vec<String> = PHRASES.iter().map(|p| p.to_string()).collect();
        (
            PhraseList::new("x", &phrases).unwrap(),
            compile("x", &phrases, &[]).unwrap(),
        )
    })
}

/// Texts built from whole phrases and pieces of them, case variants and odd characters, with
/// every space then swapped for a separator, an apostrophe or nothing.
fn text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "do you still want to",
        "Do You STILL want toe",
        "you've reached",
        "you’ve reached",
        "youve reached",
        "I'm calling about",
        "take your time",
        "k s",
        "a_1",
        "don't",
        "do",
        "you",
        "still",
        "want",
        "to",
        "ve",
        "m",
        "\u{212A}",
        "\u{17F}",
        "a",
        "_",
        "1",
        "é",
        "\u{301}",
        " ",
        "'",
        "’",
        "?",
        "\n",
    ]);
    let pieces = prop::collection::vec(piece, 0..12);
    let seps = prop::collection::vec(
        prop::sample::select(vec![" ", " ", "", "  ", ", ", "'", "’", "-"]),
        64,
    );
    (pieces, seps).prop_map(|(pieces, seps)| {
        let mut seps = seps.into_iter().cycle();
        let mut out = String::new();
        for c in pieces.join(" ").chars() {
            match c {
                ' ' => out.push_str(seps.next().unwrap()),
                c => out.push(c),
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The walk and the regex `compile` builds agree on every text.
    #[test]
    fn the_walk_matches_exactly_what_the_regex_matches(text in text()) {
        let (list, re) = both();
        prop_assert_eq!(list.is_match(&text), re.is_match(&text), "{:?}", text);
    }
}
