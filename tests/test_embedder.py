"""The default embedder: the packaged all-MiniLM-L6-v2 on ONNX Runtime gives sentence-transformers' vectors,
builds its graph once and again when the cached one is broken, and runs without PyTorch."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from summarizer.backends import load_embedder, onnx_embedder
from summarizer.backends.onnx_embedder import OnnxEmbedder
from summarizer.backends.sbert import embedder_identity, packaged_minilm_path

SENTENCES = [
    "The central bank raised interest rates by a quarter of a percentage point on Tuesday.",
    "Striker Ana Silva scored twice as her team won the cup final 3-1.",
    "",
    "Ünïcödé façade — 中文 😀 naïve café",
    " ".join(["inflation"] * 400),  # longer than the model's 256 tokens: cut the same way
    "x",
]


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory):
    """A cache folder holding the default model's fp32 graph, built once for this module."""
    folder = tmp_path_factory.mktemp("onnx-cache")
    OnnxEmbedder("all-MiniLM-L6-v2", cache_dir=folder, precision="fp32")
    return folder


@pytest.fixture(scope="module")
def encoder(graph_dir):
    return OnnxEmbedder("all-MiniLM-L6-v2", cache_dir=graph_dir, precision="fp32")


@pytest.mark.slow
def test_the_onnx_graph_gives_the_vectors_of_sentence_transformers(encoder):
    from sentence_transformers import SentenceTransformer

    folder = packaged_minilm_path()
    ours = encoder.embed_batch(SENTENCES)
    reference = SentenceTransformer(str(folder), device="cpu").encode(SENTENCES, normalize_embeddings=True)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert ours.dtype == np.float32
    assert np.min(np.sum(ours * reference, axis=1)) > 0.999
    # The same vectors, so the same identity: caches and the shipped topic calibration stay valid.
    assert encoder.identity == embedder_identity(str(folder))


@pytest.mark.slow
def test_the_default_model_loads_on_onnx_runtime_and_others_on_sentence_transformers(graph_dir, monkeypatch):
    assert isinstance(load_embedder("all-MiniLM-L6-v2", cache_dir=graph_dir), OnnxEmbedder)
    chosen = []

    class Recording:
        def __init__(self, name):
            chosen.append(name)

    import summarizer.backends.sbert as sbert

    monkeypatch.setattr(sbert, "SentenceTransformerEmbedder", Recording)
    load_embedder("some-org/some-model", cache_dir=graph_dir)  # a hub name: not a local BERT folder
    assert chosen == ["some-org/some-model"]


@pytest.mark.slow
def test_a_cached_graph_is_used_and_a_corrupt_one_is_rebuilt_with_one_line(graph_dir, tmp_path, monkeypatch, caplog):
    cache = tmp_path / "cache"
    shutil.copytree(graph_dir, cache)
    [graph] = cache.glob("*-fp32.onnx")
    calls = []
    real_export = onnx_embedder.export_graph
    monkeypatch.setattr(onnx_embedder, "export_graph", lambda *a: (calls.append(a), real_export(*a)))
    with caplog.at_level(logging.WARNING, logger="summarizer"):
        OnnxEmbedder(cache_dir=cache, precision="fp32")
    assert calls == [] and caplog.records == []  # read from the cache, nothing said
    graph.write_bytes(graph.read_bytes()[:5000])  # cut short, as by a full disk
    with caplog.at_level(logging.WARNING, logger="summarizer"):
        rebuilt = OnnxEmbedder(cache_dir=cache, precision="fp32")
    assert len(calls) == 1
    [line] = [r.getMessage() for r in caplog.records]
    assert str(graph) in line and "building it again" in line
    assert graph.stat().st_size > 1_000_000
    assert [p.name for p in cache.iterdir() if p.name.startswith(".")] == []  # no leftovers of the export
    assert rebuilt.embed_batch(["Shares fell."]).shape == (1, 384)


def test_folders_the_graph_cannot_reproduce_go_to_sentence_transformers(tmp_path):
    source = packaged_minilm_path()
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("config.json", "modules.json", "tokenizer.json"):
        shutil.copy(source / name, folder / name)
    shutil.copytree(source / "1_Pooling", folder / "1_Pooling")
    (folder / "model.safetensors").write_bytes(b"")
    assert onnx_embedder.supported(folder)
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({**pooling, "pooling_mode_cls_token": True}))
    assert not onnx_embedder.supported(folder)  # CLS pooling: not this graph's job
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "model_type": "roberta"}))
    assert not onnx_embedder.supported(folder)
    assert not onnx_embedder.supported(tmp_path / "missing")


@pytest.mark.slow
def test_texts_are_batched_by_tokens_and_keep_their_order(encoder, monkeypatch):
    shapes = []
    session = encoder.session

    class Recording:
        def run(self, outputs, feeds):
            shapes.append(feeds["input_ids"].shape)
            return session.run(outputs, feeds)

    texts = ["Short.", "A sentence of middling length about the markets today.", "x",
             " ".join(["word"] * 60), "Another short one.", "Shares fell."]
    monkeypatch.setattr(encoder, "session", Recording())
    monkeypatch.setattr(encoder, "batch_size", 1)  # a budget of 64 tokens a call
    vectors = encoder.embed_batch(texts)
    assert sum(rows for rows, _ in shapes) == len(texts)
    assert all(rows * width <= 64 or rows == 1 for rows, width in shapes)
    assert len(shapes) > 1 and max(rows for rows, _ in shapes) > 1  # short texts share a call
    monkeypatch.undo()
    one_by_one = np.stack([encoder.embed_batch([t])[0] for t in texts])
    assert np.allclose(vectors, one_by_one, atol=1e-5)  # each row is its own text's vector, padding or not


@pytest.mark.slow
def test_span_vectors_are_the_mean_of_their_tokens_from_the_same_pass(encoder):
    texts = ["The central bank raised interest rates.", SENTENCES[4], "Shares fell."]
    rate = texts[0].index("rates")
    # "central bank", "The", part of "rates"; "inflation", one past the model's 256 tokens, one across the cut
    read_to = encoder.tokenizer.encode(texts[1]).offsets[-2][1]  # the end of the last word the model reads
    spans = [[(4, 16), (0, 3), (rate + 1, rate + 4)], [(0, 9), (3000, 3009), (read_to - 9, read_to + 11)], []]
    vectors, pooled = encoder.embed_with_spans(texts, spans)
    assert np.allclose(vectors, encoder.embed_batch(texts), atol=1e-6)  # the sentence vectors are unchanged
    assert pooled[1][0] is not None
    assert pooled[1][1] is None and pooled[1][2] is None  # not read, or not read to its end
    assert pooled[2] == []  # a text without spans gets none
    for text, text_spans, text_pooled in zip(texts, spans, pooled, strict=True):
        encoding = encoder.tokenizer.encode(text)  # the text alone, without padding
        ids = np.array([encoding.ids], dtype=np.int64)
        _, tokens = encoder.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        for (a, b), vector in zip(text_spans, text_pooled, strict=True):
            if vector is None:
                continue
            inside = [i for i, (s, e) in enumerate(encoding.offsets) if e > s and s < b and e > a]
            assert inside  # a token counts when it overlaps the span
            assert np.allclose(vector, tokens[0, inside].mean(axis=0), atol=1e-5)


@pytest.mark.slow
def test_the_default_path_runs_without_pytorch_once_the_graph_is_cached(graph_dir):
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from summarizer import Summarizer
        from summarizer.records import Article
        s = Summarizer(cache_dir=Path({str(graph_dir)!r}), jobs=1, result_cache=False)
        [r] = s.summarize_batch([Article(id="a", text="The central bank raised rates on Tuesday. "
                                         "Shares in London fell by two per cent after the news.")])
        assert r.ok and r.summary, r
        print(sorted(m for m in ("torch", "transformers", "sentence_transformers") if sys.modules.get(m)))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.fixture(scope="module")
def int8(tmp_path_factory):
    return OnnxEmbedder("all-MiniLM-L6-v2", cache_dir=tmp_path_factory.mktemp("int8"))  # int8 is the default


#: Long, loud neighbours: in a shared call they set the scale of dynamically quantised activations.
LOUD = [" ".join(["BREAKING!!! $$$ 1,000,000,000 ###"] * 30), "GOAL " * 100, "x"]
#: Texts of one number of tokens, which share calls of the int8 graph.
SAME_LENGTH = [f"Sentence number {n} of a longer batch." for n in range(40)]


def _padded_call(embedder, texts):
    encodings = embedder.tokenizer.encode_batch(texts)
    width = max(len(e.ids) for e in encodings)
    batch = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(batch)
    for r, e in enumerate(encodings):
        batch[r, : len(e.ids)], mask[r, : len(e.ids)] = e.ids, 1
    return embedder.session.run(["sentence"], {"input_ids": batch, "attention_mask": mask})[0]


@pytest.mark.slow
def test_per_token_int8_keeps_a_sentence_from_its_neighbours_where_the_quantisers_graph_does_not(
        int8, graph_dir, tmp_path):
    """The problem of issue #17: quantize_dynamic takes an activation's scale from the whole call; the
    default graph gives each token a scale of its own."""
    plain = tmp_path / "plain.onnx"
    fp32_graph = next(graph_dir.glob("embedder-*-fp32.onnx"))
    onnx_embedder._quantize(fp32_graph, plain, onnx_embedder.Precision("plain", quantize=True))
    import onnxruntime

    quantisers = OnnxEmbedder.__new__(OnnxEmbedder)
    quantisers.tokenizer = int8.tokenizer
    quantisers.session = onnxruntime.InferenceSession(str(plain), providers=["CPUExecutionProvider"])
    for embedder, moved in ((quantisers, lambda d: d > 1e-3), (int8, lambda d: d < 1e-5)):
        alone = _padded_call(embedder, SENTENCES[:1])[0]
        beside_loud = _padded_call(embedder, [SENTENCES[0], *LOUD])[0]
        assert moved(np.abs(beside_loud - alone).max())


@pytest.mark.slow
def test_an_int8_vector_is_the_same_alone_and_in_any_batch(int8):
    texts = SENTENCES + SAME_LENGTH
    alone = np.stack([int8.embed_batch([t])[0] for t in texts])
    together = int8.embed_batch(texts + LOUD)[: len(texts)]
    reversed_ = int8.embed_batch(LOUD + texts[::-1])[len(LOUD):][::-1]
    assert np.array_equal(alone, together) and np.array_equal(alone, reversed_)  # bitwise: records reproduce
    texts = SENTENCES[:2] + SAME_LENGTH[:3] + LOUD
    spans = [[(4, 16)], [(0, 7)], [(0, 8)], [(0, 8)], [(0, 8)], [], [], []]
    _, pooled = int8.embed_with_spans(texts, spans)
    for i in (0, 3):
        _, pooled_alone = int8.embed_with_spans(texts[i : i + 1], spans[i : i + 1])
        assert np.array_equal(pooled[i][0], pooled_alone[0][0])  # keyword span vectors too


def test_texts_of_one_length_share_the_calls_of_the_int8_graph(int8, monkeypatch):
    widths = []
    run = int8.session.run

    def recording(names, feed):
        widths.append(feed["input_ids"].shape)
        return run(names, feed)

    monkeypatch.setattr(int8, "session", type("S", (), {"run": staticmethod(recording)})())
    int8.embed_batch(SAME_LENGTH + ["A much longer sentence than the others, with many more words in it."])
    assert sorted(widths)[0][0] == 1 and max(rows for rows, _ in widths) > 1  # the long one alone; the others share
    assert all(rows * width <= int8.token_budget() for rows, width in widths if rows > 1)


@pytest.mark.slow
def test_int8_calls_spread_over_threads_give_the_vectors_of_one_thread(int8, tmp_path):
    one = OnnxEmbedder("all-MiniLM-L6-v2", cache_dir=Path(int8.graph).parent, threads=1)
    two = OnnxEmbedder("all-MiniLM-L6-v2", cache_dir=Path(int8.graph).parent, threads=2)
    assert (one.workers, two.workers) == (1, 2)
    texts = SENTENCES + LOUD + [f"Sentence number {n} of a longer batch." for n in range(40)]
    spans = [[(0, 8)] if t else [] for t in texts]
    (v1, p1), (v2, p2) = one.embed_with_spans(texts, spans), two.embed_with_spans(texts, spans)
    assert np.array_equal(v1, v2)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(p1, p2, strict=True) if a and a[0] is not None)


@pytest.mark.slow
def test_the_int8_graph_stays_close_to_sentence_transformers_and_says_it_is_another_runtime_of_the_model(
        int8, encoder):
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(packaged_minilm_path()), device="cpu").encode(
        SENTENCES, normalize_embeddings=True)
    cosines = np.sum(int8.embed_batch(SENTENCES) * reference, axis=1)
    # Per-channel int8 weights, per-token int8 activations: on the 1,543 sentences of 100 BBC articles, cosine
    # to float32 mean 0.997 and at worst 0.987 (issue #17).
    assert cosines.mean() > 0.99 and cosines.min() > 0.97
    assert int8.identity != encoder.identity  # other vectors: no cache of fp32's vectors applies
    assert int8.identity.endswith(":onnx-int8-pertoken")  # nor one of earlier int8 graphs
    # ... but the same model: the topic calibration learned on its similarities does.
    assert int8.model_identity == encoder.model_identity == encoder.identity


def test_an_unknown_precision_is_named_with_the_choices():
    from summarizer.errors import ModelError

    with pytest.raises(ModelError, match=r"unknown embedder precision 'int4'; choose one of: fp32, int8"):
        OnnxEmbedder("all-MiniLM-L6-v2", precision="int4")


def test_a_gpu_device_puts_any_model_on_sentence_transformers_with_that_device(monkeypatch):
    """The ONNX path is the CPU's: on a GPU the default model too runs on sentence-transformers, on that device."""
    from summarizer.errors import UsageError

    chosen = []

    class Recording:
        def __init__(self, name, *, device="cpu"):
            chosen.append((name, device))

    import summarizer.backends.sbert as sbert

    monkeypatch.setattr(sbert, "SentenceTransformerEmbedder", Recording)
    assert isinstance(load_embedder("all-MiniLM-L6-v2", device="cuda:1"), Recording)
    load_embedder("some-org/some-model", device="mps")
    assert chosen == [("all-MiniLM-L6-v2", "cuda:1"), ("some-org/some-model", "mps")]
    with pytest.raises(UsageError, match="ONNX embedder runs on the CPU only, not on 'cuda'"):
        load_embedder("all-MiniLM-L6-v2", "onnx", device="cuda")


def test_an_embedder_device_is_checked_when_the_settings_are_made():
    from summarizer.errors import UsageError
    from summarizer.settings import Settings

    assert Settings().embedder_device == "cpu" and Settings(embedder_device="cuda:0").embedder_device == "cuda:0"
    with pytest.raises(UsageError, match=r"unknown embedder device 'auto'; choose one of: cpu, cuda, mps"):
        Settings(embedder_device="auto")  # auto would import PyTorch to look for a GPU
    with pytest.raises(UsageError, match=r"unknown embedder device 'cuda:x'"):
        Settings(embedder_device="cuda:x")


def test_int8_asked_for_a_gpu_is_an_error_not_silently_float32(monkeypatch):
    """On a GPU the model runs in float32 with sentence-transformers; an explicit int8 there would be ignored."""
    from summarizer.errors import UsageError
    from summarizer.settings import Settings

    monkeypatch.delenv("SUMMARIZER_EMBEDDER_PRECISION", raising=False)
    assert Settings.from_env(embedder_device="cuda").embedder_device == "cuda"  # the default precision: no error
    assert Settings.from_env(embedder_device="mps", embedder_precision="fp32").embedder_precision == "fp32"
    assert Settings.from_env(embedder_precision="int8").embedder_precision == "int8"  # on the CPU, as asked
    with pytest.raises(UsageError, match=r"--embedder-precision int8 is the CPU's ONNX graph; on 'cuda'"):
        Settings.from_env(embedder_device="cuda", embedder_precision="int8")
    monkeypatch.setenv("SUMMARIZER_EMBEDDER_PRECISION", "int8")
    with pytest.raises(UsageError, match=r"SUMMARIZER_EMBEDDER_PRECISION int8 .* on 'mps'"):
        Settings.from_env(embedder_device="mps")


@pytest.mark.slow
def test_a_gpu_this_machine_lacks_is_one_clear_error_naming_the_device(tmp_path):
    """`--embedder-device` asks for a GPU that is not there (here PyTorch is the CPU build, or has no such GPU)."""
    from click.testing import CliRunner

    from summarizer.cli import main

    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    (tmp_path / "a.txt").write_text("Officials met in Paris on Monday to discuss the new budget plan.", "utf-8")
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--embedder-device", "cuda", "-q",
                                       "--no-cache"])
    assert result.exit_code != 0
    assert "could not put the embedding model 'all-MiniLM-L6-v2' on the device 'cuda'" in result.stderr
    assert "leave out --embedder-device" in result.stderr and "Traceback" not in result.stderr


def test_a_quantised_graph_of_an_unknown_shape_is_one_clear_error_with_a_way_out():
    """_per_token_activations reads the pattern quantize_dynamic writes; another shape is refused by name."""
    from onnx import TensorProto, helper

    from summarizer.errors import ModelError

    nodes = [helper.make_node("DynamicQuantizeLinear", ["x"], ["xq", "xs", "xz"]),
             helper.make_node("MatMulInteger", ["xq", "w", "xz", "wz"], ["y"], name="odd_product"),
             helper.make_node("Identity", ["y"], ["out"])]
    graph = helper.make_graph(nodes, "odd", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
                              [helper.make_tensor_value_info("out", TensorProto.INT32, [1, 4])])
    with pytest.raises(ModelError, match=r"after its node 'odd_product'.*--embedder-precision fp32"):
        onnx_embedder._per_token_activations(helper.make_model(graph))
