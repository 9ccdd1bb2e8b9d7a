//! Where calls come from: a lazy stream of jobs over the inputs, and scoring one job.
//!
//! Standard input is read in one of two ways. JSON Lines (`--input-format jsonl`, or a first
//! line that is a whole JSON object) is split into one job per line as lines arrive, so that
//! `score --format jsonl -` works as a streaming map step; anything else is read whole.
//! A `.jsonl` file is streamed the same way: memory stays flat however many calls it holds,
//! and a bad line is an error for that call only. Every other file is one job, read whole by
//! the worker that scores it, after it asks the disk for the files a few dozen jobs ahead
//! (`readahead`).

use super::inputs::{self, Input};
use super::readahead;
use callscore::report::Unit;
use callscore::rules::RuleSet;
use callscore::transcript::model::default_call_id;
use callscore::transcript::{Format, ReadError, RoleOverrides, Transcript, read};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

/// One unit of work: what one output unit is made from.
#[derive(Debug)]
pub enum Job {
    /// A file named on the command line or found in a folder (never `Input::Stdin`), and the
    /// files further on in the list that the worker asks the disk for first (see `readahead`):
    /// the worker does it, not the source, because the source is read under a lock and opening
    /// a file can take a network round trip.
    File { input: Input, ahead: Vec<Input> },
    /// All of standard input, read as one input.
    Stdin(Vec<u8>),
    /// One line of JSON Lines (1-based line number), from standard input or from `file`.
    Line {
        file: Option<FileLine>,
        number: usize,
        bytes: Vec<u8>,
    },
    /// Standard input could not be read.
    Failed(ReadError),
}

/// Where a line of a JSON Lines file comes from.
#[derive(Debug)]
pub struct FileLine {
    pub path: Arc<str>,
    /// The file's first call: the progress bar counts files, not lines.
    pub first: bool,
}

impl Job {
    /// Whether this job begins a new input, as the progress bar counts them: a file, or a line
    /// of standard input (whose count is its only measure), but not a later line of a file.
    pub fn starts_input(&self) -> bool {
        match self {
            Job::Line {
                file: Some(file), ..
            } => file.first,
            _ => true,
        }
    }
}

/// The jobs for a list of inputs, produced lazily: standard input and JSON Lines files are read
/// only as jobs are taken.
pub struct Jobs {
    inputs: std::vec::IntoIter<Input>,
    forced: Option<Format>,
    lines: Option<JsonLines>,
    /// No input has been taken yet.
    first: bool,
    /// Inputs to request from the disk, handed to the next job that reads a file whole.
    to_request: Vec<Input>,
}

impl Jobs {
    pub fn new(inputs: Vec<Input>, forced: Option<Format>) -> Jobs {
        Jobs {
            inputs: inputs.into_iter(),
            forced,
            lines: None,
            first: true,
            to_request: Vec::new(),
        }
    }

    /// Takes the next input, and queues the inputs to request from the disk now.
    fn next_input(&mut self) -> Option<Input> {
        let input = self.inputs.next()?;
        let due = readahead::due(self.inputs.as_slice(), self.first);
        self.to_request.extend_from_slice(due);
        self.first = false;
        Some(input)
    }

    /// A job for a file read whole, carrying the queued requests (a JSON Lines file or standard
    /// input leaves them for the next such job).
    fn file_job(&mut self, input: Input) -> Job {
        let ahead = std::mem::take(&mut self.to_request);
        Job::File { input, ahead }
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
        let input = self.next_input()?;
        let mode = match &input {
            Input::Stdin => {
                let reader = BufReader::with_capacity(1 << 16, std::io::stdin());
                open_stdin(Box::new(reader), self.forced)
            }
            Input::File(path) | Input::Found(path) if streams_lines(path, self.forced) => {
                open_jsonl_file(&input, path)
            }
            Input::File(_) | Input::Found(_) => return Some(self.file_job(input)),
        };
        match mode {
            Mode::Whole(None) => Some(self.file_job(input)),
            Mode::Whole(Some(job)) => Some(job),
            Mode::Lines(lines) => {
                self.lines = Some(lines);
                self.next()
            }
            Mode::Skip => self.next(),
        }
    }
}

/// How an input is read.
enum Mode {
    /// As one job: the given one, or (`None`) the file read whole by a worker.
    Whole(Option<Job>),
    /// One job per line.
    Lines(JsonLines),
    /// Not at all: a JSON Lines file found in a folder that holds no transcripts.
    Skip,
}

type LineReader = Box<dyn BufRead + Send>;

/// A file streams line by line when it is JSON Lines by name or by `--input-format jsonl`.
fn streams_lines(path: &Path, forced: Option<Format>) -> bool {
    match forced {
        Some(format) => format == Format::Jsonl,
        None => read::format_of_name(&path.to_string_lossy()) == Some(Format::Jsonl),
    }
}

/// Opens a JSON Lines file for streaming. Anything unusual at its start (an empty file, UTF-16,
/// content of another format, an unreadable file) goes to the whole-file reader instead, so its
/// error reads exactly as for other files; a file found in a folder whose first object is no
/// transcript (a labels or data file) is skipped, as the whole-file reader would skip it.
fn open_jsonl_file(input: &Input, path: &Path) -> Mode {
    let Ok(file) = File::open(path) else {
        return Mode::Whole(None);
    };
    let reader: LineReader = Box::new(BufReader::with_capacity(1 << 16, file));
    let Some((mut lines, first)) = JsonLines::open(reader) else {
        return Mode::Whole(None);
    };
    let first_text = std::str::from_utf8(without_bom(&first)).unwrap_or_default();
    if !is_json_object(&first) || first.contains(&0) {
        return Mode::Whole(None);
    }
    if matches!(input, Input::Found(_)) && read::is_other_json(first_text) {
        return Mode::Skip;
    }
    lines.file = Some(Arc::from(input.display()));
    lines.first = Some(first);
    Mode::Lines(lines)
}

/// Decides how to read standard input, reading only as far as the first non-blank line.
fn open_stdin(mut reader: LineReader, forced: Option<Format>) -> Mode {
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
            Err(e) => return Mode::Whole(Some(Job::Failed(stdin_error(None, &e)))),
        }
    };
    let is_lines = match forced {
        Some(Format::Jsonl) => true,
        Some(_) => false,
        None => first.as_deref().is_some_and(is_json_object),
    };
    if is_lines {
        return Mode::Lines(JsonLines {
            reader,
            file: None,
            number: skipped,
            first,
            ended: false,
            given: 0,
        });
    }
    head.extend(first.unwrap_or_default());
    Mode::Whole(Some(match reader.read_to_end(&mut head) {
        Ok(_) => Job::Stdin(head),
        Err(e) => Job::Failed(stdin_error(None, &e)),
    }))
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

/// JSON Lines, from standard input or a file: one job per non-blank line, read as they are
/// asked for.
struct JsonLines {
    reader: LineReader,
    /// The file read, or `None` for standard input.
    file: Option<Arc<str>>,
    /// Number of the last line read.
    number: usize,
    /// The line read while deciding the mode, not yet handed out.
    first: Option<Vec<u8>>,
    /// A read failed: nothing more will come.
    ended: bool,
    /// Lines handed out so far.
    given: usize,
}

impl JsonLines {
    /// Reads up to the first non-blank line of a file; `None` when there is none or the read
    /// fails (the whole-file reader then says why).
    fn open(mut reader: LineReader) -> Option<(JsonLines, Vec<u8>)> {
        let mut number = 0;
        loop {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) if line.trim_ascii().is_empty() => number += 1,
                Ok(_) => {
                    let lines = JsonLines {
                        reader,
                        file: None,
                        number,
                        first: None,
                        ended: false,
                        given: 0,
                    };
                    return Some((lines, line));
                }
            }
        }
    }

    fn read_error(&self, e: &std::io::Error) -> ReadError {
        match &self.file {
            None => stdin_error(Some(self.number), e),
            Some(path) => ReadError {
                path: path.to_string(),
                line: Some(self.number),
                message: format!("cannot read: {e}"),
            },
        }
    }
}

impl Iterator for JsonLines {
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
                            return Some(Job::Failed(self.read_error(&e)));
                        }
                    }
                }
            };
            self.number += 1;
            if !bytes.trim_ascii().is_empty() {
                self.given += 1;
                let file = self.file.as_ref().map(|path| FileLine {
                    path: Arc::clone(path),
                    first: self.given == 1,
                });
                return Some(Job::Line {
                    file,
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
            Job::File { input, .. } => input.display(),
            Job::Line {
                file: Some(file), ..
            } => file.path.to_string(),
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
            Job::File { input, ahead } => {
                ahead.iter().for_each(readahead::request);
                inputs::read(&input, self.forced)?
            }
            Job::Stdin(bytes) => callscore::transcript::parse("-", &bytes, self.forced)?,
            Job::Line {
                file: Some(file),
                number,
                bytes,
            } => vec![read::parse_jsonl_line(&file.path, &bytes, number)?],
            Job::Line {
                file: None,
                number,
                bytes,
            } => read_line(number, &bytes)?,
            Job::Failed(e) => return Err(e),
        };
        for t in &transcripts {
            read::require_two_speakers(t)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The files of the jobs, and the files they ask the disk for, in order.
    fn taken(jobs: Jobs) -> (Vec<String>, Vec<String>) {
        let (mut files, mut requested) = (Vec::new(), Vec::new());
        for job in jobs {
            let Job::File { input, ahead } = job else {
                panic!("not a file job: {job:?}");
            };
            files.push(input.display());
            requested.extend(ahead.iter().map(Input::display));
        }
        (files, requested)
    }

    #[test]
    fn every_file_after_the_first_is_requested_once_before_its_job() {
        // More files than are requested ahead, some missing (their error is the reader's
        // to give), and a short list with fewer files than that.
        let dir = tempfile::tempdir().unwrap();
        let inputs: Vec<Input> = (0..readahead::FILES_AHEAD * 2 + 5)
            .map(|i| {
                let path = dir.path().join(format!("call-{i:03}.txt"));
                if i % 7 != 3 {
                    std::fs::write(&path, "Rep: hi\nProspect: hello\n").unwrap();
                }
                Input::Found(path)
            })
            .collect();
        let names: Vec<String> = inputs.iter().map(Input::display).collect();
        for n in [inputs.len(), 3, 1] {
            let (files, requested) = taken(Jobs::new(inputs[..n].to_vec(), None));
            assert_eq!(files, names[..n]);
            assert_eq!(requested, names[1..n]);
        }
        // The first job asks for the first FILES_AHEAD files after it, each later job for one.
        let mut jobs = Jobs::new(inputs, None);
        let Some(Job::File { ahead, .. }) = jobs.next() else {
            panic!("no first job")
        };
        assert_eq!(ahead.len(), readahead::FILES_AHEAD);
        let Some(Job::File { ahead, .. }) = jobs.next() else {
            panic!("no second job")
        };
        assert_eq!(
            ahead.iter().map(Input::display).collect::<Vec<_>>(),
            [names[readahead::FILES_AHEAD + 1].clone()]
        );
    }
}
