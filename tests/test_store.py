"""Digests from records (``--from-records``) and the SQLite story store (``--store``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SEEDS
from fakes import HashEmbedder, RegexAnalyzer
from test_stories import SCHEMA, random_text

from summarizer import Summarizer
from summarizer.cli import main
from summarizer.records import Article, Result
from summarizer.stories import store as store_module
from summarizer.stories.store import StoreError, StoryStore

SEED_ARTICLES = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p))
                 for p in sorted(SEEDS.glob("*.txt"))]


class OtherEmbedder(HashEmbedder):
    identity = "another-embedder-v1"


def fake(tmp_path: Path, embedder: HashEmbedder | None = None, **options: object) -> Summarizer:
    return Summarizer(embedder=embedder or HashEmbedder(), analyzer=RegexAnalyzer(), cache_dir=tmp_path / "cache",
                      jobs=1, **options)


def members(digest) -> list[list[str]]:
    return [[m.id for m in s.articles] for s in digest.stories]


def without_ids(digest) -> list[dict]:
    return [{k: v for k, v in s.to_dict().items() if k != "id"} for s in digest.stories]


def rows(path: Path) -> list[list]:
    with sqlite3.connect(path) as db:
        return [list(r) for table in ("meta", "articles", "stories")
                for r in db.execute(f"SELECT * FROM {table} ORDER BY 1")]  # noqa: S608 (our own table names)


def write_records(path: Path, results: list[Result], extra: list[dict] = ()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        for record in extra:
            f.write(json.dumps(record) + "\n")
    return path


# --- digest from records -------------------------------------------------------------------------


@pytest.fixture
def no_models(monkeypatch):
    """Loading any model fails the test."""
    import summarizer.backends

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(summarizer.backends, "load_embedder", refuse)
    monkeypatch.setattr(summarizer.backends, "load_analyzer", refuse)


def test_a_digest_from_records_needs_no_model_and_lists_each_bad_record_by_file_and_line(tmp_path, no_models):
    results = list(fake(tmp_path, story_fields=True).summarize_batch(SEED_ARTICLES))
    plain = list(fake(tmp_path).summarize_batch([Article(id="plain", text=random_text(5), source="p.txt")]))
    other = list(fake(tmp_path, OtherEmbedder(), story_fields=True).summarize_batch(
        [Article(id="other", text=random_text(6), source="o.txt")]))
    path = write_records(tmp_path / "records.jsonl", [*results, *plain, *other, Result.failure("bad", "b.txt", "boom")])
    with path.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    out = tmp_path / "digest.json"
    result = CliRunner().invoke(main, ["digest", "--from-records", str(path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert sorted(m["id"] for s in data["stories"] for m in s["articles"]) == sorted(a.id for a in SEED_ARTICLES)
    failures = {f["id"]: f for f in data["failures"]}
    assert list(failures) == ["plain", "other", "bad", f"{path}:9"]
    assert failures["plain"]["source"] == f"{path}:6" and "no story fields" in failures["plain"]["error"]
    assert "--story-fields" in failures["plain"]["error"]
    assert "another-embedder-v1" in failures["other"]["error"] and "error record (boom)" in failures["bad"]["error"]
    assert "not JSON" in failures[f"{path}:9"]["error"]
    assert "4 of 9 article(s) failed" in result.output


def test_a_digest_from_records_matches_the_digest_of_the_articles(tmp_path):
    s = fake(tmp_path, story_fields=True)
    folder = tmp_path / "ray-output"  # a folder of part files, read in name order
    folder.mkdir()
    results = list(s.summarize_batch(SEED_ARTICLES))
    write_records(folder / "part-00000-x.jsonl", results[:2])
    write_records(folder / "part-00001-x.jsonl", results[2:])
    from_records = Summarizer(jobs=1).digest_records([folder])
    direct = s.digest(SEED_ARTICLES)
    assert members(from_records) == members(direct) and not from_records.failures
    assert [s.label for s in from_records.stories] == [s.label for s in direct.stories]


def test_records_from_parquet_files_are_read_too(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from summarizer.engines.ray_engine import records_table

    results = list(fake(tmp_path, story_fields=True).summarize_batch(SEED_ARTICLES[:2]))
    pq.write_table(records_table([r.to_dict() for r in results], with_story=True), tmp_path / "part-00000.parquet")
    found = Summarizer(jobs=1).digest_records([tmp_path / "part-00000.parquet"])
    assert sorted(m.id for s in found.stories for m in s.articles) == sorted(a.id for a in SEED_ARTICLES[:2])


def test_a_missing_records_path_is_a_usage_error(tmp_path):
    with pytest.raises(Exception, match="no such file or folder"):
        Summarizer(jobs=1).digest_records([tmp_path / "nowhere.jsonl"])


# --- the story store ---------------------------------------------------------------------------


def test_two_runs_make_the_stories_one_run_makes(tmp_path):
    s = fake(tmp_path)
    first = s.update_store(tmp_path / "a.db", SEED_ARTICLES[:3])
    assert [len(c.added) for c in first.changes.new_stories] == [3] and not first.changes.grown
    second = s.update_store(tmp_path / "a.db", SEED_ARTICLES[3:])
    assert not second.changes.new_stories
    (grown,) = second.changes.grown
    assert grown.id == first.changes.new_stories[0].id and sorted(grown.added) == [a.id for a in SEED_ARTICLES[3:]]
    assert grown.articles == 5
    once = s.update_store(tmp_path / "b.db", SEED_ARTICLES)
    assert len(once.digest.stories) == len(second.digest.stories) == 1
    assert without_ids(second.digest) == without_ids(once.digest)
    assert without_ids(StoryStore(tmp_path / "a.db").digest()) == without_ids(once.digest)


def test_a_rerun_reports_nothing_new_and_leaves_the_store_unchanged(tmp_path, capsys):
    s = fake(tmp_path)
    path = tmp_path / "s.db"
    before = s.update_store(path, SEED_ARTICLES)
    stored = rows(path)
    calls = len(s.pipeline.embedder.calls)
    again = s.update_store(path, SEED_ARTICLES)
    assert rows(path) == stored and len(s.pipeline.embedder.calls) == calls  # skipped before any model work
    assert sorted(again.changes.skipped) == sorted(a.id for a in SEED_ARTICLES)
    assert not again.changes.added and not again.changes.changed
    assert "nothing new: the store is unchanged" in again.changes.format()
    assert again.digest.to_dict()["stories"] == before.digest.to_dict()["stories"]
    # the same articles from records: their content is stored already
    records = write_records(tmp_path / "r.jsonl", list(fake(tmp_path, story_fields=True).summarize_batch(SEED_ARTICLES)))
    by_records = Summarizer(jobs=1).update_store(path, records=[records])
    assert rows(path) == stored and len(by_records.changes.skipped) == 5


def test_near_duplicates_of_stored_articles_and_within_a_run_are_reported(tmp_path):
    s = fake(tmp_path)
    path = tmp_path / "s.db"
    s.update_store(path, SEED_ARTICLES[:2])
    original = SEED_ARTICLES[1]
    copy = Article(id="copy", text="From our correspondent.\n\n" + original.text, source="copy.txt")
    fresh = random_text(90, 10)
    update = s.update_store(path, [copy, Article(id="new", text=fresh, source="n.txt"),
                                   Article(id="new-again", text=fresh + " Updated at noon.", source="n2.txt")])
    notes = {d.id: (d.of, d.stored) for d in update.changes.duplicates}
    assert notes["copy"] == (original.id, True)
    assert notes.get("new", notes.get("new-again")) in {("new", False), ("new-again", False)}
    assert len(notes) == 2  # the copy of a stored article, and one of the two new ones
    assert not update.changes.grown and [c.added for c in update.changes.new_stories] in (
        [("new",)], [("new-again",)])  # copies make no story grow
    assert "copy  copy of " + original.id + " (stored)" in update.changes.format()
    assert update.changes.articles == 5


def test_an_interrupted_run_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    s = fake(tmp_path)
    path = tmp_path / "s.db"
    s.update_store(path, SEED_ARTICLES[:3])
    stored = rows(path)
    real_row, calls = store_module._row, []

    def interrupted(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_row(*args)

    monkeypatch.setattr(store_module, "_row", interrupted)
    with pytest.raises(KeyboardInterrupt):
        s.update_store(path, SEED_ARTICLES[3:])
    assert len(calls) == 2 and rows(path) == stored
    monkeypatch.setattr(store_module, "_row", real_row)
    assert len(s.update_store(path, SEED_ARTICLES[3:]).changes.added) == 2


def test_a_store_in_use_by_another_run_makes_the_run_fail_with_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    fake(tmp_path).update_store(path, SEED_ARTICLES[:2])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run holds the write lock
    try:
        with pytest.raises(StoreError, match=f"story store {path} is in use by another run"):
            fake(tmp_path).update_store(path, SEED_ARTICLES[2:], timeout=0.05)
        import summarizer.api

        real = summarizer.api.Summarizer
        monkeypatch.setattr(summarizer.api, "Summarizer", lambda settings=None, **o: real(
            settings, embedder=HashEmbedder(), analyzer=RegexAnalyzer(), **o))
        result = CliRunner().invoke(main, ["digest", "--store", str(path), "--store-timeout", "0",
                                           "--jobs", "1", SEED_ARTICLES[3].source])
        assert result.exit_code == 1 and f"the story store {path} is in use by another run" in result.output
    finally:
        other.rollback()
        other.close()
    assert len(StoryStore(path).digest().stories[0].articles) == 2


def test_a_store_of_another_embedder_or_version_or_no_store_is_refused(tmp_path):
    path = tmp_path / "s.db"
    fake(tmp_path).update_store(path, SEED_ARTICLES[:2])
    stored = rows(path)
    with pytest.raises(StoreError, match="holds vectors of the embedder 'hash-embedder-v1', not of "
                                         "'another-embedder-v1'"):
        fake(tmp_path, OtherEmbedder()).update_store(path, SEED_ARTICLES[2:])
    assert rows(path) == stored
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="layout version 99, and this summarizer reads only version 1"):
        fake(tmp_path).update_store(path, SEED_ARTICLES[2:])
    text = tmp_path / "notes.db"
    text.write_text("not a database, just some notes " * 40, encoding="utf-8")
    with pytest.raises(StoreError, match="is not a story store"):
        fake(tmp_path).update_store(text, SEED_ARTICLES[2:])
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (x)")
    with pytest.raises(StoreError, match="not a story store"):
        fake(tmp_path).update_store(other, SEED_ARTICLES[2:])


def test_the_digest_command_with_a_store_reports_the_changes_and_writes_the_whole_store(tmp_path, monkeypatch):
    import summarizer.api

    real = summarizer.api.Summarizer
    monkeypatch.setattr(summarizer.api, "Summarizer", lambda settings=None, **o: real(
        settings, embedder=HashEmbedder(), analyzer=RegexAnalyzer(), **o))
    path, out = tmp_path / "stories.db", tmp_path / "digest.json"

    def digest(*inputs: str):
        return CliRunner().invoke(main, ["digest", "--store", str(path), "-f", "json", "-o", str(out), "--jobs", "1",
                                         *inputs], catch_exceptions=False)

    first = digest(*(a.source for a in SEED_ARTICLES[:3]))
    assert first.exit_code == 0, first.output
    assert f"{path}: 3 article(s) added" in first.output and "new   story-" in first.output
    second = digest(*(a.source for a in SEED_ARTICLES[3:]))
    assert "2 article(s) added" in second.output and "grew  story-" in second.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["articles"] == 5 and len(data["stories"][0]["articles"]) == 5
    third = digest()  # no input: the digest of the store as it is
    assert third.exit_code == 0 and "nothing new" in third.output
    assert json.loads(out.read_text(encoding="utf-8")) == data


@pytest.mark.slow
def test_the_seeds_in_two_runs_make_the_one_story_of_one_run(real_summarizer, tmp_path):
    two = tmp_path / "two.db"
    real_summarizer.update_store(two, SEED_ARTICLES[:3])
    second = real_summarizer.update_store(two, SEED_ARTICLES[3:])
    once = real_summarizer.update_store(tmp_path / "one.db", SEED_ARTICLES)
    assert len(second.digest.stories) == 1 and len(second.changes.grown) == 1
    # The int8 embedder's vectors depend a little on the batch they were made in (its activations are
    # quantised per batch), so topic scores differ in the fourth decimal; the story is the same.
    (two_runs,), (one_run,) = without_ids(second.digest), without_ids(once.digest)
    for story in (two_runs, one_run):
        story["topics"] = [(t["qcode"], t["articles"]) for t in story["topics"]]
    assert two_runs == one_run
