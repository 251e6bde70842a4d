"""Fake backends for fast unit tests: deterministic, no models."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from summarizer.backends.base import Analysis, Analyzer, Embedder, Span


class HashEmbedder(Embedder):
    """Bag-of-words vectors from hashed words: similar words -> similar vectors. Deterministic, fast."""

    identity = "hash-embedder-v1"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls: list[int] = []

    def _word(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "little")
        return np.random.default_rng(seed).standard_normal(self.dim)

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in re.findall(r"\w+", text.lower()):
                out[i] += self._word(w)
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else self._word("<empty>") / np.linalg.norm(self._word("<empty>"))
        return out

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
                         ) -> tuple[np.ndarray, list[list[np.ndarray | None]] | None]:
        """One call, as a model's single pass; a span's vector is its own words' (no context), and None
        past the first 200 characters of a text, as if the model had cut the text there."""
        vectors = self.embed_batch(texts)
        pooled: list[list[np.ndarray | None]] = []
        for text, text_spans in zip(texts, spans, strict=True):
            pooled.append([self._bag(text[a:b]) if a < 200 else None for a, b in text_spans])
        return vectors, pooled

    def _bag(self, text: str) -> np.ndarray:
        return sum((self._word(w) for w in re.findall(r"\w+", text.lower())), np.zeros(self.dim))


class RegexAnalyzer(Analyzer):
    """Sentences split on .!? + space; capitalised word runs are PERSON (2+ words) or GPE; long words are phrases."""

    identity = "regex-analyzer-v1"

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        out = []
        for text in texts:
            sents = [Span(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
                     for m in re.finditer(r"[^\n.!?]+[.!?]*", text) if m.group().strip()]
            ents = []
            for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*", text):
                label = "PERSON" if " " in m.group() else "GPE"
                ents.append(Span(m.group(), m.start(), label))
            phrases = [Span(m.group(), m.start()) for m in re.finditer(r"\b[a-zA-Z]{7,}\b", text)]
            out.append(Analysis(tuple(sents), tuple(ents), tuple(phrases)))
        return out
