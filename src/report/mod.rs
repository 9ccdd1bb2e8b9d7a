//! One writer per output format. Writers take finished reports and write bytes.

pub mod annotate_jsonl;
pub mod annotate_text;
