//! Plain text: `Name: text` (or `Name> text`), one utterance a line, with optional times,
//! continuation lines, `#` comments, metadata headers and suppression comments.

use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Role, Transcript, Utterance};

pub fn read(path: &str, text: &str) -> Result<Transcript, ParseError> {
    let mut t = Transcript::new(path, Format::Text);
    let mut pending_ignores: Vec<String> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            read_comment(&mut t, comment.trim(), &mut pending_ignores);
            continue;
        }
        match split_speaker(line) {
            Some((speaker, body)) => {
                t.utterances.push(Utterance {
                    speaker: speaker.to_string(),
                    role: Role::Unknown,
                    text: body.to_string(),
                    line: line_no,
                    start: None,
                    end: None,
                });
                if !pending_ignores.is_empty() {
                    t.suppressions
                        .lines
                        .push((line_no, std::mem::take(&mut pending_ignores)));
                }
            }
            None => match t.utterances.last_mut() {
                Some(last) => {
                    last.text.push(' ');
                    last.text.push_str(line);
                }
                None => {
                    return Err(ParseError::at(
                        line_no,
                        "text before the first speaker label; start lines with 'Name: '",
                    ));
                }
            },
        }
    }
    if t.utterances.is_empty() {
        return Err(ParseError::new(
            "no utterances found; lines should look like 'Name: text'",
        ));
    }
    Ok(t)
}

fn read_comment(t: &mut Transcript, comment: &str, pending: &mut Vec<String>) {
    if let Some(rest) = comment.strip_prefix("callscore:") {
        let rest = rest.trim();
        if let Some(ids) = rest.strip_prefix("ignore-file") {
            t.suppressions.file.extend(rule_ids(ids));
        } else if let Some(ids) = rest.strip_prefix("ignore") {
            pending.extend(rule_ids(ids));
        }
        return;
    }
    if !t.utterances.is_empty() {
        return;
    }
    if let Some((key, value)) = comment.split_once(':') {
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        match key.as_str() {
            "rep" | "prospect" => {
                let role = if key == "rep" {
                    Role::Rep
                } else {
                    Role::Prospect
                };
                for name in value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                {
                    t.file_roles.insert(name.to_string(), role);
                }
            }
            "call-id" | "call_id" | "id" => t.id = value.to_string(),
            _ => {
                t.metadata.insert(key, value.to_string());
            }
        }
    }
}

/// `[a, b]` -> ["a", "b"]; a bare `ignore` means every rule.
fn rule_ids(s: &str) -> Vec<String> {
    let s = s.trim();
    match s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        Some(inner) => inner
            .split(',')
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect(),
        None => vec!["*".to_string()],
    }
}

/// Splits `Name: text` / `Name> text`; a label is short and has no sentence punctuation.
fn split_speaker(line: &str) -> Option<(&str, &str)> {
    let pos = line.find([':', '>'])?;
    let (name, rest) = (line[..pos].trim(), line[pos + 1..].trim());
    let plausible = !name.is_empty()
        && name.len() <= 40
        && name.split_whitespace().count() <= 4
        && !name.contains(['.', '?', '!', ',', '"']);
    plausible.then_some((name, rest))
}
