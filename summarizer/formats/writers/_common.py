"""Small helpers shared by the human-readable writers (text, markdown)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...records import Entity, Topic

_ENTITY_GROUPS = {"person": "People", "organization": "Organizations", "place": "Places"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str | None) -> str:
    """``text`` on one line, without control characters (they could restyle a terminal)."""
    return " ".join(_CONTROL.sub("", text or "").split())


def topic_label(topic: Topic) -> str:
    """``diplomacy (politics > international relations > diplomacy) 0.52``."""
    path = " > ".join(one_line(p) for p in topic.path)
    return f"{one_line(topic.label)}{f' ({path})' if path else ''} {topic.score:.2f}"


def entity_groups(entities: Iterable[Entity]) -> list[tuple[str, str]]:
    """(group heading, "Name (count), ...") per entity type: people, organizations, places first."""
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        groups.setdefault(entity.type, []).append(entity)
    order = [t for t in _ENTITY_GROUPS if t in groups] + sorted(t for t in groups if t not in _ENTITY_GROUPS)
    return [
        (
            _ENTITY_GROUPS.get(kind, kind.capitalize() or "Other"),
            ", ".join(f"{one_line(e.text)} ({e.count})" for e in groups[kind]),
        )
        for kind in order
    ]
