#!/usr/bin/env python3
"""Turns a callscore rule file's phrase lists into ripgrep patterns, one a line.

    python3 benches/patterns.py rules/default.toml > bench-out/patterns.txt
    rg --no-ignore -c -i -f bench-out/patterns.txt CORPUS
    python3 benches/patterns.py --without analysis.words rules/default.toml   # no word-class lists
    python3 benches/patterns.py --min-words 2 rules/default.toml              # phrases of 2+ words

Every array of strings under the [analysis] and [rules] tables (at any depth) is a phrase list.
A phrase that uses regex syntax is passed through (rg and callscore both use Rust regex syntax);
any other phrase is escaped so that rg matches it literally. Patterns are de-duplicated without
regard to case, since the benchmark searches with -i. Prints counts on standard error; exits 3
when the file has no phrase lists (there is nothing to compare against). --without and
--min-words leave patterns out, for the benchmark's rows that give rg fewer patterns: the floor's
verdict should not hang on a few one-letter words that match inside most lines.
"""

import argparse
import sys
import tomllib

PHRASE_TABLES = ("analysis", "rules")
# What Rust's regex::escape escapes.
RUST_META = set("\\.+*?()|[]{}^$#&-~")
# A phrase containing one of these (or a '?' before its end) is taken to be a regex already.
REGEX_HINTS = set("\\()[]|^$*+{")


def phrase_lists(table, path=()):
    """Yields (dotted key, list of strings) for every string array under `table`."""
    for key, value in table.items():
        here = path + (key,)
        if isinstance(value, dict):
            yield from phrase_lists(value, here)
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            yield ".".join(here), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):  # arrays of tables, e.g. [[rules.custom]]
                    yield from phrase_lists(item, here + (str(i),))


def is_regex(phrase):
    return any(c in REGEX_HINTS for c in phrase) or "?" in phrase.rstrip("?")


def to_pattern(phrase, word):
    if is_regex(phrase):
        return phrase
    escaped = "".join("\\" + c if c in RUST_META else c for c in phrase.strip())
    return rf"\b{escaped}\b" if word else escaped


def left_out(key, without):
    """Whether the list at dotted `key` falls under one of the `without` keys."""
    return any(key == w or key.startswith(w + ".") for w in without)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("rules", help="a rule file, e.g. rules/default.toml")
    p.add_argument("--word", action="store_true", help="wrap literal phrases in \\b word boundaries")
    p.add_argument("-o", "--out", help="write the patterns here instead of standard output")
    p.add_argument("--without", action="append", default=[], metavar="KEY",
                   help="leave out the lists under this dotted key, e.g. analysis.words (repeatable)")
    p.add_argument("--min-words", type=int, default=1, metavar="N",
                   help="keep only phrases of at least N words")
    args = p.parse_args()
    with open(args.rules, "rb") as f:
        doc = tomllib.load(f)
    seen, patterns, lists, regexes = set(), [], [], 0
    for table in PHRASE_TABLES:
        for key, phrases in phrase_lists(doc.get(table, {}), (table,)):
            if left_out(key, args.without):
                continue
            lists.append(key)
            for phrase in phrases:
                if len(phrase.split()) < args.min_words:
                    continue
                pattern = to_pattern(phrase, args.word)
                if pattern and pattern.lower() not in seen:
                    seen.add(pattern.lower())
                    patterns.append(pattern)
                    regexes += is_regex(phrase)
    if not patterns:
        print(f"{args.rules}: no phrase lists under [{'], ['.join(PHRASE_TABLES)}]", file=sys.stderr)
        sys.exit(3)
    text = "".join(p + "\n" for p in patterns)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print(f"{args.rules}: {len(patterns)} patterns ({regexes} regexes) from {len(lists)} phrase lists",
          file=sys.stderr)


if __name__ == "__main__":
    main()
