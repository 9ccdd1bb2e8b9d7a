//! Format detection and dispatch: bytes in, transcripts out.

use super::error::{ParseError, ReadError};
use super::formats;
use super::model::{Format, Transcript};

/// Picks the format from the file name, checked against the content.
pub fn detect_format(path: &str, _text: &str) -> Result<Format, ParseError> {
    let ext = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" | "" => Ok(Format::Text),
        other => Err(ParseError::new(format!(
            "unknown format '.{other}'; use --input-format to say which it is"
        ))),
    }
}

/// Parses one input. JSON Lines gives one transcript per line; every other format gives one.
pub fn parse(
    path: &str,
    bytes: &[u8],
    forced: Option<Format>,
) -> Result<Vec<Transcript>, ReadError> {
    let fail = |e: ParseError| ReadError::new(path, e);
    if bytes.is_empty() {
        return Err(fail(ParseError::new(
            "file is empty; is the export finished?",
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(ParseError::new(format!(
            "not valid UTF-8 (byte {}); save the transcript as UTF-8",
            e.valid_up_to()
        )))
    })?;
    let format = match forced {
        Some(f) => f,
        None => detect_format(path, text).map_err(fail)?,
    };
    let transcript = match format {
        Format::Text => formats::text::read(path, text),
        other => Err(ParseError::new(format!(
            "the {other} reader is not available in this build"
        ))),
    }
    .map_err(fail)?;
    Ok(vec![transcript])
}
