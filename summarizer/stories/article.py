"""What the story level needs of one article, taken from the per-article pass (no second model pass)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..records import Entity, Topic


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
