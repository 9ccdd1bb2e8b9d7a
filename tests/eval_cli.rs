//! `callscore eval DIR`: precision, recall and F1 against labels.json, and its errors.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

const DIR: &str = "tests/fixtures/eval/monologue";
const STRICT: &str = "tests/fixtures/eval/monologue-100-words.toml";

fn callscore() -> Command {
    Command::cargo_bin("callscore").unwrap()
}

#[test]
fn reports_per_rule_figures_and_lists_what_to_fix() {
    // At 100 words both long turns are flagged; only one is labelled.
    let out = callscore()
        .args(["eval", DIR, "--rules", STRICT])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let row = text.lines().find(|l| l.starts_with("monologue")).unwrap();
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cols[1..],
        ["1", "2", "1", "1", "0", "0.500", "1.000", "0.667"],
        "{text}"
    );
    assert!(text.contains("false positives"), "{text}");
    assert!(text.contains("two-calls.txt:6  monologue"), "{text}");
    assert!(!text.contains("false negatives"), "{text}");
}

#[test]
fn json_output_has_the_same_figures() {
    let out = callscore()
        .args(["eval", DIR, "--rules", STRICT, "--format", "json"])
        .assert()
        .success();
    let e: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(e["calls"], 3);
    assert_eq!(e["rules"][0]["rule"], "monologue");
    assert_eq!(e["rules"][0]["precision"], 0.5);
    assert_eq!(e["false_positives"][0]["file"], "two-calls.txt");
    assert_eq!(e["false_positives"][0]["line"], 6);
}

#[test]
fn fails_below_min_f1_and_lists_false_negatives() {
    // At the default 190 words the labelled pitch is missed.
    callscore()
        .args(["eval", DIR, "--min-f1", "0.5"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("long-pitch.txt:4  monologue"))
        .stderr(predicate::str::contains("monologue (0.000)"));
    callscore()
        .args(["eval", DIR, "--rules", STRICT, "--min-f1", "0.6"])
        .assert()
        .success();
}

fn labelled_dir(labels: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(format!("{DIR}/short.txt"), dir.path().join("short.txt")).unwrap();
    fs::write(dir.path().join("labels.json"), labels).unwrap();
    dir
}

#[test]
fn label_errors_say_what_to_do_and_exit_2() {
    let cases = [
        (
            "[{\"file\": \"short.txt\",\n \"expect\": [{\"rule\": \"monologue\" \"line\": 3}]}]",
            "line 2, column",
        ),
        (
            "[{\"file\": \"missing.txt\", \"expect\": []}]",
            "labels list 'missing.txt'",
        ),
        (
            "[{\"file\": \"short.txt\", \"expect\": [{\"rule\": \"train-seling\", \"line\": 1}]}]",
            "rule 'train-seling'",
        ),
        ("{\"file\": \"short.txt\"}", "labels.json is a list"),
    ];
    for (labels, words) in cases {
        let dir = labelled_dir(labels);
        callscore()
            .arg("eval")
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("labels.json"))
            .stderr(predicate::str::contains(words));
    }
}

#[test]
fn a_folder_without_labels_explains_the_format() {
    let dir = tempfile::tempdir().unwrap();
    callscore()
        .arg("eval")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("labels.json: not found"))
        .stderr(predicate::str::contains("\"expect\""));
}
