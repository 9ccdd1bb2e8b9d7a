//! `--format json`: one object with every call, a summary and the input errors (SPEC section 5).
//!
//! Written as it goes, one call per line inside `"calls": [...]`, so a corpus never sits in
//! memory; the summary at the end comes from running totals.

use super::{ReportWriter, RunInfo, Summary, Unit};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::io::{self, Write};

#[derive(Default)]
pub struct JsonWriter {
    calls_written: usize,
}

#[derive(Serialize)]
struct Head<'a> {
    callscore: &'a str,
    ruleset: &'a str,
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    calls: usize,
    failed: usize,
    mean_score: Option<f64>,
    findings: RuleCounts<'a>,
}

/// Rules with at least one finding, as a JSON object in rule-set order.
struct RuleCounts<'a>(&'a [(String, usize)]);

impl Serialize for RuleCounts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (id, n) in self.0.iter().filter(|(_, n)| *n > 0) {
            map.serialize_entry(id, n)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    message: &'a str,
}

fn json_err(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

impl ReportWriter for JsonWriter {
    fn begin(&mut self, out: &mut dyn Write, run: &RunInfo) -> io::Result<()> {
        let head = serde_json::to_string(&Head {
            callscore: &run.version,
            ruleset: &run.ruleset,
        })
        .map_err(json_err)?;
        // Reopen the head object to append the streamed "calls" array.
        write!(out, "{},\"calls\":[", head.trim_end_matches('}'))
    }

    fn unit(&mut self, out: &mut dyn Write, _run: &RunInfo, unit: &Unit) -> io::Result<()> {
        for call in unit.iter().flatten() {
            out.write_all(if self.calls_written == 0 {
                b"\n"
            } else {
                b",\n"
            })?;
            serde_json::to_writer(&mut *out, call).map_err(json_err)?;
            self.calls_written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _run: &RunInfo, s: &Summary) -> io::Result<()> {
        let summary = SummaryOut {
            calls: s.calls,
            failed: s.failed,
            mean_score: s.mean_score(),
            findings: RuleCounts(&s.by_rule),
        };
        let errors: Vec<ErrorOut> = s
            .input_errors
            .iter()
            .map(|e| ErrorOut {
                path: &e.path,
                line: e.line,
                message: &e.message,
            })
            .collect();
        out.write_all(if self.calls_written == 0 { b"" } else { b"\n" })?;
        out.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut *out, &summary).map_err(json_err)?;
        out.write_all(b",\"errors\":")?;
        serde_json::to_writer(&mut *out, &errors).map_err(json_err)?;
        out.write_all(b"}\n")
    }
}
