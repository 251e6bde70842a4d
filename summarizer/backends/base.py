"""One small interface per model role. Backends implement the batch method; helpers build on it."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np


def hub_offline() -> bool:
    """Whether HF_HUB_OFFLINE asks for local files only (as the Hugging Face libraries read it)."""
    return os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0", "false", "False", "no")


class Embedder(ABC):
    """Turns texts into L2-normalised vectors (one row per text)."""

    #: A string that changes whenever the vectors would change (model name/path + revision).
    identity: str = "embedder"

    @property
    def model_identity(self) -> str:
        """The identity of the model whose vectors these are, however it is run.

        The same as :attr:`identity`, except for a runtime that approximates the model's vectors
        (a graph with int8 weights): its vectors differ a little, so caches of vectors use
        :attr:`identity`, while a correction learned on the model's similarities (the topic
        calibration) is looked up by this.
        """
        return self.identity

    @abstractmethod
    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float32 array of shape (len(texts), dim), each row of unit length."""

    def embed(self, text: str) -> np.ndarray:
        return self.embed_batch([text])[0]

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
                         ) -> tuple[np.ndarray, list[list[np.ndarray | None]] | None]:
        """:meth:`embed_batch`, and for each text a vector of each of its ``spans`` (character offsets
        ``(start, end)`` in that text), read from the same pass: the mean of the tokens inside the span,
        in the context of the whole text. None in place of a span's vector when the model did not read
        that part of the text; None in place of the whole list when the model cannot give token vectors
        (the default), and the caller embeds the spans' texts on their own instead.
        """
        return self.embed_batch(texts), None


@dataclass(frozen=True)
class Span:
    text: str
    start: int  # character offset in the analysed text
    label: str = ""


#: Entity labels that name something (a person, a body, a place, a work, a law ...), as opposed to
#: dates, numbers and nationalities (NORP).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
#: Words in lower case inside a person's family name ("Robert de Niro", "Joran van der Sloot", "Ahmed bin Zayed").
NAME_PARTICLES = frozenset("de da di du del della der den van von la le al el bin ibn".split())


@dataclass(frozen=True)
class Analysis:
    """What the language analyser found in one text."""

    sentences: tuple[Span, ...]
    entities: tuple[Span, ...] = ()  # label: PERSON, ORG, GPE, LOC, FAC, ...
    phrases: tuple[Span, ...] = field(default=())  # noun-phrase keyword candidates
    adjectives: tuple[int, ...] = ()  # where the words of the phrases that the tagger reads as adjectives start


class Analyzer(ABC):
    """Splits texts into sentences and finds named entities and noun phrases."""

    identity: str = "analyzer"

    @abstractmethod
    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        """One Analysis per text, in order."""

    def analyze(self, text: str) -> Analysis:
        return self.analyze_batch([text])[0]

    def start_batch(self, texts: Sequence[str]) -> Callable[[], list[Analysis]]:
        """Start analysing ``texts`` and return a function that gives :meth:`analyze_batch`'s result (or
        raises its error). An analyser that can work in the background (:class:`ParallelAnalyzer`) starts
        now, so that the caller can do other work meanwhile; this one does the work when asked."""
        texts = list(texts)
        return lambda: self.analyze_batch(texts)
