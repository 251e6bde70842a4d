"""Shared fixtures: fast fake backends for unit tests, real packaged models once per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from fakes import HashEmbedder, RegexAnalyzer

# No test may reach the network: the Hugging Face libraries read this when they are imported.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# Caches (topic embeddings, finished records) go to a folder of this test session, never the user's.
os.environ["SUMMARIZER_CACHE_DIR"] = tempfile.mkdtemp(prefix="summarizer-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def fake_summarizer(tmp_path):
    from summarizer import Summarizer

    return Summarizer(embedder=HashEmbedder(), analyzer=RegexAnalyzer(), cache_dir=tmp_path / "cache")


@pytest.fixture
def fake_cli(monkeypatch, tmp_path):
    """The summarizer command, run in-process by click's CliRunner with the fake embedder and analyser."""
    from click.testing import CliRunner

    import summarizer.api
    from summarizer.cli import main

    real = summarizer.api.Summarizer
    monkeypatch.setattr(summarizer.api, "Summarizer",
                        lambda settings=None, **o: real(settings, embedder=HashEmbedder(), analyzer=RegexAnalyzer(), **o))
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    return lambda *args: CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="session")
def real_summarizer(tmp_path_factory):
    from summarizer import Summarizer

    s = Summarizer(cache_dir=tmp_path_factory.mktemp("cache"))
    s.pipeline.load()
    return s


@pytest.fixture(scope="session")
def seed_results(real_summarizer):
    from summarizer.records import Article

    arts = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    return {r.id: r for r in real_summarizer.summarize_batch(arts)}


@pytest.fixture
def seeds_text():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
