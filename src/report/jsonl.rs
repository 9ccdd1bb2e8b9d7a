//! `--format jsonl`: one call object per line, for pipelines (`jq`, Spark `RDD.pipe`); on standard
//! input the run flushes each burst of lines as it is written. An input that cannot be read gives
//! `{"path", "line"?, "error"}`.

use super::{ReportWriter, RunInfo, Summary, Unit};
use crate::transcript::ReadError;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    error: &'a str,
}

pub struct JsonlWriter;

/// Writes an unreadable input as one JSON object (no newline).
pub fn write_error(out: &mut dyn Write, e: &ReadError) -> io::Result<()> {
    let row = ErrorLine {
        path: &e.path,
        line: e.line,
        error: &e.message,
    };
    serde_json::to_writer(out, &row).map_err(io::Error::from)
}

impl ReportWriter for JsonlWriter {
    fn unit(&mut self, out: &mut dyn Write, _run: &RunInfo, unit: &Unit) -> io::Result<()> {
        match unit {
            Ok(calls) => {
                for call in calls {
                    serde_json::to_writer(&mut *out, call).map_err(io::Error::from)?;
                    out.write_all(b"\n")?;
                }
            }
            Err(e) => {
                write_error(out, e)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _run: &RunInfo, _s: &Summary) -> io::Result<()> {
        Ok(())
    }
}
