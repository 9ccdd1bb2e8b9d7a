//! Penalties to scores, and the per-call metrics the reports show.

use crate::analysis::{Act, Annotated};
use crate::rules::{Finding, RuleSet, Severity};
use crate::transcript::{Format, Role, RoleSource};
use serde::Serialize;
use std::collections::HashMap;

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
pub fn score(call: &Annotated, findings: Vec<Finding>, ruleset: &RuleSet) -> CallReport {
    let t = call.transcript;
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .filter(|f| !t.suppressions.covers(&f.rule, f.line))
        .collect();
    apply_penalties(&mut findings, ruleset);
    let penalty: u32 = findings.iter().map(|f| f.penalty).sum();
    let mut metrics = metrics(call);
    for f in &findings {
        match f.severity {
            Severity::Error => metrics.errors += 1,
            Severity::Warning => metrics.warnings += 1,
            Severity::Info => metrics.infos += 1,
        }
    }
    CallReport {
        path: t.path.clone(),
        call_id: t.id.clone(),
        format: t.format,
        score: 100u32.saturating_sub(penalty),
        roles: Roles {
            rep: t
                .speakers_with(Role::Rep)
                .into_iter()
                .map(String::from)
                .collect(),
            prospect: t
                .speakers_with(Role::Prospect)
                .into_iter()
                .map(String::from)
                .collect(),
            source: t.role_source,
        },
        metrics,
        findings,
    }
}

/// Sets each finding's penalty, in line order, within its rule's cap.
fn apply_penalties(findings: &mut [Finding], ruleset: &RuleSet) {
    let mut spent: HashMap<&str, u32> = HashMap::new();
    for f in findings.iter_mut() {
        let Some(rule) = ruleset.rule(&f.rule) else {
            continue;
        };
        let spent = spent.entry(rule.id()).or_default();
        f.penalty = rule
            .settings
            .penalty
            .min(rule.settings.max_penalty.saturating_sub(*spent));
        *spent += f.penalty;
    }
}

fn metrics(call: &Annotated) -> Metrics {
    let t = call.transcript;
    let words_by = |role: Role| -> usize {
        t.utterances
            .iter()
            .zip(&call.utterances)
            .filter(|(u, _)| u.role == role)
            .map(|(_, a)| a.words)
            .sum()
    };
    let (rep_words, all_words) = (
        words_by(Role::Rep),
        call.utterances.iter().map(|a| a.words).sum::<usize>(),
    );
    let questions = |role: Role| {
        t.utterances
            .iter()
            .zip(&call.utterances)
            .filter(move |(u, a)| u.role == role && a.acts.contains(Act::Question))
            .map(|(_, a)| a)
    };
    Metrics {
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
            .map(|turn| {
                turn.utterances
                    .clone()
                    .map(|i| call.utterances[i].words)
                    .sum()
            })
            .max()
            .unwrap_or(0),
        prospect_questions: questions(Role::Prospect).count(),
        prospect_questions_unanswered: questions(Role::Prospect)
            .filter(|a| {
                a.question
                    .as_ref()
                    .is_some_and(|q| q.status.is_unanswered())
            })
            .count(),
        rep_questions: questions(Role::Rep).count(),
        ..Metrics::default()
    }
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
