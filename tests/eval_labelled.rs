//! The hand-labelled calls in tests/labelled, measured by `callscore eval` as a user runs it:
//! a drop in any core rule's F1 fails CI. The target is 0.9; the floors leave a call's margin.

use assert_cmd::Command;

/// (rule, lowest acceptable F1).
const FLOORS: [(&str, f64); 3] = [
    ("train-selling", 0.85),
    ("purposeless-opener", 0.85),
    ("unanswered-question", 0.85),
];

/// `callscore eval tests/labelled --format json`, parsed.
fn labelled_eval() -> serde_json::Value {
    let out = Command::cargo_bin("callscore")
        .unwrap()
        .args(["eval", "tests/labelled", "--format", "json"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn core_rules_keep_their_f1_on_the_labelled_calls() {
    let e = labelled_eval();
    assert!(
        e["calls"].as_u64().unwrap() >= 40,
        "the labelled set shrank: {}",
        e["calls"]
    );
    for (rule, floor) in FLOORS {
        let row = e["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} is not labelled"));
        let f1 = row["f1"].as_f64().unwrap();
        assert!(
            f1 >= floor,
            "{rule}: F1 {f1:.3} < {floor}; run `callscore eval tests/labelled` for the misses\n{row}"
        );
    }
}

#[test]
fn min_f1_exit_code_follows_the_figures() {
    let e = labelled_eval();
    let lowest = e["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["f1"].as_f64().unwrap())
        .fold(1.0, f64::min);
    for (min, fails) in [(lowest, false), ((lowest + 0.001).min(1.0), lowest < 1.0)] {
        Command::cargo_bin("callscore")
            .unwrap()
            .args(["eval", "tests/labelled", "--min-f1", &min.to_string()])
            .assert()
            .code(if fails { 1 } else { 0 });
    }
}
