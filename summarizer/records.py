"""Immutable records passed between stages, and the output contract (``Result.to_dict``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One article as read from an input, before cleaning."""

    id: str
    text: str
    source: str = "<text>"
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be turned into an article; becomes an error record."""

    id: str
    source: str
    error: str


@dataclass(frozen=True)
class Topic:
    qcode: str
    label: str
    path: tuple[str, ...]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"qcode": self.qcode, "label": self.label, "path": list(self.path), "score": round(self.score, 4)}


@dataclass(frozen=True)
class Keyword:
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Entity:
    text: str
    type: str  # person | organization | place
    count: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Result:
    """The record written for one article: see ``summarizer/data/record.schema.json``."""

    id: str
    source: str
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    summary_sentences: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    entities: tuple[Entity, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def summary(self) -> str:
        return " ".join(self.summary_sentences)

    @classmethod
    def failure(cls, id: str, source: str, error: str) -> Result:
        return cls(id=id, source=source, error=error)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        """The Result whose ``to_dict()`` is ``data`` (keys it does not know go into ``extra``)."""
        known = {"id", "source", "title", "date", "byline", "summary", "summary_sentences", "topics", "keywords",
                 "entities", "warnings", "error"}
        return cls(
            id=data["id"],
            source=data["source"],
            title=data.get("title"),
            date=data.get("date"),
            byline=data.get("byline"),
            summary_sentences=tuple(data.get("summary_sentences") or ()),
            topics=tuple(Topic(t["qcode"], t["label"], tuple(t["path"]), t["score"]) for t in data.get("topics") or ()),
            keywords=tuple(Keyword(k["text"], k["score"]) for k in data.get("keywords") or ()),
            entities=tuple(Entity(e["text"], e["type"], e["count"]) for e in data.get("entities") or ()),
            warnings=tuple(data.get("warnings") or ()),
            error=data.get("error"),
            extra={k: v for k, v in data.items() if k not in known},
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "date": self.date,
            "byline": self.byline,
            "summary": self.summary if self.ok else None,
            "summary_sentences": list(self.summary_sentences),
            "topics": [t.to_dict() for t in self.topics],
            "keywords": [k.to_dict() for k in self.keywords],
            "entities": [e.to_dict() for e in self.entities],
            "warnings": list(self.warnings),
            "error": self.error,
        }
        data.update(self.extra)
        return data
