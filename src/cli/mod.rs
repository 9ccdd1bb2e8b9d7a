//! The command line: clap definitions, and one file per subcommand.

pub mod annotate;
pub mod batch;
pub mod check;
pub mod driver;
pub mod eval;
pub mod inputs;
pub mod progress;
pub mod readahead;
pub mod rules;
pub mod score;
pub mod shared;
pub mod sources;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "callscore",
    version,
    about = "Score sales-call transcripts: train selling, purpose-less openers, unanswered questions."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score calls: one row per call (spreadsheets, dashboards).
    Score(RunArgs),
    /// Lint calls or scripts: one line per finding (CI).
    Check(RunArgs),
    /// Show what callscore sees in each utterance (debugging, evaluation).
    Annotate(RunArgs),
    /// List the rules, or explain one: what it flags, why, example, fix.
    Rules(RulesArgs),
    /// Measure the rules against hand-labelled calls (DIR/labels.json).
    Eval(EvalArgs),
}

/// Options shared by score, check and annotate.
#[derive(Debug, Args, Clone)]
pub struct RunArgs {
    /// Files or folders (searched recursively); `-` reads standard input.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
    /// Fail (exit 1) when a finding is at or above this severity.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Fail (exit 1) when a call scores below N.
    #[arg(long, value_name = "N")]
    pub min_score: Option<u32>,
    /// Score only the K-th of N slices of the sorted file list (e.g. 2/8).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
}

/// Options every subcommand that reads a rule file or writes a report shares.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// A rule file; `extends = "default"` in it inherits the defaults.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Output format: text, csv, json, jsonl (check also: sarif, junit).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Number of worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// A speaker name to treat as the rep (repeatable).
    #[arg(long, value_name = "NAME")]
    pub rep: Vec<String>,
    /// A speaker name to treat as the prospect (repeatable).
    #[arg(long, value_name = "NAME")]
    pub prospect: Vec<String>,
    /// Read inputs as this format instead of detecting it.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// Print nothing but results and errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args, Clone)]
pub struct RulesArgs {
    /// A rule id to explain.
    pub rule: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args, Clone)]
pub struct EvalArgs {
    /// A folder with labels.json and the labelled calls.
    pub dir: PathBuf,
    #[command(flatten)]
    pub common: CommonArgs,
    /// Fail (exit 1) when any rule's F1 is below this.
    #[arg(long, value_name = "F1")]
    pub min_f1: Option<f64>,
}

/// How a run ended, mapped to the exit code by main.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 1: a finding at or above --fail-on, or a score below --min-score.
    Failed,
    /// Exit 2: an input could not be read (the rest were reported).
    InputErrors,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Score(args) => score::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Annotate(args) => annotate::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Eval(args) => eval::run(&args),
    }
}
