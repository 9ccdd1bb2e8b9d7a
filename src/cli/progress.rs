//! The progress bar on standard error: only for a person watching a terminal.

use super::CommonArgs;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// Progress of a run, or nothing when no bar is wanted.
pub struct Progress {
    bar: Option<ProgressBar>,
    calls: u64,
    started: Instant,
}

/// A bar only when standard error is a terminal, the user did not turn it off, and we are not
/// in CI (where logs would fill with redraws).
pub fn wanted(common: &CommonArgs) -> bool {
    !common.quiet && !common.no_progress && std::io::stderr().is_terminal() && !in_ci()
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"))
}

impl Progress {
    /// `total`: the number of inputs when known (files), `None` for a stream.
    pub fn new(enabled: bool, total: Option<u64>) -> Progress {
        let bar = enabled.then(|| {
            let (bar, template) = match total {
                Some(n) => (
                    ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
                    "{bar:30.cyan/blue} {pos}/{len} files · {msg} · ETA {eta}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                    "{spinner} {pos} inputs · {msg} · {elapsed}",
                ),
            };
            bar.set_style(
                ProgressStyle::with_template(template)
                    .expect("the progress templates are valid")
                    .progress_chars("█▉▊▋▌▍▎▏ "),
            );
            bar
        });
        Progress {
            bar,
            calls: 0,
            started: Instant::now(),
        }
    }

    /// A unit is done: it held `calls` calls, and began a new input when `new_input`.
    pub fn advance(&mut self, new_input: bool, calls: usize) {
        self.calls += calls as u64;
        if let Some(bar) = &self.bar {
            let rate = self.calls as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            bar.inc(u64::from(new_input));
            bar.set_message(format!("{} calls · {rate:.0} calls/s", self.calls));
        }
    }

    /// Prints a line on standard error without tearing the bar.
    pub fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
