#!/usr/bin/env python3
"""Measures how repetitive a generated corpus is: python3 benches/corpus_stats.py DIR [--json]

Reads the plain-text calls (*.txt) under DIR, as gen_corpus.py writes them: `[hh:mm:ss] Name:
text`, `Name (mm:ss): text` or `Name: text`; `#` lines are headers; a line without a label
continues the previous utterance. Prints how many utterance texts occur more than once (by count
and by bytes, also for utterances of 8 words or more) and how large and long-tailed the
vocabulary is. A benchmark on repeated texts flatters any cache keyed on text, and a small
vocabulary under-represents unseen words; real calls repeat backchannels ("yeah", "okay") but
almost never a long utterance. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter

# A speaker label: one or two capitalised names, an optional time before or after.
LABEL = re.compile(r"(?:\[\d+:\d\d:\d\d\] )?([A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?)(?: \(\d+:\d\d\))?: ?(.*)")
WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
LONG = 8     # words: an utterance this long almost never repeats in real speech
RARE = 5     # a word type seen fewer times than this counts as rare


def utterances(path):
    """The utterance texts of one plain-text call, continuation lines joined on."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = LABEL.fullmatch(line)
            if m:
                out.append(m.group(2))
            elif out:
                out[-1] += " " + line.strip()
    return out


def txt_files(root):
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                yield os.path.join(folder, name)


def share(counts, texts, weight):
    """Share of `texts` (by count, by `weight`) whose text occurs more than once in the corpus."""
    total = sum(weight(t) * n for t, n in texts.items())
    repeated = sum(weight(t) * n for t, n in texts.items() if counts[t] > 1)
    return repeated / total if total else 0.0


def measure(root):
    texts = Counter()
    words = Counter()
    files = 0
    for path in txt_files(root):
        files += 1
        for text in utterances(path):
            texts[text] += 1
    for text, n in texts.items():
        for w in WORD.findall(text.lower()):
            words[w] += n
    long_texts = {t: n for t, n in texts.items() if len(t.split()) >= LONG}
    tokens = sum(words.values())
    one = lambda t: 1  # noqa: E731
    size = lambda t: len(t.encode("utf-8"))  # noqa: E731
    return {
        "files": files,
        "utterances": sum(texts.values()),
        "words": tokens,
        "distinct_texts": len(texts),
        "repeated_share": share(texts, texts, one),
        "repeated_byte_share": share(texts, texts, size),
        "long_utterances": sum(long_texts.values()),
        "long_repeated_share": share(texts, long_texts, one),
        "long_repeated_byte_share": share(texts, long_texts, size),
        "word_types": len(words),
        "rare_token_share": sum(n for n in words.values() if n < RARE) / tokens if tokens else 0.0,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dir")
    p.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = p.parse_args()
    stats = measure(args.dir)
    if args.json:
        print(json.dumps(stats, sort_keys=True))
        return
    labels = {
        "files": "files", "utterances": "utterances", "words": "words",
        "distinct_texts": "distinct utterance texts",
        "repeated_share": "utterances whose text repeats (count)",
        "repeated_byte_share": "utterances whose text repeats (bytes)",
        "long_utterances": f"utterances of {LONG}+ words",
        "long_repeated_share": "  of them repeated (count)",
        "long_repeated_byte_share": "  of them repeated (bytes)",
        "word_types": "distinct lowercase word types",
        "rare_token_share": f"word tokens of types seen < {RARE} times",
    }
    for key, label in labels.items():
        value = stats[key]
        shown = f"{value:.1%}" if isinstance(value, float) else f"{value:,}"
        print(f"{label:42} {shown:>12}")


if __name__ == "__main__":
    sys.exit(main())
