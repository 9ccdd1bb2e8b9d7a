//! Every report format of `score` and `check` on `samples/`, as reviewed snapshots.
//! They change when rules or analysis change; review with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test` and `git diff`).

mod cli_support;

use cli_support::{callscore, stdout_of};

fn report(command: &str, format: &str) -> String {
    stdout_of(callscore().args([command, "--format", format, "-j", "2", "samples"]))
}

#[test]
fn score_formats() {
    for format in ["text", "csv", "json", "jsonl"] {
        insta::assert_snapshot!(format!("score_{format}"), report("score", format));
    }
}

#[test]
fn check_formats() {
    for format in ["text", "csv", "json", "jsonl", "sarif", "junit"] {
        insta::assert_snapshot!(format!("check_{format}"), report("check", format));
    }
}
