//! Library-level reader tests: each format and vendor shape, read from small fixtures
//! written for these tests (tests/fixtures/formats), checked for speakers, roles, lines,
//! times and text.

use callscore::rules::RuleSet;
use callscore::transcript::{Format, Role, RoleOverrides, RoleSource, Transcript, parse, roles};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/formats/{name}")).expect("fixture exists")
}

/// Reads a fixture by its own name (so detection runs) and assigns roles with the defaults.
fn read(name: &str) -> Transcript {
    let mut calls = parse(name, &fixture(name), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(calls.len(), 1);
    let mut t = calls.remove(0);
    roles::assign(
        &mut t,
        &RoleOverrides::default(),
        &RuleSet::default_set().roles,
    );
    t
}

/// (line, speaker, role, text) of every utterance.
fn rows(t: &Transcript) -> Vec<(usize, &str, Role, &str)> {
    t.utterances
        .iter()
        .map(|u| (u.line, u.speaker.as_str(), u.role, u.text.as_str()))
        .collect()
}

#[test]
fn plain_text_reads_headers_times_labels_and_suppressions() {
    let t = read("plain.txt");
    assert_eq!(t.format, Format::Text);
    assert_eq!(t.id, "acme-renewal");
    assert_eq!(
        t.metadata.get("industry").map(String::as_str),
        Some("logistics")
    );
    assert_eq!(t.role_source, RoleSource::File);
    let r = rows(&t);
    assert_eq!(r.len(), 5);
    assert_eq!(
        r[0],
        (6, "Dana", Role::Rep, "Hi Marcus, this is Dana from Acme.")
    );
    // A one-off "Note:" label, a URL and times are text of the utterance before.
    assert_eq!(r[1].1, "Marcus");
    assert!(
        r[1].3.ends_with(
            "Note: the meeting is at 3:30, details on https://acme.example.com at 10:30"
        )
    );
    assert_eq!((r[2].0, r[2].1), (10, "Dana"));
    assert_eq!(t.utterances[2].start, Some(12.0));
    assert_eq!(t.utterances[0].start, Some(1.0));
    assert_eq!(
        (r[3].1, r[3].3),
        ("Marcus", "We're evaluating two vendors.")
    );
    assert!(t.suppressions.covers("talk-ratio", 12));
    assert!(t.suppressions.covers("train-selling", 10));
    assert!(!t.suppressions.covers("train-selling", 11));
}

#[test]
fn otter_txt_is_detected_by_content() {
    let t = read("otter.txt");
    assert_eq!(t.format, Format::Otter);
    let r = rows(&t);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].0, 1);
    assert_eq!(r[0].1, "Dana Smith");
    assert_eq!(
        r[0].3,
        "Hi Marcus, this is Dana from Acme. The reason for my call is your renewal."
    );
    assert_eq!(
        (r[1].0, r[1].1, r[1].3),
        (5, "Marcus Lee", "Sure, go ahead.")
    );
    assert_eq!(t.utterances[2].start, Some(3723.0));
    assert_eq!(t.role_source, RoleSource::Content);
    assert_eq!((r[0].2, r[1].2), (Role::Rep, Role::Prospect));
}

#[test]
fn vtt_merges_one_speakers_cues_and_skips_notes_and_styles() {
    let t = read("zoom.vtt");
    let r = rows(&t);
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[0],
        (10, "Dana", Role::Rep, "Hi Marcus, this is Dana from Acme.")
    );
    assert_eq!(
        (t.utterances[0].start, t.utterances[0].end),
        (Some(1.0), Some(5.0))
    );
    assert_eq!((r[1].1, r[1].3), ("Marcus", "Hi & hello."));
}

#[test]
fn teams_vtt_voice_spans_and_unpadded_times() {
    let t = read("teams.vtt");
    let r = rows(&t);
    assert_eq!(r.len(), 2);
    assert_eq!(
        (r[0].0, r[0].1, r[0].3),
        (4, "Dana Smith", "Thanks for calling Acme.")
    );
    assert_eq!(r[1].1, "Marcus Lee");
    assert_eq!(r[1].3, "Hi, I'm calling about your pricing. For ten seats.");
    assert_eq!(t.utterances[1].end, Some(5.0));
    // Inbound call: the one who answers is the rep.
    assert_eq!((r[0].2, r[1].2), (Role::Rep, Role::Prospect));
    assert_eq!(t.role_source, RoleSource::Content);
}

#[test]
fn srt_cue_without_prefix_continues_the_speaker() {
    let t = read("call.srt");
    let r = rows(&t);
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[0].3,
        "Hi Marcus, this is Dana from Acme. The reason for my call is your renewal."
    );
    assert_eq!((r[0].0, r[1].0), (3, 11));
    assert_eq!(t.utterances[0].end, Some(4.5));
}

#[test]
fn csv_aliases_roles_times_and_multiline_records() {
    let t = read("call.csv");
    let r = rows(&t);
    assert_eq!(r.len(), 3);
    assert_eq!((r[0].0, r[1].0, r[2].0), (2, 3, 5));
    assert_eq!(r[1].3, "Hi Dana.\nGo ahead.");
    assert_eq!(t.utterances[1].start, Some(4.0));
    assert_eq!(t.role_source, RoleSource::File);
    assert_eq!((r[0].2, r[1].2), (Role::Rep, Role::Prospect));
}

#[test]
fn callscore_json_with_metadata_and_roles() {
    let t = read("call.json");
    assert_eq!(t.id, "acme-7");
    assert_eq!(t.format, Format::Json);
    let r = rows(&t);
    assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!((r[0].2, r[1].2), (Role::Rep, Role::Prospect));
    assert_eq!(t.role_source, RoleSource::File);
    assert_eq!(t.utterances[0].end, Some(3.0));
}

#[test]
fn jsonl_gives_one_call_per_line() {
    let calls = parse("calls.jsonl", &fixture("calls.jsonl"), None).unwrap();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].id, "c1");
    assert_eq!(calls[1].id, "calls:3");
    assert!(calls.iter().all(|c| c.path == "calls.jsonl"));
    assert_eq!(calls[1].utterances[1].line, 2);
}

#[test]
fn vendor_shapes_are_recognised_from_json() {
    let cases = [
        (
            "whisperx.json",
            Format::Whisper,
            vec!["SPEAKER_00", "SPEAKER_01"],
        ),
        (
            "aws_transcribe.json",
            Format::AwsTranscribe,
            vec!["spk_0", "spk_1"],
        ),
        (
            "aws_call_analytics.json",
            Format::AwsCallAnalytics,
            vec!["Customer", "Agent"],
        ),
        (
            "deepgram_utterances.json",
            Format::Deepgram,
            vec!["Speaker 0", "Speaker 1"],
        ),
        (
            "deepgram_words.json",
            Format::Deepgram,
            vec!["Speaker 0", "Speaker 1"],
        ),
        (
            "deepgram_multichannel.json",
            Format::Deepgram,
            vec!["Channel 0", "Channel 1"],
        ),
        (
            "assemblyai.json",
            Format::Assemblyai,
            vec!["Speaker A", "Speaker B"],
        ),
        (
            "assemblyai_words.json",
            Format::Assemblyai,
            vec!["Speaker A", "Speaker B"],
        ),
        ("revai.json", Format::Revai, vec!["Speaker 0", "Marcus Lee"]),
    ];
    for (name, format, speakers) in cases {
        let t = read(name);
        assert_eq!(t.format, format, "{name}");
        assert_eq!(t.speakers(), speakers, "{name}");
        for (i, u) in t.utterances.iter().enumerate() {
            assert_eq!(u.line, i + 1, "{name}: JSON lines are utterance indexes");
        }
    }
}

#[test]
fn vendor_text_and_times() {
    let aws = read("aws_transcribe.json");
    assert_eq!(aws.id, "call-42");
    assert_eq!(aws.utterances[0].text, "Hi, this is.");
    assert_eq!(
        (aws.utterances[1].start, aws.utterances[1].end),
        (Some(3.0), Some(3.9))
    );
    let dg = read("deepgram_words.json");
    assert_eq!(dg.utterances[0].text, "Hi, there.");
    let multi = read("deepgram_multichannel.json");
    let order: Vec<&str> = multi.utterances.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(order, vec!["hi", "hello", "there"]);
    let aai = read("assemblyai.json");
    assert_eq!(
        (aai.utterances[0].start, aai.utterances[0].end),
        (Some(0.25), Some(1.5))
    );
    let words = read("assemblyai_words.json");
    assert_eq!(words.utterances[0].text, "Hi, Dana.");
    let rev = read("revai.json");
    assert_eq!(rev.utterances[0].text, "Hi, Marcus.");
    assert_eq!(
        (rev.utterances[0].start, rev.utterances[0].end),
        (Some(0.5), Some(1.2))
    );
}

#[test]
fn call_analytics_agent_is_the_rep_from_the_file() {
    let t = read("aws_call_analytics.json");
    assert_eq!(t.role_source, RoleSource::File);
    assert_eq!(t.speakers_with(Role::Rep), vec!["Agent"]);
    assert_eq!(t.speakers_with(Role::Prospect), vec!["Customer"]);
    assert_eq!(t.utterances[1].start, Some(1.0));
}

#[test]
fn forced_format_overrides_detection() {
    let bytes = b"Dana: hi\nMarcus: hello\n";
    let calls = parse("call.csv", bytes, Some(Format::Text)).unwrap();
    assert_eq!(calls[0].format, Format::Text);
    let err = parse("call.csv", bytes, None).unwrap_err();
    assert!(
        err.message.contains("'speaker' and a 'text' column"),
        "{err}"
    );
}

#[test]
fn stdin_is_detected_by_content() {
    for name in [
        "teams.vtt",
        "call.srt",
        "call.json",
        "otter.txt",
        "call.csv",
        "plain.txt",
        "calls.jsonl",
    ] {
        let by_name = parse(name, &fixture(name), None).unwrap();
        let by_content = parse("-", &fixture(name), None).unwrap();
        assert_eq!(by_content[0].format, by_name[0].format, "{name}");
        assert_eq!(
            by_content[0].utterances.len(),
            by_name[0].utterances.len(),
            "{name}"
        );
    }
}

#[test]
fn aws_transcribe_channel_identification() {
    let json = br#"{"jobName": "ch", "results": {"channel_labels": {"number_of_channels": 2, "channels": [
        {"channel_label": "ch_0", "items": [
          {"start_time": "0.1", "end_time": "0.4", "type": "pronunciation", "alternatives": [{"content": "Hi"}]},
          {"start_time": "2.0", "end_time": "2.4", "type": "pronunciation", "alternatives": [{"content": "Great"}]}]},
        {"channel_label": "ch_1", "items": [
          {"start_time": "1.0", "end_time": "1.3", "type": "pronunciation", "alternatives": [{"content": "Hello"}]}]}]}}}"#;
    let t = parse("ch.json", json, None).unwrap().remove(0);
    assert_eq!(t.format, Format::AwsTranscribe);
    let got: Vec<(&str, &str)> = t
        .utterances
        .iter()
        .map(|u| (u.speaker.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(got, [("ch_0", "Hi"), ("ch_1", "Hello"), ("ch_0", "Great")]);
}

#[test]
fn jsonl_lines_read_one_at_a_time() {
    use callscore::transcript::formats::jsonl;
    let t = jsonl::read_line(
        "-",
        r#"{"utterances": [{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "yo"}]}"#,
        7,
    )
    .unwrap();
    assert_eq!(t.id, "stdin:7");
    let err = jsonl::read_line("-", r#"{"utterances": [{"speaker": "A"}]}"#, 7).unwrap_err();
    assert_eq!(err.line, Some(7));
    assert!(err.message.contains("utterance 1"), "{}", err.message);
}

#[test]
fn csv_with_semicolons_or_tabs() {
    for sep in [";", "\t"] {
        let csv = format!("name{sep}transcript\nDana{sep}Hi, Marcus.\nMarcus{sep}Hello.\n");
        let t = parse("c.csv", csv.as_bytes(), None).unwrap().remove(0);
        assert_eq!(t.utterances[0].text, "Hi, Marcus.");
        assert_eq!(t.speakers(), ["Dana", "Marcus"]);
    }
}

#[test]
fn utf16_text_with_a_byte_order_mark_is_converted() {
    let text = "Dana: Héllo Marcus.\r\nMarcus: Hi.\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [le, be] {
        let t = parse("win.txt", &bytes, None).unwrap().remove(0);
        assert_eq!(t.utterances[0].text, "Héllo Marcus.");
        assert_eq!(t.speakers(), ["Dana", "Marcus"]);
    }
}

#[test]
fn a_json_array_holds_several_calls() {
    let json = br#"[{"id": "x", "utterances": [{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "yo"}]},
                    {"utterances": [{"speaker": "C", "text": "hi"}, {"speaker": "D", "text": "yo"}]}]"#;
    let calls = parse("batch.json", json, None).unwrap();
    let ids: Vec<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["x", "batch:2"]);
    let bad = br#"[{"utterances": [{"speaker": "A", "text": "hi"}, {"text": "yo"}]}]"#;
    let err = parse("batch.json", bad, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "batch.json: call 1 of the array: utterance has no 'speaker' (utterance 2)"
    );
}

#[test]
fn csv_utterances_keep_their_lines_with_crlf_and_blank_lines() {
    // Windows line ends and blank lines between rows: each utterance names the line it is on,
    // so that findings point at the right row.
    let text = b"speaker,text\r\nDana,Hi Marcus.\r\n\r\nMarcus,\"Hi,\r\nDana.\"\r\nDana,So.\r\n";
    let t = parse("call.csv", text, None).unwrap().remove(0);
    let lines: Vec<usize> = t.utterances.iter().map(|u| u.line).collect();
    assert_eq!(lines, vec![2, 4, 6]);
}
