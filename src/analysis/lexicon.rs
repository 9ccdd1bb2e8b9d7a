//! The `[analysis]` configuration compiled once per run: a word table, one phrase trie for every
//! phrase list, and the acknowledgement phrase table.

use super::ack_phrases::AckTrie;
use super::acts::{AckKind, Act};
use super::config::{AnalysisConfig, PhraseLists};
use super::normalize::{Normalized, class, normalize_phrase, text_of};
use super::phrases::{PhraseTrie, PhraseTrieBuilder};
use super::words::{WordIndex, WordMap};

/// What a phrase of the phrase trie stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A named cue list of an act, by cue id.
    Cue(u16),
    OpenRequest,
    WhOpener,
    NotQuestionOpener,
    RelativeOpener,
    FillerEnding,
    TagEnding,
    Closing,
}

/// The analysis configuration compiled once per run.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub answer_window: usize,
    /// Names of the phrase lists, indexed by cue id ("deflection.demo").
    pub cue_labels: Vec<String>,
    /// The act each cue id marks.
    pub cue_acts: Vec<Act>,
    pub words: WordIndex,
    pub(crate) phrases: PhraseTrie,
    /// Normalised whole utterances that are not questions ("what's the word"); `true` for word
    /// searches, which a question mark makes questions ("what's his name?").
    pub(crate) not_questions: WordMap<bool>,
    pub(crate) not_question_max_words: usize,
    /// Two-word discourse markers ("i mean", "you know"), as the phrase-word ids of their words.
    pub(crate) discourse_phrases: Vec<(u32, u32)>,
    /// Discourse markers that may instead take a wh-clause as object ("you know how ..."), as
    /// phrase-word ids.
    pub(crate) embedding_leads: Vec<(u32, u32)>,
    /// Normalised yes/no answer phrases ("yeah", "uh huh", "nope").
    pub(crate) yes_no: WordMap<()>,
    /// Acknowledgement phrases and their kind, over phrase-word ids.
    pub(crate) acks: AckTrie,
    /// Normalised backchannels that acknowledge even with a question mark ("is that right?").
    pub(crate) asking_backchannels: WordMap<()>,
    pub ack_max_words: usize,
    pub pre_closing_tail: usize,
    pub reflection_max_words: usize,
    pub question_min_words: usize,
    pub unwaited_statements: usize,
    pub reask_overlap: f64,
    pub answer_overlap: f64,
    pub pivot_overlap: f64,
    pub pivot_min_words: usize,
}

impl Lexicon {
    pub fn compile(config: &AnalysisConfig) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            answer_window: config.answer_window.unwrap_or(6),
            words: word_index(config),
            ack_max_words: config.acknowledgement.max_words.unwrap_or(6),
            pre_closing_tail: config.acknowledgement.pre_closing_tail.unwrap_or(6),
            reflection_max_words: config.acknowledgement.reflection_max_words.unwrap_or(6),
            question_min_words: config.question.min_words.unwrap_or(3),
            unwaited_statements: config.question.unwaited_statements.unwrap_or(3),
            reask_overlap: config.pairing.reask_overlap.unwrap_or(0.6),
            answer_overlap: config.pairing.answer_overlap.unwrap_or(0.2),
            pivot_overlap: config.topic.pivot_overlap.unwrap_or(0.15),
            pivot_min_words: config.topic.pivot_min_words.unwrap_or(5),
            ..Lexicon::default()
        };
        check_fraction("pairing.reask_overlap", lex.reask_overlap)?;
        check_fraction("pairing.answer_overlap", lex.answer_overlap)?;
        check_fraction("topic.pivot_overlap", lex.pivot_overlap)?;
        let mut patterns: Vec<(String, Target)> = Vec::new();
        let mut add = |list: &[String], target: Target| {
            for p in list {
                let p = normalize_phrase(p);
                if !p.is_empty() {
                    patterns.push((p, target));
                }
            }
        };
        let q = &config.question;
        add(&q.open_requests, Target::OpenRequest);
        add(&q.wh_openers, Target::WhOpener);
        add(&q.not_question_openers, Target::NotQuestionOpener);
        add(&q.relative_openers, Target::RelativeOpener);
        add(&q.filler_endings, Target::FillerEnding);
        add(&q.tag_endings, Target::TagEnding);
        add(&config.acknowledgement.closings, Target::Closing);
        let groups: [(&str, Act, &PhraseLists); 7] = [
            ("deflection", Act::Deflection, &config.deflection),
            ("deferral", Act::Deferral, &config.deferral),
            ("purpose", Act::Purpose, &config.purpose),
            ("filler-opener", Act::FillerOpener, &config.filler_opener),
            ("pivot", Act::Pivot, &config.pivot),
            ("disclosure", Act::Disclosure, &config.disclosure),
            ("next-step", Act::NextStep, &config.next_step),
        ];
        for (group, act, lists) in groups {
            for (name, list) in lists {
                let id = u16::try_from(lex.cue_labels.len())
                    .map_err(|_| "too many phrase lists in [analysis]".to_string())?;
                lex.cue_labels.push(format!("{group}.{name}"));
                lex.cue_acts.push(act);
                add(list, Target::Cue(id));
            }
        }
        let mut trie = PhraseTrieBuilder::default();
        for (phrase, target) in &patterns {
            let ids: Vec<u32> = phrase
                .split(' ')
                .map(|w| lex.words.intern_phrase_word(w))
                .collect();
            trie.add(&ids, *target);
        }
        // Before the trie is built, so that every phrase-word id is within its range.
        lex.discourse_phrases = word_pairs(&mut lex.words, &config.words.discourse_phrases);
        lex.embedding_leads = word_pairs(&mut lex.words, &q.embedding_leads);
        lex.phrases = trie.build(&mut lex.words);
        lex.not_questions = q
            .word_searches
            .iter()
            .map(|p| (normalize_phrase(p).into_bytes(), true))
            .chain(
                q.not_questions
                    .iter()
                    .map(|p| (normalize_phrase(p).into_bytes(), false)),
            )
            .collect();
        lex.not_question_max_words = lex
            .not_questions
            .keys()
            .map(|p| words_of(p).count())
            .max()
            .unwrap_or(0);
        lex.yes_no = phrase_set(&config.pairing.yes_no_answers);
        lex.asking_backchannels = phrase_set(&config.acknowledgement.asking_backchannels);
        let acks = ack_phrase_table(config);
        // The words that start an acknowledgement phrase: one bit test passes over the others
        // before the trie is walked. Made a set first (see `word_set`).
        let starts = acks.keys().filter_map(|p| words_of(p).next()).collect();
        lex.words.add(&word_set(starts), class::ACK_START);
        // After the phrase trie is built: its table of first words need not cover these ids.
        let ids: Vec<(Vec<u32>, AckKind)> = acks
            .iter()
            .map(|(p, &kind)| {
                let ids = words_of(p).map(|w| lex.words.intern_phrase_word(w));
                (ids.collect(), kind)
            })
            .collect();
        lex.acks = AckTrie::new(ids.iter().map(|(ids, kind)| (ids.as_slice(), *kind)));
        let yes_no_starts: Vec<String> = lex
            .yes_no
            .keys()
            .filter(|p| p.contains(&b' '))
            .filter_map(|p| words_of(p).next().map(str::to_string))
            .collect();
        lex.words.add(&yes_no_starts, class::YES_NO_START);
        let yes_no_seconds: Vec<String> = lex
            .yes_no
            .keys()
            .filter_map(|p| words_of(p).nth(1).map(str::to_string))
            .collect();
        lex.words.add(&yes_no_seconds, class::YES_NO_SECOND);
        Ok(lex)
    }

    /// The label of a cue id stored in `UtteranceAnalysis::cues` ("deflection.demo").
    pub fn cue_label(&self, id: u16) -> &str {
        self.cue_labels
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The cue id of a label, if the rule file defines that list.
    pub fn cue_id(&self, label: &str) -> Option<u16> {
        self.cue_labels
            .iter()
            .position(|l| l == label)
            .map(|i| i as u16)
    }

    /// Every phrase-list match in a normalised text: (target, start byte, end byte) of the
    /// pattern `" w1 .. wk "` in `n.padded`, overlapping matches included.
    pub(crate) fn matches(&self, n: &Normalized, out: &mut Vec<(Target, usize, usize)>) {
        out.clear();
        self.phrases.find(n, out);
    }

    /// Whether words `i` and `j` of `n` make a two-word discourse marker.
    pub(crate) fn is_discourse_phrase(&self, n: &Normalized, i: usize, j: usize) -> bool {
        has_pair(&self.discourse_phrases, n, i, j)
    }

    /// Whether words `i` and `j` of `n` are a discourse marker that can take a wh-clause as
    /// object ("you know").
    pub(crate) fn is_embedding_lead(&self, n: &Normalized, i: usize, j: usize) -> bool {
        has_pair(&self.embedding_leads, n, i, j)
    }

    /// Whether a normalised phrase answers a yes-no question ("yeah", "uh huh", "nope").
    pub fn is_yes_no(&self, phrase: &[u8]) -> bool {
        self.yes_no.contains_key(phrase)
    }

    /// Whether words `i..i + len` of `n` make a yes/no answer phrase: word classes answer for
    /// one word and rule out most longer phrases without a lookup. The first words of several
    /// phrases ("i", "we", "it", "well") open many texts, but the words after them are seldom
    /// a phrase's second ("i think", "we were").
    pub(crate) fn is_yes_no_at(&self, n: &Normalized, i: usize, len: usize) -> bool {
        match len {
            0 => false,
            1 => n.is(i, class::YES_NO),
            _ => {
                n.is(i, class::YES_NO_START)
                    && n.is(i + 1, class::YES_NO_SECOND)
                    && self.is_yes_no(&n.padded[n.start(i)..n.end(i + len - 1)])
            }
        }
    }

    /// The longest acknowledgement phrase that starts at word `i` of `n`: its kind and length.
    pub(crate) fn ack_phrase_at(&self, n: &Normalized, i: usize) -> Option<(AckKind, usize)> {
        self.acks.longest(&n.words[i..])
    }
}

fn check_fraction(name: &str, v: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(format!(
            "[analysis] {name} = {v}: use a share between 0 and 1"
        ))
    }
}

/// The words of a phrase kept as a map key: normalised, so single spaces between them.
fn words_of(phrase: &[u8]) -> impl Iterator<Item = &str> {
    text_of(phrase).split(' ')
}

/// Words as a sorted set. The acknowledgement phrases repeat their heads' words many times:
/// sorting and de-duplicating gives the order a `BTreeSet` would, for a fifth of its start-up
/// cost.
fn word_set(mut words: Vec<&str>) -> Vec<String> {
    words.sort_unstable();
    words.dedup();
    words.into_iter().map(str::to_string).collect()
}

/// A phrase list as a set of normalised phrases.
fn phrase_set(list: &[String]) -> WordMap<()> {
    list.iter()
        .map(|p| (normalize_phrase(p).into_bytes(), ()))
        .collect()
}

fn word_index(config: &AnalysisConfig) -> WordIndex {
    let w = &config.words;
    let mut index = WordIndex::default();
    index.add(&w.hesitations, class::HESITATION);
    index.add(&w.discourse_markers, class::DISCOURSE);
    index.add(&w.auxiliaries, class::AUX);
    index.add(&w.inverting_auxiliaries, class::INVERTING);
    index.add(&w.do_support, class::DO_SUPPORT);
    index.add(&w.subject_pronouns, class::SUBJECT);
    index.add(&w.determiners, class::DETERMINER);
    index.add(&w.wh_words, class::WH);
    index.add(&w.wh_subjects, class::WH_SUBJECT);
    index.add(&w.wh_contractions, class::WH_CONTRACTION);
    index.add(&w.tag_pronouns, class::TAG_SUBJECT);
    index.add(&w.negations, class::NEGATION);
    index.add(&w.reporting_verbs, class::REPORTING);
    index.add(&w.dangling_endings, class::DANGLING);
    index.add(&w.embedders, class::EMBEDDER);
    index.add(&w.stop_words, class::STOP);
    index.add(&config.pairing.yes_no_answers, class::YES_NO);
    index.add(&config.pairing.answer_markers, class::ANSWER_MARKER);
    index.add(&config.acknowledgement.padding, class::ACK_PADDING);
    // Word classes rather than tables: the question reader tests every word of a clause.
    index.add(&config.question.quote_verbs, class::QUOTE_VERB);
    index.add(&config.question.confirmation_tags, class::CONFIRMATION_TAG);
    index.add(&config.question.impersonal_subjects, class::IMPERSONAL);
    index.add(&config.question.polarity_items, class::POLARITY);
    index
}

/// The acknowledgement phrases, normalised, and their kind: the plain lists, then every
/// evaluation head followed by every evaluation ("that's great", "how awful"). A phrase listed
/// twice keeps its last kind.
fn ack_phrase_table(config: &AnalysisConfig) -> WordMap<AckKind> {
    let a = &config.acknowledgement;
    let mut acks = WordMap::default();
    let mut put = |phrase: String, kind: AckKind| {
        if !phrase.is_empty() {
            acks.insert(phrase.into_bytes(), kind);
        }
    };
    for (list, kind) in [
        (&a.backchannel, AckKind::Backchannel),
        (&a.acknowledgement, AckKind::Acknowledgement),
        (&a.appreciation, AckKind::Appreciation),
        (&a.sympathy, AckKind::Sympathy),
    ] {
        for p in list {
            put(normalize_phrase(p), kind);
        }
    }
    // Each evaluation is normalised once, not once per head.
    let evaluations: Vec<(String, AckKind)> = [
        (&a.positive_evaluations, AckKind::Appreciation),
        (&a.negative_evaluations, AckKind::Sympathy),
    ]
    .into_iter()
    .flat_map(|(list, kind)| list.iter().map(move |e| (normalize_phrase(e), kind)))
    .collect();
    for head in &a.evaluation_heads {
        let head = normalize_phrase(head);
        for (e, kind) in &evaluations {
            put(format!("{head} {e}"), *kind);
        }
    }
    acks
}

/// Whether words `i` and `j` of `n` are one of `pairs` (see `word_pairs`). Normalisation
/// looked up each word's phrase-word id, and equal ids are equal words: no text is compared.
fn has_pair(pairs: &[(u32, u32)], n: &Normalized, i: usize, j: usize) -> bool {
    let (Some(a), Some(b)) = (n.id(i), n.id(j)) else {
        return false;
    };
    a != 0 && pairs.contains(&(a, b))
}

/// Two-word phrases as the phrase-word ids of their two normalised words (given ids here);
/// other lengths are skipped.
fn word_pairs(words: &mut WordIndex, phrases: &[String]) -> Vec<(u32, u32)> {
    phrases
        .iter()
        .filter_map(|p| {
            let p = normalize_phrase(p);
            let (a, b) = p.split_once(' ')?;
            // A longer phrase ("by the way") would leave a space in `b`, which no word has.
            (!b.contains(' ')).then(|| (words.intern_phrase_word(a), words.intern_phrase_word(b)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::normalize;

    #[test]
    fn the_acknowledgement_trie_finds_the_longest_phrase_the_table_has() {
        // The rule file's lists, and lists with "Mixed Case", one word, an empty evaluation,
        // a phrase inside a longer one and a phrase listed under two kinds.
        use crate::rules::ruleset::{DEFAULT_TOML, RuleFile};
        let mut config = toml::from_str::<RuleFile>(DEFAULT_TOML).unwrap().analysis;
        let mut configs = vec![config.clone()];
        let a = &mut config.acknowledgement;
        a.backchannel = vec!["Mm-hm".into(), "uh huh".into(), "oh".into(), "I see".into()];
        a.acknowledgement = vec!["uh huh".into(), "oh I see now".into()];
        a.evaluation_heads = vec!["That's".into(), "so".into(), "oh".into()];
        a.positive_evaluations = vec!["really great".into(), String::new(), "Fine".into()];
        configs.push(config);
        let texts = [
            "Uh-huh. Oh, I see. Oh I see now, that's really great, so fine.",
            "oh oh mm-hm mm hm that's that's fine really great yeah right okay",
            "I'm so sorry to hear that. That's wonderful! Oh, how awful, really.",
            "all right, sure, thank you so much, I see, I see what you mean",
        ];
        for config in &configs {
            let lex = Lexicon::compile(config).unwrap();
            let table = ack_phrase_table(config);
            for text in texts {
                let n = normalize(text, &lex.words);
                for i in 0..n.len() {
                    let by_text = (1..=n.len() - i).rev().find_map(|len| {
                        let phrase = &n.padded[n.start(i)..n.end(i + len - 1)];
                        table.get(phrase).map(|&k| (k, len))
                    });
                    let by_trie = if n.is(i, class::ACK_START) {
                        lex.ack_phrase_at(&n, i)
                    } else {
                        None
                    };
                    assert_eq!(by_trie, by_text, "{text:?} at word {i}");
                }
            }
        }
    }

    #[test]
    fn yes_no_phrases_are_found_as_the_phrase_set_finds_them() {
        // The rule file's list, and one with "Mixed Case", a phrase inside a longer one and
        // words of one phrase that start or continue others.
        use crate::rules::ruleset::{DEFAULT_TOML, RuleFile};
        let mut config = toml::from_str::<RuleFile>(DEFAULT_TOML).unwrap().analysis;
        let mut configs = vec![config.clone()];
        config.pairing.yes_no_answers = ["Uh Huh", "uh huh uh", "no way", "way no", "I do not"]
            .map(String::from)
            .to_vec();
        configs.push(config);
        let texts = [
            "Uh huh, yes sir. I think so, I don't think so, we do, we did not, it is, it was.",
            "uh huh uh no way no I do not, not really, of course, kind of, sort of, a little.",
            "I mean, we were there. Well yeah, oh no, well no. Huh uh, mm hm, not yet never.",
        ];
        for config in &configs {
            let lex = Lexicon::compile(config).unwrap();
            for text in texts {
                let n = normalize(text, &lex.words);
                for i in 0..n.len() {
                    for len in 1..=n.len() - i {
                        let phrase = &n.padded[n.start(i)..n.end(i + len - 1)];
                        assert_eq!(
                            lex.is_yes_no_at(&n, i, len),
                            lex.is_yes_no(phrase),
                            "{text:?} at word {i}, {len} words"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn word_pairs_match_as_the_words_compared_as_text_do() {
        let phrases = [
            "I mean",
            "you know",
            "by the way",
            "all right",
            "well",
            "let's see",
        ];
        let mut config = AnalysisConfig::default();
        config.words.discourse_phrases = phrases.iter().map(|p| p.to_string()).collect();
        config.question.embedding_leads = vec!["you know".into()];
        let lex = Lexicon::compile(&config).unwrap();
        let pairs: Vec<(String, String)> = phrases
            .iter()
            .map(|p| normalize_phrase(p))
            .filter_map(|p| {
                let (a, b) = p.split_once(' ')?;
                Some((a.to_string(), b.to_string()))
            })
            .collect();
        for text in [
            "Well, I mean, you know how it is, by the way, all right?",
            "you you know know the way by the way",
            "Let's see. Let’s SEE, all-right, alright",
            "I meant you knew",
            "",
        ] {
            let n = normalize(text, &lex.words);
            for i in 0..n.len().saturating_sub(1) {
                let (a, b) = (n.word(i), n.word(i + 1));
                let by_text = pairs
                    .iter()
                    .any(|(x, y)| x.as_bytes() == a && y.as_bytes() == b);
                assert_eq!(
                    lex.is_discourse_phrase(&n, i, i + 1),
                    by_text,
                    "{a:?} {b:?}"
                );
                let lead = a == b"you" && b == b"know";
                assert_eq!(lex.is_embedding_lead(&n, i, i + 1), lead, "{a:?} {b:?}");
            }
        }
    }
}
