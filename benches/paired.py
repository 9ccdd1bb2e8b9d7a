#!/usr/bin/env python3
"""Runs commands in alternation, one run of each per round, and writes their times as JSON.

    benches/paired.py --rounds N --out FILE 'CMD1' 'CMD2' ...

hyperfine times each command in a block of runs, so a slow spell of the host that falls on one
block skews a comparison between two commands; alternating puts the spell on both. The cores
comparison (-j1 against -j2) reads the median of the per-round ratios from this file.
With --prepare CMD, CMD runs through the shell before every timed run, untimed (bench.sh drops
the page cache with it, to time reading from the disk). Each run's CPU time (user + system) is
recorded beside its wall time, and a summary with the medians of the per-round ratios to the first
command goes to stderr: CPU time shifts less than wall time when the host is busy.
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run(cmd):
    """Wall time and CPU time (user + system, from wait4) of one run of `cmd`."""
    start = time.perf_counter()
    child = subprocess.Popen(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def ratio(times, base):
    """Median of the per-round ratios of `times` to `base` (NaN when `base` took no time)."""
    ratios = [t / b for t, b in zip(times, base) if b > 0]
    return statistics.median(ratios) if ratios else float("nan")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--out", required=True)
    p.add_argument("--prepare", help="shell command to run, untimed, before every timed run")
    p.add_argument("commands", nargs="+")
    a = p.parse_args()
    for cmd in a.commands:  # warm-up: page cache, lazy start-up work
        run(cmd)
    times = {cmd: [] for cmd in a.commands}
    cpu = {cmd: [] for cmd in a.commands}
    for _ in range(a.rounds):
        for cmd in a.commands:
            if a.prepare:
                subprocess.run(a.prepare, shell=True, check=True)
            wall, used = run(cmd)
            times[cmd].append(wall)
            cpu[cmd].append(used)
    with open(a.out, "w") as f:
        json.dump({"results": [{"command": c, "times": times[c], "median": statistics.median(times[c]),
                                "cpu_times": cpu[c], "cpu_median": statistics.median(cpu[c])}
                               for c in a.commands]}, f, indent=1)
    first = a.commands[0]
    for c in a.commands:
        print(f"paired: wall {statistics.median(times[c]):.3f} s ({ratio(times[c], times[first]):.3f}x the first), "
              f"CPU {statistics.median(cpu[c]):.3f} s ({ratio(cpu[c], cpu[first]):.3f}x): {c}", file=sys.stderr)


if __name__ == "__main__":
    main()
