//! JSON Lines files on disk are streamed one call per line, like standard input: a bad line is
//! an error for that call only, and the file's other calls, and other files, are still scored.

mod cli_support;

use cli_support::{callscore_in, jsonl_calls, stdout_of};
use serde_json::Value;
use std::fs;
use tempfile::TempDir;

/// Runs callscore in `dir` with `args`, expects exit 2 (an input could not be read), and
/// returns standard output and standard error.
fn input_error_run(dir: &TempDir, args: &[&str]) -> (String, String) {
    let out = callscore_in(dir.path())
        .args(args)
        .assert()
        .code(2)
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A folder with `calls.jsonl` (three calls, the second line cut short) and a good `b.jsonl`.
fn folder_with_a_bad_line() -> TempDir {
    let dir = TempDir::new().unwrap();
    let good = jsonl_calls(3);
    let lines: Vec<&str> = good.lines().collect();
    let cut = &lines[1][..lines[1].len() / 2];
    fs::write(
        dir.path().join("calls.jsonl"),
        format!("{}\n{cut}\n{}\n", lines[0], lines[2]),
    )
    .unwrap();
    fs::write(dir.path().join("b.jsonl"), jsonl_calls(1)).unwrap();
    dir
}

#[test]
fn a_bad_line_costs_only_its_own_call() {
    let dir = folder_with_a_bad_line();
    let (stdout, stderr) = input_error_run(&dir, &["score", "--format", "jsonl", "."]);
    let rows = json_lines(&stdout);
    let ids: Vec<_> = rows.iter().map(|r| r["call_id"].clone()).collect();
    let expected = [
        Value::from("call-0"),
        Value::from("call-0"),
        Value::Null,
        Value::from("call-2"),
    ];
    assert_eq!(ids, expected, "{stdout}");
    assert_eq!(rows[0]["path"], "./b.jsonl");
    assert_eq!(rows[1]["path"], "./calls.jsonl");
    assert_eq!(rows[2]["path"], "./calls.jsonl");
    assert_eq!(rows[2]["line"], 2);
    assert!(
        stderr.contains("./calls.jsonl: line 2: ") && stderr.contains("is the file cut short?"),
        "{stderr}"
    );
}

#[test]
fn the_text_summary_counts_the_bad_line_as_one_unreadable_input() {
    let dir = folder_with_a_bad_line();
    let out = stdout_of(callscore_in(dir.path()).args(["score", "."]));
    assert!(out.contains("3 calls"), "{out}");
    assert!(out.contains("1 input could not be read"), "{out}");
}

#[test]
fn a_large_file_comes_out_whole_and_in_order() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("quarter.jsonl"), jsonl_calls(500)).unwrap();
    let out = stdout_of(callscore_in(dir.path()).args([
        "score",
        "--format",
        "csv",
        "-j",
        "2",
        "quarter.jsonl",
    ]));
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    let expected: Vec<String> = (0..500).map(|i| format!("call-{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn junit_gathers_the_calls_of_one_file_into_one_suite() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("calls.jsonl"), jsonl_calls(3)).unwrap();
    let out =
        stdout_of(callscore_in(dir.path()).args(["check", "--format", "junit", "calls.jsonl"]));
    assert_eq!(out.matches("<testsuite ").count(), 1, "{out}");
    assert!(
        out.contains(r#"<testsuite name="calls.jsonl" tests="3""#),
        "{out}"
    );
    assert_eq!(out.matches("<testcase ").count(), 3, "{out}");
}

#[test]
fn an_empty_file_is_one_error_and_the_next_file_is_read() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.jsonl"), "\n\n").unwrap();
    fs::write(dir.path().join("b.jsonl"), jsonl_calls(1)).unwrap();
    let (stdout, stderr) = input_error_run(&dir, &["score", "--format", "csv", "."]);
    assert!(
        stderr.contains("./a.jsonl: file is empty; is the export finished?"),
        "{stderr}"
    );
    assert_eq!(
        stdout.lines().count(),
        2,
        "header and b.jsonl's call: {stdout}"
    );
}

#[test]
fn another_format_named_jsonl_is_one_error_not_one_per_line() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("notes.jsonl"),
        "Dana: Hi, this is Dana.\nSam: Hello.\nDana: How are you?\n",
    )
    .unwrap();
    let (_, stderr) = input_error_run(&dir, &["score", "notes.jsonl"]);
    assert_eq!(stderr.matches("error: notes.jsonl").count(), 1, "{stderr}");
}

#[test]
fn a_data_file_in_a_folder_is_skipped_and_named_it_is_an_error() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("labels.jsonl"),
        "{\"call\": \"a\", \"label\": 1}\n",
    )
    .unwrap();
    fs::write(dir.path().join("b.jsonl"), jsonl_calls(1)).unwrap();
    callscore_in(dir.path())
        .args(["score", "--format", "csv", "."])
        .assert()
        .code(0);
    let (_, stderr) = input_error_run(&dir, &["score", "labels.jsonl"]);
    assert!(stderr.contains("labels.jsonl: line 1: "), "{stderr}");
}

#[test]
fn a_line_that_is_not_utf8_is_named_with_its_column_and_the_others_are_scored() {
    let dir = TempDir::new().unwrap();
    let good = jsonl_calls(2);
    let lines: Vec<&str> = good.lines().collect();
    let mut bytes = format!("{}\n", lines[0]).into_bytes();
    bytes.extend_from_slice(b"{\"utterances\": [\"caf\xe9\"]}\n");
    bytes.extend_from_slice(format!("{}\n", lines[1]).as_bytes());
    fs::write(dir.path().join("calls.jsonl"), bytes).unwrap();
    let (stdout, stderr) = input_error_run(&dir, &["score", "--format", "jsonl", "."]);
    assert!(
        stderr.contains(
            "./calls.jsonl: line 2: not valid UTF-8 at byte 21 of the line; \
             save the transcript as UTF-8"
        ),
        "{stderr}"
    );
    let ids: Vec<_> = json_lines(&stdout)
        .iter()
        .map(|r| r["call_id"].clone())
        .collect();
    assert_eq!(
        ids,
        [Value::from("call-0"), Value::Null, Value::from("call-1")],
        "{stdout}"
    );
}
