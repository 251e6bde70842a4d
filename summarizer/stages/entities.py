"""Named entities: people, organisations and places, merged to their fullest form and counted."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Entity

#: spaCy labels we report, and the type each becomes.
TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_OWNER = re.compile(r"^[A-Z][\w-]*[’']s\s+(?=[A-Z])")  # "Azerbaijan’s Ganja Automobile Plant"


def normalize_name(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    text = _LEADING_OWNER.sub("", text)
    text = _POSSESSIVE.sub("", text).strip(" ,.;:-–—\"“”")
    return text


def merge(mentions: Sequence[tuple[str, str]], exclude: set[str] | None = None) -> list[Entity]:
    """Merge (text, spaCy label) mentions into entities, most mentioned first.

    A shorter person mention whose words are the last (or first) words of exactly one longer
    person name counts toward that name ("Aliyev" -> "Ilham Aliyev"). Single-word mentions
    tagged as organisation that match a person's surname count toward the person
    (small NER models often mislabel surnames). A person name that starts with a place named
    in the same article loses that place ("Azerbaijan Heydar Aliyev" -> "Heydar Aliyev"), as long
    as two words are left. Places and organisations otherwise merge only
    when they are the same name (case, a leading "the" and a possessive aside).
    """
    exclude = {e.lower() for e in (exclude or set())}
    counts: dict[tuple[str, str], int] = {}
    order: dict[tuple[str, str], int] = {}
    display: dict[tuple[str, str], str] = {}
    for text, label in mentions:
        kind = TYPES.get(label)
        if kind is None:
            continue
        name = normalize_name(text)
        if len(name) < 2 or not any(c.isalpha() for c in name) or name.lower() in exclude:
            continue
        if kind == "person" and not all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()
                                        for w in name.replace("’", "").replace("'", "").split()):
            continue  # "COP29", "the president" and the like are not names of people
        key = (name.lower(), kind)
        counts[key] = counts.get(key, 0) + 1
        order.setdefault(key, len(order))
        display.setdefault(key, name)

    # "Azerbaijan Heydar Aliyev" ("the leader of Azerbaijan Heydar Aliyev"): a place named in the
    # article, run into a person's name by the NER model. The person is the name without it.
    places = {key[0] for key in counts if key[1] == "place"}
    for key in [k for k in counts if k[1] == "person"]:
        w = key[0].split()
        cut = next((i for i in range(len(w) - 2, 0, -1) if " ".join(w[:i]) in places), 0)
        if cut:
            person = (" ".join(w[cut:]), "person")
            counts[person] = counts.get(person, 0) + counts.pop(key)
            order[person] = min(order.get(person, order[key]), order.pop(key))
            display.setdefault(person, " ".join(display.pop(key).split()[cut:]))

    # One name tagged with different types (small NER models waver): keep its most frequent type.
    by_name: dict[str, list[tuple[str, str]]] = {}
    for key in counts:
        by_name.setdefault(key[0], []).append(key)
    for keys_ in by_name.values():
        if len(keys_) > 1:
            best = max(keys_, key=lambda k: (counts[k], -order[k]))
            for k in keys_:
                if k != best:
                    counts[best] += counts.pop(k)
                    order[best] = min(order[best], order.pop(k))
                    display.pop(k)

    def words(key: tuple[str, str]) -> list[str]:
        return key[0].split()

    target: dict[tuple[str, str], tuple[str, str]] = {}
    keys = sorted(counts, key=lambda k: -len(words(k)))
    for key in keys:
        w = words(key)
        longer = [
            other
            for other in keys
            if len(words(other)) > len(w)
            and other[1] == "person"
            and (key[1] == "person" or (len(w) == 1 and key[1] == "organization"))
            and (words(other)[-len(w) :] == w or (key[1] == "person" and words(other)[: len(w)] == w))
        ]
        # Follow the chain to the fullest form; merge only when it is unambiguous.
        roots = {_root(target, o) for o in longer}
        if len(roots) == 1:
            target[key] = roots.pop()

    merged: dict[tuple[str, str], int] = {}
    for key, n in counts.items():
        root = _root(target, key)
        merged[root] = merged.get(root, 0) + n
    ranked = sorted(merged, key=lambda k: (-merged[k], order[k]))
    return [Entity(display[k], k[1], merged[k]) for k in ranked]


def _root(target: dict[tuple[str, str], tuple[str, str]], key: tuple[str, str]) -> tuple[str, str]:
    seen = set()
    while key in target and key not in seen:
        seen.add(key)
        key = target[key]
    return key
