//! Custom phrase rules from the rule file: a phrase that must appear (a recording disclosure in
//! the first minute) or must not (\"to be honest\"), for a role, within a window of the call.
//!
//! ```toml
//! [rules.custom.recording-disclosure]
//! summary = "The rep says the call may be recorded in the first minute."
//! kind = "required"            # or "forbidden"
//! role = "rep"                 # "prospect", "any"
//! phrases = ["this call may be recorded", "this call is being recorded"]
//! patterns = ['record(ed|ing) for (quality|training)']   # regexes, optional
//! window = "first-seconds"     # "opening", "closing", "anywhere"
//! seconds = 60                 # for first-seconds
//! turns = 3                    # for opening/closing, and first-seconds on calls without times
//! severity = "error"
//! penalty = 20
//! max_penalty = 20
//! ```

use super::config::{require, rule_table};
use super::phrases;
use super::{Check, Emit, OptionDoc, Rule, RuleDoc};
use crate::analysis::Annotated;
use crate::transcript::Role;
use regex::Regex;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Required,
    Forbidden,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Speaker {
    Rep,
    Prospect,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Window {
    Anywhere,
    Opening,
    Closing,
    FirstSeconds,
}

rule_table!(
    /// `[rules.custom.<id>]`
    Table {
        summary: String,
        kind: Kind,
        role: Speaker,
        phrases: Vec<String>,
        patterns: Vec<String>,
        window: Window,
        turns: usize,
        seconds: f64,
        message: String,
        why: String,
        instead: String,
    }
);

/// Option names shown by `callscore rules ID`.
const OPTIONS: [(&str, &str); 8] = [
    (
        "kind",
        "\"required\" (must be said) or \"forbidden\" (must not be said)",
    ),
    (
        "role",
        "who must or must not say it: \"rep\", \"prospect\" or \"any\"",
    ),
    (
        "phrases",
        "phrases, matched case-insensitively as whole words",
    ),
    (
        "patterns",
        "regular expressions, matched case-insensitively",
    ),
    (
        "window",
        "\"anywhere\", \"opening\", \"closing\" or \"first-seconds\"",
    ),
    (
        "turns",
        "how many of the call's first (opening) or last (closing) turns",
    ),
    (
        "seconds",
        "the first-seconds window; calls without times use `turns`",
    ),
    (
        "message",
        "the finding's message, instead of the generated one",
    ),
];

/// Builds custom rule `id` from its table; errors may name the text to look for in the file.
pub fn build(id: &str, table: &Table) -> Result<Rule, String> {
    let key = format!("custom.{id}");
    let kind = require(table.kind, &key, "kind")?;
    let speaker = table.role.unwrap_or(Speaker::Any);
    let window = table.window.unwrap_or(Window::Anywhere);
    let turns = match window {
        Window::Opening | Window::Closing | Window::FirstSeconds => {
            Some(require(table.turns, &key, "turns")?)
        }
        Window::Anywhere => None,
    };
    let seconds = match window {
        Window::FirstSeconds => Some(require(table.seconds, &key, "seconds")?),
        _ => None,
    };
    let phrases = table.phrases.clone().unwrap_or_default();
    let patterns = table.patterns.clone().unwrap_or_default();
    if phrases.is_empty() && patterns.is_empty() {
        return Err(format!(
            "[rules.{key}] has neither `phrases` nor `patterns`; give at least one"
        ));
    }
    let matcher = phrases::compile(&key, &phrases, &patterns)?;
    let checker = CustomRule {
        kind,
        speaker,
        window,
        turns,
        seconds,
        matcher,
        shown: phrases
            .first()
            .or(patterns.first())
            .cloned()
            .unwrap_or_default(),
        message: table.message.clone(),
    };
    Ok(Rule::new(doc(id, table), table.settings(&key)?, checker))
}

fn doc(id: &str, table: &Table) -> RuleDoc {
    let summary = table
        .summary
        .clone()
        .unwrap_or_else(|| "A custom phrase rule from the rule file.".to_string());
    let verb = match table.kind {
        Some(Kind::Forbidden) => "says",
        _ => "does not say",
    };
    RuleDoc {
        id: id.to_string(),
        flags: format!(
            "A call in which the {} {verb} one of the rule's phrases or patterns within its \
             window.",
            match table.role {
                Some(Speaker::Rep) => "rep",
                Some(Speaker::Prospect) => "prospect",
                _ => "speaker",
            }
        ),
        why: table
            .why
            .clone()
            .unwrap_or_else(|| "Your team's rule file requires it.".to_string()),
        example: String::new(),
        instead: table.instead.clone().unwrap_or_default(),
        options: OPTIONS
            .iter()
            .map(|(name, help)| OptionDoc::new(name, help))
            .collect(),
        summary,
    }
}

#[derive(Debug)]
struct CustomRule {
    kind: Kind,
    speaker: Speaker,
    window: Window,
    turns: Option<usize>,
    seconds: Option<f64>,
    matcher: Regex,
    /// The first phrase, for messages.
    shown: String,
    message: Option<String>,
}

impl Check for CustomRule {
    fn check(&self, call: &Annotated, out: &mut Emit) {
        let window = self.window_utterances(call);
        let said: Vec<usize> = window
            .iter()
            .copied()
            .filter(|&i| self.speaks(call, i))
            .collect();
        match self.kind {
            Kind::Forbidden => {
                for i in said {
                    if let Some(m) = self.matcher.find(&call.transcript.utterances[i].text) {
                        let message = self
                            .message
                            .clone()
                            .unwrap_or_else(|| format!("said '{}'", m.as_str()));
                        out.at(call, i, message, None);
                    }
                }
            }
            Kind::Required => {
                let text = |i: usize| &call.transcript.utterances[i].text;
                if said.iter().any(|&i| self.matcher.is_match(text(i))) {
                    return;
                }
                let Some(&at) = said.first().or(window.first()) else {
                    return;
                };
                let message = self.message.clone().unwrap_or_else(|| {
                    format!("no '{}' {} {}", self.shown, self.who(), self.where_(call))
                });
                out.at(call, at, message, None);
            }
        }
    }
}

impl CustomRule {
    fn speaks(&self, call: &Annotated, i: usize) -> bool {
        let role = call.transcript.utterances[i].role;
        match self.speaker {
            Speaker::Rep => role == Role::Rep,
            Speaker::Prospect => role == Role::Prospect,
            Speaker::Any => true,
        }
    }

    fn who(&self) -> &'static str {
        match self.speaker {
            Speaker::Rep => "from the rep",
            Speaker::Prospect => "from the prospect",
            Speaker::Any => "from anyone",
        }
    }

    fn where_(&self, call: &Annotated) -> String {
        let turns = self.turns.unwrap_or(0);
        match self.window {
            Window::Anywhere => "in the call".to_string(),
            Window::Opening => format!("in the first {turns} turns"),
            Window::Closing => format!("in the last {turns} turns"),
            Window::FirstSeconds if has_times(call) => {
                format!("in the first {:.0} s", self.seconds.unwrap_or(0.0))
            }
            Window::FirstSeconds => format!("in the first {turns} turns (the call has no times)"),
        }
    }

    /// Utterance indexes inside the rule's window.
    fn window_utterances(&self, call: &Annotated) -> Vec<usize> {
        let turns = &call.turns;
        let n = self.turns.unwrap_or(turns.len());
        let of = |ts: &[crate::transcript::Turn]| -> Vec<usize> {
            ts.iter().flat_map(|t| t.utterances.clone()).collect()
        };
        match self.window {
            Window::Anywhere => (0..call.transcript.utterances.len()).collect(),
            Window::Opening => of(&turns[..n.min(turns.len())]),
            Window::Closing => of(&turns[turns.len().saturating_sub(n)..]),
            Window::FirstSeconds if has_times(call) => {
                let us = &call.transcript.utterances;
                let origin = us.iter().find_map(|u| u.start).unwrap_or(0.0);
                let limit = origin + self.seconds.unwrap_or(0.0);
                (0..us.len())
                    .filter(|&i| us[i].start.is_some_and(|s| s < limit))
                    .collect()
            }
            Window::FirstSeconds => of(&turns[..n.min(turns.len())]),
        }
    }
}

fn has_times(call: &Annotated) -> bool {
    call.transcript.utterances.iter().any(|u| u.start.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{marked, script};

    fn table(toml_text: &str) -> Table {
        toml::from_str(toml_text).unwrap()
    }

    fn run(rule: &Rule, lines: &[&str]) -> Vec<crate::rules::Finding> {
        let t = script(lines);
        rule.run(&marked(&t, &[]), &crate::analysis::Lexicon::default())
    }

    const DISCLOSURE: &str = "kind = 'required'\nrole = 'rep'\nphrases = ['this call may be recorded']\n\
        window = 'first-seconds'\nseconds = 60\nturns = 2\nseverity = 'error'\npenalty = 20\nmax_penalty = 20\n";

    #[test]
    fn a_required_phrase_in_the_window_passes_whatever_the_case_and_punctuation() {
        let rule = build("disclosure", &table(DISCLOSURE)).unwrap();
        let found = run(
            &rule,
            &["R@0-5: Hi! This call, may be RECORDED.", "P@6-8: Sure."],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_required_phrase_said_too_late_is_flagged() {
        let rule = build("disclosure", &table(DISCLOSURE)).unwrap();
        let found = run(
            &rule,
            &[
                "R@0-5: Hi!",
                "P@6-8: Hi.",
                "R@70-75: This call may be recorded.",
            ],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 1);
        assert!(
            found[0].message.contains("first 60 s"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn without_times_the_first_seconds_window_uses_turns() {
        let rule = build("disclosure", &table(DISCLOSURE)).unwrap();
        let found = run(
            &rule,
            &["R: Hi!", "P: Hi.", "R: This call may be recorded."],
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("no times"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_forbidden_phrase_is_flagged_where_said_and_quoted() {
        let rule = build(
            "honesty",
            &table("kind = 'forbidden'\nrole = 'rep'\nphrases = [\"to be honest\", \"I'm not gonna lie\"]\n\
                    severity = 'info'\npenalty = 2\nmax_penalty = 6\n"),
        )
        .unwrap();
        let found = run(
            &rule,
            &[
                "R: Hi.",
                "P: To be honest, no.",
                "R: Im not gonna lie, it's pricey.",
            ],
        );
        assert_eq!(found.len(), 1, "only the rep counts: {found:?}");
        assert_eq!(found[0].line, 3);
        assert_eq!(found[0].message, "said 'Im not gonna lie'");
    }

    #[test]
    fn the_closing_window_and_a_role_limit_where_a_required_phrase_counts() {
        let rule = build(
            "recap",
            &table(
                "kind = 'required'\nrole = 'rep'\nphrases = ['to recap']\nwindow = 'closing'\nturns = 2\n\
                 severity = 'warning'\npenalty = 5\nmax_penalty = 5\n",
            ),
        )
        .unwrap();
        let early = run(
            &rule,
            &[
                "R: To recap our last call.",
                "P: Sure.",
                "R: Bye.",
                "P: Bye.",
            ],
        );
        assert_eq!(early.len(), 1, "said, but not in the last two turns");
        assert_eq!(
            early[0].line, 3,
            "points at the rep's first utterance in the window"
        );
        assert!(
            early[0].message.contains("in the last 2 turns"),
            "{}",
            early[0].message
        );
        let by_prospect = run(&rule, &["R: Hi.", "P: Hi.", "R: Bye.", "P: To recap, bye."]);
        assert_eq!(by_prospect.len(), 1, "only the rep's words count");
        assert!(
            run(
                &rule,
                &["R: Hi.", "P: Hi.", "R: So, to recap: Tuesday.", "P: Bye."]
            )
            .is_empty()
        );
    }

    #[test]
    fn words_match_whole_words_only() {
        let rule = build(
            "x",
            &table("kind = 'forbidden'\nphrases = ['cheap']\nseverity = 'info'\npenalty = 1\nmax_penalty = 1\n"),
        )
        .unwrap();
        assert!(run(&rule, &["R: It is cheaper.", "P: ok"]).is_empty());
        assert_eq!(run(&rule, &["R: It is cheap.", "P: ok"]).len(), 1);
    }

    #[test]
    fn bad_tables_are_explained() {
        let err = build("x", &table("kind = 'forbidden'\npatterns = ['(']\nseverity = 'info'\npenalty = 1\nmax_penalty = 1\n"))
            .unwrap_err();
        assert!(err.contains("not a valid regular expression"), "{err}");
        let err = build(
            "x",
            &table("kind = 'forbidden'\nseverity = 'info'\npenalty = 1\nmax_penalty = 1\n"),
        )
        .unwrap_err();
        assert!(err.contains("neither `phrases` nor `patterns`"), "{err}");
        let err = build("x", &table("kind = 'required'\nphrases = ['a']\nwindow = 'opening'\nseverity = 'info'\npenalty = 1\nmax_penalty = 1\n"))
            .unwrap_err();
        assert!(err.contains("`turns`"), "{err}");
    }
}
