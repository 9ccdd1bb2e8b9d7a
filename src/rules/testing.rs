//! Helpers for the rules' unit tests: small scripted calls with hand-set acts, so that a rule's
//! logic is tested apart from the analysis layer.

use super::{Check, Emit, Finding, Severity};
use crate::analysis::{Act, ActSet, Annotated, Lexicon, Question};
use crate::transcript::{Format, Role, Transcript, Utterance};

/// A call from lines like "R: text" (rep) and "P: text" (prospect); line numbers are 1-based
/// positions. "R2:"/"P2:" are a second rep/prospect. Times come as "R@12-30: text".
pub fn script(lines: &[&str]) -> Transcript {
    let mut t = Transcript::new("test.txt", Format::Text);
    for (i, line) in lines.iter().enumerate() {
        let (head, text) = line.split_once(": ").expect("lines look like 'R: text'");
        let (who, times) = head.split_once('@').unwrap_or((head, ""));
        let role = if who.starts_with('R') {
            Role::Rep
        } else {
            Role::Prospect
        };
        let (start, end) = match times.split_once('-') {
            Some((s, e)) => (s.parse().ok(), e.parse().ok()),
            None => (None, None),
        };
        t.utterances.push(Utterance {
            speaker: who.into(),
            role,
            text: text.to_string(),
            line: i + 1,
            start,
            end,
        });
    }
    t
}

/// Annotates `t` with no acts except those given per line.
pub fn marked<'t>(t: &'t Transcript, marks: &[(usize, &[Act])]) -> Annotated<'t> {
    let mut call = crate::analysis::annotate(t, &Lexicon::default());
    for a in &mut call.utterances {
        a.acts = ActSet::default();
        a.ack = None;
        a.question = None;
        a.cues = 0..0;
    }
    for (line, acts) in marks {
        for act in *acts {
            call.utterances[line - 1].acts.insert(*act);
        }
    }
    call
}

/// Sets the question on a line (and its question act).
pub fn ask(call: &mut Annotated, line: usize, q: Question) {
    call.utterances[line - 1].acts.insert(Act::Question);
    call.utterances[line - 1].question = Some(q);
}

pub fn check(rule: &dyn Check, call: &Annotated) -> Vec<Finding> {
    // The built-in word classes and phrase lists, for rules that read positions or words.
    let lexicon = super::RuleSet::default_set().lexicon;
    let mut emit = Emit {
        rule: "test",
        severity: Severity::Warning,
        lexicon: &lexicon,
        memo: &Default::default(),
        found: Vec::new(),
    };
    rule.check(call, &mut emit);
    emit.found
}
