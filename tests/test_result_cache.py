"""The result cache: a re-run of the same articles with the same settings does no model work."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from fakes import HashEmbedder, RegexAnalyzer

from summarizer import Summarizer
from summarizer.backends.base import Embedder
from summarizer.records import Article, Result
from summarizer.result_cache import FILE_NAME

TEXT = ("Maria Lopez opened the new city library on Monday. The library holds forty thousand books and a "
        "large reading room. Officials said the building cost twelve million euros. Children from three "
        "schools attended the opening. The mayor thanked the architects and the builders.")


def make(tmp_path, embedder=None, **options) -> Summarizer:
    return Summarizer(embedder=embedder or HashEmbedder(), analyzer=RegexAnalyzer(), cache_dir=tmp_path, **options)


def test_a_rerun_reuses_the_records_and_embeds_nothing(tmp_path):
    first = make(tmp_path)
    before = [r.to_dict() for r in first.summarize_batch([Article("a", TEXT, "a.txt")])]
    assert (tmp_path / FILE_NAME).exists()
    second = make(tmp_path)
    second.pipeline.load()
    calls_after_load = len(second.pipeline.embedder.calls)  # type: ignore[attr-defined]
    after = [r.to_dict() for r in second.summarize_batch([Article("a", TEXT, "a.txt")])]
    assert after == before
    assert len(second.pipeline.embedder.calls) == calls_after_load  # type: ignore[attr-defined]


def test_a_cached_record_takes_the_id_and_source_of_the_article_at_hand(tmp_path):
    make(tmp_path).summarize(Article("a", TEXT, "a.txt"))
    again = make(tmp_path).summarize(Article("copy", TEXT, "elsewhere/copy.txt"))
    assert (again.id, again.source) == ("copy", "elsewhere/copy.txt")
    assert again.summary_sentences and again.topics


def test_other_settings_or_another_text_are_computed_again(tmp_path):
    one = make(tmp_path, sentences=1).summarize(TEXT)
    two = make(tmp_path, sentences=2).summarize(TEXT)
    assert len(one.summary_sentences) == 1 and len(two.summary_sentences) == 2
    s = make(tmp_path, sentences=1)
    s.pipeline.load()
    n = len(s.pipeline.embedder.calls)  # type: ignore[attr-defined]
    s.summarize(TEXT + " The library opens at nine every morning.")
    assert len(s.pipeline.embedder.calls) > n  # type: ignore[attr-defined]


def test_a_mixed_batch_keeps_its_order_and_failures_are_never_cached(tmp_path):
    make(tmp_path).summarize(Article("b", TEXT, "b.txt"))
    other = TEXT.replace("library", "museum")
    results = list(make(tmp_path).summarize_batch(
        [Article("a", other, "a.txt"), Article("b", TEXT, "b.txt"), Article("c", "   ", "c.txt")]))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert results[0].ok and results[1].ok and not results[2].ok
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 2  # a and b, not the failure


def test_no_cache_when_switched_off_or_when_a_model_has_no_identity(tmp_path):
    make(tmp_path, result_cache=False).summarize(TEXT)
    make(tmp_path / "off", use_cache=False).summarize(TEXT)

    class Anonymous(HashEmbedder):
        identity = Embedder.identity  # says nothing about what it computes

    make(tmp_path / "anon", embedder=Anonymous()).summarize(TEXT)
    assert not (tmp_path / FILE_NAME).exists()
    assert not (tmp_path / "off" / FILE_NAME).exists()
    assert not (tmp_path / "anon" / FILE_NAME).exists()


def test_a_damaged_cache_file_is_reported_and_the_run_goes_on(tmp_path, caplog):
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="summarizer"):
        result = make(tmp_path).summarize(TEXT)
    assert result.ok and result.summary_sentences
    assert any(FILE_NAME in r.getMessage() and "without it" in r.getMessage() for r in caplog.records)


def test_from_dict_inverts_to_dict(tmp_path):
    result = make(tmp_path, result_cache=False).summarize(TEXT)
    assert Result.from_dict(result.to_dict()).to_dict() == result.to_dict()
    data = {**result.to_dict(), "summary_method": "abstractive-select", "input_tokens": 120, "chunks": 1}
    assert Result.from_dict(data).to_dict() == data
    with pytest.raises(ValueError, match="not fields of a record: colour"):
        Result.from_dict({**data, "colour": "blue"})


def test_the_cache_keeps_to_its_size_by_dropping_the_oldest_records(tmp_path):
    from summarizer.result_cache import ResultCache

    limit = 200_000
    cache = ResultCache(tmp_path, "digest", max_bytes=limit)
    record = make(tmp_path / "models", result_cache=False).summarize(TEXT)
    keys = [f"key-{i:05d}" for i in range(600)]  # about 1.2 MB of records in all, six times the limit
    for start in range(0, len(keys), 20):
        cache.put_many([(key, record) for key in keys[start : start + 20]])
        assert cache.used_bytes() <= limit
    kept = cache.get_many(keys)
    assert keys[-1] in kept and keys[0] not in kept
    first_kept = min(kept)
    assert set(kept) == {k for k in keys if k >= first_kept}  # the newest records, without a gap
    assert 0.5 * limit < cache.used_bytes()  # dropped down to about 90% of the limit, not emptied
    assert (tmp_path / FILE_NAME).stat().st_size < 2 * limit  # freed pages were reused
    cache.close()


def test_a_cache_grown_before_the_limit_is_cut_down_and_compacted(tmp_path):
    from summarizer.result_cache import ResultCache

    record = make(tmp_path / "models", result_cache=False).summarize(TEXT)
    unbounded = ResultCache(tmp_path, "digest")
    # About 1.4 kB a record: 1,500 of them make a cache well past 1 MB whatever a record holds
    # (600 were once enough, until records carried fewer topics).
    unbounded.put_many([(f"old-{i:05d}", record) for i in range(1500)])
    unbounded.close()
    assert (tmp_path / FILE_NAME).stat().st_size > 1_000_000
    limit = 200_000
    cache = ResultCache(tmp_path, "digest", max_bytes=limit)
    cache.put_many([("new", record)])
    assert cache.used_bytes() <= limit and "new" in cache.get_many(["new"])
    assert (tmp_path / FILE_NAME).stat().st_size <= limit  # compacted, not only emptied
    cache.close()


def test_the_cache_size_setting(monkeypatch):
    import pytest

    from summarizer.errors import UsageError
    from summarizer.settings import Settings

    assert Settings().result_cache_mb == 1000
    monkeypatch.setenv("SUMMARIZER_RESULT_CACHE_MB", "50")
    assert Settings.from_env().result_cache_mb == 50
    for wrong in ("lots", "²", "0"):
        monkeypatch.setenv("SUMMARIZER_RESULT_CACHE_MB", wrong)
        with pytest.raises(UsageError, match="SUMMARIZER_RESULT_CACHE_MB must be a whole number of megabytes, at least 1"):
            Settings.from_env()
    with pytest.raises(UsageError, match="result_cache_mb must be at least 1"):
        Settings(result_cache_mb=0)
