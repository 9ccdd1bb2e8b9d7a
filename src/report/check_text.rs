//! `check --format text`: linter lines `path:line: severity rule message`, each with its excerpt,
//! grouped by call, and a closing summary. Unreadable inputs are reported on standard error.

use super::style::Style;
use super::{ReportWriter, RunInfo, Summary, Unit, count, unreadable_note};
use crate::rules::Finding;
use crate::score::CallReport;
use std::io::{self, Write};

/// Excerpts longer than this many characters are cut in text output (CSV and JSON keep them whole).
const EXCERPT_CHARS: usize = 160;

#[derive(Default)]
pub struct CheckTextWriter {
    /// Whether a group was written, so that groups are separated by one blank line.
    wrote_group: bool,
}

impl ReportWriter for CheckTextWriter {
    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()> {
        let style = Style { color: run.color };
        for call in unit.iter().flatten().filter(|c| !c.findings.is_empty()) {
            if self.wrote_group {
                writeln!(out)?;
            }
            self.wrote_group = true;
            write_call(out, style, call)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, run: &RunInfo, s: &Summary) -> io::Result<()> {
        if run.quiet {
            return Ok(());
        }
        if self.wrote_group {
            writeln!(out)?;
        }
        writeln!(out, "{}", summary_line(Style { color: run.color }, s))
    }
}

fn write_call(out: &mut dyn Write, style: Style, call: &CallReport) -> io::Result<()> {
    for f in &call.findings {
        writeln!(
            out,
            "{}: {} {} {}",
            style.bold(format_args!("{}:{}", call.path, f.line)),
            style.severity(f.severity),
            style.bold(&f.rule),
            f.message
        )?;
        writeln!(out, "    {} {}", style.dim("|"), excerpt_line(f))?;
        writeln!(out, "    {} {}", style.dim("="), detail_line(call, f))?;
    }
    Ok(())
}

fn excerpt_line(f: &Finding) -> String {
    let when = f
        .start_s
        .map(|s| format!(", {}", clock(s)))
        .unwrap_or_default();
    format!("{} ({}{when}): {}", f.speaker, f.role, shorten(&f.excerpt))
}

fn detail_line(call: &CallReport, f: &Finding) -> String {
    let mut parts = Vec::new();
    if call.call_id != crate::transcript::model::default_call_id(&call.path) {
        parts.push(format!("call {}", call.call_id));
    }
    if let Some(line) = f.related_line {
        parts.push(format!("related line {line}"));
    }
    parts.push(format!("penalty {}", f.penalty));
    parts.join(", ")
}

/// Seconds as m:ss or h:mm:ss.
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Cuts a long excerpt at a character boundary, marking the cut.
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// "✖ 12 errors, 30 warnings in 40 calls (mean score 71)".
fn summary_line(style: Style, s: &Summary) -> String {
    let passed = s.failed == 0 && s.input_errors.is_empty();
    let mark = if passed {
        style.green("✔")
    } else {
        style.red("✖")
    };
    let mut line = format!(
        "{mark} {}, {}",
        count(s.errors, "error"),
        count(s.warnings, "warning")
    );
    if s.infos > 0 {
        line += &format!(", {}", count(s.infos, "info"));
    }
    line += &format!(" in {}", count(s.calls, "call"));
    if let Some(mean) = s.mean_score() {
        line += &format!(" (mean score {})", mean.round());
    }
    if s.failed > 0 {
        line += &format!("; {} failed", count(s.failed, "call"));
    }
    line += &unreadable_note(s);
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_formats_minutes_and_hours() {
        assert_eq!(clock(65.4), "1:05");
        assert_eq!(clock(3725.0), "1:02:05");
    }

    #[test]
    fn shorten_cuts_on_characters_not_bytes() {
        let long = "é".repeat(EXCERPT_CHARS + 5);
        let cut = shorten(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shorten("short"), "short");
    }

    #[test]
    fn summary_line_counts_and_marks() {
        let style = Style { color: false };
        let s = Summary {
            calls: 40,
            failed: 12,
            score_sum: 40 * 71,
            errors: 12,
            warnings: 30,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(style, &s),
            "✖ 12 errors, 30 warnings in 40 calls (mean score 71); 12 calls failed"
        );
        let clean = Summary {
            calls: 1,
            score_sum: 100,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(style, &clean),
            "✔ 0 errors, 0 warnings in 1 call (mean score 100)"
        );
    }
}
