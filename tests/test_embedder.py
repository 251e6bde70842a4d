"""The default embedder: the small BERT encoder gives sentence-transformers' vectors, and knows its limits."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from summarizer.backends import bert
from summarizer.backends.sbert import SentenceTransformerEmbedder, packaged_minilm_path

SENTENCES = [
    "The central bank raised interest rates by a quarter of a percentage point on Tuesday.",
    "Striker Ana Silva scored twice as her team won the cup final 3-1.",
    "",
    "Ünïcödé façade — 中文 😀 naïve café",
    " ".join(["inflation"] * 400),  # longer than the model's 256 tokens: cut the same way
    "x",
]


@pytest.mark.slow
def test_the_small_encoder_gives_the_vectors_of_sentence_transformers():
    from sentence_transformers import SentenceTransformer

    folder = packaged_minilm_path()
    assert bert.supported(folder)
    ours = bert.BertEncoder(folder).encode(SENTENCES, max_tokens=40)
    reference = SentenceTransformer(str(folder), device="cpu").encode(SENTENCES, normalize_embeddings=True)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert np.min(np.sum(ours * reference, axis=1)) > 0.99999
    default = SentenceTransformerEmbedder("all-MiniLM-L6-v2")  # the default model runs on this encoder
    assert isinstance(default.model, bert.BertEncoder)
    assert np.allclose(default.embed_batch(SENTENCES[:2]), ours[:2], atol=1e-5)


def test_folders_the_small_encoder_cannot_reproduce_go_to_sentence_transformers(tmp_path):
    source = packaged_minilm_path()
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("config.json", "modules.json", "tokenizer.json"):
        shutil.copy(source / name, folder / name)
    shutil.copytree(source / "1_Pooling", folder / "1_Pooling")
    (folder / "model.safetensors").write_bytes(b"")
    assert bert.supported(folder)
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({**pooling, "pooling_mode_cls_token": True}))
    assert not bert.supported(folder)  # CLS pooling: not this encoder's job
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "model_type": "roberta"}))
    assert not bert.supported(folder)
    assert not bert.supported(tmp_path / "missing")


def test_the_small_encoder_batches_by_tokens_and_keeps_the_order():
    encoder = bert.BertEncoder(packaged_minilm_path())
    shapes = []
    model = encoder.model

    def recording(ids, attention):
        shapes.append(tuple(ids.shape))
        return model(ids, attention)

    encoder.model = recording
    texts = ["Short.", "A sentence of middling length about the markets today.", "x",
             " ".join(["word"] * 60), "Another short one.", "Shares fell."]
    vectors = encoder.encode(texts, max_tokens=24)
    assert sum(rows for rows, _ in shapes) == len(texts)
    assert all(rows * width <= 24 or rows == 1 for rows, width in shapes)
    assert len(shapes) > 1 and max(rows for rows, _ in shapes) > 1  # short texts share a batch
    encoder.model = model
    one_by_one = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.allclose(vectors, one_by_one, atol=1e-5)  # each row is its own text's vector


def test_span_vectors_are_the_mean_of_their_tokens_from_the_same_pass():
    encoder = bert.BertEncoder(packaged_minilm_path())
    texts = ["The central bank raised interest rates.", SENTENCES[4], "Shares fell."]
    rate = texts[0].index("rates")
    # "central bank", "The", part of "rates"; "inflation", one past the model's 256 tokens, one across the cut
    read_to = encoder.tokenizer.encode(texts[1]).offsets[-2][1]  # the end of the last word the model reads
    spans = [[(4, 16), (0, 3), (rate + 1, rate + 4)], [(0, 9), (3000, 3009), (read_to - 9, read_to + 11)], []]
    vectors, pooled = encoder.encode_spans(texts, spans, max_tokens=24)
    assert np.allclose(vectors, encoder.encode(texts), atol=1e-6)  # the sentence vectors are unchanged
    assert pooled[1][0] is not None
    assert pooled[1][1] is None and pooled[1][2] is None  # not read, or not read to its end
    assert pooled[2] == []  # a text without spans gets none
    for text, text_spans, text_pooled in zip(texts, spans, pooled, strict=True):
        encoding = encoder.tokenizer.encode(text)  # the text alone, without padding
        ids = encoder._torch.tensor([encoding.ids])
        with encoder._torch.inference_mode():
            _, tokens = encoder.model(ids, encoder._torch.ones_like(ids))
        for (a, b), vector in zip(text_spans, text_pooled, strict=True):
            if vector is None:
                continue
            inside = [i for i, (s, e) in enumerate(encoding.offsets) if e > s and s < b and e > a]
            assert inside  # a token counts when it overlaps the span
            assert np.allclose(vector, tokens[0, inside].mean(dim=0).numpy(), atol=1e-5)
