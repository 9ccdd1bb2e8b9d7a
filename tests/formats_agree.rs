//! The same calls written in every format read the same: the benchmark generator writes file *n*
//! as the same call whatever its format, so plain text, WebVTT, SubRip, CSV and JSON must give
//! the same utterances, acts, scores and findings. Line numbers differ by format and are not
//! compared. Needs python3 (the generator uses its standard library only).

mod cli_support;

use cli_support::{callscore_in, stdout_of};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

const FORMATS: [&str; 5] = ["txt", "vtt", "srt", "csv", "json"];
const CALLS: &str = "6";

/// Writes the generator's first calls in `format` under `dir/format`.
fn generate(dir: &Path, format: &str) {
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_corpus.py");
    let status = Command::new("python3")
        .arg(generator)
        .args([
            "--calls",
            CALLS,
            "--jobs",
            "1",
            "--formats",
            format,
            "--out",
        ])
        .arg(dir.join(format))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs benches/gen_corpus.py");
    assert!(status.success(), "gen_corpus.py --formats {format} failed");
}

/// Runs `args` over `dir/format` and parses each output line, keyed by call id.
fn json_lines(dir: &Path, format: &str, args: &[&str]) -> Vec<Value> {
    let out = stdout_of(callscore_in(&dir.join(format)).args(args).arg("."));
    out.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// What an annotated utterance says, and in which call, without where it stands in its file.
fn utterance(v: &Value) -> Value {
    let question = v.get("question").map(|q| (&q["form"], &q["status"]));
    serde_json::json!([
        call_of(&v["path"]),
        v["speaker"],
        v["role"],
        v["text"],
        v["acts"],
        question
    ])
}

/// The file stem of a row's path: the call, whatever its format's extension.
fn call_of(path: &Value) -> String {
    let path = path.as_str().expect("a path");
    Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name")
        .to_string()
}

/// Each call's score, roles, metrics and findings, without what the format decides: line
/// numbers, the duration (subtitle cues end later than the last word), and where the roles came
/// from (plain-text files may name them in a header). Plain-text clocks are whole seconds, so
/// spans in messages ("spoke for 150 s") may differ by one. A plain-text file may have no times
/// at all (one label style in four), and then a monologue is told in words, not seconds: its
/// message is compared by its word count.
fn scores(rows: &[Value]) -> BTreeMap<String, Value> {
    let seconds = regex::Regex::new(r"\b\d+ s\b").unwrap();
    let words = regex::Regex::new(r"\b\d+ words\b").unwrap();
    rows.iter()
        .map(|r| {
            let mut metrics = r["metrics"].clone();
            metrics.as_object_mut().unwrap().remove("duration_s");
            let mut roles = r["roles"].clone();
            roles.as_object_mut().unwrap().remove("source");
            let findings: Vec<Value> = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    let mut message = seconds
                        .replace_all(f["message"].as_str().unwrap(), "N s")
                        .into_owned();
                    if f["rule"] == "monologue"
                        && let Some(w) = words.find(&message)
                    {
                        message = w.as_str().to_string();
                    }
                    serde_json::json!([f["rule"], f["speaker"], message, f["excerpt"]])
                })
                .collect();
            let summary = serde_json::json!([r["score"], roles, metrics, findings]);
            (call_of(&r["path"]), summary)
        })
        .collect()
}

#[test]
fn the_same_calls_read_the_same_in_every_format() {
    let dir = TempDir::new().unwrap();
    for format in FORMATS {
        generate(dir.path(), format);
    }
    let annotated = |format| -> Vec<Value> {
        json_lines(dir.path(), format, &["annotate", "--format", "jsonl"])
            .iter()
            .map(utterance)
            .collect()
    };
    let text = annotated("txt");
    assert!(
        text.len() > 100,
        "the calls have utterances: {}",
        text.len()
    );
    let text_scores = scores(&json_lines(
        dir.path(),
        "txt",
        &["score", "--format", "jsonl"],
    ));
    assert_eq!(text_scores.len(), 6);
    for format in &FORMATS[1..] {
        let other = annotated(format);
        let first_difference = text.iter().zip(&other).position(|(a, b)| a != b);
        assert_eq!(
            (text.len(), first_difference),
            (other.len(), None),
            "{format} reads otherwise than plain text: {:?}",
            first_difference.map(|i| (&text[i], &other[i]))
        );
        let other_scores = scores(&json_lines(
            dir.path(),
            format,
            &["score", "--format", "jsonl"],
        ));
        assert_eq!(
            text_scores.keys().collect::<Vec<_>>(),
            other_scores.keys().collect::<Vec<_>>()
        );
        for (call, summary) in &text_scores {
            assert_eq!(
                summary, &other_scores[call],
                "{format} scores {call} otherwise"
            );
        }
    }
}
