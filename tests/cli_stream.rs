//! Standard input: `score --format jsonl -` as the streaming map step of a distributed run,
//! and a whole transcript piped in.

mod cli_support;

use cli_support::{callscore, jsonl_calls};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_thousand_calls_come_out_in_order_one_line_each() {
    let out = callscore()
        .args(["score", "--format", "jsonl", "-j", "2", "-"])
        .write_stdin(jsonl_calls(1000))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1000);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["call_id"], format!("call-{i}"));
        assert_eq!(line["path"], "-");
        assert!(line["score"].is_u64());
    }
}

#[test]
fn a_bad_line_gets_its_own_error_line_and_the_run_goes_on() {
    let input = format!(
        "{}{{\"utterances\": [\n\n{}not json at all\n",
        jsonl_calls(1),
        jsonl_calls(2)
    );
    let out = callscore()
        .args(["score", "--format", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 5, "blank lines give nothing");
    assert_eq!(lines[0]["call_id"], "call-0");
    assert_eq!(lines[1]["path"], "-");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["call_id"], "call-0");
    assert_eq!(lines[3]["call_id"], "call-1");
    assert_eq!(lines[4]["line"], 6);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: -: line 2: "), "{stderr}");
    assert!(stderr.contains("error: -: line 6: "));
}

#[test]
fn calls_without_an_id_are_named_after_their_line() {
    let call = r#"{"utterances":[{"speaker":"Dana","text":"Hi, Dana from Acme."},{"speaker":"Sam","text":"Hi."}]}"#;
    let out = callscore()
        .args(["score", "--format", "jsonl", "-"])
        .write_stdin(format!("{call}\n{call}\n"))
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["call_id"], "stdin:1");
    assert_eq!(lines[1]["call_id"], "stdin:2");
    assert_eq!(lines[1]["format"], "jsonl");
}

/// The first result must come out while standard input is still open: a map step that waited
/// for the end of its input would stall a streaming engine.
#[test]
fn results_are_written_before_the_input_ends() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_callscore"))
        .args(["score", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env_remove("CI")
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(jsonl_calls(1).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        BufReader::new(stdout).read_line(&mut first).unwrap();
        tx.send(first).unwrap();
    });
    // Generous: this only guards against hanging for ever if results waited for EOF.
    let first = rx.recv_timeout(std::time::Duration::from_secs(120));
    drop(stdin);
    child.wait().unwrap();
    let first = first.expect("a result line before standard input was closed");
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["call_id"], "call-0");
}

#[test]
fn other_formats_stream_from_json_lines_too() {
    let out = callscore()
        .args(["score", "--format", "csv", "-"])
        .write_stdin(jsonl_calls(3))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(ids, ["call-0", "call-1", "call-2"]);
}

#[test]
fn a_whole_transcript_on_standard_input_is_one_call() {
    let out = callscore()
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin("Dana: Hi Sam, this is Dana from Acme.\nSam: Hi Dana, what's up?\nDana: Let's get to it.\n")
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["path"], "-");
    assert_eq!(lines[0]["format"], "text");
}

#[test]
fn input_format_jsonl_reads_standard_input_line_by_line() {
    // A first line that is not JSON would make detection read the input whole; forcing jsonl
    // keeps line mode and reports that line alone.
    let input = format!("# not json\n{}", jsonl_calls(2));
    let out = callscore()
        .args(["score", "--format", "jsonl", "--input-format", "jsonl", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[1]["call_id"], "call-0");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_byte_order_mark_does_not_stop_line_by_line_reading() {
    // Read whole, the bad second line would cost the first call its result.
    let out = callscore()
        .args(["score", "--format", "jsonl", "-"])
        .write_stdin(format!("\u{feff}{}not json\n", jsonl_calls(1)))
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["call_id"], "call-0");
    assert_eq!(lines[1]["line"], 2);
}
