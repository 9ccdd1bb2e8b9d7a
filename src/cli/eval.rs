//! `callscore eval DIR`: measure the rules against the hand-labelled calls in DIR/labels.json.

use super::inputs::{self, Input};
use super::{EvalArgs, Outcome, shared};
use anyhow::{Context, bail};
use callscore::eval::{self, Evaluation, LabelledCall};
use callscore::rules::{Finding, RuleSet};
use callscore::transcript::RoleOverrides;
use std::io::Write;
use std::path::Path;

pub fn run(args: &EvalArgs) -> anyhow::Result<Outcome> {
    let ruleset = shared::load_ruleset(&args.common)?;
    let json = match args.common.format.as_deref().unwrap_or("text") {
        "text" => false,
        "json" => true,
        other => bail!("eval has no format '{other}'; use text or json"),
    };
    if let Some(min) = args.min_f1
        && !(0.0..=1.0).contains(&min)
    {
        bail!("--min-f1 {min}: give a number between 0 and 1");
    }
    let labels = read_labels(&args.dir)?;
    check_rules_exist(&labels, &ruleset, &args.dir)?;
    let mut found = Vec::with_capacity(labels.len());
    for call in &labels {
        found.push(findings(&args.dir, call, &ruleset, args)?);
    }
    let evaluation = eval::evaluate(&labels, &found);
    let mut out = shared::open_output(&args.common)?;
    if json {
        serde_json::to_writer_pretty(&mut out, &evaluation)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &evaluation, &args.dir, &ruleset)?;
    }
    out.flush()?;
    let failed = args.min_f1.is_some_and(|m| !evaluation.below(m).is_empty());
    if failed && !args.common.quiet {
        let names: Vec<String> = evaluation
            .below(args.min_f1.unwrap_or_default())
            .iter()
            .map(|r| format!("{} ({:.3})", r.rule, r.f1))
            .collect();
        eprintln!("F1 below --min-f1: {}", names.join(", "));
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

fn read_labels(dir: &Path) -> anyhow::Result<Vec<LabelledCall>> {
    let path = dir.join("labels.json");
    if !dir.is_dir() {
        bail!(
            "{}: no such folder; give the folder that holds labels.json",
            dir.display()
        );
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "{}: not found; eval needs a labels.json that lists each call and the findings \
             it should have: [{{\"file\": \"a.txt\", \"expect\": [{{\"rule\": \"train-selling\", \
             \"line\": 3}}]}}]",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    eval::parse_labels(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn check_rules_exist(labels: &[LabelledCall], ruleset: &RuleSet, dir: &Path) -> anyhow::Result<()> {
    for rule in eval::labelled_rules(labels) {
        if ruleset.rule(&rule).is_none() {
            let ids: Vec<&str> = ruleset.rules.iter().map(|r| r.id()).collect();
            bail!(
                "{}: labels name rule '{rule}', which rule set '{}' does not have; the rules \
                 are: {}",
                dir.join("labels.json").display(),
                ruleset.name,
                ids.join(", ")
            );
        }
    }
    Ok(())
}

/// Scores one labelled call and returns its findings.
fn findings(
    dir: &Path,
    call: &LabelledCall,
    ruleset: &RuleSet,
    args: &EvalArgs,
) -> anyhow::Result<Vec<Finding>> {
    let path = dir.join(&call.file);
    if !path.is_file() {
        bail!(
            "{}: labels list '{}', which is not in {}; fix the name or remove the entry",
            dir.join("labels.json").display(),
            call.file,
            dir.display()
        );
    }
    let forced = shared::input_format(&args.common)?;
    let transcripts =
        inputs::read(&Input::File(path), forced).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut overrides: RoleOverrides = shared::role_overrides(&args.common);
    if call.rep.is_some() || call.prospect.is_some() {
        overrides = RoleOverrides {
            rep: call.rep.iter().cloned().collect(),
            prospect: call.prospect.iter().cloned().collect(),
        };
    }
    Ok(transcripts
        .into_iter()
        .flat_map(|t| callscore::score_call(t, ruleset, &overrides).findings)
        .collect())
}

fn write_text(
    out: &mut dyn Write,
    e: &Evaluation,
    dir: &Path,
    ruleset: &RuleSet,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} calls, rule set '{}'\n",
        dir.display(),
        e.calls,
        ruleset.name
    )?;
    let width = e
        .rules
        .iter()
        .map(|r| r.rule.len())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(
        out,
        "{:width$}  {:>8}  {:>5}  {:>4}  {:>4}  {:>4}  {:>9}  {:>6}  {:>5}",
        "rule", "expected", "found", "tp", "fp", "fn", "precision", "recall", "f1"
    )?;
    for r in &e.rules {
        writeln!(
            out,
            "{:width$}  {:>8}  {:>5}  {:>4}  {:>4}  {:>4}  {:>9.3}  {:>6.3}  {:>5.3}",
            r.rule,
            r.expected,
            r.found,
            r.true_positives,
            r.false_positives,
            r.false_negatives,
            r.precision,
            r.recall,
            r.f1
        )?;
    }
    if !e.false_positives.is_empty() {
        writeln!(out, "\nfalse positives (found, not labelled):")?;
        for d in &e.false_positives {
            let message = d.message.as_deref().unwrap_or_default();
            writeln!(out, "  {}:{}  {}  {message}", d.file, d.line, d.rule)?;
        }
    }
    if !e.false_negatives.is_empty() {
        writeln!(out, "\nfalse negatives (labelled, not found):")?;
        for d in &e.false_negatives {
            writeln!(out, "  {}:{}  {}", d.file, d.line, d.rule)?;
        }
    }
    Ok(())
}
