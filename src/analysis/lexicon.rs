//! The `[analysis]` configuration compiled once per run: a word-class index, one Aho-Corasick
//! automaton for every phrase list, and the acknowledgement phrase table.

use super::acts::{AckKind, Act};
use super::config::{AnalysisConfig, PhraseLists};
use super::normalize::{WordIndex, WordMap, class, normalize_phrase};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// What a phrase pattern in the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A named cue list of an act, by cue id.
    Cue(u16),
    OpenRequest,
    WhOpener,
    NotQuestionOpener,
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
    pub(crate) phrases: Option<AhoCorasick>,
    pub(crate) targets: Vec<Target>,
    /// Normalised whole utterances that are not questions ("what's the word"); `true` for word
    /// searches, which a question mark makes questions ("what's his name?").
    pub(crate) not_questions: WordMap<bool>,
    pub(crate) not_question_max_words: usize,
    /// Two-word discourse markers ("i mean", "you know").
    pub(crate) discourse_phrases: Vec<(String, String)>,
    /// Normalised yes/no answer phrases ("yeah", "uh huh", "nope").
    pub(crate) yes_no: WordMap<()>,
    /// Normalised acknowledgement phrases and their kind.
    pub(crate) acks: WordMap<AckKind>,
    pub(crate) ack_max_phrase_words: usize,
    /// Normalised backchannels that acknowledge even with a question mark ("is that right?").
    pub(crate) asking_backchannels: WordMap<()>,
    /// Normalised words that ask for confirmation after a statement about the listener ("right").
    pub(crate) confirmation_tags: WordMap<()>,
    /// Normalised verbs that start a quoted question after a subject and a comma ("they go").
    pub(crate) quote_verbs: WordMap<()>,
    pub ack_max_words: usize,
    pub pre_closing_tail: usize,
    pub reflection_max_words: usize,
    pub question_min_words: usize,
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
            reask_overlap: config.pairing.reask_overlap.unwrap_or(0.6),
            answer_overlap: config.pairing.answer_overlap.unwrap_or(0.2),
            pivot_overlap: config.topic.pivot_overlap.unwrap_or(0.15),
            pivot_min_words: config.topic.pivot_min_words.unwrap_or(5),
            ..Lexicon::default()
        };
        check_fraction("pairing.reask_overlap", lex.reask_overlap)?;
        check_fraction("pairing.answer_overlap", lex.answer_overlap)?;
        check_fraction("topic.pivot_overlap", lex.pivot_overlap)?;
        let mut patterns: Vec<String> = Vec::new();
        let mut add = |list: &[String], target: Target, targets: &mut Vec<Target>| {
            for p in list {
                let p = normalize_phrase(p);
                if !p.is_empty() {
                    patterns.push(format!(" {p} "));
                    targets.push(target);
                }
            }
        };
        let q = &config.question;
        add(&q.open_requests, Target::OpenRequest, &mut lex.targets);
        add(&q.wh_openers, Target::WhOpener, &mut lex.targets);
        add(
            &q.not_question_openers,
            Target::NotQuestionOpener,
            &mut lex.targets,
        );
        add(&q.filler_endings, Target::FillerEnding, &mut lex.targets);
        add(&q.tag_endings, Target::TagEnding, &mut lex.targets);
        let closings = &config.acknowledgement.closings;
        add(closings, Target::Closing, &mut lex.targets);
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
                add(list, Target::Cue(id), &mut lex.targets);
            }
        }
        lex.phrases = Some(
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                // Every pattern starts with a space: a start-byte prefilter only adds work.
                .prefilter(false)
                .build(&patterns)
                .map_err(|e| format!("[analysis] phrase lists: {e}"))?,
        );
        lex.not_questions = q
            .word_searches
            .iter()
            .map(|p| (normalize_phrase(p), true))
            .chain(q.not_questions.iter().map(|p| (normalize_phrase(p), false)))
            .collect();
        lex.not_question_max_words = lex
            .not_questions
            .keys()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0);
        lex.discourse_phrases = config
            .words
            .discourse_phrases
            .iter()
            .filter_map(|p| {
                let p = normalize_phrase(p);
                let (a, b) = p.split_once(' ')?;
                Some((a.to_string(), b.to_string()))
            })
            .collect();
        lex.yes_no = config
            .pairing
            .yes_no_answers
            .iter()
            .map(|p| (normalize_phrase(p), ()))
            .collect();
        lex.asking_backchannels = config
            .acknowledgement
            .asking_backchannels
            .iter()
            .map(|p| (normalize_phrase(p), ()))
            .collect();
        lex.confirmation_tags = q
            .confirmation_tags
            .iter()
            .map(|p| (normalize_phrase(p), ()))
            .collect();
        lex.quote_verbs = q
            .quote_verbs
            .iter()
            .map(|p| (normalize_phrase(p), ()))
            .collect();
        compile_acks(&mut lex, config);
        let starts: Vec<String> = lex
            .acks
            .keys()
            .filter_map(|p| p.split(' ').next().map(str::to_string))
            .collect();
        lex.words.add(&starts, class::ACK_START);
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

    /// Every phrase-list match in a padded, normalised text: (target, start byte, end byte).
    pub(crate) fn matches(&self, padded: &str, out: &mut Vec<(Target, usize, usize)>) {
        out.clear();
        if let Some(ac) = &self.phrases {
            for m in ac.find_overlapping_iter(padded) {
                out.push((self.targets[m.pattern().as_usize()], m.start(), m.end()));
            }
        }
    }

    pub(crate) fn is_discourse_phrase(&self, a: &str, b: &str) -> bool {
        self.discourse_phrases.iter().any(|(x, y)| x == a && y == b)
    }

    /// Whether a normalised phrase answers a yes-no question ("yeah", "uh huh", "nope").
    pub fn is_yes_no(&self, phrase: &str) -> bool {
        self.yes_no.contains_key(phrase)
    }

    pub(crate) fn ack_phrase(&self, phrase: &str) -> Option<AckKind> {
        self.acks.get(phrase).copied()
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
    index
}

/// Fills the acknowledgement table: the plain lists, then every evaluation head followed by
/// every evaluation ("that's great", "how awful").
fn compile_acks(lex: &mut Lexicon, config: &AnalysisConfig) {
    let a = &config.acknowledgement;
    let mut put = |phrase: String, kind: AckKind| {
        if !phrase.is_empty() {
            lex.ack_max_phrase_words = lex.ack_max_phrase_words.max(phrase.split(' ').count());
            lex.acks.insert(phrase, kind);
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
    for head in &a.evaluation_heads {
        let head = normalize_phrase(head);
        for (list, kind) in [
            (&a.positive_evaluations, AckKind::Appreciation),
            (&a.negative_evaluations, AckKind::Sympathy),
        ] {
            for e in list {
                put(format!("{head} {}", normalize_phrase(e)), kind);
            }
        }
    }
}
