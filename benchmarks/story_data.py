"""Shared by the story benchmarks: the evaluation articles, and their analysis by the real pipeline
(``Pipeline.run_for_stories``), kept in a pickle so that a second run with other weights is quick."""

from __future__ import annotations

import json
import pickle
import time
from collections.abc import Sequence
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def load_rows(eval_dir: Path, name: str, n: int | None = None) -> list[dict]:
    path = eval_dir / name
    if not path.exists():
        raise SystemExit(f"{path} not found; give the folder of the evaluation sets with --eval-dir")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:n] if n is not None else rows


def analyse(articles: Sequence, cache: Path | None, jobs: int | None = None) -> tuple[list, float]:
    """StoryArticles for ``articles`` (summarizer Articles, ids unique) and the seconds the per-article
    pass took (0 when read from ``cache``, a pickle written by an earlier run on the same ids)."""
    ids = [a.id for a in articles]
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            saved = pickle.load(fh)
        if saved["ids"] == ids:
            return saved["articles"], saved["seconds"]
    from summarizer import Summarizer

    s = Summarizer(jobs=jobs, result_cache=False)
    s.pipeline.load()
    start = time.perf_counter()
    found = [sa for _result, sa in s.pipeline.run_for_stories(articles)]
    seconds = time.perf_counter() - start
    s.close()
    missing = [a.id for a, sa in zip(articles, found, strict=True) if sa is None]
    if missing:
        print(f"{len(missing)} article(s) failed the per-article pass: {missing[:5]}")
    kept = [sa for sa in found if sa is not None]
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump({"ids": ids, "articles": kept, "seconds": seconds}, fh)
    return kept, seconds
