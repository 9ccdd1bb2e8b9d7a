//! callscore: scores sales-call transcripts.
//!
//! Data flows one way: bytes → `transcript` (read, roles) → `analysis` (acts, pairing) →
//! `rules` (findings) → `score` (penalties, metrics) → `report` (writers). Everything in this
//! library except `report` writers' `io::Write` targets is free of I/O.

pub mod analysis;
pub mod eval;
pub mod report;
pub mod rules;
pub mod score;
pub mod transcript;

use rules::RuleSet;
use score::CallReport;
use transcript::{RoleOverrides, Transcript};

/// Assigns roles, annotates, runs the rules and scores one call.
pub fn score_call(mut t: Transcript, ruleset: &RuleSet, overrides: &RoleOverrides) -> CallReport {
    let speaker_of = transcript::roles::assign(&mut t, overrides, &ruleset.roles);
    let annotated = analysis::annotate_with_speakers(&t, speaker_of, &ruleset.lexicon);
    let findings = rules::check(&annotated, ruleset);
    score::score(&annotated, findings, ruleset)
}
