//! What each utterance does in the conversation: acts, question forms, question→answer pairing,
//! topic overlap. Pure: reads a `Transcript`, returns an `Annotated` call.
//!
//! Each utterance is normalised once (`normalize`, one byte-level pass that also looks up every
//! word), matched once against one trie holding every phrase list (`Lexicon::matches`), then read
//! for acknowledgements (`acks`) and questions (`questions`). Acts that need the neighbours come
//! last: an opening abandoned for a question asks it too (`restarts`), yes/no words after a
//! question are answers, echoes are reflections (`context`), a written question without a
//! question mark met only with backchannels, or followed by more statement of the same speaker,
//! was telling, not asking (`uptake`), low-overlap replies to a disclosure are pivots (`topic`),
//! and every question is paired with what the other side did next (`pairing`).

mod ack_phrases;
pub mod acks;
pub mod acts;
mod byte_classes;
pub mod config;
mod context;
mod cues;
mod edge_table;
mod hash_sort;
pub mod lexicon;
pub mod normalize;
mod overlap;
mod pairing;
mod phrases;
pub mod questions;
mod restarts;
mod scan;
mod sentences;
mod tags;
mod topic;
mod uptake;
pub mod words;

#[cfg(test)]
mod tests;

pub use acts::{AckKind, Act, ActSet, QuestionForm, QuestionStatus};
pub use config::AnalysisConfig;
pub use lexicon::Lexicon;
pub use overlap::{overlap, overlap_with_turn};

use crate::transcript::model::speaker_indexes;
use crate::transcript::{Role, Transcript, Turn};

/// A question an utterance asks, and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub form: QuestionForm,
    pub status: QuestionStatus,
    /// Index (into `Transcript::utterances`) of the utterance that answered it.
    pub answer: Option<usize>,
    /// Index of the other side's utterance that deflected, deferred or moved on.
    pub response: Option<usize>,
    /// Indexes of later utterances in which the same speaker asked it again.
    pub reasked: Vec<usize>,
}

/// The analysis of one utterance.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UtteranceAnalysis {
    pub acts: ActSet,
    /// The kind of acknowledgement when `acts` has `Acknowledgement` (the whole utterance is one).
    pub ack: Option<AckKind>,
    /// An acknowledgement that only opens the utterance, which then goes on ("Yeah, tough.
    /// Anyway, ..."): the token acknowledgement before a pivot.
    pub lead_ack: Option<AckKind>,
    pub question: Option<Question>,
    /// Index into `Annotated::turns`.
    pub turn: usize,
    /// Number of words spoken.
    pub words: usize,
    /// Where the utterance's phrase-list cues are in `Annotated::cues` (see [`Annotated::cues`]).
    pub cues: std::ops::Range<u32>,
    /// Where the utterance's content set is in `Annotated::content` (see [`Annotated::content`]).
    pub content: std::ops::Range<u32>,
    /// A leave-taking ("bye", "take care"): neither an acknowledgement nor a reflection.
    pub closing: bool,
}

/// A transcript together with what each of its utterances does.
#[derive(Debug, Clone)]
pub struct Annotated<'t> {
    pub transcript: &'t Transcript,
    pub turns: Vec<Turn>,
    /// One entry per `transcript.utterances`, same order.
    pub utterances: Vec<UtteranceAnalysis>,
    /// Every utterance's content set, one after another in utterance order (so a turn's sets
    /// are one span): one buffer per call rather than one allocation per utterance.
    content: Vec<u32>,
    /// Every utterance's cue ids, one after another in utterance order: one buffer per call, as
    /// `content`, where a `Vec` per utterance was an allocation and a free for most of them.
    cues: Vec<u16>,
    /// Each utterance's speaker as an index among the call's speakers: found once, so that
    /// turns and pairing compare numbers rather than names.
    speaker_of: Vec<usize>,
}

impl Annotated<'_> {
    /// Whether utterances `i` and `j` have one speaker.
    pub fn same_speaker(&self, i: usize, j: usize) -> bool {
        self.speaker_of[i] == self.speaker_of[j]
    }

    /// Sorted, de-duplicated hashes of the content-word stems of utterance `i`, for [`overlap`].
    pub fn content(&self, i: usize) -> &[u32] {
        let r = &self.utterances[i].content;
        &self.content[r.start as usize..r.end as usize]
    }

    /// Phrase-list cues that matched utterance `i` (e.g. "deflection.demo"), sorted, as ids for
    /// `Lexicon::cue_label`, so that messages can say what happened without re-parsing the text.
    pub fn cues(&self, i: usize) -> &[u16] {
        let r = &self.utterances[i].cues;
        &self.cues[r.start as usize..r.end as usize]
    }

    /// Whether a cue of the list with this label ("deflection.demo") matched utterance `i`.
    pub fn has_cue(&self, i: usize, lexicon: &Lexicon, label: &str) -> bool {
        lexicon
            .cue_id(label)
            .is_some_and(|id| self.cues(i).contains(&id))
    }

    /// The labels of the cues that matched utterance `i`, in cue-id order.
    pub fn cue_labels<'l>(&self, i: usize, lexicon: &'l Lexicon) -> impl Iterator<Item = &'l str> {
        self.cues(i).iter().map(|&id| lexicon.cue_label(id))
    }

    /// Replaces utterance `i`'s cues (tests that set acts by hand).
    #[cfg(test)]
    pub(crate) fn set_cues(&mut self, i: usize, ids: &[u16]) {
        let start = self.cues.len() as u32;
        self.cues.extend_from_slice(ids);
        self.utterances[i].cues = start..self.cues.len() as u32;
    }

    /// The words spoken in `turn`, summed over its utterances.
    pub fn turn_words(&self, turn: &Turn) -> usize {
        turn.utterances
            .clone()
            .map(|i| self.utterances[i].words)
            .sum()
    }

    /// The rep's words and everyone's words over the whole call: the talk ratio's two terms.
    pub fn rep_and_all_words(&self) -> (usize, usize) {
        let (mut rep, mut all) = (0, 0);
        for (u, a) in self.transcript.utterances.iter().zip(&self.utterances) {
            all += a.words;
            rep += if u.role == Role::Rep { a.words } else { 0 };
        }
        (rep, all)
    }
}

/// The buffers an utterance is read into, reused from one utterance to the next.
#[derive(Default)]
struct Scratch {
    n: normalize::Normalized,
    matches: Vec<(lexicon::Target, usize, usize)>,
    sentences: sentences::SentenceBuffers,
}

thread_local! {
    /// Each thread's [`Scratch`], kept from one call to the next: buffers made afresh for every
    /// call grew to the call's longest utterance again, about twenty reallocations a call.
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

/// Annotates every utterance of a call.
pub fn annotate<'t>(transcript: &'t Transcript, lexicon: &Lexicon) -> Annotated<'t> {
    let (_, speaker_of) = speaker_indexes(&transcript.utterances);
    annotate_with_speakers(transcript, speaker_of, lexicon)
}

/// [`annotate`] given each utterance's speaker index, as [`speaker_indexes`] finds it (and
/// `roles::assign` returns it): found once a call rather than once more here.
pub fn annotate_with_speakers<'t>(
    transcript: &'t Transcript,
    speaker_of: Vec<usize>,
    lexicon: &Lexicon,
) -> Annotated<'t> {
    debug_assert_eq!(speaker_of.len(), transcript.utterances.len());
    let turns = transcript.turns_by(&speaker_of);
    let mut utterances = Vec::with_capacity(transcript.utterances.len());
    let mut shapes = Vec::with_capacity(transcript.utterances.len());
    let mut replies = Vec::with_capacity(transcript.utterances.len());
    let mut openers = Vec::with_capacity(transcript.utterances.len());
    // Room for 16 content words an utterance, more than a call's utterances have on average:
    // grown by doubling from empty, the buffer was copied about a dozen times a call.
    let mut content = Vec::with_capacity(16 * transcript.utterances.len());
    // Room for one cue an utterance: most have none, a few several.
    let mut cue_ids = Vec::with_capacity(transcript.utterances.len());
    let mut scratch = SCRATCH.take();
    let Scratch {
        n,
        matches,
        sentences: sentence_buffers,
    } = &mut scratch;
    for u in &transcript.utterances {
        normalize::normalize_into(&u.text, &lexicon.words, n);
        lexicon.matches(n, matches);
        // Found once: both the question reader and the opener check start from it.
        let lead = questions::clause_start(n, questions::core_words(n), lexicon);
        let start = content.len() as u32;
        content.extend_from_slice(&n.content);
        utterances.push(UtteranceAnalysis {
            content: start..content.len() as u32,
            ..UtteranceAnalysis::default()
        });
        let analysis = utterances.last_mut().expect("pushed above");
        cues::read_cues(analysis, matches, lexicon, &mut cue_ids);
        let shape = cues::read_utterance(
            analysis,
            &u.text,
            n,
            matches,
            lead,
            lexicon,
            sentence_buffers,
        );
        shapes.push(shape);
        replies.push(pairing::ReplyCues::read(n, lexicon));
        openers.push(restarts::opens_question(n, lead));
    }
    SCRATCH.set(scratch);
    for (ti, turn) in turns.iter().enumerate() {
        for i in turn.utterances.clone() {
            utterances[i].turn = ti;
        }
    }
    let mut call = Annotated {
        transcript,
        turns,
        utterances,
        content,
        cues: cue_ids,
        speaker_of,
    };
    restarts::mark_abandoned_openers(&mut call, &openers);
    context::resolve(&mut call, &shapes, lexicon);
    acks::drop_pre_closings(&mut call, lexicon);
    uptake::drop_unwaited(&mut call, lexicon);
    uptake::drop_backchanneled_wh(&mut call, lexicon);
    topic::mark_pivots(&mut call, lexicon);
    pairing::pair(&mut call, &replies, lexicon);
    call
}
