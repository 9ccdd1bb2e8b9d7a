//! One writer per output format. Writers take finished reports and write bytes.
//!
//! `score` and `check` stream: a writer sees the run's settings once (`begin`), then one
//! [`Unit`] per input in input order, then the running [`Summary`] (`finish`). No writer keeps
//! the calls it has written, so memory stays flat however many calls go through.

pub mod annotate_jsonl;
pub mod annotate_text;
pub mod check_csv;
pub mod check_text;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod sarif;
pub mod score_csv;
pub mod score_text;
pub mod style;

use crate::rules::{Finding, Severity};
use crate::score::CallReport;
use crate::transcript::ReadError;
use crate::transcript::model::default_call_id;
use std::io::{self, Write};

/// What a report says about one rule of the rule set (SARIF rule metadata, CSV columns).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: String,
    /// What it flags, in a sentence or two.
    pub description: String,
    /// Why it matters and what to do instead.
    pub help: String,
}

/// When a call fails the run (exit code 1): `--fail-on` and `--min-score`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gate {
    pub fail_on: Option<Severity>,
    pub min_score: Option<u32>,
}

impl Gate {
    /// True when this finding alone fails the call.
    pub fn fails_finding(&self, f: &Finding) -> bool {
        self.fail_on.is_some_and(|s| f.severity >= s)
    }

    pub fn fails(&self, call: &CallReport) -> bool {
        self.min_score.is_some_and(|m| call.score < m)
            || call.findings.iter().any(|f| self.fails_finding(f))
    }
}

/// The settings of one run that every writer may need.
#[derive(Debug, Clone)]
pub struct RunInfo {
    /// callscore's version.
    pub version: String,
    /// The rule set's name.
    pub ruleset: String,
    /// The enabled rules, in rule-set order.
    pub rules: Vec<RuleInfo>,
    pub gate: Gate,
    /// ANSI colours in text formats.
    pub color: bool,
    /// Text formats leave out their closing summary.
    pub quiet: bool,
}

/// What one input gave: its calls (a JSON Lines file gives many), or why it could not be read.
pub type Unit = Result<Vec<CallReport>, ReadError>;

/// Running totals over the calls written so far: all the summaries need, without the calls.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub calls: usize,
    /// Calls that fail the run's [`Gate`].
    pub failed: usize,
    pub score_sum: u64,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Finding counts per rule: enabled rules in rule-set order, then any other rule as seen.
    pub by_rule: Vec<(String, usize)>,
    /// Inputs that could not be read.
    pub input_errors: Vec<ReadError>,
}

impl Summary {
    pub fn new(run: &RunInfo) -> Summary {
        Summary {
            by_rule: run.rules.iter().map(|r| (r.id.clone(), 0)).collect(),
            ..Summary::default()
        }
    }

    pub fn add(&mut self, unit: &Unit, gate: &Gate) {
        match unit {
            Ok(calls) => calls.iter().for_each(|c| self.add_call(c, gate)),
            Err(e) => self.input_errors.push(e.clone()),
        }
    }

    fn add_call(&mut self, call: &CallReport, gate: &Gate) {
        self.calls += 1;
        self.failed += usize::from(gate.fails(call));
        self.score_sum += u64::from(call.score);
        self.errors += call.metrics.errors;
        self.warnings += call.metrics.warnings;
        self.infos += call.metrics.infos;
        for f in &call.findings {
            match self.by_rule.iter_mut().find(|(id, _)| *id == f.rule) {
                Some((_, n)) => *n += 1,
                None => self.by_rule.push((f.rule.clone(), 1)),
            }
        }
    }

    /// Mean score rounded to two decimals; `None` before the first call.
    pub fn mean_score(&self) -> Option<f64> {
        (self.calls > 0).then(|| round_to(self.score_sum as f64 / self.calls as f64, 2))
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// A streaming report writer: `begin`, then `unit` per input in order, then `finish`. Whichever
/// worker finishes the next input writes it, hence `Send`.
pub trait ReportWriter: Send {
    fn begin(&mut self, out: &mut dyn Write, run: &RunInfo) -> io::Result<()> {
        let _ = (out, run);
        Ok(())
    }
    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo, summary: &Summary) -> io::Result<()>;
}

/// Rounds for display without locale or float noise: 0.6129 → 0.613.
pub fn round_to(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

/// How a report names a call: its path, plus its id when that is not just the file's stem.
pub fn call_label(call: &CallReport) -> String {
    if call.call_id == default_call_id(&call.path) {
        call.path.clone()
    } else {
        format!("{} ({})", call.path, call.call_id)
    }
}

/// The finding that hurts most: highest severity, then highest penalty, then earliest.
pub fn worst_finding(call: &CallReport) -> Option<&Finding> {
    call.findings.iter().min_by(|a, b| {
        (b.severity, b.penalty)
            .cmp(&(a.severity, a.penalty))
            .then(a.line.cmp(&b.line))
    })
}

/// A text cell for CSV. Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or carriage return: OWASP's list) get a leading `'`, because transcripts are
/// untrusted text and the CSV is made to be opened in a spreadsheet. Numeric columns are never
/// text cells, so they stay numbers.
pub fn csv_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A CSV writer over `out` for one unit's rows: RFC 4180 quoting and CRLF line ends.
/// Flush it before dropping it: that moves its rows into `out`, but leaves `out` itself to the
/// run, which flushes once at the end (or per burst on a stream), not once per call.
pub fn csv_writer(out: &mut dyn Write) -> csv::Writer<Unflushed<'_>> {
    csv_writer_sized(out, 8 * 1024)
}

/// `csv_writer` with a buffer of `capacity` bytes: a writer made per unit costs the allocation
/// and zeroing of its buffer each time, so one for a row or two needs no more than a row's room.
pub fn csv_writer_sized(out: &mut dyn Write, capacity: usize) -> csv::Writer<Unflushed<'_>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(capacity)
        .from_writer(Unflushed(out))
}

/// A writer whose `flush` does nothing: the csv crate's flush also flushes what it writes to,
/// which would cost a write call per call.
pub struct Unflushed<'a>(&'a mut dyn Write);

impl Write for Unflushed<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A number for CSV: integers stay integers, fractions lose float noise (0.613, not 0.61299…).
pub fn csv_number(x: f64) -> String {
    round_to(x, 3).to_string()
}

/// "; 2 inputs could not be read" for a summary line, or nothing when every input was read.
pub fn unreadable_note(s: &Summary) -> String {
    match s.input_errors.len() {
        0 => String::new(),
        n => format!("; {} could not be read", count(n, "input")),
    }
}

/// "1 error", "2 warnings": a count and a noun, pluralised.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Metrics, Roles};
    use crate::transcript::{Format, Role, RoleSource};

    fn finding(rule: &str, severity: Severity, line: usize, penalty: u32) -> Finding {
        Finding {
            rule: rule.into(),
            severity,
            line,
            start_s: None,
            speaker: "Dana".into(),
            role: Role::Rep,
            message: "m".into(),
            excerpt: "e".into(),
            related_line: None,
            penalty,
        }
    }

    fn call(score: u32, findings: Vec<Finding>) -> CallReport {
        CallReport {
            path: "calls/a.txt".into(),
            call_id: "a".into(),
            format: Format::Text,
            score,
            roles: Roles {
                rep: vec![],
                prospect: vec![],
                source: RoleSource::Cli,
            },
            metrics: Metrics::default(),
            findings,
        }
    }

    #[test]
    fn gate_fails_at_or_above_severity_and_below_min_score() {
        let warn = call(90, vec![finding("monologue", Severity::Warning, 4, 5)]);
        let on_error = Gate {
            fail_on: Some(Severity::Error),
            min_score: None,
        };
        let on_warning = Gate {
            fail_on: Some(Severity::Warning),
            min_score: None,
        };
        let min_95 = Gate {
            fail_on: None,
            min_score: Some(95),
        };
        assert!(!on_error.fails(&warn));
        assert!(on_warning.fails(&warn));
        assert!(min_95.fails(&warn));
        assert!(!Gate::default().fails(&warn));
    }

    #[test]
    fn worst_finding_prefers_severity_then_penalty_then_line() {
        let c = call(
            50,
            vec![
                finding("monologue", Severity::Warning, 2, 30),
                finding("train-selling", Severity::Error, 9, 10),
                finding("unanswered-question", Severity::Error, 5, 10),
            ],
        );
        assert_eq!(worst_finding(&c).unwrap().rule, "unanswered-question");
    }

    #[test]
    fn csv_text_defuses_formulas_only() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("-1 for that"), "'-1 for that");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("fine = ok"), "fine = ok");
        assert_eq!(csv_number(0.61299), "0.613");
        assert_eq!(csv_number(60.0), "60");
    }

    #[test]
    fn call_label_names_the_id_only_when_it_differs_from_the_stem() {
        let mut c = call(100, vec![]);
        assert_eq!(call_label(&c), "calls/a.txt");
        c.call_id = "acme-7".into();
        assert_eq!(call_label(&c), "calls/a.txt (acme-7)");
    }
}
