"""The default embedder: a sentence-transformers BERT folder run on ONNX Runtime.

The graph is exported once from the folder's weights by PyTorch's ONNX exporter (through
transformers' own BertModel, so nothing about the network is written here), and cached in the
cache folder under a digest of the model's files: other weights, another graph. Later processes
load the cached graph with ONNX Runtime and the folder's fast tokenizer alone, without importing
torch, transformers or sentence-transformers. A missing or unreadable graph is built again.

The graph returns both the mean-pooled, unit-length sentence vectors and the token vectors they
were pooled from, so keyword spans are read from the same pass (:meth:`OnnxEmbedder.embed_with_spans`).

Only folders whose vectors the graph reproduces are accepted (:func:`supported`): a BertModel
with mean pooling and nothing after the pooling but normalisation. Anything else is loaded by
sentence-transformers (``sbert.py``).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError, NotInstalledError
from ..fingerprint import model_fingerprint
from .base import Embedder
from .sbert import embedder_identity, resolve_model

log = logging.getLogger(__name__)

#: The sentence-transformers modules the graph reproduces, in order.
_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize"]
#: The graph's inputs and outputs (a cached file without them is rebuilt).
_INPUTS = ("input_ids", "attention_mask")
_OUTPUTS = ("sentence", "tokens")
#: Bumped whenever the exported graph would change for the same weights (the wrapper, the opset, the recipes).
GRAPH_VERSION = 2
OPSET = 17


@dataclass(frozen=True)
class Precision:
    """How the exported fp32 graph is turned into the graph that runs, and how texts share its calls."""

    name: str
    quantize: bool = False
    """Dynamic int8 quantisation of the weights of the matrix products (ONNX Runtime's quantize_dynamic)."""
    per_channel: bool = True
    """One scale per output channel of each weight instead of one per matrix: far closer to fp32."""
    keep_last_layer: bool = False
    """Leave the last encoder layer in fp32."""
    ffn_only: bool = False
    """Quantise only the feed-forward matrices (intermediate and output), not attention."""
    per_token: bool = False
    """Each token's activations get a scale of their own (the largest magnitude in its row / 127, zero point
    128) before an int8 product, instead of ONNX Runtime's one scale for the whole input of a call. With one
    scale per call a text's vector depended on the texts (and the padding) beside it; per token it depends on
    the text alone, and it is closer to fp32 (:func:`_per_token_activations`)."""
    calls: str = "padded"
    """How texts share a call of the graph: ``padded`` (sorted by length, padded to the longest in the call),
    ``length`` (only texts of the same number of tokens share a call: no padding, and with ``per_token`` a
    text's vectors are bitwise the same in any call; the calls are shared out over threads of one core each,
    and sentence vectors are pooled here, text by text) or ``text`` (one text per call)."""
    recipe: str = ""
    """Added to the vectors' identity when the same graph is run another way (caches of vectors differ)."""


PRECISIONS = {
    "fp32": Precision("fp32"),
    # Per-channel int8 weights and per-token int8 activations, texts of one length sharing calls. On the 1,543
    # sentences of 100 BBC articles, one thread, one run (benchmarks/embedder_precision.py --n 100): 4.6 CPU s
    # against 6.3 for the int8 graph of ONNX Runtime's quantiser one text per call (the default before) and 9.9
    # for fp32; cosine to fp32 mean 0.9969, worst 0.987 (before: 0.9931, 0.981) (issue #17).
    "int8": Precision("int8", quantize=True, per_token=True, calls="length", recipe="pertoken"),
}
DEFAULT_PRECISION = "int8"


def supported(folder: Path) -> bool:
    """Whether ``folder`` is a sentence-transformers BERT model with mean pooling that the graph reproduces."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False
    kinds = [m.get("type") for m in modules]
    return (
        config.get("model_type") == "bert"
        and kinds in (_MODULES, _MODULES[:2])
        and modules[0].get("path", "") == ""
        and pooling.get("pooling_mode_mean_tokens") is True
        and not any(v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens")
        and (folder / "model.safetensors").is_file()
        and (folder / "tokenizer.json").is_file()
    )


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class OnnxEmbedder(Embedder):
    """Sentence vectors from a sentence-transformers BERT folder (see :func:`supported`) on ONNX Runtime."""

    def __init__(self, name_or_path: str = "all-MiniLM-L6-v2", *, cache_dir: Path | None = None,
                 precision: str = DEFAULT_PRECISION, threads: int | None = None, batch_size: int = 64) -> None:
        if precision not in PRECISIONS:
            raise ModelError(f"unknown embedder precision '{precision}'; choose one of: {', '.join(PRECISIONS)}")
        location = Path(resolve_model(name_or_path))
        if not supported(location):
            raise ModelError(f"the embedding model '{name_or_path}' is not a local sentence-transformers BERT "
                             "folder with mean pooling, which is what the ONNX embedder runs; load it with "
                             "sentence-transformers instead")
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise NotInstalledError("onnxruntime", "The default embedding model") from exc
        self.precision = PRECISIONS[precision]
        self.batch_size = batch_size
        self._temp = None
        if cache_dir is None:  # no cache folder: a graph for this process only
            self._temp = tempfile.TemporaryDirectory(prefix="summarizer-onnx-")
            cache_dir = Path(self._temp.name)
        digest = model_fingerprint(location)
        self.graph = Path(cache_dir) / f"embedder-{digest[:24]}-v{GRAPH_VERSION}-{self.precision.name}.onnx"
        try:
            config = json.loads((location / "config.json").read_text(encoding="utf-8"))
            self.max_length = min(_max_seq_length(location), int(config["max_position_embeddings"]))
            self.dim = int(config["hidden_size"])
            self.tokenizer = Tokenizer.from_file(str(location / "tokenizer.json"))
        except Exception as exc:  # a damaged folder: say which
            raise ModelError(f"could not read the embedding model '{name_or_path}' in {location} "
                             f"({str(exc).rstrip('.')})") from exc
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_length)
        options = onnxruntime.SessionOptions()
        # Calls of one text, or of the few texts of one length, are too small a product to share among cores:
        # the calls themselves are shared out instead, each on one core (issue #17: about 0.75 x the wall time
        # of two cores on each call).
        small_calls = self.precision.calls != "padded"
        self.workers = (threads or usable_cores()) if small_calls else 1
        options.intra_op_num_threads = 1 if small_calls else threads or usable_cores()
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = self._session(onnxruntime, options, location, name_or_path)
        self.identity = self._model_identity = embedder_identity(str(location))
        if self.precision.quantize:  # other vectors than sentence-transformers': another identity
            self.identity += f":onnx-{self.precision.name}" + (f"-{self.precision.recipe}" if self.precision.recipe else "")
        log.debug("loaded embedder %s from %s", self.identity, self.graph)

    def _session(self, onnxruntime: Any, options: Any, location: Path, name: str) -> Any:
        """The cached graph's session; the graph is built first when it is missing or cannot be loaded."""
        if self.graph.is_file():
            try:
                session = onnxruntime.InferenceSession(str(self.graph), options, providers=["CPUExecutionProvider"])
                if (tuple(i.name for i in session.get_inputs()) == _INPUTS
                        and tuple(o.name for o in session.get_outputs()) == _OUTPUTS):
                    return session
                why = "is not a graph of this embedder"
            except Exception as exc:  # ONNX Runtime raises its own kinds for a truncated or foreign file
                why = f"cannot be loaded ({' '.join(str(exc).split())[:200]})"
            log.warning("the cached ONNX graph %s %s; building it again", self.graph, why)
        else:
            log.warning("building the ONNX graph of the embedding model '%s' in %s (once per model)", name, self.graph)
        try:
            export_graph(location, self.graph, self.precision)
            return onnxruntime.InferenceSession(str(self.graph), options, providers=["CPUExecutionProvider"])
        except (ModelError, NotInstalledError):
            raise
        except Exception as exc:
            raise ModelError(f"could not build the ONNX graph of the embedding model '{name}' in {self.graph} "
                             f"({' '.join(str(exc).split())[:300]})") from exc

    @property
    def model_identity(self) -> str:
        return self._model_identity

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_with_spans(texts, [()] * len(texts))[0]

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
                         ) -> tuple[np.ndarray, list[list[np.ndarray | None]]]:
        """Unit-length float32 sentence vectors, and for each text the mean of its token vectors inside each
        of its ``spans`` (character offsets ``(start, end)``), not normalised.

        A span's vector is None when the model did not read the span to its end (the text was cut at the
        model's length limit): a part of a phrase ("joint" of "joint venture") is not the phrase.

        Texts are sorted by length, and each call of the graph holds up to :meth:`token_budget` tokens,
        padding included (at least one text): many short texts go together, few long ones. The precision's
        ``calls`` may narrow that to texts of one length, or to one text (:class:`Precision`).
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pooled: list[list[np.ndarray | None]] = [[None] * len(s) for s in spans]
        if not len(texts):
            return out, pooled
        encodings = self.tokenizer.encode_batch(list(texts))
        lengths = [len(e.ids) for e in encodings]
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        budget = self.token_budget()
        calls: list[list[int]] = []
        start = 0
        while start < len(order):
            end = start + 1  # lengths ascend, so a call's width is the length of its last text
            while (end < len(order) and self.precision.calls != "text"
                   and lengths[order[end]] * (end + 1 - start) <= budget
                   and (self.precision.calls == "padded" or lengths[order[end]] == lengths[order[start]])):
                end += 1
            calls.append(order[start:end])
            start = end

        def run(rows: list[int]) -> None:
            width = lengths[rows[-1]]
            ids = np.zeros((len(rows), width), dtype=np.int64)
            attention = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                ids[r, : lengths[i]] = encodings[i].ids
                attention[r, : lengths[i]] = 1
            vectors, tokens = self.session.run(list(_OUTPUTS), {"input_ids": ids, "attention_mask": attention})
            for r, i in enumerate(rows):
                if self.precision.calls == "padded":
                    out[i] = vectors[r]
                else:  # pooled text by text: the graph's pooling over a call's rows can differ in the last bit
                    mean = tokens[r].mean(axis=0)
                    out[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
                if spans[i]:
                    pooled[i] = pool_spans(tokens[r], encodings[i].offsets, spans[i])

        longest_first = calls[::-1]  # long calls first: the threads finish together
        if self.workers <= 1 or len(longest_first) < 2:
            for rows in longest_first:
                run(rows)
        else:  # ONNX Runtime lets go of the interpreter while it computes
            with ThreadPoolExecutor(max_workers=min(self.workers, len(longest_first))) as pool:
                for _ in pool.map(run, longest_first):
                    pass
        return out, pooled

    def token_budget(self) -> int:
        """Tokens per call of the graph: about 16 sentences of 64 tokens for the default 64 texts."""
        return max(16 * self.batch_size, 64)


def pool_spans(tokens: np.ndarray, offsets: Sequence[tuple[int, int]],
               spans: Sequence[tuple[int, int]]) -> list[np.ndarray | None]:
    """The mean token vector of each character span; a token counts when it overlaps the span.

    None for a span that the model did not read to its end (the text was cut at the length limit).
    """
    starts = np.array([a for a, _ in offsets])
    ends = np.array([b for _, b in offsets])
    real = ends > starts  # [CLS] and [SEP] have empty offsets
    read_to = int(ends[real].max()) if real.any() else 0
    tokens = tokens[: len(offsets)]  # the rest is padding
    out: list[np.ndarray | None] = []
    for a, b in spans:
        inside = real & (starts < b) & (ends > a)
        out.append(tokens[inside].mean(axis=0) if inside.any() and b <= read_to else None)
    return out


def export_graph(folder: Path, target: Path, precision: Precision) -> None:
    """Export the folder's BERT with mean pooling and normalisation to ``target``, through transformers'
    BertModel and PyTorch's ONNX exporter; then quantise it as ``precision`` says.

    The file appears whole or not at all (written beside, then renamed), so a process that stops
    halfway leaves no broken graph behind, and two processes building the same graph do not clash.
    """
    try:
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise NotInstalledError("torch", "Building the ONNX graph of the embedding model") from exc
    try:
        import onnx  # noqa: F401  (torch.onnx.export writes through it)
    except ImportError as exc:
        raise NotInstalledError("onnx", "Building the ONNX graph of the embedding model") from exc

    class Pooled(torch.nn.Module):
        """The encoder, then sentence-transformers' mean pooling and L2 normalisation."""

        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            tokens = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1), tokens

    target.parent.mkdir(parents=True, exist_ok=True)
    encoder = AutoModel.from_pretrained(str(folder), local_files_only=True, attn_implementation="eager",
                                        use_safetensors=True)
    model = Pooled(encoder).eval()
    example = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long))
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the tracer's notes on shape-dependent Python code in transformers
            torch.onnx.export(model, example, str(fp32), input_names=list(_INPUTS), output_names=list(_OUTPUTS),
                              dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"},
                                            "sentence": {0: "batch"}, "tokens": {0: "batch", 1: "tokens"}},
                              opset_version=OPSET, dynamo=False)
        result = fp32
        if precision.quantize:
            result = Path(tmp) / "quantized.onnx"
            _quantize(fp32, result, precision)
        os.replace(result, target)


def _quantize(source: Path, target: Path, precision: Precision) -> None:
    """Dynamic int8 weights for the matrix products that ``precision`` picks (ONNX Runtime's quantiser)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    names = [n.name for n in onnx.load(str(source), load_external_data=False).graph.node if n.op_type == "MatMul"]
    last = max((int(n.split("/layer.")[1].split("/")[0]) for n in names if "/layer." in n), default=-1)
    keep = [n for n in names
            if (precision.keep_last_layer and f"/layer.{last}/" in n)
            or (precision.ffn_only and "/attention/" in n)]
    root = logging.getLogger()
    advice = _DropQuantizerAdvice()
    root.addFilter(advice)
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=precision.per_channel,
                         nodes_to_exclude=keep)
    finally:
        root.removeFilter(advice)
    if precision.per_token:
        model = onnx.load(str(target))
        _per_token_activations(model)
        onnx.save(model, str(target))


def _per_token_activations(model: Any) -> None:
    """Rewrite, in place, the graph ``quantize_dynamic`` made so that each token's activations get a scale of
    their own instead of one scale for the whole input of a call.

    The quantiser writes, for each activation X, ``DynamicQuantizeLinear(X) -> (Xq, scale, zero point)``
    (one scale and zero point for the whole tensor), and for each weight W that reads it
    ``Cast(MatMulInteger(Xq, Wq, zero point, Wz)) * (scale * W's scales)``. Here X becomes, per token (the last
    axis), ``s = max|x| / 127`` and ``Xq = QuantizeLinear(X / s, 1, 128)``; the product becomes ONNX Runtime's
    ``MatMulIntegerToFloat(Xq, Wq, 1, W's scales, 128, Wz) * s``. Integer products are exact and every other
    step works on one token, so a token's result no longer depends on the other rows of the call.
    (Handing the per-token scale to ONNX Runtime's own fusion of the old pattern does not work: it takes the
    activation scale as one number.)
    """
    from onnx import helper, numpy_helper

    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    readers: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            readers.setdefault(name, []).append(node)
    constants = {"pt_127": np.array(127.0, dtype=np.float32), "pt_tiny": np.array(1e-12, dtype=np.float32),
                 "pt_one": np.array(1.0, dtype=np.float32), "pt_128": np.array(128, dtype=np.uint8)}
    graph.initializer.extend(numpy_helper.from_array(value, name) for name, value in constants.items())
    token_scale: dict[str, str] = {}  # the old per-call scale's name -> the per-token scale's
    dropped: set[int] = set()
    nodes: list[Any] = []
    for node in graph.node:
        if node.op_type == "DynamicQuantizeLinear":
            x, (quantized, scale, _zero) = node.input[0], node.output
            p = f"{quantized}/per_token/"
            nodes += [helper.make_node("Abs", [x], [p + "abs"]),
                      helper.make_node("ReduceMax", [p + "abs"], [p + "max"], axes=[-1], keepdims=1),
                      helper.make_node("Max", [p + "max", "pt_tiny"], [p + "max_"]),
                      helper.make_node("Div", [p + "max_", "pt_127"], [p + "scale"]),
                      helper.make_node("Reciprocal", [p + "scale"], [p + "inverse"]),
                      helper.make_node("Mul", [x, p + "inverse"], [p + "scaled"]),
                      helper.make_node("QuantizeLinear", [p + "scaled", "pt_one", "pt_128"], [quantized])]
            token_scale[scale] = p + "scale"
        elif node.op_type == "MatMulInteger":
            quantized, weights, _zero, weight_zero = node.input
            try:
                cast = readers[node.output[0]][0]
                mul = readers[cast.output[0]][0]
                combined = producer[next(i for i in mul.input if i != cast.output[0])]  # scale * W's scales
                scale, weight_scales = combined.input
                known = cast.op_type == "Cast" and mul.op_type == "Mul" and scale in token_scale
            except (KeyError, IndexError, StopIteration, ValueError):
                known = False
            if not known:
                raise ModelError(f"ONNX Runtime's quantiser wrote a graph this version of summarizer cannot read (after "
                                 f"its node '{node.name}'); install the onnxruntime version listed in constraints.txt, "
                                 "or run with --embedder-precision fp32")
            dropped |= {id(cast), id(mul), id(combined)}
            product = f"{node.output[0]}/per_token"
            nodes += [helper.make_node("MatMulIntegerToFloat",
                                       [quantized, weights, "pt_one", weight_scales, "pt_128", weight_zero],
                                       [product], domain="com.microsoft"),
                      helper.make_node("Mul", [product, token_scale[scale]], list(mul.output))]
        else:
            nodes.append(node)
    del graph.node[:]
    graph.node.extend(node for node in nodes if id(node) not in dropped)
    if not any(opset.domain == "com.microsoft" for opset in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))


class _DropQuantizerAdvice(logging.Filter):
    """Drops the quantiser's advice to pre-process the model first (logged on the root logger): it
    concerns static quantisation of image models, and would reach the user on every first run."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Please consider to run pre-processing before quantization")


def _max_seq_length(folder: Path) -> int:
    try:
        value = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8")).get("max_seq_length")
    except (OSError, ValueError):
        value = None
    return int(value) if isinstance(value, int) and value > 0 else 512
