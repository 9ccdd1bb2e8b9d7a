//! The ordered parallel pipeline behind `score` and `check`.
//!
//! Every worker runs the same loop: take the next job from a lazy source (a file list, or
//! standard input line by line), do it, then put the result in a small reorder buffer and pass
//! whatever is now next in source order to the sink. There is no producer or writer thread: on a
//! busy machine every wake-up of such a thread takes a core from a worker, and with one wake-up
//! of each per job that cost a few percent of a two-core run. A job only starts when fewer than
//! `window` jobs are in flight or waiting to be written, so memory stays bounded however long
//! the source is, and the output is the same for any number of threads.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

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
/// keeps every worker busy while the head of the queue is a long call.
pub fn window(threads: usize) -> usize {
    threads.max(1) * 16
}

/// Runs `work` over every job of `source` on `threads` threads and feeds the results to `sink`
/// in source order. With one thread everything runs on the calling thread.
pub fn run_ordered<J, R, S, W, K>(
    threads: usize,
    source: S,
    work: W,
    sink: &mut K,
) -> std::io::Result<()>
where
    J: Send,
    R: Send,
    S: Iterator<Item = J> + Send,
    W: Fn(J) -> R + Sync,
    K: Sink<R> + Send,
{
    let pipeline = Pipeline {
        source: Mutex::new(Source {
            jobs: source,
            taken: 0,
            done: false,
        }),
        window: window(threads),
        written: AtomicUsize::new(0),
        stopped: AtomicBool::new(false),
        waiting: AtomicUsize::new(0),
        window_moved: Condvar::new(),
        output: Mutex::new(Output {
            pending: BTreeMap::new(),
            next: 0,
            sink,
        }),
    };
    if threads <= 1 {
        pipeline.work_until_done(&work);
        return Ok(());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("callscore-{i}"))
        .build()
        .map_err(std::io::Error::other)?;
    pool.scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|_| pipeline.work_until_done(&work));
        }
    });
    Ok(())
}

/// The state the workers share.
struct Pipeline<'s, I, R, K> {
    source: Mutex<Source<I>>,
    window: usize,
    /// How many results the sink has taken: jobs up to `written + window` may start.
    written: AtomicUsize,
    /// The sink said stop, or a worker panicked: take no more jobs.
    stopped: AtomicBool,
    /// Workers asleep on `window_moved`; the writer only takes the source lock to wake them.
    waiting: AtomicUsize,
    window_moved: Condvar,
    output: Mutex<Output<'s, R, K>>,
}

struct Source<I> {
    jobs: I,
    /// How many jobs were taken: the index of the next.
    taken: usize,
    /// The source ran dry.
    done: bool,
}

struct Output<'s, R, K> {
    /// Results that finished before an earlier one.
    pending: BTreeMap<usize, R>,
    /// The index the sink takes next.
    next: usize,
    sink: &'s mut K,
}

impl<I, R, K> Pipeline<'_, I, R, K>
where
    I: Iterator,
    K: Sink<R>,
{
    /// One worker: jobs until the source runs dry or the sink stops.
    fn work_until_done(&self, work: &impl Fn(I::Item) -> R) {
        // A job that panics leaves a hole the others would wait behind forever: stop them.
        let _stop_on_panic = StopOnPanic(self);
        while let Some((index, job)) = self.next_job() {
            let result = work(job);
            self.deliver(index, result);
        }
    }

    /// The next job and its index, once the window has room for it.
    fn next_job(&self) -> Option<(usize, I::Item)> {
        let mut source = lock(&self.source);
        loop {
            if source.done || self.stopped.load(Ordering::SeqCst) {
                return None;
            }
            if self.has_room(&source) {
                break;
            }
            // Announce the wait, then look again: a writer that moved the window in between
            // either sees us waiting and wakes us, or its move is seen here.
            self.waiting.fetch_add(1, Ordering::SeqCst);
            if !self.has_room(&source) && !self.stopped.load(Ordering::SeqCst) {
                source = self
                    .window_moved
                    .wait(source)
                    .unwrap_or_else(|e| e.into_inner());
            }
            self.waiting.fetch_sub(1, Ordering::SeqCst);
        }
        match source.jobs.next() {
            Some(job) => {
                let index = source.taken;
                source.taken += 1;
                Some((index, job))
            }
            None => {
                source.done = true;
                None
            }
        }
    }

    fn has_room(&self, source: &Source<I>) -> bool {
        source.taken < self.written.load(Ordering::SeqCst) + self.window
    }

    /// Files `result` and passes everything now next in source order to the sink.
    fn deliver(&self, index: usize, result: R) {
        let mut guard = lock(&self.output);
        let output = &mut *guard;
        output.pending.insert(index, result);
        let before = output.next;
        while let Some(result) = output.pending.remove(&output.next) {
            output.next += 1;
            if output.sink.take(result) == Flow::Stop {
                self.stop();
                return;
            }
        }
        if output.next == before {
            return;
        }
        output.sink.idle();
        self.written.store(output.next, Ordering::SeqCst);
        drop(guard);
        if self.waiting.load(Ordering::SeqCst) > 0 {
            let _source = lock(&self.source);
            self.window_moved.notify_all();
        }
    }
}

impl<I, R, K> Pipeline<'_, I, R, K> {
    /// Tells every worker to take no more jobs, and wakes those waiting for room.
    fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        let _source = lock(&self.source);
        self.window_moved.notify_all();
    }
}

/// Stops the pipeline if the worker holding it unwinds.
struct StopOnPanic<'p, 's, I, R, K>(&'p Pipeline<'s, I, R, K>);

impl<I, R, K> Drop for StopOnPanic<'_, '_, I, R, K> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// A lock that outlives a panic elsewhere: the run is ending anyway, and the state is whole
/// (no lock is held across a call that could leave it half changed).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
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

    /// Counts what the sink took, so that jobs can see how far the output has come.
    struct Count<'a>(&'a std::sync::atomic::AtomicUsize);

    impl Sink<usize> for Count<'_> {
        fn take(&mut self, _: usize) -> Flow {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Flow::Continue
        }
    }

    #[test]
    fn a_slow_first_job_holds_the_others_to_the_window() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        let (started, written) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let widest = AtomicUsize::new(0);
        let work = |i: usize| {
            let now = started.fetch_add(1, SeqCst) + 1;
            widest.fetch_max(now - written.load(SeqCst), SeqCst);
            if i == 0 {
                // Hold the head until the others have filled the window (or give up), then
                // give any job that wrongly starts beyond it time to show.
                for _ in 0..1000 {
                    if started.load(SeqCst) >= window(4) {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            i
        };
        run_ordered(4, 0..500usize, work, &mut Count(&written)).unwrap();
        assert_eq!(written.load(SeqCst), 500);
        assert_eq!(widest.load(SeqCst), window(4));
    }

    #[test]
    fn a_panicking_job_ends_the_run_instead_of_leaving_the_others_waiting() {
        let written = std::sync::atomic::AtomicUsize::new(0);
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let work = |i: usize| {
                assert!(i != 0, "the first job fails");
                i
            };
            run_ordered(2, 0..1000usize, work, &mut Count(&written))
        }));
        assert!(run.is_err());
        assert_eq!(written.load(std::sync::atomic::Ordering::SeqCst), 0);
    }
}
