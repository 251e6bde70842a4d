"""CPU time, closeness to float32 and batch-independence of the default embedder's ways to run (issue #17).

    python benchmarks/embedder_precision.py [--data ../shared/eval/bbc_news_summary.jsonl] [--n 300]
                                            [--threads 1] [--check 150]

Embeds the sentences (and titles) the pipeline analyses in the first N articles with:
- fp32: the float32 graph, texts sharing padded calls (sentence-transformers' vectors);
- int8: the default: per-channel int8 weights and per-token int8 activations, texts of one length
  sharing calls (no padding; a text's vector does not depend on the texts beside it);
- int8-text: the same graph, one text per call;
- quantiser-shared: the graph of ONNX Runtime's quantize_dynamic alone (one activation scale for
  the whole input of a call, so from the other texts), texts sharing padded calls, as before #17;
- quantiser-text: that graph, one text per call (the default from #17 until per-token scales);
- with --nbits, nbits8-shared and nbits8: the float32 graph with 8-bit weights in blocks of 32
  (ONNX Runtime's MatMulNBits, accuracy level 4: int8 products with an activation scale per block
  of each row, so a text's vector does not hang on its neighbours), in shared calls and one text
  per call. Building it needs the ``onnx_ir`` package, which the project does not install.
For each: CPU seconds of the whole pass (this process, all its threads), cosine to fp32 (mean,
worst), and for --check sentences the largest coordinate difference between a sentence embedded
alone and the same sentence in the pass, and beside long "loud" texts. Compare CPU seconds within
one run; wall-clock times on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, load_articles  # noqa: E402

LOUD = [" ".join(["BREAKING!!! $$$ 1,000,000,000 ###"] * 30), "GOAL " * 100]


def sentences_of(articles: list) -> list[str]:
    from summarizer import Summarizer
    from summarizer.stages.clean import clean

    s = Summarizer(jobs=1, result_cache=False)
    try:
        cleaned = [clean(a.text, a.title) for a in articles]
        analyses = s.pipeline.analyzer.analyze_batch([c.text for c in cleaned])
    finally:
        s.close()
    return [sp.text for an in analyses for sp in an.sentences] + [c.title for c in cleaned if c.title]


def _session(graph, threads: int, small_calls: bool):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1 if small_calls else threads
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])


def nbits_session(fp32_graph: Path, threads: int, small_calls: bool):
    """A session of ``fp32_graph`` with its matrix products' weights in 8 bits, blocks of 32 (built in memory)."""
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    logging.getLogger(MatMulNBitsQuantizer.__module__).setLevel(logging.WARNING)  # a line per node otherwise
    quantizer = MatMulNBitsQuantizer(str(fp32_graph), bits=8, block_size=32, is_symmetric=True, accuracy_level=4)
    quantizer.process()
    return _session(quantizer.model.model.SerializeToString(), threads, small_calls)


def quantiser_session(fp32_graph: Path, threads: int, small_calls: bool):
    """A session of ``fp32_graph`` quantised by ONNX Runtime's quantize_dynamic alone (one scale per call)."""
    from summarizer.backends.onnx_embedder import Precision, _quantize

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "quantiser.onnx"
        _quantize(fp32_graph, target, Precision("quantiser", quantize=True))
        return _session(str(target), threads, small_calls)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--threads", type=int, default=1, help="ONNX Runtime threads (default 1)")
    ap.add_argument("--check", type=int, default=150, help="sentences embedded alone to compare (default 150)")
    ap.add_argument("--nbits", action="store_true", help="also measure 8-bit weight-only graphs (needs onnx_ir)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from summarizer.backends.onnx_embedder import PRECISIONS, OnnxEmbedder
    from summarizer.settings import default_cache_dir

    sentences = sentences_of(load_articles(args.data, args.n))
    pick = np.random.default_rng(0).choice(len(sentences), min(args.check, len(sentences)), replace=False)
    cache = default_cache_dir()
    runs = {"fp32": ("fp32", None), "int8": ("int8", None),
            "int8-text": ("int8", replace(PRECISIONS["int8"], calls="text")),
            "quantiser-shared": ("fp32", replace(PRECISIONS["fp32"], name="quantiser")),
            "quantiser-text": ("fp32", replace(PRECISIONS["fp32"], name="quantiser", calls="text"))}
    if args.nbits:
        runs |= {"nbits8-shared": ("fp32", replace(PRECISIONS["fp32"], name="nbits8")),
                 "nbits8": ("fp32", replace(PRECISIONS["fp32"], name="nbits8", calls="text"))}
    figures: dict = {"sentences": len(sentences)}
    reference = None
    for name, (precision, override) in runs.items():
        embedder = OnnxEmbedder(cache_dir=cache, precision=precision, threads=args.threads)
        if override is not None:
            embedder.precision = override
            small_calls = override.calls != "padded"
            if override.name == "nbits8":
                embedder.session = nbits_session(embedder.graph, args.threads, small_calls)
            elif override.name == "quantiser":
                embedder.session = quantiser_session(embedder.graph, args.threads, small_calls)
            else:
                embedder.session = _session(str(embedder.graph), args.threads, small_calls)
            embedder.workers = args.threads if small_calls else 1
        embedder.embed_batch(sentences[:50])  # warm up
        t = time.process_time()
        vectors = embedder.embed_batch(sentences)
        cpu = time.process_time() - t
        reference = vectors if reference is None else reference
        cosines = np.sum(vectors * reference, axis=1)
        alone = np.stack([embedder.embed_batch([sentences[i]])[0] for i in pick])
        loud = np.stack([embedder.embed_batch([sentences[i], *LOUD])[0] for i in pick])
        figures[name] = {"cpu_seconds": round(cpu, 2), "cosine_mean": round(float(cosines.mean()), 5),
                         "cosine_min": round(float(cosines.min()), 5),
                         "alone_vs_pass": float(np.abs(alone - vectors[pick]).max()),
                         "alone_vs_loud": float(np.abs(alone - loud).max())}
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{figures['sentences']} sentences from {args.n} articles of {args.data.name}, {args.threads} thread(s)")
        for name in runs:
            f = figures[name]
            print(f"{name:16s} {f['cpu_seconds']:7.1f} CPU s  cosine to fp32 mean {f['cosine_mean']:.4f} "
                  f"worst {f['cosine_min']:.4f}  alone vs pass {f['alone_vs_pass']:.1e}  "
                  f"alone vs beside loud texts {f['alone_vs_loud']:.1e}")
    return figures


if __name__ == "__main__":
    main()
