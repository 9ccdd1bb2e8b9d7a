#!/usr/bin/env bash
# callscore throughput benchmark: one run, one machine, against the ripgrep floor.
#
#   benches/bench.sh            # corpora of 10 MB, 100 MB and 1 GB
#   benches/bench.sh --quick    # 10 MB and 100 MB only
#
# Environment (all optional):
#   CALLSCORE_BIN     binary to measure (default target/release/callscore, built with
#                     `cargo build --release --locked` when this is unset)
#   CALLSCORE_CMD     subcommand and options under test (default "score --format csv");
#                     the script appends "-o OUT DIR" (and "-jN" for the cores test)
#   BENCH_SIZES       corpus sizes (default "10MB 100MB 1GB"; --quick: "10MB 100MB")
#   BENCH_CORES_SIZE  corpus for the -j1 / -j2 comparison (default: the second size)
#   BENCH_RUNS        timed runs per command, after one warm-up (default 5)
#   BENCH_CORES_ROUNDS alternating rounds of the -j1 / -j2 comparison (default 15: its ratio is
#                     a bar, and five rounds gave 1.65x and 1.88x on one host within minutes)
#   BENCH_SEED        corpus seed (default 20261123)
#   BENCH_FORMATS     corpus formats for gen_corpus.py (default txt; "mixed" for all)
#   BENCH_VARIANT_ROUNDS alternating rounds of the block that gives rg fewer patterns (default 9)
#   BENCH_FORMAT_LIST formats timed against each other on the same calls, one core each
#                     (default "txt vtt srt csv json jsonl"; empty to skip)
#   BENCH_FORMAT_CALLS calls in each format's corpus (default 600, about 17 MB as plain text)
#   BENCH_WORD_FLOOR  1 (default) also times benches/word_floor.rs, which only splits words and
#                     looks them up, beside rg and callscore (builds it with cargo)
#   BENCH_RULES       rule file whose phrase lists make the rg patterns (default rules/default.toml)
#   BENCH_OUT         output and corpus cache folder (default bench-out)
#   BENCH_COLD        1 (default) also times the cores corpus from the disk, dropping the page
#                     cache before each run (needs root or password-less sudo; skipped otherwise)
#   BENCH_CALLGRIND   1 (default, when valgrind is installed) counts instructions per byte with
#                     callgrind on the first 100 files of the smallest corpus: a figure that,
#                     unlike wall time, does not depend on what else the machine is doing
#
# Prints a markdown report and writes it to $BENCH_OUT/results.md. Corpora are cached in
# $BENCH_OUT/corpus-SIZE and reused while the seed, formats and generator are unchanged;
# delete them with `rm -rf bench-out/corpus-*` when done (1 GB is big).
set -euo pipefail

# Paths given by the caller are relative to where they ran the script, not to the repository.
absolute() { case $1 in */*) realpath -m "$1" ;; *) command -v "$1" || echo "$1" ;; esac; }
[ -n "${CALLSCORE_BIN:-}" ] && CALLSCORE_BIN=$(absolute "$CALLSCORE_BIN")
[ -n "${BENCH_RULES:-}" ] && BENCH_RULES=$(realpath -m "$BENCH_RULES")
[ -n "${BENCH_OUT:-}" ] && BENCH_OUT=$(realpath -m "$BENCH_OUT")
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${BENCH_SIZES:-10MB 100MB 1GB}
while [ $# -gt 0 ]; do
    case $1 in
        --quick) SIZES=${BENCH_SIZES:-10MB 100MB} ;;
        --runs) RUNS=$2; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown option '$1'; see --help" >&2; exit 2 ;;
    esac
    shift
done
RUNS=${RUNS:-${BENCH_RUNS:-5}}
CORES_ROUNDS=${BENCH_CORES_ROUNDS:-15}
SEED=${BENCH_SEED:-20261123}
FORMATS=${BENCH_FORMATS:-txt}
FORMAT_LIST=${BENCH_FORMAT_LIST-txt vtt srt csv json jsonl}
FORMAT_CALLS=${BENCH_FORMAT_CALLS:-600}
RULES=${BENCH_RULES:-rules/default.toml}
OUT=${BENCH_OUT:-$ROOT/bench-out}
CMD=${CALLSCORE_CMD:-score --format csv}
read -r -a SIZE_LIST <<< "$SIZES"
CORES_SIZE=${BENCH_CORES_SIZE:-${SIZE_LIST[1]:-${SIZE_LIST[0]}}}
RUN_DIR=$OUT/run
# Emptied whole: it holds folders too (the variants block's empty folder).
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"
COMMANDS=$RUN_DIR/commands.txt
cut -d' ' -f1-3 /proc/loadavg > "$RUN_DIR/load-start.txt" 2>/dev/null || true
log() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------
need=()
command -v rg >/dev/null || need+=(ripgrep)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >&2
fi
python3 -c 'import tomllib' 2>/dev/null || { log "python3 >= 3.11 is needed (tomllib)"; exit 2; }

if [ -z "${CALLSCORE_BIN:-}" ]; then
    log "cargo build --release --locked"
    cargo build --release --locked >&2
fi
BIN=${CALLSCORE_BIN:-$ROOT/target/release/callscore}
[ -x "$BIN" ] || { log "$BIN is not an executable; build it or set CALLSCORE_BIN"; exit 2; }

# --- patterns: the rule set's phrase lists, for rg ----------------------------------------
PATTERNS=$RUN_DIR/patterns.txt
# The same phrases as whole words (\bphrase\b), as callscore matches them, for the reference
# rows that make rg find every match (rg 13's own -w takes a slow path: about 28x slower on the
# 100 MB corpus).
WORD_PATTERNS=$RUN_DIR/patterns-word.txt
# Fewer patterns, for the variants block: without the word-class lists (pronouns, auxiliaries,
# stop words), and only the phrases of two words or more.
FEWER_PATTERNS=("$RUN_DIR/patterns-no-word-lists.txt" "$RUN_DIR/patterns-multi-word.txt")
RG_OK=1
if ! python3 benches/patterns.py "$RULES" -o "$PATTERNS" 2> "$RUN_DIR/patterns.log" ||
    ! python3 benches/patterns.py --word "$RULES" -o "$WORD_PATTERNS" 2> /dev/null ||
    ! python3 benches/patterns.py --without analysis.words "$RULES" -o "${FEWER_PATTERNS[0]}" 2> /dev/null ||
    ! python3 benches/patterns.py --min-words 2 "$RULES" -o "${FEWER_PATTERNS[1]}" 2> /dev/null; then
    RG_OK=0
fi
cat "$RUN_DIR/patterns.log" >&2

# --- corpora ------------------------------------------------------------------------------
GEN_HASH=$(cat benches/gen_corpus.py benches/speech.py benches/vocab.py | sha256sum | cut -c1-16)
corpus() {  # corpus SIZE [FORMATS] -> prints the folder, generating it unless the cached one matches
    # SIZE is bytes ("100MB") or a number of calls ("500calls").
    local size=$1 formats=${2:-$FORMATS} dir="$OUT/corpus-$1" stamp="$OUT/corpus-$1.json"
    [ "$formats" = txt ] || { dir="$dir-${formats//,/-}"; stamp="$dir.json"; }
    # The run folder keeps each corpus's summary; corpora of other formats than the main one's
    # (the formats block) under their own name.
    local kept="$RUN_DIR/corpus-$size.json"
    [ "$formats" = "$FORMATS" ] || kept="$RUN_DIR/corpus-$size-${formats//,/-}.json"
    local want="$SEED $formats $GEN_HASH"
    if [ -f "$stamp" ] && [ "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["seed"], d["formats_arg"], d["generator"])' "$stamp")" = "$want" ]; then
        log "reusing $dir"
    else
        rm -rf "$dir" "$stamp"
        log "generating $dir (seed $SEED, formats $formats)"
        local amount=(--size "$size")
        case $size in *calls) amount=(--calls "${size%calls}") ;; esac
        python3 benches/gen_corpus.py --seed "$SEED" "${amount[@]}" --formats "$formats" --out "$dir" \
            | python3 -c 'import json,sys; d=json.load(sys.stdin); d.update(formats_arg=sys.argv[1], generator=sys.argv[2]); print(json.dumps(d))' \
                "$formats" "$GEN_HASH" > "$stamp.tmp"
        mv "$stamp.tmp" "$stamp"
    fi
    cp "$stamp" "$kept"
    echo "$dir"
}

# --- measurements -------------------------------------------------------------------------
# hyperfine -N runs commands without a shell, so the arguments below are split on spaces.
# Each argument after a space, quoted so that a line of the commands file can be pasted into a
# shell: in double quotes when it holds a single quote (`sh -c '...'`), else in single quotes.
quoted() {
    local arg
    for arg in "$@"; do
        case $arg in *"'"*) printf ' "%s"' "$arg" ;; *) printf " '%s'" "$arg" ;; esac
    done
}

timeit() {  # timeit NAME COMMAND... -> $RUN_DIR/NAME.json
    local name=$1; shift
    local ignore=()
    [ "${HF_IGNORE:-0}" = 1 ] && ignore=(--ignore-failure)
    echo "hyperfine -N --warmup 1 --runs $RUNS$(quoted "$@")" >> "$COMMANDS"
    hyperfine -N --warmup 1 --runs "$RUNS" "${ignore[@]}" --export-json "$RUN_DIR/$name.json" "$@" >&2
}

paired() {  # paired NAME ROUNDS [--prepare SHELL-COMMAND] COMMAND... -> $RUN_DIR/NAME.json
    local name=$1 rounds=$2; shift 2
    local prepare=() before=""
    [ "$1" = --prepare ] && { prepare=(--prepare "$2"); before=" (each after: $2)"; shift 2; }
    echo "python3 benches/paired.py --rounds $rounds$(quoted "${prepare[@]}" "$@")" >> "$COMMANDS"
    log "paired runs$before: $*"
    python3 benches/paired.py --rounds "$rounds" "${prepare[@]}" --out "$RUN_DIR/$name.json" "$@"
}

for size in "${SIZE_LIST[@]}"; do
    dir=$(corpus "$size")
    to_file=$RUN_DIR/out-$size
    # One checked run first: the command must work before it is worth timing.
    echo "$BIN $CMD -o $to_file $dir" >> "$COMMANDS"
    set +e
    # shellcheck disable=SC2086
    "$BIN" $CMD -o "$to_file" "$dir" 2> "$RUN_DIR/stderr-$size.txt"
    rc=$?
    set -e
    HF_IGNORE=0
    if [ $rc -ne 0 ]; then
        log "warning: '$BIN $CMD' exited $rc on $dir; first errors:"
        head -5 "$RUN_DIR/stderr-$size.txt" >&2
        HF_IGNORE=1
        echo "$size $rc" >> "$RUN_DIR/exit-codes.txt"
    fi
    cmds=("$BIN $CMD -o /dev/null $dir" "$BIN $CMD -o $to_file $dir")
    # The floor, then a reference: rg -c moves to the next line at a line's first match, while
    # --count-matches with whole-word patterns has rg find every phrase, as callscore must.
    [ $RG_OK = 1 ] && cmds+=("rg --no-ignore -c -i -f $PATTERNS $dir"
        "rg --no-ignore --count-matches -i -f $WORD_PATTERNS $dir")
    timeit "time-$size" "${cmds[@]}"
    echo "/usr/bin/time -v $BIN $CMD -o /dev/null $dir" >> "$COMMANDS"
    # shellcheck disable=SC2086
    /usr/bin/time -v "$BIN" $CMD -o /dev/null "$dir" 2>&1 >/dev/null \
        | awk -F': ' '/Maximum resident set size/ {print $2}' > "$RUN_DIR/rss-$size.txt" || true
    rm -f "$to_file"
done

# Every size again in alternation: the host's speed drifts between the blocks above, and a
# drift that falls on one size reads as a change of time per MB. The linearity bar is judged on
# the per-round ratios of these runs.
if [ ${#SIZE_LIST[@]} -gt 1 ]; then
    cmds=()
    for size in "${SIZE_LIST[@]}"; do cmds+=("$BIN $CMD -o /dev/null $(corpus "$size")"); done
    paired paired-sizes "$RUNS" "${cmds[@]}"
fi

dir=$(corpus "$CORES_SIZE")
cmds=("$BIN $CMD -j1 -o /dev/null $dir" "$BIN $CMD -j2 -o /dev/null $dir")
[ $RG_OK = 1 ] && cmds+=("rg -j1 --no-ignore -c -i -f $PATTERNS $dir" "rg -j2 --no-ignore -c -i -f $PATTERNS $dir"
    "rg -j1 --no-ignore --count-matches -i -f $WORD_PATTERNS $dir")
timeit "cores-$CORES_SIZE" "${cmds[@]}"
# The same commands again in alternation (see benches/paired.py), for the -j2 / -j1 ratios, and
# the machine's own two-core figure beside them: two separate -j1 processes, one on each half of
# the corpus's folders, started together (the only `sh -c` command of the block). What they
# gain over one process is what two cores of this host give work that shares nothing.
mapfile -t parts < <(find "$dir" -mindepth 1 -maxdepth 1 | sort)
half=$(( (${#parts[@]} + 1) / 2 ))
if [ "${#parts[@]}" -ge 2 ]; then
    cmds+=("sh -c '$BIN $CMD -j1 -o /dev/null ${parts[*]:0:$half} & $BIN $CMD -j1 -o /dev/null ${parts[*]:$half}; wait'")
fi
paired "paired-$CORES_SIZE" "$CORES_ROUNDS" "${cmds[@]}"
# The word floor (benches/word_floor.rs): what a scorer that reads every word cannot skip,
# splitting the text into words and looking each one up in the one-word patterns, and nothing
# else: the share of the rg bar that this alone takes. Built here, timed with the next block.
FLOOR_BIN=""
if [ $RG_OK = 1 ] && [ "${BENCH_WORD_FLOOR:-1}" = 1 ]; then
    log "cargo bench --locked --bench word_floor --no-run"
    FLOOR_BIN=$(cargo bench --locked --bench word_floor --no-run --message-format=json 2> "$RUN_DIR/word-floor-build.log" \
        | python3 -c 'import json,sys; print(*[m["executable"] for m in map(json.loads, sys.stdin) if m.get("executable") and m["target"]["name"] == "word_floor"])') || FLOOR_BIN=""
    [ -x "$FLOOR_BIN" ] || { log "warning: word_floor did not build; see $RUN_DIR/word-floor-build.log"; FLOOR_BIN=""; }
    [ -z "$FLOOR_BIN" ] || "$FLOOR_BIN" --check "$PATTERNS" "$dir" > "$RUN_DIR/word-floor-check.txt"
fi
# The floor with fewer patterns: does the verdict hang on the one-letter words that match inside
# most lines? callscore against rg -c with all the patterns, without the word-class lists, and
# with the multi-word phrases only, in alternation: one core each on the cores corpus, and all
# cores on the largest; rg on an empty folder times its start-up (compiling the patterns). Then,
# on the same corpora, callscore, rg -c and the word floor (counting words only, and looking
# each one up) in alternation.
if [ $RG_OK = 1 ]; then
    VARIANT_ROUNDS=${BENCH_VARIANT_ROUNDS:-9}
    empty=$RUN_DIR/empty
    mkdir -p "$empty"
    largest=$(corpus "${SIZE_LIST[-1]}")
    for block in "one $dir -j1" "all $largest"; do
        read -r name corpus_dir jobs <<< "$block"
        jobs_arg=${jobs:+$jobs }
        callscore="$BIN $CMD ${jobs_arg}-o /dev/null $corpus_dir"
        cmds=("$callscore")
        for pats in "$PATTERNS" "${FEWER_PATTERNS[@]}"; do
            cmds+=("rg ${jobs_arg}--no-ignore -c -i -f $pats $corpus_dir")
        done
        [ "$name" = one ] && cmds+=("rg -j1 --no-ignore -c -i -f $PATTERNS $empty")
        paired "variants-$name" "$VARIANT_ROUNDS" "${cmds[@]}"
        if [ -n "$FLOOR_BIN" ]; then
            paired "word-floor-$name" "$VARIANT_ROUNDS" "$callscore" "${cmds[1]}" \
                "$FLOOR_BIN ${jobs_arg}--words-only $PATTERNS $corpus_dir" \
                "$FLOOR_BIN ${jobs_arg}$PATTERNS $corpus_dir"
        fi
    done
fi
# Input formats: the same calls written as plain text, WebVTT, SubRip, CSV, JSON and JSON
# Lines (gen_corpus.py derives file n from the seed and n, whatever the format), one core each,
# in alternation. The bars are set on plain text; this shows what each reader adds.
if [ -n "$FORMAT_LIST" ]; then
    cmds=()
    for f in $FORMAT_LIST; do cmds+=("$BIN $CMD -j1 -o /dev/null $(corpus "${FORMAT_CALLS}calls" "$f")"); done
    paired paired-formats "$RUNS" "${cmds[@]}"
fi

# From the disk: the same corpus with the page cache dropped before every run, callscore and
# the rg floor in alternation. Needs root (or password-less sudo) to drop the cache; skipped
# otherwise. Users mostly score calls that are not in the cache yet.
drop=""
if [ -w /proc/sys/vm/drop_caches ]; then
    drop="sync; echo 3 > /proc/sys/vm/drop_caches"
elif sudo -n true 2>/dev/null; then
    drop="sync; sudo -n sh -c 'echo 3 > /proc/sys/vm/drop_caches'"
fi
if [ -n "$drop" ] && [ "${BENCH_COLD:-1}" = 1 ]; then
    cmds=("$BIN $CMD -o /dev/null $dir")
    [ $RG_OK = 1 ] && cmds+=("rg --no-ignore -c -i -f $PATTERNS $dir")
    paired "cold-$CORES_SIZE" "$RUNS" --prepare "$drop" "${cmds[@]}"
else
    log "not timing cold-cache runs (cannot drop the page cache, or BENCH_COLD=0)"
fi
# References, not bars: what merely counting the words, and the line breaks, of the same files
# costs one core (GNU wc, fed by one cat). Any tool that reads every word starts from the first;
# rg -c, which leaves a line at its first match, runs at about the speed of the second.
files="find $(printf %q "$dir") -type f -print0 | xargs -0 cat"
timeit "words-$CORES_SIZE" "sh -c '$files | wc -w'" "sh -c '$files | wc -l'"

# Start-up: a CI run over a small script library is almost all fixed cost.
scripts=$ROOT/samples/scripts
du -sb "$scripts" | cut -f1 > "$RUN_DIR/startup-bytes.txt"
find "$scripts" -type f | wc -l > "$RUN_DIR/startup-files.txt"
cmds=("$BIN $CMD -o /dev/null $scripts")
[ $RG_OK = 1 ] && cmds+=("rg --no-ignore -c -i -f $PATTERNS $scripts")
RUNS_SAVED=$RUNS; RUNS=$((RUNS * 4))
timeit "startup" "${cmds[@]}"
RUNS=$RUNS_SAVED

if [ "${BENCH_CALLGRIND:-1}" = 1 ] && command -v valgrind >/dev/null; then
    small=$(corpus "${SIZE_LIST[0]}")/0000
    du -sb "$small" | cut -f1 > "$RUN_DIR/callgrind-bytes.txt"
    callgrind() {  # callgrind NAME COMMAND...
        local name=$1; shift
        echo "valgrind --tool=callgrind $*" >> "$COMMANDS"
        log "callgrind: $*"
        valgrind --tool=callgrind --callgrind-out-file="$RUN_DIR/callgrind-$name.out" "$@" \
            > /dev/null 2> "$RUN_DIR/callgrind-$name.log" || true
        callgrind_annotate "$RUN_DIR/callgrind-$name.out" > "$RUN_DIR/callgrind-$name.txt" 2>/dev/null || true
    }
    # shellcheck disable=SC2086
    callgrind callscore "$BIN" $CMD -j1 -o /dev/null "$small"
    [ $RG_OK = 1 ] && callgrind rg rg -j1 --no-ignore -c -i -f "$PATTERNS" "$small"
fi

# --- report -------------------------------------------------------------------------------
python3 benches/report.py --run "$RUN_DIR" --sizes "$SIZES" --cores-size "$CORES_SIZE" \
    --bin "$BIN" --cmd "$CMD" --rules "$RULES" --rg-ok "$RG_OK" \
    --formats "$FORMATS" --format-size "${FORMAT_CALLS}calls" --format-list "$FORMAT_LIST" > "$OUT/results.md"
cat "$OUT/results.md"
log "written to $OUT/results.md"
