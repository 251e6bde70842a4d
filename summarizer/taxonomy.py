"""The IPTC Media Topics taxonomy shipped in ``summarizer/data`` (CC BY 4.0, IPTC).

Loading only: reading the JSONL, parents, paths. Scoring articles against it lives in
``summarizer.stages.topics``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

DATA_FILE = "iptc-mediatopic-en.jsonl"


@dataclass(frozen=True)
class Concept:
    qcode: str
    label: str
    definition: str
    parent: str | None
    level: int


class Taxonomy:
    """All concepts, with parent links; built once per process by :func:`load_taxonomy`."""

    def __init__(self, concepts: list[Concept], digest: str) -> None:
        self.concepts = concepts
        self.digest = digest
        self.by_qcode = {c.qcode: c for c in concepts}
        self.children: dict[str | None, list[str]] = {}
        for c in concepts:
            self.children.setdefault(c.parent, []).append(c.qcode)

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, qcode: object) -> bool:
        return qcode in self.by_qcode

    def ancestors(self, qcode: str) -> list[str]:
        """qcodes from the top-level concept down to ``qcode`` (inclusive)."""
        chain: list[str] = []
        current: str | None = qcode
        while current is not None:
            chain.append(current)
            current = self.by_qcode[current].parent
        return chain[::-1]

    def path(self, qcode: str) -> tuple[str, ...]:
        return tuple(self.by_qcode[q].label for q in self.ancestors(qcode))

    def top_level(self, qcode: str) -> str:
        return self.ancestors(qcode)[0]

    @property
    def roots(self) -> list[str]:
        return self.children.get(None, [])


@cache
def load_taxonomy() -> Taxonomy:
    raw = resources.files("summarizer.data").joinpath(DATA_FILE).read_bytes()
    concepts = []
    for line in raw.decode("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            concepts.append(
                Concept(
                    qcode=row["qcode"],
                    label=row["label"],
                    definition=row.get("definition") or "",
                    parent=row.get("parent"),
                    level=int(row["level"]),
                )
            )
    return Taxonomy(concepts, hashlib.sha256(raw).hexdigest()[:16])
