#!/usr/bin/env python3
"""Runs commands in alternation, one run of each per round, and writes their wall times as JSON.

    benches/paired.py --rounds N --out FILE 'CMD1' 'CMD2' ...

hyperfine times each command in a block of runs, so a slow spell of the host that falls on one
block skews a comparison between two commands; alternating puts the spell on both. The cores
comparison (-j1 against -j2) reads the median of the per-round ratios from this file.
With --prepare CMD, CMD runs through the shell before every timed run, untimed (bench.sh drops
the page cache with it, to time reading from the disk).
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
    p.add_argument("--prepare", help="shell command to run, untimed, before every timed run")
    p.add_argument("commands", nargs="+")
    a = p.parse_args()
    for cmd in a.commands:  # warm-up: page cache, lazy start-up work
        run(cmd)
    times = {cmd: [] for cmd in a.commands}
    for _ in range(a.rounds):
        for cmd in a.commands:
            if a.prepare:
                subprocess.run(a.prepare, shell=True, check=True)
            times[cmd].append(run(cmd))
    with open(a.out, "w") as f:
        json.dump({"results": [{"command": c, "times": t, "median": statistics.median(t)}
                               for c, t in times.items()]}, f, indent=1)


if __name__ == "__main__":
    main()
