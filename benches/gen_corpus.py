#!/usr/bin/env python3
"""Generates a deterministic corpus of synthetic sales calls for callscore benchmarks.

    python3 benches/gen_corpus.py --size 100MB --out bench-out/corpus-100MB
    python3 benches/gen_corpus.py --size 10MB --formats txt,vtt,srt,csv,json,jsonl --out /tmp/mixed
    python3 benches/gen_corpus.py --calls 500 --formats vtt --out /tmp/vtt   # the same 500 calls as txt
    python3 benches/gen_corpus.py --single 30 > call.txt     # one 30-minute call, plain text

Calls last 5 to 60 minutes at about 150 words a minute, with rep and prospect turns of varied
length and times, and a per-call mix of good and bad habits: purpose-less openers or a purpose
statement, disclosures met with engagement or a pivot (train selling), prospect questions
answered, deflected, deferred or ignored (and re-asked), monologues, next steps or none.
Sentences come from templates whose slots are composed at each use from long word lists drawn
with a Zipf-like skew, with fillers, restarts and repeated words as in speech, so that, as in real
calls, short backchannels repeat but long utterances almost never do, and the vocabulary has a
long tail (benches/corpus_stats.py measures both).
The same seed, size and formats give the same bytes (each file has its own seed derived from the
corpus seed and its index, so --jobs does not change the output). Prints a JSON summary with a
SHA-256 digest of the corpus. Python 3 standard library only.
"""

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab  # noqa: E402
from speech import (  # noqa: E402
    BACKCHANNELS, CITIES, FIRST_NAMES, LAST_NAMES, NOISE, PROSPECT, QA, REP, VOCATIVE, Slots,
    capitalized, company_name, count, speechify, zipf,
)

DEFAULT_SEED = 20261123
FILES_PER_FOLDER = 100
WORDS_PER_MINUTE = 150
# Share of each format in a mixed corpus; a --formats list keeps these weights, renormalised.
FORMAT_WEIGHTS = {"txt": 70, "vtt": 10, "srt": 5, "csv": 5, "json": 5, "jsonl": 5}
BATCH = 64


class Call:
    """Builds the turns of one call: a list of (speaker, role, text)."""

    def __init__(self, rng, call_id, minutes):
        self.rng = rng
        self.id = call_id
        self.target_words = int(minutes * WORDS_PER_MINUTE * rng.uniform(0.9, 1.1))
        self.words = 0
        self.turns = []
        rep = rng.choice(FIRST_NAMES)
        prospects = [rng.choice(FIRST_NAMES)]
        if rng.random() < 0.15:
            prospects.append(rng.choice(FIRST_NAMES))
        prospects = [p if p != rep else p + " " + rng.choice(LAST_NAMES) for p in prospects]
        self.rep, self.prospects = rep, prospects
        self.industry = rng.choice(vocab.INDUSTRIES)
        vendor = rng.choice(vocab.VENDOR_HEAD if rng.random() < 0.6 else vocab.SYLLABLES).capitalize()
        self.slots = Slots(rng, {
            "rep": rep,
            "prospect": prospects[0],
            "company": company_name(rng),
            "vendor": vendor + rng.choice(vocab.VENDOR_TAIL),
            "product": rng.choice(vocab.PRODUCT_KIND).replace("-", " "),
            "industry": self.industry,
            "city": zipf(rng, CITIES),
        })
        # How likely each good habit is in this call: some calls are good, most are mixed.
        self.quality = 0.95 if rng.random() < 0.25 else rng.uniform(0.1, 0.8)

    def say(self, templates, kind, side):
        """One sentence of `kind` from `templates` for `side` ("rep" or "prospect") to say, its
        slots filled, with speech noise."""
        template = self.rng.choice(templates)
        text = template.format_map(self.slots)
        if template[0] == "{":
            text = capitalized(text)
        if kind in VOCATIVE and self.rng.random() < 0.08 and text[-1] in ".?":
            # A name said in passing: "That makes sense, Gloria."
            text = f"{text[:-1]}, {self.slots['prospect'] if side == 'rep' else self.rep}{text[-1]}"
        return speechify(self.rng, text, NOISE.get(kind, "light"))

    def rep_line(self, kind):
        return self.say(BACKCHANNELS if kind == "backchannel" else REP[kind], kind, "rep")

    def prospect_line(self, kind):
        return self.say(PROSPECT[kind], kind, "prospect")

    def good(self):
        return self.rng.random() < self.quality

    def turn(self, role, sentences):
        if self.turns and self.turns[-1][1] == role:
            # Two turns of one side in a row: the other side nods in between.
            other = "prospect" if role == "rep" else "rep"
            self.add(other, [self.rep_line("backchannel")])
        self.add(role, sentences)

    def add(self, role, sentences):
        speaker = self.rep if role == "rep" else self.rng.choice(self.prospects)
        text = " ".join(sentences)
        if self.rng.random() < 0.12:
            text = self.rng.choice(REP["lead"]) + " " + text[0].lower() + text[1:]
        self.words += text.count(" ") + 1
        self.turns.append((speaker, role, text))

    def rep_says(self, *kinds):
        return [self.rep_line(k) for k in kinds]

    def build(self):
        rng = self.rng
        self.opening()
        episodes = [self.discovery, self.question, self.disclosure, self.pitch, self.objection]
        weights = [30, 25, 8, 25, 8]
        while self.words < self.target_words:
            rng.choices(episodes, weights)[0]()
        if self.good():
            self.turn("rep", [self.rep_line("next")])
            self.turn("prospect", [self.prospect_line("agree")])
        self.turn("rep", [self.rep_line("close")])
        self.turn("prospect", [self.prospect_line("bye")])
        return self

    def opening(self):
        first = self.rep_says("greet")
        style = self.rng.random()
        if style < self.quality:
            first += self.rep_says("purpose", "agenda")
        elif style < self.quality + (1 - self.quality) * 0.6:
            first += self.rep_says("filler")
        else:
            first += self.rep_says("smalltalk")
        self.turn("rep", first)
        if self.rng.random() < 0.2:
            self.turn("prospect", [self.prospect_line("disclose")])
            self.respond_to_disclosure()
        else:
            self.turn("prospect", [self.prospect_line("greet")])

    def discovery(self):
        self.turn("rep", self.rep_says("follow", "discover") if self.rng.random() < 0.4 else self.rep_says("discover"))
        self.turn("prospect", [self.prospect_line("reply" if self.rng.random() < 0.6 else "pain")
                               for _ in range(self.rng.randint(1, 4))])
        if self.rng.random() < 0.5:
            self.turn("rep", self.rep_says("follow"))
            self.turn("prospect", [self.prospect_line("reply")])

    def question(self):
        topic = self.rng.choice(list(QA))
        asks, answers = QA[topic]
        ask = self.say(asks, "ask", "prospect")
        lead = [self.prospect_line("pain")] if self.rng.random() < 0.3 else []
        self.turn("prospect", lead + [ask])
        if self.good():
            self.turn("rep", [self.say(answers, "answer", "rep")] + (self.rep_says("follow") if self.rng.random() < 0.3 else []))
            # A reply or a nod, as often as when one pool held 9 replies and 8 nods.
            self.turn("prospect", [self.prospect_line("reply") if self.rng.random() < 9 / 17 else self.rep_line("backchannel")])
            return
        how = self.rng.choice(["deflect", "defer", "ignore"])
        reply = self.rep_says("pitch", "pitch") if how == "ignore" else self.rep_says(how, "pitch")
        self.turn("rep", reply)
        if self.rng.random() < 0.4:
            self.turn("prospect", [self.prospect_line("reask"), ask])
            self.turn("rep", [self.say(answers, "answer", "rep")] if self.good() else self.rep_says("deflect"))

    def disclosure(self):
        self.turn("prospect", [self.prospect_line("disclose")])
        self.respond_to_disclosure()

    def respond_to_disclosure(self):
        if self.good():
            self.turn("rep", self.rep_says("engage"))
            self.turn("prospect", [self.prospect_line("reply") for _ in range(self.rng.randint(1, 3))])
        else:
            self.turn("rep", self.rep_says("ack", "pivot") if self.rng.random() < 0.8 else self.rep_says("pivot"))

    def pitch(self):
        # A monologue (well over 190 words) in bad calls, a few sentences in good ones.
        n = self.rng.randint(14, 30) if not self.good() and self.rng.random() < 0.2 else self.rng.randint(2, 6)
        self.turn("rep", self.rep_says(*["pitch"] * n))
        self.turn("prospect", [self.rep_line("backchannel") if self.rng.random() < 0.6 else self.prospect_line("reply")])

    def objection(self):
        self.turn("prospect", [self.prospect_line("object")])
        self.turn("rep", self.rep_says("follow", "discover") if self.good() else self.rep_says("pitch", "pitch", "pitch"))
        self.turn("prospect", [self.prospect_line("reply")])

    def timed(self):
        """The turns with start and end seconds, at about WORDS_PER_MINUTE."""
        clock = self.rng.uniform(0.5, 4.0)
        out = []
        for speaker, role, text in self.turns:
            words = text.count(" ") + 1
            length = words * 60.0 / WORDS_PER_MINUTE * self.rng.uniform(0.85, 1.15)
            out.append((speaker, role, text, clock, clock + length))
            clock += length + self.rng.uniform(0.2, 1.5)
        return out


UNPUNCTUATE = str.maketrans("", "", ".,?!;")


def asr(text):
    """What a transcription service without punctuation gives."""
    return text.translate(UNPUNCTUATE).lower()


def hms(s, sep="."):
    ms = int(s * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def write_txt(call, turns, rng):
    out = []
    if rng.random() < 0.6:
        out.append(f"# call-id: {call.id}\n# rep: {call.rep}\n# prospect: {', '.join(call.prospects)}\n")
    style = rng.choice(["bracket", "bracket", "paren", "none"])
    for speaker, _, text, start, _ in turns:
        s = int(start)
        if style == "bracket":
            label = f"[{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}] {speaker}:"
        elif style == "paren":
            label = f"{speaker} ({s // 60:02d}:{s % 60:02d}):"
        else:
            label = speaker + ":"
        if len(text) > 600 and rng.random() < 0.3:
            # Long turns wrapped over continuation lines, as some exports do.
            cut = text.index(". ", len(text) // 2) + 1 if ". " in text[len(text) // 2:] else len(text)
            text = text[:cut] + "\n" + text[cut:].lstrip()
        out.append(f"{label} {text}\n")
    return "".join(out)


def cues(turns, rng):
    """Splits each turn into subtitle cues of a few seconds, as Zoom and Teams do."""
    for speaker, role, text, start, end in turns:
        words = text.split(" ")
        step = rng.randint(10, 18)
        per_word = (end - start) / len(words)
        for i in range(0, len(words), step):
            chunk = words[i:i + step]
            yield speaker, role, " ".join(chunk), start + i * per_word, start + (i + len(chunk)) * per_word


def write_vtt(call, turns, rng):
    voice = rng.random() < 0.7
    out = ["WEBVTT\n"]
    for n, (speaker, _, text, start, end) in enumerate(cues(turns, rng), 1):
        body = f"<v {speaker}>{text}</v>" if voice else f"{speaker}: {text}"
        out.append(f"\n{n}\n{hms(start)} --> {hms(end)}\n{body}\n")
    return "".join(out)


def write_srt(call, turns, rng):
    out = []
    for n, (speaker, _, text, start, end) in enumerate(cues(turns, rng), 1):
        out.append(f"{n}\n{hms(start, ',')} --> {hms(end, ',')}\n{speaker}: {text}\n\n")
    return "".join(out)


def write_csv(call, turns, rng):
    with_role = rng.random() < 0.5
    out = ["start,end,speaker,role,text\n" if with_role else "start,end,speaker,text\n"]
    for speaker, role, text, start, end in turns:
        quoted = '"' + text.replace('"', '""') + '"'
        role_col = role + "," if with_role else ""
        out.append(f"{start:.2f},{end:.2f},{speaker},{role_col}{quoted}\n")
    return "".join(out)


def call_json(call, turns, rng):
    with_role = rng.random() < 0.5
    utterances = []
    for speaker, role, text, start, end in turns:
        u = {"speaker": speaker}
        if with_role:
            u["role"] = role
        u.update(text=text, start=round(start, 2), end=round(end, 2))
        utterances.append(u)
    return {"id": call.id, "metadata": {"industry": call.industry}, "utterances": utterances}


def write_json(call, turns, rng):
    return json.dumps(call_json(call, turns, rng), indent=2 if rng.random() < 0.5 else None) + "\n"


WRITERS = {"txt": write_txt, "vtt": write_vtt, "srt": write_srt, "csv": write_csv, "json": write_json}


def make_call(rng, call_id, minutes=None):
    if minutes is None:
        # 5 to 60 minutes, most calls between 15 and 35.
        minutes = min(60.0, max(5.0, rng.triangular(5, 60, 22)))
    call = Call(rng, call_id, minutes).build()
    turns = call.timed()
    if rng.random() < 0.15:
        turns = [(s, r, asr(t), a, b) for s, r, t, a, b in turns]
    return call, turns


def file_seed(seed, index):
    return int.from_bytes(hashlib.sha256(f"{seed}/{index}".encode()).digest()[:8], "little")


def make_file(job):
    """One corpus file: (relative path, bytes, number of calls)."""
    seed, index, formats, weights = job
    rng = random.Random(file_seed(seed, index))
    fmt = rng.choices(formats, weights)[0]
    call_id = f"call-{index:06d}"
    if fmt == "jsonl":
        lines = []
        for k in range(rng.randint(5, 20)):
            call, turns = make_call(rng, f"{call_id}-{k:02d}")
            lines.append(json.dumps(call_json(call, turns, rng)) + "\n")
        body, calls = "".join(lines), len(lines)
    else:
        call, turns = make_call(rng, call_id)
        body, calls = WRITERS[fmt](call, turns, rng), 1
    path = f"{index // FILES_PER_FOLDER:04d}/{call_id}.{fmt}"
    return path, body.encode("utf-8"), calls


def parse_size(text):
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?\s*", text, re.I)
    if not m:
        raise argparse.ArgumentTypeError(f"size '{text}' is not like 10MB, 1GB or 500000")
    unit = (m.group(2) or "B").upper().rstrip("B")
    scale = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "KI": 2**10, "MI": 2**20, "GI": 2**30}[unit]
    return int(float(m.group(1)) * scale)


def parse_formats(text):
    if text in ("mixed", "default"):
        return list(FORMAT_WEIGHTS)
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMAT_WEIGHTS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"unknown format(s) {unknown}; use some of {','.join(FORMAT_WEIGHTS)}")
    return formats


def generate(args):
    weights = [FORMAT_WEIGHTS[f] for f in args.formats]
    digest = hashlib.sha256()
    total = files = calls = 0
    by_format = {}
    made_dirs = set()
    pool = Pool(args.jobs) if args.jobs > 1 else None
    index = 0
    try:
        def full():
            return calls >= args.calls if args.calls else total >= args.size

        while not full():
            jobs = [(args.seed, i, args.formats, weights) for i in range(index, index + BATCH)]
            index += BATCH
            results = pool.map(make_file, jobs) if pool else map(make_file, jobs)
            for path, body, n in results:
                if full():
                    break
                folder = os.path.join(args.out, os.path.dirname(path))
                if folder not in made_dirs:
                    os.makedirs(folder, exist_ok=True)
                    made_dirs.add(folder)
                with open(os.path.join(args.out, path), "wb") as f:
                    f.write(body)
                digest.update(path.encode() + b"\0" + len(body).to_bytes(8, "little") + body)
                total += len(body)
                files += 1
                calls += n
                ext = path.rsplit(".", 1)[1]
                by_format[ext] = by_format.get(ext, 0) + 1
    finally:
        if pool:
            pool.close()
    limit = {"calls_limit": args.calls} if args.calls else {"size": args.size}
    return {"seed": args.seed, **limit, "formats": ",".join(args.formats), "bytes": total,
            "files": files, "calls": calls, "files_by_format": by_format, "sha256": digest.hexdigest()}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})")
    p.add_argument("--size", type=parse_size, default="10MB", help="10MB, 100MB, 1GB, or bytes (default 10MB)")
    p.add_argument("--calls", type=int, metavar="N",
                   help="stop after N calls instead of at --size: file n holds the same call in "
                        "every format, so corpora of N calls in different formats hold the same "
                        "calls (a JSON Lines file holds 5-20 calls, the first of them that call)")
    p.add_argument("--out", help="output folder (created; files go into subfolders of 100)")
    p.add_argument("--formats", type=parse_formats, default="txt",
                   help="'txt' (default: plain text only), 'mixed' (70%% txt, the rest vtt, srt, csv, "
                        "json, jsonl), or a list such as txt,vtt,srt")
    p.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                   help="worker processes (the output does not depend on it)")
    p.add_argument("--single", type=float, metavar="MINUTES",
                   help="write one plain-text call of MINUTES to standard output instead")
    args = p.parse_args()
    if args.single is not None:
        rng = random.Random(file_seed(args.seed, 0))
        call, turns = make_call(rng, "bench-call", args.single)
        sys.stdout.write(write_txt(call, turns, rng))
        return
    if not args.out:
        p.error("--out DIR is required (or --single MINUTES)")
    if os.path.isdir(args.out) and os.listdir(args.out):
        p.error(f"{args.out} is not empty; delete it first so that the corpus is exactly the seed's")
    os.makedirs(args.out, exist_ok=True)
    started = time.monotonic()
    summary = generate(args)
    summary["elapsed_s"] = round(time.monotonic() - started, 1)  # not part of the digest
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
