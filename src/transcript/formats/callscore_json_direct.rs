//! callscore JSON read straight into utterances, without the `serde_json::Value` tree: a
//! map with an owned key for every field of every utterance, built, searched and dropped,
//! cost more than the rest of reading. Only the plain shape is read here: an object whose
//! utterances are objects with string speakers, texts and roles and number times, and no key
//! that names a vendor's shape. Anything else, malformed JSON included, returns None, and the
//! caller reads the file through the `Value` path, which decides and words every error.

use super::callscore_json::{Said, finish, push_utterance, read_header};
use super::vendor_json::VENDOR_KEYS;
use crate::transcript::error::ParseError;
use crate::transcript::model::{Format, Transcript};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// Reads `src` as the `Value` path would read callscore JSON: the transcript and whether the
/// object has an `id` or `call_id` key. None: read it through the `Value` path.
pub fn read(
    path: &str,
    src: &str,
    format: Format,
) -> Option<Result<(Transcript, bool), ParseError>> {
    let doc: Document = serde_json::from_str(src.trim_start_matches('\u{feff}')).ok()?;
    let utterances = doc.utterances?;
    let named = doc.rest.contains_key("id") || doc.rest.contains_key("call_id");
    let mut t = Transcript::new(path, format);
    read_header(&mut t, &Value::Object(doc.rest));
    for (i, said) in utterances.into_iter().enumerate() {
        if let Err(e) = push_utterance(&mut t, i + 1, said) {
            return Some(Err(e));
        }
    }
    Some(finish(t).map(|t| (t, named)))
}

/// The top-level object: its utterances, and its other keys as values.
struct Document<'a> {
    utterances: Option<Vec<Said<'a>>>,
    rest: Map<String, Value>,
}

impl<'de> de::Deserialize<'de> for Document<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(DocumentVisitor)
    }
}

struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a callscore transcript")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document<'de>, A::Error> {
        let mut doc = Document {
            utterances: None,
            rest: Map::new(),
        };
        while let Some(Text(key)) = map.next_key()? {
            match key.as_ref() {
                "utterances" => {
                    let list: Vec<Utterance> = map.next_value()?;
                    doc.utterances = Some(list.into_iter().map(|u| u.0).collect());
                }
                // Left to `vendor_json::sniff`, which may name another shape.
                k if VENDOR_KEYS.contains(&k) => return Err(de::Error::custom("a vendor shape")),
                _ => {
                    let value: Value = map.next_value()?;
                    doc.rest.insert(key.into_owned(), value);
                }
            }
        }
        Ok(doc)
    }
}

/// One utterance object; keys the reader does not use are parsed as values and dropped, so
/// that what the `Value` path refuses (a number out of range) is refused here too.
struct Utterance<'a>(Said<'a>);

impl<'de> de::Deserialize<'de> for Utterance<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(UtteranceVisitor)
    }
}

struct UtteranceVisitor;

impl<'de> Visitor<'de> for UtteranceVisitor {
    type Value = Utterance<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an utterance object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Utterance<'de>, A::Error> {
        let mut said = Said::default();
        while let Some(Text(key)) = map.next_key()? {
            match key.as_ref() {
                "speaker" => said.speaker = Some(map.next_value::<Text>()?.0),
                "text" => said.text = Some(map.next_value::<Text>()?.0),
                "role" => said.role = Some(map.next_value::<Text>()?.0),
                "start" => said.start = Some(map.next_value()?),
                "end" => said.end = Some(map.next_value()?),
                _ => drop(map.next_value::<Value>()?),
            }
        }
        Ok(Utterance(said))
    }
}

/// A JSON string, borrowed from the text unless it has escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Borrowed(s)))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text<'de>, E> {
        Ok(Text(Cow::Owned(s.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{callscore_json, vendor_json};
    use super::*;
    use proptest::prelude::*;

    /// The `Value` path's answer: the transcript (or error) and whether the object is named.
    fn by_value(src: &str) -> Result<(Transcript, bool), ParseError> {
        let v = vendor_json::parse(src)?;
        let named = v.get("id").is_some() || v.get("call_id").is_some();
        callscore_json::from_value("a.json", &v, Format::Json).map(|t| (t, named))
    }

    fn field() -> impl Strategy<Value = String> {
        prop_oneof![
            "\"(speaker|text|role|start|end|id|conf)\": \"([a é]|\\\\\"|\\\\n){0,4}\"",
            "\"(speaker|text|start|end|x)\": (-?[0-9]{1,3}(\\.[0-9]{1,3})?|null|true|\\[1\\]|1e400)",
            Just("\"speaker\": \"A\"".to_string()),
            Just("\"text\": \"a\\u00e9 b\"".to_string()),
            Just("\"role\": \"rep\"".to_string()),
            Just("\"role\": \" Customer \"".to_string()),
        ]
    }

    /// Mostly a speaker and a text among other fields, so that most lists read directly.
    fn utterance() -> impl Strategy<Value = String> {
        let fields = || prop::collection::vec(field(), 0..3);
        let said = "\"speaker\": \"[A é]{0,3}\", \"text\": \"([a é.]|\\\\\"|\\\\n){0,5}\"";
        (fields(), prop::option::weighted(0.9, said), fields()).prop_map(|(a, said, b)| {
            let all: Vec<String> = a.into_iter().chain(said).chain(b).collect();
            format!("{{{}}}", all.join(", "))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn reads_what_the_value_path_reads(
            head in "(\"(id|call_id|segments|x)\": (\"c\\\\u0031\"|7|null), )?",
            list in prop::collection::vec(utterance(), 0..4),
        ) {
            let src = format!("{{{head}\"utterances\": [{}]}}", list.join(", "));
            if let Some(direct) = read("a.json", &src, Format::Json) {
                prop_assert_eq!(format!("{direct:?}"), format!("{:?}", by_value(&src)));
            }
        }
    }

    #[test]
    fn other_shapes_and_bad_json_go_to_the_value_path() {
        for src in [
            "[{\"utterances\": []}]",
            "{\"segments\": [], \"utterances\": []}",
            "{\"utterances\": {}}",
            "{\"id\": \"a\"}",
            "{\"utterances\": [{\"speaker\": 1, \"text\": \"hi\"}]}",
            "{\"utterances\": [{\"speaker\": \"A\", \"text\": \"hi\"}]",
        ] {
            assert!(read("a.json", src, Format::Json).is_none(), "{src}");
        }
        let (t, named) = read(
            "a.json",
            "{\"utterances\": [{\"speaker\": \"A\", \"text\": \"h\\u00e9\", \"start\": 1}]}",
            Format::Json,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            (t.utterances[0].text.as_str(), t.utterances[0].start, named),
            ("hé", Some(1.0), false)
        );
    }
}
