//! Phrase lists that rules match themselves (custom rules, a rule's own options), compiled to
//! one case-insensitive regex.

use regex::Regex;

/// One case-insensitive regex for all phrases and patterns. Phrases match as whole words with
/// any run of spaces or punctuation between words, and with or without apostrophes.
pub fn compile(key: &str, phrases: &[String], patterns: &[String]) -> Result<Regex, String> {
    for p in patterns {
        Regex::new(p).map_err(|e| {
            // The regex error draws a caret under the pattern; keep its last line, the reason.
            let text = e.to_string();
            let reason = text
                .lines()
                .last()
                .unwrap_or_default()
                .trim_start_matches("error: ");
            format!("[rules.{key}] pattern '{p}' is not a valid regular expression: {reason}")
        })?;
    }
    let words = |phrase: &str| -> String {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| regex::escape(w).replace('\'', "['’]?"))
            .collect();
        format!(r"\b{}\b", words.join(r"\W+"))
    };
    let mut alternatives: Vec<String> = phrases
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| words(p))
        .collect();
    alternatives.extend(patterns.iter().map(|p| format!("(?:{p})")));
    if alternatives.is_empty() {
        // An empty list matches nothing.
        alternatives.push(r"[^\s\S]".to_string());
    }
    Regex::new(&format!("(?i){}", alternatives.join("|")))
        .map_err(|e| format!("[rules.{key}] cannot compile its phrases: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_matches_nothing() {
        let re = compile("x", &[], &[]).unwrap();
        assert!(!re.is_match("anything at all"));
        assert!(!re.is_match(""));
    }
}
