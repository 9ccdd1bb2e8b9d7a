//! Shared helpers for the CLI tests: the binary, run from the repository root so that paths in
//! outputs are relative and snapshots stable, and a small corpus with a deterministic rule file.

#![allow(dead_code)] // each test file uses its own part of this module

use assert_cmd::Command;
use std::path::Path;
use tempfile::TempDir;

/// `callscore` run from the repository root, with no colour and no CI hints from the caller.
pub fn callscore() -> Command {
    let mut cmd = Command::cargo_bin("callscore").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CI");
    cmd
}

/// `callscore` run inside `dir`, so that outputs name files relative to it.
pub fn callscore_in(dir: &Path) -> Command {
    let mut cmd = callscore();
    cmd.current_dir(dir);
    cmd
}

/// `callscore COMMAND --rules rules.toml` inside `dir`: a run of [`corpus`] under [`RULES`].
pub fn with_test_rules(dir: &Path, command: &str) -> Command {
    let mut cmd = callscore_in(dir);
    cmd.args([command, "--rules", "rules.toml"]);
    cmd
}

/// A rule file whose findings do not depend on the analysis: the built-in rules off, and two
/// custom phrase rules, an error and a warning.
pub const RULES: &str = r#"extends = "default"
name = "test-rules"

[rules.train-selling]
enabled = false
[rules.purposeless-opener]
enabled = false
[rules.unanswered-question]
enabled = false
[rules.missing-purpose]
enabled = false
[rules.monologue]
enabled = false
[rules.talk-ratio]
enabled = false
[rules.no-next-step]
enabled = false

[rules.custom.honesty-hedge]
summary = "The rep never says 'to be honest'."
kind = "forbidden"
role = "rep"
phrases = ["to be honest"]
window = "anywhere"
severity = "error"
penalty = 20
max_penalty = 40

[rules.custom.basically]
summary = "Nobody says 'basically'."
kind = "forbidden"
role = "any"
phrases = ["basically"]
window = "anywhere"
severity = "warning"
penalty = 5
max_penalty = 10
"#;

/// A call with one error (line 2) and one warning (line 3); scores 75 under [`RULES`].
pub const HEDGE: &str = "# rep: Dana\n\
Dana: Hi Sam, to be honest I called to check the renewal.\n\
Sam: It is basically fine. =SUM(A1:A2) is what we pay.\n\
Dana: Great.\n";

/// A call with one warning (line 2); scores 95.
pub const WARN_ONLY: &str = "# rep: Dana\n\
Dana: Basically, I am calling about the renewal.\n\
Sam: Sounds good.\n";

/// A call with no findings; scores 100.
pub const CLEAN: &str = "# rep: Dana\n\
Dana: Hi Sam, I am calling about the renewal.\n\
Sam: Sounds good.\n";

/// A folder with `rules.toml` and `calls/{clean,hedge,warn}.txt`.
pub fn corpus() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULES).unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    std::fs::write(calls.join("clean.txt"), CLEAN).unwrap();
    std::fs::write(calls.join("hedge.txt"), HEDGE).unwrap();
    std::fs::write(calls.join("warn.txt"), WARN_ONLY).unwrap();
    dir
}

/// Standard output of a successful-enough run (any exit code), as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

/// Standard output of a run that must succeed; a failure shows what the run said on stderr.
pub fn success_stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// One callscore JSON call per line: `n` small calls with ids `call-<i>`.
pub fn jsonl_calls(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\":\"call-{i}\",\"utterances\":[{{\"speaker\":\"Dana\",\"role\":\"rep\",\"text\":\"Hi, this is Dana from Acme, call {i}.\"}},{{\"speaker\":\"Sam\",\"role\":\"prospect\",\"text\":\"Hello Dana, what is this about?\"}}]}}\n"
            )
        })
        .collect()
}
