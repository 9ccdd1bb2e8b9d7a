//! The conversation acts callscore recognises in an utterance (SPEC section 5).

use serde::Serialize;

/// One act an utterance performs. An utterance may perform several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Act {
    Question,
    Acknowledgement,
    Pivot,
    Disclosure,
    Purpose,
    FillerOpener,
    Deflection,
    Deferral,
    NextStep,
}

impl Act {
    pub const ALL: [Act; 9] = [
        Act::Question,
        Act::Acknowledgement,
        Act::Pivot,
        Act::Disclosure,
        Act::Purpose,
        Act::FillerOpener,
        Act::Deflection,
        Act::Deferral,
        Act::NextStep,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Act::Question => "question",
            Act::Acknowledgement => "acknowledgement",
            Act::Pivot => "pivot",
            Act::Disclosure => "disclosure",
            Act::Purpose => "purpose",
            Act::FillerOpener => "filler-opener",
            Act::Deflection => "deflection",
            Act::Deferral => "deferral",
            Act::NextStep => "next-step",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A small set of acts, in the fixed order of `Act::ALL` when listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct ActSet(u16);

impl ActSet {
    pub fn insert(&mut self, act: Act) {
        self.0 |= act.bit();
    }

    pub fn remove(&mut self, act: Act) {
        self.0 &= !act.bit();
    }

    pub fn contains(self, act: Act) -> bool {
        self.0 & act.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Act> {
        Act::ALL.into_iter().filter(move |a| self.contains(*a))
    }
}

impl Serialize for ActSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Act::as_str))
    }
}

/// What kind of acknowledgement an utterance is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AckKind {
    /// "uh-huh", "right", "yeah"
    Backchannel,
    /// "okay, got it", "I see"
    Acknowledgement,
    /// "great", "that's wonderful"
    Appreciation,
    /// "oh no, I'm sorry to hear that"
    Sympathy,
    /// repeating the other speaker's words back: "so the whole plant is down"
    Reflection,
}

impl AckKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AckKind::Backchannel => "backchannel",
            AckKind::Acknowledgement => "acknowledgement",
            AckKind::Appreciation => "appreciation",
            AckKind::Sympathy => "sympathy",
            AckKind::Reflection => "reflection",
        }
    }
}

/// The grammatical form of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionForm {
    YesNo,
    Wh,
    Choice,
    Tag,
    Declarative,
    OpenRequest,
}

impl QuestionForm {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionForm::YesNo => "yes-no",
            QuestionForm::Wh => "wh",
            QuestionForm::Choice => "choice",
            QuestionForm::Tag => "tag",
            QuestionForm::Declarative => "declarative",
            QuestionForm::OpenRequest => "open-request",
        }
    }
}

/// What became of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionStatus {
    Answered,
    /// The other side offered a demo, praised the question and changed the subject, or pitched.
    Deflected,
    /// The other side promised an answer later or from someone else.
    Deferred,
    /// The other side moved on without answering.
    Ignored,
    /// The call ended before any reply.
    Open,
}

impl QuestionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionStatus::Answered => "answered",
            QuestionStatus::Deflected => "deflected",
            QuestionStatus::Deferred => "deferred",
            QuestionStatus::Ignored => "ignored",
            QuestionStatus::Open => "open",
        }
    }

    pub fn is_unanswered(self) -> bool {
        self != QuestionStatus::Answered
    }
}
