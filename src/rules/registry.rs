//! The built-in rules, the typed `[rules]` table, and building a rule list from it.

use super::{
    Rule, custom, missing_purpose, monologue, no_next_step, purposeless_opener, talk_ratio,
    train_selling, unanswered_question,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The `[rules]` table: one optional table per built-in rule, plus custom rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesTable {
    #[serde(rename = "train-selling")]
    pub train_selling: Option<train_selling::Table>,
    #[serde(rename = "purposeless-opener")]
    pub purposeless_opener: Option<purposeless_opener::Table>,
    #[serde(rename = "unanswered-question")]
    pub unanswered_question: Option<unanswered_question::Table>,
    #[serde(rename = "missing-purpose")]
    pub missing_purpose: Option<missing_purpose::Table>,
    pub monologue: Option<monologue::Table>,
    #[serde(rename = "talk-ratio")]
    pub talk_ratio: Option<talk_ratio::Table>,
    #[serde(rename = "no-next-step")]
    pub no_next_step: Option<no_next_step::Table>,
    /// `[rules.custom.<id>]`: user-defined phrase rules.
    #[serde(default)]
    pub custom: BTreeMap<String, custom::Table>,
}

/// Built-in rule ids, in the order rules run and are listed.
pub const BUILTIN: [&str; 7] = [
    train_selling::ID,
    purposeless_opener::ID,
    unanswered_question::ID,
    missing_purpose::ID,
    monologue::ID,
    talk_ratio::ID,
    no_next_step::ID,
];

/// Why a rule table could not be built: the message, and text to find its line by.
#[derive(Debug)]
pub struct BuildError {
    pub message: String,
    pub near: String,
}

/// Builds every rule the table configures. A built-in rule without a table is not in the set
/// (only stand-alone files leave one out); a disabled one may be incomplete.
pub fn build(table: &RulesTable) -> Result<Vec<Rule>, BuildError> {
    let mut rules = Vec::new();
    macro_rules! builtin {
        ($field:ident, $module:ident) => {
            if let Some(t) = &table.$field {
                let near = format!("[rules.{}]", $module::ID);
                match $module::build(t) {
                    Ok(rule) => rules.push(rule),
                    Err(_) if t.enabled == Some(false) => {}
                    Err(message) => return Err(BuildError { message, near }),
                }
            }
        };
    }
    builtin!(train_selling, train_selling);
    builtin!(purposeless_opener, purposeless_opener);
    builtin!(unanswered_question, unanswered_question);
    builtin!(missing_purpose, missing_purpose);
    builtin!(monologue, monologue);
    builtin!(talk_ratio, talk_ratio);
    builtin!(no_next_step, no_next_step);
    for (id, t) in &table.custom {
        let near = format!("[rules.custom.{id}]");
        check_custom_id(id).map_err(|message| BuildError {
            message,
            near: near.clone(),
        })?;
        match custom::build(id, t) {
            Ok(rule) => rules.push(rule),
            Err(_) if t.enabled == Some(false) => {}
            Err(message) => {
                // A bad pattern is easier to find by its own text.
                let near = t
                    .patterns
                    .iter()
                    .flatten()
                    .find(|p| message.contains(p.as_str()))
                    .cloned()
                    .unwrap_or(near);
                return Err(BuildError { message, near });
            }
        }
    }
    Ok(rules)
}

fn check_custom_id(id: &str) -> Result<(), String> {
    if BUILTIN.contains(&id) {
        return Err(format!(
            "custom rule '{id}' has the id of a built-in rule; configure it as [rules.{id}] \
             or pick another id"
        ));
    }
    let kebab = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !kebab {
        return Err(format!(
            "custom rule id '{id}' should be lowercase letters, digits and '-', like 'recording-disclosure'"
        ));
    }
    Ok(())
}
