//! The call model and one reader per input format. Pure: readers take bytes, not paths on disk.

mod cue_set;
pub mod error;
pub mod formats;
pub mod model;
pub mod read;
pub mod role_cues;
pub mod roles;

pub use error::{ParseError, ReadError};
pub use model::{Format, Role, RoleSource, Suppressions, Transcript, Turn, Utterance};
pub use read::{detect_format, parse};
pub use roles::{RoleCues, RoleOverrides};
