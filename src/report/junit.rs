//! `check --format junit`: JUnit XML for CI dashboards. One `<testsuite>` per input, one
//! `<testcase>` per call; a call fails when it has a finding at or above `--fail-on` (or scores
//! below `--min-score`); an unreadable input is a test case with an `<error>`.
//!
//! A suite's counts go in its opening tag, so each suite is written when its input is done.
//! The calls of a JSON Lines file arrive one unit per line and are gathered into one suite.

use super::{ReportWriter, RunInfo, Summary, Unit};
use crate::score::CallReport;
use std::io::{self, Write};

#[derive(Default)]
pub struct JunitWriter {
    /// The suite of the input being read: its calls may still be coming.
    open: Option<Suite>,
}

/// One input's test cases, written out once the next input begins.
struct Suite {
    path: String,
    tests: usize,
    failures: usize,
    cases: Vec<u8>,
}

impl Suite {
    fn write(self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
            escape(&self.path),
            self.tests,
            self.failures
        )?;
        out.write_all(&self.cases)?;
        writeln!(out, "  </testsuite>")
    }
}

impl JunitWriter {
    fn close_suite(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.open.take() {
            Some(suite) => suite.write(out),
            None => Ok(()),
        }
    }
}

/// Escapes text for XML 1.0 content and attributes; drops characters XML cannot carry.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn finding_lines(call: &CallReport, keep: impl Fn(&crate::rules::Finding) -> bool) -> String {
    call.findings
        .iter()
        .filter(|f| keep(f))
        .map(|f| {
            format!(
                "{}:{}: {} {} {}\n    {}: {}\n",
                call.path, f.line, f.severity, f.rule, f.message, f.speaker, f.excerpt
            )
        })
        .collect()
}

fn write_case(out: &mut dyn Write, run: &RunInfo, call: &CallReport) -> io::Result<()> {
    let path = escape(&call.path);
    write!(
        out,
        "    <testcase classname=\"{path}\" name=\"{}\" file=\"{path}\">",
        escape(&call.call_id)
    )?;
    let gate = run.gate;
    if gate.fails(call) {
        let failing = call
            .findings
            .iter()
            .filter(|f| gate.fails_finding(f))
            .count();
        let message = match gate.min_score {
            Some(min) if call.score < min => format!("score {} is below {min}", call.score),
            _ => format!(
                "score {}: {failing} finding(s) at or above the --fail-on level",
                call.score
            ),
        };
        write!(
            out,
            "\n      <failure message=\"{}\" type=\"callscore\">{}</failure>",
            escape(&message),
            escape(&finding_lines(call, |f| gate.fails_finding(f)))
        )?;
    }
    let below = finding_lines(call, |f| !gate.fails_finding(f));
    if !below.is_empty() {
        write!(out, "\n      <system-out>{}</system-out>", escape(&below))?;
    }
    if gate.fails(call) || !below.is_empty() {
        write!(out, "\n    ")?;
    }
    writeln!(out, "</testcase>")
}

impl ReportWriter for JunitWriter {
    fn begin(&mut self, out: &mut dyn Write, _run: &RunInfo) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<testsuites name=\"callscore\">")
    }

    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()> {
        match unit {
            Ok(calls) => {
                let Some(first) = calls.first() else {
                    return Ok(());
                };
                if self.open.as_ref().is_none_or(|s| s.path != first.path) {
                    self.close_suite(out)?;
                    self.open = Some(Suite {
                        path: first.path.clone(),
                        tests: 0,
                        failures: 0,
                        cases: Vec::new(),
                    });
                }
                let suite = self.open.as_mut().expect("a suite was just opened");
                for call in calls {
                    suite.tests += 1;
                    suite.failures += usize::from(run.gate.fails(call));
                    write_case(&mut suite.cases, run, call)?;
                }
                Ok(())
            }
            Err(e) => {
                self.close_suite(out)?;
                let path = escape(&e.path);
                writeln!(
                    out,
                    "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">"
                )?;
                writeln!(
                    out,
                    "    <testcase classname=\"{path}\" name=\"{path}\" file=\"{path}\">\n      <error message=\"{}\" type=\"input\"/>\n    </testcase>",
                    escape(&e.to_string())
                )?;
                writeln!(out, "  </testsuite>")
            }
        }
    }

    fn finish(&mut self, out: &mut dyn Write, _run: &RunInfo, _s: &Summary) -> io::Result<()> {
        self.close_suite(out)?;
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_covers_markup_quotes_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{FFFD}"
        );
    }
}
