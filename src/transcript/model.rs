//! The call model every reader produces and every later stage reads.

use serde::Serialize;
use smol_str::SmolStr;
use std::collections::BTreeMap;
use std::fmt;

/// Who a speaker is on the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Rep,
    Prospect,
    #[default]
    Unknown,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Rep => "rep",
            Role::Prospect => "prospect",
            Role::Unknown => "unknown",
        }
    }

    /// The other side of the conversation (unknown stays unknown).
    pub fn other(self) -> Role {
        match self {
            Role::Rep => Role::Prospect,
            Role::Prospect => Role::Rep,
            Role::Unknown => Role::Unknown,
        }
    }

    /// Parses the role words that files and options use ("rep", "AGENT", "customer", ...).
    pub fn parse_loose(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rep" | "agent" | "seller" | "sales" | "salesperson" | "sales rep" | "host" => {
                Some(Role::Rep)
            }
            "prospect" | "customer" | "client" | "buyer" | "caller" | "lead" => {
                Some(Role::Prospect)
            }
            "unknown" | "" => Some(Role::Unknown),
            _ => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which kind of evidence decided the roles of a call, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RoleSource {
    /// `--rep` / `--prospect` on the command line.
    Cli,
    /// Roles written in the file: metadata headers, `role` fields, AGENT/CUSTOMER.
    File,
    /// Speaker names that match the rule set's role patterns ("Rep", "Customer", ...).
    Name,
    /// What the speakers say: who introduces themselves from a company, who pitches.
    Content,
    /// Nothing else decided: the first speaker is taken as the rep.
    #[default]
    FirstSpeaker,
}

impl RoleSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleSource::Cli => "cli",
            RoleSource::File => "file",
            RoleSource::Name => "name",
            RoleSource::Content => "content",
            RoleSource::FirstSpeaker => "first-speaker",
        }
    }
}

impl fmt::Display for RoleSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The input format a transcript was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Text,
    Otter,
    Vtt,
    Srt,
    Csv,
    Json,
    Jsonl,
    Whisper,
    AwsTranscribe,
    AwsCallAnalytics,
    Deepgram,
    Assemblyai,
    Revai,
}

impl Format {
    pub const ALL: [Format; 13] = [
        Format::Text,
        Format::Otter,
        Format::Vtt,
        Format::Srt,
        Format::Csv,
        Format::Json,
        Format::Jsonl,
        Format::Whisper,
        Format::AwsTranscribe,
        Format::AwsCallAnalytics,
        Format::Deepgram,
        Format::Assemblyai,
        Format::Revai,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Otter => "otter",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Whisper => "whisper",
            Format::AwsTranscribe => "aws-transcribe",
            Format::AwsCallAnalytics => "aws-call-analytics",
            Format::Deepgram => "deepgram",
            Format::Assemblyai => "assemblyai",
            Format::Revai => "revai",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing one speaker said: a line of a text file, a cue, a segment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Utterance {
    pub speaker: SmolStr,
    pub role: Role,
    pub text: String,
    /// 1-based line in the source file (for JSON formats: the utterance's 1-based index).
    pub line: usize,
    pub start: Option<f64>,
    pub end: Option<f64>,
}

/// A maximal run of one speaker's consecutive utterances: `utterances` indexes `Transcript::utterances`.
/// The speaker is the first utterance's (not copied here: a name per turn was an allocation per
/// turn on every call).
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub role: Role,
    pub utterances: std::ops::Range<usize>,
}

/// `# callscore: ignore[...]` comments found in a text transcript or script.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suppressions {
    /// Rule ids ignored for the whole file (`ignore-file[...]`); `*` means all rules.
    pub file: Vec<String>,
    /// (line of the utterance the comment precedes, rule ids) from `ignore[...]`.
    pub lines: Vec<(usize, Vec<String>)>,
}

impl Suppressions {
    /// True when a finding of `rule` at source `line` is suppressed.
    pub fn covers(&self, rule: &str, line: usize) -> bool {
        let hit = |ids: &Vec<String>| ids.iter().any(|r| r == rule || r == "*");
        hit(&self.file) || self.lines.iter().any(|(l, ids)| *l == line && hit(ids))
    }
}

/// A whole call as read from one file (or one line of a JSON Lines file).
#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    /// The call id: `# call-id:` / the JSON `id`, else the file stem.
    pub id: String,
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    pub format: Format,
    /// Free-form metadata from headers or the JSON `metadata` object.
    pub metadata: BTreeMap<String, String>,
    pub utterances: Vec<Utterance>,
    /// Roles the file itself states, by speaker name (metadata headers, role fields, AGENT/CUSTOMER).
    pub file_roles: BTreeMap<String, Role>,
    /// What decided the roles in `utterances` (set by `roles::assign`).
    pub role_source: RoleSource,
    pub suppressions: Suppressions,
}

impl Transcript {
    pub fn new(path: impl Into<String>, format: Format) -> Transcript {
        let path = path.into();
        Transcript {
            id: default_call_id(&path),
            path,
            format,
            metadata: BTreeMap::new(),
            utterances: Vec::new(),
            file_roles: BTreeMap::new(),
            role_source: RoleSource::default(),
            suppressions: Suppressions::default(),
        }
    }

    /// Records that the file names speaker `name` as `role`; `Unknown` says nothing. A role
    /// column repeats one pair on every row: a pair already recorded allocates nothing.
    pub fn state_role(&mut self, name: &str, role: Role) {
        if role != Role::Unknown && self.file_roles.get(name) != Some(&role) {
            self.file_roles.insert(name.to_string(), role);
        }
    }

    /// [`state_role`](Self::state_role) for each name of a header's list ("Dana, Lee").
    pub fn state_roles(&mut self, names: &str, role: Role) {
        for name in names
            .split([',', ';'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            self.state_role(name, role);
        }
    }

    /// Groups consecutive utterances of one speaker into turns.
    pub fn turns(&self) -> Vec<Turn> {
        self.turns_by(&speaker_indexes(&self.utterances).1)
    }

    /// [`turns`](Self::turns) given each utterance's speaker index (from [`speaker_indexes`]).
    pub fn turns_by(&self, speaker_of: &[usize]) -> Vec<Turn> {
        let us = &self.utterances;
        // Room for the most turns there can be: no reallocation as the turns are pushed.
        let mut turns: Vec<Turn> = Vec::with_capacity(us.len());
        for (i, u) in us.iter().enumerate() {
            match turns.last_mut() {
                Some(t) if speaker_of[t.utterances.start] == speaker_of[i] => {
                    t.utterances.end = i + 1
                }
                _ => turns.push(Turn {
                    role: u.role,
                    utterances: i..i + 1,
                }),
            }
        }
        turns
    }

    /// Distinct speaker names in order of first appearance.
    pub fn speakers(&self) -> Vec<&str> {
        distinct_names(self.utterances.iter())
            .into_iter()
            .map(SmolStr::as_str)
            .collect()
    }

    /// Speaker names with the given role, in order of first appearance.
    pub fn speakers_with(&self, role: Role) -> Vec<&str> {
        distinct_names(self.utterances.iter().filter(|u| u.role == role))
            .into_iter()
            .map(SmolStr::as_str)
            .collect()
    }

    /// Whether more than one speaker speaks.
    pub fn has_two_speakers(&self) -> bool {
        let mut names = self.utterances.iter().map(|u| &u.speaker);
        names.next().is_some_and(|first| names.any(|s| s != first))
    }

    /// Call length in seconds when the file has times.
    pub fn duration(&self) -> Option<f64> {
        let first = self.utterances.iter().find_map(|u| u.start)?;
        let last = self
            .utterances
            .iter()
            .rev()
            .find_map(|u| u.end.or(u.start))?;
        Some((last - first).max(0.0))
    }
}

/// Distinct speaker names of `utterances` in order of first appearance. Names compare as
/// `SmolStr`s: a short name is compared in place, where comparing `&str`s called `memcmp` for
/// every utterance of a known speaker: 1.8% of a run on the 100 MB corpus.
pub fn distinct_names<'t>(utterances: impl Iterator<Item = &'t Utterance>) -> Vec<&'t SmolStr> {
    let mut seen: Vec<&SmolStr> = Vec::new();
    for u in utterances {
        if !seen.iter().any(|s| **s == u.speaker) {
            seen.push(&u.speaker);
        }
    }
    seen
}

/// The distinct speakers of `utterances` in order of first appearance, and the index among
/// them of each utterance's speaker. Calls alternate, so the speaker two utterances back is
/// tried first: one name comparison an utterance rather than a search of the speakers.
pub fn speaker_indexes(utterances: &[Utterance]) -> (Vec<&SmolStr>, Vec<usize>) {
    let mut speakers: Vec<&SmolStr> = Vec::new();
    let mut said_by = Vec::with_capacity(utterances.len());
    let (mut one_back, mut two_back) = (0, 0);
    for u in utterances {
        let i = match speakers.get(two_back) {
            Some(s) if **s == u.speaker => two_back,
            _ => match speakers.iter().position(|s| **s == u.speaker) {
                Some(i) => i,
                None => {
                    speakers.push(&u.speaker);
                    speakers.len() - 1
                }
            },
        };
        said_by.push(i);
        (two_back, one_back) = (one_back, i);
    }
    (speakers, said_by)
}

/// The file stem of a path: "calls/acme-01.vtt" -> "acme-01"; "-" -> "stdin".
pub fn default_call_id(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utt(speaker: &str, line: usize) -> Utterance {
        Utterance {
            speaker: speaker.into(),
            text: "hi".into(),
            line,
            ..Default::default()
        }
    }

    #[test]
    fn turns_group_runs_of_one_speaker() {
        let mut t = Transcript::new("a.txt", Format::Text);
        t.utterances = vec![utt("A", 1), utt("A", 2), utt("B", 3), utt("A", 4)];
        let turns = t.turns();
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[0].utterances, 0..2);
        assert_eq!(turns[2].utterances, 3..4);
    }

    #[test]
    fn speakers_are_distinct_in_order_of_first_appearance() {
        let mut t = Transcript::new("a.txt", Format::Text);
        let long = "A speaker name longer than an inline SmolStr";
        for (names, expected) in [
            (vec![], vec![]),
            (vec!["A"], vec!["A"]),
            (vec!["A", "A"], vec!["A"]),
            (vec!["B", "A", "B", "C", "A"], vec!["B", "A", "C"]),
            (vec![long, "A", long], vec![long, "A"]),
        ] {
            t.utterances = names.iter().map(|n| utt(n, 1)).collect();
            assert_eq!(t.speakers(), expected);
            assert_eq!(t.has_two_speakers(), expected.len() >= 2, "{names:?}");
        }
        t.utterances[1].role = Role::Rep;
        assert_eq!(t.speakers_with(Role::Rep), vec!["A"]);
        assert_eq!(t.speakers_with(Role::Unknown), vec![long]);
    }

    #[test]
    fn speaker_indexes_are_those_a_search_finds() {
        let mut t = Transcript::new("a.txt", Format::Text);
        let long = "A speaker name longer than an inline SmolStr";
        for names in [
            vec![],
            vec!["A"],
            vec!["A", "B", "A", "B", "B", "A", "A", "C", "A", "C", "B"],
            vec![long, "A", long, long, "B", "A", "B"],
        ] {
            t.utterances = names.iter().map(|n| utt(n, 1)).collect();
            let (speakers, said_by) = speaker_indexes(&t.utterances);
            assert_eq!(speakers, distinct_names(t.utterances.iter()));
            for (u, &i) in t.utterances.iter().zip(&said_by) {
                assert_eq!(*speakers[i], u.speaker, "{names:?}");
            }
            // Turns split on the index exactly where the name changes.
            let turns = t.turns_by(&said_by);
            let starts: Vec<usize> = turns.iter().map(|turn| turn.utterances.start).collect();
            let name_changes: Vec<usize> = (0..names.len())
                .filter(|&i| i == 0 || names[i] != names[i - 1])
                .collect();
            assert_eq!(starts, name_changes, "{names:?}");
            assert_eq!(
                turns.last().map(|turn| turn.utterances.end),
                names.last().map(|_| names.len())
            );
        }
    }

    #[test]
    fn suppressions_match_rule_or_star() {
        let s = Suppressions {
            file: vec!["monologue".into()],
            lines: vec![(7, vec!["train-selling".into()])],
        };
        assert!(s.covers("monologue", 1));
        assert!(s.covers("train-selling", 7));
        assert!(!s.covers("train-selling", 8));
    }
}
