#!/usr/bin/env python3
"""Runs commands in alternation, one run of each per round, and writes their wall times as JSON.

    benches/paired.py --rounds N --out FILE 'CMD1' 'CMD2' ...

hyperfine times each command in a block of runs, so a slow spell of the host that falls on one
block skews a comparison between two commands; alternating puts the spell on both. The cores
comparison (-j1 against -j2) reads the median of the per-round ratios from this file.
"""

import argparse
import json
import shlex
import statistics
import subprocess
import time


def run(cmd):
    start = time.perf_counter()
    subprocess.run(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--out", required=True)
    p.add_argument("commands", nargs="+")
    a = p.parse_args()
    for cmd in a.commands:  # warm-up: page cache, lazy start-up work
        run(cmd)
    times = {cmd: [] for cmd in a.commands}
    for _ in range(a.rounds):
        for cmd in a.commands:
            times[cmd].append(run(cmd))
    with open(a.out, "w") as f:
        json.dump({"results": [{"command": c, "times": t, "median": statistics.median(t)}
                               for c, t in times.items()]}, f, indent=1)


if __name__ == "__main__":
    main()
