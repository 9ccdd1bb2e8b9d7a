//! Read-ahead: the kernel is asked to start reading the next files of a run before a worker
//! opens them. A quarter's calls are mostly not in the page cache, and a worker that reads a
//! file only when it starts it leaves its core idle for the disk's latency once per file; with
//! a few dozen files requested ahead the disk works while the cores score.

use super::inputs::Input;

/// How many files past the one being taken are requested ahead.
pub const FILES_AHEAD: usize = 32;

/// The inputs to request when an input is taken, given the inputs after it (`rest`): all of the
/// first `FILES_AHEAD` when it is the first taken, otherwise the one `FILES_AHEAD` further on
/// (the others were requested before). Each input after the first is requested once.
pub fn due(rest: &[Input], first: bool) -> &[Input] {
    let end = FILES_AHEAD.min(rest.len());
    let from = if first { 0 } else { FILES_AHEAD - 1 };
    &rest[from.min(end)..end]
}

/// Asks the kernel to read the start of `input` into the page cache, without waiting for it.
/// Best effort: a file that cannot be opened here is reported when a worker reads it. Only
/// regular files: opening a named pipe (`<(zcat calls.txt.gz)`) could block, or leave its
/// writer with no reader between this open and the worker's. A folder walk finds only regular
/// files; a path from the command line is checked first.
pub fn request(input: &Input) {
    match input {
        Input::Found(path) => os::will_need(path),
        Input::File(path) if path.metadata().is_ok_and(|m| m.is_file()) => os::will_need(path),
        _ => {}
    }
}

#[cfg(target_os = "linux")]
mod os {
    use std::num::NonZeroU64;
    use std::path::Path;

    /// How much of a file is requested: more than any single call's transcript; the kernel's
    /// own read-ahead takes over as a larger file is read in order.
    const BYTES: NonZeroU64 = NonZeroU64::new(8 << 20).expect("non-zero");

    pub fn will_need(path: &Path) {
        if let Ok(file) = std::fs::File::open(path) {
            // Errors only mean no hint (a file system without read-ahead).
            let _ = rustix::fs::fadvise(&file, 0, Some(BYTES), rustix::fs::Advice::WillNeed);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod os {
    pub fn will_need(_path: &std::path::Path) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn each_input_after_the_first_is_due_once_before_it_is_taken() {
        for n in [0, 1, 2, FILES_AHEAD, FILES_AHEAD + 1, 3 * FILES_AHEAD + 7] {
            let inputs: Vec<Input> = (0..n)
                .map(|i| Input::Found(PathBuf::from(i.to_string())))
                .collect();
            let mut requested = Vec::new();
            for i in 0..n {
                assert!(i == 0 || requested.contains(&inputs[i]), "{i} of {n}");
                requested.extend_from_slice(due(&inputs[i + 1..], i == 0));
            }
            assert_eq!(requested, inputs.get(1..).unwrap_or_default(), "{n}");
        }
    }
}
