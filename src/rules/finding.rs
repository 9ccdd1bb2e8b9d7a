//! What a rule reports: one place in one call where the conversation went wrong.

use crate::transcript::Role;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, with every field of SPEC section 5.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    /// Source line of the utterance the finding points at.
    pub line: usize,
    pub start_s: Option<f64>,
    pub speaker: String,
    pub role: Role,
    /// What happened in this call, e.g. "deflected to a demo".
    pub message: String,
    pub excerpt: String,
    /// The other end: the prospect turn passed over, the rep turn that deflected.
    pub related_line: Option<usize>,
    /// Points this finding took off the score (0 once the rule's cap is reached).
    pub penalty: u32,
}
