//! Is an utterance a question, and of which form? Read from word order first, because speech
//! recognition output rarely has question marks, and from the question mark second, because a
//! question mark after a filler ("you know?") does not make a question.

use super::acts::QuestionForm;
use super::lexicon::{Lexicon, Target};
use super::normalize::{Normalized, class};

/// The words that carry syntax: hesitations dropped, stutters ("is is it") collapsed. Found
/// while normalising, so that reading each utterance allocates nothing here.
pub(crate) fn core_words(n: &Normalized) -> &[usize] {
    &n.core
}

/// What can follow an auxiliary as its inverted subject: a pronoun, a tag subject, or the
/// start of a noun phrase ("did you", "is it", "has anything", "does your manager").
pub(crate) const INVERTED_SUBJECT: u32 = class::SUBJECT | class::TAG_SUBJECT | class::DETERMINER;

/// Whether `word` is among the discourse markers skipped before the clause (`core[..lead]`):
/// "and" joins the clause to what the speaker is telling, "or" offers an alternative.
// Inlined: most clauses have no markers before them (`lead` is 0), and then a call costs more
// than the test.
#[inline(always)]
fn led_by(n: &Normalized, core: &[usize], lead: usize, word: &[u8]) -> bool {
    core[..lead].iter().any(|&i| n.word(i) == word)
}

/// Index into `core` of the first word after the opening discourse markers ("well, so, uh").
pub(crate) fn clause_start(n: &Normalized, core: &[usize], lex: &Lexicon) -> usize {
    let mut k = 0;
    while k < core.len() {
        if n.is(core[k], class::DISCOURSE) {
            k += 1;
        } else if k + 1 < core.len() && lex.is_discourse_phrase(n, core[k], core[k + 1]) {
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
    detect_from(n, matches, lex, clause_start(n, core_words(n), lex))
}

/// [`detect`] with the clause start already found (`clause_start`), which the caller also
/// needs for `restarts::opens_question`.
pub(crate) fn detect_from(
    n: &Normalized,
    matches: &[(Target, usize, usize)],
    lex: &Lexicon,
    mut lead: usize,
) -> Option<QuestionForm> {
    let core = core_words(n);
    if core.is_empty() {
        return None;
    }
    if super::restarts::restarted_inversion(n, core, lead) {
        lead += 1;
    }
    let clause = &core[lead..];
    if clause.is_empty() {
        return (n.question_mark && ends_with(n, matches, Target::TagEnding))
            .then_some(QuestionForm::Tag);
    }
    // The vetoes after the form, which they can only take away: most clauses read as no
    // question at all and skip their walks over the words.
    let form = clause_form(n, matches, lex, lead)?;
    let vetoed = is_not_question(n, clause, lex)
        || opens_as_no_question(n, matches, clause[0])
        || quotes_a_question(n, clause)
        || (!n.question_mark && states_a_known_fact(n, core, lead, lex));
    (!vetoed).then_some(form)
}

/// The clause, which starts at word `first`, opens with a phrase that starts no question ("why
/// don't we", "have a"), or without a question mark with a relative clause ("what happens").
fn opens_as_no_question(n: &Normalized, matches: &[(Target, usize, usize)], first: usize) -> bool {
    let clause_offset = n.start(first) - 1;
    matches.iter().any(|&(m, start, _)| {
        start == clause_offset
            && (m == Target::NotQuestionOpener || (m == Target::RelativeOpener && !n.question_mark))
    })
}

/// A phrase of the list of `target` ends the utterance.
fn ends_with(n: &Normalized, matches: &[(Target, usize, usize)], target: Target) -> bool {
    matches
        .iter()
        .any(|&(m, _, end)| m == target && end == n.padded.len())
}

/// The question form of the clause at `core_words(n)[lead..]` (not empty), before the vetoes
/// of `detect_from`.
fn clause_form(
    n: &Normalized,
    matches: &[(Target, usize, usize)],
    lex: &Lexicon,
    lead: usize,
) -> Option<QuestionForm> {
    let core = core_words(n);
    let clause = &core[lead..];
    let first = clause[0];
    let at_end = |t: Target| ends_with(n, matches, t);
    let clause_offset = n.start(first) - 1;
    // A full stop says the transcriber heard a statement: only a question that opens the
    // clause with inversion or a wh-word and an auxiliary outweighs it.
    let buried = |start: usize| n.full_stop && start != clause_offset;
    if matches.iter().any(|&(m, start, _)| {
        m == Target::OpenRequest && !buried(start) && !reports_a_request(n, start)
    }) {
        return Some(QuestionForm::OpenRequest);
    }
    let wh_opener = matches
        .iter()
        .any(|&(m, start, _)| m == Target::WhOpener && start == clause_offset);
    if alternative_inversion(n, core, lead) {
        return Some(QuestionForm::Choice);
    }
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
        syntactic_form(n, core, lead, lex, !n.full_stop)
    };
    if !n.question_mark {
        if form.is_none() && confirms_about_listener(n, clause) {
            return Some(QuestionForm::Tag);
        }
        // "what else did I pack for the trip": asked of oneself, which written text shows by
        // leaving out the question mark.
        if form == Some(QuestionForm::Wh)
            && (pseudo_cleft(n, clause) || (is_written(n) && asks_oneself(n, clause)))
        {
            return None;
        }
        return form;
    }
    // No question word order, only the mark: a filler ("you know?") or a quoted question
    // ("he said, what are these?") is not the speaker asking.
    // "you said you had two offices?" checks what the listener said: that is asking.
    // The quote follows its verb, after a break ("he said, what", "I asked him, where") or
    // straight away as a question ("I thought is it"); a reporting verb inside the question
    // ("you ever thought of it?", "you know what I mean?") quotes nothing.
    // The union of the words' bits first: most questions have no reporting verb at all.
    let quoted = || {
        n.any_is(class::REPORTING)
            && (0..n.len()).any(|i| {
                n.is(i, class::REPORTING)
                    && (i == 0 || n.word(i - 1) != b"you")
                    && (n.is(i + 1, class::AFTER_BREAK | class::AUX | class::WH)
                        || n.is(i + 2, class::AFTER_BREAK))
            })
    };
    if form.is_none() && (at_end(Target::FillerEnding) || quoted()) {
        return None;
    }
    Some(form.unwrap_or(if at_end(Target::TagEnding) {
        QuestionForm::Tag
    } else if n.is(first, class::WH) || core.last().is_some_and(|&w| n.is(w, class::WH)) {
        // "What happens if we cancel?": the wh-word is the subject, so there is no auxiliary
        // to invert; "You moved it to when?": the wh-word stays in place. Both ask for content.
        QuestionForm::Wh
    } else {
        QuestionForm::Declarative
    }))
}

/// "they'll tell me what to do", "my boss wants to walk me through it": a request verb inside
/// someone else's clause, after "to", an auxiliary or a subject other than the listener, tells of
/// a request instead of making one. "Could you tell me", "I'd like you to walk me through" ask.
fn reports_a_request(n: &Normalized, start: usize) -> bool {
    use class::*;
    let Some(verb) = (0..n.len()).find(|&i| n.start(i) == start + 1) else {
        return false;
    };
    if n.is(verb, SUBJECT) {
        return false;
    }
    let before = verb.saturating_sub(3)..verb;
    let governed = before
        .clone()
        .any(|i| n.word(i) == b"to" || n.is(i, AUX | SUBJECT));
    governed && !before.into_iter().any(|i| n.word(i).starts_with(b"you"))
}

/// The text was punctuated by a person (commas, full stops), so a missing question mark says
/// something; speech recognition output has no punctuation at all.
pub(crate) fn is_written(n: &Normalized) -> bool {
    n.punctuated || n.broken_off || n.any_is(class::AFTER_BREAK)
}

/// A wh-question whose inverted auxiliary has "I" for subject ("what do I", "what else did I").
fn asks_oneself(n: &Normalized, clause: &[usize]) -> bool {
    (1..clause.len().min(3)).any(|k| {
        n.is(clause[k], class::AUX) && clause.get(k + 1).is_some_and(|&i| n.word(i) == b"i")
    })
}

/// "you know how renewals go, they slip": "you know" straight before a wh-word, with no comma to
/// set it off as a filler, is a verb with the wh-clause as its object. Only the question mark
/// makes it ask ("you know what the limit is?").
fn states_a_known_fact(n: &Normalized, core: &[usize], lead: usize, lex: &Lexicon) -> bool {
    use class::*;
    lead >= 2
        && n.is(core[lead], WH | WH_CONTRACTION)
        && !n.is(core[lead], AFTER_BREAK)
        && lex.is_embedding_lead(n, core[lead - 2], core[lead - 1])
}

/// "what's funny about it is ...", "what irks me is ...": a wh-clause that is the subject of a
/// later "is"/"was" is a statement (a pseudo-cleft), not a question.
fn pseudo_cleft(n: &Normalized, clause: &[usize]) -> bool {
    use class::*;
    // Only "what"/"who" head a subject clause; "how old is she" asks.
    let head = n.word(clause[0]);
    if !n.is(clause[0], WH | WH_CONTRACTION)
        || !(head.starts_with(b"what") || head.starts_with(b"who"))
    {
        return false;
    }
    let first = if n.is(clause[0], WH) && clause.len() > 1 && n.is(clause[1], AUX) {
        2
    } else {
        1
    };
    // At least two words of its own ("what irks me is"), without a subject of their own ("what
    // do you think is best" asks) or another clause ("who's the one that was"); a pronoun
    // after a preposition is no subject ("what's funny about it is").
    if clause.get(first).is_some_and(|&w| n.is(w, SUBJECT)) {
        return false;
    }
    // With its own auxiliary one word will do: "what is funny is ...".
    let own_words = if first == 2 { 1 } else { 2 };
    (first + own_words..clause.len()).any(|k| {
        matches!(n.word(clause[k]), b"is" | b"was")
            && !clause[first..k]
                .iter()
                .any(|&w| n.is(w, AUX | WH | WH_CONTRACTION | EMBEDDER))
            && !inverted_subject_at(n, clause, k + 1)
    })
}

/// `clause[k]`, right after an "is"/"was", is its subject ("what kind is it"). In written text a
/// demonstrative with more words after it is instead the complement ("what irks me is that
/// they ...", "is these long contracts"): a question would carry its question mark.
fn inverted_subject_at(n: &Normalized, clause: &[usize], k: usize) -> bool {
    use class::*;
    let Some(&w) = clause.get(k) else {
        return false;
    };
    let complement = is_written(n)
        && k + 1 < clause.len()
        && matches!(n.word(w), b"that" | b"this" | b"these" | b"those");
    n.is(w, SUBJECT | TAG_SUBJECT) && !complement
}

fn is_not_question(n: &Normalized, clause: &[usize], lex: &Lexicon) -> bool {
    if clause.len() > lex.not_question_max_words {
        return false;
    }
    let (first, last) = (clause[0], clause[clause.len() - 1]);
    let text = &n.padded[n.start(first)..n.end(last)];
    // Stutters were collapsed in `clause` but not in `text`; compare only clean clauses.
    lex.not_questions
        .get(text)
        .is_some_and(|&word_search| !(word_search && n.question_mark))
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
        // `padded` holds " or " exactly when a word is "or": a walk over the words' lengths
        // costs less than setting up a substring search.
        if (0..n.len()).any(|i| n.word(i) == b"or") {
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
    // Weak evidence: used only where there is no punctuation to say otherwise, and not after
    // "and", which joins the clause to what the speaker is telling ("and who knows what
    // procurement will say", "and how fast it grew surprised us").
    if !n.punctuated
        && is(0, WH_SUBJECT)
        && s.len() >= lex.question_min_words
        && !is(1, SUBJECT | DETERMINER | AUX | DISCOURSE)
        && !led_by(n, core, lead, b"and")
    {
        return Some(QuestionForm::Wh);
    }
    // After "and", in written text without a question mark, "do" before anything but a subject
    // pronoun is a main verb that goes on a list of things done ("and do the invoicing.").
    let goes_on_a_list = !n.question_mark
        && is_written(n)
        && is(0, DO_SUPPORT)
        && !is(1, SUBJECT)
        && led_by(n, core, lead, b"and");
    if is(0, AUX)
        && s.len() >= lex.question_min_words
        && is(1, SUBJECT | DETERMINER)
        && !goes_on_a_list
    {
        return Some(yes_no());
    }
    // "does San Antonio have one": do-support before any subject (but not "don't worry").
    if is(0, DO_SUPPORT)
        && !n.word(s[0]).ends_with(b"n't")
        && s.len() > lex.question_min_words
        && !is(1, AUX | DISCOURSE | NEGATION)
        && !goes_on_a_list
    {
        return Some(yes_no());
    }
    if dropped_auxiliary(n, s, lex) {
        return Some(yes_no());
    }
    // "Are margins tight this year?", "Is pricing fixed?": inversion before a bare noun, which
    // only the question mark tells from an auxiliary before a verb.
    if n.question_mark
        && is(0, AUX)
        && s.len() >= lex.question_min_words
        && !is(1, AUX | DISCOURSE | NEGATION | WH)
        && !goes_on_a_list
    {
        return Some(yes_no());
    }
    // An elliptical "do you?" / "isn't it?" on its own (not "so do I"); with a full stop it is
    // a backchannel ("Oh, do you.").
    if s.len() == 2 && !n.full_stop && is(0, AUX) && is(1, TAG_SUBJECT) && n.word(s[1]) != b"i" {
        let after_so = lead > 0 && n.is(core[lead - 1], EMBEDDER);
        if !after_so {
            return Some(QuestionForm::YesNo);
        }
    }
    if look_inside && mid_inversion(n, core) {
        return Some(yes_no());
    }
    if look_inside && mid_wh_question(n, &core[lead..]) {
        return Some(QuestionForm::Wh);
    }
    if tag_ending(n, core) || super::tags::mid_tag(n, core) {
        return Some(QuestionForm::Tag);
    }
    None
}

/// "you ever used a CRM", "you got any budget left", "you have any openings": a yes/no
/// question with its auxiliary dropped, which "you" and a polarity item at once or after one
/// verb show. A negation licenses the item in a statement ("you never had any"), and a modal
/// puts a verb between them ("you can pick any plan").
fn dropped_auxiliary(n: &Normalized, s: &[usize], lex: &Lexicon) -> bool {
    use class::*;
    let is = |k: usize, bits: u32| s.get(k).is_some_and(|&i| n.is(i, bits));
    s.len() >= lex.question_min_words
        && n.word(s[0]) == b"you"
        && (is(1, POLARITY) || (!is(1, NEGATION | SUBJECT) && is(2, POLARITY)))
        && !s.iter().any(|&i| n.is(i, NEGATION))
}

/// "you moved last year, right.": a statement about the listener, which only the listener can
/// confirm, closed by a tag set off with a comma asks for that confirmation even when written
/// with a full stop. About anyone else ("he's the buyer, right.") it is often only a check that
/// the listener follows.
fn confirms_about_listener(n: &Normalized, clause: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (clause.first(), clause.last()) else {
        return false;
    };
    // The class bits before the text: few clauses end in a tag, and they rule out the rest.
    let head = || n.word(first);
    clause.len() >= 4
        && n.is(last, class::CONFIRMATION_TAG)
        && n.is(last, class::AFTER_BREAK)
        // The "huh" of "uh-huh" is a backchannel, not a tag.
        && !n.is(last - 1, class::HESITATION)
        && (head() == b"you" || head().starts_with(b"you'"))
}

/// "and then the CFO goes, well, why do we need it?": a question after someone's reporting verb
/// and a comma is quoted, told as part of a story, not asked of the listener. Only written text
/// marks where the quote begins; "you said, ..." checks the listener's words, which is asking.
fn quotes_a_question(n: &Normalized, clause: &[usize]) -> bool {
    use class::*;
    if !is_written(n) || n.is(clause[0], AUX | WH | WH_CONTRACTION) {
        return false;
    }
    // The quote starts at a break right after the verb, or after the verb's object ("they ask
    // me, how ..."): the verbs are looked for before the breaks, which are few, rather than at
    // every word of the clause.
    let breaks = |j: usize| n.is(clause[j], AFTER_BREAK);
    (2..clause.len()).filter(|&j| breaks(j)).any(|j| {
        introduces_quote(n, clause, j - 1)
            || (j >= 3 && !breaks(j - 1) && introduces_quote(n, clause, j - 2))
    })
}

/// `clause[k]` is a reporting verb ("asks", "goes", "was like") of someone other than the
/// listener.
// Inlined: called at every break of a written clause, where its first test usually decides.
#[inline(always)]
fn introduces_quote(n: &Normalized, clause: &[usize], k: usize) -> bool {
    use class::*;
    let verb = clause[k];
    // The auxiliary's class bit before the word: comparing text for every word cost more
    // than the rest of the question reader.
    let reports =
        n.is(verb, REPORTING | QUOTE_VERB) || (n.is(clause[k - 1], AUX) && n.word(verb) == b"like");
    reports && told_by_someone_else(n, clause, k)
}

/// The verb at `clause[k]` has a subject other than the listener right before it, perhaps
/// with one word between ("they just go", "she was like"). A thing ("it was like") tells
/// nothing: it is compared.
fn told_by_someone_else(n: &Normalized, clause: &[usize], k: usize) -> bool {
    let subject = |j: usize| n.is(clause[j], class::SUBJECT);
    let teller = |j: usize| {
        subject(j) && !n.is(clause[j], class::IMPERSONAL) && !n.word(clause[j]).starts_with(b"you")
    };
    teller(k - 1) || (k >= 2 && !subject(k - 1) && teller(k - 2))
}

/// "or do you," / "or is it": an auxiliary inverted with its subject right after "or" can only
/// offer a second alternative of a question (a statement goes on "or they do"), so it asks even
/// when cut off.
fn alternative_inversion(n: &Normalized, core: &[usize], lead: usize) -> bool {
    use class::*;
    led_by(n, core, lead, b"or")
        && n.is(core[lead], AUX)
        && core
            .get(lead + 1)
            .is_some_and(|&i| n.is(i, INVERTED_SUBJECT))
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
    let negative_tag = n.word(aux).ends_with(b"n't");
    // Written text sets a tag off with a comma ("..., isn't there"); speech recognition does not.
    if n.punctuated && !n.is(aux, AFTER_BREAK) && !(negative_tag && unmarked_tag(n, core)) {
        return false;
    }
    // "... to do it" / "... don't have it": "it" after a main verb is its object, not a tag.
    if !negative_tag && n.word(subj) == b"it" && !matches!(n.word(aux), b"is" | b"was" | b"will") {
        return false;
    }
    let negative_statement = core[..core.len() - 2].iter().any(|&i| n.is(i, NEGATION));
    negative_tag != negative_statement
}

/// "that's a fair price isn't it.": a negative tag written without its comma still closes a
/// statement that has a subject of its own; "the budget just wasn't there" and "so the pricing
/// wasn't it" are statements ending in a negated verb ("there" after it is a place, not a pronoun).
fn unmarked_tag(n: &Normalized, core: &[usize]) -> bool {
    n.word(core[core.len() - 1]) != b"there"
        && super::tags::states(n, &core[..core.len() - 2], class::SUBJECT)
}

/// "before we start where is the data stored": a wh-word, an auxiliary and its subject in the
/// middle of an unpunctuated utterance, where speech recognition left no sentence break.
fn mid_wh_question(n: &Normalized, s: &[usize]) -> bool {
    use class::*;
    // The union of the words' bits rules out most utterances: no wh-word and auxiliary at all.
    if is_written(n) || !n.has_all(WH | AUX) {
        return false;
    }
    // "who" mid-utterance is mostly a relative pronoun ("the people who were there"); asking
    // oneself ("why can't I", "what was it") is not asking the listener.
    (1..s.len().saturating_sub(2)).any(|j| {
        n.is(s[j], WH)
            && n.word(s[j]) != b"who"
            && n.is(s[j + 1], AUX)
            && (n.word(s[j + 2]) == b"you" || n.is(s[j + 2], DETERMINER))
            && !n.is(s[j - 1], WH | AUX | REPORTING)
            && (n.is(s[j - 1], DISCOURSE) || !n.is(s[j - 1], EMBEDDER))
            && !s[..j].iter().any(|&w| n.is(w, REPORTING))
    })
}

/// "... I was going to ask, do you have kids": an inverted auxiliary before "you" later in the
/// utterance, not after a subject ("they do you know") or a clause word ("than do you").
fn mid_inversion(n: &Normalized, core: &[usize]) -> bool {
    // The auxiliary's class bit alone in the walk: it rules out most words, and the loop then
    // carries one index instead of a window's. The union of the words' bits skips the walk
    // when no word has it.
    if !n.any_is(class::INVERTING) {
        return false;
    }
    let Some(auxiliaries) = core.get(1..core.len().saturating_sub(2)) else {
        return false;
    };
    auxiliaries
        .iter()
        .enumerate()
        .any(|(k, &aux)| n.is(aux, class::INVERTING) && inverts_before_you(n, core, k + 1))
}

/// `core[j]`, an inverting auxiliary with a word before it and two after, is inverted with a
/// following "you" (see `mid_inversion`).
#[inline(never)]
fn inverts_before_you(n: &Normalized, core: &[usize], j: usize) -> bool {
    use class::*;
    let (before, aux, subj, next) = (core[j - 1], core[j], core[j + 1], core[j + 2]);
    n.word(subj) == b"you"
        && !n.is(subj, AFTER_BREAK)
        && !n.is(before, SUBJECT | EMBEDDER | WH | AUX)
        && !core[j.saturating_sub(3)..j]
            .iter()
            .any(|&w| n.is(w, REPORTING))
        && (n.word(next) != b"know" || n.is(aux, DO_SUPPORT))
}

#[cfg(test)]
mod tests;
