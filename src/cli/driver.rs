//! The ordered parallel pipeline behind `score` and `check`.
//!
//! A producer thread pulls jobs from a lazy source (a file list, or standard input line by
//! line) and hands each to the rayon pool; the calling thread takes results as they finish, puts
//! them back in source order with a small reorder buffer and passes them to the sink. A job only
//! starts when fewer than `window` jobs are in flight or waiting to be written, so memory stays
//! bounded however long the source is, and the output is the same for any number of threads.

use std::collections::BTreeMap;
use std::sync::mpsc;

/// What the sink wants next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// Stop taking new jobs (e.g. the reader of our output went away).
    Stop,
}

/// Where results go, in source order.
pub trait Sink<R> {
    fn take(&mut self, result: R) -> Flow;
    /// Everything ready has been taken and the pipeline is about to wait: the place to flush.
    fn idle(&mut self) {}
}

/// How many jobs may be started or waiting to be written at once. A job is only a path until a
/// worker starts it, and a result is a few kilobytes, so a deep window costs little memory; it
/// keeps every worker fed while the writing thread waits for a long call, or for a core on a
/// busy machine.
pub fn window(threads: usize) -> usize {
    threads.max(1) * 16
}

/// Runs `work` over every job of `source` on `threads` threads and feeds the results to `sink`
/// in source order. `work` should not panic: a panic ends the run.
pub fn run_ordered<J, R, S, W>(
    threads: usize,
    source: S,
    work: W,
    sink: &mut impl Sink<R>,
) -> std::io::Result<()>
where
    J: Send,
    R: Send,
    S: Iterator<Item = J> + Send,
    W: Fn(J) -> R + Sync,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("callscore-{i}"))
        .build()
        .map_err(std::io::Error::other)?;
    let window = window(threads);
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        permit_tx
            .send(())
            .expect("the permit channel has room for the window");
    }
    let work = &work;
    std::thread::scope(|threads_scope| {
        threads_scope.spawn(move || {
            pool.in_place_scope(|jobs_scope| {
                let mut source = source.enumerate();
                // Take a permit before reading the next job, so that nothing is read ahead of
                // the window; no permit means the sink stopped: leave the rest unread.
                while permit_rx.recv().is_ok() {
                    let Some((index, job)) = source.next() else {
                        break;
                    };
                    let done_tx = done_tx.clone();
                    jobs_scope.spawn(move |_| {
                        let result = work(job);
                        // The sink may have stopped and dropped the receiver: nothing to do.
                        let _ = done_tx.send((index, result));
                    });
                }
            });
        });
        // Owned here so that returning early drops them: the producer then stops waiting.
        let (done_rx, permit_tx) = (done_rx, permit_tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        loop {
            let received = match done_rx.try_recv() {
                Ok(item) => Some(item),
                Err(mpsc::TryRecvError::Empty) => {
                    sink.idle();
                    done_rx.recv().ok()
                }
                Err(mpsc::TryRecvError::Disconnected) => None,
            };
            let Some((index, result)) = received else {
                break;
            };
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                if sink.take(result) == Flow::Stop {
                    return;
                }
                let _ = permit_tx.send(());
            }
        }
        debug_assert!(pending.is_empty(), "every job's result was written");
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects results; stops after `stop_after` of them when set.
    #[derive(Default)]
    struct Collect {
        seen: Vec<usize>,
        stop_after: Option<usize>,
    }

    impl Sink<usize> for Collect {
        fn take(&mut self, r: usize) -> Flow {
            self.seen.push(r);
            if Some(self.seen.len()) == self.stop_after {
                Flow::Stop
            } else {
                Flow::Continue
            }
        }
    }

    fn collect(threads: usize, n: usize) -> Vec<usize> {
        let mut out = Collect::default();
        run_ordered(
            threads,
            0..n,
            |i| {
                // Make later jobs finish first now and then, to exercise the reorder buffer.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 10
            },
            &mut out,
        )
        .unwrap();
        out.seen
    }

    #[test]
    fn results_come_in_source_order_for_any_thread_count() {
        let expected: Vec<usize> = (0..200).map(|i| i * 10).collect();
        assert_eq!(collect(1, 200), expected);
        assert_eq!(collect(4, 200), expected);
    }

    #[test]
    fn stopping_leaves_the_rest_of_the_source_unread() {
        let pulled = std::sync::atomic::AtomicUsize::new(0);
        let source = (0..1_000_000usize).inspect(|_| {
            pulled.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let mut sink = Collect {
            seen: Vec::new(),
            stop_after: Some(3),
        };
        run_ordered(2, source, |i| i, &mut sink).unwrap();
        assert_eq!(sink.seen, [0, 1, 2]);
        // At most the three written and a window in flight were read.
        let pulled = pulled.load(std::sync::atomic::Ordering::SeqCst);
        assert!(pulled <= 3 + window(2), "{pulled}");
    }
}
