//! The run behind `score` and `check`: inputs → jobs → parallel scoring → one report writer.

use super::driver::{self, Flow, Sink};
use super::inputs::{self, Input};
use super::progress::{self, Progress};
use super::shared::{self, Shard};
use super::sources::{Jobs, Scorer};
use super::{Outcome, RunArgs};
use anyhow::Context;
use callscore::report::{Gate, ReportWriter, RunInfo, Summary, Unit};
use callscore::rules::{RuleSet, Severity};
use callscore::transcript::ReadError;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// Runs `score` or `check` with `writer`; `default_fail_on` applies when `--fail-on` is not given.
pub fn run(
    args: &RunArgs,
    writer: Box<dyn ReportWriter>,
    default_fail_on: Option<Severity>,
) -> anyhow::Result<Outcome> {
    let common = &args.common;
    let threads = shared::threads(common)?;
    let forced = shared::input_format(common)?;
    let ruleset = shared::load_ruleset(common)?;
    let (inputs, missing) = select_inputs(args)?;
    let overrides = shared::role_overrides(common);
    let run = run_info(args, &ruleset, default_fail_on);
    let streaming = inputs.contains(&Input::Stdin);
    let total = (!streaming).then_some((inputs.len() + missing.len()) as u64);
    // A person watching a terminal sees rows as calls finish, as does the next step of a stream;
    // a file or a pipe gets full buffers.
    let flush_bursts = streaming || (common.output.is_none() && std::io::stdout().is_terminal());
    let mut report = Report {
        summary: Summary::new(&run),
        out: shared::open_output(common)?,
        writer,
        run,
        progress: Progress::new(progress::wanted(common), total),
        flush_bursts,
        failure: None,
    };
    report.begin();
    for e in missing {
        report.take((true, Err(e)));
    }
    if report.failure.is_none() {
        let scorer = Scorer {
            ruleset: &ruleset,
            overrides: &overrides,
            forced,
        };
        let jobs = Jobs::new(inputs, forced);
        let work = |job: super::sources::Job| (job.starts_input(), scorer.unit(job));
        driver::run_ordered(threads, jobs, work, &mut report)?;
    }
    report.finish()
}

/// The inputs to read, in order (this shard's slice), and the paths that do not exist.
fn select_inputs(args: &RunArgs) -> anyhow::Result<(Vec<Input>, Vec<ReadError>)> {
    let shard = args.shard.as_deref().map(Shard::parse).transpose()?;
    if args.paths.is_empty() {
        anyhow::bail!("no inputs: give files or folders, or - to read standard input");
    }
    let (mut inputs, missing) = inputs::collect(&args.paths);
    if let Some(shard) = shard {
        if inputs.contains(&Input::Stdin) {
            anyhow::bail!("--shard slices a file list; it cannot be used with - (standard input)");
        }
        inputs = shard.slice(inputs);
    }
    drop_output_file(&mut inputs, args.common.output.as_deref());
    Ok((inputs, missing))
}

fn run_info(args: &RunArgs, ruleset: &RuleSet, default_fail_on: Option<Severity>) -> RunInfo {
    let fail_on = args.fail_on.map(shared::fail_on_severity);
    RunInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        ruleset: ruleset.name.clone(),
        rules: shared::rule_catalog(ruleset),
        gate: Gate {
            fail_on: fail_on.or(default_fail_on),
            min_score: args.min_score,
        },
        color: shared::use_color(&args.common),
        quiet: args.common.quiet,
    }
}

/// Writing the report as units arrive: the writer, the running summary, the progress bar.
struct Report {
    out: Box<dyn Write + Send>,
    writer: Box<dyn ReportWriter>,
    run: RunInfo,
    summary: Summary,
    progress: Progress,
    /// Flush after every burst of results, for readers of a stream or a terminal.
    flush_bursts: bool,
    /// The first write error; once set, nothing more is written.
    failure: Option<io::Error>,
}

impl Report {
    fn begin(&mut self) {
        if let Err(e) = self.writer.begin(&mut self.out, &self.run) {
            self.failure = Some(e);
        }
    }

    fn finish(mut self) -> anyhow::Result<Outcome> {
        self.progress.finish();
        let result = match self.failure.take() {
            Some(e) => Err(e),
            None => self
                .writer
                .finish(&mut self.out, &self.run, &self.summary)
                .and_then(|()| self.out.flush()),
        };
        match result {
            // Whoever reads our output stopped (`| head`): not an error of ours.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            other => other.context("cannot write the report")?,
        }
        let s = &self.summary;
        Ok(if !s.input_errors.is_empty() {
            Outcome::InputErrors
        } else if s.failed > 0 {
            Outcome::Failed
        } else {
            Outcome::Clean
        })
    }
}

/// A unit, and whether it begins a new input (the progress bar counts files, not the lines of a
/// JSON Lines file).
impl Sink<(bool, Unit)> for Report {
    fn take(&mut self, (new_input, unit): (bool, Unit)) -> Flow {
        self.summary.add(&unit, &self.run.gate);
        match &unit {
            Ok(calls) => self.progress.advance(new_input, calls.len()),
            Err(e) => {
                self.progress.message(&format!("error: {e}"));
                self.progress.advance(new_input, 0);
            }
        }
        if self.failure.is_some() {
            return Flow::Stop;
        }
        match self.writer.unit(&mut self.out, &self.run, &unit) {
            Ok(()) => Flow::Continue,
            Err(e) => {
                self.failure = Some(e);
                Flow::Stop
            }
        }
    }

    fn idle(&mut self) {
        if self.flush_bursts
            && self.failure.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failure = Some(e);
        }
    }
}

/// Leaves out the report file itself when it lies among the inputs (a CSV from the last run).
/// Only inputs with the report's file name are resolved: resolving every path of a large folder
/// costs a system call per path component. (A link to the report under another name is read.)
fn drop_output_file(inputs: &mut Vec<Input>, output: Option<&Path>) {
    let Some(output) = output.and_then(|p| p.canonicalize().ok()) else {
        return;
    };
    inputs.retain(|i| match i {
        Input::File(p) | Input::Found(p) => {
            p.file_name() != output.file_name()
                || p.canonicalize().ok().as_deref() != Some(output.as_path())
        }
        Input::Stdin => true,
    });
}
