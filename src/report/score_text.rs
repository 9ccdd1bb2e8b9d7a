//! `score --format text`: a table with one row per call (score, call, findings per rule, worst
//! finding) and a one-line summary. Columns on the left have fixed widths so that rows can be
//! written as calls finish, without knowing the whole corpus.

use super::check_text::shorten;
use super::style::Style;
use super::{
    ReportWriter, RunInfo, Summary, Unit, call_label, count, unreadable_note, worst_finding,
};
use crate::score::CallReport;
use std::io::{self, Write};

/// Width of the call column; longer names push the rest of their row right.
const CALL_WIDTH: usize = 36;

#[derive(Default)]
pub struct ScoreTextWriter;

impl ReportWriter for ScoreTextWriter {
    fn begin(&mut self, out: &mut dyn Write, run: &RunInfo) -> io::Result<()> {
        let style = Style { color: run.color };
        let header = format!("{:>5}  {:<CALL_WIDTH$}  findings", "score", "call");
        writeln!(out, "{}", style.bold(header.trim_end()))
    }

    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()> {
        let style = Style { color: run.color };
        for call in unit.iter().flatten() {
            write_row(out, style, run, call)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo, s: &Summary) -> io::Result<()> {
        if run.quiet {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(out, "{}", summary_line(s, run))
    }
}

fn write_row(
    out: &mut dyn Write,
    style: Style,
    run: &RunInfo,
    call: &CallReport,
) -> io::Result<()> {
    let label = call_label(call);
    let findings = rule_counts(call, run);
    let mark = if run.gate.fails(call) {
        style.red("✖ ")
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}  {label:<CALL_WIDTH$}  {}{}",
        style.score(call.score, 5),
        mark,
        if findings.is_empty() {
            style.dim("-")
        } else {
            findings
        }
    )?;
    if let Some(f) = worst_finding(call) {
        writeln!(
            out,
            "{:>5}  {} line {}, {} {}: {}",
            "",
            style.dim("worst:"),
            f.line,
            style.severity(f.severity),
            f.rule,
            shorten(&f.message)
        )?;
    }
    Ok(())
}

/// "train-selling 2, monologue 1": counts per rule, in rule-set order, then any other rule.
fn rule_counts(call: &CallReport, run: &RunInfo) -> String {
    let mut ids: Vec<&str> = run.rules.iter().map(|r| r.id.as_str()).collect();
    for f in &call.findings {
        if !ids.contains(&f.rule.as_str()) {
            ids.push(&f.rule);
        }
    }
    ids.iter()
        .filter_map(|id| {
            let n = call.findings.iter().filter(|f| f.rule == *id).count();
            (n > 0).then(|| format!("{id} {n}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "3 calls, mean score 78.33: 2 errors, 1 warning, 0 infos; 1 call failed".
fn summary_line(s: &Summary, run: &RunInfo) -> String {
    let mut line = count(s.calls, "call");
    if let Some(mean) = s.mean_score() {
        line += &format!(", mean score {mean}");
    }
    line += &format!(
        ": {}, {}, {}",
        count(s.errors, "error"),
        count(s.warnings, "warning"),
        count(s.infos, "info")
    );
    if run.gate != Default::default() {
        line += &format!("; {} failed", count(s.failed, "call"));
    }
    line += &unreadable_note(s);
    line
}
