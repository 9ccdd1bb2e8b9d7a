//! No input may make a reader panic: arbitrary bytes and mutated valid files go through
//! `transcript::parse` with detection and with every forced format, then through roles.

use callscore::rules::RuleSet;
use callscore::transcript::{Format, RoleOverrides, parse, roles};
use proptest::prelude::*;

const FIXTURES: [&str; 18] = [
    "plain.txt",
    "otter.txt",
    "zoom.vtt",
    "teams.vtt",
    "call.srt",
    "call.csv",
    "call.json",
    "calls.jsonl",
    "whisperx.json",
    "whisper_plain.json",
    "aws_transcribe.json",
    "aws_call_analytics.json",
    "deepgram_utterances.json",
    "deepgram_words.json",
    "deepgram_multichannel.json",
    "assemblyai.json",
    "assemblyai_words.json",
    "revai.json",
];

fn fixture(i: usize) -> (String, Vec<u8>) {
    let name = FIXTURES[i % FIXTURES.len()];
    let bytes = std::fs::read(format!("tests/fixtures/formats/{name}")).unwrap();
    (name.to_string(), bytes)
}

/// Reads with detection and with each forced format; errors are fine, panics are not.
fn read_every_way(name: &str, bytes: &[u8]) {
    static CUES: std::sync::OnceLock<callscore::transcript::RoleCues> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| RuleSet::default_set().roles);
    let forced = std::iter::once(None).chain(Format::ALL.into_iter().map(Some));
    for f in forced {
        if let Ok(calls) = parse(name, bytes, f) {
            for mut t in calls {
                assert!(!t.utterances.is_empty());
                roles::assign(&mut t, &RoleOverrides::default(), cues);
                let _ = t.turns();
                let _ = t.duration();
            }
        }
    }
}

/// A byte-level mutation of a valid file: overwrite, insert, delete or cut short.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop::sample::select(vec![
        b':', b'>', b'<', b'{', b'}', b'[', b']', b'"', b',', b'\n', b'-', b'#', b'0', b'\\', 0xff,
        0xe2,
    ]);
    prop_oneof![
        (any::<usize>(), special.clone()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), prop::collection::vec(special, 1..8))
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (
            any::<usize>(),
            prop::sample::select(vec![
                b"-->".to_vec(),
                b"WEBVTT\n".to_vec(),
                b"\n\n".to_vec(),
                b"<v ".to_vec(),
                b"null".to_vec()
            ])
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Set(i, b) if !bytes.is_empty() => bytes[i % len] = *b,
        Mutation::Insert(i, v) => {
            let at = i % (bytes.len() + 1);
            bytes.splice(at..at, v.iter().copied());
        }
        Mutation::Delete(i, n) if !bytes.is_empty() => {
            let at = i % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Truncate(i) => bytes.truncate(i % len),
        _ => {}
    }
}

proptest! {
    // PROPTEST_CASES=100000 for a long fuzzing run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in prop::sample::select(vec!["x.txt", "x.vtt", "x.srt", "x.csv", "x.json", "x.jsonl", "-"])) {
        read_every_way(ext, &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[ -~\n\té’]{0,300}") {
        read_every_way("-", text.as_bytes());
    }

    #[test]
    fn mutated_valid_files_never_panic(i in 0usize..FIXTURES.len(), muts in prop::collection::vec(mutation(), 1..6)) {
        let (name, mut bytes) = fixture(i);
        for m in &muts {
            apply(&mut bytes, m);
        }
        read_every_way(&name, &bytes);
    }
}
