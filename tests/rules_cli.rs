//! `callscore rules`: the rule table, explanations, and rule-file errors.

use assert_cmd::Command;
use predicates::prelude::*;

const FIXTURES: &str = "tests/fixtures/rules";

fn callscore() -> Command {
    Command::cargo_bin("callscore").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

#[test]
fn lists_every_builtin_rule_with_severity_and_penalty() {
    let out = callscore().arg("rules").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for id in [
        "train-selling",
        "purposeless-opener",
        "unanswered-question",
        "missing-purpose",
        "monologue",
        "talk-ratio",
        "no-next-step",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(id)),
            "{id} missing:\n{text}"
        );
    }
    let row = text
        .lines()
        .find(|l| l.starts_with("train-selling"))
        .unwrap();
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(&cols[1..5], ["error", "15", "30", "yes"], "{row}");
}

#[test]
fn explains_one_rule_with_example_fix_and_options() {
    callscore()
        .args(["rules", "monologue"])
        .assert()
        .success()
        .stdout(predicate::str::contains("What it flags:"))
        .stdout(predicate::str::contains("Why it matters:"))
        .stdout(predicate::str::contains("Example:"))
        .stdout(predicate::str::contains("Instead:"))
        .stdout(predicate::str::contains("max_words = 190"));
}

#[test]
fn an_unknown_rule_lists_the_ids_and_exits_2() {
    callscore()
        .args(["rules", "train-seling"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule 'train-seling'"))
        .stderr(predicate::str::contains(
            "train-selling, purposeless-opener",
        ));
}

#[test]
fn json_lists_rules_with_their_documentation() {
    let out = callscore()
        .args(["rules", "--format", "json"])
        .assert()
        .success();
    let rules: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), 7);
    assert_eq!(rules[0]["id"], "train-selling");
    assert!(rules.iter().all(|r| !r["why"].as_str().unwrap().is_empty()));
    let out = callscore()
        .args(["rules", "talk-ratio", "--format", "json"])
        .assert()
        .success();
    let rule: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(rule["options"][0]["name"], "max_share");
    assert_eq!(rule["options"][0]["value"], "0.65");
}

#[test]
fn a_team_file_overrides_the_defaults_and_adds_custom_rules() {
    let out = callscore()
        .args(["rules", "--rules", &fixture("team.toml")])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let row = |id: &str| -> Vec<String> {
        let line = text
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id}:\n{text}"));
        line.split_whitespace().map(String::from).collect()
    };
    assert_eq!(row("monologue")[1..5], ["warning", "20", "20", "yes"]);
    assert_eq!(row("talk-ratio")[4], "no");
    assert_eq!(row("train-selling")[1..5], ["error", "15", "30", "yes"]);
    assert_eq!(
        row("recording-disclosure")[1..5],
        ["error", "20", "20", "yes"]
    );
    assert_eq!(row("no-honestly")[1..5], ["info", "2", "6", "yes"]);
    assert!(text.contains("Rule set 'team'"));
    callscore()
        .args([
            "rules",
            "recording-disclosure",
            "--rules",
            &fixture("team.toml"),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("window = \"first-seconds\""))
        .stdout(predicate::str::contains("unlawful"));
}

#[test]
fn a_standalone_file_has_only_its_own_rules() {
    let out = callscore()
        .args([
            "rules",
            "--rules",
            &fixture("standalone.toml"),
            "--format",
            "json",
        ])
        .assert()
        .success();
    let rules: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["monologue"]);
}

/// Each bad rule file fails with exit 2 and "FILE: line N: what".
#[test]
fn bad_rule_files_name_the_file_and_line() {
    let cases = [
        ("bad-unknown-key.toml", 4, "max_wrods"),
        ("bad-type.toml", 4, "invalid type"),
        ("bad-rule-id.toml", 3, "train-seling"),
        ("bad-regex.toml", 6, "not a valid regular expression"),
        (
            "bad-role-regex.toml",
            5,
            "[roles] rep_names: '^(closer' is not a valid regular expression: unclosed group",
        ),
        ("bad-extends.toml", 2, "only \"default\" can be extended"),
        ("bad-severity.toml", 3, "fatal"),
        ("bad-syntax.toml", 2, ""),
    ];
    for (file, line, words) in cases {
        let path = fixture(file);
        callscore()
            .args(["rules", "--rules", &path])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!("{path}: line {line}: ")))
            .stderr(predicate::str::contains(words));
    }
}

#[test]
fn a_missing_rule_file_exits_2() {
    callscore()
        .args(["rules", "--rules", "no/such/rules.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/rules.toml"));
}

#[test]
fn a_custom_rule_without_max_penalty_says_it_must_set_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.toml");
    std::fs::write(
        &file,
        "extends = \"default\"\n\n[rules.custom.no-honest]\nsummary = \"x\"\nkind = \"forbidden\"\n\
         role = \"rep\"\nphrases = [\"to be honest\"]\nseverity = \"warning\"\npenalty = 5\n",
    )
    .unwrap();
    callscore()
        .args(["score", "samples/factory-train.txt", "--rules"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "team.toml: line 3: [rules.custom.no-honest] has no `max_penalty`; a custom rule must set it",
        ));
}
