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


class RegexAnalyzer(Analyzer):
    """Sentences split on .!? + space; capitalised word runs are PERSON (2+ words) or GPE; long words are phrases."""

    identity = "regex-analyzer-v1"

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        out = []
        for text in texts:
            sents = [Span(m.group().strip(), m.start()) for m in re.finditer(r"[^\n.!?]+[.!?]*", text) if m.group().strip()]
            ents = []
            for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*", text):
                label = "PERSON" if " " in m.group() else "GPE"
                ents.append(Span(m.group(), m.start(), label))
            phrases = [Span(m.group(), m.start()) for m in re.finditer(r"\b[a-zA-Z]{7,}\b", text)]
            out.append(Analysis(tuple(sents), tuple(ents), tuple(phrases)))
        return out
