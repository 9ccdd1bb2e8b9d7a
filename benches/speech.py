"""How gen_corpus.py fills a sentence and says it: word lists drawn with a Zipf-like skew,
noun phrases, verb forms, numbers, names and coined words composed at each use (GEN, Slots), and
the marks of speech (speechify: fillers, restarts, repeated words, hedges).

Split from gen_corpus.py, which plans the calls and writes the formats. Standard library only.
"""

import vocab

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
