//! Is an utterance a question, and of which form? Read from word order first, because speech
//! recognition output rarely has question marks, and from the question mark second, because a
//! question mark after a filler ("you know?") does not make a question.

use super::acts::QuestionForm;
use super::lexicon::{Lexicon, Target};
use super::normalize::{Normalized, class};

/// The words that carry syntax: hesitations dropped, stutters ("is is it") collapsed.
pub(crate) fn core_words(n: &Normalized) -> Vec<usize> {
    let mut core: Vec<usize> = Vec::with_capacity(n.len());
    for i in 0..n.len() {
        if n.is(i, class::HESITATION) {
            continue;
        }
        if core.last().is_some_and(|&p| n.word(p) == n.word(i)) {
            continue;
        }
        core.push(i);
    }
    core
}

/// Index into `core` of the first word after the opening discourse markers ("well, so, uh").
pub(crate) fn clause_start(n: &Normalized, core: &[usize], lex: &Lexicon) -> usize {
    let mut k = 0;
    while k < core.len() {
        if n.is(core[k], class::DISCOURSE) {
            k += 1;
        } else if k + 1 < core.len()
            && lex.is_discourse_phrase(n.word(core[k]), n.word(core[k + 1]))
        {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// The question form of an utterance, or `None` when it is not a question.
pub fn detect(
    n: &Normalized,
    matches: &[(Target, usize, usize)],
    lex: &Lexicon,
) -> Option<QuestionForm> {
    let core = core_words(n);
    if core.is_empty() {
        return None;
    }
    let lead = clause_start(n, &core, lex);
    let clause = &core[lead..];
    let at_end = |t: Target| {
        matches
            .iter()
            .any(|&(m, _, end)| m == t && end == n.padded.len())
    };
    let Some(&first) = clause.first() else {
        return (n.question_mark && at_end(Target::TagEnding)).then_some(QuestionForm::Tag);
    };
    if is_not_question(n, clause, lex) {
        return None;
    }
    let clause_offset = n.spans[first].0 as usize - 1;
    if matches
        .iter()
        .any(|&(m, start, _)| m == Target::NotQuestionOpener && start == clause_offset)
    {
        return None;
    }
    // A full stop says the transcriber heard a statement: only a question that opens the
    // clause with inversion or a wh-word and an auxiliary outweighs it.
    let buried = |start: usize| n.full_stop && start != clause_offset;
    if matches
        .iter()
        .any(|&(m, start, _)| m == Target::OpenRequest && !buried(start))
    {
        return Some(QuestionForm::OpenRequest);
    }
    let wh_opener = matches
        .iter()
        .any(|&(m, start, _)| m == Target::WhOpener && start == clause_offset);
    // "Are you," / "Is it, uh,": a question begun and abandoned asks nothing yet.
    if !n.question_mark {
        let dangling = core.last().is_some_and(|&i| n.is(i, class::DANGLING));
        if dangling || (n.broken_off && clause.len() < lex.question_min_words) {
            return None;
        }
    }
    let form = if wh_opener && clause.len() >= lex.question_min_words {
        Some(QuestionForm::Wh)
    } else {
        syntactic_form(n, &core, lead, lex, !n.full_stop)
    };
    if !n.question_mark {
        return form;
    }
    // No question word order, only the mark: a filler ("you know?") or a quoted question
    // ("he said, what are these?") is not the speaker asking.
    let quoted = || (0..n.len()).any(|i| n.is(i, class::REPORTING));
    if form.is_none() && (at_end(Target::FillerEnding) || quoted()) {
        return None;
    }
    Some(form.unwrap_or(if at_end(Target::TagEnding) {
        QuestionForm::Tag
    } else {
        QuestionForm::Declarative
    }))
}

fn is_not_question(n: &Normalized, clause: &[usize], lex: &Lexicon) -> bool {
    if clause.len() > lex.not_question_max_words {
        return false;
    }
    let (first, last) = (clause[0], clause[clause.len() - 1]);
    let text = &n.padded[n.spans[first].0 as usize..n.spans[last].1 as usize];
    // Stutters were collapsed in `clause` but not in `text`; compare only clean clauses.
    lex.not_questions.contains_key(text)
}

/// The form given by word order alone: inversion, a wh-word, or a negative tag.
fn syntactic_form(
    n: &Normalized,
    core: &[usize],
    lead: usize,
    lex: &Lexicon,
    look_inside: bool,
) -> Option<QuestionForm> {
    use class::*;
    let s = &core[lead..];
    let is = |k: usize, bits: u32| s.get(k).is_some_and(|&i| n.is(i, bits));
    let yes_no = || {
        if n.padded.contains(" or ") {
            QuestionForm::Choice
        } else {
            QuestionForm::YesNo
        }
    };
    if is(0, WH_CONTRACTION) && s.len() >= 2 {
        return Some(QuestionForm::Wh);
    }
    if is(0, WH) && s.len() >= lex.question_min_words && is(1, AUX) {
        return Some(QuestionForm::Wh);
    }
    // "what took you to Denver": the wh-word is the subject; "when things get busy" is not.
    // Weak evidence: used only where there is no punctuation to say otherwise.
    if !n.punctuated
        && is(0, WH_SUBJECT)
        && s.len() >= lex.question_min_words
        && !is(1, SUBJECT | DETERMINER | AUX | DISCOURSE)
    {
        return Some(QuestionForm::Wh);
    }
    if is(0, AUX) && s.len() >= lex.question_min_words && is(1, SUBJECT | DETERMINER) {
        return Some(yes_no());
    }
    // "does San Antonio have one": do-support before any subject (but not "don't worry").
    if is(0, DO_SUPPORT)
        && !n.word(s[0]).ends_with("n't")
        && s.len() > lex.question_min_words
        && !is(1, AUX | DISCOURSE | NEGATION)
    {
        return Some(yes_no());
    }
    // An elliptical "do you?" / "isn't it?" on its own (not "so do I").
    if s.len() == 2 && is(0, AUX) && is(1, TAG_SUBJECT) && n.word(s[1]) != "i" {
        let after_so = lead > 0 && n.is(core[lead - 1], EMBEDDER);
        if !after_so {
            return Some(QuestionForm::YesNo);
        }
    }
    if look_inside && mid_inversion(n, core) {
        return Some(yes_no());
    }
    if tag_ending(n, core) {
        return Some(QuestionForm::Tag);
    }
    None
}

/// "..., isn't it" / "you don't use it, do you": an auxiliary and a pronoun close a statement,
/// with the opposite polarity.
fn tag_ending(n: &Normalized, core: &[usize]) -> bool {
    use class::*;
    if core.len() < 4 {
        return false;
    }
    let (aux, subj) = (core[core.len() - 2], core[core.len() - 1]);
    if !n.is(aux, AUX) || !n.is(subj, TAG_SUBJECT) {
        return false;
    }
    // Written text sets a tag off with a comma ("..., isn't there"); speech recognition does not.
    if n.punctuated && !n.is(aux, AFTER_BREAK) {
        return false;
    }
    let negative_tag = n.word(aux).ends_with("n't");
    // "... to do it" / "... don't have it": "it" after a main verb is its object, not a tag.
    if !negative_tag && n.word(subj) == "it" && !matches!(n.word(aux), "is" | "was" | "will") {
        return false;
    }
    let negative_statement = core[..core.len() - 2].iter().any(|&i| n.is(i, NEGATION));
    negative_tag != negative_statement
}

/// "... I was going to ask, do you have kids": an inverted auxiliary before "you" later in the
/// utterance, not after a subject ("they do you know") or a clause word ("than do you").
fn mid_inversion(n: &Normalized, core: &[usize]) -> bool {
    use class::*;
    (1..core.len().saturating_sub(2)).any(|j| {
        let (before, aux, subj, next) = (core[j - 1], core[j], core[j + 1], core[j + 2]);
        n.is(aux, INVERTING)
            && n.word(subj) == "you"
            && !n.is(subj, AFTER_BREAK)
            && !n.is(before, SUBJECT | EMBEDDER | WH | AUX)
            && !core[j.saturating_sub(3)..j]
                .iter()
                .any(|&w| n.is(w, REPORTING))
            && (n.word(next) != "know" || n.is(aux, DO_SUPPORT))
    })
}
