"""Generative summarisers: one small interface, a registry of lazy ``module:Class`` paths, a loader.

A :class:`Generator` turns article texts into summaries with one batch method,
:meth:`Generator.summarize_batch`. It also says how much text fits in one call
(``article_budget``, in its own tokens, prompt and special tokens excluded) and counts tokens
(:meth:`Generator.count_tokens`), so that the pipeline can decide, before generating, whether an
article is read whole, by selected sentences or in chunks: nothing is ever cut off silently.

:func:`load_generator` picks the backend from the model's configuration (an encoder-decoder
summariser or a causal language model) and loads each model once per process.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..settings import Settings

#: Generator kinds, chosen from the model's config unless given.
GENERATORS = {
    "seq2seq": "summarizer.backends.hf_seq2seq:Seq2SeqGenerator",
    "causal": "summarizer.backends.hf_causal:CausalGenerator",
}


@dataclass(frozen=True)
class GeneratedSummary:
    """What a generator wrote for one text."""

    text: str
    input_tokens: int
    """Tokens the model read, prompt and special tokens included."""
    new_tokens: int = 0
    hit_limit: bool = False
    """The model stopped at max_new_tokens, not at its end-of-text token (the text may be cut short)."""


@dataclass(frozen=True)
class GenerationOptions:
    """How a generator is loaded and run (the generation part of Settings)."""

    device: str = "auto"
    dtype: str = "auto"
    batch_size: int | None = None
    """Texts generated together; None: by the device (:func:`summarizer.settings.gen_batch_size_for`)."""
    max_new_tokens: int = 160
    max_input_tokens: int | None = None
    sentences: int = 3
    allow_pickle: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> GenerationOptions:
        return cls(device=settings.device, dtype=settings.dtype, batch_size=settings.gen_batch_size,
                   max_new_tokens=settings.max_new_tokens, max_input_tokens=settings.max_input_tokens,
                   sentences=settings.sentences, allow_pickle=settings.allow_pickle)


class Generator(ABC):
    """Writes a summary of each text. Deterministic (greedy decoding) unless a backend says otherwise."""

    #: A string naming the model and backend (for logs).
    identity: str = "generator"
    #: Tokens of article text that fit in one call (prompt, special tokens and the summary excluded).
    article_budget: int = 512
    #: The longest summary, in tokens.
    max_new_tokens: int = 160
    #: The instruction texts given to the model (a summary that repeats them is an echo of the prompt).
    instructions: tuple[str, ...] = ()

    @abstractmethod
    def summarize_batch(self, texts: Sequence[str], *, max_new_tokens: int | None = None) -> list[GeneratedSummary]:
        """One summary per text, in order. ``max_new_tokens`` caps this call's summaries."""

    def summarize(self, text: str, *, max_new_tokens: int | None = None) -> GeneratedSummary:
        return self.summarize_batch([text], max_new_tokens=max_new_tokens)[0]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Tokens of each text on its own (no prompt, no special tokens). Default: an estimate from words."""
        return [math.ceil(len(t.split()) * 1.4) for t in texts]


_LOADED: dict[tuple[Any, ...], Generator] = {}


def load_generator(model: str | Generator, options: GenerationOptions | None = None,
                   kind: str | None = None) -> Generator:
    """A Generator object as is, or a model (hub id, folder, .gguf file) loaded once per process.

    ``kind`` ("seq2seq" or "causal") forces a backend; by default the model's config decides.
    """
    if isinstance(model, Generator):
        return model
    options = options or GenerationOptions()
    key = (model, kind, options)
    if key in _LOADED:
        return _LOADED[key]
    from . import _load
    from .hf_models import load_config, pick_kind, resolve_source

    if kind is not None and kind not in GENERATORS:
        raise UsageError(f"unknown generator kind '{kind}'; choose one of: {', '.join(sorted(GENERATORS))}")
    source = resolve_source(model, allow_pickle=options.allow_pickle)
    config = load_config(source)
    kind = kind or pick_kind(config, model)
    generator: Generator = _load(GENERATORS, kind, "generator kind")(source, config, options)
    _LOADED[key] = generator
    return generator


__all__ = ["GENERATORS", "GeneratedSummary", "GenerationOptions", "Generator", "load_generator"]
