//! `callscore annotate`: what callscore sees in each utterance.

use super::{Outcome, RunArgs, inputs, readahead, shared};
use callscore::{analysis, report, transcript};

pub fn run(args: &RunArgs) -> anyhow::Result<Outcome> {
    let ruleset = shared::load_ruleset(&args.common)?;
    let overrides = shared::role_overrides(&args.common);
    let forced = shared::input_format(&args.common)?;
    let color = shared::use_color(&args.common);
    let jsonl = match args.common.format.as_deref().unwrap_or("text") {
        "jsonl" | "json" => true,
        "text" => false,
        other => anyhow::bail!("annotate has no format '{other}'; use text or jsonl"),
    };
    let mut out = shared::open_output(&args.common)?;
    let (inputs, mut errors) = inputs::collect(&args.paths);
    for (i, input) in inputs.iter().enumerate() {
        // The disk reads the next files while this one is annotated.
        readahead::due(&inputs[i + 1..], i == 0)
            .iter()
            .for_each(readahead::request);
        match inputs::read(input, forced) {
            Ok(calls) => {
                for mut t in calls {
                    // Shown anyway: annotate is for looking at what was read.
                    if let Err(e) = transcript::read::require_two_speakers(&t) {
                        eprintln!("warning: {e} (score and check refuse this call)");
                    }
                    let speaker_of = transcript::roles::assign(&mut t, &overrides, &ruleset.roles);
                    let call = analysis::annotate_with_speakers(&t, speaker_of, &ruleset.lexicon);
                    if jsonl {
                        report::annotate_jsonl::write(&mut out, &call)?;
                    } else {
                        report::annotate_text::write(&mut out, &call, &ruleset.lexicon, color)?;
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    out.flush()?;
    for e in &errors {
        eprintln!("error: {e}");
    }
    Ok(if errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::InputErrors
    })
}

use std::io::Write;
