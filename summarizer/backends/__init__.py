"""Model backends, chosen by name through a registry of lazy ``module:Class`` paths."""

from __future__ import annotations

import importlib
from typing import Any

from ..errors import UsageError
from .base import Analyzer, Embedder

#: Embedder kinds. A --embedder value is a model name or path for the sentence-transformers kind.
EMBEDDERS = {"sentence-transformers": "summarizer.backends.sbert:SentenceTransformerEmbedder"}
ANALYZERS = {"spacy": "summarizer.backends.spacy_nlp:SpacyAnalyzer"}


def _load(registry: dict[str, str], kind: str, what: str) -> Any:
    try:
        module, cls = registry[kind].split(":")
    except KeyError:
        raise UsageError(f"unknown {what} '{kind}'; choose one of: {', '.join(sorted(registry))}") from None
    return getattr(importlib.import_module(module), cls)


def load_embedder(model: str | Embedder, kind: str = "sentence-transformers") -> Embedder:
    """An Embedder object as is, or a model name/path loaded with the ``kind`` backend."""
    if isinstance(model, Embedder):
        return model
    return _load(EMBEDDERS, kind, "embedder kind")(model)


def load_analyzer(kind: str = "spacy", model: str | None = None) -> Analyzer:
    return _load(ANALYZERS, kind, "analyzer kind")(model)


__all__ = ["Analyzer", "Embedder", "load_analyzer", "load_embedder", "EMBEDDERS", "ANALYZERS"]
