//! Turning command-line paths into an ordered list of inputs, and reading them.

use callscore::transcript::{Format, ReadError, Transcript, read};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to read: a file named on the command line, a file found in a folder, or
/// standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// Found by walking a folder: JSON that is not a transcript is skipped, not an error.
    Found(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Found(p) => p.display().to_string(),
        }
    }
}

/// Expands paths into inputs: files as given, folders walked recursively (sorted, by extension).
/// A path that does not exist is an error for that path only.
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            inputs.extend(walk(p, &mut errors).into_iter().map(Input::Found));
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            errors.push(ReadError {
                path: p.display().to_string(),
                line: None,
                message: "no such file or folder".to_string(),
            });
        }
    }
    (inputs, errors)
}

/// The transcript files under `dir`, sorted. An unreadable folder or entry is an error for
/// that entry only; hidden files and folders (`.git`) are skipped.
fn walk(dir: &Path, errors: &mut Vec<ReadError>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && is_transcript(e.path()) => {
                found.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) => errors.push(ReadError {
                path: e.path().unwrap_or(dir).display().to_string(),
                line: None,
                message: format!(
                    "cannot read: {}",
                    e.io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string())
                ),
            }),
        }
    }
    found.sort();
    found
}

/// A file a folder walk reads: a known extension. (JSON files that turn out not to be
/// transcripts, like the `labels.json` of `callscore eval`, are skipped when read.)
fn is_transcript(p: &Path) -> bool {
    has_known_extension(p)
}

fn has_known_extension(p: &Path) -> bool {
    read::format_of_name(&p.to_string_lossy()).is_some()
}

/// Reads and parses one input into its transcripts.
pub fn read(input: &Input, forced: Option<Format>) -> Result<Vec<Transcript>, ReadError> {
    let name = input.display();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map(|_| buf)
                .map_err(|e| e.to_string())
        }
        Input::File(p) | Input::Found(p) => std::fs::read(p).map_err(|e| e.to_string()),
    }
    .map_err(|e| ReadError {
        path: name.clone(),
        line: None,
        message: format!("cannot read: {e}"),
    })?;
    let result = callscore::transcript::parse(&name, &bytes, forced);
    if result.is_err() && matches!(input, Input::Found(_)) && is_other_json_file(&name, &bytes) {
        return Ok(Vec::new());
    }
    result
}

fn is_other_json_file(name: &str, bytes: &[u8]) -> bool {
    let json_ext = matches!(
        read::format_of_name(name),
        Some(Format::Json | Format::Jsonl)
    );
    json_ext && std::str::from_utf8(bytes).is_ok_and(read::is_other_json)
}
