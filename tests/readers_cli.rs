//! Reading through the CLI: every kind of bad input gets a one-line error naming the file
//! (and line where it helps), the good files beside it are still read, and the exit code
//! is 2. Also `--input-format`, standard input and folder walking.

use assert_cmd::Command;
use std::path::Path;

fn callscore() -> Command {
    Command::cargo_bin("callscore").unwrap()
}

const GOOD: &str = "Dana: Hi Marcus, this is Dana from Acme.\nMarcus: Hi Dana.\n";

/// (file name, content, expected message fragment)
fn bad_inputs() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        ("empty.txt", b"".to_vec(), "empty.txt: file is empty"),
        (
            "binary.txt",
            b"ID3\x00\x01\x02audio".to_vec(),
            "binary.txt: binary file",
        ),
        (
            "bad_utf8.txt",
            b"Dana: hi\nMarcus: caf\xe9\n".to_vec(),
            "bad_utf8.txt: line 2: not valid UTF-8 at byte 12 of the line; save the transcript as UTF-8",
        ),
        (
            "cut.json",
            br#"{"utterances": [{"speaker": "A", "text": "hi"#.to_vec(),
            "cut.json: line 1: the JSON ends too early; is the file cut short?",
        ),
        (
            "malformed.json",
            b"{\"utterances\": [}\n".to_vec(),
            "malformed.json: line 1: malformed JSON",
        ),
        (
            "shape.json",
            br#"{"hello": "world"}"#.to_vec(),
            "shape.json: unknown JSON transcript shape (keys: hello)",
        ),
        (
            "crlf.csv",
            b"speaker,text\r\nDana,hi\r\n,oops\r\n".to_vec(),
            "crlf.csv: line 3: row has text but no speaker",
        ),
        (
            "blank_lines.csv",
            b"speaker,text\nDana,hi\n\n\n,oops\n".to_vec(),
            "blank_lines.csv: line 5: row has text but no speaker",
        ),
        (
            "nocols.csv",
            b"who,said\nDana,hi\n".to_vec(),
            "nocols.csv: line 1: the CSV header needs a 'speaker' and a 'text' column",
        ),
        (
            "timing.vtt",
            b"WEBVTT\n\n00:00:01.000 --> soon\nDana: hi\n".to_vec(),
            "timing.vtt: line 3: broken cue timing",
        ),
        (
            "cut.vtt",
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: hi\n\n00:00:02.000 --> 00:00:03.000\n"
                .to_vec(),
            "cut.vtt: line 6: cue has no text; is the file cut short?",
        ),
        (
            "novtt.vtt",
            b"Dana: hi\nMarcus: hello\n".to_vec(),
            "novtt.vtt: line 1: a WebVTT file starts with 'WEBVTT'",
        ),
        (
            "mislabelled.txt",
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: hi\n".to_vec(),
            "mislabelled.txt: the file is named .txt but its content looks like vtt",
        ),
        (
            "audio.mp3",
            b"Dana: hi\nMarcus: hi\n".to_vec(),
            "audio.mp3: unknown file type '.mp3'; use --input-format",
        ),
        (
            "nolabels.txt",
            b"hello there\nDana: hi\n".to_vec(),
            "nolabels.txt: line 1: text before the first speaker label",
        ),
    ]
}

#[test]
fn every_bad_input_is_one_clear_line_and_the_good_file_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = Vec::new();
    for (name, content, _) in bad_inputs() {
        std::fs::write(dir.path().join(name), content).unwrap();
        args.push(dir.path().join(name));
    }
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    args.insert(3, dir.path().join("good.txt"));
    let out = callscore()
        .args(["annotate", "--format", "jsonl"])
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for (name, _, message) in bad_inputs() {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("/{name}:")))
            .unwrap_or_else(|| panic!("no error for {name} in:\n{stderr}"));
        assert!(line.contains(message), "{name}: {line}");
        assert!(line.starts_with("error: "), "{line}");
    }
    assert_eq!(stderr.lines().count(), bad_inputs().len());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0]["path"].as_str().unwrap().ends_with("good.txt"));
    assert_eq!(rows[1]["speaker"], "Marcus");
}

#[test]
fn a_missing_path_is_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    callscore()
        .args(["annotate", "--format", "jsonl"])
        .arg(dir.path().join("nope.txt"))
        .arg(dir.path().join("good.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "nope.txt: no such file or folder",
        ))
        .stdout(predicates::str::contains("\"speaker\":\"Marcus\""));
}

#[test]
fn input_format_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("call.log");
    std::fs::write(&odd, GOOD).unwrap();
    callscore()
        .args(["annotate", "--format", "jsonl", "--input-format", "text"])
        .arg(&odd)
        .assert()
        .success()
        .stdout(predicates::str::contains("\"speaker\":\"Dana\""));
    callscore()
        .args(["annotate", "--input-format", "subtitles"])
        .arg(&odd)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown --input-format 'subtitles'; use one of: text, otter, vtt",
        ));
}

#[test]
fn stdin_is_read_and_detected_by_content() {
    let vtt = std::fs::read("tests/fixtures/formats/teams.vtt").unwrap();
    let out = callscore()
        .args(["annotate", "--format", "jsonl", "-"])
        .write_stdin(vtt)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["path"], "-");
    assert_eq!(first["speaker"], "Dana Smith");
    assert_eq!(first["role"], "rep");
    assert_eq!(first["line"], 4);
}

#[test]
fn folders_are_walked_recursively_in_sorted_order_by_extension_skipping_hidden_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/inner")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for (path, body) in [
        ("b/inner/z.txt", "Zed: one\nAmy: two\n"),
        ("a.txt", "Ann: one\nBo: two\n"),
        ("b/c.txt", "Cy: one\nDi: two\n"),
        ("b/notes.md", "not a transcript"),
        ("labels.json", r#"[{"file": "a.txt", "expect": []}]"#),
        (".git/HEAD.txt", "not: read"),
    ] {
        std::fs::write(root.join(path), body).unwrap();
    }
    let out = callscore()
        .args(["annotate", "--format", "jsonl"])
        .arg(root)
        .output()
        .unwrap();
    assert!(out.status.success());
    let speakers: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["speaker"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(speakers, ["Ann", "Bo", "Cy", "Di", "Zed", "Amy"]);
}

#[test]
fn every_fixture_reads_through_the_cli() {
    let fixtures = Path::new("tests/fixtures/formats");
    let out = callscore()
        .args(["annotate", "--format", "jsonl"])
        .arg(fixtures)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Whisper without diarization has one unlabelled speaker: shown, with the only warning.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    assert!(stderr.contains("whisper_plain.json: only one speaker (Speaker, 2 utterances); the file has no speaker labels"));
    assert_eq!(out.status.code(), Some(0));
}

const SOLO: &str = "Dana: hi\nDana: still me\n";

#[test]
fn one_speaker_is_shown_by_annotate_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("solo.txt"), SOLO).unwrap();
    let out = callscore()
        .args(["annotate", "--format", "jsonl"])
        .arg(dir.path().join("solo.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("solo.txt: only one speaker (Dana, 2 utterances); is this a whole call?"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn one_speaker_is_an_error_for_score_and_the_good_file_is_still_scored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("solo.txt"), SOLO).unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    for command in ["score", "check"] {
        let out = callscore()
            .args([command, "--format", "jsonl"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let line = stderr.lines().next().unwrap();
        assert!(line.starts_with("error: "), "{line}");
        assert!(
            line.contains("solo.txt: only one speaker (Dana, 2 utterances); is this a whole call?"),
            "{line}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("good.txt"), "{command}: {stdout}");
    }
}

#[test]
fn rep_option_decides_roles_for_the_named_speaker() {
    let out = callscore()
        .args(["annotate", "--format", "jsonl", "--rep", "marcus", "-"])
        .write_stdin(GOOD)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        (rows[0]["speaker"].as_str(), rows[0]["role"].as_str()),
        (Some("Dana"), Some("prospect"))
    );
    assert_eq!(
        (rows[1]["speaker"].as_str(), rows[1]["role"].as_str()),
        (Some("Marcus"), Some("rep"))
    );
}

#[test]
fn folder_walks_skip_json_that_is_no_transcript_but_named_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("labels.json"),
        r#"[{"file": "good.txt", "expect": []}]"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("gold.jsonl"),
        "{\"file\": \"good.txt\", \"line\": 1, \"tag\": \"sd\"}\n",
    )
    .unwrap();
    // A malformed transcript in the same folder is still an error.
    std::fs::write(dir.path().join("broken.json"), "{\"utterances\": [").unwrap();
    let out = callscore()
        .args(["annotate", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("broken.json: line 1: the JSON ends too early"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);

    std::fs::remove_file(dir.path().join("broken.json")).unwrap();
    callscore()
        .args(["score", "--format", "csv"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr("");

    let out = callscore()
        .args(["annotate", "--format", "jsonl"])
        .arg(dir.path().join("gold.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("gold.jsonl: ")
    );
}
