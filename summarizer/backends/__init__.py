"""Model backends, chosen by name through a registry of lazy ``module:Class`` paths."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .base import Analyzer, Embedder

#: Embedder kinds. A --embedder value is a model name or path; "auto" runs it on ONNX Runtime when it is a
#: local sentence-transformers BERT folder with mean pooling (the default model is), else on sentence-transformers.
EMBEDDERS = {"onnx": "summarizer.backends.onnx_embedder:OnnxEmbedder",
             "sentence-transformers": "summarizer.backends.sbert:SentenceTransformerEmbedder"}
ANALYZERS = {"spacy": "summarizer.backends.spacy_nlp:SpacyAnalyzer"}


def _load(registry: dict[str, str], kind: str, what: str) -> Any:
    try:
        module, cls = registry[kind].split(":")
    except KeyError:
        raise UsageError(f"unknown {what} '{kind}'; choose one of: {', '.join(sorted(registry))}") from None
    return getattr(importlib.import_module(module), cls)


def load_embedder(model: str | Embedder, kind: str = "auto", *, cache_dir: Path | None = None,
                  precision: str = "int8", device: str = "cpu") -> Embedder:
    """An Embedder object as is, or a model name/path loaded with the ``kind`` backend.

    ``cache_dir`` holds the ONNX graphs exported from the weights (None: a temporary folder, so the
    graph is built anew in each process); ``precision`` is the ONNX graph's ("int8" or "fp32"; a model
    run by sentence-transformers is float32). ``device``: "cpu", or a GPU ("cuda", "cuda:N", "mps"), on
    which sentence-transformers runs the model, since the ONNX path is the CPU's.
    """
    if isinstance(model, Embedder):
        return model
    if device != "cpu":
        if kind == "onnx":
            raise UsageError(f"the ONNX embedder runs on the CPU only, not on '{device}'; leave out the device or "
                             "let sentence-transformers run the model")
        return _load(EMBEDDERS, "sentence-transformers", "embedder kind")(model, device=device)
    if kind == "auto":
        from .onnx_embedder import supported
        from .sbert import resolve_model

        kind = "onnx" if supported(Path(resolve_model(model))) else "sentence-transformers"
    if kind == "onnx":
        return _load(EMBEDDERS, kind, "embedder kind")(model, cache_dir=cache_dir, precision=precision)
    return _load(EMBEDDERS, kind, "embedder kind")(model)


def load_analyzer(kind: str = "spacy", model: str | None = None) -> Analyzer:
    return _load(ANALYZERS, kind, "analyzer kind")(model)


__all__ = ["Analyzer", "Embedder", "load_analyzer", "load_embedder", "EMBEDDERS", "ANALYZERS"]
