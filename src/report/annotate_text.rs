//! `annotate --format text`: the call as a readable transcript with acts marked, in colour on a
//! terminal: acts in cyan, answered questions in green, unanswered ones in red or yellow.

use crate::analysis::{Act, Annotated, Lexicon, QuestionStatus};
use std::io::{self, Write};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";

/// Plain ANSI styling that turns itself off when colour is not wanted.
struct Paint(bool);

impl Paint {
    fn on<'a>(&self, style: &'a str) -> &'a str {
        if self.0 { style } else { "" }
    }

    fn off(&self) -> &'static str {
        if self.0 { RESET } else { "" }
    }
}

pub fn write(
    out: &mut dyn Write,
    call: &Annotated,
    lexicon: &Lexicon,
    color: bool,
) -> io::Result<()> {
    let paint = Paint(color);
    let t = call.transcript;
    writeln!(
        out,
        "{}{}{} ({}, roles by {})",
        paint.on(BOLD),
        t.path,
        paint.off(),
        t.format,
        t.role_source
    )?;
    for (i, (u, a)) in t.utterances.iter().zip(&call.utterances).enumerate() {
        write!(
            out,
            "{}{:>5}{}  {} ({}): {}",
            paint.on(DIM),
            u.line,
            paint.off(),
            u.speaker,
            u.role,
            u.text
        )?;
        let acts = act_labels(call, i, lexicon);
        if !acts.is_empty() {
            write!(
                out,
                "  {}[{}]{}",
                paint.on(CYAN),
                acts.join(", "),
                paint.off()
            )?;
        }
        if let Some(q) = &a.question {
            let style = match q.status {
                QuestionStatus::Answered => GREEN,
                QuestionStatus::Open => YELLOW,
                _ => RED,
            };
            write!(
                out,
                "  {}{} question, {}",
                paint.on(style),
                q.form.as_str(),
                q.status.as_str()
            )?;
            let related = q.answer.or(q.response);
            if let Some(i) = related {
                let word = if q.answer.is_some() { "by" } else { "at" };
                write!(out, " {word} line {}", t.utterances[i].line)?;
            }
            write!(out, "{}", paint.off())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// "question", "acknowledgement (sympathy)", "deflection (demo, praise)".
fn act_labels(call: &Annotated, i: usize, lexicon: &Lexicon) -> Vec<String> {
    let a = &call.utterances[i];
    let opening = a
        .lead_ack
        .map(|k| format!("opens with acknowledgement ({})", k.as_str()));
    opening
        .into_iter()
        .chain(a.acts.iter().map(|act| {
            let detail: Vec<String> = match act {
                Act::Acknowledgement => a.ack.map(|k| k.as_str().to_string()).into_iter().collect(),
                _ => call
                    .cue_labels(i, lexicon)
                    .filter_map(|l| l.split_once('.'))
                    .filter(|(group, _)| *group == act.as_str())
                    .map(|(_, name)| name.to_string())
                    .collect(),
            };
            if detail.is_empty() {
                act.as_str().to_string()
            } else {
                format!("{} ({})", act.as_str(), detail.join(", "))
            }
        }))
        .collect()
}
