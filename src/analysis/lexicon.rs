//! The `[analysis]` table of the rule set (phrase lists, thresholds) and its compiled form.

use serde::Deserialize;

/// The phrase lists and thresholds of the analysis layer, as written in the rule file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisConfig {
    /// How many of the other side's utterances to look through for an answer.
    #[serde(default)]
    pub answer_window: Option<usize>,
}

/// The analysis configuration compiled once per run: regex sets and automata.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub answer_window: usize,
    /// Names of the phrase lists, indexed by cue id.
    pub cue_labels: Vec<String>,
}

impl Lexicon {
    pub fn compile(config: &AnalysisConfig) -> Result<Lexicon, String> {
        Ok(Lexicon {
            answer_window: config.answer_window.unwrap_or(6),
            cue_labels: Vec::new(),
        })
    }
}

impl Lexicon {
    /// The label of a cue id stored in `UtteranceAnalysis::cues`.
    pub fn cue_label(&self, id: u16) -> &str {
        self.cue_labels
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }
}
