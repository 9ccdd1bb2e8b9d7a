//! `check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).
//!
//! One run; `tool.driver.rules` describes the enabled rules, `results` streams one result per
//! finding, and `invocations` closes with whether every input could be read.

use super::{ReportWriter, RunInfo, Summary, Unit};
use crate::rules::{Finding, Severity};
use crate::score::CallReport;
use crate::transcript::ReadError;
use serde_json::{Value, json};
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Default)]
pub struct SarifWriter {
    results_written: usize,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, anything unusual percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

fn location(path: &str, line: Option<usize>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
    if let Some(line) = line {
        physical["region"] = json!({ "startLine": line });
    }
    json!({ "physicalLocation": physical })
}

fn result(call: &CallReport, f: &Finding, run: &RunInfo) -> Value {
    let mut location = location(&call.path, Some(f.line));
    location["physicalLocation"]["region"]["snippet"] = json!({ "text": f.excerpt });
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [location],
        "properties": {
            "callId": call.call_id,
            "speaker": f.speaker,
            "role": f.role,
            "penalty": f.penalty,
            "score": call.score,
        },
    });
    if let Some(i) = run.rules.iter().position(|r| r.id == f.rule) {
        result["ruleIndex"] = json!(i);
    }
    if let Some(line) = f.related_line {
        let mut related = self::location(&call.path, Some(line));
        related["id"] = json!(1);
        related["message"] = json!({ "text": format!("related line {line}") });
        result["relatedLocations"] = json!([related]);
    }
    result
}

fn notification(e: &ReadError) -> Value {
    json!({
        "level": "error",
        "message": { "text": e.to_string() },
        "locations": [location(&e.path, e.line)],
    })
}

impl ReportWriter for SarifWriter {
    fn begin(&mut self, out: &mut dyn Write, run: &RunInfo) -> io::Result<()> {
        let rules: Vec<Value> = run
            .rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": r.description },
                    "help": { "text": r.help },
                    "defaultConfiguration": { "level": level(r.severity) },
                })
            })
            .collect();
        let driver = json!({
            "name": "callscore",
            "version": run.version,
            "semanticVersion": run.version,
            "rules": rules,
        });
        write!(
            out,
            "{{\"version\":\"2.1.0\",\"$schema\":\"{SCHEMA}\",\"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"results\":["
        )
    }

    fn unit(&mut self, out: &mut dyn Write, run: &RunInfo, unit: &Unit) -> io::Result<()> {
        for call in unit.iter().flatten() {
            for f in &call.findings {
                out.write_all(if self.results_written == 0 {
                    b"\n"
                } else {
                    b",\n"
                })?;
                serde_json::to_writer(&mut *out, &result(call, f, run))?;
                self.results_written += 1;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _run: &RunInfo, s: &Summary) -> io::Result<()> {
        let invocation = json!({
            "executionSuccessful": s.input_errors.is_empty(),
            "toolExecutionNotifications": s.input_errors.iter().map(notification).collect::<Vec<_>>(),
        });
        if self.results_written > 0 {
            out.write_all(b"\n")?;
        }
        writeln!(out, "],\"invocations\":[{invocation}]}}]}}")
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uri_is_a_relative_reference() {
        assert_eq!(uri("calls/a b#1.txt"), "calls/a%20b%231.txt");
        assert_eq!(uri("calls\\win.txt"), "calls/win.txt");
        assert_eq!(uri("é.txt"), "%C3%A9.txt");
    }
}
