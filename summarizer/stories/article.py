"""What the story level needs of one article, taken from the per-article pass (no second model pass).

A :class:`StoryArticle` is made by the pipeline beside an article's record; with ``--story-fields`` the
record carries it too (:class:`~summarizer.records.StoryFields`: vectors as base64 float16), so that
:func:`from_record` can rebuild it later without any model.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..records import DateMention, Entity, Result, StoryFields, Topic


@dataclass(frozen=True, eq=False)
class StoryArticle:
    """One analysed article as the story level sees it.

    ``sentence_vectors`` and ``vector`` are the rows the pipeline's one embedding pass made for the
    article's sentences and its article vector (unit length); ``date_mentions`` are the dates the
    language analyser found, each with the index of the sentence it stands in.
    """

    id: str
    source: str
    text: str
    sentences: tuple[str, ...]
    sentence_vectors: np.ndarray
    vector: np.ndarray
    title: str | None = None
    date: str | None = None
    url: str | None = None
    entities: tuple[Entity, ...] = ()
    topics: tuple[Topic, ...] = ()
    date_mentions: tuple[tuple[int, str], ...] = ()


def pack_vectors(vectors: np.ndarray) -> str:
    """Vectors as base64 of little-endian float16 (half the bytes of float32; cosines within 1e-3)."""
    return base64.b64encode(np.asarray(vectors, dtype="<f2").tobytes()).decode("ascii")


def unpack_vectors(text: str | bytes, dim: int) -> np.ndarray:
    """The float32 rows of :func:`pack_vectors`'s text (or of its raw bytes), each scaled back to unit length."""
    raw = base64.b64decode(text, validate=True) if isinstance(text, str) else text
    if dim < 1 or len(raw) % (2 * dim):
        raise ValueError(f"{len(raw)} bytes are not a whole number of float16 vectors of length {dim}")
    rows = np.frombuffer(raw, dtype="<f2").astype(np.float32).reshape(-1, dim)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def story_fields(article: StoryArticle, embedder: str) -> StoryFields:
    """The record's ``story`` object of an article (``embedder``: the model identity of its vectors)."""
    return StoryFields(embedder=embedder, dim=int(article.vector.shape[-1]), vector=pack_vectors(article.vector),
                       text=article.text, sentences=article.sentences,
                       sentence_vectors=pack_vectors(article.sentence_vectors),
                       date_mentions=tuple(DateMention(i, t) for i, t in article.date_mentions), url=article.url)


def from_record(record: Result, embedder: str | None = None) -> StoryArticle:
    """The StoryArticle of a record written with ``--story-fields``.

    InputError (whose message says what is wrong with the record) for an error record, a record
    without the story fields, one whose vectors another embedder made than ``embedder`` (when
    given), or one whose vectors do not decode.
    """
    if record.error is not None:
        raise InputError(f"the record is an error record ({record.error})")
    fields = record.story
    if fields is None:
        raise InputError("the record has no story fields; write the records with "
                         "'summarizer run --format jsonl --story-fields'")
    if embedder is not None and fields.embedder != embedder:
        raise InputError(f"the record's vectors were made by the embedder {fields.embedder!r}, not {embedder!r} "
                         "like the others; vectors of two models cannot be compared")
    try:
        vector = unpack_vectors(fields.vector, fields.dim)
        sentence_vectors = unpack_vectors(fields.sentence_vectors, fields.dim)
    except ValueError as exc:  # binascii.Error is a ValueError
        raise InputError(f"the record's story vectors cannot be read ({exc})") from exc
    if len(vector) != 1 or len(sentence_vectors) != len(fields.sentences):
        raise InputError(f"the record's story fields do not agree: {len(vector)} article vector(s), "
                         f"{len(sentence_vectors)} sentence vector(s) for {len(fields.sentences)} sentence(s)")
    return StoryArticle(id=record.id, source=record.source, text=fields.text, sentences=fields.sentences,
                        sentence_vectors=sentence_vectors, vector=vector[0], title=record.title, date=record.date,
                        url=fields.url, entities=record.entities, topics=record.topics,
                        date_mentions=tuple((m.sentence, m.text) for m in fields.date_mentions))
