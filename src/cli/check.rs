//! `callscore check`: one line per finding, for people and CI.

use super::{Outcome, RunArgs, batch};
use callscore::report::{
    ReportWriter, check_csv::CheckCsvWriter, check_text::CheckTextWriter, json::JsonWriter,
    jsonl::JsonlWriter, junit::JunitWriter, sarif::SarifWriter,
};
use callscore::rules::Severity;

pub fn run(args: &RunArgs) -> anyhow::Result<Outcome> {
    let writer: Box<dyn ReportWriter> = match args.common.format.as_deref().unwrap_or("text") {
        "text" => Box::<CheckTextWriter>::default(),
        "csv" => Box::<CheckCsvWriter>::default(),
        "json" => Box::<JsonWriter>::default(),
        "jsonl" => Box::new(JsonlWriter),
        "sarif" => Box::<SarifWriter>::default(),
        "junit" => Box::new(JunitWriter::default()),
        other => anyhow::bail!(
            "check has no format '{other}'; use text, csv, json, jsonl, sarif or junit"
        ),
    };
    // A check fails on errors unless told otherwise.
    batch::run(args, writer, Some(Severity::Error))
}
