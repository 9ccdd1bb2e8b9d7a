#!/usr/bin/env python3
"""Turns the measurements bench.sh left in a run folder into the markdown report."""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess

MB = 1e6
# SPEC section 6.
BAR_RG_RATIO = 2.0
BAR_MB_S_PER_CORE = 50.0
BAR_LINEAR = 1.1  # per-MB time may grow by at most this factor from one size to the next (issue 6: within 10%)
BAR_CORE_EFFICIENCY = 0.9  # issue 6: 2 cores give at least 1.8x one core
BAR_RSS_MB = 64.0


def load(run, name):
    path = os.path.join(run, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f) if name.endswith(".json") else f.read().strip()


def medians(run, name):
    data = load(run, name)
    return [r["median"] for r in data["results"]] if data else []


def cpu_times(run, name):
    """Mean user + system seconds: steadier than wall time on a busy machine."""
    data = load(run, name)
    return [r["user"] + r["system"] for r in data["results"]] if data else []


def shell(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def paired_sizes(run, rows, w):
    """The sizes timed in alternation: per-MB time of each size against the one before, as the
    median of the per-round ratios. Returns those ratios, or None when not measured."""
    times = paired_times(run, "paired-sizes.json")
    if not times or len(times) != len(rows):
        return None
    mbs = [r["mb"] for r in rows.values()]
    per_mb = [[t * 1000 / mb for t in ts] for ts, mb in zip(times, mbs)]
    w("\n| corpus, alternating runs | ms per MB | vs previous size (median of rounds) | vs smallest |")
    w("|---|---:|---:|---:|")
    growth = []
    for i, size in enumerate(rows):
        vs_prev = median_ratio(per_mb[i], per_mb[i - 1]) if i else None
        if vs_prev:
            growth.append(vs_prev)
        w(f"| {size} | {statistics.median(per_mb[i]):.2f} | {fmt(vs_prev)} | "
          f"{median_ratio(per_mb[i], per_mb[0]):.2f} |")
    w(f"\nThe alternating rows run every size once per round, {len(times[0])} rounds "
      f"(`benches/paired.py`), so a drift of the host's speed falls on all sizes alike; the "
      f"linearity bar is judged on them.\n")
    return growth


def paired_times(run, name):
    """Each command's wall times, round by round, from a `benches/paired.py` file; None if absent."""
    data = load(run, name)
    return [r["times"] for r in data["results"]] if data else None


def paired_command(run, name, prefix):
    """The round-by-round times of the one command in a `benches/paired.py` file that starts
    with `prefix`, or None."""
    data = load(run, name)
    found = [r["times"] for r in data["results"] if r["command"].startswith(prefix)] if data else []
    return found[0] if len(found) == 1 else None


def cold(run, size, w):
    """The cold-cache table: callscore and rg reading from the disk. Returns the median of the
    per-round ratios of callscore's time to rg's, or None when not measured."""
    data = load(run, f"cold-{size}.json")
    stamp = load(run, f"corpus-{size}.json")
    if not data or not stamp:
        return None
    t = [r["times"] for r in data["results"]]
    cpu = [r.get("cpu_median") for r in data["results"]]
    mb = stamp["bytes"] / MB
    w(f"\n## From the disk ({size} corpus, page cache dropped before every run)\n")
    w("| command | median s | MB/s | CPU s |")
    w("|---|---:|---:|---:|")
    names = ["callscore", "rg"]
    for name, times, c in zip(names, t, cpu):
        w(f"| {name} | {statistics.median(times):.3f} | {mb / statistics.median(times):.1f} | "
          f"{fmt(c, 3)} |")
    ratio = None
    if len(t) > 1:
        ratio = median_ratio(t[0], t[1])
        w(f"| callscore / rg (median of rounds) | {ratio:.2f}× | | |")
    w(f"\n{len(t[0])} rounds in alternation (`benches/paired.py --prepare`); what a run over calls "
      "that are not in the page cache yet costs, reading included.")
    cores = os.cpu_count() or 1
    if cpu[0]:
        # A run that keeps every core busy takes its CPU time divided by the cores; the wall time
        # beyond that is time the cores waited, for the disk or for each other.
        busy = cpu[0] / cores
        wall = statistics.median(t[0])
        w(f"callscore's CPU time over the {cores} cores is {busy:.3f} s, {busy / wall:.0%} of its "
          f"wall time: the rest is time its cores waited. Its CPU time includes the kernel's "
          f"work of reading the files, which a warm run does not pay.")
    w("")
    return ratio


def formats(run, size, names, main_formats, w):
    """The formats table: the same calls in each format, one core each, timed in alternation."""
    t = paired_times(run, "paired-formats.json")
    if not t or len(t) != len(names):
        return
    stamps = [load(run, f"corpus-{size}.json" if f == main_formats else f"corpus-{size}-{f}.json")
              for f in names]
    if not all(stamps):
        return
    base = names.index("txt") if "txt" in names else None
    w(f"\n## Input formats (the same {size.removesuffix('calls')} calls in each format, -j1)\n")
    w("| format | files | calls | MB | median s | MB/s | calls/s | time per call vs plain text |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    for f, times, c in zip(names, t, stamps):
        per_call = [x / c["calls"] for x in times]
        vs_text = None
        if base is not None:
            vs_text = median_ratio(per_call, [x / stamps[base]["calls"] for x in t[base]])
        med = statistics.median(times)
        w(f"| {f} | {c['files']} | {c['calls']} | {c['bytes'] / MB:.1f} | {med:.3f} | "
          f"{c['bytes'] / MB / med:.1f} | {c['calls'] / med:.0f} | {fmt(vs_text)}{'×' if vs_text else ''} |")
    w("\nThe generator derives file *n* from the seed and *n* whatever its format, so the corpora "
      "hold the same calls in different mark-up (`gen_corpus.py --calls N --formats F`), except "
      "that a JSON Lines file holds 5–20 calls, only the first of them the same; time per call "
      f"compares the readers on the same words. {len(t[0])} rounds in alternation "
      "(`benches/paired.py`). The bars are set on plain text.\n")


def startup(run, w):
    """The start-up table: callscore and rg on the small script library."""
    times = medians(run, "startup.json")
    if not times:
        return
    kb = int(load(run, "startup-bytes.txt") or 0) / 1000
    files = load(run, "startup-files.txt")
    w(f"\n## Start-up (`samples/scripts`: {files} files, {kb:.0f} KB)\n")
    w("A CI run over a small script library is almost all fixed cost: compiling the rule set.\n")
    w("| command | median ms |")
    w("|---|---:|")
    w(f"| callscore | {times[0] * 1000:.1f} |")
    if len(times) > 1:
        w(f"| rg | {times[1] * 1000:.1f} |")


def pattern_count(run, name):
    text = load(run, name)
    return len(text.splitlines()) if text else None


def one_and_all(run, name, cores_size, largest, commands):
    """The round-by-round times of the block `name` that bench.sh runs twice, one core each on
    the cores corpus (NAME-one.json) and all cores on the largest (NAME-all.json), labelled, for
    the files present with at least `commands` commands: {"one" or "all": (label, times)}."""
    blocks = {"one": (f"{cores_size}, one core each", paired_times(run, f"{name}-one.json")),
              "all": (f"{largest}, all cores", paired_times(run, f"{name}-all.json"))}
    return {key: (label, t) for key, (label, t) in blocks.items() if t and len(t) >= commands}


def variants(run, cores_size, largest, w):
    """The floor with fewer patterns: callscore's time over rg -c's with all the patterns,
    without the word-class lists and with the multi-word phrases only, one core each on the cores
    corpus and all cores on the largest. Returns {pattern set: ratio at the largest}, or None."""
    found = one_and_all(run, "variants", cores_size, largest, 4)
    if not found:
        return None
    blocks = list(found.values())
    sets = [("all", "patterns.txt"), ("without `[analysis.words]`", "patterns-no-word-lists.txt"),
            ("multi-word phrases only", "patterns-multi-word.txt")]
    w("\n## The floor with fewer patterns\n")
    w("| patterns given to `rg -c` | count | " + " | ".join(
        f"{label}: rg s | callscore / rg" for label, _ in blocks) + " |")
    w("|---|---:|" + "---:|---:|" * len(blocks))
    at_largest = {}
    for i, (label, file) in enumerate(sets, 1):
        cells = []
        for key, (_, t) in found.items():
            ratio = median_ratio(t[0], t[i])
            cells.append(f"{statistics.median(t[i]):.3f} | {ratio:.2f}×")
            if key == "all":
                at_largest[label] = ratio
        w(f"| {label} | {fmt(pattern_count(run, file), 0)} | " + " | ".join(cells) + " |")
    line = "\n" + "; ".join(f"callscore {statistics.median(t[0]):.3f} s ({label})" for label, t in blocks) + "."
    one = found.get("one", (None, []))[1]
    if len(one) >= 5:
        line += f" rg's start-up, on an empty folder with all the patterns: {statistics.median(one[4]) * 1000:.0f} ms."
    w(line)
    w(f"\n{len(blocks[0][1][0])} rounds in alternation (`benches/paired.py`): a ratio is the median "
      "of the rounds' ratios. The one-letter words among the word-class lists (\"a\", \"i\") match "
      "inside most words, so `rg -c` with all the patterns leaves nearly every line at its first "
      "bytes; these rows show whether the verdict hangs on them.\n")
    return at_largest


def word_floor(run, cores_size, largest, w):
    """The word floor: rg -c, words counted, and every word looked up (benches/word_floor.rs)
    beside callscore, in alternation. Returns the look-up's ratio to rg -c at the largest size,
    or None."""
    found = one_and_all(run, "word-floor", cores_size, largest, 4)
    if not found:
        return None
    blocks = list(found.values())
    rows = [("`rg -c -i -f` with all the patterns (the floor)", 1),
            ("split into words only (`word_floor --words-only`)", 2),
            ("split into words, look each up in the one-word patterns (`word_floor`)", 3),
            ("callscore `score --format csv`", 0)]
    w("\n## The word floor\n")
    w("| command | " + " | ".join(f"{label}: s | / rg -c" for label, _ in blocks) + " |")
    w("|---|" + "---:|---:|" * len(blocks))
    for label, i in rows:
        cells = [f"{statistics.median(t[i]):.3f} | {median_ratio(t[i], t[1]):.2f}×" for _, t in blocks]
        w(f"| {label} | " + " | ".join(cells) + " |")
    check = load(run, "word-floor-check.txt")
    w(f"\n{len(blocks[0][1][0])} rounds in alternation (`benches/paired.py`); a ratio is the median "
      "of the rounds' ratios. `benches/word_floor.rs` does the least that any scorer reading every "
      "word must: it finds the words (64 bytes at a time) and looks each one up, lower-cased, in a "
      "table of the rule set's one-word patterns, on all cores. No phrases, sentences, speakers, "
      "rules or output: its time is a lower bound on a scorer's, not a scorer."
      + (f" Its counts were checked against a plain byte-by-byte look-up on the {cores_size} "
         f"corpus: {check.strip()}." if check else "") + "\n")
    if "all" not in found:
        return None
    t = found["all"][1]
    return median_ratio(t[3], t[1])


def median_ratio(slow, fast):
    """The median of per-round ratios of two commands' times, run in alternation."""
    return statistics.median(x / y for x, y in zip(slow, fast))


def fmt(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


# Set when the command under test failed on some input: its timings do not count against the bars.
COMMAND_FAILED = False


def verdict(ok):
    if COMMAND_FAILED:
        return "not judged (the command failed)"
    return "–" if ok is None else ("pass" if ok else "**FAIL**")


def callgrind_total(text):
    """Total instructions and the top functions (self cost) from callgrind_annotate output."""
    total, top = None, []
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(.*)", line)
        if not m:
            continue
        count, share, what = int(m.group(1).replace(",", "")), float(m.group(2)), m.group(3)
        if "PROGRAM TOTALS" in what:
            total = count
        else:
            name = what.split(":", 1)[1] if ":" in what else what
            top.append((share, re.sub(r" \[.*\]$", "", name)))
    return total, top


def instructions(run, w):
    size = load(run, "callgrind-bytes.txt")
    cs = load(run, "callgrind-callscore.txt")
    if not size or not cs:
        return
    size = int(size)
    w(f"\n## Instructions (callgrind, -j1, first 100 files of the smallest corpus: {size / MB:.2f} MB)\n")
    w("Instruction counts do not depend on what else the machine runs; compare them across commits.\n")
    w("| command | instructions | per byte |")
    w("|---|---:|---:|")
    total, top = callgrind_total(cs)
    rg_total, _ = callgrind_total(load(run, "callgrind-rg.txt") or "")
    for name, t in (("callscore", total), ("rg", rg_total)):
        if t:
            w(f"| {name} | {t:,} | {t / size:.1f} |")
    if total and rg_total:
        w(f"| callscore / rg | | {total / rg_total:.2f}× |")
    w("\nWhere callscore's instructions go (self cost, top functions):\n")
    for share, name in top[:10]:
        w(f"- {share:.1f}% `{name}`")


def main():
    p = argparse.ArgumentParser()
    for opt in ("--run", "--sizes", "--cores-size", "--bin", "--cmd", "--rules", "--rg-ok"):
        p.add_argument(opt, required=True)
    p.add_argument("--formats", default="txt", help="the formats of the main corpora")
    p.add_argument("--format-size", default="600calls", help="the formats' corpus size, e.g. 600calls")
    p.add_argument("--format-list", default="", help="formats timed against each other")
    a = p.parse_args()
    sizes = a.sizes.split()
    rg_ok = a.rg_ok == "1"
    out = []
    w = out.append

    w("# callscore benchmark\n")
    end_load = os.getloadavg()
    w(f"- machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
      f"load average at the start: {load(a.run, 'load-start.txt') or '?'}, "
      f"at the end: {' '.join(f'{x:.2f}' for x in end_load)}")
    # Judged on the load before the first run: the load at the end counts the benchmark's own
    # runs (two cores busy in the -j2 and rg runs), so it is high on a quiet machine too.
    start_load = (load(a.run, "load-start.txt") or "").split()
    if start_load and float(start_load[0]) > 0.5 * (os.cpu_count() or 1):
        w("- **busy machine**: other processes were running when the benchmark started, so wall "
          "times may be inflated and noisy; the CPU-second and instruction-count figures are the "
          "steadier ones")
    w(f"- callscore: `{shell(a.bin, '--version')}` at `{shell('git', 'describe', '--always', '--dirty')}`, "
      f"command under test: `callscore {a.cmd}`")
    floor = f"`{shell('rg', '--version').splitlines()[0]}`" if rg_ok else "rg **not run**"
    w(f"- floor: {floor}, patterns: {load(a.run, 'patterns.log') or '?'}")
    w(f"- timing: `{shell('hyperfine', '--version')}`, median of the runs after one warm-up, "
      "warm page cache; MB = 10^6 bytes; CPU s = mean user + system time")
    stamp = load(a.run, f"corpus-{sizes[0]}.json")
    if stamp:
        w(f"- corpus: `benches/gen_corpus.py --seed {stamp['seed']} --formats {stamp['formats_arg']}` "
          f"(generator {stamp['generator']})")
    failed = load(a.run, "exit-codes.txt")
    if failed:
        global COMMAND_FAILED
        COMMAND_FAILED = True
        w(f"- **warning**: the command under test exited non-zero (size, code): {failed}")
    w("")

    rows = {}
    w("## Throughput (all cores)\n")
    w("| corpus | files | calls | MB | callscore s | MB/s | calls/s | with `-o file` s | rg s | rg MB/s "
      "| callscore / rg | CPU s: callscore / rg | rg, every match s | callscore / rg, every match |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        c = load(a.run, f"corpus-{size}.json")
        m = medians(a.run, f"time-{size}.json")
        cpu = cpu_times(a.run, f"time-{size}.json")
        if not c or len(m) < 2:
            w(f"| {size} | not measured |")
            continue
        mb = c["bytes"] / MB
        rg = m[2] if rg_ok and len(m) > 2 else None
        rg_all = m[3] if rg_ok and len(m) > 3 else None
        rss = load(a.run, f"rss-{size}.txt")
        rows[size] = dict(mb=mb, t=m[0], cpu=cpu[0], rg=rg, rg_all=rg_all,
                          rss=int(rss) / 1024 if rss else None)
        w(f"| {size} | {c['files']} | {c['calls']} | {mb:.1f} | {m[0]:.3f} | {mb / m[0]:.1f} | "
          f"{c['calls'] / m[0]:.0f} | {m[1]:.3f} | {fmt(rg, 3)} | {fmt(rg and mb / rg, 1)} | "
          f"{fmt(rg and m[0] / rg)} | {cpu[0]:.3f} / {fmt(rg and cpu[2], 3)} | {fmt(rg_all, 3)} | "
          f"{fmt(rg_all and m[0] / rg_all)} |")
    if rg_ok:
        w("\n`rg -c` (the floor the bars name) counts matching lines: at a line's first match it "
          "moves on to the next line. The phrase lists hold one-letter words (\"a\", \"i\") that, "
          "as rg patterns without word boundaries, match inside most words, so nearly every line "
          "matches within its first few bytes. The *every match* columns run "
          "`rg --count-matches` with the phrases as whole words (`\\bphrase\\b`), so that rg finds "
          "every phrase in every line as callscore does, before any analysis; a reference, not a bar.")

    w("\n## Scaling and memory\n")
    w("| corpus | ms per MB | vs previous size | vs smallest | CPU ms per MB | peak RSS MB |")
    w("|---|---:|---:|---:|---:|---:|")
    prev = first = None
    growth = []
    for size, r in rows.items():
        per_mb = r["t"] * 1000 / r["mb"]
        vs_prev = per_mb / prev if prev else None
        if vs_prev:
            growth.append(vs_prev)
        first = first or per_mb
        w(f"| {size} | {per_mb:.2f} | {fmt(vs_prev)} | {per_mb / first:.2f} | {r['cpu'] * 1000 / r['mb']:.2f} "
          f"| {fmt(r['rss'], 1)} |")
        prev = per_mb

    paired_growth = paired_sizes(a.run, rows, w)
    if paired_growth:
        growth = paired_growth

    cores = medians(a.run, f"cores-{a.cores_size}.json")
    cores_cpu = cpu_times(a.run, f"cores-{a.cores_size}.json")
    c = load(a.run, f"corpus-{a.cores_size}.json")
    speedup = mb_s_core = None
    if len(cores) >= 2 and c:
        mb = c["bytes"] / MB
        speedup = cores[0] / cores[1]
        mb_s_core = mb / cores[0]
        w(f"\n## Cores ({a.cores_size} corpus)\n")
        w("| command | -j1 s | -j2 s | -j1 MB/s | -j1 MB per CPU s | speed-up |")
        w("|---|---:|---:|---:|---:|---:|")

        def row(label, j1, j2=None, cpu=None, ratio=None):
            """One command's row: -j1 (and -j2) seconds; the speed-up is j1 / j2 unless given."""
            if j2 is not None and ratio is None:
                ratio = j1 / j2
            w(f"| {label} | {j1:.3f} | {fmt(j2, 3)} | {mb / j1:.1f} | {fmt(cpu and mb / cpu, 1)} "
              f"| {fmt(ratio)}{'×' if ratio else ''} |")

        row("callscore", cores[0], cores[1], cores_cpu[0])
        if len(cores) >= 4:
            row("rg", cores[2], cores[3], cores_cpu[2])
        if len(cores) >= 5:
            row("rg, every match", cores[4], cpu=cores_cpu[4])
        note = ""
        t = paired_times(a.run, f"paired-{a.cores_size}.json")
        if t:
            block_speedup = speedup
            speedup = median_ratio(t[0], t[1])
            med = [statistics.median(x) for x in t]
            row("callscore, alternating runs", med[0], med[1], ratio=speedup)
            if len(t) >= 4:
                row("rg, alternating runs", med[2], med[3], ratio=median_ratio(t[2], t[3]))
            if len(t) >= 5:
                row("rg, every match, alternating runs", med[4])
            halves = paired_command(a.run, f"paired-{a.cores_size}.json", "sh -c ")
            if halves:
                row("two `-j1` processes, one per half of the folders (alternating runs)", med[0],
                    statistics.median(halves), ratio=median_ratio(t[0], halves))
            note = (f"\nThe alternating rows run `-j1` and `-j2` one after the other in each of "
                    f"{len(t[0])} rounds (`benches/paired.py`); their speed-up is the median of the "
                    f"rounds' ratios, which a slow spell of the host cannot put on one side only. The "
                    f"hyperfine rows time each command in its own block (speed-up {fmt(block_speedup)}×)."
                    + (" Two separate `-j1` processes, each on half of the corpus's folders and started "
                       "together, show what two cores of this machine give work that shares nothing: "
                       "the ceiling for `-j2`." if halves else "") + "\n")
        words = medians(a.run, f"words-{a.cores_size}.json")
        words_cpu = cpu_times(a.run, f"words-{a.cores_size}.json")
        for label, j1, cpu in zip(("`cat \\| wc -w` (reference)", "`cat \\| wc -l` (reference)"),
                                  words, words_cpu):
            row(label, j1, cpu=cpu)
        if note:
            w(note)

    largest = list(rows)[-1] if rows else None
    fewer = variants(a.run, a.cores_size, largest, w) if rg_ok else None
    floor_lookup = word_floor(a.run, a.cores_size, largest, w) if rg_ok else None
    formats(a.run, a.format_size, a.format_list.split(), a.formats, w)
    cold_ratio = cold(a.run, a.cores_size, w)
    startup(a.run, w)
    instructions(a.run, w)

    worst_ratio = max((r["t"] / r["rg"] for r in rows.values() if r["rg"]), default=None)
    w("\n## Against the quality bars (SPEC section 6, issue 6)\n")
    w("| bar | target | measured | |")
    w("|---|---|---|---|")
    w(f"| throughput vs rg, same patterns | ≤ {BAR_RG_RATIO}× | {fmt(worst_ratio)}× (worst size) | "
      f"{verdict(worst_ratio and worst_ratio <= BAR_RG_RATIO)} |")
    if cold_ratio:
        w(f"| reference: vs rg from the disk ({a.cores_size}, page cache dropped) | ≤ {BAR_RG_RATIO}× | "
          f"{fmt(cold_ratio)}× | not a bar |")
    worst_all = max((r["t"] / r["rg_all"] for r in rows.values() if r["rg_all"]), default=None)
    if worst_all:
        w(f"| reference: vs rg finding every whole-word match | ≤ {BAR_RG_RATIO}× | "
          f"{fmt(worst_all)}× (worst size) | not a bar |")
    if fewer and "multi-word phrases only" in fewer:
        w(f"| reference: vs rg `-c` with the multi-word phrases only ({largest}) | ≤ {BAR_RG_RATIO}× | "
          f"{fmt(fewer['multi-word phrases only'])}× | not a bar |")
    if floor_lookup:
        w(f"| reference: only looking up every word (`word_floor`, {largest}), vs rg `-c` | ≤ {BAR_RG_RATIO}× | "
          f"{fmt(floor_lookup)}× | not a bar |")
    w(f"| throughput per core (-j1) | ≥ {BAR_MB_S_PER_CORE:.0f} MB/s | {fmt(mb_s_core, 1)} MB/s | "
      f"{verdict(mb_s_core and mb_s_core >= BAR_MB_S_PER_CORE)} |")
    worst_growth = max(growth, default=None)
    w(f"| time linear in size | per-MB time grows ≤ {BAR_LINEAR}× per size step (alternating runs when measured) | {fmt(worst_growth)}× | "
      f"{verdict(worst_growth and worst_growth <= BAR_LINEAR)} |")
    w(f"| near-linear in cores | -j2 speed-up ≥ {2 * BAR_CORE_EFFICIENCY:.1f}× (alternating runs when measured) | {fmt(speedup)}× | "
      f"{verdict(speedup and speedup >= 2 * BAR_CORE_EFFICIENCY)} |")
    rss = rows[largest]["rss"] if largest else None
    w(f"| peak RSS (bar set for 1 GB) | < {BAR_RSS_MB:.0f} MB | {fmt(rss, 1)} MB at {largest} | "
      f"{verdict(rss and rss < BAR_RSS_MB)} |")

    w("\n## Commands\n")
    w("```")
    w(load(a.run, "commands.txt") or "")
    w("```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
