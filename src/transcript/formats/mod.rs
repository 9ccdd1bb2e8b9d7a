//! One reader per input format. Each takes the file's text and returns a transcript with
//! speakers, text, source lines and times; roles are decided later by `roles::assign`.

pub mod text;
