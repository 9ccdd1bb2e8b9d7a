//! Deciding who is the rep and who is the prospect, in order of trust (SPEC section 3):
//! `--rep/--prospect`, roles in the file, speaker names, what the speakers say, and last
//! the first speaker. Each speaker is decided by the most trusted evidence about it; the
//! call reports the least trusted evidence it needed as `role_source`.

use super::model::{Role, RoleSource, Transcript, speaker_indexes};
pub use super::role_cues::{CompiledCues, ContentCue, RoleCues};
use smol_str::SmolStr;

/// Speaker names given on the command line.
#[derive(Debug, Clone, Default)]
pub struct RoleOverrides {
    pub rep: Vec<String>,
    pub prospect: Vec<String>,
}

type Decision = Option<(Role, RoleSource)>;

/// Sets every utterance's role and the transcript's `role_source`. Returns each utterance's
/// speaker as an index among the call's speakers (as `speaker_indexes` gives it), found here
/// anyway: annotation groups turns and pairs questions by it without comparing names again.
pub fn assign(t: &mut Transcript, overrides: &RoleOverrides, cues: &RoleCues) -> Vec<usize> {
    let cues = cues.compiled();
    let (speakers, said_by) = speaker_indexes(&t.utterances);
    // Owned: the utterances are updated below.
    let speakers: Vec<SmolStr> = speakers.into_iter().cloned().collect();
    let mut decided: Vec<Decision> = vec![None; speakers.len()];
    by_cli(&speakers, overrides, &mut decided);
    by_file(t, &speakers, &mut decided);
    by_name(&speakers, &cues, &mut decided);
    fill_the_rest(t, &speakers, &said_by, &cues, &mut decided);
    for (u, &i) in t.utterances.iter_mut().zip(&said_by) {
        u.role = decided[i].map_or(Role::Unknown, |d| d.0);
    }
    t.role_source = decided
        .iter()
        .flatten()
        .map(|d| d.1)
        .max_by_key(|s| trust_rank(*s))
        .unwrap_or_default();
    said_by
}

/// Lower is more trusted.
fn trust_rank(s: RoleSource) -> u8 {
    match s {
        RoleSource::Cli => 0,
        RoleSource::File => 1,
        RoleSource::Name => 2,
        RoleSource::Content => 3,
        RoleSource::FirstSpeaker => 4,
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// `--rep`/`--prospect`, when they name someone on this call. Naming one side puts
/// everybody else on the other; naming both leaves the others to the next evidence.
fn by_cli(speakers: &[SmolStr], o: &RoleOverrides, decided: &mut [Decision]) {
    let named = |names: &[String], s: &str| names.iter().any(|n| same_name(n, s));
    let present = speakers
        .iter()
        .any(|s| named(&o.rep, s) || named(&o.prospect, s));
    if !present {
        return;
    }
    for (s, d) in speakers.iter().zip(decided.iter_mut()) {
        let role = if named(&o.rep, s) {
            Some(Role::Rep)
        } else if named(&o.prospect, s) || o.prospect.is_empty() {
            Some(Role::Prospect)
        } else if o.rep.is_empty() {
            Some(Role::Rep)
        } else {
            None
        };
        *d = role.map(|r| (r, RoleSource::Cli));
    }
}

fn by_file(t: &Transcript, speakers: &[SmolStr], decided: &mut [Decision]) {
    for (s, d) in speakers.iter().zip(decided.iter_mut()) {
        if d.is_none() {
            let role = t.file_roles.get(s.as_str()).copied().or_else(|| {
                t.file_roles
                    .iter()
                    .find(|(name, _)| same_name(name, s))
                    .map(|(_, r)| *r)
            });
            *d = role
                .filter(|r| *r != Role::Unknown)
                .map(|r| (r, RoleSource::File));
        }
    }
}

fn by_name(speakers: &[SmolStr], cues: &CompiledCues, decided: &mut [Decision]) {
    for (s, d) in speakers.iter().zip(decided.iter_mut()) {
        if d.is_none() {
            *d = cues.role_by_name(s).map(|r| (r, RoleSource::Name));
        }
    }
}

/// Speakers no stronger evidence decided. When one side is known the rest are the other
/// side; when both are, content decides or the speaker stays unknown; when neither is,
/// content splits the call, else the first speaker is the rep.
fn fill_the_rest(
    t: &Transcript,
    speakers: &[SmolStr],
    said_by: &[usize],
    cues: &CompiledCues,
    decided: &mut [Decision],
) {
    if decided.iter().all(Option::is_some) {
        return;
    }
    let known = |role: Role| decided.iter().flatten().find(|d| d.0 == role).map(|d| d.1);
    match (known(Role::Rep), known(Role::Prospect)) {
        (Some(source), None) => fill(decided, (Role::Prospect, source)),
        (None, Some(source)) => fill(decided, (Role::Rep, source)),
        (Some(_), Some(_)) => {
            let scores = content_scores(t, speakers.len(), said_by, cues);
            for (d, score) in decided.iter_mut().zip(scores) {
                if d.is_none() && score.abs() >= cues.margin {
                    let role = if score > 0 { Role::Rep } else { Role::Prospect };
                    *d = Some((role, RoleSource::Content));
                }
            }
        }
        (None, None) => {
            let scores = content_scores(t, speakers.len(), said_by, cues);
            if !split_by_content(&scores, cues.margin, decided) {
                for (i, d) in decided.iter_mut().enumerate() {
                    let role = if i == 0 { Role::Rep } else { Role::Prospect };
                    *d = Some((role, RoleSource::FirstSpeaker));
                }
            }
        }
    }
}

fn fill(decided: &mut [Decision], with: (Role, RoleSource)) {
    for d in decided.iter_mut().filter(|d| d.is_none()) {
        *d = Some(with);
    }
}

/// The top scorer is a rep, the bottom one a prospect, everyone else joins the nearer of
/// the two (ties: prospect). False when the scores are too close to say.
fn split_by_content(scores: &[i32], margin: i32, decided: &mut [Decision]) -> bool {
    let (Some(&top), Some(&bottom)) = (scores.iter().max(), scores.iter().min()) else {
        return false;
    };
    if top - bottom < margin {
        return false;
    }
    for (d, &s) in decided.iter_mut().zip(scores) {
        let role = if top - s < s - bottom {
            Role::Rep
        } else {
            Role::Prospect
        };
        *d = Some((role, RoleSource::Content));
    }
    true
}

/// Each speaker's content score over their first utterances: the signed weights of the
/// distinct cue patterns they used (each pattern counts once per speaker, so talking
/// more does not make someone more of a rep).
/// `said_by` holds the index of each utterance's speaker, of `speakers` in all.
pub fn content_scores(
    t: &Transcript,
    speakers: usize,
    said_by: &[usize],
    cues: &CompiledCues,
) -> Vec<i32> {
    let n = cues.weights.len();
    let mut seen = vec![false; n * speakers];
    let mut read = vec![0usize; speakers];
    let mut lowered = String::new();
    for (u, &i) in t.utterances.iter().zip(said_by) {
        if read[i] >= cues.window {
            // Once every speaker's window is read, the rest of the call cannot change a score.
            if read.iter().all(|&r| r >= cues.window) {
                break;
            }
            continue;
        }
        read[i] += 1;
        // The patterns are case-insensitive; only typographic apostrophes need folding.
        // Both quotes open with the byte 0xE2: a byte search rules out nearly every text, where
        // `contains` with two chars decoded the text character by character.
        let curly = memchr::memchr(0xE2, u.text.as_bytes()).is_some()
            && u.text.contains(['\u{2019}', '\u{2018}']);
        let text = if curly {
            lowered.clear();
            lowered.extend(u.text.chars().map(|c| match c {
                '\u{2019}' | '\u{2018}' => '\'',
                c => c,
            }));
            lowered.as_str()
        } else {
            u.text.as_str()
        };
        for p in cues.content.matches(text) {
            seen[i * n + p] = true;
        }
    }
    (0..speakers)
        .map(|i| {
            (0..n)
                .filter(|&p| seen[i * n + p])
                .map(|p| cues.weights[p])
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_cues_read_typographic_apostrophes_as_straight_ones() {
        // Only "I’m calling because" speaks for B: the cue matches once ’ reads as '.
        let text =
            "A: Hello?\nB: Hi, I\u{2019}m calling because of the renewal.\nA: Sure.\nB: Great.\n";
        let mut t = crate::transcript::parse("call.txt", text.as_bytes(), None)
            .unwrap()
            .remove(0);
        let rules = crate::rules::RuleSet::default_set();
        assign(&mut t, &RoleOverrides::default(), &rules.roles);
        assert_eq!(t.role_source, RoleSource::Content);
        assert_eq!(t.speakers_with(Role::Rep), vec!["B"]);
    }
}
