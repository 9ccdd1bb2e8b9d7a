//! Measuring the rules against hand-labelled calls: labels and findings in, precision, recall
//! and F1 per rule out. Pure: the CLI reads the files.

use crate::rules::Finding;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One entry of `labels.json`: a call and the findings it should have.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledCall {
    /// The call's file, relative to the labels' folder.
    pub file: String,
    /// The rep's speaker name, when roles need saying.
    #[serde(default)]
    pub rep: Option<String>,
    /// The prospect's speaker name, when roles need saying.
    #[serde(default)]
    pub prospect: Option<String>,
    #[serde(default)]
    pub expect: Vec<Expected>,
}

/// A finding a labeller expects: this rule at this line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub rule: String,
    pub line: usize,
}

/// Parses `labels.json`; the error says where and what to fix.
pub fn parse_labels(text: &str) -> Result<Vec<LabelledCall>, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: {e}; labels.json is a list like \
             [{{\"file\": \"a.txt\", \"expect\": [{{\"rule\": \"train-selling\", \"line\": 3}}]}}]",
            e.line(),
            e.column()
        )
    })
}

/// The rules the labels speak about: every line not listed is clean for each of them.
pub fn labelled_rules(labels: &[LabelledCall]) -> Vec<String> {
    let rules: BTreeSet<&str> = labels
        .iter()
        .flat_map(|c| c.expect.iter().map(|e| e.rule.as_str()))
        .collect();
    rules.into_iter().map(String::from).collect()
}

/// Precision, recall and F1 of one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleScore {
    pub rule: String,
    pub expected: usize,
    pub found: usize,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// A place where the rules and the labels disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub file: String,
    pub line: usize,
    pub rule: String,
    /// The finding's message, for false positives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The result of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub calls: usize,
    pub rules: Vec<RuleScore>,
    pub false_positives: Vec<Disagreement>,
    pub false_negatives: Vec<Disagreement>,
}

impl Evaluation {
    /// Rules whose F1 is below `min_f1`.
    pub fn below(&self, min_f1: f64) -> Vec<&RuleScore> {
        self.rules.iter().filter(|r| r.f1 < min_f1).collect()
    }
}

/// Compares each call's findings (`found[i]` belongs to `labels[i]`) with its labels, for the
/// rules the labels speak about. A finding and a label agree when rule and line are the same.
pub fn evaluate(labels: &[LabelledCall], found: &[Vec<Finding>]) -> Evaluation {
    let rules = labelled_rules(labels);
    let mut counts: BTreeMap<&str, [usize; 3]> =
        rules.iter().map(|r| (r.as_str(), [0; 3])).collect();
    let mut false_positives = Vec::new();
    let mut false_negatives = Vec::new();
    for (call, findings) in labels.iter().zip(found) {
        let expected: BTreeSet<(&str, usize)> = call
            .expect
            .iter()
            .map(|e| (e.rule.as_str(), e.line))
            .collect();
        let mut predicted: BTreeMap<(&str, usize), &Finding> = BTreeMap::new();
        for f in findings
            .iter()
            .filter(|f| counts.contains_key(f.rule.as_str()))
        {
            predicted.entry((f.rule.as_str(), f.line)).or_insert(f);
        }
        for (&(rule, line), f) in &predicted {
            let c = counts.get_mut(rule).expect("filtered to labelled rules");
            if expected.contains(&(rule, line)) {
                c[0] += 1;
            } else {
                c[1] += 1;
                false_positives.push(disagreement(call, rule, line, Some(&f.message)));
            }
        }
        for &(rule, line) in expected.iter().filter(|k| !predicted.contains_key(*k)) {
            counts.get_mut(rule).expect("labelled rule")[2] += 1;
            false_negatives.push(disagreement(call, rule, line, None));
        }
    }
    Evaluation {
        calls: labels.len(),
        rules: counts
            .into_iter()
            .map(|(rule, [tp, fp, fn_])| rule_score(rule, tp, fp, fn_))
            .collect(),
        false_positives,
        false_negatives,
    }
}

fn disagreement(
    call: &LabelledCall,
    rule: &str,
    line: usize,
    message: Option<&str>,
) -> Disagreement {
    Disagreement {
        file: call.file.clone(),
        line,
        rule: rule.to_string(),
        message: message.map(String::from),
    }
}

/// Scores one rule. With nothing to find and nothing found, precision and recall are 1.
fn rule_score(rule: &str, tp: usize, fp: usize, fn_: usize) -> RuleScore {
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            1.0
        } else {
            num as f64 / den as f64
        }
    };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    RuleScore {
        rule: rule.to_string(),
        expected: tp + fn_,
        found: tp + fp,
        true_positives: tp,
        false_positives: fp,
        false_negatives: fn_,
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Severity;
    use crate::transcript::Role;

    fn finding(rule: &str, line: usize) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            line,
            start_s: None,
            speaker: "Dana".into(),
            role: Role::Rep,
            message: format!("{rule} here"),
            excerpt: String::new(),
            related_line: None,
            penalty: 0,
        }
    }

    const LABELS: &str = r#"[
        {"file": "a.txt", "rep": "Dana", "expect": [{"rule": "train-selling", "line": 3},
                                                    {"rule": "unanswered-question", "line": 5}]},
        {"file": "b.txt", "expect": []}
    ]"#;

    #[test]
    fn counts_agreements_and_lists_disagreements() {
        let labels = parse_labels(LABELS).unwrap();
        let found = vec![
            vec![
                finding("train-selling", 3),
                finding("monologue", 9),
                finding("unanswered-question", 6),
            ],
            vec![finding("train-selling", 2), finding("train-selling", 2)],
        ];
        let e = evaluate(&labels, &found);
        assert_eq!(e.calls, 2);
        let ts = &e.rules[0];
        assert_eq!(
            (
                ts.rule.as_str(),
                ts.true_positives,
                ts.false_positives,
                ts.false_negatives
            ),
            ("train-selling", 1, 1, 0)
        );
        assert_eq!(ts.precision, 0.5);
        assert_eq!(ts.recall, 1.0);
        assert!((ts.f1 - 2.0 / 3.0).abs() < 1e-9);
        let uq = &e.rules[1];
        assert_eq!(uq.f1, 0.0);
        assert_eq!(e.rules.len(), 2, "monologue is not labelled, so not judged");
        let fps: Vec<(&str, usize)> = e
            .false_positives
            .iter()
            .map(|d| (d.file.as_str(), d.line))
            .collect();
        assert_eq!(fps, [("a.txt", 6), ("b.txt", 2)]);
        assert_eq!(e.false_negatives[0].line, 5);
        assert_eq!(e.below(0.9).len(), 2);
    }

    #[test]
    fn nothing_to_find_and_nothing_found_is_perfect() {
        let labels = parse_labels(
            r#"[{"file": "a.txt", "expect": [{"rule": "x", "line": 1}]}, {"file": "b.txt"}]"#,
        )
        .unwrap();
        let e = evaluate(&labels, &[vec![finding("x", 1)], vec![]]);
        assert_eq!(e.rules[0].f1, 1.0);
        assert!(e.below(1.0).is_empty());
    }

    #[test]
    fn bad_labels_say_where() {
        let err =
            parse_labels("[{\"file\": \"a.txt\",\n \"expect\": [{\"rule\": 3}]}]").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        assert!(
            parse_labels("[{\"path\": \"a.txt\"}]")
                .unwrap_err()
                .contains("unknown field")
        );
    }
}
