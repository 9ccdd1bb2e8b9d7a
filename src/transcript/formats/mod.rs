//! One reader per input format. Each takes the file's text and returns a transcript with
//! speakers, text, source lines and times; roles are decided later by `roles::assign`.
//! The pieces several readers share (clock times, labels, cue merging) live in `shared`.

pub mod assemblyai;
pub mod aws_call_analytics;
pub mod aws_transcribe;
pub mod callscore_json;
pub mod callscore_json_direct;
pub mod clock;
pub mod csv;
pub mod csv_records;
pub mod cues;
pub mod deepgram;
pub mod jsonl;
pub mod otter;
pub mod revai;
pub mod shared;
pub mod srt;
pub mod text;
pub mod vendor_json;
pub mod vtt;
pub mod whisper;
