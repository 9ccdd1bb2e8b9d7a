//! Penalties to scores, and the per-call metrics the reports show.

use crate::analysis::{Act, Annotated, UtteranceAnalysis};
use crate::rules::{Finding, RuleSet, Severity};
use crate::transcript::{Format, Role, RoleSource};
use serde::Serialize;
use smol_str::SmolStr;

/// The speakers on each side and what decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roles {
    pub rep: Vec<String>,
    pub prospect: Vec<String>,
    pub source: RoleSource,
}

/// Numbers about a call that do not depend on the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Metrics {
    pub utterances: usize,
    pub turns: usize,
    pub duration_s: Option<f64>,
    pub rep_talk_share: f64,
    pub rep_longest_monologue_words: usize,
    pub prospect_questions: usize,
    pub prospect_questions_unanswered: usize,
    pub rep_questions: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Everything callscore says about one call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallReport {
    pub path: String,
    pub call_id: String,
    pub format: Format,
    pub score: u32,
    pub roles: Roles,
    pub metrics: Metrics,
    pub findings: Vec<Finding>,
}

/// Turns findings into a score: 100 − Σ penalties, at least 0. Suppressed findings are dropped
/// first; each rule's findings cost its `penalty` until its `max_penalty` for the call is
/// reached, then 0.
pub fn score(call: &Annotated, mut findings: Vec<Finding>, ruleset: &RuleSet) -> CallReport {
    let t = call.transcript;
    findings.retain(|f| !t.suppressions.covers(&f.rule, f.line));
    apply_penalties(&mut findings, ruleset);
    let penalty: u32 = findings.iter().map(|f| f.penalty).sum();
    let (mut metrics, sides) = metrics(call);
    for f in &findings {
        match f.severity {
            Severity::Error => metrics.errors += 1,
            Severity::Warning => metrics.warnings += 1,
            Severity::Info => metrics.infos += 1,
        }
    }
    let names = |side: &Side| {
        side.speakers
            .iter()
            .map(|s| String::from(s.as_str()))
            .collect()
    };
    CallReport {
        path: t.path.clone(),
        call_id: t.id.clone(),
        format: t.format,
        score: 100u32.saturating_sub(penalty),
        roles: Roles {
            rep: names(&sides[0]),
            prospect: names(&sides[1]),
            source: t.role_source,
        },
        metrics,
        findings,
    }
}

/// Sets each finding's penalty, in line order, within its rule's cap.
fn apply_penalties(findings: &mut [Finding], ruleset: &RuleSet) {
    // What each rule has spent, by its place in the rule set.
    let mut spent = vec![0u32; ruleset.rules.len()];
    for f in findings.iter_mut() {
        let Some(at) = ruleset.rules.iter().position(|r| r.id() == f.rule) else {
            continue;
        };
        let (rule, spent) = (&ruleset.rules[at], &mut spent[at]);
        f.penalty = rule
            .settings
            .penalty
            .min(rule.settings.max_penalty.saturating_sub(*spent));
        *spent += f.penalty;
    }
}

/// What one side (rep or prospect) of a call said.
#[derive(Default)]
struct Side<'t> {
    /// Distinct speakers in order of first appearance.
    speakers: Vec<&'t SmolStr>,
    questions: usize,
    unanswered: usize,
}

impl<'t> Side<'t> {
    fn add(&mut self, speaker: &'t SmolStr, a: &UtteranceAnalysis) {
        // The last new speaker first: most utterances of a side are theirs.
        if self.speakers.last() != Some(&speaker) && !self.speakers.contains(&speaker) {
            self.speakers.push(speaker);
        }
        if a.acts.contains(Act::Question) {
            self.questions += 1;
            let unanswered = a
                .question
                .as_ref()
                .is_some_and(|q| q.status.is_unanswered());
            self.unanswered += usize::from(unanswered);
        }
    }
}

/// The metrics, and the rep's and the prospect's sides.
fn metrics<'t>(call: &Annotated<'t>) -> (Metrics, [Side<'t>; 2]) {
    let t = call.transcript;
    let mut sides = <[Side; 2]>::default();
    for (u, a) in t.utterances.iter().zip(&call.utterances) {
        match u.role {
            Role::Rep => sides[0].add(&u.speaker, a),
            Role::Prospect => sides[1].add(&u.speaker, a),
            Role::Unknown => {}
        }
    }
    let [rep, prospect] = &sides;
    let (rep_words, all_words) = call.rep_and_all_words();
    let metrics = Metrics {
        utterances: t.utterances.len(),
        turns: call.turns.len(),
        duration_s: t.duration(),
        rep_talk_share: if all_words == 0 {
            0.0
        } else {
            (rep_words as f64 / all_words as f64 * 1000.0).round() / 1000.0
        },
        rep_longest_monologue_words: call
            .turns
            .iter()
            .filter(|turn| turn.role == Role::Rep)
            .map(|turn| call.turn_words(turn))
            .max()
            .unwrap_or(0),
        prospect_questions: prospect.questions,
        prospect_questions_unanswered: prospect.unanswered,
        rep_questions: rep.questions,
        ..Metrics::default()
    };
    (metrics, sides)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{marked, script};

    fn finding(rule: &str, line: usize) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Warning,
            line,
            start_s: None,
            speaker: "R".into(),
            role: Role::Rep,
            message: String::new(),
            excerpt: String::new(),
            related_line: None,
            penalty: 99,
        }
    }

    fn ruleset() -> RuleSet {
        RuleSet::load(
            "extends = 'default'\n[rules.monologue]\npenalty = 10\nmax_penalty = 25\n",
            "t.toml",
        )
        .unwrap()
    }

    #[test]
    fn penalties_stop_at_the_rule_cap() {
        let t = script(&["R: a", "P: b", "R: c", "P: d"]);
        let call = marked(&t, &[]);
        let found = ["monologue"; 3]
            .iter()
            .zip([1, 2, 3])
            .map(|(r, l)| finding(r, l))
            .collect();
        let report = score(&call, found, &ruleset());
        let penalties: Vec<u32> = report.findings.iter().map(|f| f.penalty).collect();
        assert_eq!(penalties, [10, 10, 5]);
        assert_eq!(report.score, 75);
        assert_eq!(report.metrics.warnings, 3);
    }

    #[test]
    fn sides_name_the_speakers_as_speakers_with_does() {
        let t = script(&[
            "R: a", "P: b", "R2: c", "R: d", "P2: e", "R2: f", "P: g", "R3: h", "R: i",
        ]);
        let report = score(&marked(&t, &[]), vec![], &ruleset());
        assert_eq!(report.roles.rep, t.speakers_with(Role::Rep));
        assert_eq!(report.roles.prospect, t.speakers_with(Role::Prospect));
        assert_eq!(report.roles.rep, ["R", "R2", "R3"]);
    }

    #[test]
    fn the_score_never_goes_below_zero() {
        let set = RuleSet::load(
            "extends = 'default'\n[rules.monologue]\npenalty = 70\nmax_penalty = 70\n\
             [rules.talk-ratio]\npenalty = 70\nmax_penalty = 70\n",
            "t.toml",
        )
        .unwrap();
        let t = script(&["R: a", "P: b"]);
        let call = marked(&t, &[]);
        let report = score(
            &call,
            vec![finding("monologue", 1), finding("talk-ratio", 1)],
            &set,
        );
        assert_eq!(report.score, 0);
    }

    #[test]
    fn suppressed_findings_are_dropped_and_cost_nothing() {
        let mut t = script(&["R: a", "P: b", "R: c"]);
        t.suppressions.lines.push((3, vec!["monologue".into()]));
        t.suppressions.file.push("talk-ratio".into());
        let call = marked(&t, &[]);
        let found = vec![
            finding("monologue", 1),
            finding("monologue", 3),
            finding("talk-ratio", 1),
        ];
        let report = score(&call, found, &ruleset());
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].line, 1);
        assert_eq!(report.score, 90);
    }
}
