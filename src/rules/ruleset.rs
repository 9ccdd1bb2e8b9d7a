//! The rule file (TOML): role cues, analysis phrase lists, and each rule's settings.
//!
//! A user's file with `extends = "default"` is laid over the built-in `rules/default.toml` key by
//! key (tables merge, every other value, lists included, replaces); a file without `extends`
//! stands alone. The user's text is first checked on its own, so that a typo, a wrong type or an
//! unknown rule id is reported with its line.

use super::config::{RuleFileError, line_of, overlay, show_value};
use super::registry::{self, RulesTable};
use super::{Rule, RuleDoc};
use crate::analysis::{AnalysisConfig, Lexicon};
use crate::transcript::RoleCues;
use serde::Deserialize;

/// The default rule set, compiled into the binary.
pub const DEFAULT_TOML: &str = include_str!("../../rules/default.toml");

/// A rule file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub name: Option<String>,
    pub extends: Option<String>,
    #[serde(default)]
    pub roles: RoleCues,
    #[serde(default)]
    pub analysis: AnalysisConfig,
    #[serde(default)]
    pub rules: RulesTable,
}

/// A loaded, compiled rule set, ready to run.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub name: String,
    pub roles: RoleCues,
    pub lexicon: Lexicon,
    /// The configured rules, enabled or not, in run order.
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The built-in rule set.
    pub fn default_set() -> RuleSet {
        RuleSet::load_as(DEFAULT_TOML, "default", Origin::BuiltIn)
            .expect("the built-in rules/default.toml is valid")
    }

    /// Parses and compiles a rule file; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<RuleSet, String> {
        RuleSet::load(text, origin).map_err(|e| e.to_string())
    }

    /// Parses and compiles a rule file, with errors that name `origin` and the line.
    pub fn load(text: &str, origin: &str) -> Result<RuleSet, RuleFileError> {
        RuleSet::load_as(text, origin, Origin::User)
    }

    fn load_as(text: &str, origin: &str, kind: Origin) -> Result<RuleSet, RuleFileError> {
        let toml_error = |e: toml::de::Error| RuleFileError::from_toml(origin, text, &e);
        let own: toml::Table = toml::from_str(text).map_err(toml_error)?;
        // A user's file is first read on its own, so that its errors name their lines. The
        // built-in file has no errors and extends nothing: reading it twice cost 0.4% of a run.
        let checked: Option<RuleFile> = match kind {
            Origin::User => Some(toml::from_str(text).map_err(toml_error)?),
            Origin::BuiltIn => None,
        };
        let extends = checked.as_ref().and_then(|c| c.extends.as_deref());
        let mut merged = match extends {
            None => toml::Table::new(),
            Some("default") => toml::from_str(DEFAULT_TOML).expect("default.toml parses"),
            Some(other) => {
                return Err(RuleFileError::new(
                    origin,
                    line_of(text, "extends"),
                    format!("extends = \"{other}\": only \"default\" can be extended"),
                ));
            }
        };
        overlay(&mut merged, own);
        merged.remove("extends");
        let file: RuleFile = toml::Value::Table(merged.clone())
            .try_into()
            .map_err(|e: toml::de::Error| RuleFileError::new(origin, None, e.message().trim()))?;
        let lexicon = Lexicon::compile(&file.analysis)
            .map_err(|e| RuleFileError::new(origin, None, format!("[analysis] {e}")))?;
        // Compile the role cues once here, so every call reuses them.
        match kind {
            Origin::BuiltIn => file.roles.compile_known_valid(),
            Origin::User => {
                file.roles
                    .compile()
                    .map_err(|e| RuleFileError::new(origin, line_of(text, &e.near), e.message))?;
            }
        }
        let mut rules = registry::build(&file.rules)
            .map_err(|e| RuleFileError::new(origin, line_of(text, &e.near), e.message))?;
        let values = merged.get("rules").and_then(toml::Value::as_table);
        for rule in &mut rules {
            fill_option_values(&mut rule.doc, values);
        }
        // The name the file itself gives, not one it inherits.
        let name = match checked {
            Some(checked) => checked.name,
            None => file.name,
        };
        Ok(RuleSet {
            name: name.unwrap_or_else(|| set_name(origin)),
            roles: file.roles,
            lexicon,
            rules,
        })
    }

    /// The rule with this id, enabled or not.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id() == id)
    }

    /// Ids of the enabled rules, in run order.
    pub fn enabled_ids(&self) -> impl Iterator<Item = &str> {
        self.rules
            .iter()
            .filter(|r| r.settings.enabled)
            .map(Rule::id)
    }
}

/// Where a rule file comes from: the built-in one is known to be valid (its tests load it).
#[derive(Clone, Copy)]
enum Origin {
    BuiltIn,
    User,
}

/// A rule set without a `name` is named after its file.
fn set_name(origin: &str) -> String {
    std::path::Path::new(origin)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| origin.to_string())
}

fn fill_option_values(doc: &mut RuleDoc, rules: Option<&toml::Table>) {
    let table = rules.and_then(|r| {
        r.get(&doc.id).or_else(|| {
            r.get("custom")
                .and_then(toml::Value::as_table)
                .and_then(|c| c.get(&doc.id))
        })
    });
    let Some(table) = table.and_then(toml::Value::as_table) else {
        return;
    };
    for option in &mut doc.options {
        option.value = table.get(&option.name).map(show_value).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_set_has_every_builtin_rule_enabled() {
        let set = RuleSet::default_set();
        let ids: Vec<&str> = set.enabled_ids().collect();
        assert_eq!(ids, registry::BUILTIN);
        assert!(
            set.rules
                .iter()
                .all(|r| r.settings.max_penalty >= r.settings.penalty)
        );
    }

    /// `default_set` reads the built-in file once, as known to be valid: it gets what loading
    /// the file as a user's gives.
    #[test]
    fn the_default_set_is_the_built_in_file_loaded_as_any_other() {
        let (built_in, loaded) = (
            RuleSet::default_set(),
            RuleSet::load(DEFAULT_TOML, "default").unwrap(),
        );
        assert_eq!(built_in.name, "default");
        assert_eq!(built_in.name, loaded.name);
        assert_eq!(
            format!("{:?}", built_in.rules),
            format!("{:?}", loaded.rules)
        );
        let patterns = |s: &RuleSet| format!("{:?} {:?}", s.roles.rep_names, s.roles.cues);
        assert_eq!(patterns(&built_in), patterns(&loaded));
    }

    #[test]
    fn extends_overrides_only_what_it_sets() {
        let set = RuleSet::load(
            "extends = \"default\"\n[rules.monologue]\npenalty = 1\n[rules.talk-ratio]\nenabled = false\n",
            "team.toml",
        )
        .unwrap();
        assert_eq!(set.name, "team");
        let mono = set.rule("monologue").unwrap();
        assert_eq!(mono.settings.penalty, 1);
        let default = RuleSet::default_set();
        let default_mono = default.rule("monologue").unwrap();
        assert_eq!(mono.settings.max_penalty, default_mono.settings.max_penalty);
        assert_eq!(mono.doc.options, default_mono.doc.options);
        assert!(!set.rule("talk-ratio").unwrap().settings.enabled);
    }

    #[test]
    fn a_standalone_file_has_only_its_rules_and_must_be_complete() {
        let set = RuleSet::load(
            "[rules.monologue]\nseverity = 'info'\npenalty = 1\nmax_penalty = 2\nmax_seconds = 60\nmax_words = 100\n",
            "mono.toml",
        )
        .unwrap();
        assert_eq!(set.enabled_ids().collect::<Vec<_>>(), ["monologue"]);
        let err = RuleSet::load("[rules.monologue]\npenalty = 1\n", "m.toml").unwrap_err();
        assert!(err.message.contains("[rules.monologue] has no `"), "{err}");
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = RuleSet::load(
            "extends = \"default\"\n\n[rules.monologue]\npenalty = \"ten\"\n",
            "x.toml",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        assert!(err.to_string().starts_with("x.toml: line 4: "), "{err}");
        let err = RuleSet::load(
            "extends = \"default\"\n[rules.trian-selling]\npenalty = 1\n",
            "x.toml",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.message.contains("trian-selling"), "{err}");
        let err = RuleSet::load("extends = \"strict\"\n", "x.toml").unwrap_err();
        assert_eq!(err.line, Some(1));
        let err = RuleSet::load(
            "extends = \"default\"\n[rules.custom.no-x]\nkind = 'forbidden'\npatterns = ['a(']\nseverity = 'info'\npenalty = 1\nmax_penalty = 1\n",
            "x.toml",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
    }
}
