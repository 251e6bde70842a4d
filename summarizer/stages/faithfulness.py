"""Faithfulness guard for generated summaries: pure functions, no models.

A generated (abstractive) summary may only name what the article names:

* every person, organisation, place or group (spaCy PERSON, ORG, GPE, LOC, FAC, NORP) it
  mentions must be in the article: among the article's entities or in its text, compared
  case-insensitively after the entity normalisation of :mod:`.entities` (a leading "the", a
  possessive); a surname is supported by a full name that ends (or starts) with it;
* every number must occur in the article in some form: "39 percent" = "39%" = "39 per cent",
  "1,200" = "1200", "$1.13bn" = "1.13 billion" = "1,130 million", "twelve" = "12"; a rounded
  figure is supported by the figure it rounds ("1.1 billion" by "1.13 billion"); "two" is also
  supported by "both" or by a pair of names the article joins ("Azerbaijan and Belarus").

It must also not be degenerate: empty, stuck in a loop, repeating its instructions, or longer
than the article. :func:`check` runs every test and returns a :class:`Check` whose ``reason``
says what failed, in words a reader of the record understands.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .entities import normalize_name

#: spaCy entity labels whose mentions in a summary must be supported by the article.
CHECKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

# --------------------------------------------------------------------------- numbers

_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "m": 1e6, "k": 1e3}
#: Single-letter suffixes that may not be a scale at all ("100m" can be metres).
_AMBIGUOUS_SCALES = frozenset({"m", "k"})
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_WORD_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_DIGITS = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|mln|mn|bn|tn|m|k)(?![\w]))?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class NumberMention:
    """A number as written (``text``) and the values it can mean; ``unit`` is its precision."""

    text: str
    values: tuple[float, ...]
    unit: float
    units: tuple[float, ...] = ()
    """The precision of each value (``unit`` for all when empty)."""


def _precision(number: str) -> float:
    decimals = number.split(".", 1)[1] if "." in number else ""
    return 10.0 ** -len(decimals)


def _digit_mentions(text: str) -> list[NumberMention]:
    out = []
    for m in _DIGITS.finditer(text):
        raw = m.group("num")
        value = float(raw.replace(",", ""))
        scale_word = (m.group("scale") or "").lower()
        scale = _SCALES.get(scale_word, 1.0)
        unit = _precision(raw) * scale
        if scale_word in _AMBIGUOUS_SCALES:
            # "7m" may be seven million or seven metres: each reading keeps its own precision.
            values: tuple[float, ...] = (value * scale, value)
            units: tuple[float, ...] = (unit, _precision(raw))
        else:
            values = (value * scale,)
            units = (unit,)
        out.append(NumberMention(m.group().strip(), values, unit, units))
    return out


def _word_mentions(text: str) -> list[NumberMention]:
    """Numbers written in words: "twelve", "twenty-five", "three hundred", "a million", "2 million" is digits."""
    out: list[NumberMention] = []
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(tokens):
        word, start, _ = tokens[i]
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if not (word in _UNITS or word in _TENS or (word in ("a", "an") and nxt in _WORD_SCALES)):
            i += 1
            continue
        total = 0.0
        current = 0.0
        j = i
        end = start
        last = ""  # kind of the previous word: unit, tens, scale, a
        while j < len(tokens):
            w = tokens[j][0]
            if j > i and text[tokens[j - 1][2] : tokens[j][1]].strip(" -\u2010\u2011") != "":
                break  # "fifty, two": punctuation ends a number
            if w in _UNITS and last in ("", "tens", "scale", "hundred") and not (last == "tens" and _UNITS[w] >= 10):
                current += _UNITS[w]
                last = "unit"
            elif w in _TENS and last in ("", "scale", "hundred"):
                current += _TENS[w]
                last = "tens"
            elif w in ("a", "an") and j == i:
                current = 1
                last = "a"
            elif w in _WORD_SCALES and (last in ("unit", "tens", "a") or (last == "hundred" and w != "hundred")):
                scale = _WORD_SCALES[w]
                if scale == 100:
                    current *= 100
                else:
                    total += current * scale
                    current = 0
                last = "hundred" if scale == 100 else "scale"
            elif w == "and" and last in ("scale", "hundred") and j + 1 < len(tokens) and tokens[j + 1][0] in {**_UNITS, **_TENS}:
                j += 1
                continue
            else:
                break
            end = tokens[j][2]
            j += 1
        value = total + current
        phrase = text[start:end]
        words = phrase.lower().split()
        # A bare "one" ("one of the", "no one") is hardly ever a figure: skip it.
        if words not in (["one"], ["a"], ["an"]):
            # "two million" is as precise as its scale; "two hundred and fifty" to the unit.
            unit = _WORD_SCALES.get(words[-1], 1.0)
            out.append(NumberMention(phrase, (value,), unit))
        i = max(j, i + 1)
    return out


def number_mentions(text: str) -> list[NumberMention]:
    """Every number in ``text``, in digits or in words, with the values it stands for."""
    return _digit_mentions(text) + _word_mentions(text)


#: Words that state a number without being one, on the article's side: "both countries" supports
#: "the two countries", "a dozen" supports "12".
_IMPLIED = {"both": 2.0, "pair": 2.0, "twice": 2.0, "dozen": 12.0, "half": 0.5}


def number_values(text: str, entities: Sequence[tuple[str, str]] = ()) -> set[float]:
    """Every value a number in ``text`` may have (the article side of the check); ``entities`` (text, spaCy
    label) are the article's, for :func:`names_a_pair`."""
    values = {v for m in number_mentions(text) for v in m.values}
    values.update(_IMPLIED[w] for w in {w.lower() for w in _WORD.findall(text)} & _IMPLIED.keys())
    if 2.0 not in values and names_a_pair(text, entities):
        values.add(2.0)
    return values


def names_a_pair(text: str, entities: Sequence[tuple[str, str]]) -> bool:
    """Whether ``text`` joins two different names of one kind by "and" ("Azerbaijan and Belarus", "Aliyev and
    Lukashenko"): such a pair supports "the two countries", "the two leaders" in a summary, as "both" does."""
    by_label: dict[str, set[str]] = {}
    for name, label in entities:
        if label in CHECKED_LABELS and any(c.isalpha() for c in name):
            by_label.setdefault(label, set()).add(" ".join(name.split()))
    for names in by_label.values():
        if len(names) < 2:
            continue
        alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))
        pattern = rf"(?<!\w)({alternatives})\s+and\s+({alternatives})(?!\w)"
        if any(m.group(1).lower() != m.group(2).lower() for m in re.finditer(pattern, text, re.IGNORECASE)):
            return True
    return False


def number_supported(mention: NumberMention, values: Iterable[float]) -> bool:
    """Whether the article's ``values`` hold the mention's value, or a value it is a rounding of."""
    units = mention.units or (mention.unit,) * len(mention.values)
    for v, unit in zip(mention.values, units, strict=True):
        tolerance = unit / 2 + 1e-9 * max(1.0, abs(v))
        if any(math.isclose(v, a, rel_tol=1e-9) or abs(a - v) <= tolerance for a in values):
            return True
    return False


def unsupported_numbers(summary: str, article: str, article_entities: Sequence[tuple[str, str]] = ()) -> list[str]:
    """Numbers of ``summary`` that the article does not state (as written in the summary)."""
    values = number_values(article, article_entities)
    out = [m.text for m in number_mentions(summary) if not number_supported(m, values)]
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- names

#: Short and long names of the same thing, each supporting the other.
_ALIASES = [
    {"us", "u.s", "u.s.", "usa", "united states", "united states of america", "america"},
    {"uk", "u.k", "u.k.", "britain", "great britain", "united kingdom"},
    {"eu", "european union"},
    {"un", "u.n", "u.n.", "united nations"},
    {"uae", "united arab emirates"},
]
#: Group names (NORP) whose place name does not start like them ("Spanish" -> "Spain").
_DEMONYMS = {
    "spanish": ("spain",), "french": ("france",), "chinese": ("china",), "british": ("britain", "uk", "united kingdom"),
    "dutch": ("netherlands", "holland"), "swiss": ("switzerland",), "greek": ("greece",), "welsh": ("wales",),
    "scottish": ("scotland",), "scots": ("scotland",), "irish": ("ireland",), "polish": ("poland",),
    "danish": ("denmark",), "finnish": ("finland",), "portuguese": ("portugal",), "filipino": ("philippines",),
    "thai": ("thailand",), "american": ("us", "u.s", "usa", "united states", "america"), "english": ("england",),
}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def _norm(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def _in_text(key: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", text) is not None


def _named_in(key: str, article: str) -> bool:
    """``key`` (normalised) occurs in the article written as a name, i.e. capitalised: an invented
    "Mark" or "Shell" is not supported by "mark the day" or "a shell crater"."""
    flat = " ".join(article.translate(_APOSTROPHES).split())
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in key.split()) + r"(?!\w)"
    return any(m.group()[0].isupper() for m in re.finditer(pattern, flat, re.IGNORECASE))


def _adjective_of(key: str, article: str) -> bool:
    """NORP "belarusian" is supported by "belarus", "american" by "america" (a shared stem)."""
    if len(key) < 5 or " " in key:
        return False
    for word in set(re.findall(r"[a-z]{4,}", article)):
        shared = len(_common_prefix(key, word))
        # "belarusian"/"belarus", "american"/"america": the place's name is (almost) all in the adjective.
        if shared >= 4 and shared >= len(word) - 1 and len(key) - shared <= 4:
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


def _demonym_of(key: str, article: str) -> bool:
    """"Spanish" is supported by "Spain", "Americans" by "U.S."."""
    places = _DEMONYMS.get(key, ()) + (_DEMONYMS.get(key[:-1], ()) if key.endswith("s") else ())
    return any(_in_text(p, article) for p in places)


def unsupported_names(summary_entities: Sequence[tuple[str, str]], article: str,
                      article_entities: Sequence[tuple[str, str]] = ()) -> list[str]:
    """Names (text, spaCy label) of the summary that the article does not support, normalised."""
    text = _norm(article)
    known = {_norm(normalize_name(t)) for t, _ in article_entities}
    people = [_norm(normalize_name(t)).split() for t, label in article_entities if label == "PERSON"]
    out: list[str] = []
    for mention, label in summary_entities:
        if label not in CHECKED_LABELS:
            continue
        name = normalize_name(mention)
        key = _norm(name)
        if len(key) < 2 or not any(c.isalpha() for c in key):
            continue
        if key in known or _named_in(key, article):
            continue
        words = key.split()
        if any(len(p) > len(words) and (p[-len(words):] == words or p[: len(words)] == words) for p in people):
            continue  # "Aliyev" for "Ilham Aliyev"
        alias = next((group for group in _ALIASES if key.rstrip(".") in group or key in group), None)
        if alias and any(a in known or _named_in(a, article) for a in alias):
            continue
        if label == "NORP" and (_adjective_of(key, text) or _demonym_of(key, text)):
            continue
        out.append(name)
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- degenerate output

_TOKENS = re.compile(r"\w+(?:['’]\w+)*")
REPEAT_NGRAM = 4  # an n-gram of this many words ...
REPEAT_TIMES = 3  # ... this many times is a loop
MIN_DISTINCT_RATIO = 0.3  # distinct words / words, for summaries of 20 words or more
ECHO_WORDS = 6  # this many words in a row from the instructions is an echo of the prompt


def _words(text: str) -> list[str]:
    return [w.lower() for w in _TOKENS.findall(text)]


def _longest_shared_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of consecutive words found in both ``a`` and ``b``."""
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def degeneracy(summary: str, article: str, instructions: Sequence[str] = ()) -> str | None:
    """Why ``summary`` is not a usable summary of ``article``, or None when it is."""
    words = _words(summary)
    if not words or not any(c.isalpha() for c in summary):
        return "the model wrote no summary"
    grams = Counter(tuple(words[i : i + REPEAT_NGRAM]) for i in range(len(words) - REPEAT_NGRAM + 1))
    if grams:
        gram, times = grams.most_common(1)[0]
        if times >= REPEAT_TIMES:
            return f"the model's text repeats itself (\"{' '.join(gram)}\" {times} times)"
    if len(words) >= 20 and len(set(words)) / len(words) < MIN_DISTINCT_RATIO:
        return "the model's text repeats itself (few distinct words)"
    for instruction in instructions:
        inst = _words(instruction)
        need = min(ECHO_WORDS, len(inst))
        if need and _longest_shared_run(words, inst) >= need:
            return "the model repeated its instructions instead of summarising"
    if len(words) > len(_words(article)):
        return "the model's text is longer than the article"
    return None


# --------------------------------------------------------------------------- all together


@dataclass(frozen=True)
class Check:
    """The verdict on one generated summary."""

    degenerate: str | None = None
    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.degenerate is None and not self.names and not self.numbers

    @property
    def unsupported(self) -> tuple[str, ...]:
        return self.names + self.numbers

    @property
    def reason(self) -> str:
        """What is wrong, in one clause ("" when nothing is)."""
        parts = []
        if self.degenerate:
            parts.append(self.degenerate)
        if self.names:
            parts.append("it names what the article does not: " + ", ".join(f"'{n}'" for n in self.names))
        if self.numbers:
            parts.append("it gives numbers the article does not: " + ", ".join(f"'{n}'" for n in self.numbers))
        return "; ".join(parts)


def check(summary: str, article: str, summary_entities: Sequence[tuple[str, str]] = (),
          article_entities: Sequence[tuple[str, str]] = (), instructions: Sequence[str] = ()) -> Check:
    """Run every test on ``summary`` against ``article`` (entities as (text, spaCy label))."""
    return Check(
        degenerate=degeneracy(summary, article, instructions),
        names=tuple(unsupported_names(summary_entities, article, article_entities)),
        numbers=tuple(unsupported_numbers(summary, article, article_entities)),
    )
