//! Format detection and dispatch: bytes in, transcripts out.
//!
//! The extension chooses the format and the content checks it: a `.txt` that is an Otter
//! export reads as Otter, a `.json` reads as whichever vendor its shape names, and content
//! that clearly is another format is an error that says so. Standard input and files
//! without an extension are detected by content alone.

use super::error::{ParseError, ReadError};
use super::formats::{
    assemblyai, aws_call_analytics, aws_transcribe, callscore_json, callscore_json_direct, csv,
    deepgram, jsonl, otter, revai, srt, text, vendor_json, vtt, whisper,
};
use super::model::{Format, Transcript, default_call_id};
use std::borrow::Cow;

/// A file's extension, lower-cased; empty when it has none.
fn extension(path: &str) -> String {
    std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The format a file's name claims by its extension, when callscore reads that extension.
pub fn format_of_name(path: &str) -> Option<Format> {
    Some(match extension(path).as_str() {
        "txt" | "text" => Format::Text,
        "vtt" => Format::Vtt,
        "srt" => Format::Srt,
        "csv" => Format::Csv,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    })
}

/// Picks the format from the file name, checked against the content.
pub fn detect_format(path: &str, content: &str) -> Result<Format, ParseError> {
    let ext = extension(path);
    let sniffed = sniff(content);
    if path == "-" || ext.is_empty() {
        return Ok(sniffed);
    }
    let claimed = format_of_name(path).ok_or_else(|| {
        ParseError::new(format!(
            "unknown file type '.{ext}'; use --input-format to say which format it is"
        ))
    })?;
    match (claimed, sniffed) {
        (Format::Text, Format::Otter) => Ok(Format::Otter),
        (Format::Json, Format::Jsonl) | (Format::Jsonl, Format::Json) => Ok(claimed),
        (c, s) if c == s || s == Format::Text => Ok(c),
        (_, s) => Err(ParseError::new(format!(
            "the file is named .{ext} but its content looks like {}; rename it or pass \
             --input-format {}",
            s.as_str(),
            s.as_str()
        ))),
    }
}

/// The format the content itself looks like; plain text when nothing else fits.
fn sniff(content: &str) -> Format {
    let head = content.trim_start_matches('\u{feff}').trim_start();
    if vtt::looks_like(head) {
        Format::Vtt
    } else if head.starts_with('{') {
        if jsonl::looks_like(head)
            && head
                .lines()
                .filter(|l| !l.trim().is_empty())
                .nth(1)
                .is_some()
        {
            Format::Jsonl
        } else {
            Format::Json
        }
    } else if head.starts_with('[') && head[1..].trim_start().starts_with(['{', ']']) {
        Format::Json
    } else if srt::looks_like(head) {
        Format::Srt
    } else if otter::looks_like(head) {
        Format::Otter
    } else if csv::looks_like(head) {
        Format::Csv
    } else {
        Format::Text
    }
}

/// Parses one input. JSON Lines gives one transcript per line; every other format gives one.
pub fn parse(
    path: &str,
    bytes: &[u8],
    forced: Option<Format>,
) -> Result<Vec<Transcript>, ReadError> {
    let fail = |e: ParseError| ReadError::new(path, e);
    let decoded = decode(bytes).map_err(fail)?;
    let content = decoded.as_ref();
    let format = match forced {
        Some(f) => f,
        None => detect_format(path, content).map_err(fail)?,
    };
    read_as(path, content, format).map_err(fail)
}

/// Parses line `line_no` (1-based) of a JSON Lines file exactly as the whole-file reader would,
/// so that a caller can stream a large file one call at a time and a bad line costs only itself.
pub fn parse_jsonl_line(path: &str, bytes: &[u8], line_no: usize) -> Result<Transcript, ReadError> {
    let fail = |e: ParseError| ReadError::new(path, e);
    let text = std::str::from_utf8(bytes).map_err(|e| fail(not_utf8(line_no, e.valid_up_to())))?;
    let text = text.trim_start_matches('\u{feff}').trim_end();
    jsonl::read_line(path, text, line_no).map_err(fail)
}

/// True when `text` is JSON, or JSON Lines, whose (first) object has the shape of no transcript
/// format: a labels file, a data file, a settings file. Folder walks skip such files silently,
/// as ripgrep skips binary files in a folder; named on the command line they are errors.
/// Malformed JSON is not "other": its reader reports it.
pub fn is_other_json(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let first: Option<serde_json::Value> = match text.as_bytes().first() {
        Some(b'[') => serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.as_array().and_then(|a| a.first().cloned())),
        Some(b'{') => serde_json::from_str(text)
            .ok()
            .or_else(|| serde_json::from_str(text.lines().next().unwrap_or_default()).ok()),
        _ => None,
    };
    first.is_some_and(|v| v.is_object() && super::formats::vendor_json::sniff(&v).is_none())
}

/// Refuses a call that cannot be scored because it has only one speaker (a cut file, a
/// monologue, or an export without diarization). `annotate` still shows such files; `score`
/// and `check` report this error for them.
pub fn require_two_speakers(t: &Transcript) -> Result<(), ReadError> {
    check_speakers(t).map_err(|e| {
        let mut err = ReadError::new(&t.path, e);
        if t.format == Format::Jsonl {
            err.message = format!("call '{}': {}", t.id, err.message);
        }
        err
    })
}

/// Bytes to text, refusing empty, binary and non-UTF-8 input with a hint. UTF-16 with a
/// byte-order mark (Windows "Unicode" text) is converted.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    let text = match utf16(bytes) {
        Some(converted) => Cow::Owned(converted?),
        None => Cow::Borrowed(utf8(bytes)?),
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ParseError::new("file is empty; is the export finished?"));
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<&str, ParseError> {
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(ParseError::new(
            "binary file (NUL bytes), not a transcript; is this audio or a document?",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = 1 + memchr::memchr_iter(b'\n', valid).count();
        let line_start = memchr::memrchr(b'\n', valid).map_or(0, |i| i + 1);
        not_utf8(line, e.valid_up_to() - line_start)
    })
}

/// The error for a line that is not UTF-8, `valid` bytes into the line: the column is counted
/// from the line's start, as editors show it, the same for whole files and for JSON Lines.
fn not_utf8(line: usize, valid: usize) -> ParseError {
    ParseError::at(
        line,
        format!(
            "not valid UTF-8 at byte {} of the line; save the transcript as UTF-8",
            valid + 1
        ),
    )
}

/// UTF-16 text, recognised by its byte-order mark.
fn utf16(bytes: &[u8]) -> Option<Result<String, ParseError>> {
    let (little_endian, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let text = char::decode_utf16(units).collect::<Result<String, _>>();
    Some(text.map_err(|_| ParseError::new("not valid UTF-16; save the transcript as UTF-8")))
}

/// Runs the reader for `format`. Vendor JSON is parsed once and dispatched by shape.
fn read_as(path: &str, content: &str, format: Format) -> Result<Vec<Transcript>, ParseError> {
    let one = |t: Transcript| vec![t];
    match format {
        Format::Text => text::read(path, content).map(one),
        Format::Otter => otter::read(path, content).map(one),
        Format::Vtt => vtt::read(path, content).map(one),
        Format::Srt => srt::read(path, content).map(one),
        Format::Csv => csv::read(path, content).map(one),
        Format::Jsonl => jsonl::read(path, content),
        json => read_json(path, content, json),
    }
}

/// `.json`: callscore JSON or the vendor its shape names; a forced vendor skips the sniffing.
/// A top-level array holds several callscore transcripts, like JSON Lines.
fn read_json(path: &str, content: &str, format: Format) -> Result<Vec<Transcript>, ParseError> {
    if format == Format::Json
        && let Some(read) = callscore_json_direct::read(path, content, Format::Json)
    {
        return read.map(|(t, _)| vec![t]);
    }
    let value = vendor_json::parse(content)?;
    if let (Format::Json, Some(calls)) = (format, value.as_array()) {
        return read_json_array(path, calls);
    }
    let shape = match format {
        Format::Json => {
            vendor_json::sniff(&value).ok_or_else(|| vendor_json::unknown_shape(&value))?
        }
        forced => forced,
    };
    let t = match shape {
        Format::Whisper => whisper::from_value(path, &value),
        Format::AwsTranscribe => aws_transcribe::from_value(path, &value),
        Format::AwsCallAnalytics => aws_call_analytics::from_value(path, &value),
        Format::Deepgram => deepgram::from_value(path, &value),
        Format::Assemblyai => assemblyai::from_value(path, &value),
        Format::Revai => revai::from_value(path, &value),
        _ => callscore_json::from_value(path, &value, Format::Json),
    }?;
    Ok(vec![t])
}

/// `[{"id", "utterances"}, ...]`: one call per element; ids default to `<stem>:<n>`.
fn read_json_array(path: &str, calls: &[serde_json::Value]) -> Result<Vec<Transcript>, ParseError> {
    if calls.is_empty() {
        return Err(ParseError::new("the JSON array holds no transcripts"));
    }
    let stem = default_call_id(path);
    let mut out = Vec::with_capacity(calls.len());
    for (i, call) in calls.iter().enumerate() {
        let mut t = callscore_json::from_value(path, call, Format::Json).map_err(|e| {
            ParseError::new(format!("call {} of the array: {}", i + 1, describe(&e)))
        })?;
        if call.get("id").is_none() && call.get("call_id").is_none() {
            t.id = format!("{stem}:{}", i + 1);
        }
        out.push(t);
    }
    Ok(out)
}

/// A reader error as text, keeping the utterance index where there is one.
fn describe(e: &ParseError) -> String {
    match e.line {
        Some(index) => format!("{} (utterance {index})", e.message),
        None => e.message.clone(),
    }
}

/// A call needs two sides: one speaker means a cut file, a monologue or missing diarization.
fn check_speakers(t: &Transcript) -> Result<(), ParseError> {
    if t.has_two_speakers() {
        return Ok(());
    }
    let speakers = t.speakers();
    let only = speakers.first().copied().unwrap_or("");
    let hint = if only == super::formats::shared::UNLABELLED {
        "the file has no speaker labels; export it with speaker names (diarization on)"
    } else {
        "is this a whole call? callscore needs the rep and the prospect"
    };
    let n = t.utterances.len();
    let plural = if n == 1 { "" } else { "s" };
    Err(ParseError::new(format!(
        "only one speaker ({only}, {n} utterance{plural}); {hint}"
    )))
}
