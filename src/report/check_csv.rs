//! `check --format csv`: one row per finding, the columns of SPEC section 5.

use super::{ReportWriter, RunInfo, Summary, Unit, csv_number, csv_text, csv_writer};
use std::io::{self, Write};

pub const COLUMNS: [&str; 12] = [
    "path",
    "call_id",
    "line",
    "start_s",
    "speaker",
    "role",
    "rule",
    "severity",
    "message",
    "excerpt",
    "related_line",
    "penalty",
];

#[derive(Default)]
pub struct CheckCsvWriter;

impl ReportWriter for CheckCsvWriter {
    fn begin(&mut self, out: &mut dyn Write, _run: &RunInfo) -> io::Result<()> {
        let mut csv = csv_writer(out);
        csv.write_record(COLUMNS)?;
        csv.flush()
    }

    fn unit(&mut self, out: &mut dyn Write, _run: &RunInfo, unit: &Unit) -> io::Result<()> {
        let mut csv = csv_writer(out);
        for call in unit.iter().flatten() {
            for f in &call.findings {
                csv.write_record([
                    csv_text(&call.path).as_ref(),
                    &csv_text(&call.call_id),
                    &f.line.to_string(),
                    &f.start_s.map(csv_number).unwrap_or_default(),
                    &csv_text(&f.speaker),
                    f.role.as_str(),
                    &f.rule,
                    f.severity.as_str(),
                    &csv_text(&f.message),
                    &csv_text(&f.excerpt),
                    &f.related_line.map(|l| l.to_string()).unwrap_or_default(),
                    &f.penalty.to_string(),
                ])?;
            }
        }
        csv.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _run: &RunInfo, _s: &Summary) -> io::Result<()> {
        Ok(())
    }
}
