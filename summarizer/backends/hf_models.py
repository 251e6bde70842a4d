"""Loading Hugging Face generative models safely, and the batch generation both backends share.

* A model is a hub id, a local folder, or a ``.gguf`` file.
* Weights load from safetensors or GGUF. Pickle weights (``.bin``, ``.pt``, ``.pth``, ``.ckpt``),
  which can run code when loaded, only with ``allow_pickle``: a local folder's files are checked
  before anything is loaded, and hub models are loaded with ``use_safetensors=True``.
* ``trust_remote_code`` is always False: a model's own Python code never runs.
* With ``HF_HUB_OFFLINE=1`` (and always for local paths) only local files are read.
* Weights are loaded once per process and shared.

torch and transformers are imported inside functions only.
"""

from __future__ import annotations

import copy
import importlib.util
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError, NotInstalledError
from ..fingerprint import PICKLE_SUFFIXES, TRAINING_STATE_FILES, model_fingerprint
from ..settings import gen_batch_size_for
from .base import hub_offline
from .generative import GeneratedSummary, GenerationOptions, Generator

log = logging.getLogger(__name__)

ALLOW_PICKLE_HINT = "--allow-pickle (allow_pickle=True in Python)"
#: Margin, in tokens, kept free in every call for tokens that merge or split where texts are joined.
TOKEN_MARGIN = 4


@dataclass(frozen=True)
class ModelSource:
    """Where a model's files are, as checked before loading."""

    name: str
    """As the user gave it."""
    location: str
    """A folder, or a hub id."""
    local: bool
    gguf_file: str | None = None
    use_safetensors: bool | None = None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for every from_pretrained call."""
        out: dict[str, Any] = {"local_files_only": self.local or hub_offline(), "trust_remote_code": False}
        if self.gguf_file:
            out["gguf_file"] = self.gguf_file
        return out


def source_fingerprint(source: ModelSource) -> str:
    """What the model is (:func:`summarizer.fingerprint.model_fingerprint`): its files' content, or its hub commit."""
    return model_fingerprint(Path(source.location) / source.gguf_file if source.gguf_file else source.location)


def _looks_like_path(name: str) -> bool:
    return (name.startswith((".", "/", "~", "\\")) or name.endswith(".gguf") or name.count("/") > 1
            or bool(re.match(r"^[A-Za-z]:[\\/]", name)))


def resolve_source(name: str, *, allow_pickle: bool = False) -> ModelSource:
    """Check a model name before loading: which files, which format, and whether they are allowed."""
    path = Path(name).expanduser()
    if path.is_file():
        if path.suffix.lower() == ".gguf":
            _need_gguf()
            return ModelSource(name, str(path.parent.resolve()), True, gguf_file=path.name)
        if path.suffix.lower() in PICKLE_SUFFIXES:
            raise ModelError(f"'{name}' is a single pickle weights file; give the model's folder (with its "
                             "config.json and tokenizer), a .gguf file or a hub id")
        raise ModelError(f"'{name}' is a file but not a .gguf model; give a model folder, a .gguf file or a hub id")
    if path.is_dir():
        return _check_folder(name, path, allow_pickle)
    if _looks_like_path(name):
        raise ModelError(f"the model '{name}' does not exist: give an existing model folder, a .gguf file "
                         "or a Hugging Face hub id such as facebook/bart-large-cnn")
    return ModelSource(name, name, False, use_safetensors=None if allow_pickle else True)


def _check_folder(name: str, path: Path, allow_pickle: bool) -> ModelSource:
    files = [p for p in path.iterdir() if p.is_file()]
    safetensors = [p for p in files if p.suffix == ".safetensors"]
    ggufs = sorted(p for p in files if p.suffix.lower() == ".gguf")
    pickles = sorted(p.name for p in files if p.suffix.lower() in PICKLE_SUFFIXES and p.name not in TRAINING_STATE_FILES)
    if safetensors:
        # from_pretrained with use_safetensors=True reads only these, whatever else is in the folder.
        return ModelSource(name, str(path.resolve()), True, use_safetensors=True)
    if pickles:
        if not allow_pickle:
            shown = ", ".join(pickles[:3]) + (", ..." if len(pickles) > 3 else "")
            raise ModelError(f"the model folder '{name}' has only pickle weights ({shown}), which can run code "
                             f"when loaded; convert them to safetensors, or pass {ALLOW_PICKLE_HINT} if you "
                             "trust where they come from")
        return ModelSource(name, str(path.resolve()), True, use_safetensors=False)
    if len(ggufs) == 1 and not (path / "config.json").exists():
        _need_gguf()
        return ModelSource(name, str(path.resolve()), True, gguf_file=ggufs[0].name)
    if ggufs:
        raise ModelError(f"the folder '{name}' has several .gguf files; give the one to use "
                         f"(e.g. {path / ggufs[0].name})")
    raise ModelError(f"the folder '{name}' has no model weights (.safetensors or .gguf files)")


def _need_gguf() -> None:
    for package in ("gguf", "accelerate"):
        if importlib.util.find_spec(package) is None:
            raise NotInstalledError(package, "Loading .gguf models", extra="abstractive")


def _transformers() -> Any:
    try:
        import transformers
    except ImportError as exc:  # pragma: no cover - a dependency
        raise NotInstalledError("transformers", "Abstractive summaries") from exc
    return transformers


def translate_error(source: ModelSource, exc: BaseException) -> ModelError:
    """One clear sentence for a model that cannot be loaded."""
    message = " ".join(str(exc).split())
    name = source.name
    if isinstance(exc, ModelError):
        return exc
    if not source.local:
        if "couldn't connect" in message.lower() or "offline" in message.lower() or "connection" in message.lower():
            why = "HF_HUB_OFFLINE=1 is set" if hub_offline() else "the hub cannot be reached"
            return ModelError(
                f"the model '{name}' is not in the local Hugging Face cache and {why}: download it once with "
                f"network access (hf download {name}), or give the path of a local model folder or .gguf file")
        if "not a valid model identifier" in message or "404" in message or "repository not found" in message.lower():
            return ModelError(f"the model '{name}' is neither a local path nor a model on the Hugging Face hub: "
                              "check the name, or give the path of a local model folder or .gguf file")
        if source.use_safetensors and "safetensors" in message.lower():
            return ModelError(f"the model '{name}' has no safetensors weights on the hub, only pickle weights, "
                              f"which can run code when loaded; pass {ALLOW_PICKLE_HINT} if you trust its source")
    if isinstance(exc, ImportError):
        return ModelError(f"could not load the model '{name}': {message}")
    return ModelError(f"could not load the model '{name}' ({message.rstrip('.')})")


_CONFIGS: dict[ModelSource, Any] = {}


def load_config(source: ModelSource) -> Any:
    """The model's configuration (read once per process: a .gguf file takes seconds to parse)."""
    if source in _CONFIGS:
        return _CONFIGS[source]
    transformers = _transformers()
    try:
        config = transformers.AutoConfig.from_pretrained(source.location, **source.kwargs())
    except Exception as exc:  # transformers raises OSError, ValueError, KeyError, ...
        raise translate_error(source, exc) from exc
    _CONFIGS[source] = config
    return config


def pick_kind(config: Any, name: str) -> str:
    """'seq2seq' for encoder-decoder summarisers (BART, PEGASUS, T5), 'causal' for language models."""
    from transformers.models.auto import modeling_auto

    model_type = getattr(config, "model_type", "")
    if getattr(config, "is_encoder_decoder", False) or model_type in modeling_auto.MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
        return "seq2seq"
    if model_type in modeling_auto.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        return "causal"
    raise ModelError(f"the model '{name}' (type '{model_type or '?'}') is neither an encoder-decoder summariser "
                     "(BART, PEGASUS, T5, ...) nor a causal language model, so it cannot write summaries")


def pick_device(device: str) -> str:
    import torch

    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelError(f"--device {device} was asked for, but PyTorch sees no CUDA GPU here; use --device cpu or auto")
    if device == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise ModelError("--device mps was asked for, but PyTorch has no MPS support here; use --device cpu or auto")
    return device


def pick_dtype(dtype: str, device: str) -> Any:
    import torch

    if dtype == "auto":
        if device.startswith("cuda"):
            return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return torch.float16 if device == "mps" else torch.float32
    return getattr(torch, dtype)


_WEIGHTS: dict[tuple[Any, ...], tuple[Any, Any]] = {}


def load_weights(source: ModelSource, auto_class: str, device: str, dtype: Any) -> tuple[Any, Any]:
    """(model, tokenizer), loaded once per process for each source, class, device and dtype."""
    key = (source, auto_class, device, str(dtype))
    if key in _WEIGHTS:
        return _WEIGHTS[key]
    transformers = _transformers()
    kwargs = source.kwargs()
    dtype_arg = "dtype" if _version(transformers.__version__) >= (4, 56) else "torch_dtype"
    model_kwargs = dict(kwargs, **{dtype_arg: dtype})
    if source.use_safetensors is not None and not source.gguf_file:
        model_kwargs["use_safetensors"] = source.use_safetensors
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(source.location, **kwargs)
        model = getattr(transformers, auto_class).from_pretrained(source.location, **model_kwargs)
        model.to(device)
        model.eval()
    except Exception as exc:
        raise translate_error(source, exc) from exc
    log.info("loaded %s from %s on %s (%s)", type(model).__name__, source.name, device, dtype)
    _WEIGHTS[key] = (model, tokenizer)
    return model, tokenizer


def _version(text: str) -> tuple[int, int]:
    parts = re.findall(r"\d+", text)[:2]
    return (int(parts[0]), int(parts[1])) if len(parts) == 2 else (0, 0)


def context_size(config: Any, tokenizer: Any) -> int | None:
    """The longest input the model takes, from its config and tokenizer (None when neither says)."""
    sizes = []
    for attr in ("max_position_embeddings", "n_positions", "max_sequence_length", "seq_length", "n_ctx"):
        value = getattr(config, attr, None)
        if isinstance(value, int) and value > 0:
            sizes.append(value)
    limit = getattr(tokenizer, "model_max_length", None)
    if isinstance(limit, int) and 0 < limit < 1_000_000:
        sizes.append(limit)
    return min(sizes) if sizes else None


class HFGenerator(Generator):
    """Shared by the seq2seq and causal backends: loading, token counting, batched greedy generation."""

    auto_class = "AutoModel"
    kind = "hf"
    default_context = 512

    def __init__(self, source: ModelSource, config: Any, options: GenerationOptions) -> None:
        self.source = source
        self.config = config
        self.options = options
        self.device = pick_device(options.device)
        self.model, self.tokenizer = load_weights(source, self.auto_class, self.device,
                                                  pick_dtype(options.dtype, self.device))
        self.batch_size = options.batch_size or gen_batch_size_for(self.device)
        self.max_new_tokens = options.max_new_tokens
        self.context = context_size(config, self.tokenizer) or self.default_context
        self.identity = f"{self.kind}:{source_fingerprint(source)}"
        self._setup()
        self.input_limit = self._input_limit()
        overhead = self._prompt_tokens()
        self.article_budget = self.input_limit - overhead - TOKEN_MARGIN
        if self.article_budget < 16:
            raise ModelError(
                f"the model '{source.name}' reads at most {self.input_limit} tokens per call and its prompt takes "
                f"{overhead}: no room is left for an article (lower --max-new-tokens or raise --max-input-tokens)")

    # -- what the backends provide ---------------------------------------------------------
    def _setup(self) -> None:
        """Adjust the tokenizer, set ``instructions``."""

    def _input_limit(self) -> int:
        """Tokens the model may read in one call, prompt included."""
        limit = self.context
        if self.options.max_input_tokens:
            limit = min(limit, self.options.max_input_tokens)
        return limit

    def _inputs(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of the model input for each text (prompt and special tokens included)."""
        raise NotImplementedError

    def _prompt_tokens(self) -> int:
        return len(self._inputs([""])[0])

    def _new_tokens(self, output: Any, input_len: int) -> Any:
        """The generated part of one output row."""
        return output

    def _clean(self, text: str) -> str:
        return " ".join(text.split())

    # -- shared ------------------------------------------------------------------------------
    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        if not texts:
            return []
        ids = self.tokenizer(list(texts), add_special_tokens=False)["input_ids"]
        return [len(x) for x in ids]

    def _generation_config(self, max_new_tokens: int) -> Any:
        gen = copy.deepcopy(self.model.generation_config)
        gen.do_sample = False
        gen.num_beams = 1
        for attr in ("temperature", "top_p", "top_k", "typical_p", "min_p", "length_penalty", "early_stopping",
                     "num_beam_groups", "diversity_penalty", "max_length"):
            if hasattr(gen, attr):
                setattr(gen, attr, None)
        gen.max_new_tokens = max_new_tokens
        if getattr(gen, "pad_token_id", None) is None:
            gen.pad_token_id = self.tokenizer.pad_token_id
        return gen

    def _eos_ids(self) -> set[int]:
        eos = self.model.generation_config.eos_token_id
        if eos is None:
            eos = self.tokenizer.eos_token_id
        return set(eos if isinstance(eos, list) else [eos] if eos is not None else [])

    def summarize_batch(self, texts: Sequence[str], *, max_new_tokens: int | None = None) -> list[GeneratedSummary]:
        import torch

        new = min(max_new_tokens or self.max_new_tokens, self.max_new_tokens)
        inputs = self._inputs(texts)
        for ids in inputs:
            if len(ids) > self.input_limit:  # never cut an input: the caller must plan within article_budget
                raise ModelError(f"an input of {len(ids)} tokens is longer than the {self.input_limit} tokens "
                                 f"{self.source.name} reads in one call")
        pad = self.tokenizer.pad_token_id
        eos = self._eos_ids()
        gen = self._generation_config(new)
        results: list[GeneratedSummary | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: -len(inputs[i]))  # similar lengths together: less padding
        for start in range(0, len(order), self.batch_size):
            group = order[start : start + self.batch_size]
            width = max(len(inputs[i]) for i in group)
            left = getattr(self.tokenizer, "padding_side", "right") == "left"
            rows, masks = [], []
            for i in group:
                ids = inputs[i]
                fill = [pad] * (width - len(ids))
                rows.append(fill + ids if left else ids + fill)
                masks.append([0] * len(fill) + [1] * len(ids) if left else [1] * len(ids) + [0] * len(fill))
            input_ids = torch.tensor(rows, dtype=torch.long, device=self.device)
            attention = torch.tensor(masks, dtype=torch.long, device=self.device)
            with torch.inference_mode():
                output = self.model.generate(input_ids=input_ids, attention_mask=attention, generation_config=gen)
            for row, i in zip(output.tolist(), group):
                produced = self._new_tokens(row, width)
                finished = any(t in eos for t in produced)
                if finished:
                    produced = produced[: next(k for k, t in enumerate(produced) if t in eos)]
                produced = [t for t in produced if t != pad]
                text = self.tokenizer.decode(produced, skip_special_tokens=True)
                results[i] = GeneratedSummary(self._clean(text), len(inputs[i]), len(produced),
                                              hit_limit=not finished and len(produced) >= new)
        return [r for r in results if r is not None]
