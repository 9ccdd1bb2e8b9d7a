//! `annotate --format text`: the call as a readable transcript with acts marked.

use crate::analysis::Annotated;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, call: &Annotated, color: bool) -> io::Result<()> {
    let _ = color;
    let t = call.transcript;
    writeln!(out, "{} ({}, roles by {})", t.path, t.format, t.role_source)?;
    for (u, a) in t.utterances.iter().zip(&call.utterances) {
        let acts: Vec<&str> = a.acts.iter().map(|x| x.as_str()).collect();
        write!(out, "{:>5}  {} ({}): {}", u.line, u.speaker, u.role, u.text)?;
        if !acts.is_empty() {
            write!(out, "  [{}]", acts.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
