//! CSV records read straight from the text, as the `csv` crate reads them with callscore's
//! settings (flexible rows, `"` quotes doubled inside quoted fields, `\r`, `\n` or `\r\n`
//! ending a record, blank lines skipped, fields trimmed), fields borrowed from the text where
//! they can be. The crate copied every field into a record and built its parser tables per
//! file, more than the rest of reading. A property test checks this against the crate.

use super::shared::trimmed;
use std::borrow::Cow;

/// The records of a CSV text, with the line numbers the `csv` crate gives them.
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    /// 1 + the `\n`s read so far: after the line ends before a record, the line it starts on.
    /// (The `csv` crate's position for a record is where the record before it ended, which
    /// counts neither the blank lines between nor the `\n` of a `\r\n`.)
    line: usize,
    delimiter: u8,
}

/// How a field ended.
enum FieldEnd {
    Delimiter,
    RecordEnd,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
            delimiter,
        }
    }

    /// Reads the next record's trimmed fields into `fields`; returns its line, or None at the
    /// end of the text.
    pub fn next_into(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Option<usize> {
        fields.clear();
        self.skip_record_ends()?;
        let line = self.line;
        loop {
            let (field, end) = self.field();
            fields.push(trim_field(field));
            if let FieldEnd::RecordEnd = end {
                return Some(line);
            }
        }
    }

    /// Steps over the `\r` and `\n` bytes before a record; None when the text ends there.
    fn skip_record_ends(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos)? {
                b'\n' => self.line += 1,
                b'\r' => {}
                _ => return Some(()),
            }
            self.pos += 1;
        }
    }

    /// Reads one field from `pos` and the byte that ends it.
    fn field(&mut self) -> (Cow<'a, str>, FieldEnd) {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return self.quoted_field();
        }
        let (field, end) = self.unquoted(self.pos);
        (Cow::Borrowed(field), end)
    }

    /// The rest of an unquoted field from `start`, where quotes are text.
    fn unquoted(&mut self, start: usize) -> (&'a str, FieldEnd) {
        let bytes = self.text.as_bytes();
        match memchr::memchr3(self.delimiter, b'\r', b'\n', &bytes[start..]) {
            Some(len) => {
                let at = start + len;
                self.pos = at + 1;
                let end = match bytes[at] {
                    b'\n' => {
                        self.line += 1;
                        FieldEnd::RecordEnd
                    }
                    b'\r' => FieldEnd::RecordEnd,
                    _ => FieldEnd::Delimiter,
                };
                (&self.text[start..at], end)
            }
            None => {
                self.pos = bytes.len();
                (&self.text[start..], FieldEnd::RecordEnd)
            }
        }
    }

    /// A field after its opening quote: up to the closing quote, with `""` read as `"`, and
    /// any text after the closing quote read as in an unquoted field.
    fn quoted_field(&mut self) -> (Cow<'a, str>, FieldEnd) {
        let bytes = self.text.as_bytes();
        let mut out: Option<String> = None;
        loop {
            let start = self.pos;
            let Some(len) = memchr::memchr(b'"', &bytes[start..]) else {
                // No closing quote: the field runs to the end of the text.
                self.pos = bytes.len();
                self.count_lines(start, bytes.len());
                return (joined(out, &self.text[start..]), FieldEnd::RecordEnd);
            };
            let quote = start + len;
            self.count_lines(start, quote);
            let piece = &self.text[start..quote];
            self.pos = quote + 1;
            match bytes.get(self.pos) {
                Some(b'"') => {
                    // `""`: a quote in the text; the field goes on.
                    let buf = out.get_or_insert_with(String::new);
                    buf.push_str(piece);
                    buf.push('"');
                    self.pos += 1;
                }
                Some(&b) if b == self.delimiter => {
                    self.pos += 1;
                    return (joined(out, piece), FieldEnd::Delimiter);
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    return (joined(out, piece), FieldEnd::RecordEnd);
                }
                Some(b'\r') => {
                    self.pos += 1;
                    return (joined(out, piece), FieldEnd::RecordEnd);
                }
                None => return (joined(out, piece), FieldEnd::RecordEnd),
                Some(_) => {
                    // `"a"b`: text after the closing quote joins the field.
                    let (rest, end) = self.unquoted(self.pos);
                    let mut buf = out.unwrap_or_default();
                    buf.push_str(piece);
                    buf.push_str(rest);
                    return (Cow::Owned(buf), end);
                }
            }
        }
    }

    fn count_lines(&mut self, from: usize, to: usize) {
        self.line += memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..to]).count();
    }
}

/// `piece` after what `out` holds, borrowed when `out` holds nothing.
fn joined<'a>(out: Option<String>, piece: &'a str) -> Cow<'a, str> {
    match out {
        None => Cow::Borrowed(piece),
        Some(mut buf) => {
            buf.push_str(piece);
            Cow::Owned(buf)
        }
    }
}

/// The field without surrounding whitespace (Unicode's, as the crate trims text records).
fn trim_field(field: Cow<'_, str>) -> Cow<'_, str> {
    match field {
        Cow::Borrowed(s) => Cow::Borrowed(trimmed(s)),
        Cow::Owned(s) if trimmed(&s).len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(trimmed(&s).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Records as the `csv` crate reads them with the reader's settings, each with the line it
    /// starts on: the line of the first byte after the crate's position that ends no line.
    fn by_crate(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut reader = ::csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .trim(::csv::Trim::All)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                let mut start = r.position().unwrap().byte() as usize;
                while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
                    start += 1;
                }
                let line = 1 + text[..start].matches('\n').count();
                (line, r.iter().map(str::to_string).collect())
            })
            .collect()
    }

    fn by_records(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut records = Records::new(text, delimiter);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = records.next_into(&mut fields) {
            out.push((line, fields.iter().map(|f| f.to_string()).collect()));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

        #[test]
        fn records_are_the_csv_crates(s in "[a ,;\t\"\r\n\u{a0}é]{0,24}") {
            prop_assert_eq!(by_records(&s, b','), by_crate(&s, b','));
            prop_assert_eq!(by_records(&s, b';'), by_crate(&s, b';'));
            prop_assert_eq!(by_records(&s, b'\t'), by_crate(&s, b'\t'));
        }
    }

    #[test]
    fn quoted_fields_lines_and_blank_lines() {
        let text = "a,b\n\"x, \"\"y\"\"\nz\",w\n\n c ,\"d\"e\r\nf";
        let expected: Vec<(usize, Vec<String>)> = vec![
            (1, vec!["a".into(), "b".into()]),
            (2, vec!["x, \"y\"\nz".into(), "w".into()]),
            (5, vec!["c".into(), "de".into()]),
            (6, vec!["f".into()]),
        ];
        assert_eq!(by_records(text, b','), expected);
        assert_eq!(by_crate(text, b','), expected);
    }
}
