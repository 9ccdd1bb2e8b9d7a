//! `callscore check`: linter output, CI formats (SARIF, JUnit), exit codes and colour.

mod cli_support;

use cli_support::{callscore, callscore_in, corpus, stdout_of, with_test_rules};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn text_lines_are_path_line_severity_rule_message_with_excerpts() {
    let dir = corpus();
    let out = stdout_of(with_test_rules(dir.path(), "check").args(["calls"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "calls/hedge.txt:2: error honesty-hedge said 'to be honest'"
    );
    assert!(
        lines[1].contains("Dana (rep): Hi Sam, to be honest"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("penalty 20"));
    assert_eq!(
        lines[3],
        "calls/hedge.txt:3: warning basically said 'basically'"
    );
    assert_eq!(lines[6], "", "calls are separated by a blank line");
    assert!(lines[7].starts_with("calls/warn.txt:2: warning basically"));
    assert_eq!(
        *lines.last().unwrap(),
        "✖ 1 error, 2 warnings in 3 calls (mean score 90); 1 call failed"
    );
    assert!(!out.contains('\x1b'), "no colour in a pipe");
}

#[test]
fn check_fails_on_errors_by_default() {
    let dir = corpus();
    with_test_rules(dir.path(), "check")
        .args(["calls"])
        .assert()
        .code(1);
    with_test_rules(dir.path(), "check")
        .args(["calls/warn.txt", "calls/clean.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            "✔ 0 errors, 1 warning in 2 calls (mean score 98)\n",
        ));
    with_test_rules(dir.path(), "check")
        .args(["--fail-on", "warning", "calls/warn.txt"])
        .assert()
        .code(1);
    with_test_rules(dir.path(), "check")
        .args(["--min-score", "96", "calls/warn.txt"])
        .assert()
        .code(1);
}

#[test]
fn an_unreadable_input_wins_over_failed_calls() {
    let dir = corpus();
    std::fs::write(dir.path().join("calls/empty.txt"), "").unwrap();
    with_test_rules(dir.path(), "check")
        .args(["calls"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("calls/hedge.txt:2: error"))
        .stdout(predicate::str::contains("1 input could not be read"))
        .stderr(predicate::str::contains("error: calls/empty.txt: "));
}

#[test]
fn colour_follows_the_color_option_and_no_color() {
    let dir = corpus();
    let run = |color: Option<&str>, no_color: bool| {
        let mut cmd = callscore_in(dir.path());
        cmd.args(["check", "--rules", "rules.toml", "calls/hedge.txt"]);
        if let Some(c) = color {
            cmd.args(["--color", c]);
        }
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        stdout_of(&mut cmd)
    };
    assert!(run(Some("always"), false).contains("\x1b[1;31merror\x1b[0m"));
    assert!(
        run(Some("always"), true).contains('\x1b'),
        "an explicit flag wins"
    );
    assert!(!run(Some("never"), false).contains('\x1b'));
    assert!(!run(None, true).contains('\x1b'));
    assert!(!run(None, false).contains('\x1b'), "auto: not a terminal");
}

#[test]
fn csv_has_one_row_per_finding() {
    let dir = corpus();
    let out = stdout_of(with_test_rules(dir.path(), "check").args(["--format", "csv", "calls"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader
            .headers()
            .unwrap()
            .iter()
            .collect::<Vec<_>>()
            .join(","),
        "path,call_id,line,start_s,speaker,role,rule,severity,message,excerpt,related_line,penalty"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "calls/hedge.txt",
            "hedge",
            "2",
            "",
            "Dana",
            "rep",
            "honesty-hedge",
            "error",
            "said 'to be honest'",
            "Hi Sam, to be honest I called to check the renewal.",
            "",
            "20"
        ]
    );
}

#[test]
fn json_counts_failed_calls_by_the_check_gate() {
    let dir = corpus();
    let out = stdout_of(with_test_rules(dir.path(), "check").args(["--format", "json", "calls"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["failed"], 1);
    assert_eq!(v["errors"], Value::Array(vec![]));
}

/// `check --format sarif` on the test corpus with its rule file, plus an empty (unreadable) call.
fn sarif_of_the_test_corpus() -> Value {
    let dir = corpus();
    std::fs::write(dir.path().join("calls/empty.txt"), "").unwrap();
    let out = with_test_rules(dir.path(), "check")
        .args(["--format", "sarif", "calls"])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// Validates `doc` against the official SARIF 2.1.0 JSON schema (OASIS; kept in the fixtures so
/// that the test runs offline). Returns the validator's report on failure.
fn sarif_schema_errors(doc: &Value) -> Result<(), String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif-schema-2.1.0.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource("sarif-schema.json", schema).unwrap();
    let index = compiler.compile("sarif-schema.json", &mut schemas).unwrap();
    schemas.validate(doc, index).map_err(|e| format!("{e:#}"))
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let mut doc = sarif_of_the_test_corpus();
    assert!(!doc["runs"][0]["results"].as_array().unwrap().is_empty());
    sarif_schema_errors(&doc).unwrap();
    // The check can fail: a level SARIF does not define is refused.
    doc["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(sarif_schema_errors(&doc).is_err());
    // The built-in rules' findings on every sample format, too.
    let samples = stdout_of(callscore().args(["check", "--format", "sarif", "samples"]));
    sarif_schema_errors(&serde_json::from_str(&samples).unwrap()).unwrap();
}

#[test]
fn sarif_has_the_structure_code_scanning_needs() {
    let v = sarif_of_the_test_corpus();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "callscore");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["basically", "honesty-hedge"]);
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["fullDescription"]["text"].is_string());
        assert!(rule["help"]["text"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(first["ruleId"], "honesty-hedge");
    assert_eq!(first["ruleIndex"], 1);
    assert_eq!(first["level"], "error");
    assert_eq!(first["message"]["text"], "said 'to be honest'");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "calls/hedge.txt");
    assert_eq!(location["region"]["startLine"], 2);
    assert_eq!(results[1]["level"], "warning");
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("calls/empty.txt")
    );
}

#[test]
fn junit_has_a_case_per_call_failing_at_the_fail_on_level() {
    let dir = corpus();
    std::fs::write(dir.path().join("calls/empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("calls/markup.txt"),
        "# rep: Dana\nDana: To be honest, <b> & \"quotes\" are fine.\nSam: Ok.\n",
    )
    .unwrap();
    let out = stdout_of(with_test_rules(dir.path(), "check").args(["--format", "junit", "calls"]));
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert!(out.trim_end().ends_with("</testsuites>"));
    assert_eq!(
        out.matches("<testcase ").count(),
        5,
        "4 calls and 1 unreadable input"
    );
    assert_eq!(
        out.matches("<failure ").count(),
        2,
        "hedge and markup fail on error"
    );
    assert_eq!(out.matches("<error ").count(), 1);
    assert!(out.contains("&lt;b&gt; &amp; &quot;quotes&quot;"));
    assert!(!out.contains("<b>"));
    // Every element that opens, closes.
    for tag in ["testsuite", "testcase", "failure", "system-out"] {
        let opened =
            out.matches(&format!("<{tag} ")).count() + out.matches(&format!("<{tag}>")).count();
        let closed = out.matches(&format!("</{tag}>")).count();
        assert_eq!(opened, closed, "{tag}");
    }
    // warn.txt has only a warning: it passes, with the finding in system-out.
    let warn = out.split("name=\"warn\"").nth(1).unwrap();
    let warn = &warn[..warn.find("</testcase>").unwrap()];
    assert!(!warn.contains("<failure"));
    assert!(warn.contains("<system-out>calls/warn.txt:2: warning basically"));
}

#[test]
fn an_unknown_format_is_a_usage_error_naming_the_choices() {
    let dir = corpus();
    with_test_rules(dir.path(), "check")
        .args(["--format", "xml", "calls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "text, csv, json, jsonl, sarif or junit",
        ));
}

#[test]
fn machine_formats_stay_valid_with_no_calls_at_all() {
    let dir = corpus();
    for format in ["json", "sarif"] {
        let out = callscore_in(dir.path())
            .args(["check", "--format", format, "missing.txt"])
            .assert()
            .code(2)
            .get_output()
            .stdout
            .clone();
        let v: Value = serde_json::from_slice(&out).unwrap();
        if format == "json" {
            assert_eq!(v["calls"], Value::Array(vec![]));
            assert_eq!(v["summary"]["mean_score"], Value::Null);
            assert_eq!(v["errors"][0]["path"], "missing.txt");
        } else {
            assert_eq!(v["runs"][0]["results"], Value::Array(vec![]));
        }
    }
    let junit =
        stdout_of(callscore_in(dir.path()).args(["check", "--format", "junit", "missing.txt"]));
    assert!(junit.contains("<error message=\"missing.txt: no such file or folder\""));
}
