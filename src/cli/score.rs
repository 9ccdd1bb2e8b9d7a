//! `callscore score`: one row per call, for spreadsheets and dashboards.

use super::{Outcome, RunArgs, batch};
use callscore::report::{
    ReportWriter, json::JsonWriter, jsonl::JsonlWriter, score_csv::ScoreCsvWriter,
    score_text::ScoreTextWriter,
};

pub fn run(args: &RunArgs) -> anyhow::Result<Outcome> {
    let writer: Box<dyn ReportWriter> = match args.common.format.as_deref().unwrap_or("text") {
        "text" => Box::new(ScoreTextWriter),
        "csv" => Box::<ScoreCsvWriter>::default(),
        "json" => Box::<JsonWriter>::default(),
        "jsonl" => Box::new(JsonlWriter),
        other => anyhow::bail!("score has no format '{other}'; use text, csv, json or jsonl"),
    };
    // Scores fail a run only when asked to (--fail-on, --min-score).
    batch::run(args, writer, None)
}
