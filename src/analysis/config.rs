//! The `[analysis]` table of the rule file, as written: word classes, phrase lists, thresholds.
//!
//! Every list is plain lower-case English; punctuation and case in the file do not matter because
//! phrases are normalised the same way as utterances before matching.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Named phrase lists of one act, e.g. `[analysis.deflection] demo = [...]`, `praise = [...]`.
/// The list name becomes the cue label ("deflection.demo") that rule messages can quote.
pub type PhraseLists = BTreeMap<String, Vec<String>>;

/// The phrase lists and thresholds of the analysis layer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisConfig {
    /// How many of the other side's utterances to look through for an answer.
    #[serde(default)]
    pub answer_window: Option<usize>,
    #[serde(default)]
    pub words: WordClasses,
    #[serde(default)]
    pub question: QuestionConfig,
    #[serde(default)]
    pub acknowledgement: AckConfig,
    #[serde(default)]
    pub pairing: PairingConfig,
    #[serde(default)]
    pub deflection: PhraseLists,
    #[serde(default)]
    pub deferral: PhraseLists,
    #[serde(default)]
    pub purpose: PhraseLists,
    #[serde(default)]
    pub filler_opener: PhraseLists,
    #[serde(default)]
    pub pivot: PhraseLists,
    #[serde(default)]
    pub disclosure: PhraseLists,
    #[serde(default)]
    pub next_step: PhraseLists,
    #[serde(default)]
    pub topic: TopicConfig,
}

/// Closed word classes that the question and overlap analysis reads.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordClasses {
    /// Hesitations dropped before syntax is read ("uh", "um").
    #[serde(default)]
    pub hesitations: Vec<String>,
    /// Words that may open a clause without being its subject or verb ("well", "so", "and").
    #[serde(default)]
    pub discourse_markers: Vec<String>,
    /// Two-word discourse markers ("i mean", "you know").
    #[serde(default)]
    pub discourse_phrases: Vec<String>,
    /// Auxiliary and modal verbs, with their negated forms.
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Auxiliaries that invert with "you" in mid-utterance questions ("... do you have kids").
    #[serde(default)]
    pub inverting_auxiliaries: Vec<String>,
    /// Auxiliaries that take a bare verb ("do you know"), unlike "is you know" which is a filler.
    #[serde(default)]
    pub do_support: Vec<String>,
    /// Pronouns that can follow an inverted auxiliary as its subject.
    #[serde(default)]
    pub subject_pronouns: Vec<String>,
    /// Determiners and quantifiers that can open a subject noun phrase.
    #[serde(default)]
    pub determiners: Vec<String>,
    #[serde(default)]
    pub wh_words: Vec<String>,
    /// Wh-words that ask as the subject, without inversion ("what took you there", "how come").
    #[serde(default)]
    pub wh_subjects: Vec<String>,
    /// Contracted wh-words that are questions on their own ("what's", "how'd").
    #[serde(default)]
    pub wh_contractions: Vec<String>,
    /// Pronouns that end a tag question ("..., isn't it", "..., do you").
    #[serde(default)]
    pub tag_pronouns: Vec<String>,
    /// Negations: a negative statement ending in a positive auxiliary and pronoun is a tag
    /// question ("you don't use it, do you").
    #[serde(default)]
    pub negations: Vec<String>,
    /// Words before "do you"/"are you" that make it a clause, not an inversion ("than", "as").
    #[serde(default)]
    pub embedders: Vec<String>,
    /// Verbs that report speech: a question after them is quoted ("she said, do you ...").
    #[serde(default)]
    pub reporting_verbs: Vec<String>,
    /// Words a finished sentence does not end with ("the", "of", "and"): an utterance ending
    /// in one was cut off before it asked anything.
    #[serde(default)]
    pub dangling_endings: Vec<String>,
    /// Function words left out of content sets.
    #[serde(default)]
    pub stop_words: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionConfig {
    /// Two-word openings that make a wh-question without an auxiliary ("how many", "what kind").
    #[serde(default)]
    pub wh_openers: Vec<String>,
    /// Imperatives and statements that ask for an answer ("walk me through", "tell me about").
    #[serde(default)]
    pub open_requests: Vec<String>,
    /// Whole utterances that are talk to oneself or exclamations, not questions ("what's the word").
    #[serde(default)]
    pub not_questions: Vec<String>,
    /// Whole utterances that search for a word ("what's his name", "what do you call it"): not
    /// questions unless said with a question mark, when they ask the listener to supply it.
    #[serde(default)]
    pub word_searches: Vec<String>,
    /// Openings that look like questions but are suggestions or exclamations ("why don't we").
    #[serde(default)]
    pub not_question_openers: Vec<String>,
    /// Wh-words with their own verb that head a statement unless a question mark ends the
    /// utterance ("what happens is ..." / "what happens if we cancel?").
    #[serde(default)]
    pub relative_openers: Vec<String>,
    /// Endings that are fillers even with a question mark ("you know?").
    #[serde(default)]
    pub filler_endings: Vec<String>,
    /// Endings that turn a statement into a tag question ("right?" with a question mark).
    #[serde(default)]
    pub tag_endings: Vec<String>,
    /// Verbs that start a quoted question after their subject and a comma ("they go, ..."),
    /// besides the reporting verbs.
    #[serde(default)]
    pub quote_verbs: Vec<String>,
    /// Subjects that tell no quote: before "was like" they compare ("it was like a
    /// warehouse, right?") where a person would quote ("she was like, why?").
    #[serde(default)]
    pub impersonal_subjects: Vec<String>,
    /// Words that a positive statement does not use, so that "you" followed by one, or by a
    /// verb and one, asks with its auxiliary dropped ("you ever used a CRM", "you got any
    /// budget left").
    #[serde(default)]
    pub polarity_items: Vec<String>,
    /// Words that, set off after a statement about the listener, ask them to confirm it even
    /// without a question mark ("you moved last year, right.").
    #[serde(default)]
    pub confirmation_tags: Vec<String>,
    /// Two-word discourse markers that, right before a wh-word with no comma between, are a verb
    /// and its subject taking the wh-clause as object ("you know how renewals go"): without a
    /// question mark the clause is stated, not asked.
    #[serde(default)]
    pub embedding_leads: Vec<String>,
    /// Minimum words after the auxiliary/wh-word for an unpunctuated question (fragments are not).
    #[serde(default)]
    pub min_words: Option<usize>,
    /// Statements of the same speaker's turn that, following a question in question word
    /// order written without a question mark, show it did not wait for an answer.
    #[serde(default)]
    pub unwaited_statements: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AckConfig {
    /// Longest utterance, in words, that can be an acknowledgement on its own.
    #[serde(default)]
    pub max_words: Option<usize>,
    #[serde(default)]
    pub backchannel: Vec<String>,
    /// Backchannels that, said as a question ("is that right?", "yeah?"), still acknowledge,
    /// unlike a tag that asks the other side to confirm ("right?").
    #[serde(default)]
    pub asking_backchannels: Vec<String>,
    #[serde(default)]
    pub acknowledgement: Vec<String>,
    #[serde(default)]
    pub appreciation: Vec<String>,
    #[serde(default)]
    pub sympathy: Vec<String>,
    /// Leave-takings ("bye", "take care"): an utterance with one closes the call, it does not
    /// acknowledge, even when it echoes the other side's "bye".
    #[serde(default)]
    pub closings: Vec<String>,
    /// Openers of evaluative acknowledgements ("that's", "that sounds", "how").
    #[serde(default)]
    pub evaluation_heads: Vec<String>,
    /// Positive evaluations that follow a head: "that's great" is appreciation.
    #[serde(default)]
    pub positive_evaluations: Vec<String>,
    /// Negative evaluations that follow a head: "that's awful" is sympathy.
    #[serde(default)]
    pub negative_evaluations: Vec<String>,
    /// Words that may pad an acknowledgement ("oh", "well", "uh").
    #[serde(default)]
    pub padding: Vec<String>,
    /// Acknowledgement words that answer a yes-no question when they follow one ("yeah", "no").
    #[serde(default)]
    pub answer_words: Vec<String>,
    /// How many utterances at the end of a call may hold a pre-closing ("okay", "all right"
    /// before a goodbye), which offers to end the call rather than acknowledges.
    #[serde(default)]
    pub pre_closing_tail: Option<usize>,
    /// Longest utterance, in words, that can be a reflection (an echo of the other's words).
    #[serde(default)]
    pub reflection_max_words: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairingConfig {
    /// Words that answer a yes-no question ("yes", "no", "yeah", "nope", "sure").
    #[serde(default)]
    pub yes_no_answers: Vec<String>,
    /// Words that give a reason, a time, an amount or a place: evidence for a wh-answer.
    #[serde(default)]
    pub answer_markers: Vec<String>,
    /// Content overlap above which a later question by the same speaker is the same question.
    #[serde(default)]
    pub reask_overlap: Option<f64>,
    /// Content overlap above which a reply counts as engaging with the question.
    #[serde(default)]
    pub answer_overlap: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicConfig {
    /// A reply to a disclosure whose content overlap with it is below this moves to new content.
    #[serde(default)]
    pub pivot_overlap: Option<f64>,
    /// Minimum words for a low-overlap reply to count as a move to new content.
    #[serde(default)]
    pub pivot_min_words: Option<usize>,
}
