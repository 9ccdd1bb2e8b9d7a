//! `callscore rules [ID]`: list the rules, or explain one.

use super::{Outcome, RulesArgs, shared};
use anyhow::bail;
use callscore::rules::{Rule, RuleSet};
use serde::Serialize;
use std::io::Write;

pub fn run(args: &RulesArgs) -> anyhow::Result<Outcome> {
    let ruleset = shared::load_ruleset(&args.common)?;
    let json = match args.common.format.as_deref().unwrap_or("text") {
        "text" => false,
        "json" => true,
        other => bail!("rules has no format '{other}'; use text or json"),
    };
    let mut out = shared::open_output(&args.common)?;
    match &args.rule {
        None if json => {
            let all: Vec<RuleJson> = ruleset.rules.iter().map(RuleJson::from).collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
        None => write_table(&mut out, &ruleset)?,
        Some(id) => {
            let rule = find(&ruleset, id)?;
            if json {
                serde_json::to_writer_pretty(&mut out, &RuleJson::from(rule))?;
                writeln!(out)?;
            } else {
                write_explanation(&mut out, rule)?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

fn find<'r>(ruleset: &'r RuleSet, id: &str) -> anyhow::Result<&'r Rule> {
    match ruleset.rule(id) {
        Some(rule) => Ok(rule),
        None => {
            let ids: Vec<&str> = ruleset.rules.iter().map(Rule::id).collect();
            bail!(
                "unknown rule '{id}' in rule set '{}'; the rules are: {}",
                ruleset.name,
                ids.join(", ")
            )
        }
    }
}

fn write_table(out: &mut dyn Write, ruleset: &RuleSet) -> std::io::Result<()> {
    let width = ruleset
        .rules
        .iter()
        .map(|r| r.id().len())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(
        out,
        "{:width$}  {:8}  {:>7}  {:>3}  {:7}  summary",
        "rule", "severity", "penalty", "max", "enabled"
    )?;
    for rule in &ruleset.rules {
        let s = rule.settings;
        writeln!(
            out,
            "{:width$}  {:8}  {:>7}  {:>3}  {:7}  {}",
            rule.id(),
            s.severity.as_str(),
            s.penalty,
            s.max_penalty,
            if s.enabled { "yes" } else { "no" },
            rule.doc.summary
        )?;
    }
    writeln!(
        out,
        "\nRule set '{}'. `callscore rules ID` explains a rule.",
        ruleset.name
    )
}

fn write_explanation(out: &mut dyn Write, rule: &Rule) -> std::io::Result<()> {
    let (d, s) = (&rule.doc, rule.settings);
    writeln!(
        out,
        "{} ({}, {} points a finding, at most {} a call{})\n",
        d.id,
        s.severity,
        s.penalty,
        s.max_penalty,
        if s.enabled { "" } else { "; disabled" }
    )?;
    writeln!(out, "{}\n", d.summary)?;
    for (heading, body) in [
        ("What it flags", &d.flags),
        ("Why it matters", &d.why),
        ("Example", &d.example),
        ("Instead", &d.instead),
    ] {
        if body.is_empty() {
            continue;
        }
        writeln!(out, "{heading}:")?;
        for line in body.lines().flat_map(|l| wrap(l, 88)) {
            writeln!(out, "  {line}")?;
        }
        writeln!(out)?;
    }
    if !d.options.is_empty() {
        writeln!(out, "Options ([rules.{}] in a rule file):", d.id)?;
        for o in &d.options {
            let value = if o.value.is_empty() {
                "(unset)"
            } else {
                &o.value
            };
            let mut lines = wrap(&format!("{} = {value}", o.name), 86).into_iter();
            writeln!(out, "  {}", lines.next().unwrap_or_default())?;
            for line in lines {
                writeln!(out, "      {line}")?;
            }
            for line in wrap(&o.help, 82) {
                writeln!(out, "      {line}")?;
            }
        }
    }
    Ok(())
}

/// Splits a paragraph into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("never empty");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[derive(Serialize)]
struct RuleJson<'r> {
    id: &'r str,
    enabled: bool,
    severity: &'static str,
    penalty: u32,
    max_penalty: u32,
    summary: &'r str,
    flags: &'r str,
    why: &'r str,
    example: &'r str,
    instead: &'r str,
    options: Vec<OptionJson<'r>>,
}

#[derive(Serialize)]
struct OptionJson<'r> {
    name: &'r str,
    value: &'r str,
    help: &'r str,
}

impl<'r> From<&'r Rule> for RuleJson<'r> {
    fn from(rule: &'r Rule) -> Self {
        let (d, s) = (&rule.doc, rule.settings);
        RuleJson {
            id: &d.id,
            enabled: s.enabled,
            severity: s.severity.as_str(),
            penalty: s.penalty,
            max_penalty: s.max_penalty,
            summary: &d.summary,
            flags: &d.flags,
            why: &d.why,
            example: &d.example,
            instead: &d.instead,
            options: d
                .options
                .iter()
                .map(|o| OptionJson {
                    name: &o.name,
                    value: &o.value,
                    help: &o.help,
                })
                .collect(),
        }
    }
}
