"""Immutable records passed between stages, and the output record: one typed model.

:class:`Result` (with :class:`Topic`, :class:`Keyword` and :class:`Entity`) *is* the record a
run writes. Its fields, in order, with their types and the JSON Schema words in their metadata,
are the one definition of the record: :func:`record_fields` lists them (with the computed
``summary``), :meth:`Result.to_dict` and :meth:`Result.from_dict` follow them, and
:mod:`summarizer.schema` derives the JSON Schema (``summarizer/data/record.schema.json``), the
Arrow schema of the Ray engine and the CSV columns from them. A new field is added here, once.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, NamedTuple

SummaryMethod = Literal["extractive", "abstractive", "abstractive-select", "abstractive-mapreduce",
                        "extractive-fallback"]
"""How a summary was made (``summary_method``, only in records of runs with a generative model)."""

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "place")
"""The values of ``Entity.type``."""


def about(description: str = "", *, csv: Any = None, with_model: bool = False, with_story: bool = False,
          digits: int | None = None, **schema: Any) -> dict[str, Any]:
    """Field metadata of a record field.

    ``description`` and ``schema`` (JSON Schema words such as ``minimum`` or ``pattern``) go into
    the JSON Schema. ``csv``: how the CSV writer shows the field (see
    :mod:`summarizer.formats.writers.csv`); ``False`` leaves it out. ``with_model``: the field is
    written only in records of runs with a generative model; ``with_story``: only in records of runs with
    ``--story-fields``. ``digits``: floats are rounded to
    that many decimals in the record.
    """
    meta: dict[str, Any] = {"schema": {"description": description, **schema} if description else schema}
    if csv is not None:
        meta["csv"] = csv
    if with_model:
        meta["with_model"] = True
    if with_story:
        meta["with_story"] = True
    if digits is not None:
        meta["digits"] = digits
    return meta


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
    qcode: str = field(metadata=about("IPTC Media Topic qcode.", pattern="^medtop:[0-9]{8}$"))
    label: str
    path: tuple[str, ...] = field(metadata=about("Labels from the top-level concept down to this one."))
    score: float = field(metadata=about(digits=4))

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True)
class Keyword:
    text: str
    score: float = field(metadata=about(minimum=0, maximum=1, digits=4))

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True)
class Entity:
    text: str = field(metadata=about("The fullest form of the name found in the article."))
    type: str = field(metadata=about(enum=list(ENTITY_TYPES)))
    count: int = field(metadata=about(minimum=1))

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True)
class DateMention:
    sentence: int = field(metadata=about("Index of the sentence (in `sentences`) the date stands in.", minimum=0))
    text: str = field(metadata=about("The words that give the date, as written (\"On October 3\", \"last year\")."))


@dataclass(frozen=True)
class StoryFields:
    """What the story level (``summarizer digest``) needs of an article beyond the record's other fields, so
    that a digest can be made from records without a second model pass (``run --story-fields``)."""

    embedder: str = field(metadata=about(
        "The identity of the embedding model that made the vectors; a digest mixes only vectors of one model."))
    dim: int = field(metadata=about("Length of each vector.", minimum=1))
    vector: str = field(metadata=about(
        "The article vector (unit length): `dim` little-endian float16 numbers, base64."))
    text: str = field(metadata=about("The article text as cleaned (what the sentences were split from)."))
    sentences: tuple[str, ...] = field(metadata=about("The sentences of `text`, as split."))
    sentence_vectors: str = field(metadata=about(
        "One vector per sentence, in order: len(sentences) x `dim` little-endian float16 numbers, base64."))
    date_mentions: tuple[DateMention, ...] = field(metadata=about(
        "Dates named in the text, each with its sentence."))
    url: str | None = field(default=None, metadata=about("The article's address, when the input gave one."))


@dataclass(frozen=True)
class Result:
    """The record written for one article (see :func:`record_fields` and ``record.schema.json``)."""

    id: str = field(metadata=about("Stable id: the file stem, or the JSONL `id` (else `<stem>-<line>`)."))
    source: str = field(metadata=about(
        "Where the article came from: a path, `path:LINE` for JSON Lines, or `<stdin>`."))
    title: str | None = None
    date: str | None = field(default=None, metadata=about("ISO 8601 date (YYYY-MM-DD) when one was found."))
    byline: str | None = None
    summary_sentences: tuple[str, ...] = field(default=(), metadata=about(
        "Verbatim sentences of the cleaned article, in article order; with --model, the sentences the model "
        "wrote (unless summary_method is extractive-fallback).", csv=False))
    topics: tuple[Topic, ...] = field(default=(), metadata=about(
        "IPTC Media Topics, the most specific fitting concept first.",
        csv={"topics": "{label}", "topic_qcodes": "{qcode}"}))
    keywords: tuple[Keyword, ...] = field(default=(), metadata=about(csv={"keywords": "{text}"}))
    entities: tuple[Entity, ...] = field(default=(), metadata=about(csv={"entities": "{text} ({type})"}))
    warnings: tuple[str, ...] = ()
    error: str | None = None
    summary_method: SummaryMethod | None = field(default=None, metadata=about(
        "Only in records of runs with a generative model (--model): how the summary was made. `abstractive`: "
        "the model read the whole article; `abstractive-select`: its most salient sentences that fit the "
        "model's context; `abstractive-mapreduce`: chunks, then the chunks' summaries; `extractive-fallback`: "
        "the model's summary was not used (see `warnings`) and the summary is the extractive one. Null in the "
        "error records of --engine ray runs.", with_model=True))
    input_tokens: int | None = field(default=None, metadata=about(
        "Only with --model: tokens of article text the model read (prompt excluded).", minimum=0, with_model=True))
    chunks: int | None = field(default=None, metadata=about(
        "Only with --model: the number of parts the article was read in (1 unless --long mapreduce was needed).",
        minimum=1, with_model=True))
    story: StoryFields | None = field(default=None, metadata=about(
        "Only with --story-fields: what `summarizer digest --from-records` needs to group the article into "
        "stories (its vectors, sentences and date mentions). Null in the error records of --engine ray runs.",
        with_story=True, csv=False))

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
        """The Result whose ``to_dict()`` is ``data``; ValueError for a key that is no record field."""
        unknown = set(data) - {f.name for f in record_fields()}
        if unknown:
            raise ValueError(f"not fields of a record: {', '.join(sorted(unknown))}")
        return from_plain(cls, data)

    def to_dict(self) -> dict[str, Any]:
        """The record: the fields of :func:`record_fields` in order (those of generative runs only when
        ``summary_method`` is set, ``story`` only when set), lists for tuples, floats rounded as the model says."""
        with_model = self.summary_method is not None
        return {f.name: f.value(self) for f in record_fields(with_model, self.story is not None)}


# --- the record's fields, and the conversions that follow them --------------------------------------


class RecordField(NamedTuple):
    """One top-level field of the record, in output order."""

    name: str
    type: Any
    """The Python type (``str | None``, ``tuple[Topic, ...]``, a Literal...)."""
    metadata: typing.Mapping[str, Any]
    value: Callable[[Result], Any]
    """The field's value in the record (JSON-ready: lists, dicts, rounded floats)."""

    @property
    def with_model(self) -> bool:
        """Written only in records of runs with a generative model."""
        return bool(self.metadata.get("with_model"))

    @property
    def with_story(self) -> bool:
        """Written only in records of runs with ``--story-fields``."""
        return bool(self.metadata.get("with_story"))


def _summary(result: Result) -> str | None:
    return result.summary if result.ok else None


#: Record fields computed from others: name -> (the field it is written before, type, metadata, value).
COMPUTED: dict[str, tuple[str, Any, dict[str, Any], Callable[[Result], Any]]] = {
    "summary": ("summary_sentences", str | None,
                about("The summary sentences joined by spaces; null on error."), _summary),
}


@cache
def record_fields(with_model: bool = True, with_story: bool = True) -> tuple[RecordField, ...]:
    """The fields of the record, in output order: the fields of :class:`Result` with the computed
    ``summary`` before ``summary_sentences``; ``with_model=False`` leaves out those written only by
    runs with a generative model, ``with_story=False`` those written only with ``--story-fields``."""
    hints = type_hints(Result)
    before = {place: (name, tp, meta, value) for name, (place, tp, meta, value) in COMPUTED.items()}
    out: list[RecordField] = []
    for f in dataclasses.fields(Result):
        if f.name in before:
            out.append(RecordField(*before[f.name]))
        if (with_model or not f.metadata.get("with_model")) and (with_story or not f.metadata.get("with_story")):
            out.append(RecordField(f.name, hints[f.name], f.metadata, _getter(f)))
    return tuple(out)


def _getter(f: dataclasses.Field[Any]) -> Callable[[Result], Any]:
    return lambda result: _plain(getattr(result, f.name), f.metadata.get("digits"))


@cache
def type_hints(cls: type) -> dict[str, Any]:
    """The resolved types of a dataclass's fields (this module uses postponed annotations)."""
    return typing.get_type_hints(cls)


def optional_inner(tp: Any) -> tuple[Any, bool]:
    """(``X``, True) for ``X | None``; (``tp``, False) for any other type."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(tp)):
            return args[0], True
    return tp, False


def to_plain(obj: Any) -> dict[str, Any]:
    """A record dataclass (Topic, Keyword, Entity) as a JSON-ready dict, field by field."""
    return {f.name: _plain(getattr(obj, f.name), f.metadata.get("digits")) for f in dataclasses.fields(obj)}


def _plain(value: Any, digits: int | None = None) -> Any:
    if isinstance(value, tuple):
        return [_plain(v, digits) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_plain(value)
    if digits is not None and isinstance(value, float):
        return round(value, digits)
    return value


def from_plain(tp: Any, value: Any) -> Any:
    """The value of type ``tp`` that :func:`_plain` turned into ``value`` (missing fields: their defaults)."""
    inner, optional = optional_inner(tp)
    if value is None and optional:
        return None
    if dataclasses.is_dataclass(inner) and isinstance(inner, type):
        hints = type_hints(inner)
        return inner(**{f.name: from_plain(hints[f.name], value[f.name])
                        for f in dataclasses.fields(inner) if f.name in value})
    if typing.get_origin(inner) is tuple:
        (item, *_) = typing.get_args(inner)
        return tuple(from_plain(item, v) for v in value or ())
    return value
