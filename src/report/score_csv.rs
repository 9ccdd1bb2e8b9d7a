//! `score --format csv`: one row per call, the columns of SPEC section 5, then one finding-count
//! column per enabled rule (named by rule id, in rule-set order).

use super::{
    ReportWriter, RunInfo, Summary, Unit, csv_number, csv_text, csv_writer, csv_writer_sized,
};
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

/// Room for a typical row: the buffer of a unit's CSV writer is allocated and zeroed per unit,
/// and a longer row just reaches the output in pieces.
const ROW_BYTES: usize = 1024;

/// Writes one call's row field by field: numbers are formatted on the stack rather than as a
/// `String` each.
fn write_row<W: Write>(
    csv: &mut csv::Writer<W>,
    call: &CallReport,
    run: &RunInfo,
) -> csv::Result<()> {
    let m = &call.metrics;
    let mut digits = Digits::default();
    csv.write_field(csv_text(&call.path).as_bytes())?;
    csv.write_field(csv_text(&call.call_id).as_bytes())?;
    csv.write_field(call.format.as_str())?;
    csv.write_field(digits.of(call.score as usize))?;
    csv.write_field(csv_text(&call.roles.rep.join(";")).as_bytes())?;
    csv.write_field(csv_text(&call.roles.prospect.join(";")).as_bytes())?;
    csv.write_field(call.roles.source.as_str())?;
    csv.write_field(digits.of(m.utterances))?;
    csv.write_field(digits.of(m.turns))?;
    csv.write_field(m.duration_s.map(csv_number).unwrap_or_default())?;
    csv.write_field(csv_number(m.rep_talk_share))?;
    for n in [
        m.rep_longest_monologue_words,
        m.prospect_questions,
        m.prospect_questions_unanswered,
        m.rep_questions,
        m.errors,
        m.warnings,
        m.infos,
    ] {
        csv.write_field(digits.of(n))?;
    }
    for rule in &run.rules {
        let n = call.findings.iter().filter(|f| f.rule == rule.id).count();
        csv.write_field(digits.of(n))?;
    }
    // Ends the record begun by `write_field`.
    csv.write_record(None::<&[u8]>)
}

/// A number in decimal, as `to_string` writes it, in a buffer of its own.
#[derive(Default)]
struct Digits([u8; 20]);

impl Digits {
    fn of(&mut self, mut n: usize) -> &[u8] {
        let mut at = self.0.len();
        loop {
            at -= 1;
            self.0[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return &self.0[at..];
            }
        }
    }
}

impl ReportWriter for ScoreCsvWriter {
    fn begin(&mut self, out: &mut dyn Write, run: &RunInfo) -> io::Result<()> {
        let mut csv = csv_writer(out);
        let rule_ids = run.rules.iter().map(|r| r.id.as_str());
        csv.write_record(COLUMNS.iter().copied().chain(rule_ids))?;
        csv.flush()
    }

    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()> {
        let mut csv = csv_writer_sized(out, ROW_BYTES);
        for call in unit.iter().flatten() {
            write_row(&mut csv, call, run)?;
        }
        csv.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _run: &RunInfo, _s: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_what_to_string_writes() {
        let mut digits = Digits::default();
        for n in [0, 1, 9, 10, 99, 100, 12345, u32::MAX as usize, usize::MAX] {
            assert_eq!(digits.of(n), n.to_string().as_bytes());
        }
    }
}
