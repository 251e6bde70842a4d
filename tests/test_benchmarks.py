"""The helpers of benchmarks/ (correctness, not timing). Offline; seconds, or about 15 s for the one that starts the CLI."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _load(name: str):
    """A benchmark script as a module (benchmarks/ is not a package)."""
    module_name = f"bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def memory():
    return _load("memory")


@pytest.fixture(scope="module")
def distilbart():
    return _load("distilbart")


@pytest.fixture
def seed_data(tmp_path):
    """A small JSON Lines data file made of the seed articles (one without a title)."""
    path = tmp_path / "data.jsonl"
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    assert len(seeds) == 3
    with path.open("w", encoding="utf-8") as fh:
        for k, p in enumerate(seeds):
            row = {"id": p.stem, "text": p.read_text(encoding="utf-8")}
            if k:
                row["title"] = f"Title {k}"
            fh.write(json.dumps(row) + "\n")
    return path


# -- memory.py -----------------------------------------------------------------------------
def test_cycled_jsonl_has_n_unique_ids_and_urls(memory, seed_data, tmp_path):
    target = memory.write_jsonl(seed_data, 8, tmp_path / "big.jsonl")
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    source = [json.loads(line) for line in seed_data.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"bbc-{i}" for i in range(8)]
    assert len({r["url"] for r in rows}) == 8  # the url makes every result-cache key different
    for i, row in enumerate(rows):
        assert row["text"] == source[i % 3]["text"]  # the rows cycle, texts unchanged
        assert row.get("title") == source[i % 3].get("title")


def test_new_words_are_unique_to_each_article(memory, seed_data):
    rows = list(memory.cycled_rows(seed_data, 30, new_words=5))
    added = [r["text"].rsplit("\n\n", 1)[1].rstrip(".").split() for r in rows]
    assert all(len(words) == 5 for words in added)
    every = [w for words in added for w in words]
    assert len(set(every)) == len(every) == 150
    assert rows[0]["text"].startswith(json.loads(seed_data.read_text(encoding="utf-8").splitlines()[0])["text"])


def test_check_output_wants_every_id_once_in_order(memory, tmp_path):
    out = tmp_path / "out.jsonl"

    def write(ids, error_at=None):
        out.write_text("".join(json.dumps({"id": i, **({"error": "x"} if i == error_at else {})}) + "\n"
                               for i in ids), encoding="utf-8")
        return memory.check_output(out, 3)

    assert write(["bbc-0", "bbc-1", "bbc-2"])["ok"]
    assert write(["bbc-0", "bbc-1", "bbc-2"], error_at="bbc-1") == {
        "lines": 3, "distinct_ids": 3, "in_order": True, "failed": 1, "ok": True}
    assert not write(["bbc-0", "bbc-2", "bbc-1"])["ok"]
    assert not write(["bbc-0", "bbc-1"])["ok"]
    assert not write(["bbc-0", "bbc-1", "bbc-1"])["ok"]


def test_line_counter_reads_only_new_complete_lines(memory, tmp_path):
    path = tmp_path / "grow.jsonl"
    counter = memory.LineCounter(path)
    assert counter.update() == 0  # not there yet
    path.write_bytes(b'{"a": 1}\n{"b"')
    assert counter.update() == 1
    with path.open("ab") as fh:
        fh.write(b': 2}\n{"c": 3}\n')
    assert counter.update() == 3


def test_rss_by_decile_and_progress_points(memory):
    # (seconds, records written, RSS kB); the samples before the first record are model loading
    samples = [(0.5, 0, 900 * 1024), (1, 5, 100 * 1024), (2, 12, 110 * 1024), (3, 55, 130 * 1024),
               (4, 99, 120 * 1024), (5, 100, 90 * 1024)]
    deciles = memory.by_decile(samples, 100)
    assert deciles[0] == 100.0 and deciles[1] == 110.0 and deciles[5] == 130.0 and deciles[9] == 120.0
    assert deciles[3] is None
    assert memory._at(samples, 10) == 110 * 1024
    assert memory._at(samples, 100) == 90 * 1024
    assert memory._at(samples, 101) is None


def test_rss_of_this_process(memory):
    import os

    assert memory.rss_kb(os.getpid()) > 1000


# -- distilbart.py ---------------------------------------------------------------------------
def test_distilbart_cnn_12_6_hyper_parameters(distilbart):
    config = distilbart.build_config()
    assert (config.d_model, config.encoder_layers, config.decoder_layers) == (1024, 12, 6)
    assert (config.encoder_attention_heads, config.decoder_attention_heads) == (16, 16)
    assert (config.encoder_ffn_dim, config.decoder_ffn_dim) == (4096, 4096)
    assert (config.vocab_size, config.max_position_embeddings) == (50264, 1024)
    assert (config.bos_token_id, config.pad_token_id, config.eos_token_id, config.decoder_start_token_id) == (0, 1, 2, 2)
    gen = distilbart.generation_config(config)
    assert (gen.num_beams, gen.min_length, gen.max_length) == (4, 56, 142)
    assert (gen.no_repeat_ngram_size, gen.length_penalty, gen.early_stopping) == (3, 2.0, True)
    assert not gen.do_sample


def test_bart_input_ids_are_wrapped_mapped_and_truncated(distilbart):
    ids = distilbart.bart_input_ids(list(range(5000)), 50264)
    assert len(ids) == 1024 and ids[0] == 0 and ids[-1] == 2
    assert all(4 <= i < 50264 for i in ids[1:-1])
    small = distilbart.bart_input_ids([0, 1, 2, 3, 200], 64)
    assert small[0] == 0 and small[-1] == 2 and all(4 <= i < 64 for i in small[1:-1])
    assert distilbart.bart_input_ids([7, 8], 50264, max_tokens=16) == [0, 11, 12, 2]


def test_words_tokenizer_counts_1_3_tokens_per_word(distilbart):
    name, encode = distilbart.load_tokenizer("words")
    assert "1.3" in name
    assert len(encode("one two three four five six seven eight nine ten")) == 13


def test_time_distilbart_on_a_tiny_model_forces_the_output_length(distilbart, seeds_text):
    text = next(iter(seeds_text.values()))
    tiny = {"d_model": 32, "encoder_layers": 1, "decoder_layers": 1, "encoder_attention_heads": 2,
            "decoder_attention_heads": 2, "encoder_ffn_dim": 64, "decoder_ffn_dim": 64, "vocab_size": 256,
            "max_position_embeddings": 64}
    import torch

    threads = torch.get_num_threads()
    fig = distilbart.time_distilbart([text, "A short one."], batch_size=2, tokenizer="words",
                                     config_overrides=tiny, threads=1,
                                     generation_overrides={"min_length": 6, "max_length": 10, "num_beams": 2})
    assert fig["torch_threads"] == 1 and torch.get_num_threads() == threads  # set for the call only
    assert fig["articles"] == 2 and fig["batch_size"] == 2
    assert fig["parameters"] < 100_000
    assert all(6 <= n <= 10 for n in fig["output_lengths"])
    assert 6 <= fig["output_length_mean"] <= 10
    assert fig["articles_truncated"] == 1 and fig["model_input_tokens_mean"] <= 64  # cut at the positions
    assert fig["generation"]["min_length"] == 6 and fig["generation"]["no_repeat_ngram_size"] == 3
    for key in ("seconds_build", "seconds_generate", "seconds_per_article", "projected_seconds",
                "seconds_encoder_per_article", "seconds_per_decoder_step"):
        assert fig[key] >= 0
    assert fig["seconds_per_article_at_min_length"] <= fig["seconds_per_article_at_max_length"]


@pytest.mark.slow
def test_throughput_times_the_first_record_and_the_exit(tmp_path):
    from summarizer.records import Article

    throughput = _load("throughput")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    article = Article(id="one", text=seed.read_text(encoding="utf-8"), source=str(seed))
    seconds = throughput.time_first_result(article)
    assert set(seconds) == {"cold_start_seconds", "cold_start_seconds_to_exit", "first_run_seconds",
                            "first_run_seconds_to_exit"}
    for name in ("cold_start", "first_run"):
        assert 0 < seconds[f"{name}_seconds"] <= seconds[f"{name}_seconds_to_exit"]


# -- dedup.py, stories.py, digest.py (the story level) -------------------------------------------
def test_bcubed_of_a_known_clustering():
    stories = _load("stories")
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert stories.bcubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold) == (1.0, 1.0, 1.0)
    p, r, f = stories.bcubed({"a": 1, "b": 1, "c": 1, "d": 1}, gold)  # everything in one cluster
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    p, r, _ = stories.bcubed({"a": 1, "b": 2, "c": 3, "d": 4}, gold)  # all apart
    assert (p, r) == (1.0, 0.5)


def test_altered_copies_keep_the_article_and_change_what_they_say(seeds_text):
    import random

    dedup = _load("dedup")
    text = seeds_text["004_4ed487a7f4aa41b7"]
    paras = dedup.paragraphs(text)
    rng = random.Random(1)
    copy, title = dedup.alter(text, "Old title", ("headline", "boilerplate"), rng)
    assert title != "Old title" and copy.startswith(title) and all(p in copy for p in paras)
    cut, _ = dedup.alter(text, None, ("cut",), rng)
    kept = dedup.paragraphs(cut)
    assert kept[0] == paras[0] and len(kept) == len(paras) - len(paras) // 3 and set(kept) <= set(paras)
    moved, _ = dedup.alter(text, None, ("reorder",), rng)
    assert sorted(dedup.paragraphs(moved)) == sorted(paras) and dedup.paragraphs(moved) != paras
    rewritten, _ = dedup.alter(text, None, ("rewrite",), rng)
    changed = [p for p in dedup.paragraphs(rewritten) if p not in paras]
    assert len(changed) == 1


def test_synthetic_articles_are_made_of_pool_sentences_with_their_vectors():
    import numpy as np

    from summarizer.records import Entity
    from summarizer.stories.article import StoryArticle

    digest = _load("digest")
    rng = np.random.default_rng(0)
    pool = []
    for k in range(4):
        vecs = rng.standard_normal((6, 8)).astype(np.float32)
        pool.append(StoryArticle(id=f"p{k}", source="x", text="", sentences=tuple(f"s{k}-{i}." for i in range(6)),
                                 sentence_vectors=vecs, vector=vecs[0], entities=(Entity(f"E{k}", "person", 1),)))
    made, truth, copies = digest.synthesize_mixed(pool, 5)
    assert len({a.id for a in made}) == 5 and truth == [] and copies == []
    for a in made:
        for sentence, vec in zip(a.sentences, a.sentence_vectors, strict=True):
            k, i = (int(x) for x in sentence[1:-1].split("-"))
            assert np.array_equal(vec, pool[k].sentence_vectors[i])
        assert abs(float(np.linalg.norm(a.vector)) - 1.0) < 1e-5 and a.date is not None


def test_a_synthetic_feed_has_heavy_tailed_stories_of_altered_members_and_copies():
    import random
    from collections import Counter

    import numpy as np

    from summarizer.stories.article import StoryArticle

    digest = _load("digest")
    sizes = digest.story_sizes(20_000, random.Random(1))
    assert sum(sizes) == 20_000 and max(sizes) <= 2_000
    assert Counter(sizes)[1] > len(sizes) / 2 and max(sizes) >= 500  # mostly single articles, a few huge stories
    rng = np.random.default_rng(0)
    pool = []
    for k in range(6):
        vecs = rng.standard_normal((8, 16)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        words = " ".join(f"w{k}x{i}" for i in range(12))
        sentences = tuple(f"Pool {k} sentence {i} says {words}." for i in range(8))
        pool.append(StoryArticle(id=f"p{k}", source="x", text=" ".join(sentences), sentences=sentences,
                                 sentence_vectors=vecs, vector=vecs.mean(axis=0) / np.linalg.norm(vecs.mean(axis=0))))
    made, truth, copies = digest.synthesize_stories(pool, 300)
    by_id = {a.id: a for a in made}
    assert len(by_id) == 300 == len(truth)
    assert copies and all(c in by_id and o in by_id for c, o in copies)
    story_of = dict(zip((a.id for a in made), truth, strict=True))
    for c, o in copies:
        copy, original = by_id[c], by_id[o]
        assert story_of[c] == story_of[o] and copy.text != original.text
        assert copy.sentences[-1] == digest.BOILERPLATE and set(copy.sentences[:-1]) <= set(original.sentences)
        for sentence, vec in zip(copy.sentences[:-1], copy.sentence_vectors, strict=False):
            assert float(vec @ original.sentence_vectors[original.sentences.index(sentence)]) > 0.99  # nudged
    members = [a for a in made if a.id not in {c for c, _ in copies}]
    assert len({a.text for a in members}) == len(members)  # no two members are the same text
    for a in made:
        assert len(a.sentences) == len(a.sentence_vectors) and abs(float(np.linalg.norm(a.vector)) - 1) < 1e-5


def test_judged_sample_mix_hides_the_versions_and_unmix_restores_them(tmp_path):
    judged = _load("judged_sample")

    def records(version: str) -> list[dict]:
        return [{"id": f"{kind}-{i}", "kind": kind, "record": {"summary_sentences": [f"{version} {kind} {i}"]}}
                for kind in ("bbc", "wire") for i in range(4)]

    for version in ("before", "after"):
        (tmp_path / f"{version}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records(version)))
    key = judged.mix(tmp_path / "before.jsonl", tmp_path / "after.jsonl", tmp_path / "mixed")
    files = {j: [json.loads(line) for line in (tmp_path / "mixed" / f"judge{j}.jsonl").open()] for j in "AB"}
    assert sorted(key) == sorted(r["id"] for rows in files.values() for r in rows) and len(key) == 16
    for judge, rows in files.items():
        assert {key[r["id"]][2] for r in rows} == {judge}
        assert all(r["id"].startswith("x") for r in rows)  # the article's id is not shown
        articles = [key[r["id"]][0] for r in rows]
        assert all(articles.count(a) == 2 for a in articles)  # both versions of each of its articles
        assert sorted(r["kind"] for r in rows) == ["bbc"] * 4 + ["wire"] * 4  # half of each kind
    verdicts = {j: tmp_path / f"v{j}.jsonl" for j in "AB"}
    for judge, rows in files.items():  # a judge who scores the new version 5, the old 2
        verdicts[judge].write_text("".join(json.dumps({
            "id": r["id"], "kind": r["kind"], "notes": "n",
            "summary_score": 5 if r["record"]["summary_sentences"][0].startswith("after") else 2}) + "\n"
            for r in rows))
    judged.unmix(tmp_path / "mixed", [verdicts["A"], verdicts["B"]], tmp_path / "b.jsonl", tmp_path / "a.jsonl")
    before = [json.loads(line) for line in (tmp_path / "b.jsonl").open()]
    after = [json.loads(line) for line in (tmp_path / "a.jsonl").open()]
    assert [r["id"] for r in before] == [r["id"] for r in after] == sorted(r["id"] for r in records("before"))
    assert {r["summary_score"] for r in before} == {2} and {r["summary_score"] for r in after} == {5}
    assert all("notes" not in r and r["judge"] in "AB" for r in before + after)
