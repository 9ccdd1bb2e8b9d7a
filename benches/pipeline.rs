//! Micro-benchmarks of the pipeline stages on one 30-minute plain-text call.
//!
//! `cargo bench --bench pipeline` reports each stage as bytes of transcript per second and, in
//! the `per_utterance` group, as utterances per second. The call in `data/call-30min.txt` was
//! made by `python3 benches/gen_corpus.py --single 30 --seed 7`.

use callscore::rules::RuleSet;
use callscore::transcript::{self, RoleOverrides, Transcript};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const CALL: &str = include_str!("data/call-30min.txt");
const PATH: &str = "call-30min.txt";

/// The call read and with roles assigned, as the later stages receive it.
fn prepared(ruleset: &RuleSet) -> Transcript {
    let mut calls = transcript::parse(PATH, CALL.as_bytes(), None).expect("the bench call parses");
    let mut t = calls.remove(0);
    transcript::roles::assign(&mut t, &RoleOverrides::default(), &ruleset.roles);
    t
}

fn stages(c: &mut Criterion) {
    let ruleset = RuleSet::default_set();
    let t = prepared(&ruleset);
    let annotated = callscore::analysis::annotate(&t, &ruleset.lexicon);

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(CALL.len() as u64));
    g.bench_function("read_text", |b| {
        b.iter(|| transcript::parse(PATH, black_box(CALL.as_bytes()), None))
    });
    g.bench_function("roles", |b| {
        b.iter_batched(
            || t.clone(),
            |mut t| {
                transcript::roles::assign(&mut t, &RoleOverrides::default(), &ruleset.roles);
                t
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("annotate", |b| {
        b.iter(|| callscore::analysis::annotate(black_box(&t), &ruleset.lexicon))
    });
    g.bench_function("rules", |b| {
        b.iter(|| callscore::rules::check(black_box(&annotated), &ruleset))
    });
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            let calls = transcript::parse(PATH, black_box(CALL.as_bytes()), None).unwrap();
            calls
                .into_iter()
                .map(|t| callscore::score_call(t, &ruleset, &RoleOverrides::default()))
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("per_utterance");
    g.throughput(Throughput::Elements(t.utterances.len() as u64));
    g.bench_function("annotate", |b| {
        b.iter(|| callscore::analysis::annotate(black_box(&t), &ruleset.lexicon))
    });
    g.bench_function("rules", |b| {
        b.iter(|| callscore::rules::check(black_box(&annotated), &ruleset))
    });
    g.finish();
}

fn short() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = short();
    targets = stages
}
criterion_main!(benches);
