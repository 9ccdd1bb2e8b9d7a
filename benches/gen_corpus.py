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

DEFAULT_SEED = 20261123
FILES_PER_FOLDER = 100
WORDS_PER_MINUTE = 150
# Share of each format in a mixed corpus; a --formats list keeps these weights, renormalised.
FORMAT_WEIGHTS = {"txt": 70, "vtt": 10, "srt": 5, "csv": 5, "json": 5, "jsonl": 5}
BATCH = 64


def zipf(rng, seq):
    """An item drawn with a skew like word frequencies: item i about 1/(i+1) as likely as the
    first, so that a long list gives a few common words and a long tail of rare ones."""
    return seq[int(len(seq) ** rng.random()) - 1]


def plural(noun):
    """English plural of a noun (its last word for compounds such as "parking_lot")."""
    return vocab.PLURALS.get(noun) or with_s(noun)


def with_s(word):
    """A plural noun or a third-person verb by the spelling rules: boxes, copies, tracks."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(entry):
    """(base, -s, past, -ing) of a VERBS entry: "send/sent" names an irregular past, "ship+" a
    doubled final letter."""
    base, _, past = entry.partition("/")
    double = base.endswith("+")
    base = base.rstrip("+")
    stem = base + base[-1] if double else base
    third = with_s(base)
    if not past:
        past = base + "d" if base.endswith("e") else third[:-3] + "ied" if third.endswith("ies") else stem + "ed"
    ing = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else stem + "ing"
    return base, third, past, ing


NOUN_FORMS = [(n.replace("_", " "), plural(n).replace("_", " ")) for n in vocab.NOUNS]
VERB_FORMS = [verb_forms(v) for v in vocab.VERBS]
FIRST_NAMES = vocab.FIRST_NAMES + vocab.MORE_FIRST_NAMES
LAST_NAMES = vocab.LAST_NAMES + vocab.MORE_LAST_NAMES
CITIES = vocab.CITY + vocab.MORE_CITIES
POOLS = dict(vocab.POOLS)
for _key, _text in vocab.MORE_POOLS.items():
    POOLS[_key] = POOLS.get(_key, []) + [w.strip() for w in _text.replace("\n", "").split("|")]
POOLS["pain"] = POOLS["pain"] + vocab.CLAUSE["pain"]
REP = {k: list(v) for k, v in vocab.REP.items()}
PROSPECT = {k: list(v) for k, v in vocab.PROSPECT.items()}
for (_side, _kind), _frames in vocab.MORE.items():
    (REP if _side == "REP" else PROSPECT)[_kind] += _frames
QA = {topic: (asks + vocab.QA_MORE.get(topic, []), answers) for topic, (asks, answers) in vocab.QA.items()}
BACKCHANNELS = REP["backchannel"] + vocab.MORE_BACKCHANNELS


def count(rng):
    """A number as people say it: small ones as words, others as digits."""
    r = rng.random()
    if r < 0.45:
        return rng.choice(vocab.NUMBER_WORDS)
    if r < 0.6:
        return rng.choice(vocab.TENS) + rng.choice(["", "", "-one", "-two", "-five", "-eight", "-something"])
    if r < 0.85:
        return str(rng.randint(2, 60))
    if r < 0.95:
        return str(rng.randint(60, 400))
    return f"{rng.randint(1000, 90000):,}"


def amount(rng):
    r = rng.random()
    if r < 0.5:
        return f"${rng.randint(2, 120) * 100:,}"
    if r < 0.8:
        return f"{rng.choice(vocab.NUMBER_WORDS + vocab.TENS)} thousand dollars"
    return f"${rng.randint(5, 900)}"


def compound(rng):
    """A modifier coined on the fly, "invoice-wise" or "pallet-by-pallet": mostly rare types."""
    noun = zipf(rng, NOUN_FORMS)[0].replace(" ", "-")
    tail = rng.choice(vocab.COMPOUND_TAILS)
    return noun + "-" + (tail.replace("{noun}", noun) if "{" in tail else tail)


def model_code(rng):
    """A product model as people read it off a label: "KX-40"."""
    return "".join(rng.choice("ABCDEFGHKLMPRSTVX") for _ in range(2)) + "-" + str(rng.randint(2, 990))


def coined(rng):
    return "".join(rng.choice(vocab.SYLLABLES) for _ in range(rng.randint(2, 3)))


def surname(rng):
    """A family name: a common one, or a coined one from syllables."""
    if rng.random() < 0.5:
        return zipf(rng, LAST_NAMES)
    return coined(rng).capitalize()


def noun_phrase(rng, many):
    """A noun phrase such as "the quarterly pallet counts" or "an overnight shipment"."""
    sing, plur = zipf(rng, NOUN_FORMS)
    words = [plur if many else sing]
    if rng.random() < 0.15:
        words.insert(0, zipf(rng, NOUN_FORMS)[0])
    r = rng.random()
    if r < 0.3:
        words.insert(0, zipf(rng, vocab.ADJECTIVES))
    elif r < 0.35:
        words.insert(0, compound(rng))
    if many:
        det = rng.choice(["the", "the", "our", "all the", "those", "some of the", "", "", "these"])
        if not det and rng.random() < 0.3:
            det = count(rng)
    else:
        det = rng.choice(["the", "the", "our", "a", "a", "this", "that", "every", "each"])
        if det == "a":
            return a_or_an(" ".join(words))
    return (det + " " if det else "") + " ".join(words)


def a_or_an(phrase):
    return ("an " if phrase[0] in "aeiou" else "a ") + phrase


def capitalized(text):
    return text[0].upper() + text[1:]


def contraction(short, long):
    return lambda rng, slots: short if rng.random() < 0.8 else long


# Fields composed at each use (see vocab.CLAUSE); any other field comes from POOLS.
GEN = {
    "noun": lambda rng, slots: zipf(rng, NOUN_FORMS)[0],
    "nouns": lambda rng, slots: zipf(rng, NOUN_FORMS)[1],
    "adj": lambda rng, slots: zipf(rng, vocab.ADJECTIVES),
    "thing": lambda rng, slots: noun_phrase(rng, rng.random() < 0.5),
    "things": lambda rng, slots: noun_phrase(rng, True),
    "a_noun": lambda rng, slots: a_or_an(zipf(rng, vocab.ADJECTIVES) + " " + zipf(rng, NOUN_FORMS)[0]),
    "verb": lambda rng, slots: zipf(rng, VERB_FORMS)[0],
    "verbs": lambda rng, slots: zipf(rng, VERB_FORMS)[1],
    "verbed": lambda rng, slots: zipf(rng, VERB_FORMS)[2],
    "verbing": lambda rng, slots: zipf(rng, VERB_FORMS)[3],
    "count": lambda rng, slots: count(rng),
    "num": lambda rng, slots: count(rng) if rng.random() < 0.7 else rng.choice(POOLS["num"]),
    "amount": lambda rng, slots: amount(rng),
    "price": lambda rng, slots: f"${rng.randint(9, 120)}",
    "pct": lambda rng, slots: str(rng.randint(5, 45)),
    "weeks": lambda rng, slots: str(rng.randint(2, 14)),
    "month": lambda rng, slots: rng.choice(vocab.MONTHS),
    "weekday": lambda rng, slots: rng.choice(vocab.WEEKDAYS),
    "company2": lambda rng, slots: company_name(rng),
    "surname": lambda rng, slots: surname(rng),
    "street": lambda rng, slots: coined(rng).capitalize() + " " + rng.choice(vocab.STREET_KINDS),
    "model": lambda rng, slots: model_code(rng),
    "Event": lambda rng, slots: capitalized(slots["event"]),
    "ordinal": lambda rng, slots: rng.choice(vocab.ORDINALS),
    "date": lambda rng, slots: (rng.choice(vocab.MONTHS) + " " if rng.random() < 0.6 else "the ")
    + rng.choice(vocab.ORDINALS),
    "person": lambda rng, slots: zipf(rng, FIRST_NAMES),
    "someone": lambda rng, slots: rng.choice([
        zipf(rng, FIRST_NAMES), zipf(rng, FIRST_NAMES) + " in " + rng.choice(POOLS["team"]),
        "the " + rng.choice(POOLS["team"]) + " lead", "our " + rng.choice(POOLS["title"]),
        zipf(rng, FIRST_NAMES) + " " + surname(rng)]),
    "city2": lambda rng, slots: zipf(rng, CITIES),
    # Said or left out; the field stands right after a word ("we {verb} {things}{when}").
    "when": lambda rng, slots: " " + zipf(rng, vocab.WHEN).format_map(slots) if rng.random() < 0.55 else "",
    "conn": lambda rng, slots: zipf(rng, vocab.CONNECTORS),
    "hedge": lambda rng, slots: rng.choice(vocab.HEDGES),
    "period": lambda rng, slots: rng.choice(vocab.PERIODS),
    "units": lambda rng, slots: rng.choice(vocab.UNITS),
    "we_are": contraction("we're", "we are"),
    "we_have": contraction("we've", "we have"),
    "do_not": contraction("don't", "do not"),
    "it_is": contraction("it's", "it is"),
    "world": lambda rng, slots: rng.choice(vocab.CLAUSE["world"]).format_map(slots),
    "pitch": lambda rng, slots: rng.choice(vocab.CLAUSE["pitch"]).format_map(slots),
}


class Slots(dict):
    """Call-level slots; any other field is composed (GEN) or drawn from its pool at each use."""

    def __init__(self, rng, fixed):
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key):
        make = GEN.get(key)
        if make:
            return make(self.rng, self)
        value = self.rng.choice(POOLS[key])
        return value.format_map(self) if "{" in value else value


# How much speech noise each kind of sentence takes. "free": its meaning does not hang on a
# phrase, so fillers and repeated words may go anywhere; "light": fillers only at the start and
# at commas, so the phrases the rules look for ("the purpose of my call", "let me loop in")
# stay whole; "none": short set replies, which repeat in real calls too.
NOISE = {"reply": "free", "pain": "free", "pitch": "free", "follow": "free", "object": "free",
         "smalltalk": "free", "backchannel": "none", "bye": "none", "agree": "none", "ack": "none"}
# Words a speaker restarts on or says twice ("we, we tried", "the the").
REPEATABLE = {"I", "we", "it", "the", "they", "our", "my", "to", "a", "that", "and", "so", "you", "it's",
              "we're", "I'm", "that's", "in", "of", "is"}
VOCATIVE = {"follow", "discover", "pitch", "answer", "defer", "deflect", "close", "reply", "object", "ask",
             "engage", "pivot", "next"}
EXPAND = [("we're", "we are"), ("it's", "it is"), ("don't", "do not"), ("I'm", "I am"),
          ("that's", "that is"), ("we've", "we have"), ("can't", "cannot"), ("they're", "they are")]


def speechify(rng, text, noise):
    """Adds what speech has and templates lack: fillers, restarts, repeated words, hedges, expanded
    contractions and, now and then, missing punctuation."""
    if noise == "none":
        return text
    statement = text.endswith(".")
    if rng.random() < 0.3 and ", " in text:
        # A filler at a comma: "so, um, we".
        head, _, tail = text.partition(", ")
        text = f"{head}, {zipf(rng, vocab.FILLERS)}, {tail}"
    if noise == "free":
        text = speech_words(rng, text, statement)
    if statement and rng.random() < 0.07:
        word, _, rest = text.partition(" ")
        if rest and word in REPEATABLE:
            # A restart: "We, we tried that."
            again = word if word in ("I", "I'm") else word[0].lower() + word[1:]
            text = f"{word}, {again} {rest}"
    r = rng.random()
    if r < 0.25 and not text.startswith(("Let", "let")):
        lead = zipf(rng, vocab.LEADS)
        text = lead + " " + (text[0].lower() + text[1:] if not text.startswith(("I ", "I'")) else text)
    elif r < 0.29:
        text = text.replace(",", "")
    if statement and rng.random() < 0.04:
        text = text[:-1]
    return text


def speech_words(rng, text, statement):
    """Word-level noise for sentences whose meaning hangs on no phrase."""
    r = rng.random()
    if r < 0.25:
        words = text.split(" ")
        spots = [i for i in range(1, len(words) - 1) if words[i] in REPEATABLE]
        if spots:
            i = rng.choice(spots)
            if r < 0.12:
                words.insert(i, words[i])       # "the the"
            else:
                words.insert(i, zipf(rng, vocab.FILLERS))  # "and um we"
            text = " ".join(words)
    if statement and rng.random() < 0.1:
        text = text[:-1] + zipf(rng, vocab.HEDGES) + "."
    if rng.random() < 0.12:
        old, new = rng.choice(EXPAND)
        text = text.replace(old, new, 1)
    return text


def company_name(rng):
    """A made-up company: a stock head word, or now and then a coined one."""
    if rng.random() < 0.35:
        head = coined(rng).capitalize()
    else:
        head = rng.choice(vocab.COMPANY_HEAD)
    return head + " " + rng.choice(vocab.COMPANY_TAIL)


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

    def say(self, templates, kind):
        """One sentence of `kind` from `templates`, its slots filled, with speech noise."""
        template = self.rng.choice(templates)
        text = template.format_map(self.slots)
        if template[0] == "{":
            text = capitalized(text)
        if kind in VOCATIVE and self.rng.random() < 0.08 and text[-1] in ".?":
            # A name said in passing: "That makes sense, Gloria."
            text = f"{text[:-1]}, {self.slots['prospect'] if kind in REP else self.rep}{text[-1]}"
        return speechify(self.rng, text, NOISE.get(kind, "light"))

    def rep_line(self, kind):
        return self.say(BACKCHANNELS if kind == "backchannel" else REP[kind], kind)

    def prospect_line(self, kind):
        return self.say(PROSPECT[kind], kind)

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
        ask = self.say(asks, "ask")
        lead = [self.prospect_line("pain")] if self.rng.random() < 0.3 else []
        self.turn("prospect", lead + [ask])
        if self.good():
            self.turn("rep", [self.say(answers, "answer")] + (self.rep_says("follow") if self.rng.random() < 0.3 else []))
            self.turn("prospect", [self.prospect_line("reply") if self.rng.random() < 9 / 17 else self.rep_line("backchannel")])
            return
        how = self.rng.choice(["deflect", "defer", "ignore"])
        reply = self.rep_says("pitch", "pitch") if how == "ignore" else self.rep_says(how, "pitch")
        self.turn("rep", reply)
        if self.rng.random() < 0.4:
            self.turn("prospect", [self.prospect_line("reask"), ask])
            self.turn("rep", [self.say(answers, "answer")] if self.good() else self.rep_says("deflect"))

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
