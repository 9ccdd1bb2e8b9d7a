//! Turning command-line paths into an ordered list of inputs, and reading them.

use callscore::transcript::{Format, ReadError, Transcript};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions callscore reads when walking a folder.
pub const EXTENSIONS: [&str; 7] = ["txt", "vtt", "srt", "csv", "json", "jsonl", "text"];

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
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
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && has_known_extension(e.path()))
                .map(|e| e.into_path())
                .collect();
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
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

fn has_known_extension(p: &Path) -> bool {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
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
        Input::File(p) => std::fs::read(p).map_err(|e| e.to_string()),
    }
    .map_err(|e| ReadError {
        path: name.clone(),
        line: None,
        message: format!("cannot read: {e}"),
    })?;
    callscore::transcript::parse(&name, &bytes, forced)
}
