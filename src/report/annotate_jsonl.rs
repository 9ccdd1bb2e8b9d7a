//! `annotate --format jsonl`: one JSON object per utterance (SPEC section 5).

use crate::analysis::{ActSet, Annotated};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Row<'a> {
    path: &'a str,
    line: usize,
    speaker: &'a str,
    role: &'a str,
    text: &'a str,
    acts: ActSet,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<QuestionRow>,
}

#[derive(Serialize)]
struct QuestionRow {
    form: &'static str,
    status: &'static str,
    answer_line: Option<usize>,
}

pub fn write(out: &mut dyn Write, call: &Annotated) -> io::Result<()> {
    let t = call.transcript;
    for (u, a) in t.utterances.iter().zip(&call.utterances) {
        let row = Row {
            path: &t.path,
            line: u.line,
            speaker: &u.speaker,
            role: u.role.as_str(),
            text: &u.text,
            acts: a.acts,
            question: a.question.as_ref().map(|q| QuestionRow {
                form: q.form.as_str(),
                status: q.status.as_str(),
                answer_line: q.answer.map(|i| t.utterances[i].line),
            }),
        };
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
