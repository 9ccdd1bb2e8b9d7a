//! One utterance on its own: phrase-list cues, acknowledgement shape, question form.

use super::acks::{self, AckShape};
use super::acts::{Act, QuestionForm, QuestionStatus};
use super::lexicon::{Lexicon, Target};
use super::normalize::Normalized;
use super::questions;
use super::sentences::{self, SentenceBuffers};
use super::{Question, UtteranceAnalysis};

/// Appends the distinct phrase-list cues among `matches`, sorted, to the call's `ids` as `a`'s
/// span, with the acts they carry. Read before [`read_utterance`], which relies on those acts.
pub(crate) fn read_cues(
    a: &mut UtteranceAnalysis,
    matches: &[(Target, usize, usize)],
    lex: &Lexicon,
    ids: &mut Vec<u16>,
) {
    let start = ids.len();
    for &(target, _, _) in matches {
        if let Target::Cue(id) = target
            && !ids[start..].contains(&id)
        {
            ids.push(id);
            a.acts.insert(lex.cue_acts[id as usize]);
        }
    }
    ids[start..].sort_unstable();
    a.cues = start as u32..ids.len() as u32;
}

/// Reads the acts an utterance performs by itself into `a` (fresh but for [`read_cues`]); the
/// neighbours are read later. `lead` is the utterance's `questions::clause_start`; `buffers` are
/// reused from utterance to utterance. Filled in place: the analysis is too large to return
/// cheaply.
pub(crate) fn read_utterance(
    a: &mut UtteranceAnalysis,
    text: &str,
    n: &Normalized,
    matches: &[(Target, usize, usize)],
    lead: usize,
    lex: &Lexicon,
    buffers: &mut SentenceBuffers,
) -> Option<AckShape> {
    a.words = n.whitespace_words;
    let mut shape = acks::shape(n, lex);
    // "Right?" / "Okay?" on its own asks for confirmation; "Really?" stays a backchannel.
    if n.question_mark
        && shape.is_some_and(|s| s.whole)
        && is_whole_tag(n, matches)
        && !lex.asking_backchannels.contains_key(n.padded.trim_ascii())
    {
        shape = None;
    }
    let closing = matches.iter().any(|&(t, _, _)| t == Target::Closing);
    if closing {
        shape = None;
        a.closing = true;
    }
    match shape {
        Some(s) if s.whole => {
            a.acts.insert(Act::Acknowledgement);
            a.ack = Some(s.kind);
        }
        Some(s) => a.lead_ack = Some(s.kind),
        None => {}
    }
    // "Oh, you do?": an echo that acknowledges and asks at once.
    let echo_question = n.question_mark && (n.len() >= 3 || shape.is_some_and(|s| s.echo));
    if (echo_question || !a.acts.contains(Act::Acknowledgement))
        && let Some(form) = detect_question(text, n, matches, lead, lex, buffers)
    {
        a.acts.insert(Act::Question);
        a.question = Some(Question {
            form,
            status: QuestionStatus::Open,
            answer: None,
            response: None,
            reasked: Vec::new(),
        });
    }
    shape
}

fn is_whole_tag(n: &Normalized, matches: &[(Target, usize, usize)]) -> bool {
    matches
        .iter()
        .any(|&(t, start, end)| t == Target::TagEnding && start == 0 && end == n.padded.len())
}

/// The question form of the whole utterance, or of its sentences read one by one when the whole
/// reads as no question or only as a declarative one.
fn detect_question(
    text: &str,
    n: &Normalized,
    matches: &[(Target, usize, usize)],
    lead: usize,
    lex: &Lexicon,
    buffers: &mut SentenceBuffers,
) -> Option<QuestionForm> {
    let whole = questions::detect_from(n, matches, lex, lead);
    if whole.is_some_and(|f| f != QuestionForm::Declarative) {
        return whole;
    }
    sentences::detect_sentences(text, n, matches, lex, buffers).or(whole)
}
