//! What each utterance does in the conversation: acts, question forms, question→answer pairing,
//! topic overlap. Pure: reads a `Transcript`, returns an `Annotated` call.

pub mod acts;
pub mod lexicon;

pub use acts::{AckKind, Act, ActSet, QuestionForm, QuestionStatus};
pub use lexicon::{AnalysisConfig, Lexicon};

use crate::transcript::{Transcript, Turn};

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
    pub ack: Option<AckKind>,
    pub question: Option<Question>,
    /// Index into `Annotated::turns`.
    pub turn: usize,
    /// Number of words spoken.
    pub words: usize,
    /// Phrase-list cues that matched (e.g. "deflection.demo"), as ids for `Lexicon::cue_label`,
    /// so that messages can say what happened without re-parsing the text.
    pub cues: Vec<u16>,
}

/// A transcript together with what each of its utterances does.
#[derive(Debug, Clone)]
pub struct Annotated<'t> {
    pub transcript: &'t Transcript,
    pub turns: Vec<Turn>,
    /// One entry per `transcript.utterances`, same order.
    pub utterances: Vec<UtteranceAnalysis>,
}

/// Annotates every utterance of a call.
pub fn annotate<'t>(transcript: &'t Transcript, lexicon: &Lexicon) -> Annotated<'t> {
    let _ = lexicon;
    let turns = transcript.turns();
    let mut utterances = vec![UtteranceAnalysis::default(); transcript.utterances.len()];
    for (ti, turn) in turns.iter().enumerate() {
        for i in turn.utterances.clone() {
            utterances[i].turn = ti;
        }
    }
    for (u, a) in transcript.utterances.iter().zip(utterances.iter_mut()) {
        a.words = u.text.split_whitespace().count();
    }
    Annotated {
        transcript,
        turns,
        utterances,
    }
}
