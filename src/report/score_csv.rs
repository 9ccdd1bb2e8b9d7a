//! `score --format csv`: one row per call, the columns of SPEC section 5, then one finding-count
//! column per enabled rule (named by rule id, in rule-set order).

use super::{ReportWriter, RunInfo, Summary, Unit, csv_number, csv_text, csv_writer};
use crate::score::CallReport;
use std::io::{self, Write};

/// The fixed columns, in order; rule columns follow.
pub const COLUMNS: [&str; 18] = [
    "path",
    "call_id",
    "format",
    "score",
    "rep",
    "prospect",
    "role_source",
    "utterances",
    "turns",
    "duration_s",
    "rep_talk_share",
    "rep_longest_monologue_words",
    "prospect_questions",
    "prospect_questions_unanswered",
    "rep_questions",
    "errors",
    "warnings",
    "infos",
];

#[derive(Default)]
pub struct ScoreCsvWriter;

fn row(call: &CallReport, run: &RunInfo) -> Vec<String> {
    let m = &call.metrics;
    let mut cells = vec![
        csv_text(&call.path).into_owned(),
        csv_text(&call.call_id).into_owned(),
        call.format.to_string(),
        call.score.to_string(),
        csv_text(&call.roles.rep.join(";")).into_owned(),
        csv_text(&call.roles.prospect.join(";")).into_owned(),
        call.roles.source.to_string(),
        m.utterances.to_string(),
        m.turns.to_string(),
        m.duration_s.map(csv_number).unwrap_or_default(),
        csv_number(m.rep_talk_share),
        m.rep_longest_monologue_words.to_string(),
        m.prospect_questions.to_string(),
        m.prospect_questions_unanswered.to_string(),
        m.rep_questions.to_string(),
        m.errors.to_string(),
        m.warnings.to_string(),
        m.infos.to_string(),
    ];
    for rule in &run.rules {
        let n = call.findings.iter().filter(|f| f.rule == rule.id).count();
        cells.push(n.to_string());
    }
    cells
}

impl ReportWriter for ScoreCsvWriter {
    fn begin(&mut self, out: &mut dyn Write, run: &RunInfo) -> io::Result<()> {
        let mut csv = csv_writer(out);
        let rule_ids = run.rules.iter().map(|r| r.id.as_str());
        csv.write_record(COLUMNS.iter().copied().chain(rule_ids))?;
        csv.flush()
    }

    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()> {
        let mut csv = csv_writer(out);
        for call in unit.iter().flatten() {
            csv.write_record(row(call, run))?;
        }
        csv.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _run: &RunInfo, _s: &Summary) -> io::Result<()> {
        Ok(())
    }
}
