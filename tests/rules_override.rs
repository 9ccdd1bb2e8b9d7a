//! Rule files change what the pipeline reports and what calls score: overrides, disabled rules,
//! suppressions and custom rules, end to end from transcript text to the call report.

use callscore::rules::RuleSet;
use callscore::score::CallReport;
use callscore::transcript::{self, RoleOverrides};

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

/// A call whose rep turn on line 6 (with no header) runs 80 words.
fn call(header: &str) -> String {
    format!(
        "# rep: Dana\n{header}Dana: Hi Sam, Dana from Acme. This call may be recorded.\nSam: Hi Dana.\n\
         Dana: To be honest, the reason for my call is the renewal.\nSam: Go on.\nDana: {}\n\
         Sam: OK, send it over.\nDana: I'll send the quote today and call you Tuesday at ten.\n",
        words(80)
    )
}

fn report(text: &str, rules: &str) -> CallReport {
    let set = RuleSet::from_toml(rules, "test.toml").unwrap();
    let t = transcript::parse("call.txt", text.as_bytes(), None)
        .unwrap()
        .remove(0);
    callscore::score_call(t, &set, &RoleOverrides::default())
}

fn rules_of(r: &CallReport) -> Vec<(&str, usize, u32)> {
    r.findings
        .iter()
        .map(|f| (f.rule.as_str(), f.line, f.penalty))
        .collect()
}

const STRICT: &str = "extends = 'default'\n[rules.monologue]\nmax_words = 50\npenalty = 12\n\
                      [rules.talk-ratio]\nenabled = false\n[rules.missing-purpose]\nenabled = false\n\
                      [rules.no-next-step]\nenabled = false\n";

#[test]
fn overriding_a_threshold_and_a_penalty_changes_the_score() {
    let text = call("");
    let default = report(
        &text,
        "extends = 'default'\n[rules.talk-ratio]\nenabled = false\n[rules.missing-purpose]\nenabled = false\n[rules.no-next-step]\nenabled = false\n",
    );
    assert!(
        default.findings.iter().all(|f| f.rule != "monologue"),
        "{:?}",
        rules_of(&default)
    );
    let strict = report(&text, STRICT);
    let mono: Vec<_> = rules_of(&strict)
        .into_iter()
        .filter(|f| f.0 == "monologue")
        .collect();
    assert_eq!(mono, [("monologue", 6, 12)]);
    assert_eq!(strict.score, default.score - 12);
}

#[test]
fn a_disabled_rule_reports_nothing() {
    let text = call("");
    let off = report(
        &text,
        &format!("{STRICT}[rules.monologue]\nenabled = false\n")
            .replace("[rules.monologue]\nmax_words = 50\npenalty = 12\n", ""),
    );
    assert!(
        off.findings.iter().all(|f| f.rule != "monologue"),
        "{:?}",
        rules_of(&off)
    );
}

#[test]
fn suppressed_findings_are_not_reported_and_cost_nothing() {
    let text = call("").replace("Dana: word", "# callscore: ignore[monologue]\nDana: word");
    let r = report(&text, STRICT);
    assert!(
        r.findings.iter().all(|f| f.rule != "monologue"),
        "{:?}",
        rules_of(&r)
    );
    let whole = call("# callscore: ignore-file[monologue]\n");
    let r2 = report(&whole, STRICT);
    assert!(r2.findings.iter().all(|f| f.rule != "monologue"));
    assert_eq!(r.score, r2.score);
    assert_eq!(r.score, report(&call(""), STRICT).score + 12);
}

#[test]
fn custom_rules_require_and_forbid_phrases() {
    let rules = format!(
        "{STRICT}[rules.custom.disclosure]\nkind = 'required'\nrole = 'rep'\nphrases = ['this call may be recorded']\n\
         window = 'opening'\nturns = 1\nseverity = 'error'\npenalty = 20\nmax_penalty = 20\n\
         [rules.custom.honestly]\nkind = 'forbidden'\nrole = 'rep'\nphrases = ['to be honest']\n\
         severity = 'info'\npenalty = 3\nmax_penalty = 3\n"
    );
    let r = report(&call(""), &rules);
    let custom: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "honestly" || f.rule == "disclosure")
        .collect();
    assert_eq!(custom.len(), 1, "the disclosure is there: {custom:?}");
    assert_eq!(
        (custom[0].rule.as_str(), custom[0].line, custom[0].penalty),
        ("honestly", 4, 3)
    );
    assert_eq!(custom[0].message, "said 'To be honest'");
    let late = call("").replace(" This call may be recorded.", "");
    let r = report(&late, &rules);
    let missing: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "disclosure")
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].line, 2);
    assert_eq!(missing[0].severity.as_str(), "error");
}

// The same through the command line, as a user runs it.

mod cli {
    use assert_cmd::Command;
    use predicates::prelude::*;

    const CALL: &str = "tests/fixtures/rules/renewal-call.txt";
    const TEAM: &str = "tests/fixtures/rules/team.toml";

    fn score(args: &[&str], call: &str) -> serde_json::Value {
        let out = Command::cargo_bin("callscore")
            .unwrap()
            .args(["score", "--format", "json"])
            .args(args)
            .arg(call)
            .assert()
            .success();
        let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        report["calls"][0].clone()
    }

    fn rules(call: &serde_json::Value) -> Vec<(String, u64, u64)> {
        call["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let rule = f["rule"].as_str().unwrap().to_string();
                (
                    rule,
                    f["line"].as_u64().unwrap(),
                    f["penalty"].as_u64().unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn a_team_file_changes_findings_penalties_and_the_score() {
        let default = score(&[], CALL);
        assert!(rules(&default).is_empty(), "{default}");
        assert_eq!(default["score"], 100);
        let team = score(&["--rules", TEAM], CALL);
        let found = rules(&team);
        assert_eq!(
            found,
            [
                ("recording-disclosure".to_string(), 2, 20),
                ("monologue".to_string(), 4, 20),
                ("no-honestly".to_string(), 4, 2),
            ],
            "monologue tightened, custom rules added"
        );
        assert_eq!(team["score"], 100 - 20 - 20 - 2);
    }

    #[test]
    fn suppression_comments_drop_findings_and_their_cost() {
        let text = std::fs::read_to_string(CALL).unwrap().replace(
            "Dana: To be honest",
            "# callscore: ignore[monologue, no-honestly]\nDana: To be honest",
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("call.txt");
        std::fs::write(&path, text).unwrap();
        let team = score(&["--rules", TEAM], path.to_str().unwrap());
        let ids: Vec<String> = rules(&team).into_iter().map(|f| f.0).collect();
        assert_eq!(ids, ["recording-disclosure"]);
        assert_eq!(team["score"], 80);
    }

    #[test]
    fn check_fails_on_a_custom_error_rule_and_names_it() {
        Command::cargo_bin("callscore")
            .unwrap()
            .args(["check", "--rules", TEAM, CALL])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("recording-disclosure"))
            .stdout(predicate::str::contains("said 'To be honest'"));
    }

    #[test]
    fn a_bad_rule_file_stops_score_with_exit_2() {
        Command::cargo_bin("callscore")
            .unwrap()
            .args([
                "score",
                "--rules",
                "tests/fixtures/rules/bad-type.toml",
                CALL,
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("bad-type.toml: line 4:"));
    }
}
