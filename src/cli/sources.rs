//! Where calls come from: a lazy stream of jobs over the inputs, and scoring one job.
//!
//! Standard input is read in one of two ways. JSON Lines (`--input-format jsonl`, or a first
//! line that is a whole JSON object) is split into one job per line as lines arrive, so that
//! `score --format jsonl -` works as a streaming map step; anything else is read whole.

use super::inputs::{self, Input};
use callscore::report::Unit;
use callscore::rules::RuleSet;
use callscore::transcript::model::default_call_id;
use callscore::transcript::{Format, ReadError, RoleOverrides, Transcript};
use std::io::{BufRead, BufReader, Read, Stdin};
use std::panic::{self, AssertUnwindSafe};

/// One unit of work: what one output unit is made from.
#[derive(Debug)]
pub enum Job {
    /// A file named on the command line or found in a folder (never `Input::Stdin`).
    File(Input),
    /// All of standard input, read as one input.
    Stdin(Vec<u8>),
    /// One line of JSON Lines on standard input (1-based line number).
    Line { number: usize, bytes: Vec<u8> },
    /// Standard input could not be read.
    Failed(ReadError),
}

/// The jobs for a list of inputs, produced lazily: standard input is read only as jobs are taken.
pub struct Jobs {
    inputs: std::vec::IntoIter<Input>,
    forced: Option<Format>,
    lines: Option<StdinLines>,
}

impl Jobs {
    pub fn new(inputs: Vec<Input>, forced: Option<Format>) -> Jobs {
        Jobs {
            inputs: inputs.into_iter(),
            forced,
            lines: None,
        }
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if let Some(lines) = &mut self.lines {
            match lines.next() {
                Some(job) => return Some(job),
                None => self.lines = None,
            }
        }
        match self.inputs.next()? {
            file @ (Input::File(_) | Input::Found(_)) => Some(Job::File(file)),
            Input::Stdin => {
                let reader = BufReader::with_capacity(1 << 16, std::io::stdin());
                match open_stdin(reader, self.forced) {
                    StdinMode::Whole(job) => Some(job),
                    StdinMode::Lines(lines) => {
                        self.lines = Some(lines);
                        self.next()
                    }
                }
            }
        }
    }
}

enum StdinMode {
    Whole(Job),
    Lines(StdinLines),
}

/// Decides how to read standard input, reading only as far as the first non-blank line.
fn open_stdin(mut reader: BufReader<Stdin>, forced: Option<Format>) -> StdinMode {
    let mut head = Vec::new();
    let mut skipped = 0;
    let first = loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break None,
            Ok(_) if line.trim_ascii().is_empty() => {
                skipped += 1;
                head.extend(line);
            }
            Ok(_) => break Some(line),
            Err(e) => return StdinMode::Whole(Job::Failed(stdin_error(None, &e))),
        }
    };
    let is_lines = match forced {
        Some(Format::Jsonl) => true,
        Some(_) => false,
        None => first.as_deref().is_some_and(is_json_object),
    };
    if is_lines {
        return StdinMode::Lines(StdinLines {
            reader,
            number: skipped,
            first,
            ended: false,
        });
    }
    head.extend(first.unwrap_or_default());
    StdinMode::Whole(match reader.read_to_end(&mut head) {
        Ok(_) => Job::Stdin(head),
        Err(e) => Job::Failed(stdin_error(None, &e)),
    })
}

fn is_json_object(line: &[u8]) -> bool {
    let line = without_bom(line).trim_ascii();
    line.starts_with(b"{") && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

/// Drops a UTF-8 byte-order mark, which some exporters put before the first line.
fn without_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
}

fn stdin_error(line: Option<usize>, e: &std::io::Error) -> ReadError {
    ReadError {
        path: "-".to_string(),
        line,
        message: format!("cannot read standard input: {e}"),
    }
}

/// Standard input as JSON Lines: one job per non-blank line, read as they are asked for.
struct StdinLines {
    reader: BufReader<Stdin>,
    /// Number of the last line read.
    number: usize,
    /// The line read while deciding the mode, not yet handed out.
    first: Option<Vec<u8>>,
    /// A read failed: nothing more will come.
    ended: bool,
}

impl Iterator for StdinLines {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if self.ended {
            return None;
        }
        loop {
            let bytes = match self.first.take() {
                Some(line) => line,
                None => {
                    let mut line = Vec::new();
                    match self.reader.read_until(b'\n', &mut line) {
                        Ok(0) => return None,
                        Ok(_) => line,
                        Err(e) => {
                            // A read error ends the stream: report it once, on its line.
                            self.ended = true;
                            self.number += 1;
                            return Some(Job::Failed(stdin_error(Some(self.number), &e)));
                        }
                    }
                }
            };
            self.number += 1;
            if !bytes.trim_ascii().is_empty() {
                return Some(Job::Line {
                    number: self.number,
                    bytes,
                });
            }
        }
    }
}

/// Reads and scores jobs: everything a worker thread needs, shared read-only.
pub struct Scorer<'a> {
    pub ruleset: &'a RuleSet,
    pub overrides: &'a RoleOverrides,
    pub forced: Option<Format>,
}

impl Scorer<'_> {
    /// Reads one job and scores its calls. Never panics: a bug in a reader or rule on one odd
    /// input becomes an error for that input, and the run goes on.
    pub fn unit(&self, job: Job) -> Unit {
        let path = match &job {
            Job::File(input) => input.display(),
            _ => "-".to_string(),
        };
        let line = match &job {
            Job::Line { number, .. } => Some(*number),
            _ => None,
        };
        panic::catch_unwind(AssertUnwindSafe(|| self.unit_unguarded(job))).unwrap_or_else(|_| {
            Err(ReadError {
                path,
                line,
                message: "internal error while scoring this input (a callscore bug: please \
                          report it with the file)"
                    .to_string(),
            })
        })
    }

    fn unit_unguarded(&self, job: Job) -> Unit {
        let transcripts = match job {
            Job::File(input) => inputs::read(&input, self.forced)?,
            Job::Stdin(bytes) => callscore::transcript::parse("-", &bytes, self.forced)?,
            Job::Line { number, bytes } => read_line(number, &bytes)?,
            Job::Failed(e) => return Err(e),
        };
        for t in &transcripts {
            callscore::transcript::read::require_two_speakers(t)?;
        }
        Ok(transcripts
            .into_iter()
            .map(|t| callscore::score_call(t, self.ruleset, self.overrides))
            .collect())
    }
}

/// One JSON Lines line from standard input: a callscore JSON call, read as the JSON Lines reader
/// reads a line of a file. Errors name the stdin line; a call without an id is `stdin:<line>`.
fn read_line(number: usize, bytes: &[u8]) -> Result<Vec<Transcript>, ReadError> {
    let bytes = without_bom(bytes).trim_ascii_end();
    let mut calls =
        callscore::transcript::parse("-", bytes, Some(Format::Json)).map_err(|e| ReadError {
            line: Some(number),
            ..e
        })?;
    for t in &mut calls {
        t.format = Format::Jsonl;
        if t.id == default_call_id("-") {
            t.id = format!("{}:{number}", t.id);
        }
    }
    Ok(calls)
}
