//! The rule set and the rules: annotated call in, findings out. One file per rule.
//!
//! Each rule file holds the rule's documentation (`doc()`), its TOML table (`Table`), and a
//! checker built from that table. `registry.rs` lists them; `ruleset.rs` loads rule files.

pub mod config;
pub mod finding;
pub mod registry;
pub mod ruleset;

mod cues;
mod custom;
mod missing_purpose;
mod monologue;
mod no_next_step;
mod opening;
mod phrases;
mod purposeless_opener;
mod talk_ratio;
mod train_selling;
mod unanswered_question;
mod whole;

pub use config::{RuleFileError, Settings};
pub use finding::{Finding, Severity};
pub use ruleset::RuleSet;

use crate::analysis::{Annotated, Lexicon};
use crate::transcript::Role;
use opening::Opening;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::sync::Arc;

/// What `callscore rules ID` shows about a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDoc {
    pub id: String,
    /// One line, for the rule table.
    pub summary: String,
    /// What it flags, in a sentence or two.
    pub flags: String,
    /// Why it matters.
    pub why: String,
    /// A short exchange that trips the rule.
    pub example: String,
    /// What to say instead.
    pub instead: String,
    pub options: Vec<OptionDoc>,
}

/// One of a rule's own options, with its value in the loaded rule set.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionDoc {
    pub name: String,
    pub help: String,
    /// The current value as TOML, empty when unset.
    pub value: String,
}

impl OptionDoc {
    pub fn new(name: &str, help: &str) -> OptionDoc {
        OptionDoc {
            name: name.to_string(),
            help: help.to_string(),
            value: String::new(),
        }
    }
}

/// The part of a rule that looks at a call.
pub trait Check: fmt::Debug + Send + Sync {
    fn check(&self, call: &Annotated, out: &mut Emit);
}

/// A rule as configured by a rule set: its documentation, settings and checker.
#[derive(Debug, Clone)]
pub struct Rule {
    pub doc: RuleDoc,
    pub settings: Settings,
    checker: Arc<dyn Check>,
}

impl Rule {
    pub fn new(doc: RuleDoc, settings: Settings, checker: impl Check + 'static) -> Rule {
        Rule {
            doc,
            settings,
            checker: Arc::new(checker),
        }
    }

    pub fn id(&self) -> &str {
        &self.doc.id
    }

    /// Runs the checker alone, whatever `enabled` says.
    pub fn run(&self, call: &Annotated, lexicon: &Lexicon) -> Vec<Finding> {
        self.run_with(call, lexicon, &Memo::default())
    }

    fn run_with(&self, call: &Annotated, lexicon: &Lexicon, memo: &Memo) -> Vec<Finding> {
        let mut emit = Emit {
            rule: &self.doc.id,
            severity: self.settings.severity,
            lexicon,
            memo,
            found: Vec::new(),
        };
        self.checker.check(call, &mut emit);
        emit.found
    }
}

/// What more than one rule works out about the same call, worked out once for the call.
#[derive(Default)]
pub(crate) struct Memo {
    /// The rep's opening and the number of turns it was taken over (purposeless-opener and
    /// missing-purpose both read it; spotting its phrases normalises its texts again).
    opening: OnceCell<(usize, Opening)>,
}

/// Collects one rule's findings, filling in the fields every finding shares.
pub struct Emit<'r> {
    rule: &'r str,
    severity: Severity,
    lexicon: &'r Lexicon,
    memo: &'r Memo,
    found: Vec<Finding>,
}

/// Longest excerpt a finding quotes, in characters.
const EXCERPT_CHARS: usize = 160;

impl<'r> Emit<'r> {
    /// The rule set's compiled phrase lists.
    pub fn lexicon(&self) -> &'r Lexicon {
        self.lexicon
    }

    /// The rep's first `turns` turns of `call`, the call this `Emit` reports on.
    pub fn opening(&self, call: &Annotated, turns: usize) -> Cow<'r, Opening> {
        let (memo_turns, opening) = self
            .memo
            .opening
            .get_or_init(|| (turns, Opening::of(call, self.lexicon, turns)));
        match *memo_turns == turns {
            true => Cow::Borrowed(opening),
            false => Cow::Owned(Opening::of(call, self.lexicon, turns)),
        }
    }

    /// Labels of the phrase lists that matched utterance `i` ("deflection.demo").
    pub fn cue_labels(&self, call: &Annotated, i: usize) -> Vec<&'r str> {
        let lexicon = self.lexicon;
        call.cue_labels(i, lexicon).collect()
    }

    /// Reports utterance `at` (an index into the transcript's utterances); `related` is the
    /// utterance at the other end (the turn passed over, the reply that deflected).
    pub fn at(&mut self, call: &Annotated, at: usize, message: String, related: Option<usize>) {
        let t = call.transcript;
        let u = &t.utterances[at];
        self.found.push(Finding {
            rule: self.rule.to_string(),
            severity: self.severity,
            line: u.line,
            start_s: u.start,
            // Not `to_string`: `SmolStr`'s goes through `Display` and the formatter's padding.
            speaker: String::from(u.speaker.as_str()),
            role: u.role,
            message,
            excerpt: excerpt(&u.text),
            related_line: related.map(|r| t.utterances[r].line),
            penalty: 0,
        });
    }
}

fn excerpt(text: &str) -> String {
    let text = text.trim();
    // A text of at most EXCERPT_CHARS bytes has at most that many characters, and in ASCII
    // text character and byte offsets agree: only other text needs its characters counted.
    let cut = if text.len() <= EXCERPT_CHARS {
        None
    } else if text.is_ascii() {
        Some(EXCERPT_CHARS)
    } else {
        text.char_indices().nth(EXCERPT_CHARS).map(|(cut, _)| cut)
    };
    match cut {
        None => text.to_string(),
        Some(cut) => {
            let kept = text[..cut].trim_end();
            let mut out = String::with_capacity(kept.len() + '…'.len_utf8());
            out.push_str(kept);
            out.push('…');
            out
        }
    }
}

/// Runs every enabled rule over an annotated call; findings come sorted by line, then by the
/// rule's place in the rule set.
pub fn check(call: &Annotated, ruleset: &RuleSet) -> Vec<Finding> {
    let mut found: Vec<Finding> = Vec::new();
    let memo = Memo::default();
    for rule in ruleset.rules.iter().filter(|r| r.settings.enabled) {
        found.extend(rule.run_with(call, &ruleset.lexicon, &memo));
    }
    // Stable: findings on one line stay in rule order, as the rules ran.
    found.sort_by_key(|f| f.line);
    found
}

/// Indexes of the utterances spoken by `role`, in order.
pub(crate) fn utterances_of<'a>(
    call: &'a Annotated<'_>,
    role: Role,
) -> impl Iterator<Item = usize> + 'a {
    call.transcript
        .utterances
        .iter()
        .enumerate()
        .filter(move |(_, u)| u.role == role)
        .map(|(i, _)| i)
}

/// "once", "twice", "3 times".
pub(crate) fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_is_worked_out_again_for_another_number_of_turns() {
        use testing::{marked, script};
        let t = script(&["R: Hi.", "P: Hi.", "R: Just checking in.", "P: Sure."]);
        let call = marked(&t, &[]);
        let lexicon = Lexicon::default();
        let emit = Emit {
            rule: "test",
            severity: Severity::Warning,
            lexicon: &lexicon,
            memo: &Memo::default(),
            found: Vec::new(),
        };
        for turns in [1, 2, 1, 0] {
            let fresh = Opening::of(&call, &lexicon, turns);
            assert_eq!(emit.opening(&call, turns).utterances, fresh.utterances);
        }
    }

    #[test]
    fn excerpts_are_cut_on_a_character_boundary() {
        let long = "é".repeat(200);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt("  short  "), "short");
        // Byte and character counts around the cut, ASCII and not.
        for text in [
            "a".repeat(EXCERPT_CHARS),
            "a".repeat(EXCERPT_CHARS + 1),
            format!("{} b", "a".repeat(EXCERPT_CHARS - 1)),
            format!("{}é", "a".repeat(EXCERPT_CHARS - 1)),
            format!("{}é", "a".repeat(EXCERPT_CHARS)),
            format!("{}éé", "a".repeat(EXCERPT_CHARS - 1)),
        ] {
            let slow = match text.char_indices().nth(EXCERPT_CHARS) {
                None => text.clone(),
                Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
            };
            assert_eq!(excerpt(&text), slow, "{text:?}");
        }
    }
}
