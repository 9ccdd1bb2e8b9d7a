//! `callscore annotate`: the per-utterance view of acts and question pairing (SPEC section 5).

mod cli_support;

use std::io::Write;

const CALL: &str = "\
Dana: Honestly, I'm swamped. Our system went down this morning.
Rep: Yeah, tough, I know. Hey, we've only got 28 minutes, let me check the agenda.
Dana: what does it cost per seat
Rep: Great question, let me show you a demo.
Rep: do you have a budget for this
Dana: yes we do
";

fn call_file() -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".txt").tempfile().unwrap();
    f.write_all(CALL.as_bytes()).unwrap();
    f
}

fn annotate(args: &[&str], file: &tempfile::NamedTempFile) -> String {
    cli_support::success_stdout(
        cli_support::callscore()
            .arg("annotate")
            .args(args)
            .arg(file.path()),
    )
}

#[test]
fn jsonl_has_one_object_per_utterance_with_acts_and_pairing() {
    let file = call_file();
    let out = annotate(&["--format", "jsonl"], &file);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0]["acts"], serde_json::json!(["disclosure"]));
    assert_eq!(rows[1]["acts"], serde_json::json!(["pivot"]));
    assert_eq!(rows[2]["acts"], serde_json::json!(["question"]));
    assert_eq!(
        rows[2]["question"],
        serde_json::json!({"form": "wh", "status": "deflected", "answer_line": null})
    );
    assert_eq!(rows[3]["acts"], serde_json::json!(["deflection"]));
    assert_eq!(
        rows[4]["question"],
        serde_json::json!({"form": "yes-no", "status": "answered", "answer_line": 6})
    );
    assert!(rows[5].get("question").is_none());
}

#[test]
fn text_marks_acts_and_statuses_without_colour_in_pipes() {
    let file = call_file();
    let out = annotate(&["--format", "text"], &file);
    assert!(out.contains("pivot (agenda, time)]"), "{out}");
    assert!(out.contains("wh question, deflected at line 4"), "{out}");
    assert!(out.contains("yes-no question, answered by line 6"), "{out}");
    assert!(!out.contains('\x1b'));
}

#[test]
fn text_colours_when_asked() {
    let file = call_file();
    let out = annotate(&["--color", "always"], &file);
    assert!(out.contains("\x1b[31mwh question, deflected"), "{out}");
    assert!(out.contains("\x1b[32myes-no question, answered"), "{out}");
}
