//! `callscore score`: formats, columns, exit codes and options, through the binary.

mod cli_support;

use cli_support::{callscore, callscore_in, corpus, stdout_of, with_test_rules};
use predicates::prelude::*;

#[test]
fn csv_has_the_contract_columns_then_one_per_enabled_rule() {
    let dir = corpus();
    let out = stdout_of(with_test_rules(dir.path(), "score").args(["--format", "csv", "calls"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        "path,call_id,format,score,rep,prospect,role_source,utterances,turns,duration_s,\
         rep_talk_share,rep_longest_monologue_words,prospect_questions,\
         prospect_questions_unanswered,rep_questions,errors,warnings,infos,basically,honesty-hedge"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |row: &csv::StringRecord, name: &str| {
        row[header.iter().position(|h| h == name).unwrap()].to_string()
    };
    let paths: Vec<String> = rows.iter().map(|r| column(r, "path")).collect();
    assert_eq!(
        paths,
        ["calls/clean.txt", "calls/hedge.txt", "calls/warn.txt"]
    );
    let hedge = &rows[1];
    assert_eq!(column(hedge, "score"), "75");
    assert_eq!(column(hedge, "rep"), "Dana");
    assert_eq!(column(hedge, "prospect"), "Sam");
    assert_eq!(column(hedge, "role_source"), "file");
    assert_eq!(column(hedge, "duration_s"), "", "no times: empty");
    assert_eq!(column(hedge, "errors"), "1");
    assert_eq!(column(hedge, "warnings"), "1");
    assert_eq!(column(hedge, "honesty-hedge"), "1");
    assert_eq!(column(hedge, "basically"), "1");
    assert!(column(hedge, "rep_talk_share").parse::<f64>().is_ok());
    assert!(out.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn csv_joins_several_speakers_with_semicolons() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("calls/panel.txt"),
        "# rep: Dana\n# rep: Lee\nDana: Hi all, this is Dana and Lee.\nLee: Hello.\nSam: Hi.\nKim: Hi there.\n",
    )
    .unwrap();
    let out = stdout_of(with_test_rules(dir.path(), "score").args([
        "--format",
        "csv",
        "calls/panel.txt",
    ]));
    let row = out.lines().nth(1).unwrap();
    assert!(row.contains(",Dana;Lee,Sam;Kim,"), "{row}");
}

#[test]
fn text_is_a_table_with_a_summary() {
    let dir = corpus();
    with_test_rules(dir.path(), "score").args(["calls"])
        .assert()
        .success()
        .stdout(predicate::str::contains("score  call"))
        .stdout(predicate::str::is_match(r"\n +75  calls/hedge.txt +honesty-hedge 1, basically 1|\n +75  calls/hedge.txt +basically 1, honesty-hedge 1").unwrap())
        .stdout(predicate::str::contains("worst: line 2, error honesty-hedge: said 'to be honest'"))
        .stdout(predicate::str::contains(
            "3 calls, mean score 90: 1 error, 2 warnings, 0 infos\n",
        ));
}

#[test]
fn quiet_leaves_out_the_text_summary() {
    let dir = corpus();
    with_test_rules(dir.path(), "score")
        .args(["-q", "calls"])
        .assert()
        .success()
        .stdout(predicate::str::contains("mean score").not());
}

#[test]
fn json_has_calls_summary_and_errors() {
    let dir = corpus();
    let out = with_test_rules(dir.path(), "score")
        .args(["--format", "json", "calls", "missing.txt"])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["callscore"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["ruleset"], "test-rules");
    assert_eq!(v["calls"].as_array().unwrap().len(), 3);
    let hedge = &v["calls"][1];
    assert_eq!(hedge["path"], "calls/hedge.txt");
    assert_eq!(hedge["score"], 75);
    assert_eq!(hedge["roles"]["rep"][0], "Dana");
    assert_eq!(hedge["metrics"]["duration_s"], serde_json::Value::Null);
    let finding = &hedge["findings"][0];
    for key in [
        "rule",
        "severity",
        "line",
        "start_s",
        "speaker",
        "role",
        "message",
        "excerpt",
        "related_line",
        "penalty",
    ] {
        assert!(finding.get(key).is_some(), "finding has {key}");
    }
    assert_eq!(v["summary"]["calls"], 3);
    assert_eq!(
        v["summary"]["failed"], 0,
        "score fails nothing unless asked"
    );
    assert_eq!(v["summary"]["mean_score"], 90.0);
    assert_eq!(v["summary"]["findings"]["basically"], 2);
    assert_eq!(v["summary"]["findings"]["honesty-hedge"], 1);
    assert_eq!(v["errors"][0]["path"], "missing.txt");
    assert!(v["errors"][0]["message"].is_string());
}

#[test]
fn jsonl_gives_one_object_per_call_and_per_unreadable_input() {
    let dir = corpus();
    std::fs::write(dir.path().join("calls/empty.txt"), "").unwrap();
    let out = stdout_of(with_test_rules(dir.path(), "score").args(["--format", "jsonl", "calls"]));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["path"], "calls/clean.txt");
    assert_eq!(lines[1]["path"], "calls/empty.txt");
    assert!(lines[1]["error"].as_str().unwrap().contains("empty"));
    assert_eq!(lines[2]["score"], 75);
}

#[test]
fn score_passes_by_default_whatever_the_findings() {
    let dir = corpus();
    with_test_rules(dir.path(), "score")
        .args(["calls"])
        .assert()
        .code(0);
}

#[test]
fn min_score_fails_calls_below_it() {
    let dir = corpus();
    with_test_rules(dir.path(), "score")
        .args(["--min-score", "75", "calls"])
        .assert()
        .code(0);
    with_test_rules(dir.path(), "score")
        .args(["--min-score", "76", "calls"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 call failed"));
}

#[test]
fn fail_on_fails_at_or_above_the_severity() {
    let dir = corpus();
    for (level, code) in [("error", 1), ("warning", 1), ("info", 1)] {
        callscore_in(dir.path())
            .args([
                "score",
                "--rules",
                "rules.toml",
                "--fail-on",
                level,
                "calls",
            ])
            .assert()
            .code(code);
    }
    with_test_rules(dir.path(), "score")
        .args(["--fail-on", "error", "calls/warn.txt"])
        .assert()
        .code(0);
}

#[test]
fn an_unreadable_input_exits_2_after_reporting_the_rest() {
    let dir = corpus();
    std::fs::write(dir.path().join("calls/binary.txt"), b"\x00\x01\x02\x03").unwrap();
    with_test_rules(dir.path(), "score")
        .args(["--min-score", "99", "calls"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("calls/hedge.txt"))
        .stderr(predicate::str::starts_with("error: calls/binary.txt: "))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn usage_errors_exit_2() {
    let dir = corpus();
    let cases: [&[&str]; 7] = [
        &["score", "--format", "sarif", "calls"],
        &["score", "--shard", "3/2", "calls"],
        &["score", "--shard", "0/2", "calls"],
        &["score", "--jobs", "0", "calls"],
        &["score", "--rules", "nope.toml", "calls"],
        &["score", "--fail-on", "fatal", "calls"],
        &["score"],
    ];
    for args in cases {
        callscore_in(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

#[test]
fn a_broken_rule_file_exits_2_naming_it() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("bad.toml"),
        "extends = \"default\"\n[rules\n",
    )
    .unwrap();
    callscore_in(dir.path())
        .args(["score", "--rules", "bad.toml", "calls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml"));
}

#[test]
fn output_goes_to_a_file_and_the_file_is_not_read_back() {
    let dir = corpus();
    for _ in 0..2 {
        with_test_rules(dir.path(), "score")
            .args(["--format", "csv", "-o", "calls/scores.csv", "calls"])
            .assert()
            .code(0)
            .stdout("");
    }
    let written = std::fs::read_to_string(dir.path().join("calls/scores.csv")).unwrap();
    assert_eq!(
        written.lines().count(),
        4,
        "a header and three calls: {written}"
    );
}

#[test]
fn jobs_do_not_change_a_single_byte() {
    let run = |command: &str, format: &str, jobs: &str| {
        callscore()
            .args([
                command,
                "-j",
                jobs,
                "--format",
                format,
                "samples",
                "tests/labelled",
            ])
            .output()
            .unwrap()
            .stdout
    };
    let cases = [
        ("score", "csv"),
        ("score", "json"),
        ("score", "text"),
        ("check", "text"),
        ("check", "sarif"),
        ("check", "junit"),
    ];
    for (command, format) in cases {
        let one = run(command, format, "1");
        assert!(!one.is_empty());
        assert_eq!(one, run(command, format, "2"), "{command} {format}");
        assert_eq!(one, run(command, format, "8"), "{command} {format}");
    }
}

#[test]
fn shards_split_the_sorted_file_list_into_contiguous_slices() {
    let dir = corpus();
    let rows = |shard: Option<&str>| {
        let mut cmd = callscore_in(dir.path());
        cmd.args(["score", "--rules", "rules.toml", "--format", "csv", "calls"]);
        if let Some(s) = shard {
            cmd.args(["--shard", s]);
        }
        stdout_of(&mut cmd)
            .lines()
            .skip(1)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let whole = rows(None);
    let parts: Vec<Vec<String>> = (1..=2).map(|k| rows(Some(&format!("{k}/2")))).collect();
    assert_eq!(parts[0].len(), 1);
    assert_eq!(parts[1].len(), 2);
    assert_eq!(parts.concat(), whole);
}

#[test]
fn shard_with_standard_input_is_a_usage_error() {
    callscore()
        .args(["score", "--shard", "1/2", "-"])
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn csv_defuses_cells_a_spreadsheet_would_run() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("calls/formula.csv"),
        "speaker,text\n\"=HYPERLINK(\"\"http://x\"\")\",\"=SUM(A1:A9) basically\"\nSam,+1 to that\n",
    )
    .unwrap();
    let out = stdout_of(with_test_rules(dir.path(), "check").args([
        "--format",
        "csv",
        "calls/formula.csv",
    ]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let row = reader.records().next().expect("one finding").unwrap();
    assert_eq!(&row[4], "'=HYPERLINK(\"http://x\")", "speaker");
    assert_eq!(&row[9], "'=SUM(A1:A9) basically", "excerpt");
    assert_eq!(&row[2], "2", "numbers stay numbers");
    assert_eq!(&row[11], "5", "numbers stay numbers");
}

#[test]
fn rep_and_prospect_names_decide_the_roles() {
    let dir = corpus();
    let out = stdout_of(with_test_rules(dir.path(), "score").args([
        "--format",
        "jsonl",
        "--rep",
        "Sam",
        "--prospect",
        "Dana",
        "calls/clean.txt",
    ]));
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["roles"]["source"], "cli");
    assert_eq!(v["roles"]["rep"][0], "Sam");
    assert_eq!(v["roles"]["prospect"][0], "Dana");
}

#[test]
fn input_format_reads_a_file_whatever_its_extension() {
    let dir = corpus();
    std::fs::write(dir.path().join("call.log"), cli_support::HEDGE).unwrap();
    with_test_rules(dir.path(), "score")
        .args(["--format", "csv", "call.log"])
        .assert()
        .code(2);
    let out = stdout_of(with_test_rules(dir.path(), "score").args([
        "--format",
        "csv",
        "--input-format",
        "text",
        "call.log",
    ]));
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("call.log,call,text,75,")
    );
    callscore_in(dir.path())
        .args(["score", "--input-format", "docx", "call.log"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--input-format"));
}

#[test]
fn progress_never_reaches_a_pipe() {
    let dir = corpus();
    for extra in [&[][..], &["--no-progress"][..], &["-q"][..]] {
        with_test_rules(dir.path(), "score")
            .args(["calls"])
            .args(extra)
            .assert()
            .code(0)
            .stderr("");
    }
}

/// A named pipe among the files, as `callscore score a.txt <(zcat b.txt.gz)` gives: read once, by
/// the worker that scores it. Read-ahead opens only regular files; had it opened the pipe, the
/// writer would have lost its reader and the worker would wait for a writer for ever.
#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_files_is_read_once_and_scored() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.txt");
    std::fs::write(&first, cli_support::CLEAN).unwrap();
    let pipe = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let writer = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::write(pipe, cli_support::CLEAN))
    };
    let csv = cli_support::success_stdout(
        callscore()
            .args(["score", "--format", "csv", "-j1"])
            .arg(&first)
            .arg(&pipe)
            .timeout(std::time::Duration::from_secs(60)),
    );
    assert_eq!(csv.lines().count(), 3);
    writer.join().unwrap().unwrap();
}
